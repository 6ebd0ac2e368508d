//! Undo and redo over whole-register snapshots, with a run of typing in one field kept as one step.
//!
//! Snapshots make undo exact, deletes and imports included, at the cost of a clone per step; a run of
//! typing into the same field (same `TypingKey`) clones once. This is egui's `Undoer` idea, without
//! its clock: a run ends when another field is edited, when `seal` is called, or on undo and redo.
//! The history is never saved: it is not `Serialize`, and no register file holds it.

use crate::edit::{self, Edit, EditError, TypingKey};
use crate::register::Register;

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

/// One state to go back (or forward) to.
#[derive(Debug, Clone)]
struct Step {
    register: Register,
    revision: u64,
    label: String,
}

impl History {
    /// Applies `edit` to `register` and records the state before it, so it can be undone.
    ///
    /// A rejected edit records nothing and leaves the register as it was.
    pub fn apply(&mut self, register: &mut Register, edit: Edit) -> Result<(), EditError> {
        let typing = edit.typing_key();
        let continues_run = typing.is_some() && typing == self.typing && self.redo.is_empty();
        let label = edit.label();
        let before = (!continues_run).then(|| register.clone());
        edit::apply(register, edit)?;
        if let Some(before) = before {
            self.undo.push(Step {
                register: before,
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
        let step = self.undo.pop()?;
        let label = step.label.clone();
        let current = std::mem::replace(register, step.register);
        self.redo.push(Step {
            register: current,
            revision: self.revision,
            label: step.label,
        });
        self.revision = step.revision;
        self.typing = None;
        Some(label)
    }

    /// Puts back the last step undone, returning what it was; `None` when there is nothing to redo.
    pub fn redo(&mut self, register: &mut Register) -> Option<String> {
        let step = self.redo.pop()?;
        let label = step.label.clone();
        let current = std::mem::replace(register, step.register);
        self.undo.push(Step {
            register: current,
            revision: self.revision,
            label: step.label,
        });
        self.revision = step.revision;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::EntryText;
    use crate::register::{Entry, EntryId, SystemId};

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
}
