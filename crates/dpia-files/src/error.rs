//! The errors of reading and writing files. Each names the file; parse errors name line and column too.

use std::fmt;
use std::path::{Path, PathBuf};

use dpia_core::register_text::FormatError;

/// Why a register (or snapshot) could not be read. Nothing is changed when loading fails.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read at all.
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The file is larger than this app reads (`limits::MAX_FILE_BYTES`); nothing of it was parsed.
    #[error(
        "{}: larger than {}, the most dpia-register reads of a file",
        path.display(),
        super::limits::in_megabytes(*limit)
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The limit it is over, in bytes.
        limit: u64,
    },
    /// The text is not a valid register: a syntax error, a bad value, an unknown or missing field.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What is wrong there.
        message: String,
    },
    /// The file was written by a newer version of the app.
    #[error(
        "{}: format_version {found} is newer than this app reads (up to {supported}); update dpia-register to open it",
        path.display()
    )]
    NewerFormat {
        /// The file.
        path: PathBuf,
        /// The version in the file.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
    /// A snapshot's recorded checksum does not match its content: it was edited or damaged.
    #[error(
        "{}: the checksum does not match the content: the snapshot has been altered or is corrupt since it was taken (it records checksum {})",
        path.display(),
        recorded.short()
    )]
    Altered {
        /// The snapshot file.
        path: PathBuf,
        /// The checksum recorded when the snapshot was taken.
        recorded: dpia_core::snapshot::Checksum,
        /// The checksum of what the file holds now. Not in the message: a snapshot's checksum is
        /// not something to copy into the file.
        actual: dpia_core::snapshot::Checksum,
    },
    /// A snapshot's label does not match its file's name: the file was renamed or altered.
    #[error(
        "{}: the snapshot in this file is labelled {label}, not as its file is named: the snapshot has been altered or renamed (its file should be {label}.ron)",
        path.display()
    )]
    Renamed {
        /// The snapshot file.
        path: PathBuf,
        /// The label recorded in the snapshot (and covered by its checksum).
        label: dpia_core::snapshot::Label,
    },
    /// The file is of a kind the app does not open.
    #[error("{}: {message}", path.display())]
    Unsupported {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
}

impl LoadError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            Self::Io { path, .. }
            | Self::Parse { path, .. }
            | Self::TooLarge { path, .. }
            | Self::NewerFormat { path, .. }
            | Self::Altered { path, .. }
            | Self::Renamed { path, .. }
            | Self::Unsupported { path, .. } => path,
        }
    }

    /// The format error `err` of the text read from `path`, located in that file.
    pub fn from_format(path: &Path, err: FormatError) -> Self {
        let path = path.to_owned();
        match err {
            FormatError::Parse {
                line,
                column,
                message,
            } => Self::Parse {
                path,
                line,
                column,
                message: super::limits::bounded_message(&message),
            },
            FormatError::NewerFormat { found, supported } => Self::NewerFormat {
                path,
                found,
                supported,
            },
            FormatError::Unsupported { message } => Self::Unsupported {
                path,
                message: super::limits::bounded_message(&message),
            },
        }
    }
}

/// Why a file could not be written. The file that was there before is left as it was.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Writing, flushing or renaming failed.
    #[error("{}: cannot save: {source}", path.display())]
    Io {
        /// The file that was being written.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The register could not be turned into text.
    #[error("{}: cannot save: {message}", path.display())]
    Serialize {
        /// The file that was being written.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// Something other than a regular file is there (a folder, pipe or device): saving would
    /// replace it with a file, so it is refused, `--force` or not.
    #[error(
        "{}: is not a regular file (a folder, pipe or device) and is never replaced",
        path.display()
    )]
    NotAFile {
        /// The path.
        path: PathBuf,
    },
    /// The file exists and saving must not replace it (a snapshot, for instance).
    #[error("{}: already exists and is never overwritten", path.display())]
    AlreadyExists {
        /// The file.
        path: PathBuf,
    },
}

/// A list of problems in one file, a line each: `file:PLACE: problem`, where the place is what the
/// reader can name (a spreadsheet's row `12`, a workbook's cell `Entries!C12`).
pub(crate) struct Listing<'a, P, M> {
    /// The file.
    pub path: &'a Path,
    /// Each problem's place and what is wrong there, in the order to show.
    pub problems: &'a [(P, M)],
}

impl<P: fmt::Display, M: fmt::Display> fmt::Display for Listing<'_, P, M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (idx, (place, problem)) in self.problems.iter().enumerate() {
            if idx > 0 {
                writeln!(f)?;
            }
            write!(f, "{}:{place}: {problem}", self.path.display())?;
        }
        Ok(())
    }
}
