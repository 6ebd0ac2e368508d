//! The command line's shape, as clap types: `Cli`, each `Command` with its arguments, and the
//! value types they parse into. Nothing here runs a command (that is `run` and the command files).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use dpia_core::register::Marking;
use dpia_core::snapshot::Label;

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
        /// Also read every snapshot of each register whole and verify its checksum against its
        /// content (by default the chain is checked from the snapshots' headers, which is quick
        /// however large they are).
        #[arg(long)]
        verify_snapshots: bool,
    },
    /// Change a register from a script, as the app would: `--set FIELD=VALUE`, all or none, journaled in the audit trail.
    Edit(super::edit::EditArgs),
    /// List the action log, filtered by status, owner, theme, workshop or overdue on a day; a table or CSV.
    Actions(super::actions::ActionsArgs),
    /// Add an action to the log (its number is printed), or give one an update or a new status, journaled in the audit trail.
    Action(super::actions::ActionArgs),
    /// Import an existing action log from CSV (the log's columns: #, Actions, Deadline, Status, When from?, Owner?) into a register; nothing is written if any row is bad.
    ImportActions(super::actions::ImportActionsArgs),
    /// Merge two versions of a register made from a common one (git's `%O %A %B`): the result replaces OURS; exit 1 if conflicts were written into it.
    Merge(super::merge::MergeArgs),
    /// git's merge driver for snapshot files (`%O %A %B %P`): one label taken on both sides keeps both versions, theirs beside ours.
    MergeSnapshot(super::merge::MergeSnapshotArgs),
    /// List a merged register's conflicts, numbered; settle them with `--take ours|theirs --conflict N` (or `--all`), journaled in the audit trail.
    Resolve(super::resolve::ResolveArgs),
    /// Set up the git merge driver in a repository: `.gitattributes` and `merge.dpia-register.driver`.
    GitSetup(super::merge::GitSetupArgs),
    /// Print the audit trail: who changed what, when, oldest first, one change a line.
    Log(super::trail::LogArgs),
    /// Approve a snapshot (or advise on it, or refuse it), signed with your SSH key if you give one.
    Approve(super::approval::ApproveArgs),
    /// List the approvals and check each: its snapshot unchanged, its signature sound and allowed. Exit 1 if any is invalid.
    Approvals(super::approval::ApprovalsArgs),
    /// Record the accountable decision on an entry's high residual risk: accepted, or not.
    Accept(super::accountability::AcceptArgs),
    /// Record the prior consultation of the ICO (DPA 2018 s65, UK GDPR Art 36): sent, reference, response.
    Consultation(super::accountability::ConsultationArgs),
    /// Print the entries in priority order, with the reason for each rank.
    Rank {
        /// The register file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = RankFormat::Table)]
        format: RankFormat,
    },
    /// Make a new register from a CSV file (one row per entry), or update a register from one (--into).
    ImportCsv(super::csv::ImportArgs),
    /// Make a new register from an Excel workbook (.xlsx), or update a register from one (--into).
    ImportXlsx(super::csv::ImportArgs),
    /// Make a new register from a Word register (.docx): every table whose header row names Issue, Concern and Mitigation; nothing is written if any row is unusable, unless --skip-bad-rows.
    ImportDocx(super::word::ImportDocxArgs),
    /// Write the whole register as an Excel workbook (.xlsx): entries, mitigations, impacts, systems, rights, details and records.
    ExportXlsx {
        /// The register file.
        file: PathBuf,
        /// The workbook to write.
        #[arg(short, long)]
        output: PathBuf,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Write the register (or a snapshot) as an editable Word document (.docx): headings, the Issue | Concern | Mitigation tables, coloured scores, the marking on every page.
    ExportDocx {
        /// The register file.
        file: PathBuf,
        /// The Word document to write.
        #[arg(short, long)]
        output: PathBuf,
        /// Make the public edition: confidential text redacted, owners' names removed.
        #[arg(long)]
        public: bool,
        /// The marking the public edition carries, as whoever reviewed it for publication
        /// decided (`OFFICIAL`); required for the public edition of a register marked above
        /// OFFICIAL.
        #[arg(long, value_name = "MARKING", value_parser = parse_marking, requires = "public")]
        public_marking: Option<Marking>,
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
    /// Write a register's entries as CSV.
    ExportCsv {
        /// The register file.
        file: PathBuf,
        /// The CSV file to write (`-` for standard output).
        #[arg(short, long)]
        output: PathBuf,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Write the register (or a snapshot) as a PDF paper for circulation, with its approvals, carrying the register so it reopens.
    ExportPdf {
        /// The register file.
        file: PathBuf,
        /// The PDF file to write (`-` for standard output).
        #[arg(short, long)]
        output: PathBuf,
        /// Make the public edition: confidential text redacted, owners' names removed.
        #[arg(long)]
        public: bool,
        /// The marking the public edition carries, as whoever reviewed it for publication
        /// decided (`OFFICIAL`); required for the public edition of a register marked above
        /// OFFICIAL.
        #[arg(long, value_name = "MARKING", value_parser = parse_marking, requires = "public")]
        public_marking: Option<Marking>,
        /// Add the changes since this earlier snapshot of the register.
        #[arg(long, value_name = "SNAPSHOT_LABEL", value_parser = Label::parse)]
        since: Option<Label>,
        /// Add the outcome of a workshop recorded in the register: `latest`, or its number (1 for
        /// the first recorded). The public edition never names its participants.
        #[arg(long, value_name = "N|latest", value_parser = WorkshopChoice::parse)]
        workshop: Option<WorkshopChoice>,
        /// Add the action log: ongoing, proposed complete and completed actions, each with its
        /// dated updates. The public edition names no owners and leaves out confidential updates.
        #[arg(long)]
        actions: bool,
        /// The allowed-signers file to check the approvals' signatures against (git's format;
        /// default: git's gpg.ssh.allowedSignersFile).
        #[arg(long, value_name = "FILE")]
        allowed_signers: Option<PathBuf>,
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
        /// The register file to write (`-` for standard output).
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

/// A protective marking as printed (`OFFICIAL`, `OFFICIAL-SENSITIVE`, `SECRET`, `TOP SECRET`),
/// in any letter case, `_` or a space for `-`.
pub(super) fn parse_marking(text: &str) -> Result<Marking, String> {
    let wanted = text.trim().to_uppercase().replace(['_', ' '], "-");
    Marking::ALL
        .into_iter()
        .find(|marking| marking.label().replace(' ', "-") == wanted)
        .ok_or_else(|| {
            let known: Vec<&str> = Marking::ALL.iter().map(|marking| marking.label()).collect();
            format!("`{text}` is not a marking: one of {}", known.join(", "))
        })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

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
            matches!(&cli.command, Some(Command::Check { files, .. }) if files.len() == 2),
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
}
