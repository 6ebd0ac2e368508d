//! Reading an action log's "Status" cell as people write it, for importing an existing log.
//!
//! In the Open Space's log (issue 16's seed) one cell holds the whole history of an action:
//! paragraphs added at each cycle, new ones marked "Update –", a status word at the start or end
//! of a paragraph ("Ongoing.", "Proposed Complete", "Closed – this will be added to…"), artefact
//! references ("Complete: Artefact 5"), and sometimes a date at the start of a paragraph. This
//! splits such text into updates (dated where a paragraph starts with a date), finds the latest
//! status said, and collects the artefacts named. Pure: text in, data out.

use jiff::civil::Date;

use crate::register::{ActionStatus, ActionUpdate, Deadline};

/// What one "Status" cell says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusText {
    /// The status the text ends on; `None` where it names none.
    pub status: Option<ActionStatus>,
    /// The updates, in the order written.
    pub updates: Vec<ActionUpdate>,
    /// The artefacts named: "Artefact 5", "Artefact A10".
    pub artefacts: Vec<String>,
}

/// Splits a status cell into updates, its status and the artefacts it names.
///
/// Paragraphs (lines, or `<p>`/`<li>` in text copied from a web page) are split again at each
/// "Update –" (or "Update -", "Update:") marker; the marker is dropped. A paragraph that starts
/// with a date (`11/07/2019`, `2019-07-11`, `11 July 2019`) is dated with it. A paragraph that is
/// only a status ("Complete", "In progress") sets the status and adds no update.
pub fn read_status(text: &str) -> StatusText {
    let mut status = None;
    let mut updates = Vec::new();
    let mut artefacts: Vec<String> = Vec::new();
    for segment in segments(text) {
        if let Some(said) = status_said(&segment) {
            status = Some(said);
        }
        for artefact in artefacts_named(&segment) {
            if !artefacts.contains(&artefact) {
                artefacts.push(artefact);
            }
        }
        if is_status_alone(&segment) {
            continue;
        }
        let (date, rest) = leading_date(&segment);
        let text = rest
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '-' | '–' | '—'))
            .trim();
        if text.is_empty() {
            continue;
        }
        updates.push(ActionUpdate {
            date,
            text: text.to_owned(),
            who: String::new(),
            is_confidential: false,
        });
    }
    StatusText {
        status,
        updates,
        artefacts,
    }
}

/// The text as paragraphs, each split again at its "Update" markers, markup removed.
fn segments(text: &str) -> Vec<String> {
    let mut plain = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((before, after)) = rest.split_once('<') {
        plain.push_str(before);
        let Some((tag, after_tag)) = after.split_once('>') else {
            plain.push('<');
            rest = after;
            break;
        };
        let tag = tag.trim_start_matches('/').to_lowercase();
        if ["p", "li", "br", "ul"].iter().any(|name| {
            tag == *name
                || tag.starts_with(&format!("{name} "))
                || tag.starts_with(&format!("{name}/"))
        }) {
            plain.push('\n');
        }
        rest = after_tag;
    }
    plain.push_str(rest);
    let plain = plain.replace("&amp;", "&").replace('•', "\n");
    let mut segments = Vec::new();
    for paragraph in plain.lines() {
        let mut current = String::new();
        for (idx, word) in paragraph.split_whitespace().enumerate() {
            let is_marker = word.eq_ignore_ascii_case("update")
                || word.eq_ignore_ascii_case("update:")
                || word.eq_ignore_ascii_case("update-");
            let next_is_dash = paragraph
                .split_whitespace()
                .nth(idx + 1)
                .is_some_and(|next| matches!(next, "–" | "-" | "—" | ":"));
            let is_marker = is_marker && (word.ends_with([':', '-']) || next_is_dash || idx == 0);
            if is_marker {
                if !current.trim().is_empty() {
                    segments.push(current.trim().to_owned());
                }
                current.clear();
                continue;
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        if !current.trim().is_empty() {
            segments.push(current.trim().to_owned());
        }
    }
    segments
}

/// The words of `text`, lower-cased, without punctuation around them.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|word| {
            word.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|word| !word.is_empty())
        .collect()
}

/// The status a run of words (the start or the end of a segment) says, if any.
fn status_in(words: &[String]) -> Option<ActionStatus> {
    let word = |idx: usize| words.get(idx).map_or("", String::as_str);
    match (word(0), word(1)) {
        ("proposed", "complete" | "completed" | "closed" | "close") => {
            Some(ActionStatus::ProposedComplete)
        }
        ("not", "started") => Some(ActionStatus::NotStarted),
        ("in", "progress") | ("partially" | "ongoing" | "started", _) => {
            Some(ActionStatus::Ongoing)
        }
        ("closed", _) => Some(ActionStatus::Closed),
        // "Compete" is how one row of the seed spells it.
        ("complete" | "completed" | "compete", _) => Some(ActionStatus::Complete),
        _ => None,
    }
}

/// The status a segment says at its start, or in its last words ("… Proposed complete").
fn status_said(segment: &str) -> Option<ActionStatus> {
    let words = words(segment);
    let tail = |count: usize| {
        words
            .get(words.len().saturating_sub(count)..)
            .unwrap_or(&[])
    };
    status_in(tail(2))
        .filter(|_| words.len() > 2)
        .or_else(|| status_in(&words))
}

/// Whether a segment is a status and nothing else: "Complete", "In progress", "Proposed Closed".
fn is_status_alone(segment: &str) -> bool {
    let words = words(segment);
    words.len() <= 2 && status_in(&words).is_some()
}

/// "Artefact 5", "Artefact A10", as named in a segment.
fn artefacts_named(segment: &str) -> Vec<String> {
    let words: Vec<&str> = segment.split_whitespace().collect();
    words
        .windows(2)
        .filter_map(|pair| {
            let [name, number] = pair else { return None };
            let number = number.trim_end_matches(|c: char| !c.is_alphanumeric());
            let is_artefact = name
                .trim_start_matches(|c: char| !c.is_alphabetic())
                .eq_ignore_ascii_case("artefact");
            (is_artefact && number.chars().any(|c| c.is_ascii_digit()))
                .then(|| format!("Artefact {number}"))
        })
        .collect()
}

/// A date at the start of `segment`, and the rest: `11/07/2019`, `2019-07-11`, `11 July 2019`.
fn leading_date(segment: &str) -> (Option<Date>, &str) {
    let mut parts = segment.splitn(2, char::is_whitespace);
    let first = parts.next().unwrap_or("");
    let after_first = parts.next().unwrap_or("");
    let first_clean = first.trim_end_matches([':', ',', '.']);
    if let Ok(date) = first_clean.parse::<Date>() {
        return (Some(date), after_first);
    }
    let numbers: Vec<&str> = first_clean.split('/').collect();
    if let [day, month, year] = numbers.as_slice()
        && let (Ok(day), Ok(month), Ok(year)) =
            (day.parse::<i8>(), month.parse::<i8>(), year.parse::<i16>())
        && let Ok(date) = Date::new(if year < 100 { 2000 + year } else { year }, month, day)
    {
        return (Some(date), after_first);
    }
    // "11 July 2019": three words.
    let mut three = segment.splitn(4, char::is_whitespace);
    let (Some(day_text), Some(month_text), Some(year_text)) =
        (three.next(), three.next(), three.next())
    else {
        return (None, segment);
    };
    let rest = three.next().unwrap_or("");
    let year_text = year_text.trim_end_matches([':', ',', '.']);
    let day = day_text
        .trim_end_matches(|c: char| c.is_alphabetic())
        .parse::<i8>();
    let month = Deadline::parse(&format!("{month_text} {year_text}"));
    if let (Ok(day), Ok(Deadline::Month { year, month })) = (day, month)
        && year_text.len() == 4
        && let Ok(date) = Date::new(year, month, day)
    {
        return (Some(date), rest);
    }
    (None, segment)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn texts(read: &StatusText) -> Vec<(Option<Date>, &str)> {
        read.updates
            .iter()
            .map(|u| (u.date, u.text.as_str()))
            .collect()
    }

    #[test]
    fn updates_split_at_paragraphs_and_update_markers() {
        let read = read_status(
            "Ongoing. Paper will be produced for May'19.\n\
             Paper not yet started – recruitment complete. Update – team members recruited and tasked with writing the paper.\n\
             Update - First draft has been completed.",
        );
        assert_eq!(read.status, Some(ActionStatus::Ongoing));
        assert_eq!(
            texts(&read),
            [
                (None, "Ongoing. Paper will be produced for May'19."),
                (None, "Paper not yet started – recruitment complete."),
                (
                    None,
                    "team members recruited and tasked with writing the paper."
                ),
                (None, "First draft has been completed."),
            ]
        );
    }

    #[test]
    fn the_last_status_said_wins() {
        let check = |text: &str, expected: ActionStatus| {
            assert_eq!(read_status(text).status, Some(expected), "{text}");
        };
        check(
            "Ongoing. This should be available for May.\nUpdate – to coincide with the demo.\nComplete",
            ActionStatus::Complete,
        );
        check(
            "Ongoing. Timing after planning.\nUpdate - Suggested date is Sep 2019. This links into action 31 and 44 Proposed complete",
            ActionStatus::ProposedComplete,
        );
        check(
            "Proposed Closed.\nUpdate - Law organisations invited",
            ActionStatus::ProposedComplete,
        );
        check(
            "Closed - This will be added to Actions 116, 117, 118",
            ActionStatus::Closed,
        );
        check("<b>Not started</b>", ActionStatus::NotStarted);
        check("In Progress", ActionStatus::Ongoing);
        check(
            "Partially Complete PNC records Artefact 6.",
            ActionStatus::Ongoing,
        );
        check("Compete", ActionStatus::Complete);
        assert_eq!(
            read_status("A list of statutory bodies will be included").status,
            None
        );
    }

    #[test]
    fn a_status_alone_adds_no_update_and_artefacts_are_collected() {
        let read = read_status(
            "<p><b>Complete: Artefact 5</b> The answer depends on the audit system.</p><p><b>Complete see Artefact A10</b></p><p>Complete</p>",
        );
        assert_eq!(read.status, Some(ActionStatus::Complete));
        assert_eq!(read.artefacts, ["Artefact 5", "Artefact A10"]);
        assert_eq!(read.updates.len(), 2, "{:?}", read.updates);
    }

    #[test]
    fn paragraphs_that_start_with_a_date_are_dated() {
        let read = read_status(
            "11/07/2019: First draft completed\n2019-08-01 – Circulated\n14 May 2019: Discussed at the workshop\n14 members attended",
        );
        assert_eq!(
            texts(&read),
            [
                (Some(date(2019, 7, 11)), "First draft completed"),
                (Some(date(2019, 8, 1)), "Circulated"),
                (Some(date(2019, 5, 14)), "Discussed at the workshop"),
                (None, "14 members attended"),
            ]
        );
    }
}
