//! Values from git's configuration (`git config KEY`): the name a team's commits carry, and the
//! allowed-signers file git already verifies signed commits with.

use std::path::PathBuf;
use std::process::Command;

/// `git config user.name`, if git is installed and has one.
pub fn user_name() -> Option<String> {
    value("user.name")
}

/// `git config gpg.ssh.allowedSignersFile`, if set (a leading `~/` is the home folder).
pub fn allowed_signers_file() -> Option<PathBuf> {
    let text = value("gpg.ssh.allowedSignersFile")?;
    match text.strip_prefix("~/") {
        Some(rest) => std::env::var_os("HOME").map(|home| PathBuf::from(home).join(rest)),
        None => Some(PathBuf::from(text)),
    }
}

/// `git config KEY`, trimmed; `None` when git is missing, fails or has no value.
fn value(key: &str) -> Option<String> {
    let output = Command::new("git").args(["config", key]).output().ok()?;
    if !output.status.success() {
        return None;
    }
    let text = String::from_utf8(output.stdout).ok()?;
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}
