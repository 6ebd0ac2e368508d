//! Undo and redo, exact for every edit, with a run of typing in one field kept as one step.
//!
//! Each step keeps what the edit replaced, and no more: the entry it changed, the register details,
//! an entry removed or added (with the issued ids), or, for the rare whole-register edits (a CSV
//! import), the whole register. Undoing swaps that part back, and keeps the part it replaced for redo,
//! so a step costs one entry, not a copy of a 10,000-entry register. A run of typing into the same
//! field (same `TypingKey`) is one step; this is egui's `Undoer` idea, without its clock: a run ends
//! when another field is edited, when `seal` is called, or on undo and redo.
//! The history is never saved: it is not `Serialize`, and no register file holds it.

use std::collections::BTreeMap;

use crate::edit::{self, Edit, EditError, TypingKey};
use crate::register::{Action, Entry, Metadata, Register, Right, System, SystemId};
use crate::trail::Touched;

/// How many undo steps are kept before the oldest is forgotten.
pub const MAX_STEPS: usize = 100;

/// The undo and redo stacks of one open register.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The field the last edit typed into, while its run is open.
    typing: Option<TypingKey>,
    /// The revision of the register as it stands now.
    revision: u64,
    /// The last revision number handed out.
    last_revision: u64,
}

/// One step to go back (or forward): the part of the register to swap in, and the revision that
/// swapping it in returns to.
#[derive(Debug, Clone)]
struct Step {
    change: Change,
    revision: u64,
    label: String,
}

/// A part of a register, kept to be swapped back in.
#[derive(Debug, Clone)]
enum Change {
    /// The entry at this position, as it was.
    Entry { entry_idx: usize, entry: Box<Entry> },
    /// The register details, as they were.
    Metadata(Box<Metadata>),
    /// The systems and rights catalogue, as they were.
    Catalogue {
        systems: Vec<System>,
        rights: Vec<Right>,
    },
    /// An entry that was removed from this position, and the issued ids before the removal.
    Removed {
        entry_idx: usize,
        entry: Box<Entry>,
        issued_ids: BTreeMap<SystemId, u32>,
    },
    /// An entry was added at this position; the issued ids before it was.
    Added {
        entry_idx: usize,
        issued_ids: BTreeMap<SystemId, u32>,
    },
    /// The action log and the last action number given, as they were.
    Actions {
        actions: Vec<Action>,
        last_action_number: u32,
    },
    /// The whole register, as it was.
    Whole(Box<Register>),
}

impl Change {
    /// What `edit` is about to replace in `register`.
    fn before(register: &Register, edit: &Edit) -> Self {
        let whole = || Self::Whole(Box::new(register.clone()));
        match edit {
            Edit::AddEntry { .. } | Edit::DuplicateEntry { .. } => Self::Added {
                entry_idx: register.entries.len(),
                issued_ids: register.issued_ids.clone(),
            },
            // Deleting an entry linked from the action log changes the log too.
            Edit::DeleteEntry { entry } if register.actions.iter().any(|a| a.concerns(entry)) => {
                whole()
            }
            Edit::DeleteEntry { entry } => {
                let found = register
                    .entry_idx(entry)
                    .and_then(|entry_idx| Some((entry_idx, register.entries.get(entry_idx)?)));
                match found {
                    Some((entry_idx, entry)) => Self::Removed {
                        entry_idx,
                        entry: Box::new(entry.clone()),
                        issued_ids: register.issued_ids.clone(),
                    },
                    None => whole(),
                }
            }
            Edit::AddSystem { .. } | Edit::AddRight { .. } | Edit::SetRightText { .. } => {
                Self::Catalogue {
                    systems: register.systems.clone(),
                    rights: register.rights.clone(),
                }
            }
            Edit::SetLanguage { .. }
            | Edit::SetDetailText { .. }
            | Edit::SetDateIssued { .. }
            | Edit::SetStatus { .. }
            | Edit::SetMarking { .. }
            | Edit::SetPriorConsultation { .. } => {
                Self::Metadata(Box::new(register.metadata.clone()))
            }
            Edit::AddAction { .. }
            | Edit::DeleteAction { .. }
            | Edit::AddActionUpdate { .. }
            | Edit::SetActionStatus { .. } => Self::Actions {
                actions: register.actions.clone(),
                last_action_number: register.last_action_number,
            },
            Edit::ReplaceRegister { .. } | Edit::ResolveConflict { .. } => whole(),
            _ => {
                let found = edit
                    .entry()
                    .and_then(|id| register.entry_idx(id))
                    .and_then(|entry_idx| Some((entry_idx, register.entries.get(entry_idx)?)));
                match found {
                    Some((entry_idx, entry)) => Self::Entry {
                        entry_idx,
                        entry: Box::new(entry.clone()),
                    },
                    // A rejected edit: nothing will change, but a step must still be recorded.
                    None => whole(),
                }
            }
        }
    }

    /// Puts this part into `register`; returns the part it replaced, which undoes the swap.
    fn swap_into(self, register: &mut Register) -> Self {
        match self {
            Self::Entry {
                entry_idx,
                mut entry,
            } => {
                if let Some(slot) = register.entries.get_mut(entry_idx) {
                    std::mem::swap(slot, &mut entry);
                }
                Self::Entry { entry_idx, entry }
            }
            Self::Metadata(mut metadata) => {
                std::mem::swap(&mut register.metadata, &mut metadata);
                Self::Metadata(metadata)
            }
            Self::Catalogue {
                mut systems,
                mut rights,
            } => {
                std::mem::swap(&mut register.systems, &mut systems);
                std::mem::swap(&mut register.rights, &mut rights);
                Self::Catalogue { systems, rights }
            }
            Self::Removed {
                entry_idx,
                entry,
                mut issued_ids,
            } => {
                let entry_idx = entry_idx.min(register.entries.len());
                register.entries.insert(entry_idx, *entry);
                std::mem::swap(&mut register.issued_ids, &mut issued_ids);
                Self::Added {
                    entry_idx,
                    issued_ids,
                }
            }
            Self::Added {
                entry_idx,
                mut issued_ids,
            } => {
                std::mem::swap(&mut register.issued_ids, &mut issued_ids);
                if entry_idx < register.entries.len() {
                    let entry = register.entries.remove(entry_idx);
                    Self::Removed {
                        entry_idx,
                        entry: Box::new(entry),
                        issued_ids,
                    }
                } else {
                    // Nothing there to remove: restore the ids and keep the step reversible.
                    Self::Added {
                        entry_idx,
                        issued_ids,
                    }
                }
            }
            Self::Actions {
                mut actions,
                mut last_action_number,
            } => {
                std::mem::swap(&mut register.actions, &mut actions);
                std::mem::swap(&mut register.last_action_number, &mut last_action_number);
                Self::Actions {
                    actions,
                    last_action_number,
                }
            }
            Self::Whole(mut whole) => {
                std::mem::swap(register, &mut whole);
                Self::Whole(whole)
            }
        }
    }
}

impl Change {
    /// The part of `register` that swapping this change in replaces.
    fn touches(&self, register: &Register) -> Touched {
        let entry_at = |entry_idx: &usize| {
            register
                .entries
                .get(*entry_idx)
                .map_or(Touched::Whole, |entry| Touched::Entry(entry.id.clone()))
        };
        match self {
            Self::Entry { entry_idx, .. } | Self::Added { entry_idx, .. } => entry_at(entry_idx),
            Self::Removed { entry, .. } => Touched::Entry(entry.id.clone()),
            Self::Metadata(_) | Self::Catalogue { .. } => Touched::Details,
            Self::Actions { .. } => Touched::Actions,
            Self::Whole(_) => Touched::Whole,
        }
    }
}

impl History {
    /// The part of `register` the next undo replaces, for the audit trail's journal.
    pub fn undo_touches(&self, register: &Register) -> Option<Touched> {
        self.undo.last().map(|step| step.change.touches(register))
    }

    /// The part of `register` the next redo replaces, for the audit trail's journal.
    pub fn redo_touches(&self, register: &Register) -> Option<Touched> {
        self.redo.last().map(|step| step.change.touches(register))
    }

    /// Applies `edit` to `register` and records what it replaced, so it can be undone.
    ///
    /// A rejected edit records nothing and leaves the register as it was.
    pub fn apply(&mut self, register: &mut Register, edit: Edit) -> Result<(), EditError> {
        let label = edit.label();
        self.apply_labelled(register, edit, label)
    }

    /// `apply`, with the step named `label` in the undo list (the app names its steps in its own
    /// language) instead of `Edit::label`'s English.
    pub fn apply_labelled(
        &mut self,
        register: &mut Register,
        edit: Edit,
        label: String,
    ) -> Result<(), EditError> {
        if edit
            .entry()
            .is_some_and(|entry| register.entry(entry).is_none())
        {
            // Rejected below, before anything changes: there is nothing to record.
            return edit::apply(register, edit);
        }
        let typing = edit.typing_key();
        let continues_run = typing.is_some() && typing == self.typing && self.redo.is_empty();
        let before = (!continues_run).then(|| Change::before(register, &edit));
        edit::apply(register, edit)?;
        if let Some(change) = before {
            self.undo.push(Step {
                change,
                revision: self.revision,
                label,
            });
            if self.undo.len() > MAX_STEPS {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.typing = typing;
        self.last_revision += 1;
        self.revision = self.last_revision;
        Ok(())
    }

    /// Takes back the last step, returning what it was; `None` when there is nothing to undo.
    pub fn undo(&mut self, register: &mut Register) -> Option<String> {
        let label = move_step(&mut self.undo, &mut self.redo, &mut self.revision, register)?;
        self.typing = None;
        Some(label)
    }

    /// Puts back the last step undone, returning what it was; `None` when there is nothing to redo.
    pub fn redo(&mut self, register: &mut Register) -> Option<String> {
        let label = move_step(&mut self.redo, &mut self.undo, &mut self.revision, register)?;
        self.typing = None;
        Some(label)
    }

    /// Ends the current run of typing, so the next edit is a step of its own.
    pub fn seal(&mut self) {
        self.typing = None;
    }

    /// What undo would take back: "edit concern of LEDS-003".
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|step| step.label.as_str())
    }

    /// What redo would put back.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|step| step.label.as_str())
    }

    /// Identifies the register's current state: equal revisions mean equal registers, so a document
    /// is unsaved exactly when its revision differs from the one it was saved at.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// How many steps can be undone.
    pub fn num_undo_steps(&self) -> usize {
        self.undo.len()
    }
}

/// Undo and redo are one move in opposite directions: the last step of `from` is swapped into the
/// register, and what it replaced goes onto `to`, stamped with the revision being left.
fn move_step(
    from: &mut Vec<Step>,
    to: &mut Vec<Step>,
    revision: &mut u64,
    register: &mut Register,
) -> Option<String> {
    let step = from.pop()?;
    let change = step.change.swap_into(register);
    to.push(Step {
        change,
        revision: *revision,
        label: step.label.clone(),
    });
    *revision = step.revision;
    Some(step.label)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::EntryText;
    use crate::register::{Entry, EntryId, SystemId};

    /// Whether `T` implements `Serialize`, found by method resolution (autoref specialisation):
    /// `Serializable` is tried first and applies only to serialisable types.
    struct Probe<T>(std::marker::PhantomData<T>);
    trait Serializable {
        fn is_serialize(&self) -> bool {
            true
        }
    }
    impl<T: serde::Serialize> Serializable for Probe<T> {}
    trait NotSerializable {
        fn is_serialize(&self) -> bool {
            false
        }
    }
    impl<T> NotSerializable for &Probe<T> {}

    #[test]
    fn deleting_an_entry_unlinks_its_actions_and_undo_links_them_again() {
        use crate::register::Action;
        let pnd = SystemId::parse("PND").unwrap();
        let mut register = Register::default();
        let id = register.issue_entry_id(&pnd);
        register.entries.push(Entry::new(id.clone(), pnd, "A"));
        let mut action = Action::new(1, "Share the paper");
        action.entries.push(id.clone());
        register.actions.push(action);
        let before = register.clone();
        let mut history = History::default();
        history
            .apply(&mut register, Edit::DeleteEntry { entry: id })
            .unwrap();
        assert!(register.actions[0].entries.is_empty(), "no dangling link");
        assert!(
            crate::check::check(&register)
                .iter()
                .all(|p| !p.location.starts_with("action"))
        );
        history.undo(&mut register);
        assert_eq!(register, before);
    }

    #[test]
    fn action_edits_undo_and_redo_exactly() {
        use crate::register::{Action, ActionStatus};
        let mut register = Register::default();
        let mut history = History::default();
        history
            .apply(
                &mut register,
                Edit::AddAction {
                    action: Box::new(Action::new(0, "Share the paper")),
                },
            )
            .unwrap();
        let added = register.clone();
        history
            .apply(
                &mut register,
                Edit::SetActionStatus {
                    number: 1,
                    status: ActionStatus::Complete,
                },
            )
            .unwrap();
        assert_eq!(history.undo_touches(&register), Some(Touched::Actions));
        assert_eq!(
            history.undo(&mut register).as_deref(),
            Some("mark action 1 complete")
        );
        assert_eq!(register, added);
        assert_eq!(history.undo(&mut register).as_deref(), Some("add action"));
        assert_eq!(
            register,
            Register::default(),
            "the number is taken back too"
        );
        history.redo(&mut register);
        assert_eq!(register, added);
    }

    #[test]
    fn history_is_never_saved() {
        // STYLE.md 2.2 rule 4: undo history is runtime state, never written into a register file.
        assert!(
            !(&Probe::<History>(std::marker::PhantomData)).is_serialize(),
            "History must not implement Serialize"
        );
        assert!(
            Probe::<Register>(std::marker::PhantomData).is_serialize(),
            "the probe tells a serialisable type"
        );
    }

    fn sample() -> Register {
        let mut register = Register::default();
        register.entries.push(Entry::new(
            EntryId::parse("PND-001").unwrap(),
            SystemId::parse("PND").unwrap(),
            "Issue",
        ));
        register
    }

    fn type_concern(text: &str) -> Edit {
        Edit::SetEntryText {
            entry: EntryId::parse("PND-001").unwrap(),
            field: EntryText::Concern,
            text: text.to_owned(),
        }
    }

    fn concern(register: &Register) -> &str {
        &register.entries[0].concern
    }

    #[test]
    fn typing_in_one_field_is_one_step() {
        let mut register = sample();
        let mut history = History::default();
        for text in ["S", "Si", "Siâ", "Siân"] {
            history.apply(&mut register, type_concern(text)).unwrap();
        }
        assert_eq!(history.num_undo_steps(), 1);
        assert_eq!(
            history.undo(&mut register).as_deref(),
            Some("edit concern of PND-001")
        );
        assert_eq!(concern(&register), "");
        history.redo(&mut register);
        assert_eq!(concern(&register), "Siân");
    }

    #[test]
    fn seal_ends_a_run_of_typing() {
        let mut register = sample();
        let mut history = History::default();
        history.apply(&mut register, type_concern("first")).unwrap();
        history.seal();
        history
            .apply(&mut register, type_concern("second"))
            .unwrap();
        history.undo(&mut register);
        assert_eq!(concern(&register), "first");
    }

    #[test]
    fn deletes_undo_exactly() {
        let mut register = sample();
        let original = register.clone();
        let mut history = History::default();
        history
            .apply(
                &mut register,
                Edit::DeleteEntry {
                    entry: EntryId::parse("PND-001").unwrap(),
                },
            )
            .unwrap();
        assert!(register.entries.is_empty());
        history.undo(&mut register);
        assert_eq!(register, original);
        assert_eq!(history.redo_label(), Some("delete PND-001"));
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut register = sample();
        let mut history = History::default();
        history.apply(&mut register, type_concern("a")).unwrap();
        history.undo(&mut register);
        history
            .apply(
                &mut register,
                Edit::SetMustHave {
                    entry: EntryId::parse("PND-001").unwrap(),
                    must_have: true,
                },
            )
            .unwrap();
        assert_eq!(history.redo(&mut register), None);
    }

    #[test]
    fn rejected_edits_record_nothing() {
        let mut register = sample();
        let mut history = History::default();
        let err = history.apply(
            &mut register,
            Edit::DeleteEntry {
                entry: EntryId::parse("PND-404").unwrap(),
            },
        );
        assert!(err.is_err(), "the entry does not exist");
        assert_eq!(history.num_undo_steps(), 0);
        assert_eq!(history.revision(), 0);
    }

    #[test]
    fn revisions_return_with_undo() {
        let mut register = sample();
        let mut history = History::default();
        let saved = history.revision();
        history.apply(&mut register, type_concern("a")).unwrap();
        let typed = history.revision();
        assert_ne!(typed, saved);
        history.undo(&mut register);
        assert_eq!(history.revision(), saved, "back to the saved state");
        history.redo(&mut register);
        assert_eq!(history.revision(), typed);
    }

    #[test]
    fn every_kind_of_step_undoes_and_redoes_exactly() {
        use crate::edit::DetailText;
        use crate::register::{Assessment, Mitigation, RightId, Stage, System, SystemId};
        let pnd = SystemId::parse("PND").unwrap();
        let mut register = crate::synthetic::register(20, 3);
        register.systems.push(System {
            id: pnd.clone(),
            name: "Police National Database".to_owned(),
            description: String::new(),
        });
        let first = register.entries[0].id.clone();
        let middle = register.entries[7].id.clone();
        let edits = vec![
            type_concern_of(&first, "Concern ŵ"),
            Edit::SetImpact {
                entry: first.clone(),
                right: RightId::parse("liberty").unwrap(),
                stage: Stage::Inherent,
                assessment: Assessment::from_values(4, 4),
            },
            Edit::AddMitigation {
                entry: middle.clone(),
                mitigation: Mitigation::proposed("Review"),
            },
            Edit::DeleteEntry {
                entry: middle.clone(),
            },
            Edit::AddEntry {
                system: pnd.clone(),
            },
            Edit::DuplicateEntry {
                entry: first.clone(),
            },
            Edit::SetDetailText {
                field: DetailText::Title,
                text: "Teitl".to_owned(),
            },
            Edit::AddSystem {
                system: System {
                    id: SystemId::parse("HOB2").unwrap(),
                    name: "Another".to_owned(),
                    description: String::new(),
                },
            },
            Edit::ReplaceRegister {
                register: Box::new(crate::synthetic::register(5, 9)),
                label: "import".to_owned(),
            },
            Edit::DeleteEntry {
                entry: crate::synthetic::register(5, 9).entries[2].id.clone(),
            },
        ];
        let mut history = History::default();
        let mut states = vec![register.clone()];
        for edit in edits {
            history.seal();
            history.apply(&mut register, edit).unwrap();
            states.push(register.clone());
        }
        for expected in states.iter().rev().skip(1) {
            history.undo(&mut register).unwrap();
            assert_eq!(&register, expected, "undo");
        }
        for expected in states.iter().skip(1) {
            history.redo(&mut register).unwrap();
            assert_eq!(&register, expected, "redo");
        }
    }

    fn type_concern_of(entry: &EntryId, text: &str) -> Edit {
        Edit::SetEntryText {
            entry: entry.clone(),
            field: EntryText::Concern,
            text: text.to_owned(),
        }
    }

    #[test]
    fn keeps_at_most_max_steps() {
        let mut register = sample();
        let mut history = History::default();
        for step in 0..(MAX_STEPS + 10) {
            history
                .apply(
                    &mut register,
                    Edit::SetMustHave {
                        entry: EntryId::parse("PND-001").unwrap(),
                        must_have: step % 2 == 0,
                    },
                )
                .unwrap();
        }
        assert_eq!(history.num_undo_steps(), MAX_STEPS);
    }

    #[test]
    fn undo_and_redo_name_the_part_they_replace() {
        let mut register = sample();
        let mut history = History::default();
        let pnd_001 = Touched::Entry(EntryId::parse("PND-001").unwrap());
        history.apply(&mut register, type_concern("x")).unwrap();
        assert_eq!(history.undo_touches(&register), Some(pnd_001.clone()));
        history
            .apply(
                &mut register,
                Edit::DeleteEntry {
                    entry: EntryId::parse("PND-001").unwrap(),
                },
            )
            .unwrap();
        assert_eq!(
            history.undo_touches(&register),
            Some(pnd_001.clone()),
            "undoing a delete brings the entry back"
        );
        history.undo(&mut register);
        assert_eq!(history.redo_touches(&register), Some(pnd_001));
        history
            .apply(
                &mut register,
                Edit::SetStatus {
                    status: crate::register::Status::Final,
                },
            )
            .unwrap();
        assert_eq!(history.undo_touches(&register), Some(Touched::Details));
        assert_eq!(
            history.redo_touches(&register),
            None,
            "a new edit clears redo"
        );
    }
}
