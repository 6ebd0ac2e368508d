//! `accept` and `consultation`: the accountable decisions a register records — the acceptance of
//! an entry's residual risk, and the prior consultation of the ICO — made as edits, so they are
//! undoable in the app and journaled in the audit trail like any change.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use dpia_core::edit::Edit;
use dpia_core::register::{AcceptanceDecision, EntryId, PriorConsultation, RiskAcceptance};
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::CliError;
use super::edit::{EditCommandError, Editing, describe};

/// `dpia-register accept FILE --entry ID --name NAME --role ROLE --rationale TEXT [--date D]`.
#[derive(Debug, Args)]
pub struct AcceptArgs {
    /// The register file.
    pub file: PathBuf,
    /// The entry whose residual risk is decided on.
    #[arg(long, value_name = "ID")]
    pub entry: String,
    /// Who decides.
    #[arg(long)]
    pub name: String,
    /// In what role (senior responsible owner, SIRO, …).
    #[arg(long)]
    pub role: String,
    /// Why the risk is (or is not) acceptable.
    #[arg(long)]
    pub rationale: String,
    /// The day of the decision (default: today, UTC).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<Date>,
    /// Record that the risk is not accepted (more must be done first).
    #[arg(long)]
    pub not_accepted: bool,
    /// Who records it, for the audit trail (default: git's user.name, else $USER).
    #[arg(long)]
    pub author: Option<String>,
}

/// `dpia-register consultation FILE [--sent D] [--reference R] [--response T] [--response-date D]`.
#[derive(Debug, Args)]
pub struct ConsultationArgs {
    /// The register file.
    pub file: PathBuf,
    /// When the request for prior consultation was sent to the ICO.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub sent: Option<Date>,
    /// The consultation's reference.
    #[arg(long)]
    pub reference: Option<String>,
    /// What the ICO answered, in short.
    #[arg(long)]
    pub response: Option<String>,
    /// When the ICO answered.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub response_date: Option<Date>,
    /// Who records it, for the audit trail (default: git's user.name, else $USER).
    #[arg(long)]
    pub author: Option<String>,
}

/// Runs `accept`.
pub(super) fn accept_cmd(
    args: AcceptArgs,
    now: Timestamp,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    let mut editing = Editing::load(&args.file)?;
    let entry = EntryId::parse(&args.entry).map_err(|source| EditCommandError::BadId {
        path: args.file.clone(),
        text: args.entry.clone(),
        source,
    })?;
    let acceptance = RiskAcceptance {
        decision: if args.not_accepted {
            AcceptanceDecision::NotAccepted
        } else {
            AcceptanceDecision::Accepted
        },
        name: args.name,
        role: args.role,
        date: args
            .date
            .unwrap_or_else(|| now.to_zoned_datetime(TimeZone::UTC).date()),
        rationale: args.rationale,
    };
    editing.apply(Edit::SetAcceptance {
        entry,
        acceptance: Some(acceptance),
    })?;
    for change in editing.save(args.author, now)? {
        writeln!(out, "{}", describe(&change))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `consultation`: the options given replace those parts of the record, the rest is kept.
pub(super) fn consultation_cmd(
    args: ConsultationArgs,
    now: Timestamp,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    let mut editing = Editing::load(&args.file)?;
    let mut record = editing
        .register
        .metadata
        .prior_consultation
        .clone()
        .unwrap_or_default();
    if let Some(sent) = args.sent {
        record.sent = Some(sent);
    }
    if let Some(reference) = args.reference {
        record.reference = reference;
    }
    if let Some(response) = args.response {
        record.response = response;
    }
    if let Some(date) = args.response_date {
        record.response_date = Some(date);
    }
    if record == PriorConsultation::default()
        && editing.register.metadata.prior_consultation.is_none()
    {
        return Err(EditCommandError::NothingToDo {
            path: args.file.clone(),
        }
        .into());
    }
    editing.apply(Edit::SetPriorConsultation {
        consultation: Some(record),
    })?;
    for change in editing.save(args.author, now)? {
        writeln!(out, "{}", describe(&change))?;
    }
    Ok(ExitCode::SUCCESS)
}
