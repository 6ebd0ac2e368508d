//! Excel workbooks (`.xlsx`): the whole register in sheets a team can edit, and back.
//!
//! `Entries` has one row per entry in the CSV's columns (less the mitigation and impact ones),
//! `Mitigations` one row per mitigation, `Impacts` one per entry × right (inherent and residual
//! severity and likelihood, the scores in their level colours, the note), then `Systems`, `Rights`,
//! `Details` (the register's metadata, marking included) and `Records` (issued ids, workshops,
//! the action log, snapshot records and merge conflicts, each as its RON text), so that a workbook written here
//! reads back as the same register. `rust_xlsxwriter` writes, `calamine` reads. Problems are reported
//! at their cell, `file:Sheet!C12: problem`, and nothing is changed.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Range, Reader, Xlsx};
use dpia_core::palette::{self, Rgb};
use dpia_core::register::{
    Assessment, Entry, EntryId, Impact, Language, Marking, Metadata, Mitigation, MitigationStatus,
    PriorConsultation, Register, Right, RightId, Scale, Status, System, SystemId, default_right,
};
use dpia_core::scoring::Score;
use jiff::civil::Date;
use rust_xlsxwriter::{
    Color, DataValidation, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder,
    Workbook, Worksheet, XlsxError,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::entry_rows::{self, Columns, ITEM_COLUMNS, ParsedRow, Update};
use super::limits::excerpt;
use super::problem::Problem;
use super::{SaveError, atomic};

/// The sheets, in workbook order.
pub const SHEETS: [&str; 7] = [
    "Entries",
    "Mitigations",
    "Impacts",
    "Systems",
    "Rights",
    "Details",
    "Records",
];

const MITIGATION_COLUMNS: [&str; 5] = ["entry", "mitigation", "status", "owner", "due"];
const IMPACT_COLUMNS: [&str; 9] = [
    "entry",
    "right",
    "inherent_severity",
    "inherent_likelihood",
    "inherent_score",
    "residual_severity",
    "residual_likelihood",
    "residual_score",
    "note",
];
const SYSTEM_COLUMNS: [&str; 3] = ["id", "name", "description"];
const RIGHT_COLUMNS: [&str; 3] = ["id", "name", "legal_reference"];
const DETAIL_COLUMNS: [&str; 2] = ["detail", "value"];
const RECORD_COLUMNS: [&str; 3] = ["record", "number", "ron"];

/// Excel's limit on the text of one cell; longer records are split over rows.
const CELL_LIMIT: usize = 32_000;
/// The zip's deflate level: 5 rather than the default 6 takes a quarter off writing a large
/// workbook for 5% more file (BENCHMARKS.md, Spreadsheets).
const ZIP_LEVEL: u8 = 5;
/// The last row data validation covers.
const LAST_ROW: u32 = 1_048_575;

/// The columns of the Entries sheet: the CSV's, less those the item sheets hold.
pub fn entry_columns() -> Vec<&'static str> {
    entry_rows::COLUMNS
        .into_iter()
        .filter(|column| !ITEM_COLUMNS.contains(column))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Writing

/// The formats of one workbook.
struct Formats {
    header: Format,
    text: Format,
    number: Format,
    date: Format,
    scores: [Format; 4],
}

fn colour(rgb: Rgb) -> Color {
    Color::RGB((u32::from(rgb.r) << 16) | (u32::from(rgb.g) << 8) | u32::from(rgb.b))
}

impl Formats {
    fn new() -> Self {
        let base = Format::new()
            .set_align(FormatAlign::Top)
            .set_font_color(colour(palette::TEXT));
        let scores = dpia_core::scoring::Level::ALL.map(|level| {
            Format::new()
                .set_align(FormatAlign::Top)
                .set_align(FormatAlign::Center)
                .set_bold()
                .set_background_color(colour(palette::level_fill(level)))
                .set_font_color(colour(palette::level_text(level)))
        });
        Self {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color(colour(palette::HEADER_FILL))
                .set_font_color(colour(palette::ACCENT))
                .set_border_bottom(FormatBorder::Thin)
                .set_border_bottom_color(colour(palette::RULE)),
            text: base.clone().set_text_wrap(),
            number: base.clone().set_align(FormatAlign::Center),
            date: base.set_num_format("yyyy-mm-dd"),
            scores,
        }
    }
}

/// The workbook being written: its formats, and the register whose marking and title every
/// sheet's header and footer show.
struct Writer<'r> {
    workbook: Workbook,
    formats: Formats,
    register: &'r Register,
}

/// One sheet being written: its rows so far.
struct Sheet<'a> {
    worksheet: &'a mut Worksheet,
    formats: &'a Formats,
    row: u32,
    widths: Vec<u16>,
}

/// A cell's value as written.
enum Cell<'a> {
    Text(&'a str),
    Number(u32),
    Date(Option<Date>),
    Score(Option<Assessment>),
}

impl<'r> Writer<'r> {
    fn new(register: &'r Register) -> Self {
        Self {
            workbook: Workbook::new(),
            formats: Formats::new(),
            register,
        }
    }

    /// A new sheet `name` whose header row names `columns`: the header frozen and (at `finish`)
    /// filtered, each column its width and the text format (so that a cell typed into it later
    /// wraps too), printed landscape with the marking in the page header and footer.
    fn sheet(&mut self, name: &str, columns: &[&str]) -> Result<Sheet<'_>, XlsxError> {
        let formats = &self.formats;
        let sheet = self.workbook.add_worksheet();
        sheet.set_name(name)?;
        let widths: Vec<u16> = columns.iter().map(|column| width(column)).collect();
        for (col, (header, width)) in (0u16..).zip(columns.iter().zip(&widths)) {
            sheet.write_string_with_format(0, col, *header, &formats.header)?;
            sheet.set_column_width(col, f64::from(*width))?;
            sheet.set_column_format(col, &formats.text)?;
        }
        sheet.set_row_height(0, 30)?;
        sheet.set_freeze_panes(1, 0)?;
        sheet.set_repeat_rows(0, 0)?;
        sheet.set_landscape();
        // A narrow sheet prints a page wide; a wide one runs on to further pages, still legible.
        if widths.iter().map(|width| u32::from(*width)).sum::<u32>() <= 260 {
            sheet.set_print_fit_to_pages(1, 0);
        }
        let marking = self.register.metadata.marking.label();
        let title: String = self.register.metadata.title.chars().take(60).collect();
        sheet.set_header(format!("&C&\"-,Bold\"{marking}"));
        sheet.set_footer(format!(
            "&L{}&C&\"-,Bold\"{marking}&RPage &P of &N",
            title.replace('&', "&&")
        ));
        Ok(Sheet {
            worksheet: sheet,
            formats,
            row: 0,
            widths,
        })
    }
}

impl Sheet<'_> {
    fn push(&mut self, cells: &[Cell<'_>]) -> Result<(), XlsxError> {
        self.row += 1;
        let row = self.row;
        // Spreadsheets do not grow a row to fit wrapped text they did not lay out, so say how tall.
        let lines = cells
            .iter()
            .zip(&self.widths)
            .filter_map(|(cell, width)| match cell {
                Cell::Text(text) => Some(wrapped_lines(text, *width)),
                _ => None,
            })
            .max()
            .unwrap_or(1);
        if lines > 1 {
            self.worksheet
                .set_row_height(row, (15.0 * lines as f64).min(409.0))?;
        }
        for (col, cell) in (0u16..).zip(cells) {
            match cell {
                // An empty cell is left out: its column's format is the text format.
                Cell::Text("") | Cell::Date(None) | Cell::Score(None) => {}
                Cell::Text(text) => {
                    self.worksheet
                        .write_string_with_format(row, col, *text, &self.formats.text)?;
                }
                Cell::Number(value) => {
                    self.worksheet.write_number_with_format(
                        row,
                        col,
                        f64::from(*value),
                        &self.formats.number,
                    )?;
                }
                Cell::Date(Some(date)) => {
                    let when = excel_date(*date)?;
                    self.worksheet.write_datetime_with_format(
                        row,
                        col,
                        &when,
                        &self.formats.date,
                    )?;
                }
                Cell::Score(Some(assessment)) => {
                    let score = Score::of(*assessment);
                    let idx = dpia_core::scoring::Level::ALL
                        .iter()
                        .position(|level| *level == score.level())
                        .unwrap_or(0);
                    self.worksheet.write_number_with_format(
                        row,
                        col,
                        f64::from(score.value()),
                        &self.formats.scores[idx],
                    )?;
                }
            }
        }
        Ok(())
    }

    /// The finished sheet's filter range, and a drop-down of `choices` on column `col`.
    fn drop_down(&mut self, col: u16, choices: &[&str], title: &str) -> Result<(), XlsxError> {
        let validation = DataValidation::new()
            .allow_list_strings(choices)?
            .set_input_title(title)?
            .set_error_message(format!("Choose one of: {}", choices.join(", ")))?;
        self.worksheet
            .add_data_validation(1, col, LAST_ROW, col, &validation)?;
        Ok(())
    }

    fn finish(self) -> Result<(), XlsxError> {
        let last_col = u16::try_from(self.widths.len().saturating_sub(1)).unwrap_or(0);
        self.worksheet.autofilter(0, 0, self.row, last_col)?;
        Ok(())
    }
}

/// About how many lines `text` wraps to in a column `width` characters wide.
fn wrapped_lines(text: &str, width: u16) -> usize {
    let per_line = (usize::from(width) * 11 / 10).max(1);
    text.split('\n')
        .map(|line| line.chars().count().div_ceil(per_line).max(1))
        .sum()
}

fn excel_date(date: Date) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(
        u16::try_from(date.year()).unwrap_or(1900),
        u8::try_from(date.month()).unwrap_or(1),
        u8::try_from(date.day()).unwrap_or(1),
    )
}

const YES_NO: [&str; 2] = ["yes", "no"];
const SCALE: [&str; 4] = ["1", "2", "3", "4"];

fn width(column: &str) -> u16 {
    match column {
        "issue"
        | "concern"
        | "mitigation"
        | "balancing_note"
        | "acceptance_rationale"
        | "note"
        | "description"
        | "purpose"
        | "ron" => 50,
        "value" => 80,
        "detail" => 28,
        "id" | "entry" | "system" | "votes" | "number" | "must_have" => 11,
        "inherent_severity"
        | "inherent_likelihood"
        | "inherent_score"
        | "residual_severity"
        | "residual_likelihood"
        | "residual_score" => 18,
        _ => 20,
    }
}

/// The register as an `.xlsx` workbook's bytes.
pub fn export_bytes(register: &Register) -> Result<Vec<u8>, XlsxError> {
    let mut book = Writer::new(register);
    write_entries(&mut book)?;
    write_mitigations(&mut book)?;
    write_impacts(&mut book)?;

    let mut sheet = book.sheet("Systems", &SYSTEM_COLUMNS)?;
    for system in &register.systems {
        sheet.push(&[
            Cell::Text(system.id.as_str()),
            Cell::Text(&system.name),
            Cell::Text(&system.description),
        ])?;
    }
    sheet.finish()?;

    let mut sheet = book.sheet("Rights", &RIGHT_COLUMNS)?;
    for right in &register.rights {
        sheet.push(&[
            Cell::Text(right.id.as_str()),
            Cell::Text(&right.name),
            Cell::Text(&right.legal_reference),
        ])?;
    }
    sheet.finish()?;

    write_details(&mut book)?;
    write_records(&mut book)?;

    let created = register
        .metadata
        .date_issued
        .map_or_else(|| ExcelDateTime::from_ymd(2000, 1, 1), excel_date)?;
    let workbook = &mut book.workbook;
    workbook.set_properties(
        &DocProperties::new()
            .set_title(&register.metadata.title)
            .set_subject("DPIA risk register")
            .set_company(&register.metadata.owner)
            .set_category(register.metadata.marking.label())
            .set_creation_datetime(&created),
    );
    workbook.set_zip_compression_level(ZIP_LEVEL);
    workbook.save_to_buffer()
}

fn write_entries(book: &mut Writer<'_>) -> Result<(), XlsxError> {
    let register = book.register;
    let columns = entry_columns();
    let mut sheet = book.sheet("Entries", &columns)?;
    let positions: Vec<usize> = columns
        .iter()
        .filter_map(|c| entry_rows::COLUMNS.iter().position(|all| all == c))
        .collect();
    for entry in &register.entries {
        let row = entry_rows::export_row(entry);
        let cells: Vec<Cell<'_>> = positions
            .iter()
            .zip(&columns)
            .map(|(idx, column)| match *column {
                "votes" => Cell::Number(entry.votes),
                "source_date" => Cell::Date(entry.source.date),
                "accepted_on" => Cell::Date(entry.acceptance.as_ref().map(|a| a.date)),
                _ => Cell::Text(row.get(*idx).map_or("", String::as_str)),
            })
            .collect();
        sheet.push(&cells)?;
    }
    let col = |name: &str| {
        u16::try_from(columns.iter().position(|c| *c == name).unwrap_or(0)).unwrap_or(0)
    };
    sheet.drop_down(col("must_have"), &YES_NO, "Must have?")?;
    sheet.drop_down(col("acceptance"), &["accepted", "not accepted"], "Decision")?;
    sheet.finish()
}

fn write_mitigations(book: &mut Writer<'_>) -> Result<(), XlsxError> {
    let register = book.register;
    let mut sheet = book.sheet("Mitigations", &MITIGATION_COLUMNS)?;
    for entry in &register.entries {
        for mitigation in &entry.mitigations {
            sheet.push(&[
                Cell::Text(entry.id.as_str()),
                Cell::Text(&mitigation.text),
                Cell::Text(mitigation.status.name()),
                Cell::Text(&mitigation.owner),
                Cell::Date(mitigation.due),
            ])?;
        }
    }
    sheet.drop_down(
        2,
        &MitigationStatus::ALL.map(MitigationStatus::name),
        "Status",
    )?;
    sheet.finish()
}

fn write_impacts(book: &mut Writer<'_>) -> Result<(), XlsxError> {
    let register = book.register;
    let mut sheet = book.sheet("Impacts", &IMPACT_COLUMNS)?;
    for entry in &register.entries {
        for impact in &entry.impacts {
            let number =
                |value: Option<u8>| value.map_or(Cell::Text(""), |v| Cell::Number(v.into()));
            sheet.push(&[
                Cell::Text(entry.id.as_str()),
                Cell::Text(impact.right.as_str()),
                number(Some(impact.inherent.severity.value())),
                number(Some(impact.inherent.likelihood.value())),
                Cell::Score(Some(impact.inherent)),
                number(impact.residual.map(|a| a.severity.value())),
                number(impact.residual.map(|a| a.likelihood.value())),
                Cell::Score(impact.residual),
                Cell::Text(&impact.note),
            ])?;
        }
    }
    for col in [2, 3, 5, 6] {
        let title = if col % 3 == 2 {
            "Severity 1–4"
        } else {
            "Likelihood 1–4"
        };
        sheet.drop_down(col, &SCALE, title)?;
    }
    sheet.finish()
}

/// The Details sheet's rows: name, value as text (dates as `YYYY-MM-DD`).
fn details(register: &Register) -> Vec<(&'static str, String)> {
    let metadata = &register.metadata;
    let date = |date: Option<Date>| date.map(|d| d.to_string()).unwrap_or_default();
    let consultation = metadata.prior_consultation.as_ref();
    vec![
        ("title", metadata.title.clone()),
        ("programme", metadata.programme.clone()),
        ("version_label", metadata.version_label.clone()),
        ("date_issued", date(metadata.date_issued)),
        ("status", metadata.status.name().to_owned()),
        ("marking", metadata.marking.label().to_owned()),
        ("owner", metadata.owner.clone()),
        ("purpose", metadata.purpose.clone()),
        ("language", metadata.language.name().to_owned()),
        (
            "prior_consultation",
            entry_rows::yes_no(consultation.is_some()).to_owned(),
        ),
        ("consultation_sent", date(consultation.and_then(|c| c.sent))),
        (
            "consultation_reference",
            consultation
                .map(|c| c.reference.clone())
                .unwrap_or_default(),
        ),
        (
            "consultation_response",
            consultation.map(|c| c.response.clone()).unwrap_or_default(),
        ),
        (
            "consultation_response_date",
            date(consultation.and_then(|c| c.response_date)),
        ),
        ("format_version", register.format_version.to_string()),
    ]
}

fn write_details(book: &mut Writer<'_>) -> Result<(), XlsxError> {
    let register = book.register;
    let mut sheet = book.sheet("Details", &DETAIL_COLUMNS)?;
    let rows = details(register);
    for (name, value) in &rows {
        sheet.push(&[Cell::Text(name), Cell::Text(value)])?;
    }
    for (name, choices) in [
        ("status", Status::ALL.map(Status::name).to_vec()),
        ("marking", Marking::ALL.map(Marking::label).to_vec()),
        ("language", Language::ALL.map(Language::name).to_vec()),
        ("prior_consultation", YES_NO.to_vec()),
    ] {
        if let Some(row) = rows.iter().position(|(n, _)| *n == name) {
            let row = u32::try_from(row + 1).unwrap_or(1);
            let validation = DataValidation::new().allow_list_strings(&choices)?;
            sheet
                .worksheet
                .add_data_validation(row, 1, row, 1, &validation)?;
        }
    }
    sheet.finish()
}

fn ron_text(value: &impl Serialize) -> Result<String, XlsxError> {
    ron::to_string(value).map_err(|err| XlsxError::ParameterError(err.to_string()))
}

fn write_records(book: &mut Writer<'_>) -> Result<(), XlsxError> {
    let register = book.register;
    let mut sheet = book.sheet("Records", &RECORD_COLUMNS)?;
    let mut records: Vec<(&str, u32, String)> = Vec::new();
    if !register.issued_ids.is_empty() {
        records.push(("issued_ids", 1, ron_text(&register.issued_ids)?));
    }
    if register.last_action_number > 0 {
        records.push((
            "last_action_number",
            1,
            ron_text(&register.last_action_number)?,
        ));
    }
    for (kind, texts) in [
        (
            "workshop",
            register
                .workshops
                .iter()
                .map(ron_text)
                .collect::<Result<Vec<_>, _>>()?,
        ),
        (
            "action",
            register
                .actions
                .iter()
                .map(ron_text)
                .collect::<Result<Vec<_>, _>>()?,
        ),
        (
            "snapshot",
            register
                .snapshots
                .iter()
                .map(ron_text)
                .collect::<Result<Vec<_>, _>>()?,
        ),
        (
            "conflict",
            register
                .conflicts
                .iter()
                .map(ron_text)
                .collect::<Result<Vec<_>, _>>()?,
        ),
    ] {
        for (number, text) in (1u32..).zip(texts) {
            records.push((kind, number, text));
        }
    }
    for (kind, number, text) in &records {
        for part in split_at_chars(text, CELL_LIMIT) {
            sheet.push(&[Cell::Text(kind), Cell::Number(*number), Cell::Text(part)])?;
        }
    }
    sheet.finish()
}

/// `text` in pieces of at most `limit` characters.
fn split_at_chars(text: &str, limit: usize) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = text;
    while rest.chars().count() > limit {
        let cut = rest
            .char_indices()
            .nth(limit)
            .map_or(rest.len(), |(idx, _)| idx);
        let (part, tail) = rest.split_at(cut);
        parts.push(part);
        rest = tail;
    }
    parts.push(rest);
    parts
}

/// Writes the register as a workbook to `path`, atomically; a new file gets the permissions of
/// `like` (the register file), where there is one.
pub fn export(register: &Register, path: &Path, like: Option<&Path>) -> Result<(), SaveError> {
    let bytes = export_bytes(register).map_err(|err| SaveError::Serialize {
        path: path.to_owned(),
        message: err.to_string(),
    })?;
    match like {
        Some(like) => atomic::write_like(path, &bytes, like),
        None => atomic::write(path, &bytes),
    }
}

// ---------------------------------------------------------------------------------------------
// Reading

/// Why a workbook could not be imported. Nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read: the operating system's error, or a file too large
    /// (`limits`).
    #[error(transparent)]
    Read(#[from] crate::LoadError),
    /// The file is not a workbook calamine can open.
    #[error(
        "{}: not an .xlsx workbook: {}{message}",
        path.display(),
        sheet.as_ref().map_or_else(String::new, |sheet| format!("sheet {sheet}: "))
    )]
    NotAWorkbook {
        /// The file.
        path: PathBuf,
        /// The sheet that could not be read, if one.
        sheet: Option<String>,
        /// What calamine said.
        message: String,
    },
    /// Some cells are wrong; each is listed.
    #[error("{}", crate::error::Listing { path, problems })]
    Cells {
        /// The file.
        path: PathBuf,
        /// Each problem's place (`Entries!C12`) and what is wrong, sheet by sheet.
        problems: Vec<(String, Problem)>,
    },
}

/// A cell's place as a spreadsheet names it: `Entries!C12` (`row` and `col` from 0).
pub fn place(sheet: &str, row: u32, col: usize) -> String {
    let mut letters = String::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.insert(0, char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    format!("{sheet}!{letters}{}", row + 1)
}

/// The workbook at `path` as a new register.
pub fn import(path: &Path) -> Result<Register, ImportError> {
    import_bytes(&read(path)?, path)
}

/// The register updated by id from the workbook at `path`: its details, systems, rights and
/// records as the workbook has them, its entries as `entry_rows::update_rows` says.
pub fn update(
    path: &Path,
    register: &Register,
    remove_missing: bool,
) -> Result<Update, ImportError> {
    update_bytes(&read(path)?, path, register, remove_missing)
}

fn read(path: &Path) -> Result<Vec<u8>, ImportError> {
    // Bounded as every reader is: a file too large is refused before it is read.
    Ok(super::limits::read_bytes(path)?)
}

/// A workbook's bytes as a new register; `path` names it in messages.
pub fn import_bytes(bytes: &[u8], path: &Path) -> Result<Register, ImportError> {
    let mut book = Book::open(bytes, path)?;
    let mut base = Register::default();
    book.read_parts(&mut base, true);
    let rows = book.read_entries(&base);
    book.check()?;
    entry_rows::add_rows(&base, rows).map_err(|problems| book.row_problems(problems))
}

/// Updates `register` from a workbook's bytes; `path` names it in messages.
pub fn update_bytes(
    bytes: &[u8],
    path: &Path,
    register: &Register,
    remove_missing: bool,
) -> Result<Update, ImportError> {
    let mut book = Book::open(bytes, path)?;
    let mut base = register.clone();
    book.read_parts(&mut base, false);
    let rows = book.read_entries(&base);
    book.check()?;
    entry_rows::update_rows(&base, rows, remove_missing)
        .map_err(|problems| book.row_problems(problems))
}

/// A workbook being read, and the problems found so far.
struct Book<'p> {
    path: &'p Path,
    sheets: BTreeMap<String, Range<Data>>,
    problems: Vec<(String, Problem)>,
}

/// One sheet's rows as text, with the header's columns.
struct Table<'k> {
    name: &'static str,
    header: Vec<String>,
    /// The sheet's known columns, and where each is in the header (found once, not per cell).
    known: &'k [&'k str],
    positions: Vec<Option<usize>>,
    /// (row from 0, cells as text).
    rows: Vec<(u32, Vec<String>)>,
}

impl Table<'_> {
    /// Where the known `column` is in the header.
    fn col(&self, column: &str) -> Option<usize> {
        let idx = self.known.iter().position(|known| *known == column)?;
        self.positions[idx]
    }
}

impl<'p> Book<'p> {
    fn open(bytes: &[u8], path: &'p Path) -> Result<Self, ImportError> {
        let not_a_workbook = |sheet: Option<&str>, message: String| ImportError::NotAWorkbook {
            path: path.to_owned(),
            sheet: sheet.map(str::to_owned),
            message,
        };
        let mut workbook: Xlsx<_> =
            Xlsx::new(Cursor::new(bytes)).map_err(|err| not_a_workbook(None, err.to_string()))?;
        let mut sheets = BTreeMap::new();
        for name in workbook.sheet_names() {
            let range = workbook
                .worksheet_range(&name)
                .map_err(|err| not_a_workbook(Some(&name), err.to_string()))?;
            sheets.insert(name, range);
        }
        let mut book = Self {
            path,
            sheets,
            problems: Vec::new(),
        };
        if !book.sheets.contains_key("Entries") {
            let sheets = book.sheets.keys().cloned().collect::<Vec<_>>().join(", ");
            book.problems.push((
                "Entries!A1".to_owned(),
                Problem::NoEntriesSheet {
                    sheets: excerpt(&sheets),
                },
            ));
        }
        Ok(book)
    }

    fn check(&mut self) -> Result<(), ImportError> {
        if self.problems.is_empty() {
            Ok(())
        } else {
            Err(ImportError::Cells {
                path: self.path.to_owned(),
                problems: std::mem::take(&mut self.problems),
            })
        }
    }

    fn row_problems(&self, problems: Vec<(u64, Problem)>) -> ImportError {
        ImportError::Cells {
            path: self.path.to_owned(),
            problems: problems
                .into_iter()
                .map(|(row, problem)| {
                    (
                        place(
                            "Entries",
                            u32::try_from(row).unwrap_or(1).saturating_sub(1),
                            0,
                        ),
                        problem,
                    )
                })
                .collect(),
        }
    }

    /// The sheet `name` as text, its header checked against `known` (`None` if it is absent).
    fn table<'k>(&mut self, name: &'static str, known: &'k [&'k str]) -> Option<Table<'k>> {
        let range = self.sheets.get(name)?;
        let Some((_, end)) = range.start().zip(range.end()) else {
            return Some(Table {
                name,
                header: Vec::new(),
                known,
                positions: vec![None; known.len()],
                rows: Vec::new(),
            });
        };
        let mut problems = Vec::new();
        let mut text = |row: u32, col: u32| -> String {
            match range.get_value((row, col)) {
                None => String::new(),
                Some(data) => cell_text(data).unwrap_or_else(|problem| {
                    problems.push((place(name, row, col as usize), problem));
                    String::new()
                }),
            }
        };
        let header: Vec<String> = (0..=end.1).map(|col| text(0, col)).collect();
        let rows: Vec<(u32, Vec<String>)> = (1..=end.0)
            .map(|row| {
                (
                    row,
                    (0..=end.1).map(|col| text(row, col)).collect::<Vec<_>>(),
                )
            })
            .filter(|(_, cells)| cells.iter().any(|c| !c.is_empty()))
            .collect();
        let given: Vec<String> = header
            .iter()
            .map(|h| entry_rows::normalise_header(h))
            .collect();
        let wanted: Vec<String> = known
            .iter()
            .map(|k| entry_rows::normalise_header(k))
            .collect();
        let positions = wanted
            .iter()
            .map(|k| given.iter().position(|h| h == k))
            .collect();
        for (col, name_given) in header.iter().enumerate() {
            if !name_given.trim().is_empty() && !wanted.contains(&given[col]) {
                problems.push((
                    place(name, 0, col),
                    Problem::UnknownColumns {
                        names: vec![excerpt(name_given.trim())],
                        columns: known.join(", "),
                    },
                ));
            }
        }
        self.problems.extend(problems);
        Some(Table {
            name,
            header,
            known,
            positions,
            rows,
        })
    }

    /// Details, systems, rights and records into `base`; `whole`: also the records a register
    /// keeps of its own (issued ids, snapshots), for a new register.
    fn read_parts(&mut self, base: &mut Register, whole: bool) {
        if let Some(table) = self.table("Details", &DETAIL_COLUMNS) {
            self.read_details(&table, base);
        }
        if let Some(table) = self.table("Systems", &SYSTEM_COLUMNS) {
            base.systems = self.read_catalogue(
                &table,
                ["name", "description"],
                |id, [name, description]| {
                    Ok(System {
                        id: SystemId::parse(id)?,
                        name,
                        description,
                    })
                },
            );
        }
        if let Some(table) = self.table("Rights", &RIGHT_COLUMNS) {
            base.rights = self.read_catalogue(
                &table,
                ["name", "legal_reference"],
                |id, [name, legal_reference]| {
                    Ok(Right {
                        id: RightId::parse(id)?,
                        name,
                        legal_reference,
                    })
                },
            );
        }
        if let Some(table) = self.table("Records", &RECORD_COLUMNS) {
            self.read_records(&table, base, whole);
        }
    }

    fn read_details(&mut self, table: &Table<'_>, base: &mut Register) {
        let (name_col, value_col) = (
            table.col("detail").unwrap_or(0),
            table.col("value").unwrap_or(1),
        );
        let metadata: &mut Metadata = &mut base.metadata;
        let mut consultation = PriorConsultation::default();
        let mut consulted = metadata.prior_consultation.is_some();
        for (row, cells) in &table.rows {
            let name = cells.get(name_col).map_or("", String::as_str);
            let value = cells.get(value_col).cloned().unwrap_or_default();
            let mut bad = |problem: Problem| {
                self.problems
                    .push((place(table.name, *row, value_col), problem));
            };
            let not_one_of = |value: &str, choices: Vec<&str>| Problem::NotOneOf {
                text: excerpt(value),
                choices: choices.join(", "),
            };
            let date = |value: &str, bad: &mut dyn FnMut(Problem)| {
                entry_rows::parse_date(value.trim()).unwrap_or_else(|err| {
                    bad(err);
                    None
                })
            };
            match entry_rows::normalise_header(name).as_str() {
                "title" => metadata.title = value,
                "programme" => metadata.programme = value,
                "versionlabel" => metadata.version_label = value,
                "dateissued" => metadata.date_issued = date(&value, &mut bad),
                "status" => match Status::ALL
                    .into_iter()
                    .find(|s| s.name().eq_ignore_ascii_case(value.trim()))
                {
                    Some(status) => metadata.status = status,
                    None => bad(not_one_of(&value, Status::ALL.map(Status::name).to_vec())),
                },
                "marking" => {
                    let wanted = value.trim().replace(['_', ' '], "-").to_uppercase();
                    match Marking::ALL
                        .into_iter()
                        .find(|m| m.label().replace(' ', "-") == wanted)
                    {
                        Some(marking) => metadata.marking = marking,
                        None => bad(not_one_of(
                            &value,
                            Marking::ALL.map(Marking::label).to_vec(),
                        )),
                    }
                }
                "owner" => metadata.owner = value,
                "purpose" => metadata.purpose = value,
                "language" => match Language::ALL.into_iter().find(|l| {
                    l.name().eq_ignore_ascii_case(value.trim())
                        || format!("{l:?}").eq_ignore_ascii_case(value.trim())
                }) {
                    Some(language) => metadata.language = language,
                    None => bad(not_one_of(
                        &value,
                        Language::ALL.map(Language::name).to_vec(),
                    )),
                },
                "priorconsultation" => match entry_rows::parse_yes_no(value.trim()) {
                    Ok(yes) => consulted = yes,
                    Err(err) => bad(err),
                },
                "consultationsent" => consultation.sent = date(&value, &mut bad),
                "consultationreference" => consultation.reference = value,
                "consultationresponse" => consultation.response = value,
                "consultationresponsedate" => consultation.response_date = date(&value, &mut bad),
                "formatversion" | "" => {}
                other => {
                    let _ = other;
                    self.problems.push((
                        place(table.name, *row, name_col),
                        Problem::UnknownDetail {
                            name: excerpt(name),
                        },
                    ));
                }
            }
        }
        metadata.prior_consultation = consulted.then_some(consultation);
    }

    fn read_records(&mut self, table: &Table<'_>, base: &mut Register, whole: bool) {
        let (kind_col, number_col, ron_col) = (
            table.col("record").unwrap_or(0),
            table.col("number").unwrap_or(1),
            table.col("ron").unwrap_or(2),
        );
        // Consecutive rows of the same record and number are one record's text.
        let mut records: Vec<(u32, String, String, String)> = Vec::new();
        for (row, cells) in &table.rows {
            let get = |col: usize| cells.get(col).cloned().unwrap_or_default();
            let (kind, number, text) = (get(kind_col), get(number_col), get(ron_col));
            match records.last_mut() {
                Some((_, k, n, t)) if *k == kind && *n == number => t.push_str(&text),
                _ => records.push((*row, kind, number, text)),
            }
        }
        let mut workshops = Vec::new();
        let mut actions = Vec::new();
        let mut snapshots = Vec::new();
        let mut conflicts = Vec::new();
        for (row, kind, _, text) in records {
            let at = place(table.name, row, ron_col);
            match kind.trim() {
                "issued_ids" => {
                    if let Some(ids) = self.ron(&at, &text)
                        && whole
                    {
                        base.issued_ids = ids;
                    }
                }
                "last_action_number" => {
                    if let Some(number) = self.ron::<u32>(&at, &text) {
                        base.last_action_number = base.last_action_number.max(number);
                    }
                }
                "workshop" => workshops.extend(self.ron(&at, &text)),
                "action" => actions.extend(self.ron(&at, &text)),
                "snapshot" => snapshots.extend(self.ron(&at, &text)),
                "conflict" => conflicts.extend(self.ron(&at, &text)),
                other => self.problems.push((
                    place(table.name, row, kind_col),
                    Problem::UnknownRecord {
                        kind: excerpt(other),
                    },
                )),
            }
        }
        base.workshops = workshops;
        base.actions = actions;
        base.conflicts = conflicts;
        if whole {
            base.snapshots = snapshots;
        }
    }

    /// The rows of a catalogue sheet (Systems, Rights): an `id` column and two text columns
    /// `named`, each row made by `make` from its id and texts; a row whose id is refused is a
    /// problem at its id cell.
    fn read_catalogue<T>(
        &mut self,
        table: &Table<'_>,
        named: [&str; 2],
        make: impl Fn(&str, [String; 2]) -> Result<T, dpia_core::register::IdError>,
    ) -> Vec<T> {
        let id = table.col("id");
        let columns = named.map(|name| table.col(name));
        let mut items = Vec::new();
        for (row, cells) in &table.rows {
            let get =
                |col: Option<usize>| col.and_then(|c| cells.get(c)).cloned().unwrap_or_default();
            match make(&get(id), columns.map(get)) {
                Ok(item) => items.push(item),
                Err(err) => self
                    .problems
                    .push((place(table.name, *row, id.unwrap_or(0)), err.into())),
            }
        }
        items
    }

    fn ron<T: DeserializeOwned>(&mut self, at: &str, text: &str) -> Option<T> {
        ron::from_str(text)
            .map_err(|err| {
                let message = super::limits::bounded_message(&err.to_string());
                self.problems
                    .push((at.to_owned(), Problem::NotARecord { message }));
            })
            .ok()
    }

    /// The Entries sheet's rows, each with its mitigations and impacts from their sheets.
    fn read_entries(&mut self, base: &Register) -> Vec<(u64, ParsedRow)> {
        let allowed = entry_columns();
        let Some(table) = self.table("Entries", &allowed) else {
            return Vec::new();
        };
        let columns = match Columns::from_header(table.header.iter().map(String::as_str), &allowed)
        {
            Ok(columns) => columns,
            Err(problem) => {
                self.problems.push((place("Entries", 0, 0), problem));
                return Vec::new();
            }
        };
        let mut rows: Vec<(u64, ParsedRow)> = Vec::new();
        // Rows that did not parse: their items are still checked, then dropped.
        let mut index: BTreeMap<EntryId, Option<usize>> = BTreeMap::new();
        for (row, cells) in &table.rows {
            match entry_rows::parse_row(&columns, cells, base) {
                Ok(parsed) => rows.push((u64::from(*row) + 1, parsed)),
                Err(problems) => {
                    if let Ok(id) = EntryId::parse(columns.get(cells, "id")) {
                        index.insert(id, None);
                    }
                    for (column, problem) in problems {
                        let col = column.and_then(|c| columns.position(c)).unwrap_or(0);
                        self.problems.push((place("Entries", *row, col), problem));
                    }
                }
            }
        }
        for (idx, (_, parsed)) in rows.iter().enumerate() {
            if let Some(id) = &parsed.id_given {
                index.insert(id.clone(), Some(idx));
            }
        }
        if let Some(table) = self.table("Mitigations", &MITIGATION_COLUMNS) {
            for (row, cells, entry) in self.item_rows(&table, &index) {
                if let (Some(mitigation), Some(entry)) =
                    (self.mitigation(&table, row, cells), entry)
                {
                    rows[entry].1.entry.mitigations.push(mitigation);
                }
            }
        }
        if let Some(table) = self.table("Impacts", &IMPACT_COLUMNS) {
            for (row, cells, entry) in self.item_rows(&table, &index) {
                let parsed = entry.map(|idx| &rows[idx].1.entry);
                if let (Some(impact), Some(entry)) =
                    (self.impact(&table, row, cells, base, parsed), entry)
                {
                    rows[entry].1.entry.impacts.push(impact);
                }
            }
        }
        rows
    }

    /// An item sheet's rows with the index of the entry each names.
    fn item_rows<'t>(
        &mut self,
        table: &'t Table<'_>,
        index: &BTreeMap<EntryId, Option<usize>>,
    ) -> Vec<(u32, &'t [String], Option<usize>)> {
        let entry_col = table.col("entry").unwrap_or(0);
        let mut items = Vec::new();
        for (row, cells) in &table.rows {
            let text = cells.get(entry_col).map_or("", |c| c.trim());
            let found = EntryId::parse(text).map_err(Problem::from).and_then(|id| {
                index.get(&id).copied().ok_or(Problem::NotOnEntries {
                    id,
                    sheet: table.name,
                })
            });
            match found {
                Ok(entry) => items.push((*row, cells.as_slice(), entry)),
                Err(problem) => self
                    .problems
                    .push((place(table.name, *row, entry_col), problem)),
            }
        }
        items
    }

    fn mitigation(&mut self, table: &Table<'_>, row: u32, cells: &[String]) -> Option<Mitigation> {
        let get = |name: &str| {
            table
                .col(name)
                .and_then(|c| cells.get(c))
                .map_or("", String::as_str)
        };
        let mut ok = true;
        let status = match get("status").trim() {
            "" => MitigationStatus::Proposed,
            text => MitigationStatus::parse(text).unwrap_or_else(|| {
                ok = false;
                self.problems.push((
                    place(table.name, row, table.col("status").unwrap_or(0)),
                    Problem::NotOneOf {
                        text: excerpt(text),
                        choices: MitigationStatus::ALL.map(MitigationStatus::name).join(", "),
                    },
                ));
                MitigationStatus::Proposed
            }),
        };
        let due = entry_rows::parse_date(get("due").trim()).unwrap_or_else(|err| {
            ok = false;
            self.problems
                .push((place(table.name, row, table.col("due").unwrap_or(0)), err));
            None
        });
        ok.then(|| Mitigation {
            text: get("mitigation").to_owned(),
            status,
            owner: get("owner").to_owned(),
            due,
        })
    }

    fn impact(
        &mut self,
        table: &Table<'_>,
        row: u32,
        cells: &[String],
        base: &Register,
        entry: Option<&Entry>,
    ) -> Option<Impact> {
        let col = |name: &str| table.col(name).unwrap_or(0);
        let get = |name: &str| {
            table
                .col(name)
                .and_then(|c| cells.get(c))
                .map_or("", String::as_str)
        };
        let right_text = get("right").trim();
        let right = match RightId::parse(right_text) {
            Ok(right) if base.right(&right).is_some() || default_right(&right).is_some() => right,
            Ok(right) => {
                self.problems.push((
                    place(table.name, row, col("right")),
                    Problem::NotOnRights { right },
                ));
                return None;
            }
            Err(err) => {
                self.problems
                    .push((place(table.name, row, col("right")), err.into()));
                return None;
            }
        };
        if let Some(entry) = entry.filter(|entry| entry.impact(&right).is_some()) {
            self.problems.push((
                place(table.name, row, col("right")),
                Problem::ScoredTwiceFor {
                    right,
                    entry: entry.id.clone(),
                },
            ));
            return None;
        }
        let mut scale = |name: &'static str| -> Result<Option<u8>, ()> {
            match get(name).trim() {
                "" => Ok(None),
                text => {
                    if let Ok(value @ 1..=4) = text.parse::<u8>() {
                        Ok(Some(value))
                    } else {
                        self.problems.push((
                            place(table.name, row, col(name)),
                            Problem::NotOneToFour {
                                text: excerpt(text),
                            },
                        ));
                        Err(())
                    }
                }
            }
        };
        let inherent = (scale("inherent_severity"), scale("inherent_likelihood"));
        let residual = (scale("residual_severity"), scale("residual_likelihood"));
        let (Ok(s), Ok(l), Ok(rs), Ok(rl)) = (inherent.0, inherent.1, residual.0, residual.1)
        else {
            return None;
        };
        let Some(inherent) = s.zip(l).and_then(|(s, l)| Assessment::from_values(s, l)) else {
            self.problems.push((
                place(table.name, row, col("inherent_severity")),
                Problem::InherentNeeded,
            ));
            return None;
        };
        let residual = match (rs, rl) {
            (None, None) => None,
            (Some(s), Some(l)) => Assessment::from_values(s, l),
            _ => {
                self.problems.push((
                    place(table.name, row, col("residual_severity")),
                    Problem::ResidualHalf,
                ));
                return None;
            }
        };
        Some(Impact {
            right,
            inherent,
            residual,
            note: get("note").to_owned(),
        })
    }
}

/// A cell as text: numbers without a needless `.0`, dates as `YYYY-MM-DD`, booleans as yes/no.
pub(crate) fn cell_text(data: &Data) -> Result<String, Problem> {
    Ok(match data {
        Data::String(text) | Data::DurationIso(text) => text.clone(),
        Data::Empty => String::new(),
        Data::Int(value) => value.to_string(),
        Data::Float(value) => {
            if value.fract() == 0.0 && value.abs() < 1e15 {
                format!("{value:.0}")
            } else {
                value.to_string()
            }
        }
        Data::Bool(value) => entry_rows::yes_no(*value).to_owned(),
        Data::DateTime(when) => {
            let (year, month, day, ..) = when.to_ymd_hms_milli();
            format!("{year:04}-{month:02}-{day:02}")
        }
        Data::DateTimeIso(text) => text.get(..10).unwrap_or(text).to_owned(),
        Data::Error(err) => {
            return Err(Problem::CellError {
                error: err.to_string(),
            });
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_named_as_spreadsheets_name_them() {
        assert_eq!(place("Entries", 0, 0), "Entries!A1");
        assert_eq!(place("Impacts", 11, 2), "Impacts!C12");
        assert_eq!(place("Entries", 1, 26), "Entries!AA2");
    }

    #[test]
    fn a_generated_register_round_trips() {
        let register = dpia_core::synthetic::register(40, 3);
        let bytes = export_bytes(&register).unwrap();
        let again = import_bytes(&bytes, Path::new("out.xlsx")).unwrap();
        assert_eq!(again, register);
    }

    #[test]
    fn any_register_check_accepts_round_trips_through_a_workbook() {
        for seed in 1..=25 {
            let register = crate::hostile::register(seed);
            let bytes = export_bytes(&register).unwrap();
            let again = import_bytes(&bytes, Path::new("out.xlsx"))
                .unwrap_or_else(|err| panic!("seed {seed}: {err}"));
            assert_eq!(again, register, "seed {seed}");
            let update = update_bytes(&bytes, Path::new("out.xlsx"), &register, false).unwrap();
            assert_eq!(
                update.register, register,
                "seed {seed}: --into changes nothing"
            );
            assert!(update.missing.is_empty(), "seed {seed}");
        }
    }

    #[test]
    fn problems_are_named_by_sheet_and_cell() {
        let register = dpia_core::synthetic::register(3, 3);
        let mut broken = register.clone();
        broken.entries[1].impacts[0].note = "fine".to_owned();
        let bytes = export_bytes(&broken).unwrap();
        // Change cells through a second workbook written by hand: an Impacts row with a bad score.
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.set_name("Entries").unwrap();
        for (col, header) in (0u16..).zip(["id", "system", "issue", "votes"]) {
            sheet.write_string(0, col, header).unwrap();
        }
        for (col, value) in (0u16..).zip(["PND-001", "PND", "An issue", "many"]) {
            sheet.write_string(1, col, value).unwrap();
        }
        let impacts = workbook.add_worksheet();
        impacts.set_name("Impacts").unwrap();
        for (col, header) in
            (0u16..).zip(["entry", "right", "inherent_severity", "inherent_likelihood"])
        {
            impacts.write_string(0, col, header).unwrap();
        }
        for (col, value) in (0u16..).zip(["PND-001", "privacy", "5", "2"]) {
            impacts.write_string(1, col, value).unwrap();
        }
        let hand = workbook.save_to_buffer().unwrap();
        let err = import_bytes(&hand, Path::new("in.xlsx"))
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "in.xlsx:Entries!D2: votes: `many` is not a whole number\nin.xlsx:Impacts!C2: `5` is not 1 to 4"
        );
        assert!(import_bytes(&bytes, Path::new("ok.xlsx")).is_ok());
    }
}
