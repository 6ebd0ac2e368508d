//! Everything the user can ask the app to do, as values: menus, buttons and shortcuts all send a
//! `Command`, and `DpiaApp::run_command` carries each out in one place after the frame is drawn.
//!
//! Two kinds (rerun `ui_command.rs`): a `MenuCommand` is one the menus list, with a fixed label
//! and perhaps a keyboard shortcut, both defined here once, so the menu shows the shortcut the
//! keyboard handler listens for; the keyboard handler tries every `MenuCommand::ALL`, so a new
//! shortcut cannot be left out. The other `Command`s carry data (a path, an edit, an entry) and
//! are sent by panels and dialogs. To add a menu command: a variant in `menu_commands!`, its label,
//! its shortcut or `None`, and its arm in `run_command`.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::dialogs::FileRequest;
use super::settings::ThemeChoice;
use super::snapshots::SnapshotCommand;
use super::state::View;
use super::workshop::WorkshopCommand;
use crate::gui::i18n::tr;
use dpia_core::edit::Edit;
use dpia_core::filter::HeatCell;
use dpia_core::register::{EntryId, Language, RightId, SystemId};

/// One thing the user asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// A command from the menus (or its shortcut, or a button doing the same).
    Menu(MenuCommand),
    /// Open the register at this path.
    OpenPath(PathBuf),
    /// Save the register to this path.
    SaveTo(PathBuf),
    /// Import the entries of this CSV file.
    ImportCsvFrom(PathBuf),
    /// Read this spreadsheet (CSV or workbook) as an update of the register, and show its changes.
    UpdateFromSpreadsheetFrom(PathBuf),
    /// Export the entries as CSV to this path.
    ExportCsvTo(PathBuf),
    /// Type a path instead of using the file chooser.
    TypePath(FileRequest),
    /// Change the register.
    Edit(Edit),
    /// Select an entry, or none.
    Select(Option<EntryId>),
    /// Select the entry below the selection in the table.
    SelectNext,
    /// Select the entry above the selection in the table.
    SelectPrevious,
    /// Show a view.
    ShowView(View),
    /// Show only the entries of one heat map cell, in the register table.
    ShowCell(HeatCell),
    /// Show only one system's entries bearing on one right, in the register table.
    ShowSystemRight(SystemId, RightId),
    /// Light, dark or as the system says.
    SetTheme(ThemeChoice),
    /// The app's language (its menus and messages, not the register's).
    SetLanguage(Language),
    /// Take, restore or read a snapshot (the Snapshots view).
    Snapshot(SnapshotCommand),
    /// Put this path, chosen in the file chooser, in the Export PDF dialog.
    ExportPdfTo(PathBuf),
    /// Start, run or end a workshop session.
    Workshop(WorkshopCommand),
}

/// Declares `MenuCommand` and its `ALL` from one list of variants, so `ALL` cannot miss one.
macro_rules! menu_commands {
    ($($(#[$doc:meta])* $variant:ident,)*) => {
        /// A command the menus list: it has a fixed label and perhaps a keyboard shortcut.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum MenuCommand {
            $($(#[$doc])* $variant,)*
        }

        impl MenuCommand {
            /// Every menu command, in menu order.
            pub const ALL: &[Self] = &[$(Self::$variant,)*];
        }
    };
}

menu_commands! {
    /// Start a new, empty register.
    New,
    /// Choose a register file to open.
    Open,
    /// Save to the register's file (or choose one).
    Save,
    /// Choose a file to save the register to.
    SaveAs,
    /// Read the register's file again, dropping unsaved changes.
    Reload,
    /// Choose a CSV file to import entries from.
    ImportCsv,
    /// Choose a spreadsheet (CSV or workbook) to update the register from, by id.
    UpdateFromSpreadsheet,
    /// Choose a CSV file to export the entries to.
    ExportCsv,
    /// Open the Export PDF dialog.
    ExportPdf,
    /// Close the app (asking about unsaved changes).
    Quit,
    /// Take back the last change.
    Undo,
    /// Put back the last change taken back.
    Redo,
    /// Add an entry (to the system in view) and select it.
    AddEntry,
    /// Copy the selected entry and select the copy.
    DuplicateEntry,
    /// Delete the selected entry.
    DeleteEntry,
    /// Put the keyboard focus in the search box.
    FocusSearch,
    /// Clear every filter and the search.
    ClearFilters,
    /// Make everything bigger.
    ZoomIn,
    /// Make everything smaller.
    ZoomOut,
    /// Back to normal size.
    ZoomReset,
    /// Open the Settings window (the author's name).
    Settings,
}

impl Command {
    /// The command's name in menus, for the commands a menu can show.
    pub fn label(&self) -> Option<&'static str> {
        match self {
            Self::Menu(command) => Some(command.label()),
            Self::ShowView(view) => Some(view.label()),
            Self::SetTheme(theme) => Some(theme.label()),
            Self::Snapshot(command) => Some(command.label()),
            Self::Workshop(command) => Some(command.label()),
            Self::OpenPath(_)
            | Self::SaveTo(_)
            | Self::ImportCsvFrom(_)
            | Self::UpdateFromSpreadsheetFrom(_)
            | Self::ExportCsvTo(_)
            | Self::TypePath(_)
            | Self::Edit(_)
            | Self::Select(_)
            | Self::SelectNext
            | Self::SelectPrevious
            | Self::ShowCell(_)
            | Self::ShowSystemRight(..)
            | Self::SetLanguage(_)
            | Self::ExportPdfTo(_) => None,
        }
    }

    /// The shortcut as menus show it, for a menu command that has one.
    pub fn shortcut_text(&self, ctx: &egui::Context) -> Option<String> {
        match self {
            Self::Menu(command) => command.shortcut_text(ctx),
            _ => None,
        }
    }
}

impl From<MenuCommand> for Command {
    fn from(command: MenuCommand) -> Self {
        Self::Menu(command)
    }
}

impl MenuCommand {
    /// The command's name in menus, sentence case, with `…` where a dialog follows.
    pub fn label(self) -> &'static str {
        match self {
            Self::New => tr("app-new-register"),
            Self::Open => tr("app-open"),
            Self::Save => tr("app-save"),
            Self::SaveAs => tr("app-save-as"),
            Self::Reload => tr("app-reload-from-disk"),
            Self::ImportCsv => tr("app-import-csv"),
            Self::UpdateFromSpreadsheet => tr("app-update-from-spreadsheet"),
            Self::ExportCsv => tr("app-export-csv"),
            Self::ExportPdf => tr("app-export-pdf"),
            Self::Quit => tr("app-quit"),
            Self::Undo => tr("app-undo"),
            Self::Redo => tr("app-redo"),
            Self::AddEntry => tr("app-add-entry"),
            Self::DuplicateEntry => tr("app-duplicate-entry"),
            Self::DeleteEntry => tr("app-delete-entry"),
            Self::FocusSearch => tr("app-search"),
            Self::ClearFilters => tr("app-clear-filters"),
            Self::ZoomIn => tr("app-zoom-in"),
            Self::ZoomOut => tr("app-zoom-out"),
            Self::ZoomReset => tr("app-actual-size"),
            Self::Settings => tr("app-settings"),
        }
    }

    /// The main keyboard shortcut, shown in menus.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let command = |key| KeyboardShortcut::new(Modifiers::COMMAND, key);
        let command_shift = |key| KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, key);
        // No `_` arm: a new command must say whether it has a shortcut.
        Some(match self {
            Self::New => command(Key::N),
            Self::Open => command(Key::O),
            Self::Save => command(Key::S),
            Self::SaveAs => command_shift(Key::S),
            Self::Quit => command(Key::Q),
            Self::Undo => command(Key::Z),
            Self::Redo => command_shift(Key::Z),
            Self::FocusSearch => command(Key::F),
            Self::DuplicateEntry => command(Key::D),
            Self::AddEntry => command(Key::E),
            Self::ZoomIn => command(Key::Equals),
            Self::ZoomOut => command(Key::Minus),
            Self::ZoomReset => command(Key::Num0),
            Self::Reload
            | Self::ImportCsv
            | Self::UpdateFromSpreadsheet
            | Self::ExportCsv
            | Self::ExportPdf
            | Self::DeleteEntry
            | Self::ClearFilters
            | Self::Settings => return None,
        })
    }

    /// Other shortcuts for the same command: Ctrl+Y for redo, Ctrl+Plus for zoom in.
    pub fn alternative_shortcuts(self) -> Vec<KeyboardShortcut> {
        match self {
            Self::Redo => vec![KeyboardShortcut::new(Modifiers::COMMAND, Key::Y)],
            Self::ZoomIn => vec![KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus)],
            _ => Vec::new(),
        }
    }

    /// The shortcut as menus show it: `Ctrl+S`, `Ctrl+=` (egui would spell out "Ctrl+Equals").
    pub fn shortcut_text(self, ctx: &egui::Context) -> Option<String> {
        let shortcut = self.shortcut()?;
        Some(format!(
            "{}+{}",
            ctx.format_modifiers(shortcut.modifiers),
            shortcut.logical_key.symbol_or_name()
        ))
    }

    /// The commands with a keyboard shortcut, from `ALL`, in the order the keyboard handler tries
    /// them: more modifiers first, so that Ctrl+Shift+Z is not taken for Ctrl+Z.
    pub fn with_shortcuts() -> Vec<Self> {
        let mut commands: Vec<Self> = Self::ALL
            .iter()
            .copied()
            .filter(|command| command.shortcut().is_some())
            .collect();
        // Stable, so commands with as many modifiers keep their menu order.
        commands.sort_by_key(|command| {
            std::cmp::Reverse(command.shortcut().map_or(0, |s| num_modifiers(s.modifiers)))
        });
        commands
    }

    /// Takes the shortcuts pressed this frame out of `input`; returns their commands.
    pub fn consume_shortcuts(input: &mut egui::InputState) -> Vec<Self> {
        let mut pressed = Vec::new();
        for command in Self::with_shortcuts() {
            let shortcuts: Vec<KeyboardShortcut> = command
                .shortcut()
                .into_iter()
                .chain(command.alternative_shortcuts())
                .collect();
            if shortcuts.iter().any(|s| input.consume_shortcut(s)) {
                pressed.push(command);
            }
        }
        pressed
    }
}

/// How many modifier keys a shortcut needs (Ctrl and Cmd count once: `COMMAND` is either).
fn num_modifiers(modifiers: Modifiers) -> usize {
    [
        modifiers.alt,
        modifiers.ctrl || modifiers.command || modifiers.mac_cmd,
        modifiers.shift,
    ]
    .into_iter()
    .filter(|is_held| *is_held)
    .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every shortcut of every menu command, main and alternatives.
    fn every_shortcut() -> Vec<(MenuCommand, KeyboardShortcut)> {
        MenuCommand::ALL
            .iter()
            .flat_map(|&command| {
                command
                    .shortcut()
                    .into_iter()
                    .chain(command.alternative_shortcuts())
                    .map(move |shortcut| (command, shortcut))
            })
            .collect()
    }

    /// The commands the keyboard handler sends for one frame in which `shortcut` is pressed.
    fn press(shortcut: KeyboardShortcut) -> Vec<MenuCommand> {
        let ctx = egui::Context::default();
        let input = egui::RawInput {
            events: vec![egui::Event::Key {
                key: shortcut.logical_key,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: shortcut.modifiers,
            }],
            ..egui::RawInput::default()
        };
        let mut pressed = Vec::new();
        let mut output = ctx.run_ui(input, |ui| {
            pressed = ui.ctx().input_mut(MenuCommand::consume_shortcuts);
        });
        // Nothing is painted: the font texture egui made need not be uploaded anywhere.
        output.textures_delta.clear();
        pressed
    }

    #[test]
    fn every_menu_command_has_a_label() {
        let mut seen = Vec::new();
        for command in MenuCommand::ALL {
            let label = command.label();
            assert!(!label.trim().is_empty(), "{command:?} has no label");
            assert!(!label.ends_with('.'), "{command:?}: no trailing period");
            assert!(!seen.contains(&label), "{command:?}: label {label} taken");
            seen.push(label);
            assert_eq!(Command::Menu(*command).label(), Some(label));
        }
    }

    #[test]
    fn no_two_menu_commands_share_a_shortcut() {
        let shortcuts = every_shortcut();
        for (idx, (command, shortcut)) in shortcuts.iter().enumerate() {
            for (other, other_shortcut) in shortcuts.iter().skip(idx + 1) {
                assert_ne!(
                    shortcut, other_shortcut,
                    "{command:?} and {other:?} share a shortcut"
                );
            }
        }
    }

    #[test]
    fn the_keyboard_handler_tries_every_command_with_a_shortcut() {
        let tried = MenuCommand::with_shortcuts();
        for command in MenuCommand::ALL {
            let has_shortcut = command.shortcut().is_some();
            assert_eq!(tried.contains(command), has_shortcut, "{command:?}");
        }
        assert!(
            tried.windows(2).all(|pair| {
                let modifiers = |c: MenuCommand| c.shortcut().map(|s| num_modifiers(s.modifiers));
                modifiers(pair[0]) >= modifiers(pair[1])
            }),
            "more modifiers first: {tried:?}"
        );
    }

    #[test]
    fn each_shortcut_sends_its_command_and_no_other() {
        for (command, shortcut) in every_shortcut() {
            assert_eq!(press(shortcut), vec![command], "{shortcut:?}");
        }
    }

    #[test]
    fn alternative_shortcuts_have_a_main_shortcut() {
        for command in MenuCommand::ALL {
            if !command.alternative_shortcuts().is_empty() {
                assert!(command.shortcut().is_some(), "{command:?}");
            }
        }
    }
}
