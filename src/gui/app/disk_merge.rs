//! Merging the register's file, changed on disk since it was opened (another copy of the app, a
//! `git pull`), with the working register: a three-way merge from the version loaded, applied as
//! one undoable step, showing what came in before anything is saved.

use crate::gui::change_text;
use crate::gui::error_text::merge_note;
use dpia_core::diff::diff_without_ranks;
use dpia_core::edit::Edit;
use dpia_core::merge::merge;
use dpia_core::trail::{Journal, Touched};
use dpia_files::recovery::Fingerprint;
use dpia_files::register_file;

use super::DpiaApp;
use crate::gui::dialogs::{MergedFromDisk, Question};
use crate::gui::error_text::ErrorText;
use crate::gui::i18n::{tr, tr_args};
use crate::gui::state::View;

impl DpiaApp {
    /// Merges the file on disk into the working register, the version loaded (or last saved) as
    /// the common ancestor. A clean merge asks to save after showing what came in; conflicts open
    /// the Resolve conflicts view. Nothing is written until the user saves.
    pub(super) fn merge_with_disk(&mut self) {
        let Some(path) = self.document.path.clone() else {
            return;
        };
        let fingerprint = Fingerprint::of_file(&path).ok().flatten();
        let on_disk = match register_file::load(&path) {
            Ok(on_disk) => on_disk,
            Err(err) => {
                self.errors.push(tr_args!(
                    "app-nothing-was-merged-the-file",
                    err = err.error_text()
                ));
                return;
            }
        };
        // A register opened without a file version kept (never the case once saved) merges as if
        // the file were the ancestor: the working register's changes all stand.
        let base = self
            .document
            .base
            .clone()
            .unwrap_or_else(|| on_disk.clone());
        let merged = merge(&base, &self.document.register, &on_disk);
        let incoming = diff_without_ranks(&self.document.register, &merged.register);
        let num_conflicts = merged.conflicts.len();
        let applied = self.apply(Edit::ReplaceRegister {
            register: Box::new(merged.register),
            label: tr("app-merge-the-changes-on-disk").to_owned(),
        });
        if !applied {
            return;
        }
        // The file now holds the disk's version: the next save's trail block records the user's
        // own changes against it, not the other side's, which its author's trail already has.
        let mut journal = Journal::default();
        journal.touch(&on_disk, &Touched::Whole);
        self.document.journal = journal;
        self.document.base = Some(on_disk);
        self.document.fingerprint = fingerprint;
        self.keep_selection_valid();
        if num_conflicts == 0 {
            self.question = Some(Question::Merged(MergedFromDisk {
                incoming: change_text::log_text(&self.document.register, &incoming)
                    .lines()
                    .map(str::to_owned)
                    .collect(),
                notes: merged.notes.iter().map(merge_note).collect(),
            }));
        } else {
            self.view.view = View::Conflicts;
            self.notice = Some(tr_args!(
                "app-merged-with-the-changes-on-2",
                num_conflicts = num_conflicts
            ));
        }
    }
}
