//! The Snapshots view and File → Export PDF… driven as a user would, headless with `egui_kittest`:
//! take a snapshot, edit, compare, restore a field or the whole register, open one read-only, and
//! export a paper from the dialog. Assertions are on the app's state and the files it writes.
//!
//! Every test opens a copy of `tests/fixtures/small.ron` in its own folder, with a fixed date and
//! clock and the in-app path field instead of native file choosers.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use dpia_core::diff::EntryField;
use dpia_core::register::Register;
use dpia_core::snapshot::Label;
use dpia_files::{register_file, snapshot_file};
use dpia_register::gui::{Clock, DpiaApp, MenuCommand, View};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};

use super::gui_util::{
    App, click, harness, id, open_small_with, options, press, replace_text, text_in, type_into,
};
use super::util::{Dir, fixture};

/// The time the tests' clock stands at.
const NOW: &str = "2019-07-11T09:30:00Z";

/// The app open on a copy of `small.ron`, its clock fixed at `NOW`.
fn open_small() -> App {
    open_small_with(|app| app.with_clock(clock()))
}

fn clock() -> Clock {
    Clock::Fixed(NOW.parse().unwrap())
}

fn label(text: &str) -> Label {
    Label::parse(text).unwrap()
}

fn issue(app: &App, entry: &str) -> String {
    app.harness
        .state()
        .register()
        .entry(&id(entry))
        .unwrap()
        .issue
        .clone()
}

/// Goes to the Snapshots view and takes a snapshot with the label proposed.
fn take_snapshot(app: &mut App) {
    click(&mut app.harness, "Snapshots");
    click(&mut app.harness, "Take snapshot");
}

/// Adds `text` to the issue of `entry` in the entry editor.
fn edit_issue(app: &mut App, entry: &str, text: &str) {
    click(&mut app.harness, "Register");
    click(&mut app.harness, entry);
    type_into(&mut app.harness, "Issue", text);
}

#[test]
fn a_snapshot_is_taken_with_the_next_label_and_compared_after_an_edit() {
    let mut app = open_small();
    click(&mut app.harness, "Snapshots");
    assert_eq!(app.harness.state().view(), View::Snapshots);
    assert_eq!(
        text_in(&app.harness, "Label").as_deref(),
        Some("v0.2"),
        "the next minor version after the register's v0.1"
    );
    type_into(&mut app.harness, "Note", "Before the workshop");
    click(&mut app.harness, "Take snapshot");
    let state = app.harness.state();
    assert!(state.errors().is_empty(), "{:?}", state.errors());
    assert_eq!(state.snapshot_labels(), [label("v0.2")]);
    let file = snapshot_file::path(&app.path, &label("v0.2"));
    let snapshot = snapshot_file::load(&file).unwrap();
    assert_eq!(snapshot.note(), "Before the workshop");
    assert_eq!(snapshot.taken_at(), NOW.parse().unwrap(), "the app's clock");
    assert!(
        snapshot.matches(state.register()),
        "of the register as it stands"
    );
    assert_eq!(
        state.register().snapshots,
        [snapshot.record()],
        "the register records it"
    );
    assert!(!state.is_dirty(), "and is saved, so it keeps the record");
    assert_eq!(
        register_file::load(&app.path).unwrap().snapshots,
        [snapshot.record()]
    );
    assert_eq!(
        text_in(&app.harness, "Label").as_deref(),
        Some("v0.3"),
        "the next label is proposed"
    );

    edit_issue(&mut app, "PND-002", " (reworded)");
    click(&mut app.harness, "Snapshots");
    click(&mut app.harness, "Compare v0.2 with the working register");
    let log = app.harness.state().change_log().expect("a change log");
    assert_eq!(log.summary(), "0 added, 0 removed, 1 changed");
    assert_eq!(log.changed.len(), 1);
    assert_eq!(log.changed[0].entry.id, id("PND-002"));
    assert_eq!(log.changed[0].fields[0].field, EntryField::Issue);
    assert!(
        app.harness
            .query_by_label("0 added, 0 removed, 1 changed")
            .is_some(),
        "the summary is shown"
    );
    assert!(
        app.harness.query_by_label("Unscored entry").is_some(),
        "the old value is shown beside the new"
    );
}

#[test]
fn restoring_one_field_reverts_the_edit_and_undo_brings_it_back() {
    let mut app = open_small();
    take_snapshot(&mut app);
    edit_issue(&mut app, "PND-002", " (reworded)");
    click(&mut app.harness, "Register");
    click(&mut app.harness, "PND-001");
    type_into(&mut app.harness, "Issue", " and more");
    click(&mut app.harness, "Snapshots");
    click(&mut app.harness, "Compare v0.2 with the working register");
    assert_eq!(app.harness.state().change_log().unwrap().changed.len(), 2);

    click(&mut app.harness, "Restore issue of PND-002 from v0.2");
    assert_eq!(issue(&app, "PND-002"), "Unscored entry", "restored");
    assert_eq!(
        issue(&app, "PND-001"),
        "Colocation of PND and PNC data and more",
        "the other edit stays"
    );
    let log = app.harness.state().change_log().unwrap();
    assert_eq!(log.changed.len(), 1, "the change log follows");
    assert_eq!(log.changed[0].entry.id, id("PND-001"));

    press(&mut app.harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        issue(&app, "PND-002"),
        "Unscored entry (reworded)",
        "undo brings the edit back"
    );
    click(&mut app.harness, "Restore PND-001 from v0.2");
    assert_eq!(issue(&app, "PND-001"), "Colocation of PND and PNC data");
}

#[test]
fn a_label_in_use_is_refused_with_the_reason() {
    let mut app = open_small();
    take_snapshot(&mut app);
    let file = snapshot_file::path(&app.path, &label("v0.2"));
    let before = fs::read(&file).unwrap();
    edit_issue(&mut app, "PND-002", " (reworded)");
    click(&mut app.harness, "Snapshots");
    replace_text(&mut app.harness, "Label", "v0.2");
    click(&mut app.harness, "Take snapshot");
    assert!(
        app.harness
            .query_by_label_contains("A snapshot labelled v0.2 was taken already")
            .is_some(),
        "the clash is shown in the form"
    );
    assert_eq!(
        fs::read(&file).unwrap(),
        before,
        "the snapshot is untouched"
    );
    assert_eq!(app.harness.state().snapshot_labels(), [label("v0.2")]);
}

#[test]
fn restoring_a_snapshot_as_the_working_copy_keeps_the_working_register_first() {
    let mut app = open_small();
    take_snapshot(&mut app);
    let snapshot = app.harness.state().register().clone();
    edit_issue(&mut app, "PND-002", " (reworded)");
    let edited = app.harness.state().register().clone();
    click(&mut app.harness, "Snapshots");
    click(&mut app.harness, "Restore v0.2 as working copy…");
    assert!(
        app.harness
            .query_by_label("Restore v0.2 as the working copy?")
            .is_some(),
        "asks first"
    );
    click(&mut app.harness, "Restore");
    let state = app.harness.state();
    assert!(state.errors().is_empty(), "{:?}", state.errors());
    assert_eq!(
        content(state.register()),
        content(&snapshot),
        "the snapshot's register"
    );
    assert!(state.is_dirty(), "not saved until the user saves");
    let kept = label("auto-before-restore-20190711T093000Z");
    assert_eq!(state.snapshot_labels(), [kept.clone(), label("v0.2")]);
    let recorded: Vec<&str> = state
        .register()
        .snapshots
        .iter()
        .map(|record| record.label.as_str())
        .collect();
    assert_eq!(
        recorded,
        ["v0.2", kept.as_str()],
        "both recorded: a restore keeps the history"
    );
    let kept = snapshot_file::load(&snapshot_file::path(&app.path, &kept)).unwrap();
    assert_eq!(kept.register(), &edited, "the working register was kept");

    press(&mut app.harness, Modifiers::COMMAND, Key::Z);
    let state = app.harness.state();
    assert_eq!(content(state.register()), content(&edited), "undone");
    assert_eq!(
        state.register().snapshots.len(),
        2,
        "undo keeps the history too"
    );
}

/// The register without its record of its snapshots: its content.
fn content(register: &Register) -> Register {
    let mut content = register.clone();
    content.snapshots.clear();
    content
}

#[test]
fn a_snapshot_opens_read_only() {
    let mut app = open_small();
    take_snapshot(&mut app);
    edit_issue(&mut app, "PND-002", " (reworded)");
    let working = app.harness.state().register().clone();
    click(&mut app.harness, "Snapshots");
    click(&mut app.harness, "Open v0.2 read-only");
    assert!(
        app.harness
            .query_by_label("Snapshot v0.2 · read-only")
            .is_some(),
        "the banner says so"
    );
    let selected = app.harness.state().selection().cloned();
    click(&mut app.harness, "Unscored entry");
    assert!(
        app.harness.query_by_label("Not scored").is_some(),
        "the snapshot's entry is shown"
    );
    assert_eq!(
        app.harness.state().selection(),
        selected.as_ref(),
        "selecting in the snapshot leaves the app's selection alone"
    );
    assert_eq!(
        app.harness.state().register(),
        &working,
        "the working register is untouched"
    );
    click(&mut app.harness, "Close");
    assert!(
        app.harness
            .query_by_label("Snapshot v0.2 · read-only")
            .is_none()
    );
}

#[test]
fn an_altered_snapshot_is_listed_with_its_error() {
    let mut app = open_small();
    take_snapshot(&mut app);
    let file = snapshot_file::path(&app.path, &label("v0.2"));
    let altered = fs::read_to_string(&file)
        .unwrap()
        .replace("Unscored entry", "Quietly changed");
    fs::write(&file, altered).unwrap();
    click(&mut app.harness, "Refresh");
    assert!(app.harness.state().snapshot_labels().is_empty());
    assert!(
        app.harness
            .query_by_label_contains("the snapshot has been altered or is corrupt")
            .is_some(),
        "the checksum error is shown"
    );
}

#[test]
fn a_register_never_saved_has_no_snapshots_and_says_why() {
    let register = register_file::load(&fixture("small.ron")).unwrap();
    let mut harness =
        harness(DpiaApp::with_register(register, None, options()).with_clock(clock()));
    click(&mut harness, "Snapshots");
    assert!(
        harness
            .query_by_label_contains("has not been saved yet")
            .is_some()
    );
    assert!(harness.query_by_label("Take snapshot").is_none());
}

/// Clicks the button that starts an export, then runs frames until the export on the worker
/// thread has finished (at most about 30 s).
fn export_and_wait(harness: &mut Harness<'_, DpiaApp>, button: &str) {
    harness.get_by_label(button).click();
    harness.step();
    for _ in 0..1500 {
        if !harness.state().is_exporting() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    harness.run();
    assert!(!harness.state().is_exporting(), "the export finished");
}

/// Opens File → Export PDF… and types `paper` as the file to write.
fn export_dialog(app: &mut App, paper: &Path) {
    click(&mut app.harness, "File");
    click(&mut app.harness, "Export PDF…");
    assert_eq!(
        text_in(&app.harness, "Save to").map(PathBuf::from),
        Some(app.path.with_extension("pdf")),
        "a paper beside the register is suggested"
    );
    replace_text(&mut app.harness, "Save to", &paper.display().to_string());
}

#[test]
fn a_public_paper_is_exported_from_the_dialog() {
    let mut app = open_small();
    let paper = app.dir.join("papers-public.pdf");
    export_dialog(&mut app, &paper);
    click(&mut app.harness, "Public edition");
    // The register is OFFICIAL-SENSITIVE: the app asks which marking the public edition carries,
    // and will not export until it is chosen.
    assert!(
        app.harness
            .query_by_label_contains("Which marking does its public edition carry?")
            .is_some()
    );
    assert!(
        app.harness
            .get_by_label("Export")
            .accesskit_node()
            .is_disabled(),
        "no export before the marking is chosen"
    );
    click(&mut app.harness, "OFFICIAL");
    export_and_wait(&mut app.harness, "Export");
    let state = app.harness.state();
    assert_eq!(state.export_error(), None);
    assert_eq!(state.exported(), Some(paper.as_path()));
    let bytes = fs::read(&paper).unwrap();
    assert!(bytes.starts_with(b"%PDF"), "a PDF");
    let carried = register_file::load(&paper).unwrap();
    assert_eq!(carried.entries.len(), 3, "the paper reopens");
    assert_eq!(
        carried.metadata.owner, "",
        "the public edition names no owner"
    );
    assert!(app.harness.query_by_label("Open the folder").is_some());
    assert!(app.harness.query_by_label("Open the paper").is_some());
}

#[test]
fn an_existing_file_is_replaced_only_when_the_user_agrees() {
    let mut app = open_small();
    let paper = app.dir.join("paper.pdf");
    fs::write(&paper, "an older paper").unwrap();
    export_dialog(&mut app, &paper);
    click(&mut app.harness, "Export");
    assert!(
        app.harness
            .query_by_label("paper.pdf exists already. Replace it?")
            .is_some(),
        "asks first"
    );
    assert!(!app.harness.state().is_exporting());
    assert_eq!(fs::read_to_string(&paper).unwrap(), "an older paper");
    export_and_wait(&mut app.harness, "Replace");
    assert!(fs::read(&paper).unwrap().starts_with(b"%PDF"), "replaced");
}

#[test]
fn a_paper_can_carry_the_changes_since_a_snapshot() {
    let mut app = open_small();
    take_snapshot(&mut app);
    edit_issue(&mut app, "PND-002", " (reworded)");
    let paper = app.dir.join("with-changes.pdf");
    app.harness.state_mut().push(MenuCommand::ExportPdf);
    app.harness.run();
    replace_text(&mut app.harness, "Save to", &paper.display().to_string());
    app.harness
        .get_by_role_and_label(Role::ComboBox, "Changes since")
        .click();
    app.harness.run();
    click(&mut app.harness, "v0.2");
    export_and_wait(&mut app.harness, "Export");
    assert_eq!(app.harness.state().exported(), Some(paper.as_path()));
    let carried = register_file::load(&paper).unwrap();
    assert_eq!(
        carried.entry(&id("PND-002")).unwrap().issue,
        "Unscored entry (reworded)",
        "the paper is of the working register"
    );
    let text = pdf_text(&paper);
    assert!(text.contains("Changes since v0.2"), "{text}");
    assert!(text.contains("(reworded)"), "{text}");
}

/// All the text of a PDF, white space squeezed (poppler's `pdftotext`).
fn pdf_text(pdf: &Path) -> String {
    let output = std::process::Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext runs (apt-get install poppler-utils)");
    assert!(output.status.success(), "pdftotext {}", pdf.display());
    String::from_utf8(output.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_paper_can_carry_a_workshops_outcome() {
    use dpia_core::register::{Participant, Scope, Tier};
    use dpia_core::workshop::Session;
    let dir = Dir::new();
    let path = dir.join("small.ron");
    let register = register_file::load(&fixture("small.ron")).unwrap();
    let mut session = Session::with_participants(
        &register,
        "Open Space six",
        jiff::civil::date(2019, 7, 11),
        Scope::All,
        vec![Participant {
            name: "Gwenllian".to_owned(),
            is_pseudonym: false,
        }],
        2,
    )
    .unwrap();
    session.vote(&register, 0, &id("PND-002")).unwrap();
    session
        .set_tier(&register, &id("PND-002"), Some(Tier::Must))
        .unwrap();
    let (register, _) = session.finish(&register, "workshop-2019-07-11");
    register_file::save(&register, &path).unwrap();
    let mut app = App {
        harness: harness(DpiaApp::open(&path, options()).with_clock(clock())),
        path,
        dir,
    };

    let paper = app.dir.join("with-workshop.pdf");
    app.harness.state_mut().push(MenuCommand::ExportPdf);
    app.harness.run();
    replace_text(&mut app.harness, "Save to", &paper.display().to_string());
    click(&mut app.harness, "Public edition");
    click(&mut app.harness, "OFFICIAL");
    app.harness
        .get_by_role_and_label(Role::ComboBox, "Workshop outcome")
        .click();
    app.harness.run();
    click(&mut app.harness, "2019-07-11 · Open Space six");
    export_and_wait(&mut app.harness, "Export");
    assert_eq!(app.harness.state().exported(), Some(paper.as_path()));
    let text = pdf_text(&paper);
    assert!(text.contains("Workshop outcome"), "{text}");
    assert!(text.contains("Open Space six"), "{text}");
    assert!(
        !text.contains("Gwenllian"),
        "the public edition names no participant: {text}"
    );
}

#[test]
fn a_recorded_snapshot_whose_file_is_gone_is_shown_as_missing() {
    let mut app = open_small();
    take_snapshot(&mut app);
    fs::remove_file(snapshot_file::path(&app.path, &label("v0.2"))).unwrap();
    click(&mut app.harness, "Refresh");
    assert!(
        app.harness
            .query_by_label_contains("is recorded in the register but its file is missing")
            .is_some(),
        "the chain's problem is shown in the list"
    );
    // Its label stays used.
    replace_text(&mut app.harness, "Label", "v0.2");
    click(&mut app.harness, "Take snapshot");
    assert!(
        app.harness
            .query_by_label_contains("A snapshot labelled v0.2 was taken already")
            .is_some()
    );
}

#[test]
fn the_export_dialog_closes_with_its_close_button_and_lines_up_its_fields() {
    let mut app = open_small();
    let paper = app.path.with_file_name("paper.pdf");
    export_dialog(&mut app, &paper);
    let save_to = app.harness.get_by_label("Choose…").rect();
    let picker = |label: &str| {
        app.harness
            .get_by_role_and_label(egui::accesskit::Role::ComboBox, label)
            .rect()
    };
    let (since, workshop) = (picker("Changes since"), picker("Workshop outcome"));
    assert!(save_to.width() > 0.0);
    assert!(
        (since.left() - workshop.left()).abs() < 0.5,
        "one column of pickers: {since:?} {workshop:?}"
    );
    click(&mut app.harness, "Close");
    assert!(app.harness.query_by_label("Choose…").is_none(), "closed");
}
