//! The papers crate's errors in words.

use dpia_report::ExportError;

use super::ErrorText;
use crate::gui::i18n::tr_args;

impl ErrorText for ExportError {
    fn error_text(&self) -> String {
        match self {
            Self::Register { message } => tr_args!("errors-paper-register", message = message),
            Self::Font { face } => tr_args!("errors-paper-font", face = face),
            Self::Pdf { message } => tr_args!("errors-paper-pdf", message = message),
            Self::PublicMarkingNeeded { marking } => {
                tr_args!("errors-paper-public-marking-needed", marking = marking)
            }
            Self::PublicMarkingAbove { public, marking } => tr_args!(
                "errors-paper-public-marking-above",
                public = public,
                marking = marking
            ),
        }
    }
}
