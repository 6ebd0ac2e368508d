//! The PDF writer: draws a laid-out `Report` with printpdf's low-level operations, then, with
//! lopdf, adds what printpdf lacks: the carried register file, a stable document id and dates.
//!
//! Makes no layout decisions: every position comes from the report, flipped from top-down to
//! PDF's bottom-up coordinates. The output depends only on the report, so the same register and
//! options always give the same bytes.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use lopdf::{Dictionary, Object, Stream, StringFormat};
use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFont,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, TextItem, TextMatrix, WindingOrder,
};
use sha2::{Digest, Sha256};

use super::ExportError;
use super::metrics::Face;
use super::page::{Attachment, Item, PAGE_HEIGHT, Page, Report};
use dpia_core::palette::Rgb;

/// The PDF for `report`, with fonts embedded and subset.
pub fn write(report: &Report) -> Result<Vec<u8>, ExportError> {
    let mut doc = PdfDocument::new(&report.info.title);
    let fonts = add_fonts(&mut doc, report)?;
    let pages = report
        .pages
        .iter()
        .map(|page| PdfPage::new(Mm(210.0), Mm(297.0), page_ops(page, &fonts)))
        .collect();
    doc.with_pages(pages);
    for bookmark in &report.outline {
        // printpdf numbers pages from 1.
        doc.add_bookmark(&bookmark.title, bookmark.page_idx + 1);
    }
    let info = &mut doc.metadata.info;
    info.document_title.clone_from(&report.info.title);
    info.author.clone_from(&report.info.author);
    info.subject.clone_from(&report.info.subject);
    info.keywords.clone_from(&report.info.keywords);
    info.creator.clone_from(&report.info.creator);
    info.producer = format!("{} with printpdf 0.12", report.info.creator);

    let options = PdfSaveOptions {
        subset_fonts: true,
        ..PdfSaveOptions::default()
    };
    let mut warnings = Vec::new();
    let mut pdf = printpdf::serialize::to_lopdf_doc(&doc, &options, &mut warnings);
    finish(&mut pdf, report)?;
    pdf.compress();
    let mut bytes = Vec::new();
    pdf.save_to(&mut bytes).map_err(|err| ExportError::Pdf {
        message: err.to_string(),
    })?;
    Ok(bytes)
}

/// Adds both faces under ids that depend only on the text they set, so output is repeatable
/// (printpdf's own ids come from a process-wide counter) and each subset gets its own tag.
fn add_fonts(
    doc: &mut PdfDocument,
    report: &Report,
) -> Result<BTreeMap<Face, FontId>, ExportError> {
    let mut used: BTreeMap<Face, BTreeSet<char>> = BTreeMap::new();
    for page in &report.pages {
        for item in &page.items {
            if let Item::Text(run) = item {
                used.entry(run.face).or_default().extend(run.text.chars());
            }
        }
    }
    let mut fonts = BTreeMap::new();
    for face in Face::ALL {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(face.bytes(), 0, &mut warnings).ok_or_else(|| {
            ExportError::Font {
                face: format!("{face:?}"),
            }
        })?;
        let chars: String = used.get(&face).into_iter().flatten().collect();
        let id = FontId(subset_tag(&format!("{face:?}{chars}")));
        doc.resources
            .fonts
            .map
            .insert(id.clone(), PdfFont::new(parsed));
        fonts.insert(face, id);
    }
    Ok(fonts)
}

/// Six capital letters from a hash of `seed`: the `ABCDEF+` tag PDF gives a font subset.
fn subset_tag(seed: &str) -> String {
    Sha256::digest(seed.as_bytes())
        .iter()
        .take(6)
        .map(|byte| char::from(b'A' + byte % 26))
        .collect()
}

fn colour(rgb: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: f32::from(rgb.r) / 255.0,
        g: f32::from(rgb.g) / 255.0,
        b: f32::from(rgb.b) / 255.0,
        icc_profile: None,
    })
}

/// The drawing operations for one page, setting font and colours only when they change.
fn page_ops(page: &Page, fonts: &BTreeMap<Face, FontId>) -> Vec<Op> {
    let mut ops = Vec::new();
    let mut fill: Option<Rgb> = None;
    let mut font: Option<(Face, f32)> = None;
    let mut set_fill = |ops: &mut Vec<Op>, rgb: Rgb| {
        if fill != Some(rgb) {
            ops.push(Op::SetFillColor { col: colour(rgb) });
            fill = Some(rgb);
        }
    };
    for item in &page.items {
        match item {
            Item::Text(run) => {
                let Some(font_id) = fonts.get(&run.face) else {
                    continue;
                };
                set_fill(&mut ops, run.colour);
                ops.push(Op::StartTextSection);
                if font != Some((run.face, run.size)) {
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(font_id.clone()),
                        size: Pt(run.size),
                    });
                    font = Some((run.face, run.size));
                }
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(run.x), Pt(PAGE_HEIGHT - run.baseline)),
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(run.text.clone())],
                });
                ops.push(Op::EndTextSection);
            }
            Item::Rect(rect) => {
                set_fill(&mut ops, rect.fill);
                ops.push(Op::DrawRectangle {
                    rectangle: printpdf::Rect {
                        x: Pt(rect.x),
                        y: Pt(PAGE_HEIGHT - rect.y - rect.height),
                        width: Pt(rect.width),
                        height: Pt(rect.height),
                        mode: Some(PaintMode::Fill),
                        winding_order: Some(WindingOrder::NonZero),
                    },
                });
            }
            Item::Rule(rule) => {
                ops.push(Op::SetOutlineColor {
                    col: colour(rule.colour),
                });
                ops.push(Op::SetOutlineThickness {
                    pt: Pt(rule.thickness),
                });
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![
                            LinePoint {
                                p: Point {
                                    x: Pt(rule.x1),
                                    y: Pt(PAGE_HEIGHT - rule.y1),
                                },
                                bezier: false,
                            },
                            LinePoint {
                                p: Point {
                                    x: Pt(rule.x2),
                                    y: Pt(PAGE_HEIGHT - rule.y2),
                                },
                                bezier: false,
                            },
                        ],
                        is_closed: false,
                    },
                });
            }
        }
    }
    ops
}

/// What printpdf leaves out: a document id that depends only on the content, the dates from the
/// options (or none), the language, and the carried register file.
fn finish(pdf: &mut lopdf::Document, report: &Report) -> Result<(), ExportError> {
    let mut hasher = Sha256::new();
    hasher.update(report.info.title.as_bytes());
    hasher.update(report.pages.len().to_le_bytes());
    if let Some(attachment) = &report.attachment {
        hasher.update(attachment.text.as_bytes());
    }
    if let Some(produced) = report.info.produced {
        hasher.update(produced.as_second().to_le_bytes());
    }
    let id = hasher
        .finalize()
        .iter()
        .take(16)
        .fold(String::new(), |mut hex, byte| {
            write!(hex, "{byte:02x}").ok();
            hex
        });
    let id = Object::String(id.into_bytes(), StringFormat::Literal);
    pdf.trailer.set("ID", Object::Array(vec![id.clone(), id]));

    if let Ok(info_id) = pdf.trailer.get(b"Info").and_then(Object::as_reference)
        && let Ok(info) = pdf.get_dictionary_mut(info_id)
    {
        // printpdf writes 1970 and fields for print standards we do not claim.
        for key in [
            "CreationDate",
            "ModDate",
            "GTS_PDFXVersion",
            "Identifier",
            "Trapped",
        ] {
            info.remove(key.as_bytes());
        }
        if let Some(produced) = report.info.produced {
            let date = produced.strftime("D:%Y%m%d%H%M%SZ").to_string();
            info.set("CreationDate", Object::string_literal(date.clone()));
            info.set("ModDate", Object::string_literal(date));
        }
    }

    let filespec = report
        .attachment
        .as_ref()
        .map(|attachment| embed(pdf, attachment));
    let catalog = pdf.catalog_mut().map_err(|err| ExportError::Pdf {
        message: err.to_string(),
    })?;
    catalog.set("Lang", Object::string_literal(report.info.language.clone()));
    catalog.set(
        "ViewerPreferences",
        Object::Dictionary(Dictionary::from_iter([(
            "DisplayDocTitle",
            Object::Boolean(true),
        )])),
    );
    if let (Some((name, filespec_id)), Some(_)) = (filespec, &report.attachment) {
        catalog.set(
            "Names",
            Object::Dictionary(Dictionary::from_iter([(
                "EmbeddedFiles",
                Object::Dictionary(Dictionary::from_iter([(
                    "Names",
                    Object::Array(vec![text_string(&name), Object::Reference(filespec_id)]),
                )])),
            )])),
        );
        catalog.set("AF", Object::Array(vec![Object::Reference(filespec_id)]));
    }
    Ok(())
}

/// Adds the attachment as an embedded file and returns its name and file specification.
fn embed(pdf: &mut lopdf::Document, attachment: &Attachment) -> (String, lopdf::ObjectId) {
    let bytes = attachment.text.as_bytes().to_vec();
    let size = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
    // The digest the cover shows, in full, so the register can be checked against its pages.
    let digest = dpia_core::snapshot::Checksum::of_text(&attachment.text).to_string();
    let stream = Stream::new(
        Dictionary::from_iter([
            ("Type", Object::Name(b"EmbeddedFile".to_vec())),
            ("Subtype", Object::Name(b"text/plain".to_vec())),
            (
                "Params",
                Object::Dictionary(Dictionary::from_iter([("Size", Object::Integer(size))])),
            ),
            (
                dpia_core::register_text::PAPER_DIGEST_KEY,
                Object::string_literal(digest),
            ),
        ]),
        bytes,
    );
    let file_id = pdf.add_object(stream);
    let filespec = Dictionary::from_iter([
        ("Type", Object::Name(b"Filespec".to_vec())),
        ("F", text_string(&attachment.name)),
        ("UF", text_string(&attachment.name)),
        ("Desc", text_string(&attachment.description)),
        ("AFRelationship", Object::Name(b"Source".to_vec())),
        (
            "EF",
            Object::Dictionary(Dictionary::from_iter([("F", Object::Reference(file_id))])),
        ),
    ]);
    let filespec_id = pdf.add_object(filespec);
    (attachment.name.clone(), filespec_id)
}

/// A PDF text string: plain where ASCII, else UTF-16BE with a byte-order mark.
fn text_string(text: &str) -> Object {
    if text.is_ascii() {
        Object::string_literal(text.to_owned())
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            bytes.extend(unit.to_be_bytes());
        }
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}
