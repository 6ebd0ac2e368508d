//! What a register says about itself: title, version, date issued, status, protective marking.

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::PriorConsultation;

/// The register's cover details, as its papers print them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    /// Title, such as "LEDS and HOB Open Space DPIA risk register".
    pub title: String,
    /// The programme assessed, such as "National Law Enforcement Data Programme".
    #[serde(default)]
    pub programme: String,
    /// The version label papers carry, such as `v1.0`.
    #[serde(default)]
    pub version_label: String,
    /// The date the current version was issued.
    #[serde(default)]
    pub date_issued: Option<Date>,
    /// Where the register stands.
    #[serde(default)]
    pub status: Status,
    /// The protective marking printed on every page.
    #[serde(default)]
    pub marking: Marking,
    /// Who owns the register.
    #[serde(default)]
    pub owner: String,
    /// The purpose and disclaimer paragraph printed on the cover.
    #[serde(default)]
    pub purpose: String,
    /// The language of the register's text, and of the fixed labels in its papers.
    #[serde(default)]
    pub language: Language,
    /// The record of consulting the ICO before processing, once started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prior_consultation: Option<PriorConsultation>,
}

impl Default for Metadata {
    fn default() -> Self {
        Self {
            title: "Untitled register".to_owned(),
            programme: String::new(),
            version_label: "v0.1".to_owned(),
            date_issued: None,
            status: Status::Draft,
            marking: Marking::Official,
            owner: String::new(),
            purpose: String::new(),
            language: Language::English,
            prior_consultation: None,
        }
    }
}

/// Where a register stands in its life.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    /// Being written.
    #[default]
    Draft,
    /// Out for comment, for example with the Open Space.
    Consultation,
    /// Agreed.
    Final,
}

impl Status {
    /// Every status, in order.
    pub const ALL: [Self; 3] = [Self::Draft, Self::Consultation, Self::Final];

    /// The status in words.
    pub fn name(self) -> &'static str {
        match self {
            Self::Draft => "Draft",
            Self::Consultation => "Consultation",
            Self::Final => "Final",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The UK Government Security Classification printed at the top and bottom of every page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Marking {
    /// `OFFICIAL`: where a new or imported register starts.
    #[default]
    Official,
    /// `OFFICIAL-SENSITIVE`: OFFICIAL with the handling caveat for need-to-know material.
    OfficialSensitive,
    /// `SECRET`.
    Secret,
    /// `TOP SECRET`.
    TopSecret,
}

impl Marking {
    /// Every marking, least restrictive first.
    pub const ALL: [Self; 4] = [
        Self::Official,
        Self::OfficialSensitive,
        Self::Secret,
        Self::TopSecret,
    ];

    /// The marking as printed: `OFFICIAL-SENSITIVE`.
    pub fn label(self) -> &'static str {
        match self {
            Self::Official => "OFFICIAL",
            Self::OfficialSensitive => "OFFICIAL-SENSITIVE",
            Self::Secret => "SECRET",
            Self::TopSecret => "TOP SECRET",
        }
    }
}

impl fmt::Display for Marking {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The language a register is written in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    /// English.
    #[default]
    English,
    /// Welsh (Cymraeg).
    Welsh,
}

impl Language {
    /// Both languages.
    pub const ALL: [Self; 2] = [Self::English, Self::Welsh];

    /// The language's own name for itself.
    pub fn name(self) -> &'static str {
        match self {
            Self::English => "English",
            Self::Welsh => "Cymraeg",
        }
    }
}
