//! The register table: one virtualised row per entry the filters let through, sortable by any
//! column, with coloured level chips. Clicking a row selects the entry.
//!
//! Reads the register and the derived rows; changes only the view state and pushes commands.

use egui::{Label, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use super::command::{Command, MenuCommand};
use super::state::{Derived, ViewState};
use super::theme;
use dpia_core::filter::{SortKey, SortOrder};
use dpia_core::ranking::Ranked;
use dpia_core::register::{Entry, Register, Stage};

/// The columns, in the order the issue lists them, with their header text.
const COLUMNS: [(SortKey, &str); 10] = [
    (SortKey::Id, "ID"),
    (SortKey::System, "System"),
    (SortKey::Issue, "Issue"),
    (SortKey::Concern, "Concern"),
    (SortKey::HighestRight, "Highest right"),
    (SortKey::Inherent, "Inherent"),
    (SortKey::Residual, "Residual"),
    (SortKey::Rank, "Rank"),
    (SortKey::MustHave, "Must-have"),
    (SortKey::Votes, "Votes"),
];

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
                ui.label(RichText::new("This register has no entries yet.").size(16.0));
                if ui.button("Add entry").clicked() {
                    commands.push(Command::Menu(MenuCommand::AddEntry));
                }
            } else {
                ui.label(RichText::new("No entries match the filters.").size(16.0));
                if ui.button("Clear filters").clicked() {
                    commands.push(Command::Menu(MenuCommand::ClearFilters));
                }
            }
        });
        return;
    }
    let selected_row = view.selection.as_ref().and_then(|selected| {
        derived.rows.iter().position(|position| {
            derived
                .ranked
                .get(*position)
                .and_then(|ranked| register.entries.get(ranked.entry_idx))
                .is_some_and(|entry| &entry.id == selected)
        })
    });
    let theme = ui.ctx().theme();
    let mut builder = TableBuilder::new(ui)
        .id_salt("register-table")
        .striped(true)
        .sense(Sense::click())
        .resizable(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(82.0).at_least(70.0).clip(true))
        .column(Column::initial(60.0).at_least(50.0).clip(true))
        .column(Column::initial(240.0).at_least(120.0).clip(true))
        .column(Column::remainder().at_least(120.0).clip(true))
        .column(Column::initial(160.0).at_least(90.0).clip(true))
        .column(Column::exact(theme::CHIP_WIDTH + 8.0))
        .column(Column::exact(theme::CHIP_WIDTH + 8.0))
        .column(Column::exact(62.0))
        .column(Column::exact(86.0))
        .column(Column::exact(48.0))
        .min_scrolled_height(0.0);
    if view.scroll_to_selection {
        if let Some(row) = selected_row {
            builder = builder.scroll_to_row(row, None);
        }
        view.scroll_to_selection = false;
    }
    builder
        .header(28.0, |mut header| {
            for (key, title) in COLUMNS {
                header.col(|ui| {
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
                        .on_hover_text(format!("Sort by {}", title.to_lowercase()));
                    if response.clicked() {
                        view.sort = view.sort.clicked(key);
                    }
                });
            }
        })
        .body(|body| {
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
                row.set_selected(view.selection.as_ref() == Some(&entry.id));
                row_ui(&mut row, register, entry, ranked, theme);
                if row.response().clicked() {
                    commands.push(Command::Select(Some(entry.id.clone())));
                }
            });
        });
}

/// Draws one entry's cells.
fn row_ui(
    row: &mut egui_extras::TableRow<'_, '_>,
    register: &Register,
    entry: &Entry,
    ranked: &Ranked,
    theme: egui::Theme,
) {
    row.col(|ui| {
        ui.add(Label::new(RichText::new(entry.id.as_str()).monospace()).selectable(false));
    });
    row.col(|ui| {
        ui.add(Label::new(entry.system.as_str()).selectable(false));
    });
    row.col(|ui| {
        ui.add(
            Label::new(entry.issue.as_str())
                .truncate()
                .selectable(false),
        );
    });
    row.col(|ui| {
        let first_line = entry.concern.lines().next().unwrap_or("");
        ui.add(
            Label::new(RichText::new(first_line).color(ui.visuals().weak_text_color()))
                .truncate()
                .selectable(false),
        );
    });
    row.col(|ui| {
        let right = ranked
            .scores
            .residual
            .as_ref()
            .map_or("", |top| register.right_name(&top.right));
        ui.add(Label::new(right).truncate().selectable(false));
    });
    row.col(|ui| {
        theme::stage_chip(ui, &ranked.scores, Stage::Inherent);
    });
    row.col(|ui| {
        theme::stage_chip(ui, &ranked.scores, Stage::Residual);
    });
    row.col(|ui| {
        let rank = if ranked.is_tied {
            format!("{}=", ranked.rank)
        } else {
            ranked.rank.to_string()
        };
        ui.add(Label::new(rank).selectable(false));
    });
    row.col(|ui| {
        if entry.must_have {
            ui.add(
                Label::new(
                    RichText::new("★ must")
                        .color(theme::must_have(theme))
                        .font(theme::bold_body()),
                )
                .selectable(false),
            );
        }
    });
    row.col(|ui| {
        if entry.votes > 0 {
            ui.add(Label::new(entry.votes.to_string()).selectable(false));
        }
    });
}
