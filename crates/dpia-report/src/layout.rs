//! What goes on which page: the cover, the summary, the change log, the register table for each
//! system, and the method, with the marking and page numbers on every page.
//!
//! Pure: a register and options in, a `Report` out; the same input always gives the same pages.
//! Measures text with `metrics` and stacks it with `flow`; draws nothing itself.

use jiff::tz::TimeZone;

mod workshop_outcome;

use super::flow::{self, Flow, Frame, Inline, LineBox, Row, Style, Table};
use super::labels::{Labels, labels};
use super::metrics::{self, Face};
use super::page::{DocumentInfo, Item, PAGE_HEIGHT, PAGE_WIDTH, Page, Rect, Report, Rule, TextRun};
use super::public::{self, Edition};
use super::{Progress, ReportOptions};
use dpia_core::palette::{self, Rgb};
use dpia_core::ranking::{Ranked, rank};
use dpia_core::register::{
    Assessment, Entry, Likelihood, Register, Scale, Severity, Stage, SystemId,
};
use dpia_core::scoring::{EntryScores, Level, Score};

/// Left and right margin: 18 mm.
const MARGIN_X: f32 = 51.0;
/// Where text starts under the top marking.
const CONTENT_TOP: f32 = 66.0;
/// Where text must end above the footer.
const CONTENT_BOTTOM: f32 = PAGE_HEIGHT - 74.0;
/// The text width.
const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN_X;

const BODY: Style = Style {
    face: Face::Regular,
    size: 9.5,
    colour: palette::TEXT,
};
const SMALL: Style = Style {
    face: Face::Regular,
    size: 8.0,
    colour: palette::TEXT,
};
const NOTE: Style = Style {
    face: Face::Regular,
    size: 7.5,
    colour: palette::MUTED,
};
const H1: Style = Style {
    face: Face::Bold,
    size: 17.0,
    colour: palette::ACCENT,
};
const H2: Style = Style {
    face: Face::Bold,
    size: 11.5,
    colour: palette::ACCENT,
};
const TABLE_HEAD: Style = Style {
    face: Face::Bold,
    size: 8.0,
    colour: palette::ACCENT,
};
const MARKING: Style = Style {
    face: Face::Bold,
    size: 9.5,
    colour: palette::MARKING,
};

/// The line height for text in `style`.
fn leading(style: Style) -> f32 {
    (style.size * 1.32).round()
}

/// Lays out the paper for `register`; in the public edition, the register is redacted first.
pub fn layout(register: &Register, options: &ReportOptions) -> Report {
    let shown = public::edition(register, options.edition);
    layout_edition(&shown, options, &mut |_| {})
}

/// Lays out an already redacted (or full) register, reporting progress through the entries.
pub(crate) fn layout_edition(
    register: &Register,
    options: &ReportOptions,
    progress: &mut dyn FnMut(Progress),
) -> Report {
    let labels = labels(register.metadata.language);
    let ranked = rank(register);
    let mut rank_of = vec![0; register.entries.len()];
    for r in &ranked {
        if let Some(slot) = rank_of.get_mut(r.entry_idx) {
            *slot = r.rank;
        }
    }
    let mut paper = Paper {
        register,
        options,
        labels,
        ranked,
        rank_of,
        flow: Flow::new(Frame {
            left: MARGIN_X,
            width: CONTENT_WIDTH,
            top: CONTENT_TOP,
            bottom: CONTENT_BOTTOM,
        }),
    };
    paper.cover();
    paper.summary();
    paper.changes();
    paper.workshop_outcome();
    paper.register_tables(progress);
    paper.method();
    let (mut pages, outline) = paper.flow.finish();
    add_furniture(&mut pages, register, labels, options.edition);
    Report {
        info: document_info(register, labels, options),
        pages,
        outline,
        attachment: None,
    }
}

fn document_info(register: &Register, labels: &Labels, options: &ReportOptions) -> DocumentInfo {
    let metadata = &register.metadata;
    let mut keywords = vec!["DPIA".to_owned(), metadata.marking.label().to_owned()];
    keywords.extend(register.systems.iter().map(|system| system.id.to_string()));
    if options.edition == Edition::Public {
        keywords.push(labels.public_edition.to_owned());
    }
    let author = if metadata.owner.is_empty() {
        metadata.programme.clone()
    } else {
        metadata.owner.clone()
    };
    DocumentInfo {
        title: metadata.title.clone(),
        author,
        subject: format!(
            "{}: {}, {}",
            labels.subject,
            metadata.version_label,
            labels.status_name(metadata.status)
        ),
        keywords,
        creator: format!("dpia-register {}", env!("CARGO_PKG_VERSION")),
        language: labels.language_tag.to_owned(),
        produced: options.produced,
    }
}

/// The paper being laid out.
struct Paper<'a> {
    register: &'a Register,
    options: &'a ReportOptions,
    labels: &'static Labels,
    ranked: Vec<Ranked>,
    /// The rank of each entry, by entry index.
    rank_of: Vec<usize>,
    flow: Flow,
}

impl Paper<'_> {
    fn h1(&mut self, text: &str) {
        self.flow.new_page();
        self.flow.bookmark(text);
        self.flow
            .lines(&flow::paragraph(text, H1, CONTENT_WIDTH, leading(H1) + 4.0));
        self.flow.space(6.0);
    }

    fn h2(&mut self, text: &str) {
        self.flow.space(12.0);
        let lines = flow::paragraph(text, H2, CONTENT_WIDTH, leading(H2) + 2.0);
        // Keep a heading with a few lines of what follows; a table that follows takes it along.
        self.flow.heading(&lines, 3.0 * leading(BODY));
        self.flow.space(3.0);
    }

    fn text(&mut self, text: &str, style: Style) {
        self.flow
            .lines(&flow::paragraph(text, style, CONTENT_WIDTH, leading(style)));
    }

    fn scores(&self, entry_idx: usize) -> Option<&EntryScores> {
        let rank = self.rank_of.get(entry_idx)?;
        self.ranked
            .get(rank.checked_sub(1)?)
            .map(|ranked| &ranked.scores)
    }

    // ----- Cover -----

    fn cover(&mut self) {
        let metadata = &self.register.metadata;
        let labels = self.labels;
        self.flow.mark(Item::Rect(Rect {
            x: MARGIN_X,
            y: CONTENT_TOP,
            width: CONTENT_WIDTH,
            height: 4.0,
            fill: palette::ACCENT,
        }));
        self.flow.space(0.0);
        self.flow.line(&LineBox::gap(40.0));
        let kicker = Style {
            face: Face::Bold,
            size: 10.0,
            colour: palette::ACCENT,
        };
        self.text(labels.kicker, kicker);
        self.flow.space(10.0);
        let title = Style {
            face: Face::Bold,
            size: 26.0,
            colour: palette::TEXT,
        };
        self.flow.lines(&flow::paragraph(
            &metadata.title,
            title,
            CONTENT_WIDTH,
            32.0,
        ));
        if !metadata.programme.is_empty() {
            self.flow.space(8.0);
            let programme = Style {
                face: Face::Regular,
                size: 13.0,
                colour: palette::MUTED,
            };
            self.flow.lines(&flow::paragraph(
                &metadata.programme,
                programme,
                CONTENT_WIDTH,
                18.0,
            ));
        }
        self.flow.space(28.0);
        self.cover_details();
        if self.options.edition == Edition::Public {
            self.public_notice();
        }
        if !metadata.purpose.is_empty() {
            self.h2(labels.purpose);
            self.text(&metadata.purpose, BODY);
        }
        self.flow.space(16.0);
        let produced = self
            .options
            .produced
            .map(|timestamp| TimeZone::UTC.to_datetime(timestamp).date());
        self.text(&labels.produced(env!("CARGO_PKG_VERSION"), produced), NOTE);
    }

    /// Version, date, status, owner, marking and edition, as a two-column list.
    fn cover_details(&mut self) {
        let metadata = &self.register.metadata;
        let labels = self.labels;
        let mut details: Vec<(&str, String)> = vec![
            (labels.version, metadata.version_label.clone()),
            (
                labels.date_issued,
                metadata
                    .date_issued
                    .map_or_else(|| labels.not_set.to_owned(), |date| labels.date(date)),
            ),
            (
                labels.status,
                labels.status_name(metadata.status).to_owned(),
            ),
        ];
        if !metadata.owner.is_empty() {
            details.push((labels.owner, metadata.owner.clone()));
        }
        details.push((labels.marking, metadata.marking.label().to_owned()));
        details.push((
            labels.edition,
            match self.options.edition {
                Edition::Full => labels.full_edition.to_owned(),
                Edition::Public => labels.public_edition.to_owned(),
            },
        ));
        let mut table = Table::new(vec![130.0, CONTENT_WIDTH - 130.0], Vec::new());
        table.pad_x = 0.0;
        table.pad_y = 4.0;
        let label_style = Style {
            face: Face::Bold,
            size: 9.0,
            colour: palette::MUTED,
        };
        let rows = details
            .into_iter()
            .map(|(label, value)| {
                Row::new(vec![
                    flow::paragraph(label, label_style, table.inner_width(0), leading(BODY)),
                    cell(&value, BODY, table.inner_width(1)),
                ])
            })
            .collect();
        self.flow.table_body(&table, rows);
    }

    /// The box saying what the public edition leaves out.
    fn public_notice(&mut self) {
        let labels = self.labels;
        self.flow.space(14.0);
        let mut notice = Table::new(vec![CONTENT_WIDTH], Vec::new());
        notice.pad_x = 8.0;
        notice.pad_y = 6.0;
        notice.row_rule = palette::ACCENT;
        let mut row = Row::new(vec![flow::wrap(
            &[
                Inline::text(labels.public_edition, BODY.with_face(Face::Bold)),
                Inline::text(format!(". {}", labels.public_notice), BODY),
            ],
            notice.inner_width(0),
            leading(BODY),
        )]);
        row.fill = Some(palette::tint(palette::ACCENT, 0.88));
        self.flow.table_body(&notice, vec![row]);
    }

    // ----- Summary -----

    fn summary(&mut self) {
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

    /// The systems in register order, then any system entries name that the register lacks.
    fn system_ids(&self) -> Vec<SystemId> {
        let mut ids: Vec<SystemId> = self.register.systems.iter().map(|s| s.id.clone()).collect();
        for entry in &self.register.entries {
            if !ids.contains(&entry.system) {
                ids.push(entry.system.clone());
            }
        }
        ids
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
            items,
        }
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
                    cell(&reason(labels, entry, &ranked.scores), SMALL, reason_width),
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

    // ----- Changes -----

    fn changes(&mut self) {
        let Some(changes) = &self.options.changes else {
            return;
        };
        self.h1(&self.labels.changes_since(&changes.since_label));
        if !changes.summary.is_empty() {
            self.text(&changes.summary, BODY);
            self.flow.space(6.0);
        }
        for group in &changes.groups {
            self.flow.space(6.0);
            let heading = flow::paragraph(
                &group.heading,
                SMALL.with_face(Face::Bold),
                CONTENT_WIDTH,
                leading(SMALL) + 2.0,
            );
            self.flow.heading(&heading, 2.0 * leading(SMALL));
            for line in &group.lines {
                self.flow.lines(&bullet(line, SMALL, CONTENT_WIDTH));
                self.flow.space(1.5);
            }
        }
    }

    // ----- The register -----

    fn register_tables(&mut self, progress: &mut dyn FnMut(Progress)) {
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
            let mut rows = Vec::with_capacity(idxs.len());
            for idx in idxs {
                if let Some(entry) = self.register.entries.get(idx) {
                    rows.push(self.entry_row(&table, idx, entry));
                }
                entries_done += 1;
                if entries_done % 25 == 0 {
                    progress(Progress::LayingOut {
                        entries_done,
                        num_entries,
                    });
                }
            }
            self.flow.table(&table, rows);
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

    /// The id and rank, the issue, its category, must-have and votes, and the rights impacts.
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
                labels.not_scored_yet,
                NOTE,
                width,
                leading(NOTE),
            ));
        }
        for impact in impacts {
            let name = [Inline::text(
                self.register.right_name(&impact.right),
                NOTE.with_colour(palette::TEXT),
            )];
            let mut scores = vec![score_chip(Score::of(impact.inherent))];
            if let Some(residual) = impact.residual {
                scores.push(Inline::text(" → ", NOTE.with_colour(palette::TEXT)));
                scores.push(score_chip(Score::of(residual)));
            }
            issue.extend(flow::wrap_with_group(&name, &scores, width, 11.0));
        }
        issue
    }

    /// The concern, then who is affected, the balancing and the source.
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
            mitigations.extend(bullet(&mitigation.text, SMALL, width));
            let mut status = vec![labels.mitigation_status(mitigation.status).to_owned()];
            if !mitigation.owner.is_empty() {
                status.push(mitigation.owner.clone());
            }
            if let Some(due) = mitigation.due {
                status.push(labels.due(due));
            }
            mitigations.extend(
                flow::paragraph(
                    &status.join(" · "),
                    NOTE,
                    width - BULLET_INDENT,
                    leading(NOTE),
                )
                .into_iter()
                .map(|line| line.indented(BULLET_INDENT)),
            );
        }
        if mitigations.is_empty() {
            mitigations = flow::paragraph(labels.no_mitigations, NOTE, width, leading(NOTE));
        }
        mitigations
    }

    // ----- Method -----

    fn method(&mut self) {
        self.h1(self.labels.method);
        self.method_scales();
        self.method_levels();
        self.method_ranking();
        self.method_rights();
    }

    fn method_scales(&mut self) {
        let labels = self.labels;
        self.h2(labels.scales);
        self.text(labels.method_judgement, BODY);
        self.flow.space(6.0);
        let table = Table::new(
            vec![60.0, 150.0, 150.0],
            vec![
                head(labels.value, 52.0),
                head(labels.severity, 142.0),
                head(labels.likelihood, 142.0),
            ],
        );
        let rows = Severity::ALL
            .into_iter()
            .zip(Likelihood::ALL)
            .map(|(severity, likelihood)| {
                Row::new(vec![
                    cell(
                        &severity.value().to_string(),
                        SMALL.with_face(Face::Bold),
                        52.0,
                    ),
                    cell(labels.severity_name(severity), SMALL, 142.0),
                    cell(labels.likelihood_name(likelihood), SMALL, 142.0),
                ])
            })
            .collect();
        self.flow.table(&table, rows);
    }

    fn method_levels(&mut self) {
        let labels = self.labels;
        self.h2(labels.score_and_level);
        self.text(labels.method_score, BODY);
        self.flow.space(8.0);
        let mut items = likelihood_labels(labels, 86.0);
        items.extend(grid(labels, 86.0, labels.score, |severity, likelihood| {
            let score = severity * likelihood;
            (
                palette::level_fill(level_at(severity, likelihood)),
                Some(score.to_string()),
            )
        }));
        self.flow.block(&[LineBox {
            height: GRID_HEIGHT,
            items,
        }]);
        self.flow.space(6.0);
        let mut legend = Vec::new();
        for level in Level::ALL {
            let range = match level {
                Level::Low => "1–3",
                Level::Medium => "4–6",
                Level::High => "8–9",
                Level::VeryHigh => "12–16",
            };
            legend.push(Inline::chip(
                format!("{} {range}", labels.level_name(level)),
                NOTE.with_face(Face::Bold)
                    .with_colour(palette::level_text(level)),
                palette::level_fill(level),
            ));
            legend.push(Inline::Gap { width: 8.0 });
        }
        self.flow.lines(&flow::wrap(&legend, CONTENT_WIDTH, 14.0));
    }

    fn method_ranking(&mut self) {
        let labels = self.labels;
        self.h2(labels.priority_order);
        self.text(labels.method_rank_intro, BODY);
        self.flow.space(3.0);
        for (idx, step) in labels.method_rank_steps.iter().enumerate() {
            let number = format!("{}.", idx + 1);
            let mut lines = flow::paragraph(step, BODY, CONTENT_WIDTH - 16.0, leading(BODY))
                .into_iter()
                .map(|line| line.indented(16.0))
                .collect::<Vec<_>>();
            if let Some(first) = lines.first_mut() {
                let number: Vec<Item> = flow::paragraph(&number, BODY, 16.0, leading(BODY))
                    .into_iter()
                    .flat_map(|line| line.items)
                    .collect();
                first.items.splice(0..0, number);
            }
            self.flow.lines(&lines);
        }
        self.flow.space(4.0);
        self.text(labels.method_rank_after, BODY);
    }

    fn method_rights(&mut self) {
        let labels = self.labels;
        self.h2(labels.rights_catalogue);
        let name_width = CONTENT_WIDTH - 248.0;
        let table = Table::new(
            vec![120.0, name_width + 8.0, 120.0],
            vec![
                head(labels.id, 112.0),
                head(labels.right, name_width),
                head(labels.legal_reference, 112.0),
            ],
        );
        let rows = self
            .register
            .rights
            .iter()
            .map(|right| {
                Row::new(vec![
                    cell(right.id.as_str(), SMALL, 112.0),
                    cell(&right.name, SMALL, name_width),
                    cell(&right.legal_reference, SMALL, 112.0),
                ])
            })
            .collect();
        self.flow.table(&table, rows);
    }
}

/// The reason line for a rank, in the paper's language: the same parts as `ranking`'s.
fn reason(labels: &Labels, entry: &Entry, scores: &EntryScores) -> String {
    let mut parts = Vec::new();
    if entry.must_have {
        parts.push(labels.reason_must_have().to_owned());
    }
    match (&scores.residual, &scores.inherent) {
        (Some(residual), Some(inherent)) => {
            parts.push(labels.reason_residual(residual.score.value(), residual.right.as_str()));
            if inherent != residual {
                parts.push(labels.reason_inherent(inherent.score.value(), inherent.right.as_str()));
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

const BULLET_INDENT: f32 = 8.0;

/// A bulleted paragraph: `•` and the text indented beside it.
fn bullet(text: &str, style: Style, width: f32) -> Vec<LineBox> {
    let mut lines: Vec<LineBox> =
        flow::paragraph(text, style, width - BULLET_INDENT, leading(style))
            .into_iter()
            .map(|line| line.indented(BULLET_INDENT))
            .collect();
    if let Some(first) = lines.first_mut() {
        let dot = flow::paragraph(
            "•",
            style.with_colour(palette::MUTED),
            BULLET_INDENT,
            leading(style),
        );
        // The bullet goes first, so text is extracted in reading order.
        let dot: Vec<Item> = dot.into_iter().flat_map(|line| line.items).collect();
        first.items.splice(0..0, dot);
    }
    lines
}

fn cell(text: &str, style: Style, width: f32) -> Vec<LineBox> {
    flow::paragraph(text, style, width, leading(style))
}

fn head(text: &str, width: f32) -> Vec<LineBox> {
    cell(text, TABLE_HEAD, width)
}

fn number_cell(count: usize, width: f32) -> Vec<LineBox> {
    right_aligned(cell(&count.to_string(), SMALL, width), width)
}

/// Lines moved so each ends at `width`.
fn right_aligned(lines: Vec<LineBox>, width: f32) -> Vec<LineBox> {
    lines
        .into_iter()
        .map(|line| {
            let extent = line.extent();
            line.indented((width - extent).max(0.0))
        })
        .collect()
}

fn score_chip(score: Score) -> Inline {
    let level = score.level();
    Inline::chip(
        score.to_string(),
        NOTE.with_face(Face::Bold)
            .with_colour(palette::level_text(level)),
        palette::level_fill(level),
    )
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

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

const CELL_WIDTH: f32 = 42.0;
const CELL_HEIGHT: f32 = 24.0;
/// Where the grid's cells start under its title.
const GRID_TOP: f32 = 18.0;
/// The whole height of a grid with its axis labels.
const GRID_HEIGHT: f32 = GRID_TOP + 4.0 * CELL_HEIGHT + 36.0;

/// Likelihood labels, 4 at the top, right-aligned to end at `width`, with the axis name above.
fn likelihood_labels(labels: &Labels, width: f32) -> Vec<Item> {
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
fn grid(
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
fn level_at(severity: u8, likelihood: u8) -> Level {
    Assessment::from_values(severity, likelihood).map_or(Level::Low, |a| Score::of(a).level())
}

#[derive(Clone, Copy)]
enum Align {
    Centre(f32),
    Right(f32),
}

fn text_at(text: &str, style: Style, align: Align, baseline: f32) -> Item {
    let width = metrics::width(text, style.face, style.size);
    let x = match align {
        Align::Centre(centre) => centre - width / 2.0,
        Align::Right(right) => right - width,
    };
    Item::Text(TextRun {
        x,
        baseline,
        face: style.face,
        size: style.size,
        colour: style.colour,
        text: text.to_owned(),
    })
}

/// The marking at the top and bottom of every page, and the footer: title, version, page N of M.
fn add_furniture(pages: &mut [Page], register: &Register, labels: &Labels, edition: Edition) {
    let metadata = &register.metadata;
    let marking = match edition {
        Edition::Full => metadata.marking.label().to_owned(),
        Edition::Public => format!("{} · {}", metadata.marking.label(), labels.public_marking),
    };
    let num_pages = pages.len();
    let footer_style = NOTE;
    let left_text = if metadata.version_label.is_empty() {
        metadata.title.clone()
    } else {
        format!("{} · {}", metadata.title, metadata.version_label)
    };
    for (page_idx, page) in pages.iter_mut().enumerate() {
        let page_label = labels.page_of(page_idx + 1, num_pages);
        let page_label_width = metrics::width(&page_label, footer_style.face, footer_style.size);
        let left = ellipsised(
            &left_text,
            footer_style,
            CONTENT_WIDTH - page_label_width - 24.0,
        );
        let footer_rule = PAGE_HEIGHT - 62.0;
        // The top marking goes first and the footer last, so text comes out in reading order.
        page.items.insert(
            0,
            text_at(&marking, MARKING, Align::Centre(PAGE_WIDTH / 2.0), 36.0),
        );
        page.items.extend([
            Item::Rule(Rule {
                x1: MARGIN_X,
                y1: footer_rule,
                x2: PAGE_WIDTH - MARGIN_X,
                y2: footer_rule,
                thickness: 0.5,
                colour: palette::RULE,
            }),
            Item::Text(TextRun {
                x: MARGIN_X,
                baseline: footer_rule + 12.0,
                face: footer_style.face,
                size: footer_style.size,
                colour: footer_style.colour,
                text: left,
            }),
            text_at(
                &page_label,
                footer_style,
                Align::Right(PAGE_WIDTH - MARGIN_X),
                footer_rule + 12.0,
            ),
            text_at(
                &marking,
                MARKING,
                Align::Centre(PAGE_WIDTH / 2.0),
                PAGE_HEIGHT - 26.0,
            ),
        ]);
    }
}

/// `text`, cut with `…` to fit `width`.
fn ellipsised(text: &str, style: Style, width: f32) -> String {
    if metrics::width(text, style.face, style.size) <= width {
        return text.to_owned();
    }
    let mut cut = String::new();
    let mut used = metrics::width("…", style.face, style.size);
    for c in text.chars() {
        used += metrics::advance(c, style.face) * style.size;
        if used > width {
            break;
        }
        cut.push(c);
    }
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::{ChangeGroup, ChangesSection};
    use dpia_core::register::{EntryId, Field, Language, Marking, Mitigation};
    use dpia_core::register_text;

    fn bundled() -> Register {
        register_text::parse(include_str!("../../../registers/leds-hob-open-space.ron")).unwrap()
    }

    fn welsh() -> Register {
        register_text::parse(include_str!("../../../tests/fixtures/welsh.ron")).unwrap()
    }

    /// The bundled register with one entry's concern 10,000 characters long, numbered words
    /// `w0001`… with one 300-character word among them.
    fn with_long_concern() -> Register {
        let mut register = bundled();
        let mut words: Vec<String> = (1..=1600).map(|n| format!("w{n:04}")).collect();
        words.insert(3, "x".repeat(300));
        let mut concern = words.join(" ");
        concern.truncate(10_000);
        register.entries[0].concern = concern;
        register
    }

    fn is_numbered_word(word: &str) -> bool {
        word.len() == 5 && word.starts_with('w') && word.chars().skip(1).all(|c| c.is_ascii_digit())
    }

    fn text_runs(page: &Page) -> impl Iterator<Item = &TextRun> {
        page.items.iter().filter_map(|item| match item {
            Item::Text(run) => Some(run),
            Item::Rect(_) | Item::Rule(_) => None,
        })
    }

    #[test]
    fn every_page_carries_the_marking_and_its_number() {
        let report = layout(&bundled(), &ReportOptions::default());
        let num_pages = report.pages.len();
        assert!(num_pages > 10, "{num_pages} pages");
        for (page_idx, page) in report.pages.iter().enumerate() {
            let text = page.text();
            let lines: Vec<&str> = text.lines().collect();
            assert_eq!(
                lines.first(),
                Some(&"OFFICIAL"),
                "page {}:\n{text}",
                page_idx + 1
            );
            assert_eq!(
                lines.last(),
                Some(&"OFFICIAL"),
                "page {}:\n{text}",
                page_idx + 1
            );
            let footer = format!(
                "LEDS and HOB Open Space: DPIA risk register · v1.0 Page {} of {num_pages}",
                page_idx + 1
            );
            assert_eq!(
                lines.iter().rev().nth(1),
                Some(&footer.as_str()),
                "page {}",
                page_idx + 1
            );
        }
    }

    #[test]
    fn the_cover_holds_the_details_and_the_purpose() {
        let register = bundled();
        let report = layout(&register, &ReportOptions::default());
        let cover = report.pages[0].text();
        for expected in [
            "LEDS and HOB Open Space: DPIA risk",
            "Version v1.0",
            "Date issued 30 June 2020",
            "Status Consultation",
            "Owner Home Office NLEDP DPIA team",
            "Protective marking OFFICIAL",
            "Edition Full",
            "Purpose",
            "This register gathers, in one place,",
            "Produced with dpia-register",
        ] {
            assert!(
                cover.contains(expected),
                "`{expected}` not on the cover:\n{cover}"
            );
        }
        assert!(
            report.pages[1].text().contains("\nSummary\n"),
            "{}",
            report.pages[1].text()
        );

        // A one-line purpose stays on the cover too: a new section does not take its heading along.
        let small =
            register_text::parse(include_str!("../../../tests/fixtures/small.ron")).unwrap();
        let cover = layout(&small, &ReportOptions::default()).pages[0].text();
        assert!(
            cover.contains("\nPurpose\nA small register for tests.\n"),
            "{cover}"
        );
    }

    #[test]
    fn the_summary_lists_every_entry_in_rank_order() {
        let register = bundled();
        let report = layout(&register, &ReportOptions::default());
        let text = report.text();
        let start = text.find("\nPriority order\n").unwrap();
        let end = text.find("\nThe register\n").unwrap();
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
            assert_eq!(reason(labels, entry, &ranked.scores), ranked.reason);
        }
    }

    #[test]
    fn welsh_registers_get_welsh_labels() {
        let report = layout(&welsh(), &ReportOptions::default());
        let text = report.text();
        for label in [
            "Crynodeb",
            "Y gofrestr",
            "Dull",
            "Mater Pryder Lliniaru",
            "Tudalen 1 o ",
            "Trefn blaenoriaeth",
            "hanfodol; gweddilliol 6 (privacy); cynhenid 12 (privacy)",
        ] {
            assert!(text.contains(label), "{label} missing:\n{text}");
        }
        assert!(!text.contains("Page 1 of"), "{text}");
        assert!(
            text.contains("Rhannu cofnodion â’r Gŵyr – ŵ ŷ â ê î ô û ï ë"),
            "{text}"
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
    fn nothing_is_clipped_or_overlapping() {
        for register in [bundled(), with_long_concern(), welsh()] {
            let report = layout(&register, &ReportOptions::default());
            for (page_idx, page) in report.pages.iter().enumerate() {
                let boxes: Vec<(f32, f32, f32, f32, &str)> = text_runs(page)
                    .map(|run| {
                        let width = metrics::width(&run.text, run.face, run.size);
                        let cap = metrics::cap_height(run.face) * run.size;
                        (
                            run.x,
                            run.x + width,
                            run.baseline - cap,
                            run.baseline + 0.2 * run.size,
                            run.text.as_str(),
                        )
                    })
                    .collect();
                for (left, right, top, bottom, text) in &boxes {
                    assert!(
                        *left >= MARGIN_X - 0.01 && *right <= PAGE_WIDTH - MARGIN_X + 0.01,
                        "page {}: `{text}` runs outside the margins ({left}–{right})",
                        page_idx + 1
                    );
                    assert!(
                        *top > 0.0 && *bottom < PAGE_HEIGHT,
                        "page {}: `{text}`",
                        page_idx + 1
                    );
                }
                for (idx, a) in boxes.iter().enumerate() {
                    for b in &boxes[idx + 1..] {
                        let overlaps = a.0 < b.1 - 0.01
                            && b.0 < a.1 - 0.01
                            && a.2 < b.3 - 0.01
                            && b.2 < a.3 - 0.01;
                        assert!(
                            !overlaps,
                            "page {}: `{}` overlaps `{}`",
                            page_idx + 1,
                            a.4,
                            b.4
                        );
                    }
                }
            }
        }
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

    #[test]
    fn the_public_edition_leaves_out_confidential_text_and_owners() {
        let mut register = bundled();
        register.metadata.marking = Marking::OfficialSensitive;
        let entry = &mut register.entries[0];
        entry.concern = "Zygmunt’s confidential concern".to_owned();
        entry.mitigations.push(Mitigation {
            owner: "Dorothea Owner".to_owned(),
            ..Mitigation::proposed("Secret plan Quux")
        });
        entry.confidential = [Field::Concern, Field::Mitigations].into();
        let options = ReportOptions {
            edition: Edition::Public,
            ..ReportOptions::default()
        };
        let report = layout(&register, &options);
        let text = report.text();
        for secret in ["Zygmunt", "Quux", "Dorothea", &bundled().metadata.owner] {
            assert!(!text.contains(secret), "`{secret}` in the public edition");
            assert!(
                !format!("{:?}", report.info).contains(secret),
                "`{secret}` in metadata"
            );
        }
        assert!(text.contains("[REDACTED]"), "{text}");
        assert!(
            text.starts_with("--- page 1 ---\nOFFICIAL-SENSITIVE · PUBLIC EDITION · REDACTED\n"),
            "{text}"
        );
        let full = layout(&register, &ReportOptions::default()).text();
        assert!(
            full.contains("Zygmunt") && full.contains("Dorothea"),
            "the full edition keeps them"
        );
    }

    #[test]
    fn a_changes_section_is_laid_out_when_given() {
        let options = ReportOptions {
            changes: Some(ChangesSection {
                since_label: "v0.9".to_owned(),
                summary: "1 added, 0 removed, 1 changed".to_owned(),
                groups: vec![
                    ChangeGroup {
                        heading: "Added".to_owned(),
                        lines: vec!["LEDS-013 (LEDS): Retention of ANPR reads".to_owned()],
                    },
                    ChangeGroup {
                        heading: "Rank movements".to_owned(),
                        lines: vec!["PND-001 (Uneven retention): rank 3 → 1".to_owned()],
                    },
                ],
            }),
            ..ReportOptions::default()
        };
        let report = layout(&bundled(), &options);
        let text = report.text();
        let at = text
            .find("Changes since v0.9\n1 added, 0 removed, 1 changed\nAdded\n")
            .unwrap();
        assert!(
            text[at..].contains("• LEDS-013 (LEDS): Retention of ANPR reads\nRank movements\n• PND-001 (Uneven retention): rank 3 → 1"),
            "{text}"
        );
        assert!(
            text.find("\nThe register\n").unwrap() > at,
            "changes come before the register"
        );
        assert!(
            report
                .outline
                .iter()
                .any(|b| b.title == "Changes since v0.9")
        );
        assert!(
            !layout(&bundled(), &ReportOptions::default())
                .text()
                .contains("Changes since")
        );
    }

    #[test]
    fn the_outline_points_at_each_section() {
        let report = layout(&bundled(), &ReportOptions::default());
        let titles: Vec<&str> = report.outline.iter().map(|b| b.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Summary",
                "Priority order",
                "The register",
                "PND · Police National Database",
                "PNC · Police National Computer",
                "LEDS · Law Enforcement Data Service",
                "HOB · Home Office Biometrics",
                "NRMP · National Register of Missing Persons",
                "Method"
            ]
        );
        for bookmark in &report.outline {
            assert!(
                report.pages[bookmark.page_idx]
                    .text()
                    .contains(&bookmark.title),
                "{bookmark:?}"
            );
        }
    }

    #[test]
    fn layout_is_repeatable_and_takes_its_date_from_the_options() {
        let options = ReportOptions {
            produced: Some("2020-06-30T12:00:00Z".parse().unwrap()),
            ..ReportOptions::default()
        };
        let first = layout(&bundled(), &options);
        assert_eq!(first, layout(&bundled(), &options));
        assert!(
            first.text().contains("Produced with dpia-register"),
            "{}",
            first.text()
        );
        assert!(
            first.text().contains(" on 30 June 2020."),
            "{}",
            first.text()
        );
    }

    #[test]
    fn a_long_title_is_cut_in_the_footer_to_fit() {
        let mut register = bundled();
        register.metadata.title = "A very long title ".repeat(12);
        let report = layout(&register, &ReportOptions::default());
        let footer = report.pages[0]
            .text()
            .lines()
            .rev()
            .nth(1)
            .unwrap()
            .to_owned();
        assert!(footer.starts_with("A very long title A very"), "{footer}");
        assert!(footer.contains("… Page 1 of "), "{footer}");
        assert_eq!(
            ellipsised("short", NOTE, 100.0),
            "short",
            "what fits is left alone"
        );
    }

    #[test]
    fn an_empty_register_still_makes_a_paper() {
        let mut register = Register::default();
        register.entries.clear();
        let report = layout(&register, &ReportOptions::default());
        let text = report.text();
        assert!(
            text.contains("Summary") && text.contains("Method"),
            "{text}"
        );
        let entry = Entry::new(
            EntryId::parse("XYZ-001").unwrap(),
            dpia_core::register::SystemId::parse("XYZ").unwrap(),
            "An entry whose system is missing",
        );
        register.entries.push(entry);
        let text = layout(&register, &ReportOptions::default()).text();
        assert!(
            text.contains("XYZ · Entries whose system is not in the register"),
            "{text}"
        );
    }
}
