//! Papers read back: the register a PDF exported by dpia-register carries inside it, so a
//! colleague who only received the paper can open it in the app and carry on.
//!
//! Only reads. The file is found by name in the PDF's embedded files; anything else in the PDF
//! is ignored. A PDF made by something else is refused with a message saying so.

use std::path::Path;

use lopdf::{Dictionary, Document, LoadOptions, Object};

use dpia_core::register_text::{PAPER_ATTACHMENT_NAME, PAPER_DIGEST_KEY};
use dpia_core::snapshot::Checksum;

use super::{LoadError, limits};

/// Whether `bytes` look like a PDF: they start with `%PDF`.
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF")
}

/// Whether the file at `path` is a PDF; `false` when it cannot be read, and for anything but a
/// regular file (a pipe is not opened, so it is neither waited on nor read from).
pub fn is_pdf_file(path: &Path) -> bool {
    use std::io::Read as _;
    if !std::fs::metadata(path).is_ok_and(|meta| meta.is_file()) {
        return false;
    }
    let mut start = [0_u8; 4];
    std::fs::File::open(path)
        .and_then(|mut file| file.read_exact(&mut start))
        .is_ok_and(|()| is_pdf(&start))
}

/// The register text carried by the paper in `bytes`; `path` is used in error messages only.
pub fn register_text(bytes: &[u8], path: &Path) -> Result<String, LoadError> {
    carried(bytes, path).map(|carried| carried.text)
}

/// What a paper says of the register it carries, against the register it carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Digest {
    /// The carried register is the one the paper was printed with.
    Matches(Checksum),
    /// The carried register is not the one the paper records: it was swapped in afterwards.
    Differs {
        /// The digest the paper records (and its cover shows).
        recorded: Checksum,
        /// The digest of the register it carries now.
        carried: Checksum,
    },
    /// The paper records no digest (made before papers recorded one) or an unreadable one.
    NotRecorded,
}

/// Whether the register the paper at `path` carries is the one it was printed with (its digest,
/// recorded in the paper and shown on its cover).
pub fn digest(path: &Path) -> Result<Digest, LoadError> {
    let bytes = limits::read_bytes(path)?;
    let carried = carried(&bytes, path)?;
    let actual = Checksum::of_text(&carried.text);
    Ok(match carried.recorded {
        None => Digest::NotRecorded,
        Some(recorded) if recorded == actual => Digest::Matches(actual),
        Some(recorded) => Digest::Differs {
            recorded,
            carried: actual,
        },
    })
}

/// A paper's carried register text and the digest recorded beside it.
struct Carried {
    text: String,
    recorded: Option<Checksum>,
}

fn carried(bytes: &[u8], path: &Path) -> Result<Carried, LoadError> {
    let unsupported = |message: String| LoadError::Unsupported {
        path: path.to_owned(),
        message,
    };
    // Object and cross-reference streams are unpacked while the PDF is read: each within the limit.
    let options = LoadOptions {
        max_decompressed_size: Some(limits::MAX_STREAM_BYTES),
        ..LoadOptions::default()
    };
    let pdf = Document::load_mem_with_options(bytes, options).map_err(|err| {
        unsupported(limits::bounded_message(&format!(
            "cannot read this PDF: {}",
            limit_words(&err)
        )))
    })?;
    let not_a_paper = || {
        unsupported(
            "this PDF carries no register: only papers exported by dpia-register can be opened"
                .to_owned(),
        )
    };
    let names = pdf
        .catalog()
        .ok()
        .and_then(|catalog| dictionary(&pdf, catalog.get(b"Names").ok()?))
        .and_then(|names| dictionary(&pdf, names.get(b"EmbeddedFiles").ok()?))
        .and_then(|tree| array(&pdf, tree.get(b"Names").ok()?))
        .ok_or_else(not_a_paper)?;
    // The name tree's array alternates names and file specifications.
    let filespec = names
        .chunks(2)
        .find_map(|pair| match pair {
            [name, filespec] if text(&pdf, name).as_deref() == Some(PAPER_ATTACHMENT_NAME) => {
                dictionary(&pdf, filespec)
            }
            _ => None,
        })
        .ok_or_else(not_a_paper)?;
    let stream = filespec
        .get(b"EF")
        .ok()
        .and_then(|ef| dictionary(&pdf, ef))
        .and_then(|ef| ef.get(b"F").ok())
        .and_then(|file| pdf.dereference(file).ok())
        .and_then(|(_, object)| object.as_stream().ok())
        .ok_or_else(not_a_paper)?;
    // A paper's register is packed once (FlateDecode): a chain of filters is not one of ours, and
    // each would unpack up to the limit in turn.
    if stream.filters().is_ok_and(|filters| filters.len() > 1) {
        return Err(not_a_paper());
    }
    let content = stream
        .decompressed_content_with_limit(limits::MAX_STREAM_BYTES)
        .map_err(|err| {
            unsupported(format!(
                "cannot read the register in this PDF: {}",
                limit_words(&err)
            ))
        })?;
    if content.is_empty() {
        // A stream that does not unpack gives nothing rather than an error.
        return Err(unsupported(
            "the register in this PDF is damaged: its stream unpacks to nothing".to_owned(),
        ));
    }
    let recorded = stream
        .dict
        .get(PAPER_DIGEST_KEY.as_bytes())
        .ok()
        .and_then(|digest| digest.as_str().ok())
        .and_then(|digest| Checksum::parse(&String::from_utf8_lossy(digest)).ok());
    Ok(Carried {
        text: limits::text_from_bytes(content, path)?,
        recorded,
    })
}

/// What lopdf says, or the limit in this app's words when a stream was over it.
fn limit_words(err: &lopdf::Error) -> String {
    match err {
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => format!(
            "a stream in it unpacks to more than {}, the most dpia-register unpacks of one stream",
            limits::in_megabytes(limits::MAX_STREAM_BYTES as u64)
        ),
        other => other.to_string(),
    }
}

fn dictionary<'a>(pdf: &'a Document, object: &'a Object) -> Option<&'a Dictionary> {
    pdf.dereference(object).ok()?.1.as_dict().ok()
}

fn array<'a>(pdf: &'a Document, object: &'a Object) -> Option<&'a Vec<Object>> {
    pdf.dereference(object).ok()?.1.as_array().ok()
}

/// A PDF text string as Rust text: UTF-16BE with a byte-order mark, or plain bytes.
fn text(pdf: &Document, object: &Object) -> Option<String> {
    let bytes = pdf.dereference(object).ok()?.1.as_str().ok()?;
    match bytes {
        [0xFE, 0xFF, rest @ ..] => {
            let units: Vec<u16> = rest
                .chunks(2)
                .map(|pair| match pair {
                    [high, low] => u16::from_be_bytes([*high, *low]),
                    _ => 0xFFFD,
                })
                .collect();
            String::from_utf16(&units).ok()
        }
        _ => Some(String::from_utf8_lossy(bytes).into_owned()),
    }
}
