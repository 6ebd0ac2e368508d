//! The left panel: the systems list with entry counts, and the filters.
//!
//! Changes only the view state (the filter); never the register.

use egui::{RichText, Role, Sense, Ui, Vec2, WidgetInfo};

use super::command::{Command, MenuCommand};
use super::state::{Derived, Document, ViewState};
use super::theme;
use crate::gui::i18n::{UiName, tr, tr_args};
use dpia_core::filter::MustHaveFilter;
use dpia_core::register::{MitigationStatus, Register, SystemId};
use dpia_core::scoring::Level;

/// Draws the systems list and the filters.
pub(super) fn sidebar_ui(
    ui: &mut Ui,
    document: &Document,
    derived: &mut Derived,
    view: &mut ViewState,
    commands: &mut Vec<Command>,
) {
    let register = &document.register;
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.add_space(6.0);
        section_heading(ui, tr("register-systems"));
        let total = register.entries.len();
        if count_row(
            ui,
            view.filter.system.is_none(),
            tr("register-all-systems"),
            total,
        )
        .clicked()
        {
            view.filter.system = None;
        }
        for (system, count) in &derived.systems {
            let name = register
                .system(system)
                .map_or_else(String::new, |s| s.name.clone());
            let selected = view.filter.system.as_ref() == Some(system);
            let response = count_row(ui, selected, system.as_str(), *count);
            let response = if name.is_empty() {
                response
            } else {
                response.on_hover_text(name)
            };
            if response.clicked() {
                view.filter.system = if selected { None } else { Some(system.clone()) };
            }
        }
        ui.add_space(14.0);
        section_heading(ui, tr("register-filters"));
        filters_ui(ui, document, derived, view);
        if view.filter.is_active() {
            ui.add_space(8.0);
            if ui.button(tr("app-clear-filters")).clicked() {
                commands.push(Command::Menu(MenuCommand::ClearFilters));
            }
        }
    });
}

fn section_heading(ui: &mut Ui, text: &str) {
    ui.label(
        RichText::new(text.to_uppercase())
            .size(11.5)
            .color(ui.visuals().weak_text_color())
            .font(egui::FontId::new(11.5, theme::bold_family())),
    );
    ui.add_space(2.0);
}

/// A full-width selectable row: a name on the left and a count on the right.
fn count_row(ui: &mut Ui, selected: bool, name: &str, count: usize) -> egui::Response {
    let size = Vec2::new(ui.available_width(), 26.0);
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    let accessible = format!("{name}, {}", super::entries(count));
    response.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, &accessible));
    let visuals = ui.visuals();
    if selected {
        ui.painter()
            .rect_filled(rect, 4.0, visuals.selection.bg_fill);
    } else if response.hovered() {
        ui.painter()
            .rect_filled(rect, 4.0, visuals.widgets.hovered.weak_bg_fill);
    }
    let text_color = if selected {
        visuals.strong_text_color()
    } else {
        visuals.text_color()
    };
    let font = if selected {
        theme::bold_body()
    } else {
        egui::FontId::proportional(14.0)
    };
    ui.painter().text(
        rect.left_center() + Vec2::new(8.0, 0.0),
        egui::Align2::LEFT_CENTER,
        name,
        font,
        text_color,
    );
    ui.painter().text(
        rect.right_center() - Vec2::new(8.0, 0.0),
        egui::Align2::RIGHT_CENTER,
        count.to_string(),
        egui::FontId::proportional(13.0),
        visuals.weak_text_color(),
    );
    response
}

fn filters_ui(ui: &mut Ui, document: &Document, derived: &mut Derived, view: &mut ViewState) {
    let register = &document.register;
    let filter = &mut view.filter;
    let width = ui.available_width();
    ui.label(tr("editor-category"));
    egui::ComboBox::from_id_salt("filter-category")
        .width(width)
        .selected_text(
            filter
                .category
                .as_deref()
                .unwrap_or(tr("register-any-category")),
        )
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.category, None, tr("register-any-category"));
            // Gathered only while the list is open: not on every key typed elsewhere.
            for category in derived.categories(document) {
                ui.selectable_value(&mut filter.category, Some(category.clone()), category);
            }
        })
        .response
        .widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, tr("register-category-filter")));
    ui.add_space(4.0);
    ui.label(tr("register-residual-level"));
    egui::ComboBox::from_id_salt("filter-level")
        .width(width)
        .selected_text(
            filter
                .level
                .map_or(tr("register-any-level"), Level::ui_name),
        )
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.level, None, tr("register-any-level"));
            for level in Level::ALL.into_iter().rev() {
                ui.selectable_value(&mut filter.level, Some(level), level.ui_name());
            }
        })
        .response
        .widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, tr("register-level-filter")));
    ui.add_space(4.0);
    ui.label(tr("register-mitigation-status"));
    let (any, chosen) = (tr("register-any-status"), &mut filter.mitigation_status);
    egui::ComboBox::from_id_salt("filter-status")
        .width(width)
        .selected_text(chosen.map_or(any, MitigationStatus::ui_name))
        .show_ui(ui, |ui| {
            ui.selectable_value(chosen, None, any);
            for status in MitigationStatus::ALL {
                ui.selectable_value(chosen, Some(status), status.ui_name());
            }
        })
        .response
        .widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, tr("actions-status-filter")));
    ui.add_space(4.0);
    ui.label(tr("register-must-have"));
    let must_have_label = |choice: MustHaveFilter| match choice {
        MustHaveFilter::All => tr("register-must-have-or-not"),
        MustHaveFilter::OnlyMustHave => tr("register-only-must-have"),
        MustHaveFilter::OnlyOthers => tr("register-only-the-others"),
    };
    egui::ComboBox::from_id_salt("filter-must-have")
        .width(width)
        .selected_text(must_have_label(filter.must_have))
        .show_ui(ui, |ui| {
            for choice in [
                MustHaveFilter::All,
                MustHaveFilter::OnlyMustHave,
                MustHaveFilter::OnlyOthers,
            ] {
                ui.selectable_value(&mut filter.must_have, choice, must_have_label(choice));
            }
        })
        .response
        .widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, tr("register-must-have-filter")));

    // Filters set from the heat map views, shown so they can be seen and removed.
    if let Some(cell) = filter.cell {
        ui.add_space(8.0);
        let text = tr_args!(
            "register-cell",
            stage = cell.stage.ui_name(),
            severity = cell.severity.ui_name(),
            likelihood = cell.likelihood.ui_name()
        );
        if removable(ui, &text) {
            filter.cell = None;
        }
    }
    if let Some(right) = filter.right.clone() {
        ui.add_space(8.0);
        let text = tr_args!("register-bears-on", right = register.right_name(&right));
        if removable(ui, &text) {
            filter.right = None;
        }
    }
}

/// A filter shown as a chip with a remove button; true when removed.
fn removable(ui: &mut Ui, text: &str) -> bool {
    let mut removed = false;
    egui::Frame::new()
        .fill(ui.visuals().selection.bg_fill)
        .corner_radius(4)
        .inner_margin(egui::Margin::symmetric(8, 4))
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(text);
                let remove = ui
                    .small_button("✕")
                    .on_hover_text(tr("register-remove-this-filter"));
                remove.widget_info(|| {
                    WidgetInfo::labeled(
                        Role::Button,
                        true,
                        tr_args!("register-remove-filter", text = text),
                    )
                });
                removed |= remove.clicked();
            });
        });
    removed
}

/// The system new entries go to: the one filtered on, else the selected entry's, else the first.
pub(super) fn system_for_new_entry(register: &Register, view: &ViewState) -> Option<SystemId> {
    view.filter
        .system
        .clone()
        .or_else(|| {
            view.selection
                .as_ref()
                .and_then(|id| register.entry(id))
                .map(|entry| entry.system.clone())
        })
        .or_else(|| register.systems.first().map(|system| system.id.clone()))
}
