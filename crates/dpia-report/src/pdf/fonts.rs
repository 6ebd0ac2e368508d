//! The paper's fonts: each character given a one-byte code as the pages are drawn, and at the end
//! each face subset to the glyphs used and written as Type 0 fonts whose embedded character maps turn the
//! codes into glyphs and whose `/ToUnicode` maps turn them back into text.
//!
//! Printable ASCII is coded as itself, so a page's text reads (and compresses) as text; other
//! characters take the codes left over. A face whose text needs more than 256 codes gets another
//! font resource over the same embedded font program (a "slot"), so any text can be drawn.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use sha2::{Digest, Sha256};

use super::ExportError;
use super::file::{PdfFile, Ref, name};
use crate::metrics::Face;

/// The codes of one face's characters, and the fonts they are drawn in.
struct FaceCodes {
    face: Face,
    font: ttf_parser::Face<'static>,
    /// Each slot's characters by code.
    slots: Vec<Slot>,
    /// Each character's slot and code.
    codes: HashMap<char, (usize, u8)>,
    /// Each slot's font resource, reserved when the slot is first used.
    refs: Vec<Ref>,
}

/// One font resource's 256 codes.
struct Slot {
    chars: [Option<char>; 256],
    /// The codes not yet given, last to be given first.
    free: Vec<u8>,
}

impl Slot {
    fn first() -> Self {
        // Printable ASCII keeps its own codes; the others are given in this order.
        let free = (0x80..=0xff)
            .chain(0x01..=0x1f)
            .chain([0x7f, 0x00])
            .rev()
            .collect();
        Self {
            chars: [None; 256],
            free,
        }
    }

    fn more() -> Self {
        Self {
            chars: [None; 256],
            free: (0..=0xff).rev().collect(),
        }
    }
}

/// The fonts of a paper being written.
pub(super) struct Fonts {
    faces: Vec<FaceCodes>,
}

impl Fonts {
    /// Both faces, with no character coded yet.
    pub(super) fn new() -> Result<Self, ExportError> {
        let faces = Face::ALL
            .into_iter()
            .map(|face| {
                let font =
                    ttf_parser::Face::parse(face.bytes(), 0).map_err(|_| ExportError::Font {
                        face: format!("{face:?}"),
                    })?;
                Ok(FaceCodes {
                    face,
                    font,
                    slots: vec![Slot::first()],
                    codes: HashMap::new(),
                    refs: Vec::new(),
                })
            })
            .collect::<Result<_, ExportError>>()?;
        Ok(Self { faces })
    }

    /// `text` in `face` as runs of codes, each with the font resource to show it in.
    pub(super) fn encode(
        &mut self,
        file: &mut PdfFile,
        face: Face,
        text: &str,
    ) -> Vec<(String, Vec<u8>)> {
        let Some(codes) = self.faces.iter_mut().find(|codes| codes.face == face) else {
            return Vec::new();
        };
        let mut runs: Vec<(usize, Vec<u8>)> = Vec::new();
        for c in text.chars() {
            let (slot, code) = codes.code(c);
            match runs.last_mut() {
                Some((last, run)) if *last == slot => run.push(code),
                _ => runs.push((slot, vec![code])),
            }
        }
        runs.into_iter()
            .map(|(slot, run)| {
                while codes.refs.len() <= slot {
                    codes.refs.push(file.reserve());
                }
                (resource_name(face, slot), run)
            })
            .collect()
    }

    /// The `/Font` resource dictionary's entries, naming every slot used so far (those reserved
    /// by `encode`, which `finish` writes).
    pub(super) fn resources(&self) -> String {
        let mut entries = String::new();
        for codes in &self.faces {
            for (slot, id) in codes.refs.iter().enumerate() {
                let _ = write!(entries, "/{} {id}", resource_name(codes.face, slot));
            }
        }
        entries
    }

    /// Writes every face used: subset, with its character maps and widths.
    pub(super) fn finish(self, file: &mut PdfFile) -> Result<(), ExportError> {
        for codes in self.faces {
            if !codes.refs.is_empty() {
                codes.write(file)?;
            }
        }
        Ok(())
    }
}

/// The name a face's slot is known by in the pages' resources: `R0`, `B0`, `R1`.
fn resource_name(face: Face, slot: usize) -> String {
    let letter = match face {
        Face::Regular => 'R',
        Face::Bold => 'B',
    };
    format!("{letter}{slot}")
}

impl FaceCodes {
    /// The slot and code of `c`, giving it one if it has none yet.
    fn code(&mut self, c: char) -> (usize, u8) {
        if let Some(&code) = self.codes.get(&c) {
            return code;
        }
        let code = if (' '..='~').contains(&c) {
            (0, u8::try_from(u32::from(c)).unwrap_or(b'?'))
        } else {
            let slot = if let Some(slot) = self.slots.iter().position(|slot| !slot.free.is_empty())
            {
                slot
            } else {
                self.slots.push(Slot::more());
                self.slots.len() - 1
            };
            let code = self.slots[slot].free.pop().unwrap_or(0);
            (slot, code)
        };
        self.slots[code.0].chars[usize::from(code.1)] = Some(c);
        self.codes.insert(c, code);
        code
    }

    /// Writes the face: one subset font program and descendant font, and a Type 0 font for each
    /// slot.
    fn write(self, file: &mut PdfFile) -> Result<(), ExportError> {
        let error = || ExportError::Font {
            face: format!("{:?}", self.face),
        };
        // The glyphs used, with the text each stands for.
        let mut used: BTreeMap<u16, String> = BTreeMap::new();
        let mut chars: Vec<char> = self.codes.keys().copied().collect();
        chars.sort_unstable();
        for &c in &chars {
            if let Some(glyph) = self.font.glyph_index(c) {
                used.insert(glyph.0, c.to_string());
            }
        }
        let mut warnings = Vec::new();
        let parsed = printpdf::ParsedFont::from_bytes(self.face.bytes(), 0, &mut warnings)
            .ok_or_else(error)?;
        let subset = printpdf::subset_font(&parsed, &used).map_err(|_| error())?;
        let tag = subset_tag(&format!(
            "{:?}{}",
            self.face,
            chars.iter().collect::<String>()
        ));
        let base_font = name(&format!("{tag}+{}", postscript_name(&self.font)));

        let program = file.reserve();
        let length1 = subset.bytes.len();
        file.stream(program, &format!("/Length1 {length1}"), &subset.bytes, true);
        let descriptor = file.reserve();
        file.object(
            descriptor,
            self.descriptor(&base_font, program).into_bytes(),
        );
        // The subset renumbers the glyphs it was given 1, 2, … in order.
        let new_glyph = |c: char| -> u16 {
            self.font
                .glyph_index(c)
                .and_then(|glyph| subset.glyph_mapping.get(&glyph.0))
                .map_or(0, |(new, _)| *new)
        };
        let advances: BTreeMap<u16, u16> = used
            .keys()
            .filter_map(|&glyph| {
                let (new, _) = subset.glyph_mapping.get(&glyph)?;
                let advance = self.font.glyph_hor_advance(ttf_parser::GlyphId(glyph))?;
                Some((*new, advance))
            })
            .collect();
        let widths = self.widths(&advances);
        let descendant = file.reserve();
        file.object(
            descendant,
            format!(
                "<</Type/Font/Subtype/CIDFontType2/BaseFont{base_font}{SYSTEM}\
                 /FontDescriptor {descriptor}/DW 1000/W[{widths}]/CIDToGIDMap/Identity>>"
            )
            .into_bytes(),
        );

        for (slot_idx, (slot, font_ref)) in self.slots.iter().zip(&self.refs).enumerate() {
            let coded: Vec<(u8, char)> = (0..=255_u8)
                .filter_map(|code| slot.chars[usize::from(code)].map(|c| (code, c)))
                .collect();
            let cmap_name = format!("DPIA-{}", resource_name(self.face, slot_idx));
            let encoding = file.reserve();
            file.stream(
                encoding,
                &format!("/Type/CMap/CMapName/{cmap_name}{SYSTEM}"),
                encoding_cmap(&cmap_name, &coded, new_glyph).as_bytes(),
                true,
            );
            let to_unicode = file.reserve();
            file.stream(to_unicode, "", unicode_cmap(&coded).as_bytes(), true);
            file.object(
                *font_ref,
                format!(
                    "<</Type/Font/Subtype/Type0/BaseFont{base_font}/Encoding {encoding}\
                     /DescendantFonts[{descendant}]/ToUnicode {to_unicode}>>"
                )
                .into_bytes(),
            );
        }
        Ok(())
    }

    /// A length in the font's units, in thousandths of an em as PDF gives font metrics.
    fn per_mille(&self, value: i32) -> i64 {
        (i64::from(value) * 1000 + i64::from(self.font.units_per_em()) / 2)
            .div_euclid(i64::from(self.font.units_per_em()).max(1))
    }

    /// The font descriptor: its metrics and its program.
    fn descriptor(&self, base_font: &str, program: Ref) -> String {
        let bbox = self.font.global_bounding_box();
        let font = &self.font;
        // No table gives the stems' width; producers estimate it from the weight: about 88 for
        // regular, 166 for bold.
        let weight = i64::from(font.weight().to_number());
        let stem_v = 50 + (weight * weight + 65 * 65 / 2) / (65 * 65);
        format!(
            "<</Type/FontDescriptor/FontName{base_font}/Flags 32/FontBBox[{} {} {} {}]\
             /ItalicAngle 0/Ascent {}/Descent {}/CapHeight {}/StemV {stem_v}/FontFile2 {program}>>",
            self.per_mille(bbox.x_min.into()),
            self.per_mille(bbox.y_min.into()),
            self.per_mille(bbox.x_max.into()),
            self.per_mille(bbox.y_max.into()),
            self.per_mille(font.ascender().into()),
            self.per_mille(font.descender().into()),
            self.per_mille(font.capital_height().unwrap_or(font.ascender()).into()),
        )
    }

    /// The `/W` array's entries: each run of consecutive glyphs as its first glyph and the
    /// widths, `1[312 411 411]`.
    fn widths(&self, advances: &BTreeMap<u16, u16>) -> String {
        let mut widths = String::new();
        let mut next = None;
        for (&glyph, &advance) in advances {
            if next == Some(glyph) {
                widths.push(' ');
            } else {
                if next.is_some() {
                    widths.push(']');
                }
                let _ = write!(widths, "{glyph}[");
            }
            let _ = write!(widths, "{}", self.per_mille(advance.into()));
            next = Some(glyph + 1);
        }
        if next.is_some() {
            widths.push(']');
        }
        widths
    }
}

/// The character collection every font here uses: glyphs by their ids.
const SYSTEM: &str = "/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>";

/// The embedded character map that turns a slot's one-byte codes into glyphs (`new_glyph` of each
/// character).
fn encoding_cmap(name: &str, coded: &[(u8, char)], new_glyph: impl Fn(char) -> u16) -> String {
    let mut cids = String::new();
    for chunk in coded.chunks(100) {
        let _ = writeln!(cids, "{} begincidchar", chunk.len());
        for (code, c) in chunk {
            let _ = writeln!(cids, "<{code:02X}> {}", new_glyph(*c));
        }
        cids.push_str("endcidchar\n");
    }
    format!(
        "/CIDInit/ProcSet findresource begin\n12 dict begin\nbegincmap\n{SYSTEM} def\n\
         /CMapName/{name} def\n/CMapType 1 def\n1 begincodespacerange\n<00> <FF>\n\
         endcodespacerange\n{cids}endcmap\nCMapName currentdict/CMap defineresource pop\n\
         end\nend\n"
    )
}

/// The `/ToUnicode` character map that turns a slot's codes back into the characters they show.
fn unicode_cmap(coded: &[(u8, char)]) -> String {
    let mut chars = String::new();
    for chunk in coded.chunks(100) {
        let _ = writeln!(chars, "{} beginbfchar", chunk.len());
        for (code, c) in chunk {
            let _ = write!(chars, "<{code:02X}> <");
            let mut units = [0_u16; 2];
            for unit in c.encode_utf16(&mut units) {
                let _ = write!(chars, "{unit:04X}");
            }
            chars.push_str(">\n");
        }
        chars.push_str("endbfchar\n");
    }
    format!(
        "/CIDInit/ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo<</Registry(Adobe)/Ordering(UCS)/Supplement 0>> def\n\
         /CMapName/Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n\
         <00> <FF>\nendcodespacerange\n{chars}endcmap\n\
         CMapName currentdict/CMap defineresource pop\nend\nend\n"
    )
}

/// The font's PostScript name, as `/BaseFont` gives it after the subset tag.
fn postscript_name(font: &ttf_parser::Face<'_>) -> String {
    font.names()
        .into_iter()
        .filter(|entry| entry.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
        .find_map(|entry| entry.to_string())
        .unwrap_or_else(|| "DejaVuSansCondensed".to_owned())
}

/// Six capital letters from a hash of `seed`: the `ABCDEF+` tag PDF gives a font subset.
fn subset_tag(seed: &str) -> String {
    Sha256::digest(seed.as_bytes())
        .iter()
        .take(6)
        .map(|byte| char::from(b'A' + byte % 26))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_coded_as_itself_and_other_characters_take_the_codes_left() {
        let mut file = PdfFile::new(crate::pdf::Levels::all(6));
        let mut fonts = Fonts::new().unwrap();
        let runs = fonts.encode(&mut file, Face::Regular, "Gŵyr (é)");
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].0, "R0");
        assert_eq!(runs[0].1, [b'G', 0x80, b'y', b'r', b' ', b'(', 0x81, b')']);
        assert_eq!(fonts.resources().matches("/R0 ").count(), 1);
    }

    #[test]
    fn a_face_needing_more_than_256_codes_gets_another_slot() {
        let mut file = PdfFile::new(crate::pdf::Levels::all(6));
        let mut fonts = Fonts::new().unwrap();
        let many: String = ('\u{400}'..'\u{600}').collect();
        let runs = fonts.encode(&mut file, Face::Bold, &many);
        assert_eq!(
            runs.iter()
                .map(|(font, _)| font.as_str())
                .collect::<Vec<_>>(),
            ["B0", "B1", "B2"]
        );
        // The first slot keeps printable ASCII's 95 codes for ASCII.
        assert_eq!(
            runs.iter().map(|(_, run)| run.len()).collect::<Vec<_>>(),
            [256 - 95, 256, 512 - 256 - (256 - 95)]
        );
    }
}
