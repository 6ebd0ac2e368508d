//! The method's arithmetic: score = severity × likelihood, its level, and an entry's summary scores.
//!
//! Documented in the README ("Scoring and ranking"); the tests here pin every rule.

use std::fmt;

use crate::register::{Assessment, Entry, Impact, Register, RightId, Scale, Stage};

/// An impact score: severity × likelihood, 1–16.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Score(u8);

impl Score {
    /// The score of one assessment.
    pub fn of(assessment: Assessment) -> Self {
        Self(assessment.severity.value() * assessment.likelihood.value())
    }

    /// The number, 1–16.
    pub fn value(self) -> u8 {
        self.0
    }

    /// The level band the score falls in.
    pub fn level(self) -> Level {
        match self.0 {
            0..=3 => Level::Low,
            4..=6 => Level::Medium,
            7..=9 => Level::High,
            _ => Level::VeryHigh,
        }
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The band a score falls in: 1–3 low, 4–6 medium, 8–9 high, 12–16 very high.
///
/// Products of two 1–4 numbers never make 7, 10, 11, 13, 14 or 15, so the bands have no gaps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// 1–3.
    Low,
    /// 4–6.
    Medium,
    /// 8–9.
    High,
    /// 12–16.
    VeryHigh,
}

impl Level {
    /// Every level, lowest first.
    pub const ALL: [Self; 4] = [Self::Low, Self::Medium, Self::High, Self::VeryHigh];

    /// The level in words, lower case.
    pub fn name(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::Medium => "medium",
            Self::High => "high",
            Self::VeryHigh => "very high",
        }
    }

    /// The level named `text` (`very high`, `very_high`, `VeryHigh`), if any.
    pub fn parse(text: &str) -> Option<Self> {
        let wanted: String = text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        Self::ALL
            .into_iter()
            .find(|level| level.name().replace(' ', "") == wanted)
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The score at which an impact on a right counts towards breadth: high or above.
pub const BREADTH_THRESHOLD: u8 = 8;

/// The highest score of an entry at one stage, and the right it falls on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopScore {
    /// The highest score.
    pub score: Score,
    /// The right with that score; the first in catalogue order when several tie.
    pub right: RightId,
}

/// An entry's summary scores, as ranking and the table use them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryScores {
    /// Highest inherent score; `None` when the entry has no impacts yet.
    pub inherent: Option<TopScore>,
    /// Highest residual score, where a right without a residual counts at its inherent score.
    pub residual: Option<TopScore>,
    /// How many rights score high or above, residual where judged, else inherent.
    pub breadth: usize,
}

impl EntryScores {
    /// The summary scores of `entry`, naming rights in `register`'s catalogue order.
    pub fn of(entry: &Entry, register: &Register) -> Self {
        let breadth = entry
            .impacts
            .iter()
            .filter(|impact| Score::of(impact.at(Stage::Residual)).value() >= BREADTH_THRESHOLD)
            .count();
        Self {
            inherent: top_score(entry, register, Stage::Inherent),
            residual: top_score(entry, register, Stage::Residual),
            breadth,
        }
    }

    /// The top score at `stage`.
    pub fn at(&self, stage: Stage) -> Option<&TopScore> {
        match stage {
            Stage::Inherent => self.inherent.as_ref(),
            Stage::Residual => self.residual.as_ref(),
        }
    }
}

fn top_score(entry: &Entry, register: &Register, stage: Stage) -> Option<TopScore> {
    // Highest score first; among equals, the right that comes first in the catalogue (and of
    // two at the same place, the first impact). The catalogue is looked in only on a tie.
    let mut top: Option<(Score, &Impact)> = None;
    for impact in &entry.impacts {
        let score = Score::of(impact.at(stage));
        let keeps_top = top.is_some_and(|(top_score, top_impact)| {
            top_score > score
                || (top_score == score
                    && register.right_idx(&top_impact.right) <= register.right_idx(&impact.right))
        });
        if !keeps_top {
            top = Some((score, impact));
        }
    }
    top.map(|(score, impact)| TopScore {
        score,
        right: impact.right.clone(),
    })
}

/// How many entries fall in each likelihood × severity cell, at one stage.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HeatMap {
    /// `cells[likelihood - 1][severity - 1]`: the entries whose top impact at this stage falls there.
    pub cells: [[Vec<usize>; 4]; 4],
}

impl HeatMap {
    /// The number of entries in the cell.
    pub fn count(&self, severity: u8, likelihood: u8) -> usize {
        self.cell(severity, likelihood).map_or(0, Vec::len)
    }

    /// The indices of the entries in the cell.
    pub fn cell(&self, severity: u8, likelihood: u8) -> Option<&Vec<usize>> {
        self.cells
            .get(usize::from(likelihood).checked_sub(1)?)?
            .get(usize::from(severity).checked_sub(1)?)
    }
}

/// Places each entry in the likelihood × severity grid by its highest-scoring impact at `stage`.
///
/// Entries without impacts are left out. Among impacts with equal scores, the one on the right
/// first in the catalogue places the entry, as in `EntryScores`.
pub fn heat_map(register: &Register, stage: Stage) -> HeatMap {
    let mut map = HeatMap::default();
    for (entry_idx, entry) in register.entries.iter().enumerate() {
        let top = entry
            .impacts
            .iter()
            .map(|impact| impact.at(stage))
            .zip(entry.impacts.iter())
            .min_by_key(|(assessment, impact)| {
                (
                    std::cmp::Reverse(Score::of(*assessment)),
                    register.right_idx(&impact.right),
                )
            });
        if let Some((assessment, _)) = top {
            let row = usize::from(assessment.likelihood.value() - 1);
            let col = usize::from(assessment.severity.value() - 1);
            if let Some(cell) = map.cells.get_mut(row).and_then(|r| r.get_mut(col)) {
                cell.push(entry_idx);
            }
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::{EntryId, Impact, SystemId};

    fn assessment(severity: u8, likelihood: u8) -> Assessment {
        Assessment::from_values(severity, likelihood).unwrap()
    }

    fn impact(right: &str, inherent: (u8, u8), residual: Option<(u8, u8)>) -> Impact {
        Impact {
            right: RightId::parse(right).unwrap(),
            inherent: assessment(inherent.0, inherent.1),
            residual: residual.map(|(s, l)| assessment(s, l)),
            note: String::new(),
        }
    }

    fn entry(impacts: Vec<Impact>) -> Entry {
        let mut entry = Entry::new(
            EntryId::parse("E-1").unwrap(),
            SystemId::parse("PND").unwrap(),
            "issue",
        );
        entry.impacts = impacts;
        entry
    }

    #[test]
    fn score_is_severity_times_likelihood() {
        assert_eq!(Score::of(assessment(3, 4)).value(), 12);
        assert_eq!(Score::of(assessment(1, 1)).value(), 1);
        assert_eq!(Score::of(assessment(4, 4)).value(), 16);
    }

    #[test]
    fn levels_follow_the_bands() {
        let levels: Vec<(u8, &str)> = (1..=4)
            .flat_map(|s| (1..=4).map(move |l| Score::of(assessment(s, l))))
            .map(|score| (score.value(), score.level().name()))
            .collect();
        for (value, name) in levels {
            let expected = match value {
                1..=3 => "low",
                4..=6 => "medium",
                8 | 9 => "high",
                12..=16 => "very high",
                other => panic!("impossible score {other}"),
            };
            assert_eq!(name, expected, "score {value}");
        }
    }

    #[test]
    fn level_parses_loosely() {
        assert_eq!(Level::parse("very_high"), Some(Level::VeryHigh));
        assert_eq!(Level::parse("High"), Some(Level::High));
        assert_eq!(Level::parse("severe"), None);
    }

    #[test]
    fn entry_scores_take_highest_and_fall_back_to_inherent() {
        let register = Register::default();
        let entry = entry(vec![
            impact("liberty", (2, 4), None),         // 8, no residual: counts 8
            impact("privacy", (4, 4), Some((3, 2))), // 16 → 6
            impact("expression", (3, 3), Some((3, 3))), // 9 → 9
        ]);
        let scores = EntryScores::of(&entry, &register);
        let inherent = scores.inherent.unwrap();
        assert_eq!(
            (inherent.score.value(), inherent.right.as_str()),
            (16, "privacy")
        );
        let residual = scores.residual.unwrap();
        assert_eq!(
            (residual.score.value(), residual.right.as_str()),
            (9, "expression")
        );
        assert_eq!(
            scores.breadth, 2,
            "liberty 8 and expression 9 are high or above"
        );
    }

    #[test]
    fn ties_name_the_right_first_in_the_catalogue() {
        let register = Register::default();
        let entry = entry(vec![
            impact("liberty", (3, 3), None),
            impact("privacy", (3, 3), None),
        ]);
        let scores = EntryScores::of(&entry, &register);
        assert_eq!(scores.inherent.unwrap().right.as_str(), "privacy");
    }

    #[test]
    fn entry_without_impacts_has_no_scores() {
        let scores = EntryScores::of(&entry(Vec::new()), &Register::default());
        assert_eq!(scores.inherent, None);
        assert_eq!(scores.residual, None);
        assert_eq!(scores.breadth, 0);
    }

    #[test]
    fn heat_map_places_entries_by_top_impact() {
        let mut register = Register::default();
        register.entries.push(entry(vec![
            impact("privacy", (4, 3), Some((2, 2))),
            impact("liberty", (1, 1), None),
        ]));
        register.entries.push(entry(Vec::new()));
        let inherent = heat_map(&register, Stage::Inherent);
        assert_eq!(inherent.count(4, 3), 1);
        assert_eq!(inherent.cell(4, 3), Some(&vec![0]));
        let residual = heat_map(&register, Stage::Residual);
        assert_eq!(residual.count(2, 2), 1);
        assert_eq!(residual.count(4, 3), 0);
        let total: usize = residual.cells.iter().flatten().map(Vec::len).sum();
        assert_eq!(total, 1, "the entry without impacts is left out");
    }
}
