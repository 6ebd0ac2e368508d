//! Line breaking: inline text, chips and gaps set in lines no wider than a column.
//!
//! Where a line may break comes from the Unicode line breaking algorithm (UAX #14, the
//! `unicode-linebreak` crate): at spaces, after a hyphen or a dash, after a slash, but not inside
//! `PND-001` or `2019-07`, nor at a no-break space. A word wider than a whole line is cut between
//! grapheme clusters (`unicode-segmentation`), so a letter never loses its accent. How wide text
//! is comes from our own glyph advances in `metrics`, the widths the PDF draws.
//!
//! Why these two crates and not `textwrap`: `textwrap` wraps fragments of one kind, measured in
//! terminal columns when it cuts a long word; a line here mixes text in several styles with chips
//! and gaps, and must measure every cut in points with the PDF's own advances. Its core would
//! still need this builder around it, so only the break opportunities and the grapheme clusters
//! are taken from crates, and first-fit stays here, with the same arithmetic as before so that
//! text which broke at spaces breaks exactly where it did.
//!
//! Pure: no pages, no PDF.

use unicode_segmentation::UnicodeSegmentation;

use super::{Inline, LineBox, Style};
use crate::metrics;
use crate::page::{Item, Rect, TextRun};
use dpia_core::palette::Rgb;

/// Horizontal padding inside a chip, as a fraction of its text size.
const CHIP_PAD_X: f32 = 0.35;
/// Vertical padding inside a chip, as a fraction of its text size.
const CHIP_PAD_Y: f32 = 0.3;
/// The narrowest chip, as a fraction of its text size: two digits wide, so scores line up.
const CHIP_MIN_WIDTH: f32 = 1.9;

/// Wraps `inlines` into lines no wider than `width`, each `line_height` tall.
///
/// Breaks where UAX #14 allows (white space, after hyphens and dashes); a word wider than the
/// whole line is broken between grapheme clusters. Runs of white space count as one space, and a
/// `\n` starts a new line. Each piece of inline content starts a new word, so a line may break
/// between two pieces. Empty input gives no lines.
pub fn wrap(inlines: &[Inline], width: f32, line_height: f32) -> Vec<LineBox> {
    let mut lines = LineBuilder::new(width, line_height);
    for inline in inlines {
        match inline {
            Inline::Text { text, style } => {
                for (idx, paragraph) in text.split('\n').enumerate() {
                    if idx > 0 {
                        lines.hard_break();
                    }
                    lines.text(paragraph, *style);
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
    with_group(wrap(inlines, width, line_height), group, width, line_height)
}

/// `lines`, already wrapped to `width`, with `group` after them as `wrap_with_group` puts it: for
/// lines tagged as a part of their own (a name in another language) before the group is added.
pub fn with_group(
    mut lines: Vec<LineBox>,
    group: &[Inline],
    width: f32,
    line_height: f32,
) -> Vec<LineBox> {
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

/// The word last placed on the current line, while what follows may still join it: the part of a
/// word after a break opportunity with no space at it, such as `have` after `must-`.
struct OpenWord {
    /// The cursor before the word's space.
    x0: f32,
    /// The space before the word.
    space: f32,
    /// The word's text on this line so far.
    text: String,
}

struct LineBuilder {
    width: f32,
    line_height: f32,
    lines: Vec<LineBox>,
    current: Vec<Placed>,
    x: f32,
    /// Whether white space came before the next word or chip.
    pending_space: bool,
    /// The word a following piece of text without space before it continues.
    open_word: Option<OpenWord>,
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
            open_word: None,
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

    /// Sets one paragraph of text (no `\n` in it), in the pieces UAX #14 allows a break between.
    fn text(&mut self, paragraph: &str, style: Style) {
        let mut start = 0;
        for (end, _) in unicode_linebreak::linebreaks(paragraph) {
            // Only `\n` forces a line here; the other mandatory breaks UAX #14 knows (CR, form
            // feed, line and paragraph separators) are white space, as they always were.
            let segment = paragraph.get(start..end).unwrap_or_default();
            start = end;
            let content = segment.trim_end_matches(is_space);
            let word = content.trim_start_matches(is_space);
            if word.len() < content.len() {
                self.white_space();
            }
            let word = printable(word);
            if !word.is_empty() {
                self.segment(&word, style);
            }
            if content.len() < segment.len() {
                self.white_space();
            }
        }
        // The next piece of inline content starts a word of its own.
        self.open_word = None;
    }

    fn white_space(&mut self) {
        self.pending_space = true;
        self.open_word = None;
    }

    /// Places a piece of a word: joined to the open word if there is one and the two fit, else as
    /// a word of its own.
    fn segment(&mut self, text: &str, style: Style) {
        if let Some(open) = self.open_word.take() {
            let joined = format!("{}{text}", open.text);
            let joined_width = metrics::width(&joined, style.face, style.size);
            // Measured as one word from where it started, so a word that fits whole is placed
            // exactly as if it had no break opportunity inside.
            if open.x0 + (open.space + joined_width) <= self.width + 0.01 {
                if let Some(Placed::Word { text: placed, .. }) = self.current.last_mut() {
                    placed.push_str(text);
                }
                self.x = open.x0 + (open.space + joined_width);
                self.open_word = Some(OpenWord {
                    text: joined,
                    ..open
                });
                return;
            }
            self.end_line();
        }
        self.word(text, style);
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
        // Wider than a whole line (which is now empty): break it between grapheme clusters, so a
        // base letter and its combining accents stay together.
        let mut chunk = String::new();
        let mut chunk_width = 0.0;
        for grapheme in word.graphemes(true) {
            let advance = metrics::width(grapheme, style.face, style.size);
            if !chunk.is_empty() && !self.fits(chunk_width + advance) {
                self.place_word(std::mem::take(&mut chunk), style, 0.0, chunk_width);
                self.end_line();
                chunk_width = 0.0;
            }
            chunk.push_str(grapheme);
            chunk_width += advance;
        }
        if !chunk.is_empty() {
            self.place_word(chunk, style, 0.0, chunk_width);
        }
    }

    fn place_word(&mut self, text: String, style: Style, space: f32, word_width: f32) {
        let space_before = space > 0.0;
        let x0 = self.x;
        self.open_word = Some(OpenWord {
            x0,
            space,
            text: text.clone(),
        });
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
        self.open_word = None;
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
        self.open_word = None;
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
        self.open_word = None;
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

#[cfg(test)]
mod tests {
    use super::super::height;
    use super::super::test_util::{style, texts};
    use super::*;
    use crate::metrics::Face;

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
    fn a_hyphenated_word_may_break_after_the_hyphen() {
        let width = metrics::width("conviction", Face::Regular, 10.0) + 1.0;
        assert!(width < metrics::width("non-conviction", Face::Regular, 10.0));
        let lines = paragraph("non-conviction", style(), width, 12.0);
        assert_eq!(texts(&lines), ["non-", "conviction"]);
        let wide = paragraph("kept non-conviction images", style(), 500.0, 12.0);
        assert_eq!(texts(&wide), ["kept non-conviction images"]);
        assert_eq!(
            wide[0].items.len(),
            1,
            "one run, no space added at the hyphen"
        );
        // A word that fits whole is measured whole: it fits a line exactly as wide as it is.
        let exact = metrics::width("kept non-conviction", Face::Regular, 10.0);
        let lines = paragraph("kept non-conviction images", style(), exact, 12.0);
        assert_eq!(texts(&lines), ["kept non-conviction", "images"]);
    }

    #[test]
    fn ids_dates_and_no_break_spaces_do_not_break() {
        let narrow = metrics::width("PND-", Face::Regular, 10.0) + 1.0;
        for text in ["PND-001", "2019-07", "10\u{a0}km"] {
            let lines = paragraph(text, style(), narrow.max(20.0), 12.0);
            assert_eq!(
                texts(&lines).concat(),
                text,
                "{text} is not lost: {:?}",
                texts(&lines)
            );
            if metrics::width(text, Face::Regular, 10.0) <= narrow.max(20.0) {
                assert_eq!(lines.len(), 1, "{text}");
            }
        }
        let wide = metrics::width("LEDS PND-001", Face::Regular, 10.0);
        let lines = paragraph("LEDS PND-001", style(), wide - 1.0, 12.0);
        assert_eq!(
            texts(&lines),
            ["LEDS", "PND-001"],
            "the id moves down whole"
        );
    }

    #[test]
    fn a_long_word_is_never_cut_between_a_letter_and_its_accent() {
        let word = "e\u{301}".repeat(80);
        let lines = paragraph(&word, style(), 50.0, 12.0);
        assert!(lines.len() > 2, "{:?}", texts(&lines));
        for line in &lines {
            let text = line.text();
            assert!(line_width(line) <= 50.01, "{text} too wide");
            assert!(text.starts_with('e'), "{text:?} starts with a bare accent");
            assert!(
                text.ends_with('\u{301}'),
                "{text:?} ends without its accent"
            );
        }
        assert_eq!(texts(&lines).concat(), word);
    }

    #[test]
    fn welsh_text_breaks_where_it_always_did() {
        let text =
            "Mae’r gŵr o Gŵyr yn dweud “ŷ â ê î ô û ï ë” – ac — dyna fe. Ŵyneb ŷd Ŷ ŵyr ŵyrion.";
        let check = |width: f32, expected: &[&str]| {
            assert_eq!(
                texts(&paragraph(text, style(), width, 12.0)),
                expected,
                "at {width}"
            );
        };
        check(
            40.0,
            &[
                "Mae’r",
                "gŵr o",
                "Gŵyr yn",
                "dweud",
                "“ŷ â ê î",
                "ô û ï ë” –",
                "ac —",
                "dyna fe.",
                "Ŵyneb",
                "ŷd Ŷ ŵyr",
                "ŵyrion.",
            ],
        );
        check(
            60.0,
            &[
                "Mae’r gŵr o",
                "Gŵyr yn",
                "dweud “ŷ â ê",
                "î ô û ï ë” – ac",
                "— dyna fe.",
                "Ŵyneb ŷd Ŷ",
                "ŵyr ŵyrion.",
            ],
        );
        check(
            80.0,
            &[
                "Mae’r gŵr o Gŵyr",
                "yn dweud “ŷ â ê î",
                "ô û ï ë” – ac —",
                "dyna fe. Ŵyneb",
                "ŷd Ŷ ŵyr ŵyrion.",
            ],
        );
        check(
            120.0,
            &[
                "Mae’r gŵr o Gŵyr yn",
                "dweud “ŷ â ê î ô û ï ë” –",
                "ac — dyna fe. Ŵyneb ŷd Ŷ",
                "ŵyr ŵyrion.",
            ],
        );
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
}
