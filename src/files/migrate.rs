//! File format versions: read any version this build knows, upgrade old ones, refuse newer ones.
//!
//! Format history:
//! - 1: the first draft layout, kept from the spreadsheet: one mitigation text and one status per
//!   entry, the marking as free text, and no record of issued ids.
//! - 2: several mitigations per entry, each with status, owner and due date; the marking as one of
//!   the Government Security Classifications; `issued_ids`.

use std::path::Path;

use jiff::civil::Date;
use serde::Deserialize;

use super::LoadError;
use super::register_file::from_ron;
use crate::register::{
    Balancing, Entry, EntryId, Field, Impact, Language, Marking, Metadata, Mitigation,
    MitigationStatus, Register, Right, Source, Status, System, SystemId,
};

/// The format version this build writes.
pub const FORMAT_VERSION: u32 = 2;

/// Just enough of any version to read its number; every other field is skipped.
#[derive(Deserialize)]
struct VersionProbe {
    /// 0 when the field is missing: no version ever written is 0.
    #[serde(default)]
    format_version: u32,
}

/// Parses register text of any known version into the current model.
///
/// Current files, the common case, are parsed once. Only when that fails is the version probed,
/// to migrate an older file, refuse a newer one, or else report the first parse's error.
pub fn parse_any_version(text: &str, path: &Path) -> Result<Register, LoadError> {
    let current_error = match from_ron::<Register>(text, path) {
        Ok(register) if register.format_version == FORMAT_VERSION => return Ok(register),
        Ok(_) => None,
        Err(err) => Some(err),
    };
    let probe: VersionProbe = from_ron(text, path)?;
    match probe.format_version {
        FORMAT_VERSION => Err(current_error.unwrap_or_else(|| LoadError::Parse {
            path: path.to_owned(),
            line: 1,
            column: 1,
            message: "the file does not parse as a register".to_owned(),
        })),
        0 => Err(LoadError::Parse {
            path: path.to_owned(),
            line: 1,
            column: 1,
            message: "missing field `format_version`: is this a dpia-register file?".to_owned(),
        }),
        1 => from_ron::<RegisterV1>(text, path)?.migrate(text, path),
        found if found > FORMAT_VERSION => Err(LoadError::NewerFormat {
            path: path.to_owned(),
            found,
            supported: FORMAT_VERSION,
        }),
        found => Err(LoadError::Unsupported {
            path: path.to_owned(),
            message: format!("format_version {found} is not a version dpia-register ever wrote"),
        }),
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
    /// The register in the current format; `text` and `path` only place an error.
    fn migrate(self, text: &str, path: &Path) -> Result<Register, LoadError> {
        let mut register = Register {
            format_version: FORMAT_VERSION,
            metadata: self.metadata.migrate(text, path)?,
            systems: self.systems,
            rights: self.rights,
            entries: self.entries.into_iter().map(EntryV1::migrate).collect(),
            issued_ids: std::collections::BTreeMap::new(),
            workshops: Vec::new(),
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
    fn migrate(self, text: &str, path: &Path) -> Result<Metadata, LoadError> {
        let marking = if self.marking.trim().is_empty() {
            Marking::default()
        } else {
            marking_from_text(&self.marking).ok_or_else(|| {
                let (line, column) = field_position(text, "marking").unwrap_or((1, 1));
                LoadError::Parse {
                    path: path.to_owned(),
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
        let register = parse_any_version(V1, Path::new("old.ron")).unwrap();
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
            let register = parse_any_version(&text, Path::new("old.ron")).unwrap();
            assert_eq!(
                register.metadata.marking,
                Marking::OfficialSensitive,
                "{written}"
            );
        }
        let text = V1.replace("Official-Sensitive", "top secret");
        let register = parse_any_version(&text, Path::new("old.ron")).unwrap();
        assert_eq!(register.metadata.marking, Marking::TopSecret);
    }

    #[test]
    fn an_unrecognised_marking_is_an_error_at_the_marking() {
        let text = V1.replace("Official-Sensitive", "OFFICIAL-SENSITIVE PERSONAL");
        let err = parse_any_version(&text, Path::new("old.ron")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "old.ron:3:39: marking `OFFICIAL-SENSITIVE PERSONAL` is not one of OFFICIAL, \
             OFFICIAL-SENSITIVE, SECRET, TOP SECRET; change it to one of these and load the file again"
        );
    }

    #[test]
    fn a_missing_marking_starts_at_official() {
        let text = V1.replace(", marking: \"Official-Sensitive\"", "");
        let register = parse_any_version(&text, Path::new("old.ron")).unwrap();
        assert_eq!(register.metadata.marking, Marking::Official);
    }

    #[test]
    fn refuses_a_newer_version() {
        let text = V1.replace("format_version: 1", "format_version: 9");
        let err = parse_any_version(&text, Path::new("new.ron")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "new.ron: format_version 9 is newer than this app reads (up to 2); update dpia-register to open it"
        );
    }

    #[test]
    fn a_file_without_a_version_is_refused() {
        let err = parse_any_version("(title: \"x\")", Path::new("x.ron")).unwrap_err();
        assert!(
            err.to_string().contains("missing field `format_version`"),
            "{err}"
        );
    }
}
