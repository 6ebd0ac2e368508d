//! Workshop mode driven headless as a facilitator would: start a session, vote with the number
//! keys, set tiers, move an entry with a reason, end the session; then look at the register, the
//! snapshot file and the register file (never at pixels).
//!
//! Every test opens a copy of `tests/fixtures/small.ron` (PNC-002, PND-001, PND-002 in priority
//! order) in its own folder, with the date fixed at 11 July 2019 and the in-app path field.

use std::path::{Path, PathBuf};

use dpia_core::register::{Attendance, ManualMove, Participant, Tier};
use dpia_core::snapshot::Label;
use dpia_files::{register_file, snapshot_file};
use dpia_register::gui::{DpiaApp, View};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};

use super::gui_util::{click, harness, id, open_small, options, press, replace_text, type_into};
use super::util::{Dir, fixture};

fn snapshot_path(register_path: &Path, label: &str) -> PathBuf {
    snapshot_file::path(register_path, &Label::parse(label).unwrap())
}

/// Opens the start dialog and starts a session with Liberty (named) and Org K (a pseudonym).
fn start_named_session(harness: &mut Harness<'_, DpiaApp>) {
    click(harness, "Workshop");
    assert_eq!(harness.state().view(), View::Workshop, "the workshop view");
    click(harness, "Start workshop…");
    assert!(
        harness.query_by_label("Start a workshop").is_some(),
        "the start dialog opens"
    );
    replace_text(harness, "Title", "Open Space 6");
    type_into(harness, "Participant 1", "Liberty");
    type_into(harness, "Participant 2", "Org K");
    harness
        .get_all_by_label("Pseudonym")
        .nth(1)
        .unwrap()
        .click();
    harness.run();
    click(harness, "Start session");
    assert!(
        harness.state().workshop_session().is_some(),
        "the session starts: {:?}",
        harness.state().errors()
    );
}

#[test]
#[expect(
    clippy::too_many_lines,
    reason = "one session from start to end reads best as one story"
)]
fn a_small_session_end_to_end() {
    let mut app = open_small();
    let h = &mut app.harness;
    start_named_session(h);
    assert!(
        h.query_by_label("Open Space 6").is_some(),
        "the presenter shows the session's title"
    );
    assert!(h.query_by_label("Start a workshop").is_none());

    // Rank 1, PNC-002, is current: Liberty (1) puts two dots on it, then one on PND-001.
    press(h, Modifiers::NONE, Key::Num1);
    press(h, Modifiers::NONE, Key::Num1);
    press(h, Modifiers::NONE, Key::ArrowDown);
    press(h, Modifiers::NONE, Key::Num1);
    let session = h.state().workshop_session().unwrap();
    assert_eq!(session.votes_for(&id("PNC-002")), 2);
    assert_eq!(session.votes_for(&id("PND-001")), 1);
    assert_eq!(session.votes_left(0), 0);
    assert!(h.query_by_label("0 left").is_some(), "votes left are shown");

    // A fourth vote is refused, and the room is told why.
    press(h, Modifiers::NONE, Key::Num1);
    assert_eq!(
        h.state()
            .workshop_session()
            .unwrap()
            .votes_for(&id("PND-001")),
        1,
        "the over-spend is not counted"
    );
    assert!(
        h.query_by_label_contains("Liberty has no votes left (each participant has 3)")
            .is_some(),
        "the refusal is visible"
    );

    // Org K (2) votes for PND-001, takes it back with Shift+2, and votes again.
    press(h, Modifiers::NONE, Key::Num2);
    press(h, Modifiers::SHIFT, Key::Num2);
    assert_eq!(
        h.state().workshop_session().unwrap().votes_left(1),
        3,
        "Shift+2 took the vote back"
    );
    press(h, Modifiers::NONE, Key::Num2);

    // PND-001 is a Must for the next draft: it goes to the top.
    press(h, Modifiers::NONE, Key::M);
    let session = h.state().workshop_session().unwrap();
    assert_eq!(session.tier(&id("PND-001")), Some(Tier::Must));
    let order: Vec<String> = session
        .live_order(h.state().register())
        .iter()
        .map(|live| live.entry.to_string())
        .collect();
    assert_eq!(order, ["PND-001", "PNC-002", "PND-002"]);

    // PND-002, last, is moved up by hand: the reason is required, then recorded.
    press(h, Modifiers::NONE, Key::ArrowDown);
    press(h, Modifiers::NONE, Key::ArrowDown);
    press(h, Modifiers::COMMAND, Key::ArrowUp);
    assert!(
        h.query_by_label("Move PND-002 up, from rank 3 to 2")
            .is_some(),
        "the reason is asked for"
    );
    press(h, Modifiers::NONE, Key::Enter);
    assert!(
        h.query_by_label_contains("a manual move needs a reason")
            .is_some(),
        "an empty reason is refused"
    );
    assert!(h.state().workshop_session().unwrap().moves().is_empty());
    type_into(
        h,
        "Why? The reason is recorded with the workshop.",
        "Affects children directly",
    );
    press(h, Modifiers::NONE, Key::Enter);
    assert_eq!(
        h.state().workshop_session().unwrap().moves(),
        [ManualMove {
            entry: id("PND-002"),
            from_rank: 3,
            to_rank: 2,
            reason: "Affects children directly".to_owned()
        }]
    );

    // End the session: the record, the must-have flag and the votes reach the register.
    click(h, "End session…");
    assert!(h.query_by_label("End the workshop?").is_some());
    click(h, "End and record");
    let state = h.state();
    assert!(state.errors().is_empty(), "{:?}", state.errors());
    assert!(state.workshop_session().is_none(), "the session is over");
    let register = state.register();
    assert_eq!(register.workshops.len(), 1);
    let record = &register.workshops[0];
    assert_eq!(record.title, "Open Space 6");
    assert_eq!(record.date, jiff::civil::date(2019, 7, 11));
    assert_eq!(
        record.attendance,
        Attendance::Listed(vec![
            Participant {
                name: "Liberty".to_owned(),
                is_pseudonym: false
            },
            Participant {
                name: "Org K".to_owned(),
                is_pseudonym: true
            },
        ])
    );
    assert_eq!(record.votes_for(&id("PNC-002")), 2);
    assert_eq!(record.votes_for(&id("PND-001")), 2);
    assert_eq!(record.tier_of(&id("PND-001")), Some(Tier::Must));
    assert_eq!(record.moves.len(), 1);
    assert_eq!(
        record.final_order,
        [id("PND-001"), id("PND-002"), id("PNC-002")]
    );
    assert_eq!(record.snapshot_label, "workshop-2019-07-11");
    assert!(register.entry(&id("PND-001")).unwrap().must_have);

    // The snapshot holds the register as the workshop left it.
    let snapshot = snapshot_file::load(&snapshot_path(&app.path, "workshop-2019-07-11")).unwrap();
    assert_eq!(snapshot.register().workshops, register.workshops);

    // The register was saved, and the record reads back from the file.
    assert!(!state.is_dirty(), "ending saves the register");
    let reloaded = register_file::load(&app.path).unwrap();
    assert_eq!(&reloaded, register);
    let reopened = harness(DpiaApp::open(&app.path, options()));
    assert_eq!(reopened.state().register().workshops, register.workshops);

    // The review shows the past session; pseudonyms are marked as such.
    assert_eq!(app.harness.state().view(), View::Workshop);
    assert!(
        app.harness
            .query_by_label("2: Liberty, Org K (pseudonym)")
            .is_some(),
        "the review lists the participants"
    );
    assert!(
        app.harness
            .query_by_label_contains("Affects children directly")
            .is_some(),
        "and the moves with their reasons"
    );

    // One Ctrl+Z takes the whole outcome back.
    press(&mut app.harness, Modifiers::COMMAND, Key::Z);
    assert!(app.harness.state().register().workshops.is_empty());
    assert!(
        !app.harness
            .state()
            .register()
            .entry(&id("PND-001"))
            .unwrap()
            .must_have
    );
}

#[test]
fn an_anonymous_session_records_only_counts() {
    let mut app = open_small();
    let h = &mut app.harness;
    click(h, "Workshop");
    click(h, "Start workshop…");
    click(h, "Anonymous: only counts recorded");
    click(h, "Start session");
    let session = h.state().workshop_session().unwrap();
    assert!(session.is_anonymous());
    assert_eq!(session.participants().len(), 6, "six by default");
    // Six participants' cards wrap: everything stays inside the 1400-point window.
    for button in ["End session…", "Discard session…", "Back to the app"] {
        let bounds = h
            .get_by_label(button)
            .accesskit_node()
            .bounding_box()
            .unwrap();
        assert!(
            bounds.x0 >= 0.0 && bounds.x1 <= 1400.0 && bounds.y1 <= 900.0,
            "{button} at {bounds:?}"
        );
    }
    press(h, Modifiers::NONE, Key::Num6);
    click(h, "End session…");
    click(h, "End and record");
    let record = &h.state().register().workshops[0];
    assert_eq!(record.attendance, Attendance::Anonymous { count: 6 });
    assert!(record.ballots.is_empty(), "no record of who voted how");
    assert_eq!(record.votes_for(&id("PNC-002")), 1);
}

#[test]
fn a_second_workshop_that_day_gets_its_own_snapshot() {
    let mut app = open_small();
    for _ in 0..2 {
        start_named_session(&mut app.harness);
        press(&mut app.harness, Modifiers::NONE, Key::Num1);
        click(&mut app.harness, "End session…");
        click(&mut app.harness, "End and record");
    }
    let register = app.harness.state().register();
    let labels: Vec<&str> = register
        .workshops
        .iter()
        .map(|workshop| workshop.snapshot_label.as_str())
        .collect();
    assert_eq!(labels, ["workshop-2019-07-11", "workshop-2019-07-11-2"]);
    for label in labels {
        assert!(snapshot_path(&app.path, label).is_file(), "{label}");
    }
}

#[test]
fn a_register_never_saved_is_saved_before_the_session_ends() {
    let dir = Dir::new();
    let register = register_file::load(&fixture("small.ron")).unwrap();
    let mut h = harness(DpiaApp::with_register(register, None, options()));
    start_named_session(&mut h);
    press(&mut h, Modifiers::NONE, Key::Num1);
    click(&mut h, "End session…");
    click(&mut h, "End and record");
    assert!(
        h.state().workshop_session().is_some(),
        "nothing is lost while there is no file"
    );
    assert!(h.state().register().workshops.is_empty());
    assert!(
        h.query_by_label_contains("Save the register to a file first")
            .is_some()
    );
    let path = dir.join("new.ron");
    let field = h.get_by_label("Path");
    field.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label("Path")
        .type_text(&path.display().to_string());
    h.run();
    click(&mut h, "Save");
    assert_eq!(h.state().path(), Some(path.as_path()));
    click(&mut h, "End session…");
    click(&mut h, "End and record");
    assert_eq!(h.state().register().workshops.len(), 1);
    assert!(snapshot_file::path(&path, &Label::parse("workshop-2019-07-11").unwrap()).is_file());
}

#[test]
fn keys_move_through_the_ranked_list_and_the_list_switches_to_one_entry() {
    let mut app = open_small();
    let h = &mut app.harness;
    start_named_session(h);
    press(h, Modifiers::NONE, Key::L);
    assert!(
        h.query_by_label("Rank 1 of 3").is_some(),
        "one entry at a time"
    );
    assert!(
        h.query_by_label("Retention of records of the unconvicted")
            .is_some()
    );
    press(h, Modifiers::NONE, Key::ArrowRight);
    assert!(h.query_by_label("Rank 2 of 3").is_some());
    press(h, Modifiers::NONE, Key::S);
    press(h, Modifiers::NONE, Key::L);
    assert!(
        h.query_by_label("Rank 2 of 3").is_none(),
        "back to the list"
    );
    let session = h.state().workshop_session().unwrap();
    assert_eq!(session.tier(&id("PND-001")), Some(Tier::Should));
    // Ctrl+Down on the last entry is refused before any reason is asked for.
    press(h, Modifiers::NONE, Key::ArrowDown);
    press(h, Modifiers::NONE, Key::ArrowDown);
    press(h, Modifiers::COMMAND, Key::ArrowDown);
    assert!(
        h.query_by_label_contains("cannot move further").is_some(),
        "at the bottom already"
    );
    // Leaving the presenter keeps the session running.
    click(h, "Back to the app");
    assert_eq!(h.state().view(), View::Register);
    assert!(h.state().workshop_session().is_some());
    click(h, "Workshop");
    assert!(
        h.query_by_label("End session…").is_some(),
        "the presenter again"
    );
}

#[test]
fn discarding_a_session_records_nothing() {
    let mut app = open_small();
    let h = &mut app.harness;
    start_named_session(h);
    press(h, Modifiers::NONE, Key::Num1);
    click(h, "Discard session…");
    click(h, "Discard session");
    assert!(h.state().workshop_session().is_none());
    assert!(h.state().register().workshops.is_empty());
    assert!(!h.state().is_dirty());
    assert!(!snapshot_file::folder(&app.path).exists());
}

#[test]
fn an_action_recorded_in_the_presenter_lands_in_the_log_with_the_workshop_as_its_origin() {
    let mut app = open_small();
    let h = &mut app.harness;
    start_named_session(h);
    press(h, Modifiers::NONE, Key::A);
    assert!(
        h.query_by_label("Record an action on PNC-002").is_some(),
        "the question names the entry on screen"
    );
    type_into(
        h,
        "Action",
        "Share the retention review's terms of reference",
    );
    type_into(h, "Owner", "HO Policy");
    type_into(h, "Deadline", "Monthly");
    click(h, "Record action");
    assert!(
        h.query_by_label_contains("Deadline: `Monthly` is not a day")
            .is_some(),
        "a bad deadline is refused in words"
    );
    replace_text(h, "Deadline", "Sep '19");
    click(h, "Record action");
    assert!(
        h.state().register().actions.is_empty(),
        "nothing in the log until the session ends"
    );
    click(h, "End session…");
    click(h, "End and record");
    let register = register_file::load(&app.path).unwrap();
    let action = register
        .actions
        .first()
        .expect("the action is in the saved log");
    assert_eq!(action.number, 1);
    assert_eq!(
        action.text,
        "Share the retention review's terms of reference"
    );
    assert_eq!(action.owners, ["HO Policy"]);
    assert_eq!(
        action.deadline.map(|d| d.to_string()).as_deref(),
        Some("2019-09")
    );
    assert_eq!(action.entries, [id("PNC-002")], "the entry on screen");
    assert_eq!(
        action.from,
        Some(dpia_core::register::Origin::Workshop {
            title: "Open Space 6".to_owned(),
            date: jiff::civil::date(2019, 7, 11),
        })
    );
}

#[test]
fn the_start_dialogs_problem_goes_once_put_right() {
    let mut app = open_small();
    let h = &mut app.harness;
    click(h, "Workshop");
    click(h, "Start workshop…");
    replace_text(h, "Title", "Open Space 7");
    click(h, "Start session");
    assert!(h.state().workshop_session().is_none());
    assert!(
        h.query_by_label_contains("at least one participant")
            .is_some(),
        "no participant named yet"
    );
    type_into(h, "Participant 1", "Liberty");
    h.run();
    assert!(
        h.query_by_label_contains("at least one participant")
            .is_none(),
        "gone once a participant is added"
    );
}

#[test]
fn the_presenter_names_rights_in_its_reason_lines() {
    let mut app = open_small();
    start_named_session(&mut app.harness);
    assert!(
        app.harness
            .query_all_by_label_contains("residual 4 (Private and family life)")
            .next()
            .is_some(),
        "the ranked list's reason names the right"
    );
    assert!(
        app.harness
            .query_all_by_label_contains("(privacy)")
            .next()
            .is_none()
    );
}
