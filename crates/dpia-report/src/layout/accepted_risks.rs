//! The accepted risks: each entry whose residual risk stays high or very high after mitigation,
//! with its residual score and the accountable decision on it — accepted by whom, when and why, or
//! "not accepted".

use super::style::{CONTENT_WIDTH, NOTE, SMALL, leading};
use super::{Paper, cell, head, score_chip};
use crate::flow::{self, Inline, Row, Table};
use crate::metrics::Face;
use crate::page::Role;
use dpia_core::accountability::high_residuals;

/// The widths of the entry, residual and decision columns; the rationale takes the rest. The
/// residual column fits its Welsh heading, "Gweddilliol", whole.
const ENTRY_WIDTH: f32 = 150.0;
const RESIDUAL_WIDTH: f32 = 60.0;
const DECISION_WIDTH: f32 = 120.0;

impl Paper<'_> {
    pub(super) fn accepted_risks(&mut self) {
        let labels = self.labels;
        self.flow.space(24.0);
        let heading = flow::paragraph(
            labels.accepted_risks,
            super::style::H1,
            CONTENT_WIDTH,
            leading(super::style::H1) + 4.0,
        );
        self.flow.heading(Role::H1, &heading, 4.0 * leading(SMALL));
        self.flow.bookmark(labels.accepted_risks);
        self.flow.space(6.0);
        let highs = high_residuals(self.register);
        if highs.is_empty() {
            self.text(labels.no_high_residuals, SMALL);
            return;
        }
        self.text(labels.accepted_risks_note, NOTE);
        self.flow.space(4.0);
        let rationale_width = CONTENT_WIDTH - ENTRY_WIDTH - RESIDUAL_WIDTH - DECISION_WIDTH;
        let widths = vec![ENTRY_WIDTH, RESIDUAL_WIDTH, DECISION_WIDTH, rationale_width];
        let header = vec![
            head(labels.entry, ENTRY_WIDTH - 8.0),
            head(labels.residual, RESIDUAL_WIDTH - 8.0),
            head(labels.decision, DECISION_WIDTH - 8.0),
            head(labels.rationale, rationale_width - 8.0),
        ];
        let table = Table::new(widths, header);
        let rows = highs
            .iter()
            .map(|high| {
                let entry = high.entry;
                let (decision, rationale) = match &entry.acceptance {
                    Some(acceptance) => {
                        (labels.acceptance(acceptance), acceptance.rationale.as_str())
                    }
                    None => (labels.no_decision.to_owned(), ""),
                };
                let decision_style = if high.is_accepted() {
                    SMALL
                } else {
                    SMALL.with_face(Face::Bold)
                };
                Row::new(vec![
                    flow::wrap(
                        &[
                            Inline::text(entry.id.as_str(), NOTE.with_face(Face::Bold)),
                            Inline::text(format!(" {}", entry.issue), SMALL),
                        ],
                        table.inner_width(0),
                        leading(SMALL),
                    ),
                    flow::wrap(
                        &[
                            score_chip(high.score),
                            Inline::text(
                                format!(" {}", labels.level_name(high.score.level())),
                                NOTE,
                            ),
                        ],
                        table.inner_width(1),
                        leading(SMALL),
                    ),
                    cell(&decision, decision_style, table.inner_width(2)),
                    cell(rationale, SMALL, table.inner_width(3)),
                ])
            })
            .collect();
        self.flow.table(&table, rows);
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::bundled;
    use crate::public::Edition;
    use crate::{ReportOptions, layout};
    use dpia_core::accountability::high_residuals;
    use dpia_core::register::{AcceptanceDecision, Field, RiskAcceptance};

    fn section(text: &str) -> String {
        let start = text.find("\nAccepted risks\n").unwrap();
        let end = text.find("\nThe register\n").unwrap();
        text[start..end].replace('\n', " ")
    }

    #[test]
    fn high_residuals_are_listed_accepted_with_their_rationale_or_not() {
        let mut register = bundled();
        let ids: Vec<String> = high_residuals(&register)
            .iter()
            .map(|high| high.entry.id.to_string())
            .collect();
        assert!(ids.len() >= 2, "{ids:?}");
        let accepted = register
            .entries
            .iter_mut()
            .find(|entry| entry.id.as_str() == ids[0])
            .unwrap();
        accepted.acceptance = Some(RiskAcceptance {
            decision: AcceptanceDecision::Accepted,
            name: "Gwen Jones".to_owned(),
            role: "SIRO".to_owned(),
            date: "2026-12-01".parse().unwrap(),
            rationale: "Tolerable meanwhile.".to_owned(),
        });
        let text = section(&layout(&register, &ReportOptions::default()).text());
        assert!(text.contains("Entry Residual Decision Rationale"), "{text}");
        // Text is read row by row across the cells, so each cell's wrapped lines are checked apart.
        for expected in [
            "Accepted by Gwen Jones",
            "(SIRO), 1 December 2026",
            "Tolerable meanwhile.",
        ] {
            assert!(text.contains(expected), "`{expected}` missing: {text}");
        }
        assert_eq!(
            text.matches("Not accepted: no decision").count(),
            ids.len() - 1,
            "{text}"
        );
        for id in &ids {
            assert!(text.contains(id.as_str()), "{id} missing: {text}");
        }
    }

    #[test]
    fn the_public_edition_keeps_decisions_and_redacts_confidential_issues() {
        let mut register = bundled();
        let id = high_residuals(&register)[0].entry.id.clone();
        let entry = register.entries.iter_mut().find(|e| e.id == id).unwrap();
        entry.issue = "Zygmunt’s confidential issue".to_owned();
        entry.confidential.insert(Field::Issue);
        entry.acceptance = Some(RiskAcceptance {
            decision: AcceptanceDecision::NotAccepted,
            name: "Gwen Jones".to_owned(),
            role: "SIRO".to_owned(),
            date: "2026-12-01".parse().unwrap(),
            rationale: "More to do first".to_owned(),
        });
        let options = ReportOptions {
            edition: Edition::Public,
            ..ReportOptions::default()
        };
        let text = section(&layout(&register, &options).text());
        assert!(!text.contains("Zygmunt"), "{text}");
        assert!(text.contains(&format!("{id} [REDACTED]")), "{text}");
        assert!(
            text.contains("Not accepted by Gwen") && text.contains("More to do first"),
            "{text}"
        );
    }

    #[test]
    fn a_register_with_no_high_residual_says_so() {
        let mut register = bundled();
        register.entries.clear();
        let text = section(&layout(&register, &ReportOptions::default()).text());
        assert!(
            text.contains("No residual risk stays high after mitigation."),
            "{text}"
        );
    }
}
