//! The register table: one virtualised row per entry the filters let through, sortable by any
//! column, with coloured level chips. Clicking a row selects the entry.
//!
//! Reads the register and the derived rows; changes only the view state and pushes commands.

use egui::{Label, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

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
    let theme = ui.ctx().theme();
    let columns = Columns::fitting(ui.available_width(), ui.spacing().item_spacing.x);
    let mut builder = table_builder(ui, columns).min_scrolled_height(0.0);
    if view.scroll_to_selection {
        if let Some(row) = selected_row {
            builder = builder.scroll_to_row(row, None);
        }
        view.scroll_to_selection = false;
    }
    builder
        .header(28.0, |mut header| {
            for (key, title) in column_titles() {
                if !columns.shows(key) {
                    continue;
                }
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
                        .on_hover_text(tr_args!("register-sort-by", title = title.to_lowercase()));
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
                row_ui(&mut row, columns, register, entry, ranked, theme);
                if row.response().clicked() {
                    commands.push(Command::Select(Some(entry.id.clone())));
                }
            });
        });
}

/// The table's columns: `columns` says which of those that may give way are shown.
fn table_builder(ui: &mut Ui, columns: Columns) -> TableBuilder<'_> {
    let available = ui.available_width();
    // The Issue column takes half of what the fixed columns leave, Concern the rest. The widths
    // are laid out afresh when the window's width changes (the id changes with it), so a larger
    // window gives the text columns the room instead of leaving it empty.
    let flexible = available
        - always()
        - 10.0 * ui.spacing().item_spacing.x
        - if columns.highest_right {
            HIGHEST_RIGHT
        } else {
            0.0
        };
    // In steps of 40 points, as the bits of a whole number (a float is not hashed).
    let width_bucket = (available / 40.0).round().to_bits();
    let mut builder = TableBuilder::new(ui)
        .id_salt(("register-table", width_bucket))
        .striped(true)
        .sense(Sense::click())
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
    if columns.concern {
        row.col(|ui| {
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
            let right = ranked
                .scores
                .residual
                .as_ref()
                .map_or("", |top| register.right_name(&top.right));
            ui.add(Label::new(right).truncate().selectable(false));
        });
    }
    row.col(|ui| {
        theme::stage_chip(ui, &ranked.scores, Stage::Inherent);
    });
    row.col(|ui| {
        theme::stage_chip(ui, &ranked.scores, Stage::Residual);
    });
    row.col(|ui| {
        let rank = ranked.label();
        ui.add(Label::new(rank).selectable(false));
    });
    row.col(|ui| {
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
        if entry.votes > 0 {
            ui.add(Label::new(entry.votes.to_string()).selectable(false));
        }
    });
}
