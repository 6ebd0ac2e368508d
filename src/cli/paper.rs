//! `export-pdf`: the register as a PDF paper, with the optional changes since a snapshot and a
//! workshop's outcome.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use jiff::Timestamp;

use dpia_core::register::Register;
use dpia_core::snapshot::Label;
use dpia_files::{atomic, snapshot_file};
use dpia_report::{Edition, ReportOptions};

use super::{CliError, WorkshopChoice, load_to_read, refuse_existing, refuse_input};

/// The optional sections `export-pdf` was asked for.
#[derive(Clone, Copy)]
pub(super) struct PaperSections<'a> {
    /// Add the changes since this snapshot.
    pub(super) since: Option<&'a Label>,
    /// Add this workshop's outcome.
    pub(super) workshop: Option<WorkshopChoice>,
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
    let register = load_to_read(path)?;
    let workshop_idx = match sections.workshop {
        Some(asked) => Some(
            asked
                .workshop_idx(register.workshops.len())
                .ok_or_else(|| CliError::NoWorkshop {
                    path: path.to_owned(),
                    asked,
                    recorded: recorded_workshops(&register),
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
                &register,
                label.as_str(),
                edition,
            ))
        }
        None => None,
    };
    let options = ReportOptions {
        edition,
        produced: Some(produced_at()?),
        changes,
        workshop_idx,

        ..ReportOptions::default()
    };
    let bytes = dpia_report::export(&register, &options, &mut |_| {})?;
    atomic::write_like(output, &bytes, path)?;
    let edition = match edition {
        Edition::Full => "full edition",
        Edition::Public => "public edition",
    };
    writeln!(
        out,
        "{}: paper of {} entries written ({edition}, {} KB)",
        output.display(),
        register.entries.len(),
        bytes.len().div_ceil(1024)
    )?;
    Ok(ExitCode::SUCCESS)
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
