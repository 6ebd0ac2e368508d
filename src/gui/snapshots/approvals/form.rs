//! The Approve… form: role (the roles offered, or any words), name, decision, conditions or advice,
//! date, and an optional SSH key and passphrase to sign with; and the approval it describes, made
//! of the snapshot as it is on disk, signed, and saved as a new file beside the register.
//!
//! A failure (a bad date, a locked key, a snapshot that no longer verifies) is shown in the form,
//! which keeps everything typed.

use std::path::Path;

use egui::{RichText, Role, TextEdit, Ui, WidgetInfo};
use jiff::civil::Date;

use super::{ApprovalCommand, Versions, approval};
use crate::gui::DpiaApp;
use crate::gui::command::Command;
use crate::gui::snapshots::error_line;
use crate::gui::{date_text, theme};
use dpia_core::approval::{Approval, Decision, OFFERED_ROLES};
use dpia_core::signature::{self, SignError};
use dpia_core::snapshot::Label;
use dpia_files::approval_file;

/// What is typed into the Approve… form.
#[derive(Debug, Clone)]
pub(super) struct ApproveForm {
    /// The snapshot approved.
    pub(super) label: Label,
    pub(super) role: String,
    pub(super) name: String,
    pub(super) decision: Decision,
    pub(super) conditions: String,
    /// The date as typed, `YYYY-MM-DD`.
    pub(super) date: String,
    /// The private key file to sign with; empty for an unsigned approval.
    pub(super) key: String,
    /// The key's passphrase, if it has one; cleared once the approval is recorded.
    pub(super) passphrase: String,
    /// Why the last attempt to record the approval failed.
    pub(super) error: Option<String>,
    /// Set when the form opens, to put the keyboard focus in its first field.
    pub(super) focus: bool,
}

impl ApproveForm {
    /// A new form for the snapshot labelled `label`: the first role offered, advice, `name` and
    /// `today`.
    pub(super) fn new(label: Label, name: String, today: Date) -> Self {
        Self {
            label,
            role: OFFERED_ROLES[0].to_owned(),
            name,
            decision: Decision::Advice,
            conditions: String::new(),
            date: today.to_string(),
            key: String::new(),
            passphrase: String::new(),
            error: None,
            focus: true,
        }
    }
}

impl DpiaApp {
    /// Records the approval in the form, signed if a key is given; a failure is shown in the form,
    /// which keeps everything typed.
    pub(super) fn save_approval(&mut self, path: &Path) {
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
        let date: Date = date_text::parse(&form.date)?
            .ok_or_else(|| format!("Give the date, as {}.", date_text::FORMS))?;
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

/// The Approve… form, as a window over the view, while open.
pub(in crate::gui::snapshots) fn approve_form_ui(
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
    let problem = match date_text::parse(&form.date) {
        Ok(Some(_)) => None,
        Ok(None) => Some(format!("give the date, as {}", date_text::FORMS)),
        Err(reason) => Some(reason),
    };
    let mut field = TextEdit::singleline(&mut form.date)
        .hint_text("31/10/2019")
        .desired_width(110.0);
    if problem.is_some() {
        field = field.text_color(theme::error_text(theme::look(ui.ctx())));
    }
    ui.horizontal(|ui| {
        ui.add(field).labelled_by(date.id);
        if let Some(problem) = problem {
            ui.label(RichText::new(problem).color(theme::error_text(theme::look(ui.ctx()))));
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
