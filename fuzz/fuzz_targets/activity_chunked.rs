//! The streaming activity reader: arbitrary bytes cut into chunks of a fuzzed size must give
//! exactly what one chunk gives (or the same refusal), and never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use retention_core::ingest::{ActivityReader, ReadOptions};

fn run(data: &[u8], chunk: usize) -> (Result<(), String>, Option<String>) {
    let mut reader = ActivityReader::new(ReadOptions::default());
    let mut fed = Ok(());
    for piece in data.chunks(chunk.max(1)) {
        if let Err(e) = reader.feed(piece) {
            fed = Err(format!("{e:?}"));
            break;
        }
    }
    let done = match reader.finish() {
        Ok(a) => {
            let t = a.triangle();
            let _ = (
                t.average_curve(),
                t.nrr(),
                t.grr(),
                t.survival(),
                a.calendar_periods(),
            );
            Some(format!("{:?}|{:?}|{:?}", t, a.stats, a.calendar_periods()))
        }
        Err(e) => Some(format!("err {e:?}")),
    };
    (fed.map(|_| ()), done)
}

fuzz_target!(|data: &[u8]| {
    let Some((&size, rest)) = data.split_first() else {
        return;
    };
    // Prefix a header half the time so rows get parsed, not only refused.
    let mut input = Vec::new();
    if size & 0x80 != 0 {
        input.extend_from_slice(b"customer_id,date,amount\n");
    }
    input.extend_from_slice(rest);
    let whole = run(&input, input.len());
    let chunked = run(&input, usize::from(size & 0x3f) + 1);
    // An early error from `feed` is reported by `finish` too; the final outcome must match.
    assert_eq!(whole.1, chunked.1);
});
