//! `import-docx` through the binary, on a Word register written by LibreOffice (not by our own
//! writer): `tests/fixtures/word-register-libreoffice.docx`, converted from the hand-written
//! `word-register.html` beside it (see tests/fixtures/README.md), so these tests need no LibreOffice.
//!
//! The fixture: seven tables under headings, in this order: PND (a multi-paragraph cell, a line
//! break), PNC (an extra Owner column, an Issue cell merged over two rows), "LEDS and HOB" (a
//! System column, columns in another order), a table with rows across it naming PND and LEDS
//! (merged over three columns), a document history table (not a register table), a Welsh table
//! (Mater | Pryder | Lliniaru) under "System HOB", and a table under "ANPR", a system known only
//! when `--system ANPR` is given.

use std::fs;

use dpia_files::register_file;

use super::util::Dir;

const FIXTURE: &str = "word-register-libreoffice.docx";

fn entry<'r>(
    register: &'r dpia_core::register::Register,
    issue: &str,
) -> Vec<&'r dpia_core::register::Entry> {
    register
        .entries
        .iter()
        .filter(|entry| entry.issue == issue)
        .collect()
}

#[test]
fn every_register_table_is_read_and_summed_up_by_system() {
    let dir = Dir::new();
    dir.fixture(FIXTURE);
    let out = dir.ok(&["import-docx", FIXTURE, "-o", "r.ron", "--system", "ANPR"]);
    assert!(
        out.stdout.contains(
            "\n6 tables, 16 rows → 16 entries: PND 4, PNC 3, LEDS 4, HOB 3, ANPR 2\nr.ron: written, marked OFFICIAL\n"
        ),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .starts_with("word-register-libreoffice.docx: table 2: column `Owner` is not read\n"),
        "the extra column is reported: {}",
        out.stdout
    );
    let checked = dir.ok(&["check", "r.ron"]);
    assert!(checked.stdout.contains("ok, 16 entries"), "{checked:?}");
    let register = register_file::load(&dir.join("r.ron")).unwrap();
    let ids: Vec<&str> = register.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        &ids[..4],
        ["PND-001", "PND-002", "PND-003", "PNC-001"],
        "{ids:?}"
    );
    assert_eq!(register.systems[0].name, "Police National Database");
    assert_eq!(
        register.entries[0].source.document, FIXTURE,
        "each entry says where it came from"
    );
}

#[test]
fn systems_come_from_headings_system_columns_and_rows_across_the_table() {
    let dir = Dir::new();
    dir.fixture(FIXTURE);
    dir.ok(&["import-docx", FIXTURE, "-o", "r.ron", "--system", "ANPR"]);
    let register = register_file::load(&dir.join("r.ron")).unwrap();
    let system_of = |issue: &str| entry(&register, issue)[0].system.to_string();
    // Under the heading "Police National Database (PND)" › "Concerns raised".
    assert_eq!(system_of("Facial search"), "PND");
    // Under the heading "PNC".
    assert_eq!(system_of("Court results"), "PNC");
    // Under "LEDS and HOB", which names two: each row's System cell decides.
    assert_eq!(system_of("Retention variance"), "LEDS");
    assert_eq!(system_of("Matching accuracy"), "HOB");
    // Rows across the table naming PND, then LEDS.
    assert_eq!(system_of("Intelligence grading"), "PND");
    assert_eq!(system_of("Wrong attention"), "LEDS");
    // The Welsh table under "System HOB (yn Gymraeg)".
    assert_eq!(system_of("Gŵyr a’r ardal"), "HOB");
    assert_eq!(system_of("Camera coverage"), "ANPR");
    assert!(
        entry(&register, "Version").is_empty() && entry(&register, "0.1").is_empty(),
        "the document history table is not a register table"
    );
}

#[test]
fn merged_cells_and_multi_paragraph_cells_are_read_whole() {
    let dir = Dir::new();
    dir.fixture(FIXTURE);
    dir.ok(&["import-docx", FIXTURE, "-o", "r.ron", "--system", "ANPR"]);
    let register = register_file::load(&dir.join("r.ron")).unwrap();
    // The Issue cell merged over two rows (vMerge) gives both rows their issue.
    let merged = entry(&register, "Proportionality of holding certain records");
    let concerns: Vec<&str> = merged.iter().map(|e| e.concern.as_str()).collect();
    assert_eq!(
        concerns,
        [
            "Arrest data (not charged or convicted) is kept.",
            "Very minor historical convictions are kept."
        ]
    );
    // Two paragraphs in one cell, and a line break inside one, are joined with line breaks.
    let quality = entry(&register, "Data quality")[0];
    assert_eq!(
        quality.concern,
        "Data held on local force systems that feed into PND varies in quality.\nInconsistency in local force data quality impacts on PND data quality."
    );
    assert_eq!(quality.mitigations.len(), 1, "one cell, one mitigation");
    assert_eq!(
        quality.mitigations[0].text,
        "Compliance with MoPI guidance.\nA Data Standards project works with PND users."
    );
    assert_eq!(
        entry(&register, "Access logging")[0].concern,
        "Searches are logged but logs are rarely reviewed.\nAudit is manual."
    );
    assert!(
        entry(&register, "Access logging")[0].mitigations.is_empty(),
        "an empty Mitigation cell is no mitigation"
    );
}

#[test]
fn an_unusable_row_is_named_by_table_and_row_and_nothing_is_written() {
    let dir = Dir::new();
    dir.fixture(FIXTURE);
    // Without --system ANPR the last table's rows have no system.
    let out = dir.fails(&["import-docx", FIXTURE, "-o", "r.ron"]);
    assert!(
        out.stderr.contains(
            "word-register-libreoffice.docx: table 7 row 2: no system: no System column, no row above naming one, and no heading above the table names a known system (PND, PNC, LEDS, HOB; give --system NAME for another)\n\
             word-register-libreoffice.docx: table 7 row 3: no system:"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("nothing written: 2 rows could not be used"),
        "{}",
        out.stderr
    );
    assert!(!dir.join("r.ron").exists(), "nothing is written");
}

#[test]
fn skip_bad_rows_imports_the_others_and_lists_what_it_skipped() {
    let dir = Dir::new();
    dir.fixture(FIXTURE);
    let out = dir.ok(&["import-docx", FIXTURE, "-o", "r.ron", "--skip-bad-rows"]);
    assert!(
        out.stdout
            .contains("word-register-libreoffice.docx: table 7 row 3: no system:"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("6 tables, 16 rows → 14 entries (2 skipped): PND 4, PNC 3, LEDS 4, HOB 3\n"),
        "{}",
        out.stdout
    );
    let register = register_file::load(&dir.join("r.ron")).unwrap();
    assert_eq!(register.entries.len(), 14);
}

#[test]
fn an_existing_output_is_kept_unless_force_and_other_files_are_refused() {
    let dir = Dir::new();
    dir.fixture(FIXTURE);
    dir.create("r.ron", "mine");
    let out = dir.fails(&["import-docx", FIXTURE, "-o", "r.ron", "--system", "ANPR"]);
    assert!(out.stderr.contains("r.ron: already exists"), "{out:?}");
    assert_eq!(fs::read_to_string(dir.join("r.ron")).unwrap(), "mine");
    dir.ok(&[
        "import-docx",
        FIXTURE,
        "-o",
        "r.ron",
        "--system",
        "ANPR",
        "--force",
    ]);
    dir.create("table.csv", "Issue,Concern,Mitigation\n");
    let out = dir.fails(&["import-docx", "table.csv", "-o", "t.ron"]);
    assert!(
        out.stderr
            .contains("table.csv: not a Word document (.docx):"),
        "{out:?}"
    );
    dir.fixture("small-libreoffice.xlsx");
    let out = dir.fails(&["import-docx", "small-libreoffice.xlsx", "-o", "t.ron"]);
    assert!(
        out.stderr.contains("it has no word/document.xml"),
        "{out:?}"
    );
}

#[test]
fn the_welsh_headers_read_are_the_words_the_welsh_paper_prints() {
    let welsh = dpia_report::labels::labels(dpia_core::register::Language::Welsh);
    let english = dpia_report::labels::labels(dpia_core::register::Language::English);
    for (column, words) in dpia_files::word_tables::HEADER_WORDS {
        let printed = match column {
            dpia_files::word_tables::Column::Issue => [welsh.issue, english.issue],
            dpia_files::word_tables::Column::Concern => [welsh.concern, english.concern],
            dpia_files::word_tables::Column::Mitigation => [welsh.mitigation, english.mitigation],
            dpia_files::word_tables::Column::System => [welsh.system, english.system],
        };
        for label in printed {
            let word = label.to_lowercase().replace(' ', "");
            assert!(
                words.contains(&word.as_str()),
                "{column:?}: the paper prints `{label}`, which import-docx must read"
            );
        }
    }
}
