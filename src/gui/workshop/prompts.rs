//! The presenter's questions: why the facilitator moves an entry, and whether to end or discard
//! the session. Each answer is a call on the session or a `WorkshopCommand`; a refused move
//! keeps the question open with the core's reason.

use egui::{FontId, Key, Modal, RichText, Ui};

use dpia_core::register::{EntryId, Register};
use dpia_core::workshop::{Direction, WorkshopError};

use super::action_prompt::{ActionPrompt, action_prompt_ui};
use super::live::{Live, Message};
use super::style::Sizes;
use super::{WorkshopCommand, votes};
use crate::gui::command::Command;
use crate::gui::error_text::ErrorText;
use crate::gui::i18n::{tr, tr_args};
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
                let summary = tr_args!(
                    "workshop-cast-set-recorded",
                    num_votes_cast = votes(live.num_votes_cast()),
                    tiers = live.num_tiers_set(),
                    moves = live.session.moves().len(),
                    actions = live.session.actions().len()
                );
                let answer = confirm_ui(
                    ui,
                    tr("workshop-end-the-workshop"),
                    &[&summary, tr("workshop-ending-stores-the-workshop-record")],
                    tr("workshop-end-and-record"),
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
                    tr("workshop-discard-this-session"),
                    &[tr("workshop-its-votes-tiers-and-moves")],
                    tr("workshop-discard-session-2"),
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
        RichText::new(tr_args!(
            "workshop-move-from-rank-to",
            entry = entry,
            way = way,
            from_rank = prompt.from_rank,
            to_rank = to_rank
        ))
        .font(theme::bold_family_size(sizes.px(28.0))),
    );
    ui.add_space(sizes.px(6.0));
    let question =
        ui.label(RichText::new(tr("workshop-why-the-reason-is-recorded")).size(sizes.px(22.0)));
    let field = ui
        .add(
            egui::TextEdit::singleline(&mut prompt.reason)
                .background_color(ui.visuals().faint_bg_color)
                .font(FontId::proportional(sizes.px(24.0)))
                .desired_width(f32::INFINITY)
                .hint_text(tr("workshop-a-short-reason")),
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
                .button(RichText::new(tr("workshop-move")).size(sizes.px(22.0)))
                .clicked();
            let cancelled = ui
                .button(RichText::new(tr("app-cancel")).size(sizes.px(22.0)))
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
            live.message = Some(Message::Done(tr_args!(
                "workshop-moved-to-rank",
                entry = entry,
                way = way,
                to_rank = to_rank,
                reason = prompt.reason.trim()
            )));
            false
        }
        Err(WorkshopError::MoveWithoutReason { .. }) => {
            prompt.problem = Some(tr("workshop-say-why-a-manual-move").to_owned());
            prompt.focus = true;
            true
        }
        Err(err) => {
            live.refuse(&err.error_text());
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
            .button(RichText::new(tr("workshop-keep-going")).size(sizes.px(22.0)))
            .clicked()
        {
            return Some(false);
        }
        None
    })
    .inner
}
