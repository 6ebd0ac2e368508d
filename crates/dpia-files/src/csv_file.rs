//! CSV import and export: one row per entry, in the columns spreadsheets already use, as Excel and
//! LibreOffice Calc write and read them.
//!
//! Export writes a UTF-8 byte-order mark (so spreadsheets read Welsh as Welsh), CRLF row ends, and
//! neutralises every cell that a spreadsheet would run as a formula (one starting `=`, `+`, `-`, `@`,
//! tab or CR) with a leading `'`, which import takes off again, so the round trip stays lossless.
//! Import takes the file with or without the mark, comma- or semicolon-separated (whichever the
//! header uses), CRLF or LF. It is all or nothing: every bad row is reported as `file:row: problem`,
//! the row numbered as a spreadsheet numbers it (the header is row 1) however many line breaks its
//! cells hold, and nothing is changed. What a cell may hold is `entry_rows`' business.

use std::path::{Path, PathBuf};

use super::entry_rows::{self, Columns, ParsedRow, Update};
use super::problem::{Problem, Problems};
use super::{LoadError, SaveError, atomic, limits};
use dpia_core::register::Register;

pub use super::entry_rows::COLUMNS;

/// The UTF-8 byte-order mark export starts with.
const BOM: &str = "\u{feff}";

/// Why a CSV could not be imported. Nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read: the operating system's error, or a file too large
    /// (`limits`).
    #[error(transparent)]
    Read(#[from] LoadError),
    /// The header row is wrong: unknown or missing columns.
    #[error("{}:1: {problem}", path.display())]
    Header {
        /// The file.
        path: PathBuf,
        /// What is wrong with the header.
        problem: Problem,
    },
    /// Some rows are wrong; each is listed.
    #[error("{}", crate::error::Listing { path, problems })]
    Rows {
        /// The file.
        path: PathBuf,
        /// Each bad row's number (header = 1) and what is wrong with it, in file order.
        problems: Vec<(u64, Problems)>,
    },
}

/// Reads the CSV at `path` and returns `register` with its rows added as entries.
pub fn import(path: &Path, register: &Register) -> Result<Register, ImportError> {
    import_bytes(&read(path)?, path, register)
}

/// Reads the CSV at `path` and updates `register` by id (see `entry_rows::update_rows`).
pub fn update(
    path: &Path,
    register: &Register,
    remove_missing: bool,
) -> Result<Update, ImportError> {
    update_bytes(&read(path)?, path, register, remove_missing)
}

fn read(path: &Path) -> Result<Vec<u8>, ImportError> {
    // Bounded as every reader is: a file too large is refused before it is read.
    Ok(limits::read_bytes(path)?)
}

/// Parses CSV text and returns `register` with its rows added; `path` is used in messages only.
pub fn import_text(text: &str, path: &Path, register: &Register) -> Result<Register, ImportError> {
    import_bytes(text.as_bytes(), path, register)
}

/// Parses CSV bytes and returns `register` with its rows added; `path` is used in messages only.
pub fn import_bytes(
    bytes: &[u8],
    path: &Path,
    register: &Register,
) -> Result<Register, ImportError> {
    let rows = parse(bytes, path, register)?;
    entry_rows::add_rows(register, rows).map_err(|problems| rows_error(path, problems))
}

/// Parses CSV bytes and updates `register` by id; `path` is used in messages only.
pub fn update_bytes(
    bytes: &[u8],
    path: &Path,
    register: &Register,
    remove_missing: bool,
) -> Result<Update, ImportError> {
    let rows = parse(bytes, path, register)?;
    entry_rows::update_rows(register, rows, remove_missing)
        .map_err(|problems| rows_error(path, problems))
}

fn rows_error(path: &Path, problems: Vec<(u64, Problem)>) -> ImportError {
    row_problems(
        path,
        problems
            .into_iter()
            .map(|(row, p)| (row, p.into()))
            .collect(),
    )
}

fn row_problems(path: &Path, mut problems: Vec<(u64, Problems)>) -> ImportError {
    problems.sort_by_key(|(row, _)| *row);
    ImportError::Rows {
        path: path.to_owned(),
        problems,
    }
}

/// Every row parsed, with its spreadsheet row number; or every problem.
fn parse(
    bytes: &[u8],
    path: &Path,
    register: &Register,
) -> Result<Vec<(u64, ParsedRow)>, ImportError> {
    let header_error = |problem: Problem| ImportError::Header {
        path: path.to_owned(),
        problem,
    };
    let mut records = spreadsheet_rows(bytes);
    let header = match records.next() {
        None => return Err(header_error(Problem::NoHeaderRow)),
        Some((_, Err(problem))) => return Err(header_error(problem)),
        Some((_, Ok(header))) => header,
    };
    let columns =
        Columns::from_header(header.iter().map(String::as_str), &COLUMNS).map_err(header_error)?;
    let width = header.len();

    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for (row, cells) in records {
        let cells = match cells {
            Ok(cells) => cells,
            Err(problem) => {
                problems.push((row, problem.into()));
                continue;
            }
        };
        if cells.iter().all(String::is_empty) {
            continue;
        }
        if cells.len() > width && cells[width..].iter().any(|c| !c.is_empty()) {
            let problem = Problem::TooManyCells {
                cells: cells.len(),
                columns: width,
            };
            problems.push((row, problem.into()));
            continue;
        }
        if let Some(problem) = cells.iter().find_map(|cell| mojibake(cell)) {
            problems.push((row, problem.into()));
            continue;
        }
        match entry_rows::parse_row(&columns, &cells, register) {
            Ok(parsed) => rows.push((row, parsed)),
            Err(found) => problems.push((
                row,
                Problems(found.into_iter().map(|(_, problem)| problem).collect()),
            )),
        }
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(row_problems(path, problems))
    }
}

/// A CSV file's rows as a spreadsheet shows them: each with its row number (the first is 1), its
/// cells decoded as UTF-8 (or why not) and restored where export neutralised a formula; the BOM
/// skipped, `;` or `,` as the header row uses, CRLF or LF.
pub(crate) fn spreadsheet_rows(
    bytes: &[u8],
) -> impl Iterator<Item = (u64, Result<Vec<String>, Problem>)> + '_ {
    let bytes = bytes.strip_prefix(BOM.as_bytes()).unwrap_or(bytes);
    let reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .delimiter(delimiter(bytes))
        .from_reader(bytes);
    reader.into_byte_records().zip(1..).map(|(record, row)| {
        let cells = match record {
            Ok(record) => decode_record(&record),
            Err(err) => Err(Problem::NotCsv {
                message: limits::bounded_message(&err.to_string()),
            }),
        };
        let cells = cells.map(|cells| cells.iter().map(|c| restore(c).to_owned()).collect());
        (row, cells)
    })
}

/// `;` if the header row has more semicolons than commas (outside quotes), else `,`.
fn delimiter(bytes: &[u8]) -> u8 {
    let (mut commas, mut semicolons, mut quoted) = (0, 0, false);
    for &byte in bytes {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

/// A record's cells as text, or why they are not UTF-8.
fn decode_record(record: &csv::ByteRecord) -> Result<Vec<String>, Problem> {
    record
        .iter()
        .map(|cell| {
            std::str::from_utf8(cell)
                .map(str::to_owned)
                .map_err(|_| not_utf8(cell))
        })
        .collect()
}

fn not_utf8(cell: &[u8]) -> Problem {
    let text = limits::excerpt(&String::from_utf8_lossy(cell));
    if looks_like_windows_1252(cell) {
        Problem::Windows1252 { text }
    } else {
        Problem::NotUtf8 { text }
    }
}

/// Whether text that is not UTF-8 reads as Windows-1252: none of the five bytes it leaves undefined.
fn looks_like_windows_1252(bytes: &[u8]) -> bool {
    !bytes
        .iter()
        .any(|b| matches!(b, 0x81 | 0x8d | 0x8f | 0x90 | 0x9d))
}

/// The characters Windows-1252 gives bytes 0x80–0x9F (others are Latin-1); `\0` where undefined.
const WINDOWS_1252_HIGH: [char; 32] = [
    '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', '\0', '‘',
    '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
];

fn windows_1252_byte(c: char) -> Option<u8> {
    match u32::from(c) {
        code @ 0xa0..=0xff => u8::try_from(code).ok(),
        _ => WINDOWS_1252_HIGH
            .iter()
            .position(|&high| high == c && high != '\0')
            .and_then(|idx| u8::try_from(0x80 + idx).ok()),
    }
}

/// A problem if `cell` holds UTF-8 that was read as Windows-1252 and saved again (`Gŵyr` as
/// `GÅµyr`): the text is valid but garbled, so it is refused rather than imported unseen.
fn mojibake(cell: &str) -> Option<Problem> {
    if cell.is_ascii() {
        return None;
    }
    let chars: Vec<char> = cell.chars().collect();
    let mut idx = 0;
    while idx < chars.len() {
        let Some(lead) = windows_1252_byte(chars[idx]).filter(|b| (0xc2..=0xf4).contains(b)) else {
            idx += 1;
            continue;
        };
        let len = match lead {
            0xc2..=0xdf => 2,
            0xe0..=0xef => 3,
            _ => 4,
        };
        let bytes: Option<Vec<u8>> = chars
            .get(idx..idx + len)
            .map(|run| run.iter().map(|&c| windows_1252_byte(c)).collect())
            .and_then(|bytes: Option<Vec<u8>>| bytes);
        if let Some(bytes) = bytes
            && let Ok(meant) = std::str::from_utf8(&bytes)
        {
            return Some(Problem::Garbled {
                garbled: chars[idx..idx + len].iter().collect(),
                meant: meant.to_owned(),
            });
        }
        idx += 1;
    }
    None
}

/// Whether a spreadsheet would read `text` as a formula, so export marks it with a leading `'`:
/// it starts with `=`, `+`, `-`, `@`, tab or CR, or with `'` before text that is so marked.
fn needs_mark(text: &str) -> bool {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => true,
        Some('\'') => needs_mark(&text[1..]),
        _ => false,
    }
}

/// A cell as exported: marked if a spreadsheet would run it.
fn neutralise(text: &str) -> std::borrow::Cow<'_, str> {
    if needs_mark(text) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// A cell as imported: the export's mark taken off.
fn restore(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if needs_mark(rest) => rest,
        _ => text,
    }
}

/// The register's entries as CSV text, columns in `COLUMNS` order, with a byte-order mark and CRLF
/// row ends, formula-leading cells neutralised.
pub fn export_text(register: &Register) -> Result<String, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(COLUMNS)?;
    for entry in &register.entries {
        writer.write_record(
            entry_rows::export_row(entry)
                .iter()
                .map(|c| neutralise(c).into_owned()),
        )?;
    }
    let bytes = writer
        .into_inner()
        .map_err(csv::IntoInnerError::into_error)?;
    Ok(format!("{BOM}{}", String::from_utf8_lossy(&bytes)))
}

/// Writes the register's entries as CSV to `path`, atomically; a new file gets the permissions of
/// `like` (the register file), where there is one.
pub fn export(register: &Register, path: &Path, like: Option<&Path>) -> Result<(), SaveError> {
    let text = export_text(register).map_err(|err| SaveError::Serialize {
        path: path.to_owned(),
        message: err.to_string(),
    })?;
    match like {
        Some(like) => atomic::write_like(path, text.as_bytes(), like),
        None => atomic::write(path, text.as_bytes()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dpia_core::register::{Assessment, EntryId, Field, MitigationStatus};

    const CSV: &str = "\
id,system,category,issue,concern,mitigation,mitigation_status,owner,impacts,residual_impacts,must_have,votes,source,confidential
PND-001,PND,custody images,Images of the unconvicted,Kept after no further action,\"Review on request
Automated deletion\",\"implemented
proposed\",\"Home Office
\",privacy=3x4; liberty=2x2,privacy=2x2,yes,3,\"Custody images update v1.0, 2019-04-08\",concern; owner
,NRMP,missing persons,Register of missing persons,Sharing with charities,,,,privacy=2x3,,no,0,,
";

    fn import(text: &str) -> Result<Register, ImportError> {
        import_text(text, Path::new("in.csv"), &Register::default())
    }

    #[test]
    fn imports_rows_into_entries() {
        let register = import(CSV).unwrap();
        assert_eq!(register.entries.len(), 2);
        let first = &register.entries[0];
        assert_eq!(first.mitigations.len(), 2);
        assert_eq!(first.mitigations[1].status, MitigationStatus::Proposed);
        assert_eq!(first.mitigations[0].owner, "Home Office");
        assert_eq!(first.mitigations[1].owner, "");
        assert_eq!(first.impacts[0].residual, Assessment::from_values(2, 2));
        assert!(first.must_have);
        assert_eq!(first.source.date, Some(jiff::civil::date(2019, 4, 8)));
        assert!(first.is_confidential(Field::Owner));
        assert_eq!(
            register.entries[1].id.as_str(),
            "NRMP-001",
            "a blank id is generated"
        );
        let systems: Vec<&str> = register.systems.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(systems, ["PND", "NRMP"], "systems are created");
    }

    #[test]
    fn blank_ids_are_issued_in_row_order_and_never_clash_with_a_later_row() {
        let text = "id,system,issue,impacts\n\
            ,PND,First,privacy=2x2\n\
            PND-001,PND,Second,privacy=2x2\n\
            ,PND,Third,privacy=2x2\n\
            PND-007,PND,Fourth,privacy=2x2\n\
            ,PND,Fifth,privacy=2x2\n\
            ,HOB,Sixth,privacy=2x2\n";
        let register = import(text).unwrap();
        let ids: Vec<&str> = register.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "PND-002", "PND-001", "PND-003", "PND-007", "PND-008", "HOB-001"
            ],
            "a blank id takes the next number not given to any row (before: the first row took \
             PND-001 too)"
        );
    }

    #[test]
    fn csv_model_csv_round_trips() {
        let register = import(CSV).unwrap();
        let text = export_text(&register).unwrap();
        let again = import_text(&text, Path::new("out.csv"), &Register::default()).unwrap();
        assert_eq!(again.entries, register.entries);
        assert_eq!(export_text(&again).unwrap(), text);
    }

    #[test]
    fn unknown_columns_are_named() {
        let err = import("id,system,issue,colour\n").unwrap_err().to_string();
        assert!(
            err.starts_with("in.csv:1: unknown column `colour`"),
            "{err}"
        );
    }

    #[test]
    fn every_bad_row_is_reported_and_nothing_added() {
        let text = "\
system,issue,impacts,votes
PND,ok,privacy=1x1,1
PND,,flying=2x2,many
PND,fine,privacy=5x1,
PND,also fine,,
";
        let err = import(text).unwrap_err().to_string();
        assert_eq!(
            err,
            "in.csv:3: the issue is empty; impacts: right `flying` is neither in the register nor in the default catalogue; votes: `many` is not a whole number\n\
             in.csv:4: impacts: `privacy=5x1`: severity and likelihood are each 1 to 4"
        );
    }

    #[test]
    fn a_source_date_that_is_no_date_is_a_row_problem() {
        let err = import("system,issue,source\nPND,x,\"doc, 2019-02-30\"\nPND,y,2019-13-01\n")
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "in.csv:2: source: `2019-02-30` is not a date (YYYY-MM-DD)\n\
             in.csv:3: source: `2019-13-01` is not a date (YYYY-MM-DD)"
        );
    }

    #[test]
    fn a_source_is_a_document_a_date_or_both() {
        let register = import(
            "system,issue,source\nPND,x,\"doc, 2019-02-28\"\nPND,y,2020-01-02\nPND,z,\"Minutes, part 2\"\n",
        )
        .unwrap();
        let sources: Vec<(&str, Option<jiff::civil::Date>)> = register
            .entries
            .iter()
            .map(|entry| (entry.source.document.as_str(), entry.source.date))
            .collect();
        assert_eq!(
            sources,
            [
                ("doc", Some(jiff::civil::date(2019, 2, 28))),
                ("", Some(jiff::civil::date(2020, 1, 2))),
                ("Minutes, part 2", None),
            ]
        );
    }

    #[test]
    fn duplicate_ids_are_refused() {
        let err = import("id,system,issue\nA-1,PND,x\nA-1,PND,y\n")
            .unwrap_err()
            .to_string();
        assert_eq!(err, "in.csv:3: id `A-1` is already used");
    }

    #[test]
    fn residual_without_inherent_is_refused() {
        let err = import("system,issue,residual_impacts\nPND,x,privacy=1x1\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("no inherent one"), "{err}");
    }

    #[test]
    fn exports_with_a_bom_and_crlf() {
        let text = export_text(&import(CSV).unwrap()).unwrap();
        assert!(text.starts_with("\u{feff}id,system,"), "{text:.40}");
        assert!(
            text.contains("confidential,acceptance,accepted_by"),
            "{text}"
        );
        assert!(
            text.split('\n').next().unwrap().ends_with('\r'),
            "CRLF row ends"
        );
    }

    #[test]
    fn reads_semicolons_crlf_a_bom_and_headers_as_people_write_them() {
        let text = "\u{feff}ID;System;Issue;Mitigation Status;mitigation;Residual-Impacts;impacts\r\n\
                    PND-001;PND;Gŵyr images;implemented;Review;privacy=1x1;privacy=3x4\r\n\
                    ;PND;\"two\r\nlines\";;;;\r\n";
        let register = import(text).unwrap();
        assert_eq!(register.entries.len(), 2);
        let first = &register.entries[0];
        assert_eq!(first.issue, "Gŵyr images");
        assert_eq!(first.mitigations[0].status, MitigationStatus::Implemented);
        assert_eq!(first.impacts[0].residual, Assessment::from_values(1, 1));
        assert_eq!(
            register.entries[1].issue, "two\r\nlines",
            "cells are kept exactly"
        );
    }

    #[test]
    fn problems_are_at_the_spreadsheet_row_though_cells_hold_line_breaks() {
        let text = "system,issue,mitigation,votes\n\
                    PND,a,\"one\ntwo\nthree\",1\n\
                    PND,b,\"x\ny\",many\n\
                    PND,c,,\n\
                    PND,,,\n";
        let err = import(text).unwrap_err().to_string();
        assert_eq!(
            err,
            "in.csv:3: votes: `many` is not a whole number\nin.csv:5: the issue is empty"
        );
    }

    #[test]
    fn windows_1252_is_named_with_how_to_re_save() {
        let mut bytes = b"system,issue\nPND,G".to_vec();
        bytes.push(0xea); // ê in Windows-1252
        bytes.extend_from_slice(b"r\nPND,fine\n");
        let err = import_bytes(&bytes, Path::new("in.csv"), &Register::default())
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with(
                "in.csv:2: `G\u{fffd}r` is not UTF-8 text: the file looks like Windows-1252"
            ),
            "{err}"
        );
        assert!(err.contains("CSV UTF-8"), "{err}");
    }

    #[test]
    fn utf8_garbled_by_a_wrong_character_set_is_refused() {
        let err = import("system,issue\nPND,ok\nPND,GÅµyr\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("in.csv:3: `Åµ` looks like `ŵ` garbled"),
            "{err}"
        );
        assert!(
            import("system,issue\nPND,Café São Paulo ŵ £5 – ok\n").is_ok(),
            "real accents pass"
        );
    }

    #[test]
    fn formula_cells_are_neutralised_and_restored() {
        let mut register = import(CSV).unwrap();
        let texts = [
            "=HYPERLINK(\"x\")",
            "+1",
            "-2",
            "@SUM(A1)",
            "\tTab",
            "\rCR",
            "'=already",
            "'plain",
            "''=x",
        ];
        for (entry, text) in register.entries.iter_mut().zip(texts.iter().cycle()) {
            (*text).clone_into(&mut entry.concern);
        }
        let first = register.entries[0].clone();
        register
            .entries
            .extend(texts.iter().enumerate().skip(2).map(|(idx, text)| {
                let mut entry = first.clone();
                entry.id = EntryId::parse(&format!("X-{idx}")).unwrap();
                (*text).clone_into(&mut entry.issue);
                (*text).clone_into(&mut entry.concern);
                entry
            }));
        let exported = export_text(&register).unwrap();
        let mut reader = csv::Reader::from_reader(exported.as_bytes());
        for record in reader.records() {
            let record = record.unwrap();
            for cell in &record {
                assert!(
                    !matches!(
                        cell.chars().next(),
                        Some('=' | '+' | '-' | '@' | '\t' | '\r')
                    ),
                    "{cell:?} is neutralised"
                );
            }
        }
        assert!(exported.contains("\"'=HYPERLINK"), "{exported}");
        let again = import_text(&exported, Path::new("out.csv"), &Register::default()).unwrap();
        assert_eq!(again.entries, register.entries);
    }

    #[test]
    fn an_owner_or_status_without_a_mitigation_is_a_problem() {
        let err = import("system,issue,mitigation,owner,mitigation_status\nPND,x,,Home Office,\nPND,y,,,agreed\n")
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "in.csv:2: owner: given, but there is no mitigation for it\n\
             in.csv:3: mitigation_status: given, but there is no mitigation for it"
        );
    }

    #[test]
    fn updating_by_id_changes_adds_and_reports_missing() {
        let register = import(CSV).unwrap();
        let text = "id,system,issue,concern,impacts\n\
                    PND-001,PND,Images of the unconvicted,Changed concern,privacy=4x4\n\
                    ,PND,A new row,,\n";
        let update = update_bytes(text.as_bytes(), Path::new("in.csv"), &register, false).unwrap();
        let ids: Vec<&str> = update
            .register
            .entries
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(ids, ["PND-001", "NRMP-001", "PND-002"]);
        assert_eq!(update.register.entries[0].concern, "Changed concern");
        assert_eq!(
            update.register.entries[0].impacts[0].inherent,
            Assessment::from_values(4, 4).unwrap()
        );
        assert_eq!(update.missing, [EntryId::parse("NRMP-001").unwrap()]);
        let removed = update_bytes(text.as_bytes(), Path::new("in.csv"), &register, true).unwrap();
        let ids: Vec<&str> = removed
            .register
            .entries
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(ids, ["PND-001", "PND-002"]);
        let err = update_bytes(
            b"id,system,issue\nPND-009,PND,x\n",
            Path::new("in.csv"),
            &register,
            false,
        )
        .unwrap_err()
        .to_string();
        assert_eq!(
            err,
            "in.csv:2: id `PND-009` is not in the register; leave the id blank for a new entry"
        );
    }

    #[test]
    fn any_register_check_accepts_round_trips_through_csv() {
        for seed in 1..=60 {
            let register = crate::hostile::register(seed);
            assert!(
                dpia_core::check::check(&register).is_empty(),
                "seed {seed}: {:?}",
                dpia_core::check::check(&register)
            );
            let text = export_text(&register).unwrap();
            let mut empty = register.clone();
            empty.entries.clear();
            let again = import_text(&text, Path::new("out.csv"), &empty)
                .unwrap_or_else(|err| panic!("seed {seed}: {err}\n{text}"));
            assert_eq!(again, register, "seed {seed}");
            let update =
                update_bytes(text.as_bytes(), Path::new("out.csv"), &register, false).unwrap();
            assert_eq!(
                update.register, register,
                "seed {seed}: --into changes nothing"
            );
            assert!(update.missing.is_empty(), "seed {seed}");
        }
    }
}
