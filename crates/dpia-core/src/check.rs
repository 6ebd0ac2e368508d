//! Validation as a report: every problem in a register, each saying where and what.
//!
//! Problems are not errors: a register with problems still loads, so people can open and fix it.

use std::collections::BTreeSet;
use std::fmt;

use crate::accountability::{high_residuals, is_prior_consultation_indicated};
use crate::register::{Conflict, EntryId, Register, Status};

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
    if register.metadata.status == Status::Final {
        for high in high_residuals(register) {
            if !high.is_accepted() {
                push(
                    format!("entry {}", high.entry.id),
                    format!(
                        "the register is Final but the residual risk ({} {}) has not been accepted",
                        high.score,
                        high.score.level()
                    ),
                );
            }
        }
    }
    check_actions(register, &mut push);
    for conflict in &register.conflicts {
        let location = conflict
            .entry
            .as_ref()
            .map_or_else(|| "register".to_owned(), |entry| format!("entry {entry}"));
        push(
            location,
            format!(
                "unresolved merge conflict on {}: ours {}, theirs {}",
                conflict.field,
                Conflict::shortened(&conflict.ours),
                Conflict::shortened(&conflict.theirs)
            ),
        );
    }
    problems
}

/// The action log's problems: a number used twice, an empty text, a link to an entry, an action
/// or a mitigation that is not in the register.
fn check_actions(register: &Register, push: &mut dyn FnMut(String, String)) {
    let entries: BTreeSet<&EntryId> = register.entries.iter().map(|entry| &entry.id).collect();
    let numbers: BTreeSet<u32> = register
        .actions
        .iter()
        .map(|action| action.number)
        .collect();
    let mut seen = BTreeSet::new();
    for action in &register.actions {
        let location = format!("action {}", action.number);
        if !seen.insert(action.number) {
            push(
                location.clone(),
                "the number is used by another action too".to_owned(),
            );
        }
        if action.number == 0 {
            push(location.clone(), "action numbers start at 1".to_owned());
        }
        if action.text.trim().is_empty() {
            push(location.clone(), "the action's text is empty".to_owned());
        }
        for entry in &action.entries {
            if !entries.contains(entry) {
                push(
                    location.clone(),
                    format!("entry {entry} is not in the register"),
                );
            }
        }
        for link in &action.links {
            if link.action == action.number {
                push(location.clone(), "the action links to itself".to_owned());
            } else if !numbers.contains(&link.action) {
                push(
                    location.clone(),
                    format!(
                        "the link to action {} ({}) finds no such action in the log",
                        link.action,
                        link.kind.name()
                    ),
                );
            }
        }
        if let Some(mitigation) = &action.mitigation {
            let is_found = register
                .entry(&mitigation.entry)
                .is_some_and(|entry| entry.mitigations.iter().any(|m| m.text == mitigation.text));
            if !is_found {
                push(
                    location.clone(),
                    format!(
                        "entry {} has no mitigation \"{}\"",
                        mitigation.entry, mitigation.text
                    ),
                );
            }
        }
    }
}

/// What someone accountable should look at, though the register is sound: high residual risks
/// not yet accepted (a problem once the register is Final), and a prior consultation of the ICO
/// that is indicated but not recorded.
pub fn warnings(register: &Register) -> Vec<Problem> {
    let mut warnings = Vec::new();
    let highs = high_residuals(register);
    if register.metadata.status != Status::Final {
        for high in highs.iter().filter(|high| !high.is_accepted()) {
            warnings.push(Problem {
                location: format!("entry {}", high.entry.id),
                message: format!(
                    "the residual risk stays {} ({}) and has not been accepted",
                    high.score.level(),
                    high.score
                ),
            });
        }
    }
    if is_prior_consultation_indicated(register) && register.metadata.prior_consultation.is_none() {
        warnings.push(Problem {
            location: "register".to_owned(),
            message: format!(
                "prior consultation of the ICO is indicated (DPA 2018 s65, UK GDPR Art 36): {} residual {} high after mitigation, and none is recorded",
                highs.len(),
                if highs.len() == 1 { "risk stays" } else { "risks stay" }
            ),
        });
    }
    warnings
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
    fn reports_the_action_logs_broken_links_and_numbers_used_twice() {
        use crate::register::{Action, ActionLink, LinkKind, MitigationRef};
        let mut register = Register::default();
        register.metadata.title = "Log".to_owned();
        let mut first = Action::new(16, "Provocation paper on data sharing");
        first.entries.push(EntryId::parse("LEDS-009").unwrap());
        first.links.push(ActionLink {
            kind: LinkKind::PickedUpBy,
            action: 140,
        });
        first.mitigation = Some(MitigationRef {
            entry: EntryId::parse("LEDS-009").unwrap(),
            text: "Publish the agreement".to_owned(),
        });
        let mut second = Action::new(16, " ");
        second.links.push(ActionLink {
            kind: LinkKind::LinksTo,
            action: 16,
        });
        register.actions = vec![first, second];
        assert_eq!(
            lines(&register),
            "\
action 16: entry LEDS-009 is not in the register
action 16: the link to action 140 (picked up by) finds no such action in the log
action 16: entry LEDS-009 has no mitigation \"Publish the agreement\"
action 16: the number is used by another action too
action 16: the action's text is empty
action 16: the action links to itself"
        );
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

    /// A clean register with one entry whose privacy residual is 4 × 4 (very high).
    fn very_high_residual() -> Register {
        let mut register = Register::default();
        let pnd = SystemId::parse("PND").unwrap();
        register.systems.push(System {
            id: pnd.clone(),
            name: "PND".to_owned(),
            description: String::new(),
        });
        let mut entry = Entry::new(EntryId::parse("PND-001").unwrap(), pnd, "x");
        entry.impacts.push(Impact::new(
            RightId::parse("privacy").unwrap(),
            Assessment::from_values(4, 4).unwrap(),
        ));
        register.entries.push(entry);
        register
    }

    fn warning_lines(register: &Register) -> Vec<String> {
        warnings(register).iter().map(ToString::to_string).collect()
    }

    #[test]
    fn an_unaccepted_high_residual_is_a_warning_until_the_register_is_final() {
        let mut register = very_high_residual();
        assert_eq!(lines(&register), "", "a draft may carry unaccepted risks");
        assert_eq!(
            warning_lines(&register),
            [
                "entry PND-001: the residual risk stays very high (16) and has not been accepted",
                "register: prior consultation of the ICO is indicated (DPA 2018 s65, UK GDPR Art 36): 1 residual risk stays high after mitigation, and none is recorded",
            ]
        );
        register.metadata.status = Status::Final;
        assert_eq!(
            lines(&register),
            "entry PND-001: the register is Final but the residual risk (16 very high) has not been accepted"
        );
        register.entries[0].acceptance = Some(crate::register::RiskAcceptance {
            decision: crate::register::AcceptanceDecision::Accepted,
            name: "Gwen Jones".to_owned(),
            role: "SIRO".to_owned(),
            date: "2026-12-01".parse().unwrap(),
            rationale: "Deletion runs monthly".to_owned(),
        });
        assert_eq!(lines(&register), "", "accepted, so Final is sound");
        register.metadata.prior_consultation = Some(crate::register::PriorConsultation::default());
        assert!(
            warning_lines(&register).is_empty(),
            "{:?}",
            warning_lines(&register)
        );
    }
}
