//! The values a change in a change log goes from and to, as data: free text, words that read the
//! same in any language (ids, numbers, dates), or a value with a meaning (`yes`, a status, a
//! judgement), so a paper in Welsh can say it in Welsh. `Display` gives the English words the
//! command line, the app and the audit trail show.

use std::fmt;

use crate::register::{
    ActionStatus, Assessment, Field, MitigationStatus, PurposeBenefit, Scale, Status,
};
use crate::scoring::Score;

/// One side of a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// Free text, as written (the text change log quotes it).
    Text(String),
    /// Words that are the same in any language, or that the register holds as they are: an id,
    /// a number, a date, a label, a protective marking.
    Words(String),
    /// Items as written, joined by `, `; `none` when there are none.
    List(Vec<String>),
    /// Nothing: `none`.
    None,
    /// `yes` or `no`.
    YesNo(bool),
    /// An impact's judgement: `12 (maximum × likely)`.
    Judged(Assessment),
    /// No impact on the right: `not scored`.
    NotScored,
    /// An impact with no residual judgement: `not judged`.
    NotJudged,
    /// A mitigation's status.
    MitigationStatus(MitigationStatus),
    /// The register's status.
    Status(Status),
    /// An action's status.
    ActionStatus(ActionStatus),
    /// The policing purposes an entry serves, each with its benefit: `Preventing offences 3`.
    Purposes(Vec<PurposeBenefit>),
    /// Which fields are confidential: `concern, impact_notes`.
    Fields(Vec<Field>),
}

impl Value {
    /// Whether the value is free text, which the text change log quotes.
    pub fn is_text(&self) -> bool {
        matches!(self, Self::Text(_))
    }
}

/// Items joined by `, `, or `none`.
fn list(f: &mut fmt::Formatter<'_>, items: impl Iterator<Item = String>) -> fmt::Result {
    let text = items.collect::<Vec<_>>().join(", ");
    f.write_str(if text.is_empty() { "none" } else { &text })
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Text(text) | Self::Words(text) => f.write_str(text),
            Self::List(items) => list(f, items.iter().cloned()),
            Self::None => f.write_str("none"),
            Self::YesNo(yes) => f.write_str(if *yes { "yes" } else { "no" }),
            Self::Judged(assessment) => write!(
                f,
                "{} ({} × {})",
                Score::of(*assessment),
                assessment.severity.name(),
                assessment.likelihood.name()
            ),
            Self::NotScored => f.write_str("not scored"),
            Self::NotJudged => f.write_str("not judged"),
            Self::MitigationStatus(status) => write!(f, "{status}"),
            Self::Status(status) => write!(f, "{status}"),
            Self::ActionStatus(status) => f.write_str(status.name()),
            Self::Purposes(purposes) => list(
                f,
                purposes
                    .iter()
                    .map(|p| format!("{} {}", p.purpose.name(), p.benefit.value())),
            ),
            Self::Fields(fields) => list(f, fields.iter().map(ToString::to_string)),
        }
    }
}
