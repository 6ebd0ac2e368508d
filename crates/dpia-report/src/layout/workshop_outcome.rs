//! The "Workshop outcome" section: one workshop's details, the final order with tiers and votes,
//! and each move the facilitator made by hand with its reason.
//!
//! Laid out from the register as the edition shows it. In the public edition `public::redact` has
//! already cut the attendance down to a count, dropped who voted how and struck participants'
//! names from titles and reasons, and this section prints only a count whatever it is given: no
//! participant's name can reach the public paper from here.

use super::style::{BODY, CONTENT_WIDTH, H2, NOTE, SMALL, leading};
use super::{Paper, bullet, cell, head, right_aligned};
use crate::flow::{self, Inline, Row, Table};
use crate::labels::Labels;
use crate::metrics::Face;
use crate::page::{Role, Tag};
use crate::public::Edition;
use dpia_core::palette;
use dpia_core::register::{Attendance, Workshop};

impl Paper<'_> {
    /// The section for the workshop `ReportOptions::workshop_idx` names; nothing when it names none.
    pub(super) fn workshop_outcome(&mut self) {
        let register = self.register;
        let Some(workshop) = self
            .options
            .workshop_idx
            .and_then(|workshop_idx| register.workshops.get(workshop_idx))
        else {
            return;
        };
        let labels = self.labels;
        self.h1(labels.workshop_outcome);
        self.flow.lines(&flow::paragraph(
            &workshop.title,
            H2.with_colour(palette::TEXT),
            CONTENT_WIDTH,
            leading(H2),
        ));
        self.flow.space(2.0);
        self.text(labels.workshop_note, NOTE);
        self.flow.space(6.0);
        self.workshop_details(workshop);
        self.h2(labels.final_order);
        self.final_order(workshop);
        self.h2(labels.manual_moves);
        if workshop.moves.is_empty() {
            self.text(labels.no_manual_moves, SMALL);
        }
        if !workshop.moves.is_empty() {
            self.flow.open(Tag::new(Role::L));
        }
        for manual in &workshop.moves {
            let line = labels.manual_move(
                manual.entry.as_str(),
                manual.from_rank,
                manual.to_rank,
                &manual.reason,
            );
            self.flow.lines(&bullet(&line, SMALL, CONTENT_WIDTH));
            self.flow.space(1.5);
        }
        if !workshop.moves.is_empty() {
            self.flow.close();
        }
    }

    /// Date, entries, participants, votes and snapshot, as a two-column list.
    fn workshop_details(&mut self, workshop: &Workshop) {
        let details = details(self.labels, workshop, self.options.edition);
        let mut table = Table::new(vec![130.0, CONTENT_WIDTH - 130.0], Vec::new());
        table.pad_x = 0.0;
        table.pad_y = 3.0;
        table.has_row_headers = true;
        // As on the cover: the label a little smaller than the value, on the value's baseline.
        let label_style = BODY
            .with_face(Face::Bold)
            .with_size(9.0)
            .with_colour(palette::MUTED);
        let rows = details
            .into_iter()
            .filter(|(_, value)| !value.is_empty())
            .map(|(label, value)| {
                Row::new(vec![
                    flow::paragraph(label, label_style, table.inner_width(0), leading(BODY)),
                    cell(&value, BODY, table.inner_width(1)),
                ])
            })
            .collect();
        self.flow.table_body(&table, rows);
    }

    /// Rank, entry, tier and votes, in the order the workshop agreed.
    fn final_order(&mut self, workshop: &Workshop) {
        let labels = self.labels;
        let rank_width = 34.0;
        let tier_width = 96.0;
        let votes_width = 56.0;
        let entry_width = CONTENT_WIDTH - rank_width - tier_width - votes_width;
        let header = vec![
            head(labels.rank, rank_width - 8.0),
            head(labels.entry, entry_width - 8.0),
            head(labels.tier, tier_width - 8.0),
            right_aligned(
                head(labels.votes_heading, votes_width - 8.0),
                votes_width - 8.0,
            ),
        ];
        let table = Table::new(
            vec![rank_width, entry_width, tier_width, votes_width],
            header,
        );
        let rows = workshop
            .final_order
            .iter()
            .enumerate()
            .map(|(position, id)| {
                let issue = self
                    .register
                    .entry(id)
                    .map_or_else(String::new, |entry| format!(" {}", entry.issue));
                let tier = match workshop.tier_of(id) {
                    Some(tier) => flow::wrap(
                        // The row's size, so the chip sits on the row's baseline.
                        &[Inline::chip(
                            labels.tier_name(tier),
                            SMALL
                                .with_face(Face::Bold)
                                .with_colour(palette::tier_text(tier)),
                            palette::tier_fill(tier),
                        )],
                        table.inner_width(2),
                        leading(SMALL),
                    ),
                    None => cell("–", SMALL.with_colour(palette::MUTED), table.inner_width(2)),
                };
                let votes = workshop.votes_for(id);
                let votes = if votes == 0 {
                    String::new()
                } else {
                    votes.to_string()
                };
                Row::new(vec![
                    cell(
                        &(position + 1).to_string(),
                        SMALL.with_face(Face::Bold),
                        table.inner_width(0),
                    ),
                    flow::wrap(
                        &[
                            Inline::text(id.as_str(), NOTE.with_face(Face::Bold)),
                            Inline::text(issue, SMALL),
                        ],
                        table.inner_width(1),
                        leading(SMALL),
                    ),
                    tier,
                    right_aligned(
                        cell(&votes, SMALL, table.inner_width(3)),
                        table.inner_width(3),
                    ),
                ])
            })
            .collect();
        self.flow.table(&table, rows);
    }
}

/// A workshop's details as (label, value) pairs, as both papers print them: date, entries,
/// participants (named only in the full edition), votes and snapshot.
pub(crate) fn details(
    labels: &Labels,
    workshop: &Workshop,
    edition: Edition,
) -> Vec<(&'static str, String)> {
    let cast: u32 = workshop.votes.iter().map(|votes| votes.votes).sum();
    vec![
        (labels.date_held, labels.date(workshop.date)),
        (labels.entries, labels.workshop_scope(&workshop.scope)),
        (
            labels.participants,
            attendance(labels, &workshop.attendance, edition),
        ),
        (
            labels.votes_heading,
            labels.votes_summary(workshop.votes_per_participant, cast),
        ),
        (labels.snapshot, workshop.snapshot_label.clone()),
    ]
}

/// Who took part: names (pseudonyms marked) only in the full edition, else a count.
fn attendance(labels: &Labels, attendance: &Attendance, edition: Edition) -> String {
    match (attendance, edition) {
        (Attendance::Listed(participants), Edition::Full) => {
            let names: Vec<String> = participants
                .iter()
                .map(|participant| {
                    if participant.is_pseudonym {
                        format!("{} ({})", participant.name, labels.pseudonym)
                    } else {
                        participant.name.clone()
                    }
                })
                .collect();
            format!("{}: {}", participants.len(), names.join(", "))
        }
        (Attendance::Anonymous { count }, Edition::Full) => labels.attendance_anonymous(*count),
        (Attendance::Listed(participants), Edition::Public) => {
            labels.attendance_withheld(participants.len())
        }
        (Attendance::Anonymous { count }, Edition::Public) => labels.attendance_withheld(*count),
    }
}

#[cfg(test)]
mod tests {

    use crate::{Edition, ReportOptions, layout};
    use dpia_core::register::{EntryId, Language, Register};
    use dpia_core::register::{Participant, Scope, Tier};
    use dpia_core::register_text;
    use dpia_core::workshop::{Direction, Session};

    fn id(text: &str) -> EntryId {
        EntryId::parse(text).unwrap()
    }

    /// `small.ron` after a workshop: Gwenllian (named) and Org K (a pseudonym) vote, PND-002 is
    /// a Must, PNC-002 Won't, and PND-001 is moved up with a reason that names Gwenllian.
    fn after_workshop() -> Register {
        let register =
            register_text::parse(include_str!("../../../../tests/fixtures/small.ron")).unwrap();
        let mut session = Session::with_participants(
            &register,
            "Open Space 6",
            jiff::civil::date(2019, 7, 11),
            Scope::All,
            vec![
                Participant {
                    name: "Gwenllian".to_owned(),
                    is_pseudonym: false,
                },
                Participant {
                    name: "Org K".to_owned(),
                    is_pseudonym: true,
                },
            ],
            3,
        )
        .unwrap();
        session.vote(&register, 0, &id("PND-001")).unwrap();
        session.vote(&register, 1, &id("PND-001")).unwrap();
        session.vote(&register, 1, &id("PNC-002")).unwrap();
        session
            .set_tier(&register, &id("PND-002"), Some(Tier::Must))
            .unwrap();
        session
            .set_tier(&register, &id("PNC-002"), Some(Tier::WontThisTime))
            .unwrap();
        session
            .move_entry(
                &register,
                &id("PND-001"),
                Direction::Up,
                "Gwenllian showed it affects children",
            )
            .unwrap();
        session.finish(&register, "workshop-2019-07-11").0
    }

    fn section(register: &Register, edition: Edition) -> String {
        let options = ReportOptions {
            edition,
            workshop_idx: Some(0),
            ..ReportOptions::default()
        };
        let text = layout(register, &options).text();
        let start = text
            .find("\nWorkshop outcome\n")
            .expect("the section is there");
        let end = text.find("\nThe register\n").expect("the register follows");
        assert!(start < end, "the outcome comes before the register");
        text[start..end].to_owned()
    }

    #[test]
    fn the_full_edition_lays_out_the_whole_outcome() {
        let text = section(&after_workshop(), Edition::Full);
        for expected in [
            "Workshop outcome\nOpen Space 6\n",
            "Date 11 July 2019\n",
            "Entries The whole register\n",
            "Participants 2: Gwenllian, Org K (pseudonym)\n",
            "Votes 3 per participant; 3 cast\n",
            "Snapshot workshop-2019-07-11\n",
            "Final order\nRank Entry Tier Votes\n",
            "1 PND-001 Colocation of PND and PNC data – 2\n",
            "2 PND-002 Unscored entry Must\n",
            "3 PNC-002 Retention of records of the unconvicted Won't 1\n",
            "Manual moves\n• PND-001 moved from rank 2 to 1: Gwenllian showed it affects children",
        ] {
            assert!(text.contains(expected), "`{expected}` missing:\n{text}");
        }
    }

    #[test]
    fn the_public_edition_never_names_participants() {
        let register = after_workshop();
        let options = ReportOptions {
            edition: Edition::Public,
            workshop_idx: Some(0),
            ..ReportOptions::default()
        };
        let report = layout(&register, &options);
        let text = report.text();
        for name in ["Gwenllian", "Org K"] {
            assert!(
                !text.contains(name),
                "`{name}` in the public edition:\n{text}"
            );
            assert!(
                !format!("{:?}", report.info).contains(name),
                "`{name}` in the metadata"
            );
        }
        let section = section(&register, Edition::Public);
        assert!(
            section.contains("Participants 2, not named in this edition\n"),
            "{section}"
        );
        assert!(
            section.contains(
                "• PND-001 moved from rank 2 to 1: [REDACTED] showed it affects children"
            ),
            "the name is struck from the reason:\n{section}"
        );
        assert!(
            section.contains("3 PNC-002 Retention of records of the unconvicted Won't 1\n"),
            "the votes stay:\n{section}"
        );
    }

    #[test]
    fn an_anonymous_session_is_counted() {
        let mut register = after_workshop();
        register.workshops[0].attendance = dpia_core::register::Attendance::Anonymous { count: 7 };
        let text = section(&register, Edition::Full);
        assert!(
            text.contains("Participants 7, anonymous: only counts were recorded\n"),
            "{text}"
        );
    }

    #[test]
    fn welsh_registers_get_welsh_words() {
        let mut register = after_workshop();
        register.metadata.language = Language::Welsh;
        let options = ReportOptions {
            workshop_idx: Some(0),
            ..ReportOptions::default()
        };
        let text = layout(&register, &options).text();
        for expected in [
            "Canlyniad y gweithdy\n",
            "Dyddiad 11 Gorffennaf 2019\n",
            "Y gofrestr gyfan",
            "Org K (ffugenw)",
            "Rhaid",
            "Nid y tro hwn",
            "Symudiadau â llaw\n• Symudwyd PND-001 o safle 2 i 1:",
        ] {
            assert!(text.contains(expected), "`{expected}` missing:\n{text}");
        }
    }

    #[test]
    fn no_section_unless_a_workshop_is_chosen() {
        let register = after_workshop();
        for workshop_idx in [None, Some(1)] {
            let options = ReportOptions {
                workshop_idx,
                ..ReportOptions::default()
            };
            let report = layout(&register, &options);
            assert!(
                !report.text().contains("Workshop outcome"),
                "{workshop_idx:?}"
            );
            assert!(!report.outline.iter().any(|b| b.title == "Workshop outcome"));
        }
        let options = ReportOptions {
            workshop_idx: Some(0),
            ..ReportOptions::default()
        };
        assert!(
            layout(&register, &options)
                .outline
                .iter()
                .any(|b| b.title == "Workshop outcome"),
            "the section has a bookmark"
        );
    }
}
