//! The action log: commitments made in workshops, each followed by dated updates to completion.
//!
//! The users' own format is the Open Space action log (issue 16; `../shared/seeds/002_*.txt`):
//! numbered actions grouped by theme, each with a deadline (often a month, `Oct'19`), owners, the
//! workshop it came from, a status that moves from ongoing to proposed complete to complete or
//! closed, and a dated update at every cycle. Numbers are never reused: the log's numbering runs
//! across the whole life of the Space (`Register::last_action_number`). Plain data and small pure
//! functions (parsing a deadline, whether an action is overdue on a day); no I/O, no clock.

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::EntryId;

/// One action in the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// The action's number in the log, never reused after a delete.
    pub number: u32,
    /// What is to be done: "HO to share blank copy of dashboard".
    pub text: String,
    /// The theme it is grouped under: "Data Quality", "Custody Images".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub theme: String,
    /// Where the action is recorded: "Action 40, action log v2.2.16".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// Who is to do it; confidential like mitigation owners (the public edition removes them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub owners: Vec<String>,
    /// When it is due: a day, or a month as the log often writes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Deadline>,
    /// Where it came from: a recorded workshop, or a day or month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Origin>,
    /// How far it has got.
    #[serde(default)]
    pub status: ActionStatus,
    /// The updates given on it, in date order (undated ones, from an imported log, where they fell).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub updates: Vec<ActionUpdate>,
    /// The register entries whose concerns it addresses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<EntryId>,
    /// Its links to other actions: "Pick up Action 40", "Links to action 24".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<ActionLink>,
    /// The artefacts it points at: "Artefact 5".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub artefacts: Vec<String>,
    /// The mitigation it delivers, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mitigation: Option<MitigationRef>,
}

/// When an action is due: a day, or a whole month (due by the month's last day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Deadline {
    /// A day: `2019-10-31`.
    Date(Date),
    /// A month: `2019-10`, or as the log writes it, `Oct'19`.
    Month {
        /// The year, such as 2019.
        year: i16,
        /// The month, 1 to 12.
        month: i8,
    },
}

/// Where an action came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    /// A workshop recorded in the register (`Register::workshops`), by its title and day.
    Workshop {
        /// The workshop's title.
        title: String,
        /// The day it was held.
        date: Date,
    },
    /// A day, for an action from a meeting the register holds no record of.
    Date(Date),
    /// A month, as the log's "When from?" column writes it: `Jul'18`.
    Month {
        /// The year.
        year: i16,
        /// The month, 1 to 12.
        month: i8,
    },
}

/// How far an action has got, in the log's order.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum ActionStatus {
    /// Agreed but not begun.
    #[default]
    NotStarted,
    /// In hand.
    Ongoing,
    /// Done, in the owner's view: the group is asked to agree.
    ProposedComplete,
    /// Done, and agreed.
    Complete,
    /// Ended without being done as written (folded into another action, overtaken).
    Closed,
}

/// One dated update on an action: "Update – team members recruited".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionUpdate {
    /// The day it was given; none for an undated update from an imported log.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// What it says.
    pub text: String,
    /// Who gave it; removed from the public edition like owners.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub who: String,
    /// Whether it is left out of the public edition altogether.
    #[serde(default, skip_serializing_if = "is_false")]
    pub is_confidential: bool,
}

/// A link from one action to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ActionLink {
    /// How the two are related.
    pub kind: LinkKind,
    /// The other action's number.
    pub action: u32,
}

/// How one action relates to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum LinkKind {
    /// This action is carried on by the other: "Proposed closed and pick up in Action 17".
    PickedUpBy,
    /// The two are related: "Links to action 24 and 40".
    LinksTo,
}

/// The mitigation an action delivers: the entry, and the mitigation's text (mitigations have no
/// ids of their own; the merge finds them by text too).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MitigationRef {
    /// The entry.
    pub entry: EntryId,
    /// The mitigation's text.
    pub text: String,
}

/// Why text is not a deadline.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a day (2019-10-31) or a month (2019-10, Oct'19, July 19)")]
pub struct DeadlineError {
    /// The text given.
    pub text: String,
}

/// Why text is not an action status.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{text}` is not an action status: use not started, ongoing, proposed complete, complete or closed"
)]
pub struct ActionStatusError {
    /// The text given.
    pub text: String,
}

impl Action {
    /// A new action with this number and text, not started, with nothing else set.
    pub fn new(number: u32, text: impl Into<String>) -> Self {
        Self {
            number,
            text: text.into(),
            theme: String::new(),
            source: String::new(),
            owners: Vec::new(),
            deadline: None,
            from: None,
            status: ActionStatus::NotStarted,
            updates: Vec::new(),
            entries: Vec::new(),
            links: Vec::new(),
            artefacts: Vec::new(),
            mitigation: None,
        }
    }

    /// Whether the action is overdue on `as_of`: its deadline has passed (a month's at the end of
    /// its last day) and it is neither complete nor closed.
    pub fn is_overdue(&self, as_of: Date) -> bool {
        if self.status.is_done() {
            return false;
        }
        self.deadline
            .and_then(Deadline::last_day)
            .is_some_and(|last_day| as_of > last_day)
    }

    /// The latest update: the last in the list, which is kept in date order.
    pub fn last_update(&self) -> Option<&ActionUpdate> {
        self.updates.last()
    }

    /// Adds `update` after every update dated on or before it, so the list stays in date order.
    pub fn add_update(&mut self, update: ActionUpdate) {
        let idx = match update.date {
            Some(date) => self
                .updates
                .iter()
                .rposition(|u| u.date.is_none_or(|d| d <= date))
                .map_or(0, |idx| idx + 1),
            None => self.updates.len(),
        };
        self.updates.insert(idx, update);
    }

    /// Whether the action links to `entry`, directly or through the mitigation it delivers.
    pub fn concerns(&self, entry: &EntryId) -> bool {
        self.entries.contains(entry) || self.mitigation.as_ref().is_some_and(|m| &m.entry == entry)
    }

    /// The owners as one line: "A. Smith; B. Jones".
    pub fn owners_text(&self) -> String {
        self.owners.join("; ")
    }
}

impl ActionStatus {
    /// Every status, in the log's order.
    pub const ALL: [Self; 5] = [
        Self::NotStarted,
        Self::Ongoing,
        Self::ProposedComplete,
        Self::Complete,
        Self::Closed,
    ];

    /// The status in words, as the command line takes it: "proposed complete".
    pub fn name(self) -> &'static str {
        match self {
            Self::NotStarted => "not started",
            Self::Ongoing => "ongoing",
            Self::ProposedComplete => "proposed complete",
            Self::Complete => "complete",
            Self::Closed => "closed",
        }
    }

    /// Reads a status in words, any case, with spaces, `-` or `_`: `proposed-complete`.
    pub fn parse(text: &str) -> Result<Self, ActionStatusError> {
        let words: Vec<String> = text
            .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .filter(|word| !word.is_empty())
            .map(str::to_lowercase)
            .collect();
        let wanted = words.join(" ");
        Self::ALL
            .into_iter()
            .find(|status| status.name() == wanted)
            .ok_or_else(|| ActionStatusError {
                text: text.to_owned(),
            })
    }

    /// Whether the action is finished with (complete or closed): it cannot be overdue.
    pub fn is_done(self) -> bool {
        matches!(self, Self::Complete | Self::Closed)
    }
}

impl fmt::Display for ActionStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Deadline {
    /// Reads `2019-10-31`, `2019-10`, or a month as the log writes it: `Oct'19`, `Sep '19`,
    /// `July 19`, `Feb. 19`, `March 2019`, or in Welsh, `Hyd'19`, `Gorffennaf 19`.
    pub fn parse(text: &str) -> Result<Self, DeadlineError> {
        let error = || DeadlineError {
            text: text.to_owned(),
        };
        let (year, month, day) = parse_when(text).ok_or_else(error)?;
        match day {
            Some(day) => jiff::civil::Date::new(year, month, day)
                .map(Self::Date)
                .map_err(|_| error()),
            None => Ok(Self::Month { year, month }),
        }
    }

    /// The last day by which it is due: the day, or the month's last day.
    pub fn last_day(self) -> Option<Date> {
        match self {
            Self::Date(date) => Some(date),
            Self::Month { year, month } => Date::new(year, month, 1).ok().map(Date::last_of_month),
        }
    }
}

impl fmt::Display for Deadline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Date(date) => write!(f, "{date}"),
            Self::Month { year, month } => write!(f, "{year:04}-{month:02}"),
        }
    }
}

impl Origin {
    /// Reads a day or a month as `Deadline::parse` does; a workshop is named by the caller.
    pub fn parse(text: &str) -> Result<Self, DeadlineError> {
        Ok(match Deadline::parse(text)? {
            Deadline::Date(date) => Self::Date(date),
            Deadline::Month { year, month } => Self::Month { year, month },
        })
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Workshop { title, date } => write!(f, "{title} ({date})"),
            Self::Date(date) => write!(f, "{date}"),
            Self::Month { year, month } => write!(f, "{year:04}-{month:02}"),
        }
    }
}

impl LinkKind {
    /// The link in words: "picked up by".
    pub fn name(self) -> &'static str {
        match self {
            Self::PickedUpBy => "picked up by",
            Self::LinksTo => "links to",
        }
    }
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
fn is_false(value: &bool) -> bool {
    !*value
}

/// Year, month and, for a day, the day of `text`.
fn parse_when(text: &str) -> Option<(i16, i8, Option<i8>)> {
    let text = text.trim();
    if text.starts_with(|c: char| c.is_ascii_digit()) {
        let parts: Vec<&str> = text.split('-').collect();
        let number = |part: &&str| -> Option<i16> {
            if part.is_empty() || !part.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            part.parse().ok()
        };
        let year = number(parts.first()?)?;
        if parts.first()?.len() != 4 {
            return None;
        }
        let month = i8::try_from(number(parts.get(1)?)?).ok()?;
        if !(1..=12).contains(&month) {
            return None;
        }
        return match parts.get(2) {
            None => Some((year, month, None)),
            Some(day) if parts.len() == 3 => {
                Some((year, month, Some(i8::try_from(number(day)?).ok()?)))
            }
            Some(_) => None,
        };
    }
    let name_len = text
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(text.len());
    let (name, rest) = text.split_at(name_len);
    let month = crate::months::named(name)?;
    let digits =
        rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '\'' | '’' | '.'));
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let year: i16 = match digits.len() {
        2 => 2000 + digits.parse::<i16>().ok()?,
        4 => digits.parse().ok()?,
        _ => return None,
    };
    Some((year, month, None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn check_deadline(text: &str, expected: &str) {
        let shown = Deadline::parse(text).map_or_else(|err| err.to_string(), |d| d.to_string());
        assert_eq!(shown, expected, "{text}");
    }

    #[test]
    fn deadlines_read_as_the_log_writes_them() {
        check_deadline("2019-10-31", "2019-10-31");
        check_deadline("2019-10", "2019-10");
        check_deadline("Oct'19", "2019-10");
        check_deadline("Sep '19", "2019-09");
        check_deadline("July 19", "2019-07");
        check_deadline("Jul '19", "2019-07");
        check_deadline("Feb. 19", "2019-02");
        check_deadline("March '19", "2019-03");
        check_deadline("Sept 2019", "2019-09");
        check_deadline(" May 20 ", "2020-05");
        check_deadline("Hyd'19", "2019-10");
        check_deadline("Gorffennaf 19", "2019-07");
        check_deadline("Mai 2020", "2020-05");
    }

    #[test]
    fn other_text_is_not_a_deadline() {
        for text in [
            "Monthly",
            "Complete",
            "",
            "2019-13",
            "2019-02-30",
            "Ju 19",
            "Oct 1999x",
            "19-10",
        ] {
            assert!(Deadline::parse(text).is_err(), "{text}");
        }
        check_deadline(
            "Monthly",
            "`Monthly` is not a day (2019-10-31) or a month (2019-10, Oct'19, July 19)",
        );
    }

    #[test]
    fn a_month_deadline_runs_to_its_last_day() {
        let mut action = Action::new(1, "Share the paper");
        action.status = ActionStatus::Ongoing;
        action.deadline = Some(Deadline::Month {
            year: 2019,
            month: 2,
        });
        assert!(!action.is_overdue(date(2019, 2, 28)), "due by the last day");
        assert!(action.is_overdue(date(2019, 3, 1)), "overdue the day after");
        action.deadline = Some(Deadline::Date(date(2019, 2, 10)));
        assert!(!action.is_overdue(date(2019, 2, 10)), "due on the day");
        assert!(
            action.is_overdue(date(2019, 2, 11)),
            "overdue the day after"
        );
    }

    #[test]
    fn done_actions_and_actions_without_deadlines_are_never_overdue() {
        let late = date(2030, 1, 1);
        let mut action = Action::new(1, "Share the paper");
        assert!(!action.is_overdue(late), "no deadline");
        action.deadline = Some(Deadline::Date(date(2019, 2, 10)));
        for status in ActionStatus::ALL {
            action.status = status;
            assert_eq!(
                action.is_overdue(late),
                !matches!(status, ActionStatus::Complete | ActionStatus::Closed),
                "{status}"
            );
        }
    }

    #[test]
    fn updates_stay_in_date_order() {
        let update = |day, text: &str| ActionUpdate {
            date: Some(date(2019, 5, day)),
            text: text.to_owned(),
            who: String::new(),
            is_confidential: false,
        };
        let mut action = Action::new(1, "Share the paper");
        action.add_update(update(14, "second"));
        action.add_update(update(1, "first"));
        action.add_update(update(20, "fourth"));
        action.add_update(update(14, "third, same day as second"));
        let texts: Vec<&str> = action.updates.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(
            texts,
            ["first", "second", "third, same day as second", "fourth"]
        );
        assert_eq!(
            action.last_update().map(|u| u.text.as_str()),
            Some("fourth")
        );
    }

    #[test]
    fn statuses_read_in_words() {
        for status in ActionStatus::ALL {
            assert_eq!(ActionStatus::parse(status.name()), Ok(status));
        }
        assert_eq!(
            ActionStatus::parse("Proposed-Complete"),
            Ok(ActionStatus::ProposedComplete)
        );
        assert_eq!(
            ActionStatus::parse("done").unwrap_err().to_string(),
            "`done` is not an action status: use not started, ongoing, proposed complete, complete or closed"
        );
    }
}
