//! Files that must fail well: malformed text, old and new formats, and saves that must not lose data.

use std::fs;

use dpia_core::register::FORMAT_VERSION;
use dpia_core::register::{Marking, MitigationStatus};
use dpia_files::{LoadError, register_file};

use super::util::{Dir, fixture};

#[test]
fn malformed_file_names_path_line_and_column() {
    let path = fixture("malformed.ron");
    let err = register_file::load(&path).unwrap_err();
    let LoadError::Parse { line, column, .. } = &err else {
        panic!("expected a parse error, got {err}");
    };
    assert_eq!((*line, *column), (9, 27), "{err}");
    assert!(
        err.to_string()
            .starts_with(&format!("{}:9:27: ", path.display())),
        "{err}"
    );
}

#[test]
fn unknown_field_is_an_error_naming_it() {
    let path = fixture("unknown-field.ron");
    let err = register_file::load(&path).unwrap_err().to_string();
    assert!(err.contains("concen"), "{err}");
    assert!(err.starts_with(&format!("{}:10:", path.display())), "{err}");
}

#[test]
fn format_1_is_migrated() {
    let register = register_file::load(&fixture("format-1.ron")).unwrap();
    assert_eq!(register.format_version, FORMAT_VERSION);
    assert_eq!(register.metadata.marking, Marking::OfficialSensitive);
    let entry = &register.entries[0];
    assert_eq!(entry.mitigations[0].status, MitigationStatus::Agreed);
    let saved = dpia_core::register_text::to_text(&register).unwrap();
    assert!(
        saved.contains(&format!("format_version: {FORMAT_VERSION},")),
        "{saved}"
    );
}

#[test]
fn newer_format_is_refused() {
    let path = fixture("format-99.ron");
    let err = register_file::load(&path).unwrap_err().to_string();
    assert!(
        err.contains("format_version 99 is newer than this app reads"),
        "{err}"
    );
}

#[test]
fn failed_save_leaves_the_old_file() {
    let dir = Dir::new();
    let path = dir.join("register.ron");
    let register = register_file::load(&fixture("small.ron")).unwrap();
    register_file::save(&register, &path).unwrap();
    let before = fs::read(&path).unwrap();
    // A save of this very file that fails before writing anything, or part-way, leaves it whole.
    for written in [&b""[..], b"(format_version: 2, meta"] {
        let err = dpia_files::atomic::write_with(&path, |out| {
            out.write_all(written)?;
            Err(std::io::Error::other("simulated failure"))
        })
        .unwrap_err();
        assert!(err.to_string().contains("simulated failure"), "{err}");
        assert_eq!(fs::read(&path).unwrap(), before, "the old file is intact");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file is left"
        );
    }
}

#[test]
fn format_1_with_an_unrecognised_marking_is_refused_at_the_marking() {
    let path = fixture("format-1-marking-with-descriptor.ron");
    let err = register_file::load(&path).unwrap_err().to_string();
    assert!(
        err.starts_with(&format!(
            "{}:6:9: marking `OFFICIAL-SENSITIVE PERSONAL` is not one of",
            path.display()
        )),
        "{err}"
    );
}
