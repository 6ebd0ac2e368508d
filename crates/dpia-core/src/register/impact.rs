//! How hard an entry bears on one right: severity and likelihood, before and after mitigation.
//!
//! Only the scales live here; what the numbers add up to is `scoring`'s business.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::RightId;

/// How bad the impact on a right would be, on the four-point scale of the method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Severity {
    /// 1: the person barely notices.
    Negligible,
    /// 2: a real but recoverable impact.
    Limited,
    /// 3: a serious impact, hard to recover from.
    Significant,
    /// 4: an irreversible or very grave impact.
    Maximum,
}

/// How likely the impact is to happen, on the four-point scale of the method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Likelihood {
    /// 1: may happen only in exceptional circumstances.
    Remote,
    /// 2: could happen.
    Possible,
    /// 3: will probably happen.
    Likely,
    /// 4: expected to happen.
    AlmostCertain,
}

/// The two halves of a scale, so code can treat severity and likelihood alike.
pub trait Scale: Sized + Copy {
    /// Every value, lowest first.
    const ALL: [Self; 4];
    /// The value's number on the 1–4 scale.
    fn value(self) -> u8;
    /// The value's name, in lower case as the method writes it.
    fn name(self) -> &'static str;
    /// The value numbered `value` (1–4), if any.
    fn from_value(value: u8) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.value() == value)
    }
}

impl Scale for Severity {
    const ALL: [Self; 4] = [
        Self::Negligible,
        Self::Limited,
        Self::Significant,
        Self::Maximum,
    ];
    fn value(self) -> u8 {
        match self {
            Self::Negligible => 1,
            Self::Limited => 2,
            Self::Significant => 3,
            Self::Maximum => 4,
        }
    }
    fn name(self) -> &'static str {
        match self {
            Self::Negligible => "negligible",
            Self::Limited => "limited",
            Self::Significant => "significant",
            Self::Maximum => "maximum",
        }
    }
}

impl Scale for Likelihood {
    const ALL: [Self; 4] = [
        Self::Remote,
        Self::Possible,
        Self::Likely,
        Self::AlmostCertain,
    ];
    fn value(self) -> u8 {
        match self {
            Self::Remote => 1,
            Self::Possible => 2,
            Self::Likely => 3,
            Self::AlmostCertain => 4,
        }
    }
    fn name(self) -> &'static str {
        match self {
            Self::Remote => "remote",
            Self::Possible => "possible",
            Self::Likely => "likely",
            Self::AlmostCertain => "almost certain",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Display for Likelihood {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One judgement of an impact: a severity and a likelihood.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// How bad it would be.
    pub severity: Severity,
    /// How likely it is.
    pub likelihood: Likelihood,
}

impl Assessment {
    /// An assessment from its two halves.
    pub fn new(severity: Severity, likelihood: Likelihood) -> Self {
        Self {
            severity,
            likelihood,
        }
    }

    /// An assessment from 1–4 numbers, as CSV writes them (`3x4`).
    pub fn from_values(severity: u8, likelihood: u8) -> Option<Self> {
        Some(Self::new(
            Severity::from_value(severity)?,
            Likelihood::from_value(likelihood)?,
        ))
    }
}

/// Which of the two judgements: before mitigation or after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Stage {
    /// Before any mitigation.
    Inherent,
    /// After the mitigations, as they stand.
    Residual,
}

impl Stage {
    /// The stage's name in lower case.
    pub fn name(self) -> &'static str {
        match self {
            Self::Inherent => "inherent",
            Self::Residual => "residual",
        }
    }
}

/// An entry's impact on one right.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Impact {
    /// The right affected; one impact per right in an entry.
    pub right: RightId,
    /// The impact before mitigation.
    pub inherent: Assessment,
    /// The impact after mitigation; `None` until someone judges it, and then the inherent one counts.
    #[serde(default)]
    pub residual: Option<Assessment>,
    /// Why it was scored so.
    #[serde(default)]
    pub note: String,
}

impl Impact {
    /// An impact with only an inherent judgement and no note.
    pub fn new(right: RightId, inherent: Assessment) -> Self {
        Self {
            right,
            inherent,
            residual: None,
            note: String::new(),
        }
    }

    /// The judgement at `stage`; at `Residual`, the inherent one where no residual was made.
    pub fn at(&self, stage: Stage) -> Assessment {
        match stage {
            Stage::Inherent => self.inherent,
            Stage::Residual => self.residual.unwrap_or(self.inherent),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_number_one_to_four() {
        assert_eq!(Severity::ALL.map(Scale::value), [1, 2, 3, 4]);
        assert_eq!(Likelihood::from_value(4), Some(Likelihood::AlmostCertain));
        assert_eq!(Likelihood::from_value(0), None);
        assert_eq!(Severity::from_value(5), None);
    }

    #[test]
    fn residual_falls_back_to_inherent() {
        let right = RightId::parse("privacy").unwrap();
        let mut impact = Impact::new(right, Assessment::from_values(3, 4).unwrap());
        assert_eq!(impact.at(Stage::Residual), impact.inherent);
        impact.residual = Assessment::from_values(2, 2);
        assert_eq!(impact.at(Stage::Residual).severity, Severity::Limited);
        assert_eq!(impact.at(Stage::Inherent).severity, Severity::Significant);
    }
}
