//! Register files: RON text, pretty-printed in a stable order so two versions diff cleanly in git.
//!
//! Loading checks `format_version` first, migrates older files and refuses newer ones. Unknown fields
//! are errors (every saved struct denies them), so a typo in a hand-edited file is never dropped.

use std::path::Path;

use ron::ser::PrettyConfig;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{LoadError, SaveError, atomic, migrate, paper};
use crate::register::Register;

/// Reads and parses the register at `path`: a RON register file, or a PDF paper exported by the
/// app, which carries its register inside it (see `paper`).
pub fn load(path: &Path) -> Result<Register, LoadError> {
    let text = read_register_text(path)?;
    parse(&text, path)
}

/// The register text at `path`: the file itself, or the register file a PDF paper carries.
pub fn read_register_text(path: &Path) -> Result<String, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_owned(),
        source,
    })?;
    if paper::is_pdf(&bytes) {
        paper::register_text(&bytes, path)
    } else {
        String::from_utf8(bytes).map_err(|_| LoadError::Io {
            path: path.to_owned(),
            source: std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "stream did not contain valid UTF-8",
            ),
        })
    }
}

/// Parses register text; `path` is used only in error messages.
pub fn parse(text: &str, path: &Path) -> Result<Register, LoadError> {
    migrate::parse_any_version(text, path)
}

/// The register as the RON text it is saved as.
pub fn to_text(register: &Register) -> Result<String, ron::Error> {
    if register.format_version == migrate::FORMAT_VERSION {
        to_ron(register)
    } else {
        // Loading migrates, so only a register built by hand in code can get here.
        let mut register = register.clone();
        register.format_version = migrate::FORMAT_VERSION;
        to_ron(&register)
    }
}

/// Saves the register at `path`, atomically.
pub fn save(register: &Register, path: &Path) -> Result<(), SaveError> {
    let text = to_text(register).map_err(|err| SaveError::Serialize {
        path: path.to_owned(),
        message: err.to_string(),
    })?;
    atomic::write(path, text.as_bytes())
}

/// Pretty RON in the house style: four-space indent, one field per line, small values on one line.
pub fn to_ron<T: Serialize>(value: &T) -> Result<String, ron::Error> {
    let config = PrettyConfig::new()
        .depth_limit(5)
        .indentor("    ")
        .new_line("\n");
    let mut text = ron::ser::to_string_pretty(value, config)?;
    text.push('\n');
    Ok(text)
}

/// Parses RON into `T`, turning ron's error into a `path:line:column: message` error.
pub fn from_ron<T: DeserializeOwned>(text: &str, path: &Path) -> Result<T, LoadError> {
    ron::Options::default()
        .from_str(text)
        .map_err(|err: ron::error::SpannedError| LoadError::Parse {
            path: path.to_owned(),
            line: err.span.start.line,
            column: err.span.start.col,
            message: err.code.to_string(),
        })
}

/// Reads a text file, naming it in the error.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    std::fs::read_to_string(path).map_err(|source| LoadError::Io {
        path: path.to_owned(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::{Assessment, Entry, EntryId, Impact, RightId, SystemId};

    fn sample() -> Register {
        let mut register = Register::default();
        let pnd = SystemId::parse("PND").unwrap();
        let mut entry = Entry::new(
            EntryId::parse("PND-001").unwrap(),
            pnd,
            "Retention of custody images",
        );
        entry.concern =
            "Images of people never charged are kept; Siân's group asked why.".to_owned();
        entry.impacts.push(Impact::new(
            RightId::parse("privacy").unwrap(),
            Assessment::from_values(3, 4).unwrap(),
        ));
        register.entries.push(entry);
        register
    }

    #[test]
    fn round_trips_byte_for_byte() {
        let text = to_text(&sample()).unwrap();
        let back = parse(&text, Path::new("r.ron")).unwrap();
        assert_eq!(back, sample());
        assert_eq!(
            to_text(&back).unwrap(),
            text,
            "a second save changes nothing"
        );
    }

    #[test]
    fn assessments_sit_on_one_line() {
        let text = to_text(&sample()).unwrap();
        assert!(
            text.contains("inherent: (severity: Significant, likelihood: AlmostCertain)"),
            "{text}"
        );
    }

    #[test]
    fn syntax_error_names_line_and_column() {
        let text = to_text(&sample()).unwrap().replacen("issue:", "issue", 1);
        let err = parse(&text, Path::new("r.ron")).unwrap_err();
        let line = text
            .lines()
            .position(|l| l.trim_start().starts_with("issue "))
            .unwrap()
            + 1;
        assert!(
            err.to_string().starts_with(&format!("r.ron:{line}:")),
            "{err} (expected line {line})"
        );
    }

    #[test]
    fn unknown_field_is_named() {
        let text = to_text(&sample())
            .unwrap()
            .replacen("must_have:", "must_hav:", 1);
        let err = parse(&text, Path::new("r.ron")).unwrap_err().to_string();
        assert!(err.contains("must_hav"), "{err}");
        let line = text.lines().position(|l| l.contains("must_hav:")).unwrap() + 1;
        assert!(
            err.starts_with(&format!("r.ron:{line}:")),
            "{err} (expected line {line})"
        );
    }
}
