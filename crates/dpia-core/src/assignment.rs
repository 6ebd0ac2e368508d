//! `FIELD=VALUE` assignments, as the `edit` command takes them, turned into the `Edit`s the app
//! makes: one language for scripted changes and for the app, through the same checks.
//!
//! Fields: `issue`, `concern`, `category`, `balancing_note`, `source_document`, `source_date`,
//! `must_have` (`yes`/`no`), `votes`, `RIGHT.inherent` / `RIGHT.residual` (`SxL` such as `3x2`, or
//! `none`), `RIGHT.note`, and `mitigation.N.text` / `.owner` / `.status` / `.due` (mitigations
//! numbered from 1 as the app lists them).

use jiff::civil::Date;

use crate::edit::{Edit, EntryText};
use crate::register::{Assessment, EntryId, MitigationStatus, Register, RightId, Stage};

/// Why an assignment cannot be made. Nothing is changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AssignmentError {
    /// The text has no `=`.
    #[error("`{text}` is not FIELD=VALUE")]
    NotAnAssignment {
        /// The text given.
        text: String,
    },
    /// No field has this name.
    #[error(
        "`{field}` is not a field that can be set (issue, concern, category, balancing_note, source_document, source_date, must_have, votes, RIGHT.inherent, RIGHT.residual, RIGHT.note, mitigation.N.text, mitigation.N.owner, mitigation.N.status, mitigation.N.due)"
    )]
    UnknownField {
        /// The field named.
        field: String,
    },
    /// The value does not suit the field.
    #[error("{field}: `{value}` is not {expected}")]
    BadValue {
        /// The field.
        field: String,
        /// The value given.
        value: String,
        /// What the field takes.
        expected: String,
    },
    /// The right is not in the register's catalogue.
    #[error("{field}: `{right}` is not a right in the register's catalogue")]
    NoSuchRight {
        /// The field.
        field: String,
        /// The right named.
        right: String,
    },
    /// The entry has no mitigation with this number.
    #[error("{field}: {entry} has {count} mitigations, so there is no mitigation {number}")]
    NoSuchMitigation {
        /// The field.
        field: String,
        /// The entry.
        entry: EntryId,
        /// How many mitigations it has.
        count: usize,
        /// The number asked for, from 1.
        number: usize,
    },
}

/// The edit that makes `text` (`FIELD=VALUE`) true of `entry` in `register`.
///
/// Only the names are checked against the register here (right, mitigation number); `apply`
/// checks the edit itself, as it does for the app's.
#[expect(
    clippy::too_many_lines,
    reason = "one match arm a field, read as the list of what can be set"
)]
pub fn parse(register: &Register, entry: &EntryId, text: &str) -> Result<Edit, AssignmentError> {
    let Some((field, value)) = text.split_once('=') else {
        return Err(AssignmentError::NotAnAssignment {
            text: text.to_owned(),
        });
    };
    let field = field.trim();
    let bad = |expected: &str| AssignmentError::BadValue {
        field: field.to_owned(),
        value: value.to_owned(),
        expected: expected.to_owned(),
    };
    let entry = entry.clone();
    let text_edit = |field: EntryText| Edit::SetEntryText {
        entry: entry.clone(),
        field,
        text: value.to_owned(),
    };
    let parts: Vec<&str> = field.split('.').collect();
    match parts.as_slice() {
        ["issue"] => Ok(text_edit(EntryText::Issue)),
        ["concern"] => Ok(text_edit(EntryText::Concern)),
        ["category"] => Ok(text_edit(EntryText::Category)),
        ["balancing_note"] => Ok(text_edit(EntryText::BalancingNote)),
        ["source_document"] => Ok(text_edit(EntryText::SourceDocument)),
        ["source_date"] => Ok(Edit::SetSourceDate {
            entry,
            date: optional_date(value).map_err(|()| bad("a date YYYY-MM-DD or none"))?,
        }),
        ["must_have"] => Ok(Edit::SetMustHave {
            entry,
            must_have: yes_no(value).ok_or_else(|| bad("yes or no"))?,
        }),
        ["votes"] => Ok(Edit::SetVotes {
            entry,
            votes: value.trim().parse().map_err(|_| bad("a whole number"))?,
        }),
        [right, stage @ ("inherent" | "residual" | "note")] => {
            let right = RightId::parse(right)
                .ok()
                .filter(|right| register.right(right).is_some())
                .ok_or_else(|| AssignmentError::NoSuchRight {
                    field: field.to_owned(),
                    right: (*right).to_owned(),
                })?;
            if *stage == "note" {
                return Ok(Edit::SetImpactNote {
                    entry,
                    right,
                    note: value.to_owned(),
                });
            }
            let stage = if *stage == "inherent" {
                Stage::Inherent
            } else {
                Stage::Residual
            };
            Ok(Edit::SetImpact {
                entry,
                right,
                stage,
                assessment: assessment(value).map_err(|()| {
                    bad("severity x likelihood, each 1 to 4 (such as 3x2), or none")
                })?,
            })
        }
        [
            "mitigation",
            number,
            part @ ("text" | "owner" | "status" | "due"),
        ] => {
            let count = register.entry(&entry).map_or(0, |e| e.mitigations.len());
            let mitigation_idx = number
                .parse::<usize>()
                .ok()
                .and_then(|number| number.checked_sub(1))
                .filter(|idx| *idx < count)
                .ok_or_else(|| AssignmentError::NoSuchMitigation {
                    field: field.to_owned(),
                    entry: entry.clone(),
                    count,
                    number: number.parse().unwrap_or(0),
                })?;
            Ok(match *part {
                "text" => Edit::SetMitigationText {
                    entry,
                    mitigation_idx,
                    text: value.to_owned(),
                },
                "owner" => Edit::SetMitigationOwner {
                    entry,
                    mitigation_idx,
                    owner: value.to_owned(),
                },
                "status" => Edit::SetMitigationStatus {
                    entry,
                    mitigation_idx,
                    status: MitigationStatus::parse(value).ok_or_else(|| {
                        bad(&format!(
                            "a status ({})",
                            MitigationStatus::ALL.map(MitigationStatus::name).join(", ")
                        ))
                    })?,
                },
                _ => Edit::SetMitigationDue {
                    entry,
                    mitigation_idx,
                    due: optional_date(value).map_err(|()| bad("a date YYYY-MM-DD or none"))?,
                },
            })
        }
        _ => Err(AssignmentError::UnknownField {
            field: field.to_owned(),
        }),
    }
}

/// `yes`/`no` (or `true`/`false`), any case.
fn yes_no(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "yes" | "true" | "y" => Some(true),
        "no" | "false" | "n" => Some(false),
        _ => None,
    }
}

/// `none` or empty for no date, else an ISO date.
fn optional_date(value: &str) -> Result<Option<Date>, ()> {
    let value = value.trim();
    if value.is_empty() || value.eq_ignore_ascii_case("none") {
        Ok(None)
    } else {
        value.parse::<Date>().map(Some).map_err(|_| ())
    }
}

/// `SxL` (`3x2`, `3×2`), or `none` / empty to clear.
fn assessment(value: &str) -> Result<Option<Assessment>, ()> {
    let value = value.trim();
    if value.is_empty() || value.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    let (severity, likelihood) = value.split_once(['x', 'X', '×']).ok_or(())?;
    let severity = severity.trim().parse().map_err(|_| ())?;
    let likelihood = likelihood.trim().parse().map_err(|_| ())?;
    Assessment::from_values(severity, likelihood)
        .map(Some)
        .ok_or(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::{Impact, Mitigation};
    use crate::testing::{entry, register};

    fn sample() -> Register {
        let mut e = entry("PND-001", "A");
        e.mitigations.push(Mitigation::proposed("Train the users"));
        e.impacts.push(Impact::new(
            RightId::parse("privacy").unwrap(),
            Assessment::from_values(3, 3).unwrap(),
        ));
        register(vec![e])
    }

    fn check(text: &str) -> Result<Edit, String> {
        parse(&sample(), &EntryId::parse("PND-001").unwrap(), text).map_err(|e| e.to_string())
    }

    #[test]
    fn each_field_becomes_the_apps_edit() {
        let id = EntryId::parse("PND-001").unwrap();
        let privacy = RightId::parse("privacy").unwrap();
        assert_eq!(
            check("concern=Kept too long"),
            Ok(Edit::SetEntryText {
                entry: id.clone(),
                field: EntryText::Concern,
                text: "Kept too long".to_owned()
            })
        );
        assert_eq!(
            check("must_have=yes"),
            Ok(Edit::SetMustHave {
                entry: id.clone(),
                must_have: true
            })
        );
        assert_eq!(
            check("privacy.residual=2x2"),
            Ok(Edit::SetImpact {
                entry: id.clone(),
                right: privacy.clone(),
                stage: Stage::Residual,
                assessment: Assessment::from_values(2, 2)
            })
        );
        assert_eq!(
            check("privacy.inherent=none"),
            Ok(Edit::SetImpact {
                entry: id.clone(),
                right: privacy,
                stage: Stage::Inherent,
                assessment: None
            })
        );
        assert_eq!(
            check("mitigation.1.status=in progress"),
            Ok(Edit::SetMitigationStatus {
                entry: id.clone(),
                mitigation_idx: 0,
                status: MitigationStatus::InProgress
            })
        );
        assert_eq!(
            check("mitigation.1.owner=DPO = data protection officer"),
            Ok(Edit::SetMitigationOwner {
                entry: id,
                mitigation_idx: 0,
                owner: "DPO = data protection officer".to_owned()
            }),
            "only the first = separates"
        );
    }

    #[test]
    fn bad_fields_and_values_are_named() {
        for (text, expected) in [
            ("concern", "`concern` is not FIELD=VALUE"),
            ("colour=red", "`colour` is not a field that can be set"),
            ("must_have=maybe", "must_have: `maybe` is not yes or no"),
            ("votes=many", "votes: `many` is not a whole number"),
            (
                "privacy.residual=5x1",
                "privacy.residual: `5x1` is not severity x likelihood",
            ),
            (
                "flying.residual=2x2",
                "flying.residual: `flying` is not a right",
            ),
            (
                "mitigation.2.owner=X",
                "mitigation.2.owner: PND-001 has 1 mitigations, so there is no mitigation 2",
            ),
            ("mitigation.0.owner=X", "there is no mitigation 0"),
            (
                "mitigation.1.status=done",
                "mitigation.1.status: `done` is not a status (proposed,",
            ),
            (
                "source_date=31/10/2019",
                "source_date: `31/10/2019` is not a date",
            ),
        ] {
            let err = check(text).unwrap_err();
            assert!(err.contains(expected), "{text}: {err}");
        }
    }
}
