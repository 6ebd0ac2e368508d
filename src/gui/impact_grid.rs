//! The rights-impact grid: one row per right in the catalogue, with severity and likelihood pickers
//! before and after mitigation, the score in its level colour, and a note per right.
//!
//! Every change is pushed as an `Edit::SetImpact` or `Edit::SetImpactNote`; the score shown is
//! computed by `scoring` from the register, so it changes the moment the edit is applied.
//!
//! The grid fits the width it is given: a narrow editor gets smaller pickers, and where even then
//! the right names would be cut short each goes on a line of its own above its pickers; the note
//! fields never reach past the pickers.

use egui::{Align, Layout, Rect, RichText, Role, Sense, Ui, Vec2, WidgetInfo};

use super::a11y::{keys, names};
use super::command::Command;
use super::one_line::one_line_ui;
use super::theme;
use crate::gui::i18n::{UiName, tr, tr_args};
use dpia_core::edit::Edit;
use dpia_core::register::{
    Assessment, Entry, Impact, Likelihood, Register, Right, RightId, Scale, Severity, Stage,
};
use dpia_core::scoring::Score;

/// The space between the cells of a row.
const SPACING: f32 = 4.0;
/// The space between the boxes of a picker.
const BOX_SPACING: f32 = 2.0;
/// The width kept at the end of a note row for the clear and remove buttons.
const BUTTONS_WIDTH: f32 = 52.0;

/// The grid's sizes, chosen to fit the width available.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Sizes {
    /// The right's name column.
    name: f32,
    /// One box of a picker (square).
    picker_box: f32,
    /// The digit in a picker box.
    digit: f32,
    /// The score chip.
    score: f32,
    /// The space between before and after mitigation.
    gap: f32,
}

impl Sizes {
    /// Roomy sizes: for the default window and larger.
    const ROOMY: Self = Self {
        name: 150.0,
        picker_box: 20.0,
        digit: 12.5,
        score: 40.0,
        gap: 14.0,
    };
    /// Compact sizes: for a small window or a large zoom.
    const COMPACT: Self = Self {
        name: 80.0,
        picker_box: 16.0,
        digit: 11.0,
        score: 32.0,
        gap: 8.0,
    };
    /// The right column may grow to this, so that long names show whole when there is room.
    const MAX_NAME: f32 = 220.0;

    /// The roomiest sizes whose name column shows names `longest` wide whole within `available`
    /// points, if any do.
    fn fitting_names(available: f32, longest: f32) -> Option<Self> {
        [Self::ROOMY, Self::COMPACT].into_iter().find_map(|sizes| {
            let others = sizes.row_width() - sizes.name;
            let name = longest.max(sizes.name);
            (others + name <= available).then(|| Self {
                name: (available - others).clamp(name, Self::MAX_NAME.max(name)),
                ..sizes
            })
        })
    }

    /// The sizes that fit `available` points with no name column (the names go above the rows).
    fn stacked(available: f32) -> Self {
        let without_name = |sizes: Self| sizes.row_width() - sizes.name - SPACING;
        let sizes = if without_name(Self::ROOMY) <= available {
            Self::ROOMY
        } else {
            Self::COMPACT
        };
        Self { name: 0.0, ..sizes }
    }

    fn picker(self) -> f32 {
        4.0 * self.picker_box + 3.0 * BOX_SPACING
    }

    /// One stage: two pickers and a score.
    fn stage(self) -> f32 {
        2.0 * self.picker() + self.score + 2.0 * SPACING
    }

    /// A whole row: name, before, gap, after.
    fn row_width(self) -> f32 {
        self.name + SPACING + self.stage() + self.gap + SPACING + self.stage()
    }
}

/// Draws the grid for `entry`.
pub(super) fn impact_grid_ui(
    ui: &mut Ui,
    register: &Register,
    entry: &Entry,
    commands: &mut Vec<Command>,
) {
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
        .fold(0.0, f32::max)
        + 2.0;
    // Where the names would be cut short even beside compact pickers, each goes on a line of its
    // own above its pickers.
    let (sizes, stacked) = match Sizes::fitting_names(ui.available_width(), longest) {
        Some(sizes) => (sizes, false),
        None => (Sizes::stacked(ui.available_width()), true),
    };
    ui.spacing_mut().item_spacing.x = SPACING;
    let heading = |ui: &mut Ui| {
        ui.add(
            egui::Label::new(RichText::new(tr("editor-rights-impact")).font(theme::bold_body()))
                .truncate(),
        );
    };
    if stacked {
        heading(ui);
    }
    ui.horizontal(|ui| {
        if !stacked {
            cell(ui, sizes.name, heading);
        }
        let stage_heading = |ui: &mut Ui, text: &str| {
            cell(ui, sizes.stage(), |ui| {
                ui.add(egui::Label::new(RichText::new(text).strong()).truncate());
            });
        };
        stage_heading(ui, tr("editor-before-mitigation"));
        ui.add_space(sizes.gap);
        stage_heading(ui, tr("editor-after-mitigation"));
    });
    ui.horizontal(|ui| {
        let small = |text: &str| RichText::new(text).small().weak();
        if !stacked {
            cell(ui, sizes.name, |ui| {
                ui.label(small(tr("editor-right")));
            });
        }
        for stage_idx in 0..2 {
            if stage_idx == 1 {
                ui.add_space(sizes.gap);
            }
            cell(ui, sizes.picker(), |ui| {
                ui.label(small(tr("editor-severity")));
            });
            cell(ui, sizes.picker(), |ui| {
                ui.label(small(tr("editor-likelihood")));
            });
            cell(ui, sizes.score, |ui| {
                ui.label(small(tr("editor-score")));
            });
        }
    });
    ui.add(egui::Separator::default().horizontal().shrink(0.0));
    // The rights the entry bears on first, in catalogue order, then the others to score. While
    // the pointer is over the rows they keep the order they had when it came, so a right just
    // scored does not jump into the scored block under the pointer before the next click.
    let order_id = ui.make_persistent_id(("impact-order", &entry.id));
    let kept: Option<RowOrder> = ui.data(|d| d.get_temp(order_id));
    let pointer = ui.ctx().pointer_latest_pos();
    let rows_hovered = kept
        .as_ref()
        .is_some_and(|kept| pointer.is_some_and(|pointer| kept.rect.contains(pointer)));
    let (scored, unscored): (Vec<&Right>, Vec<&Right>) = match kept.filter(|_| rows_hovered) {
        Some(kept) => {
            let find = |ids: &[RightId]| -> Vec<&Right> {
                ids.iter()
                    .filter_map(|id| register.rights.iter().find(|right| &right.id == id))
                    .collect()
            };
            (find(&kept.scored), find(&kept.unscored))
        }
        None => register
            .rights
            .iter()
            .partition(|right| entry.impact(&right.id).is_some()),
    };
    let rows = ui.scope(|ui| {
        for right in &scored {
            right_row(ui, sizes, stacked, entry, right, commands);
        }
        if !unscored.is_empty() {
            ui.add_space(4.0);
            ui.label(RichText::new(tr("editor-not-scored")).small().weak());
        }
        for right in &unscored {
            right_row(ui, sizes, stacked, entry, right, commands);
        }
    });
    let order = RowOrder {
        scored: scored.iter().map(|right| right.id.clone()).collect(),
        unscored: unscored.iter().map(|right| right.id.clone()).collect(),
        rect: rows.response.rect,
    };
    ui.data_mut(|d| d.insert_temp(order_id, order));
}

/// The order the rights' rows were drawn in, and where: kept while the pointer is over them.
#[derive(Debug, Clone)]
struct RowOrder {
    scored: Vec<RightId>,
    unscored: Vec<RightId>,
    rect: egui::Rect,
}

/// A fixed-width cell, so that the rows line up under the headings.
fn cell<R>(ui: &mut Ui, width: f32, add_contents: impl FnOnce(&mut Ui) -> R) -> R {
    ui.allocate_ui_with_layout(
        Vec2::new(width, Sizes::ROOMY.picker_box),
        Layout::left_to_right(Align::Center),
        |ui| {
            ui.set_min_width(width);
            ui.set_max_width(width);
            add_contents(ui)
        },
    )
    .inner
}

/// One right's row; `stacked` puts its name on a line of its own above the pickers.
fn right_row(
    ui: &mut Ui,
    sizes: Sizes,
    stacked: bool,
    entry: &Entry,
    right: &Right,
    commands: &mut Vec<Command>,
) {
    let impact = entry.impact(&right.id);
    let set = |stage, assessment| {
        Command::Edit(Edit::SetImpact {
            entry: entry.id.clone(),
            right: right.id.clone(),
            stage,
            assessment,
        })
    };
    let name_ui = |ui: &mut Ui| {
        let name = RichText::new(&right.name);
        let name = if impact.is_some() {
            name.strong()
        } else {
            name.color(ui.visuals().weak_text_color())
        };
        ui.add(egui::Label::new(name).truncate())
            .on_hover_text(format!("{} ({})", right.name, right.legal_reference));
    };
    if stacked {
        ui.add_space(2.0);
        name_ui(ui);
    }
    ui.horizontal(|ui| {
        if !stacked {
            cell(ui, sizes.name, name_ui);
        }

        // Before mitigation.
        let inherent = impact.map(|i| i.inherent);
        if let Some(chosen) = stage_pickers(ui, sizes, &right.name, Stage::Inherent, inherent, None)
        {
            commands.push(set(Stage::Inherent, Some(chosen)));
        }
        cell(ui, sizes.score, |ui| {
            theme::score_chip(ui, inherent.map(Score::of), sizes.score);
        });
        ui.add_space(sizes.gap);

        // After mitigation: where no residual is judged, the inherent counts and is outlined.
        let residual = impact.and_then(|i| i.residual);
        ui.add_enabled_ui(impact.is_some(), |ui| {
            if let Some(chosen) =
                stage_pickers(ui, sizes, &right.name, Stage::Residual, residual, inherent)
            {
                commands.push(set(Stage::Residual, Some(chosen)));
            }
        });
        cell(ui, sizes.score, |ui| {
            theme::score_chip(
                ui,
                impact.map(|i| Score::of(i.at(Stage::Residual))),
                sizes.score,
            );
        });
    });
    if let Some(impact) = impact {
        note_row(ui, sizes, entry, right, impact, commands);
        if let Some(warning) = residual_above_inherent(right, impact) {
            ui.horizontal(|ui| {
                ui.add_space(sizes.name);
                ui.add(
                    egui::Label::new(
                        RichText::new(warning).color(theme::error_text(theme::look(ui.ctx()))),
                    )
                    .wrap(),
                );
            });
            ui.add_space(2.0);
        }
    }
}

/// A warning when the judgement after mitigation scores above the one before it: mitigation does
/// not raise a risk, so one of the two is likely mistaken.
fn residual_above_inherent(right: &Right, impact: &Impact) -> Option<String> {
    let inherent = Score::of(impact.inherent);
    let residual = Score::of(impact.residual?);
    (residual > inherent).then(|| {
        tr_args!(
            "editor-after-mitigation-scores-above-before",
            right = right.name,
            residual = residual.value(),
            inherent = inherent.value()
        )
    })
}

fn note_row(
    ui: &mut Ui,
    sizes: Sizes,
    entry: &Entry,
    right: &Right,
    impact: &Impact,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.add_space(sizes.name);
        // The note and the buttons end under the last score, and never past the editor's edge.
        let pickers_width = sizes.row_width() - sizes.name - SPACING;
        let width = pickers_width.min(ui.available_width()) - BUTTONS_WIDTH - 2.0 * SPACING;
        let mut note = impact.note.clone();
        let note_id = ui.make_persistent_id(("impact-note", &right.id));
        let response = one_line_ui(
            ui,
            &mut note,
            note_id,
            &tr_args!("editor-note-on-why-it-was", right = right.name),
            width.max(0.0),
        )
        .accessible_name(names::right_note(&right.name));
        if response.changed() {
            commands.push(Command::Edit(Edit::SetImpactNote {
                entry: entry.id.clone(),
                right: right.id.clone(),
                note,
            }));
        }
        let set = |stage, assessment| {
            Command::Edit(Edit::SetImpact {
                entry: entry.id.clone(),
                right: right.id.clone(),
                stage,
                assessment,
            })
        };
        if impact.residual.is_some() {
            let clear = ui
                .small_button("↺")
                .on_hover_text(tr("editor-clear-the-judgement-after-mitigation"));
            clear.widget_info(|| {
                WidgetInfo::labeled(
                    Role::Button,
                    true,
                    tr_args!("editor-clear-after-mitigation", right = right.name),
                )
            });
            if clear.clicked() {
                commands.push(set(Stage::Residual, None));
            }
        }
        let remove = ui
            .small_button("✕")
            .on_hover_text(tr("editor-not-affected-remove-this-right"));
        remove.widget_info(|| {
            WidgetInfo::labeled(
                Role::Button,
                true,
                tr_args!("editor-remove", right = right.name),
            )
        });
        if remove.clicked() {
            commands.push(set(Stage::Inherent, None));
        }
    });
    ui.add_space(2.0);
}

/// The severity and likelihood pickers of one stage; returns a new judgement when one is picked.
///
/// `shown` is the judgement made at this stage; `faint` the one that counts when none is made (the
/// inherent judgement, for the residual stage). A pick on an unscored right takes the lowest value
/// for the other half.
fn stage_pickers(
    ui: &mut Ui,
    sizes: Sizes,
    right_name: &str,
    stage: Stage,
    shown: Option<Assessment>,
    faint: Option<Assessment>,
) -> Option<Assessment> {
    let base = shown.or(faint);
    let severity = picker(
        ui,
        sizes,
        &tr_args!(
            "editor-severity-2",
            right_name = right_name,
            stage = stage.ui_name()
        ),
        shown.map(|a| a.severity),
        faint.map(|a| a.severity),
    );
    let likelihood = picker(
        ui,
        sizes,
        &tr_args!(
            "editor-likelihood-2",
            right_name = right_name,
            stage = stage.ui_name()
        ),
        shown.map(|a| a.likelihood),
        faint.map(|a| a.likelihood),
    );
    match (severity, likelihood) {
        (Some(severity), _) => Some(Assessment::new(
            severity,
            base.map_or(Likelihood::Remote, |a| a.likelihood),
        )),
        (None, Some(likelihood)) => Some(Assessment::new(
            base.map_or(Severity::Negligible, |a| a.severity),
            likelihood,
        )),
        (None, None) => None,
    }
}

/// Four boxes numbered 1–4; returns the value clicked, if it differs from the one chosen.
///
/// The picker is one Tab stop (a slider to a screen reader): while it has the focus the arrow keys
/// (and Home, End) move the value, starting from the one that counts. The boxes take clicks only.
fn picker<S: Scale + UiName + PartialEq>(
    ui: &mut Ui,
    sizes: Sizes,
    accessible: &str,
    chosen: Option<S>,
    faint: Option<S>,
) -> Option<S> {
    cell(ui, sizes.picker(), |ui| {
        ui.spacing_mut().item_spacing.x = BOX_SPACING;
        let rect =
            Rect::from_min_size(ui.cursor().min, Vec2::new(sizes.picker(), sizes.picker_box));
        let group = ui.interact(rect, ui.scope_id().with(accessible), Sense::FOCUSABLE);
        let current = chosen.or(faint);
        let spoken = current.map(|value| format!("{} {}", value.value(), value.ui_name()));
        group.widget_info(|| {
            let mut info = WidgetInfo::labeled(Role::Slider, ui.is_enabled(), accessible);
            info.value = current.map(|value| f64::from(value.value()));
            info.current_text_value.clone_from(&spoken);
            info
        });
        if group.gained_focus() {
            group.scroll_to_me(None);
        }
        let current_idx = current.and_then(|value| S::ALL.iter().position(|v| *v == value));
        let mut picked = keys::step(ui, &group)
            .and_then(|step| step.apply(current_idx, S::ALL.len()))
            .and_then(|idx| S::ALL.get(idx).copied())
            .filter(|value| chosen != Some(*value));
        for value in S::ALL {
            let look = if chosen == Some(value) {
                BoxLook::Chosen
            } else if chosen.is_none() && faint == Some(value) {
                BoxLook::Counting
            } else {
                BoxLook::Plain
            };
            if picker_box(ui, sizes, accessible, value, look) {
                picked = Some(value);
            }
        }
        picked
    })
}

/// How a picker box is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BoxLook {
    /// The value chosen at this stage: filled.
    Chosen,
    /// Not chosen here, but the value that counts (the inherent one, after mitigation): outlined.
    Counting,
    /// Any other value.
    Plain,
}

/// One box of a picker; true when clicked while not already chosen.
fn picker_box<S: Scale + UiName>(
    ui: &mut Ui,
    sizes: Sizes,
    accessible: &str,
    value: S,
    look: BoxLook,
) -> bool {
    let is_chosen = look == BoxLook::Chosen;
    // Clicks only: the picker around the boxes is the Tab stop.
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(sizes.picker_box), Sense::CLICK);
    response.widget_info(|| {
        WidgetInfo::selected(
            Role::Button,
            ui.is_enabled(),
            is_chosen,
            format!("{accessible} {}", value.value()),
        )
    });
    let response = response.on_hover_text(format!("{} {}", value.value(), value.ui_name()));
    let visuals = ui.visuals();
    let accent = theme::accent(theme::look(ui.ctx()));
    let (fill, text) = if is_chosen {
        (accent, visuals.extreme_bg_color)
    } else if response.hovered() && ui.is_enabled() {
        (
            visuals.widgets.hovered.weak_bg_fill,
            visuals.strong_text_color(),
        )
    } else {
        (visuals.widgets.inactive.weak_bg_fill, visuals.text_color())
    };
    ui.painter().rect_filled(rect, 3.0, fill);
    if look == BoxLook::Counting {
        ui.painter().rect_stroke(
            rect.shrink(0.5),
            3.0,
            egui::Stroke::new(1.5, accent.gamma_multiply(0.7)),
            egui::StrokeKind::Inside,
        );
    }
    let text = if ui.is_enabled() {
        text
    } else {
        visuals.weak_text_color()
    };
    ui.painter().text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        value.value().to_string(),
        egui::FontId::proportional(sizes.digit),
        text,
    );
    response.clicked() && !is_chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roomy_sizes_when_they_fit_with_a_longer_name_column() {
        let sizes = Sizes::fitting_names(700.0, 100.0).unwrap();
        assert_eq!(
            sizes,
            Sizes {
                name: sizes.name,
                ..Sizes::ROOMY
            }
        );
        assert!(sizes.name > Sizes::ROOMY.name, "{sizes:?}");
        assert!(sizes.row_width() <= 700.0, "{sizes:?}");
    }

    #[test]
    fn compact_sizes_in_a_narrow_editor() {
        let sizes = Sizes::fitting_names(480.0, 80.0).unwrap();
        assert_eq!(
            sizes,
            Sizes {
                name: sizes.name,
                ..Sizes::COMPACT
            }
        );
        assert!(sizes.row_width() <= 480.0, "{sizes:?}");
    }

    #[test]
    fn names_go_above_the_pickers_where_they_would_be_cut() {
        assert_eq!(Sizes::fitting_names(480.0, 160.0), None);
        let stacked = Sizes::stacked(480.0);
        assert!(stacked.name.abs() < 0.01, "{stacked:?}");
        assert!(stacked.row_width() <= 480.0, "{stacked:?}");
    }

    #[test]
    fn a_long_name_is_shown_whole_beside_compact_pickers() {
        let sizes = Sizes::fitting_names(560.0, 160.0).unwrap();
        assert!((sizes.picker_box - Sizes::COMPACT.picker_box).abs() < 0.01);
        assert!(
            sizes.name >= 160.0 && sizes.row_width() <= 560.0,
            "{sizes:?}"
        );
    }
}
