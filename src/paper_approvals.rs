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

#[cfg(test)]
mod tests {
    use super::*;
    use dpia_core::approval::{Approval, Decision};
    use dpia_core::signature::Verification;
    use dpia_files::register_file;

    const NOW: &str = "2026-12-01T12:00:00Z";

    /// A register saved in a fresh folder, with snapshots `v1.0` and `v1.1` of it taken.
    fn folder() -> (tempfile::TempDir, std::path::PathBuf, Register) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("leds.ron");
        let register = small();
        register_file::save(&register, &path).unwrap();
        for label in ["v1.0", "v1.1"] {
            let snapshot =
                Snapshot::take(&register, label_of(label), NOW.parse().unwrap(), "Gwen", "")
                    .unwrap();
            snapshot_file::save_new(&path, &snapshot).unwrap();
        }
        (dir, path, register)
    }

    fn small() -> Register {
        dpia_core::register_text::parse(include_str!("../tests/fixtures/small.ron")).unwrap()
    }

    fn label_of(label: &str) -> Label {
        Label::parse(label).unwrap()
    }

    fn approve(path: &Path, label: &str, decision: Decision, name: &str) {
        let snapshot = snapshot_file::load(&snapshot_file::path(path, &label_of(label))).unwrap();
        let approval = Approval {
            label: label_of(label),
            checksum: snapshot.checksum(),
            role: "SIRO sign-off".to_owned(),
            name: name.to_owned(),
            decision,
            conditions: String::new(),
            date: "2026-12-01".parse().unwrap(),
            signature: None,
        };
        approval_file::save_new(path, &approval, Timestamp::now()).unwrap();
    }

    #[test]
    fn a_snapshot_is_printed_with_its_own_approvals_only() {
        let (_dir, path, _) = folder();
        approve(&path, "v1.0", Decision::Approved, "Gwen Jones");
        approve(&path, "v1.1", Decision::Advice, "Dai Evans");
        let snapshot_path = snapshot_file::path(&path, &label_of("v1.1"));
        let snapshot = snapshot_file::load(&snapshot_path).unwrap();
        let printed = of_snapshot(&snapshot_path, &snapshot, None, NOW.parse().unwrap()).unwrap();
        assert_eq!(
            printed.version,
            PaperVersion::Snapshot {
                label: label_of("v1.1"),
                checksum: snapshot.checksum()
            }
        );
        let names: Vec<&str> = printed.approvals.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Dai Evans"]);
        assert_eq!(printed.approvals[0].status, Verification::Unsigned);
    }

    #[test]
    fn a_working_copy_is_the_snapshot_it_equals_only_if_that_is_approved() {
        let (_dir, path, register) = folder();
        let now = NOW.parse().unwrap();
        assert_eq!(
            of_working_copy(&path, &register, None, now).unwrap(),
            Printed::default()
        );
        approve(&path, "v1.1", Decision::Advice, "Dai Evans");
        approve(&path, "v1.1", Decision::NotApproved, "Gwen Jones");
        assert_eq!(
            of_working_copy(&path, &register, None, now)
                .unwrap()
                .version,
            PaperVersion::WorkingCopy,
            "advice and refusal do not approve"
        );
        approve(
            &path,
            "v1.0",
            Decision::ApprovedWithConditions,
            "Gwen Jones",
        );
        let printed = of_working_copy(&path, &register, None, now).unwrap();
        assert!(
            matches!(&printed.version, PaperVersion::SameAsSnapshot { label, .. } if label.as_str() == "v1.0"),
            "{printed:?}"
        );
        assert_eq!(printed.approvals.len(), 1);

        let mut changed = register.clone();
        changed.metadata.title.push_str(" (revised)");
        assert_eq!(
            of_working_copy(&path, &changed, None, now).unwrap(),
            Printed::default()
        );
    }
}
