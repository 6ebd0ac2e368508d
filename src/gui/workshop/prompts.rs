//! The presenter's questions: why the facilitator moves an entry, and whether to end or discard
//! the session. Each answer is a call on the session or a `WorkshopCommand`; a refused move
//! keeps the question open with the core's reason.

use egui::{FontId, Key, Modal, RichText, Ui};

use dpia_core::register::{EntryId, Register};
use dpia_core::workshop::{Direction, WorkshopError};

use super::action_prompt::{ActionPrompt, action_prompt_ui};
use super::live::{Live, Message};
use super::style::Sizes;
use super::{WorkshopCommand, counted, votes};
use crate::gui::command::Command;
use crate::gui::theme;

/// A question the presenter is asking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Dialog {
    /// Why the facilitator moves an entry.
    Move(MovePrompt),
    /// An action the group commits to.
    RecordAction(ActionPrompt),
    /// End the session and record it?
    ConfirmEnd,
    /// Drop the session?
    ConfirmDiscard,
}

/// The question asked before a manual move.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct MovePrompt {
    pub(super) entry: EntryId,
    pub(super) direction: Direction,
    pub(super) from_rank: usize,
    pub(super) reason: String,
    /// Why the last answer was not taken.
    pub(super) problem: Option<String>,
    /// Set when the reason field should take the keyboard focus.
    pub(super) focus: bool,
}

/// Draws the presenter's question, if it is asking one, and acts on the answer.
pub(super) fn dialog_ui(
    ctx: &egui::Context,
    register: &Register,
    live: &mut Live,
    sizes: Sizes,
    commands: &mut Vec<Command>,
) {
    let Some(mut dialog) = live.dialog.take() else {
        return;
    };
    let modal = Modal::new(egui::Id::unique("presenter-question")).show(ctx, |ui| {
        ui.set_width(sizes.px(760.0));
        match &mut dialog {
            Dialog::Move(prompt) => move_prompt_ui(ui, register, live, prompt, sizes),
            Dialog::RecordAction(prompt) => action_prompt_ui(ui, live, prompt, sizes),
            Dialog::ConfirmEnd => {
                let summary = format!(
                    "{} cast, {} set, {}, {} recorded.",
                    votes(live.num_votes_cast()),
                    counted(live.num_tiers_set(), "tier", "tiers"),
                    counted(live.session.moves().len(), "manual move", "manual moves"),
                    counted(live.session.actions().len(), "action", "actions")
                );
                let answer = confirm_ui(
                    ui,
                    "End the workshop?",
                    &[
                        &summary,
                        "Ending stores the workshop record in the register (Undo takes it back in \
                         one step), takes a snapshot named after the workshop and saves the register.",
                    ],
                    "End and record",
                    sizes,
                );
                if answer == Some(true) {
                    commands.push(Command::Workshop(WorkshopCommand::End));
                }
                answer.is_none()
            }
            Dialog::ConfirmDiscard => {
                let answer = confirm_ui(
                    ui,
                    "Discard this session?",
                    &["Its votes, tiers and moves are lost; nothing is recorded."],
                    "Discard session",
                    sizes,
                );
                if answer == Some(true) {
                    commands.push(Command::Workshop(WorkshopCommand::Discard));
                }
                answer.is_none()
            }
        }
    });
    if modal.inner && !modal.should_close() {
        live.dialog = Some(dialog);
    }
}

/// Asks why the entry moves; moves it once a reason is given. True while the prompt stays open.
fn move_prompt_ui(
    ui: &mut Ui,
    register: &Register,
    live: &mut Live,
    prompt: &mut MovePrompt,
    sizes: Sizes,
) -> bool {
    let entry = prompt.entry.clone();
    let (way, to_rank) = match prompt.direction {
        Direction::Up => ("up", prompt.from_rank.saturating_sub(1)),
        Direction::Down => ("down", prompt.from_rank + 1),
    };
    ui.label(
        RichText::new(format!(
            "Move {entry} {way}, from rank {} to {to_rank}",
            prompt.from_rank
        ))
        .font(theme::bold_family_size(sizes.px(28.0))),
    );
    ui.add_space(sizes.px(6.0));
    let question = ui.label(
        RichText::new("Why? The reason is recorded with the workshop.").size(sizes.px(22.0)),
    );
    let field = ui
        .add(
            egui::TextEdit::singleline(&mut prompt.reason)
                .background_color(ui.visuals().faint_bg_color)
                .font(FontId::proportional(sizes.px(24.0)))
                .desired_width(f32::INFINITY)
                .hint_text("A short reason"),
        )
        .labelled_by(question.id);
    if prompt.focus {
        field.request_focus();
        prompt.focus = false;
    }
    if let Some(problem) = &prompt.problem {
        ui.label(
            RichText::new(problem)
                .size(sizes.px(20.0))
                .color(theme::error_text(theme::look(ui.ctx()))),
        );
    }
    let entered = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
    ui.add_space(sizes.px(8.0));
    let (confirmed, cancelled) = ui
        .horizontal(|ui| {
            let confirmed = ui
                .button(RichText::new("Move").size(sizes.px(22.0)))
                .clicked();
            let cancelled = ui
                .button(RichText::new("Cancel").size(sizes.px(22.0)))
                .clicked();
            (confirmed, cancelled)
        })
        .inner;
    if cancelled {
        return false;
    }
    if !(confirmed || entered) {
        return true;
    }
    match live
        .session
        .move_entry(register, &entry, prompt.direction, &prompt.reason)
    {
        Ok(()) => {
            live.revision += 1;
            live.scroll_to_current = true;
            live.message = Some(Message::Done(format!(
                "{entry} moved {way} to rank {to_rank}: {}",
                prompt.reason.trim()
            )));
            false
        }
        Err(WorkshopError::MoveWithoutReason { .. }) => {
            prompt.problem = Some(
                "Say why: a manual move needs a reason, so the record can explain it".to_owned(),
            );
            prompt.focus = true;
            true
        }
        Err(err) => {
            live.refuse(&err.to_string());
            false
        }
    }
}

/// A yes-or-no question: `Some(true)` for yes, `Some(false)` for "Keep going", `None` meanwhile.
fn confirm_ui(ui: &mut Ui, heading: &str, lines: &[&str], yes: &str, sizes: Sizes) -> Option<bool> {
    ui.label(RichText::new(heading).font(theme::bold_family_size(sizes.px(28.0))));
    ui.add_space(sizes.px(6.0));
    for line in lines {
        ui.label(RichText::new(*line).size(sizes.px(22.0)));
    }
    ui.add_space(sizes.px(8.0));
    ui.horizontal(|ui| {
        if ui.button(RichText::new(yes).size(sizes.px(22.0))).clicked() {
            return Some(true);
        }
        if ui
            .button(RichText::new("Keep going").size(sizes.px(22.0)))
            .clicked()
        {
            return Some(false);
        }
        None
    })
    .inner
}
