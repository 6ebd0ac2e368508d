//! `merge` and `git-setup`: the git merge driver over `dpia_core::merge`, and the one command
//! that installs it in a repository (issue 11).
//!
//! `merge BASE OURS THEIRS` takes git's `%O %A %B`: the result is written over OURS atomically,
//! with any conflicts written into it as data; the exit code is 0 when clean, 1 with conflicts, and
//! 2 (an error, OURS untouched) when an input cannot be read. `git-setup` appends the attributes
//! and sets the driver in the repository's own config, and says what it did.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use clap::Args;
use dpia_core::merge::merge;
use dpia_core::register::{Conflict, Register};
use dpia_files::{LoadError, atomic, register_file, snapshot_file};

use super::CliError;

/// The lines `git-setup` puts in `.gitattributes`: registers merge with the driver; snapshots are
/// frozen copies, never merged, but one label taken on both sides keeps both versions
/// (`merge-snapshot`); approvals are never merged.
pub const GIT_ATTRIBUTES: [&str; 3] = [
    "*.ron merge=dpia-register",
    "**/*.snapshots/*.ron merge=dpia-register-snapshot",
    "**/*.approvals/*.ron -merge",
];

/// The line an earlier `git-setup` wrote for snapshots, replaced by the `merge-snapshot` one.
const OLD_SNAPSHOT_ATTRIBUTE: &str = "**/*.snapshots/*.ron -merge";

/// `dpia-register merge BASE OURS THEIRS`, as git's `%O %A %B`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The common ancestor (git's `%O`); an empty file (both sides added the register) counts as
    /// a register with nothing in it.
    pub base: PathBuf,
    /// Our version (git's `%A`), replaced by the merge.
    pub ours: PathBuf,
    /// Their version (git's `%B`).
    pub theirs: PathBuf,
}

/// `dpia-register merge-snapshot BASE OURS THEIRS PATH`, as git's `%O %A %B %P`.
#[derive(Debug, Args)]
pub struct MergeSnapshotArgs {
    /// The common ancestor (git's `%O`): empty, since a snapshot is only ever added.
    pub base: PathBuf,
    /// Our version (git's `%A`), left as it is.
    pub ours: PathBuf,
    /// Their version (git's `%B`), kept beside ours when the two differ.
    pub theirs: PathBuf,
    /// The snapshot file's path in the repository (git's `%P`), from the repository's top.
    pub path: PathBuf,
}

/// `dpia-register git-setup [--dir DIR]`.
#[derive(Debug, Args)]
pub struct GitSetupArgs {
    /// The git repository (or a folder in it) to set the driver up in.
    #[arg(long, default_value = ".")]
    pub dir: PathBuf,
}

/// Why `git-setup` could not finish.
#[derive(Debug, thiserror::Error)]
pub enum GitSetupError {
    /// This binary's own path could not be found, so the driver could not name it.
    #[error("cannot find the path of dpia-register itself: {source}")]
    OwnPath {
        /// Why.
        source: std::io::Error,
    },
    /// git could not be run.
    #[error("{}: cannot run git: {source}", dir.display())]
    Git {
        /// The folder.
        dir: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// git refused (not a repository, most often).
    #[error("{}: git config failed: {message}", dir.display())]
    Config {
        /// The folder.
        dir: PathBuf,
        /// What git said.
        message: String,
    },
}

/// Runs `merge`.
pub(super) fn merge_cmd(args: &MergeArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let base = load_base(&args.base)?;
    let ours = register_file::load(&args.ours)?;
    let theirs = register_file::load(&args.theirs)?;
    let merged = merge(&base, &ours, &theirs);
    register_file::save(&merged.register, &args.ours)?;
    for note in &merged.notes {
        writeln!(out, "{note}")?;
    }
    for conflict in &merged.conflicts {
        writeln!(out, "{}", conflict_line(conflict))?;
    }
    if merged.conflicts.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        Ok(ExitCode::from(1))
    }
}

/// Runs `merge-snapshot`: one snapshot file added on both sides. The same bytes merge cleanly
/// (exit 0). Two versions under one label keep ours in place and theirs beside it as
/// `LABEL~theirs-CHECKSUM.ron`, and exit 1, so git stops and both are there to choose between;
/// `check` reports the label taken twice until one is kept.
pub(super) fn merge_snapshot_cmd(
    args: &MergeSnapshotArgs,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    let ours = register_file::read_text(&args.ours)?;
    let theirs = register_file::read_text(&args.theirs)?;
    if ours == theirs {
        return Ok(ExitCode::SUCCESS);
    }
    // Read as the file they are versions of, so a bad one is named as that file.
    let ours_snapshot = snapshot_file::parse(&ours, &args.path)?;
    let theirs_snapshot = snapshot_file::parse(&theirs, &args.path)?;
    let parked = snapshot_file::keep_beside(&args.path, &theirs, &theirs_snapshot)?;
    writeln!(
        out,
        "snapshot {} was taken on both sides as two different versions: ours (checksum {}) stays {}, theirs (checksum {}) is kept as {}; keep one (git add both, then remove the other and take it again under a new label)",
        ours_snapshot.label(),
        ours_snapshot.checksum().short(),
        args.path.display(),
        theirs_snapshot.checksum().short(),
        parked.display()
    )?;
    Ok(ExitCode::from(1))
}

/// Runs `git-setup`.
pub(super) fn git_setup_cmd(
    args: &GitSetupArgs,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    let exe = std::env::current_exe().map_err(|source| GitSetupError::OwnPath { source })?;
    let driver = format!("{} merge %O %A %B", shell_quoted(&exe.to_string_lossy()));
    git_config(
        &args.dir,
        "merge.dpia-register.name",
        "dpia-register: a semantic merge of DPIA registers",
    )?;
    git_config(&args.dir, "merge.dpia-register.driver", &driver)?;
    writeln!(out, "git config merge.dpia-register.driver \"{driver}\"")?;
    let snapshot_driver = format!(
        "{} merge-snapshot %O %A %B %P",
        shell_quoted(&exe.to_string_lossy())
    );
    git_config(
        &args.dir,
        "merge.dpia-register-snapshot.name",
        "dpia-register: a snapshot taken on both sides keeps both versions",
    )?;
    git_config(
        &args.dir,
        "merge.dpia-register-snapshot.driver",
        &snapshot_driver,
    )?;
    writeln!(
        out,
        "git config merge.dpia-register-snapshot.driver \"{snapshot_driver}\""
    )?;

    let path = args.dir.join(".gitattributes");
    let mut existing = if path.exists() {
        register_file::read_text(&path)?
    } else {
        String::new()
    };
    if existing
        .lines()
        .any(|line| line.trim() == OLD_SNAPSHOT_ATTRIBUTE)
    {
        let mut kept = String::new();
        for line in existing
            .lines()
            .filter(|line| line.trim() != OLD_SNAPSHOT_ATTRIBUTE)
        {
            kept.push_str(line);
            kept.push('\n');
        }
        existing = kept;
        writeln!(out, "{}: removed {OLD_SNAPSHOT_ATTRIBUTE}", path.display())?;
    }
    let missing: Vec<&str> = GIT_ATTRIBUTES
        .into_iter()
        .filter(|line| !existing.lines().any(|have| have.trim() == *line))
        .collect();
    if missing.is_empty() {
        writeln!(out, "{}: already set up", path.display())?;
    } else {
        let mut text = existing;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        for line in &missing {
            text.push_str(line);
            text.push('\n');
            writeln!(out, "{}: added {line}", path.display())?;
        }
        atomic::write(&path, text.as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The base register; git gives an empty file when both sides added the register.
fn load_base(path: &Path) -> Result<Register, LoadError> {
    let text = register_file::read_register_text(path)?;
    if text.trim().is_empty() {
        return Ok(Register {
            rights: Vec::new(),
            ..Register::default()
        });
    }
    register_file::parse(&text, path)
}

/// One conflict as `merge` prints it: `conflict in entry PND-001 concern: ours "…", theirs "…"`.
fn conflict_line(conflict: &Conflict) -> String {
    let place = conflict.entry.as_ref().map_or_else(
        || "the register".to_owned(),
        |entry| format!("entry {entry}"),
    );
    format!(
        "conflict in {place} {}: ours {}, theirs {}",
        conflict.field,
        Conflict::shortened(&conflict.ours),
        Conflict::shortened(&conflict.theirs)
    )
}

/// `text` as one word for the shell git runs the driver with.
fn shell_quoted(text: &str) -> String {
    let is_plain = text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '-' | '_'));
    if is_plain {
        text.to_owned()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

/// `git config KEY VALUE` in the repository at `dir`.
fn git_config(dir: &Path, key: &str, value: &str) -> Result<(), GitSetupError> {
    let output = Command::new("git")
        .args(["config", key, value])
        .current_dir(dir)
        .output()
        .map_err(|source| GitSetupError::Git {
            dir: dir.to_owned(),
            source,
        })?;
    if output.status.success() {
        Ok(())
    } else {
        Err(GitSetupError::Config {
            dir: dir.to_owned(),
            message: String::from_utf8_lossy(&output.stderr).trim().to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_quoted_for_the_shell_only_when_needed() {
        assert_eq!(
            shell_quoted("/usr/bin/dpia-register"),
            "/usr/bin/dpia-register"
        );
        assert_eq!(shell_quoted("/My Apps/it's"), r"'/My Apps/it'\''s'");
    }
}
