//! The summary's rights × systems matrix: the highest score on each right among each system's
//! entries, inherent → residual, as the app's heat map shows it. The numbers are the core's
//! (`overview::rights_by_systems`); this only sets them as a table, rights heading the rows and
//! systems the columns, in as many tables side by side as the page's width needs.

use super::style::{CONTENT_WIDTH, NOTE, SMALL, leading};
use super::{Paper, cell, head, in_lang, score_chip};
use crate::flow::{self, Inline, LineBox, Row, Table};
use crate::metrics::Face;
use dpia_core::overview::{RightsBySystems, rights_by_systems};
use dpia_core::palette;
use dpia_core::register::Stage;

/// The rights column's width.
const RIGHT_WIDTH: f32 = 150.0;
/// The narrowest a system's column may be: room for `16 → 16`.
const MIN_SYSTEM_WIDTH: f32 = 56.0;
/// The widest a system's column is made.
const MAX_SYSTEM_WIDTH: f32 = 80.0;
/// How many systems one table holds: as many columns as fit beside the rights at their narrowest.
const SYSTEMS_PER_TABLE: usize = 6;
const _: () = assert!(
    RIGHT_WIDTH + SYSTEMS_PER_TABLE as f32 * MIN_SYSTEM_WIDTH <= CONTENT_WIDTH
        && RIGHT_WIDTH + (SYSTEMS_PER_TABLE + 1) as f32 * MIN_SYSTEM_WIDTH > CONTENT_WIDTH,
    "SYSTEMS_PER_TABLE is as many columns as fit"
);

impl Paper<'_> {
    /// The matrix under its heading, with its note; a register with no systems says so instead.
    pub(super) fn rights_matrix(&mut self) {
        let labels = self.labels;
        self.h2(labels.rights_by_systems);
        let inherent = rights_by_systems(self.register, Stage::Inherent);
        let residual = rights_by_systems(self.register, Stage::Residual);
        if inherent.systems.is_empty() {
            self.text(labels.no_entries, NOTE);
            return;
        }
        // As many systems to a table as fit across the page; more systems make more tables.
        let num_systems = inherent.systems.len();
        for (table_idx, first) in (0..num_systems).step_by(SYSTEMS_PER_TABLE).enumerate() {
            if table_idx > 0 {
                self.flow.space(8.0);
            }
            let columns: Vec<usize> = (first..num_systems.min(first + SYSTEMS_PER_TABLE)).collect();
            self.matrix_table(&inherent, &residual, &columns);
        }
        self.flow.space(3.0);
        self.text(labels.rights_by_systems_note, NOTE);
    }

    /// One table of the matrix: every right, and the systems at `columns`.
    fn matrix_table(
        &mut self,
        inherent: &RightsBySystems,
        residual: &RightsBySystems,
        columns: &[usize],
    ) {
        let labels = self.labels;
        let system_width =
            ((CONTENT_WIDTH - RIGHT_WIDTH) / columns.len() as f32).min(MAX_SYSTEM_WIDTH);
        let mut widths = vec![RIGHT_WIDTH];
        widths.extend(columns.iter().map(|_| system_width));
        let mut header = vec![head(labels.right, RIGHT_WIDTH - 8.0)];
        header.extend(columns.iter().map(|&system_idx| {
            let id = inherent
                .systems
                .get(system_idx)
                .map_or("", |system| system.as_str());
            head(id, system_width - 8.0)
        }));
        let mut table = Table::new(widths, header);
        table.has_row_headers = true;
        let rows = inherent
            .rights
            .iter()
            .enumerate()
            .map(|(right_idx, right)| {
                let name = flow::paragraph(
                    self.register.right_name(right),
                    SMALL,
                    table.inner_width(0),
                    leading(SMALL),
                );
                let name = in_lang(self.right_lang(right), name);
                let mut cells = vec![name];
                cells.extend(columns.iter().enumerate().map(|(column, &system_idx)| {
                    scores_cell(
                        inherent.score(right_idx, system_idx),
                        residual.score(right_idx, system_idx),
                        table.inner_width(column + 1),
                    )
                }));
                Row::new(cells)
            })
            .collect();
        self.flow.table(&table, rows);
    }
}

/// `16 → 9` in level colours, or a dash where no entry bears on the right.
fn scores_cell(
    inherent: Option<dpia_core::scoring::Score>,
    residual: Option<dpia_core::scoring::Score>,
    width: f32,
) -> Vec<LineBox> {
    let Some(inherent) = inherent else {
        return cell("–", SMALL.with_colour(palette::MUTED), width);
    };
    let mut scores = vec![score_chip(inherent)];
    if let Some(residual) = residual {
        scores.push(Inline::text(
            " → ",
            NOTE.with_colour(palette::TEXT).with_face(Face::Regular),
        ));
        scores.push(score_chip(residual));
    }
    flow::wrap(&scores, width, leading(SMALL))
}

#[cfg(test)]
mod tests {
    use super::super::test_util::{bundled, part_texts, welsh};
    use super::*;
    use crate::page::Role;
    use crate::{ReportOptions, layout};
    use dpia_core::register::{Right, RightId, System, SystemId};

    /// Text with every run of white space one space.
    fn squeezed(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The matrix's rows as the core's numbers say they read: `Right 16 → 9 – …`.
    fn expected_rows(register: &dpia_core::register::Register) -> Vec<String> {
        let inherent = rights_by_systems(register, Stage::Inherent);
        let residual = rights_by_systems(register, Stage::Residual);
        inherent
            .rights
            .iter()
            .enumerate()
            .map(|(right_idx, right)| {
                let mut row = vec![register.right_name(right).to_owned()];
                for system_idx in 0..inherent.systems.len() {
                    row.push(
                        match (
                            inherent.score(right_idx, system_idx),
                            residual.score(right_idx, system_idx),
                        ) {
                            (Some(before), Some(after)) => format!("{before} → {after}"),
                            _ => "–".to_owned(),
                        },
                    );
                }
                row.join(" ")
            })
            .collect()
    }

    #[test]
    fn the_summary_has_the_cores_rights_by_systems_matrix() {
        let register = bundled();
        let report = layout(&register, &ReportOptions::default());
        let rows: Vec<String> = part_texts(&report, Role::TR)
            .iter()
            .map(|row| squeezed(row))
            .collect();
        let header = "Right PND PNC LEDS HOB NRMP";
        assert!(rows.iter().any(|row| row == header), "{rows:?}");
        for row in expected_rows(&register) {
            assert!(rows.contains(&row), "`{row}` is not a row: {rows:?}");
        }
        assert!(
            rows.contains(&"Private and family life 16 → 9 16 → 9 12 → 9 12 → 9 9 → 6".to_owned()),
            "{rows:?}"
        );
        let row_headers = part_texts(&report, Role::RowHeader);
        for right in &register.rights {
            assert!(
                row_headers.contains(&right.name),
                "{} heads its row",
                right.name
            );
        }
        let text = report.text();
        let summary = text.find("\nSummary\n").unwrap();
        let matrix = text.find("\nRights × systems\n").unwrap();
        let top = text.find("\nTop 10 priorities\n").unwrap();
        assert!(summary < matrix && matrix < top, "in the summary");
    }

    #[test]
    fn many_systems_make_more_tables_and_many_rights_continue_on_the_next_page() {
        let mut register = bundled();
        for n in 1..=4 {
            register.systems.push(System {
                id: SystemId::parse(&format!("SYS{n}")).unwrap(),
                name: format!("System {n}"),
                description: String::new(),
            });
        }
        for n in 1..=60 {
            register.rights.push(Right {
                id: RightId::parse(&format!("right_{n:02}")).unwrap(),
                name: format!("Entitlement {n:02}"),
                legal_reference: String::new(),
            });
        }
        let report = layout(&register, &ReportOptions::default());
        let row_headers = part_texts(&report, Role::RowHeader);
        for right in &register.rights {
            let count = row_headers.iter().filter(|h| **h == right.name).count();
            assert_eq!(count, 2, "{}: once in each of the two tables", right.name);
        }
        let headers: Vec<String> = part_texts(&report, Role::TR)
            .iter()
            .map(|row| squeezed(row))
            .filter(|row| row.starts_with("Right "))
            .collect();
        assert_eq!(
            headers,
            ["Right PND PNC LEDS HOB NRMP SYS1", "Right SYS2 SYS3 SYS4"],
            "each table's header read once"
        );
        // The long tables run over pages, their header repeated on each (as furniture).
        let pages_with_header = report
            .pages
            .iter()
            .filter(|page| page.text().contains("Right PND PNC LEDS HOB NRMP SYS1"))
            .count();
        assert!(pages_with_header >= 2, "{pages_with_header}");
    }

    #[test]
    fn welsh_papers_head_the_matrix_in_welsh() {
        let report = layout(&welsh(), &ReportOptions::default());
        let text = report.text();
        assert!(text.contains("\nHawliau × systemau\n"), "{text}");
        let rows: Vec<String> = part_texts(&report, Role::TR)
            .iter()
            .map(|row| squeezed(row))
            .collect();
        assert!(rows.iter().any(|row| row.starts_with("Hawl ")), "{rows:?}");
        for row in expected_rows(&welsh()) {
            assert!(rows.contains(&row), "`{row}`: {rows:?}");
        }
    }
}
