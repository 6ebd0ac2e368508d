//! The method appendix: the scales, how a score gives a level (the grid of scores), the ranking
//! rule step by step, and the rights catalogue.

use super::style::{BODY, CONTENT_WIDTH, NOTE, SMALL, leading};
use super::summary::{GRID_HEIGHT, grid, level_at, likelihood_labels};
use super::{Paper, cell, figure, head, in_lang};
use crate::flow::{self, Inline, LineBox, Row, Table};
use crate::metrics::Face;
use crate::page::Item;
use dpia_core::palette;
use dpia_core::register::{Likelihood, Scale, Severity};
use dpia_core::scoring::Level;

impl Paper<'_> {
    pub(super) fn method(&mut self) {
        self.h1(self.labels.method);
        self.method_scales();
        self.method_levels();
        self.method_ranking();
        self.method_rights();
    }

    fn method_scales(&mut self) {
        let labels = self.labels;
        self.h2(labels.scales);
        self.text(labels.method_judgement, BODY);
        self.flow.space(6.0);
        let table = Table::new(
            vec![60.0, 150.0, 150.0],
            vec![
                head(labels.value, 52.0),
                head(labels.severity, 142.0),
                head(labels.likelihood, 142.0),
            ],
        );
        let rows = Severity::ALL
            .into_iter()
            .zip(Likelihood::ALL)
            .map(|(severity, likelihood)| {
                Row::new(vec![
                    cell(
                        &severity.value().to_string(),
                        SMALL.with_face(Face::Bold),
                        52.0,
                    ),
                    cell(labels.severity_name(severity), SMALL, 142.0),
                    cell(labels.likelihood_name(likelihood), SMALL, 142.0),
                ])
            })
            .collect();
        self.flow.table(&table, rows);
    }

    fn method_levels(&mut self) {
        let labels = self.labels;
        self.h2(labels.score_and_level);
        self.text(labels.method_score, BODY);
        self.flow.space(8.0);
        let mut items = likelihood_labels(labels, 86.0);
        items.extend(grid(labels, 86.0, labels.score, |severity, likelihood| {
            let score = severity * likelihood;
            (
                palette::level_fill(level_at(severity, likelihood)),
                Some(score.to_string()),
            )
        }));
        // Read row by row, most likely first, as the grid is drawn.
        let rows: Vec<String> = (1..=4_u8)
            .rev()
            .filter_map(|likelihood| {
                let name = labels.likelihood_name(Likelihood::from_value(likelihood)?);
                let scores: Vec<String> = (1..=4_u8)
                    .map(|severity| (severity * likelihood).to_string())
                    .collect();
                Some(format!("{name}: {}", scores.join(", ")))
            })
            .collect();
        let alt = format!("{}. {}.", labels.score_and_level, rows.join("; "));
        self.flow.block(&[LineBox {
            height: GRID_HEIGHT,
            items: figure(alt, items),
        }]);
        self.flow.space(6.0);
        let mut legend = Vec::new();
        for level in Level::ALL {
            let range = match level {
                Level::Low => "1–3",
                Level::Medium => "4–6",
                Level::High => "8–9",
                Level::VeryHigh => "12–16",
            };
            legend.push(Inline::chip(
                format!("{} {range}", labels.level_name(level)),
                NOTE.with_face(Face::Bold)
                    .with_colour(palette::level_text(level)),
                palette::level_fill(level),
            ));
            legend.push(Inline::Gap { width: 8.0 });
        }
        self.flow.lines(&flow::wrap(&legend, CONTENT_WIDTH, 14.0));
    }

    fn method_ranking(&mut self) {
        let labels = self.labels;
        self.h2(labels.priority_order);
        self.text(labels.method_rank_intro, BODY);
        self.flow.space(3.0);
        for (idx, step) in labels.method_rank_steps.iter().enumerate() {
            let number = format!("{}.", idx + 1);
            let mut lines = flow::paragraph(step, BODY, CONTENT_WIDTH - 16.0, leading(BODY))
                .into_iter()
                .map(|line| line.indented(16.0))
                .collect::<Vec<_>>();
            if let Some(first) = lines.first_mut() {
                let number: Vec<Item> = flow::paragraph(&number, BODY, 16.0, leading(BODY))
                    .into_iter()
                    .flat_map(|line| line.items)
                    .collect();
                first.items.splice(0..0, number);
            }
            self.flow.lines(&lines);
        }
        self.flow.space(4.0);
        self.text(labels.method_rank_after, BODY);
    }

    fn method_rights(&mut self) {
        let labels = self.labels;
        self.h2(labels.rights_catalogue);
        let name_width = CONTENT_WIDTH - 248.0;
        let table = Table::new(
            vec![120.0, name_width + 8.0, 120.0],
            vec![
                head(labels.id, 112.0),
                head(labels.right, name_width),
                head(labels.legal_reference, 112.0),
            ],
        );
        let rows = self
            .register
            .rights
            .iter()
            .map(|right| {
                let default = dpia_core::register::default_right(&right.id);
                let is_default_reference =
                    default.is_some_and(|default| default.legal_reference == right.legal_reference);
                Row::new(vec![
                    cell(right.id.as_str(), SMALL, 112.0),
                    in_lang(
                        self.right_lang(&right.id),
                        cell(&right.name, SMALL, name_width),
                    ),
                    in_lang(
                        self.english_in_welsh(is_default_reference),
                        cell(&right.legal_reference, SMALL, 112.0),
                    ),
                ])
            })
            .collect();
        self.flow.table(&table, rows);
    }
}
