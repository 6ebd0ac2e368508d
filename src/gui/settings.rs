//! The UI state kept between runs in eframe's storage: recent files, the last register, zoom, theme,
//! the app's language and the author's name.
//!
//! Never the register itself: registers are saved only through `files`.

use std::cell::OnceCell;
use std::path::{Path, PathBuf};

use crate::gui::i18n::tr;
use dpia_core::register::Language;
use serde::{Deserialize, Serialize};

/// How many recent files the File menu lists.
const MAX_RECENT_FILES: usize = 8;

/// UI preferences and history, restored at start.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Registers opened or saved, most recent first.
    pub recent_files: Vec<PathBuf>,
    /// The register open when the app last closed.
    pub last_file: Option<PathBuf>,
    /// The zoom factor, 1 for normal size.
    pub zoom: f32,
    /// Light, dark, high contrast or the system's.
    pub theme: ThemeChoice,
    /// The app's language (View › Language).
    pub language: Language,
    /// The language `DPIA_REGISTER_LANG` asks for, which wins over `language` until the user
    /// chooses one in the menu. Set at start, never saved.
    #[serde(skip)]
    pub language_override: Option<Language>,
    /// The name the audit trail records for changes saved here; empty for git's `user.name`,
    /// else the login name.
    pub author_name: String,
    /// The app's data folder (eframe's storage folder), where the recovery copy of a register with
    /// no file yet is kept; `None` keeps no such copy. Set at start, never saved.
    #[serde(skip)]
    pub data_folder: Option<PathBuf>,
    /// git's `user.name`, else the login name, looked up on first use (a test may set it): the
    /// author when no name is set. Never saved.
    #[serde(skip)]
    pub looked_up_author: OnceCell<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            recent_files: Vec::new(),
            last_file: None,
            zoom: 1.0,
            theme: ThemeChoice::Light,
            language: Language::English,
            language_override: None,
            author_name: String::new(),
            data_folder: None,
            looked_up_author: OnceCell::new(),
        }
    }
}

impl Settings {
    /// The language the app shows: `DPIA_REGISTER_LANG`'s if set, else the one chosen.
    pub fn language(&self) -> Language {
        self.language_override.unwrap_or(self.language)
    }

    /// Who the audit trail, snapshots, approvals and risk acceptances record: the name set here,
    /// else git's `user.name`, else the login name (those two looked up once).
    pub fn author(&self) -> String {
        let name = self.author_name.trim();
        if name.is_empty() {
            self.fallback_author().to_owned()
        } else {
            name.to_owned()
        }
    }

    /// The author recorded when no name is set: git's `user.name`, else the login name.
    pub fn fallback_author(&self) -> &str {
        self.looked_up_author
            .get_or_init(dpia_files::author::default_author)
    }

    /// Puts `path` first in the recent files and makes it the last file.
    pub fn remember(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_owned());
        self.recent_files.truncate(MAX_RECENT_FILES);
        self.last_file = Some(path.to_owned());
    }
}

/// The colour theme.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Dark text on light panels: the default, best on projectors.
    #[default]
    Light,
    /// Light text on dark panels.
    Dark,
    /// Whatever the desktop uses.
    System,
    /// White and yellow on black, every text at least 7:1: for projectors and low vision.
    HighContrast,
}

impl ThemeChoice {
    /// Every choice, in menu order.
    pub const ALL: [Self; 4] = [Self::Light, Self::Dark, Self::HighContrast, Self::System];

    /// The choice's name in the menu.
    pub fn label(self) -> &'static str {
        match self {
            Self::Light => tr("app-light-theme"),
            Self::Dark => tr("app-dark-theme"),
            Self::System => tr("app-follow-the-system-theme"),
            Self::HighContrast => super::a11y::names::high_contrast_theme(),
        }
    }

    /// egui's preference for this choice.
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            Self::Light => egui::ThemePreference::Light,
            Self::Dark | Self::HighContrast => egui::ThemePreference::Dark,
            Self::System => egui::ThemePreference::System,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_unique_and_most_recent_first() {
        let mut settings = Settings::default();
        for name in ["a.ron", "b.ron", "a.ron"] {
            settings.remember(Path::new(name));
        }
        assert_eq!(
            settings.recent_files,
            [PathBuf::from("a.ron"), PathBuf::from("b.ron")]
        );
        assert_eq!(settings.last_file, Some(PathBuf::from("a.ron")));
        for number in 0..20 {
            settings.remember(Path::new(&format!("{number}.ron")));
        }
        assert_eq!(settings.recent_files.len(), MAX_RECENT_FILES);
    }
}
