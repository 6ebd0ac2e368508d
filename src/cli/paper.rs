//! `export-pdf` and `export-docx`: the register (or one of its snapshots) as a PDF paper, with the
//! version's approvals checked, or as a Word document; both with the optional changes since a
//! snapshot and a workshop's outcome, from the same `ReportOptions`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use jiff::Timestamp;

use dpia_core::register::Register;
use dpia_core::snapshot::Label;
use dpia_files::approval_file;
use dpia_files::atomic::{self, MadeError};
use dpia_files::snapshot_file::{self, Version};
use dpia_report::{Edition, PaperVersion, ReportOptions};

use super::{CliError, WorkshopChoice, is_stdout, refuse_existing, refuse_input};
use crate::paper_approvals::{self, Printed};

/// The optional sections `export-pdf` was asked for.
#[derive(Clone, Copy)]
pub(super) struct PaperSections<'a> {
    /// Add the changes since this snapshot.
    pub(super) since: Option<&'a Label>,
    /// Add this workshop's outcome.
    pub(super) workshop: Option<WorkshopChoice>,
    /// Add the action log.
    pub(super) actions: bool,
    /// Check the approvals' signatures against this allowed-signers file (default: git's).
    pub(super) allowed_signers: Option<&'a Path>,
    /// The marking the public edition carries.
    pub(super) public_marking: Option<dpia_core::register::Marking>,
}

/// Writes the register's paper to `output`, in `edition`, with the `sections` asked for.
pub(super) fn export_pdf_cmd(
    path: &Path,
    output: &Path,
    edition: Edition,
    sections: PaperSections<'_>,
    force: bool,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    refuse_input(path, output)?;
    refuse_existing(output, force)?;
    let version = snapshot_file::load_version(path)?;
    let allowed = approval_file::allowed_signers(sections.allowed_signers)?;
    let now = Timestamp::now();
    let printed = match &version {
        Version::Working(register) => {
            paper_approvals::of_working_copy(path, register, allowed.as_ref(), now)?
        }
        Version::Snapshot(snapshot) => {
            paper_approvals::of_snapshot(path, snapshot, allowed.as_ref(), now)?
        }
    };
    let register = version.register();
    let options = paper_options(path, register, edition, sections)?;
    let approval = approval_words(&printed);
    let options = printed.into_options(options);
    if is_stdout(output) {
        dpia_report::export_to(register, &options, &mut |_| {}, out)
            .map_err(|err| public_marking_error(err, path))?;
        return Ok(ExitCode::SUCCESS);
    }
    // The paper goes to the file as it is made (a long register's paper is never held whole);
    // if it cannot be made, the file is left as it was.
    let len = atomic::write_made(output, Some(path), |file| {
        dpia_report::export_to(register, &options, &mut |_| {}, file)
    })
    .map_err(|err| match err {
        MadeError::Making(err) => public_marking_error(err, path),
        MadeError::Saving(err) => CliError::from(err),
    })?;
    let edition = match edition {
        Edition::Full => "full edition",
        Edition::Public => "public edition",
    };
    writeln!(
        out,
        "{}: paper of {} entries written ({edition}, {approval}, {} KB)",
        output.display(),
        register.entries.len(),
        len.div_ceil(1024)
    )?;
    Ok(ExitCode::SUCCESS)
}

/// The options of the paper of `register` (read from `path`) in `edition` with the `sections`
/// asked for: the one place `export-pdf` and `export-docx` turn `--since`, `--workshop`,
/// `--public-marking` and `--actions` into `ReportOptions` (approvals are the PDF's to add).
pub(super) fn paper_options(
    path: &Path,
    register: &Register,
    edition: Edition,
    sections: PaperSections<'_>,
) -> Result<ReportOptions, CliError> {
    let workshop_idx = match sections.workshop {
        Some(asked) => Some(
            asked
                .workshop_idx(register.workshops.len())
                .ok_or_else(|| CliError::NoWorkshop {
                    path: path.to_owned(),
                    asked,
                    recorded: recorded_workshops(register),
                })?,
        ),
        None => None,
    };
    let changes = match sections.since {
        Some(label) => {
            let snapshot_path = snapshot_file::path(path, label);
            if !snapshot_path.exists() {
                return Err(CliError::NoSnapshot {
                    path: snapshot_path,
                    label: label.clone(),
                });
            }
            let snapshot = snapshot_file::load(&snapshot_path)?;
            Some(dpia_report::changes_since(
                snapshot.register(),
                register,
                label.as_str(),
                edition,
            ))
        }
        None => None,
    };
    Ok(ReportOptions {
        edition,
        produced: Some(produced_at()?),
        changes,
        workshop_idx,
        public_marking: sections.public_marking,
        actions: sections.actions,
        ..ReportOptions::default()
    })
}

/// What the paper says of its approval, in a few words: "snapshot v1.0, approved".
fn approval_words(printed: &Printed) -> String {
    let is_approved = dpia_report::is_approved(&printed.version, &printed.approvals);
    match (&printed.version, is_approved) {
        (PaperVersion::WorkingCopy, _) => "draft, not approved".to_owned(),
        (PaperVersion::Snapshot { label, .. }, true) => format!("snapshot {label}, approved"),
        (PaperVersion::Snapshot { label, .. }, false) => format!("snapshot {label}, not approved"),
        (PaperVersion::SameAsSnapshot { label, .. }, true) => {
            format!("same as snapshot {label}, approved")
        }
        (PaperVersion::SameAsSnapshot { label, .. }, false) => {
            format!("same as snapshot {label}, not approved")
        }
    }
}

/// An export error, with the register's path when a public marking is needed.
fn public_marking_error(err: dpia_report::ExportError, path: &Path) -> CliError {
    match err {
        dpia_report::ExportError::PublicMarkingNeeded { marking } => {
            CliError::PublicMarkingNeeded {
                path: path.to_owned(),
                marking,
            }
        }
        err => err.into(),
    }
}

/// The workshops a register records, numbered as `--workshop` takes them.
fn recorded_workshops(register: &Register) -> String {
    if register.workshops.is_empty() {
        return "the register records no workshops".to_owned();
    }
    let listed: Vec<String> = register
        .workshops
        .iter()
        .enumerate()
        .map(|(workshop_idx, workshop)| {
            format!(
                "{} = {} {}",
                workshop_idx + 1,
                workshop.date,
                workshop.title
            )
        })
        .collect();
    format!(
        "it records {}: {}",
        register.workshops.len(),
        listed.join(", ")
    )
}

/// When a paper is made: `SOURCE_DATE_EPOCH` if set, so the same input gives the same bytes,
/// else now.
fn produced_at() -> Result<Timestamp, CliError> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(value) => value
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|seconds| Timestamp::from_second(seconds).ok())
            .ok_or(CliError::SourceDateEpoch { value }),
        Err(_) => Ok(Timestamp::now()),
    }
}

/// Writes the register (or a snapshot) as an editable Word document, in `edition`, with the
/// `sections` asked for (as `export-pdf` reads them).
pub(super) fn export_docx_cmd(
    path: &Path,
    output: &Path,
    edition: Edition,
    sections: PaperSections<'_>,
    force: bool,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    refuse_input(path, output)?;
    refuse_existing(output, force)?;
    let register = super::load_to_read(path)?;
    let options = paper_options(path, &register, edition, sections)?;
    let bytes = dpia_report::docx::write(&register, &options)
        .map_err(|err| public_marking_error(err, path))?;
    atomic::write_like(output, &bytes, path)?;
    writeln!(
        out,
        "{}: {} entries, {} edition, marked {}",
        output.display(),
        register.entries.len(),
        match edition {
            Edition::Full => "full",
            Edition::Public => "public",
        },
        register.metadata.marking
    )?;
    Ok(ExitCode::SUCCESS)
}
