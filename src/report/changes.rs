//! The "Changes since" section: the change log between an earlier version and this one, as lines
//! for the paper.
//!
//! In the public edition both versions are redacted before they are compared, so neither the old
//! nor the new text of a confidential field can reach the paper through the log. Pure.

use super::ChangesSection;
use super::labels::{Labels, labels};
use super::public::{self, Edition};
use crate::diff::{Change, ChangeLog, diff};
use crate::register::Register;

/// The changes from `older` (the snapshot labelled `since_label`) to `newer`, as `edition` may
/// show them.
pub fn changes_since(
    older: &Register,
    newer: &Register,
    since_label: &str,
    edition: Edition,
) -> ChangesSection {
    let older = public::edition(older, edition);
    let newer = public::edition(newer, edition);
    let log = diff(&older, &newer);
    section(&log, since_label, labels(newer.metadata.language))
}

fn section(log: &ChangeLog, since_label: &str, labels: &Labels) -> ChangesSection {
    let summary = if log.is_empty() {
        labels.no_differences.to_owned()
    } else {
        labels.changes_summary(log.added.len(), log.removed.len(), log.changed.len())
    };
    let mut lines = Vec::new();
    for change in &log.register_changes {
        lines.push(format!("{}: {}", labels.register_details, describe(change)));
    }
    for entry in &log.added {
        lines.push(format!("{} {entry}", labels.added));
    }
    for entry in &log.removed {
        lines.push(format!("{} {entry}", labels.removed));
    }
    for entry in &log.changed {
        for field in &entry.fields {
            lines.push(format!("{} {}", entry.entry.id, describe(&field.change)));
        }
    }
    for movement in &log.rank_movements {
        lines.push(format!(
            "{}: {} {} → {}",
            movement.entry.id, labels.rank_lower, movement.old_rank, movement.new_rank
        ));
    }
    ChangesSection {
        since_label: since_label.to_owned(),
        summary,
        lines,
    }
}

/// `what: old → new`, with text in quotes.
fn describe(change: &Change) -> String {
    if change.is_text {
        format!("{}: “{}” → “{}”", change.what, change.old, change.new)
    } else {
        format!("{}: {} → {}", change.what, change.old, change.new)
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::files::register_file;
    use crate::register::Field;

    fn small() -> Register {
        register_file::parse(
            include_str!("../../tests/fixtures/small.ron"),
            Path::new("small.ron"),
        )
        .unwrap()
    }

    #[test]
    fn lists_each_change_as_a_line() {
        let older = small();
        let mut newer = small();
        "Users see far more than their role needs.".clone_into(&mut newer.entries[0].concern);
        newer.entries.remove(2);
        newer.entries[1].must_have = false;
        let section = changes_since(&older, &newer, "v0.9", Edition::Full);
        assert_eq!(section.since_label, "v0.9");
        assert_eq!(section.summary, "0 added, 1 removed, 2 changed");
        assert!(
            section
                .lines
                .contains(&"Removed PND-002 (PND): Unscored entry".to_owned()),
            "{:?}",
            section.lines
        );
        assert!(
            section.lines.contains(
                &"PND-001 concern: “Users see more than their role needs.” → “Users see far more than their role needs.”"
                    .to_owned()
            ),
            "{:?}",
            section.lines
        );
        assert!(
            section
                .lines
                .iter()
                .any(|line| line.starts_with("PND-001: rank 2 → 1")),
            "{:?}",
            section.lines
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
        assert!(
            full.lines.iter().any(|l| l.contains("New secret")),
            "{:?}",
            full.lines
        );
        let public = changes_since(&older, &newer, "v0.9", Edition::Public);
        let text = format!("{public:?}");
        assert!(!text.contains("secret"), "{text}");
        assert_eq!(public.summary, "No differences.");
    }
}
