//! What was typed is kept when a click follows at once: the last keystroke and the click that
//! moves on reach the app in the same frame (a quick typist's ~20 ms), and the text field must take
//! the keystroke before the click takes its focus away.

use egui_kittest::kittest::Queryable;

use super::gui_util::{click, field, id, open_small, type_into};

const FIELD: &str = "Concern";

#[test]
fn the_last_keystroke_before_a_click_elsewhere_is_kept() {
    let mut app = open_small();
    click(&mut app.harness, "PND-001");
    let before = app
        .harness
        .state()
        .register()
        .entry(&id("PND-001"))
        .unwrap()
        .concern
        .clone();
    type_into(&mut app.harness, FIELD, " Smit");

    // The "h" and the click on another entry arrive together, in one frame.
    field(&app.harness, FIELD).type_text("h");
    app.harness.get_by_label("PND-002").click();
    app.harness.run();

    let concern = &app
        .harness
        .state()
        .register()
        .entry(&id("PND-001"))
        .unwrap()
        .concern;
    assert_eq!(*concern, format!("{before} Smith"), "every keystroke kept");
    assert_eq!(
        app.harness.state().selection(),
        Some(&id("PND-002")),
        "and the click went where it was aimed"
    );
}

#[test]
fn a_keystroke_that_arrives_between_press_and_release_is_kept() {
    let mut app = open_small();
    click(&mut app.harness, "PND-001");
    let before = app
        .harness
        .state()
        .register()
        .entry(&id("PND-001"))
        .unwrap()
        .concern
        .clone();
    type_into(&mut app.harness, FIELD, " Smit");

    let row = app.harness.get_by_label("PND-002").rect().center();
    let button = |pressed| egui::Event::PointerButton {
        pos: row,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    app.harness.event(egui::Event::PointerMoved(row));
    app.harness.event(button(true));
    app.harness.step();
    app.harness.event(egui::Event::Text("h".to_owned()));
    app.harness.event(button(false));
    app.harness.run();

    let concern = &app
        .harness
        .state()
        .register()
        .entry(&id("PND-001"))
        .unwrap()
        .concern;
    assert_eq!(*concern, format!("{before} Smith"), "every keystroke kept");
}
