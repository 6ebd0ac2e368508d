//! Signed approvals that anyone can check without this app: SSHSIG signatures (the format of
//! `ssh-keygen -Y sign`, which git signs commits with) over an approval's payload, checked against
//! an allowed-signers file in git's format (`gpg.ssh.allowedSignersFile`).
//!
//! Pure: keys, signatures and the allowed-signers text come in as values, the time too.

use std::fmt;

use jiff::Timestamp;
use jiff::civil::DateTime;
use ssh_key::{HashAlg, LineEnding, PrivateKey, PublicKey, SshSig};

use crate::approval::{Approval, SIGNATURE_NAMESPACE};
use crate::snapshot::Checksum;

/// Why an approval could not be signed.
#[derive(Debug, thiserror::Error)]
pub enum SignError {
    /// The key is protected by a passphrase and none (or a wrong one) was given.
    #[error("the key is protected by a passphrase: {0}")]
    Passphrase(String),
    /// Signing failed.
    #[error("cannot sign: {0}")]
    Sign(String),
}

/// Signs `approval`'s payload with `key` (decrypted with `passphrase` if it needs one) and returns
/// the armored signature, with LF line endings as `ssh-keygen` needs.
pub fn sign(
    approval: &Approval,
    key: &PrivateKey,
    passphrase: Option<&str>,
) -> Result<String, SignError> {
    let decrypted;
    let key = if key.is_encrypted() {
        let passphrase = passphrase.ok_or_else(|| {
            SignError::Passphrase("set DPIA_REGISTER_KEY_PASSPHRASE to sign with it".to_owned())
        })?;
        decrypted = key
            .decrypt(passphrase)
            .map_err(|err| SignError::Passphrase(format!("cannot decrypt it: {err}")))?;
        &decrypted
    } else {
        key
    };
    let signature = key
        .sign(
            SIGNATURE_NAMESPACE,
            HashAlg::Sha512,
            approval.payload().as_bytes(),
        )
        .map_err(|err| SignError::Sign(err.to_string()))?;
    signature
        .to_pem(LineEnding::LF)
        .map_err(|err| SignError::Sign(err.to_string()))
}

/// The state of the snapshot an approval names, as read from disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SnapshotState {
    /// The snapshot file reads back and verifies, with this checksum.
    Verified(Checksum),
    /// The snapshot file records this checksum in its header; its register was not read on this
    /// run (a quick check: `Verified` reads it all).
    Recorded(Checksum),
    /// There is no snapshot with the approval's label.
    Missing,
    /// The snapshot file is there but does not verify (altered, renamed, unreadable): why.
    Broken(String),
}

/// What a check of one approval found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verification {
    /// Not signed: it says who approved, but nothing proves it.
    Unsigned,
    /// Signed by a key the allowed-signers file lists for these principals.
    Verified {
        /// The principals the file gives the key, comma-separated.
        principals: String,
    },
    /// Signed and the signature is sound, but the key is not in the allowed-signers file (or no
    /// file was given).
    UnknownSigner,
    /// The approval cannot be trusted: why.
    Invalid(String),
}

impl Verification {
    /// Whether the approval is invalid.
    pub fn is_invalid(&self) -> bool {
        matches!(self, Self::Invalid(_))
    }
}

impl fmt::Display for Verification {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unsigned => f.write_str("unsigned"),
            Self::Verified { principals } => write!(f, "signed, verified ({principals})"),
            Self::UnknownSigner => f.write_str("signed, unknown signer"),
            Self::Invalid(why) => write!(f, "INVALID: {why}"),
        }
    }
}

/// Checks `approval` against the snapshot it names and, if signed, its signature and `allowed`.
pub fn verify(
    approval: &Approval,
    snapshot: &SnapshotState,
    allowed: Option<&AllowedSigners>,
    now: Timestamp,
) -> Verification {
    match snapshot {
        SnapshotState::Missing => {
            return Verification::Invalid(format!(
                "snapshot {} is missing: it was deleted or renamed",
                approval.label
            ));
        }
        SnapshotState::Broken(why) => {
            return Verification::Invalid(format!("snapshot {}: {why}", approval.label));
        }
        SnapshotState::Verified(checksum) | SnapshotState::Recorded(checksum)
            if *checksum != approval.checksum =>
        {
            return Verification::Invalid(format!(
                "snapshot {} is not the version approved: it was replaced or re-taken",
                approval.label
            ));
        }
        SnapshotState::Verified(_) | SnapshotState::Recorded(_) => {}
    }
    let Some(armored) = &approval.signature else {
        return Verification::Unsigned;
    };
    let signature = match SshSig::from_pem(armored) {
        Ok(signature) => signature,
        Err(err) => return Verification::Invalid(format!("the signature cannot be read: {err}")),
    };
    if signature.namespace() != SIGNATURE_NAMESPACE {
        return Verification::Invalid(format!(
            "the signature is for `{}`, not for dpia-register approvals",
            signature.namespace()
        ));
    }
    let signer = PublicKey::from(signature.public_key().clone());
    if signer
        .verify(
            SIGNATURE_NAMESPACE,
            approval.payload().as_bytes(),
            &signature,
        )
        .is_err()
    {
        return Verification::Invalid(
            "the signature does not match the approval: it was altered after signing".to_owned(),
        );
    }
    match allowed.map(|allowed| allowed.principals_for(&signer, now)) {
        Some(principals) if !principals.is_empty() => Verification::Verified {
            principals: principals.join(","),
        },
        _ => Verification::UnknownSigner,
    }
}

/// An allowed-signers file, as git and `ssh-keygen -Y verify -f` read it.
#[derive(Debug, Clone, Default)]
pub struct AllowedSigners {
    signers: Vec<AllowedSigner>,
}

/// One line of an allowed-signers file.
#[derive(Debug, Clone)]
struct AllowedSigner {
    principals: Vec<String>,
    namespaces: Option<Vec<String>>,
    valid_after: Option<DateTime>,
    valid_before: Option<DateTime>,
    key: PublicKey,
}

/// A line of an allowed-signers file that cannot be read (1-based line).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}: {message}")]
pub struct AllowedSignersError {
    /// The line.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

impl AllowedSigners {
    /// Parses the text of an allowed-signers file (`man ssh-keygen`, ALLOWED SIGNERS): blank and
    /// `#` lines skipped; `principals [options] keytype base64 [comment]`; options
    /// `namespaces="…"`, `valid-after=…`, `valid-before=…` and `cert-authority` (certificates are
    /// not used for approvals, so such a line never verifies one).
    pub fn parse(text: &str) -> Result<Self, AllowedSignersError> {
        let mut signers = Vec::new();
        for (idx, line) in text.lines().enumerate() {
            let line_no = idx + 1;
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let error = |message: String| AllowedSignersError {
                line: line_no,
                message,
            };
            let (principals, rest) = split_field(line);
            let rest = rest.trim_start();
            let (options, key_text) = if looks_like_key_type(rest) {
                ("", rest)
            } else {
                let (options, key_text) = split_field(rest);
                (options, key_text.trim_start())
            };
            let key = PublicKey::from_openssh(key_text)
                .map_err(|err| error(format!("the key cannot be read: {err}")))?;
            let mut signer = AllowedSigner {
                principals: principals.split(',').map(str::to_owned).collect(),
                namespaces: None,
                valid_after: None,
                valid_before: None,
                key,
            };
            let mut is_cert_authority = false;
            for option in split_options(options) {
                let (name, value) = option
                    .split_once('=')
                    .map_or((option.as_str(), ""), |(n, v)| (n, v.trim_matches('"')));
                match name.to_ascii_lowercase().as_str() {
                    "cert-authority" => is_cert_authority = true,
                    "namespaces" => {
                        signer.namespaces = Some(value.split(',').map(str::to_owned).collect());
                    }
                    "valid-after" => {
                        signer.valid_after = Some(parse_time(value).ok_or_else(|| {
                            error(format!("valid-after `{value}` is not a time"))
                        })?);
                    }
                    "valid-before" => {
                        signer.valid_before = Some(parse_time(value).ok_or_else(|| {
                            error(format!("valid-before `{value}` is not a time"))
                        })?);
                    }
                    other => return Err(error(format!("unknown option `{other}`"))),
                }
            }
            if !is_cert_authority {
                signers.push(signer);
            }
        }
        Ok(Self { signers })
    }

    /// The principals whose entries allow `key` to sign approvals at `now`.
    fn principals_for(&self, key: &PublicKey, now: Timestamp) -> Vec<String> {
        let now = now.to_zoned_datetime(jiff::tz::TimeZone::UTC).datetime();
        self.signers
            .iter()
            .filter(|signer| signer.key.key_data() == key.key_data())
            .filter(|signer| {
                signer
                    .namespaces
                    .as_ref()
                    .is_none_or(|namespaces| matches_pattern_list(namespaces, SIGNATURE_NAMESPACE))
            })
            .filter(|signer| signer.valid_after.is_none_or(|after| now >= after))
            .filter(|signer| signer.valid_before.is_none_or(|before| now < before))
            .flat_map(|signer| signer.principals.iter().cloned())
            .collect()
    }
}

/// The first space-separated field of `text` (spaces inside double quotes kept) and the rest.
fn split_field(text: &str) -> (&str, &str) {
    let mut in_quotes = false;
    for (idx, c) in text.char_indices() {
        match c {
            '"' => in_quotes = !in_quotes,
            ' ' | '\t' if !in_quotes => return (&text[..idx], &text[idx..]),
            _ => {}
        }
    }
    (text, "")
}

/// Whether `text` starts with an SSH key type (`ssh-ed25519`, `ecdsa-sha2-…`, `sk-…`).
fn looks_like_key_type(text: &str) -> bool {
    ["ssh-", "ecdsa-", "sk-", "rsa-sha2-"]
        .iter()
        .any(|prefix| text.starts_with(prefix))
}

/// Comma-separated options, commas inside double quotes kept.
fn split_options(options: &str) -> Vec<String> {
    let mut list = Vec::new();
    let mut current = String::new();
    let mut in_quotes = false;
    for c in options.chars() {
        match c {
            '"' => {
                in_quotes = !in_quotes;
                current.push(c);
            }
            ',' if !in_quotes => list.push(std::mem::take(&mut current)),
            other => current.push(other),
        }
    }
    if !current.is_empty() {
        list.push(current);
    }
    list
}

/// `YYYYMMDD[Z]` or `YYYYMMDDHHMM[SS][Z]`. ssh-keygen reads these as local time unless they end
/// in `Z`; the core knows no time zone, so both are read as UTC here.
fn parse_time(text: &str) -> Option<DateTime> {
    let digits = text.strip_suffix(['Z', 'z']).unwrap_or(text);
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<i16> { digits.get(range)?.parse().ok() };
    let (year, month, day) = (number(0..4)?, number(4..6)?, number(6..8)?);
    let (hour, minute, second) = match digits.len() {
        8 => (0, 0, 0),
        12 => (number(8..10)?, number(10..12)?, 0),
        14 => (number(8..10)?, number(10..12)?, number(12..14)?),
        _ => return None,
    };
    DateTime::new(
        year,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
        i8::try_from(hour).ok()?,
        i8::try_from(minute).ok()?,
        i8::try_from(second).ok()?,
        0,
    )
    .ok()
}

/// Whether `name` matches a comma-separated pattern list (`*`, `?`, `!negation`) as ssh does:
/// a negated match refuses, else any positive match accepts.
fn matches_pattern_list(patterns: &[String], name: &str) -> bool {
    let mut matched = false;
    for pattern in patterns {
        if let Some(negated) = pattern.strip_prefix('!') {
            if wildcard(negated, name) {
                return false;
            }
        } else if wildcard(pattern, name) {
            matched = true;
        }
    }
    matched
}

/// `*` and `?` wildcards over characters.
fn wildcard(pattern: &str, name: &str) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let name: Vec<char> = name.chars().collect();
    let (mut p, mut n) = (0, 0);
    let (mut star, mut star_n) = (None, 0);
    while n < name.len() {
        match pattern.get(p) {
            Some('*') => {
                star = Some(p);
                star_n = n;
                p += 1;
            }
            Some(&c) if c == '?' || c == name[n] => {
                p += 1;
                n += 1;
            }
            _ => match star {
                Some(star_p) => {
                    p = star_p + 1;
                    star_n += 1;
                    n = star_n;
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::approval::Decision;
    use crate::snapshot::Label;

    /// A fixed ed25519 test key (made with `ssh-keygen -t ed25519 -N ""`; used only here).
    const KEY: &str = "-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
QyNTUxOQAAACCivwixB8ed2EH6HVFxykRgNeWIcChUazhyo/OVH/53kQAAAJgI7f3TCO39
0wAAAAtzc2gtZWQyNTUxOQAAACCivwixB8ed2EH6HVFxykRgNeWIcChUazhyo/OVH/53kQ
AAAEBuauCSdMRvE0vtlPr+YuRSddwWzj9gnG1AS+q0PsKY0KK/CLEHx53YQfodUXHKRGA1
5YhwKFRrOHKj85Uf/neRAAAAEGd3ZW5AZXhhbXBsZS5vcmcBAgMEBQ==
-----END OPENSSH PRIVATE KEY-----
";

    fn approval() -> Approval {
        Approval {
            label: Label::parse("v1.0").unwrap(),
            checksum: Checksum::parse(&"ab".repeat(32)).unwrap(),
            role: "SIRO sign-off".to_owned(),
            name: "Gwen Jones".to_owned(),
            decision: Decision::Approved,
            conditions: String::new(),
            date: "2026-12-01".parse().unwrap(),
            signature: None,
        }
    }

    fn key() -> PrivateKey {
        PrivateKey::from_openssh(KEY).unwrap()
    }

    fn allowed(options: &str) -> AllowedSigners {
        let public = key().public_key().to_openssh().unwrap();
        AllowedSigners::parse(&format!(
            "# the team\n\ngwen@example.org,*@police.example {options}{public}\n"
        ))
        .unwrap()
    }

    fn now() -> Timestamp {
        "2026-12-01T12:00:00Z".parse().unwrap()
    }

    fn present() -> SnapshotState {
        SnapshotState::Verified(Checksum::parse(&"ab".repeat(32)).unwrap())
    }

    #[test]
    fn a_signed_approval_verifies_against_the_allowed_signers() {
        let mut approval = approval();
        assert_eq!(
            verify(&approval, &present(), None, now()),
            Verification::Unsigned
        );
        approval.signature = Some(sign(&approval, &key(), None).unwrap());
        assert!(
            approval
                .signature
                .as_deref()
                .unwrap()
                .ends_with("-----END SSH SIGNATURE-----\n")
        );
        assert_eq!(
            verify(&approval, &present(), Some(&allowed("")), now()).to_string(),
            "signed, verified (gwen@example.org,*@police.example)"
        );
        assert_eq!(
            verify(&approval, &present(), None, now()),
            Verification::UnknownSigner
        );
        let other = AllowedSigners::parse(
            "dafydd@example.org ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOnPggUWlHgyFmz+Dsw6GcyP57q+9WSkdZBJ4pACKZSu other",
        )
        .unwrap();
        assert_eq!(
            verify(&approval, &present(), Some(&other), now()),
            Verification::UnknownSigner,
            "another person's key"
        );
    }

    #[test]
    fn namespaces_and_validity_limit_a_key() {
        let mut approval = approval();
        approval.signature = Some(sign(&approval, &key(), None).unwrap());
        let check = |options: &str| verify(&approval, &present(), Some(&allowed(options)), now());
        assert!(matches!(
            check("namespaces=\"git,dpia-register\" "),
            Verification::Verified { .. }
        ));
        assert_eq!(check("namespaces=\"git\" "), Verification::UnknownSigner);
        assert_eq!(
            check("valid-before=\"20260101\" "),
            Verification::UnknownSigner
        );
        assert!(matches!(
            check("valid-after=\"20260101Z\" "),
            Verification::Verified { .. }
        ));
        assert_eq!(check("cert-authority "), Verification::UnknownSigner);
    }

    #[test]
    fn an_altered_approval_or_snapshot_is_invalid() {
        let mut approval = approval();
        approval.signature = Some(sign(&approval, &key(), None).unwrap());
        let signers = allowed("");
        let mut altered = approval.clone();
        altered.decision = Decision::NotApproved;
        assert!(
            verify(&altered, &present(), Some(&signers), now())
                .to_string()
                .starts_with("INVALID: the signature does not match the approval")
        );
        let replaced = SnapshotState::Verified(Checksum::parse(&"cd".repeat(32)).unwrap());
        assert_eq!(
            verify(&approval, &replaced, Some(&signers), now()).to_string(),
            "INVALID: snapshot v1.0 is not the version approved: it was replaced or re-taken"
        );
        assert!(verify(&approval, &SnapshotState::Missing, None, now()).is_invalid());
        let mut garbled = approval.clone();
        garbled.signature = Some("-----BEGIN SSH SIGNATURE-----\nnot base64\n".to_owned());
        assert!(verify(&garbled, &present(), None, now()).is_invalid());
    }

    #[test]
    fn allowed_signers_lines_that_cannot_be_read_are_named() {
        let err =
            AllowedSigners::parse("# ok\ngwen@example.org ssh-ed25519 not-a-key\n").unwrap_err();
        assert_eq!(err.line, 2);
        let err = AllowedSigners::parse(
            "gwen@example.org colour=\"red\" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOnPggUWlHgyFmz+Dsw6GcyP57q+9WSkdZBJ4pACKZSu\n",
        )
            .unwrap_err();
        assert!(err.message.contains("unknown option `colour`"), "{err}");
    }

    #[test]
    fn patterns_match_as_ssh_does() {
        let list = |text: &str| text.split(',').map(str::to_owned).collect::<Vec<_>>();
        assert!(matches_pattern_list(&list("git,dpia-*"), "dpia-register"));
        assert!(!matches_pattern_list(
            &list("*,!dpia-register"),
            "dpia-register"
        ));
        assert!(matches_pattern_list(
            &list("dpia-regist?r"),
            "dpia-register"
        ));
        assert!(!matches_pattern_list(&list("file"), "dpia-register"));
    }
}
