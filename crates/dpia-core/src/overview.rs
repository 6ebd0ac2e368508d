//! Summaries of a whole register for the browsing views: entries per system and category, and the
//! rights × systems matrix of highest scores.
//!
//! Pure over a register; the GUI paints these. No egui, no I/O.

use std::collections::BTreeSet;

use crate::register::{Register, RightId, Stage, SystemId};
use crate::scoring::Score;

/// How many entries each system has, in the register's system order, then any system that entries
/// name but the register does not list.
pub fn entries_per_system(register: &Register) -> Vec<(SystemId, usize)> {
    let mut counts: Vec<(SystemId, usize)> = register
        .systems
        .iter()
        .map(|system| (system.id.clone(), 0))
        .collect();
    for entry in &register.entries {
        if let Some((_, count)) = counts.iter_mut().find(|(id, _)| id == &entry.system) {
            *count += 1;
        } else {
            counts.push((entry.system.clone(), 1));
        }
    }
    counts
}

/// The categories entries use, sorted, without blanks.
pub fn categories(register: &Register) -> Vec<String> {
    register
        .entries
        .iter()
        .map(|entry| entry.category.trim())
        .filter(|category| !category.is_empty())
        .collect::<BTreeSet<&str>>()
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// The highest score on each right for each system, at one stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RightsBySystems {
    /// The rows: the rights catalogue, in order.
    pub rights: Vec<RightId>,
    /// The columns: the systems, as `entries_per_system` lists them.
    pub systems: Vec<SystemId>,
    /// `scores[right_idx][system_idx]`: the highest score of any of the system's entries on the
    /// right, or `None` where none of them bears on it.
    pub scores: Vec<Vec<Option<Score>>>,
}

impl RightsBySystems {
    /// The score in one cell.
    pub fn score(&self, right_idx: usize, system_idx: usize) -> Option<Score> {
        self.scores
            .get(right_idx)?
            .get(system_idx)
            .copied()
            .flatten()
    }
}

/// The rights × systems matrix of highest scores at `stage`.
pub fn rights_by_systems(register: &Register, stage: Stage) -> RightsBySystems {
    let systems: Vec<SystemId> = entries_per_system(register)
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let rights: Vec<RightId> = register.rights.iter().map(|r| r.id.clone()).collect();
    let mut scores = vec![vec![None; systems.len()]; rights.len()];
    for entry in &register.entries {
        let Some(system_idx) = systems.iter().position(|s| s == &entry.system) else {
            continue;
        };
        for impact in &entry.impacts {
            let Some(right_idx) = rights.iter().position(|r| r == &impact.right) else {
                continue;
            };
            let score = Score::of(impact.at(stage));
            if let Some(cell) = scores
                .get_mut(right_idx)
                .and_then(|row| row.get_mut(system_idx))
                && cell.is_none_or(|best: Score| score > best)
            {
                *cell = Some(score);
            }
        }
    }
    RightsBySystems {
        rights,
        systems,
        scores,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::{Assessment, Entry, EntryId, Impact, System};

    fn sample() -> Register {
        let mut register = Register::default();
        register.systems.push(System {
            id: SystemId::parse("PND").unwrap(),
            name: "Police National Database".to_owned(),
            description: String::new(),
        });
        let impacts = [
            ("PND-001", "PND", "privacy", (4, 4), Some((2, 1))),
            ("PND-002", "PND", "privacy", (2, 3), None),
            ("HOB-001", "HOB", "liberty", (3, 3), None),
        ];
        for (id, system, right, inherent, residual) in impacts {
            let mut entry = Entry::new(
                EntryId::parse(id).unwrap(),
                SystemId::parse(system).unwrap(),
                "issue",
            );
            entry.category = if system == "PND" { "retention" } else { " " }.to_owned();
            let mut impact = Impact::new(
                RightId::parse(right).unwrap(),
                Assessment::from_values(inherent.0, inherent.1).unwrap(),
            );
            impact.residual = residual.and_then(|(s, l)| Assessment::from_values(s, l));
            entry.impacts.push(impact);
            register.entries.push(entry);
        }
        register
    }

    #[test]
    fn counts_listed_systems_then_unlisted_ones() {
        let counts: Vec<(String, usize)> = entries_per_system(&sample())
            .into_iter()
            .map(|(id, count)| (id.to_string(), count))
            .collect();
        assert_eq!(counts, [("PND".to_owned(), 2), ("HOB".to_owned(), 1)]);
    }

    #[test]
    fn categories_are_sorted_and_unique() {
        assert_eq!(categories(&sample()), ["retention"]);
    }

    #[test]
    fn matrix_holds_the_highest_score_per_cell() {
        let register = sample();
        let privacy = register.right_idx(&RightId::parse("privacy").unwrap());
        let liberty = register.right_idx(&RightId::parse("liberty").unwrap());
        let inherent = rights_by_systems(&register, Stage::Inherent);
        assert_eq!(inherent.score(privacy, 0).map(Score::value), Some(16));
        assert_eq!(inherent.score(liberty, 1).map(Score::value), Some(9));
        assert_eq!(inherent.score(liberty, 0), None);
        let residual = rights_by_systems(&register, Stage::Residual);
        assert_eq!(
            residual.score(privacy, 0).map(Score::value),
            Some(6),
            "PND-002 has no residual, so its inherent 6 beats PND-001's residual 2"
        );
    }
}
