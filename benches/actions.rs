//! Benchmarks of the action log on a generated register of 10,000 entries and 2,000 actions:
//! `actions --overdue` (the filter, and the filter with the CSV rows it prints).
//!
//! Run with `cargo bench --bench actions`; divan prints the median of many samples. Target (issue
//! 16): under 50 ms in a release build on a 2-core machine. Loading the register is `core`'s bench.

use dpia_core::action_log::{self, ActionFilter};
use dpia_core::synthetic;
use dpia_register::cli::actions::csv_row;

const NUM_ENTRIES: usize = 10_000;
const NUM_ACTIONS: usize = 2_000;

fn main() {
    divan::main();
}

fn overdue() -> ActionFilter {
    ActionFilter {
        overdue_on: Some(jiff::civil::date(2019, 12, 1)),
        ..ActionFilter::default()
    }
}

#[divan::bench(sample_count = 50)]
fn overdue_filter_10k_entries_2k_actions(bencher: divan::Bencher<'_, '_>) {
    let register = synthetic::with_actions(synthetic::register(NUM_ENTRIES, 1), NUM_ACTIONS, 1);
    let filter = overdue();
    bencher.bench(|| action_log::filter(divan::black_box(&register), &filter).len());
}

#[divan::bench(sample_count = 50)]
fn overdue_csv_rows_10k_entries_2k_actions(bencher: divan::Bencher<'_, '_>) {
    let register = synthetic::with_actions(synthetic::register(NUM_ENTRIES, 1), NUM_ACTIONS, 1);
    let filter = overdue();
    bencher.bench(|| {
        action_log::filter(divan::black_box(&register), &filter)
            .into_iter()
            .map(csv_row)
            .count()
    });
}
