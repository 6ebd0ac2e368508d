//! The command line: clap types and one function per subcommand, over the same core as the GUI.
//!
//! Each subcommand writes its report to `out` and returns an exit code; errors are returned, never
//! printed here, so `main` prints each one once. Output files are written atomically and an
//! existing one is replaced only with `--force`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use jiff::Timestamp;

use crate::check::check;
use crate::files::csv_file::{self, ImportError};
use crate::files::{LoadError, SaveError, atomic, register_file};
use crate::ranking::rank;
use crate::register::{Marking, Register};
use crate::report::{self, Edition, ExportError, ReportOptions};
use crate::synthetic;

/// dpia-register: DPIA risk registers with rights-impact scoring, priority ranking and papers.
///
/// With no command, opens the desktop app on the last register used.
#[derive(Debug, Parser)]
#[command(name = "dpia-register", version, about, long_about = None)]
pub struct Cli {
    /// What to do; with none, the desktop app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open a register in the desktop app.
    Open {
        /// The register file.
        file: PathBuf,
    },
    /// Validate registers: exit 0, or 1 with one line per problem.
    Check {
        /// Register files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print the entries in priority order, with the reason for each rank.
    Rank {
        /// The register file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = RankFormat::Table)]
        format: RankFormat,
    },
    /// Make a new register from a CSV file (one row per entry).
    ImportCsv {
        /// The CSV file.
        input: PathBuf,
        /// The register file to write.
        #[arg(short, long)]
        output: PathBuf,
        /// Title of the new register (default: the CSV file's name).
        #[arg(long)]
        title: Option<String>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Write a register's entries as CSV.
    ExportCsv {
        /// The register file.
        file: PathBuf,
        /// The CSV file to write.
        #[arg(short, long)]
        output: PathBuf,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Write the register as a PDF paper for circulation, carrying the register so it reopens.
    ExportPdf {
        /// The register file.
        file: PathBuf,
        /// The PDF file to write.
        #[arg(short, long)]
        output: PathBuf,
        /// Make the public edition: confidential text redacted, owners' names removed.
        #[arg(long)]
        public: bool,
        /// Add the changes since this earlier snapshot.
        #[arg(long, value_name = "SNAPSHOT_LABEL")]
        since: Option<String>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Rewrite registers in the layout the app saves (after editing them by hand).
    Format {
        /// Register files to rewrite in place.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write a generated register of any size, for trying the app at scale.
    Generate {
        /// How many entries.
        entries: usize,
        /// The register file to write.
        #[arg(short, long)]
        output: PathBuf,
        /// Seed for the generator; the same seed gives the same register.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
}

/// How `rank` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RankFormat {
    /// Aligned columns for reading.
    Table,
    /// CSV: `rank,id,system,issue,residual,inherent,breadth,reason`.
    Csv,
}

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// A register could not be read.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// A file could not be written.
    #[error(transparent)]
    Save(#[from] SaveError),
    /// A CSV could not be imported.
    #[error(transparent)]
    Import(#[from] ImportError),
    /// The output file exists and `--force` was not given.
    #[error("{}: already exists; pass --force to replace it", path.display())]
    OutputExists {
        /// The file.
        path: PathBuf,
    },
    /// Writing the report to standard output failed.
    #[error("cannot write output: {0}")]
    Output(#[from] io::Error),
    /// The register could not be turned into CSV.
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
    /// The paper could not be made.
    #[error(transparent)]
    Export(#[from] ExportError),
    /// `SOURCE_DATE_EPOCH` is set but is not a number of seconds.
    #[error("SOURCE_DATE_EPOCH is `{value}`, not a whole number of seconds since 1970")]
    SourceDateEpoch {
        /// What it was set to.
        value: String,
    },
    /// `--since` needs the snapshots, which this build does not have yet.
    #[error("--since {label}: snapshots are not available yet")]
    SnapshotsUnavailable {
        /// The snapshot label asked for.
        label: String,
    },
    /// This command belongs to the desktop app.
    #[error("`open` starts the desktop app; it is not a report command")]
    NotAReport,
}

/// Runs a report command, writing its output to `out`.
pub fn run(command: Command, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    match command {
        Command::Open { .. } => Err(CliError::NotAReport),
        Command::Check { files } => check_cmd(&files, out),
        Command::Rank { file, format } => rank_cmd(&file, format, out),
        Command::ImportCsv {
            input,
            output,
            title,
            force,
        } => import_csv_cmd(&input, &output, title, force, out),
        Command::ExportCsv {
            file,
            output,
            force,
        } => export_csv_cmd(&file, &output, force, out),
        Command::ExportPdf {
            file,
            output,
            public,
            since,
            force,
        } => {
            let edition = if public {
                Edition::Public
            } else {
                Edition::Full
            };
            export_pdf_cmd(&file, &output, edition, since.as_deref(), force, out)
        }
        Command::Format { files } => format_cmd(&files, out),
        Command::Generate {
            entries,
            output,
            seed,
            force,
        } => generate_cmd(entries, seed, &output, force, out),
    }
}

fn check_cmd(files: &[PathBuf], out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let mut is_clean = true;
    for path in files {
        match register_file::load(path) {
            Err(err) => {
                is_clean = false;
                writeln!(out, "{err}")?;
            }
            Ok(register) => {
                let problems = check(&register);
                if problems.is_empty() {
                    writeln!(
                        out,
                        "{}: ok, {} entries",
                        path.display(),
                        register.entries.len()
                    )?;
                } else {
                    is_clean = false;
                    for problem in problems {
                        writeln!(out, "{}: {problem}", path.display())?;
                    }
                }
            }
        }
    }
    Ok(if is_clean {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn rank_cmd(path: &Path, format: RankFormat, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let register = register_file::load(path)?;
    let header = [
        "rank", "id", "system", "issue", "residual", "inherent", "breadth", "reason",
    ];
    let rows: Vec<[String; 8]> = rank(&register)
        .into_iter()
        .filter_map(|ranked| {
            let entry = register.entries.get(ranked.entry_idx)?;
            let score = |top: Option<&crate::scoring::TopScore>| {
                top.map(|t| t.score.to_string()).unwrap_or_default()
            };
            Some([
                ranked.rank.to_string(),
                entry.id.to_string(),
                entry.system.to_string(),
                entry.issue.clone(),
                score(ranked.scores.residual.as_ref()),
                score(ranked.scores.inherent.as_ref()),
                ranked.scores.breadth.to_string(),
                ranked.reason,
            ])
        })
        .collect();
    match format {
        RankFormat::Csv => {
            let mut writer = csv::Writer::from_writer(out);
            writer.write_record(header)?;
            for row in rows {
                writer.write_record(row)?;
            }
            writer.flush()?;
        }
        RankFormat::Table => write_table(&header, &rows, out)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Aligned columns; numbers right-aligned, the issue cut at 50 characters with `…`.
fn write_table(header: &[&str; 8], rows: &[[String; 8]], out: &mut dyn Write) -> io::Result<()> {
    const ISSUE_WIDTH: usize = 50;
    let cut = |text: &str| {
        if text.chars().count() > ISSUE_WIDTH {
            let mut short: String = text.chars().take(ISSUE_WIDTH - 1).collect();
            short.push('…');
            short
        } else {
            text.to_owned()
        }
    };
    let rows: Vec<[String; 8]> = rows
        .iter()
        .map(|row| {
            let mut row = row.clone();
            row[3] = cut(&row[3]);
            row
        })
        .collect();
    let mut widths = header.map(|h| h.chars().count());
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let is_number = |column: usize| matches!(column, 0 | 4 | 5 | 6);
    let mut line = |cells: &[String]| -> io::Result<()> {
        let mut text = String::new();
        for (column, (cell, width)) in cells.iter().zip(widths).enumerate() {
            if column > 0 {
                text.push_str("  ");
            }
            let pad = " ".repeat(width.saturating_sub(cell.chars().count()));
            if is_number(column) {
                text.push_str(&pad);
                text.push_str(cell);
            } else if column + 1 == cells.len() {
                text.push_str(cell);
            } else {
                text.push_str(cell);
                text.push_str(&pad);
            }
        }
        writeln!(out, "{}", text.trim_end())
    };
    line(&header.map(str::to_owned))?;
    for row in &rows {
        line(row)?;
    }
    Ok(())
}

fn refuse_existing(path: &Path, force: bool) -> Result<(), CliError> {
    if path.exists() && !force {
        Err(CliError::OutputExists {
            path: path.to_owned(),
        })
    } else {
        Ok(())
    }
}

fn import_csv_cmd(
    input: &Path,
    output: &Path,
    title: Option<String>,
    force: bool,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
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

fn export_csv_cmd(
    path: &Path,
    output: &Path,
    force: bool,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    refuse_existing(output, force)?;
    let register = register_file::load(path)?;
    csv_file::export(&register, output)?;
    writeln!(
        out,
        "{}: {} entries exported",
        output.display(),
        register.entries.len()
    )?;
    Ok(ExitCode::SUCCESS)
}

fn export_pdf_cmd(
    path: &Path,
    output: &Path,
    edition: Edition,
    since: Option<&str>,
    force: bool,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    refuse_existing(output, force)?;
    let register = register_file::load(path)?;
    if let Some(label) = since {
        // TODO(lead): build `ChangesSection` from the snapshot diff once snapshots land.
        return Err(CliError::SnapshotsUnavailable {
            label: label.to_owned(),
        });
    }
    let options = ReportOptions {
        edition,
        produced: Some(produced_at()?),
        changes: None,
    };
    let bytes = report::export(&register, &options, &mut |_| {})?;
    atomic::write(output, &bytes)?;
    let edition = match edition {
        Edition::Full => "full edition",
        Edition::Public => "public edition",
    };
    writeln!(
        out,
        "{}: paper of {} entries written ({edition}, {} KB)",
        output.display(),
        register.entries.len(),
        bytes.len().div_ceil(1024)
    )?;
    Ok(ExitCode::SUCCESS)
}

/// When a paper is made: `SOURCE_DATE_EPOCH` if set, so the same input gives the same bytes,
/// else now.
fn produced_at() -> Result<Timestamp, CliError> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(value) => value
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|seconds| Timestamp::from_second(seconds).ok())
            .ok_or(CliError::SourceDateEpoch { value }),
        Err(_) => Ok(Timestamp::now()),
    }
}

fn format_cmd(files: &[PathBuf], out: &mut dyn Write) -> Result<ExitCode, CliError> {
    // Load every file before writing any, so one malformed file leaves all of them untouched.
    let registers = files
        .iter()
        .map(|path| register_file::load(path).map(|register| (path, register)))
        .collect::<Result<Vec<_>, _>>()?;
    for (path, register) in registers {
        let before = register_file::read_text(path)?;
        if register_file::to_text(&register).ok().as_deref() == Some(before.as_str()) {
            writeln!(out, "{}: already in canonical form", path.display())?;
        } else {
            register_file::save(&register, path)?;
            writeln!(out, "{}: rewritten", path.display())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn generate_cmd(
    num_entries: usize,
    seed: u64,
    output: &Path,
    force: bool,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    refuse_existing(output, force)?;
    let register = synthetic::register(num_entries, seed);
    register_file::save(&register, output)?;
    writeln!(out, "{}: {num_entries} generated entries", output.display())?;
    Ok(ExitCode::SUCCESS)
}
