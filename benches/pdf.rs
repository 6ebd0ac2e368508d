//! PDF export: the bundled register and a generated 1,000-entry one (target: under 1 s and 2 MB).
//!
//! Prints each paper's size and page count first, then divan's timings. Figures go in BENCHMARKS.md.

use std::path::Path;

use divan::Bencher;
use dpia_core::register::Register;
use dpia_core::synthetic;
use dpia_files::register_file;
use dpia_report::{Edition, ReportOptions};

fn bundled() -> Register {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("registers/leds-hob-open-space.ron");
    register_file::load(&path).expect("the bundled register loads")
}

fn options(edition: Edition) -> ReportOptions {
    ReportOptions {
        edition,
        produced: None,
        ..ReportOptions::default()
    }
}

fn main() {
    for (name, register) in [
        ("bundled (29 entries)", bundled()),
        ("generated 1,000 entries", synthetic::register(1000, 1)),
    ] {
        let bytes = dpia_report::export(&register, &options(Edition::Full), &mut |_| {})
            .expect("the paper is made");
        let num_pages = dpia_report::layout(&register, &options(Edition::Full))
            .pages
            .len();
        #[expect(clippy::print_stdout, reason = "a benchmark reports its figures")]
        {
            println!(
                "{name}: {} KB, {num_pages} pages",
                bytes.len().div_ceil(1024)
            );
        }
    }
    divan::main();
}

#[divan::bench]
fn export_bundled(bencher: Bencher<'_, '_>) {
    let register = bundled();
    bencher.bench(|| dpia_report::export(&register, &options(Edition::Full), &mut |_| {}));
}

#[divan::bench(sample_count = 20)]
fn export_generated_1000(bencher: Bencher<'_, '_>) {
    let register = synthetic::register(1000, 1);
    bencher.bench(|| dpia_report::export(&register, &options(Edition::Full), &mut |_| {}));
}

#[divan::bench(sample_count = 20)]
fn export_generated_1000_public(bencher: Bencher<'_, '_>) {
    let register = synthetic::register(1000, 1);
    bencher.bench(|| dpia_report::export(&register, &options(Edition::Public), &mut |_| {}));
}

#[divan::bench(sample_count = 20)]
fn layout_generated_1000(bencher: Bencher<'_, '_>) {
    let register = synthetic::register(1000, 1);
    bencher.bench(|| dpia_report::layout(&register, &options(Edition::Full)));
}
