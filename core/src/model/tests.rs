//! Tests across the model modules: the published Fader & Hardie (2007) fits, recovery of known
//! parameters from simulated customers, the fallback behaviour, the band, and no panic anywhere.

use super::rng::SplitMix64;
use super::*;
use proptest::prelude::*;

/// Fader & Hardie (2007), "regular" and "high end" segments, 1000 customers each, years 0..12.
const REGULAR: [u64; 13] = [
    1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173,
];
const HIGH_END: [u64; 13] = [
    1000, 869, 743, 653, 593, 551, 517, 491, 468, 445, 427, 409, 394,
];

/// The paper prints α̂ and β̂ to 3 decimals, so a correct fit is within half a unit of the last
/// digit (0.0005), plus 1e-5 for the search tolerance.
const PUBLISHED_PARAM_TOL: f64 = 0.0005 + 1e-5;
/// LL is printed to one decimal: half a unit is 0.05.
const PUBLISHED_LL_TOL: f64 = 0.05 + 1e-6;

fn sbg_params(fit: &ModelFit) -> (f64, f64) {
    match fit.params {
        Params::Sbg { alpha, beta } => (alpha, beta),
        other => panic!("not sBG: {other:?}"),
    }
}

#[test]
fn reproduces_fader_hardie_regular() {
    // Published: α̂ = 0.704, β̂ = 1.182, LL = −1680.3 (fit on years 0..7).
    //
    // The project brief quoted −1611.2 for this segment and −1680.3 for "high end": the two
    // LL values are swapped there. With α̂, β̂ matching to all printed digits the maximum is fixed
    // by the data; an independent Python/SciPy fit of the same likelihood
    // (`bench/sbg_scipy.py`) also gives −1680.265 here and −1611.158 for "high end".
    let fit = fit_sbg(&[REGULAR[..8].to_vec()]).unwrap();
    assert_eq!(fit.status, FitStatus::Converged);
    let (alpha, beta) = sbg_params(&fit);
    assert!((alpha - 0.704).abs() < PUBLISHED_PARAM_TOL, "α̂ = {alpha}");
    assert!((beta - 1.182).abs() < PUBLISHED_PARAM_TOL, "β̂ = {beta}");
    assert!(
        (fit.log_likelihood + 1680.3).abs() < PUBLISHED_LL_TOL,
        "LL = {}",
        fit.log_likelihood
    );
    // Projection to year 12 from the fitted model, 1000 × S(12) = 170.0 by an independent Python
    // product of (β + t − 1)/(α + β + t − 1); the actual count was 173.
    let s = fit.survival(12);
    assert!((s[12] * 1000.0 - 170.0).abs() < 0.05, "{}", s[12] * 1000.0);
}

#[test]
fn reproduces_fader_hardie_high_end() {
    // Published: α̂ = 0.668, β̂ = 3.806, LL = −1611.2.
    let fit = fit_sbg(&[HIGH_END[..8].to_vec()]).unwrap();
    assert_eq!(fit.status, FitStatus::Converged);
    let (alpha, beta) = sbg_params(&fit);
    assert!((alpha - 0.668).abs() < PUBLISHED_PARAM_TOL, "α̂ = {alpha}");
    assert!((beta - 3.806).abs() < PUBLISHED_PARAM_TOL, "β̂ = {beta}");
    assert!(
        (fit.log_likelihood + 1611.2).abs() < PUBLISHED_LL_TOL,
        "LL = {}",
        fit.log_likelihood
    );
    let s = fit.survival(12);
    assert!((s[12] * 1000.0 - 378.0).abs() < 0.05, "{}", s[12] * 1000.0);
}

#[test]
fn fit_is_a_true_maximum_from_both_sides() {
    // LL at the estimate beats LL at ±1 % of each parameter: the search did not stop early.
    let (summary, _) = data::summarise(&[REGULAR[..8].to_vec()]);
    let summary = summary.unwrap();
    let fit = fit_sbg(&[REGULAR[..8].to_vec()]).unwrap();
    let (a, b) = sbg_params(&fit);
    for (da, db) in [(1.01, 1.0), (0.99, 1.0), (1.0, 1.01), (1.0, 0.99)] {
        assert!(sbg::log_likelihood(a * da, b * db, &summary) < fit.log_likelihood);
    }
}

#[test]
fn cohorts_are_fitted_jointly_by_summing_likelihoods() {
    let one = fit_sbg(&[REGULAR[..8].to_vec()]).unwrap();
    let two = fit_sbg(&[REGULAR[..8].to_vec(), REGULAR[..8].to_vec()]).unwrap();
    let (a1, b1) = sbg_params(&one);
    let (a2, b2) = sbg_params(&two);
    assert!((a1 - a2).abs() < 1e-6 && (b1 - b2).abs() < 1e-6);
    assert!((2.0 * one.log_likelihood - two.log_likelihood).abs() < 1e-6);
    // Cohorts of different lengths: LL of the pair = sum of the LLs, at any parameters.
    let (both, _) = data::summarise(&[REGULAR[..8].to_vec(), HIGH_END[..5].to_vec()]);
    let (first, _) = data::summarise(&[REGULAR[..8].to_vec()]);
    let (second, _) = data::summarise(&[HIGH_END[..5].to_vec()]);
    let ll = |s: &Option<data::Summary>| sbg::log_likelihood(0.9, 2.1, s.as_ref().unwrap());
    assert!((ll(&both) - ll(&first) - ll(&second)).abs() < 1e-9);
}

/// Gamma(shape, 1) by Marsaglia & Tsang (2000), boosted by U^(1/shape) below shape 1.
fn gamma(rng: &mut SplitMix64, shape: f64) -> f64 {
    if shape < 1.0 {
        return gamma(rng, shape + 1.0) * rng.uniform().powf(1.0 / shape);
    }
    let d = shape - 1.0 / 3.0;
    let c = 1.0 / (9.0 * d).sqrt();
    loop {
        let x = rng.normal();
        let v = (1.0 + c * x).powi(3);
        if v <= 0.0 {
            continue;
        }
        if rng.uniform().ln() < 0.5 * x * x + d - d * v + d * v.ln() {
            return d * v;
        }
    }
}

/// Survival counts of `customers` customers over `periods` periods: each draws θ ~ Beta(α, β) and
/// then churns with probability θ every period, the story of the sBG model told customer by
/// customer (not through the model's formulas).
fn simulate(alpha: f64, beta: f64, customers: usize, periods: usize, seed: u64) -> Vec<u64> {
    let mut rng = SplitMix64::new(seed);
    let mut counts = vec![0u64; periods + 1];
    for _ in 0..customers {
        let x = gamma(&mut rng, alpha);
        let y = gamma(&mut rng, beta);
        let theta = x / (x + y);
        counts[0] += 1;
        for slot in counts.iter_mut().skip(1) {
            if rng.uniform() < theta {
                break;
            }
            *slot += 1;
        }
    }
    counts
}

/// With 20 000 customers and 12 periods each estimate should land within a few standard errors
/// of the truth. 4 SE: a correct fitter would miss it with probability ~6e-5 per parameter had the
/// seed been random; the seed is fixed so the test is deterministic. The standard errors come from
/// the fit's own Hessian, so the check is also that they are honest (and not absurdly wide: the
/// test demands SE below 15 % of the value, which the information in 20 000 customers supports).
#[test]
fn recovers_known_parameters_from_simulated_customers() {
    for (i, &(alpha, beta)) in [(1.2, 3.5), (0.7, 1.2)].iter().enumerate() {
        let counts = simulate(alpha, beta, 20_000, 12, 42 + i as u64);
        let fit = fit_sbg(std::slice::from_ref(&counts)).unwrap();
        assert_eq!(fit.status, FitStatus::Converged);
        let (a, b) = sbg_params(&fit);
        let Some(Params::Sbg {
            alpha: se_a,
            beta: se_b,
        }) = fit.std_errors
        else {
            panic!("no standard errors")
        };
        assert!(
            se_a < 0.15 * alpha && se_b < 0.15 * beta,
            "SE {se_a} {se_b}"
        );
        assert!(
            (a - alpha).abs() < 4.0 * se_a,
            "α̂ = {a} ± {se_a}, true {alpha}"
        );
        assert!(
            (b - beta).abs() < 4.0 * se_b,
            "β̂ = {b} ± {se_b}, true {beta}"
        );

        // BdW on the same sBG data: c has no reason to leave 1.
        let bdw = fit_bdw(&[counts]).unwrap();
        assert_ne!(bdw.status, FitStatus::NotConverged);
        let (Params::Bdw { c, .. }, Some(Params::Bdw { c: se_c, .. })) =
            (bdw.params, bdw.std_errors)
        else {
            panic!("{bdw:?}")
        };
        assert!((c - 1.0).abs() < 4.0 * se_c, "ĉ = {c} ± {se_c}");
        // BdW nests sBG: its maximum cannot be lower.
        assert!(bdw.log_likelihood >= fit.log_likelihood - 1e-6);
    }
}

#[test]
fn bic_picks_sbg_on_heterogeneous_data_and_constant_on_homogeneous_data() {
    let report = fit_models(&[REGULAR.to_vec()]);
    assert!(report.problems.is_empty());
    assert_eq!(report.chosen, Some(ModelKind::Sbg));
    for fit in [&report.constant, &report.sbg, &report.bdw] {
        let fit = fit.as_ref().unwrap();
        assert!(fit.bic.is_finite() && fit.log_likelihood.is_finite());
    }
    // Every customer churns with 10 %: 1000, 900, 810, … rounded.
    let homogeneous: Vec<u64> = (0..10)
        .map(|t| (10_000.0 * 0.9f64.powi(t)).round() as u64)
        .collect();
    let report = fit_models(&[homogeneous]);
    assert_eq!(report.chosen, Some(ModelKind::Constant), "{report:?}");
}

#[test]
fn bdw_finds_duration_dependence_when_there_is_some() {
    // Survival of a BdW with c = 0.5 (each customer's churn falls with tenure), 100 000 customers.
    let truth = Params::Bdw {
        alpha: 1.0,
        beta: 2.0,
        c: 0.5,
    }
    .survival(12);
    let counts: Vec<u64> = truth
        .iter()
        .map(|s| (s * 100_000.0).round() as u64)
        .collect();
    let report = fit_models(&[counts]);
    assert_eq!(report.chosen, Some(ModelKind::Bdw));
    let Some(Params::Bdw { c, .. }) = report.bdw.map(|f| f.params) else {
        panic!()
    };
    assert!((c - 0.5).abs() < 0.05, "ĉ = {c}");
}

#[test]
fn every_data_problem_comes_with_a_constant_fallback() {
    let cases: [(Vec<Vec<u64>>, DataProblem); 5] = [
        (
            vec![vec![100, 90]],
            DataProblem::TooFewPeriods { longest: 2 },
        ),
        (
            vec![vec![100, 90, 95, 80]],
            DataProblem::Increasing {
                cohort: 0,
                index: 2,
            },
        ),
        (vec![vec![100, 100, 100]], DataProblem::NoChurn),
        (vec![vec![100, 40, 0]], DataProblem::NoSurvivors),
        (
            vec![vec![0, 0, 0], vec![50, 40, 30]],
            DataProblem::ZeroStart { cohort: 0 },
        ),
    ];
    for (cohorts, problem) in cases {
        let report = fit_models(&cohorts);
        assert!(report.problems.contains(&problem), "{:?}", report.problems);
        assert!(report.sbg.is_none() && report.bdw.is_none());
        assert_eq!(report.chosen, Some(ModelKind::Constant));
        let fallback = report.chosen_fit().unwrap();
        assert!(fallback.log_likelihood.is_finite());
        assert!(fallback.survival(5).iter().all(|s| (0.0..=1.0).contains(s)));
    }
    let report = fit_models(&[vec![0, 5, 3]]);
    assert!(report.problems.contains(&DataProblem::NoData));
    assert_eq!(report.chosen, None);
    assert!(report.constant.is_none());
    assert!(fit_sbg(&[vec![100, 90]]).is_err());
}

#[test]
fn band_brackets_the_projection_and_widens_with_time() {
    let fit = fit_sbg(&[REGULAR[..8].to_vec()]).unwrap();
    let point = fit.survival(24);
    let band = fit.band(24, BandOptions::default()).unwrap();
    assert_eq!(band.lower.len(), 25);
    assert!((band.lower[0] - 1.0).abs() < 1e-12 && (band.upper[0] - 1.0).abs() < 1e-12);
    for (t, s) in point.iter().enumerate().skip(1) {
        assert!(band.lower[t] < *s && *s < band.upper[t], "t = {t}");
    }
    // Extrapolation is less certain than the fitted years, relative to the level projected.
    let relative_width = |t: usize| (band.upper[t] - band.lower[t]) / point[t];
    assert!(relative_width(24) > 1.5 * relative_width(4));
    // Same seed, same band.
    assert_eq!(band, fit.band(24, BandOptions::default()).unwrap());
    // The observed year-12 survival (0.173) lies inside the 95 % band projected from years 0..7.
    assert!(band.lower[12] < 0.173 && 0.173 < band.upper[12]);
}

#[test]
fn band_refuses_what_it_cannot_do() {
    let fit = fit_sbg(&[REGULAR[..8].to_vec()]).unwrap();
    let with = |replicates, level| BandOptions {
        replicates,
        level,
        seed: 1,
    };
    assert_eq!(
        fit.band(10, with(5, 0.95)),
        Err(BandProblem::TooFewReplicates)
    );
    assert_eq!(
        fit.band(10, with(100, 1.0)),
        Err(BandProblem::LevelOutOfRange)
    );
    assert_eq!(
        fit.band(10, with(100, f64::NAN)),
        Err(BandProblem::LevelOutOfRange)
    );
    assert_eq!(
        fit.band(usize::MAX, with(1000, 0.9)),
        Err(BandProblem::TooMuchWork)
    );
    let flat = fit_constant(&[vec![10, 10, 10]]).unwrap();
    assert_eq!(
        flat.band(10, BandOptions::default()),
        Err(BandProblem::NoCovariance)
    );
    // A constant-churn band exists when churn is strictly between 0 and 1.
    let c = fit_constant(&[REGULAR.to_vec()]).unwrap();
    assert!(c.band(10, BandOptions::default()).is_ok());
}

#[test]
fn retention_curve_is_the_ratio_of_survivals() {
    let fit = fit_sbg(&[REGULAR[..8].to_vec()]).unwrap();
    let (a, b) = sbg_params(&fit);
    let r = fit.retention(3);
    // r_t = (β + t − 1)/(α + β + t − 1).
    for (t, rt) in r.iter().enumerate() {
        let t = t as f64 + 1.0;
        assert!((rt - (b + t - 1.0) / (a + b + t - 1.0)).abs() < 1e-12);
    }
    // Constant churn θ = 1: survival 0 after period 0 and retention 0, never NaN.
    let all_lost = Params::Constant { churn: 1.0 };
    assert_eq!(all_lost.survival(2), vec![1.0, 0.0, 0.0]);
    assert_eq!(all_lost.retention(2), vec![0.0, 0.0]);
}

fn cohorts_strategy() -> impl Strategy<Value = Vec<Vec<u64>>> {
    let count = prop_oneof![
        0u64..2000,
        Just(0u64),
        Just(u64::MAX),
        0u64..=crate::count::MAX_COUNT
    ];
    proptest::collection::vec(proptest::collection::vec(count, 0..15), 0..4)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn never_panics_and_reports_only_finite_numbers(cohorts in cohorts_strategy(),
                                                    horizon in 0usize..40) {
        let report = fit_models(&cohorts);
        for fit in [&report.constant, &report.sbg, &report.bdw].into_iter().flatten() {
            if fit.status != FitStatus::NotConverged {
                prop_assert!(fit.log_likelihood.is_finite());
                prop_assert!(fit.bic.is_finite());
            }
            for s in fit.survival(horizon).into_iter().chain(fit.retention(horizon)) {
                prop_assert!((0.0..=1.0).contains(&s), "{s}");
            }
            if let Ok(band) = fit.band(horizon, BandOptions { replicates: 50, ..BandOptions::default() }) {
                for s in band.lower.iter().chain(&band.upper) {
                    prop_assert!((0.0..=1.0).contains(s));
                }
            }
        }
        if report.problems.is_empty() {
            prop_assert!(report.sbg.is_some());
        }
    }

    #[test]
    fn sorted_counts_always_fit(mut counts in proptest::collection::vec(1u64..100_000, 3..14)) {
        counts.sort_unstable_by(|a, b| b.cmp(a));
        let report = fit_models(&[counts]);
        prop_assert!(report.constant.is_some());
        prop_assert!(report.chosen.is_some());
    }
}
