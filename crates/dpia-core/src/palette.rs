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
        Level::VeryHigh => Rgb::new(0xC6, 0x28, 0x28),
    }
}

/// The text colour that reads on a level's fill.
pub fn level_text(level: Level) -> Rgb {
    match level {
        Level::Low | Level::Medium | Level::High => Rgb::new(0x1A, 0x1A, 0x1A),
        Level::VeryHigh => Rgb::new(0xFF, 0xFF, 0xFF),
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
