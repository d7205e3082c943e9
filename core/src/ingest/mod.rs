//! Importing a CSV the user pasted or dropped: which of the three shapes it is (period table,
//! cohort table, raw activity), which column plays which role, and the reading of each shape into
//! what the widget computes with. Entry points: [`read`] for a whole text, [`ActivityReader`]
//! for a large activity file pushed in chunks.
//!
//! Nothing is dropped silently: every skipped row is counted and (up to a cap) listed with its
//! place and reason in [`RowStats`], and a file with more bad rows than good is refused.

#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

pub mod activity;
pub mod cohort_table;
pub mod date;
pub mod finishing;
pub mod header;
mod intern;
pub mod number;
pub mod period_table;
pub mod problem;
pub mod records;
pub mod sniff;

pub use activity::{ActivityData, ActivityReader};
pub use date::DayMonthOrder;
pub use finishing::Finishing;
pub use header::Role;
pub use number::DecimalStyle;
pub use period_table::PeriodRow;
pub use problem::{IngestError, Place, RowProblem, RowProblemKind, RowStats, Shape};

use crate::calendar::Granularity;
use crate::cohort::Triangle;
use records::{split_all, OwnedRecord, RawRecord, RecordSplitter};
use sniff::{sniff_delimiter, strip_bom};

/// Choices the user can make, all optional: by default everything is detected.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Read as this shape instead of the detected one.
    pub shape: Option<Shape>,
    /// `b','`, `b';'`, `b'\t'` or `b'|'`; guessed when `None`.
    pub delimiter: Option<u8>,
    /// Columns chosen by the user, 1-based, before any header recognition.
    pub columns: Vec<(Role, usize)>,
    /// Settles `05/03/2024`; needed when the data never does.
    pub date_order: Option<DayMonthOrder>,
    /// Settles `1,234`; by default the column decides, else the decimal point.
    pub decimal: Option<DecimalStyle>,
    /// Cohort period for raw activity (and calendar dates in cohort tables).
    pub granularity: Granularity,
    /// The newest period in the data is complete: do not mark it unfinished.
    pub last_period_complete: bool,
}

/// What a file was read into.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    PeriodTable(Vec<PeriodRow>),
    Cohorts(Triangle),
    Activity(ActivityData),
}

/// The result of [`read`]: the data and how it was read, to show the user ("read as raw
/// activity: 1 923 692 rows, 3 columns, customer = column 1 …").
#[derive(Debug, Clone, PartialEq)]
pub struct Ingested {
    pub shape: Shape,
    pub delimiter: u8,
    pub header: Vec<String>,
    /// Columns in the header.
    pub columns: usize,
    /// The role of each used column, 1-based.
    pub mapping: Vec<(Role, usize)>,
    pub stats: RowStats,
    pub content: Content,
}

impl Ingested {
    /// The cohort triangle, for the shapes that have one.
    pub fn triangle(&self) -> Option<Triangle> {
        match &self.content {
            Content::PeriodTable(_) => None,
            Content::Cohorts(t) => Some(t.clone()),
            Content::Activity(a) => Some(a.triangle()),
        }
    }
}

/// Reads a whole text: detects the delimiter and the shape (unless given), maps the columns, and
/// reads the rows.
///
/// ```
/// use retention_core::ingest::{read, Content, ReadOptions, Shape};
///
/// // A period table: blank start = the previous row's end.
/// let got = read("period;new;end\nJan;5;24\nFeb;3;25\n", &ReadOptions::default()).unwrap();
/// assert_eq!(got.shape, Shape::PeriodTable);
/// let Content::PeriodTable(rows) = &got.content else { unreachable!() };
/// assert_eq!((rows[1].input.start.as_str(), rows[1].input.end.as_str()), ("", "25"));
///
/// // A wide cohort table in percentages of a size column.
/// let got = read("cohort,size,0,1\n2024-01,200,100%,45%\n2024-02,100,100%,\n",
///                &ReadOptions::default()).unwrap();
/// assert_eq!(got.shape, Shape::CohortWide);
/// assert_eq!(got.triangle().unwrap().cohorts[0].active, vec![200, 90]);
///
/// // A long cohort table.
/// let got = read("cohort,period,active,revenue\n2024-01,0,10,100\n2024-01,1,6,80\n",
///                &ReadOptions::default()).unwrap();
/// assert_eq!(got.shape, Shape::CohortLong);
/// let nrr = got.triangle().unwrap().nrr().unwrap();
/// assert_eq!(nrr.per_cohort[0][1], Some(0.8));
///
/// // Raw activity, with a problem row that is skipped and listed.
/// let got = read("user,created_at,mrr\na,2024-01-05,10\na,2024-02-01,12\nb,soon,1\nb,2024-02-09,5\n",
///                &ReadOptions::default()).unwrap();
/// assert_eq!(got.shape, Shape::RawActivity);
/// assert_eq!((got.stats.used, got.stats.skipped), (3, 1));
/// let p = &got.stats.problems[0];
/// assert_eq!((p.place.row, p.place.column, p.text.as_str()), (4, Some(2), "soon"));
/// let t = got.triangle().unwrap();
/// assert_eq!(t.cohorts[0].active, vec![1, 1]);
/// assert_eq!(t.cohorts[0].unfinished_from, Some(1));
/// ```
pub fn read(text: &str, options: &ReadOptions) -> Result<Ingested, IngestError> {
    let bytes = strip_bom(text.as_bytes());
    let delimiter = options
        .delimiter
        .unwrap_or_else(|| sniff_delimiter(bytes, true));
    let header = first_record(bytes, delimiter)?.ok_or(IngestError::Empty)?;
    let shape = match options.shape {
        Some(shape) => shape,
        None => {
            detect_shape(&header, &options.columns).ok_or_else(|| IngestError::UnknownShape {
                header: header.clone(),
            })?
        }
    };
    let columns = header.len();
    if shape == Shape::RawActivity {
        let mut reader = ActivityReader::new(ReadOptions {
            delimiter: Some(delimiter),
            ..options.clone()
        });
        reader.feed(bytes)?;
        let data = reader.finish()?;
        let c = data.columns;
        let mut mapping = vec![(Role::Customer, c.customer + 1), (Role::Date, c.date + 1)];
        if let Some(a) = c.amount {
            mapping.push((Role::Amount, a + 1));
        }
        return Ok(Ingested {
            shape,
            delimiter,
            header: data.header.clone(),
            columns,
            mapping,
            stats: data.stats.clone(),
            content: Content::Activity(data),
        });
    }
    let records = split_all(bytes, delimiter)?;
    let mut rows = records.iter().skip_while(|r| r.blank);
    let _header = rows.next();
    let data: Vec<&OwnedRecord> = rows.collect();
    let (content, mapping, stats) = match shape {
        Shape::PeriodTable => {
            let (rows, mapping, stats) = period_table::read_period_table(&header, &data, options)?;
            (Content::PeriodTable(rows), mapping, stats)
        }
        Shape::CohortLong => {
            let (t, mapping, stats) = cohort_table::read_long(&header, &data, options)?;
            (Content::Cohorts(t), mapping, stats)
        }
        Shape::CohortWide | Shape::RawActivity => {
            let (t, mapping, stats) = cohort_table::read_wide(&header, &data, options)?;
            (Content::Cohorts(t), mapping, stats)
        }
    };
    Ok(Ingested {
        shape,
        delimiter,
        header,
        columns,
        mapping: mapping.into_iter().map(|(role, c)| (role, c + 1)).collect(),
        stats,
        content,
    })
}

/// The first non-blank record, split without reading the rest of the text.
fn first_record(bytes: &[u8], delimiter: u8) -> Result<Option<Vec<String>>, IngestError> {
    let mut found: Option<Vec<String>> = None;
    let mut splitter = RecordSplitter::new(delimiter);
    fn keep(found: &mut Option<Vec<String>>, r: &RawRecord<'_>) {
        if found.is_none() && !r.is_blank() {
            *found = Some(r.to_strings());
        }
    }
    for chunk in bytes.chunks(64 * 1024) {
        splitter.feed(chunk, &mut |r| keep(&mut found, r))?;
        if found.is_some() {
            return Ok(found);
        }
    }
    splitter.finish(&mut |r| keep(&mut found, r))?;
    Ok(found)
}

/// The shape a header suggests. A user's column choices count as header names for their roles.
pub fn detect_shape(header: &[String], overrides: &[(Role, usize)]) -> Option<Shape> {
    let has = |role: Role| {
        overrides.iter().any(|(r, _)| *r == role) || header::find(header, role, &[]).is_some()
    };
    if has(Role::Cohort) && has(Role::Period) && has(Role::Active) {
        return Some(Shape::CohortLong);
    }
    if has(Role::Customer) && has(Role::Date) {
        return Some(Shape::RawActivity);
    }
    let counts = [Role::Start, Role::New, Role::End, Role::Lost]
        .into_iter()
        .filter(|&r| has(r))
        .count();
    if counts >= 2 {
        return Some(Shape::PeriodTable);
    }
    let period_columns = header
        .iter()
        .skip(1)
        .filter(|h| header::period_column_index(h).is_some())
        .count();
    let first_is_cohort = header
        .first()
        .is_some_and(|h| header::rank(Role::Cohort, h).is_some());
    if first_is_cohort && header.len() >= 2 {
        return Some(Shape::CohortWide);
    }
    // A first row that is data (a date in it), not a header: raw activity without a header.
    if overrides.is_empty() && activity::guess_columns(header).is_some() {
        return Some(Shape::RawActivity);
    }
    if period_columns >= 1 {
        return Some(Shape::CohortWide);
    }
    None
}

/// Maps roles to 0-based columns: the user's choices first (1-based, checked), then the best
/// header synonym for each role in turn. A missing required role is an error naming it.
pub fn map_roles(
    header: &[String],
    shape: Shape,
    required: &[Role],
    optional: &[Role],
    overrides: &[(Role, usize)],
) -> Result<Vec<(Role, usize)>, IngestError> {
    let mut found: Vec<(Role, usize)> = Vec::new();
    for &(role, column) in overrides {
        if column == 0 || column > header.len() {
            return Err(IngestError::NoSuchColumn {
                role,
                column,
                columns: header.len(),
            });
        }
        if required.contains(&role) || optional.contains(&role) {
            found.push((role, column - 1));
        }
    }
    for &role in required.iter().chain(optional) {
        if found.iter().any(|(r, _)| *r == role) {
            continue;
        }
        let taken: Vec<usize> = found.iter().map(|&(_, c)| c).collect();
        match header::find(header, role, &taken) {
            Some(column) => found.push((role, column)),
            None if required.contains(&role) => {
                return Err(IngestError::MissingColumn {
                    shape,
                    role,
                    header: header.to_vec(),
                })
            }
            None => {}
        }
    }
    Ok(found)
}

/// The column of `role` in a mapping.
pub(crate) fn column_of(mapping: &[(Role, usize)], role: Role) -> Option<usize> {
    mapping.iter().find(|(r, _)| *r == role).map(|&(_, c)| c)
}

#[cfg(test)]
mod tests;
