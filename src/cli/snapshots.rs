//! `snapshot`, `snapshots` and `diff`: take a snapshot, list a register's snapshots, and compare
//! two versions.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use dpia_core::diff::diff;
use dpia_core::snapshot::{Label, SnapshotError, next_label};
use dpia_files::snapshot_chain::{self, TakeError};
use dpia_files::{SaveError, register_file, snapshot_file};

use super::{CliError, DiffFormat, table};

/// Takes a snapshot of the register, refusing a label already taken, and records it in the
/// register (saved at once, so the register keeps its record of its snapshots).
pub(super) fn snapshot_cmd(
    path: &Path,
    label: Label,
    author: Option<String>,
    note: Option<&str>,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    let mut register = register_file::load(path)?;
    // The core reads no clock and no environment: the time and the default author come from here.
    let author = author.unwrap_or_else(dpia_files::author::default_author);
    let now = jiff::Timestamp::now();
    let taken_at = now.round(jiff::Unit::Second).unwrap_or(now);
    let taken = snapshot_chain::take(
        path,
        &mut register,
        label.clone(),
        taken_at,
        &author,
        note.unwrap_or_default(),
    );
    let (saved, snapshot) = match taken {
        Ok(taken) => taken,
        Err(TakeError::Save(SaveError::AlreadyExists { path: existing })) => {
            let next = next_free(path, &register)?;
            return Err(CliError::LabelTaken {
                path: existing,
                label,
                next,
            });
        }
        Err(TakeError::Snapshot(SnapshotError::LabelUsed { .. })) => {
            let next = next_free(path, &register)?;
            let existing = snapshot_file::path(path, &label);
            return Err(if existing.exists() {
                CliError::LabelTaken {
                    path: existing,
                    label,
                    next,
                }
            } else {
                CliError::LabelUsed {
                    path: path.to_owned(),
                    label,
                    next,
                }
            });
        }
        Err(TakeError::Snapshot(err)) => return Err(err.into()),
        Err(TakeError::Save(err)) => return Err(err.into()),
        Err(TakeError::List(err)) => return Err(err.into()),
    };
    register_file::save(&register, path)?;
    writeln!(
        out,
        "{}: snapshot {} of {} entries, checksum {}",
        saved.display(),
        snapshot.label(),
        register.entries.len(),
        snapshot.checksum()
    )?;
    Ok(ExitCode::SUCCESS)
}

/// The label to propose instead of one used: past every snapshot beside the register and every
/// one it records.
fn next_free(path: &Path, register: &dpia_core::register::Register) -> Result<Label, CliError> {
    let listed = snapshot_file::list(path)?;
    let mut labels = snapshot_file::labels(&listed);
    labels.extend(register.snapshots.iter().map(|record| record.label.clone()));
    Ok(next_label(&labels, &register.metadata.version_label))
}

/// Lists the register's snapshots, then what is wrong with them: exit 0, or 1 if one could not
/// be read or the chain is broken (a snapshot missing, replaced, re-taken or another register's).
pub(super) fn snapshots_cmd(path: &Path, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let register = register_file::load(path)?;
    let listed = snapshot_file::list(path)?;
    let chain = snapshot_chain::audit_listed(&register, &listed);
    if listed.is_empty() {
        writeln!(out, "{}: no snapshots", path.display())?;
    }
    let zone = jiff::tz::TimeZone::system();
    let mut rows = vec![["label", "taken", "author", "entries", "note"].map(str::to_owned)];
    let mut problems: Vec<String> = Vec::new();
    for listed in listed {
        match listed.details {
            Ok(details) => rows.push([
                details.label.to_string(),
                details
                    .taken_at
                    .to_zoned_datetime(zone.clone())
                    .strftime("%Y-%m-%d %H:%M %Z")
                    .to_string(),
                details.author,
                details.num_entries.to_string(),
                details.note,
            ]),
            Err(err) => problems.push(err.to_string()),
        }
    }
    if rows.len() > 1 {
        // The entry count is a number: right-aligned.
        table::write(&rows, |column| column == 3, out)?;
    }
    for problem in &chain {
        let line = format!("{}: {problem}", path.display());
        if problem.is_warning() {
            writeln!(out, "{}: warning: {problem}", path.display())?;
        } else {
            problems.push(line);
        }
    }
    for problem in &problems {
        writeln!(out, "{problem}")?;
    }
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Prints the change log from `old` to `new`.
pub(super) fn diff_cmd(
    old: &Path,
    new: &Path,
    format: DiffFormat,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    let old = snapshot_file::load_version(old)?;
    let new = snapshot_file::load_version(new)?;
    let log = diff(old.register(), new.register());
    match format {
        DiffFormat::Text => out.write_all(log.to_text().as_bytes())?,
        DiffFormat::Csv => out.write_all(dpia_files::change_log_csv::to_csv(&log)?.as_bytes())?,
    }
    // Differences are the report, not a failure: the exit is 0 either way.
    Ok(ExitCode::SUCCESS)
}
