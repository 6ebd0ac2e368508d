//! The paper's measures and text styles that more than one section uses: the page frame, the
//! body, small, note, heading and table-head styles, and the line height for each.
//!
//! Only numbers and styles; a style used by one section alone lives with that section.

use crate::flow::Style;
use crate::metrics::Face;
use crate::page::{PAGE_HEIGHT, PAGE_WIDTH};
use dpia_core::palette;

/// Left and right margin: 18 mm.
pub(super) const MARGIN_X: f32 = 51.0;
/// Where text starts under the top marking.
pub(super) const CONTENT_TOP: f32 = 66.0;
/// Where text must end above the footer.
pub(super) const CONTENT_BOTTOM: f32 = PAGE_HEIGHT - 74.0;
/// The text width.
pub(super) const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN_X;

pub(super) const BODY: Style = Style {
    face: Face::Regular,
    size: 9.5,
    colour: palette::TEXT,
};
pub(super) const SMALL: Style = Style {
    face: Face::Regular,
    size: 8.0,
    colour: palette::TEXT,
};
pub(super) const NOTE: Style = Style {
    face: Face::Regular,
    size: 7.5,
    colour: palette::MUTED,
};
pub(super) const H1: Style = Style {
    face: Face::Bold,
    size: 17.0,
    colour: palette::ACCENT,
};
pub(super) const H2: Style = Style {
    face: Face::Bold,
    size: 11.5,
    colour: palette::ACCENT,
};
pub(super) const TABLE_HEAD: Style = Style {
    face: Face::Bold,
    size: 8.0,
    colour: palette::ACCENT,
};

/// The line height for text in `style`.
pub(super) fn leading(style: Style) -> f32 {
    (style.size * 1.32).round()
}

/// How far a bullet's text is indented from the bullet.
pub(super) const BULLET_INDENT: f32 = 8.0;
