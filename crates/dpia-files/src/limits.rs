//! The input-size policy, one for every reader: how much of a file this app reads, and how much of
//! a bad value an error message repeats.
//!
//! The limits are far above any real register (the bundled one is 96 KB; a generated register of
//! 10,000 entries is 21 MB) and low enough that a hostile or mistaken input (a 2 GB file, a pipe,
//! `/dev/zero`, a paper whose carried register unpacks without end) stops with an error naming the
//! limit instead of taking all the memory there is. A file is measured before it is read, and then
//! read through a bounded `take`, so a pipe or device that never ends stops too.

use std::fmt;
use std::io::Read as _;
use std::path::Path;

use super::LoadError;

/// The most bytes of a text file (register, snapshot, CSV, approval, trail block, key) or of a PDF
/// paper that are read: 256 MB.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// The most bytes one stream inside a PDF paper (its carried register, or any stream unpacked
/// while reading the PDF) may unpack to: 64 MB.
pub const MAX_STREAM_BYTES: usize = 64 * 1024 * 1024;

/// The most characters of a bad value that an error repeats.
pub const MAX_ECHO_CHARS: usize = 200;

/// The most characters of a parser's message (which may quote the bad value) that an error repeats.
pub const MAX_MESSAGE_CHARS: usize = 1000;

/// A limit in bytes in words: `256 MB`.
pub fn in_megabytes(bytes: u64) -> String {
    format!("{} MB", bytes / (1024 * 1024))
}

/// The bytes of the file at `path`, refused with `LoadError::TooLarge` above `MAX_FILE_BYTES`.
pub(crate) fn read_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    let io_error = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let too_large = || LoadError::TooLarge {
        path: path.to_owned(),
        limit: MAX_FILE_BYTES,
    };
    let file = std::fs::File::open(path).map_err(io_error)?;
    let meta = file.metadata().map_err(io_error)?;
    // A regular file says how long it is; a pipe or device says 0 and is bounded by the `take`.
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large());
    }
    let expected = usize::try_from(meta.len()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(expected.saturating_add(1));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

/// The text of the file at `path`: `read_bytes`, then UTF-8 checked (`text_from_bytes`).
pub(crate) fn read_text(path: &Path) -> Result<String, LoadError> {
    text_from_bytes(read_bytes(path)?, path)
}

/// `bytes` as text, or a `LoadError::Parse` at the line and column of the first byte that is
/// not UTF-8; `path` is used in the error only.
pub(crate) fn text_from_bytes(bytes: Vec<u8>, path: &Path) -> Result<String, LoadError> {
    String::from_utf8(bytes).map_err(|err| {
        let bytes = err.as_bytes();
        let valid_up_to = err.utf8_error().valid_up_to();
        let (line, column) = line_and_column(bytes, valid_up_to);
        LoadError::Parse {
            path: path.to_owned(),
            line,
            column,
            message: format!(
                "not UTF-8 text: byte 0x{:02X} is not part of a UTF-8 character (save the file as UTF-8)",
                bytes[valid_up_to]
            ),
        }
    })
}

/// The 1-based line and column (in characters) of byte `offset` of `bytes`, valid UTF-8 before it.
fn line_and_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = String::from_utf8_lossy(&bytes[..offset]);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |idx| idx + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// A bad value as an error repeats it: whole, or its first `MAX_ECHO_CHARS` characters and how
/// many were left out, so a message never repeats a huge bad value whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// The characters repeated.
    pub shown: String,
    /// How many characters after them were left out (0: the value is whole).
    pub left_out: usize,
}

impl fmt::Display for Excerpt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.shown)?;
        if self.left_out > 0 {
            write!(f, "… ({} more characters)", self.left_out)?;
        }
        Ok(())
    }
}

/// `text` (a bad value) as an error repeats it.
pub fn excerpt(text: &str) -> Excerpt {
    cut_to(text, MAX_ECHO_CHARS)
}

/// `text` cut to its first `max_chars` characters, with how many were left out.
pub fn cut_to(text: &str, max_chars: usize) -> Excerpt {
    match text.char_indices().nth(max_chars) {
        None => Excerpt {
            shown: text.to_owned(),
            left_out: 0,
        },
        Some((cut, _)) => Excerpt {
            shown: text[..cut].to_owned(),
            left_out: text[cut..].chars().count(),
        },
    }
}

/// A message, cut to `MAX_MESSAGE_CHARS` characters with how much was left out.
pub fn bounded_message(text: &str) -> String {
    cut_to(text, MAX_MESSAGE_CHARS).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_bad_byte_is_located_by_line_and_column() {
        let bytes = b"(\n  title: \"Caf\xE9\",\n)".to_vec();
        let err = text_from_bytes(bytes, Path::new("r.ron")).unwrap_err();
        let message = err.to_string();
        assert!(
            message.starts_with("r.ron:2:14: not UTF-8 text"),
            "{message}"
        );
        assert!(message.contains("0xE9"), "{message}");
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let bytes = "é€x".bytes().chain([0xFF]).collect();
        let err = text_from_bytes(bytes, Path::new("a.csv")).unwrap_err();
        assert!(err.to_string().starts_with("a.csv:1:4:"), "{err}");
    }

    #[test]
    fn an_excerpt_is_bounded() {
        assert_eq!(excerpt("short").to_string(), "short");
        let long = "x".repeat(1_000_000);
        let cut = excerpt(&long).to_string();
        assert!(cut.chars().count() < MAX_ECHO_CHARS + 40, "{}", cut.len());
        assert!(
            cut.ends_with(&format!(
                "… ({} more characters)",
                1_000_000 - MAX_ECHO_CHARS
            )),
            "{cut}"
        );
    }
}
