//! What a paper is told about the version it prints: a snapshot (by label and checksum) or a
//! working copy, and the approvals of that snapshot with what checking each found.
//!
//! Plain data the caller computes from the files (reading approvals and checking signatures is
//! I/O and needs the time); layout only reads it.

use jiff::civil::Date;

use dpia_core::approval::{Approval, Decision};
use dpia_core::signature::Verification;
use dpia_core::snapshot::{Checksum, Label};

/// Which version of the register the paper prints.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum PaperVersion {
    /// A working register file that is no snapshot: a draft, whatever its approvals say.
    #[default]
    WorkingCopy,
    /// A snapshot file.
    Snapshot {
        /// The snapshot's label, such as `v1.0`.
        label: Label,
        /// Its checksum, which an approval names.
        checksum: Checksum,
    },
    /// A working register file whose content is that of a snapshot: printed as that snapshot.
    SameAsSnapshot {
        /// The snapshot's label.
        label: Label,
        /// Its checksum.
        checksum: Checksum,
    },
}

impl PaperVersion {
    /// The label and checksum of the snapshot printed, if the paper is of one.
    pub fn snapshot(&self) -> Option<(&Label, &Checksum)> {
        match self {
            Self::WorkingCopy => None,
            Self::Snapshot { label, checksum } | Self::SameAsSnapshot { label, checksum } => {
                Some((label, checksum))
            }
        }
    }
}

/// One approval of the snapshot printed, as the paper shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaperApproval {
    /// In what role: "DPO advice", "SIRO sign-off", …
    pub role: String,
    /// Who.
    pub name: String,
    /// What they decided.
    pub decision: Decision,
    /// The conditions, or the advice, in their words.
    pub conditions: String,
    /// When.
    pub date: Date,
    /// What checking it found: its snapshot unchanged, its signature sound and allowed.
    pub status: Verification,
}

impl PaperApproval {
    /// The approval as the paper shows it, with what checking it found.
    pub fn of(approval: &Approval, status: Verification) -> Self {
        Self {
            role: approval.role.clone(),
            name: approval.name.clone(),
            decision: approval.decision,
            conditions: approval.conditions.clone(),
            date: approval.date,
            status,
        }
    }

    /// Whether it approves: approved, with conditions or without, and not invalid.
    pub fn approves(&self) -> bool {
        matches!(
            self.decision,
            Decision::Approved | Decision::ApprovedWithConditions
        ) && !self.status.is_invalid()
    }
}

/// Whether the paper is of an approved version: a snapshot with at least one valid approval.
pub fn is_approved(version: &PaperVersion, approvals: &[PaperApproval]) -> bool {
    version.snapshot().is_some() && approvals.iter().any(PaperApproval::approves)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn approval(decision: Decision, status: Verification) -> PaperApproval {
        PaperApproval {
            role: "SIRO sign-off".to_owned(),
            name: "Gwen Jones".to_owned(),
            decision,
            conditions: String::new(),
            date: "2026-12-01".parse().unwrap(),
            status,
        }
    }

    fn snapshot() -> PaperVersion {
        PaperVersion::Snapshot {
            label: Label::parse("v1.0").unwrap(),
            checksum: Checksum::parse(&"ab".repeat(32)).unwrap(),
        }
    }

    #[test]
    fn only_a_valid_approving_decision_on_a_snapshot_approves() {
        let approved = approval(Decision::Approved, Verification::Unsigned);
        assert!(is_approved(&snapshot(), std::slice::from_ref(&approved)));
        assert!(!is_approved(&PaperVersion::WorkingCopy, &[approved]));
        let invalid = approval(
            Decision::ApprovedWithConditions,
            Verification::Invalid("the snapshot changed".to_owned()),
        );
        let advice = approval(Decision::Advice, Verification::UnknownSigner);
        let refused = approval(Decision::NotApproved, Verification::Unsigned);
        assert!(!is_approved(&snapshot(), &[invalid, advice, refused]));
        assert!(!is_approved(&snapshot(), &[]));
    }
}
