//! What the per-shape fuzz targets share: a reader forced to one shape on arbitrary text, and the
//! same text under a header that names the shape's columns, so the fuzzer reaches the row parsing
//! quickly; every figure of a triangle that comes out is computed too.

use retention_core::ingest::{read, ReadOptions, Shape};

pub fn forced_shape(data: &[u8], shape: Shape, header: &str) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let forced = ReadOptions {
        shape: Some(shape),
        ..ReadOptions::default()
    };
    let _ = read(text, &forced);
    if let Ok(got) = read(&format!("{header}\n{text}"), &ReadOptions::default()) {
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
}
