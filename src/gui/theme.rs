//! Every colour, font and size the app uses, in one place: the only file with `Color32` literals.
//!
//! Level colours come from `palette`, so the chips on screen match the PDF's heat map. Text is set in
//! `DejaVu` Sans (the PDF's face), which covers Welsh letters such as ŵ and ŷ; egui's own fonts stay
//! behind it for symbols. Sizes are chosen to read on a laptop and on a projector at zoom 1.
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

/// Installs fonts and both themes' styles on `ctx`.
pub(crate) fn install(ctx: &egui::Context) {
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
            style.visuals.selection.bg_fill = match theme {
                Theme::Light => color(palette::HEADER_FILL).gamma_multiply(1.0),
                Theme::Dark => Color32::from_rgb(0x2B, 0x4A, 0x7E),
            };
            style.visuals.selection.stroke = Stroke::new(1.0, accent(theme));
            style.visuals.hyperlink_color = accent(theme);
            if theme == Theme::Light {
                style.visuals.panel_fill = Color32::from_rgb(0xF6, 0xF7, 0xF9);
                style.visuals.window_fill = Color32::WHITE;
                style.visuals.extreme_bg_color = Color32::WHITE;
                style.visuals.faint_bg_color = Color32::from_rgb(0xF0, 0xF2, 0xF6);
                style.visuals.selection.bg_fill = Color32::from_rgb(0xD5, 0xE1, 0xF5);
            }
            let radius = CornerRadius::same(4);
            style.visuals.widgets.inactive.corner_radius = radius;
            style.visuals.widgets.hovered.corner_radius = radius;
            style.visuals.widgets.active.corner_radius = radius;
            style.visuals.widgets.noninteractive.corner_radius = radius;
            style.visuals.widgets.open.corner_radius = radius;
        });
    }
}

fn fonts() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "DejaVuSans".to_owned(),
        Arc::new(FontData::from_static(dejavu::sans::regular())),
    );
    fonts.font_data.insert(
        "DejaVuSans-Bold".to_owned(),
        Arc::new(FontData::from_static(dejavu::sans::bold())),
    );
    let fallbacks = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    if let Some(proportional) = fonts.families.get_mut(&FontFamily::Proportional) {
        proportional.insert(0, "DejaVuSans".to_owned());
    }
    let mut bold = vec!["DejaVuSans-Bold".to_owned()];
    bold.extend(fallbacks);
    fonts.families.insert(bold_family(), bold);
    fonts
}

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
pub(crate) fn accent(theme: Theme) -> Color32 {
    match theme {
        Theme::Light => color(palette::ACCENT),
        Theme::Dark => Color32::from_rgb(0x8F, 0xB4, 0xF0),
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
pub(crate) fn error_fill(theme: Theme) -> Color32 {
    match theme {
        Theme::Light => Color32::from_rgb(0xFD, 0xEC, 0xEA),
        Theme::Dark => Color32::from_rgb(0x5A, 0x1E, 0x1E),
    }
}

/// The text colour of error messages.
pub(crate) fn error_text(theme: Theme) -> Color32 {
    match theme {
        Theme::Light => Color32::from_rgb(0x9B, 0x1C, 0x1C),
        Theme::Dark => Color32::from_rgb(0xFF, 0xC9, 0xC9),
    }
}

/// The fill of notices (saved, restored, …) and the must-have badge.
pub(crate) fn notice_fill(theme: Theme) -> Color32 {
    match theme {
        Theme::Light => Color32::from_rgb(0xE6, 0xF2, 0xEA),
        Theme::Dark => Color32::from_rgb(0x1F, 0x3D, 0x2B),
    }
}

/// The colour of the must-have star.
pub(crate) fn must_have(theme: Theme) -> Color32 {
    match theme {
        Theme::Light => Color32::from_rgb(0xB2, 0x6B, 0x00),
        Theme::Dark => Color32::from_rgb(0xF5, 0xC2, 0x4C),
    }
}

/// The fill of an empty heat map cell or matrix cell.
pub(crate) fn empty_cell(theme: Theme) -> Color32 {
    match theme {
        Theme::Light => Color32::from_rgb(0xEE, 0xF0, 0xF3),
        Theme::Dark => Color32::from_rgb(0x2A, 0x2D, 0x32),
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
    let theme = ui.ctx().theme();
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
