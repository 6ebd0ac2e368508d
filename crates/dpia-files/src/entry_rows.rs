//! Entries as rows of text cells, and back: what the CSV file and the workbook's Entries sheet share.
//!
//! The rule (proved by the CSV property test): every entry of a register that `check` accepts
//! becomes a row that reads back as the same entry. Free text is kept exactly (no trimming); cells
//! that hold one line per item (mitigations, owners, statuses, due dates, impact notes, affected
//! groups) escape a line break inside an item as `\n`, a carriage return as `\r`, an empty item as
//! `\e`, and a backslash before any of those as `\\`; any other backslash is itself.
//! This module does no I/O.

use std::collections::BTreeSet;

use dpia_core::register::{
    AcceptanceDecision, Assessment, Balancing, Benefit, Entry, EntryId, EntryIds, Field, Impact,
    Mitigation, MitigationStatus, PolicingPurpose, PurposeBenefit, Register, RightId,
    RiskAcceptance, Scale, Source, Stage, System, SystemId, default_right,
};
use jiff::civil::Date;

use crate::limits::excerpt;
use crate::problem::Problem;

/// The columns, in the order export writes them. Import takes them in any order, names matched
/// ignoring case, spaces, hyphens and underscores.
pub const COLUMNS: [&str; 25] = [
    "id",
    "system",
    "category",
    "issue",
    "concern",
    "mitigation",
    "mitigation_status",
    "owner",
    "mitigation_due",
    "impacts",
    "residual_impacts",
    "impact_notes",
    "balancing",
    "balancing_note",
    "affected_groups",
    "must_have",
    "votes",
    "source",
    "source_date",
    "confidential",
    "acceptance",
    "accepted_by",
    "accepted_role",
    "accepted_on",
    "acceptance_rationale",
];

/// The columns a sheet must have; the others may be left out.
pub const REQUIRED_COLUMNS: [&str; 2] = ["system", "issue"];

/// The columns about mitigations and impacts, which a workbook keeps on their own sheets.
pub const ITEM_COLUMNS: [&str; 7] = [
    "mitigation",
    "mitigation_status",
    "owner",
    "mitigation_due",
    "impacts",
    "residual_impacts",
    "impact_notes",
];

/// A header name as matched: lower case, without spaces, hyphens and underscores.
pub fn normalise_header(name: &str) -> String {
    name.trim()
        .chars()
        .filter(|c| !matches!(c, '_' | '-' | ' ' | '\u{a0}'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The column a header cell names, if any (`Mitigation Status`, `mitigation-status`, …).
pub fn column_named(name: &str) -> Option<&'static str> {
    let wanted = normalise_header(name);
    if wanted == "mitigations" {
        return Some("mitigation");
    }
    COLUMNS
        .into_iter()
        .find(|column| normalise_header(column) == wanted)
}

/// Where each known column is in a header row.
#[derive(Debug, Clone)]
pub struct Columns {
    positions: Vec<(usize, &'static str)>,
}

impl Columns {
    /// Reads a header row: unknown, repeated or missing columns are refused.
    pub fn from_header<'a>(
        headers: impl IntoIterator<Item = &'a str>,
        allowed: &[&'static str],
    ) -> Result<Self, Problem> {
        let mut positions: Vec<(usize, &'static str)> = Vec::new();
        let mut unknown = Vec::new();
        for (idx, name) in headers.into_iter().enumerate() {
            if name.trim().is_empty() {
                continue;
            }
            match column_named(name).filter(|column| allowed.contains(column)) {
                Some(column) if positions.iter().any(|(_, c)| *c == column) => {
                    return Err(Problem::ColumnTwice { column });
                }
                Some(column) => positions.push((idx, column)),
                None => unknown.push(excerpt(name.trim())),
            }
        }
        if !unknown.is_empty() {
            return Err(Problem::UnknownColumns {
                names: unknown,
                columns: allowed.join(", "),
            });
        }
        let missing: Vec<&str> = REQUIRED_COLUMNS
            .into_iter()
            .filter(|required| !positions.iter().any(|(_, c)| c == required))
            .collect();
        if !missing.is_empty() {
            return Err(Problem::MissingColumns {
                count: missing.len(),
                columns: missing.join(", "),
            });
        }
        Ok(Self { positions })
    }

    /// The position of `column` in the row, if the header has it.
    pub fn position(&self, column: &str) -> Option<usize> {
        self.positions
            .iter()
            .find(|(_, c)| *c == column)
            .map(|(idx, _)| *idx)
    }

    /// The cell of `column` in `row`, or "" if the header lacks it.
    pub fn get<'r>(&self, row: &'r [String], column: &str) -> &'r str {
        self.position(column)
            .and_then(|idx| row.get(idx))
            .map_or("", String::as_str)
    }
}

/// One problem with a row: the column it is in (if one), and what is wrong.
pub type CellProblem = (Option<&'static str>, Problem);

/// A row that parsed: the entry, with the id it was given (blank: a new entry).
#[derive(Debug, Clone)]
pub struct ParsedRow {
    /// The id in the row, if one.
    pub id_given: Option<EntryId>,
    /// The entry; its id is a placeholder when `id_given` is `None`.
    pub entry: Entry,
}

/// An entry as cells, in `COLUMNS` order.
pub fn export_row(entry: &Entry) -> [String; 25] {
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
        lines(&|m| escape_item(&m.owner, false))
    };
    let dues = if entry.mitigations.iter().all(|m| m.due.is_none()) {
        String::new()
    } else {
        lines(&|m| m.due.map(|d| d.to_string()).unwrap_or_default())
    };
    let acceptance = entry.acceptance.as_ref();
    [
        entry.id.to_string(),
        entry.system.to_string(),
        entry.category.clone(),
        entry.issue.clone(),
        entry.concern.clone(),
        lines(&|m| escape_item(&m.text, false)),
        lines(&|m| m.status.name().to_owned()),
        owners,
        dues,
        impacts_cell(entry, Stage::Inherent),
        impacts_cell(entry, Stage::Residual),
        entry
            .impacts
            .iter()
            .filter(|impact| !impact.note.is_empty())
            .map(|impact| format!("{}: {}", impact.right, escape_item(&impact.note, false)))
            .collect::<Vec<_>>()
            .join("\n"),
        entry
            .balancing
            .purposes
            .iter()
            .map(|p| format!("{}={}", p.purpose.name(), p.benefit.value()))
            .collect::<Vec<_>>()
            .join("; "),
        entry.balancing.note.clone(),
        entry
            .affected_groups
            .iter()
            .map(|group| escape_item(group, true))
            .collect::<Vec<_>>()
            .join("\n"),
        yes_no(entry.must_have).to_owned(),
        entry.votes.to_string(),
        entry.source.document.clone(),
        entry.source.date.map(|d| d.to_string()).unwrap_or_default(),
        entry
            .confidential
            .iter()
            .map(|f| f.name())
            .collect::<Vec<_>>()
            .join("; "),
        acceptance.map_or_else(String::new, |a| a.decision.name().to_owned()),
        acceptance.map_or_else(String::new, |a| a.name.clone()),
        acceptance.map_or_else(String::new, |a| a.role.clone()),
        acceptance.map_or_else(String::new, |a| a.date.to_string()),
        acceptance.map_or_else(String::new, |a| a.rationale.clone()),
    ]
}

/// `yes` or `no`.
pub fn yes_no(value: bool) -> &'static str {
    if value { "yes" } else { "no" }
}

/// Parses one row. Rights not in the register but in the default catalogue are allowed (they are
/// added with the entry); any other right is a problem.
pub fn parse_row(
    columns: &Columns,
    row: &[String],
    register: &Register,
) -> Result<ParsedRow, Vec<CellProblem>> {
    let raw = |name: &str| columns.get(row, name);
    let cell = |name: &str| raw(name).trim();
    let mut problems: Vec<CellProblem> = Vec::new();
    let mut problem = |column: &'static str, problem: Problem| {
        problems.push((Some(column), problem));
    };

    let id_given = match cell("id") {
        "" => None,
        text => EntryId::parse(text)
            .map_err(|err| problem("id", err.into()))
            .ok(),
    };
    let system = SystemId::parse(cell("system"))
        .map_err(|err| problem("system", Problem::from(err).in_column("system")))
        .ok();
    let issue = raw("issue");
    if issue.trim().is_empty() {
        problem("issue", Problem::IssueEmpty);
    }

    let impacts = parse_impact_cells(columns, row, register, &mut problem);

    let mitigations = match parse_mitigations(
        raw("mitigation"),
        raw("mitigation_status"),
        raw("owner"),
        raw("mitigation_due"),
    ) {
        Ok(list) => list,
        Err((column, err)) => {
            problem(column, err.in_column(column));
            Vec::new()
        }
    };
    let balancing = Balancing {
        purposes: parse_balancing(cell("balancing"))
            .map_err(|err| problem("balancing", err.in_column("balancing")))
            .unwrap_or_default(),
        note: raw("balancing_note").to_owned(),
    };
    let affected_groups = if raw("affected_groups").is_empty() {
        Vec::new()
    } else {
        item_lines(raw("affected_groups"))
            .into_iter()
            .map(unescape_item)
            .collect()
    };
    let must_have = parse_yes_no(cell("must_have"))
        .map_err(|err| problem("must_have", err.in_column("must_have")))
        .unwrap_or_default();
    let votes = parse_votes(cell("votes"))
        .map_err(|err| problem("votes", err.in_column("votes")))
        .unwrap_or_default();
    let source = if columns.position("source_date").is_some() {
        Source {
            document: raw("source").to_owned(),
            date: parse_date(cell("source_date"))
                .map_err(|err| problem("source_date", err.in_column("source_date")))
                .unwrap_or_default(),
        }
    } else {
        parse_source(cell("source"))
            .map_err(|err| problem("source", err.in_column("source")))
            .unwrap_or_default()
    };
    let confidential = parse_confidential(cell("confidential"))
        .map_err(|err| problem("confidential", err.in_column("confidential")))
        .unwrap_or_default();
    let acceptance = parse_acceptance(columns, row)
        .map_err(|(column, err)| problem(column, err.in_column(column)))
        .unwrap_or_default();

    let (Some(system), true) = (system, problems.is_empty()) else {
        return Err(problems);
    };
    let mut entry = Entry::new(
        id_given
            .clone()
            .unwrap_or_else(|| EntryId::numbered(&system, 0)),
        system,
        issue,
    );
    raw("category").clone_into(&mut entry.category);
    raw("concern").clone_into(&mut entry.concern);
    entry.mitigations = mitigations;
    entry.impacts = impacts;
    entry.balancing = balancing;
    entry.affected_groups = affected_groups;
    entry.must_have = must_have;
    entry.votes = votes;
    entry.source = source;
    entry.confidential = confidential;
    entry.acceptance = acceptance;
    Ok(ParsedRow { id_given, entry })
}

/// The `impacts`, `residual_impacts` and `impact_notes` cells as impacts.
fn parse_impact_cells(
    columns: &Columns,
    row: &[String],
    register: &Register,
    problem: &mut dyn FnMut(&'static str, Problem),
) -> Vec<Impact> {
    let raw = |name: &str| columns.get(row, name);
    let cell = |name: &str| raw(name).trim();
    let resolve_right = |text: &str| -> Result<RightId, Problem> {
        let id = RightId::parse(text)?;
        if register.right(&id).is_some() || default_right(&id).is_some() {
            Ok(id)
        } else {
            Err(Problem::UnknownRight { right: id })
        }
    };
    let mut problem = |column: &'static str, err: Problem| problem(column, err.in_column(column));
    let mut impacts = Vec::new();
    match parse_impacts(cell("impacts"), &resolve_right) {
        Ok(list) => {
            impacts = list
                .into_iter()
                .map(|(right, a)| Impact::new(right, a))
                .collect();
        }
        Err(err) => problem("impacts", err),
    }
    match parse_impacts(cell("residual_impacts"), &resolve_right) {
        Ok(list) => {
            for (right, assessment) in list {
                match impacts
                    .iter_mut()
                    .find(|impact: &&mut Impact| impact.right == right)
                {
                    Some(impact) => impact.residual = Some(assessment),
                    None => problem(
                        "residual_impacts",
                        Problem::ResidualWithoutInherent { right },
                    ),
                }
            }
        }
        Err(err) => problem("residual_impacts", err),
    }
    for line in item_lines(raw("impact_notes")) {
        let Some((right, note)) = line.split_once(':') else {
            problem(
                "impact_notes",
                Problem::NoteShape {
                    text: excerpt(line),
                },
            );
            continue;
        };
        let note = unescape_item(note.strip_prefix(' ').unwrap_or(note));
        match RightId::parse(right) {
            Ok(right) => match impacts.iter_mut().find(|impact| impact.right == right) {
                Some(impact) => impact.note = note,
                None => problem("impact_notes", Problem::NoteWithoutScore { right }),
            },
            Err(err) => problem("impact_notes", err.into()),
        }
    }

    impacts
}

/// Adds what an entry needs to `register`: its system (named by its id) and the default rights it
/// scores.
pub fn add_needs(register: &mut Register, entry: &Entry) {
    if register.system(&entry.system).is_none() {
        register.systems.push(System {
            id: entry.system.clone(),
            name: entry.system.to_string(),
            description: String::new(),
        });
    }
    for impact in &entry.impacts {
        if register.right(&impact.right).is_none()
            && let Some(default) = default_right(&impact.right)
        {
            register.rights.push(default);
        }
    }
}

/// Rows as new entries of `register`: ids given must be new to the register and to the rows;
/// blank ids are issued. Problems are `(row, message)`.
pub fn add_rows(
    register: &Register,
    rows: Vec<(u64, ParsedRow)>,
) -> Result<Register, Vec<(u64, Problem)>> {
    let mut problems = Vec::new();
    let mut ids: BTreeSet<EntryId> = register.entries.iter().map(|e| e.id.clone()).collect();
    for (row, parsed) in &rows {
        if let Some(id) = &parsed.id_given
            && !ids.insert(id.clone())
        {
            problems.push((*row, Problem::IdUsed { id: id.clone() }));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut register = register.clone();
    let mut issuer = EntryIds::of(&register);
    // A row's own id is never issued to an earlier row without one.
    for id in rows
        .iter()
        .filter_map(|(_, parsed)| parsed.id_given.as_ref())
    {
        issuer.reserve(id);
    }
    for (_, parsed) in rows {
        let mut entry = parsed.entry;
        add_needs(&mut register, &entry);
        entry.id = match parsed.id_given {
            Some(id) => {
                issuer.in_use(&id);
                id
            }
            None => issuer.issue(&mut register, &entry.system.clone()),
        };
        register.entries.push(entry);
    }
    Ok(register)
}

/// What updating a register from a sheet did.
#[derive(Debug, Clone)]
pub struct Update {
    /// The register as updated.
    pub register: Register,
    /// Entries of the register that the sheet does not have, in register order.
    pub missing: Vec<EntryId>,
    /// Whether those were removed (`--remove-missing`).
    pub removed_missing: bool,
}

/// Updates `register` by id: a row with an id replaces that entry (in its place); a row without
/// one becomes a new entry; entries the rows lack are reported, and removed if `remove_missing`.
pub fn update_rows(
    register: &Register,
    rows: Vec<(u64, ParsedRow)>,
    remove_missing: bool,
) -> Result<Update, Vec<(u64, Problem)>> {
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    let places: std::collections::BTreeMap<&EntryId, usize> = register
        .entries
        .iter()
        .enumerate()
        .map(|(idx, entry)| (&entry.id, idx))
        .collect();
    for (row, parsed) in &rows {
        if let Some(id) = &parsed.id_given {
            if !places.contains_key(id) {
                problems.push((*row, Problem::IdNotInRegister { id: id.clone() }));
            } else if !seen.insert(id.clone()) {
                problems.push((*row, Problem::IdTwice { id: id.clone() }));
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut updated = register.clone();
    let mut new_entries = Vec::new();
    for (_, parsed) in rows {
        let entry = parsed.entry;
        add_needs(&mut updated, &entry);
        match parsed.id_given {
            Some(id) => {
                if let Some(place) = places
                    .get(&id)
                    .and_then(|idx| updated.entries.get_mut(*idx))
                {
                    *place = entry;
                }
            }
            None => new_entries.push(entry),
        }
    }
    let mut issuer = EntryIds::of(&updated);
    for mut entry in new_entries {
        entry.id = issuer.issue(&mut updated, &entry.system.clone());
        updated.entries.push(entry);
    }
    let missing: Vec<EntryId> = register
        .entries
        .iter()
        .filter(|entry| !seen.contains(&entry.id))
        .map(|entry| entry.id.clone())
        .collect();
    if remove_missing {
        updated
            .entries
            .retain(|entry| seen.contains(&entry.id) || !places.contains_key(&entry.id));
    }
    Ok(Update {
        register: updated,
        missing,
        removed_missing: remove_missing,
    })
}

/// One item of a one-line-per-item cell, escaped (see the module doc). `empty_marked`: write an
/// empty item as `\e` (where the count of items is not known from another cell).
pub fn escape_item(text: &str, empty_marked: bool) -> String {
    if text.is_empty() && empty_marked {
        return "\\e".to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\\' => {
                out.push('\\');
                if matches!(chars.peek(), Some('\\' | 'n' | 'r' | 'e' | '\n' | '\r')) {
                    out.push('\\');
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// The text of an escaped item.
pub fn unescape_item(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.peek() {
            Some('\\') => out.push('\\'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('e') => {}
            _ => {
                out.push('\\');
                continue;
            }
        }
        chars.next();
    }
    out
}

/// The lines of a one-line-per-item cell (a CR before each line break, as some spreadsheets
/// write, is dropped); an empty cell has none.
fn item_lines(text: &str) -> Vec<&str> {
    if text.is_empty() {
        Vec::new()
    } else {
        text.split('\n')
            .map(|line| line.strip_suffix('\r').unwrap_or(line))
            .collect()
    }
}

/// Parses `privacy=3x4; liberty=2x2`: right id = severity x likelihood.
fn parse_impacts(
    text: &str,
    resolve_right: &dyn Fn(&str) -> Result<RightId, Problem>,
) -> Result<Vec<(RightId, Assessment)>, Problem> {
    let mut impacts: Vec<(RightId, Assessment)> = Vec::new();
    for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (right, score) = part.split_once('=').ok_or_else(|| Problem::ImpactShape {
            text: excerpt(part),
        })?;
        let right = resolve_right(right.trim())?;
        let (severity, likelihood) =
            score
                .trim()
                .split_once(['x', 'X', '×', '*'])
                .ok_or_else(|| Problem::ScoreShape {
                    text: excerpt(part),
                })?;
        let number = |half: &str| half.trim().parse::<u8>().ok();
        let assessment = number(severity)
            .zip(number(likelihood))
            .and_then(|(s, l)| Assessment::from_values(s, l))
            .ok_or_else(|| Problem::ScoreRange {
                text: excerpt(part),
            })?;
        if impacts.iter().any(|(r, _)| *r == right) {
            return Err(Problem::ScoredTwice { right });
        }
        impacts.push((right, assessment));
    }
    Ok(impacts)
}

/// One mitigation per line; statuses, owners and due dates either one per mitigation, or one for
/// all. Whitespace-only lines of the mitigation cell are skipped; a status, owner or due date with
/// no mitigation is a problem.
fn parse_mitigations(
    texts: &str,
    statuses: &str,
    owners: &str,
    dues: &str,
) -> Result<Vec<Mitigation>, (&'static str, Problem)> {
    let texts: Vec<String> = item_lines(texts)
        .into_iter()
        .filter(|t| !t.trim().is_empty())
        .map(unescape_item)
        .collect();
    let statuses = item_lines(statuses);
    let owners = item_lines(owners);
    let dues = item_lines(dues);
    let spread = |column: &'static str, values: &[&str]| -> Result<(), (&'static str, Problem)> {
        let given = values.iter().any(|v| !v.trim().is_empty());
        if texts.is_empty() && given {
            Err((column, Problem::WithoutMitigation))
        } else if values.len() > 1 && values.len() != texts.len() {
            Err((
                column,
                Problem::LinesForMitigations {
                    lines: values.len(),
                    mitigations: texts.len(),
                },
            ))
        } else {
            Ok(())
        }
    };
    spread("mitigation_status", &statuses)?;
    spread("owner", &owners)?;
    spread("mitigation_due", &dues)?;
    let statuses: Vec<String> = statuses.iter().map(|s| (*s).to_owned()).collect();
    let owners: Vec<String> = owners.iter().map(|s| (*s).to_owned()).collect();
    let dues: Vec<String> = dues.iter().map(|s| (*s).to_owned()).collect();
    let pick = |values: &[String], idx: usize| -> Option<String> {
        values
            .get(idx)
            .or_else(|| values.first().filter(|_| values.len() == 1))
            .cloned()
    };
    texts
        .iter()
        .enumerate()
        .map(|(idx, text)| {
            let status = match pick(&statuses, idx).unwrap_or_default().trim() {
                "" => MitigationStatus::Proposed,
                other => MitigationStatus::parse(other).ok_or_else(|| {
                    (
                        "mitigation_status",
                        Problem::NotOneOf {
                            text: excerpt(other),
                            choices: MitigationStatus::ALL.map(MitigationStatus::name).join(", "),
                        },
                    )
                })?,
            };
            let due = parse_date(pick(&dues, idx).unwrap_or_default().trim())
                .map_err(|err| ("mitigation_due", err))?;
            Ok(Mitigation {
                text: text.clone(),
                status,
                owner: unescape_item(&pick(&owners, idx).unwrap_or_default()),
                due,
            })
        })
        .collect()
}

/// `Preventing offences=3; A duty in law=2`.
fn parse_balancing(text: &str) -> Result<Vec<PurposeBenefit>, Problem> {
    let mut purposes: Vec<PurposeBenefit> = Vec::new();
    for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (name, benefit) = part
            .rsplit_once('=')
            .ok_or_else(|| Problem::BalancingShape {
                text: excerpt(part),
            })?;
        let wanted = normalise_header(name);
        let purpose = PolicingPurpose::ALL
            .into_iter()
            .find(|p| normalise_header(p.name()) == wanted)
            .ok_or_else(|| Problem::NotOneOf {
                text: excerpt(name.trim()),
                choices: PolicingPurpose::ALL.map(PolicingPurpose::name).join(", "),
            })?;
        let benefit = benefit
            .trim()
            .parse::<u8>()
            .ok()
            .and_then(Benefit::new)
            .ok_or_else(|| Problem::BenefitRange {
                text: excerpt(part),
            })?;
        if purposes.iter().any(|p| p.purpose == purpose) {
            return Err(Problem::GivenTwice {
                name: purpose.name(),
            });
        }
        purposes.push(PurposeBenefit { purpose, benefit });
    }
    Ok(purposes)
}

fn parse_acceptance(
    columns: &Columns,
    row: &[String],
) -> Result<Option<RiskAcceptance>, (&'static str, Problem)> {
    let raw = |name: &str| columns.get(row, name);
    let decision = raw("acceptance").trim();
    let others = [
        "accepted_by",
        "accepted_role",
        "accepted_on",
        "acceptance_rationale",
    ];
    if decision.is_empty() {
        return match others.into_iter().find(|c| !raw(c).is_empty()) {
            Some(column) => Err(("acceptance", Problem::DecisionMissing { column })),
            None => Ok(None),
        };
    }
    let decision = match normalise_header(decision).as_str() {
        "accepted" | "yes" => AcceptanceDecision::Accepted,
        "notaccepted" | "no" => AcceptanceDecision::NotAccepted,
        _ => {
            return Err((
                "acceptance",
                Problem::NotADecision {
                    text: excerpt(decision),
                },
            ));
        }
    };
    let date = parse_date(raw("accepted_on").trim())
        .map_err(|err| ("accepted_on", err))?
        .ok_or(("accepted_on", Problem::DecisionDateNeeded))?;
    Ok(Some(RiskAcceptance {
        decision,
        name: raw("accepted_by").to_owned(),
        role: raw("accepted_role").to_owned(),
        date,
        rationale: raw("acceptance_rationale").to_owned(),
    }))
}

/// A date as `YYYY-MM-DD`, or none if blank.
pub fn parse_date(text: &str) -> Result<Option<Date>, Problem> {
    if text.is_empty() {
        return Ok(None);
    }
    text.parse().map(Some).map_err(|_| Problem::NotADate {
        text: excerpt(text),
    })
}

/// A count of votes, 0 if blank.
fn parse_votes(text: &str) -> Result<u32, Problem> {
    match text {
        "" => Ok(0),
        text => text.parse().map_err(|_| Problem::NotAWholeNumber {
            text: excerpt(text),
        }),
    }
}

/// Yes or no, as people write them.
pub fn parse_yes_no(text: &str) -> Result<bool, Problem> {
    match text.to_lowercase().as_str() {
        "" | "no" | "n" | "false" | "0" => Ok(false),
        "yes" | "y" | "true" | "1" | "must" | "must-have" | "must have" => Ok(true),
        other => Err(Problem::NotYesNo {
            text: excerpt(other),
        }),
    }
}

fn parse_confidential(text: &str) -> Result<BTreeSet<Field>, Problem> {
    text.split([';', ','])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            Field::parse(part).ok_or_else(|| Problem::NotOneOf {
                text: excerpt(part),
                choices: Field::ALL.map(Field::name).join(", "),
            })
        })
        .collect()
}

/// `document, YYYY-MM-DD`, or just a document, or just a date (a sheet without `source_date`).
///
/// A part that is written as a date (`NNNN-NN-NN`) but is no date, such as `2019-02-30`, is an
/// error: read as part of the document's name, the mistake would go unseen.
fn parse_source(text: &str) -> Result<Source, Problem> {
    let (document, last) = text.rsplit_once(',').unwrap_or(("", text));
    let last = last.trim();
    if !is_written_as_date(last) {
        return Ok(Source {
            document: text.to_owned(),
            date: None,
        });
    }
    let date = last.parse().map_err(|_| Problem::NotADate {
        text: excerpt(last),
    })?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_escape_and_unescape() {
        for text in [
            "",
            "plain",
            "two\nlines",
            "cr\r\nlf",
            "C:\\Users\\new",
            "\\",
            "\\\\",
            "\\n",
            "a\\\nb",
            "\\e",
            "end\\",
        ] {
            for marked in [false, true] {
                assert_eq!(unescape_item(&escape_item(text, marked)), text, "{text:?}");
                assert!(!escape_item(text, marked).contains('\n'), "{text:?}");
            }
        }
        assert_eq!(
            unescape_item("C:\\Users"),
            "C:\\Users",
            "a lone backslash is kept"
        );
    }

    #[test]
    fn headers_match_as_people_write_them() {
        assert_eq!(column_named("Mitigation Status"), Some("mitigation_status"));
        assert_eq!(column_named("mitigation-status"), Some("mitigation_status"));
        assert_eq!(column_named(" ID "), Some("id"));
        assert_eq!(column_named("Mitigations"), Some("mitigation"));
        assert_eq!(column_named("colour"), None);
    }
}
