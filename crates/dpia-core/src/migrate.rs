//! Format versions of register text: read any version this build knows, upgrade old ones, refuse newer ones.
//!
//! Format history:
//! - 1: the first draft layout, kept from the spreadsheet: one mitigation text and one status per
//!   entry, the marking as free text, and no record of issued ids.
//! - 2: several mitigations per entry, each with status, owner and due date; the marking as one of
//!   the Government Security Classifications; `issued_ids`.

use jiff::civil::Date;
use serde::Deserialize;

use crate::register::{
    Balancing, Entry, EntryId, FORMAT_VERSION, Field, Impact, Language, Marking, Metadata,
    Mitigation, MitigationStatus, Register, Right, Source, Status, System, SystemId,
};
use crate::register_text::{FormatError, from_ron};

/// What a first look at RON text tells before it is read as a register or a snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probe {
    /// The top-level `format_version`, if the text has one.
    pub format_version: Option<u32>,
    /// The snapshot's label, when the text is a snapshot file (it has a `register` or a `checksum`
    /// at the top, which a register never has).
    pub snapshot_label: Option<String>,
}

/// What the text says about itself, or `None` when it is not even well-formed RON.
///
/// Every value is skipped but the few looked at, so this is one cheap pass. It runs only when a
/// first reading has failed.
pub fn probe(text: &str) -> Option<Probe> {
    let found: ProbeFile = ron::Options::default().from_str(text).ok()?;
    let is_snapshot = found.register.0.is_some() || found.checksum.0.is_some();
    Some(Probe {
        format_version: found.format_version.0,
        snapshot_label: is_snapshot.then(|| found.label.0.unwrap_or_default()),
    })
}

/// An empty file is refused in those words: the parser's own message names its internal types.
pub fn refuse_empty(text: &str) -> Result<(), FormatError> {
    if text.trim().is_empty() {
        Err(FormatError::Parse {
            line: 1,
            column: 1,
            message: "the file is empty".to_owned(),
        })
    } else {
        Ok(())
    }
}

/// Parses register text of any known version into the current model.
///
/// Current files, the common case, are parsed once. Only when that fails is the text probed, to
/// migrate an older file, refuse a newer one or a snapshot, or else report the first parse's error.
pub fn parse_any_version(text: &str) -> Result<Register, FormatError> {
    refuse_empty(text)?;
    let current_error = match from_ron::<Register>(text) {
        Ok(register) if register.format_version == FORMAT_VERSION => return Ok(register),
        Ok(_) => None,
        Err(err) => Some(err),
    };
    let no_register = || FormatError::Parse {
        line: 1,
        column: 1,
        message: "the file does not parse as a register".to_owned(),
    };
    let Some(probe) = probe(text) else {
        // Not well-formed: the first parse's error says where.
        return Err(current_error.unwrap_or_else(no_register));
    };
    if let Some(label) = probe.snapshot_label {
        return Err(FormatError::Unsupported {
            message: format!(
                "this is snapshot {label} of a register, a frozen copy that is never rewritten; \
                 change the register it was taken from (`check`, `diff`, `rank` and the exports read snapshots)"
            ),
        });
    }
    match probe.format_version {
        Some(FORMAT_VERSION) => Err(current_error.unwrap_or_else(no_register)),
        None => Err(FormatError::Parse {
            line: 1,
            column: 1,
            message: "missing field `format_version`: is this a dpia-register file?".to_owned(),
        }),
        Some(1) => from_ron::<RegisterV1>(text)
            .map_err(name_current_types)?
            .migrate(text),
        Some(found) if found > FORMAT_VERSION => Err(FormatError::NewerFormat {
            found,
            supported: FORMAT_VERSION,
        }),
        Some(found) => Err(FormatError::Unsupported {
            message: format!("format_version {found} is not a version dpia-register ever wrote"),
        }),
    }
}

/// A format 1 parse error in the names the user knows: `Entry`, not the internal `EntryV1`.
fn name_current_types(err: FormatError) -> FormatError {
    match err {
        FormatError::Parse {
            line,
            column,
            message,
        } => FormatError::Parse {
            line,
            column,
            message: message.replace("V1`", "`"),
        },
        other => other,
    }
}

/// The fields `probe` looks at; every other field is skipped.
#[derive(Deserialize)]
struct ProbeFile {
    #[serde(default)]
    format_version: Seen<u32>,
    #[serde(default)]
    label: Seen<String>,
    #[serde(default)]
    checksum: Seen<serde::de::IgnoredAny>,
    #[serde(default)]
    register: Seen<serde::de::IgnoredAny>,
}

/// A field's value if the field is there: RON would want `Some(…)` written for an `Option`.
struct Seen<T>(Option<T>);

impl<T> Default for Seen<T> {
    fn default() -> Self {
        Self(None)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Seen<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(|value| Self(Some(value)))
    }
}

/// Format 1: the register as first drafted.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegisterV1 {
    #[expect(
        dead_code,
        reason = "read to check it, then replaced by the current version"
    )]
    format_version: u32,
    metadata: MetadataV1,
    systems: Vec<System>,
    rights: Vec<Right>,
    entries: Vec<EntryV1>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MetadataV1 {
    title: String,
    #[serde(default)]
    programme: String,
    #[serde(default)]
    version_label: String,
    #[serde(default)]
    date_issued: Option<Date>,
    #[serde(default)]
    status: Status,
    /// Free text in format 1.
    #[serde(default)]
    marking: String,
    #[serde(default)]
    owner: String,
    #[serde(default)]
    purpose: String,
    #[serde(default)]
    language: Language,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryV1 {
    id: EntryId,
    system: SystemId,
    #[serde(default)]
    category: String,
    issue: String,
    #[serde(default)]
    concern: String,
    /// One text in format 1, as in the Word table's Mitigation column.
    #[serde(default)]
    mitigation: String,
    #[serde(default)]
    mitigation_status: MitigationStatus,
    #[serde(default)]
    owner: String,
    #[serde(default)]
    impacts: Vec<Impact>,
    #[serde(default)]
    balancing: Balancing,
    #[serde(default)]
    affected_groups: Vec<String>,
    #[serde(default)]
    must_have: bool,
    #[serde(default)]
    votes: u32,
    #[serde(default)]
    source: Source,
    #[serde(default)]
    confidential: std::collections::BTreeSet<Field>,
}

impl RegisterV1 {
    /// The register in the current format: `text` only places an error.
    fn migrate(self, text: &str) -> Result<Register, FormatError> {
        let mut register = Register {
            format_version: FORMAT_VERSION,
            metadata: self.metadata.migrate(text)?,
            systems: self.systems,
            rights: self.rights,
            entries: self.entries.into_iter().map(EntryV1::migrate).collect(),
            issued_ids: std::collections::BTreeMap::new(),
            workshops: Vec::new(),
            actions: Vec::new(),
            last_action_number: 0,
            snapshots: Vec::new(),
            conflicts: Vec::new(),
        };
        // Format 1 kept no record of issued ids: the ids in use are the best record there is.
        let systems: Vec<SystemId> = register.systems.iter().map(|s| s.id.clone()).collect();
        for system in systems {
            let highest = register
                .entries
                .iter()
                .filter_map(|entry| entry.id.number_for(&system))
                .max();
            if let Some(highest) = highest {
                register.issued_ids.insert(system, highest);
            }
        }
        Ok(register)
    }
}

impl MetadataV1 {
    /// The metadata in the current format.
    ///
    /// The free-text marking must name one of the classifications, in any case and with any
    /// separators (`official sensitive`); anything else is an error at the marking. Reading it as
    /// OFFICIAL would silently lower the protective marking of the file and of every paper made
    /// from it. Only a file with no marking at all starts at OFFICIAL, as a new register does.
    fn migrate(self, text: &str) -> Result<Metadata, FormatError> {
        let marking = if self.marking.trim().is_empty() {
            Marking::default()
        } else {
            marking_from_text(&self.marking).ok_or_else(|| {
                let (line, column) = field_position(text, "marking").unwrap_or((1, 1));
                FormatError::Parse {
                    line,
                    column,
                    message: format!(
                        "marking `{}` is not one of {}; change it to one of these and load the file again",
                        self.marking,
                        Marking::ALL.map(Marking::label).join(", ")
                    ),
                }
            })?
        };
        Ok(Metadata {
            title: self.title,
            programme: self.programme,
            version_label: self.version_label,
            date_issued: self.date_issued,
            status: self.status,
            marking,
            owner: self.owner,
            purpose: self.purpose,
            language: self.language,
            prior_consultation: None,
        })
    }
}

/// The classification a format 1 marking names, ignoring case, spaces and hyphens.
fn marking_from_text(text: &str) -> Option<Marking> {
    let letters = |text: &str| -> String {
        text.chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '_'))
            .flat_map(char::to_uppercase)
            .collect()
    };
    let wanted = letters(text);
    Marking::ALL
        .into_iter()
        .find(|marking| letters(marking.label()) == wanted)
}

/// The 1-based line and column of the first `name:` field in RON `text`, found by a second look at
/// the text (ron's errors carry positions; the values it parses do not).
fn field_position(text: &str, name: &str) -> Option<(usize, usize)> {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    text.lines().enumerate().find_map(|(line_idx, line)| {
        line.match_indices(name).find_map(|(byte_idx, _)| {
            let before = line.get(..byte_idx)?;
            let after = line.get(byte_idx + name.len()..)?;
            let is_field = !before.chars().next_back().is_some_and(is_ident)
                && !before.contains("//")
                && after.trim_start().starts_with(':');
            is_field.then(|| (line_idx + 1, before.chars().count() + 1))
        })
    })
}

impl EntryV1 {
    fn migrate(self) -> Entry {
        let mitigations = if self.mitigation.trim().is_empty() {
            Vec::new()
        } else {
            vec![Mitigation {
                text: self.mitigation,
                status: self.mitigation_status,
                owner: self.owner,
                due: None,
            }]
        };
        Entry {
            id: self.id,
            system: self.system,
            category: self.category,
            issue: self.issue,
            concern: self.concern,
            mitigations,
            impacts: self.impacts,
            balancing: self.balancing,
            affected_groups: self.affected_groups,
            must_have: self.must_have,
            votes: self.votes,
            source: self.source,
            confidential: self.confidential,
            acceptance: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const V1: &str = r#"(
    format_version: 1,
    metadata: (title: "Old register", marking: "Official-Sensitive"),
    systems: [(id: "PNC", name: "Police National Computer")],
    rights: [(id: "privacy", name: "Private and family life", legal_reference: "ECHR Art 8")],
    entries: [
        (
            id: "PNC-004",
            system: "PNC",
            issue: "Weeding of old records",
            mitigation: "Apply the deletion rules",
            mitigation_status: InProgress,
            owner: "Data quality lead",
        ),
    ],
)"#;

    #[test]
    fn migrates_format_1() {
        let register = parse_any_version(V1).unwrap();
        assert_eq!(register.format_version, FORMAT_VERSION);
        assert_eq!(register.metadata.marking, Marking::OfficialSensitive);
        let entry = &register.entries[0];
        assert_eq!(entry.mitigations.len(), 1);
        assert_eq!(entry.mitigations[0].status, MitigationStatus::InProgress);
        assert_eq!(entry.mitigations[0].owner, "Data quality lead");
        assert_eq!(
            register.issued_ids.get(&SystemId::parse("PNC").unwrap()),
            Some(&4)
        );
    }

    #[test]
    fn recognises_markings_in_any_case_and_with_any_separator() {
        for written in [
            "OFFICIAL SENSITIVE",
            "official-sensitive",
            "Official_Sensitive",
        ] {
            let text = V1.replace("Official-Sensitive", written);
            let register = parse_any_version(&text).unwrap();
            assert_eq!(
                register.metadata.marking,
                Marking::OfficialSensitive,
                "{written}"
            );
        }
        let text = V1.replace("Official-Sensitive", "top secret");
        let register = parse_any_version(&text).unwrap();
        assert_eq!(register.metadata.marking, Marking::TopSecret);
    }

    #[test]
    fn an_unrecognised_marking_is_an_error_at_the_marking() {
        let text = V1.replace("Official-Sensitive", "OFFICIAL-SENSITIVE PERSONAL");
        let err = parse_any_version(&text).unwrap_err();
        assert_eq!(
            err.to_string(),
            "3:39: marking `OFFICIAL-SENSITIVE PERSONAL` is not one of OFFICIAL, \
             OFFICIAL-SENSITIVE, SECRET, TOP SECRET; change it to one of these and load the file again"
        );
    }

    #[test]
    fn a_missing_marking_starts_at_official() {
        let text = V1.replace(", marking: \"Official-Sensitive\"", "");
        let register = parse_any_version(&text).unwrap();
        assert_eq!(register.metadata.marking, Marking::Official);
    }

    #[test]
    fn format_1_errors_name_no_internal_types() {
        let text = V1.replace("issue:", "isue:");
        let err = parse_any_version(&text).unwrap_err().to_string();
        assert!(err.contains("`isue`"), "{err}");
        assert!(!err.contains("V1"), "{err}");
    }

    #[test]
    fn a_version_0_was_never_written() {
        let text = V1.replace("format_version: 1", "format_version: 0");
        let err = parse_any_version(&text).unwrap_err();
        assert_eq!(
            err.to_string(),
            "format_version 0 is not a version dpia-register ever wrote"
        );
    }

    #[test]
    fn an_empty_file_is_called_empty() {
        for text in ["", "  \n"] {
            let err = parse_any_version(text).unwrap_err();
            assert_eq!(err.to_string(), "1:1: the file is empty");
        }
    }

    #[test]
    fn a_snapshot_is_not_read_as_an_old_register() {
        let text = format!(
            "(format_version: 1, label: \"v1.0\", taken_at: \"2026-01-01T00:00:00Z\", checksum: \"x\", register: {})",
            V1.replace("format_version: 1", "format_version: 2")
        );
        let err = parse_any_version(&text).unwrap_err().to_string();
        assert!(
            err.starts_with("this is snapshot v1.0 of a register"),
            "{err}"
        );
    }

    #[test]
    fn refuses_a_newer_version() {
        let text = V1.replace("format_version: 1", "format_version: 9");
        let err = parse_any_version(&text).unwrap_err();
        assert_eq!(
            err.to_string(),
            "format_version 9 is newer than this app reads (up to 2); update dpia-register to open it"
        );
    }

    #[test]
    fn a_file_without_a_version_is_refused() {
        let err = parse_any_version("(title: \"x\")").unwrap_err();
        assert!(
            err.to_string().contains("missing field `format_version`"),
            "{err}"
        );
    }
}
