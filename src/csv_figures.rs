//! Pure helpers for showing a cohort triangle: heat buckets for cell colours, which period the
//! headline NRR / GRR are read at, and the retention curves in chart coordinates (shared by the
//! SVG on the page and the PNG drawn on a canvas, so both always show the same lines).

use retention_core::calendar::Granularity;
use retention_core::cohort::{CohortRow, CurvePoint, Triangle};

/// How many colour classes the heatmap uses (`h0` … `h9`).
pub const BUCKETS: u8 = 10;

/// The colour class of a fraction: 0 for 0–10 %, …, 9 for 90 % and above. Values above 1
/// (customers returning after a gap cannot exceed the cohort, but revenue can) take the top class;
/// a value that is not a number takes the bottom one.
pub fn heat_bucket(fraction: f64) -> u8 {
    if !fraction.is_finite() || fraction <= 0.0 {
        return 0;
    }
    let b = (fraction * f64::from(BUCKETS)).floor();
    if b >= f64::from(BUCKETS - 1) {
        BUCKETS - 1
    } else {
        b as u8
    }
}

/// The period the overall NRR and GRR headline is read at: one year after the cohort's start
/// (12 months, 52 weeks, 4 quarters). A table without a calendar (labels only) is taken as monthly.
pub fn year_in_periods(granularity: Option<Granularity>) -> usize {
    match granularity {
        Some(Granularity::Week) => 52,
        Some(Granularity::Quarter) => 4,
        Some(Granularity::Month) | None => 12,
    }
}

/// The point of an overall curve at `target`, or, when the data is not that old yet, at the
/// largest finished k before it. Never k = 0, which is 100 % by definition.
pub fn headline_point(curve: &[CurvePoint], target: usize) -> Option<CurvePoint> {
    curve
        .iter()
        .filter(|p| p.k >= 1 && p.k <= target && p.value.is_finite())
        .max_by_key(|p| p.k)
        .copied()
}

/// A cohort's latest complete period after its first: where its own NRR and GRR are read.
/// `None` while only period 0 is complete.
pub fn latest_complete(cohort: &CohortRow) -> Option<usize> {
    cohort.finished_len().checked_sub(1).filter(|&k| k >= 1)
}

/// The chart's drawing area, in its own units (the SVG viewBox; the PNG scales it).
pub const CHART_W: f64 = 480.0;
pub const CHART_H: f64 = 220.0;
pub const CHART_LEFT: f64 = 40.0;
pub const CHART_RIGHT: f64 = 10.0;
pub const CHART_TOP: f64 = 10.0;
pub const CHART_BOTTOM: f64 = 26.0;

/// Retention curves as chart coordinates.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Curves {
    /// One line per cohort, finished periods only (an unfinished period would dip every line).
    pub cohorts: Vec<Vec<(f64, f64)>>,
    /// The size-weighted average.
    pub average: Vec<(f64, f64)>,
    /// Periods on the x axis (0 … periods − 1).
    pub periods: usize,
}

pub fn x_of(k: usize, periods: usize) -> f64 {
    let plot = CHART_W - CHART_LEFT - CHART_RIGHT;
    if periods <= 1 {
        CHART_LEFT + plot / 2.0
    } else {
        CHART_LEFT + plot * k as f64 / (periods - 1) as f64
    }
}

/// y of a fraction; values above 100 % are drawn at the top edge.
pub fn y_of(fraction: f64) -> f64 {
    let plot = CHART_H - CHART_TOP - CHART_BOTTOM;
    CHART_TOP + plot * (1.0 - fraction.clamp(0.0, 1.0))
}

/// The curves of a triangle: exact retention, or "k or later" when `unbounded` (and available).
pub fn curves(triangle: &Triangle, unbounded: bool) -> Curves {
    let periods = triangle.periods();
    let rates = if unbounded {
        triangle.unbounded_retention().ok()
    } else {
        None
    }
    .unwrap_or_else(|| triangle.retention());
    let cohorts = triangle
        .cohorts
        .iter()
        .zip(&rates)
        .map(|(c, r)| {
            r.iter()
                .take(c.finished_len())
                .enumerate()
                .filter_map(|(k, v)| v.map(|v| (x_of(k, periods), y_of(v))))
                .collect::<Vec<_>>()
        })
        .filter(|line| !line.is_empty())
        .collect();
    let average = if unbounded {
        triangle.average_unbounded_curve().ok()
    } else {
        None
    }
    .unwrap_or_else(|| triangle.average_curve())
    .iter()
    .filter(|p| p.value.is_finite())
    .map(|p| (x_of(p.k, periods), y_of(p.value)))
    .collect();
    Curves {
        cohorts,
        average,
        periods,
    }
}

/// The x-axis labels (k = 0, 1, …), thinned to at most about ten so they never overlap.
pub fn x_labels(periods: usize) -> Vec<(f64, String)> {
    let every = periods.div_ceil(10).max(1);
    (0..periods)
        .step_by(every)
        .map(|k| (x_of(k, periods), k.to_string()))
        .collect()
}

/// `x,y x,y …` for an SVG polyline: the charts' one formatter.
pub fn points_attr(line: &[(f64, f64)]) -> String {
    crate::components::chart::scale::polyline(line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use retention_core::cohort::TriangleSource;

    fn row(label: &str, active: &[u64], unfinished_from: Option<usize>) -> CohortRow {
        CohortRow {
            label: label.into(),
            size: active.first().copied().unwrap_or(0),
            active: active.to_vec(),
            unfinished_from,
            ..CohortRow::default()
        }
    }

    #[test]
    fn buckets_split_the_unit_interval_in_tenths() {
        let cases = [
            (0.0, 0),
            (0.0999, 0),
            (0.1, 1),
            (0.45, 4),
            (0.5, 5),
            (0.8999, 8),
            (0.9, 9),
            (1.0, 9),
            (1.7, 9),
            (-0.2, 0),
            (f64::NAN, 0),
            (f64::INFINITY, 0),
        ];
        for (v, b) in cases {
            assert_eq!(heat_bucket(v), b, "{v}");
        }
    }

    #[test]
    fn headline_is_a_year_in_or_the_oldest_finished_period_before() {
        let p = |k, value| CurvePoint {
            k,
            value,
            cohorts: 1,
            weight: 1.0,
        };
        let curve = [p(0, 1.0), p(1, 0.9), p(2, 0.8), p(3, f64::NAN)];
        assert_eq!(headline_point(&curve, 12).map(|p| p.k), Some(2));
        assert_eq!(headline_point(&curve, 1).map(|p| p.k), Some(1));
        assert_eq!(headline_point(&curve[..1], 12), None);
        assert_eq!(year_in_periods(Some(Granularity::Week)), 52);
        assert_eq!(year_in_periods(Some(Granularity::Quarter)), 4);
        assert_eq!(year_in_periods(None), 12);
    }

    #[test]
    fn a_cohort_is_complete_up_to_before_its_unfinished_cell() {
        assert_eq!(latest_complete(&row("a", &[10, 5, 4], Some(2))), Some(1));
        assert_eq!(latest_complete(&row("b", &[10, 5, 4], None)), Some(2));
        assert_eq!(latest_complete(&row("c", &[10, 5], Some(1))), None);
        assert_eq!(latest_complete(&row("d", &[], None)), None);
    }

    #[test]
    fn curves_leave_out_unfinished_cells_and_weigh_the_average_by_size() {
        let t = Triangle {
            granularity: Some(Granularity::Month),
            source: TriangleSource::CountTable,
            cohorts: vec![
                row("2024-01", &[100, 50, 40], Some(2)),
                row("2024-02", &[300, 60], Some(1)),
            ],
        };
        let c = curves(&t, true);
        assert_eq!(c.periods, 3);
        // Cohort 1 drawn over k = 0, 1; cohort 2 only at k = 0.
        assert_eq!(c.cohorts.len(), 2);
        assert_eq!(c.cohorts[0].len(), 2);
        assert_eq!(c.cohorts[1].len(), 1);
        // A count table has no "k or later": the exact curve is drawn instead.
        // k = 1: only the first cohort is finished there: 50 / 100.
        assert_eq!(c.average.len(), 2);
        assert!((c.average[1].1 - y_of(0.5)).abs() < 1e-9);
        assert_eq!(c.average[0], (CHART_LEFT, CHART_TOP));
        assert_eq!(x_of(2, 3), CHART_W - CHART_RIGHT);
        assert_eq!(y_of(0.0), CHART_H - CHART_BOTTOM);
        assert_eq!(y_of(1.5), CHART_TOP);
        let labels: Vec<String> = x_labels(31).into_iter().map(|(_, l)| l).collect();
        assert_eq!(labels, ["0", "4", "8", "12", "16", "20", "24", "28"]);
        assert_eq!(x_labels(3).len(), 3);
        assert_eq!(points_attr(&[(1.0, 2.0), (3.26, 4.0)]), "1.0,2.0 3.3,4.0");
    }
}
