//! The level colours as plain RGB: the one source for the GUI's chips and the PDF's heat map.
//!
//! Chosen to read on a projector and in greyscale print: each level is darker than the last.

use crate::register::Tier;
use crate::scoring::Level;

/// An sRGB colour, 0–255 per channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
}

impl Rgb {
    const fn new(r: u8, g: u8, b: u8) -> Self {
        Self { r, g, b }
    }
}

/// The fill colour for a level.
pub fn level_fill(level: Level) -> Rgb {
    match level {
        Level::Low => Rgb::new(0x9B, 0xD3, 0xAE),
        Level::Medium => Rgb::new(0xF6, 0xD3, 0x65),
        Level::High => Rgb::new(0xF0, 0x8A, 0x4B),
        Level::VeryHigh => Rgb::new(0xA0, 0x1C, 0x1C),
    }
}

/// The text colour that reads on a level's fill: at least 7:1 (WCAG AAA) on each, so a chip reads
/// in the high-contrast theme and on a washed-out projector too.
pub fn level_text(level: Level) -> Rgb {
    match level {
        Level::Low | Level::Medium | Level::High => Rgb::new(0x00, 0x00, 0x00),
        Level::VeryHigh => PAPER,
    }
}

/// The colour of the protective marking line.
pub const MARKING: Rgb = Rgb::new(0x1F, 0x3A, 0x68);

/// The accent used for headings and header rows.
pub const ACCENT: Rgb = Rgb::new(0x1F, 0x3A, 0x68);

/// A light fill for header rows and zebra stripes.
pub const HEADER_FILL: Rgb = Rgb::new(0xE4, 0xE9, 0xF2);

/// Body text in papers.
pub const TEXT: Rgb = Rgb::new(0x1A, 0x1A, 0x1A);

/// Secondary text in papers: ids, categories, statuses, sources.
pub const MUTED: Rgb = Rgb::new(0x5A, 0x60, 0x6B);

/// Thin rules between table rows and under headings.
pub const RULE: Rgb = Rgb::new(0xB8, 0xBF, 0xCC);

/// The page itself, for text on dark fills.
pub const PAPER: Rgb = Rgb::new(0xFF, 0xFF, 0xFF);

/// `colour` mixed with white: `amount` 0.0 leaves it, 1.0 makes it white.
pub fn tint(colour: Rgb, amount: f32) -> Rgb {
    let amount = amount.clamp(0.0, 1.0);
    let mix = |channel: u8| {
        let value = f32::from(channel) + (255.0 - f32::from(channel)) * amount;
        // Clamped to 0–255 above, so the cast cannot truncate.
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "value is within 0..=255"
        )]
        let byte = value.round() as u8;
        byte
    };
    Rgb::new(mix(colour.r), mix(colour.g), mix(colour.b))
}

/// The fill of a workshop tier's chip, on screen and on paper.
///
/// The tiers differ in lightness as well as hue, and the chip always spells the tier out, so
/// colour is never the only cue (projectors wash colours out; some readers do not see them).
pub fn tier_fill(tier: Tier) -> Rgb {
    match tier {
        Tier::Must => Rgb::new(0xFF, 0xD2, 0x3F),
        Tier::Should => Rgb::new(0x6C, 0xC0, 0xF2),
        Tier::Could => Rgb::new(0xCF, 0xD5, 0xDD),
        Tier::WontThisTime => Rgb::new(0x4A, 0x50, 0x5A),
    }
}

/// The text colour that reads on a tier's fill.
pub fn tier_text(tier: Tier) -> Rgb {
    match tier {
        Tier::Must | Tier::Should | Tier::Could => TEXT,
        Tier::WontThisTime => PAPER,
    }
}

/// The WCAG 2.2 contrast ratio of two colours: 1 for the same, 21 for black on white.
pub fn contrast_ratio(one: Rgb, other: Rgb) -> f64 {
    let (one, other) = (relative_luminance(one), relative_luminance(other));
    (one.max(other) + 0.05) / (one.min(other) + 0.05)
}

/// WCAG's relative luminance of an sRGB colour, 0 for black to 1 for white.
fn relative_luminance(colour: Rgb) -> f64 {
    let linear = |channel: u8| {
        let value = f64::from(channel) / 255.0;
        if value <= 0.040_45 {
            value / 12.92
        } else {
            ((value + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(colour.r) + 0.7152 * linear(colour.g) + 0.0722 * linear(colour.b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_ratio_is_wcags() {
        let black = Rgb::new(0, 0, 0);
        assert!((contrast_ratio(black, PAPER) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(PAPER, PAPER) - 1.0).abs() < 1e-9);
        // WCAG's own example: #777 on white is just under 4.5:1.
        let grey = contrast_ratio(Rgb::new(0x77, 0x77, 0x77), PAPER);
        assert!((4.47..4.49).contains(&grey), "{grey}");
    }

    #[test]
    fn every_level_and_tier_chip_reads_at_seven_to_one() {
        for level in Level::ALL {
            let ratio = contrast_ratio(level_text(level), level_fill(level));
            assert!(ratio >= 7.0, "{level:?}: {ratio:.2}:1");
        }
        for tier in Tier::ALL {
            let ratio = contrast_ratio(tier_text(tier), tier_fill(tier));
            assert!(ratio >= 7.0, "{tier:?}: {ratio:.2}:1");
        }
    }

    #[test]
    fn paper_text_reads_on_the_page_and_header_rows() {
        for (name, text) in [("text", TEXT), ("muted", MUTED), ("accent", ACCENT)] {
            for background in [PAPER, HEADER_FILL] {
                let ratio = contrast_ratio(text, background);
                assert!(ratio >= 4.5, "{name}: {ratio:.2}:1");
            }
        }
        assert!(contrast_ratio(PAPER, MARKING) >= 7.0);
    }
}
