//! The end of an activity read, in bounded steps: from the per-event list the reader collected
//! (customer number, packed date, amount) to sorted, distinct (customer, period) keys.
//!
//! A 50 MB file has ~2 M events, and doing all of this at once took 200–300 ms in WebAssembly:
//! one main-thread task longer than the page may freeze. [`Finishing::step`] does at most
//! [`STEP_EVENTS`] events' worth of work per call, so the browser can paint (and the visitor can
//! cancel) between steps; [`Finishing::run`] does all of them for callers that need no pauses.
//!
//! Not a comparison sort of all pairs: customer numbers are dense (`0..customers`, interned in
//! order of appearance), so a counting sort by customer is two linear passes, and what is left to
//! sort is each customer's handful of periods.

use super::activity::{unpack_date, ActivityData, MAX_PERIODS};
use super::problem::IngestError;
use crate::cohort::pack;

/// Events handled per step: about 10–30 ms in WebAssembly for the heaviest stage.
pub const STEP_EVENTS: usize = 1 << 18;

/// Marks an event whose date did not resolve (cannot happen: both readings of an open date are
/// checked to be real days when parsed), so it is left out rather than miscounted.
const DROPPED: u64 = u64::MAX;

enum Stage {
    /// Dates → calendar periods, in place (`customer << 32 | period`), counting events per
    /// customer and finding the first and last period.
    Periods {
        next: usize,
    },
    /// Events placed by customer: `(period - first, amount)`.
    Scatter {
        next: usize,
    },
    /// Each customer's periods sorted and merged into keys; `next` is a customer number.
    Merge {
        next: usize,
    },
    Done,
}

/// A finish in progress; see the module documentation.
pub struct Finishing {
    /// Everything but the keys, amounts and period range, which the steps fill in.
    data: ActivityData,
    /// `customer << 32 | packed date` per used row, then `customer << 32 | period`.
    events: Vec<u64>,
    /// One per event when the file has amounts, else empty.
    amounts: Vec<f64>,
    step_events: usize,
    stage: Stage,
    first: i64,
    last: i64,
    /// Per customer, where its events start in `grouped` (prefix sums; `customers + 1` long).
    starts: Vec<u32>,
    cursor: Vec<u32>,
    grouped: Vec<(u32, f64)>,
    keys: Vec<u64>,
    sums: Vec<f64>,
    has_amounts: bool,
}

impl Finishing {
    /// `data` as the reader knew it (its keys, amounts and period range are replaced), and the
    /// per-event lists.
    pub(super) fn new(data: ActivityData, events: Vec<u64>, amounts: Vec<f64>) -> Finishing {
        let customers = data.customers as usize;
        let has_amounts = !amounts.is_empty();
        Finishing {
            events,
            amounts,
            step_events: STEP_EVENTS,
            has_amounts,
            data,
            stage: Stage::Periods { next: 0 },
            first: i64::MAX,
            last: i64::MIN,
            starts: vec![0; customers + 1],
            cursor: Vec::new(),
            grouped: Vec::new(),
            keys: Vec::new(),
            sums: Vec::new(),
        }
    }

    /// Customer numbers run from 0 to this, exclusive.
    fn customers(&self) -> usize {
        self.data.customers as usize
    }

    /// Smaller (or larger) steps than [`STEP_EVENTS`]: for a slow device, or for tests that
    /// need many steps from little data. At least one event per step.
    pub fn with_step(mut self, events: usize) -> Finishing {
        self.step_events = events.max(1);
        self
    }

    /// How far the finish is, from 0 to 1, for a progress bar.
    pub fn progress(&self) -> f64 {
        let events = self.events.len().max(1) as f64;
        let customers = self.customers().max(1) as f64;
        match self.stage {
            Stage::Periods { next } => next as f64 / events / 3.0,
            Stage::Scatter { next } => (1.0 + next as f64 / events) / 3.0,
            Stage::Merge { next } => (2.0 + next as f64 / customers) / 3.0,
            Stage::Done => 1.0,
        }
    }

    /// Does the next bounded piece of work; `Some` once the data is built (or refused).
    pub fn step(&mut self) -> Option<Result<ActivityData, IngestError>> {
        let done = match self.stage {
            Stage::Periods { next } => self.periods(next),
            Stage::Scatter { next } => self.scatter(next),
            Stage::Merge { next } => return self.merge(next),
            Stage::Done => return Some(Err(IngestError::ReaderClosed)),
        };
        match done {
            Ok(()) => None,
            Err(e) => {
                self.stage = Stage::Done;
                Some(Err(e))
            }
        }
    }

    /// Every step at once.
    pub fn run(mut self) -> Result<ActivityData, IngestError> {
        loop {
            if let Some(result) = self.step() {
                return result;
            }
        }
    }

    fn periods(&mut self, from: usize) -> Result<(), IngestError> {
        let to = (from + self.step_events).min(self.events.len());
        let (order, granularity) = (self.data.date_order, self.data.granularity);
        for event in self.events.get_mut(from..to).unwrap_or_default() {
            let customer = *event >> 32;
            let period = unpack_date(*event as u32, order)
                .and_then(|date| u32::try_from(granularity.period_of(date)).ok());
            let Some(period) = period else {
                *event = DROPPED;
                continue;
            };
            self.first = self.first.min(i64::from(period));
            self.last = self.last.max(i64::from(period));
            if let Some(n) = self.starts.get_mut(customer as usize + 1) {
                *n += 1;
            }
            *event = (customer << 32) | u64::from(period);
        }
        if to < self.events.len() {
            self.stage = Stage::Periods { next: to };
            return Ok(());
        }
        if self.first > self.last {
            return Err(IngestError::NoData);
        }
        let span = self.last - self.first + 1;
        if span > MAX_PERIODS {
            let granularity = self.data.granularity;
            return Err(IngestError::SpanTooLong {
                first: granularity.label(self.first),
                last: granularity.label(self.last),
                periods: span as u64,
                limit: MAX_PERIODS as u64,
            });
        }
        let mut running = 0u32;
        for n in self.starts.iter_mut() {
            running += *n;
            *n = running;
        }
        self.cursor = self.starts.clone();
        self.grouped = vec![(0, 0.0); running as usize];
        self.stage = Stage::Scatter { next: 0 };
        Ok(())
    }

    fn scatter(&mut self, from: usize) -> Result<(), IngestError> {
        let to = (from + self.step_events).min(self.events.len());
        let first = self.first;
        let events = self.events.get(from..to).unwrap_or_default();
        for (i, &event) in (from..).zip(events) {
            if event == DROPPED {
                continue;
            }
            let Some(slot) = self.cursor.get_mut((event >> 32) as usize) else {
                continue;
            };
            if let Some(cell) = self.grouped.get_mut(*slot as usize) {
                let amount = self.amounts.get(i).copied().unwrap_or(0.0);
                *cell = ((i64::from(event as u32) - first) as u32, amount);
                *slot += 1;
            }
        }
        if to < self.events.len() {
            self.stage = Stage::Scatter { next: to };
            return Ok(());
        }
        // Everything is in `grouped` now: free the per-event lists before the keys grow.
        self.events = Vec::new();
        self.amounts = Vec::new();
        self.cursor = Vec::new();
        self.keys = Vec::with_capacity(self.grouped.len());
        if self.has_amounts {
            self.sums = Vec::with_capacity(self.grouped.len());
        }
        self.stage = Stage::Merge { next: 0 };
        Ok(())
    }

    fn merge(&mut self, from: usize) -> Option<Result<ActivityData, IngestError>> {
        let has_amounts = self.has_amounts;
        let mut customer = from;
        let mut handled = 0;
        while customer < self.customers() && handled < self.step_events {
            let (Some(&start), Some(&end)) =
                (self.starts.get(customer), self.starts.get(customer + 1))
            else {
                break;
            };
            if let Some(slice) = self.grouped.get_mut(start as usize..end as usize) {
                handled += slice.len() + 1;
                // Stable, so that amounts add up in file order.
                slice.sort_by_key(|&(p, _)| p);
                for &(p, a) in slice.iter() {
                    let k = pack(customer as u32, p);
                    if self.keys.last() == Some(&k) {
                        if let Some(sum) = self.sums.last_mut() {
                            *sum += a;
                        }
                    } else {
                        self.keys.push(k);
                        if has_amounts {
                            self.sums.push(a);
                        }
                    }
                }
            }
            customer += 1;
        }
        if customer < self.customers() {
            self.stage = Stage::Merge { next: customer };
            return None;
        }
        self.stage = Stage::Done;
        let mut data = std::mem::replace(&mut self.data, ActivityData::empty());
        data.first_period = self.first;
        data.periods = (self.last - self.first + 1) as u32;
        data.keys = std::mem::take(&mut self.keys);
        data.amounts = has_amounts.then(|| std::mem::take(&mut self.sums));
        Some(Ok(data))
    }
}
