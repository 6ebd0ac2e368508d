//! Version snapshots: a frozen copy of the register with a label, the time taken, an author, a note
//! and a checksum of all of them; the next label to propose; and restoring from an older version.
//!
//! Pure over data: no clock (the time a snapshot is taken is passed in) and no I/O (snapshot files
//! are `dpia_files::snapshot_file`). A `Snapshot` cannot be changed once made, so its checksum always
//! matches its label, time, author, note and register. Restoring never reuses an entry id issued
//! after the snapshot.

use std::fmt;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::diff::EntryField;
use crate::register::FORMAT_VERSION;
use crate::register::{Entry, EntryId, Register, RightId, Stage};
use crate::register_text;

/// The longest label allowed, in characters; a label is also a file name.
const MAX_LABEL_CHARS: usize = 64;

/// The label every automatic snapshot taken before a restore starts with.
pub const AUTO_BEFORE_RESTORE: &str = "auto-before-restore";

/// A snapshot's label, such as `v1.1`: letters, digits, `.`, `-` and `_`, not starting with `.`.
///
/// The label names the snapshot's file (`v1.1.ron`), so it is restricted to what is safe in a
/// file name on every desktop system.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Label(String);

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
    /// Parses a label, surrounding white space ignored.
    pub fn parse(text: &str) -> Result<Self, LabelError> {
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
        Ok(Self(text.to_owned()))
    }

    /// The label as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The label's version number, `(1, 1)` for `v1.1` or `1.1`, if it is one.
    pub fn version(&self) -> Option<(u32, u32)> {
        version_number(&self.0)
    }

    /// Whether the label was made by the app rather than chosen by a person.
    pub fn is_automatic(&self) -> bool {
        self.0.starts_with(AUTO_BEFORE_RESTORE)
    }
}

impl TryFrom<String> for Label {
    type Error = LabelError;
    fn try_from(text: String) -> Result<Self, LabelError> {
        Self::parse(&text)
    }
}

impl From<Label> for String {
    fn from(label: Label) -> String {
        label.0
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A SHA-256 checksum, written as 64 lower-case hex digits: of a register's canonical text
/// (`Checksum::of`), or of a snapshot's canonical bytes (`Snapshot::checksum`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Checksum([u8; 32]);

/// Why a piece of text is not a checksum.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a checksum: expected 64 hex digits")]
pub struct ChecksumError {
    /// The rejected text.
    pub text: String,
}

impl Checksum {
    /// The checksum of `register`: SHA-256 of the text the register is saved as.
    ///
    /// The canonical text is the same for equal registers, so the working register can be compared
    /// with a snapshot's register by checksum (`Snapshot::matches`).
    pub fn of(register: &Register) -> Result<Self, ron::Error> {
        let text = register_text::to_text(register)?;
        Ok(Self(Sha256::digest(text.as_bytes()).into()))
    }

    /// The checksum of a snapshot: SHA-256 of its canonical bytes.
    ///
    /// The canonical bytes are five parts in this order: the label; the time taken, in RFC 3339 in
    /// UTC as the snapshot file writes it (`2019-04-30T09:00:00Z`); the author; the note; and the
    /// register's canonical text (as `of` hashes it). Each part is written as its length in bytes
    /// in decimal ASCII, a line feed, its UTF-8 bytes, and a line feed, so no part can run into the
    /// next. Changing any of the five changes the checksum.
    pub fn of_snapshot(
        label: &Label,
        taken_at: Timestamp,
        author: &str,
        note: &str,
        register: &Register,
    ) -> Result<Self, ron::Error> {
        let register = register_text::to_text(register)?;
        let mut hasher = Sha256::new();
        let taken_at = taken_at.to_string();
        for part in [
            label.as_str(),
            taken_at.as_str(),
            author,
            note,
            register.as_str(),
        ] {
            hasher.update(part.len().to_string().as_bytes());
            hasher.update(b"\n");
            hasher.update(part.as_bytes());
            hasher.update(b"\n");
        }
        Ok(Self(hasher.finalize().into()))
    }

    /// Parses 64 hex digits (either case).
    pub fn parse(text: &str) -> Result<Self, ChecksumError> {
        let error = || ChecksumError {
            text: text.to_owned(),
        };
        let digits = text.trim().as_bytes();
        if digits.len() != 64 {
            return Err(error());
        }
        let mut bytes = [0_u8; 32];
        for (byte, pair) in bytes.iter_mut().zip(digits.chunks_exact(2)) {
            let pair = std::str::from_utf8(pair).map_err(|_| error())?;
            *byte = u8::from_str_radix(pair, 16).map_err(|_| error())?;
        }
        Ok(Self(bytes))
    }
}

impl TryFrom<String> for Checksum {
    type Error = ChecksumError;
    fn try_from(text: String) -> Result<Self, ChecksumError> {
        Self::parse(&text)
    }
}

impl From<Checksum> for String {
    fn from(checksum: Checksum) -> String {
        checksum.to_string()
    }
}

impl fmt::Display for Checksum {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for byte in self.0 {
            write!(f, "{byte:02x}")?;
        }
        Ok(())
    }
}

/// A frozen copy of the register: label, time taken, author, note, checksum and the register.
///
/// Fields are private so a snapshot cannot change after it is taken or loaded: its checksum always
/// matches its label, time, author, note and register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    label: Label,
    taken_at: Timestamp,
    author: String,
    note: String,
    checksum: Checksum,
    register: Register,
}

/// Why a snapshot could not be made or accepted.
#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    /// The register could not be turned into text to checksum it.
    #[error("cannot checksum the register: {0}")]
    Serialize(#[from] ron::Error),
    /// The checksum recorded with the snapshot does not match its label, time, author, note and
    /// register.
    #[error(
        "the checksum does not match the content: the snapshot has been altered or is corrupt (recorded {recorded}, content {actual})"
    )]
    Altered {
        /// The checksum the snapshot recorded when it was taken.
        recorded: Checksum,
        /// The checksum of what it holds now.
        actual: Checksum,
    },
}

impl Snapshot {
    /// Takes a snapshot of `register` now (`taken_at` is passed in: the core reads no clock).
    pub fn take(
        register: &Register,
        label: Label,
        taken_at: Timestamp,
        author: impl Into<String>,
        note: impl Into<String>,
    ) -> Result<Self, SnapshotError> {
        let mut register = register.clone();
        register.format_version = FORMAT_VERSION;
        let author = author.into();
        let note = note.into();
        let checksum = Checksum::of_snapshot(&label, taken_at, &author, &note, &register)?;
        Ok(Self {
            label,
            taken_at,
            author,
            note,
            checksum,
            register,
        })
    }

    /// A snapshot read back from its parts, accepted only if `checksum` matches all the others.
    pub fn verified(
        label: Label,
        taken_at: Timestamp,
        author: String,
        note: String,
        checksum: Checksum,
        register: Register,
    ) -> Result<Self, SnapshotError> {
        let actual = Checksum::of_snapshot(&label, taken_at, &author, &note, &register)?;
        if actual != checksum {
            return Err(SnapshotError::Altered {
                recorded: checksum,
                actual,
            });
        }
        Ok(Self {
            label,
            taken_at,
            author,
            note,
            checksum,
            register,
        })
    }

    /// The label, such as `v1.1`.
    pub fn label(&self) -> &Label {
        &self.label
    }

    /// When it was taken.
    pub fn taken_at(&self) -> Timestamp {
        self.taken_at
    }

    /// Who took it; may be empty.
    pub fn author(&self) -> &str {
        &self.author
    }

    /// Why it was taken; may be empty.
    pub fn note(&self) -> &str {
        &self.note
    }

    /// The checksum of its label, time, author, note and register (`Checksum::of_snapshot`).
    pub fn checksum(&self) -> Checksum {
        self.checksum
    }

    /// The frozen register, to read (open read-only, compare, restore from).
    pub fn register(&self) -> &Register {
        &self.register
    }

    /// Whether `register` has exactly the content of this snapshot's register.
    pub fn matches(&self, register: &Register) -> bool {
        match (Checksum::of(register), Checksum::of(&self.register)) {
            (Ok(checksum), Ok(own)) => checksum == own,
            _ => false,
        }
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

/// The automatic snapshot of the working register to keep before restoring `restoring` over it.
///
/// The caller saves it (`dpia_files::snapshot_file::save_new`) before replacing the working register, so
/// the state before the restore can always be got back.
pub fn before_restore<'a>(
    working: &Register,
    restoring: &Label,
    taken_at: Timestamp,
    author: &str,
    existing: impl IntoIterator<Item = &'a Label>,
) -> Result<Snapshot, SnapshotError> {
    Snapshot::take(
        working,
        auto_label(taken_at, existing),
        taken_at,
        author,
        format!("The working register, kept automatically before restoring {restoring}"),
    )
}

/// Why a restore could not be done. The working register is left as it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RestoreError {
    /// The entry is in neither version.
    #[error("entry {id} is in neither version")]
    NoSuchEntry {
        /// The entry.
        id: EntryId,
    },
    /// A field can be restored only for an entry in both versions; restore the whole entry instead.
    #[error("entry {id} is not in both versions: restore the whole entry instead of one field")]
    NotInBoth {
        /// The entry.
        id: EntryId,
    },
}

/// The working register replaced by the older version, as "restore as working copy" does.
///
/// Ids issued since the older version stay issued, so an id is never reused after the restore.
pub fn restore_whole(working: &Register, older: &Register) -> Register {
    let mut restored = older.clone();
    restored.format_version = FORMAT_VERSION;
    for (system, &number) in &working.issued_ids {
        let issued = restored.issued_ids.entry(system.clone()).or_insert(0);
        *issued = (*issued).max(number);
    }
    restored
}

/// Restores one entry to its state in `older`: replaced if in both, re-added if removed since,
/// removed if added since.
///
/// A re-added entry goes back after the entry it followed in `older` (or first), and brings back
/// its system and rights if the working register no longer lists them.
pub fn restore_entry(
    working: &mut Register,
    older: &Register,
    id: &EntryId,
) -> Result<(), RestoreError> {
    match (working.entry_idx(id), older.entry(id)) {
        (None, None) => Err(RestoreError::NoSuchEntry { id: id.clone() }),
        (Some(idx), None) => {
            working.entries.remove(idx);
            Ok(())
        }
        (Some(idx), Some(old_entry)) => {
            let old_entry = old_entry.clone();
            restore_catalogue(working, older, &old_entry);
            if let Some(entry) = working.entries.get_mut(idx) {
                *entry = old_entry;
            }
            Ok(())
        }
        (None, Some(old_entry)) => {
            let old_entry = old_entry.clone();
            restore_catalogue(working, older, &old_entry);
            let position = re_added_position(working, older, id);
            working.entries.insert(position, old_entry);
            Ok(())
        }
    }
}

/// Restores one field of one entry to its value in `older`. The entry must be in both versions.
pub fn restore_field(
    working: &mut Register,
    older: &Register,
    id: &EntryId,
    field: &EntryField,
) -> Result<(), RestoreError> {
    let (Some(idx), Some(old_entry)) = (working.entry_idx(id), older.entry(id)) else {
        return if working.entry_idx(id).is_none() && older.entry(id).is_none() {
            Err(RestoreError::NoSuchEntry { id: id.clone() })
        } else {
            Err(RestoreError::NotInBoth { id: id.clone() })
        };
    };
    let old_entry = old_entry.clone();
    // Only the fields that name a system or a right can need one back in the catalogue.
    match field {
        EntryField::System => restore_system(working, older, &old_entry),
        EntryField::Impact { right, .. } | EntryField::ImpactNote { right } => {
            restore_right(working, older, right);
        }
        _ => {}
    }
    let Some(entry) = working.entries.get_mut(idx) else {
        return Err(RestoreError::NoSuchEntry { id: id.clone() });
    };
    match field {
        EntryField::System => entry.system = old_entry.system,
        EntryField::Category => entry.category = old_entry.category,
        EntryField::Issue => entry.issue = old_entry.issue,
        EntryField::Concern => entry.concern = old_entry.concern,
        EntryField::Mitigations => entry.mitigations = old_entry.mitigations,
        EntryField::Impact { right, stage } => {
            restore_impact(entry, &old_entry, right, Some(*stage));
        }
        EntryField::ImpactNote { right } => restore_impact(entry, &old_entry, right, None),
        EntryField::BalancingPurposes => entry.balancing.purposes = old_entry.balancing.purposes,
        EntryField::BalancingNote => entry.balancing.note = old_entry.balancing.note,
        EntryField::AffectedGroups => entry.affected_groups = old_entry.affected_groups,
        EntryField::MustHave => entry.must_have = old_entry.must_have,
        EntryField::Votes => entry.votes = old_entry.votes,
        EntryField::Source => entry.source = old_entry.source,
        EntryField::Confidential => entry.confidential = old_entry.confidential,
        EntryField::Acceptance => entry.acceptance = old_entry.acceptance,
    }
    Ok(())
}

/// Restores the impact on `right` at `stage` (or its note, when `stage` is `None`).
fn restore_impact(entry: &mut Entry, old_entry: &Entry, right: &RightId, stage: Option<Stage>) {
    let old_idx = old_entry.impacts.iter().position(|i| &i.right == right);
    let new_idx = entry.impacts.iter().position(|i| &i.right == right);
    match (new_idx, old_idx.and_then(|idx| old_entry.impacts.get(idx))) {
        (None, None) => {}
        (Some(idx), None) => {
            entry.impacts.remove(idx);
        }
        (None, Some(old_impact)) => {
            let position = old_idx.unwrap_or(0).min(entry.impacts.len());
            entry.impacts.insert(position, old_impact.clone());
        }
        (Some(idx), Some(old_impact)) => {
            if let Some(impact) = entry.impacts.get_mut(idx) {
                match stage {
                    Some(Stage::Inherent) => impact.inherent = old_impact.inherent,
                    Some(Stage::Residual) => impact.residual = old_impact.residual,
                    None => impact.note.clone_from(&old_impact.note),
                }
            }
        }
    }
}

/// Brings back from `older` the system and rights `entry` needs that `working` no longer lists.
fn restore_catalogue(working: &mut Register, older: &Register, entry: &Entry) {
    restore_system(working, older, entry);
    for impact in &entry.impacts {
        restore_right(working, older, &impact.right);
    }
}

/// Brings back from `older` the entry's system if `working` no longer lists it.
fn restore_system(working: &mut Register, older: &Register, entry: &Entry) {
    if working.system(&entry.system).is_none()
        && let Some(system) = older.system(&entry.system)
    {
        working.systems.push(system.clone());
    }
}

/// Brings back from `older` the right if `working`'s catalogue no longer lists it.
fn restore_right(working: &mut Register, older: &Register, right: &RightId) {
    if working.right(right).is_none()
        && let Some(right) = older.right(right)
    {
        working.rights.push(right.clone());
    }
}

/// Where an entry re-added from `older` goes: after the nearest entry before it in `older` that
/// the working register still has, or first.
fn re_added_position(working: &Register, older: &Register, id: &EntryId) -> usize {
    let Some(old_idx) = older.entry_idx(id) else {
        return working.entries.len();
    };
    older
        .entries
        .iter()
        .take(old_idx)
        .rev()
        .find_map(|before| working.entry_idx(&before.id))
        .map_or(0, |idx| idx + 1)
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
    use crate::register::{Assessment, Impact, RightId, SystemId};

    fn label(text: &str) -> Label {
        Label::parse(text).unwrap()
    }

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    use crate::testing::{entry, register};

    fn ids(register: &Register) -> Vec<&str> {
        register.entries.iter().map(|e| e.id.as_str()).collect()
    }

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
    fn checksum_is_hex_and_parses_back() {
        let checksum = Checksum::of(&Register::default()).unwrap();
        let text = checksum.to_string();
        assert_eq!(text.len(), 64, "{text}");
        assert!(
            text.chars()
                .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c)),
            "{text}"
        );
        assert_eq!(Checksum::parse(&text), Ok(checksum));
        assert_eq!(Checksum::parse(&text.to_uppercase()), Ok(checksum));
        assert!(Checksum::parse(&text[1..]).is_err(), "too short");
        assert!(
            Checksum::parse(&format!("{}g", &text[1..])).is_err(),
            "not hex"
        );
        assert!(Checksum::parse(&"é".repeat(32)).is_err(), "not ASCII");
    }

    #[test]
    fn a_snapshot_checksum_is_of_the_documented_canonical_bytes() {
        let working = register(vec![entry("PND-001", "Retention")]);
        let snapshot = Snapshot::take(
            &working,
            label("v1.0"),
            at("2019-04-30T09:00:00Z"),
            "Siân",
            "For the\nworkshop",
        )
        .unwrap();
        let text = register_text::to_text(snapshot.register()).unwrap();
        // Lengths are in bytes: `â` is two.
        let canonical = format!(
            "4\nv1.0\n20\n2019-04-30T09:00:00Z\n5\nSiân\n16\nFor the\nworkshop\n{}\n{text}\n",
            text.len()
        );
        let expected = Checksum(Sha256::digest(canonical.as_bytes()).into());
        assert_eq!(snapshot.checksum(), expected);
        assert_ne!(
            snapshot.checksum(),
            Checksum::of(snapshot.register()).unwrap(),
            "more than the register"
        );
    }

    #[test]
    fn each_part_of_a_snapshot_changes_its_checksum() {
        let working = register(vec![entry("PND-001", "Retention")]);
        let checksum = |label_text: &str, taken_at: &str, author: &str, note: &str| {
            Snapshot::take(&working, label(label_text), at(taken_at), author, note)
                .unwrap()
                .checksum()
        };
        let base = checksum("v1.0", "2019-04-30T09:00:00Z", "Siân", "Note");
        assert_eq!(
            base,
            checksum("v1.0", "2019-04-30T09:00:00Z", "Siân", "Note")
        );
        for other in [
            checksum("v1.1", "2019-04-30T09:00:00Z", "Siân", "Note"),
            checksum("v1.0", "2019-04-30T09:00:01Z", "Siân", "Note"),
            checksum("v1.0", "2019-04-30T09:00:00Z", "Sian", "Note"),
            checksum("v1.0", "2019-04-30T09:00:00Z", "Siân", "Note."),
            // The length prefix keeps a part from running into the next.
            checksum("v1.0", "2019-04-30T09:00:00Z", "SiânNote", ""),
        ] {
            assert_ne!(base, other);
        }
    }

    #[test]
    fn checksum_follows_the_content() {
        let a = register(vec![entry("PND-001", "Retention")]);
        let mut b = a.clone();
        assert_eq!(Checksum::of(&a).unwrap(), Checksum::of(&b).unwrap());
        b.entries[0].votes = 1;
        assert_ne!(Checksum::of(&a).unwrap(), Checksum::of(&b).unwrap());
    }

    #[test]
    fn a_snapshot_is_verified_against_its_checksum() {
        let working = register(vec![entry("PND-001", "Retention")]);
        let snapshot = Snapshot::take(
            &working,
            label("v1.0"),
            at("2019-04-30T09:00:00Z"),
            "Siân",
            "For the workshop",
        )
        .unwrap();
        assert!(snapshot.matches(&working), "unchanged");
        let again = Snapshot::verified(
            snapshot.label().clone(),
            snapshot.taken_at(),
            snapshot.author().to_owned(),
            snapshot.note().to_owned(),
            snapshot.checksum(),
            snapshot.register().clone(),
        )
        .unwrap();
        assert_eq!(again, snapshot);

        let mut altered = working.clone();
        altered.entries[0].issue = "Retention of images".to_owned();
        assert!(!snapshot.matches(&altered), "changed");
        let err = Snapshot::verified(
            label("v1.0"),
            snapshot.taken_at(),
            String::new(),
            String::new(),
            snapshot.checksum(),
            altered,
        )
        .unwrap_err();
        assert!(matches!(err, SnapshotError::Altered { .. }), "{err}");
        assert!(err.to_string().contains("altered or is corrupt"), "{err}");
    }

    #[test]
    fn before_restore_keeps_the_working_register() {
        let working = register(vec![entry("PND-001", "Retention")]);
        let taken_at = at("2019-05-01T12:30:00Z");
        let kept = before_restore(&working, &label("v1.0"), taken_at, "Siân", &[]).unwrap();
        assert_eq!(kept.register(), &working);
        assert_eq!(
            kept.label().as_str(),
            "auto-before-restore-20190501T123000Z"
        );
        assert_eq!(
            kept.note(),
            "The working register, kept automatically before restoring v1.0"
        );
        assert_eq!(kept.author(), "Siân");
    }

    #[test]
    fn restore_whole_keeps_ids_issued_since() {
        let mut older = register(vec![entry("PND-001", "Retention")]);
        older.issued_ids.insert(SystemId::parse("PND").unwrap(), 1);
        let mut working = older.clone();
        let pnd = SystemId::parse("PND").unwrap();
        let id = working.issue_entry_id(&pnd);
        working.entries.push(Entry::new(id, pnd.clone(), "Sharing"));
        let mut restored = restore_whole(&working, &older);
        assert_eq!(restored.entries, older.entries);
        assert_eq!(
            restored.issue_entry_id(&pnd).as_str(),
            "PND-003",
            "PND-002 was issued after the snapshot and is never reused"
        );
    }

    #[test]
    fn restore_entry_replaces_re_adds_and_removes() {
        let older = register(vec![
            entry("PND-001", "A"),
            entry("PND-002", "B"),
            entry("PND-003", "C"),
        ]);
        let mut working = older.clone();
        working.entries[0].issue = "A changed".to_owned();
        working.entries.remove(1);
        working.entries.push(entry("PNC-001", "New"));

        let mut restored = working.clone();
        restore_entry(&mut restored, &older, &EntryId::parse("PND-001").unwrap()).unwrap();
        assert_eq!(restored.entries[0].issue, "A");

        restore_entry(&mut restored, &older, &EntryId::parse("PND-002").unwrap()).unwrap();
        assert_eq!(ids(&restored), ["PND-001", "PND-002", "PND-003", "PNC-001"]);

        restore_entry(&mut restored, &older, &EntryId::parse("PNC-001").unwrap()).unwrap();
        assert_eq!(restored.entries, older.entries, "back to the older version");

        let err = restore_entry(&mut restored, &older, &EntryId::parse("HOB-001").unwrap());
        assert_eq!(
            err,
            Err(RestoreError::NoSuchEntry {
                id: EntryId::parse("HOB-001").unwrap()
            })
        );
    }

    #[test]
    fn a_re_added_entry_goes_first_when_nothing_before_it_remains() {
        let older = register(vec![entry("PND-001", "A"), entry("PND-002", "B")]);
        let mut working = register(vec![entry("PND-002", "B")]);
        restore_entry(&mut working, &older, &EntryId::parse("PND-001").unwrap()).unwrap();
        assert_eq!(ids(&working), ["PND-001", "PND-002"]);
    }

    #[test]
    fn a_re_added_entry_brings_back_its_system_and_rights() {
        let mut older = register(vec![entry("LEDS-001", "A")]);
        older.rights.push(crate::register::Right {
            id: RightId::parse("flying").unwrap(),
            name: "Flying".to_owned(),
            legal_reference: String::new(),
        });
        older.entries[0].impacts.push(Impact::new(
            RightId::parse("flying").unwrap(),
            Assessment::from_values(2, 2).unwrap(),
        ));
        let mut working = Register::default();
        restore_entry(&mut working, &older, &EntryId::parse("LEDS-001").unwrap()).unwrap();
        assert!(
            crate::check::check(&working).is_empty(),
            "{:?}",
            crate::check::check(&working)
        );
    }

    fn impact(right: &str, inherent: (u8, u8), residual: Option<(u8, u8)>) -> Impact {
        Impact {
            right: RightId::parse(right).unwrap(),
            inherent: Assessment::from_values(inherent.0, inherent.1).unwrap(),
            residual: residual.and_then(|(s, l)| Assessment::from_values(s, l)),
            note: format!("{right} note"),
        }
    }

    #[test]
    fn restore_field_changes_only_that_field() {
        let mut old_entry = entry("PND-001", "A");
        old_entry.concern = "old concern".to_owned();
        old_entry.votes = 2;
        old_entry.impacts = vec![
            impact("privacy", (3, 4), Some((2, 2))),
            impact("liberty", (2, 2), None),
        ];
        let older = register(vec![old_entry.clone()]);
        let mut working = older.clone();
        let new_entry = &mut working.entries[0];
        new_entry.concern = "new concern".to_owned();
        new_entry.votes = 5;
        new_entry.impacts = vec![
            impact("privacy", (4, 4), Some((3, 3))),
            impact("life", (1, 1), None),
        ];
        new_entry.impacts[0].note = "changed note".to_owned();
        let id = EntryId::parse("PND-001").unwrap();
        let privacy = RightId::parse("privacy").unwrap();

        let restore = |working: &mut Register, field: EntryField| {
            restore_field(working, &older, &id, &field).unwrap();
        };
        restore(&mut working, EntryField::Concern);
        assert_eq!(working.entries[0].concern, "old concern");
        assert_eq!(working.entries[0].votes, 5, "votes untouched");

        restore(
            &mut working,
            EntryField::Impact {
                right: privacy.clone(),
                stage: Stage::Residual,
            },
        );
        let restored = working.entries[0].impact(&privacy).unwrap();
        assert_eq!(restored.residual, Assessment::from_values(2, 2));
        assert_eq!(restored.inherent, Assessment::from_values(4, 4).unwrap());
        assert_eq!(restored.note, "changed note");

        restore(
            &mut working,
            EntryField::ImpactNote {
                right: privacy.clone(),
            },
        );
        assert_eq!(
            working.entries[0].impact(&privacy).unwrap().note,
            "privacy note"
        );
        restore(
            &mut working,
            EntryField::Impact {
                right: privacy.clone(),
                stage: Stage::Inherent,
            },
        );
        // A right scored only in the working version is unscored again; one scored only in the
        // older version comes back whole.
        restore(
            &mut working,
            EntryField::Impact {
                right: RightId::parse("life").unwrap(),
                stage: Stage::Inherent,
            },
        );
        restore(
            &mut working,
            EntryField::Impact {
                right: RightId::parse("liberty").unwrap(),
                stage: Stage::Residual,
            },
        );
        restore(&mut working, EntryField::Votes);
        assert_eq!(working.entries[0], old_entry, "every field restored");
    }

    #[test]
    fn restore_field_needs_the_entry_in_both_versions() {
        let older = register(vec![entry("PND-001", "A")]);
        let mut working = register(vec![entry("PND-002", "B")]);
        let before = working.clone();
        let err = restore_field(
            &mut working,
            &older,
            &EntryId::parse("PND-001").unwrap(),
            &EntryField::Issue,
        )
        .unwrap_err();
        assert!(matches!(err, RestoreError::NotInBoth { .. }), "{err}");
        assert_eq!(working, before, "nothing changed");
    }
}
