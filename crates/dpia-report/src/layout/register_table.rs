//! The register itself: for each system, its heading and description and a table of its entries
//! in register order, Issue | Concern | Mitigation, continuing across pages.

use super::style::{BULLET_INDENT, CONTENT_WIDTH, NOTE, SMALL, leading};
use super::{Paper, bullet_with, head, in_lang, score_chip};
use crate::Progress;
use crate::flow::{self, Inline, LineBox, Row, Table};
use crate::labels::{Labels, capitalised};
use crate::metrics::Face;
use crate::page::{Role, Tag};
use dpia_core::action_log;
use dpia_core::palette;
use dpia_core::register::Entry;
use dpia_core::scoring::Score;

impl Paper<'_> {
    pub(super) fn register_tables(&mut self, progress: &mut dyn FnMut(Progress)) {
        let labels = self.labels;
        let num_entries = self.register.entries.len();
        let mut entries_done = 0;
        progress(Progress::LayingOut {
            entries_done,
            num_entries,
        });
        self.h1(labels.register);
        for (system_idx, system_id) in self.system_ids().into_iter().enumerate() {
            if system_idx > 0 {
                self.flow.new_page();
            }
            let system = self.register.system(&system_id);
            let heading = match system {
                Some(system) => format!("{} · {}", system.id, system.name),
                None => format!("{system_id} · {}", labels.other_system),
            };
            self.h2(&heading);
            self.flow.bookmark(&heading);
            if let Some(description) = system
                .map(|s| s.description.as_str())
                .filter(|d| !d.is_empty())
            {
                self.text(description, NOTE.with_size(8.0));
                self.flow.space(6.0);
            }
            let idxs: Vec<usize> = self
                .register
                .entries
                .iter()
                .enumerate()
                .filter(|(_, entry)| entry.system == system_id)
                .map(|(idx, _)| idx)
                .collect();
            if idxs.is_empty() {
                self.text(labels.no_entries, NOTE);
                continue;
            }
            let table = register_table(labels);
            let register = self.register;
            let mut entries = idxs
                .iter()
                .filter_map(|&idx| register.entries.get(idx).map(|entry| (idx, entry)));
            // The rows are made and laid out one at a time, and the pages they fill handed on, so
            // a long register is never held laid out whole; the first few are kept with the
            // table's header.
            let first_rows: Vec<Row> = entries
                .by_ref()
                .take(flow::KEEP_ROWS)
                .map(|(idx, entry)| self.entry_row(&table, idx, entry))
                .collect();
            let header = self.flow.start_table(&table, &first_rows);
            let mut place = |paper: &mut Self, row: Row| {
                paper.flow.add_row(&table, &header, row);
                entries_done += 1;
                if entries_done % 25 == 0 {
                    progress(Progress::LayingOut {
                        entries_done,
                        num_entries,
                    });
                    paper.hand_on();
                }
            };
            for row in first_rows {
                place(self, row);
            }
            for (idx, entry) in entries {
                let row = self.entry_row(&table, idx, entry);
                place(self, row);
            }
            self.flow.end_table(&table);
        }
        progress(Progress::LayingOut {
            entries_done: num_entries,
            num_entries,
        });
    }

    fn entry_row(&self, table: &Table, entry_idx: usize, entry: &Entry) -> Row {
        Row::new(vec![
            self.issue_cell(entry_idx, entry, table.inner_width(0)),
            self.concern_cell(entry, table.inner_width(1)),
            self.mitigation_cell(entry, table.inner_width(2)),
        ])
    }

    /// The id and rank, the issue, its category, must-have and votes, and the rights impacts,
    /// each right's scores with its note under them.
    fn issue_cell(&self, entry_idx: usize, entry: &Entry, width: f32) -> Vec<LineBox> {
        let labels = self.labels;
        let rank = self.rank_of.get(entry_idx).copied().unwrap_or(0);
        let mut issue = flow::wrap(
            &[
                Inline::text(entry.id.as_str(), NOTE.with_face(Face::Bold)),
                Inline::text(
                    format!(" · {}", labels.rank_of(rank, self.register.entries.len())),
                    NOTE,
                ),
            ],
            width,
            leading(NOTE),
        );
        issue.extend(flow::paragraph(
            &entry.issue,
            SMALL.with_face(Face::Bold).with_size(8.5),
            width,
            11.0,
        ));
        if !entry.category.is_empty() {
            issue.extend(flow::paragraph(&entry.category, NOTE, width, leading(NOTE)));
        }
        let mut flags = Vec::new();
        if entry.must_have {
            flags.push(Inline::chip(
                labels.must_have,
                NOTE.with_face(Face::Bold).with_colour(palette::PAPER),
                palette::ACCENT,
            ));
        }
        if entry.votes > 0 {
            flags.push(Inline::text(
                format!(" {}", labels.votes(entry.votes)),
                NOTE,
            ));
        }
        if !flags.is_empty() {
            issue.push(LineBox::gap(2.0));
            issue.extend(flow::wrap(&flags, width, 11.0));
        }
        issue.push(LineBox::gap(4.0));
        issue.extend(flow::paragraph(
            labels.rights,
            NOTE.with_face(Face::Bold),
            width,
            leading(NOTE),
        ));
        let mut impacts: Vec<_> = entry.impacts.iter().collect();
        impacts.sort_by_key(|impact| self.register.right_idx(&impact.right));
        if impacts.is_empty() {
            issue.extend(flow::paragraph(
                &capitalised(labels.reason_not_scored()),
                NOTE,
                width,
                leading(NOTE),
            ));
        }
        // Each right reads as its name and scores, then its note as a paragraph of its own, in
        // the cell: no list around them, since a list and its items for every right of every
        // entry cost a large register's paper far more than they tell a reader.
        for impact in impacts {
            let name = flow::wrap(
                &[Inline::text(
                    self.register.right_name(&impact.right),
                    NOTE.with_colour(palette::TEXT),
                )],
                width,
                11.0,
            );
            let name = in_lang(self.right_lang(&impact.right), name);
            let mut scores = vec![score_chip(Score::of(impact.inherent))];
            if let Some(residual) = impact.residual {
                scores.push(Inline::text(" → ", NOTE.with_colour(palette::TEXT)));
                scores.push(score_chip(Score::of(residual)));
            }
            issue.extend(flow::with_group(name, &scores, width, 11.0));
            // Why the right was scored so, under its scores (`[REDACTED]` in the public
            // edition where the entry keeps its impact notes confidential).
            if !impact.note.is_empty() {
                let note = flow::paragraph(&impact.note, NOTE, width - NOTE_INDENT, leading(NOTE))
                    .into_iter()
                    .map(|line| line.indented(NOTE_INDENT))
                    .collect();
                issue.extend(flow::tagged(Tag::new(Role::P), note));
                issue.push(LineBox::gap(2.0));
            }
        }
        issue
    }

    /// The concern, then who is affected, the balancing, the source and the actions on it.
    fn concern_cell(&self, entry: &Entry, width: f32) -> Vec<LineBox> {
        let labels = self.labels;
        let mut concern = flow::paragraph(&entry.concern, SMALL, width, leading(SMALL));
        let mut extra = |label: &str, text: String| {
            if !text.is_empty() {
                concern.push(LineBox::gap(3.0));
                concern.extend(flow::wrap(
                    &[
                        Inline::text(label, NOTE.with_face(Face::Bold)),
                        Inline::text(format!(" {text}"), NOTE),
                    ],
                    width,
                    leading(NOTE),
                ));
            }
        };
        extra(labels.affected, entry.affected_groups.join(", "));
        let purposes: Vec<String> = entry
            .balancing
            .purposes
            .iter()
            .map(|p| format!("{} ({})", labels.purpose_name(p.purpose), p.benefit.value()))
            .collect();
        let balancing = match (purposes.is_empty(), entry.balancing.note.is_empty()) {
            (true, _) => entry.balancing.note.clone(),
            (false, true) => purposes.join(", "),
            (false, false) => format!("{}. {}", purposes.join(", "), entry.balancing.note),
        };
        extra(labels.balancing, balancing);
        let source = match entry.source.date {
            Some(date) if entry.source.document.is_empty() => labels.date(date),
            Some(date) => format!("{}, {}", entry.source.document, labels.date(date)),
            None => entry.source.document.clone(),
        };
        extra(labels.source, source);
        // An entry shows the actions on it (issue 16): the action log's links, read the other way.
        let actions: Vec<String> = action_log::actions_on(self.register, &entry.id)
            .iter()
            .map(|action| action.number.to_string())
            .collect();
        extra(labels.actions_on, actions.join(", "));
        concern
    }

    /// The mitigations, each a bullet with its status, owner and due date.
    fn mitigation_cell(&self, entry: &Entry, width: f32) -> Vec<LineBox> {
        let labels = self.labels;
        let mut mitigations = Vec::new();
        for (idx, mitigation) in entry.mitigations.iter().enumerate() {
            if idx > 0 {
                mitigations.push(LineBox::gap(3.0));
            }
            let mut status = vec![labels.mitigation_status(mitigation.status).to_owned()];
            if !mitigation.owner.is_empty() {
                status.push(mitigation.owner.clone());
            }
            if let Some(due) = mitigation.due {
                status.push(labels.due(due));
            }
            let status = flow::paragraph(
                &status.join(" · "),
                NOTE,
                width - BULLET_INDENT,
                leading(NOTE),
            )
            .into_iter()
            .map(|line| line.indented(BULLET_INDENT))
            .collect();
            mitigations.extend(bullet_with(&mitigation.text, SMALL, width, status));
        }
        if mitigations.is_empty() {
            flow::paragraph(labels.no_mitigations, NOTE, width, leading(NOTE))
        } else {
            flow::tagged(Tag::new(Role::L), mitigations)
        }
    }
}

/// How far a right's note is indented under its name.
const NOTE_INDENT: f32 = 5.0;

/// The register table's columns: Issue | Concern | Mitigation.
fn register_table(labels: &Labels) -> Table {
    let mitigation_width = CONTENT_WIDTH - 324.0;
    let header = vec![
        head(labels.issue, 120.0),
        head(labels.concern, 188.0),
        head(labels.mitigation, mitigation_width - 8.0),
    ];
    let mut table = Table::new(vec![128.0, 196.0, mitigation_width], header);
    table.has_column_rules = true;
    table.continued = flow::paragraph(labels.continued, NOTE, 120.0, leading(NOTE))
        .into_iter()
        .next();
    table
}

#[cfg(test)]
mod tests {
    use super::super::style::{CONTENT_BOTTOM, MARGIN_X};
    use super::super::test_util::{
        bundled, is_numbered_word, part_texts, text_runs, welsh, with_long_concern,
    };
    use super::*;
    use crate::labels::labels;
    use crate::metrics;
    use crate::{Edition, ReportOptions, layout};
    use dpia_core::register::Language;

    fn public() -> ReportOptions {
        ReportOptions {
            edition: Edition::Public,
            public_marking: Some(dpia_core::register::Marking::Official),
            ..ReportOptions::default()
        }
    }

    #[test]
    fn each_right_has_its_scores_then_its_note_as_a_paragraph_in_the_cell() {
        let register = bundled();
        let report = layout(&register, &ReportOptions::default());
        // Compared without white space: a line may break after a hyphen.
        let solid = |text: &str| text.split_whitespace().collect::<String>();
        // A row split over two pages says so where it continues.
        let cells: String = part_texts(&report, Role::TD)
            .iter()
            .map(|cell| solid(&cell.replace("(continued)", "")))
            .collect::<Vec<_>>()
            .join("|");
        let paragraphs: Vec<String> = part_texts(&report, Role::P)
            .iter()
            .map(|p| solid(p))
            .collect();
        let mut notes = 0;
        for entry in &register.entries {
            for impact in entry
                .impacts
                .iter()
                .filter(|impact| !impact.note.is_empty())
            {
                notes += 1;
                let inherent = Score::of(impact.inherent).to_string();
                let scores = match impact.residual {
                    Some(residual) => format!("{inherent} → {}", Score::of(residual)),
                    None => inherent,
                };
                let item = format!(
                    "{} {scores} {}",
                    register.right_name(&impact.right),
                    impact.note
                );
                assert!(
                    cells.contains(&solid(&item)),
                    "{}: `{item}` is not in its cell",
                    entry.id
                );
                assert!(
                    paragraphs.contains(&solid(&impact.note)),
                    "{}: `{}` is not a paragraph",
                    entry.id,
                    impact.note
                );
            }
        }
        assert_eq!(notes, 75, "the bundled register's notes, every one printed");
    }

    #[test]
    fn the_public_edition_leaves_out_notes_kept_confidential() {
        let mut register = bundled();
        let entry = &mut register.entries[0];
        entry.impacts[0].note = "Zebedee’s note on the score".to_owned();
        let shown = layout(&register, &public()).text();
        assert!(
            shown.contains("Zebedee"),
            "a note not kept confidential shows"
        );
        register.entries[0]
            .confidential
            .insert(dpia_core::register::Field::ImpactNotes);
        let redacted = layout(&register, &public());
        assert!(!redacted.text().contains("Zebedee"), "{}", redacted.text());
        let name = register.right_name(&register.entries[0].impacts[0].right);
        let first_cell = part_texts(&redacted, Role::TD)
            .into_iter()
            .find(|cell| cell.starts_with(&format!("{} · rank", register.entries[0].id)))
            .unwrap();
        let at = first_cell.find(name).unwrap();
        assert!(
            first_cell[at..].contains(" [REDACTED] "),
            "the note's place is marked: {first_cell}"
        );
    }

    #[test]
    fn a_welsh_paper_marks_an_english_right_name_as_english() {
        let mut register = welsh();
        let report = layout(&register, &ReportOptions::default());
        let welsh_cells = part_texts(&report, Role::TD);
        assert!(
            welsh_cells
                .iter()
                .any(|cell| cell.contains(" Hawliau Bywyd preifat a theuluol 12 → 6 ")),
            "{welsh_cells:?}"
        );
        // Every span is English, the paper's one other language.
        let spans = |report: &crate::Report| -> Vec<String> {
            for item in report.pages.iter().flat_map(|page| &page.items) {
                if let crate::page::Item::Open(tag) = item
                    && tag.role == Role::Span
                {
                    assert_eq!(tag.lang, Some("en-GB"), "{tag:?}");
                }
            }
            part_texts(report, Role::Span)
        };
        assert_eq!(
            spans(&report),
            ["OFFICIAL-SENSITIVE"],
            "the cover's marking; Welsh names are the paper's language"
        );
        "Private and family life".clone_into(&mut register.rights[0].name);
        let report = layout(&register, &ReportOptions::default());
        assert_eq!(
            spans(&report),
            [
                "OFFICIAL-SENSITIVE",
                "Private and family life",
                "Private and family life",
                "Private and family life",
                "Private and family life"
            ],
            "the default English name: in the matrix, both entries and the rights catalogue"
        );
        assert!(
            spans(&layout(&bundled(), &ReportOptions::default())).is_empty(),
            "English names in an English paper"
        );
    }

    #[test]
    fn a_long_concern_wraps_and_continues_over_pages() {
        let register = with_long_concern();
        let report = layout(&register, &ReportOptions::default());
        let concern = &register.entries[0].concern;
        let expected: Vec<&str> = concern
            .split_whitespace()
            .filter(|w| is_numbered_word(w))
            .collect();
        let mut words = Vec::new();
        let mut pages_with_words = 0;
        let mut long_word = String::new();
        for page in &report.pages {
            let text = page.text();
            let found: Vec<String> = text
                .split_whitespace()
                .filter(|w| is_numbered_word(w))
                .map(str::to_owned)
                .collect();
            if !found.is_empty() {
                pages_with_words += 1;
                assert!(
                    text.contains("Issue Concern Mitigation"),
                    "header repeats:\n{text}"
                );
            }
            words.extend(found);
            long_word.extend(
                text.split_whitespace()
                    .filter(|w| w.chars().all(|c| c == 'x'))
                    .flat_map(str::chars),
            );
        }
        assert_eq!(words, expected, "every word once, in order");
        assert!(pages_with_words >= 3, "{pages_with_words} pages");
        assert_eq!(
            long_word,
            "x".repeat(300),
            "the long word is broken, not lost"
        );
        assert!(report.text().contains("(continued)"));
    }

    #[test]
    fn table_text_stays_in_its_column() {
        let report = layout(&with_long_concern(), &ReportOptions::default());
        let table = register_table(labels(Language::English));
        let mut edges = vec![MARGIN_X];
        for width in &table.widths {
            edges.push(edges.last().unwrap() + width);
        }
        let register_start = report
            .pages
            .iter()
            .position(|page| page.text().contains("The register"))
            .unwrap();
        let method_start = report
            .pages
            .iter()
            .position(|page| page.text().contains("\nMethod\n"))
            .unwrap();
        for page in &report.pages[register_start..method_start] {
            // The table starts at its header row; headings and descriptions above it span the page.
            let header = text_runs(page)
                .find(|run| run.text == "Issue" && run.face == Face::Bold)
                .map(|run| run.baseline)
                .unwrap();
            for run in text_runs(page) {
                if run.baseline < header || run.baseline > CONTENT_BOTTOM {
                    continue;
                }
                let right = run.x + metrics::width(&run.text, run.face, run.size);
                let column = edges
                    .windows(2)
                    .find(|edge| run.x >= edge[0] - 0.01 && run.x < edge[1]);
                if let Some(edge) = column {
                    assert!(
                        right <= edge[1] + 0.01,
                        "`{}` crosses into the next column",
                        run.text
                    );
                }
            }
        }
    }
}
