app-source-date-epoch-is-not = SOURCE_DATE_EPOCH is `{ $value }`, not a whole number of seconds since 1970
app-new-register = New register
app-open = Open…
app-save = Save
app-save-as = Save as…
app-reload-from-disk = Reload from disk
app-import-csv = Import CSV…
app-export-csv = Export CSV…
app-export-pdf = Export PDF…
app-quit = Quit
app-undo = Undo
app-redo = Redo
app-add-entry = Add entry
app-duplicate-entry = Duplicate entry
app-delete-entry = Delete entry
app-search = Search
app-clear-filters = Clear filters
app-zoom-in = Zoom in
app-zoom-out = Zoom out
app-actual-size = Actual size
app-settings = Settings…
app-date-forms = 2019-10-31, 31/10/2019 or 31 Oct 2019
app-not-a-date-forms = “{ $text }” is not a date: write it as { $forms }
app-not-a-date-month = “{ $text }” is not a date: there is no month { $month }
app-not-a-date-day = “{ $text }” is not a date: { $month } has no day { $day }
app-open-register = Open register
app-save-register-as = Save register as
app-import-entries-from-csv = Import entries from CSV
app-export-entries-as-csv = Export entries as CSV
app-export-the-paper-as-pdf = Export the paper as PDF
app-choose-the-private-key-to = Choose the private key to sign with
app-choose-the-allowed-signers-file = Choose the allowed-signers file
app-open-2 = Open
app-import = Import
app-export = Export
app-choose = Choose
app-register-ron = Register (RON)
app-no-file-chooser-is-available = No file chooser is available on this desktop, so type the file's full path.
app-type-the-file-s-full = Type the file's full path.
app-path = Path
app-home-you-registers-register = /home/you/registers/register.{ $extension }
app-a-file-with-this-name = A file with this name exists and will be replaced.
app-cancel = Cancel
app-save-changes = Save changes?
app-discard-changes = Discard changes
app-the-file-changed-on-disk = The file changed on disk
app-was-changed-by-someone-or = { $file_name } was changed by someone or something else since you opened it (another copy of the app, or a git pull). Saving now would overwrite those changes.
app-merge-them-with-yours-the = Merge them with yours (the version you opened is the common ancestor; conflicts go to the Resolve conflicts view), reload the file (your unsaved changes are dropped), or save your version as another file.
app-merge = Merge
app-reload = Reload
app-recover-unsaved-changes = Recover unsaved changes?
app-changes-to-that-were-never = Changes to { $file_name } that were never saved were kept in a recovery copy at { $modified }.
app-restore-them-you-can-then = Restore them (you can then save or undo), or discard the copy and open the file as last saved.
app-restore = Restore
app-discard = Discard
app-recover-a-register-that-was = Recover a register that was never saved?
app-a-register-with-no-file = A register with no file yet had changes when the app last stopped; they were kept in a recovery copy at { $modified }.
app-restore-it-as-an-unsaved = Restore it as an unsaved register (then save it where you want it), or discard the copy.
app-merged-with-the-changes-on = Merged with the changes on disk
app-nothing-new-came-in-from = Nothing new came in from { $file_name } on disk; your changes are kept.
app-this-came-in-from-on = This came in from { $file_name } on disk, and your changes are kept:
app-nothing-is-saved-yet-undo = Nothing is saved yet; Undo takes the merge back.
app-review-first = Review first
app-an-unknown-time = an unknown time
app-error = Error
app-dismiss = Dismiss
app-dpia-register = DPIA register
app-entries =
    { $count ->
        [one] { $count } entry
       *[other] { $count } entries
    }
app-light-theme = Light theme
app-dark-theme = Dark theme
app-follow-the-system-theme = Follow the system theme
app-settings-2 = Settings
app-your-name = Your name
app-recorded-as-the-author-of = Recorded as the author of the changes you save (the audit trail), and offered as the name for snapshots, approvals and risk acceptances. Left empty, git's user.name is used, else your login name: { $fallback }.
app-untitled-register = Untitled register
app-register = Register
app-workshop = Workshop
app-conflicts = Conflicts
app-actions = Actions
app-more-views = More views
app-details = Details
app-the-autosave-thread-stopped = the autosave thread stopped
app-could-not-write-the-recovery = Could not write the recovery copy: { $err }
app-restored-a-register-that-was = Restored a register that was never saved: save it to keep it
app-import-2 = import { $name }
app-imported-entries-from = Imported { $added } entries from { $name }
app-exported = Exported { $path }
app-undid = Undid: { $label }
app-redid = Redid: { $label }
app-add-a-system-first-in = Add a system first (in Register details), so the entry has one.
app-restore-recovered-changes = restore recovered changes
app-restored-unsaved-changes-from-the = Restored unsaved changes from the recovery copy
app-nothing-was-merged-the-file = Nothing was merged: the file on disk cannot be read: { $err }
app-merge-the-changes-on-disk = merge the changes on disk
app-merged-with-the-changes-on-2 =
    Merged with the changes on disk: { $num_conflicts ->
        [one] { $num_conflicts } conflict
       *[other] { $num_conflicts } conflicts
    } to resolve, each with yours or theirs; then save
app-new-register-add-entries-then = New register: add entries, then save it
app-opened-the-register-carried-by = Opened the register carried by { $path }: save it as a register file to keep your changes
app-opened = Opened { $path }
app-holds-merge-conflict-to-resolve =
    { $path } holds { $num_conflicts ->
        [one] { $num_conflicts } merge conflict
       *[other] { $num_conflicts } merge conflicts
    } to resolve: take yours or theirs for each, then save
app-the-register-was-saved-but = the register was saved, but its audit trail could not be written: { $err }
app-a-register-is-saved-as = { $path }: a register is saved as a .ron file; use Export PDF… for papers
app-this-file-is-a-pdf = { $path }: this file is a PDF; save the register under another name, or use Export PDF… for papers
app-saved = Saved { $path }
app-select-an-entry-to-edit = Select an entry to edit it.
app-open-recent = Open recent
app-no-recent-registers = No recent registers
app-type-a-path-instead = Type a path instead
app-file = File
app-edit = Edit
app-undo-2 = Undo { $label }
app-redo-2 = Redo { $label }
app-view = View
app-workshops = Workshops
app-search-issue-concern-mitigation-ctrl = Search issue, concern, mitigation (Ctrl+F)
app-clear-the-search = Clear the search
app-hide-the-systems-and-filters = Hide the systems and filters
app-show-the-systems-and-filters = Show the systems and filters (filters apply)
app-show-the-systems-and-filters-2 = Show the systems and filters
app-systems-and-filters = Systems and filters
app-add-an-entry-to-the = Add an entry to the system in view (Ctrl+E)
app-of-shown = { $shown } of { $total } shown
app-not-saved-yet = Not saved yet
app-unsaved-changes = Unsaved changes
app-saved-2 = Saved
app-menu-language = Language
app-save-before =
    { $file_name } has changes that are not saved. Save them before { $then ->
        [new] starting a new register
        [open] opening another register
        [quit] closing
       *[recovered] opening the recovered register
    }?
## The names of undo steps, as Edit › Undo and Redo show them.
edit-entry-text = edit { $field } of { $entry }
edit-must-have =
    { $must_have ->
        [yes] mark { $entry } must-have
       *[no] unmark { $entry } must-have
    }
edit-votes = change votes of { $entry }
edit-source-date = change source date of { $entry }
edit-confidential = change confidentiality of { $field } of { $entry }
edit-add-group = add affected group to { $entry }
edit-remove-group = remove affected group from { $entry }
edit-add-mitigation = add mitigation to { $entry }
edit-remove-mitigation = remove mitigation from { $entry }
edit-move-mitigation = reorder mitigations of { $entry }
edit-mitigation-text = edit mitigation of { $entry }
edit-mitigation-owner = change mitigation owner of { $entry }
edit-mitigation-status = change mitigation status of { $entry }
edit-mitigation-due = change mitigation due date of { $entry }
edit-impact = change { $stage } impact on { $right } of { $entry }
edit-impact-note = edit note on { $right } of { $entry }
edit-add-entry = add { $system } entry
edit-duplicate-entry = duplicate { $entry }
edit-delete-entry = delete { $entry }
edit-add-system = add system { $system }
edit-add-right = add right { $right }
edit-right-name = edit name of right { $right }
edit-right-reference = edit legal reference of right { $right }
edit-language = change register language
edit-detail = edit register { $field }
edit-date-issued = change date issued
edit-status = change register status
edit-marking = change protective marking
edit-acceptance = record risk acceptance of { $entry }
edit-prior-consultation = record prior consultation
edit-add-new-action = add action
edit-add-action = add action { $number }
edit-delete-action = delete action { $number }
edit-action-update = add update to action { $number }
edit-action-status = mark action { $number } { $status }
edit-keep-ours = keep ours for { $what }
edit-take-theirs = take theirs for { $what }
edit-field-category = category
edit-detail-title = title
edit-detail-programme = programme
edit-detail-version-label = version label
edit-detail-purpose = purpose
## Accessible names of widgets with no visible label of their own (a11y/names.rs).
a11y-high-contrast-theme = High contrast theme
a11y-register-table = Register entries
a11y-priorities-table = Entries in priority order
a11y-priority-row = Rank { $rank }: { $entry } { $issue }
a11y-search-field = Search entries
a11y-add-group-field = Add an affected group
a11y-owner-filter = Owner filter
a11y-register-owner = Register owner
a11y-new-system-id = New system id
a11y-new-system-name = New system name
a11y-new-right-id = New right id
a11y-new-right-name = New right name
a11y-new-right-reference = New right's legal reference
a11y-resize-column = Resize the { $column } column
a11y-no-score = not scored
a11y-right-note = Note on { $right }
a11y-mitigation-owner = Mitigation { $number } owner

# File › Update from spreadsheet…
app-update-from-spreadsheet = Update from spreadsheet…
app-update-from-a-spreadsheet = Update from a spreadsheet (CSV or Excel)
app-spreadsheet-csv-excel = Spreadsheet (CSV, Excel)
app-read = Read
app-update-from-spreadsheet-file = Update from spreadsheet: { $file }
app-update-from-spreadsheet-intro = These changes come from the spreadsheet, matched to the register by id. Apply makes them one change you can undo.
app-update-from-spreadsheet-no-changes = The spreadsheet holds no changes to this register.
app-update-from-spreadsheet-missing = Not in the spreadsheet (kept): { $ids }
app-apply = Apply
