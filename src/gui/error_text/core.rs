//! The core's errors and snapshot-chain problems in words.

use dpia_core::assignment::AssignmentError;
use dpia_core::edit::EditError;
use dpia_core::merge::ResolveError;
use dpia_core::register::{ActionStatusError, DeadlineError, IdError, MAX_ENTRY_NUMBER};
use dpia_core::register_text::FormatError;
use dpia_core::signature::{AllowedSignersError, SignError};
use dpia_core::snapshot::{
    ChainProblem, ChecksumError, LabelError, MAX_LABEL_CHARS, RestoreError, SnapshotError,
    SnapshotRecord,
};
use dpia_core::trail::TrailError;
use dpia_core::workshop::WorkshopError;
use dpia_report::labels::labels;

use super::ErrorText;
use crate::gui::i18n::{self, tr, tr_args};

impl ErrorText for FormatError {
    fn error_text(&self) -> String {
        match self {
            Self::Parse {
                line,
                column,
                message,
            } => tr_args!(
                "errors-format-parse",
                line = *line,
                column = *column,
                message = message
            ),
            Self::NewerFormat { found, supported } => tr_args!(
                "errors-format-newer",
                found = *found,
                supported = *supported
            ),
            Self::Unsupported { message } => {
                tr_args!("errors-format-unsupported", message = message)
            }
        }
    }
}

impl ErrorText for EditError {
    fn error_text(&self) -> String {
        match self {
            Self::Unresolved { source } => source.error_text(),
            Self::NoSuchEntry { entry } => tr_args!("errors-edit-no-such-entry", entry = entry),
            Self::NoSuchMitigation {
                entry,
                mitigation_idx,
            } => tr_args!(
                "errors-edit-no-such-mitigation",
                entry = entry,
                number = mitigation_idx + 1
            ),
            Self::NoSuchRight { right } => tr_args!("errors-edit-no-such-right", right = right),
            Self::NoSuchSystem { system } => {
                tr_args!("errors-edit-no-such-system", system = system)
            }
            Self::NoImpact { entry, right } => {
                tr_args!("errors-edit-no-impact", entry = entry, right = right)
            }
            Self::SystemExists { system } => tr_args!("errors-edit-system-exists", system = system),
            Self::RightExists { right } => tr_args!("errors-edit-right-exists", right = right),
            Self::EmptyName => tr("errors-edit-empty-name").to_owned(),
            Self::NoSuchAction { number } => {
                tr_args!("errors-edit-no-such-action", number = *number)
            }
            Self::ActionNumberTaken { number } => {
                tr_args!("errors-edit-action-number-taken", number = *number)
            }
            Self::EmptyActionText => tr("errors-edit-empty-action-text").to_owned(),
        }
    }
}

impl ErrorText for ResolveError {
    fn error_text(&self) -> String {
        match self {
            Self::NoSuchConflict { conflict_idx } => {
                tr_args!("errors-resolve-no-such-conflict", number = conflict_idx + 1)
            }
            Self::Gone { what } => tr_args!("errors-resolve-gone", what = what),
            Self::BadValue { field, source } => tr_args!(
                "errors-resolve-bad-value",
                field = field,
                err = source.error_text()
            ),
        }
    }
}

impl ErrorText for IdError {
    fn error_text(&self) -> String {
        match self {
            Self::Empty => tr("errors-id-empty").to_owned(),
            Self::BadCharacter { id, character } => {
                tr_args!("errors-id-bad-character", id = id, character = character)
            }
            Self::NumberTooLarge { id } => tr_args!(
                "errors-id-number-too-large",
                id = id,
                max = MAX_ENTRY_NUMBER
            ),
        }
    }
}

impl ErrorText for LabelError {
    fn error_text(&self) -> String {
        match self {
            Self::Empty => tr("errors-label-empty").to_owned(),
            Self::TooLong { label } => {
                tr_args!(
                    "errors-label-too-long",
                    label = label,
                    max = MAX_LABEL_CHARS
                )
            }
            Self::LeadingDot { label } => tr_args!("errors-label-leading-dot", label = label),
            Self::Reserved { label, device } => {
                tr_args!("errors-label-reserved", label = label, device = device)
            }
            Self::BadCharacter { label, character } => tr_args!(
                "errors-label-bad-character",
                label = label,
                character = character
            ),
        }
    }
}

impl ErrorText for ChecksumError {
    fn error_text(&self) -> String {
        tr_args!("errors-checksum", text = self.text)
    }
}

impl ErrorText for DeadlineError {
    fn error_text(&self) -> String {
        tr_args!("errors-deadline", text = self.text)
    }
}

impl ErrorText for ActionStatusError {
    fn error_text(&self) -> String {
        tr_args!("errors-action-status", text = self.text)
    }
}

impl ErrorText for AssignmentError {
    fn error_text(&self) -> String {
        match self {
            Self::NotAnAssignment { text } => {
                tr_args!("errors-assignment-not-an-assignment", text = text)
            }
            Self::UnknownField { field } => {
                tr_args!("errors-assignment-unknown-field", field = field)
            }
            Self::BadValue {
                field,
                value,
                expected,
            } => tr_args!(
                "errors-assignment-bad-value",
                field = field,
                value = value,
                expected = expected
            ),
            Self::NoSuchRight { field, right } => tr_args!(
                "errors-assignment-no-such-right",
                field = field,
                right = right
            ),
            Self::NoSuchMitigation {
                field,
                entry,
                count,
                number,
            } => tr_args!(
                "errors-assignment-no-such-mitigation",
                field = field,
                entry = entry,
                count = *count,
                number = *number
            ),
        }
    }
}

impl ErrorText for SnapshotError {
    fn error_text(&self) -> String {
        match self {
            Self::Serialize(err) => tr_args!("errors-snapshot-serialize", err = err),
            Self::LabelUsed { label } => tr_args!("errors-snapshot-label-used", label = label),
            Self::Altered { recorded, .. } => {
                tr_args!("errors-snapshot-altered", recorded = recorded.short())
            }
        }
    }
}

impl ErrorText for RestoreError {
    fn error_text(&self) -> String {
        match self {
            Self::NoSuchEntry { id } => tr_args!("errors-restore-no-such-entry", id = id),
            Self::NotInBoth { id } => tr_args!("errors-restore-not-in-both", id = id),
        }
    }
}

impl ErrorText for ChainProblem {
    fn error_text(&self) -> String {
        match self {
            Self::Missing { recorded } => {
                tr_args!("errors-chain-missing", recorded = record(recorded))
            }
            Self::Replaced { recorded, found } => tr_args!(
                "errors-chain-replaced",
                label = recorded.label,
                recorded = recorded.checksum.short(),
                found = found.short()
            ),
            Self::Retaken { label } => tr_args!("errors-chain-retaken", label = label),
            Self::BrokenLink {
                label,
                previous,
                expected,
            } => tr_args!(
                "errors-chain-broken-link",
                label = label,
                previous = link(previous.as_ref()),
                expected = link(expected.as_ref())
            ),
            Self::Foreign { found } => tr_args!("errors-chain-foreign", found = record(found)),
            Self::TakenTwice { found } => tr_args!(
                "errors-chain-taken-twice",
                label = found.label,
                found = record(found)
            ),
            Self::Unrecorded { found } => {
                tr_args!("errors-chain-unrecorded", found = record(found))
            }
        }
    }
}

/// A snapshot as a chain problem names it: its label and the start of its checksum.
fn record(record: &SnapshotRecord) -> String {
    tr_args!(
        "errors-snapshot-record",
        label = record.label,
        checksum = record.checksum.short()
    )
}

/// The snapshot a link points to, or "none".
fn link(to: Option<&SnapshotRecord>) -> String {
    to.map_or_else(|| tr("errors-no-snapshot").to_owned(), record)
}

impl ErrorText for SignError {
    fn error_text(&self) -> String {
        match self {
            Self::Passphrase(err) => tr_args!("errors-sign-passphrase", err = err),
            Self::Sign(err) => tr_args!("errors-sign-failed", err = err),
        }
    }
}

impl ErrorText for AllowedSignersError {
    fn error_text(&self) -> String {
        tr_args!(
            "errors-allowed-signers-line",
            line = self.line,
            message = self.message
        )
    }
}

impl ErrorText for TrailError {
    fn error_text(&self) -> String {
        match self {
            Self::Malformed { line, message } => {
                tr_args!("errors-trail-malformed", line = *line, message = message)
            }
            Self::Truncated => tr("errors-trail-truncated").to_owned(),
            Self::Edited => tr("errors-trail-edited").to_owned(),
        }
    }
}

/// Why the session refused an action or could not start, from a small letter (it follows "Not
/// done: ").
impl ErrorText for WorkshopError {
    fn error_text(&self) -> String {
        match self {
            Self::NoVotesLeft {
                participant,
                budget,
            } => tr_args!(
                "workshop-error-no-votes-left",
                participant = participant,
                budget = *budget
            ),
            Self::NoVoteToWithdraw { participant, entry } => tr_args!(
                "workshop-error-no-vote-to-withdraw",
                participant = participant,
                entry = entry
            ),
            Self::NoSuchParticipant { number } => {
                tr_args!("workshop-error-no-such-participant", number = *number)
            }
            Self::OutOfScope { entry } => {
                tr_args!("workshop-error-out-of-scope", entry = entry)
            }
            Self::MoveWithoutReason { .. } => tr("workshop-say-why-a-manual-move").to_owned(),
            Self::CannotMove { entry } => {
                tr_args!("workshop-cannot-move-further", entry = entry)
            }
            Self::NoParticipants => tr("workshop-error-no-participants").to_owned(),
            Self::RepeatedName { name } => {
                tr_args!("workshop-error-repeated-name", name = name)
            }
            Self::NoVotesToGive => tr("workshop-error-no-votes-to-give").to_owned(),
            Self::ActionWithoutText => tr("workshop-error-action-without-text").to_owned(),
            Self::EmptyScope { scope } => {
                // Mid-sentence: "category weeding", as the paper's "Category weeding" starts a line.
                let scope = labels(i18n::language()).workshop_scope(scope);
                let mut chars = scope.chars();
                let scope: String = chars
                    .next()
                    .into_iter()
                    .flat_map(char::to_lowercase)
                    .chain(chars)
                    .collect();
                tr_args!("workshop-error-empty-scope", scope = scope)
            }
        }
    }
}
