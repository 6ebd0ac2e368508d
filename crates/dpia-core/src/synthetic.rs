//! Generated registers of any size (with an action log if asked), for benchmarks and scale tests;
//! never for users' data.
//!
//! Deterministic: the same size and seed give the same register, so benchmark figures compare.

use jiff::civil::date;

use crate::register::{
    Action, ActionStatus, ActionUpdate, Assessment, Deadline, Entry, EntryIds, Field, Impact,
    Marking, Metadata, Mitigation, MitigationStatus, Register, Source, Status, System, SystemId,
    default_rights,
};

const SYSTEMS: [(&str, &str); 5] = [
    ("PND", "Police National Database"),
    ("PNC", "Police National Computer"),
    ("LEDS", "Law Enforcement Data Service"),
    ("HOB", "Home Office Biometrics"),
    ("NRMP", "National Register of Missing Persons"),
];

const CATEGORIES: [&str; 8] = [
    "data quality",
    "retention",
    "custody images",
    "data sharing",
    "access controls",
    "audit",
    "governance",
    "biometrics",
];

const WORDS: [&str; 24] = [
    "records",
    "custody",
    "images",
    "retention",
    "sharing",
    "forces",
    "partners",
    "audit",
    "access",
    "deletion",
    "accuracy",
    "biometric",
    "matching",
    "inspection",
    "children",
    "victims",
    "witnesses",
    "weeding",
    "review",
    "safeguards",
    "consent",
    "oversight",
    "transparency",
    "Gŵyr",
];

/// A small deterministic random number generator (xorshift64*), enough to vary generated entries.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n as u64)).unwrap_or(0)
    }

    fn scale(&mut self) -> u8 {
        // below(4) is 0..=3, so the sum is 1..=4 and fits in u8.
        u8::try_from(self.below(4) + 1).unwrap_or(1)
    }

    fn sentence(&mut self, num_words: usize) -> String {
        let words: Vec<&str> = (0..num_words)
            .map(|_| {
                WORDS
                    .get(self.below(WORDS.len()))
                    .copied()
                    .unwrap_or("data")
            })
            .collect();
        let mut text = words.join(" ");
        if let Some(first) = text.get(..1) {
            text = first.to_uppercase() + text.get(1..).unwrap_or("");
        }
        text
    }
}

/// A register of `num_entries` generated entries across five systems, varied by `seed`.
pub fn register(num_entries: usize, seed: u64) -> Register {
    let mut rng = Rng(seed.max(1));
    let rights = default_rights();
    let mut register = Register {
        metadata: Metadata {
            title: format!("Generated register of {num_entries} entries"),
            programme: "Synthetic".to_owned(),
            version_label: "v1.0".to_owned(),
            date_issued: Some(date(2019, 5, 14)),
            status: Status::Draft,
            marking: Marking::OfficialSensitive,
            owner: "Benchmark".to_owned(),
            purpose: "Generated for benchmarks and scale tests.".to_owned(),
            ..Metadata::default()
        },
        systems: SYSTEMS
            .iter()
            .filter_map(|(id, name)| {
                Some(System {
                    id: SystemId::parse(id).ok()?,
                    name: (*name).to_owned(),
                    description: String::new(),
                })
            })
            .collect(),
        ..Register::default()
    };
    let mut ids = EntryIds::of(&register);
    for _ in 0..num_entries {
        let Some(system) = register
            .systems
            .get(rng.below(SYSTEMS.len()))
            .map(|s| s.id.clone())
        else {
            continue;
        };
        let id = ids.issue(&mut register, &system);
        let issue = rng.sentence(4);
        let mut entry = Entry::new(id, system, issue);
        CATEGORIES
            .get(rng.below(CATEGORIES.len()))
            .copied()
            .unwrap_or("")
            .clone_into(&mut entry.category);
        let concern_words = 20 + rng.below(40);
        entry.concern = rng.sentence(concern_words);
        for _ in 0..=rng.below(3) {
            let mitigation_words = 8 + rng.below(12);
            entry.mitigations.push(Mitigation {
                text: rng.sentence(mitigation_words),
                status: MitigationStatus::ALL
                    .get(rng.below(5))
                    .copied()
                    .unwrap_or_default(),
                owner: "Programme team".to_owned(),
                due: None,
            });
        }
        let num_impacts = 1 + rng.below(4);
        for _ in 0..num_impacts {
            let Some(right) = rights.get(rng.below(rights.len())) else {
                continue;
            };
            if entry.impact(&right.id).is_some() {
                continue;
            }
            let inherent = Assessment::from_values(rng.scale(), rng.scale());
            let residual = Assessment::from_values(rng.scale(), rng.scale());
            if let Some(inherent) = inherent {
                let mut impact = Impact::new(right.id.clone(), inherent);
                if rng.below(2) == 0 {
                    impact.residual = residual;
                }
                entry.impacts.push(impact);
            }
        }
        entry.must_have = rng.below(10) == 0;
        entry.votes = u32::try_from(rng.below(6)).unwrap_or(0);
        entry.source = Source {
            document: "Generated".to_owned(),
            date: Some(date(2019, 5, 14)),
        };
        if rng.below(5) == 0 {
            entry.confidential.insert(Field::Concern);
        }
        register.entries.push(entry);
    }
    register
}

/// `register` with an action log of `num_actions` generated actions, numbered from 1, each with a
/// theme, an owner, a deadline in 2019 or 2020 (a day or a month), a status, one to three dated
/// updates and one or two linked entries.
pub fn with_actions(mut register: Register, num_actions: usize, seed: u64) -> Register {
    let mut rng = Rng(seed.max(1));
    for _ in 0..num_actions {
        let number = register.issue_action_number();
        let mut action = Action::new(number, rng.sentence(12));
        CATEGORIES
            .get(rng.below(CATEGORIES.len()))
            .copied()
            .unwrap_or("")
            .clone_into(&mut action.theme);
        action.owners.push(format!("Owner {}", rng.below(40)));
        let year = if rng.below(2) == 0 { 2019 } else { 2020 };
        let month = i8::try_from(1 + rng.below(12)).unwrap_or(1);
        action.deadline = Some(if rng.below(2) == 0 {
            Deadline::Month { year, month }
        } else {
            Deadline::Date(date(
                year,
                month,
                1 + i8::try_from(rng.below(28)).unwrap_or(0),
            ))
        });
        action.status = ActionStatus::ALL
            .get(rng.below(ActionStatus::ALL.len()))
            .copied()
            .unwrap_or_default();
        for update_idx in 0..=rng.below(3) {
            let day = i8::try_from(1 + update_idx).unwrap_or(1);
            action.add_update(ActionUpdate {
                date: Some(date(2019, 7, day)),
                text: rng.sentence(16),
                who: String::new(),
                is_confidential: false,
            });
        }
        for _ in 0..=rng.below(2) {
            if let Some(entry) = register
                .entries
                .get(rng.below(register.entries.len().max(1)))
            {
                action.entries.push(entry.id.clone());
            }
        }
        register.actions.push(action);
    }
    register
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_register() {
        assert_eq!(register(50, 7), register(50, 7));
        assert_ne!(register(50, 7), register(50, 8));
    }

    #[test]
    fn generated_action_logs_pass_check() {
        let generated = with_actions(register(50, 1), 200, 1);
        assert_eq!(generated.actions.len(), 200);
        assert_eq!(generated.last_action_number, 200);
        assert!(
            crate::check::check(&generated).is_empty(),
            "{:?}",
            crate::check::check(&generated)
        );
    }

    #[test]
    fn generated_registers_pass_check() {
        let generated = register(500, 1);
        assert_eq!(generated.entries.len(), 500);
        assert!(
            crate::check::check(&generated).is_empty(),
            "{:?}",
            crate::check::check(&generated)
        );
    }
}
