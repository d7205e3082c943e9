//! The period table reader: forced shape on arbitrary text, and the same text under a header
//! that names its columns, so the fuzzer reaches the row parsing quickly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use retention_core::ingest::{read, ReadOptions, Shape};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let forced = ReadOptions {
        shape: Some(Shape::PeriodTable),
        ..ReadOptions::default()
    };
    let _ = read(text, &forced);
    if let Ok(got) = read(
        &format!("period,start,new,end,lost,revenue\n{text}"),
        &ReadOptions::default(),
    ) {
        if let Some(t) = got.triangle() {
            let _ = (
                t.retention(),
                t.average_curve(),
                t.nrr(),
                t.grr(),
                t.survival(),
            );
        }
    }
});
