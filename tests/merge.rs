//! The git merge driver with real git: `git-setup` in a repository, then two branches that edit the
//! bundled register merged (and rebased) by git through `dpia-register merge`, as a team would.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use dpia_core::merge::{Choice, resolve};
use dpia_core::register::{EntryId, Register, SystemId};
use dpia_files::register_file;

use super::util::Dir;

fn id(text: &str) -> EntryId {
    EntryId::parse(text).unwrap()
}

/// Runs git in `dir` with a fixed identity and no user configuration, whatever its exit code.
fn git_output(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .env("GIT_EDITOR", "true")
        .output()
        .expect("git runs (apt-get install git)")
}

/// Runs git in `dir`, asserting it succeeds; returns what it printed.
fn git(dir: &Path, args: &[&str]) -> String {
    let output = git_output(dir, args);
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "git {args:?} failed:\n{printed}");
    printed
}

/// A repository holding the bundled register as `register.ron`, with the driver set up, on `main`.
fn repository() -> Dir {
    let dir = Dir::new();
    git(dir.path(), &["init", "-q", "-b", "main"]);
    dir.bundled("register.ron");
    let out = dir.ok(&["git-setup"]);
    assert!(
        out.stdout.contains("added *.ron merge=dpia-register"),
        "{out:?}"
    );
    commit(&dir, "register");
    dir
}

fn commit(dir: &Dir, message: &str) {
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", message]);
}

/// `edit register.ron --entry ID --set …`.
fn set(dir: &Dir, entry: &str, assignments: &[&str]) {
    let mut args = vec!["edit", "register.ron", "--entry", entry];
    for assignment in assignments {
        args.extend(["--set", assignment]);
    }
    dir.ok(&args);
}

/// `edit register.ron --add SYSTEM --set issue=…`; returns the new id.
fn add(dir: &Dir, system: &str, issue: &str) -> String {
    let issue = format!("issue={issue}");
    let out = dir.ok(&["edit", "register.ron", "--add", system, "--set", &issue]);
    out.stdout.trim().to_owned()
}

fn load(dir: &Dir) -> Register {
    register_file::load(&dir.join("register.ron")).unwrap()
}

#[test]
fn git_setup_writes_the_attributes_once_and_names_this_binary() {
    let dir = repository();
    let out = dir.ok(&["git-setup", "--dir", "."]);
    assert!(out.stdout.contains("already set up"), "{out:?}");
    let attributes = fs::read_to_string(dir.join(".gitattributes")).unwrap();
    assert_eq!(
        attributes,
        "*.ron merge=dpia-register\n**/*.snapshots/*.ron merge=dpia-register-snapshot\n**/*.approvals/*.ron -merge\n"
    );
    let driver = git(dir.path(), &["config", "merge.dpia-register.driver"]);
    assert_eq!(
        driver.trim(),
        format!("{} merge %O %A %B", env!("CARGO_BIN_EXE_dpia-register"))
    );
    let driver = git(
        dir.path(),
        &["config", "merge.dpia-register-snapshot.driver"],
    );
    assert_eq!(
        driver.trim(),
        format!(
            "{} merge-snapshot %O %A %B %P",
            env!("CARGO_BIN_EXE_dpia-register")
        )
    );
    let attribute = git(
        dir.path(),
        &[
            "check-attr",
            "merge",
            "register.ron",
            "register.snapshots/v1.ron",
        ],
    );
    assert!(
        attribute.contains("register.ron: merge: dpia-register"),
        "{attribute}"
    );
    assert!(
        attribute.contains("register.snapshots/v1.ron: merge: dpia-register-snapshot"),
        "{attribute}"
    );

    // An earlier set-up's line for snapshots is replaced.
    fs::write(
        dir.join(".gitattributes"),
        "*.ron merge=dpia-register\n**/*.snapshots/*.ron -merge\n**/*.approvals/*.ron -merge\n",
    )
    .unwrap();
    let out = dir.ok(&["git-setup"]);
    assert!(
        out.stdout.contains("removed **/*.snapshots/*.ron -merge"),
        "{out:?}"
    );
    let upgraded = fs::read_to_string(dir.join(".gitattributes")).unwrap();
    let mut lines: Vec<&str> = upgraded.lines().collect();
    lines.sort_unstable();
    let mut expected: Vec<&str> = attributes.lines().collect();
    expected.sort_unstable();
    assert_eq!(lines, expected, "{upgraded}");

    let outside = Dir::new();
    let out = outside.fails(&["git-setup"]);
    assert!(out.stderr.contains("git config failed"), "{out:?}");
}

#[test]
fn entries_added_on_two_branches_are_all_kept_and_a_shared_new_id_is_renumbered() {
    let dir = repository();
    let num_entries = load(&dir).entries.len();
    git(dir.path(), &["checkout", "-q", "-b", "dafydd"]);
    assert_eq!(add(&dir, "PND", "Dafydd's PND entry"), "PND-005");
    assert_eq!(add(&dir, "LEDS", "Dafydd's LEDS entry"), "LEDS-014");
    commit(&dir, "dafydd adds");
    git(dir.path(), &["checkout", "-q", "main"]);
    assert_eq!(add(&dir, "PND", "Gwen's PND entry"), "PND-005");
    assert_eq!(add(&dir, "HOB", "Gwen's HOB entry"), "HOB-007");
    commit(&dir, "gwen adds");
    let printed = git(dir.path(), &["merge", "--no-edit", "dafydd"]);
    assert!(
        printed.contains("theirs' PND-005 is now PND-006"),
        "{printed}"
    );

    dir.ok(&["check", "register.ron"]);
    let register = load(&dir);
    let issue = |entry: &str| register.entry(&id(entry)).unwrap().issue.clone();
    assert_eq!(issue("PND-005"), "Gwen's PND entry");
    assert_eq!(issue("PND-006"), "Dafydd's PND entry");
    assert_eq!(issue("LEDS-014"), "Dafydd's LEDS entry");
    assert_eq!(issue("HOB-007"), "Gwen's HOB entry");
    assert_eq!(register.entries.len(), num_entries + 4);
    let issued = |system: &str| {
        register
            .issued_ids
            .get(&SystemId::parse(system).unwrap())
            .copied()
    };
    assert_eq!(
        (issued("PND"), issued("LEDS"), issued("HOB")),
        (Some(6), Some(14), Some(7))
    );
    assert_eq!(add(&dir, "PND", "Next"), "PND-007", "no id is issued twice");
}

#[test]
fn different_fields_of_one_entry_merge_cleanly() {
    let dir = repository();
    git(dir.path(), &["checkout", "-q", "-b", "dafydd"]);
    set(
        &dir,
        "PND-001",
        &["concern=Dafydd's concern", "privacy.residual=2x2"],
    );
    commit(&dir, "dafydd");
    git(dir.path(), &["checkout", "-q", "main"]);
    set(
        &dir,
        "PND-001",
        &[
            "votes=4",
            "category=Gwen's category",
            "mitigation.1.status=implemented",
        ],
    );
    commit(&dir, "gwen");
    git(dir.path(), &["merge", "-q", "--no-edit", "dafydd"]);

    dir.ok(&["check", "register.ron"]);
    let register = load(&dir);
    let entry = register.entry(&id("PND-001")).unwrap();
    assert_eq!(entry.concern, "Dafydd's concern");
    assert_eq!(entry.votes, 4);
    assert_eq!(entry.category, "Gwen's category");
    assert_eq!(entry.mitigations[0].status.name(), "implemented");
    let privacy = entry
        .impact(&dpia_core::register::RightId::parse("privacy").unwrap())
        .unwrap();
    assert_eq!(
        privacy.residual,
        dpia_core::register::Assessment::from_values(2, 2)
    );
    let log = dir.ok(&["log", "register.ron"]);
    assert!(
        log.stdout.contains("PND-001 concern"),
        "both trails kept: {}",
        log.stdout
    );
    assert!(log.stdout.contains("PND-001 votes"), "{}", log.stdout);
}

#[test]
fn one_field_changed_differently_is_a_conflict_in_the_file_until_resolved() {
    let dir = repository();
    git(dir.path(), &["checkout", "-q", "-b", "dafydd"]);
    set(&dir, "PND-001", &["concern=Theirs"]);
    commit(&dir, "dafydd");
    git(dir.path(), &["checkout", "-q", "main"]);
    set(&dir, "PND-001", &["concern=Ours", "votes=2"]);
    commit(&dir, "gwen");
    let merging = git_output(dir.path(), &["merge", "--no-edit", "dafydd"]);
    let printed = String::from_utf8_lossy(&merging.stdout);
    assert!(!merging.status.success(), "git reports the conflict");
    assert!(
        printed.contains("CONFLICT (content): Merge conflict in register.ron"),
        "{printed}"
    );
    assert!(
        printed.contains("conflict in entry PND-001 concern: ours \"Ours\", theirs \"Theirs\""),
        "{printed}"
    );

    let out = dir.problems(&["check", "register.ron"]);
    assert!(
        out.stdout.contains(
            "entry PND-001: unresolved merge conflict on concern: ours \"Ours\", theirs \"Theirs\""
        ),
        "{out:?}"
    );
    let register = load(&dir);
    assert_eq!(
        register.entry(&id("PND-001")).unwrap().concern,
        "Ours",
        "ours in place"
    );
    assert_eq!(
        register.entry(&id("PND-001")).unwrap().votes,
        2,
        "the clean part is merged"
    );
    // Resolved from the command line: listed, numbered, then settled with theirs.
    let out = dir.problems(&["resolve", "register.ron"]);
    assert!(
        out.stdout
            .starts_with("1. PND-001 concern: base \"Forces apply")
            && out
                .stdout
                .ends_with(" | ours \"Ours\" | theirs \"Theirs\"\n")
            && out.stdout.lines().count() == 1,
        "{out:?}"
    );
    let before = fs::read(dir.join("register.ron")).unwrap();
    let out = dir.fails(&[
        "resolve",
        "register.ron",
        "--take",
        "theirs",
        "--conflict",
        "2",
    ]);
    assert!(
        out.stderr
            .contains("there is no conflict 2: the register has 1"),
        "{out:?}"
    );
    assert_eq!(
        fs::read(dir.join("register.ron")).unwrap(),
        before,
        "untouched"
    );
    let out = dir.ok(&[
        "resolve",
        "register.ron",
        "--take",
        "theirs",
        "--conflict",
        "1",
        "--author",
        "Gwen",
    ]);
    assert!(
        out.stdout.starts_with(
            "take theirs for PND-001 concern\nPND-001 concern: \"Ours\" → \"Theirs\"\n"
        ),
        "{out:?}"
    );
    assert!(
        out.stdout.ends_with("register.ron: no conflicts remain\n"),
        "{out:?}"
    );
    dir.ok(&["check", "register.ron"]);
    let log = dir.ok(&["log", "register.ron", "--entry", "PND-001"]);
    assert!(
        log.stdout
            .contains("Gwen  PND-001 concern: \"Ours\" → \"Theirs\""),
        "{}",
        log.stdout
    );
    commit(&dir, "merged");
    assert_eq!(load(&dir).entry(&id("PND-001")).unwrap().concern, "Theirs");
}

#[test]
fn an_entry_deleted_on_one_branch_and_edited_on_the_other_is_a_conflict() {
    let dir = repository();
    git(dir.path(), &["checkout", "-q", "-b", "dafydd"]);
    dir.ok(&["edit", "register.ron", "--remove", "PND-002"]);
    commit(&dir, "dafydd deletes");
    git(dir.path(), &["checkout", "-q", "main"]);
    set(&dir, "PND-002", &["votes=9"]);
    commit(&dir, "gwen edits");
    let merging = git_output(dir.path(), &["merge", "--no-edit", "dafydd"]);
    assert!(!merging.status.success());
    let out = dir.problems(&["check", "register.ron"]);
    assert!(
        out.stdout.contains(
            "entry PND-002: unresolved merge conflict on entry deleted on one side, edited on the other"
        ),
        "{out:?}"
    );
    let mut register = load(&dir);
    assert_eq!(
        register.entry(&id("PND-002")).unwrap().votes,
        9,
        "the edited entry is kept"
    );
    resolve(&mut register, 0, Choice::Theirs).unwrap();
    assert!(
        register.entry(&id("PND-002")).is_none(),
        "taking theirs deletes it"
    );
    assert!(dpia_core::check::check(&register).is_empty());
}

#[test]
fn a_rebase_of_three_commits_goes_through_the_driver() {
    let dir = repository();
    git(dir.path(), &["checkout", "-q", "-b", "dafydd"]);
    assert_eq!(add(&dir, "PND", "Dafydd's entry"), "PND-005");
    commit(&dir, "dafydd 1");
    set(&dir, "PND-002", &["votes=7"]);
    commit(&dir, "dafydd 2");
    set(&dir, "HOB-006", &["category=Biometrics"]);
    commit(&dir, "dafydd 3");
    git(dir.path(), &["checkout", "-q", "main"]);
    assert_eq!(add(&dir, "PND", "Gwen's entry"), "PND-005");
    set(&dir, "PND-002", &["concern=Gwen's concern"]);
    commit(&dir, "gwen");
    git(dir.path(), &["checkout", "-q", "dafydd"]);
    git(dir.path(), &["rebase", "main"]);

    let commits = git(dir.path(), &["rev-list", "--count", "main..dafydd"]);
    assert_eq!(commits.trim(), "3");
    dir.ok(&["check", "register.ron"]);
    let register = load(&dir);
    assert_eq!(
        register.entry(&id("PND-005")).unwrap().issue,
        "Gwen's entry"
    );
    assert_eq!(
        register.entry(&id("PND-006")).unwrap().issue,
        "Dafydd's entry"
    );
    let pnd_002 = register.entry(&id("PND-002")).unwrap();
    assert_eq!(
        (pnd_002.votes, pnd_002.concern.as_str()),
        (7, "Gwen's concern")
    );
    assert_eq!(
        register.entry(&id("HOB-006")).unwrap().category,
        "Biometrics"
    );
}

#[test]
fn a_malformed_input_fails_with_its_place_and_leaves_ours_untouched() {
    let dir = Dir::new();
    dir.bundled("base.ron");
    let ours = dir.bundled("ours.ron");
    let before = fs::read(&ours).unwrap();
    let text = fs::read_to_string(dir.join("base.ron")).unwrap();
    dir.create("theirs.ron", text.replacen("issue:", "issue", 1));
    let out = dir.fails(&["merge", "base.ron", "ours.ron", "theirs.ron"]);
    assert!(out.stderr.contains("theirs.ron:"), "{out:?}");
    let line = text.lines().position(|l| l.contains("issue:")).unwrap() + 1;
    assert!(
        out.stderr.contains(&format!("theirs.ron:{line}:")),
        "{out:?}"
    );
    assert_eq!(fs::read(&ours).unwrap(), before, "ours is untouched");

    dir.create("empty.ron", "");
    dir.ok(&["merge", "empty.ron", "ours.ron", "base.ron"]);
    assert_eq!(
        fs::read(&ours).unwrap(),
        before,
        "both added the same register"
    );
}

#[test]
fn snapshots_taken_on_both_branches_are_both_recorded_and_one_label_twice_is_reported() {
    let dir = repository();
    dir.ok(&["snapshot", "register.ron", "--label", "v1.1"]);
    commit(&dir, "v1.1");
    git(dir.path(), &["checkout", "-q", "-b", "dafydd"]);
    set(&dir, "PND-001", &["votes=3"]);
    dir.ok(&["snapshot", "register.ron", "--label", "v1.2-dafydd"]);
    commit(&dir, "dafydd's snapshot");
    git(dir.path(), &["checkout", "-q", "main"]);
    set(&dir, "PND-002", &["votes=4"]);
    dir.ok(&["snapshot", "register.ron", "--label", "v1.2-gwen"]);
    commit(&dir, "gwen's snapshot");
    git(dir.path(), &["merge", "--no-edit", "dafydd"]);
    // Both recorded, each following its own branch's last: the chain holds.
    let labels: Vec<String> = load(&dir)
        .snapshots
        .iter()
        .map(|record| record.label.to_string())
        .collect();
    assert_eq!(labels, ["v1.1", "v1.2-gwen", "v1.2-dafydd"]);
    let out = dir.ok(&["check", "--verify-snapshots", "register.ron"]);
    assert!(!out.stdout.contains("snapshot v1"), "{out:?}");

    // The same label taken on both branches, as two different versions.
    git(dir.path(), &["checkout", "-q", "-b", "siân"]);
    set(&dir, "PND-001", &["votes=5"]);
    dir.ok(&["snapshot", "register.ron", "--label", "v2.0"]);
    commit(&dir, "siân's v2.0");
    git(dir.path(), &["checkout", "-q", "main"]);
    set(&dir, "PND-001", &["votes=6"]);
    dir.ok(&["snapshot", "register.ron", "--label", "v2.0"]);
    commit(&dir, "gwen's v2.0");
    let merging = git_output(dir.path(), &["merge", "--no-edit", "siân"]);
    let printed = String::from_utf8_lossy(&merging.stdout);
    assert!(!merging.status.success(), "git stops: {printed}");
    assert!(
        printed.contains("snapshot v2.0 was taken on both sides as two different versions"),
        "the snapshot driver says what it kept: {printed}"
    );
    assert!(
        printed.contains("snapshot v2.0, taken on both sides as two different versions"),
        "the register's driver names it in the register: {printed}"
    );
    // Neither version is lost: ours in place, theirs kept beside it under a distinct name.
    let kept: Vec<String> = fs::read_dir(dir.join("register.snapshots"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("v2.0"))
        .collect();
    assert_eq!(kept.len(), 2, "{kept:?}");
    let theirs_file = kept.iter().find(|name| name.contains('~')).unwrap();
    assert!(theirs_file.starts_with("v2.0~theirs-"), "{theirs_file}");
    let out = dir.problems(&["check", "register.ron"]);
    assert!(
        out.stdout
            .contains("unresolved merge conflict on snapshot v2.0, taken on both sides"),
        "{out:?}"
    );
    assert!(
        out.stdout
            .contains("snapshot v2.0 was taken on two branches as two different versions"),
        "{out:?}"
    );
    let out = dir.problems(&["snapshots", "register.ron"]);
    assert!(out.stdout.contains("the merge kept the second"), "{out:?}");

    // Settled: ours kept, theirs' file removed (taken again later under a new label).
    fs::remove_file(dir.join("register.snapshots").join(theirs_file)).unwrap();
    dir.ok(&["resolve", "register.ron", "--take", "ours", "--all"]);
    dir.ok(&["check", "--verify-snapshots", "register.ron"]);
    commit(&dir, "merged, ours v2.0 kept");
}
