//! The command line: clap types and one function per subcommand, over the same core as the GUI.
//!
//! Each subcommand writes its report to `out` and returns an exit code; errors are returned, never
//! printed here, so `main` prints each one once. Output files are written atomically and an
//! existing one is replaced only with `--force`.
//!
//! The parts: `args` (the clap types), `error` (`CliError`), `run` here (the dispatch), one file per
//! group of commands (`actions`, `check`, `rank`, `csv`, `paper`, `format`, `snapshots`, `generate`, `edit`, `trail`, `accountability`, `approval`), and
//! `table` (aligned text columns). To add a command: a variant of `Command` in `args`, its
//! `*_cmd(…, out) -> Result<ExitCode, CliError>` in the file of its group (or a new file), any new
//! failure as a `CliError` variant, and its arm in `run`.

pub mod accountability;
pub mod actions;
pub mod approval;
mod args;
mod check;
mod csv;
pub mod edit;
mod error;
mod format;
mod generate;
pub mod merge;
mod paper;
mod rank;
pub mod resolve;
mod snapshots;
mod table;
pub mod terminal;
pub mod trail;
mod word;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use dpia_core::register::Register;
use dpia_files::LoadError;
use dpia_files::snapshot_file::{self, Version};
use dpia_report::Edition;
use jiff::Timestamp;

pub use args::{Cli, Command, DiffFormat, RankFormat, WorkshopChoice};
pub use error::CliError;

/// Runs a report command, writing its output to `out`: sanitised for a terminal
/// (`terminal::sanitise`) unless it is exact data (CSV, RON, a PDF, signed bytes).
pub fn run(command: Command, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    if writes_exact_data(&command) {
        dispatch(command, out)
    } else {
        let mut safe = terminal::TerminalSafe::new(out);
        let code = dispatch(command, &mut safe)?;
        safe.flush()?;
        Ok(code)
    }
}

/// Whether `command` writes data that must reach standard output byte for byte.
fn writes_exact_data(command: &Command) -> bool {
    match command {
        Command::Rank { format, .. } => *format == RankFormat::Csv,
        Command::Diff { format, .. } => *format == DiffFormat::Csv,
        Command::Approvals(args) => args.payload.is_some() || args.signature.is_some(),
        Command::ImportCsv(args) => args.output.as_deref().is_some_and(is_stdout),
        Command::ImportDocx(args) => is_stdout(&args.output),
        Command::ExportCsv { output, .. }
        | Command::ExportPdf { output, .. }
        | Command::Generate { output, .. } => is_stdout(output),
        _ => false,
    }
}

fn dispatch(command: Command, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    match command {
        Command::Open { .. } => Err(CliError::NotAReport),
        Command::Check {
            files,
            verify_snapshots,
        } => check::check_cmd(&files, verify_snapshots, out),
        Command::Edit(args) => edit::edit_cmd(args, Timestamp::now(), out),
        Command::Actions(args) => actions::actions_cmd(&args, today(), out),
        Command::Action(args) => actions::action_cmd(args, Timestamp::now(), today(), out),
        Command::ImportActions(args) => actions::import_actions_cmd(args, Timestamp::now(), out),
        Command::Merge(args) => merge::merge_cmd(&args, out),
        Command::MergeSnapshot(args) => merge::merge_snapshot_cmd(&args, out),
        Command::Resolve(args) => resolve::resolve_cmd(args, Timestamp::now(), out),
        Command::GitSetup(args) => merge::git_setup_cmd(&args, out),
        Command::Log(args) => trail::log_cmd(&args, out),
        Command::Approve(args) => approval::approve_cmd(args, Timestamp::now(), out),
        Command::Approvals(args) => approval::approvals_cmd(&args, Timestamp::now(), out),
        Command::Accept(args) => accountability::accept_cmd(args, Timestamp::now(), out),
        Command::Consultation(args) => {
            accountability::consultation_cmd(args, Timestamp::now(), out)
        }
        Command::Rank { file, format } => rank::rank_cmd(&file, format, out),
        Command::ImportCsv(args) => csv::import_csv_cmd(args, Timestamp::now(), out),
        Command::ImportXlsx(args) => csv::import_xlsx_cmd(args, Timestamp::now(), out),
        Command::ImportDocx(args) => word::import_docx_cmd(args, out),
        Command::ExportXlsx {
            file,
            output,
            force,
        } => csv::export_xlsx_cmd(&file, &output, force, out),
        Command::ExportDocx {
            file,
            output,
            public,
            public_marking,
            since,
            workshop,
            force,
        } => {
            let edition = if public {
                Edition::Public
            } else {
                Edition::Full
            };
            let sections = paper::PaperSections {
                since: since.as_ref(),
                workshop,
                actions: false,
                allowed_signers: None,
                public_marking,
            };
            paper::export_docx_cmd(&file, &output, edition, sections, force, out)
        }
        Command::ExportCsv {
            file,
            output,
            force,
        } => csv::export_csv_cmd(&file, &output, force, out),
        Command::ExportPdf {
            file,
            output,
            public,
            public_marking,
            since,
            workshop,
            actions,
            allowed_signers,
            force,
        } => {
            let edition = if public {
                Edition::Public
            } else {
                Edition::Full
            };
            let sections = paper::PaperSections {
                since: since.as_ref(),
                workshop,
                actions,
                allowed_signers: allowed_signers.as_deref(),
                public_marking,
            };
            paper::export_pdf_cmd(&file, &output, edition, sections, force, out)
        }
        Command::Format { files } => format::format_cmd(&files, out),
        Command::Snapshot {
            file,
            label,
            author,
            note,
        } => snapshots::snapshot_cmd(&file, label, author, note.as_deref(), out),
        Command::Snapshots { file } => snapshots::snapshots_cmd(&file, out),
        Command::Diff { old, new, format } => snapshots::diff_cmd(&old, &new, format, out),
        Command::Generate {
            entries,
            output,
            seed,
            force,
        } => generate::generate_cmd(entries, seed, &output, force, out),
    }
}

/// Today, where the user is: the default day of an update and of `--overdue`.
fn today() -> jiff::civil::Date {
    Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .date()
}

/// The register to read at `path`: a register file, a paper, or a snapshot's frozen register.
///
/// Only for commands that read; a snapshot is never rewritten, so `format` and `snapshot` load
/// with `register_file::load`, which refuses one.
fn load_to_read(path: &Path) -> Result<Register, LoadError> {
    Ok(match snapshot_file::load_version(path)? {
        Version::Working(register) => register,
        Version::Snapshot(snapshot) => snapshot.register().clone(),
    })
}

/// Whether `output` is `-`: the output goes to standard output (`out`), not to a file.
fn is_stdout(output: &Path) -> bool {
    output.as_os_str() == "-"
}

/// Refuses an output that is the input itself, by any name, `--force` or not.
fn refuse_input(input: &Path, output: &Path) -> Result<(), CliError> {
    if is_stdout(output) {
        return Ok(());
    }
    // A file that does not exist yet cannot be the input; one that exists is compared by the file
    // it is, through `..` and symlinks.
    if dpia_files::atomic::is_same_file(input, output) {
        Err(CliError::OutputIsInput {
            path: output.to_owned(),
        })
    } else {
        Ok(())
    }
}

/// Refuses an output file that exists, unless `force`; and even then anything but a regular
/// file, and a file in a register's snapshots, approvals or trail folder.
fn refuse_existing(path: &Path, force: bool) -> Result<(), CliError> {
    if is_stdout(path) {
        return Ok(());
    }
    if let Err(dpia_files::SaveError::NotAFile { path }) = dpia_files::atomic::refuse_special(path)
    {
        return Err(CliError::OutputNotAFile { path });
    }
    if let Some(folder) = dpia_files::kept_folder(path) {
        return Err(CliError::OutputInKeptFolder {
            path: path.to_owned(),
            folder,
        });
    }
    if path.exists() && !force {
        Err(CliError::OutputExists {
            path: path.to_owned(),
        })
    } else {
        Ok(())
    }
}
