//! Workshop mode: start a session, run it live on a projector (the presenter view), end it into a
//! workshop record and a snapshot, and review past sessions.
//!
//! The session is the core's `workshop::Session`; this module draws it and turns keys into calls on
//! it. It is held here, beside the register rather than in it: nothing reaches the register until
//! the session ends, and then as one undoable edit (`Edit::ReplaceRegister`). Must not: order the
//! entries itself (that is `Session::live_order`), or touch files except through `files`.
//!
//! The files, one concern each: `setup` (the start dialog), `live` (the session running and what
//! the keys do to it), `keys` (which key is which action), `presenter` (the full-screen view),
//! `style` (the presenter's type sizes and tags), `prompts` (its questions: why a move, end or
//! discard), `action_prompt` (an action the group commits to), `review` (the workshop view when no
//! session runs: past sessions). This file holds the state the app keeps, the commands, and the
//! app's side: starting, ending and full screen.

mod action_prompt;
mod keys;
mod live;
mod presenter;
mod prompts;
mod review;
mod setup;
mod style;

use egui::{Ui, ViewportCommand};
use jiff::civil::Date;

use self::live::Live;
use self::presenter::presenter_ui;
use self::review::workshops_ui;
use self::setup::Setup;
use super::DpiaApp;
use super::command::Command;
use super::dialogs::FileRequest;
use super::state::View;
use crate::gui::error_text::ErrorText;
use crate::gui::i18n::{self, tr, tr_args};
use dpia_core::edit::Edit;
use dpia_core::snapshot::{Label, Snapshot};
use dpia_core::workshop::Session;
use dpia_files::{snapshot_chain, snapshot_file};
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
            Self::Start => tr("workshop-start-workshop"),
            Self::End => tr("workshop-end-workshop"),
            Self::Discard => tr("workshop-discard-workshop"),
            Self::EnterFullscreen => tr("workshop-full-screen"),
            Self::LeaveFullscreen => tr("workshop-leave-full-screen"),
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

// ----- Words the views share -----

/// "1 vote", "3 votes".
fn votes(count: u32) -> String {
    tr_args!("workshop-votes", count = count)
}

/// A date as people write it: "11 July 2019".
fn long_date(date: Date) -> String {
    labels(i18n::language()).date(date)
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
                tr("workshop-presenter-view"),
                true,
            );
        } else {
            self.menu_item(ui, Command::Workshop(WorkshopCommand::Start));
            self.menu_item_named(
                ui,
                Command::ShowView(View::Workshop),
                tr("workshop-past-workshops"),
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
                    self.notice =
                        Some(tr("workshop-workshop-session-discarded-nothing-recorded").to_owned());
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
            self.errors
                .push(tr("workshop-save-the-register-to-a").to_owned());
            self.leave_fullscreen(ctx);
            self.file_dialogs.ask(FileRequest::SaveAs, None, ctx);
            return;
        };
        let Some(session) = self.workshop.session() else {
            return;
        };
        let mut taken = match snapshot_file::list(&path) {
            Ok(listed) => snapshot_file::labels(&listed),
            Err(err) => {
                self.errors.push(err.error_text());
                return;
            }
        };
        // A label the register has used is not free even if its file is gone.
        taken.extend(
            self.document
                .register
                .snapshots
                .iter()
                .map(|record| record.label.clone()),
        );
        let proposed = session.snapshot_label(|label| taken.iter().any(|t| t.as_str() == label));
        let label = match Label::parse(&proposed) {
            Ok(label) => label,
            Err(err) => {
                self.errors.push(err.error_text());
                return;
            }
        };
        let (updated, record) = session.finish(&self.document.register, label.as_str());
        let note = tr_args!(
            "workshop-after-the-workshop-of",
            title = record.title,
            date = record.date
        );
        let snapshot =
            match Snapshot::take(&updated, label.clone(), jiff::Timestamp::now(), "", note) {
                Ok(snapshot) => snapshot,
                Err(err) => {
                    self.errors.push(err.error_text());
                    return;
                }
            };
        // Recorded in the register as it stands: replacing it with `updated` keeps the record.
        if let Err(err) = snapshot_chain::keep(&path, &mut self.document.register, &snapshot) {
            self.errors.push(err.error_text());
            return;
        }
        self.leave_fullscreen(ctx);
        let applied = self.apply(Edit::ReplaceRegister {
            register: Box::new(updated),
            label: tr_args!("workshop-record-workshop", title = record.title),
        });
        if !applied {
            return;
        }
        self.workshop.live = None;
        self.workshop.reviewed = self.document.register.workshops.len().checked_sub(1);
        self.keep_selection_valid();
        if self.save(ctx) {
            self.notice = Some(tr_args!(
                "workshop-workshop-recorded-and-saved-snapshot",
                label = label
            ));
        }
    }
}
