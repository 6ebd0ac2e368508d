//! Benchmarks of `check` on a generated 10,000-entry register: alone, as it was before registers
//! kept snapshots' chains and approvals, against the same register with 20 snapshots, each
//! approved, side by side in one run. The target (issue 10): within 1.5 times.
//!
//! Run with `cargo bench --bench check`. Setting up takes 20 snapshots of 21 MB each (a minute).

use std::path::{Path, PathBuf};

use divan::Bencher;
use dpia_core::approval::{Approval, Decision};
use dpia_core::register::Register;
use dpia_core::snapshot::Label;
use dpia_core::synthetic;
use dpia_files::{approval_file, register_file, snapshot_chain};
use dpia_register::cli::{Command, run};
use jiff::Timestamp;

const NUM_ENTRIES: usize = 10_000;
const NUM_SNAPSHOTS: u32 = 20;

fn main() {
    divan::main();
}

/// A 10,000-entry register saved in a new folder.
fn register_in(dir: &Path) -> (PathBuf, Register) {
    let path = dir.join("big.ron");
    let register = synthetic::register(NUM_ENTRIES, 1);
    register_file::save(&register, &path).expect("the register saves");
    (path, register)
}

fn check(path: &Path, verify_snapshots: bool) {
    let mut out = Vec::new();
    run(
        Command::Check {
            files: vec![path.to_owned()],
            verify_snapshots,
        },
        &mut out,
    )
    .expect("check runs");
    divan::black_box(out);
}

#[divan::bench(sample_count = 10)]
fn check_10000_entries(bencher: Bencher<'_, '_>) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (path, _) = register_in(dir.path());
    bencher.bench(|| check(&path, false));
}

/// The register after 20 rounds of an edit, a snapshot and its approval.
fn with_snapshots(dir: &Path) -> PathBuf {
    let (path, mut register) = register_in(dir);
    let start = Timestamp::from_second(1_556_614_800).expect("a time");
    for round in 0..NUM_SNAPSHOTS {
        register.entries[0].votes = round;
        let label = Label::parse(&format!("v0.{}", round + 1)).expect("a label");
        let taken_at = start + jiff::SignedDuration::from_hours(i64::from(round));
        let (_, snapshot) =
            snapshot_chain::take(&path, &mut register, label.clone(), taken_at, "Siân", "")
                .expect("the snapshot is taken");
        let approval = Approval {
            label,
            checksum: snapshot.checksum(),
            role: "DPO advice".to_owned(),
            name: "Gwen Jones".to_owned(),
            decision: Decision::Approved,
            conditions: String::new(),
            date: taken_at.to_zoned_datetime(jiff::tz::TimeZone::UTC).date(),
            signature: None,
        };
        approval_file::save_new(&path, &approval, taken_at).expect("the approval is saved");
    }
    register_file::save(&register, &path).expect("the register saves");
    path
}

#[divan::bench(sample_count = 10)]
fn check_10000_entries_20_snapshots_and_approvals(bencher: Bencher<'_, '_>) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = with_snapshots(dir.path());
    bencher.bench(|| check(&path, false));
}

#[divan::bench(sample_count = 3)]
fn check_verify_snapshots_10000_entries_20_snapshots(bencher: Bencher<'_, '_>) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = with_snapshots(dir.path());
    bencher.bench(|| check(&path, true));
}
