//! Many periods in a row: per-period retention and churn, and the figures over the whole span
//! (mean churn two ways, compounded retention, churn in other units, average lifetime).

use crate::count::parse_count;
use crate::period::{Field, FieldProblem, PeriodCounts, PeriodMetrics, Problem};
use crate::unit::{convert_churn, PeriodUnit};

/// One row of the period table as typed. A blank `start` means "the previous row's end".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RowInput {
    pub label: String,
    pub start: String,
    pub new: String,
    pub end: String,
}

/// The result for one row: its effective start (typed or carried), its metrics and its problems.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RowReport {
    pub start: Option<u64>,
    /// True when `start` was carried over from the previous row's end.
    pub start_carried: bool,
    pub metrics: PeriodMetrics,
    pub counts: Option<PeriodCounts>,
    pub problems: Vec<FieldProblem>,
}

/// Figures over all valid rows. Each is `None` when it cannot be computed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SpanMetrics {
    /// Rows that contributed (valid and with a defined churn rate).
    pub periods_used: usize,
    /// Arithmetic mean of per-period churn rates: every period weighs the same.
    pub mean_churn: Option<f64>,
    /// Σ lost / Σ start: every customer weighs the same.
    pub weighted_mean_churn: Option<f64>,
    /// Π of per-period retention rates.
    pub compounded_retention: Option<f64>,
    /// `weighted_mean_churn` converted to a year by compounding.
    pub annualized_churn: Option<f64>,
    /// 1 / weighted mean churn, in periods; `None` when churn is zero (lifetime unbounded).
    pub lifetime_periods: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct SeriesReport {
    pub rows: Vec<RowReport>,
    pub span: SpanMetrics,
}

/// Evaluates the table row by row; a row whose start is blank takes the previous row's end.
pub fn evaluate_rows(rows: &[RowInput], unit: PeriodUnit) -> SeriesReport {
    let mut previous_end: Option<u64> = None;
    let mut reports = Vec::with_capacity(rows.len());
    for row in rows {
        let report = evaluate_row(row, previous_end);
        previous_end = report.counts.map(|c| c.end).or_else(|| {
            // An end that parses still seeds the next row even if this row is otherwise invalid.
            parse_count(&row.end).ok()
        });
        reports.push(report);
    }
    let span = span_metrics(&reports, unit);
    SeriesReport {
        rows: reports,
        span,
    }
}

fn evaluate_row(row: &RowInput, previous_end: Option<u64>) -> RowReport {
    let mut report = RowReport::default();
    let mut read = |field: Field, text: &str| match parse_count(text) {
        Ok(v) => Some(v),
        Err(e) => {
            report.problems.push(FieldProblem {
                field,
                problem: Problem::Count(e),
            });
            None
        }
    };
    let start = if row.start.trim().is_empty() && previous_end.is_some() {
        report.start_carried = true;
        previous_end
    } else {
        read(Field::Start, &row.start)
    };
    let new = read(Field::New, &row.new);
    let end = read(Field::End, &row.end);
    report.start = start;
    report.metrics.customers_won = new;
    if let (Some(s), Some(n), Some(e)) = (start, new, end) {
        match PeriodCounts::new(s, n, e, None) {
            Ok(counts) => {
                report.metrics = counts.metrics().0;
                report.counts = Some(counts);
            }
            Err(p) => report.problems.push(p),
        }
    }
    report
}

/// Span figures over the rows whose churn is defined.
pub fn span_metrics(rows: &[RowReport], unit: PeriodUnit) -> SpanMetrics {
    let mut used = 0usize;
    let mut churn_sum = 0.0;
    let mut lost_sum = 0.0;
    let mut start_sum = 0.0;
    let mut compounded = 1.0;
    for row in rows {
        let (Some(counts), Some(churn), Some(retention)) = (
            row.counts,
            row.metrics.churn_rate,
            row.metrics.retention_rate,
        ) else {
            continue;
        };
        used += 1;
        churn_sum += churn;
        lost_sum += counts.lost() as f64;
        start_sum += counts.start as f64;
        compounded *= retention;
    }
    if used == 0 {
        return SpanMetrics::default();
    }
    let weighted = lost_sum / start_sum;
    SpanMetrics {
        periods_used: used,
        mean_churn: Some(churn_sum / used as f64),
        weighted_mean_churn: Some(weighted),
        compounded_retention: Some(compounded),
        annualized_churn: Some(convert_churn(weighted, unit, PeriodUnit::Year)),
        lifetime_periods: (weighted > 0.0).then(|| 1.0 / weighted),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn row(label: &str, start: &str, new: &str, end: &str) -> RowInput {
        RowInput {
            label: label.into(),
            start: start.into(),
            new: new.into(),
            end: end.into(),
        }
    }

    #[test]
    fn blank_start_carries_previous_end() {
        let r = evaluate_rows(
            &[row("Jan", "100", "10", "100"), row("Feb", "", "0", "90")],
            PeriodUnit::Month,
        );
        assert_eq!(r.rows[1].start, Some(100));
        assert!(r.rows[1].start_carried);
        assert!((r.rows[1].metrics.retention_rate.unwrap() - 0.9).abs() < 1e-12);
    }

    #[test]
    fn span_figures_by_hand() {
        // Jan: S 100, N 10, E 100 → lost 10, churn 0.10, retention 0.90.
        // Feb: S 100, N 0, E 90 → lost 10, churn 0.10, retention 0.90.
        // Mar: S 90, N 30, E 111 → lost 9, churn 0.10, retention 0.9.
        // Apr: S 200, N 0, E 150 → lost 50, churn 0.25, retention 0.75.
        let r = evaluate_rows(
            &[
                row("Jan", "100", "10", "100"),
                row("Feb", "", "0", "90"),
                row("Mar", "", "30", "111"),
                row("Apr", "200", "0", "150"),
            ],
            PeriodUnit::Month,
        );
        let s = r.span;
        assert_eq!(s.periods_used, 4);
        assert!((s.mean_churn.unwrap() - 0.55 / 4.0).abs() < 1e-12);
        assert!((s.weighted_mean_churn.unwrap() - 79.0 / 490.0).abs() < 1e-12);
        assert!((s.compounded_retention.unwrap() - 0.9 * 0.9 * 0.9 * 0.75).abs() < 1e-12);
        assert!((s.lifetime_periods.unwrap() - 490.0 / 79.0).abs() < 1e-12);
        let annual = 1.0 - (1.0 - 79.0 / 490.0_f64).powi(12);
        assert!((s.annualized_churn.unwrap() - annual).abs() < 1e-12);
    }

    #[test]
    fn invalid_rows_are_skipped_and_flagged() {
        let r = evaluate_rows(
            &[
                row("a", "10", "0", "9"),
                row("b", "", "0", "50"),
                row("c", "", "x", ""),
            ],
            PeriodUnit::Month,
        );
        assert!(!r.rows[1].problems.is_empty());
        assert_eq!(r.rows[2].problems.len(), 2);
        assert_eq!(r.span.periods_used, 1);
    }

    #[test]
    fn zero_churn_has_no_finite_lifetime() {
        let r = evaluate_rows(&[row("a", "10", "0", "10")], PeriodUnit::Month);
        assert_eq!(r.span.weighted_mean_churn, Some(0.0));
        assert_eq!(r.span.lifetime_periods, None);
    }

    proptest! {
        #[test]
        fn span_rates_in_unit_interval(rows in proptest::collection::vec(
            (0u64..5000, 0u64..5000, 0u64..10000, proptest::bool::ANY), 0..40)) {
            let inputs: Vec<RowInput> = rows.iter().map(|&(s, n, e, carry)| RowInput {
                label: String::new(),
                start: if carry { String::new() } else { s.to_string() },
                new: n.to_string(),
                end: e.to_string(),
            }).collect();
            let r = evaluate_rows(&inputs, PeriodUnit::Week);
            let s = &r.span;
            for v in [s.mean_churn, s.weighted_mean_churn, s.compounded_retention, s.annualized_churn]
                .into_iter().flatten() {
                prop_assert!((0.0..=1.0).contains(&v), "{v}");
            }
            if let Some(l) = s.lifetime_periods { prop_assert!(l >= 1.0 && l.is_finite()); }
        }
    }
}
