//! The architecture invariants of ARCHITECTURE.md, checked on the source tree.

use std::fs;
use std::path::{Path, PathBuf};

use super::util::root;

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

fn relative(path: &Path) -> String {
    path.strip_prefix(root()).unwrap().display().to_string()
}

#[test]
fn only_gui_names_egui_eframe_or_rfd() {
    let gui = root().join("src").join("gui");
    let mut violations = Vec::new();
    for path in rust_files(&root().join("src")) {
        if path.starts_with(&gui) {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        for (line_idx, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for name in ["egui", "eframe", "egui_extras", "rfd::"] {
                let named = code.match_indices(name).any(|(idx, _)| {
                    let before = code[..idx].chars().next_back();
                    let after = code[idx + name.len()..].chars().next();
                    !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
                        && !after
                            .is_some_and(|c| c.is_alphanumeric() || (c == '_' && name != "egui"))
                });
                if named {
                    violations.push(format!(
                        "{}:{}: names {name}",
                        relative(&path),
                        line_idx + 1
                    ));
                }
            }
        }
    }
    // main.rs may call gui::run, which does not name egui.
    assert!(
        violations.is_empty(),
        "egui outside src/gui:\n{}",
        violations.join("\n")
    );
}

#[test]
fn every_rust_file_starts_with_a_module_doc() {
    let mut missing = Vec::new();
    for dir in ["src", "tests", "benches"] {
        for path in rust_files(&root().join(dir)) {
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
    let atomic = root().join("src").join("files").join("atomic.rs");
    let mut violations = Vec::new();
    for path in rust_files(&root().join("src")) {
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
    assert!(
        violations.is_empty(),
        "file writes outside files::atomic:\n{}",
        violations.join("\n")
    );
}
