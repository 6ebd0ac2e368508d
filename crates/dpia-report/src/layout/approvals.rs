//! The approvals: the snapshot they cover (label and full checksum), then each approval in full —
//! role, name, decision, date, what checking it found (signed and verified, unsigned, …) and the conditions or advice in their words. An
//! approval that cannot be trusted says "INVALID" and why; a working copy says no approval covers it.

use super::Paper;
use super::style::{BODY, CONTENT_WIDTH, NOTE, leading};
use crate::approvals::PaperVersion;
use crate::flow;
use crate::labels::capitalised;
use crate::metrics::Face;
use crate::page::Role;

impl Paper<'_> {
    pub(super) fn approvals(&mut self) {
        let labels = self.labels;
        let options = self.options;
        self.h1(labels.approvals);
        let Some((label, checksum)) = options.version.snapshot() else {
            self.text(labels.approvals_working_copy, BODY);
            return;
        };
        let mut covers = vec![(labels.covers, labels.snapshot_named(label.as_str()))];
        if let PaperVersion::SameAsSnapshot { .. } = options.version {
            covers.push((
                labels.version,
                format!(
                    "{}; {}",
                    labels.working_copy,
                    labels.same_as_snapshot(label.as_str())
                ),
            ));
        }
        covers.push((labels.checksum, checksum.to_string()));
        self.details_table(covers);
        self.flow.space(4.0);
        self.text(labels.approvals_note, NOTE);
        if options.approvals.is_empty() {
            self.flow.space(8.0);
            self.text(labels.no_approvals, BODY);
        }
        for (idx, approval) in options.approvals.iter().enumerate() {
            self.flow.space(12.0);
            let mut title = format!("{}. {}: {}", idx + 1, approval.role, approval.name);
            if approval.status.is_invalid() {
                title = format!("{title} ({})", labels.invalid);
            }
            let heading = flow::paragraph(
                &title,
                BODY.with_face(Face::Bold),
                CONTENT_WIDTH,
                leading(BODY) + 2.0,
            );
            self.flow.heading(Role::H2, &heading, 3.0 * leading(BODY));
            let mut details = vec![
                (
                    labels.decision,
                    capitalised(labels.decision_name(approval.decision)),
                ),
                (labels.date_held, labels.date(approval.date)),
                (
                    labels.status,
                    capitalised(&labels.approval_status(&approval.status)),
                ),
            ];
            if !approval.conditions.is_empty() {
                details.push((labels.conditions, approval.conditions.clone()));
            }
            self.details_table(details);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::cover_status::tests::{approval, snapshot};
    use super::super::test_util::bundled;
    use crate::{ReportOptions, layout};
    use dpia_core::approval::Decision;
    use dpia_core::signature::Verification;

    /// The text of the Approvals section, lines joined by spaces.
    fn section(options: &ReportOptions) -> String {
        let text = layout(&bundled(), options).text();
        let start = text.find("\nApprovals\n").unwrap();
        let end = text.find("\nAccepted risks\n").unwrap();
        text[start..end].replace('\n', " ")
    }

    #[test]
    fn each_approval_is_listed_in_full_with_the_snapshot_it_covers() {
        let options = ReportOptions {
            version: snapshot("v1.0"),
            approvals: vec![
                approval(
                    Decision::ApprovedWithConditions,
                    Verification::Verified {
                        principals: "gwen@example.org".to_owned(),
                    },
                ),
                approval(
                    Decision::Approved,
                    Verification::Invalid("the signature does not match".to_owned()),
                ),
            ],
            ..ReportOptions::default()
        };
        let text = section(&options);
        for expected in [
            "Covers Snapshot v1.0",
            &format!("Checksum {}", "3f".repeat(32)),
            "1. SIRO sign-off: Gwen Jones Decision Approved with conditions Date 1 December 2026 Status Signed, verified (gwen@example.org) Conditions or advice Deletion automated by March.",
            "2. SIRO sign-off: Gwen Jones (INVALID) Decision Approved Date 1 December 2026 Status INVALID: the signature does not match",
        ] {
            assert!(text.contains(expected), "`{expected}` missing:\n{text}");
        }
    }

    #[test]
    fn a_working_copy_has_no_approvals_and_a_snapshot_may_have_none_yet() {
        let text = section(&ReportOptions::default());
        assert!(
            text.contains(
                "This paper is of a working copy, not of a snapshot, so no approval covers it."
            ),
            "{text}"
        );
        let text = section(&ReportOptions {
            version: snapshot("v1.0"),
            ..ReportOptions::default()
        });
        assert!(
            text.contains("No approval of this snapshot is recorded."),
            "{text}"
        );
    }
}
