//! The presenter's styling: type sizes that scale with the window, its text styles, and the
//! tags (tier, score, TIE, MOVED) and fixed-width cells its rows are built from.
//!
//! Colours come from `theme::presenter`; nothing here knows about the session.

use egui::{Align, CornerRadius, Layout, RichText, Ui, Vec2};

use dpia_core::register::{Register, Tier};
use dpia_core::scoring::Score;

use crate::gui::i18n::{UiName, tr};
use crate::gui::theme::{self, presenter as colours};

/// Type sizes for the presenter, scaled with the window: a 1080-line projector gets bigger type
/// than a 900-line laptop screen, so the back of the room reads the same.
#[derive(Debug, Clone, Copy)]
pub(super) struct Sizes {
    scale: f32,
}

impl Sizes {
    pub(super) fn for_height(height: f32) -> Self {
        Self {
            scale: (height / 900.0).clamp(0.75, 2.5),
        }
    }

    pub(super) fn px(self, size: f32) -> f32 {
        size * self.scale
    }
}

pub(super) fn text(text: impl Into<String>, size: f32) -> RichText {
    RichText::new(text).size(size).color(colours::TEXT)
}

pub(super) fn bold(text: impl Into<String>, size: f32) -> RichText {
    RichText::new(text)
        .font(theme::bold_family_size(size))
        .color(colours::TEXT)
}

pub(super) fn muted(text: impl Into<String>, size: f32) -> RichText {
    RichText::new(text).size(size).color(colours::MUTED)
}

/// A label that does not take clicks, so the row under it does.
pub(super) fn label(ui: &mut Ui, text: RichText) -> egui::Response {
    ui.add(egui::Label::new(text).selectable(false))
}

/// A coloured tag with its text spelled out: "TIE", "MOVED", a tier.
pub(super) fn tag(ui: &mut Ui, text: &str, fill: egui::Color32, colour: egui::Color32, size: f32) {
    egui::Frame::new()
        .fill(fill)
        .corner_radius(CornerRadius::same(5))
        .inner_margin(egui::Margin::symmetric(8, 2))
        .show(ui, |ui| {
            label(
                ui,
                RichText::new(text)
                    .font(theme::bold_family_size(size))
                    .color(colour),
            );
        });
}

pub(super) fn tier_tag(ui: &mut Ui, tier: Option<Tier>, size: f32) {
    match tier {
        Some(tier) => tag(
            ui,
            tier.ui_name(),
            theme::tier_fill(tier),
            theme::tier_text(tier),
            size,
        ),
        None => {
            label(ui, muted(tr("workshop-no-tier-2"), size));
        }
    }
}

/// A score in its level's colours, "12 very high", with the right it is on.
pub(super) fn score_tag(
    ui: &mut Ui,
    register: &Register,
    what: &str,
    top: Option<&dpia_core::scoring::TopScore>,
    sizes: Sizes,
) {
    label(ui, muted(what, sizes.px(22.0)));
    match top {
        Some(top) => {
            let level = Score::level(top.score);
            tag(
                ui,
                &format!("{} {}", top.score.value(), level.ui_name()),
                theme::level_fill(level),
                theme::level_text(level),
                sizes.px(24.0),
            );
            label(ui, muted(register.right_name(&top.right), sizes.px(20.0)));
        }
        None => {
            label(ui, muted(tr("workshop-not-scored"), sizes.px(22.0)));
        }
    }
    ui.add_space(sizes.px(24.0));
}

/// A fixed-width cell in a row, its content left-aligned and centred vertically.
pub(super) fn column(ui: &mut Ui, width: f32, height: f32, add: impl FnOnce(&mut Ui)) {
    ui.allocate_ui_with_layout(
        Vec2::new(width, height),
        Layout::left_to_right(Align::Center),
        |ui| {
            ui.set_min_size(Vec2::new(width, height));
            add(ui);
        },
    );
}
