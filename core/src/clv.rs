//! Sums over a customer's whole future: expected lifetime and discounted value, for retention
//! given period by period for a while (a model curve) and constant afterwards.
//!
//! Reached as `whatif::clv`: the what-if is its only user.

/// A sum over an unbounded horizon: a number, or "unbounded" when it diverges (retention 100 %
/// without discounting, or margin growth outrunning churn and discount) or exceeds what `f64`
/// holds. Never infinity or NaN.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Total {
    Finite(f64),
    Unbounded,
}

impl Total {
    pub fn finite(self) -> Option<f64> {
        match self {
            Total::Finite(v) => Some(v),
            Total::Unbounded => None,
        }
    }

    fn checked(v: f64) -> Total {
        if v.is_finite() {
            Total::Finite(v)
        } else {
            Total::Unbounded
        }
    }

    pub(crate) fn scale(self, factor: f64) -> Total {
        match self {
            Total::Finite(v) => Total::checked(v * factor),
            Total::Unbounded => Total::Unbounded,
        }
    }
}

/// Σ_{t ≥ 0} S(t) · ((1 + growth)/(1 + discount))^t with S(t) = r₁ ⋯ r_t, where r_t is
/// `explicit[t − 1]` for the periods given and `tail` for every later one.
///
/// Exact, not truncated: the explicit periods are summed term by term and the constant tail in
/// closed form, a geometric series of ratio q = tail · (1 + growth)/(1 + discount), which
/// converges only when q < 1. So `explicit = []`, `tail = r`, no growth gives
/// (1 + d)/(1 + d − r), and with d = 0 the expected lifetime 1/(1 − r).
///
/// Callers pass rates in [0, 1], growth ≥ 0 and discount ≥ 0 (the what-if validates them).
pub fn discounted_survival_sum(explicit: &[f64], tail: f64, growth: f64, discount: f64) -> Total {
    let q = (1.0 + growth) / (1.0 + discount);
    let mut term = 1.0;
    let mut sum = 1.0;
    for r in explicit {
        term *= r * q;
        sum += term;
    }
    if !sum.is_finite() {
        return Total::Unbounded;
    }
    if term == 0.0 {
        return Total::Finite(sum);
    }
    let ratio = tail * q;
    if ratio.is_nan() || ratio >= 1.0 {
        return Total::Unbounded;
    }
    Total::checked(sum + term * ratio / (1.0 - ratio))
}

/// Expected lifetime in periods, Σ_{t ≥ 0} S(t): counting period 0, a customer who churns at the
/// first chance (r = 0) lives one period, and constant r gives 1/(1 − r).
pub fn expected_lifetime(explicit: &[f64], tail: f64) -> Total {
    discounted_survival_sum(explicit, tail, 0.0, 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Brute-force partial sum, independent of the closed-form tail: term t is
    /// S(t) (1 + g)^t / (1 + d)^t, built one factor at a time so neither part overflows.
    fn brute(explicit: &[f64], tail: f64, growth: f64, discount: f64, terms: usize) -> f64 {
        let mut term = 1.0;
        let mut sum = 0.0;
        for t in 0..terms {
            if t > 0 {
                let r = explicit.get(t - 1).copied().unwrap_or(tail);
                term *= r * (1.0 + growth) / (1.0 + discount);
            }
            sum += term;
        }
        sum
    }

    #[test]
    fn constant_retention_closed_forms() {
        assert!((expected_lifetime(&[], 0.9).finite().unwrap() - 10.0).abs() < 1e-12);
        assert!((expected_lifetime(&[], 0.95).finite().unwrap() - 20.0).abs() < 1e-12);
        // (1 + d)/(1 + d − r) = 1.01/0.11.
        let v = discounted_survival_sum(&[], 0.9, 0.0, 0.01)
            .finite()
            .unwrap();
        assert!((v - 1.01 / 0.11).abs() < 1e-12);
        let b = brute(&[], 0.9, 0.0, 0.01, 20_000);
        assert!(((v - b) / b).abs() < 1e-9);
    }

    #[test]
    fn curve_with_growth_matches_a_brute_force_sum() {
        let curve = [0.6, 0.7, 0.8, 0.85, 0.88];
        for &(g, d) in &[(0.0, 0.0), (0.02, 0.01), (0.05, 0.0), (0.0, 0.2)] {
            let v = discounted_survival_sum(&curve, 0.9, g, d).finite().unwrap();
            let b = brute(&curve, 0.9, g, d, 50_000);
            assert!(((v - b) / b).abs() < 1e-9, "{g} {d}: {v} vs {b}");
        }
    }

    #[test]
    fn divergence_is_a_value_not_infinity() {
        assert_eq!(expected_lifetime(&[], 1.0), Total::Unbounded);
        assert_eq!(expected_lifetime(&[0.5, 0.9], 1.0), Total::Unbounded);
        // r (1 + g) = 0.99 · 1.02 ≥ 1 + d = 1.
        assert_eq!(
            discounted_survival_sum(&[], 0.99, 0.02, 0.0),
            Total::Unbounded
        );
        // … but discounting by 5 % brings it back.
        assert!(discounted_survival_sum(&[], 0.99, 0.02, 0.05)
            .finite()
            .is_some());
        // A curve that reaches zero ends the sum even with a tail of 1.
        assert_eq!(expected_lifetime(&[0.5, 0.0], 1.0), Total::Finite(1.5));
        // Overflow of the explicit part is unbounded too.
        assert_eq!(
            discounted_survival_sum(&[1.0; 2000], 0.1, 1.0, 0.0),
            Total::Unbounded
        );
    }
}
