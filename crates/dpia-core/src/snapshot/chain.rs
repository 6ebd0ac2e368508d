//! The chain of a register's snapshots, and what is wrong with it.
//!
//! Two records make the history tamper-evident. The register keeps the label and checksum of every
//! snapshot taken of it (`Register::snapshots`, oldest first), and each snapshot records the label
//! and checksum of the one before it (`Snapshot::previous`), inside what its checksum covers. So a
//! snapshot file that is deleted, replaced by another, taken again under a label already used, or
//! copied in from another register no longer agrees with the register's list, and `audit` says so.
//!
//! Pure over data: the snapshot files are read by `dpia_files::snapshot_file`, which passes here
//! what each one says of itself.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Checksum, Label};

/// One snapshot as a register records it, and as the next snapshot records the one before it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SnapshotRecord {
    /// The snapshot's label.
    pub label: Label,
    /// The snapshot's checksum (`Snapshot::checksum`).
    pub checksum: Checksum,
}

impl fmt::Display for SnapshotRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (checksum {})", self.label, self.checksum.short())
    }
}

/// A snapshot file as found beside the register: what it says of itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundSnapshot {
    /// Its label and checksum.
    pub record: SnapshotRecord,
    /// The snapshot it records as the one before it; none for the first, or one taken before
    /// snapshots were chained.
    pub previous: Option<SnapshotRecord>,
    /// Whether it is a second version of its label, kept beside the first by a merge of two
    /// branches that both took the label.
    pub is_kept_beside: bool,
}

/// Something wrong with a register's snapshots. All but `Unrecorded` make `check` fail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainProblem {
    /// The register records the snapshot, but there is no file for it.
    Missing {
        /// The snapshot the register records.
        recorded: SnapshotRecord,
    },
    /// The file under a recorded label is another snapshot than the one recorded.
    Replaced {
        /// The snapshot the register records.
        recorded: SnapshotRecord,
        /// The checksum of the file found under its label.
        found: Checksum,
    },
    /// The label was used again: the file under it records a snapshot of its own label before
    /// it, or the register records the label twice.
    Retaken {
        /// The label taken twice.
        label: Label,
    },
    /// The snapshot's record of the one before it is not among the snapshots the register records
    /// before it: the register's list or the files were changed.
    BrokenLink {
        /// The snapshot whose link is wrong.
        label: Label,
        /// What the snapshot records as the one before it.
        previous: Option<SnapshotRecord>,
        /// What the register records before it.
        expected: Option<SnapshotRecord>,
    },
    /// A snapshot file the register does not record, whose history is not this register's: it was
    /// copied in from another register, or from another branch.
    Foreign {
        /// The snapshot found.
        found: SnapshotRecord,
    },
    /// A second version of a label, kept beside the first by a merge of two branches that both
    /// took it: one must be chosen.
    TakenTwice {
        /// The second version.
        found: SnapshotRecord,
    },
    /// A snapshot file the register does not record, taken of this register's history: it was
    /// taken and the register not saved afterwards, or taken before registers recorded their
    /// snapshots. A warning: the next snapshot taken records it.
    Unrecorded {
        /// The snapshot found.
        found: SnapshotRecord,
    },
}

impl ChainProblem {
    /// Whether it is only a warning (`Unrecorded`): nothing was lost or changed.
    pub fn is_warning(&self) -> bool {
        matches!(self, Self::Unrecorded { .. })
    }
}

impl fmt::Display for ChainProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let link = |record: &Option<SnapshotRecord>| {
            record
                .as_ref()
                .map_or_else(|| "none".to_owned(), ToString::to_string)
        };
        match self {
            Self::Missing { recorded } => write!(
                f,
                "snapshot {recorded} is recorded in the register but its file is missing: it was deleted or renamed"
            ),
            Self::Replaced { recorded, found } => write!(
                f,
                "snapshot {} has been replaced or re-taken: the register records checksum {}, the file has {}",
                recorded.label,
                recorded.checksum.short(),
                found.short()
            ),
            Self::Retaken { label } => write!(
                f,
                "snapshot {label} was taken again under a label already used: a label names one version only"
            ),
            Self::BrokenLink {
                label,
                previous,
                expected,
            } => write!(
                f,
                "the chain of snapshots is broken at {label}: it follows {}, which the register does not record before it (the last it records before it is {})",
                link(previous),
                link(expected)
            ),
            Self::Foreign { found } => write!(
                f,
                "snapshot {found} is not one of this register's: the register does not record it and it follows a snapshot the register never had (copied from another register or branch?)"
            ),
            Self::TakenTwice { found } => write!(
                f,
                "snapshot {} was taken on two branches as two different versions, and the merge kept the second, {found}, beside the first: keep one (remove the other file and its record) and take the other again under a new label",
                found.label
            ),
            Self::Unrecorded { found } => write!(
                f,
                "snapshot {found} is not recorded in the register (taken without the register being saved, or by an older version of dpia-register); the next snapshot taken records it"
            ),
        }
    }
}

/// What is wrong between the snapshots a register records and the snapshot files found beside it.
///
/// `records` is the register's list, oldest first; `found` the files, in any order. Each recorded
/// snapshot must have its file, with its checksum, following one recorded before it; each file
/// must be recorded. A file that is not recorded is `Unrecorded` (a warning) when what it follows
/// is in the register's list (or it follows nothing), else `Foreign`.
pub fn audit(records: &[SnapshotRecord], found: &[FoundSnapshot]) -> Vec<ChainProblem> {
    let mut problems: Vec<ChainProblem> = found
        .iter()
        .filter(|found| found.is_kept_beside)
        .map(|found| ChainProblem::TakenTwice {
            found: found.record.clone(),
        })
        .collect();
    let found: Vec<&FoundSnapshot> = found.iter().filter(|found| !found.is_kept_beside).collect();
    let found_by_label: BTreeMap<&Label, &FoundSnapshot> = found
        .iter()
        .map(|found| (&found.record.label, *found))
        .collect();
    let mut seen: BTreeMap<&Label, usize> = BTreeMap::new();
    for (idx, recorded) in records.iter().enumerate() {
        let count = seen.entry(&recorded.label).or_insert(0);
        *count += 1;
        if *count == 2 {
            problems.push(ChainProblem::Retaken {
                label: recorded.label.clone(),
            });
        }
        let Some(file) = found_by_label.get(&recorded.label) else {
            problems.push(ChainProblem::Missing {
                recorded: recorded.clone(),
            });
            continue;
        };
        if file.record.checksum != recorded.checksum {
            let is_retaken = file
                .previous
                .as_ref()
                .is_some_and(|previous| previous.label == recorded.label);
            problems.push(if is_retaken {
                ChainProblem::Retaken {
                    label: recorded.label.clone(),
                }
            } else {
                ChainProblem::Replaced {
                    recorded: recorded.clone(),
                    found: file.record.checksum,
                }
            });
            continue;
        }
        // The snapshot it follows must be recorded before it: not always just before, since two
        // branches' snapshots merged each follow their own branch's last. A snapshot taken before
        // snapshots were chained follows nothing; the register's list, made later, orders it.
        let is_linked = file
            .previous
            .as_ref()
            .is_none_or(|previous| records[..idx].contains(previous));
        if !is_linked {
            let expected = idx.checked_sub(1).map(|before| records[before].clone());
            problems.push(ChainProblem::BrokenLink {
                label: recorded.label.clone(),
                previous: file.previous.clone(),
                expected,
            });
        }
    }
    let mut unrecorded: Vec<&FoundSnapshot> = found
        .iter()
        .copied()
        .filter(|found| !seen.contains_key(&found.record.label))
        .collect();
    unrecorded.sort_by(|a, b| a.record.label.cmp(&b.record.label));
    for file in unrecorded {
        let follows_ours = file.previous.as_ref().is_none_or(|previous| {
            records.contains(previous) || found.iter().any(|other| other.record == *previous)
        });
        problems.push(if follows_ours {
            ChainProblem::Unrecorded {
                found: file.record.clone(),
            }
        } else {
            ChainProblem::Foreign {
                found: file.record.clone(),
            }
        });
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::Register;
    use crate::snapshot::Snapshot;
    use crate::testing::{at, entry, label, register};

    /// Takes snapshots `labels` of a register in turn, recording each, as the app does.
    fn history(labels: &[&str]) -> (Register, Vec<Snapshot>) {
        let mut working = register(vec![entry("PND-001", "Retention")]);
        let mut taken = Vec::new();
        for (idx, text) in labels.iter().enumerate() {
            working.entries[0].votes = u32::try_from(idx).unwrap();
            let snapshot =
                Snapshot::take(&working, label(text), at("2019-04-30T09:00:00Z"), "", "").unwrap();
            working.snapshots.push(snapshot.record());
            taken.push(snapshot);
        }
        (working, taken)
    }

    fn found(snapshots: &[Snapshot]) -> Vec<FoundSnapshot> {
        snapshots.iter().map(Snapshot::found).collect()
    }

    #[test]
    fn a_chain_as_taken_has_no_problems() {
        let (working, taken) = history(&["v0.1", "v0.2", "v1.0"]);
        assert_eq!(taken[0].previous(), None);
        assert_eq!(taken[2].previous(), Some(&taken[1].record()));
        assert_eq!(audit(&working.snapshots, &found(&taken)), vec![]);
        assert_eq!(audit(&[], &[]), vec![]);
    }

    #[test]
    fn a_deleted_snapshot_is_missing() {
        let (working, mut taken) = history(&["v0.1", "v0.2", "v1.0"]);
        let deleted = taken.remove(1);
        assert_eq!(
            audit(&working.snapshots, &found(&taken)),
            vec![ChainProblem::Missing {
                recorded: deleted.record()
            }]
        );
    }

    #[test]
    fn another_snapshot_under_a_recorded_label_is_replaced() {
        let (working, taken) = history(&["v0.1", "v0.2"]);
        let mut files = found(&taken);
        // The same label, another content (another register's v0.2, or one edited and its
        // checksum recomputed).
        let mut impostor = working.clone();
        impostor.entries[0].issue = "Changed".to_owned();
        impostor.snapshots.truncate(1);
        files[1] = Snapshot::take(&impostor, label("v0.2"), at("2019-05-01T09:00:00Z"), "", "")
            .unwrap()
            .found();
        let problems = audit(&working.snapshots, &files);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            matches!(&problems[0], ChainProblem::Replaced { recorded, .. } if recorded.label.as_str() == "v0.2"),
            "{problems:?}"
        );
        assert!(problems[0].to_string().contains("has been replaced"));
    }

    #[test]
    fn a_label_taken_again_is_retaken() {
        let (mut working, mut taken) = history(&["v0.1", "v0.2"]);
        // v0.2's file deleted, and v0.2 taken again from the register that records it (by hand,
        // or by an app that did not refuse the label: `take` does).
        let deleted = taken.pop().unwrap();
        working.entries[0].issue = "Changed since".to_owned();
        assert!(matches!(
            Snapshot::take(&working, label("v0.2"), at("2019-05-01T09:00:00Z"), "", ""),
            Err(crate::snapshot::SnapshotError::LabelUsed { .. })
        ));
        let other = Snapshot::take(&working, label("v0.3"), at("2019-05-01T09:00:00Z"), "", "")
            .unwrap()
            .checksum();
        let again = FoundSnapshot {
            record: SnapshotRecord {
                label: label("v0.2"),
                checksum: other,
            },
            previous: Some(deleted.record()),
            is_kept_beside: false,
        };
        let mut files = found(&taken);
        files.push(again.clone());
        assert_eq!(
            audit(&working.snapshots, &files),
            vec![ChainProblem::Retaken {
                label: label("v0.2")
            }]
        );
        // Recorded twice is re-taken too.
        working.snapshots.push(again.record);
        let problems = audit(&working.snapshots, &files);
        assert!(
            problems.contains(&ChainProblem::Retaken {
                label: label("v0.2")
            }),
            "{problems:?}"
        );
    }

    #[test]
    fn a_record_removed_from_the_register_breaks_the_chain() {
        let (mut working, taken) = history(&["v0.1", "v0.2", "v1.0"]);
        working.snapshots.remove(1);
        let problems = audit(&working.snapshots, &found(&taken));
        assert!(
            problems.iter().any(|problem| matches!(problem,
                ChainProblem::BrokenLink { label, .. } if label.as_str() == "v1.0")),
            "{problems:?}"
        );
        assert!(
            problems.iter().any(|problem| matches!(problem,
                ChainProblem::Unrecorded { found } if found.label.as_str() == "v0.2")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .find(|problem| !problem.is_warning())
                .unwrap()
                .to_string()
                .contains("broken at v1.0")
        );
    }

    #[test]
    fn a_snapshot_of_another_register_is_foreign_and_an_unsaved_one_unrecorded() {
        let (working, mut taken) = history(&["v0.1", "v0.2"]);
        let (_, theirs) = history(&["a1", "a2"]);
        // Taken of this register, but the register was not saved after.
        let unsaved =
            Snapshot::take(&working, label("v0.3"), at("2019-05-01T09:00:00Z"), "", "").unwrap();
        taken.push(theirs[1].clone());
        taken.push(unsaved.clone());
        let problems = audit(&working.snapshots, &found(&taken));
        assert_eq!(
            problems,
            vec![
                ChainProblem::Foreign {
                    found: theirs[1].record()
                },
                ChainProblem::Unrecorded {
                    found: unsaved.record()
                },
            ]
        );
        assert!(!problems[0].is_warning());
        assert!(problems[1].is_warning());
    }

    #[test]
    fn snapshots_from_before_the_chain_are_unrecorded_warnings() {
        let (_, taken) = history(&["v0.1", "v0.2"]);
        let problems = audit(&[], &found(&taken[..1]));
        assert_eq!(problems.len(), 1);
        assert!(problems[0].is_warning(), "{problems:?}");
    }
}
