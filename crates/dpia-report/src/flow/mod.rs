//! Setting text in lines and lines on pages: inline wrapping, page breaks and tables that continue
//! across pages with their header repeated.
//!
//! The building block is the `LineBox`: one line's marks, positioned relative to the line's
//! top-left corner, and its height. Paragraphs wrap into line boxes (`wrap`); the `Flow` stacks
//! them down the page and starts a new page when the next one does not fit (`paging`); tables
//! continue across pages with their header repeated (`table`). Pure: no PDF, no I/O.

mod paging;
mod table;
mod wrap;

pub use paging::{Flow, Frame};
pub use table::{KEEP_ROWS, Row, Table};
pub use wrap::{paragraph, with_group, wrap, wrap_with_group};

use super::metrics::{self, Face};
use super::page::{Item, Role, Tag};
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
                Item::Open(_) | Item::Close => 0.0,
            })
            .fold(0.0, f32::max)
    }

    /// The text of the line's runs, joined: for tests and for deciding what a line says.
    pub fn text(&self) -> String {
        self.items
            .iter()
            .filter_map(|item| match item {
                Item::Text(run) => Some(run.text.as_str()),
                Item::Rect(_) | Item::Rule(_) | Item::Open(_) | Item::Close => None,
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// `lines` as one part of the document: `tag` opens before the first line's marks and closes
/// after the last's, so a part that breaks across pages is still one.
#[must_use]
pub fn tagged(tag: Tag, mut lines: Vec<LineBox>) -> Vec<LineBox> {
    if let Some(first) = lines.first_mut() {
        first.items.insert(0, Item::Open(tag));
    }
    if let Some(last) = lines.last_mut() {
        last.items.push(Item::Close);
    }
    lines
}

/// Whether `lines` say what part of the document they are (they start with an `Open`), or hold no
/// text to say it of.
fn is_tagged_or_blank(lines: &[LineBox]) -> bool {
    let mut items = lines.iter().flat_map(|line| &line.items);
    match items.next() {
        Some(Item::Open(_)) | None => true,
        Some(first) => !std::iter::once(first)
            .chain(items)
            .any(|item| matches!(item, Item::Text(_))),
    }
}

/// A paragraph's tag.
fn paragraph_tag() -> Tag {
    Tag::new(Role::P)
}

/// The total height of some lines.
pub fn height(lines: &[LineBox]) -> f32 {
    lines.iter().map(|line| line.height).sum()
}

#[cfg(test)]
mod test_util {
    use super::{Frame, LineBox, Style};
    use crate::metrics::Face;
    use dpia_core::palette::Rgb;

    pub(super) fn style() -> Style {
        Style {
            face: Face::Regular,
            size: 10.0,
            colour: Rgb { r: 0, g: 0, b: 0 },
        }
    }

    pub(super) fn texts(lines: &[LineBox]) -> Vec<String> {
        lines.iter().map(LineBox::text).collect()
    }

    pub(super) fn frame() -> Frame {
        Frame {
            left: 50.0,
            width: 400.0,
            top: 50.0,
            bottom: 150.0,
        }
    }
}
