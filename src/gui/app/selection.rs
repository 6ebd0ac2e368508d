//! The selected entry: choosing one when the register opens or changes, following a new entry,
//! and moving up and down the table.
//!
//! The selection is view state: it is never saved into the register file.

use super::DpiaApp;

use dpia_core::filter::Filter;
use dpia_core::register::EntryId;

impl DpiaApp {
    pub(super) fn select_first(&mut self) {
        self.derived.refresh(&self.document, &self.view);
        self.view.selection = self
            .derived
            .rows
            .first()
            .and_then(|position| self.derived.ranked.get(*position))
            .and_then(|ranked| self.document.register.entries.get(ranked.entry_idx))
            .map(|entry| entry.id.clone());
    }

    pub(super) fn select_last(&mut self) {
        self.view.selection = self.document.register.entries.last().map(|e| e.id.clone());
        self.view.scroll_to_selection = true;
        // A new entry may not pass the filters; show it anyway.
        self.derived.refresh(&self.document, &self.view);
        let shown_entries = self.shown_entries();
        let shown = self
            .view
            .selection
            .as_ref()
            .is_some_and(|id| shown_entries.contains(id));
        if !shown {
            self.view.filter = Filter::default();
        }
    }

    pub(in crate::gui) fn keep_selection_valid(&mut self) {
        let exists = self
            .view
            .selection
            .as_ref()
            .is_some_and(|id| self.document.register.entry(id).is_some());
        if !exists {
            self.select_first();
        }
    }

    /// The entry after the selected one in the table (or before it, at the end).
    pub(super) fn neighbour_of_selection(&mut self) -> Option<EntryId> {
        let shown = self.shown_entries();
        let selected = self.view.selection.as_ref()?;
        let row = shown.iter().position(|id| id == selected)?;
        shown
            .get(row + 1)
            .or_else(|| row.checked_sub(1).and_then(|previous| shown.get(previous)))
            .cloned()
    }

    pub(super) fn move_selection(&mut self, step: isize) {
        let shown = self.shown_entries();
        let row = self
            .view
            .selection
            .as_ref()
            .and_then(|selected| shown.iter().position(|id| id == selected));
        let next = match row {
            Some(row) => row.checked_add_signed(step).filter(|r| *r < shown.len()),
            None => Some(0),
        };
        if let Some(id) = next.and_then(|row| shown.get(row)) {
            self.view.selection = Some(id.clone());
            self.view.scroll_to_selection = true;
            self.document.history.seal();
        }
    }

    /// Keeps the table on the selected entry: a filter that hides it selects the first entry it
    /// shows (so the editor never shows a hidden entry), and when the selected entry's row moves
    /// (a re-rank, an undo or redo, a new filter or file) the table scrolls to it.
    pub(super) fn follow_selection(&mut self) {
        if self.view.filter != self.view.followed.filter {
            self.view.followed.filter = self.view.filter.clone();
            let shown = self
                .view
                .selection
                .as_ref()
                .and_then(|id| self.document.register.entry_idx(id))
                .and_then(|entry_idx| self.derived.row_of_entry(entry_idx))
                .is_some();
            if !shown {
                self.select_first();
            }
            self.view.scroll_to_selection = true;
        }
        let followed = &self.view.followed;
        if followed.rows_version == self.derived.rows_version
            && followed.selection == self.view.selection
        {
            return;
        }
        let row = self
            .view
            .selection
            .as_ref()
            .and_then(|selected| self.document.register.entry_idx(selected))
            .and_then(|entry_idx| self.derived.row_of_entry(entry_idx));
        if row != self.view.followed.row {
            self.view.scroll_to_selection = true;
        }
        self.view.followed.rows_version = self.derived.rows_version;
        self.view.followed.selection = self.view.selection.clone();
        self.view.followed.row = row;
    }
}
