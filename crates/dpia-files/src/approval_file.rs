//! Approval files: `NAME.approvals/` beside `NAME.ron`, one file per approval, never rewritten.
//!
//! The snapshot an approval is of is never touched: the approval names it by label and checksum.
//! Each file is named `TIME--LABEL--DIGEST.ron` (`TIME` when it was recorded, to the millisecond, so
//! names sort in the order approvals were made; `DIGEST` of its payload and signature), so two
//! people who approve on their own git branches add different files, which git merges as they are.
//! Also here: reading the keys and allowed-signers files that signing and checking need.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use dpia_core::approval::Approval;
use dpia_core::register_text::{from_ron, to_ron};
use dpia_core::signature::{AllowedSigners, SnapshotState, Verification, verify};
use dpia_core::snapshot::Label;
use jiff::Timestamp;
use sha2::{Digest as _, Sha256};
use ssh_key::PrivateKey;

use super::beside::{beside, files_in, register_of};
use super::snapshot_chain::ChainAudit;
use super::{LoadError, SaveError, atomic, git_config, snapshot_file};

/// The folder that holds a register's approvals: `NAME.approvals` beside `NAME.ron`.
pub fn folder(register_path: &Path) -> PathBuf {
    beside(register_path, ".approvals")
}

/// Saves `approval`, recorded at `recorded_at`, as a new file beside the register (with the
/// register's permissions).
pub fn save_new(
    register_path: &Path,
    approval: &Approval,
    recorded_at: Timestamp,
) -> Result<PathBuf, SaveError> {
    let folder = folder(register_path);
    std::fs::create_dir_all(&folder).map_err(|source| SaveError::Io {
        path: folder.clone(),
        source,
    })?;
    let mut hasher = Sha256::new();
    hasher.update(approval.payload().as_bytes());
    hasher.update(approval.signature.as_deref().unwrap_or_default().as_bytes());
    let mut digest = String::with_capacity(16);
    for byte in hasher.finalize().iter().take(8) {
        let _ = write!(digest, "{byte:02x}");
    }
    let path = folder.join(format!(
        "{}--{}--{digest}.ron",
        recorded_at.strftime("%Y%m%dT%H%M%S%.3fZ"),
        approval.label
    ));
    let text = to_ron(approval).map_err(|err| SaveError::Serialize {
        path: path.clone(),
        message: err.to_string(),
    })?;
    atomic::write_new_like(&path, text.as_bytes(), register_path)?;
    Ok(path)
}

/// An approval as stored, with its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredApproval {
    /// The approval file.
    pub path: PathBuf,
    /// What it says.
    pub approval: Approval,
}

/// The register's approvals in the order they were recorded (`files_in` sorts by name, and the
/// names start with the time); numbered
/// from 1 in this order by `approvals`. A register with none has an empty list.
pub fn list(register_path: &Path) -> Result<Vec<StoredApproval>, LoadError> {
    let paths = files_in(&folder(register_path), "ron")?;
    let mut approvals = Vec::new();
    for path in paths {
        let text = crate::limits::read_text(&path)?;
        let approval: Approval =
            from_ron(&text).map_err(|err| LoadError::from_format(&path, err))?;
        approvals.push(StoredApproval { path, approval });
    }
    approvals.sort_by(|a, b| (a.approval.date, &a.path).cmp(&(b.approval.date, &b.path)));
    Ok(approvals)
}

/// Each of the register's approvals with what checking it found: its snapshot read back and
/// verified (each snapshot once, however many approvals it has), its signature checked against
/// `allowed` (if any) at `now`.
pub fn verify_all(
    register_path: &Path,
    allowed: Option<&AllowedSigners>,
    now: Timestamp,
) -> Result<Vec<(StoredApproval, Verification)>, LoadError> {
    let mut states: BTreeMap<Label, SnapshotState> = BTreeMap::new();
    verify_with(register_path, allowed, now, |label| {
        states
            .entry(label.clone())
            .or_insert_with(|| snapshot_state(register_path, label))
            .clone()
    })
}

/// Each of the register's approvals with what checking it found, against the snapshots' headers
/// (`chain`, as `snapshot_chain::audit_files` read them): the quick check `check` makes, reading
/// no snapshot's register.
pub fn verify_recorded(
    register_path: &Path,
    chain: &ChainAudit,
    allowed: Option<&AllowedSigners>,
    now: Timestamp,
) -> Result<Vec<(StoredApproval, Verification)>, LoadError> {
    verify_with(register_path, allowed, now, |label| {
        if let Some(header) = chain.headers.iter().find(|header| &header.label == label) {
            return SnapshotState::Recorded(header.checksum);
        }
        let path = snapshot_file::path(register_path, label);
        match chain.unreadable.iter().find(|err| err.path() == path) {
            Some(err) => SnapshotState::Broken(err.to_string()),
            None => SnapshotState::Missing,
        }
    })
}

/// Each approval, checked with the state of its snapshot as `state_of` finds it.
fn verify_with(
    register_path: &Path,
    allowed: Option<&AllowedSigners>,
    now: Timestamp,
    mut state_of: impl FnMut(&Label) -> SnapshotState,
) -> Result<Vec<(StoredApproval, Verification)>, LoadError> {
    let approvals = list(register_path)?;
    Ok(approvals
        .into_iter()
        .map(|stored| {
            let state = state_of(&stored.approval.label);
            let verification = verify(&stored.approval, &state, allowed, now);
            (stored, verification)
        })
        .collect())
}

/// The approvals of the snapshot labelled `label` in the file at `snapshot_path`, each checked as
/// `verify_all` checks it (only that snapshot is read). They are kept beside the register whose
/// `NAME.snapshots` folder holds the file; a snapshot file kept anywhere else has none.
pub fn verify_of_snapshot(
    snapshot_path: &Path,
    label: &Label,
    allowed: Option<&AllowedSigners>,
    now: Timestamp,
) -> Result<Vec<(StoredApproval, Verification)>, LoadError> {
    let Some(register_path) = register_of(snapshot_path, ".snapshots") else {
        return Ok(Vec::new());
    };
    let mut state = None;
    let mut checked = verify_with(&register_path, allowed, now, |of| {
        if of == label {
            state
                .get_or_insert_with(|| snapshot_state(&register_path, of))
                .clone()
        } else {
            // Left out below: not this snapshot's.
            SnapshotState::Missing
        }
    })?;
    checked.retain(|(stored, _)| stored.approval.label == *label);
    Ok(checked)
}

/// The snapshot labelled `label`, as found beside the register and verified in full.
fn snapshot_state(register_path: &Path, label: &Label) -> SnapshotState {
    let path = snapshot_file::path(register_path, label);
    match snapshot_file::load(&path) {
        Ok(snapshot) => SnapshotState::Verified(snapshot.checksum()),
        Err(LoadError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            SnapshotState::Missing
        }
        Err(err) => SnapshotState::Broken(err.to_string()),
    }
}

/// The allowed signers to check approvals against: the file `given`, else git's
/// (`gpg.ssh.allowedSignersFile`), else none.
pub fn allowed_signers(given: Option<&Path>) -> Result<Option<AllowedSigners>, LoadError> {
    let path = given
        .map(Path::to_path_buf)
        .or_else(git_config::allowed_signers_file);
    match path {
        Some(path) => Ok(Some(read_allowed_signers(&path)?)),
        None => Ok(None),
    }
}

/// Reads an allowed-signers file; an unreadable line is an error at `path:line:1`.
pub fn read_allowed_signers(path: &Path) -> Result<AllowedSigners, LoadError> {
    let text = crate::limits::read_text(path)?;
    AllowedSigners::parse(&text).map_err(|err| LoadError::Parse {
        path: path.to_owned(),
        line: err.line,
        column: 1,
        message: err.message,
    })
}

/// Reads an OpenSSH private key file (`ssh-keygen`'s format).
pub fn read_private_key(path: &Path) -> Result<PrivateKey, LoadError> {
    let text = crate::limits::read_text(path)?;
    PrivateKey::from_openssh(text).map_err(|err| LoadError::Unsupported {
        path: path.to_owned(),
        message: format!("not an OpenSSH private key: {err}"),
    })
}
