//! The priorities view: the entries in rank order, each with the reason line that explains its place.
//!
//! The order comes from `ranking::rank`, recomputed whenever the register changes, so changing a
//! score moves the entry at once. The filters apply; the rank numbers stay those of the whole register.

use egui::{RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use super::a11y::names;
use super::command::Command;
use super::reason_text::reason_line;
use super::state::{Derived, ViewState};
use super::theme;
use crate::gui::i18n::tr;
use dpia_core::register::{Register, Stage};

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
    TableBuilder::new(ui)
        .id_salt("priorities")
        .striped(true)
        // Clicks without a Tab stop per cell.
        .sense(Sense::CLICK)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(56.0))
        .column(Column::exact(theme::chip_width() + 12.0))
        .column(Column::exact(theme::chip_width() + 12.0))
        .column(Column::remainder().clip(true))
        .header(24.0, |mut header| {
            for title in [
                tr("register-rank"),
                tr("editor-residual"),
                tr("editor-inherent"),
                tr("register-entry-and-why-it-ranks"),
            ] {
                header.col(|ui| {
                    ui.label(RichText::new(title).font(theme::bold_body()));
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, positions.len(), |mut row| {
                let Some(ranked) = positions
                    .get(row.index())
                    .and_then(|position| derived.ranked.get(*position))
                else {
                    return;
                };
                let Some(entry) = register.entries.get(ranked.entry_idx) else {
                    return;
                };
                row.set_selected(view.selection.as_ref() == Some(&entry.id));
                row.col(|ui| {
                    let rank = ranked.label();
                    ui.label(RichText::new(rank).size(18.0).strong());
                });
                row.col(|ui| {
                    theme::stage_chip(ui, &ranked.scores, Stage::Residual);
                });
                row.col(|ui| {
                    theme::stage_chip(ui, &ranked.scores, Stage::Inherent);
                });
                row.col(|ui| {
                    ui.vertical(|ui| {
                        ui.add_space(3.0);
                        ui.horizontal(|ui| {
                            if entry.must_have {
                                ui.label(RichText::new("★").color(theme::must_have(theme)))
                                    .widget_info(|| {
                                        egui::WidgetInfo::labeled(
                                            egui::accesskit::Role::Label,
                                            true,
                                            names::must_have(),
                                        )
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
                                RichText::new(reason_line(
                                    register,
                                    entry,
                                    &ranked.scores,
                                    entry.votes,
                                ))
                                .weak()
                                .small(),
                            )
                            .truncate()
                            .selectable(false),
                        );
                    });
                });
                if row.response().clicked() {
                    commands.push(Command::Select(Some(entry.id.clone())));
                }
            });
        });
}
