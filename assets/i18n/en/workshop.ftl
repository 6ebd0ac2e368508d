workshop-on = {" "}on { $entry }
workshop-record-an-action = Record an action{ $about }
workshop-action = Action
workshop-what-is-to-be-done = What is to be done
workshop-who-will-do-it = Who will do it
workshop-deadline = Deadline
workshop-2019-10-31-or-a = 2019-10-31, or a month: Oct'19
workshop-record-action = Record action
workshop-deadline-2 = Deadline: { $err }
workshop-action-recorded-it-joins-the = Action recorded{ $about }: { $text } (it joins the log when the session ends)
workshop-say-what-the-action-is = Say what the action is: { $err }
workshop-voted-for-left = { $participant_idx } voted for { $entry } · { $participant_idx2 } left
workshop-took-a-vote-back-from = { $participant_idx } took a vote back from { $entry } · { $participant_idx2 } left
workshop-no-tier = { $entry }: no tier
workshop-cannot-move-further = { $entry } cannot move further
workshop-not-done = Not done: { $why }
workshop-start-workshop = Start workshop…
workshop-end-workshop = End workshop
workshop-discard-workshop = Discard workshop
workshop-full-screen = Full screen
workshop-leave-full-screen = Leave full screen
workshop-presenter-view = Presenter view
workshop-past-workshops = Past workshops
workshop-workshop-session-discarded-nothing-recorded = Workshop session discarded: nothing recorded
workshop-save-the-register-to-a = Save the register to a file first: the workshop's snapshot is kept beside it. Then end the session again.
workshop-after-the-workshop-of = After the workshop “{ $title }” of { $date }
workshop-record-workshop = record workshop “{ $title }”
workshop-workshop-recorded-and-saved-snapshot = Workshop recorded and saved; snapshot { $label } taken
workshop-entries = { $date } · { $scope } · { $in_scope } entries
workshop-no-entries-in-this-session = No entries in this session's scope.
workshop-rank-of = Rank { $tied_rank } of { $order }
workshop-this-session = { $session_votes } this session
workshop-and-before = (and { $votes } before)
workshop-moved-by-hand =
    Moved { $way ->
        [up] up
       *[down] down
    } by hand: { $reason }
workshop-entry-1-9-vote-shift = ↑ ↓ entry   1–9 vote   Shift+1–9 take back   M S C W tier (again to clear)   Ctrl+↑ ↓ move, with a reason   A record an action   L list or one entry   F11 full screen
workshop-left = { $left } left
workshop-votes-for = { $name } votes for { $entry }
workshop-takes-a-vote-back-from = { $name } takes a vote back from { $entry }
workshop-ranked-list = Ranked list
workshop-one-entry = One entry
workshop-back-to-the-app = Back to the app
workshop-the-session-keeps-running-the = The session keeps running: the Workshop view brings it back
workshop-end-session = End session…
workshop-discard-session = Discard session…
workshop-cast-set-recorded =
    { $num_votes_cast } cast, { $tiers ->
        [one] { $tiers } tier
       *[other] { $tiers } tiers
    } set, { $moves ->
        [one] { $moves } manual move
       *[other] { $moves } manual moves
    }, { $actions ->
        [one] { $actions } action
       *[other] { $actions } actions
    } recorded.
workshop-end-the-workshop = End the workshop?
workshop-ending-stores-the-workshop-record = Ending stores the workshop record in the register (Undo takes it back in one step), takes a snapshot named after the workshop and saves the register.
workshop-end-and-record = End and record
workshop-discard-this-session = Discard this session?
workshop-its-votes-tiers-and-moves = Its votes, tiers and moves are lost; nothing is recorded.
workshop-discard-session-2 = Discard session
workshop-move-from-rank-to =
    Move { $entry } { $way ->
        [up] up
       *[down] down
    }, from rank { $from_rank } to { $to_rank }
workshop-why-the-reason-is-recorded = Why? The reason is recorded with the workshop.
workshop-a-short-reason = A short reason
workshop-move = Move
workshop-moved-to-rank =
    { $entry } moved { $way ->
        [up] up
       *[down] down
    } to rank { $to_rank }: { $reason }
workshop-say-why-a-manual-move = Say why: a manual move needs a reason, so the record can explain it
workshop-keep-going = Keep going
workshop-prioritise-the-register-live-with = Prioritise the register live, with a group, on a projector
workshop-a-session-dot-votes-and = A session dot-votes and tiers the entries live; ending it stores the outcome here and takes a snapshot named after the workshop.
workshop-no-workshops-recorded-in-this = No workshops recorded in this register yet.
workshop-past-sessions = Past sessions
workshop-pseudonym = { $participant } (pseudonym)
workshop-participants-anonymous-only-counts-were = { $count } participants, anonymous: only counts were recorded
workshop-participants = Participants
workshop-each-cast = { $votes_per_participant } each; { $cast } cast
workshop-snapshot = Snapshot
workshop-manual-moves-2 = Manual moves
workshop-moved-from-rank-to =
    { $entry } moved { $direction ->
        [up] up
       *[down] down
    } from rank { $from_rank } to { $to_rank }: { $reason }
workshop-final-order = Final order
workshop-entry = Entry
workshop-tier = Tier
workshop-no-longer-in-the-register = no longer in the register
workshop-prioritisation-workshop = Prioritisation workshop
workshop-give-the-session-a-title = Give the session a title
workshop-give-the-date-as = Give the date, as { $forms }
workshop-choose-a-system = Choose a system
workshop-choose-a-category = Choose a category
workshop-start-a-workshop = Start a workshop
workshop-the-group-dot-votes-and = The group dot-votes and sets Must / Should / Could / Won't on each entry. Nothing changes in the register until you end the session.
workshop-votes-per-participant = Votes per participant
workshop-named-or-pseudonymous = Named or pseudonymous
workshop-anonymous-only-counts-recorded = Anonymous: only counts recorded
workshop-how-many-take-part = How many take part
workshop-organisations-that-take-part-on = Organisations that take part on condition they are not identified can be given a pseudonym. The public edition of the paper never names participants.
workshop-start-session = Start session
workshop-the-whole-register = The whole register
workshop-one-system = One system
workshop-one-category = One category
workshop-participant = Participant { $row_idx }
workshop-name-or-pseudonym = Name or pseudonym
workshop-pseudonym-2 = Pseudonym
workshop-remove = Remove
workshop-add-participant = Add participant
workshop-no-tier-2 = no tier
workshop-not-scored = not scored
workshop-votes =
    { $count ->
        [one] { $count } vote
       *[other] { $count } votes
    }
workshop-tag-tie = TIE
workshop-tag-moved = MOVED
workshop-error-no-votes-left = { $participant } has no votes left (each participant has { $budget })
workshop-error-no-vote-to-withdraw = { $participant } has no vote on { $entry } to take back
workshop-error-no-such-participant = there is no participant { $number }
workshop-error-out-of-scope = { $entry } is not in this session's scope
workshop-error-no-participants = a session needs at least one participant
workshop-error-repeated-name = two participants are called { $name }: give each a different name or pseudonym
workshop-error-no-votes-to-give = give each participant at least one vote
workshop-error-action-without-text = say what the action is: it needs a text
workshop-error-empty-scope = there are no entries in { $scope }: choose another
