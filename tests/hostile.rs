//! Hostile files and unlucky moments (issue 15): outputs that are not files, and standard output.

use std::fs;
use std::process::{Command, Stdio};

use super::util::Dir;

/// The binary's raw standard output for `args`, run in `dir`, asserting it succeeded.
fn stdout_bytes(dir: &Dir, args: &[&str]) -> Vec<u8> {
    let output = Command::new(env!("CARGO_BIN_EXE_dpia-register"))
        .args(args)
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "dpia-register {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

#[test]
fn dash_o_writes_to_standard_output() {
    let dir = Dir::new();
    dir.bundled("r.ron");
    dir.ok(&["export-csv", "r.ron", "-o", "r.csv"]);
    let csv = stdout_bytes(&dir, &["export-csv", "r.ron", "-o", "-"]);
    assert_eq!(csv, fs::read(dir.join("r.csv")).unwrap(), "the same CSV");

    let pdf = stdout_bytes(&dir, &["export-pdf", "r.ron", "-o", "-"]);
    assert!(pdf.starts_with(b"%PDF"), "a PDF on standard output");

    let generated = stdout_bytes(&dir, &["generate", "3", "-o", "-"]);
    let text = String::from_utf8(generated).unwrap();
    let register = dpia_core::register_text::parse(&text).unwrap();
    assert_eq!(register.entries.len(), 3, "{text}");

    let imported = stdout_bytes(&dir, &["import-csv", "r.csv", "-o", "-"]);
    let register = dpia_core::register_text::parse(&String::from_utf8(imported).unwrap()).unwrap();
    assert!(!register.entries.is_empty(), "the entries imported");
    assert!(!dir.join("-").exists(), "no file named `-`");
}

#[cfg(unix)]
#[test]
fn a_pipe_or_device_given_as_output_is_refused_even_with_force() {
    use std::os::unix::fs::FileTypeExt as _;
    let dir = Dir::new();
    dir.bundled("r.ron");
    let made = Command::new("mkfifo")
        .arg(dir.join("out"))
        .status()
        .unwrap();
    assert!(made.success(), "mkfifo");
    for command in ["export-csv", "export-pdf"] {
        let output = dir.fails(&[command, "r.ron", "-o", "out", "--force"]);
        assert!(
            output.stderr.contains("not a regular file"),
            "{}",
            output.stderr
        );
    }
    let output = dir.fails(&["generate", "3", "-o", "out", "--force"]);
    assert!(output.stderr.contains("-o -"), "{}", output.stderr);
    assert!(
        fs::symlink_metadata(dir.join("out"))
            .unwrap()
            .file_type()
            .is_fifo(),
        "the pipe is still a pipe"
    );
    let output = dir.fails(&["export-csv", "r.ron", "-o", "/dev/null", "--force"]);
    assert!(
        output.stderr.contains("not a regular file"),
        "{}",
        output.stderr
    );
}

#[cfg(unix)]
#[test]
fn dev_stdout_into_a_pipe_says_to_use_dash() {
    let dir = Dir::new();
    dir.bundled("r.ron");
    let output = Command::new(env!("CARGO_BIN_EXE_dpia-register"))
        .args(["export-csv", "r.ron", "-o", "/dev/stdout", "--force"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("use `-o -`"), "{stderr}");
}
