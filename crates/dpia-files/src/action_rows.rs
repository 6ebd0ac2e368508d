//! An existing action log's rows read as actions, in the Open Space's own columns:
//! `#, Actions, Deadline, Status, When from?, Owner?` (issue 16's seed), with optional `Theme` and
//! `Entries` columns. The rows come from a CSV file or a workbook's sheets (`action_log_file`).
//!
//! All or nothing: every bad row is reported at its place (the spreadsheet's row, and the cell's
//! column for a workbook) and no action is returned. As in the seed, a row with only a word in its
//! first cell is a theme heading for the rows below it, the log's title rows and repeated header
//! rows are skipped, and the status cell is split into updates (`action_text::read_status`).

use std::collections::BTreeSet;
use std::fmt;

use dpia_core::action_text;
use dpia_core::register::{Action, ActionStatus, Deadline, EntryId, Origin, Register};

use super::limits;
use super::problem::Problem;

/// The seed's columns, as its header row spells them.
pub const COLUMNS: [&str; 6] = ["#", "Actions", "Deadline", "Status", "When from?", "Owner?"];

/// Where a problem is: a row of a sheet (`sheet` is `None` for a CSV file, whose one table has no
/// name), and the cell's column (from 0) where one cell is to blame.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    /// The workbook's sheet, or `None` in a CSV file.
    pub sheet: Option<String>,
    /// The spreadsheet's row number (the first row is 1).
    pub row: u64,
    /// The cell's column from 0, where one cell is to blame.
    pub column: Option<usize>,
}

impl fmt::Display for Place {
    /// The place as a spreadsheet user finds it: the row of a CSV file (`12`), a workbook's cell
    /// (`Ongoing!C12`, the row's first cell where no one cell is to blame).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.sheet {
            None => write!(f, "{}", self.row),
            Some(sheet) => {
                let row = u32::try_from(self.row.saturating_sub(1)).unwrap_or(u32::MAX);
                f.write_str(&super::xlsx_file::place(
                    sheet,
                    row,
                    self.column.unwrap_or(0),
                ))
            }
        }
    }
}

/// One row of a sheet as text cells, with its row number (the first row is 1), or why its cells
/// could not be read (and the column of the cell to blame, if one is).
pub type Row = (u64, Result<Vec<String>, (Option<usize>, Problem)>);

/// An action log being read, sheet by sheet, and the problems found so far.
pub struct LogReader<'r> {
    register: &'r Register,
    file_name: String,
    actions: Vec<(Place, Action)>,
    problems: Vec<(Place, Problem)>,
}

impl<'r> LogReader<'r> {
    /// A reader of actions for `register`; `file_name` is cited in each action's source.
    pub fn new(register: &'r Register, file_name: &str) -> Self {
        Self {
            register,
            file_name: file_name.to_owned(),
            actions: Vec::new(),
            problems: Vec::new(),
        }
    }

    /// Reads one sheet (or a CSV file's rows): title rows, then the header row, then actions under
    /// theme headings. A sheet whose header row does not name `#` and `Actions` is reported when
    /// `required`, else skipped as another table. Returns whether the sheet was read as the log.
    pub fn read_sheet(
        &mut self,
        sheet: Option<&str>,
        rows: impl IntoIterator<Item = Row>,
        required: bool,
    ) -> bool {
        let place = |row: u64, column: Option<usize>| Place {
            sheet: sheet.map(str::to_owned),
            row,
            column,
        };
        let mut rows = rows.into_iter();
        // The log's title rows may come before the header, as in the seed.
        let mut last_row = 0;
        let (header_row, header) = loop {
            match rows.next() {
                Some((row, Ok(cells))) => {
                    last_row = row;
                    let num_filled = cells.iter().filter(|cell| !cell.trim().is_empty()).count();
                    let first = cells.first().map_or("", String::as_str);
                    if column(first) == Some(Column::Number) || num_filled > 1 {
                        break (row, cells);
                    }
                }
                Some((row, Err((idx, problem)))) => {
                    self.problems.push((place(row, idx), problem));
                    return true;
                }
                None => {
                    if required {
                        self.problems.push((
                            place(last_row.max(1), None),
                            Problem::NoLogHeader {
                                columns: COLUMNS.join(", "),
                            },
                        ));
                    }
                    return false;
                }
            }
        };
        let names_the_log = [Column::Number, Column::Text]
            .iter()
            .all(|wanted| header.iter().any(|name| column(name) == Some(*wanted)));
        if !required && !names_the_log {
            // Another table of the workbook (notes, a list of owners): not the log.
            return false;
        }
        let columns = match header_columns(&header) {
            Ok(columns) => columns,
            Err((idx, problem)) => {
                self.problems.push((place(header_row, idx), problem));
                return true;
            }
        };

        let mut theme = String::new();
        for (row, cells) in rows {
            let cells = match cells {
                Ok(cells) => cells,
                Err((idx, problem)) => {
                    self.problems.push((place(row, idx), problem));
                    continue;
                }
            };
            let filled: Vec<&str> = cells
                .iter()
                .map(|c| c.trim())
                .filter(|c| !c.is_empty())
                .collect();
            let Some(first) = filled.first() else {
                continue;
            };
            let is_header_again =
                column(cells.first().map_or("", String::as_str)) == Some(Column::Number);
            let is_title = first.to_lowercase().contains("action log");
            if is_header_again || is_title {
                continue;
            }
            if filled.len() == 1 && action_number(first).is_none() {
                // A theme heading, as the seed groups its tables.
                first.trim_matches('*').trim().clone_into(&mut theme);
                continue;
            }
            let cell = |wanted: Column| {
                columns
                    .iter()
                    .position(|c| *c == wanted)
                    .and_then(|idx| cells.get(idx))
                    .map_or("", |cell| cell.trim())
            };
            match parse_row(&cell, self.register, &theme, &self.file_name) {
                Ok(action) => {
                    let number_column = columns.iter().position(|c| *c == Column::Number);
                    self.actions.push((place(row, number_column), action));
                }
                Err((wanted, problem)) => {
                    let idx = columns.iter().position(|c| *c == wanted);
                    self.problems.push((place(row, idx), problem));
                }
            }
        }
        true
    }

    /// The actions read, in number order; or every problem, in sheet and row order.
    pub fn finish(mut self) -> Result<Vec<Action>, Vec<(Place, Problem)>> {
        check_numbers(&self.actions, self.register, &mut self.problems);
        if !self.problems.is_empty() {
            self.problems.sort_by(|(a, _), (b, _)| a.cmp(b));
            return Err(self.problems);
        }
        let mut actions: Vec<Action> = self.actions.into_iter().map(|(_, a)| a).collect();
        actions.sort_by_key(|action| action.number);
        Ok(actions)
    }
}

/// What each column of the sheet holds.
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

/// What each column of the header row holds; `#` and `Actions` must be there. A problem names
/// the column to blame, if one is.
fn header_columns(header: &[String]) -> Result<Vec<Column>, (Option<usize>, Problem)> {
    let columns: Vec<Column> = header
        .iter()
        .enumerate()
        .map(|(idx, name)| {
            column(name).ok_or_else(|| {
                (
                    Some(idx),
                    Problem::UnknownLogColumn {
                        name: limits::excerpt(name),
                        columns: COLUMNS.join(", "),
                    },
                )
            })
        })
        .collect::<Result<_, _>>()?;
    for (required, name) in [(Column::Number, "#"), (Column::Text, "Actions")] {
        if !columns.contains(&required) {
            return Err((None, Problem::LogColumnMissing { name }));
        }
    }
    Ok(columns)
}

/// Numbers must be new to the file and to the register, and never given before in it.
fn check_numbers(
    actions: &[(Place, Action)],
    register: &Register,
    problems: &mut Vec<(Place, Problem)>,
) {
    let mut seen = BTreeSet::new();
    for (place, action) in actions {
        let number = action.number;
        let problem = if !seen.insert(number) {
            Problem::ActionTwice { number }
        } else if register.action(number).is_some() {
            Problem::ActionInRegister { number }
        } else if number <= register.last_action_number {
            Problem::ActionNumberUsed { number }
        } else {
            continue;
        };
        problems.push((place.clone(), problem));
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

/// One action's row; a problem names the column to blame.
fn parse_row<'a>(
    cell: &dyn Fn(Column) -> &'a str,
    register: &Register,
    theme: &str,
    file_name: &str,
) -> Result<Action, (Column, Problem)> {
    let number_text = cell(Column::Number);
    let number = action_number(number_text).ok_or_else(|| {
        (
            Column::Number,
            Problem::NotAnActionNumber {
                text: limits::excerpt(number_text),
            },
        )
    })?;
    let text = cell(Column::Text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if text.is_empty() {
        return Err((Column::Text, Problem::ActionWithoutText { number }));
    }
    let mut action = Action::new(number, text);
    action.theme = match cell(Column::Theme) {
        "" => theme.to_owned(),
        given => given.to_owned(),
    };
    action.source = format!("Action {number}, {file_name}");
    action.deadline = deadline(cell(Column::Deadline)).map_err(|err| (Column::Deadline, err))?;
    action.from = origin(cell(Column::From), register).map_err(|err| (Column::From, err))?;
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
        let entry = EntryId::parse(id)
            .map_err(|err| (Column::Entries, Problem::from(err).in_column("entries")))?;
        if register.entry(&entry).is_none() {
            return Err((
                Column::Entries,
                Problem::NoSuchEntry { entry }.in_column("entries"),
            ));
        }
        action.entries.push(entry);
    }
    Ok(action)
}

/// A deadline cell: a day or a month; the later of two ("Oct '18 and Dec'18"); none where it is
/// empty or holds a status ("Complete").
fn deadline(text: &str) -> Result<Option<Deadline>, Problem> {
    if text.is_empty() || is_status_word(text) {
        return Ok(None);
    }
    let last = text.rsplit(" and ").next().unwrap_or(text);
    Deadline::parse(last)
        .map(Some)
        .map_err(|err| Problem::from(err).in_column("deadline"))
}

/// A "When from?" cell: a workshop the register records, by title, or a day or a month; none
/// where it is empty or holds a status ("In progress").
fn origin(text: &str, register: &Register) -> Result<Option<Origin>, Problem> {
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
    Origin::parse(text).map(Some).map_err(|_| {
        Problem::NotAnOrigin {
            text: limits::excerpt(text),
        }
        .in_column("when from")
    })
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
