//! Model choice by the Bayesian information criterion: the richer model must buy its extra
//! parameters with likelihood, ln n per parameter.

use super::{FitStatus, ModelFit, ModelKind};

/// BIC = k ln n − 2 LL, n = customers at period 0 of the cohorts used. Lower is better.
pub fn bic(parameters: usize, customers: f64, log_likelihood: f64) -> f64 {
    parameters as f64 * customers.max(1.0).ln() - 2.0 * log_likelihood
}

/// The fit with the lowest finite BIC among those that converged (a fit on its bound is a true
/// maximum within the range searched, so it competes too). Ties go to the earlier, simpler model.
pub(crate) fn choose<'a>(fits: impl IntoIterator<Item = &'a ModelFit>) -> Option<ModelKind> {
    let mut best: Option<&ModelFit> = None;
    for fit in fits {
        if fit.status == FitStatus::NotConverged || !fit.bic.is_finite() {
            continue;
        }
        if best.is_none_or(|b| fit.bic < b.bic) {
            best = Some(fit);
        }
    }
    best.map(ModelFit::kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bic_by_hand() {
        // 2 ln 1000 + 2 · 1611.2 = 13.8155… + 3222.4.
        assert!((bic(2, 1000.0, -1611.2) - (2.0 * 1000f64.ln() + 3222.4)).abs() < 1e-9);
    }
}
