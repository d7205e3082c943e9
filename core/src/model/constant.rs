//! Constant churn: every customer churns each period with the same probability θ (geometric
//! lifetimes). The fallback when the data cannot carry a richer model, and the baseline BIC beats.

use super::data::Summary;
use super::{FitStatus, ModelFit, Params};

/// The MLE in closed form: with L lost and E customer-periods at risk,
/// LL(θ) = L ln θ + (E − L) ln(1 − θ), the right-censored survivors contributing their
/// T ln(1 − θ) through E; so θ̂ = L / E.
pub(crate) fn fit(summary: &Summary) -> ModelFit {
    let lost = summary.total_lost();
    let exposure = summary.exposure;
    let churn = if exposure > 0.0 {
        (lost / exposure).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let log_likelihood = log_likelihood(churn, summary);
    // Fisher information in logit(θ) is E θ (1 − θ); at θ̂ = 0 or 1 it vanishes and no band can be
    // drawn from it.
    let information = exposure * churn * (1.0 - churn);
    let covariance = (information > 0.0 && information.is_finite()).then(|| {
        let mut m = [[0.0; 3]; 3];
        m[0][0] = 1.0 / information;
        m
    });
    ModelFit::new(
        Params::Constant { churn },
        log_likelihood,
        FitStatus::Converged,
        0,
        covariance,
        summary.customers,
    )
}

/// LL(θ) with 0 · ln 0 = 0, so that θ = 0 with no loss (or θ = 1 with no survivor) is finite.
pub(crate) fn log_likelihood(churn: f64, summary: &Summary) -> f64 {
    let lost = summary.total_lost();
    let kept = summary.exposure - lost;
    let term = |count: f64, p: f64| if count > 0.0 { count * p.ln() } else { 0.0 };
    term(lost, churn) + term(kept, 1.0 - churn)
}

/// ln S(t) = t ln(1 − θ) for t = 0..=horizon.
pub(crate) fn ln_survival(churn: f64, horizon: usize) -> Vec<f64> {
    let ln_r = (1.0 - churn).ln();
    (0..=horizon)
        .map(|t| if t == 0 { 0.0 } else { t as f64 * ln_r })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::data::summarise;
    use super::*;

    #[test]
    fn churn_is_lost_over_customer_periods_at_risk() {
        // 100 → 80 → 70: 30 lost over 100 + 80 = 180 customer-periods at risk.
        let (s, _) = summarise(&[vec![100, 80, 70]]);
        let fit = fit(&s.unwrap());
        let Params::Constant { churn } = fit.params else {
            panic!("{:?}", fit.params)
        };
        assert!((churn - 30.0 / 180.0).abs() < 1e-15);
        // LL = 30 ln(1/6) + 150 ln(5/6), by hand.
        let expected = 30.0 * (1.0f64 / 6.0).ln() + 150.0 * (5.0f64 / 6.0).ln();
        assert!((fit.log_likelihood - expected).abs() < 1e-10);
        assert_eq!(fit.parameters, 1);
    }

    #[test]
    fn no_churn_is_a_finite_zero_churn_fit_without_band() {
        let (s, _) = summarise(&[vec![10, 10, 10]]);
        let fit = fit(&s.unwrap());
        assert_eq!(fit.params, Params::Constant { churn: 0.0 });
        assert_eq!(fit.log_likelihood, 0.0);
        assert!(fit.covariance.is_none());
    }
}
