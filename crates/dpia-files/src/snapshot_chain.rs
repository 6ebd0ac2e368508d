//! A register's snapshots as a chain: taking one records it in the register, and the files found
//! beside the register are audited against the register's record of them.
//!
//! The rules are the core's (`dpia_core::snapshot::audit`); this reads what each snapshot file
//! says of itself (its `header`, without its register, so auditing twenty large snapshots costs
//! twenty small reads) and saves the snapshot taken.

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use dpia_core::register::Register;
use dpia_core::snapshot::{ChainProblem, FoundSnapshot, Label, Snapshot, SnapshotError, audit};

use super::beside::files_in;
use super::snapshot_file::{self, Header, Listed};
use super::{LoadError, SaveError};

/// Why a snapshot could not be taken. Nothing was written, or (`Save` after the file) the file
/// was written and the register not changed.
#[derive(Debug, thiserror::Error)]
pub enum TakeError {
    /// The snapshot cannot be made: the label was used already, or the register cannot be
    /// written out.
    #[error(transparent)]
    Snapshot(#[from] SnapshotError),
    /// The snapshot file cannot be written (one with its label exists, or the disk refused).
    #[error(transparent)]
    Save(#[from] SaveError),
    /// The existing snapshots cannot be listed.
    #[error(transparent)]
    List(#[from] LoadError),
}

/// Takes a snapshot of `register` (the register kept at `register_path`), saves its file and
/// records it in `register`; the caller then saves the register, so it keeps the record.
///
/// A register that records no snapshots but has some beside it (taken before registers recorded
/// them) first records those, oldest first, so the new snapshot follows the last of them.
pub fn take(
    register_path: &Path,
    register: &mut Register,
    label: Label,
    taken_at: Timestamp,
    author: &str,
    note: &str,
) -> Result<(PathBuf, Snapshot), TakeError> {
    if register.snapshots.is_empty() {
        adopt_unchained(register, &snapshot_file::list(register_path)?);
    }
    let snapshot = Snapshot::take(register, label, taken_at, author, note)?;
    let saved = keep(register_path, register, &snapshot)?;
    Ok((saved, snapshot))
}

/// Saves `snapshot`, taken of `register` (as a restore keeps the register first), and records it
/// in `register`; the caller then saves the register.
pub fn keep(
    register_path: &Path,
    register: &mut Register,
    snapshot: &Snapshot,
) -> Result<PathBuf, SaveError> {
    let saved = snapshot_file::save_new(register_path, snapshot)?;
    register.snapshots.push(snapshot.record());
    Ok(saved)
}

/// Records in `register` the readable snapshots in `listed` (oldest first) that follow nothing
/// or one recorded before them: those taken before registers recorded their snapshots.
fn adopt_unchained(register: &mut Register, listed: &[Listed]) {
    for details in listed
        .iter()
        .filter_map(|listed| listed.details.as_ref().ok())
    {
        let found = details.found();
        let follows_recorded = found
            .previous
            .as_ref()
            .is_none_or(|previous| register.snapshots.contains(previous));
        if follows_recorded {
            register.snapshots.push(found.record);
        }
    }
}

/// What auditing a register's snapshots found.
#[derive(Debug, Default)]
pub struct ChainAudit {
    /// What is wrong with the chain (`ChainProblem::is_warning` tells the warnings).
    pub problems: Vec<ChainProblem>,
    /// The snapshot files that cannot be read at all.
    pub unreadable: Vec<LoadError>,
    /// The headers of the snapshot files that read.
    pub headers: Vec<Header>,
}

/// Audits the snapshot files beside the register at `register_path` against what `register`
/// records of them, reading each file's header only.
pub fn audit_files(register_path: &Path, register: &Register) -> Result<ChainAudit, LoadError> {
    let mut chain = ChainAudit::default();
    let mut found = Vec::new();
    for path in files_in(&snapshot_file::folder(register_path), "ron")? {
        match snapshot_file::header(&path) {
            Ok(header) => {
                found.push(FoundSnapshot {
                    is_kept_beside: snapshot_file::is_kept_beside(&path),
                    ..header.found()
                });
                chain.headers.push(header);
            }
            Err(err) => chain.unreadable.push(err),
        }
    }
    chain.problems = audit(&register.snapshots, &found);
    Ok(chain)
}

impl ChainAudit {
    /// Reads each snapshot whose header was read whole, and verifies its checksum against its
    /// content: one that does not verify moves from `headers` to `unreadable`, with its error.
    pub fn verify_content(&mut self, register_path: &Path) {
        let headers = std::mem::take(&mut self.headers);
        for header in headers {
            match snapshot_file::load(&snapshot_file::path(register_path, &header.label)) {
                Ok(_) => self.headers.push(header),
                Err(err) => self.unreadable.push(err),
            }
        }
    }
}

/// Audits snapshots already listed (read and verified in full) against what `register` records.
/// Unreadable ones are left to the caller, which lists them with their errors.
pub fn audit_listed(register: &Register, listed: &[Listed]) -> Vec<ChainProblem> {
    let found: Vec<FoundSnapshot> = listed
        .iter()
        .filter_map(|listed| {
            let details = listed.details.as_ref().ok()?;
            Some(FoundSnapshot {
                is_kept_beside: snapshot_file::is_kept_beside(&listed.path),
                ..details.found()
            })
        })
        .collect();
    audit(&register.snapshots, &found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dpia_core::register::{Entry, EntryId, SystemId};
    use dpia_core::snapshot::SnapshotRecord;

    fn sample() -> Register {
        let mut register = Register::default();
        register.entries.push(Entry::new(
            EntryId::parse("PND-001").unwrap(),
            SystemId::parse("PND").unwrap(),
            "Retention of custody images",
        ));
        register
    }

    fn label(text: &str) -> Label {
        Label::parse(text).unwrap()
    }

    fn at(seconds: i64) -> Timestamp {
        Timestamp::from_second(1_556_614_800 + seconds).unwrap()
    }

    #[test]
    fn taking_records_and_chains_and_the_headers_agree_with_the_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("reg.ron");
        let mut register = sample();
        let (_, first) = take(&path, &mut register, label("v0.1"), at(0), "Siân", "").unwrap();
        register.entries[0].votes = 3;
        let (saved, second) = take(&path, &mut register, label("v0.2"), at(60), "", "").unwrap();
        assert_eq!(register.snapshots, [first.record(), second.record()]);
        assert_eq!(second.previous(), Some(&first.record()));
        let header = snapshot_file::header(&saved).unwrap();
        assert_eq!(header.found(), second.found());
        assert_eq!(header.taken_at, at(60));
        let chain = audit_files(&path, &register).unwrap();
        assert!(chain.problems.is_empty(), "{:?}", chain.problems);
        assert_eq!(chain.headers.len(), 2);
        // The label is used: refused, and nothing written or recorded.
        let err = take(&path, &mut register, label("v0.1"), at(90), "", "").unwrap_err();
        assert!(
            matches!(err, TakeError::Snapshot(SnapshotError::LabelUsed { .. })),
            "{err}"
        );
        assert_eq!(register.snapshots.len(), 2);
    }

    #[test]
    fn deleted_and_foreign_files_are_found_from_their_headers() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("reg.ron");
        let mut register = sample();
        take(&path, &mut register, label("v0.1"), at(0), "", "").unwrap();
        let (second_path, _) = take(&path, &mut register, label("v0.2"), at(60), "", "").unwrap();
        std::fs::remove_file(&second_path).unwrap();
        let other_path = dir.path().join("other.ron");
        let mut other = sample();
        other.entries[0].issue = "Another".to_owned();
        take(&other_path, &mut other, label("a1"), at(0), "", "").unwrap();
        let (foreign, _) = take(&other_path, &mut other, label("a2"), at(9), "", "").unwrap();
        std::fs::copy(&foreign, snapshot_file::folder(&path).join("a2.ron")).unwrap();
        let chain = audit_files(&path, &register).unwrap();
        let words: Vec<String> = chain.problems.iter().map(ToString::to_string).collect();
        assert_eq!(chain.problems.len(), 2, "{words:?}");
        assert!(
            words[0].contains("v0.2") && words[0].contains("missing"),
            "{words:?}"
        );
        assert!(words[1].contains("a2") && words[1].contains("not one of this register's"));
    }

    #[test]
    fn snapshots_taken_before_the_chain_are_recorded_by_the_next_taken() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("reg.ron");
        let register = sample();
        // Taken by an older version: the register was never told.
        for (idx, text) in ["v0.1", "v0.2"].into_iter().enumerate() {
            let snapshot = Snapshot::take(
                &register,
                label(text),
                at(i64::try_from(idx).unwrap()),
                "",
                "",
            )
            .unwrap();
            snapshot_file::save_new(&path, &snapshot).unwrap();
        }
        let chain = audit_files(&path, &register).unwrap();
        assert_eq!(chain.problems.len(), 2);
        assert!(chain.problems.iter().all(ChainProblem::is_warning));
        let mut register = register;
        let (_, third) = take(&path, &mut register, label("v1.0"), at(60), "", "").unwrap();
        let labels: Vec<&str> = register
            .snapshots
            .iter()
            .map(|record: &SnapshotRecord| record.label.as_str())
            .collect();
        assert_eq!(labels, ["v0.1", "v0.2", "v1.0"]);
        assert_eq!(third.previous().unwrap().label.as_str(), "v0.2");
        assert!(audit_files(&path, &register).unwrap().problems.is_empty());
    }

    #[test]
    fn a_header_not_laid_out_as_written_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("reg.ron");
        let mut register = sample();
        let (saved, snapshot) = take(&path, &mut register, label("v0.1"), at(0), "", "").unwrap();
        // Re-indented by hand (or by an editor): still a snapshot, its header read in full.
        let text = std::fs::read_to_string(&saved)
            .unwrap()
            .replace("    ", "  ");
        crate::atomic::write(&saved, text.as_bytes()).unwrap();
        assert_eq!(
            snapshot_file::header(&saved).unwrap().found(),
            snapshot.found()
        );
        // Cut short: the error of reading it whole, naming the file.
        let text = std::fs::read_to_string(&saved).unwrap();
        crate::atomic::write(&saved, &text.as_bytes()[..text.len() / 2]).unwrap();
        let err = snapshot_file::header(&saved).unwrap_err();
        assert!(err.to_string().contains("v0.1.ron"), "{err}");
    }
}
