//! What the cover says of the version printed: a snapshot or a working copy, approved (with its
//! approvals in brief) or "Draft — not approved" in a box no reader can miss; and whether prior
//! consultation of the ICO is indicated (DPA 2018 s65, UK GDPR Art 36), with what was recorded.

use super::style::{BODY, CONTENT_WIDTH, SMALL, leading};
use super::{Paper, cell};
use crate::approvals::{PaperVersion, is_approved};
use crate::flow::{self, LineBox, Row, Style, Table};
use crate::metrics::Face;
use dpia_core::accountability::is_prior_consultation_indicated;
use dpia_core::palette::{self, Rgb};
use dpia_core::scoring::Level;

/// The banner's title: larger than the body, bold.
const BANNER: Style = Style {
    face: Face::Bold,
    size: 14.0,
    colour: palette::TEXT,
};

impl Paper<'_> {
    /// The version printed, for the cover's details: "Snapshot v1.0, checksum 1a2b…", or a working
    /// copy.
    pub(super) fn version_detail(&self) -> String {
        let labels = self.labels;
        match &self.options.version {
            PaperVersion::WorkingCopy => labels.working_copy.to_owned(),
            PaperVersion::Snapshot { label, checksum } => {
                labels.snapshot_short(label.as_str(), &checksum.to_string())
            }
            PaperVersion::SameAsSnapshot { label, checksum } => format!(
                "{}, {}",
                labels.same_as_snapshot(label.as_str()),
                labels.checksum_short(&checksum.to_string())
            ),
        }
    }

    /// The approvals in brief, or "Draft — not approved".
    pub(super) fn approval_banner(&mut self) {
        let labels = self.labels;
        let options = self.options;
        let width = CONTENT_WIDTH - 2.0 * BOX_PAD_X;
        let mut lines = Vec::new();
        let (fill, rule);
        if is_approved(&options.version, &options.approvals) {
            let label = options
                .version
                .snapshot()
                .map_or("", |(label, _)| label.as_str());
            lines.extend(flow::paragraph(
                &labels.approved_snapshot(label),
                BANNER,
                width,
                leading(BANNER),
            ));
            if let PaperVersion::SameAsSnapshot { .. } = options.version {
                lines.extend(cell(&labels.same_as_snapshot_note(label), SMALL, width));
            }
            lines.push(LineBox::gap(3.0));
            for approval in &options.approvals {
                let status = labels.approval_status(&approval.status);
                let line = format!(
                    "{}: {}, {}, {}; {status}",
                    approval.role,
                    approval.name,
                    labels.decision_name(approval.decision),
                    labels.date(approval.date),
                );
                let style = if approval.status.is_invalid() {
                    BODY.with_face(Face::Bold)
                } else {
                    BODY
                };
                lines.extend(super::bullet(&line, style, width));
            }
            fill = palette::tint(palette::level_fill(Level::Low), 0.6);
            rule = palette::ACCENT;
        } else {
            let (title, note) = match &options.version {
                PaperVersion::WorkingCopy => (
                    labels.draft_not_approved.to_owned(),
                    labels.draft_note.to_owned(),
                ),
                PaperVersion::SameAsSnapshot { label, .. } => (
                    labels.draft_not_approved.to_owned(),
                    format!(
                        "{} {}",
                        labels.same_as_snapshot_note(label.as_str()),
                        labels.snapshot_not_approved_note
                    ),
                ),
                PaperVersion::Snapshot { label, .. } => (
                    labels.snapshot_not_approved(label.as_str()),
                    labels.snapshot_not_approved_note.to_owned(),
                ),
            };
            lines.extend(flow::paragraph(&title, BANNER, width, leading(BANNER)));
            lines.extend(cell(&note, SMALL, width));
            for approval in options.approvals.iter().filter(|a| a.status.is_invalid()) {
                let line = format!(
                    "{}: {}; {}",
                    approval.role,
                    approval.name,
                    labels.approval_status(&approval.status)
                );
                lines.extend(super::bullet(&line, BODY.with_face(Face::Bold), width));
            }
            fill = palette::tint(palette::level_fill(Level::VeryHigh), 0.82);
            rule = palette::level_fill(Level::VeryHigh);
        }
        self.flow.space(14.0);
        self.boxed(lines, fill, rule);
    }

    /// Whether prior consultation of the ICO is indicated, and what was recorded of it.
    pub(super) fn consultation_notice(&mut self) {
        let labels = self.labels;
        let recorded = self.register.metadata.prior_consultation.as_ref();
        let is_indicated = is_prior_consultation_indicated(self.register);
        if !is_indicated && recorded.is_none() {
            return;
        }
        let width = CONTENT_WIDTH - 2.0 * BOX_PAD_X;
        let title = if is_indicated {
            labels.prior_consultation_indicated
        } else {
            labels.prior_consultation
        };
        let mut lines = flow::paragraph(title, BODY.with_face(Face::Bold), width, leading(BODY));
        let record = recorded.map_or_else(
            || labels.consultation_not_sent.to_owned(),
            |consultation| labels.consultation(consultation),
        );
        lines.extend(cell(&record, BODY, width));
        self.flow.space(8.0);
        let fill = palette::tint(palette::level_fill(Level::Medium), 0.7);
        self.boxed(lines, fill, palette::level_fill(Level::High));
    }

    /// `lines` in a box the width of the text, filled, with a rule under it.
    fn boxed(&mut self, lines: Vec<LineBox>, fill: Rgb, rule: Rgb) {
        let mut table = Table::new(vec![CONTENT_WIDTH], Vec::new());
        table.pad_x = BOX_PAD_X;
        table.pad_y = 6.0;
        table.row_rule = rule;
        table.is_layout = true;
        let mut row = Row::new(vec![lines]);
        row.fill = Some(fill);
        self.flow.table_body(&table, vec![row]);
    }
}

/// The space inside a box, left and right.
const BOX_PAD_X: f32 = 8.0;

#[cfg(test)]
pub(super) mod tests {
    use super::super::test_util::bundled;
    use crate::approvals::{PaperApproval, PaperVersion};
    use crate::{ReportOptions, layout};
    use dpia_core::approval::Decision;
    use dpia_core::register::PriorConsultation;
    use dpia_core::signature::Verification;
    use dpia_core::snapshot::{Checksum, Label};

    pub(in super::super) fn snapshot(label: &str) -> PaperVersion {
        PaperVersion::Snapshot {
            label: Label::parse(label).unwrap(),
            checksum: Checksum::parse(&"3f".repeat(32)).unwrap(),
        }
    }

    pub(in super::super) fn approval(decision: Decision, status: Verification) -> PaperApproval {
        PaperApproval {
            role: "SIRO sign-off".to_owned(),
            name: "Gwen Jones".to_owned(),
            decision,
            conditions: "Deletion automated by March.".to_owned(),
            date: "2026-12-01".parse().unwrap(),
            status,
        }
    }

    fn cover(options: &ReportOptions) -> String {
        layout(&bundled(), options).pages[0].text()
    }

    #[test]
    fn a_working_copy_is_a_draft_not_approved() {
        let cover = cover(&ReportOptions::default());
        assert!(cover.contains("\nDraft — not approved\n"), "{cover}");
        assert!(
            cover.contains("This paper is of a working copy, not of an approved snapshot."),
            "{cover}"
        );
        assert!(
            cover.contains("Printed from Working copy, not a snapshot"),
            "{cover}"
        );
    }

    #[test]
    fn an_approved_snapshot_shows_its_approvals_in_brief() {
        let options = ReportOptions {
            version: snapshot("v1.0"),
            approvals: vec![
                approval(
                    Decision::ApprovedWithConditions,
                    Verification::Verified {
                        principals: "gwen@example.org".to_owned(),
                    },
                ),
                PaperApproval {
                    role: "DPO advice".to_owned(),
                    name: "Dai Evans".to_owned(),
                    ..approval(Decision::Advice, Verification::Unsigned)
                },
            ],
            ..ReportOptions::default()
        };
        let cover = cover(&options);
        assert!(!cover.contains("not approved"), "{cover}");
        assert!(
            cover.contains("Printed from Snapshot v1.0, checksum 3f3f3f3f3f3f…"),
            "{cover}"
        );
        assert!(cover.contains("\nApproved: snapshot v1.0\n"), "{cover}");
        assert!(
            cover.replace('\n', " ").contains(
                "• SIRO sign-off: Gwen Jones, approved with conditions, 1 December 2026; signed, verified (gwen@example.org)"
            ),
            "{cover}"
        );
        assert!(
            cover.contains("• DPO advice: Dai Evans, advice, 1 December 2026; unsigned"),
            "{cover}"
        );
    }

    #[test]
    fn a_snapshot_whose_only_approval_is_invalid_is_not_approved() {
        let options = ReportOptions {
            version: snapshot("v1.0"),
            approvals: vec![approval(
                Decision::Approved,
                Verification::Invalid("snapshot v1.0 is missing".to_owned()),
            )],
            ..ReportOptions::default()
        };
        let cover = cover(&options);
        assert!(
            cover.contains("\nSnapshot v1.0 — not approved\n"),
            "{cover}"
        );
        assert!(
            cover.contains("• SIRO sign-off: Gwen Jones; INVALID: snapshot v1.0 is missing"),
            "{cover}"
        );
        let refused = ReportOptions {
            approvals: vec![approval(Decision::NotApproved, Verification::Unsigned)],
            ..options
        };
        assert!(
            super::super::super::layout(&bundled(), &refused).pages[0]
                .text()
                .contains("\nSnapshot v1.0 — not approved\n")
        );
    }

    #[test]
    fn a_working_copy_the_same_as_an_approved_snapshot_is_printed_as_it() {
        let PaperVersion::Snapshot { label, checksum } = snapshot("v1.0") else {
            unreachable!()
        };
        let options = ReportOptions {
            version: PaperVersion::SameAsSnapshot { label, checksum },
            approvals: vec![approval(Decision::Approved, Verification::Unsigned)],
            ..ReportOptions::default()
        };
        let cover = cover(&options);
        assert!(
            cover.contains(
                "\nApproved: snapshot v1.0\nSame as snapshot v1.0: this paper is of a working copy"
            ),
            "{cover}"
        );
        assert!(
            cover.contains("Printed from Same as snapshot v1.0, checksum 3f3f"),
            "{cover}"
        );
    }

    #[test]
    fn welsh_registers_get_welsh_words_for_approval_and_consultation() {
        let welsh = super::super::test_util::welsh();
        let cover = layout(&welsh, &ReportOptions::default()).pages[0].text();
        assert!(cover.contains("Drafft — heb ei gymeradwyo"), "{cover}");
        let options = ReportOptions {
            version: snapshot("v1.0"),
            approvals: vec![approval(Decision::Approved, Verification::Unsigned)],
            ..ReportOptions::default()
        };
        let text = layout(&welsh, &options).text();
        for expected in [
            "Cymeradwywyd: ciplun v1.0",
            "Gwen Jones, cymeradwywyd, 1 Rhagfyr 2026; heb ei lofnodi",
            "Cymeradwyaethau",
        ] {
            assert!(text.contains(expected), "`{expected}` missing:\n{text}");
        }
    }

    #[test]
    fn prior_consultation_is_shown_when_indicated_with_what_was_recorded() {
        let mut register = bundled();
        assert!(dpia_core::accountability::is_prior_consultation_indicated(
            &register
        ));
        let cover = layout(&register, &ReportOptions::default()).pages[0].text();
        assert!(
            cover.contains(
                "\nICO prior consultation indicated (DPA 2018 s65, UK GDPR Art 36)\nNot yet sent.\n"
            ),
            "{cover}"
        );
        register.metadata.prior_consultation = Some(PriorConsultation {
            sent: Some("2026-12-03".parse().unwrap()),
            reference: "ICO/2026/0042".to_owned(),
            response: "No objection, subject to the retention review.".to_owned(),
            response_date: Some("2027-01-10".parse().unwrap()),
        });
        let cover = layout(&register, &ReportOptions::default()).pages[0]
            .text()
            .replace('\n', " ");
        assert!(
            cover.contains(
                "Sent 3 December 2026, reference ICO/2026/0042. Response 10 January 2027: No objection, subject to the retention review."
            ),
            "{cover}"
        );

        let small =
            dpia_core::register_text::parse(include_str!("../../../../tests/fixtures/small.ron"))
                .unwrap();
        if !dpia_core::accountability::is_prior_consultation_indicated(&small) {
            let cover = layout(&small, &ReportOptions::default()).pages[0].text();
            assert!(!cover.contains("ICO prior consultation"), "{cover}");
        }
    }
}
