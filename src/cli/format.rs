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
    // Each is read once and serialised once: the text it has, against the text it should have.
    let registers = files
        .iter()
        .map(|path| {
            let before = register_file::read_register_text(path)?;
            let register = register_file::parse(&before, path)?;
            Ok((path, before, register))
        })
        .collect::<Result<Vec<_>, dpia_files::LoadError>>()?;
    for (path, before, register) in registers {
        let canonical = register_file::text(&register, path)?;
        if canonical == before {
            writeln!(out, "{}: already in canonical form", path.display())?;
        } else {
            register_file::save_text(&canonical, path)?;
            writeln!(out, "{}: rewritten", path.display())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
