//! The register details view: title, version label, date issued, status, marking, owner and purpose,
//! the ICO prior consultation (`consultation`), and the systems and rights the register covers,
//! with forms to add more.
//!
//! Every change is pushed as a `Command::Edit`.

use egui::{RichText, Role, TextEdit, Ui, WidgetInfo};
use jiff::civil::Date;

use super::a11y::names;
use super::command::Command;
use super::entry_editor::date_field;
use super::state::Derived;
use super::theme;
use crate::gui::error_text::ErrorText;
use crate::gui::i18n::{self, UiName, tr, tr_args};
use dpia_core::edit::{DetailText, Edit, RightText};
use dpia_core::register::{Language, Marking, Register, Right, RightId, Status, System, SystemId};

/// What is typed into the add-system and add-right forms, kept in egui's memory between frames.
#[derive(Debug, Clone, Default)]
struct Drafts {
    system_id: String,
    system_name: String,
    right_id: String,
    right_name: String,
    right_reference: String,
}

/// Draws the details view.
pub(super) fn details_ui(
    ui: &mut Ui,
    register: &Register,
    derived: &Derived,
    today: Date,
    commands: &mut Vec<Command>,
) {
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // No wider than the view, so a small window wraps the text instead of cutting it off.
            ui.set_max_width(ui.available_width().min(900.0));
            ui.heading(tr("register-register-details"));
            ui.add_space(6.0);
            metadata_ui(ui, register, today, commands);
            ui.add_space(18.0);
            super::consultation::prior_consultation_ui(ui, register, commands);
            ui.add_space(18.0);
            let drafts_id = ui.make_persistent_id("details-drafts");
            let mut drafts: Drafts = ui.data_mut(|d| d.get_temp(drafts_id)).unwrap_or_default();
            ui.heading(tr("register-systems"));
            systems_ui(ui, register, derived, &mut drafts, commands);
            ui.add_space(18.0);
            ui.heading(tr("register-rights-catalogue"));
            rights_ui(ui, register, &mut drafts, commands);
            ui.data_mut(|d| d.insert_temp(drafts_id, drafts));
        });
}

fn metadata_ui(ui: &mut Ui, register: &Register, today: Date, commands: &mut Vec<Command>) {
    let metadata = &register.metadata;
    egui::Grid::new("metadata")
        .num_columns(2)
        .spacing([16.0, 8.0])
        .striped(false)
        .show(ui, |ui| {
            for (field, label, value) in [
                (DetailText::Title, tr("register-title"), &metadata.title),
                (
                    DetailText::Programme,
                    tr("register-programme"),
                    &metadata.programme,
                ),
                (
                    DetailText::VersionLabel,
                    tr("register-version-label"),
                    &metadata.version_label,
                ),
                (DetailText::Owner, tr("actions-owner"), &metadata.owner),
            ] {
                let label = ui.label(RichText::new(label).strong());
                let mut text = value.clone();
                let response = ui
                    .add(TextEdit::singleline(&mut text).desired_width(560.0))
                    .labelled_by(label.id);
                let response = if field == DetailText::Owner {
                    response.accessible_name(names::register_owner())
                } else {
                    response
                };
                if response.changed() {
                    commands.push(Command::Edit(Edit::SetDetailText { field, text }));
                }
                ui.end_row();
            }
            ui.label(RichText::new(tr("register-date-issued")).strong());
            ui.horizontal(|ui| {
                if let Some(date) = date_field(
                    ui,
                    "date-issued",
                    metadata.date_issued,
                    tr("register-date-issued"),
                ) {
                    commands.push(Command::Edit(Edit::SetDateIssued { date }));
                }
                if ui
                    .add_enabled(
                        metadata.date_issued != Some(today),
                        egui::Button::new(tr("register-today")),
                    )
                    .clicked()
                {
                    commands.push(Command::Edit(Edit::SetDateIssued { date: Some(today) }));
                }
            });
            ui.end_row();
            ui.label(RichText::new(tr("actions-status")).strong());
            let mut status = metadata.status;
            egui::ComboBox::from_id_salt("status")
                .selected_text(status.ui_name())
                .show_ui(ui, |ui| {
                    for choice in Status::ALL {
                        ui.selectable_value(&mut status, choice, choice.ui_name());
                    }
                })
                .response
                .widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, tr("actions-status")));
            if status != metadata.status {
                commands.push(Command::Edit(Edit::SetStatus { status }));
            }
            ui.end_row();
            marking_row_ui(ui, metadata.marking, commands);
            language_row_ui(ui, metadata.language, commands);
        });
    ui.add_space(6.0);
    let label = ui.label(RichText::new(tr("register-purpose")).strong());
    let mut purpose = metadata.purpose.clone();
    let response = ui
        .add(
            TextEdit::multiline(&mut purpose)
                .desired_rows(5)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if response.changed() {
        commands.push(Command::Edit(Edit::SetDetailText {
            field: DetailText::Purpose,
            text: purpose,
        }));
    }
}

/// The grid row of the protective marking.
fn marking_row_ui(ui: &mut Ui, current: Marking, commands: &mut Vec<Command>) {
    ui.label(RichText::new(tr("register-protective-marking")).strong());
    let mut marking = current;
    egui::ComboBox::from_id_salt("marking")
        .width(200.0)
        .selected_text(marking.label())
        .show_ui(ui, |ui| {
            for choice in Marking::ALL {
                ui.selectable_value(&mut marking, choice, choice.label());
            }
        })
        .response
        .widget_info(|| {
            WidgetInfo::labeled(Role::ComboBox, true, tr("register-protective-marking"))
        });
    if marking != current {
        commands.push(Command::Edit(Edit::SetMarking { marking }));
    }
    ui.end_row();
}

/// The grid row of the register's language: the language of its papers' fixed words.
fn language_row_ui(ui: &mut Ui, current: Language, commands: &mut Vec<Command>) {
    ui.label(RichText::new(tr("register-language")).strong());
    let mut language = current;
    ui.horizontal(|ui| {
        egui::ComboBox::from_id_salt("register-language")
            .selected_text(i18n::language_name(language))
            .show_ui(ui, |ui| {
                for choice in Language::ALL {
                    ui.selectable_value(&mut language, choice, i18n::language_name(choice));
                }
            })
            .response
            .widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, tr("register-language")));
        ui.label(RichText::new(tr("register-language-note")).weak());
    });
    if language != current {
        commands.push(Command::Edit(Edit::SetLanguage { language }));
    }
    ui.end_row();
}

fn systems_ui(
    ui: &mut Ui,
    register: &Register,
    derived: &Derived,
    drafts: &mut Drafts,
    commands: &mut Vec<Command>,
) {
    egui::Grid::new("systems")
        .num_columns(3)
        .spacing([16.0, 6.0])
        .striped(true)
        .show(ui, |ui| {
            for system in &register.systems {
                ui.label(RichText::new(system.id.as_str()).strong());
                ui.label(&system.name);
                let count = derived
                    .systems
                    .iter()
                    .find(|(id, _)| id == &system.id)
                    .map_or(0, |(_, count)| *count);
                ui.label(RichText::new(super::entries(count)).weak());
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.add(
            TextEdit::singleline(&mut drafts.system_id)
                .hint_text(tr("register-new-system-id-e-g"))
                .desired_width(180.0),
        )
        .accessible_name(names::new_system_id());
        ui.add(
            TextEdit::singleline(&mut drafts.system_name)
                .hint_text(tr("register-new-system-name"))
                .desired_width(300.0),
        )
        .accessible_name(names::new_system_name());
        let id = SystemId::parse(&drafts.system_id);
        let ready = id.is_ok() && !drafts.system_name.trim().is_empty();
        let add = ui.add_enabled(ready, egui::Button::new(tr("register-add-system")));
        if let (Err(err), false) = (&id, drafts.system_id.trim().is_empty()) {
            ui.label(
                RichText::new(err.error_text()).color(theme::error_text(theme::look(ui.ctx()))),
            );
        }
        if add.clicked()
            && let Ok(id) = id
        {
            commands.push(Command::Edit(Edit::AddSystem {
                system: System {
                    id,
                    name: drafts.system_name.trim().to_owned(),
                    description: String::new(),
                },
            }));
            drafts.system_id.clear();
            drafts.system_name.clear();
        }
    });
}

fn rights_ui(ui: &mut Ui, register: &Register, drafts: &mut Drafts, commands: &mut Vec<Command>) {
    egui::Grid::new("rights")
        .num_columns(3)
        .spacing([16.0, 6.0])
        .striped(true)
        .show(ui, |ui| {
            for right in &register.rights {
                ui.label(RichText::new(right.id.as_str()).monospace());
                for (field, text, width) in [
                    (RightText::Name, &right.name, 300.0),
                    (RightText::LegalReference, &right.legal_reference, 160.0),
                ] {
                    let mut edited = text.clone();
                    let accessible = match field {
                        RightText::Name => {
                            tr_args!("register-right-name", right = right.id.as_str())
                        }
                        RightText::LegalReference => {
                            tr_args!("register-right-reference", right = right.id.as_str())
                        }
                    };
                    let response = ui.add(TextEdit::singleline(&mut edited).desired_width(width));
                    response.widget_info(|| {
                        WidgetInfo::labeled(Role::TextInput, true, accessible.as_str())
                    });
                    if response.changed() {
                        commands.push(Command::Edit(Edit::SetRightText {
                            right: right.id.clone(),
                            field,
                            text: edited,
                        }));
                    }
                }
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.add(
            TextEdit::singleline(&mut drafts.right_id)
                .hint_text(tr("register-new-right-id-e-g"))
                .desired_width(180.0),
        )
        .accessible_name(names::new_right_id());
        ui.add(
            TextEdit::singleline(&mut drafts.right_name)
                .hint_text(tr("register-new-right-name"))
                .desired_width(220.0),
        )
        .accessible_name(names::new_right_name());
        ui.add(
            TextEdit::singleline(&mut drafts.right_reference)
                .hint_text(tr("register-legal-reference"))
                .desired_width(140.0),
        )
        .accessible_name(names::new_right_reference());
        let id = RightId::parse(&drafts.right_id);
        let ready = id.is_ok() && !drafts.right_name.trim().is_empty();
        let add = ui.add_enabled(ready, egui::Button::new(tr("register-add-right")));
        if add.clicked()
            && let Ok(id) = id
        {
            commands.push(Command::Edit(Edit::AddRight {
                right: Right {
                    id,
                    name: drafts.right_name.trim().to_owned(),
                    legal_reference: drafts.right_reference.trim().to_owned(),
                },
            }));
            *drafts = Drafts::default();
        }
    });
}
