//! The "Action log" section: the log as the Open Space circulates it, in three tables (ongoing,
//! proposed complete, completed), each action's dated updates in order with the latest in bold.
//!
//! Laid out from the register as the edition shows it: in the public edition `public::redact` has
//! already removed owners' and update givers' names and the confidential updates, so nothing
//! withheld can reach the paper from here.

use super::style::{CONTENT_WIDTH, NOTE, SMALL, leading};
use super::{Paper, cell, head};
use crate::flow::{self, Inline, LineBox, Row, Table};
use crate::metrics::Face;
use dpia_core::action_log::{self, ActionFilter, LogSection};
use dpia_core::register::{Action, EntryId};

/// The widths of the number, action, deadline, "when from" and owner columns; the status and
/// updates take the rest.
const NUMBER_WIDTH: f32 = 24.0;
const ACTION_WIDTH: f32 = 134.0;
const DEADLINE_WIDTH: f32 = 68.0;
const FROM_WIDTH: f32 = 58.0;
const OWNER_WIDTH: f32 = 60.0;

impl Paper<'_> {
    /// The section, when `ReportOptions::actions` asks for it.
    pub(super) fn action_log(&mut self) {
        if !self.options.actions {
            return;
        }
        let labels = self.labels;
        self.h1(labels.action_log);
        self.text(labels.action_log_note, NOTE);
        self.flow.space(4.0);
        let actions = action_log::filter(self.register, &ActionFilter::default());
        if actions.is_empty() {
            self.text(labels.no_actions, SMALL);
            return;
        }
        for (section, listed) in action_log::grouped(&actions) {
            self.h2(match section {
                LogSection::Ongoing => labels.ongoing_actions,
                LogSection::ProposedComplete => labels.proposed_complete_actions,
                LogSection::Completed => labels.completed_actions,
            });
            self.action_table(&listed);
        }
    }

    fn action_table(&mut self, actions: &[&Action]) {
        let labels = self.labels;
        let updates_width =
            CONTENT_WIDTH - NUMBER_WIDTH - ACTION_WIDTH - DEADLINE_WIDTH - FROM_WIDTH - OWNER_WIDTH;
        let widths = vec![
            NUMBER_WIDTH,
            ACTION_WIDTH,
            DEADLINE_WIDTH,
            updates_width,
            FROM_WIDTH,
            OWNER_WIDTH,
        ];
        let header = widths
            .iter()
            .zip([
                "#",
                labels.action,
                labels.deadline,
                labels.status_and_updates,
                labels.when_from,
                labels.owner,
            ])
            .map(|(width, text)| head(text, width - 8.0))
            .collect();
        let table = Table::new(widths, header);
        let rows = actions
            .iter()
            .map(|action| {
                Row::new(vec![
                    cell(
                        &action.number.to_string(),
                        SMALL.with_face(Face::Bold),
                        table.inner_width(0),
                    ),
                    self.action_cell(action, table.inner_width(1)),
                    cell(
                        &action
                            .deadline
                            .map(|d| labels.deadline_text(d))
                            .unwrap_or_default(),
                        SMALL,
                        table.inner_width(2),
                    ),
                    self.updates_cell(action, table.inner_width(3)),
                    cell(
                        &action
                            .from
                            .as_ref()
                            .map(|from| labels.origin(from))
                            .unwrap_or_default(),
                        SMALL,
                        table.inner_width(4),
                    ),
                    cell(&action.owners_text(), SMALL, table.inner_width(5)),
                ])
            })
            .collect();
        self.flow.table(&table, rows);
    }

    /// The theme (muted), the action's text, and what it is linked to: entries, other actions,
    /// artefacts.
    fn action_cell(&self, action: &Action, width: f32) -> Vec<LineBox> {
        let labels = self.labels;
        let mut lines = Vec::new();
        if !action.theme.is_empty() {
            lines.extend(cell(&action.theme, NOTE, width));
        }
        lines.extend(cell(&action.text, SMALL, width));
        let mut linked: Vec<String> = Vec::new();
        if !action.entries.is_empty() {
            let ids: Vec<&str> = action.entries.iter().map(EntryId::as_str).collect();
            linked.push(format!("{}: {}", labels.entries, ids.join(", ")));
        }
        linked.extend(
            action
                .links
                .iter()
                .map(|link| labels.action_link(link.kind, link.action)),
        );
        linked.extend(action.artefacts.iter().cloned());
        if !action.source.is_empty() {
            linked.push(action.source.clone());
        }
        if !linked.is_empty() {
            lines.extend(cell(&linked.join(" · "), NOTE, width));
        }
        lines
    }

    /// The status in bold, then each update as "date: text", the latest in bold.
    fn updates_cell(&self, action: &Action, width: f32) -> Vec<LineBox> {
        let labels = self.labels;
        let mut lines = cell(
            labels.action_status(action.status),
            SMALL.with_face(Face::Bold),
            width,
        );
        let num_updates = action.updates.len();
        for (update_idx, update) in action.updates.iter().enumerate() {
            let style = if update_idx + 1 == num_updates {
                SMALL.with_face(Face::Bold)
            } else {
                SMALL
            };
            let mut inlines = Vec::new();
            if let Some(date) = update.date {
                inlines.push(Inline::text(format!("{}: ", labels.date(date)), style));
            }
            inlines.push(Inline::text(update.text.clone(), style));
            if !update.who.is_empty() {
                inlines.push(Inline::text(format!(" ({})", update.who), NOTE));
            }
            lines.push(LineBox::gap(2.0));
            lines.extend(flow::wrap(&inlines, width, leading(SMALL)));
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use crate::public::Edition;
    use crate::{ReportOptions, layout};
    use dpia_core::register::{
        Action, ActionStatus, ActionUpdate, Deadline, Language, Origin, Register,
    };
    use jiff::civil::date;

    fn logged() -> Register {
        let mut register = Register::default();
        register.metadata.title = "Action log test".to_owned();
        let mut ongoing = Action::new(16, "HO to provide a provocation paper on data sharing");
        ongoing.theme = "Data Sharing".to_owned();
        ongoing.status = ActionStatus::Ongoing;
        ongoing.owners = vec!["Zygmunt Owner".to_owned()];
        ongoing.deadline = Some(Deadline::Month {
            year: 2019,
            month: 10,
        });
        ongoing.from = Some(Origin::Month {
            year: 2018,
            month: 7,
        });
        for (day, text, is_confidential) in [
            (9, "Paper not yet started", false),
            (20, "Recruiting, named by Quentin Secret", true),
            (11, "Team members recruited", false),
        ] {
            ongoing.add_update(ActionUpdate {
                date: Some(date(2019, if day == 9 { 4 } else { 6 }, day)),
                text: text.to_owned(),
                who: "Yolanda Giver".to_owned(),
                is_confidential,
            });
        }
        let mut done = Action::new(22, "HO to share a blank copy of the dashboard");
        done.status = ActionStatus::Complete;
        done.deadline = Some(Deadline::Date(date(2018, 12, 31)));
        done.artefacts.push("Artefact 3".to_owned());
        register.actions = vec![done, ongoing];
        register
    }

    fn text(register: &Register, edition: Edition) -> String {
        let options = ReportOptions {
            edition,
            actions: true,
            ..ReportOptions::default()
        };
        layout(register, &options).text()
    }

    #[test]
    fn the_log_is_in_sections_with_updates_in_date_order() {
        let text = text(&logged(), Edition::Full);
        let start = text.find("Action log\n").unwrap();
        let section = &text[start..];
        let ongoing = section.find("Ongoing actions").unwrap();
        let completed = section.find("Completed actions").unwrap();
        assert!(ongoing < completed, "{section}");
        assert!(
            !section.contains("Proposed complete actions"),
            "empty sections are left out"
        );
        let first = section.find("9 April 2019: Paper not yet started").unwrap();
        let second = section.find("11 June 2019: Team members").unwrap();
        assert!(first < second, "{section}");
        for expected in [
            "October 2019",
            "July 2018",
            "Zygmunt",
            "31 December",
            "Artefact 3",
        ] {
            assert!(
                section.contains(expected),
                "`{expected}` missing: {section}"
            );
        }
    }

    #[test]
    fn the_latest_update_is_bold() {
        let register = logged();
        let options = ReportOptions {
            actions: true,
            ..ReportOptions::default()
        };
        let report = layout(&register, &options);
        let face = |needle: &str| {
            report
                .pages
                .iter()
                .flat_map(super::super::test_util::text_runs)
                .find(|run| run.text.contains(needle))
                .map(|run| run.face)
                .unwrap()
        };
        assert_eq!(face("Recruiting"), crate::metrics::Face::Bold, "latest");
        assert_eq!(
            face("Team members"),
            crate::metrics::Face::Regular,
            "earlier"
        );
    }

    #[test]
    fn the_public_edition_has_no_owners_givers_or_confidential_updates() {
        let text = text(&logged(), Edition::Public);
        assert!(text.contains("11 June 2019: Team members"), "{text}");
        for withheld in ["Zygmunt", "Yolanda", "Quentin", "Recruiting"] {
            assert!(
                !text.contains(withheld),
                "`{withheld}` in the public edition"
            );
        }
    }

    #[test]
    fn welsh_registers_get_welsh_labels() {
        let mut register = logged();
        register.metadata.language = Language::Welsh;
        let text = text(&register, Edition::Full);
        for expected in [
            "Log gweithredu",
            "Camau gweithredu parhaus",
            "Statws a diweddariadau",
            "Hydref 2019",
        ] {
            assert!(text.contains(expected), "`{expected}` missing");
        }
    }
}
