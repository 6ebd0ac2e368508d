//! The cover: the kicker, title and programme, the register's details, the public edition's
//! notice, whether the version is approved and whether the ICO must be consulted (`cover_status`),
//! the purpose and when the paper was produced.

use jiff::tz::TimeZone;

use super::Paper;
use super::style::{BODY, CONTENT_TOP, CONTENT_WIDTH, MARGIN_X, NOTE, leading};
use crate::flow::{self, Inline, LineBox, Row, Style, Table};
use crate::metrics::Face;
use crate::page::{Item, Rect, Role, Tag};
use crate::public::Edition;
use dpia_core::palette;

impl Paper<'_> {
    pub(super) fn cover(&mut self) {
        let metadata = &self.register.metadata;
        let labels = self.labels;
        self.flow.mark(Item::Rect(Rect {
            x: MARGIN_X,
            y: CONTENT_TOP,
            width: CONTENT_WIDTH,
            height: 4.0,
            fill: palette::ACCENT,
        }));
        self.flow.space(0.0);
        self.flow.line(&LineBox::gap(40.0));
        let kicker = Style {
            face: Face::Bold,
            size: 10.0,
            colour: palette::ACCENT,
        };
        self.text(labels.kicker, kicker);
        self.flow.space(10.0);
        let title = Style {
            face: Face::Bold,
            size: 26.0,
            colour: palette::TEXT,
        };
        // The title is the document's first heading.
        self.flow.lines(&flow::tagged(
            Tag::new(Role::H1),
            flow::paragraph(&metadata.title, title, CONTENT_WIDTH, 32.0),
        ));
        if !metadata.programme.is_empty() {
            self.flow.space(8.0);
            let programme = Style {
                face: Face::Regular,
                size: 13.0,
                colour: palette::MUTED,
            };
            self.flow.lines(&flow::paragraph(
                &metadata.programme,
                programme,
                CONTENT_WIDTH,
                18.0,
            ));
        }
        self.flow.space(28.0);
        self.cover_details();
        if self.options.edition == Edition::Public {
            self.public_notice();
        }
        self.approval_banner();
        self.consultation_notice();
        if !metadata.purpose.is_empty() {
            self.h2(labels.purpose);
            self.text(&metadata.purpose, BODY);
        }
        self.flow.space(16.0);
        let produced = self
            .options
            .produced
            .map(|timestamp| TimeZone::UTC.to_datetime(timestamp).date());
        self.text(&labels.produced(env!("CARGO_PKG_VERSION"), produced), NOTE);
    }

    /// Version, date, status, owner, marking and edition, as a two-column list.
    fn cover_details(&mut self) {
        let metadata = &self.register.metadata;
        let labels = self.labels;
        let mut details: Vec<(&str, String, Option<&'static str>)> = vec![
            (labels.version, metadata.version_label.clone(), None),
            (labels.printed_from, self.version_detail(), None),
            (
                labels.date_issued,
                metadata
                    .date_issued
                    .map_or_else(|| labels.not_set.to_owned(), |date| labels.date(date)),
                None,
            ),
            (
                labels.status,
                labels.status_name(metadata.status).to_owned(),
                None,
            ),
        ];
        if !metadata.owner.is_empty() {
            details.push((labels.owner, metadata.owner.clone(), None));
        }
        // The Government Security Classifications are English words, in a Welsh paper too.
        details.push((
            labels.marking,
            metadata.marking.label().to_owned(),
            self.english_in_welsh(true),
        ));
        details.push((
            labels.edition,
            match self.options.edition {
                Edition::Full => labels.full_edition.to_owned(),
                Edition::Public => labels.public_edition.to_owned(),
            },
            None,
        ));
        if let Some(digest) = self.digest {
            details.push((
                labels.register_digest,
                format!("SHA-256 {}", digest.short()),
                None,
            ));
        }
        self.details_table_in(details);
    }

    /// The box saying what the public edition leaves out.
    fn public_notice(&mut self) {
        let labels = self.labels;
        self.flow.space(14.0);
        let mut notice = Table::new(vec![CONTENT_WIDTH], Vec::new());
        notice.pad_x = 8.0;
        notice.pad_y = 6.0;
        notice.row_rule = palette::ACCENT;
        let mut row = Row::new(vec![flow::wrap(
            &[
                Inline::text(labels.public_edition, BODY.with_face(Face::Bold)),
                Inline::text(format!(". {}", labels.public_notice), BODY),
                Inline::text(
                    self.options
                        .public_marking
                        .map(|marking| format!(" {}", labels.reviewed_for_publication(marking)))
                        .unwrap_or_default(),
                    BODY,
                ),
            ],
            notice.inner_width(0),
            leading(BODY),
        )]);
        row.fill = Some(palette::tint(palette::ACCENT, 0.88));
        notice.is_layout = true;
        self.flow.table_body(&notice, vec![row]);
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::bundled;
    use crate::{ReportOptions, layout};
    use dpia_core::register_text;

    #[test]
    fn the_cover_holds_the_details_and_the_purpose() {
        let register = bundled();
        let report = layout(&register, &ReportOptions::default());
        let cover = report.pages[0].text();
        let carried = register_text::to_text(&register).unwrap();
        let digest = format!(
            "Register digest SHA-256 {}",
            dpia_core::snapshot::Checksum::of_text(&carried).short()
        );
        for expected in [
            "LEDS and HOB Open Space: DPIA risk",
            "Version v1.0",
            "Date issued 30 June 2020",
            "Status Consultation",
            "Owner Home Office NLEDP DPIA team",
            "Protective marking OFFICIAL",
            "Edition Full",
            &digest,
            "Purpose",
            "This register gathers, in one place,",
            "Produced with dpia-register",
        ] {
            assert!(
                cover.contains(expected),
                "`{expected}` not on the cover:\n{cover}"
            );
        }
        assert!(
            report.pages[1].text().contains("\nSummary\n"),
            "{}",
            report.pages[1].text()
        );

        // A one-line purpose stays on the cover too: a new section does not take its heading along.
        let small =
            register_text::parse(include_str!("../../../../tests/fixtures/small.ron")).unwrap();
        let cover = layout(&small, &ReportOptions::default()).pages[0].text();
        assert!(
            cover.contains("\nPurpose\nA small register for tests.\n"),
            "{cover}"
        );
    }
}
