//! `edit`: scripted changes to a register, made as the app makes them (the same `Edit`s, checked
//! by the same `apply`), all or nothing, and journaled in the audit trail with their author.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use dpia_core::assignment::{self, AssignmentError};
use dpia_core::edit::{self, Edit, EditError};
use dpia_core::register::{EntryId, IdError, Register, SystemId};
use dpia_core::trail::{Journal, TrailChange};
use dpia_files::{author, register_file, trail_file};
use jiff::Timestamp;

use super::CliError;

/// `dpia-register edit FILE (--entry ID | --add SYSTEM | --remove ID) [--set FIELD=VALUE]… [--author NAME]`.
#[derive(Debug, Args)]
pub struct EditArgs {
    /// The register file (changed in place, atomically).
    pub file: PathBuf,
    /// The entry to change.
    #[arg(long, value_name = "ID", conflicts_with_all = ["add", "remove"], required_unless_present_any = ["add", "remove"])]
    pub entry: Option<String>,
    /// Add a new entry for this system; its new id is printed on standard output.
    #[arg(long, value_name = "SYSTEM", conflicts_with = "remove")]
    pub add: Option<String>,
    /// Remove this entry (its id is never issued again).
    #[arg(long, value_name = "ID")]
    pub remove: Option<String>,
    /// A change: `issue=…`, `concern=…`, `category=…`, `must_have=yes|no`, `votes=N`,
    /// `RIGHT.inherent=SxL`, `RIGHT.residual=SxL` (`none` clears), `RIGHT.note=…`,
    /// `mitigation.N.status|owner|text|due=…`. Repeat for several; all or none are made.
    #[arg(long = "set", value_name = "FIELD=VALUE")]
    pub assignments: Vec<String>,
    /// Who is making the change, for the audit trail (default: git's user.name, else $USER).
    #[arg(long)]
    pub author: Option<String>,
}

/// Why an edit was refused. The file is untouched.
#[derive(Debug, thiserror::Error)]
pub enum EditCommandError {
    /// An id given is not an id.
    #[error("{}: `{text}`: {source}", path.display())]
    BadId {
        /// The register.
        path: PathBuf,
        /// What was given.
        text: String,
        /// Why it is not an id.
        source: IdError,
    },
    /// A `--set` could not be read.
    #[error("{}: --set {text}: {source}", path.display())]
    Assignment {
        /// The register.
        path: PathBuf,
        /// The assignment given.
        text: String,
        /// What is wrong with it.
        source: AssignmentError,
    },
    /// The register refused the change.
    #[error("{}: {what}: {source}", path.display())]
    Refused {
        /// The register.
        path: PathBuf,
        /// The change refused.
        what: String,
        /// Why.
        source: EditError,
    },
    /// Nothing to do.
    #[error("{}: nothing to change: give --set FIELD=VALUE", path.display())]
    NothingToDo {
        /// The register.
        path: PathBuf,
    },
    /// The register was saved but its trail block could not be written.
    #[error("{}: the register was saved, but its audit trail could not be written: {source}", path.display())]
    Trail {
        /// The register.
        path: PathBuf,
        /// Why.
        source: dpia_files::SaveError,
    },
}

/// Runs `edit`.
pub(super) fn edit_cmd(
    args: EditArgs,
    now: Timestamp,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    let path = args.file.as_path();
    let mut editing = Editing::load(path)?;
    let bad_id = |text: &str, source| EditCommandError::BadId {
        path: path.to_owned(),
        text: text.to_owned(),
        source,
    };
    let (entry, report) = if let Some(system) = &args.add {
        let system = SystemId::parse(system).map_err(|err| bad_id(system, err))?;
        editing.apply(Edit::AddEntry { system })?;
        let added = editing
            .register
            .entries
            .last()
            .map(|entry| entry.id.clone())
            .ok_or_else(|| EditCommandError::NothingToDo {
                path: path.to_owned(),
            })?;
        (Some(added), Report::NewId)
    } else if let Some(removed) = &args.remove {
        let entry = EntryId::parse(removed).map_err(|err| bad_id(removed, err))?;
        editing.apply(Edit::DeleteEntry { entry })?;
        (None, Report::Changes)
    } else {
        let text = args.entry.as_deref().unwrap_or_default();
        let entry = EntryId::parse(text).map_err(|err| bad_id(text, err))?;
        if editing.register.entry(&entry).is_none() {
            return Err(EditCommandError::Refused {
                path: path.to_owned(),
                what: format!("--entry {entry}"),
                source: EditError::NoSuchEntry { entry },
            }
            .into());
        }
        if args.assignments.is_empty() {
            return Err(EditCommandError::NothingToDo {
                path: path.to_owned(),
            }
            .into());
        }
        (Some(entry), Report::Changes)
    };
    if let Some(entry) = &entry {
        for text in &args.assignments {
            let edit = assignment::parse(&editing.register, entry, text).map_err(|source| {
                EditCommandError::Assignment {
                    path: path.to_owned(),
                    text: text.clone(),
                    source,
                }
            })?;
            editing.apply(edit)?;
        }
    }
    let changes = editing.save(args.author, now)?;
    match (report, entry) {
        (Report::NewId, Some(entry)) => writeln!(out, "{entry}")?,
        _ => {
            for change in &changes {
                writeln!(out, "{}", describe(change))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// What `edit` prints: the new id alone (for scripts), or the changes made.
#[derive(Debug, Clone, Copy)]
enum Report {
    NewId,
    Changes,
}

/// A register being changed by a command: each edit applied as the app applies it and noted in
/// the journal, then saved with one block in the audit trail.
pub(super) struct Editing<'a> {
    path: &'a Path,
    /// The register as changed so far.
    pub(super) register: Register,
    journal: Journal,
}

impl<'a> Editing<'a> {
    /// The register at `path`, loaded.
    pub(super) fn load(path: &'a Path) -> Result<Self, CliError> {
        Ok(Self {
            path,
            register: register_file::load(path)?,
            journal: Journal::default(),
        })
    }

    /// Applies one edit, naming it if the register refuses it (then nothing has changed).
    pub(super) fn apply(&mut self, edit: Edit) -> Result<(), EditCommandError> {
        let what = edit.label();
        self.journal.before_edit(&self.register, &edit);
        let adds_entry = edit.adds_entry();
        edit::apply(&mut self.register, edit).map_err(|source| EditCommandError::Refused {
            path: self.path.to_owned(),
            what,
            source,
        })?;
        if adds_entry {
            self.journal.entry_added(&self.register);
        }
        Ok(())
    }

    /// Saves the register atomically, then adds the changes to its audit trail as `author`'s
    /// (default: git's user.name, else $USER); returns the changes.
    pub(super) fn save(
        self,
        author: Option<String>,
        now: Timestamp,
    ) -> Result<Vec<TrailChange>, CliError> {
        let changes = self.journal.changes(&self.register);
        register_file::save(&self.register, self.path)?;
        let author = author.unwrap_or_else(author::default_author);
        trail_file::append(self.path, &author, now, changes.clone()).map_err(|source| {
            EditCommandError::Trail {
                path: self.path.to_owned(),
                source,
            }
        })?;
        Ok(changes)
    }
}

/// One change as `edit` and `log` print it: `PND-001 concern: "old" → "new"`.
pub(super) fn describe(change: &TrailChange) -> String {
    let entry = change
        .entry
        .as_ref()
        .map_or_else(|| "register".to_owned(), ToString::to_string);
    format!(
        "{entry} {}: {} → {}",
        change.what,
        shown(&change.old),
        shown(&change.new)
    )
}

/// A value on one line: quoted, with line breaks shown as `⏎`.
fn shown(value: &str) -> String {
    format!(
        "\"{}\"",
        value.replace("\r\n", "⏎").replace(['\n', '\r'], "⏎")
    )
}
