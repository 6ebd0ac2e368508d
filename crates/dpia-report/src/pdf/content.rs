//! A page's content stream: PDF's drawing operators written as bytes, as short as they can be
//! written: lengths to a tenth of a point, colours to three decimals, grey as one number.

use std::io::Write as _;

use dpia_core::palette::Rgb;

/// The drawing operators of one page, as they will be written.
#[derive(Debug, Default)]
pub(super) struct Content {
    bytes: Vec<u8>,
}

impl Content {
    /// The bytes written so far.
    pub(super) fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    /// `rg`, or `g` for a grey: the colour text and rectangles are filled with.
    pub(super) fn fill_colour(&mut self, rgb: Rgb) {
        self.colour(rgb, "g", "rg");
    }

    /// `RG`, or `G` for a grey: the colour rules are stroked with.
    pub(super) fn stroke_colour(&mut self, rgb: Rgb) {
        self.colour(rgb, "G", "RG");
    }

    fn colour(&mut self, rgb: Rgb, grey: &str, colour: &str) {
        if rgb.r == rgb.g && rgb.g == rgb.b {
            self.decimal(component(rgb.r), 1000);
            self.op(grey);
        } else {
            for value in [rgb.r, rgb.g, rgb.b] {
                self.decimal(component(value), 1000);
            }
            self.op(colour);
        }
    }

    /// `w`: the width of rules, in points.
    pub(super) fn line_width(&mut self, points: f32) {
        self.number(tenths(points));
        self.op("w");
    }

    /// A rectangle (`re`) added to the path, from its bottom-left corner, in points.
    pub(super) fn rectangle(&mut self, x: f32, y: f32, width: f32, height: f32) {
        for value in [x, y, width, height] {
            self.number(tenths(value));
        }
        self.op("re");
    }

    /// `f`: fills the path.
    pub(super) fn fill(&mut self) {
        self.op("f");
    }

    /// A straight line (`m l`) added to the path, in points.
    pub(super) fn line(&mut self, from: (f32, f32), to: (f32, f32)) {
        self.number(tenths(from.0));
        self.number(tenths(from.1));
        self.op("m");
        self.number(tenths(to.0));
        self.number(tenths(to.1));
        self.op("l");
    }

    /// `S`: strokes the path.
    pub(super) fn stroke(&mut self) {
        self.op("S");
    }

    /// `BT`: a text object begins.
    pub(super) fn begin_text(&mut self) {
        self.op("BT");
    }

    /// `ET`: the text object ends.
    pub(super) fn end_text(&mut self) {
        self.op("ET");
    }

    /// `Tf`: the font resource `font` at `size` points.
    pub(super) fn font(&mut self, font: &str, size: f32) {
        self.bytes.push(b'/');
        self.bytes.extend_from_slice(font.as_bytes());
        self.bytes.push(b' ');
        self.number(tenths(size));
        self.op("Tf");
    }

    /// `Td`: the next text starts this far (in tenths of a point) from the last line's start.
    pub(super) fn move_text(&mut self, dx: i32, dy: i32) {
        self.number(dx);
        self.number(dy);
        self.op("Td");
    }

    /// `TL`: the leading `next_line_show` moves down by, in tenths of a point.
    pub(super) fn leading(&mut self, tenths: i32) {
        self.number(tenths);
        self.op("TL");
    }

    /// `'`: moves to the next line (down by the leading) and shows `codes`.
    pub(super) fn next_line_show(&mut self, codes: &[u8]) {
        self.string(codes);
        self.op("'");
    }

    /// `Tj`: shows the font's codes `codes`.
    pub(super) fn show(&mut self, codes: &[u8]) {
        self.string(codes);
        self.op("Tj");
    }

    /// `codes` as a literal string.
    fn string(&mut self, codes: &[u8]) {
        self.bytes.push(b'(');
        for &code in codes {
            match code {
                b'(' | b')' | b'\\' => self.bytes.extend_from_slice(&[b'\\', code]),
                // A literal string turns a bare end of line into a line feed.
                b'\r' => self.bytes.extend_from_slice(b"\\r"),
                b'\n' => self.bytes.extend_from_slice(b"\\n"),
                _ => self.bytes.push(code),
            }
        }
        self.bytes.push(b')');
    }

    /// `BMC`: a marked-content sequence tagged `tag`.
    pub(super) fn begin_marked(&mut self, tag: &str) {
        let _ = writeln!(self.bytes, "/{tag} BMC");
    }

    /// `BDC`: a marked-content sequence of a structure element, `tag` with its `MCID`.
    pub(super) fn begin_marked_content(&mut self, tag: &str, mcid: usize) {
        let _ = writeln!(self.bytes, "/{tag}<</MCID {mcid}>>BDC");
    }

    /// `BDC`: page furniture, a pagination artifact of `subtype` (`Header` or `Footer`).
    pub(super) fn begin_pagination(&mut self, subtype: &str) {
        let _ = writeln!(
            self.bytes,
            "/Artifact<</Type/Pagination/Subtype/{subtype}>>BDC"
        );
    }

    /// `EMC`: the marked-content sequence ends.
    pub(super) fn end_marked(&mut self) {
        self.op("EMC");
    }

    fn op(&mut self, op: &str) {
        self.bytes.extend_from_slice(op.as_bytes());
        self.bytes.push(b'\n');
    }

    /// A number given in tenths, as the shortest decimal, and a space: `7466` is `746.6`,
    /// `740` is `74`, `-5` is `-.5`.
    fn number(&mut self, tenths: i32) {
        self.decimal(tenths, 10);
    }

    /// `value / scale` (a power of ten) as the shortest decimal, and a space.
    fn decimal(&mut self, value: i32, scale: u32) {
        if value < 0 {
            self.bytes.push(b'-');
        }
        let value = value.unsigned_abs();
        let (whole, mut fraction) = (value / scale, value % scale);
        if whole > 0 || fraction == 0 {
            let _ = write!(self.bytes, "{whole}");
        }
        if fraction > 0 {
            self.bytes.push(b'.');
            let mut digit = scale / 10;
            while fraction > 0 {
                self.bytes
                    .push(b'0' + u8::try_from(fraction / digit).unwrap_or(0));
                fraction %= digit;
                digit /= 10;
            }
        }
        self.bytes.push(b' ');
    }
}

/// A length in tenths of a point, the precision a page is written to: a tenth of a point is
/// 0.035 mm, finer than a 600-dpi printer's dot (0.042 mm). Positions are rounded to it, never
/// accumulated, so nothing drifts.
#[expect(
    clippy::cast_possible_truncation,
    reason = "page coordinates are a few thousand points at most"
)]
pub(super) fn tenths(points: f32) -> i32 {
    (points * 10.0).round() as i32
}

/// A length in points to the page's precision, as text: `595.3`.
pub(super) fn points(value: f32) -> String {
    format!("{}", f64::from(tenths(value)) / 10.0)
}

/// A colour component in thousandths: three decimals tell the 256 levels apart, and `0.122` is
/// written where the full fraction is `0.12156863`.
fn component(value: u8) -> i32 {
    (i32::from(value) * 1000 + 127) / 255
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(draw: impl FnOnce(&mut Content)) -> String {
        let mut content = Content::default();
        draw(&mut content);
        String::from_utf8(content.into_bytes()).unwrap()
    }

    #[test]
    fn numbers_are_written_as_short_as_they_can_be() {
        assert_eq!(
            written(|c| {
                c.rectangle(746.64, 74.6, -0.5, 18.0);
                c.fill();
            }),
            "746.6 74.6 -.5 18 re\nf\n"
        );
        assert_eq!(written(|c| c.move_text(0, -125)), "0 -12.5 Td\n");
    }

    #[test]
    fn colours_have_three_decimals_and_greys_one_number() {
        let blue = Rgb {
            r: 31,
            g: 58,
            b: 104,
        };
        assert_eq!(written(|c| c.fill_colour(blue)), ".122 .227 .408 rg\n");
        let white = Rgb {
            r: 255,
            g: 255,
            b: 255,
        };
        assert_eq!(written(|c| c.stroke_colour(white)), "1 G\n");
        let black = Rgb { r: 0, g: 0, b: 0 };
        assert_eq!(written(|c| c.fill_colour(black)), "0 g\n");
    }

    #[test]
    fn shown_codes_escape_what_a_literal_string_would_change() {
        assert_eq!(
            written(|c| c.show(b"a(b)\\\r\n")),
            "(a\\(b\\)\\\\\\r\\n)Tj\n"
        );
    }
}
