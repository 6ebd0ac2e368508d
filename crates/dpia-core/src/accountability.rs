//! Who must accept what: the entries whose residual risk stays high after mitigation, whether each
//! was accepted, and whether the ICO must be consulted before processing (DPA 2018 s65, UK GDPR
//! Art 36: a high risk that remains calls for prior consultation).

use crate::register::{Entry, Register, RiskAcceptance};
use crate::scoring::{EntryScores, Level, Score};

/// An entry whose residual risk is high or very high, with that score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HighResidual<'a> {
    /// The entry.
    pub entry: &'a Entry,
    /// Its highest residual score (a right not judged after mitigation counts at its inherent score).
    pub score: Score,
}

impl HighResidual<'_> {
    /// Whether someone accountable accepted the risk.
    pub fn is_accepted(&self) -> bool {
        self.entry
            .acceptance
            .as_ref()
            .is_some_and(RiskAcceptance::is_accepted)
    }
}

/// The entries whose residual risk stays high or very high, in register order.
pub fn high_residuals(register: &Register) -> Vec<HighResidual<'_>> {
    register
        .entries
        .iter()
        .filter_map(|entry| {
            let score = EntryScores::of(entry, register).residual?.score;
            (score.level() >= Level::High).then_some(HighResidual { entry, score })
        })
        .collect()
}

/// Whether prior consultation of the ICO is indicated: some residual risk stays high.
pub fn is_prior_consultation_indicated(register: &Register) -> bool {
    !high_residuals(register).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::{Assessment, Impact, RightId, RiskAcceptance};
    use crate::testing::{entry, register};

    fn scored(id: &str, inherent: (u8, u8), residual: Option<(u8, u8)>) -> Entry {
        let mut e = entry(id, id);
        let mut impact = Impact::new(
            RightId::parse("privacy").unwrap(),
            Assessment::from_values(inherent.0, inherent.1).unwrap(),
        );
        impact.residual = residual.and_then(|(s, l)| Assessment::from_values(s, l));
        e.impacts.push(impact);
        e
    }

    #[test]
    fn high_residuals_count_an_unjudged_right_at_its_inherent_score() {
        let register = register(vec![
            scored("PND-001", (4, 4), Some((2, 2))),
            scored("PND-002", (3, 3), None),
            scored("PND-003", (4, 4), Some((4, 3))),
            entry("PND-004", "unscored"),
        ]);
        let ids: Vec<&str> = high_residuals(&register)
            .iter()
            .map(|high| high.entry.id.as_str())
            .collect();
        assert_eq!(ids, ["PND-002", "PND-003"]);
        assert!(is_prior_consultation_indicated(&register));
        let mitigated = crate::testing::register(vec![scored("PND-001", (4, 4), Some((2, 2)))]);
        assert!(!is_prior_consultation_indicated(&mitigated));
    }

    #[test]
    fn only_an_accepted_decision_accepts() {
        let mut e = scored("PND-001", (4, 4), None);
        let mut acceptance = RiskAcceptance {
            decision: crate::register::AcceptanceDecision::NotAccepted,
            name: "A".to_owned(),
            role: "SIRO".to_owned(),
            date: "2026-12-01".parse().unwrap(),
            rationale: "More to do".to_owned(),
        };
        e.acceptance = Some(acceptance.clone());
        let register_not = register(vec![e.clone()]);
        assert!(!high_residuals(&register_not)[0].is_accepted());
        acceptance.decision = crate::register::AcceptanceDecision::Accepted;
        e.acceptance = Some(acceptance);
        let register_yes = register(vec![e]);
        assert!(high_residuals(&register_yes)[0].is_accepted());
    }
}
