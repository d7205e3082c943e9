//! The whole-text entry point with options picked from the first byte: shape detection, every
//! shape reader, and every figure computed from what it returns.
#![no_main]

use libfuzzer_sys::fuzz_target;
use retention_core::calendar::Granularity;
use retention_core::export::{triangle_csv, Figure};
use retention_core::ingest::{read, Content, DayMonthOrder, DecimalStyle, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let options = ReadOptions {
        date_order: [
            None,
            Some(DayMonthOrder::DayFirst),
            Some(DayMonthOrder::MonthFirst),
        ][usize::from(pick % 3)],
        decimal: [None, Some(DecimalStyle::Point), Some(DecimalStyle::Comma)]
            [usize::from(pick / 3 % 3)],
        granularity: Granularity::ALL[usize::from(pick / 9 % 3)],
        last_period_complete: pick & 0x80 != 0,
        ..ReadOptions::default()
    };
    if let Ok(got) = read(text, &options) {
        if let Some(t) = got.triangle() {
            let _ = (t.retention(), t.unbounded_retention(), t.average_curve());
            let _ = (t.nrr(), t.grr(), t.survival(), t.average_unbounded_curve());
            let _ = triangle_csv(&t, Figure::Retention, true, &|v: f64| v.to_string());
        }
        if let Content::Activity(a) = &got.content {
            let _ = a.calendar_periods();
        }
    }
});
