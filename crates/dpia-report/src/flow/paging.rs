//! Page flow: stacking lines down the page, breaking pages when the next line does not fit, and
//! keeping a heading with what follows it. (The page model itself is the crate's `page`.)
//!
//! Pure: no PDF, no I/O.

use super::{LineBox, height, is_tagged_or_blank, paragraph_tag, tagged};
use crate::page::{Bookmark, Item, Page, Role, Tag};

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
    /// The printable area of every page.
    pub(super) frame: Frame,
    /// The pages not yet handed on (`take_finished`); the last is the one being filled.
    pub(super) pages: Vec<Page>,
    /// How many pages were handed on before these.
    taken: usize,
    /// The cursor's height on the current page.
    pub(super) y: f32,
    outline: Vec<Bookmark>,
    /// The heading last placed, while too little follows it to leave it at a page's foot.
    pub(super) heading: Option<Heading>,
    /// The next key for a part of the document that continues (`Tag::key`).
    next_key: u32,
}

/// Where a heading starts, so a page break just after it can take it along.
#[derive(Debug, Clone, Copy)]
pub(super) struct Heading {
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
            taken: 0,
            y: frame.top,
            outline: Vec::new(),
            heading: None,
            next_key: 0,
        }
    }

    /// A key not yet given, for a part of the document opened more than once (a table cell split
    /// across pages).
    pub fn new_key(&mut self) -> u32 {
        self.next_key += 1;
        self.next_key
    }

    /// Starts a part of the document (a list, a table) whose marks follow.
    pub fn open(&mut self, tag: Tag) {
        self.mark(Item::Open(tag));
    }

    /// Ends the part last started.
    pub fn close(&mut self) {
        self.mark(Item::Close);
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
        self.taken + self.pages.len().saturating_sub(1)
    }

    /// The pages that are finished (all but the one being filled), handed on so the paper is
    /// never held whole; page indices count them still.
    pub fn take_finished(&mut self) -> Vec<Page> {
        let finished = self.pages.len().saturating_sub(1);
        self.taken += finished;
        self.pages.drain(..finished).collect()
    }

    /// Starts a new page for a new section, unless the current one is still empty.
    pub fn new_page(&mut self) {
        self.heading = None;
        self.break_page();
    }

    /// Continues on a new page because what comes next does not fit. A heading with too little
    /// after it moves to the new page, with its bookmark.
    pub(super) fn break_page(&mut self) {
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
                .get_mut(page_idx - self.taken)
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

    /// Places a heading of level `role` (`Role::H2`), on a new page unless `following` height
    /// fits after it; until a few lines follow, a page break takes the heading along.
    pub fn heading(&mut self, role: Role, lines: &[LineBox], following: f32) {
        let lines = tagged(Tag::new(role), lines.to_vec());
        let lines = lines.as_slice();
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

    /// Places lines one after another, breaking pages between them: one paragraph, unless they
    /// say what part of the document they are (`tagged`).
    pub fn lines(&mut self, lines: &[LineBox]) {
        if is_tagged_or_blank(lines) {
            for line in lines {
                self.line(line);
            }
        } else {
            for line in tagged(paragraph_tag(), lines.to_vec()) {
                self.line(&line);
            }
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

    /// Ends the flow: the pages not yet handed on, and the outline.
    pub fn finish(&mut self) -> (Vec<Page>, Vec<Bookmark>) {
        self.taken += self.pages.len();
        (
            std::mem::take(&mut self.pages),
            std::mem::take(&mut self.outline),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::{frame, style};
    use super::super::{Row, Table, paragraph};
    use super::*;

    #[test]
    fn pages_handed_on_as_they_finish_are_the_pages_of_the_whole_flow() {
        let lines = paragraph(&"word ".repeat(400), style(), 100.0, 12.0);
        let mut whole = Flow::new(frame());
        for chunk in lines.chunks(5) {
            whole.lines(chunk);
        }
        let (all_at_once, _) = whole.finish();
        let mut flow = Flow::new(frame());
        let mut handed_on = Vec::new();
        for chunk in lines.chunks(5) {
            flow.lines(chunk);
            handed_on.extend(flow.take_finished());
        }
        assert_eq!(flow.page_idx() + 1, all_at_once.len());
        handed_on.extend(flow.finish().0);
        assert_eq!(handed_on, all_at_once);
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
        flow.heading(
            Role::H2,
            &paragraph("Rights catalogue", style(), 400.0, 14.0),
            12.0,
        );
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
}
