//! What is wrong with an imported header, row or cell (`dpia_files::problem`) in words.

use dpia_files::limits::{Excerpt, MAX_MESSAGE_CHARS, cut_to};
use dpia_files::problem::{Problem, Problems};

use super::ErrorText;
use crate::gui::i18n::{tr, tr_args};

impl ErrorText for Problem {
    #[expect(
        clippy::too_many_lines,
        reason = "one short arm per problem, as the catalogue has one message per problem"
    )]
    fn error_text(&self) -> String {
        match self {
            Self::In { column, problem } => tr_args!(
                "errors-problem-in",
                column = column,
                problem = problem.error_text()
            ),
            Self::ColumnTwice { column } => {
                tr_args!("errors-problem-column-twice", column = column)
            }
            Self::UnknownColumns { names, columns } => tr_args!(
                "errors-problem-unknown-columns",
                count = names.len(),
                names = names
                    .iter()
                    .map(|name| tr_args!("errors-quoted", name = name.error_text()))
                    .collect::<Vec<_>>()
                    .join(", "),
                columns = columns
            ),
            Self::MissingColumns { count, columns } => tr_args!(
                "errors-problem-missing-columns",
                count = *count,
                columns = columns
            ),
            Self::Id(err) => err.error_text(),
            Self::IssueEmpty => tr("errors-problem-issue-empty").to_owned(),
            Self::NotAWholeNumber { text } => {
                tr_args!(
                    "errors-problem-not-a-whole-number",
                    text = text.error_text()
                )
            }
            Self::NotADate { text } => {
                tr_args!("errors-problem-not-a-date", text = text.error_text())
            }
            Self::NotYesNo { text } => {
                tr_args!("errors-problem-not-yes-no", text = text.error_text())
            }
            Self::NotOneOf { text, choices } => {
                tr_args!(
                    "errors-problem-not-one-of",
                    text = text.error_text(),
                    choices = choices
                )
            }
            Self::ImpactShape { text } => {
                tr_args!("errors-problem-impact-shape", text = text.error_text())
            }
            Self::ScoreShape { text } => {
                tr_args!("errors-problem-score-shape", text = text.error_text())
            }
            Self::ScoreRange { text } => {
                tr_args!("errors-problem-score-range", text = text.error_text())
            }
            Self::ScoredTwice { right } => tr_args!("errors-problem-scored-twice", right = right),
            Self::UnknownRight { right } => {
                tr_args!("errors-problem-unknown-right", right = right)
            }
            Self::ResidualWithoutInherent { right } => {
                tr_args!("errors-problem-residual-without-inherent", right = right)
            }
            Self::NoteShape { text } => {
                tr_args!("errors-problem-note-shape", text = text.error_text())
            }
            Self::NoteWithoutScore { right } => {
                tr_args!("errors-problem-note-without-score", right = right)
            }
            Self::WithoutMitigation => tr("errors-problem-without-mitigation").to_owned(),
            Self::LinesForMitigations { lines, mitigations } => tr_args!(
                "errors-problem-lines-for-mitigations",
                lines = *lines,
                mitigations = *mitigations
            ),
            Self::BalancingShape { text } => {
                tr_args!("errors-problem-balancing-shape", text = text.error_text())
            }
            Self::BenefitRange { text } => {
                tr_args!("errors-problem-benefit-range", text = text.error_text())
            }
            Self::GivenTwice { name } => tr_args!("errors-problem-given-twice", name = name),
            Self::DecisionMissing { column } => {
                tr_args!("errors-problem-decision-missing", column = column)
            }
            Self::NotADecision { text } => {
                tr_args!("errors-problem-not-a-decision", text = text.error_text())
            }
            Self::DecisionDateNeeded => tr("errors-problem-decision-date-needed").to_owned(),
            Self::IdUsed { id } => tr_args!("errors-problem-id-used", id = id),
            Self::IdNotInRegister { id } => {
                tr_args!("errors-problem-id-not-in-register", id = id)
            }
            Self::IdTwice { id } => tr_args!("errors-problem-id-twice", id = id),
            Self::NoHeaderRow => tr("errors-problem-no-header-row").to_owned(),
            Self::NotCsv { message } => tr_args!("errors-problem-not-csv", message = message),
            Self::TooManyCells { cells, columns } => tr_args!(
                "errors-problem-too-many-cells",
                cells = *cells,
                columns = *columns
            ),
            Self::Windows1252 { text } => {
                tr_args!("errors-problem-windows-1252", text = text.error_text())
            }
            Self::NotUtf8 { text } => tr_args!("errors-problem-not-utf8", text = text.error_text()),
            Self::Garbled { garbled, meant } => {
                tr_args!("errors-problem-garbled", garbled = garbled, meant = meant)
            }
            Self::NoEntriesSheet { sheets } => {
                tr_args!(
                    "errors-problem-no-entries-sheet",
                    sheets = sheets.error_text()
                )
            }
            Self::UnknownDetail { name } => {
                tr_args!("errors-problem-unknown-detail", name = name.error_text())
            }
            Self::UnknownRecord { kind } => {
                tr_args!("errors-problem-unknown-record", kind = kind.error_text())
            }
            Self::NotARecord { message } => {
                tr_args!("errors-problem-not-a-record", message = message)
            }
            Self::NotOnEntries { id, sheet } => {
                tr_args!("errors-problem-not-on-entries", id = id, sheet = sheet)
            }
            Self::NotOnRights { right } => tr_args!("errors-problem-not-on-rights", right = right),
            Self::ScoredTwiceFor { right, entry } => tr_args!(
                "errors-problem-scored-twice-for",
                right = right,
                entry = entry
            ),
            Self::NotOneToFour { text } => {
                tr_args!("errors-problem-not-one-to-four", text = text.error_text())
            }
            Self::InherentNeeded => tr("errors-problem-inherent-needed").to_owned(),
            Self::ResidualHalf => tr("errors-problem-residual-half").to_owned(),
            Self::CellError { error } => tr_args!("errors-problem-cell-error", error = error),
            Self::NoLogHeader { columns } => {
                tr_args!("errors-problem-no-log-header", columns = columns)
            }
            Self::NoLogSheet { columns } => {
                tr_args!("errors-problem-no-log-sheet", columns = columns)
            }
            Self::UnknownLogColumn { name, columns } => tr_args!(
                "errors-problem-unknown-log-column",
                name = name.error_text(),
                columns = columns
            ),
            Self::LogColumnMissing { name } => {
                tr_args!("errors-problem-log-column-missing", name = name)
            }
            Self::ActionTwice { number } => {
                tr_args!("errors-problem-action-twice", number = *number)
            }
            Self::ActionInRegister { number } => {
                tr_args!("errors-problem-action-in-register", number = *number)
            }
            Self::ActionNumberUsed { number } => {
                tr_args!("errors-problem-action-number-used", number = *number)
            }
            Self::NotAnActionNumber { text } => {
                tr_args!(
                    "errors-problem-not-an-action-number",
                    text = text.error_text()
                )
            }
            Self::ActionWithoutText { number } => {
                tr_args!("errors-problem-action-without-text", number = *number)
            }
            Self::NoSuchEntry { entry } => tr_args!("errors-problem-no-such-entry", entry = entry),
            Self::Deadline(err) => err.error_text(),
            Self::NotAnOrigin { text } => {
                tr_args!("errors-problem-not-an-origin", text = text.error_text())
            }
            Self::UnknownSystemRow { text, known } => tr_args!(
                "errors-problem-unknown-system-row",
                text = text.error_text(),
                known = known
            ),
            Self::SeveralSystems { heading } => {
                tr_args!(
                    "errors-problem-several-systems",
                    heading = heading.error_text()
                )
            }
            Self::NoSystem { known } => tr_args!("errors-problem-no-system", known = known),
            Self::SystemCell { text, error } => tr_args!(
                "errors-problem-system-cell",
                text = text.error_text(),
                error = error.error_text()
            ),
            Self::IssueCellEmpty => tr("errors-problem-issue-cell-empty").to_owned(),
        }
    }
}

impl ErrorText for Excerpt {
    /// The value, with how much was left out in words.
    fn error_text(&self) -> String {
        if self.left_out == 0 {
            self.shown.clone()
        } else {
            tr_args!(
                "errors-excerpt-cut",
                shown = self.shown,
                left_out = self.left_out
            )
        }
    }
}

impl ErrorText for Problems {
    /// Each problem, `; ` between, cut as the command line cuts them.
    fn error_text(&self) -> String {
        let joined = self
            .0
            .iter()
            .map(ErrorText::error_text)
            .collect::<Vec<_>>()
            .join("; ");
        cut_to(&joined, MAX_MESSAGE_CHARS).error_text()
    }
}
