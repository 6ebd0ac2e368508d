//! What the accountable people decided: the acceptance of an entry's residual risk, and the prior
//! consultation of the ICO that a high residual risk calls for (DPA 2018 s65, UK GDPR Art 36).

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Whether the residual risk was accepted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AcceptanceDecision {
    /// Accepted: the processing goes ahead with this risk.
    #[default]
    Accepted,
    /// Not accepted: more must be done first.
    NotAccepted,
}

impl AcceptanceDecision {
    /// The decision in words.
    pub fn name(self) -> &'static str {
        match self {
            Self::Accepted => "accepted",
            Self::NotAccepted => "not accepted",
        }
    }
}

impl fmt::Display for AcceptanceDecision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Someone accountable's decision on the residual risk of one entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskAcceptance {
    /// Accepted, or not.
    #[serde(default)]
    pub decision: AcceptanceDecision,
    /// Who decided.
    pub name: String,
    /// In what role: senior responsible owner, SIRO, …
    pub role: String,
    /// When.
    pub date: Date,
    /// Why the risk is (or is not) acceptable.
    pub rationale: String,
}

impl RiskAcceptance {
    /// Whether the risk was accepted.
    pub fn is_accepted(&self) -> bool {
        self.decision == AcceptanceDecision::Accepted
    }
}

impl fmt::Display for RiskAcceptance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} by {} ({}) on {}: {}",
            self.decision, self.name, self.role, self.date, self.rationale
        )
    }
}

/// The register's record of consulting the ICO before processing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriorConsultation {
    /// When the request was sent.
    #[serde(default)]
    pub sent: Option<Date>,
    /// The ICO's reference (or the controller's).
    #[serde(default)]
    pub reference: String,
    /// What the ICO answered, in short.
    #[serde(default)]
    pub response: String,
    /// When it answered.
    #[serde(default)]
    pub response_date: Option<Date>,
}

impl fmt::Display for PriorConsultation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let date =
            |date: Option<Date>| date.map_or_else(|| "not yet".to_owned(), |d| d.to_string());
        write!(f, "sent {}", date(self.sent))?;
        if !self.reference.is_empty() {
            write!(f, ", reference {}", self.reference)?;
        }
        write!(f, ", response {}", date(self.response_date))?;
        if !self.response.is_empty() {
            write!(f, ": {}", self.response)?;
        }
        Ok(())
    }
}
