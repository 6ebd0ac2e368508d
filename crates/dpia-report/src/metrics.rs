//! The paper's typefaces and how wide text set in them is, measured from the same font bytes the
//! PDF embeds.
//!
//! The PDF writer draws each glyph at its advance width, with no kerning or shaping, so the sum of the
//! advances measured here is exactly the width drawn. Does no layout of its own.

use std::sync::OnceLock;

/// A typeface of the paper: `DejaVu` Sans Condensed, regular or bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    /// Body text.
    Regular,
    /// Headings, labels and emphasis.
    Bold,
}

impl Face {
    /// Both faces.
    pub const ALL: [Self; 2] = [Self::Regular, Self::Bold];

    /// The TrueType font, from the `dejavu` crate.
    pub fn bytes(self) -> &'static [u8] {
        match self {
            Self::Regular => dejavu::sans_condensed::regular(),
            Self::Bold => dejavu::sans_condensed::bold(),
        }
    }
}

/// Width of text in points: `text` set in `face` at `size` points.
pub fn width(text: &str, face: Face, size: f32) -> f32 {
    text.chars().map(|c| advance(c, face)).sum::<f32>() * size
}

/// The advance of one character, as a fraction of the font size.
pub fn advance(c: char, face: Face) -> f32 {
    match metrics(face) {
        Some(metrics) => metrics.advance(c),
        // The fonts are compiled in and parse; this fallback only keeps bad input from panicking.
        None => 0.55,
    }
}

/// How far above the baseline capital letters reach, as a fraction of the font size.
pub fn cap_height(face: Face) -> f32 {
    metrics(face).map_or(0.73, |metrics| metrics.cap_height)
}

/// Whether `face` has a glyph for `c`; text without one is drawn as an empty box.
pub fn has_glyph(c: char, face: Face) -> bool {
    metrics(face).is_some_and(|metrics| metrics.face.glyph_index(c).is_some())
}

struct FaceMetrics {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
    /// Advances of the first 256 code points, which is nearly all text; the rest are looked up.
    common: [f32; 256],
    cap_height: f32,
}

impl FaceMetrics {
    fn parse(bytes: &'static [u8]) -> Option<Self> {
        let face = ttf_parser::Face::parse(bytes, 0).ok()?;
        let units_per_em = f32::from(face.units_per_em());
        let mut metrics = Self {
            cap_height: face
                .capital_height()
                .map_or(0.73, |h| f32::from(h) / units_per_em),
            face,
            units_per_em,
            common: [0.0; 256],
        };
        let mut common = [0.0; 256];
        for (code, slot) in (0u8..=255).zip(common.iter_mut()) {
            *slot = metrics.lookup(char::from(code));
        }
        metrics.common = common;
        Some(metrics)
    }

    fn lookup(&self, c: char) -> f32 {
        let glyph = self.face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
        self.face
            .glyph_hor_advance(glyph)
            .map_or(0.0, |units| f32::from(units) / self.units_per_em)
    }

    fn advance(&self, c: char) -> f32 {
        u8::try_from(u32::from(c))
            .ok()
            .and_then(|code| self.common.get(usize::from(code)).copied())
            .unwrap_or_else(|| self.lookup(c))
    }
}

fn metrics(face: Face) -> Option<&'static FaceMetrics> {
    static REGULAR: OnceLock<Option<FaceMetrics>> = OnceLock::new();
    static BOLD: OnceLock<Option<FaceMetrics>> = OnceLock::new();
    let cell = match face {
        Face::Regular => &REGULAR,
        Face::Bold => &BOLD,
    };
    cell.get_or_init(|| FaceMetrics::parse(face.bytes()))
        .as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_faces_parse() {
        for face in Face::ALL {
            assert!(metrics(face).is_some(), "{face:?} parses");
        }
    }

    #[test]
    fn width_adds_advances_and_scales_with_size() {
        let one = width("Gŵyr", Face::Regular, 10.0);
        assert!(one > 10.0 && one < 40.0, "{one}");
        assert!((width("Gŵyr", Face::Regular, 20.0) - 2.0 * one).abs() < 1e-3);
        assert!(
            (width("ab", Face::Regular, 10.0)
                - width("a", Face::Regular, 10.0)
                - width("b", Face::Regular, 10.0))
            .abs()
                < 1e-4,
            "no kerning: widths add"
        );
        assert!(width("Mater", Face::Bold, 10.0) > width("Mater", Face::Regular, 10.0));
    }

    #[test]
    fn welsh_letters_and_typographic_marks_have_glyphs() {
        for c in "ŵŷâêîôûïëŴŶÂÊÎÔÛÏË‘’“”–—→·•×…".chars() {
            for face in Face::ALL {
                assert!(has_glyph(c, face), "{c} in {face:?}");
            }
        }
    }
}
