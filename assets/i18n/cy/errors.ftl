## Errors and problems from the core, files and papers crates, each with its place, where a merge
## conflict is and what a merge decided by itself (gui/error_text/).
## The English is the crates' own Display text, word for word; library text ($message, $source) stays as it came.

## Files: reading (dpia_files::LoadError)
errors-load-io = { $path }: methu darllen: { $source }
errors-load-too-large = { $path }: mwy na { $limit }, y mwyaf y mae dpia-register yn ei ddarllen o ffeil
errors-load-parse = { $path }:{ $line }:{ $column }: nid yw hon yn gofrestr y gellir ei darllen: { $message }
errors-load-newer-format = { $path }: mae format_version { $found } yn fwy newydd nag y mae’r ap hwn yn ei ddarllen (hyd at { $supported }); diweddarwch dpia-register i’w hagor
errors-load-altered = { $path }: nid yw’r swm gwirio’n cyfateb i’r cynnwys: mae’r ciplun wedi’i newid neu wedi’i lygru ers ei gymryd (mae’n cofnodi swm gwirio { $recorded })
errors-load-renamed = { $path }: label y ciplun yn y ffeil hon yw { $label }, nid enw ei ffeil: mae’r ciplun wedi’i newid neu wedi’i ailenwi (dylai ei ffeil fod yn { $label }.ron)
errors-load-unsupported = { $path }: ni all yr ap agor y ffeil hon: { $message }

## Files: writing (dpia_files::SaveError)
errors-save-io = { $path }: methu cadw: { $source }
errors-save-serialize = { $path }: methu cadw: { $message }
errors-save-not-a-file = { $path }: nid yw’n ffeil gyffredin (ffolder, pibell neu ddyfais) ac ni chaiff byth ei disodli
errors-save-already-exists = { $path }: mae’n bodoli eisoes ac ni chaiff byth ei throsysgrifo

## Files: importing spreadsheets, action logs and Word documents
errors-import-csv-header = { $path }:1: mae rhes y penawdau’n anghywir: { $problem }
errors-import-row = { $path }:{ $row }: ni ellir defnyddio’r rhes hon: { $problem }
errors-import-cell = { $path }:{ $cell }: ni ellir defnyddio’r gell hon: { $problem }
errors-import-not-a-workbook = { $path }: nid yw’n llyfr gwaith .xlsx: { $message }
errors-import-not-a-workbook-sheet = { $path }: nid yw’n llyfr gwaith .xlsx: dalen { $sheet }: { $message }
errors-import-unknown-action-log = { $path }: darllenir log camau gweithredu o CSV (.csv) neu o lyfr gwaith Excel (.xlsx); cadwch y log fel un ohonynt
errors-import-not-a-document = { $path }: nid yw’n ddogfen Word (.docx): { $message }
errors-import-part-too-large = { $path }: mae ei ran { $part } yn dadbacio i fwy na { $limit }, y mwyaf y mae dpia-register yn ei ddadbacio
errors-import-word-row = { $path }: tabl { $table } rhes { $row }: ni ellir defnyddio’r rhes hon: { $problem }
errors-import-no-word-tables = { $path }: nid oes tabl y mae ei res penawdau’n enwi Mater, Pryder a Lliniaru (neu Issue, Concern a Mitigation)

## Ffeiliau: beth sydd o’i le ar bennawd, rhes neu gell a fewnforir (dpia_files::problem::Problem)
errors-excerpt-cut = { $shown }… ({ $left_out } nod arall)
errors-quoted = `{ $name }`
errors-problem-in = { $column }: { $problem }
errors-problem-column-twice = mae’r golofn `{ $column }` yn ymddangos ddwywaith
errors-problem-unknown-columns = { $count ->
        [one] colofn anhysbys
       *[other] colofnau anhysbys
    } { $names }; y colofnau yw: { $columns }
errors-problem-missing-columns = { $count ->
        [one] colofn ar goll:
       *[other] colofnau ar goll:
    } { $columns }
errors-problem-issue-empty = mae’r mater yn wag
errors-problem-not-a-whole-number = nid yw `{ $text }` yn rhif cyfan
errors-problem-not-a-date = nid yw `{ $text }` yn ddyddiad (BBBB-MM-DD)
errors-problem-not-yes-no = nid yw `{ $text }` yn `yes` nac yn `no`
errors-problem-not-one-of = nid yw `{ $text }` yn un o { $choices }
errors-problem-impact-shape = dylai `{ $text }` ddarllen fel `privacy=3x4`
errors-problem-score-shape = dylai `{ $text }` ddarllen fel `privacy=3x4` (difrifoldeb x tebygolrwydd)
errors-problem-score-range = `{ $text }`: mae’r difrifoldeb a’r tebygolrwydd ill dau rhwng 1 a 4
errors-problem-scored-twice = mae `{ $right }` wedi’i sgorio ddwywaith
errors-problem-unknown-right = nid yw’r hawl `{ $right }` yn y gofrestr nac yn y catalog rhagosodedig
errors-problem-residual-without-inherent = mae gan `{ $right }` sgôr weddilliol ond dim sgôr gynhenid yng ngholofn impacts
errors-problem-note-shape = dylai `{ $text }` ddarllen fel `privacy: nodyn`
errors-problem-note-without-score = mae gan `{ $right }` nodyn ond nid yw wedi’i sgorio yng ngholofn impacts
errors-problem-without-mitigation = fe’i rhoddwyd, ond nid oes mesur lliniaru ar ei gyfer
errors-problem-lines-for-mitigations = { $lines } llinell ar gyfer { $mitigations } mesur lliniaru; rhowch un llinell i bob mesur lliniaru, neu un i’r cyfan
errors-problem-balancing-shape = dylai `{ $text }` ddarllen fel `Preventing offences=3`
errors-problem-benefit-range = `{ $text }`: rhaid i’r budd fod rhwng 1 a 4
errors-problem-given-twice = rhoddwyd `{ $name }` ddwywaith
errors-problem-decision-missing = rhoddwyd { $column } ond nid y penderfyniad (accepted neu not accepted)
errors-problem-not-a-decision = nid yw `{ $text }` yn `accepted` nac yn `not accepted`
errors-problem-decision-date-needed = mae angen dyddiad y penderfyniad
errors-problem-id-used = mae’r dynodydd `{ $id }` eisoes yn cael ei ddefnyddio
errors-problem-id-not-in-register = nid yw’r dynodydd `{ $id }` yn y gofrestr; gadewch y dynodydd yn wag ar gyfer cofnod newydd
errors-problem-id-twice = rhoddwyd y dynodydd `{ $id }` ddwywaith
errors-problem-no-header-row = mae’r ffeil yn wag: nid oes rhes y penawdau
errors-problem-not-csv = ni ellir ei darllen fel CSV: { $message }
errors-problem-too-many-cells = { $cells } cell, ond mae gan y rhes y penawdau { $columns } colofn
errors-problem-windows-1252 = nid yw `{ $text }` yn destun UTF-8: mae’r ffeil yn edrych fel Windows-1252 (yr hyn y mae "CSV (Comma delimited)" Excel yn ei ysgrifennu); cadwch hi eto fel "CSV UTF-8 (Comma delimited)" yn Excel, neu gyda’r set nodau "Unicode (UTF-8)" yn LibreOffice
errors-problem-not-utf8 = nid yw `{ $text }` yn destun UTF-8; cadwch y ffeil eto fel CSV yn UTF-8
errors-problem-garbled = mae `{ $garbled }` yn edrych fel `{ $meant }` wedi’i ystumio: agorwyd y ffeil gyda’r set nodau anghywir a’i chadw eto; agorwch yr allforyn gan ddewis y set nodau "Unicode (UTF-8)", a’i gadw fel CSV yn UTF-8
errors-problem-no-entries-sheet = nid oes gan y llyfr gwaith ddalen o’r enw Entries (mae ganddo { $sheets })
errors-problem-unknown-detail = manylyn anhysbys `{ $name }`
errors-problem-unknown-record = math anhysbys `{ $kind }` ar y ddalen Records: issued_ids, last_action_number, workshop, action, snapshot neu conflict
errors-problem-not-a-record = nid yw’n rhes Records ddilys: { $message }
errors-problem-not-on-entries = nid yw’r cofnod `{ $id }` ar y ddalen Entries (ychwanegir { $sheet ->
        [Impacts] effeithiau
       *[other] mesurau lliniaru
    } cofnod newydd unwaith y bydd ganddo ddynodydd)
errors-problem-not-on-rights = nid yw’r hawl `{ $right }` ar y ddalen Rights nac yn y catalog rhagosodedig
errors-problem-scored-twice-for = mae `{ $right }` wedi’i sgorio ddwywaith ar gyfer { $entry }
errors-problem-not-one-to-four = nid yw `{ $text }` rhwng 1 a 4
errors-problem-inherent-needed = mae angen y difrifoldeb a’r tebygolrwydd cynhenid ill dau
errors-problem-residual-half = rhowch y difrifoldeb a’r tebygolrwydd gweddilliol ill dau, neu’r un o’r ddau
errors-problem-cell-error = mae gwall yn y gell ({ $error })
errors-problem-no-log-header = nid oes rhes y penawdau: y colofnau yw { $columns } (a Theme, Entries os mynnwch)
errors-problem-no-log-sheet = nid oes gan unrhyw ddalen res penawdau’r log camau gweithredu ({ $columns })
errors-problem-unknown-log-column = colofn anhysbys `{ $name }`; y colofnau yw { $columns } (a Theme, Entries os mynnwch)
errors-problem-log-column-missing = mae’r golofn `{ $name }` ar goll
errors-problem-action-twice = mae cam gweithredu { $number } yn y ffeil ddwywaith
errors-problem-action-in-register = mae cam gweithredu { $number } eisoes yn y gofrestr
errors-problem-action-number-used = rhoddwyd rhif cam gweithredu { $number } o’r blaen yn y gofrestr (ni chaiff rhifau byth eu hailddefnyddio)
errors-problem-not-an-action-number = nid yw `{ $text }` yn rhif cam gweithredu
errors-problem-action-without-text = nid oes testun gan gam gweithredu { $number }
errors-problem-no-such-entry = nid oes cofnod { $entry } yn y gofrestr
errors-problem-not-an-origin = nid yw `{ $text }` yn weithdy a gofnodwyd, yn ddiwrnod nac yn fis
errors-problem-unknown-system-row = nid yw rhes ar draws y tabl, `{ $text }`, yn enwi system hysbys ({ $known }; rhowch --system ENW ar gyfer un arall)
errors-problem-several-systems = dim system: mae’r pennawd uwchben y tabl, `{ $heading }`, yn enwi mwy nag un; ychwanegwch golofn System neu res sy’n enwi’r system
errors-problem-no-system = dim system: nid oes colofn System, na rhes uwchben sy’n enwi un, ac nid yw unrhyw bennawd uwchben y tabl yn enwi system hysbys ({ $known }; rhowch --system ENW ar gyfer un arall)
errors-problem-system-cell = system `{ $text }`: { $error }
errors-problem-issue-cell-empty = mae’r gell Mater yn wag

## Ffeiliau: trywydd archwilio cofrestr (dpia_files::trail_file::TrailProblem)
errors-trail-unsound = { $path }: { $error }
errors-trail-renamed = { $path }: nid yw’r bloc yn cyfateb i enw ei ffeil: cafodd ei ailenwi neu ei ddisodli
errors-trail-previous-missing = { $path }: mae’r bloc a gadwyd o’i flaen ({ $previous }…) ar goll o’r trywydd

## The register's text (dpia_core::register_text::FormatError)
errors-format-parse = { $line }:{ $column }: nid yw hon yn gofrestr y gellir ei darllen: { $message }
errors-format-newer = mae format_version { $found } yn fwy newydd nag y mae’r ap hwn yn ei ddarllen (hyd at { $supported }); diweddarwch dpia-register i’w hagor
errors-format-unsupported = ni all yr ap agor y testun hwn fel cofrestr: { $message }

## Edits (dpia_core::edit::EditError) and settling merge conflicts (dpia_core::merge::ResolveError)
errors-edit-no-such-entry = nid oes cofnod { $entry }
errors-edit-no-such-mitigation = nid oes gan gofnod { $entry } fesur lliniaru { $number }
errors-edit-no-such-right = nid oes hawl `{ $right }` yn y catalog
errors-edit-no-such-system = nid oes system `{ $system }` yn y gofrestr
errors-edit-no-impact = nid oes gan gofnod { $entry } effaith ar `{ $right }` eto: sgoriwch hi cyn lliniaru yn gyntaf
errors-edit-system-exists = mae system `{ $system }` yn y gofrestr eisoes
errors-edit-right-exists = mae hawl `{ $right }` yn y catalog eisoes
errors-edit-empty-name = ni all enw fod yn wag
errors-edit-no-such-action = nid oes cam gweithredu { $number }
errors-edit-action-number-taken = rhoddwyd rhif cam gweithredu { $number } eisoes
errors-edit-empty-action-text = ni all testun cam gweithredu na thestunau ei ddiweddariadau fod yn wag
errors-resolve-no-such-conflict = nid oes gwrthdaro { $number }
errors-resolve-gone = nid yw { $what } yn y gofrestr mwyach
errors-resolve-bad-value = ni ellir darllen gwerth { $field } a gadwyd: { $err }

## Ids, labels, checksums, deadlines and statuses as typed
errors-id-empty = ni all dynodydd fod yn wag
errors-id-bad-character = mae `{ $character }` yn y dynodydd `{ $id }`: defnyddiwch lythrennau, digidau, `-` a `_` yn unig
errors-id-number-too-large = mae rhif uwch na { $max } yn y dynodydd `{ $id }`, y rhif uchaf a all fod gan ddynodydd cofnod
errors-label-empty = ni all label ciplun fod yn wag
errors-label-too-long = mae label ciplun `{ $label }` yn hwy na { $max } nod
errors-label-leading-dot = ni all label ciplun `{ $label }` ddechrau â `.`
errors-label-reserved = mae label ciplun `{ $label }` yn enw y mae Windows yn ei gadw ar gyfer dyfais ({ $device }): dewiswch un arall
errors-label-bad-character = mae `{ $character }` yn label ciplun `{ $label }`: defnyddiwch lythrennau, digidau, `.`, `-` a `_` yn unig
errors-checksum = nid yw `{ $text }` yn swm gwirio: disgwylir 64 digid hecs
errors-deadline = nid yw `{ $text }` yn ddiwrnod (2019-10-31) nac yn fis (2019-10, Hyd'19, Gorffennaf 19)
errors-action-status = nid yw `{ $text }` yn statws cam gweithredu: defnyddiwch not started, ongoing, proposed complete, complete neu closed

## Setting fields as FIELD=VALUE (dpia_core::assignment::AssignmentError)
errors-assignment-not-an-assignment = nid yw `{ $text }` yn MAES=GWERTH
errors-assignment-unknown-field = nid yw `{ $field }` yn faes y gellir ei osod (issue, concern, category, balancing_note, source_document, source_date, must_have, votes, RIGHT.inherent, RIGHT.residual, RIGHT.note, mitigation.N.text, mitigation.N.owner, mitigation.N.status, mitigation.N.due)
errors-assignment-bad-value = { $field }: nid yw `{ $value }` yn { $expected }
errors-assignment-no-such-right = { $field }: nid yw `{ $right }` yn hawl yng nghatalog y gofrestr
errors-assignment-no-such-mitigation = { $field }: mae gan { $entry } { $count } mesur lliniaru, felly nid oes mesur lliniaru { $number }

## Snapshots (dpia_core::snapshot) and their chain
errors-snapshot-serialize = methu cyfrifo swm gwirio’r gofrestr: { $err }
errors-snapshot-label-used = bu gan y gofrestr giplun â’r label { $label } eisoes, ac nid yw label yn enwi ond un fersiwn: dewiswch label arall
errors-snapshot-altered = nid yw’r swm gwirio’n cyfateb i’r cynnwys: mae’r ciplun wedi’i newid neu wedi’i lygru ers ei gymryd (mae’n cofnodi swm gwirio { $recorded })
errors-restore-no-such-entry = nid yw cofnod { $id } yn y naill fersiwn na’r llall
errors-restore-not-in-both = nid yw cofnod { $id } yn y ddwy fersiwn: adferwch y cofnod cyfan yn lle un maes
errors-snapshot-record = { $label } (swm gwirio { $checksum })
errors-no-snapshot = dim
errors-chain-missing = mae ciplun { $recorded } wedi’i gofnodi yn y gofrestr ond mae ei ffeil ar goll: cafodd ei dileu neu ei hailenwi
errors-chain-replaced = mae ciplun { $label } wedi’i ddisodli neu ei ailgymryd: mae’r gofrestr yn cofnodi swm gwirio { $recorded }, mae gan y ffeil { $found }
errors-chain-retaken = cymerwyd ciplun { $label } eto dan label a ddefnyddiwyd eisoes: nid yw label yn enwi ond un fersiwn
errors-chain-broken-link = mae cadwyn y cipluniau wedi’i thorri yn { $label }: mae’n dilyn { $previous }, nad yw’r gofrestr yn ei gofnodi o’i flaen (yr olaf y mae’n ei gofnodi o’i flaen yw { $expected })
errors-chain-foreign = nid yw ciplun { $found } yn un o gipluniau’r gofrestr hon: nid yw’r gofrestr yn ei gofnodi ac mae’n dilyn ciplun na fu gan y gofrestr erioed (wedi’i gopïo o gofrestr neu gangen arall?)
errors-chain-taken-twice = cymerwyd ciplun { $label } ar ddwy gangen fel dwy fersiwn wahanol, a chadwodd y cyfuno’r ail, { $found }, wrth ymyl y cyntaf: cadwch un (tynnwch y ffeil arall a’i chofnod) a chymerwch y llall eto dan label newydd
errors-chain-unrecorded = nid yw ciplun { $found } wedi’i gofnodi yn y gofrestr (fe’i cymerwyd heb gadw’r gofrestr, neu gan fersiwn hŷn o dpia-register); bydd y ciplun nesaf a gymerir yn ei gofnodi

## Signatures and the audit trail
errors-sign-passphrase = mae’r allwedd wedi’i diogelu â chyfrinymadrodd: { $err }
errors-sign-failed = methu llofnodi: { $err }
errors-allowed-signers-line = { $line }: ni ellir darllen y llinell hon o’r ffeil llofnodwyr a ganiateir: { $message }
errors-trail-malformed = { $line }: nid yw’r llinell hon o’r trywydd archwilio yn ôl ei fformat: { $message }
errors-trail-truncated = nid oes llinell crynhoad gan y bloc: cafodd ei dorri’n fyr
errors-trail-edited = nid yw’r crynhoad yn cyfateb i linellau’r bloc: mae’r bloc wedi’i olygu

## Papers (dpia_report::ExportError)
errors-paper-register = methu ysgrifennu’r gofrestr i mewn i’r papur: { $message }
errors-paper-font = methu darllen y ffont adeiledig { $face }
errors-paper-pdf = methu ysgrifennu’r PDF: { $message }
errors-paper-write = methu ysgrifennu’r papur: { $message }
errors-paper-public-marking-needed = mae’r gofrestr wedi’i marcio’n { $marking }: mae argraffiad cyhoeddus angen i bwy bynnag a’i hadolygodd i’w chyhoeddi nodi’r marc a fydd arno (megis OFFICIAL)
errors-paper-public-marking-above = ni ellir marcio argraffiad cyhoeddus yn { $public }, uwchlaw marc y gofrestr, { $marking }

## Where a merge conflict is (gui/error_text/conflict.rs)
errors-conflict-in-entry = { $entry } { $field }
errors-conflict-in-register = { $field } y gofrestr
errors-conflict-title = teitl
errors-conflict-programme = rhaglen
errors-conflict-version-label = label fersiwn
errors-conflict-date-issued = dyddiad cyhoeddi
errors-conflict-status = statws
errors-conflict-marking = dosbarthiad diogelwch
errors-conflict-owner = perchennog
errors-conflict-purpose = diben
errors-conflict-language = iaith
errors-conflict-prior-consultation = ymgynghori ymlaen llaw
errors-conflict-system = system { $system }
errors-conflict-right = hawl { $right }
errors-conflict-snapshot = ciplun { $label }, a gymerwyd ar y ddwy ochr fel dwy fersiwn wahanol (cadwch un, a { $label }.ron yr un ochr)
errors-conflict-action = cam gweithredu { $number }
errors-conflict-entry = cofnod a ddilëwyd ar un ochr ac a olygwyd ar y llall
errors-conflict-entry-system = system
errors-conflict-category = categori
errors-conflict-issue = mater
errors-conflict-concern = pryder
errors-conflict-must-have = hanfodol
errors-conflict-votes = pleidleisiau
errors-conflict-source = ffynhonnell
errors-conflict-policing-purposes = dibenion plismona
errors-conflict-balancing-note = nodyn cydbwyso
errors-conflict-acceptance = derbyn risg
errors-conflict-impact = effaith ar { $right }
errors-conflict-inherent = { $right } cyn lliniaru
errors-conflict-residual = { $right } ar ôl lliniaru
errors-conflict-note = nodyn { $right }
errors-conflict-mitigation = mesur lliniaru “{ $text }”
errors-conflict-mitigation-text = testun mesur lliniaru “{ $text }”
errors-conflict-mitigation-status = statws mesur lliniaru “{ $text }”
errors-conflict-mitigation-owner = perchennog mesur lliniaru “{ $text }”
errors-conflict-mitigation-due = dyddiad erbyn mesur lliniaru “{ $text }”

## What a merge decided by itself (dpia_core::merge::MergeNote)
errors-merge-entry-renumbered = mae eu { $old } nhw bellach yn { $new }
errors-merge-action-renumbered = mae eu cam gweithredu { $old } nhw bellach yn gam gweithredu { $new }
errors-merge-link-removed = tynnwyd cyswllt cam gweithredu { $action } â { $entry }: dilëwyd y cofnod
