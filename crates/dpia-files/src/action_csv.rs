//! Importing an existing action log from a CSV saved from its spreadsheet, in the Open Space's own
//! columns: `#, Actions, Deadline, Status, When from?, Owner?` (issue 16's seed), with optional
//! `Theme` and `Entries` columns.
//!
//! All or nothing: every bad row is reported as `file:row: problem` and no action is returned.
//! Rows are numbered as a spreadsheet numbers them (the header is row 1). As in the seed, a row with
//! only a word in its first cell is a theme heading for the rows below it, the log's title rows
//! and repeated header rows are skipped, and the status cell is split into updates
//! (`action_text::read_status`).

use std::collections::BTreeSet;
use std::path::Path;

use dpia_core::action_text;
use dpia_core::register::{Action, ActionStatus, Deadline, EntryId, Origin, Register};

use super::csv_file::ImportError;
use super::limits;

/// The seed's columns, as its header row spells them.
pub const COLUMNS: [&str; 6] = ["#", "Actions", "Deadline", "Status", "When from?", "Owner?"];

/// What each column of the file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Number,
    Text,
    Deadline,
    Status,
    From,
    Owner,
    Theme,
    Entries,
}

/// Reads the CSV at `path` into actions for `register`, in number order, each with the row it
/// came from.
pub fn read(path: &Path, register: &Register) -> Result<Vec<(u64, Action)>, ImportError> {
    // Read as every reader does: bounded in size, text that is not UTF-8 located.
    let text = limits::read_text(path)?;
    read_text(&text, path, register)
}

/// Parses CSV text into actions for `register`; `path` names the file in messages only.
pub fn read_text(
    text: &str,
    path: &Path,
    register: &Register,
) -> Result<Vec<(u64, Action)>, ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header_error = |message: String| ImportError::Header {
        path: path.to_owned(),
        message,
    };
    let mut records = reader.records();
    // The log's title rows may come before the header, as in the seed.
    let header = loop {
        match records.next() {
            Some(Ok(row)) => {
                let num_filled = row.iter().filter(|cell| !cell.trim().is_empty()).count();
                if column(row.get(0).unwrap_or("")) == Some(Column::Number) || num_filled > 1 {
                    break row;
                }
            }
            Some(Err(err)) => return Err(header_error(err.to_string())),
            None => return Err(header_error("the file has no header row".to_owned())),
        }
    };
    let columns = header_columns(&header, path)?;
    let file_name = path
        .file_name()
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned());

    let mut theme = String::new();
    let mut actions = Vec::new();
    let mut problems = Vec::new();
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(err) => {
                problems.push((
                    err.position().map_or(0, csv::Position::line),
                    err.to_string(),
                ));
                continue;
            }
        };
        let row = record.position().map_or(0, csv::Position::line);
        let cell = |wanted: Column| {
            columns
                .iter()
                .position(|c| *c == wanted)
                .and_then(|idx| record.get(idx))
                .map_or("", str::trim)
        };
        let filled: Vec<&str> = record
            .iter()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        let Some(first) = filled.first() else {
            continue;
        };
        let is_header_again = column(record.get(0).unwrap_or("")) == Some(Column::Number);
        let is_title = first.to_lowercase().contains("action log");
        if is_header_again || is_title {
            continue;
        }
        if filled.len() == 1 && action_number(first).is_none() {
            // A theme heading, as the seed groups its tables.
            first.trim_matches('*').trim().clone_into(&mut theme);
            continue;
        }
        match parse_row(&cell, register, &theme, &file_name) {
            Ok(action) => actions.push((row, action)),
            Err(message) => problems.push((row, message)),
        }
    }

    check_numbers(&actions, register, &mut problems);
    if !problems.is_empty() {
        problems.sort_by_key(|(row, _)| *row);
        return Err(ImportError::Rows {
            path: path.to_owned(),
            problems,
        });
    }
    actions.sort_by_key(|(_, action)| action.number);
    Ok(actions)
}

/// What each column of the header row holds; `#` and `Actions` must be there.
fn header_columns(header: &csv::StringRecord, path: &Path) -> Result<Vec<Column>, ImportError> {
    let header_row = header.position().map_or(1, csv::Position::line);
    let header_error = |message: String| ImportError::Rows {
        path: path.to_owned(),
        problems: vec![(header_row, message)],
    };
    let columns: Vec<Column> = header
        .iter()
        .map(|name| {
            column(name).ok_or_else(|| {
                header_error(format!(
                    "unknown column `{}`; the columns are {} (and optionally Theme, Entries)",
                    limits::excerpt(name),
                    COLUMNS.join(", ")
                ))
            })
        })
        .collect::<Result<_, _>>()?;
    for required in [Column::Number, Column::Text] {
        if !columns.contains(&required) {
            return Err(header_error(format!(
                "the `{}` column is missing",
                if required == Column::Number {
                    "#"
                } else {
                    "Actions"
                }
            )));
        }
    }
    Ok(columns)
}

/// Numbers must be new to the file and to the register, and never given before in it.
fn check_numbers(
    actions: &[(u64, Action)],
    register: &Register,
    problems: &mut Vec<(u64, String)>,
) {
    let mut seen = BTreeSet::new();
    for (row, action) in actions {
        if !seen.insert(action.number) {
            problems.push((
                *row,
                format!("action {} is in the file twice", action.number),
            ));
        } else if register.action(action.number).is_some() {
            problems.push((
                *row,
                format!("action {} is already in the register", action.number),
            ));
        } else if action.number <= register.last_action_number {
            problems.push((
                *row,
                format!(
                    "action number {} has been given before in the register (numbers are never reused)",
                    action.number
                ),
            ));
        }
    }
}

/// The column a header names, in any case, with or without its `?`.
fn column(name: &str) -> Option<Column> {
    let name = name.trim().trim_end_matches('?').trim().to_lowercase();
    Some(match name.as_str() {
        "#" | "no" | "no." | "number" => Column::Number,
        "actions" | "action" | "proposed complete actions" | "completed actions" => Column::Text,
        "deadline" => Column::Deadline,
        "status" => Column::Status,
        "when from" | "from" => Column::From,
        "owner" | "owners" => Column::Owner,
        "theme" => Column::Theme,
        "entries" => Column::Entries,
        _ => return None,
    })
}

/// `16`, or `35.` as the seed writes some numbers.
fn action_number(text: &str) -> Option<u32> {
    text.trim()
        .trim_end_matches('.')
        .parse::<u32>()
        .ok()
        .filter(|&n| n > 0)
}

/// Whether a cell holds a status where a date was expected ("Complete", "In progress").
fn is_status_word(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    ActionStatus::parse(&lower).is_ok() || matches!(lower.as_str(), "completed" | "in progress")
}

fn parse_row<'a>(
    cell: &dyn Fn(Column) -> &'a str,
    register: &Register,
    theme: &str,
    file_name: &str,
) -> Result<Action, String> {
    let number_text = cell(Column::Number);
    let number = action_number(number_text)
        .ok_or_else(|| format!("`{number_text}` is not an action number"))?;
    let text = cell(Column::Text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if text.is_empty() {
        return Err(format!("action {number} has no text"));
    }
    let mut action = Action::new(number, text);
    action.theme = match cell(Column::Theme) {
        "" => theme.to_owned(),
        given => given.to_owned(),
    };
    action.source = format!("Action {number}, {file_name}");
    action.deadline = deadline(cell(Column::Deadline))?;
    action.from = origin(cell(Column::From), register)?;
    action.owners = owners(cell(Column::Owner));
    let read = action_text::read_status(cell(Column::Status));
    action.status = read.status.unwrap_or(if read.updates.is_empty() {
        ActionStatus::NotStarted
    } else {
        ActionStatus::Ongoing
    });
    action.updates = read.updates;
    action.artefacts = read.artefacts;
    for id in cell(Column::Entries)
        .split(|c: char| c == ';' || c == ',' || c.is_whitespace())
        .filter(|id| !id.is_empty())
    {
        let entry = EntryId::parse(id).map_err(|err| format!("entries: {err}"))?;
        if register.entry(&entry).is_none() {
            return Err(format!(
                "entries: there is no entry {entry} in the register"
            ));
        }
        action.entries.push(entry);
    }
    Ok(action)
}

/// A deadline cell: a day or a month; the later of two ("Oct '18 and Dec'18"); none where it is
/// empty or holds a status ("Complete").
fn deadline(text: &str) -> Result<Option<Deadline>, String> {
    if text.is_empty() || is_status_word(text) {
        return Ok(None);
    }
    let last = text.rsplit(" and ").next().unwrap_or(text);
    Deadline::parse(last)
        .map(Some)
        .map_err(|err| format!("deadline: {err}"))
}

/// A "When from?" cell: a workshop the register records, by title, or a day or a month; none
/// where it is empty or holds a status ("In progress").
fn origin(text: &str, register: &Register) -> Result<Option<Origin>, String> {
    let text = text.trim_matches('*').trim();
    if text.is_empty() || is_status_word(text) {
        return Ok(None);
    }
    if let Some(workshop) = register
        .workshops
        .iter()
        .find(|w| w.title.trim().eq_ignore_ascii_case(text))
    {
        return Ok(Some(Origin::Workshop {
            title: workshop.title.clone(),
            date: workshop.date,
        }));
    }
    Origin::parse(text)
        .map(Some)
        .map_err(|_| format!("when from: `{text}` is not a recorded workshop, a day or a month"))
}

/// An owner cell split at `/`, `&`, `;` and " and "; blacked-out names (`█`) carry nothing.
fn owners(text: &str) -> Vec<String> {
    text.split(['/', '&', ';'])
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|name| !name.is_empty() && name.chars().any(char::is_alphanumeric))
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Vec<(u64, Action)>, ImportError> {
        read_text(text, Path::new("log.csv"), &Register::default())
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
        let summary: Vec<(u64, u32, &str, String, ActionStatus, usize)> = actions
            .iter()
            .map(|(row, a)| {
                (
                    *row,
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
                    3,
                    16,
                    "Data Sharing",
                    "2019-10".to_owned(),
                    ActionStatus::Ongoing,
                    2
                ),
                (
                    8,
                    19,
                    "Data Quality",
                    "2018-12".to_owned(),
                    ActionStatus::Complete,
                    0
                ),
                (
                    7,
                    22,
                    "Data Quality",
                    "2018-12".to_owned(),
                    ActionStatus::Complete,
                    1
                ),
                (
                    5,
                    35,
                    "Data Sharing",
                    "2019-08".to_owned(),
                    ActionStatus::Ongoing,
                    1
                ),
            ]
        );
        let first = &actions[0].1;
        assert_eq!(first.owners, ["HO Policy", "Involve"]);
        assert_eq!(
            first.from.as_ref().map(ToString::to_string).as_deref(),
            Some("2018-07")
        );
        assert_eq!(first.source, "Action 16, log.csv");
        assert_eq!(actions[2].1.artefacts, ["Artefact 3"]);
        assert_eq!(actions[3].1.from, None, "\"In progress\" is no origin");
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
}
