//! What a screen reader and a keyboard user get from the app (issue 13, items 5 and 6): every
//! focusable node named, the table's roles, level chips and marks read out, and whole edits made
//! with keys alone.

use egui_kittest::kittest::Queryable;

use super::gui_util::{accesskit_tree, open_small, unnamed_focusable};

#[test]
fn dump_register_view() {
    let app = open_small();
    println!("{}", accesskit_tree(&app.harness));
    let _ = app.harness.query_by_label("x");
    println!("{:#?}", unnamed_focusable(&app.harness));
}
