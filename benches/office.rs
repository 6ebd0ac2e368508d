//! Benchmarks of the spreadsheet formats on a generated 10,000-entry register: the workbook out and
//! in, and a CSV update by id (`import-csv --into`).
//!
//! Run with `cargo bench --bench office`; divan prints the median of many samples. Targets (issue 12),
//! in a release build on a 2-core machine: `export-xlsx` and `import-xlsx` each under 1.5 s,
//! `import-csv --into` under 300 ms.

use std::path::Path;

use dpia_core::synthetic;
use dpia_files::{csv_file, xlsx_file};

const NUM_ENTRIES: usize = 10_000;

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 5)]
fn export_xlsx_10k(bencher: divan::Bencher<'_, '_>) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("big.xlsx");
    let register = synthetic::register(NUM_ENTRIES, 1);
    bencher.bench(|| {
        xlsx_file::export(divan::black_box(&register), &path, None).expect("the workbook saves");
    });
}

#[divan::bench(sample_count = 5)]
fn import_xlsx_10k(bencher: divan::Bencher<'_, '_>) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("big.xlsx");
    xlsx_file::export(&synthetic::register(NUM_ENTRIES, 1), &path, None)
        .expect("the workbook saves");
    bencher.bench(|| xlsx_file::import(divan::black_box(&path)).expect("the workbook imports"));
}

#[divan::bench(sample_count = 10)]
fn import_csv_into_10k(bencher: divan::Bencher<'_, '_>) {
    let register = synthetic::register(NUM_ENTRIES, 1);
    let text = csv_file::export_text(&register).expect("CSV export");
    bencher.bench(|| {
        csv_file::update_bytes(
            divan::black_box(text.as_bytes()),
            Path::new("big.csv"),
            &register,
            false,
        )
        .expect("CSV update")
    });
}
