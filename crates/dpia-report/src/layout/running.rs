//! What runs on every page once the sections are laid out: the protective marking at the top and
//! foot, and the footer with the title, version and "Page N of M".

use super::style::{CONTENT_WIDTH, MARGIN_X, NOTE};
use super::{Align, text_at};
use crate::flow::Style;
use crate::labels::Labels;
use crate::metrics::{self, Face};
use crate::page::{Item, PAGE_HEIGHT, PAGE_WIDTH, Page, Role, Rule, Tag, TextRun};
use crate::public::Edition;
use dpia_core::palette;
use dpia_core::register::Register;

/// The marking's style, top and foot.
const MARKING: Style = Style {
    face: Face::Bold,
    size: 9.5,
    colour: palette::MARKING,
};

/// What runs on every page: the marking at the top and foot (the register's, and in the public
/// edition what marks it as that), and the footer with the title, version and "Page N of M".
pub(super) struct Furniture {
    marking: String,
    left_text: String,
    num_pages: usize,
    labels: &'static Labels,
}

impl Furniture {
    /// The furniture of a paper of `num_pages` pages.
    pub(super) fn new(
        register: &Register,
        labels: &'static Labels,
        edition: Edition,
        num_pages: usize,
    ) -> Self {
        let metadata = &register.metadata;
        let label = metadata.marking.label();
        let marking = match edition {
            Edition::Full => label.to_owned(),
            Edition::Public => format!("{label} · {}", labels.public_marking),
        };
        let left_text = if metadata.version_label.is_empty() {
            metadata.title.clone()
        } else {
            format!("{} · {}", metadata.title, metadata.version_label)
        };
        Self {
            marking,
            left_text,
            num_pages,
            labels,
        }
    }

    /// Adds the furniture to the page at `page_idx`. The top marking goes first and the footer
    /// last, so text comes out in reading order; it is page furniture a reader skips (the marking
    /// is in the document's properties).
    pub(super) fn add(&self, page: &mut Page, page_idx: usize) {
        let footer_style = NOTE;
        let page_label = self.labels.page_of(page_idx + 1, self.num_pages);
        let page_label_width = metrics::width(&page_label, footer_style.face, footer_style.size);
        let left = ellipsised(
            &self.left_text,
            footer_style,
            CONTENT_WIDTH - page_label_width - 24.0,
        );
        let footer_rule = PAGE_HEIGHT - 62.0;
        page.items.splice(
            0..0,
            [
                Item::Open(Tag::new(Role::RunningHeader)),
                text_at(
                    &self.marking,
                    MARKING,
                    Align::Centre(PAGE_WIDTH / 2.0),
                    36.0,
                ),
                Item::Close,
            ],
        );
        page.items.extend([
            Item::Open(Tag::new(Role::RunningFooter)),
            Item::Rule(Rule {
                x1: MARGIN_X,
                y1: footer_rule,
                x2: PAGE_WIDTH - MARGIN_X,
                y2: footer_rule,
                thickness: 0.5,
                colour: palette::RULE,
            }),
            Item::Text(TextRun {
                x: MARGIN_X,
                baseline: footer_rule + 12.0,
                face: footer_style.face,
                size: footer_style.size,
                colour: footer_style.colour,
                text: left,
            }),
            text_at(
                &page_label,
                footer_style,
                Align::Right(PAGE_WIDTH - MARGIN_X),
                footer_rule + 12.0,
            ),
            text_at(
                &self.marking,
                MARKING,
                Align::Centre(PAGE_WIDTH / 2.0),
                PAGE_HEIGHT - 26.0,
            ),
            Item::Close,
        ]);
    }
}

/// `text`, cut with `…` to fit `width`.
fn ellipsised(text: &str, style: Style, width: f32) -> String {
    if metrics::width(text, style.face, style.size) <= width {
        return text.to_owned();
    }
    let mut cut = String::new();
    let mut used = metrics::width("…", style.face, style.size);
    for c in text.chars() {
        used += metrics::advance(c, style.face) * style.size;
        if used > width {
            break;
        }
        cut.push(c);
    }
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::super::test_util::bundled;
    use super::*;
    use crate::{ReportOptions, layout};

    #[test]
    fn every_page_carries_the_marking_and_its_number() {
        let report = layout(&bundled(), &ReportOptions::default());
        let num_pages = report.pages.len();
        assert!(num_pages > 10, "{num_pages} pages");
        for (page_idx, page) in report.pages.iter().enumerate() {
            let text = page.text();
            let lines: Vec<&str> = text.lines().collect();
            assert_eq!(
                lines.first(),
                Some(&"OFFICIAL"),
                "page {}:\n{text}",
                page_idx + 1
            );
            assert_eq!(
                lines.last(),
                Some(&"OFFICIAL"),
                "page {}:\n{text}",
                page_idx + 1
            );
            let footer = format!(
                "LEDS and HOB Open Space: DPIA risk register · v1.0 Page {} of {num_pages}",
                page_idx + 1
            );
            assert_eq!(
                lines.iter().rev().nth(1),
                Some(&footer.as_str()),
                "page {}",
                page_idx + 1
            );
        }
    }

    #[test]
    fn a_long_title_is_cut_in_the_footer_to_fit() {
        let mut register = bundled();
        register.metadata.title = "A very long title ".repeat(12);
        let report = layout(&register, &ReportOptions::default());
        let footer = report.pages[0]
            .text()
            .lines()
            .rev()
            .nth(1)
            .unwrap()
            .to_owned();
        assert!(footer.starts_with("A very long title A very"), "{footer}");
        assert!(footer.contains("… Page 1 of "), "{footer}");
        assert_eq!(
            ellipsised("short", NOTE, 100.0),
            "short",
            "what fits is left alone"
        );
    }
}
