//! Every change a user can make to a register, as data, and the one function that applies it.
//!
//! The GUI never mutates a register directly: it pushes `Edit` values, and `apply` checks each one
//! against the register before touching it, so an invalid edit is rejected whole and never
//! half-applied. No egui, no I/O, no clock: dates arrive already parsed.

use jiff::civil::Date;

use crate::merge::{self, Choice, ResolveError};

use crate::register::{
    Action, ActionStatus, ActionUpdate, Assessment, Conflict, Entry, EntryId, Field, Language,
    Marking, Metadata, Mitigation, MitigationStatus, PriorConsultation, Register, Right, RightId,
    RiskAcceptance, Stage, Status, System, SystemId,
};

/// One change to a register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Replaces one of an entry's text fields.
    SetEntryText {
        /// The entry.
        entry: EntryId,
        /// Which text.
        field: EntryText,
        /// The new text.
        text: String,
    },
    /// Marks an entry as must-have for the next draft, or not.
    SetMustHave {
        /// The entry.
        entry: EntryId,
        /// Whether it is must-have.
        must_have: bool,
    },
    /// Sets an entry's workshop votes.
    SetVotes {
        /// The entry.
        entry: EntryId,
        /// The number of votes.
        votes: u32,
    },
    /// Sets the date of an entry's source document.
    SetSourceDate {
        /// The entry.
        entry: EntryId,
        /// The date, or none.
        date: Option<Date>,
    },
    /// Marks one of an entry's fields confidential (left out of the public edition), or not.
    SetConfidential {
        /// The entry.
        entry: EntryId,
        /// The field.
        field: Field,
        /// Whether it is confidential.
        is_confidential: bool,
    },
    /// Adds a group of people affected by an entry; a group already listed is left as it is.
    AddAffectedGroup {
        /// The entry.
        entry: EntryId,
        /// The group, such as "victims".
        group: String,
    },
    /// Removes a group from an entry's affected groups.
    RemoveAffectedGroup {
        /// The entry.
        entry: EntryId,
        /// The group.
        group: String,
    },
    /// Adds a mitigation at the end of an entry's list.
    AddMitigation {
        /// The entry.
        entry: EntryId,
        /// The new mitigation.
        mitigation: Mitigation,
    },
    /// Removes one mitigation.
    RemoveMitigation {
        /// The entry.
        entry: EntryId,
        /// The mitigation's position in the list.
        mitigation_idx: usize,
    },
    /// Moves one mitigation to another position, shifting those between.
    MoveMitigation {
        /// The entry.
        entry: EntryId,
        /// Where the mitigation is.
        from_idx: usize,
        /// Where it goes.
        to_idx: usize,
    },
    /// Replaces a mitigation's text.
    SetMitigationText {
        /// The entry.
        entry: EntryId,
        /// The mitigation's position.
        mitigation_idx: usize,
        /// The new text.
        text: String,
    },
    /// Replaces a mitigation's owner.
    SetMitigationOwner {
        /// The entry.
        entry: EntryId,
        /// The mitigation's position.
        mitigation_idx: usize,
        /// The new owner.
        owner: String,
    },
    /// Sets how far a mitigation has got.
    SetMitigationStatus {
        /// The entry.
        entry: EntryId,
        /// The mitigation's position.
        mitigation_idx: usize,
        /// The new status.
        status: MitigationStatus,
    },
    /// Sets or clears a mitigation's due date.
    SetMitigationDue {
        /// The entry.
        entry: EntryId,
        /// The mitigation's position.
        mitigation_idx: usize,
        /// The due date, or none.
        due: Option<Date>,
    },
    /// Sets one judgement of an entry's impact on a right.
    ///
    /// At `Inherent`, `Some` scores the right (adding the impact if needed) and `None` removes the
    /// impact altogether. At `Residual`, `Some` records a residual judgement (the right must already
    /// have an inherent one) and `None` clears it, so the inherent judgement counts again.
    SetImpact {
        /// The entry.
        entry: EntryId,
        /// The right, which must be in the register's catalogue.
        right: RightId,
        /// Before or after mitigation.
        stage: Stage,
        /// The judgement, or none.
        assessment: Option<Assessment>,
    },
    /// Replaces the note on an entry's impact on a right.
    SetImpactNote {
        /// The entry.
        entry: EntryId,
        /// The right, which the entry must have an impact on.
        right: RightId,
        /// The new note.
        note: String,
    },
    /// Adds a new entry for `system` at the end of the register, with a freshly issued id.
    AddEntry {
        /// The system, which must be in the register.
        system: SystemId,
    },
    /// Adds a copy of an entry at the end of the register, with a freshly issued id.
    DuplicateEntry {
        /// The entry to copy.
        entry: EntryId,
    },
    /// Deletes an entry, and the action log's links to it. Its id is never issued again.
    DeleteEntry {
        /// The entry.
        entry: EntryId,
    },
    /// Adds a system to the register.
    AddSystem {
        /// The system; its id must be new.
        system: System,
    },
    /// Adds a right to the end of the rights catalogue.
    AddRight {
        /// The right; its id must be new.
        right: Right,
    },
    /// Renames a right of the catalogue, or replaces its legal reference; its id stays, so
    /// scores and files still match.
    SetRightText {
        /// The right.
        right: RightId,
        /// Which text.
        field: RightText,
        /// The new text.
        text: String,
    },
    /// Sets the language of the register's text and of its papers' fixed words.
    SetLanguage {
        /// The language.
        language: Language,
    },
    /// Replaces one of the register's text details.
    SetDetailText {
        /// Which detail.
        field: DetailText,
        /// The new text.
        text: String,
    },
    /// Sets or clears the date the register's current version was issued.
    SetDateIssued {
        /// The date, or none.
        date: Option<Date>,
    },
    /// Sets where the register stands.
    SetStatus {
        /// The status.
        status: Status,
    },
    /// Sets the protective marking.
    SetMarking {
        /// The marking.
        marking: Marking,
    },
    /// Records (or, with `None`, withdraws) the accountable decision on an entry's residual risk.
    SetAcceptance {
        /// The entry.
        entry: EntryId,
        /// The decision, or none.
        acceptance: Option<RiskAcceptance>,
    },
    /// Records (or, with `None`, clears) the register's prior consultation of the ICO.
    SetPriorConsultation {
        /// The record, or none.
        consultation: Option<PriorConsultation>,
    },
    /// Adds an action to the end of the log. Number 0 takes the next number
    /// (`Register::issue_action_number`); any other must never have been given (an imported log
    /// brings its own numbers).
    AddAction {
        /// The action; its entries and linked actions must be in the register.
        action: Box<Action>,
    },
    /// Deletes an action. Its number is never given again.
    DeleteAction {
        /// The action's number.
        number: u32,
    },
    /// Adds an update to an action, in date order.
    AddActionUpdate {
        /// The action's number.
        number: u32,
        /// The update; its text must not be empty.
        update: ActionUpdate,
    },
    /// Sets how far an action has got.
    SetActionStatus {
        /// The action's number.
        number: u32,
        /// The new status.
        status: ActionStatus,
    },
    /// Settles one merge conflict with our value or theirs (`merge::resolve`), and removes it.
    ResolveConflict {
        /// Its position in `Register::conflicts`.
        conflict_idx: usize,
        /// Whose value.
        choice: Choice,
        /// The conflict being settled, as it was: for the undo menu, `PND-001 concern`.
        conflict: Box<Conflict>,
    },
    /// Replaces the whole register, as importing a CSV does; undone in one step like any edit.
    /// The snapshots the register records are kept: they are history, not content.
    ReplaceRegister {
        /// The register to put in place.
        register: Box<Register>,
        /// What the replacement was, for the undo menu: "import CSV".
        label: String,
    },
}

/// An entry's free-text fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntryText {
    /// The short issue title.
    Issue,
    /// The concern in full.
    Concern,
    /// The theme: data quality, retention, …
    Category,
    /// The balancing note.
    BalancingNote,
    /// The source document.
    SourceDocument,
}

impl EntryText {
    /// The field's name in a sentence: "concern".
    pub fn name(self) -> &'static str {
        match self {
            Self::Issue => "issue",
            Self::Concern => "concern",
            Self::Category => "category",
            Self::BalancingNote => "balancing note",
            Self::SourceDocument => "source",
        }
    }
}

/// A right's texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RightText {
    /// The name people read.
    Name,
    /// Where the right comes from in law.
    LegalReference,
}

impl RightText {
    /// The text's name in a sentence: "legal reference".
    pub fn name(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::LegalReference => "legal reference",
        }
    }
}

/// The register's free-text details.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DetailText {
    /// The title.
    Title,
    /// The programme assessed.
    Programme,
    /// The version label, such as `v1.0`.
    VersionLabel,
    /// Who owns the register.
    Owner,
    /// The purpose paragraph.
    Purpose,
}

impl DetailText {
    /// The detail's name in a sentence: "version label".
    pub fn name(self) -> &'static str {
        match self {
            Self::Title => "title",
            Self::Programme => "programme",
            Self::VersionLabel => "version label",
            Self::Owner => "owner",
            Self::Purpose => "purpose",
        }
    }
}

/// What a run of typing edits into one field has in common, so undo can take them back in one step.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TypingKey {
    /// An entry's text field.
    EntryText(EntryId, EntryText),
    /// An entry's votes (a drag changes them in many small steps).
    Votes(EntryId),
    /// A mitigation's text.
    MitigationText(EntryId, usize),
    /// A mitigation's owner.
    MitigationOwner(EntryId, usize),
    /// The note on an impact.
    ImpactNote(EntryId, RightId),
    /// A register detail.
    Detail(DetailText),
    /// A right's name or legal reference.
    RightText(RightId, RightText),
}

/// Why an edit was rejected. The register is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// A merge conflict could not be settled.
    #[error(transparent)]
    Unresolved {
        /// Why.
        source: ResolveError,
    },
    /// No entry has the id.
    #[error("there is no entry {entry}")]
    NoSuchEntry {
        /// The id asked for.
        entry: EntryId,
    },
    /// The entry has no mitigation at that position.
    #[error("entry {entry} has no mitigation {number}", number = mitigation_idx + 1)]
    NoSuchMitigation {
        /// The entry.
        entry: EntryId,
        /// The position asked for, from 0.
        mitigation_idx: usize,
    },
    /// The right is not in the register's catalogue.
    #[error("there is no right `{right}` in the catalogue")]
    NoSuchRight {
        /// The right asked for.
        right: RightId,
    },
    /// The system is not in the register.
    #[error("there is no system `{system}` in the register")]
    NoSuchSystem {
        /// The system asked for.
        system: SystemId,
    },
    /// A residual judgement or a note was given for a right the entry has no inherent impact on.
    #[error("entry {entry} has no impact on `{right}` yet: score it before mitigation first")]
    NoImpact {
        /// The entry.
        entry: EntryId,
        /// The right.
        right: RightId,
    },
    /// A system with that id is already in the register.
    #[error("there is already a system `{system}`")]
    SystemExists {
        /// The id.
        system: SystemId,
    },
    /// A right with that id is already in the catalogue.
    #[error("there is already a right `{right}`")]
    RightExists {
        /// The id.
        right: RightId,
    },
    /// A system or right was given an empty name.
    #[error("a name cannot be empty")]
    EmptyName,
    /// No action has the number.
    #[error("there is no action {number}")]
    NoSuchAction {
        /// The number asked for.
        number: u32,
    },
    /// An action with the number is in the log, or was once: numbers are never reused.
    #[error("action number {number} has already been given")]
    ActionNumberTaken {
        /// The number.
        number: u32,
    },
    /// An action or an update was given no text.
    #[error("an action's text and its updates' texts cannot be empty")]
    EmptyActionText,
}

impl Edit {
    /// The key shared by a run of typing edits into one field; `None` for edits that stand alone.
    pub fn typing_key(&self) -> Option<TypingKey> {
        match self {
            Self::SetEntryText { entry, field, .. } => {
                Some(TypingKey::EntryText(entry.clone(), *field))
            }
            Self::SetVotes { entry, .. } => Some(TypingKey::Votes(entry.clone())),
            Self::SetMitigationText {
                entry,
                mitigation_idx,
                ..
            } => Some(TypingKey::MitigationText(entry.clone(), *mitigation_idx)),
            Self::SetMitigationOwner {
                entry,
                mitigation_idx,
                ..
            } => Some(TypingKey::MitigationOwner(entry.clone(), *mitigation_idx)),
            Self::SetImpactNote { entry, right, .. } => {
                Some(TypingKey::ImpactNote(entry.clone(), right.clone()))
            }
            Self::SetDetailText { field, .. } => Some(TypingKey::Detail(*field)),
            Self::SetRightText { right, field, .. } => {
                Some(TypingKey::RightText(right.clone(), *field))
            }
            _ => None,
        }
    }

    /// Whether the edit adds an entry (at the end of the register, with a new id).
    pub fn adds_entry(&self) -> bool {
        matches!(self, Self::AddEntry { .. } | Self::DuplicateEntry { .. })
    }

    /// The entry an edit changes in place, for edits that change one entry and nothing else.
    pub fn entry(&self) -> Option<&EntryId> {
        match self {
            Self::SetEntryText { entry, .. }
            | Self::SetMustHave { entry, .. }
            | Self::SetVotes { entry, .. }
            | Self::SetSourceDate { entry, .. }
            | Self::SetConfidential { entry, .. }
            | Self::AddAffectedGroup { entry, .. }
            | Self::RemoveAffectedGroup { entry, .. }
            | Self::AddMitigation { entry, .. }
            | Self::RemoveMitigation { entry, .. }
            | Self::MoveMitigation { entry, .. }
            | Self::SetMitigationText { entry, .. }
            | Self::SetMitigationOwner { entry, .. }
            | Self::SetMitigationStatus { entry, .. }
            | Self::SetMitigationDue { entry, .. }
            | Self::SetImpact { entry, .. }
            | Self::SetImpactNote { entry, .. }
            | Self::SetAcceptance { entry, .. } => Some(entry),
            Self::AddEntry { .. }
            | Self::DuplicateEntry { .. }
            | Self::DeleteEntry { .. }
            | Self::AddSystem { .. }
            | Self::AddRight { .. }
            | Self::SetRightText { .. }
            | Self::SetLanguage { .. }
            | Self::SetDetailText { .. }
            | Self::SetDateIssued { .. }
            | Self::SetStatus { .. }
            | Self::SetMarking { .. }
            | Self::SetPriorConsultation { .. }
            | Self::AddAction { .. }
            | Self::DeleteAction { .. }
            | Self::AddActionUpdate { .. }
            | Self::SetActionStatus { .. }
            | Self::ResolveConflict { .. }
            | Self::ReplaceRegister { .. } => None,
        }
    }

    /// Whether the edit can change the priority order (or the heat map): scores, must-have and votes,
    /// entries added or removed, the rights catalogue. Text edits cannot, so views need not re-rank.
    pub fn affects_ranking(&self) -> bool {
        match self {
            Self::SetMustHave { .. }
            | Self::SetVotes { .. }
            | Self::SetImpact { .. }
            | Self::AddEntry { .. }
            | Self::DuplicateEntry { .. }
            | Self::DeleteEntry { .. }
            | Self::AddSystem { .. }
            | Self::AddRight { .. }
            | Self::SetRightText { .. }
            | Self::ResolveConflict { .. }
            | Self::ReplaceRegister { .. } => true,
            Self::SetEntryText { .. }
            | Self::SetSourceDate { .. }
            | Self::SetConfidential { .. }
            | Self::AddAffectedGroup { .. }
            | Self::RemoveAffectedGroup { .. }
            | Self::AddMitigation { .. }
            | Self::RemoveMitigation { .. }
            | Self::MoveMitigation { .. }
            | Self::SetMitigationText { .. }
            | Self::SetMitigationOwner { .. }
            | Self::SetMitigationStatus { .. }
            | Self::SetMitigationDue { .. }
            | Self::SetImpactNote { .. }
            | Self::SetLanguage { .. }
            | Self::SetDetailText { .. }
            | Self::SetDateIssued { .. }
            | Self::SetStatus { .. }
            | Self::SetMarking { .. }
            | Self::SetAcceptance { .. }
            | Self::SetPriorConsultation { .. }
            | Self::AddAction { .. }
            | Self::DeleteAction { .. }
            | Self::AddActionUpdate { .. }
            | Self::SetActionStatus { .. } => false,
        }
    }

    /// The edit that settles conflict `conflict_idx` of `register` with `choice`, if there is one.
    pub fn resolve_conflict(
        register: &Register,
        conflict_idx: usize,
        choice: Choice,
    ) -> Option<Self> {
        let conflict = register.conflicts.get(conflict_idx)?;
        Some(Self::ResolveConflict {
            conflict_idx,
            choice,
            conflict: Box::new(conflict.clone()),
        })
    }

    /// What the edit does, for the undo menu: "edit concern of LEDS-003".
    pub fn label(&self) -> String {
        match self {
            Self::SetEntryText { entry, field, .. } => format!("edit {} of {entry}", field.name()),
            Self::SetMustHave { entry, must_have } => {
                if *must_have {
                    format!("mark {entry} must-have")
                } else {
                    format!("unmark {entry} must-have")
                }
            }
            Self::SetVotes { entry, .. } => format!("change votes of {entry}"),
            Self::SetSourceDate { entry, .. } => format!("change source date of {entry}"),
            Self::SetConfidential { entry, field, .. } => {
                format!("change confidentiality of {field} of {entry}")
            }
            Self::AddAffectedGroup { entry, .. } => format!("add affected group to {entry}"),
            Self::RemoveAffectedGroup { entry, .. } => {
                format!("remove affected group from {entry}")
            }
            Self::AddMitigation { entry, .. } => format!("add mitigation to {entry}"),
            Self::RemoveMitigation { entry, .. } => format!("remove mitigation from {entry}"),
            Self::MoveMitigation { entry, .. } => format!("reorder mitigations of {entry}"),
            Self::SetMitigationText { entry, .. } => format!("edit mitigation of {entry}"),
            Self::SetMitigationOwner { entry, .. } => format!("change mitigation owner of {entry}"),
            Self::SetMitigationStatus { entry, .. } => {
                format!("change mitigation status of {entry}")
            }
            Self::SetMitigationDue { entry, .. } => {
                format!("change mitigation due date of {entry}")
            }
            Self::SetImpact {
                entry,
                right,
                stage,
                ..
            } => format!("change {} impact on {right} of {entry}", stage.name()),
            Self::SetImpactNote { entry, right, .. } => {
                format!("edit note on {right} of {entry}")
            }
            Self::AddEntry { system } => format!("add {system} entry"),
            Self::DuplicateEntry { entry } => format!("duplicate {entry}"),
            Self::DeleteEntry { entry } => format!("delete {entry}"),
            Self::AddSystem { system } => format!("add system {}", system.id),
            Self::AddRight { right } => format!("add right {}", right.id),
            Self::SetRightText { right, field, .. } => {
                format!("edit {} of right {right}", field.name())
            }
            Self::SetLanguage { .. } => "change register language".to_owned(),
            Self::SetDetailText { field, .. } => format!("edit register {}", field.name()),
            Self::SetDateIssued { .. } => "change date issued".to_owned(),
            Self::SetStatus { .. } => "change register status".to_owned(),
            Self::SetMarking { .. } => "change protective marking".to_owned(),
            Self::SetAcceptance { entry, .. } => format!("record risk acceptance of {entry}"),
            Self::SetPriorConsultation { .. } => "record prior consultation".to_owned(),
            Self::AddAction { action } if action.number == 0 => "add action".to_owned(),
            Self::AddAction { action } => format!("add action {}", action.number),
            Self::DeleteAction { number } => format!("delete action {number}"),
            Self::AddActionUpdate { number, .. } => format!("add update to action {number}"),
            Self::SetActionStatus { number, status } => {
                format!("mark action {number} {status}")
            }
            Self::ResolveConflict {
                choice, conflict, ..
            } => match choice {
                Choice::Ours => format!("keep ours for {}", conflict.what()),
                Choice::Theirs => format!("take theirs for {}", conflict.what()),
            },
            Self::ReplaceRegister { label, .. } => label.clone(),
        }
    }
}

/// Applies `edit` to `register`, or rejects it and leaves the register as it was.
///
/// Every check is made before the first change, so a rejected edit changes nothing.
#[expect(
    clippy::too_many_lines,
    reason = "one short arm per edit reads better than the same split over helpers"
)]
pub fn apply(register: &mut Register, edit: Edit) -> Result<(), EditError> {
    match edit {
        Edit::SetEntryText { entry, field, text } => {
            let found = entry_mut(register, &entry)?;
            let slot = match field {
                EntryText::Issue => &mut found.issue,
                EntryText::Concern => &mut found.concern,
                EntryText::Category => &mut found.category,
                EntryText::BalancingNote => &mut found.balancing.note,
                EntryText::SourceDocument => &mut found.source.document,
            };
            *slot = text;
        }
        Edit::SetMustHave { entry, must_have } => {
            entry_mut(register, &entry)?.must_have = must_have;
        }
        Edit::SetVotes { entry, votes } => entry_mut(register, &entry)?.votes = votes,
        Edit::SetSourceDate { entry, date } => entry_mut(register, &entry)?.source.date = date,
        Edit::SetConfidential {
            entry,
            field,
            is_confidential,
        } => {
            let found = entry_mut(register, &entry)?;
            if is_confidential {
                found.confidential.insert(field);
            } else {
                found.confidential.remove(&field);
            }
        }
        Edit::AddAffectedGroup { entry, group } => {
            let found = entry_mut(register, &entry)?;
            let group = group.trim();
            if !group.is_empty() && !found.affected_groups.iter().any(|g| g == group) {
                found.affected_groups.push(group.to_owned());
            }
        }
        Edit::RemoveAffectedGroup { entry, group } => {
            entry_mut(register, &entry)?
                .affected_groups
                .retain(|g| *g != group);
        }
        Edit::AddMitigation { entry, mitigation } => {
            entry_mut(register, &entry)?.mitigations.push(mitigation);
        }
        Edit::RemoveMitigation {
            entry,
            mitigation_idx,
        } => {
            mitigation_mut(register, &entry, mitigation_idx)?;
            entry_mut(register, &entry)?
                .mitigations
                .remove(mitigation_idx);
        }
        Edit::MoveMitigation {
            entry,
            from_idx,
            to_idx,
        } => {
            mitigation_mut(register, &entry, from_idx)?;
            mitigation_mut(register, &entry, to_idx)?;
            let mitigations = &mut entry_mut(register, &entry)?.mitigations;
            let moved = mitigations.remove(from_idx);
            mitigations.insert(to_idx, moved);
        }
        Edit::SetMitigationText {
            entry,
            mitigation_idx,
            text,
        } => mitigation_mut(register, &entry, mitigation_idx)?.text = text,
        Edit::SetMitigationOwner {
            entry,
            mitigation_idx,
            owner,
        } => mitigation_mut(register, &entry, mitigation_idx)?.owner = owner,
        Edit::SetMitigationStatus {
            entry,
            mitigation_idx,
            status,
        } => mitigation_mut(register, &entry, mitigation_idx)?.status = status,
        Edit::SetMitigationDue {
            entry,
            mitigation_idx,
            due,
        } => mitigation_mut(register, &entry, mitigation_idx)?.due = due,
        Edit::SetImpact {
            entry,
            right,
            stage,
            assessment,
        } => set_impact(register, &entry, right, stage, assessment)?,
        Edit::SetImpactNote { entry, right, note } => {
            let found = entry_mut(register, &entry)?;
            let Some(impact) = found.impacts.iter_mut().find(|i| i.right == right) else {
                return Err(EditError::NoImpact { entry, right });
            };
            impact.note = note;
        }
        Edit::AddEntry { system } => {
            if register.system(&system).is_none() {
                return Err(EditError::NoSuchSystem { system });
            }
            let id = register.issue_entry_id(&system);
            register.entries.push(Entry::new(id, system, "New issue"));
        }
        Edit::DuplicateEntry { entry } => {
            let mut copy = entry_mut(register, &entry)?.clone();
            copy.id = register.issue_entry_id(&copy.system);
            copy.issue = format!("{} (copy)", copy.issue);
            register.entries.push(copy);
        }
        Edit::DeleteEntry { entry } => {
            let Some(entry_idx) = register.entry_idx(&entry) else {
                return Err(EditError::NoSuchEntry { entry });
            };
            let removed = register.entries.remove(entry_idx);
            // The actions on it no longer point at it: a deleted entry leaves no dangling link.
            for action in &mut register.actions {
                action.entries.retain(|id| *id != removed.id);
                if action
                    .mitigation
                    .as_ref()
                    .is_some_and(|m| m.entry == removed.id)
                {
                    action.mitigation = None;
                }
            }
            // Record the id as issued so that it is never given again, even if it was typed by hand.
            if let Some(number) = removed.id.number_for(&removed.system) {
                let issued = register.issued_ids.entry(removed.system).or_insert(0);
                *issued = (*issued).max(number);
            }
        }
        Edit::AddSystem { system } => {
            if system.name.trim().is_empty() {
                return Err(EditError::EmptyName);
            }
            if register.system(&system.id).is_some() {
                return Err(EditError::SystemExists { system: system.id });
            }
            register.systems.push(system);
        }
        Edit::AddRight { right } => {
            if right.name.trim().is_empty() {
                return Err(EditError::EmptyName);
            }
            if register.right(&right.id).is_some() {
                return Err(EditError::RightExists { right: right.id });
            }
            register.rights.push(right);
        }
        Edit::SetRightText { right, field, text } => {
            if field == RightText::Name && text.trim().is_empty() {
                return Err(EditError::EmptyName);
            }
            let Some(slot) = register.rights.iter_mut().find(|r| r.id == right) else {
                return Err(EditError::NoSuchRight { right });
            };
            match field {
                RightText::Name => slot.name = text,
                RightText::LegalReference => slot.legal_reference = text,
            }
        }
        Edit::SetLanguage { language } => register.metadata.language = language,
        Edit::SetDetailText { field, text } => {
            let metadata: &mut Metadata = &mut register.metadata;
            let slot = match field {
                DetailText::Title => &mut metadata.title,
                DetailText::Programme => &mut metadata.programme,
                DetailText::VersionLabel => &mut metadata.version_label,
                DetailText::Owner => &mut metadata.owner,
                DetailText::Purpose => &mut metadata.purpose,
            };
            *slot = text;
        }
        Edit::SetDateIssued { date } => register.metadata.date_issued = date,
        Edit::SetStatus { status } => register.metadata.status = status,
        Edit::SetMarking { marking } => register.metadata.marking = marking,
        Edit::SetAcceptance { entry, acceptance } => {
            entry_mut(register, &entry)?.acceptance = acceptance;
        }
        Edit::SetPriorConsultation { consultation } => {
            register.metadata.prior_consultation = consultation;
        }
        Edit::AddAction { action } => add_action(register, *action)?,
        Edit::DeleteAction { number } => {
            let Some(action_idx) = register.actions.iter().position(|a| a.number == number) else {
                return Err(EditError::NoSuchAction { number });
            };
            register.actions.remove(action_idx);
            register.last_action_number = register.last_action_number.max(number);
        }
        Edit::AddActionUpdate { number, update } => {
            if update.text.trim().is_empty() {
                return Err(EditError::EmptyActionText);
            }
            action_mut(register, number)?.add_update(update);
        }
        Edit::SetActionStatus { number, status } => action_mut(register, number)?.status = status,
        Edit::ResolveConflict {
            conflict_idx,
            choice,
            ..
        } => merge::resolve(register, conflict_idx, choice)
            .map_err(|source| EditError::Unresolved { source })?,
        Edit::ReplaceRegister {
            register: replacement,
            ..
        } => {
            // The snapshots taken are history, not content: replacing the register (a restore,
            // an import, an undo of either) keeps the record of them.
            let snapshots = std::mem::take(&mut register.snapshots);
            *register = *replacement;
            register.snapshots = snapshots;
        }
    }
    Ok(())
}

fn entry_mut<'a>(register: &'a mut Register, entry: &EntryId) -> Result<&'a mut Entry, EditError> {
    register
        .entry_mut(entry)
        .ok_or_else(|| EditError::NoSuchEntry {
            entry: entry.clone(),
        })
}

fn action_mut(register: &mut Register, number: u32) -> Result<&mut Action, EditError> {
    register
        .action_mut(number)
        .ok_or(EditError::NoSuchAction { number })
}

fn add_action(register: &mut Register, mut action: Action) -> Result<(), EditError> {
    if action.text.trim().is_empty() || action.updates.iter().any(|u| u.text.trim().is_empty()) {
        return Err(EditError::EmptyActionText);
    }
    if let Some(entry) = action
        .entries
        .iter()
        .find(|id| register.entry(id).is_none())
    {
        return Err(EditError::NoSuchEntry {
            entry: entry.clone(),
        });
    }
    if let Some(link) = action
        .links
        .iter()
        .find(|link| register.action(link.action).is_none())
    {
        return Err(EditError::NoSuchAction {
            number: link.action,
        });
    }
    if let Some(mitigation) = &action.mitigation
        && register.entry(&mitigation.entry).is_none()
    {
        return Err(EditError::NoSuchEntry {
            entry: mitigation.entry.clone(),
        });
    }
    if action.number == 0 {
        action.number = register.issue_action_number();
    } else if action.number <= register.last_action_number
        || register.action(action.number).is_some()
    {
        return Err(EditError::ActionNumberTaken {
            number: action.number,
        });
    } else {
        register.last_action_number = action.number;
    }
    register.actions.push(action);
    Ok(())
}

fn mitigation_mut<'a>(
    register: &'a mut Register,
    entry: &EntryId,
    mitigation_idx: usize,
) -> Result<&'a mut Mitigation, EditError> {
    entry_mut(register, entry)?
        .mitigations
        .get_mut(mitigation_idx)
        .ok_or_else(|| EditError::NoSuchMitigation {
            entry: entry.clone(),
            mitigation_idx,
        })
}

fn set_impact(
    register: &mut Register,
    entry: &EntryId,
    right: RightId,
    stage: Stage,
    assessment: Option<Assessment>,
) -> Result<(), EditError> {
    if register.right(&right).is_none() {
        return Err(EditError::NoSuchRight { right });
    }
    let found = entry_mut(register, entry)?;
    let existing = found.impacts.iter_mut().find(|i| i.right == right);
    match (stage, assessment, existing) {
        (Stage::Inherent, Some(assessment), Some(impact)) => impact.inherent = assessment,
        (Stage::Inherent, Some(assessment), None) => {
            found
                .impacts
                .push(crate::register::Impact::new(right, assessment));
        }
        (Stage::Inherent, None, _) => found.impacts.retain(|i| i.right != right),
        (Stage::Residual, assessment, Some(impact)) => impact.residual = assessment,
        (Stage::Residual, _, None) => {
            return Err(EditError::NoImpact {
                entry: entry.clone(),
                right,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::{Likelihood, Severity};

    fn id(text: &str) -> EntryId {
        EntryId::parse(text).unwrap()
    }

    fn right(text: &str) -> RightId {
        RightId::parse(text).unwrap()
    }

    fn sample() -> Register {
        let mut register = Register::default();
        let pnd = SystemId::parse("PND").unwrap();
        register.systems.push(System {
            id: pnd.clone(),
            name: "Police National Database".to_owned(),
            description: String::new(),
        });
        for _ in 0..2 {
            let entry_id = register.issue_entry_id(&pnd);
            register
                .entries
                .push(Entry::new(entry_id, pnd.clone(), "Issue"));
        }
        register
    }

    /// Applies `edit` and asserts it is rejected with `expected` and changes nothing.
    fn check_rejected(register: &Register, edit: Edit, expected: &str) {
        let mut changed = register.clone();
        let err = apply(&mut changed, edit).unwrap_err();
        assert_eq!(err.to_string(), expected, "error message");
        assert_eq!(&changed, register, "a rejected edit changes nothing");
    }

    #[test]
    fn sets_text_fields() {
        let mut register = sample();
        for (field, text) in [
            (EntryText::Issue, "Retention"),
            (EntryText::Concern, "Siân's concern ŵ"),
            (EntryText::Category, "retention"),
            (EntryText::BalancingNote, "Balanced"),
            (EntryText::SourceDocument, "Action log"),
        ] {
            apply(
                &mut register,
                Edit::SetEntryText {
                    entry: id("PND-001"),
                    field,
                    text: text.to_owned(),
                },
            )
            .unwrap();
        }
        let entry = register.entry(&id("PND-001")).unwrap();
        assert_eq!(
            (
                entry.issue.as_str(),
                entry.concern.as_str(),
                entry.category.as_str(),
                entry.balancing.note.as_str(),
                entry.source.document.as_str()
            ),
            (
                "Retention",
                "Siân's concern ŵ",
                "retention",
                "Balanced",
                "Action log"
            )
        );
    }

    #[test]
    fn unknown_entry_is_rejected() {
        check_rejected(
            &sample(),
            Edit::SetMustHave {
                entry: id("PND-009"),
                must_have: true,
            },
            "there is no entry PND-009",
        );
    }

    #[test]
    fn mitigations_add_move_and_remove() {
        let mut register = sample();
        let entry = id("PND-001");
        for text in ["first", "second", "third"] {
            apply(
                &mut register,
                Edit::AddMitigation {
                    entry: entry.clone(),
                    mitigation: Mitigation::proposed(text),
                },
            )
            .unwrap();
        }
        apply(
            &mut register,
            Edit::MoveMitigation {
                entry: entry.clone(),
                from_idx: 2,
                to_idx: 0,
            },
        )
        .unwrap();
        apply(
            &mut register,
            Edit::RemoveMitigation {
                entry: entry.clone(),
                mitigation_idx: 1,
            },
        )
        .unwrap();
        apply(
            &mut register,
            Edit::SetMitigationStatus {
                entry: entry.clone(),
                mitigation_idx: 1,
                status: MitigationStatus::Implemented,
            },
        )
        .unwrap();
        let mitigations = &register.entry(&entry).unwrap().mitigations;
        let summary: Vec<(&str, MitigationStatus)> = mitigations
            .iter()
            .map(|m| (m.text.as_str(), m.status))
            .collect();
        assert_eq!(
            summary,
            [
                ("third", MitigationStatus::Proposed),
                ("second", MitigationStatus::Implemented)
            ]
        );
    }

    #[test]
    fn a_missing_mitigation_is_rejected() {
        check_rejected(
            &sample(),
            Edit::MoveMitigation {
                entry: id("PND-001"),
                from_idx: 0,
                to_idx: 0,
            },
            "entry PND-001 has no mitigation 1",
        );
    }

    #[test]
    fn impacts_are_scored_cleared_and_removed() {
        let mut register = sample();
        let entry = id("PND-001");
        let set = |stage, assessment| Edit::SetImpact {
            entry: entry.clone(),
            right: right("privacy"),
            stage,
            assessment,
        };
        apply(
            &mut register,
            set(Stage::Inherent, Assessment::from_values(4, 3)),
        )
        .unwrap();
        apply(
            &mut register,
            set(Stage::Residual, Assessment::from_values(2, 2)),
        )
        .unwrap();
        let impact = register.entry(&entry).unwrap().impacts[0].clone();
        assert_eq!(impact.inherent.severity, Severity::Maximum);
        assert_eq!(
            impact.residual.map(|a| a.likelihood),
            Some(Likelihood::Possible)
        );
        apply(&mut register, set(Stage::Residual, None)).unwrap();
        assert_eq!(register.entry(&entry).unwrap().impacts[0].residual, None);
        apply(&mut register, set(Stage::Inherent, None)).unwrap();
        assert!(register.entry(&entry).unwrap().impacts.is_empty());
    }

    #[test]
    fn residual_needs_an_inherent_impact() {
        check_rejected(
            &sample(),
            Edit::SetImpact {
                entry: id("PND-001"),
                right: right("privacy"),
                stage: Stage::Residual,
                assessment: Assessment::from_values(1, 1),
            },
            "entry PND-001 has no impact on `privacy` yet: score it before mitigation first",
        );
    }

    #[test]
    fn impact_on_unknown_right_is_rejected() {
        check_rejected(
            &sample(),
            Edit::SetImpact {
                entry: id("PND-001"),
                right: right("flying"),
                stage: Stage::Inherent,
                assessment: Assessment::from_values(1, 1),
            },
            "there is no right `flying` in the catalogue",
        );
    }

    #[test]
    fn new_ids_are_never_reused() {
        let mut register = sample();
        let pnd = SystemId::parse("PND").unwrap();
        apply(
            &mut register,
            Edit::DeleteEntry {
                entry: id("PND-002"),
            },
        )
        .unwrap();
        apply(&mut register, Edit::AddEntry { system: pnd }).unwrap();
        apply(
            &mut register,
            Edit::DuplicateEntry {
                entry: id("PND-001"),
            },
        )
        .unwrap();
        let ids: Vec<&str> = register.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["PND-001", "PND-003", "PND-004"]);
        assert_eq!(register.entries[2].issue, "Issue (copy)");
    }

    #[test]
    fn deleting_a_hand_numbered_entry_retires_its_id() {
        let mut register = sample();
        let pnd = SystemId::parse("PND").unwrap();
        register
            .entries
            .push(Entry::new(id("PND-010"), pnd.clone(), "Typed by hand"));
        apply(
            &mut register,
            Edit::DeleteEntry {
                entry: id("PND-010"),
            },
        )
        .unwrap();
        apply(&mut register, Edit::AddEntry { system: pnd }).unwrap();
        assert_eq!(register.entries.last().unwrap().id.as_str(), "PND-011");
    }

    #[test]
    fn new_entry_needs_a_known_system() {
        check_rejected(
            &sample(),
            Edit::AddEntry {
                system: SystemId::parse("HOB").unwrap(),
            },
            "there is no system `HOB` in the register",
        );
    }

    #[test]
    fn rights_are_renamed_and_the_language_set_undoably() {
        let mut register = sample();
        let before = register.clone();
        let mut history = crate::history::History::default();
        let privacy = right("privacy");
        let rename = |text: &str| Edit::SetRightText {
            right: privacy.clone(),
            field: RightText::Name,
            text: text.to_owned(),
        };
        for text in ["Preifatrwydd", "Bywyd preifat a theuluol"] {
            history.apply(&mut register, rename(text)).unwrap();
        }
        history
            .apply(
                &mut register,
                Edit::SetRightText {
                    right: privacy.clone(),
                    field: RightText::LegalReference,
                    text: "ECHR Erthygl 8".to_owned(),
                },
            )
            .unwrap();
        history
            .apply(
                &mut register,
                Edit::SetLanguage {
                    language: Language::Welsh,
                },
            )
            .unwrap();
        let renamed = register.right(&privacy).unwrap();
        assert_eq!(renamed.name, "Bywyd preifat a theuluol");
        assert_eq!(renamed.legal_reference, "ECHR Erthygl 8");
        assert_eq!(register.metadata.language, Language::Welsh);
        assert_eq!(
            rename("x").typing_key(),
            Some(TypingKey::RightText(privacy.clone(), RightText::Name)),
            "typing a name is one undo step"
        );
        for _ in 0..3 {
            history.undo(&mut register).unwrap();
        }
        assert_eq!(
            register, before,
            "three steps: language, reference, the typed name"
        );
        check_rejected(&register, rename("  "), "a name cannot be empty");
        check_rejected(
            &register,
            Edit::SetRightText {
                right: right("flying"),
                field: RightText::Name,
                text: "Flying".to_owned(),
            },
            "there is no right `flying` in the catalogue",
        );
    }

    #[test]
    fn systems_and_rights_must_be_new() {
        let register = sample();
        check_rejected(
            &register,
            Edit::AddSystem {
                system: System {
                    id: SystemId::parse("PND").unwrap(),
                    name: "Again".to_owned(),
                    description: String::new(),
                },
            },
            "there is already a system `PND`",
        );
        check_rejected(
            &register,
            Edit::AddRight {
                right: Right {
                    id: right("privacy"),
                    name: "Again".to_owned(),
                    legal_reference: String::new(),
                },
            },
            "there is already a right `privacy`",
        );
        check_rejected(
            &register,
            Edit::AddRight {
                right: Right {
                    id: right("education"),
                    name: " ".to_owned(),
                    legal_reference: String::new(),
                },
            },
            "a name cannot be empty",
        );
    }

    #[test]
    fn affected_groups_are_added_once_and_removed() {
        let mut register = sample();
        let entry = id("PND-001");
        for group in ["victims", " victims ", "witnesses", ""] {
            apply(
                &mut register,
                Edit::AddAffectedGroup {
                    entry: entry.clone(),
                    group: group.to_owned(),
                },
            )
            .unwrap();
        }
        apply(
            &mut register,
            Edit::RemoveAffectedGroup {
                entry: entry.clone(),
                group: "victims".to_owned(),
            },
        )
        .unwrap();
        assert_eq!(
            register.entry(&entry).unwrap().affected_groups,
            ["witnesses"]
        );
    }

    #[test]
    fn confidential_flags_toggle() {
        let mut register = sample();
        let entry = id("PND-001");
        let set = |is_confidential| Edit::SetConfidential {
            entry: entry.clone(),
            field: Field::Owner,
            is_confidential,
        };
        apply(&mut register, set(true)).unwrap();
        assert!(
            register
                .entry(&entry)
                .unwrap()
                .is_confidential(Field::Owner)
        );
        apply(&mut register, set(false)).unwrap();
        assert!(
            !register
                .entry(&entry)
                .unwrap()
                .is_confidential(Field::Owner)
        );
    }

    #[test]
    fn details_change() {
        let mut register = sample();
        apply(
            &mut register,
            Edit::SetDetailText {
                field: DetailText::VersionLabel,
                text: "v2.0".to_owned(),
            },
        )
        .unwrap();
        apply(
            &mut register,
            Edit::SetMarking {
                marking: Marking::OfficialSensitive,
            },
        )
        .unwrap();
        apply(
            &mut register,
            Edit::SetStatus {
                status: Status::Final,
            },
        )
        .unwrap();
        apply(
            &mut register,
            Edit::SetDateIssued {
                date: Some(jiff::civil::date(2019, 7, 11)),
            },
        )
        .unwrap();
        let metadata = &register.metadata;
        assert_eq!(metadata.version_label, "v2.0");
        assert_eq!(metadata.marking, Marking::OfficialSensitive);
        assert_eq!(metadata.status, Status::Final);
        assert_eq!(metadata.date_issued, Some(jiff::civil::date(2019, 7, 11)));
    }

    #[test]
    fn text_edits_leave_the_ranking_alone() {
        let mut register = sample();
        let before = crate::ranking::rank(&register);
        let edits = [
            Edit::SetEntryText {
                entry: id("PND-002"),
                field: EntryText::Issue,
                text: "Renamed".to_owned(),
            },
            Edit::AddMitigation {
                entry: id("PND-001"),
                mitigation: Mitigation::proposed("Review"),
            },
        ];
        for edit in edits {
            assert!(!edit.affects_ranking(), "{edit:?}");
            apply(&mut register, edit).unwrap();
        }
        assert_eq!(crate::ranking::rank(&register), before);
        assert!(
            Edit::SetVotes {
                entry: id("PND-001"),
                votes: 1
            }
            .affects_ranking()
        );
    }

    fn update(day: i8, text: &str) -> ActionUpdate {
        ActionUpdate {
            date: Some(jiff::civil::date(2019, 7, day)),
            text: text.to_owned(),
            who: String::new(),
            is_confidential: false,
        }
    }

    #[test]
    fn action_numbers_are_issued_and_never_reused_after_a_delete() {
        let mut register = sample();
        let add = |text: &str| Edit::AddAction {
            action: Box::new(Action::new(0, text)),
        };
        apply(&mut register, add("first")).unwrap();
        apply(&mut register, add("second")).unwrap();
        apply(&mut register, Edit::DeleteAction { number: 2 }).unwrap();
        apply(&mut register, add("third")).unwrap();
        let numbers: Vec<u32> = register.actions.iter().map(|a| a.number).collect();
        assert_eq!(numbers, [1, 3]);
        check_rejected(
            &register,
            Edit::AddAction {
                action: Box::new(Action::new(2, "an old number")),
            },
            "action number 2 has already been given",
        );
        apply(
            &mut register,
            Edit::AddAction {
                action: Box::new(Action::new(40, "from an imported log")),
            },
        )
        .unwrap();
        apply(&mut register, add("next")).unwrap();
        assert_eq!(register.actions.last().map(|a| a.number), Some(41));
    }

    #[test]
    fn actions_need_text_and_known_entries_and_actions() {
        let register = sample();
        let mut action = Action::new(0, "Share the paper");
        action.entries.push(id("PND-009"));
        check_rejected(
            &register,
            Edit::AddAction {
                action: Box::new(action),
            },
            "there is no entry PND-009",
        );
        check_rejected(
            &register,
            Edit::AddAction {
                action: Box::new(Action::new(0, " ")),
            },
            "an action's text and its updates' texts cannot be empty",
        );
        check_rejected(
            &register,
            Edit::SetActionStatus {
                number: 7,
                status: ActionStatus::Closed,
            },
            "there is no action 7",
        );
    }

    #[test]
    fn updates_and_statuses_change_one_action() {
        let mut register = sample();
        apply(
            &mut register,
            Edit::AddAction {
                action: Box::new(Action::new(0, "Share the paper")),
            },
        )
        .unwrap();
        for edit in [
            Edit::AddActionUpdate {
                number: 1,
                update: update(11, "Draft circulated"),
            },
            Edit::AddActionUpdate {
                number: 1,
                update: update(1, "Team recruited"),
            },
            Edit::SetActionStatus {
                number: 1,
                status: ActionStatus::ProposedComplete,
            },
        ] {
            apply(&mut register, edit).unwrap();
        }
        let action = register.action(1).unwrap();
        let texts: Vec<&str> = action.updates.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(texts, ["Team recruited", "Draft circulated"]);
        assert_eq!(action.status, ActionStatus::ProposedComplete);
        check_rejected(
            &register,
            Edit::AddActionUpdate {
                number: 1,
                update: update(12, ""),
            },
            "an action's text and its updates' texts cannot be empty",
        );
    }

    #[test]
    fn typing_keys_group_one_field() {
        let edit = |text: &str| Edit::SetEntryText {
            entry: id("PND-001"),
            field: EntryText::Concern,
            text: text.to_owned(),
        };
        assert_eq!(edit("a").typing_key(), edit("ab").typing_key());
        assert_ne!(
            edit("a").typing_key(),
            Edit::SetEntryText {
                entry: id("PND-002"),
                field: EntryText::Concern,
                text: "a".to_owned(),
            }
            .typing_key()
        );
        assert_eq!(
            Edit::DeleteEntry {
                entry: id("PND-001")
            }
            .typing_key(),
            None
        );
    }
}
