//! What an edit is called in the app's language: the name of its step in Edit › Undo and Redo
//! and in the status line ("Undo edit concern of PND-001").
//!
//! The English is `Edit::label`'s, so the CLI and the app read alike.

use dpia_core::edit::{DetailText, Edit, EntryText, RightText};
use dpia_core::merge::Choice;

use super::error_text::conflict_what;
use super::i18n::{UiName, tr, tr_args};

/// The name of `edit`'s undo step.
pub(super) fn label(edit: &Edit) -> String {
    match edit {
        Edit::SetEntryText { entry, field, .. } => {
            tr_args!("edit-entry-text", field = entry_text(*field), entry = entry)
        }
        Edit::SetMustHave { entry, must_have } => tr_args!(
            "edit-must-have",
            entry = entry,
            must_have = if *must_have { "yes" } else { "no" }
        ),
        Edit::SetVotes { entry, .. } => tr_args!("edit-votes", entry = entry),
        Edit::SetSourceDate { entry, .. } => tr_args!("edit-source-date", entry = entry),
        Edit::SetConfidential { entry, field, .. } => {
            tr_args!("edit-confidential", field = field.ui_name(), entry = entry)
        }
        Edit::AddAffectedGroup { entry, .. } => tr_args!("edit-add-group", entry = entry),
        Edit::RemoveAffectedGroup { entry, .. } => tr_args!("edit-remove-group", entry = entry),
        Edit::AddMitigation { entry, .. } => tr_args!("edit-add-mitigation", entry = entry),
        Edit::RemoveMitigation { entry, .. } => tr_args!("edit-remove-mitigation", entry = entry),
        Edit::MoveMitigation { entry, .. } => tr_args!("edit-move-mitigation", entry = entry),
        Edit::SetMitigationText { entry, .. } => tr_args!("edit-mitigation-text", entry = entry),
        Edit::SetMitigationOwner { entry, .. } => {
            tr_args!("edit-mitigation-owner", entry = entry)
        }
        Edit::SetMitigationStatus { entry, .. } => {
            tr_args!("edit-mitigation-status", entry = entry)
        }
        Edit::SetMitigationDue { entry, .. } => tr_args!("edit-mitigation-due", entry = entry),
        Edit::SetImpact {
            entry,
            right,
            stage,
            ..
        } => tr_args!(
            "edit-impact",
            stage = stage.ui_name(),
            right = right,
            entry = entry
        ),
        Edit::SetImpactNote { entry, right, .. } => {
            tr_args!("edit-impact-note", right = right, entry = entry)
        }
        Edit::AddEntry { system } => tr_args!("edit-add-entry", system = system),
        Edit::DuplicateEntry { entry } => tr_args!("edit-duplicate-entry", entry = entry),
        Edit::DeleteEntry { entry } => tr_args!("edit-delete-entry", entry = entry),
        Edit::AddSystem { system } => tr_args!("edit-add-system", system = system.id),
        Edit::AddRight { right } => tr_args!("edit-add-right", right = right.id),
        Edit::SetRightText { right, field, .. } => match field {
            RightText::Name => tr_args!("edit-right-name", right = right),
            RightText::LegalReference => tr_args!("edit-right-reference", right = right),
        },
        Edit::SetLanguage { .. } => tr("edit-language").to_owned(),
        Edit::SetDetailText { field, .. } => {
            tr_args!("edit-detail", field = detail_text(*field))
        }
        Edit::SetDateIssued { .. } => tr("edit-date-issued").to_owned(),
        Edit::SetStatus { .. } => tr("edit-status").to_owned(),
        Edit::SetMarking { .. } => tr("edit-marking").to_owned(),
        Edit::SetAcceptance { entry, .. } => tr_args!("edit-acceptance", entry = entry),
        Edit::SetPriorConsultation { .. } => tr("edit-prior-consultation").to_owned(),
        Edit::AddAction { action } if action.number == 0 => tr("edit-add-new-action").to_owned(),
        Edit::AddAction { action } => tr_args!("edit-add-action", number = action.number),
        Edit::DeleteAction { number } => tr_args!("edit-delete-action", number = *number),
        Edit::AddActionUpdate { number, .. } => {
            tr_args!("edit-action-update", number = *number)
        }
        Edit::SetActionStatus { number, status } => tr_args!(
            "edit-action-status",
            number = *number,
            status = status.ui_name()
        ),
        Edit::ResolveConflict {
            choice, conflict, ..
        } => {
            let what = conflict_what(conflict);
            match choice {
                Choice::Ours => tr_args!("edit-keep-ours", what = what),
                Choice::Theirs => tr_args!("edit-take-theirs", what = what),
            }
        }
        Edit::ReplaceRegister { label, .. } => label.clone(),
    }
}

/// An entry's text field, mid-sentence.
fn entry_text(field: EntryText) -> &'static str {
    match field {
        EntryText::Issue => tr("names-field-issue"),
        EntryText::Concern => tr("names-field-concern"),
        EntryText::Category => tr("edit-field-category"),
        EntryText::BalancingNote => tr("names-field-balancing-note"),
        EntryText::SourceDocument => tr("names-field-source"),
    }
}

/// A register detail, mid-sentence.
fn detail_text(field: DetailText) -> &'static str {
    match field {
        DetailText::Title => tr("edit-detail-title"),
        DetailText::Programme => tr("edit-detail-programme"),
        DetailText::VersionLabel => tr("edit-detail-version-label"),
        DetailText::Owner => tr("names-field-owner"),
        DetailText::Purpose => tr("edit-detail-purpose"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::i18n::set_language;
    use dpia_core::register::{Conflict, Detail, EntryId, Language, Place};

    #[test]
    fn steps_are_named_as_the_cli_names_them_in_english_and_in_welsh_in_welsh() {
        let entry = EntryId::parse("PND-001").unwrap();
        let edits = [
            Edit::SetEntryText {
                entry: entry.clone(),
                field: EntryText::Concern,
                text: String::new(),
            },
            Edit::SetMustHave {
                entry: entry.clone(),
                must_have: true,
            },
            Edit::DeleteEntry {
                entry: entry.clone(),
            },
            Edit::SetStatus {
                status: dpia_core::register::Status::Final,
            },
            Edit::ResolveConflict {
                conflict_idx: 0,
                choice: Choice::Theirs,
                conflict: Box::new(Conflict {
                    entry: Some(entry.clone()),
                    field: "programme".to_owned(),
                    place: Place::Detail(Detail::Programme),
                    base: String::new(),
                    ours: String::new(),
                    theirs: String::new(),
                }),
            },
        ];
        set_language(Language::English);
        for edit in &edits {
            assert_eq!(label(edit), edit.label(), "{edit:?}");
        }
        set_language(Language::Welsh);
        assert_eq!(label(&edits[0]), "golygu pryder PND-001");
        assert_eq!(label(&edits[2]), "dileu PND-001");
        assert_eq!(
            label(&edits[4]),
            "cymryd eu rhai nhw ar gyfer PND-001 rhaglen",
            "the conflict settled is named in Welsh too"
        );
        set_language(Language::English);
    }
}
