//! Where a merge conflict is, in the app's language: `PND-001 concern`, `register title`, from the
//! conflict's `Place` (the English is the core's `Conflict::what`, word for word); and what a merge
//! decided by itself (`MergeNote`).

use dpia_core::merge::MergeNote;
use dpia_core::register::{Conflict, Detail, EntryPart, ImpactPart, MitigationPart, Place};

use crate::gui::i18n::{tr, tr_args};

/// The conflict's entry and field, or the register's field.
pub(crate) fn conflict_what(conflict: &Conflict) -> String {
    let field = place(&conflict.place);
    if let Some(entry) = &conflict.entry {
        tr_args!("errors-conflict-in-entry", entry = entry, field = field)
    } else {
        tr_args!("errors-conflict-in-register", field = field)
    }
}

/// What the merge decided by itself: `theirs' PND-003 is now PND-004`.
pub(crate) fn merge_note(note: &MergeNote) -> String {
    match note {
        MergeNote::EntryRenumbered { old, new } => {
            tr_args!("errors-merge-entry-renumbered", old = old, new = new)
        }
        MergeNote::ActionRenumbered { old, new } => {
            tr_args!("errors-merge-action-renumbered", old = *old, new = *new)
        }
        MergeNote::LinkRemoved { action, entry } => {
            tr_args!("errors-merge-link-removed", action = *action, entry = entry)
        }
    }
}

/// The field a conflict is in, in words.
fn place(place: &Place) -> String {
    match place {
        Place::Detail(detail) => detail_name(*detail).to_owned(),
        Place::System(system) => tr_args!("errors-conflict-system", system = system),
        Place::Right(right) => tr_args!("errors-conflict-right", right = right),
        Place::Snapshot(label) => tr_args!("errors-conflict-snapshot", label = label),
        Place::Action(number) => tr_args!("errors-conflict-action", number = *number),
        Place::Entry => tr("errors-conflict-entry").to_owned(),
        Place::EntryField(part) => entry_part_name(*part).to_owned(),
        Place::Impact { right, part } => match part {
            ImpactPart::Whole => tr_args!("errors-conflict-impact", right = right),
            ImpactPart::Inherent => tr_args!("errors-conflict-inherent", right = right),
            ImpactPart::Residual => tr_args!("errors-conflict-residual", right = right),
            ImpactPart::Note => tr_args!("errors-conflict-note", right = right),
        },
        Place::Mitigation { text, part } => match part {
            MitigationPart::Whole => tr_args!("errors-conflict-mitigation", text = text),
            MitigationPart::Text => tr_args!("errors-conflict-mitigation-text", text = text),
            MitigationPart::Status => tr_args!("errors-conflict-mitigation-status", text = text),
            MitigationPart::Owner => tr_args!("errors-conflict-mitigation-owner", text = text),
            MitigationPart::Due => tr_args!("errors-conflict-mitigation-due", text = text),
        },
    }
}

fn detail_name(detail: Detail) -> &'static str {
    match detail {
        Detail::Title => tr("errors-conflict-title"),
        Detail::Programme => tr("errors-conflict-programme"),
        Detail::VersionLabel => tr("errors-conflict-version-label"),
        Detail::DateIssued => tr("errors-conflict-date-issued"),
        Detail::Status => tr("errors-conflict-status"),
        Detail::Marking => tr("errors-conflict-marking"),
        Detail::Owner => tr("errors-conflict-owner"),
        Detail::Purpose => tr("errors-conflict-purpose"),
        Detail::Language => tr("errors-conflict-language"),
        Detail::PriorConsultation => tr("errors-conflict-prior-consultation"),
    }
}

fn entry_part_name(part: EntryPart) -> &'static str {
    match part {
        EntryPart::System => tr("errors-conflict-entry-system"),
        EntryPart::Category => tr("errors-conflict-category"),
        EntryPart::Issue => tr("errors-conflict-issue"),
        EntryPart::Concern => tr("errors-conflict-concern"),
        EntryPart::MustHave => tr("errors-conflict-must-have"),
        EntryPart::Votes => tr("errors-conflict-votes"),
        EntryPart::Source => tr("errors-conflict-source"),
        EntryPart::BalancingPurposes => tr("errors-conflict-policing-purposes"),
        EntryPart::BalancingNote => tr("errors-conflict-balancing-note"),
        EntryPart::Acceptance => tr("errors-conflict-acceptance"),
    }
}

#[cfg(test)]
mod tests {
    use dpia_core::register::{
        Conflict, Detail, EntryId, EntryPart, ImpactPart, Language, MitigationPart, Place, RightId,
        SystemId,
    };
    use dpia_core::snapshot::Label;

    use super::conflict_what;
    use crate::gui::i18n::set_language;

    fn conflicts() -> Vec<Conflict> {
        let privacy = RightId::parse("privacy").unwrap();
        let text = "Train the users".to_owned();
        let places = [
            Place::Detail(Detail::Title),
            Place::Detail(Detail::VersionLabel),
            Place::Detail(Detail::PriorConsultation),
            Place::System(SystemId::parse("PND").unwrap()),
            Place::Right(privacy.clone()),
            Place::Snapshot(Label::parse("v1.0").unwrap()),
            Place::Action(7),
            Place::Entry,
            Place::EntryField(EntryPart::MustHave),
            Place::EntryField(EntryPart::BalancingPurposes),
            Place::Impact {
                right: privacy.clone(),
                part: ImpactPart::Residual,
            },
            Place::Impact {
                right: privacy,
                part: ImpactPart::Whole,
            },
            Place::Mitigation {
                text: text.clone(),
                part: MitigationPart::Due,
            },
            Place::Mitigation {
                text,
                part: MitigationPart::Whole,
            },
        ];
        places
            .into_iter()
            .map(|place| Conflict {
                entry: match place {
                    Place::Detail(_) | Place::System(_) | Place::Right(_) | Place::Snapshot(_) => {
                        None
                    }
                    _ => Some(EntryId::parse("PND-001").unwrap()),
                },
                field: place.name(),
                place,
                base: String::new(),
                ours: String::new(),
                theirs: String::new(),
            })
            .collect()
    }

    #[test]
    fn in_english_a_conflict_is_where_the_core_says() {
        set_language(Language::English);
        for conflict in conflicts() {
            assert_eq!(conflict_what(&conflict), conflict.what());
        }
    }

    #[test]
    fn a_merge_note_in_english_is_the_cores_and_in_welsh_welsh() {
        use dpia_core::merge::MergeNote;

        use super::merge_note;
        let entry = |text| EntryId::parse(text).unwrap();
        let notes = [
            MergeNote::EntryRenumbered {
                old: entry("PND-003"),
                new: entry("PND-004"),
            },
            MergeNote::ActionRenumbered { old: 18, new: 19 },
            MergeNote::LinkRemoved {
                action: 7,
                entry: entry("PND-002"),
            },
        ];
        set_language(Language::English);
        for note in &notes {
            assert_eq!(merge_note(note), note.to_string());
        }
        set_language(Language::Welsh);
        assert_eq!(
            merge_note(&notes[0]),
            "mae eu PND-003 nhw bellach yn PND-004"
        );
        set_language(Language::English);
    }

    #[test]
    fn in_welsh_a_conflict_is_named_in_welsh() {
        set_language(Language::Welsh);
        let named: Vec<String> = conflicts().iter().map(conflict_what).collect();
        assert_eq!(named[0], "teitl y gofrestr");
        assert_eq!(named[8], "PND-001 hanfodol");
        assert_eq!(named[10], "PND-001 privacy ar ôl lliniaru");
        assert_eq!(
            named[12],
            "PND-001 dyddiad erbyn mesur lliniaru “Train the users”"
        );
        set_language(Language::English);
    }
}
