//! Tables that continue across pages: a row too tall for what is left of a page is split between
//! lines, and the header is repeated at the top of every page the table reaches.
//!
//! Pure: no PDF, no I/O.

use super::{Flow, LineBox, height};
use crate::page::{Item, Rect, Role, Rule, Tag};
use dpia_core::palette::Rgb;

impl Flow {
    /// The height a table needs at the foot of a page to start there: its header and first
    /// few rows, or the start of a long first row.
    pub fn table_start(&self, table: &Table, rows: &[Row]) -> f32 {
        let first_rows: f32 = rows
            .iter()
            .take(KEEP_ROWS)
            .map(|row| table.row_height(row))
            .sum();
        table.row_height(&table.header_row()) + first_rows.min(self.page_height() / 3.0)
    }

    /// Places a table: the header, then each row, continuing rows across pages with the header
    /// repeated at the top of every page the table reaches (as page furniture: a reader hears it
    /// once).
    pub fn table(&mut self, table: &Table, rows: Vec<Row>) {
        let header = self.start_table(table, &rows);
        for row in rows {
            self.add_row(table, &header, row);
        }
        self.end_table(table);
    }

    /// Starts a table whose rows are added one at a time (`add_row`, then `end_table`), for a
    /// table too long to hold laid out whole: `first_rows` are its first rows (`KEEP_ROWS` of
    /// them are enough), to keep with its header. Returns the header, to repeat on every page.
    pub fn start_table(&mut self, table: &Table, first_rows: &[Row]) -> Row {
        let header = table.header_row();
        self.keep(self.table_start(table, first_rows));
        self.open_table(table);
        self.table_header(table, &header, false);
        header
    }

    /// Adds the next row of the table `start_table` started.
    pub fn add_row(&mut self, table: &Table, header: &Row, row: Row) {
        self.table_row(table, Some(header), row);
    }

    /// Ends the table `start_table` started.
    pub fn end_table(&mut self, table: &Table) {
        self.close_table(table);
    }

    /// Places table rows without a header, continuing rows across pages.
    pub fn table_body(&mut self, table: &Table, rows: Vec<Row>) {
        self.open_table(table);
        for row in rows {
            self.table_row(table, None, row);
        }
        self.close_table(table);
    }

    fn open_table(&mut self, table: &Table) {
        if !table.is_layout {
            self.open(Tag::new(Role::Table));
        }
    }

    fn close_table(&mut self, table: &Table) {
        if !table.is_layout {
            self.close();
        }
    }

    fn table_header(&mut self, table: &Table, header: &Row, is_repeated: bool) {
        // The table has started where it fits: a heading above it stays where it is.
        self.heading = None;
        if is_repeated {
            self.open(Tag::new(Role::Artifact));
        }
        let height = table.row_height(header);
        self.mark(Item::Rect(Rect {
            x: self.frame.left,
            y: self.y,
            width: table.width(),
            height,
            fill: table.header_fill,
        }));
        self.open(Tag::new(Role::TR));
        let keys = vec![None; header.cells.len()];
        self.draw_row(table, header, height, &keys, Role::ColumnHeader);
        self.close();
        self.mark(Item::Rule(Rule {
            x1: self.frame.left,
            y1: self.y + height,
            x2: self.frame.left + table.width(),
            y2: self.y + height,
            thickness: 0.8,
            colour: table.header_rule,
        }));
        self.y += height;
        if is_repeated {
            self.close();
        }
    }

    fn table_row(&mut self, table: &Table, header: Option<&Row>, mut row: Row) {
        let header_height = header.map_or(0.0, |header| table.row_height(header));
        // A row split across pages is one row, each cell one cell, to a reader.
        let keys: Vec<Option<u32>> = row.cells.iter().map(|_| Some(self.new_key())).collect();
        if !table.is_layout {
            self.open(Tag::new(Role::TR));
        }
        loop {
            let height = table.row_height(&row);
            if height <= self.remaining() {
                self.draw_row(table, &row, height, &keys, Role::TD);
                self.row_rule(table, height);
                self.y += height;
                self.heading = None;
                break;
            }
            let inner = self.remaining() - 2.0 * table.pad_y;
            // Split only rows too tall to move whole, and only where a few lines fit; otherwise
            // the row starts afresh on the next page.
            let fresh_page = self.page_height() - header_height;
            let is_tall = height > fresh_page * table.split_fraction;
            let was_empty = self.y <= self.frame.top + header_height + 0.01;
            if (is_tall || was_empty) && inner >= table.min_split_height {
                let (now, rest) =
                    row.split(inner, table.continued.as_ref(), &mut || self.new_key());
                let now_height = table.row_height(&now);
                self.draw_row(table, &now, now_height, &keys, Role::TD);
                self.row_rule(table, now_height);
                self.y += now_height;
                self.heading = None;
                row = rest;
            }
            self.break_page();
            if let Some(header) = header {
                self.table_header(table, header, true);
            }
        }
        if !table.is_layout {
            self.close();
        }
    }

    fn row_rule(&mut self, table: &Table, height: f32) {
        self.mark(Item::Rule(Rule {
            x1: self.frame.left,
            y1: self.y + height,
            x2: self.frame.left + table.width(),
            y2: self.y + height,
            thickness: 0.4,
            colour: table.row_rule,
        }));
    }

    /// Draws a row's cells, each tagged `role` (the first `Role::RowHeader` in a table with row
    /// headers, and a paragraph in a layout table), under its key in `keys`.
    fn draw_row(
        &mut self,
        table: &Table,
        row: &Row,
        height: f32,
        keys: &[Option<u32>],
        role: Role,
    ) {
        if let Some(fill) = row.fill {
            self.mark(Item::Rect(Rect {
                x: self.frame.left,
                y: self.y,
                width: table.width(),
                height,
                fill,
            }));
        }
        let top = self.y;
        let mut x = self.frame.left;
        for (cell_idx, (cell, width)) in row.cells.iter().zip(&table.widths).enumerate() {
            if cell_idx > 0 && table.has_column_rules {
                self.mark(Item::Rule(Rule {
                    x1: x,
                    y1: top,
                    x2: x,
                    y2: top + height,
                    thickness: 0.3,
                    colour: table.row_rule,
                }));
            }
            let cell_role = if table.is_layout {
                Role::P
            } else if cell_idx == 0 && table.has_row_headers && role == Role::TD {
                Role::RowHeader
            } else {
                role
            };
            self.mark(Item::Open(Tag {
                key: keys.get(cell_idx).copied().flatten(),
                ..Tag::new(cell_role)
            }));
            let mut y = top + table.pad_y;
            for line in cell {
                if let Some(page) = self.pages.last_mut() {
                    page.items
                        .extend(line.items.iter().map(|item| item.moved(x + table.pad_x, y)));
                }
                y += line.height;
            }
            self.mark(Item::Close);
            x += width;
        }
    }
}

/// How many rows a table's header is kept with at the foot of a page.
pub const KEEP_ROWS: usize = 3;

/// A table's columns and look.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Column widths, in points, including padding.
    pub widths: Vec<f32>,
    /// The header cells, already wrapped to the columns' inner widths.
    pub header: Vec<Vec<LineBox>>,
    /// Space inside a cell, left and right.
    pub pad_x: f32,
    /// Space inside a cell, top and bottom.
    pub pad_y: f32,
    /// The header's background.
    pub header_fill: Rgb,
    /// The rule under the header.
    pub header_rule: Rgb,
    /// The rules between rows and columns.
    pub row_rule: Rgb,
    /// Whether columns are separated by thin rules.
    pub has_column_rules: bool,
    /// The least height of lines worth putting at the bottom of a page when a row is split.
    pub min_split_height: f32,
    /// Rows taller than this fraction of a page are split rather than moved to the next page.
    pub split_fraction: f32,
    /// A line put at the top of the first cell where a row continues on a new page.
    pub continued: Option<LineBox>,
    /// Whether each row's first cell heads its row (a list of labels and values).
    pub has_row_headers: bool,
    /// Whether the table only lays things out (a box around a notice): its cells are read as
    /// paragraphs, not as a table.
    pub is_layout: bool,
}

impl Table {
    /// A table with these column widths and header cells, and the house look.
    pub fn new(widths: Vec<f32>, header: Vec<Vec<LineBox>>) -> Self {
        Self {
            widths,
            header,
            pad_x: 4.0,
            pad_y: 3.5,
            header_fill: dpia_core::palette::HEADER_FILL,
            header_rule: dpia_core::palette::ACCENT,
            row_rule: dpia_core::palette::RULE,
            has_column_rules: false,
            min_split_height: 30.0,
            split_fraction: 0.3,
            continued: None,
            has_row_headers: false,
            is_layout: false,
        }
    }

    /// The inner width of column `column_idx`: what its text wraps to.
    pub fn inner_width(&self, column_idx: usize) -> f32 {
        self.widths
            .get(column_idx)
            .map_or(0.0, |width| width - 2.0 * self.pad_x)
    }

    /// The table's total width.
    pub fn width(&self) -> f32 {
        self.widths.iter().sum()
    }

    fn header_row(&self) -> Row {
        Row {
            cells: self.header.clone(),
            fill: None,
        }
    }

    /// The height a row takes: its tallest cell plus padding.
    pub fn row_height(&self, row: &Row) -> f32 {
        row.cells
            .iter()
            .map(|cell| height(cell))
            .fold(0.0, f32::max)
            + 2.0 * self.pad_y
    }
}

/// One table row: a list of wrapped lines per column.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    /// The cells, left to right.
    pub cells: Vec<Vec<LineBox>>,
    /// A background for the whole row.
    pub fill: Option<Rgb>,
}

impl Row {
    /// A row of these cells.
    pub fn new(cells: Vec<Vec<LineBox>>) -> Self {
        Self { cells, fill: None }
    }

    /// The lines of each cell that fit in `height`, and the rest, which continue on the next page
    /// under `continued` in the first cell. A part of the document open where a cell breaks (a
    /// list of mitigations) closes at the break and continues after it, as one part (`new_key`).
    fn split(
        self,
        height: f32,
        continued: Option<&LineBox>,
        new_key: &mut dyn FnMut() -> u32,
    ) -> (Self, Self) {
        let mut now = Vec::new();
        let mut rest = Vec::new();
        for (cell_idx, cell) in self.cells.into_iter().enumerate() {
            let mut used = 0.0;
            let mut cell_now = Vec::new();
            let mut cell_rest = Vec::new();
            for line in cell {
                if cell_rest.is_empty() && used + line.height <= height + 0.01 {
                    used += line.height;
                    cell_now.push(line);
                } else {
                    cell_rest.push(line);
                }
            }
            continue_parts(&mut cell_now, &mut cell_rest, new_key);
            if cell_idx == 0
                && let Some(marker) = continued
            {
                cell_rest.insert(0, marker.clone());
            }
            now.push(cell_now);
            rest.push(cell_rest);
        }
        (
            Self {
                cells: now,
                fill: self.fill,
            },
            Self {
                cells: rest,
                fill: self.fill,
            },
        )
    }
}

/// Closes at the end of `now` every part its lines leave open, and opens each again at the start of
/// `rest`, under a key (kept, or new) so both halves are one part.
fn continue_parts(now: &mut [LineBox], rest: &mut [LineBox], new_key: &mut dyn FnMut() -> u32) {
    let mut open: Vec<usize> = Vec::new();
    let mut positions = Vec::new();
    for (line_idx, line) in now.iter().enumerate() {
        for (item_idx, item) in line.items.iter().enumerate() {
            match item {
                Item::Open(_) => {
                    open.push(positions.len());
                    positions.push((line_idx, item_idx));
                }
                Item::Close => {
                    open.pop();
                }
                _ => {}
            }
        }
    }
    if open.is_empty() {
        return;
    }
    let mut reopened = Vec::new();
    for &position_idx in &open {
        let (line_idx, item_idx) = positions[position_idx];
        if let Item::Open(tag) = &mut now[line_idx].items[item_idx] {
            let key = *tag.key.get_or_insert_with(&mut *new_key);
            reopened.push(Item::Open(Tag {
                key: Some(key),
                ..tag.clone()
            }));
        }
    }
    if let Some(last) = now.last_mut() {
        last.items.extend(open.iter().map(|_| Item::Close));
    }
    if let Some(first) = rest.first_mut() {
        first.items.splice(0..0, reopened);
    }
}

#[cfg(test)]
mod tests {
    use super::super::paragraph;
    use super::super::test_util::{frame, style};
    use super::*;

    #[test]
    fn table_rows_continue_across_pages_with_the_header_repeated() {
        let mut flow = Flow::new(frame());
        let header = vec![
            paragraph("Issue", style(), 100.0, 12.0),
            paragraph("Concern", style(), 100.0, 12.0),
        ];
        let mut table = Table::new(vec![108.0, 108.0], header);
        table.continued = Some(paragraph("(continued)", style(), 100.0, 12.0).remove(0));
        let concern = (0..60)
            .map(|n| format!("w{n:02}"))
            .collect::<Vec<_>>()
            .join(" ");
        let row = Row::new(vec![
            paragraph("Long one", style(), 100.0, 12.0),
            paragraph(&concern, style(), 100.0, 12.0),
        ]);
        flow.table(&table, vec![row]);
        let (pages, _) = flow.finish();
        assert!(pages.len() >= 3, "{} pages", pages.len());
        let mut words = Vec::new();
        for page in &pages {
            let text = page.text();
            assert!(
                text.starts_with("Issue Concern"),
                "header on every page:\n{text}"
            );
            words.extend(
                text.split_whitespace()
                    .filter(|w| w.starts_with('w') && w.len() == 3)
                    .map(str::to_owned),
            );
        }
        let expected: Vec<String> = (0..60).map(|n| format!("w{n:02}")).collect();
        assert_eq!(words, expected, "every word once, in order");
        assert!(
            pages[1].text().contains("(continued)"),
            "{}",
            pages[1].text()
        );
        for page in &pages {
            for item in &page.items {
                if let Item::Text(run) = item {
                    assert!(run.baseline <= 150.0, "{run:?} below the frame");
                }
            }
        }
    }
}
