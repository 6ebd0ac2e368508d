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

/// Peak resident memory of a run of `dpia-register args` in `dir`, in KB, with what it printed
/// (standard output, then standard error; nothing when measured through `/proc`).
///
/// Measured by the kernel, never by a timer: GNU time's `Maximum resident set size` (the child's
/// rusage) where `/usr/bin/time` is installed, else the child's `VmHWM` (its high-water mark),
/// read from `/proc/PID/status` until it exits.
#[cfg(target_os = "linux")]
fn peak_memory_kb(dir: &Dir, args: &[&str]) -> (u64, String) {
    let binary = env!("CARGO_BIN_EXE_dpia-register");
    let gnu_time = std::path::Path::new("/usr/bin/time");
    if gnu_time.exists() {
        let output = Command::new(gnu_time)
            .arg("-v")
            .arg(binary)
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        let report = format!("{}{stderr}", String::from_utf8_lossy(&output.stdout));
        let peak = stderr
            .lines()
            .find_map(|line| {
                line.trim()
                    .strip_prefix("Maximum resident set size (kbytes): ")
            })
            .and_then(|kb| kb.trim().parse().ok())
            .unwrap_or_else(|| panic!("no peak memory in GNU time's report:\n{stderr}"));
        return (peak, report);
    }
    let mut child = Command::new(binary)
        .args(args)
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let status = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    // A child that has exited but is not yet waited for still has its status file, without VmHWM.
    while child.try_wait().unwrap().is_none() {
        if let Some(kb) = fs::read_to_string(&status).ok().and_then(|text| {
            text.lines()
                .find_map(|line| line.strip_prefix("VmHWM:"))
                .and_then(|kb| kb.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        }) {
            peak = peak.max(kb);
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    (peak, String::new())
}

/// The most memory `check` may take on a hostile file: well above what it needs, well below the
/// file's size or what it unpacks to.
const MAX_PEAK_KB: u64 = 100 * 1024;

/// A zlib stream that unpacks to `length` zero bytes (at most 160 times its size: fixed Huffman
/// codes, one 258-byte copy per 13 bits), made without holding what it unpacks to.
fn zlib_of_zeros(length: usize) -> Vec<u8> {
    struct Bits {
        bytes: Vec<u8>,
        used: u32,
    }
    impl Bits {
        /// `count` bits of `value`, least significant first (deflate's order for header bits).
        fn lsb_first(&mut self, value: u32, count: u32) {
            for bit in 0..count {
                if self.used == 0 {
                    self.bytes.push(0);
                }
                let last = self.bytes.len() - 1;
                self.bytes[last] |= u8::from((value >> bit) & 1 == 1) << self.used;
                self.used = (self.used + 1) % 8;
            }
        }
        /// A Huffman code: its most significant bit first.
        fn code(&mut self, code: u32, count: u32) {
            for bit in (0..count).rev() {
                self.lsb_first((code >> bit) & 1, 1);
            }
        }
    }
    let copies = (length - 1) / 258;
    let length = 1 + copies * 258;
    let mut bits = Bits {
        bytes: vec![0x78, 0x01],
        used: 0,
    };
    bits.lsb_first(1, 1); // the final block
    bits.lsb_first(1, 2); // of fixed Huffman codes
    bits.code(0x30, 8); // literal 0
    for _ in 0..copies {
        bits.code(0xC5, 8); // length 258 (symbol 285)
        bits.code(0, 5); // distance 1
    }
    bits.code(0, 7); // end of block (symbol 256)
    let mut zlib = bits.bytes;
    // Adler-32 of zeros: a stays 1, b adds 1 per byte.
    let b = u32::try_from(length % 65_521).unwrap();
    zlib.extend_from_slice(&((b << 16) | 1).to_be_bytes());
    zlib
}

/// The paper of the bundled register, its carried register replaced by `content` (still marked
/// as packed with `FlateDecode`), at `name` in `dir`.
fn paper_carrying(dir: &Dir, name: &str, content: Vec<u8>) -> std::path::PathBuf {
    paper_changed(dir, name, |stream| {
        stream.dict.set("Filter", "FlateDecode");
        stream.set_content(content);
    })
}

/// The paper of the bundled register with its carried register's stream changed by `change`.
fn paper_changed(
    dir: &Dir,
    name: &str,
    change: impl FnOnce(&mut lopdf::Stream),
) -> std::path::PathBuf {
    dir.bundled("source.ron");
    dir.ok(&["export-pdf", "source.ron", "-o", "source.pdf", "--force"]);
    let mut pdf = lopdf::Document::load(dir.join("source.pdf")).unwrap();
    let stream = pdf
        .objects
        .values_mut()
        .filter_map(|object| object.as_stream_mut().ok())
        .find(|stream| {
            stream
                .dict
                .get(b"Type")
                .is_ok_and(|kind| kind.as_name().is_ok_and(|kind| kind == b"EmbeddedFile"))
        })
        .expect("the paper carries its register");
    change(stream);
    let path = dir.join(name);
    pdf.save(&path).unwrap();
    path
}

#[cfg(target_os = "linux")]
#[test]
fn a_decompression_bomb_in_a_paper_stops_at_the_stream_limit() {
    let dir = Dir::new();
    // About 1 MB that unpacks to 160 MB.
    let bomb = zlib_of_zeros(160 * 1024 * 1024);
    paper_carrying(&dir, "bomb.pdf", bomb);
    let (peak_kb, report) = peak_memory_kb(&dir, &["check", "bomb.pdf"]);
    eprintln!("check bomb.pdf: peak {peak_kb} KB");
    assert!(
        report.contains("64 MB"),
        "the error names the limit:\n{report}"
    );
    assert!(peak_kb < MAX_PEAK_KB, "check took {peak_kb} KB:\n{report}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_2_gb_file_is_refused_before_it_is_read() {
    let dir = Dir::new();
    let file = fs::File::create(dir.join("big.ron")).unwrap();
    // Sparse: it takes no disk space.
    file.set_len(2 * 1024 * 1024 * 1024).unwrap();
    drop(file);
    for command in ["check", "rank"] {
        let (peak_kb, report) = peak_memory_kb(&dir, &[command, "big.ron"]);
        eprintln!("{command} big.ron (2 GB, sparse): peak {peak_kb} KB");
        assert!(report.contains("larger than 256 MB"), "{report}");
        assert!(
            peak_kb < MAX_PEAK_KB,
            "{command} took {peak_kb} KB:\n{report}"
        );
    }
    fs::rename(dir.join("big.ron"), dir.join("big.csv")).unwrap();
    let (peak_kb, report) = peak_memory_kb(&dir, &["import-csv", "big.csv", "-o", "r.ron"]);
    assert!(report.contains("larger than 256 MB"), "{report}");
    assert!(
        peak_kb < MAX_PEAK_KB,
        "import-csv took {peak_kb} KB:\n{report}"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_device_that_never_ends_is_read_only_up_to_the_limit() {
    let dir = Dir::new();
    let out = dir.fails(&["import-csv", "/dev/zero", "-o", "r.ron"]);
    assert!(out.stderr.contains("larger than 256 MB"), "{}", out.stderr);
    let out = dir.problems(&["check", "/dev/zero"]);
    assert!(out.stdout.contains("larger than 256 MB"), "{}", out.stdout);
}

#[test]
fn a_damaged_stream_in_a_paper_is_reported_as_damaged() {
    let dir = Dir::new();
    paper_carrying(&dir, "damaged.pdf", b"this is not zlib at all".to_vec());
    let out = dir.problems(&["check", "damaged.pdf"]);
    assert!(out.stdout.contains("damaged"), "{}", out.stdout);
    assert!(!out.stdout.contains("empty"), "{}", out.stdout);
}

#[test]
fn text_that_is_not_utf8_is_located_by_line_and_column() {
    let dir = Dir::new();
    let register = fs::read(super::util::bundled_register()).unwrap();
    let mut bad = register.clone();
    // The first character inside quotes, replaced by a Latin-1 byte.
    let quote = bad.iter().position(|b| *b == b'"').unwrap();
    bad[quote + 1] = 0xE9;
    let line = 1 + String::from_utf8_lossy(&bad[..quote]).matches('\n').count();
    let line_start = bad[..quote]
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |idx| idx + 1);
    let column = quote - line_start + 2;
    fs::write(dir.join("r.ron"), &bad).unwrap();
    let out = dir.problems(&["check", "r.ron"]);
    assert!(
        out.stdout
            .starts_with(&format!("r.ron:{line}:{column}: not UTF-8 text")),
        "{}",
        out.stdout
    );
    dir.create("latin1.csv", b"system,issue\nPND,Caf\xE9\n");
    let out = dir.fails(&["import-csv", "latin1.csv", "-o", "r2.ron"]);
    // A CSV names the spreadsheet row, and what wrote such a file and how to re-save it.
    assert!(
        out.stderr.contains("latin1.csv:2: ") && out.stderr.contains("is not UTF-8 text"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_huge_bad_value_is_echoed_only_in_part() {
    let dir = Dir::new();
    let cell = "x".repeat(1_000_000);
    dir.create("wide.csv", format!("system,issue,{cell}\nPND,a,b\n"));
    let out = dir.fails(&["import-csv", "wide.csv", "-o", "r.ron"]);
    assert!(
        out.stderr.contains("more characters"),
        "{}",
        &out.stderr[..200]
    );
    assert!(
        out.stderr.len() < 2_000,
        "{} bytes of error",
        out.stderr.len()
    );

    let register = fs::read_to_string(super::util::bundled_register()).unwrap();
    let bad = register.replacen("title: \"", &format!("title: {cell}\""), 1);
    fs::write(dir.join("r.ron"), bad).unwrap();
    let out = dir.problems(&["check", "r.ron"]);
    assert!(
        out.stdout.len() < 2_000,
        "{} bytes of report",
        out.stdout.len()
    );
}

#[test]
fn an_imported_id_too_large_is_refused() {
    let dir = Dir::new();
    dir.create("ids.csv", "id,system,issue\nPND-4294967295,PND,Overflow\n");
    let out = dir.fails(&["import-csv", "ids.csv", "-o", "r.ron"]);
    assert!(
        out.stderr
            .contains("ids.csv:2: id `PND-4294967295` has a number above 999999999"),
        "{}",
        out.stderr
    );
    assert!(!dir.join("r.ron").exists(), "nothing written");
}

/// An escape sequence that would clear the screen and retitle the window, and a bidi override.
const HOSTILE: &str = "Clear\u{1b}[2J\u{1b}]0;pwned\u{7}\u{202e}txet";

/// Asserts `text` holds no character that acts on a terminal, and shows the hostile one escaped.
#[track_caller]
fn assert_terminal_safe(text: &str) {
    assert!(
        !text
            .chars()
            .any(|c| c == '\u{1b}' || c == '\u{7}' || c == '\u{202e}'),
        "raw control characters in:\n{text:?}"
    );
    assert!(
        text.contains("Clear\\u{1b}[2J"),
        "escaped, not dropped:\n{text}"
    );
}

#[test]
fn terminal_control_characters_are_shown_escaped_in_every_report() {
    let dir = Dir::new();
    dir.bundled("r.ron");
    dir.ok(&[
        "snapshot", "r.ron", "--label", "v1", "--author", "A", "--note", HOSTILE,
    ]);
    let issue = format!("issue={HOSTILE}");
    dir.ok(&[
        "edit", "r.ron", "--entry", "PND-001", "--set", &issue, "--author", HOSTILE,
    ]);

    assert_terminal_safe(&dir.ok(&["rank", "r.ron"]).stdout);
    assert_terminal_safe(&dir.ok(&["snapshots", "r.ron"]).stdout);
    assert_terminal_safe(&dir.ok(&["diff", "r.snapshots/v1.ron", "r.ron"]).stdout);
    assert_terminal_safe(&dir.ok(&["log", "r.ron"]).stdout);
    let hostile_name = format!("{HOSTILE}.ron");
    fs::copy(dir.join("r.ron"), dir.join(&hostile_name)).unwrap();
    let check = dir.run(&["check", &hostile_name]);
    assert_terminal_safe(&check.stdout);
    let missing = format!("missing-{HOSTILE}.ron");
    assert_terminal_safe(&dir.fails(&["rank", &missing]).stderr);

    // CSV and RON stay exact.
    let csv = dir.ok(&["rank", "r.ron", "--format", "csv"]).stdout;
    assert!(csv.contains(HOSTILE), "{csv:?}");
    let csv = stdout_bytes(&dir, &["export-csv", "r.ron", "-o", "-"]);
    assert!(
        String::from_utf8(csv).unwrap().contains(HOSTILE),
        "CSV is exact"
    );
}

#[test]
fn outputs_into_a_snapshots_approvals_or_trail_folder_are_refused() {
    let dir = Dir::new();
    dir.bundled("X.ron");
    dir.ok(&["snapshot", "X.ron", "--label", "v2", "--author", "A"]);
    let snapshot = fs::read(dir.join("X.snapshots/v2.ron")).unwrap();
    for args in [
        &["generate", "3", "-o", "X.snapshots/v2.ron", "--force"][..],
        &["generate", "3", "-o", "X.snapshots/v3.ron"],
        &["generate", "3", "-o", "X.snapshots/../X.snapshots/v4.ron"],
        &["export-csv", "X.ron", "-o", "X.trail/a.csv"],
        &["export-pdf", "X.ron", "-o", "X.approvals/a.pdf"],
    ] {
        let out = dir.fails(args);
        assert!(
            out.stderr.contains("choose another output file"),
            "{}",
            out.stderr
        );
    }
    assert_eq!(
        fs::read(dir.join("X.snapshots/v2.ron")).unwrap(),
        snapshot,
        "untouched"
    );
    assert!(!dir.join("X.snapshots/v3.ron").exists(), "nothing added");
    dir.ok(&["check", "X.ron"]);
}

#[test]
fn a_register_swapped_into_a_paper_is_told_apart() {
    let dir = Dir::new();
    dir.ok(&["generate", "2", "-o", "other.ron"]);
    let other = fs::read_to_string(dir.join("other.ron")).unwrap();
    paper_changed(&dir, "swapped.pdf", |stream| {
        stream.dict.remove(b"Filter");
        stream.set_content(other.into_bytes());
    });
    let out = dir.ok(&["check", "source.pdf"]);
    assert!(
        out.stdout
            .contains("source.pdf: ok, paper, its register matches the digest it records ("),
        "{}",
        out.stdout
    );
    let out = dir.problems(&["check", "swapped.pdf"]);
    assert!(
        out.stdout.contains(
            "swapped.pdf: the register this paper carries is not the one it was printed with"
        ),
        "{}",
        out.stdout
    );
}

#[cfg(unix)]
#[test]
fn check_reads_a_named_pipe_once() {
    let dir = Dir::new();
    dir.bundled("r.ron");
    let made = Command::new("mkfifo")
        .arg(dir.join("fifo"))
        .status()
        .unwrap();
    assert!(made.success(), "mkfifo");
    // One writer, once: a second open of the pipe would wait for ever.
    let mut writer = Command::new("sh")
        .args(["-c", "cat r.ron > fifo"])
        .current_dir(dir.path())
        .spawn()
        .unwrap();
    let mut check = Command::new(env!("CARGO_BIN_EXE_dpia-register"))
        .args(["check", "fifo"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_mins(1);
    while check.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            check.kill().unwrap();
            panic!("check is waiting on the pipe a second time");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    writer.wait().unwrap();
    let output = check.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("fifo: ok"), "{stdout}");
}
