//! `approve` and `approvals`: sign-off on a snapshot, signed with the approver's SSH key if they
//! give one, and the list of approvals with what checking each found — with the exact payload and
//! signature printed, so a reviewer can check one with `ssh-keygen -Y verify` alone.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use dpia_core::approval::{Approval, Decision};
use dpia_core::signature;
use dpia_core::snapshot::Label;
use dpia_files::{LoadError, approval_file, snapshot_file};
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::CliError;

/// `dpia-register approve FILE --label L --role ROLE --name NAME --decision DECISION …`.
#[derive(Debug, Args)]
pub struct ApproveArgs {
    /// The register file.
    pub file: PathBuf,
    /// The snapshot approved (`dpia-register snapshots FILE` lists them).
    #[arg(long, value_parser = Label::parse)]
    pub label: Label,
    /// In what role: DPO advice, Senior responsible owner sign-off, SIRO sign-off, ICO consultation response, or your own words.
    #[arg(long)]
    pub role: String,
    /// Who approves.
    #[arg(long)]
    pub name: String,
    /// approved, approved-with-conditions, not-approved or advice.
    #[arg(long, value_parser = parse_decision)]
    pub decision: Decision,
    /// The conditions, or the advice.
    #[arg(long, default_value = "")]
    pub conditions: String,
    /// The day of the decision (default: today, UTC).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<Date>,
    /// Sign with this OpenSSH private key (ed25519 or RSA); a passphrase comes from
    /// `DPIA_REGISTER_KEY_PASSPHRASE`.
    #[arg(long, value_name = "PRIVATE_KEY_FILE")]
    pub key: Option<PathBuf>,
}

/// `dpia-register approvals FILE [--allowed-signers FILE] [--payload N | --signature N]`.
#[derive(Debug, Args)]
pub struct ApprovalsArgs {
    /// The register file.
    pub file: PathBuf,
    /// The allowed-signers file to check signatures against (git's format; default: git's
    /// gpg.ssh.allowedSignersFile).
    #[arg(long, value_name = "FILE")]
    pub allowed_signers: Option<PathBuf>,
    /// Print approval N's exact signed bytes (numbered from 1 as listed), for `ssh-keygen -Y verify`.
    #[arg(long, value_name = "N", conflicts_with = "signature")]
    pub payload: Option<usize>,
    /// Print approval N's armored signature.
    #[arg(long, value_name = "N")]
    pub signature: Option<usize>,
}

fn parse_decision(text: &str) -> Result<Decision, String> {
    Decision::parse(text).ok_or_else(|| {
        format!(
            "`{text}` is not a decision: {}",
            Decision::ALL.map(Decision::name).join(", ")
        )
    })
}

/// Why an approval could not be made or shown.
#[derive(Debug, thiserror::Error)]
pub enum ApprovalError {
    /// The snapshot to approve does not verify, or is not there.
    #[error("{}: cannot approve snapshot {label}: {source}", path.display())]
    Snapshot {
        /// The register.
        path: PathBuf,
        /// The label given.
        label: Label,
        /// Why it cannot be read.
        source: Box<LoadError>,
    },
    /// The approval could not be signed.
    #[error("{}: {source}", key.display())]
    Sign {
        /// The key file.
        key: PathBuf,
        /// Why.
        source: signature::SignError,
    },
    /// `--payload N` or `--signature N` names no approval.
    #[error("{}: there is no approval {number}; the register has {count}", path.display())]
    NoSuchApproval {
        /// The register.
        path: PathBuf,
        /// The number asked for.
        number: usize,
        /// How many there are.
        count: usize,
    },
    /// `--signature N` names an unsigned approval.
    #[error("{}: approval {number} is not signed", path.display())]
    Unsigned {
        /// The register.
        path: PathBuf,
        /// The number asked for.
        number: usize,
    },
}

/// Runs `approve`.
pub(super) fn approve_cmd(
    args: ApproveArgs,
    now: Timestamp,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    let path = args.file.as_path();
    let snapshot_path = snapshot_file::path(path, &args.label);
    let snapshot =
        snapshot_file::load(&snapshot_path).map_err(|source| ApprovalError::Snapshot {
            path: path.to_owned(),
            label: args.label.clone(),
            source: Box::new(source),
        })?;
    let mut approval = Approval {
        label: args.label,
        checksum: snapshot.checksum(),
        role: args.role,
        name: args.name,
        decision: args.decision,
        conditions: args.conditions,
        date: args
            .date
            .unwrap_or_else(|| now.to_zoned_datetime(TimeZone::UTC).date()),
        signature: None,
    };
    if let Some(key_path) = &args.key {
        let key = approval_file::read_private_key(key_path)?;
        let passphrase = std::env::var("DPIA_REGISTER_KEY_PASSPHRASE").ok();
        approval.signature = Some(
            signature::sign(&approval, &key, passphrase.as_deref()).map_err(|source| {
                ApprovalError::Sign {
                    key: key_path.clone(),
                    source,
                }
            })?,
        );
    }
    let saved = approval_file::save_new(path, &approval, now)?;
    writeln!(
        out,
        "{}: {} of snapshot {} by {} ({}), {}",
        saved.display(),
        approval.decision.words(),
        approval.label,
        approval.name,
        approval.role,
        if approval.is_signed() {
            "signed"
        } else {
            "unsigned"
        }
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `approvals`: exit 0, or 1 if any approval is invalid.
pub(super) fn approvals_cmd(
    args: &ApprovalsArgs,
    now: Timestamp,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    let path = args.file.as_path();
    if let Some(number) = args.payload.or(args.signature) {
        let approvals = approval_file::list(path)?;
        let stored = number
            .checked_sub(1)
            .and_then(|idx| approvals.get(idx))
            .ok_or(ApprovalError::NoSuchApproval {
                path: path.to_owned(),
                number,
                count: approvals.len(),
            })?;
        if args.payload.is_some() {
            out.write_all(stored.approval.payload().as_bytes())?;
        } else {
            let signature =
                stored
                    .approval
                    .signature
                    .as_deref()
                    .ok_or(ApprovalError::Unsigned {
                        path: path.to_owned(),
                        number,
                    })?;
            out.write_all(signature.as_bytes())?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let allowed = approval_file::allowed_signers(args.allowed_signers.as_deref())?;
    let checked = approval_file::verify_all(path, allowed.as_ref(), now)?;
    let mut is_valid = true;
    for (number, (stored, verification)) in checked.iter().enumerate() {
        is_valid &= !verification.is_invalid();
        let approval = &stored.approval;
        writeln!(
            out,
            "{}  {}  {}  {}  {}  {}  {verification}",
            number + 1,
            approval.label,
            approval.role,
            approval.name,
            approval.decision,
            approval.date
        )?;
    }
    Ok(if is_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
