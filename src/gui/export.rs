//! File → Export PDF…: the dialog that makes the register's paper (full or public edition,
//! optionally with the changes since a snapshot), runs the export on a worker thread with a
//! progress bar, and then offers to open the folder or the paper.
//!
//! The paper is made by `report::export` and written as it is made by `files::atomic::write_made`; this module only
//! gathers the options, moves the work off the UI thread and reports how it went. An existing
//! file is replaced only after the user says so.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::Duration;

use egui::{Align, Layout, RichText, Role, TextEdit, Ui, WidgetInfo};

use super::dialogs::FileRequest;
use super::theme;
use super::{DpiaApp, entries};
use crate::gui::error_text::ErrorText;
use dpia_core::register::{Marking, Register};
use dpia_core::snapshot::Label;
use dpia_files::approval_file;
use dpia_files::atomic::{self, MadeError};
use dpia_report::{Edition, Progress, ReportOptions};

use crate::gui::i18n::{self, tr, tr_args};
use crate::paper_approvals::{self, Printed};

/// The Export PDF dialog and the export it may be running.
#[derive(Debug, Default)]
pub(super) struct ExportDialog {
    is_open: bool,
    /// The file to write, as typed or chosen.
    path: String,
    /// The path suggested last, so a change of edition can update a suggestion nobody edited.
    suggested: String,
    /// The register file the suggestion and the snapshot choice were made for.
    made_for: Option<PathBuf>,
    is_public: bool,
    /// The marking the public edition carries, chosen on review for publication: needed when the
    /// register is marked above OFFICIAL.
    public_marking: Option<Marking>,
    /// The snapshot whose changes since go into the paper, if any.
    since: Option<Label>,
    /// The workshop (its index in `Register::workshops`) whose outcome goes into the paper, if any.
    workshop_idx: Option<usize>,
    /// Whether the action log goes into the paper.
    has_actions: bool,
    /// The existing file the user agreed to replace.
    may_replace: Option<PathBuf>,
    /// The existing file the user is being asked about.
    asking_replace: Option<PathBuf>,
    job: Option<Job>,
    outcome: Option<Outcome>,
    /// Folders and papers being opened with the desktop's default application.
    openers: Vec<Receiver<Result<(), String>>>,
}

/// An export running on its worker thread.
#[derive(Debug)]
struct Job {
    receiver: Receiver<Message>,
    progress: Progress,
    path: PathBuf,
    edition: Edition,
}

/// What the worker thread reports.
#[derive(Debug)]
enum Message {
    /// How far it has got.
    Progress(Progress),
    /// The paper was written (its size in bytes), or why not.
    Finished(Result<usize, String>),
}

/// How the last export ended.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    /// The paper was written to `path`.
    Written {
        /// The paper.
        path: PathBuf,
        /// Its size in bytes.
        size: usize,
    },
    /// It failed, for this reason.
    Failed(String),
}

/// What the user did in the dialog this frame.
enum Action {
    Choose,
    Export,
    Replace,
    KeepFile,
    OpenFolder(PathBuf),
    OpenPaper(PathBuf),
}

impl ExportDialog {
    /// Puts a path chosen in the file chooser in the dialog; the chooser has already asked about
    /// replacing an existing file.
    pub(super) fn choose_path(&mut self, path: PathBuf) {
        self.path = path.display().to_string();
        self.may_replace = Some(path);
        self.asking_replace = None;
        self.is_open = true;
    }

    /// Whether an export is running.
    fn is_running(&self) -> bool {
        self.job.is_some()
    }

    /// The file name suggested for the paper of the register at `register_path`.
    fn suggestion(&self, register_path: Option<&Path>) -> String {
        let stem = register_path
            .and_then(Path::file_stem)
            .map_or_else(|| "register".into(), |stem| stem.to_string_lossy());
        let name = if self.is_public {
            format!("{stem}-public.pdf")
        } else {
            format!("{stem}.pdf")
        };
        match register_path {
            Some(path) => path.with_file_name(name).display().to_string(),
            None => name,
        }
    }

    /// Suggests a path again unless the user typed one of their own.
    fn suggest(&mut self, register_path: Option<&Path>) {
        let suggestion = self.suggestion(register_path);
        if self.path.trim().is_empty() || self.path == self.suggested {
            self.path.clone_from(&suggestion);
        }
        self.suggested = suggestion;
    }

    /// The file the export writes: the path typed, made absolute, with `.pdf` added when it has no
    /// extension.
    fn target(&self) -> Option<PathBuf> {
        let text = self.path.trim();
        if text.is_empty() {
            return None;
        }
        let mut path = PathBuf::from(text);
        if path.extension().is_none() {
            path.set_extension("pdf");
        }
        // Absolute, so "Open the folder" has a folder to open when the register's path was relative.
        Some(std::path::absolute(&path).unwrap_or(path))
    }

    /// Collects what the worker threads have reported: a notice for the status bar, and an error
    /// (a paper or folder that would not open) for the error banner.
    fn poll(&mut self) -> (Option<String>, Option<String>) {
        let mut notice = None;
        let mut error = None;
        if let Some(job) = &mut self.job {
            loop {
                match job.receiver.try_recv() {
                    Ok(Message::Progress(progress)) => job.progress = progress,
                    Ok(Message::Finished(result)) => {
                        let outcome = match result {
                            Ok(size) => {
                                notice = Some(tr_args!(
                                    "export-exported-the-to",
                                    edition = edition_name(job.edition),
                                    path = job.path.display()
                                ));
                                Outcome::Written {
                                    path: job.path.clone(),
                                    size,
                                }
                            }
                            Err(err) => Outcome::Failed(err),
                        };
                        self.outcome = Some(outcome);
                        self.job = None;
                        break;
                    }
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => {
                        self.outcome = Some(Outcome::Failed(
                            tr("export-the-export-stopped-before-it").to_owned(),
                        ));
                        self.job = None;
                        break;
                    }
                }
            }
        }
        self.openers.retain(|receiver| match receiver.try_recv() {
            Ok(Err(err)) => {
                error = Some(err);
                false
            }
            Err(TryRecvError::Empty) => true,
            Ok(Ok(())) | Err(TryRecvError::Disconnected) => false,
        });
        (notice, error)
    }
}

impl DpiaApp {
    /// Opens the Export PDF dialog, with a path beside the register's file.
    pub(super) fn open_export_dialog(&mut self, ctx: &egui::Context) {
        // The dialog is drawn from the next frame on.
        ctx.request_repaint();
        self.fit_export_to_document();
        if !self.export.is_running() {
            self.export.outcome = None;
        }
        self.export.asking_replace = None;
        self.export.is_open = true;
    }

    /// Makes the dialog's choices fit the open register: a path beside its file, and a snapshot
    /// of its own for the change log. Called on opening, and when another register is opened.
    fn fit_export_to_document(&mut self) {
        let register_path = self.document.path.clone();
        let version_label = self.document.register.metadata.version_label.clone();
        self.versions.sync(register_path.as_deref(), &version_label);
        let export = &mut self.export;
        if export.made_for != register_path {
            export.made_for.clone_from(&register_path);
            export.since = None;
            export.workshop_idx = None;
            export.path.clear();
            export.asking_replace = None;
        }
        if export
            .since
            .as_ref()
            .is_some_and(|label| !self.versions.labels().contains(label))
        {
            export.since = None;
        }
        if export
            .workshop_idx
            .is_some_and(|idx| idx >= self.document.register.workshops.len())
        {
            export.workshop_idx = None;
        }
        export.suggest(register_path.as_deref());
    }

    /// Whether a paper is being made.
    pub fn is_exporting(&self) -> bool {
        self.export.is_running()
    }

    /// The paper the last export wrote, once it has finished.
    pub fn exported(&self) -> Option<&Path> {
        match &self.export.outcome {
            Some(Outcome::Written { path, .. }) => Some(path),
            _ => None,
        }
    }

    /// Why the last export failed, if it did.
    pub fn export_error(&self) -> Option<&str> {
        match &self.export.outcome {
            Some(Outcome::Failed(err)) => Some(err),
            _ => None,
        }
    }

    /// Collects the export's progress and draws the dialog when it is open.
    pub(super) fn export_ui(&mut self, ctx: &egui::Context) {
        let (notice, error) = self.export.poll();
        if let Some(notice) = notice {
            self.notice = Some(notice);
        }
        // A paper or folder that would not open is an error, shown whole in the banner.
        if let Some(error) = error {
            self.errors.push(error);
        }
        if self.export.is_running() {
            // The worker asks for a repaint on progress; this is the fallback.
            ctx.request_repaint_after(Duration::from_millis(200));
        }
        if !self.export.is_open {
            return;
        }
        if self.export.made_for != self.document.path && !self.export.is_running() {
            self.fit_export_to_document();
        }
        let mut is_open = true;
        let mut action = None;
        let labels = self.versions.labels();
        let register = &self.document.register;
        let has_file = self.document.path.is_some();
        let chooser_open = self.file_dialogs.is_open();
        // Drawn as the other dialogs are (a heading, the buttons in a row at the end), but as a
        // window rather than a modal, so the file chooser can open over it.
        egui::Window::new(tr("export-export-pdf"))
            .id(egui::Id::unique("export-pdf"))
            .title_bar(false)
            .collapsible(false)
            .resizable(false)
            .default_width(560.0)
            .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 90.0))
            .show(ctx, |ui| {
                ui.heading(tr("export-export-pdf"));
                ui.add_space(4.0);
                let (chosen, close) = dialog_ui(ui, &mut self.export, register, has_file, &labels);
                action = chosen;
                if close || (!chooser_open && ui.input(|i| i.key_pressed(egui::Key::Escape))) {
                    is_open = false;
                }
            });
        if !is_open {
            self.export.is_open = false;
            self.export.asking_replace = None;
        }
        match action {
            Some(Action::Choose) => {
                let near = self.export.target().or_else(|| self.document.path.clone());
                self.file_dialogs
                    .ask(FileRequest::ExportPdf, near.as_deref(), ctx);
            }
            Some(Action::Export) => self.start_export(ctx),
            Some(Action::Replace) => {
                self.export.may_replace = self.export.asking_replace.take();
                self.start_export(ctx);
            }
            Some(Action::KeepFile) => self.export.asking_replace = None,
            Some(Action::OpenFolder(folder)) => self.open_with_desktop(&folder, ctx),
            Some(Action::OpenPaper(paper)) => self.open_with_desktop(&paper, ctx),
            None => {}
        }
    }

    /// Starts making the paper on a worker thread, after asking about replacing an existing file.
    fn start_export(&mut self, ctx: &egui::Context) {
        if self.export.is_running() {
            return;
        }
        let Some(path) = self.export.target() else {
            return;
        };
        if path.exists() && self.export.may_replace.as_ref() != Some(&path) {
            self.export.asking_replace = Some(path);
            return;
        }
        self.export.asking_replace = None;
        self.export.outcome = None;
        let edition = if self.export.is_public {
            Edition::Public
        } else {
            Edition::Full
        };
        let produced = match self.clock.paper_date() {
            Ok(produced) => produced,
            Err(err) => {
                self.export.outcome = Some(Outcome::Failed(err));
                return;
            }
        };
        let since = match (&self.export.since, self.document.path.clone()) {
            (Some(label), Some(register_path)) => {
                match self.versions.snapshot(&register_path, label) {
                    Ok(snapshot) => Some((label.clone(), snapshot.register().clone())),
                    Err(err) => {
                        self.export.outcome = Some(Outcome::Failed(err));
                        return;
                    }
                }
            }
            _ => None,
        };
        let Ok(public_marking) = self.export.public_marking_for(&self.document.register) else {
            return;
        };
        let register = self.document.register.clone();
        let workshop_idx = self.export.workshop_idx;
        let actions = self.export.has_actions;
        let register_path = self.document.path.clone();
        let now = self.clock.now();
        let (sender, receiver) = mpsc::channel();
        let repaint = ctx.clone();
        let target = path.clone();
        // The thread words its messages in the app's language too.
        let language = i18n::language();
        let spawned = std::thread::Builder::new()
            .name("pdf-export".to_owned())
            .spawn(move || {
                i18n::set_language(language);
                let sections = Sections {
                    since,
                    workshop_idx,
                    actions,
                    register_path,
                    now,
                    public_marking,
                };
                let result = make_paper(
                    &register,
                    edition,
                    produced,
                    sections,
                    &target,
                    &|progress| {
                        // The app may have closed meanwhile; then nobody is waiting for the answer.
                        sender.send(Message::Progress(progress)).ok();
                        repaint.request_repaint();
                    },
                );
                sender.send(Message::Finished(result)).ok();
                repaint.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.export.job = Some(Job {
                    receiver,
                    progress: Progress::LayingOut {
                        entries_done: 0,
                        num_entries: self.document.register.entries.len(),
                    },
                    path,
                    edition,
                });
            }
            Err(err) => {
                self.export.outcome = Some(Outcome::Failed(tr_args!(
                    "export-cannot-start-the-export",
                    err = err
                )));
            }
        }
    }

    /// Opens `target` (a folder or the paper) with the desktop's default application, on a worker
    /// thread; a failure is reported in the error banner.
    fn open_with_desktop(&mut self, target: &Path, ctx: &egui::Context) {
        let (sender, receiver) = mpsc::channel();
        let opened = target.to_owned();
        let repaint = ctx.clone();
        // The thread words its messages in the app's language too.
        let language = i18n::language();
        let spawned = std::thread::Builder::new()
            .name("open-with-desktop".to_owned())
            .spawn(move || {
                i18n::set_language(language);
                let result = match std::process::Command::new("xdg-open").arg(&opened).status() {
                    Ok(status) if status.success() => Ok(()),
                    Ok(status) => Err(tr_args!(
                        "export-could-not-open-xdg-open",
                        opened = opened.display(),
                        status = status
                    )),
                    Err(err) => Err(tr_args!(
                        "export-could-not-open-cannot-run",
                        opened = opened.display(),
                        err = err
                    )),
                };
                sender.send(result).ok();
                repaint.request_repaint();
            });
        match spawned {
            Ok(_) => self.export.openers.push(receiver),
            Err(err) => {
                self.errors.push(tr_args!(
                    "export-could-not-open",
                    target = target_name(target),
                    err = err
                ));
            }
        }
    }
}

/// The optional sections of a paper: the changes since a snapshot and a workshop's outcome.
struct Sections {
    /// The snapshot's label and its register.
    since: Option<(Label, Register)>,
    /// The workshop's index in `Register::workshops`.
    workshop_idx: Option<usize>,
    /// Whether to add the action log.
    actions: bool,
    /// The register's file, beside which its snapshots and approvals are kept; `None` if unsaved.
    register_path: Option<PathBuf>,
    /// When the approvals are checked.
    now: jiff::Timestamp,
    /// The public edition's marking, where the register is marked above OFFICIAL.
    public_marking: Option<Marking>,
}

/// Asks, for the public edition of a register marked above OFFICIAL, which marking the public
/// edition carries: whoever reviews it for publication decides, and the paper says so.
fn public_marking_ui(ui: &mut Ui, export: &mut ExportDialog, register: &Register) {
    let marking = register.metadata.marking;
    if !export.is_public || marking == Marking::Official {
        return;
    }
    ui.add_space(6.0);
    message_ui(ui, Tone::Warning, |ui| {
        ui.label(tr_args!(
            "export-this-register-is-marked-which",
            marking = marking
        ));
        ui.horizontal(|ui| {
            for choice in Marking::ALL {
                if choice == marking {
                    break;
                }
                ui.radio_value(&mut export.public_marking, Some(choice), choice.label());
            }
        });
    });
}

impl ExportDialog {
    /// The public edition's marking for `register`: none needed, the one chosen, or not chosen yet.
    fn public_marking_for(&self, register: &Register) -> Result<Option<Marking>, ()> {
        if !self.is_public || register.metadata.marking == Marking::Official {
            Ok(None)
        } else {
            self.public_marking.map(Some).ok_or(())
        }
    }
}

/// Makes the paper and writes it atomically to `target`; returns its size in bytes.
fn make_paper(
    register: &Register,
    edition: Edition,
    produced: jiff::Timestamp,
    sections: Sections,
    target: &Path,
    report_progress: &dyn Fn(Progress),
) -> Result<usize, String> {
    let changes = sections.since.map(|(label, older)| {
        dpia_report::changes_since(&older, register, label.as_str(), edition)
    });
    // A working copy is a draft unless it is the same as an approved snapshot.
    let printed = match &sections.register_path {
        Some(register_path) => {
            let allowed = approval_file::allowed_signers(None).map_err(|err| {
                tr_args!("export-could-not-read-the-allowed", err = err.error_text())
            })?;
            paper_approvals::of_working_copy(
                register_path,
                register,
                allowed.as_ref(),
                sections.now,
            )
            .map_err(|err| {
                tr_args!(
                    "export-could-not-read-the-approvals",
                    err = err.error_text()
                )
            })?
        }
        None => Printed::default(),
    };
    let options = printed.into_options(ReportOptions {
        edition,
        produced: Some(produced),
        changes,
        workshop_idx: sections.workshop_idx,
        public_marking: sections.public_marking,
        actions: sections.actions,
        ..ReportOptions::default()
    });
    // Layout reports every entry; a few hundred updates are plenty for a progress bar.
    let mut last_sent = -1.0_f32;
    let mut progress = |progress: Progress| {
        let fraction = progress.fraction();
        if fraction - last_sent >= 0.005 || !matches!(progress, Progress::LayingOut { .. }) {
            last_sent = fraction;
            report_progress(progress);
        }
    };
    // The paper goes to the file as it is made; if it cannot be made, the file is left as it was.
    atomic::write_made(target, None, |file| {
        dpia_report::export_to(register, &options, &mut progress, file)
    })
    .map_err(|err| match err {
        MadeError::Making(err) => {
            tr_args!("export-could-not-make-the-paper", err = err.error_text())
        }
        MadeError::Saving(err) => err.error_text(),
    })
}

/// Draws the dialog's contents; returns what the user asked for.
/// The dialog's contents; returns what was asked for, and whether Close was pressed.
fn dialog_ui(
    ui: &mut Ui,
    export: &mut ExportDialog,
    register: &Register,
    has_file: bool,
    labels: &[Label],
) -> (Option<Action>, bool) {
    let mut action = None;
    let mut close = false;
    let is_running = export.is_running();
    ui.label(tr_args!(
        "export-an-a4-paper-of-for",
        title = register.metadata.title,
        entries = entries(register.entries.len())
    ));
    ui.add_space(8.0);
    ui.add_enabled_ui(!is_running, |ui| {
        options_ui(ui, export, register, has_file, labels, &mut action);
        public_marking_ui(ui, export, register);
    });
    ui.add_space(10.0);
    if let Some(existing) = &export.asking_replace {
        message_ui(ui, Tone::Warning, |ui| {
            ui.label(tr_args!(
                "export-exists-already-replace-it",
                existing = target_name(existing)
            ));
            ui.horizontal(|ui| {
                if ui.button(tr("export-replace")).clicked() {
                    action = Some(Action::Replace);
                }
                if ui.button(tr("export-keep-it")).clicked() {
                    action = Some(Action::KeepFile);
                }
            });
        });
        ui.add_space(6.0);
    }
    let can_export = !is_running
        && export.asking_replace.is_none()
        && export.target().is_some()
        && export.public_marking_for(register).is_ok();
    ui.horizontal(|ui| {
        let button = egui::Button::new(RichText::new(tr("app-export")).font(theme::bold_body()));
        if ui.add_enabled(can_export, button).clicked() {
            action = Some(Action::Export);
        }
        if ui.button(tr("actions-close")).clicked() {
            close = true;
        }
    });
    if let Some(job) = &export.job {
        ui.add_space(8.0);
        ui.add(
            egui::ProgressBar::new(job.progress.fraction())
                .desired_width(ui.available_width())
                .text(progress_text(job.progress)),
        );
    }
    match &export.outcome {
        Some(Outcome::Written { path, size }) => {
            ui.add_space(8.0);
            message_ui(ui, Tone::Done, |ui| {
                ui.label(tr_args!(
                    "export-written-kb",
                    path = path.display(),
                    div_ceil = size.div_ceil(1024)
                ));
                ui.horizontal(|ui| {
                    if let Some(folder) = path.parent()
                        && ui.button(tr("export-open-the-folder")).clicked()
                    {
                        action = Some(Action::OpenFolder(folder.to_owned()));
                    }
                    if ui.button(tr("export-open-the-paper")).clicked() {
                        action = Some(Action::OpenPaper(path.clone()));
                    }
                });
            });
        }
        Some(Outcome::Failed(err)) => {
            ui.add_space(8.0);
            message_ui(ui, Tone::Warning, |ui| {
                ui.add(egui::Label::new(err.as_str()).wrap());
            });
        }
        None => {}
    }
    (action, close)
}

/// The path, the edition and the change log to include.
fn options_ui(
    ui: &mut Ui,
    export: &mut ExportDialog,
    register: &Register,
    has_file: bool,
    labels: &[Label],
    action: &mut Option<Action>,
) {
    egui::Grid::new("export-options")
        .num_columns(2)
        .spacing([12.0, 10.0])
        .show(ui, |ui| {
            let save_to = ui.label(RichText::new(tr("export-save-to")).strong());
            ui.horizontal(|ui| {
                let field = ui
                    .add(
                        TextEdit::singleline(&mut export.path)
                            .desired_width(380.0)
                            .hint_text(tr("export-path-hint")),
                    )
                    .labelled_by(save_to.id);
                if field.changed() {
                    export.asking_replace = None;
                }
                if ui.button(tr("export-choose")).clicked() {
                    *action = Some(Action::Choose);
                }
            });
            ui.end_row();

            ui.label(RichText::new(tr("export-edition")).strong());
            ui.vertical(|ui| {
                if ui
                    .checkbox(&mut export.is_public, tr("export-public-edition"))
                    .changed()
                {
                    let made_for = export.made_for.clone();
                    export.suggest(made_for.as_deref());
                    export.asking_replace = None;
                }
                ui.label(
                    RichText::new(tr("export-confidential-text-is-replaced-by"))
                        .weak()
                        .small(),
                );
            });
            ui.end_row();

            ui.label(RichText::new(tr("export-changes-since")).strong());
            ui.vertical(|ui| {
                since_ui(ui, &mut export.since, labels);
                let hint = if !has_file {
                    tr("export-save-the-register-first-snapshots")
                } else if labels.is_empty() {
                    tr("export-no-snapshots-yet-take-one")
                } else {
                    tr("export-adds-the-change-log-since")
                };
                ui.label(RichText::new(hint).weak().small());
            });
            ui.end_row();
            workshop_choice_ui(ui, export, register);
        });
}

/// The "Workshop outcome" row of the options grid (none, or one of the register's workshops,
/// latest first) and the "Action log" row.
fn workshop_choice_ui(ui: &mut Ui, export: &mut ExportDialog, register: &Register) {
    let name = |idx: usize| {
        register
            .workshops
            .get(idx)
            .map_or_else(String::new, |workshop| {
                format!("{} · {}", workshop.date, workshop.title)
            })
    };
    ui.label(RichText::new(tr("export-workshop-outcome")).strong());
    ui.vertical(|ui| {
        let chosen = export
            .workshop_idx
            .map_or_else(|| tr("export-no-workshop").to_owned(), name);
        ui.add_enabled_ui(!register.workshops.is_empty(), |ui| {
            egui::ComboBox::from_id_salt("export-workshop")
                .width(220.0)
                .selected_text(chosen)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut export.workshop_idx, None, tr("export-no-workshop"));
                    for idx in (0..register.workshops.len()).rev() {
                        ui.selectable_value(&mut export.workshop_idx, Some(idx), name(idx));
                    }
                })
                .response
                .widget_info(|| {
                    WidgetInfo::labeled(Role::ComboBox, true, tr("export-workshop-outcome"))
                });
        });
        let hint = if register.workshops.is_empty() {
            tr("export-no-workshops-recorded-yet-run")
        } else {
            tr("export-adds-the-final-order-tiers")
        };
        ui.label(RichText::new(hint).weak().small());
    });
    ui.end_row();
    ui.label(RichText::new(tr("actions-action-log")).strong());
    ui.vertical(|ui| {
        ui.add_enabled(
            !register.actions.is_empty(),
            egui::Checkbox::new(&mut export.has_actions, tr("export-add-the-action-log")),
        );
        let hint = if register.actions.is_empty() {
            tr("export-the-register-has-no-actions")
        } else {
            tr("export-ongoing-proposed-complete-and-completed")
        };
        ui.label(RichText::new(hint).weak().small());
    });
    ui.end_row();
}

/// The "Changes since" picker: no change log, or one of the snapshots, newest first.
fn since_ui(ui: &mut Ui, since: &mut Option<Label>, labels: &[Label]) {
    let chosen = since.as_ref().map_or_else(
        || tr("export-no-change-log").to_owned(),
        ToString::to_string,
    );
    ui.add_enabled_ui(!labels.is_empty(), |ui| {
        egui::ComboBox::from_id_salt("export-since")
            .width(220.0)
            .selected_text(chosen)
            .show_ui(ui, |ui| {
                ui.selectable_value(since, None, tr("export-no-change-log"));
                for label in labels.iter().rev() {
                    ui.selectable_value(since, Some(label.clone()), label.as_str());
                }
            })
            .response
            .widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, tr("export-changes-since")));
    });
}

/// How a message in the dialog is coloured.
#[derive(Clone, Copy)]
enum Tone {
    /// A question about replacing a file, or an error.
    Warning,
    /// The paper is written.
    Done,
}

/// A message on a coloured ground.
fn message_ui(ui: &mut Ui, tone: Tone, add_contents: impl FnOnce(&mut Ui)) {
    let theme = theme::look(ui.ctx());
    let (fill, text) = match tone {
        Tone::Warning => (theme::error_fill(theme), Some(theme::error_text(theme))),
        Tone::Done => (theme::notice_fill(theme), None),
    };
    egui::Frame::new()
        .fill(fill)
        .corner_radius(4)
        .inner_margin(egui::Margin::symmetric(10, 6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            if let Some(text) = text {
                ui.visuals_mut().override_text_color = Some(text);
            }
            ui.with_layout(Layout::top_down(Align::Min), add_contents);
        });
}

/// The progress bar's words.
fn progress_text(progress: Progress) -> String {
    match progress {
        Progress::LayingOut {
            entries_done,
            num_entries,
        } => tr_args!(
            "export-laying-out-the-entries-of",
            entries_done = entries_done,
            num_entries = num_entries
        ),
        Progress::Writing => tr("export-writing-the-pdf").to_owned(),
        Progress::Done => tr("export-done").to_owned(),
    }
}

fn edition_name(edition: Edition) -> &'static str {
    match edition {
        Edition::Full => tr("export-full-edition"),
        Edition::Public => tr("export-public-edition-2"),
    }
}

fn target_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_suggested_file_sits_beside_the_register_and_names_the_edition() {
        let mut export = ExportDialog::default();
        let register = Path::new("/papers/leds.ron");
        export.suggest(Some(register));
        assert_eq!(export.path, "/papers/leds.pdf");
        export.is_public = true;
        export.suggest(Some(register));
        assert_eq!(
            export.path, "/papers/leds-public.pdf",
            "follows the edition"
        );
        export.path = "/elsewhere/mine.pdf".to_owned();
        export.is_public = false;
        export.suggest(Some(register));
        assert_eq!(export.path, "/elsewhere/mine.pdf", "a typed path is kept");
    }

    #[test]
    fn a_path_without_an_extension_gets_pdf() {
        let export = ExportDialog {
            path: " /papers/leds ".to_owned(),
            ..ExportDialog::default()
        };
        assert_eq!(export.target(), Some(PathBuf::from("/papers/leds.pdf")));
        let empty = ExportDialog::default();
        assert_eq!(empty.target(), None, "nothing typed, nothing to write");
    }

    #[test]
    fn progress_is_told_in_words() {
        assert_eq!(
            progress_text(Progress::LayingOut {
                entries_done: 120,
                num_entries: 1000
            }),
            "Laying out the entries: 120 of 1000"
        );
        assert_eq!(progress_text(Progress::Writing), "Writing the PDF");
    }
}
