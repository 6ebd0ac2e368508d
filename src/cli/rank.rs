//! `rank`: the entries in priority order with the reason for each rank, as a table or CSV.
//!
//! The reason names rights as the register does (`residual 12 (Non-discrimination)`); CSV adds the
//! right that scores highest by its id (`highest_right`), which renaming a right does not change,
//! for scripts.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use dpia_core::ranking::rank;

use super::{CliError, RankFormat, load_to_read, table};

/// Prints the register's entries in priority order.
pub(super) fn rank_cmd(
    path: &Path,
    format: RankFormat,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    let register = load_to_read(path)?;
    let header = [
        "rank",
        "id",
        "system",
        "issue",
        "residual",
        "inherent",
        "breadth",
        "reason",
        "tie",
        "highest_right",
    ];
    let rows: Vec<[String; 10]> = rank(&register)
        .into_iter()
        .filter_map(|ranked| {
            let entry = register.entries.get(ranked.entry_idx)?;
            let score = |top: Option<&dpia_core::scoring::TopScore>| {
                top.map(|t| t.score.to_string()).unwrap_or_default()
            };
            // The table marks a tie as the app does (`7=` for each entry tied at 7); CSV keeps
            // the rank a number and gives the rank the tie shares in its own column.
            let rank = match format {
                RankFormat::Table => ranked.label(),
                RankFormat::Csv => ranked.rank.to_string(),
            };
            let tie = if ranked.is_tied {
                ranked.tied_rank.to_string()
            } else {
                String::new()
            };
            let highest_right = ranked
                .scores
                .residual
                .as_ref()
                .map(|top| top.right.to_string())
                .unwrap_or_default();
            Some([
                rank,
                entry.id.to_string(),
                entry.system.to_string(),
                entry.issue.clone(),
                score(ranked.scores.residual.as_ref()),
                score(ranked.scores.inherent.as_ref()),
                ranked.scores.breadth.to_string(),
                ranked.reason(&register),
                tie,
                highest_right,
            ])
        })
        .collect();
    match format {
        RankFormat::Csv => {
            let mut writer = csv::Writer::from_writer(out);
            writer.write_record(header)?;
            for row in rows {
                writer.write_record(row)?;
            }
            writer.flush()?;
        }
        RankFormat::Table => {
            // The tie is in the rank column already, and the reason names the right.
            let header: [&str; 8] = std::array::from_fn(|column| header[column]);
            let rows: Vec<[String; 8]> = rows
                .into_iter()
                .map(|row| std::array::from_fn(|column| row[column].clone()))
                .collect();
            write_table(&header, &rows, out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Aligned columns (`table`); numbers right-aligned, the issue cut at 50 characters with `…`.
fn write_table(header: &[&str; 8], rows: &[[String; 8]], out: &mut dyn Write) -> io::Result<()> {
    const ISSUE_WIDTH: usize = 50;
    let cut = |text: &str| {
        if text.chars().count() > ISSUE_WIDTH {
            let mut short: String = text.chars().take(ISSUE_WIDTH - 1).collect();
            short.push('…');
            short
        } else {
            text.to_owned()
        }
    };
    let rows: Vec<[String; 8]> = std::iter::once(header.map(str::to_owned))
        .chain(rows.iter().map(|row| {
            let mut row = row.clone();
            row[3] = cut(&row[3]);
            row
        }))
        .collect();
    table::write(&rows, |column| matches!(column, 0 | 4 | 5 | 6), out)
}
