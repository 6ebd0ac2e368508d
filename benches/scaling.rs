//! How the commands grow with the register (issue 17): linear means about 10× the time per 10×
//! the entries, and paper memory bounded by a page, not the register.
//!
//! `cargo bench --bench scaling` prints, before divan's timings:
//!
//! 1. the growth report: `synthetic::register` (what `generate` does) and a CSV import of rows
//!    with blank ids (every id issued), in process, at 1,000, 10,000 and 50,000 entries, the
//!    median of `DPIA_SCALING_RUNS` runs (default 3) and the growth factor per step;
//! 2. with `DPIA_SCALING_TABLE=1`, the whole-process table: the release binary run as a child
//!    (`check`, `rank`, `export-csv`, `export-pdf`, `diff`, `generate`, `import-csv` of blank-id
//!    rows) at `DPIA_SCALING_SIZES` entries (default 100,1000,10000,50000), each run's wall time and
//!    its peak resident memory as the kernel counted it (GNU time's `%M`, the child's rusage from
//!    `wait4`), medians of `DPIA_SCALING_RUNS` runs; `DPIA_SCALING_COMMANDS=export-pdf,check` picks
//!    commands.
//!
//! The divan benchmarks after them time generate and the blank-id import at 1,000 and 10,000.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use divan::Bencher;
use dpia_core::register::Register;
use dpia_core::synthetic;
use dpia_files::{csv_file, register_file};

fn main() {
    growth_report();
    if std::env::var("DPIA_SCALING_TABLE").is_ok_and(|value| value == "1") {
        command_table();
    }
    divan::main();
}

/// Runs from the environment, else `default`.
fn runs(default: usize) -> usize {
    std::env::var("DPIA_SCALING_RUNS")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(default)
        .max(1)
}

/// The median of some durations.
fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

/// `register`'s entries as CSV with the id column blank, so an import issues every id.
fn blank_id_csv(register: &Register) -> String {
    let text = csv_file::export_text(register).expect("CSV export");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for (row_idx, record) in reader.records().enumerate() {
        let record = record.expect("a CSV row");
        let cells = record
            .iter()
            .enumerate()
            .map(|(idx, cell)| if idx == 0 && row_idx > 0 { "" } else { cell });
        writer.write_record(cells).expect("a CSV row written");
    }
    String::from_utf8(writer.into_inner().expect("the CSV")).expect("UTF-8")
}

/// Prints a line of the report.
fn report(line: &str) {
    #[expect(clippy::print_stdout, reason = "a benchmark reports its figures")]
    {
        println!("{line}");
    }
}

fn growth_report() {
    const SIZES: [usize; 3] = [1_000, 10_000, 50_000];
    let runs = runs(3);
    report(&format!(
        "scaling growth: median of {runs} runs in process, growth factor per step (linear: about 10× then 5×)"
    ));
    let mut generate = Vec::new();
    let mut import = Vec::new();
    for num_entries in SIZES {
        generate.push(median(
            (0..runs)
                .map(|_| {
                    let start = Instant::now();
                    divan::black_box(synthetic::register(num_entries, 1));
                    start.elapsed()
                })
                .collect(),
        ));
        let text = blank_id_csv(&synthetic::register(num_entries, 1));
        let empty = Register::default();
        import.push(median(
            (0..runs)
                .map(|_| {
                    let start = Instant::now();
                    let imported = csv_file::import_text(&text, Path::new("big.csv"), &empty)
                        .expect("the CSV imports");
                    assert_eq!(imported.entries.len(), num_entries, "every row imported");
                    start.elapsed()
                })
                .collect(),
        ));
    }
    for (name, times) in [("generate", &generate), ("blank-id import", &import)] {
        let mut line = format!("  {name:<16}");
        for (idx, (num_entries, time)) in SIZES.iter().zip(times).enumerate() {
            write!(
                line,
                "  {num_entries:>6}: {:>9.2} ms",
                time.as_secs_f64() * 1e3
            )
            .ok();
            if let Some(before) = idx.checked_sub(1).and_then(|before| times.get(before)) {
                write!(line, " ({:.1}×)", time.as_secs_f64() / before.as_secs_f64()).ok();
            }
        }
        report(&line);
    }
}

/// One command's run: wall time and peak resident memory in KB.
fn run_child(args: &[&str], dir: &Path) -> (Duration, u64) {
    let binary = env!("CARGO_BIN_EXE_dpia-register");
    let rusage = dir.join("rusage.txt");
    let start = Instant::now();
    let status = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%M")
        .arg("-o")
        .arg(&rusage)
        .arg(binary)
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("GNU time runs (apt-get install time)");
    let elapsed = start.elapsed();
    assert!(status.success(), "dpia-register {args:?} failed");
    let peak = std::fs::read_to_string(&rusage)
        .ok()
        .and_then(|text| text.lines().last()?.trim().parse().ok())
        .expect("GNU time's peak memory");
    (elapsed, peak)
}

/// The whole-process table: each command at each size, as a user runs it.
fn command_table() {
    let sizes: Vec<usize> = std::env::var("DPIA_SCALING_SIZES").ok().map_or_else(
        || vec![100, 1_000, 10_000, 50_000],
        |text| {
            text.split(',')
                .filter_map(|n| n.trim().parse().ok())
                .collect()
        },
    );
    let only = std::env::var("DPIA_SCALING_COMMANDS").unwrap_or_default();
    let wanted = |name: &str| only.is_empty() || only.split(',').any(|n| n.trim() == name);
    let runs = runs(3);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = |name: &str| -> PathBuf { dir.path().join(name) };
    report(&format!(
        "scaling table: release binary as a child, median of {runs} runs; time, peak RSS (kernel)"
    ));
    let mut rows: Vec<(String, Vec<(Duration, u64)>)> = Vec::new();
    for &num_entries in &sizes {
        let n = num_entries.to_string();
        // The inputs, made in process (each command's input is the same at every run).
        let register = synthetic::register(num_entries, 1);
        register_file::save(&register, &path("reg.ron")).expect("the register saves");
        let mut changed = register.clone();
        for entry in changed.entries.iter_mut().step_by(20) {
            entry.concern.push_str(" Reviewed again.");
        }
        register_file::save(&changed, &path("changed.ron")).expect("the register saves");
        dpia_files::atomic::write(&path("blank.csv"), blank_id_csv(&register).as_bytes())
            .expect("the CSV is written");
        let commands: [(&str, Vec<&str>); 7] = [
            ("check", vec!["check", "reg.ron"]),
            ("rank", vec!["rank", "reg.ron", "--format", "csv"]),
            (
                "export-csv",
                vec!["export-csv", "reg.ron", "-o", "out.csv", "--force"],
            ),
            (
                "export-pdf",
                vec!["export-pdf", "reg.ron", "-o", "out.pdf", "--force"],
            ),
            ("diff", vec!["diff", "reg.ron", "changed.ron"]),
            ("generate", vec!["generate", &n, "-o", "gen.ron", "--force"]),
            (
                "blank-id import",
                vec!["import-csv", "blank.csv", "-o", "imported.ron", "--force"],
            ),
        ];
        for (name, args) in commands {
            if !wanted(name.split(' ').next().unwrap_or(name)) && !wanted(name) {
                continue;
            }
            let measured: Vec<(Duration, u64)> =
                (0..runs).map(|_| run_child(&args, dir.path())).collect();
            let time = median(measured.iter().map(|(time, _)| *time).collect());
            let mut peaks: Vec<u64> = measured.iter().map(|(_, peak)| *peak).collect();
            peaks.sort_unstable();
            let peak = peaks.get(peaks.len() / 2).copied().unwrap_or_default();
            let mut extra = String::new();
            if name == "export-pdf" {
                let bytes = std::fs::metadata(path("out.pdf")).map_or(0, |m| m.len());
                extra = format!(", {bytes} B");
            }
            report(&format!(
                "  {name:<16} {num_entries:>6}: {:>9.3} s {:>8.1} MB{extra}",
                time.as_secs_f64(),
                peak as f64 / 1024.0
            ));
            match rows.iter_mut().find(|(row, _)| row == name) {
                Some((_, cells)) => cells.push((time, peak)),
                None => rows.push((name.to_owned(), vec![(time, peak)])),
            }
        }
    }
    report("scaling table (markdown): time / peak memory, growth factor of the time per step");
    let mut header = "| command |".to_owned();
    for num_entries in &sizes {
        write!(header, " {num_entries} |").ok();
    }
    report(&header);
    report(&format!("|---|{}", "---|".repeat(sizes.len())));
    for (name, cells) in rows {
        let mut line = format!("| {name} |");
        for (idx, (time, peak)) in cells.iter().enumerate() {
            write!(
                line,
                " {:.3} s / {:.0} MB",
                time.as_secs_f64(),
                *peak as f64 / 1024.0
            )
            .ok();
            if let Some((before, _)) = idx.checked_sub(1).and_then(|before| cells.get(before)) {
                write!(line, " ({:.1}×)", time.as_secs_f64() / before.as_secs_f64()).ok();
            }
            line += " |";
        }
        report(&line);
    }
}

#[divan::bench(args = [1_000, 10_000], sample_count = 5)]
fn generate(bencher: Bencher<'_, '_>, num_entries: usize) {
    bencher.bench(|| synthetic::register(divan::black_box(num_entries), 1));
}

#[divan::bench(args = [1_000, 10_000], sample_count = 5)]
fn import_blank_ids(bencher: Bencher<'_, '_>, num_entries: usize) {
    let text = blank_id_csv(&synthetic::register(num_entries, 1));
    let empty = Register::default();
    bencher.bench(|| {
        csv_file::import_text(divan::black_box(&text), Path::new("big.csv"), &empty)
            .expect("the CSV imports")
    });
}
