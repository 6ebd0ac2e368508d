//! Text made safe for a terminal: every human-readable report and error goes through here, so text
//! from a register (an issue, a note, a file name) cannot move the cursor, retitle the window or
//! rewrite what is on screen with escape sequences, nor reorder a line with bidirectional controls.
//!
//! Control characters (other than newline and tab) and bidirectional formatting characters are
//! shown escaped, as `\u{1b}`. CSV, RON and PDF output is exact and never goes through here.

use std::borrow::Cow;
use std::io::{self, Write};

/// Whether `c` would act on a terminal rather than show: a control character other than newline
/// and tab, or a bidirectional formatting character.
fn acts_on_terminal(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every character that would act on a terminal shown escaped (`\u{1b}`).
pub fn sanitise(text: &str) -> Cow<'_, str> {
    if !text.chars().any(acts_on_terminal) {
        return Cow::Borrowed(text);
    }
    let mut safe = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if acts_on_terminal(c) {
            safe.extend(c.escape_unicode());
        } else {
            safe.push(c);
        }
    }
    Cow::Owned(safe)
}

/// A writer that passes text on `sanitise`d: what a human-readable report writes to.
pub(super) struct TerminalSafe<'a> {
    inner: &'a mut dyn Write,
    /// The start of a character cut off at the end of the last write.
    pending: Vec<u8>,
}

impl<'a> TerminalSafe<'a> {
    /// Sanitises what is written before it reaches `inner`.
    pub(super) fn new(inner: &'a mut dyn Write) -> Self {
        Self {
            inner,
            pending: Vec::new(),
        }
    }
}

impl Write for TerminalSafe<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let bytes = std::mem::take(&mut self.pending);
        let (text, rest) = match std::str::from_utf8(&bytes) {
            Ok(text) => (Cow::Borrowed(text), &[][..]),
            // A character cut off at the end waits for the rest of it.
            Err(err) if err.error_len().is_none() => {
                let (valid, rest) = bytes.split_at(err.valid_up_to());
                (String::from_utf8_lossy(valid), rest)
            }
            Err(_) => (String::from_utf8_lossy(&bytes), &[][..]),
        };
        self.inner.write_all(sanitise(&text).as_bytes())?;
        self.pending = rest.to_vec();
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            let rest = std::mem::take(&mut self.pending);
            self.inner
                .write_all(sanitise(&String::from_utf8_lossy(&rest)).as_bytes())?;
        }
        self.inner.flush()
    }
}

impl Drop for TerminalSafe<'_> {
    fn drop(&mut self) {
        // Best effort: a cut-off character at the very end is shown as U+FFFD.
        self.flush().ok();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_bidi_controls_are_shown_not_obeyed() {
        assert_eq!(
            sanitise("ok\u{1b}]0;pwned\u{7}\u{1b}[2Jx\r\u{9b}1m\u{202e}evil"),
            "ok\\u{1b}]0;pwned\\u{7}\\u{1b}[2Jx\\u{d}\\u{9b}1m\\u{202e}evil"
        );
        assert!(
            matches!(sanitise("Siân\tO’Brien\n漢字"), Cow::Borrowed(_)),
            "ordinary text, tabs and newlines pass as they are"
        );
    }

    #[test]
    fn a_character_split_between_writes_is_kept_whole() {
        let mut out = Vec::new();
        {
            let mut safe = TerminalSafe::new(&mut out);
            let bytes = "é\u{1b}".as_bytes();
            safe.write_all(&bytes[..1]).unwrap();
            safe.write_all(&bytes[1..]).unwrap();
        }
        assert_eq!(String::from_utf8(out).unwrap(), "é\\u{1b}");
    }
}
