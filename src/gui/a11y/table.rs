//! The register table and the Priorities view's ranked list as tables in the AccessKit tree:
//! `egui_extras` draws each cell as a plain container, so a screen reader would hear a flat run of
//! texts. Here the cells become `Cell`s (or `ColumnHeader`s) grouped into `Row`s, the selected row
//! marked selected, all inside one `Table` node (the register table's is the focusable widget that
//! takes the arrow keys; the ranked list's rows are each focusable).
//!
//! Only moves nodes between parents within one pass; each node keeps exactly one parent.

use egui::accesskit::{NodeId, Role};
use egui::{Context, Id, Ui};

use super::names;

/// The cells of one row, gathered as the row is drawn.
#[derive(Debug, Default)]
pub(crate) struct RowCells {
    cells: Vec<Id>,
    /// The container the cells were drawn in (their parent in the tree so far).
    parent: Option<Id>,
}

impl RowCells {
    /// Marks the cell `ui` draws as a cell of this row (`role` `Cell` or `ColumnHeader`).
    pub(crate) fn add(&mut self, ui: &Ui, role: Role) {
        let id = ui.unique_id();
        ui.ctx()
            .accesskit_node_builder(id, |node| node.set_role(role));
        self.cells.push(id);
        if self.parent.is_none() {
            self.parent = ui.stack().parent.as_ref().map(|parent| parent.unique_id);
        }
    }

    /// Puts the cells in a `Row` node `row` under `table`, named `name` and `selected` or not.
    pub(crate) fn finish(
        self,
        ctx: &Context,
        table: Id,
        row: Id,
        name: Option<&str>,
        selected: bool,
    ) {
        if self.cells.is_empty() {
            return;
        }
        let cell_ids: Vec<NodeId> = self.cells.iter().map(Id::accesskit_id).collect();
        if let Some(parent) = self.parent {
            ctx.accesskit_node_builder(parent, |node| remove_children(node, &cell_ids));
        }
        let created = ctx.accesskit_node_builder(row, |node| {
            node.set_role(Role::Row);
            if let Some(name) = name {
                node.set_label(name);
            }
            node.set_selected(selected);
            node.set_children(cell_ids.clone());
        });
        if created.is_none() {
            return;
        }
        // A node no parent was registered for is put under the root, and a focusable row (made in
        // its first cell, as the Priorities view's are) under that cell: move it into the table.
        let row_id = [row.accesskit_id()];
        ctx.accesskit_node_builder(egui::accesskit_root_id(), |node| {
            remove_children(node, &row_id);
        });
        for cell in &self.cells {
            ctx.accesskit_node_builder(*cell, |node| remove_children(node, &row_id));
        }
        ctx.accesskit_node_builder(table, |node| node.push_child(row.accesskit_id()));
    }
}

/// Makes `table` (a focusable widget already in the tree) a `Table` named `name`.
pub(crate) fn mark_table(ctx: &Context, table: Id, name: &str, num_rows: usize) {
    ctx.accesskit_node_builder(table, |node| {
        node.set_role(Role::Table);
        node.set_label(name);
        node.set_row_count(num_rows);
    });
}

/// Names the column resize handles `egui_extras` adds to the table built with `table_salt`
/// (`TableBuilder::id_salt`) in `ui`: `titles` are the columns shown, in order.
pub(crate) fn name_column_resizers(ui: &Ui, table_salt: impl egui::AsIdSalt, titles: &[&str]) {
    // egui_extras keeps its state under this id, and each handle under `resize_column` and the
    // column's index.
    let state_id = ui.scope_id().with(egui::IdSalt::new(table_salt));
    for (column_idx, title) in titles.iter().enumerate() {
        let handle = state_id.with("resize_column").with(column_idx);
        if ui.ctx().has_accesskit_node(handle) {
            ui.ctx().accesskit_node_builder(handle, |node| {
                node.set_role(Role::Splitter);
                node.set_label(names::resize_column(title));
            });
        }
    }
}

fn remove_children(node: &mut egui::accesskit::Node, removed: &[NodeId]) {
    let kept: Vec<NodeId> = node
        .children()
        .iter()
        .filter(|child| !removed.contains(child))
        .copied()
        .collect();
    node.set_children(kept);
}
