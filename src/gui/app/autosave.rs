//! Recovery copies: every `AUTOSAVE_INTERVAL_SECS` while there is unsaved work, the register is
//! copied (on a worker thread) beside its file, or into the app's data folder when it has none, so
//! a crash loses at most that much. Also restoring the copy an earlier run left.
//!
//! Writing goes through `dpia_files::recovery`; the register's own file is never touched here.

use std::path::Path;
use std::time::Duration;

use super::DpiaApp;
use crate::gui::error_text::ErrorText;
use crate::gui::state::Document;

use crate::gui::i18n::{tr, tr_args};
use dpia_files::recovery::RecoveryCopy;
use dpia_files::register_file;

/// How often unsaved changes are copied to the recovery file.
pub const AUTOSAVE_INTERVAL_SECS: f64 = 30.0;

/// The autosave timer and the recovery copy being written: runtime state, never saved.
#[derive(Debug, Default)]
pub(super) struct Autosave {
    /// The time (egui's clock, in seconds) at which to next write the recovery file.
    pub(super) next_at: Option<f64>,
    /// A recovery copy being written on a worker thread.
    job: Option<AutosaveJob>,
}

/// A recovery copy being written on a worker thread.
#[derive(Debug)]
struct AutosaveJob {
    receiver: std::sync::mpsc::Receiver<Result<(), dpia_files::SaveError>>,
    /// The revision being written.
    revision: u64,
    /// The document it is a copy of (`Document::state_key`'s first part).
    document: u64,
    /// Where the copy is written.
    copy: RecoveryCopy,
}

/// Whether to wait for a worker thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Wait {
    /// Only collect a result that is ready.
    No,
    /// Block until the result comes (on exit).
    UntilDone,
}

impl DpiaApp {
    /// Where the open register's recovery copy goes: beside its file, or, when it has none, in the
    /// app's data folder (if the app has one).
    pub(super) fn recovery_copy(&self) -> Option<RecoveryCopy> {
        match &self.document.path {
            Some(path) => Some(RecoveryCopy::BesideRegister(path.clone())),
            None => self
                .settings
                .data_folder
                .clone()
                .map(|data_folder| RecoveryCopy::Untitled { data_folder }),
        }
    }

    /// Writes the recovery copy every `AUTOSAVE_INTERVAL_SECS` while there is work to keep.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let Some(copy) = self.recovery_copy() else {
            return;
        };
        if !self.document.has_work_to_keep() {
            if self.document.recovered_revision.take().is_some() {
                // Undone back to the saved state: the copy holds nothing worth offering.
                copy.discard().ok();
            }
            self.autosave.next_at = None;
            return;
        }
        let now = ctx.input(|i| i.time);
        let due = *self
            .autosave
            .next_at
            .get_or_insert(now + AUTOSAVE_INTERVAL_SECS);
        if now >= due {
            self.write_recovery_in_background(copy);
            self.autosave.next_at = Some(now + AUTOSAVE_INTERVAL_SECS);
        }
        let wait = (due - now).max(0.0) + 0.1;
        ctx.request_repaint_after(Duration::from_secs_f64(wait));
    }

    /// Copies the register to the recovery file on a worker thread, so a large register does not
    /// stall the window; the result is collected by `collect_autosave`.
    fn write_recovery_in_background(&mut self, copy: RecoveryCopy) {
        let revision = self.document.history.revision();
        if self.autosave.job.is_some() || self.document.recovered_revision == Some(revision) {
            return;
        }
        let (sender, receiver) = std::sync::mpsc::channel();
        let register = self.document.register.clone();
        let target = copy.clone();
        let spawned = std::thread::Builder::new()
            .name("autosave".to_owned())
            .spawn(move || {
                let result = target.save(&register);
                // The app may have closed meanwhile; then nobody is waiting for the answer.
                sender.send(result).ok();
            });
        match spawned {
            Ok(_) => {
                self.autosave.job = Some(AutosaveJob {
                    receiver,
                    revision,
                    document: self.document.state_key().0,
                    copy,
                });
            }
            Err(_) => self.write_recovery(&copy),
        }
    }

    /// Collects the result of a background autosave, if it has finished.
    pub(super) fn collect_autosave(&mut self, wait: Wait) {
        let Some(job) = &self.autosave.job else {
            return;
        };
        let result = match wait {
            // The error is put in words here, in the app's language, not on the writing thread.
            Wait::No => match job.receiver.try_recv() {
                Ok(result) => result.map_err(|err| err.error_text()),
                Err(std::sync::mpsc::TryRecvError::Empty) => return,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    Err(tr("app-the-autosave-thread-stopped").to_owned())
                }
            },
            Wait::UntilDone => job.receiver.recv().map_or_else(
                |_| Err(tr("app-the-autosave-thread-stopped").to_owned()),
                |result| result.map_err(|err| err.error_text()),
            ),
        };
        let Some(job) = self.autosave.job.take() else {
            return;
        };
        match result {
            Ok(()) => {
                let same_document = self.document.state_key().0 == job.document
                    && self.recovery_copy().as_ref() == Some(&job.copy);
                if same_document && self.document.has_work_to_keep() {
                    self.document.recovered_revision = Some(job.revision);
                } else {
                    // Saved (or another register opened) while the copy was being written.
                    job.copy.discard().ok();
                }
            }
            Err(err) => self
                .errors
                .push(tr_args!("app-could-not-write-the-recovery", err = err)),
        }
    }

    pub(super) fn write_recovery(&mut self, copy: &RecoveryCopy) {
        let revision = self.document.history.revision();
        if self.document.recovered_revision == Some(revision) {
            return;
        }
        match copy.save(&self.document.register) {
            Ok(()) => self.document.recovered_revision = Some(revision),
            Err(err) => self.errors.push(tr_args!(
                "app-could-not-write-the-recovery",
                err = err.error_text()
            )),
        }
    }

    /// Opens the recovery copy of a register that had no file as a new, unsaved register.
    ///
    /// The copy stays where it is until the register is saved or discarded, so a second crash
    /// loses nothing either.
    pub(super) fn restore_untitled(&mut self, recovery_path: &Path) {
        match register_file::load(recovery_path) {
            Ok(register) => {
                self.replace_document(Document::new(register, None, None));
                self.notice = Some(tr("app-restored-a-register-that-was").to_owned());
            }
            Err(err) => self.errors.push(err.error_text()),
        }
    }
}
