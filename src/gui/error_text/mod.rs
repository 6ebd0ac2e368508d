//! The errors and problems of the core, files and papers crates in the app's language: one
//! `ErrorText` implementation per error type, each variant a message of `assets/i18n/*/errors.ftl`
//! with its place (`file:line:column`, `file:row`, `file:Sheet!C12`) and values as arguments; and
//! where a merge conflict is and what a merge decided by itself (`conflict_what`, `merge_note`).
//!
//! The crates keep their English `Display` for the command line; the English messages are the same
//! words, so the app reads the same in English. Text from another library (a RON parser's or the
//! operating system's description) comes through as it is, framed by a sentence of ours.

mod conflict;
mod core;
mod files;
mod problem;
mod report;

pub(crate) use conflict::{conflict_what, merge_note};

/// An error as the app shows it, in this thread's language.
pub(crate) trait ErrorText {
    /// The whole message, with its place.
    fn error_text(&self) -> String;
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use dpia_core::edit::EditError;
    use dpia_core::merge::ResolveError;
    use dpia_core::register::{
        ActionStatusError, DeadlineError, EntryId, IdError, Language, RightId, SystemId,
    };
    use dpia_core::register_text::FormatError;
    use dpia_core::snapshot::{ChainProblem, Checksum, Label, LabelError, SnapshotRecord};
    use dpia_core::trail::TrailError;
    use dpia_core::workshop::WorkshopError;
    use dpia_files::action_log_file;
    use dpia_files::action_rows::Place;
    use dpia_files::limits::excerpt;
    use dpia_files::problem::{Problem, Problems};
    use dpia_files::trail_file::TrailProblem;
    use dpia_files::word_tables::{self, RowProblem};
    use dpia_files::{LoadError, SaveError, csv_file, xlsx_file};

    use super::ErrorText;
    use crate::gui::i18n::set_language;

    fn path() -> PathBuf {
        PathBuf::from("/home/siân/register.ron")
    }

    fn record(label: &str) -> SnapshotRecord {
        SnapshotRecord {
            label: Label::parse(label).unwrap(),
            checksum: Checksum::of_text("a register"),
        }
    }

    /// Errors of every type the app shows often, most variants with a place or a value.
    fn samples() -> Vec<Box<dyn Sample>> {
        let mut samples = file_samples();
        samples.extend(import_samples());
        samples.extend(core_samples());
        samples.extend(
            problem_samples()
                .into_iter()
                .map(|problem| Box::new(problem) as Box<dyn Sample>),
        );
        samples
    }

    fn file_samples() -> Vec<Box<dyn Sample>> {
        vec![
            Box::new(LoadError::Io {
                path: path(),
                source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
            }),
            Box::new(LoadError::TooLarge {
                path: path(),
                limit: 256 * 1024 * 1024,
            }),
            Box::new(LoadError::Parse {
                path: path(),
                line: 12,
                column: 7,
                message: "Expected string".to_owned(),
            }),
            Box::new(LoadError::NewerFormat {
                path: path(),
                found: 9,
                supported: 3,
            }),
            Box::new(LoadError::Altered {
                path: path(),
                recorded: Checksum::of_text("before"),
                actual: Checksum::of_text("after"),
            }),
            Box::new(LoadError::Renamed {
                path: path(),
                label: Label::parse("v1.2").unwrap(),
            }),
            Box::new(SaveError::NotAFile { path: path() }),
            Box::new(SaveError::AlreadyExists { path: path() }),
            Box::new(SaveError::Serialize {
                path: path(),
                message: "depth".to_owned(),
            }),
        ]
    }

    /// Errors of importing and of the audit trail, with their problems.
    fn import_samples() -> Vec<Box<dyn Sample>> {
        vec![
            Box::new(csv_file::ImportError::Rows {
                path: path(),
                problems: vec![
                    (3, Problems(vec![Problem::IssueEmpty, not_a_date()])),
                    (9, Problem::NoHeaderRow.into()),
                ],
            }),
            Box::new(csv_file::ImportError::Header {
                path: path(),
                problem: Problem::MissingColumns {
                    count: 1,
                    columns: "issue".to_owned(),
                },
            }),
            Box::new(xlsx_file::ImportError::NotAWorkbook {
                path: path(),
                sheet: None,
                message: "invalid Zip archive".to_owned(),
            }),
            Box::new(action_log_file::ImportError::NotAWorkbook {
                path: path(),
                sheet: Some("Ongoing".to_owned()),
                message: "invalid XML".to_owned(),
            }),
            Box::new(xlsx_file::ImportError::Cells {
                path: path(),
                problems: vec![("Entries!C12".to_owned(), Problem::InherentNeeded)],
            }),
            Box::new(action_log_file::ImportError::Rows {
                path: path(),
                problems: vec![
                    (
                        Place {
                            sheet: None,
                            row: 4,
                            column: None,
                        },
                        Problem::ActionTwice { number: 16 },
                    ),
                    (
                        Place {
                            sheet: Some("Ongoing".to_owned()),
                            row: 5,
                            column: Some(2),
                        },
                        Problem::ActionWithoutText { number: 17 },
                    ),
                ],
            }),
            Box::new(TrailProblem::Unsound {
                path: path(),
                error: TrailError::Malformed {
                    line: 4,
                    message: "no time".to_owned(),
                },
            }),
            Box::new(TrailProblem::Renamed { path: path() }),
            Box::new(TrailProblem::PreviousMissing {
                path: path(),
                previous: "0123456789abcdef0123".to_owned(),
            }),
            Box::new(word_tables::ImportError::Rows {
                path: path(),
                problems: vec![RowProblem {
                    table: 2,
                    row: 3,
                    problem: Problem::IssueCellEmpty,
                }],
            }),
        ]
    }

    fn not_a_date() -> Problem {
        Problem::NotADate {
            text: excerpt("31/12/2019"),
        }
        .in_column("mitigation_due")
    }

    /// Every kind of import problem, once.
    #[expect(
        clippy::too_many_lines,
        reason = "one sample per problem, nothing else"
    )]
    fn problem_samples() -> Vec<Problem> {
        let text = || excerpt("Gŵyr");
        let right = || RightId::parse("privacy").unwrap();
        let entry = || EntryId::parse("PND-003").unwrap();
        let choices = || "proposed, agreed, implemented".to_owned();
        vec![
            not_a_date(),
            Problem::ColumnTwice { column: "issue" },
            Problem::UnknownColumns {
                names: vec![excerpt("colour")],
                columns: "id, system".to_owned(),
            },
            Problem::UnknownColumns {
                names: vec![excerpt("colour"), excerpt(&"maint".repeat(100))],
                columns: "id, system".to_owned(),
            },
            Problem::NotYesNo {
                text: excerpt(&"ie".repeat(300)),
            },
            Problem::MissingColumns {
                count: 2,
                columns: "system, issue".to_owned(),
            },
            Problem::Id(IdError::Empty),
            Problem::IssueEmpty,
            Problem::NotAWholeNumber { text: text() },
            Problem::NotYesNo { text: text() },
            Problem::NotOneOf {
                text: text(),
                choices: choices(),
            },
            Problem::ImpactShape { text: text() },
            Problem::ScoreShape { text: text() },
            Problem::ScoreRange { text: text() },
            Problem::ScoredTwice { right: right() },
            Problem::UnknownRight { right: right() },
            Problem::ResidualWithoutInherent { right: right() },
            Problem::NoteShape { text: text() },
            Problem::NoteWithoutScore { right: right() },
            Problem::WithoutMitigation.in_column("owner"),
            Problem::LinesForMitigations {
                lines: 2,
                mitigations: 3,
            },
            Problem::BalancingShape { text: text() },
            Problem::BenefitRange { text: text() },
            Problem::GivenTwice {
                name: "Preventing offences",
            },
            Problem::DecisionMissing {
                column: "accepted_by",
            },
            Problem::NotADecision { text: text() },
            Problem::DecisionDateNeeded,
            Problem::IdUsed { id: entry() },
            Problem::IdNotInRegister { id: entry() },
            Problem::IdTwice { id: entry() },
            Problem::NoHeaderRow,
            Problem::NotCsv {
                message: "CSV error: record 3".to_owned(),
            },
            Problem::TooManyCells {
                cells: 27,
                columns: 25,
            },
            Problem::Windows1252 { text: text() },
            Problem::NotUtf8 { text: text() },
            Problem::Garbled {
                garbled: "Åµ".to_owned(),
                meant: "ŵ".to_owned(),
            },
            Problem::NoEntriesSheet {
                sheets: excerpt("Sheet1"),
            },
            Problem::UnknownDetail { name: text() },
            Problem::UnknownRecord { kind: text() },
            Problem::NotARecord {
                message: "1:1: Expected tuple".to_owned(),
            },
            Problem::NotOnEntries {
                id: entry(),
                sheet: "Mitigations",
            },
            Problem::NotOnEntries {
                id: entry(),
                sheet: "Impacts",
            },
            Problem::NotOnRights { right: right() },
            Problem::ScoredTwiceFor {
                right: right(),
                entry: entry(),
            },
            Problem::NotOneToFour { text: text() },
            Problem::InherentNeeded,
            Problem::ResidualHalf,
            Problem::CellError {
                error: "#DIV/0!".to_owned(),
            },
            Problem::NoLogHeader {
                columns: "#, Actions".to_owned(),
            },
            Problem::NoLogSheet {
                columns: "#, Actions".to_owned(),
            },
            Problem::UnknownLogColumn {
                name: text(),
                columns: "#, Actions".to_owned(),
            },
            Problem::LogColumnMissing { name: "#" },
            Problem::ActionTwice { number: 16 },
            Problem::ActionInRegister { number: 16 },
            Problem::ActionNumberUsed { number: 16 },
            Problem::NotAnActionNumber { text: text() },
            Problem::ActionWithoutText { number: 16 },
            Problem::NoSuchEntry { entry: entry() }.in_column("entries"),
            Problem::Deadline(DeadlineError {
                text: "Gŵyr".to_owned(),
            })
            .in_column("deadline"),
            Problem::NotAnOrigin { text: text() },
            Problem::UnknownSystemRow {
                text: text(),
                known: "PND, PNC".to_owned(),
            },
            Problem::SeveralSystems { heading: text() },
            Problem::NoSystem {
                known: "PND, PNC".to_owned(),
            },
            Problem::SystemCell {
                text: excerpt("P N D"),
                error: IdError::BadCharacter {
                    id: "P N D".to_owned(),
                    character: ' ',
                },
            },
            Problem::IssueCellEmpty,
        ]
    }

    fn core_samples() -> Vec<Box<dyn Sample>> {
        let entry = EntryId::parse("PND-003").unwrap();
        vec![
            Box::new(FormatError::NewerFormat {
                found: 4,
                supported: 3,
            }),
            Box::new(EditError::NoSuchMitigation {
                entry: entry.clone(),
                mitigation_idx: 2,
            }),
            Box::new(EditError::NoImpact {
                entry: entry.clone(),
                right: RightId::parse("privacy").unwrap(),
            }),
            Box::new(EditError::SystemExists {
                system: SystemId::parse("PND").unwrap(),
            }),
            Box::new(EditError::Unresolved {
                source: ResolveError::NoSuchConflict { conflict_idx: 0 },
            }),
            Box::new(EditError::EmptyActionText),
            Box::new(IdError::BadCharacter {
                id: "PND 3".to_owned(),
                character: ' ',
            }),
            Box::new(IdError::NumberTooLarge {
                id: "PND-9999999999".to_owned(),
            }),
            Box::new(LabelError::TooLong {
                label: "x".repeat(70),
            }),
            Box::new(LabelError::Reserved {
                label: "con".to_owned(),
                device: "CON".to_owned(),
            }),
            Box::new(DeadlineError {
                text: "Monthly".to_owned(),
            }),
            Box::new(ActionStatusError {
                text: "done-ish".to_owned(),
            }),
            Box::new(ChainProblem::Missing {
                recorded: record("v1.0"),
            }),
            Box::new(ChainProblem::BrokenLink {
                label: Label::parse("v1.1").unwrap(),
                previous: Some(record("v0.9")),
                expected: None,
            }),
            Box::new(ChainProblem::Replaced {
                recorded: record("v1.0"),
                found: Checksum::of_text("other"),
            }),
            Box::new(TrailError::Malformed {
                line: 4,
                message: "no time".to_owned(),
            }),
            Box::new(WorkshopError::NoVotesLeft {
                participant: "Siân".to_owned(),
                budget: 5,
            }),
        ]
    }

    /// An error with both its English words and the app's.
    trait Sample {
        fn display(&self) -> String;
        fn text(&self) -> String;
    }

    impl<T: ErrorText + std::fmt::Display> Sample for T {
        fn display(&self) -> String {
            self.to_string()
        }
        fn text(&self) -> String {
            self.error_text()
        }
    }

    #[test]
    fn in_english_the_app_says_what_the_command_line_says() {
        set_language(Language::English);
        for sample in samples() {
            assert_eq!(sample.text(), sample.display());
        }
    }

    #[test]
    fn a_long_bad_value_is_cut_and_says_so_in_the_app_s_language() {
        let problem = Problem::NotYesNo {
            text: excerpt(&"ie".repeat(300)),
        };
        set_language(Language::Welsh);
        let welsh = problem.error_text();
        set_language(Language::English);
        assert!(welsh.starts_with("nid yw `ieie"), "{welsh}");
        assert!(
            welsh.ends_with("… (400 nod arall)` yn `yes` nac yn `no`"),
            "{welsh}"
        );
        assert!(
            problem
                .error_text()
                .ends_with("… (400 more characters)` is not yes or no")
        );
    }

    #[test]
    fn in_welsh_every_message_is_welsh_and_keeps_its_place() {
        set_language(Language::Welsh);
        for sample in samples() {
            let (english, welsh) = (sample.display(), sample.text());
            assert_ne!(welsh, english, "{english} has Welsh words");
            // The place comes first in both, up to the first space: `file:line:column:`, `file:3:`.
            let place = english.split(' ').next().unwrap_or_default();
            if place.contains('/') {
                assert!(welsh.starts_with(place), "{welsh} starts at {place}");
            }
        }
        let parse = LoadError::Parse {
            path: path(),
            line: 12,
            column: 7,
            message: "Expected string".to_owned(),
        };
        assert_eq!(
            parse.error_text(),
            "/home/siân/register.ron:12:7: nid yw hon yn gofrestr y gellir ei darllen: Expected string",
            "the parser's own words are kept, framed in Welsh"
        );
        set_language(Language::English);
    }
}
