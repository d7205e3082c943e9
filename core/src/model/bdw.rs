//! The beta-discrete-Weibull model (Fader, Hardie, Liu, Davin & Steenburgh 2018): sBG plus
//! duration dependence c. S(t) = B(α, β + t^c) / B(α, β); c = 1 is sBG, c < 1 means a customer's
//! own churn falls with tenure, c > 1 that it rises.

use super::data::Summary;
use super::fit::{maximise, Space, Vector};
use super::special::ln_gamma_diff;
use super::{sbg, ModelFit, Params};

/// Box for ln c: c from 0.007 to 20. Wider values make t^c jump from 1 to astronomically large
/// within two periods, where the data say nothing.
const LN_C_LOWER: f64 = -5.0;
const LN_C_UPPER: f64 = 3.0;

/// ln S(t) = ln B(α, β + t^c) − ln B(α, β) = D(β, α) − D(β + t^c, α), D(y, a) = lnΓ(y+a) − lnΓ(y).
fn ln_s(alpha: f64, beta: f64, c: f64, d0: f64, t: usize) -> f64 {
    if t == 0 {
        return 0.0;
    }
    d0 - ln_gamma_diff(beta + (t as f64).powf(c), alpha)
}

/// LL in internal coordinates x = (ln α, ln β, ln c).
pub(crate) fn log_likelihood_at(x: &Vector, summary: &Summary) -> f64 {
    log_likelihood(x[0].exp(), x[1].exp(), x[2].exp(), summary)
}

/// LL = Σ n_t ln(S(t − 1) − S(t)) + Σ survivors · ln S(T); each P(T = t) is formed as
/// S(t − 1) · (1 − e^(ln S(t) − ln S(t−1))) with `exp_m1`, exact even when the step is tiny.
pub(crate) fn log_likelihood(alpha: f64, beta: f64, c: f64, summary: &Summary) -> f64 {
    let d0 = ln_gamma_diff(beta, alpha);
    let mut previous = 0.0;
    let mut ll = 0.0;
    for (t0, (&lost, &censored)) in summary.lost.iter().zip(&summary.censored).enumerate() {
        let current = ln_s(alpha, beta, c, d0, t0 + 1);
        if lost > 0.0 {
            let step = current - previous;
            // Survival must fall where customers were lost; if rounding says it did not, this
            // point cannot explain the data.
            if step.is_nan() || step >= 0.0 {
                return f64::NEG_INFINITY;
            }
            ll += lost * (previous + (-step.exp_m1()).ln());
        }
        if censored > 0.0 {
            ll += censored * current;
        }
        previous = current;
    }
    ll
}

/// ln S(t) for t = 0..=horizon.
pub(crate) fn ln_survival(alpha: f64, beta: f64, c: f64, horizon: usize) -> Vec<f64> {
    let d0 = ln_gamma_diff(beta, alpha);
    (0..=horizon).map(|t| ln_s(alpha, beta, c, d0, t)).collect()
}

/// Fits (ln α, ln β, ln c) starting from the sBG estimate with c ∈ {½, 1, 2}: the BdW surface
/// is a ridge in (β, c) when periods are few, and starting next to sBG keeps the search on it.
pub(crate) fn fit(summary: &Summary, sbg_fit: &ModelFit) -> ModelFit {
    let ll = |x: &Vector| log_likelihood_at(x, summary);
    let (a, b) = match sbg_fit.params {
        Params::Sbg { alpha, beta } => (alpha.ln(), beta.ln()),
        _ => (0.0, 0.0),
    };
    let clamp = |v: f64| {
        if v.is_finite() {
            v.clamp(-sbg::LN_BOUND + 1.0, sbg::LN_BOUND - 1.0)
        } else {
            0.0
        }
    };
    let starts: Vec<Vector> = [-0.7, 0.0, 0.7]
        .iter()
        .map(|&ln_c| [clamp(a), clamp(b), ln_c])
        .collect();
    let mut best_start: Vec<(Vector, f64)> = starts.iter().map(|x| (*x, ll(x))).collect();
    best_start.sort_by(|p, q| q.1.total_cmp(&p.1));
    let starts: Vec<Vector> = best_start.iter().take(2).map(|(x, _)| *x).collect();
    let space = Space {
        dim: 3,
        lower: [-sbg::LN_BOUND, -sbg::LN_BOUND, LN_C_LOWER],
        upper: [sbg::LN_BOUND, sbg::LN_BOUND, LN_C_UPPER],
    };
    let e = maximise(&space, &ll, &starts);
    ModelFit::new(
        Params::Bdw {
            alpha: e.x[0].exp(),
            beta: e.x[1].exp(),
            c: e.x[2].exp(),
        },
        e.log_likelihood,
        e.status,
        e.evaluations,
        e.covariance,
        summary.customers,
    )
}

#[cfg(test)]
mod tests {
    use super::super::data::summarise;
    use super::*;

    #[test]
    fn at_c_equal_one_it_is_sbg_to_1e_10() {
        let (s, _) = summarise(&[vec![
            1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173,
        ]]);
        let s = s.unwrap();
        for &(alpha, beta) in &[(0.704, 1.182), (0.05, 30.0), (12.0, 0.3), (1.0, 1.0)] {
            let a = log_likelihood(alpha, beta, 1.0, &s);
            let b = sbg::log_likelihood(alpha, beta, &s);
            assert!(((a - b) / b).abs() < 1e-10, "{alpha} {beta}: {a} vs {b}");
            let ca = ln_survival(alpha, beta, 1.0, 60);
            let cb = sbg::ln_survival(alpha, beta, 60);
            for (x, y) in ca.iter().zip(&cb) {
                assert!(
                    (x.exp() - y.exp()).abs() < 1e-10 * y.exp().max(1e-300),
                    "{x} {y}"
                );
            }
        }
    }

    #[test]
    fn survival_falls_faster_with_larger_c() {
        let low = ln_survival(1.0, 2.0, 0.5, 10);
        let high = ln_survival(1.0, 2.0, 2.0, 10);
        assert!(high[10] < low[10]);
        assert_eq!(low[0], 0.0);
    }
}
