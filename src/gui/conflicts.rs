//! The Resolve conflicts view: each conflict a merge left in the register, side by side — before,
//! yours (in place), theirs — to settle with yours or theirs, one undoable step each, or to edit
//! in the entry's editor first and then keep.
//!
//! Draws only: settling pushes `Command::Edit(Edit::ResolveConflict)`, so it goes through the
//! history and the audit trail like any edit.

use egui::{RichText, Ui};

use super::Command;
use super::state::View;
use super::theme;
use crate::gui::error_text::conflict_what;
use crate::gui::i18n::{tr, tr_args};
use dpia_core::edit::Edit;
use dpia_core::merge::Choice;
use dpia_core::register::{Conflict, Register};

/// Draws the view.
pub(super) fn conflicts_ui(ui: &mut Ui, register: &Register, commands: &mut Vec<Command>) {
    ui.heading(tr("register-resolve-conflicts"));
    if register.conflicts.is_empty() {
        ui.label(tr("register-no-conflicts-remain-save-the"));
        return;
    }
    ui.label(tr_args!(
        "register-conflicts-about",
        count = register.conflicts.len()
    ));
    ui.add_space(8.0);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (conflict_idx, conflict) in register.conflicts.iter().enumerate() {
                conflict_ui(ui, register, conflict_idx, conflict, commands);
                ui.add_space(8.0);
            }
        });
}

/// One conflict as a card: where, the three values, and the choices.
fn conflict_ui(
    ui: &mut Ui,
    register: &Register,
    conflict_idx: usize,
    conflict: &Conflict,
    commands: &mut Vec<Command>,
) {
    let what = conflict_what(conflict);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        // Clear of the scroll bar on the right.
        ui.set_width(ui.available_width() - 16.0);
        ui.label(RichText::new(format!("{}. {what}", conflict_idx + 1)).font(theme::bold_body()));
        // Three equal columns, top-aligned, so a long value wraps in its own third.
        let values = [
            (tr("register-before-base"), &conflict.base),
            (tr("register-yours-in-place"), &conflict.ours),
            (tr("register-theirs"), &conflict.theirs),
        ];
        ui.columns(3, |columns| {
            for (column, (heading, value)) in columns.iter_mut().zip(values) {
                // Left-aligned, not justified: a wrapped value reads as ordinary text.
                column.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                    ui.label(RichText::new(heading).font(theme::bold_body()));
                    ui.add(egui::Label::new(readable(value)).wrap());
                });
            }
        });
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            for (choice, label) in [
                (Choice::Ours, tr("register-keep-yours")),
                (Choice::Theirs, tr("register-take-theirs")),
            ] {
                if ui
                    .button(tr_args!("register-for", label = label, what = what))
                    .clicked()
                    && let Some(edit) = Edit::resolve_conflict(register, conflict_idx, choice)
                {
                    commands.push(Command::Edit(edit));
                }
            }
            if let Some(entry) = &conflict.entry
                && register.entry(entry).is_some()
                && ui
                    .button(tr_args!("register-edit", entry = entry))
                    .on_hover_text(tr("register-change-it-in-the-editor"))
                    .clicked()
            {
                commands.push(Command::Select(Some(entry.clone())));
                commands.push(Command::ShowView(View::Register));
            }
        });
    });
}

/// A stored value as a person reads it: text unquoted, an absent thing as "(none)", anything else
/// as its one-line RON, cut short.
fn readable(value: &str) -> String {
    if value == tr("register-none") {
        return tr("register-none-removed").to_owned();
    }
    match ron::from_str::<String>(value) {
        Ok(text) if text.is_empty() => tr("register-empty").to_owned(),
        Ok(text) => text,
        Err(_) => Conflict::shortened(value),
    }
}

#[cfg(test)]
mod tests {
    use super::readable;

    #[test]
    fn values_read_as_text() {
        assert_eq!(readable("\"Ours\""), "Ours");
        assert_eq!(readable("\"\""), "(empty)");
        assert_eq!(readable("None"), "(none: removed)");
        assert_eq!(readable("Some(3)"), "Some(3)");
        assert!(readable(&format!("({})", "x".repeat(200))).ends_with('…'));
    }
}
