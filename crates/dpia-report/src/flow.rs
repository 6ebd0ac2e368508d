//! Setting text in lines and lines on pages: inline wrapping, page breaks and tables that continue
//! across pages with their header repeated.
//!
//! The building block is the `LineBox`: one line's marks, positioned relative to the line's
//! top-left corner, and its height. Paragraphs wrap into line boxes; the `Flow` stacks them down
//! the page and starts a new page when the next one does not fit. Pure: no PDF, no I/O.

use super::metrics::{self, Face};
use super::page::{Bookmark, Item, Page, Rect, Rule, TextRun};
use dpia_core::palette::Rgb;

/// How a piece of text is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    /// The face.
    pub face: Face,
    /// Size in points.
    pub size: f32,
    /// Colour.
    pub colour: Rgb,
}

impl Style {
    /// The same style in another face.
    #[must_use]
    pub fn with_face(self, face: Face) -> Self {
        Self { face, ..self }
    }

    /// The same style in another colour.
    #[must_use]
    pub fn with_colour(self, colour: Rgb) -> Self {
        Self { colour, ..self }
    }

    /// The same style at another size.
    #[must_use]
    pub fn with_size(self, size: f32) -> Self {
        Self { size, ..self }
    }
}

/// A piece of inline content to be wrapped.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    /// Text, broken at spaces; a `\n` in it forces a line break.
    Text {
        /// The text.
        text: String,
        /// How it is set.
        style: Style,
    },
    /// A short label on a coloured background, never broken: a score or a level.
    Chip {
        /// The label.
        text: String,
        /// How the label is set.
        style: Style,
        /// The background.
        fill: Rgb,
    },
    /// Blank space of a fixed width, where a line may break.
    Gap {
        /// The width in points.
        width: f32,
    },
}

impl Inline {
    /// Text in `style`.
    pub fn text(text: impl Into<String>, style: Style) -> Self {
        Self::Text {
            text: text.into(),
            style,
        }
    }

    /// A chip with `text` in `style` on `fill`.
    pub fn chip(text: impl Into<String>, style: Style, fill: Rgb) -> Self {
        Self::Chip {
            text: text.into(),
            style,
            fill,
        }
    }
}

/// One line's marks, relative to its top-left corner, and how much height it takes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LineBox {
    /// The height the line takes, including its leading.
    pub height: f32,
    /// The marks, positioned from the line's top-left corner.
    pub items: Vec<Item>,
}

impl LineBox {
    /// An empty line of `height`: vertical space.
    pub fn gap(height: f32) -> Self {
        Self {
            height,
            items: Vec::new(),
        }
    }

    /// The same line with every mark moved right by `dx`.
    #[must_use]
    pub fn indented(mut self, dx: f32) -> Self {
        for item in &mut self.items {
            *item = item.moved(dx, 0.0);
        }
        self
    }

    /// How far right the line's marks reach.
    pub fn extent(&self) -> f32 {
        self.items
            .iter()
            .map(|item| match item {
                Item::Text(run) => run.x + metrics::width(&run.text, run.face, run.size),
                Item::Rect(rect) => rect.x + rect.width,
                Item::Rule(rule) => rule.x1.max(rule.x2),
            })
            .fold(0.0, f32::max)
    }

    /// The text of the line's runs, joined: for tests and for deciding what a line says.
    pub fn text(&self) -> String {
        self.items
            .iter()
            .filter_map(|item| match item {
                Item::Text(run) => Some(run.text.as_str()),
                Item::Rect(_) | Item::Rule(_) => None,
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The total height of some lines.
pub fn height(lines: &[LineBox]) -> f32 {
    lines.iter().map(|line| line.height).sum()
}

/// Horizontal padding inside a chip, as a fraction of its text size.
const CHIP_PAD_X: f32 = 0.35;
/// Vertical padding inside a chip, as a fraction of its text size.
const CHIP_PAD_Y: f32 = 0.3;
/// The narrowest chip, as a fraction of its text size: two digits wide, so scores line up.
const CHIP_MIN_WIDTH: f32 = 1.9;

/// Wraps `inlines` into lines no wider than `width`, each `line_height` tall.
///
/// Breaks at white space; a word wider than the whole line is broken between characters. Runs of
/// white space count as one space, and a `\n` starts a new line. Empty input gives no lines.
pub fn wrap(inlines: &[Inline], width: f32, line_height: f32) -> Vec<LineBox> {
    let mut lines = LineBuilder::new(width, line_height);
    for inline in inlines {
        match inline {
            Inline::Text { text, style } => {
                for (idx, paragraph) in text.split('\n').enumerate() {
                    if idx > 0 {
                        lines.hard_break();
                    }
                    for (word_idx, word) in paragraph.split(is_space).enumerate() {
                        if word_idx > 0 {
                            lines.pending_space = true;
                        }
                        if !word.is_empty() {
                            lines.word(&printable(word), *style);
                        }
                    }
                }
            }
            Inline::Chip { text, style, fill } => lines.chip(text, *style, *fill),
            Inline::Gap { width } => lines.gap(*width),
        }
    }
    lines.finish()
}

/// Wraps `inlines`, then puts `group` after them on the last line if it fits there whole, or on
/// a line of its own: for things that must not be broken, such as `16 → 9`.
pub fn wrap_with_group(
    inlines: &[Inline],
    group: &[Inline],
    width: f32,
    line_height: f32,
) -> Vec<LineBox> {
    let mut lines = wrap(inlines, width, line_height);
    let group_lines = wrap(group, f32::INFINITY, line_height);
    for group_line in group_lines {
        let space = group.first().map_or(0.0, |inline| match inline {
            Inline::Text { style, .. } | Inline::Chip { style, .. } => {
                metrics::width(" ", style.face, style.size)
            }
            Inline::Gap { .. } => 0.0,
        });
        match lines.last_mut() {
            Some(last) if last.extent() + space + group_line.extent() <= width + 0.01 => {
                let dx = last.extent() + space;
                last.items
                    .extend(group_line.items.into_iter().map(|item| item.moved(dx, 0.0)));
            }
            _ => lines.push(group_line),
        }
    }
    lines
}

/// Wraps one piece of text in one style.
pub fn paragraph(text: &str, style: Style, width: f32, line_height: f32) -> Vec<LineBox> {
    wrap(&[Inline::text(text, style)], width, line_height)
}

fn is_space(c: char) -> bool {
    c.is_whitespace() && c != '\n'
}

/// The text without control characters, which fonts cannot draw.
fn printable(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).collect()
}

/// A mark placed on the line being built, before the line's baseline is known.
#[derive(Debug)]
enum Placed {
    Word {
        x: f32,
        text: String,
        style: Style,
        space_before: bool,
    },
    Chip {
        x: f32,
        width: f32,
        text: String,
        style: Style,
        fill: Rgb,
    },
}

struct LineBuilder {
    width: f32,
    line_height: f32,
    lines: Vec<LineBox>,
    current: Vec<Placed>,
    x: f32,
    /// Whether white space came before the next word or chip.
    pending_space: bool,
}

impl LineBuilder {
    fn new(width: f32, line_height: f32) -> Self {
        Self {
            width,
            line_height,
            lines: Vec::new(),
            current: Vec::new(),
            x: 0.0,
            pending_space: false,
        }
    }

    fn fits(&self, width: f32) -> bool {
        // A hair of tolerance so text measured to exactly the column width is not pushed down.
        self.x + width <= self.width + 0.01
    }

    fn space_width(&self, style: Style) -> f32 {
        if self.pending_space && !self.current.is_empty() {
            metrics::width(" ", style.face, style.size)
        } else {
            0.0
        }
    }

    fn word(&mut self, word: &str, style: Style) {
        let word_width = metrics::width(word, style.face, style.size);
        let space = self.space_width(style);
        if !self.fits(space + word_width) && !self.current.is_empty() {
            self.end_line();
        }
        let space = self.space_width(style);
        if self.fits(space + word_width) {
            self.place_word(word.to_owned(), style, space, word_width);
            return;
        }
        // Wider than a whole line (which is now empty): break it between characters.
        let mut chunk = String::new();
        let mut chunk_width = 0.0;
        for c in word.chars() {
            let advance = metrics::advance(c, style.face) * style.size;
            if !chunk.is_empty() && !self.fits(chunk_width + advance) {
                self.place_word(std::mem::take(&mut chunk), style, 0.0, chunk_width);
                self.end_line();
                chunk_width = 0.0;
            }
            chunk.push(c);
            chunk_width += advance;
        }
        if !chunk.is_empty() {
            self.place_word(chunk, style, 0.0, chunk_width);
        }
    }

    fn place_word(&mut self, text: String, style: Style, space: f32, word_width: f32) {
        let space_before = space > 0.0;
        self.current.push(Placed::Word {
            x: self.x + space,
            text,
            style,
            space_before,
        });
        self.x += space + word_width;
        self.pending_space = false;
    }

    fn chip(&mut self, text: &str, style: Style, fill: Rgb) {
        let chip_width = (metrics::width(text, style.face, style.size)
            + 2.0 * CHIP_PAD_X * style.size)
            .max(CHIP_MIN_WIDTH * style.size);
        let space = self.space_width(style);
        if !self.fits(space + chip_width) && !self.current.is_empty() {
            self.end_line();
        }
        let space = self.space_width(style);
        self.current.push(Placed::Chip {
            x: self.x + space,
            width: chip_width,
            text: text.to_owned(),
            style,
            fill,
        });
        self.x += space + chip_width;
        self.pending_space = false;
    }

    fn gap(&mut self, width: f32) {
        if !self.current.is_empty() {
            if self.fits(width) {
                self.x += width;
            } else {
                self.end_line();
            }
        }
        self.pending_space = false;
    }

    fn hard_break(&mut self) {
        self.end_line();
    }

    fn end_line(&mut self) {
        let placed = std::mem::take(&mut self.current);
        self.lines.push(set_line(placed, self.line_height));
        self.x = 0.0;
        self.pending_space = false;
    }

    fn finish(mut self) -> Vec<LineBox> {
        if !self.current.is_empty() {
            self.end_line();
        }
        self.lines
    }
}

/// Turns placed words into text runs (merging neighbours in the same style) on a common baseline.
fn set_line(placed: Vec<Placed>, line_height: f32) -> LineBox {
    let largest = placed
        .iter()
        .map(|p| match p {
            Placed::Word { style, .. } | Placed::Chip { style, .. } => {
                style.size * metrics::cap_height(style.face)
            }
        })
        .fold(0.0_f32, f32::max);
    // Capitals centred in the line's height.
    let baseline = f32::midpoint(line_height, largest);
    let mut items: Vec<Item> = Vec::new();
    for p in placed {
        match p {
            Placed::Word {
                x,
                text,
                style,
                space_before,
            } => {
                if space_before
                    && let Some(Item::Text(last)) = items.last_mut()
                    && last.face == style.face
                    && (last.size - style.size).abs() < f32::EPSILON
                    && last.colour == style.colour
                {
                    last.text.push(' ');
                    last.text.push_str(&text);
                    continue;
                }
                items.push(Item::Text(TextRun {
                    x,
                    baseline,
                    face: style.face,
                    size: style.size,
                    colour: style.colour,
                    text,
                }));
            }
            Placed::Chip {
                x,
                width,
                text,
                style,
                fill,
            } => {
                let cap = style.size * metrics::cap_height(style.face);
                let pad_y = CHIP_PAD_Y * style.size;
                items.push(Item::Rect(Rect {
                    x,
                    y: baseline - cap - pad_y,
                    width,
                    height: cap + 2.0 * pad_y,
                    fill,
                }));
                let text_width = metrics::width(&text, style.face, style.size);
                items.push(Item::Text(TextRun {
                    x: x + (width - text_width) / 2.0,
                    baseline,
                    face: style.face,
                    size: style.size,
                    colour: style.colour,
                    text,
                }));
            }
        }
    }
    LineBox {
        height: line_height,
        items,
    }
}

/// The printable area of a page and where the cursor is on it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// Left edge of the text.
    pub left: f32,
    /// Width of the text.
    pub width: f32,
    /// Where the first line starts.
    pub top: f32,
    /// Where the last line must end.
    pub bottom: f32,
}

/// Stacks lines down pages, starting a new page when the next line does not fit.
#[derive(Debug, Clone)]
pub struct Flow {
    frame: Frame,
    pages: Vec<Page>,
    y: f32,
    outline: Vec<Bookmark>,
    /// The heading last placed, while too little follows it to leave it at a page's foot.
    heading: Option<Heading>,
}

/// Where a heading starts, so a page break just after it can take it along.
#[derive(Debug, Clone, Copy)]
struct Heading {
    page_idx: usize,
    item_idx: usize,
    bookmark_idx: usize,
    y: f32,
    lines_after: usize,
}

/// How many lines after a heading keep it company at the foot of a page.
const HEADING_COMPANY: usize = 3;

impl Flow {
    /// A flow with one empty page.
    pub fn new(frame: Frame) -> Self {
        Self {
            frame,
            pages: vec![Page::default()],
            y: frame.top,
            outline: Vec::new(),
            heading: None,
        }
    }

    /// How much height is left on the current page.
    pub fn remaining(&self) -> f32 {
        self.frame.bottom - self.y
    }

    /// The height of a whole empty page.
    pub fn page_height(&self) -> f32 {
        self.frame.bottom - self.frame.top
    }

    /// Whether nothing has been placed on the current page yet.
    pub fn is_at_top(&self) -> bool {
        self.y <= self.frame.top
    }

    /// The 0-based index of the current page.
    pub fn page_idx(&self) -> usize {
        self.pages.len().saturating_sub(1)
    }

    /// Starts a new page for a new section, unless the current one is still empty.
    pub fn new_page(&mut self) {
        self.heading = None;
        self.break_page();
    }

    /// Continues on a new page because what comes next does not fit. A heading with too little
    /// after it moves to the new page, with its bookmark.
    fn break_page(&mut self) {
        if self.is_at_top() {
            return;
        }
        let page_idx = self.page_idx();
        let heading = self
            .heading
            .take()
            .filter(|h| h.page_idx == page_idx && h.y > self.frame.top + 0.01);
        self.pages.push(Page::default());
        let old_y = self.y;
        self.y = self.frame.top;
        if let Some(heading) = heading {
            let dy = self.frame.top - heading.y;
            let moved: Vec<Item> = self
                .pages
                .get_mut(page_idx)
                .map(|page| page.items.split_off(heading.item_idx.min(page.items.len())))
                .unwrap_or_default();
            if let Some(page) = self.pages.last_mut() {
                page.items
                    .extend(moved.iter().map(|item| item.moved(0.0, dy)));
            }
            for bookmark in self.outline.iter_mut().skip(heading.bookmark_idx) {
                bookmark.page_idx = page_idx + 1;
            }
            self.y = old_y + dy;
        }
    }

    /// Places a heading, on a new page unless `following` height fits after it; until a few
    /// lines follow, a page break takes the heading along.
    pub fn heading(&mut self, lines: &[LineBox], following: f32) {
        self.keep(height(lines) + following);
        let start = Heading {
            page_idx: self.page_idx(),
            item_idx: self.pages.last().map_or(0, |page| page.items.len()),
            bookmark_idx: self.outline.len(),
            y: self.y,
            lines_after: 0,
        };
        for line in lines {
            self.line(line);
        }
        self.heading = Some(start);
    }

    /// Counts a line placed after a heading, letting the heading go once enough follow.
    fn followed(&mut self) {
        if let Some(heading) = &mut self.heading {
            heading.lines_after += 1;
            if heading.lines_after >= HEADING_COMPANY {
                self.heading = None;
            }
        }
    }

    /// Makes sure `needed` height is left, starting a new page if not.
    pub fn keep(&mut self, needed: f32) {
        if needed > self.remaining() {
            self.break_page();
        }
    }

    /// Vertical space; dropped at the top of a page.
    pub fn space(&mut self, height: f32) {
        if !self.is_at_top() {
            self.y = (self.y + height).min(self.frame.bottom);
        }
    }

    /// Places one line at the cursor, on a new page if it does not fit.
    pub fn line(&mut self, line: &LineBox) {
        self.keep(line.height);
        self.draw(line, self.frame.left);
        self.y += line.height;
        self.followed();
    }

    /// Places lines one after another, breaking pages between them.
    pub fn lines(&mut self, lines: &[LineBox]) {
        for line in lines {
            self.line(line);
        }
    }

    /// Places lines that must stay together: on a new page if they do not fit on this one.
    pub fn block(&mut self, lines: &[LineBox]) {
        self.keep(height(lines).min(self.page_height()));
        self.lines(lines);
    }

    /// Adds a bookmark to the current page.
    pub fn bookmark(&mut self, title: &str) {
        self.outline.push(Bookmark {
            title: title.to_owned(),
            page_idx: self.page_idx(),
        });
    }

    /// Draws marks of a line box at `x`, the cursor's height, without moving the cursor.
    fn draw(&mut self, line: &LineBox, x: f32) {
        let y = self.y;
        if let Some(page) = self.pages.last_mut() {
            page.items
                .extend(line.items.iter().map(|item| item.moved(x, y)));
        }
    }

    /// Draws one mark at absolute page coordinates on the current page.
    pub fn mark(&mut self, item: Item) {
        if let Some(page) = self.pages.last_mut() {
            page.items.push(item);
        }
    }

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
    /// repeated at the top of every page the table reaches.
    pub fn table(&mut self, table: &Table, rows: Vec<Row>) {
        let header = table.header_row();
        self.keep(self.table_start(table, &rows));
        self.table_header(table, &header);
        for row in rows {
            self.table_row(table, Some(&header), row);
        }
    }

    /// Places table rows without a header, continuing rows across pages.
    pub fn table_body(&mut self, table: &Table, rows: Vec<Row>) {
        for row in rows {
            self.table_row(table, None, row);
        }
    }

    fn table_header(&mut self, table: &Table, header: &Row) {
        // The table has started where it fits: a heading above it stays where it is.
        self.heading = None;
        let height = table.row_height(header);
        self.mark(Item::Rect(Rect {
            x: self.frame.left,
            y: self.y,
            width: table.width(),
            height,
            fill: table.header_fill,
        }));
        self.draw_row(table, header, height);
        self.mark(Item::Rule(Rule {
            x1: self.frame.left,
            y1: self.y + height,
            x2: self.frame.left + table.width(),
            y2: self.y + height,
            thickness: 0.8,
            colour: table.header_rule,
        }));
        self.y += height;
    }

    fn table_row(&mut self, table: &Table, header: Option<&Row>, mut row: Row) {
        let header_height = header.map_or(0.0, |header| table.row_height(header));
        loop {
            let height = table.row_height(&row);
            if height <= self.remaining() {
                self.draw_row(table, &row, height);
                self.row_rule(table, height);
                self.y += height;
                self.heading = None;
                return;
            }
            let inner = self.remaining() - 2.0 * table.pad_y;
            // Split only rows too tall to move whole, and only where a few lines fit; otherwise
            // the row starts afresh on the next page.
            let fresh_page = self.page_height() - header_height;
            let is_tall = height > fresh_page * table.split_fraction;
            let was_empty = self.y <= self.frame.top + header_height + 0.01;
            if (is_tall || was_empty) && inner >= table.min_split_height {
                let (now, rest) = row.split(inner, table.continued.as_ref());
                let now_height = table.row_height(&now);
                self.draw_row(table, &now, now_height);
                self.row_rule(table, now_height);
                self.y += now_height;
                self.heading = None;
                row = rest;
            }
            self.break_page();
            if let Some(header) = header {
                self.table_header(table, header);
            }
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

    fn draw_row(&mut self, table: &Table, row: &Row, height: f32) {
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
            let mut y = top + table.pad_y;
            for line in cell {
                if let Some(page) = self.pages.last_mut() {
                    page.items
                        .extend(line.items.iter().map(|item| item.moved(x + table.pad_x, y)));
                }
                y += line.height;
            }
            x += width;
        }
    }

    /// The pages and the outline laid out so far.
    pub fn finish(self) -> (Vec<Page>, Vec<Bookmark>) {
        (self.pages, self.outline)
    }
}

/// How many rows a table's header is kept with at the foot of a page.
const KEEP_ROWS: usize = 3;

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
    /// under `continued` in the first cell.
    fn split(self, height: f32, continued: Option<&LineBox>) -> (Self, Self) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn style() -> Style {
        Style {
            face: Face::Regular,
            size: 10.0,
            colour: Rgb { r: 0, g: 0, b: 0 },
        }
    }

    fn texts(lines: &[LineBox]) -> Vec<String> {
        lines.iter().map(LineBox::text).collect()
    }

    fn line_width(line: &LineBox) -> f32 {
        line.extent()
    }

    #[test]
    fn wraps_at_word_boundaries_within_the_width() {
        let text = "Images of people never charged are kept, and the unevenness between forces adds a postcode lottery.";
        let width = 120.0;
        let lines = paragraph(text, style(), width, 12.0);
        assert!(lines.len() > 3, "{:?}", texts(&lines));
        for line in &lines {
            assert!(line_width(line) <= width + 0.01, "{} too wide", line.text());
        }
        assert_eq!(texts(&lines).join(" "), text, "no word is lost or broken");
        assert!((height(&lines) - 12.0 * lines.len() as f32).abs() < 1e-3);
    }

    #[test]
    fn breaks_an_over_long_word_between_characters() {
        let word = "x".repeat(200);
        let lines = paragraph(&format!("start {word} end"), style(), 100.0, 12.0);
        for line in &lines {
            assert!(line_width(line) <= 100.01, "{} too wide", line.text());
        }
        let joined: String = texts(&lines).concat();
        assert_eq!(joined.replace(' ', ""), format!("start{word}end"));
        assert!(
            texts(&lines).first().is_some_and(|first| first == "start"),
            "{:?}",
            texts(&lines)
        );
    }

    #[test]
    fn newlines_start_lines_and_spaces_collapse() {
        let lines = paragraph("one  two\nthree\n\nfour", style(), 500.0, 12.0);
        assert_eq!(texts(&lines), ["one two", "three", "", "four"]);
    }

    #[test]
    fn welsh_text_wraps_and_keeps_its_letters() {
        let text = "Mae’r gŵr o Gŵyr yn dweud “ŷ â ê î ô û ï ë” – ac — dyna fe.";
        let lines = paragraph(text, style(), 80.0, 12.0);
        assert_eq!(texts(&lines).join(" "), text);
    }

    #[test]
    fn neighbouring_words_in_one_style_make_one_run() {
        let lines = wrap(
            &[
                Inline::text("Rights", style().with_face(Face::Bold)),
                Inline::text(" privacy and liberty", style()),
            ],
            500.0,
            12.0,
        );
        let runs: Vec<&Item> = lines[0].items.iter().collect();
        assert_eq!(runs.len(), 2, "{runs:?}");
        assert_eq!(lines[0].text(), "Rights privacy and liberty");
    }

    #[test]
    fn chips_are_drawn_behind_their_text() {
        let fill = Rgb { r: 200, g: 0, b: 0 };
        let lines = wrap(
            &[
                Inline::text("Privacy", style()),
                Inline::text(" ", style()),
                Inline::chip("16", style(), fill),
            ],
            500.0,
            12.0,
        );
        let items = &lines[0].items;
        assert!(
            matches!(&items[1], Item::Rect(rect) if rect.fill == fill),
            "{items:?}"
        );
        assert!(
            matches!(&items[2], Item::Text(run) if run.text == "16"),
            "{items:?}"
        );
    }

    #[test]
    fn a_group_stays_whole() {
        let fill = Rgb { r: 200, g: 0, b: 0 };
        let group = [
            Inline::chip("12", style(), fill),
            Inline::text(" → ", style()),
            Inline::chip("6", style(), fill),
        ];
        let label = [Inline::text("Data protection principles", style())];
        let narrow = wrap_with_group(&label, &group, 130.0, 12.0);
        assert_eq!(
            texts(&narrow),
            ["Data protection principles", "12 → 6"],
            "the scores move down together"
        );
        let wide = wrap_with_group(&label, &group, 300.0, 12.0);
        assert_eq!(texts(&wide), ["Data protection principles 12 → 6"]);
    }

    fn frame() -> Frame {
        Frame {
            left: 50.0,
            width: 400.0,
            top: 50.0,
            bottom: 150.0,
        }
    }

    #[test]
    fn flow_breaks_pages_when_lines_run_out() {
        let mut flow = Flow::new(frame());
        let lines = paragraph(&"word ".repeat(200), style(), 100.0, 12.0);
        flow.lines(&lines);
        let (pages, _) = flow.finish();
        // 100 points of page hold 8 lines of 12.
        assert_eq!(pages.len(), lines.len().div_ceil(8));
    }

    #[test]
    fn a_heading_moves_to_the_next_page_with_the_table_it_introduces() {
        let mut flow = Flow::new(frame());
        flow.lines(&paragraph(&"filler ".repeat(60), style(), 100.0, 12.0)[..6]);
        flow.heading(&paragraph("Rights catalogue", style(), 400.0, 14.0), 12.0);
        flow.bookmark("Rights catalogue");
        let table = Table::new(vec![200.0], vec![paragraph("Right", style(), 190.0, 12.0)]);
        let rows = (0..3)
            .map(|n| Row::new(vec![paragraph(&format!("row {n}"), style(), 190.0, 12.0)]))
            .collect();
        flow.table(&table, rows);
        let (pages, outline) = flow.finish();
        assert_eq!(pages.len(), 2);
        assert!(
            !pages[0].text().contains("Rights catalogue"),
            "{}",
            pages[0].text()
        );
        assert!(
            pages[1]
                .text()
                .starts_with("Rights catalogue\nRight\nrow 0"),
            "{}",
            pages[1].text()
        );
        assert_eq!(outline[0].page_idx, 1, "the bookmark follows its heading");
    }

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
