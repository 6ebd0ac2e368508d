//! Small registers for unit tests, shared so each test module builds them the same way.

use jiff::Timestamp;

use crate::register::{Entry, EntryId, Register, System, SystemId};
use crate::snapshot::Label;

/// An entry whose system is the id's prefix: `entry("LEDS-003", "…")` is about LEDS.
pub(crate) fn entry(id: &str, issue: &str) -> Entry {
    let id = EntryId::parse(id).expect("a valid test id");
    let prefix = id.as_str().split('-').next().unwrap_or_default();
    let system = SystemId::parse(prefix).expect("a valid system prefix");
    Entry::new(id, system, issue)
}

/// A register with the PND, PNC and LEDS systems, the default rights and `entries`.
pub(crate) fn register(entries: Vec<Entry>) -> Register {
    let mut register = Register::default();
    for system in ["PND", "PNC", "LEDS"] {
        register.systems.push(System {
            id: SystemId::parse(system).expect("a valid system id"),
            name: system.to_owned(),
            description: String::new(),
        });
    }
    register.entries = entries;
    register
}

/// A snapshot label that must parse.
pub(crate) fn label(text: &str) -> Label {
    Label::parse(text).expect("a valid test label")
}

/// A time written in RFC 3339, such as `2019-04-30T09:00:00Z`.
pub(crate) fn at(text: &str) -> Timestamp {
    text.parse().expect("a valid test time")
}
