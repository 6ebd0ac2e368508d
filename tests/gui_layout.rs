//! The app at the window sizes users have: 1024 × 700 (a projector, a small laptop), 1400 × 900
//! and 1920 × 1080. Nothing overlaps, nothing the user needs is out of reach, and names are not
//! cut short where there is room.

use dpia_register::gui::{Command, View};
use egui::Rect;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

use super::gui_util::{App, click, open_bundled_sized};

/// The rect of each widget in the top `height` points whose label starts with one of `labels`.
fn rects_near_top(app: &App, labels: &[&str], height: f32) -> Vec<(String, Rect)> {
    let mut found = Vec::new();
    for label in labels {
        let nodes: Vec<_> = app
            .harness
            .query_all_by_label_contains(label)
            .filter(|node| node.rect().top() < height)
            .collect();
        let folded = app
            .harness
            .query_by_label("Rhagor o weddau")
            .or_else(|| app.harness.query_by_label("More views"))
            .is_some();
        assert!(
            !nodes.is_empty() || (folded && !NEVER_FOLDED.contains(label)),
            "{label} is shown near the top, or (a view) under the » menu"
        );
        for node in nodes {
            found.push(((*label).to_owned(), node.rect()));
        }
    }
    found
}

fn assert_apart(rects: &[(String, Rect)]) {
    for (i, (a, a_rect)) in rects.iter().enumerate() {
        for (b, b_rect) in &rects[i + 1..] {
            let overlap = a_rect.intersect(*b_rect);
            assert!(
                overlap.width() <= 0.5 || overlap.height() <= 0.5,
                "{a} {a_rect:?} overlaps {b} {b_rect:?}"
            );
        }
    }
}

const TOOLBAR: [&str; 11] = [
    "Register",
    "Priorities",
    "Heat map",
    "Snapshots",
    "Workshop",
    "Conflicts",
    "Actions",
    "OFFICIAL",
    "Add entry",
    "Undo",
    "Redo",
];

/// The marking and the buttons, never under the » menu of views.
const NEVER_FOLDED: [&str; 7] = [
    "OFFICIAL",
    "Add entry",
    "Undo",
    "Redo",
    "Ychwanegu cofnod",
    "Dadwneud",
    "Ailwneud",
];

/// The toolbar in Welsh, whose names are longer.
const TOOLBAR_CY: [&str; 12] = [
    "Cofrestr",
    "Blaenoriaethau",
    "Map gwres",
    "Manylion",
    "Cipluniau",
    "Gweithdy",
    "Gwrthdaro",
    "Camau gweithredu",
    "OFFICIAL",
    "Ychwanegu cofnod",
    "Dadwneud",
    "Ailwneud",
];

#[test]
fn at_1024_the_toolbar_and_the_search_box_do_not_overlap() {
    assert_toolbar_apart(open_bundled_sized(1024.0, 700.0), &TOOLBAR);
}

#[test]
fn at_1024_in_welsh_with_the_longest_marking_the_toolbar_does_not_overlap() {
    let dir = super::util::Dir::new();
    let path = dir.bundled("leds-hob-open-space.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let sensitive = text.replacen("marking: Official,", "marking: OfficialSensitive,", 1);
    assert_ne!(sensitive, text, "the bundled register is marked OFFICIAL");
    std::fs::write(&path, sensitive).unwrap();
    let mut options = super::gui_util::options();
    options.settings.language = dpia_core::register::Language::Welsh;
    let harness = super::gui_util::harness_sized(
        dpia_register::gui::DpiaApp::open(&path, options),
        1024.0,
        700.0,
    );
    let mut app = App { harness, path, dir };
    // The views there is no room for are under the » menu, each one click away (Conflicts is
    // offered only while there are conflicts, or while it is shown).
    let folded: Vec<&str> = TOOLBAR_CY[..8]
        .iter()
        .copied()
        .filter(|view| *view != "Gwrthdaro")
        .filter(|view| {
            !app.harness
                .query_all_by_label(view)
                .any(|node| node.rect().top() < 80.0)
        })
        .collect();
    assert!(
        !folded.is_empty(),
        "the Welsh names and the long marking do not all fit"
    );
    click(&mut app.harness, "Rhagor o weddau");
    for view in &folded {
        assert!(
            app.harness.query_by_label(view).is_some(),
            "{view} is in the » menu"
        );
    }
    click(&mut app.harness, folded[0]);
    app.harness.run();
    assert!(
        app.harness
            .query_all_by_label(folded[0])
            .any(|node| node.rect().top() < 80.0),
        "the view shown, {}, is in the bar, not hidden in the menu",
        folded[0]
    );
    assert_toolbar_apart(app, &TOOLBAR_CY);
}

/// With the Conflicts view shown (it makes the switcher its widest), every one of `labels` shown
/// and the search box are inside the window and apart; a view there is no room for may be under
/// the » menu instead.
fn assert_toolbar_apart(mut app: App, labels: &[&str]) {
    // The Conflicts view is offered when it is shown; it makes the switcher its widest.
    app.harness
        .state_mut()
        .push(Command::ShowView(View::Conflicts));
    app.harness.run();
    app.harness.run();
    let mut rects = rects_near_top(&app, labels, 80.0);
    let search: Vec<_> = app
        .harness
        .query_all_by_role(Role::TextInput)
        .filter(|node| node.rect().top() < 80.0)
        .map(|node| ("search".to_owned(), node.rect()))
        .collect();
    assert_eq!(search.len(), 1, "one search box at the top");
    assert!(search[0].1.width() >= 150.0, "{:?}", search[0].1);
    rects.extend(search);
    // "Register" also matches "Register details": both are checked, as two widgets.
    rects.dedup_by(|a, b| a.1 == b.1);
    for (label, rect) in &rects {
        assert!(
            rect.right() <= 1024.0 + 0.5,
            "{label} {rect:?} is off the window"
        );
    }
    assert_apart(&rects);
}

#[test]
fn at_1400_the_search_box_stays_in_the_toolbar() {
    let app = open_bundled_sized(1400.0, 900.0);
    let menus = app.harness.get_by_label("File").rect();
    let search = app
        .harness
        .query_all_by_role(Role::TextInput)
        .find(|node| node.rect().top() < 80.0)
        .expect("the search box")
        .rect();
    assert!(
        search.top() > menus.bottom(),
        "{search:?} is under the menus {menus:?}"
    );
    let mut rects = rects_near_top(&app, &TOOLBAR[..5], 80.0);
    rects.push(("search".to_owned(), search));
    assert_apart(&rects);
}

#[test]
fn at_1024_the_table_shows_the_scores_rank_must_have_and_votes() {
    let app = open_bundled_sized(1024.0, 700.0);
    for header in [
        "ID",
        "Issue",
        "Inherent",
        "Residual",
        "Rank",
        "Must-have",
        "Votes",
    ] {
        let node = app
            .harness
            .query_all_by(|node| {
                node.role() == Role::Button
                    && node.label().is_some_and(|label| {
                        label == header || label.starts_with(&format!("{header} "))
                    })
            })
            .next()
            .unwrap_or_else(|| panic!("a {header} column"));
        let rect = node.rect();
        assert!(
            rect.right() <= 1024.0 + 0.5 && rect.width() > 10.0,
            "the {header} column {rect:?} is within the window"
        );
    }
}

/// The width `text` takes in the body font.
fn text_width(app: &App, text: &str) -> f32 {
    let font = egui::TextStyle::Body.resolve(&app.harness.ctx.global_style());
    app.harness
        .ctx
        .fonts_mut(|fonts| fonts.layout_no_wrap(text.to_owned(), font, egui::Color32::WHITE))
        .size()
        .x
}

#[test]
fn at_1024_the_editor_shows_right_names_whole() {
    let app = open_bundled_sized(1024.0, 700.0);
    let name = "Private and family life";
    let whole = text_width(&app, name);
    let labels: Vec<_> = app
        .harness
        .query_all_by_role_and_label(Role::Label, name)
        .collect();
    assert!(!labels.is_empty());
    for label in labels {
        assert!(
            label.rect().width() + 0.5 >= whole,
            "{name} is cut to {:?} (whole {whole})",
            label.rect()
        );
    }
}

#[test]
fn at_1024_the_heat_maps_rights_matrix_is_in_reach() {
    let mut app = open_bundled_sized(1024.0, 700.0);
    click(&mut app.harness, "Heat map");
    let cell = app
        .harness
        .query_by_label_contains("PND on Private and family life")
        .expect("a matrix cell");
    assert!(
        cell.rect().right() <= 1024.0,
        "{:?} is within the window's width (the view scrolls down to it)",
        cell.rect()
    );
    cell.scroll_to_me();
    app.harness.run();
    let rect = app
        .harness
        .get_by_label_contains("PND on Private and family life")
        .rect();
    assert!(rect.bottom() <= 700.0 && rect.right() <= 1024.0, "{rect:?}");
}

#[test]
fn at_1920_the_table_gives_the_issue_the_room() {
    let app = open_bundled_sized(1920.0, 1080.0);
    let issue = "Uneven local retention of custody images used for facial search";
    let whole = text_width(&app, issue);
    let cell = app.harness.get_by_role_and_label(Role::Label, issue).rect();
    assert!(
        cell.width() + 0.5 >= whole,
        "{cell:?} cuts the issue ({whole} wide)"
    );
    let votes = app
        .harness
        .get_by_role_and_label(Role::Button, "Votes")
        .rect();
    assert!(
        votes.right() > 1700.0,
        "the table reaches the window's right: {votes:?}"
    );
}

#[test]
fn at_1024_a_cut_issue_shows_whole_on_hover() {
    let mut app = open_bundled_sized(1024.0, 700.0);
    let issue = "Uneven local retention of custody images used for facial search";
    let labels = |app: &App| {
        app.harness
            .query_all_by_role_and_label(Role::Label, issue)
            .count()
    };
    let before = labels(&app);
    app.harness
        .get_by_role_and_label(Role::TextInput, "Issue")
        .hover();
    app.harness.run();
    app.harness.run();
    assert_eq!(labels(&app), before + 1, "a tooltip with the whole issue");
}

/// Whether the table (above the editor) shows a row for `entry`.
fn table_shows(app: &App, entry: &str) -> bool {
    let editor_top = app
        .harness
        .get_by_role_and_label(Role::Button, "Duplicate")
        .rect()
        .top();
    app.harness
        .query_all_by_role_and_label(Role::Label, entry)
        .any(|node| node.rect().bottom() <= editor_top && node.rect().top() > 60.0)
}

#[test]
fn at_1024_the_table_follows_the_selection_when_it_moves() {
    let mut app = open_bundled_sized(1024.0, 700.0);
    let low = app.harness.state_mut().shown_entries()[22].clone();
    app.harness
        .state_mut()
        .push(Command::Select(Some(low.clone())));
    app.harness.run();
    app.harness.run();
    assert!(table_shows(&app, low.as_str()), "scrolled down to {low}");
    assert!(!table_shows(&app, "PND-001"), "rank 1 is out of view");
    // Must-have lifts it to the top five: the table goes with it.
    click(&mut app.harness, "Must-have for the next draft");
    app.harness.run();
    let rank = app.harness.state().rank_of(&low).unwrap();
    assert!(rank <= 5, "{low} is now {rank}");
    assert!(
        table_shows(&app, low.as_str()),
        "{low} is in view at {rank}"
    );
    // Undone, the table goes back down with it.
    super::gui_util::press(&mut app.harness, egui::Modifiers::COMMAND, egui::Key::Z);
    app.harness.run();
    assert!(app.harness.state().rank_of(&low).unwrap() > 20);
    assert!(
        table_shows(&app, low.as_str()),
        "{low} is in view after undo"
    );
}

#[test]
fn a_heat_map_filter_that_hides_the_selection_selects_what_it_shows() {
    let mut app = open_bundled_sized(1024.0, 700.0);
    assert_eq!(
        app.harness
            .state()
            .selection()
            .map(dpia_core::register::EntryId::as_str),
        Some("PND-001")
    );
    click(&mut app.harness, "Heat map");
    // PND-001 is 16 (4 × 4) before mitigation: not in the 3 × 3 cell.
    click(
        &mut app.harness,
        "11 entries: severity 3 significant, likelihood 3 likely",
    );
    app.harness.run();
    let shown = app.harness.state_mut().shown_entries();
    assert_eq!(shown.len(), 11);
    let selected = app.harness.state().selection().cloned().unwrap();
    assert!(shown.contains(&selected), "{selected} is one of the cell's");
    assert!(table_shows(&app, selected.as_str()));
}

#[test]
fn below_1280_the_systems_and_filters_fold_behind_the_toggle() {
    let mut app = open_bundled_sized(1024.0, 700.0);
    assert!(
        app.harness.query_by_label_contains("All systems").is_none(),
        "folded away"
    );
    // The table has the room: Highest right shows again.
    assert!(
        app.harness
            .query_by_role_and_label(Role::Button, "Highest right")
            .is_some()
    );
    click(&mut app.harness, "Systems and filters");
    assert!(
        app.harness.query_by_label_contains("All systems").is_some(),
        "shown on asking"
    );
    let wide = open_bundled_sized(1400.0, 900.0);
    assert!(
        wide.harness
            .query_by_label_contains("All systems")
            .is_some()
    );
}

#[test]
fn at_1024_a_mitigations_buttons_and_text_fit_beside_the_grid() {
    let app = open_bundled_sized(1024.0, 700.0);
    let field = |label: &str| {
        app.harness
            .get_by_role_and_label(Role::MultilineTextInput, label)
            .rect()
    };
    // The concern fits the texts' column; the mitigation, in its frame, must too (it ran past
    // the column's edge, its last letters hidden, behind a heading row too wide for it).
    let concern = field("Concern");
    let mitigation = field("Mitigation 1");
    assert!(
        mitigation.right() <= concern.right() + 0.5,
        "{mitigation:?} ends within the column {concern:?}"
    );
    let remove = app
        .harness
        .get_by_label_contains("Remove mitigation 1")
        .rect();
    assert!(
        remove.right() <= concern.right() + 0.5,
        "the remove button {remove:?} is in the column {concern:?}"
    );
}

/// The register table's cells are painted with the table's clip, not one of their own: every
/// clip is a draw call of its own, and Mesa's renderer keeps about 40 kB for each until the next
/// frame (BENCHMARKS.md, "Footprint").
#[test]
fn the_tables_cells_are_not_clipped_one_by_one() {
    let app = open_bundled_sized(1400.0, 900.0);
    let table = app
        .harness
        .query_all_by(|node| node.role() == Role::Table)
        .next()
        .expect("the register table")
        .rect();
    let output = app.harness.output();
    let primitives = app
        .harness
        .ctx
        .tessellate(output.shapes.clone(), output.pixels_per_point);
    // A cell is at most a row high; the table's own clips are the height of the table.
    let cell_clips: Vec<Rect> = primitives
        .iter()
        .map(|primitive| primitive.clip_rect)
        .filter(|clip| table.contains_rect(*clip) && clip.height() <= 40.0)
        .collect();
    assert!(
        !primitives.is_empty() && cell_clips.is_empty(),
        "table cells clipped one by one: {cell_clips:?}"
    );
}
