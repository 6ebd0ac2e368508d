//! The app's clock: the time a snapshot is taken and a paper is dated. The system clock when the
//! app runs, a fixed time in tests, so labels and papers made in tests are the same every run.
//!
//! The core reads no clock (ARCHITECTURE.md): the time it needs is read here and passed in.

use crate::gui::i18n::tr_args;
use jiff::{Timestamp, Unit};

/// Where the app gets the time from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Clock {
    /// The system clock, to the second.
    #[default]
    System,
    /// Always this time (tests).
    Fixed(Timestamp),
}

impl Clock {
    /// The time now, to the second: snapshot times are shown and compared to the second.
    pub fn now(self) -> Timestamp {
        match self {
            Self::System => {
                let now = Timestamp::now();
                now.round(Unit::Second).unwrap_or(now)
            }
            Self::Fixed(time) => time,
        }
    }

    /// The date a paper is made: `SOURCE_DATE_EPOCH` when the system clock is used and it is set
    /// (as the command line does, so the same input gives the same bytes), else `now`.
    ///
    /// A `SOURCE_DATE_EPOCH` that is not a whole number of seconds is an error, in words.
    pub fn paper_date(self) -> Result<Timestamp, String> {
        match (self, std::env::var("SOURCE_DATE_EPOCH")) {
            (Self::System, Ok(value)) => value
                .trim()
                .parse::<i64>()
                .ok()
                .and_then(|seconds| Timestamp::from_second(seconds).ok())
                .ok_or_else(|| tr_args!("app-source-date-epoch-is-not", value = value)),
            _ => Ok(self.now()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_clock_always_gives_its_time() {
        let time: Timestamp = "2019-07-11T09:30:00Z".parse().unwrap();
        let clock = Clock::Fixed(time);
        assert_eq!(clock.now(), time, "now");
        assert_eq!(clock.paper_date(), Ok(time), "the paper's date");
    }

    #[test]
    fn the_system_clock_is_read_to_the_second() {
        let now = Clock::System.now();
        assert_eq!(now.subsec_nanosecond(), 0, "{now}");
    }
}
