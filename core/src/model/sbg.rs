//! The shifted-beta-geometric model (Fader & Hardie 2007): each customer churns with a constant
//! θ, and θ varies across customers as Beta(α, β). Retention rises with tenure because the
//! churn-prone leave first.

use super::data::Summary;
use super::fit::{maximise, Space, Vector};
use super::{ModelFit, Params};

/// Box for (ln α, ln β). e^±12 spans 6e-6 to 1.6e5: beyond it the Beta is a spike, and a
/// maximum on the edge means "no heterogeneity" (constant churn), which the status reports.
pub(crate) const LN_BOUND: f64 = 12.0;

/// LL in internal coordinates x = (ln α, ln β).
pub(crate) fn log_likelihood_at(x: &Vector, summary: &Summary) -> f64 {
    log_likelihood(x[0].exp(), x[1].exp(), summary)
}

/// LL = Σ n_t ln P(T = t) + Σ (survivors at each cohort's last period T) ln S(T), all in logs:
/// P(T = t) = S(t − 1) · α / (α + β + t − 1) and S(t) = S(t − 1) · (β + t − 1)/(α + β + t − 1),
/// so nothing underflows however long the cohort.
pub(crate) fn log_likelihood(alpha: f64, beta: f64, summary: &Summary) -> f64 {
    let ln_alpha = alpha.ln();
    let mut ln_s = 0.0;
    let mut ll = 0.0;
    for (t0, (&lost, &censored)) in summary.lost.iter().zip(&summary.censored).enumerate() {
        // Period t = t0 + 1, so t − 1 = t0.
        let t0 = t0 as f64;
        let ln_den = (alpha + beta + t0).ln();
        if lost > 0.0 {
            ll += lost * (ln_s + ln_alpha - ln_den);
        }
        ln_s += (beta + t0).ln() - ln_den;
        if censored > 0.0 {
            ll += censored * ln_s;
        }
    }
    ll
}

/// ln S(t) for t = 0..=horizon.
pub(crate) fn ln_survival(alpha: f64, beta: f64, horizon: usize) -> Vec<f64> {
    let mut ln_s = 0.0;
    let mut curve = Vec::with_capacity(horizon.saturating_add(1));
    curve.push(0.0);
    for t0 in 0..horizon {
        let t0 = t0 as f64;
        ln_s += (beta + t0).ln() - (alpha + beta + t0).ln();
        curve.push(ln_s);
    }
    curve
}

/// Fits α, β by maximum likelihood in log space: a 5 × 5 grid picks the two best starts, then
/// Nelder–Mead from each (see [`maximise`]). The likelihood is smooth and, in practice, unimodal
/// in (ln α, ln β), but the grid keeps a start from far out on the flat ridge α/β = const.
pub(crate) fn fit(summary: &Summary) -> ModelFit {
    let ll = |x: &Vector| log_likelihood_at(x, summary);
    const GRID: [f64; 5] = [-2.0, -0.5, 1.0, 2.5, 4.0];
    let mut scored: Vec<(Vector, f64)> = GRID
        .iter()
        .flat_map(|&a| GRID.iter().map(move |&b| [a, b, 0.0]))
        .map(|x| (x, ll(&x)))
        .filter(|(_, v)| v.is_finite())
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1));
    let starts: Vec<Vector> = scored.iter().take(2).map(|(x, _)| *x).collect();
    let space = Space {
        dim: 2,
        lower: [-LN_BOUND, -LN_BOUND, 0.0],
        upper: [LN_BOUND, LN_BOUND, 0.0],
    };
    let e = maximise(&space, &ll, &starts);
    ModelFit::new(
        Params::Sbg {
            alpha: e.x[0].exp(),
            beta: e.x[1].exp(),
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
    fn likelihood_matches_the_textbook_recursion() {
        // Independent form: P(1) = α/(α+β), P(t) = (β+t−2)/(α+β+t−1) P(t−1), S(t) = S(t−1) − P(t).
        let counts = [1000u64, 631, 468, 382, 326];
        let (alpha, beta) = (0.7, 1.2);
        let mut p = 0.0;
        let mut s = 1.0;
        let mut expected = 0.0;
        for t in 1..counts.len() {
            let tf = t as f64;
            p = if t == 1 {
                alpha / (alpha + beta)
            } else {
                p * (beta + tf - 2.0) / (alpha + beta + tf - 1.0)
            };
            s -= p;
            expected += (counts[t - 1] - counts[t]) as f64 * p.ln();
        }
        expected += counts[4] as f64 * s.ln();
        let (summary, _) = summarise(&[counts.to_vec()]);
        let got = log_likelihood(alpha, beta, &summary.unwrap());
        assert!(
            (got - expected).abs() < 1e-9 * expected.abs(),
            "{got} vs {expected}"
        );
    }

    #[test]
    fn survival_is_the_product_of_retention_rates() {
        let curve = ln_survival(2.0, 3.0, 2);
        // r1 = 3/5, r2 = 4/6: S(2) = 0.4.
        assert!((curve[1].exp() - 0.6).abs() < 1e-15);
        assert!((curve[2].exp() - 0.4).abs() < 1e-15);
    }
}
