//! The audit trail on disk: `NAME.trail/` beside `NAME.ron`, one file per save, never rewritten.
//!
//! Each save that changed something adds one block file, `TIME-DIGEST.log` (`TIME` as
//! `20261201T101500.123456789Z`, to the nanosecond so names sort in saving order, `DIGEST` the block's SHA-256). Files are only ever added (`atomic::write_new`),
//! so two colleagues who both saved on their own git branches add different files, and git merges
//! the two trails without a conflict. Reading checks every block: one edited or cut short fails its
//! digest, one renamed or replaced no longer matches its name, and a block removed from the middle
//! is found because the block after it names its digest as `previous`.

use std::path::{Path, PathBuf};

use dpia_core::trail::{TrailBlock, TrailChange, TrailError};
use jiff::Timestamp;

use super::beside::{beside, files_in};
use super::{LoadError, SaveError, atomic};

/// The folder that holds a register's trail: `NAME.trail` beside `NAME.ron`.
pub fn folder(register_path: &Path) -> PathBuf {
    beside(register_path, ".trail")
}

/// Adds one block of `changes` to the trail of the register at `register_path`, saved by
/// `author` at `time`; nothing when there are no changes. Returns the new block's file and the
/// block, for a caller that keeps the trail in memory.
///
/// Only the folder's file names are read (to name the newest block as `previous`), so the cost
/// is in the changes, not in the size of the register or its trail.
pub fn append(
    register_path: &Path,
    author: &str,
    time: Timestamp,
    changes: Vec<TrailChange>,
) -> Result<Option<(PathBuf, TrailBlock)>, SaveError> {
    if changes.is_empty() {
        return Ok(None);
    }
    let folder = folder(register_path);
    std::fs::create_dir_all(&folder).map_err(|source| SaveError::Io {
        path: folder.clone(),
        source,
    })?;
    let previous = files_in(&folder, "log")
        .map_err(|err| SaveError::Io {
            path: folder.clone(),
            source: std::io::Error::other(err.to_string()),
        })?
        .last()
        .and_then(|path| digest_in_name(path))
        .map(str::to_owned);
    let block = TrailBlock {
        time,
        author: author.to_owned(),
        previous,
        changes,
    };
    let text = block.to_text();
    let digest = text
        .lines()
        .last()
        .and_then(|line| line.strip_prefix("digest "))
        .unwrap_or_default();
    let path = folder.join(format!(
        "{}-{digest}.log",
        time.strftime("%Y%m%dT%H%M%S%.9fZ")
    ));
    atomic::write_new_like(&path, text.as_bytes(), register_path)?;
    Ok(Some((path, block)))
}

/// A register's trail as read: its sound blocks, oldest first, and what is wrong with it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Trail {
    /// The blocks that read back and match their names, oldest first.
    pub blocks: Vec<TrailBlock>,
    /// Each problem found, naming the file.
    pub problems: Vec<TrailProblem>,
}

/// What is wrong with one block file of a trail.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TrailProblem {
    /// The block's text is not a sound block.
    #[error("{}: {error}", path.display())]
    Unsound {
        /// The block's file.
        path: PathBuf,
        /// What is wrong in it.
        error: TrailError,
    },
    /// The block's digest is not the one its file is named by.
    #[error(
        "{}: the block does not match its file name: it was renamed or replaced",
        path.display()
    )]
    Renamed {
        /// The block's file.
        path: PathBuf,
    },
    /// The block it names as saved before it is not in the trail.
    #[error(
        "{}: the block saved before it ({}…) is missing from the trail",
        path.display(),
        previous.get(..12).unwrap_or(previous)
    )]
    PreviousMissing {
        /// The block's file.
        path: PathBuf,
        /// The digest of the block saved before it.
        previous: String,
    },
}

impl Trail {
    /// Every change, oldest first, with the block it was saved in.
    pub fn changes(&self) -> impl Iterator<Item = (&TrailBlock, &TrailChange)> {
        self.blocks
            .iter()
            .flat_map(|block| block.changes.iter().map(move |change| (block, change)))
    }
}

/// Reads and checks the trail of the register at `register_path`; a register never saved with a
/// change has an empty trail.
pub fn load(register_path: &Path) -> Result<Trail, LoadError> {
    let mut trail = Trail::default();
    let mut digests = Vec::new();
    let mut found = Vec::new();
    for path in files_in(&folder(register_path), "log")? {
        let text = crate::limits::read_text(&path)?;
        match TrailBlock::parse(&text) {
            Ok((block, digest)) if digest_in_name(&path) == Some(digest.as_str()) => {
                digests.push(digest);
                found.push((path, block));
            }
            Ok(_) => trail.problems.push(TrailProblem::Renamed { path }),
            Err(error) => trail.problems.push(TrailProblem::Unsound { path, error }),
        }
    }
    for (path, block) in &found {
        if let Some(previous) = &block.previous
            && !digests.contains(previous)
        {
            trail.problems.push(TrailProblem::PreviousMissing {
                path: path.clone(),
                previous: previous.clone(),
            });
        }
    }
    // File names sort by the time of saving, so `found` is oldest first already.
    trail.blocks = found.into_iter().map(|(_, block)| block).collect();
    Ok(trail)
}

/// The digest a block file's name carries: `TIME-DIGEST.log`.
fn digest_in_name(path: &Path) -> Option<&str> {
    let digest = path.file_stem()?.to_str()?.rsplit_once('-')?.1;
    (digest.len() == 64).then_some(digest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dpia_core::register::EntryId;

    fn change(what: &str, old: &str, new: &str) -> TrailChange {
        TrailChange {
            entry: Some(EntryId::parse("PND-001").unwrap()),
            what: what.to_owned(),
            old: old.to_owned(),
            new: new.to_owned(),
        }
    }

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn blocks_are_added_and_read_back_in_order_each_naming_the_one_before() {
        let dir = tempfile::tempdir().unwrap();
        let register = dir.path().join("reg.ron");
        assert_eq!(load(&register).unwrap(), Trail::default(), "no trail yet");
        let first = append(
            &register,
            "Gwen",
            at("2026-12-01T10:00:00Z"),
            vec![change("issue", "A", "B")],
        )
        .unwrap()
        .unwrap();
        append(
            &register,
            "Dafydd",
            at("2026-12-01T11:00:00Z"),
            vec![change("concern", "", "C")],
        )
        .unwrap();
        assert_eq!(
            append(&register, "Dafydd", at("2026-12-01T12:00:00Z"), Vec::new()).unwrap(),
            None,
            "nothing changed, nothing added"
        );
        let trail = load(&register).unwrap();
        assert!(trail.problems.is_empty(), "{:?}", trail.problems);
        let authors: Vec<&str> = trail.changes().map(|(b, _)| b.author.as_str()).collect();
        assert_eq!(authors, ["Gwen", "Dafydd"]);
        let first_digest = digest_in_name(&first.0).unwrap();
        assert_eq!(trail.blocks[1].previous.as_deref(), Some(first_digest));
    }

    #[test]
    fn an_edited_renamed_or_missing_block_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let register = dir.path().join("reg.ron");
        let paths: Vec<PathBuf> = (0..3)
            .map(|hour| {
                append(
                    &register,
                    "Gwen",
                    at(&format!("2026-12-01T1{hour}:00:00Z")),
                    vec![change("issue", &hour.to_string(), "x")],
                )
                .unwrap()
                .unwrap()
                .0
            })
            .collect();
        // The middle block removed: the last one names it.
        std::fs::remove_file(&paths[1]).unwrap();
        let trail = load(&register).unwrap();
        assert_eq!(trail.problems.len(), 1, "{:?}", trail.problems);
        assert!(
            trail.problems[0]
                .to_string()
                .contains("is missing from the trail"),
            "{:?}",
            trail.problems
        );
        // The first block edited.
        let text = std::fs::read_to_string(&paths[0]).unwrap();
        atomic::write(&paths[0], text.replace("\"0\"", "\"9\"").as_bytes()).unwrap();
        let trail = load(&register).unwrap();
        assert!(
            trail
                .problems
                .iter()
                .any(|p| p.to_string().contains("has been edited")),
            "{:?}",
            trail.problems
        );
        // The last block's content swapped for another sound block's.
        atomic::write(&paths[2], text.as_bytes()).unwrap();
        let trail = load(&register).unwrap();
        assert!(
            trail
                .problems
                .iter()
                .any(|p| p.to_string().contains("renamed or replaced")),
            "{:?}",
            trail.problems
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_block_keeps_the_registers_permissions() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let register = dir.path().join("reg.ron");
        atomic::write(&register, b"").unwrap();
        std::fs::set_permissions(&register, std::fs::Permissions::from_mode(0o600)).unwrap();
        let block = append(
            &register,
            "Gwen",
            at("2026-12-01T10:00:00Z"),
            vec![change("issue", "A", "B")],
        )
        .unwrap()
        .unwrap();
        let mode = std::fs::metadata(block.0).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}
