//! `generate`: write a generated register of any size, for trying the app at scale.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use dpia_core::synthetic;
use dpia_files::register_file;

use super::{CliError, is_stdout, refuse_existing};

/// Writes a generated register of `num_entries` entries to `output`.
pub(super) fn generate_cmd(
    num_entries: usize,
    seed: u64,
    output: &Path,
    force: bool,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    refuse_existing(output, force)?;
    let register = synthetic::register(num_entries, seed);
    if is_stdout(output) {
        out.write_all(register_file::text(&register, output)?.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    register_file::save(&register, output)?;
    writeln!(out, "{}: {num_entries} generated entries", output.display())?;
    Ok(ExitCode::SUCCESS)
}
