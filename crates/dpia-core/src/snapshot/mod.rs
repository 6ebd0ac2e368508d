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

mod chain;
mod checksum;
mod label;
mod restore;

use jiff::Timestamp;

use crate::register::{FORMAT_VERSION, Register};

pub use chain::{ChainProblem, FoundSnapshot, SnapshotRecord, audit};
pub use checksum::{Checksum, ChecksumError, TextHasher};
pub use label::{AUTO_BEFORE_RESTORE, Label, LabelError, MAX_LABEL_CHARS, auto_label, next_label};
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
    previous: Option<SnapshotRecord>,
    checksum: Checksum,
    register: Register,
}

/// Why a snapshot could not be made or accepted.
#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    /// The register could not be turned into text to checksum it.
    #[error("cannot checksum the register: {0}")]
    Serialize(#[from] ron::Error),
    /// The register records a snapshot with this label already: a label names one version only.
    #[error(
        "the register has had a snapshot labelled {label} already, and a label names one version only: choose another label"
    )]
    LabelUsed {
        /// The label asked for.
        label: Label,
    },
    /// The checksum recorded with the snapshot does not match its label, time, author, note and
    /// register.
    #[error(
        "the checksum does not match the content: the snapshot has been altered or is corrupt since it was taken (it records checksum {})",
        recorded.short()
    )]
    Altered {
        /// The checksum the snapshot recorded when it was taken.
        recorded: Checksum,
        /// The checksum of what it holds now. Not in the message: a snapshot's checksum is not
        /// something to copy into the file.
        actual: Checksum,
    },
}

impl Snapshot {
    /// Takes a snapshot of `register` now (`taken_at` is passed in: the core reads no clock).
    ///
    /// It follows the last snapshot the register records (`previous`). A label the register
    /// records already is refused: the caller then records the new one (`Register::snapshots`).
    pub fn take(
        register: &Register,
        label: Label,
        taken_at: Timestamp,
        author: impl Into<String>,
        note: impl Into<String>,
    ) -> Result<Self, SnapshotError> {
        if register
            .snapshots
            .iter()
            .any(|recorded| recorded.label == label)
        {
            return Err(SnapshotError::LabelUsed { label });
        }
        let mut register = register.clone();
        register.format_version = FORMAT_VERSION;
        let mut parts = SnapshotParts {
            label,
            taken_at,
            author: author.into(),
            note: note.into(),
            previous: register.snapshots.last().cloned(),
            checksum: Checksum::PLACEHOLDER,
            register,
        };
        parts.checksum = parts.content_checksum()?;
        Ok(Self::from_parts(parts))
    }

    /// A snapshot read back from its parts, accepted only if `checksum` matches all the others.
    pub fn verified(parts: SnapshotParts) -> Result<Self, SnapshotError> {
        let actual = parts.content_checksum()?;
        if actual != parts.checksum {
            return Err(SnapshotError::Altered {
                recorded: parts.checksum,
                actual,
            });
        }
        Ok(Self::from_parts(parts))
    }

    /// `verified`, given also the register's text as the file holds it, brought back to the
    /// layout of a register file (`as_saved`): when the checksum of that text matches, the
    /// register is not serialised again to check it.
    ///
    /// Sound because the checksum is of the canonical text: a text that hashes to the recorded
    /// checksum is the text that was checksummed, and the register parsed from it is the one
    /// snapshotted (text and register round-trip). Any other text (a file re-indented, migrated,
    /// or edited by hand) is checked as `verified` checks it.
    pub fn verified_as_saved(
        parts: SnapshotParts,
        as_saved: Option<&str>,
    ) -> Result<Self, SnapshotError> {
        if let Some(text) = as_saved
            && Checksum::of_snapshot_text(
                &parts.label,
                parts.taken_at,
                &parts.author,
                &parts.note,
                text,
                parts.previous.as_ref(),
            ) == parts.checksum
        {
            return Ok(Self::from_parts(parts));
        }
        Self::verified(parts)
    }

    /// The snapshot made of `parts`, whose checksum the caller has made or checked.
    fn from_parts(parts: SnapshotParts) -> Self {
        let SnapshotParts {
            label,
            taken_at,
            author,
            note,
            previous,
            checksum,
            register,
        } = parts;
        Self {
            label,
            taken_at,
            author,
            note,
            previous,
            checksum,
            register,
        }
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

    /// The snapshot it follows: the last one the register recorded when it was taken.
    pub fn previous(&self) -> Option<&SnapshotRecord> {
        self.previous.as_ref()
    }

    /// The checksum of its label, time, author, note, register and the snapshot it follows
    /// (`Checksum::of_snapshot`).
    pub fn checksum(&self) -> Checksum {
        self.checksum
    }

    /// Its label and checksum, as the register records it once taken.
    pub fn record(&self) -> SnapshotRecord {
        SnapshotRecord {
            label: self.label.clone(),
            checksum: self.checksum,
        }
    }

    /// What it says of itself, for auditing the register's chain (`audit`).
    pub fn found(&self) -> FoundSnapshot {
        FoundSnapshot {
            record: self.record(),
            previous: self.previous.clone(),
            is_kept_beside: false,
        }
    }

    /// The frozen register, to read (open read-only, compare, restore from).
    pub fn register(&self) -> &Register {
        &self.register
    }

    /// Whether `register` has exactly the content of this snapshot's register.
    ///
    /// The snapshots a register records are its history, not its content: the working register
    /// records this snapshot once it is taken, and still matches it.
    pub fn matches(&self, register: &Register) -> bool {
        let checksum = if register.snapshots == self.register.snapshots {
            Checksum::of(register)
        } else {
            let mut same_history = register.clone();
            same_history.snapshots.clone_from(&self.register.snapshots);
            Checksum::of(&same_history)
        };
        match (checksum, Checksum::of(&self.register)) {
            (Ok(checksum), Ok(own)) => checksum == own,
            _ => false,
        }
    }
}

/// The parts of a snapshot as read back from its file, to be verified (`Snapshot::verified`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotParts {
    /// The label.
    pub label: Label,
    /// When it was taken.
    pub taken_at: Timestamp,
    /// Who took it.
    pub author: String,
    /// Why.
    pub note: String,
    /// The snapshot it follows, if it records one.
    pub previous: Option<SnapshotRecord>,
    /// The checksum it records.
    pub checksum: Checksum,
    /// The frozen register.
    pub register: Register,
}

impl SnapshotParts {
    /// The checksum of the parts other than `checksum` (`Checksum::of_snapshot`).
    fn content_checksum(&self) -> Result<Checksum, ron::Error> {
        Checksum::of_snapshot(
            &self.label,
            self.taken_at,
            &self.author,
            &self.note,
            &self.register,
            self.previous.as_ref(),
        )
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
        let again = Snapshot::verified(SnapshotParts {
            label: snapshot.label().clone(),
            taken_at: snapshot.taken_at(),
            author: snapshot.author().to_owned(),
            note: snapshot.note().to_owned(),
            previous: None,
            checksum: snapshot.checksum(),
            register: snapshot.register().clone(),
        })
        .unwrap();
        assert_eq!(again, snapshot);

        let mut altered = working.clone();
        altered.entries[0].issue = "Retention of images".to_owned();
        assert!(!snapshot.matches(&altered), "changed");
        let err = Snapshot::verified(SnapshotParts {
            label: label("v1.0"),
            taken_at: snapshot.taken_at(),
            author: String::new(),
            note: String::new(),
            previous: None,
            checksum: snapshot.checksum(),
            register: altered,
        })
        .unwrap_err();
        assert!(matches!(err, SnapshotError::Altered { .. }), "{err}");
        assert!(err.to_string().contains("altered or is corrupt"), "{err}");
    }
}
