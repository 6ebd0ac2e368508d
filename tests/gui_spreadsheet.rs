//! File › Update from spreadsheet… in the app, driven as a user would through the menu and the
//! in-app path field (the tests' stand-in for the desktop's file chooser): the change log shown,
//! Apply as one undoable step, Cancel changing nothing, and a bad row reported with its file and row.

use std::fs;
use std::path::Path;

use dpia_files::{csv_file, register_file, xlsx_file};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use super::gui_util::{App, click, open_small, press, replace_text};

const OLD: &str = "Users see more than their role needs.";
const NEW: &str = "Users see far more than their role needs.";

/// Chooses File › Update from spreadsheet… and gives `sheet` in the path field.
fn update_from(app: &mut App, sheet: &Path) {
    click(&mut app.harness, "File");
    click(&mut app.harness, "Update from spreadsheet…");
    replace_text(&mut app.harness, "Path", &sheet.display().to_string());
    click(&mut app.harness, "Read");
}

/// The small register's entries as CSV, with PND-001's concern changed.
fn edited_csv(app: &App) -> std::path::PathBuf {
    let register = register_file::load(&app.path).unwrap();
    let text = csv_file::export_text(&register).unwrap();
    assert!(text.contains(OLD), "the fixture's concern");
    let csv = app.path.with_file_name("edited.csv");
    fs::write(&csv, text.replace(OLD, NEW)).unwrap();
    csv
}

#[test]
fn the_change_log_is_shown_and_apply_is_one_undoable_step() {
    let mut app = open_small();
    let before = app.harness.state().register().clone();
    let csv = edited_csv(&app);
    update_from(&mut app, &csv);
    assert!(
        app.harness
            .query_by_label_contains("0 added, 0 removed, 1 changed")
            .is_some(),
        "the change log is shown"
    );
    assert!(
        app.harness.query_by_label_contains(NEW).is_some(),
        "with the new concern"
    );
    assert_eq!(
        app.harness.state().register(),
        &before,
        "nothing changes before Apply"
    );
    click(&mut app.harness, "Apply");
    assert_eq!(app.harness.state().register().entries[0].concern, NEW);
    assert!(app.harness.state().is_dirty());
    assert!(
        app.harness.query_by_label("Apply").is_none(),
        "the dialog is closed"
    );
    press(&mut app.harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        app.harness.state().register(),
        &before,
        "one Undo takes the whole update back"
    );
}

#[test]
fn confirming_the_path_with_enter_shows_the_change_log_at_once() {
    let mut app = open_small();
    let csv = edited_csv(&app);
    click(&mut app.harness, "File");
    click(&mut app.harness, "Update from spreadsheet…");
    replace_text(&mut app.harness, "Path", &csv.display().to_string());
    // Enter in the path field reads the sheet as the Read button does.
    press(&mut app.harness, Modifiers::NONE, Key::Enter);
    assert!(
        app.harness
            .query_by_label_contains("0 added, 0 removed, 1 changed")
            .is_some(),
        "the change log is shown"
    );
}

#[test]
fn cancel_changes_nothing() {
    let mut app = open_small();
    let before = app.harness.state().register().clone();
    let csv = edited_csv(&app);
    update_from(&mut app, &csv);
    click(&mut app.harness, "Cancel");
    assert!(app.harness.query_by_label("Apply").is_none(), "closed");
    assert_eq!(app.harness.state().register(), &before);
    assert!(!app.harness.state().is_dirty());
}

#[test]
fn a_workbook_updates_the_register_too() {
    let mut app = open_small();
    let mut edited = app.harness.state().register().clone();
    NEW.clone_into(&mut edited.entries[0].concern);
    let workbook = app.path.with_file_name("edited.xlsx");
    fs::write(&workbook, xlsx_file::export_bytes(&edited).unwrap()).unwrap();
    update_from(&mut app, &workbook);
    click(&mut app.harness, "Apply");
    assert_eq!(app.harness.state().register().entries[0].concern, NEW);
}

#[test]
fn a_bad_row_is_shown_with_its_file_and_row_and_nothing_changes() {
    let mut app = open_small();
    let before = app.harness.state().register().clone();
    let csv = app.path.with_file_name("bad.csv");
    fs::write(
        &csv,
        "id,system,issue,votes\n,PND,Fine,1\n,PND,Bad votes,many\n",
    )
    .unwrap();
    update_from(&mut app, &csv);
    let errors = app.harness.state().errors().to_vec();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("bad.csv:3:"), "{}", errors[0]);
    assert!(app.harness.query_by_label("Apply").is_none(), "no dialog");
    assert_eq!(app.harness.state().register(), &before);
}
