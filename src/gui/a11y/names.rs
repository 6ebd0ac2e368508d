//! The words added for accessibility (issue 13): the accessible names of widgets that have no
//! visible label of their own, the level chips' spoken text, and the high-contrast theme's name.
//!
//! Kept in one place so that the message catalogues can take them over whole.

use dpia_core::scoring::Score;

/// The high-contrast theme in the View menu.
pub(crate) const HIGH_CONTRAST_THEME: &str = "High contrast theme";

/// The register table, as a screen reader names it.
pub(crate) const REGISTER_TABLE: &str = "Register entries";

/// The search field in the menu bar.
pub(crate) const SEARCH_FIELD: &str = "Search entries";

/// The field that adds an affected group to the entry.
pub(crate) const ADD_GROUP_FIELD: &str = "Add an affected group";

/// The owner filter in the Actions view.
pub(crate) const OWNER_FILTER: &str = "Owner filter";

/// The register's owner in Register details.
pub(crate) const REGISTER_OWNER: &str = "Register owner";

/// The fields that add a system or a right in Register details.
pub(crate) const NEW_SYSTEM_ID: &str = "New system id";
/// See [`NEW_SYSTEM_ID`].
pub(crate) const NEW_SYSTEM_NAME: &str = "New system name";
/// See [`NEW_SYSTEM_ID`].
pub(crate) const NEW_RIGHT_ID: &str = "New right id";
/// See [`NEW_SYSTEM_ID`].
pub(crate) const NEW_RIGHT_NAME: &str = "New right name";
/// See [`NEW_SYSTEM_ID`].
pub(crate) const NEW_RIGHT_REFERENCE: &str = "New right's legal reference";

/// The must-have mark beside an entry.
pub(crate) const MUST_HAVE: &str = "must-have";

/// The handle that resizes a table's column.
pub(crate) fn resize_column(title: &str) -> String {
    format!("Resize the {} column", title.to_lowercase())
}

/// A score chip with no score.
pub(crate) const NO_SCORE: &str = "not scored";

/// A level chip's words: the score and its level, `16 very high`.
pub(crate) fn score(score: Score) -> String {
    format!("{} {}", score.value(), score.level().name())
}

/// The note field beside a right's scores.
pub(crate) fn right_note(right_name: &str) -> String {
    format!("Note on {right_name}")
}

/// A field of the mitigation numbered `number` (from 1), such as `Mitigation 2 owner`.
pub(crate) fn mitigation_field(number: usize, field: &str) -> String {
    format!("Mitigation {number} {}", field.to_lowercase())
}
