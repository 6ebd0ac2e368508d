//! The app's state: the open `Document`, what the user is looking at (`ViewState`), and the
//! results computed from them (`Derived`), which are kept until the register or the view changes.
//!
//! Nothing here draws. The register changes only through `Document::apply`, `undo` and `redo`, which
//! also note what they touch in the journal the next save writes to the audit trail.

use std::path::{Path, PathBuf};

use super::edit_text;
use crate::gui::i18n::tr;
use dpia_core::edit::{Edit, EditError, EntryText};
use dpia_core::filter::{self, Filter, SearchText, Sort, SortKey};
use dpia_core::history::History;
use dpia_core::overview::{self, RightsBySystems};
use dpia_core::ranking::{Ranked, rank, rerank_entry};
use dpia_core::register::{EntryId, Register, Stage, SystemId};
use dpia_core::scoring::{HeatMap, heat_map};
use dpia_core::trail::Journal;
use dpia_files::recovery::Fingerprint;
use dpia_files::trail_file::Trail;

/// An open register: its contents, where it lives, and its undo history.
#[derive(Debug)]
pub(super) struct Document {
    /// The register as it stands, with unsaved changes.
    pub register: Register,
    /// The file it was opened from or last saved to; `None` for a new register.
    pub path: Option<PathBuf>,
    /// The file's fingerprint when it was opened or saved, to tell whether someone changed it since.
    pub fingerprint: Option<Fingerprint>,
    /// The register as last read from or saved to its file: the common ancestor when the file has
    /// changed on disk since and the two are merged. `None` for a register with no file.
    pub base: Option<Register>,
    /// Undo and redo.
    pub history: History,
    /// What changed since the last save, for the audit trail written at the next save.
    pub journal: Journal,
    /// The register's audit trail as read from disk (and added to at each save).
    pub trail: Trail,
    /// The history revision last saved; `None` when the register has never been saved as it stands.
    saved_revision: Option<u64>,
    /// Tells documents apart, so results computed for one are never shown for another.
    serial: u64,
    /// The revision last written to the recovery file.
    pub recovered_revision: Option<u64>,
    /// Counts changes that can move the priority order; text edits leave it alone.
    ranking_changes: u64,
    /// The last such change, when it changed one entry in place: its count and the entry's position.
    last_entry_ranking_change: Option<(u64, usize)>,
    /// Counts changes that can change which rows the table shows or their order, besides a search
    /// or a sort by text: every change but edits to text the filters do not read.
    rows_changes: u64,
    /// The history revision the document started at.
    start_revision: u64,
}

impl Document {
    /// A document for a register read from `path` (or a new one when `path` is `None`).
    pub(super) fn new(
        register: Register,
        path: Option<PathBuf>,
        fingerprint: Option<Fingerprint>,
    ) -> Self {
        static NEXT_SERIAL: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let history = History::default();
        let start_revision = history.revision();
        let saved_revision = path.is_some().then_some(start_revision);
        let base = path.is_some().then(|| register.clone());
        Self {
            register,
            path,
            fingerprint,
            base,
            history,
            journal: Journal::default(),
            trail: Trail::default(),
            saved_revision,
            serial: NEXT_SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            recovered_revision: None,
            ranking_changes: 0,
            last_entry_ranking_change: None,
            rows_changes: 0,
            start_revision,
        }
    }

    /// Applies one edit through the history, so it can be undone.
    pub(super) fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        let affects_ranking = edit.affects_ranking();
        let entry_idx = edit.entry().and_then(|id| self.register.entry_idx(id));
        let adds_entry = edit.adds_entry();
        if !is_free_text(&edit) {
            self.rows_changes += 1;
        }
        self.journal.before_edit(&self.register, &edit);
        let label = edit_text::label(&edit);
        self.history
            .apply_labelled(&mut self.register, edit, label)?;
        if adds_entry {
            self.journal.entry_added(&self.register);
        }
        if affects_ranking {
            self.ranking_changes += 1;
            self.last_entry_ranking_change = entry_idx.map(|idx| (self.ranking_changes, idx));
        }
        Ok(())
    }

    /// Takes back the last step; returns what it was.
    pub(super) fn undo(&mut self) -> Option<String> {
        if let Some(touched) = self.history.undo_touches(&self.register) {
            self.journal.touch(&self.register, &touched);
        }
        let label = self.history.undo(&mut self.register)?;
        self.ranking_changes += 1;
        self.rows_changes += 1;
        self.last_entry_ranking_change = None;
        Some(label)
    }

    /// Puts back the last step undone; returns what it was.
    pub(super) fn redo(&mut self) -> Option<String> {
        if let Some(touched) = self.history.redo_touches(&self.register) {
            self.journal.touch(&self.register, &touched);
        }
        let label = self.history.redo(&mut self.register)?;
        self.ranking_changes += 1;
        self.rows_changes += 1;
        self.last_entry_ranking_change = None;
        Some(label)
    }

    /// Whether there are changes not yet saved to the file.
    pub(super) fn is_dirty(&self) -> bool {
        self.saved_revision != Some(self.history.revision())
    }

    /// Whether the document holds work found nowhere else, which a recovery copy must keep: unsaved
    /// changes to its file, or edits to a register with no file. A register with no file that has
    /// not been edited came from somewhere still there (a paper, a recovery copy) or holds nothing.
    pub(super) fn has_work_to_keep(&self) -> bool {
        self.is_dirty() && (self.path.is_some() || self.history.revision() != self.start_revision)
    }

    /// Records that the register as it stands has been saved to `path`.
    pub(super) fn mark_saved(&mut self, path: PathBuf, fingerprint: Option<Fingerprint>) {
        self.path = Some(path);
        self.fingerprint = fingerprint;
        self.base = Some(self.register.clone());
        self.saved_revision = Some(self.history.revision());
        self.history.seal();
    }

    /// The file name for the window title, or "Untitled register".
    pub(super) fn display_name(&self) -> String {
        self.path.as_deref().and_then(Path::file_name).map_or_else(
            || tr("app-untitled-register").to_owned(),
            |name| name.to_string_lossy().into_owned(),
        )
    }

    /// Identifies what the register holds now: changes whenever the register does.
    pub(super) fn state_key(&self) -> (u64, u64) {
        (self.serial, self.history.revision())
    }

    /// Changes whenever the priority order may have changed.
    pub(super) fn ranking_key(&self) -> (u64, u64) {
        (self.serial, self.ranking_changes)
    }

    /// Changes whenever the table's rows may have changed, leaving aside a search and a sort by
    /// text (which follow `state_key`).
    pub(super) fn rows_key(&self) -> (u64, u64) {
        (self.serial, self.rows_changes)
    }
}

/// Whether `edit` changes only text that neither the filters (other than the search) nor the
/// numeric sorts read: typing in the issue, the concern, a mitigation or a note, say. The category
/// is not free text: the category filter reads it.
fn is_free_text(edit: &Edit) -> bool {
    match edit {
        Edit::SetEntryText { field, .. } => *field != EntryText::Category,
        Edit::SetMitigationText { .. }
        | Edit::SetMitigationOwner { .. }
        | Edit::SetMitigationDue { .. }
        | Edit::SetImpactNote { .. }
        | Edit::SetSourceDate { .. }
        | Edit::SetDetailText { .. }
        | Edit::SetDateIssued { .. } => true,
        _ => false,
    }
}

/// The app's views, in the order the view switcher shows them.
///
/// Later views (snapshots, PDF export, workshop presenter) are added here and in `View::ALL`.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum View {
    /// The register table with the entry editor.
    #[default]
    Register,
    /// The ranked list with reason lines.
    Priorities,
    /// The likelihood × severity heat map and the rights × systems matrix.
    HeatMap,
    /// The register's title, version, marking, systems and rights.
    Details,
    /// The register's snapshots: take one, compare versions, open one read-only, restore.
    Snapshots,
    /// Workshop sessions: the presenter while one runs, else past sessions and a way to start one.
    Workshop,
    /// The conflicts a merge left in the register, each to settle with ours or theirs.
    Conflicts,
    /// The action log: what workshops committed to, with updates and statuses.
    Actions,
}

impl View {
    /// Every view, in switcher order.
    pub const ALL: [Self; 8] = [
        Self::Register,
        Self::Priorities,
        Self::HeatMap,
        Self::Details,
        Self::Snapshots,
        Self::Workshop,
        Self::Actions,
        Self::Conflicts,
    ];

    /// The view's name in the switcher.
    pub fn label(self) -> &'static str {
        match self {
            Self::Register => tr("app-register"),
            Self::Priorities => tr("register-priorities"),
            Self::HeatMap => tr("register-heat-map"),
            Self::Details => tr("register-register-details"),
            Self::Snapshots => tr("snapshots-snapshots"),
            Self::Workshop => tr("app-workshop"),
            Self::Conflicts => tr("app-conflicts"),
            Self::Actions => tr("app-actions"),
        }
    }

    /// The view's name in the switcher in a narrow window.
    pub fn short_label(self) -> &'static str {
        match self {
            Self::Details => tr("app-details"),
            other => other.label(),
        }
    }

    /// Whether the view is offered in the menu and the switcher: the Resolve conflicts view only
    /// while the register has conflicts (or is being shown).
    pub fn is_offered(self, register: &Register, shown: Self) -> bool {
        self != Self::Conflicts || !register.conflicts.is_empty() || shown == Self::Conflicts
    }

    /// Whether the view shows the entry editor beside it.
    pub fn shows_editor(self) -> bool {
        matches!(self, Self::Register | Self::Priorities)
    }
}

/// What the user is looking at: never saved into a register file.
#[derive(Debug, Clone)]
pub(super) struct ViewState {
    /// The view shown.
    pub view: View,
    /// The entry being edited.
    pub selection: Option<EntryId>,
    /// What the register table is narrowed to.
    pub filter: Filter,
    /// The register table's order.
    pub sort: Sort,
    /// Which judgement the heat map and the matrix show.
    pub heat_map_stage: Stage,
    /// Set when the search box should take the keyboard focus.
    pub focus_search: bool,
    /// Set when the table should scroll the selected entry into view.
    pub scroll_to_selection: bool,
    /// Whether the user chose to show (or hide) the systems and filters; `None` follows the
    /// window's width.
    pub sidebar_open: Option<bool>,
    /// What the table was last checked to show the selection for (`DpiaApp::follow_selection`):
    /// the filter, the rows' version and the selected entry's row.
    pub followed: Followed,
}

/// What `DpiaApp::follow_selection` last saw.
#[derive(Debug, Clone, Default)]
pub(super) struct Followed {
    pub filter: Filter,
    pub rows_version: u64,
    pub selection: Option<EntryId>,
    pub row: Option<usize>,
}

impl Default for ViewState {
    fn default() -> Self {
        Self {
            view: View::default(),
            selection: None,
            filter: Filter::default(),
            sort: Sort::default(),
            heat_map_stage: Stage::Inherent,
            focus_search: false,
            scroll_to_selection: false,
            sidebar_open: None,
            followed: Followed::default(),
        }
    }
}

/// What the table's rows were made for: the document's state, the filter and the sort.
type RowsKey = ((u64, u64), Filter, Sort);

/// How many recent sets of rows `Derived` keeps.
const RECENT_ROWS: usize = 4;

/// Results computed from the document and the view, kept until either changes.
#[derive(Debug, Default)]
pub(super) struct Derived {
    ranking_key: Option<(u64, u64)>,
    rows_key: Option<RowsKey>,
    /// The rows made for the last few keys (the ranking unchanged), newest first.
    recent_rows: Vec<(RowsKey, Vec<usize>)>,
    /// The priority order of every entry.
    pub ranked: Vec<Ranked>,
    /// For each entry (by position in the register), its position in `ranked`.
    pub position_of_entry: Vec<usize>,
    /// The positions in `ranked` of the rows the register table shows, in order.
    pub rows: Vec<usize>,
    /// Counts the times `rows` was recomputed, so a change in them can be noticed cheaply.
    pub rows_version: u64,
    /// For each position in `ranked`, its row in `rows` (`usize::MAX` when filtered out).
    row_of_position: Vec<usize>,
    /// Entries per system, for the systems list.
    pub systems: Vec<(SystemId, usize)>,
    /// The categories in use, for the category filter, built when the filter's list is opened.
    categories: Option<((u64, u64), Vec<String>)>,
    heat_maps: Option<[HeatMap; 2]>,
    /// The entries' searchable text, built when a search needs it.
    search_text: SearchText,
    search_key: Option<(u64, u64)>,
    matrices: Option<[RightsBySystems; 2]>,
}

impl Derived {
    /// Recomputes whatever `document` or `view` has made stale.
    pub(super) fn refresh(&mut self, document: &Document, view: &ViewState) {
        let register = &document.register;
        let ranking_key = document.ranking_key();
        if self.ranking_key != Some(ranking_key) {
            // One entry changed since the ranking was made: move just that entry.
            let one_entry = match (self.ranking_key, document.last_entry_ranking_change) {
                (Some((serial, seen)), Some((change, entry_idx)))
                    if (serial, change) == ranking_key && change == seen + 1 =>
                {
                    Some(entry_idx)
                }
                _ => None,
            };
            self.ranking_key = Some(ranking_key);
            self.rows_key = None;
            self.recent_rows.clear();
            self.ranked = match one_entry {
                Some(entry_idx) => {
                    rerank_entry(register, std::mem::take(&mut self.ranked), entry_idx)
                }
                None => rank(register),
            };
            match one_entry.and_then(|entry_idx| self.position_of_entry.get(entry_idx).copied()) {
                // One entry moved: only the places between its old and new ones changed, and no
                // system gained or lost an entry.
                Some(old_position) if self.position_of_entry.len() == register.entries.len() => {
                    let new_position = one_entry
                        .and_then(|entry_idx| {
                            self.ranked.iter().position(|r| r.entry_idx == entry_idx)
                        })
                        .unwrap_or(old_position);
                    let (low, high) = (
                        old_position.min(new_position),
                        old_position.max(new_position),
                    );
                    for position in low..=high {
                        if let Some(ranked) = self.ranked.get(position)
                            && let Some(slot) = self.position_of_entry.get_mut(ranked.entry_idx)
                        {
                            *slot = position;
                        }
                    }
                }
                _ => {
                    self.position_of_entry = vec![0; register.entries.len()];
                    for (position, ranked) in self.ranked.iter().enumerate() {
                        if let Some(slot) = self.position_of_entry.get_mut(ranked.entry_idx) {
                            *slot = position;
                        }
                    }
                    self.systems = overview::entries_per_system(register);
                }
            }
            self.heat_maps = None;
            self.matrices = None;
        }
        // A search, or a sort by issue or concern, reads the text: any change can move the rows.
        // Otherwise typing leaves them as they are, and they are not recomputed for it.
        let reads_text = !view.filter.search.trim().is_empty()
            || matches!(view.sort.key, SortKey::Issue | SortKey::Concern);
        let document_key = if reads_text {
            document.state_key()
        } else {
            document.rows_key()
        };
        let rows_key = (document_key, view.filter.clone(), view.sort);
        if self.rows_key.as_ref() != Some(&rows_key) {
            let searching = !view.filter.search.trim().is_empty();
            if searching && self.search_key != Some(document.state_key()) {
                self.search_text = SearchText::of(register);
                self.search_key = Some(document.state_key());
            }
            // A letter typed and taken back, or a filter switched off and on, finds its rows here.
            let recent = self
                .recent_rows
                .iter()
                .position(|(key, _)| *key == rows_key);
            let everything_by_rank = !view.filter.is_active() && view.sort == Sort::default();
            self.rows = match recent {
                Some(idx) => self.recent_rows.remove(idx).1,
                // No filter, in priority order: every position, without looking at an entry.
                None if everything_by_rank => (0..self.ranked.len()).collect(),
                None => filter::rows(
                    register,
                    &self.ranked,
                    &view.filter,
                    view.sort,
                    &self.search_text,
                ),
            };
            self.recent_rows
                .insert(0, (rows_key.clone(), self.rows.clone()));
            self.recent_rows.truncate(RECENT_ROWS);
            self.rows_key = Some(rows_key);
            self.rows_version += 1;
            self.row_of_position = vec![usize::MAX; self.ranked.len()];
            for (row, position) in self.rows.iter().enumerate() {
                if let Some(slot) = self.row_of_position.get_mut(*position) {
                    *slot = row;
                }
            }
        }
    }

    /// The categories in use, for the category filter; computed when asked for after a change.
    pub(super) fn categories(&mut self, document: &Document) -> &[String] {
        let key = document.rows_key();
        if self
            .categories
            .as_ref()
            .is_none_or(|(made_for, _)| *made_for != key)
        {
            self.categories = Some((key, overview::categories(&document.register)));
        }
        self.categories
            .as_ref()
            .map_or(&[], |(_, categories)| categories)
    }

    /// The table row of the entry at `entry_idx` in the register, if the filters show it.
    pub(super) fn row_of_entry(&self, entry_idx: usize) -> Option<usize> {
        let position = *self.position_of_entry.get(entry_idx)?;
        self.row_of_position
            .get(position)
            .copied()
            .filter(|row| *row != usize::MAX)
    }

    /// The rank of the entry at `entry_idx` in the register.
    pub(super) fn ranked_entry(&self, entry_idx: usize) -> Option<&Ranked> {
        self.ranked.get(*self.position_of_entry.get(entry_idx)?)
    }

    /// The heat map at `stage`, computed on first use.
    pub(super) fn heat_map(&mut self, register: &Register, stage: Stage) -> &HeatMap {
        let maps = self.heat_maps.get_or_insert_with(|| {
            [
                heat_map(register, Stage::Inherent),
                heat_map(register, Stage::Residual),
            ]
        });
        match stage {
            Stage::Inherent => &maps[0],
            Stage::Residual => &maps[1],
        }
    }

    /// The rights × systems matrix at `stage`, computed on first use.
    pub(super) fn matrix(&mut self, register: &Register, stage: Stage) -> &RightsBySystems {
        let matrices = self.matrices.get_or_insert_with(|| {
            [
                overview::rights_by_systems(register, Stage::Inherent),
                overview::rights_by_systems(register, Stage::Residual),
            ]
        });
        match stage {
            Stage::Inherent => &matrices[0],
            Stage::Residual => &matrices[1],
        }
    }
}
