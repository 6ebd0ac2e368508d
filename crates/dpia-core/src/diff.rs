//! Compare two versions of a register: the change log of entries added, removed and changed field
//! by field, register details changed, and rank movements, as plain data, text and CSV.
//!
//! Entries are matched by their stable id. An entry counts as changed only when its own fields
//! differ; an entry that only moved in the priority order is listed under rank movements alone.
//! Pure over data: no I/O, no egui. The GUI shows a `ChangeLog` side by side, the PDF prints it as
//! "Changes since", and the CLI writes its text or CSV.

mod subject;
mod value;

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::register::{
    Action, Entry, EntryId, Impact, Metadata, Mitigation, Register, RightId, Stage, SystemId,
};

pub use subject::{Part, Subject, Whose};
pub use value::Value;

/// A field of one entry that can be restored on its own to its value in an older version.
///
/// Each change the diff reports names one of these, so a compare view can offer "restore this"
/// (`snapshot::restore_field`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EntryField {
    /// The system the entry is about.
    System,
    /// The theme.
    Category,
    /// The issue title.
    Issue,
    /// The concern text.
    Concern,
    /// The mitigations, with their statuses, owners and due dates, as a whole list.
    Mitigations,
    /// The judgement of the impact on one right at one stage.
    ///
    /// Where the right was not scored in the older version, restoring removes the impact; where it
    /// is not scored in the working version, restoring brings back the older impact whole.
    Impact {
        /// The right.
        right: RightId,
        /// Inherent or residual.
        stage: Stage,
    },
    /// The note on the impact on one right; restores like `Impact` where one version lacks it.
    ImpactNote {
        /// The right.
        right: RightId,
    },
    /// The policing purposes served and their benefits.
    BalancingPurposes,
    /// The balancing note.
    BalancingNote,
    /// Who is affected.
    AffectedGroups,
    /// The must-have flag.
    MustHave,
    /// The workshop votes.
    Votes,
    /// Where the entry comes from.
    Source,
    /// Which fields are confidential.
    Confidential,
    /// The accountable decision on the residual risk.
    Acceptance,
}

/// The differences between two versions of a register, older first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangeLog {
    /// Changes to the register's details (metadata, systems and rights) and to its action log.
    pub register_changes: Vec<Change>,
    /// Entries only in the newer version, in its order.
    pub added: Vec<EntrySummary>,
    /// Entries only in the older version, in its order.
    pub removed: Vec<EntrySummary>,
    /// Entries in both whose own fields differ, in the newer version's order.
    pub changed: Vec<EntryChanges>,
    /// Entries in both whose rank differs, by their new rank.
    pub rank_movements: Vec<RankMovement>,
}

/// One thing that differs, as a person reads it: what, and its old and new values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// What changed, in English words: `concern`, `privacy residual`, `mitigation 2 status`,
    /// `title` (`subject`, as text).
    pub what: String,
    /// What changed, as data, for a change log in another language.
    pub subject: Subject,
    /// The value in the older version, in English words (`none`, `not scored` and the like when
    /// absent; `old_value`, as text).
    pub old: String,
    /// The value in the newer version, in English words.
    pub new: String,
    /// The value in the older version, as data, for a change log in another language.
    pub old_value: Value,
    /// The value in the newer version, as data.
    pub new_value: Value,
    /// Whether the values are free text, which the text change log quotes.
    pub is_text: bool,
}

/// Which entry: its id, system and issue title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntrySummary {
    /// The stable id.
    pub id: EntryId,
    /// The system.
    pub system: SystemId,
    /// The issue title (the newer one, for a changed entry).
    pub issue: String,
}

/// The changes to one entry in both versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryChanges {
    /// Which entry.
    pub entry: EntrySummary,
    /// Each field that differs, in the order the entry editor shows them; never empty.
    pub fields: Vec<FieldChange>,
}

/// A change to one field of an entry, and the field to restore to undo it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// The field `snapshot::restore_field` restores.
    pub field: EntryField,
    /// What changed, from what to what.
    pub change: Change,
}

/// An entry in both versions whose place in the priority order differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RankMovement {
    /// Which entry.
    pub entry: EntrySummary,
    /// Its rank in the older version (1 is the top priority).
    pub old_rank: usize,
    /// Its rank in the newer version.
    pub new_rank: usize,
}

/// The CSV columns of a change log, in order.
pub const TABLE_COLUMNS: [&str; 7] = ["change", "id", "system", "issue", "field", "old", "new"];

/// Text longer than this is shown on lines of its own in the text change log.
const INLINE_TEXT_CHARS: usize = 60;

/// Compares two versions of a register, `old` first.
///
/// Entries are matched by id. Ids are unique in a register that passes `check`; where one is not,
/// the first entry with the id is matched and the others count as added or removed.
pub fn diff(old: &Register, new: &Register) -> ChangeLog {
    let mut log = diff_without_ranks(old, new);
    let old_ids = first_positions(old);
    let new_ids = first_positions(new);
    log.rank_movements = rank_movements(old, new, &old_ids, &new_ids);
    log
}

/// `diff` without rank movements: what changed, not how the priority order moved. For comparing
/// parts of registers (the entries an edit touched), whose ranks mean nothing on their own.
pub fn diff_without_ranks(old: &Register, new: &Register) -> ChangeLog {
    let old_ids = first_positions(old);
    let new_ids = first_positions(new);
    let mut log = ChangeLog {
        register_changes: register_changes(old, new),
        ..ChangeLog::default()
    };
    for (idx, entry) in new.entries.iter().enumerate() {
        let is_first = new_ids.get(&entry.id) == Some(&idx);
        if !(is_first && old_ids.contains_key(&entry.id)) {
            log.added.push(EntrySummary::of(entry));
        }
    }
    for (idx, entry) in old.entries.iter().enumerate() {
        let is_first = old_ids.get(&entry.id) == Some(&idx);
        if !(is_first && new_ids.contains_key(&entry.id)) {
            log.removed.push(EntrySummary::of(entry));
        }
    }
    for (idx, new_entry) in new.entries.iter().enumerate() {
        if new_ids.get(&new_entry.id) != Some(&idx) {
            continue;
        }
        let Some(old_entry) = old_ids
            .get(&new_entry.id)
            .and_then(|&old_idx| old.entries.get(old_idx))
        else {
            continue;
        };
        if old_entry == new_entry {
            continue;
        }
        let fields = entry_changes(old_entry, new_entry);
        if !fields.is_empty() {
            log.changed.push(EntryChanges {
                entry: EntrySummary::of(new_entry),
                fields,
            });
        }
    }
    log
}

impl ChangeLog {
    /// Whether the two versions hold the same entries and details in the same priority order.
    pub fn is_empty(&self) -> bool {
        self.register_changes.is_empty()
            && self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && self.rank_movements.is_empty()
    }

    /// The one-line summary: `3 added, 1 removed, 5 changed`.
    pub fn summary(&self) -> String {
        format!(
            "{} added, {} removed, {} changed",
            self.added.len(),
            self.removed.len(),
            self.changed.len()
        )
    }

    /// The change log as text a person reads: the summary line, then a section for each kind of
    /// change that has any (register details, added, removed, changed, rank movements).
    pub fn to_text(&self) -> String {
        let mut text = self.summary();
        text.push('\n');
        if self.is_empty() {
            text.push_str("\nNo differences.\n");
            return text;
        }
        if !self.register_changes.is_empty() {
            text.push_str("\nRegister details\n");
            for change in &self.register_changes {
                write_change(&mut text, "  ", change);
            }
        }
        for (heading, entries) in [("Added", &self.added), ("Removed", &self.removed)] {
            if !entries.is_empty() {
                let _ = writeln!(text, "\n{heading}");
                for entry in entries {
                    let _ = writeln!(text, "  {entry}");
                }
            }
        }
        if !self.changed.is_empty() {
            text.push_str("\nChanged\n");
            for entry in &self.changed {
                let _ = writeln!(text, "  {}", entry.entry);
                for field in &entry.fields {
                    write_change(&mut text, "    ", &field.change);
                }
            }
        }
        if !self.rank_movements.is_empty() {
            text.push_str("\nRank movements\n");
            for movement in &self.rank_movements {
                let _ = writeln!(
                    text,
                    "  {}: rank {} → {}",
                    movement.entry.id, movement.old_rank, movement.new_rank
                );
            }
        }
        text
    }

    /// The change log as a table, one row per change, columns `TABLE_COLUMNS` (the CSV export).
    ///
    /// `change` is `register`, `added`, `removed`, `changed` or `rank`; a changed entry has a row per
    /// field; a rank movement's `field` is `rank`.
    pub fn table_rows(&self) -> Vec<[String; 7]> {
        let mut rows = Vec::new();
        for change in &self.register_changes {
            rows.push([
                "register".to_owned(),
                String::new(),
                String::new(),
                String::new(),
                change.what.clone(),
                change.old.clone(),
                change.new.clone(),
            ]);
        }
        for (kind, entries) in [("added", &self.added), ("removed", &self.removed)] {
            for entry in entries {
                rows.push([
                    kind.to_owned(),
                    entry.id.to_string(),
                    entry.system.to_string(),
                    entry.issue.clone(),
                    String::new(),
                    String::new(),
                    String::new(),
                ]);
            }
        }
        for entry in &self.changed {
            for field in &entry.fields {
                rows.push([
                    "changed".to_owned(),
                    entry.entry.id.to_string(),
                    entry.entry.system.to_string(),
                    entry.entry.issue.clone(),
                    field.change.what.clone(),
                    field.change.old.clone(),
                    field.change.new.clone(),
                ]);
            }
        }
        for movement in &self.rank_movements {
            rows.push([
                "rank".to_owned(),
                movement.entry.id.to_string(),
                movement.entry.system.to_string(),
                movement.entry.issue.clone(),
                "rank".to_owned(),
                movement.old_rank.to_string(),
                movement.new_rank.to_string(),
            ]);
        }
        rows
    }
}

impl EntrySummary {
    /// The summary of `entry`.
    pub fn of(entry: &Entry) -> Self {
        Self {
            id: entry.id.clone(),
            system: entry.system.clone(),
            issue: entry.issue.clone(),
        }
    }
}

impl std::fmt::Display for EntrySummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({}): {}", self.id, self.system, self.issue)
    }
}

/// Writes `what: old → new`, quoting text; long or multi-line text goes on lines of its own.
fn write_change(text: &mut String, indent: &str, change: &Change) {
    let is_long = |value: &str| value.chars().count() > INLINE_TEXT_CHARS || value.contains('\n');
    if change.is_text && (is_long(&change.old) || is_long(&change.new)) {
        let inner = format!("{indent}      ");
        let quote = |value: &str| format!("\"{}\"", value.replace('\n', &format!("\n{inner}")));
        let _ = writeln!(text, "{indent}{}:", change.what);
        let _ = writeln!(text, "{indent}  was {}", quote(&change.old));
        let _ = writeln!(text, "{indent}  now {}", quote(&change.new));
    } else if change.is_text {
        let _ = writeln!(
            text,
            "{indent}{}: \"{}\" → \"{}\"",
            change.what, change.old, change.new
        );
    } else {
        let _ = writeln!(
            text,
            "{indent}{}: {} → {}",
            change.what, change.old, change.new
        );
    }
}

/// Each id's first position in the register.
fn first_positions(register: &Register) -> HashMap<&EntryId, usize> {
    let mut ids = HashMap::with_capacity(register.entries.len());
    for (idx, entry) in register.entries.iter().enumerate() {
        ids.entry(&entry.id).or_insert(idx);
    }
    ids
}

fn rank_movements(
    old: &Register,
    new: &Register,
    old_ids: &HashMap<&EntryId, usize>,
    new_ids: &HashMap<&EntryId, usize>,
) -> Vec<RankMovement> {
    let old_ranks: HashMap<usize, usize> = crate::ranking::rank(old)
        .into_iter()
        .map(|ranked| (ranked.entry_idx, ranked.rank))
        .collect();
    let mut movements = Vec::new();
    for ranked in crate::ranking::rank(new) {
        let Some(entry) = new.entries.get(ranked.entry_idx) else {
            continue;
        };
        if new_ids.get(&entry.id) != Some(&ranked.entry_idx) {
            continue;
        }
        let Some(old_rank) = old_ids
            .get(&entry.id)
            .and_then(|old_idx| old_ranks.get(old_idx))
        else {
            continue;
        };
        if *old_rank != ranked.rank {
            movements.push(RankMovement {
                entry: EntrySummary::of(entry),
                old_rank: *old_rank,
                new_rank: ranked.rank,
            });
        }
    }
    movements
}

/// Builds changes, skipping values that are equal.
struct Changes<F> {
    list: Vec<(F, Change)>,
}

impl<F> Changes<F> {
    fn new() -> Self {
        Self { list: Vec::new() }
    }

    /// A change of free text.
    fn text(&mut self, field: F, subject: Subject, old: &str, new: &str) {
        if old != new {
            self.push(
                field,
                subject,
                Value::Text(old.to_owned()),
                Value::Text(new.to_owned()),
            );
        }
    }

    /// A change of a value that is not free text.
    fn plain(&mut self, field: F, subject: Subject, old: Value, new: Value) {
        if old != new {
            self.push(field, subject, old, new);
        }
    }

    fn push(&mut self, field: F, subject: Subject, old: Value, new: Value) {
        self.list.push((
            field,
            Change {
                what: subject.to_string(),
                subject,
                old: old.to_string(),
                new: new.to_string(),
                is_text: old.is_text() || new.is_text(),
                old_value: old,
                new_value: new,
            },
        ));
    }
}

fn register_changes(old: &Register, new: &Register) -> Vec<Change> {
    let mut changes = Changes::new();
    metadata_changes(&mut changes, &old.metadata, &new.metadata);
    for new_system in &new.systems {
        let what = |part: Part| Subject::whose(Whose::System(new_system.id.clone()), part);
        match old.system(&new_system.id) {
            None => changes.text((), what(Part::Added), "", &new_system.name),
            Some(old_system) => {
                changes.text((), what(Part::Name), &old_system.name, &new_system.name);
                changes.text(
                    (),
                    what(Part::Description),
                    &old_system.description,
                    &new_system.description,
                );
            }
        }
    }
    for old_system in &old.systems {
        if new.system(&old_system.id).is_none() {
            changes.text(
                (),
                Subject::whose(Whose::System(old_system.id.clone()), Part::Removed),
                &old_system.name,
                "",
            );
        }
    }
    for new_right in &new.rights {
        let what = |part: Part| Subject::whose(Whose::Right(new_right.id.clone()), part);
        match old.right(&new_right.id) {
            None => changes.text((), what(Part::Added), "", &new_right.name),
            Some(old_right) => {
                changes.text((), what(Part::Name), &old_right.name, &new_right.name);
                changes.text(
                    (),
                    what(Part::LegalReference),
                    &old_right.legal_reference,
                    &new_right.legal_reference,
                );
            }
        }
    }
    for old_right in &old.rights {
        if new.right(&old_right.id).is_none() {
            changes.text(
                (),
                Subject::whose(Whose::Right(old_right.id.clone()), Part::Removed),
                &old_right.name,
                "",
            );
        }
    }
    action_changes(&mut changes, &old.actions, &new.actions);
    changes
        .list
        .into_iter()
        .map(|((), change)| change)
        .collect()
}

/// The action log's changes, by action number: "action 40 added", "action 40 status" (ongoing →
/// complete), "action 40 update" (the new update's date and text).
fn action_changes(changes: &mut Changes<()>, old: &[Action], new: &[Action]) {
    let mut numbers: Vec<u32> = old.iter().chain(new).map(|a| a.number).collect();
    numbers.sort_unstable();
    numbers.dedup();
    for number in numbers {
        let before = old.iter().find(|a| a.number == number);
        let after = new.iter().find(|a| a.number == number);
        let name = |part: Part| Subject::whose(Whose::Action(number), part);
        match (before, after) {
            (None, Some(added)) => changes.text((), name(Part::Added), "", &added.text),
            (Some(removed), None) => changes.text((), name(Part::Removed), &removed.text, ""),
            (Some(before), Some(after)) if before != after => {
                for ((part, old), (_, new)) in
                    action_fields(before).into_iter().zip(action_fields(after))
                {
                    changes.plain((), name(part), old, new);
                }
                for update in &after.updates {
                    if !before.updates.contains(update) {
                        let date = update.date.map(|d| format!("{d} ")).unwrap_or_default();
                        changes.text(
                            (),
                            name(Part::Update),
                            "",
                            &format!("{date}{}", update.text),
                        );
                    }
                }
                for update in &before.updates {
                    if !after.updates.contains(update) {
                        changes.text((), name(Part::UpdateRemoved), &update.text, "");
                    }
                }
            }
            _ => {}
        }
    }
}

/// An action's fields as values, in a fixed order.
fn action_fields(action: &Action) -> [(Part, Value); 10] {
    let text = |text: &str| Value::Text(text.to_owned());
    [
        (Part::Text, text(&action.text)),
        (Part::Theme, text(&action.theme)),
        (Part::Source, text(&action.source)),
        (Part::Owner, text(&action.owners_text())),
        (
            Part::Deadline,
            Value::Words(action.deadline.map(|d| d.to_string()).unwrap_or_default()),
        ),
        (
            Part::From,
            Value::Words(
                action
                    .from
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            ),
        ),
        (Part::Status, Value::ActionStatus(action.status)),
        (
            Part::Entries,
            Value::List(action.entries.iter().map(ToString::to_string).collect()),
        ),
        (
            Part::Links,
            Value::List(
                action
                    .links
                    .iter()
                    .map(|link| format!("{} {}", link.kind.name(), link.action))
                    .collect(),
            ),
        ),
        (
            Part::ArtefactsAndMitigation,
            text_list(
                action
                    .artefacts
                    .iter()
                    .cloned()
                    .chain(
                        action
                            .mitigation
                            .as_ref()
                            .map(|m| format!("{} \"{}\"", m.entry, m.text)),
                    )
                    .collect::<Vec<_>>(),
            ),
        ),
    ]
}

fn metadata_changes(changes: &mut Changes<()>, old: &Metadata, new: &Metadata) {
    changes.text((), Subject::of(Part::Title), &old.title, &new.title);
    changes.text(
        (),
        Subject::of(Part::Programme),
        &old.programme,
        &new.programme,
    );
    changes.plain(
        (),
        Subject::of(Part::VersionLabel),
        Value::Words(old.version_label.clone()),
        Value::Words(new.version_label.clone()),
    );
    changes.plain(
        (),
        Subject::of(Part::DateIssued),
        optional(old.date_issued),
        optional(new.date_issued),
    );
    changes.plain(
        (),
        Subject::of(Part::Status),
        Value::Status(old.status),
        Value::Status(new.status),
    );
    changes.plain(
        (),
        Subject::of(Part::Marking),
        Value::Words(old.marking.to_string()),
        Value::Words(new.marking.to_string()),
    );
    changes.text((), Subject::of(Part::Owner), &old.owner, &new.owner);
    changes.text((), Subject::of(Part::Purpose), &old.purpose, &new.purpose);
    changes.plain(
        (),
        Subject::of(Part::Language),
        Value::Words(old.language.name().to_owned()),
        Value::Words(new.language.name().to_owned()),
    );
    changes.text(
        (),
        Subject::of(Part::PriorConsultation),
        &optional_text(old.prior_consultation.as_ref()),
        &optional_text(new.prior_consultation.as_ref()),
    );
}

/// A value in words, or empty when there is none.
fn optional_text(value: Option<&impl std::fmt::Display>) -> String {
    value.map(ToString::to_string).unwrap_or_default()
}

/// Every field change between two versions of one entry, in the entry editor's order.
fn entry_changes(old: &Entry, new: &Entry) -> Vec<FieldChange> {
    let mut changes = Changes::new();
    changes.plain(
        EntryField::System,
        Subject::of(Part::System),
        Value::Words(old.system.to_string()),
        Value::Words(new.system.to_string()),
    );
    changes.text(
        EntryField::Category,
        Subject::of(Part::Category),
        &old.category,
        &new.category,
    );
    changes.text(
        EntryField::Issue,
        Subject::of(Part::Issue),
        &old.issue,
        &new.issue,
    );
    changes.text(
        EntryField::Concern,
        Subject::of(Part::Concern),
        &old.concern,
        &new.concern,
    );
    if old.mitigations != new.mitigations {
        mitigation_changes(&mut changes, &old.mitigations, &new.mitigations);
    }
    if old.impacts != new.impacts {
        impact_changes(&mut changes, old, new);
    }
    changes.plain(
        EntryField::BalancingPurposes,
        Subject::of(Part::BalancingPurposes),
        Value::Purposes(old.balancing.purposes.clone()),
        Value::Purposes(new.balancing.purposes.clone()),
    );
    changes.text(
        EntryField::BalancingNote,
        Subject::of(Part::BalancingNote),
        &old.balancing.note,
        &new.balancing.note,
    );
    changes.plain(
        EntryField::AffectedGroups,
        Subject::of(Part::AffectedGroups),
        Value::List(old.affected_groups.clone()),
        Value::List(new.affected_groups.clone()),
    );
    changes.plain(
        EntryField::MustHave,
        Subject::of(Part::MustHave),
        Value::YesNo(old.must_have),
        Value::YesNo(new.must_have),
    );
    changes.plain(
        EntryField::Votes,
        Subject::of(Part::Votes),
        Value::Words(old.votes.to_string()),
        Value::Words(new.votes.to_string()),
    );
    changes.text(
        EntryField::Source,
        Subject::of(Part::Source),
        &old.source.to_string(),
        &new.source.to_string(),
    );
    changes.plain(
        EntryField::Confidential,
        Subject::of(Part::Confidential),
        Value::Fields(old.confidential.iter().copied().collect()),
        Value::Fields(new.confidential.iter().copied().collect()),
    );
    changes.text(
        EntryField::Acceptance,
        Subject::of(Part::RiskAcceptance),
        &optional_text(old.acceptance.as_ref()),
        &optional_text(new.acceptance.as_ref()),
    );
    changes
        .list
        .into_iter()
        .map(|(field, change)| FieldChange { field, change })
        .collect()
}

/// Mitigations have no ids: ones with the same text are matched first, then the rest in order;
/// what is left over was added or removed. Numbers are positions in the version that has them.
fn mitigation_changes(changes: &mut Changes<EntryField>, old: &[Mitigation], new: &[Mitigation]) {
    let field = || EntryField::Mitigations;
    // For each new mitigation, the old one it matches.
    let mut matched: Vec<Option<usize>> = vec![None; new.len()];
    let mut is_taken = vec![false; old.len()];
    for (slot, mitigation) in matched.iter_mut().zip(new) {
        let found = old.iter().enumerate().position(|(old_idx, m)| {
            !is_taken.get(old_idx).copied().unwrap_or(true) && m.text == mitigation.text
        });
        if let Some(old_idx) = found {
            *slot = Some(old_idx);
            if let Some(taken) = is_taken.get_mut(old_idx) {
                *taken = true;
            }
        }
    }
    let mut left_over = (0..old.len()).filter(|&idx| !is_taken.get(idx).copied().unwrap_or(true));
    for slot in &mut matched {
        if slot.is_none() {
            *slot = left_over.next();
        }
    }
    let removed: Vec<usize> = left_over.collect();

    let is_reordered = matched
        .iter()
        .flatten()
        .zip(matched.iter().flatten().skip(1))
        .any(|(a, b)| a > b);
    for (new_idx, (mitigation, old_idx)) in new.iter().zip(&matched).enumerate() {
        let number = new_idx + 1;
        match old_idx.and_then(|idx| old.get(idx)) {
            None => changes.text(
                field(),
                Subject::whose(Whose::Mitigation(number), Part::Added),
                "",
                &mitigation.text,
            ),
            Some(before) => {
                let what = |part: Part| Subject::whose(Whose::Mitigation(number), part);
                changes.text(field(), what(Part::Text), &before.text, &mitigation.text);
                changes.plain(
                    field(),
                    what(Part::Status),
                    Value::MitigationStatus(before.status),
                    Value::MitigationStatus(mitigation.status),
                );
                changes.text(field(), what(Part::Owner), &before.owner, &mitigation.owner);
                changes.plain(
                    field(),
                    what(Part::Due),
                    optional(before.due),
                    optional(mitigation.due),
                );
            }
        }
    }
    for old_idx in removed {
        if let Some(before) = old.get(old_idx) {
            changes.text(
                field(),
                Subject::whose(Whose::Mitigation(old_idx + 1), Part::Removed),
                &before.text,
                "",
            );
        }
    }
    if is_reordered {
        let numbers = |indices: &mut dyn Iterator<Item = usize>| {
            indices
                .map(|idx| (idx + 1).to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let kept: Vec<usize> = matched.iter().flatten().copied().collect();
        let mut in_old_order = kept.clone();
        in_old_order.sort_unstable();
        changes.plain(
            field(),
            Subject::of(Part::MitigationsOrder),
            Value::Words(numbers(&mut in_old_order.into_iter())),
            Value::Words(numbers(&mut kept.into_iter())),
        );
    }
}

/// Impacts are matched by right: the newer version's rights first, in its order, then those only
/// in the older version. The order of impacts within an entry is not a change.
fn impact_changes(changes: &mut Changes<EntryField>, old: &Entry, new: &Entry) {
    let rights = new.impacts.iter().map(|impact| &impact.right).chain(
        old.impacts
            .iter()
            .map(|impact| &impact.right)
            .filter(|right| new.impact(right).is_none()),
    );
    for right in rights {
        let before = old.impact(right);
        let after = new.impact(right);
        let stage = |stage: Stage| EntryField::Impact {
            right: right.clone(),
            stage,
        };
        let what = |part: Part| Subject::whose(Whose::Impact(right.clone()), part);
        changes.plain(
            stage(Stage::Inherent),
            what(Part::Inherent),
            inherent(before),
            inherent(after),
        );
        changes.plain(
            stage(Stage::Residual),
            what(Part::Residual),
            residual(before),
            residual(after),
        );
        changes.text(
            EntryField::ImpactNote {
                right: right.clone(),
            },
            what(Part::Note),
            before.map_or("", |impact| impact.note.as_str()),
            after.map_or("", |impact| impact.note.as_str()),
        );
    }
}

fn inherent(impact: Option<&Impact>) -> Value {
    impact.map_or(Value::NotScored, |impact| Value::Judged(impact.inherent))
}

fn residual(impact: Option<&Impact>) -> Value {
    match impact {
        None => Value::NotScored,
        Some(impact) => impact.residual.map_or(Value::NotJudged, Value::Judged),
    }
}

/// Text items joined by `, `, or `none`, as free text.
fn text_list(items: Vec<String>) -> Value {
    Value::Text(Value::List(items).to_string())
}

/// A date, or `none`.
fn optional<T: std::fmt::Display>(value: Option<T>) -> Value {
    value.map_or(Value::None, |value| Value::Words(value.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::{
        Assessment, Balancing, Benefit, Field, MitigationStatus, PolicingPurpose, PurposeBenefit,
        Right, Source, Status, System,
    };

    use crate::testing::{entry, register};

    fn impact(right: &str, inherent: (u8, u8), residual: Option<(u8, u8)>) -> Impact {
        Impact {
            right: RightId::parse(right).unwrap(),
            inherent: Assessment::from_values(inherent.0, inherent.1).unwrap(),
            residual: residual.and_then(|(s, l)| Assessment::from_values(s, l)),
            note: String::new(),
        }
    }

    /// Diffs one entry's two versions and renders its field changes, one per line.
    fn check_entry(old: Entry, new: Entry, expected: &str) {
        let log = diff(&register(vec![old]), &register(vec![new]));
        let actual: Vec<String> = log
            .changed
            .iter()
            .flat_map(|entry| &entry.fields)
            .map(|field| {
                format!(
                    "{}: {} → {}",
                    field.change.what, field.change.old, field.change.new
                )
            })
            .collect();
        assert_eq!(
            actual.join("\n"),
            expected.trim_start_matches('\n'),
            "field changes"
        );
    }

    #[test]
    fn text_fields() {
        let old = entry("PND-001", "Retention");
        let mut new = old.clone();
        new.issue = "Retention of images".to_owned();
        new.category = "custody images".to_owned();
        new.concern = "Kept too long".to_owned();
        new.balancing.note = "Weighed".to_owned();
        check_entry(
            old,
            new,
            "
category:  → custody images
issue: Retention → Retention of images
concern:  → Kept too long
balancing note:  → Weighed",
        );
    }

    #[test]
    fn system_must_have_votes_and_lists() {
        let old = entry("PND-001", "A");
        let mut new = old.clone();
        new.system = SystemId::parse("PNC").unwrap();
        new.must_have = true;
        new.votes = 4;
        new.affected_groups = vec!["victims".to_owned(), "children".to_owned()];
        new.confidential.insert(Field::Owner);
        new.confidential.insert(Field::Concern);
        new.source = Source {
            document: "Action log".to_owned(),
            date: Some(jiff::civil::date(2019, 7, 11)),
        };
        new.balancing = Balancing {
            purposes: vec![PurposeBenefit {
                purpose: PolicingPurpose::PreservingOrder,
                benefit: Benefit::new(3).unwrap(),
            }],
            note: String::new(),
        };
        check_entry(
            old,
            new,
            "
system: PND → PNC
balancing purposes: none → Preserving order 3
affected groups: none → victims, children
must-have: no → yes
votes: 0 → 4
source:  → Action log, 2019-07-11
confidential: none → concern, owner",
        );
    }

    #[test]
    fn impacts_by_right_and_stage() {
        let mut old = entry("PND-001", "A");
        old.impacts = vec![
            impact("privacy", (3, 4), None),
            impact("liberty", (2, 2), Some((1, 1))),
            impact("life", (1, 2), None),
        ];
        let mut new = old.clone();
        new.impacts = vec![
            impact("privacy", (4, 4), Some((2, 3))),
            impact("liberty", (2, 2), Some((1, 1))),
            impact("expression", (2, 2), Some((1, 2))),
        ];
        new.impacts[1].note = "Protest".to_owned();
        check_entry(
            old,
            new,
            "
privacy inherent: 12 (significant × almost certain) → 16 (maximum × almost certain)
privacy residual: not judged → 6 (limited × likely)
liberty note:  → Protest
expression inherent: not scored → 4 (limited × possible)
expression residual: not scored → 2 (negligible × possible)
life inherent: 2 (negligible × possible) → not scored
life residual: not judged → not scored",
        );
    }

    #[test]
    fn impact_order_alone_is_not_a_change() {
        let mut old = entry("PND-001", "A");
        old.impacts = vec![
            impact("privacy", (3, 4), None),
            impact("liberty", (2, 2), None),
        ];
        let mut new = old.clone();
        new.impacts.reverse();
        let log = diff(&register(vec![old]), &register(vec![new]));
        assert!(log.changed.is_empty(), "{log:?}");
    }

    fn mitigation(text: &str, status: MitigationStatus) -> Mitigation {
        Mitigation {
            status,
            ..Mitigation::proposed(text)
        }
    }

    #[test]
    fn mitigations_and_their_statuses() {
        let mut old = entry("PND-001", "A");
        old.mitigations = vec![
            mitigation("Partition the pools", MitigationStatus::Proposed),
            mitigation("Audit access", MitigationStatus::Agreed),
            mitigation("Train users", MitigationStatus::Agreed),
        ];
        let mut new = old.clone();
        new.mitigations = vec![
            mitigation("Audit access", MitigationStatus::Implemented),
            mitigation("Partition the data pools", MitigationStatus::Proposed),
            mitigation("Review yearly", MitigationStatus::Proposed),
        ];
        new.mitigations[0].owner = "Home Office".to_owned();
        new.mitigations[0].due = Some(jiff::civil::date(2019, 10, 31));
        check_entry(
            old,
            new,
            "
mitigation 1 status: agreed → implemented
mitigation 1 owner:  → Home Office
mitigation 1 due: none → 2019-10-31
mitigation 2 text: Partition the pools → Partition the data pools
mitigation 3 text: Train users → Review yearly
mitigation 3 status: agreed → proposed
mitigations order: 1, 2, 3 → 2, 1, 3",
        );
    }

    #[test]
    fn mitigations_added_removed_and_reordered() {
        let mut old = entry("PND-001", "A");
        old.mitigations = vec![
            mitigation("One", MitigationStatus::Proposed),
            mitigation("Two", MitigationStatus::Proposed),
        ];
        let mut added = old.clone();
        added
            .mitigations
            .push(mitigation("Three", MitigationStatus::Agreed));
        check_entry(old.clone(), added.clone(), "mitigation 3 added:  → Three");
        check_entry(added, old.clone(), "mitigation 3 removed: Three → ");
        let mut reordered = old.clone();
        reordered.mitigations.reverse();
        check_entry(old, reordered, "mitigations order: 1, 2 → 2, 1");
    }

    #[test]
    fn every_change_names_the_field_to_restore() {
        let mut old = entry("PND-001", "A");
        old.impacts = vec![impact("privacy", (3, 4), None)];
        let mut new = old.clone();
        new.concern = "changed".to_owned();
        new.impacts[0].residual = Assessment::from_values(1, 1);
        new.mitigations.push(Mitigation::proposed("New"));
        let log = diff(&register(vec![old]), &register(vec![new]));
        let fields: Vec<&EntryField> = log.changed[0].fields.iter().map(|f| &f.field).collect();
        assert_eq!(
            fields,
            [
                &EntryField::Concern,
                &EntryField::Mitigations,
                &EntryField::Impact {
                    right: RightId::parse("privacy").unwrap(),
                    stage: Stage::Residual
                },
            ],
            "the restore key of each change"
        );
    }

    #[test]
    fn added_removed_changed_and_summary() {
        let old = register(vec![
            entry("PND-001", "A"),
            entry("PND-002", "B"),
            entry("PNC-001", "C"),
        ]);
        let mut new = old.clone();
        new.entries.remove(1);
        new.entries[1].votes = 3;
        new.entries.push(entry("LEDS-001", "D"));
        new.entries.push(entry("LEDS-002", "E"));
        let log = diff(&old, &new);
        assert_eq!(log.summary(), "2 added, 1 removed, 1 changed");
        let ids = |list: &[EntrySummary]| -> Vec<String> {
            list.iter().map(|e| e.id.to_string()).collect()
        };
        assert_eq!(ids(&log.added), ["LEDS-001", "LEDS-002"]);
        assert_eq!(ids(&log.removed), ["PND-002"]);
        assert_eq!(log.changed[0].entry.id.as_str(), "PNC-001");
    }

    #[test]
    fn identical_registers_have_no_differences() {
        let old = register(vec![entry("PND-001", "A")]);
        let log = diff(&old, &old.clone());
        assert!(log.is_empty(), "{log:?}");
        assert_eq!(
            log.to_text(),
            "0 added, 0 removed, 0 changed\n\nNo differences.\n"
        );
        assert!(log.table_rows().is_empty(), "no rows for no changes");
    }

    #[test]
    fn rank_movements_are_their_own_section() {
        let mut a = entry("PND-001", "A");
        a.impacts = vec![impact("privacy", (4, 4), None)];
        let mut b = entry("PND-002", "B");
        b.impacts = vec![impact("privacy", (2, 2), None)];
        let c = entry("PND-003", "C");
        let old = register(vec![a, b, c]);
        let mut new = old.clone();
        // B rises to the top; A moves down without changing, so only B counts as changed.
        new.entries[1].must_have = true;
        let log = diff(&old, &new);
        assert_eq!(log.summary(), "0 added, 0 removed, 1 changed");
        assert_eq!(log.changed.len(), 1);
        assert_eq!(log.changed[0].entry.id.as_str(), "PND-002");
        let moves: Vec<String> = log
            .rank_movements
            .iter()
            .map(|m| format!("{}: rank {} → {}", m.entry.id, m.old_rank, m.new_rank))
            .collect();
        assert_eq!(moves, ["PND-002: rank 2 → 1", "PND-001: rank 1 → 2"]);
    }

    #[test]
    fn register_details() {
        let old = register(vec![]);
        let mut new = old.clone();
        new.metadata.title = "New title".to_owned();
        new.metadata.version_label = "v1.1".to_owned();
        new.metadata.status = Status::Final;
        new.metadata.date_issued = Some(jiff::civil::date(2019, 4, 30));
        new.systems.remove(0);
        new.systems.push(System {
            id: SystemId::parse("HOB").unwrap(),
            name: "Home Office Biometrics".to_owned(),
            description: String::new(),
        });
        new.systems[0].name = "Police National Computer".to_owned();
        new.rights[0].name = "Privacy".to_owned();
        new.rights.push(Right {
            id: RightId::parse("flying").unwrap(),
            name: "Flying".to_owned(),
            legal_reference: "None".to_owned(),
        });
        let log = diff(&old, &new);
        let lines: Vec<String> = log
            .register_changes
            .iter()
            .map(|c| format!("{}: {} → {}", c.what, c.old, c.new))
            .collect();
        assert_eq!(
            lines.join("\n"),
            "title: Untitled register → New title
version label: v0.1 → v1.1
date issued: none → 2019-04-30
status: Draft → Final
system PNC name: PNC → Police National Computer
system HOB added:  → Home Office Biometrics
system PND removed: PND → 
right privacy name: Private and family life → Privacy
right flying added:  → Flying",
            "register changes"
        );
    }

    #[test]
    fn duplicate_ids_do_not_panic() {
        let old = register(vec![entry("PND-001", "A"), entry("PND-001", "B")]);
        let new = register(vec![entry("PND-001", "A")]);
        let log = diff(&old, &new);
        assert_eq!(log.summary(), "0 added, 1 removed, 0 changed");
    }

    #[test]
    fn text_log_reads_section_by_section() {
        let mut old_entry = entry("PND-001", "Colocation");
        old_entry.concern = "Users see more than their role needs, across every force, and the audit trail is thin.".to_owned();
        let old = register(vec![old_entry, entry("PND-002", "Gone")]);
        let mut new = old.clone();
        new.metadata.title = "Register ŵ".to_owned();
        new.entries.remove(1);
        new.entries[0].concern = "Users see more than they need.\nAudit is thin.".to_owned();
        new.entries[0].votes = 2;
        new.entries.push(entry("LEDS-001", "Sharing"));
        let expected = "\
1 added, 1 removed, 1 changed

Register details
  title: \"Untitled register\" → \"Register ŵ\"

Added
  LEDS-001 (LEDS): Sharing

Removed
  PND-002 (PND): Gone

Changed
  PND-001 (PND): Colocation
    concern:
      was \"Users see more than their role needs, across every force, and the audit trail is thin.\"
      now \"Users see more than they need.
          Audit is thin.\"
    votes: 0 → 2
";
        let text = diff(&old, &new).to_text();
        assert!(
            text == expected,
            "--- expected\n{expected}--- actual\n{text}"
        );
    }

    #[test]
    fn the_table_has_a_row_per_change() {
        let mut a = entry("PND-001", "A, with a comma");
        a.impacts = vec![impact("privacy", (2, 2), None)];
        let old = register(vec![a, entry("PND-002", "B")]);
        let mut new = old.clone();
        new.metadata.owner = "Team".to_owned();
        new.entries[1].must_have = true;
        new.entries.push(entry("LEDS-001", "C"));
        let rows: Vec<String> = diff(&old, &new)
            .table_rows()
            .iter()
            .map(|row| row.join("|"))
            .collect();
        assert_eq!(
            rows,
            [
                "register||||owner||Team",
                "added|LEDS-001|LEDS|C|||",
                "changed|PND-002|PND|B|must-have|no|yes",
                "rank|PND-002|PND|B|rank|2|1",
                "rank|PND-001|PND|A, with a comma|rank|1|2",
            ],
            "one row per change, register first"
        );
    }
}
