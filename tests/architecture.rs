//! The architecture invariants of ARCHITECTURE.md, checked on the source tree.
//!
//! The crate graph enforces most of them (dpia-core depends on no GUI, PDF or disk crate); these
//! checks catch what a dependency list cannot: `std::fs` and the clock, which every crate can reach.

use std::fs;
use std::path::{Path, PathBuf};

use super::util::root;

/// Every `.rs` file below `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// The source folders of the workspace: the root package's `src/` and each crate's `src/`.
fn source_dirs() -> Vec<PathBuf> {
    let mut dirs = vec![root().join("src")];
    for name in ["dpia-core", "dpia-files", "dpia-report"] {
        dirs.push(root().join("crates").join(name).join("src"));
    }
    dirs
}

fn relative(path: &Path) -> String {
    path.strip_prefix(root()).unwrap().display().to_string()
}

/// The code of a line, without a `//` comment.
fn code(line: &str) -> &str {
    line.split("//").next().unwrap_or("")
}

/// Whether `code` names `name` as a whole path segment (`egui::`, not `my_egui`).
fn names(code: &str, name: &str) -> bool {
    code.match_indices(name).any(|(idx, _)| {
        let before = code[..idx].chars().next_back();
        let after = code[idx + name.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
            && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

/// `file:line: names X` for each line of the files below `dirs` (except `allowed`) naming one of `needles`.
fn violations(dirs: &[PathBuf], allowed: &[PathBuf], needles: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for dir in dirs {
        for path in rust_files(dir) {
            if allowed.iter().any(|allowed| path.starts_with(allowed)) {
                continue;
            }
            let text = fs::read_to_string(&path).unwrap();
            for (line_idx, line) in text.lines().enumerate() {
                for needle in needles {
                    if names(code(line), needle) {
                        found.push(format!("{}:{}: {needle}", relative(&path), line_idx + 1));
                    }
                }
            }
        }
    }
    found
}

#[test]
fn only_gui_names_egui_eframe_or_rfd() {
    let found = violations(
        &source_dirs(),
        &[root().join("src").join("gui")],
        &["egui", "eframe", "egui_extras", "egui_kittest", "rfd"],
    );
    // main.rs may call gui::run, which does not name egui.
    assert!(
        found.is_empty(),
        "egui outside src/gui:\n{}",
        found.join("\n")
    );
}

#[test]
fn only_dpia_files_touches_the_disk() {
    let found = violations(
        &source_dirs(),
        &[root().join("crates").join("dpia-files")],
        &["std::fs", "fs::", "File::open", "OpenOptions"],
    );
    assert!(
        found.is_empty(),
        "disk access outside dpia-files:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_core_and_the_papers_read_no_clock() {
    let found = violations(
        &[
            root().join("crates").join("dpia-core").join("src"),
            root().join("crates").join("dpia-report").join("src"),
        ],
        &[],
        &[
            "Timestamp::now",
            "Zoned::now",
            "SystemTime",
            "Instant::now",
            "Date::today",
        ],
    );
    assert!(
        found.is_empty(),
        "a clock read in the core or the papers (pass the time in):\n{}",
        found.join("\n")
    );
}

#[test]
fn every_rust_file_starts_with_a_module_doc() {
    let mut dirs = source_dirs();
    dirs.push(root().join("tests"));
    dirs.push(root().join("benches"));
    let mut missing = Vec::new();
    for dir in dirs {
        for path in rust_files(&dir) {
            let text = fs::read_to_string(&path).unwrap();
            if !text.trim_start().starts_with("//!") {
                missing.push(relative(&path));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "files without a //! module doc:\n{}",
        missing.join("\n")
    );
}

#[test]
fn only_files_atomic_creates_files() {
    let atomic = root()
        .join("crates")
        .join("dpia-files")
        .join("src")
        .join("atomic.rs");
    let mut violations = Vec::new();
    for dir in source_dirs() {
        for path in rust_files(&dir) {
            if path == atomic {
                continue;
            }
            let text = fs::read_to_string(&path).unwrap();
            for needle in ["fs::write(", "File::create(", "OpenOptions"] {
                if text.contains(needle) {
                    violations.push(format!("{}: {needle}", relative(&path)));
                }
            }
        }
    }
    assert!(
        violations.is_empty(),
        "file writes outside files::atomic:\n{}",
        violations.join("\n")
    );
}

#[test]
fn the_checks_find_what_they_look_for() {
    // A check that finds nothing because it looks nowhere would pass for ever.
    assert!(names("use egui::Ui;", "egui"), "a path segment is found");
    assert!(!names("let my_egui = 1;", "egui"), "part of a name is not");
    assert!(
        violations(&source_dirs(), &[], &["std::fs"])
            .iter()
            .any(|found| found.starts_with("crates/dpia-files/")),
        "dpia-files uses std::fs, and the scan sees it"
    );
    assert!(
        rust_files(&root().join("crates").join("dpia-core").join("src")).len() > 10,
        "the core's files are scanned"
    );
}
