//! Spreadsheets through the binary: the workbook round trip on the bundled register, workbooks
//! saved by LibreOffice Calc (committed fixtures, so these tests need no LibreOffice), and
//! `--into` updates from them.

use std::fs;

use super::util::Dir;

#[test]
fn export_xlsx_then_import_xlsx_has_no_differences() {
    let dir = Dir::new();
    dir.bundled("r.ron");
    let out = dir.ok(&["export-xlsx", "r.ron", "-o", "r.xlsx"]);
    assert!(
        out.stdout.contains("29 entries exported, marked OFFICIAL"),
        "{out:?}"
    );
    dir.ok(&["import-xlsx", "r.xlsx", "-o", "back.ron"]);
    let diff = dir.ok(&["diff", "r.ron", "back.ron"]);
    assert!(diff.stdout.contains("No differences."), "{}", diff.stdout);
    let out = dir.ok(&["import-xlsx", "r.xlsx", "--into", "r.ron", "--dry-run"]);
    assert!(out.stdout.contains("No differences."), "{}", out.stdout);
}

#[test]
fn a_workbook_saved_by_libreoffice_imports_as_the_register_it_came_from() {
    // small-libreoffice.xlsx: `export-xlsx tests/fixtures/small.ron`, opened and saved by
    // LibreOffice 7.4 (`soffice --headless --convert-to xlsx`).
    let dir = Dir::new();
    dir.fixture("small.ron");
    dir.fixture("small-libreoffice.xlsx");
    dir.ok(&["import-xlsx", "small-libreoffice.xlsx", "-o", "back.ron"]);
    let diff = dir.ok(&["diff", "small.ron", "back.ron"]);
    assert!(diff.stdout.contains("No differences."), "{}", diff.stdout);
}

#[test]
fn import_xlsx_into_applies_changed_cells_and_dry_run_writes_nothing() {
    // small-edited-libreoffice.xlsx: small.ron with PND-001's concern and privacy scores changed,
    // exported and saved by LibreOffice; the register it updates is the unchanged small.ron.
    let dir = Dir::new();
    dir.fixture("small.ron");
    dir.fixture("small-edited-libreoffice.xlsx");
    let before = fs::read(dir.join("small.ron")).unwrap();
    let out = dir.ok(&[
        "import-xlsx",
        "small-edited-libreoffice.xlsx",
        "--into",
        "small.ron",
        "--dry-run",
    ]);
    assert!(
        out.stdout.starts_with("0 added, 0 removed, 1 changed\n"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("concern"), "{}", out.stdout);
    assert!(out.stdout.contains("privacy"), "{}", out.stdout);
    assert_eq!(
        fs::read(dir.join("small.ron")).unwrap(),
        before,
        "--dry-run writes nothing"
    );
    dir.ok(&[
        "import-xlsx",
        "small-edited-libreoffice.xlsx",
        "--into",
        "small.ron",
        "--author",
        "Calc user",
    ]);
    let out = dir.ok(&[
        "import-xlsx",
        "small-edited-libreoffice.xlsx",
        "--into",
        "small.ron",
        "--dry-run",
    ]);
    assert!(out.stdout.contains("No differences."), "{}", out.stdout);
    let log = dir.ok(&["log", "small.ron"]);
    assert!(
        log.stdout.contains("Calc user"),
        "journaled: {}",
        log.stdout
    );
}

#[test]
fn a_bad_cell_is_reported_at_its_sheet_and_cell() {
    let dir = Dir::new();
    let out = dir.fails(&["import-xlsx", "missing.xlsx", "-o", "out.ron"]);
    assert!(out.stderr.contains("missing.xlsx: cannot read"), "{out:?}");
    dir.create("not.xlsx", "id,system\n");
    let out = dir.fails(&["import-xlsx", "not.xlsx", "-o", "out.ron"]);
    assert!(
        out.stderr.contains("not.xlsx: not an .xlsx workbook"),
        "{out:?}"
    );
    assert!(!dir.join("out.ron").exists(), "nothing is written");
}
