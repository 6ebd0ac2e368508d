//! Checksums: SHA-256 of a register's canonical text, or of a snapshot's canonical bytes (label,
//! time, author, note and register), written as 64 hex digits.
//!
//! Pure over data: the register is hashed as `register_text` writes it, never read from a file.

use std::fmt;

use jiff::Timestamp;
use sha2::{Digest, Sha256};

use super::{Label, SnapshotRecord};
use crate::register::{Register, id_type};
use crate::register_text;

id_type! {
    /// A SHA-256 checksum, written as 64 lower-case hex digits: of a register's canonical text
    /// (`Checksum::of`), or of a snapshot's canonical bytes (`Snapshot::checksum`).
    #[derive(Copy)]
    value Checksum([u8; 32]);
    /// Parses 64 hex digits (either case).
    parse = parse_hex, error = ChecksumError, display = write_hex;
}

impl Checksum {
    /// All zeros: a placeholder for a checksum about to be computed, never stored.
    pub(super) const PLACEHOLDER: Self = Self([0; 32]);

    /// Its first 12 hex digits, enough to tell checksums apart in a message.
    pub fn short(&self) -> String {
        let mut text = self.to_string();
        text.truncate(12);
        text
    }
}

/// SHA-256 of text written into it piece by piece: `Checksum::of_text` of the whole, without
/// holding the whole (`register_text::write_text` writes into it).
#[derive(Debug, Clone, Default)]
pub struct TextHasher(Sha256);

impl TextHasher {
    /// The checksum of everything written.
    pub fn checksum(self) -> Checksum {
        Checksum(self.0.finalize().into())
    }
}

impl fmt::Write for TextHasher {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        self.0.update(text.as_bytes());
        Ok(())
    }
}

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
        let mut hasher = TextHasher::default();
        register_text::write_text(register, &mut hasher)?;
        Ok(hasher.checksum())
    }

    /// SHA-256 of `text`'s UTF-8 bytes: the digest a paper records of the register text it
    /// carries, so a register swapped into the paper afterwards is told apart.
    pub fn of_text(text: &str) -> Self {
        let mut hasher = TextHasher::default();
        hasher.0.update(text.as_bytes());
        hasher.checksum()
    }

    /// The checksum of a snapshot: SHA-256 of its canonical bytes.
    ///
    /// The canonical bytes are five parts in this order: the label; the time taken, in RFC 3339 in
    /// UTC as the snapshot file writes it (`2019-04-30T09:00:00Z`); the author; the note; and the
    /// register's canonical text (as `of` hashes it). A snapshot that follows another has a sixth:
    /// the one before it, as its label, a space and its checksum in hex (snapshots taken before
    /// the chain have five parts, so their checksums are unchanged). Each part is written as its
    /// length in bytes in decimal ASCII, a line feed, its UTF-8 bytes, and a line feed, so no part
    /// can run into the next. Changing any part changes the checksum.
    pub fn of_snapshot(
        label: &Label,
        taken_at: Timestamp,
        author: &str,
        note: &str,
        register: &Register,
        previous: Option<&SnapshotRecord>,
    ) -> Result<Self, ron::Error> {
        let register = register_text::to_text(register)?;
        Ok(Self::of_snapshot_text(
            label, taken_at, author, note, &register, previous,
        ))
    }

    /// `of_snapshot` with the register given as its canonical text (`register_text::to_text`),
    /// already made or read.
    pub fn of_snapshot_text(
        label: &Label,
        taken_at: Timestamp,
        author: &str,
        note: &str,
        register: &str,
        previous: Option<&SnapshotRecord>,
    ) -> Self {
        let mut hasher = Sha256::new();
        let taken_at = taken_at.to_string();
        let previous = previous.map(|previous| format!("{} {}", previous.label, previous.checksum));
        for part in [
            Some(label.as_str()),
            Some(taken_at.as_str()),
            Some(author),
            Some(note),
            Some(register),
            previous.as_deref(),
        ]
        .into_iter()
        .flatten()
        {
            hasher.update(part.len().to_string().as_bytes());
            hasher.update(b"\n");
            hasher.update(part.as_bytes());
            hasher.update(b"\n");
        }
        Self(hasher.finalize().into())
    }
}

/// The rule for checksums: 64 hex digits (either case), surrounding white space ignored, as the
/// 32 bytes they write.
fn parse_hex(text: &str) -> Result<[u8; 32], ChecksumError> {
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
    Ok(bytes)
}

/// Writes the checksum's bytes as 64 lower-case hex digits.
fn write_hex(bytes: &[u8; 32], f: &mut fmt::Formatter<'_>) -> fmt::Result {
    for byte in bytes {
        write!(f, "{byte:02x}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::Snapshot;
    use crate::testing::{at, entry, label, register};

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
    fn a_checksum_is_stored_as_its_hex_and_checked_on_loading() {
        let checksum = Checksum::of(&Register::default()).unwrap();
        let stored = ron::to_string(&checksum).unwrap();
        assert_eq!(stored, format!("\"{checksum}\""));
        assert_eq!(ron::from_str::<Checksum>(&stored).unwrap(), checksum);
        let err = ron::from_str::<Checksum>(r#""abc""#).unwrap_err();
        assert!(
            err.to_string()
                .contains("`abc` is not a checksum: expected 64 hex digits"),
            "{err}"
        );
    }
}
