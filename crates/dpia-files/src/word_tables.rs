//! A Word register's tables as entries: today's registers are Word documents with an
//! Issue | Concern | Mitigation table per system, and this is their way in (`import-docx`).
//!
//! A table is read when its header row names Issue, Concern and Mitigation (in any order, case
//! and spaces ignored, in English or Welsh as the papers print them: Mater, Pryder, Lliniaru);
//! other columns are reported and skipped, except System. Each row's system is its System cell,
//! else the last row above it that holds nothing but a known system's name (as a row across
//! the table), else the nearest heading above the table, or a heading it sits under, that names
//! a known system. Each row that is unusable is a `RowProblem`; the caller decides whether that
//! stops the import. This module does no I/O: `docx_file` reads the document.

use std::fmt;
use std::path::{Path, PathBuf};

use dpia_core::register::{Entry, EntryId, Mitigation, Register, Source, System, SystemId};

use crate::docx_file::{self, Block, Body, WordCell, WordTable};
use crate::entry_rows::{self, ParsedRow};
use crate::limits;
use crate::problem::Problem;

/// The systems every register of the programme knows, with their names.
pub const KNOWN_SYSTEMS: [(&str, &str); 4] = [
    ("PND", "Police National Database"),
    ("PNC", "Police National Computer"),
    ("LEDS", "Law Enforcement Data Service"),
    ("HOB", "Home Office Biometrics"),
];

/// The header words of each column read, as matched (lower case, letters and digits only):
/// English, and Welsh as `dpia-report`'s labels print them (a test holds the two together).
pub const HEADER_WORDS: [(Column, &[&str]); 4] = [
    (Column::Issue, &["issue", "issues", "mater", "materion"]),
    (
        Column::Concern,
        &["concern", "concerns", "pryder", "pryderon"],
    ),
    (
        Column::Mitigation,
        &["mitigation", "mitigations", "lliniaru", "mesurauliniaru"],
    ),
    (Column::System, &["system", "systems", "systemau"]),
];

/// A column of a register table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// The issue's short title.
    Issue,
    /// The concern, in full.
    Concern,
    /// What is done about it.
    Mitigation,
    /// The system it is about.
    System,
}

/// What was read from a Word register.
#[derive(Debug, Clone)]
pub struct WordImport {
    /// The register with the entries added.
    pub register: Register,
    /// How many tables were read as register tables.
    pub num_tables: usize,
    /// How many rows they hold (header rows, empty rows and system rows left out).
    pub num_rows: usize,
    /// How many entries each system got, in the register's order of systems.
    pub per_system: Vec<(SystemId, usize)>,
    /// The rows that could not be used; none of them is in `register`.
    pub problems: Vec<RowProblem>,
    /// What was left out on purpose (extra columns, tables that are nearly register tables).
    pub notes: Vec<TableNote>,
}

/// A row that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// The table's number in the document, from 1 (every table of the body counts).
    pub table: usize,
    /// The row's number in its table, from 1 (the header row is 1).
    pub row: usize,
    /// What is wrong.
    pub problem: Problem,
}

/// Something about a table that was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableNote {
    /// The table's number in the document, from 1.
    pub table: usize,
    /// What was left out.
    pub message: String,
}

/// Why a Word register could not be imported. Nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The document could not be read.
    #[error(transparent)]
    Read(#[from] docx_file::ReadError),
    /// Some rows could not be used; each is listed.
    #[error("{}", Problems { path, problems })]
    Rows {
        /// The file.
        path: PathBuf,
        /// Each unusable row.
        problems: Vec<RowProblem>,
    },
    /// No table's header names Issue, Concern and Mitigation.
    #[error(
        "{}: no table whose header row names Issue, Concern and Mitigation (or Mater, Pryder and Lliniaru)",
        path.display()
    )]
    NoTables {
        /// The file.
        path: PathBuf,
    },
}

struct Problems<'a> {
    path: &'a Path,
    problems: &'a [RowProblem],
}

impl fmt::Display for Problems<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (idx, problem) in self.problems.iter().enumerate() {
            if idx > 0 {
                writeln!(f)?;
            }
            write!(f, "{}: {problem}", self.path.display())?;
        }
        Ok(())
    }
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "table {} row {}: {}", self.table, self.row, self.problem)
    }
}

impl fmt::Display for TableNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "table {}: {}", self.table, self.message)
    }
}

impl WordImport {
    /// What was read, in one line: `4 tables, 27 rows → 27 entries: PND 4, PNC 4, LEDS 13, HOB 6`.
    pub fn summary(&self) -> String {
        let counts: Vec<String> = self
            .per_system
            .iter()
            .map(|(system, count)| format!("{system} {count}"))
            .collect();
        let num_entries: usize = self.per_system.iter().map(|(_, count)| count).sum();
        format!(
            "{} table{}, {} row{} → {num_entries} entr{}{}{}{}",
            self.num_tables,
            plural(self.num_tables),
            self.num_rows,
            plural(self.num_rows),
            if num_entries == 1 { "y" } else { "ies" },
            if self.problems.is_empty() {
                String::new()
            } else {
                format!(" ({} skipped)", self.problems.len())
            },
            if counts.is_empty() { "" } else { ": " },
            counts.join(", ")
        )
    }
}

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

/// The Word document at `path` read into `base`: every register table's usable rows as new
/// entries (ids issued per system), `systems` known besides `KNOWN_SYSTEMS` and `base`'s. Rows
/// that cannot be used are `WordImport::problems`, for the caller to refuse or skip.
pub fn import(
    path: &Path,
    base: &Register,
    systems: &[SystemId],
) -> Result<WordImport, ImportError> {
    let body = docx_file::read(path)?;
    read_body(&body, base, systems, path)
}

/// `import` of a body already read; `path` names the document in messages and entries' source.
pub fn read_body(
    body: &Body,
    base: &Register,
    systems: &[SystemId],
    path: &Path,
) -> Result<WordImport, ImportError> {
    let known = Known::new(base, systems);
    let mut reading = Reading::default();
    let mut table_number = 0;
    for (block_idx, block) in body.blocks.iter().enumerate() {
        let Block::Table(table) = block else {
            continue;
        };
        table_number += 1;
        let heading_system = heading_system(&body.blocks[..block_idx], &known);
        reading.table(table, table_number, &heading_system, &known);
    }
    if reading.num_tables == 0 {
        return Err(ImportError::NoTables {
            path: path.to_owned(),
        });
    }
    let source = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut register = base.clone();
    let mut rows = Vec::new();
    for (number, mut entry) in reading.entries.into_iter().enumerate() {
        if register.system(&entry.system).is_none() {
            let name = known.name(&entry.system);
            register.systems.push(System {
                id: entry.system.clone(),
                name,
                description: String::new(),
            });
        }
        entry.source = Source {
            document: source.clone(),
            date: None,
        };
        rows.push((
            number as u64,
            ParsedRow {
                id_given: None,
                entry,
            },
        ));
    }
    let register = entry_rows::add_rows(&register, rows).map_err(|problems| ImportError::Rows {
        path: path.to_owned(),
        problems: problems
            .into_iter()
            .map(|(_, problem)| RowProblem {
                table: 0,
                row: 0,
                problem,
            })
            .collect(),
    })?;
    let per_system = register
        .systems
        .iter()
        .filter_map(|system| {
            let added = register
                .entries
                .iter()
                .skip(base.entries.len())
                .filter(|entry| entry.system == system.id)
                .count();
            (added > 0).then(|| (system.id.clone(), added))
        })
        .collect();
    Ok(WordImport {
        register,
        num_tables: reading.num_tables,
        num_rows: reading.num_rows,
        per_system,
        problems: reading.problems,
        notes: reading.notes,
    })
}

/// The systems a heading or a row can name: their ids and names.
struct Known {
    systems: Vec<(SystemId, String)>,
}

impl Known {
    fn new(base: &Register, extra: &[SystemId]) -> Self {
        let mut systems: Vec<(SystemId, String)> = Vec::new();
        let mut add = |id: SystemId, name: String| {
            if !systems.iter().any(|(known, _)| *known == id) {
                systems.push((id, name));
            }
        };
        for system in &base.systems {
            add(system.id.clone(), system.name.clone());
        }
        for (id, name) in KNOWN_SYSTEMS {
            if let Ok(id) = SystemId::parse(id) {
                add(id, name.to_owned());
            }
        }
        for id in extra {
            add(id.clone(), id.to_string());
        }
        Self { systems }
    }

    /// The known systems `text` names (by id or name, as whole words, case ignored).
    fn named_in(&self, text: &str) -> Vec<SystemId> {
        self.systems
            .iter()
            .filter(|(id, name)| names(text, id.as_str()) || names(text, name))
            .map(|(id, _)| id.clone())
            .collect()
    }

    /// The system `text` is nothing but the id of, if any.
    fn exactly(&self, text: &str) -> Option<SystemId> {
        let text = text.trim().trim_end_matches(':').trim();
        self.systems
            .iter()
            .find(|(id, name)| {
                id.as_str().eq_ignore_ascii_case(text) || name.eq_ignore_ascii_case(text)
            })
            .map(|(id, _)| id.clone())
    }

    fn name(&self, id: &SystemId) -> String {
        self.systems
            .iter()
            .find(|(known, _)| known == id)
            .map_or_else(|| id.to_string(), |(_, name)| name.clone())
    }

    fn list(&self) -> String {
        let ids: Vec<&str> = self.systems.iter().map(|(id, _)| id.as_str()).collect();
        ids.join(", ")
    }
}

/// Whether `text` holds `word` as a whole word (no letter or digit either side), case ignored.
fn names(text: &str, word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    let text = text.to_lowercase();
    let word = word.to_lowercase();
    text.match_indices(&word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// What the headings above a table say of its system.
#[derive(Debug, Clone, PartialEq, Eq)]
enum HeadingSystem {
    /// No heading above it names a known system.
    None,
    /// The heading that names one.
    One(SystemId),
    /// The nearest heading naming any names more than one.
    Several(String),
}

/// The system of the nearest heading above a table that names one: the headings it sits
/// under only (a heading at the same or a lower level than a nearer one closes that section).
fn heading_system(before: &[Block], known: &Known) -> HeadingSystem {
    let mut level_in_force = u8::MAX;
    for block in before.iter().rev() {
        let Block::Heading { level, text } = block else {
            continue;
        };
        if *level >= level_in_force {
            continue;
        }
        level_in_force = *level;
        match known.named_in(text).as_slice() {
            [] => {}
            [one] => return HeadingSystem::One(one.clone()),
            _ => return HeadingSystem::Several(text.clone()),
        }
    }
    HeadingSystem::None
}

#[derive(Default)]
struct Reading {
    num_tables: usize,
    num_rows: usize,
    entries: Vec<Entry>,
    problems: Vec<RowProblem>,
    notes: Vec<TableNote>,
}

/// A header cell's place and what it is.
struct HeaderCell {
    column: usize,
    span: usize,
    role: Option<Column>,
}

/// What a register table's header row says: where each column read is, and the grid's width.
struct Header {
    /// The first header cell of each column read.
    columns: Vec<HeaderCell>,
    width: usize,
}

impl Header {
    /// The text of a row's cells under `wanted`'s header cell, joined with line breaks.
    fn text(&self, row: &[WordCell], wanted: Column) -> String {
        let Some(head) = self.columns.iter().find(|cell| cell.role == Some(wanted)) else {
            return String::new();
        };
        let texts: Vec<&str> = row
            .iter()
            .filter(|cell| cell.column >= head.column && cell.column < head.column + head.span)
            .map(|cell| cell.text.as_str())
            .filter(|text| !text.is_empty())
            .collect();
        texts.join("\n")
    }
}

/// What a row of a register table is.
enum RowKind {
    /// Nothing in it, or the header typed again.
    Skipped,
    /// A row naming the system of the rows below it.
    System(SystemId),
    /// A row across the table that names no known system.
    UnknownSystem(String),
    /// A row to read as an entry.
    Entry,
}

impl Reading {
    fn table(
        &mut self,
        table: &WordTable,
        number: usize,
        heading_system: &HeadingSystem,
        known: &Known,
    ) {
        let Some(header) = self.header(table, number) else {
            return;
        };
        self.num_tables += 1;
        let mut row_system: Option<SystemId> = None;
        for (row_idx, row) in table.rows.iter().enumerate().skip(1) {
            let problem = |problem: Problem| RowProblem {
                table: number,
                row: row_idx + 1,
                problem,
            };
            match row_kind(row, header.width, known) {
                RowKind::Skipped => {}
                RowKind::System(system) => row_system = Some(system),
                RowKind::UnknownSystem(text) => {
                    self.num_rows += 1;
                    self.problems.push(problem(Problem::UnknownSystemRow {
                        text: limits::excerpt(&text),
                        known: known.list(),
                    }));
                }
                RowKind::Entry => {
                    self.num_rows += 1;
                    let system = row_system.as_ref().map_or_else(
                        || heading_system.clone(),
                        |system| HeadingSystem::One(system.clone()),
                    );
                    match entry(&header, row, &system, known) {
                        Ok(entry) => self.entries.push(entry),
                        Err(err) => self.problems.push(problem(err)),
                    }
                }
            }
        }
    }

    /// The header of `table` if it is a register table (noting its extra columns), else `None`
    /// (noting a table that names two of the three columns).
    fn header(&mut self, table: &WordTable, number: usize) -> Option<Header> {
        let cells = table.rows.first()?;
        let header: Vec<HeaderCell> = cells
            .iter()
            .map(|cell| HeaderCell {
                column: cell.column,
                span: cell.span,
                role: role(&cell.text),
            })
            .collect();
        let has = |wanted: Column| header.iter().any(|cell| cell.role == Some(wanted));
        let main = [Column::Issue, Column::Concern, Column::Mitigation];
        let missing: Vec<&str> = main
            .into_iter()
            .filter(|c| !has(*c))
            .map(column_word)
            .collect();
        if missing.len() == 1 {
            self.notes.push(TableNote {
                table: number,
                message: format!("not read: its header row has no {} column", missing[0]),
            });
        }
        if !missing.is_empty() {
            return None;
        }
        let width = header
            .iter()
            .map(|cell| cell.column + cell.span)
            .max()
            .unwrap_or(0);
        let mut columns: Vec<HeaderCell> = Vec::new();
        for (cell, text) in header.into_iter().zip(cells.iter().map(|c| &c.text)) {
            match cell.role {
                Some(role) if !columns.iter().any(|c| c.role == Some(role)) => columns.push(cell),
                _ if text.is_empty() => {}
                _ => self.notes.push(TableNote {
                    table: number,
                    message: format!("column `{}` is not read", limits::excerpt(text)),
                }),
            }
        }
        Some(Header { columns, width })
    }
}

/// What `row` is: a row naming a system (its only text is a known system, or it spans the
/// table and names one), a row spanning the table that names none, nothing, or an entry.
fn row_kind(row: &[WordCell], width: usize, known: &Known) -> RowKind {
    let filled: Vec<&WordCell> = row.iter().filter(|c| !c.text.is_empty()).collect();
    if filled.is_empty() {
        return RowKind::Skipped;
    }
    if let [only] = filled.as_slice() {
        if let Some(system) = known.exactly(&only.text) {
            return RowKind::System(system);
        }
        if only.column == 0 && only.span >= width {
            return match known.named_in(&only.text).as_slice() {
                [one] => RowKind::System(one.clone()),
                _ => RowKind::UnknownSystem(only.text.clone()),
            };
        }
    }
    // A header row typed again further down (tables pasted together) is not an entry.
    if filled.iter().all(|cell| role(&cell.text).is_some()) {
        return RowKind::Skipped;
    }
    RowKind::Entry
}

/// The entry `row` holds, its system from its System cell or else `system` (the row above's or
/// the heading's); or what makes it unusable.
fn entry(
    header: &Header,
    row: &[WordCell],
    system: &HeadingSystem,
    known: &Known,
) -> Result<Entry, Problem> {
    let system_cell = header.text(row, Column::System);
    let system = if system_cell.is_empty() {
        match system {
            HeadingSystem::One(system) => system.clone(),
            HeadingSystem::Several(heading) => {
                return Err(Problem::SeveralSystems {
                    heading: limits::excerpt(heading),
                });
            }
            HeadingSystem::None => {
                return Err(Problem::NoSystem {
                    known: known.list(),
                });
            }
        }
    } else {
        SystemId::parse(&system_cell).map_err(|error| Problem::SystemCell {
            text: limits::excerpt(&system_cell),
            error,
        })?
    };
    let issue = header.text(row, Column::Issue);
    if issue.is_empty() {
        return Err(Problem::IssueCellEmpty);
    }
    let placeholder = EntryId::parse("new-0")?;
    let mut entry = Entry::new(placeholder, system, issue);
    entry.concern = header.text(row, Column::Concern);
    let mitigation = header.text(row, Column::Mitigation);
    if !mitigation.is_empty() {
        entry.mitigations.push(Mitigation::proposed(mitigation));
    }
    Ok(entry)
}

/// The column a header cell's text names, if any.
fn role(text: &str) -> Option<Column> {
    let word: String = text
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    HEADER_WORDS
        .iter()
        .find(|(_, words)| words.contains(&word.as_str()))
        .map(|(column, _)| *column)
}

fn column_word(column: Column) -> &'static str {
    match column {
        Column::Issue => "Issue",
        Column::Concern => "Concern",
        Column::Mitigation => "Mitigation",
        Column::System => "System",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(column: usize, span: usize, text: &str) -> WordCell {
        WordCell {
            column,
            span,
            text: text.to_owned(),
        }
    }

    fn row(texts: &[&str]) -> Vec<WordCell> {
        texts
            .iter()
            .enumerate()
            .map(|(idx, text)| cell(idx, 1, text))
            .collect()
    }

    fn heading(level: u8, text: &str) -> Block {
        Block::Heading {
            level,
            text: text.to_owned(),
        }
    }

    fn read(blocks: Vec<Block>, systems: &[&str]) -> WordImport {
        let systems: Vec<SystemId> = systems
            .iter()
            .map(|s| SystemId::parse(s).unwrap())
            .collect();
        read_body(
            &Body { blocks },
            &Register::default(),
            &systems,
            Path::new("w.docx"),
        )
        .unwrap()
    }

    #[test]
    fn headers_are_matched_in_any_order_and_in_welsh() {
        assert_eq!(role(" Mitigations "), Some(Column::Mitigation));
        assert_eq!(role("PRYDER"), Some(Column::Concern));
        assert_eq!(role("Mater:"), Some(Column::Issue));
        assert_eq!(role("Owner"), None);
        let import = read(
            vec![
                heading(1, "Police National Computer"),
                Block::Table(WordTable {
                    rows: vec![
                        row(&["Lliniaru", "Mater", "Pryder", "Owner"]),
                        row(&["Adolygiad", "Delweddau", "Cedwir", "Siân"]),
                    ],
                }),
            ],
            &[],
        );
        assert_eq!(import.summary(), "1 table, 1 row → 1 entry: PNC 1");
        let entry = &import.register.entries[0];
        assert_eq!(entry.id.as_str(), "PNC-001");
        assert_eq!(
            (entry.issue.as_str(), entry.concern.as_str()),
            ("Delweddau", "Cedwir")
        );
        assert_eq!(entry.mitigations[0].text, "Adolygiad");
        assert_eq!(
            import.notes,
            vec![TableNote {
                table: 1,
                message: "column `Owner` is not read".to_owned()
            }]
        );
        assert_eq!(import.register.systems[0].name, "Police National Computer");
    }

    #[test]
    fn a_heading_names_the_system_of_the_tables_in_its_section_only() {
        let table = || {
            Block::Table(WordTable {
                rows: vec![
                    row(&["Issue", "Concern", "Mitigation"]),
                    row(&["A", "", ""]),
                ],
            })
        };
        let import = read(
            vec![
                heading(1, "LEDS"),
                heading(2, "Concerns"),
                table(),
                heading(1, "Annex"),
                table(),
            ],
            &[],
        );
        assert_eq!(import.per_system.len(), 1, "{}", import.summary());
        assert_eq!(import.problems.len(), 1, "the Annex table has no system");
        assert_eq!((import.problems[0].table, import.problems[0].row), (2, 2));
        assert!(
            matches!(import.problems[0].problem, Problem::NoSystem { .. }),
            "{:?}",
            import.problems
        );
    }

    #[test]
    fn rows_across_the_table_set_the_system_of_the_rows_below() {
        let import = read(
            vec![Block::Table(WordTable {
                rows: vec![
                    row(&["Issue", "Concern", "Mitigation"]),
                    vec![cell(0, 3, "ANPR")],
                    row(&["A", "a", "m"]),
                    row(&["PND", "", ""]),
                    row(&["B", "b", ""]),
                    row(&["Issue", "Concern", "Mitigation"]),
                    vec![cell(0, 3, "Other matters")],
                ],
            })],
            &["ANPR"],
        );
        assert_eq!(
            import.summary(),
            "1 table, 3 rows → 2 entries (1 skipped): ANPR 1, PND 1"
        );
        assert_eq!(
            import.problems[0].row, 7,
            "the repeated header row is not counted"
        );
    }

    #[test]
    fn a_table_missing_one_of_the_three_columns_is_noted_not_read() {
        let err = read_body(
            &Body {
                blocks: vec![Block::Table(WordTable {
                    rows: vec![row(&["Issue", "Concern", "Owner"])],
                })],
            },
            &Register::default(),
            &[],
            Path::new("w.docx"),
        )
        .unwrap_err();
        assert!(
            err.to_string().starts_with("w.docx: no table whose header"),
            "{err}"
        );
    }
}
