//! `actions` and `action`: the action log listed and filtered (a table or CSV), an action added,
//! and an update or a new status given to one, as the app would (the same `Edit`s), journaled in
//! the audit trail. Bad input is refused naming it, before anything is written.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use dpia_core::action_log::{self, ActionFilter};
use dpia_core::edit::Edit;
use dpia_core::register::{
    Action, ActionLink, ActionStatus, ActionUpdate, Deadline, EntryId, LinkKind, Origin, Register,
};
use dpia_files::action_log_file;
use jiff::Timestamp;
use jiff::civil::Date;

use super::edit::Editing;
use super::{CliError, load_to_read, table};

/// `dpia-register actions FILE [--status S] [--owner O] [--theme T] [--overdue] [--as-of DAY]
/// [--format table|csv]`.
#[derive(Debug, Args)]
pub struct ActionsArgs {
    /// The register file (or a paper, or a snapshot).
    pub file: PathBuf,
    /// Only actions with this status: not started, ongoing, proposed complete, complete, closed.
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,
    /// Only actions with an owner whose name contains this (any case).
    #[arg(long, value_name = "NAME")]
    pub owner: Option<String>,
    /// Only actions of this theme (any case).
    #[arg(long, value_name = "THEME")]
    pub theme: Option<String>,
    /// Only actions from the recorded workshop with this title (any case).
    #[arg(long, value_name = "TITLE")]
    pub from_workshop: Option<String>,
    /// Only actions overdue: the deadline passed (a month's at its last day), not complete or closed.
    #[arg(long)]
    pub overdue: bool,
    /// The day `--overdue` is judged on, as YYYY-MM-DD (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", requires = "overdue")]
    pub as_of: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ActionsFormat::Table)]
    pub format: ActionsFormat,
}

/// How `actions` prints the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ActionsFormat {
    /// Aligned columns for reading.
    Table,
    /// CSV with a header row, one action a row.
    Csv,
}

/// `dpia-register action FILE (--add --text T … | --number N [--update TEXT] [--status S])`.
#[derive(Debug, Args)]
pub struct ActionArgs {
    /// The register file (changed in place, atomically).
    pub file: PathBuf,
    /// Add a new action; its number is printed on standard output.
    #[arg(long, conflicts_with_all = ["number", "update"], requires = "text")]
    pub add: bool,
    /// The action to give an update or a status.
    #[arg(long, value_name = "N", required_unless_present = "add")]
    pub number: Option<u32>,
    /// The new action's text.
    #[arg(long, value_name = "TEXT", requires = "add")]
    pub text: Option<String>,
    /// The new action's theme, such as "Data Quality".
    #[arg(long, value_name = "THEME", requires = "add")]
    pub theme: Option<String>,
    /// An owner of the new action; repeat for several.
    #[arg(long = "owner", value_name = "NAME", requires = "add")]
    pub owners: Vec<String>,
    /// The new action's deadline: a day (2019-10-31) or a month (2019-10, Oct'19).
    #[arg(long, value_name = "DEADLINE", requires = "add")]
    pub deadline: Option<String>,
    /// Where the new action came from: a recorded workshop's title, or a day or a month.
    #[arg(long, value_name = "WORKSHOP|DAY", requires = "add")]
    pub from: Option<String>,
    /// An entry the new action concerns; repeat for several.
    #[arg(long = "entry", value_name = "ID", requires = "add")]
    pub entries: Vec<String>,
    /// Another action the new one links to; repeat for several.
    #[arg(long = "links-to", value_name = "N", requires = "add")]
    pub links_to: Vec<u32>,
    /// An update to add to action `--number`.
    #[arg(long, value_name = "TEXT")]
    pub update: Option<String>,
    /// The update's day, as YYYY-MM-DD (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", requires = "update")]
    pub date: Option<String>,
    /// Who gave the update (left out of the public edition).
    #[arg(long, value_name = "NAME", requires = "update")]
    pub who: Option<String>,
    /// Leave the update out of the public edition.
    #[arg(long, requires = "update")]
    pub confidential: bool,
    /// The action's new status (with `--add`, the new action's first).
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,
    /// Who is making the change, for the audit trail (default: git's user.name, else $USER).
    #[arg(long)]
    pub author: Option<String>,
}

/// `dpia-register import-actions IN.csv|IN.xlsx --into FILE`.
#[derive(Debug, Args)]
pub struct ImportActionsArgs {
    /// The action log as CSV or an Excel workbook (.xlsx; every sheet with the log's header row), in
    /// the log's columns: `#, Actions, Deadline, Status, When from?, Owner?` (optionally `Theme`,
    /// `Entries`).
    pub input: PathBuf,
    /// The register to add the actions to (changed in place, atomically; untouched if any row is bad).
    #[arg(long, value_name = "FILE")]
    pub into: PathBuf,
    /// Who is making the change, for the audit trail (default: git's user.name, else $USER).
    #[arg(long)]
    pub author: Option<String>,
}

/// Why an `actions` or `action` command was refused. The file is untouched.
#[derive(Debug, thiserror::Error)]
pub enum ActionCommandError {
    /// An option's value could not be read.
    #[error("{}: {option} `{text}`: {message}", path.display())]
    BadValue {
        /// The register.
        path: PathBuf,
        /// The option, such as `--deadline`.
        option: &'static str,
        /// What was given.
        text: String,
        /// Why it is not a value of the option.
        message: String,
    },
    /// `--number` without `--update` or `--status`.
    #[error("{}: nothing to change: give --update TEXT or --status STATUS", path.display())]
    NothingToDo {
        /// The register.
        path: PathBuf,
    },
}

/// Runs `actions`.
pub(super) fn actions_cmd(
    args: &ActionsArgs,
    today: Date,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    let path = args.file.as_path();
    let register = load_to_read(path)?;
    let filter = ActionFilter {
        status: args
            .status
            .as_deref()
            .map(|text| parse_status(path, text))
            .transpose()?,
        owner: args.owner.clone(),
        theme: args.theme.clone(),
        overdue_on: if args.overdue {
            Some(match &args.as_of {
                Some(text) => parse_day(path, "--as-of", text)?,
                None => today,
            })
        } else {
            None
        },
        from_workshop: args.from_workshop.clone(),
    };
    let actions = action_log::filter(&register, &filter);
    match args.format {
        ActionsFormat::Csv => write_csv(&actions, out)?,
        ActionsFormat::Table => write_table(&actions, out)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The CSV columns of `actions --format csv`.
pub const CSV_HEADER: [&str; 10] = [
    "number",
    "theme",
    "action",
    "deadline",
    "status",
    "owner",
    "from",
    "last_update_date",
    "last_update",
    "entries",
];

/// One action as a CSV row.
pub fn csv_row(action: &Action) -> [String; 10] {
    let last = action.last_update();
    [
        action.number.to_string(),
        action.theme.clone(),
        action.text.clone(),
        action.deadline.map(|d| d.to_string()).unwrap_or_default(),
        action.status.name().to_owned(),
        action.owners_text(),
        action
            .from
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
        last.and_then(|u| u.date)
            .map(|d| d.to_string())
            .unwrap_or_default(),
        last.map(|u| u.text.clone()).unwrap_or_default(),
        action
            .entries
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; "),
    ]
}

fn write_csv(actions: &[&Action], out: &mut dyn Write) -> Result<(), CliError> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(CSV_HEADER)?;
    for action in actions {
        writer.write_record(csv_row(action))?;
    }
    writer.flush()?;
    Ok(())
}

/// Aligned columns: the number right-aligned, the action cut at 60 characters with `…`.
fn write_table(actions: &[&Action], out: &mut dyn Write) -> io::Result<()> {
    let mut rows = vec![
        [
            "#",
            "theme",
            "action",
            "deadline",
            "status",
            "owner",
            "last update",
        ]
        .map(str::to_owned),
    ];
    for action in actions {
        let last = action.last_update().map_or_else(String::new, |update| {
            let date = update.date.map(|d| format!("{d} ")).unwrap_or_default();
            cut(&format!("{date}{}", update.text), 40)
        });
        rows.push([
            action.number.to_string(),
            action.theme.clone(),
            cut(&action.text, 60),
            action.deadline.map(|d| d.to_string()).unwrap_or_default(),
            action.status.name().to_owned(),
            action.owners_text(),
            last,
        ]);
    }
    table::write(&rows, |column| column == 0, out)
}

/// `text` on one line, cut at `max_chars` with `…`.
fn cut(text: &str, max_chars: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max_chars {
        line
    } else {
        let mut short: String = line.chars().take(max_chars - 1).collect();
        short.push('…');
        short
    }
}

/// Runs `action`.
pub(super) fn action_cmd(
    args: ActionArgs,
    now: Timestamp,
    today: Date,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    let path = args.file.as_path();
    let mut editing = Editing::load(path)?;
    let status = args
        .status
        .as_deref()
        .map(|text| parse_status(path, text))
        .transpose()?;
    let added = if args.add {
        let action = new_action(&args, &editing.register, status)?;
        editing.apply(Edit::AddAction {
            action: Box::new(action),
        })?;
        editing.register.actions.last().map(|action| action.number)
    } else {
        let number = args.number.unwrap_or_default();
        if args.update.is_none() && status.is_none() {
            return Err(ActionCommandError::NothingToDo {
                path: path.to_owned(),
            }
            .into());
        }
        if let Some(text) = &args.update {
            let date = match &args.date {
                Some(text) => parse_day(path, "--date", text)?,
                None => today,
            };
            let update = ActionUpdate {
                date: Some(date),
                text: text.trim().to_owned(),
                who: args.who.clone().unwrap_or_default(),
                is_confidential: args.confidential,
            };
            editing.apply(Edit::AddActionUpdate { number, update })?;
        }
        if let Some(status) = status {
            editing.apply(Edit::SetActionStatus { number, status })?;
        }
        None
    };
    let changes = editing.save(args.author, now)?;
    if let Some(number) = added {
        writeln!(out, "{number}")?;
    } else {
        for change in &changes {
            writeln!(out, "{}", super::edit::describe(change))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `import-actions`.
pub(super) fn import_actions_cmd(
    args: ImportActionsArgs,
    now: Timestamp,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    let mut editing = Editing::load(&args.into)?;
    let actions = action_log_file::read(&args.input, &editing.register)?;
    let num_actions = actions.len();
    for action in actions {
        editing.apply(Edit::AddAction {
            action: Box::new(action),
        })?;
    }
    let num_in_log = editing.register.actions.len();
    editing.save(args.author, now)?;
    writeln!(
        out,
        "{}: {num_actions} actions imported into {} (the log now holds {num_in_log})",
        args.input.display(),
        args.into.display(),
    )?;
    Ok(ExitCode::SUCCESS)
}

/// The action `action --add` describes, its number to be issued.
fn new_action(
    args: &ActionArgs,
    register: &Register,
    status: Option<ActionStatus>,
) -> Result<Action, ActionCommandError> {
    let path = args.file.as_path();
    let mut action = Action::new(0, args.text.as_deref().unwrap_or_default().trim());
    args.theme
        .as_deref()
        .unwrap_or_default()
        .trim()
        .clone_into(&mut action.theme);
    action.owners = args
        .owners
        .iter()
        .map(|owner| owner.trim().to_owned())
        .filter(|owner| !owner.is_empty())
        .collect();
    action.deadline = args
        .deadline
        .as_deref()
        .map(|text| {
            Deadline::parse(text).map_err(|err| bad(path, "--deadline", text, &err.to_string()))
        })
        .transpose()?;
    action.from = args
        .from
        .as_deref()
        .map(|text| origin(register, path, text))
        .transpose()?;
    action.status = status.unwrap_or(ActionStatus::NotStarted);
    for text in &args.entries {
        let entry =
            EntryId::parse(text).map_err(|err| bad(path, "--entry", text, &err.to_string()))?;
        if register.entry(&entry).is_none() {
            return Err(bad(path, "--entry", text, "there is no such entry"));
        }
        action.entries.push(entry);
    }
    for &number in &args.links_to {
        action.links.push(ActionLink {
            kind: LinkKind::LinksTo,
            action: number,
        });
    }
    Ok(action)
}

/// `--from`: a recorded workshop by its title (any case), else a day or a month.
fn origin(register: &Register, path: &Path, text: &str) -> Result<Origin, ActionCommandError> {
    if let Some(workshop) = register
        .workshops
        .iter()
        .find(|w| w.title.trim().eq_ignore_ascii_case(text.trim()))
    {
        return Ok(Origin::Workshop {
            title: workshop.title.clone(),
            date: workshop.date,
        });
    }
    Origin::parse(text).map_err(|_| {
        bad(
            path,
            "--from",
            text,
            "is neither a workshop the register records nor a day (2019-07-11) or a month (Jul'19)",
        )
    })
}

fn bad(path: &Path, option: &'static str, text: &str, message: &str) -> ActionCommandError {
    ActionCommandError::BadValue {
        path: path.to_owned(),
        option,
        text: text.to_owned(),
        message: message.to_owned(),
    }
}

fn parse_status(path: &Path, text: &str) -> Result<ActionStatus, ActionCommandError> {
    ActionStatus::parse(text).map_err(|_| {
        bad(
            path,
            "--status",
            text,
            "use not started, ongoing, proposed complete, complete or closed",
        )
    })
}

fn parse_day(path: &Path, option: &'static str, text: &str) -> Result<Date, ActionCommandError> {
    text.trim()
        .parse::<Date>()
        .map_err(|_| bad(path, option, text, "is not a day as YYYY-MM-DD"))
}
