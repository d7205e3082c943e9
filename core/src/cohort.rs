//! Cohorts: the triangle (cohort × periods since its start), exact and "on or after" retention,
//! the size-weighted average curve, revenue retention (NRR, GRR), survival counts for model
//! fitting, and the calendar period table derived from per-customer activity.
//! Definitions: `../shared/domain.md`, "Cohorts".
//!
//! A triangle comes from one of two sources. Per-customer activity gives everything. A table of
//! counts (a cohort table someone already computed) cannot tell who was active later, nor cap a
//! customer's revenue at their own start: those figures are then [`Unavailable`], never guessed.

#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

use crate::calendar::Granularity;
use std::fmt;

/// Why a figure cannot be computed from this triangle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unavailable {
    /// It needs to know which customer was active when (raw activity input); a table of counts
    /// does not say.
    NeedsPerCustomerData,
    /// No revenue column was read.
    NoRevenue,
}

impl fmt::Display for Unavailable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Unavailable::NeedsPerCustomerData => {
                "needs one row per customer event; a table of counts cannot tell"
            }
            Unavailable::NoRevenue => "no revenue column",
        })
    }
}

/// One cohort: its customers and what they did in each period since the cohort's start.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CohortRow {
    pub label: String,
    /// The cohort's calendar period index (for its granularity), when known.
    pub period: Option<i64>,
    /// Customers in the cohort (active in period 0).
    pub size: u64,
    /// `active[k]`: distinct customers active in period k since the start.
    pub active: Vec<u64>,
    /// `revenue[k]`: the cohort's revenue in period k.
    pub revenue: Option<Vec<f64>>,
    /// `active_or_later[k]`: customers active in period k or any later one. Per-customer data only.
    pub active_or_later: Option<Vec<u64>>,
    /// `capped_revenue[k]`: revenue in period k with each customer capped at their own period-0
    /// revenue (no expansion). Per-customer data with amounts only.
    pub capped_revenue: Option<Vec<f64>>,
    /// Cells from this index on lie in the newest, unfinished period (the newest diagonal).
    pub unfinished_from: Option<usize>,
}

impl CohortRow {
    /// The number of cells that lie in finished periods.
    pub fn finished_len(&self) -> usize {
        self.unfinished_from
            .unwrap_or(self.active.len())
            .min(self.active.len())
    }
}

/// Where a triangle's numbers came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TriangleSource {
    Activity,
    CountTable,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Triangle {
    pub granularity: Option<Granularity>,
    pub source: TriangleSource,
    pub cohorts: Vec<CohortRow>,
}

/// One point of an average curve.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CurvePoint {
    pub k: usize,
    pub value: f64,
    /// Cohorts that reached k (finished cells only) and counted.
    pub cohorts: usize,
    /// Their total weight: customers for retention, period-0 revenue for NRR/GRR.
    pub weight: f64,
}

/// Revenue retention per cohort and overall.
#[derive(Debug, Clone, PartialEq)]
pub struct RevenueRetention {
    /// `per_cohort[c][k]` = revenue(k) / revenue(0); `None` when revenue(0) is not positive.
    pub per_cohort: Vec<Vec<Option<f64>>>,
    /// Σ revenue(k) / Σ revenue(0) over the cohorts that reached k.
    pub overall: Vec<CurvePoint>,
}

/// How survival counts were made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SurvivalBasis {
    /// Customers active in k or later: never rises, as a survival model expects.
    ActiveOrLater,
    /// Customers active in k, the only count a table gives; it can rise when customers return.
    Active,
}

/// One cohort's counts for a survival model fit (e.g. sBG): `counts[0]` is the cohort size,
/// finished periods only.
#[derive(Debug, Clone, PartialEq)]
pub struct SurvivalCohort {
    pub label: String,
    pub counts: Vec<u64>,
    pub basis: SurvivalBasis,
}

fn ratio(num: f64, den: f64) -> Option<f64> {
    (den > 0.0).then(|| num / den)
}

impl Triangle {
    /// The longest row.
    pub fn periods(&self) -> usize {
        self.cohorts
            .iter()
            .map(|c| c.active.len())
            .max()
            .unwrap_or(0)
    }

    /// Exact retention: active in period k / size.
    pub fn retention(&self) -> Vec<Vec<Option<f64>>> {
        self.cohorts
            .iter()
            .map(|c| {
                c.active
                    .iter()
                    .map(|&a| ratio(a as f64, c.size as f64))
                    .collect()
            })
            .collect()
    }

    /// "On or after" retention: active in period k or later / size.
    pub fn unbounded_retention(&self) -> Result<Vec<Vec<Option<f64>>>, Unavailable> {
        self.cohorts
            .iter()
            .map(|c| {
                let later = c
                    .active_or_later
                    .as_ref()
                    .ok_or(Unavailable::NeedsPerCustomerData)?;
                Ok(later
                    .iter()
                    .map(|&a| ratio(a as f64, c.size as f64))
                    .collect())
            })
            .collect()
    }

    /// The size-weighted average of exact retention per k: Σ active(k) / Σ size over the cohorts
    /// whose period k is finished. Unfinished cells would drag it down, so they never count.
    pub fn average_curve(&self) -> Vec<CurvePoint> {
        weighted_curve(self, |c| Some(&c.active))
    }

    /// The same for "on or after" retention.
    pub fn average_unbounded_curve(&self) -> Result<Vec<CurvePoint>, Unavailable> {
        if self.cohorts.iter().any(|c| c.active_or_later.is_none()) {
            return Err(Unavailable::NeedsPerCustomerData);
        }
        Ok(weighted_curve(self, |c| c.active_or_later.as_ref()))
    }

    /// Net revenue retention: revenue in k / revenue in 0, per cohort and overall.
    pub fn nrr(&self) -> Result<RevenueRetention, Unavailable> {
        revenue_retention(self, |c| c.revenue.as_ref().ok_or(Unavailable::NoRevenue))
    }

    /// Gross revenue retention: like NRR with each customer capped at their own period-0 revenue,
    /// so it never exceeds 100 %.
    pub fn grr(&self) -> Result<RevenueRetention, Unavailable> {
        revenue_retention(self, |c| {
            if c.revenue.is_none() {
                return Err(Unavailable::NoRevenue);
            }
            c.capped_revenue
                .as_ref()
                .ok_or(Unavailable::NeedsPerCustomerData)
        })
    }

    /// Counts per cohort for a survival-model fit, finished periods only.
    pub fn survival(&self) -> Vec<SurvivalCohort> {
        self.cohorts
            .iter()
            .map(|c| {
                let (source, basis) = match &c.active_or_later {
                    Some(later) => (later, SurvivalBasis::ActiveOrLater),
                    None => (&c.active, SurvivalBasis::Active),
                };
                let n = c.finished_len();
                SurvivalCohort {
                    label: c.label.clone(),
                    counts: source.get(..n).unwrap_or(source).to_vec(),
                    basis,
                }
            })
            .collect()
    }
}

fn weighted_curve<'a, F>(t: &'a Triangle, series: F) -> Vec<CurvePoint>
where
    F: Fn(&'a CohortRow) -> Option<&'a Vec<u64>>,
{
    (0..t.periods())
        .map(|k| {
            let mut sum = 0.0;
            let mut weight = 0.0;
            let mut cohorts = 0;
            for c in &t.cohorts {
                let Some(&a) = series(c).and_then(|s| s.get(k)) else {
                    continue;
                };
                if k >= c.finished_len() || c.size == 0 {
                    continue;
                }
                sum += a as f64;
                weight += c.size as f64;
                cohorts += 1;
            }
            CurvePoint {
                k,
                value: ratio(sum, weight).unwrap_or(f64::NAN),
                cohorts,
                weight,
            }
        })
        .filter(|p| p.cohorts > 0)
        .collect()
}

fn revenue_retention<'a, F>(t: &'a Triangle, series: F) -> Result<RevenueRetention, Unavailable>
where
    F: Fn(&'a CohortRow) -> Result<&'a Vec<f64>, Unavailable>,
{
    let mut rows = Vec::with_capacity(t.cohorts.len());
    for c in &t.cohorts {
        let values = series(c)?;
        let total = c.revenue.as_ref().ok_or(Unavailable::NoRevenue)?;
        // Both NRR and GRR divide by the cohort's uncapped period-0 revenue.
        let base = total.first().copied().unwrap_or(0.0);
        rows.push((c, values, base));
    }
    let per_cohort = rows
        .iter()
        .map(|(_, values, base)| values.iter().map(|&v| ratio(v, *base)).collect())
        .collect();
    let overall = (0..t.periods())
        .map(|k| {
            let mut sum = 0.0;
            let mut weight = 0.0;
            let mut cohorts = 0;
            for (c, values, base) in &rows {
                let Some(&v) = values.get(k) else { continue };
                if k >= c.finished_len() || *base <= 0.0 {
                    continue;
                }
                sum += v;
                weight += base;
                cohorts += 1;
            }
            CurvePoint {
                k,
                value: ratio(sum, weight).unwrap_or(f64::NAN),
                cohorts,
                weight,
            }
        })
        .filter(|p| p.cohorts > 0)
        .collect();
    Ok(RevenueRetention {
        per_cohort,
        overall,
    })
}

/// Packs a customer number and a period offset into one sortable key: sorting the keys sorts by
/// customer, then period.
pub fn pack(customer: u32, period: u32) -> u64 {
    (u64::from(customer) << 32) | u64::from(period)
}

pub fn unpack(key: u64) -> (u32, u32) {
    ((key >> 32) as u32, key as u32)
}

/// Per-customer activity reduced to what the cohort figures need.
#[derive(Debug, Clone, Copy)]
pub struct CustomerPeriods<'a> {
    pub granularity: Granularity,
    /// Calendar index of period offset 0.
    pub first_period: i64,
    /// Offsets run 0..periods; the last one is the newest period in the data.
    pub periods: u32,
    /// [`pack`]ed (customer, period offset), sorted and without duplicates.
    pub keys: &'a [u64],
    /// Revenue of each key's customer in that period, parallel to `keys`, when amounts were read.
    pub amounts: Option<&'a [f64]>,
    /// When false the newest period is taken as unfinished and marked.
    pub last_period_complete: bool,
}

struct Accumulator {
    size: u64,
    active: Vec<u64>,
    revenue: Vec<f64>,
    capped: Vec<f64>,
    /// Customers whose last active offset is k; summed from the end it gives "k or later".
    last_at: Vec<u64>,
}

impl CustomerPeriods<'_> {
    /// One run of keys per customer, as (first index, end index).
    fn runs(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        let mut start = 0usize;
        std::iter::from_fn(move || {
            let first = *self.keys.get(start)?;
            let customer = first >> 32;
            let len = self
                .keys
                .get(start..)
                .unwrap_or_default()
                .iter()
                .take_while(|&&k| k >> 32 == customer)
                .count();
            let run = (start, start + len);
            start += len.max(1);
            Some(run)
        })
    }

    fn amount(&self, i: usize) -> f64 {
        self.amounts.and_then(|a| a.get(i)).copied().unwrap_or(0.0)
    }

    /// The triangle, one row per calendar period in which at least one customer started.
    pub fn triangle(&self) -> Triangle {
        let n = self.periods as usize;
        let mut acc: Vec<Option<Accumulator>> = (0..n).map(|_| None).collect();
        for (from, to) in self.runs() {
            let Some(&first_key) = self.keys.get(from) else {
                continue;
            };
            let cohort = unpack(first_key).1 as usize;
            let Some(slot) = acc.get_mut(cohort) else {
                continue;
            };
            let len = n.saturating_sub(cohort);
            let a = slot.get_or_insert_with(|| Accumulator {
                size: 0,
                active: vec![0; len],
                revenue: vec![0.0; len],
                capped: vec![0.0; len],
                last_at: vec![0; len],
            });
            a.size += 1;
            let base = self.amount(from);
            let mut last = 0usize;
            for i in from..to {
                let Some(&key) = self.keys.get(i) else { break };
                let k = (unpack(key).1 as usize).saturating_sub(cohort);
                let amount = self.amount(i);
                if let Some(cell) = a.active.get_mut(k) {
                    *cell += 1;
                }
                if let Some(cell) = a.revenue.get_mut(k) {
                    *cell += amount;
                }
                if let Some(cell) = a.capped.get_mut(k) {
                    *cell += amount.min(base);
                }
                last = k;
            }
            if let Some(cell) = a.last_at.get_mut(last) {
                *cell += 1;
            }
        }
        let has_amounts = self.amounts.is_some();
        let cohorts = acc
            .into_iter()
            .enumerate()
            .filter_map(|(c, a)| a.map(|a| (c, a)))
            .map(|(c, a)| {
                let period = self.first_period + c as i64;
                let mut later = a.last_at;
                let mut running = 0u64;
                for cell in later.iter_mut().rev() {
                    running += *cell;
                    *cell = running;
                }
                let len = a.active.len();
                CohortRow {
                    label: self.granularity.label(period),
                    period: Some(period),
                    size: a.size,
                    active: a.active,
                    revenue: has_amounts.then_some(a.revenue),
                    active_or_later: Some(later),
                    capped_revenue: has_amounts.then_some(a.capped),
                    unfinished_from: (!self.last_period_complete && len > 0).then(|| len - 1),
                }
            })
            .collect();
        Triangle {
            granularity: Some(self.granularity),
            source: TriangleSource::Activity,
            cohorts,
        }
    }

    /// The calendar period table: a customer counts from their first active period through their
    /// last one, so a month without activity between two active ones is not churn and a return
    /// is not a new customer. Hence `end = start + new − lost` holds in every period.
    pub fn calendar_periods(&self) -> Vec<CalendarPeriod> {
        let n = self.periods as usize;
        let mut new = vec![0u64; n];
        let mut last = vec![0u64; n];
        let mut active = vec![0u64; n];
        let mut revenue = vec![0.0f64; n];
        for (from, to) in self.runs() {
            let (Some(&a), Some(&b)) = (self.keys.get(from), self.keys.get(to.saturating_sub(1)))
            else {
                continue;
            };
            if let Some(cell) = new.get_mut(unpack(a).1 as usize) {
                *cell += 1;
            }
            if let Some(cell) = last.get_mut(unpack(b).1 as usize) {
                *cell += 1;
            }
            for i in from..to {
                let Some(&key) = self.keys.get(i) else { break };
                let p = unpack(key).1 as usize;
                if let Some(cell) = active.get_mut(p) {
                    *cell += 1;
                }
                if let Some(cell) = revenue.get_mut(p) {
                    *cell += self.amount(i);
                }
            }
        }
        let mut rows = Vec::with_capacity(n);
        let mut start = 0u64;
        let mut lost_before = 0u64;
        for p in 0..n {
            let new_p = new.get(p).copied().unwrap_or(0);
            let end = (start + new_p).saturating_sub(lost_before);
            rows.push(CalendarPeriod {
                label: self.granularity.label(self.first_period + p as i64),
                start,
                new: new_p,
                lost: lost_before,
                end,
                active: active.get(p).copied().unwrap_or(0),
                revenue: self.amounts.map(|_| revenue.get(p).copied().unwrap_or(0.0)),
            });
            start = end;
            lost_before = last.get(p).copied().unwrap_or(0);
        }
        rows
    }
}

/// One calendar period of the period table derived from activity.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarPeriod {
    pub label: String,
    /// Customers at the start: the previous period's end.
    pub start: u64,
    /// Customers whose first activity is in this period.
    pub new: u64,
    /// Customers whose last activity was in the previous period.
    pub lost: u64,
    pub end: u64,
    /// Customers with activity in this very period.
    pub active: u64,
    pub revenue: Option<f64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Customers 0..: (customer, period, amount), already sorted.
    fn data(rows: &[(u32, u32, f64)]) -> (Vec<u64>, Vec<f64>) {
        let keys = rows.iter().map(|&(c, p, _)| pack(c, p)).collect();
        let amounts = rows.iter().map(|r| r.2).collect();
        (keys, amounts)
    }

    fn sample() -> (Vec<u64>, Vec<f64>) {
        // Cohort 0: customers 0, 1, 2. Customer 0 active 0,1,2 (expands 10 → 30),
        // customer 1 active 0 and 2 (a gap), customer 2 only 0.
        // Cohort 1: customer 3 active 1, 2.
        data(&[
            (0, 0, 10.0),
            (0, 1, 20.0),
            (0, 2, 30.0),
            (1, 0, 10.0),
            (1, 2, 5.0),
            (2, 0, 10.0),
            (3, 1, 7.0),
            (3, 2, 7.0),
        ])
    }

    fn periods<'a>(
        keys: &'a [u64],
        amounts: Option<&'a [f64]>,
        complete: bool,
    ) -> CustomerPeriods<'a> {
        CustomerPeriods {
            granularity: Granularity::Month,
            first_period: Granularity::parse_label("2024-01").unwrap().1,
            periods: 3,
            keys,
            amounts,
            last_period_complete: complete,
        }
    }

    #[test]
    fn triangle_by_hand() {
        let (keys, amounts) = sample();
        let t = periods(&keys, Some(&amounts), false).triangle();
        assert_eq!(t.cohorts.len(), 2);
        let c0 = &t.cohorts[0];
        assert_eq!(c0.label, "2024-01");
        assert_eq!(c0.size, 3);
        assert_eq!(c0.active, vec![3, 1, 2]);
        assert_eq!(c0.active_or_later.as_deref(), Some(&[3, 2, 2][..]));
        assert_eq!(c0.revenue.as_deref(), Some(&[30.0, 20.0, 35.0][..]));
        assert_eq!(c0.capped_revenue.as_deref(), Some(&[30.0, 10.0, 15.0][..]));
        assert_eq!(c0.unfinished_from, Some(2));
        let c1 = &t.cohorts[1];
        assert_eq!(c1.label, "2024-02");
        assert_eq!(c1.active, vec![1, 1]);
        assert_eq!(c1.unfinished_from, Some(1));
    }

    #[test]
    fn retention_and_curves_skip_unfinished_cells() {
        let (keys, amounts) = sample();
        let t = periods(&keys, Some(&amounts), false).triangle();
        let r = t.retention();
        assert_eq!(r[0], vec![Some(1.0), Some(1.0 / 3.0), Some(2.0 / 3.0)]);
        let curve = t.average_curve();
        // k = 0: both cohorts (4 of 4); k = 1: only cohort 0 is finished there (1 of 3).
        assert_eq!(curve.len(), 2);
        assert_eq!((curve[0].value, curve[0].cohorts), (1.0, 2));
        assert_eq!((curve[1].value, curve[1].cohorts), (1.0 / 3.0, 1));
        let complete = periods(&keys, Some(&amounts), true).triangle();
        let curve = complete.average_curve();
        assert_eq!(curve.len(), 3);
        assert_eq!(curve[1].value, 2.0 / 4.0);
        assert_eq!(curve[2].value, 2.0 / 3.0);
        let later = complete.average_unbounded_curve().unwrap();
        assert_eq!(later[1].value, 3.0 / 4.0);
    }

    #[test]
    fn nrr_and_grr() {
        let (keys, amounts) = sample();
        let t = periods(&keys, Some(&amounts), true).triangle();
        let nrr = t.nrr().unwrap();
        assert_eq!(
            nrr.per_cohort[0],
            vec![Some(1.0), Some(20.0 / 30.0), Some(35.0 / 30.0)]
        );
        let grr = t.grr().unwrap();
        assert_eq!(
            grr.per_cohort[0],
            vec![Some(1.0), Some(10.0 / 30.0), Some(15.0 / 30.0)]
        );
        // Overall k = 1: (20 + 7) / (30 + 7) NRR, (10 + 7) / 37 GRR.
        assert_eq!(nrr.overall[1].value, 27.0 / 37.0);
        assert_eq!(grr.overall[1].value, 17.0 / 37.0);
        for p in &grr.overall {
            assert!(p.value <= 1.0);
        }
    }

    #[test]
    fn without_amounts_revenue_is_unavailable() {
        let (keys, _) = sample();
        let t = periods(&keys, None, true).triangle();
        assert_eq!(t.nrr(), Err(Unavailable::NoRevenue));
        assert_eq!(t.grr(), Err(Unavailable::NoRevenue));
    }

    #[test]
    fn count_tables_say_what_they_cannot_tell() {
        let t = Triangle {
            granularity: None,
            source: TriangleSource::CountTable,
            cohorts: vec![CohortRow {
                label: "a".into(),
                size: 10,
                active: vec![10, 5],
                revenue: Some(vec![100.0, 80.0]),
                ..CohortRow::default()
            }],
        };
        assert_eq!(
            t.unbounded_retention(),
            Err(Unavailable::NeedsPerCustomerData)
        );
        assert_eq!(t.grr(), Err(Unavailable::NeedsPerCustomerData));
        assert_eq!(t.nrr().unwrap().per_cohort[0], vec![Some(1.0), Some(0.8)]);
        assert_eq!(t.survival()[0].basis, SurvivalBasis::Active);
    }

    #[test]
    fn survival_counts_never_rise_and_stop_before_the_unfinished_period() {
        let (keys, amounts) = sample();
        let t = periods(&keys, Some(&amounts), false).triangle();
        let s = t.survival();
        assert_eq!(s[0].counts, vec![3, 2]);
        assert_eq!(s[0].basis, SurvivalBasis::ActiveOrLater);
        assert_eq!(s[1].counts, vec![1]);
    }

    #[test]
    fn calendar_period_table() {
        let (keys, amounts) = sample();
        let rows = periods(&keys, Some(&amounts), false).calendar_periods();
        let flows: Vec<_> = rows
            .iter()
            .map(|r| (r.start, r.new, r.lost, r.end))
            .collect();
        // Customer 2 is last seen in January, so lost in February.
        assert_eq!(flows, vec![(0, 3, 0, 3), (3, 1, 1, 3), (3, 0, 0, 3)]);
        assert_eq!(rows[1].active, 2);
        assert_eq!(rows[2].revenue, Some(42.0));
        assert_eq!(rows[0].label, "2024-01");
    }
}
