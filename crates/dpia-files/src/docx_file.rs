//! A Word document (`.docx`) read as its body: headings and tables, in document order, each
//! table's cells with the grid columns they cover and vertically merged cells filled from the
//! cell they continue. What the tables mean as a register is `word_tables`.
//!
//! Read straight from the zip container with quick-xml rather than through docx-rs's reader, for
//! two reasons: merged cells (`w:gridSpan`, `w:vMerge`) are private in docx-rs's model, and every
//! part is unpacked through a bounded `take` (`limits::MAX_STREAM_BYTES`), so a zip bomb stops
//! with an error instead of taking all the memory there is. Only the five XML entities and
//! character references are resolved: a document type declaring its own entities expands nothing.

use std::collections::BTreeMap;
use std::io::{Cursor, Read as _};
use std::path::{Path, PathBuf};

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

use crate::LoadError;
use crate::limits::{self, MAX_STREAM_BYTES};

/// A document's body: what the register import needs of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Body {
    /// Headings and tables in document order (other paragraphs are left out).
    pub blocks: Vec<Block>,
}

/// A heading or a table of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading paragraph.
    Heading {
        /// Its outline level: 0 for a title, 1 for Heading 1, and so on.
        level: u8,
        /// Its text.
        text: String,
    },
    /// A table of the body (tables inside cells are part of their cell's text).
    Table(WordTable),
}

/// A table as rows of cells.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordTable {
    /// The rows, the header first.
    pub rows: Vec<Vec<WordCell>>,
}

/// One cell of a table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordCell {
    /// The first grid column it covers, from 0.
    pub column: usize,
    /// How many grid columns it covers (`w:gridSpan`), at least 1.
    pub span: usize,
    /// Its paragraphs joined with line breaks (a line break inside a paragraph is one too),
    /// white space at either end removed; a vertically merged cell has the text of the cell
    /// its merge starts at.
    pub text: String,
}

/// Why a Word document could not be read. Nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file could not be read: the operating system's error, or a file too large.
    #[error(transparent)]
    Read(#[from] LoadError),
    /// The file is not a Word document this app can read.
    #[error("{}: not a Word document (.docx): {message}", path.display())]
    NotADocument {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A part of the document unpacks to more than `limits::MAX_STREAM_BYTES`.
    #[error(
        "{}: its part {part} unpacks to more than {}, the most dpia-register unpacks",
        path.display(),
        limits::in_megabytes(*limit as u64)
    )]
    PartTooLarge {
        /// The file.
        path: PathBuf,
        /// The part, such as `word/document.xml`.
        part: String,
        /// The limit, in bytes.
        limit: usize,
    },
}

/// The body of the Word document at `path`.
pub fn read(path: &Path) -> Result<Body, ReadError> {
    read_bytes(&limits::read_bytes(path)?, path)
}

/// The body of a Word document's bytes; `path` names it in messages.
pub fn read_bytes(bytes: &[u8], path: &Path) -> Result<Body, ReadError> {
    let not_a_document = |message: String| ReadError::NotADocument {
        path: path.to_owned(),
        message,
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|err| not_a_document(limits::bounded_message(&err.to_string())))?;
    let document = part(&mut archive, "word/document.xml", path)?.ok_or_else(|| {
        not_a_document("it has no word/document.xml (is it a .doc or another format?)".to_owned())
    })?;
    let styles = match part(&mut archive, "word/styles.xml", path)? {
        Some(text) => heading_styles(&text).map_err(not_a_document)?,
        None => BTreeMap::new(),
    };
    body(&document, &styles)
        .map_err(|message| not_a_document(format!("word/document.xml: {message}")))
}

/// The text of the part `name`, unpacked through a bounded read, or `None` if there is none.
fn part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    path: &Path,
) -> Result<Option<String>, ReadError> {
    let too_large = || ReadError::PartTooLarge {
        path: path.to_owned(),
        part: name.to_owned(),
        limit: MAX_STREAM_BYTES,
    };
    let not_a_document = |message: String| ReadError::NotADocument {
        path: path.to_owned(),
        message: format!("{name}: {}", limits::bounded_message(&message)),
    };
    let file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(err) => return Err(not_a_document(err.to_string())),
    };
    // The size the container declares is checked first, and the read is bounded anyway: the
    // declaration may lie.
    if file.size() > MAX_STREAM_BYTES as u64 {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    file.take(MAX_STREAM_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| not_a_document(err.to_string()))?;
    if bytes.len() > MAX_STREAM_BYTES {
        return Err(too_large());
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| not_a_document("not UTF-8 text".to_owned()))
}

/// The heading level of each paragraph style that is a heading: by its name (`heading 2`,
/// `Title`) or its outline level.
fn heading_styles(xml: &str) -> Result<BTreeMap<String, u8>, String> {
    let mut reader = Reader::from_str(xml);
    let mut styles = BTreeMap::new();
    let mut current: Option<(String, Option<u8>)> = None;
    loop {
        match reader
            .read_event()
            .map_err(|err| xml_error(&reader, &err))?
        {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "style" => current = attribute(&e, "styleId").map(|id| (id, None)),
                "name" => {
                    if let (Some((_, level)), Some(name)) = (&mut current, attribute(&e, "val")) {
                        *level = level.or(heading_level_named(&name));
                    }
                }
                "outlineLvl" => {
                    if let (Some((_, level)), Some(value)) = (&mut current, attribute(&e, "val")) {
                        *level = level.or(outline_level(&value));
                    }
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "style" => {
                if let Some((id, Some(level))) = current.take() {
                    styles.insert(id, level);
                }
            }
            Event::Eof => return Ok(styles),
            _ => {}
        }
    }
}

/// The level a style name or id gives: `Heading 2`, `heading2` → 2, `Title` → 0.
fn heading_level_named(name: &str) -> Option<u8> {
    let name: String = name
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    if name == "title" {
        return Some(0);
    }
    let digits = name.strip_prefix("heading")?;
    digits
        .parse::<u8>()
        .ok()
        .filter(|level| (1..=9).contains(level))
}

/// The level of `w:outlineLvl` (0 for the top): 9 means body text.
fn outline_level(value: &str) -> Option<u8> {
    value
        .parse::<u8>()
        .ok()
        .filter(|level| *level < 9)
        .map(|level| level + 1)
}

fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|attr| attr.key.local_name().as_ref() == name)
        .and_then(|attr| {
            attr.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(std::borrow::Cow::into_owned)
        })
}

fn xml_error(reader: &Reader<&[u8]>, err: &quick_xml::Error) -> String {
    limits::bounded_message(&format!("at byte {}: {err}", reader.error_position()))
}

/// A paragraph being read.
#[derive(Default)]
struct Paragraph {
    level: Option<u8>,
    text: String,
}

/// A top-level table's cell being read.
#[derive(Default)]
struct Cell {
    span: usize,
    /// `Some(true)` where a vertical merge starts, `Some(false)` where one continues.
    merge: Option<bool>,
    paragraphs: Vec<String>,
}

/// The state of the walk through `word/document.xml`.
#[derive(Default)]
struct Walk {
    blocks: Vec<Block>,
    /// How many tables deep the walk is (cells of nested tables belong to the outer cell).
    table_depth: usize,
    /// How many text boxes deep: their paragraphs are not part of the body.
    text_box_depth: usize,
    paragraph: Option<Paragraph>,
    in_text: bool,
    rows: Vec<Vec<WordCell>>,
    row: Vec<WordCell>,
    next_column: usize,
    cell: Option<Cell>,
    /// The text of the cell that starts each vertical merge of this table, by grid column.
    merge_text: BTreeMap<usize, String>,
}

fn body(xml: &str, styles: &BTreeMap<String, u8>) -> Result<Body, String> {
    let mut reader = Reader::from_str(xml);
    let mut walk = Walk::default();
    loop {
        match reader
            .read_event()
            .map_err(|err| xml_error(&reader, &err))?
        {
            Event::Start(e) => walk.open(&e, styles),
            Event::Empty(e) => {
                walk.open(&e, styles);
                walk.close(e.local_name().as_ref());
            }
            Event::End(e) => walk.close(e.local_name().as_ref()),
            Event::Text(text) if walk.in_text => walk.push_text(&text.xml10_content()),
            Event::CData(text) if walk.in_text => {
                walk.push_text(&text.into_inner());
            }
            Event::GeneralRef(reference) if walk.in_text => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => quick_xml::escape::resolve_predefined_entity(&reference)
                        .unwrap_or_default()
                        .to_owned(),
                };
                walk.push_text(&resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(Body {
        blocks: walk.blocks,
    })
}

impl Walk {
    fn open(&mut self, e: &BytesStart<'_>, styles: &BTreeMap<String, u8>) {
        let name = e.local_name();
        if self.text_box_depth > 0 {
            if name.as_ref() == "txbxContent" {
                self.text_box_depth += 1;
            }
            return;
        }
        match name.as_ref() {
            "txbxContent" => self.text_box_depth = 1,
            "tbl" => {
                self.table_depth += 1;
                if self.table_depth == 1 {
                    self.rows.clear();
                    self.merge_text.clear();
                }
            }
            "tr" if self.table_depth == 1 => {
                self.row.clear();
                self.next_column = 0;
            }
            "gridBefore" if self.table_depth == 1 && self.cell.is_none() => {
                self.next_column += number(e).unwrap_or(0);
            }
            "tc" if self.table_depth == 1 => {
                self.cell = Some(Cell {
                    span: 1,
                    ..Cell::default()
                });
            }
            "gridSpan" if self.table_depth == 1 => {
                if let Some(cell) = &mut self.cell {
                    cell.span = number(e).unwrap_or(1).max(1);
                }
            }
            "vMerge" if self.table_depth == 1 => {
                if let Some(cell) = &mut self.cell {
                    // `<w:vMerge/>` with no value continues the merge above.
                    cell.merge = Some(attribute(e, "val").is_some_and(|v| v == "restart"));
                }
            }
            "p" => self.paragraph = Some(Paragraph::default()),
            "pStyle" => {
                if let (Some(paragraph), Some(id)) = (&mut self.paragraph, attribute(e, "val")) {
                    paragraph.level = paragraph
                        .level
                        .or_else(|| styles.get(&id).copied())
                        .or_else(|| heading_level_named(&id));
                }
            }
            "outlineLvl" => {
                if let (Some(paragraph), Some(value)) = (&mut self.paragraph, attribute(e, "val")) {
                    paragraph.level = outline_level(&value);
                }
            }
            "t" => self.in_text = self.paragraph.is_some(),
            "tab" if self.paragraph.is_some() => self.push_text("\t"),
            "br" | "cr" if self.paragraph.is_some() => self.push_text("\n"),
            "noBreakHyphen" if self.paragraph.is_some() => self.push_text("-"),
            _ => {}
        }
    }

    fn close(&mut self, name: &str) {
        if self.text_box_depth > 0 {
            if name == "txbxContent" {
                self.text_box_depth -= 1;
            }
            return;
        }
        match name {
            "t" => self.in_text = false,
            "p" => {
                let Some(paragraph) = self.paragraph.take() else {
                    return;
                };
                if let Some(cell) = &mut self.cell {
                    cell.paragraphs.push(paragraph.text);
                } else if self.table_depth == 0
                    && let Some(level) = paragraph.level
                {
                    self.blocks.push(Block::Heading {
                        level,
                        text: paragraph.text.trim().to_owned(),
                    });
                }
            }
            "tc" if self.table_depth == 1 => {
                let Some(cell) = self.cell.take() else {
                    return;
                };
                let column = self.next_column;
                self.next_column += cell.span;
                let own = cell.paragraphs.join("\n").trim().to_owned();
                let text = match cell.merge {
                    Some(false) => self.merge_text.get(&column).cloned().unwrap_or_default(),
                    Some(true) => {
                        self.merge_text.insert(column, own.clone());
                        own
                    }
                    None => {
                        self.merge_text.remove(&column);
                        own
                    }
                };
                self.row.push(WordCell {
                    column,
                    span: cell.span,
                    text,
                });
            }
            "tr" if self.table_depth == 1 => self.rows.push(std::mem::take(&mut self.row)),
            "tbl" => {
                if self.table_depth == 1 {
                    self.blocks.push(Block::Table(WordTable {
                        rows: std::mem::take(&mut self.rows),
                    }));
                }
                self.table_depth = self.table_depth.saturating_sub(1);
            }
            _ => {}
        }
    }

    fn push_text(&mut self, text: &str) {
        if let Some(paragraph) = &mut self.paragraph {
            paragraph.text.push_str(text);
        }
    }
}

fn number(e: &BytesStart<'_>) -> Option<usize> {
    attribute(e, "val").and_then(|value| value.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn body_of(inner: &str) -> Body {
        body(
            &format!("<w:document {W}><w:body>{inner}</w:body></w:document>"),
            &BTreeMap::new(),
        )
        .unwrap()
    }

    fn cell(text: &str) -> String {
        format!("<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
    }

    #[test]
    fn headings_come_from_styles_and_outline_levels() {
        let body = body_of(
            r#"<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>PND &amp; PNC</w:t></w:r></w:p>
               <w:p><w:r><w:t>Body text</w:t></w:r></w:p>
               <w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>LEDS</w:t></w:r></w:p>"#,
        );
        assert_eq!(
            body.blocks,
            vec![
                Block::Heading {
                    level: 2,
                    text: "PND & PNC".to_owned()
                },
                Block::Heading {
                    level: 1,
                    text: "LEDS".to_owned()
                },
            ],
            "body text is left out"
        );
    }

    #[test]
    fn merged_cells_cover_their_columns_and_rows() {
        let body = body_of(&format!(
            r#"<w:tbl><w:tr>{a}{b}{c}</w:tr>
               <w:tr><w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr><w:p><w:r><w:t>PND</w:t></w:r></w:p></w:tc></w:tr>
               <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>Shared</w:t></w:r></w:p></w:tc>{x}{y}</w:tr>
               <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>{x}{y}</w:tr></w:tbl>"#,
            a = cell("Issue"),
            b = cell("Concern"),
            c = cell("Mitigation"),
            x = cell("x"),
            y = cell("y"),
        ));
        let Some(Block::Table(table)) = body.blocks.first() else {
            panic!("a table: {body:?}");
        };
        assert_eq!(table.rows[1].len(), 1, "one cell across the row");
        assert_eq!(
            (table.rows[1][0].column, table.rows[1][0].span),
            (0, 3),
            "spans"
        );
        assert_eq!(table.rows[3][0].text, "Shared", "the merge continues");
        assert_eq!(table.rows[3][1].column, 1, "columns after a merged cell");
    }

    #[test]
    fn paragraphs_and_breaks_become_line_breaks_and_text_boxes_are_left_out() {
        let body = body_of(
            r#"<w:tbl><w:tr><w:tc>
                 <w:p><w:r><w:t xml:space="preserve">One </w:t></w:r><w:r><w:br/><w:t>two</w:t></w:r></w:p>
                 <w:p><w:r><w:t>three&#x175;</w:t><w:drawing><w:txbxContent><w:p><w:r><w:t>box</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r></w:p>
                 <w:p><w:r><w:delText>deleted</w:delText><w:instrText>PAGE</w:instrText></w:r></w:p>
               </w:tc></w:tr></w:tbl>"#,
        );
        let Some(Block::Table(table)) = body.blocks.first() else {
            panic!("a table: {body:?}");
        };
        assert_eq!(table.rows[0][0].text, "One \ntwo\nthreeŵ");
    }

    #[test]
    fn a_part_that_unpacks_past_the_limit_is_refused_before_it_is_read() {
        use std::io::Write as _;
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("word/document.xml", options).unwrap();
        let zeros = vec![b' '; 1024 * 1024];
        for _ in 0..=MAX_STREAM_BYTES / zeros.len() {
            zip.write_all(&zeros).unwrap();
        }
        let bytes = zip.finish().unwrap().into_inner();
        assert!(bytes.len() < 1024 * 1024, "a bomb: {} bytes", bytes.len());
        let err = read_bytes(&bytes, Path::new("bomb.docx")).unwrap_err();
        assert!(matches!(err, ReadError::PartTooLarge { .. }), "{err}");
        assert_eq!(
            err.to_string(),
            "bomb.docx: its part word/document.xml unpacks to more than 64 MB, the most dpia-register unpacks"
        );
    }

    #[test]
    fn a_file_that_is_not_a_zip_is_not_a_document() {
        let err = read_bytes(b"Issue,Concern\n", Path::new("r.docx")).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("r.docx: not a Word document (.docx):"),
            "{err}"
        );
    }
}
