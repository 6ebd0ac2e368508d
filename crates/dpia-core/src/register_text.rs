//! The register text format: RON text ↔ model, pretty-printed in a stable order so two versions diff
//! cleanly in git. Pure: the text comes from and goes to `dpia-files`, which names the file in errors.
//!
//! Parsing checks `format_version` first, migrates older text (`migrate`) and refuses newer. Unknown
//! fields are errors (every saved struct denies them), so a typo in a hand-edited file is never dropped.

use std::fmt;

use ron::ser::PrettyConfig;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::migrate;
use crate::register::{FORMAT_VERSION, Register};

/// The name under which a PDF paper carries its register's text as an embedded file.
pub const PAPER_ATTACHMENT_NAME: &str = "register.ron";

/// The key, in a paper's embedded register file, of the SHA-256 (`Checksum::of_text`, in hex) of
/// the register text it was printed with; the cover shows its first digits.
pub const PAPER_DIGEST_KEY: &str = "DPIARegisterSHA256";

/// Why text is not a register (or snapshot) of a format this build reads. The file that held the
/// text is named by the caller, which turns this into its own located error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    /// A syntax error, a bad value, an unknown or missing field.
    #[error("{line}:{column}: {message}")]
    Parse {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What is wrong there.
        message: String,
    },
    /// The text was written by a newer version of the app.
    #[error(
        "format_version {found} is newer than this app reads (up to {supported}); update dpia-register to open it"
    )]
    NewerFormat {
        /// The version in the text.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
    /// The text is of a kind the app does not open as a register.
    #[error("{message}")]
    Unsupported {
        /// What is wrong with it.
        message: String,
    },
}

/// Parses register text of any known version into the current model.
///
/// Text that does not parse because git left conflict markers in it (a merge made by git's text
/// merge, not by `dpia-register merge`) is refused in those words, at the first marker.
pub fn parse(text: &str) -> Result<Register, FormatError> {
    migrate::parse_any_version(text).map_err(|err| conflict_markers(text).unwrap_or(err))
}

/// The error for text holding git's conflict markers, at the first `<<<<<<<` line, if it has one.
fn conflict_markers(text: &str) -> Option<FormatError> {
    let line = text.lines().position(|line| line.starts_with("<<<<<<<"))? + 1;
    Some(FormatError::Parse {
        line,
        column: 1,
        message: "git left conflict markers here: the register was merged as text, not by \
                  dpia-register's merge driver. Run `git merge --abort` (or `git checkout --merge` \
                  on this file), set the driver up with `dpia-register git-setup`, and merge again"
            .to_owned(),
    })
}

/// The register as the RON text it is saved as.
pub fn to_text(register: &Register) -> Result<String, ron::Error> {
    let mut text = String::new();
    write_text(register, &mut text)?;
    Ok(text)
}

/// Writes the register's text (`to_text`) into `out` as it is made, for a caller that need not
/// hold it whole (a paper compresses and hashes the register it carries as it goes).
pub fn write_text(register: &Register, out: &mut impl fmt::Write) -> Result<(), ron::Error> {
    if register.format_version == FORMAT_VERSION {
        write_ron(register, out)
    } else {
        // Loading migrates, so only a register built by hand in code can get here.
        let mut register = register.clone();
        register.format_version = FORMAT_VERSION;
        write_ron(&register, out)
    }
}

/// Pretty RON in the house style: four-space indent, one field per line, small values on one line.
pub fn to_ron<T: Serialize>(value: &T) -> Result<String, ron::Error> {
    let mut text = String::new();
    write_ron(value, &mut text)?;
    Ok(text)
}

/// `to_ron`, written into `out`.
fn write_ron<T: Serialize>(value: &T, out: &mut impl fmt::Write) -> Result<(), ron::Error> {
    let config = PrettyConfig::new()
        .depth_limit(5)
        .indentor("    ")
        .new_line("\n");
    ron::ser::to_writer_pretty(&mut *out, value, config)?;
    out.write_char('\n').map_err(|_| ron::Error::Fmt)?;
    Ok(())
}

/// Parses RON into `T`, turning ron's error into a `line:column: message` error.
pub fn from_ron<T: DeserializeOwned>(text: &str) -> Result<T, FormatError> {
    ron::Options::default()
        .from_str(text)
        .map_err(|err: ron::error::SpannedError| FormatError::Parse {
            line: err.span.start.line,
            column: err.span.start.col,
            message: err.code.to_string(),
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
        let back = parse(&text).unwrap();
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
        let err = parse(&text).unwrap_err();
        let line = text
            .lines()
            .position(|l| l.trim_start().starts_with("issue "))
            .unwrap()
            + 1;
        assert!(
            err.to_string().starts_with(&format!("{line}:")),
            "{err} (expected line {line})"
        );
    }

    #[test]
    fn git_conflict_markers_say_what_happened_and_what_to_do() {
        let saved = to_text(&sample()).unwrap();
        let mut lines: Vec<&str> = saved.lines().collect();
        let issue = lines.iter().position(|l| l.contains("issue:")).unwrap();
        lines.splice(
            issue..=issue,
            [
                "<<<<<<< HEAD",
                "issue: \"Ours\",",
                "=======",
                "issue: \"Theirs\",",
                ">>>>>>> theirs",
            ],
        );
        let text = lines.join("\n");
        let err = parse(&text).unwrap_err().to_string();
        let line = issue + 1;
        assert!(
            err.starts_with(&format!("{line}:1: git left conflict markers")),
            "{err}"
        );
        assert!(err.contains("dpia-register git-setup"), "{err}");
    }

    #[test]
    fn unknown_field_is_named() {
        let text = to_text(&sample())
            .unwrap()
            .replacen("must_have:", "must_hav:", 1);
        let err = parse(&text).unwrap_err().to_string();
        assert!(err.contains("must_hav"), "{err}");
        let line = text.lines().position(|l| l.contains("must_hav:")).unwrap() + 1;
        assert!(
            err.starts_with(&format!("{line}:")),
            "{err} (expected line {line})"
        );
    }
}
