//! The priorities view: the entries in rank order, each with the reason line that explains its place.
//!
//! The order comes from `ranking::rank`, recomputed whenever the register changes, so changing a
//! score moves the entry at once. The filters apply; the rank numbers stay those of the whole register.
//!
//! Each row is a Tab stop: ↑ and ↓ (Home, End) move the focus between rows, Enter or Space opens
//! the focused entry as a click does, and a screen reader hears a table of named rows.

use egui::accesskit::Role;
use egui::{Id, Key, Modifiers, Rangef, Rect, Response, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder, TableRow};

use super::a11y::keys;
use super::a11y::names;
use super::a11y::table::{RowCells, mark_table};
use super::command::Command;
use super::reason_text::reason_line;
use super::state::{Derived, ViewState};
use super::theme::{self, Look};
use crate::gui::i18n::tr;
use dpia_core::ranking::Ranked;
use dpia_core::register::{Entry, Register, Stage};

const ROW_HEIGHT: f32 = 46.0;

/// Draws the ranked list.
pub(super) fn priorities_ui(
    ui: &mut Ui,
    register: &Register,
    derived: &Derived,
    view: &ViewState,
    commands: &mut Vec<Command>,
) {
    // The filtered rows, in priority order whatever the table's sort.
    let mut positions = derived.rows.clone();
    positions.sort_unstable();
    ui.horizontal(|ui| {
        ui.heading(tr("register-priorities"));
        ui.label(RichText::new(tr("register-must-have-first-then-residual")).weak());
    });
    ui.add_space(4.0);
    let theme = theme::look(ui.ctx());
    let table_id = ui.scope_id().with("priorities-table");
    let list_x = ui.available_rect_before_wrap().x_range();
    list_node(ui, table_id, positions.len());
    // The row (in `positions`) each focus stop is for.
    let row_id = |index: usize| {
        positions
            .get(index)
            .and_then(|position| derived.ranked.get(*position))
            .and_then(|ranked| register.entries.get(ranked.entry_idx))
            .map(|entry| table_id.with(("row", &entry.id)))
    };
    // The row to take the focus when it is next drawn, asked for by a key or a click: a row not
    // drawn is scrolled to first, and a focus asked for in the frame of a click does not stay
    // (egui gives it up again), so it is given the frame after. Tried for a few frames, then
    // forgotten (the row may have been filtered away).
    let pending_id = table_id.with("focus-row");
    let pending = ui.data_mut(|data| data.remove_temp::<Option<Pending>>(pending_id).flatten());
    let mut asked: Option<Pending> = None;
    let mut is_pending_drawn = false;
    let mut builder = list_builder(ui);
    if let Some(Pending { index, .. }) = pending {
        builder = builder.scroll_to_row(index, None);
    }
    builder
        .header(24.0, |header| header_ui(header, table_id))
        .body(|body| {
            body.rows(ROW_HEIGHT, positions.len(), |mut row| {
                let index = row.index();
                let Some(ranked) = positions
                    .get(index)
                    .and_then(|position| derived.ranked.get(*position))
                else {
                    return;
                };
                let Some(entry) = register.entries.get(ranked.entry_idx) else {
                    return;
                };
                let is_selected = view.selection.as_ref() == Some(&entry.id);
                row.set_selected(is_selected);
                let this_row = table_id.with(("row", &entry.id));
                let name = names::priority_row(&ranked.label(), entry.id.as_str(), &entry.issue);
                let mut cells = RowCells::default();
                let mut is_opened = false;
                row.col(|ui| {
                    cells.add(ui, Role::Cell);
                    let stop = row_stop(ui, list_x, this_row, &name);
                    if pending.is_some_and(|pending| pending.id == this_row) {
                        stop.request_focus();
                        is_pending_drawn = true;
                    }
                    let (opened, moved) = row_keys(ui, &stop, index, positions.len());
                    is_opened = opened;
                    if let Some(target) = moved {
                        asked = row_id(target).map(|id| Pending::new(id, target));
                    }
                    let rank = ranked.label();
                    ui.label(RichText::new(rank).size(18.0).strong());
                });
                row.col(|ui| {
                    cells.add(ui, Role::Cell);
                    theme::stage_chip(ui, &ranked.scores, Stage::Residual);
                });
                row.col(|ui| {
                    cells.add(ui, Role::Cell);
                    theme::stage_chip(ui, &ranked.scores, Stage::Inherent);
                });
                row.col(|ui| {
                    cells.add(ui, Role::Cell);
                    entry_cell_ui(ui, register, entry, ranked, theme);
                });
                let response = row.response();
                cells.finish(&response.ctx, table_id, this_row, Some(&name), is_selected);
                if response.clicked() {
                    // The focus follows the click, so the keys go on from the row clicked.
                    asked = Some(Pending::new(this_row, index));
                    is_opened = true;
                }
                if is_opened {
                    commands.push(Command::Select(Some(entry.id.clone())));
                }
            });
        });
    let still_pending = pending
        .filter(|_| !is_pending_drawn)
        .and_then(Pending::one_frame_less);
    if let Some(next) = asked.or(still_pending) {
        ui.data_mut(|data| data.insert_temp(pending_id, Some(next)));
        ui.ctx().request_repaint();
    }
}

/// The list's node in the AccessKit tree, a table of `num_rows` rows, under the rows (so they take
/// the clicks).
fn list_node(ui: &mut Ui, table_id: Id, num_rows: usize) {
    ui.interact(ui.available_rect_before_wrap(), table_id, Sense::hover())
        .widget_info(|| egui::WidgetInfo::labeled(Role::Table, true, names::priorities_table()));
    mark_table(ui.ctx(), table_id, names::priorities_table(), num_rows);
}

/// The list's columns: rank, the two level chips, and the entry with its reason line.
fn list_builder(ui: &mut Ui) -> TableBuilder<'_> {
    TableBuilder::new(ui)
        .id_salt("priorities")
        .striped(true)
        // Clicks without a Tab stop per cell: each row has one of its own.
        .sense(Sense::CLICK)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(56.0))
        .column(Column::exact(theme::chip_width() + 12.0))
        .column(Column::exact(theme::chip_width() + 12.0))
        .column(Column::remainder().clip(true))
}

/// The column headings, as the list's header row in the AccessKit tree.
fn header_ui(mut header: TableRow<'_, '_>, table_id: Id) {
    let mut cells = RowCells::default();
    for title in [
        tr("register-rank"),
        tr("editor-residual"),
        tr("editor-inherent"),
        tr("register-entry-and-why-it-ranks"),
    ] {
        header.col(|ui| {
            cells.add(ui, Role::ColumnHeader);
            ui.label(RichText::new(title).font(theme::bold_body()));
        });
    }
    let ctx = header.response().ctx.clone();
    cells.finish(&ctx, table_id, table_id.with("header"), None, false);
}

/// The row's Tab stop `id`, made in its first cell (`ui`) across the whole row (`list_x`), so the
/// focus ring goes round the row: the cell's clip rectangle is widened to the list's for it. Its
/// role, name and selected state are the row's (`RowCells::finish`).
fn row_stop(ui: &mut Ui, list_x: Rangef, id: Id, name: &str) -> Response {
    let cell_clip = ui.clip_rect();
    let rect = Rect::from_x_y_ranges(list_x, ui.max_rect().y_range());
    ui.set_clip_rect(Rect::from_x_y_ranges(list_x, cell_clip.y_range()));
    let stop = ui.interact(rect, id, Sense::FOCUSABLE);
    ui.set_clip_rect(cell_clip);
    stop.widget_info(|| egui::WidgetInfo::labeled(Role::Row, true, name));
    stop
}

/// The entry's id, issue and the reason line for its rank.
fn entry_cell_ui(ui: &mut Ui, register: &Register, entry: &Entry, ranked: &Ranked, theme: Look) {
    ui.vertical(|ui| {
        ui.add_space(3.0);
        ui.horizontal(|ui| {
            if entry.must_have {
                ui.label(RichText::new("★").color(theme::must_have(theme)))
                    .widget_info(|| {
                        egui::WidgetInfo::labeled(Role::Label, true, names::must_have())
                    });
            }
            ui.label(RichText::new(entry.id.as_str()).monospace());
            ui.add(
                egui::Label::new(RichText::new(&entry.issue).strong())
                    .truncate()
                    .selectable(false),
            );
        });
        ui.add(
            egui::Label::new(
                RichText::new(reason_line(register, entry, &ranked.scores, entry.votes))
                    .weak()
                    .small(),
            )
            .truncate()
            .selectable(false),
        );
    });
}

/// A row asked to take the focus: its Tab stop, its index in the list, and the frames left to try.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Pending {
    id: Id,
    index: usize,
    frames_left: u8,
}

impl Pending {
    fn new(id: Id, index: usize) -> Self {
        Self {
            id,
            index,
            frames_left: 4,
        }
    }

    fn one_frame_less(self) -> Option<Self> {
        let frames_left = self.frames_left.checked_sub(1)?;
        Some(Self {
            frames_left,
            ..self
        })
    }
}

/// The keys of the row whose Tab stop is `stop` (at `index` of `len` rows): Enter or Space opens
/// it (the first of the two returned), and ↑ ↓ Home End ask for another row to take the focus (its
/// index, the second). A row that has just gained the focus, by these keys or Tab, is scrolled into
/// view, so the rows beside it are drawn too.
fn row_keys(ui: &Ui, stop: &egui::Response, index: usize, len: usize) -> (bool, Option<usize>) {
    if stop.gained_focus() {
        stop.scroll_to_me(None);
    }
    let moved = keys::step(ui, stop)
        .and_then(|step| step.apply(Some(index), len))
        .filter(|target| *target != index);
    let opened = stop.has_focus()
        && ui.input_mut(|input| {
            input.consume_key(Modifiers::NONE, Key::Enter)
                || input.consume_key(Modifiers::NONE, Key::Space)
        });
    (opened, moved)
}
