//! Validation as a report: every problem in a register, each saying where and what.
//!
//! Problems are not errors: a register with problems still loads, so people can open and fix it.

use std::collections::BTreeSet;
use std::fmt;

use crate::register::Register;

/// One thing wrong with a register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where: `entry LEDS-003`, `systems`, `metadata`.
    pub location: String,
    /// What is wrong there.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// Every problem in `register`, in file order.
pub fn check(register: &Register) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut push = |location: String, message: String| problems.push(Problem { location, message });

    if register.metadata.title.trim().is_empty() {
        push("metadata".to_owned(), "the title is empty".to_owned());
    }
    let mut seen = BTreeSet::new();
    for system in &register.systems {
        if !seen.insert(&system.id) {
            push(
                "systems".to_owned(),
                format!("system `{}` is listed twice", system.id),
            );
        }
    }
    let mut seen = BTreeSet::new();
    for right in &register.rights {
        if !seen.insert(&right.id) {
            push(
                "rights".to_owned(),
                format!("right `{}` is listed twice", right.id),
            );
        }
    }
    let mut seen = BTreeSet::new();
    for entry in &register.entries {
        let location = format!("entry {}", entry.id);
        if !seen.insert(&entry.id) {
            push(
                location.clone(),
                "the id is used by another entry too".to_owned(),
            );
        }
        if register.system(&entry.system).is_none() {
            push(
                location.clone(),
                format!("system `{}` is not in the register's systems", entry.system),
            );
        }
        if entry.issue.trim().is_empty() {
            push(location.clone(), "the issue is empty".to_owned());
        }
        let mut rights = BTreeSet::new();
        for impact in &entry.impacts {
            if register.right(&impact.right).is_none() {
                push(
                    location.clone(),
                    format!("right `{}` is not in the rights catalogue", impact.right),
                );
            }
            if !rights.insert(&impact.right) {
                push(
                    location.clone(),
                    format!("right `{}` is scored twice", impact.right),
                );
            }
        }
        for (mitigation_idx, mitigation) in entry.mitigations.iter().enumerate() {
            if mitigation.text.trim().is_empty() {
                push(
                    location.clone(),
                    format!("mitigation {} has no text", mitigation_idx + 1),
                );
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::{Assessment, Entry, EntryId, Impact, RightId, System, SystemId};

    fn lines(register: &Register) -> String {
        check(register)
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn a_clean_register_has_no_problems() {
        let mut register = Register::default();
        let pnd = SystemId::parse("PND").unwrap();
        register.systems.push(System {
            id: pnd.clone(),
            name: "PND".to_owned(),
            description: String::new(),
        });
        register
            .entries
            .push(Entry::new(EntryId::parse("PND-001").unwrap(), pnd, "x"));
        assert_eq!(lines(&register), "");
    }

    #[test]
    fn reports_each_problem_with_its_place() {
        let mut register = Register::default();
        let id = EntryId::parse("HOB-001").unwrap();
        let mut entry = Entry::new(id.clone(), SystemId::parse("HOB").unwrap(), " ");
        let impact = Impact::new(
            RightId::parse("flying").unwrap(),
            Assessment::from_values(1, 1).unwrap(),
        );
        entry.impacts = vec![impact.clone(), impact];
        register.entries.push(entry.clone());
        register.entries.push(entry);
        assert_eq!(
            lines(&register),
            "\
entry HOB-001: system `HOB` is not in the register's systems
entry HOB-001: the issue is empty
entry HOB-001: right `flying` is not in the rights catalogue
entry HOB-001: right `flying` is not in the rights catalogue
entry HOB-001: right `flying` is scored twice
entry HOB-001: the id is used by another entry too
entry HOB-001: system `HOB` is not in the register's systems
entry HOB-001: the issue is empty
entry HOB-001: right `flying` is not in the rights catalogue
entry HOB-001: right `flying` is not in the rights catalogue
entry HOB-001: right `flying` is scored twice"
        );
    }
}
