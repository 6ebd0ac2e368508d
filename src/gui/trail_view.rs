//! The audit trail in the app: an entry's history in the editor (newest first), and the
//! register-wide log in the Snapshots view. Draws `Document::trail`; changes reach it when saved.

use dpia_core::register::EntryId;
use dpia_core::trail::{TrailBlock, TrailChange};
use dpia_files::trail_file::Trail;
use egui::{RichText, Ui};
use jiff::tz::TimeZone;

use super::error_text::ErrorText;
use super::snapshots::error_line;
use crate::gui::i18n::{tr, tr_args};

/// The longest value shown in full on a history line; longer ones end in `…`, whole on hover.
const MAX_VALUE_CHARS: usize = 60;

/// The changes saved to `entry`, newest first, under a collapsible heading.
pub(super) fn entry_history_ui(ui: &mut Ui, trail: &Trail, entry: &EntryId) {
    let changes: Vec<(&TrailBlock, &TrailChange)> = trail
        .changes()
        .filter(|(_, change)| change.entry.as_ref() == Some(entry))
        .collect();
    let heading = tr_args!("register-history-saved-changes", count = changes.len());
    egui::CollapsingHeader::new(heading)
        .id_salt(("entry-history", entry.as_str()))
        .default_open(false)
        .show(ui, |ui| {
            if changes.is_empty() {
                ui.label(RichText::new(tr("register-changes-appear-here-with-who")).weak());
            }
            for (block, change) in changes.iter().rev() {
                change_line_ui(ui, block, change, false);
            }
        });
}

/// Every saved change to the register, newest first, with the trail's problems above them.
pub(super) fn register_log_ui(ui: &mut Ui, trail: &Trail) {
    for problem in &trail.problems {
        error_line(ui, &problem.error_text());
    }
    let changes: Vec<(&TrailBlock, &TrailChange)> = trail.changes().collect();
    if changes.is_empty() {
        ui.label(RichText::new(tr("register-no-saved-changes-yet-each")).size(16.0));
        return;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    egui::ScrollArea::vertical()
        .id_salt("register-log")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, changes.len(), |ui, rows| {
            for idx in rows {
                if let Some((block, change)) = changes.get(changes.len() - 1 - idx) {
                    change_line_ui(ui, block, change, true);
                }
            }
        });
}

/// One change: when, who, (which entry,) what, old → new.
fn change_line_ui(ui: &mut Ui, block: &TrailBlock, change: &TrailChange, with_entry: bool) {
    let when = block
        .time
        .to_zoned_datetime(TimeZone::UTC)
        .strftime("%Y-%m-%d %H:%M")
        .to_string();
    let entry = match (&change.entry, with_entry) {
        (Some(entry), true) => format!("{entry} "),
        (None, true) => tr("register-register").to_owned(),
        (_, false) => String::new(),
    };
    let full = format!(
        "{when}  {}  {entry}{}: \"{}\" → \"{}\"",
        block.author, change.what, change.old, change.new
    );
    let short = format!(
        "{when}  {}  {entry}{}: \"{}\" → \"{}\"",
        block.author,
        change.what,
        shortened(&change.old),
        shortened(&change.new)
    );
    ui.add(egui::Label::new(short).truncate())
        .on_hover_text(full);
}

/// `text` on one line, cut to `MAX_VALUE_CHARS` characters with `…`.
fn shortened(text: &str) -> String {
    let one_line = text.replace(['\n', '\r'], " ⏎ ");
    if one_line.chars().count() <= MAX_VALUE_CHARS {
        one_line
    } else {
        let mut cut: String = one_line.chars().take(MAX_VALUE_CHARS - 1).collect();
        cut.push('…');
        cut
    }
}
