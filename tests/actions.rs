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
fn action_changes_are_journaled_in_the_audit_trail() {
    let dir = Dir::new();
    with_two_actions(&dir);
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
