//! The heat map view: a 4 × 4 likelihood × severity grid counting the entries in each cell, and the
//! rights × systems matrix of highest scores, before or after mitigation. Clicking a cell shows
//! those entries in the register table.
//!
//! The counts and scores come from `scoring::heat_map` and `overview::rights_by_systems`.

use egui::{FontId, RichText, Role, Ui, Vec2, WidgetInfo};

use super::command::Command;
use super::state::{Derived, ViewState};
use super::theme;
use crate::gui::i18n::{UiName, tr, tr_args};
use dpia_core::filter::HeatCell;
use dpia_core::register::{Likelihood, Register, Scale, Severity, Stage};
use dpia_core::scoring::Score;

const CELL: f32 = 92.0;
const MATRIX_CELL: Vec2 = Vec2::new(64.0, 30.0);

/// Draws the heat map and the matrix.
pub(super) fn heat_map_ui(
    ui: &mut Ui,
    register: &Register,
    derived: &mut Derived,
    view: &mut ViewState,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.heading(tr("register-heat-map"));
        ui.add_space(16.0);
        for (stage, label) in [
            (Stage::Inherent, tr("register-before-mitigation-inherent")),
            (Stage::Residual, tr("register-after-mitigation-residual")),
        ] {
            ui.selectable_value(&mut view.heat_map_stage, stage, label);
        }
    });
    ui.label(RichText::new(tr("register-each-entry-is-placed-by")).weak());
    ui.add_space(8.0);
    let stage = view.heat_map_stage;
    // Side by side where both fit, else the matrix under the grid; the area scrolls either way.
    let side_by_side =
        grid_width(ui) + MATRIX_GAP + matrix_width(ui, register) <= ui.available_width();
    egui::ScrollArea::both().show(ui, |ui| {
        if side_by_side {
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| grid_ui(ui, register, derived, stage, commands));
                ui.add_space(MATRIX_GAP);
                ui.vertical(|ui| matrix_ui(ui, register, derived, stage, commands));
            });
        } else {
            grid_ui(ui, register, derived, stage, commands);
            ui.add_space(MATRIX_GAP);
            matrix_ui(ui, register, derived, stage, commands);
        }
    });
}

/// The space between the grid and the matrix.
const MATRIX_GAP: f32 = 32.0;
/// The width of the likelihood labels left of the grid: "annhebygol iawn" is the widest.
const LIKELIHOOD_LABELS: f32 = 124.0;

fn grid_width(ui: &Ui) -> f32 {
    let spacing = ui.spacing().item_spacing.x;
    LIKELIHOOD_LABELS + 4.0 * (CELL + spacing)
}

/// The matrix's width: the longest right name, then a column per system.
fn matrix_width(ui: &Ui, register: &Register) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let longest = register
        .rights
        .iter()
        .map(|right| {
            ui.painter()
                .layout_no_wrap(right.name.clone(), font.clone(), egui::Color32::PLACEHOLDER)
                .size()
                .x
        })
        .fold(0.0, f32::max);
    let systems = register.systems.len().max(1) as f32;
    longest + 4.0 + systems * (MATRIX_CELL.x + 4.0)
}

fn grid_ui(
    ui: &mut Ui,
    register: &Register,
    derived: &mut Derived,
    stage: Stage,
    commands: &mut Vec<Command>,
) {
    let map = derived.heat_map(register, stage);
    ui.label(RichText::new(tr("register-likelihood-severity")).font(theme::bold_body()));
    ui.add_space(4.0);
    for likelihood in Likelihood::ALL.into_iter().rev() {
        ui.horizontal(|ui| {
            // Right-aligned against the grid, each line.
            ui.allocate_ui_with_layout(
                Vec2::new(LIKELIHOOD_LABELS, CELL),
                egui::Layout::right_to_left(egui::Align::Center),
                |ui| {
                    ui.set_min_size(Vec2::new(LIKELIHOOD_LABELS, CELL));
                    ui.label(format!("{}\n{}", likelihood.value(), likelihood.ui_name()));
                },
            );
            for severity in Severity::ALL {
                let count = map.count(severity.value(), likelihood.value());
                let level =
                    Score::of(dpia_core::register::Assessment::new(severity, likelihood)).level();
                let text = count.to_string();
                let font = FontId::new(if count > 0 { 26.0 } else { 18.0 }, theme::bold_family());
                let response = theme::level_cell(
                    ui,
                    Vec2::splat(CELL),
                    (count > 0).then_some(level),
                    &text,
                    font,
                );
                let name = tr_args!(
                    "register-severity-likelihood",
                    count = super::entries(count),
                    severity = severity.value(),
                    severity2 = severity.ui_name(),
                    likelihood = likelihood.value(),
                    likelihood2 = likelihood.ui_name()
                );
                response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &name));
                let response = response.on_hover_text(&name);
                if response.clicked() {
                    commands.push(Command::ShowCell(HeatCell {
                        stage,
                        severity,
                        likelihood,
                    }));
                }
            }
        });
    }
    ui.horizontal(|ui| {
        ui.add_space(LIKELIHOOD_LABELS + ui.spacing().item_spacing.x);
        for severity in Severity::ALL {
            // Centred under its column, each line.
            ui.allocate_ui_with_layout(
                Vec2::new(CELL, 34.0),
                egui::Layout::top_down(egui::Align::Center),
                |ui| {
                    ui.set_min_size(Vec2::new(CELL, 34.0));
                    ui.label(format!("{}\n{}", severity.value(), severity.ui_name()));
                },
            );
        }
    });
    ui.horizontal(|ui| {
        ui.add_space(LIKELIHOOD_LABELS);
        ui.label(RichText::new(tr("register-likelihood-severity-2")).weak());
    });
    ui.add_space(10.0);
    legend_ui(ui);
}

fn legend_ui(ui: &mut Ui) {
    ui.horizontal(|ui| {
        for (level, range) in [
            (dpia_core::scoring::Level::Low, "1–3"),
            (dpia_core::scoring::Level::Medium, "4–6"),
            (dpia_core::scoring::Level::High, "8–9"),
            (dpia_core::scoring::Level::VeryHigh, "12–16"),
        ] {
            let (rect, _) = ui.allocate_exact_size(Vec2::splat(14.0), egui::Sense::hover());
            ui.painter()
                .rect_filled(rect, 3.0, theme::level_fill(level));
            ui.label(format!("{} {range}", level.ui_name()));
            ui.add_space(6.0);
        }
    });
}

fn matrix_ui(
    ui: &mut Ui,
    register: &Register,
    derived: &mut Derived,
    stage: Stage,
    commands: &mut Vec<Command>,
) {
    let matrix = derived.matrix(register, stage);
    ui.label(RichText::new(tr("register-rights-systems-highest-score")).font(theme::bold_body()));
    ui.add_space(4.0);
    egui::Grid::new("rights-by-systems")
        .spacing(Vec2::new(4.0, 4.0))
        .show(ui, |ui| {
            ui.label("");
            for system in &matrix.systems {
                ui.add_sized(
                    MATRIX_CELL,
                    egui::Label::new(RichText::new(system.as_str()).strong()),
                )
                .on_hover_text(
                    register
                        .system(system)
                        .map_or_else(String::new, |s| s.name.clone()),
                );
            }
            ui.end_row();
            for (right_idx, right) in matrix.rights.iter().enumerate() {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(register.right_name(right));
                });
                for (system_idx, system) in matrix.systems.iter().enumerate() {
                    let score = matrix.score(right_idx, system_idx);
                    let text = score.map_or_else(String::new, |s| s.value().to_string());
                    let response = theme::level_cell(
                        ui,
                        MATRIX_CELL,
                        score.map(Score::level),
                        &text,
                        FontId::new(15.0, theme::bold_family()),
                    );
                    let name = tr_args!(
                        "register-on",
                        system = system,
                        right = register.right_name(right),
                        score = score.map_or_else(|| "none".to_owned(), |s| s.to_string())
                    );
                    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &name));
                    let response = response.on_hover_text(&name);
                    if response.clicked() && score.is_some() {
                        commands.push(Command::ShowSystemRight(system.clone(), right.clone()));
                    }
                }
                ui.end_row();
            }
        });
}
