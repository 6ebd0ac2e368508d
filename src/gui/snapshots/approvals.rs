//! Approvals in the Snapshots view: each snapshot's approvals with what checking them found
//! (signed and verified, unknown signer, unsigned, or invalid and why), the Approve… form that
//! records a new one (signed with an SSH key if one is given), and Verify, which reads the
//! approvals and the allowed-signers file again.
//!
//! The approvals are read and checked by `files::approval_file::verify_all` when the snapshot list
//! is read, or when asked, never per frame. Nothing here changes the register: an approval is a new
//! file beside it. The form, and the making and signing of the approval it describes, are `form`.

mod form;

use std::path::{Path, PathBuf};

use egui::{Align, Label as TextLabel, Layout, RichText, TextEdit, Ui};
use jiff::Timestamp;

use super::{SnapshotCommand, Versions, error_line};
use crate::gui::DpiaApp;
use crate::gui::command::Command;
use crate::gui::dialogs::FileRequest;
use crate::gui::error_text::ErrorText;
use crate::gui::i18n::{self, UiName, tr, tr_args};
use crate::gui::theme;
use dpia_core::approval::Approval;
use dpia_core::signature::{AllowedSigners, Verification};
use dpia_core::snapshot::Label;
use dpia_files::approval_file::{self, StoredApproval};
use dpia_files::git_config;
use dpia_report::labels::labels;
use form::ApproveForm;
pub(super) use form::approve_form_ui;

/// What the approvals part of the Snapshots view asks the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApprovalCommand {
    /// Open the Approve… form for this snapshot.
    Open(Label),
    /// Record the approval in the form.
    Save,
    /// Read the approvals and the allowed-signers file again, and check every approval.
    Verify,
    /// Choose the private key to sign with, in a file chooser.
    BrowseKey,
    /// Sign with the key in this file.
    KeyChosen(PathBuf),
    /// Choose the allowed-signers file to check signatures against, in a file chooser.
    BrowseAllowedSigners,
    /// Check signatures against this allowed-signers file.
    AllowedSignersChosen(PathBuf),
}

impl ApprovalCommand {
    /// The command's name, for menus.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Open(_) => tr("snapshots-approve"),
            Self::Save => tr("snapshots-record-approval"),
            Self::Verify => tr("snapshots-verify-approvals"),
            Self::BrowseKey | Self::KeyChosen(_) => tr("snapshots-choose-signing-key"),
            Self::BrowseAllowedSigners | Self::AllowedSignersChosen(_) => {
                tr("snapshots-choose-allowed-signers-file")
            }
        }
    }
}

/// The register's approvals as last read and checked, the allowed-signers file they were checked
/// against, and the Approve… form.
#[derive(Debug, Default)]
pub(super) struct Approvals {
    /// Set when the snapshots were read again, so the approvals are read at the next frame.
    pub(super) is_stale: bool,
    /// Every approval with what checking it found, in the order they were recorded.
    checked: Vec<(StoredApproval, Verification)>,
    /// Why the approvals could not be read.
    error: Option<String>,
    /// The allowed-signers file typed or chosen; empty for git's `gpg.ssh.allowedSignersFile`.
    pub(super) allowed_signers: String,
    /// Which allowed-signers file the approvals were checked against, in words.
    checked_against: String,
    /// Why the allowed-signers file could not be read.
    allowed_error: Option<String>,
    /// The Approve… form, kept while closed so nothing typed is lost.
    form: Option<ApproveForm>,
    /// Whether the form is shown.
    is_form_open: bool,
}

impl Approvals {
    /// Reads every approval beside `register_path` and checks it, against the allowed-signers file
    /// typed (or else git's), at `now`.
    pub(super) fn read(&mut self, register_path: &Path, now: Timestamp) {
        self.is_stale = false;
        let typed = self.allowed_signers.trim();
        let (file, whose) = if typed.is_empty() {
            (
                git_config::allowed_signers_file(),
                tr("snapshots-git-s-gpg-ssh-allowedsignersfile"),
            )
        } else {
            (Some(PathBuf::from(typed)), tr("snapshots-the-file-chosen"))
        };
        let allowed: Option<AllowedSigners> = match &file {
            None => {
                tr("snapshots-no-allowed-signers-file-git").clone_into(&mut self.checked_against);
                self.allowed_error = None;
                None
            }
            Some(path) => match approval_file::read_allowed_signers(path) {
                Ok(allowed) => {
                    self.checked_against = tr_args!(
                        "snapshots-signatures-checked-against",
                        path = path.display(),
                        whose = whose
                    );
                    self.allowed_error = None;
                    Some(allowed)
                }
                Err(err) => {
                    tr("snapshots-signatures-checked-against-no-allowed")
                        .clone_into(&mut self.checked_against);
                    self.allowed_error = Some(err.error_text());
                    None
                }
            },
        };
        match approval_file::verify_all(register_path, allowed.as_ref(), now) {
            Ok(checked) => {
                self.checked = checked;
                self.error = None;
            }
            Err(err) => {
                self.checked.clear();
                self.error = Some(tr_args!(
                    "snapshots-the-approvals-cannot-be-read",
                    err = err.error_text()
                ));
            }
        }
    }

    /// The approvals of the snapshot labelled `label`, with what checking each found.
    fn of<'a>(
        &'a self,
        label: &'a Label,
    ) -> impl Iterator<Item = &'a (StoredApproval, Verification)> + 'a {
        self.checked
            .iter()
            .filter(move |(stored, _)| &stored.approval.label == label)
    }

    /// Follows a change of the author's name in the settings, unless another name was typed.
    pub(super) fn author_changed(&mut self, before: &str, after: &str) {
        if let Some(form) = &mut self.form
            && form.name == before
        {
            after.clone_into(&mut form.name);
        }
    }

    /// How many approvals the snapshot labelled `label` has, and how many of them are invalid.
    pub(super) fn count(&self, label: &Label) -> (usize, usize) {
        self.of(label).fold((0, 0), |(all, invalid), (_, checked)| {
            (all + 1, invalid + usize::from(checked.is_invalid()))
        })
    }
}

impl DpiaApp {
    /// Carries out a command from the approvals part of the Snapshots view.
    pub(super) fn run_approval_command(
        &mut self,
        command: ApprovalCommand,
        path: &Path,
        ctx: &egui::Context,
    ) {
        match command {
            ApprovalCommand::Open(label) => {
                let name = self.settings.author();
                let approvals = &mut self.versions.approvals;
                if approvals
                    .form
                    .as_ref()
                    .is_none_or(|form| form.label != label)
                {
                    approvals.form = Some(ApproveForm::new(label, name, self.today));
                }
                if let Some(form) = &mut approvals.form {
                    form.focus = true;
                }
                approvals.is_form_open = true;
            }
            ApprovalCommand::Save => self.save_approval(path),
            ApprovalCommand::Verify => {
                let approvals = &mut self.versions.approvals;
                approvals.read(path, self.clock.now());
                let count = approvals.checked.len();
                let invalid = approvals
                    .checked
                    .iter()
                    .filter(|(_, checked)| checked.is_invalid())
                    .count();
                self.notice = Some(tr_args!(
                    "snapshots-verified-approval-invalid",
                    count = count,
                    invalid = invalid
                ));
            }
            ApprovalCommand::BrowseKey => {
                let approvals = &self.versions.approvals;
                let near = approvals
                    .form
                    .as_ref()
                    .map(|form| PathBuf::from(form.key.trim()))
                    .filter(|key| !key.as_os_str().is_empty());
                self.file_dialogs
                    .ask(FileRequest::SigningKey, near.as_deref(), ctx);
            }
            ApprovalCommand::KeyChosen(key) => {
                if let Some(form) = &mut self.versions.approvals.form {
                    form.key = key.display().to_string();
                    form.error = None;
                }
            }
            ApprovalCommand::BrowseAllowedSigners => {
                let near = Some(PathBuf::from(
                    self.versions.approvals.allowed_signers.trim(),
                ))
                .filter(|file| !file.as_os_str().is_empty());
                self.file_dialogs
                    .ask(FileRequest::AllowedSigners, near.as_deref(), ctx);
            }
            ApprovalCommand::AllowedSignersChosen(file) => {
                let approvals = &mut self.versions.approvals;
                approvals.allowed_signers = file.display().to_string();
                approvals.read(path, self.clock.now());
            }
        }
    }
}

/// Each snapshot's approvals, newest snapshot first, with the allowed-signers file and Verify.
pub(super) fn approvals_ui(ui: &mut Ui, versions: &mut Versions, commands: &mut Vec<Command>) {
    allowed_signers_ui(ui, &mut versions.approvals, commands);
    let mut labels: Vec<Label> = versions
        .readable()
        .map(|details| details.label.clone())
        .collect();
    labels.reverse();
    let approvals = &versions.approvals;
    let mut any = false;
    for label in &labels {
        let rows: Vec<&(StoredApproval, Verification)> = approvals.of(label).collect();
        if rows.is_empty() {
            continue;
        }
        any = true;
        ui.add_space(6.0);
        ui.label(
            RichText::new(tr_args!("snapshots-snapshot", label = label))
                .strong()
                .monospace(),
        );
        approval_grid_ui(ui, label.as_str(), &rows);
    }
    // Approvals of snapshots that cannot be read (or are gone) are invalid: shown too.
    let orphans: Vec<&(StoredApproval, Verification)> = approvals
        .checked
        .iter()
        .filter(|(stored, _)| !labels.contains(&stored.approval.label))
        .collect();
    if !orphans.is_empty() {
        any = true;
        ui.add_space(6.0);
        ui.label(RichText::new(tr("snapshots-approvals-of-snapshots-not-listed")).strong());
        approval_grid_ui(ui, "approvals-orphans", &orphans);
    }
    if !any {
        ui.add_space(4.0);
        ui.label(RichText::new(tr("snapshots-no-approvals-yet-approve-on")).weak());
    }
}

/// The allowed-signers file the signatures are checked against, and Verify.
fn allowed_signers_ui(ui: &mut Ui, approvals: &mut Approvals, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(tr("snapshots-approvals")).font(theme::bold_family_size(16.0)));
        ui.add_space(12.0);
        let label = ui.label(tr("snapshots-allowed-signers-file"));
        ui.add(
            TextEdit::singleline(&mut approvals.allowed_signers)
                .hint_text(tr("snapshots-git-s-gpg-ssh-allowedsignersfile"))
                .desired_width(260.0),
        )
        .labelled_by(label.id);
        if ui
            .button(tr("snapshots-browse"))
            .on_hover_text(tr("app-choose-the-allowed-signers-file"))
            .accessible_name(tr("snapshots-browse-for-the-allowed-signers"))
            .clicked()
        {
            commands.push(approval(ApprovalCommand::BrowseAllowedSigners));
        }
        if ui
            .button(tr("snapshots-verify"))
            .on_hover_text(tr("snapshots-read-the-approvals-again-and"))
            .clicked()
        {
            commands.push(approval(ApprovalCommand::Verify));
        }
    });
    ui.label(RichText::new(&approvals.checked_against).weak());
    if let Some(err) = &approvals.allowed_error {
        error_line(ui, err);
    }
    if let Some(err) = &approvals.error {
        error_line(ui, err);
    }
}

/// A table of approvals: role, name, decision, date, conditions and what checking found.
fn approval_grid_ui(ui: &mut Ui, id_salt: &str, rows: &[&(StoredApproval, Verification)]) {
    let widths = column_widths(ui.available_width());
    egui::Grid::new(("approvals", id_salt))
        .num_columns(6)
        .spacing([14.0, 4.0])
        .striped(true)
        .show(ui, |ui| {
            let titles = [
                tr("editor-role"),
                tr("editor-name"),
                tr("snapshots-decision"),
                tr("snapshots-date"),
                tr("snapshots-conditions-or-advice"),
            ];
            for (title, width) in titles.into_iter().zip(widths) {
                fixed_cell(
                    ui,
                    width,
                    RichText::new(title).font(theme::bold_body()),
                    title,
                );
            }
            ui.label(RichText::new(tr("actions-status")).font(theme::bold_body()));
            ui.end_row();
            for (stored, checked) in rows {
                approval_row_ui(ui, widths, &stored.approval, checked);
                ui.end_row();
            }
        });
}

/// The widths of the approvals tables' columns but the last (role, name, decision, date,
/// conditions) in a roomy window, the same in every table so they line up; the status takes what
/// is left.
const COLUMN_WIDTHS: [f32; 5] = [180.0, 140.0, 185.0, 86.0, 230.0];

/// `COLUMN_WIDTHS` narrowed to leave the status about a third of `available`; the date keeps
/// its width.
fn column_widths(available: f32) -> [f32; 5] {
    let roomy: f32 = COLUMN_WIDTHS.iter().sum();
    let scale = (available * 0.68 / roomy).clamp(0.5, 1.0);
    let mut widths = COLUMN_WIDTHS.map(|width| (width * scale).round());
    widths[3] = COLUMN_WIDTHS[3];
    widths
}

fn approval_row_ui(ui: &mut Ui, widths: [f32; 5], approval: &Approval, checked: &Verification) {
    let conditions = if approval.conditions.is_empty() {
        "—"
    } else {
        approval.conditions.as_str()
    };
    let texts = [
        approval.role.as_str(),
        approval.name.as_str(),
        approval.decision.ui_name(),
        &approval.date.to_string(),
        conditions,
    ]
    .map(str::to_owned);
    for (text, width) in texts.into_iter().zip(widths) {
        fixed_cell(ui, width, RichText::new(&text), &text);
    }
    let status = labels(i18n::language()).approval_status(checked);
    let text = match checked {
        Verification::Invalid(_) => RichText::new(status)
            .color(theme::error_text(theme::look(ui.ctx())))
            .strong(),
        Verification::Verified { .. } => RichText::new(status).strong(),
        Verification::Unsigned | Verification::UnknownSigner => RichText::new(status),
    };
    ui.add(TextLabel::new(text).wrap());
}

/// A cell `width` wide holding `text` on one line, cut short with "…" (the whole on hover).
fn fixed_cell(ui: &mut Ui, width: f32, text: RichText, whole: &str) {
    let size = egui::vec2(width, ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(size, Layout::left_to_right(Align::Center), |ui| {
        ui.set_min_width(width);
        ui.add(TextLabel::new(text).truncate()).on_hover_text(whole);
    });
}

/// An approval command, as the `Command` that carries it.
fn approval(command: ApprovalCommand) -> Command {
    Command::Snapshot(SnapshotCommand::Approval(command))
}

/// The row of buttons in the snapshot list: the approvals a snapshot has, and Approve….
pub(super) fn approve_button_ui(
    ui: &mut Ui,
    versions: &Versions,
    label: &Label,
    commands: &mut Vec<Command>,
) {
    let (all, invalid) = versions.approvals.count(label);
    let approve = ui
        .small_button(tr("snapshots-approve"))
        .on_hover_text(tr("snapshots-record-an-approval-dpo-advice"))
        .accessible_name(tr_args!("snapshots-approve-2", label = label));
    if approve.clicked() {
        commands.push(approval(ApprovalCommand::Open(label.clone())));
    }
    if all > 0 {
        let text = if invalid > 0 {
            RichText::new(tr_args!("snapshots-invalid", all = all, invalid = invalid))
                .color(theme::error_text(theme::look(ui.ctx())))
        } else {
            RichText::new(tr_args!("snapshots-approval", all = all)).weak()
        };
        ui.label(text);
    }
}
