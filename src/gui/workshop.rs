//! Workshop mode: start a session, run it live on a projector (the presenter view), end it into a
//! workshop record and a snapshot, and review past sessions.
//!
//! The session is the core's `workshop::Session`; this module draws it and turns keys into calls on
//! it. It is held here, beside the register rather than in it: nothing reaches the register until
//! the session ends, and then as one undoable edit (`Edit::ReplaceRegister`). Must not: order the
//! entries itself (that is `Session::live_order`), or touch files except through `files`.

use egui::{
    Align, CornerRadius, Event, FontId, Key, Layout, Modal, Modifiers, RichText, Role, ScrollArea,
    Sense, Stroke, StrokeKind, Ui, UiBuilder, Vec2, ViewportCommand, WidgetInfo,
};
use egui_extras::{Column, TableBuilder};
use jiff::civil::Date;

use super::DpiaApp;
use super::command::Command;
use super::dialogs::FileRequest;
use super::state::View;
use super::theme::{self, presenter as colours};
use dpia_core::edit::Edit;
use dpia_core::register::{Attendance, Participant, Scope, Tier, Workshop};
use dpia_core::register::{EntryId, Language, Register, SystemId};
use dpia_core::scoring::{EntryScores, Score};
use dpia_core::snapshot::{Label, Snapshot};
use dpia_core::workshop::{Direction, LiveRank, Session, WorkshopError};
use dpia_files::snapshot_file;
use dpia_report::labels::labels;

/// A workshop action that reaches beyond the session itself: the start dialog, ending, full screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkshopCommand {
    /// Open the dialog that starts a session, or go back to the session running.
    Start,
    /// End the session: record it in the register, take its snapshot and save the register.
    End,
    /// Drop the session without recording anything.
    Discard,
    /// Fill the screen with the presenter view.
    EnterFullscreen,
    /// Back to a window.
    LeaveFullscreen,
}

impl WorkshopCommand {
    /// The command's name in menus and on buttons.
    pub fn label(self) -> &'static str {
        match self {
            Self::Start => "Start workshop…",
            Self::End => "End workshop",
            Self::Discard => "Discard workshop",
            Self::EnterFullscreen => "Full screen",
            Self::LeaveFullscreen => "Leave full screen",
        }
    }
}

/// The workshop view's state: the start dialog, the session running and the past session reviewed.
#[derive(Debug, Default)]
pub(super) struct WorkshopState {
    /// The start dialog, while open.
    setup: Option<Setup>,
    /// The session running.
    live: Option<Live>,
    /// Which of the register's workshops the review shows; the latest when `None`.
    reviewed: Option<usize>,
}

impl WorkshopState {
    /// Whether a session is running.
    pub(super) fn is_live(&self) -> bool {
        self.live.is_some()
    }

    /// The session running, if any.
    pub(super) fn session(&self) -> Option<&Session> {
        self.live.as_ref().map(|live| &live.session)
    }
}

/// What identifies the register's content: `Document::state_key`.
type RegisterKey = (u64, u64);

/// A session running, with what the presenter shows of it.
#[derive(Debug)]
struct Live {
    session: Session,
    /// Goes up with every change to the session, so the live order is recomputed only then.
    revision: u64,
    /// The live order, as of `order_key`.
    order: Vec<LiveRank>,
    order_key: Option<(RegisterKey, u64)>,
    /// The entry the keys act on; it keeps its identity as it moves up and down.
    current: Option<EntryId>,
    showing: Showing,
    /// What the last key did, or why it was refused.
    message: Option<Message>,
    dialog: Option<Dialog>,
    is_fullscreen: bool,
    /// Set when the ranked list should bring the current entry into view.
    scroll_to_current: bool,
}

/// One entry at a time, or the whole ranked list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Showing {
    OneEntry,
    RankedList,
}

/// The line under the presenter's header.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Message {
    /// What the last action did.
    Done(String),
    /// Why the last action was refused; nothing changed.
    Refused(String),
}

/// A question the presenter is asking.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Dialog {
    /// Why the facilitator moves an entry.
    Move(MovePrompt),
    /// End the session and record it?
    ConfirmEnd,
    /// Drop the session?
    ConfirmDiscard,
}

/// The question asked before a manual move.
#[derive(Debug, Clone, PartialEq, Eq)]
struct MovePrompt {
    entry: EntryId,
    direction: Direction,
    from_rank: usize,
    reason: String,
    /// Why the last answer was not taken.
    problem: Option<String>,
    /// Set when the reason field should take the keyboard focus.
    focus: bool,
}

/// What a key does in the presenter view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KeyAction {
    /// The entry above (or before) the current one.
    Previous,
    /// The entry below (or after) the current one.
    Next,
    /// Participant N (from 0) puts a vote on the current entry.
    Vote(usize),
    /// Participant N (from 0) takes a vote back from the current entry.
    Withdraw(usize),
    /// Sets the current entry's tier, or clears it when it already has that tier.
    SetTier(Tier),
    /// Clears the current entry's tier.
    ClearTier,
    /// Asks why, then moves the current entry one place.
    Move(Direction),
    /// One entry ↔ ranked list.
    SwitchShowing,
    /// Full screen ↔ window.
    ToggleFullscreen,
    /// Leaves full screen.
    Escape,
}

/// The key a presenter action is on, or `None` for keys the presenter leaves alone.
///
/// Digits are read from the physical key when there is one, so Shift+1 is still "1" whatever the
/// keyboard layout makes of it (`!` on a UK keyboard).
fn key_action(key: Key, physical_key: Option<Key>, modifiers: Modifiers) -> Option<KeyAction> {
    if modifiers.alt {
        return None;
    }
    if modifiers.command || modifiers.ctrl || modifiers.mac_cmd {
        return match key {
            Key::ArrowUp => Some(KeyAction::Move(Direction::Up)),
            Key::ArrowDown => Some(KeyAction::Move(Direction::Down)),
            _ => None,
        };
    }
    if let Some(number) = physical_key.and_then(digit).or_else(|| digit(key)) {
        let participant_idx = number.checked_sub(1)?;
        return Some(if modifiers.shift {
            KeyAction::Withdraw(participant_idx)
        } else {
            KeyAction::Vote(participant_idx)
        });
    }
    match key {
        Key::ArrowUp | Key::ArrowLeft => Some(KeyAction::Previous),
        Key::ArrowDown | Key::ArrowRight => Some(KeyAction::Next),
        Key::M => Some(KeyAction::SetTier(Tier::Must)),
        Key::S => Some(KeyAction::SetTier(Tier::Should)),
        Key::C => Some(KeyAction::SetTier(Tier::Could)),
        Key::W => Some(KeyAction::SetTier(Tier::WontThisTime)),
        Key::Delete | Key::Backspace => Some(KeyAction::ClearTier),
        Key::L => Some(KeyAction::SwitchShowing),
        Key::F11 => Some(KeyAction::ToggleFullscreen),
        Key::Escape => Some(KeyAction::Escape),
        _ => None,
    }
}

/// 1 to 9 for the digit keys; 0 is no participant.
fn digit(key: Key) -> Option<usize> {
    Some(match key {
        Key::Num1 => 1,
        Key::Num2 => 2,
        Key::Num3 => 3,
        Key::Num4 => 4,
        Key::Num5 => 5,
        Key::Num6 => 6,
        Key::Num7 => 7,
        Key::Num8 => 8,
        Key::Num9 => 9,
        _ => return None,
    })
}

/// Takes this frame's presenter keys out of the input, so nothing else acts on them too.
///
/// A held key repeats; only moving between entries does, so a held "1" is one vote.
fn take_key_actions(ctx: &egui::Context) -> Vec<KeyAction> {
    ctx.input_mut(|input| {
        let mut actions = Vec::new();
        input.events.retain(|event| {
            let Event::Key {
                key,
                physical_key,
                pressed: true,
                repeat,
                modifiers,
            } = event
            else {
                return true;
            };
            let Some(action) = key_action(*key, *physical_key, *modifiers) else {
                return true;
            };
            let repeats = matches!(action, KeyAction::Previous | KeyAction::Next);
            if !*repeat || repeats {
                actions.push(action);
            }
            false
        });
        actions
    })
}

impl Live {
    fn new(session: Session) -> Self {
        Self {
            session,
            revision: 0,
            order: Vec::new(),
            order_key: None,
            current: None,
            showing: Showing::RankedList,
            message: None,
            dialog: None,
            is_fullscreen: false,
            scroll_to_current: true,
        }
    }

    /// Recomputes the live order if the register or the session changed; keeps `current` valid.
    fn refresh(&mut self, register: &Register, register_key: RegisterKey) {
        let key = (register_key, self.revision);
        if self.order_key != Some(key) {
            self.order = self.session.live_order(register);
            self.order_key = Some(key);
        }
        if self.current_position().is_none() {
            self.current = self.order.first().map(|live| live.entry.clone());
        }
    }

    fn current_position(&self) -> Option<usize> {
        let current = self.current.as_ref()?;
        self.order.iter().position(|live| &live.entry == current)
    }

    fn current_rank(&self) -> Option<&LiveRank> {
        self.order.get(self.current_position()?)
    }

    fn act(&mut self, action: KeyAction, register: &Register, commands: &mut Vec<Command>) {
        match action {
            KeyAction::Previous => self.step(-1),
            KeyAction::Next => self.step(1),
            KeyAction::Vote(participant_idx) => self.vote(register, participant_idx),
            KeyAction::Withdraw(participant_idx) => self.withdraw(participant_idx),
            KeyAction::SetTier(tier) => {
                let tier = self
                    .current
                    .as_ref()
                    .filter(|entry| self.session.tier(entry) != Some(tier))
                    .map(|_| tier);
                self.set_tier(register, tier);
            }
            KeyAction::ClearTier => self.set_tier(register, None),
            KeyAction::Move(direction) => self.ask_move(direction),
            KeyAction::SwitchShowing => {
                self.showing = match self.showing {
                    Showing::OneEntry => Showing::RankedList,
                    Showing::RankedList => Showing::OneEntry,
                };
                self.scroll_to_current = true;
            }
            KeyAction::ToggleFullscreen => {
                let command = if self.is_fullscreen {
                    WorkshopCommand::LeaveFullscreen
                } else {
                    WorkshopCommand::EnterFullscreen
                };
                commands.push(Command::Workshop(command));
            }
            KeyAction::Escape => {
                if self.is_fullscreen {
                    commands.push(Command::Workshop(WorkshopCommand::LeaveFullscreen));
                }
            }
        }
    }

    fn step(&mut self, step: isize) {
        let Some(position) = self.current_position() else {
            return;
        };
        let next = position
            .checked_add_signed(step)
            .and_then(|next| self.order.get(next));
        if let Some(next) = next {
            self.current = Some(next.entry.clone());
            self.scroll_to_current = true;
        }
    }

    fn participant_name(&self, participant_idx: usize) -> String {
        self.session
            .participants()
            .get(participant_idx)
            .map_or_else(String::new, |p| p.name.clone())
    }

    fn vote(&mut self, register: &Register, participant_idx: usize) {
        let Some(entry) = self.current.clone() else {
            return;
        };
        match self.session.vote(register, participant_idx, &entry) {
            Ok(()) => {
                self.revision += 1;
                self.message = Some(Message::Done(format!(
                    "{} voted for {entry} · {} left",
                    self.participant_name(participant_idx),
                    votes(self.session.votes_left(participant_idx))
                )));
            }
            Err(err) => self.refuse(&err.to_string()),
        }
    }

    fn withdraw(&mut self, participant_idx: usize) {
        let Some(entry) = self.current.clone() else {
            return;
        };
        match self.session.withdraw_vote(participant_idx, &entry) {
            Ok(()) => {
                self.revision += 1;
                self.message = Some(Message::Done(format!(
                    "{} took a vote back from {entry} · {} left",
                    self.participant_name(participant_idx),
                    votes(self.session.votes_left(participant_idx))
                )));
            }
            Err(err) => self.refuse(&err.to_string()),
        }
    }

    fn set_tier(&mut self, register: &Register, tier: Option<Tier>) {
        let Some(entry) = self.current.clone() else {
            return;
        };
        match self.session.set_tier(register, &entry, tier) {
            Ok(()) => {
                self.revision += 1;
                self.scroll_to_current = true;
                self.message = Some(Message::Done(match tier {
                    Some(tier) => format!("{entry}: {tier}"),
                    None => format!("{entry}: no tier"),
                }));
            }
            Err(err) => self.refuse(&err.to_string()),
        }
    }

    fn ask_move(&mut self, direction: Direction) {
        let Some(position) = self.current_position() else {
            return;
        };
        let Some(entry) = self.current.clone() else {
            return;
        };
        let is_at_end = match direction {
            Direction::Up => position == 0,
            Direction::Down => position + 1 >= self.order.len(),
        };
        if is_at_end {
            self.refuse(&format!("{entry} cannot move further"));
            return;
        }
        self.dialog = Some(Dialog::Move(MovePrompt {
            entry,
            direction,
            from_rank: position + 1,
            reason: String::new(),
            problem: None,
            focus: true,
        }));
    }

    fn refuse(&mut self, why: &str) {
        self.message = Some(Message::Refused(format!("Not done: {why}")));
    }

    fn num_votes_cast(&self) -> u32 {
        self.order.iter().map(|live| live.session_votes).sum()
    }

    fn num_tiers_set(&self) -> usize {
        self.order.iter().filter(|live| live.tier.is_some()).count()
    }
}

/// "1 vote", "3 votes".
fn votes(count: u32) -> String {
    counted(count, "vote", "votes")
}

/// A count and its noun, singular for one: "1 tier", "0 tiers".
fn counted<T: std::fmt::Display + PartialEq + From<u8> + Copy>(
    count: T,
    one: &str,
    many: &str,
) -> String {
    if count == T::from(1) {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

/// A date as people write it: "11 July 2019".
fn long_date(date: Date) -> String {
    labels(Language::English).date(date)
}

/// The first letter in upper case.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

// ----- Starting a session -----

/// The start dialog's fields.
#[derive(Debug, Clone)]
struct Setup {
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
enum SetupOutcome {
    Open,
    Cancel,
    Start(Session),
}

impl Setup {
    fn new(today: Date, register: &Register) -> Self {
        Self {
            title: "Prioritisation workshop".to_owned(),
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
    fn start(&self, register: &Register) -> Result<Session, String> {
        let title = self.title.trim();
        if title.is_empty() {
            return Err("Give the session a title".to_owned());
        }
        let date: Date = self.date.trim().parse().map_err(|_| {
            format!(
                "“{}” is not a date: write it as 2019-07-11",
                self.date.trim()
            )
        })?;
        let scope = match self.scope {
            ScopeChoice::All => Scope::All,
            ScopeChoice::System => Scope::System(
                self.system
                    .clone()
                    .ok_or_else(|| "Choose a system".to_owned())?,
            ),
            ScopeChoice::Category => Scope::Category(
                self.category
                    .clone()
                    .ok_or_else(|| "Choose a category".to_owned())?,
            ),
        };
        if !register.entries.iter().any(|entry| scope.contains(entry)) {
            return Err(format!("There are no entries in {scope}: choose another"));
        }
        if self.votes_per_participant == 0 {
            return Err("Give each participant at least one vote".to_owned());
        }
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
                // The record keeps who voted how by name, so two people cannot share one.
                for (idx, participant) in participants.iter().enumerate() {
                    let is_repeated = participants.iter().take(idx).any(|earlier| {
                        earlier.name.to_lowercase() == participant.name.to_lowercase()
                    });
                    if is_repeated {
                        return Err(format!(
                            "Two participants are called {}: give each a different name or pseudonym",
                            participant.name
                        ));
                    }
                }
                Session::with_participants(
                    title,
                    date,
                    scope,
                    participants,
                    self.votes_per_participant,
                )
            }
            AttendanceChoice::Anonymous => Session::anonymous(
                title,
                date,
                scope,
                self.anonymous_count,
                self.votes_per_participant,
            ),
        };
        session.map_err(|err| capitalised(&err.to_string()))
    }
}

/// Draws the start dialog.
fn setup_ui(ctx: &egui::Context, register: &Register, setup: &mut Setup) -> SetupOutcome {
    let mut outcome = SetupOutcome::Open;
    let modal = Modal::new(egui::Id::unique("workshop-setup")).show(ctx, |ui| {
        ui.set_width(600.0);
        ui.heading("Start a workshop");
        ui.label(
            RichText::new(
                "The group dot-votes and sets Must / Should / Could / Won't on each entry. \
                 Nothing changes in the register until you end the session.",
            )
            .weak(),
        );
        ui.add_space(8.0);
        egui::Grid::new("workshop-setup-grid")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                let label = ui.label("Title");
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
                let label = ui.label("Date");
                ui.add(
                    egui::TextEdit::singleline(&mut setup.date)
                        .background_color(ui.visuals().faint_bg_color)
                        .desired_width(120.0)
                        .hint_text("2019-07-11"),
                )
                .labelled_by(label.id);
                ui.end_row();
                ui.label("Entries");
                scope_ui(ui, register, setup);
                ui.end_row();
                let label = ui.label("Votes per participant");
                ui.add(egui::DragValue::new(&mut setup.votes_per_participant).range(1..=50))
                    .labelled_by(label.id);
                ui.end_row();
            });
        ui.add_space(8.0);
        ui.label(RichText::new("Participants").font(theme::bold_body()));
        ui.horizontal(|ui| {
            ui.radio_value(
                &mut setup.attendance,
                AttendanceChoice::Listed,
                "Named or pseudonymous",
            );
            ui.radio_value(
                &mut setup.attendance,
                AttendanceChoice::Anonymous,
                "Anonymous: only counts recorded",
            );
        });
        match setup.attendance {
            AttendanceChoice::Listed => participant_rows_ui(ui, setup),
            AttendanceChoice::Anonymous => {
                ui.horizontal(|ui| {
                    let label = ui.label("How many take part");
                    ui.add(egui::DragValue::new(&mut setup.anonymous_count).range(1..=99))
                        .labelled_by(label.id);
                });
            }
        }
        ui.label(
            RichText::new(
                "Organisations that take part on condition they are not identified can be given a \
                 pseudonym. The public edition of the paper never names participants.",
            )
            .weak()
            .small(),
        );
        if let Some(problem) = &setup.problem {
            ui.add_space(4.0);
            ui.label(RichText::new(problem).color(theme::error_text(ui.ctx().theme())));
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Start session").clicked() {
                match setup.start(register) {
                    Ok(session) => outcome = SetupOutcome::Start(session),
                    Err(problem) => setup.problem = Some(problem),
                }
            }
            if ui.button("Cancel").clicked() {
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
        ui.radio_value(&mut setup.scope, ScopeChoice::All, "The whole register");
        ui.horizontal(|ui| {
            ui.radio_value(&mut setup.scope, ScopeChoice::System, "One system");
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
                .widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, "System"));
        });
        ui.horizontal(|ui| {
            ui.radio_value(&mut setup.scope, ScopeChoice::Category, "One category");
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
                .widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, "Category"));
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
                    let label = ui.label(format!("Participant {}", row_idx + 1));
                    ui.add(
                        egui::TextEdit::singleline(&mut row.name)
                            .background_color(ui.visuals().faint_bg_color)
                            .desired_width(260.0)
                            .hint_text("Name or pseudonym"),
                    )
                    .labelled_by(label.id);
                    ui.checkbox(&mut row.is_pseudonym, "Pseudonym");
                    if ui.small_button("Remove").clicked() {
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
    if ui.button("Add participant").clicked() {
        setup.participants.push(ParticipantRow::default());
    }
}

// ----- Past sessions -----

/// Draws the workshop view when no session runs: a way to start one, and past sessions to review.
pub(super) fn workshops_ui(
    ui: &mut Ui,
    register: &Register,
    state: &mut WorkshopState,
    commands: &mut Vec<Command>,
) {
    if let Some(setup) = state.setup.as_mut() {
        match setup_ui(ui.ctx(), register, setup) {
            SetupOutcome::Open => {}
            SetupOutcome::Cancel => state.setup = None,
            SetupOutcome::Start(session) => {
                state.setup = None;
                state.live = Some(Live::new(session));
            }
        }
    }
    ui.horizontal(|ui| {
        ui.heading("Workshops");
        ui.add_space(12.0);
        if ui
            .button(WorkshopCommand::Start.label())
            .on_hover_text("Prioritise the register live, with a group, on a projector")
            .clicked()
        {
            commands.push(Command::Workshop(WorkshopCommand::Start));
        }
    });
    ui.label(
        RichText::new(
            "A session dot-votes and tiers the entries live; ending it stores the outcome here and \
             takes a snapshot named after the workshop.",
        )
        .weak(),
    );
    ui.add_space(8.0);
    let num_workshops = register.workshops.len();
    let Some(latest) = num_workshops.checked_sub(1) else {
        ui.label("No workshops recorded in this register yet.");
        return;
    };
    let reviewed = state
        .reviewed
        .filter(|idx| *idx < num_workshops)
        .unwrap_or(latest);
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.set_width(280.0);
            ui.label(RichText::new("Past sessions").font(theme::bold_body()));
            ScrollArea::vertical()
                .id_salt("past-workshops")
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    for (workshop_idx, workshop) in register.workshops.iter().enumerate().rev() {
                        let text = format!("{} · {}", workshop.date, workshop.title);
                        if ui
                            .selectable_label(workshop_idx == reviewed, text)
                            .clicked()
                        {
                            state.reviewed = Some(workshop_idx);
                        }
                    }
                });
        });
        ui.separator();
        ui.vertical(|ui| {
            if let Some(workshop) = register.workshops.get(reviewed) {
                review_ui(ui, register, workshop);
            }
        });
    });
}

/// Who took part, as the review shows it: names for named participants, pseudonyms marked as
/// such, and only the count for an anonymous session.
fn attendance_text(attendance: &Attendance) -> String {
    match attendance {
        Attendance::Listed(participants) => {
            let names: Vec<String> = participants
                .iter()
                .map(|participant| {
                    if participant.is_pseudonym {
                        format!("{} (pseudonym)", participant.name)
                    } else {
                        participant.name.clone()
                    }
                })
                .collect();
            format!("{}: {}", participants.len(), names.join(", "))
        }
        Attendance::Anonymous { count } => {
            format!("{count} participants, anonymous: only counts were recorded")
        }
    }
}

fn review_ui(ui: &mut Ui, register: &Register, workshop: &Workshop) {
    ui.label(RichText::new(&workshop.title).font(theme::bold_family_size(18.0)));
    ui.add_space(4.0);
    let cast: u32 = workshop.votes.iter().map(|votes| votes.votes).sum();
    egui::Grid::new("workshop-review")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for (label, value) in [
                ("Date", long_date(workshop.date)),
                ("Entries", capitalised(&workshop.scope.to_string())),
                ("Participants", attendance_text(&workshop.attendance)),
                (
                    "Votes",
                    format!(
                        "{} each; {} cast",
                        workshop.votes_per_participant,
                        votes(cast)
                    ),
                ),
                ("Snapshot", workshop.snapshot_label.clone()),
            ] {
                ui.label(RichText::new(label).strong());
                ui.add(egui::Label::new(value).wrap());
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    ui.label(RichText::new("Manual moves").font(theme::bold_body()));
    if workshop.moves.is_empty() {
        ui.label(RichText::new("None").weak());
    }
    for manual in &workshop.moves {
        let direction = if manual.to_rank < manual.from_rank {
            "up"
        } else {
            "down"
        };
        ui.add(
            egui::Label::new(format!(
                "{} moved {direction} from rank {} to {}: {}",
                manual.entry, manual.from_rank, manual.to_rank, manual.reason
            ))
            .wrap(),
        );
    }
    ui.add_space(6.0);
    ui.label(RichText::new("Final order").font(theme::bold_body()));
    TableBuilder::new(ui)
        .id_salt("workshop-final-order")
        .striped(true)
        .cell_layout(Layout::left_to_right(Align::Center))
        .column(Column::exact(48.0))
        .column(Column::exact(90.0))
        .column(Column::remainder().clip(true))
        .column(Column::exact(80.0))
        .column(Column::exact(60.0))
        .header(24.0, |mut header| {
            for title in ["Rank", "Entry", "Issue", "Tier", "Votes"] {
                header.col(|ui| {
                    ui.label(RichText::new(title).font(theme::bold_body()));
                });
            }
        })
        .body(|body| {
            body.rows(26.0, workshop.final_order.len(), |mut row| {
                let position = row.index();
                let Some(entry) = workshop.final_order.get(position) else {
                    return;
                };
                row.col(|ui| {
                    ui.label((position + 1).to_string());
                });
                row.col(|ui| {
                    ui.label(RichText::new(entry.as_str()).monospace());
                });
                row.col(|ui| {
                    match register.entry(entry) {
                        Some(found) => ui.add(egui::Label::new(&found.issue).truncate()),
                        None => ui.label(RichText::new("no longer in the register").weak()),
                    };
                });
                row.col(|ui| {
                    if let Some(tier) = workshop.tier_of(entry) {
                        ui.label(tier.name());
                    }
                });
                row.col(|ui| {
                    let count = workshop.votes_for(entry);
                    if count > 0 {
                        ui.label(count.to_string());
                    }
                });
            });
        });
}

// ----- The presenter view -----

/// Type sizes for the presenter, scaled with the window: a 1080-line projector gets bigger type
/// than a 900-line laptop screen, so the back of the room reads the same.
#[derive(Debug, Clone, Copy)]
struct Sizes {
    scale: f32,
}

impl Sizes {
    fn for_height(height: f32) -> Self {
        Self {
            scale: (height / 900.0).clamp(0.75, 2.5),
        }
    }

    fn px(self, size: f32) -> f32 {
        size * self.scale
    }
}

fn text(text: impl Into<String>, size: f32) -> RichText {
    RichText::new(text).size(size).color(colours::TEXT)
}

fn bold(text: impl Into<String>, size: f32) -> RichText {
    RichText::new(text)
        .font(theme::bold_family_size(size))
        .color(colours::TEXT)
}

fn muted(text: impl Into<String>, size: f32) -> RichText {
    RichText::new(text).size(size).color(colours::MUTED)
}

/// A label that does not take clicks, so the row under it does.
fn label(ui: &mut Ui, text: RichText) -> egui::Response {
    ui.add(egui::Label::new(text).selectable(false))
}

/// A coloured tag with its text spelled out: "TIE", "MOVED", a tier.
fn tag(ui: &mut Ui, text: &str, fill: egui::Color32, colour: egui::Color32, size: f32) {
    egui::Frame::new()
        .fill(fill)
        .corner_radius(CornerRadius::same(5))
        .inner_margin(egui::Margin::symmetric(8, 2))
        .show(ui, |ui| {
            label(
                ui,
                RichText::new(text)
                    .font(theme::bold_family_size(size))
                    .color(colour),
            );
        });
}

fn tier_tag(ui: &mut Ui, tier: Option<Tier>, size: f32) {
    match tier {
        Some(tier) => tag(
            ui,
            tier.name(),
            theme::tier_fill(tier),
            theme::tier_text(tier),
            size,
        ),
        None => {
            label(ui, muted("no tier", size));
        }
    }
}

/// A score in its level's colours, "12 very high", with the right it is on.
fn score_tag(
    ui: &mut Ui,
    register: &Register,
    what: &str,
    top: Option<&dpia_core::scoring::TopScore>,
    sizes: Sizes,
) {
    label(ui, muted(what, sizes.px(22.0)));
    match top {
        Some(top) => {
            let level = Score::level(top.score);
            tag(
                ui,
                &format!("{} {}", top.score.value(), level.name()),
                theme::level_fill(level),
                theme::level_text(level),
                sizes.px(24.0),
            );
            label(ui, muted(register.right_name(&top.right), sizes.px(20.0)));
        }
        None => {
            label(ui, muted("not scored", sizes.px(22.0)));
        }
    }
    ui.add_space(sizes.px(24.0));
}

/// Draws the presenter over the whole window and acts on its keys.
pub(super) fn presenter_ui(
    ui: &mut Ui,
    register: &Register,
    register_key: RegisterKey,
    state: &mut WorkshopState,
    errors: &mut Vec<String>,
    commands: &mut Vec<Command>,
) {
    let Some(live) = state.live.as_mut() else {
        return;
    };
    let ctx = ui.ctx().clone();
    live.refresh(register, register_key);
    if live.dialog.is_none() {
        for action in take_key_actions(&ctx) {
            live.act(action, register, commands);
            live.refresh(register, register_key);
        }
    }
    let sizes = Sizes::for_height(ctx.content_rect().height());
    let frame = egui::Frame::new()
        .fill(colours::BACKGROUND)
        .inner_margin(egui::Margin::symmetric(28, 12));
    egui::Panel::top("presenter-header")
        .frame(frame)
        .show_separator_line(false)
        .show(ui, |ui| header_ui(ui, register, live, sizes));
    egui::Panel::bottom("presenter-footer")
        .frame(frame)
        .show_separator_line(false)
        .show(ui, |ui| footer_ui(ui, register, live, sizes, commands));
    egui::CentralPanel::default().frame(frame).show(ui, |ui| {
        banner_ui(ui, live, errors, sizes);
        match live.showing {
            Showing::OneEntry => entry_ui(ui, register, live, sizes),
            Showing::RankedList => list_ui(ui, live, register, sizes),
        }
    });
    dialog_ui(&ctx, register, live, sizes, commands);
}

fn header_ui(ui: &mut Ui, register: &Register, live: &Live, sizes: Sizes) {
    ui.horizontal(|ui| {
        label(ui, bold(&live.session.title, sizes.px(28.0)));
        let in_scope = register
            .entries
            .iter()
            .filter(|entry| live.session.scope.contains(entry))
            .count();
        label(
            ui,
            muted(
                format!(
                    "{} · {} · {in_scope} entries",
                    long_date(live.session.date),
                    live.session.scope
                ),
                sizes.px(22.0),
            ),
        );
    });
}

fn banner_ui(ui: &mut Ui, live: &Live, errors: &mut Vec<String>, sizes: Sizes) {
    let mut dismissed = None;
    for (error_idx, error) in errors.iter().enumerate() {
        egui::Frame::new()
            .fill(colours::ERROR_FILL)
            .corner_radius(CornerRadius::same(6))
            .inner_margin(egui::Margin::symmetric(14, 6))
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    if ui.button("Dismiss").clicked() {
                        dismissed = Some(error_idx);
                    }
                    ui.add(
                        egui::Label::new(
                            RichText::new(error)
                                .size(sizes.px(22.0))
                                .color(colours::ON_FILL),
                        )
                        .wrap(),
                    );
                });
            });
        ui.add_space(4.0);
    }
    if let Some(error_idx) = dismissed
        && error_idx < errors.len()
    {
        errors.remove(error_idx);
    }
    if let Some(message) = &live.message {
        let (fill, words) = match message {
            Message::Done(words) => (colours::NOTICE_FILL, words),
            Message::Refused(words) => (colours::ERROR_FILL, words),
        };
        egui::Frame::new()
            .fill(fill)
            .corner_radius(CornerRadius::same(6))
            .inner_margin(egui::Margin::symmetric(14, 6))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.add(
                    egui::Label::new(
                        RichText::new(words)
                            .font(theme::bold_family_size(sizes.px(24.0)))
                            .color(colours::ON_FILL),
                    )
                    .wrap(),
                );
            });
        ui.add_space(sizes.px(8.0));
    }
}

fn entry_ui(ui: &mut Ui, register: &Register, live: &Live, sizes: Sizes) {
    let Some(current) = live.current_rank() else {
        label(
            ui,
            text("No entries in this session's scope.", sizes.px(28.0)),
        );
        return;
    };
    let Some(entry) = register.entries.get(current.entry_idx) else {
        return;
    };
    let scores = EntryScores::of(entry, register);
    ScrollArea::vertical()
        .id_salt("presenter-entry")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                label(
                    ui,
                    bold(
                        format!("Rank {} of {}", current.rank, live.order.len()),
                        sizes.px(32.0),
                    ),
                );
                ui.add_space(sizes.px(12.0));
                tier_tag(ui, current.tier, sizes.px(26.0));
                if current.is_tied {
                    tag(ui, "TIE", colours::TIE, colours::ON_TAG, sizes.px(22.0));
                }
                if current.is_moved {
                    tag(ui, "MOVED", colours::MOVED, colours::ON_TAG, sizes.px(22.0));
                }
            });
            ui.add_space(sizes.px(10.0));
            label(
                ui,
                muted(format!("{} · {}", entry.id, entry.system), sizes.px(24.0)),
            );
            ui.add(
                egui::Label::new(bold(&entry.issue, sizes.px(44.0)))
                    .wrap()
                    .selectable(false),
            );
            ui.add_space(sizes.px(10.0));
            ui.add(
                egui::Label::new(text(&entry.concern, sizes.px(26.0)))
                    .wrap()
                    .selectable(false),
            );
            ui.add_space(sizes.px(18.0));
            ui.horizontal(|ui| {
                score_tag(ui, register, "Residual", scores.residual.as_ref(), sizes);
                score_tag(ui, register, "Inherent", scores.inherent.as_ref(), sizes);
            });
            ui.add_space(sizes.px(12.0));
            ui.horizontal(|ui| {
                label(
                    ui,
                    bold(
                        format!("{} this session", votes(current.session_votes)),
                        sizes.px(28.0),
                    ),
                );
                if entry.votes > 0 {
                    label(
                        ui,
                        muted(
                            format!("(and {} before)", votes(entry.votes)),
                            sizes.px(22.0),
                        ),
                    );
                }
            });
            ui.add_space(sizes.px(8.0));
            ui.add(
                egui::Label::new(muted(&current.reason, sizes.px(22.0)))
                    .wrap()
                    .selectable(false),
            );
            for manual in live
                .session
                .moves()
                .iter()
                .filter(|manual| manual.entry == current.entry)
            {
                let way = if manual.to_rank < manual.from_rank {
                    "up"
                } else {
                    "down"
                };
                ui.add(
                    egui::Label::new(text(
                        format!("Moved {way} by hand: {}", manual.reason),
                        sizes.px(22.0),
                    ))
                    .wrap()
                    .selectable(false),
                );
            }
        });
}

fn list_ui(ui: &mut Ui, live: &mut Live, register: &Register, sizes: Sizes) {
    let row_height = sizes.px(86.0);
    let mut area = ScrollArea::vertical()
        .id_salt("presenter-list")
        .auto_shrink([false, false]);
    if live.scroll_to_current
        && let Some(position) = live.current_position()
    {
        let spacing = ui.spacing().item_spacing.y;
        let offset =
            position as f32 * (row_height + spacing) - (ui.available_height() - row_height) / 2.0;
        area = area.vertical_scroll_offset(offset.max(0.0));
        live.scroll_to_current = false;
    }
    let current = live.current_position();
    let mut clicked = None;
    area.show_rows(ui, row_height, live.order.len(), |ui, range| {
        for position in range {
            let Some(rank) = live.order.get(position) else {
                continue;
            };
            let is_current = current == Some(position);
            if row_ui(ui, register, rank, is_current, row_height, sizes).clicked() {
                clicked = Some(rank.entry.clone());
            }
        }
    });
    if let Some(entry) = clicked {
        live.current = Some(entry);
    }
}

/// One row of the ranked list: rank, id, issue, tier, votes; then tags and the reason line.
fn row_ui(
    ui: &mut Ui,
    register: &Register,
    rank: &LiveRank,
    is_current: bool,
    height: f32,
    sizes: Sizes,
) -> egui::Response {
    let (rect, response) =
        ui.allocate_exact_size(Vec2::new(ui.available_width(), height), Sense::click());
    let radius = CornerRadius::same(6);
    let fill = if is_current {
        colours::CURRENT
    } else {
        colours::CARD
    };
    ui.painter().rect_filled(rect, radius, fill);
    if rank.is_tied {
        let bar = egui::Rect::from_min_size(rect.min, Vec2::new(sizes.px(8.0), rect.height()));
        ui.painter().rect_filled(bar, radius, colours::TIE);
    }
    if is_current {
        ui.painter().rect_stroke(
            rect,
            radius,
            Stroke::new(sizes.px(3.0), colours::TEXT),
            StrokeKind::Inside,
        );
    }
    let inner = rect.shrink2(Vec2::new(sizes.px(20.0), sizes.px(6.0)));
    let mut row = ui.new_child(
        UiBuilder::new()
            .max_rect(inner)
            .layout(Layout::top_down(Align::Min)),
    );
    let entry = register.entries.get(rank.entry_idx);
    let rank_width = sizes.px(86.0);
    let line_height = sizes.px(42.0);
    row.horizontal(|ui| {
        ui.set_height(line_height);
        let rank_text = if rank.is_tied {
            format!("{}=", rank.rank)
        } else {
            rank.rank.to_string()
        };
        column(ui, rank_width, line_height, |ui| {
            label(ui, bold(rank_text, sizes.px(32.0)));
        });
        column(ui, sizes.px(150.0), line_height, |ui| {
            label(ui, muted(rank.entry.as_str(), sizes.px(24.0)));
        });
        let right_width = sizes.px(330.0);
        let issue_width = (ui.available_width() - right_width).max(sizes.px(120.0));
        column(ui, issue_width, line_height, |ui| {
            let issue = entry.map_or("", |entry| entry.issue.as_str());
            ui.add(
                egui::Label::new(bold(issue, sizes.px(28.0)))
                    .truncate()
                    .selectable(false),
            );
        });
        column(ui, sizes.px(150.0), line_height, |ui| {
            tier_tag(ui, rank.tier, sizes.px(24.0));
        });
        column(ui, sizes.px(170.0), line_height, |ui| {
            let words = votes(rank.session_votes);
            if rank.session_votes == 0 {
                label(ui, muted(words, sizes.px(24.0)));
            } else {
                label(ui, bold(words, sizes.px(26.0)));
            }
        });
    });
    row.horizontal(|ui| {
        ui.add_space(rank_width + ui.spacing().item_spacing.x);
        if rank.is_tied {
            tag(ui, "TIE", colours::TIE, colours::ON_TAG, sizes.px(18.0));
        }
        if rank.is_moved {
            tag(ui, "MOVED", colours::MOVED, colours::ON_TAG, sizes.px(18.0));
        }
        ui.add(
            egui::Label::new(muted(&rank.reason, sizes.px(20.0)))
                .truncate()
                .selectable(false),
        );
    });
    response
}

/// A fixed-width cell in a row, its content left-aligned and centred vertically.
fn column(ui: &mut Ui, width: f32, height: f32, add: impl FnOnce(&mut Ui)) {
    ui.allocate_ui_with_layout(
        Vec2::new(width, height),
        Layout::left_to_right(Align::Center),
        |ui| {
            ui.set_min_size(Vec2::new(width, height));
            add(ui);
        },
    );
}

/// The participants with the votes each has left, the keys, and the session's buttons.
fn footer_ui(
    ui: &mut Ui,
    register: &Register,
    live: &mut Live,
    sizes: Sizes,
    commands: &mut Vec<Command>,
) {
    participants_ui(ui, register, live, sizes);
    ui.add_space(sizes.px(6.0));
    label(
        ui,
        muted(
            "↑ ↓ entry   1–9 vote   Shift+1–9 take back   M S C W tier (again to clear)   \
             Ctrl+↑ ↓ move, with a reason   L list or one entry   F11 full screen",
            sizes.px(19.0),
        ),
    );
    ui.add_space(sizes.px(6.0));
    session_buttons_ui(ui, register, live, sizes, commands);
}

/// Each participant with the votes they have left, and + and − buttons for the current entry,
/// as cards of one width in as many rows as they need.
fn participants_ui(ui: &mut Ui, register: &Register, live: &mut Live, sizes: Sizes) {
    let min_width = sizes.px(400.0);
    let gap = sizes.px(10.0);
    let width = ui.available_width();
    let mut per_row = 1;
    while (per_row + 1) as f32 * (min_width + gap) <= width + gap {
        per_row += 1;
    }
    // The cards share the row out evenly, so names get all the room there is.
    let card = Vec2::new(
        (width - gap * (per_row - 1) as f32) / per_row as f32,
        sizes.px(44.0),
    );
    let mut voted = None;
    let mut withdrew = None;
    let participants = live.session.participants();
    for (row_idx, row) in participants.chunks(per_row).enumerate() {
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = gap;
            for (in_row, participant) in row.iter().enumerate() {
                let participant_idx = row_idx * per_row + in_row;
                let (rect, _) = ui.allocate_exact_size(card, Sense::hover());
                ui.painter()
                    .rect_filled(rect, CornerRadius::same(6), colours::CARD);
                let mut inner = ui.new_child(
                    UiBuilder::new()
                        .max_rect(rect.shrink2(Vec2::new(sizes.px(10.0), 0.0)))
                        .layout(Layout::left_to_right(Align::Center)),
                );
                inner.spacing_mut().item_spacing.x = sizes.px(6.0);
                let (plus, minus) = participant_card_ui(
                    &mut inner,
                    &live.session,
                    participant_idx,
                    &participant.name,
                    live.current.as_ref(),
                    sizes,
                );
                if plus {
                    voted = Some(participant_idx);
                }
                if minus {
                    withdrew = Some(participant_idx);
                }
            }
        });
    }
    if let Some(participant_idx) = voted {
        live.vote(register, participant_idx);
    }
    if let Some(participant_idx) = withdrew {
        live.withdraw(participant_idx);
    }
}

/// One participant's card: number and name, votes left, and whether + or − was clicked.
fn participant_card_ui(
    ui: &mut Ui,
    session: &Session,
    participant_idx: usize,
    name: &str,
    current: Option<&EntryId>,
    sizes: Sizes,
) -> (bool, bool) {
    let budget = session.votes_per_participant();
    let left = session.votes_left(participant_idx);
    // The number is the key that votes for them.
    let number = if participant_idx < 9 {
        format!("{} ", participant_idx + 1)
    } else {
        String::new()
    };
    // Fixed columns, so the cards line up; the name is cut if long.
    let height = ui.available_height();
    let spacing = ui.spacing().item_spacing.x;
    let dots_width = if budget <= 6 {
        sizes.px(14.0) * budget as f32
    } else {
        0.0
    };
    let left_width = sizes.px(72.0);
    let buttons_width = sizes.px(80.0);
    let name_width =
        (ui.available_width() - dots_width - left_width - buttons_width - 3.0 * spacing)
            .max(sizes.px(60.0));
    column(ui, name_width, height, |ui| {
        ui.add(
            egui::Label::new(bold(format!("{number}{name}"), sizes.px(21.0)))
                .truncate()
                .selectable(false),
        );
    });
    if budget <= 6 {
        let spent = budget.saturating_sub(left);
        let dots: String = std::iter::repeat_n('●', usize::try_from(left).unwrap_or(0))
            .chain(std::iter::repeat_n(
                '○',
                usize::try_from(spent).unwrap_or(0),
            ))
            .collect();
        column(ui, dots_width, height, |ui| {
            label(ui, text(dots, sizes.px(20.0)));
        });
    }
    column(ui, left_width, height, |ui| {
        let words = format!("{left} left");
        if left == 0 {
            label(ui, muted(words, sizes.px(21.0)));
        } else {
            label(ui, bold(words, sizes.px(21.0)));
        }
    });
    let Some(entry) = current else {
        return (false, false);
    };
    let plus = ui
        .add(egui::Button::new(bold("+", sizes.px(20.0))).fill(colours::CURRENT))
        .on_hover_text(format!("{name} votes for {entry}"))
        .clicked();
    let minus = ui
        .add(egui::Button::new(bold("−", sizes.px(20.0))).fill(colours::CURRENT))
        .on_hover_text(format!("{name} takes a vote back from {entry}"))
        .clicked();
    (plus, minus)
}

fn session_buttons_ui(
    ui: &mut Ui,
    register: &Register,
    live: &mut Live,
    sizes: Sizes,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        let button = |words: &str| {
            egui::Button::new(bold(words, sizes.px(20.0)))
                .fill(colours::CARD)
                .stroke(Stroke::new(1.0, colours::MUTED))
        };
        let switch = match live.showing {
            Showing::OneEntry => "Ranked list",
            Showing::RankedList => "One entry",
        };
        if ui.add(button(switch)).clicked() {
            live.act(KeyAction::SwitchShowing, register, commands);
        }
        let fullscreen = if live.is_fullscreen {
            WorkshopCommand::LeaveFullscreen
        } else {
            WorkshopCommand::EnterFullscreen
        };
        if ui.add(button(fullscreen.label())).clicked() {
            commands.push(Command::Workshop(fullscreen));
        }
        if ui
            .add(button("Back to the app"))
            .on_hover_text("The session keeps running: the Workshop view brings it back")
            .clicked()
        {
            if live.is_fullscreen {
                commands.push(Command::Workshop(WorkshopCommand::LeaveFullscreen));
            }
            commands.push(Command::ShowView(View::Register));
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if ui.add(button("End session…")).clicked() {
                live.dialog = Some(Dialog::ConfirmEnd);
            }
            if ui.add(button("Discard session…")).clicked() {
                live.dialog = Some(Dialog::ConfirmDiscard);
            }
        });
    });
}

/// Draws the presenter's question, if it is asking one, and acts on the answer.
fn dialog_ui(
    ctx: &egui::Context,
    register: &Register,
    live: &mut Live,
    sizes: Sizes,
    commands: &mut Vec<Command>,
) {
    let Some(mut dialog) = live.dialog.take() else {
        return;
    };
    let modal = Modal::new(egui::Id::unique("presenter-question")).show(ctx, |ui| {
        ui.set_width(sizes.px(760.0));
        match &mut dialog {
            Dialog::Move(prompt) => move_prompt_ui(ui, register, live, prompt, sizes),
            Dialog::ConfirmEnd => {
                let summary = format!(
                    "{} cast, {} set, {}.",
                    votes(live.num_votes_cast()),
                    counted(live.num_tiers_set(), "tier", "tiers"),
                    counted(live.session.moves().len(), "manual move", "manual moves")
                );
                let answer = confirm_ui(
                    ui,
                    "End the workshop?",
                    &[
                        &summary,
                        "Ending stores the workshop record in the register (Undo takes it back in \
                         one step), takes a snapshot named after the workshop and saves the register.",
                    ],
                    "End and record",
                    sizes,
                );
                if answer == Some(true) {
                    commands.push(Command::Workshop(WorkshopCommand::End));
                }
                answer.is_none()
            }
            Dialog::ConfirmDiscard => {
                let answer = confirm_ui(
                    ui,
                    "Discard this session?",
                    &["Its votes, tiers and moves are lost; nothing is recorded."],
                    "Discard session",
                    sizes,
                );
                if answer == Some(true) {
                    commands.push(Command::Workshop(WorkshopCommand::Discard));
                }
                answer.is_none()
            }
        }
    });
    if modal.inner && !modal.should_close() {
        live.dialog = Some(dialog);
    }
}

/// Asks why the entry moves; moves it once a reason is given. True while the prompt stays open.
fn move_prompt_ui(
    ui: &mut Ui,
    register: &Register,
    live: &mut Live,
    prompt: &mut MovePrompt,
    sizes: Sizes,
) -> bool {
    let entry = prompt.entry.clone();
    let (way, to_rank) = match prompt.direction {
        Direction::Up => ("up", prompt.from_rank.saturating_sub(1)),
        Direction::Down => ("down", prompt.from_rank + 1),
    };
    ui.label(
        RichText::new(format!(
            "Move {entry} {way}, from rank {} to {to_rank}",
            prompt.from_rank
        ))
        .font(theme::bold_family_size(sizes.px(28.0))),
    );
    ui.add_space(sizes.px(6.0));
    let question = ui.label(
        RichText::new("Why? The reason is recorded with the workshop.").size(sizes.px(22.0)),
    );
    let field = ui
        .add(
            egui::TextEdit::singleline(&mut prompt.reason)
                .background_color(ui.visuals().faint_bg_color)
                .font(FontId::proportional(sizes.px(24.0)))
                .desired_width(f32::INFINITY)
                .hint_text("A short reason"),
        )
        .labelled_by(question.id);
    if prompt.focus {
        field.request_focus();
        prompt.focus = false;
    }
    if let Some(problem) = &prompt.problem {
        ui.label(
            RichText::new(problem)
                .size(sizes.px(20.0))
                .color(theme::error_text(ui.ctx().theme())),
        );
    }
    let entered = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
    ui.add_space(sizes.px(8.0));
    let (confirmed, cancelled) = ui
        .horizontal(|ui| {
            let confirmed = ui
                .button(RichText::new("Move").size(sizes.px(22.0)))
                .clicked();
            let cancelled = ui
                .button(RichText::new("Cancel").size(sizes.px(22.0)))
                .clicked();
            (confirmed, cancelled)
        })
        .inner;
    if cancelled {
        return false;
    }
    if !(confirmed || entered) {
        return true;
    }
    match live
        .session
        .move_entry(register, &entry, prompt.direction, &prompt.reason)
    {
        Ok(()) => {
            live.revision += 1;
            live.scroll_to_current = true;
            live.message = Some(Message::Done(format!(
                "{entry} moved {way} to rank {to_rank}: {}",
                prompt.reason.trim()
            )));
            false
        }
        Err(WorkshopError::MoveWithoutReason { .. }) => {
            prompt.problem = Some(
                "Say why: a manual move needs a reason, so the record can explain it".to_owned(),
            );
            prompt.focus = true;
            true
        }
        Err(err) => {
            live.refuse(&err.to_string());
            false
        }
    }
}

/// A yes-or-no question: `Some(true)` for yes, `Some(false)` for "Keep going", `None` meanwhile.
fn confirm_ui(ui: &mut Ui, heading: &str, lines: &[&str], yes: &str, sizes: Sizes) -> Option<bool> {
    ui.label(RichText::new(heading).font(theme::bold_family_size(sizes.px(28.0))));
    ui.add_space(sizes.px(6.0));
    for line in lines {
        ui.label(RichText::new(*line).size(sizes.px(22.0)));
    }
    ui.add_space(sizes.px(8.0));
    ui.horizontal(|ui| {
        if ui.button(RichText::new(yes).size(sizes.px(22.0))).clicked() {
            return Some(true);
        }
        if ui
            .button(RichText::new("Keep going").size(sizes.px(22.0)))
            .clicked()
        {
            return Some(false);
        }
        None
    })
    .inner
}

// ----- The app's side -----

impl DpiaApp {
    /// The workshop session running, if any.
    pub fn workshop_session(&self) -> Option<&Session> {
        self.workshop.session()
    }

    /// While a session runs and the workshop view is shown, draws the presenter in place of the
    /// usual panels and finishes the frame; returns whether it did.
    pub(super) fn show_presenter(&mut self, ui: &mut Ui, ctx: &egui::Context) -> bool {
        if self.view.view != View::Workshop || !self.workshop.is_live() {
            return false;
        }
        self.presenter_frame(ui, ctx);
        true
    }

    /// The workshop view's panel when no session runs: past sessions and the start dialog.
    pub(super) fn workshops_view(&mut self, ui: &mut Ui) {
        workshops_ui(
            ui,
            &self.document.register,
            &mut self.workshop,
            &mut self.commands,
        );
    }

    /// Draws the presenter in place of the usual panels, then finishes the frame as `show` does.
    fn presenter_frame(&mut self, ui: &mut Ui, ctx: &egui::Context) {
        presenter_ui(
            ui,
            &self.document.register,
            self.document.state_key(),
            &mut self.workshop,
            &mut self.errors,
            &mut self.commands,
        );
        self.finish_frame(ctx);
    }

    /// The Workshops menu.
    pub(super) fn workshop_menu_ui(&mut self, ui: &mut Ui) {
        if self.workshop.is_live() {
            self.menu_item_named(
                ui,
                Command::ShowView(View::Workshop),
                "Presenter view",
                true,
            );
        } else {
            self.menu_item(ui, Command::Workshop(WorkshopCommand::Start));
            self.menu_item_named(
                ui,
                Command::ShowView(View::Workshop),
                "Past workshops",
                true,
            );
        }
    }

    /// Carries out a workshop command.
    pub(super) fn run_workshop_command(&mut self, command: WorkshopCommand, ctx: &egui::Context) {
        match command {
            WorkshopCommand::Start => {
                if !self.workshop.is_live() && self.workshop.setup.is_none() {
                    self.workshop.setup = Some(Setup::new(self.today, &self.document.register));
                }
                self.view.view = View::Workshop;
            }
            WorkshopCommand::End => self.end_workshop(ctx),
            WorkshopCommand::Discard => {
                self.leave_fullscreen(ctx);
                if self.workshop.live.take().is_some() {
                    self.notice = Some("Workshop session discarded: nothing recorded".to_owned());
                }
            }
            WorkshopCommand::EnterFullscreen => {
                ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
                if let Some(live) = self.workshop.live.as_mut() {
                    live.is_fullscreen = true;
                }
            }
            WorkshopCommand::LeaveFullscreen => self.leave_fullscreen(ctx),
        }
    }

    fn leave_fullscreen(&mut self, ctx: &egui::Context) {
        if let Some(live) = self.workshop.live.as_mut()
            && live.is_fullscreen
        {
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(false));
            live.is_fullscreen = false;
        }
    }

    /// Ends the session: the snapshot first, so that if it cannot be written nothing changes;
    /// then the record as one undoable edit; then a save.
    fn end_workshop(&mut self, ctx: &egui::Context) {
        if !self.workshop.is_live() {
            return;
        }
        let Some(path) = self.document.path.clone() else {
            // Snapshots are kept beside the register's file, so it needs one.
            self.errors.push(
                "Save the register to a file first: the workshop's snapshot is kept beside it. \
                 Then end the session again."
                    .to_owned(),
            );
            self.leave_fullscreen(ctx);
            self.file_dialogs.ask(FileRequest::SaveAs, None, ctx);
            return;
        };
        let Some(session) = self.workshop.session() else {
            return;
        };
        let taken = match snapshot_file::list(&path) {
            Ok(listed) => snapshot_file::labels(&listed),
            Err(err) => {
                self.errors.push(err.to_string());
                return;
            }
        };
        let proposed = session.snapshot_label(|label| taken.iter().any(|t| t.as_str() == label));
        let label = match Label::parse(&proposed) {
            Ok(label) => label,
            Err(err) => {
                self.errors.push(err.to_string());
                return;
            }
        };
        let (updated, record) = session.finish(&self.document.register, label.as_str());
        let note = format!("After the workshop “{}” of {}", record.title, record.date);
        let snapshot =
            match Snapshot::take(&updated, label.clone(), jiff::Timestamp::now(), "", note) {
                Ok(snapshot) => snapshot,
                Err(err) => {
                    self.errors.push(err.to_string());
                    return;
                }
            };
        if let Err(err) = snapshot_file::save_new(&path, &snapshot) {
            self.errors.push(err.to_string());
            return;
        }
        self.leave_fullscreen(ctx);
        let applied = self.apply(Edit::ReplaceRegister {
            register: Box::new(updated),
            label: format!("record workshop “{}”", record.title),
        });
        if !applied {
            return;
        }
        self.workshop.live = None;
        self.workshop.reviewed = self.document.register.workshops.len().checked_sub(1);
        self.keep_selection_valid();
        if self.save(ctx) {
            self.notice = Some(format!(
                "Workshop recorded and saved; snapshot {label} taken"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dpia_core::register::{Assessment, Entry, Impact, RightId, System};

    fn id(text: &str) -> EntryId {
        EntryId::parse(text).unwrap()
    }

    fn register() -> Register {
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

    fn setup() -> Setup {
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

    #[test]
    fn keys_map_to_presenter_actions() {
        let none = Modifiers::NONE;
        let check = |key, physical, modifiers, expected: Option<KeyAction>| {
            assert_eq!(
                key_action(key, physical, modifiers),
                expected,
                "{key:?} {modifiers:?}"
            );
        };
        check(Key::Num1, None, none, Some(KeyAction::Vote(0)));
        check(Key::Num9, None, none, Some(KeyAction::Vote(8)));
        check(Key::Num0, None, none, None);
        check(
            Key::Num2,
            None,
            Modifiers::SHIFT,
            Some(KeyAction::Withdraw(1)),
        );
        // Shift+2 on a UK keyboard is `"`; the physical key still says 2.
        check(
            Key::Quote,
            Some(Key::Num2),
            Modifiers::SHIFT,
            Some(KeyAction::Withdraw(1)),
        );
        check(Key::Num1, None, Modifiers::COMMAND, None);
        check(Key::M, None, none, Some(KeyAction::SetTier(Tier::Must)));
        check(
            Key::W,
            None,
            none,
            Some(KeyAction::SetTier(Tier::WontThisTime)),
        );
        check(
            Key::ArrowUp,
            None,
            Modifiers::COMMAND,
            Some(KeyAction::Move(Direction::Up)),
        );
        check(
            Key::ArrowDown,
            None,
            Modifiers::CTRL,
            Some(KeyAction::Move(Direction::Down)),
        );
        check(Key::ArrowLeft, None, none, Some(KeyAction::Previous));
        check(Key::ArrowDown, None, none, Some(KeyAction::Next));
        check(Key::S, None, Modifiers::COMMAND, None);
        check(Key::F11, None, none, Some(KeyAction::ToggleFullscreen));
        check(Key::Escape, None, none, Some(KeyAction::Escape));
        check(Key::Q, None, none, None);
    }

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
            refused(&|s| s.date = "11/07/2019".to_owned()),
            "“11/07/2019” is not a date: write it as 2019-07-11"
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

    #[test]
    fn a_held_key_votes_once_but_moves_through_entries() {
        let press = |key| Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::NONE,
        };
        // No release between presses: egui marks the second of each as a key repeat.
        let input = egui::RawInput {
            events: vec![
                press(Key::Num1),
                press(Key::Num1),
                press(Key::ArrowDown),
                press(Key::ArrowDown),
                press(Key::Q),
            ],
            ..egui::RawInput::default()
        };
        let ctx = egui::Context::default();
        let mut actions = Vec::new();
        ctx.run_ui(input, |ui| actions = take_key_actions(ui.ctx()))
            .drop_without_applying_deltas();
        assert_eq!(
            actions,
            [KeyAction::Vote(0), KeyAction::Next, KeyAction::Next]
        );
    }

    #[test]
    fn keys_act_on_the_current_entry_which_follows_its_moves() {
        let register = register();
        let mut live = Live::new(setup().start(&register).unwrap());
        live.refresh(&register, (1, 1));
        assert_eq!(live.current, Some(id("PND-001")), "the top entry first");
        let mut commands = Vec::new();
        live.act(KeyAction::Next, &register, &mut commands);
        assert_eq!(live.current, Some(id("PND-002")));
        live.act(KeyAction::Next, &register, &mut commands);
        assert_eq!(
            live.current,
            Some(id("PND-002")),
            "no further than the last"
        );
        live.act(KeyAction::Vote(1), &register, &mut commands);
        live.refresh(&register, (1, 1));
        assert_eq!(live.session.votes_for(&id("PND-002")), 1);
        assert_eq!(
            live.message,
            Some(Message::Done(
                "Org K voted for PND-002 · 2 votes left".to_owned()
            ))
        );
        live.act(KeyAction::Vote(5), &register, &mut commands);
        assert_eq!(
            live.message,
            Some(Message::Refused(
                "Not done: there is no participant 6".to_owned()
            ))
        );
        live.act(KeyAction::SetTier(Tier::Must), &register, &mut commands);
        live.refresh(&register, (1, 1));
        assert_eq!(live.session.tier(&id("PND-002")), Some(Tier::Must));
        assert_eq!(
            live.current,
            Some(id("PND-002")),
            "the current entry follows its move to the top"
        );
        assert_eq!(live.current_position(), Some(0));
        live.act(KeyAction::SetTier(Tier::Must), &register, &mut commands);
        assert_eq!(
            live.session.tier(&id("PND-002")),
            None,
            "the same tier again clears it"
        );
        live.act(KeyAction::ToggleFullscreen, &register, &mut commands);
        assert_eq!(
            commands,
            [Command::Workshop(WorkshopCommand::EnterFullscreen)]
        );
    }

    #[test]
    fn a_move_at_the_top_is_refused_before_asking_why() {
        let register = register();
        let mut live = Live::new(setup().start(&register).unwrap());
        live.refresh(&register, (1, 1));
        live.act(KeyAction::Move(Direction::Up), &register, &mut Vec::new());
        assert_eq!(live.dialog, None);
        assert_eq!(
            live.message,
            Some(Message::Refused(
                "Not done: PND-001 cannot move further".to_owned()
            ))
        );
        live.act(KeyAction::Move(Direction::Down), &register, &mut Vec::new());
        assert!(
            matches!(
                live.dialog,
                Some(Dialog::Move(MovePrompt { from_rank: 1, .. }))
            ),
            "{:?}",
            live.dialog
        );
    }

    #[test]
    fn attendance_names_only_named_participants() {
        let listed = Attendance::Listed(vec![
            Participant {
                name: "Liberty".to_owned(),
                is_pseudonym: false,
            },
            Participant {
                name: "Org K".to_owned(),
                is_pseudonym: true,
            },
        ]);
        assert_eq!(attendance_text(&listed), "2: Liberty, Org K (pseudonym)");
        assert_eq!(
            attendance_text(&Attendance::Anonymous { count: 5 }),
            "5 participants, anonymous: only counts were recorded"
        );
    }
}
