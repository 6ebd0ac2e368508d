workshop-on = {" "}ar { $entry }
workshop-record-an-action = Cofnodi cam gweithredu{ $about }
workshop-action = Cam gweithredu
workshop-what-is-to-be-done = Beth sydd i’w wneud
workshop-who-will-do-it = Pwy fydd yn ei wneud
workshop-deadline = Dyddiad cau
workshop-2019-10-31-or-a = 2019-10-31, neu fis: Oct’19
workshop-record-action = Cofnodi’r cam gweithredu
workshop-deadline-2 = Dyddiad cau: { $err }
workshop-action-recorded-it-joins-the = Cofnodwyd cam gweithredu{ $about }: { $text } (mae’n ymuno â’r log pan ddaw’r sesiwn i ben)
workshop-say-what-the-action-is = Dywedwch beth yw’r cam gweithredu: { $err }
workshop-voted-for-left = Pleidleisiodd { $participant_idx } dros { $entry } · { $participant_idx2 } ar ôl
workshop-took-a-vote-back-from = Tynnodd { $participant_idx } bleidlais yn ôl oddi ar { $entry } · { $participant_idx2 } ar ôl
workshop-no-tier = { $entry }: dim haen
workshop-cannot-move-further = Ni all { $entry } symud ymhellach
workshop-not-done = Heb ei wneud: { $why }
workshop-start-workshop = Dechrau gweithdy…
workshop-end-workshop = Gorffen y gweithdy
workshop-discard-workshop = Taflu’r gweithdy
workshop-full-screen = Sgrin lawn
workshop-leave-full-screen = Gadael y sgrin lawn
workshop-presenter-view = Gwedd cyflwynydd
workshop-past-workshops = Gweithdai blaenorol
workshop-workshop-session-discarded-nothing-recorded = Taflwyd sesiwn y gweithdy: ni chofnodwyd dim
workshop-save-the-register-to-a = Cadwch y gofrestr mewn ffeil yn gyntaf: cedwir ciplun y gweithdy wrth ei hymyl. Yna gorffennwch y sesiwn eto.
workshop-after-the-workshop-of = Ar ôl y gweithdy “{ $title }” ar { $date }
workshop-record-workshop = cofnodi’r gweithdy “{ $title }”
workshop-workshop-recorded-and-saved-snapshot = Cofnodwyd a chadwyd y gweithdy; cymerwyd ciplun { $label }
workshop-entries = { $date } · { $scope } · { $in_scope } cofnod
workshop-no-entries-in-this-session = Dim cofnodion yng nghwmpas y sesiwn hon.
workshop-rank-of = Safle { $tied_rank } o { $order }
workshop-this-session = { $session_votes } yn y sesiwn hon
workshop-and-before = (a { $votes } cyn hynny)
workshop-moved-by-hand =
    Symudwyd { $way ->
        [up] i fyny
       *[down] i lawr
    } â llaw: { $reason }
workshop-entry-1-9-vote-shift = ↑ ↓ cofnod   1–9 pleidleisio   Shift+1–9 tynnu’n ôl   M S C W haen (eto i glirio)   Ctrl+↑ ↓ symud, gyda rheswm   A cofnodi cam gweithredu   L rhestr neu un cofnod   F11 sgrin lawn
workshop-left = { $left } ar ôl
workshop-votes-for = { $name } yn pleidleisio dros { $entry }
workshop-takes-a-vote-back-from = { $name } yn tynnu pleidlais yn ôl oddi ar { $entry }
workshop-ranked-list = Rhestr yn ôl safle
workshop-one-entry = Un cofnod
workshop-back-to-the-app = Yn ôl i’r ap
workshop-the-session-keeps-running-the = Mae’r sesiwn yn parhau: mae’r wedd Gweithdy yn dod â hi’n ôl
workshop-end-session = Gorffen y sesiwn…
workshop-discard-session = Taflu’r sesiwn…
workshop-cast-set-recorded = Bwriwyd { $num_votes_cast }, gosodwyd { $tiers } haen, { $moves } symudiad â llaw, cofnodwyd { $actions } cam gweithredu.
workshop-end-the-workshop = Gorffen y gweithdy?
workshop-ending-stores-the-workshop-record = Mae gorffen yn cadw cofnod y gweithdy yn y gofrestr (mae Dadwneud yn ei ddadwneud mewn un cam), yn cymryd ciplun a enwir ar ôl y gweithdy ac yn cadw’r gofrestr.
workshop-end-and-record = Gorffen a chofnodi
workshop-discard-this-session = Taflu’r sesiwn hon?
workshop-its-votes-tiers-and-moves = Collir ei phleidleisiau, ei haenau a’i symudiadau; ni chofnodir dim.
workshop-discard-session-2 = Taflu’r sesiwn
workshop-move-from-rank-to =
    Symud { $entry } { $way ->
        [up] i fyny
       *[down] i lawr
    }, o safle { $from_rank } i { $to_rank }
workshop-why-the-reason-is-recorded = Pam? Cofnodir y rheswm gyda’r gweithdy.
workshop-a-short-reason = Rheswm byr
workshop-move = Symud
workshop-moved-to-rank =
    Symudwyd { $entry } { $way ->
        [up] i fyny
       *[down] i lawr
    } i safle { $to_rank }: { $reason }
workshop-say-why-a-manual-move = Dywedwch pam: mae angen rheswm dros symud â llaw, fel y gall y cofnod ei egluro
workshop-keep-going = Parhau
workshop-prioritise-the-register-live-with = Blaenoriaethu’r gofrestr yn fyw, gyda grŵp, ar daflunydd
workshop-a-session-dot-votes-and = Mae sesiwn yn pleidleisio â dotiau ac yn rhoi haenau i’r cofnodion yn fyw; mae ei gorffen yn cadw’r canlyniad yma ac yn cymryd ciplun a enwir ar ôl y gweithdy.
workshop-no-workshops-recorded-in-this = Dim gweithdai wedi’u cofnodi yn y gofrestr hon eto.
workshop-past-sessions = Sesiynau blaenorol
workshop-pseudonym = { $participant } (ffugenw)
workshop-participants-anonymous-only-counts-were = { $count } cyfranogwr, dienw: dim ond y niferoedd a gofnodwyd
workshop-participants = Cyfranogwyr
workshop-each-cast = { $votes_per_participant } yr un; { $cast } wedi’u bwrw
workshop-snapshot = Ciplun
workshop-manual-moves-2 = Symudiadau â llaw
workshop-moved-from-rank-to =
    Symudwyd { $entry } { $direction ->
        [up] i fyny
       *[down] i lawr
    } o safle { $from_rank } i { $to_rank }: { $reason }
workshop-final-order = Trefn derfynol
workshop-entry = Cofnod
workshop-tier = Haen
workshop-no-longer-in-the-register = nid yw yn y gofrestr mwyach
workshop-prioritisation-workshop = Gweithdy blaenoriaethu
workshop-give-the-session-a-title = Rhowch deitl i’r sesiwn
workshop-give-the-date-as = Rhowch y dyddiad, fel { $forms }
workshop-choose-a-system = Dewiswch system
workshop-choose-a-category = Dewiswch gategori
workshop-start-a-workshop = Dechrau gweithdy
workshop-the-group-dot-votes-and = Mae’r grŵp yn pleidleisio â dotiau ac yn gosod Rhaid / Dylai / Gallai / Nid y tro hwn ar bob cofnod. Nid oes dim yn newid yn y gofrestr nes i chi orffen y sesiwn.
workshop-votes-per-participant = Pleidleisiau i bob cyfranogwr
workshop-named-or-pseudonymous = Wedi’u henwi neu â ffugenw
workshop-anonymous-only-counts-recorded = Dienw: dim ond y niferoedd a gofnodir
workshop-how-many-take-part = Faint sy’n cymryd rhan
workshop-organisations-that-take-part-on = Gellir rhoi ffugenw i sefydliadau sy’n cymryd rhan ar yr amod na chânt eu hadnabod. Nid yw argraffiad cyhoeddus y papur byth yn enwi cyfranogwyr.
workshop-start-session = Dechrau’r sesiwn
workshop-the-whole-register = Y gofrestr gyfan
workshop-one-system = Un system
workshop-one-category = Un categori
workshop-participant = Cyfranogwr { $row_idx }
workshop-name-or-pseudonym = Enw neu ffugenw
workshop-pseudonym-2 = Ffugenw
workshop-remove = Tynnu
workshop-add-participant = Ychwanegu cyfranogwr
workshop-no-tier-2 = dim haen
workshop-not-scored = heb sgôr
workshop-votes = { $count } pleidlais
workshop-tag-tie = CYFARTAL
workshop-tag-moved = SYMUDWYD
workshop-error-no-votes-left = nid oes gan { $participant } bleidleisiau ar ôl ({ $budget } sydd gan bob cyfranogwr)
workshop-error-no-vote-to-withdraw = nid oes gan { $participant } bleidlais ar { $entry } i’w thynnu’n ôl
workshop-error-no-such-participant = nid oes cyfranogwr { $number }
workshop-error-out-of-scope = nid yw { $entry } yng nghwmpas y sesiwn hon
workshop-error-no-participants = mae angen o leiaf un cyfranogwr ar sesiwn
workshop-error-repeated-name = mae dau gyfranogwr o’r enw { $name }: rhowch enw neu ffugenw gwahanol i bob un
workshop-error-no-votes-to-give = rhowch o leiaf un bleidlais i bob cyfranogwr
workshop-error-action-without-text = dywedwch beth yw’r cam gweithredu: mae angen testun
workshop-error-empty-scope = nid oes cofnodion yn { $scope }: dewiswch un arall
