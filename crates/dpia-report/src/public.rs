//! The public edition: a copy of the register with every confidential text replaced and every
//! owner's name removed (of mitigations and of actions, with the action log's confidential updates), made before layout so the removed text can never reach the paper, its
//! metadata, its font subset or the register file it carries.
//!
//! Pure over data. Which fields are confidential is the entry's own `confidential` set; in a change
//! log, the older version is redacted with the fields confidential in either version
//! (`older_edition`), so text flagged after a snapshot is not printed as what it "was".

use std::borrow::Cow;
use std::collections::BTreeSet;

use dpia_core::register::{Attendance, Participant};
use dpia_core::register::{Entry, Field, Register, Source};

use super::labels::labels;

/// Which edition of the paper to make.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Edition {
    /// Everything in the register: for the people the marking allows.
    #[default]
    Full,
    /// For wider circulation: confidential text replaced by `[REDACTED]`, owners' names removed.
    Public,
}

/// The register as `edition` shows it: unchanged (not copied) for the full edition, redacted for
/// the public one.
pub fn edition(register: &Register, edition: Edition) -> Cow<'_, Register> {
    match edition {
        Edition::Full => Cow::Borrowed(register),
        Edition::Public => Cow::Owned(redact(register)),
    }
}

/// The public edition's register: each entry's confidential fields replaced by the placeholder in
/// the register's language (`[REDACTED]`), the register's and mitigations' owners removed, and
/// workshop records made anonymous (participants counted, not named; no record of who voted how;
/// their names struck from the workshop's title and the reasons for its moves).
///
/// Empty texts stay empty, so the placeholder only marks where something was taken out. The
/// entries keep their `confidential` sets, so a reader can see which fields were withheld.
pub fn redact(register: &Register) -> Register {
    let placeholder = labels(register.metadata.language).redacted;
    let mut public = register.clone();
    for entry in &mut public.entries {
        let fields = entry.confidential.clone();
        redact_entry(entry, &fields, placeholder);
    }
    redact_register(&mut public, placeholder);
    public
}

/// The older version of a register as `edition` shows it in a change log against `newer`.
///
/// In the public edition each entry is redacted with the fields confidential in *either* version
/// (an entry removed since, with its own), so a field flagged after the snapshot is not printed as
/// what it was. A field confidential only in the older version whose text is unchanged is left as
/// the newer version shows it: it is public now, and un-flagging it is not a change of its text.
/// Owners are removed and workshops made anonymous as in `redact`; the placeholder is in the
/// newer version's language, so a change of language alone does not show as changed text.
pub fn older_edition(older: &Register, newer: &Register, edition: Edition) -> Register {
    if edition == Edition::Full {
        return older.clone();
    }
    let placeholder = labels(newer.metadata.language).redacted;
    let mut public = older.clone();
    for entry in &mut public.entries {
        let fields: BTreeSet<Field> = match newer.entry(&entry.id) {
            None => entry.confidential.clone(),
            Some(newer_entry) => Field::ALL
                .into_iter()
                .filter(|&field| {
                    if newer_entry.is_confidential(field) {
                        true
                    } else {
                        entry.is_confidential(field) && !is_same(field, entry, newer_entry)
                    }
                })
                .collect(),
        };
        redact_entry(entry, &fields, placeholder);
    }
    // An update marked confidential since is not printed as what the log "said".
    for action in &mut public.actions {
        let Some(newer_action) = newer.action(action.number) else {
            continue;
        };
        action.updates.retain(|update| {
            !newer_action.updates.iter().any(|later| {
                later.is_confidential && later.date == update.date && later.text == update.text
            })
        });
    }
    redact_register(&mut public, placeholder);
    public
}

/// Removes the register's owner, makes workshop records anonymous, and takes out of the action log
/// its owners, who gave each update, and the confidential updates.
fn redact_register(public: &mut Register, placeholder: &str) {
    public.metadata.owner.clear();
    for action in &mut public.actions {
        // The circulated action log blacks out owners' names (issue 16's seed).
        action.owners.clear();
        action.updates.retain(|update| !update.is_confidential);
        for update in &mut action.updates {
            update.who.clear();
        }
    }
    for workshop in &mut public.workshops {
        // Organisations often take part on condition they are not identified.
        if let Attendance::Listed(participants) = &workshop.attendance {
            for name in names_to_strike(participants) {
                workshop.title = strike(&workshop.title, name, placeholder);
                for manual in &mut workshop.moves {
                    manual.reason = strike(&manual.reason, name, placeholder);
                }
            }
            workshop.attendance = Attendance::Anonymous {
                count: participants.len(),
            };
        }
        workshop.ballots.clear();
    }
}

/// Whether `field` holds the same text in both versions of an entry.
fn is_same(field: Field, old: &Entry, new: &Entry) -> bool {
    match field {
        Field::Issue => old.issue == new.issue,
        Field::Concern => old.concern == new.concern,
        Field::Mitigations => old
            .mitigations
            .iter()
            .map(|mitigation| &mitigation.text)
            .eq(new.mitigations.iter().map(|mitigation| &mitigation.text)),
        // Owners are removed from both versions whatever their flags.
        Field::Owner => true,
        Field::ImpactNotes => old
            .impacts
            .iter()
            .map(|impact| (&impact.right, &impact.note))
            .eq(new
                .impacts
                .iter()
                .map(|impact| (&impact.right, &impact.note))),
        Field::BalancingNote => old.balancing.note == new.balancing.note,
        Field::AffectedGroups => old.affected_groups == new.affected_groups,
        Field::Source => old.source == new.source,
    }
}

/// What to strike from a workshop's text: each participant's whole name or pseudonym, then, for
/// people named, each part of their name of three letters or more, so "Gwen" goes as well as
/// "Gwen Price": the words, then their parts between hyphens, then between apostrophes, so
/// "O'Brien-Price" gives "O'Brien-Price", "O'Brien", "Price" and "Brien" (a compound before its
/// parts). This errs on the side of striking: a reason that says "the price of" loses "price" too.
fn names_to_strike(participants: &[Participant]) -> Vec<&str> {
    let whole = participants.iter().map(|p| p.name.as_str());
    let mut parts: Vec<&str> = Vec::new();
    for participant in participants.iter().filter(|p| !p.is_pseudonym) {
        for word in participant.name.split_whitespace() {
            let pieces: Vec<&str> = word.split(is_hyphen).collect();
            let bits = pieces.iter().flat_map(|piece| piece.split(is_apostrophe));
            for part in std::iter::once(word)
                .chain(pieces.iter().copied())
                .chain(bits)
            {
                if part.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !parts.contains(&part)
                {
                    parts.push(part);
                }
            }
        }
    }
    whole.chain(parts).collect()
}

fn is_hyphen(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2018}'
            | '\u{2019}'
            | '\u{201B}'
            | '\u{2032}'
            | '\u{02BC}'
            | '\u{FF07}'
            | '`'
            | '\u{00B4}'
    )
}

/// `c` as names are compared: decomposed (compatibility forms too), accents dropped, lower case,
/// every apostrophe `'` and every hyphen or dash `-`; so "Siân", "Sian" and "SIAN" compare equal,
/// and "O’Brien" equals "O'Brien". A lone accent folds to nothing.
fn fold(c: char, folded: &mut Vec<char>) {
    unicode_normalization::char::decompose_compatible(c, |part| {
        if unicode_normalization::char::is_combining_mark(part) {
            return;
        }
        if is_apostrophe(part) {
            folded.push('\'');
        } else if is_hyphen(part) {
            folded.push('-');
        } else {
            folded.extend(part.to_lowercase());
        }
    });
}

/// `text` with each whole-word occurrence of `name`, however it is written (`fold`), replaced by
/// `placeholder`.
fn strike(text: &str, name: &str, placeholder: &str) -> String {
    let mut needle = Vec::new();
    for c in name.trim().chars() {
        fold(c, &mut needle);
    }
    if needle.is_empty() {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut struck = String::with_capacity(text.len());
    let mut idx = 0;
    while let Some(&c) = chars.get(idx) {
        let starts_word = idx
            .checked_sub(1)
            .and_then(|before| chars.get(before))
            .is_none_or(|before| !before.is_alphanumeric());
        let matched = chars
            .get(idx..)
            .and_then(|rest| matched_len(rest, &needle))
            .filter(|len| {
                chars
                    .get(idx + len)
                    .is_none_or(|after| !after.is_alphanumeric())
            });
        match matched {
            Some(len) if starts_word && !folds_to_nothing(c) => {
                struck.push_str(placeholder);
                idx += len;
            }
            _ => {
                struck.push(c);
                idx += 1;
            }
        }
    }
    struck
}

fn folds_to_nothing(c: char) -> bool {
    let mut folded = Vec::new();
    fold(c, &mut folded);
    folded.is_empty()
}

/// How many of `chars`, folded, spell `needle` at their start (with any accents that follow it).
fn matched_len(chars: &[char], needle: &[char]) -> Option<usize> {
    let mut folded = Vec::with_capacity(needle.len());
    for (count, &c) in chars.iter().enumerate() {
        fold(c, &mut folded);
        if !needle.starts_with(&folded) {
            return None;
        }
        if folded.len() == needle.len() {
            let accents = chars[count + 1..]
                .iter()
                .take_while(|&&c| folds_to_nothing(c))
                .count();
            return Some(count + 1 + accents);
        }
    }
    None
}

/// Replaces the texts of `fields` in `entry` with the placeholder and removes every owner.
fn redact_entry(entry: &mut Entry, fields: &BTreeSet<Field>, placeholder: &str) {
    let replace = |text: &mut String| {
        if !text.is_empty() {
            placeholder.clone_into(text);
        }
    };
    for &field in fields {
        match field {
            Field::Issue => replace(&mut entry.issue),
            Field::Concern => replace(&mut entry.concern),
            Field::Mitigations => {
                for mitigation in &mut entry.mitigations {
                    replace(&mut mitigation.text);
                }
            }
            // Every owner goes in the public edition, flagged or not (below).
            Field::Owner => {}
            Field::ImpactNotes => {
                for impact in &mut entry.impacts {
                    replace(&mut impact.note);
                }
            }
            Field::BalancingNote => replace(&mut entry.balancing.note),
            Field::AffectedGroups => {
                if !entry.affected_groups.is_empty() {
                    entry.affected_groups = vec![placeholder.to_owned()];
                }
            }
            Field::Source => {
                if entry.source != Source::default() {
                    entry.source = Source {
                        document: placeholder.to_owned(),
                        date: None,
                    };
                }
            }
        }
    }
    for mitigation in &mut entry.mitigations {
        mitigation.owner.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dpia_core::register::{
        Assessment, EntryId, Impact, Language, Mitigation, RightId, SystemId,
    };

    fn register() -> Register {
        let mut register = Register::default();
        register.metadata.owner = "Siân Owner".to_owned();
        let mut entry = Entry::new(
            EntryId::parse("PND-001").unwrap(),
            SystemId::parse("PND").unwrap(),
            "Secret issue",
        );
        entry.concern = "Secret concern".to_owned();
        let mut mitigation = Mitigation::proposed("Secret mitigation");
        mitigation.owner = "Dai Owner".to_owned();
        entry.mitigations.push(mitigation);
        let mut impact = Impact::new(
            RightId::parse("privacy").unwrap(),
            Assessment::from_values(3, 3).unwrap(),
        );
        impact.note = "Secret note".to_owned();
        entry.impacts.push(impact);
        entry.balancing.note = "Secret balance".to_owned();
        entry.affected_groups = vec!["Secret group".to_owned()];
        entry.source.document = "Secret source".to_owned();
        register.entries.push(entry);
        register
    }

    #[test]
    fn full_edition_is_the_register() {
        assert_eq!(*edition(&register(), Edition::Full), register());
    }

    #[test]
    fn owners_go_even_where_nothing_is_confidential() {
        let public = redact(&register());
        assert_eq!(public.metadata.owner, "");
        assert_eq!(public.entries[0].mitigations[0].owner, "");
        assert_eq!(public.entries[0].concern, "Secret concern", "not flagged");
    }

    #[test]
    fn every_confidential_field_is_replaced() {
        let mut register = register();
        register.entries[0].confidential = Field::ALL.into_iter().collect();
        let public = redact(&register);
        let text = dpia_core::register_text::to_text(&public).unwrap();
        assert!(!text.contains("Secret"), "{text}");
        assert!(!text.contains("Owner\""), "{text}");
        assert_eq!(text.matches("[REDACTED]").count(), 7, "{text}");
        assert_eq!(
            public.entries[0].confidential,
            register.entries[0].confidential
        );
    }

    #[test]
    fn workshop_records_lose_names_and_ballots() {
        use dpia_core::register::{Ballot, Participant, Scope, Workshop};
        let mut register = register();
        let entry = EntryId::parse("PND-001").unwrap();
        register.workshops.push(Workshop {
            title: "Open Space 5".to_owned(),
            date: jiff::civil::date(2019, 5, 14),
            scope: Scope::All,
            attendance: Attendance::Listed(vec![Participant {
                name: "Gwenllian Voter".to_owned(),
                is_pseudonym: false,
            }]),
            votes_per_participant: 3,
            votes: Vec::new(),
            ballots: vec![Ballot {
                participant: "Gwenllian Voter".to_owned(),
                entry: entry.clone(),
                votes: 3,
            }],
            tiers: Vec::new(),
            moves: vec![dpia_core::register::ManualMove {
                entry: entry.clone(),
                from_rank: 2,
                to_rank: 1,
                reason: "Gwenllian Voter argued for it; Gwenllian insisted".to_owned(),
            }],
            final_order: vec![entry],
            snapshot_label: "v1.1".to_owned(),
        });
        let public = redact(&register);
        let text = dpia_core::register_text::to_text(&public).unwrap();
        assert!(!text.contains("Gwenllian"), "{text}");
        assert_eq!(
            public.workshops[0].moves[0].reason, "[REDACTED] argued for it; [REDACTED] insisted",
            "the whole name, and a part of it alone"
        );
        assert_eq!(
            public.workshops[0].attendance,
            Attendance::Anonymous { count: 1 }
        );
        assert_eq!(
            public.workshops[0].final_order,
            register.workshops[0].final_order
        );
    }

    #[test]
    fn participants_names_are_struck_from_titles_and_reasons() {
        assert_eq!(
            strike("Liberty said so; LIBERTY. Libertyish", "Liberty", "[X]"),
            "[X] said so; [X]. Libertyish",
            "whole words in any case"
        );
        assert_eq!(
            strike("Org Kay and Org K", " Org K ", "[X]"),
            "Org Kay and [X]"
        );
        assert_eq!(strike("Siân’s view", "siân", "[X]"), "[X]’s view");
        assert_eq!(strike("anything", "", "[X]"), "anything");
        assert_eq!(
            strike("Sia\u{302}n and SIAN and Sian", "Siân", "[X]"),
            "[X] and [X] and [X]",
            "accents, decomposed or left out, and case"
        );
        let participants = [
            Participant {
                name: "Gwen Price".to_owned(),
                is_pseudonym: false,
            },
            Participant {
                name: "Organisation A".to_owned(),
                is_pseudonym: true,
            },
            Participant {
                name: "Al Bo".to_owned(),
                is_pseudonym: false,
            },
        ];
        assert_eq!(
            names_to_strike(&participants),
            ["Gwen Price", "Organisation A", "Al Bo", "Gwen", "Price"],
            "a pseudonym is struck whole; short parts of names are left alone"
        );
    }

    #[test]
    fn every_part_of_a_name_is_struck_however_it_is_written() {
        let participants = [Participant {
            name: "Siân O'Brien-Price".to_owned(),
            is_pseudonym: false,
        }];
        let names = names_to_strike(&participants);
        assert_eq!(
            names,
            [
                "Siân O'Brien-Price",
                "Siân",
                "O'Brien-Price",
                "O'Brien",
                "Price",
                "Brien"
            ]
        );
        let mut text =
            "Siân O'Brien-Price said; Sian agreed; O’Brien insisted; Price said; BRIEN nodded; \
             Siân O‘Brien‐Price left"
                .to_owned();
        for name in names {
            text = strike(&text, name, "[X]");
        }
        assert_eq!(
            text,
            "[X] said; [X] agreed; [X] insisted; [X] said; [X] nodded; [X] left"
        );
    }

    #[test]
    fn welsh_registers_get_the_welsh_placeholder() {
        let mut register = register();
        register.metadata.language = Language::Welsh;
        register.entries[0].confidential.insert(Field::Concern);
        assert_eq!(redact(&register).entries[0].concern, "[WEDI’I OLYGU]");
    }
    #[test]
    fn the_public_action_log_names_no_one_and_an_update_flagged_since_is_not_printed() {
        use dpia_core::register::{Action, ActionUpdate};
        let mut older = register();
        let mut action = Action::new(16, "Provocation paper");
        action.owners.push("Zygmunt Owner".to_owned());
        action.add_update(ActionUpdate {
            date: None,
            text: "Named in confidence".to_owned(),
            who: "Yolanda Giver".to_owned(),
            is_confidential: false,
        });
        older.actions.push(action);
        let mut newer = older.clone();
        newer.actions[0].updates[0].is_confidential = true;
        let public_older = older_edition(&older, &newer, Edition::Public);
        let public_newer = redact(&newer);
        for public in [&public_older, &public_newer] {
            let action = &public.actions[0];
            assert!(action.owners.is_empty(), "no owner");
            assert!(
                action.updates.is_empty(),
                "the update flagged since is gone: {:?}",
                action.updates
            );
        }
        assert_eq!(
            older_edition(&older, &newer, Edition::Full),
            older,
            "the full edition keeps everything"
        );
    }
}
