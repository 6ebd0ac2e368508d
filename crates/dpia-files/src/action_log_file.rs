//! An existing action log read from its file: a CSV saved from its spreadsheet, or the workbook
//! itself (`.xlsx`), whose sheets that hold the log's header row are read in order (the seed keeps
//! *Ongoing*, *Proposed complete* and *Completed* as tables of one log). The rows become actions in
//! `action_rows`; all or nothing.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Reader, Xlsx};
use dpia_core::register::{Action, Register};

use super::action_rows::{LogReader, Place, Row};
use super::problem::Problem;
use super::{LoadError, csv_file, limits, xlsx_file};

/// Why an action log could not be imported. Nothing was read.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read: the operating system's error, or a file too large
    /// (`limits`).
    #[error(transparent)]
    Read(#[from] LoadError),
    /// The file is neither CSV nor a workbook.
    #[error(
        "{}: an action log is read from CSV (.csv) or an Excel workbook (.xlsx); save the log as one of them",
        path.display()
    )]
    UnknownKind {
        /// The file.
        path: PathBuf,
    },
    /// The file is not a workbook calamine can open.
    #[error(
        "{}: not an .xlsx workbook: {}{message}",
        path.display(),
        sheet.as_ref().map_or_else(String::new, |sheet| format!("sheet {sheet}: "))
    )]
    NotAWorkbook {
        /// The file.
        path: PathBuf,
        /// The sheet that could not be read, if one.
        sheet: Option<String>,
        /// What calamine said.
        message: String,
    },
    /// Some rows are wrong; each is listed, in sheet and row order.
    #[error("{}", crate::error::Listing { path, problems })]
    Rows {
        /// The file.
        path: PathBuf,
        /// Each problem's place and what is wrong.
        problems: Vec<(Place, Problem)>,
    },
}

/// The file's kinds of action log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Csv,
    Workbook,
}

fn kind(path: &Path) -> Option<Kind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "csv" => Some(Kind::Csv),
        "xlsx" => Some(Kind::Workbook),
        _ => None,
    }
}

/// Reads the action log at `path` (CSV or `.xlsx`, by its extension) into actions for
/// `register`, in number order.
pub fn read(path: &Path, register: &Register) -> Result<Vec<Action>, ImportError> {
    let kind = kind(path).ok_or_else(|| ImportError::UnknownKind {
        path: path.to_owned(),
    })?;
    // Bounded as every reader is: a file too large is refused before it is read.
    let bytes = limits::read_bytes(path)?;
    match kind {
        Kind::Csv => read_csv(&bytes, path, register),
        Kind::Workbook => read_workbook(&bytes, path, register),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned())
}

fn rows_error(path: &Path) -> impl FnOnce(Vec<(Place, Problem)>) -> ImportError + '_ {
    |problems| ImportError::Rows {
        path: path.to_owned(),
        problems,
    }
}

/// A CSV file's rows as an action log; `path` names it in messages.
pub fn read_csv(
    bytes: &[u8],
    path: &Path,
    register: &Register,
) -> Result<Vec<Action>, ImportError> {
    let mut log = LogReader::new(register, &file_name(path));
    let rows = csv_file::spreadsheet_rows(bytes)
        .map(|(row, cells)| -> Row { (row, cells.map_err(|problem| (None, problem))) });
    log.read_sheet(None, rows, true);
    log.finish().map_err(rows_error(path))
}

/// A workbook's sheets as one action log; `path` names it in messages. Sheets without the log's
/// header row are skipped; a workbook without any is refused.
pub fn read_workbook(
    bytes: &[u8],
    path: &Path,
    register: &Register,
) -> Result<Vec<Action>, ImportError> {
    let not_a_workbook = |sheet: Option<&str>, message: String| ImportError::NotAWorkbook {
        path: path.to_owned(),
        sheet: sheet.map(str::to_owned),
        message,
    };
    let mut workbook: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes)).map_err(|err| not_a_workbook(None, err.to_string()))?;
    let names = workbook.sheet_names();
    let mut log = LogReader::new(register, &file_name(path));
    let mut any_log = false;
    for name in &names {
        let range = workbook
            .worksheet_range(name)
            .map_err(|err| not_a_workbook(Some(name), err.to_string()))?;
        let Some((_, end)) = range.start().zip(range.end()) else {
            continue;
        };
        let rows = (0..=end.0).map(|row| -> Row {
            let cells: Result<Vec<String>, _> = (0..=end.1)
                .map(|col| match range.get_value((row, col)) {
                    None => Ok(String::new()),
                    Some(data) => xlsx_file::cell_text(data).map_err(|problem| {
                        (Some(usize::try_from(col).unwrap_or(usize::MAX)), problem)
                    }),
                })
                .collect();
            (u64::from(row) + 1, cells)
        });
        any_log |= log.read_sheet(Some(name), rows, false);
    }
    if !any_log {
        let first = names.first().map_or("Sheet1", String::as_str);
        let mut problems = vec![(
            Place {
                sheet: Some(first.to_owned()),
                row: 1,
                column: None,
            },
            Problem::NoLogSheet {
                columns: super::action_rows::COLUMNS.join(", "),
            },
        )];
        problems.extend(log.finish().err().unwrap_or_default());
        return Err(rows_error(path)(problems));
    }
    log.finish().map_err(rows_error(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    use dpia_core::register::ActionStatus;

    fn read(text: &str) -> Result<Vec<Action>, ImportError> {
        read_csv(text.as_bytes(), Path::new("log.csv"), &Register::default())
    }

    #[test]
    fn the_seeds_columns_and_month_deadlines_are_read() {
        let actions = read(
            "#,Actions,Deadline,Status,When from?,Owner?\n\
             Data Sharing,,,,,\n\
             16,HO to provide a paper on data sharing,Oct'19,\"Ongoing. Paper for May'19.\nUpdate – team recruited.\",Jul'18,HO Policy / Involve\n\
             35.,HO to summarise industry consultation,Aug'19,Update - Information is being compiled,In progress,\n\
             Data Quality\n\
             22,HO to share blank copy of dashboard,Dec'18,Complete. Artefact 3,Oct'18,\n\
             19,Clarify accuracy,Oct '18 and Dec'18,Complete,Jul'18,\n",
        )
        .unwrap();
        let summary: Vec<(u32, &str, String, ActionStatus, usize)> = actions
            .iter()
            .map(|a| {
                (
                    a.number,
                    a.theme.as_str(),
                    a.deadline.map(|d| d.to_string()).unwrap_or_default(),
                    a.status,
                    a.updates.len(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                (
                    16,
                    "Data Sharing",
                    "2019-10".to_owned(),
                    ActionStatus::Ongoing,
                    2
                ),
                (
                    19,
                    "Data Quality",
                    "2018-12".to_owned(),
                    ActionStatus::Complete,
                    0
                ),
                (
                    22,
                    "Data Quality",
                    "2018-12".to_owned(),
                    ActionStatus::Complete,
                    1
                ),
                (
                    35,
                    "Data Sharing",
                    "2019-08".to_owned(),
                    ActionStatus::Ongoing,
                    1
                ),
            ]
        );
        let first = &actions[0];
        assert_eq!(first.owners, ["HO Policy", "Involve"]);
        assert_eq!(
            first.from.as_ref().map(ToString::to_string).as_deref(),
            Some("2018-07")
        );
        assert_eq!(first.source, "Action 16, log.csv");
        assert_eq!(actions[2].artefacts, ["Artefact 3"]);
        assert_eq!(actions[3].from, None, "\"In progress\" is no origin");
    }

    #[test]
    fn every_bad_row_is_reported_and_nothing_is_read() {
        let err = read(
            "#,Actions,Deadline,Status,When from?,Owner?\n\
             16,A paper,Monthly,Ongoing,Jul'18,\n\
             x7,Another,Oct'19,,,\n\
             18,,Oct'19,,,\n\
             20,Fine,Oct'19,,Someday,\n\
             21,Fine,Oct'19,,,\n\
             21,Twice,Oct'19,,,\n",
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "\
log.csv:2: deadline: `Monthly` is not a day (2019-10-31) or a month (2019-10, Oct'19, July 19)
log.csv:3: `x7` is not an action number
log.csv:4: action 18 has no text
log.csv:5: when from: `Someday` is not a recorded workshop, a day or a month
log.csv:7: action 21 is in the file twice"
        );
    }

    #[test]
    fn an_unknown_column_is_refused_at_the_header() {
        let err = read("#,Actions,Colour\n1,A,red\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "log.csv:1: unknown column `Colour`; the columns are #, Actions, Deadline, Status, When from?, Owner? (and optionally Theme, Entries)"
        );
    }

    #[test]
    fn rows_are_the_spreadsheets_rows_though_cells_hold_line_breaks() {
        let err = read(
            "#;Actions;Deadline;Status\r\n\
             16;A paper;Oct'19;\"Ongoing.\r\nUpdate – drafted.\r\nUpdate – shared.\"\r\n\
             17;Another;Monthly;\r\n",
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "log.csv:3: deadline: `Monthly` is not a day (2019-10-31) or a month (2019-10, Oct'19, July 19)"
        );
    }

    #[test]
    fn a_file_that_is_not_a_workbook_is_refused_as_one() {
        let err =
            read_workbook(b"#,Actions\n", Path::new("log.xlsx"), &Register::default()).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("log.xlsx: not an .xlsx workbook: "),
            "{err}"
        );
    }
}
