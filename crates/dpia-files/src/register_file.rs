//! Register files on disk: read the text (from a RON file, or the register a PDF paper carries),
//! parse it with `dpia_core::register_text`, and save it atomically.
//!
//! Every error names the file: a parse error as `path:line:column: message`.

use std::path::Path;

use dpia_core::migrate;
use dpia_core::register::Register;
use dpia_core::register_text::{self, to_text};

use super::{LoadError, SaveError, atomic, limits, paper};

/// Reads and parses the register at `path`: a RON register file, or a PDF paper exported by the
/// app, which carries its register inside it (see `paper`).
pub fn load(path: &Path) -> Result<Register, LoadError> {
    let text = read_register_text(path)?;
    parse(&text, path)
}

/// The register text at `path`: the file itself, or the register file a PDF paper carries.
pub fn read_register_text(path: &Path) -> Result<String, LoadError> {
    let bytes = limits::read_bytes(path)?;
    if paper::is_pdf(&bytes) {
        paper::register_text(&bytes, path)
    } else {
        limits::text_from_bytes(bytes, path)
    }
}

/// Parses register text; `path` is used only in error messages.
pub fn parse(text: &str, path: &Path) -> Result<Register, LoadError> {
    register_text::parse(text).map_err(|err| LoadError::from_format(path, err))
}

/// Saves the register at `path`, atomically; a new file gets the permissions of `like` (the
/// register a recovery copy is of).
pub fn save_like(register: &Register, path: &Path, like: &Path) -> Result<(), SaveError> {
    let text = text(register, path)?;
    atomic::write_like(path, text.as_bytes(), like)
}

/// Saves the register at `path`, atomically.
pub fn save(register: &Register, path: &Path) -> Result<(), SaveError> {
    save_text(&text(register, path)?, path)
}

/// Saves a register's text (`text`, already made) at `path`, atomically.
pub fn save_text(text: &str, path: &Path) -> Result<(), SaveError> {
    atomic::write(path, text.as_bytes())
}

/// The text `save` writes for the register; `path` is used in error messages only.
pub fn text(register: &Register, path: &Path) -> Result<String, SaveError> {
    to_text(register).map_err(|err| SaveError::Serialize {
        path: path.to_owned(),
        message: err.to_string(),
    })
}

/// Parses RON into `T`, naming `path` in a `path:line:column: message` error.
pub(crate) fn from_ron<T: serde::de::DeserializeOwned>(
    text: &str,
    path: &Path,
) -> Result<T, LoadError> {
    register_text::from_ron(text).map_err(|err| LoadError::from_format(path, err))
}

/// Refuses an empty file in those words: the parser's own message names its internal types.
pub(crate) fn refuse_empty(text: &str, path: &Path) -> Result<(), LoadError> {
    migrate::refuse_empty(text).map_err(|err| LoadError::from_format(path, err))
}

/// Reads a text file, naming it in the error; within `limits`, the first byte that is not UTF-8
/// located by line and column.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    limits::read_text(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parse_error_names_the_file_then_line_and_column() {
        let text = to_text(&Register::default())
            .unwrap()
            .replacen("title:", "title", 1);
        let err = parse(&text, Path::new("r.ron")).unwrap_err();
        let line = text
            .lines()
            .position(|l| l.trim_start().starts_with("title "))
            .unwrap()
            + 1;
        assert!(
            err.to_string().starts_with(&format!("r.ron:{line}:")),
            "{err} (expected line {line})"
        );
    }
}
