//! A short, deterministic mutation pass over every loader (issue 15): the bundled register, a
//! snapshot, a CSV, a paper and a Word register (its zip bytes, and its XML inside a sound zip), each mutated a few hundred times by a seeded generator, must load
//! or fail with an error, never panic; what loads is checked, ranked and diffed too.
//!
//! `cargo test --test integration fuzz` runs the short pass; the long one is
//! `cargo test --release --test integration -- --ignored fuzz_long` (see BENCHMARKS.md).

use std::path::Path;

use dpia_core::register::Register;
use dpia_files::{csv_file, docx_file, paper, register_file, snapshot_file, word_tables};

use super::util::{bundled_register, fixture};

/// A small, seeded pseudo-random generator (xorshift64*): the same seed, the same mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `bound` (which must not be 0).
    fn below(&mut self, bound: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(bound).unwrap()).unwrap()
    }
}

/// Values that have found bugs in loaders before: huge numbers, signs, quotes, brackets, control
/// and multi-byte characters, bytes that are not UTF-8.
const TOKENS: [&[u8]; 16] = [
    b"4294967295",
    b"18446744073709551616",
    b"-1",
    b"\"",
    b"(",
    b")",
    b"[",
    b"]",
    b",",
    b"\x1b[2J",
    b"\xff\xfe",
    b"\xe2\x80\xae",
    "ŵ".as_bytes(),
    b"\n",
    b"PND-999999999",
    b"Some(",
];

/// `original` changed once or a few times: a byte flipped, a range removed or doubled, a token
/// inserted, or the end cut off.
fn mutate(original: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut bytes = original.to_vec();
    for _ in 0..=rng.below(3) {
        if bytes.is_empty() {
            break;
        }
        let at = rng.below(bytes.len());
        let len = (1 + rng.below(64)).min(bytes.len() - at);
        match rng.below(6) {
            0 => bytes[at] ^= 1 << rng.below(8),
            1 => {
                bytes.drain(at..at + len);
            }
            2 => {
                let copy = bytes[at..at + len].to_vec();
                bytes.splice(at..at, copy);
            }
            3 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                bytes.splice(at..at, token.iter().copied());
            }
            4 => bytes.truncate(at),
            _ => bytes[at] = u8::try_from(rng.below(256)).unwrap(),
        }
    }
    bytes
}

/// What every command does with a register that loaded: none of it may panic either.
fn use_register(register: &Register, original: &Register) {
    let _ = dpia_core::check::check(register);
    let _ = dpia_core::check::warnings(register);
    let _ = dpia_core::ranking::rank(register);
    let _ = dpia_core::diff::diff(original, register).to_text();
    let _ = csv_file::export_text(register);
    let _ = dpia_core::register_text::to_text(register);
}

/// The body XML of the LibreOffice-written Word register fixture.
fn word_document_xml(docx: &[u8]) -> Vec<u8> {
    use std::io::Read as _;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = Vec::new();
    archive
        .by_name("word/document.xml")
        .unwrap()
        .read_to_end(&mut xml)
        .unwrap();
    xml
}

/// A sound zip holding `xml` as a Word document's body.
fn word_document(xml: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    zip.write_all(xml).unwrap();
    zip.finish().unwrap().into_inner()
}

/// Reads a Word document's bytes as `import-docx` does; what it makes is used as a register.
fn use_word_document(bytes: &[u8], path: &Path, original: &Register) -> bool {
    let Ok(body) = docx_file::read_bytes(bytes, path) else {
        return false;
    };
    match word_tables::read_body(&body, &Register::default(), &[], path) {
        Ok(import) => {
            let _ = import.summary();
            use_register(&import.register, original);
            true
        }
        Err(_) => false,
    }
}

/// Mutates each input `rounds` times from `seed`, through every loader.
fn fuzz(rounds: usize, seed: u64) {
    let mut rng = Rng(seed);
    let bundled = std::fs::read(bundled_register()).unwrap();
    let original = register_file::load(&bundled_register()).unwrap();
    let snapshot_path = fixture("chained.snapshots").join("v1.1.ron");
    let snapshot = std::fs::read(&snapshot_path).unwrap();
    let csv = csv_file::export_text(&original).unwrap().into_bytes();
    let small = register_file::load(&fixture("small.ron")).unwrap();
    let pdf =
        dpia_report::export(&small, &dpia_report::ReportOptions::default(), &mut |_| {}).unwrap();
    let docx = std::fs::read(fixture("word-register-libreoffice.docx")).unwrap();
    let xml = word_document_xml(&docx);
    let path = Path::new("fuzzed");
    let mut loaded = 0;
    let mut read_word = 0;
    for _ in 0..rounds {
        let text = String::from_utf8_lossy(&mutate(&bundled, &mut rng)).into_owned();
        if let Ok(register) = register_file::parse(&text, path) {
            use_register(&register, &original);
            loaded += 1;
        }

        let text = String::from_utf8_lossy(&mutate(&snapshot, &mut rng)).into_owned();
        if let Ok(snapshot) = snapshot_file::parse(&text, &snapshot_path) {
            use_register(snapshot.register(), &original);
        }

        let text = String::from_utf8_lossy(&mutate(&csv, &mut rng)).into_owned();
        if let Ok(register) = csv_file::import_text(&text, path, &Register::default()) {
            use_register(&register, &original);
        }

        let bytes = mutate(&pdf, &mut rng);
        if let Ok(text) = paper::register_text(&bytes, path)
            && let Ok(register) = register_file::parse(&text, path)
        {
            use_register(&register, &small);
        }

        use_word_document(&mutate(&docx, &mut rng), path, &original);
        if use_word_document(&word_document(&mutate(&xml, &mut rng)), path, &original) {
            read_word += 1;
        }
    }
    assert!(
        read_word > 0,
        "no mutated Word register read in {rounds} rounds"
    );
    // A pass whose every mutation fails at once would test little.
    assert!(loaded > 0, "no mutated register loaded in {rounds} rounds");
}

#[test]
fn fuzz_every_loader_briefly() {
    fuzz(300, 0x15_15_15);
}

#[test]
#[ignore = "the long run: cargo test --release --test integration -- --ignored fuzz_long"]
fn fuzz_long() {
    for seed in 1..=20 {
        fuzz(1_000, seed);
    }
}
