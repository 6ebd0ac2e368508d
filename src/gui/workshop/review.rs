//! The workshop view when no session runs: the button that starts one (and the start dialog,
//! while open), and the register's past sessions with the one reviewed in full.
//!
//! Reads the register's `Workshop` records; changes nothing but which one is reviewed.

use egui::{Align, Layout, RichText, ScrollArea, Ui};
use egui_extras::{Column, TableBuilder};

use dpia_core::register::{Attendance, Register, Workshop};

use super::live::Live;
use super::setup::{SetupOutcome, setup_ui};
use super::{WorkshopCommand, WorkshopState, long_date, votes};
use crate::gui::command::Command;
use crate::gui::i18n::{self, UiName, tr, tr_args};
use crate::gui::theme;
use dpia_report::labels::labels;

/// Draws the workshop view when no session runs: a way to start one, and past sessions to review.
pub(super) fn workshops_ui(
    ui: &mut Ui,
    register: &Register,
    state: &mut WorkshopState,
    commands: &mut Vec<Command>,
) {
    if let Some(setup) = state.setup.as_mut() {
        match setup_ui(ui.ctx(), register, setup) {
            SetupOutcome::Open => {}
            SetupOutcome::Cancel => state.setup = None,
            SetupOutcome::Start(session) => {
                state.setup = None;
                state.live = Some(Live::new(session));
            }
        }
    }
    ui.horizontal(|ui| {
        ui.heading(tr("app-workshops"));
        ui.add_space(12.0);
        if ui
            .button(WorkshopCommand::Start.label())
            .on_hover_text(tr("workshop-prioritise-the-register-live-with"))
            .clicked()
        {
            commands.push(Command::Workshop(WorkshopCommand::Start));
        }
    });
    ui.label(RichText::new(tr("workshop-a-session-dot-votes-and")).weak());
    ui.add_space(8.0);
    let num_workshops = register.workshops.len();
    let Some(latest) = num_workshops.checked_sub(1) else {
        ui.label(tr("workshop-no-workshops-recorded-in-this"));
        return;
    };
    let reviewed = state
        .reviewed
        .filter(|idx| *idx < num_workshops)
        .unwrap_or(latest);
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.set_width(280.0);
            ui.label(RichText::new(tr("workshop-past-sessions")).font(theme::bold_body()));
            ScrollArea::vertical()
                .id_salt("past-workshops")
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    for (workshop_idx, workshop) in register.workshops.iter().enumerate().rev() {
                        let text = format!("{} · {}", workshop.date, workshop.title);
                        if ui
                            .selectable_label(workshop_idx == reviewed, text)
                            .clicked()
                        {
                            state.reviewed = Some(workshop_idx);
                        }
                    }
                });
        });
        ui.separator();
        ui.vertical(|ui| {
            if let Some(workshop) = register.workshops.get(reviewed) {
                review_ui(ui, register, workshop);
            }
        });
    });
}

/// Who took part, as the review shows it: names for named participants, pseudonyms marked as
/// such, and only the count for an anonymous session.
fn attendance_text(attendance: &Attendance) -> String {
    match attendance {
        Attendance::Listed(participants) => {
            let names: Vec<String> = participants
                .iter()
                .map(|participant| {
                    if participant.is_pseudonym {
                        tr_args!("workshop-pseudonym", participant = participant.name)
                    } else {
                        participant.name.clone()
                    }
                })
                .collect();
            format!("{}: {}", participants.len(), names.join(", "))
        }
        Attendance::Anonymous { count } => {
            tr_args!(
                "workshop-participants-anonymous-only-counts-were",
                count = count
            )
        }
    }
}

/// What the review lists of a past session, as (label, value).
fn facts(workshop: &Workshop, cast: u32) -> [(&'static str, String); 5] {
    [
        (tr("snapshots-date"), long_date(workshop.date)),
        (
            tr("snapshots-entries"),
            labels(i18n::language()).workshop_scope(&workshop.scope),
        ),
        (
            tr("workshop-participants"),
            attendance_text(&workshop.attendance),
        ),
        (
            tr("editor-votes"),
            tr_args!(
                "workshop-each-cast",
                votes_per_participant = workshop.votes_per_participant,
                cast = votes(cast)
            ),
        ),
        (tr("workshop-snapshot"), workshop.snapshot_label.clone()),
    ]
}

fn review_ui(ui: &mut Ui, register: &Register, workshop: &Workshop) {
    ui.label(RichText::new(&workshop.title).font(theme::bold_family_size(18.0)));
    ui.add_space(4.0);
    let cast: u32 = workshop.votes.iter().map(|votes| votes.votes).sum();
    egui::Grid::new("workshop-review")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for (label, value) in facts(workshop, cast) {
                ui.label(RichText::new(label).strong());
                ui.add(egui::Label::new(value).wrap());
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    ui.label(RichText::new(tr("workshop-manual-moves-2")).font(theme::bold_body()));
    if workshop.moves.is_empty() {
        ui.label(RichText::new(tr("register-none")).weak());
    }
    for manual in &workshop.moves {
        let direction = if manual.to_rank < manual.from_rank {
            "up"
        } else {
            "down"
        };
        ui.add(
            egui::Label::new(tr_args!(
                "workshop-moved-from-rank-to",
                entry = manual.entry,
                direction = direction,
                from_rank = manual.from_rank,
                to_rank = manual.to_rank,
                reason = manual.reason
            ))
            .wrap(),
        );
    }
    ui.add_space(6.0);
    ui.label(RichText::new(tr("workshop-final-order")).font(theme::bold_body()));
    TableBuilder::new(ui)
        .id_salt("workshop-final-order")
        .striped(true)
        .cell_layout(Layout::left_to_right(Align::Center))
        .column(Column::exact(48.0))
        .column(Column::exact(90.0))
        .column(Column::remainder().clip(true))
        .column(Column::exact(80.0))
        .column(Column::exact(60.0))
        .header(24.0, |mut header| {
            for title in [
                tr("register-rank"),
                tr("workshop-entry"),
                tr("editor-issue"),
                tr("workshop-tier"),
                tr("editor-votes"),
            ] {
                header.col(|ui| {
                    ui.label(RichText::new(title).font(theme::bold_body()));
                });
            }
        })
        .body(|body| {
            body.rows(26.0, workshop.final_order.len(), |mut row| {
                let position = row.index();
                let Some(entry) = workshop.final_order.get(position) else {
                    return;
                };
                row.col(|ui| {
                    ui.label((position + 1).to_string());
                });
                row.col(|ui| {
                    ui.label(RichText::new(entry.as_str()).monospace());
                });
                row.col(|ui| {
                    match register.entry(entry) {
                        Some(found) => ui.add(egui::Label::new(&found.issue).truncate()),
                        None => {
                            ui.label(RichText::new(tr("workshop-no-longer-in-the-register")).weak())
                        }
                    };
                });
                row.col(|ui| {
                    if let Some(tier) = workshop.tier_of(entry) {
                        ui.label(tier.ui_name());
                    }
                });
                row.col(|ui| {
                    let count = workshop.votes_for(entry);
                    if count > 0 {
                        ui.label(count.to_string());
                    }
                });
            });
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use dpia_core::register::Participant;

    #[test]
    fn attendance_names_only_named_participants() {
        let listed = Attendance::Listed(vec![
            Participant {
                name: "Liberty".to_owned(),
                is_pseudonym: false,
            },
            Participant {
                name: "Org K".to_owned(),
                is_pseudonym: true,
            },
        ]);
        assert_eq!(attendance_text(&listed), "2: Liberty, Org K (pseudonym)");
        assert_eq!(
            attendance_text(&Attendance::Anonymous { count: 5 }),
            "5 participants, anonymous: only counts were recorded"
        );
    }
}
