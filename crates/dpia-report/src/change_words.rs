//! The words a paper's change log names each change with, in the paper's language: what changed
//! (`mitigation 2 status`, `statws lliniaru 2`), an impact by its right's name, and what it changed
//! from and to (`yes`, `ie`; `in progress`, `ar waith`). The core's own words (`Subject`'s and
//! `Value`'s `Display`) stay the command line's and the app's.
//!
//! Only words, as in `labels`, of which this is the change log's part.

use dpia_core::diff::{Part, Subject, Value, Whose};
use dpia_core::register::Field;
use dpia_core::register::{Language, RightId};
use dpia_core::scoring::Score;

use super::labels::Labels;

impl Labels {
    /// What a change is to, in this language; an impact names its right by `right_name`.
    pub fn change_subject(
        &self,
        subject: &Subject,
        right_name: &dyn Fn(&RightId) -> String,
    ) -> String {
        let part = subject.part;
        match (self.language, &subject.whose) {
            (Language::English, Some(Whose::Impact(right))) => {
                format!("{} {}", right_name(right), part.name())
            }
            (Language::English, _) => subject.to_string(),
            (Language::Welsh, None) => welsh_part(part).to_owned(),
            (Language::Welsh, Some(Whose::Impact(right))) => {
                let what = match part {
                    Part::Inherent => "sgôr gynhenid",
                    Part::Residual => "sgôr weddilliol",
                    other => welsh_part(other),
                };
                format!("{what} ({})", right_name(right))
            }
            (Language::Welsh, Some(whose)) => {
                let whose = welsh_whose(whose);
                match part {
                    // "system PND wedi’i ychwanegu": what happened to it comes after it.
                    Part::Added | Part::Removed => format!("{whose} {}", welsh_part(part)),
                    Part::UpdateRemoved => format!("diweddariad {whose} wedi’i ddileu"),
                    // "statws lliniaru 2": the part, then whose it is.
                    _ => format!("{} {whose}", welsh_part(part)),
                }
            }
        }
    }
}

impl Labels {
    /// One side of a change, in this language: English as the core writes it; in Welsh, every
    /// value with a meaning in Welsh, text and ids as they are.
    pub fn change_value(&self, value: &Value) -> String {
        if self.language == Language::English {
            return value.to_string();
        }
        let list = |items: Vec<String>| {
            if items.is_empty() {
                "dim".to_owned()
            } else {
                items.join(", ")
            }
        };
        match value {
            Value::Text(text) | Value::Words(text) => text.clone(),
            Value::List(items) => list(items.clone()),
            Value::None => "dim".to_owned(),
            Value::YesNo(yes) => if *yes { "ie" } else { "na" }.to_owned(),
            Value::Judged(assessment) => format!(
                "{} ({} × {})",
                Score::of(*assessment),
                self.severity_name(assessment.severity),
                self.likelihood_name(assessment.likelihood)
            ),
            Value::NotScored => "heb ei sgorio".to_owned(),
            Value::NotJudged => "heb farn".to_owned(),
            Value::MitigationStatus(status) => self.mitigation_status(*status).to_owned(),
            Value::Status(status) => self.status_name(*status).to_owned(),
            Value::ActionStatus(status) => self.action_status(*status).to_owned(),
            Value::Purposes(purposes) => list(
                purposes
                    .iter()
                    .map(|p| format!("{} {}", self.purpose_name(p.purpose), p.benefit.value()))
                    .collect(),
            ),
            Value::Fields(fields) => list(
                fields
                    .iter()
                    .map(|&field| welsh_field(field).to_owned())
                    .collect(),
            ),
        }
    }
}

/// A field that can be confidential, in Welsh.
fn welsh_field(field: Field) -> &'static str {
    match field {
        Field::Issue => welsh_part(Part::Issue),
        Field::Concern => welsh_part(Part::Concern),
        Field::Mitigations => "lliniaru",
        Field::Owner => welsh_part(Part::Owner),
        Field::ImpactNotes => "nodiadau effaith",
        Field::BalancingNote => welsh_part(Part::BalancingNote),
        Field::AffectedGroups => welsh_part(Part::AffectedGroups),
        Field::Source => welsh_part(Part::Source),
    }
}

fn welsh_whose(whose: &Whose) -> String {
    match whose {
        Whose::System(id) => format!("system {id}"),
        Whose::Right(id) => format!("hawl {id}"),
        Whose::Action(number) => format!("cam gweithredu {number}"),
        Whose::Mitigation(number) => format!("lliniaru {number}"),
        Whose::Impact(right) => right.to_string(),
    }
}

/// A part's name in Welsh, in the paper's words for it where it has them.
fn welsh_part(part: Part) -> &'static str {
    match part {
        Part::Title => "teitl",
        Part::Programme => "rhaglen",
        Part::VersionLabel => "label fersiwn",
        Part::DateIssued => "dyddiad cyhoeddi",
        Part::Status => "statws",
        Part::Marking => "dosbarthiad diogelwch",
        Part::Owner => "perchennog",
        Part::Purpose => "diben",
        Part::Language => "iaith",
        Part::PriorConsultation => "ymgynghori ymlaen llaw",
        Part::Added => "wedi’i ychwanegu",
        Part::Removed => "wedi’i ddileu",
        Part::Name => "enw",
        Part::Description => "disgrifiad",
        Part::LegalReference => "cyfeiriad cyfreithiol",
        Part::Text => "testun",
        Part::Theme => "thema",
        Part::Source => "ffynhonnell",
        Part::Deadline => "dyddiad cau",
        Part::From => "o",
        Part::Entries => "cofnodion",
        Part::Links => "dolenni",
        Part::ArtefactsAndMitigation => "arteffactau a lliniaru",
        Part::Update => "diweddariad",
        Part::UpdateRemoved => "diweddariad wedi’i ddileu",
        Part::Due => "erbyn",
        Part::Inherent => "cynhenid",
        Part::Residual => "gweddilliol",
        Part::Note => "nodyn",
        Part::System => "system",
        Part::Category => "categori",
        Part::Issue => "mater",
        Part::Concern => "pryder",
        Part::MitigationsOrder => "trefn y lliniaru",
        Part::BalancingPurposes => "dibenion cydbwyso",
        Part::BalancingNote => "nodyn cydbwyso",
        Part::AffectedGroups => "yn effeithio ar",
        Part::MustHave => "hanfodol",
        Part::Votes => "pleidleisiau",
        Part::Confidential => "cyfrinachol",
        Part::RiskAcceptance => "derbyn risg",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::labels;
    use dpia_core::register::SystemId;

    fn name(right: &RightId) -> String {
        format!("<{right}>")
    }

    #[test]
    fn english_keeps_the_cores_words_and_names_an_impacts_right() {
        let english = labels(Language::English);
        let privacy = RightId::parse("privacy").unwrap();
        for subject in [
            Subject::of(Part::VersionLabel),
            Subject::whose(Whose::Mitigation(2), Part::Status),
            Subject::whose(Whose::Right(privacy.clone()), Part::Name),
        ] {
            assert_eq!(english.change_subject(&subject, &name), subject.to_string());
        }
        assert_eq!(
            english.change_subject(
                &Subject::whose(Whose::Impact(privacy), Part::Residual),
                &name
            ),
            "<privacy> residual"
        );
    }

    #[test]
    fn english_values_are_the_cores_and_welsh_ones_are_welsh() {
        use dpia_core::register::{Assessment, MitigationStatus};
        let english = labels(Language::English);
        let welsh = labels(Language::Welsh);
        let judged = Value::Judged(Assessment::from_values(4, 3).unwrap());
        for (value, words) in [
            (Value::YesNo(true), "ie"),
            (Value::None, "dim"),
            (Value::List(Vec::new()), "dim"),
            (judged.clone(), "12 (eithafol × tebygol)"),
            (Value::NotJudged, "heb farn"),
            (
                Value::MitigationStatus(MitigationStatus::InProgress),
                "ar waith",
            ),
            (
                Value::Fields(vec![Field::Concern, Field::ImpactNotes]),
                "pryder, nodiadau effaith",
            ),
            (
                Value::Text("Testun fel y mae".to_owned()),
                "Testun fel y mae",
            ),
        ] {
            assert_eq!(welsh.change_value(&value), words);
            assert_eq!(english.change_value(&value), value.to_string());
        }
        assert_eq!(english.change_value(&judged), "12 (maximum × likely)");
    }

    #[test]
    fn welsh_names_every_part_in_welsh() {
        let welsh = labels(Language::Welsh);
        let privacy = RightId::parse("privacy").unwrap();
        for (subject, words) in [
            (Subject::of(Part::MustHave), "hanfodol"),
            (Subject::of(Part::VersionLabel), "label fersiwn"),
            (
                Subject::whose(Whose::Mitigation(2), Part::Status),
                "statws lliniaru 2",
            ),
            (
                Subject::whose(Whose::System(SystemId::parse("PND").unwrap()), Part::Added),
                "system PND wedi’i ychwanegu",
            ),
            (
                Subject::whose(Whose::Action(16), Part::UpdateRemoved),
                "diweddariad cam gweithredu 16 wedi’i ddileu",
            ),
            (
                Subject::whose(Whose::Impact(privacy.clone()), Part::Residual),
                "sgôr weddilliol (<privacy>)",
            ),
            (
                Subject::whose(Whose::Impact(privacy), Part::Note),
                "nodyn (<privacy>)",
            ),
        ] {
            assert_eq!(welsh.change_subject(&subject, &name), words);
        }
    }
}
