//! The words added for accessibility (issue 13): the accessible names of widgets that have no
//! visible label of their own, the level chips' spoken text, and the high-contrast theme's name.
//!
//! Kept in one place, each from the message catalogues (`a11y-*` in `assets/i18n/*/app.ftl`).

use dpia_core::scoring::Score;

use crate::gui::i18n::{UiName, tr, tr_args};

/// The high-contrast theme in the View menu.
pub(crate) fn high_contrast_theme() -> &'static str {
    tr("a11y-high-contrast-theme")
}

/// The register table, as a screen reader names it.
pub(crate) fn register_table() -> &'static str {
    tr("a11y-register-table")
}

/// The Priorities view's ranked list, as a screen reader names it.
pub(crate) fn priorities_table() -> &'static str {
    tr("a11y-priorities-table")
}

/// A row of the ranked list: "Rank 2: PND-003 Retention of custody images".
pub(crate) fn priority_row(rank: &str, entry: &str, issue: &str) -> String {
    tr_args!(
        "a11y-priority-row",
        rank = rank,
        entry = entry,
        issue = issue
    )
}

/// The search field in the menu bar.
pub(crate) fn search_field() -> &'static str {
    tr("a11y-search-field")
}

/// The field that adds an affected group to the entry.
pub(crate) fn add_group_field() -> &'static str {
    tr("a11y-add-group-field")
}

/// The owner filter in the Actions view.
pub(crate) fn owner_filter() -> &'static str {
    tr("a11y-owner-filter")
}

/// The register's owner in Register details.
pub(crate) fn register_owner() -> &'static str {
    tr("a11y-register-owner")
}

/// The field that adds a system's id in Register details.
pub(crate) fn new_system_id() -> &'static str {
    tr("a11y-new-system-id")
}

/// The field that adds a system's name in Register details.
pub(crate) fn new_system_name() -> &'static str {
    tr("a11y-new-system-name")
}

/// The field that adds a right's id in Register details.
pub(crate) fn new_right_id() -> &'static str {
    tr("a11y-new-right-id")
}

/// The field that adds a right's name in Register details.
pub(crate) fn new_right_name() -> &'static str {
    tr("a11y-new-right-name")
}

/// The field that adds a right's legal reference in Register details.
pub(crate) fn new_right_reference() -> &'static str {
    tr("a11y-new-right-reference")
}

/// The must-have mark beside an entry.
pub(crate) fn must_have() -> &'static str {
    tr("reason-must-have")
}

/// The handle that resizes a table's column.
pub(crate) fn resize_column(title: &str) -> String {
    tr_args!("a11y-resize-column", column = title.to_lowercase())
}

/// A score chip with no score.
pub(crate) fn no_score() -> &'static str {
    tr("a11y-no-score")
}

/// A level chip's words: the score and its level, `16 very high`.
pub(crate) fn score(score: Score) -> String {
    format!("{} {}", score.value(), score.level().ui_name())
}

/// The note field beside a right's scores.
pub(crate) fn right_note(right_name: &str) -> String {
    tr_args!("a11y-right-note", right = right_name)
}

/// The owner field of the mitigation numbered `number` (from 1): `Mitigation 2 owner`.
pub(crate) fn mitigation_owner(number: usize) -> String {
    tr_args!("a11y-mitigation-owner", number = number)
}
