//! The entry editor's "Residual risk acceptance" area: for an entry whose residual risk stays high
//! or very high after mitigation, who accepts it (or records that it is not accepted), in what
//! role, when and why; for an entry decided on, the decision and a way to withdraw it.
//!
//! Decisions are `Edit::SetAcceptance`, so they are undoable and enter the audit trail on save.
//! What is typed before the decision is kept in egui's memory, one draft per entry.

use egui::{RichText, TextEdit, Ui};
use jiff::civil::Date;

use super::command::Command;
use super::state::Derived;
use super::theme;
use dpia_core::edit::Edit;
use dpia_core::register::{AcceptanceDecision, Entry, Register, RiskAcceptance};
use dpia_core::scoring::{Level, Score};

/// What is typed into the decision form of one entry.
#[derive(Debug, Clone, Default)]
struct Draft {
    name: String,
    role: String,
    /// The date as typed, `YYYY-MM-DD`.
    date: String,
    rationale: String,
    /// Why the last attempt to record the decision failed.
    error: Option<String>,
}

/// Draws the acceptance area of `entry`; `author` and `today` are the form's defaults.
pub(super) fn acceptance_ui(
    ui: &mut Ui,
    register: &Register,
    derived: &Derived,
    entry: &Entry,
    author: &str,
    today: Date,
    commands: &mut Vec<Command>,
) {
    let residual = register
        .entry_idx(&entry.id)
        .and_then(|entry_idx| derived.ranked_entry(entry_idx))
        .and_then(|ranked| ranked.scores.residual.as_ref())
        .map(|top| top.score);
    let high = residual.filter(|score| score.level() >= Level::High);
    ui.label(RichText::new("Residual risk acceptance").font(theme::bold_body()));
    if let Some(acceptance) = &entry.acceptance {
        decision_ui(ui, entry, acceptance, high.is_some(), commands);
        return;
    }
    let Some(score) = high else {
        ui.label(
            RichText::new(
                "Not needed: the residual risk is not high. An entry whose risk stays high or very high after mitigation is accepted, or not, here.",
            )
            .weak(),
        );
        return;
    };
    form_ui(ui, entry, score, author, today, commands);
}

/// One line beside the scores: the decision on `entry`'s residual risk (`residual`), or that one
/// is needed; nothing when none is.
pub(super) fn acceptance_status_ui(ui: &mut Ui, entry: &Entry, residual: Option<Score>) {
    let theme = theme::look(ui.ctx());
    let is_high = residual.is_some_and(|score| score.level() >= Level::High);
    let text = match &entry.acceptance {
        Some(acceptance) if acceptance.is_accepted() => {
            RichText::new(format!("Accepted by {}", acceptance.name)).strong()
        }
        Some(acceptance) => RichText::new(format!("Not accepted by {}", acceptance.name))
            .color(theme::error_text(theme)),
        None if is_high => RichText::new("Acceptance needed").color(theme::error_text(theme)),
        None => return,
    };
    ui.label(text).on_hover_text(
        "The decision on the residual risk: see Residual risk acceptance, below the rights",
    );
}

/// The decision recorded on `entry`, and Withdraw.
fn decision_ui(
    ui: &mut Ui,
    entry: &Entry,
    acceptance: &RiskAcceptance,
    is_high: bool,
    commands: &mut Vec<Command>,
) {
    egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::same(8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let what = match acceptance.decision {
                AcceptanceDecision::Accepted => "Residual risk accepted",
                AcceptanceDecision::NotAccepted => "Residual risk not accepted",
            };
            ui.label(
                RichText::new(format!(
                    "{what} by {} ({}) on {}",
                    acceptance.name, acceptance.role, acceptance.date
                ))
                .strong(),
            );
            ui.label(format!("Why: {}", acceptance.rationale));
            if !is_high {
                ui.label(
                    RichText::new("The residual risk is no longer high, so no decision is needed.")
                        .weak(),
                );
            }
            let withdraw = ui
                .button("Withdraw decision")
                .on_hover_text("Remove the decision from the register (Undo brings it back)");
            if withdraw.clicked() {
                commands.push(Command::Edit(Edit::SetAcceptance {
                    entry: entry.id.clone(),
                    acceptance: None,
                }));
            }
        });
}

/// The form to accept the high residual risk `score` of `entry`, or record it is not accepted.
fn form_ui(
    ui: &mut Ui,
    entry: &Entry,
    score: Score,
    author: &str,
    today: Date,
    commands: &mut Vec<Command>,
) {
    let theme = theme::look(ui.ctx());
    ui.label(
        RichText::new(format!(
            "The residual risk stays {} ({score}) after mitigation: someone accountable accepts it, or records that it is not accepted.",
            score.level().name()
        ))
        .color(theme::error_text(theme)),
    );
    let id = ui.make_persistent_id(("acceptance-draft", entry.id.as_str()));
    let mut draft: Draft = ui.data_mut(|d| d.get_temp(id)).unwrap_or_else(|| Draft {
        name: author.to_owned(),
        date: today.to_string(),
        ..Draft::default()
    });
    let mut decided = None;
    // Beside the labels' column, at most a comfortable line's width.
    let width = (ui.available_width() - 130.0).clamp(160.0, 460.0);
    egui::Grid::new(("acceptance-fields", entry.id.as_str()))
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            for (label, text, hint, width) in [
                ("Name", &mut draft.name, "Who decides", width),
                (
                    "Role",
                    &mut draft.role,
                    "SIRO, senior responsible owner, …",
                    width,
                ),
                ("Date of decision", &mut draft.date, "YYYY-MM-DD", 110.0),
            ] {
                let label = ui.label(label);
                ui.add(
                    TextEdit::singleline(text)
                        .hint_text(hint)
                        .desired_width(width),
                )
                .labelled_by(label.id);
                ui.end_row();
            }
            let label = ui.label("Rationale");
            ui.add(
                TextEdit::multiline(&mut draft.rationale)
                    .hint_text("Why the risk is, or is not, acceptable")
                    .desired_rows(2)
                    .desired_width(width),
            )
            .labelled_by(label.id);
            ui.end_row();
        });
    ui.horizontal(|ui| {
        if ui.button("Accept residual risk").clicked() {
            decided = Some(AcceptanceDecision::Accepted);
        }
        if ui
            .button("Record not accepted")
            .on_hover_text("More must be done before the processing goes ahead")
            .clicked()
        {
            decided = Some(AcceptanceDecision::NotAccepted);
        }
    });
    if let Some(decision) = decided {
        match acceptance_from(&draft, decision) {
            Ok(acceptance) => {
                commands.push(Command::Edit(Edit::SetAcceptance {
                    entry: entry.id.clone(),
                    acceptance: Some(acceptance),
                }));
                draft.error = None;
            }
            Err(err) => draft.error = Some(err),
        }
    }
    if let Some(err) = &draft.error {
        ui.label(RichText::new(err).color(theme::error_text(theme)));
    }
    ui.data_mut(|d| d.insert_temp(id, draft));
}

/// The decision the draft describes, or what is missing or wrong, in words.
fn acceptance_from(draft: &Draft, decision: AcceptanceDecision) -> Result<RiskAcceptance, String> {
    let name = draft.name.trim();
    let role = draft.role.trim();
    let rationale = draft.rationale.trim();
    let mut missing = Vec::new();
    for (what, text) in [("name", name), ("role", role), ("rationale", rationale)] {
        if text.is_empty() {
            missing.push(what);
        }
    }
    if !missing.is_empty() {
        return Err(format!("Fill in the {} first.", missing.join(" and ")));
    }
    let date = super::date_text::parse(&draft.date)?.ok_or_else(|| {
        format!(
            "Fill in the date of decision, as {}.",
            super::date_text::FORMS
        )
    })?;
    Ok(RiskAcceptance {
        decision,
        name: name.to_owned(),
        role: role.to_owned(),
        date,
        rationale: rationale.to_owned(),
    })
}
