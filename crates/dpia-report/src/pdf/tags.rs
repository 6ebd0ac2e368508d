//! Tagging: the page's `Open`/`Close` markers turned into marked content in the page streams and
//! a structure tree beside them, so a screen reader reads the paper as headings, paragraphs,
//! lists, tables and figures in reading order, and skips the page furniture.
//!
//! Drawing goes through a `Tagger`, which wraps each mark in the right marked-content sequence:
//! text in the innermost open part (a `BDC` with the part's role and an `MCID`), or in an
//! automatic paragraph where no part is open, so no text is ever hidden from a reader; rectangles
//! and rules are decoration (`/Artifact`) except inside a figure; explicit artifacts (the running
//! header and footer, a repeated table header) are `/Artifact` with their pagination type.
//! Parts stay open across pages, so a table or a paragraph that breaks is one part. Each page's
//! entry in the parent tree is written when the page ends; `finish` writes the structure tree.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use super::content::{Content, points};
use super::file::{PdfFile, Ref, text_string};
use crate::page::{Role, Tag};

/// One part of the structure tree: a few bytes, since a long register's paper has a million.
#[derive(Debug)]
struct Element {
    /// Its object.
    id: Ref,
    /// What it is; `None` for the root, the Document.
    role: Option<Role>,
    /// Its parent's index (the root is its own).
    parent: u32,
    /// Its first and last child in `Tagger::kids`: its parts and marked content, in reading
    /// order.
    kids: Option<(u32, u32)>,
}

/// What few elements have beyond their type, parent and children.
#[derive(Debug, Default)]
struct Extra {
    /// A figure's words for a reader.
    alt: Option<String>,
    /// A figure's bounding box on its page, in PDF coordinates: left, bottom, right, top.
    bbox: Option<[f32; 4]>,
    /// Its language, where it is not the document's.
    lang: Option<&'static str>,
}

/// A child of a structure element.
#[derive(Debug, Clone, Copy)]
enum Kid {
    /// Another element.
    Element(u32),
    /// A marked-content sequence on a page.
    Content { page_idx: u32, mcid: u32 },
}

/// A child in the list of its parent's children.
#[derive(Debug)]
struct KidNode {
    kid: Kid,
    /// The next child of the same parent.
    next: Option<u32>,
}

/// An index as the tree stores it (a paper has far fewer than 2³² parts).
fn index(idx: usize) -> u32 {
    u32::try_from(idx).unwrap_or(u32::MAX)
}

/// What the marks being drawn belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Region {
    /// Nothing open.
    None,
    /// A marked-content sequence of this element.
    Content(usize),
    /// Decoration (rectangles and rules outside figures), an artifact.
    Decoration,
}

/// Turns markers into marked content while the pages are drawn, and remembers the tree.
#[derive(Debug)]
pub(super) struct Tagger {
    elements: Vec<Element>,
    /// Every element's children, each list linked through `KidNode::next`.
    kids: Vec<KidNode>,
    /// The figures' words and boxes and the spans' languages, by element.
    extras: HashMap<usize, Extra>,
    /// The open elements, innermost last; they stay open from one page to the next.
    stack: Vec<usize>,
    /// The elements opened with a key, to continue.
    keyed: BTreeMap<u32, usize>,
    /// The current page's index, and the element each of its MCIDs belongs to, in MCID order.
    page: Option<(usize, Vec<usize>)>,
    /// Each page's array in the parent tree, written when the page ended.
    parent_arrays: Vec<Ref>,
    /// The region open on the current page.
    region: Region,
    /// How deep inside explicit artifacts the drawing is.
    artifact_depth: usize,
    /// The automatic paragraph open for text outside any part, if any.
    automatic: Option<usize>,
}

impl Tagger {
    /// A tagger with the Document root.
    pub(super) fn new(file: &mut PdfFile<'_>) -> Self {
        Self {
            elements: vec![Element {
                id: file.reserve(),
                role: None,
                parent: 0,
                kids: None,
            }],
            kids: Vec::new(),
            extras: HashMap::new(),
            stack: Vec::new(),
            keyed: BTreeMap::new(),
            page: None,
            parent_arrays: Vec::new(),
            region: Region::None,
            artifact_depth: 0,
            automatic: None,
        }
    }

    /// Starts a page.
    pub(super) fn start_page(&mut self) {
        self.page = Some((self.parent_arrays.len(), Vec::new()));
        self.region = Region::None;
        self.automatic = None;
    }

    /// Ends the page: every marked-content sequence closes (parts stay open), and the page's
    /// array in the parent tree is written.
    pub(super) fn end_page(&mut self, content: &mut Content, file: &mut PdfFile<'_>) {
        self.end_marks(content);
        if let Some((_, elements)) = self.page.take() {
            let mut array = String::from("[");
            for (idx, element) in elements.iter().enumerate() {
                if idx > 0 {
                    array.push(' ');
                }
                let _ = write!(array, "{}", self.elements[*element].id);
            }
            array.push(']');
            let id = file.reserve();
            file.object(id, array.into_bytes());
            self.parent_arrays.push(id);
        }
    }

    /// An `Open` marker.
    pub(super) fn open(&mut self, tag: &Tag, content: &mut Content, file: &mut PdfFile<'_>) {
        if tag.role.is_artifact() || self.artifact_depth > 0 {
            if self.artifact_depth == 0 {
                self.end_region(content);
                artifact(tag.role, content);
            }
            self.artifact_depth += 1;
            return;
        }
        self.end_region(content);
        self.automatic = None;
        if let Some(&element) = tag.key.and_then(|key| self.keyed.get(&key)) {
            self.stack.push(element);
            return;
        }
        let parent = self.stack.last().copied().unwrap_or(0);
        let element = self.add_element(file, tag.role, parent);
        if tag.alt.is_some() || tag.lang.is_some() {
            self.extras.insert(
                element,
                Extra {
                    alt: tag.alt.clone(),
                    lang: tag.lang,
                    bbox: None,
                },
            );
        }
        if let Some(key) = tag.key {
            self.keyed.insert(key, element);
        }
        self.stack.push(element);
    }

    /// A `Close` marker.
    pub(super) fn close(&mut self, content: &mut Content) {
        if self.artifact_depth > 0 {
            self.artifact_depth -= 1;
            if self.artifact_depth == 0 {
                content.end_marked();
            }
            return;
        }
        self.end_region(content);
        self.automatic = None;
        self.stack.pop();
    }

    /// Before drawing text: into the innermost open part, or an automatic paragraph.
    pub(super) fn before_text(&mut self, content: &mut Content, file: &mut PdfFile<'_>) {
        if self.artifact_depth > 0 {
            return;
        }
        let element = if let Some(&element) = self.stack.last() {
            element
        } else if let Some(paragraph) = self.automatic {
            paragraph
        } else {
            self.end_region(content);
            let paragraph = self.add_element(file, Role::P, 0);
            self.automatic = Some(paragraph);
            paragraph
        };
        self.begin_content(element, content);
    }

    /// Before drawing a rectangle or rule covering `bbox` (PDF coordinates): part of a figure,
    /// else decoration.
    pub(super) fn before_shape(&mut self, bbox: [f32; 4], content: &mut Content) {
        if self.artifact_depth > 0 {
            return;
        }
        match self.stack.last() {
            Some(&element) if self.elements[element].role == Some(Role::Figure) => {
                let figure = self.extras.entry(element).or_default();
                figure.bbox = Some(figure.bbox.map_or(bbox, |have| {
                    [
                        have[0].min(bbox[0]),
                        have[1].min(bbox[1]),
                        have[2].max(bbox[2]),
                        have[3].max(bbox[3]),
                    ]
                }));
                self.begin_content(element, content);
            }
            _ => {
                if self.region != Region::Decoration {
                    self.end_region(content);
                    content.begin_marked("Artifact");
                    self.region = Region::Decoration;
                }
            }
        }
    }

    /// A new element of `role` under `parent`, its object reserved in `file`.
    fn add_element(&mut self, file: &mut PdfFile<'_>, role: Role, parent: usize) -> usize {
        let element = self.elements.len();
        self.elements.push(Element {
            id: file.reserve(),
            role: Some(role),
            parent: index(parent),
            kids: None,
        });
        self.add_kid(parent, Kid::Element(index(element)));
        element
    }

    /// Adds `kid` after `element`'s other children.
    fn add_kid(&mut self, element: usize, kid: Kid) {
        let node = index(self.kids.len());
        self.kids.push(KidNode { kid, next: None });
        let slot = &mut self.elements[element].kids;
        match slot {
            Some((_, last)) => {
                self.kids[*last as usize].next = Some(node);
                *last = node;
            }
            None => *slot = Some((node, node)),
        }
    }

    /// `element`'s children, in reading order.
    fn kids_of(&self, element: usize) -> impl Iterator<Item = Kid> + '_ {
        let mut next = self.elements[element].kids.map(|(first, _)| first);
        std::iter::from_fn(move || {
            let node = &self.kids[next? as usize];
            next = node.next;
            Some(node.kid)
        })
    }

    fn begin_content(&mut self, element: usize, content: &mut Content) {
        if self.region == Region::Content(element) {
            return;
        }
        self.end_region(content);
        let Some((page_idx, elements)) = self.page.as_mut() else {
            return;
        };
        let page_idx = index(*page_idx);
        let mcid = elements.len();
        elements.push(element);
        self.add_kid(
            element,
            Kid::Content {
                page_idx,
                mcid: index(mcid),
            },
        );
        let role = self.elements[element].role.map_or("P", structure_type);
        content.begin_marked_content(role, mcid);
        self.region = Region::Content(element);
    }

    /// Ends every marked-content sequence open on the page (parts stay open).
    pub(super) fn end_marks(&mut self, content: &mut Content) {
        self.end_region(content);
        for _ in 0..self.artifact_depth {
            content.end_marked();
        }
        self.artifact_depth = 0;
    }

    /// Ends the marked-content sequence of the open region, if any.
    pub(super) fn end_region(&mut self, content: &mut Content) {
        if self.region != Region::None {
            content.end_marked();
            self.region = Region::None;
        }
    }

    /// Writes the structure tree's root and parent tree into `file`, whose pages are `page_ids`
    /// in order, and returns the root and the elements' objects, in number order, made one at a
    /// time as the file packs them (`PdfFile::finish`).
    pub(super) fn finish(
        self,
        file: &mut PdfFile<'_>,
        page_ids: Vec<Ref>,
    ) -> (Ref, impl Iterator<Item = (Ref, Vec<u8>)> + use<>) {
        let root_id = file.reserve();
        let mut nums = String::new();
        for (page_idx, array) in self.parent_arrays.iter().enumerate() {
            let _ = write!(
                nums,
                "{}{page_idx} {array}",
                if page_idx > 0 { " " } else { "" }
            );
        }
        let parent_tree = file.reserve();
        file.object(parent_tree, format!("<</Nums[{nums}]>>").into_bytes());
        let root = format!(
            "<</Type/StructTreeRoot/K {}/ParentTree {parent_tree}/ParentTreeNextKey {}>>",
            self.elements.first().map_or(root_id, |root| root.id),
            self.parent_arrays.len()
        );
        file.object(root_id, root.into_bytes());
        let pages = self.pages();
        let elements = (0..self.elements.len()).map(move |element_idx| {
            let element = &self.elements[element_idx];
            let parent = if element_idx == 0 {
                root_id
            } else {
                self.elements[element.parent as usize].id
            };
            let dict = self.element_dict(element_idx, pages[element_idx], parent, &page_ids);
            (element.id, dict.into_bytes())
        });
        (root_id, elements)
    }

    /// One structure element's dictionary: its type, parent, children (marked content on its own
    /// page as MCIDs, on other pages as marked-content references), page and attributes.
    fn element_dict(
        &self,
        element_idx: usize,
        page: ElementPage,
        parent: Ref,
        page_ids: &[Ref],
    ) -> String {
        let element = &self.elements[element_idx];
        let extra = self.extras.get(&element_idx);
        let first_page = page.effective;
        let kids: Vec<String> = self
            .kids_of(element_idx)
            .filter_map(|kid| match kid {
                Kid::Element(child) => Some(self.elements[child as usize].id.to_string()),
                Kid::Content { page_idx, mcid } if Some(page_idx) == first_page => {
                    Some(mcid.to_string())
                }
                Kid::Content { page_idx, mcid } => Some(format!(
                    "<</Type/MCR/Pg {}/MCID {mcid}>>",
                    page_ids.get(page_idx as usize)?
                )),
            })
            .collect();
        // `/Type /StructElem` is optional; thousands of cells are smaller without it. One child is
        // written alone, not as an array of one: thousands of table cells each hold one
        // marked-content sequence.
        let kids = match kids.as_slice() {
            [only] => only.clone(),
            _ => format!("[{}]", kids.join(" ")),
        };
        let mut dict = format!(
            "<</S/{}/P {parent}/K {kids}",
            element.role.map_or("Document", structure_type)
        );
        if let Some(page_id) = page
            .written
            .and_then(|page_idx| page_ids.get(page_idx as usize))
        {
            let _ = write!(dict, "/Pg {page_id}");
        }
        if let Some(lang) = extra.and_then(|extra| extra.lang) {
            let _ = write!(dict, "/Lang{}", text_string(lang));
        }
        match element.role {
            Some(Role::ColumnHeader) => dict.push_str("/A<</O/Table/Scope/Column>>"),
            Some(Role::RowHeader) => dict.push_str("/A<</O/Table/Scope/Row>>"),
            Some(Role::Figure) => {
                if let Some(alt) = extra.and_then(|extra| extra.alt.as_ref()) {
                    let _ = write!(dict, "/Alt{}", text_string(alt));
                }
                if let Some([left, bottom, right, top]) = extra.and_then(|extra| extra.bbox) {
                    let _ = write!(
                        dict,
                        "/A<</O/Layout/BBox[{} {} {} {}]>>",
                        points(left),
                        points(bottom),
                        points(right),
                        points(top)
                    );
                }
            }
            _ => {}
        }
        dict.push_str(">>");
        dict
    }
}

/// The page an element's marked content is on (`/Pg`), as written and as a reader resolves it.
#[derive(Debug, Clone, Copy, Default)]
struct ElementPage {
    /// The page written on the element itself, if any.
    written: Option<u32>,
    /// The page its integer MCIDs are on: its own `/Pg`, else its nearest ancestor's.
    effective: Option<u32>,
}

impl Tagger {
    /// Each element's page. A reader resolves an integer MCID against the `/Pg` of the element or
    /// of its nearest ancestor that has one, so `/Pg` is written only where it differs from the
    /// inherited page: on a row for its cells, and on a cell that continues on another page.
    /// Thousands of cells then carry none.
    fn pages(&self) -> Vec<ElementPage> {
        // The page of the first marked content in each element's subtree, in reading order.
        // Children always come after their parent, so one pass from the end finds them all.
        let mut first_in_subtree: Vec<Option<u32>> = vec![None; self.elements.len()];
        for element_idx in (0..self.elements.len()).rev() {
            first_in_subtree[element_idx] = self.kids_of(element_idx).find_map(|kid| match kid {
                Kid::Content { page_idx, .. } => Some(page_idx),
                Kid::Element(child) => first_in_subtree[child as usize],
            });
        }
        let mut pages = vec![ElementPage::default(); self.elements.len()];
        for (element_idx, element) in self.elements.iter().enumerate() {
            let inherited = if element_idx == 0 {
                None
            } else {
                pages[element.parent as usize].effective
            };
            let own = self
                .kids_of(element_idx)
                .find_map(|kid| match kid {
                    Kid::Content { page_idx, .. } => Some(page_idx),
                    Kid::Element(_) => None,
                })
                .or(first_in_subtree[element_idx]);
            let written = own.filter(|page| Some(*page) != inherited);
            pages[element_idx] = ElementPage {
                written,
                effective: written.or(inherited),
            };
        }
        pages
    }
}

/// The standard structure type a role is written as.
fn structure_type(role: Role) -> &'static str {
    match role {
        Role::H1 => "H1",
        Role::H2 => "H2",
        Role::P => "P",
        Role::L => "L",
        Role::LI => "LI",
        Role::Lbl => "Lbl",
        Role::LBody => "LBody",
        Role::Table => "Table",
        Role::TR => "TR",
        Role::ColumnHeader | Role::RowHeader => "TH",
        Role::TD => "TD",
        Role::Figure => "Figure",
        Role::Span => "Span",
        Role::RunningHeader | Role::RunningFooter | Role::Artifact => "Artifact",
    }
}

/// The start of an explicit artifact: pagination (header or footer) or plain.
fn artifact(role: Role, content: &mut Content) {
    match role {
        Role::RunningHeader => content.begin_pagination("Header"),
        Role::RunningFooter => content.begin_pagination("Footer"),
        _ => content.begin_marked("Artifact"),
    }
}
