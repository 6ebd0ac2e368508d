//! Opening and saving registers: new, open, load, save, save as, reload, and refusing to save over
//! a file someone else changed on disk (or over a PDF paper).
//!
//! All reading and writing goes through `dpia_files`; this module only decides what to read or
//! write and reports the outcome in the window.

use std::path::{Path, PathBuf};

use super::DpiaApp;
use super::autosave::Wait;
use crate::gui::dialogs::{FileRequest, Question};
use crate::gui::error_text::ErrorText;
use crate::gui::state::{Document, View};

use crate::gui::i18n::{tr, tr_args};
use dpia_core::filter::Filter;
use dpia_core::register::Register;
use dpia_files::recovery::{self, Fingerprint, RecoveryCopy};
use dpia_files::{paper, register_file, trail_file};

impl DpiaApp {
    pub(super) fn new_document(&mut self) {
        // A new register for the same programme: it starts with the open one's systems and rights.
        let register = Register {
            systems: self.document.register.systems.clone(),
            rights: self.document.register.rights.clone(),
            ..Register::default()
        };
        self.replace_document(Document::new(register, None, None));
        self.notice = Some(tr("app-new-register-add-entries-then").to_owned());
    }

    /// Opens the register at `path`, replacing the open one; reports a file that cannot be read.
    pub(super) fn load(&mut self, path: &Path) {
        // Kept absolute, so recent files still open when the app starts from another folder.
        let path = &absolute(path);
        let fingerprint = Fingerprint::of_file(path).ok().flatten();
        match register_file::load(path) {
            Ok(register) if paper::is_pdf_file(path) => {
                // Saving must never write RON over the paper: the register it carries opens as a
                // new, unsaved document, and Save asks where to keep it.
                self.replace_document(Document::new(register, None, None));
                self.notice = Some(tr_args!(
                    "app-opened-the-register-carried-by",
                    path = file_name(path)
                ));
            }
            Ok(register) => {
                let mut document = Document::new(register, Some(path.to_owned()), fingerprint);
                match trail_file::load(path) {
                    Ok(trail) => document.trail = trail,
                    Err(err) => self.errors.push(err.error_text()),
                }
                self.replace_document(document);
                self.settings.remember(path);
                self.notice = Some(tr_args!("app-opened", path = file_name(path)));
                let num_conflicts = self.document.register.conflicts.len();
                if num_conflicts > 0 {
                    self.view.view = View::Conflicts;
                    self.notice = Some(tr_args!(
                        "app-holds-merge-conflict-to-resolve",
                        path = file_name(path),
                        num_conflicts = num_conflicts
                    ));
                }
                if let Some(pending) = recovery::pending(path) {
                    self.question = Some(Question::Recovery(pending));
                }
            }
            Err(err) => self.errors.push(err.error_text()),
        }
    }

    /// Adds the changes since the last save to the audit trail of the register just saved at
    /// `path`, as the settings' author, and keeps the new block for the app's history views.
    fn journal_saved_changes(&mut self, path: &Path) {
        let changes = self.document.journal.changes(&self.document.register);
        let author = self.settings.author();
        match trail_file::append(path, &author, self.clock.now(), changes) {
            Ok(Some((_, block))) => self.document.trail.blocks.push(block),
            Ok(None) => {}
            Err(err) => self.errors.push(tr_args!(
                "app-the-register-was-saved-but",
                err = err.error_text()
            )),
        }
        self.document.journal.clear();
    }

    pub(super) fn replace_document(&mut self, document: Document) {
        self.document = document;
        self.view.selection = None;
        self.view.filter = Filter::default();
        self.autosave.next_at = None;
        self.derived.refresh(&self.document, &self.view);
        self.select_first();
        self.view.scroll_to_selection = true;
    }

    /// Saves to the register's file, unless someone else changed it since it was opened.
    pub(in crate::gui) fn save(&mut self, ctx: &egui::Context) -> bool {
        let Some(path) = self.document.path.clone() else {
            self.file_dialogs.ask(FileRequest::SaveAs, None, ctx);
            return false;
        };
        match Fingerprint::of_file(&path) {
            Ok(Some(on_disk)) if Some(on_disk) != self.document.fingerprint => {
                self.question = Some(Question::ChangedOnDisk);
                false
            }
            Ok(_) => self.save_to(&path, ctx),
            Err(err) => {
                self.errors.push(err.error_text());
                false
            }
        }
    }

    pub(super) fn save_to(&mut self, path: &Path, ctx: &egui::Context) -> bool {
        let path = absolute(path);
        let untitled_copy = self
            .recovery_copy()
            .filter(|copy| matches!(copy, RecoveryCopy::Untitled { .. }));
        if path
            .extension()
            .is_some_and(|extension| extension.eq_ignore_ascii_case("pdf"))
        {
            self.errors.push(tr_args!(
                "app-a-register-is-saved-as",
                path = path.display()
            ));
            return false;
        }
        // A paper renamed without its extension is still a paper: RON written over it would lose it.
        if paper::is_pdf_file(&path) {
            self.errors
                .push(tr_args!("app-this-file-is-a-pdf", path = path.display()));
            return false;
        }
        match register_file::save(&self.document.register, &path) {
            Ok(()) => {
                let fingerprint = Fingerprint::of_file(&path).ok().flatten();
                recovery::discard(&path).ok();
                if let Some(old) = self.document.path.clone().filter(|old| *old != path) {
                    // Saved as another file: the changes the old file's copy kept are in the new
                    // one, so reopening the old file must not offer them back. A copy being
                    // written now is waited for first, so it cannot come back after this.
                    self.collect_autosave(Wait::UntilDone);
                    recovery::discard(&old).ok();
                }
                if let Some(copy) = untitled_copy {
                    // The register now has a file; its copy as an untitled register is done with.
                    copy.discard().ok();
                }
                self.settings.remember(&path);
                // An earlier save's error is answered by this save; it would only mislead now.
                self.errors.clear();
                self.notice = Some(tr_args!("app-saved", path = file_name(&path)));
                self.journal_saved_changes(&path);
                self.document.mark_saved(path, fingerprint);
                self.autosave.next_at = None;
                if let Some(then) = self.after_save.take() {
                    self.then(then, ctx);
                }
                true
            }
            Err(err) => {
                self.errors.push(err.error_text());
                false
            }
        }
    }
}

/// The path made absolute against the working folder (without touching the disk).
pub(super) fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}

/// The file's name, for messages, or the whole path when it has none.
pub(super) fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}
