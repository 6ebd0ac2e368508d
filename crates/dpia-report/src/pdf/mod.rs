//! The PDF writer: draws laid-out pages as they come, straight into the file, and then adds what
//! makes the paper whole: the fonts subset to what was drawn, the structure tree that makes it a
//! tagged PDF (`tags`), the outline, XMP metadata (`xmp`), the carried register, a stable
//! document id and dates.
//!
//! Makes no layout decisions: every position comes from the pages, flipped from top-down to
//! PDF's bottom-up coordinates, and every part of the structure from their `Open`/`Close`
//! markers. A page is written when it is given and can then be dropped, so memory is bounded by a
//! page, the structure tree and the file, not by the paper's drawing. The output depends only on
//! what it is given, so the same register and options always give the same bytes.

mod content;
mod file;
mod fonts;
mod tags;
mod xmp;

use std::borrow::Cow;
use std::fmt::Write as _;

use sha2::{Digest, Sha256};

use super::ExportError;
use super::page::{Bookmark, DocumentInfo, Item, PAGE_HEIGHT, Page, Report, Role, TextRun};
use content::{Content, points, tenths};
use dpia_core::palette::Rgb;
use dpia_core::snapshot::{Checksum, TextHasher};
pub use file::Levels;
use file::{PdfFile, Ref, name, text_string};
use fonts::Fonts;
use tags::Tagger;

/// The PDF of a laid-out `report`, with fonts embedded and subset.
pub fn write(report: &Report) -> Result<Vec<u8>, ExportError> {
    let mut writer = PaperWriter::new(Levels::PAPER)?;
    if let Some(attachment) = &report.attachment {
        writer
            .attach(&attachment.name, &attachment.description, |out| {
                out.write_str(&attachment.text)
            })
            .map_err(|_| ExportError::Pdf {
                message: "the carried file could not be written".to_owned(),
            })?;
    }
    for page in &report.pages {
        writer.page(page);
    }
    writer.finish(&report.info, &report.outline)
}

/// A paper being written, page by page.
pub(crate) struct PaperWriter {
    file: PdfFile,
    fonts: Fonts,
    tagger: Tagger,
    /// The pages written so far: each page's object and its body's content stream.
    pages: Vec<(Ref, Ref)>,
    page_tree: Ref,
    /// The carried file's name, file specification and the digest of its text.
    attached: Option<(String, Ref, Checksum)>,
}

impl PaperWriter {
    /// A paper with no pages yet, its streams to be compressed at zlib `levels`.
    pub(crate) fn new(levels: Levels) -> Result<Self, ExportError> {
        let mut file = PdfFile::new(levels);
        let page_tree = file.reserve();
        let tagger = Tagger::new(&mut file);
        Ok(Self {
            fonts: Fonts::new()?,
            tagger,
            pages: Vec::new(),
            page_tree,
            attached: None,
            file,
        })
    }

    /// Writes the file the paper carries (the register), named `name`, its text written by
    /// `write`: compressed and hashed as it is written, never held whole. Returns its digest.
    pub(crate) fn attach<E>(
        &mut self,
        name: &str,
        description: &str,
        write: impl FnOnce(&mut Carried) -> Result<(), E>,
    ) -> Result<Checksum, E> {
        let mut carried = Carried {
            hasher: TextHasher::default(),
            packed: flate2::write::ZlibEncoder::new(
                Vec::new(),
                flate2::Compression::new(self.file.levels().streams),
            ),
            size: 0,
        };
        write(&mut carried)?;
        let digest = carried.hasher.checksum();
        let packed = carried.packed.finish().unwrap_or_default();
        let filespec = embed(
            &mut self.file,
            &Embedded {
                name,
                description,
                packed: &packed,
                size: carried.size,
                digest,
            },
        );
        self.attached = Some((name.to_owned(), filespec, digest));
        Ok(digest)
    }

    /// Draws the next page's body and writes it.
    pub(crate) fn page(&mut self, page: &Page) {
        let page_id = self.file.reserve();
        self.tagger.start_page();
        let mut content = Content::default();
        draw(
            &page.items,
            &mut content,
            &mut self.fonts,
            &mut self.tagger,
            &mut self.file,
        );
        self.tagger.end_page(&mut content, &mut self.file);
        let body = self.file.reserve();
        self.file.stream(body, "", &content.into_bytes(), true);
        self.pages.push((page_id, body));
    }

    /// Ends the paper: the fonts, the page tree, the structure tree, the outline and the
    /// metadata.
    pub(crate) fn finish(
        self,
        info: &DocumentInfo,
        outline: &[Bookmark],
    ) -> Result<Vec<u8>, ExportError> {
        let Self {
            mut file,
            fonts,
            tagger,
            pages,
            page_tree,
            attached,
        } = self;
        let resources = file.reserve();
        file.object(
            resources,
            format!("<</Font<<{}>>>>", fonts.resources()).into_bytes(),
        );
        fonts.finish(&mut file)?;

        let mut kids = String::new();
        for (page_idx, (page_id, contents)) in pages.iter().enumerate() {
            file.object(
                *page_id,
                format!(
                    "<</Type/Page/Parent {page_tree}/Contents {contents}/StructParents {page_idx}\
                     /Tabs/S>>"
                )
                .into_bytes(),
            );
            let _ = write!(kids, "{}{page_id}", if page_idx > 0 { " " } else { "" });
        }
        // The page size and resources are inherited by every page from the tree. A4 is 210 by
        // 297 mm: 595.276 by 841.89 points.
        file.object(
            page_tree,
            format!(
                "<</Type/Pages/Kids[{kids}]/Count {}/MediaBox[0 0 595.276 841.89]\
                 /Resources {resources}>>",
                pages.len(),
            )
            .into_bytes(),
        );
        let page_ids: Vec<Ref> = pages.iter().map(|(page, _)| *page).collect();
        let outlines = write_outline(&mut file, outline, &page_ids);
        let (struct_tree, elements) = tagger.finish(&mut file, page_ids);

        let mut catalog = format!(
            "<</Type/Catalog/Pages {}/StructTreeRoot {struct_tree}/MarkInfo<</Marked true>>\
             /Lang{}/ViewerPreferences<</DisplayDocTitle true>>",
            page_tree,
            text_string(&info.language)
        );
        if let Some(outlines) = outlines {
            // The outline pane opens with the paper.
            let _ = write!(catalog, "/Outlines {outlines}/PageMode/UseOutlines");
        }
        let metadata = file.reserve();
        file.stream(
            metadata,
            "/Type/Metadata/Subtype/XML",
            xmp::packet(info).as_bytes(),
            false,
        );
        let _ = write!(catalog, "/Metadata {metadata}");
        if let Some((name, filespec, _)) = &attached {
            let _ = write!(
                catalog,
                "/Names<</EmbeddedFiles<</Names[{}{filespec}]>>>>/AF[{filespec}]",
                text_string(name)
            );
        }
        catalog.push_str(">>");
        let catalog_id = file.reserve();
        file.object(catalog_id, catalog.into_bytes());
        let info_id = file.reserve();
        file.object(info_id, info_dict(info).into_bytes());

        let id = document_id(
            info,
            pages.len(),
            attached.as_ref().map(|(_, _, digest)| digest),
        );
        let trailer = format!("/Root {catalog_id}/Info {info_id}/ID[<{id}><{id}>]");
        Ok(file.finish(&trailer, elements))
    }
}

/// The document's id: a digest of what makes the paper, so the same input gives the same file.
fn document_id(info: &DocumentInfo, num_pages: usize, attached: Option<&Checksum>) -> String {
    let mut hasher = Sha256::new();
    hasher.update(info.title.as_bytes());
    hasher.update(num_pages.to_le_bytes());
    if let Some(digest) = attached {
        hasher.update(digest.to_string().as_bytes());
    }
    if let Some(produced) = info.produced {
        hasher.update(produced.as_second().to_le_bytes());
    }
    hasher
        .finalize()
        .iter()
        .take(16)
        .fold(String::new(), |mut hex, byte| {
            let _ = write!(hex, "{byte:02x}");
            hex
        })
}

/// The document information dictionary, with the dates from the options (or none).
fn info_dict(info: &DocumentInfo) -> String {
    let mut dict = format!(
        "<</Title{}/Author{}/Subject{}/Keywords{}/Creator{}/Producer{}",
        text_string(&info.title),
        text_string(&info.author),
        text_string(&info.subject),
        text_string(&info.keywords.join(",")),
        text_string(&info.creator),
        text_string(&info.creator),
    );
    if let Some(produced) = info.produced {
        let date = produced.strftime("D:%Y%m%d%H%M%SZ").to_string();
        let _ = write!(dict, "/CreationDate({date})/ModDate({date})");
    }
    dict.push_str(">>");
    dict
}

/// Writes the outline, one bookmark after another, each opening its page at the top; `None`
/// when there are no bookmarks.
fn write_outline(file: &mut PdfFile, outline: &[Bookmark], page_ids: &[Ref]) -> Option<Ref> {
    if outline.is_empty() {
        return None;
    }
    let root = file.reserve();
    let ids: Vec<Ref> = outline.iter().map(|_| file.reserve()).collect();
    for (idx, bookmark) in outline.iter().enumerate() {
        let mut item = format!("<</Title{}/Parent {root}", text_string(&bookmark.title));
        if let Some(prev) = idx.checked_sub(1).map(|prev| ids[prev]) {
            let _ = write!(item, "/Prev {prev}");
        }
        if let Some(next) = ids.get(idx + 1) {
            let _ = write!(item, "/Next {next}");
        }
        if let Some(page) = page_ids.get(bookmark.page_idx) {
            let _ = write!(item, "/Dest[{page}/XYZ 0 {} 0]", points(PAGE_HEIGHT));
        }
        item.push_str(">>");
        file.object(ids[idx], item.into_bytes());
    }
    let (first, last) = (ids[0], ids[ids.len() - 1]);
    file.object(
        root,
        format!(
            "<</Type/Outlines/First {first}/Last {last}/Count {}>>",
            ids.len()
        )
        .into_bytes(),
    );
    Some(root)
}

/// The register a paper carries, compressed and hashed as it is written (`PaperWriter::attach`).
pub(crate) struct Carried {
    hasher: TextHasher,
    packed: flate2::write::ZlibEncoder<Vec<u8>>,
    size: usize,
}

impl std::fmt::Write for Carried {
    fn write_str(&mut self, text: &str) -> std::fmt::Result {
        use std::io::Write as _;
        self.hasher.write_str(text)?;
        self.packed
            .write_all(text.as_bytes())
            .map_err(|_| std::fmt::Error)?;
        self.size += text.len();
        Ok(())
    }
}

/// A carried file, compressed.
struct Embedded<'a> {
    name: &'a str,
    description: &'a str,
    packed: &'a [u8],
    /// Its size before compression.
    size: usize,
    digest: Checksum,
}

/// Writes `embedded` as an embedded file and returns its file specification.
fn embed(file: &mut PdfFile, embedded: &Embedded<'_>) -> Ref {
    // The digest the cover shows, in full, so the register can be checked against its pages.
    let stream = file.reserve();
    file.raw_stream(
        stream,
        &format!(
            "/Type/EmbeddedFile/Subtype{}/Params<</Size {}>>{}{}",
            name("text/plain"),
            embedded.size,
            name(dpia_core::register_text::PAPER_DIGEST_KEY),
            text_string(&embedded.digest.to_string())
        ),
        Some(embedded.packed),
        &[],
    );
    let filespec = file.reserve();
    file.object(
        filespec,
        format!(
            "<</Type/Filespec/F{}/UF{}/Desc{}/AFRelationship/Source/EF<</F {stream}>>>>",
            text_string(embedded.name),
            text_string(embedded.name),
            text_string(embedded.description)
        )
        .into_bytes(),
    );
    filespec
}

/// What the page's graphics state was last set to, so each is written only when it changes.
#[derive(Default)]
struct State {
    fill: Option<Rgb>,
    stroke: Option<(Rgb, i32)>,
    font: Option<(String, i32)>,
    /// The text leading (`TL`), in tenths of a point.
    leading: Option<i32>,
}

impl State {
    fn fill(&mut self, content: &mut Content, rgb: Rgb) {
        if self.fill != Some(rgb) {
            content.fill_colour(rgb);
            self.fill = Some(rgb);
        }
    }

    fn stroke(&mut self, content: &mut Content, rgb: Rgb, thickness: f32) {
        let width = tenths(thickness);
        match self.stroke {
            Some((colour, _)) if colour == rgb => {}
            _ => content.stroke_colour(rgb),
        }
        match self.stroke {
            Some((_, had)) if had == width => {}
            _ => content.line_width(thickness),
        }
        self.stroke = Some((rgb, width));
    }
}

/// Draws `items` into `content`, setting font and colours only when they change, each mark in
/// its marked-content sequence (`tags`).
///
/// The decoration (every rectangle and rule that is not part of a figure: backgrounds, chips,
/// rules, all artifacts) is drawn first, as one artifact, with runs of the same colour as one
/// path; it lies under the text, as it did in drawing order, since the layout never draws
/// decoration over text. Then the text and the figures, in order, in one text object that is left
/// only to draw a figure's shapes, each run placed relative to the one before, so a table's
/// columns repeat the same short moves from row to row.
fn draw(
    items: &[Item],
    content: &mut Content,
    fonts: &mut Fonts,
    tagger: &mut Tagger,
    file: &mut PdfFile,
) {
    let mut state = State::default();
    let items = shapes_first(items);
    let (decoration, rest) = decoration_first(&items);
    draw_decoration(&decoration, content, &mut state);

    let mut text = Text {
        open: false,
        line_start: (0, 0),
        region_outside: false,
    };
    for (item_idx, item) in rest.iter().enumerate() {
        let item = *item;
        match item {
            Item::Text(run) => {
                text.ensure(content, tagger);
                tagger.before_text(content, file);
                let shown = shown_text(run, &rest[item_idx + 1..]);
                state.fill(content, run.colour);
                text.show(run, &shown, content, fonts, file, &mut state);
            }
            Item::Rect(_) | Item::Rule(_) => {
                if text.open {
                    tagger.end_region(content);
                    content.end_text();
                    text.open = false;
                }
                draw_figure_shape(item, content, tagger, &mut state);
                text.region_outside = true;
            }
            Item::Open(tag) => {
                text.ensure(content, tagger);
                tagger.open(tag, content, file);
            }
            Item::Close => {
                text.ensure(content, tagger);
                tagger.close(content);
            }
        }
    }
    if text.open {
        tagger.end_marks(content);
        content.end_text();
    }
}

/// Where the page's text is: in a text object or not, and where its last line started.
struct Text {
    open: bool,
    /// Where the last run started, in tenths of a point: each run is placed relative to it.
    line_start: (i32, i32),
    /// Whether the open marked-content sequence was begun outside the text object (a figure's,
    /// begun for its shapes): it must end outside it too.
    region_outside: bool,
}

impl Text {
    /// Begins a text object if none is open, ending first a figure's sequence begun outside.
    fn ensure(&mut self, content: &mut Content, tagger: &mut Tagger) {
        if self.open {
            return;
        }
        if self.region_outside {
            tagger.end_region(content);
            self.region_outside = false;
        }
        content.begin_text();
        self.open = true;
        self.line_start = (0, 0);
    }

    /// Shows `run` (as `shown`): placed relative to the last line, by `'` where it is the next
    /// line down at the same leading.
    fn show(
        &mut self,
        run: &TextRun,
        shown: &str,
        content: &mut Content,
        fonts: &mut Fonts,
        file: &mut PdfFile,
        state: &mut State,
    ) {
        let start = (tenths(run.x), tenths(PAGE_HEIGHT - run.baseline));
        let (dx, dy) = (start.0 - self.line_start.0, start.1 - self.line_start.1);
        let size = tenths(run.size);
        let mut moved = false;
        for (font, codes) in fonts.encode(file, run.face, shown) {
            if state.font.as_ref() != Some(&(font.clone(), size)) {
                content.font(&font, run.size);
                state.font = Some((font, size));
            }
            if moved {
                content.show(&codes);
                continue;
            }
            moved = true;
            self.line_start = start;
            if dx == 0 && dy < 0 {
                if state.leading != Some(-dy) {
                    content.leading(-dy);
                    state.leading = Some(-dy);
                }
                content.next_line_show(&codes);
            } else {
                content.move_text(dx, dy);
                content.show(&codes);
            }
        }
    }
}

/// The page's decoration (rectangles and rules outside figures, and inside explicit artifacts),
/// and the rest (text, figures' shapes, structure markers), each in drawing order. Figures are
/// found as the tagger finds them: the innermost part open outside any artifact is a figure.
fn decoration_first<'a>(items: &[&'a Item]) -> (Vec<&'a Item>, Vec<&'a Item>) {
    let mut decoration = Vec::new();
    let mut rest = Vec::with_capacity(items.len());
    let mut open: Vec<Role> = Vec::new();
    let mut artifact_depth = 0_usize;
    for &item in items {
        match item {
            Item::Open(tag) => {
                if tag.role.is_artifact() || artifact_depth > 0 {
                    artifact_depth += 1;
                } else {
                    open.push(tag.role);
                }
                rest.push(item);
            }
            Item::Close => {
                if artifact_depth > 0 {
                    artifact_depth -= 1;
                } else {
                    open.pop();
                }
                rest.push(item);
            }
            Item::Rect(_) | Item::Rule(_)
                if artifact_depth > 0 || open.last() != Some(&Role::Figure) =>
            {
                decoration.push(item);
            }
            _ => rest.push(item),
        }
    }
    (decoration, rest)
}

/// Draws the decoration as one artifact: consecutive rectangles of one colour as one filled path,
/// consecutive rules of one colour and width as one stroked path.
fn draw_decoration(decoration: &[&Item], content: &mut Content, state: &mut State) {
    if decoration.is_empty() {
        return;
    }
    content.begin_marked("Artifact");
    let mut path: Option<&'static str> = None;
    for item in decoration {
        match item {
            Item::Rect(rect) => {
                if path == Some("S") || (path.is_some() && state.fill != Some(rect.fill)) {
                    end_path(content, path.take());
                }
                state.fill(content, rect.fill);
                let bottom = PAGE_HEIGHT - rect.y - rect.height;
                content.rectangle(rect.x, bottom, rect.width, rect.height);
                path = Some("f");
            }
            Item::Rule(rule) => {
                let same = state.stroke == Some((rule.colour, tenths(rule.thickness)));
                if path == Some("f") || (path.is_some() && !same) {
                    end_path(content, path.take());
                }
                state.stroke(content, rule.colour, rule.thickness);
                content.line(
                    (rule.x1, PAGE_HEIGHT - rule.y1),
                    (rule.x2, PAGE_HEIGHT - rule.y2),
                );
                path = Some("S");
            }
            Item::Text(_) | Item::Open(_) | Item::Close => {}
        }
    }
    end_path(content, path);
    content.end_marked();
}

fn end_path(content: &mut Content, path: Option<&str>) {
    match path {
        Some("f") => content.fill(),
        Some(_) => content.stroke(),
        None => {}
    }
}

/// Draws a rectangle or rule of a figure, in the figure's marked content.
fn draw_figure_shape(item: &Item, content: &mut Content, tagger: &mut Tagger, state: &mut State) {
    match item {
        Item::Rect(rect) => {
            let bottom = PAGE_HEIGHT - rect.y - rect.height;
            tagger.before_shape(
                [rect.x, bottom, rect.x + rect.width, bottom + rect.height],
                content,
            );
            state.fill(content, rect.fill);
            content.rectangle(rect.x, bottom, rect.width, rect.height);
            content.fill();
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
                content,
            );
            state.stroke(content, rule.colour, rule.thickness);
            content.line((rule.x1, y1), (rule.x2, y2));
            content.stroke();
        }
        Item::Text(_) | Item::Open(_) | Item::Close => {}
    }
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

/// Which face a run is set in, for the tests.
#[cfg(test)]
fn faces(report: &Report) -> Vec<crate::metrics::Face> {
    let mut faces: Vec<crate::metrics::Face> = report
        .pages
        .iter()
        .flat_map(|page| &page.items)
        .filter_map(|item| match item {
            Item::Text(run) => Some(run.face),
            _ => None,
        })
        .collect();
    faces.sort_unstable();
    faces.dedup();
    faces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ReportOptions;

    #[test]
    fn a_paper_reads_back_with_every_page_and_both_faces() {
        let register = dpia_core::synthetic::register(40, 3);
        let report = crate::layout(&register, &ReportOptions::default());
        assert!(report.pages.len() > 6, "{} pages", report.pages.len());
        assert_eq!(faces(&report), crate::metrics::Face::ALL);
        let bytes = write(&report).unwrap();
        let doc = lopdf::Document::load_mem(&bytes).expect("lopdf reads it");
        assert_eq!(doc.get_pages().len(), report.pages.len());
        assert_eq!(write(&report).unwrap(), bytes, "the same bytes every time");
    }
}
