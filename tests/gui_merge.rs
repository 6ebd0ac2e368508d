//! The app when its file changed on disk: Merge beside Reload and Save as, what came in shown
//! before saving, and the Resolve conflicts view, driven like a user (kittest).

use std::fs;

use dpia_core::register::Register;
use dpia_files::{register_file, trail_file};
use dpia_register::gui::{DpiaApp, View};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use super::gui_util::{App, click, harness, id, open_small, options, press, type_into};
use super::util::{Dir, fixture};

/// Changes the register's file on disk behind the app's back, as a `git pull` would.
fn change_on_disk(app: &App, change: impl FnOnce(&mut Register)) {
    let mut on_disk = register_file::load(&app.path).unwrap();
    change(&mut on_disk);
    register_file::save(&on_disk, &app.path).unwrap();
}

/// Edits PND-002's issue in the app (appending " mine"), changes the file on disk with `change`,
/// then saves and answers Merge.
fn edit_then_merge(change: impl FnOnce(&mut Register)) -> App {
    let mut app = open_small();
    click(&mut app.harness, "PND-002");
    type_into(&mut app.harness, "Issue", " mine");
    change_on_disk(&app, change);
    press(&mut app.harness, Modifiers::COMMAND, Key::S);
    assert!(
        app.harness
            .query_by_label("The file changed on disk")
            .is_some(),
        "asks first"
    );
    click(&mut app.harness, "Merge");
    app
}

#[test]
fn a_clean_merge_with_the_file_on_disk_shows_what_came_in_then_saves_both() {
    let mut app = edit_then_merge(|on_disk| {
        on_disk.entry_mut(&id("PND-001")).unwrap().concern = "Changed by a git pull".to_owned();
    });
    assert!(
        app.harness
            .query_by_label("Merged with the changes on disk")
            .is_some(),
        "what came in is shown before saving"
    );
    assert!(
        app.harness
            .query_all_by_label_contains("Changed by a git pull")
            .next()
            .is_some(),
        "the change log of what came in names the change"
    );
    let state = app.harness.state();
    assert!(state.is_dirty(), "nothing saved yet");
    assert_eq!(
        state.register().entry(&id("PND-001")).unwrap().concern,
        "Changed by a git pull"
    );
    click(&mut app.harness, "Save");
    let state = app.harness.state();
    assert!(state.errors().is_empty(), "{:?}", state.errors());
    assert!(!state.is_dirty());
    let saved = register_file::load(&app.path).unwrap();
    assert_eq!(
        saved.entry(&id("PND-001")).unwrap().concern,
        "Changed by a git pull",
        "theirs kept"
    );
    assert!(
        saved
            .entry(&id("PND-002"))
            .unwrap()
            .issue
            .ends_with(" mine"),
        "yours kept"
    );
    assert!(dpia_core::check::check(&saved).is_empty());
    // The save's trail block records the user's own change, not the one that came in.
    let trail = trail_file::load(&app.path).unwrap();
    let block = trail.blocks.last().expect("a block for the save");
    let changed: Vec<String> = block
        .changes
        .iter()
        .map(|change| format!("{:?} {}", change.entry, change.what))
        .collect();
    assert_eq!(changed, ["Some(EntryId(\"PND-002\")) issue"], "{block:?}");

    // Undo takes the merge back as one step.
    press(&mut app.harness, Modifiers::COMMAND, Key::Z);
    assert_ne!(
        app.harness
            .state()
            .register()
            .entry(&id("PND-001"))
            .unwrap()
            .concern,
        "Changed by a git pull"
    );
}

#[test]
fn a_merge_that_conflicts_opens_the_resolve_view_each_choice_undoable() {
    let mut app = edit_then_merge(|on_disk| {
        on_disk.entry_mut(&id("PND-002")).unwrap().issue = "Theirs".to_owned();
    });
    let state = app.harness.state();
    assert_eq!(state.view(), View::Conflicts);
    assert_eq!(state.register().conflicts.len(), 1);
    assert!(
        app.harness
            .query_all_by_label("Resolve conflicts")
            .next()
            .is_some()
    );

    click(&mut app.harness, "Take theirs for PND-002 issue");
    let state = app.harness.state();
    assert_eq!(
        state.register().entry(&id("PND-002")).unwrap().issue,
        "Theirs"
    );
    assert!(state.register().conflicts.is_empty());
    assert!(
        app.harness
            .query_by_label_contains("No conflicts remain")
            .is_some()
    );

    press(&mut app.harness, Modifiers::COMMAND, Key::Z);
    let state = app.harness.state();
    assert_eq!(state.register().conflicts.len(), 1, "undo brings it back");
    assert!(
        state
            .register()
            .entry(&id("PND-002"))
            .unwrap()
            .issue
            .ends_with(" mine")
    );

    click(&mut app.harness, "Keep yours for PND-002 issue");
    press(&mut app.harness, Modifiers::COMMAND, Key::S);
    let state = app.harness.state();
    assert!(state.question().is_none(), "{:?}", state.question());
    assert!(!state.is_dirty());
    let saved = register_file::load(&app.path).unwrap();
    assert!(saved.conflicts.is_empty(), "saving clears the resolved one");
    assert!(
        saved
            .entry(&id("PND-002"))
            .unwrap()
            .issue
            .ends_with(" mine")
    );
    assert!(dpia_core::check::check(&saved).is_empty());
}

#[test]
fn a_register_with_conflicts_opens_on_the_resolve_view() {
    let dir = Dir::new();
    let base = register_file::load(&fixture("small.ron")).unwrap();
    let mut ours = base.clone();
    ours.entry_mut(&id("PND-001")).unwrap().concern = "Ours".to_owned();
    let mut theirs = base.clone();
    theirs.entry_mut(&id("PND-001")).unwrap().concern = "Theirs".to_owned();
    let merged = dpia_core::merge::merge(&base, &ours, &theirs);
    let path = dir.join("merged.ron");
    register_file::save(&merged.register, &path).unwrap();

    let mut harness = harness(DpiaApp::open(&path, options()));
    assert_eq!(harness.state().view(), View::Conflicts);
    assert!(
        harness
            .query_by_label_contains("1 merge conflict")
            .is_some()
    );
    assert_eq!(
        harness.query_all_by_label("Theirs").count(),
        2,
        "the column's heading and their value"
    );
    click(&mut harness, "Edit PND-001");
    let state = harness.state();
    assert_eq!(state.view(), View::Register);
    assert_eq!(state.selection(), Some(&id("PND-001")));
    assert!(
        harness.query_by_label("Conflicts").is_some(),
        "still offered in the switcher while a conflict remains"
    );
    fs::remove_file(&path).unwrap();
}
