//! Snapshot files: `registers/NAME.snapshots/LABEL.ron` beside `registers/NAME.ron`, one per label.
//!
//! A snapshot file is RON with its own `format_version`, the snapshot's label, time, author, note,
//! the snapshot it follows (`previous`, from format 2) and checksum, and the frozen register. Those
//! come before the register, so a snapshot's `header` is read without reading its register. It is written once (`atomic::write_new`) and never
//! overwritten, nor written beside one whose label differs only in letter case. Loading verifies the
//! checksum (of the label, time, author, note and register) and that the file is named after the
//! label, so an altered, corrupt or renamed snapshot is reported, never shown as if it were what was
//! taken.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use ron::ser::PrettyConfig;
use serde::{Deserialize, Serialize};

use dpia_core::migrate;
use dpia_core::register::{FORMAT_VERSION, Register};
use dpia_core::snapshot::{
    Checksum, FoundSnapshot, Label, Snapshot, SnapshotError, SnapshotParts, SnapshotRecord,
};

use super::beside::{beside, files_in};
use super::register_file::{self, from_ron, read_text, refuse_empty};
use super::{LoadError, SaveError, atomic};

/// The snapshot file format version this build writes. Format 1 had no `previous`; this build
/// reads both.
pub const SNAPSHOT_FORMAT_VERSION: u32 = 2;

/// The snapshot file format versions this build reads.
const READABLE_VERSIONS: std::ops::RangeInclusive<u32> = 1..=SNAPSHOT_FORMAT_VERSION;

/// The folder that holds a register's snapshots: `NAME.snapshots` beside `NAME.ron`.
pub fn folder(register_path: &Path) -> PathBuf {
    beside(register_path, ".snapshots")
}

/// The file of the snapshot labelled `label` of the register at `register_path`.
pub fn path(register_path: &Path, label: &Label) -> PathBuf {
    folder(register_path).join(format!("{label}.ron"))
}

/// A version of a register read from a file: a working register or a snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Version {
    /// A register file.
    Working(Register),
    /// A snapshot file, its checksum verified.
    Snapshot(Snapshot),
}

impl Version {
    /// The register this version holds.
    pub fn register(&self) -> &Register {
        match self {
            Self::Working(register) => register,
            Self::Snapshot(snapshot) => snapshot.register(),
        }
    }
}

/// One snapshot in a register's list: its file, and its details or why it cannot be read.
#[derive(Debug)]
pub struct Listed {
    /// The snapshot file.
    pub path: PathBuf,
    /// The snapshot's details, or the error that makes it unusable (altered, corrupt, unreadable).
    pub details: Result<Details, LoadError>,
}

/// What the snapshot list shows of a snapshot: everything but the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Details {
    /// The label.
    pub label: Label,
    /// When it was taken.
    pub taken_at: Timestamp,
    /// Who took it.
    pub author: String,
    /// Why.
    pub note: String,
    /// The checksum of its register, verified.
    pub checksum: Checksum,
    /// The snapshot it follows, if it records one.
    pub previous: Option<SnapshotRecord>,
    /// How many entries it holds.
    pub num_entries: usize,
}

impl Details {
    /// The details of `snapshot`.
    pub fn of(snapshot: &Snapshot) -> Self {
        Self {
            label: snapshot.label().clone(),
            taken_at: snapshot.taken_at(),
            author: snapshot.author().to_owned(),
            note: snapshot.note().to_owned(),
            checksum: snapshot.checksum(),
            previous: snapshot.previous().cloned(),
            num_entries: snapshot.register().entries.len(),
        }
    }

    /// What the snapshot says of itself, for auditing the chain.
    pub fn found(&self) -> FoundSnapshot {
        found(&self.label, self.checksum, self.previous.as_ref())
    }
}

/// Saves `snapshot` of the register at `register_path` in its snapshots folder, creating the folder
/// if needed, and returns the file's path.
///
/// A snapshot with the same label is never replaced: that is `SaveError::AlreadyExists`. So is one
/// whose label differs only in letter case (`V1.0` beside `v1.0`), naming the existing file: the two
/// files would be one on a case-insensitive file system (Windows, macOS).
pub fn save_new(register_path: &Path, snapshot: &Snapshot) -> Result<PathBuf, SaveError> {
    let path = path(register_path, snapshot.label());
    if let Some(existing) = case_clash(&folder(register_path), snapshot.label()) {
        return Err(SaveError::AlreadyExists { path: existing });
    }
    let text = to_text(snapshot).map_err(|err| SaveError::Serialize {
        path: path.clone(),
        message: err.to_string(),
    })?;
    let folder = folder(register_path);
    std::fs::create_dir_all(&folder).map_err(|source| SaveError::Io {
        path: folder,
        source,
    })?;
    atomic::write_new_like(&path, text.as_bytes(), register_path)?;
    Ok(path)
}

/// The snapshot file in `folder` whose name differs from `label`'s only in letter case, if any.
fn case_clash(folder: &Path, label: &Label) -> Option<PathBuf> {
    let name = format!("{label}.ron");
    let lower_name = name.to_lowercase();
    // A folder that cannot be listed holds no clash to report; writing into it reports the error.
    std::fs::read_dir(folder)
        .ok()?
        .filter_map(Result::ok)
        .map(|dir_entry| dir_entry.path())
        .find(|path| {
            path.file_name().is_some_and(|other| {
                let other = other.to_string_lossy();
                other != name && other.to_lowercase() == lower_name
            })
        })
}

/// Reads the snapshot at `path` and verifies its checksum.
pub fn load(path: &Path) -> Result<Snapshot, LoadError> {
    parse(&read_text(path)?, path)
}

/// Parses snapshot text and verifies its checksum and that `path` is named after its label.
pub fn parse(text: &str, path: &Path) -> Result<Snapshot, LoadError> {
    refuse_empty(text, path)?;
    // Only when the file does not parse is its version looked at (parsing twice costs time on a
    // large register): a file from a newer app is refused as such, not as malformed.
    let file: SnapshotFile =
        from_ron(text, path).map_err(|err| version_error(text, path).unwrap_or(err))?;
    from_file(file, text, path)
}

/// The snapshot in a parsed file, once its versions, checksum and file name are checked.
fn from_file(file: SnapshotFile, text: &str, path: &Path) -> Result<Snapshot, LoadError> {
    if !READABLE_VERSIONS.contains(&file.format_version) {
        return Err(
            version_error(text, path).unwrap_or_else(|| LoadError::Unsupported {
                path: path.to_owned(),
                message: format!(
                    "snapshot format_version {} is not a version dpia-register ever wrote",
                    file.format_version
                ),
            }),
        );
    }
    // The register is written in the snapshot as it was when taken. Only the current register
    // format is written into snapshots so far; when it changes, old ones must be checksummed in
    // the format they were written in and then migrated.
    if file.register.format_version != FORMAT_VERSION {
        return Err(LoadError::Unsupported {
            path: path.to_owned(),
            message: format!(
                "the register in this snapshot is format_version {}; this app reads snapshots of format_version {FORMAT_VERSION}",
                file.register.format_version
            ),
        });
    }
    if file.format_version == 1 && file.previous.is_some() {
        return Err(LoadError::Unsupported {
            path: path.to_owned(),
            message: "a snapshot of format_version 1 records no previous snapshot".to_owned(),
        });
    }
    let as_saved = register_as_saved(text);
    let snapshot = Snapshot::verified_as_saved(
        SnapshotParts {
            label: file.label,
            taken_at: file.taken_at,
            author: file.author,
            note: file.note,
            previous: file.previous,
            checksum: file.checksum,
            register: file.register,
        },
        as_saved.as_deref(),
    )
    .map_err(|err| match err {
        SnapshotError::Altered { recorded, actual } => LoadError::Altered {
            path: path.to_owned(),
            recorded,
            actual,
        },
        SnapshotError::Serialize(err) => LoadError::Unsupported {
            path: path.to_owned(),
            message: format!("cannot checksum the register: {err}"),
        },
        err @ SnapshotError::LabelUsed { .. } => LoadError::Unsupported {
            path: path.to_owned(),
            message: err.to_string(),
        },
    })?;
    // Snapshots are found by file name (`--since v1.0` reads `v1.0.ron`), and the label is checked
    // by the checksum, so a file named otherwise was renamed or put there by hand. A second version
    // a merge kept beside the first (`v1.0~theirs-….ron`) is named after its label too.
    let is_named_after_label = is_named_after(path, snapshot.label());
    if !is_named_after_label {
        return Err(LoadError::Renamed {
            path: path.to_owned(),
            label: snapshot.label().clone(),
        });
    }
    Ok(snapshot)
}

/// The register a snapshot file holds, as the text a register file would hold (`to_text` writes it
/// one level deeper, as the last field: each line but the first indented four spaces more, and a
/// comma after it), so its checksum can be checked without serialising the register again.
/// `None` for a file not laid out so (the checksum is then checked the long way).
fn register_as_saved(text: &str) -> Option<String> {
    const START: &str = "\n    register: (\n";
    const END: &str = "\n    ),\n)\n";
    let start = text.find(START)? + START.len();
    let body = text.strip_suffix(END)?.get(start..)?;
    let mut register = String::with_capacity(body.len() + 4);
    register.push_str("(\n");
    for line in body.split('\n') {
        register.push_str(line.strip_prefix("    ")?);
        register.push('\n');
    }
    register.push_str(")\n");
    Some(register)
}

/// What a snapshot file says of itself before its register: enough to audit the chain and check
/// approvals, without reading (or verifying) the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// The label.
    pub label: Label,
    /// When it was taken.
    pub taken_at: Timestamp,
    /// The snapshot it follows, if it records one.
    pub previous: Option<SnapshotRecord>,
    /// The checksum it records (not verified against its register: `load` does that).
    pub checksum: Checksum,
}

impl Header {
    /// What the snapshot says of itself, for auditing the chain.
    pub fn found(&self) -> FoundSnapshot {
        found(&self.label, self.checksum, self.previous.as_ref())
    }
}

/// What a snapshot file says of itself, for auditing the chain; `is_kept_beside` is the file's to
/// say (`is_kept_beside`).
fn found(label: &Label, checksum: Checksum, previous: Option<&SnapshotRecord>) -> FoundSnapshot {
    FoundSnapshot {
        record: SnapshotRecord {
            label: label.clone(),
            checksum,
        },
        previous: previous.cloned(),
        is_kept_beside: false,
    }
}

/// The line that starts the register in a snapshot file as `to_text` writes it.
const REGISTER_LINE: &str = "    register: (";

/// The most of a file read looking for the register's line: a header is a few hundred bytes.
const MAX_HEADER_BYTES: u64 = 1 << 20;

/// Reads the header of the snapshot at `path`: the lines before its register, as `to_text` writes
/// them, so a large snapshot costs no more than a small one. A file not laid out as this app writes
/// it is read whole (`load`), so its header is still read, or its error reported as `load` would.
pub fn header(path: &Path) -> Result<Header, LoadError> {
    match read_header(path) {
        Some(header) => Ok(header),
        None => load(path).map(|snapshot| Header {
            label: snapshot.label().clone(),
            taken_at: snapshot.taken_at(),
            previous: snapshot.previous().cloned(),
            checksum: snapshot.checksum(),
        }),
    }
}

/// The header of the snapshot at `path`, if it reads as this app writes it and is named after its
/// label; else none.
fn read_header(path: &Path) -> Option<Header> {
    use std::io::{BufRead as _, Read as _};
    let file = std::fs::File::open(path).ok()?;
    let mut reader = std::io::BufReader::new(file).take(MAX_HEADER_BYTES);
    let mut text = String::new();
    loop {
        let start = text.len();
        if reader.read_line(&mut text).ok()? == 0 {
            return None;
        }
        if text[start..].trim_end_matches(['\n', '\r']) == REGISTER_LINE {
            text.truncate(start);
            break;
        }
    }
    text.push(')');
    let file: HeaderFile = ron::from_str(&text).ok()?;
    let is_named_after_label = is_named_after(path, &file.label);
    let is_readable = READABLE_VERSIONS.contains(&file.format_version)
        && (file.format_version > 1 || file.previous.is_none());
    (is_named_after_label && is_readable).then_some(Header {
        label: file.label,
        taken_at: file.taken_at,
        previous: file.previous,
        checksum: file.checksum,
    })
}

/// Whether the file at `path` is named after `label`: `LABEL.ron`, or `LABEL~….ron` for a second
/// version kept beside it by a merge (`~` is never in a label).
fn is_named_after(path: &Path, label: &Label) -> bool {
    path.file_stem().is_some_and(|stem| {
        let stem = stem.to_string_lossy();
        stem == label.as_str()
            || stem
                .strip_prefix(label.as_str())
                .is_some_and(|rest| rest.starts_with('~'))
    })
}

/// Whether the file at `path` is a second version of its label, kept beside the first by a merge
/// of two branches that both took it (`v1.0~theirs-….ron`).
pub fn is_kept_beside(path: &Path) -> bool {
    path.file_stem()
        .is_some_and(|stem| stem.to_string_lossy().contains('~'))
}

/// Keeps `snapshot` (its file's `text`), another version of the snapshot at `path` under the same
/// label, beside it as `LABEL~theirs-CHECKSUM.ron`, and returns that file; a file already kept
/// there with the same text is left as it is.
pub fn keep_beside(path: &Path, text: &str, snapshot: &Snapshot) -> Result<PathBuf, SaveError> {
    let name = format!(
        "{}~theirs-{}.ron",
        snapshot.label(),
        snapshot.checksum().short()
    );
    let kept = path.with_file_name(name);
    match atomic::write_new(&kept, text.as_bytes()) {
        Err(SaveError::AlreadyExists { .. })
            if std::fs::read_to_string(&kept).is_ok_and(|there| there == text) =>
        {
            Ok(kept)
        }
        written => written.map(|()| kept),
    }
}

/// The error for a snapshot file whose `format_version` this build does not read, if it is one.
fn version_error(text: &str, path: &Path) -> Option<LoadError> {
    match migrate::probe(text)?.format_version {
        Some(found) if READABLE_VERSIONS.contains(&found) => None,
        None => Some(LoadError::Parse {
            path: path.to_owned(),
            line: 1,
            column: 1,
            message: "missing field `format_version`: is this a dpia-register snapshot?".to_owned(),
        }),
        Some(found) if found > SNAPSHOT_FORMAT_VERSION => Some(LoadError::NewerFormat {
            path: path.to_owned(),
            found,
            supported: SNAPSHOT_FORMAT_VERSION,
        }),
        Some(found) => Some(LoadError::Unsupported {
            path: path.to_owned(),
            message: format!(
                "snapshot format_version {found} is not a version dpia-register ever wrote"
            ),
        }),
    }
}

/// The snapshot as the RON text it is saved as.
pub fn to_text(snapshot: &Snapshot) -> Result<String, ron::Error> {
    let file = SnapshotFileRef {
        format_version: SNAPSHOT_FORMAT_VERSION,
        label: snapshot.label(),
        taken_at: snapshot.taken_at(),
        author: snapshot.author(),
        note: snapshot.note(),
        previous: snapshot.previous(),
        checksum: snapshot.checksum(),
        register: snapshot.register(),
    };
    // One level deeper than a register file, so the register inside is laid out as it is there.
    let config = PrettyConfig::new()
        .depth_limit(6)
        .indentor("    ")
        .new_line("\n");
    let mut text = ron::ser::to_string_pretty(&file, config)?;
    text.push('\n');
    Ok(text)
}

/// Every snapshot of the register at `register_path`, oldest first (then by label).
///
/// A register with no snapshots folder has no snapshots. A snapshot that cannot be read, or whose
/// checksum does not match, is listed with its error so the list can say so.
pub fn list(register_path: &Path) -> Result<Vec<Listed>, LoadError> {
    let paths = files_in(&folder(register_path), "ron")?;
    let mut listed: Vec<Listed> = paths
        .into_iter()
        .map(|path| {
            let details = load(&path).map(|snapshot| Details::of(&snapshot));
            Listed { path, details }
        })
        .collect();
    listed.sort_by(|a, b| {
        let key = |listed: &Listed| {
            listed
                .details
                .as_ref()
                .ok()
                .map(|details| (details.taken_at, details.label.clone()))
        };
        // Unreadable snapshots go last, by file name.
        match (key(a), key(b)) {
            (Some(a_key), Some(b_key)) => a_key.cmp(&b_key),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.path.cmp(&b.path),
        }
    });
    Ok(listed)
}

/// The labels of the register's readable snapshots, for proposing the next one.
pub fn labels(listed: &[Listed]) -> Vec<Label> {
    listed
        .iter()
        .filter_map(|listed| listed.details.as_ref().ok())
        .map(|details| details.label.clone())
        .collect()
}

/// Reads a register file or a snapshot file, telling them apart by their content.
///
/// A snapshot's checksum is verified. The file is read as a snapshot first, which fails at once on
/// a register (its second field is not a snapshot's), then as a register. If neither reads, the
/// error reported is that of the kind the file's top-level fields show (a snapshot has a
/// `register` or a `checksum`). When it is too malformed to show them, it is the error from the
/// reading that got further into the file; on a tie, a file in a `*.snapshots` folder is reported
/// as a snapshot.
pub fn load_version(path: &Path) -> Result<Version, LoadError> {
    // A PDF paper opens as the register it carries.
    let text = register_file::read_register_text(path)?;
    refuse_empty(&text, path)?;
    let snapshot_err = match from_ron::<SnapshotFile>(&text, path) {
        // It reads as a snapshot; it may still be altered, or from another version of the app.
        Ok(file) => return from_file(file, &text, path).map(Version::Snapshot),
        Err(err) => err,
    };
    let register_err = match register_file::parse(&text, path) {
        Ok(register) => return Ok(Version::Working(register)),
        Err(err) => err,
    };
    // The text's own top-level fields say which it is, when it is well-formed enough to show them.
    if let Some(probe) = migrate::probe(&text) {
        return Err(if probe.snapshot_label.is_some() {
            version_error(&text, path).unwrap_or(snapshot_err)
        } else {
            register_err
        });
    }
    let position = |err: &LoadError| match err {
        LoadError::Parse { line, column, .. } => Some((*line, *column)),
        _ => None,
    };
    let is_in_snapshots_folder = path
        .parent()
        .and_then(Path::file_name)
        .is_some_and(|name| name.to_string_lossy().ends_with(".snapshots"));
    match (position(&snapshot_err), position(&register_err)) {
        (Some(snapshot_at), Some(register_at))
            if snapshot_at > register_at
                || (snapshot_at == register_at && is_in_snapshots_folder) =>
        {
            Err(version_error(&text, path).unwrap_or(snapshot_err))
        }
        _ => Err(register_err),
    }
}

/// The snapshot file as read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SnapshotFile {
    format_version: u32,
    label: Label,
    taken_at: Timestamp,
    #[serde(default)]
    author: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    previous: Option<SnapshotRecord>,
    checksum: Checksum,
    register: Register,
}

/// The part of a snapshot file before its register, as read by `header`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HeaderFile {
    format_version: u32,
    label: Label,
    taken_at: Timestamp,
    #[serde(default, rename = "author")]
    _author: String,
    #[serde(default, rename = "note")]
    _note: String,
    #[serde(default)]
    previous: Option<SnapshotRecord>,
    checksum: Checksum,
}

/// The snapshot file as written, borrowing the snapshot so a large register is not copied.
#[derive(Serialize)]
struct SnapshotFileRef<'a> {
    format_version: u32,
    label: &'a Label,
    taken_at: Timestamp,
    author: &'a str,
    note: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    previous: Option<&'a SnapshotRecord>,
    checksum: Checksum,
    register: &'a Register,
}

#[cfg(test)]
mod tests {
    use super::*;
    use dpia_core::register::{Entry, EntryId, SystemId};

    fn sample() -> Register {
        let mut register = Register::default();
        let mut entry = Entry::new(
            EntryId::parse("PND-001").unwrap(),
            SystemId::parse("PND").unwrap(),
            "Retention of custody images",
        );
        entry.concern =
            "Images of people never charged are kept; Siân's group asked why.".to_owned();
        register.entries.push(entry);
        register
    }

    fn snapshot(label: &str) -> Snapshot {
        Snapshot::take(
            &sample(),
            Label::parse(label).unwrap(),
            "2019-04-30T09:00:00Z".parse().unwrap(),
            "Siân Ŵyn",
            "Issued for the Open Space",
        )
        .unwrap()
    }

    #[test]
    fn folder_and_path_sit_beside_the_register() {
        let register = Path::new("registers/leds.ron");
        assert_eq!(folder(register), Path::new("registers/leds.snapshots"));
        assert_eq!(
            path(register, &Label::parse("v1.1").unwrap()),
            Path::new("registers/leds.snapshots/v1.1.ron")
        );
    }

    #[test]
    fn the_register_is_checksummed_as_saved_and_any_other_layout_the_long_way() {
        let snapshot = snapshot("v1.0");
        let text = to_text(&snapshot).unwrap();
        assert_eq!(
            register_as_saved(&text).as_deref(),
            Some(
                dpia_core::register_text::to_text(snapshot.register())
                    .unwrap()
                    .as_str()
            ),
            "a file the app wrote gives back the register's canonical text"
        );
        for (layout, other) in [
            ("CR LF", text.replace('\n', "\r\n")),
            ("tabs", text.replace("    ", "\t")),
            ("no comma", text.replace("\n    ),\n)\n", "\n    )\n)\n")),
        ] {
            assert_eq!(register_as_saved(&other), None, "{layout}");
            assert_eq!(
                parse(&other, Path::new("v1.0.ron")).unwrap(),
                snapshot,
                "{layout}: verified the long way"
            );
        }
        let edited = text.replace("never charged", "never convicted");
        assert_ne!(edited, text, "the edit is made");
        assert!(
            matches!(
                parse(&edited, Path::new("v1.0.ron")),
                Err(LoadError::Altered { .. })
            ),
            "an edit fails both ways"
        );
    }

    #[test]
    fn round_trips_byte_for_byte() {
        let snapshot = snapshot("v1.0");
        let text = to_text(&snapshot).unwrap();
        let back = parse(&text, Path::new("v1.0.ron")).unwrap();
        assert_eq!(back, snapshot);
        assert_eq!(
            to_text(&back).unwrap(),
            text,
            "a second write changes nothing"
        );
        assert!(text.starts_with("(\n    format_version: 2,\n    label: \"v1.0\",\n    taken_at: \"2019-04-30T09:00:00Z\",\n"), "{text}");
        assert!(
            text.contains(&format!("    checksum: \"{}\",\n", snapshot.checksum())),
            "{text}"
        );
    }

    #[test]
    fn an_edited_register_is_reported_as_altered() {
        let text = to_text(&snapshot("v1.0"))
            .unwrap()
            .replace("Retention of custody images", "Retention of custody imagez");
        let err = parse(&text, Path::new("v1.0.ron")).unwrap_err();
        assert!(matches!(err, LoadError::Altered { .. }), "{err}");
        assert!(
            err.to_string()
                .starts_with("v1.0.ron: the checksum does not match the content"),
            "{err}"
        );
    }

    #[test]
    fn unknown_fields_are_errors_with_their_position() {
        let text = to_text(&snapshot("v1.0"))
            .unwrap()
            .replacen("    note:", "    notes:", 1);
        let err = parse(&text, Path::new("v1.0.ron")).unwrap_err().to_string();
        let line = text.lines().position(|l| l.contains("notes:")).unwrap() + 1;
        assert!(err.starts_with(&format!("v1.0.ron:{line}:")), "{err}");
        assert!(err.contains("notes"), "{err}");
    }

    #[test]
    fn a_newer_snapshot_format_is_refused() {
        let text = to_text(&snapshot("v1.0")).unwrap().replacen(
            "format_version: 2,",
            "format_version: 7,",
            1,
        );
        let err = parse(&text, Path::new("v1.0.ron")).unwrap_err().to_string();
        assert!(err.contains("format_version 7 is newer"), "{err}");

        // A newer app may add fields: the file is still reported as a newer snapshot.
        let text = text.replacen("    note:", "    colour: \"red\",\n    note:", 1);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.0.ron");
        atomic::write(&path, text.as_bytes()).unwrap();
        let err = load_version(&path).unwrap_err();
        assert!(
            matches!(err, LoadError::NewerFormat { found: 7, .. }),
            "{err}"
        );
    }

    #[test]
    fn snapshots_and_registers_are_told_apart() {
        let dir = tempfile::tempdir().unwrap();
        let register_path = dir.path().join("r.ron");
        register_file::save(&sample(), &register_path).unwrap();
        let snapshot_path = save_new(&register_path, &snapshot("v1.0")).unwrap();
        assert!(
            matches!(load_version(&register_path), Ok(Version::Working(_))),
            "register"
        );
        assert!(
            matches!(load_version(&snapshot_path), Ok(Version::Snapshot(_))),
            "snapshot"
        );
    }

    #[test]
    fn a_malformed_file_is_reported_as_the_kind_it_looks_like() {
        let dir = tempfile::tempdir().unwrap();
        let register_path = dir.path().join("r.ron");
        let malformed_register = dpia_core::register_text::to_text(&sample())
            .unwrap()
            .replacen("issue:", "issue", 1);
        atomic::write(&register_path, malformed_register.as_bytes()).unwrap();
        let err = load_version(&register_path).unwrap_err();
        assert_eq!(
            err.to_string(),
            register_file::parse(&malformed_register, &register_path)
                .unwrap_err()
                .to_string()
        );

        let snapshot_path = dir.path().join("v1.0.ron");
        let malformed_snapshot = to_text(&snapshot("v1.0"))
            .unwrap()
            .replacen("issue:", "issue", 1);
        atomic::write(&snapshot_path, malformed_snapshot.as_bytes()).unwrap();
        let err = load_version(&snapshot_path).unwrap_err();
        assert_eq!(
            err.to_string(),
            parse(&malformed_snapshot, &snapshot_path)
                .unwrap_err()
                .to_string()
        );

        // Nothing to go on but the folder: a file in a snapshots folder is a snapshot.
        let in_folder = dir.path().join("r.snapshots").join("v2.ron");
        std::fs::create_dir_all(in_folder.parent().unwrap()).unwrap();
        atomic::write(&in_folder, b"(oops").unwrap();
        let err = load_version(&in_folder).unwrap_err();
        assert_eq!(
            err.to_string(),
            parse("(oops", &in_folder).unwrap_err().to_string()
        );
    }

    #[test]
    fn an_edited_label_time_author_or_note_is_reported_as_altered() {
        let text = to_text(&snapshot("v1.0")).unwrap();
        for (was, now) in [
            ("label: \"v1.0\"", "label: \"v9\""),
            ("2019-04-30T09:00:00Z", "2019-04-30T09:00:01Z"),
            ("author: \"Siân Ŵyn\"", "author: \"Someone else\""),
            (
                "note: \"Issued for the Open Space\"",
                "note: \"Issued later\"",
            ),
            ("note: \"Issued for the Open Space\"", "note: \"\""),
        ] {
            assert!(text.contains(was), "{was} in {text}");
            let altered = text.replacen(was, now, 1);
            for name in ["v1.0.ron", "v9.ron"] {
                let err = parse(&altered, Path::new(name)).unwrap_err();
                assert!(
                    matches!(err, LoadError::Altered { .. }),
                    "{was} → {now} in {name}: {err}"
                );
            }
        }
    }

    #[test]
    fn a_file_not_named_after_its_label_is_reported() {
        let text = to_text(&snapshot("v1.0")).unwrap();
        let err = parse(&text, Path::new("reg.snapshots/v9.ron")).unwrap_err();
        assert!(matches!(err, LoadError::Renamed { .. }), "{err}");
        assert_eq!(
            err.to_string(),
            "reg.snapshots/v9.ron: the snapshot in this file is labelled v1.0, not as its file is named: the snapshot has been altered or renamed (its file should be v1.0.ron)"
        );
        assert!(
            parse(&text, Path::new("V1.0.ron")).is_err(),
            "letter case counts"
        );
        assert!(parse(&text, Path::new("reg.snapshots/v1.0.ron")).is_ok());
    }

    #[test]
    fn a_label_differing_only_in_letter_case_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let register_path = dir.path().join("r.ron");
        let first = save_new(&register_path, &snapshot("v1.0")).unwrap();
        let err = save_new(&register_path, &snapshot("V1.0")).unwrap_err();
        let SaveError::AlreadyExists { path } = &err else {
            panic!("{err}");
        };
        assert_eq!(path, &first, "the clash names the existing file");
        let names: Vec<_> = std::fs::read_dir(folder(&register_path))
            .unwrap()
            .map(|dir_entry| dir_entry.unwrap().file_name())
            .collect();
        assert_eq!(names, ["v1.0.ron"]);
        save_new(&register_path, &snapshot("v1.0.1")).unwrap();
    }
}
