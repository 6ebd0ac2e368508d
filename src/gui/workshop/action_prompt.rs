//! The presenter's "Record an action" question: what the group committed to, who owns it, by
//! when, about the entry on screen. The session keeps it (`Session::record_action`) and ending the
//! session puts it in the action log with the workshop as its origin.

use egui::{FontId, Key, RichText, Ui};

use dpia_core::register::{Deadline, EntryId};

use super::live::{Live, Message};
use super::style::Sizes;
use crate::gui::error_text::ErrorText;
use crate::gui::i18n::{tr, tr_args};
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
        .map_or_else(String::new, |entry| tr_args!("workshop-on", entry = entry));
    ui.label(
        RichText::new(tr_args!("workshop-record-an-action", about = about))
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
        tr("workshop-action"),
        tr("workshop-what-is-to-be-done"),
        &mut prompt.text,
        prompt.focus,
    );
    let [owner, who] = [tr("actions-owner"), tr("workshop-who-will-do-it")];
    field(ui, owner, who, &mut prompt.owner, false);
    let [deadline, forms] = [tr("workshop-deadline"), tr("workshop-2019-10-31-or-a")];
    field(ui, deadline, forms, &mut prompt.deadline, false);
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
                .button(RichText::new(tr("workshop-record-action")).size(sizes.px(22.0)))
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
    if !(confirmed || is_entered) {
        return true;
    }
    let deadline = match prompt.deadline.trim() {
        "" => None,
        typed => match Deadline::parse(typed) {
            Ok(deadline) => Some(deadline),
            Err(err) => {
                prompt.problem = Some(tr_args!("workshop-deadline-2", err = err.error_text()));
                return true;
            }
        },
    };
    match live
        .session
        .record_action(&prompt.text, &prompt.owner, deadline, prompt.entry.clone())
    {
        Ok(()) => {
            live.message = Some(Message::Done(tr_args!(
                "workshop-action-recorded-it-joins-the",
                about = about,
                text = prompt.text.trim()
            )));
            false
        }
        Err(err) => {
            prompt.problem = Some(tr_args!(
                "workshop-say-what-the-action-is",
                err = err.error_text()
            ));
            prompt.focus = true;
            true
        }
    }
}
