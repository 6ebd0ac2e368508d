//! Version snapshots, change logs and restores: through the library and the real binary.

use std::fs;
use std::path::Path;

use dpia_core::diff::diff;
use dpia_core::register::{
    Assessment, Entry, EntryId, MitigationStatus, Register, RightId, SystemId,
};
use dpia_core::snapshot::{self, Label, Snapshot};
use dpia_files::snapshot_file::{self, Version};
use dpia_files::{LoadError, SaveError, register_file};

use super::util::{Dir, assert_text, bundled_register, fixture, without_warnings};

fn label(text: &str) -> Label {
    Label::parse(text).unwrap()
}

fn take(register: &Register, text: &str, taken_at: &str) -> Snapshot {
    Snapshot::take(
        register,
        label(text),
        taken_at.parse().unwrap(),
        "Siân Ŵyn",
        "Issued for the Open Space",
    )
    .unwrap()
}

/// Copies `small.ron` into `dir` as `reg.ron`.
fn small_register_in(dir: &Path) -> Register {
    let register = register_file::load(&fixture("small.ron")).unwrap();
    register_file::save(&register, &dir.join("reg.ron")).unwrap();
    register
}

/// The edit the change-log tests compare against `small.ron`: a bit of every section.
fn edited_small(mut register: Register) -> Register {
    "v0.2".clone_into(&mut register.metadata.version_label);
    let pnd_001 = register
        .entry_mut(&EntryId::parse("PND-001").unwrap())
        .unwrap();
    pnd_001.mitigations[0].status = MitigationStatus::Implemented;
    pnd_001.impacts[0].residual = Assessment::from_values(2, 2);
    register
        .entry_mut(&EntryId::parse("PND-002").unwrap())
        .unwrap()
        .must_have = true;
    // The id is issued before the delete: small.ron keeps no record of issued ids.
    let pnc = SystemId::parse("PNC").unwrap();
    let id = register.issue_entry_id(&pnc);
    register.entries.push(Entry::new(id, pnc, "New entry"));
    register.entries.retain(|e| e.id.as_str() != "PNC-002");
    register
}

#[test]
fn snapshot_is_written_beside_the_register_and_checks() {
    let dir = Dir::new();
    small_register_in(dir.path());
    let out = dir.ok(&[
        "snapshot", "reg.ron", "--label", "v0.2", "--author", "Siân", "--note", "Workshop",
    ]);
    assert!(
        out.stdout
            .starts_with("reg.snapshots/v0.2.ron: snapshot v0.2 of 3 entries, checksum "),
        "{out:?}"
    );
    let snapshot = snapshot_file::load(&dir.join("reg.snapshots/v0.2.ron")).unwrap();
    assert_eq!(snapshot.author(), "Siân");
    assert_eq!(snapshot.note(), "Workshop");
    let working = register_file::load(&dir.join("reg.ron")).unwrap();
    assert!(snapshot.matches(&working));
    assert_eq!(
        working.snapshots,
        [snapshot.record()],
        "the register records it"
    );

    let out = dir.ok(&["check", "reg.snapshots/v0.2.ron", "reg.ron"]);
    assert_text(
        &without_warnings(&out.stdout),
        "reg.snapshots/v0.2.ron: ok, snapshot v0.2, checksum verified, 3 entries\n\
         reg.ron: ok, 3 entries\n",
    );
}

#[test]
fn the_author_defaults_to_gits_name_else_the_user() {
    let dir = Dir::new();
    small_register_in(dir.path());
    // No git configuration at all: the login name.
    let no_git_name = [
        ("USER", "gwen"),
        ("GIT_CONFIG_GLOBAL", "/dev/null"),
        ("GIT_CONFIG_NOSYSTEM", "1"),
    ];
    dir.run_with_env(&["snapshot", "reg.ron", "--label", "v1"], &no_git_name)
        .assert_code(0);
    let snapshot = snapshot_file::load(&dir.join("reg.snapshots/v1.ron")).unwrap();
    assert_eq!(snapshot.author(), "gwen");
    assert_eq!(snapshot.note(), "");
    // git's user.name, the name the team's commits carry, comes first.
    let mut git_name = no_git_name.to_vec();
    git_name.extend([
        ("GIT_CONFIG_COUNT", "1"),
        ("GIT_CONFIG_KEY_0", "user.name"),
        ("GIT_CONFIG_VALUE_0", "Gwen Jones"),
    ]);
    dir.run_with_env(&["snapshot", "reg.ron", "--label", "v2"], &git_name)
        .assert_code(0);
    let snapshot = snapshot_file::load(&dir.join("reg.snapshots/v2.ron")).unwrap();
    assert_eq!(snapshot.author(), "Gwen Jones");
}

#[test]
fn a_snapshot_is_never_overwritten() {
    let dir = Dir::new();
    let register = small_register_in(dir.path());
    let first = take(&register, "v1.0", "2019-04-30T09:00:00Z");
    let path = snapshot_file::save_new(&dir.join("reg.ron"), &first).unwrap();
    let before = fs::read(&path).unwrap();

    let second = take(&edited_small(register), "v1.0", "2019-05-01T09:00:00Z");
    let err = snapshot_file::save_new(&dir.join("reg.ron"), &second).unwrap_err();
    assert!(matches!(err, SaveError::AlreadyExists { .. }), "{err}");
    assert_eq!(
        fs::read(&path).unwrap(),
        before,
        "the first snapshot is intact"
    );
    assert_eq!(
        fs::read_dir(dir.join("reg.snapshots")).unwrap().count(),
        1,
        "no temporary file is left"
    );
}

#[test]
fn a_label_clash_is_an_error_proposing_the_next_label() {
    let dir = Dir::new();
    small_register_in(dir.path());
    let args = ["snapshot", "reg.ron", "--label", "v1.0", "--author", "A"];
    dir.ok(&args);
    let before = fs::read(dir.join("reg.snapshots/v1.0.ron")).unwrap();
    let out = dir.fails(&args);
    assert_text(
        &out.stderr,
        "dpia-register: reg.snapshots/v1.0.ron: a snapshot labelled v1.0 already exists and is never overwritten; choose another label (the next is v1.1)\n",
    );
    assert_eq!(
        fs::read(dir.join("reg.snapshots/v1.0.ron")).unwrap(),
        before,
        "untouched"
    );
}

#[test]
fn a_label_that_is_not_a_safe_file_name_is_refused() {
    let dir = Dir::new();
    small_register_in(dir.path());
    let out = dir.fails(&["snapshot", "reg.ron", "--label", "../v1"]);
    assert!(out.stderr.contains("cannot start with `.`"), "{out:?}");
    assert!(!dir.join("reg.snapshots").exists(), "nothing is written");
}

#[test]
fn an_altered_snapshot_is_reported() {
    let dir = Dir::new();
    let register = small_register_in(dir.path());
    let path = snapshot_file::save_new(
        &dir.join("reg.ron"),
        &take(&register, "v1.0", "2019-04-30T09:00:00Z"),
    )
    .unwrap();
    // One byte changed inside a value: the file still parses, but is not what was taken.
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replacen("Colocation", "Colocatiom", 1)).unwrap();

    let err = snapshot_file::load(&path).unwrap_err();
    assert!(matches!(err, LoadError::Altered { .. }), "{err}");

    let out = dir.problems(&["check", "reg.snapshots/v1.0.ron"]);
    assert!(
        out.stdout.starts_with(
            "reg.snapshots/v1.0.ron: the checksum does not match the content: the snapshot has been altered or is corrupt since it was taken (it records checksum "
        ),
        "{out:?}"
    );

    let out = dir.fails(&["diff", "reg.snapshots/v1.0.ron", "reg.ron"]);
    assert!(out.stderr.contains("altered or is corrupt"), "{out:?}");
}

#[test]
fn a_corrupt_snapshot_is_reported_with_its_position() {
    let dir = Dir::new();
    let register = small_register_in(dir.path());
    let path = snapshot_file::save_new(
        &dir.join("reg.ron"),
        &take(&register, "v1.0", "2019-04-30T09:00:00Z"),
    )
    .unwrap();
    let text = fs::read_to_string(&path).unwrap();
    let line = text.lines().position(|l| l.contains("Colocation")).unwrap() + 1;
    fs::write(&path, text.replacen("\"Colocation", "Colocation", 1)).unwrap();
    let out = dir.problems(&["check", "reg.snapshots/v1.0.ron"]);
    assert!(
        out.stdout
            .starts_with(&format!("reg.snapshots/v1.0.ron:{line}:")),
        "{out:?} (expected line {line})"
    );
}

#[test]
fn snapshots_lists_label_time_author_and_note() {
    let dir = Dir::new();
    let register = small_register_in(dir.path());
    let reg = dir.join("reg.ron");
    // Saved out of order: the list is by time taken.
    let mut later = take(
        &edited_small(register.clone()),
        "v1.1",
        "2019-05-14T13:30:00Z",
    );
    later = Snapshot::take(
        later.register(),
        later.label().clone(),
        later.taken_at(),
        "Gwen",
        "After the workshop",
    )
    .unwrap();
    snapshot_file::save_new(&reg, &later).unwrap();
    snapshot_file::save_new(&reg, &take(&register, "v1.0", "2019-04-30T09:00:00Z")).unwrap();

    let out = dir
        .run_with_env(&["snapshots", "reg.ron"], &[("TZ", "UTC")])
        .assert_code(0);
    // Saved by the library without the register recording them, as an older version did: listed,
    // with a warning each.
    assert_eq!(
        out.stdout.matches(": warning: snapshot ").count(),
        2,
        "{out:?}"
    );
    assert!(
        out.stdout.contains("is not recorded in the register"),
        "{out:?}"
    );
    assert_text(
        &without_warnings(&out.stdout),
        "label  taken                 author    entries  note
v1.0   2019-04-30 09:00 UTC  Siân Ŵyn        3  Issued for the Open Space
v1.1   2019-05-14 13:30 UTC  Gwen            3  After the workshop
",
    );

    // A damaged snapshot is listed as a problem, and the list exits 1.
    let path = snapshot_file::path(&reg, &label("v1.0"));
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replacen("votes: 2", "votes: 3", 1)).unwrap();
    let out = dir
        .run_with_env(&["snapshots", "reg.ron"], &[("TZ", "UTC")])
        .assert_code(1);
    let kept = without_warnings(&out.stdout);
    let lines: Vec<&str> = kept.lines().collect();
    assert_eq!(lines.len(), 3, "{}", out.stdout);
    assert!(lines[1].starts_with("v1.1 "), "{}", out.stdout);
    assert!(
        lines[2].starts_with("reg.snapshots/v1.0.ron: the checksum does not match"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_register_without_snapshots_lists_none() {
    let dir = Dir::new();
    small_register_in(dir.path());
    let out = dir.ok(&["snapshots", "reg.ron"]);
    assert_text(&out.stdout, "reg.ron: no snapshots\n");
}

#[test]
fn diff_of_a_snapshot_and_the_working_register() {
    let dir = Dir::new();
    let register = small_register_in(dir.path());
    dir.ok(&["snapshot", "reg.ron", "--label", "v0.1"]);
    register_file::save(&edited_small(register), &dir.join("reg.ron")).unwrap();

    let out = dir.ok(&["diff", "reg.snapshots/v0.1.ron", "reg.ron"]);
    assert_text(
        &out.stdout,
        "1 added, 1 removed, 2 changed

Register details
  version label: v0.1 → v0.2

Added
  PNC-003 (PNC): New entry

Removed
  PNC-002 (PNC): Retention of records of the unconvicted

Changed
  PND-001 (PND): Colocation of PND and PNC data
    mitigation 1 status: in progress → implemented
    privacy residual: 9 (significant × likely) → 4 (limited × possible)
  PND-002 (PND): Unscored entry
    must-have: no → yes

Rank movements
  PND-002: rank 3 → 1
",
    );

    let out = dir.ok(&[
        "diff",
        "reg.snapshots/v0.1.ron",
        "reg.ron",
        "--format",
        "csv",
    ]);
    assert_text(
        &out.stdout,
        "change,id,system,issue,field,old,new
register,,,,version label,v0.1,v0.2
added,PNC-003,PNC,New entry,,,
removed,PNC-002,PNC,Retention of records of the unconvicted,,,
changed,PND-001,PND,Colocation of PND and PNC data,mitigation 1 status,in progress,implemented
changed,PND-001,PND,Colocation of PND and PNC data,privacy residual,9 (significant × likely),4 (limited × possible)
changed,PND-002,PND,Unscored entry,must-have,no,yes
rank,PND-002,PND,Unscored entry,rank,3,1
",
    );
}

#[test]
fn diff_exits_0_when_nothing_differs() {
    let dir = Dir::new();
    small_register_in(dir.path());
    fs::copy(dir.join("reg.ron"), dir.join("copy.ron")).unwrap();
    let out = dir.ok(&["diff", "reg.ron", "copy.ron"]);
    assert_text(
        &out.stdout,
        "0 added, 0 removed, 0 changed\n\nNo differences.\n",
    );
}

#[test]
fn diff_of_two_snapshots() {
    let dir = Dir::new();
    let register = small_register_in(dir.path());
    let reg = dir.join("reg.ron");
    snapshot_file::save_new(&reg, &take(&register, "v1.0", "2019-04-30T09:00:00Z")).unwrap();
    snapshot_file::save_new(
        &reg,
        &take(&edited_small(register), "v1.1", "2019-05-14T09:00:00Z"),
    )
    .unwrap();
    let out = dir.ok(&["diff", "reg.snapshots/v1.0.ron", "reg.snapshots/v1.1.ron"]);
    assert!(
        out.stdout.starts_with("1 added, 1 removed, 2 changed\n"),
        "{out:?}"
    );
}

/// Edits the bundled register in every way the change log knows.
fn edited_bundled(mut register: Register) -> Register {
    register.metadata.title.push_str(" (revised)");
    register.entries.remove(3);
    let leds = SystemId::parse("LEDS").unwrap();
    let id = register.issue_entry_id(&leds);
    register
        .entries
        .insert(5, Entry::new(id, leds, "Access by partner agencies"));
    let entry = &mut register.entries[0];
    entry.concern.push_str(" Users were not told.");
    entry.votes += 3;
    entry.must_have = !entry.must_have;
    entry.mitigations.reverse();
    if let Some(mitigation) = entry.mitigations.first_mut() {
        mitigation.status = MitigationStatus::Rejected;
    }
    let entry = &mut register.entries[7];
    "Renamed".clone_into(&mut entry.issue);
    entry.impacts.clear();
    let entry = &mut register.entries[9];
    entry.system = SystemId::parse("HOB").unwrap();
    entry.affected_groups.push("children".to_owned());
    if let Some(impact) = entry.impacts.first_mut() {
        impact.residual = None;
        "Rescored".clone_into(&mut impact.note);
    }
    entry.impacts.push(dpia_core::register::Impact::new(
        RightId::parse("life").unwrap(),
        Assessment::from_values(4, 4).unwrap(),
    ));
    register
}

#[test]
fn restore_as_working_copy_round_trips_and_keeps_the_state_before() {
    let dir = Dir::new();
    let reg = dir.join("reg.ron");
    let original = register_file::load(&bundled_register()).unwrap();
    register_file::save(&original, &reg).unwrap();
    let v1 = take(&original, "v1.0", "2019-04-30T09:00:00Z");
    snapshot_file::save_new(&reg, &v1).unwrap();

    let working = edited_bundled(original.clone());
    register_file::save(&working, &reg).unwrap();
    let log = diff(v1.register(), &working);
    assert_eq!(
        log.summary(),
        "1 added, 1 removed, 3 changed",
        "{}",
        log.to_text()
    );
    assert!(!log.rank_movements.is_empty(), "{}", log.to_text());

    // The app keeps the working state as an automatic snapshot, then restores.
    let listed = snapshot_file::list(&reg).unwrap();
    let kept = snapshot::before_restore(
        &working,
        v1.label(),
        "2019-05-01T10:00:00Z".parse().unwrap(),
        "Siân",
        &snapshot_file::labels(&listed),
    )
    .unwrap();
    let kept_path = snapshot_file::save_new(&reg, &kept).unwrap();
    let restored = snapshot::restore_whole(&working, v1.register());
    register_file::save(&restored, &reg).unwrap();

    let reloaded = register_file::load(&reg).unwrap();
    let back = diff(v1.register(), &reloaded);
    assert!(back.is_empty(), "{}", back.to_text());
    assert_eq!(reloaded.entries, original.entries);
    assert_eq!(
        reloaded.issued_ids, working.issued_ids,
        "ids issued since v1.0 stay issued"
    );
    let Version::Snapshot(kept_back) = snapshot_file::load_version(&kept_path).unwrap() else {
        panic!("the kept state is a snapshot");
    };
    assert_eq!(kept_back.register(), &working, "the state before is kept");
    let labels: Vec<String> = snapshot_file::list(&reg)
        .unwrap()
        .iter()
        .map(|listed| listed.details.as_ref().unwrap().label.to_string())
        .collect();
    assert_eq!(labels, ["v1.0", "auto-before-restore-20190501T100000Z"]);
}

#[test]
fn restoring_each_entry_or_each_field_undoes_every_change() {
    let original = register_file::load(&bundled_register()).unwrap();
    let working = edited_bundled(original.clone());
    let log = diff(&original, &working);

    // Entry by entry: every added, removed and changed entry.
    let mut by_entry = working.clone();
    let ids = log
        .added
        .iter()
        .chain(&log.removed)
        .chain(log.changed.iter().map(|changes| &changes.entry))
        .map(|summary| summary.id.clone());
    for id in ids {
        snapshot::restore_entry(&mut by_entry, &original, &id).unwrap();
    }
    assert_eq!(
        by_entry.entries, original.entries,
        "entries restored one by one"
    );

    // Field by field for the changed entries; then the added and removed entries whole.
    let mut by_field = working.clone();
    for changes in &log.changed {
        for field in &changes.fields {
            snapshot::restore_field(&mut by_field, &original, &changes.entry.id, &field.field)
                .unwrap();
        }
    }
    let remaining = diff(&original, &by_field);
    assert!(remaining.changed.is_empty(), "{}", remaining.to_text());
    for summary in log.added.iter().chain(&log.removed) {
        snapshot::restore_entry(&mut by_field, &original, &summary.id).unwrap();
    }
    let remaining = diff(&original, &by_field);
    assert_eq!(remaining.summary(), "0 added, 0 removed, 0 changed");
    assert!(
        remaining.rank_movements.is_empty(),
        "{}",
        remaining.to_text()
    );
}

#[test]
fn an_edited_label_is_reported_not_listed_under_the_new_label() {
    let dir = Dir::new();
    small_register_in(dir.path());
    dir.ok(&["snapshot", "reg.ron", "--label", "v1.0"]);
    let path = dir.join("reg.snapshots/v1.0.ron");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replacen("label: \"v1.0\"", "label: \"v9\"", 1)).unwrap();

    let out = dir.problems(&["check", "reg.snapshots/v1.0.ron"]);
    assert!(
        out.stdout.starts_with(
            "reg.snapshots/v1.0.ron: the checksum does not match the content: the snapshot has been altered or is corrupt"
        ),
        "{out:?}"
    );
    let out = dir.problems(&["snapshots", "reg.ron"]);
    assert!(!out.stdout.contains("v9"), "{out:?}");
}

#[test]
fn a_renamed_snapshot_file_is_reported() {
    let dir = Dir::new();
    small_register_in(dir.path());
    dir.ok(&["snapshot", "reg.ron", "--label", "v1.0"]);
    fs::rename(
        dir.join("reg.snapshots/v1.0.ron"),
        dir.join("reg.snapshots/v9.ron"),
    )
    .unwrap();

    let out = dir.problems(&["check", "reg.snapshots/v9.ron"]);
    assert_text(
        &out.stdout,
        "reg.snapshots/v9.ron: the snapshot in this file is labelled v1.0, not as its file is named: the snapshot has been altered or renamed (its file should be v1.0.ron)\n",
    );
    let out = dir.fails(&["export-pdf", "reg.ron", "-o", "p.pdf", "--since", "v9"]);
    assert!(out.stderr.contains("altered or renamed"), "{out:?}");
}

#[test]
fn a_label_differing_only_in_letter_case_is_refused() {
    let dir = Dir::new();
    small_register_in(dir.path());
    dir.ok(&["snapshot", "reg.ron", "--label", "v1.0"]);
    let out = dir.fails(&["snapshot", "reg.ron", "--label", "V1.0"]);
    assert!(
        out.stderr.starts_with(
            "dpia-register: reg.snapshots/v1.0.ron: a snapshot labelled V1.0 already exists"
        ),
        "{out:?}"
    );
    assert!(!dir.join("reg.snapshots/V1.0.ron").exists());
}

/// `reg.ron` with snapshots v0.2, v0.3 and v1.0 taken through the command line, an edit before
/// each, and its chain checked clean.
fn chain_of_three() -> Dir {
    let dir = Dir::new();
    small_register_in(dir.path());
    for (label, votes) in [("v0.2", "3"), ("v0.3", "4"), ("v1.0", "5")] {
        dir.ok(&[
            "edit",
            "reg.ron",
            "--entry",
            "PND-001",
            "--set",
            &format!("votes={votes}"),
        ]);
        dir.ok(&["snapshot", "reg.ron", "--label", label]);
    }
    let out = dir.ok(&["check", "reg.ron"]);
    assert!(!out.stdout.contains("snapshot v"), "a clean chain: {out:?}");
    dir.ok(&["snapshots", "reg.ron"]);
    dir
}

#[test]
fn a_deleted_replaced_or_retaken_snapshot_is_reported_by_check_and_snapshots() {
    let dir = chain_of_three();
    let file = |label: &str| dir.join(format!("reg.snapshots/{label}.ron"));

    // Deleted.
    let v0_2 = fs::read(file("v0.2")).unwrap();
    fs::remove_file(file("v0.2")).unwrap();
    for command in ["check", "snapshots"] {
        let out = dir.problems(&[command, "reg.ron"]);
        assert!(
            out.stdout.contains("reg.ron: snapshot v0.2 (checksum ")
                && out
                    .stdout
                    .contains("is recorded in the register but its file is missing"),
            "{command}: {out:?}"
        );
    }
    // Taking it again under its label is refused: the register has had it.
    let out = dir.fails(&["snapshot", "reg.ron", "--label", "v0.2"]);
    assert!(
        out.stderr
            .contains("has had a snapshot labelled v0.2 already"),
        "{out:?}"
    );
    fs::write(file("v0.2"), &v0_2).unwrap();
    dir.ok(&["check", "reg.ron"]);

    // Replaced by another snapshot under the same label, its checksum made to match its content.
    let working = register_file::load(&dir.join("reg.ron")).unwrap();
    let mut other = working.clone();
    other.snapshots.truncate(1);
    other.entries[0].issue = "Something else entirely".to_owned();
    let impostor = Snapshot::take(
        &other,
        label("v0.3"),
        "2019-06-01T09:00:00Z".parse().unwrap(),
        "Mallory",
        "",
    )
    .unwrap();
    let v0_3 = fs::read(file("v0.3")).unwrap();
    fs::write(file("v0.3"), snapshot_file::to_text(&impostor).unwrap()).unwrap();
    snapshot_file::load(&file("v0.3")).expect("it verifies on its own");
    for command in ["check", "snapshots"] {
        let out = dir.problems(&[command, "reg.ron"]);
        assert!(
            out.stdout
                .contains("reg.ron: snapshot v0.3 has been replaced or re-taken"),
            "{command}: {out:?}"
        );
    }
    fs::write(file("v0.3"), &v0_3).unwrap();

    // Re-taken under its label: the file deleted, the register's list edited to forget v1.0 so
    // `snapshot` accepts the label, v1.0 taken again after an edit, and the list put back.
    let v1_0 = fs::read(file("v1.0")).unwrap();
    fs::remove_file(file("v1.0")).unwrap();
    let mut forgetful = working.clone();
    forgetful.snapshots.pop();
    register_file::save(&forgetful, &dir.join("reg.ron")).unwrap();
    dir.ok(&["edit", "reg.ron", "--entry", "PND-001", "--set", "votes=9"]);
    dir.ok(&["snapshot", "reg.ron", "--label", "v1.0"]);
    let mut put_back = register_file::load(&dir.join("reg.ron")).unwrap();
    put_back.snapshots.clone_from(&working.snapshots);
    register_file::save(&put_back, &dir.join("reg.ron")).unwrap();
    let out = dir.problems(&["check", "reg.ron"]);
    assert!(
        out.stdout
            .contains("snapshot v1.0 has been replaced or re-taken"),
        "{out:?}"
    );
    fs::write(file("v1.0"), &v1_0).unwrap();
    dir.ok(&["check", "reg.ron"]);
}

#[test]
fn a_foreign_snapshot_or_a_record_removed_is_reported() {
    let dir = chain_of_three();
    let file = |label: &str| dir.join(format!("reg.snapshots/{label}.ron"));
    // Another register's snapshot copied in.
    let theirs = Dir::new();
    small_register_in(theirs.path());
    theirs.ok(&["snapshot", "reg.ron", "--label", "a1"]);
    theirs.ok(&["edit", "reg.ron", "--entry", "PND-001", "--set", "votes=7"]);
    theirs.ok(&["snapshot", "reg.ron", "--label", "a2"]);
    fs::copy(theirs.join("reg.snapshots/a2.ron"), file("a2")).unwrap();
    let out = dir.problems(&["check", "reg.ron"]);
    assert!(
        out.stdout.contains("reg.ron: snapshot a2 (checksum ")
            && out.stdout.contains("is not one of this register's"),
        "{out:?}"
    );
    fs::remove_file(file("a2")).unwrap();

    // A record removed from the register's list: the chain is broken where it was.
    let mut edited = register_file::load(&dir.join("reg.ron")).unwrap();
    edited.snapshots.remove(1);
    register_file::save(&edited, &dir.join("reg.ron")).unwrap();
    let out = dir.problems(&["check", "reg.ron"]);
    assert!(
        out.stdout
            .contains("the chain of snapshots is broken at v1.0"),
        "{out:?}"
    );
    assert!(
        out.stdout.contains("reg.ron: warning: snapshot v0.3"),
        "the unrecorded one is named: {out:?}"
    );
}

#[test]
fn check_verify_snapshots_reads_every_snapshot_whole() {
    let dir = Dir::new();
    small_register_in(dir.path());
    dir.ok(&["snapshot", "reg.ron", "--label", "v1.0"]);
    // Content edited, the header left alone: the quick check reads headers only.
    let path = dir.join("reg.snapshots/v1.0.ron");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replacen("Colocation", "Colocatiom", 1)).unwrap();
    dir.ok(&["check", "reg.ron"]);
    let out = dir.problems(&["check", "--verify-snapshots", "reg.ron"]);
    assert!(
        out.stdout
            .contains("reg.snapshots/v1.0.ron: the checksum does not match the content"),
        "{out:?}"
    );
}
