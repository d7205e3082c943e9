//! Where a problem is and what it is: every message the importer can give, as values the UI
//! translates and puts next to the right cell.
//!
//! Positions follow the `csv` crate's habit of giving both the physical line and the record, but
//! speak the spreadsheet's language: `row` is the row a spreadsheet shows when it opens the file
//! (header = row 1, a blank line is an empty row, a quoted cell with line breaks stays one row),
//! `line` the line in a text editor, `column` 1-based with its header name.

use super::date::DateError;
use super::header::Role;
use super::number::NumberError;
use std::fmt;

/// How much of an offending cell is kept for the message.
pub const TEXT_LIMIT: usize = 40;

/// How many skipped rows are listed one by one; the rest are only counted.
pub const PROBLEM_LIMIT: usize = 100;

/// The position of a record in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RecordPos {
    /// The spreadsheet row, 1-based, header = 1.
    pub row: u64,
    /// The text-editor line where the record starts, 1-based.
    pub line: u64,
}

/// A cell's place: its record and, when one cell is at fault, its column.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Place {
    pub row: u64,
    pub line: u64,
    /// 1-based.
    pub column: Option<usize>,
    pub column_name: Option<String>,
}

impl Place {
    pub fn record(pos: RecordPos) -> Place {
        Place {
            row: pos.row,
            line: pos.line,
            column: None,
            column_name: None,
        }
    }

    pub fn cell(pos: RecordPos, column: usize, name: &str) -> Place {
        Place {
            row: pos.row,
            line: pos.line,
            column: Some(column),
            column_name: Some(name.to_string()),
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "row {}", self.row)?;
        if self.line != self.row {
            write!(f, " (line {})", self.line)?;
        }
        match (self.column, &self.column_name) {
            (Some(c), Some(n)) if !n.is_empty() => write!(f, ", column {c} \"{n}\""),
            (Some(c), _) => write!(f, ", column {c}"),
            _ => Ok(()),
        }
    }
}

/// The first [`TEXT_LIMIT`] characters of a cell, with `…` when cut. Cut on a character boundary.
pub fn excerpt(text: &str) -> String {
    match text.char_indices().nth(TEXT_LIMIT) {
        Some((at, _)) => format!("{}…", text.get(..at).unwrap_or("")),
        None => text.to_string(),
    }
}

/// [`excerpt`] of raw bytes, which need not be UTF-8.
pub fn excerpt_bytes(bytes: &[u8]) -> String {
    excerpt(&String::from_utf8_lossy(
        bytes.get(..TEXT_LIMIT * 4).unwrap_or(bytes),
    ))
}

/// What is wrong with one data row. The row is skipped and listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowProblemKind {
    /// The record ends before a column the importer needs.
    MissingCell,
    /// A needed cell is empty.
    EmptyCell,
    Number(NumberError),
    /// A count that is negative, fractional or too large.
    NotACount,
    Date(DateError),
    /// A date that only reads as a real day in the other day/month order than the column's.
    DateAgainstColumnOrder,
    /// Bytes that are not UTF-8 in a cell that must be text (a date, an amount).
    NotUtf8,
    /// The same cohort and period twice in a cohort table.
    Duplicate,
    /// A percentage without a cohort size to apply it to.
    PercentWithoutSize,
    /// A period cell that does not name a period (`2024-03`, `3`) or lies before its cohort.
    BadPeriod,
    /// A period-table row whose counts contradict each other (e.g. start + new − lost < 0).
    Inconsistent,
}

impl fmt::Display for RowProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RowProblemKind::MissingCell => f.write_str("the row is too short"),
            RowProblemKind::EmptyCell => f.write_str("empty cell"),
            RowProblemKind::Number(e) => write!(f, "number: {e}"),
            RowProblemKind::NotACount => f.write_str("not a whole, non-negative count"),
            RowProblemKind::Date(e) => write!(f, "date: {e}"),
            RowProblemKind::DateAgainstColumnOrder => {
                f.write_str("date only valid in the other day/month order")
            }
            RowProblemKind::NotUtf8 => f.write_str("text is not UTF-8"),
            RowProblemKind::Duplicate => f.write_str("duplicate cohort and period"),
            RowProblemKind::PercentWithoutSize => f.write_str("percentage without a cohort size"),
            RowProblemKind::BadPeriod => f.write_str("not a period"),
            RowProblemKind::Inconsistent => f.write_str("counts contradict each other"),
        }
    }
}

/// One skipped row: where, the offending text (cut to [`TEXT_LIMIT`]) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub place: Place,
    pub text: String,
    pub kind: RowProblemKind,
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} ({:?})", self.place, self.kind, self.text)
    }
}

/// How the data rows were used. `data_rows = used + skipped`; blank rows are neither.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RowStats {
    pub data_rows: u64,
    pub used: u64,
    pub skipped: u64,
    pub blank: u64,
    /// The first [`PROBLEM_LIMIT`] skipped rows; `skipped` counts them all.
    pub problems: Vec<RowProblem>,
}

impl RowStats {
    pub fn skip(&mut self, problem: RowProblem) {
        self.skipped += 1;
        if self.problems.len() < PROBLEM_LIMIT {
            self.problems.push(problem);
        }
    }

    /// More than half of the data rows were bad: a result built on the rest would mislead.
    pub fn mostly_broken(&self) -> bool {
        self.skipped > 0 && self.skipped.saturating_mul(2) > self.data_rows
    }

    /// Counts one record of a whole-text reader: the empty lines before it, and the record as
    /// blank or as a data row. True when it is a data row to read.
    pub fn count_record(&mut self, record: &super::records::OwnedRecord) -> bool {
        self.blank += record.empty_lines_before;
        if record.blank {
            self.blank += 1;
            return false;
        }
        self.data_rows += 1;
        true
    }

    /// The refusal every shape reader ends with: no data rows at all, or mostly broken ones.
    pub fn usable(&self, shape: Shape) -> Result<(), IngestError> {
        if self.data_rows == 0 {
            return Err(IngestError::NoData);
        }
        if self.mostly_broken() {
            return Err(IngestError::MostlyBroken {
                shape,
                stats: self.clone(),
            });
        }
        Ok(())
    }
}

/// The three input shapes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shape {
    /// One row per period: start, new, end (or enough of them, with lost).
    PeriodTable,
    /// One row per cohort and period: `cohort, period, active[, revenue]`.
    CohortLong,
    /// One row per cohort, one column per period: the spreadsheet triangle.
    CohortWide,
    /// One row per customer event: `customer_id, date[, amount]`.
    RawActivity,
}

impl Shape {
    pub fn key(self) -> &'static str {
        match self {
            Shape::PeriodTable => "period_table",
            Shape::CohortLong => "cohort_long",
            Shape::CohortWide => "cohort_wide",
            Shape::RawActivity => "raw_activity",
        }
    }
}

/// A column as named in a message: 1-based number and header text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnName {
    pub column: usize,
    pub name: String,
}

/// Why a whole file was refused. Each carries what the UI needs to say where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IngestError {
    /// Nothing but blank lines (or nothing at all).
    Empty,
    /// A header and no data row.
    NoData,
    /// No column layout matches any shape; `header` is what was found.
    UnknownShape { header: Vec<String> },
    /// The chosen or detected shape needs a column that is not there.
    MissingColumn {
        shape: Shape,
        role: Role,
        header: Vec<String>,
    },
    /// A column chosen in the options does not exist (1-based).
    NoSuchColumn {
        role: Role,
        column: usize,
        columns: usize,
    },
    /// Every slashed date in the column reads both as day/month and month/day: ask the user and
    /// pass the answer as `date_order`.
    AmbiguousDates {
        column: ColumnName,
        examples: Vec<String>,
    },
    /// Some dates in the column are day-first and others month-first.
    MixedDateOrder {
        column: ColumnName,
        /// The first day-first cell: place and text.
        day_first: Box<(Place, String)>,
        month_first: Box<(Place, String)>,
    },
    /// More than half of the data rows are bad; `stats` lists them.
    MostlyBroken { shape: Shape, stats: RowStats },
    /// A record longer than the importer holds at once; almost always an opening quote that is
    /// never closed, which swallows the rest of the file.
    RecordTooLong { place: Place, limit: usize },
    /// More distinct customers than the compact representation can count (over 4 billion).
    TooLarge,
    /// The dates span more periods than a triangle can show; usually one mistyped year.
    SpanTooLong {
        first: String,
        last: String,
        periods: u64,
        limit: u64,
    },
    /// `feed` after `finish`, or the reader failed earlier: the original error is returned once.
    ReaderClosed,
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IngestError::Empty => f.write_str("the file is empty"),
            IngestError::NoData => f.write_str("the file has a header but no data rows"),
            IngestError::UnknownShape { header } => {
                write!(f, "no known layout matches the columns {header:?}")
            }
            IngestError::MissingColumn {
                shape,
                role,
                header,
            } => write!(
                f,
                "a {} needs a {} column; found {header:?}",
                shape.key(),
                role.key()
            ),
            IngestError::NoSuchColumn {
                role,
                column,
                columns,
            } => write!(
                f,
                "column {column} chosen for {} does not exist (the file has {columns})",
                role.key()
            ),
            IngestError::AmbiguousDates { column, examples } => write!(
                f,
                "column {} \"{}\": dates like {examples:?} read as day/month or month/day",
                column.column, column.name
            ),
            IngestError::MixedDateOrder {
                column,
                day_first,
                month_first,
            } => write!(
                f,
                "column {} \"{}\" mixes day-first ({}: {:?}) and month-first ({}: {:?}) dates",
                column.column, column.name, day_first.0, day_first.1, month_first.0, month_first.1
            ),
            IngestError::MostlyBroken { stats, .. } => write!(
                f,
                "{} of {} data rows are unusable",
                stats.skipped, stats.data_rows
            ),
            IngestError::RecordTooLong { place, limit } => write!(
                f,
                "{place}: a record longer than {limit} bytes (an unclosed quote?)"
            ),
            IngestError::TooLarge => f.write_str("too many customers"),
            IngestError::SpanTooLong {
                first,
                last,
                periods,
                limit,
            } => write!(
                f,
                "the dates run from {first} to {last}: {periods} periods, more than {limit}"
            ),
            IngestError::ReaderClosed => f.write_str("the reader is closed"),
        }
    }
}

impl std::error::Error for IngestError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_cut_on_characters() {
        assert_eq!(excerpt("short"), "short");
        let long = "é".repeat(50);
        let cut = excerpt(&long);
        assert_eq!(cut.chars().count(), TEXT_LIMIT + 1);
        assert!(cut.ends_with('…'));
        assert_eq!(excerpt_bytes(b"\xff\xfeab"), "\u{fffd}\u{fffd}ab");
    }

    #[test]
    fn places_read_like_a_spreadsheet() {
        let pos = RecordPos { row: 7, line: 9 };
        assert_eq!(
            Place::cell(pos, 2, "date").to_string(),
            "row 7 (line 9), column 2 \"date\""
        );
        assert_eq!(
            Place::record(RecordPos { row: 3, line: 3 }).to_string(),
            "row 3"
        );
    }

    #[test]
    fn problems_are_capped_but_counted() {
        let mut stats = RowStats::default();
        for _ in 0..(PROBLEM_LIMIT + 5) {
            stats.skip(RowProblem {
                place: Place::default(),
                text: String::new(),
                kind: RowProblemKind::EmptyCell,
            });
        }
        assert_eq!(stats.skipped, (PROBLEM_LIMIT + 5) as u64);
        assert_eq!(stats.problems.len(), PROBLEM_LIMIT);
    }
}
