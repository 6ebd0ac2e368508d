//! Priority order: which entries matter most, with a reason line a person can read for each.
//!
//! The order is total and deterministic: must-have first, then residual score, inherent score,
//! breadth and votes (each highest first), then id ascending. The README documents it.

use std::cmp::Reverse;

use crate::register::{Entry, EntryId, Register};
use crate::scoring::{EntryScores, Score, TopScore};

/// One entry's place in the priority order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    /// 1 for the top priority.
    pub rank: usize,
    /// Where the entry is in `Register::entries`.
    pub entry_idx: usize,
    /// The scores the rank was decided on.
    pub scores: EntryScores,
    /// Whether the entry ties on every score with a neighbour, so only its id decided the order.
    pub is_tied: bool,
    /// The rank the entries it ties with share: the first of them (its own rank when untied), so
    /// two entries tied at 8 both read `8=`.
    pub tied_rank: usize,
}

impl Ranked {
    /// Why the entry stands where it does, in one line (`reason`): made when it is shown, not
    /// for every entry ranked, since most ranks are never read.
    pub fn reason(&self, register: &Register) -> String {
        register
            .entries
            .get(self.entry_idx)
            .map(|entry| reason(register, entry, &self.scores))
            .unwrap_or_default()
    }

    /// The rank as people read it: `8=` for each of the entries tied at 8, else `9`.
    pub fn label(&self) -> String {
        if self.is_tied {
            format!("{}=", self.tied_rank)
        } else {
            self.rank.to_string()
        }
    }
}

/// Sets each entry's `tied_rank`: a tie's first rank, from the keys in order.
fn set_tied_ranks(order: &mut [Ranked], keys: &[Option<PriorityKey>]) {
    let mut first = 1;
    for (position, ranked) in order.iter_mut().enumerate() {
        let key = keys.get(position).copied().flatten();
        let same_as_before = position
            .checked_sub(1)
            .is_some_and(|before| keys.get(before).copied().flatten() == key);
        if !same_as_before {
            first = position + 1;
        }
        ranked.tied_rank = first;
    }
}

/// The register's entries in priority order.
pub fn rank(register: &Register) -> Vec<Ranked> {
    // Each entry scored once, and its key worked out once, before sorting.
    let mut keyed: Vec<(PriorityKey, &EntryId, usize, EntryScores)> = register
        .entries
        .iter()
        .enumerate()
        .map(|(entry_idx, entry)| {
            let scores = EntryScores::of(entry, register);
            (priority_key(entry, &scores), &entry.id, entry_idx, scores)
        })
        .collect();
    // Stable, so entries that share an id (a register `check` refuses) keep the register's order.
    keyed.sort_by(|(a_key, a_id, ..), (b_key, b_id, ..)| {
        a_key.cmp(b_key).then_with(|| a_id.cmp(b_id))
    });
    let keys: Vec<Option<PriorityKey>> = keyed.iter().map(|(key, ..)| Some(*key)).collect();
    let mut order: Vec<Ranked> = keyed
        .into_iter()
        .enumerate()
        .map(|(position, (key, _, entry_idx, scores))| {
            let is_tied = [position.checked_sub(1), Some(position + 1)]
                .into_iter()
                .flatten()
                .any(|other| keys.get(other).copied().flatten() == Some(key));
            Ranked {
                rank: position + 1,
                entry_idx,
                scores,
                is_tied,
                tied_rank: position + 1,
            }
        })
        .collect();
    set_tied_ranks(&mut order, &keys);
    order
}

/// What decides the order before the id: smaller sorts first.
type PriorityKey = (
    Reverse<bool>,
    Reverse<Option<Score>>,
    Reverse<Option<Score>>,
    Reverse<usize>,
    Reverse<u32>,
);

fn priority_key(entry: &Entry, scores: &EntryScores) -> PriorityKey {
    (
        Reverse(entry.must_have),
        Reverse(scores.residual.as_ref().map(|top| top.score)),
        Reverse(scores.inherent.as_ref().map(|top| top.score)),
        Reverse(scores.breadth),
        Reverse(entry.votes),
    )
}

/// The reason line, naming each right by its name in `register`'s catalogue (its id where the
/// catalogue lacks it): `must-have; residual 12 (Private and family life); inherent 16 (Private
/// and family life); 3 rights high or above; 4 votes`.
///
/// Parts that say nothing (no must-have, inherent equal to residual, no breadth, no votes) are left out.
pub fn reason(register: &Register, entry: &Entry, scores: &EntryScores) -> String {
    let mut parts = Vec::new();
    if entry.must_have {
        parts.push("must-have".to_owned());
    }
    let describe = |label: &str, top: &TopScore| {
        format!(
            "{label} {} ({})",
            top.score,
            register.right_name(&top.right)
        )
    };
    match (&scores.residual, &scores.inherent) {
        (Some(residual), Some(inherent)) => {
            parts.push(describe("residual", residual));
            if inherent != residual {
                parts.push(describe("inherent", inherent));
            }
        }
        _ => parts.push("not scored yet".to_owned()),
    }
    match scores.breadth {
        0 => {}
        1 => parts.push("1 right high or above".to_owned()),
        n => parts.push(format!("{n} rights high or above")),
    }
    match entry.votes {
        0 => {}
        1 => parts.push("1 vote".to_owned()),
        n => parts.push(format!("{n} votes")),
    }
    parts.join("; ")
}

/// The priority order after one entry changed in a way that can move it (a score, must-have,
/// votes), given the order before: the same result as `rank(register)`, without re-scoring the
/// other entries.
///
/// Only the changed entry is re-scored and moved; ranks between its old and new places shift by one
/// and the tie marks beside both places are redone. Falls back to `rank` when `previous` does not
/// hold the entry.
pub fn rerank_entry(
    register: &Register,
    mut previous: Vec<Ranked>,
    entry_idx: usize,
) -> Vec<Ranked> {
    let entries = &register.entries;
    let (Some(old_position), Some(entry)) = (
        previous.iter().position(|r| r.entry_idx == entry_idx),
        entries.get(entry_idx),
    ) else {
        return rank(register);
    };
    if previous.len() != entries.len() {
        return rank(register);
    }
    let scores = EntryScores::of(entry, register);
    let key = priority_key(entry, &scores);
    let moved = Ranked {
        rank: 0,
        entry_idx,
        scores,
        is_tied: false,
        tied_rank: 0,
    };
    let order_of = |ranked: &Ranked| {
        entries
            .get(ranked.entry_idx)
            .map(|other| (priority_key(other, &ranked.scores), &other.id))
    };
    // Where it goes among the others, found on either side of its old place (which no longer
    // sorts), then moved there by shifting only the places in between.
    let before =
        |other: &Ranked| order_of(other).is_some_and(|other_order| other_order < (key, &entry.id));
    let in_left = previous
        .get(..old_position)
        .map_or(0, |left| left.partition_point(before));
    let new_position = if in_left < old_position {
        in_left
    } else {
        old_position
            + previous
                .get(old_position + 1..)
                .map_or(0, |right| right.partition_point(before))
    };
    if new_position > old_position {
        if let Some(between) = previous.get_mut(old_position..=new_position) {
            between.rotate_left(1);
        }
    } else if let Some(between) = previous.get_mut(new_position..=old_position) {
        between.rotate_right(1);
    }
    if let Some(slot) = previous.get_mut(new_position) {
        *slot = moved;
    }
    let (low, high) = (
        old_position.min(new_position),
        old_position.max(new_position),
    );
    for (position, ranked) in previous.iter_mut().enumerate().take(high + 1).skip(low) {
        ranked.rank = position + 1;
    }
    // Only the places around the old and new ones are looked at: the keys are worked out for
    // them alone, so a score change costs the same in a register of 100 entries or 10,000.
    let key_at = |order: &[Ranked], position: usize| -> Option<PriorityKey> {
        order.get(position).and_then(&order_of).map(|(key, _)| key)
    };
    let mut ties = Vec::new();
    for around in [old_position, new_position] {
        for position in around.saturating_sub(1)..=(around + 1) {
            let key = key_at(&previous, position);
            let is_tied = [position.checked_sub(1), Some(position + 1)]
                .into_iter()
                .flatten()
                .any(|other| key_at(&previous, other) == key);
            ties.push((position, is_tied));
        }
    }
    for (position, is_tied) in ties {
        if let Some(ranked) = previous.get_mut(position) {
            ranked.is_tied = is_tied;
        }
    }
    // The shared ranks change only within the ties that meet the places that moved: from the
    // start of the one before `low` to the end of the one after `high`.
    let mut start = low.saturating_sub(1);
    while start > 0 && key_at(&previous, start - 1) == key_at(&previous, start) {
        start -= 1;
    }
    let last = previous.len().saturating_sub(1);
    let mut end = (high + 1).min(last);
    while end < last && key_at(&previous, end + 1) == key_at(&previous, end) {
        end += 1;
    }
    let keys: Vec<Option<PriorityKey>> = (start..=end)
        .map(|position| key_at(&previous, position))
        .collect();
    if let Some(window) = previous.get_mut(start..=end) {
        set_tied_ranks(window, &keys);
        for ranked in window.iter_mut() {
            ranked.tied_rank += start;
        }
    }
    previous
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::{Assessment, EntryId, Impact, RightId, SystemId};

    /// Builds an entry from a compact spec: `id`, must-have, votes and `(right, inherent, residual)` impacts.
    fn entry(id: &str, must_have: bool, votes: u32, impacts: &[(&str, u8, Option<u8>)]) -> Entry {
        let mut entry = Entry::new(
            EntryId::parse(id).unwrap(),
            SystemId::parse("PND").unwrap(),
            id,
        );
        entry.must_have = must_have;
        entry.votes = votes;
        // Scores are given as products; pick a severity × likelihood that makes each.
        let assessment = |score: u8| {
            let (s, l) = match score {
                1 => (1, 1),
                2 => (2, 1),
                3 => (3, 1),
                4 => (2, 2),
                6 => (3, 2),
                8 => (4, 2),
                9 => (3, 3),
                12 => (4, 3),
                16 => (4, 4),
                other => panic!("no assessment scores {other}"),
            };
            Assessment::from_values(s, l).unwrap()
        };
        entry.impacts = impacts
            .iter()
            .map(|(right, inherent, residual)| Impact {
                right: RightId::parse(right).unwrap(),
                inherent: assessment(*inherent),
                residual: residual.map(assessment),
                note: String::new(),
            })
            .collect();
        entry
    }

    /// Ranks `entries` and renders one line per rank: `rank id [tied] | reason`.
    fn check_rank(entries: Vec<Entry>, expected: &str) {
        let register = Register {
            entries,
            ..Register::default()
        };
        let actual: Vec<String> = rank(&register)
            .iter()
            .map(|ranked| {
                format!(
                    "{} {}{} | {}",
                    ranked.rank,
                    register.entries[ranked.entry_idx].id,
                    if ranked.is_tied {
                        format!(" tied, shown {}", ranked.label())
                    } else {
                        String::new()
                    },
                    ranked.reason(&register)
                )
            })
            .collect();
        assert_eq!(actual.join("\n"), expected.trim(), "rank output");
    }

    #[test]
    fn must_have_beats_any_score() {
        check_rank(
            vec![
                entry("A", false, 0, &[("privacy", 16, None)]),
                entry("B", true, 0, &[("privacy", 2, None)]),
            ],
            "
1 B | must-have; residual 2 (Private and family life)
2 A | residual 16 (Private and family life); 1 right high or above",
        );
    }

    #[test]
    fn residual_before_inherent() {
        check_rank(
            vec![
                entry("A", false, 0, &[("privacy", 16, Some(4))]),
                entry("B", false, 0, &[("liberty", 9, Some(6))]),
            ],
            "
1 B | residual 6 (Liberty and security); inherent 9 (Liberty and security)
2 A | residual 4 (Private and family life); inherent 16 (Private and family life)",
        );
    }

    #[test]
    fn inherent_breaks_residual_ties() {
        check_rank(
            vec![
                entry("A", false, 0, &[("privacy", 9, Some(6))]),
                entry("B", false, 0, &[("privacy", 12, Some(6))]),
            ],
            "
1 B | residual 6 (Private and family life); inherent 12 (Private and family life)
2 A | residual 6 (Private and family life); inherent 9 (Private and family life)",
        );
    }

    #[test]
    fn breadth_then_votes_then_id() {
        check_rank(
            vec![
                entry("D", false, 0, &[("privacy", 9, None)]),
                entry("C", false, 0, &[("privacy", 9, None)]),
                entry("B", false, 3, &[("privacy", 9, None)]),
                entry("A", false, 0, &[("privacy", 9, None), ("liberty", 8, None)]),
            ],
            "
1 A | residual 9 (Private and family life); 2 rights high or above
2 B | residual 9 (Private and family life); 1 right high or above; 3 votes
3 C tied, shown 3= | residual 9 (Private and family life); 1 right high or above
4 D tied, shown 3= | residual 9 (Private and family life); 1 right high or above",
        );
    }

    #[test]
    fn unscored_entries_rank_last() {
        check_rank(
            vec![
                entry("A", false, 5, &[]),
                entry("B", false, 0, &[("privacy", 1, None)]),
            ],
            "
1 B | residual 1 (Private and family life)
2 A | not scored yet; 5 votes",
        );
    }

    #[test]
    fn reason_names_the_example_from_the_issue() {
        check_rank(
            vec![entry(
                "A",
                true,
                0,
                &[
                    ("privacy", 12, None),
                    ("liberty", 9, None),
                    ("expression", 8, None),
                ],
            )],
            "1 A | must-have; residual 12 (Private and family life); 3 rights high or above",
        );
    }

    #[test]
    fn reasons_name_rights_as_the_catalogue_does() {
        let mut register = Register {
            entries: vec![
                entry("A", false, 0, &[("privacy", 12, Some(9))]),
                entry("B", false, 0, &[("flying", 6, None)]),
            ],
            ..Register::default()
        };
        register.rights[0].name = "Bywyd preifat a theuluol".to_owned();
        let reasons: Vec<String> = rank(&register)
            .into_iter()
            .map(|r| r.reason(&register))
            .collect();
        assert_eq!(
            reasons,
            [
                "residual 9 (Bywyd preifat a theuluol); inherent 12 (Bywyd preifat a theuluol); 1 right high or above",
                "residual 6 (flying)",
            ],
            "a renamed right by its new name, one the catalogue lacks by its id"
        );
    }

    #[test]
    fn rerank_entry_matches_a_full_rank() {
        use crate::register::Assessment;
        let mut register = crate::synthetic::register(300, 5);
        let mut ranked = rank(&register);
        // Change entries in turn in every way that can move them, checking against a full rank.
        for step in 0..120_usize {
            let entry_idx = (step * 37) % register.entries.len();
            let entry = &mut register.entries[entry_idx];
            match step % 4 {
                0 => entry.must_have = !entry.must_have,
                1 => entry.votes = u32::try_from(step % 7).unwrap(),
                2 => {
                    if let Some(impact) = entry.impacts.first_mut() {
                        let value = u8::try_from(step % 4).unwrap() + 1;
                        impact.residual = Assessment::from_values(value, 5 - value);
                    }
                }
                _ => {
                    if let Some(impact) = entry.impacts.first_mut() {
                        impact.inherent = Assessment::from_values(4, 4).unwrap();
                    }
                }
            }
            ranked = rerank_entry(&register, ranked, entry_idx);
            assert_eq!(ranked, rank(&register), "step {step}");
        }
    }
}
