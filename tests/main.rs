//! The integration tests, one binary so it links once: each module tests one boundary.
//!
//! - `actions`: the action log through the binary: `action` adds and updates, `actions` lists and filters.
//! - `accountability`: accepted risks, Final registers and prior consultation, through the binary.
//! - `approvals`: signed approvals, checked by `ssh-keygen -Y verify` and by `check`.
//! - `architecture`: the layer rules (no egui outside `src/gui/`, every file starts with `//!`).
//! - `cli`: the real `dpia-register` binary in a throw-away folder.
//! - `docx_export`: `export-docx` opened by LibreOffice and read back: every entry, `--since`, `--workshop`, the public edition redacted.
//! - `docx_import`: `import-docx` on a Word register LibreOffice wrote: summary, systems, merged cells, bad rows.
//! - `core`: load, rank, edit and save round trips on the bundled register and fixtures.
//! - `files`: malformed files, migration, and saves that must not lose data.
//! - `fuzz`: a short, deterministic mutation pass over every loader (no panic).
//! - `gui`: the desktop app driven headless as a user would (`egui_kittest`).
//! - `gui_accountability`: approvals in the Snapshots view, risk acceptance, prior consultation and the author's name, in the app.
//! - `gui_actions`: the Actions view: an update added, an action completed, an entry opened from it.
//! - `gui_spreadsheet`: File › Update from spreadsheet…: the change log, Apply as one undoable step, Cancel, bad rows.
//! - `gui_language`: the app in Welsh and English, View › Language and the `DPIA_REGISTER_LANG` override.
//! - `gui_util`: the app open on a fixture, and a user's hands (click, press, type), for the `gui*` modules.
//! - `gui_versions`: the app's Snapshots view and Export PDF dialog, driven the same way.
//! - `gui_workshop`: a workshop session run end to end in the app, as a facilitator would.
//! - `hostile`: hostile files and unlucky moments: outputs that are not files, oversized input, bombs.
//! - `merge`: the git merge driver, set up by `git-setup` and run by real git on merges and rebases.
//! - `office`: workbooks through the binary, LibreOffice-saved fixtures, `--into` updates.
//! - `pdf`: papers read back with poppler's tools, redaction, reopening, reproducible bytes.
//! - `snapshots`: version snapshots, change logs and restores, through the library and the binary.
//! - `trail`: the `edit` command and the audit trail, merged by real git.
//! - `ui_text`: no word the app shows is written in the GUI's code; all come from the catalogues.

#![expect(
    clippy::unwrap_used,
    clippy::disallowed_methods,
    reason = "tests fail loudly on unexpected errors, and write their inputs with std::fs"
)]

mod accountability;
mod actions;
mod approvals;
mod architecture;
mod cli;
mod core;
mod docx_export;
mod docx_import;
mod files;
mod fuzz;
mod gui;
mod gui_a11y;
mod gui_accountability;
mod gui_actions;
mod gui_dates;
mod gui_keystrokes;
mod gui_language;
mod gui_layout;
mod gui_merge;
mod gui_spreadsheet;
mod gui_util;
mod gui_versions;
mod gui_workshop;
mod hostile;
mod merge;
mod office;
mod pdf;
mod snapshots;
mod trail;
mod ui_text;
mod util;
