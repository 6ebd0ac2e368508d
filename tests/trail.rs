//! The `edit` command and the audit trail it writes: changes made from scripts, journaled with their
//! author, read back by `log` and `check`, and merged by real git when two colleagues both saved.

use std::fs;
use std::path::Path;
use std::process::Command;

use dpia_core::register::{EntryId, RightId, Stage};
use dpia_core::scoring::Score;
use dpia_files::register_file;

use super::util::{Dir, assert_text};

fn id(text: &str) -> EntryId {
    EntryId::parse(text).unwrap()
}

/// The trail's block files.
fn blocks(dir: &Dir, register: &str) -> Vec<String> {
    let folder = dir.join(register.replace(".ron", ".trail"));
    let Ok(read) = fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut names: Vec<String> = read
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn edit_changes_fields_as_the_app_would_and_journals_them() {
    let dir = Dir::new();
    dir.fixture("small.ron");
    let out = dir.ok(&[
        "edit",
        "small.ron",
        "--entry",
        "PND-001",
        "--set",
        "concern=Shared with PNC",
        "--set",
        "privacy.residual=2x2",
        "--set",
        "must_have=yes",
        "--author",
        "Gwen Jones",
    ]);
    assert!(out.stdout.contains("PND-001 concern:"), "{out:?}");
    let register = register_file::load(&dir.join("small.ron")).unwrap();
    let entry = register.entry(&id("PND-001")).unwrap();
    assert_eq!(entry.concern, "Shared with PNC");
    assert!(entry.must_have);
    let privacy = entry.impact(&RightId::parse("privacy").unwrap()).unwrap();
    assert_eq!(Score::of(privacy.at(Stage::Residual)).value(), 4);
    dir.ok(&["check", "small.ron"]);

    let log = dir.ok(&["log", "small.ron"]);
    let lines: Vec<&str> = log.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", log.stdout);
    for line in &lines {
        assert!(line.contains("  Gwen Jones  PND-001 "), "{line}");
    }
    assert!(
        log.stdout.contains("PND-001 must-have: \"no\" → \"yes\""),
        "{}",
        log.stdout
    );
    assert!(
        log.stdout.contains(
            "PND-001 privacy residual: \"9 (significant × likely)\" → \"4 (limited × possible)\""
        ),
        "{}",
        log.stdout
    );
    let only = dir.ok(&["log", "small.ron", "--entry", "PND-002"]);
    assert_eq!(only.stdout, "", "no change to PND-002");
    let later = dir.ok(&["log", "small.ron", "--since", "2999-01-01"]);
    assert_eq!(later.stdout, "", "nothing saved in the future");
}

#[test]
fn edit_add_prints_the_new_id_alone_and_remove_takes_it_out() {
    let dir = Dir::new();
    dir.fixture("small.ron");
    let out = dir.ok(&[
        "edit",
        "small.ron",
        "--add",
        "PND",
        "--set",
        "issue=Biometric matching across forces",
        "--set",
        "concern=Wider than the purpose",
    ]);
    assert_text(&out.stdout, "PND-003\n");
    let register = register_file::load(&dir.join("small.ron")).unwrap();
    assert_eq!(
        register.entry(&id("PND-003")).unwrap().issue,
        "Biometric matching across forces"
    );
    dir.ok(&["edit", "small.ron", "--remove", "PND-003"]);
    let register = register_file::load(&dir.join("small.ron")).unwrap();
    assert!(register.entry(&id("PND-003")).is_none());
    let log = dir.ok(&["log", "small.ron", "--entry", "PND-003"]);
    assert!(log.stdout.contains("PND-003 entry added"), "{}", log.stdout);
    assert!(
        log.stdout.contains("PND-003 entry removed"),
        "{}",
        log.stdout
    );
    // The removed id is never issued again.
    let out = dir.ok(&["edit", "small.ron", "--add", "PND", "--set", "issue=Next"]);
    assert_text(&out.stdout, "PND-004\n");
}

#[test]
fn a_bad_field_value_or_id_changes_nothing() {
    let dir = Dir::new();
    let path = dir.fixture("small.ron");
    let before = fs::read(&path).unwrap();
    for (args, says) in [
        (
            &[
                "--entry",
                "PND-001",
                "--set",
                "concern=ok",
                "--set",
                "colour=red",
            ][..],
            "--set colour=red: `colour` is not a field that can be set",
        ),
        (
            &["--entry", "PND-001", "--set", "privacy.residual=9x9"],
            "--set privacy.residual=9x9: privacy.residual: `9x9` is not severity x likelihood",
        ),
        (
            &["--entry", "PND-009", "--set", "issue=x"],
            "--entry PND-009: there is no entry PND-009",
        ),
        (
            &["--entry", "PND-002", "--set", "privacy.residual=2x2"],
            "PND-002",
        ),
        (&["--add", "XYZ", "--set", "issue=x"], "XYZ"),
        (&["--entry", "PND-001"], "nothing to change"),
    ] {
        let mut all = vec!["edit", "small.ron"];
        all.extend_from_slice(args);
        let out = dir.fails(&all);
        assert!(out.stderr.contains(says), "{args:?}: {out:?}");
        assert_eq!(fs::read(&path).unwrap(), before, "{args:?}: file untouched");
    }
    assert!(blocks(&dir, "small.ron").is_empty(), "no trail written");
}

#[test]
fn an_edited_or_missing_trail_block_fails_check_and_log() {
    let dir = Dir::new();
    dir.fixture("small.ron");
    for concern in ["one", "two", "three"] {
        dir.ok(&[
            "edit",
            "small.ron",
            "--entry",
            "PND-001",
            "--set",
            &format!("concern={concern}"),
        ]);
    }
    let names = blocks(&dir, "small.ron");
    assert_eq!(names.len(), 3, "one block a save");
    let first = dir.join("small.trail").join(&names[0]);
    let text = fs::read_to_string(&first).unwrap();
    fs::write(&first, text.replace("\"one\"", "\"uno\"")).unwrap();
    let out = dir.problems(&["check", "small.ron"]);
    assert!(out.stdout.contains("has been edited"), "{out:?}");
    let out = dir.problems(&["log", "small.ron"]);
    assert!(out.stdout.contains("has been edited"), "{out:?}");
    fs::write(&first, text).unwrap();
    dir.ok(&["check", "small.ron"]);
    fs::remove_file(dir.join("small.trail").join(&names[1])).unwrap();
    let out = dir.problems(&["check", "small.ron"]);
    assert!(out.stdout.contains("is missing from the trail"), "{out:?}");
}

/// Runs git in `dir` with a fixed identity, asserting it succeeds.
fn git(dir: &Path, args: &[&str]) -> String {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .output()
        .expect("git runs (apt-get install git)");
    assert!(
        output.status.success(),
        "git {args:?} failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn two_branches_that_both_saved_merge_their_trails_with_real_git() {
    let dir = Dir::new();
    let repo = dir.path();
    git(repo, &["init", "-q", "-b", "main"]);
    dir.bundled("register.ron");
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "register"]);
    dir.ok(&[
        "edit",
        "register.ron",
        "--entry",
        "PND-001",
        "--set",
        "concern=Gwen's concern",
        "--author",
        "Gwen",
    ]);
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "base trail"]);
    git(repo, &["checkout", "-q", "-b", "dafydd"]);
    dir.ok(&[
        "edit",
        "register.ron",
        "--entry",
        "HOB-006",
        "--set",
        "category=Biometrics",
        "--author",
        "Dafydd",
    ]);
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "dafydd's edit"]);
    git(repo, &["checkout", "-q", "main"]);
    dir.ok(&[
        "edit",
        "register.ron",
        "--entry",
        "PND-002",
        "--set",
        "votes=3",
        "--author",
        "Gwen",
    ]);
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "gwen's edit"]);
    git(repo, &["merge", "-q", "--no-edit", "dafydd"]);

    dir.ok(&["check", "register.ron"]);
    let log = dir.ok(&["log", "register.ron"]);
    let authors: Vec<&str> = log
        .stdout
        .lines()
        .map(|line| line.split("  ").nth(1).unwrap())
        .collect();
    assert_eq!(authors.len(), 3, "{}", log.stdout);
    assert!(
        log.stdout.contains("Dafydd  HOB-006 category"),
        "{}",
        log.stdout
    );
    assert!(log.stdout.contains("Gwen  PND-002 votes"), "{}", log.stdout);
    assert!(
        log.stdout.contains("Gwen  PND-001 concern"),
        "{}",
        log.stdout
    );
    assert_eq!(blocks(&dir, "register.ron").len(), 3);
}
