//! `format`: rewrite register files in the layout the app saves.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use dpia_files::{paper, register_file};

use super::CliError;

/// Rewrites each register file in canonical form, or says it already is; papers are refused.
pub(super) fn format_cmd(files: &[PathBuf], out: &mut dyn Write) -> Result<ExitCode, CliError> {
    if let Some(paper) = files.iter().find(|path| paper::is_pdf_file(path)) {
        return Err(CliError::PaperNotFormatted {
            path: paper.clone(),
        });
    }
    // Load every file before writing any, so one malformed file leaves all of them untouched.
    let registers = files
        .iter()
        .map(|path| register_file::load(path).map(|register| (path, register)))
        .collect::<Result<Vec<_>, _>>()?;
    for (path, register) in registers {
        let before = register_file::read_text(path)?;
        if dpia_core::register_text::to_text(&register).ok().as_deref() == Some(before.as_str()) {
            writeln!(out, "{}: already in canonical form", path.display())?;
        } else {
            register_file::save(&register, path)?;
            writeln!(out, "{}: rewritten", path.display())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
