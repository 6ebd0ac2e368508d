//! `import-docx`: a new register from a Word register's Issue | Concern | Mitigation tables.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use dpia_core::register::{Marking, Register, SystemId};
use dpia_files::{register_file, word_tables};

use super::{CliError, is_stdout, refuse_existing, refuse_input};

/// `import-docx IN.docx -o OUT.ron [--system NAME]... [--skip-bad-rows]`.
#[derive(Debug, Args)]
pub struct ImportDocxArgs {
    /// The Word document to read.
    pub input: PathBuf,
    /// The new register file to write (`-` for standard output).
    #[arg(short, long)]
    pub output: PathBuf,
    /// A system the headings and rows may name, besides PND, PNC, LEDS and HOB (repeatable).
    #[arg(long = "system", value_name = "NAME", value_parser = parse_system)]
    pub systems: Vec<SystemId>,
    /// Import the usable rows and list the others, instead of writing nothing.
    #[arg(long)]
    pub skip_bad_rows: bool,
    /// Title of the new register (default: the file's name).
    #[arg(long)]
    pub title: Option<String>,
    /// Protective marking of the new register: OFFICIAL, OFFICIAL-SENSITIVE, SECRET or TOP SECRET.
    #[arg(long, value_parser = super::args::parse_marking)]
    pub marking: Option<Marking>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

fn parse_system(text: &str) -> Result<SystemId, String> {
    SystemId::parse(text).map_err(|err| err.to_string())
}

/// Runs `import-docx`: nothing is written if any row is unusable, unless `--skip-bad-rows`.
pub(super) fn import_docx_cmd(
    args: ImportDocxArgs,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    let input = args.input.as_path();
    let output = args.output.as_path();
    refuse_input(input, output)?;
    refuse_existing(output, args.force)?;
    let mut base = Register::default();
    base.metadata.title = args.title.unwrap_or_else(|| {
        input.file_stem().map_or_else(
            || "Imported register".to_owned(),
            |s| s.to_string_lossy().into_owned(),
        )
    });
    base.metadata.marking = args.marking.unwrap_or(Marking::Official);
    let import = word_tables::import(input, &base, &args.systems)?;
    if !import.problems.is_empty() && !args.skip_bad_rows {
        let lines: Vec<String> = import
            .problems
            .iter()
            .map(|problem| format!("{}: {problem}", input.display()))
            .collect();
        return Err(CliError::UnusableRows {
            problems: lines.join("\n"),
            count: import.problems.len(),
        });
    }
    if is_stdout(output) {
        out.write_all(register_file::text(&import.register, output)?.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    for note in &import.notes {
        writeln!(out, "{}: {note}", input.display())?;
    }
    for problem in &import.problems {
        writeln!(out, "{}: {problem} (skipped)", input.display())?;
    }
    writeln!(out, "{}", import.summary())?;
    register_file::save(&import.register, output)?;
    writeln!(
        out,
        "{}: written, marked {}",
        output.display(),
        import.register.metadata.marking
    )?;
    Ok(ExitCode::SUCCESS)
}
