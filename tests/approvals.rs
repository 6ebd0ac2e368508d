//! Approvals of snapshots, signed with keys made by `ssh-keygen` and checked by `ssh-keygen -Y
//! verify` from the payload and signature the binary prints, as a reviewer without the app would.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use dpia_core::snapshot::{Label, Snapshot};
use dpia_files::{register_file, snapshot_file};

use super::util::{Dir, allowed_line, keygen};

/// `ssh-keygen -Y verify` of `payload` with `signature`, as `principal`, against `allowed`.
fn ssh_keygen_verifies(
    dir: &Dir,
    allowed: &Path,
    principal: &str,
    payload: &str,
    signature: &str,
) -> bool {
    let sig = dir.create("approval.sig", signature);
    let mut child = Command::new("ssh-keygen")
        .args(["-Y", "verify", "-f"])
        .arg(allowed)
        .args(["-I", principal, "-n", "dpia-register", "-s"])
        .arg(&sig)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), payload.as_bytes()).unwrap();
    child.wait().unwrap().success()
}

/// The bundled register with snapshot v1.0 taken, in a fresh folder.
fn register_with_snapshot() -> Dir {
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
    dir
}

fn approve(dir: &Dir, extra: &[&str]) {
    let mut args = vec![
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
        "Deletion automated by March",
        "--date",
        "2026-12-01",
    ];
    args.extend_from_slice(extra);
    dir.ok(&args);
}

#[test]
fn a_signed_approval_verifies_with_ssh_keygen_alone() {
    let dir = register_with_snapshot();
    let key = keygen(&dir, "gwen", "gwen@example.org", "");
    approve(&dir, &["--key", key.to_str().unwrap()]);
    let allowed = dir.create(
        "allowed_signers",
        allowed_line("gwen@example.org", &key) + "\n",
    );

    let out = dir.ok(&[
        "approvals",
        "register.ron",
        "--allowed-signers",
        "allowed_signers",
    ]);
    assert_eq!(
        out.stdout,
        "1  v1.0  SIRO sign-off  Gwen Jones  approved-with-conditions  2026-12-01  signed, verified (gwen@example.org)\n"
    );
    let payload = dir
        .ok(&["approvals", "register.ron", "--payload", "1"])
        .stdout;
    let signature = dir
        .ok(&["approvals", "register.ron", "--signature", "1"])
        .stdout;
    assert!(
        payload.starts_with("dpia-register approval 1\nsnapshot: v1.0\nchecksum: "),
        "{payload}"
    );
    assert!(
        signature.starts_with("-----BEGIN SSH SIGNATURE-----\n"),
        "{signature}"
    );
    assert!(
        ssh_keygen_verifies(&dir, &allowed, "gwen@example.org", &payload, &signature),
        "ssh-keygen -Y verify accepts the approval"
    );
    // ssh-keygen itself refuses the payload once a byte of it changes, or another principal.
    let altered = payload.replace("approved-with-conditions", "approved");
    assert!(!ssh_keygen_verifies(
        &dir,
        &allowed,
        "gwen@example.org",
        &altered,
        &signature
    ));
    assert!(!ssh_keygen_verifies(
        &dir,
        &allowed,
        "dafydd@example.org",
        &payload,
        &signature
    ));
    dir.ok(&["check", "register.ron"]);
}

#[test]
fn an_unsigned_approval_is_shown_as_unsigned() {
    let dir = register_with_snapshot();
    approve(&dir, &[]);
    let out = dir.ok(&["approvals", "register.ron"]);
    assert!(out.stdout.ends_with("  2026-12-01  unsigned\n"), "{out:?}");
    dir.fails(&["approvals", "register.ron", "--signature", "1"]);
    dir.fails(&["approvals", "register.ron", "--payload", "2"]);
}

#[test]
fn another_signers_key_is_an_unknown_signer() {
    let dir = register_with_snapshot();
    let gwen = keygen(&dir, "gwen", "gwen@example.org", "");
    let other = keygen(&dir, "other", "dafydd@example.org", "");
    approve(&dir, &["--key", gwen.to_str().unwrap()]);
    dir.create(
        "allowed_signers",
        allowed_line("dafydd@example.org", &other) + "\n",
    );
    let out = dir.ok(&[
        "approvals",
        "register.ron",
        "--allowed-signers",
        "allowed_signers",
    ]);
    assert!(out.stdout.ends_with("signed, unknown signer\n"), "{out:?}");
}

#[test]
fn an_altered_approval_or_snapshot_is_invalid_everywhere() {
    let dir = register_with_snapshot();
    let key = keygen(&dir, "gwen", "gwen@example.org", "");
    approve(&dir, &["--key", key.to_str().unwrap()]);
    dir.create(
        "allowed_signers",
        allowed_line("gwen@example.org", &key) + "\n",
    );
    let approval = fs::read_dir(dir.join("register.approvals"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let text = fs::read_to_string(&approval).unwrap();

    // The approval altered after signing: another name.
    fs::write(&approval, text.replace("Gwen Jones", "Dafydd Evans")).unwrap();
    let out = dir.problems(&[
        "approvals",
        "register.ron",
        "--allowed-signers",
        "allowed_signers",
    ]);
    assert!(
        out.stdout
            .contains("INVALID: the signature does not match the approval"),
        "{out:?}"
    );
    let out = dir.problems(&["check", "register.ron"]);
    assert!(out.stdout.contains("INVALID"), "{out:?}");
    fs::write(&approval, &text).unwrap();
    dir.ok(&[
        "approvals",
        "register.ron",
        "--allowed-signers",
        "allowed_signers",
    ]);

    // The snapshot altered: its checksum no longer verifies.
    let snapshot = dir.join("register.snapshots/v1.0.ron");
    let frozen = fs::read_to_string(&snapshot).unwrap();
    fs::write(&snapshot, frozen.replacen("Retention", "Keeping", 1)).unwrap();
    let out = dir.problems(&["approvals", "register.ron"]);
    assert!(out.stdout.contains("INVALID: snapshot v1.0:"), "{out:?}");

    // The snapshot removed and re-taken under the same label: another version.
    fs::remove_file(&snapshot).unwrap();
    let out = dir.problems(&["approvals", "register.ron"]);
    assert!(
        out.stdout.contains("INVALID: snapshot v1.0 is missing"),
        "{out:?}"
    );
    // The register records v1.0: taking it again is refused.
    let out = dir.fails(&[
        "snapshot",
        "register.ron",
        "--label",
        "v1.0",
        "--author",
        "Someone else",
    ]);
    assert!(
        out.stderr
            .contains("has had a snapshot labelled v1.0 already"),
        "{out:?}"
    );
    // Re-taken by hand (or by an older version, which did not record snapshots).
    let mut register = register_file::load(&dir.join("register.ron")).unwrap();
    register.snapshots.clear();
    let again = Snapshot::take(
        &register,
        Label::parse("v1.0").unwrap(),
        "2019-06-01T09:00:00Z".parse().unwrap(),
        "Someone else",
        "",
    )
    .unwrap();
    snapshot_file::save_new(&dir.join("register.ron"), &again).unwrap();
    let out = dir.problems(&["check", "register.ron"]);
    assert!(
        out.stdout.contains("snapshot v1.0 has been replaced"),
        "{out:?}"
    );
    let out = dir.problems(&["approvals", "register.ron"]);
    assert!(
        out.stdout
            .contains("INVALID: snapshot v1.0 is not the version approved"),
        "{out:?}"
    );
}

#[test]
fn a_snapshot_that_does_not_exist_cannot_be_approved() {
    let dir = register_with_snapshot();
    let out = dir.fails(&[
        "approve",
        "register.ron",
        "--label",
        "v9.9",
        "--role",
        "SIRO sign-off",
        "--name",
        "Gwen",
        "--decision",
        "approved",
    ]);
    assert!(
        out.stderr.contains("cannot approve snapshot v9.9"),
        "{out:?}"
    );
    let out = dir.fails(&[
        "approve",
        "register.ron",
        "--label",
        "v1.0",
        "--role",
        "SIRO",
        "--name",
        "Gwen",
        "--decision",
        "maybe",
    ]);
    assert!(out.stderr.contains("`maybe` is not a decision"), "{out:?}");
    assert!(!dir.join("register.approvals").exists(), "nothing written");
}
