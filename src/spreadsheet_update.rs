//! A register updated by id from a spreadsheet (a CSV file or an Excel workbook): what
//! `import-csv --into`, `import-xlsx --into` and the app's File › Update from spreadsheet… share.
//! The sheet is read as the import commands read it (`entry_rows::update_rows`: changed fields
//! change, rows with no id become new entries, entries the sheet lacks are reported), and the
//! result is applied as one `Edit::ReplaceRegister`, so it is one undoable step and the register's
//! records (snapshots, approvals) stay as they are.

use std::path::Path;

use dpia_core::edit::Edit;
use dpia_core::register::Register;
use dpia_files::entry_rows::Update;
use dpia_files::{csv_file, xlsx_file};

/// The kind of spreadsheet a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sheet {
    /// Comma- or semicolon-separated values, one row per entry.
    Csv,
    /// An Excel workbook (`.xlsx`): the whole register.
    Workbook,
}

/// Why a spreadsheet could not be read; each error names the file and the row or cell.
#[derive(Debug, thiserror::Error)]
pub enum SheetError {
    /// A CSV file.
    #[error(transparent)]
    Csv(#[from] csv_file::ImportError),
    /// A workbook.
    #[error(transparent)]
    Workbook(#[from] xlsx_file::ImportError),
}

impl Sheet {
    /// The kind of `path`, by its extension: `.xlsx` is a workbook, anything else CSV.
    pub fn of(path: &Path) -> Self {
        match path.extension() {
            Some(ext) if ext.eq_ignore_ascii_case("xlsx") => Self::Workbook,
            _ => Self::Csv,
        }
    }

    /// `register` updated by id from the sheet at `path`; with `remove_missing`, the entries the
    /// sheet lacks are removed.
    pub fn update(
        self,
        path: &Path,
        register: &Register,
        remove_missing: bool,
    ) -> Result<Update, SheetError> {
        Ok(match self {
            Self::Csv => csv_file::update(path, register, remove_missing)?,
            Self::Workbook => xlsx_file::update(path, register, remove_missing)?,
        })
    }
}

/// The one edit that applies an update read from `path`: "update from NAME" in the history.
pub fn edit(path: &Path, updated: Register) -> Edit {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    Edit::ReplaceRegister {
        register: Box::new(updated),
        label: format!("update from {name}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workbooks_are_known_by_their_extension() {
        assert_eq!(Sheet::of(Path::new("a/b.XLSX")), Sheet::Workbook);
        assert_eq!(Sheet::of(Path::new("b.csv")), Sheet::Csv);
        assert_eq!(Sheet::of(Path::new("b")), Sheet::Csv);
    }
}
