//! Approvals in the Snapshots view: each snapshot's approvals with what checking them found
//! (signed and verified, unknown signer, unsigned, or invalid and why), the Approve… form that
//! records a new one (signed with an SSH key if one is given), and Verify, which reads the
//! approvals and the allowed-signers file again.
//!
//! The approvals are read and checked by `files::approval_file::verify_all` when the snapshot list
//! is read, or when asked, never per frame. Nothing here changes the register: an approval is a new
//! file beside it.

use std::path::{Path, PathBuf};

use egui::{Align, Label as TextLabel, Layout, RichText, Role, TextEdit, Ui, WidgetInfo};
use jiff::Timestamp;
use jiff::civil::Date;

use super::{SnapshotCommand, Versions, error_line};
use crate::gui::DpiaApp;
use crate::gui::command::Command;
use crate::gui::dialogs::FileRequest;
use crate::gui::theme;
use dpia_core::approval::{Approval, Decision, OFFERED_ROLES};
use dpia_core::signature::{self, AllowedSigners, SignError, Verification};
use dpia_core::snapshot::Label;
use dpia_files::approval_file::{self, StoredApproval};
use dpia_files::git_config;

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
            Self::Open(_) => "Approve…",
            Self::Save => "Record approval",
            Self::Verify => "Verify approvals",
            Self::BrowseKey | Self::KeyChosen(_) => "Choose signing key",
            Self::BrowseAllowedSigners | Self::AllowedSignersChosen(_) => {
                "Choose allowed-signers file"
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

/// What is typed into the Approve… form.
#[derive(Debug, Clone)]
struct ApproveForm {
    /// The snapshot approved.
    label: Label,
    role: String,
    name: String,
    decision: Decision,
    conditions: String,
    /// The date as typed, `YYYY-MM-DD`.
    date: String,
    /// The private key file to sign with; empty for an unsigned approval.
    key: String,
    /// The key's passphrase, if it has one; cleared once the approval is recorded.
    passphrase: String,
    /// Why the last attempt to record the approval failed.
    error: Option<String>,
    /// Set when the form opens, to put the keyboard focus in its first field.
    focus: bool,
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
                "git's gpg.ssh.allowedSignersFile",
            )
        } else {
            (Some(PathBuf::from(typed)), "the file chosen")
        };
        let allowed: Option<AllowedSigners> = match &file {
            None => {
                "No allowed-signers file (git has none set): signed approvals show as unknown signer until you choose one."
                    .clone_into(&mut self.checked_against);
                self.allowed_error = None;
                None
            }
            Some(path) => match approval_file::read_allowed_signers(path) {
                Ok(allowed) => {
                    self.checked_against =
                        format!("Signatures checked against {} ({whose}).", path.display());
                    self.allowed_error = None;
                    Some(allowed)
                }
                Err(err) => {
                    "Signatures checked against no allowed-signers file: the one given cannot be read."
                        .clone_into(&mut self.checked_against);
                    self.allowed_error = Some(err.to_string());
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
                self.error = Some(format!("The approvals cannot be read: {err}"));
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
                    approvals.form = Some(ApproveForm {
                        label,
                        role: OFFERED_ROLES[0].to_owned(),
                        name,
                        decision: Decision::Advice,
                        conditions: String::new(),
                        date: self.today.to_string(),
                        key: String::new(),
                        passphrase: String::new(),
                        error: None,
                        focus: true,
                    });
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
                self.notice = Some(format!(
                    "Verified {count} approval{}: {invalid} invalid",
                    if count == 1 { "" } else { "s" }
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

    /// Records the approval in the form, signed if a key is given; a failure is shown in the form,
    /// which keeps everything typed.
    fn save_approval(&mut self, path: &Path) {
        let Some(form) = self.versions.approvals.form.clone() else {
            return;
        };
        let result = self.make_approval(path, &form).and_then(|approval| {
            approval_file::save_new(path, &approval, self.clock.now())
                .map(|saved| (approval, saved))
                .map_err(|err| format!("The approval could not be saved: {err}"))
        });
        let approvals = &mut self.versions.approvals;
        match result {
            Ok((approval, saved)) => {
                approvals.form = None;
                approvals.is_form_open = false;
                approvals.read(path, self.clock.now());
                self.notice = Some(format!(
                    "Recorded {} of {} by {}, {}: {}",
                    approval.decision.words(),
                    approval.label,
                    approval.name,
                    if approval.is_signed() {
                        "signed"
                    } else {
                        "unsigned"
                    },
                    saved.display()
                ));
            }
            Err(err) => {
                if let Some(form) = &mut approvals.form {
                    form.error = Some(err);
                }
            }
        }
    }

    /// The approval the form describes, of the snapshot as it is on disk (checksum verified), and
    /// signed if the form names a key.
    fn make_approval(&mut self, path: &Path, form: &ApproveForm) -> Result<Approval, String> {
        let role = form.role.trim();
        let name = form.name.trim();
        if role.is_empty() {
            return Err("Say in what role: DPO advice, SIRO sign-off, …".to_owned());
        }
        if name.is_empty() {
            return Err("Say who approves: the name is empty.".to_owned());
        }
        let date: Date = form.date.trim().parse().map_err(|_| {
            format!(
                "`{}` is not a date: write it as YYYY-MM-DD, such as {}.",
                form.date.trim(),
                self.today
            )
        })?;
        let checksum = self
            .versions
            .snapshot(path, &form.label)
            .map(dpia_core::snapshot::Snapshot::checksum)
            .map_err(|err| format!("Snapshot {} cannot be approved: {err}", form.label))?;
        let mut approval = Approval {
            label: form.label.clone(),
            checksum,
            role: role.to_owned(),
            name: name.to_owned(),
            decision: form.decision,
            conditions: form.conditions.trim().to_owned(),
            date,
            signature: None,
        };
        let key_path = form.key.trim();
        if !key_path.is_empty() {
            let key = approval_file::read_private_key(Path::new(key_path))
                .map_err(|err| format!("The key cannot be used: {err}"))?;
            let passphrase = Some(form.passphrase.as_str()).filter(|p| !p.is_empty());
            let signed = signature::sign(&approval, &key, passphrase).map_err(|err| match err {
                SignError::Passphrase(_) if passphrase.is_none() => format!(
                    "The key {key_path} is protected by a passphrase: type it in Key passphrase."
                ),
                SignError::Passphrase(_) => format!(
                    "The passphrase does not open the key {key_path}: check it and try again."
                ),
                SignError::Sign(why) => format!("The approval could not be signed: {why}"),
            })?;
            approval.signature = Some(signed);
        }
        Ok(approval)
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
            RichText::new(format!("Snapshot {label}"))
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
        ui.label(RichText::new("Approvals of snapshots not listed").strong());
        approval_grid_ui(ui, "approvals-orphans", &orphans);
    }
    if !any {
        ui.add_space(4.0);
        ui.label(
            RichText::new(
                "No approvals yet. Approve… on a snapshot records DPO advice, a sign-off or the ICO's response.",
            )
            .weak(),
        );
    }
}

/// The allowed-signers file the signatures are checked against, and Verify.
fn allowed_signers_ui(ui: &mut Ui, approvals: &mut Approvals, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.label(RichText::new("Approvals").font(theme::bold_family_size(16.0)));
        ui.add_space(12.0);
        let label = ui.label("Allowed signers file");
        ui.add(
            TextEdit::singleline(&mut approvals.allowed_signers)
                .hint_text("git's gpg.ssh.allowedSignersFile")
                .desired_width(260.0),
        )
        .labelled_by(label.id);
        if ui
            .button("Browse…")
            .on_hover_text("Choose the allowed-signers file")
            .accessible_name("Browse for the allowed signers file")
            .clicked()
        {
            commands.push(approval(ApprovalCommand::BrowseAllowedSigners));
        }
        if ui
            .button("Verify")
            .on_hover_text("Read the approvals again and check every signature and snapshot")
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
            let titles = ["Role", "Name", "Decision", "Date", "Conditions or advice"];
            for (title, width) in titles.into_iter().zip(widths) {
                fixed_cell(
                    ui,
                    width,
                    RichText::new(title).font(theme::bold_body()),
                    title,
                );
            }
            ui.label(RichText::new("Status").font(theme::bold_body()));
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
        approval.decision.words(),
        &approval.date.to_string(),
        conditions,
    ]
    .map(str::to_owned);
    for (text, width) in texts.into_iter().zip(widths) {
        fixed_cell(ui, width, RichText::new(&text), &text);
    }
    let status = checked.to_string();
    let text = match checked {
        Verification::Invalid(_) => RichText::new(status)
            .color(theme::error_text(ui.ctx().theme()))
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

/// The Approve… form, as a window over the view, while open.
pub(super) fn approve_form_ui(
    ctx: &egui::Context,
    versions: &mut Versions,
    commands: &mut Vec<Command>,
) {
    let approvals = &mut versions.approvals;
    if !approvals.is_form_open {
        return;
    }
    let Some(form) = approvals.form.as_mut() else {
        approvals.is_form_open = false;
        return;
    };
    let mut close = false;
    // On the panels' grey, so the white text fields stand out as fields.
    let frame = egui::Frame::popup(&ctx.global_style()).fill(ctx.global_style().visuals.panel_fill);
    let modal = egui::Modal::new(egui::Id::unique("approve-form")).frame(frame);
    let shown = modal.show(ctx, |ui| {
        ui.set_width(680.0);
        ui.heading(format!("Approve snapshot {}", form.label));
        ui.label(
            RichText::new(
                "The approval is kept beside the snapshot and is valid only while the snapshot is unchanged.",
            )
            .weak(),
        );
        ui.add_space(6.0);
        egui::Grid::new("approve-fields")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                fields_ui(ui, form, commands);
            });
        if let Some(err) = &form.error {
            ui.add_space(4.0);
            error_line(ui, err);
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let ready = !form.role.trim().is_empty() && !form.name.trim().is_empty();
            let signed = !form.key.trim().is_empty();
            let save = ui.add_enabled(
                ready,
                egui::Button::new(if signed {
                    "Sign and record approval"
                } else {
                    "Record unsigned approval"
                }),
            );
            if save.clicked() {
                commands.push(approval(ApprovalCommand::Save));
            }
            if ui
                .button("Cancel")
                .on_hover_text("Close; what is typed is kept until you approve another snapshot")
                .clicked()
            {
                close = true;
            }
        });
    });
    // Escape or a click beside it closes it, unless the file chooser's path field is over it.
    if close || shown.should_close() {
        approvals.is_form_open = false;
    }
}

fn fields_ui(ui: &mut Ui, form: &mut ApproveForm, commands: &mut Vec<Command>) {
    let role = ui.label("Role");
    ui.horizontal(|ui| {
        let field = ui
            .add(TextEdit::singleline(&mut form.role).desired_width(300.0))
            .labelled_by(role.id);
        // Asked for until it takes: a modal's first frame only sizes it.
        if form.focus {
            field.request_focus();
            form.focus = !field.has_focus();
        }
        egui::ComboBox::from_id_salt("offered-roles")
            .selected_text("Offered roles")
            .width(150.0)
            .show_ui(ui, |ui| {
                for offered in OFFERED_ROLES {
                    if ui.selectable_label(form.role == offered, offered).clicked() {
                        offered.clone_into(&mut form.role);
                    }
                }
            })
            .response
            .widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, "Offered roles"));
    });
    ui.end_row();
    let name = ui.label("Name");
    ui.add(TextEdit::singleline(&mut form.name).desired_width(300.0))
        .labelled_by(name.id);
    ui.end_row();
    ui.label("Decision");
    ui.horizontal(|ui| {
        for decision in Decision::ALL {
            ui.radio_value(&mut form.decision, decision, decision.words());
        }
    });
    ui.end_row();
    let conditions = ui.label("Conditions or advice");
    ui.add(
        TextEdit::multiline(&mut form.conditions)
            .desired_rows(3)
            .desired_width(440.0)
            .hint_text("The conditions set, or the advice given, in their words"),
    )
    .labelled_by(conditions.id);
    ui.end_row();
    let date = ui.label("Date");
    let is_date = form.date.trim().parse::<Date>().is_ok();
    let mut field = TextEdit::singleline(&mut form.date)
        .hint_text("YYYY-MM-DD")
        .desired_width(110.0);
    if !is_date {
        field = field.text_color(theme::error_text(ui.ctx().theme()));
    }
    ui.horizontal(|ui| {
        ui.add(field).labelled_by(date.id);
        if !is_date {
            ui.label(
                RichText::new("write the date as YYYY-MM-DD")
                    .color(theme::error_text(ui.ctx().theme())),
            );
        }
    });
    ui.end_row();
    let key = ui.label("Private key file");
    ui.horizontal(|ui| {
        ui.add(
            TextEdit::singleline(&mut form.key)
                .hint_text("optional: ~/.ssh/id_ed25519 to sign")
                .desired_width(340.0),
        )
        .labelled_by(key.id);
        if ui
            .button("Browse…")
            .accessible_name("Browse for the private key file")
            .clicked()
        {
            // The form stays as typed while the chooser is open.
            commands.push(approval(ApprovalCommand::BrowseKey));
        }
    });
    ui.end_row();
    let passphrase = ui.label("Key passphrase");
    ui.add(
        TextEdit::singleline(&mut form.passphrase)
            .password(true)
            .hint_text("only if the key has one")
            .desired_width(200.0),
    )
    .labelled_by(passphrase.id);
    ui.end_row();
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
        .small_button("Approve…")
        .on_hover_text("Record an approval, DPO advice or the ICO's response on this snapshot")
        .accessible_name(format!("Approve {label}…"));
    if approve.clicked() {
        commands.push(approval(ApprovalCommand::Open(label.clone())));
    }
    if all > 0 {
        let text = if invalid > 0 {
            RichText::new(format!("{all} · {invalid} invalid"))
                .color(theme::error_text(ui.ctx().theme()))
        } else {
            RichText::new(format!("{all} approval{}", if all == 1 { "" } else { "s" })).weak()
        };
        ui.label(text);
    }
}
