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

/// A severity or likelihood picker: `Private and family life inherent severity`.
pub(crate) fn picker(right_name: &str, stage: &str, scale: &str) -> String {
    format!("{right_name} {stage} {scale}")
}
