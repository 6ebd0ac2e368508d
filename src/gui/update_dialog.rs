//! File › Update from spreadsheet…: the register updated by id from a CSV file or workbook, as
//! `import-csv --into` does (`spreadsheet_update`), its change log shown for the user to Apply or
//! Cancel. Apply is one `Edit` (pushed as a command), so one Undo takes the whole update back.

use std::path::{Path, PathBuf};

use egui::{Modal, RichText, ScrollArea};

use super::DpiaApp;
use super::change_text;
use super::command::Command;
use crate::gui::error_text::ErrorText;
use crate::gui::i18n::{tr, tr_args};
use crate::spreadsheet_update::{self, Sheet};
use dpia_core::diff::diff;
use dpia_core::register::Register;

/// An update read and waiting for the user's answer.
#[derive(Debug)]
pub(super) struct UpdateDialog {
    path: PathBuf,
    updated: Register,
    /// The change log, as `diff` prints it.
    log: String,
    has_changes: bool,
    /// Ids of the entries the sheet lacks.
    missing: Vec<String>,
}

impl DpiaApp {
    /// Reads the spreadsheet at `path` against the open register and shows what it changes; a
    /// sheet that cannot be read is an error naming its file and row (or cell).
    pub(super) fn read_spreadsheet_update(&mut self, path: &Path, ctx: &egui::Context) {
        let register = &self.document.register;
        match Sheet::of(path).update(path, register, false) {
            Ok(update) => {
                let log = diff(register, &update.register);
                self.update_dialog = Some(UpdateDialog {
                    path: path.to_owned(),
                    has_changes: !log.is_empty(),
                    log: change_text::log_text(&update.register, &log),
                    missing: update.missing.iter().map(ToString::to_string).collect(),
                    updated: update.register,
                });
                // Read after this frame was drawn (by a key press, say): draw the dialog now,
                // not at the next mouse move.
                ctx.request_repaint();
            }
            Err(err) => self.errors.push(err.error_text()),
        }
    }

    /// Draws the dialog, while an update waits; Apply pushes the one edit.
    pub(super) fn update_dialog_ui(&mut self, ctx: &egui::Context) {
        let Some(dialog) = &self.update_dialog else {
            return;
        };
        let mut apply = false;
        let mut close = false;
        Modal::new(egui::Id::unique("update-from-spreadsheet")).show(ctx, |ui| {
            ui.set_width(640.0);
            let file = dialog.path.file_name().map_or_else(
                || dialog.path.display().to_string(),
                |name| name.to_string_lossy().into_owned(),
            );
            ui.heading(tr_args!("app-update-from-spreadsheet-file", file = file));
            ui.label(if dialog.has_changes {
                tr("app-update-from-spreadsheet-intro")
            } else {
                tr("app-update-from-spreadsheet-no-changes")
            });
            ui.add_space(4.0);
            ScrollArea::vertical().max_height(420.0).show(ui, |ui| {
                ui.label(RichText::new(&dialog.log).monospace());
                if !dialog.missing.is_empty() {
                    ui.add_space(4.0);
                    ui.label(tr_args!(
                        "app-update-from-spreadsheet-missing",
                        ids = dialog.missing.join(", ")
                    ));
                }
            });
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                apply = ui
                    .add_enabled(dialog.has_changes, egui::Button::new(tr("app-apply")))
                    .clicked();
                close = ui.button(tr("app-cancel")).clicked();
            });
        });
        if ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            close = true;
        }
        if apply && let Some(dialog) = self.update_dialog.take() {
            self.commands.push(Command::Edit(spreadsheet_update::edit(
                &dialog.path,
                dialog.updated,
            )));
        } else if close {
            self.update_dialog = None;
        }
    }
}
