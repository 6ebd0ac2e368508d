//! Arrow keys within one widget that holds a choice (a picker, the table's rows): while it has
//! the keyboard focus the arrows move the choice instead of the focus, and Tab leaves it. And the
//! widget Tab moves to, scrolled into view.

use egui::{EventFilter, Key, Modifiers, Response, Ui};

/// A move within a list of choices, from the arrow, Home and End keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    /// Left or up.
    Previous,
    /// Right or down.
    Next,
    /// Home.
    First,
    /// End.
    Last,
}

impl Step {
    /// The index `self` moves to in a list of `len` choices from `current` (none chosen: the
    /// first for Next and First, the last for Previous and Last).
    pub(crate) fn apply(self, current: Option<usize>, len: usize) -> Option<usize> {
        let last = len.checked_sub(1)?;
        Some(match (self, current) {
            (Self::First, _) | (Self::Next, None) => 0,
            (Self::Last, _) | (Self::Previous, None) => last,
            (Self::Next, Some(index)) => (index + 1).min(last),
            (Self::Previous, Some(index)) => index.saturating_sub(1),
        })
    }
}

/// Keeps the arrow keys for `response`'s widget while it has the focus, and returns the step
/// pressed this frame, if any.
pub(crate) fn step(ui: &Ui, response: &Response) -> Option<Step> {
    if !response.has_focus() {
        return None;
    }
    ui.memory_mut(|memory| {
        memory.set_focus_lock_filter(
            response.id,
            EventFilter {
                horizontal_arrows: true,
                vertical_arrows: true,
                ..EventFilter::default()
            },
        );
    });
    ui.input_mut(|input| {
        [
            (Key::ArrowLeft, Step::Previous),
            (Key::ArrowUp, Step::Previous),
            (Key::ArrowRight, Step::Next),
            (Key::ArrowDown, Step::Next),
            (Key::Home, Step::First),
            (Key::End, Step::Last),
        ]
        .into_iter()
        .find_map(|(key, step)| input.consume_key(Modifiers::NONE, key).then_some(step))
    })
}

/// Scrolls the widget that has just gained the keyboard focus into view, if it is in `ui` (the
/// contents of a scroll area, called after they are drawn): egui moves the focus with Tab but does
/// not scroll to it.
pub(crate) fn keep_focus_in_view(ui: &Ui) {
    let Some(focused) = ui.memory(egui::Memory::focused) else {
        return;
    };
    if ui.memory(|memory| memory.had_focus_last_frame(focused)) {
        return;
    }
    if let Some(response) = ui.ctx().read_response(focused)
        && ui.min_rect().contains_rect(response.rect)
    {
        response.scroll_to_me(None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_stay_within_the_choices() {
        assert_eq!(Step::Next.apply(None, 4), Some(0));
        assert_eq!(Step::Next.apply(Some(2), 4), Some(3));
        assert_eq!(Step::Next.apply(Some(3), 4), Some(3));
        assert_eq!(Step::Previous.apply(Some(0), 4), Some(0));
        assert_eq!(Step::Previous.apply(None, 4), Some(3));
        assert_eq!(Step::Last.apply(Some(1), 4), Some(3));
        assert_eq!(Step::First.apply(Some(3), 4), Some(0));
        assert_eq!(Step::Next.apply(None, 0), None);
    }
}
