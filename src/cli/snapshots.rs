//! `snapshot`, `snapshots` and `diff`: take a snapshot, list a register's snapshots, and compare
//! two versions.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use dpia_core::diff::diff;
use dpia_core::snapshot::{Label, Snapshot, next_label};
use dpia_files::{SaveError, register_file, snapshot_file};

use super::{CliError, DiffFormat, table};

/// Takes a snapshot of the register, refusing a label already taken.
pub(super) fn snapshot_cmd(
    path: &Path,
    label: Label,
    author: Option<String>,
    note: Option<String>,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    let register = register_file::load(path)?;
    // The core reads no clock and no environment: the time and the default author come from here.
    let author = author.unwrap_or_else(dpia_files::author::default_author);
    let now = jiff::Timestamp::now();
    let taken_at = now.round(jiff::Unit::Second).unwrap_or(now);
    let snapshot = Snapshot::take(&register, label, taken_at, author, note.unwrap_or_default())?;
    let saved = match snapshot_file::save_new(path, &snapshot) {
        Err(SaveError::AlreadyExists { path: existing }) => {
            let listed = snapshot_file::list(path)?;
            let labels = snapshot_file::labels(&listed);
            return Err(CliError::LabelTaken {
                path: existing,
                label: snapshot.label().clone(),
                next: next_label(&labels, &register.metadata.version_label),
            });
        }
        saved => saved?,
    };
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

/// Lists the register's snapshots: exit 0, or 1 if one could not be read.
pub(super) fn snapshots_cmd(path: &Path, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let listed = snapshot_file::list(path)?;
    if listed.is_empty() {
        writeln!(out, "{}: no snapshots", path.display())?;
        return Ok(ExitCode::SUCCESS);
    }
    let zone = jiff::tz::TimeZone::system();
    let mut rows = vec![["label", "taken", "author", "entries", "note"].map(str::to_owned)];
    let mut problems = Vec::new();
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
            Err(err) => problems.push(err),
        }
    }
    // The entry count is a number: right-aligned.
    table::write(&rows, |column| column == 3, out)?;
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
