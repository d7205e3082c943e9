//! Calendar dates and calendar periods (ISO week, month, quarter): the one place that decides which
//! period a date falls in, how periods are numbered and how they are labelled (`2024-W09`,
//! `2024-03`, `2024-Q1`).
//!
//! Period indices are plain integers so that "k periods after the cohort" is a subtraction. They
//! are only meaningful for one granularity at a time.

#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

use std::fmt;

/// The earliest and latest years accepted: four-digit years only, which keeps every period index
/// small and positive and rules out two-digit years read as the first century.
pub const MIN_YEAR: i32 = 1000;
pub const MAX_YEAR: i32 = 9999;

/// A valid Gregorian date. Only [`Date::new`] builds one, so a `Date` never holds 30 February.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// `None` for a day that does not exist or a year outside [`MIN_YEAR`]..=[`MAX_YEAR`].
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date {
            year,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
        })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        days_from_civil(i64::from(self.year), self.month(), self.day())
    }

    /// The inverse of [`Date::days_since_epoch`]; `None` outside the accepted years.
    pub fn from_days(days: i64) -> Option<Date> {
        let (year, month, day) = civil_from_days(days)?;
        Date::new(i32::try_from(year).ok()?, month, day)
    }

    /// 1 = Monday … 7 = Sunday.
    pub fn iso_weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (4).
        (self.days_since_epoch() + 3).rem_euclid(7) as u32 + 1
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Days since 1970-01-01 of a (proleptic Gregorian) date, any year: Howard Hinnant's
/// `days_from_civil`, exact without tables. The caller vouches for month and day.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let m = i64::from(month);
    let d = i64::from(day);
    let y = year - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`]: (year, month, day), any year.
fn civil_from_days(days: i64) -> Option<(i64, u32, u32)> {
    let z = days.checked_add(719_468)?;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe.checked_add(era.checked_mul(400)?)? + i64::from(month <= 2);
    Some((year, u32::try_from(month).ok()?, u32::try_from(day).ok()?))
}

/// The length of a cohort period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Granularity {
    /// ISO 8601 week, Monday to Sunday, labelled with its ISO week-year (`2025-W01` may start in
    /// December 2024).
    Week,
    #[default]
    Month,
    Quarter,
}

/// Shifts week indices so that every week of an accepted year has a positive index.
const WEEK_OFFSET: i64 = 1_000_000;

impl Granularity {
    pub const ALL: [Granularity; 3] = [Granularity::Week, Granularity::Month, Granularity::Quarter];

    /// The stable identifier used in options and URLs.
    pub fn key(self) -> &'static str {
        match self {
            Granularity::Week => "week",
            Granularity::Month => "month",
            Granularity::Quarter => "quarter",
        }
    }

    pub fn from_key(key: &str) -> Option<Granularity> {
        Granularity::ALL.into_iter().find(|g| g.key() == key)
    }

    /// The index of the period containing `date`; consecutive periods have consecutive indices.
    pub fn period_of(self, date: Date) -> i64 {
        match self {
            Granularity::Week => (date.days_since_epoch() + 3).div_euclid(7) + WEEK_OFFSET,
            Granularity::Month => i64::from(date.year) * 12 + i64::from(date.month) - 1,
            Granularity::Quarter => i64::from(date.year) * 4 + (i64::from(date.month) - 1) / 3,
        }
    }

    /// The first day of period `index`, `None` when it lies outside the accepted years.
    pub fn first_day(self, index: i64) -> Option<Date> {
        match self {
            Granularity::Week => {
                Date::from_days(index.checked_sub(WEEK_OFFSET)?.checked_mul(7)? - 3)
            }
            Granularity::Month => Date::new(
                i32::try_from(index.div_euclid(12)).ok()?,
                u32::try_from(index.rem_euclid(12) + 1).ok()?,
                1,
            ),
            Granularity::Quarter => Date::new(
                i32::try_from(index.div_euclid(4)).ok()?,
                u32::try_from(index.rem_euclid(4) * 3 + 1).ok()?,
                1,
            ),
        }
    }

    /// `2024-W09`, `2024-03` or `2024-Q1`; `?` for an index far outside the accepted years.
    /// A week's year is its ISO week-year, which for the first days of year 1000 is 999 and for
    /// the last days of 9999 is 10000: such labels still read back.
    pub fn label(self, index: i64) -> String {
        if self == Granularity::Week {
            // The ISO week-year is the year of the week's Thursday.
            let Some(thursday) = index
                .checked_sub(WEEK_OFFSET)
                .and_then(|w| w.checked_mul(7))
                .filter(|d| d.abs() < 1 << 40)
            else {
                return "?".to_string();
            };
            let Some((year, _, _)) = civil_from_days(thursday) else {
                return "?".to_string();
            };
            let week = (thursday - days_from_civil(year, 1, 1)) / 7 + 1;
            return format!("{year:04}-W{week:02}");
        }
        let Some(first) = self.first_day(index) else {
            return "?".to_string();
        };
        match self {
            Granularity::Month => format!("{:04}-{:02}", first.year, first.month),
            _ => format!("{:04}-Q{}", first.year, (first.month - 1) / 3 + 1),
        }
    }

    /// Reads a label written by [`Granularity::label`] back: `2024-W09`, `2024-03`, `2024-Q1`
    /// (case-insensitive, surrounding spaces ignored).
    pub fn parse_label(text: &str) -> Option<(Granularity, i64)> {
        let text = text.trim();
        let (year_text, rest) = text.split_once('-')?;
        if !(4..=5).contains(&year_text.len()) {
            return None;
        }
        let year: i32 = digits(year_text)?.try_into().ok()?;
        if let Some(week) = rest.strip_prefix(['W', 'w']) {
            let week = digits(week).filter(|_| week.len() == 2)?;
            // ISO week 1 is the week with 4 January in it; its Monday is a multiple of 7 days
            // (plus 3: 1970-01-01 was a Thursday) before.
            let jan4 = days_from_civil(i64::from(year), 1, 4);
            let index = (jan4 + 3).div_euclid(7) + WEEK_OFFSET + i64::from(week) - 1;
            // Week-years 999 and 10000 only name the weeks that reach into accepted years.
            let monday = (index - WEEK_OFFSET) * 7 - 3;
            let reaches =
                Date::from_days(monday).is_some() || Date::from_days(monday + 6).is_some();
            let ok = reaches
                && (1..=53).contains(&week)
                && Granularity::Week.label(index) == format!("{year:04}-W{week:02}");
            return ok.then_some((Granularity::Week, index));
        }
        if year_text.len() != 4 {
            return None;
        }
        if let Some(quarter) = rest.strip_prefix(['Q', 'q']) {
            let q = digits(quarter).filter(|q| quarter.len() == 1 && (1..=4).contains(q))?;
            let date = Date::new(year, (q - 1) * 3 + 1, 1)?;
            return Some((Granularity::Quarter, Granularity::Quarter.period_of(date)));
        }
        let month = digits(rest).filter(|_| rest.len() == 2)?;
        let date = Date::new(year, month, 1)?;
        Some((Granularity::Month, Granularity::Month.period_of(date)))
    }
}

/// A run of ASCII digits (at most 9, so it fits) as a number.
fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 9 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn refuses_impossible_days() {
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(2024, 13, 1).is_none());
        assert!(Date::new(2024, 4, 31).is_none());
        assert!(Date::new(24, 4, 1).is_none());
    }

    #[test]
    fn epoch_days_match_known_values() {
        assert_eq!(d(1970, 1, 1).days_since_epoch(), 0);
        assert_eq!(d(2000, 3, 1).days_since_epoch(), 11_017);
        assert_eq!(d(1969, 12, 31).days_since_epoch(), -1);
        assert_eq!(d(2024, 3, 5).iso_weekday(), 2);
    }

    #[test]
    fn iso_week_labels_follow_iso_8601() {
        // Checked against Python's date.isocalendar().
        let w = Granularity::Week;
        assert_eq!(w.label(w.period_of(d(2024, 2, 26))), "2024-W09");
        assert_eq!(w.label(w.period_of(d(2024, 3, 3))), "2024-W09");
        assert_eq!(w.label(w.period_of(d(2024, 12, 30))), "2025-W01");
        assert_eq!(w.label(w.period_of(d(2021, 1, 3))), "2020-W53");
        assert_eq!(w.label(w.period_of(d(2021, 1, 4))), "2021-W01");
    }

    #[test]
    fn month_and_quarter_labels() {
        let m = Granularity::Month;
        let q = Granularity::Quarter;
        assert_eq!(m.label(m.period_of(d(2024, 3, 31))), "2024-03");
        assert_eq!(m.period_of(d(2024, 1, 1)) - m.period_of(d(2023, 12, 31)), 1);
        assert_eq!(q.label(q.period_of(d(2024, 3, 31))), "2024-Q1");
        assert_eq!(q.label(q.period_of(d(2024, 4, 1))), "2024-Q2");
        assert_eq!(m.label(-5), "?");
    }

    #[test]
    fn labels_parse_back() {
        assert_eq!(
            Granularity::parse_label("2024-W09"),
            Some((
                Granularity::Week,
                Granularity::Week.period_of(d(2024, 2, 26))
            ))
        );
        assert_eq!(
            Granularity::parse_label(" 2024-03 "),
            Some((
                Granularity::Month,
                Granularity::Month.period_of(d(2024, 3, 1))
            ))
        );
        assert_eq!(
            Granularity::parse_label("2024-q2"),
            Some((
                Granularity::Quarter,
                Granularity::Quarter.period_of(d(2024, 4, 1))
            ))
        );
        assert_eq!(Granularity::parse_label("2024-W54"), None);
        assert_eq!(Granularity::parse_label("2021-W53"), None);
        assert_eq!(
            Granularity::parse_label("2020-W53").map(|p| p.0),
            Some(Granularity::Week)
        );
        assert_eq!(Granularity::parse_label("2024-13"), None);
        assert_eq!(Granularity::parse_label("2024-Q5"), None);
        assert_eq!(Granularity::parse_label("é024-03"), None);
        assert_eq!(Granularity::parse_label("02024-03"), None);
    }

    #[test]
    fn weeks_at_the_edges_of_the_accepted_years() {
        // 1000-01-01 was a Wednesday... of ISO week-year 1000; 9999-12-31 a Friday of 9999-W52.
        // Whatever the weekday, every accepted date's week label reads back.
        let w = Granularity::Week;
        for date in [
            d(1000, 1, 1),
            d(1000, 1, 4),
            d(9999, 12, 31),
            d(9999, 12, 27),
        ] {
            let index = w.period_of(date);
            assert_eq!(
                Granularity::parse_label(&w.label(index)),
                Some((w, index)),
                "{date}"
            );
        }
        assert_eq!(Granularity::parse_label("0999-W01"), None);
    }

    proptest! {
        #[test]
        fn days_round_trip(days in -300_000i64..2_900_000) {
            let date = Date::from_days(days).unwrap();
            prop_assert_eq!(date.days_since_epoch(), days);
        }

        #[test]
        fn every_label_parses_back(days in -354_285i64..=2_932_896, g in 0usize..3) {
            let g = Granularity::ALL[g];
            let index = g.period_of(Date::from_days(days).unwrap());
            prop_assert_eq!(Granularity::parse_label(&g.label(index)), Some((g, index)));
            if let Some(first) = g.first_day(index) {
                prop_assert!(first <= Date::from_days(days).unwrap());
            }
        }

        #[test]
        fn parse_label_never_panics(text in ".*") {
            let _ = Granularity::parse_label(&text);
        }
    }
}
