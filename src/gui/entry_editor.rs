//! The editor for the selected entry: its texts, mitigations, affected groups, source, flags, and
//! (beside them) its scores, rank, rights-impact grid and the acceptance of its residual risk.
//!
//! Every change is pushed as a `Command::Edit`; the fields show the register as it stands, so undo
//! and other views' changes appear here at once.

use egui::{Align, Id, RichText, Role, TextEdit, Ui, WidgetInfo};
use jiff::civil::Date;

use super::a11y::{keys, names, reading_order};
use super::acceptance::{acceptance_status_ui, acceptance_ui};
use super::command::{Command, MenuCommand};
use super::date_text;
use super::impact_grid::impact_grid_ui;
use super::one_line::one_line_ui;
use super::reason_text::reason_line;
use super::state::Derived;
use super::theme;
use super::trail_view::entry_history_ui;
use crate::gui::i18n::{UiName, tr, tr_args};
use dpia_core::edit::{Edit, EntryText};
use dpia_core::register::{Entry, Field, Mitigation, MitigationStatus, Register};
use dpia_files::trail_file::Trail;

/// The author and date a new decision in the editor is offered with.
pub(super) struct Defaults<'a> {
    /// The settings' author.
    pub author: &'a str,
    /// Today.
    pub today: Date,
}

/// Draws the editor for `entry`, in two columns: texts on the left, scores on the right.
pub(super) fn entry_editor_ui(
    ui: &mut Ui,
    register: &Register,
    derived: &Derived,
    trail: &Trail,
    entry: &Entry,
    defaults: &Defaults<'_>,
    commands: &mut Vec<Command>,
) {
    header_ui(ui, register, derived, entry, commands);
    ui.separator();
    let width = ui.available_width();
    // The impact grid shows whole right names beside compact pickers in about 560 points; the
    // texts take up to 42% and what the grid leaves, at least 290 (a mitigation's heading row).
    let left_width = (width * 0.42).min(width - 560.0).max(290.0);
    egui_extras::StripBuilder::new(ui)
        .size(egui_extras::Size::exact(left_width))
        .size(egui_extras::Size::exact(12.0))
        .size(egui_extras::Size::remainder())
        .horizontal(|mut strip| {
            strip.cell(|ui| {
                // Scrolls sideways rather than grow: a strip cell wider than its size pushes the
                // grid past the window's edge.
                egui::ScrollArea::both()
                    .id_salt("entry-texts")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        ui.set_width(left_width - 16.0);
                        texts_ui(ui, entry, commands);
                        ui.add_space(8.0);
                        entry_history_ui(ui, trail, &entry.id);
                        keys::keep_focus_in_view(ui);
                    });
            });
            strip.cell(|ui| {
                ui.add(egui::Separator::default().vertical());
            });
            strip.cell(|ui| {
                egui::ScrollArea::both()
                    .id_salt("entry-impacts")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        scores_ui(ui, derived, register, entry);
                        ui.add_space(6.0);
                        impact_grid_ui(ui, register, entry, commands);
                        ui.add_space(10.0);
                        acceptance_ui(
                            ui,
                            register,
                            derived,
                            entry,
                            defaults.author,
                            defaults.today,
                            commands,
                        );
                        keys::keep_focus_in_view(ui);
                    });
            });
        });
}

fn header_ui(
    ui: &mut Ui,
    register: &Register,
    derived: &Derived,
    entry: &Entry,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(entry.id.as_str())
                .font(theme::bold_family_size(18.0))
                .color(theme::accent(theme::look(ui.ctx()))),
        );
        let system = register
            .system(&entry.system)
            .map_or_else(|| entry.system.to_string(), |s| s.name.clone());
        ui.label(RichText::new(system).weak());
        if let Some(ranked) = register
            .entry_idx(&entry.id)
            .and_then(|entry_idx| derived.ranked_entry(entry_idx))
        {
            ui.label(
                RichText::new(tr_args!(
                    "editor-rank-of",
                    rank = ranked.tied_rank,
                    tied = if ranked.is_tied { "yes" } else { "no" },
                    entries = register.entries.len()
                ))
                .strong(),
            );
        }
        reading_order::right_aligned(ui, "entry-buttons", |ui| {
            if ui
                .button(tr("editor-duplicate"))
                .on_hover_text(tr("editor-add-a-copy-of-this"))
                .clicked()
            {
                commands.push(Command::Menu(MenuCommand::DuplicateEntry));
            }
            if ui
                .button(tr("editor-delete"))
                .on_hover_text(tr("editor-delete-this-entry-undo-brings"))
                .clicked()
            {
                commands.push(Command::Menu(MenuCommand::DeleteEntry));
            }
        });
    });
}

/// The issue (which takes the keyboard after Ctrl+E) and the category.
fn issue_and_category_ui(ui: &mut Ui, entry: &Entry, commands: &mut Vec<Command>) {
    let set_text = |field, text| {
        Command::Edit(Edit::SetEntryText {
            entry: entry.id.clone(),
            field,
            text,
        })
    };
    let focus_issue = ui
        .data_mut(|d| d.remove_temp::<bool>(focus_request_id()))
        .unwrap_or(false);
    if let Some(text) = single_line(
        ui,
        tr("editor-issue"),
        &entry.issue,
        tr("editor-short-title-of-the-issue"),
        focus_issue,
    ) {
        commands.push(set_text(EntryText::Issue, text));
    }
    if let Some(text) = single_line(
        ui,
        tr("editor-category"),
        &entry.category,
        tr("editor-data-quality-retention-custody-images"),
        false,
    ) {
        commands.push(set_text(EntryText::Category, text));
    }
}

fn texts_ui(ui: &mut Ui, entry: &Entry, commands: &mut Vec<Command>) {
    let set_text = |field, text| {
        Command::Edit(Edit::SetEntryText {
            entry: entry.id.clone(),
            field,
            text,
        })
    };
    issue_and_category_ui(ui, entry, commands);
    if let Some(text) = multi_line(ui, tr("editor-concern"), &entry.concern, 4) {
        commands.push(set_text(EntryText::Concern, text));
    }
    ui.horizontal(|ui| {
        let mut must_have = entry.must_have;
        if ui
            .checkbox(&mut must_have, tr("editor-must-have-for-the-next"))
            .changed()
        {
            commands.push(Command::Edit(Edit::SetMustHave {
                entry: entry.id.clone(),
                must_have,
            }));
        }
        ui.add_space(12.0);
        let label = ui.label(tr("editor-votes"));
        let mut votes = entry.votes;
        let response = ui
            .add(egui::DragValue::new(&mut votes).range(0..=999))
            .labelled_by(label.id);
        if response.changed() {
            commands.push(Command::Edit(Edit::SetVotes {
                entry: entry.id.clone(),
                votes,
            }));
        }
    });
    ui.add_space(8.0);
    mitigations_ui(ui, entry, commands);
    ui.add_space(8.0);
    groups_ui(ui, entry, commands);
    ui.add_space(8.0);
    if let Some(text) = multi_line(ui, tr("editor-balancing-note"), &entry.balancing.note, 2) {
        commands.push(set_text(EntryText::BalancingNote, text));
    }
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        let label = ui.label(tr("editor-source"));
        let mut document = entry.source.document.clone();
        let response = ui
            .add(
                TextEdit::singleline(&mut document)
                    .hint_text(tr("editor-document"))
                    .desired_width(
                        (ui.available_width() - 96.0 - ui.spacing().item_spacing.x).max(80.0),
                    ),
            )
            .labelled_by(label.id);
        if response.changed() {
            commands.push(set_text(EntryText::SourceDocument, document));
        }
        if let Some(date) = date_field(
            ui,
            ("source-date", &entry.id),
            entry.source.date,
            tr("editor-source-date"),
        ) {
            commands.push(Command::Edit(Edit::SetSourceDate {
                entry: entry.id.clone(),
                date,
            }));
        }
    });
    ui.add_space(8.0);
    egui::CollapsingHeader::new(tr("editor-confidential-fields-left-out-of"))
        .id_salt("confidential")
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                for field in Field::ALL {
                    let mut is_confidential = entry.is_confidential(field);
                    let label = field.ui_name().to_owned();
                    if ui.checkbox(&mut is_confidential, label).changed() {
                        commands.push(Command::Edit(Edit::SetConfidential {
                            entry: entry.id.clone(),
                            field,
                            is_confidential,
                        }));
                    }
                }
            });
        });
}

fn mitigations_ui(ui: &mut Ui, entry: &Entry, commands: &mut Vec<Command>) {
    ui.label(RichText::new(tr("editor-mitigations")).font(theme::bold_body()));
    let count = entry.mitigations.len();
    for (mitigation_idx, mitigation) in entry.mitigations.iter().enumerate() {
        egui::Frame::group(ui.style())
            .inner_margin(egui::Margin::same(6))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                mitigation_ui(ui, entry, mitigation_idx, mitigation, count, commands);
            });
    }
    if ui.button(tr("editor-add-mitigation")).clicked() {
        commands.push(Command::Edit(Edit::AddMitigation {
            entry: entry.id.clone(),
            mitigation: Mitigation::proposed(""),
        }));
    }
}

fn mitigation_ui(
    ui: &mut Ui,
    entry: &Entry,
    mitigation_idx: usize,
    mitigation: &Mitigation,
    count: usize,
    commands: &mut Vec<Command>,
) {
    let number = mitigation_idx + 1;
    let id = &entry.id;
    let edit = |edit| Command::Edit(edit);
    let heading = mitigation_heading_ui(ui, entry, mitigation_idx, mitigation, count, commands);
    let mut text = mitigation.text.clone();
    let response = ui
        .add(
            TextEdit::multiline(&mut text)
                .desired_rows(2)
                .desired_width(f32::INFINITY)
                .hint_text(tr("editor-what-is-done-or-proposed")),
        )
        .labelled_by(heading.id);
    if response.changed() {
        commands.push(edit(Edit::SetMitigationText {
            entry: id.clone(),
            mitigation_idx,
            text,
        }));
    }
    ui.horizontal(|ui| {
        ui.label(tr("actions-owner"));
        let mut owner = mitigation.owner.clone();
        let width = (ui.available_width() - 150.0 - 2.0 * ui.spacing().item_spacing.x).max(60.0);
        let owner_id = ui.make_persistent_id(("mitigation-owner", mitigation_idx));
        let response = one_line_ui(
            ui,
            &mut owner,
            owner_id,
            tr("editor-who-is-responsible"),
            width,
        )
        .accessible_name(names::mitigation_owner(number));
        if response.changed() {
            commands.push(edit(Edit::SetMitigationOwner {
                entry: id.clone(),
                mitigation_idx,
                owner,
            }));
        }
        ui.label(tr("editor-due"));
        if let Some(due) = date_field(
            ui,
            ("mitigation-due", &id, mitigation_idx),
            mitigation.due,
            &tr_args!("editor-mitigation-due-date", number = number),
        ) {
            commands.push(edit(Edit::SetMitigationDue {
                entry: id.clone(),
                mitigation_idx,
                due,
            }));
        }
    });
}

/// The mitigation's heading row: its number, status and the move and remove buttons.
fn mitigation_heading_ui(
    ui: &mut Ui,
    entry: &Entry,
    mitigation_idx: usize,
    mitigation: &Mitigation,
    count: usize,
    commands: &mut Vec<Command>,
) -> egui::Response {
    let number = mitigation_idx + 1;
    let id = &entry.id;
    let edit = |edit| Command::Edit(edit);
    ui.horizontal(|ui| {
        let heading =
            ui.label(RichText::new(tr_args!("editor-mitigation", number = number)).strong());
        let mut status = mitigation.status;
        egui::ComboBox::from_id_salt(("mitigation-status", mitigation_idx))
            .width(110.0)
            .selected_text(status.ui_name())
            .show_ui(ui, |ui| {
                for choice in MitigationStatus::ALL {
                    ui.selectable_value(&mut status, choice, choice.ui_name());
                }
            })
            .response
            .widget_info(|| {
                WidgetInfo::labeled(
                    Role::ComboBox,
                    true,
                    tr_args!("editor-mitigation-status", number = number),
                )
            });
        if status != mitigation.status {
            commands.push(edit(Edit::SetMitigationStatus {
                entry: id.clone(),
                mitigation_idx,
                status,
            }));
        }
        reading_order::right_aligned(ui, "mitigation-buttons", |ui| {
            let icon_button = |ui: &mut Ui, enabled: bool, icon: &str, name: String| {
                let response = ui.add_enabled(enabled, egui::Button::new(icon).small());
                response.widget_info(|| WidgetInfo::labeled(Role::Button, enabled, &name));
                response.on_hover_text(name).clicked()
            };
            if icon_button(
                ui,
                mitigation_idx > 0,
                "↑",
                tr_args!("editor-move-mitigation-up", number = number),
            ) {
                commands.push(edit(Edit::MoveMitigation {
                    entry: id.clone(),
                    from_idx: mitigation_idx,
                    to_idx: mitigation_idx - 1,
                }));
            }
            if icon_button(
                ui,
                number < count,
                "↓",
                tr_args!("editor-move-mitigation-down", number = number),
            ) {
                commands.push(edit(Edit::MoveMitigation {
                    entry: id.clone(),
                    from_idx: mitigation_idx,
                    to_idx: number,
                }));
            }
            if icon_button(
                ui,
                true,
                "✕",
                tr_args!("editor-remove-mitigation", number = number),
            ) {
                commands.push(edit(Edit::RemoveMitigation {
                    entry: id.clone(),
                    mitigation_idx,
                }));
            }
        });
        heading
    })
    .inner
}

fn groups_ui(ui: &mut Ui, entry: &Entry, commands: &mut Vec<Command>) {
    ui.label(RichText::new(tr("editor-affected-groups")).font(theme::bold_body()));
    ui.horizontal_wrapped(|ui| {
        for group in &entry.affected_groups {
            // One widget per group, so the row wraps before it rather than through it.
            let remove = ui
                .add(
                    egui::Button::new(format!("{group}  ✕"))
                        .corner_radius(10)
                        .fill(ui.visuals().faint_bg_color),
                )
                .on_hover_text(tr("editor-remove-this-group"));
            remove.widget_info(|| {
                WidgetInfo::labeled(
                    Role::Button,
                    true,
                    tr_args!("editor-remove-group", group = group),
                )
            });
            if remove.clicked() {
                commands.push(Command::Edit(Edit::RemoveAffectedGroup {
                    entry: entry.id.clone(),
                    group: group.clone(),
                }));
            }
        }
        let id = ui.make_persistent_id("new-group");
        let mut text: String = ui.data_mut(|d| d.get_temp(id)).unwrap_or_default();
        let response = ui
            .add(
                TextEdit::singleline(&mut text)
                    .hint_text(tr("editor-add-a-group-then-enter"))
                    .desired_width(170.0),
            )
            .accessible_name(names::add_group_field());
        if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            if !text.trim().is_empty() {
                commands.push(Command::Edit(Edit::AddAffectedGroup {
                    entry: entry.id.clone(),
                    group: text.trim().to_owned(),
                }));
            }
            text.clear();
        }
        ui.data_mut(|d| d.insert_temp(id, text));
    });
}

fn scores_ui(ui: &mut Ui, derived: &Derived, register: &Register, entry: &Entry) {
    let Some(ranked) = register
        .entry_idx(&entry.id)
        .and_then(|entry_idx| derived.ranked_entry(entry_idx))
    else {
        return;
    };
    // Wrapped, so the acceptance status moves to a line of its own rather than widen the column.
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr("editor-inherent")).strong());
        theme::score_chip(
            ui,
            ranked.scores.inherent.as_ref().map(|top| top.score),
            theme::chip_width(),
        );
        ui.add_space(8.0);
        ui.label(RichText::new(tr("editor-residual")).strong());
        theme::score_chip(
            ui,
            ranked.scores.residual.as_ref().map(|top| top.score),
            theme::chip_width(),
        );
        ui.add_space(8.0);
        ui.label(tr_args!("editor-breadth", breadth = ranked.scores.breadth))
            .on_hover_text(tr("editor-rights-scoring-high-or-above"));
        ui.add_space(8.0);
        acceptance_status_ui(
            ui,
            entry,
            ranked.scores.residual.as_ref().map(|top| top.score),
        );
    });
    ui.label(
        RichText::new(reason_line(register, entry, &ranked.scores, entry.votes))
            .weak()
            .italics(),
    );
}

/// A labelled single-line text field; returns the new text when the user changed it. `focus` puts
/// the keyboard in it and scrolls it into view.
fn single_line(ui: &mut Ui, label: &str, value: &str, hint: &str, focus: bool) -> Option<String> {
    let id = ui.make_persistent_id(("entry-field", label));
    let label = ui.label(RichText::new(label).strong());
    let mut text = value.to_owned();
    let response = one_line_ui(ui, &mut text, id, hint, f32::INFINITY).labelled_by(label.id);
    if focus {
        // All selected, so what is typed replaces the placeholder title.
        let mut state = egui::text_edit::TextEditState::load(ui.ctx(), id).unwrap_or_default();
        state
            .cursor
            .set_char_range(Some(egui::text::CCursorRange::select_all_str(&text)));
        state.store(ui.ctx(), id);
        response.request_focus();
        response.scroll_to_me(Some(Align::Min));
    }
    response.changed().then_some(text)
}

fn focus_request_id() -> Id {
    Id::unique("entry-editor-focus-request")
}

/// Asks the editor to put the keyboard in the Issue field of the entry it shows next (a new one),
/// scrolled into view and its text selected, so the first keys typed are the title.
pub(super) fn focus_issue(ctx: &egui::Context) {
    ctx.data_mut(|d| d.insert_temp(focus_request_id(), true));
}

/// A labelled multi-line text field; returns the new text when the user changed it.
fn multi_line(ui: &mut Ui, label: &str, value: &str, rows: usize) -> Option<String> {
    let label = ui.label(RichText::new(label).strong());
    let mut text = value.to_owned();
    let response = ui
        .add(
            TextEdit::multiline(&mut text)
                .desired_rows(rows)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    response.changed().then_some(text)
}

/// A date field; returns the new date (or none, when cleared) once the text reads as a date
/// (`date_text`: ISO, `31/10/2019`, `31 Oct 2019`).
///
/// What is typed is kept until it reads as a date, focused or not: a mistyped date stays in the
/// field, in red, with the reason beside it, until it is put right (or the date is changed
/// elsewhere, by undo say). Once it has gone in, the field shows it as YYYY-MM-DD.
#[expect(
    clippy::option_option,
    reason = "the outer option says whether the date changed, the inner one is the date or none"
)]
pub(super) fn date_field(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    current: Option<Date>,
    accessible: &str,
) -> Option<Option<Date>> {
    let id = ui.make_persistent_id(id_salt);
    let shown = current.map(|d| d.to_string()).unwrap_or_default();
    // The text typed, and the date it was typed over.
    let kept: Option<(String, Option<Date>)> = ui.data_mut(|d| d.get_temp(id));
    let mut text = kept
        .filter(|(_, over)| *over == current)
        .map_or(shown, |(text, _)| text);
    let is_date = date_text::parse(&text).is_ok();
    let mut edit = TextEdit::singleline(&mut text)
        .hint_text(tr("editor-yyyy-mm-dd"))
        .desired_width(96.0);
    if !is_date {
        edit = edit.text_color(theme::error_text(theme::look(ui.ctx())));
    }
    let response = ui.add(edit);
    response.widget_info(|| WidgetInfo::labeled(Role::TextInput, true, accessible));
    let parsed = date_text::parse(&text);
    let response = response.on_hover_text(tr_args!(
        "editor-as",
        accessible = accessible,
        forms = date_text::forms()
    ));
    if let Err(reason) = &parsed {
        ui.label(
            RichText::new(reason)
                .small()
                .color(theme::error_text(theme::look(ui.ctx()))),
        );
    }
    let changed = match parsed {
        Ok(date) if response.changed() && date != current => Some(date),
        _ => None,
    };
    let keep = response.has_focus() || parsed.is_err();
    if keep {
        let over = changed.unwrap_or(current);
        ui.data_mut(|d| d.insert_temp(id, (text, over)));
    } else {
        ui.data_mut(|d| d.remove::<(String, Option<Date>)>(id));
    }
    changed
}
