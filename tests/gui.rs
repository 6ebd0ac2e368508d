//! The desktop app driven as a user would, headless with `egui_kittest`: click, type, press keys,
//! then look at the app's state (never at pixels).
//!
//! Every test opens a copy of `tests/fixtures/small.ron` in its own folder, with a fixed date and the
//! in-app path field instead of native file choosers.

use std::fs;
use std::path::Path;

use dpia_core::register::Scale;
use dpia_register::gui::{DpiaApp, Options, Settings, View};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};

use super::gui_util::{App, click, harness, id, open_small, options, press, type_into};
use super::util::{Dir, fixture};

fn shown(harness: &mut Harness<'_, DpiaApp>) -> Vec<String> {
    harness
        .state_mut()
        .shown_entries()
        .into_iter()
        .map(String::from)
        .collect()
}

#[test]
fn opens_with_the_top_priority_selected() {
    let app = open_small();
    let state = app.harness.state();
    assert_eq!(
        state.selection(),
        Some(&id("PNC-002")),
        "rank 1 is selected"
    );
    assert!(!state.is_dirty());
    assert_eq!(state.title(), "small.ron — DPIA register");
    assert_eq!(state.path(), Some(app.path.as_path()));
}

#[test]
fn clicking_a_row_selects_its_entry() {
    let mut app = open_small();
    click(&mut app.harness, "PND-002");
    assert_eq!(app.harness.state().selection(), Some(&id("PND-002")));
    assert!(
        app.harness.query_by_label("Rank 3 of 3").is_some(),
        "the editor shows the entry's rank"
    );
}

#[test]
fn changing_a_severity_moves_the_entry_up() {
    let mut app = open_small();
    click(&mut app.harness, "PND-002");
    assert_eq!(app.harness.state().rank_of(&id("PND-002")), Some(3));
    click(
        &mut app.harness,
        "Private and family life inherent severity 4",
    );
    click(
        &mut app.harness,
        "Private and family life inherent likelihood 4",
    );
    let state = app.harness.state();
    assert_eq!(
        state.rank_of(&id("PND-002")),
        Some(2),
        "16 beats PND-001's 9"
    );
    assert_eq!(state.rank_of(&id("PND-001")), Some(3));
    assert!(state.is_dirty());
    assert!(state.title().starts_with('*'), "{}", state.title());
    assert!(app.harness.query_by_label("Rank 2 of 3").is_some());
}

#[test]
fn a_residual_judgement_changes_the_score_shown() {
    let mut app = open_small();
    click(&mut app.harness, "PND-001");
    click(&mut app.harness, "Liberty and security residual severity 1");
    let entry = app
        .harness
        .state()
        .register()
        .entry(&id("PND-001"))
        .unwrap();
    let liberty = entry
        .impacts
        .iter()
        .find(|impact| impact.right.as_str() == "liberty")
        .unwrap();
    assert_eq!(
        liberty
            .residual
            .map(|a| (a.severity.value(), a.likelihood.value())),
        Some((1, 2)),
        "severity 1 taken, likelihood kept from the inherent judgement"
    );
}

#[test]
fn a_mitigation_added_is_undone_with_ctrl_z() {
    let mut app = open_small();
    click(&mut app.harness, "PND-001");
    let count = |app: &App| {
        app.harness
            .state()
            .register()
            .entry(&id("PND-001"))
            .unwrap()
            .mitigations
            .len()
    };
    assert_eq!(count(&app), 1);
    click(&mut app.harness, "Add mitigation");
    assert_eq!(count(&app), 2);
    type_into(&mut app.harness, "Mitigation 2", "Weeding review in Gŵyr");
    assert_eq!(
        app.harness
            .state()
            .register()
            .entry(&id("PND-001"))
            .unwrap()
            .mitigations[1]
            .text,
        "Weeding review in Gŵyr"
    );
    press(&mut app.harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(count(&app), 2, "the typing is one step");
    press(&mut app.harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(count(&app), 1, "then the mitigation goes");
    assert!(!app.harness.state().is_dirty(), "back to the saved state");
    press(
        &mut app.harness,
        Modifiers::COMMAND | Modifiers::SHIFT,
        Key::Z,
    );
    assert_eq!(count(&app), 2, "Ctrl+Shift+Z redoes");
    press(&mut app.harness, Modifiers::COMMAND, Key::Y);
    assert_eq!(
        app.harness
            .state()
            .register()
            .entry(&id("PND-001"))
            .unwrap()
            .mitigations[1]
            .text,
        "Weeding review in Gŵyr",
        "Ctrl+Y redoes too"
    );
}

#[test]
fn deleting_an_entry_is_undone_exactly() {
    let mut app = open_small();
    let before = app.harness.state().register().clone();
    click(&mut app.harness, "PND-001");
    click(&mut app.harness, "Delete");
    assert!(
        app.harness
            .state()
            .register()
            .entry(&id("PND-001"))
            .is_none()
    );
    assert!(
        app.harness.state().selection().is_some(),
        "a neighbour is selected"
    );
    press(&mut app.harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(app.harness.state().register(), &before);
}

#[test]
fn added_entries_get_new_ids_never_reused() {
    let mut app = open_small();
    click(&mut app.harness, "PND-002");
    click(&mut app.harness, "Delete");
    app.harness
        .state_mut()
        .push(dpia_register::gui::MenuCommand::ClearFilters);
    click(&mut app.harness, "PND, 1 entry");
    click(&mut app.harness, "Add entry");
    assert_eq!(
        app.harness.state().selection(),
        Some(&id("PND-003")),
        "PND-002 was deleted, and its id is not given again"
    );
}

#[test]
fn the_systems_list_filters_the_table() {
    let mut app = open_small();
    assert_eq!(shown(&mut app.harness), ["PNC-002", "PND-001", "PND-002"]);
    click(&mut app.harness, "PNC, 1 entry");
    assert_eq!(shown(&mut app.harness), ["PNC-002"]);
    click(&mut app.harness, "All systems, 3 entries");
    assert_eq!(shown(&mut app.harness).len(), 3);
}

#[test]
fn ctrl_f_searches_issue_concern_and_mitigations() {
    let mut app = open_small();
    press(&mut app.harness, Modifiers::COMMAND, Key::F);
    app.harness.event(egui::Event::Text("PARTITION".to_owned()));
    app.harness.run();
    assert_eq!(app.harness.state().filter().search, "PARTITION");
    assert_eq!(
        shown(&mut app.harness),
        ["PND-001"],
        "found in a mitigation"
    );
    press(&mut app.harness, Modifiers::NONE, Key::Escape);
    assert_eq!(shown(&mut app.harness).len(), 3, "Escape clears the search");
}

#[test]
fn sorting_by_a_column_header() {
    let mut app = open_small();
    // The fixture's rank order happens to be its id order, so sort by issue first: every click
    // below then has to reorder the rows to pass.
    assert_eq!(shown(&mut app.harness), ["PNC-002", "PND-001", "PND-002"]);
    app.harness
        .get_by_role_and_label(Role::Button, "Issue")
        .click();
    app.harness.run();
    assert_eq!(
        shown(&mut app.harness),
        ["PND-001", "PNC-002", "PND-002"],
        "Colocation, Retention, Unscored"
    );
    click(&mut app.harness, "ID");
    assert_eq!(shown(&mut app.harness), ["PNC-002", "PND-001", "PND-002"]);
    click(&mut app.harness, "ID ▲");
    assert_eq!(shown(&mut app.harness), ["PND-002", "PND-001", "PNC-002"]);
}

#[test]
fn ctrl_s_saves_and_the_file_reads_back() {
    let mut app = open_small();
    click(&mut app.harness, "PND-002");
    type_into(&mut app.harness, "Issue", " — Siân's note ŵ");
    assert!(app.harness.state().is_dirty());
    press(&mut app.harness, Modifiers::COMMAND, Key::S);
    let state = app.harness.state();
    assert!(state.errors().is_empty(), "{:?}", state.errors());
    assert!(!state.is_dirty());
    assert_eq!(state.title(), "small.ron — DPIA register");
    let saved = dpia_files::register_file::load(&app.path).unwrap();
    assert_eq!(
        saved.entry(&id("PND-002")).unwrap().issue,
        "Unscored entry — Siân's note ŵ"
    );
    assert_eq!(&saved, state.register());
}

#[test]
fn save_refuses_to_overwrite_a_file_changed_on_disk() {
    let mut app = open_small();
    click(&mut app.harness, "PND-002");
    type_into(&mut app.harness, "Issue", " mine");
    let theirs = fs::read_to_string(&app.path)
        .unwrap()
        .replace("Small register", "Changed by a git pull");
    fs::write(&app.path, &theirs).unwrap();
    press(&mut app.harness, Modifiers::COMMAND, Key::S);
    assert_eq!(
        fs::read_to_string(&app.path).unwrap(),
        theirs,
        "not overwritten"
    );
    assert!(app.harness.state().is_dirty());
    assert!(
        app.harness
            .query_by_label("The file changed on disk")
            .is_some()
    );
    click(&mut app.harness, "Reload");
    let state = app.harness.state();
    assert_eq!(state.register().metadata.title, "Changed by a git pull");
    assert!(!state.is_dirty());
}

#[test]
fn save_as_through_the_path_field() {
    let mut app = open_small();
    press(
        &mut app.harness,
        Modifiers::COMMAND | Modifiers::SHIFT,
        Key::S,
    );
    let copy = app.path.with_file_name("copy.ron");
    let field = app.harness.get_by_label("Path");
    field.focus();
    app.harness.run();
    // Replace the suggested path.
    app.harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    app.harness.run();
    app.harness
        .get_by_label("Path")
        .type_text(&copy.display().to_string());
    app.harness.run();
    click(&mut app.harness, "Save");
    assert!(copy.is_file(), "saved as {}", copy.display());
    assert_eq!(app.harness.state().path(), Some(copy.as_path()));
    assert_eq!(
        app.harness.state().settings().recent_files.first(),
        Some(&copy)
    );
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let mut app = open_small();
    click(&mut app.harness, "PND-001");
    click(&mut app.harness, "Add mitigation");
    app.harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    app.harness.run();
    assert!(
        app.harness.query_by_label("Save changes?").is_some(),
        "{:?} dirty {}",
        app.harness.state().question(),
        app.harness.state().is_dirty()
    );
    click(&mut app.harness, "Cancel");
    assert!(app.harness.query_by_label("Save changes?").is_none());
    assert!(app.harness.state().is_dirty(), "nothing lost");
}

#[test]
fn a_newer_recovery_copy_is_offered_and_restored() {
    let dir = Dir::new();
    let path = dir.join("small.ron");
    fs::copy(fixture("small.ron"), &path).unwrap();
    let mut recovered = dpia_files::register_file::load(&path).unwrap();
    recovered.metadata.title = "Recovered work".to_owned();
    dpia_files::recovery::save(&recovered, &path).unwrap();
    let old = std::time::SystemTime::now() - std::time::Duration::from_mins(10);
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(old)
        .unwrap();
    let mut harness = harness(DpiaApp::open(&path, options()));
    assert!(harness.query_by_label("Recover unsaved changes?").is_some());
    click(&mut harness, "Restore");
    let state = harness.state();
    assert_eq!(state.register().metadata.title, "Recovered work");
    assert!(state.is_dirty(), "restored changes are not saved yet");
}

#[test]
fn a_malformed_file_is_reported_not_a_panic() {
    let harness = harness(DpiaApp::open(&fixture("malformed.ron"), options()));
    let errors = harness.state().errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    let expected = format!("{}:", fixture("malformed.ron").display());
    assert!(errors[0].starts_with(&expected), "{}", errors[0]);
    assert!(
        harness.query_by_label_contains("malformed.ron:").is_some(),
        "the error is shown in the window"
    );
}

#[test]
fn a_heat_map_cell_filters_the_register() {
    let mut app = open_small();
    click(&mut app.harness, "Heat map");
    assert_eq!(app.harness.state().view(), View::HeatMap);
    click(
        &mut app.harness,
        "1 entry: severity 4 maximum, likelihood 4 almost certain",
    );
    assert_eq!(app.harness.state().view(), View::Register);
    assert_eq!(shown(&mut app.harness), ["PND-001"]);
}

#[test]
fn every_view_draws_without_errors() {
    let mut app = open_small();
    for (label, view) in [
        ("Priorities", View::Priorities),
        ("Heat map", View::HeatMap),
        ("Register details", View::Details),
        ("Snapshots", View::Snapshots),
        ("Workshop", View::Workshop),
        ("Register", View::Register),
    ] {
        click(&mut app.harness, label);
        assert_eq!(app.harness.state().view(), view, "{label} opens");
        assert!(
            app.harness.state().errors().is_empty(),
            "{label}: {:?}",
            app.harness.state().errors()
        );
    }
}

#[test]
fn import_errors_are_shown_with_the_row() {
    let mut app = open_small();
    let csv = app.path.with_file_name("bad.csv");
    fs::write(&csv, "system,issue,votes\nPND,Fine,1\nPND,Bad votes,many\n").unwrap();
    app.harness
        .state_mut()
        .push(dpia_register::gui::Command::ImportCsvFrom(csv.clone()));
    app.harness.run();
    let errors = app.harness.state().errors().to_vec();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("bad.csv:3:"), "{}", errors[0]);
    assert_eq!(
        app.harness.state().register().entries.len(),
        3,
        "nothing added"
    );
}

#[test]
fn import_is_one_undo_step() {
    let mut app = open_small();
    let csv = app.path.with_file_name("more.csv");
    fs::write(&csv, "system,issue\nPND,Imported one\nPNC,Imported two\n").unwrap();
    app.harness
        .state_mut()
        .push(dpia_register::gui::Command::ImportCsvFrom(csv));
    app.harness.run();
    assert_eq!(app.harness.state().register().entries.len(), 5);
    press(&mut app.harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(app.harness.state().register().entries.len(), 3);
}

#[test]
fn starts_on_the_embedded_register_when_no_file_is_found() {
    let app = DpiaApp::open_last_or_bundled(Options {
        settings: Settings {
            last_file: Some(Path::new("/no/such/register.ron").to_owned()),
            ..Settings::default()
        },
        ..options()
    });
    // The bundled file exists beside the manifest, so it is what opens.
    assert_eq!(app.register().entries.len(), 29);
    assert!(app.errors().is_empty(), "{:?}", app.errors());
}

#[test]
fn unsaved_changes_are_copied_to_a_recovery_file_every_30_seconds() {
    let mut app = open_small();
    let recovery = app.path.with_file_name("small.recovery.ron");
    click(&mut app.harness, "PND-002");
    type_into(&mut app.harness, "Issue", " ŷ");
    assert!(!recovery.exists(), "not before 30 seconds");
    // Thirty seconds later (egui's clock, which the harness drives).
    let later = app.harness.ctx.input(|i| i.time) + 31.0;
    app.harness.input_mut().time = Some(later);
    app.harness.run();
    // The copy is written on a worker thread; the app takes in its result.
    app.harness.state_mut().wait_for_autosave();
    assert!(recovery.exists(), "written 30 seconds after the edit");
    let copy = dpia_files::register_file::load(&recovery).unwrap();
    assert_eq!(
        copy.entry(&id("PND-002")).unwrap().issue,
        "Unscored entry ŷ"
    );
    press(&mut app.harness, Modifiers::COMMAND, Key::S);
    assert!(!recovery.exists(), "saving removes the copy");
}

#[test]
fn after_save_as_reopening_the_original_offers_no_recovery() {
    let mut app = open_small();
    let recovery = app.path.with_file_name("small.recovery.ron");
    click(&mut app.harness, "PND-002");
    type_into(&mut app.harness, "Issue", " saved elsewhere");
    let later = app.harness.ctx.input(|i| i.time) + 31.0;
    app.harness.input_mut().time = Some(later);
    app.harness.run();
    app.harness.state_mut().wait_for_autosave();
    assert!(
        recovery.exists(),
        "the unsaved change is copied beside the original"
    );

    let other = app.path.with_file_name("other.ron");
    app.harness
        .state_mut()
        .push(dpia_register::gui::Command::SaveTo(other.clone()));
    app.harness.run();
    assert_eq!(app.harness.state().path(), Some(other.as_path()));
    assert!(
        !recovery.exists(),
        "the original's copy went with the changes"
    );
    assert!(!other.with_file_name("other.recovery.ron").exists());

    let reopened = harness(DpiaApp::open(&app.path, options()));
    assert_eq!(reopened.state().question(), None, "nothing to restore");
    let original = reopened.state().register().entry(&id("PND-002")).unwrap();
    assert_eq!(
        original.issue, "Unscored entry",
        "the original is as it was saved"
    );
}

#[test]
fn escape_closes_the_path_field() {
    let mut app = open_small();
    app.harness.get_by_label("File").click();
    app.harness.run();
    app.harness.get_by_label_contains("Open…").click();
    app.harness.run();
    assert!(app.harness.query_by_label("Open register").is_some());
    press(&mut app.harness, Modifiers::NONE, Key::Escape);
    assert!(app.harness.query_by_label("Open register").is_none());
}

#[test]
fn a_paper_opens_as_an_unsaved_register_and_save_never_writes_over_it() {
    let dir = Dir::new();
    let register = dpia_files::register_file::load(&fixture("small.ron")).unwrap();
    let paper_options = dpia_report::ReportOptions::default();
    let bytes = dpia_report::export(&register, &paper_options, &mut |_| {}).unwrap();
    let paper = dir.join("paper.pdf");
    fs::write(&paper, &bytes).unwrap();

    let mut harness = harness(DpiaApp::open(&paper, options()));
    assert_eq!(harness.state().register().entries, register.entries);
    assert_eq!(
        harness.state().path(),
        None,
        "the paper is not the document's file"
    );
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert_eq!(fs::read(&paper).unwrap(), bytes, "the paper is untouched");
    assert!(
        harness.query_by_label("Path").is_some(),
        "Save asks where to keep the register"
    );
}

#[test]
fn save_as_refuses_a_pdf_whatever_its_name() {
    let mut app = open_small();
    // A paper renamed without its .pdf extension is still a paper: saving RON over it would lose it.
    let register = dpia_files::register_file::load(&app.path).unwrap();
    let paper_options = dpia_report::ReportOptions::default();
    let bytes = dpia_report::export(&register, &paper_options, &mut |_| {}).unwrap();
    let paper = app.path.with_file_name("paper-renamed.ron");
    fs::write(&paper, &bytes).unwrap();
    app.harness
        .state_mut()
        .push(dpia_register::gui::Command::SaveTo(paper.clone()));
    app.harness.run();
    assert!(fs::read(&paper).unwrap() == bytes, "the paper is untouched");
    assert_eq!(app.harness.state().path(), Some(app.path.as_path()));
    let errors = app.harness.state().errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("is a PDF"), "{}", errors[0]);
}

/// `options()` with recovery copies of untitled registers kept under `data_folder`.
fn options_with_data_folder(data_folder: &Path) -> Options {
    Options {
        settings: Settings {
            data_folder: Some(data_folder.to_owned()),
            ..Settings::default()
        },
        ..options()
    }
}

/// Waits for the recovery copy the app is writing on a worker thread, then checks it is at `path`.
fn wait_for_file(harness: &mut Harness<'_, DpiaApp>, path: &Path) {
    harness.state_mut().wait_for_autosave();
    assert!(path.exists(), "{} written", path.display());
}

#[test]
fn a_register_with_no_file_is_copied_to_the_data_folder_every_30_seconds() {
    let dir = Dir::new();
    let path = dir.join("small.ron");
    fs::copy(fixture("small.ron"), &path).unwrap();
    let data_folder = dir.join("data");
    let copy = data_folder.join("recovery/untitled.recovery.ron");
    let mut harness = harness(DpiaApp::open(&path, options_with_data_folder(&data_folder)));
    harness
        .state_mut()
        .push(dpia_register::gui::MenuCommand::New);
    harness.run();
    assert_eq!(harness.state().path(), None, "a new register has no file");
    harness
        .state_mut()
        .push(dpia_register::gui::MenuCommand::AddEntry);
    harness.run();
    assert_eq!(harness.state().register().entries.len(), 1);
    assert!(!copy.exists(), "not before 30 seconds");
    let later = harness.ctx.input(|i| i.time) + 31.0;
    harness.input_mut().time = Some(later);
    harness.run();
    wait_for_file(&mut harness, &copy);
    let recovered = dpia_files::register_file::load(&copy).unwrap();
    assert_eq!(recovered.entries.len(), 1, "the new entry is in the copy");
}

#[test]
fn an_untitled_copy_left_behind_is_offered_at_start_and_restored_unsaved() {
    let dir = Dir::new();
    let path = dir.join("small.ron");
    fs::copy(fixture("small.ron"), &path).unwrap();
    let data_folder = dir.join("data");
    let mut lost = dpia_files::register_file::load(&path).unwrap();
    lost.metadata.title = "Never saved ŵ".to_owned();
    dpia_files::recovery::RecoveryCopy::Untitled {
        data_folder: data_folder.clone(),
    }
    .save(&lost)
    .unwrap();
    let mut harness = harness(DpiaApp::open(&path, options_with_data_folder(&data_folder)));
    assert!(
        harness
            .query_by_label("Recover a register that was never saved?")
            .is_some(),
        "{:?}",
        harness.state().question()
    );
    click(&mut harness, "Restore");
    let state = harness.state();
    assert_eq!(state.register().metadata.title, "Never saved ŵ");
    assert_eq!(state.path(), None, "restored as an unsaved register");
    assert!(state.is_dirty());
    assert!(state.errors().is_empty(), "{:?}", state.errors());
}

#[test]
fn an_untitled_copy_left_behind_can_be_discarded_at_start() {
    let dir = Dir::new();
    let path = dir.join("small.ron");
    fs::copy(fixture("small.ron"), &path).unwrap();
    let data_folder = dir.join("data");
    let copy = dpia_files::recovery::RecoveryCopy::Untitled {
        data_folder: data_folder.clone(),
    };
    copy.save(&dpia_core::register::Register::default())
        .unwrap();
    let mut harness = harness(DpiaApp::open(&path, options_with_data_folder(&data_folder)));
    click(&mut harness, "Discard");
    assert!(!copy.path().exists(), "the copy is gone");
    assert_eq!(harness.state().path(), Some(path.as_path()));
    assert!(!harness.state().is_dirty());
}

#[test]
fn closing_on_a_register_with_no_file_leaves_a_recovery_copy() {
    let dir = Dir::new();
    let path = dir.join("small.ron");
    fs::copy(fixture("small.ron"), &path).unwrap();
    let data_folder = dir.join("data");
    let csv = dir.join("more.csv");
    fs::write(&csv, "system,issue\nPND,Imported one\nPNC,Imported two\n").unwrap();
    let mut harness = harness(DpiaApp::open(&path, options_with_data_folder(&data_folder)));
    harness
        .state_mut()
        .push(dpia_register::gui::MenuCommand::New);
    harness.run();
    harness
        .state_mut()
        .push(dpia_register::gui::Command::ImportCsvFrom(csv));
    harness.run();
    assert_eq!(harness.state().register().entries.len(), 2);
    // The window closes (or the session ends) before any autosave was due.
    eframe::App::on_exit(harness.state_mut(), None);
    let copy = data_folder.join("recovery/untitled.recovery.ron");
    let recovered = dpia_files::register_file::load(&copy).unwrap();
    assert_eq!(recovered.entries.len(), 2, "the imported entries are kept");
}

/// The app on the bundled register in a window of `width` × `height`, with `entry` selected.
fn bundled_in_window(width: f32, height: f32, entry: &str) -> Harness<'static, DpiaApp> {
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("registers/leds-hob-open-space.ron");
    let mut harness = Harness::builder()
        .with_size(egui::vec2(width, height))
        .build_ui_state(
            |ui, app: &mut DpiaApp| app.show(ui),
            DpiaApp::open(&bundled, options()),
        );
    harness.run();
    harness
        .state_mut()
        .push(dpia_register::gui::Command::Select(Some(id(entry))));
    harness.run();
    harness.run();
    harness
}

/// The widgets of the impact grid (pickers, buttons, names, notes) that reach past `right_edge`.
///
/// Panics unless the grid drew a widget for every scored right and the editor's text fields, so
/// an empty grid cannot pass for one that fits.
fn grid_widgets_past(harness: &Harness<'_, DpiaApp>, right_edge: f32) -> Vec<String> {
    let register = harness.state().register();
    let selected = register
        .entry(harness.state().selection().unwrap())
        .unwrap();
    let mut past = Vec::new();
    let mut num_scored = 0;
    for right in &register.rights {
        if selected.impact(&right.id).is_none() {
            continue;
        }
        num_scored += 1;
        let nodes: Vec<_> = harness.query_all_by_label_contains(&right.name).collect();
        assert!(
            nodes.len() >= 2,
            "the grid shows {} with its pickers ({} widgets found)",
            right.name,
            nodes.len()
        );
        for node in nodes {
            let rect = node.rect();
            assert!(
                rect.width() > 0.0 && rect.height() > 0.0,
                "{:?} was laid out",
                node.accesskit_node().label()
            );
            if rect.right() > right_edge {
                past.push(format!(
                    "{:?} ends at {}",
                    node.accesskit_node().label(),
                    rect.right()
                ));
            }
        }
    }
    assert!(num_scored > 0, "the selected entry has scored rights");
    let text_fields: Vec<_> = harness.query_all_by_role(Role::TextInput).collect();
    assert!(
        text_fields.len() >= 3,
        "the editor shows its text fields ({} found)",
        text_fields.len()
    );
    for node in text_fields {
        let rect = node.rect();
        if rect.right() > right_edge {
            past.push(format!(
                "text field {:?} ends at {}",
                node.accesskit_node().value(),
                rect.right()
            ));
        }
    }
    past
}

#[test]
fn the_impact_grid_fits_the_default_window() {
    let harness = bundled_in_window(1400.0, 900.0, "LEDS-003");
    let past = grid_widgets_past(&harness, 1400.0 - 10.0);
    assert!(past.is_empty(), "{past:#?}");
}

#[test]
fn the_impact_grid_fits_a_small_window() {
    let harness = bundled_in_window(1024.0, 700.0, "LEDS-003");
    let past = grid_widgets_past(&harness, 1024.0 - 10.0);
    assert!(past.is_empty(), "{past:#?}");
}

#[test]
fn a_long_notice_never_overlaps_the_register_title() {
    for width in [1400.0, 1024.0] {
        let mut harness = bundled_in_window(width, 700.0, "LEDS-003");
        let dir = Dir::new();
        let csv = dir
            .path()
            .join("entries-from-the-workshop-with-the-force-leads-and-the-board-in-july.csv");
        fs::write(&csv, "system,issue\nPND,Imported one\n").unwrap();
        harness
            .state_mut()
            .push(dpia_register::gui::Command::ImportCsvFrom(csv));
        harness.run();
        let notice = harness
            .get_by_label_contains("Imported 1 entries from")
            .rect();
        let title = harness
            .get_by_label_contains("LEDS and HOB Open Space: DPIA risk register")
            .rect();
        assert!(
            notice.right() <= title.left(),
            "at {width} wide the notice {notice:?} overlaps the title {title:?}"
        );
        assert!(
            title.right() <= width,
            "the title ends at {}",
            title.right()
        );
    }
}

#[test]
fn saved_edits_enter_the_audit_trail_with_their_author_and_show_in_the_entry_history() {
    let dir = Dir::new();
    let path = dir.fixture("small.ron");
    let options = Options {
        settings: Settings {
            author_name: "Gwen Jones".to_owned(),
            ..Settings::default()
        },
        ..options()
    };
    let mut harness = harness(DpiaApp::open(&path, options));
    click(&mut harness, "PND-002");
    type_into(&mut harness, "Issue", " ŷ");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    type_into(&mut harness, "Issue", " (revised)");
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(!harness.state().is_dirty(), "saved");

    let trail = dpia_files::trail_file::load(&path).unwrap();
    assert!(trail.problems.is_empty(), "{:?}", trail.problems);
    let lines: Vec<String> = trail
        .changes()
        .map(|(block, change)| {
            format!(
                "{} {:?} {}: {} → {}",
                block.author, change.entry, change.what, change.old, change.new
            )
        })
        .collect();
    assert_eq!(
        lines,
        ["Gwen Jones Some(EntryId(\"PND-002\")) issue: Unscored entry → Unscored entry (revised)"],
        "the undone typing left no trace; the saved change did"
    );
    assert!(
        harness
            .query_by_label_contains("History: 1 saved change")
            .is_some(),
        "the entry's history says so"
    );
    // Nothing changed since: a second save adds no block.
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert_eq!(dpia_files::trail_file::load(&path).unwrap().blocks.len(), 1);
}

#[test]
fn two_tied_entries_both_read_the_rank_they_share() {
    let mut app = super::gui_util::open_bundled_sized(1400.0, 900.0);
    // LEDS-012 and PND-003 tie on every score: 7th and 8th, ordered by id alone.
    assert_eq!(app.harness.state().rank_of(&id("LEDS-012")), Some(7));
    assert_eq!(app.harness.state().rank_of(&id("PND-003")), Some(8));
    assert_eq!(
        app.harness.query_all_by_label("7=").count(),
        2,
        "both read 7="
    );
    assert!(app.harness.query_by_label("8=").is_none());
    click(&mut app.harness, "PND-003");
    assert!(app.harness.query_by_label("Rank 7 (tied) of 29").is_some());
    click(&mut app.harness, "Priorities");
    // Its rows are taller, so only the first of the two may be in view; neither reads 8=.
    assert!(app.harness.query_by_label("7=").is_some());
    assert!(
        app.harness.query_by_label("8=").is_none(),
        "in Priorities too"
    );
}

#[test]
fn reason_lines_name_rights_as_the_register_does() {
    let mut app = open_small();
    let reason =
        "must-have; residual 4 (Private and family life); inherent 12 (Private and family life)";
    click(&mut app.harness, "Priorities");
    // (The row reads it out too, so the words may be found more than once.)
    assert!(
        app.harness
            .query_all_by_label_contains(reason)
            .next()
            .is_some(),
        "in Priorities"
    );
    assert!(
        app.harness
            .query_all_by_label_contains("(privacy)")
            .next()
            .is_none()
    );
}

#[test]
fn ctrl_e_puts_the_keyboard_in_the_new_entrys_issue() {
    let mut app = open_small();
    press(&mut app.harness, Modifiers::COMMAND, Key::E);
    app.harness.run();
    let new = app.harness.state().selection().cloned().unwrap();
    assert_eq!(app.harness.state().register().entries.len(), 4);
    // Typed straight away, with no click: the keys go to the Issue field.
    app.harness
        .input_mut()
        .events
        .push(egui::Event::Text("Body-worn video retention".to_owned()));
    app.harness.run();
    assert_eq!(
        app.harness.state().register().entry(&new).unwrap().issue,
        "Body-worn video retention"
    );
}

#[test]
fn scoring_an_unscored_right_keeps_its_row_under_the_pointer() {
    let mut app = open_small();
    click(&mut app.harness, "PND-002");
    let picker = "Liberty and security inherent likelihood 3";
    let before = app.harness.get_by_label(picker).rect();
    app.harness
        .get_by_label("Liberty and security inherent severity 3")
        .click();
    app.harness.run();
    app.harness.run();
    let entry = app
        .harness
        .state()
        .register()
        .entry(&id("PND-002"))
        .unwrap();
    assert!(
        entry
            .impact(&dpia_core::register::RightId::parse("liberty").unwrap())
            .is_some(),
        "scored"
    );
    assert_eq!(
        app.harness.get_by_label(picker).rect(),
        before,
        "the row stays where the pointer is, so the next click lands on it"
    );
    app.harness.get_by_label(picker).click();
    app.harness.run();
    let entry = app
        .harness
        .state()
        .register()
        .entry(&id("PND-002"))
        .unwrap();
    let liberty = entry
        .impact(&dpia_core::register::RightId::parse("liberty").unwrap())
        .unwrap();
    assert_eq!(
        (
            liberty.inherent.severity.value(),
            liberty.inherent.likelihood.value()
        ),
        (3, 3)
    );
}

#[test]
fn a_save_as_error_goes_after_a_later_save_succeeds() {
    let mut app = open_small();
    let paper = app.path.with_file_name("paper.pdf");
    app.harness
        .state_mut()
        .push(dpia_register::gui::Command::SaveTo(paper));
    app.harness.run();
    assert_eq!(app.harness.state().errors().len(), 1, "refused: a .pdf");
    let other = app.path.with_file_name("other.ron");
    app.harness
        .state_mut()
        .push(dpia_register::gui::Command::SaveTo(other.clone()));
    app.harness.run();
    assert!(other.is_file());
    assert!(
        app.harness.state().errors().is_empty(),
        "{:?}",
        app.harness.state().errors()
    );
}

#[test]
fn a_residual_above_the_inherent_score_is_warned_of() {
    let mut app = open_small();
    click(&mut app.harness, "PND-001");
    let warning = "Liberty and security: after mitigation (16) scores above before (8)";
    assert!(app.harness.query_by_label_contains(warning).is_none());
    // Liberty is 8 before mitigation (4 × 2); likelihood 4 after makes it 16.
    click(
        &mut app.harness,
        "Liberty and security residual likelihood 4",
    );
    assert!(
        app.harness.query_by_label_contains(warning).is_some(),
        "warned"
    );
    click(
        &mut app.harness,
        "Liberty and security residual likelihood 1",
    );
    assert!(
        app.harness
            .query_by_label_contains("scores above before")
            .is_none()
    );
}

#[test]
fn a_key_typed_just_before_a_click_is_kept() {
    let mut app = open_small();
    click(&mut app.harness, "PND-001");
    type_into(&mut app.harness, "Issue", " Smit");
    // The last key and a click elsewhere arrive in the same frame, the key's text after the
    // press (as X11 can deliver them).
    app.harness.get_by_label("Add mitigation").click();
    app.harness
        .input_mut()
        .events
        .push(egui::Event::Text("h".to_owned()));
    app.harness.run();
    app.harness.run();
    let entry = app
        .harness
        .state()
        .register()
        .entry(&id("PND-001"))
        .unwrap();
    assert_eq!(entry.issue, "Colocation of PND and PNC data Smith");
}
