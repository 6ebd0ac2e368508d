//! The PDF file itself: numbered objects written as they are made, the small ones packed into
//! compressed object streams, and a compressed cross-reference stream that finds them all.
//!
//! Writes bytes straight into the output as it goes, so what is kept is the file, a place per
//! object and the objects waiting for their object stream, never a document model.

use std::fmt;
use std::fmt::Write as _;
use std::io::Write as _;

/// A reference to a numbered object: `12 0 R`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Ref(u32);

impl fmt::Display for Ref {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} 0 R", self.0)
    }
}

/// Where an object is in the file.
#[derive(Debug, Clone, Copy)]
enum Place {
    /// Reserved, not yet written.
    Reserved,
    /// Written at this byte offset.
    At(usize),
    /// Packed in an object stream (its number) at this index.
    Packed { stream: u32, index: u16 },
}

/// A PDF file being written.
pub(super) struct PdfFile {
    out: Vec<u8>,
    /// Each object's place, by number; number 0 is the free list's head.
    places: Vec<Place>,
    /// Objects waiting for their object stream: number and text. They are packed at the end,
    /// in number order, which compresses far better than the order they were made in.
    waiting: Vec<(u32, Vec<u8>)>,
    /// The zlib levels streams are compressed at.
    levels: Levels,
    /// The compressors, one per level, reused for every stream.
    deflaters: Vec<(u32, flate2::Compress)>,
}

/// The zlib levels a file's streams are compressed at (0 to 9).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Levels {
    /// Page content, fonts and the carried register.
    pub streams: u32,
    /// The object streams (the structure tree, the pages' dictionaries).
    pub object_streams: u32,
}

impl Levels {
    /// The levels a paper is written at, chosen by measurement (BENCHMARKS.md): the highest for
    /// page content, fonts and the register, where it costs little; 7 for the object streams,
    /// whose repetitive text makes the highest levels' longer searches slow for almost nothing
    /// (0.6% smaller at 9 than at 7, in 7 times the time).
    pub const PAPER: Self = Self {
        streams: 9,
        object_streams: 7,
    };

    /// Every stream at `level`.
    pub fn all(level: u32) -> Self {
        Self {
            streams: level,
            object_streams: level,
        }
    }
}

/// How many objects go in one object stream: larger streams compress better (BENCHMARKS.md).
const OBJECTS_PER_STREAM: usize = 8000;

impl PdfFile {
    /// A file with its header written, compressing at zlib `levels`.
    pub(super) fn new(levels: Levels) -> Self {
        let mut out = Vec::with_capacity(1 << 16);
        // The comment's high bytes tell a transfer program the file is binary.
        out.extend_from_slice(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
        Self {
            out,
            places: vec![Place::Reserved],
            waiting: Vec::new(),
            levels,
            deflaters: Vec::new(),
        }
    }

    /// The zlib levels streams are compressed at.
    pub(super) fn levels(&self) -> Levels {
        self.levels
    }

    /// A number for an object to be written later.
    pub(super) fn reserve(&mut self) -> Ref {
        let number = u32::try_from(self.places.len()).unwrap_or(u32::MAX);
        self.places.push(Place::Reserved);
        Ref(number)
    }

    /// Writes the object `id` (not a stream) into an object stream: `text` is its value, such as
    /// `<</S/P/P 12 0 R/K 3>>`.
    pub(super) fn object(&mut self, id: Ref, text: Vec<u8>) {
        self.waiting.push((id.0, text));
    }

    /// Writes the stream `id` with the dictionary entries `entries` (such as `/Type/EmbeddedFile`)
    /// and `data`, compressed when that makes it smaller and `compress` allows.
    pub(super) fn stream(&mut self, id: Ref, entries: &str, data: &[u8], compress: bool) {
        let packed = if compress {
            self.compressed(data)
        } else {
            None
        };
        self.raw_stream(id, entries, packed.as_deref(), data);
    }

    /// Writes a stream whose data was compressed already (`packed`, with `data` the original, for
    /// a stream that did not shrink).
    pub(super) fn raw_stream(
        &mut self,
        id: Ref,
        entries: &str,
        packed: Option<&[u8]>,
        data: &[u8],
    ) {
        self.places[id.0 as usize] = Place::At(self.out.len());
        let (filter, bytes) = match packed {
            Some(packed) => ("/Filter/FlateDecode", packed),
            None => ("", data),
        };
        let _ = write!(
            self.out,
            "{} 0 obj\n<<{entries}{filter}/Length {}>>stream\n",
            id.0,
            bytes.len()
        );
        self.out.extend_from_slice(bytes);
        self.out.extend_from_slice(b"\nendstream\nendobj\n");
    }

    /// `data` compressed at the file's level for streams, if that makes it smaller.
    pub(super) fn compressed(&mut self, data: &[u8]) -> Option<Vec<u8>> {
        self.deflate(data, self.levels.streams)
    }

    /// `data` zlib-compressed at `level`, if that makes it smaller. The compressor for each level
    /// is made once and reset for each stream: its tables are hundreds of kilobytes, and one made
    /// for each page churned the allocator so much that a 50,000-entry paper's process grew to
    /// nearly three times the memory it was using (BENCHMARKS.md).
    fn deflate(&mut self, data: &[u8], level: u32) -> Option<Vec<u8>> {
        let idx = if let Some(idx) = self.deflaters.iter().position(|(had, _)| *had == level) {
            idx
        } else {
            self.deflaters.push((
                level,
                flate2::Compress::new(flate2::Compression::new(level), true),
            ));
            self.deflaters.len() - 1
        };
        let compressor = &mut self.deflaters[idx].1;
        compressor.reset();
        let mut packed = Vec::with_capacity(data.len() / 4 + 64);
        loop {
            let consumed = usize::try_from(compressor.total_in()).ok()?;
            let status = compressor
                .compress_vec(
                    data.get(consumed..)?,
                    &mut packed,
                    flate2::FlushCompress::Finish,
                )
                .ok()?;
            if status == flate2::Status::StreamEnd {
                break;
            }
            packed.reserve(packed.capacity().max(1024));
        }
        (packed.len() < data.len()).then_some(packed)
    }

    /// Writes the waiting objects and `more` (objects made as they are packed, in number order),
    /// in number order, as compressed object streams, one stream's objects held at a time.
    fn pack(&mut self, more: impl Iterator<Item = (Ref, Vec<u8>)>) {
        let mut waiting = std::mem::take(&mut self.waiting);
        waiting.sort_unstable_by_key(|(number, _)| *number);
        let mut waiting = waiting.into_iter().peekable();
        let mut more = more.map(|(id, text)| (id.0, text)).peekable();
        let mut chunk = Vec::with_capacity(OBJECTS_PER_STREAM);
        loop {
            let next = match (waiting.peek(), more.peek()) {
                (Some(early), Some(late)) if late.0 < early.0 => more.next(),
                (Some(_), _) => waiting.next(),
                (None, _) => more.next(),
            };
            let Some(object) = next else { break };
            chunk.push(object);
            if chunk.len() == OBJECTS_PER_STREAM {
                self.object_stream(&chunk);
                chunk.clear();
            }
        }
        if !chunk.is_empty() {
            self.object_stream(&chunk);
        }
    }

    /// Writes `objects` as one compressed object stream.
    fn object_stream(&mut self, objects: &[(u32, Vec<u8>)]) {
        let stream = self.reserve();
        let mut header = String::new();
        let mut body = Vec::new();
        for (index, (number, text)) in objects.iter().enumerate() {
            let _ = write!(header, "{number} {} ", body.len());
            body.extend_from_slice(text);
            body.push(b'\n');
            self.places[*number as usize] = Place::Packed {
                stream: stream.0,
                index: u16::try_from(index).unwrap_or(u16::MAX),
            };
        }
        let first = header.len();
        let mut data = header.into_bytes();
        data.extend_from_slice(&body);
        let entries = format!("/Type/ObjStm/N {}/First {first}", objects.len());
        let packed = self.deflate(&data, self.levels.object_streams);
        self.raw_stream(stream, &entries, packed.as_deref(), &data);
    }

    /// Ends the file: the object streams (the waiting objects and `more`, objects made as they
    /// are packed, in number order), the cross-reference stream (with `trailer`'s entries, such
    /// as `/Root 1 0 R/Info 2 0 R/ID[…]`) and the end-of-file marker.
    pub(super) fn finish(
        mut self,
        trailer: &str,
        more: impl Iterator<Item = (Ref, Vec<u8>)>,
    ) -> Vec<u8> {
        self.pack(more);
        let xref = self.reserve();
        let xref_at = self.out.len();
        self.places[xref.0 as usize] = Place::At(xref_at);
        // Each row is `/W [1 4 2]`: type, offset or object stream, generation or index. The PNG
        // "Up" predictor stores each row as its difference from the one before, nearly all zeros.
        let mut rows = Vec::with_capacity(self.places.len() * (XREF_ROW + 1));
        let mut previous = [0_u8; XREF_ROW];
        for (number, place) in self.places.iter().enumerate() {
            let row = match *place {
                Place::At(offset) => row(1, u32::try_from(offset).unwrap_or(u32::MAX), 0),
                Place::Packed { stream, index } => row(2, stream, index),
                // Object 0 heads the free list; a reserved number never written is free too.
                Place::Reserved => row(0, 0, if number == 0 { u16::MAX } else { 0 }),
            };
            rows.push(2);
            for (byte, before) in row.iter().zip(&mut previous) {
                rows.push(byte.wrapping_sub(*before));
                *before = *byte;
            }
        }
        let data = self.deflate(&rows, 9).unwrap_or(rows);
        let _ = write!(
            self.out,
            "{} 0 obj\n<</Type/XRef/Size {}/W[1 4 2]{trailer}/Filter/FlateDecode\
             /DecodeParms<</Predictor 12/Columns {XREF_ROW}>>/Length {}>>stream\n",
            xref.0,
            self.places.len(),
            data.len()
        );
        self.out.extend_from_slice(&data);
        let _ = write!(
            self.out,
            "\nendstream\nendobj\nstartxref\n{xref_at}\n%%EOF\n"
        );
        self.out
    }
}

/// The bytes of one cross-reference row.
const XREF_ROW: usize = 7;

fn row(kind: u8, field: u32, index: u16) -> [u8; XREF_ROW] {
    let mut row = [kind, 0, 0, 0, 0, 0, 0];
    row[1..5].copy_from_slice(&field.to_be_bytes());
    row[5..].copy_from_slice(&index.to_be_bytes());
    row
}

/// A PDF text string: a literal where the text is printable ASCII, else UTF-16BE with a
/// byte-order mark, in hex.
pub(super) fn text_string(text: &str) -> String {
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        let mut literal = String::with_capacity(text.len() + 2);
        literal.push('(');
        for c in text.chars() {
            if matches!(c, '(' | ')' | '\\') {
                literal.push('\\');
            }
            literal.push(c);
        }
        literal.push(')');
        literal
    } else {
        let mut hex = String::with_capacity(text.len() * 4 + 6);
        hex.push_str("<FEFF");
        for unit in text.encode_utf16() {
            let _ = write!(hex, "{unit:04X}");
        }
        hex.push('>');
        hex
    }
}

/// A PDF name: `/` and the name, with anything but regular characters written `#XX`.
pub(super) fn name(text: &str) -> String {
    let mut name = String::with_capacity(text.len() + 1);
    name.push('/');
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'+') {
            name.push(char::from(byte));
        } else {
            let _ = write!(name, "#{byte:02X}");
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_strings_are_literal_for_plain_ascii_and_utf16_otherwise() {
        assert_eq!(text_string("Open (space) \\"), "(Open \\(space\\) \\\\)");
        assert_eq!(text_string("Gŵyr"), "<FEFF0047017500790072>");
        assert_eq!(text_string("a\nb"), "<FEFF0061000A0062>");
    }

    #[test]
    fn names_escape_what_is_not_regular() {
        assert_eq!(name("text/plain"), "/text#2Fplain");
        assert_eq!(name("ABCDEF+DejaVuSans"), "/ABCDEF+DejaVuSans");
    }

    #[test]
    fn a_reused_compressor_gives_what_a_new_one_gives() {
        let mut file = PdfFile::new(Levels::all(6));
        let first = b"BT /R0 8 Tf (Issue) Tj ET ".repeat(40);
        let second = b"0 0 1 rg 10 10 20 20 re f ".repeat(60);
        for data in [&first, &second, &first] {
            let packed = file.deflate(data, 6).expect("it shrinks");
            let mut reader = flate2::read::ZlibDecoder::new(packed.as_slice());
            let mut back = Vec::new();
            std::io::Read::read_to_end(&mut reader, &mut back).unwrap();
            assert_eq!(&back, data);
        }
        assert_eq!(file.deflaters.len(), 1);
    }

    #[test]
    fn a_file_lists_every_object_in_its_cross_reference_stream() {
        let mut file = PdfFile::new(Levels::all(6));
        let catalog = file.reserve();
        let pages = file.reserve();
        file.object(
            catalog,
            format!("<</Type/Catalog/Pages {pages}>>").into_bytes(),
        );
        file.object(pages, b"<</Type/Pages/Kids[]/Count 0>>".to_vec());
        let bytes = file.finish(&format!("/Root {catalog}"), std::iter::empty());
        let doc = lopdf::Document::load_mem(&bytes).expect("lopdf reads it");
        let catalog = doc.catalog().expect("a catalog");
        assert!(catalog.get(b"Pages").is_ok());
        assert!(bytes.ends_with(b"%%EOF\n"));
    }
}
