//! The one way files are written: to a temporary file beside the target, flushed, then renamed over it.
//!
//! A crash or a failed write at any point leaves the old file whole, because the rename is the only
//! step that touches it and the rename is atomic on the same file system.
//!
//! The temporary file (`.NAME.RANDOM.tmp`) gets a random name and is created only if nothing is
//! there (`O_EXCL`), so a file or symlink planted at a predictable name is never written through.
//! One that a killed save left behind is removed by the next save of the same file once it is an
//! hour old. Only a regular file is ever replaced: a folder, pipe or device at the target is refused.
//!
//! A symlink at the target is followed: the file it points to is replaced and the link is kept. The
//! new file gets the old file's permissions, so a register kept private (0600) stays private.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use tempfile::NamedTempFile;

use super::SaveError;

/// How old a temporary file of ours must be before a save removes it: older than any save takes,
/// so it is never one another process is still writing.
pub const STALE_AFTER: Duration = Duration::from_hours(1);

/// Whether `a` and `b` are the same existing file, by any name: compared through `..` and
/// symlinks. A file that does not exist yet is no other file.
pub fn is_same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Refuses a `path` where something other than a regular file is (a folder, pipe or device), by
/// any chain of symlinks: saving would replace it with a regular file.
pub fn refuse_special(path: &Path) -> Result<(), SaveError> {
    match fs::metadata(path) {
        Ok(meta) if !meta.is_file() => Err(SaveError::NotAFile {
            path: path.to_owned(),
        }),
        _ => Ok(()),
    }
}

/// Writes `bytes` to `path` atomically, replacing any file there.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_with(path, |out| out.write_all(bytes))
}

/// Writes `bytes` to `path` atomically; a new file gets the permissions of the file at `like`
/// (the register it was made from), so a register kept private (0600) has private papers,
/// exports and recovery copies too. A file replaced keeps its own permissions.
pub fn write_like(path: &Path, bytes: &[u8], like: &Path) -> Result<(), SaveError> {
    write_inner(path, Some(like), |out| out.write_all(bytes))
}

/// Why `write_made` left `path` as it was.
#[derive(Debug)]
pub enum MadeError<E> {
    /// Making the bytes failed, for a reason of the maker's own.
    Making(E),
    /// The bytes were made but the file could not be written.
    Saving(SaveError),
}

/// Writes to `path` atomically what `make` writes as it makes it (a paper, never held whole); a
/// new file gets the permissions of the file at `like`, if given (`write_like`). If `make` fails,
/// `path` is untouched and `make`'s own error is returned.
pub fn write_made<T, E>(
    path: &Path,
    like: Option<&Path>,
    make: impl FnOnce(&mut dyn Write) -> Result<T, E>,
) -> Result<T, MadeError<E>> {
    let mut outcome = None;
    let saved = write_inner(path, like, |out| {
        let result = make(out);
        let failed = result.is_err();
        outcome = Some(result);
        if failed {
            // `make`'s own error is returned below; this only stops the file being kept.
            Err(io::ErrorKind::Other.into())
        } else {
            Ok(())
        }
    });
    match outcome {
        Some(Err(err)) => Err(MadeError::Making(err)),
        Some(Ok(value)) => saved.map(|()| value).map_err(MadeError::Saving),
        None => Err(MadeError::Saving(saved.err().unwrap_or_else(|| {
            SaveError::Io {
                path: path.to_owned(),
                source: io::ErrorKind::Other.into(),
            }
        }))),
    }
}

/// Writes whatever `fill` writes to `path` atomically; if `fill` fails, `path` is untouched.
pub fn write_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), SaveError> {
    write_inner(path, None, fill)
}

fn write_inner(
    path: &Path,
    like: Option<&Path>,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), SaveError> {
    refuse_special(path)?;
    let target = link_target(path);
    let io_error = |source| SaveError::Io {
        path: path.to_owned(),
        source,
    };
    // The old file's permissions (else those of `like`) are given to the new one before any byte
    // is written to it.
    let permissions = fs::metadata(&target)
        .or_else(|err| like.map_or(Err(err), |like| fs::metadata(link_target(like))))
        .ok()
        .map(|meta| meta.permissions());
    remove_stale(&target);
    let temp = write_temp(&target, permissions, fill).map_err(io_error)?;
    // On failure the temporary file is dropped, which removes it: that is all the cleaning up there is.
    temp.persist(&target).map_err(|err| io_error(err.error))?;
    sync_parent(&target);
    Ok(())
}

/// Writes `bytes` to `path` only if no file is there yet; an existing file is never replaced.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_new_inner(path, bytes, None)
}

/// `write_new`, giving the new file the permissions of the file at `like` (its register), so a
/// register kept private (0600) has private snapshots, trail blocks and papers too.
pub fn write_new_like(path: &Path, bytes: &[u8], like: &Path) -> Result<(), SaveError> {
    let permissions = fs::metadata(link_target(like))
        .ok()
        .map(|meta| meta.permissions());
    write_new_inner(path, bytes, permissions)
}

fn write_new_inner(
    path: &Path,
    bytes: &[u8],
    permissions: Option<fs::Permissions>,
) -> Result<(), SaveError> {
    let temp = write_temp(path, permissions, |out| out.write_all(bytes)).map_err(|source| {
        SaveError::Io {
            path: path.to_owned(),
            source,
        }
    })?;
    // Never replaces what is there (a rename that refuses, or a hard link), so two writers can
    // never both win; the temporary file is removed either way.
    match temp.persist_noclobber(path) {
        Ok(_) => {
            sync_parent(path);
            Ok(())
        }
        Err(err) if err.error.kind() == io::ErrorKind::AlreadyExists => {
            Err(SaveError::AlreadyExists {
                path: path.to_owned(),
            })
        }
        Err(err) => Err(SaveError::Io {
            path: path.to_owned(),
            source: err.error,
        }),
    }
}

/// The file a chain of symlinks at `path` ends at (which may not exist yet), or `path` itself.
fn link_target(path: &Path) -> PathBuf {
    // As many hops as Linux follows before it gives up with ELOOP.
    const MAX_HOPS: usize = 40;
    let mut current = path.to_owned();
    for _ in 0..MAX_HOPS {
        let Ok(link) = fs::read_link(&current) else {
            break;
        };
        // A relative link is relative to the folder holding it; `join` keeps an absolute one.
        current = match current.parent() {
            Some(parent) => parent.join(link),
            None => link,
        };
    }
    current
}

/// The folder `path` is in (`.` for a bare file name) and the start of its temporary files' names.
fn temp_prefix(path: &Path) -> (PathBuf, String) {
    let name = path
        .file_name()
        .map_or_else(|| "register".into(), |name| name.to_string_lossy());
    let folder = path
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_owned);
    (folder, format!(".{name}."))
}

/// Removes the temporary files of saves of `path` that were killed before they finished: those
/// named like ours and not changed for `STALE_AFTER`. Best effort: a folder that cannot be listed
/// has nothing removed.
fn remove_stale(path: &Path) {
    let (folder, prefix) = temp_prefix(path);
    let Ok(entries) = fs::read_dir(&folder) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(&prefix) && name.ends_with(".tmp")) {
            continue;
        }
        // `DirEntry::metadata` does not follow symlinks: only our own regular files are removed.
        let is_stale = entry.metadata().is_ok_and(|meta| {
            meta.is_file()
                && meta.modified().is_ok_and(|modified| {
                    now.duration_since(modified).unwrap_or_default() > STALE_AFTER
                })
        });
        if is_stale {
            fs::remove_file(entry.path()).ok();
        }
    }
}

/// A new temporary file beside `path`, with `permissions` (else the default for new files) and
/// whatever `fill` writes, flushed to disk. Dropping it removes it.
fn write_temp(
    path: &Path,
    permissions: Option<fs::Permissions>,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<NamedTempFile> {
    let (folder, prefix) = temp_prefix(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // Created as a new file would be (0666 less the umask), unless it is to get known permissions.
    #[cfg(unix)]
    if permissions.is_none() {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let temp = builder.tempfile_in(folder)?;
    if let Some(permissions) = permissions {
        temp.as_file().set_permissions(permissions)?;
    }
    let mut out = BufWriter::new(temp.as_file());
    fill(&mut out)?;
    out.flush()?;
    drop(out);
    temp.as_file().sync_all()?;
    Ok(temp)
}

/// Flushes the directory entry too, so the rename survives a power cut. Best effort: not every
/// platform lets a directory be opened for syncing.
fn sync_parent(path: &Path) {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
        && let Ok(dir) = File::open(parent)
    {
        dir.sync_all().ok();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.to_lowercase().ends_with(".tmp"))
            .collect()
    }

    #[test]
    fn replaces_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.ron");
        write(&path, b"old").unwrap();
        write(&path, b"new").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert!(leftovers(dir.path()).is_empty(), "no temporary file left");
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.ron");
        write(&path, b"the old register").unwrap();
        let err = write_with(&path, |out| {
            out.write_all(b"half a regi")?;
            Err(io::Error::other("disk full"))
        })
        .unwrap_err();
        assert!(err.to_string().contains("disk full"), "{err}");
        assert!(err.to_string().contains("r.ron"), "{err}");
        assert_eq!(fs::read(&path).unwrap(), b"the old register");
        assert!(
            leftovers(dir.path()).is_empty(),
            "the half-written file is removed"
        );
    }

    #[test]
    fn a_missing_folder_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-such-folder").join("r.ron");
        let err = write(&path, b"x").unwrap_err();
        assert!(
            err.to_string().starts_with(&path.display().to_string()),
            "{err}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_is_kept_and_its_target_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        fs::create_dir(&real).unwrap();
        let target = real.join("r.ron");
        write(&target, b"old").unwrap();
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink("real/r.ron", &link).unwrap();
        write(&link, b"new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink(),
            "the link is still a link"
        );
        assert_eq!(fs::read(&target).unwrap(), b"new");
        assert!(leftovers(dir.path()).is_empty(), "no temporary file left");
        assert!(leftovers(&real).is_empty(), "no temporary file left");
    }

    #[cfg(unix)]
    #[test]
    fn the_old_files_permissions_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.ron");
        write(&path, b"old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        write(&path, b"new").unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "mode {mode:o}");
        assert_eq!(fs::read(&path).unwrap(), b"new");
    }

    #[test]
    fn write_new_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.0.ron");
        write_new(&path, b"first").unwrap();
        let err = write_new(&path, b"second").unwrap_err();
        assert!(matches!(err, SaveError::AlreadyExists { .. }), "{err}");
        assert_eq!(fs::read(&path).unwrap(), b"first");
        assert!(leftovers(dir.path()).is_empty(), "no temporary file left");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_planted_at_a_temporary_name_is_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        write(&victim, b"precious").unwrap();
        let path = dir.path().join("r.ron");
        write(&path, b"old").unwrap();
        // The names the writer used to take (`.NAME.PID.tmp`), and a few more of its pattern.
        for name in [
            format!(".r.ron.{}.tmp", std::process::id()),
            ".r.ron.tmp".to_owned(),
            ".r.ron..tmp".to_owned(),
        ] {
            std::os::unix::fs::symlink(&victim, dir.path().join(name)).unwrap();
        }
        write(&path, b"new").unwrap();
        write_new(&dir.path().join("v1.ron"), b"snapshot").unwrap();
        assert_eq!(
            fs::read(&victim).unwrap(),
            b"precious",
            "the victim is untouched"
        );
        assert_eq!(fs::read(&path).unwrap(), b"new");
    }

    #[test]
    fn temporary_files_of_killed_saves_are_removed_once_an_hour_old() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.ron");
        let stale = dir.path().join(".r.ron.a1B2c3.tmp");
        let fresh = dir.path().join(".r.ron.x9Y8z7.tmp");
        let other = dir.path().join(".other.ron.q1W2e3.tmp");
        for file in [&stale, &fresh, &other] {
            write(file, b"half a register").unwrap();
        }
        let two_hours_ago = SystemTime::now() - 2 * STALE_AFTER;
        for file in [&stale, &other] {
            fs::OpenOptions::new()
                .write(true)
                .open(file)
                .unwrap()
                .set_modified(two_hours_ago)
                .unwrap();
        }
        write(&path, b"new").unwrap();
        assert!(
            !stale.exists(),
            "a stale temporary file of this file is removed"
        );
        assert!(fresh.exists(), "one that may be another save's is kept");
        assert!(other.exists(), "another file's is not ours to remove");
    }

    #[test]
    fn a_folder_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("out.pdf");
        fs::create_dir(&folder).unwrap();
        let err = write(&folder, b"x").unwrap_err();
        assert!(matches!(err, SaveError::NotAFile { .. }), "{err}");
        assert!(folder.is_dir(), "the folder is still there");
        assert!(leftovers(dir.path()).is_empty(), "no temporary file left");
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_is_never_replaced_even_through_a_symlink() {
        use std::os::unix::fs::FileTypeExt as _;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("out.csv");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success(), "mkfifo");
        let link = dir.path().join("link.csv");
        std::os::unix::fs::symlink(&fifo, &link).unwrap();
        for path in [&fifo, &link] {
            let err = write(path, b"x").unwrap_err();
            assert!(matches!(err, SaveError::NotAFile { .. }), "{err}");
            assert!(err.to_string().contains("not a regular file"), "{err}");
        }
        assert!(
            fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(),
            "the pipe is still a pipe"
        );
        assert!(leftovers(dir.path()).is_empty(), "no temporary file left");
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_gets_the_permissions_new_files_get() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("plain");
        fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&plain)
            .unwrap();
        let path = dir.path().join("r.ron");
        write(&path, b"new").unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(
            mode(&path),
            mode(&plain),
            "as the umask allows, not the 0600 of a temporary file"
        );
    }
}
