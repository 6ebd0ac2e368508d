//! Everything the user can ask the app to do, as values: menus, buttons and shortcuts all send a
//! `Command`, and `DpiaApp::run_command` carries each out in one place after the frame is drawn.
//!
//! A command's label and shortcut are defined here once, so the menu shows the same shortcut the
//! keyboard handler listens for. To add a command: a variant, its label, perhaps a shortcut, and
//! its arm in `run_command`.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::dialogs::FileRequest;
use super::settings::ThemeChoice;
use super::snapshots::SnapshotCommand;
use super::state::View;
use super::workshop::WorkshopCommand;
use dpia_core::edit::Edit;
use dpia_core::filter::HeatCell;
use dpia_core::register::{EntryId, RightId, SystemId};

/// One thing the user asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Start a new, empty register.
    New,
    /// Choose a register file to open.
    Open,
    /// Open the register at this path.
    OpenPath(PathBuf),
    /// Save to the register's file (or choose one).
    Save,
    /// Choose a file to save the register to.
    SaveAs,
    /// Save the register to this path.
    SaveTo(PathBuf),
    /// Read the register's file again, dropping unsaved changes.
    Reload,
    /// Choose a CSV file to import entries from.
    ImportCsv,
    /// Import the entries of this CSV file.
    ImportCsvFrom(PathBuf),
    /// Choose a CSV file to export the entries to.
    ExportCsv,
    /// Export the entries as CSV to this path.
    ExportCsvTo(PathBuf),
    /// Type a path instead of using the file chooser.
    TypePath(FileRequest),
    /// Close the app (asking about unsaved changes).
    Quit,
    /// Take back the last change.
    Undo,
    /// Put back the last change taken back.
    Redo,
    /// Change the register.
    Edit(Edit),
    /// Add an entry (to the system in view) and select it.
    AddEntry,
    /// Copy the selected entry and select the copy.
    DuplicateEntry,
    /// Delete the selected entry.
    DeleteEntry,
    /// Select an entry, or none.
    Select(Option<EntryId>),
    /// Select the entry below the selection in the table.
    SelectNext,
    /// Select the entry above the selection in the table.
    SelectPrevious,
    /// Show a view.
    ShowView(View),
    /// Put the keyboard focus in the search box.
    FocusSearch,
    /// Show only the entries of one heat map cell, in the register table.
    ShowCell(HeatCell),
    /// Show only one system's entries bearing on one right, in the register table.
    ShowSystemRight(SystemId, RightId),
    /// Clear every filter and the search.
    ClearFilters,
    /// Make everything bigger.
    ZoomIn,
    /// Make everything smaller.
    ZoomOut,
    /// Back to normal size.
    ZoomReset,
    /// Light, dark or as the system says.
    SetTheme(ThemeChoice),
    /// Take, restore or read a snapshot (the Snapshots view).
    Snapshot(SnapshotCommand),
    /// Open the Export PDF dialog.
    ExportPdf,
    /// Put this path, chosen in the file chooser, in the Export PDF dialog.
    ExportPdfTo(PathBuf),
    /// Start, run or end a workshop session.
    Workshop(WorkshopCommand),
}

impl Command {
    /// The commands that have a keyboard shortcut, longest shortcuts first so that Ctrl+Shift+Z is
    /// not taken for Ctrl+Z.
    pub fn with_shortcuts() -> [Self; 13] {
        [
            Self::SaveAs,
            Self::Redo,
            Self::Save,
            Self::New,
            Self::Open,
            Self::Undo,
            Self::FocusSearch,
            Self::DuplicateEntry,
            Self::Quit,
            Self::ZoomIn,
            Self::ZoomOut,
            Self::ZoomReset,
            Self::AddEntry,
        ]
    }

    /// The main keyboard shortcut, shown in menus.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let command = |key| KeyboardShortcut::new(Modifiers::COMMAND, key);
        let command_shift = |key| KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, key);
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
            _ => return None,
        })
    }

    /// The shortcut as menus show it: `Ctrl+S`, `Ctrl+=` (egui would spell out "Ctrl+Equals").
    pub fn shortcut_text(&self, ctx: &egui::Context) -> Option<String> {
        let shortcut = self.shortcut()?;
        Some(format!(
            "{}+{}",
            ctx.format_modifiers(shortcut.modifiers),
            shortcut.logical_key.symbol_or_name()
        ))
    }

    /// Other shortcuts for the same command: Ctrl+Y for redo, Ctrl+Plus for zoom in.
    pub fn alternative_shortcuts(&self) -> Vec<KeyboardShortcut> {
        match self {
            Self::Redo => vec![KeyboardShortcut::new(Modifiers::COMMAND, Key::Y)],
            Self::ZoomIn => vec![KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus)],
            _ => Vec::new(),
        }
    }

    /// The command's name in menus, sentence case, with `…` where a dialog follows.
    pub fn label(&self) -> &'static str {
        match self {
            Self::New => "New register",
            Self::Open | Self::OpenPath(_) => "Open…",
            Self::Save | Self::SaveTo(_) => "Save",
            Self::SaveAs => "Save as…",
            Self::Reload => "Reload from disk",
            Self::ImportCsv | Self::ImportCsvFrom(_) => "Import CSV…",
            Self::ExportCsv | Self::ExportCsvTo(_) => "Export CSV…",
            Self::TypePath(_) => "Type a path…",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::Edit(_) => "Edit",
            Self::AddEntry => "Add entry",
            Self::DuplicateEntry => "Duplicate entry",
            Self::DeleteEntry => "Delete entry",
            Self::Select(_) => "Select",
            Self::SelectNext => "Next entry",
            Self::SelectPrevious => "Previous entry",
            Self::ShowView(view) => view.label(),
            Self::FocusSearch => "Search",
            Self::ShowCell(_) | Self::ShowSystemRight(..) => "Show these entries",
            Self::ClearFilters => "Clear filters",
            Self::ZoomIn => "Zoom in",
            Self::ZoomOut => "Zoom out",
            Self::ZoomReset => "Actual size",
            Self::SetTheme(theme) => theme.label(),
            Self::Snapshot(command) => command.label(),
            Self::ExportPdf | Self::ExportPdfTo(_) => "Export PDF…",
            Self::Workshop(command) => command.label(),
        }
    }
}
