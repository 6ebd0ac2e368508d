//! The compare pane of the Snapshots view: two versions picked (any snapshot or the working
//! register) and their change log side by side, changed entries highlighted, rank movements in a
//! section of their own, and restore buttons when a snapshot is compared with the working register.
//!
//! Draws `diff::ChangeLog` as it is; restoring is a `Command::Snapshot` the app carries out.

use egui::{Align, Label as TextLabel, Layout, RichText, Role, Ui, WidgetInfo};

use super::{Pick, SnapshotCommand, Versions, error_line};
use crate::gui::change_text;
use crate::gui::command::Command;
use crate::gui::i18n::{tr, tr_args};
use crate::gui::state::Document;
use crate::gui::theme;
use dpia_core::diff::{Change, ChangeLog, EntryChanges, EntryField, EntrySummary};
use dpia_core::register::{EntryId, Register};
use dpia_core::snapshot::Label;

/// More changed entries than this are shown folded, so a large change log stays quick to draw.
const MAX_UNFOLDED_ENTRIES: usize = 40;

/// Draws the compare pane.
pub(super) fn compare_pane_ui(
    ui: &mut Ui,
    document: &Document,
    versions: &mut Versions,
    commands: &mut Vec<Command>,
) {
    let mut choices = vec![Pick::Working];
    choices.extend(versions.labels().into_iter().rev().map(Pick::Snapshot));
    if choices.len() < 2 {
        ui.label(tr("snapshots-take-a-snapshot-first-then"));
        return;
    }
    ui.horizontal(|ui| {
        let older_name = versions
            .compare
            .older
            .as_ref()
            .map_or_else(|| tr("export-choose").to_owned(), Pick::name);
        ui.label(RichText::new(tr("snapshots-older")).strong());
        let mut picked = versions.compare.older.clone();
        egui::ComboBox::from_id_salt("compare-older")
            .width(220.0)
            .selected_text(older_name)
            .show_ui(ui, |ui| {
                for choice in &choices {
                    ui.selectable_value(&mut picked, Some(choice.clone()), choice.name());
                }
            })
            .response
            .widget_info(|| {
                WidgetInfo::labeled(Role::ComboBox, true, tr("snapshots-older-version"))
            });
        versions.compare.older = picked;
        ui.add_space(12.0);
        ui.label(RichText::new(tr("snapshots-newer")).strong());
        let mut newer = versions.compare.newer.clone();
        egui::ComboBox::from_id_salt("compare-newer")
            .width(220.0)
            .selected_text(newer.name())
            .show_ui(ui, |ui| {
                for choice in &choices {
                    ui.selectable_value(&mut newer, choice.clone(), choice.name());
                }
            })
            .response
            .widget_info(|| {
                WidgetInfo::labeled(Role::ComboBox, true, tr("snapshots-newer-version"))
            });
        versions.compare.newer = newer;
        ui.add_space(12.0);
        if ui
            .button(tr("snapshots-swap"))
            .on_hover_text(tr("snapshots-swap-older-and-newer"))
            .clicked()
            && let Some(older) = versions.compare.older.take()
        {
            versions.compare.older = Some(std::mem::replace(&mut versions.compare.newer, older));
        }
    });
    let restore_from = match (&versions.compare.older, &versions.compare.newer) {
        (Some(Pick::Snapshot(label)), Pick::Working) => Some(label.clone()),
        _ => None,
    };
    let names = (
        versions
            .compare
            .older
            .as_ref()
            .map_or_else(String::new, Pick::name),
        versions.compare.newer.name(),
    );
    ui.label(
        RichText::new(if restore_from.is_some() {
            tr("snapshots-restore-puts-the-older-value")
        } else {
            tr("snapshots-to-restore-an-entry-or")
        })
        .weak(),
    );
    ui.add_space(6.0);
    match versions.change_log(document) {
        None => {
            ui.label(tr("snapshots-choose-the-older-version-to"));
        }
        Some(Err(err)) => error_line(ui, err),
        Some(Ok(log)) => {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    change_log_ui(
                        ui,
                        &document.register,
                        log,
                        &names,
                        restore_from.as_ref(),
                        commands,
                    );
                });
        }
    }
}

/// "rank 5 → 3  ▲": a rank movement, with an arrow up or down.
fn rank_movement_text(old: usize, new: usize) -> String {
    let arrow = match new.cmp(&old) {
        std::cmp::Ordering::Less => "  ▲",
        std::cmp::Ordering::Greater => "  ▼",
        std::cmp::Ordering::Equal => "",
    };
    tr_args!(
        "snapshots-rank-from-to",
        old = old,
        new = new,
        arrow = arrow
    )
}

/// The change log's summary line: "3 added, 1 removed, 5 changed, 2 moved in rank".
fn summary_text(log: &ChangeLog) -> String {
    let mut summary = tr_args!(
        "snapshots-change-summary",
        added = log.added.len(),
        removed = log.removed.len(),
        changed = log.changed.len()
    );
    if !log.rank_movements.is_empty() {
        summary.push_str(&tr_args!(
            "snapshots-moved-in-rank",
            count = log.rank_movements.len()
        ));
    }
    summary
}

/// Draws a change log: the summary, then register details, added, removed, changed (side by side,
/// highlighted) and rank movements. `restore_from` offers restore buttons against that snapshot.
fn change_log_ui(
    ui: &mut Ui,
    register: &Register,
    log: &ChangeLog,
    (older_name, newer_name): &(String, String),
    restore_from: Option<&Label>,
    commands: &mut Vec<Command>,
) {
    let summary = summary_text(log);
    ui.label(RichText::new(summary).font(theme::bold_family_size(16.0)));
    if log.is_empty() {
        ui.add_space(6.0);
        ui.label(tr_args!(
            "snapshots-no-differences-between-and",
            older_name = older_name,
            newer_name = newer_name
        ));
        return;
    }
    if !log.register_changes.is_empty() {
        section_heading(
            ui,
            tr("register-register-details"),
            log.register_changes.len(),
        );
        columns_header(ui, older_name, newer_name, false);
        for change in &log.register_changes {
            side_by_side_ui(ui, register, change, None, commands);
        }
    }
    let theme = theme::look(ui.ctx());
    for (heading, entries, fill, mark) in [
        (
            tr("snapshots-added"),
            &log.added,
            theme::notice_fill(theme),
            "+",
        ),
        (
            tr("snapshots-removed"),
            &log.removed,
            theme::error_fill(theme),
            "−",
        ),
    ] {
        if entries.is_empty() {
            continue;
        }
        section_heading(ui, heading, entries.len());
        for entry in entries {
            egui::Frame::new()
                .fill(fill)
                .corner_radius(4)
                .inner_margin(egui::Margin::symmetric(10, 5))
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(mark).strong());
                        entry_title_ui(ui, entry);
                        if let Some(from) = restore_from {
                            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                                let hover = if heading == tr("snapshots-added") {
                                    tr_args!("snapshots-remove-it-it-is-not", from = from)
                                } else {
                                    tr_args!("snapshots-put-it-back-as-it", from = from)
                                };
                                restore_entry_button(ui, from, &entry.id, &hover, commands);
                            });
                        }
                    });
                });
            ui.add_space(3.0);
        }
    }
    if !log.changed.is_empty() {
        section_heading(ui, tr("snapshots-changed"), log.changed.len());
        let is_open = log.changed.len() <= MAX_UNFOLDED_ENTRIES;
        for entry in &log.changed {
            changed_entry_ui(
                ui,
                register,
                entry,
                (older_name.as_str(), newer_name.as_str()),
                is_open,
                restore_from,
                commands,
            );
            ui.add_space(6.0);
        }
    }
    if !log.rank_movements.is_empty() {
        section_heading(ui, tr("snapshots-rank-movements"), log.rank_movements.len());
        egui::Grid::new("rank-movements")
            .num_columns(3)
            .spacing([16.0, 4.0])
            .striped(true)
            .show(ui, |ui| {
                for movement in &log.rank_movements {
                    ui.label(RichText::new(movement.entry.id.as_str()).monospace());
                    ui.label(rank_movement_text(movement.old_rank, movement.new_rank));
                    ui.add(TextLabel::new(movement.entry.issue.as_str()).truncate());
                    ui.end_row();
                }
            });
    }
}

/// One changed entry: its title and restore button on a highlighted card, then each field side
/// by side.
fn changed_entry_ui(
    ui: &mut Ui,
    register: &Register,
    entry: &EntryChanges,
    (older_name, newer_name): (&str, &str),
    is_open: bool,
    restore_from: Option<&Label>,
    commands: &mut Vec<Command>,
) {
    egui::Frame::new()
        .fill(ui.visuals().selection.bg_fill.gamma_multiply(0.45))
        .stroke(egui::Stroke::new(1.0, ui.visuals().selection.bg_fill))
        .corner_radius(6)
        .inner_margin(egui::Margin::same(10))
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                entry_title_ui(ui, &entry.entry);
                if let Some(from) = restore_from {
                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                        restore_entry_button(
                            ui,
                            from,
                            &entry.entry.id,
                            &tr_args!("snapshots-put-the-whole-entry-back", from = from),
                            commands,
                        );
                    });
                }
            });
            let fields = if entry.fields.len() == 1 {
                tr("snapshots-1-field-changed").to_owned()
            } else {
                tr_args!("snapshots-fields-changed", fields = entry.fields.len())
            };
            egui::CollapsingHeader::new(fields)
                .id_salt(("changed", entry.entry.id.as_str()))
                .default_open(is_open)
                .show(ui, |ui| {
                    columns_header(ui, older_name, newer_name, restore_from.is_some());
                    for field in &entry.fields {
                        let restore = restore_from.map(|from| SnapshotCommand::RestoreField {
                            from: from.clone(),
                            entry: entry.entry.id.clone(),
                            field: field.field.clone(),
                            what: field.change.what.clone(),
                        });
                        side_by_side_ui(ui, register, &field.change, restore, commands);
                    }
                });
        });
}

fn entry_title_ui(ui: &mut Ui, entry: &EntrySummary) {
    ui.label(RichText::new(entry.id.as_str()).monospace().strong());
    ui.label(RichText::new(entry.system.as_str()).weak());
    ui.add(TextLabel::new(RichText::new(entry.issue.as_str()).strong()).truncate());
}

fn restore_entry_button(
    ui: &mut Ui,
    from: &Label,
    entry: &EntryId,
    hover: &str,
    commands: &mut Vec<Command>,
) {
    let button = ui
        .button(tr("snapshots-restore-entry"))
        .on_hover_text(hover)
        .accessible_name(tr_args!(
            "snapshots-restore-from-2",
            entry = entry,
            from = from
        ));
    if button.clicked() {
        commands.push(Command::Snapshot(SnapshotCommand::RestoreEntry {
            from: from.clone(),
            entry: entry.clone(),
        }));
    }
}

/// Widths of the side-by-side columns: field name, older, newer and the restore button.
fn column_widths(ui: &Ui, has_restore: bool) -> (f32, f32, f32) {
    let spacing = ui.spacing().item_spacing.x;
    let what = 170.0;
    let button = if has_restore { 80.0 } else { 0.0 };
    let value = ((ui.available_width() - what - button - 3.0 * spacing) / 2.0).max(120.0);
    (what, value, button)
}

fn columns_header(ui: &mut Ui, older_name: &str, newer_name: &str, has_restore: bool) {
    let (what, value, _) = column_widths(ui, has_restore);
    ui.horizontal(|ui| {
        for (text, width) in [
            (tr("snapshots-field"), what),
            (older_name, value),
            (newer_name, value),
        ] {
            ui.allocate_ui_with_layout(
                egui::vec2(width, 20.0),
                Layout::left_to_right(Align::Center),
                |ui| {
                    ui.set_width(width);
                    ui.label(RichText::new(text).weak().strong());
                },
            );
        }
    });
}

/// One change: what, the older value and the newer value side by side, and a restore button.
fn side_by_side_ui(
    ui: &mut Ui,
    register: &Register,
    change: &Change,
    restore: Option<SnapshotCommand>,
    commands: &mut Vec<Command>,
) {
    let (what, value, _) = column_widths(ui, restore.is_some());
    let theme = theme::look(ui.ctx());
    ui.horizontal_top(|ui| {
        ui.allocate_ui_with_layout(egui::vec2(what, 0.0), Layout::top_down(Align::Min), |ui| {
            ui.set_width(what);
            ui.add(
                TextLabel::new(RichText::new(change_text::what(register, change)).strong()).wrap(),
            );
        });
        let (old, new) = change_text::values(change);
        for (text, fill) in [
            (&old, theme::error_fill(theme)),
            (&new, theme::notice_fill(theme)),
        ] {
            ui.allocate_ui_with_layout(
                egui::vec2(value, 0.0),
                Layout::top_down(Align::Min),
                |ui| {
                    ui.set_width(value);
                    egui::Frame::new()
                        .fill(fill)
                        .corner_radius(3)
                        .inner_margin(egui::Margin::symmetric(6, 3))
                        .show(ui, |ui| {
                            ui.set_width(value - 12.0);
                            ui.add(TextLabel::new(text.as_str()).wrap());
                        });
                },
            );
        }
        if let Some(command) = restore {
            let name = match &command {
                SnapshotCommand::RestoreField {
                    from, entry, what, ..
                } => tr_args!(
                    "snapshots-restore-of-from-2",
                    what = what,
                    entry = entry,
                    from = from
                ),
                _ => tr("app-restore").to_owned(),
            };
            let hover = match &command {
                SnapshotCommand::RestoreField {
                    field: EntryField::Mitigations,
                    from,
                    ..
                } => tr_args!("snapshots-put-all-the-mitigations-back", from = from),
                SnapshotCommand::RestoreField { from, .. } => {
                    tr_args!("snapshots-put-this-back-as-it", from = from)
                }
                _ => String::new(),
            };
            if ui
                .button(tr("app-restore"))
                .on_hover_text(hover)
                .accessible_name(name)
                .clicked()
            {
                commands.push(Command::Snapshot(command));
            }
        }
    });
    ui.add_space(3.0);
}

fn section_heading(ui: &mut Ui, heading: &str, count: usize) {
    ui.add_space(10.0);
    ui.label(
        RichText::new(format!("{heading} ({count})"))
            .font(theme::bold_family_size(15.0))
            .color(theme::accent(theme::look(ui.ctx()))),
    );
    ui.add_space(2.0);
}
