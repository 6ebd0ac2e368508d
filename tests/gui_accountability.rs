//! Accountability in the app, driven as a user would, headless with `egui_kittest`: approvals of a
//! snapshot in the Snapshots view (unsigned, signed with a key `ssh-keygen` made, refused with the
//! reason), the acceptance of a high residual risk in the entry editor, the prior consultation of
//! the ICO in Register details, and the author's name set in Settings.
//!
//! Every test opens a copy of `tests/fixtures/small.ron` in its own folder, with a fixed date and
//! clock. Assertions are on what the window shows (by AccessKit label) and on the files written.

use std::fs;
use std::path::{Path, PathBuf};

use dpia_core::approval::Decision;
use dpia_core::snapshot::Label;
use dpia_files::approval_file;
use dpia_register::gui::{Clock, Command as DpiaCommand};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use super::gui_util::{App, click, id, open_small_with, press, replace_text, text_in, type_into};
use super::util::{Dir, allowed_line, keygen};

/// The time the tests' clock stands at.
const NOW: &str = "2019-07-11T09:30:00Z";

/// The app open on a copy of `small.ron`, its clock fixed at `NOW`.
fn open_small() -> App {
    open_small_with(|app| app.with_clock(Clock::Fixed(NOW.parse().unwrap())))
}

/// Goes to the Snapshots view, takes snapshot v0.2 and opens the Approve… form on it.
fn approve_v0_2(app: &mut App) {
    click(&mut app.harness, "Snapshots");
    click(&mut app.harness, "Take snapshot");
    click(&mut app.harness, "Approve v0.2…");
}

/// An allowed-signers file in `dir` giving the key at `private` to `principal`.
fn allowed_signers(dir: &Dir, principal: &str, private: &Path) -> PathBuf {
    dir.create(
        "allowed_signers",
        format!("{}\n", allowed_line(principal, private)),
    )
}

#[test]
fn an_unsigned_approval_is_recorded_beside_the_snapshot_and_listed_as_unsigned() {
    let mut app = open_small();
    approve_v0_2(&mut app);
    assert_eq!(
        text_in(&app.harness, "Date").as_deref(),
        Some("2019-07-11"),
        "today by default"
    );
    replace_text(&mut app.harness, "Role", "SIRO sign-off");
    replace_text(&mut app.harness, "Name", "Gwen Jones");
    // Typed the British way, as a sign-off sheet writes it.
    replace_text(&mut app.harness, "Date", "10/07/2019");
    click(&mut app.harness, "approved with conditions");
    type_into(
        &mut app.harness,
        "Conditions or advice",
        "Deletion automated by March",
    );
    click(&mut app.harness, "Record unsigned approval");

    let state = app.harness.state();
    assert!(state.errors().is_empty(), "{:?}", state.errors());
    let stored = approval_file::list(&app.path).unwrap();
    assert_eq!(stored.len(), 1);
    let approval = &stored[0].approval;
    assert_eq!(approval.label.as_str(), "v0.2");
    assert_eq!(approval.role, "SIRO sign-off");
    assert_eq!(approval.name, "Gwen Jones");
    assert_eq!(approval.decision, Decision::ApprovedWithConditions);
    assert_eq!(approval.conditions, "Deletion automated by March");
    assert_eq!(approval.date.to_string(), "2019-07-10");
    assert!(!approval.is_signed());

    assert!(
        app.harness.query_by_label("Gwen Jones").is_some(),
        "listed under its snapshot"
    );
    assert!(app.harness.query_by_label("unsigned").is_some(), "status");
    assert!(
        app.harness.query_by_label("1 approval").is_some(),
        "counted in the snapshot list"
    );
    assert!(
        app.harness
            .query_by_label("Record unsigned approval")
            .is_none(),
        "the form closed"
    );
}

#[test]
fn an_approval_signed_with_an_ssh_key_is_verified_against_the_allowed_signers_file() {
    let mut app = open_small();
    let key = keygen(&app.dir, "id_ed25519", "gwen", "");
    let allowed = allowed_signers(&app.dir, "gwen@example.org", &key);
    approve_v0_2(&mut app);
    replace_text(&mut app.harness, "Name", "Gwen Jones");
    click(&mut app.harness, "approved");
    type_into(
        &mut app.harness,
        "Private key file",
        &key.display().to_string(),
    );
    click(&mut app.harness, "Sign and record approval");
    let state = app.harness.state();
    assert!(state.errors().is_empty(), "{:?}", state.errors());
    let stored = approval_file::list(&app.path).unwrap();
    assert_eq!(stored.len(), 1);
    assert!(stored[0].approval.is_signed());
    assert!(
        app.harness.query_by_label_contains("signed, ").is_some(),
        "signed, whether or not git knows an allowed-signers file"
    );

    type_into(
        &mut app.harness,
        "Allowed signers file",
        &allowed.display().to_string(),
    );
    click(&mut app.harness, "Verify");
    assert!(
        app.harness
            .query_by_label("signed, verified (gwen@example.org)")
            .is_some(),
        "verified once the allowed-signers file names the key"
    );
}

#[test]
fn a_bad_date_or_a_locked_key_is_explained_in_the_form_and_nothing_typed_is_lost() {
    let mut app = open_small();
    let key = keygen(&app.dir, "locked", "gwen", "correct horse");
    approve_v0_2(&mut app);
    replace_text(&mut app.harness, "Name", "Gwen Jones");
    replace_text(&mut app.harness, "Date", "31/02/2019");
    click(&mut app.harness, "Record unsigned approval");
    assert!(
        app.harness
            .query_all_by_label_contains("“31/02/2019” is not a date: February 2019 has no day 31")
            .next()
            .is_some(),
        "the reason is shown in the form"
    );
    let stored = approval_file::list(&app.path).unwrap();
    assert!(stored.is_empty(), "nothing recorded");
    assert_eq!(text_in(&app.harness, "Name").as_deref(), Some("Gwen Jones"));

    replace_text(&mut app.harness, "Date", "2019-07-12");
    type_into(
        &mut app.harness,
        "Private key file",
        &key.display().to_string(),
    );
    click(&mut app.harness, "Sign and record approval");
    assert!(
        app.harness
            .query_by_label_contains("is protected by a passphrase: type it in Key passphrase")
            .is_some(),
        "a passphrase is asked for"
    );
    type_into(&mut app.harness, "Key passphrase", "wrong");
    click(&mut app.harness, "Sign and record approval");
    assert!(
        app.harness
            .query_by_label_contains("The passphrase does not open the key")
            .is_some()
    );
    assert!(
        approval_file::list(&app.path).unwrap().is_empty(),
        "nothing recorded"
    );
    replace_text(&mut app.harness, "Key passphrase", "correct horse");
    click(&mut app.harness, "Sign and record approval");
    let stored = approval_file::list(&app.path).unwrap();
    assert_eq!(stored.len(), 1);
    assert!(stored[0].approval.is_signed());
    assert_eq!(stored[0].approval.date.to_string(), "2019-07-12");
}

#[test]
fn an_approval_whose_snapshot_is_gone_is_shown_invalid() {
    let mut app = open_small();
    approve_v0_2(&mut app);
    click(&mut app.harness, "Record unsigned approval");
    assert_eq!(approval_file::list(&app.path).unwrap().len(), 1);
    let snapshot = dpia_files::snapshot_file::path(&app.path, &Label::parse("v0.2").unwrap());
    fs::remove_file(snapshot).unwrap();
    click(&mut app.harness, "Verify");
    assert!(
        app.harness
            .query_by_label_contains("INVALID: snapshot v0.2 is missing")
            .is_some(),
        "invalid, and why"
    );
}

/// The audit trail of the register at `path`, a line per change: author, what, old → new.
fn trail_lines(path: &Path) -> Vec<String> {
    let trail = dpia_files::trail_file::load(path).unwrap();
    assert!(trail.problems.is_empty(), "{:?}", trail.problems);
    trail
        .changes()
        .map(|(block, change)| format!("{}: {} → {}", block.author, change.what, change.new))
        .collect()
}

#[test]
fn a_high_residual_risk_is_accepted_in_the_editor_saved_in_the_trail_and_undone() {
    let mut app = open_small();
    click(&mut app.harness, "PND-001");
    assert!(
        app.harness
            .query_by_label_contains("The residual risk stays high (9) after mitigation")
            .is_some(),
        "the editor says a decision is needed"
    );
    replace_text(&mut app.harness, "Name", "Gwen Jones");
    type_into(&mut app.harness, "Role", "SIRO");
    click(&mut app.harness, "Accept residual risk");
    assert!(
        app.harness
            .query_by_label_contains("Fill in the rationale first")
            .is_some(),
        "nothing is recorded without a rationale"
    );
    assert!(
        app.harness.state().register().entries[0]
            .acceptance
            .is_none()
    );
    type_into(
        &mut app.harness,
        "Rationale",
        "Deletion is automated by March",
    );
    click(&mut app.harness, "Accept residual risk");

    let acceptance = app.harness.state().register().entries[0]
        .acceptance
        .clone()
        .expect("recorded");
    assert!(acceptance.is_accepted());
    assert_eq!(acceptance.name, "Gwen Jones");
    assert_eq!(acceptance.role, "SIRO");
    assert_eq!(
        acceptance.date.to_string(),
        "2019-07-11",
        "today by default"
    );
    assert_eq!(acceptance.rationale, "Deletion is automated by March");
    assert!(
        app.harness
            .query_by_label("Residual risk accepted by Gwen Jones (SIRO) on 2019-07-11")
            .is_some(),
        "who and when is shown"
    );

    press(&mut app.harness, Modifiers::COMMAND, Key::Z);
    assert!(
        app.harness.state().register().entries[0]
            .acceptance
            .is_none(),
        "undone"
    );
    press(&mut app.harness, Modifiers::COMMAND, Key::Y);
    assert!(
        app.harness.state().register().entries[0]
            .acceptance
            .is_some()
    );
    press(&mut app.harness, Modifiers::COMMAND, Key::S);
    let saved = dpia_files::register_file::load(&app.path).unwrap();
    assert_eq!(saved.entries[0].acceptance, Some(acceptance));
    let lines = trail_lines(&app.path);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].contains("accepted by Gwen Jones (SIRO)"),
        "{lines:?}"
    );

    click(&mut app.harness, "Withdraw decision");
    assert!(
        app.harness.state().register().entries[0]
            .acceptance
            .is_none()
    );
}

#[test]
fn an_entry_whose_residual_risk_is_not_high_needs_no_acceptance() {
    let mut app = open_small();
    // The id labels more than one widget, so the entry is selected as a click on its row would.
    app.harness
        .state_mut()
        .push(DpiaCommand::Select(Some(id("PNC-002"))));
    app.harness.run();
    assert!(
        app.harness
            .query_by_label_contains("Not needed: the residual risk is not high")
            .is_some()
    );
    assert!(app.harness.query_by_label("Accept residual risk").is_none());
}

#[test]
fn prior_consultation_is_indicated_in_register_details_and_recorded() {
    let mut app = open_small();
    click(&mut app.harness, "Register details");
    assert!(
        app.harness
            .query_by_label("ICO prior consultation indicated (DPA 2018 s65 / UK GDPR Art 36)")
            .is_some(),
        "PND-001's residual risk stays high"
    );
    type_into(&mut app.harness, "Date sent", "2019-07-01");
    type_into(&mut app.harness, "Reference", "RFA0123456");
    type_into(&mut app.harness, "Date of response", "1 August");
    click(&mut app.harness, "Record prior consultation");
    assert!(
        app.harness
            .query_by_label_contains("date of response: “1 August” is not a date")
            .is_some()
    );
    assert!(
        app.harness
            .state()
            .register()
            .metadata
            .prior_consultation
            .is_none()
    );
    replace_text(&mut app.harness, "Date of response", "2019-08-01");
    type_into(
        &mut app.harness,
        "Response",
        "Proceed once deletion is automated",
    );
    click(&mut app.harness, "Record prior consultation");
    let record = app
        .harness
        .state()
        .register()
        .metadata
        .prior_consultation
        .clone()
        .expect("recorded");
    assert_eq!(record.sent.unwrap().to_string(), "2019-07-01");
    assert_eq!(record.reference, "RFA0123456");
    assert_eq!(record.response, "Proceed once deletion is automated");
    assert_eq!(record.response_date.unwrap().to_string(), "2019-08-01");

    press(&mut app.harness, Modifiers::COMMAND, Key::Z);
    assert!(
        app.harness
            .state()
            .register()
            .metadata
            .prior_consultation
            .is_none(),
        "one undo step"
    );
    assert_eq!(
        text_in(&app.harness, "Reference").as_deref(),
        Some(""),
        "the fields follow the register"
    );
}

#[test]
fn the_author_set_in_settings_is_offered_in_forms_and_recorded_in_the_trail() {
    let mut app = open_small();
    click(&mut app.harness, "Edit");
    click(&mut app.harness, "Settings…");
    replace_text(&mut app.harness, "Your name", "Rhys Evans");
    click(&mut app.harness, "Close");
    assert_eq!(app.harness.state().settings().author_name, "Rhys Evans");
    assert_eq!(app.harness.state().settings().author(), "Rhys Evans");

    click(&mut app.harness, "PND-001");
    assert_eq!(text_in(&app.harness, "Name").as_deref(), Some("Rhys Evans"));
    type_into(&mut app.harness, "Role", "Senior responsible owner");
    type_into(&mut app.harness, "Rationale", "Accepted until March");
    click(&mut app.harness, "Accept residual risk");
    press(&mut app.harness, Modifiers::COMMAND, Key::S);
    let lines = trail_lines(&app.path);
    assert!(
        lines.iter().all(|line| line.starts_with("Rhys Evans: ")),
        "{lines:?}"
    );

    click(&mut app.harness, "Snapshots");
    assert_eq!(
        text_in(&app.harness, "Author").as_deref(),
        Some("Rhys Evans"),
        "the snapshot's author"
    );
    click(&mut app.harness, "Take snapshot");
    click(&mut app.harness, "Approve v0.2…");
    assert_eq!(text_in(&app.harness, "Name").as_deref(), Some("Rhys Evans"));
}

#[test]
fn the_signing_key_is_chosen_with_browse_and_the_form_keeps_what_was_typed() {
    let mut app = open_small();
    let key = keygen(&app.dir, "id_ed25519", "gwen", "");
    approve_v0_2(&mut app);
    replace_text(&mut app.harness, "Name", "Gwen Jones");
    click(&mut app.harness, "Browse for the private key file");
    // The tests use the in-app path field instead of the desktop's file chooser.
    replace_text(&mut app.harness, "Path", &key.display().to_string());
    click(&mut app.harness, "Choose");
    assert_eq!(
        text_in(&app.harness, "Private key file").as_deref(),
        Some(key.display().to_string().as_str())
    );
    assert_eq!(text_in(&app.harness, "Name").as_deref(), Some("Gwen Jones"));
    click(&mut app.harness, "Sign and record approval");
    let stored = approval_file::list(&app.path).unwrap();
    assert_eq!(stored.len(), 1);
    assert!(stored[0].approval.is_signed());
    assert_eq!(stored[0].approval.name, "Gwen Jones");
}

#[test]
fn escape_closes_the_approve_form_and_reopening_it_keeps_what_was_typed() {
    let mut app = open_small();
    approve_v0_2(&mut app);
    type_into(&mut app.harness, "Role", " (acting)");
    press(&mut app.harness, Modifiers::NONE, Key::Escape);
    assert!(
        app.harness
            .query_by_label("Record unsigned approval")
            .is_none(),
        "closed"
    );
    assert!(approval_file::list(&app.path).unwrap().is_empty());
    click(&mut app.harness, "Approve v0.2…");
    assert_eq!(
        text_in(&app.harness, "Role").as_deref(),
        Some("DPO advice (acting)"),
        "the first role offered, and what was typed"
    );
}

#[test]
fn prior_consultation_not_indicated_is_said_and_can_still_be_recorded() {
    let dir = Dir::new();
    let path = dir.path().join("mitigated.ron");
    let mut register = dpia_files::register_file::load(&super::util::fixture("small.ron")).unwrap();
    // PND-001 is the only entry whose residual risk stays high.
    register.entries.retain(|entry| entry.id != id("PND-001"));
    dpia_files::register_file::save(&register, &path).unwrap();
    let mut harness = super::gui_util::harness(
        dpia_register::gui::DpiaApp::open(&path, super::gui_util::options())
            .with_clock(Clock::Fixed(NOW.parse().unwrap())),
    );
    click(&mut harness, "Register details");
    assert!(
        harness
            .query_by_label_contains("Prior consultation is not indicated")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("ICO prior consultation indicated")
            .is_none()
    );
    type_into(&mut harness, "Reference", "RFA0999");
    click(&mut harness, "Record prior consultation");
    let record = harness
        .state()
        .register()
        .metadata
        .prior_consultation
        .clone()
        .expect("recorded");
    assert_eq!(record.reference, "RFA0999");
    assert_eq!(record.sent, None);
}
