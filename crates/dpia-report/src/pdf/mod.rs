//! The PDF writer: draws a laid-out `Report` with printpdf's low-level operations, then, with
//! lopdf, adds what printpdf lacks: the structure tree that makes the paper a tagged PDF
//! (`tags`), XMP metadata (`xmp`), the carried register file, a stable document id and dates.
//!
//! Makes no layout decisions: every position comes from the report, flipped from top-down to
//! PDF's bottom-up coordinates, and every part of the structure from its `Open`/`Close` markers.
//! The output depends only on the report, so the same register and options always give the same
//! bytes.

mod tags;
mod xmp;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use lopdf::{Dictionary, Object, Stream, StringFormat};
use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFont,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, TextItem, WindingOrder,
};
use sha2::{Digest, Sha256};

use super::ExportError;
use super::metrics::Face;
use super::page::{Attachment, Item, PAGE_HEIGHT, Page, Report, TextRun};
use dpia_core::palette::Rgb;
use tags::Tagger;

/// The PDF for `report`, with fonts embedded and subset.
///
/// Memory is bounded by a batch of pages, not the paper: the pages are drawn and encoded
/// `PAGES_PER_BATCH` at a time (printpdf's drawing operations and the uncompressed content are
/// what a page costs), and only each page's compressed content is kept. printpdf encodes text
/// through the font subset, which depends on every glyph of the paper, so each batch is encoded
/// with a first page that shows every glyph the paper uses (`glyph_page`): the batch's subset, and
/// so its content, is the whole paper's. The document is then made with that page first and the
/// others empty, and each page given its content: the same objects, in the same order, with the
/// same bytes, as drawing every page at once.
pub fn write(report: &Report) -> Result<Vec<u8>, ExportError> {
    write_in_batches(report, PAGES_PER_BATCH)
}

/// `write`, drawing `pages_per_batch` pages at a time.
fn write_in_batches(report: &Report, pages_per_batch: usize) -> Result<Vec<u8>, ExportError> {
    let mut doc = PdfDocument::new(&report.info.title);
    let fonts = add_fonts(&mut doc, report)?;
    let glyphs = glyph_page_ops(report, &doc, &fonts);
    let options = PdfSaveOptions {
        subset_fonts: true,
        ..PdfSaveOptions::default()
    };
    let mut tagger = Tagger::new();
    let mut contents: Vec<Stream> = Vec::with_capacity(report.pages.len());
    let mut warnings = Vec::new();
    for batch in report.pages.chunks(pages_per_batch.max(1)) {
        let mut batch_doc = PdfDocument::new("");
        batch_doc.resources.fonts = doc.resources.fonts.clone();
        let pages = std::iter::once(glyphs.clone())
            .chain(batch.iter().map(|page| page_ops(page, &fonts, &mut tagger)))
            .map(|ops| PdfPage::new(Mm(210.0), Mm(297.0), ops))
            .collect();
        batch_doc.with_pages(pages);
        let mut encoded = printpdf::serialize::to_lopdf_doc(&batch_doc, &options, &mut warnings);
        drop(batch_doc);
        for page_id in encoded.get_pages().into_values().skip(1) {
            let content = page_content(&mut encoded, page_id).ok_or_else(|| ExportError::Pdf {
                message: "printpdf wrote a page without its content".to_owned(),
            })?;
            contents.push(compressed(content));
        }
    }
    let pages = std::iter::once(glyphs)
        .chain(report.pages.iter().skip(1).map(|_| Vec::new()))
        .take(report.pages.len())
        .map(|ops| PdfPage::new(Mm(210.0), Mm(297.0), ops))
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

    let mut pdf = printpdf::serialize::to_lopdf_doc(&doc, &options, &mut warnings);
    drop(doc);
    for (page_id, content) in pdf.get_pages().into_values().zip(contents) {
        let id = pdf
            .get_page_contents(page_id)
            .first()
            .copied()
            .ok_or_else(|| ExportError::Pdf {
                message: "printpdf wrote a page without its content".to_owned(),
            })?;
        pdf.objects.insert(id, Object::Stream(content));
    }
    finish(&mut pdf, report, &tagger)?;
    compress_streams(&mut pdf);
    let mut bytes = Vec::new();
    // The structure tree is hundreds of small objects: packed into compressed object streams (with
    // a cross-reference stream), they cost a fraction of their size as plain objects.
    let save = lopdf::SaveOptions::builder()
        .use_object_streams(true)
        .use_xref_streams(true)
        .max_objects_per_stream(OBJECTS_PER_STREAM)
        .compression_level(STREAM_COMPRESSION)
        .build();
    pdf.save_with_options(&mut bytes, save)
        .map_err(|err| ExportError::Pdf {
            message: err.to_string(),
        })?;
    let bytes = compress_xref_stream(bytes);
    Ok(bytes)
}

/// The PDF with its cross-reference stream compressed.
///
/// lopdf writes the cross-reference stream unfiltered, 7 bytes an object: with the structure tree's
/// thousands of objects that is a third of a large paper. The stream is the file's last object, so
/// it is rewritten in place with `/FlateDecode` and nothing before it moves. A file not laid out as
/// expected is returned as it is (still a sound PDF, only larger).
fn compress_xref_stream(bytes: Vec<u8>) -> Vec<u8> {
    compressed_xref_stream(&bytes).unwrap_or(bytes)
}

fn compressed_xref_stream(bytes: &[u8]) -> Option<Vec<u8>> {
    use std::io::Write as _;
    let find = |haystack: &[u8], needle: &[u8]| {
        haystack
            .windows(needle.len())
            .position(|window| window == needle)
    };
    let tail_start = bytes.len().checked_sub(64)?;
    let startxref = tail_start + find(&bytes[tail_start..], b"startxref\n")?;
    let offset: usize = std::str::from_utf8(&bytes[startxref + b"startxref\n".len()..])
        .ok()?
        .lines()
        .next()?
        .trim()
        .parse()
        .ok()?;
    let object = bytes.get(offset..startxref)?;
    let dict_start = find(object, b"<<")?;
    let dict_end = find(object, b">>stream\n")? + 2;
    let dict = std::str::from_utf8(&object[dict_start..dict_end]).ok()?;
    if !dict.contains("/XRef") || dict.contains("/Filter") {
        return None;
    }
    let length_at = dict.find("/Length")? + "/Length".len();
    let digits: String = dict[length_at..]
        .chars()
        .skip_while(|c| *c == ' ')
        .take_while(char::is_ascii_digit)
        .collect();
    let length: usize = digits.parse().ok()?;
    let length_text = &dict[length_at..];
    let length_len = length_text.len() - length_text.trim_start_matches(' ').len() + digits.len();
    let data_start = dict_end + b"stream\n".len();
    let data = object.get(data_start..data_start + length)?;
    // Each entry is a row of `/W [1 4 2]`, 7 bytes; the PNG "Up" predictor stores each row as its
    // difference from the one before, which is nearly all zeros for consecutive objects.
    if !dict.contains("/W[1 4 2]") && !dict.contains("/W [1 4 2]") || data.len() % XREF_ROW != 0 {
        return None;
    }
    let mut rows = Vec::with_capacity(data.len() + data.len() / XREF_ROW);
    let mut previous = [0_u8; XREF_ROW];
    for row in data.chunks_exact(XREF_ROW) {
        rows.push(2);
        for (byte, before) in row.iter().zip(&mut previous) {
            rows.push(byte.wrapping_sub(*before));
            *before = *byte;
        }
    }
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(&rows).ok()?;
    let packed = encoder.finish().ok()?;
    let new_dict = format!(
        "{}/Filter/FlateDecode/DecodeParms<</Predictor 12/Columns 7>>/Length {}{}",
        &dict[..length_at - "/Length".len()],
        packed.len(),
        &dict[length_at + length_len..]
    );
    let mut out = Vec::with_capacity(offset + packed.len() + 256);
    out.extend_from_slice(&bytes[..offset]);
    out.extend_from_slice(&object[..dict_start]);
    out.extend_from_slice(new_dict.as_bytes());
    out.extend_from_slice(b"stream\n");
    out.extend_from_slice(&packed);
    out.extend_from_slice(b"\nendstream\nendobj\n");
    out.extend_from_slice(format!("\nstartxref\n{offset}\n%%EOF").as_bytes());
    Some(out)
}

/// How many pages are drawn and encoded at once (`write`): enough that the fonts are subset a
/// few times per thousand pages, few enough that a batch's drawing costs a few megabytes.
const PAGES_PER_BATCH: usize = 128;

/// The content stream of a page of `encoded`, taken out of it.
fn page_content(encoded: &mut lopdf::Document, page_id: lopdf::ObjectId) -> Option<Stream> {
    let id = *encoded.get_page_contents(page_id).first()?;
    match encoded.objects.remove(&id)? {
        Object::Stream(stream) => Some(stream),
        _ => None,
    }
}

/// A page's operations that show every glyph the paper shows, in each face, as the page drawing
/// would: for each glyph, the last character drawn with it (printpdf keeps the last one for the
/// font's text map, `/ToUnicode`).
fn glyph_page_ops(report: &Report, doc: &PdfDocument, fonts: &BTreeMap<Face, FontId>) -> Vec<Op> {
    let mut used: BTreeMap<Face, BTreeMap<u16, char>> = BTreeMap::new();
    for page in &report.pages {
        let items = shapes_first(&page.items);
        for (item_idx, item) in items.iter().enumerate() {
            if let Item::Text(run) = item
                && let Some(font) = fonts
                    .get(&run.face)
                    .and_then(|id| doc.resources.fonts.map.get(id))
            {
                let glyphs = used.entry(run.face).or_default();
                for c in shown_text(run, &items[item_idx + 1..]).chars() {
                    if let Some(gid) = font.parsed_font.lookup_glyph_index(u32::from(c)) {
                        glyphs.insert(gid, c);
                    }
                }
            }
        }
    }
    let mut ops = Vec::new();
    for (face, glyphs) in used {
        if let Some(font_id) = fonts.get(&face) {
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(font_id.clone()),
                size: Pt(10.0),
            });
            ops.push(Op::ShowText {
                items: vec![TextItem::Text(glyphs.into_values().collect())],
            });
        }
    }
    ops
}

/// `content` compressed as `compress_streams` would compress it.
fn compressed(mut content: Stream) -> Stream {
    use std::io::Write as _;
    let mut encoder =
        flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(STREAM_COMPRESSION));
    if content.allows_compression
        && content.dict.get(b"Filter").is_err()
        && encoder.write_all(&content.content).is_ok()
        && let Ok(packed) = encoder.finish()
        && packed.len() < content.content.len()
    {
        content
            .dict
            .set("Filter", Object::Name(b"FlateDecode".to_vec()));
        content.set_content(packed);
    }
    content
}

/// The zlib level for the page content and object streams: 6, where `best` (9) took 40% of a
/// 1,000-entry export for 2% less size (BENCHMARKS.md).
const STREAM_COMPRESSION: u32 = 6;

/// Compresses every stream not yet compressed (page contents, fonts, the carried register) at
/// `STREAM_COMPRESSION`; the XMP metadata stays readable, as readers expect.
fn compress_streams(pdf: &mut lopdf::Document) {
    use std::io::Write as _;
    for object in pdf.objects.values_mut() {
        if let Object::Stream(stream) = object
            && stream.allows_compression
            && stream.dict.get(b"Filter").is_err()
        {
            let mut encoder = flate2::write::ZlibEncoder::new(
                Vec::new(),
                flate2::Compression::new(STREAM_COMPRESSION),
            );
            if encoder.write_all(&stream.content).is_ok()
                && let Ok(packed) = encoder.finish()
                && packed.len() < stream.content.len()
            {
                stream
                    .dict
                    .set("Filter", Object::Name(b"FlateDecode".to_vec()));
                stream.set_content(packed);
            }
        }
    }
}

/// The bytes of one cross-reference stream entry as lopdf writes them (`/W [1 4 2]`).
const XREF_ROW: usize = 7;

/// How many objects go in one object stream: larger streams compress better (measured on a
/// 1,000-entry paper, BENCHMARKS.md).
const OBJECTS_PER_STREAM: usize = 2000;

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
                // The space is written after runs that continue a part (`runs_on`).
                used.entry(run.face)
                    .or_default()
                    .extend(run.text.chars().chain([' ']));
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

/// A colour component to three decimals, which tells every one of the 256 levels apart and
/// writes `0.122` where the full fraction is `0.12156863`.
fn component(value: u8) -> f32 {
    (f32::from(value) * 1000.0 / 255.0).round() / 1000.0
}

fn colour(rgb: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: component(rgb.r),
        g: component(rgb.g),
        b: component(rgb.b),
        icc_profile: None,
    })
}

/// A length in hundredths of a point, the precision a page is written to (a hundredth of a point is
/// 3.5 µm): `746.65` rather than `746.6525`, so the page content is smaller.
#[expect(
    clippy::cast_possible_truncation,
    reason = "page coordinates are a few thousand points at most"
)]
fn hundredths(points: f32) -> i32 {
    (points * 100.0).round() as i32
}

/// Points from hundredths of a point.
#[expect(
    clippy::cast_precision_loss,
    reason = "page coordinates in hundredths fit f32's 24 bits exactly"
)]
fn points(hundredths: i32) -> Pt {
    Pt(hundredths as f32 / 100.0)
}

/// A length written to the page's precision.
fn at_precision(value: f32) -> Pt {
    points(hundredths(value))
}

/// The drawing operations for one page, setting font and colours only when they change, each mark
/// in its marked-content sequence (`tags`).
fn page_ops(page: &Page, fonts: &BTreeMap<Face, FontId>, tagger: &mut Tagger) -> Vec<Op> {
    let mut ops = Vec::new();
    tagger.start_page();
    let mut fill: Option<Rgb> = None;
    let mut font: Option<(Face, f32)> = None;
    let mut set_fill = |ops: &mut Vec<Op>, rgb: Rgb| {
        if fill != Some(rgb) {
            ops.push(Op::SetFillColor { col: colour(rgb) });
            fill = Some(rgb);
        }
    };
    let items = shapes_first(&page.items);
    let mut in_text = false;
    // Where the last run started, in hundredths of a point: each run is placed relative to it
    // (`Td`, from the start of the text object), so a column of lines repeats one short move.
    let mut line_start = (0, 0);
    for (item_idx, item) in items.iter().enumerate() {
        let item = *item;
        match item {
            Item::Text(run) => {
                let Some(font_id) = fonts.get(&run.face) else {
                    continue;
                };
                let text = shown_text(run, &items[item_idx + 1..]).into_owned();
                // Consecutive runs share one text object (`BT … ET`), which a marked-content
                // sequence never crosses: it ends before anything else is drawn or marked.
                let mut marking = Vec::new();
                tagger.before_text(&mut marking);
                if !marking.is_empty() && in_text {
                    ops.push(Op::EndTextSection);
                    in_text = false;
                }
                ops.append(&mut marking);
                if !in_text {
                    ops.push(Op::StartTextSection);
                    in_text = true;
                    line_start = (0, 0);
                }
                set_fill(&mut ops, run.colour);
                if font != Some((run.face, run.size)) {
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(font_id.clone()),
                        size: Pt(run.size),
                    });
                    font = Some((run.face, run.size));
                }
                let start = (hundredths(run.x), hundredths(PAGE_HEIGHT - run.baseline));
                ops.push(Op::SetTextCursor {
                    pos: Point {
                        x: points(start.0 - line_start.0),
                        y: points(start.1 - line_start.1),
                    },
                });
                line_start = start;
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(text)],
                });
            }
            Item::Rect(_) | Item::Rule(_) | Item::Open(_) | Item::Close if in_text => {
                ops.push(Op::EndTextSection);
                in_text = false;
                draw_other(item, &mut ops, tagger, &mut set_fill);
            }
            other => draw_other(other, &mut ops, tagger, &mut set_fill),
        }
    }
    if in_text {
        ops.push(Op::EndTextSection);
    }
    tagger.end_page(&mut ops);
    ops
}

/// The text a run shows, given the items after it (`rest`): a reader takes the runs of one part
/// as one text, so the space a line break or a change of style stands for is written out, where
/// it draws nothing.
fn shown_text<'a>(run: &'a TextRun, rest: &[&Item]) -> Cow<'a, str> {
    if runs_on(rest) && !run.text.ends_with(' ') {
        Cow::Owned(format!("{} ", run.text))
    } else {
        Cow::Borrowed(&run.text)
    }
}

/// Draws a mark that is not text (a rectangle or rule) or passes on a structure marker.
fn draw_other(
    item: &Item,
    ops: &mut Vec<Op>,
    tagger: &mut Tagger,
    set_fill: &mut dyn FnMut(&mut Vec<Op>, Rgb),
) {
    {
        match item {
            Item::Text(_) => {}
            Item::Rect(rect) => {
                let bottom = PAGE_HEIGHT - rect.y - rect.height;
                tagger.before_shape(
                    [rect.x, bottom, rect.x + rect.width, bottom + rect.height],
                    ops,
                );
                set_fill(ops, rect.fill);
                ops.push(Op::DrawRectangle {
                    rectangle: printpdf::Rect {
                        x: at_precision(rect.x),
                        y: at_precision(PAGE_HEIGHT - rect.y - rect.height),
                        width: at_precision(rect.width),
                        height: at_precision(rect.height),
                        mode: Some(PaintMode::Fill),
                        winding_order: Some(WindingOrder::NonZero),
                    },
                });
            }
            Item::Rule(rule) => {
                let (y1, y2) = (PAGE_HEIGHT - rule.y1, PAGE_HEIGHT - rule.y2);
                tagger.before_shape(
                    [
                        rule.x1.min(rule.x2),
                        y1.min(y2),
                        rule.x1.max(rule.x2),
                        y1.max(y2),
                    ],
                    ops,
                );
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
                                    x: at_precision(rule.x1),
                                    y: at_precision(PAGE_HEIGHT - rule.y1),
                                },
                                bezier: false,
                            },
                            LinePoint {
                                p: Point {
                                    x: at_precision(rule.x2),
                                    y: at_precision(PAGE_HEIGHT - rule.y2),
                                },
                                bezier: false,
                            },
                        ],
                        is_closed: false,
                    },
                });
            }
            Item::Open(tag) => tagger.open(tag, ops),
            Item::Close => tagger.close(ops),
        }
    }
}

/// The page's items in drawing order, except that between two structure markers the rectangles
/// and rules (backgrounds, chips, cell rules) come before the text: the text of one part is then one
/// marked-content sequence, not one per chip, and a paper costs far fewer bytes. Shapes lie under
/// the text of their own part, so the page looks the same.
fn shapes_first(items: &[Item]) -> Vec<&Item> {
    let mut ordered = Vec::with_capacity(items.len());
    let mut texts = Vec::new();
    for item in items {
        match item {
            Item::Text(_) => texts.push(item),
            Item::Rect(_) | Item::Rule(_) => ordered.push(item),
            Item::Open(_) | Item::Close => {
                ordered.append(&mut texts);
                ordered.push(item);
            }
        }
    }
    ordered.append(&mut texts);
    ordered
}

/// Whether the text that follows a run (`rest`) continues the same part: more text comes before the
/// next structure marker.
fn runs_on(rest: &[&Item]) -> bool {
    for item in rest {
        match item {
            Item::Text(run) => return !run.text.starts_with(' '),
            Item::Rect(_) | Item::Rule(_) => {}
            Item::Open(_) | Item::Close => return false,
        }
    }
    false
}

/// What printpdf leaves out: the structure tree, the XMP metadata, a document id that depends
/// only on the content, the dates from the options (or none), the language, the outline shown on
/// opening, and the carried register file.
fn finish(pdf: &mut lopdf::Document, report: &Report, tagger: &Tagger) -> Result<(), ExportError> {
    // Embedded files and tagged structure are PDF 1.7; printpdf writes 1.3.
    "1.7".clone_into(&mut pdf.version);
    let page_ids: Vec<lopdf::ObjectId> = pdf.get_pages().into_values().collect();
    let struct_tree = tagger.finish(pdf, &page_ids);
    let metadata = pdf.add_object(xmp::stream(&report.info));
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
    catalog.set("StructTreeRoot", Object::Reference(struct_tree));
    catalog.set(
        "MarkInfo",
        Object::Dictionary(Dictionary::from_iter([("Marked", Object::Boolean(true))])),
    );
    catalog.set("Metadata", Object::Reference(metadata));
    // printpdf writes the page mode as a string, which readers ignore: the outline pane opens
    // only for the name.
    if report.outline.is_empty() {
        catalog.remove(b"PageMode");
    } else {
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    }
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
pub(super) fn text_string(text: &str) -> Object {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ReportOptions;

    #[test]
    fn pages_drawn_in_batches_give_the_bytes_of_all_at_once() {
        let register = dpia_core::synthetic::register(40, 3);
        let report = crate::layout(&register, &ReportOptions::default());
        assert!(report.pages.len() > 6, "{} pages", report.pages.len());
        let at_once = write_in_batches(&report, usize::MAX).unwrap();
        for pages_per_batch in [1, 4] {
            assert!(
                write_in_batches(&report, pages_per_batch).unwrap() == at_once,
                "{pages_per_batch} pages a batch"
            );
        }
    }
}
