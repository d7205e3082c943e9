//! Median time of one fit (and one band) on the Fader & Hardie (2007) "regular" data.
//!
//! Run natively: `cargo run --release --example bench_fit` (the workspace release profile is
//! tuned for wasm size, `opt-level = "z"`; add `CARGO_PROFILE_RELEASE_OPT_LEVEL=3` for speed).
//! Prints one `name median_us=… ` line per measurement. `_8` is the paper's fit on the first 8
//! counts (periods 0..7), `_12` uses all 13 counts (periods 0..12); bands are 1000 replicates.
//! Compare with `bench/sbg_scipy.py`, which fits the same likelihood with SciPy.

use retention_core::model::{fit_bdw, fit_models, fit_sbg, BandOptions};
use std::hint::black_box;
use std::time::Instant;

const REGULAR: [u64; 13] = [
    1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173,
];

/// Median wall time of `f` in microseconds over `repetitions` runs, after a short warm-up.
fn median_us(repetitions: usize, mut f: impl FnMut()) -> f64 {
    for _ in 0..repetitions / 10 + 1 {
        f();
    }
    let mut times: Vec<f64> = (0..repetitions)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times.get(times.len() / 2).copied().unwrap_or(f64::NAN)
}

fn main() {
    let data8 = [REGULAR[..8].to_vec()];
    let data12 = [REGULAR.to_vec()];
    let line = |name: &str, us: f64, extra: String| println!("{name} median_us={us:.1}{extra}");

    for (name, data) in [("sbg_fit_8", &data8), ("sbg_fit_12", &data12)] {
        let fit = fit_sbg(data).ok();
        let us = median_us(5000, || {
            black_box(fit_sbg(black_box(data)).ok());
        });
        let extra = fit
            .map(|f| {
                format!(
                    " params={:?} ll={:.4} status={:?} evals={}",
                    f.params, f.log_likelihood, f.status, f.evaluations
                )
            })
            .unwrap_or_default();
        line(name, us, extra);
    }
    for (name, data) in [("bdw_fit_8", &data8), ("bdw_fit_12", &data12)] {
        let fit = fit_bdw(data).ok();
        let us = median_us(1000, || {
            black_box(fit_bdw(black_box(data)).ok());
        });
        let extra = fit
            .map(|f| {
                format!(
                    " params={:?} ll={:.4} status={:?} evals={}",
                    f.params, f.log_likelihood, f.status, f.evaluations
                )
            })
            .unwrap_or_default();
        line(name, us, extra);
    }
    let us = median_us(1000, || {
        black_box(fit_models(black_box(&data12)));
    });
    line("fit_models_12", us, String::new());

    let options = BandOptions::default();
    let sbg = fit_sbg(&data8).ok();
    let bdw = fit_bdw(&data12).ok();
    for (name, fit, horizon) in [
        ("sbg_band_8_h24", &sbg, 24),
        ("sbg_band_8_h12", &sbg, 12),
        ("bdw_band_12_h24", &bdw, 24),
    ] {
        let Some(fit) = fit else { continue };
        let us = median_us(200, || {
            black_box(fit.band(black_box(horizon), options).ok());
        });
        line(name, us, format!(" replicates={}", options.replicates));
    }
}
