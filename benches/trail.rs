//! Benchmarks for the audit trail: finding a save's changes must cost what changed, not the size
//! of the register. The same three edits are journaled on registers of 100 and 10,000 entries,
//! and the journal's changes found; the medians should be about equal (BENCHMARKS.md).
//!
//! Run with `cargo bench --bench trail`.

use divan::Bencher;
use dpia_core::edit::{Edit, EntryText, apply};
use dpia_core::register::Register;
use dpia_core::synthetic;
use dpia_core::trail::Journal;

fn main() {
    divan::main();
}

/// Three edits to the register's first entry and its details, as a user makes between saves.
fn edits(register: &Register) -> Vec<Edit> {
    let entry = register.entries[0].id.clone();
    vec![
        Edit::SetEntryText {
            entry: entry.clone(),
            field: EntryText::Concern,
            text: "Reviewed at the workshop".to_owned(),
        },
        Edit::SetVotes { entry, votes: 7 },
        Edit::SetStatus {
            status: dpia_core::register::Status::Consultation,
        },
    ]
}

#[divan::bench(args = [100, 10_000])]
fn journal_three_edits_and_find_the_changes(bencher: Bencher<'_, '_>, num_entries: usize) {
    let register = synthetic::register(num_entries, 1);
    bencher
        .with_inputs(|| register.clone())
        .bench_local_values(|mut register| {
            let mut journal = Journal::default();
            for edit in edits(&register) {
                journal.before_edit(&register, &edit);
                apply(&mut register, edit).ok();
            }
            let changes = journal.changes(&register);
            // Returned, so dropping the register is not timed (divan drops outputs afterwards).
            (register, changes)
        });
}
