//! Benchmarks for versions: the diff of two 10,000-entry registers with 5% of entries changed
//! (target under 200 ms in release), the three-way merge of two such sides (target under 150 ms,
//! reported against the diff in the same run), rendering the change log, and taking and loading
//! a snapshot.
//!
//! Run with `cargo bench --bench snapshots`; figures go in `BENCHMARKS.md`.

use std::path::Path;

use dpia_core::diff::{ChangeLog, diff};
use dpia_core::register::{Assessment, Entry, Mitigation, MitigationStatus, Register};
use dpia_core::snapshot::{Label, Snapshot};
use dpia_core::synthetic;
use dpia_files::snapshot_file;

const NUM_ENTRIES: usize = 10_000;

fn main() {
    divan::main();
}

/// `register` with one entry in `every` changed, in eight kinds of change taken in turn:
/// concern, mitigation status, residual score, must-have, votes, removed, added, issue and
/// category with a new mitigation.
fn changed(register: &Register, every: usize) -> Register {
    let mut changed = register.clone();
    let mut removed = Vec::new();
    let mut added = Vec::new();
    for (turn, entry_idx) in (0..changed.entries.len()).step_by(every).enumerate() {
        let Some(entry) = changed.entries.get_mut(entry_idx) else {
            continue;
        };
        match turn % 8 {
            0 => entry.concern.push_str(" Reviewed at the workshop."),
            1 => {
                if let Some(mitigation) = entry.mitigations.first_mut() {
                    mitigation.status = if mitigation.status == MitigationStatus::Implemented {
                        MitigationStatus::Rejected
                    } else {
                        MitigationStatus::Implemented
                    };
                }
            }
            2 => {
                if let Some(impact) = entry.impacts.first_mut() {
                    let lowest = Assessment::from_values(1, 1);
                    impact.residual = if impact.residual == lowest {
                        Assessment::from_values(2, 2)
                    } else {
                        lowest
                    };
                }
            }
            3 => entry.must_have = !entry.must_have,
            4 => entry.votes += 1,
            5 => removed.push(entry.id.clone()),
            6 => added.push(entry.system.clone()),
            _ => {
                entry.issue.push_str(" (revised)");
                "governance".clone_into(&mut entry.category);
                entry
                    .mitigations
                    .push(Mitigation::proposed("Review every year"));
            }
        }
    }
    changed.entries.retain(|entry| !removed.contains(&entry.id));
    for system in added {
        let id = changed.issue_entry_id(&system);
        changed
            .entries
            .push(Entry::new(id, system, "Added after the workshop"));
    }
    changed
}

fn registers() -> (Register, Register) {
    let old = synthetic::register(NUM_ENTRIES, 1);
    let new = changed(&old, 20);
    let log = diff(&old, &new);
    // 500 entries touched (5%): 62 removed, 62 added after them, the other 376 changed.
    assert_eq!(
        log.summary(),
        "62 added, 62 removed, 376 changed",
        "the benchmark compares what it claims to"
    );
    (old, new)
}

#[divan::bench(sample_count = 20)]
fn diff_10000_entries_5_percent_changed(bencher: divan::Bencher<'_, '_>) {
    let (old, new) = registers();
    bencher.bench(|| diff(divan::black_box(&old), divan::black_box(&new)));
}

/// Theirs: a colleague's 5% of the entries (every twentieth from the tenth, so none of ours),
/// each concern extended.
fn theirs(base: &Register) -> Register {
    let mut theirs = base.clone();
    for entry in theirs.entries.iter_mut().skip(10).step_by(20) {
        entry.concern.push_str(" Raised again by the Open Space.");
    }
    theirs
}

#[divan::bench(sample_count = 20)]
fn merge_10000_entries_5_percent_changed_each_side(bencher: divan::Bencher<'_, '_>) {
    let (base, ours) = registers();
    let theirs = theirs(&base);
    let merged = dpia_core::merge::merge(&base, &ours, &theirs);
    assert!(
        merged.conflicts.is_empty(),
        "the two sides touch different entries"
    );
    bencher.bench(|| {
        dpia_core::merge::merge(
            divan::black_box(&base),
            divan::black_box(&ours),
            divan::black_box(&theirs),
        )
    });
}

#[divan::bench(sample_count = 20)]
fn change_log_text_and_csv(bencher: divan::Bencher<'_, '_>) {
    let (old, new) = registers();
    let log: ChangeLog = diff(&old, &new);
    bencher.bench(|| {
        let text = divan::black_box(&log).to_text();
        let csv = dpia_files::change_log_csv::to_csv(divan::black_box(&log));
        (text, csv)
    });
}

#[divan::bench(sample_count = 20)]
fn take_snapshot_10000_entries(bencher: divan::Bencher<'_, '_>) {
    let register = synthetic::register(NUM_ENTRIES, 1);
    let label = Label::parse("v1.0").expect("a valid label");
    let taken_at: jiff::Timestamp = "2019-04-30T09:00:00Z".parse().expect("a valid time");
    bencher.bench(|| {
        Snapshot::take(
            divan::black_box(&register),
            label.clone(),
            taken_at,
            "Benchmark",
            "",
        )
    });
}

#[divan::bench(sample_count = 20)]
fn load_and_verify_snapshot_10000_entries(bencher: divan::Bencher<'_, '_>) {
    let register = synthetic::register(NUM_ENTRIES, 1);
    let snapshot = Snapshot::take(
        &register,
        Label::parse("v1.0").expect("a valid label"),
        "2019-04-30T09:00:00Z".parse().expect("a valid time"),
        "Benchmark",
        "",
    )
    .expect("a snapshot");
    let text = snapshot_file::to_text(&snapshot).expect("snapshot text");
    bencher.bench(|| snapshot_file::parse(divan::black_box(&text), Path::new("v1.0.ron")));
}
