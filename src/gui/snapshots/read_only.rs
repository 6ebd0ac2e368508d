//! A snapshot opened read-only: a banner saying so, its entries in priority order, and the
//! selected entry's contents as text. Drawn from the verified snapshot, with no edit controls and
//! no way for a command to reach it, so nothing done here changes the working register.

use std::fmt::Write as _;

use egui::{Align, Label as TextLabel, Layout, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use super::{Pane, ROW_HEIGHT, Versions};
use crate::gui::a11y::reading_order;
use crate::gui::entries;
use crate::gui::i18n::{UiName, tr, tr_args};
use crate::gui::theme;
use dpia_core::ranking::Ranked;
use dpia_core::register::{Assessment, Entry, EntryId, Register, Scale, Stage};
use dpia_core::scoring::Score;

/// A snapshot opened read-only: a banner saying so, its entries in priority order, and the
/// selected entry's contents. Nothing here can change the working register.
pub(super) fn read_only_pane_ui(ui: &mut Ui, versions: &mut Versions) {
    let Some(open) = versions.read_only.as_mut() else {
        versions.pane = Pane::List;
        return;
    };
    let Some(snapshot) = versions.loaded.get(&open.label) else {
        versions.read_only = None;
        versions.pane = Pane::List;
        return;
    };
    let label = open.label.clone();
    let mut action = None;
    egui::Frame::new()
        .fill(theme::marking_fill())
        .corner_radius(4)
        .inner_margin(egui::Margin::symmetric(12, 8))
        .show(ui, |ui| {
            let text_colour = theme::marking_text();
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new(tr_args!("snapshots-snapshot-read-only", label = label))
                        .font(theme::bold_family_size(15.0))
                        .color(text_colour),
                );
                reading_order::right_aligned(ui, "read-only-buttons", |ui| {
                    if ui
                        .button(tr("snapshots-compare-with-working-register"))
                        .clicked()
                    {
                        action = Some(ReadOnlyAction::Compare);
                    }
                    if ui.button(tr("snapshots-restore-as-working-copy")).clicked() {
                        action = Some(ReadOnlyAction::Restore);
                    }
                    if ui.button(tr("actions-close")).clicked() {
                        action = Some(ReadOnlyAction::Close);
                    }
                });
            });
            let mut about = snapshot
                .taken_at()
                .to_zoned_datetime(jiff::tz::TimeZone::system())
                .strftime("%Y-%m-%d %H:%M")
                .to_string();
            about = tr_args!("snapshots-taken-at", when = about);
            if !snapshot.author().is_empty() {
                about.push_str(&tr_args!("snapshots-taken-by", author = snapshot.author()));
            }
            write!(about, ", {}", entries(snapshot.register().entries.len())).ok();
            if !snapshot.note().is_empty() {
                write!(about, " · {}", snapshot.note()).ok();
            }
            ui.add(TextLabel::new(RichText::new(about).color(text_colour)).wrap());
        });
    ui.add_space(6.0);
    let register = snapshot.register();
    egui::Panel::right("read-only-entry")
        .resizable(true)
        .default_size(430.0)
        .size_range(280.0..=700.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    match open.selection.as_ref().and_then(|id| register.entry(id)) {
                        Some(entry) => entry_ui(ui, register, entry),
                        None => {
                            ui.label(RichText::new(tr("snapshots-select-an-entry-to-read")).weak());
                        }
                    }
                });
        });
    read_only_table_ui(ui, register, &open.ranked, &mut open.selection);
    match action {
        Some(ReadOnlyAction::Close) => {
            versions.read_only = None;
            versions.pane = Pane::List;
        }
        Some(ReadOnlyAction::Restore) => versions.confirm_restore = Some(label),
        Some(ReadOnlyAction::Compare) => versions.compare_with_working(label),
        None => {}
    }
}

/// What a button on the read-only banner asked for.
enum ReadOnlyAction {
    Close,
    Restore,
    Compare,
}

fn read_only_table_ui(
    ui: &mut Ui,
    register: &Register,
    ranked: &[Ranked],
    selection: &mut Option<EntryId>,
) {
    TableBuilder::new(ui)
        .id_salt("read-only-table")
        .striped(true)
        .sense(Sense::click())
        .cell_layout(Layout::left_to_right(Align::Center))
        .column(Column::exact(50.0))
        .column(Column::initial(82.0).at_least(70.0))
        .column(Column::initial(60.0).at_least(50.0))
        .column(Column::remainder().at_least(160.0).clip(true))
        .column(Column::exact(theme::chip_width() + 8.0))
        .column(Column::exact(theme::chip_width() + 8.0))
        .min_scrolled_height(0.0)
        .header(26.0, |mut header| {
            for title in [
                tr("register-rank"),
                tr("register-id"),
                tr("register-system"),
                tr("editor-issue"),
                tr("editor-inherent"),
                tr("editor-residual"),
            ] {
                header.col(|ui| {
                    ui.label(RichText::new(title).font(theme::bold_body()));
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, ranked.len(), |mut row| {
                let Some(ranked) = ranked.get(row.index()) else {
                    return;
                };
                let Some(entry) = register.entries.get(ranked.entry_idx) else {
                    return;
                };
                row.set_selected(selection.as_ref() == Some(&entry.id));
                row.col(|ui| {
                    ui.add(TextLabel::new(ranked.rank.to_string()).selectable(false));
                });
                row.col(|ui| {
                    ui.add(
                        TextLabel::new(RichText::new(entry.id.as_str()).monospace())
                            .selectable(false),
                    );
                });
                row.col(|ui| {
                    ui.add(TextLabel::new(entry.system.as_str()).selectable(false));
                });
                row.col(|ui| {
                    ui.add(
                        TextLabel::new(entry.issue.as_str())
                            .truncate()
                            .selectable(false),
                    );
                });
                row.col(|ui| {
                    theme::stage_chip(ui, &ranked.scores, Stage::Inherent);
                });
                row.col(|ui| {
                    theme::stage_chip(ui, &ranked.scores, Stage::Residual);
                });
                if row.response().clicked() {
                    *selection = Some(entry.id.clone());
                }
            });
        });
}

/// One entry's contents as text, for reading only.
fn entry_ui(ui: &mut Ui, register: &Register, entry: &Entry) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(entry.id.as_str()).monospace().strong());
        ui.label(RichText::new(entry.system.as_str()).weak());
        if entry.must_have {
            ui.label(
                RichText::new(tr("snapshots-must-have"))
                    .color(theme::must_have(theme::look(ui.ctx()))),
            );
        }
    });
    ui.add(
        TextLabel::new(RichText::new(entry.issue.as_str()).font(theme::bold_family_size(16.0)))
            .wrap(),
    );
    let mut part = |heading: &str, body: &mut dyn FnMut(&mut Ui)| {
        ui.add_space(8.0);
        ui.label(
            RichText::new(heading)
                .strong()
                .color(theme::accent(theme::look(ui.ctx()))),
        );
        body(ui);
    };
    if !entry.category.is_empty() {
        part(tr("actions-theme"), &mut |ui| {
            ui.label(entry.category.as_str());
        });
    }
    part(tr("editor-concern"), &mut |ui| {
        if entry.concern.is_empty() {
            ui.label(RichText::new(tr("snapshots-none-written")).weak());
        } else {
            ui.add(TextLabel::new(entry.concern.as_str()).wrap());
        }
    });
    part(tr("editor-mitigations"), &mut |ui| {
        if entry.mitigations.is_empty() {
            ui.label(RichText::new(tr("register-none")).weak());
        }
        for (number, mitigation) in entry.mitigations.iter().enumerate() {
            let mut about = mitigation.status.ui_name().to_owned();
            if !mitigation.owner.is_empty() {
                write!(about, " · {}", mitigation.owner).ok();
            }
            if let Some(due) = mitigation.due {
                about.push_str(&tr_args!("snapshots-mitigation-due", due = due));
            }
            ui.add(TextLabel::new(format!("{}. {}", number + 1, mitigation.text)).wrap());
            ui.label(RichText::new(about).weak().small());
        }
    });
    part(tr("snapshots-impacts-on-rights"), &mut |ui| {
        if entry.impacts.is_empty() {
            ui.label(RichText::new(tr("editor-not-scored")).weak());
        }
        for impact in &entry.impacts {
            let judgement = |assessment: Assessment| {
                let score = Score::of(assessment);
                format!(
                    "{} {} ({} × {})",
                    score.value(),
                    score.level().ui_name(),
                    assessment.severity.value(),
                    assessment.likelihood.value()
                )
            };
            let residual = impact
                .residual
                .map_or_else(|| tr("snapshots-not-judged").to_owned(), judgement);
            ui.label(RichText::new(register.right_name(&impact.right)).strong());
            ui.label(tr_args!(
                "snapshots-inherent-residual",
                inherent = judgement(impact.inherent),
                residual = residual
            ));
            if !impact.note.is_empty() {
                ui.add(TextLabel::new(RichText::new(impact.note.as_str()).weak()).wrap());
            }
        }
    });
    if entry.votes > 0 {
        part(tr("editor-votes"), &mut |ui| {
            ui.label(entry.votes.to_string());
        });
    }
}
