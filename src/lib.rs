//! dpia-register: the command line and the desktop app, two peers over the same layers.
//!
//! The layers are crates, so a wrong import does not compile:
//!
//! - `dpia_core`: the model and its pure logic (scoring, ranking, edits, history, check, snapshots,
//!   diff, workshops, the register text format). No I/O, no clock, no GUI.
//! - `dpia_files`: everything that touches the disk, over `dpia_core`.
//! - `dpia_report`: papers (pure layout, redaction, the PDF writer), over `dpia_core`.
//!
//! This package adds the two faces:
//!
//! - `cli`: the command line, a peer of the GUI over the same core.
//! - `gui`: the egui/eframe desktop app, a thin layer over the core.
//!
//! And what both faces need from the files: `paper_approvals`, the version a paper prints and its
//! checked approvals; `spreadsheet_update`, a register updated by id from a CSV file or workbook.

pub mod cli;
pub mod gui;
pub mod paper_approvals;
pub mod spreadsheet_update;
