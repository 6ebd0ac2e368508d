//! `import-csv`, `export-csv`, `import-xlsx` and `export-xlsx`: a register from a CSV file (one row
//! per entry) or a workbook (the whole register), a register updated from one by id (`--into`), and back.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use dpia_core::diff::diff;
use dpia_core::register::{Marking, Register};
use dpia_files::entry_rows::Update;
use dpia_files::{csv_file, register_file, xlsx_file};
use jiff::Timestamp;

use super::edit::Editing;
use super::{CliError, is_stdout, load_to_read, refuse_existing, refuse_input};
use crate::spreadsheet_update::{self, Sheet};

/// `import-csv IN (-o OUT [--title T] [--marking M] | --into FILE [--dry-run] [--remove-missing])`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file to read.
    pub input: PathBuf,
    /// The new register file to write.
    #[arg(short, long, required_unless_present = "into", conflicts_with = "into")]
    pub output: Option<PathBuf>,
    /// Update this register by id instead: changed fields change, rows with no id become new
    /// entries, entries the sheet lacks are reported (and removed with --remove-missing).
    #[arg(long, value_name = "FILE")]
    pub into: Option<PathBuf>,
    /// With --into: print the change log (as `diff` prints it) and write nothing.
    #[arg(long, requires = "into")]
    pub dry_run: bool,
    /// With --into: remove the register's entries that the sheet does not have.
    #[arg(long, requires = "into")]
    pub remove_missing: bool,
    /// Title of the new register (default: the file's name).
    #[arg(long, conflicts_with = "into")]
    pub title: Option<String>,
    /// Protective marking of the new register: OFFICIAL, OFFICIAL-SENSITIVE, SECRET or TOP SECRET.
    #[arg(long, value_parser = super::args::parse_marking, conflicts_with = "into")]
    pub marking: Option<Marking>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Who is making the change (with --into), for the audit trail (default: git's user.name, else $USER).
    #[arg(long)]
    pub author: Option<String>,
}

/// Runs `import-csv`.
pub(super) fn import_csv_cmd(
    args: ImportArgs,
    now: Timestamp,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    let input = args.input.clone();
    import_cmd(
        args,
        now,
        out,
        |register| Ok(csv_file::import(&input, register)?),
        |register, remove_missing| Ok(Sheet::Csv.update(&input, register, remove_missing)?),
    )
}

/// Runs `import-xlsx`: like `import-csv`, and the workbook's details, systems, rights and records
/// come too (the title and marking given are only defaults the workbook's Details override).
pub(super) fn import_xlsx_cmd(
    args: ImportArgs,
    now: Timestamp,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    let input = args.input.clone();
    import_cmd(
        args,
        now,
        out,
        |_| Ok(xlsx_file::import(&input)?),
        |register, remove_missing| Ok(Sheet::Workbook.update(&input, register, remove_missing)?),
    )
}

/// Writes the whole register to the workbook `output`.
pub(super) fn export_xlsx_cmd(
    path: &Path,
    output: &Path,
    force: bool,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    refuse_input(path, output)?;
    refuse_existing(output, force)?;
    let register = load_to_read(path)?;
    xlsx_file::export(&register, output, Some(path))?;
    writeln!(
        out,
        "{}: {} entries exported, marked {}",
        output.display(),
        register.entries.len(),
        register.metadata.marking
    )?;
    Ok(ExitCode::SUCCESS)
}

/// The shared flow of `import-csv` and `import-xlsx`: a new register from the sheet, or the
/// register `--into` updated from it.
pub(super) fn import_cmd(
    args: ImportArgs,
    now: Timestamp,
    out: &mut dyn Write,
    import: impl FnOnce(&Register) -> Result<Register, CliError>,
    update: impl FnOnce(&Register, bool) -> Result<Update, CliError>,
) -> Result<ExitCode, CliError> {
    let input = args.input.as_path();
    if let Some(into) = &args.into {
        refuse_input(input, into)?;
        let mut editing = Editing::load(into)?;
        let update = update(&editing.register, args.remove_missing)?;
        let log = diff(&editing.register, &update.register);
        out.write_all(log.to_text().as_bytes())?;
        if !update.missing.is_empty() {
            let ids: Vec<String> = update.missing.iter().map(ToString::to_string).collect();
            writeln!(
                out,
                "\nNot in {}: {}{}",
                input.display(),
                ids.join(", "),
                if update.removed_missing {
                    " (removed)"
                } else {
                    " (kept; give --remove-missing to remove them)"
                }
            )?;
        }
        if args.dry_run {
            writeln!(out, "\n--dry-run: {} is unchanged", into.display())?;
            return Ok(ExitCode::SUCCESS);
        }
        if log.is_empty() {
            return Ok(ExitCode::SUCCESS);
        }
        editing.apply(spreadsheet_update::edit(input, update.register))?;
        editing.save(args.author, now)?;
        writeln!(out, "\n{}: updated", into.display())?;
        return Ok(ExitCode::SUCCESS);
    }
    let output = args
        .output
        .as_deref()
        .expect("clap requires -o when --into is not given");
    refuse_input(input, output)?;
    refuse_existing(output, args.force)?;
    let mut register = Register::default();
    register.metadata.title = args.title.unwrap_or_else(|| {
        input.file_stem().map_or_else(
            || "Imported register".to_owned(),
            |s| s.to_string_lossy().into_owned(),
        )
    });
    register.metadata.marking = args.marking.unwrap_or(Marking::Official);
    let register = import(&register)?;
    if is_stdout(output) {
        out.write_all(register_file::text(&register, output)?.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    register_file::save(&register, output)?;
    writeln!(
        out,
        "{}: {} entries imported from {}, marked {}",
        output.display(),
        register.entries.len(),
        input.display(),
        register.metadata.marking
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Writes the register's entries to the CSV file `output`.
pub(super) fn export_csv_cmd(
    path: &Path,
    output: &Path,
    force: bool,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    refuse_input(path, output)?;
    refuse_existing(output, force)?;
    let register = load_to_read(path)?;
    if is_stdout(output) {
        out.write_all(csv_file::export_text(&register)?.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    csv_file::export(&register, output, Some(path))?;
    writeln!(
        out,
        "{}: {} entries exported",
        output.display(),
        register.entries.len()
    )?;
    Ok(ExitCode::SUCCESS)
}
