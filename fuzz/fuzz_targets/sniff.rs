//! Delimiter sniffing and shape detection on arbitrary bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use retention_core::ingest::records::split_all;
use retention_core::ingest::sniff::{sniff_delimiter, CANDIDATES};
use retention_core::ingest::{detect_shape, header};

fuzz_target!(|data: &[u8]| {
    let complete = data.first().is_some_and(|b| b & 1 == 1);
    let d = sniff_delimiter(data, complete);
    assert!(CANDIDATES.contains(&d));
    if let Ok(records) = split_all(data, d) {
        if let Some(first) = records.iter().find(|r| !r.blank) {
            let _ = detect_shape(&first.fields, &[]);
            for name in &first.fields {
                let _ = header::normalize(name);
                let _ = header::period_column_index(name);
            }
        }
    }
});
