//! The presenter's keys: which key is which action, and taking them out of the frame's input.
//!
//! Only the mapping lives here; what an action does to the session is `Live::act`.

use egui::{Event, Key, Modifiers};

use dpia_core::register::Tier;
use dpia_core::workshop::Direction;

/// What a key does in the presenter view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum KeyAction {
    /// The entry above (or before) the current one.
    Previous,
    /// The entry below (or after) the current one.
    Next,
    /// Participant N (from 0) puts a vote on the current entry.
    Vote(usize),
    /// Participant N (from 0) takes a vote back from the current entry.
    Withdraw(usize),
    /// Sets the current entry's tier, or clears it when it already has that tier.
    SetTier(Tier),
    /// Clears the current entry's tier.
    ClearTier,
    /// Asks why, then moves the current entry one place.
    Move(Direction),
    /// Asks for an action the group commits to, about the current entry.
    RecordAction,
    /// One entry ↔ ranked list.
    SwitchShowing,
    /// Full screen ↔ window.
    ToggleFullscreen,
    /// Leaves full screen.
    Escape,
}

/// The key a presenter action is on, or `None` for keys the presenter leaves alone.
///
/// Digits are read from the physical key when there is one, so Shift+1 is still "1" whatever the
/// keyboard layout makes of it (`!` on a UK keyboard).
fn key_action(key: Key, physical_key: Option<Key>, modifiers: Modifiers) -> Option<KeyAction> {
    if modifiers.alt {
        return None;
    }
    if modifiers.command || modifiers.ctrl || modifiers.mac_cmd {
        return match key {
            Key::ArrowUp => Some(KeyAction::Move(Direction::Up)),
            Key::ArrowDown => Some(KeyAction::Move(Direction::Down)),
            _ => None,
        };
    }
    if let Some(number) = physical_key.and_then(digit).or_else(|| digit(key)) {
        let participant_idx = number.checked_sub(1)?;
        return Some(if modifiers.shift {
            KeyAction::Withdraw(participant_idx)
        } else {
            KeyAction::Vote(participant_idx)
        });
    }
    match key {
        Key::ArrowUp | Key::ArrowLeft => Some(KeyAction::Previous),
        Key::ArrowDown | Key::ArrowRight => Some(KeyAction::Next),
        Key::M => Some(KeyAction::SetTier(Tier::Must)),
        Key::S => Some(KeyAction::SetTier(Tier::Should)),
        Key::C => Some(KeyAction::SetTier(Tier::Could)),
        Key::W => Some(KeyAction::SetTier(Tier::WontThisTime)),
        Key::Delete | Key::Backspace => Some(KeyAction::ClearTier),
        Key::L => Some(KeyAction::SwitchShowing),
        Key::A => Some(KeyAction::RecordAction),
        Key::F11 => Some(KeyAction::ToggleFullscreen),
        Key::Escape => Some(KeyAction::Escape),
        _ => None,
    }
}

/// 1 to 9 for the digit keys; 0 is no participant.
fn digit(key: Key) -> Option<usize> {
    Some(match key {
        Key::Num1 => 1,
        Key::Num2 => 2,
        Key::Num3 => 3,
        Key::Num4 => 4,
        Key::Num5 => 5,
        Key::Num6 => 6,
        Key::Num7 => 7,
        Key::Num8 => 8,
        Key::Num9 => 9,
        _ => return None,
    })
}

/// Takes this frame's presenter keys out of the input, so nothing else acts on them too.
///
/// A held key repeats; only moving between entries does, so a held "1" is one vote.
pub(super) fn take_key_actions(ctx: &egui::Context) -> Vec<KeyAction> {
    ctx.input_mut(|input| {
        let mut actions = Vec::new();
        input.events.retain(|event| {
            let Event::Key {
                key,
                physical_key,
                pressed: true,
                repeat,
                modifiers,
            } = event
            else {
                return true;
            };
            let Some(action) = key_action(*key, *physical_key, *modifiers) else {
                return true;
            };
            let repeats = matches!(action, KeyAction::Previous | KeyAction::Next);
            if !*repeat || repeats {
                actions.push(action);
            }
            false
        });
        actions
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_presenter_actions() {
        let none = Modifiers::NONE;
        let check = |key, physical, modifiers, expected: Option<KeyAction>| {
            assert_eq!(
                key_action(key, physical, modifiers),
                expected,
                "{key:?} {modifiers:?}"
            );
        };
        check(Key::Num1, None, none, Some(KeyAction::Vote(0)));
        check(Key::Num9, None, none, Some(KeyAction::Vote(8)));
        check(Key::Num0, None, none, None);
        check(
            Key::Num2,
            None,
            Modifiers::SHIFT,
            Some(KeyAction::Withdraw(1)),
        );
        // Shift+2 on a UK keyboard is `"`; the physical key still says 2.
        check(
            Key::Quote,
            Some(Key::Num2),
            Modifiers::SHIFT,
            Some(KeyAction::Withdraw(1)),
        );
        check(Key::Num1, None, Modifiers::COMMAND, None);
        check(Key::M, None, none, Some(KeyAction::SetTier(Tier::Must)));
        check(
            Key::W,
            None,
            none,
            Some(KeyAction::SetTier(Tier::WontThisTime)),
        );
        check(
            Key::ArrowUp,
            None,
            Modifiers::COMMAND,
            Some(KeyAction::Move(Direction::Up)),
        );
        check(
            Key::ArrowDown,
            None,
            Modifiers::CTRL,
            Some(KeyAction::Move(Direction::Down)),
        );
        check(Key::ArrowLeft, None, none, Some(KeyAction::Previous));
        check(Key::ArrowDown, None, none, Some(KeyAction::Next));
        check(Key::S, None, Modifiers::COMMAND, None);
        check(Key::F11, None, none, Some(KeyAction::ToggleFullscreen));
        check(Key::Escape, None, none, Some(KeyAction::Escape));
        check(Key::Q, None, none, None);
    }

    #[test]
    fn a_held_key_votes_once_but_moves_through_entries() {
        let press = |key| Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::NONE,
        };
        // No release between presses: egui marks the second of each as a key repeat.
        let input = egui::RawInput {
            events: vec![
                press(Key::Num1),
                press(Key::Num1),
                press(Key::ArrowDown),
                press(Key::ArrowDown),
                press(Key::Q),
            ],
            ..egui::RawInput::default()
        };
        let ctx = egui::Context::default();
        let mut actions = Vec::new();
        ctx.run_ui(input, |ui| actions = take_key_actions(ui.ctx()))
            .drop_without_applying_deltas();
        assert_eq!(
            actions,
            [KeyAction::Vote(0), KeyAction::Next, KeyAction::Next]
        );
    }
}
