//! The register as an editable Word document (`.docx`, docx-rs): the paper's cover details, the
//! summary, and per system the Issue | Concern | Mitigation table with each entry's scores in
//! their level colours; real heading styles, the table header repeated on every page, the
//! protective marking in every page's header and footer, and the title in the document properties.
//!
//! With the same `ReportOptions` as the PDF, it adds the same optional sections: the changes
//! since a snapshot and a workshop's outcome.
//!
//! The public edition is redacted by `shown` (as for the PDF, and marked as its reviewer stated)
//! before anything is written.
//! Two things docx-rs 0.4 cannot say are patched into its XML after the build: the repeated header
//! row (`w:tblHeader`) and the title (`dc:title`).

use std::io::Cursor;

use docx_rs::{
    AlignmentType, Docx, Footer, Header, NumPages, PageNum, Paragraph, Run, Shading, Style,
    StyleType, Table, TableCell, TableRow, WidthType,
};
use dpia_core::palette::{self, Rgb};
use dpia_core::ranking::rank;
use dpia_core::register::Stage;
use dpia_core::register::{Entry, Register};
use dpia_core::scoring::EntryScores;

use crate::labels::labels;
use crate::layout::workshop_outcome;
use crate::public::Edition;
use crate::{ExportError, ReportOptions};

fn hex(rgb: Rgb) -> String {
    format!("{:02X}{:02X}{:02X}", rgb.r, rgb.g, rgb.b)
}

fn heading(text: &str, level: u8) -> Paragraph {
    Paragraph::new()
        .add_run(Run::new().add_text(text))
        .style(&format!("Heading{level}"))
}

fn text(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

/// A cell with one paragraph per line of `text`.
fn cell(text: &str, width: usize) -> TableCell {
    text.split('\n').fold(
        TableCell::new().width(width, WidthType::Dxa),
        |cell, line| {
            cell.add_paragraph(Paragraph::new().add_run(Run::new().add_text(line).size(18)))
        },
    )
}

/// The register as `.docx` bytes, in `options.edition`, with the sections `options` asks for
/// (the changes since a snapshot, a workshop's outcome).
pub fn write(register: &Register, options: &ReportOptions) -> Result<Vec<u8>, ExportError> {
    let edition = options.edition;
    let register = crate::shown(register, options)?;
    let metadata = &register.metadata;
    let marking = metadata.marking.label();
    let accent = hex(palette::ACCENT);
    let mut docx = Docx::new()
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("heading 1")
                .based_on("Normal")
                .size(32)
                .bold()
                .color(&accent)
                .outline_lvl(0),
        )
        .add_style(
            Style::new("Heading2", StyleType::Paragraph)
                .name("heading 2")
                .based_on("Normal")
                .size(26)
                .bold()
                .color(&accent)
                .outline_lvl(1),
        );
    docx = with_marking(docx, marking);

    docx = docx.add_paragraph(heading(&metadata.title, 1));
    for line in [
        metadata.programme.clone(),
        format!("Version {} — {}", metadata.version_label, metadata.status),
        format!("Protective marking: {marking}"),
        if edition == Edition::Public {
            "Public edition: confidential text is redacted.".to_owned()
        } else {
            String::new()
        },
    ] {
        if !line.is_empty() {
            docx = docx.add_paragraph(text(&line));
        }
    }
    if !metadata.purpose.is_empty() {
        docx = docx.add_paragraph(heading("Purpose", 2));
        for line in metadata.purpose.split('\n') {
            docx = docx.add_paragraph(text(line));
        }
    }

    docx = docx.add_paragraph(heading("Summary", 1));
    let ranked = rank(&register);
    docx = docx.add_paragraph(text(&format!(
        "{} entries across {} systems.",
        register.entries.len(),
        register.systems.len()
    )));
    docx = docx.add_paragraph(heading("Priorities", 2));
    for ranked in ranked.iter().take(10) {
        if let Some(entry) = register.entries.get(ranked.entry_idx) {
            docx = docx.add_paragraph(text(&format!(
                "{}. {} {} — {}",
                ranked.rank,
                entry.id,
                entry.issue,
                ranked.reason(&register)
            )));
        }
    }

    docx = changes(docx, &register, options);
    docx = workshop(docx, &register, options);

    for system in &register.systems {
        let entries: Vec<_> = register
            .entries
            .iter()
            .filter(|entry| entry.system == system.id)
            .collect();
        if entries.is_empty() {
            continue;
        }
        docx = docx.add_paragraph(heading(&format!("{}: {}", system.id, system.name), 1));
        docx = docx.add_table(entry_table(&register, &entries));
    }

    pack(docx, &metadata.title)
}

/// `docx` with the protective marking in every page's header, and in the footer with the page number.
fn with_marking(docx: Docx, marking: &str) -> Docx {
    docx.header(
        Header::new().add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text(marking).bold())
                .align(AlignmentType::Center),
        ),
    )
    .footer(
        Footer::new().add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text(format!("{marking} — Page ")).bold())
                .add_page_num(PageNum::new())
                .add_run(Run::new().add_text(" of "))
                .add_num_pages(NumPages::new())
                .align(AlignmentType::Center),
        ),
    )
}

/// The "Changes since" section, when `options` has one: its summary, and each group's lines.
fn changes(mut docx: Docx, register: &Register, options: &ReportOptions) -> Docx {
    let Some(changes) = &options.changes else {
        return docx;
    };
    docx = docx.add_paragraph(heading(
        &labels(register.metadata.language).changes_since(&changes.since_label),
        1,
    ));
    if !changes.summary.is_empty() {
        docx = docx.add_paragraph(text(&changes.summary));
    }
    for group in &changes.groups {
        // A subsection of the changes: never a level skipped, as in the PDF paper.
        docx = docx.add_paragraph(heading(&group.heading, 2));
        for line in &group.lines {
            docx = docx.add_paragraph(text(&format!("• {line}")));
        }
    }
    docx
}

/// The "Workshop outcome" section for `options.workshop_idx`, when it names a workshop: its
/// details (participants named only in the full edition), the final order and the manual moves.
fn workshop(mut docx: Docx, register: &Register, options: &ReportOptions) -> Docx {
    let Some(workshop) = options
        .workshop_idx
        .and_then(|workshop_idx| register.workshops.get(workshop_idx))
    else {
        return docx;
    };
    let labels = labels(register.metadata.language);
    docx = docx
        .add_paragraph(heading(labels.workshop_outcome, 1))
        .add_paragraph(heading(&workshop.title, 2))
        .add_paragraph(text(labels.workshop_note));
    for (label, value) in workshop_outcome::details(labels, workshop, options.edition) {
        if !value.is_empty() {
            docx = docx.add_paragraph(
                Paragraph::new()
                    .add_run(Run::new().add_text(format!("{label}: ")).bold())
                    .add_run(Run::new().add_text(value)),
            );
        }
    }
    docx = docx.add_paragraph(heading(labels.final_order, 2));
    let widths = [800, 5600, 1600, 1000];
    let mut rows = vec![header_row(
        &[labels.rank, labels.entry, labels.tier, labels.votes_heading],
        &widths,
    )];
    for (position, id) in workshop.final_order.iter().enumerate() {
        let issue = register
            .entry(id)
            .map_or_else(String::new, |entry| format!(" {}", entry.issue));
        let votes = workshop.votes_for(id);
        rows.push(TableRow::new(vec![
            cell(&(position + 1).to_string(), widths[0]),
            cell(&format!("{id}{issue}"), widths[1]),
            cell(
                workshop
                    .tier_of(id)
                    .map_or("–", |tier| labels.tier_name(tier)),
                widths[2],
            ),
            cell(
                &if votes == 0 {
                    String::new()
                } else {
                    votes.to_string()
                },
                widths[3],
            ),
        ]));
    }
    docx = docx.add_table(Table::new(rows).set_grid(widths.to_vec()));
    docx = docx.add_paragraph(heading(labels.manual_moves, 2));
    if workshop.moves.is_empty() {
        docx = docx.add_paragraph(text(labels.no_manual_moves));
    }
    for manual in &workshop.moves {
        let line = labels.manual_move(
            manual.entry.as_str(),
            manual.from_rank,
            manual.to_rank,
            &manual.reason,
        );
        docx = docx.add_paragraph(text(&format!("• {line}")));
    }
    docx
}

/// A table's header row, shaded and bold, repeated on every page (`pack` marks it).
fn header_row(titles: &[&str], widths: &[usize]) -> TableRow {
    let header_fill = hex(palette::HEADER_FILL);
    TableRow::new(
        titles
            .iter()
            .zip(widths)
            .map(|(title, width)| {
                TableCell::new()
                    .width(*width, WidthType::Dxa)
                    .shading(Shading::new().fill(&header_fill))
                    .add_paragraph(
                        Paragraph::new().add_run(Run::new().add_text(*title).bold().size(18)),
                    )
            })
            .collect(),
    )
    .cant_split()
}

/// The Issue | Concern | Mitigation | Score table of `entries`, its header row repeated on every page.
fn entry_table(register: &Register, entries: &[&Entry]) -> Table {
    // Twentieths of a point, filling A4's text width (9,000) with Word's default margins.
    let widths = [2100, 2950, 2950, 1000];
    let mut rows = vec![header_row(
        &["Issue", "Concern", "Mitigation", "Score"],
        &widths,
    )];
    for entry in entries {
        let mitigations: Vec<String> = entry
            .mitigations
            .iter()
            .map(|m| format!("{} ({})", m.text, m.status))
            .collect();
        let scores = EntryScores::of(entry, register);
        let mut score_cell = TableCell::new().width(widths[3], WidthType::Dxa);
        for stage in [Stage::Inherent, Stage::Residual] {
            if let Some(top) = scores.at(stage) {
                let level = top.score.level();
                score_cell = score_cell.add_paragraph(
                    Paragraph::new().add_run(
                        Run::new()
                            .add_text(format!("{} {}", &stage.name()[..3], top.score.value()))
                            .bold()
                            .size(18)
                            .color(highlight(level).1)
                            .highlight(highlight(level).0),
                    ),
                );
            }
        }
        rows.push(TableRow::new(vec![
            cell(&format!("{} {}", entry.id, entry.issue), widths[0]),
            cell(&entry.concern, widths[1]),
            cell(&mitigations.join("\n"), widths[2]),
            score_cell,
        ]));
    }
    Table::new(rows).set_grid(widths.to_vec())
}

/// The built document with what docx-rs cannot say patched in, packed as `.docx` bytes.
fn pack(docx: Docx, title: &str) -> Result<Vec<u8>, ExportError> {
    let mut xml = docx.build();
    // The header rows are the only rows marked cantSplit: mark them as repeated on every page too.
    xml.document = String::from_utf8_lossy(&xml.document)
        .replace("<w:cantSplit />", "<w:cantSplit /><w:tblHeader />")
        .into_bytes();
    let core = String::from_utf8_lossy(&xml.doc_props.core).into_owned();
    if let Some(end) = core.rfind("</cp:coreProperties>") {
        let title = escape(title);
        xml.doc_props.core = format!(
            "{}<dc:title>{title}</dc:title>{}",
            &core[..end],
            &core[end..]
        )
        .into_bytes();
    }
    let mut bytes = Cursor::new(Vec::new());
    xml.pack(&mut bytes).map_err(|err| ExportError::Register {
        message: format!("cannot write the Word document: {err}"),
    })?;
    Ok(bytes.into_inner())
}

/// Word highlights come from a fixed set of names: the nearest to each level's colour, and a
/// text colour that reads on it.
fn highlight(level: dpia_core::scoring::Level) -> (&'static str, &'static str) {
    use dpia_core::scoring::Level;
    match level {
        Level::Low => ("green", "1A1A1A"),
        Level::Medium => ("yellow", "1A1A1A"),
        Level::High => ("darkYellow", "FFFFFF"),
        Level::VeryHigh => ("red", "FFFFFF"),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
