//! Raw activity (`customer_id, date[, amount]`, one row per event) read as a push parser, so the
//! browser can hand over a 50 MB file in chunks, show progress, and never hold it twice.
//!
//! Per event the reader keeps 8 bytes (interned customer number and a packed date) and 8 more for
//! the amount when there is one; customer ids are interned once each. Dates and amounts are
//! packed as parsed and resolved at the end, because a column's day/month order and decimal style
//! are only known once the whole column has been seen. At [`ActivityReader::finish`] the events
//! become sorted, de-duplicated (customer, period) keys: all the cohort figures need.

#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

use super::date::{parse_date, DateEvidence, DateValue, DayMonthOrder, OrderVerdict};
use super::header::Role;
use super::number::{parse_number, DecimalStyle, NumberEvidence};
use super::period_table::PeriodRow;
use super::problem::{
    excerpt, excerpt_bytes, ColumnName, IngestError, Place, RecordPos, RowProblem, RowProblemKind,
    RowStats, Shape,
};
use super::records::{RawRecord, RecordSplitter};
use super::sniff::{sniff_delimiter, strip_bom, SAMPLE_BYTES};
use super::{map_roles, ReadOptions};
use crate::calendar::{Date, Granularity};
use crate::cohort::{pack, CalendarPeriod, CustomerPeriods, Triangle};
use crate::series::RowInput;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The most calendar periods between the first and the last event: 100 years of months, 23 of
/// weeks. A longer span is almost always one mistyped year (`2204-01-01`), and its triangle
/// (periods² cells) would not fit in a browser tab.
pub const MAX_PERIODS: i64 = 1200;

/// How many example cells an ambiguity message quotes.
const EXAMPLES: usize = 3;

/// The columns of an activity file, 0-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActivityColumns {
    pub customer: usize,
    pub date: usize,
    pub amount: Option<usize>,
}

/// FxHash with a finaliser: customer ids are the user's own data, so hash flooding is no threat,
/// and SipHash would cost a good part of the reading time.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        // The multiply only carries low bits upwards, so ids differing in their last characters
        // (`C0000001`, `C0000002`: the high bytes of a little-endian word) would share their low
        // bits, which pick the bucket. MurmurHash3's finaliser mixes every bit into every other.
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

type FxMap = HashMap<Box<[u8]>, u32, BuildHasherDefault<FxHasher>>;

/// Flag bit of a packed date whose day/month order is still open.
const OPEN: u32 = 1 << 31;

fn pack_date(value: DateValue) -> u32 {
    match value {
        DateValue::Known(d) => ((d.year() as u32) << 9) | (d.month() << 5) | d.day(),
        DateValue::DayOrMonth {
            first,
            second,
            year,
        } => OPEN | (u32::from(year) << 10) | (u32::from(first) << 5) | u32::from(second),
    }
}

fn unpack_date(packed: u32, order: Option<DayMonthOrder>) -> Option<Date> {
    if packed & OPEN == 0 {
        return Date::new((packed >> 9) as i32, (packed >> 5) & 15, packed & 31);
    }
    let value = DateValue::DayOrMonth {
        first: ((packed >> 5) & 31) as u8,
        second: (packed & 31) as u8,
        year: ((packed >> 10) & 0x3fff) as u16,
    };
    value.resolve(order?)
}

/// Whether a header names a customer and a date column.
fn names_activity_columns(header: &[String]) -> bool {
    super::header::find(header, Role::Customer, &[]).is_some()
        && super::header::find(header, Role::Date, &[]).is_some()
}

/// The columns of a first row that is data, not a header: the first cell that is a date, the
/// first other non-empty cell as the customer, and the next cell that is a number as the amount.
/// `None` when no cell is a date.
pub fn guess_columns(fields: &[String]) -> Option<ActivityColumns> {
    let date = fields.iter().position(|f| parse_date(f, None).is_ok())?;
    let customer = (0..fields.len())
        .find(|&i| i != date && fields.get(i).is_some_and(|f| !f.trim().is_empty()))?;
    let amount = (0..fields.len()).find(|&i| {
        i != date && i != customer && fields.get(i).is_some_and(|f| parse_number(f, None).is_ok())
    });
    Some(ActivityColumns {
        customer,
        date,
        amount,
    })
}

/// Everything read from the rows, before the column-wide decisions.
struct Sink {
    date_order: Option<DayMonthOrder>,
    decimal: Option<DecimalStyle>,
    overrides: Vec<(Role, usize)>,
    header: Option<Vec<String>>,
    columns: Option<ActivityColumns>,
    /// The file had no header row; `header` holds made-up names.
    headerless: bool,
    error: Option<IngestError>,
    ids: FxMap,
    /// The previous row's customer id and number.
    last_id: Option<Vec<u8>>,
    last_customer: u32,
    /// `customer << 32 | packed date` per used row.
    events: Vec<u64>,
    amounts: Vec<f64>,
    /// Indices into `amounts` of `1,234`-like cells and their separator.
    open_amounts: Vec<(u32, u8)>,
    numbers: NumberEvidence,
    dates: DateEvidence,
    open_examples: Vec<String>,
    day_first_example: Option<(Place, String)>,
    month_first_example: Option<(Place, String)>,
    stats: RowStats,
}

fn trim(bytes: &[u8]) -> &[u8] {
    bytes.trim_ascii()
}

impl Sink {
    fn accept(&mut self, record: &RawRecord<'_>) {
        if self.error.is_some() {
            return;
        }
        if self.columns.is_some() {
            self.stats.blank += record.empty_lines_before;
        }
        if record.is_blank() {
            self.stats.blank += 1;
            return;
        }
        let Some(columns) = self.columns else {
            self.read_header(record);
            return;
        };
        self.stats.data_rows += 1;
        if let Err(problem) = self.accept_row(record, columns) {
            self.stats.skip(problem);
        }
    }

    fn read_header(&mut self, record: &RawRecord<'_>) {
        let header = record.to_strings();
        if self.overrides.is_empty() && !names_activity_columns(&header) {
            if let Some(columns) = guess_columns(&header) {
                // No header: the first row is data, and columns are known by their content.
                self.columns = Some(columns);
                self.headerless = true;
                self.header = Some((1..=header.len()).map(|i| format!("column {i}")).collect());
                self.stats.data_rows += 1;
                if let Err(problem) = self.accept_row(record, columns) {
                    self.stats.skip(problem);
                }
                return;
            }
        }
        let roles = map_roles(
            &header,
            Shape::RawActivity,
            &[Role::Customer, Role::Date],
            &[Role::Amount],
            &self.overrides,
        );
        match roles {
            Ok(found) => {
                let get = |role| found.iter().find(|(r, _)| *r == role).map(|&(_, c)| c);
                match (get(Role::Customer), get(Role::Date)) {
                    (Some(customer), Some(date)) => {
                        self.columns = Some(ActivityColumns {
                            customer,
                            date,
                            amount: get(Role::Amount),
                        })
                    }
                    _ => {
                        self.error = Some(IngestError::MissingColumn {
                            shape: Shape::RawActivity,
                            role: Role::Date,
                            header: header.clone(),
                        })
                    }
                }
            }
            Err(e) => self.error = Some(e),
        }
        self.header = Some(header);
    }

    fn column_name(&self, column: usize) -> &str {
        self.header
            .as_ref()
            .and_then(|h| h.get(column))
            .map_or("", String::as_str)
    }

    fn problem(
        &self,
        pos: RecordPos,
        column: usize,
        text: String,
        kind: RowProblemKind,
    ) -> RowProblem {
        RowProblem {
            place: Place::cell(pos, column + 1, self.column_name(column)),
            text,
            kind,
        }
    }

    fn accept_row(
        &mut self,
        record: &RawRecord<'_>,
        cols: ActivityColumns,
    ) -> Result<(), RowProblem> {
        let pos = record.pos;
        let cell = |column: usize| -> Result<&[u8], RowProblem> {
            match record.field(column) {
                Some(bytes) => Ok(trim(bytes)),
                None => Err(self.problem(pos, column, String::new(), RowProblemKind::MissingCell)),
            }
        };
        let id = cell(cols.customer)?;
        if id.is_empty() {
            return Err(self.problem(pos, cols.customer, String::new(), RowProblemKind::EmptyCell));
        }
        let date_bytes = cell(cols.date)?;
        let date_text = std::str::from_utf8(date_bytes).map_err(|_| {
            self.problem(
                pos,
                cols.date,
                excerpt_bytes(date_bytes),
                RowProblemKind::NotUtf8,
            )
        })?;
        let date = parse_date(date_text, self.date_order).map_err(|e| {
            self.problem(pos, cols.date, excerpt(date_text), RowProblemKind::Date(e))
        })?;
        let mut amount = None;
        if let Some(column) = cols.amount {
            // A missing or blank amount is activity without revenue, not a broken row.
            let bytes = record.field(column).map(trim).unwrap_or_default();
            if !bytes.is_empty() {
                let text = std::str::from_utf8(bytes).map_err(|_| {
                    self.problem(pos, column, excerpt_bytes(bytes), RowProblemKind::NotUtf8)
                })?;
                let parsed = parse_number(text, self.decimal).map_err(|e| {
                    self.problem(pos, column, excerpt(text), RowProblemKind::Number(e))
                })?;
                amount = Some(parsed);
            }
        }
        // Exports often list a customer's events together: skip the hash for a repeat.
        let customer = if self.last_id.as_deref() == Some(id) {
            self.last_customer
        } else {
            let n = match self.ids.get(id) {
                Some(&n) => n,
                None => {
                    let Ok(n) = u32::try_from(self.ids.len()) else {
                        self.error = Some(IngestError::TooLarge);
                        return Ok(());
                    };
                    self.ids.insert(Box::from(id), n);
                    n
                }
            };
            self.last_customer = n;
            let last = self.last_id.get_or_insert_with(Vec::new);
            last.clear();
            last.extend_from_slice(id);
            n
        };
        // Evidence only from rows that are used, so a skipped row cannot tip a column.
        self.dates.add(&date);
        match date.evidence {
            Some(DayMonthOrder::DayFirst) if self.day_first_example.is_none() => {
                self.day_first_example = Some((
                    Place::cell(pos, cols.date + 1, self.column_name(cols.date)),
                    excerpt(date_text),
                ));
            }
            Some(DayMonthOrder::MonthFirst) if self.month_first_example.is_none() => {
                self.month_first_example = Some((
                    Place::cell(pos, cols.date + 1, self.column_name(cols.date)),
                    excerpt(date_text),
                ));
            }
            _ => {}
        }
        if matches!(date.value, DateValue::DayOrMonth { .. }) && self.open_examples.len() < EXAMPLES
        {
            self.open_examples.push(excerpt(date_text));
        }
        self.events
            .push((u64::from(customer) << 32) | u64::from(pack_date(date.value)));
        if cols.amount.is_some() {
            let value = amount.map_or(0.0, |p| p.value);
            if let Some(p) = amount {
                self.numbers.add(&p);
                if let (Some(sep), Ok(index)) = (p.ambiguous, u32::try_from(self.amounts.len())) {
                    self.open_amounts.push((index, sep));
                }
            }
            self.amounts.push(value);
        }
        self.stats.used += 1;
        Ok(())
    }

    fn date_column(&self) -> ColumnName {
        let column = self.columns.map_or(0, |c| c.date);
        ColumnName {
            column: column + 1,
            name: self.column_name(column).to_string(),
        }
    }

    /// The column-wide decisions that can stop the read: refusals and questions for the user.
    fn check(&self) -> Result<Option<DayMonthOrder>, IngestError> {
        if let Some(e) = &self.error {
            return Err(e.clone());
        }
        if self.header.is_none() {
            return Err(IngestError::Empty);
        }
        self.stats.usable(Shape::RawActivity)?;
        match self.dates.verdict(self.date_order) {
            OrderVerdict::Settled(order) => Ok(order),
            OrderVerdict::Ambiguous => Err(IngestError::AmbiguousDates {
                column: self.date_column(),
                examples: self.open_examples.clone(),
            }),
            OrderVerdict::Mixed => Err(IngestError::MixedDateOrder {
                column: self.date_column(),
                day_first: Box::new(self.day_first_example.clone().unwrap_or_default()),
                month_first: Box::new(self.month_first_example.clone().unwrap_or_default()),
            }),
        }
    }

    fn build(
        self,
        order: Option<DayMonthOrder>,
        options: &ReadOptions,
        delimiter: u8,
    ) -> Result<ActivityData, IngestError> {
        let style = self.numbers.style(self.decimal);
        let mut amounts = self.amounts;
        if style == DecimalStyle::Comma {
            for &(index, sep) in &self.open_amounts {
                if let Some(a) = amounts.get_mut(index as usize) {
                    *a = match sep {
                        b',' => *a / 1000.0,
                        _ => *a * 1000.0,
                    };
                }
            }
        }
        let granularity = options.granularity;
        // Calendar periods per event; an open date resolves under `order`, and both of its
        // readings were checked to be real days when parsed, so none is lost here.
        let mut periods: Vec<(u32, i64)> = Vec::with_capacity(self.events.len());
        let (mut first, mut last) = (i64::MAX, i64::MIN);
        for &event in &self.events {
            let customer = (event >> 32) as u32;
            let Some(date) = unpack_date(event as u32, order) else {
                continue;
            };
            let p = granularity.period_of(date);
            first = first.min(p);
            last = last.max(p);
            periods.push((customer, p));
        }
        if periods.is_empty() {
            return Err(IngestError::NoData);
        }
        let span = last - first + 1;
        if span > MAX_PERIODS {
            return Err(IngestError::SpanTooLong {
                first: granularity.label(first),
                last: granularity.label(last),
                periods: span as u64,
                limit: MAX_PERIODS as u64,
            });
        }
        let customers = self.ids.len();
        let has_amounts = !amounts.is_empty();
        let amounts = has_amounts.then_some(amounts);
        let (keys, amounts) = group_by_customer(&periods, amounts.as_deref(), customers, first);
        Ok(ActivityData {
            granularity,
            delimiter,
            header: self.header.unwrap_or_default(),
            headerless: self.headerless,
            columns: self.columns.unwrap_or(ActivityColumns {
                customer: 0,
                date: 0,
                amount: None,
            }),
            stats: self.stats,
            customers: u32::try_from(self.ids.len()).unwrap_or(u32::MAX),
            first_period: first,
            periods: span as u32,
            keys,
            amounts,
            date_order: order,
            decimal: style,
            last_period_complete: options.last_period_complete,
        })
    }
}

enum Phase {
    /// Collecting the first bytes to guess the delimiter from.
    Sniffing(Vec<u8>),
    Splitting(Box<RecordSplitter>),
    /// All bytes split; waiting for a decision (e.g. the day/month order) or done.
    Split,
    Done,
}

/// The push parser for raw activity.
///
/// ```
/// use retention_core::ingest::{ActivityReader, ReadOptions};
/// let mut reader = ActivityReader::new(ReadOptions::default());
/// reader.feed(b"customer_id,date,amount\nc1,2024-01-05,10\nc1,2024-0").unwrap();
/// reader.feed(b"2-07,12\nc2,2024-02-01,5\n").unwrap();
/// let data = reader.finish().unwrap();
/// let triangle = data.triangle();
/// assert_eq!(triangle.cohorts[0].active, vec![1, 1]);
/// ```
pub struct ActivityReader {
    options: ReadOptions,
    bytes: u64,
    delimiter: u8,
    phase: Phase,
    sink: Option<Sink>,
}

impl ActivityReader {
    pub fn new(options: ReadOptions) -> ActivityReader {
        let sink = Sink {
            date_order: options.date_order,
            decimal: options.decimal,
            overrides: options.columns.clone(),
            header: None,
            columns: None,
            headerless: false,
            error: None,
            ids: FxMap::default(),
            last_id: None,
            last_customer: 0,
            events: Vec::new(),
            amounts: Vec::new(),
            open_amounts: Vec::new(),
            numbers: NumberEvidence::default(),
            dates: DateEvidence::default(),
            open_examples: Vec::new(),
            day_first_example: None,
            month_first_example: None,
            stats: RowStats::default(),
        };
        ActivityReader {
            delimiter: options.delimiter.unwrap_or(b','),
            options,
            bytes: 0,
            phase: Phase::Sniffing(Vec::new()),
            sink: Some(sink),
        }
    }

    /// Bytes handed over so far, for a progress bar.
    pub fn bytes_consumed(&self) -> u64 {
        self.bytes
    }

    /// Rows used and skipped so far.
    pub fn stats(&self) -> Option<&RowStats> {
        self.sink.as_ref().map(|s| &s.stats)
    }

    /// The delimiter in use (guessed after the first 64 KiB or at `finish`).
    pub fn delimiter(&self) -> u8 {
        self.delimiter
    }

    /// Sets the day/month order, e.g. after `finish` answered [`IngestError::AmbiguousDates`];
    /// call `finish` again afterwards.
    pub fn set_date_order(&mut self, order: DayMonthOrder) {
        self.options.date_order = Some(order);
        if let Some(sink) = &mut self.sink {
            sink.date_order = Some(order);
        }
    }

    /// Hands over the next bytes. A chunk may end anywhere: inside a record, a quoted field, a
    /// UTF-8 character or between CR and LF. An error here is final (the header does not fit,
    /// or a record never ends); feeding more is then pointless.
    pub fn feed(&mut self, chunk: &[u8]) -> Result<(), IngestError> {
        self.bytes += chunk.len() as u64;
        match &mut self.phase {
            Phase::Sniffing(buffer) => {
                if buffer.is_empty() && chunk.len() >= SAMPLE_BYTES {
                    // A whole text or a large first chunk: sniff it in place rather than copy it.
                    self.start_splitting(chunk, false)?;
                } else {
                    buffer.extend_from_slice(chunk);
                    if buffer.len() >= SAMPLE_BYTES {
                        self.start_splitting(&[], false)?;
                    }
                }
            }
            Phase::Splitting(splitter) => {
                let Some(sink) = self.sink.as_mut() else {
                    return Err(IngestError::ReaderClosed);
                };
                if let Err(e) = splitter.feed(chunk, &mut |r| sink.accept(r)) {
                    sink.error = Some(e);
                }
            }
            Phase::Split | Phase::Done => return Err(IngestError::ReaderClosed),
        }
        match self.sink.as_ref().and_then(|s| s.error.clone()) {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// Guesses the delimiter from what was buffered, or from `chunk` when nothing was, and
    /// splits it.
    fn start_splitting(&mut self, chunk: &[u8], complete: bool) -> Result<(), IngestError> {
        let Phase::Sniffing(buffer) = std::mem::replace(&mut self.phase, Phase::Split) else {
            return Ok(());
        };
        let data = strip_bom(if buffer.is_empty() { chunk } else { &buffer });
        self.delimiter = self
            .options
            .delimiter
            .unwrap_or_else(|| sniff_delimiter(data, complete));
        let mut splitter = RecordSplitter::new(self.delimiter);
        let Some(sink) = self.sink.as_mut() else {
            return Err(IngestError::ReaderClosed);
        };
        if let Err(e) = splitter.feed(data, &mut |r| sink.accept(r)) {
            sink.error = Some(e);
        }
        self.phase = Phase::Splitting(Box::new(splitter));
        Ok(())
    }

    /// Ends the input and builds the data. Answers [`IngestError::AmbiguousDates`] when the
    /// day/month order cannot be told: then [`ActivityReader::set_date_order`] and call again.
    pub fn finish(&mut self) -> Result<ActivityData, IngestError> {
        if matches!(self.phase, Phase::Sniffing(_)) {
            self.start_splitting(&[], true)?;
        }
        if let Phase::Splitting(mut splitter) = std::mem::replace(&mut self.phase, Phase::Split) {
            if let Some(sink) = self.sink.as_mut() {
                if let Err(e) = splitter.finish(&mut |r| sink.accept(r)) {
                    sink.error = Some(e);
                }
            }
        }
        let order = self
            .sink
            .as_ref()
            .ok_or(IngestError::ReaderClosed)?
            .check()?;
        let sink = self.sink.take().ok_or(IngestError::ReaderClosed)?;
        self.phase = Phase::Done;
        sink.build(order, &self.options, self.delimiter)
    }
}

/// Sorted, distinct (customer, period) keys (`cohort::pack` order: customer, then period) with
/// the summed amount of each when there are amounts.
///
/// Not a comparison sort of all pairs: customer ids are dense (`0..customers`, interned in order
/// of appearance), so a counting sort by customer is one linear pass, and what is left to sort is
/// each customer's handful of periods. In wasm this took the end of a 1.9 M-row load from about
/// 300 ms in one task to a fraction of it (docs/BENCHMARKS.md).
fn group_by_customer(
    events: &[(u32, i64)],
    amounts: Option<&[f64]>,
    customers: usize,
    first: i64,
) -> (Vec<u64>, Option<Vec<f64>>) {
    // Ids outside 0..customers cannot happen (they come from the interner); such an event would
    // be dropped rather than indexing out of bounds.
    let mut starts = vec![0u32; customers + 1];
    for &(c, _) in events {
        if let Some(n) = starts.get_mut(c as usize + 1) {
            *n += 1;
        }
    }
    let mut running = 0u32;
    for n in starts.iter_mut() {
        running += *n;
        *n = running;
    }
    let mut cursor = starts.clone();
    let mut grouped: Vec<(u32, f64)> = vec![(0, 0.0); events.len()];
    for (i, &(c, p)) in events.iter().enumerate() {
        let Some(slot) = cursor.get_mut(c as usize) else {
            continue;
        };
        if let Some(cell) = grouped.get_mut(*slot as usize) {
            let amount = amounts.and_then(|a| a.get(i)).copied().unwrap_or(0.0);
            *cell = ((p - first) as u32, amount);
            *slot += 1;
        }
    }
    let mut keys: Vec<u64> = Vec::with_capacity(events.len());
    let mut sums: Vec<f64> = Vec::with_capacity(if amounts.is_some() { events.len() } else { 0 });
    for (c, window) in starts.windows(2).enumerate() {
        let &[from, to] = window else {
            continue;
        };
        let Some(slice) = grouped.get_mut(from as usize..to as usize) else {
            continue;
        };
        // Most customers have a few events: the sort is over a handful of items, and stable so
        // that amounts add up in file order, as they did before.
        slice.sort_by_key(|&(p, _)| p);
        for &(p, a) in slice.iter() {
            let k = pack(c as u32, p);
            if keys.last() == Some(&k) {
                if let Some(sum) = sums.last_mut() {
                    *sum += a;
                }
            } else {
                keys.push(k);
                if amounts.is_some() {
                    sums.push(a);
                }
            }
        }
    }
    (keys, amounts.map(|_| sums))
}

/// What an activity file reduces to: per customer, the periods they were active in (and their
/// revenue there). Everything the cohort figures need, nothing more.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityData {
    pub granularity: Granularity,
    pub delimiter: u8,
    /// The header row, or `column 1`, `column 2`, … when the file had none.
    pub header: Vec<String>,
    /// The first row was data: columns were recognised by their content.
    pub headerless: bool,
    pub columns: ActivityColumns,
    pub stats: RowStats,
    /// Distinct customers.
    pub customers: u32,
    /// Calendar index of the earliest period.
    pub first_period: i64,
    /// Periods from the earliest to the newest, inclusive.
    pub periods: u32,
    keys: Vec<u64>,
    amounts: Option<Vec<f64>>,
    /// The day/month order the dates were read with (`None`: no slashed date).
    pub date_order: Option<DayMonthOrder>,
    pub decimal: DecimalStyle,
    pub last_period_complete: bool,
}

impl ActivityData {
    pub fn customer_periods(&self) -> CustomerPeriods<'_> {
        CustomerPeriods {
            granularity: self.granularity,
            first_period: self.first_period,
            periods: self.periods,
            keys: &self.keys,
            amounts: self.amounts.as_deref(),
            last_period_complete: self.last_period_complete,
        }
    }

    /// Distinct (customer, period) pairs with activity.
    pub fn active_pairs(&self) -> usize {
        self.keys.len()
    }

    pub fn has_amounts(&self) -> bool {
        self.amounts.is_some()
    }

    pub fn triangle(&self) -> Triangle {
        self.customer_periods().triangle()
    }

    pub fn calendar_periods(&self) -> Vec<CalendarPeriod> {
        self.customer_periods().calendar_periods()
    }

    /// The calendar period table as rows for the widget's period table (start, new, end as
    /// text). The first period's start is 0: nobody was a customer before the data begins.
    pub fn period_rows(&self) -> Vec<PeriodRow> {
        self.calendar_periods()
            .into_iter()
            .map(|p| PeriodRow {
                row: 0,
                input: RowInput {
                    label: p.label,
                    start: p.start.to_string(),
                    new: p.new.to_string(),
                    end: p.end.to_string(),
                },
                lost: Some(p.lost),
                revenue: p.revenue,
            })
            .collect()
    }
}
