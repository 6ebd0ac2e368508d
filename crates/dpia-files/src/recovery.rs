//! Recovery copies and change detection: what keeps unsaved work and other people's saves safe.
//!
//! A recovery copy of a register `NAME.ron` is `NAME.recovery.ron` beside it, written atomically
//! while there are unsaved changes. A register with no file yet (a new one, an import into a new one,
//! one read from a paper) has its copy in the app's data folder instead:
//! `recovery/untitled.recovery.ron`. A `Fingerprint` of a file's bytes, taken when it is opened or
//! saved, tells whether someone else has changed it since. The app decides when; this module only
//! reads and writes.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use sha2::{Digest, Sha256};

use super::beside::beside;
use super::{LoadError, SaveError, register_file};
use dpia_core::register::Register;

/// The SHA-256 of a file's bytes: equal fingerprints mean the file has not changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fingerprint([u8; 32]);

impl Fingerprint {
    /// The fingerprint of some bytes.
    pub fn of_bytes(bytes: &[u8]) -> Self {
        Self(Sha256::digest(bytes).into())
    }

    /// The fingerprint of the file at `path`, or `None` when there is no file there.
    pub fn of_file(path: &Path) -> Result<Option<Self>, LoadError> {
        match crate::limits::read_bytes(path) {
            Ok(bytes) => Ok(Some(Self::of_bytes(&bytes))),
            Err(LoadError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
                Ok(None)
            }
            Err(err) => Err(err),
        }
    }
}

/// A recovery copy that is newer than its register, so it may hold work that was never saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingRecovery {
    /// The recovery file.
    pub path: PathBuf,
    /// When it was last written.
    pub modified: SystemTime,
}

/// Where the recovery copy of an open register goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecoveryCopy {
    /// Beside the register's file: `NAME.recovery.ron` for the register at this path.
    BesideRegister(PathBuf),
    /// In the app's data folder, for a register that has no file yet.
    Untitled {
        /// The app's data folder.
        data_folder: PathBuf,
    },
}

impl RecoveryCopy {
    /// The recovery file itself.
    pub fn path(&self) -> PathBuf {
        match self {
            Self::BesideRegister(register_path) => path_for(register_path),
            Self::Untitled { data_folder } => untitled_path(data_folder),
        }
    }

    /// Writes `register` to the recovery file, atomically, making its folder if need be.
    pub fn save(&self, register: &Register) -> Result<(), SaveError> {
        let path = self.path();
        if let Some(folder) = path
            .parent()
            .filter(|folder| !folder.as_os_str().is_empty())
        {
            fs::create_dir_all(folder).map_err(|source| SaveError::Io {
                path: folder.to_owned(),
                source,
            })?;
        }
        register_file::save(register, &path)
    }

    /// Deletes the recovery file; no file is not an error.
    pub fn discard(&self) -> Result<(), SaveError> {
        remove(self.path())
    }
}

/// The recovery file for a register with no file yet, under the app's data folder.
pub fn untitled_path(data_folder: &Path) -> PathBuf {
    data_folder.join("recovery").join("untitled.recovery.ron")
}

/// The recovery copy of a register that had no file, if one was left behind (the app crashed, or
/// closed without the user discarding the changes).
pub fn pending_untitled(data_folder: &Path) -> Option<PendingRecovery> {
    let path = untitled_path(data_folder);
    let modified = fs::metadata(&path).and_then(|m| m.modified()).ok()?;
    Some(PendingRecovery { path, modified })
}

/// The recovery file for the register at `register_path`: `NAME.recovery.ron` beside `NAME.ron`.
pub fn path_for(register_path: &Path) -> PathBuf {
    beside(register_path, ".recovery.ron")
}

/// Writes `register` to the recovery file of `register_path`, atomically.
pub fn save(register: &Register, register_path: &Path) -> Result<(), SaveError> {
    register_file::save_like(register, &path_for(register_path), register_path)
}

/// The recovery copy of `register_path`, if there is one newer than the register (or the register
/// is gone).
pub fn pending(register_path: &Path) -> Option<PendingRecovery> {
    let path = path_for(register_path);
    let modified = fs::metadata(&path).and_then(|m| m.modified()).ok()?;
    let register_modified = fs::metadata(register_path).and_then(|m| m.modified()).ok();
    register_modified
        .is_none_or(|register_modified| modified > register_modified)
        .then_some(PendingRecovery { path, modified })
}

/// Deletes the recovery copy of `register_path`; no copy is not an error.
pub fn discard(register_path: &Path) -> Result<(), SaveError> {
    remove(path_for(register_path))
}

fn remove(path: PathBuf) -> Result<(), SaveError> {
    match fs::remove_file(&path) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(SaveError::Io { path, source }),
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn recovery_sits_beside_the_register() {
        assert_eq!(
            path_for(Path::new("registers/leds-hob.ron")),
            Path::new("registers/leds-hob.recovery.ron")
        );
    }

    #[test]
    fn a_newer_recovery_copy_is_pending_until_discarded() {
        let dir = tempfile::tempdir().unwrap();
        let register_path = dir.path().join("r.ron");
        let register = Register::default();
        register_file::save(&register, &register_path).unwrap();
        assert_eq!(pending(&register_path), None, "no copy yet");
        save(&register, &register_path).unwrap();
        // File times can be coarse: make the register clearly older than the copy.
        let old = SystemTime::now() - Duration::from_hours(1);
        fs::File::options()
            .write(true)
            .open(&register_path)
            .unwrap()
            .set_modified(old)
            .unwrap();
        let found = pending(&register_path).unwrap();
        assert_eq!(found.path, dir.path().join("r.recovery.ron"));
        assert_eq!(register_file::load(&found.path).unwrap(), register);
        discard(&register_path).unwrap();
        assert_eq!(pending(&register_path), None);
        discard(&register_path).unwrap();
    }

    #[test]
    fn an_older_recovery_copy_is_not_pending() {
        let dir = tempfile::tempdir().unwrap();
        let register_path = dir.path().join("r.ron");
        save(&Register::default(), &register_path).unwrap();
        register_file::save(&Register::default(), &register_path).unwrap();
        let old = SystemTime::now() - Duration::from_hours(1);
        fs::File::options()
            .write(true)
            .open(path_for(&register_path))
            .unwrap()
            .set_modified(old)
            .unwrap();
        assert_eq!(pending(&register_path), None);
    }

    #[test]
    fn an_untitled_copy_lives_in_the_data_folder_until_discarded() {
        let dir = tempfile::tempdir().unwrap();
        let data_folder = dir.path().join("dpia-register");
        let copy = RecoveryCopy::Untitled {
            data_folder: data_folder.clone(),
        };
        assert_eq!(pending_untitled(&data_folder), None, "no copy yet");
        let mut register = Register::default();
        register.metadata.title = "Never saved ŵ".to_owned();
        copy.save(&register).unwrap();
        let found = pending_untitled(&data_folder).unwrap();
        assert_eq!(
            found.path,
            data_folder.join("recovery/untitled.recovery.ron")
        );
        assert_eq!(register_file::load(&found.path).unwrap(), register);
        copy.discard().unwrap();
        assert_eq!(pending_untitled(&data_folder), None);
        copy.discard().unwrap();
    }

    #[test]
    fn a_copy_beside_a_register_is_the_usual_recovery_file() {
        let copy = RecoveryCopy::BesideRegister(PathBuf::from("registers/leds-hob.ron"));
        assert_eq!(copy.path(), Path::new("registers/leds-hob.recovery.ron"));
    }

    #[test]
    fn fingerprints_tell_changed_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.ron");
        assert_eq!(Fingerprint::of_file(&path).unwrap(), None);
        super::super::atomic::write(&path, b"one").unwrap();
        let first = Fingerprint::of_file(&path).unwrap();
        assert_eq!(first, Some(Fingerprint::of_bytes(b"one")));
        super::super::atomic::write(&path, b"two").unwrap();
        assert_ne!(Fingerprint::of_file(&path).unwrap(), first);
    }
}
