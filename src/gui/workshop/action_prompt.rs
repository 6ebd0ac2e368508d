//! The presenter's "Record an action" question: what the group committed to, who owns it, by
//! when, about the entry on screen. The session keeps it (`Session::record_action`) and ending the
//! session puts it in the action log with the workshop as its origin.

use egui::{FontId, Key, RichText, Ui};

use dpia_core::register::{Deadline, EntryId};

use super::live::{Live, Message};
use super::style::Sizes;
use crate::gui::theme;

/// What is typed into the question so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ActionPrompt {
    /// The entry on screen when the question was asked, which the action concerns.
    pub(super) entry: Option<EntryId>,
    pub(super) text: String,
    pub(super) owner: String,
    /// As typed: a day (2019-10-31) or a month (Oct'19).
    pub(super) deadline: String,
    /// Why the last answer was not taken.
    pub(super) problem: Option<String>,
    /// Set when the text field should take the keyboard focus.
    pub(super) focus: bool,
}

impl ActionPrompt {
    /// A new, empty question about `entry`.
    pub(super) fn about(entry: Option<EntryId>) -> Self {
        Self {
            entry,
            text: String::new(),
            owner: String::new(),
            deadline: String::new(),
            problem: None,
            focus: true,
        }
    }
}

/// Asks for the action; records it once its text (and any deadline) reads. True while it stays open.
pub(super) fn action_prompt_ui(
    ui: &mut Ui,
    live: &mut Live,
    prompt: &mut ActionPrompt,
    sizes: Sizes,
) -> bool {
    let about = prompt
        .entry
        .as_ref()
        .map_or_else(String::new, |entry| format!(" on {entry}"));
    ui.label(
        RichText::new(format!("Record an action{about}"))
            .font(theme::bold_family_size(sizes.px(28.0))),
    );
    ui.add_space(sizes.px(6.0));
    let mut is_entered = false;
    let mut field = |ui: &mut Ui, label: &str, hint: &str, text: &mut String, focus: bool| {
        let label = ui.label(RichText::new(label).size(sizes.px(22.0)));
        let response = ui
            .add(
                egui::TextEdit::singleline(text)
                    .background_color(ui.visuals().faint_bg_color)
                    .font(FontId::proportional(sizes.px(24.0)))
                    .desired_width(f32::INFINITY)
                    .hint_text(hint),
            )
            .labelled_by(label.id);
        if focus {
            response.request_focus();
        }
        is_entered |= response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
    };
    field(
        ui,
        "Action",
        "What is to be done",
        &mut prompt.text,
        prompt.focus,
    );
    field(ui, "Owner", "Who will do it", &mut prompt.owner, false);
    field(
        ui,
        "Deadline",
        "2019-10-31, or a month: Oct'19",
        &mut prompt.deadline,
        false,
    );
    prompt.focus = false;
    if let Some(problem) = &prompt.problem {
        ui.label(
            RichText::new(problem)
                .size(sizes.px(20.0))
                .color(theme::error_text(theme::look(ui.ctx()))),
        );
    }
    ui.add_space(sizes.px(8.0));
    let (confirmed, cancelled) = ui
        .horizontal(|ui| {
            let confirmed = ui
                .button(RichText::new("Record action").size(sizes.px(22.0)))
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
    if !(confirmed || is_entered) {
        return true;
    }
    let deadline = match prompt.deadline.trim() {
        "" => None,
        typed => match Deadline::parse(typed) {
            Ok(deadline) => Some(deadline),
            Err(err) => {
                prompt.problem = Some(format!("Deadline: {err}"));
                return true;
            }
        },
    };
    match live
        .session
        .record_action(&prompt.text, &prompt.owner, deadline, prompt.entry.clone())
    {
        Ok(()) => {
            live.message = Some(Message::Done(format!(
                "Action recorded{about}: {} (it joins the log when the session ends)",
                prompt.text.trim()
            )));
            false
        }
        Err(err) => {
            prompt.problem = Some(format!("Say what the action is: {err}"));
            prompt.focus = true;
            true
        }
    }
}
