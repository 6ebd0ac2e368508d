//! Papers read back: export PDFs, then check them with poppler's `pdftotext`, `pdfinfo` and
//! `pdffonts`, and by reopening them. Needs Debian's `poppler-utils` (installed by `.ci/run`).

use std::fs;
use std::path::Path;
use std::process::Command;

use dpia_core::ranking::rank;
use dpia_core::register::{
    Assessment, Entry, EntryId, Field, Impact, Mitigation, Register, RightId, SystemId,
};
use dpia_files::register_file;
use dpia_report::{Edition, ReportOptions, public};

use super::util::{Dir, bundled_register, fixture, without_warnings};
use super::util::{allowed_line, keygen};

/// Runs a poppler tool and returns what it printed.
fn poppler(tool: &str, args: &[&str]) -> String {
    let output = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|err| panic!("{tool} runs (apt-get install poppler-utils): {err}"));
    assert!(
        output.status.success(),
        "{tool} {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The text of each page, in content order (`pdftotext -raw`).
fn pages(pdf: &Path) -> Vec<String> {
    let text = poppler("pdftotext", &["-raw", pdf.to_str().unwrap(), "-"]);
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    // pdftotext ends the last page with a form feed too.
    if pages.last().is_some_and(|page| page.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// Text with every run of white space made one space.
fn squeezed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Exports `register` through the library to `dir/name`, dated 30 June 2020.
fn export(register: &Register, edition: Edition, dir: &Path, name: &str) -> std::path::PathBuf {
    let options = ReportOptions {
        edition,
        produced: Some("2020-06-30T12:00:00Z".parse().unwrap()),
        // Reviewed for publication, as a register marked above OFFICIAL must be.
        public_marking: (edition == Edition::Public)
            .then_some(dpia_core::register::Marking::Official),
        ..ReportOptions::default()
    };
    let bytes = dpia_report::export(register, &options, &mut |_| {}).unwrap();
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn every_page_has_the_marking_top_and_bottom_and_its_number() {
    let dir = Dir::new();
    let register = bundled_register();
    dir.ok(&["export-pdf", register.to_str().unwrap(), "-o", "paper.pdf"]);
    let pdf = dir.join("paper.pdf");
    let info = poppler("pdfinfo", &[pdf.to_str().unwrap()]);
    let num_pages: usize = info
        .lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let pages = pages(&pdf);
    assert_eq!(pages.len(), num_pages);
    for (page_idx, page) in pages.iter().enumerate() {
        let lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(
            lines.first(),
            Some(&"OFFICIAL"),
            "page {}:\n{page}",
            page_idx + 1
        );
        assert_eq!(
            lines.last(),
            Some(&"OFFICIAL"),
            "page {}:\n{page}",
            page_idx + 1
        );
        assert!(
            page.contains(&format!("Page {} of {num_pages}", page_idx + 1)),
            "page {}:\n{page}",
            page_idx + 1
        );
    }
}

#[test]
fn the_summary_lists_every_issue_in_rank_order() {
    let dir = Dir::new();
    let register = register_file::load(&bundled_register()).unwrap();
    let pdf = export(&register, Edition::Full, dir.path(), "paper.pdf");
    let text = squeezed(&pages(&pdf).join("\n"));
    let mut at = text.find("Priority order Every entry").unwrap();
    let end = text.find("The register").unwrap();
    for ranked in rank(&register) {
        let entry = &register.entries[ranked.entry_idx];
        let row = format!(
            "{} {} {} {}",
            ranked.rank, entry.id, entry.system, entry.issue
        );
        let found = text[at..end]
            .find(&row)
            .unwrap_or_else(|| panic!("`{row}` not after the rows before it"));
        at += found + row.len();
    }
}

#[test]
fn a_ten_thousand_character_concern_wraps_across_pages() {
    let dir = Dir::new();
    let mut register = register_file::load(&fixture("small.ron")).unwrap();
    let mut words: Vec<String> = (1..=1700).map(|n| format!("w{n:04}")).collect();
    words.insert(2, "y".repeat(250));
    let mut concern = words.join(" ");
    concern.truncate(10_000);
    register.entries[0].concern.clone_from(&concern);
    let pdf = export(&register, Edition::Full, dir.path(), "long.pdf");
    let pages = pages(&pdf);
    let mut words_found = Vec::new();
    let mut pages_with_words = 0;
    for page in &pages {
        let found: Vec<&str> = page
            .split_whitespace()
            .filter(|w| {
                w.len() == 5 && w.starts_with('w') && w[1..].chars().all(|c| c.is_ascii_digit())
            })
            .collect();
        if !found.is_empty() {
            pages_with_words += 1;
            assert!(
                page.contains("Issue Concern Mitigation"),
                "header repeated:\n{page}"
            );
        }
        words_found.extend(found);
    }
    let expected: Vec<&str> = concern
        .split_whitespace()
        .filter(|w| w.starts_with('w'))
        .collect();
    assert_eq!(
        words_found, expected,
        "every word of the concern, once, in order"
    );
    assert!(
        pages_with_words >= 3,
        "continued over {pages_with_words} pages"
    );
    let all: String = pages.concat().split_whitespace().collect();
    assert!(
        all.contains(&"y".repeat(250)),
        "the over-long word is all there"
    );
}

#[test]
fn welsh_comes_back_as_the_same_text() {
    let dir = Dir::new();
    let register = register_file::load(&fixture("welsh.ron")).unwrap();
    let pdf = export(&register, Edition::Full, dir.path(), "cymraeg.pdf");
    let pages = pages(&pdf);
    let text = pages.join("\n");
    for expected in [
        "Cofrestr risg DPIA Gŵyr a’r Fro",
        "Rhannu cofnodion â’r Gŵyr – ŵ ŷ â ê î ô û ï ë",
        "Tîm diogelu data Heddlu Dyfed–Powys",
        "“pryder gwirioneddol”",
        "— yn enwedig",
        "Ŵyr, ŷd, tân, tê, hîr, dôl, tŷ, naïf, Noël.",
        "Mater Pryder Lliniaru",
        "Crynodeb",
    ] {
        assert!(
            squeezed(&text).contains(expected),
            "`{expected}` missing from:\n{text}"
        );
    }
    assert!(
        pages[0].contains(&format!("Tudalen 1 o {}", pages.len())),
        "{}",
        pages[0]
    );
}

/// A register with a secret in every field that can be confidential, and owners' names.
pub(super) fn register_with_secrets() -> Register {
    let mut register = register_file::load(&fixture("small.ron")).unwrap();
    "Ownerina Register-Holder".clone_into(&mut register.metadata.owner);
    let mut entry = Entry::new(
        EntryId::parse("PND-009").unwrap(),
        SystemId::parse("PND").unwrap(),
        "Secretissue Alpha",
    );
    // `Ж` appears only in confidential text, so it must not even reach the font subset.
    "Secretconcern Bravo Ж".clone_into(&mut entry.concern);
    entry.mitigations.push(Mitigation {
        owner: "Ownerton Mitigator".to_owned(),
        ..Mitigation::proposed("Secretmitigation Charlie")
    });
    entry.impacts.push(Impact {
        note: "Secretnote Delta".to_owned(),
        ..Impact::new(
            RightId::parse("privacy").unwrap(),
            Assessment::from_values(3, 3).unwrap(),
        )
    });
    "Secretbalance Echo".clone_into(&mut entry.balancing.note);
    entry.affected_groups = vec!["Secretgroup Foxtrot".to_owned()];
    "Secretsource Golf".clone_into(&mut entry.source.document);
    entry.confidential = Field::ALL.into_iter().collect();
    register.entries.push(entry);
    register
}

/// The secrets of `register_with_secrets`, none of which a public edition may hold.
pub(super) const SECRETS: [&str; 9] = [
    "Secretissue",
    "Secretconcern",
    "Secretmitigation",
    "Secretnote",
    "Secretbalance",
    "Secretgroup",
    "Secretsource",
    "Ownerina",
    "Ownerton",
];

/// Every byte of the PDF with its streams inflated, and its text strings as UTF-8 too.
/// A PDF text string as text: UTF-16BE after its byte-order mark, else the bytes as they are.
fn text_string(bytes: &[u8]) -> String {
    match bytes {
        [0xFE, 0xFF, rest @ ..] => {
            let units: Vec<u16> = rest
                .chunks(2)
                .map(|pair| u16::from_be_bytes([pair[0], pair.get(1).copied().unwrap_or(0)]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        bytes => String::from_utf8_lossy(bytes).into_owned(),
    }
}

fn decompressed(pdf: &Path) -> String {
    let mut document = lopdf::Document::load(pdf).unwrap();
    document.decompress();
    let mut bytes = Vec::new();
    document.save_to(&mut bytes).unwrap();
    let mut text = String::from_utf8_lossy(&bytes).into_owned();
    // Metadata strings may be UTF-16: add them decoded.
    for object in document.objects.values() {
        if let Ok(dictionary) = object.as_dict() {
            for (_, value) in dictionary {
                if let Ok(bytes) = value.as_str()
                    && bytes.starts_with(&[0xFE, 0xFF])
                {
                    text.push_str(&text_string(bytes));
                }
            }
        }
    }
    text
}

#[test]
fn the_public_edition_has_no_trace_of_what_it_removes() {
    let dir = Dir::new();
    let register = register_with_secrets();
    let full = export(&register, Edition::Full, dir.path(), "full.pdf");
    let public = export(&register, Edition::Public, dir.path(), "public.pdf");

    // The full edition shows them (so this test can fail), with `Ж` in the font's map.
    let full_text = pages(&full).join("\n");
    let full_bytes = decompressed(&full);
    for secret in [
        "Secretissue",
        "Secretconcern",
        "Secretmitigation",
        "Ownerton",
        "Ownerina",
    ] {
        assert!(full_text.contains(secret), "{secret} in the full edition");
    }
    assert!(
        full_text.contains("Secretnote"),
        "the full edition prints the right's note"
    );
    assert!(
        full_bytes.contains("Secretnote"),
        "the full register is carried"
    );
    assert!(
        full_bytes.contains("<0416>"),
        "Ж is in the full edition's ToUnicode map"
    );

    let public_text = pages(&public).join("\n");
    let public_bytes = decompressed(&public);
    let raw = fs::read(&public).unwrap();
    for secret in SECRETS {
        assert!(
            !public_text.contains(secret),
            "{secret} in the public edition's text"
        );
        assert!(
            !public_bytes.contains(secret),
            "{secret} in the public edition's bytes"
        );
        assert!(
            !raw.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "{secret} in the raw file"
        );
    }
    assert!(
        !public_bytes.contains("<0416>"),
        "Ж is not in the subset's character map"
    );
    assert!(public_text.contains("[REDACTED]"), "{public_text}");
    assert!(
        public_text.starts_with("OFFICIAL · PUBLIC EDITION · REDACTED"),
        "the marking stated on review for publication: {public_text}"
    );
    let info = poppler("pdfinfo", &[public.to_str().unwrap()]);
    assert!(!info.contains("Ownerina"), "{info}");

    // The paper carries the redacted register, and opens as it.
    let reopened = register_file::load(&public).unwrap();
    let mut expected = public::redact(&register);
    expected.metadata.marking = dpia_core::register::Marking::Official;
    assert_eq!(reopened, expected, "redacted, and marked as reviewed");
}

#[test]
fn a_paper_reopens_as_the_register_it_was_made_from() {
    let dir = Dir::new();
    let ron = bundled_register();
    dir.ok(&["export-pdf", ron.to_str().unwrap(), "-o", "paper.pdf"]);
    let pdf = dir.join("paper.pdf");
    assert_eq!(
        register_file::load(&pdf).unwrap(),
        register_file::load(&ron).unwrap()
    );
    let out = dir.ok(&["check", "paper.pdf"]);
    let digest = dpia_core::snapshot::Checksum::of_text(&fs::read_to_string(&ron).unwrap());
    assert_eq!(
        without_warnings(&out.stdout),
        format!(
            "paper.pdf: ok, paper, its register matches the digest it records ({}), 29 entries\n",
            digest.short()
        ),
        "{out:?}"
    );
    let from_pdf = dir.run(&["rank", "paper.pdf", "--format", "csv"]);
    let from_ron = dir.run(&["rank", ron.to_str().unwrap(), "--format", "csv"]);
    assert_eq!(from_pdf.stdout, from_ron.stdout);
    let out = dir.run(&["diff", "paper.pdf", ron.to_str().unwrap()]);
    assert!(out.stdout.ends_with("No differences.\n"), "{out:?}");
    // `format` rewrites register files; it must never turn a paper into RON.
    let before = fs::read(&pdf).unwrap();
    dir.run(&["format", "paper.pdf"]);
    assert_eq!(fs::read(&pdf).unwrap(), before, "the paper is untouched");
    assert!(poppler("pdfdetach", &["-list", pdf.to_str().unwrap()]).contains("register.ron"));
}

#[test]
fn a_pdf_from_elsewhere_is_refused_clearly() {
    let dir = Dir::new();
    // A minimal PDF with no embedded register.
    let mut document = lopdf::Document::with_version("1.5");
    let pages_id = document.new_object_id();
    document.objects.insert(
        pages_id,
        lopdf::Object::Dictionary(
            lopdf::dictionary! {"Type" => "Pages", "Kids" => vec![], "Count" => 0},
        ),
    );
    let catalog =
        document.add_object(lopdf::dictionary! {"Type" => "Catalog", "Pages" => pages_id});
    document.trailer.set("Root", catalog);
    document.save(dir.join("other.pdf")).unwrap();
    let out = dir.problems(&["check", "other.pdf"]);
    assert!(
        out.stdout
            .starts_with("other.pdf: this PDF carries no register"),
        "{out:?}"
    );
}

#[test]
fn the_same_input_and_source_date_epoch_give_the_same_bytes() {
    let dir = Dir::new();
    let ron = bundled_register();
    let export_at = |epoch: &str, name: &str| {
        let output = Command::new(env!("CARGO_BIN_EXE_dpia-register"))
            .args(["export-pdf", ron.to_str().unwrap(), "-o", name])
            .current_dir(dir.path())
            .env("SOURCE_DATE_EPOCH", epoch)
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        fs::read(dir.join(name)).unwrap()
    };
    let first = export_at("1593518400", "a.pdf");
    assert_eq!(first, export_at("1593518400", "b.pdf"), "byte-identical");
    assert_ne!(
        first,
        export_at("1593604800", "c.pdf"),
        "the date is part of the paper"
    );
    let info = poppler("pdfinfo", &[dir.join("a.pdf").to_str().unwrap()]);
    assert!(info.contains("Tue Jun 30 12:00:00 2020 UTC"), "{info}");

    // And in one process, as the app exports twice.
    let register = register_file::load(&ron).unwrap();
    let options = ReportOptions::default();
    assert_eq!(
        dpia_report::export(&register, &options, &mut |_| {}).unwrap(),
        dpia_report::export(&register, &options, &mut |_| {}).unwrap()
    );
}

#[test]
fn fonts_are_embedded_and_subset_and_metadata_set() {
    let dir = Dir::new();
    let register = register_file::load(&bundled_register()).unwrap();
    let pdf = export(&register, Edition::Full, dir.path(), "paper.pdf");
    let fonts = poppler("pdffonts", &[pdf.to_str().unwrap()]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(rows.len(), 2, "{fonts}");
    for row in rows {
        assert!(row.contains("+DejaVuSansCondensed"), "subset tag: {fonts}");
        assert!(
            row.contains("yes yes yes"),
            "embedded, subset, with a Unicode map: {fonts}"
        );
    }
    let info = poppler("pdfinfo", &[pdf.to_str().unwrap()]);
    for expected in [
        "Title:           LEDS and HOB Open Space: DPIA risk register",
        "Author:          Home Office NLEDP DPIA team",
        "Subject:         Data protection impact assessment risk register: v1.0, Consultation",
        "Page size:       595.276 x 841.89 pts (A4)",
    ] {
        assert!(info.contains(expected), "{expected}:\n{info}");
    }
}

#[test]
fn progress_runs_from_start_to_done() {
    let register = register_file::load(&bundled_register()).unwrap();
    let mut fractions = Vec::new();
    dpia_report::export(&register, &ReportOptions::default(), &mut |progress| {
        fractions.push(progress.fraction());
    })
    .unwrap();
    assert!(fractions.windows(2).all(|w| w[0] <= w[1]), "{fractions:?}");
    assert_eq!(fractions.first(), Some(&0.0));
    assert_eq!(fractions.last(), Some(&1.0));
}

#[test]
fn since_adds_the_changes_since_a_snapshot_and_the_public_edition_redacts_them() {
    let dir = Dir::new();
    let path = dir.join("reg.ron");
    let mut register = register_file::load(&fixture("small.ron")).unwrap();
    register.entries[1].confidential.insert(Field::Concern);
    "Old hushhush wording".clone_into(&mut register.entries[1].concern);
    register_file::save(&register, &path).unwrap();
    dir.ok(&["snapshot", "reg.ron", "--label", "v0.9"]);
    "Users see far more than their role needs.".clone_into(&mut register.entries[0].concern);
    "New hushhush wording".clone_into(&mut register.entries[1].concern);
    register_file::save(&register, &path).unwrap();

    dir.ok(&["export-pdf", "reg.ron", "-o", "full.pdf", "--since", "v0.9"]);
    let text = squeezed(&pages(&dir.join("full.pdf")).join("\n"));
    assert!(
        text.contains("Changes since v0.9 0 added, 0 removed, 2 changed"),
        "{text}"
    );
    assert!(
        text.contains("Changed: PND-001 (PND): Colocation of PND and PNC data • concern: “Users see more than their role needs.” → “Users see far more than their role needs.”"),
        "{text}"
    );
    assert!(
        text.contains("New hushhush wording"),
        "the full edition shows it"
    );

    dir.ok(&[
        "export-pdf",
        "reg.ron",
        "-o",
        "public.pdf",
        "--since",
        "v0.9",
        "--public",
        "--public-marking",
        "OFFICIAL",
    ]);
    let public = dir.join("public.pdf");
    let text = squeezed(&pages(&public).join("\n"));
    assert!(
        text.contains("Changes since v0.9 0 added, 0 removed, 1 changed"),
        "{text}"
    );
    assert!(!text.contains("hushhush"), "{text}");
    assert!(!decompressed(&public).contains("hushhush"));

    let out = dir.fails(&["export-pdf", "reg.ron", "-o", "none.pdf", "--since", "v9.9"]);
    assert!(
        out.stderr
            .contains("no snapshot labelled v9.9; `dpia-register snapshots` lists them"),
        "{out:?}"
    );
    assert!(!dir.join("none.pdf").exists());
}

#[test]
fn outputs_are_kept_without_force() {
    let dir = Dir::new();
    let ron = bundled_register();
    dir.create("p.pdf", "precious");
    dir.fails(&["export-pdf", ron.to_str().unwrap(), "-o", "p.pdf"]);
    assert_eq!(fs::read_to_string(dir.join("p.pdf")).unwrap(), "precious");
    let out = dir.ok(&[
        "export-pdf",
        ron.to_str().unwrap(),
        "-o",
        "p.pdf",
        "--force",
        "--public",
    ]);
    assert!(
        out.stdout
            .starts_with("p.pdf: paper of 29 entries written (public edition, "),
        "{out:?}"
    );
}

#[test]
fn the_public_edition_since_a_snapshot_leaves_out_text_flagged_after_it() {
    let dir = Dir::new();
    let path = dir.join("reg.ron");
    let mut register = register_file::load(&fixture("small.ron")).unwrap();
    let entry = &mut register.entries[0];
    "Hushissue of PND".clone_into(&mut entry.issue);
    "Old hushconcern wording".clone_into(&mut entry.concern);
    entry.mitigations = vec![Mitigation {
        owner: "Hushowner Jones".to_owned(),
        ..Mitigation::proposed("Hushmitigation plan")
    }];
    "Hushnote on privacy".clone_into(&mut entry.impacts[0].note);
    "Hushbalance reasons".clone_into(&mut entry.balancing.note);
    entry.affected_groups = vec!["Hushgroup of people".to_owned()];
    "Hushsource 2018".clone_into(&mut entry.source.document);
    register_file::save(&register, &path).unwrap();
    dir.ok(&["snapshot", "reg.ron", "--label", "v1.0"]);

    // Every text field is flagged after the snapshot, and the concern edited.
    let entry = &mut register.entries[0];
    entry.confidential = Field::ALL.into_iter().collect();
    "New hushconcern wording".clone_into(&mut entry.concern);
    register_file::save(&register, &path).unwrap();
    dir.ok(&[
        "export-pdf",
        "reg.ron",
        "-o",
        "public.pdf",
        "--since",
        "v1.0",
        "--public",
        "--public-marking",
        "OFFICIAL",
    ]);
    let public = dir.join("public.pdf");
    let text = squeezed(&pages(&public).join("\n"));
    assert!(
        text.contains("Changes since v1.0 0 added, 0 removed, 1 changed"),
        "{text}"
    );
    assert!(
        text.contains("Changed: PND-001 (PND): [REDACTED] • confidential: none → "),
        "{text}"
    );
    assert!(!text.to_lowercase().contains("hush"), "{text}");
    assert!(!decompressed(&public).to_lowercase().contains("hush"));
}

/// `small.ron` after a workshop, saved as `dir/small.ron`: Gwenllian Voterina (named) and
/// Orgkappa (a pseudonym) vote, PND-002 is a Must, and PNC-002 is moved down with a reason that
/// names Gwenllian.
pub(super) fn after_workshop(dir: &Path) -> std::path::PathBuf {
    use dpia_core::register::{Participant, Scope, Tier};
    use dpia_core::workshop::{Direction, Session};
    let register = register_file::load(&fixture("small.ron")).unwrap();
    let id = |text: &str| EntryId::parse(text).unwrap();
    let mut session = Session::with_participants(
        &register,
        "Open Space 6",
        jiff::civil::date(2019, 7, 11),
        Scope::All,
        vec![
            Participant {
                name: "Gwenllian Voterina".to_owned(),
                is_pseudonym: false,
            },
            Participant {
                name: "Orgkappa".to_owned(),
                is_pseudonym: true,
            },
        ],
        3,
    )
    .unwrap();
    session.vote(&register, 0, &id("PND-001")).unwrap();
    session.vote(&register, 1, &id("PND-001")).unwrap();
    session
        .set_tier(&register, &id("PND-002"), Some(Tier::Must))
        .unwrap();
    session
        .move_entry(
            &register,
            &id("PNC-002"),
            Direction::Down,
            "Gwenllian said it can wait",
        )
        .unwrap();
    let (updated, _) = session.finish(&register, "workshop-2019-07-11");
    let path = dir.join("small.ron");
    register_file::save(&updated, &path).unwrap();
    path
}

#[test]
fn the_workshop_outcome_reads_back_and_the_public_edition_names_no_one() {
    let dir = Dir::new();
    after_workshop(dir.path());
    for args in [
        ["-o", "full.pdf", "--workshop", "latest"].as_slice(),
        [
            "-o",
            "public.pdf",
            "--workshop",
            "1",
            "--public",
            "--public-marking",
            "OFFICIAL",
        ]
        .as_slice(),
    ] {
        let mut all = vec!["export-pdf", "small.ron"];
        all.extend(args);
        dir.ok(&all);
    }

    let full = squeezed(&pages(&dir.join("full.pdf")).join("\n"));
    for expected in [
        "Workshop outcome Open Space 6",
        "Participants 2: Gwenllian Voterina, Orgkappa (pseudonym)",
        "Votes 3 per participant; 2 cast",
        "Rank Entry Tier Votes 1 PND-002 Unscored entry Must",
        "PND-001 Colocation of PND and PNC data – 2",
        "Manual moves • PNC-002 moved from rank 2 to 3: Gwenllian said it can wait",
    ] {
        assert!(full.contains(expected), "`{expected}` not in:\n{full}");
    }

    let public_pdf = dir.join("public.pdf");
    let public = squeezed(&pages(&public_pdf).join("\n"));
    assert!(
        public.contains("Participants 2, not named in this edition"),
        "{public}"
    );
    assert!(
        public.contains("PNC-002 moved from rank 2 to 3: [REDACTED] said it can wait"),
        "{public}"
    );
    let bytes = decompressed(&public_pdf);
    for name in ["Gwenllian", "Voterina", "Orgkappa"] {
        assert!(
            !public.contains(name),
            "{name} in the public edition's text"
        );
        assert!(
            !bytes.contains(name),
            "{name} in the public edition's bytes (the carried register included)"
        );
    }
}

#[test]
fn export_pdf_refuses_a_workshop_the_register_does_not_record() {
    let dir = Dir::new();
    after_workshop(dir.path());
    let out = dir.fails(&["export-pdf", "small.ron", "-o", "x.pdf", "--workshop", "2"]);
    assert_eq!(
        out.stderr.trim(),
        "dpia-register: small.ron: no workshop 2; it records 1: 1 = 2019-07-11 Open Space 6"
    );
    assert!(!dir.join("x.pdf").exists(), "no paper is written");
    let out = dir.fails(&["export-pdf", "small.ron", "-o", "x.pdf", "--workshop", "0"]);
    assert!(
        out.stderr.contains("`0` is not a workshop"),
        "{}",
        out.stderr
    );
}

/// The snapshot's checksum, as its file holds it.
fn checksum_of(snapshot: &Path) -> String {
    dpia_files::snapshot_file::load(snapshot)
        .unwrap()
        .checksum()
        .to_string()
}

/// The bundled register with PND-001's high residual risk accepted, snapshot v1.0 taken and
/// approved with conditions, signed by a key listed in `allowed`; and the snapshot file.
fn approved_snapshot() -> (Dir, std::path::PathBuf) {
    let dir = Dir::new();
    dir.bundled("register.ron");
    dir.ok(&[
        "accept",
        "register.ron",
        "--entry",
        "PND-001",
        "--name",
        "Gwen Jones",
        "--role",
        "SIRO",
        "--rationale",
        "Retention review under way.",
        "--date",
        "2026-11-30",
    ]);
    dir.ok(&[
        "snapshot",
        "register.ron",
        "--label",
        "v1.0",
        "--author",
        "Gwen",
    ]);
    let key = keygen(&dir, "gwen", "gwen@example.org", "");
    dir.create("allowed", allowed_line("gwen@example.org", &key) + "\n");
    dir.ok(&[
        "approve",
        "register.ron",
        "--label",
        "v1.0",
        "--role",
        "SIRO sign-off",
        "--name",
        "Gwen Jones",
        "--decision",
        "approved-with-conditions",
        "--conditions",
        "Deletion automated by March.",
        "--date",
        "2026-12-01",
        "--key",
        key.to_str().unwrap(),
    ]);
    let snapshot = dir.join("register.snapshots/v1.0.ron");
    (dir, snapshot)
}

#[test]
fn a_paper_of_an_approved_snapshot_shows_its_approvals_and_accepted_risks() {
    let (dir, snapshot) = approved_snapshot();
    let printed = dir.ok(&[
        "export-pdf",
        snapshot.to_str().unwrap(),
        "-o",
        "snapshot.pdf",
        "--allowed-signers",
        "allowed",
    ]);
    assert!(
        printed
            .stdout
            .contains("(full edition, snapshot v1.0, approved, "),
        "{}",
        printed.stdout
    );
    let paper = pages(&dir.join("snapshot.pdf"));
    let cover = squeezed(&paper[0]);
    for expected in [
        "Printed from Snapshot v1.0, checksum ",
        "Approved: snapshot v1.0",
        "SIRO sign-off: Gwen Jones, approved with conditions, 1 December 2026; signed, verified (gwen@example.org)",
        "ICO prior consultation indicated (DPA 2018 s65, UK GDPR Art 36) Not yet sent.",
    ] {
        assert!(
            cover.contains(expected),
            "`{expected}` not on the cover:\n{cover}"
        );
    }
    assert!(!cover.contains("not approved"), "{cover}");
    let all = squeezed(&paper.join("\n"));
    let checksum = checksum_of(&snapshot);
    for expected in [
        "Approvals Covers Snapshot v1.0".to_owned(),
        format!("Checksum {checksum}"),
        "1. SIRO sign-off: Gwen Jones Decision Approved with conditions Date 1 December 2026 Status Signed, verified (gwen@example.org) Conditions or advice Deletion automated by March.".to_owned(),
        "Accepted risks".to_owned(),
        "Accepted by Gwen Jones (SIRO), 30".to_owned(),
        "Retention review under way.".to_owned(),
        "Not accepted: no decision".to_owned(),
    ] {
        assert!(all.contains(&expected), "`{expected}` not in the paper:\n{all}");
    }
}

#[test]
fn a_working_copy_the_same_as_an_approved_snapshot_is_printed_as_it() {
    let (dir, _) = approved_snapshot();
    let printed = dir.ok(&["export-pdf", "register.ron", "-o", "same.pdf"]);
    assert!(
        printed.stdout.contains("same as snapshot v1.0, approved"),
        "{}",
        printed.stdout
    );
    let cover = squeezed(&pages(&dir.join("same.pdf"))[0]);
    assert!(
        cover.contains("Approved: snapshot v1.0 Same as snapshot v1.0"),
        "{cover}"
    );
}

#[test]
fn an_approval_whose_signature_fails_is_invalid_on_paper() {
    let (dir, snapshot) = approved_snapshot();
    let approvals = dir.join("register.approvals");
    let file = fs::read_dir(&approvals)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, text.replace("by March", "by June")).unwrap();
    dir.ok(&[
        "export-pdf",
        snapshot.to_str().unwrap(),
        "-o",
        "altered.pdf",
        "--allowed-signers",
        "allowed",
    ]);
    let paper = pages(&dir.join("altered.pdf"));
    let cover = squeezed(&paper[0]);
    assert!(cover.contains("Snapshot v1.0 — not approved"), "{cover}");
    assert!(
        cover.contains("SIRO sign-off: Gwen Jones; INVALID: "),
        "{cover}"
    );
    let all = squeezed(&paper.join("\n"));
    assert!(
        all.contains("1. SIRO sign-off: Gwen Jones (INVALID) Decision Approved with conditions"),
        "{all}"
    );
}

#[test]
fn a_paper_of_a_working_copy_is_a_draft_not_approved() {
    let dir = Dir::new();
    dir.bundled("register.ron");
    dir.ok(&[
        "snapshot",
        "register.ron",
        "--label",
        "v1.0",
        "--author",
        "Gwen",
    ]);
    dir.ok(&[
        "approve",
        "register.ron",
        "--label",
        "v1.0",
        "--role",
        "SIRO sign-off",
        "--name",
        "Gwen Jones",
        "--decision",
        "approved",
    ]);
    // Changed since the approved snapshot: a draft again.
    dir.ok(&[
        "consultation",
        "register.ron",
        "--sent",
        "2026-12-03",
        "--reference",
        "ICO/2026/0042",
    ]);
    let printed = dir.ok(&["export-pdf", "register.ron", "-o", "draft.pdf"]);
    assert!(
        printed
            .stdout
            .contains("(full edition, draft, not approved, "),
        "{}",
        printed.stdout
    );
    let paper = pages(&dir.join("draft.pdf"));
    let cover = squeezed(&paper[0]);
    for expected in [
        "Printed from Working copy, not a snapshot",
        "Draft — not approved",
        "This paper is of a working copy, not of an approved snapshot.",
        "ICO prior consultation indicated (DPA 2018 s65, UK GDPR Art 36) Sent 3 December 2026, reference ICO/2026/0042. No response yet.",
    ] {
        assert!(
            cover.contains(expected),
            "`{expected}` not on the cover:\n{cover}"
        );
    }
    assert!(!cover.contains("Approved: snapshot"), "{cover}");
    assert!(
        squeezed(&paper.join("\n")).contains(
            "Approvals This paper is of a working copy, not of a snapshot, so no approval covers it."
        ),
        "the Approvals section says why"
    );
}

#[test]
fn papers_are_tagged_with_headings_tables_lists_and_figures_in_reading_order() {
    let dir = Dir::new();
    let register = register_file::load(&bundled_register()).unwrap();
    for (edition, name) in [(Edition::Full, "full.pdf"), (Edition::Public, "public.pdf")] {
        let pdf = export(&register, edition, dir.path(), name);
        let path = pdf.to_str().unwrap();
        let info = poppler("pdfinfo", &[path]);
        assert!(info.contains("Tagged:          yes"), "{info}");
        assert!(info.contains("PDF version:     1.7"), "{info}");
        assert!(info.contains("Metadata Stream: yes"), "{info}");
        let meta = poppler("pdfinfo", &["-meta", path]);
        assert!(meta.contains("<pdfuaid:part>1</pdfuaid:part>"), "{meta}");
        assert!(meta.contains(&register.metadata.title), "{meta}");

        let tree = poppler("pdfinfo", &["-struct-text", path]);
        assert!(
            tree.starts_with("Document\n  P (block)\n"),
            "the kicker: {tree}"
        );
        assert!(
            tree.contains(&format!(
                "  H1 (block)\n    \"{}\"",
                register.metadata.title
            )),
            "the title is the first heading: {tree}"
        );
        // Reading order: the title, then the cover's details as a table of row headers.
        let title = tree
            .find(&format!("\"{}\"", register.metadata.title))
            .unwrap();
        let version = tree.find("\"Version\"").unwrap();
        assert!(title < version, "{tree}");
        assert!(tree.contains("/Scope /Row"), "{tree}");
        // One register table per system and the priority order, each table's column headers read
        // once however many pages it runs over: the header repeated on a new page is furniture.
        let issue_headers = tree.matches("/Scope /Column\n        \"Issue\"").count();
        assert_eq!(issue_headers, register.systems.len() + 1, "{tree}");
        for part in ["Table (block)", "TR", "TD", "LI (block)", "LBody (block)"] {
            assert!(tree.contains(part), "{part}:\n{tree}");
        }
        assert_eq!(tree.matches("Figure:").count(), 2, "{tree}");
        assert!(tree.contains("/BBox ["), "{tree}");
        // The running header and footer are not read as content.
        assert!(!tree.contains("Page 1 of"), "{tree}");
        assert!(!tree.contains(&format!("\"{} \"", register.metadata.marking.label())));
    }

    // qpdf finds the file sound: object streams, the compressed cross-reference stream.
    let pdf = dir.join("full.pdf");
    let checked = Command::new("qpdf")
        .arg("--check")
        .arg(&pdf)
        .output()
        .expect("qpdf runs (apt-get install qpdf)");
    let said = String::from_utf8_lossy(&checked.stdout);
    assert!(checked.status.success(), "{said}");
    assert!(
        said.contains("No syntax or stream encoding errors"),
        "{said}"
    );

    // What pdfinfo does not print: the figures' words, the outline opening with the paper.
    let mut document = lopdf::Document::load(&pdf).unwrap();
    document.decompress();
    let catalog = document.catalog().unwrap();
    assert_eq!(
        catalog.get(b"PageMode").unwrap().as_name().unwrap(),
        b"UseOutlines"
    );
    assert!(catalog.get(b"MarkInfo").is_ok());
    let alts: Vec<String> = document
        .objects
        .values()
        .filter_map(|object| object.as_dict().ok())
        .filter(|dict| dict.get(b"S").and_then(lopdf::Object::as_name).ok() == Some(b"Figure"))
        .filter_map(|dict| dict.get(b"Alt").ok())
        .map(|alt| text_string(alt.as_str().unwrap_or_default()))
        .collect();
    assert_eq!(alts.len(), 2, "{alts:?}");
    assert!(
        alts.iter()
            .any(|alt| alt.starts_with("Heat map. Inherent: ")),
        "{alts:?}"
    );
}

#[test]
fn a_public_edition_of_a_sensitive_register_needs_its_marking_stated() {
    let dir = Dir::new();
    dir.fixture("small.ron");
    // OFFICIAL-SENSITIVE, and no marking stated for the public edition: refused, nothing written.
    let out = dir.fails(&["export-pdf", "small.ron", "-o", "public.pdf", "--public"]);
    assert!(
        out.stderr.contains(
            "small.ron: the register is marked OFFICIAL-SENSITIVE, so its public edition needs the marking it will carry"
        ) && out.stderr.contains("--public-marking OFFICIAL"),
        "{out:?}"
    );
    assert!(!dir.join("public.pdf").exists());
    let out = dir.fails(&[
        "export-pdf",
        "small.ron",
        "-o",
        "public.pdf",
        "--public",
        "--public-marking",
        "SECRET",
    ]);
    assert!(out.stderr.contains("cannot be marked SECRET"), "{out:?}");
    let out = dir.fails(&[
        "export-pdf",
        "small.ron",
        "-o",
        "public.pdf",
        "--public",
        "--public-marking",
        "PUBLIC",
    ]);
    assert!(out.stderr.contains("`PUBLIC` is not a marking"), "{out:?}");

    dir.ok(&[
        "export-pdf",
        "small.ron",
        "-o",
        "public.pdf",
        "--public",
        "--public-marking",
        "official",
    ]);
    let text = pages(&dir.join("public.pdf"));
    assert!(
        text.iter()
            .all(|page| page.starts_with("OFFICIAL · PUBLIC EDITION")),
        "every page carries the stated marking: {text:?}"
    );
    let all = squeezed(&text.join("\n"));
    assert!(
        all.contains("This edition was reviewed for publication and is marked OFFICIAL."),
        "{all}"
    );
    assert!(
        !all.contains("OFFICIAL-SENSITIVE"),
        "the sensitive marking is not printed: {all}"
    );
    assert_eq!(
        register_file::load(&dir.join("public.pdf"))
            .unwrap()
            .metadata
            .marking,
        dpia_core::register::Marking::Official,
        "the register it carries is the public one"
    );
    // The full edition is as it was.
    dir.ok(&["export-pdf", "small.ron", "-o", "full.pdf"]);
    assert!(pages(&dir.join("full.pdf"))[0].starts_with("OFFICIAL-SENSITIVE"));
}

#[test]
fn the_action_log_reads_back_in_its_sections_and_the_public_edition_names_no_owner() {
    let dir = Dir::new();
    dir.bundled("r.ron");
    let number = dir
        .ok(&[
            "action",
            "r.ron",
            "--add",
            "--text",
            "Publish the audit regime",
            "--theme",
            "Audit and Inspection",
            "--owner",
            "Ownerelda Actionby",
            "--deadline",
            "Sep '19",
            "--entry",
            "LEDS-005",
            "--status",
            "ongoing",
        ])
        .stdout;
    let number = number.trim();
    assert_eq!(number, "139", "after the bundled log's last number");
    for (text, date, extra) in [
        ("Drafted for comment", "2019-08-01", None),
        (
            "Hushaction shared in confidence",
            "2019-08-20",
            Some("--confidential"),
        ),
        ("Circulated to members", "2019-08-10", None),
    ] {
        let mut args = vec![
            "action", "r.ron", "--number", number, "--update", text, "--date", date, "--who",
            "Giverina",
        ];
        args.extend(extra);
        dir.ok(&args);
    }
    dir.ok(&["export-pdf", "r.ron", "-o", "full.pdf", "--actions"]);
    dir.ok(&[
        "export-pdf",
        "r.ron",
        "-o",
        "public.pdf",
        "--actions",
        "--public",
    ]);

    let full_pages = pages(&dir.join("full.pdf"));
    let full = squeezed(&full_pages.join("\n"));
    let at = full
        .find("Action log What the Open Space has committed to")
        .unwrap();
    let log = &full[at..full.find("The register").unwrap()];
    let ongoing = log.find("Ongoing actions").unwrap();
    let proposed = log.find("Proposed complete actions").unwrap();
    let completed = log.find("Completed actions").unwrap();
    assert!(ongoing < proposed && proposed < completed, "{log}");
    for expected in [
        "# Action Deadline Status and updates When from Owner",
        "Action 40, action log v2.2.15",
        "Ownerelda",
        "Hushaction",
    ] {
        assert!(log.contains(expected), "`{expected}` not in:\n{log}");
    }
    let first = log.find("1 August 2019: Drafted").unwrap();
    let second = log.find("10 August 2019: Circulated").unwrap();
    assert!(first < second, "updates in date order: {log}");
    assert!(
        full.contains("Actions 84, 139"),
        "the entry shows the actions on it: {full}"
    );
    for page in full_pages
        .iter()
        .filter(|page| page.contains("Ongoing actions"))
    {
        assert!(
            page.trim_start().starts_with("OFFICIAL") && page.contains("Page "),
            "marking and page number: {page}"
        );
    }

    let public_pdf = dir.join("public.pdf");
    let public = squeezed(&pages(&public_pdf).join("\n"));
    assert!(public.contains("10 August 2019: Circulated"), "{public}");
    let bytes = decompressed(&public_pdf);
    for withheld in ["Ownerelda", "Giverina", "Hushaction", "Home Office NLEDP"] {
        assert!(!public.contains(withheld), "{withheld} in the public text");
        assert!(
            !bytes.contains(withheld),
            "{withheld} in the public bytes (the carried register included)"
        );
    }
}

/// The structure elements of a paper whose type is `role`, as lopdf reads them.
fn elements<'a>(document: &'a lopdf::Document, role: &[u8]) -> Vec<&'a lopdf::Dictionary> {
    document
        .objects
        .values()
        .filter_map(|object| object.as_dict().ok())
        .filter(|dict| dict.get(b"S").and_then(lopdf::Object::as_name).ok() == Some(role))
        .collect()
}

#[test]
fn the_paper_prints_every_rights_note_and_the_rights_by_systems_matrix() {
    let dir = Dir::new();
    let register = register_file::load(&bundled_register()).unwrap();
    let pdf = export(&register, Edition::Full, dir.path(), "full.pdf");
    // Without white space: a note's lines may break after a hyphen.
    let solid = |text: &str| text.split_whitespace().collect::<String>();
    let text = solid(&pages(&pdf).join("\n"));
    // The text in the structure's reading order, where a note split over two pages is whole.
    let tree = poppler("pdfinfo", &["-struct-text", pdf.to_str().unwrap()]);
    let read = solid(
        &tree
            .lines()
            .filter_map(|line| line.trim().strip_prefix('"')?.strip_suffix('"'))
            .collect::<String>(),
    );
    let notes: Vec<&str> = register
        .entries
        .iter()
        .flat_map(|entry| &entry.impacts)
        .map(|impact| impact.note.as_str())
        .filter(|note| !note.is_empty())
        .collect();
    assert_eq!(notes.len(), 75, "the bundled register's notes");
    for note in notes {
        assert!(read.contains(&solid(note)), "`{note}` is printed");
    }

    // In the entry's cell, each right's name and scores, then its note as a paragraph.
    assert!(
        tree.contains(
            " Rights Private and family life 16 → 9\"\n        P (block)\n          \"Images of unconvicted people are held and searched today; deletion is not expected to start before early 2020, so the residual stays high.\"\n        \"Non-discrimination 9 → 6\"\n        P (block)\n"
        ),
        "{tree}"
    );
    // The matrix: a table under its heading, systems heading the columns, rights the rows.
    let matrix = tree
        .find("\"Rights × systems\"")
        .expect("the matrix's heading");
    let after = &tree[matrix..];
    assert!(
        after.starts_with(
            "\"Rights × systems\"\n  Table (block)\n    TR\n      TH:\n         /Scope /Column\n        \"Right\"\n      TH:\n         /Scope /Column\n        \"PND\""
        ),
        "{after}"
    );
    assert!(
        after.contains(
            "TH:\n         /Scope /Row\n        \"Private and family life\"\n      TD\n        \"16 → 9\"\n      TD\n        \"16 → 9\"\n      TD\n        \"12 → 9\""
        ),
        "{after}"
    );
    let summary = tree.find("\"Summary\"").unwrap();
    let top = tree.find("\"Top 10 priorities\"").unwrap();
    assert!(summary < matrix && matrix < top, "in the summary");
    assert!(
        text.contains(&solid("Rights × systems Right PND PNC LEDS HOB NRMP")),
        "pdftotext reads it too"
    );
}

#[test]
fn the_public_edition_leaves_out_notes_kept_confidential() {
    let dir = Dir::new();
    let mut register = register_file::load(&bundled_register()).unwrap();
    register.metadata.marking = dpia_core::register::Marking::Official;
    let entry = &mut register.entries[0];
    "Quillfeather’s reason for the score".clone_into(&mut entry.impacts[0].note);
    entry.confidential.insert(Field::ImpactNotes);
    let others: Vec<String> = entry.impacts[1..].iter().map(|i| i.note.clone()).collect();
    let full = export(&register, Edition::Full, dir.path(), "full.pdf");
    assert!(pages(&full).join("\n").contains("Quillfeather"));
    let public = export(&register, Edition::Public, dir.path(), "public.pdf");
    let text = pages(&public).join("\n");
    assert!(!text.contains("Quillfeather"), "{text}");
    assert!(
        !decompressed(&public).contains("Quillfeather"),
        "nowhere in the file"
    );
    for note in others {
        let start: String = note
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            !text.contains(&start),
            "`{start}`: every note of the entry is withheld"
        );
    }
    let tree = poppler("pdfinfo", &["-struct-text", public.to_str().unwrap()]);
    assert!(
        tree.contains("P (block)\n          \"[REDACTED]\""),
        "the note's place is marked: {tree}"
    );
}

#[test]
fn a_welsh_paper_is_in_welsh_and_marks_its_english_words() {
    let dir = Dir::new();
    let mut register = register_file::load(&fixture("welsh.ron")).unwrap();
    // A right left with its default English name.
    "Private and family life".clone_into(&mut register.rights[0].name);
    let pdf = export(&register, Edition::Full, dir.path(), "cy.pdf");
    let checked = Command::new("qpdf")
        .arg("--check")
        .arg(&pdf)
        .output()
        .expect("qpdf runs (apt-get install qpdf)");
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stdout)
    );
    let mut document = lopdf::Document::load(&pdf).unwrap();
    document.decompress();
    let catalog = document.catalog().unwrap();
    assert_eq!(
        text_string(catalog.get(b"Lang").unwrap().as_str().unwrap()),
        "cy",
        "the document's language is the register's"
    );
    let spans = elements(&document, b"Span");
    assert_eq!(
        spans.len(),
        5,
        "the marking, and the English name in the matrix, both entries and the catalogue"
    );
    for span in spans {
        assert_eq!(
            text_string(span.get(b"Lang").unwrap().as_str().unwrap()),
            "en-GB"
        );
    }
    let tree = poppler("pdfinfo", &["-struct-text", pdf.to_str().unwrap()]);
    assert!(
        tree.contains("Span (inline)\n          \"OFFICIAL-SENSITIVE\""),
        "{tree}"
    );
    assert!(
        tree.contains("Span (inline)\n          \"Private and family life\"\n        \"12 → 6\""),
        "{tree}"
    );
    let text = squeezed(&pages(&pdf).join("\n"));
    assert!(text.contains("Hawliau × systemau Hawl LEDS PND"), "{text}");
    assert!(
        text.contains("gweddilliol 6 (Private and family life)"),
        "reasons name the right: {text}"
    );
    // An English paper marks no span: its words are all its own language's.
    let english = export(
        &register_file::load(&bundled_register()).unwrap(),
        Edition::Full,
        dir.path(),
        "en.pdf",
    );
    let mut document = lopdf::Document::load(&english).unwrap();
    document.decompress();
    assert!(elements(&document, b"Span").is_empty());
}

#[test]
fn a_welsh_papers_changes_say_what_changed_and_how_in_welsh() {
    let dir = Dir::new();
    fs::copy(fixture("welsh.ron"), dir.join("cy.ron")).unwrap();
    dir.ok(&["snapshot", "cy.ron", "--label", "v0.3", "--author", "Siân"]);
    dir.ok(&[
        "edit",
        "cy.ron",
        "--entry",
        "LEDS-001",
        "--set",
        "must_have=no",
        "--set",
        "privacy.residual=1x1",
        "--author",
        "Siân",
    ]);
    dir.ok(&["export-pdf", "cy.ron", "-o", "cy.pdf", "--since", "v0.3"]);
    let text = squeezed(&pages(&dir.join("cy.pdf")).join("\n"));
    assert!(text.contains("Newidiadau ers v0.3"), "{text}");
    assert!(text.contains("• hanfodol: ie → na"), "{text}");
    assert!(
        text.contains(
            "• sgôr weddilliol (Bywyd preifat a theuluol): 6 (sylweddol × posibl) → 1 (dibwys × annhebygol iawn)"
        ),
        "{text}"
    );
    for english in ["must-have:", "yes → no", "significant"] {
        assert!(!text.contains(english), "`{english}` in {text}");
    }
    // The command line's change log keeps its English words.
    let out = dir.ok(&["diff", "cy.snapshots/v0.3.ron", "cy.ron"]);
    assert!(out.stdout.contains("must-have: yes → no"), "{}", out.stdout);
    assert!(out.stdout.contains("privacy residual: "), "{}", out.stdout);
}
