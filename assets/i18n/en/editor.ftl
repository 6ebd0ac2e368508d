editor-residual-risk-acceptance = Residual risk acceptance
editor-not-needed-the-residual-risk = Not needed: the residual risk is not high. An entry whose risk stays high or very high after mitigation is accepted, or not, here.
editor-accepted-by = Accepted by { $acceptance }
editor-not-accepted-by = Not accepted by { $acceptance }
editor-acceptance-needed = Acceptance needed
editor-the-decision-on-the-residual = The decision on the residual risk: see Residual risk acceptance, below the rights
editor-residual-risk-accepted = Residual risk accepted
editor-residual-risk-not-accepted = Residual risk not accepted
editor-by-on = { $what } by { $acceptance } ({ $role }) on { $date }
editor-why = Why: { $rationale }
editor-the-residual-risk-is-no = The residual risk is no longer high, so no decision is needed.
editor-withdraw-decision = Withdraw decision
editor-remove-the-decision-from-the = Remove the decision from the register (Undo brings it back)
editor-the-residual-risk-stays-after = The residual risk stays { $level } ({ $score }) after mitigation: someone accountable accepts it, or records that it is not accepted.
editor-name = Name
editor-who-decides = Who decides
editor-role = Role
editor-siro-senior-responsible-owner = SIRO, senior responsible owner, …
editor-date-of-decision = Date of decision
editor-yyyy-mm-dd = YYYY-MM-DD
editor-rationale = Rationale
editor-why-the-risk-is-or = Why the risk is, or is not, acceptable
editor-accept-residual-risk = Accept residual risk
editor-record-not-accepted = Record not accepted
editor-more-must-be-done-before = More must be done before the processing goes ahead
editor-fill-in-the-first = Fill in the { $fields } first.
editor-and = {" "}and{" "}
editor-fill-in-the-date-of = Fill in the date of decision, as { $forms }.
editor-the = The { $what }: { $reason }.
editor-date-sent = date sent
editor-date-of-response = date of response
editor-ico-prior-consultation = ICO prior consultation
editor-date-sent-2 = Date sent
editor-reference = Reference
editor-the-ico-s-reference = The ICO's reference
editor-response = Response
editor-what-the-ico-advised-in = What the ICO advised, in short
editor-date-of-response-2 = Date of response
editor-record-prior-consultation = Record prior consultation
editor-clear-record = Clear record
editor-remove-the-record-from-the = Remove the record from the register (Undo brings it back)
editor-prior-consultation-is-not-indicated = Prior consultation is not indicated: no residual risk stays high after mitigation. A consultation can still be recorded.
editor-ico-prior-consultation-indicated-dpa = ICO prior consultation indicated (DPA 2018 s65 / UK GDPR Art 36)
editor-stay-high-or-very-high =
    { $count ->
        [one] { $count } entry stays
       *[other] { $count } entries stay
    } high or very high after mitigation ({ $accepted } accepted): { $shown }{ $more ->
        [0] {""}
       *[other] {" "}and { $more } more
    }.
editor-rank-of =
    Rank { $rank }{ $tied ->
        [yes] {" "}(tied)
       *[no] {""}
    } of { $entries }
editor-delete = Delete
editor-delete-this-entry-undo-brings = Delete this entry (undo brings it back)
editor-duplicate = Duplicate
editor-add-a-copy-of-this = Add a copy of this entry with a new id
editor-issue = Issue
editor-short-title-of-the-issue = Short title of the issue
editor-category = Category
editor-data-quality-retention-custody-images = data quality, retention, custody images, …
editor-concern = Concern
editor-must-have-for-the-next = Must-have for the next draft
editor-votes = Votes
editor-balancing-note = Balancing note
editor-source = Source
editor-document = Document
editor-source-date = Source date
editor-confidential-fields-left-out-of = Confidential fields (left out of the public edition)
editor-mitigations = Mitigations
editor-add-mitigation = Add mitigation
editor-what-is-done-or-proposed = What is done or proposed
editor-who-is-responsible = Who is responsible
editor-due = Due
editor-mitigation-due-date = Mitigation { $number } due date
editor-mitigation = Mitigation { $number }
editor-mitigation-status = Mitigation { $number } status
editor-remove-mitigation = Remove mitigation { $number }
editor-move-mitigation-down = Move mitigation { $number } down
editor-move-mitigation-up = Move mitigation { $number } up
editor-affected-groups = Affected groups
editor-remove-this-group = Remove this group
editor-remove-group = Remove group { $group }
editor-add-a-group-then-enter = Add a group, then Enter
editor-inherent = Inherent
editor-residual = Residual
editor-breadth = Breadth { $breadth }
editor-rights-scoring-high-or-above = Rights scoring high or above
editor-as = { $accessible }, as { $forms }
editor-rights-impact = Rights impact
editor-before-mitigation = Before mitigation
editor-after-mitigation = After mitigation
editor-right = Right
editor-severity = Severity
editor-likelihood = Likelihood
editor-score = Score
editor-not-scored = Not scored
editor-after-mitigation-scores-above-before = ⚠ { $right }: after mitigation ({ $residual }) scores above before ({ $inherent }); mitigation does not raise a risk, so check both judgements
editor-note-on-why-it-was = Note on { $right }: why it was scored so
editor-clear-the-judgement-after-mitigation = Clear the judgement after mitigation (the one before counts)
editor-clear-after-mitigation = Clear { $right } after mitigation
editor-not-affected-remove-this-right = Not affected: remove this right's scores and note
editor-remove = Remove { $right }
editor-severity-2 = { $right_name } { $stage } severity
editor-likelihood-2 = { $right_name } { $stage } likelihood
editor-missing-name = name
editor-missing-role = role
editor-missing-rationale = rationale
