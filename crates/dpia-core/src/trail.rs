//! The audit trail: who changed what, when. Each save appends one block of changes, in words.
//!
//! A `Journal` remembers, between two saves, the saved version of every part of the register an
//! edit touched (an entry, or the register details), so at the next save the changes are found by
//! comparing just those parts: the cost is in the changes made, not in the size of the register.
//! `TrailBlock` is one save's record and its text form, line-oriented and sealed with a SHA-256
//! digest, so an edited or truncated block is found; each block names the digest of the block
//! before it, so a missing one is found too. Pure: time and author come from the caller, the disk is
//! `dpia-files`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use jiff::Timestamp;
use sha2::{Digest as _, Sha256};

use crate::diff::{self, ChangeLog};
use crate::edit::Edit;
use crate::register::{Action, Entry, EntryId, Register};

/// One change, in words: the entry (none for the register's details), what changed, old and new.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrailChange {
    /// The entry changed, or `None` for the register's details, systems and rights.
    pub entry: Option<EntryId>,
    /// What changed, in the change log's words: `concern`, `privacy residual`, `entry added`.
    pub what: String,
    /// The value before.
    pub old: String,
    /// The value after.
    pub new: String,
}

/// The part of a register an edit replaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Touched {
    /// One entry (added, changed or removed).
    Entry(EntryId),
    /// The register's details, systems and rights.
    Details,
    /// The action log.
    Actions,
    /// The whole register (an import replaces it).
    Whole,
}

impl Touched {
    /// What `edit` will replace in `register`, seen before it is applied. An added entry has no
    /// id yet: it is `None` here and noted after the edit by `Journal::entry_added`.
    pub fn by(edit: &Edit) -> Option<Self> {
        match edit {
            Edit::AddEntry { .. } | Edit::DuplicateEntry { .. } => None,
            Edit::AddSystem { .. }
            | Edit::AddRight { .. }
            | Edit::SetRightText { .. }
            | Edit::SetLanguage { .. }
            | Edit::SetDetailText { .. }
            | Edit::SetDateIssued { .. }
            | Edit::SetStatus { .. }
            | Edit::SetMarking { .. }
            | Edit::SetPriorConsultation { .. } => Some(Self::Details),
            Edit::AddAction { .. }
            | Edit::DeleteAction { .. }
            | Edit::AddActionUpdate { .. }
            | Edit::SetActionStatus { .. } => Some(Self::Actions),
            Edit::ReplaceRegister { .. } | Edit::ResolveConflict { .. } => Some(Self::Whole),
            Edit::DeleteEntry { entry } => Some(Self::Entry(entry.clone())),
            other => other.entry().cloned().map(Self::Entry),
        }
    }
}

/// The saved version of every part changed since the last save.
#[derive(Debug, Clone, Default)]
pub struct Journal {
    /// Each touched entry as it was saved; `None` for an entry that did not exist then.
    entries: BTreeMap<EntryId, Option<Entry>>,
    /// The details, systems and rights as they were saved (in a register without entries).
    details: Option<Box<Register>>,
    /// The action log as it was saved.
    actions: Option<Vec<Action>>,
    /// The whole register as it was saved, once an edit replaced all of it.
    whole: Option<Box<Register>>,
}

impl Journal {
    /// Notes what `edit` is about to change in `register`; call before applying it.
    pub fn before_edit(&mut self, register: &Register, edit: &Edit) {
        if let Some(touched) = Touched::by(edit) {
            self.touch(register, &touched);
        }
        // Deleting an entry takes the action log's links to it away too.
        if let Edit::DeleteEntry { entry } = edit
            && register.actions.iter().any(|a| a.concerns(entry))
        {
            self.touch(register, &Touched::Actions);
        }
    }

    /// Notes the entry an edit just added (`Edit::adds_entry`): the last of `register`'s entries.
    pub fn entry_added(&mut self, register: &Register) {
        if let Some(added) = register.entries.last() {
            self.entries.entry(added.id.clone()).or_insert(None);
        }
    }

    /// Notes that `touched` of `register` is about to change (by an edit, an undo or a redo).
    pub fn touch(&mut self, register: &Register, touched: &Touched) {
        if self.whole.is_some() {
            return;
        }
        match touched {
            Touched::Entry(id) => {
                self.entries
                    .entry(id.clone())
                    .or_insert_with(|| register.entry(id).cloned());
            }
            Touched::Details => {
                if self.details.is_none() {
                    self.details = Some(Box::new(details_of(register)));
                }
            }
            Touched::Actions => {
                if self.actions.is_none() {
                    self.actions = Some(register.actions.clone());
                }
            }
            Touched::Whole => {
                // The whole register as saved: what was touched before is already in it, unless
                // the parts were changed since; take them back to their saved state first.
                let mut whole = register.clone();
                if let Some(actions) = self.actions.take() {
                    whole.actions = actions;
                }
                if let Some(details) = self.details.take() {
                    whole.metadata = details.metadata;
                    whole.systems = details.systems;
                    whole.rights = details.rights;
                }
                for (id, saved) in std::mem::take(&mut self.entries) {
                    let idx = whole.entry_idx(&id);
                    match (idx, saved) {
                        (Some(idx), Some(saved)) => {
                            if let Some(slot) = whole.entries.get_mut(idx) {
                                *slot = saved;
                            }
                        }
                        (Some(idx), None) => {
                            whole.entries.remove(idx);
                        }
                        (None, Some(saved)) => whole.entries.push(saved),
                        (None, None) => {}
                    }
                }
                self.whole = Some(Box::new(whole));
            }
        }
    }

    /// Whether nothing was touched since the last save.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
            && self.details.is_none()
            && self.actions.is_none()
            && self.whole.is_none()
    }

    /// The changes from the saved version to `now`, details first, then entries by id, then
    /// actions by number. Touched parts that ended as they were saved (an edit undone) give no
    /// change.
    pub fn changes(&self, now: &Register) -> Vec<TrailChange> {
        if let Some(whole) = &self.whole {
            return from_log(&diff::diff_without_ranks(whole, now));
        }
        let mut old = self
            .details
            .as_deref()
            .cloned()
            .unwrap_or_else(|| details_of(now));
        let mut new = details_of(now);
        for (id, saved) in &self.entries {
            old.entries.extend(saved.iter().cloned());
            new.entries.extend(now.entry(id).cloned());
        }
        if let Some(saved) = &self.actions {
            old.actions.clone_from(saved);
            new.actions.clone_from(&now.actions);
        }
        from_log(&diff::diff_without_ranks(&old, &new))
    }

    /// Forgets everything: the register was just saved.
    pub fn clear(&mut self) {
        *self = Self::default();
    }
}

/// `register` without its entries: the details, systems and rights.
fn details_of(register: &Register) -> Register {
    Register {
        format_version: register.format_version,
        metadata: register.metadata.clone(),
        systems: register.systems.clone(),
        rights: register.rights.clone(),
        entries: Vec::new(),
        issued_ids: BTreeMap::new(),
        workshops: Vec::new(),
        actions: Vec::new(),
        last_action_number: 0,
        snapshots: Vec::new(),
        conflicts: Vec::new(),
    }
}

/// A change log's changes as trail lines.
fn from_log(log: &ChangeLog) -> Vec<TrailChange> {
    let mut changes = Vec::new();
    for change in &log.register_changes {
        changes.push(TrailChange {
            entry: None,
            what: change.what.clone(),
            old: change.old.clone(),
            new: change.new.clone(),
        });
    }
    for entry in &log.added {
        changes.push(TrailChange {
            entry: Some(entry.id.clone()),
            what: "entry added".to_owned(),
            old: String::new(),
            new: entry.issue.clone(),
        });
    }
    for entry in &log.removed {
        changes.push(TrailChange {
            entry: Some(entry.id.clone()),
            what: "entry removed".to_owned(),
            old: entry.issue.clone(),
            new: String::new(),
        });
    }
    for entry in &log.changed {
        for field in &entry.fields {
            changes.push(TrailChange {
                entry: Some(entry.entry.id.clone()),
                what: field.change.what.clone(),
                old: field.change.old.clone(),
                new: field.change.new.clone(),
            });
        }
    }
    changes
}

/// The first line of every block's text: what the file is, and its format version.
pub const BLOCK_HEADER: &str = "dpia-register audit trail 1";

/// One save's record in the audit trail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrailBlock {
    /// When the changes were saved.
    pub time: Timestamp,
    /// Who saved them.
    pub author: String,
    /// The digest of the block before this one, as the saver knew it; `None` for the first block.
    pub previous: Option<String>,
    /// The changes, in the order found.
    pub changes: Vec<TrailChange>,
}

/// Why a block's text is not a sound trail block. `line` is 1-based.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TrailError {
    /// A line is not what the format has there.
    #[error("{line}: {message}")]
    Malformed {
        /// The line.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// The block has no digest line: it was cut short.
    #[error("the block has no digest line: it was truncated")]
    Truncated,
    /// The digest does not match the lines above it: they were edited.
    #[error("the digest does not match the block's lines: the block has been edited")]
    Edited,
}

impl TrailBlock {
    /// The block as text, sealed with its digest line. The digest is `digest(text)`.
    pub fn to_text(&self) -> String {
        let mut text = String::new();
        text.push_str(BLOCK_HEADER);
        text.push('\n');
        let _ = writeln!(
            text,
            "previous {}",
            self.previous.as_deref().unwrap_or("none")
        );
        let _ = writeln!(text, "time {}", self.time);
        let _ = writeln!(text, "author {}", quote(&self.author));
        for change in &self.changes {
            let entry = change.entry.as_ref().map_or("-", EntryId::as_str);
            let _ = writeln!(
                text,
                "change {entry} {} {} {}",
                quote(&change.what),
                quote(&change.old),
                quote(&change.new)
            );
        }
        let digest = sha256_hex(text.as_bytes());
        let _ = writeln!(text, "digest {digest}");
        text
    }

    /// Parses a block's text and checks its digest; returns the block and its digest.
    pub fn parse(text: &str) -> Result<(Self, String), TrailError> {
        let Some(sealed_len) = text.rfind("digest ") else {
            return Err(TrailError::Truncated);
        };
        let (sealed, digest_line) = text.split_at(sealed_len);
        if !sealed.is_empty() && !sealed.ends_with('\n') {
            return Err(TrailError::Truncated);
        }
        let digest = digest_line
            .strip_prefix("digest ")
            .unwrap_or_default()
            .trim_end_matches('\n');
        if digest.len() != 64 || digest.contains('\n') {
            return Err(TrailError::Truncated);
        }
        if sha256_hex(sealed.as_bytes()) != digest {
            return Err(TrailError::Edited);
        }
        let mut lines = sealed
            .lines()
            .enumerate()
            .map(|(idx, line)| (idx + 1, line));
        let malformed = |line: usize, message: &str| TrailError::Malformed {
            line,
            message: message.to_owned(),
        };
        if lines.next().map(|(_, text)| text) != Some(BLOCK_HEADER) {
            return Err(malformed(1, "not a dpia-register trail block"));
        }
        let mut field = |name: &str| -> Result<(usize, String), TrailError> {
            let (line, text) = lines
                .next()
                .ok_or_else(|| malformed(1, &format!("missing `{name}` line")))?;
            let value = text
                .strip_prefix(name)
                .and_then(|rest| rest.strip_prefix(' '))
                .ok_or_else(|| malformed(line, &format!("expected `{name} …`")))?;
            Ok((line, value.to_owned()))
        };
        let (_, previous) = field("previous")?;
        let (time_line, time) = field("time")?;
        let (author_line, author) = field("author")?;
        let time = time
            .parse::<Timestamp>()
            .map_err(|err| malformed(time_line, &format!("bad time: {err}")))?;
        let author = unquote_all(&author, 1)
            .and_then(|mut values| values.pop())
            .ok_or_else(|| malformed(author_line, "bad author"))?;
        let mut changes = Vec::new();
        for (line, text) in lines {
            let rest = text
                .strip_prefix("change ")
                .ok_or_else(|| malformed(line, "expected `change …`"))?;
            let (entry, values) = rest
                .split_once(' ')
                .ok_or_else(|| malformed(line, "expected an entry id"))?;
            let entry = if entry == "-" {
                None
            } else {
                Some(EntryId::parse(entry).map_err(|err| malformed(line, &err.to_string()))?)
            };
            let mut values =
                unquote_all(values, 3).ok_or_else(|| malformed(line, "expected three values"))?;
            let new = values.pop().unwrap_or_default();
            let old = values.pop().unwrap_or_default();
            let what = values.pop().unwrap_or_default();
            changes.push(TrailChange {
                entry,
                what,
                old,
                new,
            });
        }
        let block = Self {
            time,
            author,
            previous: (previous != "none").then_some(previous),
            changes,
        };
        Ok((block, digest.to_owned()))
    }
}

/// The lower-case hex SHA-256 of `bytes`.
fn sha256_hex(bytes: &[u8]) -> String {
    let mut hex = String::with_capacity(64);
    for byte in Sha256::digest(bytes) {
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

/// `text` in double quotes, with `\`, `"`, tab, line feed and carriage return escaped, so every
/// value stays on its line.
fn quote(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '\\' => quoted.push_str("\\\\"),
            '"' => quoted.push_str("\\\""),
            '\t' => quoted.push_str("\\t"),
            '\n' => quoted.push_str("\\n"),
            '\r' => quoted.push_str("\\r"),
            other => quoted.push(other),
        }
    }
    quoted.push('"');
    quoted
}

/// Exactly `count` quoted values separated by single spaces, unescaped; `None` if `text` is not that.
fn unquote_all(text: &str, count: usize) -> Option<Vec<String>> {
    let mut values = Vec::with_capacity(count);
    let mut chars = text.chars();
    loop {
        if chars.next()? != '"' {
            return None;
        }
        let mut value = String::new();
        loop {
            match chars.next()? {
                '"' => break,
                '\\' => value.push(match chars.next()? {
                    '\\' => '\\',
                    '"' => '"',
                    't' => '\t',
                    'n' => '\n',
                    'r' => '\r',
                    _ => return None,
                }),
                other => value.push(other),
            }
        }
        values.push(value);
        match chars.next() {
            None if values.len() == count => return Some(values),
            Some(' ') if values.len() < count => {}
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{EntryText, apply};
    use crate::register::{Assessment, RightId, Stage, SystemId};
    use crate::testing::{entry, register};

    fn id(text: &str) -> EntryId {
        EntryId::parse(text).unwrap()
    }

    /// Applies `edit` as the app does: noted in the journal before and after.
    fn edit(register: &mut Register, journal: &mut Journal, edit: Edit) {
        journal.before_edit(register, &edit);
        let adds_entry = edit.adds_entry();
        apply(register, edit).unwrap();
        if adds_entry {
            journal.entry_added(register);
        }
    }

    fn lines(changes: &[TrailChange]) -> Vec<String> {
        changes
            .iter()
            .map(|c| {
                let entry = c.entry.as_ref().map_or("-", EntryId::as_str);
                format!("{entry} {}: {:?} → {:?}", c.what, c.old, c.new)
            })
            .collect()
    }

    #[test]
    fn the_journal_finds_each_change_since_the_save() {
        let mut register = register(vec![entry("PND-001", "A"), entry("PND-002", "B")]);
        let mut journal = Journal::default();
        for (field, text) in [(EntryText::Concern, "C1"), (EntryText::Concern, "C2")] {
            edit(
                &mut register,
                &mut journal,
                Edit::SetEntryText {
                    entry: id("PND-001"),
                    field,
                    text: text.to_owned(),
                },
            );
        }
        edit(
            &mut register,
            &mut journal,
            Edit::SetImpact {
                entry: id("PND-002"),
                right: RightId::parse("privacy").unwrap(),
                stage: Stage::Inherent,
                assessment: Some(Assessment::from_values(3, 2).unwrap()),
            },
        );
        edit(
            &mut register,
            &mut journal,
            Edit::AddEntry {
                system: SystemId::parse("PND").unwrap(),
            },
        );
        edit(
            &mut register,
            &mut journal,
            Edit::SetStatus {
                status: crate::register::Status::Consultation,
            },
        );
        assert_eq!(
            lines(&journal.changes(&register)),
            [
                "- status: \"Draft\" → \"Consultation\"",
                "PND-003 entry added: \"\" → \"New issue\"",
                "PND-001 concern: \"\" → \"C2\"",
                "PND-002 privacy inherent: \"not scored\" → \"6 (significant × possible)\"",
                "PND-002 privacy residual: \"not scored\" → \"not judged\"",
            ],
            "the first value saved and the last, once each"
        );
    }

    #[test]
    fn action_changes_are_described_in_words() {
        use crate::register::{Action, ActionStatus, ActionUpdate};
        let mut register = register(vec![entry("PND-001", "A")]);
        let mut existing = Action::new(16, "Provocation paper on data sharing");
        existing.status = ActionStatus::Ongoing;
        register.actions.push(existing);
        let mut journal = Journal::default();
        for change in [
            Edit::AddAction {
                action: Box::new(Action::new(0, "Share the dashboard")),
            },
            Edit::AddActionUpdate {
                number: 16,
                update: ActionUpdate {
                    date: Some(jiff::civil::date(2019, 7, 11)),
                    text: "First draft completed".to_owned(),
                    who: String::new(),
                    is_confidential: false,
                },
            },
            Edit::SetActionStatus {
                number: 16,
                status: ActionStatus::ProposedComplete,
            },
        ] {
            edit(&mut register, &mut journal, change);
        }
        assert_eq!(
            lines(&journal.changes(&register)),
            [
                "- action 16 status: \"ongoing\" → \"proposed complete\"",
                "- action 16 update: \"\" → \"2019-07-11 First draft completed\"",
                "- action 17 added: \"\" → \"Share the dashboard\"",
            ]
        );
    }

    #[test]
    fn a_change_taken_back_leaves_no_line() {
        let mut register = register(vec![entry("PND-001", "A")]);
        let mut journal = Journal::default();
        for text in ["changed", "A"] {
            edit(
                &mut register,
                &mut journal,
                Edit::SetEntryText {
                    entry: id("PND-001"),
                    field: EntryText::Issue,
                    text: text.to_owned(),
                },
            );
        }
        assert!(!journal.is_empty(), "the entry was touched");
        assert!(journal.changes(&register).is_empty(), "but ended as saved");
    }

    #[test]
    fn a_deleted_entry_and_a_whole_replacement_are_recorded() {
        let saved = register(vec![entry("PND-001", "A"), entry("PND-002", "B")]);
        let mut now = saved.clone();
        let mut journal = Journal::default();
        edit(
            &mut now,
            &mut journal,
            Edit::SetEntryText {
                entry: id("PND-001"),
                field: EntryText::Issue,
                text: "A2".to_owned(),
            },
        );
        edit(
            &mut now,
            &mut journal,
            Edit::DeleteEntry {
                entry: id("PND-002"),
            },
        );
        let mut imported = now.clone();
        imported.entries[0].concern = "imported".to_owned();
        edit(
            &mut now,
            &mut journal,
            Edit::ReplaceRegister {
                register: Box::new(imported),
                label: "import CSV".to_owned(),
            },
        );
        assert_eq!(
            lines(&journal.changes(&now)),
            [
                "PND-002 entry removed: \"B\" → \"\"",
                "PND-001 issue: \"A\" → \"A2\"",
                "PND-001 concern: \"\" → \"imported\"",
            ],
            "compared with the register as saved, not as it was before the import"
        );
    }

    fn block() -> TrailBlock {
        TrailBlock {
            time: "2026-12-01T10:15:00Z".parse().unwrap(),
            author: "Siân \"Gwen\" Jones".to_owned(),
            previous: None,
            changes: vec![
                TrailChange {
                    entry: Some(id("PND-001")),
                    what: "concern".to_owned(),
                    old: "two\nlines\twith a tab \\ and \"quotes\"".to_owned(),
                    new: String::new(),
                },
                TrailChange {
                    entry: None,
                    what: "title".to_owned(),
                    old: "A".to_owned(),
                    new: "B".to_owned(),
                },
            ],
        }
    }

    #[test]
    fn a_block_reads_back_as_written() {
        let text = block().to_text();
        assert_eq!(text.lines().count(), 7, "one change a line:\n{text}");
        let (back, digest) = TrailBlock::parse(&text).unwrap();
        assert_eq!(back, block());
        assert_eq!(digest.len(), 64);
        assert!(text.ends_with(&format!("digest {digest}\n")), "{text}");
    }

    #[test]
    fn an_edited_or_truncated_block_is_refused() {
        let text = block().to_text();
        let edited = text.replace("\"A\" \"B\"", "\"A\" \"C\"");
        assert_eq!(TrailBlock::parse(&edited), Err(TrailError::Edited));
        let lines: Vec<&str> = text.lines().collect();
        let cut = lines[..lines.len() - 1].join("\n") + "\n";
        assert_eq!(TrailBlock::parse(&cut), Err(TrailError::Truncated));
        let dropped_change = format!("{}\n{}\n", lines[..5].join("\n"), lines[lines.len() - 1]);
        assert_eq!(TrailBlock::parse(&dropped_change), Err(TrailError::Edited));
    }
}
