//! One period of counts (start S, new N, end E, optionally new-lost) and every metric that follows
//! from it. Formulas: `../shared/domain.md`, "One period".

use crate::count::{parse_count, CountError};

/// The input fields of one period, named as the UI names them so an error can point at its field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Start,
    New,
    End,
    NewLost,
}

impl Field {
    /// The `name` attribute of the field's `<input>`.
    pub fn name(self) -> &'static str {
        match self {
            Field::Start => "start",
            Field::New => "new",
            Field::End => "end",
            Field::NewLost => "new_lost",
        }
    }
}

/// What is wrong with one field, in a form the UI can translate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    Count(CountError),
    /// S = 0: no rate has a denominator.
    ZeroStart,
    /// E > S + N: more customers at the end than could have been there.
    EndAboveStartPlusNew {
        most: u64,
    },
    /// More new customers lost than were won.
    NewLostAboveNew,
    /// More new customers lost than customers lost in all.
    NewLostAboveLost {
        lost: u64,
    },
}

/// A problem and the field it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: Field,
    pub problem: Problem,
}

/// A fact about valid input that makes some metric meaningless, shown as a note, not an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Note {
    /// E − N < 0: new customers churned within the period too, so (E − N)/S is no retention rate.
    NewCustomersAlsoChurned,
}

/// The counts of one period, already validated: `end <= start + new`, `start > 0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodCounts {
    pub start: u64,
    pub new: u64,
    pub end: u64,
    pub new_lost: Option<u64>,
}

/// Every metric of one period. `None` means "cannot be computed from this input": the UI then shows
/// no value at all, never NaN, infinity or a negative rate.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PeriodMetrics {
    pub retention_rate: Option<f64>,
    pub churn_rate: Option<f64>,
    pub customers_lost: Option<u64>,
    pub customers_won: Option<u64>,
    pub net_growth_rate: Option<f64>,
    pub simple_retention: Option<f64>,
    pub cohort_retention: Option<f64>,
}

/// The outcome of reading the four fields: whatever metrics can be computed, plus every problem.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PeriodReport {
    pub metrics: PeriodMetrics,
    pub problems: Vec<FieldProblem>,
    pub notes: Vec<Note>,
}

impl PeriodReport {
    pub fn problem_for(&self, field: Field) -> Option<Problem> {
        self.problems
            .iter()
            .find(|p| p.field == field)
            .map(|p| p.problem)
    }
}

impl PeriodCounts {
    /// Validates counts. Returns the first problem found, attached to the field to fix.
    pub fn new(
        start: u64,
        new: u64,
        end: u64,
        new_lost: Option<u64>,
    ) -> Result<Self, FieldProblem> {
        let at = |field, problem| FieldProblem { field, problem };
        if start == 0 {
            return Err(at(Field::Start, Problem::ZeroStart));
        }
        let most = start.saturating_add(new);
        if end > most {
            return Err(at(Field::End, Problem::EndAboveStartPlusNew { most }));
        }
        if let Some(new_lost) = new_lost {
            let lost = most - end;
            if new_lost > new {
                return Err(at(Field::NewLost, Problem::NewLostAboveNew));
            }
            if new_lost > lost {
                return Err(at(Field::NewLost, Problem::NewLostAboveLost { lost }));
            }
        }
        Ok(PeriodCounts {
            start,
            new,
            end,
            new_lost,
        })
    }

    /// L = S + N − E.
    pub fn lost(&self) -> u64 {
        self.start + self.new - self.end
    }

    pub fn metrics(&self) -> (PeriodMetrics, Vec<Note>) {
        let s = self.start as f64;
        let lost = self.lost();
        let mut notes = Vec::new();
        // When E < N some new customers left too: (E − N)/S would be negative and L/S above 1,
        // so neither is a rate any more.
        let (retention_rate, churn_rate) = if self.end >= self.new {
            (
                Some((self.end - self.new) as f64 / s),
                Some(lost as f64 / s),
            )
        } else {
            notes.push(Note::NewCustomersAlsoChurned);
            (None, None)
        };
        // Validation guarantees new_lost <= lost and, since lost <= S + N and new_lost <= N, the
        // starting customers lost (lost − new_lost) can exceed S only if E < 0, which a u64 is not.
        let cohort_retention = self.new_lost.map(|new_lost| {
            let lost_start = lost - new_lost;
            (self.start.saturating_sub(lost_start)) as f64 / s
        });
        let metrics = PeriodMetrics {
            retention_rate,
            churn_rate,
            customers_lost: Some(lost),
            customers_won: Some(self.new),
            net_growth_rate: Some((self.end as f64 - s) / s),
            simple_retention: Some(self.end as f64 / s),
            cohort_retention,
        };
        (metrics, notes)
    }
}

/// Reads the raw text of the four fields (`new_lost` may be blank) and computes what it can.
/// Fields that parse on their own still contribute: a bad `end` does not hide `customers_won`.
pub fn evaluate(start: &str, new: &str, end: &str, new_lost: &str) -> PeriodReport {
    let mut report = PeriodReport::default();
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
    let s = read(Field::Start, start);
    let n = read(Field::New, new);
    let e = read(Field::End, end);
    let nl = if new_lost.trim().is_empty() {
        Some(None)
    } else {
        read(Field::NewLost, new_lost).map(Some)
    };
    report.metrics.customers_won = n;
    let (Some(s), Some(n), Some(e), Some(nl)) = (s, n, e, nl) else {
        return report;
    };
    match PeriodCounts::new(s, n, e, nl) {
        Ok(counts) => {
            let (metrics, notes) = counts.metrics();
            report.metrics = metrics;
            report.notes = notes;
        }
        Err(problem) => {
            report.problems.push(problem);
            // A wrong new-lost does not make the other figures wrong.
            if problem.field == Field::NewLost {
                if let Ok(counts) = PeriodCounts::new(s, n, e, None) {
                    let (metrics, notes) = counts.metrics();
                    report.metrics = metrics;
                    report.notes = notes;
                }
            }
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Tolerance for the worked examples: they are exact ratios of small integers, so only
    /// floating-point rounding (well below 1e-12) separates them from the printed figures.
    const EXACT: f64 = 1e-12;

    fn metrics(s: &str, n: &str, e: &str, nl: &str) -> PeriodMetrics {
        let report = evaluate(s, n, e, nl);
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        report.metrics
    }

    #[test]
    fn worked_example_20_5_24_is_95_percent() {
        let m = metrics("20", "5", "24", "");
        assert!((m.retention_rate.unwrap() - 0.95).abs() < EXACT);
        assert_eq!(m.customers_lost, Some(1));
        assert!((m.churn_rate.unwrap() - 0.05).abs() < EXACT);
        assert!((m.net_growth_rate.unwrap() - 0.2).abs() < EXACT);
    }

    #[test]
    fn worked_example_44_12_43_is_70_45_percent() {
        let m = metrics("44", "12", "43", "");
        assert!((m.retention_rate.unwrap() - 31.0 / 44.0).abs() < EXACT);
        assert!((m.retention_rate.unwrap() - 0.7045).abs() < 5e-5);
        assert_eq!(m.customers_lost, Some(13));
    }

    #[test]
    fn simple_ratio_100_to_99_is_99_percent_and_hides_flows() {
        let one_lost = metrics("100", "0", "99", "");
        let many_lost = metrics("100", "20", "99", "");
        assert!((one_lost.simple_retention.unwrap() - 0.99).abs() < EXACT);
        assert!((many_lost.simple_retention.unwrap() - 0.99).abs() < EXACT);
        assert_eq!(one_lost.customers_lost, Some(1));
        assert_eq!(many_lost.customers_lost, Some(21));
        assert_eq!(many_lost.customers_won, Some(20));
    }

    #[test]
    fn starting_cohort_retention_1000_50_500_12() {
        let m = metrics("1000", "500", "1438", "12");
        assert!((m.retention_rate.unwrap() - 0.938).abs() < EXACT);
        assert!((m.cohort_retention.unwrap() - 0.95).abs() < EXACT);
    }

    #[test]
    fn impossible_end_is_flagged_on_end() {
        let r = evaluate("10", "2", "13", "");
        assert_eq!(
            r.problem_for(Field::End),
            Some(Problem::EndAboveStartPlusNew { most: 12 })
        );
        assert_eq!(r.metrics.retention_rate, None);
        assert_eq!(r.metrics.customers_won, Some(2));
    }

    #[test]
    fn zero_start_has_no_rates() {
        let r = evaluate("0", "5", "3", "");
        assert_eq!(r.problem_for(Field::Start), Some(Problem::ZeroStart));
        assert_eq!(r.metrics.retention_rate, None);
        assert_eq!(r.metrics.churn_rate, None);
    }

    #[test]
    fn new_customers_also_churned_gives_no_rate() {
        let r = evaluate("10", "8", "5", "");
        assert!(r.problems.is_empty());
        assert_eq!(r.notes, vec![Note::NewCustomersAlsoChurned]);
        assert_eq!(r.metrics.retention_rate, None);
        assert_eq!(r.metrics.churn_rate, None);
        assert_eq!(r.metrics.customers_lost, Some(13));
    }

    #[test]
    fn bad_new_lost_keeps_the_other_metrics() {
        let r = evaluate("20", "5", "24", "6");
        assert_eq!(
            r.problem_for(Field::NewLost),
            Some(Problem::NewLostAboveNew)
        );
        assert!((r.metrics.retention_rate.unwrap() - 0.95).abs() < EXACT);
        let r = evaluate("20", "5", "24", "2");
        assert_eq!(
            r.problem_for(Field::NewLost),
            Some(Problem::NewLostAboveLost { lost: 1 })
        );
    }

    #[test]
    fn each_bad_field_is_named() {
        let r = evaluate("", "x", "-3", "1.5");
        assert_eq!(
            r.problem_for(Field::Start),
            Some(Problem::Count(CountError::Empty))
        );
        assert_eq!(
            r.problem_for(Field::New),
            Some(Problem::Count(CountError::NotANumber))
        );
        assert_eq!(
            r.problem_for(Field::End),
            Some(Problem::Count(CountError::Negative))
        );
        assert_eq!(
            r.problem_for(Field::NewLost),
            Some(Problem::Count(CountError::Fractional))
        );
    }

    proptest! {
        #[test]
        fn rates_stay_in_unit_interval(s in 0u64..=crate::count::MAX_COUNT,
                                       n in 0u64..=crate::count::MAX_COUNT,
                                       e in 0u64..=crate::count::MAX_COUNT,
                                       nl in proptest::option::of(0u64..=crate::count::MAX_COUNT)) {
            let nl_text = nl.map(|v| v.to_string()).unwrap_or_default();
            let r = evaluate(&s.to_string(), &n.to_string(), &e.to_string(), &nl_text);
            for rate in [r.metrics.retention_rate, r.metrics.churn_rate, r.metrics.cohort_retention]
                .into_iter().flatten() {
                prop_assert!((0.0..=1.0).contains(&rate), "rate {rate}");
            }
            for v in [r.metrics.net_growth_rate, r.metrics.simple_retention].into_iter().flatten() {
                prop_assert!(v.is_finite());
            }
            if let (Some(ret), Some(ch)) = (r.metrics.retention_rate, r.metrics.churn_rate) {
                // CRR + churn = 1 − (new lost)/S ≤ 1.
                prop_assert!(ret + ch <= 1.0 + 1e-9);
            }
        }

        #[test]
        fn never_panics_on_any_text(s in ".*", n in ".*", e in ".*", nl in ".*") {
            let _ = evaluate(&s, &n, &e, &nl);
        }
    }
}
