//! Everything that touches the disk: register files (RON), their migration, snapshot files, CSV,
//! papers read back, and the one atomic writer.
//!
//! The rest of the core is pure over data; this layer turns files into registers and back, and turns
//! every failure into a typed error that says where and what.

pub mod atomic;
pub mod csv_file;
mod error;
pub mod migrate;
pub mod paper;
pub mod recovery;
pub mod register_file;
pub mod snapshot_file;

pub use error::{LoadError, SaveError};
pub use migrate::FORMAT_VERSION;
