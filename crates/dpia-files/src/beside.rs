//! The files kept beside a register: `NAME.snapshots/`, `NAME.approvals/`, `NAME.trail/` and
//! `NAME.recovery.ron` beside `NAME.ron`, named one way; and listing such a folder.

use std::path::{Path, PathBuf};

use super::LoadError;

/// `NAME` + `suffix` beside the register at `register_path` (`NAME.ron`).
pub(crate) fn beside(register_path: &Path, suffix: &str) -> PathBuf {
    let stem = register_path
        .file_stem()
        .map_or_else(|| "register".into(), |stem| stem.to_string_lossy());
    register_path.with_file_name(format!("{stem}{suffix}"))
}

/// The register whose `NAME` + `suffix` folder holds the file at `path` (`NAME.ron` beside the
/// folder), the inverse of `beside`; `None` when the file is in no such folder.
pub(crate) fn register_of(path: &Path, suffix: &str) -> Option<PathBuf> {
    let folder = path.parent()?;
    let name = folder.file_name()?.to_string_lossy();
    let stem = name.strip_suffix(suffix).filter(|stem| !stem.is_empty())?;
    Some(folder.with_file_name(format!("{stem}.ron")))
}

/// The endings of the folders kept beside a register, whose files are only ever added by the app.
const KEPT_FOLDERS: [&str; 3] = [".snapshots", ".approvals", ".trail"];

/// The folder kept beside a register (`NAME.snapshots/`, `NAME.approvals/`, `NAME.trail/`) that
/// `path` would be written into, at any depth and by any name (`..`, symlinks), if any: such
/// files are written only by the app's own commands, never as an output.
pub fn kept_folder(path: &Path) -> Option<PathBuf> {
    let is_kept = |folder: &Path| {
        folder.file_name().is_some_and(|name| {
            let name = name.to_string_lossy();
            KEPT_FOLDERS.iter().any(|suffix| {
                name.strip_suffix(suffix)
                    .is_some_and(|stem| !stem.is_empty())
            })
        })
    };
    let parent = path.parent()?;
    // As written, then as the folder it is once `..` and symlinks are resolved (if it exists).
    let resolved = std::fs::canonicalize(parent).ok();
    std::iter::successors(Some(parent), |folder| folder.parent())
        .find(|folder| is_kept(folder))
        .map(Path::to_owned)
        .or_else(|| {
            let resolved = resolved?;
            std::iter::successors(Some(resolved.as_path()), |folder| folder.parent())
                .find(|folder| is_kept(folder))
                .map(Path::to_owned)
        })
}

/// The files in `folder` whose extension is `extension`, not hidden (temporary files start with
/// `.`), sorted by name; none when the folder does not exist.
pub(crate) fn files_in(folder: &Path, extension: &str) -> Result<Vec<PathBuf>, LoadError> {
    let io_error = |source| LoadError::Io {
        path: folder.to_owned(),
        source,
    };
    let read_dir = match std::fs::read_dir(folder) {
        Ok(read_dir) => read_dir,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(io_error(source)),
    };
    let mut paths = Vec::new();
    for dir_entry in read_dir {
        let path = dir_entry.map_err(io_error)?.path();
        let is_hidden = path
            .file_name()
            .is_some_and(|name| name.to_string_lossy().starts_with('.'));
        if !is_hidden && path.extension().is_some_and(|ext| ext == extension) {
            paths.push(path);
        }
    }
    paths.sort();
    Ok(paths)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_into_kept_folders_are_found_at_any_depth() {
        for path in [
            "X.snapshots/v2.ron",
            "registers/leds.approvals/a.ron",
            "/tmp/r.trail/sub/x.log",
        ] {
            assert!(kept_folder(Path::new(path)).is_some(), "{path}");
        }
        for path in [
            "out.ron",
            "snapshots/v2.ron",
            ".snapshots/x.ron",
            "r.snapshots.ron",
        ] {
            assert_eq!(kept_folder(Path::new(path)), None, "{path}");
        }
    }

    #[test]
    fn files_beside_a_register_take_its_name() {
        let register = Path::new("registers/leds.ron");
        assert_eq!(
            beside(register, ".trail"),
            Path::new("registers/leds.trail")
        );
        assert_eq!(
            beside(register, ".recovery.ron"),
            Path::new("registers/leds.recovery.ron")
        );
    }

    #[test]
    fn a_file_in_a_folder_beside_a_register_names_the_register() {
        let snapshot = Path::new("registers/leds.snapshots/v1.0.ron");
        assert_eq!(
            register_of(snapshot, ".snapshots"),
            Some(PathBuf::from("registers/leds.ron"))
        );
        assert_eq!(
            beside(&register_of(snapshot, ".snapshots").unwrap(), ".snapshots"),
            Path::new("registers/leds.snapshots")
        );
        assert_eq!(
            register_of(Path::new("registers/leds.ron"), ".snapshots"),
            None
        );
        assert_eq!(
            register_of(Path::new(".snapshots/v1.0.ron"), ".snapshots"),
            None
        );
    }

    #[test]
    fn a_folder_lists_its_visible_files_of_one_kind_in_order() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.ron", "a.ron", ".a.ron.tmp", ".hidden.ron", "c.log"] {
            crate::atomic::write(&dir.path().join(name), b"").unwrap();
        }
        let names: Vec<String> = files_in(dir.path(), "ron")
            .unwrap()
            .iter()
            .map(|path| path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.ron", "b.ron"]);
        assert!(
            files_in(&dir.path().join("none"), "ron")
                .unwrap()
                .is_empty()
        );
    }
}
