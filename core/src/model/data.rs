//! Survival counts of one or several cohorts: what makes them usable, and the sufficient
//! statistics (lost per period, survivors at each cohort's last period) every likelihood reads.

use crate::count::MAX_COUNT;

/// The most counts read from one cohort: 1000 periods is 83 years of months, 19 of weeks.
pub const MAX_PERIODS: usize = 1_000;

/// Why the data cannot carry the sBG and BdW fits. Cohorts are numbered from 0 in the order given;
/// `index` is the position of a count inside its cohort (period 0 = first count).
///
/// Each problem comes with a constant-churn fallback when one can be computed (see
/// [`super::ModelReport`]), so the UI shows the reason next to a simpler projection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataProblem {
    /// No cohort has the two counts one transition needs: nothing can be fitted at all.
    NoData,
    /// The longest cohort has fewer than 3 counts (`longest`): with a single transition the two
    /// sBG parameters are not identified.
    TooFewPeriods { longest: usize },
    /// A cohort has more than `max` counts; only the first `max` were used.
    TooManyPeriods { cohort: usize, max: usize },
    /// A count above [`MAX_COUNT`]; the cohort is used up to the count before it.
    TooLarge { cohort: usize, index: usize },
    /// A cohort starts with 0 customers: it has no one to lose and is left out.
    ZeroStart { cohort: usize },
    /// A count is above the one before it: survival counts only fall. The cohort is used up to the
    /// count before it.
    Increasing { cohort: usize, index: usize },
    /// No customer was lost anywhere: every rate is 100 %, and the only fit is zero churn.
    NoChurn,
    /// No customer survived to the end of any cohort: the sBG maximum is degenerate.
    NoSurvivors,
}

/// Aggregated counts over all usable cohorts. Period t runs from count t − 1 to count t.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Summary {
    /// `lost[t - 1]`: customers lost in period t, summed over cohorts.
    pub lost: Vec<f64>,
    /// `censored[t - 1]`: customers still active at count t in cohorts whose last count is t.
    pub censored: Vec<f64>,
    /// Customers at period 0 of the cohorts used: the n of BIC.
    pub customers: f64,
    /// Customer-periods at risk, Σ of every count but each cohort's last: the geometric MLE's
    /// denominator.
    pub exposure: f64,
}

impl Summary {
    pub fn total_lost(&self) -> f64 {
        self.lost.iter().sum()
    }
}

/// Validates the cohorts and sums what the likelihoods need. The summary is `None` only with
/// [`DataProblem::NoData`]; otherwise it holds every usable part, even when problems were found.
pub(crate) fn summarise(cohorts: &[Vec<u64>]) -> (Option<Summary>, Vec<DataProblem>) {
    let mut problems = Vec::new();
    let mut summary = Summary {
        lost: Vec::new(),
        censored: Vec::new(),
        customers: 0.0,
        exposure: 0.0,
    };
    let mut longest = 0usize;
    for (cohort, counts) in cohorts.iter().enumerate() {
        let usable = usable_prefix(cohort, counts, &mut problems);
        longest = longest.max(usable.len());
        let (Some(&first), Some(&last)) = (usable.first(), usable.last()) else {
            continue;
        };
        if usable.len() < 2 {
            // One count is a cohort that has just started: nothing observed yet, not a problem.
            continue;
        }
        let periods = usable.len() - 1;
        if summary.lost.len() < periods {
            summary.lost.resize(periods, 0.0);
            summary.censored.resize(periods, 0.0);
        }
        for (slot, pair) in summary.lost.iter_mut().zip(usable.windows(2)) {
            if let [before, after] = pair {
                *slot += before.saturating_sub(*after) as f64;
            }
        }
        if let Some(slot) = summary.censored.get_mut(periods - 1) {
            *slot += last as f64;
        }
        summary.customers += first as f64;
        summary.exposure += usable.iter().take(periods).map(|&c| c as f64).sum::<f64>();
    }
    if summary.lost.is_empty() {
        problems.push(DataProblem::NoData);
        return (None, problems);
    }
    if longest < 3 {
        problems.push(DataProblem::TooFewPeriods { longest });
    }
    if summary.total_lost() == 0.0 {
        problems.push(DataProblem::NoChurn);
    }
    if summary.censored.iter().all(|&c| c == 0.0) {
        problems.push(DataProblem::NoSurvivors);
    }
    (Some(summary), problems)
}

/// The part of one cohort that can be used, recording why the rest cannot.
fn usable_prefix<'a>(
    cohort: usize,
    counts: &'a [u64],
    problems: &mut Vec<DataProblem>,
) -> &'a [u64] {
    let mut counts = counts;
    if counts.len() > MAX_PERIODS {
        problems.push(DataProblem::TooManyPeriods {
            cohort,
            max: MAX_PERIODS,
        });
        counts = counts.get(..MAX_PERIODS).unwrap_or(counts);
    }
    if counts.first() == Some(&0) {
        problems.push(DataProblem::ZeroStart { cohort });
        return &[];
    }
    let mut previous: Option<u64> = None;
    for (index, &count) in counts.iter().enumerate() {
        let problem = if count > MAX_COUNT {
            Some(DataProblem::TooLarge { cohort, index })
        } else if previous.is_some_and(|p| count > p) {
            Some(DataProblem::Increasing { cohort, index })
        } else {
            None
        };
        if let Some(problem) = problem {
            problems.push(problem);
            return counts.get(..index).unwrap_or(&[]);
        }
        previous = Some(count);
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_lost_and_survivors_per_period() {
        let (s, problems) = summarise(&[vec![100, 80, 70], vec![50, 45]]);
        assert!(problems.is_empty());
        let s = s.unwrap();
        assert_eq!(s.lost, vec![20.0 + 5.0, 10.0]);
        assert_eq!(s.censored, vec![45.0, 70.0]);
        assert_eq!(s.customers, 150.0);
        // At risk: 100 + 80 from the first cohort, 50 from the second.
        assert_eq!(s.exposure, 230.0);
    }

    #[test]
    fn each_problem_is_named() {
        assert_eq!(summarise(&[vec![100]]).1, vec![DataProblem::NoData]);
        assert_eq!(summarise(&[]).1, vec![DataProblem::NoData]);
        assert_eq!(
            summarise(&[vec![100, 90]]).1,
            vec![DataProblem::TooFewPeriods { longest: 2 }]
        );
        assert_eq!(
            summarise(&[vec![0, 0, 0], vec![10, 9, 8]]).1,
            vec![DataProblem::ZeroStart { cohort: 0 }]
        );
        let (s, p) = summarise(&[vec![10, 9, 8, 9, 7]]);
        assert_eq!(
            p,
            vec![DataProblem::Increasing {
                cohort: 0,
                index: 3
            }]
        );
        assert_eq!(s.unwrap().lost, vec![1.0, 1.0]);
        assert_eq!(summarise(&[vec![10, 10, 10]]).1, vec![DataProblem::NoChurn]);
        assert_eq!(
            summarise(&[vec![10, 5, 0]]).1,
            vec![DataProblem::NoSurvivors]
        );
        assert_eq!(
            summarise(&[vec![MAX_COUNT + 1]]).1,
            vec![
                DataProblem::TooLarge {
                    cohort: 0,
                    index: 0
                },
                DataProblem::NoData
            ]
        );
        let long = vec![5u64; MAX_PERIODS + 3];
        let (s, p) = summarise(&[long]);
        assert_eq!(
            p,
            vec![
                DataProblem::TooManyPeriods {
                    cohort: 0,
                    max: MAX_PERIODS
                },
                DataProblem::NoChurn
            ]
        );
        assert_eq!(s.unwrap().lost.len(), MAX_PERIODS - 1);
    }

    #[test]
    fn a_cohort_with_no_survivors_among_others_is_fine() {
        let (_, p) = summarise(&[vec![10, 5, 0], vec![100, 70, 60]]);
        assert!(p.is_empty());
    }
}
