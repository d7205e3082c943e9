//! The period table shape: one row per period with start, new, end (or enough of them with lost
//! to work out the rest), read into the rows the widget's period table is filled with
//! ([`crate::series::RowInput`]).

#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

use super::header::Role;
use super::number::{parse_number, DecimalStyle, ParsedNumber};
use super::problem::{excerpt, IngestError, Place, RowProblem, RowProblemKind, RowStats, Shape};
use super::records::OwnedRecord;
use super::{column_of, map_roles, ReadOptions};
use crate::count::MAX_COUNT;
use crate::series::RowInput;

/// One row for the widget's period table, with where it came from.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PeriodRow {
    /// The spreadsheet row it was read from; 0 for rows derived from activity.
    pub row: u64,
    /// Label, start, new, end as text; a blank start means "the previous row's end".
    pub input: RowInput,
    pub lost: Option<u64>,
    pub revenue: Option<f64>,
}

/// A count from a cell: a non-negative whole number. `1,234` and `1.234` are a thousand and
/// some here whatever the decimal style, since a count has no decimals.
pub fn count_from(parsed: &ParsedNumber) -> Option<u64> {
    let value = match parsed.ambiguous {
        Some(b'.') => parsed.resolve(DecimalStyle::Comma),
        _ => parsed.value,
    };
    let whole = value >= 0.0 && value.fract() == 0.0 && value <= MAX_COUNT as f64;
    (whole && !parsed.percent).then_some(value as u64)
}

type Read = (Vec<PeriodRow>, Vec<(Role, usize)>, RowStats);

/// Reads the data rows of a period table.
pub fn read_period_table(
    header: &[String],
    rows: &[&OwnedRecord],
    options: &ReadOptions,
) -> Result<Read, IngestError> {
    let mapping = map_roles(
        header,
        Shape::PeriodTable,
        &[],
        &[
            Role::Label,
            Role::Start,
            Role::New,
            Role::End,
            Role::Lost,
            Role::Revenue,
        ],
        &options.columns,
    )?;
    let count_roles = [Role::Start, Role::New, Role::End, Role::Lost];
    if count_roles
        .iter()
        .filter(|&&r| column_of(&mapping, r).is_some())
        .count()
        < 2
    {
        let missing = if column_of(&mapping, Role::End).is_none() {
            Role::End
        } else {
            Role::New
        };
        return Err(IngestError::MissingColumn {
            shape: Shape::PeriodTable,
            role: missing,
            header: header.to_vec(),
        });
    }
    let mut stats = RowStats::default();
    let mut out = Vec::new();
    for record in rows {
        if !stats.count_record(record) {
            continue;
        }
        match read_row(header, record, &mapping, options) {
            Ok(row) => {
                stats.used += 1;
                out.push(row);
            }
            Err(problem) => stats.skip(problem),
        }
    }
    stats.usable(Shape::PeriodTable)?;
    Ok((out, mapping, stats))
}

fn read_row(
    header: &[String],
    record: &OwnedRecord,
    mapping: &[(Role, usize)],
    options: &ReadOptions,
) -> Result<PeriodRow, RowProblem> {
    let place = |column: usize| {
        Place::cell(
            record.pos,
            column + 1,
            header.get(column).map_or("", String::as_str),
        )
    };
    let text = |role: Role| -> Option<(usize, &str)> {
        let column = column_of(mapping, role)?;
        let t = record.fields.get(column).map_or("", |s| s.trim());
        Some((column, t))
    };
    let count = |role: Role| -> Result<Option<u64>, RowProblem> {
        let Some((column, t)) = text(role) else {
            return Ok(None);
        };
        if t.is_empty() {
            return Ok(None);
        }
        let parsed = parse_number(t, options.decimal).map_err(|e| RowProblem {
            place: place(column),
            text: excerpt(t),
            kind: RowProblemKind::Number(e),
        })?;
        count_from(&parsed).map(Some).ok_or_else(|| RowProblem {
            place: place(column),
            text: excerpt(t),
            kind: RowProblemKind::NotACount,
        })
    };
    let mut start = count(Role::Start)?;
    let mut new = count(Role::New)?;
    let mut end = count(Role::End)?;
    let lost = count(Role::Lost)?;
    let inconsistent = |role: Role| {
        let column = column_of(mapping, role).unwrap_or(0);
        RowProblem {
            place: place(column),
            text: excerpt(text(role).map_or("", |t| t.1)),
            kind: RowProblemKind::Inconsistent,
        }
    };
    // Work out the one count missing from the other three: S + N − L = E.
    match (start, new, end, lost) {
        (Some(s), Some(n), None, Some(l)) => {
            end = Some(
                (s + n)
                    .checked_sub(l)
                    .ok_or_else(|| inconsistent(Role::Lost))?,
            );
        }
        (Some(s), None, Some(e), Some(l)) => {
            new = Some(
                (e + l)
                    .checked_sub(s)
                    .ok_or_else(|| inconsistent(Role::End))?,
            );
        }
        (None, Some(n), Some(e), Some(l)) => {
            start = Some(
                (e + l)
                    .checked_sub(n)
                    .ok_or_else(|| inconsistent(Role::End))?,
            );
        }
        (Some(s), Some(n), Some(e), Some(l)) if s + n != e + l => {
            return Err(inconsistent(Role::Lost));
        }
        (None, None, None, None) => {
            let column = column_of(mapping, Role::End).unwrap_or(0);
            return Err(RowProblem {
                place: place(column),
                text: String::new(),
                kind: RowProblemKind::EmptyCell,
            });
        }
        _ => {}
    }
    let revenue = match text(Role::Revenue) {
        Some((column, t)) if !t.is_empty() => Some(
            parse_number(t, options.decimal)
                .map_err(|e| RowProblem {
                    place: place(column),
                    text: excerpt(t),
                    kind: RowProblemKind::Number(e),
                })?
                .value,
        ),
        _ => None,
    };
    let label = text(Role::Label).map_or_else(
        || format!("{}", record.pos.row.saturating_sub(1)),
        |(_, t)| t.to_string(),
    );
    let show = |v: Option<u64>| v.map(|v| v.to_string()).unwrap_or_default();
    Ok(PeriodRow {
        row: record.pos.row,
        input: RowInput {
            label,
            start: show(start),
            new: show(new),
            end: show(end),
        },
        lost,
        revenue,
    })
}

#[cfg(test)]
mod tests {
    use crate::ingest::{read, Content, ReadOptions, Shape};

    fn rows(text: &str) -> Vec<(String, String, String, String)> {
        let got = read(text, &ReadOptions::default()).unwrap();
        assert_eq!(got.shape, Shape::PeriodTable);
        let Content::PeriodTable(rows) = got.content else {
            panic!()
        };
        rows.into_iter()
            .map(|r| (r.input.label, r.input.start, r.input.new, r.input.end))
            .collect()
    }

    fn t(a: &str, b: &str, c: &str, d: &str) -> (String, String, String, String) {
        (a.into(), b.into(), c.into(), d.into())
    }

    #[test]
    fn full_table() {
        assert_eq!(
            rows("period,start,new,end\nJan,20,5,24\nFeb,,3,25\n"),
            vec![t("Jan", "20", "5", "24"), t("Feb", "", "3", "25")]
        );
    }

    #[test]
    fn end_and_new_only_leave_start_to_carry() {
        assert_eq!(
            rows("Month;New customers;Customers at end\n2024-01;5;24\n2024-02;3;25\n"),
            vec![t("2024-01", "", "5", "24"), t("2024-02", "", "3", "25")]
        );
    }

    #[test]
    fn new_is_worked_out_from_start_end_lost() {
        assert_eq!(
            rows("period,start,end,lost\nQ1,44,43,13\n"),
            vec![t("Q1", "44", "12", "43")]
        );
    }

    #[test]
    fn thousands_in_counts() {
        assert_eq!(
            rows("period;start;new;end\nJan;1.000;500;1.438\n"),
            vec![t("Jan", "1000", "500", "1438")]
        );
    }

    #[test]
    fn rows_are_compatible_with_the_series() {
        let got = read(
            "period,start,new,end\nJan,20,5,24\nFeb,,3,25\n",
            &ReadOptions::default(),
        )
        .unwrap();
        let Content::PeriodTable(rows) = got.content else {
            panic!()
        };
        let inputs: Vec<_> = rows.into_iter().map(|r| r.input).collect();
        let report = crate::series::evaluate_rows(&inputs, crate::unit::PeriodUnit::Month);
        assert!(report.rows.iter().all(|r| r.problems.is_empty()));
        assert_eq!(report.rows[1].start, Some(24));
    }

    #[test]
    fn contradictions_are_skipped_with_their_place() {
        let got = read(
            "period,start,new,end,lost\na,10,0,9,1\nb,10,0,9,5\nc,9,1,10,0\n",
            &ReadOptions::default(),
        )
        .unwrap();
        assert_eq!(got.stats.skipped, 1);
        let p = &got.stats.problems[0];
        assert_eq!(p.place.row, 3);
        assert_eq!(p.place.column, Some(5));
        assert_eq!(p.kind, crate::ingest::RowProblemKind::Inconsistent);
    }

    #[test]
    fn fractional_count_is_a_problem() {
        let got = read(
            "period,start,new,end\na,10,0,9\nb,10,0.5,9\nc,1,1,1\n",
            &ReadOptions::default(),
        )
        .unwrap();
        assert_eq!(
            got.stats.problems[0].kind,
            crate::ingest::RowProblemKind::NotACount
        );
        assert_eq!(got.stats.problems[0].text, "0.5");
    }
}
