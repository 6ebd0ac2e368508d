//! What a paper says of the version it prints, read from the files beside it: a snapshot or a
//! working copy, and the approvals of that snapshot, each checked (its snapshot unchanged, its
//! signature sound and allowed). Shared by `export-pdf` and the app's Export PDF.
//!
//! A working copy whose content is that of an approved snapshot is printed as that snapshot
//! (`PaperVersion::SameAsSnapshot`); any other working copy is a draft.

use std::path::Path;

use dpia_core::register::Register;
use dpia_core::signature::AllowedSigners;
use dpia_core::snapshot::{Label, Snapshot};
use dpia_files::{LoadError, approval_file, snapshot_file};
use dpia_report::{PaperApproval, PaperVersion, ReportOptions};
use jiff::Timestamp;

/// The version a paper prints and the approvals of it, as `ReportOptions` takes them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Printed {
    /// A snapshot, or a working copy.
    pub version: PaperVersion,
    /// The approvals of that snapshot, in the order they were made; none for a working copy.
    pub approvals: Vec<PaperApproval>,
}

impl Printed {
    /// Puts the version and its approvals into `options`.
    pub fn into_options(self, options: ReportOptions) -> ReportOptions {
        ReportOptions {
            version: self.version,
            approvals: self.approvals,
            ..options
        }
    }
}

/// The snapshot read from `path`, with its approvals (kept beside its register) checked against
/// `allowed` at `now`.
pub fn of_snapshot(
    path: &Path,
    snapshot: &Snapshot,
    allowed: Option<&AllowedSigners>,
    now: Timestamp,
) -> Result<Printed, LoadError> {
    let approvals = approval_file::verify_of_snapshot(path, snapshot.label(), allowed, now)?
        .into_iter()
        .map(|(stored, status)| PaperApproval::of(&stored.approval, status))
        .collect();
    Ok(Printed {
        version: PaperVersion::Snapshot {
            label: snapshot.label().clone(),
            checksum: snapshot.checksum(),
        },
        approvals,
    })
}

/// The working register at `path`: the snapshot it equals, if one is validly approved (the one
/// approved last, if several), with that snapshot's approvals; else a working copy with none.
pub fn of_working_copy(
    path: &Path,
    register: &Register,
    allowed: Option<&AllowedSigners>,
    now: Timestamp,
) -> Result<Printed, LoadError> {
    let checked: Vec<(Label, PaperApproval)> = approval_file::verify_all(path, allowed, now)?
        .into_iter()
        .map(|(stored, status)| {
            let shown = PaperApproval::of(&stored.approval, status);
            (stored.approval.label, shown)
        })
        .collect();
    let mut approved: Vec<&Label> = Vec::new();
    for (label, approval) in checked.iter().rev() {
        if approval.approves() && !approved.contains(&label) {
            approved.push(label);
        }
    }
    for label in approved {
        // A valid approval's snapshot read back and verified when it was checked; one that fails
        // now is simply not the version printed.
        let Ok(snapshot) = snapshot_file::load(&snapshot_file::path(path, label)) else {
            continue;
        };
        if snapshot.matches(register) {
            return Ok(Printed {
                version: PaperVersion::SameAsSnapshot {
                    label: label.clone(),
                    checksum: snapshot.checksum(),
                },
                approvals: checked
                    .iter()
                    .filter(|(of, _)| of == label)
                    .map(|(_, approval)| approval.clone())
                    .collect(),
            });
        }
    }
    Ok(Printed::default())
}
