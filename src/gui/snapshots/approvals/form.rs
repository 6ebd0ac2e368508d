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
use crate::gui::error_text::ErrorText;
use crate::gui::i18n::{UiName, tr, tr_args};
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
                .map_err(|err| {
                    tr_args!(
                        "snapshots-the-approval-could-not-be",
                        err = err.error_text()
                    )
                })
        });
        let approvals = &mut self.versions.approvals;
        match result {
            Ok((approval, saved)) => {
                approvals.form = None;
                approvals.is_form_open = false;
                approvals.read(path, self.clock.now());
                self.notice = Some(tr_args!(
                    "snapshots-recorded-of-by",
                    words = approval.decision.ui_name(),
                    label = approval.label,
                    approval = approval.name,
                    unsigned = if approval.is_signed() {
                        "signed"
                    } else {
                        "unsigned"
                    },
                    saved = saved.display()
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
            return Err(tr("snapshots-say-in-what-role-dpo").to_owned());
        }
        if name.is_empty() {
            return Err(tr("snapshots-say-who-approves-the-name").to_owned());
        }
        let date: Date = date_text::parse(&form.date)?
            .ok_or_else(|| tr_args!("snapshots-give-the-date-as", forms = date_text::forms()))?;
        let checksum = self
            .versions
            .snapshot(path, &form.label)
            .map(dpia_core::snapshot::Snapshot::checksum)
            .map_err(|err| {
                tr_args!(
                    "snapshots-snapshot-cannot-be-approved",
                    label = form.label,
                    err = err
                )
            })?;
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
            let key = approval_file::read_private_key(Path::new(key_path)).map_err(|err| {
                tr_args!("snapshots-the-key-cannot-be-used", err = err.error_text())
            })?;
            let passphrase = Some(form.passphrase.as_str()).filter(|p| !p.is_empty());
            let signed = signature::sign(&approval, &key, passphrase).map_err(|err| match err {
                SignError::Passphrase(_) if passphrase.is_none() => {
                    tr_args!("snapshots-the-key-is-protected-by", key_path = key_path)
                }
                SignError::Passphrase(_) => tr_args!(
                    "snapshots-the-passphrase-does-not-open",
                    key_path = key_path
                ),
                SignError::Sign(why) => {
                    tr_args!("snapshots-the-approval-could-not-be-2", why = why)
                }
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
        ui.heading(tr_args!("snapshots-approve-snapshot", label = form.label));
        ui.label(RichText::new(tr("snapshots-the-approval-is-kept-beside")).weak());
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
                    tr("snapshots-sign-and-record-approval")
                } else {
                    tr("snapshots-record-unsigned-approval")
                }),
            );
            if save.clicked() {
                commands.push(approval(ApprovalCommand::Save));
            }
            if ui
                .button(tr("app-cancel"))
                .on_hover_text(tr("snapshots-close-what-is-typed-is"))
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
    let role = ui.label(tr("editor-role"));
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
            .selected_text(tr("snapshots-offered-roles"))
            .width(150.0)
            .show_ui(ui, |ui| {
                for offered in OFFERED_ROLES {
                    if ui.selectable_label(form.role == offered, offered).clicked() {
                        offered.clone_into(&mut form.role);
                    }
                }
            })
            .response
            .widget_info(|| {
                WidgetInfo::labeled(Role::ComboBox, true, tr("snapshots-offered-roles"))
            });
    });
    ui.end_row();
    let name = ui.label(tr("editor-name"));
    ui.add(TextEdit::singleline(&mut form.name).desired_width(300.0))
        .labelled_by(name.id);
    ui.end_row();
    ui.label(tr("snapshots-decision"));
    ui.horizontal(|ui| {
        for decision in Decision::ALL {
            ui.radio_value(&mut form.decision, decision, decision.ui_name());
        }
    });
    ui.end_row();
    let conditions = ui.label(tr("snapshots-conditions-or-advice"));
    ui.add(
        TextEdit::multiline(&mut form.conditions)
            .desired_rows(3)
            .desired_width(440.0)
            .hint_text(tr("snapshots-the-conditions-set-or-the")),
    )
    .labelled_by(conditions.id);
    ui.end_row();
    let date = ui.label(tr("snapshots-date"));
    let problem = match date_text::parse(&form.date) {
        Ok(Some(_)) => None,
        Ok(None) => Some(tr_args!(
            "snapshots-give-the-date-as-2",
            forms = date_text::forms()
        )),
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
    let key = ui.label(tr("snapshots-private-key-file"));
    ui.horizontal(|ui| {
        ui.add(
            TextEdit::singleline(&mut form.key)
                .hint_text(tr("snapshots-optional-ssh-id-ed25519-to"))
                .desired_width(340.0),
        )
        .labelled_by(key.id);
        if ui
            .button(tr("snapshots-browse"))
            .accessible_name(tr("snapshots-browse-for-the-private-key"))
            .clicked()
        {
            // The form stays as typed while the chooser is open.
            commands.push(approval(ApprovalCommand::BrowseKey));
        }
    });
    ui.end_row();
    let passphrase = ui.label(tr("snapshots-key-passphrase"));
    ui.add(
        TextEdit::singleline(&mut form.passphrase)
            .password(true)
            .hint_text(tr("snapshots-only-if-the-key-has"))
            .desired_width(200.0),
    )
    .labelled_by(passphrase.id);
    ui.end_row();
}
