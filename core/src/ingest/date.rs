//! Dates as exports write them: `2024-03-05`, `2024-03`, `2024/03/05`, `05.03.2024`,
//! `05/03/2024` or `03/05/2024`, and ISO timestamps.
//!
//! A timestamp with a time and a zone (`2024-03-05T23:30:00+02:00`) counts on the date *as
//! written*, not converted to UTC: that is the day the user sees in their own spreadsheet and the
//! day their business counted it on, and converting would move late-evening events into the next
//! day — and, on the last evening of a month, into the next cohort.
//!
//! `05/03/2024` is 5 March in most of the world and 3 May in the US. One value cannot tell; a
//! column can, as soon as one value has a number above 12 in one place (see [`DateEvidence`]).
//! When no value tells, the reader answers `Ambiguous` and the UI asks.

use crate::calendar::Date;
use std::fmt;

/// Which of the two numbers before the year is the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayMonthOrder {
    /// `31/12/2024`
    DayFirst,
    /// `12/31/2024`
    MonthFirst,
}

/// Why a cell is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateError {
    Empty,
    /// No known date layout.
    NotADate,
    /// A known layout naming a day that does not exist (`2023-02-29`, `13/13/2024`) or a year
    /// outside 1000–9999.
    NoSuchDay,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateError::Empty => "empty",
            DateError::NotADate => "not a date",
            DateError::NoSuchDay => "no such day",
        })
    }
}

/// A cell's date, or the two readings it leaves open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateValue {
    Known(Date),
    /// `a/b/yyyy` with both `a` and `b` at most 12 and different: the column decides.
    DayOrMonth {
        first: u8,
        second: u8,
        year: u16,
    },
}

impl DateValue {
    /// The date once the order is known; `None` if that reading names no real day.
    pub fn resolve(self, order: DayMonthOrder) -> Option<Date> {
        match self {
            DateValue::Known(d) => Some(d),
            DateValue::DayOrMonth {
                first,
                second,
                year,
            } => slashed(first, second, year, order),
        }
    }
}

fn slashed(first: u8, second: u8, year: u16, order: DayMonthOrder) -> Option<Date> {
    let (day, month) = match order {
        DayMonthOrder::DayFirst => (first, second),
        DayMonthOrder::MonthFirst => (second, first),
    };
    Date::new(i32::from(year), u32::from(month), u32::from(day))
}

/// One parsed cell and what it proves about its column's day/month order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParsedDate {
    pub value: DateValue,
    pub evidence: Option<DayMonthOrder>,
}

/// Evidence gathered over one column.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateEvidence {
    pub day_first: u64,
    pub month_first: u64,
    /// Cells left open (`05/03/2024`).
    pub open: u64,
}

/// What a column's evidence says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderVerdict {
    /// Nothing to decide, or the data decides.
    Settled(Option<DayMonthOrder>),
    /// Every slashed date reads both ways: ask the user.
    Ambiguous,
    /// Some cells prove day-first and others month-first: the column is not one format.
    Mixed,
}

impl DateEvidence {
    pub fn add(&mut self, parsed: &ParsedDate) {
        match parsed.evidence {
            Some(DayMonthOrder::DayFirst) => self.day_first += 1,
            Some(DayMonthOrder::MonthFirst) => self.month_first += 1,
            None => {}
        }
        if matches!(parsed.value, DateValue::DayOrMonth { .. }) {
            self.open += 1;
        }
    }

    pub fn verdict(&self, forced: Option<DayMonthOrder>) -> OrderVerdict {
        if forced.is_some() {
            return OrderVerdict::Settled(forced);
        }
        match (self.day_first > 0, self.month_first > 0) {
            (true, true) => OrderVerdict::Mixed,
            (true, false) => OrderVerdict::Settled(Some(DayMonthOrder::DayFirst)),
            (false, true) => OrderVerdict::Settled(Some(DayMonthOrder::MonthFirst)),
            (false, false) if self.open > 0 => OrderVerdict::Ambiguous,
            (false, false) => OrderVerdict::Settled(None),
        }
    }
}

/// A run of 1..=max ASCII digits at the start of `bytes`, as a number, and the rest.
fn number(bytes: &[u8], min: usize, max: usize) -> Option<(u32, &[u8])> {
    let len = bytes
        .iter()
        .take(max + 1)
        .take_while(|b| b.is_ascii_digit())
        .count();
    if len < min || len > max {
        return None;
    }
    let (digits, rest) = bytes.split_at_checked(len)?;
    let value = digits
        .iter()
        .fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0'));
    Some((value, rest))
}

/// What may follow a date: nothing, or a time (`T23:30`, ` 23:30:00`, zone and all), which is
/// ignored. Only the start is checked: `T` or a space, then a digit.
fn time_or_end(rest: &[u8]) -> bool {
    match rest {
        [] => true,
        [b'T' | b't' | b' ', d, ..] => d.is_ascii_digit(),
        _ => false,
    }
}

/// How many example cells a question about the day/month order quotes.
pub const AMBIGUITY_EXAMPLES: usize = 3;

/// Parses one cell without allocating. `order` settles `05/03/2024`; without it such a cell comes
/// back as [`DateValue::DayOrMonth`].
pub fn parse_date(text: &str, order: Option<DayMonthOrder>) -> Result<ParsedDate, DateError> {
    // `2024-03-05`, the form of nearly every export, without the general path's trim and scans.
    if let &[y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = text.as_bytes() {
        let digits = [y0, y1, y2, y3, m0, m1, d0, d1];
        if digits.iter().all(u8::is_ascii_digit) {
            let n = |pair: &[u8]| {
                pair.iter()
                    .fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0'))
            };
            return Date::new(n(&[y0, y1, y2, y3]) as i32, n(&[m0, m1]), n(&[d0, d1]))
                .map(|d| ParsedDate {
                    value: DateValue::Known(d),
                    evidence: None,
                })
                .ok_or(DateError::NoSuchDay);
        }
    }
    let bytes = text.trim().as_bytes();
    if bytes.is_empty() {
        return Err(DateError::Empty);
    }
    let known = |date: Option<Date>| {
        date.map(|d| ParsedDate {
            value: DateValue::Known(d),
            evidence: None,
        })
        .ok_or(DateError::NoSuchDay)
    };
    // Year first: 2024-03-05, 2024/03/05, 2024.03.05, 2024-03, with an optional time.
    if let Some((year, rest)) = number(bytes, 4, 4) {
        let Some((&sep @ (b'-' | b'/' | b'.'), rest)) = rest.split_first() else {
            return Err(DateError::NotADate);
        };
        let (month, rest) = number(rest, 1, 2).ok_or(DateError::NotADate)?;
        if rest.is_empty() && sep == b'-' {
            return known(Date::new(year as i32, month, 1));
        }
        let rest = rest.strip_prefix(&[sep]).ok_or(DateError::NotADate)?;
        let (day, rest) = number(rest, 1, 2).ok_or(DateError::NotADate)?;
        if !time_or_end(rest) {
            return Err(DateError::NotADate);
        }
        return known(Date::new(year as i32, month, day));
    }
    // Day or month first: 05.03.2024 (always day first), 05/03/2024, 05-03-2024.
    let (first, rest) = number(bytes, 1, 2).ok_or(DateError::NotADate)?;
    let Some((&sep @ (b'.' | b'/' | b'-'), rest)) = rest.split_first() else {
        return Err(DateError::NotADate);
    };
    let (second, rest) = number(rest, 1, 2).ok_or(DateError::NotADate)?;
    let rest = rest.strip_prefix(&[sep]).ok_or(DateError::NotADate)?;
    let (year, rest) = number(rest, 4, 4).ok_or(DateError::NotADate)?;
    if !time_or_end(rest) {
        return Err(DateError::NotADate);
    }
    let year = year as u16;
    let (Ok(first), Ok(second)) = (u8::try_from(first), u8::try_from(second)) else {
        return Err(DateError::NotADate);
    };
    if sep == b'.' {
        return known(slashed(first, second, year, DayMonthOrder::DayFirst));
    }
    if let Some(order) = order {
        return known(slashed(first, second, year, order));
    }
    let evidence = match (first > 12, second > 12) {
        (true, true) => return Err(DateError::NoSuchDay),
        (true, false) => Some(DayMonthOrder::DayFirst),
        (false, true) => Some(DayMonthOrder::MonthFirst),
        (false, false) => None,
    };
    let value = match evidence {
        Some(order) => {
            DateValue::Known(slashed(first, second, year, order).ok_or(DateError::NoSuchDay)?)
        }
        // 03/03/2024 reads the same both ways.
        None if first == second => DateValue::Known(
            slashed(first, second, year, DayMonthOrder::DayFirst).ok_or(DateError::NoSuchDay)?,
        ),
        None => {
            // Refuse now what neither reading makes a day of (00/05/2024).
            let day_first = slashed(first, second, year, DayMonthOrder::DayFirst);
            let month_first = slashed(first, second, year, DayMonthOrder::MonthFirst);
            match (day_first, month_first) {
                (Some(_), Some(_)) => DateValue::DayOrMonth {
                    first,
                    second,
                    year,
                },
                (Some(d), None) | (None, Some(d)) => DateValue::Known(d),
                (None, None) => return Err(DateError::NoSuchDay),
            }
        }
    };
    Ok(ParsedDate { value, evidence })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn known(text: &str) -> Date {
        match parse_date(text, None).unwrap().value {
            DateValue::Known(d) => d,
            other => panic!("{text}: {other:?}"),
        }
    }

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn year_first_layouts() {
        assert_eq!(known("2024-03-05"), d(2024, 3, 5));
        assert_eq!(known(" 2024-3-5 "), d(2024, 3, 5));
        assert_eq!(known("2024/03/05"), d(2024, 3, 5));
        assert_eq!(known("2024.03.05"), d(2024, 3, 5));
        assert_eq!(known("2024-03"), d(2024, 3, 1));
    }

    #[test]
    fn timestamps_use_the_date_as_written() {
        assert_eq!(known("2024-03-05T23:30:00+02:00"), d(2024, 3, 5));
        assert_eq!(known("2024-03-31T23:30:00-05:00"), d(2024, 3, 31));
        assert_eq!(known("2024-03-05T01:00:00Z"), d(2024, 3, 5));
        assert_eq!(known("2024-03-05 23:30:00"), d(2024, 3, 5));
        assert_eq!(known("2024-03-05T23:30:00.123456Z"), d(2024, 3, 5));
        assert_eq!(known("05.03.2024 10:00"), d(2024, 3, 5));
    }

    #[test]
    fn dotted_dates_are_day_first() {
        assert_eq!(known("05.03.2024"), d(2024, 3, 5));
        assert_eq!(known("5.3.2024"), d(2024, 3, 5));
        assert_eq!(parse_date("31.02.2024", None), Err(DateError::NoSuchDay));
    }

    #[test]
    fn slashed_dates_tell_their_order_when_they_can() {
        let p = parse_date("25/03/2024", None).unwrap();
        assert_eq!(p.value, DateValue::Known(d(2024, 3, 25)));
        assert_eq!(p.evidence, Some(DayMonthOrder::DayFirst));
        let p = parse_date("03/25/2024", None).unwrap();
        assert_eq!(p.value, DateValue::Known(d(2024, 3, 25)));
        assert_eq!(p.evidence, Some(DayMonthOrder::MonthFirst));
        let p = parse_date("05/03/2024", None).unwrap();
        assert_eq!(
            p.value,
            DateValue::DayOrMonth {
                first: 5,
                second: 3,
                year: 2024
            }
        );
        assert_eq!(
            p.value.resolve(DayMonthOrder::DayFirst),
            Some(d(2024, 3, 5))
        );
        assert_eq!(
            p.value.resolve(DayMonthOrder::MonthFirst),
            Some(d(2024, 5, 3))
        );
        assert_eq!(known("03/03/2024"), d(2024, 3, 3));
        assert_eq!(known("12-25-2024"), d(2024, 12, 25));
    }

    #[test]
    fn forced_order_decides() {
        let p = parse_date("05/03/2024", Some(DayMonthOrder::MonthFirst)).unwrap();
        assert_eq!(p.value, DateValue::Known(d(2024, 5, 3)));
        assert_eq!(
            parse_date("25/03/2024", Some(DayMonthOrder::MonthFirst)),
            Err(DateError::NoSuchDay)
        );
    }

    #[test]
    fn column_verdicts() {
        let mut ev = DateEvidence::default();
        ev.add(&parse_date("05/03/2024", None).unwrap());
        assert_eq!(ev.verdict(None), OrderVerdict::Ambiguous);
        assert_eq!(
            ev.verdict(Some(DayMonthOrder::DayFirst)),
            OrderVerdict::Settled(Some(DayMonthOrder::DayFirst))
        );
        ev.add(&parse_date("25/03/2024", None).unwrap());
        assert_eq!(
            ev.verdict(None),
            OrderVerdict::Settled(Some(DayMonthOrder::DayFirst))
        );
        ev.add(&parse_date("03/25/2024", None).unwrap());
        assert_eq!(ev.verdict(None), OrderVerdict::Mixed);
        assert_eq!(
            DateEvidence::default().verdict(None),
            OrderVerdict::Settled(None)
        );
    }

    #[test]
    fn refusals() {
        assert_eq!(parse_date("", None), Err(DateError::Empty));
        assert_eq!(parse_date("yesterday", None), Err(DateError::NotADate));
        assert_eq!(parse_date("2024-02-30", None), Err(DateError::NoSuchDay));
        assert_eq!(parse_date("2024-13", None), Err(DateError::NoSuchDay));
        assert_eq!(parse_date("13/13/2024", None), Err(DateError::NoSuchDay));
        assert_eq!(parse_date("00/05/2024", None), Err(DateError::NoSuchDay));
        assert_eq!(parse_date("5/3/24", None), Err(DateError::NotADate));
        assert_eq!(parse_date("2024-03-05x", None), Err(DateError::NotADate));
        assert_eq!(parse_date("20240305", None), Err(DateError::NotADate));
        assert_eq!(parse_date("0999-01-01", None), Err(DateError::NoSuchDay));
        assert_eq!(parse_date("2024-03-05T", None), Err(DateError::NotADate));
    }

    proptest! {
        #[test]
        fn the_iso_fast_path_agrees_with_the_general_one(text in "[0-9]{4}-[0-9]{2}-[0-9]{2}") {
            // A leading space is trimmed by, and only by, the general path.
            prop_assert_eq!(parse_date(&text, None), parse_date(&format!(" {text}"), None));
        }

        #[test]
        fn never_panics(text in ".*") {
            let _ = parse_date(&text, None);
            let _ = parse_date(&text, Some(DayMonthOrder::MonthFirst));
        }

        #[test]
        fn never_panics_on_date_like_text(text in "[0-9./T: +-]{0,24}") {
            let _ = parse_date(&text, None);
            let _ = parse_date(&text, Some(DayMonthOrder::DayFirst));
        }

        #[test]
        fn iso_dates_round_trip(days in -300_000i64..2_900_000) {
            let date = Date::from_days(days).unwrap();
            prop_assert_eq!(known(&date.to_string()), date);
            let us = format!("{}/{}/{}", date.month(), date.day(), date.year());
            let p = parse_date(&us, Some(DayMonthOrder::MonthFirst)).unwrap();
            prop_assert_eq!(p.value, DateValue::Known(date));
        }
    }
}
