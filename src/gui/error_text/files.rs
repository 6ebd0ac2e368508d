//! The files crate's errors (and the spreadsheet update's, which wraps two of them) in words.

use std::fmt::Display;
use std::path::Path;

use dpia_files::action_log_file;
use dpia_files::action_rows::Place;
use dpia_files::csv_file;
use dpia_files::docx_file::ReadError;
use dpia_files::limits::in_megabytes;
use dpia_files::snapshot_chain::TakeError;
use dpia_files::trail_file::TrailProblem;
use dpia_files::word_tables;
use dpia_files::xlsx_file;
use dpia_files::{LoadError, SaveError};

use super::ErrorText;
use crate::gui::i18n::tr_args;
use crate::spreadsheet_update::SheetError;

impl ErrorText for LoadError {
    fn error_text(&self) -> String {
        match self {
            Self::Io { path, source } => {
                tr_args!("errors-load-io", path = path.display(), source = source)
            }
            Self::TooLarge { path, limit } => tr_args!(
                "errors-load-too-large",
                path = path.display(),
                limit = in_megabytes(*limit)
            ),
            Self::Parse {
                path,
                line,
                column,
                message,
            } => tr_args!(
                "errors-load-parse",
                path = path.display(),
                line = *line,
                column = *column,
                message = message
            ),
            Self::NewerFormat {
                path,
                found,
                supported,
            } => tr_args!(
                "errors-load-newer-format",
                path = path.display(),
                found = *found,
                supported = *supported
            ),
            Self::Altered { path, recorded, .. } => tr_args!(
                "errors-load-altered",
                path = path.display(),
                recorded = recorded.short()
            ),
            Self::Renamed { path, label } => {
                tr_args!("errors-load-renamed", path = path.display(), label = label)
            }
            Self::Unsupported { path, message } => tr_args!(
                "errors-load-unsupported",
                path = path.display(),
                message = message
            ),
        }
    }
}

impl ErrorText for SaveError {
    fn error_text(&self) -> String {
        match self {
            Self::Io { path, source } => {
                tr_args!("errors-save-io", path = path.display(), source = source)
            }
            Self::Serialize { path, message } => tr_args!(
                "errors-save-serialize",
                path = path.display(),
                message = message
            ),
            Self::NotAFile { path } => tr_args!("errors-save-not-a-file", path = path.display()),
            Self::AlreadyExists { path } => {
                tr_args!("errors-save-already-exists", path = path.display())
            }
        }
    }
}

impl ErrorText for csv_file::ImportError {
    fn error_text(&self) -> String {
        match self {
            Self::Read(err) => err.error_text(),
            Self::Header { path, problem } => tr_args!(
                "errors-import-csv-header",
                path = path.display(),
                problem = problem.error_text()
            ),
            Self::Rows { path, problems } => lines(
                problems
                    .iter()
                    .map(|(row, problems)| row_problem(path, *row, problems)),
            ),
        }
    }
}

impl ErrorText for xlsx_file::ImportError {
    fn error_text(&self) -> String {
        match self {
            Self::Read(err) => err.error_text(),
            Self::NotAWorkbook {
                path,
                sheet,
                message,
            } => not_a_workbook(path, sheet.as_deref(), message),
            Self::Cells { path, problems } => lines(
                problems
                    .iter()
                    .map(|(cell, problem)| cell_problem(path, cell, problem)),
            ),
        }
    }
}

impl ErrorText for action_log_file::ImportError {
    fn error_text(&self) -> String {
        match self {
            Self::Read(err) => err.error_text(),
            Self::UnknownKind { path } => {
                tr_args!("errors-import-unknown-action-log", path = path.display())
            }
            Self::NotAWorkbook {
                path,
                sheet,
                message,
            } => not_a_workbook(path, sheet.as_deref(), message),
            Self::Rows { path, problems } => {
                lines(problems.iter().map(|(place, problem)| match place {
                    Place {
                        sheet: None, row, ..
                    } => row_problem(path, *row, problem),
                    Place { sheet: Some(_), .. } => cell_problem(path, place, problem),
                }))
            }
        }
    }
}

impl ErrorText for ReadError {
    fn error_text(&self) -> String {
        match self {
            Self::Read(err) => err.error_text(),
            Self::NotADocument { path, message } => tr_args!(
                "errors-import-not-a-document",
                path = path.display(),
                message = message
            ),
            Self::PartTooLarge { path, part, limit } => tr_args!(
                "errors-import-part-too-large",
                path = path.display(),
                part = part,
                limit = in_megabytes(u64::try_from(*limit).unwrap_or(u64::MAX))
            ),
        }
    }
}

impl ErrorText for word_tables::ImportError {
    fn error_text(&self) -> String {
        match self {
            Self::Read(err) => err.error_text(),
            Self::Rows { path, problems } => lines(problems.iter().map(|problem| {
                tr_args!(
                    "errors-import-word-row",
                    path = path.display(),
                    table = problem.table,
                    row = problem.row,
                    problem = problem.problem.error_text()
                )
            })),
            Self::NoTables { path } => {
                tr_args!("errors-import-no-word-tables", path = path.display())
            }
        }
    }
}

impl ErrorText for TrailProblem {
    fn error_text(&self) -> String {
        match self {
            Self::Unsound { path, error } => tr_args!(
                "errors-trail-unsound",
                path = path.display(),
                error = error.error_text()
            ),
            Self::Renamed { path } => tr_args!("errors-trail-renamed", path = path.display()),
            Self::PreviousMissing { path, previous } => tr_args!(
                "errors-trail-previous-missing",
                path = path.display(),
                previous = previous.get(..12).unwrap_or(previous)
            ),
        }
    }
}

impl ErrorText for TakeError {
    fn error_text(&self) -> String {
        match self {
            Self::Snapshot(err) => err.error_text(),
            Self::Save(err) => err.error_text(),
            Self::List(err) => err.error_text(),
        }
    }
}

impl ErrorText for SheetError {
    fn error_text(&self) -> String {
        match self {
            Self::Csv(err) => err.error_text(),
            Self::Workbook(err) => err.error_text(),
        }
    }
}

/// A workbook (or one of its sheets) calamine cannot open, with what it said.
fn not_a_workbook(path: &Path, sheet: Option<&str>, message: &str) -> String {
    match sheet {
        None => tr_args!(
            "errors-import-not-a-workbook",
            path = path.display(),
            message = message
        ),
        Some(sheet) => tr_args!(
            "errors-import-not-a-workbook-sheet",
            path = path.display(),
            sheet = sheet,
            message = message
        ),
    }
}

/// A problem at a spreadsheet's row (`12`).
fn row_problem(path: &Path, row: u64, problem: &impl ErrorText) -> String {
    tr_args!(
        "errors-import-row",
        path = path.display(),
        row = row,
        problem = problem.error_text()
    )
}

/// A problem at a workbook's cell (`Entries!C12`).
fn cell_problem(path: &Path, cell: &impl Display, problem: &impl ErrorText) -> String {
    tr_args!(
        "errors-import-cell",
        path = path.display(),
        cell = cell,
        problem = problem.error_text()
    )
}

/// One problem a line, in the order given.
fn lines(problems: impl Iterator<Item = String>) -> String {
    problems.collect::<Vec<_>>().join("\n")
}
