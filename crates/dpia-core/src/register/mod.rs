//! The register model, in the users' words: a register of entries about systems, scored against rights.
//!
//! Plain data with serde derives and small accessors. No I/O (that is `dpia-files`), no scoring (that is
//! `scoring`), no egui. Every collection is a `Vec` or an ordered set, so a saved file keeps its order
//! and two versions diff cleanly.

mod accountability;
mod action;
mod conflict;
mod entry;
mod entry_ids;
mod id;
mod impact;
mod metadata;
mod right;
mod system;
mod workshop;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::snapshot::SnapshotRecord;

pub use accountability::{AcceptanceDecision, PriorConsultation, RiskAcceptance};
pub use action::{
    Action, ActionLink, ActionStatus, ActionStatusError, ActionUpdate, Deadline, DeadlineError,
    LinkKind, MitigationRef, Origin,
};
pub use conflict::{Conflict, Detail, EntryPart, ImpactPart, MitigationPart, Place};
pub use entry::{
    Balancing, Benefit, Entry, Field, Mitigation, MitigationStatus, PolicingPurpose,
    PurposeBenefit, Source,
};
pub use entry_ids::EntryIds;
pub use id::{EntryId, IdError, MAX_ENTRY_NUMBER, RightId, SystemId};
// The id newtype maker, also used for snapshot labels and checksums.
pub(crate) use id::id_type;
pub use impact::{Assessment, Impact, Likelihood, Scale, Severity, Stage};
pub use metadata::{Language, Marking, Metadata, Status};
pub use right::{Right, default_right, default_rights};
pub use system::System;
pub use workshop::{
    Attendance, Ballot, EntryTier, EntryVotes, ManualMove, Participant, Scope, Tier, Workshop,
};

/// The register text format version this build writes; older versions are migrated on reading
/// (`migrate`), newer ones refused.
pub const FORMAT_VERSION: u32 = 2;

/// A DPIA risk register: its metadata, the systems and rights it covers, and its entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Register {
    /// The file format this register was read from or will be written as; see `migrate`.
    pub format_version: u32,
    /// Title, version label, marking and the like.
    pub metadata: Metadata,
    /// The systems under assessment, in the order papers list them.
    pub systems: Vec<System>,
    /// The rights catalogue, in the order the impact grid shows them.
    pub rights: Vec<Right>,
    /// The entries, in the order they were added.
    pub entries: Vec<Entry>,
    /// For each system, the highest entry number ever given, so deleted ids are never reused.
    #[serde(default)]
    pub issued_ids: BTreeMap<SystemId, u32>,
    /// The records of finished workshop sessions, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub workshops: Vec<Workshop>,
    /// The action log: what workshops committed to, in the order the actions were added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// The highest action number ever given, so a deleted action's number is never reused.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub last_action_number: u32,
    /// The snapshots taken of this register, oldest first: each one's label and checksum, so a
    /// snapshot deleted, replaced or taken again is found (`snapshot::audit`). History, not
    /// content: a restore or an undo keeps it as it is.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub snapshots: Vec<SnapshotRecord>,
    /// The merge conflicts not yet resolved (see `merge`); `check` fails while any remain.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
}

impl Default for Register {
    fn default() -> Self {
        Self {
            format_version: FORMAT_VERSION,
            metadata: Metadata::default(),
            systems: Vec::new(),
            rights: default_rights(),
            entries: Vec::new(),
            issued_ids: BTreeMap::new(),
            workshops: Vec::new(),
            actions: Vec::new(),
            last_action_number: 0,
            snapshots: Vec::new(),
            conflicts: Vec::new(),
        }
    }
}

impl Register {
    /// The entry with this id.
    pub fn entry(&self, id: &EntryId) -> Option<&Entry> {
        self.entries.iter().find(|entry| &entry.id == id)
    }

    /// The entry with this id, to change.
    pub fn entry_mut(&mut self, id: &EntryId) -> Option<&mut Entry> {
        self.entries.iter_mut().find(|entry| &entry.id == id)
    }

    /// The position of the entry with this id.
    pub fn entry_idx(&self, id: &EntryId) -> Option<usize> {
        self.entries.iter().position(|entry| &entry.id == id)
    }

    /// The system with this id.
    pub fn system(&self, id: &SystemId) -> Option<&System> {
        self.systems.iter().find(|system| &system.id == id)
    }

    /// The right with this id.
    pub fn right(&self, id: &RightId) -> Option<&Right> {
        self.rights.iter().find(|right| &right.id == id)
    }

    /// The right's name, or its id where the catalogue lacks it.
    pub fn right_name<'a>(&'a self, id: &'a RightId) -> &'a str {
        self.right(id)
            .map_or(id.as_str(), |right| right.name.as_str())
    }

    /// The position of the right in the catalogue; unknown rights sort last.
    pub fn right_idx(&self, id: &RightId) -> usize {
        self.rights
            .iter()
            .position(|right| &right.id == id)
            .unwrap_or(self.rights.len())
    }

    /// Takes the next entry id for `system`, like `LEDS-004`, and records it as issued.
    ///
    /// The number is one past both the highest ever issued and the highest in use, so an id is
    /// never reused after a delete, even in a register edited by hand.
    ///
    /// One look at every entry: to add many entries, make an `EntryIds` once and issue from it.
    pub fn issue_entry_id(&mut self, system: &SystemId) -> EntryId {
        EntryIds::of(self).issue(self, system)
    }

    /// The action with this number.
    pub fn action(&self, number: u32) -> Option<&Action> {
        self.actions.iter().find(|action| action.number == number)
    }

    /// The action with this number, to change.
    pub fn action_mut(&mut self, number: u32) -> Option<&mut Action> {
        self.actions
            .iter_mut()
            .find(|action| action.number == number)
    }

    /// Takes the next action number and records it as issued: one past both the highest ever
    /// issued and the highest in use, so a number is never reused after a delete.
    pub fn issue_action_number(&mut self) -> u32 {
        let highest_in_use = self.actions.iter().map(|a| a.number).max().unwrap_or(0);
        self.last_action_number = self.last_action_number.max(highest_in_use) + 1;
        self.last_action_number
    }
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
fn is_zero(value: &u32) -> bool {
    *value == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leds() -> SystemId {
        SystemId::parse("LEDS").unwrap()
    }

    #[test]
    fn issued_ids_never_wrap_or_go_backwards() {
        let mut register = Register::default();
        register.issued_ids.insert(leds(), u32::MAX);
        let id = register.issue_entry_id(&leds());
        assert_eq!(id.as_str(), "LEDS-999999999-2");
        assert_eq!(
            register.issued_ids.get(&leds()),
            Some(&u32::MAX),
            "not backwards"
        );
        assert!(EntryId::parse(id.as_str()).is_ok(), "an id that reads back");
        register.entries.push(Entry::new(id, leds(), "x"));
        assert_eq!(
            register.issue_entry_id(&leds()).as_str(),
            "LEDS-999999999-3"
        );

        let mut register = Register::default();
        let highest = EntryId::numbered(&leds(), MAX_ENTRY_NUMBER - 1);
        register.entries.push(Entry::new(highest, leds(), "x"));
        assert_eq!(register.issue_entry_id(&leds()).as_str(), "LEDS-999999999");
        assert_eq!(
            register.issue_entry_id(&leds()).as_str(),
            "LEDS-999999999-2"
        );
    }

    #[test]
    fn issued_ids_count_up_from_those_in_use() {
        let mut register = Register::default();
        register
            .entries
            .push(Entry::new(EntryId::parse("LEDS-002").unwrap(), leds(), "A"));
        assert_eq!(register.issue_entry_id(&leds()).as_str(), "LEDS-003");
        assert_eq!(register.issue_entry_id(&leds()).as_str(), "LEDS-004");
    }

    #[test]
    fn ids_are_never_reused_after_a_delete() {
        let mut register = Register::default();
        let id = register.issue_entry_id(&leds());
        register.entries.push(Entry::new(id.clone(), leds(), "A"));
        register.entries.retain(|entry| entry.id != id);
        assert_eq!(register.issue_entry_id(&leds()).as_str(), "LEDS-002");
    }

    #[test]
    fn right_name_falls_back_to_id() {
        let register = Register::default();
        assert_eq!(
            register.right_name(&RightId::parse("privacy").unwrap()),
            "Private and family life"
        );
        assert_eq!(
            register.right_name(&RightId::parse("other").unwrap()),
            "other"
        );
    }
}
