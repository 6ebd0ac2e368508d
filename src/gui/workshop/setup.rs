//! The start dialog: the form a facilitator fills in (title, date, entries, participants,
//! votes), and the session it starts.
//!
//! Only form parsing lives here; the rules a session must keep are the core's `Session` constructors.

use egui::{Modal, RichText, Role, ScrollArea, Ui, WidgetInfo};
use jiff::civil::Date;

use dpia_core::register::{Participant, Register, Scope, SystemId};
use dpia_core::workshop::Session;

use crate::gui::error_text::ErrorText;
use crate::gui::i18n::{tr, tr_args};
use crate::gui::theme;
use dpia_report::labels::capitalised;

/// The start dialog's fields.
#[derive(Debug, Clone)]
pub(super) struct Setup {
    title: String,
    /// As typed: `2019-07-11`.
    date: String,
    scope: ScopeChoice,
    system: Option<SystemId>,
    category: Option<String>,
    attendance: AttendanceChoice,
    participants: Vec<ParticipantRow>,
    anonymous_count: usize,
    votes_per_participant: u32,
    /// Why the session could not start.
    problem: Option<String>,
    /// Set on the first frame, to put the keyboard focus in the title.
    focus: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ScopeChoice {
    All,
    System,
    Category,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AttendanceChoice {
    Listed,
    Anonymous,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct ParticipantRow {
    name: String,
    is_pseudonym: bool,
}

/// What the start dialog came to this frame.
pub(super) enum SetupOutcome {
    Open,
    Cancel,
    Start(Session),
}

impl Setup {
    pub(super) fn new(today: Date, register: &Register) -> Self {
        Self {
            title: tr("workshop-prioritisation-workshop").to_owned(),
            date: today.to_string(),
            scope: ScopeChoice::All,
            system: register.systems.first().map(|system| system.id.clone()),
            category: dpia_core::overview::categories(register).into_iter().next(),
            attendance: AttendanceChoice::Listed,
            participants: vec![ParticipantRow::default(); 2],
            anonymous_count: 6,
            votes_per_participant: 3,
            problem: None,
            focus: true,
        }
    }

    /// The session these fields describe, or why there cannot be one.
    ///
    /// Only reads the form (a title, a date, a system or category chosen); the rules a session
    /// keeps (entries in scope, votes, unique names) are `Session`'s, and its refusal is shown as
    /// it words it.
    fn start(&self, register: &Register) -> Result<Session, String> {
        let title = self.title.trim();
        if title.is_empty() {
            return Err(tr("workshop-give-the-session-a-title").to_owned());
        }
        let date: Date = crate::gui::date_text::parse(&self.date)?.ok_or_else(|| {
            tr_args!(
                "workshop-give-the-date-as",
                forms = crate::gui::date_text::forms()
            )
        })?;
        let scope = match self.scope {
            ScopeChoice::All => Scope::All,
            ScopeChoice::System => Scope::System(
                self.system
                    .clone()
                    .ok_or_else(|| tr("workshop-choose-a-system").to_owned())?,
            ),
            ScopeChoice::Category => Scope::Category(
                self.category
                    .clone()
                    .ok_or_else(|| tr("workshop-choose-a-category").to_owned())?,
            ),
        };
        let session = match self.attendance {
            AttendanceChoice::Listed => {
                let participants: Vec<Participant> = self
                    .participants
                    .iter()
                    .filter(|row| !row.name.trim().is_empty())
                    .map(|row| Participant {
                        name: row.name.trim().to_owned(),
                        is_pseudonym: row.is_pseudonym,
                    })
                    .collect();
                Session::with_participants(
                    register,
                    title,
                    date,
                    scope,
                    participants,
                    self.votes_per_participant,
                )
            }
            AttendanceChoice::Anonymous => Session::anonymous(
                register,
                title,
                date,
                scope,
                self.anonymous_count,
                self.votes_per_participant,
            ),
        };
        session.map_err(|err| capitalised(&err.error_text()))
    }
}

/// Draws the start dialog.
/// Why the session cannot start, once Start session was pressed: kept up to date as the form
/// changes, so it goes once put right and is never stale.
fn problem_ui(ui: &mut Ui, setup: &mut Setup, register: &Register) {
    if setup.problem.is_some() {
        setup.problem = setup.start(register).err();
    }
    if let Some(problem) = &setup.problem {
        ui.add_space(4.0);
        ui.label(RichText::new(problem).color(theme::error_text(theme::look(ui.ctx()))));
    }
}

pub(super) fn setup_ui(
    ctx: &egui::Context,
    register: &Register,
    setup: &mut Setup,
) -> SetupOutcome {
    let mut outcome = SetupOutcome::Open;
    let modal = Modal::new(egui::Id::unique("workshop-setup")).show(ctx, |ui| {
        ui.set_width(600.0);
        ui.heading(tr("workshop-start-a-workshop"));
        ui.label(RichText::new(tr("workshop-the-group-dot-votes-and")).weak());
        ui.add_space(8.0);
        egui::Grid::new("workshop-setup-grid")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                let label = ui.label(tr("register-title"));
                let title = ui
                    .add(
                        egui::TextEdit::singleline(&mut setup.title)
                            .desired_width(400.0)
                            .background_color(ui.visuals().faint_bg_color),
                    )
                    .labelled_by(label.id);
                if setup.focus {
                    title.request_focus();
                    setup.focus = false;
                }
                ui.end_row();
                let label = ui.label(tr("snapshots-date"));
                ui.add(
                    egui::TextEdit::singleline(&mut setup.date)
                        .background_color(ui.visuals().faint_bg_color)
                        .desired_width(120.0)
                        .hint_text("2019-07-11"),
                )
                .labelled_by(label.id);
                ui.end_row();
                ui.label(tr("snapshots-entries"));
                scope_ui(ui, register, setup);
                ui.end_row();
                let label = ui.label(tr("workshop-votes-per-participant"));
                ui.add(egui::DragValue::new(&mut setup.votes_per_participant).range(1..=50))
                    .labelled_by(label.id);
                ui.end_row();
            });
        ui.add_space(8.0);
        ui.label(RichText::new(tr("workshop-participants")).font(theme::bold_body()));
        ui.horizontal(|ui| {
            ui.radio_value(
                &mut setup.attendance,
                AttendanceChoice::Listed,
                tr("workshop-named-or-pseudonymous"),
            );
            ui.radio_value(
                &mut setup.attendance,
                AttendanceChoice::Anonymous,
                tr("workshop-anonymous-only-counts-recorded"),
            );
        });
        match setup.attendance {
            AttendanceChoice::Listed => participant_rows_ui(ui, setup),
            AttendanceChoice::Anonymous => {
                ui.horizontal(|ui| {
                    let label = ui.label(tr("workshop-how-many-take-part"));
                    ui.add(egui::DragValue::new(&mut setup.anonymous_count).range(1..=99))
                        .labelled_by(label.id);
                });
            }
        }
        ui.label(
            RichText::new(tr("workshop-organisations-that-take-part-on"))
                .weak()
                .small(),
        );
        problem_ui(ui, setup, register);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(tr("workshop-start-session")).clicked() {
                match setup.start(register) {
                    Ok(session) => outcome = SetupOutcome::Start(session),
                    Err(problem) => setup.problem = Some(problem),
                }
            }
            if ui.button(tr("app-cancel")).clicked() {
                outcome = SetupOutcome::Cancel;
            }
        });
    });
    if matches!(outcome, SetupOutcome::Open) && modal.should_close() {
        outcome = SetupOutcome::Cancel;
    }
    outcome
}

fn scope_ui(ui: &mut Ui, register: &Register, setup: &mut Setup) {
    ui.vertical(|ui| {
        ui.radio_value(
            &mut setup.scope,
            ScopeChoice::All,
            tr("workshop-the-whole-register"),
        );
        ui.horizontal(|ui| {
            ui.radio_value(
                &mut setup.scope,
                ScopeChoice::System,
                tr("workshop-one-system"),
            );
            let selected = setup
                .system
                .as_ref()
                .map_or_else(String::new, ToString::to_string);
            egui::ComboBox::from_id_salt("workshop-system")
                .selected_text(selected)
                .show_ui(ui, |ui| {
                    for system in &register.systems {
                        let chosen = ui.selectable_value(
                            &mut setup.system,
                            Some(system.id.clone()),
                            format!("{} · {}", system.id, system.name),
                        );
                        if chosen.clicked() {
                            setup.scope = ScopeChoice::System;
                        }
                    }
                })
                .response
                .widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, tr("register-system")));
        });
        ui.horizontal(|ui| {
            ui.radio_value(
                &mut setup.scope,
                ScopeChoice::Category,
                tr("workshop-one-category"),
            );
            let selected = setup.category.clone().unwrap_or_default();
            egui::ComboBox::from_id_salt("workshop-category")
                .selected_text(selected)
                .show_ui(ui, |ui| {
                    for category in dpia_core::overview::categories(register) {
                        let chosen = ui.selectable_value(
                            &mut setup.category,
                            Some(category.clone()),
                            category,
                        );
                        if chosen.clicked() {
                            setup.scope = ScopeChoice::Category;
                        }
                    }
                })
                .response
                .widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, tr("editor-category")));
        });
    });
}

fn participant_rows_ui(ui: &mut Ui, setup: &mut Setup) {
    let mut removed = None;
    ScrollArea::vertical()
        .max_height(260.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (row_idx, row) in setup.participants.iter_mut().enumerate() {
                ui.horizontal(|ui| {
                    let label = ui.label(tr_args!("workshop-participant", row_idx = row_idx + 1));
                    ui.add(
                        egui::TextEdit::singleline(&mut row.name)
                            .background_color(ui.visuals().faint_bg_color)
                            .desired_width(260.0)
                            .hint_text(tr("workshop-name-or-pseudonym")),
                    )
                    .labelled_by(label.id);
                    ui.checkbox(&mut row.is_pseudonym, tr("workshop-pseudonym-2"));
                    if ui.small_button(tr("workshop-remove")).clicked() {
                        removed = Some(row_idx);
                    }
                });
            }
        });
    if let Some(row_idx) = removed
        && row_idx < setup.participants.len()
    {
        setup.participants.remove(row_idx);
    }
    if ui.button(tr("workshop-add-participant")).clicked() {
        setup.participants.push(ParticipantRow::default());
    }
}

/// A register of two entries and a start dialog filled in for it, shared by the workshop's tests.
#[cfg(test)]
pub(super) mod fixtures {
    use super::*;
    use dpia_core::register::{Assessment, Entry, EntryId, Impact, RightId, System};

    pub(in crate::gui::workshop) fn id(text: &str) -> EntryId {
        EntryId::parse(text).unwrap()
    }

    pub(in crate::gui::workshop) fn register() -> Register {
        let pnd = SystemId::parse("PND").unwrap();
        let mut register = Register::default();
        register.systems.push(System {
            id: pnd.clone(),
            name: "Police National Database".to_owned(),
            description: String::new(),
        });
        for (name, severity, category) in [("PND-001", 4, "retention"), ("PND-002", 2, "audit")] {
            let mut entry = Entry::new(id(name), pnd.clone(), name);
            entry.category = category.to_owned();
            entry.impacts.push(Impact::new(
                RightId::parse("privacy").unwrap(),
                Assessment::from_values(severity, 3).unwrap(),
            ));
            register.entries.push(entry);
        }
        register
    }

    pub(in crate::gui::workshop) fn setup() -> Setup {
        let mut setup = Setup::new(jiff::civil::date(2019, 7, 11), &register());
        setup.participants = vec![
            ParticipantRow {
                name: " Liberty ".to_owned(),
                is_pseudonym: false,
            },
            ParticipantRow::default(),
            ParticipantRow {
                name: "Org K".to_owned(),
                is_pseudonym: true,
            },
        ];
        setup
    }

    /// The session `setup()` starts on `register`.
    pub(in crate::gui::workshop) fn session(register: &Register) -> Session {
        setup().start(register).unwrap()
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::{register, setup};
    use super::*;

    #[test]
    fn setup_starts_a_session_with_the_named_rows() {
        let session = setup().start(&register()).unwrap();
        assert_eq!(
            session.participants(),
            [
                Participant {
                    name: "Liberty".to_owned(),
                    is_pseudonym: false
                },
                Participant {
                    name: "Org K".to_owned(),
                    is_pseudonym: true
                }
            ],
            "blank rows are left out and names trimmed"
        );
        assert_eq!(session.date, jiff::civil::date(2019, 7, 11));
        assert_eq!(session.votes_per_participant(), 3);
        assert!(!session.is_anonymous());
    }

    #[test]
    fn setup_refuses_what_cannot_be_run() {
        let register = register();
        let refused = |change: &dyn Fn(&mut Setup)| {
            let mut setup = setup();
            change(&mut setup);
            setup.start(&register).unwrap_err()
        };
        assert_eq!(
            refused(&|s| s.date = "11 July".to_owned()),
            "“11 July” is not a date: write it as 2019-10-31, 31/10/2019 or 31 Oct 2019"
        );
        assert_eq!(
            refused(&|s| s.date = "31/06/2019".to_owned()),
            "“31/06/2019” is not a date: June 2019 has no day 31"
        );
        assert_eq!(
            refused(&|s| s.participants[2].name = "liberty".to_owned()),
            "Two participants are called liberty: give each a different name or pseudonym"
        );
        assert_eq!(
            refused(&|s| s.participants.clear()),
            "A session needs at least one participant"
        );
        assert_eq!(
            refused(&|s| {
                s.scope = ScopeChoice::Category;
                s.category = Some("weeding".to_owned());
            }),
            "There are no entries in category weeding: choose another"
        );
        assert_eq!(
            refused(&|s| s.votes_per_participant = 0),
            "Give each participant at least one vote"
        );
        assert_eq!(
            refused(&|s| s.title = "  ".to_owned()),
            "Give the session a title"
        );
    }

    #[test]
    fn setup_starts_anonymous_and_scoped_sessions() {
        let mut setup = setup();
        setup.attendance = AttendanceChoice::Anonymous;
        setup.anonymous_count = 4;
        setup.scope = ScopeChoice::Category;
        setup.category = Some("audit".to_owned());
        let session = setup.start(&register()).unwrap();
        assert!(session.is_anonymous());
        assert_eq!(session.participants().len(), 4);
        assert_eq!(session.scope, Scope::Category("audit".to_owned()));
    }
}
