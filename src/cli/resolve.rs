//! `resolve`: list a merged register's conflicts, numbered, and settle them with ours or theirs,
//! as the app's Resolve conflicts view does, journaled in the audit trail.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use dpia_core::edit::Edit;
use dpia_core::merge::Choice;
use dpia_core::register::{Conflict, Register};
use dpia_files::register_file;
use jiff::Timestamp;

use super::CliError;
use super::edit::{Editing, describe};

/// `dpia-register resolve FILE [--take ours|theirs (--conflict N ... | --all)] [--author NAME]`.
#[derive(Debug, Args)]
pub struct ResolveArgs {
    /// The register with conflicts written into it by a merge.
    pub file: PathBuf,
    /// Whose value settles the conflicts: `ours` (the value in place; keep it, or edit it first
    /// with `edit`) or `theirs`. Without it, the conflicts are listed, numbered.
    #[arg(long, value_enum)]
    pub take: Option<Side>,
    /// A conflict to settle, numbered from 1 as listed; give it more than once for several.
    #[arg(long = "conflict", value_name = "N", requires = "take")]
    pub conflicts: Vec<usize>,
    /// Settle every conflict.
    #[arg(long, requires = "take", conflicts_with = "conflicts")]
    pub all: bool,
    /// The name the audit trail records (default: git's user.name, else $USER).
    #[arg(long)]
    pub author: Option<String>,
}

/// Whose value settles a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Side {
    /// Ours: the value in place while the conflict is open.
    Ours,
    /// Theirs: the other side's value.
    Theirs,
}

impl From<Side> for Choice {
    fn from(side: Side) -> Self {
        match side {
            Side::Ours => Self::Ours,
            Side::Theirs => Self::Theirs,
        }
    }
}

/// Why `resolve` did nothing. The file is untouched.
#[derive(Debug, thiserror::Error)]
pub enum ResolveCommandError {
    /// `--take` without saying which conflicts.
    #[error("{}: say which conflicts to settle: --conflict N (as listed by `resolve FILE`) or --all", path.display())]
    WhichConflicts {
        /// The register.
        path: PathBuf,
    },
    /// A number that is not one of the conflicts.
    #[error("{}: there is no conflict {number}: the register has {count} (list them with `resolve FILE`)", path.display())]
    NoSuchConflict {
        /// The register.
        path: PathBuf,
        /// The number given.
        number: usize,
        /// How many there are.
        count: usize,
    },
}

/// Runs `resolve`: exit 0 once settled (or when there is nothing to settle), 1 when listing
/// conflicts that remain.
pub(super) fn resolve_cmd(
    args: ResolveArgs,
    now: Timestamp,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    let path = args.file.as_path();
    let Some(side) = args.take else {
        let register = register_file::load(path)?;
        return list(&register, path, out);
    };
    let mut editing = Editing::load(path)?;
    let count = editing.register.conflicts.len();
    let mut chosen: Vec<usize> = if args.all {
        (0..count).collect()
    } else if args.conflicts.is_empty() {
        return Err(ResolveCommandError::WhichConflicts {
            path: path.to_owned(),
        }
        .into());
    } else {
        let mut chosen = Vec::new();
        for &number in &args.conflicts {
            if number == 0 || number > count {
                return Err(ResolveCommandError::NoSuchConflict {
                    path: path.to_owned(),
                    number,
                    count,
                }
                .into());
            }
            chosen.push(number - 1);
        }
        chosen
    };
    // Settled from the last, so the numbers of those still to settle do not move.
    chosen.sort_unstable();
    chosen.dedup();
    let mut settled = Vec::new();
    for &conflict_idx in chosen.iter().rev() {
        if let Some(edit) = Edit::resolve_conflict(&editing.register, conflict_idx, side.into()) {
            settled.push(edit.label());
            editing.apply(edit)?;
        }
    }
    let remaining = editing.register.conflicts.len();
    let changes = editing.save(args.author, now)?;
    for label in settled.iter().rev() {
        writeln!(out, "{label}")?;
    }
    for change in &changes {
        writeln!(out, "{}", describe(change))?;
    }
    match remaining {
        0 => writeln!(out, "{}: no conflicts remain", path.display())?,
        remaining => writeln!(
            out,
            "{}: {remaining} conflict{} remain{}",
            path.display(),
            if remaining == 1 { "" } else { "s" },
            if remaining == 1 { "s" } else { "" }
        )?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Lists the conflicts, numbered from 1: exit 1 if there are any.
fn list(
    register: &Register,
    path: &std::path::Path,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    if register.conflicts.is_empty() {
        writeln!(out, "{}: no conflicts", path.display())?;
        return Ok(ExitCode::SUCCESS);
    }
    for (idx, conflict) in register.conflicts.iter().enumerate() {
        writeln!(
            out,
            "{}. {}: base {} | ours {} | theirs {}",
            idx + 1,
            conflict.what(),
            Conflict::shortened(&conflict.base),
            Conflict::shortened(&conflict.ours),
            Conflict::shortened(&conflict.theirs)
        )?;
    }
    Ok(ExitCode::from(1))
}
