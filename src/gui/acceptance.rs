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
use crate::gui::i18n::{UiName, tr, tr_args};
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
    ui.label(RichText::new(tr("editor-residual-risk-acceptance")).font(theme::bold_body()));
    if let Some(acceptance) = &entry.acceptance {
        decision_ui(ui, entry, acceptance, high.is_some(), commands);
        return;
    }
    let Some(score) = high else {
        ui.label(RichText::new(tr("editor-not-needed-the-residual-risk")).weak());
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
            RichText::new(tr_args!("editor-accepted-by", acceptance = acceptance.name)).strong()
        }
        Some(acceptance) => RichText::new(tr_args!(
            "editor-not-accepted-by",
            acceptance = acceptance.name
        ))
        .color(theme::error_text(theme)),
        None if is_high => {
            RichText::new(tr("editor-acceptance-needed")).color(theme::error_text(theme))
        }
        None => return,
    };
    ui.label(text)
        .on_hover_text(tr("editor-the-decision-on-the-residual"));
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
                AcceptanceDecision::Accepted => tr("editor-residual-risk-accepted"),
                AcceptanceDecision::NotAccepted => tr("editor-residual-risk-not-accepted"),
            };
            ui.label(
                RichText::new(tr_args!(
                    "editor-by-on",
                    what = what,
                    acceptance = acceptance.name,
                    role = acceptance.role,
                    date = acceptance.date
                ))
                .strong(),
            );
            ui.label(tr_args!("editor-why", rationale = acceptance.rationale));
            if !is_high {
                ui.label(RichText::new(tr("editor-the-residual-risk-is-no")).weak());
            }
            let withdraw = ui
                .button(tr("editor-withdraw-decision"))
                .on_hover_text(tr("editor-remove-the-decision-from-the"));
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
        RichText::new(tr_args!(
            "editor-the-residual-risk-stays-after",
            level = score.level().ui_name(),
            score = score
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
                (
                    tr("editor-name"),
                    &mut draft.name,
                    tr("editor-who-decides"),
                    width,
                ),
                (
                    tr("editor-role"),
                    &mut draft.role,
                    tr("editor-siro-senior-responsible-owner"),
                    width,
                ),
                (
                    tr("editor-date-of-decision"),
                    &mut draft.date,
                    tr("editor-yyyy-mm-dd"),
                    110.0,
                ),
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
            let label = ui.label(tr("editor-rationale"));
            ui.add(
                TextEdit::multiline(&mut draft.rationale)
                    .hint_text(tr("editor-why-the-risk-is-or"))
                    .desired_rows(2)
                    .desired_width(width),
            )
            .labelled_by(label.id);
            ui.end_row();
        });
    ui.horizontal(|ui| {
        if ui.button(tr("editor-accept-residual-risk")).clicked() {
            decided = Some(AcceptanceDecision::Accepted);
        }
        if ui
            .button(tr("editor-record-not-accepted"))
            .on_hover_text(tr("editor-more-must-be-done-before"))
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
    for (what, text) in [
        (tr("editor-missing-name"), name),
        (tr("editor-missing-role"), role),
        (tr("editor-missing-rationale"), rationale),
    ] {
        if text.is_empty() {
            missing.push(what);
        }
    }
    if !missing.is_empty() {
        return Err(tr_args!(
            "editor-fill-in-the-first",
            fields = missing.join(tr("editor-and"))
        ));
    }
    let date = super::date_text::parse(&draft.date)?.ok_or_else(|| {
        tr_args!(
            "editor-fill-in-the-date-of",
            forms = super::date_text::forms()
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
