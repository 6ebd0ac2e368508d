//! The core end to end: load, rank, change and save registers from `registers/` and fixtures.

use dpia_core::check::check;
use dpia_core::ranking::rank;
use dpia_core::register::{Assessment, Impact, RightId, SystemId};
use dpia_files::register_file;

use super::util::{Dir, bundled_register};

#[test]
fn bundled_register_loads_and_passes_check() {
    let register = register_file::load(&bundled_register()).unwrap();
    assert_eq!(
        check(&register),
        Vec::new(),
        "the bundled register has no problems"
    );
    assert!(register.entries.len() >= 15, "at least 15 entries");
    for system in ["PND", "PNC", "LEDS", "HOB"] {
        let id = SystemId::parse(system).unwrap();
        assert!(
            register.entries.iter().any(|entry| entry.system == id),
            "the bundled register has {system} entries"
        );
    }
    for entry in &register.entries {
        assert!(
            !entry.source.document.is_empty(),
            "{} cites its source",
            entry.id
        );
        assert!(!entry.impacts.is_empty(), "{} is scored", entry.id);
    }
}

#[test]
fn bundled_register_is_saved_in_canonical_form() {
    let path = bundled_register();
    let register = register_file::load(&path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        dpia_core::register_text::to_text(&register).unwrap() == text,
        "registers/leds-hob-open-space.ron is not in the form the app saves; re-save it"
    );
}

#[test]
fn raising_a_score_moves_the_entry_up() {
    let mut register = register_file::load(&bundled_register()).unwrap();
    let last = rank(&register).last().unwrap().entry_idx;
    let entry = &mut register.entries[last];
    entry.must_have = true;
    entry.impacts.push(Impact::new(
        RightId::parse("life").unwrap(),
        Assessment::from_values(4, 4).unwrap(),
    ));
    entry
        .impacts
        .retain(|impact| impact.right.as_str() == "life");
    let id = entry.id.clone();
    let first = &rank(&register)[0];
    let reason = first.reason(&register);
    assert_eq!(register.entries[first.entry_idx].id, id, "{reason}");
    assert!(
        reason.starts_with("must-have; residual 16 (Life)"),
        "{reason}"
    );
}

#[test]
fn save_and_reload_keeps_everything() {
    let dir = Dir::new();
    let register = register_file::load(&bundled_register()).unwrap();
    let path = dir.join("copy.ron");
    register_file::save(&register, &path).unwrap();
    assert_eq!(register_file::load(&path).unwrap(), register);
}
