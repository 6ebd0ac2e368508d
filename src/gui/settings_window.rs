//! The Settings window (Edit → Settings…): the name the app records as the author of saved changes
//! (the audit trail), snapshots, approvals and risk acceptances.
//!
//! It changes only the UI settings, which eframe keeps between runs; never the register.

use egui::{RichText, TextEdit};

use super::DpiaApp;
use crate::gui::i18n::{tr, tr_args};

/// The Settings window's own state.
#[derive(Debug)]
pub(super) struct SettingsWindow {
    /// Set when the window opens, to put the keyboard focus in its first field.
    focus: bool,
}

impl Default for SettingsWindow {
    fn default() -> Self {
        Self { focus: true }
    }
}

impl DpiaApp {
    /// Draws the Settings window, while open.
    pub(super) fn settings_window_ui(&mut self, ctx: &egui::Context) {
        let Some(window) = &mut self.settings_window else {
            return;
        };
        let mut is_open = true;
        let mut close = false;
        let before = self.settings.author();
        // On the panels' grey, so the white text field stands out as a field.
        let style = ctx.global_style();
        egui::Window::new(tr("app-settings-2"))
            .id(egui::Id::unique("settings"))
            .frame(egui::Frame::window(&style).fill(style.visuals.panel_fill))
            .open(&mut is_open)
            .collapsible(false)
            .resizable(false)
            .default_width(520.0)
            .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 90.0))
            .show(ctx, |ui| {
                ui.set_width(520.0);
                let label = ui.label(RichText::new(tr("app-your-name")).strong());
                let fallback = self.settings.fallback_author().to_owned();
                let field = ui
                    .add(
                        TextEdit::singleline(&mut self.settings.author_name)
                            .hint_text(&fallback)
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id);
                // Asked for until it takes: a window's first frame only sizes it.
                if window.focus {
                    field.request_focus();
                    window.focus = !field.has_focus();
                }
                ui.label(tr_args!(
                    "app-recorded-as-the-author-of",
                    fallback = fallback
                ));
                ui.add_space(8.0);
                if ui.button(tr("actions-close")).clicked() {
                    close = true;
                }
            });
        let after = self.settings.author();
        if after != before {
            self.versions.author_changed(&before, &after);
        }
        if !is_open || close || ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.settings_window = None;
        }
    }
}
