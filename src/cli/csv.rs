//! `import-csv` and `export-csv`: a register from a CSV file (one row per entry), and back.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use dpia_core::register::{Marking, Register};
use dpia_files::{csv_file, register_file};

use super::{CliError, is_stdout, load_to_read, refuse_existing, refuse_input};

/// Makes a new register from the CSV file `input`.
pub(super) fn import_csv_cmd(
    input: &Path,
    output: &Path,
    title: Option<String>,
    force: bool,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    refuse_input(input, output)?;
    refuse_existing(output, force)?;
    let mut register = Register::default();
    register.metadata.title = title.unwrap_or_else(|| {
        input.file_stem().map_or_else(
            || "Imported register".to_owned(),
            |s| s.to_string_lossy().into_owned(),
        )
    });
    register.metadata.marking = Marking::Official;
    let register = csv_file::import(input, &register)?;
    if is_stdout(output) {
        out.write_all(register_file::text(&register, output)?.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    register_file::save(&register, output)?;
    writeln!(
        out,
        "{}: {} entries imported from {}",
        output.display(),
        register.entries.len(),
        input.display()
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
