//! What a laid-out paper is: pages of positioned text runs, filled rectangles and rules.
//!
//! This is the boundary between layout (which decides everything) and the PDF writer (which only
//! draws). Coordinates are points from the page's top-left corner, y growing down, as a reader
//! reads; the writer flips them for PDF. Nothing here knows about PDF.

use std::fmt::Write as _;

use jiff::Timestamp;

use super::metrics::Face;
use dpia_core::palette::Rgb;

/// A4 width in points.
pub const PAGE_WIDTH: f32 = 595.28;
/// A4 height in points.
pub const PAGE_HEIGHT: f32 = 841.89;

/// A laid-out paper, ready to be written as PDF.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The document's metadata.
    pub info: DocumentInfo,
    /// The pages, in order.
    pub pages: Vec<Page>,
    /// Bookmarks for the PDF reader's outline, in page order.
    pub outline: Vec<Bookmark>,
    /// The register the paper was made from, carried inside it so the paper reopens in the app.
    pub attachment: Option<Attachment>,
}

/// The document's metadata: what a PDF reader shows under "Properties".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentInfo {
    /// The register's title.
    pub title: String,
    /// Who the paper is from.
    pub author: String,
    /// What the paper is.
    pub subject: String,
    /// Search keywords.
    pub keywords: Vec<String>,
    /// The program that made it, with its version.
    pub creator: String,
    /// The paper's language as a BCP 47 tag: `en-GB` or `cy`.
    pub language: String,
    /// When the paper was made; `None` leaves the dates out.
    pub produced: Option<Timestamp>,
}

/// One entry in the PDF outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bookmark {
    /// The heading.
    pub title: String,
    /// The page it points to, 0-based.
    pub page_idx: usize,
}

/// A file carried inside the PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// The file's name, such as `register.ron`.
    pub name: String,
    /// What the file is, shown by PDF readers.
    pub description: String,
    /// The file's contents.
    pub text: String,
}

/// One page: what is drawn on it, in drawing order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// The marks on the page; later ones are drawn over earlier ones.
    pub items: Vec<Item>,
}

/// One mark on a page, or where a part of the document's structure starts or ends.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A run of text on one line.
    Text(TextRun),
    /// A filled rectangle.
    Rect(Rect),
    /// A straight line.
    Rule(Rule),
    /// What the marks that follow are, until the matching `Close`: a heading, a paragraph, a
    /// table cell, a figure, or page furniture a reader skips. Draws nothing; the PDF writer turns
    /// it into the tagged structure a screen reader reads.
    Open(Tag),
    /// The end of the part the last unclosed `Open` started.
    Close,
}

/// A part of the document's structure, as tagged PDF names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// What the part is.
    pub role: Role,
    /// The same part continued, where it breaks across pages or a split table row: parts opened
    /// with the same key are one. `None` for a part that is opened once.
    pub key: Option<u32>,
    /// The words a screen reader says for a figure, instead of its marks.
    pub alt: Option<String>,
    /// The language of the part's text as a BCP 47 tag (`en-GB`, `cy`), where it is not the
    /// paper's: an English right name in a Welsh paper. `None` for the paper's own language.
    pub lang: Option<&'static str>,
}

impl Tag {
    /// A part that is opened once.
    pub fn new(role: Role) -> Self {
        Self {
            role,
            key: None,
            alt: None,
            lang: None,
        }
    }

    /// A run of text inside a paragraph or cell, in the language `lang`.
    pub fn span_in(lang: &'static str) -> Self {
        Self {
            lang: Some(lang),
            ..Self::new(Role::Span)
        }
    }
}

/// What a part of the document is: the standard structure types of tagged PDF, and the page
/// furniture (artifacts) a reader skips.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A section's heading.
    H1,
    /// A subsection's heading.
    H2,
    /// A paragraph.
    P,
    /// A list.
    L,
    /// A list item: its label (`Lbl`) and body (`LBody`).
    LI,
    /// A list item's bullet.
    Lbl,
    /// A list item's text.
    LBody,
    /// A table.
    Table,
    /// A table row.
    TR,
    /// A header cell for its column.
    ColumnHeader,
    /// A header cell for its row.
    RowHeader,
    /// A data cell.
    TD,
    /// A figure, such as a heat map; its `alt` text is what is read.
    Figure,
    /// A run of text within a part, marked out for its language (`Tag::lang`).
    Span,
    /// The running header (the marking at the top): an artifact.
    RunningHeader,
    /// The running footer (title, page N of M, marking): an artifact.
    RunningFooter,
    /// Anything else a reader skips (a repeated table header): an artifact.
    Artifact,
}

impl Role {
    /// Whether a reader skips it: page furniture, not content.
    pub fn is_artifact(self) -> bool {
        matches!(
            self,
            Self::RunningHeader | Self::RunningFooter | Self::Artifact
        )
    }
}

/// A run of text in one face, size and colour, on one baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// Left edge, in points from the page's left edge.
    pub x: f32,
    /// Baseline, in points from the page's top edge.
    pub baseline: f32,
    /// The face.
    pub face: Face,
    /// The size in points.
    pub size: f32,
    /// The colour.
    pub colour: Rgb,
    /// The text, without line breaks.
    pub text: String,
}

/// A filled rectangle.
#[derive(Debug, Clone, PartialEq)]
pub struct Rect {
    /// Left edge, in points from the page's left edge.
    pub x: f32,
    /// Top edge, in points from the page's top edge.
    pub y: f32,
    /// Width in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
    /// The fill colour.
    pub fill: Rgb,
}

/// A straight line between two points.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// Start, x.
    pub x1: f32,
    /// Start, y from the top.
    pub y1: f32,
    /// End, x.
    pub x2: f32,
    /// End, y from the top.
    pub y2: f32,
    /// Thickness in points.
    pub thickness: f32,
    /// The colour.
    pub colour: Rgb,
}

impl Item {
    /// The same mark moved by `dx`, `dy`.
    #[must_use]
    pub fn moved(&self, dx: f32, dy: f32) -> Self {
        match self {
            Self::Text(run) => Self::Text(TextRun {
                x: run.x + dx,
                baseline: run.baseline + dy,
                ..run.clone()
            }),
            Self::Rect(rect) => Self::Rect(Rect {
                x: rect.x + dx,
                y: rect.y + dy,
                ..rect.clone()
            }),
            Self::Rule(rule) => Self::Rule(Rule {
                x1: rule.x1 + dx,
                y1: rule.y1 + dy,
                x2: rule.x2 + dx,
                y2: rule.y2 + dy,
                ..rule.clone()
            }),
            Self::Open(_) | Self::Close => self.clone(),
        }
    }
}

impl Page {
    /// The page's text as a reader would take it in: runs grouped into lines top to bottom, each
    /// line left to right, runs on a line separated by a space.
    pub fn text(&self) -> String {
        let mut runs: Vec<&TextRun> = self
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Text(run) => Some(run),
                Item::Rect(_) | Item::Rule(_) | Item::Open(_) | Item::Close => None,
            })
            .collect();
        runs.sort_by(|a, b| {
            a.baseline
                .total_cmp(&b.baseline)
                .then_with(|| a.x.total_cmp(&b.x))
        });
        let mut text = String::new();
        let mut last_baseline: Option<f32> = None;
        for run in runs {
            match last_baseline {
                // Runs within half a point share a line.
                Some(baseline) if (run.baseline - baseline).abs() < 0.5 => text.push(' '),
                Some(_) => text.push('\n'),
                None => {}
            }
            text.push_str(&run.text);
            last_baseline = Some(run.baseline);
        }
        text
    }
}

impl Report {
    /// Every page's text, each page introduced by `--- page N ---`: the report, testable as text.
    pub fn text(&self) -> String {
        let mut text = String::new();
        for (page_idx, page) in self.pages.iter().enumerate() {
            writeln!(text, "--- page {} ---", page_idx + 1).ok();
            text.push_str(&page.text());
            text.push('\n');
        }
        text
    }
}
