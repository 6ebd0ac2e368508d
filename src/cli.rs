//! The command line: clap types and one function per subcommand, over the same core as the GUI.
//!
//! Each subcommand writes its report to `out` and returns an exit code; errors are returned, never
//! printed here, so `main` prints each one once. Output files are written atomically and an
//! existing one is replaced only with `--force`.

pub mod accountability;
pub mod approval;
pub mod edit;
pub mod merge;
pub mod trail;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use jiff::Timestamp;

use dpia_core::check::check;
use dpia_core::diff::diff;
use dpia_core::ranking::rank;
use dpia_core::register::{Marking, Register};
use dpia_core::snapshot::{Label, Snapshot, SnapshotError, next_label};
use dpia_core::synthetic;
use dpia_files::csv_file::{self, ImportError};
use dpia_files::snapshot_file::{self, Version};
use dpia_files::{LoadError, SaveError, atomic, paper, register_file, trail_file};
use dpia_report::{Edition, ExportError, ReportOptions};

/// dpia-register: DPIA risk registers with rights-impact scoring, priority ranking and papers.
///
/// With no command, opens the desktop app on FILE, or on the last register used.
#[derive(Debug, Parser)]
#[command(
    name = "dpia-register",
    version,
    about,
    long_about = None,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do; with none, the desktop app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The register (or paper) to open in the desktop app, as `open FILE` does: desktop file
    /// associations pass the file this way.
    pub file: Option<PathBuf>,
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
    /// Change a register from a script, as the app would: `--set FIELD=VALUE`, all or none, journaled in the audit trail.
    Edit(edit::EditArgs),
    /// Merge two versions of a register made from a common one (git's `%O %A %B`): the result replaces OURS; exit 1 if conflicts were written into it.
    Merge(merge::MergeArgs),
    /// Set up the git merge driver in a repository: `.gitattributes` and `merge.dpia-register.driver`.
    GitSetup(merge::GitSetupArgs),
    /// Print the audit trail: who changed what, when, oldest first, one change a line.
    Log(trail::LogArgs),
    /// Approve a snapshot (or advise on it, or refuse it), signed with your SSH key if you give one.
    Approve(approval::ApproveArgs),
    /// List the approvals and check each: its snapshot unchanged, its signature sound and allowed. Exit 1 if any is invalid.
    Approvals(approval::ApprovalsArgs),
    /// Record the accountable decision on an entry's high residual risk: accepted, or not.
    Accept(accountability::AcceptArgs),
    /// Record the prior consultation of the ICO (DPA 2018 s65, UK GDPR Art 36): sent, reference, response.
    Consultation(accountability::ConsultationArgs),
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
        /// Add the changes since this earlier snapshot of the register.
        #[arg(long, value_name = "SNAPSHOT_LABEL", value_parser = Label::parse)]
        since: Option<Label>,
        /// Add the outcome of a workshop recorded in the register: `latest`, or its number (1 for
        /// the first recorded). The public edition never names its participants.
        #[arg(long, value_name = "N|latest", value_parser = WorkshopChoice::parse)]
        workshop: Option<WorkshopChoice>,
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
    /// Take a snapshot of a register: a frozen copy in `NAME.snapshots/LABEL.ron`, never overwritten.
    Snapshot {
        /// The register file.
        file: PathBuf,
        /// The snapshot's label, such as `v1.1`: letters, digits, `.`, `-` and `_`.
        #[arg(long, value_parser = Label::parse)]
        label: Label,
        /// Who is taking it (default: git's user.name, else $USER).
        #[arg(long)]
        author: Option<String>,
        /// Why it is taken.
        #[arg(long)]
        note: Option<String>,
    },
    /// List a register's snapshots: label, date and time, author, entries and note.
    Snapshots {
        /// The register file.
        file: PathBuf,
    },
    /// Compare two versions (register or snapshot files): the change log, older first. Exits 0.
    Diff {
        /// The older version.
        old: PathBuf,
        /// The newer version.
        new: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
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

/// Which workshop `export-pdf --workshop` lays out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkshopChoice {
    /// The one recorded last.
    Latest,
    /// The one recorded in this place, 1 for the first.
    Number(usize),
}

impl WorkshopChoice {
    /// Parses `latest` or a number from 1.
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        if text.eq_ignore_ascii_case("latest") {
            return Ok(Self::Latest);
        }
        match text.parse::<usize>() {
            Ok(number) if number >= 1 => Ok(Self::Number(number)),
            _ => Err(format!(
                "`{text}` is not a workshop: give `latest` or its number, 1 for the first recorded"
            )),
        }
    }

    /// The workshop's position in `Register::workshops`, if the register holds it.
    pub fn workshop_idx(self, num_workshops: usize) -> Option<usize> {
        match self {
            Self::Latest => num_workshops.checked_sub(1),
            Self::Number(number) => number
                .checked_sub(1)
                .filter(|workshop_idx| *workshop_idx < num_workshops),
        }
    }
}

impl std::fmt::Display for WorkshopChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Latest => f.write_str("latest"),
            Self::Number(number) => write!(f, "{number}"),
        }
    }
}

/// How `diff` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// The change log to read: a summary line, then a section per kind of change.
    Text,
    /// CSV: `change,id,system,issue,field,old,new`, one row per change.
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
    /// `--since` names a snapshot the register does not have.
    #[error(
        "{}: no snapshot labelled {label}; `dpia-register snapshots` lists them",
        path.display()
    )]
    NoSnapshot {
        /// Where the snapshot would be.
        path: PathBuf,
        /// The label asked for.
        label: Label,
    },
    /// `--workshop` names a workshop the register does not record.
    #[error("{}: no workshop {asked}; {recorded}", path.display())]
    NoWorkshop {
        /// The register.
        path: PathBuf,
        /// The workshop asked for.
        asked: WorkshopChoice,
        /// The workshops the register does record, numbered.
        recorded: String,
    },
    /// A snapshot could not be taken.
    #[error(transparent)]
    Snapshot(#[from] SnapshotError),
    /// A snapshot with this label exists; snapshots are never overwritten.
    #[error(
        "{}: a snapshot labelled {label} already exists and is never overwritten; choose another label (the next is {next})",
        path.display()
    )]
    LabelTaken {
        /// The existing snapshot file.
        path: PathBuf,
        /// The label asked for.
        label: Label,
        /// The label the app would propose instead.
        next: Label,
    },
    /// `format` was given a PDF paper.
    #[error(
        "{}: is a PDF paper; papers can't be reformatted (`format` rewrites register files)",
        path.display()
    )]
    PaperNotFormatted {
        /// The paper.
        path: PathBuf,
    },
    /// The output file is the input file: writing it would destroy the input.
    #[error(
        "{}: is the input file; choose another output file",
        path.display()
    )]
    OutputIsInput {
        /// The file.
        path: PathBuf,
    },
    /// An approval could not be made or shown.
    #[error(transparent)]
    Approval(#[from] approval::ApprovalError),
    /// An `edit` was refused.
    #[error(transparent)]
    Edit(#[from] edit::EditCommandError),
    /// The merge driver could not be set up.
    #[error(transparent)]
    GitSetup(#[from] merge::GitSetupError),
    /// This command belongs to the desktop app.
    #[error("`open` starts the desktop app; it is not a report command")]
    NotAReport,
}

impl CliError {
    /// Whether the reader of the output went away, as `head` does once it has its lines: the
    /// command then ends quietly, as a success.
    pub fn is_broken_pipe(&self) -> bool {
        match self {
            Self::Output(err) => err.kind() == io::ErrorKind::BrokenPipe,
            Self::Csv(err) => {
                matches!(err.kind(), csv::ErrorKind::Io(err) if err.kind() == io::ErrorKind::BrokenPipe)
            }
            _ => false,
        }
    }
}

/// Runs a report command, writing its output to `out`.
pub fn run(command: Command, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    match command {
        Command::Open { .. } => Err(CliError::NotAReport),
        Command::Check { files } => check_cmd(&files, out),
        Command::Edit(args) => edit::edit_cmd(args, Timestamp::now(), out),
        Command::Merge(args) => merge::merge_cmd(&args, out),
        Command::GitSetup(args) => merge::git_setup_cmd(&args, out),
        Command::Log(args) => trail::log_cmd(&args, out),
        Command::Approve(args) => approval::approve_cmd(args, Timestamp::now(), out),
        Command::Approvals(args) => approval::approvals_cmd(&args, Timestamp::now(), out),
        Command::Accept(args) => accountability::accept_cmd(args, Timestamp::now(), out),
        Command::Consultation(args) => {
            accountability::consultation_cmd(args, Timestamp::now(), out)
        }
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
            workshop,
            force,
        } => {
            let edition = if public {
                Edition::Public
            } else {
                Edition::Full
            };
            let sections = PaperSections {
                since: since.as_ref(),
                workshop,
            };
            export_pdf_cmd(&file, &output, edition, sections, force, out)
        }
        Command::Format { files } => format_cmd(&files, out),
        Command::Snapshot {
            file,
            label,
            author,
            note,
        } => snapshot_cmd(&file, label, author, note, out),
        Command::Snapshots { file } => snapshots_cmd(&file, out),
        Command::Diff { old, new, format } => diff_cmd(&old, &new, format, out),
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
        // A snapshot file is checked too, and its checksum verified on loading.
        match snapshot_file::load_version(path) {
            Err(err) => {
                is_clean = false;
                writeln!(out, "{err}")?;
            }
            Ok(version) => {
                let register = version.register();
                // Each problem on its line, naming its file: the register, or a block of its trail.
                let mut problems: Vec<String> = check(register)
                    .iter()
                    .map(|problem| format!("{}: {problem}", path.display()))
                    .collect();
                if let Version::Working(_) = &version {
                    problems.extend(trail_file::load(path)?.problems);
                    let allowed = approval::allowed_signers(None)?;
                    for (stored, verification) in dpia_files::approval_file::verify_all(
                        path,
                        allowed.as_ref(),
                        Timestamp::now(),
                    )? {
                        if verification.is_invalid() {
                            problems.push(format!(
                                "{}: approval of {} by {}: {verification}",
                                stored.path.display(),
                                stored.approval.label,
                                stored.approval.name
                            ));
                        }
                    }
                }
                for warning in dpia_core::check::warnings(register) {
                    writeln!(out, "{}: warning: {warning}", path.display())?;
                }
                if let Some(consultation) = &register.metadata.prior_consultation {
                    writeln!(
                        out,
                        "{}: prior consultation of the ICO: {consultation}",
                        path.display()
                    )?;
                }
                if problems.is_empty() {
                    let kind = match &version {
                        Version::Working(_) => String::new(),
                        Version::Snapshot(snapshot) => {
                            format!(" snapshot {}, checksum verified,", snapshot.label())
                        }
                    };
                    writeln!(
                        out,
                        "{}: ok,{kind} {} entries",
                        path.display(),
                        register.entries.len()
                    )?;
                } else {
                    is_clean = false;
                    for problem in problems {
                        writeln!(out, "{problem}")?;
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

fn rank_cmd(path: &Path, format: RankFormat, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let register = load_to_read(path)?;
    let header = [
        "rank", "id", "system", "issue", "residual", "inherent", "breadth", "reason",
    ];
    let rows: Vec<[String; 8]> = rank(&register)
        .into_iter()
        .filter_map(|ranked| {
            let entry = register.entries.get(ranked.entry_idx)?;
            let score = |top: Option<&dpia_core::scoring::TopScore>| {
                top.map(|t| t.score.to_string()).unwrap_or_default()
            };
            // The table marks a tie as the app does (`7=`); CSV keeps the rank a number.
            let rank = match (format, ranked.is_tied) {
                (RankFormat::Table, true) => format!("{}=", ranked.rank),
                _ => ranked.rank.to_string(),
            };
            Some([
                rank,
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

/// Refuses an output that is the input itself, by any name, `--force` or not.
fn refuse_input(input: &Path, output: &Path) -> Result<(), CliError> {
    if atomic::is_same_file(input, output) {
        Err(CliError::OutputIsInput {
            path: output.to_owned(),
        })
    } else {
        Ok(())
    }
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
    refuse_input(path, output)?;
    refuse_existing(output, force)?;
    let register = load_to_read(path)?;
    csv_file::export(&register, output, Some(path))?;
    writeln!(
        out,
        "{}: {} entries exported",
        output.display(),
        register.entries.len()
    )?;
    Ok(ExitCode::SUCCESS)
}

/// The optional sections `export-pdf` was asked for.
#[derive(Clone, Copy)]
struct PaperSections<'a> {
    since: Option<&'a Label>,
    workshop: Option<WorkshopChoice>,
}

fn export_pdf_cmd(
    path: &Path,
    output: &Path,
    edition: Edition,
    sections: PaperSections<'_>,
    force: bool,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    refuse_input(path, output)?;
    refuse_existing(output, force)?;
    let register = load_to_read(path)?;
    let workshop_idx = match sections.workshop {
        Some(asked) => Some(
            asked
                .workshop_idx(register.workshops.len())
                .ok_or_else(|| CliError::NoWorkshop {
                    path: path.to_owned(),
                    asked,
                    recorded: recorded_workshops(&register),
                })?,
        ),
        None => None,
    };
    let changes = match sections.since {
        Some(label) => {
            let snapshot_path = snapshot_file::path(path, label);
            if !snapshot_path.exists() {
                return Err(CliError::NoSnapshot {
                    path: snapshot_path,
                    label: label.clone(),
                });
            }
            let snapshot = snapshot_file::load(&snapshot_path)?;
            Some(dpia_report::changes_since(
                snapshot.register(),
                &register,
                label.as_str(),
                edition,
            ))
        }
        None => None,
    };
    let options = ReportOptions {
        edition,
        produced: Some(produced_at()?),
        changes,
        workshop_idx,
    };
    let bytes = dpia_report::export(&register, &options, &mut |_| {})?;
    atomic::write_like(output, &bytes, path)?;
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

/// The workshops a register records, numbered as `--workshop` takes them.
fn recorded_workshops(register: &Register) -> String {
    if register.workshops.is_empty() {
        return "the register records no workshops".to_owned();
    }
    let listed: Vec<String> = register
        .workshops
        .iter()
        .enumerate()
        .map(|(workshop_idx, workshop)| {
            format!(
                "{} = {} {}",
                workshop_idx + 1,
                workshop.date,
                workshop.title
            )
        })
        .collect();
    format!(
        "it records {}: {}",
        register.workshops.len(),
        listed.join(", ")
    )
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

fn snapshot_cmd(
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

fn snapshots_cmd(path: &Path, out: &mut dyn Write) -> Result<ExitCode, CliError> {
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
    let mut widths = [0_usize; 5];
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    for row in &rows {
        let mut line = String::new();
        for (column, (cell, width)) in row.iter().zip(widths).enumerate() {
            let pad = " ".repeat(width.saturating_sub(cell.chars().count()));
            match column {
                0 => {}
                _ => line.push_str("  "),
            }
            // The entry count is a number: right-aligned.
            if column == 3 {
                line.push_str(&pad);
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&pad);
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    for problem in &problems {
        writeln!(out, "{problem}")?;
    }
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn diff_cmd(
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

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Cli {
        Cli::try_parse_from(std::iter::once("dpia-register").chain(args.iter().copied())).unwrap()
    }

    #[test]
    fn a_file_alone_opens_the_app_on_it() {
        let cli = parse(&["registers/r.ron"]);
        assert!(cli.command.is_none(), "{cli:?}");
        assert_eq!(cli.file, Some(PathBuf::from("registers/r.ron")));
    }

    #[test]
    fn commands_and_open_still_parse() {
        let cli = parse(&["check", "a.ron", "b.ron"]);
        assert!(
            matches!(&cli.command, Some(Command::Check { files }) if files.len() == 2),
            "{cli:?}"
        );
        assert_eq!(cli.file, None);
        let cli = parse(&["open", "a.ron"]);
        assert!(
            matches!(&cli.command, Some(Command::Open { file }) if file == Path::new("a.ron")),
            "{cli:?}"
        );
        let cli = parse(&[]);
        assert!(cli.command.is_none() && cli.file.is_none(), "{cli:?}");
    }

    #[test]
    fn a_broken_pipe_is_told_from_other_failures() {
        let broken = || io::Error::from(io::ErrorKind::BrokenPipe);
        assert!(CliError::Output(broken()).is_broken_pipe(), "output");
        assert!(
            CliError::Csv(csv::Error::from(broken())).is_broken_pipe(),
            "csv"
        );
        assert!(
            !CliError::Output(io::Error::other("disk full")).is_broken_pipe(),
            "another failure"
        );
    }
}
