//! Restoring from an older version: the automatic snapshot kept first, then the whole register,
//! one entry or one field of an entry back as it was.
//!
//! Pure over data: the caller saves the automatic snapshot and the result. Restoring never reuses
//! an entry id issued after the older version, and a restored entry brings back the system and
//! rights it needs.

use jiff::Timestamp;

use super::{Label, Snapshot, SnapshotError, auto_label};
use crate::diff::EntryField;
use crate::register::FORMAT_VERSION;
use crate::register::{Entry, EntryId, Register, RightId, Stage};

/// The automatic snapshot of the working register to keep before restoring `restoring` over it.
///
/// The caller saves it (`dpia_files::snapshot_file::save_new`) before replacing the working register, so
/// the state before the restore can always be got back.
pub fn before_restore<'a>(
    working: &Register,
    restoring: &Label,
    taken_at: Timestamp,
    author: &str,
    existing: impl IntoIterator<Item = &'a Label>,
) -> Result<Snapshot, SnapshotError> {
    Snapshot::take(
        working,
        auto_label(taken_at, existing),
        taken_at,
        author,
        format!("The working register, kept automatically before restoring {restoring}"),
    )
}

/// Why a restore could not be done. The working register is left as it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RestoreError {
    /// The entry is in neither version.
    #[error("entry {id} is in neither version")]
    NoSuchEntry {
        /// The entry.
        id: EntryId,
    },
    /// A field can be restored only for an entry in both versions; restore the whole entry instead.
    #[error("entry {id} is not in both versions: restore the whole entry instead of one field")]
    NotInBoth {
        /// The entry.
        id: EntryId,
    },
}

/// The working register replaced by the older version, as "restore as working copy" does.
///
/// Ids and action numbers issued since the older version stay issued, so neither is reused after
/// the restore; the snapshots the working register records stay recorded.
pub fn restore_whole(working: &Register, older: &Register) -> Register {
    let mut restored = older.clone();
    restored.format_version = FORMAT_VERSION;
    restored.snapshots.clone_from(&working.snapshots);
    for (system, &number) in &working.issued_ids {
        let issued = restored.issued_ids.entry(system.clone()).or_insert(0);
        *issued = (*issued).max(number);
    }
    // Action numbers given since stay given too: the log's numbering never goes back.
    let highest_action = working.actions.iter().map(|a| a.number).max().unwrap_or(0);
    restored.last_action_number = restored
        .last_action_number
        .max(working.last_action_number)
        .max(highest_action);
    restored
}

/// Restores one entry to its state in `older`: replaced if in both, re-added if removed since,
/// removed if added since.
///
/// A re-added entry goes back after the entry it followed in `older` (or first), and brings back
/// its system and rights if the working register no longer lists them.
pub fn restore_entry(
    working: &mut Register,
    older: &Register,
    id: &EntryId,
) -> Result<(), RestoreError> {
    match (working.entry_idx(id), older.entry(id)) {
        (None, None) => Err(RestoreError::NoSuchEntry { id: id.clone() }),
        (Some(idx), None) => {
            working.entries.remove(idx);
            Ok(())
        }
        (Some(idx), Some(old_entry)) => {
            let old_entry = old_entry.clone();
            restore_catalogue(working, older, &old_entry);
            if let Some(entry) = working.entries.get_mut(idx) {
                *entry = old_entry;
            }
            Ok(())
        }
        (None, Some(old_entry)) => {
            let old_entry = old_entry.clone();
            restore_catalogue(working, older, &old_entry);
            let position = re_added_position(working, older, id);
            working.entries.insert(position, old_entry);
            Ok(())
        }
    }
}

/// Restores one field of one entry to its value in `older`. The entry must be in both versions.
pub fn restore_field(
    working: &mut Register,
    older: &Register,
    id: &EntryId,
    field: &EntryField,
) -> Result<(), RestoreError> {
    let (Some(idx), Some(old_entry)) = (working.entry_idx(id), older.entry(id)) else {
        return if working.entry_idx(id).is_none() && older.entry(id).is_none() {
            Err(RestoreError::NoSuchEntry { id: id.clone() })
        } else {
            Err(RestoreError::NotInBoth { id: id.clone() })
        };
    };
    let old_entry = old_entry.clone();
    // Only the fields that name a system or a right can need one back in the catalogue.
    match field {
        EntryField::System => restore_system(working, older, &old_entry),
        EntryField::Impact { right, .. } | EntryField::ImpactNote { right } => {
            restore_right(working, older, right);
        }
        _ => {}
    }
    let Some(entry) = working.entries.get_mut(idx) else {
        return Err(RestoreError::NoSuchEntry { id: id.clone() });
    };
    match field {
        EntryField::System => entry.system = old_entry.system,
        EntryField::Category => entry.category = old_entry.category,
        EntryField::Issue => entry.issue = old_entry.issue,
        EntryField::Concern => entry.concern = old_entry.concern,
        EntryField::Mitigations => entry.mitigations = old_entry.mitigations,
        EntryField::Impact { right, stage } => {
            restore_impact(entry, &old_entry, right, Some(*stage));
        }
        EntryField::ImpactNote { right } => restore_impact(entry, &old_entry, right, None),
        EntryField::BalancingPurposes => entry.balancing.purposes = old_entry.balancing.purposes,
        EntryField::BalancingNote => entry.balancing.note = old_entry.balancing.note,
        EntryField::AffectedGroups => entry.affected_groups = old_entry.affected_groups,
        EntryField::MustHave => entry.must_have = old_entry.must_have,
        EntryField::Votes => entry.votes = old_entry.votes,
        EntryField::Source => entry.source = old_entry.source,
        EntryField::Confidential => entry.confidential = old_entry.confidential,
        EntryField::Acceptance => entry.acceptance = old_entry.acceptance,
    }
    Ok(())
}

/// Restores the impact on `right` at `stage` (or its note, when `stage` is `None`).
fn restore_impact(entry: &mut Entry, old_entry: &Entry, right: &RightId, stage: Option<Stage>) {
    let old_idx = old_entry.impacts.iter().position(|i| &i.right == right);
    let new_idx = entry.impacts.iter().position(|i| &i.right == right);
    match (new_idx, old_idx.and_then(|idx| old_entry.impacts.get(idx))) {
        (None, None) => {}
        (Some(idx), None) => {
            entry.impacts.remove(idx);
        }
        (None, Some(old_impact)) => {
            let position = old_idx.unwrap_or(0).min(entry.impacts.len());
            entry.impacts.insert(position, old_impact.clone());
        }
        (Some(idx), Some(old_impact)) => {
            if let Some(impact) = entry.impacts.get_mut(idx) {
                match stage {
                    Some(Stage::Inherent) => impact.inherent = old_impact.inherent,
                    Some(Stage::Residual) => impact.residual = old_impact.residual,
                    None => impact.note.clone_from(&old_impact.note),
                }
            }
        }
    }
}

/// Brings back from `older` the system and rights `entry` needs that `working` no longer lists.
fn restore_catalogue(working: &mut Register, older: &Register, entry: &Entry) {
    restore_system(working, older, entry);
    for impact in &entry.impacts {
        restore_right(working, older, &impact.right);
    }
}

/// Brings back from `older` the entry's system if `working` no longer lists it.
fn restore_system(working: &mut Register, older: &Register, entry: &Entry) {
    if working.system(&entry.system).is_none()
        && let Some(system) = older.system(&entry.system)
    {
        working.systems.push(system.clone());
    }
}

/// Brings back from `older` the right if `working`'s catalogue no longer lists it.
fn restore_right(working: &mut Register, older: &Register, right: &RightId) {
    if working.right(right).is_none()
        && let Some(right) = older.right(right)
    {
        working.rights.push(right.clone());
    }
}

/// Where an entry re-added from `older` goes: after the nearest entry before it in `older` that
/// the working register still has, or first.
fn re_added_position(working: &Register, older: &Register, id: &EntryId) -> usize {
    let Some(old_idx) = older.entry_idx(id) else {
        return working.entries.len();
    };
    older
        .entries
        .iter()
        .take(old_idx)
        .rev()
        .find_map(|before| working.entry_idx(&before.id))
        .map_or(0, |idx| idx + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::{Assessment, Impact, RightId, SystemId};
    use crate::testing::{at, entry, label, register};

    fn ids(register: &Register) -> Vec<&str> {
        register.entries.iter().map(|e| e.id.as_str()).collect()
    }

    #[test]
    fn before_restore_keeps_the_working_register() {
        let working = register(vec![entry("PND-001", "Retention")]);
        let taken_at = at("2019-05-01T12:30:00Z");
        let kept = before_restore(&working, &label("v1.0"), taken_at, "Siân", &[]).unwrap();
        assert_eq!(kept.register(), &working);
        assert_eq!(
            kept.label().as_str(),
            "auto-before-restore-20190501T123000Z"
        );
        assert_eq!(
            kept.note(),
            "The working register, kept automatically before restoring v1.0"
        );
        assert_eq!(kept.author(), "Siân");
    }

    #[test]
    fn restore_whole_keeps_ids_issued_since() {
        let mut older = register(vec![entry("PND-001", "Retention")]);
        older.issued_ids.insert(SystemId::parse("PND").unwrap(), 1);
        let mut working = older.clone();
        let pnd = SystemId::parse("PND").unwrap();
        let id = working.issue_entry_id(&pnd);
        working.entries.push(Entry::new(id, pnd.clone(), "Sharing"));
        let mut restored = restore_whole(&working, &older);
        assert_eq!(restored.entries, older.entries);
        assert_eq!(
            restored.issue_entry_id(&pnd).as_str(),
            "PND-003",
            "PND-002 was issued after the snapshot and is never reused"
        );
    }

    #[test]
    fn restore_whole_keeps_action_numbers_given_since() {
        let older = register(vec![entry("PND-001", "Retention")]);
        let mut working = older.clone();
        let number = working.issue_action_number();
        working
            .actions
            .push(crate::register::Action::new(number, "Share the paper"));
        let mut restored = restore_whole(&working, &older);
        assert!(restored.actions.is_empty());
        assert_eq!(
            restored.issue_action_number(),
            2,
            "action 1 is never reused"
        );
    }

    #[test]
    fn restore_entry_replaces_re_adds_and_removes() {
        let older = register(vec![
            entry("PND-001", "A"),
            entry("PND-002", "B"),
            entry("PND-003", "C"),
        ]);
        let mut working = older.clone();
        working.entries[0].issue = "A changed".to_owned();
        working.entries.remove(1);
        working.entries.push(entry("PNC-001", "New"));

        let mut restored = working.clone();
        restore_entry(&mut restored, &older, &EntryId::parse("PND-001").unwrap()).unwrap();
        assert_eq!(restored.entries[0].issue, "A");

        restore_entry(&mut restored, &older, &EntryId::parse("PND-002").unwrap()).unwrap();
        assert_eq!(ids(&restored), ["PND-001", "PND-002", "PND-003", "PNC-001"]);

        restore_entry(&mut restored, &older, &EntryId::parse("PNC-001").unwrap()).unwrap();
        assert_eq!(restored.entries, older.entries, "back to the older version");

        let err = restore_entry(&mut restored, &older, &EntryId::parse("HOB-001").unwrap());
        assert_eq!(
            err,
            Err(RestoreError::NoSuchEntry {
                id: EntryId::parse("HOB-001").unwrap()
            })
        );
    }

    #[test]
    fn a_re_added_entry_goes_first_when_nothing_before_it_remains() {
        let older = register(vec![entry("PND-001", "A"), entry("PND-002", "B")]);
        let mut working = register(vec![entry("PND-002", "B")]);
        restore_entry(&mut working, &older, &EntryId::parse("PND-001").unwrap()).unwrap();
        assert_eq!(ids(&working), ["PND-001", "PND-002"]);
    }

    #[test]
    fn a_re_added_entry_brings_back_its_system_and_rights() {
        let mut older = register(vec![entry("LEDS-001", "A")]);
        older.rights.push(crate::register::Right {
            id: RightId::parse("flying").unwrap(),
            name: "Flying".to_owned(),
            legal_reference: String::new(),
        });
        older.entries[0].impacts.push(Impact::new(
            RightId::parse("flying").unwrap(),
            Assessment::from_values(2, 2).unwrap(),
        ));
        let mut working = Register::default();
        restore_entry(&mut working, &older, &EntryId::parse("LEDS-001").unwrap()).unwrap();
        assert!(
            crate::check::check(&working).is_empty(),
            "{:?}",
            crate::check::check(&working)
        );
    }

    fn impact(right: &str, inherent: (u8, u8), residual: Option<(u8, u8)>) -> Impact {
        Impact {
            right: RightId::parse(right).unwrap(),
            inherent: Assessment::from_values(inherent.0, inherent.1).unwrap(),
            residual: residual.and_then(|(s, l)| Assessment::from_values(s, l)),
            note: format!("{right} note"),
        }
    }

    #[test]
    fn restore_field_changes_only_that_field() {
        let mut old_entry = entry("PND-001", "A");
        old_entry.concern = "old concern".to_owned();
        old_entry.votes = 2;
        old_entry.impacts = vec![
            impact("privacy", (3, 4), Some((2, 2))),
            impact("liberty", (2, 2), None),
        ];
        let older = register(vec![old_entry.clone()]);
        let mut working = older.clone();
        let new_entry = &mut working.entries[0];
        new_entry.concern = "new concern".to_owned();
        new_entry.votes = 5;
        new_entry.impacts = vec![
            impact("privacy", (4, 4), Some((3, 3))),
            impact("life", (1, 1), None),
        ];
        new_entry.impacts[0].note = "changed note".to_owned();
        let id = EntryId::parse("PND-001").unwrap();
        let privacy = RightId::parse("privacy").unwrap();

        let restore = |working: &mut Register, field: EntryField| {
            restore_field(working, &older, &id, &field).unwrap();
        };
        restore(&mut working, EntryField::Concern);
        assert_eq!(working.entries[0].concern, "old concern");
        assert_eq!(working.entries[0].votes, 5, "votes untouched");

        restore(
            &mut working,
            EntryField::Impact {
                right: privacy.clone(),
                stage: Stage::Residual,
            },
        );
        let restored = working.entries[0].impact(&privacy).unwrap();
        assert_eq!(restored.residual, Assessment::from_values(2, 2));
        assert_eq!(restored.inherent, Assessment::from_values(4, 4).unwrap());
        assert_eq!(restored.note, "changed note");

        restore(
            &mut working,
            EntryField::ImpactNote {
                right: privacy.clone(),
            },
        );
        assert_eq!(
            working.entries[0].impact(&privacy).unwrap().note,
            "privacy note"
        );
        restore(
            &mut working,
            EntryField::Impact {
                right: privacy.clone(),
                stage: Stage::Inherent,
            },
        );
        // A right scored only in the working version is unscored again; one scored only in the
        // older version comes back whole.
        restore(
            &mut working,
            EntryField::Impact {
                right: RightId::parse("life").unwrap(),
                stage: Stage::Inherent,
            },
        );
        restore(
            &mut working,
            EntryField::Impact {
                right: RightId::parse("liberty").unwrap(),
                stage: Stage::Residual,
            },
        );
        restore(&mut working, EntryField::Votes);
        assert_eq!(working.entries[0], old_entry, "every field restored");
    }

    #[test]
    fn restore_field_needs_the_entry_in_both_versions() {
        let older = register(vec![entry("PND-001", "A")]);
        let mut working = register(vec![entry("PND-002", "B")]);
        let before = working.clone();
        let err = restore_field(
            &mut working,
            &older,
            &EntryId::parse("PND-001").unwrap(),
            &EntryField::Issue,
        )
        .unwrap_err();
        assert!(matches!(err, RestoreError::NotInBoth { .. }), "{err}");
        assert_eq!(working, before, "nothing changed");
    }
}
