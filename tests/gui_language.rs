//! The app in Welsh and English: the language from the settings or `DPIA_REGISTER_LANG`, and
//! View › Language, which switches at once and is remembered.

use std::fs;

use dpia_core::register::Language;
use dpia_register::gui::DpiaApp;
use egui_kittest::kittest::Queryable;

use super::gui_util::{click, harness, options};
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
    click(&mut harness, "View");
    click(&mut harness, "Language");
    click(&mut harness, "Cymraeg");
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
    click(&mut harness, "Gweld");
    click(&mut harness, "Iaith");
    click(&mut harness, "English");
    assert!(harness.query_by_label("File").is_some(), "back to English");
    assert_eq!(
        harness.state().settings().language,
        Language::English,
        "remembered"
    );
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
    click(&mut harness, "Gweld");
    click(&mut harness, "Iaith");
    click(&mut harness, "English");
    assert!(harness.query_by_label("File").is_some(), "the choice wins");
    assert_eq!(
        harness.state().settings().language_override,
        None,
        "the override is spent"
    );
}
