## Errors and problems from the core, files and papers crates, each with its place, where a merge
## conflict is and what a merge decided by itself (gui/error_text/).
## The English is the crates' own Display text, word for word; library text ($message, $source) stays as it came.

## Files: reading (dpia_files::LoadError)
errors-load-io = { $path }: cannot read: { $source }
errors-load-too-large = { $path }: larger than { $limit }, the most dpia-register reads of a file
errors-load-parse = { $path }:{ $line }:{ $column }: { $message }
errors-load-newer-format = { $path }: format_version { $found } is newer than this app reads (up to { $supported }); update dpia-register to open it
errors-load-altered = { $path }: the checksum does not match the content: the snapshot has been altered or is corrupt since it was taken (it records checksum { $recorded })
errors-load-renamed = { $path }: the snapshot in this file is labelled { $label }, not as its file is named: the snapshot has been altered or renamed (its file should be { $label }.ron)
errors-load-unsupported = { $path }: { $message }

## Files: writing (dpia_files::SaveError)
errors-save-io = { $path }: cannot save: { $source }
errors-save-serialize = { $path }: cannot save: { $message }
errors-save-not-a-file = { $path }: is not a regular file (a folder, pipe or device) and is never replaced
errors-save-already-exists = { $path }: already exists and is never overwritten

## Files: importing spreadsheets, action logs and Word documents
errors-import-csv-header = { $path }:1: { $problem }
errors-import-row = { $path }:{ $row }: { $problem }
errors-import-cell = { $path }:{ $cell }: { $problem }
errors-import-not-a-workbook = { $path }: not an .xlsx workbook: { $message }
errors-import-not-a-workbook-sheet = { $path }: not an .xlsx workbook: sheet { $sheet }: { $message }
errors-import-unknown-action-log = { $path }: an action log is read from CSV (.csv) or an Excel workbook (.xlsx); save the log as one of them
errors-import-not-a-document = { $path }: not a Word document (.docx): { $message }
errors-import-part-too-large = { $path }: its part { $part } unpacks to more than { $limit }, the most dpia-register unpacks
errors-import-word-row = { $path }: table { $table } row { $row }: { $problem }
errors-import-no-word-tables = { $path }: no table whose header row names Issue, Concern and Mitigation (or Mater, Pryder and Lliniaru)

## Files: what is wrong with an imported header, row or cell (dpia_files::problem::Problem)
errors-excerpt-cut = { $shown }… ({ $left_out } more characters)
errors-quoted = `{ $name }`
errors-problem-in = { $column }: { $problem }
errors-problem-column-twice = column `{ $column }` appears twice
errors-problem-unknown-columns = unknown { $count ->
        [one] column
       *[other] columns
    } { $names }; the columns are: { $columns }
errors-problem-missing-columns = missing { $count ->
        [one] column
       *[other] columns
    } { $columns }
errors-problem-issue-empty = the issue is empty
errors-problem-not-a-whole-number = `{ $text }` is not a whole number
errors-problem-not-a-date = `{ $text }` is not a date (YYYY-MM-DD)
errors-problem-not-yes-no = `{ $text }` is not yes or no
errors-problem-not-one-of = `{ $text }` is not one of { $choices }
errors-problem-impact-shape = `{ $text }` should read like `privacy=3x4`
errors-problem-score-shape = `{ $text }` should read like `privacy=3x4` (severity x likelihood)
errors-problem-score-range = `{ $text }`: severity and likelihood are each 1 to 4
errors-problem-scored-twice = `{ $right }` is scored twice
errors-problem-unknown-right = right `{ $right }` is neither in the register nor in the default catalogue
errors-problem-residual-without-inherent = `{ $right }` has a residual score but no inherent one in impacts
errors-problem-note-shape = `{ $text }` should read like `privacy: note`
errors-problem-note-without-score = `{ $right }` has a note but is not scored in impacts
errors-problem-without-mitigation = given, but there is no mitigation for it
errors-problem-lines-for-mitigations = { $lines } lines for { $mitigations } mitigations; give one line per mitigation, or one for all
errors-problem-balancing-shape = `{ $text }` should read like `Preventing offences=3`
errors-problem-benefit-range = `{ $text }`: a benefit is 1 to 4
errors-problem-given-twice = `{ $name }` is given twice
errors-problem-decision-missing = { $column } is given but not the decision (accepted or not accepted)
errors-problem-not-a-decision = `{ $text }` is not `accepted` or `not accepted`
errors-problem-decision-date-needed = the date of the decision is needed
errors-problem-id-used = id `{ $id }` is already used
errors-problem-id-not-in-register = id `{ $id }` is not in the register; leave the id blank for a new entry
errors-problem-id-twice = id `{ $id }` is given twice
errors-problem-no-header-row = the file is empty: no header row
errors-problem-not-csv = { $message }
errors-problem-too-many-cells = { $cells } cells, but the header has { $columns } columns
errors-problem-windows-1252 = `{ $text }` is not UTF-8 text: the file looks like Windows-1252 (what Excel's "CSV (Comma delimited)" writes); re-save it as "CSV UTF-8 (Comma delimited)" in Excel, or with the character set "Unicode (UTF-8)" in LibreOffice
errors-problem-not-utf8 = `{ $text }` is not UTF-8 text; re-save the file as CSV in UTF-8
errors-problem-garbled = `{ $garbled }` looks like `{ $meant }` garbled: the file was opened with the wrong character set and saved again; open the export choosing the character set "Unicode (UTF-8)", and save it as CSV in UTF-8
errors-problem-no-entries-sheet = the workbook has no sheet called Entries (it has { $sheets })
errors-problem-unknown-detail = unknown detail `{ $name }`
errors-problem-unknown-record = unknown record `{ $kind }`: issued_ids, last_action_number, workshop, action, snapshot or conflict
errors-problem-not-a-record = not a record: { $message }
errors-problem-not-on-entries = entry `{ $id }` is not on the Entries sheet (a new entry's { $sheet ->
        [Impacts] impacts
       *[other] mitigations
    } are added once it has an id)
errors-problem-not-on-rights = right `{ $right }` is neither on the Rights sheet nor in the default catalogue
errors-problem-scored-twice-for = `{ $right }` is scored twice for { $entry }
errors-problem-not-one-to-four = `{ $text }` is not 1 to 4
errors-problem-inherent-needed = the inherent severity and likelihood are both needed
errors-problem-residual-half = give both the residual severity and likelihood, or neither
errors-problem-cell-error = the cell holds an error ({ $error })
errors-problem-no-log-header = no header row: the columns are { $columns } (and optionally Theme, Entries)
errors-problem-no-log-sheet = no sheet has the action log's header row ({ $columns })
errors-problem-unknown-log-column = unknown column `{ $name }`; the columns are { $columns } (and optionally Theme, Entries)
errors-problem-log-column-missing = the `{ $name }` column is missing
errors-problem-action-twice = action { $number } is in the file twice
errors-problem-action-in-register = action { $number } is already in the register
errors-problem-action-number-used = action number { $number } has been given before in the register (numbers are never reused)
errors-problem-not-an-action-number = `{ $text }` is not an action number
errors-problem-action-without-text = action { $number } has no text
errors-problem-no-such-entry = there is no entry { $entry } in the register
errors-problem-not-an-origin = `{ $text }` is not a recorded workshop, a day or a month
errors-problem-unknown-system-row = a row across the table, `{ $text }`, names no known system ({ $known }; give --system NAME for another)
errors-problem-several-systems = no system: the heading above the table, `{ $heading }`, names more than one; add a System column or a row naming the system
errors-problem-no-system = no system: no System column, no row above naming one, and no heading above the table names a known system ({ $known }; give --system NAME for another)
errors-problem-system-cell = system `{ $text }`: { $error }
errors-problem-issue-cell-empty = the Issue cell is empty

## Files: a register's audit trail (dpia_files::trail_file::TrailProblem)
errors-trail-unsound = { $path }: { $error }
errors-trail-renamed = { $path }: the block does not match its file name: it was renamed or replaced
errors-trail-previous-missing = { $path }: the block saved before it ({ $previous }…) is missing from the trail

## The register's text (dpia_core::register_text::FormatError)
errors-format-parse = { $line }:{ $column }: { $message }
errors-format-newer = format_version { $found } is newer than this app reads (up to { $supported }); update dpia-register to open it
errors-format-unsupported = { $message }

## Edits (dpia_core::edit::EditError) and settling merge conflicts (dpia_core::merge::ResolveError)
errors-edit-no-such-entry = there is no entry { $entry }
errors-edit-no-such-mitigation = entry { $entry } has no mitigation { $number }
errors-edit-no-such-right = there is no right `{ $right }` in the catalogue
errors-edit-no-such-system = there is no system `{ $system }` in the register
errors-edit-no-impact = entry { $entry } has no impact on `{ $right }` yet: score it before mitigation first
errors-edit-system-exists = there is already a system `{ $system }`
errors-edit-right-exists = there is already a right `{ $right }`
errors-edit-empty-name = a name cannot be empty
errors-edit-no-such-action = there is no action { $number }
errors-edit-action-number-taken = action number { $number } has already been given
errors-edit-empty-action-text = an action's text and its updates' texts cannot be empty
errors-resolve-no-such-conflict = there is no conflict { $number }
errors-resolve-gone = { $what } is no longer in the register
errors-resolve-bad-value = the stored value of { $field } cannot be read: { $err }

## Ids, labels, checksums, deadlines and statuses as typed
errors-id-empty = an id cannot be empty
errors-id-bad-character = id `{ $id }` has `{ $character }`: use only letters, digits, `-` and `_`
errors-id-number-too-large = id `{ $id }` has a number above { $max }, the highest an entry id may have
errors-label-empty = a snapshot label cannot be empty
errors-label-too-long = snapshot label `{ $label }` is longer than { $max } characters
errors-label-leading-dot = snapshot label `{ $label }` cannot start with `.`
errors-label-reserved = snapshot label `{ $label }` is a name Windows keeps for a device ({ $device }): choose another
errors-label-bad-character = snapshot label `{ $label }` has `{ $character }`: use only letters, digits, `.`, `-` and `_`
errors-checksum = `{ $text }` is not a checksum: expected 64 hex digits
errors-deadline = `{ $text }` is not a day (2019-10-31) or a month (2019-10, Oct'19, July 19)
errors-action-status = `{ $text }` is not an action status: use not started, ongoing, proposed complete, complete or closed

## Setting fields as FIELD=VALUE (dpia_core::assignment::AssignmentError)
errors-assignment-not-an-assignment = `{ $text }` is not FIELD=VALUE
errors-assignment-unknown-field = `{ $field }` is not a field that can be set (issue, concern, category, balancing_note, source_document, source_date, must_have, votes, RIGHT.inherent, RIGHT.residual, RIGHT.note, mitigation.N.text, mitigation.N.owner, mitigation.N.status, mitigation.N.due)
errors-assignment-bad-value = { $field }: `{ $value }` is not { $expected }
errors-assignment-no-such-right = { $field }: `{ $right }` is not a right in the register's catalogue
errors-assignment-no-such-mitigation = { $field }: { $entry } has { $count } mitigations, so there is no mitigation { $number }

## Snapshots (dpia_core::snapshot) and their chain
errors-snapshot-serialize = cannot checksum the register: { $err }
errors-snapshot-label-used = the register has had a snapshot labelled { $label } already, and a label names one version only: choose another label
errors-snapshot-altered = the checksum does not match the content: the snapshot has been altered or is corrupt since it was taken (it records checksum { $recorded })
errors-restore-no-such-entry = entry { $id } is in neither version
errors-restore-not-in-both = entry { $id } is not in both versions: restore the whole entry instead of one field
errors-snapshot-record = { $label } (checksum { $checksum })
errors-no-snapshot = none
errors-chain-missing = snapshot { $recorded } is recorded in the register but its file is missing: it was deleted or renamed
errors-chain-replaced = snapshot { $label } has been replaced or re-taken: the register records checksum { $recorded }, the file has { $found }
errors-chain-retaken = snapshot { $label } was taken again under a label already used: a label names one version only
errors-chain-broken-link = the chain of snapshots is broken at { $label }: it follows { $previous }, which the register does not record before it (the last it records before it is { $expected })
errors-chain-foreign = snapshot { $found } is not one of this register's: the register does not record it and it follows a snapshot the register never had (copied from another register or branch?)
errors-chain-taken-twice = snapshot { $label } was taken on two branches as two different versions, and the merge kept the second, { $found }, beside the first: keep one (remove the other file and its record) and take the other again under a new label
errors-chain-unrecorded = snapshot { $found } is not recorded in the register (taken without the register being saved, or by an older version of dpia-register); the next snapshot taken records it

## Signatures and the audit trail
errors-sign-passphrase = the key is protected by a passphrase: { $err }
errors-sign-failed = cannot sign: { $err }
errors-allowed-signers-line = { $line }: { $message }
errors-trail-malformed = { $line }: { $message }
errors-trail-truncated = the block has no digest line: it was truncated
errors-trail-edited = the digest does not match the block's lines: the block has been edited

## Papers (dpia_report::ExportError)
errors-paper-register = cannot write the register into the paper: { $message }
errors-paper-font = cannot read the built-in font { $face }
errors-paper-pdf = cannot write the PDF: { $message }
errors-paper-write = cannot write the paper: { $message }
errors-paper-public-marking-needed = the register is marked { $marking }: a public edition needs the marking it will carry stated by whoever reviewed it for publication (such as OFFICIAL)
errors-paper-public-marking-above = a public edition cannot be marked { $public }, above the register's { $marking }

## Where a merge conflict is (gui/error_text/conflict.rs)
errors-conflict-in-entry = { $entry } { $field }
errors-conflict-in-register = register { $field }
errors-conflict-title = title
errors-conflict-programme = programme
errors-conflict-version-label = version label
errors-conflict-date-issued = date issued
errors-conflict-status = status
errors-conflict-marking = marking
errors-conflict-owner = owner
errors-conflict-purpose = purpose
errors-conflict-language = language
errors-conflict-prior-consultation = prior consultation
errors-conflict-system = system { $system }
errors-conflict-right = right { $right }
errors-conflict-snapshot = snapshot { $label }, taken on both sides as two different versions (keep one, and the same side's { $label }.ron)
errors-conflict-action = action { $number }
errors-conflict-entry = entry deleted on one side, edited on the other
errors-conflict-entry-system = system
errors-conflict-category = category
errors-conflict-issue = issue
errors-conflict-concern = concern
errors-conflict-must-have = must-have
errors-conflict-votes = votes
errors-conflict-source = source
errors-conflict-policing-purposes = policing purposes
errors-conflict-balancing-note = balancing note
errors-conflict-acceptance = acceptance
errors-conflict-impact = { $right } impact
errors-conflict-inherent = { $right } inherent
errors-conflict-residual = { $right } residual
errors-conflict-note = { $right } note
errors-conflict-mitigation = mitigation "{ $text }"
errors-conflict-mitigation-text = mitigation "{ $text }" text
errors-conflict-mitigation-status = mitigation "{ $text }" status
errors-conflict-mitigation-owner = mitigation "{ $text }" owner
errors-conflict-mitigation-due = mitigation "{ $text }" due

## What a merge decided by itself (dpia_core::merge::MergeNote)
errors-merge-entry-renumbered = theirs' { $old } is now { $new }
errors-merge-action-renumbered = theirs' action { $old } is now action { $new }
errors-merge-link-removed = action { $action }'s link to { $entry } is taken away: the entry was deleted
