//! Dates typed into the app: the British way and by ISO go in; a mistyped one stays in its field,
//! in red with the reason beside it, until it is put right, and is never silently dropped.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use jiff::civil::{Date, date};

use super::gui_util::{App, click, id, open_small, press, replace_text, text_in};

const FIELD: &str = "Mitigation 1 due date";

fn due(app: &App, entry: &str) -> Option<Date> {
    app.harness
        .state()
        .register()
        .entry(&id(entry))
        .unwrap()
        .mitigations[0]
        .due
}

/// PND-001, whose first mitigation is due 2019-10-31, selected.
fn open_with_a_due_date() -> (App, &'static str) {
    let mut app = open_small();
    click(&mut app.harness, "PND-001");
    assert_eq!(
        due(&app, "PND-001"),
        Some(date(2019, 10, 31)),
        "the fixture's due date"
    );
    (app, "PND-001")
}

#[test]
fn a_due_date_typed_the_british_way_goes_in() {
    let (mut app, entry) = open_with_a_due_date();
    replace_text(&mut app.harness, FIELD, "1/12/2019");
    assert_eq!(due(&app, entry), Some(date(2019, 12, 1)), "day first");
    press(&mut app.harness, Modifiers::NONE, Key::Escape);
    app.harness.run();
    assert_eq!(text_in(&app.harness, FIELD).as_deref(), Some("2019-12-01"));
    replace_text(&mut app.harness, FIELD, "31 Jan 2020");
    assert_eq!(due(&app, entry), Some(date(2020, 1, 31)));
}

#[test]
fn a_mistyped_due_date_stays_with_the_reason_until_put_right() {
    let (mut app, entry) = open_with_a_due_date();
    replace_text(&mut app.harness, FIELD, "2019-13-40");
    press(&mut app.harness, Modifiers::NONE, Key::Escape);
    app.harness.run();
    app.harness.run();
    assert_eq!(
        text_in(&app.harness, FIELD).as_deref(),
        Some("2019-13-40"),
        "what was typed is kept when the field loses focus"
    );
    assert!(
        app.harness
            .query_by_label_contains("there is no month 13")
            .is_some(),
        "the reason is shown"
    );
    assert_eq!(
        due(&app, entry),
        Some(date(2019, 10, 31)),
        "the date is unchanged"
    );
    // Put right, it goes in and the reason goes.
    replace_text(&mut app.harness, FIELD, "2019-11-30");
    press(&mut app.harness, Modifiers::NONE, Key::Escape);
    assert_eq!(due(&app, entry), Some(date(2019, 11, 30)));
    assert!(
        app.harness
            .query_by_label_contains("is not a date")
            .is_none()
    );
    assert_eq!(text_in(&app.harness, FIELD).as_deref(), Some("2019-11-30"));
}
