//! Benchmarks of the register core on a generated 10,000-entry register: load, save and rank.
//!
//! Run with `cargo bench --bench core`; divan prints the median of many samples. Targets (issue 2):
//! each under 100 ms in a release build on a 2-core machine.

use std::path::Path;

use dpia_core::ranking::rank;
use dpia_core::synthetic;
use dpia_files::{csv_file, register_file};

const NUM_ENTRIES: usize = 10_000;

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 20)]
fn load_10k(bencher: divan::Bencher<'_, '_>) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("big.ron");
    register_file::save(&synthetic::register(NUM_ENTRIES, 1), &path).expect("the register saves");
    bencher.bench(|| register_file::load(divan::black_box(&path)).expect("the register loads"));
}

#[divan::bench(sample_count = 20)]
fn parse_10k_in_memory(bencher: divan::Bencher<'_, '_>) {
    let text =
        dpia_core::register_text::to_text(&synthetic::register(NUM_ENTRIES, 1)).expect("RON text");
    bencher.bench(|| {
        register_file::parse(divan::black_box(&text), Path::new("big.ron"))
            .expect("the register parses")
    });
}

/// The same register text with a leaner indentation (issue 17's question: what would a saved
/// layout with fewer indentation bytes give?): one space, or one tab, a level instead of four
/// spaces, still one field a line.
fn reindented(text: &str, indent: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let body = line.trim_start_matches(' ');
        let levels = (line.len() - body.len()) / 4;
        out.push_str(&indent.repeat(levels));
        out.push_str(body);
        out.push('\n');
    }
    out
}

#[divan::bench(args = ["four spaces", "one space", "one tab"], sample_count = 20)]
fn parse_10k_indented_with(bencher: divan::Bencher<'_, '_>, indent: &str) {
    let text =
        dpia_core::register_text::to_text(&synthetic::register(NUM_ENTRIES, 1)).expect("RON text");
    let text = match indent {
        "one space" => reindented(&text, " "),
        "one tab" => reindented(&text, "\t"),
        _ => text,
    };
    #[expect(
        clippy::print_stderr,
        reason = "a benchmark reports the size it measured"
    )]
    {
        eprintln!("{indent}: {} bytes", text.len());
    }
    bencher.bench(|| {
        register_file::parse(divan::black_box(&text), Path::new("big.ron"))
            .expect("the register parses")
    });
}

#[divan::bench(sample_count = 20)]
fn to_text_10k_in_memory(bencher: divan::Bencher<'_, '_>) {
    let register = synthetic::register(NUM_ENTRIES, 1);
    bencher.bench(|| {
        dpia_core::register_text::to_text(divan::black_box(&register)).expect("RON text")
    });
}

#[divan::bench(sample_count = 20)]
fn save_10k(bencher: divan::Bencher<'_, '_>) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("big.ron");
    let register = synthetic::register(NUM_ENTRIES, 1);
    bencher.bench(|| {
        register_file::save(divan::black_box(&register), &path).expect("the register saves");
    });
}

#[divan::bench(sample_count = 50)]
fn rank_10k(bencher: divan::Bencher<'_, '_>) {
    let register = synthetic::register(NUM_ENTRIES, 1);
    bencher.bench(|| rank(divan::black_box(&register)));
}

#[divan::bench(sample_count = 20)]
fn csv_import_10k(bencher: divan::Bencher<'_, '_>) {
    let text = csv_file::export_text(&synthetic::register(NUM_ENTRIES, 1)).expect("CSV export");
    let empty = dpia_core::register::Register::default();
    bencher.bench(|| {
        csv_file::import_text(divan::black_box(&text), Path::new("big.csv"), &empty)
            .expect("CSV import")
    });
}
