//! The register table: one virtualised row per entry the filters let through, sortable by any
//! column, with coloured level chips. Clicking a row selects the entry; so do the arrow keys while
//! the table has the keyboard focus (Tab reaches it). In the AccessKit tree it is a table of rows
//! and cells, the selected row marked.
//!
//! Reads the register and the derived rows; changes only the view state and pushes commands.

use egui::accesskit::Role;
use egui::{Label, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use super::a11y::keys;
use super::a11y::names;
use super::a11y::table::{RowCells, mark_table, name_column_resizers};
use super::command::{Command, MenuCommand};
use super::state::{Derived, ViewState};
use super::theme;
use crate::gui::i18n::{tr, tr_args};
use dpia_core::filter::{SortKey, SortOrder};
use dpia_core::ranking::Ranked;
use dpia_core::register::{Entry, Register, Stage};

/// The columns, in the order the issue lists them, with their header text.
fn column_titles() -> [(SortKey, &'static str); 10] {
    [
        (SortKey::Id, tr("register-id")),
        (SortKey::System, tr("register-system")),
        (SortKey::Issue, tr("editor-issue")),
        (SortKey::Concern, tr("editor-concern")),
        (SortKey::HighestRight, tr("register-highest-right")),
        (SortKey::Inherent, tr("editor-inherent")),
        (SortKey::Residual, tr("editor-residual")),
        (SortKey::Rank, tr("register-rank")),
        (SortKey::MustHave, tr("register-must-have")),
        (SortKey::Votes, tr("register-votes-column")),
    ]
}

/// The narrowest the Issue column gets before a lower-value column gives way.
const ISSUE_MIN: f32 = 200.0;
/// The narrowest the Concern column is shown.
const CONCERN_MIN: f32 = 160.0;
/// The Highest right column's width.
const HIGHEST_RIGHT: f32 = 170.0;
/// The width of the columns that always show, besides Issue: id, system, the two scores, rank,
/// must-have and votes.
fn always() -> f32 {
    82.0 + 60.0 + 2.0 * (theme::chip_width() + 8.0) + 62.0 + 86.0 + 48.0
}

/// Which of the columns that may give way are shown: in a narrow window Concern goes first, then
/// Highest right, so that id, issue, the scores, rank, must-have and votes always show.
#[derive(Debug, Clone, Copy)]
struct Columns {
    concern: bool,
    highest_right: bool,
}

impl Columns {
    fn fitting(available: f32, spacing: f32) -> Self {
        let always = always() + ISSUE_MIN + 8.0 * spacing;
        let highest_right = always + HIGHEST_RIGHT + spacing <= available;
        let concern =
            highest_right && always + HIGHEST_RIGHT + CONCERN_MIN + 2.0 * spacing <= available;
        Self {
            concern,
            highest_right,
        }
    }

    fn shows(self, key: SortKey) -> bool {
        match key {
            SortKey::Concern => self.concern,
            SortKey::HighestRight => self.highest_right,
            _ => true,
        }
    }
}

/// Draws the register table.
pub(super) fn table_ui(
    ui: &mut Ui,
    register: &Register,
    derived: &Derived,
    view: &mut ViewState,
    commands: &mut Vec<Command>,
) {
    if derived.rows.is_empty() {
        ui.add_space(24.0);
        ui.vertical_centered(|ui| {
            if register.entries.is_empty() {
                ui.label(RichText::new(tr("register-this-register-has-no-entries")).size(16.0));
                if ui.button(tr("app-add-entry")).clicked() {
                    commands.push(Command::Menu(MenuCommand::AddEntry));
                }
            } else {
                ui.label(RichText::new(tr("register-no-entries-match-the-filters")).size(16.0));
                if ui.button(tr("app-clear-filters")).clicked() {
                    commands.push(Command::Menu(MenuCommand::ClearFilters));
                }
            }
        });
        return;
    }
    let selected_row = view
        .selection
        .as_ref()
        .and_then(|selected| register.entry_idx(selected))
        .and_then(|entry_idx| derived.row_of_entry(entry_idx));
    let theme = theme::look(ui.ctx());
    let table_id = table_keys_ui(ui, register, derived, view, commands, selected_row);
    let columns = Columns::fitting(ui.available_width(), ui.spacing().item_spacing.x);
    // The widths are laid out afresh when the window's width changes (the table's id changes with
    // it), in steps of 40 points, as the bits of a whole number (a float is not hashed).
    let table_salt = (
        "register-table",
        (ui.available_width() / 40.0).round().to_bits(),
    );
    let header_clip = ui.clip_rect();
    let mut builder = table_builder(ui, columns, table_salt).min_scrolled_height(0.0);
    if view.scroll_to_selection {
        if let Some(row) = selected_row {
            builder = builder.scroll_to_row(row, None);
        }
        view.scroll_to_selection = false;
    }
    builder
        .header(28.0, |mut header| {
            let mut cells = RowCells::default();
            for (key, title) in column_titles() {
                if !columns.shows(key) {
                    continue;
                }
                header.col(|ui| {
                    share_clip(ui, header_clip);
                    cells.add(ui, Role::ColumnHeader);
                    let arrow = if view.sort.key == key {
                        match view.sort.order {
                            SortOrder::Ascending => " ▲",
                            SortOrder::Descending => " ▼",
                        }
                    } else {
                        ""
                    };
                    let text = RichText::new(format!("{title}{arrow}")).font(theme::bold_body());
                    let response = ui
                        .add(egui::Button::new(text).frame(false))
                        .on_hover_text(tr_args!("register-sort-by", title = title.to_lowercase()));
                    if response.clicked() {
                        view.sort = view.sort.clicked(key);
                    }
                });
            }
            let ctx = header.response().ctx.clone();
            cells.finish(&ctx, table_id, table_id.with("header"), None, false);
        })
        .body(|mut body| {
            let body_clip = body.ui_mut().clip_rect();
            body.rows(theme::ROW_HEIGHT, derived.rows.len(), |mut row| {
                let Some(ranked) = derived
                    .rows
                    .get(row.index())
                    .and_then(|position| derived.ranked.get(*position))
                else {
                    return;
                };
                let Some(entry) = register.entries.get(ranked.entry_idx) else {
                    return;
                };
                let is_selected = view.selection.as_ref() == Some(&entry.id);
                row.set_selected(is_selected);
                let cells = row_ui(&mut row, columns, body_clip, register, entry, ranked, theme);
                let response = row.response();
                let name = format!("{} {}", entry.id.as_str(), entry.issue);
                let row_id = table_id.with(("row", &entry.id));
                cells.finish(&response.ctx, table_id, row_id, Some(&name), is_selected);
                if response.clicked() {
                    commands.push(Command::Select(Some(entry.id.clone())));
                }
            });
        });
    let titles: Vec<&str> = column_titles()
        .iter()
        .filter(|(key, _)| columns.shows(*key))
        .map(|(_, title)| *title)
        .collect();
    name_column_resizers(ui, table_salt, &titles);
}

/// Paints a cell with the clip of the table around it (`clip`) instead of its own. Every column
/// clips for its layout (`egui_extras` then cuts the cell's text to fit it with "…", and lets the
/// user narrow the column past its text), so what a cell draws stays inside it (but for a
/// glyph's overhang, such as J's hook, of a pixel into the gap between columns); but a clip of
/// its own would make each cell a draw call of its own, and Mesa's llvmpipe keeps about 40 kB a
/// draw call until the next frame: with the table's clip a page of rows is one draw call
/// (BENCHMARKS.md, "Footprint").
fn share_clip(ui: &mut Ui, clip: egui::Rect) {
    ui.set_clip_rect(clip);
}

/// The table's one Tab stop, under the rows (so clicks reach them), and its keys: ↑ and ↓ are the
/// app's previous and next entry, Home and End go to the ends. Returns the stop's id, which is the
/// table's node in the AccessKit tree.
fn table_keys_ui(
    ui: &mut Ui,
    register: &Register,
    derived: &Derived,
    view: &mut ViewState,
    commands: &mut Vec<Command>,
    selected_row: Option<usize>,
) -> egui::Id {
    let table_id = ui.scope_id().with("register-table-keys");
    let table_focus = ui.interact(ui.available_rect_before_wrap(), table_id, Sense::FOCUSABLE);
    table_focus
        .widget_info(|| egui::WidgetInfo::labeled(Role::Table, true, names::register_table()));
    mark_table(
        ui.ctx(),
        table_id,
        names::register_table(),
        derived.rows.len(),
    );
    match keys::step(ui, &table_focus) {
        Some(keys::Step::Previous) => commands.push(Command::SelectPrevious),
        Some(keys::Step::Next) => commands.push(Command::SelectNext),
        Some(step) => {
            if let Some(entry) = step
                .apply(selected_row, derived.rows.len())
                .and_then(|row| derived.rows.get(row))
                .and_then(|position| derived.ranked.get(*position))
                .and_then(|ranked| register.entries.get(ranked.entry_idx))
            {
                commands.push(Command::Select(Some(entry.id.clone())));
                view.scroll_to_selection = true;
            }
        }
        None => {}
    }
    table_id
}

/// The table's columns: `columns` says which of those that may give way are shown.
fn table_builder<'ui>(
    ui: &'ui mut Ui,
    columns: Columns,
    salt: (&'static str, u32),
) -> TableBuilder<'ui> {
    let available = ui.available_width();
    // The Issue column takes half of what the fixed columns leave, Concern the rest; a larger
    // window gives the text columns the room instead of leaving it empty.
    let flexible = available
        - always()
        - 10.0 * ui.spacing().item_spacing.x
        - if columns.highest_right {
            HIGHEST_RIGHT
        } else {
            0.0
        };
    let mut builder = TableBuilder::new(ui)
        .id_salt(salt)
        .striped(true)
        // Clicks without a Tab stop per cell: the table itself takes the focus.
        .sense(Sense::CLICK)
        .resizable(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(82.0).at_least(70.0).clip(true))
        .column(Column::initial(60.0).at_least(50.0).clip(true));
    if columns.concern {
        builder = builder
            .column(
                Column::initial((flexible * 0.55).max(ISSUE_MIN))
                    .at_least(ISSUE_MIN)
                    .clip(true),
            )
            .column(Column::remainder().at_least(CONCERN_MIN).clip(true));
    } else {
        builder = builder.column(Column::remainder().at_least(ISSUE_MIN).clip(true));
    }
    if columns.highest_right {
        builder = builder.column(Column::initial(HIGHEST_RIGHT).at_least(90.0).clip(true));
    }
    builder
        .column(Column::exact(theme::chip_width() + 8.0))
        .column(Column::exact(theme::chip_width() + 8.0))
        .column(Column::exact(62.0))
        .column(Column::exact(86.0))
        .column(Column::exact(48.0))
}

/// Draws one entry's cells.
fn row_ui(
    row: &mut egui_extras::TableRow<'_, '_>,
    columns: Columns,
    clip: egui::Rect,
    register: &Register,
    entry: &Entry,
    ranked: &Ranked,
    theme: theme::Look,
) -> RowCells {
    let mut cells = RowCells::default();
    let mut cell = |ui: &mut Ui| {
        share_clip(ui, clip);
        cells.add(ui, Role::Cell);
    };
    row.col(|ui| {
        cell(ui);
        ui.add(Label::new(RichText::new(entry.id.as_str()).monospace()).selectable(false));
    });
    row.col(|ui| {
        cell(ui);
        ui.add(Label::new(entry.system.as_str()).selectable(false));
    });
    row.col(|ui| {
        cell(ui);
        ui.add(
            Label::new(entry.issue.as_str())
                .truncate()
                .selectable(false),
        );
    });
    if columns.concern {
        row.col(|ui| {
            cell(ui);
            let first_line = entry.concern.lines().next().unwrap_or("");
            ui.add(
                Label::new(RichText::new(first_line).color(ui.visuals().weak_text_color()))
                    .truncate()
                    .selectable(false),
            );
        });
    }
    if columns.highest_right {
        row.col(|ui| {
            cell(ui);
            let right = ranked
                .scores
                .residual
                .as_ref()
                .map_or("", |top| register.right_name(&top.right));
            ui.add(Label::new(right).truncate().selectable(false));
        });
    }
    row.col(|ui| {
        cell(ui);
        theme::stage_chip(ui, &ranked.scores, Stage::Inherent);
    });
    row.col(|ui| {
        cell(ui);
        theme::stage_chip(ui, &ranked.scores, Stage::Residual);
    });
    row.col(|ui| {
        cell(ui);
        let rank = ranked.label();
        ui.add(Label::new(rank).selectable(false));
    });
    row.col(|ui| {
        cell(ui);
        if entry.must_have {
            ui.add(
                Label::new(
                    RichText::new(tr("register-must"))
                        .color(theme::must_have(theme))
                        .font(theme::bold_body()),
                )
                .selectable(false),
            );
        }
    });
    row.col(|ui| {
        cell(ui);
        if entry.votes > 0 {
            ui.add(Label::new(entry.votes.to_string()).selectable(false));
        }
    });
    cells
}
