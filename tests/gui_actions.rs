//! The Actions view driven as a user would: add an update with Enter, complete an action with the
//! typed text as its reason, undo, and jump from an action to the entry it concerns; and the action
//! log added to a paper from File › Export PDF….

use dpia_core::register::ActionStatus;
use dpia_register::gui::{DpiaApp, Settings, View};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use std::process::Command;
use std::time::Duration;

use super::gui_util::{click, harness, id, options, press, replace_text, type_into};
use super::util::Dir;

/// The app open on a copy of the bundled register (which carries part of the Open Space's log),
/// with the author's name set, in the Actions view.
fn open_actions(dir: &Dir) -> egui_kittest::Harness<'static, DpiaApp> {
    let path = dir.bundled("register.ron");
    let mut app_options = options();
    app_options.settings = Settings {
        author_name: "Facilitator Ffion".to_owned(),
        ..Settings::default()
    };
    let mut harness = harness(DpiaApp::open(&path, app_options));
    click(&mut harness, "Actions");
    assert_eq!(harness.state().view(), View::Actions, "the Actions view");
    harness
}

#[test]
fn an_update_is_added_with_enter_dated_today_by_the_author_and_undone() {
    let dir = Dir::new();
    let mut harness = open_actions(&dir);
    let before = harness.state().register().action(16).unwrap().updates.len();
    type_into(&mut harness, "Update on 16", "Final version circulated");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let action = harness.state().register().action(16).unwrap();
    assert_eq!(action.updates.len(), before + 1, "one update added");
    let update = action.last_update().unwrap();
    assert_eq!(update.text, "Final version circulated");
    assert_eq!(update.date, Some(jiff::civil::date(2019, 7, 11)), "today");
    assert_eq!(update.who, "Facilitator Ffion", "the author in settings");
    assert!(harness.state().is_dirty(), "unsaved");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        harness.state().register().action(16).unwrap().updates.len(),
        before,
        "undone"
    );
}

#[test]
fn completing_an_action_takes_the_typed_text_as_its_reason() {
    let dir = Dir::new();
    let mut harness = open_actions(&dir);
    type_into(
        &mut harness,
        "Update on 45",
        "Shown at the September demonstration",
    );
    click(&mut harness, "Complete 45");
    let action = harness.state().register().action(45).unwrap();
    assert_eq!(action.status, ActionStatus::Complete);
    assert_eq!(
        action.last_update().map(|u| u.text.as_str()),
        Some("Shown at the September demonstration"),
        "the reason is the latest update"
    );
    assert!(
        harness.query_by_label("Complete 45").is_some(),
        "still listed, now under Completed"
    );
}

#[test]
fn an_actions_entry_opens_in_the_register() {
    let dir = Dir::new();
    let mut harness = open_actions(&dir);
    click(&mut harness, "HOB-003");
    assert_eq!(harness.state().view(), View::Register);
    assert_eq!(harness.state().selection(), Some(&id("HOB-003")));
}

#[test]
fn the_export_dialog_adds_the_action_log_to_the_paper() {
    let dir = Dir::new();
    let mut harness = open_actions(&dir);
    let paper = dir.join("with-actions.pdf");
    click(&mut harness, "File");
    click(&mut harness, "Export PDF…");
    replace_text(&mut harness, "Save to", &paper.display().to_string());
    click(&mut harness, "Add the action log");
    harness.get_by_label("Export").click();
    harness.step();
    for _ in 0..1500 {
        if !harness.state().is_exporting() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    harness.run();
    assert_eq!(harness.state().export_error(), None);
    let text = Command::new("pdftotext")
        .args([paper.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext runs (apt-get install poppler-utils)");
    let text = String::from_utf8(text.stdout).unwrap();
    for expected in [
        "Action log",
        "Ongoing actions",
        "Proposed complete actions",
        "Completed actions",
    ] {
        assert!(
            text.contains(expected),
            "`{expected}` missing from the paper"
        );
    }
}
