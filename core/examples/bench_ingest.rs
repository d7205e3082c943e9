//! Times the streaming activity reader on a file, as the browser will run it: 64 KiB chunks
//! pushed into `ActivityReader`, then the triangle and the figures built from it.
//!
//! Usage: `cargo run --release --example bench_ingest -- <activity.csv>`
//! Prints `core_ingest bytes=… rows=… seconds=… mb_per_s=…` and the peak resident memory.

use retention_core::ingest::{ActivityReader, ReadOptions};
use std::fs::File;
use std::io::Read;
use std::time::Instant;

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: bench_ingest <activity.csv>");
    let mut file = File::open(&path).expect("open the file");
    let mut chunk = vec![0u8; 64 * 1024];
    let started = Instant::now();
    let mut reader = ActivityReader::new(ReadOptions::default());
    loop {
        let n = file.read(&mut chunk).expect("read the file");
        if n == 0 {
            break;
        }
        if let Err(e) = reader.feed(&chunk[..n]) {
            eprintln!("refused: {e}");
            std::process::exit(1);
        }
    }
    let bytes = reader.bytes_consumed();
    let fed = started.elapsed().as_secs_f64();
    let data = match reader.finish() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("refused: {e}");
            std::process::exit(1);
        }
    };
    let finished = started.elapsed().as_secs_f64();
    let triangle = data.triangle();
    let built = started.elapsed().as_secs_f64();
    let curve = triangle.average_curve();
    let nrr = triangle.nrr().ok();
    let grr = triangle.grr().ok();
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "core_ingest bytes={bytes} rows={} seconds={seconds:.3} mb_per_s={:.1}",
        data.stats.used,
        bytes as f64 / 1e6 / seconds
    );
    println!(
        "core_ingest_split feed_s={fed:.3} finish_s={:.3} triangle_s={:.3}",
        finished - fed,
        built - finished
    );
    println!(
        "customers={} cohorts={} periods={} pairs={} skipped={} peak_rss_mib={:.1}",
        data.customers,
        triangle.cohorts.len(),
        data.periods,
        data.active_pairs(),
        data.stats.skipped,
        peak_rss_kib().unwrap_or(0) as f64 / 1024.0
    );
    let at = |k: usize| {
        curve
            .iter()
            .find(|p| p.k == k)
            .map_or(f64::NAN, |p| p.value)
    };
    println!(
        "average retention k=1 {:.3} k=6 {:.3} k=12 {:.3}; overall NRR k=12 {:.3} GRR k=12 {:.3}",
        at(1),
        at(6),
        at(12),
        nrr.as_ref()
            .and_then(|r| r.overall.iter().find(|p| p.k == 12))
            .map_or(f64::NAN, |p| p.value),
        grr.as_ref()
            .and_then(|r| r.overall.iter().find(|p| p.k == 12))
            .map_or(f64::NAN, |p| p.value),
    );
}
