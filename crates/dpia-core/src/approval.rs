//! Approvals: the sign-off (or advice, or refusal) of someone accountable on one snapshot.
//!
//! An approval names its snapshot by label and checksum, so it stays true only of exactly that
//! version. Its `payload` is the canonical text a signature covers: anyone can check a signed
//! approval with `ssh-keygen -Y verify` and the payload alone (see `signature`).

use std::fmt;
use std::fmt::Write as _;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::snapshot::{Checksum, Label};

/// The namespace every approval signature is made in (`ssh-keygen -Y sign -n dpia-register`), so
/// a signature made for git or for files can never pass as an approval.
pub const SIGNATURE_NAMESPACE: &str = "dpia-register";

/// The first line of every payload: what it is, and its format version.
pub const PAYLOAD_HEADER: &str = "dpia-register approval 1";

/// The roles the app offers; any other text is allowed too.
pub const OFFERED_ROLES: [&str; 4] = [
    "DPO advice",
    "Senior responsible owner sign-off",
    "SIRO sign-off",
    "ICO consultation response",
];

/// What the approver decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Decision {
    /// Approved as it stands.
    Approved,
    /// Approved, on the conditions given.
    ApprovedWithConditions,
    /// Not approved.
    NotApproved,
    /// Advice only (a DPO advises; the controller decides).
    Advice,
}

impl Decision {
    /// Every decision, in the order the app offers them.
    pub const ALL: [Self; 4] = [
        Self::Approved,
        Self::ApprovedWithConditions,
        Self::NotApproved,
        Self::Advice,
    ];

    /// The decision as the command line and the payload write it: `approved-with-conditions`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Approved => "approved",
            Self::ApprovedWithConditions => "approved-with-conditions",
            Self::NotApproved => "not-approved",
            Self::Advice => "advice",
        }
    }

    /// The decision named `text` (any case; spaces or `_` for `-`), if any.
    pub fn parse(text: &str) -> Option<Self> {
        let wanted = text.trim().to_ascii_lowercase().replace([' ', '_'], "-");
        Self::ALL
            .into_iter()
            .find(|decision| decision.name() == wanted)
    }

    /// The decision in words, for papers and the app: "approved with conditions".
    pub fn words(self) -> &'static str {
        match self {
            Self::Approved => "approved",
            Self::ApprovedWithConditions => "approved with conditions",
            Self::NotApproved => "not approved",
            Self::Advice => "advice",
        }
    }
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One approval of one snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// The snapshot approved.
    pub label: Label,
    /// The snapshot's checksum when it was approved.
    pub checksum: Checksum,
    /// In what role: "DPO advice", "SIRO sign-off", …
    pub role: String,
    /// Who.
    pub name: String,
    /// What they decided.
    pub decision: Decision,
    /// The conditions, or the advice, in their words.
    #[serde(default)]
    pub conditions: String,
    /// When.
    pub date: Date,
    /// The SSHSIG signature over `payload()`, armored (`-----BEGIN SSH SIGNATURE-----`), if signed.
    #[serde(default)]
    pub signature: Option<String>,
}

impl Approval {
    /// The exact bytes a signature covers: one `key: value` line each, in a fixed order, values
    /// escaped so each stays on its line (`\\`, `\n`, `\r`), ending in a line feed.
    pub fn payload(&self) -> String {
        let mut text = String::new();
        let mut line = |key: &str, value: &str| {
            let _ = writeln!(text, "{key}: {}", escape(value));
        };
        line("snapshot", self.label.as_str());
        line("checksum", &self.checksum.to_string());
        line("role", &self.role);
        line("name", &self.name);
        line("decision", self.decision.name());
        line("conditions", &self.conditions);
        line("date", &self.date.to_string());
        format!("{PAYLOAD_HEADER}\n{text}")
    }

    /// Whether the approval carries a signature.
    pub fn is_signed(&self) -> bool {
        self.signature.is_some()
    }
}

/// `value` with `\`, line feed and carriage return escaped.
fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn sample() -> Approval {
        Approval {
            label: Label::parse("v1.0").unwrap(),
            checksum: Checksum::parse(&"ab".repeat(32)).unwrap(),
            role: "SIRO sign-off".to_owned(),
            name: "Gwen Jones".to_owned(),
            decision: Decision::ApprovedWithConditions,
            conditions: "Deletion automated by March.\nReview \\ at the next Open Space".to_owned(),
            date: "2026-12-01".parse().unwrap(),
            signature: None,
        }
    }

    #[test]
    fn the_payload_is_one_line_a_field_in_a_fixed_order() {
        assert_eq!(
            sample().payload(),
            format!(
                "dpia-register approval 1\n\
                 snapshot: v1.0\n\
                 checksum: {}\n\
                 role: SIRO sign-off\n\
                 name: Gwen Jones\n\
                 decision: approved-with-conditions\n\
                 conditions: Deletion automated by March.\\nReview \\\\ at the next Open Space\n\
                 date: 2026-12-01\n",
                "ab".repeat(32)
            )
        );
    }

    #[test]
    fn every_field_changes_the_payload() {
        let base = sample().payload();
        let mut changed = Vec::new();
        let mut each = |change: &dyn Fn(&mut Approval)| {
            let mut approval = sample();
            change(&mut approval);
            changed.push(approval.payload() != base);
        };
        each(&|a| a.label = Label::parse("v1.1").unwrap());
        each(&|a| a.checksum = Checksum::parse(&"cd".repeat(32)).unwrap());
        each(&|a| a.role.push('!'));
        each(&|a| a.name.push('!'));
        each(&|a| a.decision = Decision::Approved);
        each(&|a| a.conditions.clear());
        each(&|a| a.date = "2026-12-02".parse().unwrap());
        assert!(changed.iter().all(|&c| c), "{changed:?}");
    }

    #[test]
    fn decisions_parse_as_the_command_line_writes_them() {
        for decision in Decision::ALL {
            assert_eq!(Decision::parse(decision.name()), Some(decision));
        }
        assert_eq!(
            Decision::parse("Approved with conditions"),
            Some(Decision::ApprovedWithConditions)
        );
        assert_eq!(Decision::parse("maybe"), None);
    }
}
