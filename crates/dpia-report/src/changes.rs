//! The "Changes since" section: the change log between an earlier version and this one, as
//! headed groups of lines for the paper.
//!
//! In the public edition both versions are redacted before they are compared, the older one with
//! the fields confidential in either version, so neither the old nor the new text of a field
//! confidential now (or then) can reach the paper through the log. Pure.

use super::labels::{Labels, labels};
use super::public::{self, Edition};
use super::{ChangeGroup, ChangesSection};
use dpia_core::diff::{Change, ChangeLog, diff};
use dpia_core::register::{Register, RightId};

/// Text longer than this is shown as two lines, was and now, rather than `old → new`.
const INLINE_TEXT_CHARS: usize = 60;

/// The changes from `older` (the snapshot labelled `since_label`) to `newer`, as `edition` may
/// show them.
pub fn changes_since(
    older: &Register,
    newer: &Register,
    since_label: &str,
    edition: Edition,
) -> ChangesSection {
    // The older version is redacted with the newer version's flags too: a field flagged since the
    // snapshot must not be printed as what it was (issue 5: removed text is nowhere in the file).
    let older = public::older_edition(older, newer, edition);
    let newer = public::edition(newer, edition);
    let log = diff(&older, &newer);
    // A right removed since is named as the older version named it.
    let right_name = |right: &RightId| match newer.right(right) {
        Some(right) => right.name.clone(),
        None => older.right_name(right).to_owned(),
    };
    let words = Words {
        labels: labels(newer.metadata.language),
        right_name: &right_name,
    };
    section(&log, since_label, &words)
}

/// The words a change log is written in: the paper's labels, and each right's name.
struct Words<'a> {
    labels: &'static Labels,
    right_name: &'a dyn Fn(&RightId) -> String,
}

fn section(log: &ChangeLog, since_label: &str, words: &Words<'_>) -> ChangesSection {
    let labels = words.labels;
    let summary = if log.is_empty() {
        labels.no_differences.to_owned()
    } else {
        labels.changes_summary(log.added.len(), log.removed.len(), log.changed.len())
    };
    let mut groups = Vec::new();
    let mut push = |heading: String, lines: Vec<String>| {
        if !lines.is_empty() {
            groups.push(ChangeGroup { heading, lines });
        }
    };
    push(
        labels.register_details.to_owned(),
        log.register_changes
            .iter()
            .flat_map(|change| describe(change, words))
            .collect(),
    );
    push(
        labels.added.to_owned(),
        log.added.iter().map(ToString::to_string).collect(),
    );
    push(
        labels.removed.to_owned(),
        log.removed.iter().map(ToString::to_string).collect(),
    );
    for entry in &log.changed {
        push(
            format!("{}: {}", labels.changed, entry.entry),
            entry
                .fields
                .iter()
                .flat_map(|field| describe(&field.change, words))
                .collect(),
        );
    }
    push(
        labels.rank_movements.to_owned(),
        log.rank_movements
            .iter()
            .map(|movement| {
                format!(
                    "{} ({}): {} {} → {}",
                    movement.entry.id,
                    movement.entry.issue,
                    labels.rank_lower,
                    movement.old_rank,
                    movement.new_rank
                )
            })
            .collect(),
    );
    ChangesSection {
        since_label: since_label.to_owned(),
        summary,
        groups,
    }
}

/// `what: old → new`, text in quotes; long text as two lines, was and now. What changed, and what
/// it changed from and to, in the paper's language.
fn describe(change: &Change, words: &Words<'_>) -> Vec<String> {
    let labels = words.labels;
    let what = labels.change_subject(&change.subject, words.right_name);
    let old = labels.change_value(&change.old_value);
    let new = labels.change_value(&change.new_value);
    let is_long = |value: &str| value.chars().count() > INLINE_TEXT_CHARS;
    if change.is_text && (is_long(&old) || is_long(&new)) {
        vec![
            format!("{what}, {}: “{old}”", labels.was),
            format!("{what}, {}: “{new}”", labels.now),
        ]
    } else if change.is_text {
        vec![format!("{what}: “{old}” → “{new}”")]
    } else {
        vec![format!("{what}: {old} → {new}")]
    }
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::{ReportOptions, layout};
    use dpia_core::register::Field;
    use dpia_core::register_text;

    fn small() -> Register {
        register_text::parse(include_str!("../../../tests/fixtures/small.ron")).unwrap()
    }

    fn group<'a>(section: &'a ChangesSection, heading: &str) -> &'a [String] {
        section
            .groups
            .iter()
            .find(|group| group.heading == heading)
            .map_or(&[], |group| &group.lines)
    }

    #[test]
    fn groups_the_changes_under_headings() {
        let older = small();
        let mut newer = small();
        "Users see far more than their role needs.".clone_into(&mut newer.entries[0].concern);
        newer.entries.remove(2);
        newer.entries[1].must_have = false;
        let section = changes_since(&older, &newer, "v0.9", Edition::Full);
        assert_eq!(section.since_label, "v0.9");
        assert_eq!(section.summary, "0 added, 1 removed, 2 changed");
        assert_eq!(
            group(&section, "Removed"),
            ["PND-002 (PND): Unscored entry"]
        );
        assert_eq!(
            group(
                &section,
                "Changed: PND-001 (PND): Colocation of PND and PNC data"
            ),
            [
                "concern: “Users see more than their role needs.” → “Users see far more than their role needs.”"
            ]
        );
        assert_eq!(
            group(
                &section,
                "Changed: PNC-002 (PNC): Retention of records of the unconvicted"
            ),
            ["must-have: yes → no"]
        );
        assert_eq!(
            group(&section, "Rank movements"),
            [
                "PND-001 (Colocation of PND and PNC data): rank 2 → 1",
                "PNC-002 (Retention of records of the unconvicted): rank 1 → 2"
            ]
        );
    }

    #[test]
    fn a_welsh_change_log_names_fields_in_welsh_and_rights_by_name() {
        let older =
            register_text::parse(include_str!("../../../tests/fixtures/welsh.ron")).unwrap();
        let mut newer = older.clone();
        let entry = &mut newer.entries[0];
        entry.must_have = !entry.must_have;
        entry.mitigations[0].status = dpia_core::register::MitigationStatus::Implemented;
        entry.impacts[0].residual = dpia_core::register::Assessment::from_values(1, 1);
        "v0.4".clone_into(&mut newer.metadata.version_label);
        let section = changes_since(&older, &newer, "v0.3", Edition::Full);
        let text = format!("{section:?}");
        for words in [
            "label fersiwn: v0.3 → v0.4",
            "statws lliniaru 1: ",
            "hanfodol: ie → na",
            "sgôr weddilliol (Bywyd preifat a theuluol): 6 (sylweddol × posibl) → 1 (dibwys × annhebygol iawn)",
        ] {
            assert!(text.contains(words), "`{words}` in {text}");
        }
        for english in [
            "version label",
            "mitigation 1",
            "must-have",
            "privacy",
            "yes",
            "likely",
        ] {
            assert!(!text.contains(english), "`{english}` in {text}");
        }
        // The core's own words, as the command line prints them, stay English.
        let log = diff(&older, &newer);
        assert!(
            log.to_text().contains("privacy residual: "),
            "{}",
            log.to_text()
        );
    }

    #[test]
    fn an_english_change_log_names_an_impacts_right_by_name() {
        let older = small();
        let mut newer = small();
        newer.entries[0].impacts[0].residual = dpia_core::register::Assessment::from_values(1, 1);
        let section = changes_since(&older, &newer, "v0.9", Edition::Full);
        let lines = group(
            &section,
            "Changed: PND-001 (PND): Colocation of PND and PNC data",
        );
        assert_eq!(
            lines,
            [
                "Private and family life residual: 9 (significant × likely) → 1 (negligible × remote)"
            ]
        );
    }

    #[test]
    fn long_text_shows_was_and_now() {
        let older = small();
        let mut newer = small();
        let long = "A much longer concern that runs on well past the sixty characters of one line.";
        long.clone_into(&mut newer.entries[0].concern);
        let section = changes_since(&older, &newer, "v0.9", Edition::Full);
        let lines = group(
            &section,
            "Changed: PND-001 (PND): Colocation of PND and PNC data",
        );
        assert_eq!(
            lines,
            [
                "concern, was: “Users see more than their role needs.”".to_owned(),
                format!("concern, now: “{long}”")
            ]
        );
    }

    #[test]
    fn the_public_edition_compares_redacted_versions() {
        let mut older = small();
        older.entries[0].confidential.insert(Field::Concern);
        "Old secret wording".clone_into(&mut older.entries[0].concern);
        let mut newer = older.clone();
        "New secret wording".clone_into(&mut newer.entries[0].concern);
        let full = changes_since(&older, &newer, "v0.9", Edition::Full);
        assert!(format!("{full:?}").contains("New secret"), "{full:?}");
        let public = changes_since(&older, &newer, "v0.9", Edition::Public);
        let text = format!("{public:?}");
        assert!(!text.contains("secret"), "{text}");
        assert_eq!(public.summary, "No differences.");
    }

    /// The small register with every text of PND-001 secret, its mitigation's owner included.
    fn with_secrets() -> Register {
        let mut register = small();
        let entry = &mut register.entries[0];
        "Secret issue".clone_into(&mut entry.issue);
        "Old secret concern".clone_into(&mut entry.concern);
        "Secret mitigation".clone_into(&mut entry.mitigations[0].text);
        "Secret Owner".clone_into(&mut entry.mitigations[0].owner);
        "Secret note".clone_into(&mut entry.impacts[0].note);
        "Secret balance".clone_into(&mut entry.balancing.note);
        entry.affected_groups = vec!["Secret group".to_owned()];
        "Secret source".clone_into(&mut entry.source.document);
        register
    }

    #[test]
    fn a_flag_added_since_hides_the_old_text_too() {
        let older = with_secrets();
        let mut newer = older.clone();
        newer.entries[0].confidential = Field::ALL.into_iter().collect();
        "New secret concern".clone_into(&mut newer.entries[0].concern);
        "Another Owner".clone_into(&mut newer.entries[0].mitigations[0].owner);
        "Another team".clone_into(&mut newer.metadata.owner);
        let section = changes_since(&older, &newer, "v1.0", Edition::Public);
        assert_eq!(section.summary, "0 added, 0 removed, 1 changed");
        assert_eq!(
            group(&section, "Changed: PND-001 (PND): [REDACTED]"),
            [
                "confidential: none → issue, concern, mitigations, owner, impact_notes, balancing_note, affected_groups, source"
            ]
        );

        // Nor does the old text reach any page of the paper.
        let options = ReportOptions {
            edition: Edition::Public,
            changes: Some(section),
            ..ReportOptions::default()
        };
        let text = layout(&newer, &options).text();
        assert!(text.contains("Changes since v1.0"), "{text}");
        for secret in ["Secret", "Owner", "team"] {
            assert!(!text.contains(secret), "`{secret}` in {text}");
        }
    }

    #[test]
    fn a_removed_entry_is_redacted_with_its_own_flags() {
        let mut older = small();
        "Secret unscored issue".clone_into(&mut older.entries[2].issue);
        older.entries[2].confidential.insert(Field::Issue);
        let mut newer = older.clone();
        newer.entries.remove(2);
        let section = changes_since(&older, &newer, "v1.0", Edition::Public);
        assert_eq!(group(&section, "Removed"), ["PND-002 (PND): [REDACTED]"]);
    }

    #[test]
    fn a_flag_removed_since_shows_the_text_once_and_no_false_change() {
        let mut older = with_secrets();
        older.entries[0].confidential = [Field::Concern, Field::Issue].into();
        let mut newer = older.clone();
        // The concern is now public and unchanged; the issue is now public and reworded.
        newer.entries[0].confidential.clear();
        "Public issue".clone_into(&mut newer.entries[0].issue);
        let section = changes_since(&older, &newer, "v1.0", Edition::Public);
        assert_eq!(
            group(&section, "Changed: PND-001 (PND): Public issue"),
            [
                "issue: “[REDACTED]” → “Public issue”",
                "confidential: issue, concern → none"
            ]
        );
    }
}
