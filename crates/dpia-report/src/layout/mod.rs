//! What goes on which page: the cover, the summary, the change log, the workshop outcome, the
//! action log, the register table for each system, and the method, with the marking and page numbers on every page.
//!
//! Pure: a register and options in, a `Report` out; the same input always gives the same pages.
//! Measures text with `metrics` and stacks it with `flow`; draws nothing itself. This module runs
//! the sections in order and holds the small pieces they share (headings, cells, bullets); each
//! section is its own module, in the order it comes in the paper.

mod accepted_risks;
mod action_log;
mod approvals;
mod cover;
mod cover_status;
mod method;
mod register_table;
mod rights_matrix;
mod running;
mod style;
mod summary;
pub(crate) mod workshop_outcome;

use crate::flow::{self, Flow, Frame, Inline, LineBox, Row, Style, Table};
use crate::labels::{Labels, labels};
use crate::metrics::{self, Face};
use crate::page::{Bookmark, DocumentInfo, Item, Page, Report, Role, Tag, TextRun};
use crate::public::{self, Edition};
use crate::{Progress, ReportOptions};
use dpia_core::palette;
use dpia_core::ranking::{Ranked, rank};
use dpia_core::register::{Register, SystemId};
use dpia_core::scoring::{EntryScores, Score};
use dpia_core::snapshot::Checksum;
use running::Furniture;
use style::{
    BODY, BULLET_INDENT, CONTENT_BOTTOM, CONTENT_TOP, CONTENT_WIDTH, H1, H2, MARGIN_X, NOTE, SMALL,
    TABLE_HEAD, leading,
};

/// Lays out the paper for `register`; in the public edition, the register is redacted first (and
/// marked as stated, or left as it is where `crate::shown` would refuse: layout draws whatever it
/// is given, `export` is where the refusal is).
pub fn layout(register: &Register, options: &ReportOptions) -> Report {
    let shown = crate::shown(register, options)
        .unwrap_or_else(|_| public::edition(register, options.edition));
    let digest = dpia_core::register_text::to_text(&shown)
        .ok()
        .map(|text| Checksum::of_text(&text));
    let mut pages = Vec::new();
    let laid = layout_edition(&shown, options, digest, &mut |_| {}, &mut |page| {
        pages.push(page);
    });
    Report {
        info: laid.info,
        pages,
        outline: laid.outline,
        attachment: None,
    }
}

/// A paper laid out and its pages handed on: what is left to write once the pages are.
pub(crate) struct Laid {
    /// The document's metadata.
    pub info: DocumentInfo,
    /// Bookmarks for the PDF reader's outline, in page order.
    pub outline: Vec<Bookmark>,
    /// How many pages were handed on.
    pub num_pages: usize,
}

/// Lays out an already redacted (or full) register, reporting progress through the entries and
/// handing each page to `sink` as soon as it is finished, with its marking and footer; the cover
/// shows `digest`, that of the register text the paper carries.
///
/// Every footer says "Page N of M", so the paper is laid out twice: once to count its pages,
/// keeping none of them, and once to hand them on. Layout is a small part of making a paper, and
/// no page need be kept until the count is known.
pub(crate) fn layout_edition(
    register: &Register,
    options: &ReportOptions,
    digest: Option<Checksum>,
    progress: &mut dyn FnMut(Progress),
    sink: &mut dyn FnMut(Page),
) -> Laid {
    let counted = lay_out(register, options, digest, &mut |_| {}, None, &mut |_| {});
    lay_out(
        register,
        options,
        digest,
        progress,
        Some(counted.num_pages),
        sink,
    )
}

/// One layout of the paper, handing on each page, with its furniture once `num_pages` is known.
fn lay_out(
    register: &Register,
    options: &ReportOptions,
    digest: Option<Checksum>,
    progress: &mut dyn FnMut(Progress),
    num_pages: Option<usize>,
    sink: &mut dyn FnMut(Page),
) -> Laid {
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
        furniture: num_pages
            .map(|num_pages| Furniture::new(register, labels, options.edition, num_pages)),
        sink,
        pages_handed_on: 0,
        ranked,
        rank_of,
        digest,
        flow: Flow::new(Frame {
            left: MARGIN_X,
            width: CONTENT_WIDTH,
            top: CONTENT_TOP,
            bottom: CONTENT_BOTTOM,
        }),
    };
    paper.cover();
    paper.summary();
    paper.approvals();
    paper.accepted_risks();
    paper.changes();
    paper.workshop_outcome();
    paper.action_log();
    paper.hand_on();
    paper.register_tables(progress);
    paper.method();
    let (pages, outline) = paper.flow.finish();
    for page in pages {
        paper.hand_on_page(page);
    }
    Laid {
        info: document_info(register, labels, options),
        outline,
        num_pages: paper.pages_handed_on,
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
    /// What runs on every page, once the page count is known.
    furniture: Option<Furniture>,
    /// Where finished pages go.
    sink: &'a mut dyn FnMut(Page),
    /// How many pages went there.
    pages_handed_on: usize,
    ranked: Vec<Ranked>,
    /// The rank of each entry, by entry index.
    rank_of: Vec<usize>,
    /// The digest of the register text the paper carries, shown on the cover.
    digest: Option<Checksum>,
    flow: Flow,
}

impl Paper<'_> {
    /// Hands the finished pages on.
    fn hand_on(&mut self) {
        for page in self.flow.take_finished() {
            self.hand_on_page(page);
        }
    }

    /// Hands on the next page, with its furniture.
    fn hand_on_page(&mut self, mut page: Page) {
        if let Some(furniture) = &self.furniture {
            furniture.add(&mut page, self.pages_handed_on);
        }
        self.pages_handed_on += 1;
        (self.sink)(page);
    }

    fn h1(&mut self, text: &str) {
        self.flow.new_page();
        self.flow.bookmark(text);
        self.flow.lines(&flow::tagged(
            Tag::new(Role::H1),
            flow::paragraph(text, H1, CONTENT_WIDTH, leading(H1) + 4.0),
        ));
        self.flow.space(6.0);
    }

    fn h2(&mut self, text: &str) {
        self.flow.space(12.0);
        let lines = flow::paragraph(text, H2, CONTENT_WIDTH, leading(H2) + 2.0);
        // Keep a heading with a few lines of what follows; a table that follows takes it along.
        self.flow.heading(Role::H2, &lines, 3.0 * leading(BODY));
        self.flow.space(3.0);
    }

    fn text(&mut self, text: &str, style: Style) {
        self.flow
            .lines(&flow::paragraph(text, style, CONTENT_WIDTH, leading(style)));
    }

    /// A two-column list of labels and their values, as the cover's details are shown.
    fn details_table(&mut self, details: Vec<(&str, String)>) {
        self.details_table_in(
            details
                .into_iter()
                .map(|(label, value)| (label, value, None))
                .collect(),
        );
    }

    /// `details_table` with each value's language where it is not the paper's (`Tag::lang`).
    fn details_table_in(&mut self, details: Vec<(&str, String, Option<&'static str>)>) {
        let mut table = Table::new(vec![130.0, CONTENT_WIDTH - 130.0], Vec::new());
        table.pad_x = 0.0;
        table.pad_y = 4.0;
        table.has_row_headers = true;
        let label_style = Style {
            face: Face::Bold,
            size: 9.0,
            colour: palette::MUTED,
        };
        let rows = details
            .into_iter()
            .map(|(label, value, lang)| {
                Row::new(vec![
                    flow::paragraph(label, label_style, table.inner_width(0), leading(BODY)),
                    in_lang(lang, cell(&value, BODY, table.inner_width(1))),
                ])
            })
            .collect();
        self.flow.table_body(&table, rows);
    }

    fn scores(&self, entry_idx: usize) -> Option<&EntryScores> {
        let rank = self.rank_of.get(entry_idx)?;
        self.ranked
            .get(rank.checked_sub(1)?)
            .map(|ranked| &ranked.scores)
    }

    /// The language of a right's name where it is not the paper's: in a Welsh paper, a right still
    /// under its default English name. (Rights carry one name, in the words the register uses.)
    fn right_lang(&self, right: &dpia_core::register::RightId) -> Option<&'static str> {
        let is_default = dpia_core::register::default_right(right)
            .is_some_and(|default| default.name == self.register.right_name(right));
        self.english_in_welsh(is_default)
    }

    /// The language of text that is English whatever the paper's (a protective marking, a
    /// default English name), where `is_english` and the paper is not: `en-GB`.
    fn english_in_welsh(&self, is_english: bool) -> Option<&'static str> {
        let english = labels(dpia_core::register::Language::English);
        (is_english && self.labels.language != english.language).then_some(english.language_tag)
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
            self.flow.heading(Role::H2, &heading, 2.0 * leading(SMALL));
            self.flow.open(Tag::new(Role::L));
            for line in &group.lines {
                self.flow.lines(&bullet(line, SMALL, CONTENT_WIDTH));
                self.flow.space(1.5);
            }
            self.flow.close();
        }
    }
}

/// `lines` as a span in `lang`, where it is not the paper's language; else as they are.
fn in_lang(lang: Option<&'static str>, lines: Vec<LineBox>) -> Vec<LineBox> {
    match lang {
        Some(lang) => flow::tagged(Tag::span_in(lang), lines),
        None => lines,
    }
}

/// `items` as a figure a reader hears as `alt`.
fn figure(alt: String, items: Vec<Item>) -> Vec<Item> {
    std::iter::once(Item::Open(Tag {
        alt: Some(alt),
        ..Tag::new(Role::Figure)
    }))
    .chain(items)
    .chain([Item::Close])
    .collect()
}

/// A bulleted paragraph, a list item: `•` and the text indented beside it. The caller opens the
/// list (`Role::L`) around its items.
fn bullet(text: &str, style: Style, width: f32) -> Vec<LineBox> {
    bullet_with(text, style, width, Vec::new())
}

/// A list item whose body goes on after its text with `more`, lines already indented under it.
fn bullet_with(text: &str, style: Style, width: f32, more: Vec<LineBox>) -> Vec<LineBox> {
    let mut body: Vec<LineBox> =
        flow::paragraph(text, style, width - BULLET_INDENT, leading(style))
            .into_iter()
            .map(|line| line.indented(BULLET_INDENT))
            .collect();
    body.extend(more);
    let mut lines: Vec<LineBox> = flow::tagged(Tag::new(Role::LBody), body);
    if let Some(first) = lines.first_mut() {
        let dot = flow::paragraph(
            "•",
            style.with_colour(palette::MUTED),
            BULLET_INDENT,
            leading(style),
        );
        // The bullet goes first, so text is extracted in reading order; a screen reader announces
        // a list item itself, so the bullet is decoration (a list item's label is optional).
        let dot = dot.into_iter().flat_map(|line| line.items);
        let label = std::iter::once(Item::Open(Tag::new(Role::Artifact)))
            .chain(dot)
            .chain([Item::Close]);
        first.items.splice(0..0, label.collect::<Vec<_>>());
    }
    flow::tagged(Tag::new(Role::LI), lines)
}

fn cell(text: &str, style: Style, width: f32) -> Vec<LineBox> {
    flow::paragraph(text, style, width, leading(style))
}

fn head(text: &str, width: f32) -> Vec<LineBox> {
    cell(text, TABLE_HEAD, width)
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

#[cfg(test)]
mod test_util {
    use crate::page::{Item, Page, TextRun};
    use dpia_core::register::Register;
    use dpia_core::register_text;

    pub(super) fn bundled() -> Register {
        register_text::parse(include_str!(
            "../../../../registers/leds-hob-open-space.ron"
        ))
        .unwrap()
    }

    pub(super) fn welsh() -> Register {
        register_text::parse(include_str!("../../../../tests/fixtures/welsh.ron")).unwrap()
    }

    /// The bundled register with one entry's concern 10,000 characters long, numbered words
    /// `w0001`… with one 300-character word among them.
    pub(super) fn with_long_concern() -> Register {
        let mut register = bundled();
        let mut words: Vec<String> = (1..=1600).map(|n| format!("w{n:04}")).collect();
        words.insert(3, "x".repeat(300));
        let mut concern = words.join(" ");
        concern.truncate(10_000);
        register.entries[0].concern = concern;
        register
    }

    /// The bundled register with a long accepted rationale, printed as an approved snapshot whose
    /// approvals have long names, roles and conditions, one of them invalid.
    pub(super) fn with_long_sign_off() -> (Register, crate::ReportOptions) {
        use super::cover_status::tests::{approval, snapshot};
        use dpia_core::approval::Decision;
        use dpia_core::register::{AcceptanceDecision, RiskAcceptance};
        use dpia_core::signature::Verification;

        let mut register = bundled();
        let long = |word: &str, count: usize| vec![word; count].join(" ");
        let high = dpia_core::accountability::high_residuals(&register)[0]
            .entry
            .id
            .clone();
        if let Some(entry) = register.entries.iter_mut().find(|entry| entry.id == high) {
            entry.acceptance = Some(RiskAcceptance {
                decision: AcceptanceDecision::Accepted,
                name: long("Bartholomew-Featherstonehaugh", 4),
                role: long("Senior responsible owner", 3),
                date: "2026-12-01".parse().unwrap(),
                rationale: long("tolerable", 120),
            });
        }
        let mut first = approval(
            Decision::ApprovedWithConditions,
            Verification::Verified {
                principals: long("someone@example.org", 3).replace(' ', ","),
            },
        );
        first.name = long("Bartholomew-Featherstonehaugh", 5);
        first.role = long("Senior responsible owner sign-off", 3);
        first.conditions = long("condition", 400);
        let invalid = approval(
            Decision::Approved,
            Verification::Invalid(long("the snapshot changed", 20)),
        );
        let options = crate::ReportOptions {
            version: snapshot("v1.0"),
            approvals: vec![first, invalid],
            ..crate::ReportOptions::default()
        };
        (register, options)
    }

    pub(super) fn is_numbered_word(word: &str) -> bool {
        word.len() == 5 && word.starts_with('w') && word.chars().skip(1).all(|c| c.is_ascii_digit())
    }

    /// The text of every part of the paper tagged `role`, in reading order, as a reader hears
    /// it: its runs joined by spaces, a part continued across pages (under one key) joined into
    /// one, and page furniture (a repeated table header) left out.
    pub(super) fn part_texts(report: &crate::Report, role: crate::page::Role) -> Vec<String> {
        let mut parts: Vec<(Option<u32>, Vec<String>)> = Vec::new();
        // For each open part, the index of its text in `parts` if it is one of `role`.
        let mut open: Vec<Option<usize>> = Vec::new();
        let mut artifacts = 0_usize;
        for item in report.pages.iter().flat_map(|page| &page.items) {
            match item {
                Item::Open(tag) if artifacts > 0 || tag.role.is_artifact() => artifacts += 1,
                Item::Close if artifacts > 0 => artifacts -= 1,
                Item::Text(_) if artifacts > 0 => {}
                Item::Open(tag) if tag.role == role => {
                    let known = tag
                        .key
                        .and_then(|key| parts.iter().position(|(k, _)| *k == Some(key)));
                    open.push(Some(known.unwrap_or_else(|| {
                        parts.push((tag.key, Vec::new()));
                        parts.len() - 1
                    })));
                }
                Item::Open(_) => open.push(None),
                Item::Close => {
                    open.pop();
                }
                Item::Text(run) => {
                    for part_idx in open.iter().flatten() {
                        parts[*part_idx].1.push(run.text.clone());
                    }
                }
                Item::Rect(_) | Item::Rule(_) => {}
            }
        }
        parts
            .into_iter()
            .map(|(_, texts)| texts.join(" "))
            .collect()
    }

    pub(super) fn text_runs(page: &Page) -> impl Iterator<Item = &TextRun> {
        page.items.iter().filter_map(|item| match item {
            Item::Text(run) => Some(run),
            Item::Rect(_) | Item::Rule(_) | Item::Open(_) | Item::Close => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::test_util::{bundled, text_runs, welsh, with_long_concern, with_long_sign_off};
    use super::*;
    use crate::page::{PAGE_HEIGHT, PAGE_WIDTH};
    use crate::{ChangeGroup, ChangesSection};
    use dpia_core::register::{Entry, EntryId, Field, Marking, Mitigation};

    /// Every `Open` has its `Close`, in order, over the whole paper; a part may run across pages.
    fn assert_structure_balanced(report: &Report) {
        let mut depth: i64 = 0;
        for (page_idx, page) in report.pages.iter().enumerate() {
            let mut artifacts = 0_i64;
            for item in &page.items {
                match item {
                    Item::Open(tag) if tag.role.is_artifact() => artifacts += 1,
                    Item::Open(_) if artifacts > 0 => artifacts += 1,
                    Item::Open(_) => depth += 1,
                    Item::Close if artifacts > 0 => artifacts -= 1,
                    Item::Close => {
                        depth -= 1;
                        assert!(depth >= 0, "a Close with nothing open on page {page_idx}");
                    }
                    _ => {}
                }
            }
            assert_eq!(artifacts, 0, "an artifact left open on page {page_idx}");
        }
        assert_eq!(depth, 0, "parts left open at the end");
    }

    #[test]
    fn every_part_of_every_paper_is_closed() {
        for (register, options) in every_kind_of_paper() {
            assert_structure_balanced(&layout(&register, &options));
        }
    }

    #[test]
    fn headings_never_skip_a_level() {
        for (register, options) in every_kind_of_paper() {
            let report = layout(&register, &options);
            let mut last = 0;
            for item in report.pages.iter().flat_map(|page| &page.items) {
                let level = match item {
                    Item::Open(tag) if tag.role == Role::H1 => 1,
                    Item::Open(tag) if tag.role == Role::H2 => 2,
                    _ => continue,
                };
                assert!(
                    level <= last + 1,
                    "an H{level} after an H{last} in {:?}'s paper",
                    register.metadata.title
                );
                last = level;
            }
        }
    }

    /// A register and options for each kind of paper: full, public, with the action log, with
    /// changes, in Welsh, with long text and sign-off, and large.
    fn every_kind_of_paper() -> Vec<(Register, ReportOptions)> {
        let (long_sign_off, sign_off_options) = with_long_sign_off();
        let changes = ReportOptions {
            changes: Some(ChangesSection {
                since_label: "v0.9".to_owned(),
                summary: "1 added".to_owned(),
                groups: vec![ChangeGroup {
                    heading: "Added".to_owned(),
                    lines: vec!["LEDS-013 (LEDS): Retention of ANPR reads".to_owned()],
                }],
            }),
            ..ReportOptions::default()
        };
        vec![
            (bundled(), ReportOptions::default()),
            (
                bundled(),
                ReportOptions {
                    edition: crate::Edition::Public,
                    ..ReportOptions::default()
                },
            ),
            (
                bundled(),
                ReportOptions {
                    actions: true,
                    ..ReportOptions::default()
                },
            ),
            (welsh(), ReportOptions::default()),
            (with_long_concern(), ReportOptions::default()),
            (long_sign_off, sign_off_options),
            (
                dpia_core::synthetic::register(300, 7),
                ReportOptions::default(),
            ),
            (bundled(), changes),
        ]
    }

    #[test]
    fn headings_tables_lists_and_figures_are_tagged_and_the_furniture_is_not_content() {
        let report = layout(&bundled(), &ReportOptions::default());
        let tags: Vec<&Tag> = report
            .pages
            .iter()
            .flat_map(|page| &page.items)
            .filter_map(|item| match item {
                Item::Open(tag) => Some(tag),
                _ => None,
            })
            .collect();
        let count = |role: Role| tags.iter().filter(|tag| tag.role == role).count();
        assert!(count(Role::H1) >= 4, "the title and each section");
        assert!(count(Role::H2) >= 5);
        assert!(count(Role::Table) >= 5);
        assert!(count(Role::ColumnHeader) >= 3);
        assert!(count(Role::RowHeader) >= 5, "the cover's details");
        assert!(count(Role::LI) >= 29, "a mitigation is a list item");
        assert!(count(Role::LBody) >= 29);
        assert_eq!(count(Role::RunningHeader), report.pages.len());
        assert_eq!(count(Role::RunningFooter), report.pages.len());
        let figures: Vec<&&Tag> = tags.iter().filter(|tag| tag.role == Role::Figure).collect();
        assert_eq!(figures.len(), 2, "the heat maps and the method's grid");
        let heat_maps = figures[0].alt.as_deref().unwrap_or_default();
        assert!(
            heat_maps.starts_with("Heat map. Inherent: ") && heat_maps.contains("; Residual: "),
            "{heat_maps}"
        );
        assert!(
            heat_maps.contains(" × maximum"),
            "the counts by likelihood × severity: {heat_maps}"
        );
    }

    #[test]
    pub(super) fn welsh_registers_get_welsh_labels() {
        let report = layout(&welsh(), &ReportOptions::default());
        let text = report.text();
        for label in [
            "Crynodeb",
            "Y gofrestr",
            "Dull",
            "Mater Pryder Lliniaru",
            "Tudalen 1 o ",
            "Trefn blaenoriaeth",
            "hanfodol; gweddilliol 6 (Bywyd preifat a theuluol);",
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
    fn nothing_is_clipped_or_overlapping() {
        let signed_off = with_long_sign_off();
        for (register, options) in [
            (bundled(), ReportOptions::default()),
            (with_long_concern(), ReportOptions::default()),
            (welsh(), ReportOptions::default()),
            (
                bundled(),
                ReportOptions {
                    actions: true,
                    ..ReportOptions::default()
                },
            ),
            signed_off,
        ] {
            let report = layout(&register, &options);
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
                "Approvals",
                "Accepted risks",
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
