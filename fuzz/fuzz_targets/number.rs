//! Number parsing in every decimal style: no panic, finite values only.
#![no_main]

use libfuzzer_sys::fuzz_target;
use retention_core::ingest::number::{parse_number, DecimalStyle};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for style in [None, Some(DecimalStyle::Point), Some(DecimalStyle::Comma)] {
        if let Ok(p) = parse_number(text, style) {
            assert!(p.value.is_finite());
            let _ = p.resolve(DecimalStyle::Comma);
        }
    }
});
