//! The cohort wide reader under fuzzing (see `forced_shape`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use retention_core::ingest::Shape;

fuzz_target!(|data: &[u8]| {
    retention_core_fuzz::forced_shape(data, Shape::CohortWide, "cohort,size,0,1,2,3");
});
