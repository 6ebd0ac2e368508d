//! `check`: validate registers and snapshot files, one line per problem: the register's own, its
//! audit trail's and its approvals'; and the warnings an accountable person should read.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dpia_core::check::{check, warnings};
use dpia_files::paper::{self, Digest};
use dpia_files::snapshot_file::{self, Version};
use dpia_files::{approval_file, snapshot_chain, trail_file};
use jiff::Timestamp;

use super::CliError;

/// Checks each file (a snapshot's checksum too; a register's snapshots, audit trail and
/// approvals): exit 0 if all are clean, else 1. With `verify_snapshots`, every snapshot of a
/// register is read whole and its checksum verified; else the chain is checked from the
/// snapshots' headers.
pub(super) fn check_cmd(
    files: &[PathBuf],
    verify_snapshots: bool,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    let mut is_clean = true;
    // git's allowed-signers file and the time are the same for every file checked: read once.
    let allowed = approval_file::allowed_signers(None)?;
    let now = Timestamp::now();
    for path in files {
        // A snapshot file is checked too, and its checksum verified on loading.
        match snapshot_file::load_version(path) {
            Err(err) => {
                is_clean = false;
                writeln!(out, "{err}")?;
            }
            Ok(version) => {
                let register = version.register();
                // Each problem on its line, naming its file: the register, a block of its trail,
                // or an approval.
                let mut problems: Vec<String> = check(register)
                    .iter()
                    .map(|problem| format!("{}: {problem}", path.display()))
                    .collect();
                let mut notes = Vec::new();
                let paper = if paper::is_pdf_file(path) {
                    Some(paper::digest(path)?)
                } else {
                    None
                };
                problems.extend(paper.as_ref().and_then(|digest| swapped(path, digest)));
                if let Version::Working(_) = &version {
                    problems.extend(
                        trail_file::load(path)?
                            .problems
                            .iter()
                            .map(ToString::to_string),
                    );
                    let mut chain = snapshot_chain::audit_files(path, register)?;
                    if verify_snapshots {
                        chain.verify_content(path);
                    }
                    for problem in &chain.problems {
                        if problem.is_warning() {
                            notes.push(format!("{}: warning: {problem}", path.display()));
                        } else {
                            problems.push(format!("{}: {problem}", path.display()));
                        }
                    }
                    problems.extend(chain.unreadable.iter().map(ToString::to_string));
                    let approvals =
                        approval_file::verify_recorded(path, &chain, allowed.as_ref(), now)?;
                    for (stored, verification) in approvals {
                        if verification.is_invalid() {
                            problems.push(format!(
                                "{}: approval of {} by {}: {verification}",
                                stored.path.display(),
                                stored.approval.label,
                                stored.approval.name
                            ));
                        }
                    }
                }
                for note in notes {
                    writeln!(out, "{note}")?;
                }
                for warning in warnings(register) {
                    writeln!(out, "{}: warning: {warning}", path.display())?;
                }
                if let Some(consultation) = &register.metadata.prior_consultation {
                    writeln!(
                        out,
                        "{}: prior consultation of the ICO: {consultation}",
                        path.display()
                    )?;
                }
                if problems.is_empty() {
                    let kind = match (&version, &paper) {
                        (_, Some(Digest::Matches(digest))) => format!(
                            " paper, its register matches the digest it records ({}),",
                            digest.short()
                        ),
                        (_, Some(_)) => " paper, recording no digest of its register,".to_owned(),
                        (Version::Working(_), None) => String::new(),
                        (Version::Snapshot(snapshot), None) => {
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
                        writeln!(out, "{problem}")?;
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

/// The problem of a paper whose carried register is not the one it was printed with, if it is not.
fn swapped(path: &Path, digest: &Digest) -> Option<String> {
    let Digest::Differs { recorded, carried } = digest else {
        return None;
    };
    Some(format!(
        "{}: the register this paper carries is not the one it was printed with: the paper records \
         digest {} (on its cover), the register it carries has {}; it was replaced after printing",
        path.display(),
        recorded.short(),
        carried.short()
    ))
}
