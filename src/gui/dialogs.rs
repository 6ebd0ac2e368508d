//! Dialogs: native file choosers (rfd, on a worker thread so the window never freezes), the in-app
//! path field for desktops without one, and the app's own questions (unsaved changes, a file
//! changed on disk, recovered work).
//!
//! rfd returns `None` both when the user cancels and when no chooser is available. An answer that
//! comes back faster than a person could cancel means there was no chooser: the app then asks for a
//! path in its own window, and keeps doing so for the rest of the session.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant, SystemTime};

use egui::{Key, Modal, RichText, Ui};

use super::command::Command;
use super::snapshots::{ApprovalCommand, SnapshotCommand};
use super::theme;
use crate::gui::i18n::{self, tr, tr_args};
use dpia_files::recovery::PendingRecovery;

/// An answer from rfd faster than this is taken to mean "no file chooser available".
const NO_CHOOSER_BELOW: Duration = Duration::from_millis(150);

/// Which file the user is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileRequest {
    /// A register to open.
    Open,
    /// Where to save the register.
    SaveAs,
    /// A CSV file to import entries from.
    ImportCsv,
    /// A spreadsheet (CSV or workbook) to update the register from.
    UpdateFromSpreadsheet,
    /// Where to export the entries as CSV.
    ExportCsv,
    /// Where to export the paper (PDF).
    ExportPdf,
    /// The private key to sign an approval with.
    SigningKey,
    /// The allowed-signers file to check approvals' signatures against.
    AllowedSigners,
}

impl FileRequest {
    /// The chooser's title.
    pub fn title(self) -> &'static str {
        match self {
            Self::Open => tr("app-open-register"),
            Self::SaveAs => tr("app-save-register-as"),
            Self::ImportCsv => tr("app-import-entries-from-csv"),
            Self::UpdateFromSpreadsheet => tr("app-update-from-a-spreadsheet"),
            Self::ExportCsv => tr("app-export-entries-as-csv"),
            Self::ExportPdf => tr("app-export-the-paper-as-pdf"),
            Self::SigningKey => tr("app-choose-the-private-key-to"),
            Self::AllowedSigners => tr("app-choose-the-allowed-signers-file"),
        }
    }

    fn is_save(self) -> bool {
        matches!(self, Self::SaveAs | Self::ExportCsv | Self::ExportPdf)
    }

    /// The extension of the files asked for; empty when they have none (SSH keys).
    fn extension(self) -> &'static str {
        self.extensions().first().copied().unwrap_or_default()
    }

    /// The extensions of the files asked for, the usual one first; none for SSH keys.
    fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Open | Self::SaveAs => &["ron"],
            Self::ImportCsv | Self::ExportCsv => &["csv"],
            Self::UpdateFromSpreadsheet => &["csv", "xlsx"],
            Self::ExportPdf => &["pdf"],
            Self::SigningKey | Self::AllowedSigners => &[],
        }
    }

    fn filter_name(self) -> &'static str {
        match self {
            Self::ImportCsv | Self::ExportCsv => "CSV",
            Self::UpdateFromSpreadsheet => tr("app-spreadsheet-csv-excel"),
            Self::ExportPdf => "PDF",
            Self::Open | Self::SaveAs => tr("app-register-ron"),
            Self::SigningKey | Self::AllowedSigners => "",
        }
    }

    fn button(self) -> &'static str {
        match self {
            Self::Open => tr("app-open-2"),
            Self::SaveAs => tr("app-save"),
            Self::ImportCsv => tr("app-import"),
            Self::UpdateFromSpreadsheet => tr("app-read"),
            Self::ExportCsv | Self::ExportPdf => tr("app-export"),
            Self::SigningKey | Self::AllowedSigners => tr("app-choose"),
        }
    }

    /// The command that acts on the chosen path.
    pub fn command(self, path: PathBuf) -> Command {
        match self {
            Self::Open => Command::OpenPath(path),
            Self::SaveAs => Command::SaveTo(path),
            Self::ImportCsv => Command::ImportCsvFrom(path),
            Self::UpdateFromSpreadsheet => Command::UpdateFromSpreadsheetFrom(path),
            Self::ExportCsv => Command::ExportCsvTo(path),
            Self::ExportPdf => Command::ExportPdfTo(path),
            Self::SigningKey => {
                Command::Snapshot(SnapshotCommand::Approval(ApprovalCommand::KeyChosen(path)))
            }
            Self::AllowedSigners => Command::Snapshot(SnapshotCommand::Approval(
                ApprovalCommand::AllowedSignersChosen(path),
            )),
        }
    }
}

/// Whether to try native file choosers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileChoosers {
    /// Use the desktop's chooser, falling back to the path field when there is none.
    Native,
    /// Always ask for a path in the app's window (tests, and desktops found to have no chooser).
    PathField,
}

/// The file choosers' state: at most one question open at a time.
#[derive(Debug)]
pub(super) struct FileDialogs {
    choosers: FileChoosers,
    waiting: Option<Waiting>,
    prompt: Option<PathPrompt>,
}

#[derive(Debug)]
struct Waiting {
    request: FileRequest,
    receiver: Receiver<Option<PathBuf>>,
    started: Instant,
}

/// The in-app path field.
#[derive(Debug, Clone)]
struct PathPrompt {
    request: FileRequest,
    text: String,
    /// Why the field is shown instead of the desktop's chooser.
    no_chooser: bool,
    /// Set on the first frame, to put the keyboard focus in the field.
    focus: bool,
}

impl FileDialogs {
    /// File dialogs that use `choosers`.
    pub(super) fn new(choosers: FileChoosers) -> Self {
        Self {
            choosers,
            waiting: None,
            prompt: None,
        }
    }

    /// Whether a chooser or the path field is open.
    pub(super) fn is_open(&self) -> bool {
        self.waiting.is_some() || self.prompt.is_some()
    }

    /// Asks for a file: the desktop's chooser on a worker thread, or the path field.
    ///
    /// `near` is a file whose folder and name the chooser starts from.
    pub(super) fn ask(&mut self, request: FileRequest, near: Option<&Path>, ctx: &egui::Context) {
        if self.is_open() {
            return;
        }
        if self.choosers == FileChoosers::PathField {
            self.show_path_field(request, near, false);
            return;
        }
        let (sender, receiver) = mpsc::channel();
        let start_dir = near.and_then(Path::parent).map(Path::to_owned);
        let file_name = suggested_name(request, near);
        let repaint = ctx.clone();
        // The thread words its messages in the app's language too.
        let language = i18n::language();
        let spawned = std::thread::Builder::new()
            .name("file-dialog".to_owned())
            .spawn(move || {
                i18n::set_language(language);
                let mut dialog = rfd::FileDialog::new().set_title(request.title());
                if !request.extensions().is_empty() {
                    dialog = dialog.add_filter(request.filter_name(), request.extensions());
                }
                if let Some(dir) = start_dir.filter(|d| !d.as_os_str().is_empty()) {
                    dialog = dialog.set_directory(dir);
                }
                let picked = if request.is_save() {
                    dialog.set_file_name(file_name).save_file()
                } else {
                    dialog.pick_file()
                };
                // The app may have closed meanwhile; then nobody is waiting for the answer.
                sender.send(picked).ok();
                repaint.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.waiting = Some(Waiting {
                    request,
                    receiver,
                    started: Instant::now(),
                });
            }
            Err(_) => self.show_path_field(request, near, true),
        }
    }

    /// Shows the in-app path field for `request`.
    pub(super) fn show_path_field(
        &mut self,
        request: FileRequest,
        near: Option<&Path>,
        no_chooser: bool,
    ) {
        let text = match near {
            Some(path) if request.is_save() => path
                .with_file_name(suggested_name(request, Some(path)))
                .display()
                .to_string(),
            Some(path) => path
                .parent()
                .map(|dir| format!("{}/", dir.display()))
                .unwrap_or_default(),
            None if request.is_save() => suggested_name(request, None),
            None => String::new(),
        };
        self.prompt = Some(PathPrompt {
            request,
            text,
            no_chooser,
            focus: true,
        });
    }

    /// Collects the chooser's answer, if it has come; shows the path field when it came too fast.
    pub(super) fn poll(&mut self, near: Option<&Path>) -> Option<Command> {
        let waiting = self.waiting.as_ref()?;
        let answer = match waiting.receiver.try_recv() {
            Ok(answer) => answer,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => None,
        };
        let request = waiting.request;
        let elapsed = waiting.started.elapsed();
        self.waiting = None;
        match answer {
            Some(path) => Some(request.command(path)),
            None if elapsed < NO_CHOOSER_BELOW => {
                self.choosers = FileChoosers::PathField;
                self.show_path_field(request, near, true);
                None
            }
            None => None,
        }
    }

    /// Draws the path field, if open; returns the command for the path the user confirmed.
    pub(super) fn path_field_ui(&mut self, ctx: &egui::Context) -> Option<Command> {
        let prompt = self.prompt.as_mut()?;
        let mut answer = None;
        let mut close = false;
        let modal = Modal::new(egui::Id::unique("path-field")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading(prompt.request.title());
            if prompt.no_chooser {
                ui.label(tr("app-no-file-chooser-is-available"));
            } else {
                ui.label(tr("app-type-the-file-s-full"));
            }
            ui.add_space(4.0);
            let label = ui.label(tr("app-path"));
            let field = ui.add(
                egui::TextEdit::singleline(&mut prompt.text)
                    .desired_width(f32::INFINITY)
                    .hint_text(match prompt.request {
                        FileRequest::SigningKey => "/home/you/.ssh/id_ed25519".to_owned(),
                        FileRequest::AllowedSigners => "/home/you/.ssh/allowed_signers".to_owned(),
                        request => tr_args!(
                            "app-home-you-registers-register",
                            extension = request.extension()
                        ),
                    }),
            );
            let field = field.labelled_by(label.id);
            if prompt.focus {
                field.request_focus();
                prompt.focus = false;
            }
            let path = PathBuf::from(prompt.text.trim());
            let typed = !prompt.text.trim().is_empty();
            if typed && prompt.request.is_save() && path.is_file() {
                ui.label(
                    RichText::new(tr("app-a-file-with-this-name"))
                        .color(theme::error_text(theme::look(ui.ctx()))),
                );
            }
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let confirm = ui.add_enabled(typed, egui::Button::new(prompt.request.button()));
                if typed && (confirm.clicked() || entered) {
                    answer = Some(prompt.request.command(path));
                }
                if ui.button(tr("app-cancel")).clicked() {
                    close = true;
                }
            });
        });
        // Escape closes the field even while the text field has the focus.
        let escaped = ctx.input(|i| i.key_pressed(Key::Escape));
        if answer.is_some() || close || escaped || modal.should_close() {
            self.prompt = None;
        }
        answer
    }
}

/// The file name a save chooser suggests: the register's own, with the request's extension.
fn suggested_name(request: FileRequest, near: Option<&Path>) -> String {
    let stem = near.and_then(Path::file_stem).map_or_else(
        || "register".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    );
    format!("{stem}.{}", request.extension())
}

/// What the user wanted to do when the app asked about unsaved changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Then {
    /// Start a new register.
    New,
    /// Choose a register to open.
    Open,
    /// Open this register.
    OpenPath(PathBuf),
    /// Close the app.
    Quit,
    /// Open the recovery copy of a register that had no file, as an unsaved register.
    RestoreUntitled(PathBuf),
}

/// A question the app is asking, shown as a modal window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Question {
    /// There are unsaved changes: save them, discard them, or cancel?
    UnsavedChanges(Then),
    /// The file changed on disk since it was opened: merge, reload it, save elsewhere, or cancel?
    ChangedOnDisk,
    /// The changes on disk were merged into the working register: what came in, and save now?
    Merged(MergedFromDisk),
    /// A recovery copy newer than the register was found: restore it or discard it?
    Recovery(PendingRecovery),
    /// A recovery copy of a register that had no file was left behind: restore it or discard it?
    UntitledRecovery(PendingRecovery),
}

/// What a merge with the file on disk brought in, for the user to read before saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct MergedFromDisk {
    /// The change log of what came in from disk, one line each.
    pub incoming: Vec<String>,
    /// The notes of the merge (ids renumbered).
    pub notes: Vec<String>,
}

/// The user's answer to a `Question`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Answer {
    /// Save, then go on.
    SaveThen(Then),
    /// Go on without saving.
    DiscardThen(Then),
    /// Merge the file's changes on disk into the working register (three-way, from the version
    /// loaded).
    MergeWithDisk,
    /// Save now (after a merge).
    SaveNow,
    /// Read the file again, dropping unsaved changes.
    Reload,
    /// Save to another file.
    SaveAs,
    /// Restore the recovered changes from this file.
    Restore(PathBuf),
    /// Delete the recovery copy.
    DiscardRecovery,
    /// Open the recovery copy of a register that had no file, as an unsaved register.
    RestoreUntitled(PathBuf),
    /// Delete the recovery copy of a register that had no file.
    DiscardUntitledRecovery,
    /// Do nothing.
    Cancel,
}

/// Draws `question` as a modal window; returns the answer once the user gives one.
pub(super) fn question_ui(
    ctx: &egui::Context,
    question: &Question,
    file_name: &str,
) -> Option<Answer> {
    let mut answer = None;
    let modal = Modal::new(egui::Id::unique("question")).show(ctx, |ui| {
        ui.set_width(480.0);
        match question {
            Question::UnsavedChanges(then) => {
                ui.heading(tr("app-save-changes"));
                ui.label(tr_args!(
                    "app-save-before",
                    file_name = file_name,
                    then = match then {
                        Then::New => "new",
                        Then::Open | Then::OpenPath(_) => "open",
                        Then::Quit => "quit",
                        Then::RestoreUntitled(_) => "recovered",
                    }
                ));
                buttons(
                    ui,
                    &mut answer,
                    &[
                        (tr("app-save"), Answer::SaveThen(then.clone())),
                        (tr("app-discard-changes"), Answer::DiscardThen(then.clone())),
                        (tr("app-cancel"), Answer::Cancel),
                    ],
                );
            }
            Question::ChangedOnDisk => {
                ui.heading(tr("app-the-file-changed-on-disk"));
                ui.label(tr_args!(
                    "app-was-changed-by-someone-or",
                    file_name = file_name
                ));
                ui.label(tr("app-merge-them-with-yours-the"));
                buttons(
                    ui,
                    &mut answer,
                    &[
                        (tr("app-merge"), Answer::MergeWithDisk),
                        (tr("app-reload"), Answer::Reload),
                        (tr("app-save-as"), Answer::SaveAs),
                        (tr("app-cancel"), Answer::Cancel),
                    ],
                );
            }
            Question::Merged(merged) => merged_ui(ui, merged, file_name, &mut answer),
            Question::Recovery(recovery) => {
                ui.heading(tr("app-recover-unsaved-changes"));
                ui.label(tr_args!(
                    "app-changes-to-that-were-never",
                    file_name = file_name,
                    modified = local_time(recovery.modified)
                ));
                ui.label(tr("app-restore-them-you-can-then"));
                buttons(
                    ui,
                    &mut answer,
                    &[
                        (tr("app-restore"), Answer::Restore(recovery.path.clone())),
                        (tr("app-discard"), Answer::DiscardRecovery),
                    ],
                );
            }
            Question::UntitledRecovery(recovery) => {
                ui.heading(tr("app-recover-a-register-that-was"));
                ui.label(tr_args!(
                    "app-a-register-with-no-file",
                    modified = local_time(recovery.modified)
                ));
                ui.label(tr("app-restore-it-as-an-unsaved"));
                buttons(
                    ui,
                    &mut answer,
                    &[
                        (
                            tr("app-restore"),
                            Answer::RestoreUntitled(recovery.path.clone()),
                        ),
                        (tr("app-discard"), Answer::DiscardUntitledRecovery),
                    ],
                );
            }
        }
    });
    // A recovery question needs an answer: closing it must not leave the copy in limbo.
    let must_answer = matches!(
        question,
        Question::Recovery(_) | Question::UntitledRecovery(_)
    );
    if answer.is_none() && modal.should_close() && !must_answer {
        answer = Some(Answer::Cancel);
    }
    answer
}

/// What a merge with the file on disk brought in, and whether to save now.
fn merged_ui(ui: &mut Ui, merged: &MergedFromDisk, file_name: &str, answer: &mut Option<Answer>) {
    ui.heading(tr("app-merged-with-the-changes-on"));
    ui.label(if merged.incoming.is_empty() {
        tr_args!("app-nothing-new-came-in-from", file_name = file_name)
    } else {
        tr_args!("app-this-came-in-from-on", file_name = file_name)
    });
    ui.label(tr("app-nothing-is-saved-yet-undo"));
    egui::ScrollArea::vertical()
        .max_height(320.0)
        .show(ui, |ui| {
            for line in merged.notes.iter().chain(&merged.incoming) {
                ui.label(line);
            }
        });
    buttons(
        ui,
        answer,
        &[
            (tr("app-save"), Answer::SaveNow),
            (tr("app-review-first"), Answer::Cancel),
        ],
    );
}

fn buttons(ui: &mut Ui, answer: &mut Option<Answer>, choices: &[(&str, Answer)]) {
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        for (label, choice) in choices {
            if ui.button(*label).clicked() {
                *answer = Some(choice.clone());
            }
        }
    });
}

/// A file time as people read it: `2019-07-11 14:32`, in local time.
fn local_time(time: SystemTime) -> String {
    jiff::Timestamp::try_from(time).map_or_else(
        |_| tr("app-an-unknown-time").to_owned(),
        |timestamp| {
            timestamp
                .to_zoned_datetime(jiff::tz::TimeZone::system())
                .strftime("%Y-%m-%d %H:%M")
                .to_string()
        },
    )
}

/// Draws the errors banner: each message from the core in full, with a button to dismiss it.
pub(super) fn errors_ui(ui: &mut Ui, errors: &mut Vec<String>) {
    let theme = theme::look(ui.ctx());
    let mut dismissed = None;
    for (error_idx, error) in errors.iter().enumerate() {
        egui::Frame::new()
            .fill(theme::error_fill(theme))
            .corner_radius(6)
            .inner_margin(egui::Margin::symmetric(12, 8))
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new(tr("app-error"))
                            .font(theme::bold_body())
                            .color(theme::error_text(theme)),
                    );
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::TOP), |ui| {
                        if ui.button(tr("app-dismiss")).clicked() {
                            dismissed = Some(error_idx);
                        }
                        ui.with_layout(egui::Layout::left_to_right(egui::Align::TOP), |ui| {
                            ui.add(
                                egui::Label::new(
                                    RichText::new(error).color(theme::error_text(theme)),
                                )
                                .wrap(),
                            );
                        });
                    });
                });
            });
        ui.add_space(4.0);
    }
    if let Some(error_idx) = dismissed
        && error_idx < errors.len()
    {
        errors.remove(error_idx);
    }
}
