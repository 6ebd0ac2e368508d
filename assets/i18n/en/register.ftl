register-resolve-conflicts = Resolve conflicts
register-no-conflicts-remain-save-the = No conflicts remain. Save the register to write it without them.
register-before-base = Before (base)
register-yours-in-place = Yours (in place)
register-theirs = Theirs
register-keep-yours = Keep yours
register-take-theirs = Take theirs
register-for = { $label } for { $what }
register-edit = Edit { $entry }
register-change-it-in-the-editor = Change it in the editor, then come back and keep yours
register-none = None
register-none-removed = (none: removed)
register-empty = (empty)
register-register-details = Register details
register-systems = Systems
register-rights-catalogue = Rights catalogue
register-title = Title
register-programme = Programme
register-version-label = Version label
register-date-issued = Date issued
register-today = Today
register-protective-marking = Protective marking
register-purpose = Purpose
register-new-system-id-e-g = New system id, e.g. NRMP
register-new-system-name = New system name
register-add-system = Add system
register-new-right-id-e-g = New right id, e.g. education
register-new-right-name = New right name
register-legal-reference = Legal reference
register-add-right = Add right
register-heat-map = Heat map
register-before-mitigation-inherent = Before mitigation (inherent)
register-after-mitigation-residual = After mitigation (residual)
register-each-entry-is-placed-by = Each entry is placed by its highest-scoring right. Click a cell to see its entries.
register-likelihood-severity = Likelihood × severity
register-severity-likelihood = { $count }: severity { $severity } { $severity2 }, likelihood { $likelihood } { $likelihood2 }
register-likelihood-severity-2 = Likelihood ↑   Severity →
register-rights-systems-highest-score = Rights × systems: highest score
register-on =
    { $system } on { $right }: { $score ->
        [none] no impact
       *[other] highest { $score }
    }
register-priorities = Priorities
register-must-have-first-then-residual = Must-have first, then residual, inherent, breadth and votes; ties end on the id.
register-rank = Rank
register-entry-and-why-it-ranks = Entry and why it ranks here
register-all-systems = All systems
register-filters = Filters
register-any-category = Any category
register-category-filter = Category filter
register-residual-level = Residual level
register-any-level = Any level
register-level-filter = Level filter
register-mitigation-status = Mitigation status
register-any-status = Any status
register-must-have = Must-have
register-must-have-or-not = Must-have or not
register-only-must-have = Only must-have
register-only-the-others = Only the others
register-must-have-filter = Must-have filter
register-cell = { $stage } cell: { $severity } × { $likelihood }
register-bears-on = Bears on { $right }
register-remove-this-filter = Remove this filter
register-remove-filter = Remove filter { $text }
register-system = System
register-highest-right = Highest right
register-this-register-has-no-entries = This register has no entries yet.
register-no-entries-match-the-filters = No entries match the filters.
register-sort-by = Sort by { $title }
register-must = ★ must
register-history-saved-changes =
    History: { $count ->
        [0] no saved changes
        [one] { $count } saved change
       *[other] { $count } saved changes
    }
register-changes-appear-here-with-who = Changes appear here, with who made them, once they are saved.
register-no-saved-changes-yet-each = No saved changes yet. Each save adds who changed what, and when, to the audit trail.
register-register = register{" "}
register-id = ID
register-conflicts-about =
    A merge met { $count ->
        [one] { $count } place
       *[other] { $count } places
    } where both sides changed the same thing differently. Yours is in place until you choose; each choice can be undone. Save once all are settled: `check` fails while any remain.
register-language = Language of its papers
register-language-note = The fixed words of its papers (headings, scales, statuses) are in this language.
register-right-name = Name of right { $right }
register-right-reference = Legal reference of right { $right }
## A rank's reason line, its parts joined by reason-separator.
reason-must-have = must-have
reason-residual = residual { $score } ({ $right })
reason-inherent = inherent { $score } ({ $right })
reason-not-scored = not scored yet
reason-breadth =
    { $count ->
        [one] { $count } right high or above
       *[other] { $count } rights high or above
    }
reason-separator = {"; "}
register-votes-column = Votes
