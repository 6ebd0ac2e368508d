//! Issuing entry ids: one look at the register, then each id in constant time (amortised), so
//! adding thousands of entries (generate, import, merge) stays linear.

use std::collections::{HashMap, HashSet};

use super::{EntryId, MAX_ENTRY_NUMBER, Register, SystemId};

/// What issuing an entry id needs to know about a register's entries: every id in use, and for
/// each system the highest number in use (`LEDS-004` is number 4 of `LEDS`).
///
/// Made once (`EntryIds::of`) before adding entries; every entry added afterwards with an id not
/// issued here must be told (`in_use`), so the ids issued are those `Register::issue_entry_id`
/// would have given one at a time.
#[derive(Debug, Clone)]
pub struct EntryIds {
    in_use: HashSet<EntryId>,
    /// The highest number in use, by the part of an id before its last `-`.
    highest: HashMap<String, u32>,
    /// Ids no entry has yet but that are not to be issued (given to rows still to be added).
    reserved: HashSet<EntryId>,
}

impl EntryIds {
    /// The ids in use in `register`.
    pub fn of(register: &Register) -> Self {
        let mut ids = Self {
            in_use: HashSet::with_capacity(register.entries.len()),
            highest: HashMap::new(),
            reserved: HashSet::new(),
        };
        for entry in &register.entries {
            ids.in_use(&entry.id);
        }
        ids
    }

    /// Records that an entry with `id` was added.
    pub fn in_use(&mut self, id: &EntryId) {
        // `number_for(system)` reads `SYSTEM-digits`, and digits hold no `-`, so the system an
        // id is numbered for is everything before its last `-`.
        if let Some((system, digits)) = id.as_str().rsplit_once('-')
            && let Ok(number) = digits.parse::<u32>()
        {
            let highest = self.highest.entry(system.to_owned()).or_insert(0);
            *highest = (*highest).max(number);
        }
        self.in_use.insert(id.clone());
    }

    /// Keeps `id` from being issued, though no entry has it yet (a row to be added with it).
    pub fn reserve(&mut self, id: &EntryId) {
        self.reserved.insert(id.clone());
    }

    /// Takes the next entry id for `system` in `register`, like `LEDS-004`, records it as issued
    /// there and as in use here (the caller adds the entry that has it).
    ///
    /// The number is one past both the highest ever issued and the highest in use, so an id is
    /// never reused after a delete, even in a register edited by hand.
    pub fn issue(&mut self, register: &mut Register, system: &SystemId) -> EntryId {
        let highest_in_use = self.highest.get(system.as_str()).copied().unwrap_or(0);
        let issued = register.issued_ids.entry(system.clone()).or_insert(0);
        // Counted in u64 so nothing wraps, whatever a file recorded as issued.
        let mut number = u64::from((*issued).max(highest_in_use)) + 1;
        // A hand-made id such as `LEDS-004x` cannot clash, but `LEDS-004` typed by hand for another
        // system's entry could: skip any number whose id is already taken.
        while let Ok(candidate) = u32::try_from(number)
            && candidate <= MAX_ENTRY_NUMBER
        {
            let id = EntryId::numbered(system, candidate);
            if !self.is_taken(&id) {
                *issued = candidate;
                self.in_use(&id);
                return id;
            }
            number += 1;
        }
        // Every number is used (or recorded as issued): ids go on after the highest, unnumbered,
        // so none wraps round to one given before.
        let mut suffix = 2_u64;
        loop {
            let id = EntryId::beyond_numbers(system, suffix);
            if !self.is_taken(&id) {
                self.in_use(&id);
                return id;
            }
            suffix += 1;
        }
    }

    fn is_taken(&self, id: &EntryId) -> bool {
        self.in_use.contains(id) || self.reserved.contains(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::Entry;

    fn system(id: &str) -> SystemId {
        SystemId::parse(id).unwrap()
    }

    /// The ids issued one at a time by scanning the register, as `issue_entry_id` did before
    /// `EntryIds`: the sequence the bulk paths must keep.
    fn issued_by_scanning(register: &mut Register, system: &SystemId) -> EntryId {
        let highest_in_use = register
            .entries
            .iter()
            .filter_map(|entry| entry.id.number_for(system))
            .max()
            .unwrap_or(0);
        let issued = register.issued_ids.entry(system.clone()).or_insert(0);
        let is_taken = |id: &EntryId| register.entries.iter().any(|entry| &entry.id == id);
        let mut number = u64::from((*issued).max(highest_in_use)) + 1;
        while let Ok(candidate) = u32::try_from(number)
            && candidate <= MAX_ENTRY_NUMBER
        {
            let id = EntryId::numbered(system, candidate);
            if !is_taken(&id) {
                *issued = candidate;
                return id;
            }
            number += 1;
        }
        let mut suffix = 2_u64;
        loop {
            let id = EntryId::beyond_numbers(system, suffix);
            if !is_taken(&id) {
                return id;
            }
            suffix += 1;
        }
    }

    /// A register edited by hand in every awkward way: ids of one system's shape on another's
    /// entry, zero-padded and unpadded numbers, a system whose id has a `-`, recorded issued
    /// numbers below and above those in use, and numbers at the very top.
    fn awkward_register() -> Register {
        let mut register = Register::default();
        let mut add = |id: &str, sys: &str| {
            register
                .entries
                .push(Entry::new(EntryId::parse(id).unwrap(), system(sys), "x"));
        };
        add("LEDS-002", "LEDS");
        add("LEDS-3", "LEDS");
        add("LEDS-004", "PND");
        add("LEDS-005x", "LEDS");
        add("PND-0007", "PND");
        add("PND-X-001", "PND-X");
        add("PND-X-002", "PND");
        add("HOB-999999998", "HOB");
        add("HOB-999999999-2", "HOB");
        add("NRMP-010", "NRMP");
        register.issued_ids.insert(system("LEDS"), 1);
        register.issued_ids.insert(system("NRMP"), 20);
        register
    }

    #[test]
    fn bulk_issuing_gives_the_ids_one_at_a_time_scanning_gave() {
        let systems = ["LEDS", "PND", "PND-X", "HOB", "NRMP", "PNC"].map(system);
        let mut scanned = awkward_register();
        let mut bulk = awkward_register();
        let mut ids = EntryIds::of(&bulk);
        let mut issued = Vec::new();
        for round in 0..40 {
            let sys = &systems[round % systems.len()];
            let expected = issued_by_scanning(&mut scanned, sys);
            let got = ids.issue(&mut bulk, sys);
            assert_eq!(got, expected, "round {round}, system {sys}");
            scanned
                .entries
                .push(Entry::new(expected, sys.clone(), "new"));
            bulk.entries
                .push(Entry::new(got.clone(), sys.clone(), "new"));
            issued.push(got);
            // An entry added by hand between issues, with an id that takes a number ahead.
            if round == 7 {
                let by_hand = EntryId::parse("PNC-012").unwrap();
                scanned
                    .entries
                    .push(Entry::new(by_hand.clone(), system("PNC"), "hand"));
                bulk.entries
                    .push(Entry::new(by_hand.clone(), system("PNC"), "hand"));
                ids.in_use(&by_hand);
            }
        }
        assert_eq!(
            bulk, scanned,
            "the same registers, issued ids recorded alike"
        );
        let shown: Vec<&str> = issued.iter().take(12).map(EntryId::as_str).collect();
        assert_eq!(
            shown,
            [
                "LEDS-005",
                "PND-008",
                "PND-X-003",
                "HOB-999999999",
                "NRMP-021",
                "PNC-001",
                "LEDS-006",
                "PND-009",
                "PND-X-004",
                "HOB-999999999-3",
                "NRMP-022",
                "PNC-013",
            ],
            "the first rounds, spelled out"
        );
    }

    #[test]
    fn a_reserved_id_is_skipped() {
        let mut register = Register::default();
        let mut ids = EntryIds::of(&register);
        ids.reserve(&EntryId::parse("LEDS-001").unwrap());
        assert_eq!(
            ids.issue(&mut register, &system("LEDS")).as_str(),
            "LEDS-002"
        );
    }
}
