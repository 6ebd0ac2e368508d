//! Dates as people type them: ISO (`2019-10-31`), British day first (`31/10/2019`, `31.10.19`,
//! `31-10-2019`) and with the month's name (`31 Oct 2019`, `31 October 2019`). A text that is not
//! a date gets a reason the user can act on, never a silent drop.
//!
//! Pure text handling, beside the date field that uses it (`entry_editor::date_field`).

use jiff::civil::Date;

use crate::gui::i18n::{self, tr, tr_args};
use dpia_core::months;
use dpia_report::labels::labels;

/// The forms the user may type, for hints and messages.
pub(crate) fn forms() -> &'static str {
    tr("app-date-forms")
}

/// Reads a date typed in one of the accepted forms; `Ok(None)` for an empty text.
pub(crate) fn parse(text: &str) -> Result<Option<Date>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let (year, month, day) = parts(text)
        .ok_or_else(|| tr_args!("app-not-a-date-forms", text = text, forms = forms()))?;
    if !(1..=12).contains(&month) {
        return Err(tr_args!("app-not-a-date-month", text = text, month = month));
    }
    let date = i16::try_from(year)
        .ok()
        .zip(i8::try_from(month).ok())
        .zip(i8::try_from(day).ok())
        .and_then(|((year, month), day)| Date::new(year, month, day).ok());
    date.map(Some).ok_or_else(|| {
        tr_args!(
            "app-not-a-date-day",
            text = text,
            month = month_name(year, month),
            day = day
        )
    })
}

/// "September 2019", "Medi 2019": the month as the app's language writes it.
fn month_name(year: i64, month: i64) -> String {
    match (i16::try_from(year), i8::try_from(month)) {
        (Ok(year), Ok(month)) => labels(i18n::language()).month(year, month),
        _ => format!("{year}-{month}"),
    }
}

/// The year, month and day a text names, if it has the shape of a date.
fn parts(text: &str) -> Option<(i64, i64, i64)> {
    let words: Vec<&str> = text
        .split(['-', '/', '.', ' ', ','])
        .filter(|word| !word.is_empty())
        .collect();
    let [first, second, third] = words.as_slice() else {
        return None;
    };
    let number = |word: &str| -> Option<i64> {
        word.chars()
            .all(|c| c.is_ascii_digit())
            .then(|| word.parse().ok())
            .flatten()
    };
    let year = |word: &str| -> Option<i64> {
        let value = number(word)?;
        match word.len() {
            4 => Some(value),
            2 => Some(2000 + value),
            _ => None,
        }
    };
    if first.len() == 4 {
        // ISO: year, month, day.
        return Some((year(first)?, number(second)?, number(third)?));
    }
    let day = number(first)?;
    let month = number(second).or_else(|| months::named(second).map(i64::from))?;
    Some((year(third)?, month, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        parse(text).unwrap().unwrap()
    }

    #[test]
    fn the_accepted_forms() {
        let halloween = jiff::civil::date(2019, 10, 31);
        for text in [
            "2019-10-31",
            " 31/10/2019 ",
            "31-10-2019",
            "31.10.19",
            "31 Oct 2019",
            "31 October 2019",
            "31 oct, 2019",
        ] {
            assert_eq!(date(text), halloween, "{text}");
        }
        assert_eq!(date("1/2/2020"), jiff::civil::date(2020, 2, 1), "day first");
        assert_eq!(parse("  "), Ok(None));
    }

    #[test]
    fn welsh_month_names_are_read_too() {
        assert_eq!(date("31 Hydref 2019"), date("2019-10-31"));
        assert_eq!(date("1 mai 2020"), date("2020-05-01"));
        assert_eq!(date("14 Chw 2019"), date("2019-02-14"));
        assert_eq!(date("3 Mar 2019"), date("2019-03-03"), "English still");
        assert_eq!(date("31 Hyd 2019"), date("2019-10-31"), "three letters");
    }

    #[test]
    fn reasons_for_what_is_not_a_date() {
        assert_eq!(
            parse("2019-13-40"),
            Err("“2019-13-40” is not a date: there is no month 13".to_owned())
        );
        assert_eq!(
            parse("31/9/2019"),
            Err("“31/9/2019” is not a date: September 2019 has no day 31".to_owned())
        );
        assert!(parse("soon").unwrap_err().contains(forms()));
        assert!(parse("31 Smarch 2019").is_err());
        assert!(parse("2019-10").is_err());
    }
}
