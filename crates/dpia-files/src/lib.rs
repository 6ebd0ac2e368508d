//! dpia-files: everything that touches the disk. Register files (RON), snapshot files, recovery
//! copies, CSV, workbooks, Word registers read in, papers read back, and the one atomic writer.
//!
//! Over `dpia-core`, which is pure over data: this layer reads and writes the text the core parses
//! and prints, and turns every failure into a typed error that names the file and says where and what.

pub mod action_log_file;
pub mod action_rows;
pub mod approval_file;
pub mod atomic;
pub mod author;
mod beside;
pub mod change_log_csv;
pub mod csv_file;
pub mod docx_file;
pub mod entry_rows;
mod error;
pub mod git_config;
#[cfg(test)]
mod hostile;
pub mod limits;
pub mod paper;
pub mod problem;
pub mod recovery;
pub mod register_file;
pub mod snapshot_chain;
pub mod snapshot_file;
pub mod trail_file;
pub mod word_tables;
pub mod xlsx_file;

pub use beside::kept_folder;
pub use error::{LoadError, SaveError};
