//! Aligned text columns for the terminal, padded by display width: a wide (CJK, emoji) character
//! takes two columns and a combining accent none, so such text lines up as the terminal shows it.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

/// Writes `rows` (the header first) in columns two spaces apart, each as wide as its widest cell;
/// the columns for which `is_number` holds are right-aligned. Lines carry no trailing white space.
pub(super) fn write<const N: usize>(
    rows: &[[String; N]],
    is_number: impl Fn(usize) -> bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut widths = [0_usize; N];
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.width());
        }
    }
    for row in rows {
        let mut line = String::new();
        for (column, (cell, width)) in row.iter().zip(widths).enumerate() {
            if column > 0 {
                line.push_str("  ");
            }
            let pad = " ".repeat(width.saturating_sub(cell.width()));
            if is_number(column) {
                line.push_str(&pad);
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&pad);
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_table<const N: usize>(rows: [[&str; N]; 3], expected: &str) {
        let rows = rows.map(|row| row.map(str::to_owned));
        let mut out = Vec::new();
        write(&rows, |column| column == 1, &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }

    #[test]
    fn ascii_columns_align_and_numbers_go_right() {
        check_table(
            [["name", "n", "note"], ["a", "10", "x"], ["longer", "2", ""]],
            "name     n  note\n\
             a       10  x\n\
             longer   2\n",
        );
    }

    #[test]
    fn wide_and_combining_characters_pad_by_display_width() {
        // `漢字` is four columns wide in two characters; `e` + U+0301 is one column in two.
        check_table(
            [
                ["name", "n", "x"],
                ["漢字", "1", "x"],
                ["Cafe\u{301}s", "22", "x"],
            ],
            "name    n  x\n\
             漢字    1  x\n\
             Cafe\u{301}s  22  x\n",
        );
    }
}
