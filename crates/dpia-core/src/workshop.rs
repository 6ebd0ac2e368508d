//! Workshop sessions: dot voting, Must/Should/Could/Won't tiers and facilitator moves, run live over a register.
//!
//! The Open Space asked: "If the list needed to be prioritised, how would this be achieved? Which
//! concerns are must-have for the next draft?" A `Session` is the live, in-memory state of such a
//! workshop (and the actions the group commits to in it); `Session::finish` turns it into a
//! `Workshop` record stored in the register, the actions into the action log. Pure over
//! data: the date comes in from the caller, and taking the snapshot is the caller's job.

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::ranking::{Ranked, rank};
use crate::register::{
    Action, ActionStatus, Attendance, Ballot, Deadline, EntryId, EntryTier, EntryVotes, ManualMove,
    Origin, Participant, Register, Scope, Tier, Workshop,
};

/// Why a workshop action was refused. The session is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkshopError {
    /// The participant has spent every vote.
    #[error("{participant} has no votes left (each participant has {budget})")]
    NoVotesLeft {
        /// The participant's name.
        participant: String,
        /// The budget per participant.
        budget: u32,
    },
    /// There is no vote of this participant on this entry to take back.
    #[error("{participant} has no vote on {entry} to take back")]
    NoVoteToWithdraw {
        /// The participant's name.
        participant: String,
        /// The entry.
        entry: EntryId,
    },
    /// No participant has that number.
    #[error("there is no participant {number}")]
    NoSuchParticipant {
        /// The 1-based number asked for.
        number: usize,
    },
    /// The entry is not in the register or not in the session's scope.
    #[error("{entry} is not in this session's scope")]
    OutOfScope {
        /// The entry.
        entry: EntryId,
    },
    /// A manual move needs a reason, so the record can explain it.
    #[error("say why {entry} is moved: a manual move needs a reason")]
    MoveWithoutReason {
        /// The entry.
        entry: EntryId,
    },
    /// The entry is already at the top or bottom.
    #[error("{entry} cannot move further")]
    CannotMove {
        /// The entry.
        entry: EntryId,
    },
    /// A session needs at least one participant.
    #[error("a session needs at least one participant")]
    NoParticipants,
    /// Two participants have the same name, ignoring case: the record keeps who voted how by
    /// name, so two people cannot share one.
    #[error("two participants are called {name}: give each a different name or pseudonym")]
    RepeatedName {
        /// The name as the later of the two gave it.
        name: String,
    },
    /// Each participant's budget is zero votes, so nobody could vote.
    #[error("give each participant at least one vote")]
    NoVotesToGive,
    /// An action needs its text.
    #[error("say what the action is: it needs a text")]
    ActionWithoutText,
    /// No entry of the register is in the session's scope, so there is nothing to prioritise.
    #[error("there are no entries in {scope}: choose another")]
    EmptyScope {
        /// The scope asked for.
        scope: Scope,
    },
}

/// A direction for a facilitator's move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Towards rank 1.
    Up,
    /// Away from rank 1.
    Down,
}

/// One place in the live order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveRank {
    /// 1 for the top priority.
    pub rank: usize,
    /// Where the entry is in `Register::entries`.
    pub entry_idx: usize,
    /// The entry's id.
    pub entry: EntryId,
    /// The tier set in this session, if any.
    pub tier: Option<Tier>,
    /// The votes cast in this session.
    pub session_votes: u32,
    /// The reason line from the ranking, with this session's votes and tier counted.
    pub reason: String,
    /// Whether the entry ties with a neighbour on every score (only the id orders them).
    pub is_tied: bool,
    /// The rank the entries it ties with share (its own when untied): both of two tied at 8
    /// read `8=`.
    pub tied_rank: usize,
    /// Whether a facilitator's move changed this entry's place.
    pub is_moved: bool,
}

impl LiveRank {
    /// The rank as people read it: `8=` for each of the entries tied at 8, else `9`.
    pub fn label(&self) -> String {
        if self.is_tied {
            format!("{}=", self.tied_rank)
        } else {
            self.rank.to_string()
        }
    }
}

/// A workshop in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The session's title.
    pub title: String,
    /// The day it is held.
    pub date: Date,
    /// Which entries it prioritises.
    pub scope: Scope,
    /// Who takes part; numbered from 1 in the presenter view.
    participants: Vec<Participant>,
    /// Whether only counts are recorded.
    is_anonymous: bool,
    /// Each participant's budget of dot votes.
    votes_per_participant: u32,
    /// Votes by (participant index, entry).
    ballots: BTreeMap<(usize, EntryId), u32>,
    /// Tiers set so far.
    tiers: BTreeMap<EntryId, Tier>,
    /// Moves made so far, in order.
    moves: Vec<ManualMove>,
    /// Actions the group committed to during the session, numbered when it ends.
    actions: Vec<Action>,
}

impl Session {
    /// A session on `register` with named or pseudonymous participants.
    ///
    /// Refused unless some entry of `register` is in `scope`, each participant has at least one
    /// vote, there is at least one participant, and no two share a name (ignoring case). The rules
    /// are checked in that order, so the first one broken is the one reported.
    pub fn with_participants(
        register: &Register,
        title: impl Into<String>,
        date: Date,
        scope: Scope,
        participants: Vec<Participant>,
        votes_per_participant: u32,
    ) -> Result<Self, WorkshopError> {
        if !register.entries.iter().any(|entry| scope.contains(entry)) {
            return Err(WorkshopError::EmptyScope { scope });
        }
        if votes_per_participant == 0 {
            return Err(WorkshopError::NoVotesToGive);
        }
        if participants.is_empty() {
            return Err(WorkshopError::NoParticipants);
        }
        // The record keeps who voted how by name, so two people cannot share one.
        for (idx, participant) in participants.iter().enumerate() {
            let is_repeated = participants
                .iter()
                .take(idx)
                .any(|earlier| earlier.name.to_lowercase() == participant.name.to_lowercase());
            if is_repeated {
                return Err(WorkshopError::RepeatedName {
                    name: participant.name.clone(),
                });
            }
        }
        Ok(Self {
            title: title.into(),
            date,
            scope,
            participants,
            is_anonymous: false,
            votes_per_participant,
            ballots: BTreeMap::new(),
            tiers: BTreeMap::new(),
            moves: Vec::new(),
            actions: Vec::new(),
        })
    }

    /// An anonymous session on `register` of `count` participants: only vote counts are recorded.
    ///
    /// Refused as `with_participants` is; the participants are numbered, so their names never repeat.
    pub fn anonymous(
        register: &Register,
        title: impl Into<String>,
        date: Date,
        scope: Scope,
        count: usize,
        votes_per_participant: u32,
    ) -> Result<Self, WorkshopError> {
        let participants = (1..=count)
            .map(|number| Participant {
                name: format!("Participant {number}"),
                is_pseudonym: true,
            })
            .collect();
        let mut session = Self::with_participants(
            register,
            title,
            date,
            scope,
            participants,
            votes_per_participant,
        )?;
        session.is_anonymous = true;
        Ok(session)
    }

    /// The participants, in number order.
    pub fn participants(&self) -> &[Participant] {
        &self.participants
    }

    /// Whether only counts are recorded.
    pub fn is_anonymous(&self) -> bool {
        self.is_anonymous
    }

    /// Each participant's budget.
    pub fn votes_per_participant(&self) -> u32 {
        self.votes_per_participant
    }

    /// The moves made so far.
    pub fn moves(&self) -> &[ManualMove] {
        &self.moves
    }

    /// The tier set for `entry`, if any.
    pub fn tier(&self, entry: &EntryId) -> Option<Tier> {
        self.tiers.get(entry).copied()
    }

    /// Votes participant `participant_idx` has not spent yet.
    pub fn votes_left(&self, participant_idx: usize) -> u32 {
        let spent: u32 = self
            .ballots
            .iter()
            .filter(|((idx, _), _)| *idx == participant_idx)
            .map(|(_, votes)| *votes)
            .sum();
        self.votes_per_participant.saturating_sub(spent)
    }

    /// Votes cast for `entry` in this session.
    pub fn votes_for(&self, entry: &EntryId) -> u32 {
        self.ballots
            .iter()
            .filter(|((_, e), _)| e == entry)
            .map(|(_, votes)| *votes)
            .sum()
    }

    /// Votes participant `participant_idx` gave `entry`.
    pub fn ballot(&self, participant_idx: usize, entry: &EntryId) -> u32 {
        self.ballots
            .get(&(participant_idx, entry.clone()))
            .copied()
            .unwrap_or(0)
    }

    /// Participant `participant_idx` puts one dot on `entry`; refused when they have none left.
    pub fn vote(
        &mut self,
        register: &Register,
        participant_idx: usize,
        entry: &EntryId,
    ) -> Result<(), WorkshopError> {
        self.check_in_scope(register, entry)?;
        let participant = self.participant_name(participant_idx)?;
        if self.votes_left(participant_idx) == 0 {
            return Err(WorkshopError::NoVotesLeft {
                participant,
                budget: self.votes_per_participant,
            });
        }
        *self
            .ballots
            .entry((participant_idx, entry.clone()))
            .or_insert(0) += 1;
        Ok(())
    }

    /// Participant `participant_idx` takes one dot back from `entry`.
    pub fn withdraw_vote(
        &mut self,
        participant_idx: usize,
        entry: &EntryId,
    ) -> Result<(), WorkshopError> {
        let participant = self.participant_name(participant_idx)?;
        let key = (participant_idx, entry.clone());
        match self.ballots.get_mut(&key) {
            Some(votes) if *votes > 1 => {
                *votes -= 1;
                Ok(())
            }
            Some(_) => {
                self.ballots.remove(&key);
                Ok(())
            }
            None => Err(WorkshopError::NoVoteToWithdraw {
                participant,
                entry: entry.clone(),
            }),
        }
    }

    /// Sets or clears the tier of `entry`.
    pub fn set_tier(
        &mut self,
        register: &Register,
        entry: &EntryId,
        tier: Option<Tier>,
    ) -> Result<(), WorkshopError> {
        self.check_in_scope(register, entry)?;
        match tier {
            Some(tier) => self.tiers.insert(entry.clone(), tier),
            None => self.tiers.remove(entry),
        };
        Ok(())
    }

    /// Moves `entry` one place up or down the live order, recording the reason.
    pub fn move_entry(
        &mut self,
        register: &Register,
        entry: &EntryId,
        direction: Direction,
        reason: &str,
    ) -> Result<(), WorkshopError> {
        self.check_in_scope(register, entry)?;
        if reason.trim().is_empty() {
            return Err(WorkshopError::MoveWithoutReason {
                entry: entry.clone(),
            });
        }
        let order = self.live_order(register);
        let Some(from_rank) = order
            .iter()
            .find(|live| &live.entry == entry)
            .map(|live| live.rank)
        else {
            return Err(WorkshopError::OutOfScope {
                entry: entry.clone(),
            });
        };
        let to_rank = match direction {
            Direction::Up if from_rank > 1 => from_rank - 1,
            Direction::Down if from_rank < order.len() => from_rank + 1,
            _ => {
                return Err(WorkshopError::CannotMove {
                    entry: entry.clone(),
                });
            }
        };
        self.moves.push(ManualMove {
            entry: entry.clone(),
            from_rank,
            to_rank,
            reason: reason.trim().to_owned(),
        });
        Ok(())
    }

    /// The entries in scope in live order.
    ///
    /// The order is the register's priority order with this session's votes added to each entry's
    /// votes and Must entries counted as must-have; then grouped by tier (Must, Should, Could,
    /// untiered, Won't), keeping that order within each group; then each facilitator's move is
    /// replayed as a shift of the entry by the same number of places, in the order the moves were made.
    pub fn live_order(&self, register: &Register) -> Vec<LiveRank> {
        let mut scratch = register.clone();
        for entry in &mut scratch.entries {
            entry.votes += self.votes_for(&entry.id);
            if self.tier(&entry.id) == Some(Tier::Must) {
                entry.must_have = true;
            }
        }
        let ranked: Vec<Ranked> = rank(&scratch)
            .into_iter()
            .filter(|ranked| {
                scratch
                    .entries
                    .get(ranked.entry_idx)
                    .is_some_and(|entry| self.scope.contains(entry))
            })
            .collect();
        let mut order: Vec<(Ranked, EntryId)> = ranked
            .into_iter()
            .filter_map(|ranked| {
                let id = scratch.entries.get(ranked.entry_idx)?.id.clone();
                Some((ranked, id))
            })
            .collect();
        // A stable sort keeps the priority order inside each tier group.
        order.sort_by_key(|(_, id)| Tier::group(self.tier(id)));
        for manual in &self.moves {
            if let Some(from) = order.iter().position(|(_, id)| id == &manual.entry) {
                let shift = manual.to_rank.abs_diff(manual.from_rank);
                let to = if manual.to_rank < manual.from_rank {
                    from.saturating_sub(shift)
                } else {
                    (from + shift).min(order.len().saturating_sub(1))
                };
                let moved = order.remove(from);
                order.insert(to, moved);
            }
        }
        // Two neighbours tie when nothing but their ids orders them: same scores, votes and tier, unmoved.
        let tie_key = |(ranked, id): &(Ranked, EntryId)| {
            let entry = scratch.entries.get(ranked.entry_idx);
            let is_moved = self.moves.iter().any(|m| &m.entry == id);
            (!is_moved).then(|| {
                (
                    entry.map(|e| (e.must_have, e.votes)),
                    ranked.scores.residual.as_ref().map(|t| t.score),
                    ranked.scores.inherent.as_ref().map(|t| t.score),
                    ranked.scores.breadth,
                    Tier::group(self.tier(id)),
                )
            })
        };
        let keys: Vec<_> = order.iter().map(tie_key).collect();
        let mut tied_rank = 0;
        order
            .into_iter()
            .enumerate()
            .map(|(position, (ranked, id))| {
                let key = keys.get(position).copied().flatten();
                let ties_with = |other: Option<usize>| {
                    key.is_some()
                        && other.is_some_and(|other| keys.get(other).copied().flatten() == key)
                };
                let is_tied = ties_with(position.checked_sub(1)) || ties_with(Some(position + 1));
                if !ties_with(position.checked_sub(1)) {
                    tied_rank = position + 1;
                }
                LiveRank {
                    tied_rank,
                    rank: position + 1,
                    entry_idx: ranked.entry_idx,
                    tier: self.tier(&id),
                    session_votes: self.votes_for(&id),
                    is_moved: self.moves.iter().any(|m| m.entry == id),
                    entry: id,
                    reason: ranked.reason(&scratch),
                    is_tied,
                }
            })
            .collect()
    }

    /// Records an action the group committed to: its text, owner, deadline and the entry it
    /// concerns. It goes into the action log when the session ends, with the workshop as its origin.
    pub fn record_action(
        &mut self,
        text: &str,
        owner: &str,
        deadline: Option<Deadline>,
        entry: Option<EntryId>,
    ) -> Result<(), WorkshopError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(WorkshopError::ActionWithoutText);
        }
        let mut action = Action::new(0, text);
        action.status = ActionStatus::NotStarted;
        action.owners = Some(owner.trim().to_owned())
            .filter(|owner| !owner.is_empty())
            .into_iter()
            .collect();
        action.deadline = deadline;
        action.entries.extend(entry);
        action.from = Some(Origin::Workshop {
            title: self.title.clone(),
            date: self.date,
        });
        self.actions.push(action);
        Ok(())
    }

    /// The actions recorded so far, in order; not yet numbered.
    pub fn actions(&self) -> &[Action] {
        &self.actions
    }

    /// Ends the session: the register gains the session's votes and Must flags, the actions
    /// recorded (numbered, from this workshop) and the workshop record, labelled with the snapshot
    /// the caller will take of the result.
    pub fn finish(&self, register: &Register, snapshot_label: &str) -> (Register, Workshop) {
        let order = self.live_order(register);
        let mut updated = register.clone();
        for recorded in &self.actions {
            let mut action = recorded.clone();
            action.number = updated.issue_action_number();
            // An entry deleted since it was named is left out, as deleting an entry does.
            action.entries.retain(|id| updated.entry(id).is_some());
            updated.actions.push(action);
        }
        for entry in &mut updated.entries {
            entry.votes += self.votes_for(&entry.id);
            if self.tier(&entry.id) == Some(Tier::Must) {
                entry.must_have = true;
            }
        }
        let attendance = if self.is_anonymous {
            Attendance::Anonymous {
                count: self.participants.len(),
            }
        } else {
            Attendance::Listed(self.participants.clone())
        };
        let ballots = if self.is_anonymous {
            Vec::new()
        } else {
            self.ballots
                .iter()
                .filter_map(|((idx, entry), votes)| {
                    Some(Ballot {
                        participant: self.participants.get(*idx)?.name.clone(),
                        entry: entry.clone(),
                        votes: *votes,
                    })
                })
                .collect()
        };
        let workshop = Workshop {
            title: self.title.clone(),
            date: self.date,
            scope: self.scope.clone(),
            attendance,
            votes_per_participant: self.votes_per_participant,
            votes: order
                .iter()
                .filter(|live| live.session_votes > 0)
                .map(|live| EntryVotes {
                    entry: live.entry.clone(),
                    votes: live.session_votes,
                })
                .collect(),
            ballots,
            tiers: order
                .iter()
                .filter_map(|live| {
                    Some(EntryTier {
                        entry: live.entry.clone(),
                        tier: live.tier?,
                    })
                })
                .collect(),
            moves: self.moves.clone(),
            final_order: order.iter().map(|live| live.entry.clone()).collect(),
            snapshot_label: snapshot_label.to_owned(),
        };
        updated.workshops.push(workshop.clone());
        (updated, workshop)
    }

    /// The label proposed for the snapshot taken at the end: `workshop-2019-05-14`, with `-2`, `-3`
    /// added while `is_taken` says a label is in use.
    pub fn snapshot_label(&self, is_taken: impl Fn(&str) -> bool) -> String {
        let base = format!("workshop-{}", self.date);
        let mut label = base.clone();
        let mut number = 2;
        while is_taken(&label) {
            label = format!("{base}-{number}");
            number += 1;
        }
        label
    }

    fn participant_name(&self, participant_idx: usize) -> Result<String, WorkshopError> {
        self.participants
            .get(participant_idx)
            .map(|p| p.name.clone())
            .ok_or(WorkshopError::NoSuchParticipant {
                number: participant_idx + 1,
            })
    }

    fn check_in_scope(&self, register: &Register, entry: &EntryId) -> Result<(), WorkshopError> {
        match register.entry(entry) {
            Some(found) if self.scope.contains(found) => Ok(()),
            _ => Err(WorkshopError::OutOfScope {
                entry: entry.clone(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::{Assessment, Entry, Impact, RightId, System, SystemId};

    fn id(text: &str) -> EntryId {
        EntryId::parse(text).unwrap()
    }

    /// Entries A, B, C, D on PND, scored 12, 9, 9 and 4: B and C tie on everything but their ids.
    fn register() -> Register {
        let pnd = SystemId::parse("PND").unwrap();
        let mut register = Register::default();
        register.systems.push(System {
            id: pnd.clone(),
            name: "PND".to_owned(),
            description: String::new(),
        });
        for (name, severity, likelihood, category) in [
            ("A", 4, 3, "retention"),
            ("B", 3, 3, "audit"),
            ("C", 3, 3, "audit"),
            ("D", 2, 2, "audit"),
        ] {
            let mut entry = Entry::new(id(name), pnd.clone(), name);
            entry.category = category.to_owned();
            entry.impacts.push(Impact::new(
                RightId::parse("privacy").unwrap(),
                Assessment::from_values(severity, likelihood).unwrap(),
            ));
            register.entries.push(entry);
        }
        register
    }

    fn session(register: &Register, votes: u32) -> Session {
        Session::with_participants(
            register,
            "Workshop six",
            jiff::civil::date(2019, 7, 11),
            Scope::All,
            vec![
                Participant {
                    name: "Liberty".to_owned(),
                    is_pseudonym: false,
                },
                Participant {
                    name: "Org K".to_owned(),
                    is_pseudonym: true,
                },
            ],
            votes,
        )
        .unwrap()
    }

    fn order(session: &Session, register: &Register) -> String {
        session
            .live_order(register)
            .iter()
            .map(|live| format!("{}{}", live.entry, if live.is_tied { "~" } else { "" }))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn vote_budget_is_enforced() {
        let register = register();
        let mut session = session(&register, 2);
        session.vote(&register, 0, &id("D")).unwrap();
        session.vote(&register, 0, &id("D")).unwrap();
        assert_eq!(session.votes_left(0), 0);
        let err = session.vote(&register, 0, &id("C")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Liberty has no votes left (each participant has 2)"
        );
        assert_eq!(
            session.votes_for(&id("C")),
            0,
            "a refused vote changes nothing"
        );
        session.withdraw_vote(0, &id("D")).unwrap();
        assert_eq!(session.votes_left(0), 1);
        assert!(
            session.withdraw_vote(1, &id("D")).is_err(),
            "Org K never voted on D"
        );
        assert!(matches!(
            session.vote(&register, 5, &id("D")),
            Err(WorkshopError::NoSuchParticipant { number: 6 })
        ));
    }

    #[test]
    fn votes_break_ties_and_ties_are_marked() {
        let register = register();
        let mut session = session(&register, 3);
        assert_eq!(order(&session, &register), "A B~ C~ D");
        session.vote(&register, 1, &id("C")).unwrap();
        assert_eq!(order(&session, &register), "A C B D");
    }

    #[test]
    fn tiers_group_the_order_and_must_sets_must_have() {
        let register = register();
        let mut session = session(&register, 3);
        session
            .set_tier(&register, &id("D"), Some(Tier::Must))
            .unwrap();
        session
            .set_tier(&register, &id("A"), Some(Tier::WontThisTime))
            .unwrap();
        session
            .set_tier(&register, &id("C"), Some(Tier::Should))
            .unwrap();
        assert_eq!(order(&session, &register), "D C B A");
        let (updated, record) = session.finish(&register, "workshop-2019-07-11");
        assert!(
            updated.entry(&id("D")).unwrap().must_have,
            "Must sets the must-have flag"
        );
        assert_eq!(record.tier_of(&id("A")), Some(Tier::WontThisTime));
        assert_eq!(record.final_order, vec![id("D"), id("C"), id("B"), id("A")]);
    }

    #[test]
    fn manual_moves_need_a_reason_and_are_recorded() {
        let register = register();
        let mut session = session(&register, 3);
        let err = session
            .move_entry(&register, &id("D"), Direction::Up, "  ")
            .unwrap_err();
        assert!(
            matches!(err, WorkshopError::MoveWithoutReason { .. }),
            "{err}"
        );
        session
            .move_entry(
                &register,
                &id("D"),
                Direction::Up,
                "Affects children directly",
            )
            .unwrap();
        assert_eq!(
            order(&session, &register),
            "A B D C",
            "a moved entry no longer ties"
        );
        assert!(
            session
                .move_entry(&register, &id("A"), Direction::Up, "x")
                .is_err(),
            "A is already first"
        );
        let (_, record) = session.finish(&register, "w");
        assert_eq!(
            record.moves,
            vec![ManualMove {
                entry: id("D"),
                from_rank: 4,
                to_rank: 3,
                reason: "Affects children directly".to_owned()
            }]
        );
    }

    #[test]
    fn scope_limits_the_session() {
        let register = register();
        let mut session = Session::anonymous(
            &register,
            "Audit only",
            jiff::civil::date(2019, 7, 11),
            Scope::Category("Audit".to_owned()),
            3,
            1,
        )
        .unwrap();
        assert_eq!(order(&session, &register), "B~ C~ D");
        assert!(matches!(
            session.vote(&register, 0, &id("A")),
            Err(WorkshopError::OutOfScope { .. })
        ));
    }

    #[test]
    fn anonymous_sessions_record_only_counts() {
        let register = register();
        let mut session = Session::anonymous(
            &register,
            "Anon",
            jiff::civil::date(2019, 7, 11),
            Scope::All,
            2,
            1,
        )
        .unwrap();
        session.vote(&register, 0, &id("B")).unwrap();
        session.vote(&register, 1, &id("B")).unwrap();
        let (updated, record) = session.finish(&register, "w");
        assert_eq!(record.attendance, Attendance::Anonymous { count: 2 });
        assert!(record.ballots.is_empty(), "no per-participant votes");
        assert_eq!(record.votes_for(&id("B")), 2);
        assert_eq!(
            updated.entry(&id("B")).unwrap().votes,
            2,
            "votes carry into the register"
        );
        assert_eq!(updated.workshops.len(), 1);
    }

    #[test]
    fn named_sessions_record_ballots() {
        let register = register();
        let mut session = session(&register, 2);
        session.vote(&register, 1, &id("C")).unwrap();
        let (_, record) = session.finish(&register, "w");
        assert_eq!(
            record.ballots,
            vec![Ballot {
                participant: "Org K".to_owned(),
                entry: id("C"),
                votes: 1
            }]
        );
    }

    #[test]
    fn the_record_survives_save_and_load() {
        let register = register();
        let mut session = session(&register, 2);
        session.vote(&register, 0, &id("C")).unwrap();
        session
            .set_tier(&register, &id("C"), Some(Tier::Must))
            .unwrap();
        session
            .move_entry(&register, &id("D"), Direction::Up, "Children")
            .unwrap();
        let (updated, _) = session.finish(&register, "workshop-2019-07-11");
        let text = crate::register_text::to_text(&updated).unwrap();
        let back = crate::register_text::parse(&text).unwrap();
        assert_eq!(back, updated);
    }

    #[test]
    fn snapshot_labels_are_made_unique() {
        let session = session(&register(), 1);
        assert_eq!(session.snapshot_label(|_| false), "workshop-2019-07-11");
        assert_eq!(
            session.snapshot_label(|label| label == "workshop-2019-07-11"),
            "workshop-2019-07-11-2"
        );
    }

    #[test]
    fn a_session_needs_participants() {
        let err = Session::with_participants(
            &register(),
            "x",
            jiff::civil::date(2019, 1, 1),
            Scope::All,
            Vec::new(),
            3,
        );
        assert_eq!(err.unwrap_err(), WorkshopError::NoParticipants);
    }

    /// Starts a named session on `register()` with these participants (names; none a
    /// pseudonym), scope and budget, and returns why it was refused, or "started".
    fn check_start(names: &[&str], scope: Scope, votes: u32) -> String {
        let participants = names
            .iter()
            .map(|name| Participant {
                name: (*name).to_owned(),
                is_pseudonym: false,
            })
            .collect();
        let date = jiff::civil::date(2019, 7, 11);
        match Session::with_participants(&register(), "x", date, scope, participants, votes) {
            Ok(_) => "started".to_owned(),
            Err(err) => err.to_string(),
        }
    }

    #[test]
    fn a_session_keeps_the_workshop_rules() {
        let audit = || Scope::Category("audit".to_owned());
        let weeding = || Scope::Category("weeding".to_owned());
        let cases: [(&[&str], Scope, u32, &str); 9] = [
            (&["Liberty", "Org K"], Scope::All, 3, "started"),
            (&["Liberty"], audit(), 1, "started"),
            (
                &[],
                Scope::All,
                3,
                "a session needs at least one participant",
            ),
            (
                &["Liberty", "Org K", "liberty"],
                Scope::All,
                3,
                "two participants are called liberty: give each a different name or pseudonym",
            ),
            (
                &["Org K", "ORG K"],
                Scope::All,
                3,
                "two participants are called ORG K: give each a different name or pseudonym",
            ),
            (
                &["Liberty", "Org K"],
                Scope::All,
                0,
                "give each participant at least one vote",
            ),
            (
                &["Liberty"],
                weeding(),
                3,
                "there are no entries in category weeding: choose another",
            ),
            (
                &["Liberty"],
                Scope::System(SystemId::parse("PNC").unwrap()),
                3,
                "there are no entries in system PNC: choose another",
            ),
            // The first rule broken is the one reported: scope, then votes, then participants.
            (
                &[],
                weeding(),
                0,
                "there are no entries in category weeding: choose another",
            ),
        ];
        for (names, scope, votes, expected) in cases {
            let shown = format!("{names:?} {scope} {votes}");
            assert_eq!(check_start(names, scope, votes), expected, "{shown}");
        }
    }

    #[test]
    fn an_anonymous_session_keeps_the_same_rules() {
        let start = |scope: Scope, count, votes| {
            Session::anonymous(
                &register(),
                "x",
                jiff::civil::date(2019, 7, 11),
                scope,
                count,
                votes,
            )
            .map(|session| session.participants().len())
        };
        assert_eq!(start(Scope::All, 3, 1), Ok(3));
        assert_eq!(start(Scope::All, 0, 1), Err(WorkshopError::NoParticipants));
        assert_eq!(start(Scope::All, 3, 0), Err(WorkshopError::NoVotesToGive));
        assert_eq!(
            start(Scope::Category("weeding".to_owned()), 3, 1),
            Err(WorkshopError::EmptyScope {
                scope: Scope::Category("weeding".to_owned())
            })
        );
    }

    #[test]
    fn a_session_on_an_empty_register_is_refused() {
        let err = Session::anonymous(
            &Register::default(),
            "x",
            jiff::civil::date(2019, 1, 1),
            Scope::All,
            3,
            3,
        );
        assert_eq!(
            err.unwrap_err().to_string(),
            "there are no entries in the whole register: choose another"
        );
    }
    #[test]
    fn an_action_recorded_in_a_workshop_lands_in_the_log_with_its_origin() {
        let mut register = register();
        register.last_action_number = 40;
        let mut live = session(&register, 3);
        let entry = register.entries[0].id.clone();
        live.record_action(
            " Share the data types paper ",
            "HO Policy",
            Some(Deadline::Month {
                year: 2019,
                month: 9,
            }),
            Some(entry.clone()),
        )
        .unwrap();
        assert_eq!(
            live.record_action(" ", "", None, None),
            Err(WorkshopError::ActionWithoutText)
        );
        assert!(register.actions.is_empty(), "nothing changes until the end");
        let (updated, _) = live.finish(&register, "workshop-2019-07-11");
        let action = updated.action(41).expect("numbered after the log's last");
        assert_eq!(action.text, "Share the data types paper");
        assert_eq!(action.owners, ["HO Policy"]);
        assert_eq!(action.entries, [entry]);
        assert_eq!(
            action.from,
            Some(Origin::Workshop {
                title: "Workshop six".to_owned(),
                date: jiff::civil::date(2019, 7, 11),
            })
        );
        assert!(
            crate::check::check(&updated)
                .iter()
                .all(|p| !p.location.starts_with("action"))
        );
    }
}
