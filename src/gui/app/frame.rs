//! What each frame draws: the menus, the toolbar, the status bar, the panels around the view and
//! the view itself, the keyboard shortcuts, and `finish_frame`, which every frame ends with.
//!
//! Drawing only pushes `Command`s (and changes view state in place); they are carried out at the
//! end of the frame by `command_handling`.

use egui::{Key, Modifiers, RichText, Ui, ViewportCommand};

use super::DpiaApp;
use super::autosave::Wait;
use crate::gui::command::MenuCommand;
use crate::gui::dialogs::{self, FileRequest, Question};
use crate::gui::i18n;
use crate::gui::i18n::{UiName, tr, tr_args};
use crate::gui::settings::ThemeChoice;
use crate::gui::state::View;
use crate::gui::{
    Command, actions, conflicts, details, entries, entry_editor, heat_map, priorities, sidebar,
    snapshots, table, theme,
};
use dpia_core::register::Language;

/// How the toolbar fits the window (`DpiaApp::toolbar_fit`).
#[derive(Debug, Clone, Copy)]
struct ToolbarFit {
    /// The search box is in the toolbar (else in the menu row).
    search: bool,
    /// The views go by their short names.
    short_labels: bool,
    /// Even so there is no room: Add entry is a `+` (named "Add entry" for a screen reader).
    compact: bool,
}

/// The switcher's menu of the views there is no room for.
const MORE_VIEWS: &str = "»";
/// The window width (in points) from which the systems and filters show beside the table unless
/// the user hid them.
const WIDE_WINDOW: f32 = 1280.0;
/// The search box is never narrower than this, nor wider than `SEARCH_MAX_WIDTH`.
const SEARCH_MIN_WIDTH: f32 = 180.0;
const SEARCH_MAX_WIDTH: f32 = 320.0;
/// The room kept beside the search box for its clear button.
const CLEAR_BUTTON_WIDTH: f32 = 28.0;
/// The space around the separator between the view switcher and the search box.
const TOOLBAR_GAP: f32 = 24.0;
/// The toolbar's inner margin on either side.
const TOOLBAR_MARGIN: f32 = 10.0;

impl DpiaApp {
    /// The view in the middle of the window, under any error messages.
    fn central_ui(&mut self, ui: &mut Ui) {
        dialogs::errors_ui(ui, &mut self.errors);
        match self.view.view {
            View::Register => table::table_ui(
                ui,
                &self.document.register,
                &self.derived,
                &mut self.view,
                &mut self.commands,
            ),
            View::Priorities => priorities::priorities_ui(
                ui,
                &self.document.register,
                &self.derived,
                &self.view,
                &mut self.commands,
            ),
            View::HeatMap => heat_map::heat_map_ui(
                ui,
                &self.document.register,
                &mut self.derived,
                &mut self.view,
                &mut self.commands,
            ),
            View::Details => details::details_ui(
                ui,
                &self.document.register,
                &self.derived,
                self.today,
                &mut self.commands,
            ),
            View::Snapshots => {
                self.versions.offer_author(&self.settings.author());
                snapshots::snapshots_ui(
                    ui,
                    &self.document,
                    &mut self.versions,
                    self.clock.now(),
                    &mut self.commands,
                );
            }
            View::Workshop => self.workshops_view(ui),
            View::Conflicts => {
                conflicts::conflicts_ui(ui, &self.document.register, &mut self.commands);
            }
            View::Actions => actions::actions_ui(
                ui,
                &self.document.register,
                self.today,
                &self.settings,
                &mut self.commands,
            ),
        }
    }

    /// Draws the whole app into `ui` and carries out the commands the user gave.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        i18n::set_language(self.settings.language());
        if !self.is_styled {
            theme::install(&ctx, self.settings.theme);
            if (0.3..=4.0).contains(&self.settings.zoom) {
                ctx.set_zoom_factor(self.settings.zoom);
            }
            self.is_styled = true;
        }
        if let Some(command) = self.file_dialogs.poll(self.document.path.as_deref()) {
            self.commands.push(command);
        }
        if self.question.is_none() && !self.file_dialogs.is_open() {
            self.shortcuts(&ctx);
        }
        self.derived.refresh(&self.document, &self.view);
        if self.show_presenter(ui, &ctx) {
            return;
        }

        // Below `WIDE_WINDOW` the systems and filters fold away behind the toolbar's ☰, so the
        // table and the editor have the width; the user's own choice wins either way.
        let sidebar_open = self
            .view
            .sidebar_open
            .unwrap_or(ui.available_width() >= WIDE_WINDOW);
        let fit = self.toolbar_fit(ui);
        egui::Panel::top("menu-bar").show(ui, |ui| self.menu_bar_ui(ui, !fit.search));
        egui::Panel::top("toolbar")
            .frame(
                egui::Frame::side_top_panel(ui.style())
                    .inner_margin(egui::Margin::symmetric(10, 6)),
            )
            .show(ui, |ui| self.toolbar_ui(ui, fit, sidebar_open));
        egui::Panel::bottom("status-bar").show(ui, |ui| self.status_bar_ui(ui));
        if sidebar_open {
            egui::Panel::left("sidebar")
                .resizable(true)
                .default_size(200.0)
                .size_range(160.0..=320.0)
                .show(ui, |ui| {
                    sidebar::sidebar_ui(
                        ui,
                        &self.document,
                        &mut self.derived,
                        &mut self.view,
                        &mut self.commands,
                    );
                });
        }
        if self.view.view.shows_editor() {
            self.editor_panel(ui);
        }
        egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui));

        self.finish_frame(&ctx);
    }

    /// What every frame ends with, whichever view drew it: the windows over the view (path field,
    /// export dialog, questions), then the commands given in the frame, autosave and the title.
    pub(in crate::gui) fn finish_frame(&mut self, ctx: &egui::Context) {
        if let Some(command) = self.file_dialogs.path_field_ui(ctx) {
            self.commands.push(command);
        }
        self.export_ui(ctx);
        self.settings_window_ui(ctx);
        self.update_dialog_ui(ctx);
        if self.question.is_none()
            && !self.file_dialogs.is_open()
            && let Some(pending) = self.untitled_recovery.take()
        {
            self.question = Some(Question::UntitledRecovery(pending));
        }
        if let Some(question) = &self.question
            && let Some(answer) = dialogs::question_ui(ctx, question, &self.document.display_name())
        {
            self.question = None;
            self.answer(answer, ctx);
        }
        self.handle_close_request(ctx);

        for command in std::mem::take(&mut self.commands) {
            self.run_command(command, ctx);
        }
        if self.after_save.is_some() && self.question.is_none() && !self.file_dialogs.is_open() {
            // The save it waited for was cancelled.
            self.after_save = None;
        }
        self.derived.refresh(&self.document, &self.view);
        self.follow_selection();
        self.derived.refresh(&self.document, &self.view);
        self.collect_autosave(Wait::No);
        self.autosave(ctx);
        self.update_title(ctx);
        theme::focus_ring(ctx);
    }

    fn editor_panel(&mut self, ui: &mut Ui) {
        egui::Panel::bottom("entry-editor")
            .resizable(true)
            // Room for the table above it in a small window too.
            .default_size((ui.available_height() * 0.55).min(430.0))
            .size_range(160.0..=900.0)
            .frame(egui::Frame::side_top_panel(ui.style()).inner_margin(egui::Margin::same(10)))
            .show(ui, |ui| {
                // A grip on the divider, so it looks as draggable as it is.
                let top = ui.max_rect().center_top() - egui::vec2(0.0, 5.0);
                let grip = egui::Rect::from_center_size(top, egui::vec2(44.0, 4.0));
                ui.painter().with_clip_rect(grip.expand(2.0)).rect_filled(
                    grip,
                    2.0,
                    ui.visuals().weak_text_color().gamma_multiply(0.6),
                );
                let author = self.settings.author();
                let defaults = entry_editor::Defaults {
                    author: &author,
                    today: self.today,
                };
                let register = &self.document.register;
                let selected = self
                    .view
                    .selection
                    .as_ref()
                    .and_then(|id| register.entry(id));
                if let Some(entry) = selected {
                    entry_editor::entry_editor_ui(
                        ui,
                        register,
                        &self.derived,
                        &self.document.trail,
                        entry,
                        &defaults,
                        &mut self.commands,
                    );
                } else {
                    ui.add_space(20.0);
                    ui.vertical_centered(|ui| {
                        ui.label(
                            RichText::new(tr("app-select-an-entry-to-edit"))
                                .weak()
                                .size(16.0),
                        );
                    });
                }
            });
    }

    /// The File menu: open, save, import and export, quit.
    fn file_menu_ui(&mut self, ui: &mut Ui) {
        for command in [MenuCommand::New, MenuCommand::Open] {
            self.menu_item(ui, command);
        }
        ui.menu_button(tr("app-open-recent"), |ui| {
            if self.settings.recent_files.is_empty() {
                ui.label(RichText::new(tr("app-no-recent-registers")).weak());
            }
            for path in self.settings.recent_files.clone() {
                if ui.button(path.display().to_string()).clicked() {
                    self.commands.push(Command::OpenPath(path));
                }
            }
        });
        ui.separator();
        for command in [MenuCommand::Save, MenuCommand::SaveAs] {
            self.menu_item(ui, command);
        }
        ui.add_enabled_ui(self.document.path.is_some(), |ui| {
            self.menu_item(ui, MenuCommand::Reload);
        });
        ui.separator();
        for command in [
            MenuCommand::ImportCsv,
            MenuCommand::UpdateFromSpreadsheet,
            MenuCommand::ExportCsv,
            MenuCommand::ExportPdf,
        ] {
            self.menu_item(ui, command);
        }
        ui.separator();
        ui.menu_button(tr("app-type-a-path-instead"), |ui| {
            for request in [
                FileRequest::Open,
                FileRequest::SaveAs,
                FileRequest::ImportCsv,
                FileRequest::UpdateFromSpreadsheet,
                FileRequest::ExportCsv,
            ] {
                if ui.button(format!("{}…", request.title())).clicked() {
                    self.commands.push(Command::TypePath(request));
                }
            }
        });
        ui.separator();
        self.menu_item(ui, MenuCommand::Quit);
    }

    /// The menus, and the search box on the right when `with_search` (the toolbar has no room).
    fn menu_bar_ui(&mut self, ui: &mut Ui, with_search: bool) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(tr("app-file"), |ui| self.file_menu_ui(ui));
            ui.menu_button(tr("app-edit"), |ui| {
                let undo = self.document.history.undo_label().map_or_else(
                    || tr("app-undo").to_owned(),
                    |label| tr_args!("app-undo-2", label = label),
                );
                let redo = self.document.history.redo_label().map_or_else(
                    || tr("app-redo").to_owned(),
                    |label| tr_args!("app-redo-2", label = label),
                );
                let can_undo = self.document.history.undo_label().is_some();
                let can_redo = self.document.history.redo_label().is_some();
                self.menu_item_named(ui, MenuCommand::Undo, &undo, can_undo);
                self.menu_item_named(ui, MenuCommand::Redo, &redo, can_redo);
                ui.separator();
                self.menu_item(ui, MenuCommand::AddEntry);
                let has_selection = self.view.selection.is_some();
                self.menu_item_named(
                    ui,
                    MenuCommand::DuplicateEntry,
                    tr("app-duplicate-entry"),
                    has_selection,
                );
                self.menu_item_named(
                    ui,
                    MenuCommand::DeleteEntry,
                    tr("app-delete-entry"),
                    has_selection,
                );
                ui.separator();
                self.menu_item(ui, MenuCommand::FocusSearch);
                self.menu_item(ui, MenuCommand::ClearFilters);
                ui.separator();
                self.menu_item(ui, MenuCommand::Settings);
            });
            ui.menu_button(tr("app-view"), |ui| {
                for view in View::ALL {
                    if view.is_offered(&self.document.register, self.view.view) {
                        self.menu_item(ui, Command::ShowView(view));
                    }
                }
                ui.separator();
                for command in [
                    MenuCommand::ZoomIn,
                    MenuCommand::ZoomOut,
                    MenuCommand::ZoomReset,
                ] {
                    self.menu_item(ui, command);
                }
                ui.separator();
                for theme in ThemeChoice::ALL {
                    let chosen = self.settings.theme == theme;
                    if ui.radio(chosen, theme.label()).clicked() {
                        self.commands.push(Command::SetTheme(theme));
                        ui.close();
                    }
                }
                ui.separator();
                ui.menu_button(tr("app-menu-language"), |ui| {
                    for language in Language::ALL {
                        let chosen = self.settings.language() == language;
                        if ui.radio(chosen, i18n::language_name(language)).clicked() {
                            self.commands.push(Command::SetLanguage(language));
                            ui.close();
                        }
                    }
                });
            });
            ui.menu_button(tr("app-workshops"), |ui| self.workshop_menu_ui(ui));
            if with_search {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.add_space(TOOLBAR_MARGIN - ui.spacing().item_spacing.x);
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        let left = ui.available_width() - ui.spacing().item_spacing.x;
                        // Kept to the right of the menus.
                        let width = left.min(SEARCH_MAX_WIDTH + CLEAR_BUTTON_WIDTH);
                        ui.add_space(left - width);
                        self.search_ui(ui, width, true);
                    });
                });
            }
        });
    }

    /// A menu item for `command`, under its own label; a command without one shows nothing.
    pub(in crate::gui) fn menu_item(&mut self, ui: &mut Ui, command: impl Into<Command>) {
        let command = command.into();
        if let Some(label) = command.label() {
            self.menu_item_named(ui, command, label, true);
        }
    }

    /// A menu item for `command` under `label`, with the command's shortcut beside it.
    pub(in crate::gui) fn menu_item_named(
        &mut self,
        ui: &mut Ui,
        command: impl Into<Command>,
        label: &str,
        enabled: bool,
    ) {
        let command = command.into();
        let mut button = egui::Button::new(label);
        if let Some(shortcut) = command.shortcut_text(ui.ctx()) {
            button = button.shortcut_text(shortcut);
        }
        if ui.add_enabled(enabled, button).clicked() {
            self.commands.push(command);
            ui.close();
        }
    }

    /// How the toolbar fits the width of `ui` (the whole window): the search box beside the view
    /// switcher and the buttons if there is room, else in the menu row; the views' short names if
    /// even their full names do not fit beside the buttons.
    fn toolbar_fit(&self, ui: &Ui) -> ToolbarFit {
        let spacing = ui.spacing().item_spacing.x;
        let padding = 2.0 * ui.spacing().button_padding.x;
        let width = |text: &str, font: egui::FontId| {
            ui.painter()
                .layout_no_wrap(text.to_owned(), font, egui::Color32::PLACEHOLDER)
                .size()
                .x
        };
        let button = |text: &str| width(text, egui::FontId::proportional(14.0)) + padding + spacing;
        let offered = || {
            View::ALL
                .into_iter()
                .filter(|view| view.is_offered(&self.document.register, self.view.view))
        };
        // As the switcher draws them: the view shown in bold, the others in the body font.
        let view_width = |view: View, short: bool| {
            let label = if short {
                view.short_label()
            } else {
                view.label()
            };
            let font = if view == self.view.view {
                theme::bold_body()
            } else {
                egui::FontId::proportional(14.0)
            };
            width(label, font) + padding + spacing
        };
        let views = |short: bool| -> f32 { offered().map(|view| view_width(view, short)).sum() };
        let marking = width(
            self.document.register.metadata.marking.label(),
            theme::bold_family_size(12.0),
        ) + 16.0
            + spacing;
        let separators = 3.0 * (2.0 * spacing + 2.0);
        let others = button("☰")
            + separators
            + button(tr("app-add-entry"))
            + button(tr("app-undo"))
            + button(tr("app-redo"))
            + marking
            + 2.0 * TOOLBAR_MARGIN;
        let available = ui.available_width();
        let search = others + views(false) + TOOLBAR_GAP + SEARCH_MIN_WIDTH + CLEAR_BUTTON_WIDTH
            <= available;
        ToolbarFit {
            search,
            short_labels: others + views(false) > available,
            compact: others + views(true) > available,
        }
    }

    /// The search box, at most `max_width` wide, with its clear button.
    /// `in_menu_row` makes it as low as the menus.
    fn search_ui(&mut self, ui: &mut Ui, max_width: f32, in_menu_row: bool) {
        let search_id = egui::Id::unique("search");
        let width = (max_width - CLEAR_BUTTON_WIDTH).clamp(SEARCH_MIN_WIDTH, SEARCH_MAX_WIDTH);
        let search = ui
            .add(
                egui::TextEdit::singleline(&mut self.view.filter.search)
                    .id(search_id)
                    .hint_text(tr("app-search-issue-concern-mitigation-ctrl"))
                    .desired_width(width)
                    .margin(if in_menu_row {
                        egui::Margin::symmetric(6, 0)
                    } else {
                        egui::Margin::symmetric(4, 2)
                    }),
            )
            .accessible_name(crate::gui::a11y::names::search_field());
        if self.view.focus_search {
            search.request_focus();
            self.view.focus_search = false;
        }
        if (search.has_focus() || search.lost_focus()) && ui.input(|i| i.key_pressed(Key::Escape)) {
            self.view.filter.search.clear();
        }
        if !self.view.filter.search.is_empty()
            && ui
                .small_button("✕")
                .on_hover_text(tr("app-clear-the-search"))
                .clicked()
        {
            self.view.filter.search.clear();
        }
    }

    /// The toolbar: the view switcher, the search box when `with_search`, and on the right the
    /// marking, Add entry, Undo and Redo. The right group is laid out first, so the left side
    /// only ever takes the width left over and never runs under it.
    fn toolbar_ui(&mut self, ui: &mut Ui, fit: ToolbarFit, sidebar_open: bool) {
        ui.horizontal(|ui| {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                self.toolbar_buttons_ui(ui, fit.compact);
                ui.separator();
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    self.sidebar_toggle_ui(ui, sidebar_open);
                    self.view_switcher_ui(ui, fit.short_labels);
                    if fit.search {
                        ui.add_space(TOOLBAR_GAP / 2.0);
                        ui.separator();
                        ui.add_space(TOOLBAR_GAP / 2.0);
                        let left = ui.available_width() - ui.spacing().item_spacing.x;
                        self.search_ui(ui, left, false);
                    }
                });
            });
        });
    }

    /// ☰: shows or hides the systems and filters; says so when filters apply while hidden.
    fn sidebar_toggle_ui(&mut self, ui: &mut Ui, sidebar_open: bool) {
        let filtered = self.view.filter != dpia_core::filter::Filter::default();
        // Hidden filters that apply are not a secret: the ☰ is in the accent colour then.
        let text = if !sidebar_open && filtered {
            RichText::new("☰")
                .color(theme::accent(theme::look(ui.ctx())))
                .strong()
        } else {
            RichText::new("☰")
        };
        let hover = match (sidebar_open, filtered) {
            (true, _) => tr("app-hide-the-systems-and-filters"),
            (false, true) => tr("app-show-the-systems-and-filters"),
            (false, false) => tr("app-show-the-systems-and-filters-2"),
        };
        let toggle = ui.selectable_label(sidebar_open, text).on_hover_text(hover);
        toggle.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, true, tr("app-systems-and-filters"))
        });
        if toggle.clicked() {
            self.view.sidebar_open = Some(!sidebar_open);
        }
    }

    /// The views, under their short names when `short`. Those there is no room for (a long
    /// language, a long marking, a narrow window) are in a » menu at the end, so none is ever
    /// drawn under the buttons on the right.
    fn view_switcher_ui(&mut self, ui: &mut Ui, short: bool) {
        let offered: Vec<View> = View::ALL
            .into_iter()
            .filter(|view| view.is_offered(&self.document.register, self.view.view))
            .collect();
        let text_of = |view: View| {
            let label = if short {
                view.short_label()
            } else {
                view.label()
            };
            if self.view.view == view {
                RichText::new(label).font(theme::bold_body())
            } else {
                RichText::new(label)
            }
        };
        let width_of = |ui: &Ui, text: RichText| {
            let galley = egui::WidgetText::from(text).into_galley(
                ui,
                Some(egui::TextWrapMode::Extend),
                f32::INFINITY,
                egui::TextStyle::Button,
            );
            galley.size().x + 2.0 * ui.spacing().button_padding.x + ui.spacing().item_spacing.x
        };
        let widths: Vec<f32> = offered
            .iter()
            .map(|view| width_of(ui, text_of(*view)))
            .collect();
        // Each width counts the space after it, which the last one does without.
        let room = ui.available_width() + ui.spacing().item_spacing.x;
        let (in_bar, in_menu): (Vec<View>, Vec<View>) = if widths.iter().sum::<f32>() <= room {
            (offered, Vec::new())
        } else {
            // Room for the » menu too; the view shown always stays in the bar, in place of the
            // last ones that fit, so the switcher always says which view this is.
            let room = room - width_of(ui, RichText::new(MORE_VIEWS));
            let current = offered.iter().position(|view| *view == self.view.view);
            let mut used = current.map_or(0.0, |idx| widths[idx]);
            // Once one does not fit, the later ones go to the menu too, so the order holds.
            let mut full = false;
            let (bar, menu): (Vec<_>, Vec<_>) =
                offered.iter().zip(&widths).partition(|&(view, width)| {
                    if *view == self.view.view {
                        return true;
                    }
                    used += width;
                    full |= used > room;
                    !full
                });
            let views =
                |part: Vec<(&View, &f32)>| part.into_iter().map(|(view, _)| *view).collect();
            (views(bar), views(menu))
        };
        for &view in &in_bar {
            let selected = self.view.view == view;
            let label = if short {
                view.short_label()
            } else {
                view.label()
            };
            let text = text_of(view);
            let response = ui.selectable_label(selected, text);
            let response = if short && label != view.label() {
                response.on_hover_text(view.label())
            } else {
                response
            };
            if response.clicked() {
                self.commands.push(Command::ShowView(view));
            }
        }
        if !in_menu.is_empty() {
            let more = egui::containers::menu::MenuButton::new(MORE_VIEWS).ui(ui, |ui| {
                for &view in &in_menu {
                    if ui
                        .selectable_label(self.view.view == view, view.label())
                        .clicked()
                    {
                        self.commands.push(Command::ShowView(view));
                        ui.close();
                    }
                }
            });
            more.0.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Button, true, tr("app-more-views"))
            });
            more.0.on_hover_text(tr("app-more-views"));
        }
    }

    /// The right of the toolbar, laid out right to left: Redo, Undo, Add entry, the marking.
    /// Laid out in reading order at the right end, so Tab runs through it left to right.
    fn toolbar_buttons_ui(&mut self, ui: &mut Ui, compact: bool) {
        crate::gui::a11y::reading_order::right_aligned(ui, "toolbar-buttons", |ui| {
            let marking = self.document.register.metadata.marking;
            egui::Frame::new()
                .fill(theme::marking_fill())
                .corner_radius(3)
                .inner_margin(egui::Margin::symmetric(8, 3))
                .show(ui, |ui| {
                    ui.label(
                        RichText::new(marking.label())
                            .color(theme::marking_text())
                            .font(theme::bold_family_size(12.0)),
                    );
                });
            let add = ui
                .button(if compact { "+" } else { tr("app-add-entry") })
                .on_hover_text(tr("app-add-an-entry-to-the"));
            add.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Button, true, tr("app-add-entry"))
            });
            if add.clicked() {
                self.commands.push(Command::Menu(MenuCommand::AddEntry));
            }
            ui.separator();
            let undo = ui.add_enabled(
                self.document.history.undo_label().is_some(),
                egui::Button::new(tr("app-undo")),
            );
            if undo.clicked() {
                self.commands.push(Command::Menu(MenuCommand::Undo));
            }
            let redo = ui.add_enabled(
                self.document.history.redo_label().is_some(),
                egui::Button::new(tr("app-redo")),
            );
            if redo.clicked() {
                self.commands.push(Command::Menu(MenuCommand::Redo));
            }
        });
    }

    fn status_bar_ui(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            // The right side is laid out first, so that the left side is cut short with "…"
            // where the two would meet, instead of being drawn under it.
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let total = self.document.register.entries.len();
                let shown = self.derived.rows.len();
                let text = if shown == total {
                    entries(total)
                } else {
                    tr_args!("app-of-shown", shown = shown, total = entries(total))
                };
                ui.label(text);
                let metadata = &self.document.register.metadata;
                ui.separator();
                let title = format!(
                    "{} · {} · {}",
                    metadata.title,
                    metadata.version_label,
                    metadata.status.ui_name()
                );
                // A notice on the left has the room first: the title and the path give way.
                let title_share = if self.notice.is_some() { 0.3 } else { 0.4 };
                truncated_label(ui, title_share, RichText::new(&title).weak(), &title);
                ui.separator();
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    self.status_left_ui(ui);
                });
            });
        });
    }

    /// The left of the status bar: the file, whether it is saved, and the last notice.
    fn status_left_ui(&self, ui: &mut Ui) {
        // Shown relative to the working folder when it is inside it: shorter, and it is how the
        // user named it. The document keeps the absolute path.
        let working_folder = std::env::current_dir().ok();
        let path = self.document.path.as_deref().map_or_else(
            || tr("app-not-saved-yet").to_owned(),
            |path| {
                working_folder
                    .as_deref()
                    .and_then(|folder| path.strip_prefix(folder).ok())
                    .unwrap_or(path)
                    .display()
                    .to_string()
            },
        );
        let path_share = if self.notice.is_some() { 0.3 } else { 0.6 };
        truncated_label(ui, path_share, RichText::new(&path).weak(), &path);
        ui.separator();
        if self.document.is_dirty() {
            ui.label(RichText::new(tr("app-unsaved-changes")).strong());
        } else {
            ui.label(RichText::new(tr("app-saved-2")).weak());
        }
        if let Some(notice) = &self.notice
            && ui.available_width() > 40.0
        {
            ui.separator();
            egui::Frame::new()
                .fill(theme::notice_fill(theme::look(ui.ctx())))
                .corner_radius(3)
                .inner_margin(egui::Margin::symmetric(6, 1))
                .show(ui, |ui| {
                    ui.add(egui::Label::new(notice.as_str()).truncate())
                        .on_hover_text(notice.as_str());
                });
        }
    }

    /// Turns the keys pressed this frame into commands: the shortcut of every menu command
    /// (`MenuCommand::ALL`), and the arrow keys.
    fn shortcuts(&mut self, ctx: &egui::Context) {
        let mut pressed: Vec<Command> = ctx
            .input_mut(MenuCommand::consume_shortcuts)
            .into_iter()
            .map(Command::Menu)
            .collect();
        // Arrow keys move the selection when no text field is being edited.
        if ctx.memory(|m| m.focused().is_none()) && self.view.view.shows_editor() {
            ctx.input_mut(|input| {
                if input.consume_key(Modifiers::NONE, Key::ArrowDown) {
                    pressed.push(Command::SelectNext);
                }
                if input.consume_key(Modifiers::NONE, Key::ArrowUp) {
                    pressed.push(Command::SelectPrevious);
                }
            });
        }
        self.commands.extend(pressed);
    }

    pub(super) fn update_title(&mut self, ctx: &egui::Context) {
        let marker = if self.document.is_dirty() { "*" } else { "" };
        let title = format!(
            "{marker}{} — {}",
            self.document.display_name(),
            tr("app-dpia-register")
        );
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

/// A one-line label at most `share` of the width left, cut short with "…" (the whole text shows
/// on hover), in the direction `ui` lays out.
fn truncated_label(ui: &mut Ui, share: f32, text: RichText, whole: &str) {
    let width = ui.available_width() * share;
    let layout = *ui.layout();
    ui.allocate_ui_with_layout(egui::vec2(width, ui.available_height()), layout, |ui| {
        ui.add(egui::Label::new(text).truncate())
            .on_hover_text(whole);
    });
}
