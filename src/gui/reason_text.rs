//! A rank's reason line in the app's language, with rights by their names:
//! `must-have; residual 12 (Private and family life); 3 rights high or above; 4 votes`.
//!
//! The same parts, in the same order, as `dpia_core::ranking`'s reason (and the paper's).

use dpia_core::register::{Entry, Register};
use dpia_core::scoring::{EntryScores, TopScore};

use super::i18n::{tr, tr_args};

/// Why `entry` (scored `scores`, with `votes`: its own, or with a session's added) ranks where
/// it does, in one line.
pub(super) fn reason_line(
    register: &Register,
    entry: &Entry,
    scores: &EntryScores,
    votes: u32,
) -> String {
    let mut parts = Vec::new();
    if entry.must_have {
        parts.push(tr("reason-must-have").to_owned());
    }
    let right = |top: &TopScore| register.right_name(&top.right).to_owned();
    match (&scores.residual, &scores.inherent) {
        (Some(residual), Some(inherent)) => {
            parts.push(tr_args!(
                "reason-residual",
                score = residual.score.value(),
                right = right(residual)
            ));
            if inherent != residual {
                parts.push(tr_args!(
                    "reason-inherent",
                    score = inherent.score.value(),
                    right = right(inherent)
                ));
            }
        }
        _ => parts.push(tr("reason-not-scored").to_owned()),
    }
    if scores.breadth > 0 {
        parts.push(tr_args!("reason-breadth", count = scores.breadth));
    }
    if votes > 0 {
        parts.push(tr_args!("workshop-votes", count = votes));
    }
    parts.join(tr("reason-separator"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::i18n::set_language;
    use dpia_core::register::Language;

    #[test]
    fn the_reason_names_rights_and_reads_in_either_language() {
        let register = dpia_core::synthetic::register(20, 1);
        let mut entry = register
            .entries
            .iter()
            .find(|entry| EntryScores::of(entry, &register).residual.is_some())
            .cloned()
            .unwrap();
        entry.must_have = true;
        entry.votes = 3;
        let scores = EntryScores::of(&entry, &register);
        let top = scores.residual.as_ref().unwrap();
        let named = format!("({})", register.right_name(&top.right));
        set_language(Language::English);
        let english = reason_line(&register, &entry, &scores, entry.votes);
        assert!(english.starts_with("must-have; "), "{english}");
        assert!(english.ends_with("; 3 votes"), "{english}");
        assert!(english.contains(&named), "{english} names {named}");
        set_language(Language::Welsh);
        let welsh = reason_line(&register, &entry, &scores, entry.votes);
        assert!(welsh.starts_with("hanfodol; "), "{welsh}");
        assert!(welsh.ends_with("; 3 pleidlais"), "{welsh}");
        set_language(Language::English);
    }
}
