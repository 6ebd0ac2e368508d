//! The action log through the binary: `action` adds actions and updates (journaled), `actions`
//! lists and filters them as a table or CSV, and bad input is refused naming it with the file
//! untouched.

use std::fs;

use dpia_core::register::{ActionStatus, Deadline};
use dpia_files::register_file;

use super::util::{Dir, assert_text};

/// The small fixture with two actions added through the binary: 1 (complete, with an update)
/// and 2 (ongoing, due July 2019).
fn with_two_actions(dir: &Dir) {
    dir.fixture("small.ron");
    let first = dir.ok(&[
        "action",
        "small.ron",
        "--add",
        "--text",
        "HO to share a blank copy of the dashboard",
        "--theme",
        "Data Quality",
        "--owner",
        "HO Data Team",
        "--deadline",
        "Dec'18",
        "--entry",
        "PND-001",
        "--author",
        "Facilitator",
    ]);
    assert_eq!(first.stdout, "1\n", "the new number alone");
    let second = dir.ok(&[
        "action",
        "small.ron",
        "--add",
        "--text",
        "Involve to schedule the yearly scope review",
        "--theme",
        "Open Space Process",
        "--owner",
        "Involve",
        "--deadline",
        "July 19",
        "--status",
        "ongoing",
        "--author",
        "Facilitator",
    ]);
    assert_eq!(second.stdout, "2\n", "the next number");
    dir.ok(&[
        "action",
        "small.ron",
        "--number",
        "1",
        "--update",
        "Shared as Artefact 3",
        "--date",
        "2019-02-01",
        "--status",
        "complete",
        "--author",
        "Facilitator",
    ]);
}

#[test]
fn actions_are_added_updated_and_listed_as_csv() {
    let dir = Dir::new();
    with_two_actions(&dir);
    let register = register_file::load(&dir.join("small.ron")).unwrap();
    let first = register.action(1).unwrap();
    assert_eq!(first.status, ActionStatus::Complete);
    assert_eq!(
        first.deadline,
        Some(Deadline::Month {
            year: 2018,
            month: 12
        })
    );
    dir.ok(&["check", "small.ron"]);
    let csv = dir.ok(&["actions", "small.ron", "--format", "csv"]);
    assert_text(
        &csv.stdout,
        "\
number,theme,action,deadline,status,owner,from,last_update_date,last_update,entries
1,Data Quality,HO to share a blank copy of the dashboard,2018-12,complete,HO Data Team,,2019-02-01,Shared as Artefact 3,PND-001
2,Open Space Process,Involve to schedule the yearly scope review,2019-07,ongoing,Involve,,,,
",
    );
}

#[test]
fn actions_filter_by_status_owner_theme_and_overdue() {
    let dir = Dir::new();
    with_two_actions(&dir);
    let numbers = |args: &[&str]| -> String {
        let mut all = vec!["actions", "small.ron", "--format", "csv"];
        all.extend_from_slice(args);
        dir.ok(&all)
            .stdout
            .lines()
            .skip(1)
            .filter_map(|line| line.split(',').next())
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(numbers(&["--status", "Complete"]), "1");
    assert_eq!(numbers(&["--owner", "involve"]), "2");
    assert_eq!(numbers(&["--theme", "data quality"]), "1");
    assert_eq!(
        numbers(&["--overdue", "--as-of", "2019-07-31"]),
        "",
        "due by the month's end"
    );
    assert_eq!(
        numbers(&["--overdue", "--as-of", "2019-08-01"]),
        "2",
        "complete is never overdue"
    );
    let table = dir.ok(&["actions", "small.ron", "--overdue", "--as-of", "2019-08-01"]);
    assert_text(
        &table.stdout,
        "\
#  theme               action                                       deadline  status   owner    last update
2  Open Space Process  Involve to schedule the yearly scope review  2019-07   ongoing  Involve
",
    );
}

#[test]
fn action_changes_are_journaled_in_the_audit_trail_and_shown_by_diff() {
    let dir = Dir::new();
    dir.fixture("small.ron");
    fs::copy(dir.join("small.ron"), dir.join("before.ron")).unwrap();
    with_two_actions(&dir);
    let diff = dir.ok(&["diff", "before.ron", "small.ron"]);
    for expected in [
        "action 1 added",
        "HO to share a blank copy of the dashboard",
        "action 2 added",
    ] {
        assert!(
            diff.stdout.contains(expected),
            "{expected}: {}",
            diff.stdout
        );
    }
    let log = dir.ok(&["log", "small.ron"]);
    let lines: Vec<&str> = log
        .stdout
        .lines()
        .map(|line| {
            line.split_once("  Facilitator  ")
                .map_or(line, |(_, rest)| rest)
        })
        .collect();
    assert_eq!(
        lines,
        [
            "register action 1 added: \"\" → \"HO to share a blank copy of the dashboard\"",
            "register action 2 added: \"\" → \"Involve to schedule the yearly scope review\"",
            "register action 1 status: \"not started\" → \"complete\"",
            "register action 1 update: \"\" → \"2019-02-01 Shared as Artefact 3\"",
        ],
        "{}",
        log.stdout
    );
}

#[test]
fn bad_input_is_refused_naming_it_and_the_file_is_untouched() {
    let dir = Dir::new();
    with_two_actions(&dir);
    let before = fs::read(dir.join("small.ron")).unwrap();
    for (args, expected) in [
        (
            &["--add", "--text", "X", "--deadline", "Monthly"][..],
            "small.ron: --deadline `Monthly`: `Monthly` is not a day (2019-10-31) or a month (2019-10, Oct'19, July 19)",
        ),
        (
            &["--add", "--text", "X", "--entry", "PND-999"],
            "small.ron: --entry `PND-999`: there is no such entry",
        ),
        (
            &["--add", "--text", "X", "--from", "Someday"],
            "small.ron: --from `Someday`: is neither a workshop the register records nor a day (2019-07-11) or a month (Jul'19)",
        ),
        (
            &["--number", "9", "--status", "closed"],
            "small.ron: mark action 9 closed: there is no action 9",
        ),
        (
            &["--number", "1", "--status", "done"],
            "small.ron: --status `done`: use not started, ongoing, proposed complete, complete or closed",
        ),
        (
            &["--number", "1", "--update", "Late", "--date", "31/07/2019"],
            "small.ron: --date `31/07/2019`: is not a day as YYYY-MM-DD",
        ),
        (
            &["--number", "1"],
            "small.ron: nothing to change: give --update TEXT or --status STATUS",
        ),
    ] {
        let mut all = vec!["action", "small.ron"];
        all.extend_from_slice(args);
        let out = dir.fails(&all);
        assert_eq!(
            out.stderr.trim_end(),
            format!("dpia-register: {expected}"),
            "{args:?}"
        );
        assert_eq!(
            fs::read(dir.join("small.ron")).unwrap(),
            before,
            "{args:?}: untouched"
        );
    }
    let out = dir.fails(&["actions", "small.ron", "--overdue", "--as-of", "July"]);
    assert_eq!(
        out.stderr.trim_end(),
        "dpia-register: small.ron: --as-of `July`: is not a day as YYYY-MM-DD"
    );
}

#[test]
fn an_action_log_in_the_seeds_shape_imports_with_its_updates_and_month_deadlines() {
    let dir = Dir::new();
    dir.fixture("small.ron");
    dir.fixture("action-log.csv");
    let out = dir.ok(&[
        "import-actions",
        "action-log.csv",
        "--into",
        "small.ron",
        "--author",
        "Facilitator",
    ]);
    assert_eq!(
        out.stdout, "action-log.csv: 7 actions imported into small.ron (the log now holds 7)\n",
        "{out:?}"
    );
    dir.ok(&["check", "small.ron"]);
    let csv = dir.ok(&["actions", "small.ron", "--format", "csv"]);
    assert_text(
        &csv.stdout,
        "\
number,theme,action,deadline,status,owner,from,last_update_date,last_update,entries
16,Data Sharing,\"HO committed to providing provocation paper on data sharing in LEDS, including the types of data shared and sharing with 3rd parties.\",2019-10,ongoing,HO Policy,2018-07,2019-07-11,First draft has been completed and a final version will be circulated ahead of the July Open Space.,
17,Data Sharing,Further conversations needed on data sharing and data input to LEDS from external sources.,2019-09,ongoing,,2018-10,,Pick up Action 40,
20,Data Quality,Review missing commitment re. inputting data.,2019-07,ongoing,HO Data; Involve,2018-10,,The Data Quality Dashboard is live in 23 forces.,
22,Data Quality,HO to share blank copy of dashboard.,2018-12,complete,,2018-10,,Complete. Artefact 3,
35,Data Quality,HO to provide summary of all industry consultation.,2019-08,ongoing,,,,Information is being compiled by the commercial team,
40,Data Quality,HO need to check how they can share data types but will review and follow up.,2019-09,proposed complete,,2018-07,,Proposed closed and pick up in Action 17,
125,Data Quality,HO to explore role of the Open Space in the data sharing process.,2019-06,closed,,2019-05,,Closed - This will be added to Actions 116 117 118,
",
    );
    let register = register_file::load(&dir.join("small.ron")).unwrap();
    let first = register.action(16).unwrap();
    assert_eq!(first.updates.len(), 4, "{:?}", first.updates);
    assert_eq!(first.source, "Action 16, action-log.csv");
    assert_eq!(register.action(22).unwrap().artefacts, ["Artefact 3"]);
    let log = dir.ok(&["log", "small.ron"]);
    assert_eq!(log.stdout.matches(" added: ").count(), 7, "{}", log.stdout);

    // The same numbers again: every row refused, nothing written.
    let before = fs::read(dir.join("small.ron")).unwrap();
    let out = dir.fails(&["import-actions", "action-log.csv", "--into", "small.ron"]);
    assert!(
        out.stderr
            .starts_with("dpia-register: action-log.csv:4: action 16 is already in the register\n"),
        "{}",
        out.stderr
    );
    assert_eq!(
        fs::read(dir.join("small.ron")).unwrap(),
        before,
        "untouched"
    );
}

#[test]
fn an_import_with_a_bad_row_writes_nothing_and_names_the_row() {
    let dir = Dir::new();
    dir.fixture("small.ron");
    dir.create(
        "log.csv",
        "#,Actions,Deadline,Status,When from?,Owner?\n\
         1,Share the slides,Oct '18,Complete,Jul'18,\n\
         2,Send a matrix,Monthly,Ongoing,Dec'18,\n\
         3,Meet again,Feb'19,Ongoing,Someday,\n",
    );
    let before = fs::read(dir.join("small.ron")).unwrap();
    let out = dir.fails(&["import-actions", "log.csv", "--into", "small.ron"]);
    assert_eq!(
        out.stderr,
        "dpia-register: log.csv:3: deadline: `Monthly` is not a day (2019-10-31) or a month (2019-10, Oct'19, July 19)\n\
         log.csv:4: when from: `Someday` is not a recorded workshop, a day or a month\n"
    );
    assert_eq!(
        fs::read(dir.join("small.ron")).unwrap(),
        before,
        "untouched"
    );
    let out = dir.fails(&["import-actions", "log.ods", "--into", "small.ron"]);
    assert!(
        out.stderr
            .contains("read from CSV (.csv) or an Excel workbook (.xlsx)"),
        "{}",
        out.stderr
    );
}

#[test]
fn an_action_log_workbook_saved_by_libreoffice_imports_every_sheet_of_the_log() {
    // action-log.xlsx: tests/fixtures/action-log.fods (sheets Ongoing, Proposed complete,
    // Completed and a Notes sheet that is not the log; multi-paragraph status cells; a deadline
    // typed as a date) converted by `soffice --headless --convert-to xlsx`.
    let dir = Dir::new();
    dir.fixture("small.ron");
    dir.fixture("action-log.xlsx");
    let out = dir.ok(&[
        "import-actions",
        "action-log.xlsx",
        "--into",
        "small.ron",
        "--author",
        "Facilitator",
    ]);
    assert_eq!(
        out.stdout,
        "action-log.xlsx: 4 actions imported into small.ron (the log now holds 4)\n"
    );
    dir.ok(&["check", "small.ron"]);
    let csv = dir.ok(&["actions", "small.ron", "--format", "csv"]);
    assert_text(
        &csv.stdout,
        "\
number,theme,action,deadline,status,owner,from,last_update_date,last_update,entries
16,Data Sharing,HO committed to providing provocation paper on data sharing in LEDS.,2019-10,ongoing,HO Policy; Involve,2018-07,2019-07-11,First draft has been completed.,
20,Data Quality,Review missing commitment re. inputting data.,2019-10-31,ongoing,HO Data,2018-10,,The Data Quality Dashboard is live in 23 forces.,
22,Governance,HO to share blank copy of dashboard.,2018-12,complete,,2018-10,,Complete. Artefact 3,
40,,HO need to check how they can share data types.,2019-09,proposed complete,,2018-07,,Proposed closed and pick up in Action 17,
",
    );
    let register = register_file::load(&dir.join("small.ron")).unwrap();
    assert_eq!(register.action(16).unwrap().updates.len(), 3);
    assert_eq!(
        register.action(16).unwrap().source,
        "Action 16, action-log.xlsx"
    );
}

#[test]
fn a_bad_row_in_a_workbook_is_named_by_its_cell_and_nothing_is_written() {
    let dir = Dir::new();
    dir.fixture("small.ron");
    dir.fixture("action-log-bad.xlsx");
    let before = fs::read(dir.join("small.ron")).unwrap();
    let out = dir.fails(&[
        "import-actions",
        "action-log-bad.xlsx",
        "--into",
        "small.ron",
    ]);
    assert_eq!(
        out.stderr,
        "dpia-register: action-log-bad.xlsx:Ongoing!C3: deadline: `Monthly` is not a day (2019-10-31) or a month (2019-10, Oct'19, July 19)\n\
         action-log-bad.xlsx:Ongoing!E4: when from: `Someday` is not a recorded workshop, a day or a month\n"
    );
    assert_eq!(
        fs::read(dir.join("small.ron")).unwrap(),
        before,
        "untouched"
    );

    // A workbook that is not an action log at all.
    dir.fixture("small-libreoffice.xlsx");
    let out = dir.fails(&[
        "import-actions",
        "small-libreoffice.xlsx",
        "--into",
        "small.ron",
    ]);
    assert!(
        out.stderr
            .contains("no sheet has the action log's header row"),
        "{}",
        out.stderr
    );
    assert_eq!(
        fs::read(dir.join("small.ron")).unwrap(),
        before,
        "untouched"
    );
}
