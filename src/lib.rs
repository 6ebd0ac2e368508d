//! dpia-register: Data Protection Impact Assessment risk registers, scored against rights and ranked.
//!
//! The layers, in reading order. Everything above `cli` and `gui` is the domain core: pure over
//! data, no egui, no clock, and no I/O outside `files`.
//!
//! - `register`: the model, in the users' words (register, entry, concern, mitigation, right, impact).
//! - `scoring`: score = severity × likelihood, levels, an entry's inherent/residual/breadth, heat map.
//! - `ranking`: the priority order and the reason line for each rank.
//! - `check`: validation as a list of problems.
//! - `diff`: compare two versions: entries added, removed and changed field by field, rank movements.
//! - `snapshot`: version snapshots (label, time, author, note, checksum) and restoring from them.
//! - `edit`: every user change to a register as data, and `apply`, which rejects invalid edits whole.
//! - `history`: undo and redo over register snapshots, a run of typing in one field being one step.
//! - `filter`: which entries the register view shows and in what order (filters, search, sort).
//! - `overview`: whole-register summaries for browsing (entries per system, rights × systems).
//! - `palette`: the level colours as plain RGB, shared by the GUI and the PDF.
//! - `workshop`: live prioritisation sessions (dot votes, tiers, facilitator moves) and their records.
//! - `synthetic`: generated registers of any size, for benchmarks and scale tests.
//! - `files`: RON register and snapshot files, format migration, CSV, papers read back, and the one
//!   atomic writer.
//! - `report`: the register as a PDF paper: pure layout, redaction for the public edition, the writer.
//! - `cli`: the command line, a peer of the GUI over the same core.
//! - `gui`: the egui/eframe desktop app, a thin layer over the core.

pub mod check;
pub mod cli;
pub mod diff;
pub mod edit;
pub mod files;
pub mod filter;
pub mod gui;
pub mod history;
pub mod overview;
pub mod palette;
pub mod ranking;
pub mod register;
pub mod report;
pub mod scoring;
pub mod snapshot;
pub mod synthetic;
#[cfg(test)]
mod testing;
pub mod workshop;
