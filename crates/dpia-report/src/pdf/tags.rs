//! Tagging: the page's `Open`/`Close` markers turned into marked content in the page streams and
//! a structure tree beside them, so a screen reader reads the paper as headings, paragraphs,
//! lists, tables and figures in reading order, and skips the page furniture.
//!
//! Drawing goes through a `Tagger`, which wraps each mark in the right marked-content sequence:
//! text in the innermost open part (a `BDC` with the part's role and an `MCID`), or in an
//! automatic paragraph where no part is open, so no text is ever hidden from a reader; rectangles
//! and rules are decoration (`/Artifact`) except inside a figure; explicit artifacts (the running
//! header and footer, a repeated table header) are `/Artifact` with their pagination type.
//! Parts stay open across pages, so a table or a paragraph that breaks is one part. `finish`
//! then writes the structure tree with lopdf (after printpdf has made the document).

use std::collections::BTreeMap;

use lopdf::{Dictionary, Object, ObjectId};
use printpdf::Op;
use printpdf::xobject::DictItem;

use crate::page::{Role, Tag};

/// One part of the structure tree.
#[derive(Debug)]
struct Element {
    /// What it is; `None` for the root, the Document.
    role: Option<Role>,
    /// Its parent's index (the root is its own).
    parent: usize,
    /// Its parts and its marked content, in reading order.
    kids: Vec<Kid>,
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
    Element(usize),
    /// A marked-content sequence on a page.
    Content { page_idx: usize, mcid: i64 },
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
    /// The open elements, innermost last; they stay open from one page to the next.
    stack: Vec<usize>,
    /// The elements opened with a key, to continue.
    keyed: BTreeMap<u32, usize>,
    /// For each page, the element each MCID belongs to, in MCID order.
    parent_tree: Vec<Vec<usize>>,
    /// The region open on the current page.
    region: Region,
    /// How deep inside explicit artifacts the drawing is.
    artifact_depth: usize,
    /// The automatic paragraph open for text outside any part, if any.
    automatic: Option<usize>,
}

impl Tagger {
    /// A tagger with the Document root.
    pub(super) fn new() -> Self {
        Self {
            elements: vec![Element {
                role: None,
                parent: 0,
                kids: Vec::new(),
                alt: None,
                bbox: None,
                lang: None,
            }],
            stack: Vec::new(),
            keyed: BTreeMap::new(),
            parent_tree: Vec::new(),
            region: Region::None,
            artifact_depth: 0,
            automatic: None,
        }
    }

    /// Starts a page.
    pub(super) fn start_page(&mut self) {
        self.parent_tree.push(Vec::new());
        self.region = Region::None;
        self.automatic = None;
    }

    /// Ends the page: every marked-content sequence closes (parts stay open).
    pub(super) fn end_page(&mut self, ops: &mut Vec<Op>) {
        self.end_region(ops);
        for _ in 0..self.artifact_depth {
            ops.push(Op::EndMarkedContent);
        }
        self.artifact_depth = 0;
    }

    /// An `Open` marker.
    pub(super) fn open(&mut self, tag: &Tag, ops: &mut Vec<Op>) {
        if tag.role.is_artifact() || self.artifact_depth > 0 {
            if self.artifact_depth == 0 {
                self.end_region(ops);
                ops.push(artifact_op(tag.role));
            }
            self.artifact_depth += 1;
            return;
        }
        self.end_region(ops);
        self.automatic = None;
        if let Some(&element) = tag.key.and_then(|key| self.keyed.get(&key)) {
            self.stack.push(element);
            return;
        }
        let parent = self.stack.last().copied().unwrap_or(0);
        let element = self.elements.len();
        self.elements.push(Element {
            role: Some(tag.role),
            parent,
            kids: Vec::new(),
            alt: tag.alt.clone(),
            bbox: None,
            lang: tag.lang,
        });
        self.elements[parent].kids.push(Kid::Element(element));
        if let Some(key) = tag.key {
            self.keyed.insert(key, element);
        }
        self.stack.push(element);
    }

    /// A `Close` marker.
    pub(super) fn close(&mut self, ops: &mut Vec<Op>) {
        if self.artifact_depth > 0 {
            self.artifact_depth -= 1;
            if self.artifact_depth == 0 {
                ops.push(Op::EndMarkedContent);
            }
            return;
        }
        self.end_region(ops);
        self.automatic = None;
        self.stack.pop();
    }

    /// Before drawing text: into the innermost open part, or an automatic paragraph.
    pub(super) fn before_text(&mut self, ops: &mut Vec<Op>) {
        if self.artifact_depth > 0 {
            return;
        }
        let element = if let Some(&element) = self.stack.last() {
            element
        } else if let Some(paragraph) = self.automatic {
            paragraph
        } else {
            self.end_region(ops);
            let paragraph = self.elements.len();
            self.elements.push(Element {
                role: Some(Role::P),
                parent: 0,
                kids: Vec::new(),
                alt: None,
                bbox: None,
                lang: None,
            });
            self.elements[0].kids.push(Kid::Element(paragraph));
            self.automatic = Some(paragraph);
            paragraph
        };
        self.begin_content(element, ops);
    }

    /// Before drawing a rectangle or rule covering `bbox` (PDF coordinates): part of a figure,
    /// else decoration.
    pub(super) fn before_shape(&mut self, bbox: [f32; 4], ops: &mut Vec<Op>) {
        if self.artifact_depth > 0 {
            return;
        }
        match self.stack.last() {
            Some(&element) if self.elements[element].role == Some(Role::Figure) => {
                let figure = &mut self.elements[element];
                figure.bbox = Some(figure.bbox.map_or(bbox, |have| {
                    [
                        have[0].min(bbox[0]),
                        have[1].min(bbox[1]),
                        have[2].max(bbox[2]),
                        have[3].max(bbox[3]),
                    ]
                }));
                self.begin_content(element, ops);
            }
            _ => {
                if self.region != Region::Decoration {
                    self.end_region(ops);
                    ops.push(Op::BeginMarkedContent {
                        tag: "Artifact".to_owned(),
                    });
                    self.region = Region::Decoration;
                }
            }
        }
    }

    fn begin_content(&mut self, element: usize, ops: &mut Vec<Op>) {
        if self.region == Region::Content(element) {
            return;
        }
        self.end_region(ops);
        let page_idx = self.parent_tree.len() - 1;
        let mcid = self.parent_tree[page_idx].len();
        self.parent_tree[page_idx].push(element);
        let mcid = i64::try_from(mcid).unwrap_or(i64::MAX);
        self.elements[element]
            .kids
            .push(Kid::Content { page_idx, mcid });
        let role = self.elements[element].role.map_or("P", structure_type);
        ops.push(Op::BeginMarkedContentWithProperties {
            tag: role.to_owned(),
            properties: DictItem::Dict {
                map: BTreeMap::from([("MCID".to_owned(), DictItem::Int(mcid))]),
            },
        });
        self.region = Region::Content(element);
    }

    fn end_region(&mut self, ops: &mut Vec<Op>) {
        if self.region != Region::None {
            ops.push(Op::EndMarkedContent);
            self.region = Region::None;
        }
    }

    /// Writes the structure tree into `pdf`, whose pages are `page_ids` in order, and marks the
    /// document as tagged.
    pub(super) fn finish(&self, pdf: &mut lopdf::Document, page_ids: &[ObjectId]) -> ObjectId {
        let root_id = pdf.new_object_id();
        let ids: Vec<ObjectId> = self.elements.iter().map(|_| pdf.new_object_id()).collect();
        let pages = self.pages();
        for (element_idx, element) in self.elements.iter().enumerate() {
            let parent = if element_idx == 0 {
                root_id
            } else {
                ids[element.parent]
            };
            let dict = element_dict(element, pages[element_idx], parent, &ids, page_ids);
            pdf.objects
                .insert(ids[element_idx], Object::Dictionary(dict));
        }
        let mut nums = Vec::new();
        for (page_idx, elements) in self.parent_tree.iter().enumerate() {
            let refs = elements
                .iter()
                .map(|&element| Object::Reference(ids[element]))
                .collect();
            let array_id = pdf.add_object(Object::Array(refs));
            nums.push(Object::Integer(i64::try_from(page_idx).unwrap_or(i64::MAX)));
            nums.push(Object::Reference(array_id));
            if let Some(page_id) = page_ids.get(page_idx)
                && let Ok(page) = pdf.get_dictionary_mut(*page_id)
            {
                page.set(
                    "StructParents",
                    Object::Integer(i64::try_from(page_idx).unwrap_or(i64::MAX)),
                );
                page.set("Tabs", Object::Name(b"S".to_vec()));
            }
        }
        let parent_tree = pdf.add_object(Dictionary::from_iter([("Nums", Object::Array(nums))]));
        let next_key = i64::try_from(self.parent_tree.len()).unwrap_or(i64::MAX);
        pdf.objects.insert(
            root_id,
            Object::Dictionary(Dictionary::from_iter([
                ("Type", Object::Name(b"StructTreeRoot".to_vec())),
                ("K", Object::Reference(ids[0])),
                ("ParentTree", Object::Reference(parent_tree)),
                ("ParentTreeNextKey", Object::Integer(next_key)),
            ])),
        );
        root_id
    }
}

/// One structure element's dictionary: its type, parent, children (marked content on its own
/// page as MCIDs, on other pages as marked-content references), page and attributes.
fn element_dict(
    element: &Element,
    page: ElementPage,
    parent: ObjectId,
    ids: &[ObjectId],
    page_ids: &[ObjectId],
) -> Dictionary {
    let first_page = page.effective;
    let kids: Vec<Object> = element
        .kids
        .iter()
        .filter_map(|kid| match *kid {
            Kid::Element(child) => Some(Object::Reference(ids[child])),
            Kid::Content { page_idx, mcid } if Some(page_idx) == first_page => {
                Some(Object::Integer(mcid))
            }
            Kid::Content { page_idx, mcid } => Some(Object::Dictionary(Dictionary::from_iter([
                ("Type", Object::Name(b"MCR".to_vec())),
                ("Pg", Object::Reference(*page_ids.get(page_idx)?)),
                ("MCID", Object::Integer(mcid)),
            ]))),
        })
        .collect();
    // `/Type /StructElem` is optional; thousands of cells are smaller without it.
    let mut dict = Dictionary::from_iter([
        (
            "S",
            Object::Name(
                element
                    .role
                    .map_or("Document", structure_type)
                    .as_bytes()
                    .to_vec(),
            ),
        ),
        ("P", Object::Reference(parent)),
        (
            "K",
            // One child is written alone, not as an array of one: thousands of table
            // cells each hold one marked-content sequence.
            match <[Object; 1]>::try_from(kids) {
                Ok([only]) => only,
                Err(kids) => Object::Array(kids),
            },
        ),
    ]);
    if let Some(page_id) = page.written.and_then(|page_idx| page_ids.get(page_idx)) {
        dict.set("Pg", Object::Reference(*page_id));
    }
    if let Some(lang) = element.lang {
        dict.set("Lang", Object::string_literal(lang));
    }
    match element.role {
        Some(Role::ColumnHeader) => dict.set("A", table_scope(b"Column")),
        Some(Role::RowHeader) => dict.set("A", table_scope(b"Row")),
        Some(Role::Figure) => {
            if let Some(alt) = &element.alt {
                dict.set("Alt", super::text_string(alt));
            }
            if let Some(bbox) = element.bbox {
                dict.set(
                    "A",
                    Object::Dictionary(Dictionary::from_iter([
                        ("O", Object::Name(b"Layout".to_vec())),
                        (
                            "BBox",
                            Object::Array(bbox.iter().map(|&v| Object::Real(v)).collect()),
                        ),
                    ])),
                );
            }
        }
        _ => {}
    }
    dict
}

/// The page an element's marked content is on (`/Pg`), as written and as a reader resolves it.
#[derive(Debug, Clone, Copy, Default)]
struct ElementPage {
    /// The page written on the element itself, if any.
    written: Option<usize>,
    /// The page its integer MCIDs are on: its own `/Pg`, else its nearest ancestor's.
    effective: Option<usize>,
}

impl Tagger {
    /// Each element's page. A reader resolves an integer MCID against the `/Pg` of the element or
    /// of its nearest ancestor that has one, so `/Pg` is written only where it differs from the
    /// inherited page: on a row for its cells, and on a cell that continues on another page.
    /// Thousands of cells then carry none.
    fn pages(&self) -> Vec<ElementPage> {
        // The page of the first marked content in each element's subtree, in reading order.
        // Children always come after their parent, so one pass from the end finds them all.
        let mut first_in_subtree: Vec<Option<usize>> = vec![None; self.elements.len()];
        for element_idx in (0..self.elements.len()).rev() {
            first_in_subtree[element_idx] =
                self.elements[element_idx]
                    .kids
                    .iter()
                    .find_map(|kid| match *kid {
                        Kid::Content { page_idx, .. } => Some(page_idx),
                        Kid::Element(child) => first_in_subtree[child],
                    });
        }
        let mut pages = vec![ElementPage::default(); self.elements.len()];
        for (element_idx, element) in self.elements.iter().enumerate() {
            let inherited = if element_idx == 0 {
                None
            } else {
                pages[element.parent].effective
            };
            let own = element
                .kids
                .iter()
                .find_map(|kid| match *kid {
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
        Role::H3 => "H3",
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
fn artifact_op(role: Role) -> Op {
    let subtype = match role {
        Role::RunningHeader => "Header",
        Role::RunningFooter => "Footer",
        _ => {
            return Op::BeginMarkedContent {
                tag: "Artifact".to_owned(),
            };
        }
    };
    Op::BeginMarkedContentWithProperties {
        tag: "Artifact".to_owned(),
        properties: DictItem::Dict {
            map: BTreeMap::from([
                ("Type".to_owned(), DictItem::Name(b"Pagination".to_vec())),
                (
                    "Subtype".to_owned(),
                    DictItem::Name(subtype.as_bytes().to_vec()),
                ),
            ]),
        },
    }
}

/// A TH's attributes: which way it heads.
fn table_scope(scope: &[u8]) -> Object {
    Object::Dictionary(Dictionary::from_iter([
        ("O", Object::Name(b"Table".to_vec())),
        ("Scope", Object::Name(scope.to_vec())),
    ]))
}
