//! Carrying out commands: `run_command` takes each `Command` pushed during the frame, in order, and
//! does what it asks, in one place (rerun `app/command_handling.rs`; egui `wrap_app.rs` `run_cmd`).
//!
//! Also the answers to the app's questions (unsaved changes, recovery copies) and what follows them.
//! Edits reach the register only through `apply`, so each is one undoable step.

use egui::ViewportCommand;

use super::DpiaApp;
use super::document_io::file_name;
use crate::gui::command::MenuCommand;
use crate::gui::dialogs::{Answer, FileRequest, Question, Then};
use crate::gui::error_text::ErrorText;
use crate::gui::settings_window::SettingsWindow;
use crate::gui::state::View;
use crate::gui::{Command, sidebar};

use crate::gui::i18n::{tr, tr_args};
use dpia_core::edit::Edit;
use dpia_core::filter::Filter;
use dpia_files::recovery::{self, RecoveryCopy};
use dpia_files::{csv_file, register_file};

impl DpiaApp {
    /// Carries out one command: one arm per command keeps every command's effect in one place.
    pub(super) fn run_command(&mut self, command: Command, ctx: &egui::Context) {
        let near = self.document.path.clone();
        match command {
            Command::Menu(command) => self.run_menu_command(command, ctx),
            Command::OpenPath(path) => {
                if self.document.is_dirty() {
                    self.question = Some(Question::UnsavedChanges(Then::OpenPath(path)));
                } else {
                    self.load(&path);
                }
            }
            Command::SaveTo(path) => {
                self.save_to(&path, ctx);
            }
            Command::ImportCsvFrom(path) => {
                match csv_file::import(&path, &self.document.register) {
                    Ok(imported) => {
                        let added = imported
                            .entries
                            .len()
                            .saturating_sub(self.document.register.entries.len());
                        let name = file_name(&path);
                        self.apply(Edit::ReplaceRegister {
                            register: Box::new(imported),
                            label: tr_args!("app-import-2", name = name),
                        });
                        self.notice = Some(tr_args!(
                            "app-imported-entries-from",
                            added = added,
                            name = name
                        ));
                    }
                    Err(err) => self.errors.push(err.error_text()),
                }
            }
            Command::UpdateFromSpreadsheetFrom(path) => self.read_spreadsheet_update(&path, ctx),
            Command::ExportCsvTo(path) => match csv_file::export(
                &self.document.register,
                &path,
                self.document.path.as_deref(),
            ) {
                Ok(()) => self.notice = Some(tr_args!("app-exported", path = file_name(&path))),
                Err(err) => self.errors.push(err.error_text()),
            },
            Command::TypePath(request) => {
                self.file_dialogs
                    .show_path_field(request, near.as_deref(), false);
            }
            Command::Edit(edit) => {
                self.apply(edit);
            }
            Command::Select(entry) => {
                if self.view.selection != entry {
                    self.document.history.seal();
                }
                self.view.selection = entry;
            }
            Command::SelectNext => self.move_selection(1),
            Command::SelectPrevious => self.move_selection(-1),
            Command::ShowView(view) => self.view.view = view,
            Command::ShowCell(cell) => {
                self.view.filter = Filter {
                    cell: Some(cell),
                    ..Filter::default()
                };
                self.view.view = View::Register;
            }
            Command::ShowSystemRight(system, right) => {
                self.view.filter = Filter {
                    system: Some(system),
                    right: Some(right),
                    ..Filter::default()
                };
                self.view.view = View::Register;
            }
            Command::SetLanguage(language) => {
                self.settings.language = language;
                self.settings.language_override = None;
                crate::gui::i18n::set_language(language);
            }
            Command::SetTheme(theme) => {
                self.settings.theme = theme;
                crate::gui::theme::show(ctx, theme);
            }
            Command::Snapshot(command) => self.run_snapshot_command(command, ctx),
            Command::ExportPdfTo(path) => self.export.choose_path(path),
            Command::Workshop(command) => self.run_workshop_command(command, ctx),
        }
        self.settings.zoom = ctx.zoom_factor();
    }

    /// Carries out one command from the menus (or its shortcut, or a button doing the same).
    fn run_menu_command(&mut self, command: MenuCommand, ctx: &egui::Context) {
        let near = self.document.path.clone();
        match command {
            MenuCommand::New => {
                if self.document.is_dirty() {
                    self.question = Some(Question::UnsavedChanges(Then::New));
                } else {
                    self.new_document();
                }
            }
            MenuCommand::Open => {
                if self.document.is_dirty() {
                    self.question = Some(Question::UnsavedChanges(Then::Open));
                } else {
                    self.file_dialogs
                        .ask(FileRequest::Open, near.as_deref(), ctx);
                }
            }
            MenuCommand::Save => {
                self.save(ctx);
            }
            MenuCommand::SaveAs => self
                .file_dialogs
                .ask(FileRequest::SaveAs, near.as_deref(), ctx),
            MenuCommand::Reload => {
                if let Some(path) = near {
                    self.load(&path);
                }
            }
            MenuCommand::ImportCsv => {
                self.file_dialogs
                    .ask(FileRequest::ImportCsv, near.as_deref(), ctx);
            }
            MenuCommand::UpdateFromSpreadsheet => {
                self.file_dialogs
                    .ask(FileRequest::UpdateFromSpreadsheet, near.as_deref(), ctx);
            }
            MenuCommand::ExportCsv => {
                self.file_dialogs
                    .ask(FileRequest::ExportCsv, near.as_deref(), ctx);
            }
            MenuCommand::Quit => ctx.send_viewport_cmd(ViewportCommand::Close),
            MenuCommand::Undo => {
                if let Some(label) = self.document.undo() {
                    self.notice = Some(tr_args!("app-undid", label = label));
                    self.keep_selection_valid();
                }
            }
            MenuCommand::Redo => {
                if let Some(label) = self.document.redo() {
                    self.notice = Some(tr_args!("app-redid", label = label));
                    self.keep_selection_valid();
                }
            }
            MenuCommand::AddEntry => {
                match sidebar::system_for_new_entry(&self.document.register, &self.view) {
                    Some(system) => {
                        if self.apply(Edit::AddEntry { system }) {
                            self.select_last();
                            if self.view.view.shows_editor() {
                                crate::gui::entry_editor::focus_issue(ctx);
                            }
                        }
                    }
                    None => self.errors.push(tr("app-add-a-system-first-in").to_owned()),
                }
            }
            MenuCommand::DuplicateEntry => {
                if let Some(entry) = self.view.selection.clone()
                    && self.apply(Edit::DuplicateEntry { entry })
                {
                    self.select_last();
                }
            }
            MenuCommand::DeleteEntry => {
                if let Some(entry) = self.view.selection.clone() {
                    let next = self.neighbour_of_selection();
                    if self.apply(Edit::DeleteEntry { entry }) {
                        self.view.selection = next;
                    }
                }
            }
            MenuCommand::FocusSearch => {
                if !self.view.view.shows_editor() {
                    self.view.view = View::Register;
                }
                self.view.focus_search = true;
            }
            MenuCommand::ClearFilters => self.view.filter = Filter::default(),
            MenuCommand::ZoomIn => egui::gui_zoom::zoom_in(ctx),
            MenuCommand::ZoomOut => egui::gui_zoom::zoom_out(ctx),
            MenuCommand::ZoomReset => ctx.set_zoom_factor(1.0),
            MenuCommand::ExportPdf => self.open_export_dialog(ctx),
            MenuCommand::Settings => self.settings_window = Some(SettingsWindow::default()),
        }
    }

    /// Applies an edit through the history; reports a rejected edit. True when applied.
    pub(in crate::gui) fn apply(&mut self, edit: Edit) -> bool {
        match self.document.apply(edit) {
            Ok(()) => {
                self.notice = None;
                true
            }
            Err(err) => {
                self.errors.push(err.error_text());
                false
            }
        }
    }

    pub(super) fn answer(&mut self, answer: Answer, ctx: &egui::Context) {
        match answer {
            Answer::SaveThen(then) => {
                self.after_save = Some(then);
                self.save(ctx);
            }
            Answer::DiscardThen(then) => {
                if then == Then::Quit
                    && let Some(path) = &self.document.path
                {
                    // The user chose to lose the changes: no recovery copy should offer them back.
                    recovery::discard(path).ok();
                    self.discarded_on_close = true;
                }
                if self.document.path.is_none()
                    && !matches!(then, Then::RestoreUntitled(_))
                    && let Some(copy) = self.recovery_copy()
                {
                    // The same for a register with no file, whatever comes next.
                    copy.discard().ok();
                    self.discarded_on_close = then == Then::Quit;
                }
                self.then(then, ctx);
            }
            Answer::MergeWithDisk => self.merge_with_disk(),
            Answer::SaveNow => {
                self.save(ctx);
            }
            Answer::Reload => {
                if let Some(path) = self.document.path.clone() {
                    self.load(&path);
                }
            }
            Answer::SaveAs => {
                let near = self.document.path.clone();
                self.file_dialogs
                    .ask(FileRequest::SaveAs, near.as_deref(), ctx);
            }
            Answer::Restore(recovery_path) => match register_file::load(&recovery_path) {
                Ok(recovered) => {
                    self.apply(Edit::ReplaceRegister {
                        register: Box::new(recovered),
                        label: tr("app-restore-recovered-changes").to_owned(),
                    });
                    self.keep_selection_valid();
                    self.notice = Some(tr("app-restored-unsaved-changes-from-the").to_owned());
                }
                Err(err) => self.errors.push(err.error_text()),
            },
            Answer::DiscardRecovery => {
                if let Some(path) = &self.document.path
                    && let Err(err) = recovery::discard(path)
                {
                    self.errors.push(err.error_text());
                }
            }
            Answer::RestoreUntitled(recovery_path) => {
                if self.document.has_work_to_keep() {
                    self.question = Some(Question::UnsavedChanges(Then::RestoreUntitled(
                        recovery_path,
                    )));
                } else {
                    self.restore_untitled(&recovery_path);
                }
            }
            Answer::DiscardUntitledRecovery => {
                if let Some(data_folder) = self.settings.data_folder.clone()
                    && let Err(err) = (RecoveryCopy::Untitled { data_folder }).discard()
                {
                    self.errors.push(err.error_text());
                }
            }
            Answer::Cancel => self.after_save = None,
        }
    }

    /// Goes on with what the user wanted once unsaved changes are dealt with.
    pub(super) fn then(&mut self, then: Then, ctx: &egui::Context) {
        match then {
            Then::New => self.new_document(),
            Then::Open => {
                let near = self.document.path.clone();
                self.file_dialogs
                    .ask(FileRequest::Open, near.as_deref(), ctx);
            }
            Then::OpenPath(path) => self.load(&path),
            Then::Quit => {
                self.may_close = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            Then::RestoreUntitled(recovery_path) => self.restore_untitled(&recovery_path),
        }
    }

    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && self.document.is_dirty()
            && !self.may_close
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            if self.question.is_none() {
                self.question = Some(Question::UnsavedChanges(Then::Quit));
            }
        }
    }
}
