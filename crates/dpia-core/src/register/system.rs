//! A system under assessment, such as the Police National Database.

use serde::{Deserialize, Serialize};

use super::SystemId;

/// A system whose processing the register assesses: PND, PNC, LEDS, HOB, or one users add.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct System {
    /// Short stable id, also the prefix of generated entry ids (`LEDS-003`).
    pub id: SystemId,
    /// Full name, such as "Law Enforcement Data Service".
    pub name: String,
    /// What the system is and does.
    #[serde(default)]
    pub description: String,
}
