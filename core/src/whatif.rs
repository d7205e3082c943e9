//! What-if projections: the same business with retention raised by an uplift, side by side with
//! the baseline, in customers, revenue, profit, lifetime, customer value and replacement cost.
//! Formulas: `../shared/domain.md`, "The 5 % what-if".
//!
//! Conventions (one place, so the UI labels can say exactly this):
//! - Periods t = 0 … H − 1. Customers present at the start of a period pay for it:
//!   revenue_t = ARPU · N_t, N_0 = starting customers, N_{t+1} = N_t · r_{t+1} + new.
//! - Customers lost over the horizon = Σ_t N_t (1 − r_{t+1}): new customers who leave count too.
//! - Gross profit = gross margin × revenue. Margin growth per period of *tenure* belongs to a
//!   customer, not to the mixed-tenure base, so it enters the CLV only.
//! - Expected lifetime = Σ_{t≥0} S(t) periods (1/(1 − r) for constant r), and
//!   CLV = margin · ARPU · Σ_{t≥0} (1 + g)^t S(t)/(1 + d)^t over an unbounded horizon: see [`clv`].
//! - Percentages (`*_pct`) are in percent (5.0 means 5 %); rates and fractions are fractions.

#[path = "clv.rs"]
pub mod clv;

pub use clv::Total;

use crate::count::MAX_COUNT;

/// Improved retention never reaches 100 %: at 100 % lifetime and value are unbounded, which no
/// uplift can honestly promise.
pub const RETENTION_CAP: f64 = 0.9999;
/// Longest projection, in periods (833 years of months): bounds the output vectors.
pub const MAX_HORIZON: usize = 10_000;
/// Longest retention curve accepted, in periods.
pub const MAX_CURVE: usize = 10_000;
/// Largest amount of money per customer (ARPU, CAC) accepted: a trillion in any currency.
pub const MAX_AMOUNT: f64 = 1e12;
/// Largest uplift, in points or percent.
pub const MAX_UPLIFT: f64 = 100.0;

/// Retention before the uplift.
#[derive(Debug, Clone, PartialEq)]
pub enum Baseline {
    /// The same retention rate r every period.
    Constant(f64),
    /// r₁, r₂, … per period, e.g. [`crate::model::ModelFit::retention`]. The projection uses
    /// r_{t+1} for the whole customer base in period t (new customers included: the base's tenure
    /// mix is not tracked); the CLV uses it by tenure. After the last value, the last value holds.
    Curve(Vec<f64>),
}

/// How the uplift is added to retention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpliftMode {
    /// r + u/100: 5 takes 90 % to 95 %. Equivalently, churn falls by u points every period.
    PercentagePoints,
    /// r · (1 + u/100): 5 takes 90 % to 94.5 %.
    Relative,
}

/// Everything the what-if needs. Amounts in one currency per period.
#[derive(Debug, Clone, PartialEq)]
pub struct WhatIfInput {
    pub baseline: Baseline,
    /// N₀, customers at the start (≥ 0).
    pub starting_customers: f64,
    /// Customers won every period (≥ 0).
    pub new_per_period: f64,
    /// Average revenue per customer per period (> 0).
    pub arpu: f64,
    /// Gross margin, a fraction in [0, 1].
    pub gross_margin: f64,
    /// Discount rate per period, a fraction in [0, 1]; see [`period_rate_from_yearly`].
    pub discount_rate: f64,
    /// Margin growth per period of tenure, a fraction in [0, 1]; 0 for none.
    pub margin_growth: f64,
    /// H, periods projected (1 ..= [`MAX_HORIZON`]).
    pub horizon: usize,
    /// Cost to acquire one customer, to price the lost ones; `None` to skip.
    pub cac: Option<f64>,
    /// The uplift in points or percent (5.0 = "+5"), 0 ..= [`MAX_UPLIFT`].
    pub uplift: f64,
    pub mode: UpliftMode,
}

/// The input fields, named so that an error can point at one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhatIfField {
    Retention,
    /// Entry `index` (0 = r₁) of a retention curve.
    RetentionCurve {
        index: usize,
    },
    StartingCustomers,
    NewPerPeriod,
    Arpu,
    GrossMargin,
    DiscountRate,
    MarginGrowth,
    Horizon,
    Cac,
    Uplift,
}

/// What is wrong with a field's value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum WhatIfProblem {
    /// NaN or infinite.
    NotFinite,
    Negative,
    /// Zero where only a positive value makes sense (ARPU, horizon).
    MustBePositive,
    /// A rate or fraction above 1 (100 %).
    AboveOne,
    /// Above the largest accepted value.
    TooLarge {
        max: f64,
    },
    /// An empty retention curve.
    Empty,
}

/// A problem and the field it belongs to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WhatIfError {
    pub field: WhatIfField,
    pub problem: WhatIfProblem,
}

/// One scenario (baseline or improved) over the horizon.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// r_{t+1} applied in period t, t = 0 … H − 1.
    pub retention: Vec<f64>,
    /// N_t at the start of period t, t = 0 … H − 1.
    pub customers: Vec<f64>,
    /// N_H, after the last period.
    pub customers_at_end: f64,
    /// ARPU · N_t, t = 0 … H − 1.
    pub revenue: Vec<f64>,
    pub cumulative_revenue: f64,
    /// Gross margin × cumulative revenue.
    pub gross_profit: f64,
    /// Σ_t N_t (1 − r_{t+1}) over the horizon.
    pub customers_lost: f64,
    /// customers_lost × CAC, when a CAC was given.
    pub replacement_cost: Option<f64>,
    /// Expected lifetime of one new customer, in periods.
    pub expected_lifetime: Total,
    /// Discounted value of one new customer over an unbounded horizon.
    pub clv: Total,
}

/// Baseline and improved scenarios, and the differences the UI headlines.
#[derive(Debug, Clone, PartialEq)]
pub struct WhatIfOutput {
    pub baseline: Scenario,
    pub improved: Scenario,
    /// True when some improved rate was held at [`RETENTION_CAP`] (or at a baseline above it).
    pub capped: bool,
    /// Improved − baseline cumulative revenue.
    pub revenue_gain: f64,
    /// `revenue_gain` in percent of the baseline; `None` when the baseline revenue is 0.
    pub revenue_gain_pct: Option<f64>,
    pub gross_profit_gain: f64,
    pub gross_profit_gain_pct: Option<f64>,
    /// CLV gain in percent; `None` unless both CLVs are finite and the baseline one positive.
    pub clv_gain_pct: Option<f64>,
    /// Baseline − improved customers lost over the horizon.
    pub customers_saved: f64,
    /// `customers_saved` × CAC, when a CAC was given.
    pub replacement_cost_saved: Option<f64>,
}

/// Converts a yearly rate to the rate per period by compounding: (1 + d_y)^(1/periods) − 1.
/// `periods_per_year` as in [`crate::unit::PeriodUnit::per_year`]. `None` unless d_y > −1 and
/// periods_per_year > 0, both finite.
pub fn period_rate_from_yearly(yearly: f64, periods_per_year: f64) -> Option<f64> {
    let valid = yearly.is_finite()
        && yearly > -1.0
        && periods_per_year.is_finite()
        && periods_per_year > 0.0;
    // exp_m1/ln_1p keep small rates exact: 1 % a year is 0.000829… a month, not 0.00083 ± noise.
    let rate = (yearly.ln_1p() / periods_per_year).exp_m1();
    (valid && rate.is_finite()).then_some(rate)
}

/// Raises one retention rate by the uplift, holding the result at [`RETENTION_CAP`] and never
/// below the baseline. Returns the rate and whether the cap bit.
pub fn improve_rate(rate: f64, uplift: f64, mode: UpliftMode) -> (f64, bool) {
    let target = match mode {
        UpliftMode::PercentagePoints => rate + uplift / 100.0,
        UpliftMode::Relative => rate * (1.0 + uplift / 100.0),
    };
    if target > RETENTION_CAP && target > rate {
        (rate.max(RETENTION_CAP), true)
    } else {
        (target, false)
    }
}

/// Runs the baseline and the improved scenario. Every invalid field is reported, each with its
/// problem; on success every number is finite (unbounded sums are [`Total::Unbounded`]).
///
/// ```
/// use retention_core::whatif::*;
/// let out = project(&WhatIfInput {
///     baseline: Baseline::Constant(0.90),
///     starting_customers: 1000.0,
///     new_per_period: 0.0,
///     arpu: 10.0,
///     gross_margin: 0.8,
///     discount_rate: 0.0,
///     margin_growth: 0.0,
///     horizon: 3,
///     cac: Some(50.0),
///     uplift: 5.0,
///     mode: UpliftMode::PercentagePoints,
/// })
/// .unwrap();
/// assert_eq!(out.baseline.customers, vec![1000.0, 900.0, 810.0]);
/// assert_eq!(out.baseline.cumulative_revenue, 27_100.0);
/// let lifetime = out.improved.expected_lifetime.finite().unwrap();
/// assert!((lifetime - 20.0).abs() < 1e-9); // 95 % retention: 1/(1 − 0.95)
/// ```
pub fn project(input: &WhatIfInput) -> Result<WhatIfOutput, Vec<WhatIfError>> {
    let errors = validate(input);
    if !errors.is_empty() {
        return Err(errors);
    }
    let (base_curve, base_tail): (Vec<f64>, f64) = match &input.baseline {
        Baseline::Constant(r) => (Vec::new(), *r),
        Baseline::Curve(curve) => (curve.clone(), curve.last().copied().unwrap_or(0.0)),
    };
    let mut capped = false;
    let mut raise = |r: f64| {
        let (improved, hit) = improve_rate(r, input.uplift, input.mode);
        capped |= hit;
        improved
    };
    let better_curve: Vec<f64> = base_curve.iter().map(|&r| raise(r)).collect();
    let better_tail = raise(base_tail);
    let baseline = scenario(input, &base_curve, base_tail);
    let improved = scenario(input, &better_curve, better_tail);
    let pct = |gain: f64, base: f64| {
        let p = gain / base * 100.0;
        (base > 0.0 && p.is_finite()).then_some(p)
    };
    let revenue_gain = improved.cumulative_revenue - baseline.cumulative_revenue;
    let gross_profit_gain = improved.gross_profit - baseline.gross_profit;
    let clv_gain_pct = match (baseline.clv, improved.clv) {
        (Total::Finite(b), Total::Finite(i)) => pct(i - b, b),
        _ => None,
    };
    let customers_saved = baseline.customers_lost - improved.customers_lost;
    Ok(WhatIfOutput {
        revenue_gain_pct: pct(revenue_gain, baseline.cumulative_revenue),
        gross_profit_gain_pct: pct(gross_profit_gain, baseline.gross_profit),
        replacement_cost_saved: input.cac.map(|cac| customers_saved * cac),
        revenue_gain,
        gross_profit_gain,
        clv_gain_pct,
        customers_saved,
        baseline,
        improved,
        capped,
    })
}

/// One scenario from its retention (curve, then `tail` for ever).
fn scenario(input: &WhatIfInput, curve: &[f64], tail: f64) -> Scenario {
    let horizon = input.horizon;
    let retention: Vec<f64> = (0..horizon)
        .map(|t| curve.get(t).copied().unwrap_or(tail))
        .collect();
    let mut customers = Vec::with_capacity(horizon);
    let mut n = input.starting_customers;
    let mut lost = 0.0;
    for r in &retention {
        customers.push(n);
        lost += n * (1.0 - r);
        n = n * r + input.new_per_period;
    }
    let revenue: Vec<f64> = customers.iter().map(|c| c * input.arpu).collect();
    let cumulative_revenue: f64 = revenue.iter().sum();
    let per_period_margin = input.gross_margin * input.arpu;
    Scenario {
        retention,
        customers,
        customers_at_end: n,
        cumulative_revenue,
        gross_profit: input.gross_margin * cumulative_revenue,
        customers_lost: lost,
        replacement_cost: input.cac.map(|cac| lost * cac),
        expected_lifetime: clv::expected_lifetime(curve, tail),
        clv: clv::discounted_survival_sum(curve, tail, input.margin_growth, input.discount_rate)
            .scale(per_period_margin),
        revenue,
    }
}

/// Every problem of the input, in field order.
pub fn validate(input: &WhatIfInput) -> Vec<WhatIfError> {
    let mut errors = Vec::new();
    let mut check = |field: WhatIfField, problem: Option<WhatIfProblem>| {
        if let Some(problem) = problem {
            errors.push(WhatIfError { field, problem });
        }
    };
    match &input.baseline {
        Baseline::Constant(r) => check(WhatIfField::Retention, fraction(*r)),
        Baseline::Curve(curve) => {
            if curve.is_empty() {
                check(WhatIfField::Retention, Some(WhatIfProblem::Empty));
            } else if curve.len() > MAX_CURVE {
                check(
                    WhatIfField::Retention,
                    Some(WhatIfProblem::TooLarge {
                        max: MAX_CURVE as f64,
                    }),
                );
            } else {
                for (index, r) in curve.iter().enumerate() {
                    check(WhatIfField::RetentionCurve { index }, fraction(*r));
                }
            }
        }
    }
    let customers = MAX_COUNT as f64;
    check(
        WhatIfField::StartingCustomers,
        amount(input.starting_customers, customers),
    );
    check(
        WhatIfField::NewPerPeriod,
        amount(input.new_per_period, customers),
    );
    check(
        WhatIfField::Arpu,
        amount(input.arpu, MAX_AMOUNT)
            .or((input.arpu == 0.0).then_some(WhatIfProblem::MustBePositive)),
    );
    check(WhatIfField::GrossMargin, fraction(input.gross_margin));
    check(WhatIfField::DiscountRate, fraction(input.discount_rate));
    check(WhatIfField::MarginGrowth, fraction(input.margin_growth));
    check(
        WhatIfField::Horizon,
        if input.horizon == 0 {
            Some(WhatIfProblem::MustBePositive)
        } else if input.horizon > MAX_HORIZON {
            Some(WhatIfProblem::TooLarge {
                max: MAX_HORIZON as f64,
            })
        } else {
            None
        },
    );
    if let Some(cac) = input.cac {
        check(WhatIfField::Cac, amount(cac, MAX_AMOUNT));
    }
    check(WhatIfField::Uplift, amount(input.uplift, MAX_UPLIFT));
    errors
}

/// A non-negative finite number up to `max`.
fn amount(v: f64, max: f64) -> Option<WhatIfProblem> {
    if !v.is_finite() {
        Some(WhatIfProblem::NotFinite)
    } else if v < 0.0 {
        Some(WhatIfProblem::Negative)
    } else if v > max {
        Some(WhatIfProblem::TooLarge { max })
    } else {
        None
    }
}

/// A fraction in [0, 1].
fn fraction(v: f64) -> Option<WhatIfProblem> {
    if !v.is_finite() {
        Some(WhatIfProblem::NotFinite)
    } else if v < 0.0 {
        Some(WhatIfProblem::Negative)
    } else if v > 1.0 {
        Some(WhatIfProblem::AboveOne)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn input(r: f64) -> WhatIfInput {
        WhatIfInput {
            baseline: Baseline::Constant(r),
            starting_customers: 1000.0,
            new_per_period: 0.0,
            arpu: 10.0,
            gross_margin: 1.0,
            discount_rate: 0.0,
            margin_growth: 0.0,
            horizon: 3,
            cac: None,
            uplift: 5.0,
            mode: UpliftMode::PercentagePoints,
        }
    }

    fn close(a: f64, b: f64, rel: f64) -> bool {
        (a - b).abs() <= rel * b.abs().max(1e-300)
    }

    #[test]
    fn hand_example_without_new_customers() {
        // r = 0.9, N0 = 1000, H = 3, ARPU = 10: customers 1000, 900, 810 (each 0.9 × the last);
        // revenue 10 000 + 9 000 + 8 100 = 27 100; lost 100 + 90 + 81 = 271; 729 left.
        let out = project(&input(0.9)).unwrap();
        let b = &out.baseline;
        assert_eq!(b.customers, vec![1000.0, 900.0, 810.0]);
        assert_eq!(b.revenue, vec![10_000.0, 9_000.0, 8_100.0]);
        assert_eq!(b.cumulative_revenue, 27_100.0);
        assert!(close(b.customers_lost, 271.0, 1e-12));
        assert!(close(b.customers_at_end, 729.0, 1e-12));
        // Improved 0.95: 1000, 950, 902.5 → revenue 28 525, gain 1 425 = 5.2583… % of 27 100.
        let i = &out.improved;
        assert!(close(i.cumulative_revenue, 28_525.0, 1e-12));
        assert!(close(out.revenue_gain, 1_425.0, 1e-9));
        assert!(close(
            out.revenue_gain_pct.unwrap(),
            1_425.0 / 27_100.0 * 100.0,
            1e-9
        ));
        // Lost: 50 + 47.5 + 45.125 = 142.625, so 128.375 fewer than 271.
        assert!(close(i.customers_lost, 142.625, 1e-12));
        assert!(close(out.customers_saved, 128.375, 1e-9));
        assert!(!out.capped);
    }

    #[test]
    fn lost_counts_new_customers_who_leave() {
        // r = 0.9, N0 = 1000, 100 new a period: 1000 → 900 + 100 = 1000 → 1000; steady state.
        // Lost 100 a period, 300 over 3; at CAC 50 that is 15 000 to replace.
        let mut inp = input(0.9);
        inp.new_per_period = 100.0;
        inp.cac = Some(50.0);
        inp.gross_margin = 0.6;
        let out = project(&inp).unwrap();
        assert_eq!(out.baseline.customers, vec![1000.0, 1000.0, 1000.0]);
        assert!(close(out.baseline.customers_lost, 300.0, 1e-12));
        assert!(close(
            out.baseline.replacement_cost.unwrap(),
            15_000.0,
            1e-12
        ));
        // Gross profit = 0.6 × 30 000.
        assert!(close(out.baseline.gross_profit, 18_000.0, 1e-12));
    }

    #[test]
    fn five_points_double_the_lifetime_from_90_percent() {
        let out = project(&input(0.9)).unwrap();
        assert!(close(
            out.baseline.expected_lifetime.finite().unwrap(),
            10.0,
            1e-12
        ));
        assert!(close(
            out.improved.expected_lifetime.finite().unwrap(),
            20.0,
            1e-12
        ));
        assert!(close(out.improved.retention[0], 0.95, 1e-15));
        // CLV with margin 1, ARPU 10, no discount: 10 × lifetime, so +100 %.
        assert!(close(out.clv_gain_pct.unwrap(), 100.0, 1e-9));
    }

    #[test]
    fn relative_mode_takes_90_to_94_5() {
        let mut inp = input(0.9);
        inp.mode = UpliftMode::Relative;
        let out = project(&inp).unwrap();
        assert!(close(out.improved.retention[0], 0.945, 1e-15));
        // 1/(1 − 0.945) = 18.1818…
        assert!(close(
            out.improved.expected_lifetime.finite().unwrap(),
            1.0 / 0.055,
            1e-12
        ));
        assert_eq!(improve_rate(0.6, 5.0, UpliftMode::Relative).0, 0.63);
    }

    #[test]
    fn clv_closed_form_matches_a_plain_sum() {
        // m = 0.5, ARPU = 10, d = 1 %, r = 0.9: 0.5 · 10 · 1.01/(1.01 − 0.9) = 45.9090…
        let mut inp = input(0.9);
        inp.gross_margin = 0.5;
        inp.discount_rate = 0.01;
        let out = project(&inp).unwrap();
        let clv = out.baseline.clv.finite().unwrap();
        assert!(close(clv, 5.0 * 1.01 / 0.11, 1e-12));
        let plain: f64 = (0..20_000)
            .map(|t| 5.0 * 0.9f64.powi(t) / 1.01f64.powi(t))
            .sum();
        assert!(close(clv, plain, 1e-9));
    }

    #[test]
    fn model_curve_with_margin_growth_matches_a_plain_sum() {
        let curve = vec![0.63, 0.75, 0.81, 0.85, 0.87, 0.89];
        let mut inp = input(0.0);
        inp.baseline = Baseline::Curve(curve.clone());
        inp.gross_margin = 0.7;
        inp.discount_rate = 0.01;
        inp.margin_growth = 0.02;
        inp.horizon = 10;
        let out = project(&inp).unwrap();
        for (scenario, add) in [(&out.baseline, 0.0), (&out.improved, 0.05)] {
            let mut s = 1.0;
            let mut plain = 0.0;
            for t in 0..20_000usize {
                if t > 0 {
                    s *= curve.get(t - 1).copied().unwrap_or(0.89) + add;
                }
                plain += 0.7 * 10.0 * s * (1.02f64 / 1.01).powi(t as i32);
            }
            assert!(close(scenario.clv.finite().unwrap(), plain, 1e-9));
        }
        // The projection holds the last rate after the curve ends.
        assert_eq!(out.baseline.retention[9], 0.89);
        assert!(close(out.improved.retention[0], 0.68, 1e-15));
    }

    #[test]
    fn improved_retention_is_capped_below_one() {
        let out = project(&input(0.98)).unwrap();
        assert!(out.capped);
        assert_eq!(out.improved.retention[0], RETENTION_CAP);
        assert!(close(
            out.improved.expected_lifetime.finite().unwrap(),
            10_000.0,
            1e-6
        ));
        // A baseline of 100 % is not lowered to the cap; its lifetime is unbounded, not ∞.
        let out = project(&input(1.0)).unwrap();
        assert!(out.capped);
        assert_eq!(out.improved.retention[0], 1.0);
        assert_eq!(out.baseline.expected_lifetime, Total::Unbounded);
        assert_eq!(out.baseline.clv, Total::Unbounded);
        assert_eq!(out.clv_gain_pct, None);
        // A zero uplift caps nothing.
        let mut inp = input(0.99995);
        inp.uplift = 0.0;
        assert!(!project(&inp).unwrap().capped);
    }

    #[test]
    fn divergence_is_reported_as_unbounded() {
        // r (1 + g) = 0.99 × 1.02 = 1.0098 ≥ 1 + d = 1: the value sum diverges, the lifetime not.
        let mut inp = input(0.99);
        inp.uplift = 0.0;
        inp.margin_growth = 0.02;
        let out = project(&inp).unwrap();
        assert_eq!(out.baseline.clv, Total::Unbounded);
        assert!(close(
            out.baseline.expected_lifetime.finite().unwrap(),
            100.0,
            1e-9
        ));
    }

    #[test]
    fn yearly_rate_compounds_to_a_period_rate() {
        // 1.01^12 − 1 = 0.12682503013196977 (Python), so 12.68… % a year is 1 % a month.
        let monthly = period_rate_from_yearly(0.126_825_030_131_969_77, 12.0).unwrap();
        assert!((monthly - 0.01).abs() < 1e-15);
        assert!((period_rate_from_yearly(0.1, 1.0).unwrap() - 0.1).abs() < 1e-16);
        assert_eq!(period_rate_from_yearly(-1.0, 12.0), None);
        assert_eq!(period_rate_from_yearly(0.1, 0.0), None);
        assert_eq!(period_rate_from_yearly(f64::NAN, 12.0), None);
    }

    #[test]
    fn every_bad_field_is_named() {
        let mut inp = input(1.2);
        inp.arpu = -3.0;
        inp.gross_margin = f64::NAN;
        inp.horizon = 0;
        inp.cac = Some(f64::INFINITY);
        inp.uplift = 500.0;
        inp.starting_customers = 1e20;
        let errors = project(&inp).unwrap_err();
        let has = |field, problem| errors.contains(&WhatIfError { field, problem });
        assert!(has(WhatIfField::Retention, WhatIfProblem::AboveOne));
        assert!(has(WhatIfField::Arpu, WhatIfProblem::Negative));
        assert!(has(WhatIfField::GrossMargin, WhatIfProblem::NotFinite));
        assert!(has(WhatIfField::Horizon, WhatIfProblem::MustBePositive));
        assert!(has(WhatIfField::Cac, WhatIfProblem::NotFinite));
        assert!(has(
            WhatIfField::Uplift,
            WhatIfProblem::TooLarge { max: MAX_UPLIFT }
        ));
        assert!(has(
            WhatIfField::StartingCustomers,
            WhatIfProblem::TooLarge {
                max: MAX_COUNT as f64
            }
        ));
        assert_eq!(errors.len(), 7);

        let mut inp = input(0.9);
        inp.arpu = 0.0;
        inp.baseline = Baseline::Curve(vec![0.9, -0.1]);
        let errors = project(&inp).unwrap_err();
        assert_eq!(
            errors,
            vec![
                WhatIfError {
                    field: WhatIfField::RetentionCurve { index: 1 },
                    problem: WhatIfProblem::Negative
                },
                WhatIfError {
                    field: WhatIfField::Arpu,
                    problem: WhatIfProblem::MustBePositive
                },
            ]
        );
        inp.baseline = Baseline::Curve(Vec::new());
        inp.arpu = 1.0;
        assert_eq!(
            project(&inp).unwrap_err(),
            vec![WhatIfError {
                field: WhatIfField::Retention,
                problem: WhatIfProblem::Empty
            }]
        );
    }

    #[test]
    fn no_customers_gives_no_percentages_rather_than_nan() {
        let mut inp = input(0.9);
        inp.starting_customers = 0.0;
        let out = project(&inp).unwrap();
        assert_eq!(out.revenue_gain, 0.0);
        assert_eq!(out.revenue_gain_pct, None);
    }

    fn number() -> impl Strategy<Value = f64> {
        prop_oneof![
            proptest::num::f64::ANY,
            0.0..=1.0,
            0.0..1e13,
            Just(0.0),
            Just(1.0),
            Just(RETENTION_CAP),
            -1e3..0.0,
        ]
    }

    fn inputs() -> impl Strategy<Value = WhatIfInput> {
        let baseline = prop_oneof![
            number().prop_map(Baseline::Constant),
            proptest::collection::vec(number(), 0..30).prop_map(Baseline::Curve),
        ];
        let mode = prop_oneof![
            Just(UpliftMode::PercentagePoints),
            Just(UpliftMode::Relative)
        ];
        (
            baseline,
            (number(), number(), number(), number()),
            (number(), number(), 0usize..3000),
            (proptest::option::of(number()), number(), mode),
        )
            .prop_map(
                |(baseline, (n0, new, arpu, margin), (d, g, horizon), (cac, uplift, mode))| {
                    WhatIfInput {
                        baseline,
                        starting_customers: n0,
                        new_per_period: new,
                        arpu,
                        gross_margin: margin,
                        discount_rate: d,
                        margin_growth: g,
                        horizon,
                        cac,
                        uplift,
                        mode,
                    }
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn no_panic_and_no_nan_or_infinity(inp in inputs()) {
            match project(&inp) {
                Err(errors) => prop_assert!(!errors.is_empty()),
                Ok(out) => {
                    let mut numbers = vec![
                        out.revenue_gain, out.gross_profit_gain, out.customers_saved,
                    ];
                    numbers.extend(out.revenue_gain_pct);
                    numbers.extend(out.gross_profit_gain_pct);
                    numbers.extend(out.clv_gain_pct);
                    numbers.extend(out.replacement_cost_saved);
                    for s in [&out.baseline, &out.improved] {
                        numbers.extend(&s.retention);
                        numbers.extend(&s.customers);
                        numbers.extend(&s.revenue);
                        numbers.extend([s.customers_at_end, s.cumulative_revenue, s.gross_profit,
                                        s.customers_lost]);
                        numbers.extend(s.replacement_cost);
                        numbers.extend(s.expected_lifetime.finite());
                        numbers.extend(s.clv.finite());
                        prop_assert!(s.retention.iter().all(|r| (0.0..=1.0).contains(r)));
                        prop_assert!(s.customers_lost >= -1e-6 * s.customers.iter().sum::<f64>());
                    }
                    prop_assert!(numbers.iter().all(|v| v.is_finite()), "{out:?}");
                    prop_assert!(out.improved.retention.iter().zip(&out.baseline.retention)
                        .all(|(i, b)| i >= b));
                }
            }
        }
    }
}
