//! `export-docx` read back two ways: the document's own XML (every part of the zip, unpacked), and
//! the text of the PDF LibreOffice makes of it (`soffice --headless --convert-to pdf`, then
//! `pdftotext`). LibreOffice is part of CI (`.ci/run` installs libreoffice-writer-nogui): its
//! absence is a failure, not a skip.

use std::fs;
use std::io::Read as _;
use std::path::Path;
use std::process::Command;

use dpia_core::register::{Field, Mitigation};
use dpia_files::register_file;

use super::pdf::{SECRETS, after_workshop, register_with_secrets};
use super::util::{Dir, fixture};

/// Every part of the Word document, unpacked, one after another.
fn parts(docx: &Path) -> String {
    let mut archive = zip::ZipArchive::new(fs::File::open(docx).unwrap()).unwrap();
    let mut text = String::new();
    for idx in 0..archive.len() {
        let mut part = archive.by_index(idx).unwrap();
        text.push_str("\n--- ");
        text.push_str(&part.name().unwrap());
        text.push('\n');
        part.read_to_string(&mut text).unwrap();
    }
    text
}

/// The text of the PDF LibreOffice makes of `docx` (with a profile of its own), white space squeezed.
fn libreoffice_text(dir: &Dir, docx: &str) -> String {
    let converted = Command::new("soffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(dir.join(docx))
        .env("HOME", dir.path())
        .output()
        .expect("soffice (LibreOffice) must be installed to test the Word export: apt-get install libreoffice-writer-nogui");
    assert!(converted.status.success(), "soffice failed: {converted:?}");
    let pdf = dir.join(Path::new(docx).with_extension("pdf"));
    let text = Command::new("pdftotext")
        .arg("-raw")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(text.status.success(), "pdftotext failed: {text:?}");
    String::from_utf8_lossy(&text.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn export_docx_opens_in_libreoffice_and_holds_every_entry() {
    let dir = Dir::new();
    dir.bundled("r.ron");
    let out = dir.ok(&["export-docx", "r.ron", "-o", "r.docx"]);
    assert!(
        out.stdout
            .contains("29 entries, full edition, marked OFFICIAL"),
        "{out:?}"
    );
    let text = libreoffice_text(&dir, "r.docx");
    let register = register_file::load(&dir.join("r.ron")).unwrap();
    assert_eq!(register.entries.len(), 29, "the bundled register's entries");
    for entry in &register.entries {
        assert!(
            text.contains(entry.id.as_str()),
            "{} is in the PDF LibreOffice made",
            entry.id
        );
    }
    for words in [
        "OFFICIAL",
        "Summary",
        "Issue",
        "Concern",
        "Mitigation",
        "Page 1 of",
    ] {
        assert!(text.contains(words), "{words:?} in:\n{text:.2000}");
    }
}

#[test]
fn since_adds_the_changes_as_the_paper_does_and_the_public_edition_redacts_them() {
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

    dir.ok(&[
        "export-docx",
        "reg.ron",
        "-o",
        "full.docx",
        "--since",
        "v0.9",
    ]);
    let text = libreoffice_text(&dir, "full.docx");
    for expected in [
        "Changes since v0.9 0 added, 0 removed, 2 changed",
        "concern: “Users see more than their role needs.” → “Users see far more than their role needs.”",
        "New hushhush wording",
    ] {
        assert!(text.contains(expected), "`{expected}` not in:\n{text}");
    }

    dir.ok(&[
        "export-docx",
        "reg.ron",
        "-o",
        "public.docx",
        "--since",
        "v0.9",
        "--public",
        "--public-marking",
        "OFFICIAL",
    ]);
    let text = libreoffice_text(&dir, "public.docx");
    assert!(
        text.contains("Changes since v0.9 0 added, 0 removed, 1 changed"),
        "{text}"
    );
    assert!(!text.contains("hushhush"), "{text}");
    assert!(!parts(&dir.join("public.docx")).contains("hushhush"));

    let out = dir.fails(&[
        "export-docx",
        "reg.ron",
        "-o",
        "none.docx",
        "--since",
        "v9.9",
    ]);
    assert!(
        out.stderr
            .contains("no snapshot labelled v9.9; `dpia-register snapshots` lists them"),
        "{out:?}"
    );
    assert!(!dir.join("none.docx").exists());
}

#[test]
fn workshop_adds_its_outcome_and_the_public_edition_names_no_one() {
    let dir = Dir::new();
    after_workshop(dir.path());
    dir.ok(&[
        "export-docx",
        "small.ron",
        "-o",
        "full.docx",
        "--workshop",
        "latest",
    ]);
    let full = libreoffice_text(&dir, "full.docx");
    for expected in [
        "Workshop outcome Open Space 6",
        "Participants: 2: Gwenllian Voterina, Orgkappa (pseudonym)",
        "Votes: 3 per participant; 2 cast",
        "Final order Rank Entry Tier Votes 1 PND-002 Unscored entry Must",
        "PND-001 Colocation of PND and PNC data – 2",
        "Manual moves • PNC-002 moved from rank 2 to 3: Gwenllian said it can wait",
    ] {
        assert!(full.contains(expected), "`{expected}` not in:\n{full}");
    }

    dir.ok(&[
        "export-docx",
        "small.ron",
        "-o",
        "public.docx",
        "--workshop",
        "1",
        "--public",
        "--public-marking",
        "OFFICIAL",
    ]);
    let public = libreoffice_text(&dir, "public.docx");
    assert!(
        public.contains("Participants: 2, not named in this edition"),
        "{public}"
    );
    assert!(
        public.contains("PNC-002 moved from rank 2 to 3: [REDACTED] said it can wait"),
        "{public}"
    );
    let xml = parts(&dir.join("public.docx"));
    for name in ["Gwenllian", "Voterina", "Orgkappa"] {
        assert!(
            !public.contains(name),
            "{name} in the public edition's text"
        );
        assert!(!xml.contains(name), "{name} in the public edition's XML");
    }

    let out = dir.fails(&[
        "export-docx",
        "small.ron",
        "-o",
        "x.docx",
        "--workshop",
        "2",
    ]);
    assert_eq!(
        out.stderr.trim(),
        "dpia-register: small.ron: no workshop 2; it records 1: 1 = 2019-07-11 Open Space 6"
    );
    assert!(!dir.join("x.docx").exists(), "no document is written");
}

#[test]
fn the_public_edition_has_no_trace_of_what_it_removes() {
    let dir = Dir::new();
    let mut register = register_with_secrets();
    // An owner the docx would print in the full edition, were owners printed.
    register.entries[0].mitigations.push(Mitigation {
        owner: "Ownerton Mitigator".to_owned(),
        ..Mitigation::proposed("Plain mitigation")
    });
    register_file::save(&register, &dir.join("r.ron")).unwrap();
    dir.ok(&["export-docx", "r.ron", "-o", "full.docx"]);
    let out = dir.fails(&["export-docx", "r.ron", "-o", "public.docx", "--public"]);
    assert!(
        out.stderr
            .contains("is marked OFFICIAL-SENSITIVE, so its public edition needs the marking"),
        "as for the PDF: {out:?}"
    );
    dir.ok(&[
        "export-docx",
        "r.ron",
        "-o",
        "public.docx",
        "--public",
        "--public-marking",
        "OFFICIAL",
    ]);

    // The full edition shows them, so this test can fail.
    let full_xml = parts(&dir.join("full.docx"));
    let full_text = libreoffice_text(&dir, "full.docx");
    for secret in ["Secretissue", "Secretconcern", "Secretmitigation"] {
        assert!(
            full_xml.contains(secret),
            "{secret} in the full edition's XML"
        );
        assert!(
            full_text.contains(secret),
            "{secret} in the full edition's text"
        );
    }

    let public_xml = parts(&dir.join("public.docx"));
    let public_text = libreoffice_text(&dir, "public.docx");
    for secret in SECRETS.into_iter().chain(["Ж"]) {
        assert!(
            !public_xml.contains(secret),
            "{secret} in the public edition's XML"
        );
        assert!(
            !public_text.contains(secret),
            "{secret} in the text LibreOffice shows of the public edition"
        );
    }
    assert!(
        public_text.contains("Public edition: confidential text is redacted."),
        "{public_text:.2000}"
    );
    assert!(public_text.contains("PND-009"), "the entry is still listed");
}
