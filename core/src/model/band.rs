//! The uncertainty band around a projected survival curve, by the Laplace approximation: the
//! parameters, in the log (or logit) coordinates they were fitted in, are taken as normal with
//! the inverse Hessian as covariance; curves are drawn from that and pointwise percentiles taken.
//!
//! It shows parameter uncertainty only (what the fitted data leave undecided), not the binomial
//! noise of future counts. Cost: `replicates × (horizon + 1)` curve points plus a sort per period;
//! 1000 replicates over 24 periods take well under a millisecond natively for sBG, a few for BdW
//! (see `examples/bench_fit.rs`). A bootstrap (refit per replicate) would cost 1000 fits instead.

use super::fit::cholesky;
use super::rng::SplitMix64;
use super::{ModelFit, Params, MAX_HORIZON};

/// Upper bound on `replicates × (horizon + 1)`: 2 million points is 16 MB, the most a browser tab
/// should spend on a band.
pub const MAX_BAND_POINTS: usize = 2_000_000;

/// How the band is drawn. `Default` is 1000 replicates, 95 %, a fixed seed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BandOptions {
    /// Parameter draws; more is smoother and slower, linearly.
    pub replicates: usize,
    /// Central coverage, e.g. 0.95 for the 2.5–97.5 percentiles.
    pub level: f64,
    /// Seed of the generator: the same seed draws the same band.
    pub seed: u64,
}

impl Default for BandOptions {
    fn default() -> Self {
        BandOptions {
            replicates: 1000,
            level: 0.95,
            seed: 0x2545_F491_4F6C_DD1D,
        }
    }
}

/// Why no band was drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BandProblem {
    /// The fit has no usable curvature (estimate on a bound, flat likelihood, zero churn).
    NoCovariance,
    /// Fewer than 10 replicates cannot place a percentile.
    TooFewReplicates,
    /// `replicates × (horizon + 1)` above [`MAX_BAND_POINTS`].
    TooMuchWork,
    /// `level` outside (0, 1).
    LevelOutOfRange,
}

/// Pointwise lower and upper survival for t = 0..=horizon.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub lower: Vec<f64>,
    pub upper: Vec<f64>,
}

/// Draws the band of `fit.survival(horizon)`. See the module documentation for the method.
pub fn band(fit: &ModelFit, horizon: usize, options: BandOptions) -> Result<Band, BandProblem> {
    // The same cap as the curve itself, so band and curve always have the same length.
    let horizon = horizon.min(MAX_HORIZON);
    if !(options.level > 0.0 && options.level < 1.0) {
        return Err(BandProblem::LevelOutOfRange);
    }
    if options.replicates < 10 {
        return Err(BandProblem::TooFewReplicates);
    }
    let points = horizon
        .checked_add(1)
        .and_then(|h| h.checked_mul(options.replicates));
    if points.is_none_or(|p| p > MAX_BAND_POINTS) {
        return Err(BandProblem::TooMuchWork);
    }
    let dim = fit.parameters;
    let covariance = fit.covariance.ok_or(BandProblem::NoCovariance)?;
    let l = cholesky(&covariance, dim).ok_or(BandProblem::NoCovariance)?;
    let centre = fit.params.internal();
    let mut rng = SplitMix64::new(options.seed);
    // by_period[t] holds every replicate's S(t).
    let mut by_period: Vec<Vec<f64>> = vec![Vec::with_capacity(options.replicates); horizon + 1];
    for _ in 0..options.replicates {
        let z = [rng.normal(), rng.normal(), rng.normal()];
        let mut x = centre;
        for i in 0..dim.min(3) {
            x[i] += (0..=i).map(|k| l[i][k] * z[k]).sum::<f64>();
        }
        let curve = Params::from_internal(fit.kind(), &x).survival(horizon);
        for (column, s) in by_period.iter_mut().zip(curve) {
            column.push(if s.is_finite() {
                s.clamp(0.0, 1.0)
            } else {
                0.0
            });
        }
    }
    let tail = (1.0 - options.level) / 2.0;
    let mut lower = Vec::with_capacity(horizon + 1);
    let mut upper = Vec::with_capacity(horizon + 1);
    for column in &mut by_period {
        column.sort_by(f64::total_cmp);
        lower.push(percentile(column, tail));
        upper.push(percentile(column, 1.0 - tail));
    }
    Ok(Band { lower, upper })
}

/// Linear interpolation between order statistics (the "type 7" rule of R and NumPy).
fn percentile(sorted: &[f64], q: f64) -> f64 {
    let Some(last) = sorted.len().checked_sub(1) else {
        return 0.0;
    };
    let position = q.clamp(0.0, 1.0) * last as f64;
    let below = position.floor() as usize;
    let weight = position - below as f64;
    let at = |i: usize| sorted.get(i.min(last)).copied().unwrap_or(0.0);
    at(below) + weight * (at(below + 1) - at(below))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentile_interpolates() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(percentile(&v, 0.5), 3.0);
        assert_eq!(percentile(&v, 0.125), 1.5);
        assert_eq!(percentile(&v, 1.0), 5.0);
        assert_eq!(percentile(&[], 0.5), 0.0);
    }
}
