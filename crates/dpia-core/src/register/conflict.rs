//! An unresolved merge conflict, kept in the register as data so a merged file still loads.
//!
//! A three-way merge (`merge`) that meets two different changes to one field keeps ours in place
//! and records the conflict here: where it is, in words and as a `Place` the merge can apply a
//! value back to, and the base, ours and theirs values as RON text of the field's own type, so
//! "take theirs" sets the field exactly. Plain data: resolving is `merge::resolve`.

use serde::{Deserialize, Serialize};

use super::{EntryId, RightId, SystemId};
use crate::snapshot::Label;

/// Two different changes to one field, left for a person to choose between.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// The entry the field belongs to; none for the register's details, systems and rights.
    #[serde(default)]
    pub entry: Option<EntryId>,
    /// The field in words: `concern`, `privacy residual`, `mitigation "Train the users" status`.
    pub field: String,
    /// Where the field is, for applying a chosen value back.
    pub place: Place,
    /// The value before either change, as RON text of the field's type.
    pub base: String,
    /// Our value (the one in place until the conflict is resolved), as RON text.
    pub ours: String,
    /// Their value, as RON text.
    pub theirs: String,
}

impl Conflict {
    /// Where it is in words: `PND-001 concern`, or the field alone for the register's details.
    pub fn what(&self) -> String {
        match &self.entry {
            Some(entry) => format!("{entry} {}", self.field),
            None => format!("register {}", self.field),
        }
    }

    /// A value for one line of a report: long ones (whole entries) cut short.
    pub fn shortened(value: &str) -> String {
        const MAX_CHARS: usize = 80;
        if value.chars().count() <= MAX_CHARS {
            value.to_owned()
        } else {
            let mut short: String = value.chars().take(MAX_CHARS).collect();
            short.push('…');
            short
        }
    }
}

/// Where a conflicting field is, precisely enough to set it from a stored value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Place {
    /// One of the register's details.
    Detail(Detail),
    /// A whole system (`Option<System>`): added, changed or removed.
    System(SystemId),
    /// A whole right of the catalogue (`Option<Right>`).
    Right(RightId),
    /// The register's record of one snapshot (`Option<SnapshotRecord>`): the label taken on both
    /// sides, as two different versions.
    Snapshot(Label),
    /// A whole action of the log (`Option<Action>`), by its number: changed differently on both
    /// sides, or deleted on one and changed on the other.
    Action(u32),
    /// The whole entry (`Option<Entry>`): deleted on one side, edited on the other.
    Entry,
    /// One of the entry's own fields.
    EntryField(EntryPart),
    /// The entry's impact on one right, or one part of it.
    Impact {
        /// The right.
        right: RightId,
        /// Which part.
        part: ImpactPart,
    },
    /// One of the entry's mitigations, found by its text in the merged register, or one part of it.
    Mitigation {
        /// The mitigation's text as it stands in the merged register.
        text: String,
        /// Which part.
        part: MitigationPart,
    },
}

/// A register detail that can conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Detail {
    /// The title (`String`).
    Title,
    /// The programme (`String`).
    Programme,
    /// The version label (`String`).
    VersionLabel,
    /// The date issued (`Option<Date>`).
    DateIssued,
    /// The status (`Status`).
    Status,
    /// The protective marking (`Marking`).
    Marking,
    /// The owner (`String`).
    Owner,
    /// The purpose paragraph (`String`).
    Purpose,
    /// The language (`Language`).
    Language,
    /// The prior consultation of the ICO (`Option<PriorConsultation>`).
    PriorConsultation,
}

/// An entry field that can conflict, named by the type its values have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EntryPart {
    /// The system (`SystemId`).
    System,
    /// The category (`String`).
    Category,
    /// The issue title (`String`).
    Issue,
    /// The concern (`String`).
    Concern,
    /// The must-have flag (`bool`).
    MustHave,
    /// The votes (`u32`).
    Votes,
    /// The source (`Source`).
    Source,
    /// The policing purposes served (`Vec<PurposeBenefit>`).
    BalancingPurposes,
    /// The balancing note (`String`).
    BalancingNote,
    /// The decision on the residual risk (`Option<RiskAcceptance>`).
    Acceptance,
}

/// A part of an impact that can conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImpactPart {
    /// The whole impact (`Option<Impact>`): added differently on both sides, or removed on one
    /// and changed on the other.
    Whole,
    /// The inherent judgement (`Assessment`).
    Inherent,
    /// The residual judgement (`Option<Assessment>`).
    Residual,
    /// The note (`String`).
    Note,
}

/// A part of a mitigation that can conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MitigationPart {
    /// The whole mitigation (`Option<Mitigation>`): removed on one side and changed on the other.
    Whole,
    /// The text (`String`).
    Text,
    /// The status (`MitigationStatus`).
    Status,
    /// The owner (`String`).
    Owner,
    /// The due date (`Option<Date>`).
    Due,
}

impl Detail {
    /// The detail in words: `version label`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Title => "title",
            Self::Programme => "programme",
            Self::VersionLabel => "version label",
            Self::DateIssued => "date issued",
            Self::Status => "status",
            Self::Marking => "marking",
            Self::Owner => "owner",
            Self::Purpose => "purpose",
            Self::Language => "language",
            Self::PriorConsultation => "prior consultation",
        }
    }
}

impl EntryPart {
    /// The field in words: `must-have`.
    pub fn name(self) -> &'static str {
        match self {
            Self::System => "system",
            Self::Category => "category",
            Self::Issue => "issue",
            Self::Concern => "concern",
            Self::MustHave => "must-have",
            Self::Votes => "votes",
            Self::Source => "source",
            Self::BalancingPurposes => "policing purposes",
            Self::BalancingNote => "balancing note",
            Self::Acceptance => "acceptance",
        }
    }
}

impl Place {
    /// The place in words, as `Conflict::field` keeps it.
    pub fn name(&self) -> String {
        match self {
            Self::Detail(detail) => detail.name().to_owned(),
            Self::System(system) => format!("system {system}"),
            Self::Right(right) => format!("right {right}"),
            Self::Snapshot(label) => format!(
                "snapshot {label}, taken on both sides as two different versions (keep one, and the same side's {label}.ron)"
            ),
            Self::Action(number) => format!("action {number}"),
            Self::Entry => "entry deleted on one side, edited on the other".to_owned(),
            Self::EntryField(part) => part.name().to_owned(),
            Self::Impact { right, part } => match part {
                ImpactPart::Whole => format!("{right} impact"),
                ImpactPart::Inherent => format!("{right} inherent"),
                ImpactPart::Residual => format!("{right} residual"),
                ImpactPart::Note => format!("{right} note"),
            },
            Self::Mitigation { text, part } => match part {
                MitigationPart::Whole => format!("mitigation \"{text}\""),
                MitigationPart::Text => format!("mitigation \"{text}\" text"),
                MitigationPart::Status => format!("mitigation \"{text}\" status"),
                MitigationPart::Owner => format!("mitigation \"{text}\" owner"),
                MitigationPart::Due => format!("mitigation \"{text}\" due"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Conflict;

    #[test]
    fn long_values_are_cut_short() {
        assert_eq!(Conflict::shortened("\"short\""), "\"short\"");
        assert_eq!(Conflict::shortened(&"x".repeat(100)).chars().count(), 81);
    }
}
