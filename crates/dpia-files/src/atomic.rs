//! The one way files are written: to a temporary file beside the target, flushed, then renamed over it.
//!
//! A crash or a failed write at any point leaves the old file whole, because the rename is the only
//! step that touches it and the rename is atomic on the same file system.
//!
//! A symlink is followed: the file it points to is replaced and the link is kept. The new file
//! gets the old file's permissions, so a register kept private (0600) stays private.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::SaveError;

/// Whether `a` and `b` are the same existing file, by any name: compared through `..` and
/// symlinks. A file that does not exist yet is no other file.
pub fn is_same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
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
    let target = link_target(path);
    let temp = temp_path(&target);
    // The old file's permissions (else those of `like`) are given to the new one before any byte
    // is written to it.
    let permissions = fs::metadata(&target)
        .or_else(|err| like.map_or(Err(err), |like| fs::metadata(link_target(like))))
        .ok()
        .map(|meta| meta.permissions());
    let result = write_temp(&temp, permissions, fill).and_then(|()| fs::rename(&temp, &target));
    match result {
        Ok(()) => {
            sync_parent(&target);
            Ok(())
        }
        Err(source) => {
            // The temporary file is ours and half-written: removing it is all the cleaning up there is.
            fs::remove_file(&temp).ok();
            Err(SaveError::Io {
                path: path.to_owned(),
                source,
            })
        }
    }
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
    let temp = temp_path(path);
    write_temp(&temp, permissions, |out| out.write_all(bytes)).map_err(|source| {
        fs::remove_file(&temp).ok();
        SaveError::Io {
            path: path.to_owned(),
            source,
        }
    })?;
    // A hard link fails if the target exists, so two writers can never both win.
    let linked = fs::hard_link(&temp, path);
    fs::remove_file(&temp).ok();
    match linked {
        Ok(()) => {
            sync_parent(path);
            Ok(())
        }
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => Err(SaveError::AlreadyExists {
            path: path.to_owned(),
        }),
        Err(source) => Err(SaveError::Io {
            path: path.to_owned(),
            source,
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

fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "register".into(), |name| name.to_string_lossy());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

#[expect(
    clippy::disallowed_methods,
    reason = "this module is the one place files are created"
)]
fn write_temp(
    temp: &Path,
    permissions: Option<fs::Permissions>,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let handle = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp)
        .or_else(|err| {
            // A temporary file left by a crashed earlier run of this process id: it is ours to replace.
            if err.kind() == io::ErrorKind::AlreadyExists {
                File::create(temp)
            } else {
                Err(err)
            }
        })?;
    if let Some(permissions) = permissions {
        handle.set_permissions(permissions)?;
    }
    let mut out = BufWriter::new(handle);
    fill(&mut out)?;
    let written = out.into_inner().map_err(io::IntoInnerError::into_error)?;
    written.sync_all()
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
}
