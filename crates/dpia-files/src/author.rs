//! Who is making a change, when the person has not said: git's `user.name` (the name a team's
//! commits already carry), else the login name.
//!
//! The app's settings name, when set, comes first; that choice is the app's.

use std::process::Command;

/// The name to record for changes, snapshots and approvals: `git config user.name` where git
/// has one, else `$USER` (or `%USERNAME%`), else `unknown`.
pub fn default_author() -> String {
    git_user_name()
        .or_else(|| non_empty(std::env::var("USER").ok()))
        .or_else(|| non_empty(std::env::var("USERNAME").ok()))
        .unwrap_or_else(|| "unknown".to_owned())
}

/// `git config user.name`, if git is installed and has a name set.
fn git_user_name() -> Option<String> {
    let output = Command::new("git")
        .args(["config", "user.name"])
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    non_empty(String::from_utf8(output.stdout).ok())
}

fn non_empty(text: Option<String>) -> Option<String> {
    text.map(|text| text.trim().to_owned())
        .filter(|text| !text.is_empty())
}
