//! What a screen reader and a keyboard user get from the app (issue 13, items 5 and 6): every
//! focusable node named in every view and dialog, the register table's roles, level chips and
//! must-have marks read out, and a whole edit made with keys alone.

use std::fs;

use dpia_core::register::{Likelihood, RightId, Severity};
use dpia_register::gui::{DpiaApp, MenuCommand};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};

use super::gui_util::{
    App, accesskit_tree, click, id, open_bundled_sized, open_small, press, type_into,
    unnamed_focusable,
};

fn assert_all_named(harness: &Harness<'_, DpiaApp>, place: &str) {
    let unnamed = unnamed_focusable(harness);
    assert!(
        unnamed.is_empty(),
        "{place}: {} focusable node(s) without a name:\n{}",
        unnamed.len(),
        unnamed.join("\n")
    );
}

#[test]
fn every_focusable_node_of_every_view_and_dialog_has_a_name() {
    let App { mut harness, .. } = open_bundled_sized(1400.0, 900.0);
    assert_all_named(&harness, "register view with the editor");
    for view in [
        "Priorities",
        "Heat map",
        "Register details",
        "Snapshots",
        "Actions",
        "Workshop",
        "Register",
    ] {
        click(&mut harness, view);
        assert_all_named(&harness, view);
    }
    for (command, place) in [
        (MenuCommand::Open, "the path field"),
        (MenuCommand::ExportPdf, "the export dialog"),
        (MenuCommand::Settings, "the settings window"),
    ] {
        harness.state_mut().push(command);
        harness.run();
        assert_all_named(&harness, place);
        press(&mut harness, Modifiers::NONE, Key::Escape);
    }
    click(&mut harness, "Workshop");
    click(&mut harness, "Start workshop…");
    assert_all_named(&harness, "the workshop's start dialog");
}

#[test]
fn the_workshop_presenter_names_every_focusable_node() {
    let mut app = open_small();
    let h = &mut app.harness;
    click(h, "Workshop");
    click(h, "Start workshop…");
    type_into(h, "Participant 1", "Liberty");
    click(h, "Start session");
    assert!(h.state().workshop_session().is_some());
    assert_all_named(h, "the presenter");
    // The session's buttons: in reading order, still at the right end.
    let discard = h.get_by_label("Discard session…").rect();
    let end = h.get_by_label("End session…").rect();
    assert!(discard.max.x < end.min.x, "{discard:?} {end:?}");
    assert!(end.max.x > 1300.0, "{end:?}");
}

#[test]
fn the_register_table_has_rows_and_cells_and_the_selected_row_is_selected() {
    let app = open_small();
    let table = app
        .harness
        .get_by_role_and_label(Role::Table, "Register entries");
    let rows: Vec<_> = table
        .accesskit_node()
        .children()
        .filter(|node| node.role() == Role::Row)
        .collect();
    assert_eq!(rows.len(), 4, "a header row and three entries");
    let header: Vec<_> = rows[0].children().map(|cell| cell.role()).collect();
    assert!(
        header.iter().all(|role| *role == Role::ColumnHeader) && header.len() >= 8,
        "{header:?}"
    );
    let names: Vec<String> = rows[1..]
        .iter()
        .map(|row| row.label().unwrap_or_default())
        .collect();
    assert_eq!(
        names,
        [
            "PNC-002 Retention of records of the unconvicted",
            "PND-001 Colocation of PND and PNC data",
            "PND-002 Unscored entry",
        ]
    );
    let selected: Vec<bool> = rows[1..]
        .iter()
        .map(|row| row.is_selected() == Some(true))
        .collect();
    assert_eq!(selected, [true, false, false], "rank 1 is selected");
    let cells: Vec<Role> = rows[1].children().map(|cell| cell.role()).collect();
    assert!(cells.iter().all(|role| *role == Role::Cell), "{cells:?}");
}

#[test]
fn level_chips_and_the_must_have_mark_are_read_out() {
    let app = open_small();
    let h = &app.harness;
    // PNC-002: inherent 12, residual 4; in the table, in the editor's header and in the grid.
    assert!(
        h.get_all_by_value("12 very high").count() >= 3,
        "{}",
        accesskit_tree(h)
    );
    assert!(h.get_all_by_value("4 medium").count() >= 2);
    assert!(h.query_by_value("★ must").is_some());
    assert!(h.get_all_by_value("not scored").count() >= 1);
}

#[test]
fn fields_that_share_a_visible_label_have_names_of_their_own() {
    let mut app = open_small();
    let h = &mut app.harness;
    assert!(
        h.query_by_role_and_label(Role::TextInput, "Search entries")
            .is_some()
    );
    assert!(
        h.query_by_role_and_label(Role::TextInput, "Add an affected group")
            .is_some()
    );
    assert!(
        h.query_by_role_and_label(Role::TextInput, "Note on Private and family life")
            .is_some()
    );
    click(h, "Add mitigation");
    assert!(
        h.query_by_role_and_label(Role::TextInput, "Mitigation 1 owner")
            .is_some()
    );
    click(h, "Register details");
    assert!(
        h.query_by_role_and_label(Role::TextInput, "Register owner")
            .is_some()
    );
    click(h, "Actions");
    assert!(
        h.query_by_role_and_label(Role::TextInput, "Owner filter")
            .is_some()
    );
}

/// Presses Tab until the focused node is named `name`, at most `limit` times; panics when it
/// never is.
fn tab_to(harness: &mut Harness<'_, DpiaApp>, name: &str, limit: usize) {
    tab_until(harness, |focused| focused == name, limit, name);
}

/// Presses Tab until the focused node's name passes `is_it`, at most `limit` times; panics, naming
/// `what`, when it never does.
fn tab_until(
    harness: &mut Harness<'_, DpiaApp>,
    is_it: impl Fn(&str) -> bool,
    limit: usize,
    what: &str,
) {
    for _ in 0..limit {
        if focused_name(harness).is_some_and(|name| is_it(&name)) {
            return;
        }
        press(harness, Modifiers::NONE, Key::Tab);
    }
    panic!(
        "Tab never reached {what:?}; the focus is on {:?}",
        focused_name(harness)
    );
}

fn focused_name(harness: &Harness<'_, DpiaApp>) -> Option<String> {
    harness
        .root()
        .children_recursive()
        .map(|node| node.accesskit_node())
        .find(egui_kittest::kittest::AccessKitNode::is_focused)
        .and_then(|node| node.label())
}

#[test]
fn a_whole_edit_with_keys_alone() {
    let mut app = open_small();
    let h = &mut app.harness;
    // Select an entry: Tab to the table, then the arrow keys move the selection.
    tab_to(h, "Register entries", 60);
    press(h, Modifiers::NONE, Key::ArrowDown);
    assert_eq!(h.state().selection(), Some(&id("PND-001")));
    press(h, Modifiers::NONE, Key::End);
    assert_eq!(h.state().selection(), Some(&id("PND-002")), "the last row");
    press(h, Modifiers::NONE, Key::ArrowUp);
    assert_eq!(h.state().selection(), Some(&id("PND-001")), "up again");

    // Change a residual score: Tab to the picker, arrows move within it.
    let picker = "Private and family life residual severity";
    tab_to(h, picker, 80);
    let privacy = RightId::parse("privacy").unwrap();
    let residual = |h: &Harness<'_, DpiaApp>| {
        let entry = h.state().register().entry(&id("PND-001")).unwrap();
        entry.impact(&privacy).and_then(|impact| impact.residual)
    };
    let before = residual(h).unwrap().severity;
    press(h, Modifiers::NONE, Key::ArrowLeft);
    let after = residual(h).unwrap();
    assert!(after.severity < before, "{before:?} → {after:?}");
    press(h, Modifiers::NONE, Key::Home);
    assert_eq!(residual(h).unwrap().severity, Severity::Negligible);
    // Tab goes on to the likelihood picker, not to the next box.
    press(h, Modifiers::NONE, Key::Tab);
    assert_eq!(
        focused_name(h).as_deref(),
        Some("Private and family life residual likelihood")
    );
    press(h, Modifiers::NONE, Key::End);
    assert_eq!(residual(h).unwrap().likelihood, Likelihood::AlmostCertain);

    // Add a mitigation: Shift+Tab back to the button, Space presses it.
    let mitigations = h
        .state()
        .register()
        .entry(&id("PND-001"))
        .unwrap()
        .mitigations
        .len();
    for _ in 0..60 {
        if focused_name(h).as_deref() == Some("Add mitigation") {
            break;
        }
        press(h, Modifiers::SHIFT, Key::Tab);
    }
    assert_eq!(focused_name(h).as_deref(), Some("Add mitigation"));
    press(h, Modifiers::NONE, Key::Space);
    let entry = h.state().register().entry(&id("PND-001")).unwrap();
    assert_eq!(entry.mitigations.len(), mitigations + 1);

    // Save.
    press(h, Modifiers::COMMAND, Key::S);
    assert!(!h.state().is_dirty(), "{:?}", h.state().errors());
    let saved = fs::read_to_string(&app.path).unwrap();
    assert!(
        saved.contains("AlmostCertain"),
        "the residual judgement is saved"
    );
}

/// Writes the register view's AccessKit tree to `docs/accesskit-register-view.txt` when
/// `DUMP_ACCESSKIT=1`; otherwise checks that the file still describes the app.
#[test]
fn the_register_views_accesskit_dump_is_current() {
    let app = open_small();
    let tree = accesskit_tree(&app.harness);
    let tree = tree
        .lines()
        .filter(|line| !line.trim_start().starts_with("TextRun"))
        .map(|line| {
            // The fixture's folder differs from run to run.
            if line.contains("/tmp/") || line.contains(".tmp") {
                let indent = line.len() - line.trim_start().len();
                format!("{:indent$}Label = \"…/small.ron\"", "")
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n";
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs")
        .join("accesskit-register-view.txt");
    if std::env::var_os("DUMP_ACCESSKIT").is_some() {
        dpia_files::atomic::write(&path, tree.as_bytes()).unwrap();
    }
    let saved = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        saved == tree,
        "docs/accesskit-register-view.txt is out of date: run with DUMP_ACCESSKIT=1"
    );
}

#[test]
fn tab_runs_left_to_right_through_right_aligned_button_groups() {
    let mut app = open_small();
    let h = &mut app.harness;
    click(h, "Add mitigation");
    tab_to(h, "Add entry", 40);
    press(h, Modifiers::NONE, Key::Tab);
    assert_eq!(focused_name(h).as_deref(), Some("Undo"), "the toolbar");
    tab_to(h, "Duplicate", 80);
    press(h, Modifiers::NONE, Key::Tab);
    assert_eq!(
        focused_name(h).as_deref(),
        Some("Delete"),
        "the editor's header"
    );
    tab_to(h, "Remove mitigation 1", 80);
    let x = |h: &Harness<'_, DpiaApp>, name: &str| h.get_by_label(name).rect().min.x;
    assert!(x(h, "Move mitigation 1 up") < x(h, "Move mitigation 1 down"));
    assert!(x(h, "Move mitigation 1 down") < x(h, "Remove mitigation 1"));
    // Still at the right end of the column, where the Issue field ends.
    let right_edge = h.get_by_label("Remove mitigation 1").rect().max.x;
    let column_edge = h
        .get_by_role_and_label(Role::TextInput, "Issue")
        .rect()
        .max
        .x;
    assert!(
        (right_edge - column_edge).abs() < 24.0,
        "{right_edge} vs {column_edge}"
    );
}

#[test]
fn the_editor_scrolls_to_the_widget_tab_moves_to() {
    let App { mut harness, .. } = open_bundled_sized(1024.0, 700.0);
    let h = &mut harness;
    let below_the_fold = |h: &Harness<'_, DpiaApp>, role: Role, name: &str| {
        h.get_by_role_and_label(role, name).rect().max.y > 700.0
    };
    assert!(
        below_the_fold(h, Role::TextInput, "Source"),
        "the test needs it out of view"
    );
    tab_to(h, "Source", 200);
    assert!(
        !below_the_fold(h, Role::TextInput, "Source"),
        "the field scrolled into view"
    );
    let picker = "Thought, conscience and religion inherent severity";
    assert!(
        below_the_fold(h, Role::Slider, picker),
        "the test needs it out of view"
    );
    tab_to(h, picker, 200);
    assert!(
        !below_the_fold(h, Role::Slider, picker),
        "the picker scrolled into view"
    );
}

/// The entry id in a ranked row's name, "Rank 2: PND-003 Retention…".
fn entry_of_row(name: &str) -> dpia_core::register::EntryId {
    let id = name.split(' ').nth(2).unwrap_or_default();
    dpia_core::register::EntryId::parse(id).unwrap_or_else(|_| panic!("no entry id in {name:?}"))
}

#[test]
fn the_priorities_rows_are_reached_moved_between_and_opened_with_keys_alone() {
    let mut app = open_small();
    let h = &mut app.harness;
    tab_to(h, "Priorities", 40);
    press(h, Modifiers::NONE, Key::Space);
    assert_eq!(h.state().view(), dpia_register::gui::View::Priorities);
    let selected_before = h.state().selection().cloned();

    // Tab reaches the first row, named as a screen reader says it.
    tab_to_row(h, "Rank 1: ");
    let first = focused_name(h).unwrap_or_default();
    let row = h.get_by_role_and_label(Role::Row, &first);
    assert!(
        super::gui_util::is_focusable(&row.accesskit_node()),
        "a row is a Tab stop"
    );

    // ↓ moves the focus, not the selection; Enter opens the row, as a click does.
    press(h, Modifiers::NONE, Key::ArrowDown);
    let second = focused_name(h).unwrap_or_default();
    assert!(
        second.starts_with("Rank 2: "),
        "↓ to the second row: {second}"
    );
    assert_eq!(
        h.state().selection().cloned(),
        selected_before,
        "moving the focus selects nothing"
    );
    press(h, Modifiers::NONE, Key::Enter);
    assert_eq!(h.state().selection(), Some(&entry_of_row(&second)));
    assert_eq!(
        h.get_by_role_and_label(Role::Row, &second)
            .accesskit_node()
            .data()
            .is_selected(),
        Some(true),
        "the row opened is the selected row"
    );

    // Tab goes on to the next row, ↑ back; Space opens.
    press(h, Modifiers::NONE, Key::Tab);
    let third = focused_name(h).unwrap_or_default();
    assert!(
        third.starts_with("Rank 3: "),
        "Tab to the third row: {third}"
    );
    press(h, Modifiers::NONE, Key::ArrowUp);
    press(h, Modifiers::NONE, Key::ArrowUp);
    assert_eq!(focused_name(h).as_deref(), Some(first.as_str()), "↑ ↑");
    press(h, Modifiers::NONE, Key::Space);
    assert_eq!(h.state().selection(), Some(&entry_of_row(&first)));
    press(h, Modifiers::NONE, Key::End);
    assert!(
        focused_name(h).is_some_and(|name| name.starts_with("Rank 3: ")),
        "End: the last row"
    );
    assert_all_named(h, "the Priorities view with a row focused");

    // A click still opens a row, and the focus follows it.
    h.get_by_role_and_label(Role::Row, &second).click();
    h.run();
    assert_eq!(h.state().selection(), Some(&entry_of_row(&second)));
    assert_eq!(focused_name(h).as_deref(), Some(second.as_str()));
}

#[test]
fn end_and_home_reach_ranked_rows_scrolled_out_of_view() {
    let App { mut harness, .. } = open_bundled_sized(1400.0, 900.0);
    let h = &mut harness;
    click(h, "Priorities");
    let ranked = dpia_core::ranking::rank(h.state().register());
    assert!(ranked.len() > 20, "more rows than the window shows");
    let last = &h.state().register().entries[ranked[ranked.len() - 1].entry_idx].id;
    let last = last.clone();
    tab_to_row(h, "Rank 1: ");
    press(h, Modifiers::NONE, Key::End);
    let focused = focused_name(h).unwrap_or_default();
    assert_eq!(entry_of_row(&focused), last, "End: {focused}");
    press(h, Modifiers::NONE, Key::ArrowUp);
    let focused = focused_name(h).unwrap_or_default();
    let before_last = &h.state().register().entries[ranked[ranked.len() - 2].entry_idx].id;
    assert_eq!(&entry_of_row(&focused), before_last, "↑ from the last row");
    press(h, Modifiers::NONE, Key::Home);
    assert!(
        focused_name(h).is_some_and(|name| name.starts_with("Rank 1: ")),
        "Home: the first row"
    );
}

/// Presses Tab until a ranked row whose name starts with `start` has the focus.
fn tab_to_row(harness: &mut Harness<'_, DpiaApp>, start: &str) {
    tab_until(harness, |name| name.starts_with(start), 200, start);
}
