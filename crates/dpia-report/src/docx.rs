//! The register as an editable Word document (`.docx`, docx-rs): the paper's cover details, the
//! summary, and per system the Issue | Concern | Mitigation table with each entry's scores in
//! their level colours; real heading styles, the table header repeated on every page, the
//! protective marking in every page's header and footer, and the title in the document properties.
//!
//! The public edition is redacted by `public::edition` before anything is written, as for the PDF.
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

use crate::ExportError;
use crate::public::{self, Edition};

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

/// The register as `.docx` bytes, in `edition`.
pub fn write(register: &Register, edition: Edition) -> Result<Vec<u8>, ExportError> {
    let register = public::edition(register, edition);
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
        )
        .header(
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
        );

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

/// The Issue | Concern | Mitigation | Score table of `entries`, its header row repeated on every page.
fn entry_table(register: &Register, entries: &[&Entry]) -> Table {
    // Twentieths of a point, filling A4's text width (9,000) with Word's default margins.
    let widths = [2100, 2950, 2950, 1000];
    let header_fill = hex(palette::HEADER_FILL);
    let mut rows = vec![
        TableRow::new(
            ["Issue", "Concern", "Mitigation", "Score"]
                .iter()
                .zip(widths)
                .map(|(title, width)| {
                    TableCell::new()
                        .width(width, WidthType::Dxa)
                        .shading(Shading::new().fill(&header_fill))
                        .add_paragraph(
                            Paragraph::new().add_run(Run::new().add_text(*title).bold().size(18)),
                        )
                })
                .collect(),
        )
        .cant_split(),
    ];
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
