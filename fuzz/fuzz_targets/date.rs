//! Date and period-label parsing: no panic, and every date returned is a real day.
#![no_main]

use libfuzzer_sys::fuzz_target;
use retention_core::calendar::{Date, Granularity};
use retention_core::ingest::date::{parse_date, DateValue, DayMonthOrder};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for order in [
        None,
        Some(DayMonthOrder::DayFirst),
        Some(DayMonthOrder::MonthFirst),
    ] {
        if let Ok(p) = parse_date(text, order) {
            if let DateValue::Known(d) = p.value {
                assert_eq!(Date::new(d.year(), d.month(), d.day()), Some(d));
                for g in Granularity::ALL {
                    let label = g.label(g.period_of(d));
                    assert_eq!(Granularity::parse_label(&label), Some((g, g.period_of(d))));
                }
            }
        }
    }
    let _ = Granularity::parse_label(text);
});
