//! Reading the action log: which actions a filter keeps, the log grouped as the Open Space lays it
//! out (ongoing, proposed complete, completed; by theme within each), and the links read both ways
//! (the actions on an entry, the actions that point at an action).
//!
//! Pure over the register: the day "overdue" is judged on is passed in, never read from a clock.

use jiff::civil::Date;

use crate::register::{Action, ActionStatus, EntryId, LinkKind, Origin, Register};

/// Which actions to show. Every set condition must hold; an empty filter keeps every action.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionFilter {
    /// Only actions with this status.
    pub status: Option<ActionStatus>,
    /// Only actions with an owner whose name contains this, in any case.
    pub owner: Option<String>,
    /// Only actions of this theme, in any case.
    pub theme: Option<String>,
    /// Only actions overdue on this day.
    pub overdue_on: Option<Date>,
    /// Only actions from the workshop with this title, in any case.
    pub from_workshop: Option<String>,
}

/// The three tables of the action log's paper, in the seed's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LogSection {
    /// Not started and ongoing actions.
    Ongoing,
    /// Actions the group is asked to agree are complete.
    ProposedComplete,
    /// Complete and closed actions.
    Completed,
}

impl LogSection {
    /// The sections, in the order the log prints them.
    pub const ALL: [Self; 3] = [Self::Ongoing, Self::ProposedComplete, Self::Completed];

    /// The section an action with `status` is listed in.
    pub fn of(status: ActionStatus) -> Self {
        match status {
            ActionStatus::NotStarted | ActionStatus::Ongoing => Self::Ongoing,
            ActionStatus::ProposedComplete => Self::ProposedComplete,
            ActionStatus::Complete | ActionStatus::Closed => Self::Completed,
        }
    }
}

impl ActionFilter {
    /// Whether `action` passes every condition set.
    pub fn matches(&self, action: &Action) -> bool {
        let contains =
            |text: &str, wanted: &str| text.to_lowercase().contains(&wanted.to_lowercase());
        self.status.is_none_or(|status| action.status == status)
            && self.owner.as_deref().is_none_or(|owner| {
                action
                    .owners
                    .iter()
                    .any(|name| contains(name, owner.trim()))
            })
            && self
                .theme
                .as_deref()
                .is_none_or(|theme| action.theme.trim().eq_ignore_ascii_case(theme.trim()))
            && self.overdue_on.is_none_or(|day| action.is_overdue(day))
            && self.from_workshop.as_deref().is_none_or(|wanted| {
                matches!(&action.from, Some(Origin::Workshop { title, .. })
                    if title.trim().eq_ignore_ascii_case(wanted.trim()))
            })
    }
}

/// The actions `filter` keeps, in number order.
pub fn filter<'a>(register: &'a Register, filter: &ActionFilter) -> Vec<&'a Action> {
    let mut kept: Vec<&Action> = register
        .actions
        .iter()
        .filter(|action| filter.matches(action))
        .collect();
    kept.sort_by_key(|action| action.number);
    kept
}

/// `actions` grouped as the log prints them: each section (in order) with its actions by theme
/// (in the order themes first appear in the log) and then number. Empty sections are left out.
pub fn grouped<'a>(actions: &[&'a Action]) -> Vec<(LogSection, Vec<&'a Action>)> {
    let mut themes: Vec<&str> = Vec::new();
    for action in actions {
        if !themes.contains(&action.theme.as_str()) {
            themes.push(&action.theme);
        }
    }
    let theme_idx = |action: &Action| themes.iter().position(|t| *t == action.theme);
    LogSection::ALL
        .into_iter()
        .filter_map(|section| {
            let mut listed: Vec<&Action> = actions
                .iter()
                .copied()
                .filter(|action| LogSection::of(action.status) == section)
                .collect();
            listed.sort_by_key(|action| (theme_idx(action), action.number));
            (!listed.is_empty()).then_some((section, listed))
        })
        .collect()
}

/// The actions on `entry`, in number order: an entry shows what was committed to about it.
pub fn actions_on<'a>(register: &'a Register, entry: &EntryId) -> Vec<&'a Action> {
    let mut on: Vec<&Action> = register
        .actions
        .iter()
        .filter(|action| action.entries.contains(entry))
        .collect();
    on.sort_by_key(|action| action.number);
    on
}

/// The actions that link to action `number`, with how: the other end of each link.
pub fn linked_from(register: &Register, number: u32) -> Vec<(LinkKind, u32)> {
    let mut from: Vec<(LinkKind, u32)> = register
        .actions
        .iter()
        .flat_map(|action| {
            action
                .links
                .iter()
                .filter(move |link| link.action == number && action.number != number)
                .map(move |link| (link.kind, action.number))
        })
        .collect();
    from.sort_unstable();
    from.dedup();
    from
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::{ActionLink, Deadline, Entry, SystemId};
    use jiff::civil::date;

    fn log() -> Register {
        let mut register = Register::default();
        let leds = SystemId::parse("LEDS").unwrap();
        let id = register.issue_entry_id(&leds);
        register.entries.push(Entry::new(id, leds, "Data sharing"));
        let action = |number, theme: &str, status, owner: &str, month| {
            let mut action = Action::new(number, format!("Action {number}"));
            theme.clone_into(&mut action.theme);
            action.status = status;
            action.owners.push(owner.to_owned());
            action.deadline = Some(Deadline::Month { year: 2019, month });
            action
        };
        register.actions = vec![
            action(
                40,
                "Data Sharing",
                ActionStatus::ProposedComplete,
                "HO Policy",
                9,
            ),
            action(17, "Data Sharing", ActionStatus::Ongoing, "Involve", 10),
            action(20, "Data Quality", ActionStatus::Ongoing, "HO Data", 7),
            action(22, "Data Quality", ActionStatus::Complete, "HO Data", 1),
            action(16, "Data Sharing", ActionStatus::Closed, "HO Policy", 1),
        ];
        register.actions[0].links.push(ActionLink {
            kind: LinkKind::PickedUpBy,
            action: 17,
        });
        register.actions[1]
            .entries
            .push(EntryId::parse("LEDS-001").unwrap());
        register
    }

    fn numbers(actions: &[&Action]) -> Vec<u32> {
        actions.iter().map(|action| action.number).collect()
    }

    #[test]
    fn filters_combine() {
        let register = log();
        let check = |filter: ActionFilter, expected: &[u32]| {
            assert_eq!(
                numbers(&super::filter(&register, &filter)),
                expected,
                "{filter:?}"
            );
        };
        check(ActionFilter::default(), &[16, 17, 20, 22, 40]);
        check(
            ActionFilter {
                owner: Some("ho ".to_owned()),
                ..ActionFilter::default()
            },
            &[16, 20, 22, 40],
        );
        check(
            ActionFilter {
                theme: Some("data quality".to_owned()),
                ..ActionFilter::default()
            },
            &[20, 22],
        );
        check(
            ActionFilter {
                overdue_on: Some(date(2019, 8, 1)),
                ..ActionFilter::default()
            },
            &[20],
        );
        check(
            ActionFilter {
                status: Some(ActionStatus::Ongoing),
                owner: Some("Involve".to_owned()),
                ..ActionFilter::default()
            },
            &[17],
        );
    }

    #[test]
    fn the_log_groups_by_section_then_theme() {
        let register = log();
        let all = filter(&register, &ActionFilter::default());
        let grouped: Vec<(LogSection, Vec<u32>)> = grouped(&all)
            .into_iter()
            .map(|(section, actions)| (section, numbers(&actions)))
            .collect();
        assert_eq!(
            grouped,
            [
                (LogSection::Ongoing, vec![17, 20]),
                (LogSection::ProposedComplete, vec![40]),
                (LogSection::Completed, vec![16, 22]),
            ]
        );
    }

    #[test]
    fn links_read_both_ways() {
        let register = log();
        assert_eq!(
            numbers(&actions_on(&register, &EntryId::parse("LEDS-001").unwrap())),
            [17]
        );
        assert_eq!(linked_from(&register, 17), [(LinkKind::PickedUpBy, 40)]);
        assert!(
            linked_from(&register, 40).is_empty(),
            "links have a direction"
        );
    }
}
