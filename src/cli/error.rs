//! Why a command failed: `CliError`, one variant per failure, shown once by `main`.

use std::io;
use std::path::PathBuf;

use dpia_core::snapshot::{Label, SnapshotError};
use dpia_files::csv_file::ImportError;
use dpia_files::{LoadError, SaveError};
use dpia_report::ExportError;

use super::WorkshopChoice;

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
    /// A workbook could not be imported.
    #[error(transparent)]
    ImportXlsx(#[from] dpia_files::xlsx_file::ImportError),
    /// A spreadsheet could not be read to update a register.
    #[error(transparent)]
    Sheet(#[from] crate::spreadsheet_update::SheetError),
    /// A Word register could not be imported.
    #[error(transparent)]
    ImportDocx(#[from] dpia_files::word_tables::ImportError),
    /// Some rows of a Word register could not be used, and `--skip-bad-rows` was not given.
    #[error(
        "{problems}\nnothing written: {count} row{} could not be used; correct them, or give --skip-bad-rows to import the others",
        if *count == 1 { "" } else { "s" }
    )]
    UnusableRows {
        /// One line per row: `file: table T row R: problem`.
        problems: String,
        /// How many rows.
        count: usize,
    },
    /// An action log could not be imported.
    #[error(transparent)]
    ImportActions(#[from] dpia_files::action_log_file::ImportError),
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
    /// `--public` of a register marked above OFFICIAL, with no `--public-marking`.
    #[error(
        "{}: the register is marked {marking}, so its public edition needs the marking it will carry, stated by whoever reviewed it for publication: add --public-marking OFFICIAL (or the marking they decided)",
        path.display()
    )]
    PublicMarkingNeeded {
        /// The register.
        path: PathBuf,
        /// Its marking.
        marking: dpia_core::register::Marking,
    },
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
    /// The register records a snapshot with this label, whose file is gone: a label names one
    /// version only.
    #[error(
        "{}: the register has had a snapshot labelled {label} already (its file is gone: `check` reports it), and a label names one version only; choose another label (the next is {next})",
        path.display()
    )]
    LabelUsed {
        /// The register.
        path: PathBuf,
        /// The label asked for.
        label: Label,
        /// The label the app would propose instead.
        next: Label,
    },
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
    /// The output is a folder, pipe or device, which is never replaced by a file.
    #[error(
        "{}: is not a regular file (a folder, pipe or device) and is never replaced; to write to standard output, use `-o -`",
        path.display()
    )]
    OutputNotAFile {
        /// The output path.
        path: PathBuf,
    },
    /// The output would go into a register's snapshots, approvals or trail folder, whose files
    /// only the app's own commands add.
    #[error(
        "{}: is inside {}, which only `snapshot`, `approve` and saves write to; choose another output file",
        path.display(),
        folder.display()
    )]
    OutputInKeptFolder {
        /// The output file.
        path: PathBuf,
        /// The snapshots, approvals or trail folder.
        folder: PathBuf,
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
    Approval(#[from] super::approval::ApprovalError),
    /// An `actions` or `action` command was refused.
    #[error(transparent)]
    Action(#[from] super::actions::ActionCommandError),
    /// An `edit` was refused.
    #[error(transparent)]
    Edit(#[from] super::edit::EditCommandError),
    /// The merge driver could not be set up.
    #[error(transparent)]
    GitSetup(#[from] super::merge::GitSetupError),
    /// `resolve` was asked for something it cannot do.
    #[error(transparent)]
    Resolve(#[from] super::resolve::ResolveCommandError),
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

#[cfg(test)]
mod tests {
    use super::*;

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
