//! The summary: entries by system and by level, the inherent and residual heat maps, the rights ×
//! systems matrix (`rights_matrix`), the top 10 priorities with their reasons, and every entry in
//! priority order.
//!
//! The 4 × 4 grid drawn here for the heat maps is drawn again, with scores, in the method.

use super::style::{CONTENT_WIDTH, NOTE, SMALL, leading};
use super::{Align, Paper, cell, figure, head, right_aligned, score_chip, text_at};
use crate::flow::{self, Inline, LineBox, Row, Style, Table};
use crate::labels::{Labels, capitalised};
use crate::metrics::{self, Face};
use crate::page::{Item, Rect};
use dpia_core::palette::{self, Rgb};
use dpia_core::register::{Assessment, Entry, Likelihood, Register, Scale, Severity, Stage};
use dpia_core::scoring::{EntryScores, Level, Score};

impl Paper<'_> {
    pub(super) fn summary(&mut self) {
        let labels = self.labels;
        self.h1(labels.summary);
        self.h2(labels.by_system);
        self.by_system_table();
        self.flow.space(3.0);
        self.text(labels.by_system_note, NOTE);

        self.h2(labels.heat_map);
        let maps = self.heat_maps();
        self.flow.block(&[maps]);
        self.flow.space(4.0);
        self.text(labels.heat_map_note, NOTE);

        self.rights_matrix();

        self.h2(labels.by_level);
        self.by_level_table();

        self.h2(labels.top_priorities);
        self.top_priorities();

        self.h2(labels.priority_order);
        self.flow.bookmark(labels.priority_order);
        self.text(labels.priority_order_note, NOTE);
        self.flow.space(4.0);
        self.priority_order();
    }

    fn residual_level(&self, entry_idx: usize) -> Option<Level> {
        self.scores(entry_idx)
            .and_then(|scores| scores.residual.as_ref())
            .map(|top| top.score.level())
    }

    fn by_system_table(&mut self) {
        let labels = self.labels;
        let number_width = 62.0;
        let system_width = CONTENT_WIDTH - 6.0 * number_width;
        let mut widths = vec![system_width];
        widths.extend([number_width; 6]);
        let levels = [Level::VeryHigh, Level::High, Level::Medium, Level::Low];
        let mut header = vec![
            head(labels.system, system_width - 8.0),
            right_aligned(head(labels.entries, number_width - 8.0), number_width - 8.0),
        ];
        for level in levels {
            header.push(right_aligned(
                level_chip_line(labels, level, number_width - 8.0),
                number_width - 8.0,
            ));
        }
        header.push(right_aligned(
            head(labels.not_scored, number_width - 8.0),
            number_width - 8.0,
        ));
        let table = Table::new(widths.clone(), header);
        let mut totals = [0usize; 6];
        let mut rows = Vec::new();
        for system_id in self.system_ids() {
            let idxs: Vec<usize> = self
                .register
                .entries
                .iter()
                .enumerate()
                .filter(|(_, entry)| entry.system == system_id)
                .map(|(idx, _)| idx)
                .collect();
            let mut counts = [0usize; 6];
            counts[0] = idxs.len();
            for idx in &idxs {
                let slot = match self.residual_level(*idx) {
                    Some(Level::VeryHigh) => 1,
                    Some(Level::High) => 2,
                    Some(Level::Medium) => 3,
                    Some(Level::Low) => 4,
                    None => 5,
                };
                counts[slot] += 1;
            }
            for (total, count) in totals.iter_mut().zip(counts) {
                *total += count;
            }
            let name = self
                .register
                .system(&system_id)
                .map_or_else(String::new, |system| system.name.clone());
            let mut cells = vec![flow::wrap(
                &[
                    Inline::text(system_id.as_str(), SMALL.with_face(Face::Bold)),
                    Inline::text(format!(" {name}"), SMALL),
                ],
                table.inner_width(0),
                leading(SMALL),
            )];
            cells.extend(
                counts
                    .iter()
                    .enumerate()
                    .map(|(idx, count)| number_cell(*count, table.inner_width(idx + 1))),
            );
            rows.push(Row::new(cells));
        }
        let mut cells = vec![cell(
            labels.total,
            SMALL.with_face(Face::Bold),
            table.inner_width(0),
        )];
        cells.extend(totals.iter().enumerate().map(|(idx, count)| {
            right_aligned(
                cell(
                    &count.to_string(),
                    SMALL.with_face(Face::Bold),
                    table.inner_width(idx + 1),
                ),
                table.inner_width(idx + 1),
            )
        }));
        let mut total_row = Row::new(cells);
        total_row.fill = Some(palette::tint(palette::HEADER_FILL, 0.5));
        rows.push(total_row);
        self.flow.table(&table, rows);
    }

    fn by_level_table(&mut self) {
        let labels = self.labels;
        let widths = vec![150.0, 80.0, 80.0];
        let header = vec![
            head(labels.level, 142.0),
            right_aligned(head(labels.inherent, 72.0), 72.0),
            right_aligned(head(labels.residual, 72.0), 72.0),
        ];
        let table = Table::new(widths, header);
        let count = |stage: Stage, level: Option<Level>| {
            self.ranked
                .iter()
                .filter(|r| r.scores.at(stage).map(|top| top.score.level()) == level)
                .count()
        };
        let mut rows: Vec<Row> = [Level::VeryHigh, Level::High, Level::Medium, Level::Low]
            .into_iter()
            .map(|level| {
                Row::new(vec![
                    level_chip_line(labels, level, 142.0),
                    number_cell(count(Stage::Inherent, Some(level)), 72.0),
                    number_cell(count(Stage::Residual, Some(level)), 72.0),
                ])
            })
            .collect();
        rows.push(Row::new(vec![
            cell(labels.not_scored, SMALL, 142.0),
            number_cell(count(Stage::Inherent, None), 72.0),
            number_cell(count(Stage::Residual, None), 72.0),
        ]));
        self.flow.table(&table, rows);
    }

    fn heat_maps(&self) -> LineBox {
        let inherent = dpia_core::scoring::heat_map(self.register, Stage::Inherent);
        let residual = dpia_core::scoring::heat_map(self.register, Stage::Residual);
        let mut items = Vec::new();
        let label_width = 86.0;
        let gap = 36.0;
        let grid_width = 4.0 * CELL_WIDTH;
        items.extend(likelihood_labels(self.labels, label_width));
        let alt = self.heat_map_alt(&[
            (self.labels.inherent, &inherent),
            (self.labels.residual, &residual),
        ]);
        for (grid_idx, (title, map)) in [
            (self.labels.inherent, inherent),
            (self.labels.residual, residual),
        ]
        .into_iter()
        .enumerate()
        {
            let x = label_width + grid_idx as f32 * (grid_width + gap);
            items.extend(grid(self.labels, x, title, |severity, likelihood| {
                let count = map.count(severity, likelihood);
                let level = level_at(severity, likelihood);
                if count == 0 {
                    (palette::tint(palette::level_fill(level), 0.72), None)
                } else {
                    (palette::level_fill(level), Some(count.to_string()))
                }
            }));
        }
        LineBox {
            height: GRID_HEIGHT,
            items: figure(alt, items),
        }
    }

    /// What a reader hears for the heat maps: each map's cells that hold entries, by likelihood
    /// and severity, most severe first.
    fn heat_map_alt(&self, maps: &[(&str, &dpia_core::scoring::HeatMap)]) -> String {
        let labels = self.labels;
        let mut parts = Vec::new();
        for (title, map) in maps {
            let mut cells = Vec::new();
            for likelihood in (1..=4).rev() {
                for severity in (1..=4).rev() {
                    let count = map.count(severity, likelihood);
                    if let (true, Some(s), Some(l)) = (
                        count > 0,
                        Severity::from_value(severity),
                        Likelihood::from_value(likelihood),
                    ) {
                        cells.push(format!(
                            "{} {} × {}",
                            count,
                            labels.likelihood_name(l),
                            labels.severity_name(s)
                        ));
                    }
                }
            }
            let cells = if cells.is_empty() {
                "—".to_owned()
            } else {
                cells.join(", ")
            };
            parts.push(format!("{title}: {cells}"));
        }
        format!("{}. {}.", labels.heat_map, parts.join("; "))
    }

    fn top_priorities(&mut self) {
        let labels = self.labels;
        let reason_width = CONTENT_WIDTH - 288.0;
        let header = vec![
            head(labels.rank, 26.0),
            head(labels.entry, 182.0),
            head(labels.residual, 48.0),
            head(labels.reason, reason_width),
        ];
        let table = Table::new(vec![34.0, 190.0, 56.0, reason_width + 8.0], header);
        let rows = self
            .ranked
            .iter()
            .take(10)
            .filter_map(|ranked| {
                let entry = self.register.entries.get(ranked.entry_idx)?;
                Some(Row::new(vec![
                    cell(&ranked.rank.to_string(), SMALL.with_face(Face::Bold), 26.0),
                    flow::wrap(
                        &[
                            Inline::text(entry.id.as_str(), NOTE.with_face(Face::Bold)),
                            Inline::text(format!(" {}", entry.issue), SMALL),
                        ],
                        182.0,
                        leading(SMALL),
                    ),
                    score_chip_line(ranked.scores.residual.as_ref().map(|t| t.score), 48.0),
                    cell(
                        &reason(labels, self.register, entry, &ranked.scores),
                        SMALL,
                        reason_width,
                    ),
                ]))
            })
            .collect();
        self.flow.table(&table, rows);
    }

    fn priority_order(&mut self) {
        let labels = self.labels;
        let issue_width = CONTENT_WIDTH - 262.0;
        let header = vec![
            head(labels.rank, 26.0),
            head(labels.id, 54.0),
            head(labels.system, 40.0),
            head(labels.issue, issue_width),
            head(labels.residual, 47.0),
            head(labels.inherent, 47.0),
        ];
        let table = Table::new(
            vec![34.0, 62.0, 48.0, issue_width + 8.0, 55.0, 55.0],
            header,
        );
        let rows = self
            .ranked
            .iter()
            .filter_map(|ranked| {
                let entry = self.register.entries.get(ranked.entry_idx)?;
                Some(Row::new(vec![
                    cell(&ranked.rank.to_string(), SMALL.with_face(Face::Bold), 26.0),
                    cell(entry.id.as_str(), SMALL, 54.0),
                    cell(entry.system.as_str(), SMALL, 40.0),
                    cell(&entry.issue, SMALL, issue_width),
                    score_chip_line(ranked.scores.residual.as_ref().map(|t| t.score), 47.0),
                    score_chip_line(ranked.scores.inherent.as_ref().map(|t| t.score), 47.0),
                ]))
            })
            .collect();
        self.flow.table(&table, rows);
    }
}

/// The reason line for a rank, in the paper's language: the same parts as `ranking`'s, each right
/// named as the register names it.
fn reason(labels: &Labels, register: &Register, entry: &Entry, scores: &EntryScores) -> String {
    let mut parts = Vec::new();
    if entry.must_have {
        parts.push(labels.reason_must_have().to_owned());
    }
    match (&scores.residual, &scores.inherent) {
        (Some(residual), Some(inherent)) => {
            parts.push(
                labels
                    .reason_residual(residual.score.value(), register.right_name(&residual.right)),
            );
            if inherent != residual {
                parts.push(
                    labels.reason_inherent(
                        inherent.score.value(),
                        register.right_name(&inherent.right),
                    ),
                );
            }
        }
        _ => parts.push(labels.reason_not_scored().to_owned()),
    }
    if scores.breadth > 0 {
        parts.push(labels.reason_breadth(scores.breadth));
    }
    if entry.votes > 0 {
        parts.push(labels.votes(entry.votes));
    }
    parts.join("; ")
}

fn number_cell(count: usize, width: f32) -> Vec<LineBox> {
    right_aligned(cell(&count.to_string(), SMALL, width), width)
}

/// A score as a chip in its level's colour, or a dash where there is none.
fn score_chip_line(score: Option<Score>, width: f32) -> Vec<LineBox> {
    match score {
        Some(score) => flow::wrap(&[score_chip(score)], width, leading(SMALL)),
        None => cell("–", SMALL.with_colour(palette::MUTED), width),
    }
}

fn level_chip_line(labels: &Labels, level: Level, width: f32) -> Vec<LineBox> {
    flow::wrap(
        &[Inline::chip(
            capitalised(labels.level_name(level)),
            NOTE.with_face(Face::Bold)
                .with_colour(palette::level_text(level)),
            palette::level_fill(level),
        )],
        width,
        leading(SMALL),
    )
}

pub(super) const CELL_WIDTH: f32 = 42.0;
const CELL_HEIGHT: f32 = 24.0;
/// Where the grid's cells start under its title.
const GRID_TOP: f32 = 18.0;
/// The whole height of a grid with its axis labels.
pub(super) const GRID_HEIGHT: f32 = GRID_TOP + 4.0 * CELL_HEIGHT + 36.0;

/// Likelihood labels, 4 at the top, right-aligned to end at `width`, with the axis name above.
pub(super) fn likelihood_labels(labels: &Labels, width: f32) -> Vec<Item> {
    let mut items = vec![text_at(
        labels.likelihood,
        NOTE.with_face(Face::Bold),
        Align::Right(width - 8.0),
        GRID_TOP - 5.0,
    )];
    for (row, likelihood) in Likelihood::ALL.into_iter().rev().enumerate() {
        let centre = GRID_TOP + (row as f32 + 0.5) * CELL_HEIGHT;
        items.push(text_at(
            &format!(
                "{} {}",
                labels.likelihood_name(likelihood),
                likelihood.value()
            ),
            NOTE,
            Align::Right(width - 8.0),
            centre + NOTE.size * metrics::cap_height(NOTE.face) / 2.0,
        ));
    }
    items
}

/// A 4 × 4 likelihood × severity grid at `x`, titled, with each cell's fill and label from `cell`.
pub(super) fn grid(
    labels: &Labels,
    x: f32,
    title: &str,
    cell: impl Fn(u8, u8) -> (Rgb, Option<String>),
) -> Vec<Item> {
    let grid_width = 4.0 * CELL_WIDTH;
    let mut items = vec![text_at(
        title,
        SMALL.with_face(Face::Bold).with_colour(palette::ACCENT),
        Align::Centre(x + grid_width / 2.0),
        GRID_TOP - 5.0,
    )];
    for (row, likelihood) in Likelihood::ALL.into_iter().rev().enumerate() {
        for (column, severity) in Severity::ALL.into_iter().enumerate() {
            let (fill, label) = cell(severity.value(), likelihood.value());
            let left = x + column as f32 * CELL_WIDTH;
            let top = GRID_TOP + row as f32 * CELL_HEIGHT;
            items.push(Item::Rect(Rect {
                x: left + 1.0,
                y: top + 1.0,
                width: CELL_WIDTH - 2.0,
                height: CELL_HEIGHT - 2.0,
                fill,
            }));
            if let Some(label) = label {
                let level = level_at(severity.value(), likelihood.value());
                let style = Style {
                    face: Face::Bold,
                    size: 10.0,
                    colour: palette::level_text(level),
                };
                items.push(text_at(
                    &label,
                    style,
                    Align::Centre(left + CELL_WIDTH / 2.0),
                    top + CELL_HEIGHT / 2.0 + style.size * metrics::cap_height(style.face) / 2.0,
                ));
            }
        }
    }
    let below = GRID_TOP + 4.0 * CELL_HEIGHT;
    for (column, severity) in Severity::ALL.into_iter().enumerate() {
        let centre = x + (column as f32 + 0.5) * CELL_WIDTH;
        items.push(text_at(
            &severity.value().to_string(),
            NOTE,
            Align::Centre(centre),
            below + 10.0,
        ));
        items.push(text_at(
            labels.severity_name(severity),
            NOTE.with_size(6.5),
            Align::Centre(centre),
            below + 19.0,
        ));
    }
    items.push(text_at(
        labels.severity,
        NOTE.with_face(Face::Bold),
        Align::Centre(x + grid_width / 2.0),
        below + 31.0,
    ));
    items
}

/// The level of the cell at `severity` × `likelihood` (each 1–4).
pub(super) fn level_at(severity: u8, likelihood: u8) -> Level {
    Assessment::from_values(severity, likelihood).map_or(Level::Low, |a| Score::of(a).level())
}

#[cfg(test)]
mod tests {
    use super::super::test_util::bundled;
    use super::*;
    use crate::labels::labels;
    use crate::{ReportOptions, layout};
    use dpia_core::ranking::rank;
    use dpia_core::register::Language;

    #[test]
    fn the_summary_lists_every_entry_in_rank_order() {
        let register = bundled();
        let report = layout(&register, &ReportOptions::default());
        let text = report.text();
        let start = text.find("\nPriority order\n").unwrap();
        let end = text.find("\nApprovals\n").unwrap();
        let ids: Vec<&str> = text[start..end]
            .split_whitespace()
            .filter(|word| register.entries.iter().any(|e| e.id.as_str() == *word))
            .collect();
        let expected: Vec<&str> = rank(&register)
            .iter()
            .map(|r| register.entries[r.entry_idx].id.as_str())
            .collect();
        assert_eq!(ids, expected);
    }

    #[test]
    fn english_reason_lines_are_rankings_own() {
        let register = bundled();
        let labels = labels(Language::English);
        for ranked in rank(&register) {
            let entry = &register.entries[ranked.entry_idx];
            assert_eq!(
                reason(labels, &register, entry, &ranked.scores),
                ranked.reason(&register)
            );
        }
    }
}
