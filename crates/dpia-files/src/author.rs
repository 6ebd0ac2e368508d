//! Who is making a change, when the person has not said: git's `user.name` (the name a team's
//! commits already carry), else the login name.
//!
//! The app's settings name, when set, comes first; that choice is the app's.

use crate::git_config;

/// The name to record for changes, snapshots and approvals: `git config user.name` where git
/// has one, else `$USER` (or `%USERNAME%`), else `unknown`.
pub fn default_author() -> String {
    git_config::user_name()
        .or_else(|| non_empty(std::env::var("USER").ok()))
        .or_else(|| non_empty(std::env::var("USERNAME").ok()))
        .unwrap_or_else(|| "unknown".to_owned())
}

fn non_empty(text: Option<String>) -> Option<String> {
    text.map(|text| text.trim().to_owned())
        .filter(|text| !text.is_empty())
}
