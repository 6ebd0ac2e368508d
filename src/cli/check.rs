//! `check`: validate registers and snapshot files, one line per problem.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use dpia_core::check::check;
use dpia_files::snapshot_file::{self, Version};

use super::CliError;

/// Checks each file (a snapshot's checksum too): exit 0 if all are clean, else 1.
pub(super) fn check_cmd(files: &[PathBuf], out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let mut is_clean = true;
    for path in files {
        // A snapshot file is checked too, and its checksum verified on loading.
        match snapshot_file::load_version(path) {
            Err(err) => {
                is_clean = false;
                writeln!(out, "{err}")?;
            }
            Ok(version) => {
                let register = version.register();
                let problems = check(register);
                if problems.is_empty() {
                    let kind = match &version {
                        Version::Working(_) => String::new(),
                        Version::Snapshot(snapshot) => {
                            format!(" snapshot {}, checksum verified,", snapshot.label())
                        }
                    };
                    writeln!(
                        out,
                        "{}: ok,{kind} {} entries",
                        path.display(),
                        register.entries.len()
                    )?;
                } else {
                    is_clean = false;
                    for problem in problems {
                        writeln!(out, "{}: {problem}", path.display())?;
                    }
                }
            }
        }
    }
    Ok(if is_clean {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
