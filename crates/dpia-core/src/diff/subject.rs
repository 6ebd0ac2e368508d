//! What a change in a change log is to, as data: the part of the register and whose part it is
//! (`mitigation 2` `status`), so a paper in Welsh can name it in Welsh. `Display` gives the English
//! words the command line, the app and the audit trail show (`mitigation 2 status`).

use std::fmt;

use crate::register::{RightId, SystemId};

/// What a change is to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    /// Whose part it is, where it is not the register's own or the entry's own.
    pub whose: Option<Whose>,
    /// Which part.
    pub part: Part,
}

/// Whose part of the register changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Whose {
    /// A system in the register's list.
    System(SystemId),
    /// A right in the catalogue.
    Right(RightId),
    /// An action in the action log, by number.
    Action(u32),
    /// One of an entry's mitigations, by its number (1 for the first) in the version that has it.
    Mitigation(usize),
    /// An entry's impact on a right.
    Impact(RightId),
}

/// A part of the register, an entry, or one of their items, that a change log names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[expect(
    missing_docs,
    reason = "each variant is the English name `Part::name` gives"
)]
pub enum Part {
    Title,
    Programme,
    VersionLabel,
    DateIssued,
    Status,
    Marking,
    Owner,
    Purpose,
    Language,
    PriorConsultation,
    Added,
    Removed,
    Name,
    Description,
    LegalReference,
    Text,
    Theme,
    Source,
    Deadline,
    From,
    Entries,
    Links,
    ArtefactsAndMitigation,
    Update,
    UpdateRemoved,
    Due,
    Inherent,
    Residual,
    Note,
    System,
    Category,
    Issue,
    Concern,
    MitigationsOrder,
    BalancingPurposes,
    BalancingNote,
    AffectedGroups,
    MustHave,
    Votes,
    Confidential,
    RiskAcceptance,
}

impl Part {
    /// The part's name in English, as change logs print it: `version label`, `must-have`.
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
            Self::Added => "added",
            Self::Removed => "removed",
            Self::Name => "name",
            Self::Description => "description",
            Self::LegalReference => "legal reference",
            Self::Text => "text",
            Self::Theme => "theme",
            Self::Source => "source",
            Self::Deadline => "deadline",
            Self::From => "from",
            Self::Entries => "entries",
            Self::Links => "links",
            Self::ArtefactsAndMitigation => "artefacts and mitigation",
            Self::Update => "update",
            Self::UpdateRemoved => "update removed",
            Self::Due => "due",
            Self::Inherent => "inherent",
            Self::Residual => "residual",
            Self::Note => "note",
            Self::System => "system",
            Self::Category => "category",
            Self::Issue => "issue",
            Self::Concern => "concern",
            Self::MitigationsOrder => "mitigations order",
            Self::BalancingPurposes => "balancing purposes",
            Self::BalancingNote => "balancing note",
            Self::AffectedGroups => "affected groups",
            Self::MustHave => "must-have",
            Self::Votes => "votes",
            Self::Confidential => "confidential",
            Self::RiskAcceptance => "risk acceptance",
        }
    }
}

impl Subject {
    /// A part of the register's own, or of the entry's own.
    pub fn of(part: Part) -> Self {
        Self { whose: None, part }
    }

    /// A part of `whose`.
    pub fn whose(whose: Whose, part: Part) -> Self {
        Self {
            whose: Some(whose),
            part,
        }
    }
}

impl fmt::Display for Whose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::System(id) => write!(f, "system {id}"),
            Self::Right(id) => write!(f, "right {id}"),
            Self::Action(number) => write!(f, "action {number}"),
            Self::Mitigation(number) => write!(f, "mitigation {number}"),
            Self::Impact(right) => write!(f, "{right}"),
        }
    }
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.whose {
            None => f.write_str(self.part.name()),
            Some(whose) => write!(f, "{whose} {}", self.part.name()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_read_as_change_logs_have_always_printed_them() {
        let right = RightId::parse("privacy").unwrap();
        for (subject, words) in [
            (Subject::of(Part::VersionLabel), "version label"),
            (
                Subject::whose(Whose::System(SystemId::parse("PND").unwrap()), Part::Added),
                "system PND added",
            ),
            (
                Subject::whose(Whose::Right(right.clone()), Part::LegalReference),
                "right privacy legal reference",
            ),
            (
                Subject::whose(Whose::Action(16), Part::UpdateRemoved),
                "action 16 update removed",
            ),
            (
                Subject::whose(Whose::Mitigation(2), Part::Status),
                "mitigation 2 status",
            ),
            (
                Subject::whose(Whose::Impact(right), Part::Residual),
                "privacy residual",
            ),
        ] {
            assert_eq!(subject.to_string(), words);
        }
    }
}
