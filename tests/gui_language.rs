//! The app in Welsh and English: the language from the settings or `DPIA_REGISTER_LANG`, and
//! View › Language, which switches at once and is remembered.

use std::fs;

use dpia_core::register::Language;
use dpia_register::gui::DpiaApp;
use egui_kittest::kittest::Queryable;

use egui::accesskit::Role;
use egui::{Key, Modifiers};

use super::gui_util::{click, harness, options, press, replace_text};
use super::util::{Dir, fixture};

/// The app open on a copy of `small.ron` with `settings` changed by `configure`.
fn open_small_in(
    configure: impl FnOnce(&mut dpia_register::gui::Settings),
) -> (Dir, egui_kittest::Harness<'static, DpiaApp>) {
    let dir = Dir::new();
    let path = dir.path().join("small.ron");
    fs::copy(fixture("small.ron"), &path).unwrap();
    let mut options = options();
    configure(&mut options.settings);
    let harness = harness(DpiaApp::open(&path, options));
    (dir, harness)
}

#[test]
fn in_welsh_the_register_view_shows_welsh_menus_views_and_columns() {
    let (_dir, harness) = open_small_in(|settings| settings.language = Language::Welsh);
    for welsh in [
        "Ffeil",
        "Golygu",
        "Gweld",
        "Gweithdai",
        "Cofrestr",
        "Mater",
        "Pryder",
    ] {
        let shown = harness.query_all_by_label(welsh).count();
        assert!(shown > 0, "{welsh} is shown");
    }
    for english in ["File", "Edit", "View", "Workshops", "Issue", "Concern"] {
        let shown = harness.query_all_by_label(english).count();
        assert_eq!(shown, 0, "{english} is not shown");
    }
    assert!(
        harness.query_by_label_contains("Safle 1 o 3").is_some(),
        "the editor's header is Welsh"
    );
}

#[test]
fn view_language_switches_at_once_and_is_remembered() {
    let (_dir, mut harness) = open_small_in(|_| {});
    assert!(
        harness.query_by_label("File").is_some(),
        "English by default"
    );
    choose_language(&mut harness, ["View", "Language", "Cymraeg"]);
    assert!(harness.query_by_label("Ffeil").is_some(), "Welsh at once");
    assert!(
        harness.query_by_label("File").is_none(),
        "no English menu left"
    );
    assert_eq!(
        harness.state().settings().language,
        Language::Welsh,
        "remembered"
    );
    choose_language(&mut harness, ["Gweld", "Iaith", "English"]);
    assert!(harness.query_by_label("File").is_some(), "back to English");
    assert_eq!(
        harness.state().settings().language,
        Language::English,
        "remembered"
    );
}

/// Chooses a language from the menus, in the words they are shown in: the view menu, its
/// language menu, the language.
fn choose_language(harness: &mut egui_kittest::Harness<'static, DpiaApp>, labels: [&str; 3]) {
    for label in labels {
        click(harness, label);
    }
}

#[test]
fn the_environment_override_wins_until_a_language_is_chosen() {
    let (_dir, mut harness) = open_small_in(|settings| {
        settings.language = Language::English;
        settings.language_override = Some(Language::Welsh);
    });
    assert!(
        harness.query_by_label("Ffeil").is_some(),
        "the override is shown"
    );
    assert_eq!(
        harness.state().settings().language,
        Language::English,
        "and not saved"
    );
    choose_language(&mut harness, ["Gweld", "Iaith", "English"]);
    assert!(harness.query_by_label("File").is_some(), "the choice wins");
    assert_eq!(
        harness.state().settings().language_override,
        None,
        "the override is spent"
    );
}

#[test]
fn register_details_set_the_papers_language_and_rename_rights_undoably() {
    let (_dir, mut harness) = open_small_in(|_| {});
    click(&mut harness, "Register details");
    replace_text(&mut harness, "Name of right privacy", "Preifatrwydd");
    replace_text(
        &mut harness,
        "Legal reference of right privacy",
        "ECHR Erthygl 8",
    );
    harness
        .get_by_role_and_label(Role::ComboBox, "Language of its papers")
        .click();
    harness.run();
    click(&mut harness, "Cymraeg");
    let register = harness.state().register();
    let privacy = register
        .rights
        .iter()
        .find(|r| r.id.as_str() == "privacy")
        .unwrap();
    assert_eq!(privacy.name, "Preifatrwydd");
    assert_eq!(privacy.legal_reference, "ECHR Erthygl 8");
    assert_eq!(register.metadata.language, Language::Welsh);
    assert!(
        harness.query_by_label("File").is_some(),
        "the app's own language is apart"
    );
    for _ in 0..3 {
        press(&mut harness, Modifiers::COMMAND, Key::Z);
    }
    let register = harness.state().register();
    let privacy = register
        .rights
        .iter()
        .find(|r| r.id.as_str() == "privacy")
        .unwrap();
    assert_eq!(privacy.name, "Private and family life", "undone");
    assert_eq!(register.metadata.language, Language::English, "undone");
}

#[test]
fn in_welsh_a_register_that_does_not_parse_is_reported_in_welsh_at_its_place() {
    let dir = Dir::new();
    let path = dir.path().join("torri.ron");
    let text = fs::read_to_string(fixture("small.ron")).unwrap();
    // The first issue's opening quote taken out: RON fails at line 27.
    let broken = text.replacen(
        "issue: \"Colocation of PND and PNC data\"",
        "issue: Colocation of PND and PNC data\"",
        1,
    );
    assert_ne!(broken, text, "the fixture has the issue");
    fs::write(&path, broken).unwrap();
    let mut options = options();
    options.settings.language = Language::Welsh;
    let harness = harness(DpiaApp::open(&path, options));
    let errors = harness.state().errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    let place = format!("{}:27:", path.display());
    assert!(errors[0].starts_with(&place), "{}", errors[0]);
    assert!(
        errors[0].contains(": nid yw hon yn gofrestr y gellir ei darllen: "),
        "{}",
        errors[0]
    );
    assert_shown(&harness, &errors[0]);
}

#[test]
fn in_welsh_a_save_that_fails_says_so_in_welsh_with_the_file() {
    let (dir, mut harness) = open_small_in(|settings| settings.language = Language::Welsh);
    // A folder where the file should be: it is never replaced.
    let folder = dir.path().join("ffolder.ron");
    fs::create_dir(&folder).unwrap();
    let errors = errors_after(
        &mut harness,
        dpia_register::gui::Command::SaveTo(folder.clone()),
    );
    assert_eq!(
        errors,
        [format!(
            "{}: nid yw’n ffeil gyffredin (ffolder, pibell neu ddyfais) ac ni chaiff byth ei disodli",
            folder.display()
        )]
    );
    assert_shown(&harness, "nid yw’n ffeil gyffredin");
}

/// The errors the app reports once it has carried out `command` and drawn its outcome.
fn errors_after(
    harness: &mut egui_kittest::Harness<'static, DpiaApp>,
    command: dpia_register::gui::Command,
) -> Vec<String> {
    harness.state_mut().push(command);
    // One frame carries the command out, the next draws its outcome.
    harness.run();
    harness.run();
    harness.state().errors().to_vec()
}

/// Fails unless the window shows `text`.
fn assert_shown(harness: &egui_kittest::Harness<'static, DpiaApp>, text: &str) {
    assert!(
        harness.query_by_label_contains(text).is_some(),
        "{text} is shown in the window: {}",
        super::gui_util::accesskit_tree(harness)
    );
}

#[test]
fn in_welsh_a_merge_conflict_says_where_it_is_in_welsh() {
    let dir = Dir::new();
    let base = dpia_files::register_file::load(&fixture("small.ron")).unwrap();
    let mut ours = base.clone();
    ours.metadata.title = "Ours".to_owned();
    let mut theirs = base.clone();
    theirs.metadata.title = "Theirs".to_owned();
    let merged = dpia_core::merge::merge(&base, &ours, &theirs);
    let path = dir.path().join("cyfunwyd.ron");
    dpia_files::register_file::save(&merged.register, &path).unwrap();
    let mut options = options();
    options.settings.language = Language::Welsh;
    let harness = harness(DpiaApp::open(&path, options));
    assert!(
        harness.query_by_label("1. teitl y gofrestr").is_some(),
        "the conflict's place, in Welsh"
    );
    assert!(harness.query_by_label("1. register title").is_none());
}

#[test]
fn in_welsh_a_spreadsheet_row_that_cannot_be_used_is_told_in_welsh_at_its_row() {
    let (dir, mut harness) = open_small_in(|settings| settings.language = Language::Welsh);
    let csv = dir.path().join("drwg.csv");
    fs::write(
        &csv,
        "system,issue,votes,mitigation,mitigation_due\n\
         PND,Iawn,1,,\n\
         PND,Pleidleisiau drwg,llawer,Hyfforddi,31/12/2019\n",
    )
    .unwrap();
    let errors = errors_after(
        &mut harness,
        dpia_register::gui::Command::ImportCsvFrom(csv.clone()),
    );
    assert_eq!(
        errors,
        [format!(
            "{}:3: ni ellir defnyddio’r rhes hon: mitigation_due: nid yw `31/12/2019` yn ddyddiad \
             (BBBB-MM-DD); votes: nid yw `llawer` yn rhif cyfan",
            csv.display()
        )],
        "every word of the problem is Welsh; the column names are the sheet's own"
    );
    assert_shown(&harness, "nid yw `llawer` yn rhif cyfan");
    assert_eq!(harness.state().register().entries.len(), 3, "nothing added");
}
