//! A semantic three-way merge of registers: entries matched by id, fields merged one by one, and
//! collections (mitigations, impacts, groups, systems, rights, workshops) merged as collections,
//! never by position. The engine of the git merge driver (issue 11).
//!
//! The rule for every field: a change on one side wins; the same change on both is no conflict;
//! two different changes are a conflict. Ours stays in place and the conflict is recorded in the
//! register (`Register::conflicts`), so the merged file still loads and `check` fails until
//! `resolve` (or an edit by hand) settles it. Where one side removed a whole thing (an entry, a
//! mitigation, an impact) and the other changed it, the changed one is kept in place, so nothing is
//! lost from view. Pure over data: no I/O.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::register::{
    Action, Conflict, Detail, Entry, EntryId, EntryIds, EntryPart, Impact, ImpactPart, Metadata,
    Mitigation, MitigationPart, Place, Register, Right, System,
};
use crate::register_text::{FormatError, from_ron};
use crate::snapshot::SnapshotRecord;

/// What a merge made: the register, the conflicts it met, and notes on what it did on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// The merged register; its `conflicts` hold every unresolved conflict, these included.
    pub register: Register,
    /// The conflicts this merge met, in register order.
    pub conflicts: Vec<Conflict>,
    /// What the merge decided by itself, such as `theirs' PND-005 is now PND-006`.
    pub notes: Vec<MergeNote>,
}

/// Something a merge decided by itself, for the person merging to know. `Display` is the English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeNote {
    /// Both sides added an entry under one id: theirs took the next id.
    EntryRenumbered {
        /// The id theirs gave it.
        old: EntryId,
        /// The id it has now.
        new: EntryId,
    },
    /// Both sides added an action under one number, differently: theirs took the next number.
    ActionRenumbered {
        /// The number theirs gave it.
        old: u32,
        /// The number it has now.
        new: u32,
    },
    /// An action's link to an entry was taken away: the entry was deleted.
    LinkRemoved {
        /// The action's number.
        action: u32,
        /// The deleted entry.
        entry: EntryId,
    },
}

impl std::fmt::Display for MergeNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::EntryRenumbered { old, new } => write!(f, "theirs' {old} is now {new}"),
            Self::ActionRenumbered { old, new } => {
                write!(f, "theirs' action {old} is now action {new}")
            }
            Self::LinkRemoved { action, entry } => write!(
                f,
                "action {action}'s link to {entry} is taken away: the entry was deleted"
            ),
        }
    }
}

/// Which side's value settles a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Ours: the value in place while the conflict was open.
    Ours,
    /// Theirs.
    Theirs,
}

/// Why a conflict could not be resolved. The register is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResolveError {
    /// No conflict has that position.
    #[error("there is no conflict {number}", number = conflict_idx + 1)]
    NoSuchConflict {
        /// The position asked for, from 0.
        conflict_idx: usize,
    },
    /// The conflict's entry (or mitigation) is no longer in the register.
    #[error("{what} is no longer in the register")]
    Gone {
        /// What is missing.
        what: String,
    },
    /// The stored value is not a value of the field's type (the file was edited by hand).
    #[error("the stored value of {field} cannot be read: {source}")]
    BadValue {
        /// The field.
        field: String,
        /// Why.
        source: FormatError,
    },
}

/// Merges `ours` and `theirs`, two versions made from `base`.
pub fn merge(base: &Register, ours: &Register, theirs: &Register) -> Merged {
    if ours == theirs || theirs == base {
        return clean(ours.clone());
    }
    if ours == base {
        return clean(theirs.clone());
    }
    let mut merging = Merging::default();
    let mut register = ours.clone();
    register.metadata = merge_metadata(
        &mut merging,
        &base.metadata,
        &ours.metadata,
        &theirs.metadata,
    );
    register.systems = merge_by_id(
        &mut merging,
        &base.systems,
        &ours.systems,
        &theirs.systems,
        |system: &System| system.id.clone(),
        |system| Place::System(system.id.clone()),
    );
    register.rights = merge_by_id(
        &mut merging,
        &base.rights,
        &ours.rights,
        &theirs.rights,
        |right: &Right| right.id.clone(),
        |right| Place::Right(right.id.clone()),
    );
    let mut issued = base.issued_ids.clone();
    for (system, &number) in ours.issued_ids.iter().chain(&theirs.issued_ids) {
        let highest = issued.entry(system.clone()).or_insert(0);
        *highest = (*highest).max(number);
    }
    register.issued_ids = issued;
    register.entries = Vec::new();
    let renamed = merge_entries(&mut merging, &mut register, base, ours, theirs);
    merge_actions(&mut merging, &mut register, [base, ours, theirs], &renamed);
    for workshop in &theirs.workshops {
        let is_known = register
            .workshops
            .iter()
            .any(|w| w.title == workshop.title && w.date == workshop.date);
        if !is_known {
            // A workshop only theirs recorded names theirs' ids: renumbered ones get their new id.
            let mut workshop = workshop.clone();
            for (old, new) in &renamed {
                workshop.rename_entry(old, new);
            }
            register.workshops.push(workshop);
        }
    }
    register.snapshots = merge_by_id(
        &mut merging,
        &base.snapshots,
        &ours.snapshots,
        &theirs.snapshots,
        |record: &SnapshotRecord| record.label.clone(),
        |record| Place::Snapshot(record.label.clone()),
    );
    for conflict in &theirs.conflicts {
        if !register.conflicts.contains(conflict) {
            register.conflicts.push(conflict.clone());
        }
    }
    register.conflicts.extend(merging.conflicts.iter().cloned());
    Merged {
        register,
        conflicts: merging.conflicts,
        notes: merging.notes,
    }
}

/// Settles the conflict at `conflict_idx` of `register.conflicts` with `choice`'s value, and
/// removes it from the list.
pub fn resolve(
    register: &mut Register,
    conflict_idx: usize,
    choice: Choice,
) -> Result<(), ResolveError> {
    let Some(conflict) = register.conflicts.get(conflict_idx).cloned() else {
        return Err(ResolveError::NoSuchConflict { conflict_idx });
    };
    let text = match choice {
        Choice::Ours => &conflict.ours,
        Choice::Theirs => &conflict.theirs,
    };
    let mut changed = register.clone();
    let renamed = apply_value(&mut changed, &conflict, text)?;
    changed.conflicts.remove(conflict_idx);
    if let Some((old, new)) = renamed {
        // Other conflicts on the same mitigation find it by its text, which has just changed.
        for other in &mut changed.conflicts {
            if other.entry == conflict.entry
                && let Place::Mitigation { text, part } = &mut other.place
                && *text == old
            {
                text.clone_from(&new);
                other.field = Place::Mitigation {
                    text: new.clone(),
                    part: *part,
                }
                .name();
            }
        }
    }
    *register = changed;
    Ok(())
}

/// The conflicts and notes a merge collects as it goes.
#[derive(Debug, Default)]
struct Merging {
    conflicts: Vec<Conflict>,
    notes: Vec<MergeNote>,
    /// The entry being merged, named in its conflicts.
    entry: Option<EntryId>,
}

impl Merging {
    /// The three-way merge of one value: the changed side's, or ours and a conflict.
    fn pick<T: PartialEq + Clone + Serialize>(
        &mut self,
        place: impl FnOnce() -> Place,
        base: &T,
        ours: &T,
        theirs: &T,
    ) -> T {
        if ours == theirs || theirs == base {
            ours.clone()
        } else if ours == base {
            theirs.clone()
        } else {
            self.conflict(place(), base, ours, theirs);
            ours.clone()
        }
    }

    fn conflict<T: Serialize>(&mut self, place: Place, base: &T, ours: &T, theirs: &T) {
        self.conflicts.push(Conflict {
            entry: self.entry.clone(),
            field: place.name(),
            place,
            base: value_text(base),
            ours: value_text(ours),
            theirs: value_text(theirs),
        });
    }
}

fn clean(register: Register) -> Merged {
    Merged {
        register,
        conflicts: Vec::new(),
        notes: Vec::new(),
    }
}

/// A value as one line of RON; values of the model always serialize.
fn value_text<T: Serialize>(value: &T) -> String {
    ron::to_string(value).unwrap_or_default()
}

fn merge_metadata(
    merging: &mut Merging,
    base: &Metadata,
    ours: &Metadata,
    theirs: &Metadata,
) -> Metadata {
    let place = |detail| move || Place::Detail(detail);
    Metadata {
        title: merging.pick(
            place(Detail::Title),
            &base.title,
            &ours.title,
            &theirs.title,
        ),
        programme: merging.pick(
            place(Detail::Programme),
            &base.programme,
            &ours.programme,
            &theirs.programme,
        ),
        version_label: merging.pick(
            place(Detail::VersionLabel),
            &base.version_label,
            &ours.version_label,
            &theirs.version_label,
        ),
        date_issued: merging.pick(
            place(Detail::DateIssued),
            &base.date_issued,
            &ours.date_issued,
            &theirs.date_issued,
        ),
        status: merging.pick(
            place(Detail::Status),
            &base.status,
            &ours.status,
            &theirs.status,
        ),
        marking: merging.pick(
            place(Detail::Marking),
            &base.marking,
            &ours.marking,
            &theirs.marking,
        ),
        owner: merging.pick(
            place(Detail::Owner),
            &base.owner,
            &ours.owner,
            &theirs.owner,
        ),
        purpose: merging.pick(
            place(Detail::Purpose),
            &base.purpose,
            &ours.purpose,
            &theirs.purpose,
        ),
        language: merging.pick(
            place(Detail::Language),
            &base.language,
            &ours.language,
            &theirs.language,
        ),
        prior_consultation: merging.pick(
            place(Detail::PriorConsultation),
            &base.prior_consultation,
            &ours.prior_consultation,
            &theirs.prior_consultation,
        ),
    }
}

/// Merges a collection of things with ids, each as a whole: ours' order, then theirs' additions.
fn merge_by_id<'a, T, K>(
    merging: &mut Merging,
    base: &'a [T],
    ours: &'a [T],
    theirs: &'a [T],
    key: impl Fn(&T) -> K,
    place: impl Fn(&T) -> Place,
) -> Vec<T>
where
    T: PartialEq + Clone + Serialize,
    K: PartialEq,
{
    if ours == theirs || theirs == base {
        return ours.to_vec();
    }
    if ours == base {
        return theirs.to_vec();
    }
    let find = |list: &'a [T], wanted: &K| list.iter().find(|item| key(item) == *wanted);
    let mut merged = Vec::new();
    let merge_one = |merging: &mut Merging, item: &T, merged: &mut Vec<T>| {
        let id = key(item);
        let chosen = merging.pick_whole(
            || place(item),
            find(base, &id),
            find(ours, &id),
            find(theirs, &id),
        );
        merged.extend(chosen);
    };
    for item in ours {
        merge_one(merging, item, &mut merged);
    }
    for item in theirs {
        if find(ours, &key(item)).is_none() {
            merge_one(merging, item, &mut merged);
        }
    }
    merged
}

impl Merging {
    /// The three-way merge of a whole optional thing; where one side removed it and the other
    /// changed it, the changed one is kept (and the conflict recorded).
    fn pick_whole<T: PartialEq + Clone + Serialize>(
        &mut self,
        place: impl FnOnce() -> Place,
        base: Option<&T>,
        ours: Option<&T>,
        theirs: Option<&T>,
    ) -> Option<T> {
        let picked = self.pick(place, &base, &ours, &theirs);
        if picked.is_none() && ours != theirs && ours != base && theirs != base {
            theirs.cloned()
        } else {
            picked.cloned()
        }
    }
}

/// Merges the entries into `register`; returns theirs' new entries that were renumbered, as
/// (their id, the id they have now).
fn merge_entries(
    merging: &mut Merging,
    register: &mut Register,
    base: &Register,
    ours: &Register,
    theirs: &Register,
) -> Vec<(EntryId, EntryId)> {
    let mut renumbered = Vec::new();
    // Looked up once each, so the merge stays linear in the entries (`Register::entry` scans).
    let (base_ids, ours_ids, theirs_ids) = (by_id(base), by_id(ours), by_id(theirs));
    for entry in &ours.entries {
        match (
            base_ids.get(&entry.id).copied(),
            theirs_ids.get(&entry.id).copied(),
        ) {
            (Some(before), Some(their)) => {
                merging.entry = Some(entry.id.clone());
                let merged = merge_entry(merging, before, entry, their);
                register.entries.push(merged);
            }
            (Some(before), None) if entry != before => {
                merging.entry = Some(entry.id.clone());
                merging.conflict(Place::Entry, &Some(before), &Some(entry), &None::<&Entry>);
                register.entries.push(entry.clone());
            }
            (Some(_), None) => {}
            (None, _) => register.entries.push(entry.clone()),
        }
    }
    for entry in &theirs.entries {
        match (
            base_ids.get(&entry.id).copied(),
            ours_ids.get(&entry.id).copied(),
        ) {
            (Some(before), None) if entry != before => {
                merging.entry = Some(entry.id.clone());
                merging.conflict(Place::Entry, &Some(before), &None::<&Entry>, &Some(entry));
                register.entries.push(entry.clone());
            }
            (None, None) => register.entries.push(entry.clone()),
            (None, Some(our)) if our != entry => renumbered.push(entry.clone()),
            _ => {}
        }
    }
    merging.entry = None;
    let mut renamed = Vec::new();
    let mut ids = EntryIds::of(register);
    for mut entry in renumbered {
        let new_id = ids.issue(register, &entry.system);
        merging.notes.push(MergeNote::EntryRenumbered {
            old: entry.id.clone(),
            new: new_id.clone(),
        });
        renamed.push((entry.id.clone(), new_id.clone()));
        entry.id = new_id;
        register.entries.push(entry);
    }
    renamed
}

/// Merges the action logs by number, each action as a whole. An action both sides added under
/// the same new number, differently, is two actions: theirs takes the next number, as entries do.
/// Theirs' actions follow theirs' entries and actions that were renumbered, and a link to an entry
/// the merged register no longer has (deleted on one side) is taken away, as deleting does.
fn merge_actions(
    merging: &mut Merging,
    register: &mut Register,
    [base, ours, theirs]: [&Register; 3],
    renamed_entries: &[(EntryId, EntryId)],
) {
    let is_new_on_both = |action: &Action| {
        base.action(action.number).is_none()
            && ours.action(action.number).is_some_and(|our| our != action)
    };
    let (clashing, kept): (Vec<Action>, Vec<Action>) =
        theirs.actions.iter().cloned().partition(is_new_on_both);
    let mut merged = merge_by_id(
        merging,
        &base.actions,
        &ours.actions,
        &kept,
        |action: &Action| action.number,
        |action| Place::Action(action.number),
    );
    let highest_in_use = [&base.actions, &ours.actions, &theirs.actions]
        .into_iter()
        .flatten()
        .map(|action| action.number)
        .max()
        .unwrap_or(0);
    let mut last = base
        .last_action_number
        .max(ours.last_action_number)
        .max(theirs.last_action_number)
        .max(highest_in_use);
    let mut renamed_actions = Vec::new();
    for mut action in clashing {
        last += 1;
        merging.notes.push(MergeNote::ActionRenumbered {
            old: action.number,
            new: last,
        });
        renamed_actions.push((action.number, last));
        action.number = last;
        merged.push(action);
    }
    for action in &mut merged {
        let is_theirs = ours.action(action.number) != Some(&*action)
            || renamed_actions.iter().any(|&(_, new)| new == action.number);
        if is_theirs {
            follow_renames(action, renamed_entries, &renamed_actions);
        }
        let gone: Vec<EntryId> = action
            .entries
            .iter()
            .filter(|id| register.entry(id).is_none())
            .cloned()
            .collect();
        for id in gone {
            merging.notes.push(MergeNote::LinkRemoved {
                action: action.number,
                entry: id.clone(),
            });
            action.entries.retain(|e| *e != id);
        }
        if action
            .mitigation
            .as_ref()
            .is_some_and(|m| register.entry(&m.entry).is_none())
        {
            action.mitigation = None;
        }
    }
    register.actions = merged;
    register.last_action_number = last;
}

/// Points theirs' action at theirs' entries and actions by the ids they have after the merge.
fn follow_renames(action: &mut Action, entries: &[(EntryId, EntryId)], actions: &[(u32, u32)]) {
    for id in &mut action.entries {
        if let Some((_, new)) = entries.iter().find(|(old, _)| old == id) {
            id.clone_from(new);
        }
    }
    if let Some(mitigation) = &mut action.mitigation
        && let Some((_, new)) = entries.iter().find(|(old, _)| *old == mitigation.entry)
    {
        mitigation.entry.clone_from(new);
    }
    for link in &mut action.links {
        if let Some(&(_, new)) = actions.iter().find(|&&(old, _)| old == link.action) {
            link.action = new;
        }
    }
}

/// The entries of `register` by id: the first with each id, as `Register::entry` finds it.
fn by_id(register: &Register) -> BTreeMap<&EntryId, &Entry> {
    let mut index = BTreeMap::new();
    for entry in &register.entries {
        index.entry(&entry.id).or_insert(entry);
    }
    index
}

fn merge_entry(merging: &mut Merging, base: &Entry, ours: &Entry, theirs: &Entry) -> Entry {
    if ours == theirs || theirs == base {
        return ours.clone();
    }
    if ours == base {
        return theirs.clone();
    }
    let field = |part| move || Place::EntryField(part);
    let mut merged = ours.clone();
    merged.system = merging.pick(
        field(EntryPart::System),
        &base.system,
        &ours.system,
        &theirs.system,
    );
    merged.category = merging.pick(
        field(EntryPart::Category),
        &base.category,
        &ours.category,
        &theirs.category,
    );
    merged.issue = merging.pick(
        field(EntryPart::Issue),
        &base.issue,
        &ours.issue,
        &theirs.issue,
    );
    merged.concern = merging.pick(
        field(EntryPart::Concern),
        &base.concern,
        &ours.concern,
        &theirs.concern,
    );
    merged.must_have = merging.pick(
        field(EntryPart::MustHave),
        &base.must_have,
        &ours.must_have,
        &theirs.must_have,
    );
    merged.votes = merging.pick(
        field(EntryPart::Votes),
        &base.votes,
        &ours.votes,
        &theirs.votes,
    );
    merged.source = merging.pick(
        field(EntryPart::Source),
        &base.source,
        &ours.source,
        &theirs.source,
    );
    merged.balancing.purposes = merging.pick(
        field(EntryPart::BalancingPurposes),
        &base.balancing.purposes,
        &ours.balancing.purposes,
        &theirs.balancing.purposes,
    );
    merged.balancing.note = merging.pick(
        field(EntryPart::BalancingNote),
        &base.balancing.note,
        &ours.balancing.note,
        &theirs.balancing.note,
    );
    merged.acceptance = merging.pick(
        field(EntryPart::Acceptance),
        &base.acceptance,
        &ours.acceptance,
        &theirs.acceptance,
    );
    merged.confidential = merge_set(
        &base.confidential.iter().copied().collect::<Vec<_>>(),
        &ours.confidential.iter().copied().collect::<Vec<_>>(),
        &theirs.confidential.iter().copied().collect::<Vec<_>>(),
    )
    .into_iter()
    .collect();
    merged.affected_groups = merge_set(
        &base.affected_groups,
        &ours.affected_groups,
        &theirs.affected_groups,
    );
    merged.impacts = merge_impacts(merging, &base.impacts, &ours.impacts, &theirs.impacts);
    merged.mitigations = merge_mitigations(
        merging,
        &base.mitigations,
        &ours.mitigations,
        &theirs.mitigations,
    );
    merged
}

/// A set's three-way merge: what both keep, and what either adds; ours' order, then theirs'.
fn merge_set<T: PartialEq + Clone>(base: &[T], ours: &[T], theirs: &[T]) -> Vec<T> {
    if ours == base {
        return theirs.to_vec();
    }
    let mut merged: Vec<T> = ours
        .iter()
        .filter(|item| theirs.contains(item) || !base.contains(item))
        .cloned()
        .collect();
    for item in theirs {
        if !base.contains(item) && !merged.contains(item) {
            merged.push(item.clone());
        }
    }
    merged
}

/// Impacts merged by right; inherent, residual and note each three ways where all three have it.
fn merge_impacts(
    merging: &mut Merging,
    base: &[Impact],
    ours: &[Impact],
    theirs: &[Impact],
) -> Vec<Impact> {
    if ours == theirs || theirs == base {
        return ours.to_vec();
    }
    if ours == base {
        return theirs.to_vec();
    }
    let find =
        |list: &[Impact], impact: &Impact| list.iter().find(|i| i.right == impact.right).cloned();
    let mut merged = Vec::new();
    let rights = ours
        .iter()
        .chain(theirs.iter().filter(|impact| find(ours, impact).is_none()));
    for impact in rights {
        let right = impact.right.clone();
        let place = |part| {
            let right = right.clone();
            move || Place::Impact { right, part }
        };
        match (find(base, impact), find(ours, impact), find(theirs, impact)) {
            (Some(before), Some(our), Some(their)) => {
                let mut one = our.clone();
                one.inherent = merging.pick(
                    place(ImpactPart::Inherent),
                    &before.inherent,
                    &our.inherent,
                    &their.inherent,
                );
                one.residual = merging.pick(
                    place(ImpactPart::Residual),
                    &before.residual,
                    &our.residual,
                    &their.residual,
                );
                one.note = merging.pick(
                    place(ImpactPart::Note),
                    &before.note,
                    &our.note,
                    &their.note,
                );
                merged.push(one);
            }
            (before, our, their) => {
                merged.extend(merging.pick_whole(
                    place(ImpactPart::Whole),
                    before.as_ref(),
                    our.as_ref(),
                    their.as_ref(),
                ));
            }
        }
    }
    merged
}

/// For each of `side`'s mitigations, the one of `base` it is: the same text first, then those left
/// over in order (a text edited), as `diff` matches them.
fn match_mitigations(base: &[Mitigation], side: &[Mitigation]) -> Vec<Option<usize>> {
    let mut matched: Vec<Option<usize>> = vec![None; side.len()];
    let mut is_taken = vec![false; base.len()];
    for (slot, mitigation) in matched.iter_mut().zip(side) {
        let found = base.iter().enumerate().position(|(idx, m)| {
            !is_taken.get(idx).copied().unwrap_or(true) && m.text == mitigation.text
        });
        if let Some(idx) = found {
            *slot = Some(idx);
            if let Some(taken) = is_taken.get_mut(idx) {
                *taken = true;
            }
        }
    }
    let mut left_over = (0..base.len()).filter(|&idx| !is_taken.get(idx).copied().unwrap_or(true));
    for slot in &mut matched {
        if slot.is_none() {
            *slot = left_over.next();
        }
    }
    matched
}

/// Mitigations merged as a collection: matched to base by text, each part three ways; added on
/// either side kept; removed on one side and unchanged on the other removed.
fn merge_mitigations(
    merging: &mut Merging,
    base: &[Mitigation],
    ours: &[Mitigation],
    theirs: &[Mitigation],
) -> Vec<Mitigation> {
    if ours == theirs || theirs == base {
        return ours.to_vec();
    }
    if ours == base {
        return theirs.to_vec();
    }
    let our_match = match_mitigations(base, ours);
    let their_match = match_mitigations(base, theirs);
    // For each base mitigation, theirs' counterpart.
    let mut theirs_of: BTreeMap<usize, &Mitigation> = BTreeMap::new();
    for (mitigation, base_idx) in theirs.iter().zip(&their_match) {
        if let Some(base_idx) = base_idx {
            theirs_of.insert(*base_idx, mitigation);
        }
    }
    let ours_of: BTreeSet<usize> = our_match.iter().flatten().copied().collect();
    let mut merged: Vec<Mitigation> = Vec::new();
    for (our, base_idx) in ours.iter().zip(&our_match) {
        let Some(before) = base_idx.and_then(|idx| base.get(idx)) else {
            merged.push(our.clone());
            continue;
        };
        let Some(&their) = base_idx.and_then(|idx| theirs_of.get(&idx)) else {
            // Removed by them: gone, unless we changed it.
            let kept = merging.pick_whole(
                || Place::Mitigation {
                    text: our.text.clone(),
                    part: MitigationPart::Whole,
                },
                Some(before),
                Some(our),
                None,
            );
            merged.extend(kept);
            continue;
        };
        let mut one = our.clone();
        one.text = merging.pick(
            || Place::Mitigation {
                text: our.text.clone(),
                part: MitigationPart::Text,
            },
            &before.text,
            &our.text,
            &their.text,
        );
        // The other parts' conflicts find the mitigation by the text now in place.
        let place = |part| {
            let text = one.text.clone();
            move || Place::Mitigation { text, part }
        };
        one.status = merging.pick(
            place(MitigationPart::Status),
            &before.status,
            &our.status,
            &their.status,
        );
        one.owner = merging.pick(
            place(MitigationPart::Owner),
            &before.owner,
            &our.owner,
            &their.owner,
        );
        one.due = merging.pick(
            place(MitigationPart::Due),
            &before.due,
            &our.due,
            &their.due,
        );
        merged.push(one);
    }
    for (their, base_idx) in theirs.iter().zip(&their_match) {
        match base_idx.and_then(|idx| base.get(idx).map(|before| (idx, before))) {
            None => {
                if !merged.contains(their) {
                    merged.push(their.clone());
                }
            }
            Some((idx, before)) if !ours_of.contains(&idx) => {
                // Removed by us: gone, unless they changed it.
                let kept = merging.pick_whole(
                    || Place::Mitigation {
                        text: their.text.clone(),
                        part: MitigationPart::Whole,
                    },
                    Some(before),
                    None,
                    Some(their),
                );
                merged.extend(kept);
            }
            Some(_) => {}
        }
    }
    merged
}

/// Sets the conflict's field to the value in `text`; a mitigation whose text changed is returned
/// as `(old, new)`.
fn apply_value(
    register: &mut Register,
    conflict: &Conflict,
    text: &str,
) -> Result<Option<(String, String)>, ResolveError> {
    let value = ValueText {
        field: &conflict.field,
        text,
    };
    match &conflict.place {
        Place::Detail(detail) => {
            let metadata = &mut register.metadata;
            match detail {
                Detail::Title => metadata.title = value.read()?,
                Detail::Programme => metadata.programme = value.read()?,
                Detail::VersionLabel => metadata.version_label = value.read()?,
                Detail::DateIssued => metadata.date_issued = value.read()?,
                Detail::Status => metadata.status = value.read()?,
                Detail::Marking => metadata.marking = value.read()?,
                Detail::Owner => metadata.owner = value.read()?,
                Detail::Purpose => metadata.purpose = value.read()?,
                Detail::Language => metadata.language = value.read()?,
                Detail::PriorConsultation => metadata.prior_consultation = value.read()?,
            }
            Ok(None)
        }
        Place::System(id) => {
            let chosen: Option<System> = value.read()?;
            set_in(&mut register.systems, |s| &s.id == id, chosen);
            Ok(None)
        }
        Place::Right(id) => {
            let chosen: Option<Right> = value.read()?;
            set_in(&mut register.rights, |r| &r.id == id, chosen);
            Ok(None)
        }
        Place::Snapshot(label) => {
            let chosen: Option<SnapshotRecord> = value.read()?;
            set_in(&mut register.snapshots, |r| &r.label == label, chosen);
            Ok(None)
        }
        Place::Action(number) => {
            let mut chosen: Option<Action> = value.read()?;
            // A link to an entry deleted since (on either side) goes, as deleting an entry does.
            if let Some(action) = &mut chosen {
                action.entries.retain(|id| register.entry(id).is_some());
                if action
                    .mitigation
                    .as_ref()
                    .is_some_and(|m| register.entry(&m.entry).is_none())
                {
                    action.mitigation = None;
                }
            }
            set_in(&mut register.actions, |a| a.number == *number, chosen);
            Ok(None)
        }
        place => {
            let Some(id) = &conflict.entry else {
                return Err(ResolveError::Gone {
                    what: "the conflict's entry".to_owned(),
                });
            };
            if *place == Place::Entry {
                let chosen: Option<Entry> = value.read()?;
                set_in(&mut register.entries, |e| &e.id == id, chosen);
                return Ok(None);
            }
            let Some(entry) = register.entry_mut(id) else {
                return Err(ResolveError::Gone {
                    what: format!("entry {id}"),
                });
            };
            apply_to_entry(entry, place, &value)
        }
    }
}

fn apply_to_entry(
    entry: &mut Entry,
    place: &Place,
    value: &ValueText<'_>,
) -> Result<Option<(String, String)>, ResolveError> {
    match place {
        Place::EntryField(part) => match part {
            EntryPart::System => entry.system = value.read()?,
            EntryPart::Category => entry.category = value.read()?,
            EntryPart::Issue => entry.issue = value.read()?,
            EntryPart::Concern => entry.concern = value.read()?,
            EntryPart::MustHave => entry.must_have = value.read()?,
            EntryPart::Votes => entry.votes = value.read()?,
            EntryPart::Source => entry.source = value.read()?,
            EntryPart::BalancingPurposes => entry.balancing.purposes = value.read()?,
            EntryPart::BalancingNote => entry.balancing.note = value.read()?,
            EntryPart::Acceptance => entry.acceptance = value.read()?,
        },
        Place::Impact { right, part } => {
            if *part == ImpactPart::Whole {
                let chosen: Option<Impact> = value.read()?;
                set_in(&mut entry.impacts, |i| &i.right == right, chosen);
                return Ok(None);
            }
            let Some(impact) = entry.impacts.iter_mut().find(|i| &i.right == right) else {
                return Err(ResolveError::Gone {
                    what: format!("the {right} impact of entry {}", entry.id),
                });
            };
            match part {
                ImpactPart::Inherent => impact.inherent = value.read()?,
                ImpactPart::Residual => impact.residual = value.read()?,
                ImpactPart::Note | ImpactPart::Whole => impact.note = value.read()?,
            }
        }
        Place::Mitigation { text, part } => {
            if *part == MitigationPart::Whole {
                let chosen: Option<Mitigation> = value.read()?;
                set_in(&mut entry.mitigations, |m| &m.text == text, chosen);
                return Ok(None);
            }
            let Some(mitigation) = entry.mitigations.iter_mut().find(|m| &m.text == text) else {
                return Err(ResolveError::Gone {
                    what: format!("mitigation \"{text}\" of entry {}", entry.id),
                });
            };
            match part {
                MitigationPart::Text | MitigationPart::Whole => {
                    let new: String = value.read()?;
                    mitigation.text.clone_from(&new);
                    return Ok(Some((text.clone(), new)));
                }
                MitigationPart::Status => mitigation.status = value.read()?,
                MitigationPart::Owner => mitigation.owner = value.read()?,
                MitigationPart::Due => mitigation.due = value.read()?,
            }
        }
        Place::Detail(_)
        | Place::System(_)
        | Place::Right(_)
        | Place::Snapshot(_)
        | Place::Action(_)
        | Place::Entry => {}
    }
    Ok(None)
}

/// A stored value and the field it is for, named when it cannot be read.
struct ValueText<'a> {
    field: &'a str,
    text: &'a str,
}

impl ValueText<'_> {
    fn read<T: DeserializeOwned>(&self) -> Result<T, ResolveError> {
        from_ron(self.text).map_err(|source| ResolveError::BadValue {
            field: self.field.to_owned(),
            source,
        })
    }
}

/// Puts `chosen` where `is_it` finds an item (or at the end), or removes the item for `None`.
fn set_in<T>(list: &mut Vec<T>, is_it: impl Fn(&T) -> bool, chosen: Option<T>) {
    let idx = list.iter().position(&is_it);
    match (idx, chosen) {
        (Some(idx), Some(value)) => {
            if let Some(slot) = list.get_mut(idx) {
                *slot = value;
            }
        }
        (None, Some(value)) => list.push(value),
        (Some(_), None) => list.retain(|item| !is_it(item)),
        (None, None) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{self, DetailText, Edit, EntryText};
    use crate::register::{
        Assessment, Field, MitigationStatus, RightId, Stage, SystemId, Workshop,
    };
    use crate::register_text;
    use crate::testing::{entry, register};

    /// The merge's notes, in English.
    fn notes(merged: &Merged) -> Vec<String> {
        merged.notes.iter().map(ToString::to_string).collect()
    }

    fn id(text: &str) -> EntryId {
        EntryId::parse(text).unwrap()
    }

    fn right(text: &str) -> RightId {
        RightId::parse(text).unwrap()
    }

    fn base() -> Register {
        let mut one = entry("PND-001", "Custody images");
        one.concern = "Kept too long".to_owned();
        one.affected_groups = vec!["victims".to_owned(), "children".to_owned()];
        one.mitigations = vec![
            Mitigation::proposed("Train the users"),
            Mitigation::proposed("Audit access"),
        ];
        one.impacts = vec![Impact::new(
            right("privacy"),
            Assessment::from_values(3, 3).unwrap(),
        )];
        let mut register = register(vec![one, entry("PND-002", "Data quality")]);
        register
            .issued_ids
            .insert(SystemId::parse("PND").unwrap(), 2);
        register
    }

    fn edited(change: impl FnOnce(&mut Register)) -> Register {
        let mut register = base();
        change(&mut register);
        register
    }

    fn first(register: &mut Register) -> &mut Entry {
        register.entry_mut(&id("PND-001")).unwrap()
    }

    fn fields(merged: &Merged) -> Vec<String> {
        merged.conflicts.iter().map(|c| c.field.clone()).collect()
    }

    #[test]
    fn one_sided_and_identical_changes_merge_cleanly() {
        let ours = edited(|r| first(r).concern = "Kept for ever".to_owned());
        let theirs = edited(|r| {
            first(r).votes = 3;
            first(r).concern = "Kept for ever".to_owned();
        });
        let merged = merge(&base(), &ours, &theirs);
        assert_eq!(fields(&merged), Vec::<String>::new());
        let one = merged.register.entry(&id("PND-001")).unwrap();
        assert_eq!(one.concern, "Kept for ever");
        assert_eq!(one.votes, 3);
        assert!(merged.register.conflicts.is_empty());
    }

    #[test]
    fn different_changes_to_one_field_conflict_and_ours_stays_in_place() {
        let ours = edited(|r| first(r).concern = "Ours".to_owned());
        let theirs = edited(|r| first(r).concern = "Theirs".to_owned());
        let merged = merge(&base(), &ours, &theirs);
        assert_eq!(fields(&merged), ["concern"]);
        let conflict = &merged.register.conflicts[0];
        assert_eq!(conflict.entry, Some(id("PND-001")));
        assert_eq!(
            (
                conflict.base.as_str(),
                conflict.ours.as_str(),
                conflict.theirs.as_str()
            ),
            ("\"Kept too long\"", "\"Ours\"", "\"Theirs\"")
        );
        assert_eq!(
            merged.register.entry(&id("PND-001")).unwrap().concern,
            "Ours"
        );
        let problems: Vec<String> = crate::check::check(&merged.register)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            problems,
            [
                "entry PND-001: unresolved merge conflict on concern: ours \"Ours\", theirs \"Theirs\""
            ]
        );

        let mut taken = merged.register.clone();
        resolve(&mut taken, 0, Choice::Theirs).unwrap();
        assert_eq!(taken.entry(&id("PND-001")).unwrap().concern, "Theirs");
        assert!(taken.conflicts.is_empty());
        assert!(crate::check::check(&taken).is_empty());
        let mut kept = merged.register.clone();
        resolve(&mut kept, 0, Choice::Ours).unwrap();
        assert_eq!(kept, ours, "taking ours gives ours");
        assert_eq!(
            resolve(&mut kept, 0, Choice::Ours),
            Err(ResolveError::NoSuchConflict { conflict_idx: 0 })
        );
    }

    #[test]
    fn conflicts_survive_a_save_and_leave_other_registers_byte_identical() {
        let plain = register_text::to_text(&base()).unwrap();
        assert!(!plain.contains("conflicts"), "{plain}");
        let ours = edited(|r| r.metadata.title = "Ours".to_owned());
        let theirs = edited(|r| r.metadata.title = "Theirs".to_owned());
        let merged = merge(&base(), &ours, &theirs);
        assert_eq!(fields(&merged), ["title"]);
        assert_eq!(merged.conflicts[0].entry, None);
        let text = register_text::to_text(&merged.register).unwrap();
        let mut back = register_text::parse(&text).unwrap();
        assert_eq!(back, merged.register);
        resolve(&mut back, 0, Choice::Theirs).unwrap();
        assert_eq!(back, theirs);
    }

    #[test]
    fn sets_merge_adds_and_removes_from_both_sides() {
        let ours = edited(|r| {
            let one = first(r);
            one.affected_groups.retain(|g| g != "victims");
            one.affected_groups.push("witnesses".to_owned());
            one.confidential.insert(Field::Concern);
        });
        let theirs = edited(|r| {
            let one = first(r);
            one.affected_groups.push("suspects".to_owned());
            one.confidential.insert(Field::Owner);
        });
        let merged = merge(&base(), &ours, &theirs);
        assert_eq!(fields(&merged), Vec::<String>::new());
        let one = merged.register.entry(&id("PND-001")).unwrap();
        assert_eq!(one.affected_groups, ["children", "witnesses", "suspects"]);
        assert_eq!(
            one.confidential.iter().copied().collect::<Vec<_>>(),
            [Field::Concern, Field::Owner]
        );
    }

    #[test]
    fn impacts_merge_by_right_and_part() {
        let ours = edited(|r| first(r).impacts[0].residual = Assessment::from_values(2, 2));
        let theirs = edited(|r| {
            let one = first(r);
            one.impacts[0].note = "Shared with forces".to_owned();
            one.impacts.insert(
                0,
                Impact::new(right("liberty"), Assessment::from_values(1, 2).unwrap()),
            );
        });
        let merged = merge(&base(), &ours, &theirs);
        assert_eq!(fields(&merged), Vec::<String>::new());
        let one = merged.register.entry(&id("PND-001")).unwrap();
        let privacy = one.impact(&right("privacy")).unwrap();
        assert_eq!(privacy.residual, Assessment::from_values(2, 2));
        assert_eq!(privacy.note, "Shared with forces");
        assert!(one.impact(&right("liberty")).is_some());

        let theirs = edited(|r| first(r).impacts[0].residual = Assessment::from_values(1, 1));
        let merged = merge(&base(), &ours, &theirs);
        assert_eq!(fields(&merged), ["privacy residual"]);
        let mut resolved = merged.register;
        resolve(&mut resolved, 0, Choice::Theirs).unwrap();
        assert_eq!(resolved, theirs);

        let removed = edited(|r| first(r).impacts.clear());
        let merged = merge(&base(), &removed, &ours);
        assert_eq!(fields(&merged), ["privacy impact"]);
        let mut resolved = merged.register;
        resolve(&mut resolved, 0, Choice::Ours).unwrap();
        assert_eq!(resolved, removed);
    }

    #[test]
    fn mitigations_merge_as_a_collection() {
        let ours = edited(|r| {
            let one = first(r);
            one.mitigations[0].status = MitigationStatus::Agreed;
            one.mitigations.remove(1);
            one.mitigations.push(Mitigation::proposed("Weed yearly"));
        });
        let theirs = edited(|r| {
            let one = first(r);
            one.mitigations.reverse();
            one.mitigations[1].owner = "Home Office".to_owned();
            one.mitigations
                .push(Mitigation::proposed("Publish the policy"));
        });
        let merged = merge(&base(), &ours, &theirs);
        assert_eq!(fields(&merged), Vec::<String>::new());
        let one = merged.register.entry(&id("PND-001")).unwrap();
        let texts: Vec<&str> = one.mitigations.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(
            texts,
            ["Train the users", "Weed yearly", "Publish the policy"]
        );
        assert_eq!(one.mitigations[0].status, MitigationStatus::Agreed);
        assert_eq!(one.mitigations[0].owner, "Home Office");

        // Removed (not replaced) on our side, changed on theirs.
        let ours = edited(|r| {
            first(r).mitigations[0].status = MitigationStatus::Agreed;
            first(r).mitigations.remove(1);
        });
        let theirs = edited(|r| {
            first(r).mitigations[0].status = MitigationStatus::Rejected;
            first(r).mitigations[1].status = MitigationStatus::Implemented;
        });
        let merged = merge(&base(), &ours, &theirs);
        assert_eq!(
            fields(&merged),
            [
                "mitigation \"Train the users\" status",
                "mitigation \"Audit access\""
            ]
        );
        let one = merged.register.entry(&id("PND-001")).unwrap();
        assert_eq!(one.mitigations.len(), 2, "the changed one is kept in place");
        let mut resolved = merged.register.clone();
        resolve(&mut resolved, 1, Choice::Ours).unwrap();
        resolve(&mut resolved, 0, Choice::Ours).unwrap();
        assert_eq!(resolved, ours);
    }

    #[test]
    fn a_text_resolution_keeps_the_other_conflicts_on_that_mitigation() {
        let ours = edited(|r| {
            first(r).mitigations[0].text = "Train everyone".to_owned();
            first(r).mitigations[0].owner = "Us".to_owned();
        });
        let theirs = edited(|r| {
            first(r).mitigations[0].text = "Train the staff".to_owned();
            first(r).mitigations[0].owner = "Them".to_owned();
        });
        let mut merged = merge(&base(), &ours, &theirs).register;
        assert_eq!(merged.conflicts.len(), 2);
        resolve(&mut merged, 0, Choice::Theirs).unwrap();
        assert_eq!(
            merged.conflicts[0].field,
            "mitigation \"Train the staff\" owner"
        );
        resolve(&mut merged, 0, Choice::Theirs).unwrap();
        assert_eq!(merged, theirs);
    }

    #[test]
    fn delete_against_edit_is_a_conflict_that_keeps_the_edited_entry() {
        let deleted = edited(|r| r.entries.retain(|e| e.id != id("PND-001")));
        let changed = edited(|r| first(r).votes = 5);
        for (ours, theirs) in [(&deleted, &changed), (&changed, &deleted)] {
            let merged = merge(&base(), ours, theirs);
            assert_eq!(
                fields(&merged),
                ["entry deleted on one side, edited on the other"]
            );
            assert_eq!(merged.register.entry(&id("PND-001")).unwrap().votes, 5);
            let mut resolved = merged.register.clone();
            resolve(&mut resolved, 0, Choice::Ours).unwrap();
            assert_eq!(&resolved.entries, &ours.entries);
        }
        let untouched = edited(|r| r.metadata.owner = "DPO".to_owned());
        let merged = merge(&base(), &untouched, &deleted);
        assert!(merged.conflicts.is_empty());
        assert!(merged.register.entry(&id("PND-001")).is_none());
        assert_eq!(merged.register.metadata.owner, "DPO");
    }

    #[test]
    fn theirs_actions_follow_theirs_renumbered_entries_and_actions() {
        use crate::register::{Action, ActionLink, LinkKind};
        let pnd = SystemId::parse("PND").unwrap();
        let add = |r: &mut Register, issue: &str, action_text: &str| {
            edit::apply(
                r,
                Edit::AddEntry {
                    system: pnd.clone(),
                },
            )
            .unwrap();
            let entry = r.entries.last().unwrap().id.clone();
            r.entries.last_mut().unwrap().issue = issue.to_owned();
            let mut action = Action::new(0, action_text);
            action.entries.push(entry);
            edit::apply(
                r,
                Edit::AddAction {
                    action: Box::new(action),
                },
            )
            .unwrap();
        };
        let ours = edited(|r| add(r, "Ours", "Ours' action"));
        let theirs = edited(|r| {
            add(r, "Theirs", "Theirs' action");
            let mut follow_up = Action::new(0, "Theirs' follow-up");
            follow_up.links.push(ActionLink {
                kind: LinkKind::LinksTo,
                action: 1,
            });
            edit::apply(
                r,
                Edit::AddAction {
                    action: Box::new(follow_up),
                },
            )
            .unwrap();
        });
        let merged = merge(&base(), &ours, &theirs);
        assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        let new_entry = |r: &Register| r.entries.last().unwrap().id.clone();
        let theirs_entry = new_entry(&merged.register);
        assert_ne!(theirs_entry, new_entry(&ours), "theirs' entry renumbered");
        let theirs_action = merged
            .register
            .actions
            .iter()
            .find(|a| a.text == "Theirs' action")
            .unwrap();
        assert_eq!(theirs_action.entries, [theirs_entry], "follows its entry");
        let follow_up = merged.register.action(2).unwrap();
        assert_eq!(follow_up.text, "Theirs' follow-up");
        assert_eq!(
            follow_up.links[0].action, theirs_action.number,
            "follows its renumbered action"
        );
        assert!(crate::check::check(&merged.register).is_empty());
    }

    #[test]
    fn actions_merge_by_number_and_the_same_new_number_is_renumbered_in_theirs() {
        use crate::register::{Action, ActionStatus};
        let base = edited(|r| {
            r.actions.push(Action::new(16, "Provocation paper"));
            r.actions.push(Action::new(17, "Data input"));
            r.last_action_number = 17;
        });
        let ours = edited(|r| {
            r.actions = base.actions.clone();
            r.actions[0].status = ActionStatus::Ongoing;
            r.actions[1].status = ActionStatus::Complete;
            r.actions.push(Action::new(18, "Ours' new action"));
            r.last_action_number = 18;
        });
        let theirs = edited(|r| {
            r.actions = base.actions.clone();
            r.actions[1].status = ActionStatus::Closed;
            r.actions.push(Action::new(18, "Theirs' new action"));
            r.last_action_number = 18;
        });
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(fields(&merged), ["action 17"], "both changed 17");
        assert_eq!(notes(&merged), ["theirs' action 18 is now action 19"]);
        let summary: Vec<(u32, &str, ActionStatus)> = merged
            .register
            .actions
            .iter()
            .map(|a| (a.number, a.text.as_str(), a.status))
            .collect();
        assert_eq!(
            summary,
            [
                (16, "Provocation paper", ActionStatus::Ongoing),
                (17, "Data input", ActionStatus::Complete),
                (18, "Ours' new action", ActionStatus::NotStarted),
                (19, "Theirs' new action", ActionStatus::NotStarted),
            ]
        );
        assert_eq!(merged.register.last_action_number, 19);
        let mut resolved = merged.register.clone();
        resolve(&mut resolved, 0, Choice::Theirs).unwrap();
        assert_eq!(
            resolved.action(17).map(|a| a.status),
            Some(ActionStatus::Closed)
        );
    }

    #[test]
    fn the_same_new_id_on_both_sides_is_renumbered_in_theirs() {
        let pnd = SystemId::parse("PND").unwrap();
        let add = |issue: &str| {
            edited(|r| {
                let new_id = r.issue_entry_id(&pnd);
                r.entries.push(Entry::new(new_id, pnd.clone(), issue));
            })
        };
        let ours = add("Ours");
        let theirs = add("Theirs");
        let merged = merge(&base(), &ours, &theirs);
        assert!(merged.conflicts.is_empty());
        assert_eq!(notes(&merged), ["theirs' PND-003 is now PND-004"]);
        assert_eq!(merged.register.entry(&id("PND-003")).unwrap().issue, "Ours");
        assert_eq!(
            merged.register.entry(&id("PND-004")).unwrap().issue,
            "Theirs"
        );
        assert_eq!(merged.register.issued_ids.get(&pnd), Some(&4));
        assert!(crate::check::check(&merged.register).is_empty());

        let same = merge(&base(), &ours, &ours.clone());
        assert_eq!(
            same.register, ours,
            "the same addition on both sides is kept once"
        );
    }

    #[test]
    fn details_systems_and_workshops_merge_as_collections() {
        let workshop = |title: &str| Workshop {
            title: title.to_owned(),
            date: jiff::civil::date(2019, 7, 11),
            scope: crate::register::Scope::All,
            attendance: crate::register::Attendance::Anonymous { count: 3 },
            votes_per_participant: 3,
            votes: Vec::new(),
            ballots: Vec::new(),
            tiers: Vec::new(),
            moves: Vec::new(),
            final_order: Vec::new(),
            snapshot_label: String::new(),
        };
        let ours = edited(|r| {
            r.metadata.owner = "DPO".to_owned();
            r.systems[0].name = "Police National Database".to_owned();
            r.workshops.push(workshop("Ours"));
        });
        let theirs = edited(|r| {
            r.metadata.version_label = "v0.2".to_owned();
            r.systems.push(System {
                id: SystemId::parse("HOB").unwrap(),
                name: "HOB".to_owned(),
                description: String::new(),
            });
            r.workshops.push(workshop("Theirs"));
        });
        let merged = merge(&base(), &ours, &theirs);
        assert!(merged.conflicts.is_empty());
        let register = &merged.register;
        assert_eq!(
            (
                register.metadata.owner.as_str(),
                register.metadata.version_label.as_str()
            ),
            ("DPO", "v0.2")
        );
        let systems: Vec<&str> = register.systems.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(systems, ["Police National Database", "PNC", "LEDS", "HOB"]);
        let titles: Vec<&str> = register
            .workshops
            .iter()
            .map(|w| w.title.as_str())
            .collect();
        assert_eq!(titles, ["Ours", "Theirs"]);
    }

    #[test]
    fn snapshots_taken_on_both_sides_are_both_recorded_and_one_label_twice_conflicts() {
        let record = |label: &str, byte: u8| crate::snapshot::SnapshotRecord {
            label: crate::testing::label(label),
            checksum: crate::snapshot::Checksum::parse(&format!("{byte:02x}").repeat(32)).unwrap(),
        };
        let base = edited(|r| r.snapshots.push(record("v1.0", 1)));
        let ours = edited(|r| {
            r.snapshots.push(record("v1.0", 1));
            r.snapshots.push(record("v1.1", 2));
        });
        let theirs = edited(|r| {
            r.snapshots.push(record("v1.0", 1));
            r.snapshots.push(record("v1.2", 3));
        });
        let merged = merge(&base, &ours, &theirs);
        assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        assert_eq!(
            merged.register.snapshots,
            [record("v1.0", 1), record("v1.1", 2), record("v1.2", 3)]
        );

        let theirs = edited(|r| {
            r.snapshots.push(record("v1.0", 1));
            r.snapshots.push(record("v1.1", 4));
        });
        let mut merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
        assert!(
            merged.conflicts[0]
                .field
                .contains("snapshot v1.1, taken on both sides"),
            "{}",
            merged.conflicts[0].field
        );
        assert_eq!(merged.register.snapshots[1], record("v1.1", 2), "ours kept");
        resolve(&mut merged.register, 0, Choice::Theirs).unwrap();
        assert_eq!(
            merged.register.snapshots,
            [record("v1.0", 1), record("v1.1", 4)]
        );
        assert!(merged.register.conflicts.is_empty());
    }

    #[test]
    fn resolving_is_one_undoable_edit() {
        let ours = edited(|r| r.entries[0].concern = "Ours".to_owned());
        let theirs = edited(|r| r.entries[0].concern = "Theirs".to_owned());
        let mut register = merge(&base(), &ours, &theirs).register;
        let conflicted = register.clone();
        let edit = crate::edit::Edit::resolve_conflict(&register, 0, Choice::Theirs).unwrap();
        assert_eq!(edit.label(), "take theirs for PND-001 concern");
        assert!(crate::edit::Edit::resolve_conflict(&register, 1, Choice::Theirs).is_none());
        let mut history = crate::history::History::default();
        history.apply(&mut register, edit).unwrap();
        assert_eq!(register.entries[0].concern, "Theirs");
        assert!(register.conflicts.is_empty());
        assert_eq!(
            history.undo(&mut register).as_deref(),
            Some("take theirs for PND-001 concern")
        );
        assert_eq!(register, conflicted, "the conflict is back, ours in place");
        let stale = crate::edit::Edit::ResolveConflict {
            conflict_idx: 3,
            choice: Choice::Ours,
            conflict: Box::new(conflicted.conflicts[0].clone()),
        };
        assert!(history.apply(&mut register, stale).is_err());
        assert_eq!(register, conflicted, "a refused edit changes nothing");
    }

    #[test]
    fn a_workshop_only_theirs_recorded_names_their_renumbered_entry_by_its_new_id() {
        let pnd = SystemId::parse("PND").unwrap();
        let ours = edited(|r| {
            let new_id = r.issue_entry_id(&pnd);
            r.entries.push(Entry::new(new_id, pnd.clone(), "Ours"));
        });
        let theirs = edited(|r| {
            let new_id = r.issue_entry_id(&pnd);
            r.entries
                .push(Entry::new(new_id.clone(), pnd.clone(), "Theirs"));
            r.workshops.push(Workshop {
                title: "Theirs' workshop".to_owned(),
                date: jiff::civil::date(2019, 7, 11),
                scope: crate::register::Scope::All,
                attendance: crate::register::Attendance::Anonymous { count: 3 },
                votes_per_participant: 3,
                votes: vec![crate::register::EntryVotes {
                    entry: new_id.clone(),
                    votes: 3,
                }],
                ballots: Vec::new(),
                tiers: vec![crate::register::EntryTier {
                    entry: new_id.clone(),
                    tier: crate::register::Tier::Must,
                }],
                moves: Vec::new(),
                final_order: vec![new_id, id("PND-001")],
                snapshot_label: String::new(),
            });
        });
        let merged = merge(&base(), &ours, &theirs);
        assert_eq!(notes(&merged), ["theirs' PND-003 is now PND-004"]);
        let workshop = &merged.register.workshops[0];
        assert_eq!(workshop.votes_for(&id("PND-004")), 3);
        assert_eq!(workshop.votes_for(&id("PND-003")), 0, "not our entry's");
        assert_eq!(
            workshop.tier_of(&id("PND-004")),
            Some(crate::register::Tier::Must)
        );
        assert_eq!(workshop.final_order, [id("PND-004"), id("PND-001")]);
    }

    /// A small deterministic generator (xorshift64), so the property test repeats exactly.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            usize::try_from(self.0 % (n.max(1) as u64)).unwrap()
        }
    }

    /// Applies `num_edits` random edits to `register`, as a user would make them.
    fn random_edits(rng: &mut Rng, register: &mut Register, num_edits: usize, side: &str) {
        for step in 0..num_edits {
            let Some(target) = register.entries.get(rng.below(register.entries.len())) else {
                continue;
            };
            let entry = target.id.clone();
            let num_mitigations = target.mitigations.len();
            let text = format!("{side} {step} {}", rng.below(1000));
            let right = register.rights[rng.below(3)].id.clone();
            let edit = match rng.below(16) {
                13..=15 => random_action_edit(rng, register, entry, text),
                0 => Edit::SetEntryText {
                    entry,
                    field: EntryText::Concern,
                    text,
                },
                1 => Edit::SetEntryText {
                    entry,
                    field: EntryText::Category,
                    text,
                },
                2 => Edit::SetVotes {
                    entry,
                    votes: u32::try_from(rng.below(9)).unwrap(),
                },
                3 => Edit::SetMustHave {
                    entry,
                    must_have: rng.below(2) == 0,
                },
                4 => Edit::SetMitigationStatus {
                    entry,
                    mitigation_idx: rng.below(num_mitigations),
                    status: MitigationStatus::ALL[rng.below(5)],
                },
                5 => Edit::AddMitigation {
                    entry,
                    mitigation: Mitigation::proposed(text),
                },
                6 => Edit::RemoveMitigation {
                    entry,
                    mitigation_idx: rng.below(num_mitigations),
                },
                7 => Edit::SetImpact {
                    entry,
                    right,
                    stage: if rng.below(2) == 0 {
                        Stage::Inherent
                    } else {
                        Stage::Residual
                    },
                    assessment: Assessment::from_values(
                        u8::try_from(rng.below(4) + 1).unwrap(),
                        u8::try_from(rng.below(4) + 1).unwrap(),
                    ),
                },
                8 => Edit::AddAffectedGroup {
                    entry,
                    group: format!("group {}", rng.below(4)),
                },
                9 => Edit::SetConfidential {
                    entry,
                    field: Field::ALL[rng.below(8)],
                    is_confidential: rng.below(2) == 0,
                },
                10 => Edit::DeleteEntry { entry },
                11 => Edit::SetDetailText {
                    field: DetailText::Owner,
                    text,
                },
                _ => {
                    let system = register.systems[rng.below(register.systems.len())]
                        .id
                        .clone();
                    if edit::apply(register, Edit::AddEntry { system }).is_ok()
                        && let Some(added) = register.entries.last().map(|e| e.id.clone())
                    {
                        edit::apply(
                            register,
                            Edit::SetEntryText {
                                entry: added,
                                field: EntryText::Issue,
                                text,
                            },
                        )
                        .unwrap();
                    }
                    continue;
                }
            };
            // An edit a register refuses (no such mitigation) is simply not made, as in the app.
            edit::apply(register, edit).ok();
        }
    }

    /// An action added (linked to `entry`), an update, or a status, at random.
    fn random_action_edit(
        rng: &mut Rng,
        register: &Register,
        entry: EntryId,
        text: String,
    ) -> Edit {
        let number = register
            .actions
            .get(rng.below(register.actions.len().max(1)))
            .map_or(1, |action| action.number);
        match rng.below(3) {
            0 => {
                let mut action = crate::register::Action::new(0, text);
                action.entries.push(entry);
                Edit::AddAction {
                    action: Box::new(action),
                }
            }
            1 => Edit::AddActionUpdate {
                number,
                update: crate::register::ActionUpdate {
                    date: Some(jiff::civil::date(2019, 7, 11)),
                    text,
                    who: String::new(),
                    is_confidential: false,
                },
            },
            _ => Edit::SetActionStatus {
                number,
                status: crate::register::ActionStatus::ALL[rng.below(5)],
            },
        }
    }

    /// Asserts `merged` holds every change `side` made to `base`'s action log (a clean merge).
    fn assert_has_action_changes(base: &Register, side: &Register, merged: &Register, name: &str) {
        for after in &side.actions {
            let at = |what: &str| format!("{name} action {} {what}", after.number);
            match base.action(after.number) {
                // A new action is kept, renumbered if the other side took its number.
                None => assert!(
                    merged
                        .actions
                        .iter()
                        .any(|a| a.text == after.text && a.updates == after.updates),
                    "{}",
                    at("added")
                ),
                Some(before) if before != after => {
                    let now = merged.action(after.number).unwrap();
                    if after.status != before.status {
                        assert_eq!(now.status, after.status, "{}", at("status"));
                    }
                    for update in &after.updates {
                        assert!(now.updates.contains(update), "{}", at("update"));
                    }
                }
                Some(_) => {}
            }
        }
        assert!(
            merged.last_action_number >= side.last_action_number,
            "{name} last action number"
        );
    }

    /// Asserts `merged` holds every change `side` made to `base`, where the merge met no conflict.
    fn assert_has_changes(base: &Register, side: &Register, merged: &Register, name: &str) {
        if side.metadata.owner != base.metadata.owner {
            assert_eq!(merged.metadata.owner, side.metadata.owner, "{name} owner");
        }
        for before in &base.entries {
            let Some(after) = side.entry(&before.id) else {
                assert!(
                    merged.entry(&before.id).is_none(),
                    "{name} deleted {}",
                    before.id
                );
                continue;
            };
            if after == before {
                continue;
            }
            let now = merged.entry(&before.id).unwrap();
            let at = |what: &str| format!("{name} {} {what}", before.id);
            if after.concern != before.concern {
                assert_eq!(now.concern, after.concern, "{}", at("concern"));
            }
            if after.category != before.category {
                assert_eq!(now.category, after.category, "{}", at("category"));
            }
            if after.votes != before.votes {
                assert_eq!(now.votes, after.votes, "{}", at("votes"));
            }
            if after.must_have != before.must_have {
                assert_eq!(now.must_have, after.must_have, "{}", at("must-have"));
            }
            for right in &base.rights {
                let parts = |entry: &Entry| {
                    entry
                        .impact(&right.id)
                        .map(|i| (i.inherent, i.residual, i.note.clone()))
                };
                let (was, is, merged_parts) = (parts(before), parts(after), parts(now));
                if was.as_ref().map(|p| p.0) != is.as_ref().map(|p| p.0) {
                    assert_eq!(
                        merged_parts.as_ref().map(|p| p.0),
                        is.as_ref().map(|p| p.0),
                        "{}",
                        at("inherent")
                    );
                }
                if was.as_ref().map(|p| p.1) != is.as_ref().map(|p| p.1) {
                    assert_eq!(
                        merged_parts.as_ref().map(|p| p.1),
                        is.as_ref().map(|p| p.1),
                        "{}",
                        at("residual")
                    );
                }
            }
            for mitigation in &after.mitigations {
                if !before.mitigations.iter().any(|m| m.text == mitigation.text) {
                    assert!(
                        now.mitigations.iter().any(|m| m == mitigation),
                        "{}",
                        at("mitigation added")
                    );
                }
            }
            for group in &after.affected_groups {
                if !before.affected_groups.contains(group) {
                    assert!(now.affected_groups.contains(group), "{}", at("group"));
                }
            }
            for field in Field::ALL {
                if after.is_confidential(field) != before.is_confidential(field) {
                    assert_eq!(
                        now.is_confidential(field),
                        after.is_confidential(field),
                        "{}",
                        at("confidential")
                    );
                }
            }
        }
        for added in side.entries.iter().filter(|e| base.entry(&e.id).is_none()) {
            assert!(
                merged.entries.iter().any(|e| Entry {
                    id: added.id.clone(),
                    ..e.clone()
                } == *added),
                "{name} added {}",
                added.id
            );
        }
        for (system, number) in &side.issued_ids {
            assert!(
                merged.issued_ids.get(system) >= Some(number),
                "{name} issued {system}"
            );
        }
        assert_has_action_changes(base, side, merged, name);
    }

    #[test]
    fn merges_of_random_edits_keep_every_change_and_identities_hold() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut num_clean = 0;
        for case in 0..300 {
            let base = crate::synthetic::with_actions(
                crate::synthetic::register(12, case + 1),
                3,
                case + 1,
            );
            let mut ours = base.clone();
            let mut theirs = base.clone();
            let num_ours = 1 + rng.below(6);
            random_edits(&mut rng, &mut ours, num_ours, "ours");
            let num_theirs = 1 + rng.below(6);
            random_edits(&mut rng, &mut theirs, num_theirs, "theirs");

            assert_eq!(
                merge(&base, &ours, &base),
                clean(ours.clone()),
                "case {case}"
            );
            assert_eq!(
                merge(&base, &base, &theirs),
                clean(theirs.clone()),
                "case {case}"
            );
            let merged = merge(&base, &ours, &theirs);
            assert_eq!(merged.register.conflicts, merged.conflicts, "case {case}");
            if merged.conflicts.is_empty() {
                num_clean += 1;
                assert_has_changes(&base, &ours, &merged.register, &format!("case {case} ours"));
                assert_has_changes(
                    &base,
                    &theirs,
                    &merged.register,
                    &format!("case {case} theirs"),
                );
                assert_eq!(
                    crate::check::check(&merged.register),
                    Vec::new(),
                    "case {case}"
                );
            } else {
                // Each conflict can be settled either way, and then the register checks clean.
                let mut resolved = merged.register.clone();
                while !resolved.conflicts.is_empty() {
                    let choice = if rng.below(2) == 0 {
                        Choice::Ours
                    } else {
                        Choice::Theirs
                    };
                    resolve(&mut resolved, 0, choice).unwrap();
                }
                assert_eq!(crate::check::check(&resolved), Vec::new(), "case {case}");
            }
        }
        assert!(num_clean > 100, "enough clean merges to test: {num_clean}");
    }
}
