//! The desktop app (egui/eframe): the only module that names `egui`, `eframe`, `egui_extras` or `rfd`.
//!
//! A thin layer over the core. Each frame the panels draw the register and the view state and push
//! `Command`s; `DpiaApp` then carries the commands out in one place (`run_command`): edits go through
//! the document's history, files through `files`. No scoring, ranking or file format logic lives here.

mod clock;
mod command;
mod details;
mod dialogs;
mod entry_editor;
mod export;
mod heat_map;
mod impact_grid;
mod priorities;
mod settings;
mod sidebar;
mod snapshots;
mod state;
mod table;
mod theme;
mod workshop;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui, ViewportCommand};
use jiff::civil::Date;

pub use clock::Clock;
pub use command::Command;
pub use dialogs::{FileChoosers, FileRequest};
pub use settings::{Settings, ThemeChoice};
pub use snapshots::SnapshotCommand;
pub use state::View;
pub use workshop::WorkshopCommand;

use dialogs::{Answer, FileDialogs, Question, Then};
use state::{Derived, Document, ViewState};

use dpia_core::edit::Edit;
use dpia_core::filter::Filter;
use dpia_core::register::{EntryId, Register};
use dpia_files::recovery::{self, Fingerprint, PendingRecovery, RecoveryCopy};
use dpia_files::{csv_file, paper, register_file};

/// How often unsaved changes are copied to the recovery file.
pub const AUTOSAVE_INTERVAL_SECS: f64 = 30.0;

/// The app's name, in the window title.
const APP_NAME: &str = "DPIA register";

/// The app's id for the desktop, which also names eframe's storage folder (the app's data folder).
const APP_ID: &str = "dpia-register";

/// The bundled register, relative to the working directory.
const BUNDLED_REGISTER: &str = "registers/leds-hob-open-space.ron";

/// The bundled register, built in, for when the app runs away from its source folder.
const EMBEDDED_REGISTER: &str = include_str!("../../registers/leds-hob-open-space.ron");

/// The app icon.
const ICON: &[u8] = include_bytes!("../../assets/icon.png");

/// Opens the desktop app on `path`, or on the last register used, or on the bundled register.
pub fn run(path: Option<&Path>) -> ExitCode {
    let icon = eframe::icon_data::from_png_bytes(ICON).ok();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(APP_NAME)
        .with_app_id(APP_ID)
        .with_inner_size([1400.0, 900.0])
        .with_min_inner_size([960.0, 600.0]);
    if let Some(icon) = icon {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        renderer: eframe::Renderer::Glow,
        ..eframe::NativeOptions::default()
    };
    let path = path.map(Path::to_owned);
    let result = eframe::run_native(
        APP_NAME,
        options,
        Box::new(move |cc| {
            let mut settings: Settings = cc
                .storage
                .and_then(|storage| eframe::get_value(storage, eframe::APP_KEY))
                .unwrap_or_default();
            settings.data_folder = eframe::storage_dir(APP_ID);
            let options = Options {
                today: jiff::ZonedDateTime::now().date(),
                file_choosers: FileChoosers::Native,
                settings,
            };
            let app = match path {
                Some(path) => DpiaApp::open(&path, options),
                None => DpiaApp::open_last_or_bundled(options),
            };
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            #[expect(
                clippy::print_stderr,
                reason = "the window could not open, so the terminal is the only place to say why"
            )]
            {
                eprintln!("dpia-register: cannot open the window: {err}");
            }
            ExitCode::from(2)
        }
    }
}

/// How the app starts: what it knows about the world outside the register.
#[derive(Debug, Clone)]
pub struct Options {
    /// Today's date, for new mitigations' due dates; fixed in tests.
    pub today: Date,
    /// Whether to use the desktop's file choosers or the in-app path field.
    pub file_choosers: FileChoosers,
    /// The UI settings restored from the last run.
    pub settings: Settings,
}

/// The desktop app: one open register, the view of it, and the dialogs around it.
#[derive(Debug)]
pub struct DpiaApp {
    document: Document,
    view: ViewState,
    derived: Derived,
    settings: Settings,
    file_dialogs: FileDialogs,
    question: Option<Question>,
    /// What to do once a save asked for by `Answer::SaveThen` succeeds.
    after_save: Option<Then>,
    errors: Vec<String>,
    notice: Option<String>,
    commands: Vec<Command>,
    today: Date,
    /// The time snapshots are taken and papers dated at; fixed in tests.
    clock: Clock,
    /// The Snapshots view's list, form, comparison and read-only snapshot.
    versions: snapshots::Versions,
    /// The Export PDF dialog and the export it runs.
    export: export::ExportDialog,
    /// The time (egui's clock, in seconds) at which to next write the recovery file.
    next_autosave: Option<f64>,
    /// Set once the user has agreed to close, so the next close request goes through.
    may_close: bool,
    /// Set when the user discarded unsaved changes on closing, so no recovery copy is written.
    discarded_on_close: bool,
    title: String,
    is_styled: bool,
    /// A recovery copy being written on a worker thread.
    autosave_job: Option<AutosaveJob>,
    /// The recovery copy of a register with no file, left by an earlier run, still to be offered.
    untitled_recovery: Option<PendingRecovery>,
    /// The workshop session running, its start dialog, and the past session reviewed.
    workshop: workshop::WorkshopState,
}

/// A recovery copy being written on a worker thread.
#[derive(Debug)]
struct AutosaveJob {
    receiver: std::sync::mpsc::Receiver<Result<(), String>>,
    /// The revision being written.
    revision: u64,
    /// The document it is a copy of (`Document::state_key`'s first part).
    document: u64,
    /// Where the copy is written.
    copy: RecoveryCopy,
}

/// Whether to wait for a worker thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wait {
    /// Only collect a result that is ready.
    No,
    /// Block until the result comes (on exit).
    UntilDone,
}

impl DpiaApp {
    /// The app on a register given in memory; `path` is where it saves.
    pub fn with_register(register: Register, path: Option<PathBuf>, options: Options) -> Self {
        let fingerprint = path
            .as_deref()
            .and_then(|path| Fingerprint::of_file(path).ok().flatten());
        let mut app = Self::empty(options);
        app.document = Document::new(register, path, fingerprint);
        app.select_first();
        app
    }

    /// The same app, taking its time from `clock` (tests fix it).
    #[must_use]
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// The app on the register at `path`; a file that cannot be read is reported in the window.
    pub fn open(path: &Path, options: Options) -> Self {
        let mut app = Self::empty(options);
        app.load(path);
        app
    }

    /// The app on the register used last, if it still exists, or else on the bundled register.
    pub fn open_last_or_bundled(options: Options) -> Self {
        if let Some(last) = options.settings.last_file.clone().filter(|p| p.is_file()) {
            return Self::open(&last, options);
        }
        let bundled = [
            PathBuf::from(BUNDLED_REGISTER),
            Path::new(env!("CARGO_MANIFEST_DIR")).join(BUNDLED_REGISTER),
        ]
        .into_iter()
        .find(|path| path.is_file());
        if let Some(bundled) = bundled {
            return Self::open(&bundled, options);
        }
        let mut app = Self::empty(options);
        match register_file::parse(EMBEDDED_REGISTER, Path::new(BUNDLED_REGISTER)) {
            Ok(register) => {
                app.document = Document::new(register, None, None);
                app.select_first();
            }
            Err(err) => app.errors.push(err.to_string()),
        }
        app
    }

    fn empty(options: Options) -> Self {
        let untitled_recovery = options
            .settings
            .data_folder
            .as_deref()
            .and_then(recovery::pending_untitled);
        Self {
            document: Document::new(Register::default(), None, None),
            view: ViewState::default(),
            derived: Derived::default(),
            settings: options.settings,
            file_dialogs: FileDialogs::new(options.file_choosers),
            question: None,
            after_save: None,
            errors: Vec::new(),
            notice: None,
            commands: Vec::new(),
            today: options.today,
            clock: Clock::default(),
            versions: snapshots::Versions::default(),
            export: export::ExportDialog::default(),
            next_autosave: None,
            may_close: false,
            discarded_on_close: false,
            title: String::new(),
            is_styled: false,
            autosave_job: None,
            untitled_recovery,
            workshop: workshop::WorkshopState::default(),
        }
    }

    /// The register as it stands, with unsaved changes.
    pub fn register(&self) -> &Register {
        &self.document.register
    }

    /// The file the register saves to.
    pub fn path(&self) -> Option<&Path> {
        self.document.path.as_deref()
    }

    /// Whether there are unsaved changes.
    pub fn is_dirty(&self) -> bool {
        self.document.is_dirty()
    }

    /// The selected entry.
    pub fn selection(&self) -> Option<&EntryId> {
        self.view.selection.as_ref()
    }

    /// The view shown.
    pub fn view(&self) -> View {
        self.view.view
    }

    /// The filter on the register table.
    pub fn filter(&self) -> &Filter {
        &self.view.filter
    }

    /// The errors shown in the window.
    pub fn errors(&self) -> &[String] {
        &self.errors
    }

    /// The question the app is asking, in words, if any.
    pub fn question(&self) -> Option<String> {
        self.question
            .as_ref()
            .map(|question| format!("{question:?}"))
    }

    /// The UI settings, as they would be saved.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The window title the app asks for.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The rank (1 = top priority) of the entry with this id.
    pub fn rank_of(&self, id: &EntryId) -> Option<usize> {
        dpia_core::ranking::rank(&self.document.register)
            .into_iter()
            .find(|ranked| {
                self.document
                    .register
                    .entries
                    .get(ranked.entry_idx)
                    .is_some_and(|entry| &entry.id == id)
            })
            .map(|ranked| ranked.rank)
    }

    /// The ids of the entries the register table shows, in order.
    pub fn shown_entries(&mut self) -> Vec<EntryId> {
        self.derived.refresh(&self.document, &self.view);
        self.derived
            .rows
            .iter()
            .filter_map(|position| self.derived.ranked.get(*position))
            .filter_map(|ranked| self.document.register.entries.get(ranked.entry_idx))
            .map(|entry| entry.id.clone())
            .collect()
    }

    /// Queues a command, as a menu item or button would.
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

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
                snapshots::snapshots_ui(ui, &self.document, &mut self.versions, &mut self.commands);
            }
            View::Workshop => self.workshops_view(ui),
        }
    }

    /// Draws the whole app into `ui` and carries out the commands the user gave.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if !self.is_styled {
            theme::install(&ctx);
            ctx.set_theme(self.settings.theme.preference());
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

        egui::Panel::top("menu-bar").show(ui, |ui| self.menu_bar_ui(ui));
        egui::Panel::top("toolbar")
            .frame(
                egui::Frame::side_top_panel(ui.style())
                    .inner_margin(egui::Margin::symmetric(10, 6)),
            )
            .show(ui, |ui| self.toolbar_ui(ui));
        egui::Panel::bottom("status-bar").show(ui, |ui| self.status_bar_ui(ui));
        egui::Panel::left("sidebar")
            .resizable(true)
            .default_size(200.0)
            .size_range(160.0..=320.0)
            .show(ui, |ui| {
                sidebar::sidebar_ui(
                    ui,
                    &self.document.register,
                    &self.derived,
                    &mut self.view,
                    &mut self.commands,
                );
            });
        if self.view.view.shows_editor() {
            self.editor_panel(ui);
        }
        egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui));

        self.finish_frame(&ctx);
    }

    /// What every frame ends with, whichever view drew it: the windows over the view (path field,
    /// export dialog, questions), then the commands given in the frame, autosave and the title.
    pub(super) fn finish_frame(&mut self, ctx: &egui::Context) {
        if let Some(command) = self.file_dialogs.path_field_ui(ctx) {
            self.commands.push(command);
        }
        self.export_ui(ctx);
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
        self.collect_autosave(Wait::No);
        self.autosave(ctx);
        self.update_title(ctx);
    }

    fn editor_panel(&mut self, ui: &mut Ui) {
        egui::Panel::bottom("entry-editor")
            .resizable(true)
            .default_size(430.0)
            .size_range(160.0..=900.0)
            .frame(egui::Frame::side_top_panel(ui.style()).inner_margin(egui::Margin::same(10)))
            .show(ui, |ui| {
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
                        entry,
                        &mut self.commands,
                    );
                } else {
                    ui.add_space(20.0);
                    ui.vertical_centered(|ui| {
                        ui.label(
                            RichText::new("Select an entry to edit it.")
                                .weak()
                                .size(16.0),
                        );
                    });
                }
            });
    }

    fn menu_bar_ui(&mut self, ui: &mut Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                for command in [Command::New, Command::Open] {
                    self.menu_item(ui, command);
                }
                ui.menu_button("Open recent", |ui| {
                    if self.settings.recent_files.is_empty() {
                        ui.label(RichText::new("No recent registers").weak());
                    }
                    for path in self.settings.recent_files.clone() {
                        if ui.button(path.display().to_string()).clicked() {
                            self.commands.push(Command::OpenPath(path));
                        }
                    }
                });
                ui.separator();
                for command in [Command::Save, Command::SaveAs] {
                    self.menu_item(ui, command);
                }
                ui.add_enabled_ui(self.document.path.is_some(), |ui| {
                    self.menu_item(ui, Command::Reload);
                });
                ui.separator();
                for command in [Command::ImportCsv, Command::ExportCsv, Command::ExportPdf] {
                    self.menu_item(ui, command);
                }
                ui.separator();
                ui.menu_button("Type a path instead", |ui| {
                    for request in [
                        FileRequest::Open,
                        FileRequest::SaveAs,
                        FileRequest::ImportCsv,
                        FileRequest::ExportCsv,
                    ] {
                        if ui.button(format!("{}…", request.title())).clicked() {
                            self.commands.push(Command::TypePath(request));
                        }
                    }
                });
                ui.separator();
                self.menu_item(ui, Command::Quit);
            });
            ui.menu_button("Edit", |ui| {
                let undo = self
                    .document
                    .history
                    .undo_label()
                    .map_or_else(|| "Undo".to_owned(), |label| format!("Undo {label}"));
                let redo = self
                    .document
                    .history
                    .redo_label()
                    .map_or_else(|| "Redo".to_owned(), |label| format!("Redo {label}"));
                let can_undo = self.document.history.undo_label().is_some();
                let can_redo = self.document.history.redo_label().is_some();
                self.menu_item_named(ui, Command::Undo, &undo, can_undo);
                self.menu_item_named(ui, Command::Redo, &redo, can_redo);
                ui.separator();
                self.menu_item(ui, Command::AddEntry);
                let has_selection = self.view.selection.is_some();
                self.menu_item_named(
                    ui,
                    Command::DuplicateEntry,
                    "Duplicate entry",
                    has_selection,
                );
                self.menu_item_named(ui, Command::DeleteEntry, "Delete entry", has_selection);
                ui.separator();
                self.menu_item(ui, Command::FocusSearch);
                self.menu_item(ui, Command::ClearFilters);
            });
            ui.menu_button("View", |ui| {
                for view in View::ALL {
                    self.menu_item(ui, Command::ShowView(view));
                }
                ui.separator();
                for command in [Command::ZoomIn, Command::ZoomOut, Command::ZoomReset] {
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
            });
            ui.menu_button("Workshops", |ui| self.workshop_menu_ui(ui));
        });
    }

    fn menu_item(&mut self, ui: &mut Ui, command: Command) {
        let label = command.label();
        self.menu_item_named(ui, command, label, true);
    }

    fn menu_item_named(&mut self, ui: &mut Ui, command: Command, label: &str, enabled: bool) {
        let mut button = egui::Button::new(label);
        if let Some(shortcut) = command.shortcut_text(ui.ctx()) {
            button = button.shortcut_text(shortcut);
        }
        if ui.add_enabled(enabled, button).clicked() {
            self.commands.push(command);
            ui.close();
        }
    }

    fn toolbar_ui(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            for view in View::ALL {
                let selected = self.view.view == view;
                let text = if selected {
                    RichText::new(view.label()).font(theme::bold_body())
                } else {
                    RichText::new(view.label())
                };
                if ui.selectable_label(selected, text).clicked() {
                    self.commands.push(Command::ShowView(view));
                }
            }
            ui.add_space(16.0);
            ui.separator();
            ui.add_space(8.0);
            let search_id = egui::Id::unique("search");
            let search = ui.add(
                egui::TextEdit::singleline(&mut self.view.filter.search)
                    .id(search_id)
                    .hint_text("Search issue, concern, mitigation (Ctrl+F)")
                    // Narrower in a small window, so it stays clear of the buttons on the right.
                    .desired_width((ui.available_width() - 330.0).clamp(140.0, 320.0)),
            );
            if self.view.focus_search {
                search.request_focus();
                self.view.focus_search = false;
            }
            if (search.has_focus() || search.lost_focus())
                && ui.input(|i| i.key_pressed(Key::Escape))
            {
                self.view.filter.search.clear();
            }
            if !self.view.filter.search.is_empty()
                && ui
                    .small_button("✕")
                    .on_hover_text("Clear the search")
                    .clicked()
            {
                self.view.filter.search.clear();
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let redo = ui.add_enabled(
                    self.document.history.redo_label().is_some(),
                    egui::Button::new("Redo"),
                );
                if redo.clicked() {
                    self.commands.push(Command::Redo);
                }
                let undo = ui.add_enabled(
                    self.document.history.undo_label().is_some(),
                    egui::Button::new("Undo"),
                );
                if undo.clicked() {
                    self.commands.push(Command::Undo);
                }
                ui.separator();
                if ui
                    .button("Add entry")
                    .on_hover_text("Add an entry to the system in view")
                    .clicked()
                {
                    self.commands.push(Command::AddEntry);
                }
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
            });
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
                    format!("{shown} of {} shown", entries(total))
                };
                ui.label(text);
                let metadata = &self.document.register.metadata;
                ui.separator();
                let title = format!(
                    "{} · {} · {}",
                    metadata.title, metadata.version_label, metadata.status
                );
                truncated_label(ui, 0.4, RichText::new(&title).weak(), &title);
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
            || "Not saved yet".to_owned(),
            |path| {
                working_folder
                    .as_deref()
                    .and_then(|folder| path.strip_prefix(folder).ok())
                    .unwrap_or(path)
                    .display()
                    .to_string()
            },
        );
        truncated_label(ui, 0.45, RichText::new(&path).weak(), &path);
        ui.separator();
        if self.document.is_dirty() {
            ui.label(RichText::new("Unsaved changes").strong());
        } else {
            ui.label(RichText::new("Saved").weak());
        }
        if let Some(notice) = &self.notice
            && ui.available_width() > 40.0
        {
            ui.separator();
            egui::Frame::new()
                .fill(theme::notice_fill(ui.ctx().theme()))
                .corner_radius(3)
                .inner_margin(egui::Margin::symmetric(6, 1))
                .show(ui, |ui| {
                    ui.add(egui::Label::new(notice.as_str()).truncate())
                        .on_hover_text(notice.as_str());
                });
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        let mut pressed = Vec::new();
        ctx.input_mut(|input| {
            for command in Command::with_shortcuts() {
                let shortcuts: Vec<KeyboardShortcut> = command
                    .shortcut()
                    .into_iter()
                    .chain(command.alternative_shortcuts())
                    .collect();
                if shortcuts.iter().any(|s| input.consume_shortcut(s)) {
                    pressed.push(command);
                }
            }
        });
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

    /// Carries out one command.
    #[expect(
        clippy::too_many_lines,
        reason = "one arm per command keeps every command's effect in one place"
    )]
    fn run_command(&mut self, command: Command, ctx: &egui::Context) {
        let near = self.document.path.clone();
        match command {
            Command::New => {
                if self.document.is_dirty() {
                    self.question = Some(Question::UnsavedChanges(Then::New));
                } else {
                    self.new_document();
                }
            }
            Command::Open => {
                if self.document.is_dirty() {
                    self.question = Some(Question::UnsavedChanges(Then::Open));
                } else {
                    self.file_dialogs
                        .ask(FileRequest::Open, near.as_deref(), ctx);
                }
            }
            Command::OpenPath(path) => {
                if self.document.is_dirty() {
                    self.question = Some(Question::UnsavedChanges(Then::OpenPath(path)));
                } else {
                    self.load(&path);
                }
            }
            Command::Save => {
                self.save(ctx);
            }
            Command::SaveAs => self
                .file_dialogs
                .ask(FileRequest::SaveAs, near.as_deref(), ctx),
            Command::SaveTo(path) => {
                self.save_to(&path, ctx);
            }
            Command::Reload => {
                if let Some(path) = near {
                    self.load(&path);
                }
            }
            Command::ImportCsv => {
                self.file_dialogs
                    .ask(FileRequest::ImportCsv, near.as_deref(), ctx);
            }
            Command::ImportCsvFrom(path) => {
                match csv_file::import(&path, &self.document.register) {
                    Ok(imported) => {
                        let added = imported
                            .entries
                            .len()
                            .saturating_sub(self.document.register.entries.len());
                        let name = file_name(&path);
                        self.apply(Edit::ReplaceRegister {
                            register: Box::new(imported),
                            label: format!("import {name}"),
                        });
                        self.notice = Some(format!("Imported {added} entries from {name}"));
                    }
                    Err(err) => self.errors.push(err.to_string()),
                }
            }
            Command::ExportCsv => {
                self.file_dialogs
                    .ask(FileRequest::ExportCsv, near.as_deref(), ctx);
            }
            Command::ExportCsvTo(path) => match csv_file::export(
                &self.document.register,
                &path,
                self.document.path.as_deref(),
            ) {
                Ok(()) => self.notice = Some(format!("Exported {}", file_name(&path))),
                Err(err) => self.errors.push(err.to_string()),
            },
            Command::TypePath(request) => {
                self.file_dialogs
                    .show_path_field(request, near.as_deref(), false);
            }
            Command::Quit => ctx.send_viewport_cmd(ViewportCommand::Close),
            Command::Undo => {
                if let Some(label) = self.document.undo() {
                    self.notice = Some(format!("Undid: {label}"));
                    self.keep_selection_valid();
                }
            }
            Command::Redo => {
                if let Some(label) = self.document.redo() {
                    self.notice = Some(format!("Redid: {label}"));
                    self.keep_selection_valid();
                }
            }
            Command::Edit(edit) => {
                self.apply(edit);
            }
            Command::AddEntry => {
                match sidebar::system_for_new_entry(&self.document.register, &self.view) {
                    Some(system) => {
                        if self.apply(Edit::AddEntry { system }) {
                            self.select_last();
                        }
                    }
                    None => self.errors.push(
                        "Add a system first (in Register details), so the entry has one."
                            .to_owned(),
                    ),
                }
            }
            Command::DuplicateEntry => {
                if let Some(entry) = self.view.selection.clone()
                    && self.apply(Edit::DuplicateEntry { entry })
                {
                    self.select_last();
                }
            }
            Command::DeleteEntry => {
                if let Some(entry) = self.view.selection.clone() {
                    let next = self.neighbour_of_selection();
                    if self.apply(Edit::DeleteEntry { entry }) {
                        self.view.selection = next;
                    }
                }
            }
            Command::Select(entry) => {
                if self.view.selection != entry {
                    self.document.history.seal();
                }
                self.view.selection = entry;
            }
            Command::SelectNext => self.move_selection(1),
            Command::SelectPrevious => self.move_selection(-1),
            Command::ShowView(view) => self.view.view = view,
            Command::FocusSearch => {
                if !self.view.view.shows_editor() {
                    self.view.view = View::Register;
                }
                self.view.focus_search = true;
            }
            Command::ShowCell(cell) => {
                self.view.filter = Filter {
                    cell: Some(cell),
                    ..Filter::default()
                };
                self.view.view = View::Register;
            }
            Command::ShowSystemRight(system, right) => {
                self.view.filter = Filter {
                    system: Some(system),
                    right: Some(right),
                    ..Filter::default()
                };
                self.view.view = View::Register;
            }
            Command::ClearFilters => self.view.filter = Filter::default(),
            Command::ZoomIn => egui::gui_zoom::zoom_in(ctx),
            Command::ZoomOut => egui::gui_zoom::zoom_out(ctx),
            Command::ZoomReset => ctx.set_zoom_factor(1.0),
            Command::SetTheme(theme) => {
                self.settings.theme = theme;
                ctx.set_theme(theme.preference());
            }
            Command::Snapshot(command) => self.run_snapshot_command(command, ctx),
            Command::ExportPdf => self.open_export_dialog(ctx),
            Command::ExportPdfTo(path) => self.export.choose_path(path),
            Command::Workshop(command) => self.run_workshop_command(command, ctx),
        }
        self.settings.zoom = ctx.zoom_factor();
    }

    /// Applies an edit through the history; reports a rejected edit. True when applied.
    fn apply(&mut self, edit: Edit) -> bool {
        match self.document.apply(edit) {
            Ok(()) => {
                self.notice = None;
                true
            }
            Err(err) => {
                self.errors.push(err.to_string());
                false
            }
        }
    }

    fn answer(&mut self, answer: Answer, ctx: &egui::Context) {
        match answer {
            Answer::SaveThen(then) => {
                self.after_save = Some(then);
                self.save(ctx);
            }
            Answer::DiscardThen(then) => {
                if then == Then::Quit
                    && let Some(path) = &self.document.path
                {
                    // The user chose to lose the changes: no recovery copy should offer them back.
                    recovery::discard(path).ok();
                    self.discarded_on_close = true;
                }
                if self.document.path.is_none()
                    && !matches!(then, Then::RestoreUntitled(_))
                    && let Some(copy) = self.recovery_copy()
                {
                    // The same for a register with no file, whatever comes next.
                    copy.discard().ok();
                    self.discarded_on_close = then == Then::Quit;
                }
                self.then(then, ctx);
            }
            Answer::Reload => {
                if let Some(path) = self.document.path.clone() {
                    self.load(&path);
                }
            }
            Answer::SaveAs => {
                let near = self.document.path.clone();
                self.file_dialogs
                    .ask(FileRequest::SaveAs, near.as_deref(), ctx);
            }
            Answer::Restore(recovery_path) => match register_file::load(&recovery_path) {
                Ok(recovered) => {
                    self.apply(Edit::ReplaceRegister {
                        register: Box::new(recovered),
                        label: "restore recovered changes".to_owned(),
                    });
                    self.keep_selection_valid();
                    self.notice =
                        Some("Restored unsaved changes from the recovery copy".to_owned());
                }
                Err(err) => self.errors.push(err.to_string()),
            },
            Answer::DiscardRecovery => {
                if let Some(path) = &self.document.path
                    && let Err(err) = recovery::discard(path)
                {
                    self.errors.push(err.to_string());
                }
            }
            Answer::RestoreUntitled(recovery_path) => {
                if self.document.has_work_to_keep() {
                    self.question = Some(Question::UnsavedChanges(Then::RestoreUntitled(
                        recovery_path,
                    )));
                } else {
                    self.restore_untitled(&recovery_path);
                }
            }
            Answer::DiscardUntitledRecovery => {
                if let Some(data_folder) = self.settings.data_folder.clone()
                    && let Err(err) = (RecoveryCopy::Untitled { data_folder }).discard()
                {
                    self.errors.push(err.to_string());
                }
            }
            Answer::Cancel => self.after_save = None,
        }
    }

    /// Goes on with what the user wanted once unsaved changes are dealt with.
    fn then(&mut self, then: Then, ctx: &egui::Context) {
        match then {
            Then::New => self.new_document(),
            Then::Open => {
                let near = self.document.path.clone();
                self.file_dialogs
                    .ask(FileRequest::Open, near.as_deref(), ctx);
            }
            Then::OpenPath(path) => self.load(&path),
            Then::Quit => {
                self.may_close = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            Then::RestoreUntitled(recovery_path) => self.restore_untitled(&recovery_path),
        }
    }

    /// Opens the recovery copy of a register that had no file as a new, unsaved register.
    ///
    /// The copy stays where it is until the register is saved or discarded, so a second crash
    /// loses nothing either.
    fn restore_untitled(&mut self, recovery_path: &Path) {
        match register_file::load(recovery_path) {
            Ok(register) => {
                self.replace_document(Document::new(register, None, None));
                self.notice =
                    Some("Restored a register that was never saved: save it to keep it".to_owned());
            }
            Err(err) => self.errors.push(err.to_string()),
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && self.document.is_dirty()
            && !self.may_close
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            if self.question.is_none() {
                self.question = Some(Question::UnsavedChanges(Then::Quit));
            }
        }
    }

    fn new_document(&mut self) {
        // A new register for the same programme: it starts with the open one's systems and rights.
        let register = Register {
            systems: self.document.register.systems.clone(),
            rights: self.document.register.rights.clone(),
            ..Register::default()
        };
        self.replace_document(Document::new(register, None, None));
        self.notice = Some("New register: add entries, then save it".to_owned());
    }

    /// Opens the register at `path`, replacing the open one; reports a file that cannot be read.
    fn load(&mut self, path: &Path) {
        // Kept absolute, so recent files still open when the app starts from another folder.
        let path = &absolute(path);
        let fingerprint = Fingerprint::of_file(path).ok().flatten();
        match register_file::load(path) {
            Ok(register) if paper::is_pdf_file(path) => {
                // Saving must never write RON over the paper: the register it carries opens as a
                // new, unsaved document, and Save asks where to keep it.
                self.replace_document(Document::new(register, None, None));
                self.notice = Some(format!(
                    "Opened the register carried by {}: save it as a register file to keep your changes",
                    file_name(path)
                ));
            }
            Ok(register) => {
                self.replace_document(Document::new(register, Some(path.to_owned()), fingerprint));
                self.settings.remember(path);
                self.notice = Some(format!("Opened {}", file_name(path)));
                if let Some(pending) = recovery::pending(path) {
                    self.question = Some(Question::Recovery(pending));
                }
            }
            Err(err) => self.errors.push(err.to_string()),
        }
    }

    fn replace_document(&mut self, document: Document) {
        self.document = document;
        self.view.selection = None;
        self.view.filter = Filter::default();
        self.next_autosave = None;
        self.derived.refresh(&self.document, &self.view);
        self.select_first();
    }

    /// Saves to the register's file, unless someone else changed it since it was opened.
    fn save(&mut self, ctx: &egui::Context) -> bool {
        let Some(path) = self.document.path.clone() else {
            self.file_dialogs.ask(FileRequest::SaveAs, None, ctx);
            return false;
        };
        match Fingerprint::of_file(&path) {
            Ok(Some(on_disk)) if Some(on_disk) != self.document.fingerprint => {
                self.question = Some(Question::ChangedOnDisk);
                false
            }
            Ok(_) => self.save_to(&path, ctx),
            Err(err) => {
                self.errors.push(err.to_string());
                false
            }
        }
    }

    fn save_to(&mut self, path: &Path, ctx: &egui::Context) -> bool {
        let path = absolute(path);
        let untitled_copy = self
            .recovery_copy()
            .filter(|copy| matches!(copy, RecoveryCopy::Untitled { .. }));
        if path
            .extension()
            .is_some_and(|extension| extension.eq_ignore_ascii_case("pdf"))
        {
            self.errors.push(format!(
                "{}: a register is saved as a .ron file; use Export PDF… for papers",
                path.display()
            ));
            return false;
        }
        // A paper renamed without its extension is still a paper: RON written over it would lose it.
        if paper::is_pdf_file(&path) {
            self.errors.push(format!(
                "{}: this file is a PDF; save the register under another name, or use Export PDF… for papers",
                path.display()
            ));
            return false;
        }
        match register_file::save(&self.document.register, &path) {
            Ok(()) => {
                let fingerprint = Fingerprint::of_file(&path).ok().flatten();
                recovery::discard(&path).ok();
                if let Some(copy) = untitled_copy {
                    // The register now has a file; its copy as an untitled register is done with.
                    copy.discard().ok();
                }
                self.settings.remember(&path);
                self.notice = Some(format!("Saved {}", file_name(&path)));
                self.document.mark_saved(path, fingerprint);
                self.next_autosave = None;
                if let Some(then) = self.after_save.take() {
                    self.then(then, ctx);
                }
                true
            }
            Err(err) => {
                self.errors.push(err.to_string());
                false
            }
        }
    }

    /// Where the open register's recovery copy goes: beside its file, or, when it has none, in the
    /// app's data folder (if the app has one).
    fn recovery_copy(&self) -> Option<RecoveryCopy> {
        match &self.document.path {
            Some(path) => Some(RecoveryCopy::BesideRegister(path.clone())),
            None => self
                .settings
                .data_folder
                .clone()
                .map(|data_folder| RecoveryCopy::Untitled { data_folder }),
        }
    }

    /// Writes the recovery copy every `AUTOSAVE_INTERVAL_SECS` while there is work to keep.
    fn autosave(&mut self, ctx: &egui::Context) {
        let Some(copy) = self.recovery_copy() else {
            return;
        };
        if !self.document.has_work_to_keep() {
            if self.document.recovered_revision.take().is_some() {
                // Undone back to the saved state: the copy holds nothing worth offering.
                copy.discard().ok();
            }
            self.next_autosave = None;
            return;
        }
        let now = ctx.input(|i| i.time);
        let due = *self
            .next_autosave
            .get_or_insert(now + AUTOSAVE_INTERVAL_SECS);
        if now >= due {
            self.write_recovery_in_background(copy);
            self.next_autosave = Some(now + AUTOSAVE_INTERVAL_SECS);
        }
        let wait = (due - now).max(0.0) + 0.1;
        ctx.request_repaint_after(Duration::from_secs_f64(wait));
    }

    /// Copies the register to the recovery file on a worker thread, so a large register does not
    /// stall the window; the result is collected by `collect_autosave`.
    fn write_recovery_in_background(&mut self, copy: RecoveryCopy) {
        let revision = self.document.history.revision();
        if self.autosave_job.is_some() || self.document.recovered_revision == Some(revision) {
            return;
        }
        let (sender, receiver) = std::sync::mpsc::channel();
        let register = self.document.register.clone();
        let target = copy.clone();
        let spawned = std::thread::Builder::new()
            .name("autosave".to_owned())
            .spawn(move || {
                let result = target.save(&register).map_err(|err| err.to_string());
                // The app may have closed meanwhile; then nobody is waiting for the answer.
                sender.send(result).ok();
            });
        match spawned {
            Ok(_) => {
                self.autosave_job = Some(AutosaveJob {
                    receiver,
                    revision,
                    document: self.document.state_key().0,
                    copy,
                });
            }
            Err(_) => self.write_recovery(&copy),
        }
    }

    /// Collects the result of a background autosave, if it has finished.
    fn collect_autosave(&mut self, wait: Wait) {
        let Some(job) = &self.autosave_job else {
            return;
        };
        let result = match wait {
            Wait::No => match job.receiver.try_recv() {
                Ok(result) => result,
                Err(std::sync::mpsc::TryRecvError::Empty) => return,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    Err("the autosave thread stopped".to_owned())
                }
            },
            Wait::UntilDone => job
                .receiver
                .recv()
                .unwrap_or_else(|_| Err("the autosave thread stopped".to_owned())),
        };
        let Some(job) = self.autosave_job.take() else {
            return;
        };
        match result {
            Ok(()) => {
                let same_document = self.document.state_key().0 == job.document
                    && self.recovery_copy().as_ref() == Some(&job.copy);
                if same_document && self.document.has_work_to_keep() {
                    self.document.recovered_revision = Some(job.revision);
                } else {
                    // Saved (or another register opened) while the copy was being written.
                    job.copy.discard().ok();
                }
            }
            Err(err) => self
                .errors
                .push(format!("Could not write the recovery copy: {err}")),
        }
    }

    fn write_recovery(&mut self, copy: &RecoveryCopy) {
        let revision = self.document.history.revision();
        if self.document.recovered_revision == Some(revision) {
            return;
        }
        match copy.save(&self.document.register) {
            Ok(()) => self.document.recovered_revision = Some(revision),
            Err(err) => self
                .errors
                .push(format!("Could not write the recovery copy: {err}")),
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let marker = if self.document.is_dirty() { "*" } else { "" };
        let title = format!("{marker}{} — {APP_NAME}", self.document.display_name());
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    fn select_first(&mut self) {
        self.derived.refresh(&self.document, &self.view);
        self.view.selection = self
            .derived
            .rows
            .first()
            .and_then(|position| self.derived.ranked.get(*position))
            .and_then(|ranked| self.document.register.entries.get(ranked.entry_idx))
            .map(|entry| entry.id.clone());
    }

    fn select_last(&mut self) {
        self.view.selection = self.document.register.entries.last().map(|e| e.id.clone());
        self.view.scroll_to_selection = true;
        // A new entry may not pass the filters; show it anyway.
        self.derived.refresh(&self.document, &self.view);
        let shown_entries = self.shown_entries();
        let shown = self
            .view
            .selection
            .as_ref()
            .is_some_and(|id| shown_entries.contains(id));
        if !shown {
            self.view.filter = Filter::default();
        }
    }

    fn keep_selection_valid(&mut self) {
        let exists = self
            .view
            .selection
            .as_ref()
            .is_some_and(|id| self.document.register.entry(id).is_some());
        if !exists {
            self.select_first();
        }
    }

    /// The entry after the selected one in the table (or before it, at the end).
    fn neighbour_of_selection(&mut self) -> Option<EntryId> {
        let shown = self.shown_entries();
        let selected = self.view.selection.as_ref()?;
        let row = shown.iter().position(|id| id == selected)?;
        shown
            .get(row + 1)
            .or_else(|| row.checked_sub(1).and_then(|previous| shown.get(previous)))
            .cloned()
    }

    fn move_selection(&mut self, step: isize) {
        let shown = self.shown_entries();
        let row = self
            .view
            .selection
            .as_ref()
            .and_then(|selected| shown.iter().position(|id| id == selected));
        let next = match row {
            Some(row) => row.checked_add_signed(step).filter(|r| *r < shown.len()),
            None => Some(0),
        };
        if let Some(id) = next.and_then(|row| shown.get(row)) {
            self.view.selection = Some(id.clone());
            self.view.scroll_to_selection = true;
            self.document.history.seal();
        }
    }
}

impl eframe::App for DpiaApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.collect_autosave(Wait::UntilDone);
        if self.document.has_work_to_keep()
            && !self.discarded_on_close
            && let Some(copy) = self.recovery_copy()
        {
            self.write_recovery(&copy);
        }
    }
}

/// A count of entries in words: "1 entry", "29 entries".
fn entries(count: usize) -> String {
    if count == 1 {
        "1 entry".to_owned()
    } else {
        format!("{count} entries")
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

/// The path made absolute against the working folder (without touching the disk).
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}
