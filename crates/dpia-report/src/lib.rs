//! Papers: the register as an A4 PDF for circulation, in a full or a public (redacted) edition.
//!
//! In two steps (STYLE.md §2.2 rule 7). `layout` decides everything that goes on every page and
//! is pure, so it is tested as text; `pdf` draws each page into the file as layout hands it on
//! and makes no layout decisions. The public edition is made by `public::redact` before layout, so redacted
//! text never reaches the file. No egui, no clock (dates come in through `ReportOptions`), and
//! no I/O of its own: `export` returns the bytes, `export_to` hands them to the caller's writer.

mod approvals;
mod change_words;
mod changes;
pub mod docx;
pub mod flow;
pub mod labels;
pub mod layout;
pub mod metrics;
pub mod page;
pub mod pdf;
pub mod public;

use dpia_core::register::Marking;
use jiff::Timestamp;

pub use approvals::{PaperApproval, PaperVersion, is_approved};
pub use changes::changes_since;
pub use layout::layout;
pub use page::Report;
pub use public::Edition;

/// What to put in a paper besides the register itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportOptions {
    /// Full, or public (redacted).
    pub edition: Edition,
    /// When the paper is made: printed on the cover and stored as the PDF's dates. `None` leaves
    /// them out. Callers pass `SOURCE_DATE_EPOCH` when set, so the same input gives the same bytes.
    pub produced: Option<Timestamp>,
    /// A "Changes since" section, when asked for.
    pub changes: Option<ChangesSection>,
    /// A "Workshop outcome" section for this one of the register's workshops (its position in
    /// `Register::workshops`), when asked for. The public edition never names its participants.
    pub workshop_idx: Option<usize>,
    /// The marking the public edition carries, stated by whoever reviewed it for publication.
    /// Required for the public edition of a register marked above OFFICIAL (`export` refuses
    /// without it); the paper then says it was reviewed for publication.
    pub public_marking: Option<Marking>,
    /// Whether to add the "Action log" section: the register's actions in three tables
    /// (ongoing, proposed complete, completed). The public edition names no owners.
    pub actions: bool,
    /// Which version the paper prints: a snapshot, or a working copy (a draft).
    pub version: PaperVersion,
    /// Every approval of that snapshot (none for a working copy), in the order they were made,
    /// each with what checking it found.
    pub approvals: Vec<PaperApproval>,
}

/// The change log since an earlier snapshot, as plain text for the paper.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangesSection {
    /// The earlier snapshot's label, such as `v0.9`.
    pub since_label: String,
    /// One paragraph summing the changes up.
    pub summary: String,
    /// The changes in groups (added, removed, each changed entry, rank movements), in reading order.
    pub groups: Vec<ChangeGroup>,
}

/// Changes that belong together under one heading: "Added", or one changed entry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangeGroup {
    /// The group's heading.
    pub heading: String,
    /// One line per change.
    pub lines: Vec<String>,
}

/// How far an export has got, for a progress indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Laying out the register's entries: `entries_done` of `num_entries`.
    LayingOut {
        /// Entries laid out so far.
        entries_done: usize,
        /// All the entries.
        num_entries: usize,
    },
    /// Writing the PDF: fonts, pages, the carried register.
    Writing,
    /// Finished.
    Done,
}

impl Progress {
    /// The fraction done, 0.0 to 1.0: layout is counted as the first 70%.
    pub fn fraction(self) -> f32 {
        match self {
            Self::LayingOut {
                entries_done,
                num_entries,
            } => {
                if num_entries == 0 {
                    0.7
                } else {
                    0.7 * entries_done.min(num_entries) as f32 / num_entries as f32
                }
            }
            Self::Writing => 0.7,
            Self::Done => 1.0,
        }
    }
}

/// Why a paper could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The register could not be written as the RON the paper carries.
    #[error("cannot write the register into the paper: {message}")]
    Register {
        /// What went wrong.
        message: String,
    },
    /// A built-in font could not be read; the build is broken.
    #[error("cannot read the built-in font {face}")]
    Font {
        /// Which face.
        face: String,
    },
    /// The paper's bytes could not be written where they were going.
    #[error("cannot write the paper: {source}")]
    Write {
        /// What the system said.
        source: std::io::Error,
    },
    /// The PDF could not be put together.
    #[error("cannot write the PDF: {message}")]
    Pdf {
        /// What went wrong.
        message: String,
    },
    /// A public edition of a register marked above OFFICIAL, with no marking stated for it.
    #[error(
        "the register is marked {marking}: a public edition needs the marking it will carry stated by whoever reviewed it for publication (such as OFFICIAL)"
    )]
    PublicMarkingNeeded {
        /// The register's marking.
        marking: Marking,
    },
    /// A public edition marked above the register it is made from.
    #[error("a public edition cannot be marked {public}, above the register's {marking}")]
    PublicMarkingAbove {
        /// The marking asked for.
        public: Marking,
        /// The register's marking.
        marking: Marking,
    },
}

/// The register as the paper in `options` shows it: as it is, or redacted for the public edition
/// and marked as its reviewer stated (`ReportOptions::public_marking`).
pub fn shown<'a>(
    register: &'a dpia_core::register::Register,
    options: &ReportOptions,
) -> Result<std::borrow::Cow<'a, dpia_core::register::Register>, ExportError> {
    let marking = register.metadata.marking;
    let public_marking = match (options.edition, options.public_marking) {
        (Edition::Full, _) => None,
        (Edition::Public, None) if marking == Marking::Official => None,
        (Edition::Public, None) => return Err(ExportError::PublicMarkingNeeded { marking }),
        (Edition::Public, Some(public)) if rank(public) > rank(marking) => {
            return Err(ExportError::PublicMarkingAbove { public, marking });
        }
        (Edition::Public, Some(public)) => Some(public),
    };
    let mut shown = public::edition(register, options.edition);
    if let Some(public) = public_marking {
        shown.to_mut().metadata.marking = public;
    }
    Ok(shown)
}

/// How restrictive a marking is: its place in `Marking::ALL`.
fn rank(marking: Marking) -> usize {
    Marking::ALL
        .iter()
        .position(|&other| other == marking)
        .unwrap_or(usize::MAX)
}

/// Makes the paper for `register`: layout, then PDF, carrying the register (redacted in the public
/// edition) so the paper reopens in the app. Reports progress to `progress` as it goes.
pub fn export(
    register: &dpia_core::register::Register,
    options: &ReportOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<Vec<u8>, ExportError> {
    Ok(export_with(register, options, pdf::Levels::PAPER, progress, None)?.0)
}

/// `export`, the paper's bytes handed to `sink` as they are made (a megabyte at a time) rather
/// than held: a long register's paper is never in memory whole. Returns how many bytes were
/// written. Nothing is written when the paper is refused (`ExportError::PublicMarkingNeeded`).
pub fn export_to(
    register: &dpia_core::register::Register,
    options: &ReportOptions,
    progress: &mut dyn FnMut(Progress),
    sink: &mut dyn std::io::Write,
) -> Result<usize, ExportError> {
    Ok(export_with(register, options, pdf::Levels::PAPER, progress, Some(sink))?.1)
}

/// `export` with the streams compressed at zlib `levels` instead of the paper's own
/// (`pdf::Levels::PAPER`): for the benchmark that chose them (`benches/pdf.rs`, BENCHMARKS.md).
#[doc(hidden)]
pub fn export_at_levels(
    register: &dpia_core::register::Register,
    options: &ReportOptions,
    levels: pdf::Levels,
) -> Result<Vec<u8>, ExportError> {
    Ok(export_with(register, options, levels, &mut |_| {}, None)?.0)
}

fn export_with(
    register: &dpia_core::register::Register,
    options: &ReportOptions,
    levels: pdf::Levels,
    progress: &mut dyn FnMut(Progress),
    sink: Option<&mut dyn std::io::Write>,
) -> Result<(Vec<u8>, usize), ExportError> {
    let shown = shown(register, options)?;
    let mut writer = pdf::PaperWriter::new(levels, sink)?;
    // The register is written into the paper first, compressed and hashed as it is made, so its
    // text is never held whole; each page is written as soon as it is laid out.
    let digest = writer
        .attach(
            dpia_core::register_text::PAPER_ATTACHMENT_NAME,
            labels::labels(shown.metadata.language).subject,
            |out| dpia_core::register_text::write_text(&shown, out),
        )
        .map_err(|err| ExportError::Register {
            message: err.to_string(),
        })?;
    let laid = layout::layout_edition(&shown, options, Some(digest), progress, &mut |page| {
        writer.page(&page);
    });
    progress(Progress::Writing);
    let bytes = writer.finish(&laid.info, &laid.outline)?;
    progress(Progress::Done);
    Ok(bytes)
}
