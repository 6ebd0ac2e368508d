//! Version snapshots: a frozen copy of the register with a label, the time taken, an author, a note
//! and a checksum of all of them; the next label to propose; and restoring from an older version.
//!
//! Pure over data: no clock (the time a snapshot is taken is passed in) and no I/O (snapshot files
//! are `dpia_files::snapshot_file`). A `Snapshot` cannot be changed once made, so its checksum always
//! matches its label, time, author, note and register. Restoring never reuses an entry id issued
//! after the snapshot.
//!
//! In reading order: `label` (what a label may be, the next one to propose), `checksum` (what is
//! hashed, and how), `Snapshot` here, and `restore`.

mod checksum;
mod label;
mod restore;

use jiff::Timestamp;

use crate::register::{FORMAT_VERSION, Register};

pub use checksum::{Checksum, ChecksumError};
pub use label::{AUTO_BEFORE_RESTORE, Label, LabelError, auto_label, next_label};
pub use restore::{RestoreError, before_restore, restore_entry, restore_field, restore_whole};

/// A frozen copy of the register: label, time taken, author, note, checksum and the register.
///
/// Fields are private so a snapshot cannot change after it is taken or loaded: its checksum always
/// matches its label, time, author, note and register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    label: Label,
    taken_at: Timestamp,
    author: String,
    note: String,
    checksum: Checksum,
    register: Register,
}

/// Why a snapshot could not be made or accepted.
#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    /// The register could not be turned into text to checksum it.
    #[error("cannot checksum the register: {0}")]
    Serialize(#[from] ron::Error),
    /// The checksum recorded with the snapshot does not match its label, time, author, note and
    /// register.
    #[error(
        "the checksum does not match the content: the snapshot has been altered or is corrupt (recorded {recorded}, content {actual})"
    )]
    Altered {
        /// The checksum the snapshot recorded when it was taken.
        recorded: Checksum,
        /// The checksum of what it holds now.
        actual: Checksum,
    },
}

impl Snapshot {
    /// Takes a snapshot of `register` now (`taken_at` is passed in: the core reads no clock).
    pub fn take(
        register: &Register,
        label: Label,
        taken_at: Timestamp,
        author: impl Into<String>,
        note: impl Into<String>,
    ) -> Result<Self, SnapshotError> {
        let mut register = register.clone();
        register.format_version = FORMAT_VERSION;
        let author = author.into();
        let note = note.into();
        let checksum = Checksum::of_snapshot(&label, taken_at, &author, &note, &register)?;
        Ok(Self {
            label,
            taken_at,
            author,
            note,
            checksum,
            register,
        })
    }

    /// A snapshot read back from its parts, accepted only if `checksum` matches all the others.
    pub fn verified(
        label: Label,
        taken_at: Timestamp,
        author: String,
        note: String,
        checksum: Checksum,
        register: Register,
    ) -> Result<Self, SnapshotError> {
        let actual = Checksum::of_snapshot(&label, taken_at, &author, &note, &register)?;
        if actual != checksum {
            return Err(SnapshotError::Altered {
                recorded: checksum,
                actual,
            });
        }
        Ok(Self {
            label,
            taken_at,
            author,
            note,
            checksum,
            register,
        })
    }

    /// The label, such as `v1.1`.
    pub fn label(&self) -> &Label {
        &self.label
    }

    /// When it was taken.
    pub fn taken_at(&self) -> Timestamp {
        self.taken_at
    }

    /// Who took it; may be empty.
    pub fn author(&self) -> &str {
        &self.author
    }

    /// Why it was taken; may be empty.
    pub fn note(&self) -> &str {
        &self.note
    }

    /// The checksum of its label, time, author, note and register (`Checksum::of_snapshot`).
    pub fn checksum(&self) -> Checksum {
        self.checksum
    }

    /// The frozen register, to read (open read-only, compare, restore from).
    pub fn register(&self) -> &Register {
        &self.register
    }

    /// Whether `register` has exactly the content of this snapshot's register.
    pub fn matches(&self, register: &Register) -> bool {
        match (Checksum::of(register), Checksum::of(&self.register)) {
            (Ok(checksum), Ok(own)) => checksum == own,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{at, entry, label, register};

    #[test]
    fn a_snapshot_is_verified_against_its_checksum() {
        let working = register(vec![entry("PND-001", "Retention")]);
        let snapshot = Snapshot::take(
            &working,
            label("v1.0"),
            at("2019-04-30T09:00:00Z"),
            "Siân",
            "For the workshop",
        )
        .unwrap();
        assert!(snapshot.matches(&working), "unchanged");
        let again = Snapshot::verified(
            snapshot.label().clone(),
            snapshot.taken_at(),
            snapshot.author().to_owned(),
            snapshot.note().to_owned(),
            snapshot.checksum(),
            snapshot.register().clone(),
        )
        .unwrap();
        assert_eq!(again, snapshot);

        let mut altered = working.clone();
        altered.entries[0].issue = "Retention of images".to_owned();
        assert!(!snapshot.matches(&altered), "changed");
        let err = Snapshot::verified(
            label("v1.0"),
            snapshot.taken_at(),
            String::new(),
            String::new(),
            snapshot.checksum(),
            altered,
        )
        .unwrap_err();
        assert!(matches!(err, SnapshotError::Altered { .. }), "{err}");
        assert!(err.to_string().contains("altered or is corrupt"), "{err}");
    }
}
