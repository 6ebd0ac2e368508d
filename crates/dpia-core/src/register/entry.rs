//! A register entry: one issue, the concern about it, its mitigations and its impacts on rights.
//!
//! This is the row of the familiar Issue | Concern | Mitigation table, plus the scores the
//! Open Space asked for. It holds data only; scoring and ranking read it elsewhere.

use std::collections::BTreeSet;
use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{EntryId, Impact, RightId, RiskAcceptance, SystemId};

/// One row of the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Stable id, unique in the register; never changes and is never reused after a delete.
    pub id: EntryId,
    /// The system the entry is about.
    pub system: SystemId,
    /// The theme, in the seeds' words: data quality, retention, custody images, …
    #[serde(default)]
    pub category: String,
    /// Short title of the issue.
    pub issue: String,
    /// What could go wrong for people, in full.
    #[serde(default)]
    pub concern: String,
    /// What is done or proposed about it, in order.
    #[serde(default)]
    pub mitigations: Vec<Mitigation>,
    /// The impact on each right concerned; at most one per right.
    #[serde(default)]
    pub impacts: Vec<Impact>,
    /// The policing purposes the processing serves, shown beside the scores but not ranked.
    #[serde(default)]
    pub balancing: Balancing,
    /// Who is affected: victims, witnesses, children, …
    #[serde(default)]
    pub affected_groups: Vec<String>,
    /// Whether the entry must be dealt with in the next draft; ranks first.
    #[serde(default)]
    pub must_have: bool,
    /// Dot votes from workshops.
    #[serde(default)]
    pub votes: u32,
    /// Where the entry comes from.
    #[serde(default)]
    pub source: Source,
    /// The text fields that must not appear in the public edition.
    #[serde(default)]
    pub confidential: BTreeSet<Field>,
    /// The accountable decision on the entry's residual risk, once made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acceptance: Option<RiskAcceptance>,
}

impl Entry {
    /// An entry with only an id, a system and an issue title.
    pub fn new(id: EntryId, system: SystemId, issue: impl Into<String>) -> Self {
        Self {
            id,
            system,
            category: String::new(),
            issue: issue.into(),
            concern: String::new(),
            mitigations: Vec::new(),
            impacts: Vec::new(),
            balancing: Balancing::default(),
            affected_groups: Vec::new(),
            must_have: false,
            votes: 0,
            source: Source::default(),
            confidential: BTreeSet::new(),
            acceptance: None,
        }
    }

    /// The impact on `right`, if the entry has one.
    pub fn impact(&self, right: &RightId) -> Option<&Impact> {
        self.impacts.iter().find(|impact| &impact.right == right)
    }

    /// Whether `field` is marked confidential.
    pub fn is_confidential(&self, field: Field) -> bool {
        self.confidential.contains(&field)
    }
}

/// A step taken or proposed to reduce the concern.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mitigation {
    /// What the step is.
    pub text: String,
    /// How far it has got.
    #[serde(default)]
    pub status: MitigationStatus,
    /// Who is responsible for it.
    #[serde(default)]
    pub owner: String,
    /// When it is due.
    #[serde(default)]
    pub due: Option<Date>,
}

impl Mitigation {
    /// A proposed mitigation with no owner or due date.
    pub fn proposed(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            status: MitigationStatus::Proposed,
            owner: String::new(),
            due: None,
        }
    }
}

/// How far a mitigation has got.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum MitigationStatus {
    /// Suggested, not yet accepted.
    #[default]
    Proposed,
    /// Accepted by the programme.
    Agreed,
    /// Being put in place.
    InProgress,
    /// In place.
    Implemented,
    /// Considered and turned down.
    Rejected,
}

impl MitigationStatus {
    /// Every status, in the order work goes.
    pub const ALL: [Self; 5] = [
        Self::Proposed,
        Self::Agreed,
        Self::InProgress,
        Self::Implemented,
        Self::Rejected,
    ];

    /// The status as people write it: `in progress`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Proposed => "proposed",
            Self::Agreed => "agreed",
            Self::InProgress => "in progress",
            Self::Implemented => "implemented",
            Self::Rejected => "rejected",
        }
    }

    /// The status named `text` (case and `_`/`-`/space insensitive), if any.
    pub fn parse(text: &str) -> Option<Self> {
        let wanted = normalise_name(text);
        Self::ALL
            .into_iter()
            .find(|status| normalise_name(status.name()) == wanted)
    }
}

impl fmt::Display for MitigationStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The policing purposes the processing serves, and where a right pulls against them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Balancing {
    /// Each purpose served and how much the processing helps it.
    #[serde(default)]
    pub purposes: Vec<PurposeBenefit>,
    /// Where a right pulls against the purposes, and how the balance is struck.
    #[serde(default)]
    pub note: String,
}

/// One policing purpose and the benefit (1–4) the processing brings to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PurposeBenefit {
    /// The purpose.
    pub purpose: PolicingPurpose,
    /// How much the processing serves it.
    pub benefit: Benefit,
}

/// The policing purposes, as the common-law duties of the police put them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PolicingPurpose {
    /// Protecting life and property.
    ProtectingLifeAndProperty,
    /// Preserving order.
    PreservingOrder,
    /// Preventing the commission of offences.
    PreventingOffences,
    /// Bringing offenders to justice.
    BringingOffendersToJustice,
    /// Any duty or responsibility arising from common or statute law.
    DutyInLaw,
}

impl PolicingPurpose {
    /// Every purpose, in the order the policing purposes are usually listed.
    pub const ALL: [Self; 5] = [
        Self::ProtectingLifeAndProperty,
        Self::PreservingOrder,
        Self::PreventingOffences,
        Self::BringingOffendersToJustice,
        Self::DutyInLaw,
    ];

    /// The purpose in words.
    pub fn name(self) -> &'static str {
        match self {
            Self::ProtectingLifeAndProperty => "Protecting life and property",
            Self::PreservingOrder => "Preserving order",
            Self::PreventingOffences => "Preventing offences",
            Self::BringingOffendersToJustice => "Bringing offenders to justice",
            Self::DutyInLaw => "A duty in law",
        }
    }
}

/// How much the processing serves a policing purpose: 1 (slight) to 4 (essential).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Benefit(u8);

impl Benefit {
    /// The benefit numbered `value`, if it is 1–4.
    pub fn new(value: u8) -> Option<Self> {
        (1..=4).contains(&value).then_some(Self(value))
    }

    /// The number, 1–4.
    pub fn value(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Benefit {
    type Error = String;
    fn try_from(value: u8) -> Result<Self, String> {
        Self::new(value).ok_or_else(|| format!("a benefit is 1 to 4, not {value}"))
    }
}

impl From<Benefit> for u8 {
    fn from(benefit: Benefit) -> u8 {
        benefit.0
    }
}

/// Where an entry comes from: a document and its date.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The document, such as "LEDS Open Space action log v2.2.16".
    #[serde(default)]
    pub document: String,
    /// The document's date.
    #[serde(default)]
    pub date: Option<Date>,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.date {
            Some(date) if self.document.is_empty() => write!(f, "{date}"),
            Some(date) => write!(f, "{}, {date}", self.document),
            None => f.write_str(&self.document),
        }
    }
}

/// An entry's text fields that can be marked confidential, and so left out of the public edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Field {
    /// The issue title.
    Issue,
    /// The concern text.
    Concern,
    /// The mitigations' texts.
    Mitigations,
    /// The mitigations' owners.
    Owner,
    /// The notes on impacts.
    ImpactNotes,
    /// The balancing note.
    BalancingNote,
    /// The affected groups.
    AffectedGroups,
    /// The source.
    Source,
}

impl Field {
    /// Every field that can be marked confidential.
    pub const ALL: [Self; 8] = [
        Self::Issue,
        Self::Concern,
        Self::Mitigations,
        Self::Owner,
        Self::ImpactNotes,
        Self::BalancingNote,
        Self::AffectedGroups,
        Self::Source,
    ];

    /// The field's name as CSV writes it: `balancing_note`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Issue => "issue",
            Self::Concern => "concern",
            Self::Mitigations => "mitigations",
            Self::Owner => "owner",
            Self::ImpactNotes => "impact_notes",
            Self::BalancingNote => "balancing_note",
            Self::AffectedGroups => "affected_groups",
            Self::Source => "source",
        }
    }

    /// The field named `text` (case and `_`/`-`/space insensitive; `mitigation` is accepted too).
    pub fn parse(text: &str) -> Option<Self> {
        let wanted = normalise_name(text);
        if wanted == "mitigation" {
            return Some(Self::Mitigations);
        }
        Self::ALL
            .into_iter()
            .find(|field| normalise_name(field.name()) == wanted)
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Lower case with `_`, `-` and spaces removed, so `In progress`, `in_progress` and `IN-PROGRESS` match.
fn normalise_name(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '_' | '-' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_parse_as_people_write_them() {
        assert_eq!(
            MitigationStatus::parse("In progress"),
            Some(MitigationStatus::InProgress)
        );
        assert_eq!(
            MitigationStatus::parse("in_progress"),
            Some(MitigationStatus::InProgress)
        );
        assert_eq!(
            MitigationStatus::parse("IMPLEMENTED"),
            Some(MitigationStatus::Implemented)
        );
        assert_eq!(MitigationStatus::parse("done"), None);
    }

    #[test]
    fn fields_parse_by_csv_name() {
        assert_eq!(Field::parse("balancing note"), Some(Field::BalancingNote));
        assert_eq!(Field::parse("Owner"), Some(Field::Owner));
        assert_eq!(Field::parse("mitigation"), Some(Field::Mitigations));
        assert_eq!(Field::parse("colour"), None);
        for field in Field::ALL {
            assert_eq!(
                Field::parse(field.name()),
                Some(field),
                "{field} round-trips"
            );
        }
    }

    #[test]
    fn benefit_is_one_to_four() {
        assert!(Benefit::new(0).is_none());
        assert_eq!(Benefit::new(4).map(Benefit::value), Some(4));
        assert!(Benefit::try_from(5).is_err());
    }

    #[test]
    fn source_reads_as_document_and_date() {
        let source = Source {
            document: "Action log v2.2.16".to_owned(),
            date: Some(jiff::civil::date(2019, 7, 11)),
        };
        assert_eq!(source.to_string(), "Action log v2.2.16, 2019-07-11");
    }
}
