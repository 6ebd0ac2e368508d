//! Every colour, font and size the app uses, in one place: the only file with `Color32` literals.
//!
//! Level colours come from `palette`, so the chips on screen match the PDF's heat map. Text is set in
//! `DejaVu` Sans (the PDF's face), which covers Welsh letters such as ŵ and ŷ and every symbol the
//! app draws (egui's own fonts are not built in). Sizes are chosen to read on a laptop and on a projector at zoom 1.
#![expect(
    clippy::disallowed_methods,
    reason = "this module is where the app's colours are defined"
)]

use crate::gui::i18n::{self, UiName};
use std::sync::Arc;

use egui::{
    Color32, CornerRadius, FontData, FontDefinitions, FontFamily, FontId, Margin, Response, Sense,
    Stroke, TextStyle, Theme, Ui, Vec2,
};

use super::a11y::names;
use super::settings::ThemeChoice;
use dpia_core::palette::{self, Rgb};
use dpia_core::register::{Language, Stage};
use dpia_core::scoring::{EntryScores, Level, Score};

/// The font family for headings and strong labels.
pub(crate) const BOLD: &str = "bold";

/// Width of a score chip with its level name in the app's language: "12 very high", or the
/// wider "16 uchel iawn".
pub(crate) fn chip_width() -> f32 {
    match i18n::language() {
        Language::English => 92.0,
        Language::Welsh => 100.0,
    }
}

/// Height of one row of the register table.
pub(crate) const ROW_HEIGHT: f32 = 30.0;

/// How the app looks: egui's light and dark themes, and high contrast (white and yellow on
/// black, every text at least 7:1) for projectors and low vision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Look {
    /// Dark text on light panels.
    Light,
    /// Light text on dark panels.
    Dark,
    /// White and yellow on black, with thick outlines.
    HighContrast,
}

impl Look {
    /// Every look.
    #[cfg(test)]
    const ALL: [Self; 3] = [Self::Light, Self::Dark, Self::HighContrast];

    /// The least contrast WCAG asks of this look's text: 4.5:1 (AA), 7:1 (AAA) in high contrast.
    #[cfg(test)]
    fn least_contrast(self) -> f64 {
        match self {
            Self::Light | Self::Dark => 4.5,
            Self::HighContrast => 7.0,
        }
    }
}

/// The key in egui's memory saying the high-contrast look is in egui's dark style slot.
fn high_contrast_id() -> egui::Id {
    egui::Id::unique("dpia-register-high-contrast")
}

/// The look the app has now.
pub(crate) fn look(ctx: &egui::Context) -> Look {
    let is_high_contrast = ctx
        .data(|data| data.get_temp::<bool>(high_contrast_id()))
        .unwrap_or(false);
    match ctx.theme() {
        Theme::Dark if is_high_contrast => Look::HighContrast,
        Theme::Dark => Look::Dark,
        Theme::Light => Look::Light,
    }
}

/// Installs fonts and both themes' styles on `ctx`, and shows `choice`.
pub(crate) fn install(ctx: &egui::Context, choice: ThemeChoice) {
    ctx.set_fonts(fonts());
    for theme in [Theme::Light, Theme::Dark] {
        ctx.style_mut_of(theme, |style| {
            style.text_styles = [
                (TextStyle::Small, FontId::proportional(11.5)),
                (TextStyle::Body, FontId::proportional(14.0)),
                (TextStyle::Button, FontId::proportional(14.0)),
                (TextStyle::Heading, FontId::new(19.0, bold_family())),
                (TextStyle::Monospace, FontId::monospace(13.0)),
            ]
            .into();
            style.spacing.item_spacing = Vec2::new(8.0, 6.0);
            style.spacing.button_padding = Vec2::new(8.0, 4.0);
            style.spacing.interact_size = Vec2::new(36.0, 24.0);
            style.spacing.combo_width = 150.0;
            style.spacing.menu_margin = Margin::same(8);
            style.spacing.window_margin = Margin::same(14);
        });
    }
    show(ctx, choice);
}

/// Shows `choice`: high contrast takes egui's dark style slot, so egui's own widgets follow it.
pub(crate) fn show(ctx: &egui::Context, choice: ThemeChoice) {
    let is_high_contrast = choice == ThemeChoice::HighContrast;
    ctx.data_mut(|data| data.insert_temp(high_contrast_id(), is_high_contrast));
    ctx.style_mut_of(Theme::Light, |style| style.visuals = visuals(Look::Light));
    ctx.style_mut_of(Theme::Dark, |style| {
        style.visuals = visuals(if is_high_contrast {
            Look::HighContrast
        } else {
            Look::Dark
        });
    });
    ctx.set_theme(choice.preference());
}

/// The visuals of a look: panels, text and widget states.
fn visuals(look: Look) -> egui::Visuals {
    let mut visuals = match look {
        Look::Light => egui::Visuals::light(),
        Look::Dark | Look::HighContrast => egui::Visuals::dark(),
    };
    match look {
        Look::Light => {
            visuals.panel_fill = Color32::from_rgb(0xF6, 0xF7, 0xF9);
            visuals.window_fill = Color32::WHITE;
            visuals.extreme_bg_color = Color32::WHITE;
            visuals.faint_bg_color = Color32::from_rgb(0xF0, 0xF2, 0xF6);
            visuals.selection.bg_fill = Color32::from_rgb(0xD5, 0xE1, 0xF5);
            visuals.weak_text_color = Some(color(palette::MUTED));
        }
        Look::Dark => {
            visuals.faint_bg_color = Color32::from_rgb(0x22, 0x24, 0x28);
            visuals.selection.bg_fill = Color32::from_rgb(0x2B, 0x4A, 0x7E);
            visuals.weak_text_color = Some(Color32::from_rgb(0xA8, 0xAE, 0xB8));
            // egui's grey text is 5.5:1 on its panels; a little lighter reads better.
            visuals.widgets.noninteractive.fg_stroke.color = Color32::from_gray(0xC8);
            visuals.widgets.inactive.fg_stroke.color = Color32::from_gray(0xD8);
        }
        Look::HighContrast => {
            let white = Color32::WHITE;
            let yellow = Color32::from_rgb(0xFF, 0xFF, 0x00);
            visuals.panel_fill = Color32::BLACK;
            visuals.window_fill = Color32::BLACK;
            visuals.extreme_bg_color = Color32::BLACK;
            visuals.faint_bg_color = Color32::from_gray(0x1A);
            visuals.code_bg_color = Color32::from_gray(0x1A);
            visuals.window_stroke = Stroke::new(2.0, white);
            visuals.override_text_color = Some(white);
            visuals.weak_text_color = Some(Color32::from_gray(0xD0));
            visuals.hyperlink_color = Color32::from_rgb(0x7F, 0xDB, 0xFF);
            visuals.warn_fg_color = yellow;
            visuals.error_fg_color = Color32::from_rgb(0xFF, 0x9E, 0x9E);
            visuals.selection.bg_fill = Color32::from_rgb(0x00, 0x33, 0x99);
            visuals.selection.stroke = Stroke::new(2.0, yellow);
            let widgets = &mut visuals.widgets;
            for state in [
                &mut widgets.noninteractive,
                &mut widgets.inactive,
                &mut widgets.hovered,
                &mut widgets.active,
                &mut widgets.open,
            ] {
                state.bg_fill = Color32::BLACK;
                state.weak_bg_fill = Color32::BLACK;
                state.fg_stroke = Stroke::new(1.5, white);
                state.bg_stroke = Stroke::new(1.0, white);
            }
            widgets.noninteractive.bg_stroke = Stroke::new(1.0, Color32::from_gray(0xB0));
            widgets.hovered.weak_bg_fill = Color32::from_gray(0x26);
            widgets.hovered.bg_stroke = Stroke::new(2.0, yellow);
            widgets.active.bg_stroke = Stroke::new(2.0, yellow);
            widgets.active.fg_stroke = Stroke::new(2.0, yellow);
            widgets.open.bg_stroke = Stroke::new(2.0, yellow);
        }
    }
    if look != Look::HighContrast {
        visuals.selection.stroke = Stroke::new(1.0, accent(look));
        visuals.hyperlink_color = accent(look);
    }
    let radius = CornerRadius::same(4);
    visuals.widgets.inactive.corner_radius = radius;
    visuals.widgets.hovered.corner_radius = radius;
    visuals.widgets.active.corner_radius = radius;
    visuals.widgets.noninteractive.corner_radius = radius;
    visuals.widgets.open.corner_radius = radius;
    visuals
}

/// Draws a ring around the widget that has the keyboard focus, whatever it is (egui's framed
/// widgets show focus, but frameless buttons and painted rows and pickers would not). Called once
/// a frame, after everything is drawn.
pub(crate) fn focus_ring(ctx: &egui::Context) {
    let Some(focused) = ctx.memory(egui::Memory::focused) else {
        return;
    };
    let Some(response) = ctx.read_response(focused) else {
        return;
    };
    if !response.interact_rect.is_positive() {
        return;
    }
    let painter = ctx
        .layer_painter(response.layer_id)
        .with_clip_rect(response.interact_rect.expand(4.0));
    painter.rect_stroke(
        response.rect.expand(2.0),
        CornerRadius::same(5),
        Stroke::new(2.5, focus_colour(look(ctx))),
        egui::StrokeKind::Outside,
    );
}

/// The colour of the focus ring: at least 3:1 on the panels (WCAG's non-text contrast).
fn focus_colour(look: Look) -> Color32 {
    match look {
        Look::Light => color(palette::ACCENT),
        Look::Dark => Color32::from_rgb(0x8F, 0xB4, 0xF0),
        Look::HighContrast => Color32::from_rgb(0xFF, 0xFF, 0x00),
    }
}

/// The app's fonts, all `DejaVu` (as the papers' are): Sans for text, Sans Bold, and Sans Mono for ids.
/// They cover every character the app shows (a test below checks every character of both
/// languages' catalogues and the symbols the code draws), so egui's own fonts are not built in (eframe's `default_fonts` is off).
fn fonts() -> FontDefinitions {
    let mut fonts = FontDefinitions::empty();
    for (name, data) in [
        (SANS, dejavu::sans::regular()),
        (SANS_BOLD, dejavu::sans::bold()),
        (SANS_MONO, dejavu::sans_mono::regular()),
    ] {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(data)));
    }
    let family = |names: &[&str]| names.iter().map(|name| (*name).to_owned()).collect();
    fonts
        .families
        .insert(FontFamily::Proportional, family(&[SANS]));
    fonts
        .families
        .insert(FontFamily::Monospace, family(&[SANS_MONO, SANS]));
    fonts
        .families
        .insert(bold_family(), family(&[SANS_BOLD, SANS]));
    fonts
}

/// The widest the font atlas may be, in pixels. egui makes it as wide as the GPU allows (16,384
/// in Mesa's llvmpipe) and at least 32 high: 2 MB in the app and as much again in the GL driver,
/// where the app's glyphs (three faces at a few sizes) fill about 1,024 × 64 of it. At 4,096 wide
/// it starts at 512 kB and grows in height as glyphs need it, up to 4,096 × 4,096.
pub(crate) const FONT_ATLAS_WIDTH: usize = 4096;

/// Caps the font atlas's width at `FONT_ATLAS_WIDTH`: eframe's hook on each frame's input.
pub(crate) fn cap_font_atlas(raw_input: &mut egui::RawInput) {
    let side = raw_input
        .max_texture_side
        .map_or(FONT_ATLAS_WIDTH, |side| side.min(FONT_ATLAS_WIDTH));
    raw_input.max_texture_side = Some(side);
}

const SANS: &str = "DejaVuSans";
const SANS_BOLD: &str = "DejaVuSans-Bold";
const SANS_MONO: &str = "DejaVuSansMono";

/// The bold font family.
pub(crate) fn bold_family() -> FontFamily {
    FontFamily::Name(BOLD.into())
}

/// A bold font of the body size.
pub(crate) fn bold_body() -> FontId {
    FontId::new(14.0, bold_family())
}

fn color(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb.r, rgb.g, rgb.b)
}

/// The accent colour for headings and the current view.
pub(crate) fn accent(look: Look) -> Color32 {
    match look {
        Look::Light => color(palette::ACCENT),
        Look::Dark => Color32::from_rgb(0x8F, 0xB4, 0xF0),
        Look::HighContrast => Color32::from_rgb(0xFF, 0xFF, 0x00),
    }
}

/// The fill of a level's chip and heat map cell.
pub(crate) fn level_fill(level: Level) -> Color32 {
    color(palette::level_fill(level))
}

/// The text colour on a level's fill.
pub(crate) fn level_text(level: Level) -> Color32 {
    color(palette::level_text(level))
}

/// The colour of error messages and their banner.
pub(crate) fn error_fill(look: Look) -> Color32 {
    match look {
        Look::Light => Color32::from_rgb(0xFD, 0xEC, 0xEA),
        Look::Dark => Color32::from_rgb(0x5A, 0x1E, 0x1E),
        Look::HighContrast => Color32::from_rgb(0x3A, 0x00, 0x00),
    }
}

/// The text colour of error messages.
pub(crate) fn error_text(look: Look) -> Color32 {
    match look {
        Look::Light => Color32::from_rgb(0x9B, 0x1C, 0x1C),
        Look::Dark => Color32::from_rgb(0xFF, 0xC9, 0xC9),
        Look::HighContrast => Color32::from_rgb(0xFF, 0xB8, 0xB8),
    }
}

/// The fill of notices (saved, restored, …) and the must-have badge.
pub(crate) fn notice_fill(look: Look) -> Color32 {
    match look {
        Look::Light => Color32::from_rgb(0xE6, 0xF2, 0xEA),
        Look::Dark => Color32::from_rgb(0x1F, 0x3D, 0x2B),
        Look::HighContrast => Color32::from_rgb(0x00, 0x33, 0x00),
    }
}

/// The colour of the must-have star.
pub(crate) fn must_have(look: Look) -> Color32 {
    match look {
        Look::Light => Color32::from_rgb(0x8B, 0x56, 0x00),
        Look::Dark => Color32::from_rgb(0xF5, 0xC2, 0x4C),
        Look::HighContrast => Color32::from_rgb(0xFF, 0xD7, 0x00),
    }
}

/// The fill of an empty heat map cell or matrix cell.
pub(crate) fn empty_cell(look: Look) -> Color32 {
    match look {
        Look::Light => Color32::from_rgb(0xEE, 0xF0, 0xF3),
        Look::Dark => Color32::from_rgb(0x2A, 0x2D, 0x32),
        Look::HighContrast => Color32::from_gray(0x1A),
    }
}

/// The protective marking banner's fill.
pub(crate) fn marking_fill() -> Color32 {
    color(palette::MARKING)
}

/// The protective marking banner's text.
pub(crate) fn marking_text() -> Color32 {
    Color32::WHITE
}

/// The chip for an entry's top score at `stage`, at the table's chip width.
pub(crate) fn stage_chip(ui: &mut Ui, scores: &EntryScores, stage: Stage) -> Response {
    score_chip(ui, scores.at(stage).map(|top| top.score), chip_width())
}

/// A coloured chip showing a score and its level ("12 very high"), or "—" when there is none.
pub(crate) fn score_chip(ui: &mut Ui, score: Option<Score>, width: f32) -> Response {
    let height = ui.spacing().interact_size.y - 2.0;
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), Sense::hover());
    // A screen reader hears the score and its level, whatever the chip's width shows.
    let spoken = score.map_or_else(|| names::no_score().to_owned(), names::score);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Label, true, &spoken));
    let Some(score) = score else {
        ui.painter().text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            "—",
            FontId::proportional(13.0),
            ui.visuals().weak_text_color(),
        );
        return response;
    };
    let level = score.level();
    ui.painter()
        .rect_filled(rect, CornerRadius::same(10), level_fill(level));
    let text = if width >= chip_width() - 1.0 {
        format!("{} {}", score.value(), level.ui_name())
    } else {
        score.value().to_string()
    };
    ui.painter().text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        text,
        FontId::new(12.5, bold_family()),
        level_text(level),
    );
    response
}

/// A filled cell with centred text in a level's colours, for the heat map and the matrix.
pub(crate) fn level_cell(
    ui: &mut Ui,
    size: Vec2,
    level: Option<Level>,
    text: &str,
    font: FontId,
) -> Response {
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    let theme = look(ui.ctx());
    let (fill, text_color) = match level {
        Some(level) => (level_fill(level), level_text(level)),
        None => (empty_cell(theme), ui.visuals().weak_text_color()),
    };
    let fill = if response.hovered() {
        fill.gamma_multiply(0.85)
    } else {
        fill
    };
    ui.painter().rect_filled(rect, CornerRadius::same(6), fill);
    if response.hovered() {
        ui.painter().rect_stroke(
            rect,
            CornerRadius::same(6),
            Stroke::new(2.0, accent(theme)),
            egui::StrokeKind::Inside,
        );
    }
    ui.painter().text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        text,
        font,
        text_color,
    );
    response
}

/// A bold font of `size` points.
pub(crate) fn bold_family_size(size: f32) -> FontId {
    FontId::new(size, bold_family())
}

/// The fill of a workshop tier's chip.
pub(crate) fn tier_fill(tier: dpia_core::register::Tier) -> Color32 {
    color(palette::tier_fill(tier))
}

/// The text colour on a tier's fill.
pub(crate) fn tier_text(tier: dpia_core::register::Tier) -> Color32 {
    color(palette::tier_text(tier))
}

/// The presenter view's colours: light on near-black, for a projector in a lit room.
pub(crate) mod presenter {
    use super::Color32;

    /// The background.
    pub(crate) const BACKGROUND: Color32 = Color32::from_rgb(0x10, 0x14, 0x18);
    /// Cards and rows.
    pub(crate) const CARD: Color32 = Color32::from_rgb(0x1E, 0x25, 0x2E);
    /// The current entry's row.
    pub(crate) const CURRENT: Color32 = Color32::from_rgb(0x1F, 0x3F, 0x66);
    /// Main text.
    pub(crate) const TEXT: Color32 = Color32::WHITE;
    /// Secondary text: still about 11:1 on the background.
    pub(crate) const MUTED: Color32 = Color32::from_rgb(0xC5, 0xCC, 0xD6);
    /// Ties: the tag and the bar beside tied rows.
    pub(crate) const TIE: Color32 = Color32::from_rgb(0xFF, 0xB0, 0x20);
    /// Entries the facilitator moved.
    pub(crate) const MOVED: Color32 = Color32::from_rgb(0x7F, 0xDB, 0xFF);
    /// The error banner.
    pub(crate) const ERROR_FILL: Color32 = Color32::from_rgb(0x8B, 0x1A, 0x1A);
    /// The notice banner.
    pub(crate) const NOTICE_FILL: Color32 = Color32::from_rgb(0x1F, 0x4D, 0x33);
    /// Text on the dark fills above and on tags.
    pub(crate) const ON_FILL: Color32 = Color32::WHITE;
    /// Text on the bright tags.
    pub(crate) const ON_TAG: Color32 = Color32::from_rgb(0x10, 0x14, 0x18);
}

#[cfg(test)]
mod tests {
    use super::*;
    use dpia_core::palette::contrast_ratio;

    fn rgb(colour: Color32) -> Rgb {
        assert_eq!(
            colour.a(),
            255,
            "{colour:?} is not opaque: its contrast depends on what is below"
        );
        Rgb {
            r: colour.r(),
            g: colour.g(),
            b: colour.b(),
        }
    }

    fn assert_reads(look: Look, what: &str, text: Color32, background: Color32, least: f64) {
        let ratio = contrast_ratio(rgb(text), rgb(background));
        assert!(
            ratio >= least,
            "{look:?}: {what}: {ratio:.2}:1, below {least}:1 ({text:?} on {background:?})"
        );
    }

    /// Every text colour the app uses, on every background it is drawn on, in each look, as
    /// installed in an egui context.
    #[test]
    fn text_and_level_chips_meet_wcag_contrast_in_every_look() {
        for look in Look::ALL {
            let ctx = egui::Context::default();
            let choice = match look {
                Look::Light => ThemeChoice::Light,
                Look::Dark => ThemeChoice::Dark,
                Look::HighContrast => ThemeChoice::HighContrast,
            };
            install(&ctx, choice);
            assert_eq!(super::look(&ctx), look);
            let visuals = ctx.global_style().visuals.clone();
            let least = look.least_contrast();
            let backgrounds = [
                ("panel", visuals.panel_fill),
                ("window", visuals.window_fill),
                ("text field", visuals.extreme_bg_color),
                ("striped row", visuals.faint_bg_color),
            ];
            for (name, background) in backgrounds {
                for (what, text) in [
                    ("text", visuals.text_color()),
                    ("weak text", visuals.weak_text_color()),
                    ("strong text", visuals.strong_text_color()),
                    ("accent", accent(look)),
                    ("error text", error_text(look)),
                    ("must-have star", must_have(look)),
                    ("link", visuals.hyperlink_color),
                ] {
                    assert_reads(look, &format!("{what} on {name}"), text, background, least);
                }
            }
            for (what, state) in [
                ("button", visuals.widgets.inactive),
                ("hovered button", visuals.widgets.hovered),
                ("pressed button", visuals.widgets.active),
            ] {
                assert_reads(look, what, state.fg_stroke.color, state.weak_bg_fill, least);
            }
            let selected = visuals.selection.stroke.color;
            assert_reads(
                look,
                "selected row",
                selected,
                visuals.selection.bg_fill,
                3.0,
            );
            assert_reads(
                look,
                "text on selection",
                visuals.text_color(),
                visuals.selection.bg_fill,
                least,
            );
            assert_reads(
                look,
                "error banner",
                error_text(look),
                error_fill(look),
                least,
            );
            assert_reads(
                look,
                "notice",
                visuals.text_color(),
                notice_fill(look),
                least,
            );
            assert_reads(look, "marking", marking_text(), marking_fill(), least);
            assert_reads(
                look,
                "chosen picker box",
                visuals.extreme_bg_color,
                accent(look),
                least,
            );
            assert_reads(
                look,
                "empty cell",
                visuals.weak_text_color(),
                empty_cell(look),
                least,
            );
            for level in Level::ALL {
                let what = format!("{level:?} chip");
                assert_reads(look, &what, level_text(level), level_fill(level), least);
            }
            // WCAG's non-text contrast: the focus ring against the panels, at least 3:1.
            for (name, background) in backgrounds {
                let what = format!("focus ring on {name}");
                assert_reads(look, &what, focus_colour(look), background, 3.0);
            }
        }
    }

    #[test]
    fn the_font_atlas_is_no_wider_than_its_cap() {
        let ctx = egui::Context::default();
        ctx.set_fonts(fonts());
        let mut input = egui::RawInput {
            max_texture_side: Some(16_384),
            ..egui::RawInput::default()
        };
        cap_font_atlas(&mut input);
        let mut frame = ctx.run_ui(input, |ui| {
            ui.label("Private and family life");
        });
        frame.textures_delta.clear();
        #[expect(
            clippy::redundant_closure_for_method_calls,
            reason = "the method's path is not general enough over the view's lifetime"
        )]
        let [width, height] = ctx.fonts(|fonts| fonts.font_image_size());
        assert_eq!(width, FONT_ATLAS_WIDTH, "the atlas's width");
        assert!(height <= 64, "the atlas is {height} high");

        let mut small = egui::RawInput {
            max_texture_side: Some(2048),
            ..egui::RawInput::default()
        };
        cap_font_atlas(&mut small);
        assert_eq!(
            small.max_texture_side,
            Some(2048),
            "a smaller GPU limit is kept"
        );
    }

    /// The characters the code draws itself, outside the catalogues: marks, arrows, the ☰ toggle.
    const SYMBOLS: &str = "·×…–—’“”›↑→↓↔↺−⏎▲▼○●★☰⚠✕";

    #[test]
    fn the_fonts_have_every_character_the_app_shows() {
        let ctx = egui::Context::default();
        ctx.set_fonts(fonts());
        let mut frame = ctx.run_ui(egui::RawInput::default(), |_| {});
        frame.textures_delta.clear();
        // Welsh writes every vowel with a circumflex, diaeresis, acute or grave.
        let welsh = "âêîôûŵŷÂÊÎÔÛŴŶäëïöüÿÄËÏÖÜŸáéíóúẃýàèìòùẁỳ";
        let text: String = SYMBOLS
            .chars()
            .chain(welsh.chars())
            .chain(crate::gui::i18n::catalogue_texts().flat_map(str::chars))
            .collect();
        for family in [
            FontFamily::Proportional,
            FontFamily::Monospace,
            bold_family(),
        ] {
            let font = FontId::new(14.0, family.clone());
            let missing: String = ctx.fonts_mut(|fonts| {
                text.chars()
                    .filter(|c| !c.is_control() && !fonts.has_glyph(&font, *c))
                    .collect()
            });
            assert!(
                missing.is_empty(),
                "{family:?} has no glyph for {missing:?}"
            );
        }
    }
}
