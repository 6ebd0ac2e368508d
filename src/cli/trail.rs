//! `log`: the audit trail of a register, oldest first, one change a line; and the trail's
//! problems (an edited, renamed or missing block), which `check` reports too.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use dpia_files::trail_file;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::CliError;
use super::edit::describe;

/// `dpia-register log FILE [--entry ID] [--since DATE]`.
#[derive(Debug, Args)]
pub struct LogArgs {
    /// The register file.
    pub file: PathBuf,
    /// Only the changes to this entry.
    #[arg(long, value_name = "ID")]
    pub entry: Option<String>,
    /// Only the changes saved on or after this day (YYYY-MM-DD, UTC).
    #[arg(long, value_name = "DATE")]
    pub since: Option<Date>,
}

/// Runs `log`: exit 0, or 1 when the trail has problems (listed after the changes).
pub(super) fn log_cmd(args: &LogArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let trail = trail_file::load(&args.file)?;
    for (block, change) in trail.changes() {
        if args.entry.as_deref().is_some_and(|entry| {
            change
                .entry
                .as_ref()
                .map(dpia_core::register::EntryId::as_str)
                != Some(entry)
        }) {
            continue;
        }
        let saved = block.time.to_zoned_datetime(TimeZone::UTC);
        if args.since.is_some_and(|since| saved.date() < since) {
            continue;
        }
        writeln!(
            out,
            "{}  {}  {}",
            saved.strftime("%Y-%m-%d %H:%M:%SZ"),
            block.author,
            describe(change)
        )?;
    }
    for problem in &trail.problems {
        writeln!(out, "{problem}")?;
    }
    Ok(if trail.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
