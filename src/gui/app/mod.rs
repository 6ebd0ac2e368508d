//! The desktop app itself: `DpiaApp`, what it holds, how it starts, what tests may ask of it, and
//! its `eframe::App` side.
//!
//! The work is split by concern, as rerun's `re_viewer/src/app/` is: `frame` draws each frame and
//! ends it, `command_handling` carries out the commands, `document_io` opens and saves registers,
//! `autosave` keeps recovery copies, and `selection` moves the selected entry. Nothing here draws
//! a panel's contents; the panels are the sibling modules of `app`.

mod autosave;
mod command_handling;
mod disk_merge;
mod document_io;
mod frame;
mod selection;

use std::path::{Path, PathBuf};

use egui::Ui;
use jiff::civil::Date;

use super::dialogs::{FileChoosers, FileDialogs, Question, Then};
use super::i18n;
use super::settings::Settings;
use super::settings_window::SettingsWindow;
use super::state::{Derived, Document, View, ViewState};
use super::{Clock, Command, export, snapshots, workshop};
use crate::gui::error_text::ErrorText;
use autosave::{Autosave, Wait};

use dpia_core::filter::Filter;
use dpia_core::register::{EntryId, Register};
use dpia_files::recovery::{self, Fingerprint, PendingRecovery};
use dpia_files::register_file;

pub use autosave::AUTOSAVE_INTERVAL_SECS;

/// The bundled register, relative to the working directory.
const BUNDLED_REGISTER: &str = "registers/leds-hob-open-space.ron";

/// The bundled register, built in, for when the app runs away from its source folder.
const EMBEDDED_REGISTER: &str = include_str!("../../../registers/leds-hob-open-space.ron");

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
    /// The open register, its file and its undo history.
    pub(in crate::gui) document: Document,
    /// What the user is looking at: view, selection, filters, sort.
    pub(in crate::gui) view: ViewState,
    /// Results computed from the document and the view (ranking, rows), kept until either changes.
    derived: Derived,
    /// The UI settings, saved in eframe storage between runs.
    pub(in crate::gui) settings: Settings,
    /// The file chooser or path field open, and the command its answer becomes.
    pub(in crate::gui) file_dialogs: FileDialogs,
    /// The question the app is asking (unsaved changes, recovery copies), if any.
    question: Option<Question>,
    /// What to do once a save asked for by `Answer::SaveThen` succeeds.
    after_save: Option<Then>,
    /// The errors shown above the view.
    pub(in crate::gui) errors: Vec<String>,
    /// The last notice, in the status bar.
    pub(in crate::gui) notice: Option<String>,
    /// The commands given this frame, carried out when it ends.
    pub(in crate::gui) commands: Vec<Command>,
    /// Today's date, for new mitigations' due dates and workshops; fixed in tests.
    pub(in crate::gui) today: Date,
    /// The time snapshots are taken and papers dated at; fixed in tests.
    pub(in crate::gui) clock: Clock,
    /// The Snapshots view's list, form, comparison and read-only snapshot.
    pub(in crate::gui) versions: snapshots::Versions,
    /// The Export PDF dialog and the export it runs.
    pub(in crate::gui) export: export::ExportDialog,
    /// The autosave timer and the recovery copy being written.
    autosave: Autosave,
    /// Set once the user has agreed to close, so the next close request goes through.
    may_close: bool,
    /// Set when the user discarded unsaved changes on closing, so no recovery copy is written.
    discarded_on_close: bool,
    /// The window title last asked for.
    title: String,
    /// Set once the app's style, theme and zoom are installed in the egui context.
    is_styled: bool,
    /// The recovery copy of a register with no file, left by an earlier run, still to be offered.
    untitled_recovery: Option<PendingRecovery>,
    /// The workshop session running, its start dialog, and the past session reviewed.
    pub(in crate::gui) workshop: workshop::WorkshopState,
    /// The Settings window, while open.
    pub(in crate::gui) settings_window: Option<SettingsWindow>,
    /// An update read from a spreadsheet, waiting for Apply or Cancel.
    pub(in crate::gui) update_dialog: Option<crate::gui::update_dialog::UpdateDialog>,
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
            Err(err) => app.errors.push(err.error_text()),
        }
        app
    }

    fn empty(options: Options) -> Self {
        i18n::set_language(options.settings.language());
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
            autosave: Autosave::default(),
            may_close: false,
            discarded_on_close: false,
            title: String::new(),
            is_styled: false,
            untitled_recovery,
            workshop: workshop::WorkshopState::default(),
            settings_window: None,
            update_dialog: None,
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

    /// Waits until a recovery copy being written in the background is written, and takes in its
    /// result, as the next frame would: tests drive the clock, then wait here instead of polling.
    pub fn wait_for_autosave(&mut self) {
        self.collect_autosave(autosave::Wait::UntilDone);
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
    pub fn push(&mut self, command: impl Into<Command>) {
        self.commands.push(command.into());
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
