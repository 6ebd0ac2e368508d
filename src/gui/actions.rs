//! The Actions view: the action log grouped by section then theme as the Open Space lays it out,
//! filters (status, owner, theme, overdue today), and on each action its updates, its links, a
//! one-line form to add an update (dated today, by the author in settings; Enter adds it) and the
//! buttons that propose it complete, complete it or close it (with the typed text as the reason).
//!
//! Pure drawing over the register: every change is pushed as a `Command::Edit`; the filters and the
//! half-typed updates are view state kept in egui's memory, never in the register.

use egui::{RichText, Role, TextEdit, Ui, WidgetInfo};
use jiff::civil::Date;

use super::a11y::names;
use super::command::Command;
use super::settings::Settings;
use super::state::View;
use crate::gui::i18n::{self, UiName, tr, tr_args};
use dpia_core::action_log::{self, ActionFilter, LogSection};
use dpia_core::edit::Edit;
use dpia_core::register::{Action, ActionStatus, ActionUpdate, LinkKind, Register};
use dpia_report::labels::labels;

/// The filters, as typed; kept in egui's memory between frames.
#[derive(Debug, Clone, Default)]
struct Filters {
    status: Option<ActionStatus>,
    owner: String,
    theme: Option<String>,
    is_overdue_only: bool,
}

/// Draws the Actions view.
pub(super) fn actions_ui(
    ui: &mut Ui,
    register: &Register,
    today: Date,
    settings: &Settings,
    commands: &mut Vec<Command>,
) {
    let filters_id = ui.make_persistent_id("action-filters");
    let mut filters: Filters = ui.data_mut(|d| d.get_temp(filters_id)).unwrap_or_default();
    ui.heading(tr("actions-action-log"));
    filters_ui(ui, register, &mut filters);
    ui.separator();
    let filter = ActionFilter {
        status: filters.status,
        owner: Some(filters.owner.trim().to_owned()).filter(|owner| !owner.is_empty()),
        theme: filters.theme.clone(),
        overdue_on: filters.is_overdue_only.then_some(today),
        from_workshop: None,
    };
    let shown = action_log::filter(register, &filter);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_max_width(980.0);
            if shown.is_empty() {
                ui.label(if register.actions.is_empty() {
                    tr("actions-the-log-has-no-actions")
                } else {
                    tr("actions-no-action-matches-the-filters")
                });
            }
            for (section, actions) in action_log::grouped(&shown) {
                ui.add_space(8.0);
                ui.heading(match section {
                    LogSection::Ongoing => tr("actions-ongoing"),
                    LogSection::ProposedComplete => tr("actions-proposed-complete"),
                    LogSection::Completed => tr("actions-completed"),
                });
                let mut theme: Option<&str> = None;
                for action in actions {
                    if theme != Some(action.theme.as_str()) {
                        theme = Some(action.theme.as_str());
                        if !action.theme.is_empty() {
                            ui.label(RichText::new(&action.theme).strong());
                        }
                    }
                    action_ui(ui, register, action, today, settings, commands);
                }
            }
        });
    ui.data_mut(|d| d.insert_temp(filters_id, filters));
}

fn filters_ui(ui: &mut Ui, register: &Register, filters: &mut Filters) {
    ui.horizontal_wrapped(|ui| {
        ui.label(tr("actions-status"));
        egui::ComboBox::from_id_salt("action-status-filter")
            .selected_text(
                filters
                    .status
                    .map_or(tr("actions-any"), ActionStatus::ui_name),
            )
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filters.status, None, tr("actions-any"));
                for status in ActionStatus::ALL {
                    ui.selectable_value(&mut filters.status, Some(status), status.ui_name());
                }
            })
            .response
            .widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, tr("actions-status-filter")));
        ui.label(tr("actions-owner"));
        ui.add(TextEdit::singleline(&mut filters.owner).desired_width(140.0))
            .accessible_name(names::owner_filter());
        ui.label(tr("actions-theme"));
        let mut themes: Vec<&str> = register.actions.iter().map(|a| a.theme.as_str()).collect();
        themes.sort_unstable();
        themes.dedup();
        egui::ComboBox::from_id_salt("action-theme-filter")
            .selected_text(filters.theme.as_deref().unwrap_or(tr("actions-any")))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filters.theme, None, tr("actions-any"));
                for theme in themes.into_iter().filter(|t| !t.is_empty()) {
                    ui.selectable_value(&mut filters.theme, Some(theme.to_owned()), theme);
                }
            })
            .response
            .widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, tr("actions-theme-filter")));
        ui.checkbox(&mut filters.is_overdue_only, tr("actions-overdue-today"));
    });
}

fn action_ui(
    ui: &mut Ui,
    register: &Register,
    action: &Action,
    today: Date,
    settings: &Settings,
    commands: &mut Vec<Command>,
) {
    let number = action.number;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("#{number}")).strong());
            ui.label(action.status.ui_name());
            if let Some(deadline) = action.deadline {
                let due = RichText::new(tr_args!(
                    "actions-due",
                    deadline = labels(i18n::language()).deadline_text(deadline)
                ));
                ui.label(if action.is_overdue(today) {
                    due.color(ui.visuals().error_fg_color).strong()
                } else {
                    due.weak()
                });
            }
            if !action.owners.is_empty() {
                ui.label(RichText::new(action.owners_text()).weak());
            }
            if let Some(from) = &action.from {
                ui.label(
                    RichText::new(tr_args!(
                        "actions-from",
                        from = labels(i18n::language()).origin(from)
                    ))
                    .weak(),
                );
            }
        });
        ui.label(&action.text);
        let num_updates = action.updates.len();
        for (update_idx, update) in action.updates.iter().enumerate() {
            let date = update.date.map(|d| format!("{d}: ")).unwrap_or_default();
            let who = if update.who.is_empty() {
                String::new()
            } else {
                format!(" ({})", update.who)
            };
            let line = RichText::new(format!("{date}{}{who}", update.text));
            ui.label(if update_idx + 1 == num_updates {
                line.strong()
            } else {
                line
            });
        }
        links_ui(ui, register, action, commands);
        update_form_ui(ui, action, today, settings, commands);
    });
    ui.add_space(4.0);
}

/// The entries it concerns (a click shows the entry in the register), and the actions it links
/// to and that link to it.
fn links_ui(ui: &mut Ui, register: &Register, action: &Action, commands: &mut Vec<Command>) {
    let linked_from = action_log::linked_from(register, action.number);
    if action.entries.is_empty() && action.links.is_empty() && linked_from.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        for entry in &action.entries {
            if ui
                .link(entry.as_str())
                .on_hover_text(tr("actions-show-the-entry-in-the"))
                .clicked()
            {
                commands.push(Command::Select(Some(entry.clone())));
                commands.push(Command::ShowView(View::Register));
            }
        }
        for link in &action.links {
            ui.label(
                RichText::new(tr_args!(
                    "actions-action",
                    kind = link.kind.ui_name(),
                    action = link.action
                ))
                .weak(),
            );
        }
        for (kind, from) in linked_from {
            let text = match kind {
                LinkKind::PickedUpBy => tr_args!("actions-picks-up-action", from = from),
                LinkKind::LinksTo => tr_args!("actions-linked-from-action", from = from),
            };
            ui.label(RichText::new(text).weak());
        }
    });
}

/// The update field with Add update, and the status buttons, which add the typed text as the
/// reason.
fn update_form_ui(
    ui: &mut Ui,
    action: &Action,
    today: Date,
    settings: &Settings,
    commands: &mut Vec<Command>,
) {
    let number = action.number;
    let draft_id = ui.make_persistent_id(("action-update", number));
    let mut draft: String = ui.data_mut(|d| d.get_temp(draft_id)).unwrap_or_default();
    let mut is_added = false;
    let mut new_status = None;
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new(tr_args!("actions-update-on", number = number)).weak());
        let response = ui
            .add(
                TextEdit::singleline(&mut draft)
                    .hint_text(tr("actions-what-has-happened-since"))
                    .desired_width(380.0),
            )
            .labelled_by(label.id);
        let is_entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let has_text = !draft.trim().is_empty();
        let add = ui.add_enabled(has_text, egui::Button::new(tr("actions-add-update")));
        add.widget_info(|| {
            WidgetInfo::labeled(
                Role::Button,
                has_text,
                tr_args!("actions-add-update-to", number = number),
            )
        });
        is_added = has_text && (is_entered || add.clicked());
        for (status, text) in [
            (
                ActionStatus::ProposedComplete,
                tr("actions-propose-complete"),
            ),
            (ActionStatus::Complete, tr("actions-complete")),
            (ActionStatus::Closed, tr("actions-close")),
        ] {
            let is_enabled = action.status != status;
            let button = ui.add_enabled(is_enabled, egui::Button::new(text));
            button.widget_info(|| {
                WidgetInfo::labeled(Role::Button, is_enabled, format!("{text} {number}"))
            });
            if button.clicked() {
                new_status = Some(status);
            }
        }
    });
    if (is_added || new_status.is_some()) && !draft.trim().is_empty() {
        commands.push(Command::Edit(Edit::AddActionUpdate {
            number,
            update: ActionUpdate {
                date: Some(today),
                text: draft.trim().to_owned(),
                who: settings.author(),
                is_confidential: false,
            },
        }));
        draft.clear();
    }
    if let Some(status) = new_status {
        commands.push(Command::Edit(Edit::SetActionStatus { number, status }));
    }
    ui.data_mut(|d| d.insert_temp(draft_id, draft));
}
