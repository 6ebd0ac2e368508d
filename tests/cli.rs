//! The `dpia-register` binary, run for real in a throw-away folder.

use std::fs;

use super::util::{Dir, assert_text, bundled_register, fixture, without_warnings};

#[test]
fn check_passes_the_bundled_register() {
    let dir = Dir::new();
    let path = bundled_register();
    let out = dir.ok(&["check", path.to_str().unwrap()]);
    assert!(out.stdout.contains(": ok, "), "{out:?}");
}

#[test]
fn check_reports_each_problem_and_exits_1() {
    let dir = Dir::new();
    let path = fixture("problems.ron");
    let out = dir.problems(&["check", path.to_str().unwrap()]);
    let shown = path.display().to_string();
    assert_text(
        &out.stdout,
        &format!(
            "{shown}: entry PND-001: right `flying` is not in the rights catalogue\n\
             {shown}: entry PND-002: system `XYZ` is not in the register's systems\n"
        ),
    );
}

#[test]
fn check_reports_a_malformed_file_with_its_position() {
    let dir = Dir::new();
    let path = fixture("malformed.ron");
    let out = dir.problems(&["check", path.to_str().unwrap()]);
    assert!(
        out.stdout.starts_with(&format!("{}:9:", path.display())),
        "{out:?}"
    );
}

#[test]
fn rank_prints_csv_with_reasons() {
    let dir = Dir::new();
    let path = fixture("small.ron");
    let out = dir.ok(&["rank", path.to_str().unwrap(), "--format", "csv"]);
    assert_text(
        &out.stdout,
        "rank,id,system,issue,residual,inherent,breadth,reason,tie,highest_right\n\
         1,PNC-002,PNC,Retention of records of the unconvicted,4,12,0,must-have; residual 4 (Private and family life); inherent 12 (Private and family life),,privacy\n\
         2,PND-001,PND,Colocation of PND and PNC data,9,16,2,residual 9 (Private and family life); inherent 16 (Private and family life); 2 rights high or above; 2 votes,,privacy\n\
         3,PND-002,PND,Unscored entry,,,0,not scored yet,,\n",
    );
}

#[test]
fn rank_table_aligns_columns() {
    let dir = Dir::new();
    let path = fixture("small.ron");
    let out = dir.ok(&["rank", path.to_str().unwrap()]);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{}", out.stdout);
    let reason_column = lines[0].find("reason").unwrap();
    assert_eq!(
        lines[1].find("must-have"),
        Some(reason_column),
        "{}",
        out.stdout
    );
}

#[test]
fn csv_export_then_import_keeps_every_entry() {
    let dir = Dir::new();
    let register = bundled_register();
    dir.ok(&["export-csv", register.to_str().unwrap(), "-o", "out.csv"]);
    dir.ok(&["import-csv", "out.csv", "-o", "back.ron", "--title", "Back"]);
    dir.ok(&["export-csv", "back.ron", "-o", "again.csv"]);
    assert_text(
        &fs::read_to_string(dir.join("again.csv")).unwrap(),
        &fs::read_to_string(dir.join("out.csv")).unwrap(),
    );
}

#[test]
fn import_csv_into_updates_by_id_and_dry_run_writes_nothing() {
    let dir = Dir::new();
    fs::copy(bundled_register(), dir.join("r.ron")).unwrap();
    dir.ok(&["export-csv", "r.ron", "-o", "r.csv"]);
    let out = dir.ok(&["import-csv", "r.csv", "--into", "r.ron", "--dry-run"]);
    assert!(out.stdout.contains("No differences."), "{out:?}");

    let text = fs::read_to_string(dir.join("r.csv")).unwrap();
    let mut lines: Vec<String> = text.split("\r\n").map(str::to_owned).collect();
    let header: Vec<&str> = lines[0].split(',').collect();
    let first_id = lines[1].split(',').next().unwrap().to_owned();
    // A new row (blank id) and one row dropped from the sheet.
    lines.insert(
        2,
        format!(",PND,,A new issue{}", ",".repeat(header.len() - 4)),
    );
    let dropped = lines.remove(3);
    let dropped_id = dropped.split(',').next().unwrap().to_owned();
    let edited = lines.join("\r\n");
    fs::write(dir.join("edited.csv"), edited).unwrap();
    let before = fs::read(dir.join("r.ron")).unwrap();
    let out = dir.ok(&["import-csv", "edited.csv", "--into", "r.ron", "--dry-run"]);
    assert!(
        out.stdout.starts_with("1 added, 0 removed, 0 changed\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(&format!(
            "Not in edited.csv: {dropped_id} (kept; give --remove-missing to remove them)"
        )),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("--dry-run: r.ron is unchanged"),
        "{}",
        out.stdout
    );
    assert_eq!(
        fs::read(dir.join("r.ron")).unwrap(),
        before,
        "--dry-run writes nothing"
    );

    let out = dir.ok(&[
        "import-csv",
        "edited.csv",
        "--into",
        "r.ron",
        "--remove-missing",
        "--author",
        "Tester",
    ]);
    assert!(
        out.stdout.starts_with("1 added, 1 removed, 0 changed\n"),
        "{}",
        out.stdout
    );
    let log = dir.ok(&["log", "r.ron"]);
    assert!(log.stdout.contains("Tester"), "journaled: {}", log.stdout);
    let out = dir.ok(&["export-csv", "r.ron", "-o", "after.csv"]);
    let after = fs::read_to_string(dir.join("after.csv")).unwrap();
    assert!(after.contains("A new issue"), "{out:?}");
    assert!(!after.contains(&format!("\r\n{dropped_id},")), "removed");
    assert!(after.contains(&format!("\r\n{first_id},")), "kept");
}

#[test]
fn import_of_bad_rows_reports_all_and_writes_nothing() {
    let dir = Dir::new();
    fs::write(
        dir.join("bad.csv"),
        "system,issue,impacts\nPND,ok,privacy=2x2\nPND,bad,privacy=9x9\nPND,,\n",
    )
    .unwrap();
    let out = dir.fails(&["import-csv", "bad.csv", "-o", "out.ron"]);
    assert_text(
        &out.stderr,
        "dpia-register: bad.csv:3: impacts: `privacy=9x9`: severity and likelihood are each 1 to 4\n\
         bad.csv:4: the issue is empty\n",
    );
    assert!(!dir.join("out.ron").exists(), "nothing is written");
}

#[test]
fn outputs_are_not_replaced_without_force() {
    let dir = Dir::new();
    dir.create("out.csv", "precious");
    let register = bundled_register();
    let out = dir.fails(&["export-csv", register.to_str().unwrap(), "-o", "out.csv"]);
    assert!(out.stderr.contains("pass --force"), "{out:?}");
    assert_eq!(fs::read_to_string(dir.join("out.csv")).unwrap(), "precious");
    dir.ok(&[
        "export-csv",
        register.to_str().unwrap(),
        "-o",
        "out.csv",
        "--force",
    ]);
}

#[test]
fn missing_file_is_an_error_on_stderr() {
    let dir = Dir::new();
    let out = dir.fails(&["rank", "nope.ron"]);
    assert!(
        out.stderr
            .starts_with("dpia-register: nope.ron: cannot read:"),
        "{out:?}"
    );
    assert!(out.stdout.is_empty(), "{out:?}");
}

#[test]
fn generate_writes_a_register_that_checks() {
    let dir = Dir::new();
    dir.ok(&["generate", "200", "-o", "big.ron"]);
    let out = dir.ok(&["check", "big.ron"]);
    assert_text(&without_warnings(&out.stdout), "big.ron: ok, 200 entries\n");
}

#[test]
fn format_rewrites_a_hand_edited_register_in_canonical_form() {
    let dir = Dir::new();
    let path = dir.join("small.ron");
    fs::copy(fixture("small.ron"), &path).unwrap();
    let out = dir.run(&["format", "small.ron"]);
    assert_text(&out.stdout, "small.ron: rewritten\n");
    let out = dir.run(&["format", "small.ron"]);
    assert_text(&out.stdout, "small.ron: already in canonical form\n");
    dir.ok(&["check", "small.ron"]);
}

/// A folder holding `small.ron` and its snapshot `small.snapshots/v1.0.ron`.
fn register_with_a_snapshot() -> Dir {
    let dir = Dir::new();
    dir.fixture("small.ron");
    dir.ok(&["snapshot", "small.ron", "--label", "v1.0"]);
    dir
}

#[test]
fn reading_commands_read_a_snapshots_register() {
    let dir = register_with_a_snapshot();
    let snapshot = "small.snapshots/v1.0.ron";
    let from_register = dir.run(&["rank", "small.ron", "--format", "csv"]);
    let from_snapshot = dir.ok(&["rank", snapshot, "--format", "csv"]);
    assert_text(&from_snapshot.stdout, &from_register.stdout);
    let out = dir.ok(&["export-csv", snapshot, "-o", "v1.0.csv"]);
    assert_text(&out.stdout, "v1.0.csv: 3 entries exported\n");
}

#[test]
fn a_snapshot_is_never_rewritten_and_says_so() {
    let dir = register_with_a_snapshot();
    let snapshot = dir.join("small.snapshots").join("v1.0.ron");
    let before = fs::read(&snapshot).unwrap();
    for args in [
        vec!["format", "small.snapshots/v1.0.ron"],
        vec!["snapshot", "small.snapshots/v1.0.ron", "--label", "v2.0"],
    ] {
        let out = dir.fails(&args);
        assert!(
            out.stderr.starts_with(
                "dpia-register: small.snapshots/v1.0.ron: this is snapshot v1.0 of a register, a frozen copy that is never rewritten"
            ),
            "{out:?}"
        );
        assert!(!out.stderr.contains("RegisterV1"), "{out:?}");
    }
    assert_eq!(
        fs::read(&snapshot).unwrap(),
        before,
        "the snapshot is unchanged"
    );
}

#[test]
fn files_that_are_no_register_are_named_in_plain_words() {
    let dir = Dir::new();
    dir.create("empty.ron", "");
    dir.create("zero.ron", "(format_version: 0)");
    dir.create("none.ron", "(title: \"x\")");
    dir.create("paper.pdf", "%PDF-1.7 not really");
    let cases = [
        (["check", "empty.ron"], "empty.ron:1:1: the file is empty\n"),
        (
            ["check", "zero.ron"],
            "zero.ron: format_version 0 is not a version dpia-register ever wrote\n",
        ),
        (
            ["check", "none.ron"],
            "none.ron:1:1: missing field `format_version`: is this a dpia-register file?\n",
        ),
    ];
    for (args, expected) in cases {
        let out = dir.problems(&args);
        assert_text(&out.stdout, expected);
    }
    let out = dir.run(&["rank", "empty.ron"]);
    assert_text(
        &out.stderr,
        "dpia-register: empty.ron:1:1: the file is empty\n",
    );
    let out = dir.fails(&["format", "paper.pdf"]);
    assert_text(
        &out.stderr,
        "dpia-register: paper.pdf: is a PDF paper; papers can't be reformatted (`format` rewrites register files)\n",
    );
}

#[test]
fn an_output_that_is_the_input_is_refused_even_with_force() {
    let dir = Dir::new();
    fs::copy(fixture("small.ron"), dir.join("same.ron")).unwrap();
    dir.create("in.csv", "system,issue\nPND,x\n");
    let register_before = fs::read(dir.join("same.ron")).unwrap();
    let cases: [&[&str]; 4] = [
        &["export-pdf", "same.ron", "-o", "same.ron", "--force"],
        &["export-csv", "same.ron", "-o", "./same.ron", "--force"],
        &["import-csv", "in.csv", "-o", "in.csv", "--force"],
        &["export-pdf", "same.ron", "-o", "x/same.ron", "--force"],
    ];
    // `x/same.ron` is a symlink to the input.
    let x = dir.join("x");
    fs::create_dir(&x).unwrap();
    std::os::unix::fs::symlink(dir.join("same.ron"), x.join("same.ron")).unwrap();
    for args in cases {
        let out = dir.fails(args);
        assert!(
            out.stderr
                .contains("is the input file; choose another output file"),
            "{args:?}: {out:?}"
        );
    }
    assert_eq!(fs::read(dir.join("same.ron")).unwrap(), register_before);
    assert_eq!(
        fs::read_to_string(dir.join("in.csv")).unwrap(),
        "system,issue\nPND,x\n"
    );
}

#[test]
fn rank_table_marks_ties_and_csv_keeps_numbers() {
    let dir = Dir::new();
    let text = fs::read_to_string(fixture("small.ron")).unwrap().replace(
        "            issue: \"Unscored entry\",\n        ),",
        "            issue: \"Unscored entry\",\n        ),\n        (id: \"PND-003\", system: \"PND\", issue: \"Another unscored entry\"),",
    );
    dir.create("tied.ron", text);
    let out = dir.ok(&["rank", "tied.ron"]);
    let ranks: Vec<&str> = out
        .stdout
        .lines()
        .skip(1)
        .map(|line| line.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(
        ranks,
        ["1", "2", "3=", "3="],
        "both tied at 3: {}",
        out.stdout
    );
    let out = dir.run(&["rank", "tied.ron", "--format", "csv"]);
    let ranks: Vec<&str> = out
        .stdout
        .lines()
        .skip(1)
        .map(|line| line.split(',').next().unwrap())
        .collect();
    assert_eq!(ranks, ["1", "2", "3", "4"], "{}", out.stdout);
    // Found by its header: `highest_right` comes after it, so columns keep their places.
    let mut reader = csv::Reader::from_reader(out.stdout.as_bytes());
    let tie = reader
        .headers()
        .unwrap()
        .iter()
        .position(|name| name == "tie")
        .unwrap();
    assert_eq!(tie, 8, "{}", out.stdout);
    let ties: Vec<String> = reader
        .records()
        .map(|record| record.unwrap()[tie].to_owned())
        .collect();
    assert_eq!(ties, ["", "", "3", "3"], "the tie column: {}", out.stdout);
}

#[test]
fn a_reader_that_stops_early_ends_the_command_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let dir = Dir::new();
    dir.ok(&["generate", "3000", "-o", "big.ron"]);
    for format in ["table", "csv"] {
        // Far more than a pipe holds, so the command is still writing when the reader goes.
        let mut child = Command::new(env!("CARGO_BIN_EXE_dpia-register"))
            .args(["rank", "big.ron", "--format", format])
            .current_dir(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(first.trim_start().starts_with("rank"), "{first}");
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{format}: {stderr}");
        assert!(stderr.is_empty(), "{format}: {stderr}");
    }
}

#[test]
fn a_mistyped_command_is_an_error_not_an_empty_app() {
    let dir = Dir::new();
    dir.fails(&["rnak", "x.ron"]);
    let out = dir.fails(&["rnak"]);
    assert_text(
        &out.stderr,
        "dpia-register: rnak: no such file, and not a command (see dpia-register --help)\n",
    );
}
