//! dpia-core: the model of a Data Protection Impact Assessment risk register and its pure logic.
//!
//! The bottom layer. It does no I/O (no `std::fs`, no clock: times are passed in), names no GUI or
//! PDF crate, and depends on nothing of the workspace; `dpia-files`, `dpia-report` and the app sit
//! over it. The modules, in reading order:
//!
//! - `register`: the model, in the users' words (register, entry, concern, mitigation, right,
//!   impact, the record a workshop leaves).
//! - `register_text` and `migrate`: the register as RON text and back, `format_version`, migration.
//! - `scoring`: score = severity × likelihood, levels, an entry's inherent/residual/breadth, heat map.
//! - `ranking`: the priority order and the reason line for each rank.
//! - `check`: validation as a list of problems.
//! - `diff`: compare two versions: entries added, removed and changed field by field, rank movements.
//! - `merge`: the three-way merge of registers (the git merge driver's engine), conflicts as data.
//! - `snapshot`: version snapshots (label, time, author, note, checksum) and restoring from them.
//! - `accountability`: the high residual risks to accept, and whether the ICO must be consulted.
//! - `approval`: sign-off on a snapshot (role, name, decision, conditions, date) and its payload.
//! - `signature`: SSHSIG signatures over approvals, checked against an allowed-signers file.
//! - `assignment`: `FIELD=VALUE` as the `edit` command takes it, turned into an `Edit`.
//! - `action_log`: reading the action log: filters, the log grouped by section and theme, links
//!   read both ways.
//! - `action_text`: an existing log's "Status" cell read as updates, a status and artefacts.
//! - `edit`: every user change to a register as data, and `apply`, which rejects invalid edits whole.
//! - `history`: undo and redo, a run of typing in one field being one step.
//! - `filter`: which entries the register view shows and in what order (filters, search, sort).
//! - `overview`: whole-register summaries for browsing (entries per system, rights × systems).
//! - `palette`: the level colours as plain RGB, shared by the GUI and the PDF.
//! - `trail`: the audit trail: changes since the last save, found by part, and the saved blocks.
//! - `workshop`: live prioritisation sessions (dot votes, tiers, facilitator moves).
//! - `synthetic`: generated registers of any size, for benchmarks and scale tests.

pub mod accountability;
pub mod action_log;
pub mod action_text;
pub mod approval;
pub mod assignment;
pub mod check;
pub mod diff;
pub mod edit;
pub mod filter;
pub mod history;
pub mod merge;
pub mod migrate;
pub mod months;
pub mod overview;
pub mod palette;
pub mod ranking;
pub mod register;
pub mod register_text;
pub mod scoring;
pub mod signature;
pub mod snapshot;
pub mod synthetic;
#[cfg(test)]
mod testing;
pub mod trail;
pub mod workshop;
