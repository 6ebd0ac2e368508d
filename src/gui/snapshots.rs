//! The Snapshots view: the open register's snapshots (label, time, author, note, or why one cannot
//! be read), taking a new one, comparing any two versions as a change log, opening one read-only,
//! and restoring the working register, or one entry or one field of it, from an older version.
//!
//! Snapshot files are read through `files::snapshot_file` (checksums verified) and compared with
//! `diff::diff`; this module decides nothing about either. It changes the working register only
//! through `Command::Snapshot`, whose restores are single undoable `Edit::ReplaceRegister` steps.
//! A snapshot opened read-only is drawn from the verified copy, which no command can reach.

mod approvals;
mod compare;
mod read_only;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use egui::{Align, Label as TextLabel, Layout, RichText, TextEdit, Ui};
use egui_extras::{Column, TableBuilder};

pub use approvals::ApprovalCommand;

use super::DpiaApp;
use super::command::{Command, MenuCommand};
use super::state::Document;
use super::theme;
use crate::gui::error_text::ErrorText;
use crate::gui::i18n::{tr, tr_args};
use dpia_core::diff::{self, ChangeLog, EntryField};
use dpia_core::edit::Edit;
use dpia_core::ranking::{self, Ranked};
use dpia_core::register::{EntryId, Register};
use dpia_core::snapshot::{self, Label, Snapshot, SnapshotError};
use dpia_files::SaveError;
use dpia_files::snapshot_chain::{self, TakeError};
use dpia_files::snapshot_file::{self, Details, Listed};

/// Height of a row in the snapshot list and the read-only table.
const ROW_HEIGHT: f32 = 30.0;

/// What the Snapshots view asks the app to do to the working register or the snapshots folder.
#[derive(Debug, Clone, PartialEq)]
pub enum SnapshotCommand {
    /// Take a snapshot of the working register with the label, author and note in the form.
    Take,
    /// Replace the working register with this snapshot's, after keeping the working register as
    /// an automatic snapshot.
    RestoreWhole(Label),
    /// Put one entry back as it was in this snapshot: replaced, re-added or removed.
    RestoreEntry {
        /// The older version.
        from: Label,
        /// The entry.
        entry: EntryId,
    },
    /// Put one field of one entry back to its value in this snapshot.
    RestoreField {
        /// The older version.
        from: Label,
        /// The entry.
        entry: EntryId,
        /// The field.
        field: EntryField,
        /// The field as the change log names it ("concern", "privacy residual"), for the undo menu.
        what: String,
    },
    /// Approve a snapshot, or read and check the approvals again.
    Approval(ApprovalCommand),
}

impl SnapshotCommand {
    /// The command's name, for menus.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Take => tr("snapshots-take-snapshot"),
            Self::RestoreWhole(_) => tr("snapshots-restore-as-working-copy"),
            Self::RestoreEntry { .. } => tr("snapshots-restore-entry"),
            Self::RestoreField { .. } => tr("snapshots-restore-field"),
            Self::Approval(command) => command.label(),
        }
    }
}

/// The Snapshots view's state: the list read from the folder, the snapshots read in full, the
/// take-snapshot form, and what is being compared or read.
#[derive(Debug, Default)]
pub(super) struct Versions {
    /// The register file the list was read for; the list is read again when another file is open.
    listed_for: Option<PathBuf>,
    /// The snapshots in the folder, oldest first, the unreadable ones last.
    listed: Vec<Listed>,
    /// Why the snapshots folder could not be read.
    list_error: Option<String>,
    /// Snapshots read in full (checksums verified), by label.
    loaded: BTreeMap<Label, Snapshot>,
    form: TakeForm,
    pane: Pane,
    compare: Compare,
    read_only: Option<ReadOnly>,
    /// The snapshot the user asked to restore as the working copy, until they confirm or cancel.
    confirm_restore: Option<Label>,
    /// Each snapshot's approvals, as last read and checked, and the Approve… form.
    approvals: approvals::Approvals,
}

/// What is typed into the take-snapshot form.
#[derive(Debug, Default)]
struct TakeForm {
    label: String,
    /// The label proposed last: replaced by the next proposal unless the user typed another.
    proposed: String,
    author: String,
    note: String,
    /// Why the last take failed (a label clash, a bad label, a file that cannot be written).
    error: Option<String>,
}

/// Which part of the view is shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Pane {
    /// The list and the take-snapshot form.
    #[default]
    List,
    /// The change log between two versions.
    Compare,
    /// One snapshot's register, read-only.
    ReadOnly,
    /// The audit trail: every saved change, newest first.
    Trail,
}

/// One side of a comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Pick {
    /// The register as it stands in the app, with unsaved changes.
    Working,
    /// A snapshot.
    Snapshot(Label),
}

impl Pick {
    fn name(&self) -> String {
        match self {
            Self::Working => tr("snapshots-working-register").to_owned(),
            Self::Snapshot(label) => label.to_string(),
        }
    }
}

/// The two versions compared, and their change log while neither changes.
#[derive(Debug)]
struct Compare {
    older: Option<Pick>,
    newer: Pick,
    /// The change log, keyed by the two picks and the working register's state.
    log: Option<(LogKey, Result<ChangeLog, String>)>,
}

type LogKey = (Option<Pick>, Pick, (u64, u64));

impl Default for Compare {
    fn default() -> Self {
        Self {
            older: None,
            newer: Pick::Working,
            log: None,
        }
    }
}

/// A snapshot opened read-only: its priority order and the entry selected in it.
#[derive(Debug)]
struct ReadOnly {
    label: Label,
    ranked: Vec<Ranked>,
    selection: Option<EntryId>,
}

impl Versions {
    /// Reads the snapshot list again if it was read for another register file, or forgets it when
    /// the register has no file.
    pub(super) fn sync(&mut self, register_path: Option<&Path>, version_label: &str) {
        match register_path {
            None => {
                if self.listed_for.is_some() {
                    *self = Self {
                        form: std::mem::take(&mut self.form),
                        ..Self::default()
                    };
                }
            }
            Some(path) if self.listed_for.as_deref() != Some(path) => {
                self.read_list(path, version_label);
            }
            Some(_) => {}
        }
    }

    /// Reads the snapshot list from the folder beside `register_path`.
    fn read_list(&mut self, register_path: &Path, version_label: &str) {
        let is_other_register = self.listed_for.as_deref() != Some(register_path);
        self.listed_for = Some(register_path.to_owned());
        self.loaded.clear();
        self.approvals.is_stale = true;
        match snapshot_file::list(register_path) {
            Ok(listed) => {
                self.listed = listed;
                self.list_error = None;
            }
            Err(err) => {
                self.listed = Vec::new();
                self.list_error = Some(err.error_text());
            }
        }
        if is_other_register {
            self.pane = Pane::List;
            self.read_only = None;
            self.compare = Compare::default();
            self.confirm_restore = None;
        }
        let labels = snapshot_file::labels(&self.listed);
        if self
            .read_only
            .as_ref()
            .is_some_and(|open| !labels.contains(&open.label))
        {
            self.read_only = None;
        }
        let is_listed = |pick: &Pick| match pick {
            Pick::Working => true,
            Pick::Snapshot(label) => labels.contains(label),
        };
        if !self.compare.older.as_ref().is_some_and(is_listed) {
            self.compare.older = self.newest().map(Pick::Snapshot);
        }
        if !is_listed(&self.compare.newer) {
            self.compare.newer = Pick::Working;
        }
        self.compare.log = None;
        let next = snapshot::next_label(&labels, version_label).to_string();
        if self.form.label.trim().is_empty() || self.form.label == self.form.proposed {
            self.form.label.clone_from(&next);
        }
        self.form.proposed = next;
        if self.form.author.is_empty() {
            self.form.author = dpia_files::author::default_author();
        }
    }

    /// Offers `author` as the take-snapshot form's author, when the form has none yet.
    pub(super) fn offer_author(&mut self, author: &str) {
        if self.form.author.is_empty() {
            author.clone_into(&mut self.form.author);
        }
    }

    /// Follows a change of the author's name in the settings, unless another name was typed.
    pub(super) fn author_changed(&mut self, before: &str, after: &str) {
        if self.form.author == before {
            after.clone_into(&mut self.form.author);
        }
        self.approvals.author_changed(before, after);
    }

    /// The readable snapshots' details, oldest first.
    fn readable(&self) -> impl Iterator<Item = &Details> {
        self.listed
            .iter()
            .filter_map(|listed| listed.details.as_ref().ok())
    }

    /// The labels of the readable snapshots, oldest first.
    pub(super) fn labels(&self) -> Vec<Label> {
        snapshot_file::labels(&self.listed)
    }

    /// The newest readable snapshot that is not an automatic one, or else the newest.
    fn newest(&self) -> Option<Label> {
        let readable: Vec<&Details> = self.readable().collect();
        readable
            .iter()
            .rev()
            .find(|details| !details.label.is_automatic())
            .or_else(|| readable.last())
            .map(|details| details.label.clone())
    }

    /// The snapshot labelled `label`, read from its file (checksum verified) on first use.
    pub(super) fn snapshot(
        &mut self,
        register_path: &Path,
        label: &Label,
    ) -> Result<&Snapshot, String> {
        if !self.loaded.contains_key(label) {
            let snapshot = snapshot_file::load(&snapshot_file::path(register_path, label))
                .map_err(|err| err.error_text())?;
            self.loaded.insert(label.clone(), snapshot);
        }
        self.loaded
            .get(label)
            .ok_or_else(|| tr_args!("snapshots-snapshot-is-not-loaded", label = label))
    }

    /// The change log between the picked versions, computed again when either changes.
    fn change_log(&mut self, document: &Document) -> Option<&Result<ChangeLog, String>> {
        let older = self.compare.older.clone()?;
        let key: LogKey = (
            Some(older.clone()),
            self.compare.newer.clone(),
            document.state_key(),
        );
        let is_stale = self
            .compare
            .log
            .as_ref()
            .is_none_or(|(seen, _)| seen != &key);
        if is_stale {
            let newer = self.compare.newer.clone();
            let log = self.compute_log(document, &older, &newer);
            self.compare.log = Some((key, log));
        }
        self.compare.log.as_ref().map(|(_, log)| log)
    }

    fn compute_log(
        &mut self,
        document: &Document,
        older: &Pick,
        newer: &Pick,
    ) -> Result<ChangeLog, String> {
        let path = document
            .path
            .clone()
            .ok_or_else(|| tr("snapshots-the-register-has-no-file").to_owned())?;
        for pick in [older, newer] {
            if let Pick::Snapshot(label) = pick {
                self.snapshot(&path, label)?;
            }
        }
        let register = |pick: &Pick| -> Result<&Register, String> {
            match pick {
                Pick::Working => Ok(&document.register),
                Pick::Snapshot(label) => self
                    .loaded
                    .get(label)
                    .map(Snapshot::register)
                    .ok_or_else(|| tr_args!("snapshots-snapshot-is-not-loaded", label = label)),
            }
        };
        Ok(diff::diff(register(older)?, register(newer)?))
    }

    /// The change log shown in the compare pane, if one has been computed.
    pub(super) fn shown_change_log(&self) -> Option<&ChangeLog> {
        self.compare
            .log
            .as_ref()
            .and_then(|(_, log)| log.as_ref().ok())
    }

    /// Shows the compare pane with `label` as the older version and the working register as the newer.
    fn compare_with_working(&mut self, label: Label) {
        self.compare.older = Some(Pick::Snapshot(label));
        self.compare.newer = Pick::Working;
        self.pane = Pane::Compare;
    }

    /// Opens the snapshot labelled `label` read-only.
    fn open_read_only(&mut self, register_path: &Path, label: &Label) -> Result<(), String> {
        let snapshot = self.snapshot(register_path, label)?;
        let ranked = ranking::rank(snapshot.register());
        let selection = ranked
            .first()
            .and_then(|top| snapshot.register().entries.get(top.entry_idx))
            .map(|entry| entry.id.clone());
        self.read_only = Some(ReadOnly {
            label: label.clone(),
            ranked,
            selection,
        });
        self.pane = Pane::ReadOnly;
        Ok(())
    }
}

impl DpiaApp {
    /// Carries out a command from the Snapshots view.
    pub(super) fn run_snapshot_command(&mut self, command: SnapshotCommand, ctx: &egui::Context) {
        // What the command changed is drawn from the next frame on.
        ctx.request_repaint();
        let Some(path) = self.document.path.clone() else {
            self.errors.push(no_file().to_owned());
            return;
        };
        let version_label = self.document.register.metadata.version_label.clone();
        self.versions.sync(Some(&path), &version_label);
        match command {
            SnapshotCommand::Take => self.take_snapshot(&path, ctx),
            SnapshotCommand::RestoreWhole(label) => self.restore_whole(&path, &label),
            SnapshotCommand::RestoreEntry { from, entry } => {
                self.restore_part(
                    &path,
                    &from,
                    &tr_args!("snapshots-restore-from", entry = entry, from = from),
                    |working, older| snapshot::restore_entry(working, older, &entry),
                );
            }
            SnapshotCommand::RestoreField {
                from,
                entry,
                field,
                what,
            } => {
                self.restore_part(
                    &path,
                    &from,
                    &tr_args!(
                        "snapshots-restore-of-from",
                        what = what,
                        entry = entry,
                        from = from
                    ),
                    |working, older| snapshot::restore_field(working, older, &entry, &field),
                );
            }
            SnapshotCommand::Approval(command) => self.run_approval_command(command, &path, ctx),
        }
    }

    /// The change log the Snapshots view shows, once two versions have been compared.
    pub fn change_log(&self) -> Option<&ChangeLog> {
        self.versions.shown_change_log()
    }

    /// The labels of the open register's readable snapshots, oldest first, as last read.
    pub fn snapshot_labels(&self) -> Vec<Label> {
        self.versions.labels()
    }

    /// Takes a snapshot of the register as it stands, records it in the register and saves the
    /// register, so the register keeps its record of the snapshots taken of it.
    fn take_snapshot(&mut self, path: &Path, ctx: &egui::Context) {
        let label = match Label::parse(self.versions.form.label.trim()) {
            Ok(label) => label,
            Err(err) => {
                self.versions.form.error = Some(err.error_text());
                return;
            }
        };
        let taken = snapshot_chain::take(
            path,
            &mut self.document.register,
            label.clone(),
            self.clock.now(),
            self.versions.form.author.trim(),
            self.versions.form.note.trim(),
        );
        match taken {
            Ok((saved, snapshot)) => {
                self.versions.form.error = None;
                self.versions.form.note.clear();
                let is_saved = self.save(ctx);
                self.notice = Some(if is_saved {
                    tr_args!(
                        "snapshots-took-snapshot-the-register-which",
                        label = label,
                        saved = saved.display()
                    )
                } else {
                    tr_args!(
                        "snapshots-took-snapshot-save-the-register",
                        label = label,
                        saved = saved.display()
                    )
                });
                let version_label = self.document.register.metadata.version_label.clone();
                self.versions.read_list(path, &version_label);
                self.versions.loaded.insert(label, snapshot);
            }
            Err(
                err @ (TakeError::Save(SaveError::AlreadyExists { .. })
                | TakeError::Snapshot(SnapshotError::LabelUsed { .. })),
            ) => {
                let mut labels = self.versions.labels();
                labels.extend(
                    self.document
                        .register
                        .snapshots
                        .iter()
                        .map(|record| record.label.clone()),
                );
                let next = snapshot::next_label(&labels, label.as_str());
                self.versions.form.error = Some(tr_args!(
                    "snapshots-a-snapshot-labelled-was-taken",
                    label = label,
                    next = next,
                    err = err.error_text()
                ));
            }
            Err(err) => self.versions.form.error = Some(err.error_text()),
        }
    }

    /// Replaces the working register with the snapshot's, keeping the working register first as
    /// an automatic snapshot; if that cannot be saved, nothing is restored.
    fn restore_whole(&mut self, path: &Path, label: &Label) {
        let taken_at = self.clock.now();
        let author = self.versions.form.author.trim().to_owned();
        let existing = self.versions.labels();
        let older = match self.versions.snapshot(path, label) {
            Ok(snapshot) => snapshot.register().clone(),
            Err(err) => {
                self.errors.push(err);
                return;
            }
        };
        let kept =
            snapshot::before_restore(&self.document.register, label, taken_at, &author, &existing)
                .map_err(|err| err.error_text())
                .and_then(|kept| {
                    snapshot_chain::keep(path, &mut self.document.register, &kept)
                        .map(|_| kept)
                        .map_err(|err| err.error_text())
                });
        let kept = match kept {
            Ok(kept) => kept,
            Err(err) => {
                self.errors.push(tr_args!(
                    "snapshots-nothing-was-restored-the-working",
                    err = err
                ));
                return;
            }
        };
        let restored = snapshot::restore_whole(&self.document.register, &older);
        if self.apply(Edit::ReplaceRegister {
            register: Box::new(restored),
            label: tr_args!("snapshots-restore-as-working-copy-2", label = label),
        }) {
            self.keep_selection_valid();
            self.notice = Some(tr_args!(
                "snapshots-restored-as-the-working-copy",
                label = label,
                label2 = kept.label()
            ));
        }
        let version_label = self.document.register.metadata.version_label.clone();
        self.versions.read_list(path, &version_label);
    }

    /// Restores part of the working register from the snapshot `from` with `restore`, as one
    /// undoable step named `undo_label`.
    fn restore_part(
        &mut self,
        path: &Path,
        from: &Label,
        undo_label: &str,
        restore: impl FnOnce(&mut Register, &Register) -> Result<(), snapshot::RestoreError>,
    ) {
        let mut restored = self.document.register.clone();
        let result = match self.versions.snapshot(path, from) {
            Ok(older) => restore(&mut restored, older.register()).map_err(|err| err.error_text()),
            Err(err) => Err(err),
        };
        match result {
            Ok(()) => {
                if self.apply(Edit::ReplaceRegister {
                    register: Box::new(restored),
                    label: undo_label.to_owned(),
                }) {
                    self.keep_selection_valid();
                    self.notice = Some(tr_args!(
                        "snapshots-done-undo-takes-it-back",
                        undo_label = undo_label
                    ));
                }
            }
            Err(err) => self.errors.push(err),
        }
    }
}

/// What the view says about a register that has never been saved.
fn no_file() -> &'static str {
    tr("snapshots-this-register-has-not-been")
}

/// Draws the Snapshots view.
pub(super) fn snapshots_ui(
    ui: &mut Ui,
    document: &Document,
    versions: &mut Versions,
    now: jiff::Timestamp,
    commands: &mut Vec<Command>,
) {
    let Some(path) = document.path.as_deref() else {
        versions.sync(None, "");
        ui.heading(tr("snapshots-snapshots"));
        ui.add_space(8.0);
        ui.label(no_file());
        ui.add_space(8.0);
        if ui.button(tr("app-save-as")).clicked() {
            commands.push(Command::Menu(MenuCommand::SaveAs));
        }
        return;
    };
    versions.sync(Some(path), &document.register.metadata.version_label);
    if versions.approvals.is_stale {
        versions.approvals.read(path, now);
    }
    ui.horizontal(|ui| {
        ui.heading(tr_args!(
            "snapshots-snapshots-of",
            display_name = document.display_name()
        ));
        ui.add_space(12.0);
        let mut pane = versions.pane;
        ui.selectable_value(&mut pane, Pane::List, tr("snapshots-all-snapshots"));
        ui.selectable_value(&mut pane, Pane::Compare, tr("snapshots-compare"));
        ui.selectable_value(&mut pane, Pane::Trail, tr("snapshots-audit-trail"));
        if let Some(open) = &versions.read_only {
            ui.selectable_value(
                &mut pane,
                Pane::ReadOnly,
                tr_args!("snapshots-read-only", label = open.label),
            );
        }
        versions.pane = pane;
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if ui
                .button(tr("snapshots-refresh"))
                .on_hover_text(tr("snapshots-read-the-snapshots-folder-again"))
                .clicked()
            {
                versions.read_list(path, &document.register.metadata.version_label);
            }
        });
    });
    ui.separator();
    match versions.pane {
        Pane::List => list_pane_ui(ui, document, path, versions, commands),
        Pane::Compare => compare::compare_pane_ui(ui, document, versions, commands),
        Pane::ReadOnly => read_only::read_only_pane_ui(ui, versions),
        Pane::Trail => super::trail_view::register_log_ui(ui, &document.trail),
    }
    confirm_restore_ui(ui.ctx(), versions, commands);
    approvals::approve_form_ui(ui.ctx(), versions, commands);
}

fn list_pane_ui(
    ui: &mut Ui,
    document: &Document,
    path: &Path,
    versions: &mut Versions,
    commands: &mut Vec<Command>,
) {
    take_form_ui(ui, document, &mut versions.form, commands);
    ui.add_space(10.0);
    ui.label(
        RichText::new(tr_args!(
            "snapshots-kept-in",
            path = snapshot_file::folder(path).display()
        ))
        .weak(),
    );
    if let Some(err) = &versions.list_error {
        error_line(ui, err);
    }
    // The chain checked against the register's record of its snapshots, as `check` does: from
    // what was read when the list was, so nothing is read here.
    for problem in snapshot_chain::audit_listed(&document.register, &versions.listed) {
        if problem.is_warning() {
            ui.add(
                TextLabel::new(
                    RichText::new(tr_args!("snapshots-note", problem = problem.error_text()))
                        .weak(),
                )
                .wrap(),
            );
        } else {
            error_line(ui, &problem.error_text());
        }
    }
    ui.add_space(4.0);
    let mut action = None;
    if versions.readable().next().is_none() {
        ui.add_space(12.0);
        ui.label(RichText::new(tr("snapshots-no-snapshots-yet-take-one")).size(16.0));
    } else {
        action = snapshot_table_ui(ui, versions, commands);
    }
    for listed in &versions.listed {
        if let Err(err) = &listed.details {
            error_line(
                ui,
                &tr_args!("snapshots-cannot-be-used", err = err.error_text()),
            );
        }
    }
    ui.add_space(8.0);
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("approvals")
        .auto_shrink([false, false])
        .show(ui, |ui| approvals::approvals_ui(ui, versions, commands));
    match action {
        Some(ListAction::Compare(label)) => versions.compare_with_working(label),
        Some(ListAction::Open(label)) => {
            if let Err(err) = versions.open_read_only(path, &label) {
                versions.list_error = Some(err);
            }
        }
        Some(ListAction::Restore(label)) => versions.confirm_restore = Some(label),
        None => {}
    }
}

/// What a button in the snapshot list asked for.
enum ListAction {
    Compare(Label),
    Open(Label),
    Restore(Label),
}

fn take_form_ui(
    ui: &mut Ui,
    document: &Document,
    form: &mut TakeForm,
    commands: &mut Vec<Command>,
) {
    egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::same(12))
        .show(ui, |ui| {
            ui.label(RichText::new(tr("snapshots-take-a-snapshot")).font(theme::bold_body()));
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                let label = ui.label(tr("snapshots-label"));
                let field = ui
                    .add(TextEdit::singleline(&mut form.label).desired_width(90.0))
                    .labelled_by(label.id);
                if field.changed() {
                    // The last error was about the label as it was.
                    form.error = None;
                }
                ui.add_space(8.0);
                let author = ui.label(tr("snapshots-author"));
                ui.add(TextEdit::singleline(&mut form.author).desired_width(150.0))
                    .labelled_by(author.id);
                ui.add_space(8.0);
                let note = ui.label(tr("snapshots-note-2"));
                ui.add(
                    TextEdit::singleline(&mut form.note)
                        .desired_width((ui.available_width() - 140.0).max(160.0))
                        .hint_text(tr("snapshots-why-sent-to-the-workshop")),
                )
                .labelled_by(note.id);
                let can_take = !form.label.trim().is_empty();
                if ui
                    .add_enabled(can_take, egui::Button::new(tr("snapshots-take-snapshot")))
                    .clicked()
                {
                    commands.push(Command::Snapshot(SnapshotCommand::Take));
                }
            });
            if document.is_dirty() {
                ui.label(RichText::new(tr("snapshots-the-snapshot-includes-the-changes")).weak());
            }
            if let Some(err) = &form.error {
                error_line(ui, err);
            }
        });
}

/// The table of readable snapshots, newest first; returns what a button asked for.
fn snapshot_table_ui(
    ui: &mut Ui,
    versions: &Versions,
    commands: &mut Vec<Command>,
) -> Option<ListAction> {
    let rows: Vec<&Details> = versions.readable().collect();
    let mut action = None;
    let zone = jiff::tz::TimeZone::system();
    let max_height = (ui.available_height() * 0.45).max(4.0 * ROW_HEIGHT);
    // In a small window the columns narrow (and the time drops), so the buttons stay in view.
    let narrow = ui.available_width() < 1000.0;
    let (label_width, taken_width, author_width, entries_width, note_width, buttons_width) =
        if narrow {
            (70.0, 90.0, 76.0, 50.0, 30.0, 230.0)
        } else {
            (150.0, 130.0, 120.0, 64.0, 120.0, 250.0)
        };
    let taken_format = if narrow { "%Y-%m-%d" } else { "%Y-%m-%d %H:%M" };
    TableBuilder::new(ui)
        .id_salt("snapshot-list")
        .striped(true)
        .cell_layout(Layout::left_to_right(Align::Center))
        .column(Column::initial(label_width).at_least(60.0).clip(true))
        .column(Column::initial(taken_width).at_least(80.0))
        .column(Column::initial(author_width).at_least(50.0).clip(true))
        .column(Column::exact(entries_width))
        .column(Column::remainder().at_least(note_width).clip(true))
        .column(Column::exact(buttons_width))
        .column(Column::exact(if narrow { 185.0 } else { 190.0 }))
        .min_scrolled_height(0.0)
        .max_scroll_height(max_height)
        .header(26.0, |mut header| {
            for title in [
                tr("snapshots-label"),
                tr("snapshots-taken"),
                tr("snapshots-author"),
                tr("snapshots-entries"),
                tr("snapshots-note-2"),
                "",
                tr("snapshots-approvals"),
            ] {
                header.col(|ui| {
                    ui.label(RichText::new(title).font(theme::bold_body()));
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, rows.len(), |mut row| {
                // Newest first.
                let Some(details) = rows
                    .len()
                    .checked_sub(row.index() + 1)
                    .and_then(|idx| rows.get(idx))
                else {
                    return;
                };
                let label = &details.label;
                row.col(|ui| {
                    let text = RichText::new(label.as_str()).monospace();
                    ui.add(
                        TextLabel::new(if label.is_automatic() {
                            text.weak()
                        } else {
                            text.strong()
                        })
                        .truncate(),
                    );
                });
                row.col(|ui| {
                    ui.label(
                        details
                            .taken_at
                            .to_zoned_datetime(zone.clone())
                            .strftime(taken_format)
                            .to_string(),
                    );
                });
                row.col(|ui| {
                    ui.add(TextLabel::new(details.author.as_str()).truncate());
                });
                row.col(|ui| {
                    ui.label(details.num_entries.to_string());
                });
                row.col(|ui| {
                    ui.add(TextLabel::new(details.note.as_str()).truncate());
                });
                row.col(|ui| {
                    if let Some(asked) = row_buttons_ui(ui, label) {
                        action = Some(asked);
                    }
                });
                row.col(|ui| approvals::approve_button_ui(ui, versions, label, commands));
            });
        });
    action
}

/// A snapshot's Compare, Open and Restore… buttons; returns what was clicked.
fn row_buttons_ui(ui: &mut Ui, label: &Label) -> Option<ListAction> {
    let mut action = None;
    let compare = ui
        .small_button(tr("snapshots-compare"))
        .on_hover_text(tr("snapshots-compare-with-the-working-register"))
        .accessible_name(tr_args!(
            "snapshots-compare-with-the-working-register-2",
            label = label
        ));
    if compare.clicked() {
        action = Some(ListAction::Compare(label.clone()));
    }
    let open = ui
        .small_button(tr("app-open-2"))
        .on_hover_text(tr("snapshots-open-read-only"))
        .accessible_name(tr_args!("snapshots-open-read-only-2", label = label));
    if open.clicked() {
        action = Some(ListAction::Open(label.clone()));
    }
    let restore = ui
        .small_button(tr("snapshots-restore"))
        .on_hover_text(tr("snapshots-restore-as-the-working-copy"))
        .accessible_name(tr_args!(
            "snapshots-restore-as-working-copy-3",
            label = label
        ));
    if restore.clicked() {
        action = Some(ListAction::Restore(label.clone()));
    }
    action
}

/// Asks before restoring a snapshot as the working copy; pushes the command once confirmed.
fn confirm_restore_ui(ctx: &egui::Context, versions: &mut Versions, commands: &mut Vec<Command>) {
    let Some(label) = versions.confirm_restore.clone() else {
        return;
    };
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("confirm-restore")).show(ctx, |ui| {
        ui.set_width(480.0);
        ui.heading(tr_args!(
            "snapshots-restore-as-the-working-copy-2",
            label = label
        ));
        ui.label(tr_args!(
            "snapshots-the-working-register-is-replaced",
            label = label
        ));
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui.button(tr("app-restore")).clicked() {
                commands.push(Command::Snapshot(SnapshotCommand::RestoreWhole(
                    label.clone(),
                )));
                close = true;
            }
            if ui.button(tr("app-cancel")).clicked() {
                close = true;
            }
        });
    });
    if close || modal.should_close() {
        versions.confirm_restore = None;
    }
}

/// A message from the core, in the error colours.
/// A problem, in the error style, on its own line.
pub(super) fn error_line(ui: &mut Ui, text: &str) {
    let theme = theme::look(ui.ctx());
    egui::Frame::new()
        .fill(theme::error_fill(theme))
        .corner_radius(4)
        .inner_margin(egui::Margin::symmetric(10, 5))
        .show(ui, |ui| {
            ui.add(TextLabel::new(RichText::new(text).color(theme::error_text(theme))).wrap());
        });
}
