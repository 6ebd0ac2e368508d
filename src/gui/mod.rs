//! The desktop app (egui/eframe): the only module that names `egui`, `eframe`, `egui_extras` or `rfd`.
//!
//! A thin layer over the core. Each frame the panels draw the register and the view state and push
//! `Command`s; `DpiaApp` then carries the commands out in one place (`app/command_handling.rs`):
//! edits go through the document's history, files through `files`. No scoring, ranking or file
//! format logic lives here.
//!
//! `app` is the app itself (its state, the frame, commands, files, autosave); the other modules are
//! its panels and dialogs, each a function over borrowed state.

mod a11y;
mod acceptance;
mod actions;
mod app;
mod change_text;
mod clock;
mod command;
mod conflicts;
mod consultation;
mod date_text;
mod details;
mod dialogs;
mod edit_text;
mod entry_editor;
mod error_text;
mod export;
mod heat_map;
mod i18n;
mod impact_grid;
mod one_line;
mod priorities;
mod reason_text;
mod settings;
mod settings_window;
mod sidebar;
mod snapshots;
mod state;
mod table;
mod theme;
mod trail_view;
mod update_dialog;
mod workshop;

use std::path::Path;
use std::process::ExitCode;

use crate::gui::i18n::tr_args;
pub use app::{AUTOSAVE_INTERVAL_SECS, DpiaApp, Options};
pub use clock::Clock;
pub use command::{Command, MenuCommand};
pub use dialogs::{FileChoosers, FileRequest};
pub use settings::{Settings, ThemeChoice};
pub use snapshots::{ApprovalCommand, SnapshotCommand};
pub use state::View;
pub use workshop::WorkshopCommand;

/// The app's name for eframe (which names its storage by it); the window title is `tr("app-dpia-register")`.
const APP_NAME: &str = "DPIA register";

/// The app's id for the desktop, which also names eframe's storage folder (the app's data folder).
const APP_ID: &str = "dpia-register";

/// The app icon.
const ICON: &[u8] = include_bytes!("../../assets/icon.png");

/// Opens the desktop app on `path`, or on the last register used, or on the bundled register.
pub fn run(path: Option<&Path>) -> ExitCode {
    let icon = eframe::icon_data::from_png_bytes(ICON).ok();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(i18n::tr("app-dpia-register"))
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
            settings.language_override = i18n::language_from_environment();
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

/// A count of entries in words: "1 entry", "29 entries".
fn entries(count: usize) -> String {
    tr_args!("app-entries", count = count)
}
