//! The session running, as the presenter holds it: the live order (recomputed only when the
//! register or the session changed), the current entry, and what the last action did.
//!
//! Each action is one call on the core's `Session`; this file keeps no order of its own.

use dpia_core::register::{EntryId, Register, Tier};
use dpia_core::workshop::{Direction, LiveRank, Session};

use super::action_prompt::ActionPrompt;
use super::keys::KeyAction;
use super::prompts::{Dialog, MovePrompt};
use super::{RegisterKey, WorkshopCommand, votes};
use crate::gui::command::Command;
use crate::gui::error_text::ErrorText;
use crate::gui::i18n::{UiName, tr_args};

/// A session running, with what the presenter shows of it.
#[derive(Debug)]
pub(super) struct Live {
    pub(super) session: Session,
    /// Goes up with every change to the session, so the live order is recomputed only then.
    pub(super) revision: u64,
    /// The live order, as of `order_key`.
    pub(super) order: Vec<LiveRank>,
    order_key: Option<(RegisterKey, u64)>,
    /// The entry the keys act on; it keeps its identity as it moves up and down.
    pub(super) current: Option<EntryId>,
    pub(super) showing: Showing,
    /// What the last key did, or why it was refused.
    pub(super) message: Option<Message>,
    pub(super) dialog: Option<Dialog>,
    pub(super) is_fullscreen: bool,
    /// Set when the ranked list should bring the current entry into view.
    pub(super) scroll_to_current: bool,
}

/// One entry at a time, or the whole ranked list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Showing {
    OneEntry,
    RankedList,
}

/// The line under the presenter's header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Message {
    /// What the last action did.
    Done(String),
    /// Why the last action was refused; nothing changed.
    Refused(String),
}

impl Live {
    pub(super) fn new(session: Session) -> Self {
        Self {
            session,
            revision: 0,
            order: Vec::new(),
            order_key: None,
            current: None,
            showing: Showing::RankedList,
            message: None,
            dialog: None,
            is_fullscreen: false,
            scroll_to_current: true,
        }
    }

    /// Recomputes the live order if the register or the session changed; keeps `current` valid.
    pub(super) fn refresh(&mut self, register: &Register, register_key: RegisterKey) {
        let key = (register_key, self.revision);
        if self.order_key != Some(key) {
            self.order = self.session.live_order(register);
            self.order_key = Some(key);
        }
        if self.current_position().is_none() {
            self.current = self.order.first().map(|live| live.entry.clone());
        }
    }

    pub(super) fn current_position(&self) -> Option<usize> {
        let current = self.current.as_ref()?;
        self.order.iter().position(|live| &live.entry == current)
    }

    pub(super) fn current_rank(&self) -> Option<&LiveRank> {
        self.order.get(self.current_position()?)
    }

    pub(super) fn act(
        &mut self,
        action: KeyAction,
        register: &Register,
        commands: &mut Vec<Command>,
    ) {
        match action {
            KeyAction::Previous => self.step(-1),
            KeyAction::Next => self.step(1),
            KeyAction::Vote(participant_idx) => self.vote(register, participant_idx),
            KeyAction::Withdraw(participant_idx) => self.withdraw(participant_idx),
            KeyAction::SetTier(tier) => {
                let tier = self
                    .current
                    .as_ref()
                    .filter(|entry| self.session.tier(entry) != Some(tier))
                    .map(|_| tier);
                self.set_tier(register, tier);
            }
            KeyAction::ClearTier => self.set_tier(register, None),
            KeyAction::Move(direction) => self.ask_move(direction),
            KeyAction::RecordAction => {
                self.dialog = Some(Dialog::RecordAction(ActionPrompt::about(
                    self.current.clone(),
                )));
            }
            KeyAction::SwitchShowing => {
                self.showing = match self.showing {
                    Showing::OneEntry => Showing::RankedList,
                    Showing::RankedList => Showing::OneEntry,
                };
                self.scroll_to_current = true;
            }
            KeyAction::ToggleFullscreen => {
                let command = if self.is_fullscreen {
                    WorkshopCommand::LeaveFullscreen
                } else {
                    WorkshopCommand::EnterFullscreen
                };
                commands.push(Command::Workshop(command));
            }
            KeyAction::Escape => {
                if self.is_fullscreen {
                    commands.push(Command::Workshop(WorkshopCommand::LeaveFullscreen));
                }
            }
        }
    }

    fn step(&mut self, step: isize) {
        let Some(position) = self.current_position() else {
            return;
        };
        let next = position
            .checked_add_signed(step)
            .and_then(|next| self.order.get(next));
        if let Some(next) = next {
            self.current = Some(next.entry.clone());
            self.scroll_to_current = true;
        }
    }

    fn participant_name(&self, participant_idx: usize) -> String {
        self.session
            .participants()
            .get(participant_idx)
            .map_or_else(String::new, |p| p.name.clone())
    }

    pub(super) fn vote(&mut self, register: &Register, participant_idx: usize) {
        let Some(entry) = self.current.clone() else {
            return;
        };
        match self.session.vote(register, participant_idx, &entry) {
            Ok(()) => {
                self.revision += 1;
                self.message = Some(Message::Done(tr_args!(
                    "workshop-voted-for-left",
                    participant_idx = self.participant_name(participant_idx),
                    entry = entry,
                    participant_idx2 = votes(self.session.votes_left(participant_idx))
                )));
            }
            Err(err) => self.refuse(&err.error_text()),
        }
    }

    pub(super) fn withdraw(&mut self, participant_idx: usize) {
        let Some(entry) = self.current.clone() else {
            return;
        };
        match self.session.withdraw_vote(participant_idx, &entry) {
            Ok(()) => {
                self.revision += 1;
                self.message = Some(Message::Done(tr_args!(
                    "workshop-took-a-vote-back-from",
                    participant_idx = self.participant_name(participant_idx),
                    entry = entry,
                    participant_idx2 = votes(self.session.votes_left(participant_idx))
                )));
            }
            Err(err) => self.refuse(&err.error_text()),
        }
    }

    fn set_tier(&mut self, register: &Register, tier: Option<Tier>) {
        let Some(entry) = self.current.clone() else {
            return;
        };
        match self.session.set_tier(register, &entry, tier) {
            Ok(()) => {
                self.revision += 1;
                self.scroll_to_current = true;
                let done = if let Some(tier) = tier {
                    format!("{entry}: {}", tier.ui_name())
                } else {
                    tr_args!("workshop-no-tier", entry = entry)
                };
                self.message = Some(Message::Done(done));
            }
            Err(err) => self.refuse(&err.error_text()),
        }
    }

    fn ask_move(&mut self, direction: Direction) {
        let Some(position) = self.current_position() else {
            return;
        };
        let Some(entry) = self.current.clone() else {
            return;
        };
        let is_at_end = match direction {
            Direction::Up => position == 0,
            Direction::Down => position + 1 >= self.order.len(),
        };
        if is_at_end {
            self.refuse(&tr_args!("workshop-cannot-move-further", entry = entry));
            return;
        }
        self.dialog = Some(Dialog::Move(MovePrompt {
            entry,
            direction,
            from_rank: position + 1,
            reason: String::new(),
            problem: None,
            focus: true,
        }));
    }

    pub(super) fn refuse(&mut self, why: &str) {
        self.message = Some(Message::Refused(tr_args!("workshop-not-done", why = why)));
    }

    pub(super) fn num_votes_cast(&self) -> u32 {
        self.order.iter().map(|live| live.session_votes).sum()
    }

    pub(super) fn num_tiers_set(&self) -> usize {
        self.order.iter().filter(|live| live.tier.is_some()).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::workshop::setup::fixtures::{id, register, session};

    #[test]
    fn keys_act_on_the_current_entry_which_follows_its_moves() {
        let register = register();
        let mut live = Live::new(session(&register));
        live.refresh(&register, (1, 1));
        assert_eq!(live.current, Some(id("PND-001")), "the top entry first");
        let mut commands = Vec::new();
        live.act(KeyAction::Next, &register, &mut commands);
        assert_eq!(live.current, Some(id("PND-002")));
        live.act(KeyAction::Next, &register, &mut commands);
        assert_eq!(
            live.current,
            Some(id("PND-002")),
            "no further than the last"
        );
        live.act(KeyAction::Vote(1), &register, &mut commands);
        live.refresh(&register, (1, 1));
        assert_eq!(live.session.votes_for(&id("PND-002")), 1);
        assert_eq!(
            live.message,
            Some(Message::Done(
                "Org K voted for PND-002 · 2 votes left".to_owned()
            ))
        );
        live.act(KeyAction::Vote(5), &register, &mut commands);
        assert_eq!(
            live.message,
            Some(Message::Refused(
                "Not done: there is no participant 6".to_owned()
            ))
        );
        live.act(KeyAction::SetTier(Tier::Must), &register, &mut commands);
        live.refresh(&register, (1, 1));
        assert_eq!(live.session.tier(&id("PND-002")), Some(Tier::Must));
        assert_eq!(
            live.current,
            Some(id("PND-002")),
            "the current entry follows its move to the top"
        );
        assert_eq!(live.current_position(), Some(0));
        live.act(KeyAction::SetTier(Tier::Must), &register, &mut commands);
        assert_eq!(
            live.session.tier(&id("PND-002")),
            None,
            "the same tier again clears it"
        );
        live.act(KeyAction::ToggleFullscreen, &register, &mut commands);
        assert_eq!(
            commands,
            [Command::Workshop(WorkshopCommand::EnterFullscreen)]
        );
    }

    #[test]
    fn a_move_at_the_top_is_refused_before_asking_why() {
        let register = register();
        let mut live = Live::new(session(&register));
        live.refresh(&register, (1, 1));
        live.act(KeyAction::Move(Direction::Up), &register, &mut Vec::new());
        assert_eq!(live.dialog, None);
        assert_eq!(
            live.message,
            Some(Message::Refused(
                "Not done: PND-001 cannot move further".to_owned()
            ))
        );
        live.act(KeyAction::Move(Direction::Down), &register, &mut Vec::new());
        assert!(
            matches!(
                live.dialog,
                Some(Dialog::Move(MovePrompt { from_rank: 1, .. }))
            ),
            "{:?}",
            live.dialog
        );
    }
}
