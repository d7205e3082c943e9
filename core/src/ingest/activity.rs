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

use super::date::{
    parse_date, DateEvidence, DateValue, DayMonthOrder, OrderVerdict, AMBIGUITY_EXAMPLES,
};
use super::finishing::Finishing;
use super::header::Role;
use super::intern::Interner;
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
use crate::cohort::{CalendarPeriod, CustomerPeriods, Triangle};
use crate::series::RowInput;

/// The most calendar periods between the first and the last event: 100 years of months, 23 of
/// weeks. A longer span is almost always one mistyped year (`2204-01-01`), and its triangle
/// (periods² cells) would not fit in a browser tab.
pub const MAX_PERIODS: i64 = 1200;

/// The columns of an activity file, 0-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActivityColumns {
    pub customer: usize,
    pub date: usize,
    pub amount: Option<usize>,
}

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

pub(super) fn unpack_date(packed: u32, order: Option<DayMonthOrder>) -> Option<Date> {
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
    ids: Interner,
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
        let Some(customer) = self.ids.number(id) else {
            self.error = Some(IngestError::TooLarge);
            return Ok(());
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
        if matches!(date.value, DateValue::DayOrMonth { .. })
            && self.open_examples.len() < AMBIGUITY_EXAMPLES
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

    /// The finish, with the column-wide number style applied to the amounts.
    fn into_finishing(
        self,
        order: Option<DayMonthOrder>,
        options: &ReadOptions,
        delimiter: u8,
    ) -> Finishing {
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
        let data = ActivityData {
            granularity: options.granularity,
            delimiter,
            header: self.header.unwrap_or_default(),
            headerless: self.headerless,
            columns: self.columns.unwrap_or(ActivityColumns {
                customer: 0,
                date: 0,
                amount: None,
            }),
            stats: self.stats,
            customers: u32::try_from(self.ids.count()).unwrap_or(u32::MAX),
            first_period: 0,
            periods: 0,
            keys: Vec::new(),
            amounts: None,
            date_order: order,
            decimal: style,
            last_period_complete: options.last_period_complete,
        };
        Finishing::new(data, self.events, amounts)
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
            ids: Interner::default(),
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
        self.finish_in_steps()?.run()
    }

    /// [`ActivityReader::finish`] as bounded steps, for a caller that must not block (the
    /// browser's main thread): the checks happen here, the building in [`Finishing::step`].
    pub fn finish_in_steps(&mut self) -> Result<Finishing, IngestError> {
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
        Ok(sink.into_finishing(order, &self.options, self.delimiter))
    }
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
    pub(super) keys: Vec<u64>,
    pub(super) amounts: Option<Vec<f64>>,
    /// The day/month order the dates were read with (`None`: no slashed date).
    pub date_order: Option<DayMonthOrder>,
    pub decimal: DecimalStyle,
    pub last_period_complete: bool,
}

impl ActivityData {
    /// A placeholder, left behind when a finished read hands its data over.
    pub(super) fn empty() -> ActivityData {
        ActivityData {
            granularity: Granularity::Month,
            delimiter: b',',
            header: Vec::new(),
            headerless: false,
            columns: ActivityColumns {
                customer: 0,
                date: 0,
                amount: None,
            },
            stats: RowStats::default(),
            customers: 0,
            first_period: 0,
            periods: 0,
            keys: Vec::new(),
            amounts: None,
            date_order: None,
            decimal: DecimalStyle::Point,
            last_period_complete: false,
        }
    }

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
