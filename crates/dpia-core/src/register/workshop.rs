//! The record a finished workshop leaves in the register: scope, attendance, votes, tiers, the
//! facilitator's moves and the final order. Saved data only; the live session that produces it is
//! the `workshop` module, over this.

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{Entry, EntryId, SystemId};

/// Which entries a workshop prioritises.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scope {
    /// Every entry in the register.
    All,
    /// The entries about one system.
    System(SystemId),
    /// The entries of one category.
    Category(String),
}

impl Scope {
    /// Whether `entry` is in scope.
    pub fn contains(&self, entry: &Entry) -> bool {
        match self {
            Self::All => true,
            Self::System(system) => &entry.system == system,
            Self::Category(category) => entry.category.eq_ignore_ascii_case(category),
        }
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::All => f.write_str("the whole register"),
            Self::System(system) => write!(f, "system {system}"),
            Self::Category(category) => write!(f, "category {category}"),
        }
    }
}

/// A person taking part, by name or by pseudonym.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    /// The name or pseudonym shown in the session.
    pub name: String,
    /// Whether `name` is a pseudonym (organisations often take part on condition they are not identified).
    #[serde(default)]
    pub is_pseudonym: bool,
}

/// The group's decision on an entry for the next draft (Must, Should, Could, Won't).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Tier {
    /// Must be dealt with in the next draft; sets the entry's must-have flag.
    Must,
    /// Should be dealt with.
    Should,
    /// Could be dealt with if there is room.
    Could,
    /// Will not be dealt with in the next draft.
    WontThisTime,
}

impl Tier {
    /// Every tier, in order.
    pub const ALL: [Self; 4] = [Self::Must, Self::Should, Self::Could, Self::WontThisTime];

    /// The tier's name.
    pub fn name(self) -> &'static str {
        match self {
            Self::Must => "Must",
            Self::Should => "Should",
            Self::Could => "Could",
            Self::WontThisTime => "Won't",
        }
    }

    /// Where the tier's entries stand in the live order: Must, Should, Could, untiered, Won't.
    pub(crate) fn group(tier: Option<Self>) -> u8 {
        match tier {
            Some(Self::Must) => 0,
            Some(Self::Should) => 1,
            Some(Self::Could) => 2,
            None => 3,
            Some(Self::WontThisTime) => 4,
        }
    }
}

impl fmt::Display for Tier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A facilitator's move of an entry up or down the live order, with the reason given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManualMove {
    /// The entry moved.
    pub entry: EntryId,
    /// Its rank before the move.
    pub from_rank: usize,
    /// Its rank after the move.
    pub to_rank: usize,
    /// Why, as the facilitator recorded it.
    pub reason: String,
}

/// The votes one entry received.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryVotes {
    /// The entry.
    pub entry: EntryId,
    /// How many votes.
    pub votes: u32,
}

/// The votes one participant gave one entry; kept only for sessions that are not anonymous.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ballot {
    /// The participant's name or pseudonym.
    pub participant: String,
    /// The entry.
    pub entry: EntryId,
    /// How many votes.
    pub votes: u32,
}

/// An entry's tier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryTier {
    /// The entry.
    pub entry: EntryId,
    /// Its tier.
    pub tier: Tier,
}

/// Who took part, as the record keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Attendance {
    /// Named or pseudonymous participants, listed.
    Listed(Vec<Participant>),
    /// An anonymous session: only how many took part.
    Anonymous {
        /// How many took part.
        count: usize,
    },
}

/// The record of a finished workshop, stored in the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workshop {
    /// The session's title.
    pub title: String,
    /// The day it was held.
    pub date: Date,
    /// Which entries it prioritised.
    pub scope: Scope,
    /// Who took part.
    pub attendance: Attendance,
    /// Each participant's budget of dot votes.
    pub votes_per_participant: u32,
    /// The votes each entry received, in final order; entries without votes are left out.
    pub votes: Vec<EntryVotes>,
    /// Who voted for what; empty for an anonymous session.
    #[serde(default)]
    pub ballots: Vec<Ballot>,
    /// The tiers the group set.
    pub tiers: Vec<EntryTier>,
    /// The facilitator's moves, in the order made.
    pub moves: Vec<ManualMove>,
    /// The entries in scope, in the final agreed order.
    pub final_order: Vec<EntryId>,
    /// The label of the snapshot taken when the session ended.
    #[serde(default)]
    pub snapshot_label: String,
}

impl Workshop {
    /// The votes `entry` received.
    pub fn votes_for(&self, entry: &EntryId) -> u32 {
        self.votes
            .iter()
            .find(|v| &v.entry == entry)
            .map_or(0, |v| v.votes)
    }

    /// The tier of `entry`, if one was set.
    pub fn tier_of(&self, entry: &EntryId) -> Option<Tier> {
        self.tiers
            .iter()
            .find(|t| &t.entry == entry)
            .map(|t| t.tier)
    }

    /// Renames the entry `old` to `new` wherever the record names it, as a merge does when it
    /// renumbers an entry: its votes, ballots, tier, moves and place in the final order.
    pub fn rename_entry(&mut self, old: &EntryId, new: &EntryId) {
        let rename = |entry: &mut EntryId| {
            if entry == old {
                entry.clone_from(new);
            }
        };
        self.votes.iter_mut().for_each(|v| rename(&mut v.entry));
        self.ballots.iter_mut().for_each(|b| rename(&mut b.entry));
        self.tiers.iter_mut().for_each(|t| rename(&mut t.entry));
        self.moves.iter_mut().for_each(|m| rename(&mut m.entry));
        self.final_order.iter_mut().for_each(rename);
    }
}
