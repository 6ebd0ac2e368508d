//! Snapshot labels: what a label may be (it is also a file name), the label to propose next, and
//! the labels the app makes itself for the automatic snapshot kept before a restore.
//!
//! Pure over data: the time of an automatic label is passed in.

use jiff::Timestamp;

use crate::register::id_type;

/// The longest label allowed, in characters; a label is also a file name.
pub const MAX_LABEL_CHARS: usize = 64;

/// The label every automatic snapshot taken before a restore starts with.
pub const AUTO_BEFORE_RESTORE: &str = "auto-before-restore";

id_type! {
    /// A snapshot's label, such as `v1.1`: letters, digits, `.`, `-` and `_`, not starting with `.`.
    ///
    /// The label names the snapshot's file (`v1.1.ron`), so it is restricted to what is safe in a
    /// file name on every desktop system.
    text Label;
    /// Parses a label, surrounding white space ignored.
    parse = parse_label, error = LabelError;
}

/// Why a piece of text is not a valid snapshot label.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LabelError {
    /// The text was empty.
    #[error("a snapshot label cannot be empty")]
    Empty,
    /// The text was too long to be a file name.
    #[error("snapshot label `{label}` is longer than {MAX_LABEL_CHARS} characters")]
    TooLong {
        /// The rejected text.
        label: String,
    },
    /// The text started with `.`, which would hide the file or name a folder.
    #[error("snapshot label `{label}` cannot start with `.`")]
    LeadingDot {
        /// The rejected text.
        label: String,
    },
    /// The text is a name Windows keeps for a device (`CON`, `NUL`, `COM1`…), alone or before a
    /// `.`: no file can have it there.
    #[error(
        "snapshot label `{label}` is a name Windows keeps for a device ({device}): choose another"
    )]
    Reserved {
        /// The rejected text.
        label: String,
        /// The device name, in capitals.
        device: String,
    },
    /// The text held a character that is not safe in a file name.
    #[error(
        "snapshot label `{label}` has `{character}`: use only letters, digits, `.`, `-` and `_`"
    )]
    BadCharacter {
        /// The rejected text.
        label: String,
        /// The first character that is not allowed.
        character: char,
    },
}

impl Label {
    /// The label's version number, `(1, 1)` for `v1.1` or `1.1`, if it is one.
    pub fn version(&self) -> Option<(u32, u32)> {
        version_number(&self.0)
    }

    /// Whether the label was made by the app rather than chosen by a person.
    pub fn is_automatic(&self) -> bool {
        self.0.starts_with(AUTO_BEFORE_RESTORE)
    }
}

/// The label to propose for the next snapshot: the next minor version after the highest known.
///
/// The highest version is taken from `existing` labels and the register's `version_label`, read as
/// `v1.0` or `1.0`; labels that are not version numbers are skipped. `v1.1` follows `v1.0`, and
/// `v0.1` is proposed when nothing is numbered. The `v` is kept unless every numbered label lacks it.
pub fn next_label<'a>(
    existing: impl IntoIterator<Item = &'a Label>,
    version_label: &'a str,
) -> Label {
    let mut highest: Option<(u32, u32)> = None;
    let mut num_with_v = 0_usize;
    let mut num_without_v = 0_usize;
    let texts = existing
        .into_iter()
        .map(Label::as_str)
        .chain(std::iter::once(version_label));
    for text in texts {
        if let Some(version) = version_number(text) {
            highest = highest.max(Some(version));
            if text.trim().starts_with(['v', 'V']) {
                num_with_v += 1;
            } else {
                num_without_v += 1;
            }
        }
    }
    let prefix = if num_without_v > 0 && num_with_v == 0 {
        ""
    } else {
        "v"
    };
    let (major, minor) = highest.map_or((0, 1), |(major, minor)| (major, minor.saturating_add(1)));
    Label(format!("{prefix}{major}.{minor}"))
}

/// The label for the automatic snapshot of the working register kept before a restore:
/// `auto-before-restore-20190430T090000Z`, with `-2`, `-3`… added if that label is taken.
pub fn auto_label<'a>(taken_at: Timestamp, existing: impl IntoIterator<Item = &'a Label>) -> Label {
    let base = format!(
        "{AUTO_BEFORE_RESTORE}-{}",
        taken_at.strftime("%Y%m%dT%H%M%SZ")
    );
    let existing: Vec<&Label> = existing.into_iter().collect();
    let is_taken = |text: &str| existing.iter().any(|label| label.as_str() == text);
    let mut text = base.clone();
    let mut suffix = 2_u32;
    while is_taken(&text) {
        text = format!("{base}-{suffix}");
        suffix += 1;
    }
    Label(text)
}

/// The rule for labels: letters, digits, `.`, `-` and `_`, not starting with `.`, at most
/// `MAX_LABEL_CHARS` characters, surrounding white space ignored.
fn parse_label(text: &str) -> Result<String, LabelError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(LabelError::Empty);
    }
    if text.chars().count() > MAX_LABEL_CHARS {
        return Err(LabelError::TooLong {
            label: text.to_owned(),
        });
    }
    if text.starts_with('.') {
        return Err(LabelError::LeadingDot {
            label: text.to_owned(),
        });
    }
    if let Some(character) = text
        .chars()
        .find(|c| !(c.is_alphanumeric() || matches!(c, '.' | '-' | '_')))
    {
        return Err(LabelError::BadCharacter {
            label: text.to_owned(),
            character,
        });
    }
    if let Some(device) = reserved_device(text) {
        return Err(LabelError::Reserved {
            label: text.to_owned(),
            device,
        });
    }
    Ok(text.to_owned())
}

/// The Windows device name `text` starts with, in capitals, if its part before the first `.` is
/// one (`CON`, `PRN`, `AUX`, `NUL`, `COM0`–`COM9`, `LPT0`–`LPT9`, the superscript digits too), in
/// any letter case: `nul`, `AUX.v1` and `com1` name the device, not a file, on Windows.
fn reserved_device(text: &str) -> Option<String> {
    let stem = text.split('.').next().unwrap_or(text).to_uppercase();
    let is_device = match stem.as_str() {
        "CON" | "PRN" | "AUX" | "NUL" => true,
        _ => ["COM", "LPT"].iter().any(|port| {
            stem.strip_prefix(port).is_some_and(|digit| {
                let mut chars = digit.chars();
                matches!(
                    (chars.next(), chars.next()),
                    (Some('0'..='9' | '¹' | '²' | '³'), None)
                )
            })
        }),
    };
    is_device.then_some(stem)
}

/// `(major, minor)` from `v1.2`, `V1.2` or `1.2`; nothing else.
fn version_number(text: &str) -> Option<(u32, u32)> {
    let text = text.trim();
    let number = text.strip_prefix(['v', 'V']).unwrap_or(text);
    let (major, minor) = number.split_once('.')?;
    let is_digits = |part: &str| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit());
    if !(is_digits(major) && is_digits(minor)) {
        return None;
    }
    Some((major.parse().ok()?, minor.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{at, label};

    #[test]
    fn labels_are_safe_file_names() {
        assert_eq!(label(" v1.1 ").as_str(), "v1.1");
        assert_eq!(label("draft_2-ŵ").as_str(), "draft_2-ŵ");
        assert_eq!(Label::parse(""), Err(LabelError::Empty));
        assert!(matches!(
            Label::parse(".."),
            Err(LabelError::LeadingDot { .. })
        ));
        assert!(matches!(
            Label::parse("../v1"),
            Err(LabelError::LeadingDot { .. })
        ));
        assert_eq!(
            Label::parse("v1/2").unwrap_err().to_string(),
            "snapshot label `v1/2` has `/`: use only letters, digits, `.`, `-` and `_`"
        );
        assert!(matches!(
            Label::parse("a b"),
            Err(LabelError::BadCharacter { character: ' ', .. })
        ));
        assert!(matches!(
            Label::parse(&"x".repeat(65)),
            Err(LabelError::TooLong { .. })
        ));
    }

    #[test]
    fn windows_device_names_are_refused_in_any_case_and_before_an_extension() {
        for text in [
            "CON",
            "con",
            "PRN",
            "AUX",
            "NUL",
            "nul",
            "com1",
            "COM9",
            "LPT1",
            "lpt9",
            "AUX.v1",
            "nul.tar",
            "Com3.draft",
            "COM²",
            "lpt0",
        ] {
            assert!(
                matches!(Label::parse(text), Err(LabelError::Reserved { .. })),
                "{text} is refused"
            );
        }
        assert_eq!(
            Label::parse("AUX.v1").unwrap_err().to_string(),
            "snapshot label `AUX.v1` is a name Windows keeps for a device (AUX): choose another"
        );
        for text in [
            "console", "v1.CON", "com10", "lpt", "nullable", "aux-v1", "COM1x",
        ] {
            assert!(Label::parse(text).is_ok(), "{text} is a file name");
        }
    }

    #[test]
    fn next_label_is_the_next_minor_version() {
        let existing = [label("v1.0"), label("v1.2"), label("workshop")];
        assert_eq!(next_label(&existing, "v1.1").as_str(), "v1.3");
        assert_eq!(next_label(&[], "v1.0").as_str(), "v1.1");
        assert_eq!(next_label(&[], "v2.9").as_str(), "v2.10");
        assert_eq!(next_label(&[label("v2.10")], "v2.9").as_str(), "v2.11");
        assert_eq!(next_label(&[label("1.4")], "").as_str(), "1.5");
        assert_eq!(next_label(&[], "").as_str(), "v0.1");
        assert_eq!(next_label(&[label("final")], "draft").as_str(), "v0.1");
    }

    #[test]
    fn auto_labels_never_clash() {
        let taken_at = at("2019-04-30T09:00:00Z");
        let first = auto_label(taken_at, &[]);
        assert_eq!(first.as_str(), "auto-before-restore-20190430T090000Z");
        assert!(first.is_automatic(), "made by the app");
        let second = auto_label(taken_at, std::slice::from_ref(&first));
        assert_eq!(second.as_str(), "auto-before-restore-20190430T090000Z-2");
        let third = auto_label(taken_at, &[first, second]);
        assert_eq!(third.as_str(), "auto-before-restore-20190430T090000Z-3");
        assert!(!label("v1.0").is_automatic(), "chosen by a person");
    }

    #[test]
    fn automatic_labels_are_skipped_when_proposing() {
        let auto = auto_label(at("2019-04-30T09:00:00Z"), &[]);
        assert_eq!(next_label(&[auto], "v1.0").as_str(), "v1.1");
    }

    #[test]
    fn a_label_is_stored_as_its_text_and_checked_on_loading() {
        assert_eq!(ron::to_string(&label("v1.1")).unwrap(), r#""v1.1""#);
        assert_eq!(ron::from_str::<Label>(r#""v1.1""#).unwrap(), label("v1.1"));
        let err = ron::from_str::<Label>(r#""../v1""#).unwrap_err();
        assert!(
            err.to_string()
                .contains("snapshot label `../v1` cannot start with `.`"),
            "{err}"
        );
    }
}
