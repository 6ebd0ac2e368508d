//! What is wrong with a header, a row or a cell of a sheet or table being imported (a CSV file, a
//! workbook, an action log, a Word register), as data rather than text: the command line shows
//! each in English (`Display`), the app in its own language, with the same values.
//!
//! Values quoted from the file are cut (`limits::excerpt`) where the problem is made, so no
//! message repeats a huge bad value whole. Lists of accepted values (column names, statuses,
//! markings) are the words a sheet is written in, so they are given as they are typed.

use std::fmt;

use dpia_core::register::{DeadlineError, EntryId, IdError, RightId};

use crate::limits::{self, Excerpt};

/// One thing wrong with an imported header, row or cell.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// The problem is in the named column's cell: `system: …`.
    #[error("{column}: {problem}")]
    In {
        /// The column, as the sheet's header names it (`mitigation_due`, `when from`).
        column: &'static str,
        /// What is wrong in it.
        problem: Box<Problem>,
    },

    // --- A register sheet's header row (CSV, Entries sheet)
    /// A column is named twice.
    #[error("column `{column}` appears twice")]
    ColumnTwice {
        /// The column.
        column: &'static str,
    },
    /// Columns the sheet does not have.
    #[error(
        "unknown column{} {}; the columns are: {columns}",
        if names.len() == 1 { "" } else { "s" },
        quoted(names)
    )]
    UnknownColumns {
        /// Each as the sheet spells it.
        names: Vec<Excerpt>,
        /// The columns the sheet may have.
        columns: String,
    },
    /// Columns the sheet must have but lacks.
    #[error("missing column{} {columns}", if *count == 1 { "" } else { "s" })]
    MissingColumns {
        /// How many.
        count: usize,
        /// Which.
        columns: String,
    },

    // --- An entry's cells
    /// An id (of an entry, right or system) that is not one.
    #[error(transparent)]
    Id(#[from] IdError),
    /// The issue cell is empty.
    #[error("the issue is empty")]
    IssueEmpty,
    /// Not a whole number.
    #[error("`{text}` is not a whole number")]
    NotAWholeNumber {
        /// The text given.
        text: Excerpt,
    },
    /// Not a date.
    #[error("`{text}` is not a date (YYYY-MM-DD)")]
    NotADate {
        /// The text given.
        text: Excerpt,
    },
    /// Not yes or no.
    #[error("`{text}` is not yes or no")]
    NotYesNo {
        /// The text given.
        text: Excerpt,
    },
    /// Not one of the values the cell takes.
    #[error("`{text}` is not one of {choices}")]
    NotOneOf {
        /// The text given.
        text: Excerpt,
        /// The values the cell takes, as they are typed.
        choices: String,
    },
    /// An impacts item without `=`.
    #[error("`{text}` should read like `privacy=3x4`")]
    ImpactShape {
        /// The item.
        text: Excerpt,
    },
    /// An impacts item whose score is not `severity x likelihood`.
    #[error("`{text}` should read like `privacy=3x4` (severity x likelihood)")]
    ScoreShape {
        /// The item.
        text: Excerpt,
    },
    /// An impacts item whose severity or likelihood is not 1 to 4.
    #[error("`{text}`: severity and likelihood are each 1 to 4")]
    ScoreRange {
        /// The item.
        text: Excerpt,
    },
    /// A right scored twice in one cell.
    #[error("`{right}` is scored twice")]
    ScoredTwice {
        /// The right.
        right: RightId,
    },
    /// A right neither in the register nor in the default catalogue.
    #[error("right `{right}` is neither in the register nor in the default catalogue")]
    UnknownRight {
        /// The right.
        right: RightId,
    },
    /// A residual score for a right without an inherent one.
    #[error("`{right}` has a residual score but no inherent one in impacts")]
    ResidualWithoutInherent {
        /// The right.
        right: RightId,
    },
    /// An impact-notes line without `right:`.
    #[error("`{text}` should read like `privacy: note`")]
    NoteShape {
        /// The line.
        text: Excerpt,
    },
    /// A note for a right that is not scored.
    #[error("`{right}` has a note but is not scored in impacts")]
    NoteWithoutScore {
        /// The right.
        right: RightId,
    },
    /// A mitigation's status, owner or due date with no mitigation.
    #[error("given, but there is no mitigation for it")]
    WithoutMitigation,
    /// Neither one line per mitigation nor one for all.
    #[error(
        "{lines} lines for {mitigations} mitigations; give one line per mitigation, or one for all"
    )]
    LinesForMitigations {
        /// The lines given.
        lines: usize,
        /// The mitigations.
        mitigations: usize,
    },
    /// A balancing item without `=`.
    #[error("`{text}` should read like `Preventing offences=3`")]
    BalancingShape {
        /// The item.
        text: Excerpt,
    },
    /// A benefit that is not 1 to 4.
    #[error("`{text}`: a benefit is 1 to 4")]
    BenefitRange {
        /// The item.
        text: Excerpt,
    },
    /// A policing purpose given twice.
    #[error("`{name}` is given twice")]
    GivenTwice {
        /// The purpose's name.
        name: &'static str,
    },
    /// Details of a decision on the risk without the decision.
    #[error("{column} is given but not the decision (accepted or not accepted)")]
    DecisionMissing {
        /// The column that is given.
        column: &'static str,
    },
    /// A decision that is neither.
    #[error("`{text}` is not `accepted` or `not accepted`")]
    NotADecision {
        /// The text given.
        text: Excerpt,
    },
    /// A decision without its date.
    #[error("the date of the decision is needed")]
    DecisionDateNeeded,
    /// A new entry's id that the register already uses.
    #[error("id `{id}` is already used")]
    IdUsed {
        /// The id.
        id: EntryId,
    },
    /// An update's id the register does not have.
    #[error("id `{id}` is not in the register; leave the id blank for a new entry")]
    IdNotInRegister {
        /// The id.
        id: EntryId,
    },
    /// An id given to two rows.
    #[error("id `{id}` is given twice")]
    IdTwice {
        /// The id.
        id: EntryId,
    },

    // --- A CSV file
    /// No header row at all.
    #[error("the file is empty: no header row")]
    NoHeaderRow,
    /// The CSV reader's own words.
    #[error("{message}")]
    NotCsv {
        /// What the reader said.
        message: String,
    },
    /// More cells than the header has columns.
    #[error("{cells} cells, but the header has {columns} columns")]
    TooManyCells {
        /// The cells in the row.
        cells: usize,
        /// The columns of the header.
        columns: usize,
    },
    /// Not UTF-8, and it reads as Windows-1252.
    #[error(
        "`{text}` is not UTF-8 text: the file looks like Windows-1252 (what Excel's \"CSV (Comma delimited)\" writes); \
         re-save it as \"CSV UTF-8 (Comma delimited)\" in Excel, or with the character set \"Unicode (UTF-8)\" in LibreOffice"
    )]
    Windows1252 {
        /// The cell, its bad bytes replaced.
        text: Excerpt,
    },
    /// Not UTF-8.
    #[error("`{text}` is not UTF-8 text; re-save the file as CSV in UTF-8")]
    NotUtf8 {
        /// The cell, its bad bytes replaced.
        text: Excerpt,
    },
    /// UTF-8 read with the wrong character set and saved again.
    #[error(
        "`{garbled}` looks like `{meant}` garbled: the file was opened with the wrong character set and saved again; \
         open the export choosing the character set \"Unicode (UTF-8)\", and save it as CSV in UTF-8"
    )]
    Garbled {
        /// The characters as they are.
        garbled: String,
        /// What they were.
        meant: String,
    },

    // --- A workbook
    /// No Entries sheet.
    #[error("the workbook has no sheet called Entries (it has {sheets})")]
    NoEntriesSheet {
        /// The sheets it has.
        sheets: Excerpt,
    },
    /// A Details row the sheet does not have.
    #[error("unknown detail `{name}`")]
    UnknownDetail {
        /// The detail's name as given.
        name: Excerpt,
    },
    /// A Records row of no known kind.
    #[error(
        "unknown record `{kind}`: issued_ids, last_action_number, workshop, action, snapshot or conflict"
    )]
    UnknownRecord {
        /// The kind given.
        kind: Excerpt,
    },
    /// A record whose text does not parse.
    #[error("not a record: {message}")]
    NotARecord {
        /// What the parser said.
        message: String,
    },
    /// An item (mitigation, impact) for an entry the Entries sheet lacks.
    #[error(
        "entry `{id}` is not on the Entries sheet (a new entry's {} are added once it has an id)",
        sheet.to_lowercase()
    )]
    NotOnEntries {
        /// The entry.
        id: EntryId,
        /// The item's sheet: `Mitigations` or `Impacts`.
        sheet: &'static str,
    },
    /// A right neither on the Rights sheet nor in the default catalogue.
    #[error("right `{right}` is neither on the Rights sheet nor in the default catalogue")]
    NotOnRights {
        /// The right.
        right: RightId,
    },
    /// A right scored twice for one entry.
    #[error("`{right}` is scored twice for {entry}")]
    ScoredTwiceFor {
        /// The right.
        right: RightId,
        /// The entry.
        entry: EntryId,
    },
    /// A severity or likelihood that is not 1 to 4.
    #[error("`{text}` is not 1 to 4")]
    NotOneToFour {
        /// The text given.
        text: Excerpt,
    },
    /// An inherent score with a half missing.
    #[error("the inherent severity and likelihood are both needed")]
    InherentNeeded,
    /// A residual score with a half missing.
    #[error("give both the residual severity and likelihood, or neither")]
    ResidualHalf,
    /// A cell holding a spreadsheet error (`#DIV/0!`).
    #[error("the cell holds an error ({error})")]
    CellError {
        /// The error, as the spreadsheet shows it.
        error: String,
    },

    // --- An action log
    /// No header row.
    #[error("no header row: the columns are {columns} (and optionally Theme, Entries)")]
    NoLogHeader {
        /// The log's columns.
        columns: String,
    },
    /// No sheet of the workbook has the log's header row.
    #[error("no sheet has the action log's header row ({columns})")]
    NoLogSheet {
        /// The log's columns.
        columns: String,
    },
    /// A header cell the log does not have.
    #[error("unknown column `{name}`; the columns are {columns} (and optionally Theme, Entries)")]
    UnknownLogColumn {
        /// The column as given.
        name: Excerpt,
        /// The log's columns.
        columns: String,
    },
    /// A required column is missing.
    #[error("the `{name}` column is missing")]
    LogColumnMissing {
        /// The column.
        name: &'static str,
    },
    /// An action number twice in the file.
    #[error("action {number} is in the file twice")]
    ActionTwice {
        /// The number.
        number: u32,
    },
    /// An action number the register has.
    #[error("action {number} is already in the register")]
    ActionInRegister {
        /// The number.
        number: u32,
    },
    /// An action number given before.
    #[error(
        "action number {number} has been given before in the register (numbers are never reused)"
    )]
    ActionNumberUsed {
        /// The number.
        number: u32,
    },
    /// Not an action number.
    #[error("`{text}` is not an action number")]
    NotAnActionNumber {
        /// The text given.
        text: Excerpt,
    },
    /// An action without text.
    #[error("action {number} has no text")]
    ActionWithoutText {
        /// The number.
        number: u32,
    },
    /// An entry the register does not have.
    #[error("there is no entry {entry} in the register")]
    NoSuchEntry {
        /// The entry.
        entry: EntryId,
    },
    /// Not a deadline.
    #[error(transparent)]
    Deadline(#[from] DeadlineError),
    /// Not a workshop, day or month.
    #[error("`{text}` is not a recorded workshop, a day or a month")]
    NotAnOrigin {
        /// The text given.
        text: Excerpt,
    },

    // --- A Word register
    /// A row across the table naming no known system.
    #[error(
        "a row across the table, `{text}`, names no known system ({known}; give --system NAME for another)"
    )]
    UnknownSystemRow {
        /// The row's text.
        text: Excerpt,
        /// The systems known.
        known: String,
    },
    /// The heading names several systems and the row none.
    #[error(
        "no system: the heading above the table, `{heading}`, names more than one; add a System column or a row naming the system"
    )]
    SeveralSystems {
        /// The heading.
        heading: Excerpt,
    },
    /// Nothing names the row's system.
    #[error(
        "no system: no System column, no row above naming one, and no heading above the table names a known system ({known}; give --system NAME for another)"
    )]
    NoSystem {
        /// The systems known.
        known: String,
    },
    /// A System cell that is not a system id.
    #[error("system `{text}`: {error}")]
    SystemCell {
        /// The cell.
        text: Excerpt,
        /// Why it is not an id.
        error: IdError,
    },
    /// The Issue cell is empty.
    #[error("the Issue cell is empty")]
    IssueCellEmpty,
}

impl Problem {
    /// This problem, in `column`'s cell.
    #[must_use]
    pub fn in_column(self, column: &'static str) -> Self {
        Self::In {
            column,
            problem: Box::new(self),
        }
    }
}

/// Names quoted and listed: `` `colour`, `size` ``.
pub fn quoted(names: &[Excerpt]) -> String {
    names
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The problems of one place (a CSV file's row), shown one after another with `; ` between, the
/// whole cut to `limits::MAX_MESSAGE_CHARS`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let joined = self
            .0
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ");
        f.write_str(&limits::bounded_message(&joined))
    }
}

impl From<Problem> for Problems {
    fn from(problem: Problem) -> Self {
        Self(vec![problem])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_in_a_column_names_the_column_first() {
        let problem = Problem::NotADate {
            text: limits::excerpt("2019-02-30"),
        }
        .in_column("mitigation_due");
        assert_eq!(
            problem.to_string(),
            "mitigation_due: `2019-02-30` is not a date (YYYY-MM-DD)"
        );
    }

    #[test]
    fn plurals_follow_the_count() {
        let one = Problem::MissingColumns {
            count: 1,
            columns: "issue".to_owned(),
        };
        let two = Problem::MissingColumns {
            count: 2,
            columns: "system, issue".to_owned(),
        };
        assert_eq!(one.to_string(), "missing column issue");
        assert_eq!(two.to_string(), "missing columns system, issue");
    }

    #[test]
    fn a_row_s_problems_are_joined_and_bounded() {
        let long = Problem::NotYesNo {
            text: Excerpt {
                shown: "y".repeat(limits::MAX_MESSAGE_CHARS),
                left_out: 0,
            },
        };
        let shown = Problems(vec![Problem::IssueEmpty, long]).to_string();
        assert!(shown.starts_with("the issue is empty; `yyy"), "{shown}");
        assert!(shown.chars().count() < limits::MAX_MESSAGE_CHARS + 40);
    }
}
