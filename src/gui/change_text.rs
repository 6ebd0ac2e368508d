//! A change log in the app's language: what each change is to (an impact by its right's name) and
//! its values, in the papers' words (`dpia_report::labels`), and the whole log as text for File ›
//! Update from spreadsheet… and for a merge with the file on disk. The core's `ChangeLog::to_text`
//! stays the command line's; in English the two read the same but for rights named by name.

use std::fmt::Write as _;

use dpia_core::diff::{Change, ChangeLog};
use dpia_core::register::{Register, RightId};
use dpia_report::labels::labels;

use crate::gui::i18n::{self, tr, tr_args};

/// Longer text values go on lines of their own, as in the core's text.
const INLINE_TEXT_CHARS: usize = 60;

/// What `change` is to; rights by their names in `register`.
pub(crate) fn what(register: &Register, change: &Change) -> String {
    let right_name = |right: &RightId| {
        register
            .right(right)
            .map_or_else(|| right.to_string(), |right| right.name.clone())
    };
    labels(i18n::language()).change_subject(&change.subject, &right_name)
}

/// The older and the newer value of `change`.
pub(crate) fn values(change: &Change) -> (String, String) {
    let words = labels(i18n::language());
    (
        words.change_value(&change.old_value),
        words.change_value(&change.new_value),
    )
}

/// The whole log as lines of text: the summary, then a section for each kind of change it has.
pub(crate) fn log_text(register: &Register, log: &ChangeLog) -> String {
    let mut text = tr_args!(
        "snapshots-change-summary",
        added = log.added.len(),
        removed = log.removed.len(),
        changed = log.changed.len()
    );
    text.push('\n');
    if log.is_empty() {
        let _ = writeln!(text, "\n{}", tr("snapshots-no-differences"));
        return text;
    }
    if !log.register_changes.is_empty() {
        let _ = writeln!(text, "\n{}", tr("register-register-details"));
        for change in &log.register_changes {
            write_change(&mut text, "  ", register, change);
        }
    }
    for (heading, entries) in [
        (tr("snapshots-added"), &log.added),
        (tr("snapshots-removed"), &log.removed),
    ] {
        if !entries.is_empty() {
            let _ = writeln!(text, "\n{heading}");
            for entry in entries {
                let _ = writeln!(text, "  {} ({}): {}", entry.id, entry.system, entry.issue);
            }
        }
    }
    if !log.changed.is_empty() {
        let _ = writeln!(text, "\n{}", tr("snapshots-changed"));
        for entry in &log.changed {
            let summary = &entry.entry;
            let _ = writeln!(
                text,
                "  {} ({}): {}",
                summary.id, summary.system, summary.issue
            );
            for field in &entry.fields {
                write_change(&mut text, "    ", register, &field.change);
            }
        }
    }
    if !log.rank_movements.is_empty() {
        let _ = writeln!(text, "\n{}", tr("snapshots-rank-movements"));
        for movement in &log.rank_movements {
            let rank = tr_args!(
                "snapshots-rank-from-to",
                old = movement.old_rank,
                new = movement.new_rank,
                arrow = ""
            );
            let _ = writeln!(text, "  {}: {rank}", movement.entry.id);
        }
    }
    text
}

/// `what: old → new`, text quoted; long or multi-line text on lines of its own.
fn write_change(text: &mut String, indent: &str, register: &Register, change: &Change) {
    let what = what(register, change);
    let (old, new) = values(change);
    let is_long = |value: &str| value.chars().count() > INLINE_TEXT_CHARS || value.contains('\n');
    if change.is_text && (is_long(&old) || is_long(&new)) {
        let inner = format!("{indent}      ");
        let quote = |value: &str| format!("\"{}\"", value.replace('\n', &format!("\n{inner}")));
        let _ = writeln!(text, "{indent}{what}:");
        let _ = writeln!(
            text,
            "{indent}  {}",
            tr_args!("snapshots-change-was", value = quote(&old))
        );
        let _ = writeln!(
            text,
            "{indent}  {}",
            tr_args!("snapshots-change-now", value = quote(&new))
        );
    } else if change.is_text {
        let _ = writeln!(text, "{indent}{what}: \"{old}\" → \"{new}\"");
    } else {
        let _ = writeln!(text, "{indent}{what}: {old} → {new}");
    }
}

#[cfg(test)]
mod tests {
    use dpia_core::diff::diff;
    use dpia_core::register::{Language, RightId};

    use super::*;
    use crate::gui::i18n::set_language;

    fn changed() -> (Register, ChangeLog) {
        let older: Register =
            dpia_core::register_text::parse(include_str!("../../tests/fixtures/small.ron"))
                .unwrap();
        let mut newer = older.clone();
        newer.metadata.title = "Cofrestr fach".to_owned();
        let entry = &mut newer.entries[0];
        entry.must_have = !entry.must_have;
        let privacy = RightId::parse("privacy").unwrap();
        if let Some(impact) = entry.impacts.iter_mut().find(|i| i.right == privacy) {
            impact.residual = None;
        }
        let log = diff(&older, &newer);
        (newer, log)
    }

    #[test]
    fn in_english_the_log_reads_as_the_core_writes_it_but_for_rights_by_name() {
        set_language(Language::English);
        let (register, log) = changed();
        let core = log.to_text();
        let app = log_text(&register, &log);
        assert!(app.contains("Private and family life residual"), "{app}");
        assert_eq!(
            app.replace("Private and family life", "privacy"),
            core,
            "the same words otherwise"
        );
    }

    #[test]
    fn in_welsh_the_log_is_welsh() {
        set_language(Language::Welsh);
        let (register, log) = changed();
        let text = log_text(&register, &log);
        assert!(
            text.starts_with("Ychwanegwyd: 0; tynnwyd: 0; newidiwyd: 1"),
            "{text}"
        );
        assert!(text.contains("Newidiwyd\n"), "{text}");
        assert!(!text.contains("Changed"), "{text}");
        assert!(!text.contains(" residual"), "{text}");
        set_language(Language::English);
    }
}
