//! CSV import and export: one row per entry, in the columns spreadsheets already use.
//!
//! Import is all or nothing: every bad row is reported as `file:row: problem` and nothing is added.
//! Rows are numbered as a spreadsheet numbers them (the header is row 1), counting the row's first line.

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use super::{LoadError, SaveError, atomic, limits};
use dpia_core::register::{
    Assessment, Entry, EntryId, Field, Impact, Mitigation, MitigationStatus, Register, RightId,
    Scale, Source, Stage, System, SystemId, default_right,
};

/// The columns, in the order export writes them. Import takes them in any order.
pub const COLUMNS: [&str; 14] = [
    "id",
    "system",
    "category",
    "issue",
    "concern",
    "mitigation",
    "mitigation_status",
    "owner",
    "impacts",
    "residual_impacts",
    "must_have",
    "votes",
    "source",
    "confidential",
];

/// The columns a CSV must have; the others may be left out.
const REQUIRED_COLUMNS: [&str; 2] = ["system", "issue"];

/// Why a CSV could not be imported. Nothing was added to the register.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read: the operating system's error, a file too large, or text that
    /// is not UTF-8 (at its line and column).
    #[error(transparent)]
    Read(#[from] LoadError),
    /// The header row is wrong: unknown or missing columns.
    #[error("{}:1: {message}", path.display())]
    Header {
        /// The file.
        path: PathBuf,
        /// What is wrong with the header.
        message: String,
    },
    /// Some rows are wrong; each is listed.
    #[error("{}", RowProblems { path, problems })]
    Rows {
        /// The file.
        path: PathBuf,
        /// Each bad row's number and what is wrong with it, in file order.
        problems: Vec<(u64, String)>,
    },
}

struct RowProblems<'a> {
    path: &'a Path,
    problems: &'a [(u64, String)],
}

impl fmt::Display for RowProblems<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (idx, (row, message)) in self.problems.iter().enumerate() {
            if idx > 0 {
                writeln!(f)?;
            }
            write!(f, "{}:{row}: {message}", self.path.display())?;
        }
        Ok(())
    }
}

/// Reads the CSV at `path` and returns `register` with its rows added as entries.
pub fn import(path: &Path, register: &Register) -> Result<Register, ImportError> {
    let text = limits::read_text(path)?;
    import_text(&text, path, register)
}

/// Parses CSV text and returns `register` with its rows added; `path` is used in messages only.
pub fn import_text(text: &str, path: &Path, register: &Register) -> Result<Register, ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header_error = |message: String| ImportError::Header {
        path: path.to_owned(),
        message: limits::bounded_message(&message),
    };
    let headers = reader
        .headers()
        .map_err(|err| header_error(err.to_string()))?
        .clone();
    let columns = Columns::from_header(&headers).map_err(header_error)?;

    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => {
                let row = record.position().map_or(0, csv::Position::line);
                match parse_row(&columns, &record, register) {
                    Ok(parsed) => rows.push((row, parsed)),
                    Err(message) => problems.push((row, limits::bounded_message(&message))),
                }
            }
            Err(err) => {
                let row = err.position().map_or(0, csv::Position::line);
                problems.push((row, limits::bounded_message(&err.to_string())));
            }
        }
    }

    // Explicit ids must be new to the register and to the file.
    let mut ids: BTreeSet<EntryId> = register.entries.iter().map(|e| e.id.clone()).collect();
    for (row, parsed) in &rows {
        if let Some(id) = &parsed.entry.id_given
            && !ids.insert(id.clone())
        {
            problems.push((*row, format!("id `{id}` is already used")));
        }
    }
    if !problems.is_empty() {
        problems.sort_by_key(|(row, _)| *row);
        return Err(ImportError::Rows {
            path: path.to_owned(),
            problems,
        });
    }

    let mut register = register.clone();
    for (_, parsed) in rows {
        add_row(&mut register, parsed);
    }
    Ok(register)
}

/// The register's entries as CSV text, columns in `COLUMNS` order.
pub fn export_text(register: &Register) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(COLUMNS)?;
    for entry in &register.entries {
        writer.write_record(export_row(entry))?;
    }
    let bytes = writer
        .into_inner()
        .map_err(csv::IntoInnerError::into_error)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
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

/// Where each known column is in the file.
struct Columns {
    positions: Vec<(usize, &'static str)>,
}

impl Columns {
    fn from_header(headers: &csv::StringRecord) -> Result<Self, String> {
        let mut positions = Vec::new();
        let mut unknown = Vec::new();
        for (idx, name) in headers.iter().enumerate() {
            let name = name.trim();
            match COLUMNS
                .iter()
                .find(|column| column.eq_ignore_ascii_case(name))
            {
                Some(column) if positions.iter().any(|(_, c)| c == column) => {
                    return Err(format!("column `{column}` appears twice"));
                }
                Some(column) => positions.push((idx, *column)),
                None => unknown.push(format!("`{}`", limits::excerpt(name))),
            }
        }
        if !unknown.is_empty() {
            return Err(format!(
                "unknown column{} {}; the columns are: {}",
                if unknown.len() == 1 { "" } else { "s" },
                unknown.join(", "),
                COLUMNS.join(", ")
            ));
        }
        let missing: Vec<&str> = REQUIRED_COLUMNS
            .into_iter()
            .filter(|required| !positions.iter().any(|(_, c)| c == required))
            .collect();
        if !missing.is_empty() {
            return Err(format!(
                "missing column{} {}",
                if missing.len() == 1 { "" } else { "s" },
                missing.join(", ")
            ));
        }
        Ok(Self { positions })
    }

    fn get<'r>(&self, record: &'r csv::StringRecord, column: &str) -> &'r str {
        self.positions
            .iter()
            .find(|(_, c)| *c == column)
            .and_then(|(idx, _)| record.get(*idx))
            .unwrap_or("")
    }
}

/// A row that parsed, waiting for its id and system to be settled.
struct ParsedRow {
    entry: EntryDraft,
    new_rights: Vec<RightId>,
}

struct EntryDraft {
    id_given: Option<EntryId>,
    entry: Entry,
}

fn parse_row(
    columns: &Columns,
    record: &csv::StringRecord,
    register: &Register,
) -> Result<ParsedRow, String> {
    let cell = |name: &str| columns.get(record, name).trim();
    let mut messages = Vec::new();

    let id_given = match cell("id") {
        "" => None,
        text => EntryId::parse(text)
            .map_err(|err| messages.push(err.to_string()))
            .ok(),
    };
    let system = SystemId::parse(cell("system"))
        .map_err(|err| messages.push(format!("system: {err}")))
        .ok();
    let issue = cell("issue");
    if issue.is_empty() {
        messages.push("the issue is empty".to_owned());
    }

    let mut new_rights = Vec::new();
    let mut resolve_right = |text: &str| -> Result<RightId, String> {
        let id = RightId::parse(text).map_err(|err| err.to_string())?;
        if register.right(&id).is_some() || new_rights.contains(&id) {
            Ok(id)
        } else if default_right(&id).is_some() {
            new_rights.push(id.clone());
            Ok(id)
        } else {
            Err(format!(
                "right `{id}` is neither in the register nor in the default catalogue"
            ))
        }
    };
    let mut impacts = Vec::new();
    match parse_impacts(cell("impacts"), &mut resolve_right) {
        Ok(list) => {
            impacts = list
                .into_iter()
                .map(|(right, a)| Impact::new(right, a))
                .collect();
        }
        Err(err) => messages.push(format!("impacts: {err}")),
    }
    match parse_impacts(cell("residual_impacts"), &mut resolve_right) {
        Ok(list) => {
            for (right, assessment) in list {
                match impacts.iter_mut().find(|impact: &&mut Impact| impact.right == right) {
                    Some(impact) => impact.residual = Some(assessment),
                    None => messages.push(format!(
                        "residual_impacts: `{right}` has a residual score but no inherent one in impacts"
                    )),
                }
            }
        }
        Err(err) => messages.push(format!("residual_impacts: {err}")),
    }

    // Line-based cells keep their blank lines: `A\n` is an owner for the first mitigation only.
    let raw = |name: &str| columns.get(record, name);
    let mitigations = parse_mitigations(raw("mitigation"), raw("mitigation_status"), raw("owner"))
        .map_err(|err| messages.push(err))
        .unwrap_or_default();
    let must_have = parse_yes_no(cell("must_have"))
        .map_err(|err| messages.push(format!("must_have: {err}")))
        .unwrap_or_default();
    let votes = match cell("votes") {
        "" => 0,
        text => text
            .parse()
            .map_err(|_| messages.push(format!("votes: `{text}` is not a whole number")))
            .unwrap_or_default(),
    };
    let source = parse_source(cell("source"))
        .map_err(|err| messages.push(format!("source: {err}")))
        .unwrap_or_default();
    let confidential = parse_confidential(cell("confidential"))
        .map_err(|err| messages.push(format!("confidential: {err}")))
        .unwrap_or_default();

    let (Some(system), true) = (system, messages.is_empty()) else {
        return Err(messages.join("; "));
    };
    let mut entry = Entry::new(
        id_given
            .clone()
            .unwrap_or_else(|| EntryId::numbered(&system, 0)),
        system,
        issue,
    );
    cell("category").clone_into(&mut entry.category);
    columns
        .get(record, "concern")
        .trim()
        .clone_into(&mut entry.concern);
    entry.mitigations = mitigations;
    entry.impacts = impacts;
    entry.must_have = must_have;
    entry.votes = votes;
    entry.source = source;
    entry.confidential = confidential;
    Ok(ParsedRow {
        entry: EntryDraft { id_given, entry },
        new_rights,
    })
}

fn add_row(register: &mut Register, parsed: ParsedRow) {
    let mut entry = parsed.entry.entry;
    if register.system(&entry.system).is_none() {
        register.systems.push(System {
            id: entry.system.clone(),
            name: entry.system.to_string(),
            description: String::new(),
        });
    }
    for right in parsed.new_rights {
        if register.right(&right).is_none()
            && let Some(default) = default_right(&right)
        {
            register.rights.push(default);
        }
    }
    entry.id = match parsed.entry.id_given {
        Some(id) => id,
        None => register.issue_entry_id(&entry.system.clone()),
    };
    register.entries.push(entry);
}

/// Parses `privacy=3x4; liberty=2x2`: right id = severity x likelihood.
fn parse_impacts(
    text: &str,
    resolve_right: &mut dyn FnMut(&str) -> Result<RightId, String>,
) -> Result<Vec<(RightId, Assessment)>, String> {
    let mut impacts: Vec<(RightId, Assessment)> = Vec::new();
    for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (right, score) = part
            .split_once('=')
            .ok_or_else(|| format!("`{part}` should read like `privacy=3x4`"))?;
        let right = resolve_right(right.trim())?;
        let (severity, likelihood) =
            score
                .trim()
                .split_once(['x', 'X', '×', '*'])
                .ok_or_else(|| {
                    format!("`{part}` should read like `privacy=3x4` (severity x likelihood)")
                })?;
        let number = |half: &str| half.trim().parse::<u8>().ok();
        let assessment = number(severity)
            .zip(number(likelihood))
            .and_then(|(s, l)| Assessment::from_values(s, l))
            .ok_or_else(|| format!("`{part}`: severity and likelihood are each 1 to 4"))?;
        if impacts.iter().any(|(r, _)| *r == right) {
            return Err(format!("`{right}` is scored twice"));
        }
        impacts.push((right, assessment));
    }
    Ok(impacts)
}

fn cell_lines(text: &str) -> Vec<&str> {
    if text.trim().is_empty() {
        Vec::new()
    } else {
        text.split('\n').map(str::trim).collect()
    }
}

/// One mitigation per line; statuses and owners either one per mitigation, or one for all.
fn parse_mitigations(texts: &str, statuses: &str, owners: &str) -> Result<Vec<Mitigation>, String> {
    let texts: Vec<&str> = cell_lines(texts)
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect();
    let statuses = cell_lines(statuses);
    let owners = cell_lines(owners);
    let spread = |column: &str, values: &[&str]| -> Result<(), String> {
        if values.len() > 1 && values.len() != texts.len() {
            Err(format!(
                "{column}: {} lines for {} mitigations; give one line per mitigation, or one for all",
                values.len(),
                texts.len()
            ))
        } else {
            Ok(())
        }
    };
    spread("mitigation_status", &statuses)?;
    spread("owner", &owners)?;
    texts
        .iter()
        .enumerate()
        .map(|(idx, text)| {
            let status_text = statuses
                .get(idx)
                .or_else(|| statuses.first().filter(|_| statuses.len() == 1));
            let status = match status_text.copied().unwrap_or("") {
                "" => MitigationStatus::Proposed,
                other => MitigationStatus::parse(other).ok_or_else(|| {
                    format!(
                        "mitigation_status: `{other}` is not one of {}",
                        MitigationStatus::ALL.map(MitigationStatus::name).join(", ")
                    )
                })?,
            };
            let owner = owners
                .get(idx)
                .or_else(|| owners.first().filter(|_| owners.len() == 1));
            Ok(Mitigation {
                text: (*text).to_owned(),
                status,
                owner: owner.copied().unwrap_or("").to_owned(),
                due: None,
            })
        })
        .collect()
}

fn parse_yes_no(text: &str) -> Result<bool, String> {
    match text.to_lowercase().as_str() {
        "" | "no" | "n" | "false" | "0" => Ok(false),
        "yes" | "y" | "true" | "1" | "must" | "must-have" | "must have" => Ok(true),
        other => Err(format!("`{other}` is not yes or no")),
    }
}

fn parse_confidential(text: &str) -> Result<BTreeSet<Field>, String> {
    text.split([';', ','])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            Field::parse(part).ok_or_else(|| {
                format!(
                    "`{part}` is not one of {}",
                    Field::ALL.map(Field::name).join(", ")
                )
            })
        })
        .collect()
}

/// `document, YYYY-MM-DD`, or just a document, or just a date.
///
/// A part that is written as a date (`NNNN-NN-NN`) but is no date, such as `2019-02-30`, is an
/// error: read as part of the document's name, the mistake would go unseen.
fn parse_source(text: &str) -> Result<Source, String> {
    let (document, last) = text.rsplit_once(',').unwrap_or(("", text));
    let last = last.trim();
    if !is_written_as_date(last) {
        return Ok(Source {
            document: text.to_owned(),
            date: None,
        });
    }
    let date = last
        .parse()
        .map_err(|_| format!("`{last}` is not a date (YYYY-MM-DD)"))?;
    Ok(Source {
        document: document.trim().to_owned(),
        date: Some(date),
    })
}

/// Whether `text` has the shape of a date, `NNNN-NN-NN`, valid or not.
fn is_written_as_date(text: &str) -> bool {
    text.len() == 10
        && text.char_indices().all(|(idx, c)| match idx {
            4 | 7 => c == '-',
            _ => c.is_ascii_digit(),
        })
}

/// The `impacts` cell at `Inherent`; the `residual_impacts` cell, only the judged residuals, at `Residual`.
fn impacts_cell(entry: &Entry, stage: Stage) -> String {
    entry
        .impacts
        .iter()
        .filter_map(|impact| {
            let assessment = match stage {
                Stage::Inherent => impact.inherent,
                Stage::Residual => impact.residual?,
            };
            Some(format!(
                "{}={}x{}",
                impact.right,
                assessment.severity.value(),
                assessment.likelihood.value()
            ))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn export_row(entry: &Entry) -> [String; 14] {
    let lines = |f: &dyn Fn(&Mitigation) -> String| -> String {
        entry
            .mitigations
            .iter()
            .map(f)
            .collect::<Vec<_>>()
            .join("\n")
    };
    let owners = if entry.mitigations.iter().all(|m| m.owner.is_empty()) {
        String::new()
    } else {
        lines(&|m| m.owner.clone())
    };
    [
        entry.id.to_string(),
        entry.system.to_string(),
        entry.category.clone(),
        entry.issue.clone(),
        entry.concern.clone(),
        lines(&|m| m.text.replace('\n', " ")),
        lines(&|m| m.status.name().to_owned()),
        owners,
        impacts_cell(entry, Stage::Inherent),
        impacts_cell(entry, Stage::Residual),
        if entry.must_have { "yes" } else { "no" }.to_owned(),
        entry.votes.to_string(),
        entry.source.to_string(),
        entry
            .confidential
            .iter()
            .map(|f| f.name())
            .collect::<Vec<_>>()
            .join("; "),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
