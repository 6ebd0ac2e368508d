register-resolve-conflicts = Datrys gwrthdaro
register-no-conflicts-remain-save-the = Nid oes gwrthdaro ar ôl. Cadwch y gofrestr i’w hysgrifennu hebddynt.
register-before-base = Cynt (sylfaen)
register-yours-in-place = Eich un chi (yn ei le)
register-theirs = Eu hun nhw
register-keep-yours = Cadw’ch un chi
register-take-theirs = Cymryd eu rhai nhw
register-for = { $label } ar gyfer { $what }
register-edit = Golygu { $entry }
register-change-it-in-the-editor = Newidiwch ef yn y golygydd, yna dewch yn ôl a chadw’ch un chi
register-none = Dim
register-none-removed = (dim: tynnwyd)
register-empty = (gwag)
register-register-details = Manylion y gofrestr
register-systems = Systemau
register-rights-catalogue = Catalog hawliau
register-title = Teitl
register-programme = Rhaglen
register-version-label = Label y fersiwn
register-date-issued = Dyddiad cyhoeddi
register-today = Heddiw
register-protective-marking = Dosbarthiad diogelwch
register-purpose = Diben
register-new-system-id-e-g = Dynodydd system newydd, e.e. NRMP
register-new-system-name = Enw’r system newydd
register-add-system = Ychwanegu system
register-new-right-id-e-g = Dynodydd hawl newydd, e.e. education
register-new-right-name = Enw’r hawl newydd
register-legal-reference = Cyfeiriad cyfreithiol
register-add-right = Ychwanegu hawl
register-heat-map = Map gwres
register-before-mitigation-inherent = Cyn lliniaru (cynhenid)
register-after-mitigation-residual = Ar ôl lliniaru (gweddilliol)
register-each-entry-is-placed-by = Rhoddir pob cofnod yn ôl ei hawl â’r sgôr uchaf. Cliciwch gell i weld ei chofnodion.
register-likelihood-severity = Tebygolrwydd × difrifoldeb
register-severity-likelihood = { $count }: difrifoldeb { $severity } { $severity2 }, tebygolrwydd { $likelihood } { $likelihood2 }
register-likelihood-severity-2 = Tebygolrwydd ↑   Difrifoldeb →
register-rights-systems-highest-score = Hawliau × systemau: y sgôr uchaf
register-on =
    { $system } ar { $right }: { $score ->
        [none] dim effaith
       *[other] uchaf { $score }
    }
register-priorities = Blaenoriaethau
register-must-have-first-then-residual = Hanfodol yn gyntaf, yna gweddilliol, cynhenid, ehangder a phleidleisiau; daw’r dynodydd i ben ar bob cyfartal.
register-rank = Safle
register-entry-and-why-it-ranks = Cofnod a pham y mae yn y safle hwn
register-all-systems = Pob system
register-filters = Hidlyddion
register-any-category = Unrhyw gategori
register-category-filter = Hidlydd categori
register-residual-level = Lefel weddilliol
register-any-level = Unrhyw lefel
register-level-filter = Hidlydd lefel
register-mitigation-status = Statws lliniaru
register-any-status = Unrhyw statws
register-must-have = Hanfodol
register-must-have-or-not = Hanfodol neu beidio
register-only-must-have = Hanfodol yn unig
register-only-the-others = Y lleill yn unig
register-must-have-filter = Hidlydd hanfodol
register-cell = Cell { $stage }: { $severity } × { $likelihood }
register-bears-on = Yn effeithio ar { $right }
register-remove-this-filter = Tynnu’r hidlydd hwn
register-remove-filter = Tynnu’r hidlydd { $text }
register-system = System
register-highest-right = Hawl uchaf
register-this-register-has-no-entries = Nid oes cofnodion yn y gofrestr hon eto.
register-no-entries-match-the-filters = Nid oes cofnod yn cyfateb i’r hidlyddion.
register-sort-by = Trefnu yn ôl { $title }
register-must = ★ rhaid
register-history-saved-changes =
    Hanes: { $count ->
        [0] dim newidiadau wedi’u cadw
       *[other] { $count } newid wedi’u cadw
    }
register-changes-appear-here-with-who = Mae newidiadau’n ymddangos yma, gyda phwy a’u gwnaeth, unwaith y cânt eu cadw.
register-no-saved-changes-yet-each = Dim newidiadau wedi’u cadw eto. Mae pob cadw’n ychwanegu pwy newidiodd beth, a phryd, at y trywydd archwilio.
register-register = cofrestr{" "}
register-id = Dynodydd
register-conflicts-about = Daeth cyfuno ar draws { $count } man lle newidiodd y ddwy ochr yr un peth yn wahanol. Mae’ch un chi yn ei le nes i chi ddewis; gellir dadwneud pob dewis. Cadwch unwaith y bydd y cyfan wedi’i setlo: mae `check` yn methu tra bo unrhyw un ar ôl.
register-language = Iaith ei phapurau
register-language-note = Mae geiriau sefydlog ei phapurau (penawdau, graddfeydd, statysau) yn yr iaith hon.
register-right-name = Enw’r hawl { $right }
register-right-reference = Cyfeiriad cyfreithiol yr hawl { $right }
## A rank's reason line, its parts joined by reason-separator.
reason-must-have = hanfodol
reason-residual = gweddilliol { $score } ({ $right })
reason-inherent = cynhenid { $score } ({ $right })
reason-not-scored = heb ei sgorio eto
reason-breadth = { $count } hawl yn uchel neu’n uwch
reason-separator = {"; "}
register-votes-column = Pleid.
