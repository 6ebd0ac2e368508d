//! Register details' "ICO prior consultation" section: whether prior consultation is indicated
//! (some residual risk stays high after mitigation: DPA 2018 s65, UK GDPR Art 36), the entries that
//! make it so, and the record of it: date sent, reference, response, date of response.
//!
//! The record changes only by `Edit::SetPriorConsultation`, one undoable step per Record. What is
//! typed before then is a draft in egui's memory, started again whenever the record changes.

use egui::{RichText, TextEdit, Ui};
use jiff::civil::Date;

use super::command::Command;
use super::theme;
use crate::gui::i18n::{tr, tr_args};
use dpia_core::accountability::high_residuals;
use dpia_core::edit::Edit;
use dpia_core::register::{PriorConsultation, Register};

/// What is typed into the consultation fields, and the record it started from.
#[derive(Debug, Clone, Default)]
struct Draft {
    /// The record when the draft was started; a different record starts a new draft.
    base: Option<PriorConsultation>,
    sent: String,
    reference: String,
    response: String,
    response_date: String,
    /// Why the last Record failed.
    error: Option<String>,
}

impl Draft {
    fn from_record(record: Option<&PriorConsultation>) -> Self {
        let date = |date: Option<Date>| date.map(|d| d.to_string()).unwrap_or_default();
        let record_or_empty = record.cloned().unwrap_or_default();
        Self {
            base: record.cloned(),
            sent: date(record_or_empty.sent),
            reference: record_or_empty.reference,
            response: record_or_empty.response,
            response_date: date(record_or_empty.response_date),
            error: None,
        }
    }

    /// The record the fields describe, or why a date cannot be read.
    fn record(&self) -> Result<PriorConsultation, String> {
        let date = |text: &str, what: &str| -> Result<Option<Date>, String> {
            super::date_text::parse(text)
                .map_err(|reason| tr_args!("editor-the", what = what, reason = reason))
        };
        Ok(PriorConsultation {
            sent: date(&self.sent, tr("editor-date-sent"))?,
            reference: self.reference.trim().to_owned(),
            response: self.response.trim().to_owned(),
            response_date: date(&self.response_date, tr("editor-date-of-response"))?,
        })
    }
}

/// Draws the prior consultation section of Register details.
pub(super) fn prior_consultation_ui(ui: &mut Ui, register: &Register, commands: &mut Vec<Command>) {
    let theme = theme::look(ui.ctx());
    ui.heading(tr("editor-ico-prior-consultation"));
    indication_ui(ui, register);
    ui.add_space(6.0);
    let record = register.metadata.prior_consultation.as_ref();
    let id = ui.make_persistent_id("prior-consultation-draft");
    let mut draft: Draft = ui
        .data_mut(|d| d.get_temp(id))
        .filter(|draft: &Draft| draft.base.as_ref() == record)
        .unwrap_or_else(|| Draft::from_record(record));
    egui::Grid::new("prior-consultation")
        .num_columns(2)
        // The width of the details' labels above, so the fields line up with theirs.
        .min_col_width(132.0)
        .spacing([16.0, 8.0])
        .show(ui, |ui| {
            for (label, text, hint, width) in [
                (
                    tr("editor-date-sent-2"),
                    &mut draft.sent,
                    tr("editor-yyyy-mm-dd"),
                    110.0,
                ),
                (
                    tr("editor-reference"),
                    &mut draft.reference,
                    tr("editor-the-ico-s-reference"),
                    300.0,
                ),
            ] {
                let label = ui.label(RichText::new(label).strong());
                ui.add(
                    TextEdit::singleline(text)
                        .hint_text(hint)
                        .desired_width(width),
                )
                .labelled_by(label.id);
                ui.end_row();
            }
            let label = ui.label(RichText::new(tr("editor-response")).strong());
            ui.add(
                TextEdit::multiline(&mut draft.response)
                    .hint_text(tr("editor-what-the-ico-advised-in"))
                    .desired_rows(3)
                    .desired_width(560.0),
            )
            .labelled_by(label.id);
            ui.end_row();
            let label = ui.label(RichText::new(tr("editor-date-of-response-2")).strong());
            ui.add(
                TextEdit::singleline(&mut draft.response_date)
                    .hint_text(tr("editor-yyyy-mm-dd"))
                    .desired_width(110.0),
            )
            .labelled_by(label.id);
            ui.end_row();
        });
    let typed = draft.record();
    let is_changed = match &typed {
        Ok(typed) => {
            Some(typed) != record && !(record.is_none() && typed == &PriorConsultation::default())
        }
        Err(_) => true,
    };
    ui.horizontal(|ui| {
        let save = ui.add_enabled(
            is_changed,
            egui::Button::new(tr("editor-record-prior-consultation")),
        );
        if save.clicked() {
            match &typed {
                Ok(consultation) => {
                    commands.push(Command::Edit(Edit::SetPriorConsultation {
                        consultation: Some(consultation.clone()),
                    }));
                    draft.error = None;
                }
                Err(err) => draft.error = Some(err.clone()),
            }
        }
        if record.is_some()
            && ui
                .button(tr("editor-clear-record"))
                .on_hover_text(tr("editor-remove-the-record-from-the"))
                .clicked()
        {
            commands.push(Command::Edit(Edit::SetPriorConsultation {
                consultation: None,
            }));
        }
    });
    if let Some(err) = &draft.error {
        ui.label(RichText::new(err).color(theme::error_text(theme)));
    }
    ui.data_mut(|d| d.insert_temp(id, draft));
}

/// Whether prior consultation is indicated, and which entries make it so.
fn indication_ui(ui: &mut Ui, register: &Register) {
    let theme = theme::look(ui.ctx());
    let high = high_residuals(register);
    if high.is_empty() {
        ui.label(RichText::new(tr("editor-prior-consultation-is-not-indicated")).weak());
    } else {
        ui.label(
            RichText::new(tr("editor-ico-prior-consultation-indicated-dpa"))
                .font(theme::bold_body())
                .color(theme::error_text(theme)),
        );
        let accepted = high.iter().filter(|entry| entry.is_accepted()).count();
        let ids: Vec<&str> = high.iter().map(|entry| entry.entry.id.as_str()).collect();
        let shown = ids.iter().take(12).copied().collect::<Vec<_>>().join(", ");
        let more = ids.len().saturating_sub(12);
        ui.label(tr_args!(
            "editor-stay-high-or-very-high",
            count = high.len(),
            accepted = accepted,
            shown = shown,
            more = more
        ));
    }
}
