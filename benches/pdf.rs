//! PDF export: the bundled register and a generated 1,000-entry one (target: under 1 s and 2 MB).
//!
//! Prints each paper's size and page count first, then divan's timings. Figures go in BENCHMARKS.md.

use std::path::Path;

use divan::Bencher;
use dpia_core::register::Register;
use dpia_core::synthetic;
use dpia_files::register_file;
use dpia_report::pdf::Levels;
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
            println!("{name}: {} bytes, {num_pages} pages", bytes.len());
        }
    }
    let generated = synthetic::register(1000, 1);
    for (name, levels) in LEVELS {
        let bytes = dpia_report::export_at_levels(&generated, &options(Edition::Full), levels)
            .expect("the paper is made");
        #[expect(clippy::print_stdout, reason = "a benchmark reports its figures")]
        {
            println!(
                "generated 1,000 entries, zlib {name}: {} bytes",
                bytes.len()
            );
        }
    }
    divan::main();
}

/// The zlib levels compared: 6, 9 (flate2's `Compression::best()`) and the paper's own.
const LEVELS: [(&str, Levels); 4] = [
    (
        "6",
        Levels {
            streams: 6,
            object_streams: 6,
        },
    ),
    (
        "9",
        Levels {
            streams: 9,
            object_streams: 9,
        },
    ),
    (
        "9, object streams 6",
        Levels {
            streams: 9,
            object_streams: 6,
        },
    ),
    ("the paper's (9, object streams 7)", Levels::PAPER),
];

/// The 1,000-entry paper at each set of levels in `LEVELS`, side by side in one run.
#[divan::bench(args = [0, 1, 2, 3], sample_count = 20)]
fn export_generated_1000_at_levels(bencher: Bencher<'_, '_>, which: usize) {
    let register = synthetic::register(1000, 1);
    let levels = LEVELS[which].1;
    bencher.bench(|| dpia_report::export_at_levels(&register, &options(Edition::Full), levels));
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
