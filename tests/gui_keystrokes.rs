//! What was typed is kept when a click follows at once: the last keystroke and the click that
//! moves on reach the app in the same frame (a quick typist's ~20 ms), and the text field must take
//! the keystroke before the click takes its focus away.

use egui::{Event, Modifiers, PointerButton};
use egui_kittest::kittest::Queryable;

use super::gui_util::{App, click, field, id, open_small, type_into};

const FIELD: &str = "Concern";

/// PND-001 selected and " Smit" typed at the end of its concern; the concern as it was before.
fn typing_a_name() -> (App, String) {
    let mut app = open_small();
    click(&mut app.harness, "PND-001");
    let before = concern(&app);
    type_into(&mut app.harness, FIELD, " Smit");
    (app, before)
}

fn concern(app: &App) -> String {
    let register = app.harness.state().register();
    register.entry(&id("PND-001")).unwrap().concern.clone()
}

#[test]
fn the_last_keystroke_before_a_click_elsewhere_is_kept() {
    let (mut app, before) = typing_a_name();

    // The "h" and the click on another entry arrive together, in one frame.
    field(&app.harness, FIELD).type_text("h");
    app.harness.get_by_label("PND-002").click();
    app.harness.run();

    assert_eq!(
        concern(&app),
        format!("{before} Smith"),
        "every keystroke kept"
    );
    assert_eq!(
        app.harness.state().selection(),
        Some(&id("PND-002")),
        "and the click went where it was aimed"
    );
}

#[test]
fn a_keystroke_that_arrives_between_press_and_release_is_kept() {
    let (mut app, before) = typing_a_name();

    let row = app.harness.get_by_label("PND-002").rect().center();
    let button = |pressed| Event::PointerButton {
        pos: row,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    app.harness.event(Event::PointerMoved(row));
    app.harness.event(button(true));
    app.harness.step();
    app.harness.event(Event::Text("h".to_owned()));
    app.harness.event(button(false));
    app.harness.run();

    assert_eq!(
        concern(&app),
        format!("{before} Smith"),
        "every keystroke kept"
    );
}
