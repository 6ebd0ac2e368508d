//! Which entries the register view shows, and in what order: filters, free-text search and sort keys.
//!
//! Pure over a register and its ranking, so the GUI only paints the rows this returns and the same
//! rules are unit-tested here without any UI. No egui, no I/O.

use std::cmp::Reverse;

use crate::ranking::Ranked;
use crate::register::{
    Entry, Likelihood, MitigationStatus, Register, RightId, Scale, Severity, Stage, SystemId,
};
use crate::scoring::{Level, heat_map};

/// What the register view is narrowed to. The default shows every entry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only entries about this system.
    pub system: Option<SystemId>,
    /// Only entries in this category.
    pub category: Option<String>,
    /// Only entries whose residual score is at this level.
    pub level: Option<Level>,
    /// Only entries with at least one mitigation at this status.
    pub mitigation_status: Option<MitigationStatus>,
    /// Whether to narrow by the must-have flag.
    pub must_have: MustHaveFilter,
    /// Words that must all appear (in any case) in the id, issue, concern or a mitigation.
    pub search: String,
    /// Only entries placed in this heat map cell.
    pub cell: Option<HeatCell>,
    /// Only entries with an impact on this right.
    pub right: Option<RightId>,
}

/// How the must-have flag narrows the view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum MustHaveFilter {
    /// Must-have or not.
    #[default]
    All,
    /// Only must-have entries.
    OnlyMustHave,
    /// Only entries that are not must-have.
    OnlyOthers,
}

/// One cell of the likelihood × severity heat map, at one stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct HeatCell {
    /// Before or after mitigation.
    pub stage: Stage,
    /// The column.
    pub severity: Severity,
    /// The row.
    pub likelihood: Likelihood,
}

/// A column of the register table that rows can be sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// Priority order.
    #[default]
    Rank,
    /// Entry id.
    Id,
    /// System id.
    System,
    /// Issue title.
    Issue,
    /// Concern text.
    Concern,
    /// The name of the right with the highest residual score.
    HighestRight,
    /// Highest inherent score.
    Inherent,
    /// Highest residual score.
    Residual,
    /// Must-have flag.
    MustHave,
    /// Workshop votes.
    Votes,
}

/// Which way a sort runs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum SortOrder {
    /// Smallest first (for scores: lowest first).
    #[default]
    Ascending,
    /// Largest first.
    Descending,
}

/// A sort: a column and a direction.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Sort {
    /// The column.
    pub key: SortKey,
    /// The direction.
    pub order: SortOrder,
}

impl Sort {
    /// The sort a click on `key`'s header gives: the same column flips direction, another starts
    /// in the direction that puts what matters most first (highest scores, most votes).
    #[must_use]
    pub fn clicked(self, key: SortKey) -> Self {
        if self.key == key {
            let order = match self.order {
                SortOrder::Ascending => SortOrder::Descending,
                SortOrder::Descending => SortOrder::Ascending,
            };
            Self { key, order }
        } else {
            let order = match key {
                SortKey::Inherent | SortKey::Residual | SortKey::MustHave | SortKey::Votes => {
                    SortOrder::Descending
                }
                _ => SortOrder::Ascending,
            };
            Self { key, order }
        }
    }
}

impl Filter {
    /// Whether any filter is set, so the view shows fewer than all entries.
    pub fn is_active(&self) -> bool {
        self != &Self::default()
    }

    /// The search text as lower-case words, each of which an entry must contain.
    pub fn search_words(&self) -> Vec<String> {
        self.search
            .split_whitespace()
            .map(str::to_lowercase)
            .collect()
    }
}

/// Each entry's searchable text (id, issue, concern, mitigations) in lower case, built once per
/// change to the register so that each letter typed in the search box is a quick scan.
#[derive(Debug, Clone, Default)]
pub struct SearchText {
    texts: Vec<String>,
}

impl SearchText {
    /// The searchable text of every entry in `register`, in register order.
    pub fn of(register: &Register) -> Self {
        let texts = register
            .entries
            .iter()
            .map(|entry| {
                let mut text = String::with_capacity(entry.issue.len() + entry.concern.len() + 64);
                for part in [entry.id.as_str(), &entry.issue, &entry.concern]
                    .into_iter()
                    .chain(entry.mitigations.iter().map(|m| m.text.as_str()))
                {
                    // A line break between fields, so a search never matches across two of them.
                    text.push_str(&part.to_lowercase());
                    text.push('\n');
                }
                text
            })
            .collect();
        Self { texts }
    }

    /// Whether this was built for a register with this many entries.
    fn fits(&self, register: &Register) -> bool {
        self.texts.len() == register.entries.len()
    }
}

/// The positions in `ranked` of the entries `filter` lets through, in `sort` order.
///
/// `ranked` must be `ranking::rank(register)` and `search` `SearchText::of(register)` (or empty, to
/// have it built here when needed). Ties in the sort key fall back to priority order, so the result
/// is always the same for the same input.
pub fn rows(
    register: &Register,
    ranked: &[Ranked],
    filter: &Filter,
    sort: Sort,
    search: &SearchText,
) -> Vec<usize> {
    let words = filter.search_words();
    let built;
    let search = if words.is_empty() || search.fits(register) {
        search
    } else {
        built = SearchText::of(register);
        &built
    };
    let in_cell: Option<Vec<bool>> = filter.cell.map(|cell| {
        let map = heat_map(register, cell.stage);
        let mut member = vec![false; register.entries.len()];
        for entry_idx in map
            .cell(cell.severity.value(), cell.likelihood.value())
            .into_iter()
            .flatten()
        {
            if let Some(slot) = member.get_mut(*entry_idx) {
                *slot = true;
            }
        }
        member
    });
    let mut positions: Vec<usize> = ranked
        .iter()
        .enumerate()
        .filter(|(_, ranked)| {
            let Some(entry) = register.entries.get(ranked.entry_idx) else {
                return false;
            };
            let cell_ok = in_cell
                .as_ref()
                .is_none_or(|member| member.get(ranked.entry_idx).copied().unwrap_or(false));
            let text = search
                .texts
                .get(ranked.entry_idx)
                .map_or("", String::as_str);
            cell_ok
                && matches(entry, ranked, filter)
                && words.iter().all(|word| text.contains(word.as_str()))
        })
        .map(|(position, _)| position)
        .collect();
    if sort.key == SortKey::Rank {
        if sort.order == SortOrder::Descending {
            positions.reverse();
        }
        return positions;
    }
    // Each row's key is computed once (lower-casing text is what costs), then ties keep priority
    // order whichever way the column runs.
    let value = |position: usize| {
        ranked
            .get(position)
            .map(|ranked| sort_value(register, ranked, sort.key))
    };
    match sort.order {
        SortOrder::Ascending => positions.sort_by_cached_key(|p| (value(*p), *p)),
        SortOrder::Descending => positions.sort_by_cached_key(|p| (Reverse(value(*p)), *p)),
    }
    positions
}

/// Whether `entry` passes every filter except the heat map cell and the search.
fn matches(entry: &Entry, ranked: &Ranked, filter: &Filter) -> bool {
    if filter.system.as_ref().is_some_and(|s| &entry.system != s) {
        return false;
    }
    if filter
        .category
        .as_ref()
        .is_some_and(|c| &entry.category != c)
    {
        return false;
    }
    if let Some(level) = filter.level
        && ranked.scores.residual.as_ref().map(|top| top.score.level()) != Some(level)
    {
        return false;
    }
    if let Some(status) = filter.mitigation_status
        && !entry.mitigations.iter().any(|m| m.status == status)
    {
        return false;
    }
    let must_have_passes = match filter.must_have {
        MustHaveFilter::All => true,
        MustHaveFilter::OnlyMustHave => entry.must_have,
        MustHaveFilter::OnlyOthers => !entry.must_have,
    };
    if !must_have_passes {
        return false;
    }
    if let Some(right) = &filter.right
        && entry.impact(right).is_none()
    {
        return false;
    }
    true
}

/// What a row sorts by in one column; within a column every row has the same variant.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum SortValue {
    /// A number, or none (which sorts first).
    Number(Option<u64>),
    /// Text for people: lower case first, then exact.
    Text(String, String),
}

fn sort_value(register: &Register, ranked: &Ranked, key: SortKey) -> SortValue {
    let Some(entry) = register.entries.get(ranked.entry_idx) else {
        return SortValue::Number(None);
    };
    let text = |text: &str| SortValue::Text(text.to_lowercase(), text.to_owned());
    let number = |number: Option<u64>| SortValue::Number(number);
    match key {
        SortKey::Rank => number(u64::try_from(ranked.rank).ok()),
        SortKey::Id => SortValue::Text(String::new(), entry.id.as_str().to_owned()),
        SortKey::System => SortValue::Text(String::new(), entry.system.as_str().to_owned()),
        SortKey::Issue => text(&entry.issue),
        SortKey::Concern => text(&entry.concern),
        SortKey::HighestRight => match &ranked.scores.residual {
            Some(top) => text(register.right_name(&top.right)),
            None => number(None),
        },
        SortKey::Inherent => number(score(ranked, Stage::Inherent)),
        SortKey::Residual => number(score(ranked, Stage::Residual)),
        SortKey::MustHave => number(Some(u64::from(entry.must_have))),
        SortKey::Votes => number(Some(u64::from(entry.votes))),
    }
}

fn score(ranked: &Ranked, stage: Stage) -> Option<u64> {
    ranked
        .scores
        .at(stage)
        .map(|top| u64::from(top.score.value()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ranking::rank;
    use crate::register::{Assessment, EntryId, Impact, Mitigation};

    fn entry(id: &str, issue: &str, privacy: Option<(u8, u8)>) -> Entry {
        let mut entry = Entry::new(
            EntryId::parse(id).unwrap(),
            SystemId::parse(id.split('-').next().unwrap()).unwrap(),
            issue,
        );
        if let Some((severity, likelihood)) = privacy {
            entry.impacts.push(Impact::new(
                RightId::parse("privacy").unwrap(),
                Assessment::from_values(severity, likelihood).unwrap(),
            ));
        }
        entry
    }

    fn sample() -> Register {
        let mut register = Register::default();
        register
            .entries
            .push(entry("PND-001", "Custody images", Some((4, 4))));
        let mut pnc = entry("PNC-001", "Retention of records", Some((2, 2)));
        pnc.must_have = true;
        pnc.votes = 5;
        pnc.category = "retention".to_owned();
        pnc.mitigations
            .push(Mitigation::proposed("Weeding review in Gŵyr"));
        register.entries.push(pnc);
        register
            .entries
            .push(entry("LEDS-001", "Audit of access", Some((3, 3))));
        register.entries.push(entry("HOB-001", "Unscored", None));
        register
    }

    /// The ids `filter` and `sort` show, in order, joined by spaces.
    fn check_rows(filter: &Filter, sort: Sort, expected: &str) {
        let register = sample();
        let ranked = rank(&register);
        let ids: Vec<&str> = rows(&register, &ranked, filter, sort, &SearchText::default())
            .into_iter()
            .map(|position| register.entries[ranked[position].entry_idx].id.as_str())
            .collect();
        assert_eq!(ids.join(" "), expected, "{filter:?} {sort:?}");
    }

    #[test]
    fn no_filter_shows_all_in_priority_order() {
        check_rows(
            &Filter::default(),
            Sort::default(),
            "PNC-001 PND-001 LEDS-001 HOB-001",
        );
    }

    #[test]
    fn filters_by_system_category_and_must_have() {
        let by_system = Filter {
            system: Some(SystemId::parse("PND").unwrap()),
            ..Filter::default()
        };
        check_rows(&by_system, Sort::default(), "PND-001");
        let by_category = Filter {
            category: Some("retention".to_owned()),
            ..Filter::default()
        };
        check_rows(&by_category, Sort::default(), "PNC-001");
        let others = Filter {
            must_have: MustHaveFilter::OnlyOthers,
            ..Filter::default()
        };
        check_rows(&others, Sort::default(), "PND-001 LEDS-001 HOB-001");
    }

    #[test]
    fn filters_by_level_and_mitigation_status() {
        let high = Filter {
            level: Some(Level::High),
            ..Filter::default()
        };
        check_rows(&high, Sort::default(), "LEDS-001");
        let proposed = Filter {
            mitigation_status: Some(MitigationStatus::Proposed),
            ..Filter::default()
        };
        check_rows(&proposed, Sort::default(), "PNC-001");
    }

    #[test]
    fn search_matches_all_words_in_any_case() {
        let search = |text: &str| Filter {
            search: text.to_owned(),
            ..Filter::default()
        };
        check_rows(&search("CUSTODY"), Sort::default(), "PND-001");
        check_rows(&search("gŵyr weeding"), Sort::default(), "PNC-001");
        check_rows(&search("of"), Sort::default(), "PNC-001 LEDS-001");
        check_rows(&search("leds-001"), Sort::default(), "LEDS-001");
        check_rows(&search("custody audit"), Sort::default(), "");
    }

    #[test]
    fn search_never_matches_across_two_fields() {
        // PND-001's issue ends "images", and nothing begins "images custody".
        let filter = Filter {
            search: "images\ncustody".to_owned(),
            ..Filter::default()
        };
        assert_eq!(filter.search_words(), ["images", "custody"]);
        let register = sample();
        let search = SearchText::of(&register);
        assert!(
            search.texts[0].contains("custody images\n"),
            "{}",
            search.texts[0]
        );
        assert!(!search.texts[0].contains("images custody"));
    }

    #[test]
    fn filters_by_heat_map_cell_and_right() {
        let cell = Filter {
            cell: Some(HeatCell {
                stage: Stage::Inherent,
                severity: Severity::Significant,
                likelihood: Likelihood::Likely,
            }),
            ..Filter::default()
        };
        check_rows(&cell, Sort::default(), "LEDS-001");
        let right = Filter {
            right: Some(RightId::parse("privacy").unwrap()),
            ..Filter::default()
        };
        check_rows(&right, Sort::default(), "PNC-001 PND-001 LEDS-001");
    }

    #[test]
    fn sorts_by_columns_with_rank_breaking_ties() {
        let by = |key, order| Sort { key, order };
        check_rows(
            &Filter::default(),
            by(SortKey::Id, SortOrder::Ascending),
            "HOB-001 LEDS-001 PNC-001 PND-001",
        );
        check_rows(
            &Filter::default(),
            by(SortKey::Inherent, SortOrder::Descending),
            "PND-001 LEDS-001 PNC-001 HOB-001",
        );
        check_rows(
            &Filter::default(),
            by(SortKey::Issue, SortOrder::Ascending),
            "LEDS-001 PND-001 PNC-001 HOB-001",
        );
        check_rows(
            &Filter::default(),
            by(SortKey::Rank, SortOrder::Descending),
            "HOB-001 LEDS-001 PND-001 PNC-001",
        );
    }

    #[test]
    fn clicking_a_header_flips_or_starts_with_what_matters() {
        let sort = Sort::default().clicked(SortKey::Residual);
        assert_eq!(sort.order, SortOrder::Descending);
        assert_eq!(sort.clicked(SortKey::Residual).order, SortOrder::Ascending);
        assert_eq!(sort.clicked(SortKey::Id).order, SortOrder::Ascending);
    }
}
