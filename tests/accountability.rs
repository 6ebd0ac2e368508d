//! Accountability through the binary: residual risks accepted (or not) by name, `check` failing a
//! Final register that carries an unaccepted high residual risk, and prior consultation of the ICO.

use dpia_core::register::{AcceptanceDecision, EntryId, Status};
use dpia_files::register_file;

use super::util::Dir;

/// The entry id a `check` line names: `…: entry PND-001: …`.
fn entry_named(line: &str) -> &str {
    line.split("entry ")
        .nth(1)
        .and_then(|rest| rest.split(':').next())
        .unwrap_or_default()
}

/// `accept register.ron --entry ID` by Gwen Jones, SIRO, with `rationale` and `extra` options.
fn accept(dir: &Dir, id: &str, rationale: &str, extra: &[&str]) {
    let mut args = vec![
        "accept",
        "register.ron",
        "--entry",
        id,
        "--name",
        "Gwen Jones",
        "--role",
        "SIRO",
        "--rationale",
        rationale,
    ];
    args.extend_from_slice(extra);
    dir.ok(&args);
}

/// The bundled register, set to Final, in `dir` as `register.ron`.
fn final_bundled(dir: &Dir) {
    let path = dir.bundled("register.ron");
    let mut register = register_file::load(&path).unwrap();
    register.metadata.status = Status::Final;
    register_file::save(&register, &path).unwrap();
}

#[test]
fn a_final_register_with_an_unaccepted_high_residual_fails_check_until_accepted() {
    let dir = Dir::new();
    final_bundled(&dir);
    let out = dir.problems(&["check", "register.ron"]);
    let unaccepted: Vec<&str> = out
        .stdout
        .lines()
        .filter(|line| line.contains("the register is Final but the residual risk"))
        .collect();
    assert!(!unaccepted.is_empty(), "{out:?}");
    // Accept each, as the SIRO would, from the ids `check` names.
    for line in &unaccepted {
        accept(
            &dir,
            entry_named(line),
            "Mitigations agreed with the Open Space",
            &["--date", "2026-12-01"],
        );
    }
    let out = dir.ok(&["check", "register.ron"]);
    assert!(out.stdout.contains(": ok, "), "{out:?}");
    assert!(
        out.stdout
            .contains("prior consultation of the ICO is indicated"),
        "{out:?}"
    );
    let first = entry_named(unaccepted[0]);
    let register = register_file::load(&dir.join("register.ron")).unwrap();
    let acceptance = register
        .entry(&EntryId::parse(first).unwrap())
        .unwrap()
        .acceptance
        .clone()
        .unwrap();
    assert_eq!(acceptance.decision, AcceptanceDecision::Accepted);
    assert_eq!(acceptance.name, "Gwen Jones");
    let log = dir.ok(&["log", "register.ron", "--entry", first]);
    assert!(
        log.stdout
            .contains("risk acceptance: \"\" → \"accepted by Gwen Jones (SIRO) on 2026-12-01"),
        "{}",
        log.stdout
    );
}

#[test]
fn a_risk_not_accepted_still_fails_a_final_register() {
    let dir = Dir::new();
    final_bundled(&dir);
    let out = dir.problems(&["check", "register.ron"]);
    let line = out
        .stdout
        .lines()
        .find(|line| line.contains("the register is Final but"))
        .unwrap();
    let id = entry_named(line);
    accept(
        &dir,
        id,
        "Deletion must be in place first",
        &["--not-accepted"],
    );
    let out = dir.problems(&["check", "register.ron"]);
    assert!(
        out.stdout
            .contains(&format!("entry {id}: the register is Final but")),
        "{out:?}"
    );
}

#[test]
fn prior_consultation_is_recorded_and_shown_by_check() {
    let dir = Dir::new();
    dir.bundled("register.ron");
    dir.ok(&[
        "consultation",
        "register.ron",
        "--sent",
        "2026-11-02",
        "--reference",
        "ICO/RFA/0042",
    ]);
    dir.ok(&[
        "consultation",
        "register.ron",
        "--response",
        "Proceed once deletion is automated",
        "--response-date",
        "2026-11-30",
    ]);
    let out = dir.ok(&["check", "register.ron"]);
    assert!(
        out.stdout.contains(
            "prior consultation of the ICO: sent 2026-11-02, reference ICO/RFA/0042, response 2026-11-30: Proceed once deletion is automated"
        ),
        "{out:?}"
    );
    assert!(!out.stdout.contains("is indicated"), "recorded: {out:?}");
    dir.fails(&["consultation", "register.ron", "--sent", "2026-13-01"]);
}

#[test]
fn a_committed_snapshot_still_verifies_with_its_recorded_checksum() {
    // Taken once and committed: if ron's printer or the checksum's definition ever changed, every
    // snapshot users have stored would turn "altered"; this fails first.
    let path = super::util::fixture("small.snapshots/v1.0.ron");
    let snapshot = dpia_files::snapshot_file::load(&path).unwrap();
    assert_eq!(
        snapshot.checksum().to_string(),
        "846ecf88f9aec1bf3eeba6f79bb8e31095e67ca60018c811c681d988dda744a2"
    );
    assert_eq!(snapshot.author(), "Gwen Jones");
    let dir = Dir::new();
    let out = dir.ok(&["check", path.to_str().unwrap()]);
    assert!(out.stdout.contains("checksum verified"), "{out:?}");
}

#[test]
fn a_committed_chain_still_verifies_with_its_recorded_checksums() {
    // Taken once through the command line and committed: format 2 snapshots, the second recording
    // the first, and the register recording both. A change to how the link is hashed fails here.
    let path = super::util::fixture("chained.ron");
    let register = dpia_files::register_file::load(&path).unwrap();
    let recorded: Vec<String> = register
        .snapshots
        .iter()
        .map(|record| format!("{} {}", record.label, record.checksum))
        .collect();
    assert_eq!(
        recorded,
        [
            "v1.0 0492ce05bd88030afc3acf4888cce19ba4e5b3a13abdb1d48d3df498e584b359",
            "v1.1 cbb07857556c3338a7f9007385683239ed17732f64ea40e82d87913323ad525a",
        ]
    );
    let second =
        dpia_files::snapshot_file::load(&super::util::fixture("chained.snapshots/v1.1.ron"))
            .unwrap();
    assert_eq!(second.record(), register.snapshots[1]);
    assert_eq!(second.previous(), Some(&register.snapshots[0]));
    let dir = Dir::new();
    let out = dir.ok(&["check", "--verify-snapshots", path.to_str().unwrap()]);
    assert!(!out.stdout.contains("snapshot v1."), "{out:?}");
    dir.ok(&["snapshots", path.to_str().unwrap()]);
}

#[cfg(unix)]
#[test]
fn a_private_registers_snapshots_trail_approvals_and_papers_are_private() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = Dir::new();
    let path = dir.bundled("register.ron");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
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
        "SIRO",
        "--name",
        "Gwen",
        "--decision",
        "approved",
    ]);
    dir.ok(&[
        "edit",
        "register.ron",
        "--entry",
        "PND-001",
        "--set",
        "votes=2",
    ]);
    dir.ok(&["export-pdf", "register.ron", "-o", "paper.pdf"]);
    dir.ok(&["export-csv", "register.ron", "-o", "entries.csv"]);
    let mut made = vec![
        dir.join("paper.pdf"),
        dir.join("entries.csv"),
        dir.join("register.ron"),
    ];
    for folder in ["register.snapshots", "register.approvals", "register.trail"] {
        for entry in std::fs::read_dir(dir.join(folder)).unwrap() {
            made.push(entry.unwrap().path());
        }
    }
    assert_eq!(made.len(), 6, "{made:?}");
    for file in made {
        let permissions = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(permissions, 0o600, "{}", file.display());
    }
}
