//! The paper's fixed words in the register's language, English or Welsh: headings, column names,
//! "Page N of M", the method text, and the names of statuses, levels and scales.
//!
//! Only words live here; where they go is `layout`'s business.

use jiff::civil::Date;

use dpia_core::approval::Decision;
use dpia_core::register::{AcceptanceDecision, PriorConsultation, RiskAcceptance, Scope, Tier};
use dpia_core::register::{ActionStatus, Deadline, LinkKind, Origin};
use dpia_core::register::{
    Language, Likelihood, Marking, MitigationStatus, PolicingPurpose, Scale, Severity, Status,
};
use dpia_core::scoring::Level;
use dpia_core::signature::Verification;

/// The fixed words of a paper in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Labels {
    /// Which language these are.
    pub language: Language,
    /// The BCP 47 tag PDF readers and screen readers use.
    pub language_tag: &'static str,
    /// The line above the title on the cover.
    pub kicker: &'static str,
    /// What the paper is, for the document's subject.
    pub subject: &'static str,
    /// "Programme".
    pub programme: &'static str,
    /// "Version".
    pub version: &'static str,
    /// "Date issued".
    pub date_issued: &'static str,
    /// "Status".
    pub status: &'static str,
    /// "Owner".
    pub owner: &'static str,
    /// "Protective marking".
    pub marking: &'static str,
    /// "Edition".
    pub edition: &'static str,
    /// "Register digest": the start of the SHA-256 of the register the paper carries.
    pub register_digest: &'static str,
    /// The full edition's name.
    pub full_edition: &'static str,
    /// The public edition's name.
    pub public_edition: &'static str,
    /// What the public edition leaves out, on its cover.
    pub public_notice: &'static str,
    /// What the marking line adds in the public edition.
    pub public_marking: &'static str,
    /// What replaces confidential text in the public edition.
    pub redacted: &'static str,
    /// "Purpose".
    pub purpose: &'static str,
    /// "Not set", for empty cover details.
    pub not_set: &'static str,
    /// "Summary".
    pub summary: &'static str,
    /// "Entries by system".
    pub by_system: &'static str,
    /// The note under the by-system table.
    pub by_system_note: &'static str,
    /// "System".
    pub system: &'static str,
    /// "Entries".
    pub entries: &'static str,
    /// "Not scored".
    pub not_scored: &'static str,
    /// "Total".
    pub total: &'static str,
    /// "Entries by level".
    pub by_level: &'static str,
    /// "Level".
    pub level: &'static str,
    /// "Inherent".
    pub inherent: &'static str,
    /// "Residual".
    pub residual: &'static str,
    /// "Heat map".
    pub heat_map: &'static str,
    /// The note under the heat maps.
    pub heat_map_note: &'static str,
    /// "Rights × systems": the highest score on each right in each system.
    pub rights_by_systems: &'static str,
    /// The note under the rights × systems matrix.
    pub rights_by_systems_note: &'static str,
    /// "Severity".
    pub severity: &'static str,
    /// "Likelihood".
    pub likelihood: &'static str,
    /// "Top 10 priorities".
    pub top_priorities: &'static str,
    /// "Priority order".
    pub priority_order: &'static str,
    /// The note under the priority order heading.
    pub priority_order_note: &'static str,
    /// "Rank".
    pub rank: &'static str,
    /// "Entry".
    pub entry: &'static str,
    /// "Reason".
    pub reason: &'static str,
    /// "The register".
    pub register: &'static str,
    /// "Issue".
    pub issue: &'static str,
    /// "Concern".
    pub concern: &'static str,
    /// "Mitigation".
    pub mitigation: &'static str,
    /// "Rights".
    pub rights: &'static str,
    /// "Must have".
    pub must_have: &'static str,
    /// "Affected".
    pub affected: &'static str,
    /// "Balancing".
    pub balancing: &'static str,
    /// "Source".
    pub source: &'static str,
    /// "(continued)".
    pub continued: &'static str,
    /// "No entries".
    pub no_entries: &'static str,
    /// "No mitigations yet".
    pub no_mitigations: &'static str,
    /// "Entries whose system is not in the register".
    pub other_system: &'static str,
    /// "No differences.", when nothing changed since the snapshot.
    pub no_differences: &'static str,
    /// "Register details", for changes to the register's own details.
    pub register_details: &'static str,
    /// "Added", over the added entries.
    pub added: &'static str,
    /// "Removed", over the removed entries.
    pub removed: &'static str,
    /// "Changed", before a changed entry.
    pub changed: &'static str,
    /// "Rank movements".
    pub rank_movements: &'static str,
    /// "rank", in a rank movement.
    pub rank_lower: &'static str,
    /// "was", before an old value.
    pub was: &'static str,
    /// "now", before a new value.
    pub now: &'static str,
    /// "Method".
    pub method: &'static str,
    /// "Scales".
    pub scales: &'static str,
    /// The paragraph on judging impacts.
    pub method_judgement: &'static str,
    /// "Score and level".
    pub score_and_level: &'static str,
    /// The paragraph on scores.
    pub method_score: &'static str,
    /// "Score".
    pub score: &'static str,
    /// "Value", of a point on a scale.
    pub value: &'static str,
    /// The steps of the priority order.
    pub method_rank_steps: [&'static str; 6],
    /// The paragraph before the steps.
    pub method_rank_intro: &'static str,
    /// The paragraph after the steps.
    pub method_rank_after: &'static str,
    /// "Rights catalogue".
    pub rights_catalogue: &'static str,
    /// "Id".
    pub id: &'static str,
    /// "Right".
    pub right: &'static str,
    /// "Legal reference".
    pub legal_reference: &'static str,
    /// "Workshop outcome".
    pub workshop_outcome: &'static str,
    /// The note under the workshop outcome's heading.
    pub workshop_note: &'static str,
    /// "Date", of a workshop.
    pub date_held: &'static str,
    /// "Participants".
    pub participants: &'static str,
    /// "Votes".
    pub votes_heading: &'static str,
    /// "Snapshot".
    pub snapshot: &'static str,
    /// "Final order".
    pub final_order: &'static str,
    /// "Tier".
    pub tier: &'static str,
    /// "Manual moves".
    pub manual_moves: &'static str,
    /// "No manual moves.".
    pub no_manual_moves: &'static str,
    /// "pseudonym", after a participant's pseudonym.
    pub pseudonym: &'static str,
    /// "Draft — not approved", on the cover of a paper no valid approval covers.
    pub draft_not_approved: &'static str,
    /// Why a working copy is a draft, under that.
    pub draft_note: &'static str,
    /// Why a snapshot is not approved, under its banner.
    pub snapshot_not_approved_note: &'static str,
    /// What a working copy is, in the cover's details.
    pub working_copy: &'static str,
    /// "Printed from", before the version a paper prints, in the cover's details.
    pub printed_from: &'static str,
    /// "Checksum".
    pub checksum: &'static str,
    /// "Approvals".
    pub approvals: &'static str,
    /// The note under the approvals' heading.
    pub approvals_note: &'static str,
    /// What the approvals section says of a working copy.
    pub approvals_working_copy: &'static str,
    /// "No approval of this snapshot is recorded.".
    pub no_approvals: &'static str,
    /// "Covers", of what an approval is of.
    pub covers: &'static str,
    /// "Role".
    pub role: &'static str,
    /// "Decision".
    pub decision: &'static str,
    /// "Conditions or advice".
    pub conditions: &'static str,
    /// "INVALID", before why an approval cannot be trusted.
    pub invalid: &'static str,
    /// "Accepted risks".
    pub accepted_risks: &'static str,
    /// The note under the accepted risks' heading.
    pub accepted_risks_note: &'static str,
    /// When no residual risk stays high.
    pub no_high_residuals: &'static str,
    /// "Rationale".
    pub rationale: &'static str,
    /// A high residual risk nobody has decided on.
    pub no_decision: &'static str,
    /// That the ICO must be consulted before processing.
    pub prior_consultation_indicated: &'static str,
    /// "ICO prior consultation", when recorded though not indicated.
    pub prior_consultation: &'static str,
    /// "Not yet sent.", of a prior consultation.
    pub consultation_not_sent: &'static str,
    /// "Action log", the section's heading.
    pub action_log: &'static str,
    /// The note under the action log's heading.
    pub action_log_note: &'static str,
    /// When the log has no actions.
    pub no_actions: &'static str,
    /// The heading of the ongoing (and not started) actions.
    pub ongoing_actions: &'static str,
    /// The heading of the actions proposed complete.
    pub proposed_complete_actions: &'static str,
    /// The heading of the complete and closed actions.
    pub completed_actions: &'static str,
    /// "Action", the column.
    pub action: &'static str,
    /// "Deadline".
    pub deadline: &'static str,
    /// "Status and updates".
    pub status_and_updates: &'static str,
    /// "When from".
    pub when_from: &'static str,
    /// "Actions", before the numbers of the actions on an entry.
    pub actions_on: &'static str,
    /// Twelve month names.
    months: [&'static str; 12],
}

/// The labels for `language`.
pub fn labels(language: Language) -> &'static Labels {
    match language {
        Language::English => &ENGLISH,
        Language::Welsh => &WELSH,
    }
}

impl Labels {
    /// "Page 3 of 12".
    pub fn page_of(&self, page: usize, num_pages: usize) -> String {
        match self.language {
            Language::English => format!("Page {page} of {num_pages}"),
            Language::Welsh => format!("Tudalen {page} o {num_pages}"),
        }
    }

    /// "Changes since v0.9".
    pub fn changes_since(&self, label: &str) -> String {
        match self.language {
            Language::English => format!("Changes since {label}"),
            Language::Welsh => format!("Newidiadau ers {label}"),
        }
    }

    /// "3 added, 1 removed, 5 changed".
    pub fn changes_summary(&self, added: usize, removed: usize, changed: usize) -> String {
        match self.language {
            Language::English => format!("{added} added, {removed} removed, {changed} changed"),
            Language::Welsh => {
                format!("Ychwanegwyd: {added}; tynnwyd: {removed}; newidiwyd: {changed}.")
            }
        }
    }

    /// "rank 3 of 44".
    pub fn rank_of(&self, rank: usize, num_entries: usize) -> String {
        match self.language {
            Language::English => format!("rank {rank} of {num_entries}"),
            Language::Welsh => format!("safle {rank} o {num_entries}"),
        }
    }

    /// "9 votes".
    pub fn votes(&self, votes: u32) -> String {
        match self.language {
            Language::English => self.counted(votes, "vote", "votes"),
            Language::Welsh => self.counted(votes, "pleidlais", "pleidleisiau"),
        }
    }

    /// A count and its noun, in the number the language puts after that count: "1 vote",
    /// "9 votes"; Welsh puts the singular after every numeral, "9 pleidlais".
    pub fn counted<N>(&self, count: N, singular: &str, plural: &str) -> String
    where
        N: Copy + PartialEq + From<u8> + std::fmt::Display,
    {
        let noun = match self.language {
            Language::English if count != N::from(1) => plural,
            Language::English | Language::Welsh => singular,
        };
        format!("{count} {noun}")
    }

    /// The public edition's note that it was reviewed for publication and carries `marking`.
    pub fn reviewed_for_publication(&self, marking: Marking) -> String {
        match self.language {
            Language::English => {
                format!("This edition was reviewed for publication and is marked {marking}.")
            }
            Language::Welsh => {
                format!(
                    "Adolygwyd yr argraffiad hwn i’w gyhoeddi ac mae wedi’i farcio’n {marking}."
                )
            }
        }
    }

    /// "due 31 December 2019".
    pub fn due(&self, date: Date) -> String {
        match self.language {
            Language::English => format!("due {}", self.date(date)),
            Language::Welsh => format!("erbyn {}", self.date(date)),
        }
    }

    /// "Produced with dpia-register 0.1.0 on 30 June 2020".
    pub fn produced(&self, version: &str, date: Option<Date>) -> String {
        match (self.language, date) {
            (Language::English, Some(date)) => {
                format!(
                    "Produced with dpia-register {version} on {}.",
                    self.date(date)
                )
            }
            (Language::English, None) => format!("Produced with dpia-register {version}."),
            (Language::Welsh, Some(date)) => {
                format!(
                    "Crëwyd gyda dpia-register {version} ar {}.",
                    self.date(date)
                )
            }
            (Language::Welsh, None) => format!("Crëwyd gyda dpia-register {version}."),
        }
    }

    /// A date as people write it: "14 May 2019", "14 Mai 2019".
    pub fn date(&self, date: Date) -> String {
        let month = usize::try_from(date.month() - 1)
            .ok()
            .and_then(|idx| self.months.get(idx))
            .copied()
            .unwrap_or("");
        format!("{} {month} {}", date.day(), date.year())
    }

    /// A month as people write it: "October 2019", "Hydref 2019".
    pub fn month(&self, year: i16, month: i8) -> String {
        let name = usize::try_from(month - 1)
            .ok()
            .and_then(|idx| self.months.get(idx))
            .copied()
            .unwrap_or("");
        format!("{name} {year}")
    }

    /// An action's deadline: "31 October 2019", or "October 2019" for a month.
    pub fn deadline_text(&self, deadline: Deadline) -> String {
        match deadline {
            Deadline::Date(date) => self.date(date),
            Deadline::Month { year, month } => self.month(year, month),
        }
    }

    /// Where an action came from: "Workshop 5, 14 May 2019", a day or a month.
    pub fn origin(&self, origin: &Origin) -> String {
        match origin {
            Origin::Workshop { title, date } => format!("{title}, {}", self.date(*date)),
            Origin::Date(date) => self.date(*date),
            Origin::Month { year, month } => self.month(*year, *month),
        }
    }

    /// An action's status.
    pub fn action_status(&self, status: ActionStatus) -> &'static str {
        match (self.language, status) {
            (Language::English, ActionStatus::NotStarted) => "Not started",
            (Language::English, ActionStatus::Ongoing) => "Ongoing",
            (Language::English, ActionStatus::ProposedComplete) => "Proposed complete",
            (Language::English, ActionStatus::Complete) => "Complete",
            (Language::English, ActionStatus::Closed) => "Closed",
            (Language::Welsh, ActionStatus::NotStarted) => "Heb ddechrau",
            (Language::Welsh, ActionStatus::Ongoing) => "Parhaus",
            (Language::Welsh, ActionStatus::ProposedComplete) => "Cynigir ei fod wedi’i gwblhau",
            (Language::Welsh, ActionStatus::Complete) => "Wedi’i gwblhau",
            (Language::Welsh, ActionStatus::Closed) => "Wedi’i gau",
        }
    }

    /// A link to another action: "Picked up by action 17", "Links to action 24".
    pub fn action_link(&self, kind: LinkKind, number: u32) -> String {
        match (self.language, kind) {
            (Language::English, LinkKind::PickedUpBy) => format!("Picked up by action {number}"),
            (Language::English, LinkKind::LinksTo) => format!("Links to action {number}"),
            (Language::Welsh, LinkKind::PickedUpBy) => {
                format!("Yn cael ei barhau gan gam {number}")
            }
            (Language::Welsh, LinkKind::LinksTo) => format!("Yn cysylltu â cham {number}"),
        }
    }

    /// A register status.
    pub fn status_name(&self, status: Status) -> &'static str {
        match (self.language, status) {
            (Language::English, status) => status.name(),
            (Language::Welsh, Status::Draft) => "Drafft",
            (Language::Welsh, Status::Consultation) => "Ymgynghoriad",
            (Language::Welsh, Status::Final) => "Terfynol",
        }
    }

    /// A mitigation's status.
    pub fn mitigation_status(&self, status: MitigationStatus) -> &'static str {
        match (self.language, status) {
            (Language::English, status) => status.name(),
            (Language::Welsh, MitigationStatus::Proposed) => "arfaethedig",
            (Language::Welsh, MitigationStatus::Agreed) => "cytunwyd",
            (Language::Welsh, MitigationStatus::InProgress) => "ar waith",
            (Language::Welsh, MitigationStatus::Implemented) => "wedi’i weithredu",
            (Language::Welsh, MitigationStatus::Rejected) => "gwrthodwyd",
        }
    }

    /// A level, lower case.
    pub fn level_name(&self, level: Level) -> &'static str {
        match (self.language, level) {
            (Language::English, level) => level.name(),
            (Language::Welsh, Level::Low) => "isel",
            (Language::Welsh, Level::Medium) => "canolig",
            (Language::Welsh, Level::High) => "uchel",
            (Language::Welsh, Level::VeryHigh) => "uchel iawn",
        }
    }

    /// A severity, lower case.
    pub fn severity_name(&self, severity: Severity) -> &'static str {
        match (self.language, severity) {
            (Language::English, severity) => severity.name(),
            (Language::Welsh, Severity::Negligible) => "dibwys",
            (Language::Welsh, Severity::Limited) => "cyfyngedig",
            (Language::Welsh, Severity::Significant) => "sylweddol",
            (Language::Welsh, Severity::Maximum) => "eithafol",
        }
    }

    /// A likelihood, lower case.
    pub fn likelihood_name(&self, likelihood: Likelihood) -> &'static str {
        match (self.language, likelihood) {
            (Language::English, likelihood) => likelihood.name(),
            (Language::Welsh, Likelihood::Remote) => "annhebygol iawn",
            (Language::Welsh, Likelihood::Possible) => "posibl",
            (Language::Welsh, Likelihood::Likely) => "tebygol",
            (Language::Welsh, Likelihood::AlmostCertain) => "bron yn sicr",
        }
    }

    /// A policing purpose.
    pub fn purpose_name(&self, purpose: PolicingPurpose) -> &'static str {
        match (self.language, purpose) {
            (Language::English, purpose) => purpose.name(),
            (Language::Welsh, PolicingPurpose::ProtectingLifeAndProperty) => {
                "Diogelu bywyd ac eiddo"
            }
            (Language::Welsh, PolicingPurpose::PreservingOrder) => "Cadw trefn",
            (Language::Welsh, PolicingPurpose::PreventingOffences) => "Atal troseddau",
            (Language::Welsh, PolicingPurpose::BringingOffendersToJustice) => {
                "Dwyn troseddwyr o flaen eu gwell"
            }
            (Language::Welsh, PolicingPurpose::DutyInLaw) => "Dyletswydd yn y gyfraith",
        }
    }

    /// The parts of a rank's reason line, in the register's language; see `ranking`.
    pub fn reason_must_have(&self) -> &'static str {
        match self.language {
            Language::English => "must-have",
            Language::Welsh => "hanfodol",
        }
    }

    /// "residual 12 (Private and family life)": the right as the register names it.
    pub fn reason_residual(&self, score: u8, right: &str) -> String {
        match self.language {
            Language::English => format!("residual {score} ({right})"),
            Language::Welsh => format!("gweddilliol {score} ({right})"),
        }
    }

    /// "inherent 16 (Private and family life)".
    pub fn reason_inherent(&self, score: u8, right: &str) -> String {
        match self.language {
            Language::English => format!("inherent {score} ({right})"),
            Language::Welsh => format!("cynhenid {score} ({right})"),
        }
    }

    /// "not scored yet", in a reason line.
    pub fn reason_not_scored(&self) -> &'static str {
        match self.language {
            Language::English => "not scored yet",
            Language::Welsh => "heb ei sgorio eto",
        }
    }

    /// A workshop tier: "Must", "Rhaid".
    pub fn tier_name(&self, tier: Tier) -> &'static str {
        match (self.language, tier) {
            (Language::English, tier) => tier.name(),
            (Language::Welsh, Tier::Must) => "Rhaid",
            (Language::Welsh, Tier::Should) => "Dylai",
            (Language::Welsh, Tier::Could) => "Gallai",
            (Language::Welsh, Tier::WontThisTime) => "Nid y tro hwn",
        }
    }

    /// Which entries a workshop prioritised: "The whole register", "System PND".
    pub fn workshop_scope(&self, scope: &Scope) -> String {
        match (self.language, scope) {
            (Language::English, Scope::All) => "The whole register".to_owned(),
            (_, Scope::System(system)) => format!("System {system}"),
            (Language::English, Scope::Category(category)) => format!("Category {category}"),
            (Language::Welsh, Scope::All) => "Y gofrestr gyfan".to_owned(),
            (Language::Welsh, Scope::Category(category)) => format!("Categori {category}"),
        }
    }

    /// Participants of an anonymous session: "5, anonymous: only counts were recorded".
    pub fn attendance_anonymous(&self, count: usize) -> String {
        match self.language {
            Language::English => format!("{count}, anonymous: only counts were recorded"),
            Language::Welsh => format!("{count}, dienw: dim ond y niferoedd a gofnodwyd"),
        }
    }

    /// Participants whose names an edition leaves out: "5, not named in this edition".
    pub fn attendance_withheld(&self, count: usize) -> String {
        match self.language {
            Language::English => format!("{count}, not named in this edition"),
            Language::Welsh => format!("{count}, heb eu henwi yn y rhifyn hwn"),
        }
    }

    /// A workshop's votes: "3 per participant; 9 cast".
    pub fn votes_summary(&self, per_participant: u32, cast: u32) -> String {
        match self.language {
            Language::English => format!("{per_participant} per participant; {cast} cast"),
            Language::Welsh => format!("{per_participant} yr un; {cast} wedi’u bwrw"),
        }
    }

    /// A facilitator's move: "PND-001 moved from rank 4 to 3: Affects children directly".
    pub fn manual_move(
        &self,
        entry: &str,
        from_rank: usize,
        to_rank: usize,
        reason: &str,
    ) -> String {
        match self.language {
            Language::English => {
                format!("{entry} moved from rank {from_rank} to {to_rank}: {reason}")
            }
            Language::Welsh => {
                format!("Symudwyd {entry} o safle {from_rank} i {to_rank}: {reason}")
            }
        }
    }

    /// "3 rights high or above".
    pub fn reason_breadth(&self, breadth: usize) -> String {
        match self.language {
            Language::English => {
                format!("{} high or above", self.counted(breadth, "right", "rights"))
            }
            Language::Welsh => {
                format!(
                    "{} yn uchel neu’n uwch",
                    self.counted(breadth, "hawl", "hawliau")
                )
            }
        }
    }

    /// "Snapshot v1.0 — not approved".
    pub fn snapshot_not_approved(&self, label: &str) -> String {
        match self.language {
            Language::English => format!("Snapshot {label} — not approved"),
            Language::Welsh => format!("Ciplun {label} — heb ei gymeradwyo"),
        }
    }

    /// "Approved: snapshot v1.0".
    pub fn approved_snapshot(&self, label: &str) -> String {
        match self.language {
            Language::English => format!("Approved: snapshot {label}"),
            Language::Welsh => format!("Cymeradwywyd: ciplun {label}"),
        }
    }

    /// "Same as snapshot v1.0", of a working copy.
    pub fn same_as_snapshot(&self, label: &str) -> String {
        match self.language {
            Language::English => format!("Same as snapshot {label}"),
            Language::Welsh => format!("Yr un fath â chiplun {label}"),
        }
    }

    /// What the banner of a working copy printed as the snapshot it equals says.
    pub fn same_as_snapshot_note(&self, label: &str) -> String {
        match self.language {
            Language::English => format!(
                "Same as snapshot {label}: this paper is of a working copy whose content is that snapshot’s."
            ),
            Language::Welsh => format!(
                "Yr un fath â chiplun {label}: mae’r papur hwn o gopi gwaith y mae ei gynnwys yr un fath â’r ciplun hwnnw."
            ),
        }
    }

    /// "Snapshot v1.0", of what an approval covers.
    pub fn snapshot_named(&self, label: &str) -> String {
        format!("{} {label}", self.snapshot)
    }

    /// "checksum 1a2b3c4d5e6f…": the start of a checksum, enough to tell snapshots apart.
    pub fn checksum_short(&self, checksum: &str) -> String {
        let short: String = checksum.chars().take(12).collect();
        format!("{} {short}…", self.checksum.to_lowercase())
    }

    /// "Snapshot v1.0, checksum 1a2b3c4d5e6f…", of the snapshot printed, in the cover's details.
    pub fn snapshot_short(&self, label: &str, checksum: &str) -> String {
        format!(
            "{}, {}",
            self.snapshot_named(label),
            self.checksum_short(checksum)
        )
    }

    /// An approver's decision: "approved with conditions".
    pub fn decision_name(&self, decision: Decision) -> &'static str {
        match (self.language, decision) {
            (Language::English, decision) => decision.words(),
            (Language::Welsh, Decision::Approved) => "cymeradwywyd",
            (Language::Welsh, Decision::ApprovedWithConditions) => "cymeradwywyd gydag amodau",
            (Language::Welsh, Decision::NotApproved) => "heb ei gymeradwyo",
            (Language::Welsh, Decision::Advice) => "cyngor",
        }
    }

    /// What checking an approval found: "signed, verified (gwen@example.org)", "unsigned",
    /// "INVALID: the snapshot changed".
    pub fn approval_status(&self, status: &Verification) -> String {
        match (self.language, status) {
            (_, Verification::Invalid(why)) => format!("{}: {why}", self.invalid),
            (Language::English, status) => status.to_string(),
            (Language::Welsh, Verification::Unsigned) => "heb ei lofnodi".to_owned(),
            (Language::Welsh, Verification::Verified { principals }) => {
                format!("wedi’i lofnodi, wedi’i wirio ({principals})")
            }
            (Language::Welsh, Verification::UnknownSigner) => {
                "wedi’i lofnodi, llofnodwr anhysbys".to_owned()
            }
        }
    }

    /// "Accepted by Gwen Jones (SIRO), 1 December 2026"; "Not accepted by …".
    pub fn acceptance(&self, acceptance: &RiskAcceptance) -> String {
        let date = self.date(acceptance.date);
        let (name, role) = (&acceptance.name, &acceptance.role);
        match (self.language, acceptance.decision) {
            (Language::English, AcceptanceDecision::Accepted) => {
                format!("Accepted by {name} ({role}), {date}")
            }
            (Language::English, AcceptanceDecision::NotAccepted) => {
                format!("Not accepted by {name} ({role}), {date}")
            }
            (Language::Welsh, AcceptanceDecision::Accepted) => {
                format!("Derbyniwyd gan {name} ({role}), {date}")
            }
            (Language::Welsh, AcceptanceDecision::NotAccepted) => {
                format!("Ni dderbyniwyd gan {name} ({role}), {date}")
            }
        }
    }

    /// A prior consultation as recorded: "Sent 3 December 2026, reference ICO/1. Response
    /// 10 January 2027: No objection." or "… No response yet."
    pub fn consultation(&self, consultation: &PriorConsultation) -> String {
        let Some(sent) = consultation.sent else {
            return self.consultation_not_sent.to_owned();
        };
        let sent = self.date(sent);
        let reference = &consultation.reference;
        let mut text = match (self.language, reference.is_empty()) {
            (Language::English, true) => format!("Sent {sent}."),
            (Language::English, false) => format!("Sent {sent}, reference {reference}."),
            (Language::Welsh, true) => format!("Anfonwyd {sent}."),
            (Language::Welsh, false) => format!("Anfonwyd {sent}, cyfeirnod {reference}."),
        };
        let response = &consultation.response;
        let answer = match (self.language, consultation.response_date) {
            (Language::English, None) if response.is_empty() => "No response yet.".to_owned(),
            (Language::Welsh, None) if response.is_empty() => "Dim ymateb eto.".to_owned(),
            (Language::English, None) => format!("Response: {response}"),
            (Language::Welsh, None) => format!("Ymateb: {response}"),
            (Language::English, Some(date)) if response.is_empty() => {
                format!("Response {}.", self.date(date))
            }
            (Language::Welsh, Some(date)) if response.is_empty() => {
                format!("Ymateb {}.", self.date(date))
            }
            (Language::English, Some(date)) => format!("Response {}: {response}", self.date(date)),
            (Language::Welsh, Some(date)) => format!("Ymateb {}: {response}", self.date(date)),
        };
        text.push(' ');
        text.push_str(&answer);
        text
    }
}

/// `text` with its first letter in upper case: "very high" → "Very high", "heb" → "Heb".
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// English.
pub static ENGLISH: Labels = Labels {
    language: Language::English,
    language_tag: "en-GB",
    kicker: "Data protection impact assessment · Risk register",
    subject: "Data protection impact assessment risk register",
    programme: "Programme",
    version: "Version",
    date_issued: "Date issued",
    status: "Status",
    owner: "Owner",
    marking: "Protective marking",
    edition: "Edition",
    register_digest: "Register digest",
    full_edition: "Full",
    public_edition: "Public edition",
    public_notice: "Text marked confidential has been replaced by [REDACTED] and owners’ names have been removed; everything else is as in the full register.",
    public_marking: "PUBLIC EDITION · REDACTED",
    redacted: "[REDACTED]",
    purpose: "Purpose",
    not_set: "Not set",
    summary: "Summary",
    by_system: "Entries by system",
    by_system_note: "Entries are counted at the level of their residual score: the highest impact score after mitigation.",
    system: "System",
    entries: "Entries",
    not_scored: "Not scored",
    total: "Total",
    by_level: "Entries by level",
    level: "Level",
    inherent: "Inherent",
    residual: "Residual",
    heat_map: "Heat map",
    heat_map_note: "Each entry is placed by its highest-scoring impact; a cell shows how many entries fall in it.",
    rights_by_systems: "Rights × systems",
    rights_by_systems_note: "The highest score on each right among each system’s entries, inherent → residual (a right with no residual judgement counts at its inherent score); – where no entry of the system bears on the right.",
    severity: "Severity",
    likelihood: "Likelihood",
    top_priorities: "Top 10 priorities",
    priority_order: "Priority order",
    priority_order_note: "Every entry, in the order of the method’s ranking rule (see Method).",
    rank: "Rank",
    entry: "Entry",
    reason: "Reason",
    register: "The register",
    issue: "Issue",
    concern: "Concern",
    mitigation: "Mitigation",
    rights: "Rights",
    must_have: "Must have",
    affected: "Affected",
    balancing: "Balancing",
    source: "Source",
    continued: "(continued)",
    no_entries: "No entries.",
    no_mitigations: "No mitigations yet.",
    other_system: "Entries whose system is not in the register",
    no_differences: "No differences.",
    register_details: "Register details",
    added: "Added",
    removed: "Removed",
    changed: "Changed",
    rank_movements: "Rank movements",
    rank_lower: "rank",
    was: "was",
    now: "now",
    method: "Method",
    scales: "Scales",
    method_judgement: "Each entry’s impact on each right concerned is judged twice: inherent, before mitigation, and residual, after the mitigations as they stand. A judgement is a severity and a likelihood, each on a scale of 1 to 4.",
    score_and_level: "Score and level",
    method_score: "The impact score is severity × likelihood, from 1 to 16. An entry’s inherent score is its highest inherent impact score; its residual score is its highest residual impact score, where a right with no residual judgement counts at its inherent score. Its breadth is the number of rights scoring 8 (high) or more. Where several rights share the top score, the one first in the rights catalogue is named.",
    score: "Score",
    value: "Value",
    method_rank_intro: "The priority order ranks entries by these steps, each deciding only where the ones before it tie:",
    method_rank_steps: [
        "must-have entries first;",
        "residual score, highest first;",
        "inherent score, highest first;",
        "breadth, highest first;",
        "workshop votes, most first;",
        "id, ascending, so the order is total and repeatable.",
    ],
    method_rank_after: "Entries with no impacts scored yet rank after every scored entry with the same must-have flag. The balancing of an entry, the policing purposes it serves, is shown beside its scores and is deliberately not part of the rank.",
    rights_catalogue: "Rights catalogue",
    id: "Id",
    right: "Right",
    legal_reference: "Legal reference",
    workshop_outcome: "Workshop outcome",
    workshop_note: "The order, tiers (for the next draft) and dot votes the workshop agreed, with each move the facilitator made by hand and the reason given.",
    date_held: "Date",
    participants: "Participants",
    votes_heading: "Votes",
    snapshot: "Snapshot",
    final_order: "Final order",
    tier: "Tier",
    manual_moves: "Manual moves",
    no_manual_moves: "No manual moves.",
    pseudonym: "pseudonym",
    draft_not_approved: "Draft — not approved",
    draft_note: "This paper is of a working copy, not of an approved snapshot.",
    snapshot_not_approved_note: "No valid approval of this snapshot is recorded.",
    working_copy: "Working copy, not a snapshot",
    printed_from: "Printed from",
    checksum: "Checksum",
    approvals: "Approvals",
    approvals_note: "An approval is of one snapshot, named by its label and checksum: it holds for exactly the register printed here, and for no later change.",
    approvals_working_copy: "This paper is of a working copy, not of a snapshot, so no approval covers it. To have it approved, take a snapshot of it and have the snapshot approved.",
    no_approvals: "No approval of this snapshot is recorded.",
    covers: "Covers",
    role: "Role",
    decision: "Decision",
    conditions: "Conditions or advice",
    invalid: "INVALID",
    action_log: "Action log",
    action_log_note: "What the Open Space has committed to, grouped by how far each action has got: ongoing, proposed complete (the group is asked to agree), and completed or closed. Updates are in date order; the latest is in bold.",
    no_actions: "The log has no actions.",
    ongoing_actions: "Ongoing actions",
    proposed_complete_actions: "Proposed complete actions",
    completed_actions: "Completed actions",
    action: "Action",
    deadline: "Deadline",
    status_and_updates: "Status and updates",
    when_from: "When from",
    actions_on: "Actions",
    accepted_risks: "Accepted risks",
    accepted_risks_note: "Each entry whose residual risk stays high or very high after mitigation, and the accountable decision on it. A risk not accepted must be reduced further, or accepted by someone accountable, before the processing goes ahead.",
    no_high_residuals: "No residual risk stays high after mitigation.",
    rationale: "Rationale",
    no_decision: "Not accepted: no decision recorded.",
    prior_consultation_indicated: "ICO prior consultation indicated (DPA 2018 s65, UK GDPR Art 36)",
    prior_consultation: "ICO prior consultation",
    consultation_not_sent: "Not yet sent.",
    months: dpia_core::months::ENGLISH,
};

/// Welsh (Cymraeg).
pub static WELSH: Labels = Labels {
    language: Language::Welsh,
    language_tag: "cy",
    kicker: "Asesiad effaith ar ddiogelu data · Cofrestr risg",
    subject: "Cofrestr risg asesiad effaith ar ddiogelu data",
    programme: "Rhaglen",
    version: "Fersiwn",
    date_issued: "Dyddiad cyhoeddi",
    status: "Statws",
    owner: "Perchennog",
    marking: "Dosbarthiad diogelwch",
    edition: "Argraffiad",
    register_digest: "Crynodeb y gofrestr",
    full_edition: "Llawn",
    public_edition: "Argraffiad cyhoeddus",
    public_notice: "Mae testun a nodwyd yn gyfrinachol wedi’i ddisodli gan [WEDI’I OLYGU] ac mae enwau perchnogion wedi’u dileu; mae popeth arall fel yn y gofrestr lawn.",
    public_marking: "ARGRAFFIAD CYHOEDDUS · WEDI’I OLYGU",
    redacted: "[WEDI’I OLYGU]",
    purpose: "Diben",
    not_set: "Heb ei osod",
    summary: "Crynodeb",
    by_system: "Cofnodion fesul system",
    by_system_note: "Mae cofnodion wedi’u cyfrif ar lefel eu sgôr weddilliol: y sgôr effaith uchaf ar ôl lliniaru.",
    system: "System",
    entries: "Cofnodion",
    not_scored: "Heb sgôr",
    total: "Cyfanswm",
    by_level: "Cofnodion fesul lefel",
    level: "Lefel",
    inherent: "Cynhenid",
    residual: "Gweddilliol",
    heat_map: "Map gwres",
    heat_map_note: "Rhoddir pob cofnod yn ôl ei effaith â’r sgôr uchaf; mae cell yn dangos faint o gofnodion sydd ynddi.",
    rights_by_systems: "Hawliau × systemau",
    rights_by_systems_note: "Y sgôr uchaf ar bob hawl ymhlith cofnodion pob system, cynhenid → gweddilliol (mae hawl heb farn weddilliol yn cyfrif ar ei sgôr gynhenid); – lle nad yw unrhyw gofnod o’r system yn effeithio ar yr hawl.",
    severity: "Difrifoldeb",
    likelihood: "Tebygolrwydd",
    top_priorities: "Y 10 blaenoriaeth uchaf",
    priority_order: "Trefn blaenoriaeth",
    priority_order_note: "Pob cofnod, yn nhrefn rheol safleoedd y dull (gweler Dull).",
    rank: "Safle",
    entry: "Cofnod",
    reason: "Rheswm",
    register: "Y gofrestr",
    issue: "Mater",
    concern: "Pryder",
    mitigation: "Lliniaru",
    rights: "Hawliau",
    must_have: "Hanfodol",
    affected: "Yn effeithio ar",
    balancing: "Cydbwyso",
    source: "Ffynhonnell",
    continued: "(parhad)",
    no_entries: "Dim cofnodion.",
    no_mitigations: "Dim mesurau lliniaru eto.",
    other_system: "Cofnodion nad yw eu system yn y gofrestr",
    no_differences: "Dim gwahaniaethau.",
    register_details: "Manylion y gofrestr",
    added: "Ychwanegwyd",
    removed: "Tynnwyd",
    changed: "Newidiwyd",
    rank_movements: "Symudiadau safle",
    rank_lower: "safle",
    was: "oedd",
    now: "nawr",
    method: "Dull",
    scales: "Graddfeydd",
    method_judgement: "Bernir effaith pob cofnod ar bob hawl dan sylw ddwywaith: yn gynhenid, cyn lliniaru, ac yn weddilliol, ar ôl y mesurau lliniaru fel y maent. Mae pob barn yn cynnwys difrifoldeb a thebygolrwydd, y naill a’r llall ar raddfa o 1 i 4.",
    score_and_level: "Sgôr a lefel",
    method_score: "Sgôr yr effaith yw difrifoldeb × tebygolrwydd, o 1 i 16. Sgôr gynhenid cofnod yw ei sgôr effaith gynhenid uchaf; ei sgôr weddilliol yw ei sgôr effaith weddilliol uchaf, lle mae hawl heb farn weddilliol yn cyfrif ar ei sgôr gynhenid. Ei ehangder yw nifer yr hawliau sy’n sgorio 8 (uchel) neu fwy. Lle mae sawl hawl yn rhannu’r sgôr uchaf, enwir yr un gyntaf yn y catalog hawliau.",
    score: "Sgôr",
    value: "Gwerth",
    method_rank_intro: "Mae’r drefn blaenoriaeth yn rhoi safle i gofnodion yn ôl y camau hyn, pob un yn penderfynu dim ond lle mae’r camau cyn hynny’n gyfartal:",
    method_rank_steps: [
        "cofnodion hanfodol yn gyntaf;",
        "sgôr weddilliol, yr uchaf yn gyntaf;",
        "sgôr gynhenid, yr uchaf yn gyntaf;",
        "ehangder, yr uchaf yn gyntaf;",
        "pleidleisiau’r gweithdy, y mwyaf yn gyntaf;",
        "dynodydd, yn esgynnol, fel bod y drefn yn gyflawn ac yn ailadroddadwy.",
    ],
    method_rank_after: "Daw cofnodion heb effeithiau wedi’u sgorio eto ar ôl pob cofnod wedi’i sgorio sydd â’r un statws hanfodol. Dangosir cydbwyso cofnod, y dibenion plismona y mae’n eu gwasanaethu, wrth ymyl ei sgoriau, ac yn fwriadol nid yw’n rhan o’r safle.",
    rights_catalogue: "Catalog hawliau",
    id: "Dynodydd",
    right: "Hawl",
    legal_reference: "Cyfeiriad cyfreithiol",
    workshop_outcome: "Canlyniad y gweithdy",
    workshop_note: "Y drefn, yr haenau (ar gyfer y drafft nesaf) a’r pleidleisiau dot a gytunwyd yn y gweithdy, gyda phob symudiad a wnaeth yr hwylusydd â llaw a’r rheswm a roddwyd.",
    date_held: "Dyddiad",
    participants: "Cyfranogwyr",
    votes_heading: "Pleidleisiau",
    snapshot: "Ciplun",
    final_order: "Trefn derfynol",
    tier: "Haen",
    manual_moves: "Symudiadau â llaw",
    no_manual_moves: "Dim symudiadau â llaw.",
    pseudonym: "ffugenw",
    draft_not_approved: "Drafft — heb ei gymeradwyo",
    draft_note: "Mae’r papur hwn o gopi gwaith, nid o giplun a gymeradwywyd.",
    snapshot_not_approved_note: "Ni chofnodwyd cymeradwyaeth ddilys o’r ciplun hwn.",
    working_copy: "Copi gwaith, nid ciplun",
    printed_from: "Argraffwyd o",
    checksum: "Swm gwirio",
    approvals: "Cymeradwyaethau",
    approvals_note: "Mae cymeradwyaeth o un ciplun, a enwir gan ei label a’i swm gwirio: mae’n dal ar gyfer yr union gofrestr a argraffwyd yma, ac nid ar gyfer unrhyw newid diweddarach.",
    approvals_working_copy: "Mae’r papur hwn o gopi gwaith, nid o giplun, felly nid oes cymeradwyaeth yn ei gwmpasu. I’w gymeradwyo, cymerwch giplun ohono a chael y ciplun wedi’i gymeradwyo.",
    no_approvals: "Ni chofnodwyd cymeradwyaeth o’r ciplun hwn.",
    covers: "Yn cwmpasu",
    role: "Swyddogaeth",
    decision: "Penderfyniad",
    conditions: "Amodau neu gyngor",
    invalid: "ANNILYS",
    action_log: "Log gweithredu",
    action_log_note: "Yr hyn y mae’r Gofod Agored wedi ymrwymo iddo, wedi’i grwpio yn ôl pa mor bell y mae pob cam wedi dod: parhaus, cynigir ei fod wedi’i gwblhau (gofynnir i’r grŵp gytuno), ac wedi’i gwblhau neu wedi’i gau. Mae’r diweddariadau yn nhrefn dyddiad; mae’r diweddaraf mewn print trwm.",
    no_actions: "Nid oes camau gweithredu yn y log.",
    ongoing_actions: "Camau gweithredu parhaus",
    proposed_complete_actions: "Camau y cynigir eu bod wedi’u cwblhau",
    completed_actions: "Camau gweithredu a gwblhawyd",
    action: "Cam gweithredu",
    deadline: "Dyddiad cau",
    status_and_updates: "Statws a diweddariadau",
    when_from: "Pryd y’i codwyd",
    actions_on: "Camau gweithredu",
    accepted_risks: "Risgiau a dderbyniwyd",
    accepted_risks_note: "Pob cofnod y mae ei risg weddilliol yn parhau’n uchel neu’n uchel iawn ar ôl lliniaru, a’r penderfyniad atebol arno. Rhaid lleihau risg na dderbyniwyd ymhellach, neu i rywun atebol ei derbyn, cyn i’r prosesu fynd rhagddo.",
    no_high_residuals: "Nid oes risg weddilliol yn parhau’n uchel ar ôl lliniaru.",
    rationale: "Rhesymeg",
    no_decision: "Heb ei derbyn: ni chofnodwyd penderfyniad.",
    prior_consultation_indicated: "Nodir ymgynghori ymlaen llaw â’r ICO (DPA 2018 a65, GDPR y DU Erthygl 36)",
    prior_consultation: "Ymgynghori ymlaen llaw â’r ICO",
    consultation_not_sent: "Heb ei anfon eto.",
    months: dpia_core::months::WELSH,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_read_in_each_language() {
        assert_eq!(labels(Language::English).page_of(3, 12), "Page 3 of 12");
        assert_eq!(labels(Language::Welsh).page_of(3, 12), "Tudalen 3 o 12");
    }

    #[test]
    fn dates_read_as_people_write_them() {
        let date = jiff::civil::date(2019, 5, 14);
        assert_eq!(labels(Language::English).date(date), "14 May 2019");
        assert_eq!(labels(Language::Welsh).date(date), "14 Mai 2019");
        assert_eq!(
            labels(Language::Welsh).date(jiff::civil::date(2020, 12, 1)),
            "1 Rhagfyr 2020"
        );
    }

    #[test]
    fn counts_take_the_number_their_language_gives_them() {
        let english = labels(Language::English);
        let welsh = labels(Language::Welsh);
        assert_eq!(english.votes(1), "1 vote");
        assert_eq!(english.votes(0), "0 votes");
        assert_eq!(english.votes(9), "9 votes");
        assert_eq!(english.reason_breadth(1), "1 right high or above");
        assert_eq!(english.reason_breadth(3), "3 rights high or above");
        assert_eq!(welsh.votes(1), "1 pleidlais");
        assert_eq!(welsh.votes(9), "9 pleidlais");
        assert_eq!(welsh.reason_breadth(3), "3 hawl yn uchel neu’n uwch");
    }

    #[test]
    fn capitalised_raises_only_the_first_letter() {
        assert_eq!(capitalised("very high"), "Very high");
        assert_eq!(capitalised("ŵyr"), "Ŵyr");
        assert_eq!(capitalised("heb ei sgorio eto"), "Heb ei sgorio eto");
        assert_eq!(capitalised(""), "");
    }

    #[test]
    fn english_names_are_the_models_own() {
        let english = labels(Language::English);
        assert_eq!(english.level_name(Level::VeryHigh), "very high");
        assert_eq!(
            english.mitigation_status(MitigationStatus::InProgress),
            "in progress"
        );
        assert_eq!(english.status_name(Status::Consultation), "Consultation");
    }
}
