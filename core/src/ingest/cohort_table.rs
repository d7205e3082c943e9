//! Cohort tables someone already computed: long (`cohort, period, active[, revenue]`, one row per
//! cell) or wide (one row per cohort, one column per period since the start — the spreadsheet
//! triangle, in counts or in percentages of the cohort size).
//!
//! Such a table gives counts, not customers: the triangle it makes says so
//! ([`TriangleSource::CountTable`]), and "on or after" retention and GRR are unavailable from it.

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
use super::header::{self, Role};
use super::number::parse_number;
use super::period_table::count_from;
use super::problem::{
    excerpt, ColumnName, IngestError, Place, RowProblem, RowProblemKind, RowStats, Shape,
};
use super::records::OwnedRecord;
use super::{column_of, map_roles, ReadOptions};
use crate::calendar::Granularity;
use crate::cohort::{CohortRow, Triangle, TriangleSource};
use std::collections::{BTreeMap, HashMap};

type Read = (Triangle, Vec<(Role, usize)>, RowStats);

/// A cell that may name a calendar period: a label (`2024-03`, `2024-W09`) or a date.
#[derive(Debug, Clone, Copy)]
enum Calendar {
    Label(Granularity, i64),
    Date(DateValue),
}

/// A cohort label read as a calendar period; a date it cannot tell day from month in is counted
/// in `evidence` and, for the question to the user, quoted in `examples`.
fn calendar(
    text: &str,
    order: Option<DayMonthOrder>,
    evidence: &mut DateEvidence,
    examples: &mut Vec<String>,
) -> Option<Calendar> {
    if let Some((g, index)) = Granularity::parse_label(text) {
        return Some(Calendar::Label(g, index));
    }
    let parsed = parse_date(text, order).ok()?;
    evidence.add(&parsed);
    if matches!(parsed.value, DateValue::DayOrMonth { .. }) && examples.len() < AMBIGUITY_EXAMPLES {
        examples.push(excerpt(text));
    }
    Some(Calendar::Date(parsed.value))
}

fn resolve(
    cell: Calendar,
    order: Option<DayMonthOrder>,
    fallback: Granularity,
) -> Option<(Granularity, i64)> {
    match cell {
        Calendar::Label(g, i) => Some((g, i)),
        Calendar::Date(v) => {
            let date = match v {
                DateValue::Known(d) => d,
                open => open.resolve(order?)?,
            };
            Some((fallback, fallback.period_of(date)))
        }
    }
}

/// The calendar period a header or label names, when it names one without doubt.
fn calendar_of(text: &str, options: &ReadOptions) -> Option<(Granularity, i64)> {
    if let Some(found) = Granularity::parse_label(text) {
        return Some(found);
    }
    match parse_date(text, options.date_order).ok()?.value {
        DateValue::Known(d) => Some((options.granularity, options.granularity.period_of(d))),
        DateValue::DayOrMonth { .. } => None,
    }
}

fn order_for(
    evidence: &DateEvidence,
    options: &ReadOptions,
    column: usize,
    header: &[String],
    examples: Vec<String>,
) -> Result<Option<DayMonthOrder>, IngestError> {
    let name = ColumnName {
        column: column + 1,
        name: header.get(column).cloned().unwrap_or_default(),
    };
    match evidence.verdict(options.date_order) {
        OrderVerdict::Settled(order) => Ok(order),
        OrderVerdict::Ambiguous => Err(IngestError::AmbiguousDates {
            column: name,
            examples,
        }),
        OrderVerdict::Mixed => Err(IngestError::MixedDateOrder {
            column: name,
            day_first: Box::default(),
            month_first: Box::default(),
        }),
    }
}

/// One cohort being collected.
struct Pending {
    label: String,
    calendar: Option<Calendar>,
    /// k → (active, revenue)
    cells: BTreeMap<usize, (u64, Option<f64>)>,
    size: Option<u64>,
}

/// Reads a long cohort table.
pub fn read_long(
    header: &[String],
    rows: &[&OwnedRecord],
    options: &ReadOptions,
) -> Result<Read, IngestError> {
    let mapping = map_roles(
        header,
        Shape::CohortLong,
        &[Role::Cohort, Role::Period, Role::Active],
        &[Role::Revenue],
        &options.columns,
    )?;
    let col = |role| column_of(&mapping, role).unwrap_or(0);
    let (c_col, p_col, a_col) = (col(Role::Cohort), col(Role::Period), col(Role::Active));
    let r_col = column_of(&mapping, Role::Revenue);
    let name = |c: usize| header.get(c).map_or("", String::as_str);
    let mut stats = RowStats::default();
    let mut evidence = DateEvidence::default();
    let mut examples = Vec::new();
    // First pass: read every cell; periods stay raw until the date order is known.
    struct Cell {
        cohort: usize,
        period: Result<usize, Calendar>,
        active: u64,
        revenue: Option<f64>,
        record: usize,
    }
    let mut cohorts: Vec<Pending> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut cells: Vec<Cell> = Vec::new();
    for (n, record) in rows.iter().enumerate() {
        if !stats.count_record(record) {
            continue;
        }
        let problem = |column: usize, text: &str, kind| RowProblem {
            place: Place::cell(record.pos, column + 1, name(column)),
            text: excerpt(text),
            kind,
        };
        let get = |column: usize| record.fields.get(column).map(|s| s.trim());
        let result = (|| {
            let label =
                get(c_col).ok_or_else(|| problem(c_col, "", RowProblemKind::MissingCell))?;
            if label.is_empty() {
                return Err(problem(c_col, "", RowProblemKind::EmptyCell));
            }
            let period_text =
                get(p_col).ok_or_else(|| problem(p_col, "", RowProblemKind::MissingCell))?;
            let period = match header::period_column_index(period_text) {
                Some(k) => Ok(k as usize),
                None => Err(calendar(
                    period_text,
                    options.date_order,
                    &mut evidence,
                    &mut examples,
                )
                .ok_or_else(|| problem(p_col, period_text, RowProblemKind::BadPeriod))?),
            };
            let active_text =
                get(a_col).ok_or_else(|| problem(a_col, "", RowProblemKind::MissingCell))?;
            let parsed = parse_number(active_text, options.decimal)
                .map_err(|e| problem(a_col, active_text, RowProblemKind::Number(e)))?;
            let active = count_from(&parsed)
                .ok_or_else(|| problem(a_col, active_text, RowProblemKind::NotACount))?;
            let revenue = match r_col.and_then(get) {
                Some(t) if !t.is_empty() => Some(
                    parse_number(t, options.decimal)
                        .map_err(|e| problem(r_col.unwrap_or(0), t, RowProblemKind::Number(e)))?
                        .value,
                ),
                _ => None,
            };
            Ok((label.to_string(), period, active, revenue))
        })();
        match result {
            Ok((label, period, active, revenue)) => {
                let next = cohorts.len();
                let cohort = *index.entry(label.clone()).or_insert(next);
                if cohort == next {
                    let cal = calendar(&label, options.date_order, &mut evidence, &mut examples);
                    cohorts.push(Pending {
                        label,
                        calendar: cal,
                        cells: BTreeMap::new(),
                        size: None,
                    });
                }
                cells.push(Cell {
                    cohort,
                    period,
                    active,
                    revenue,
                    record: n,
                });
            }
            Err(p) => stats.skip(p),
        }
    }
    if stats.data_rows == 0 {
        return Err(IngestError::NoData);
    }
    let order = order_for(&evidence, options, c_col, header, examples)?;
    let g = options.granularity;
    for cell in cells {
        let record = rows.get(cell.record);
        let problem = |kind, column: usize| RowProblem {
            place: Place::cell(
                record.map(|r| r.pos).unwrap_or_default(),
                column + 1,
                name(column),
            ),
            text: excerpt(
                record
                    .and_then(|r| r.fields.get(column))
                    .map_or("", |s| s.as_str()),
            ),
            kind,
        };
        let Some(pending) = cohorts.get_mut(cell.cohort) else {
            continue;
        };
        let k = match cell.period {
            Ok(k) => Some(k),
            Err(cal) => {
                let start = pending.calendar.and_then(|c| resolve(c, order, g));
                let at = resolve(cal, order, g);
                match (start, at) {
                    (Some((g1, s)), Some((g2, p))) if g1 == g2 && p >= s => {
                        usize::try_from(p - s).ok()
                    }
                    _ => None,
                }
            }
        };
        let Some(k) = k.filter(|&k| k < MAX_TABLE_PERIODS) else {
            stats.skip(problem(RowProblemKind::BadPeriod, p_col));
            continue;
        };
        if pending.cells.contains_key(&k) {
            stats.skip(problem(RowProblemKind::Duplicate, p_col));
            continue;
        }
        pending.cells.insert(k, (cell.active, cell.revenue));
        stats.used += 1;
    }
    stats.usable(Shape::CohortLong)?;
    let has_revenue = r_col.is_some();
    let triangle = assemble(cohorts, order, options, has_revenue);
    Ok((triangle, mapping, stats))
}

/// The most periods since a cohort's start a table may have; more is a typo, not a table.
const MAX_TABLE_PERIODS: usize = 2000;

/// Turns collected cohorts into a triangle: chronological when every label is a calendar period,
/// in order of appearance otherwise; the newest diagonal marked unfinished.
fn assemble(
    cohorts: Vec<Pending>,
    order: Option<DayMonthOrder>,
    options: &ReadOptions,
    has_revenue: bool,
) -> Triangle {
    let g = options.granularity;
    let periods: Vec<Option<(Granularity, i64)>> = cohorts
        .iter()
        .map(|c| c.calendar.and_then(|cal| resolve(cal, order, g)))
        .collect();
    let first_g = periods.first().copied().flatten().map(|p| p.0);
    let calendar = !cohorts.is_empty()
        && periods
            .iter()
            .all(|p| p.is_some_and(|(pg, _)| Some(pg) == first_g));
    let mut rows: Vec<(i64, CohortRow)> = cohorts
        .into_iter()
        .zip(periods)
        .enumerate()
        .map(|(i, (c, p))| {
            let len = c.cells.keys().next_back().map_or(0, |k| k + 1);
            let mut active = vec![0u64; len];
            let mut revenue = vec![0.0f64; len];
            for (&k, &(a, r)) in &c.cells {
                if let Some(cell) = active.get_mut(k) {
                    *cell = a;
                }
                if let Some(cell) = revenue.get_mut(k) {
                    *cell = r.unwrap_or(0.0);
                }
            }
            let size = c.size.or_else(|| c.cells.get(&0).map(|x| x.0)).unwrap_or(0);
            let position = if calendar {
                p.map_or(i as i64, |p| p.1)
            } else {
                i as i64
            };
            (
                position,
                CohortRow {
                    label: c.label,
                    period: if calendar { p.map(|p| p.1) } else { None },
                    size,
                    active,
                    revenue: has_revenue.then_some(revenue),
                    active_or_later: None,
                    capped_revenue: None,
                    unfinished_from: None,
                },
            )
        })
        .collect();
    if calendar {
        rows.sort_by_key(|r| r.0);
    }
    if !options.last_period_complete {
        // The newest diagonal: the cells whose calendar period (cohort position + k) is the
        // latest in the table.
        let newest = rows
            .iter()
            .filter(|(_, r)| !r.active.is_empty())
            .map(|(pos, r)| pos + r.active.len() as i64 - 1)
            .max();
        for (pos, row) in &mut rows {
            let len = row.active.len();
            if len > 0 && Some(*pos + len as i64 - 1) == newest {
                row.unfinished_from = Some(len - 1);
            }
        }
    }
    Triangle {
        granularity: if calendar { first_g } else { None },
        source: TriangleSource::CountTable,
        cohorts: rows.into_iter().map(|r| r.1).collect(),
    }
}

/// Reads a wide cohort table.
pub fn read_wide(
    header: &[String],
    rows: &[&OwnedRecord],
    options: &ReadOptions,
) -> Result<Read, IngestError> {
    let mut mapping: Vec<(Role, usize)> = Vec::new();
    for &(role, column) in &options.columns {
        if column == 0 || column > header.len() {
            return Err(IngestError::NoSuchColumn {
                role,
                column,
                columns: header.len(),
            });
        }
        if matches!(role, Role::Cohort | Role::Size) {
            mapping.push((role, column - 1));
        }
    }
    if column_of(&mapping, Role::Cohort).is_none() {
        mapping.push((Role::Cohort, 0));
    }
    let c_col = column_of(&mapping, Role::Cohort).unwrap_or(0);
    if column_of(&mapping, Role::Size).is_none() {
        if let Some(s) = header::find(header, Role::Size, &[c_col]) {
            if header::period_column_index(header.get(s).map_or("", String::as_str)).is_none() {
                mapping.push((Role::Size, s));
            }
        }
    }
    let s_col = column_of(&mapping, Role::Size);
    let others: Vec<usize> = (0..header.len())
        .filter(|&c| c != c_col && Some(c) != s_col)
        .collect();
    let numbered: Vec<usize> = others
        .iter()
        .copied()
        .filter(|&c| {
            header::period_column_index(header.get(c).map_or("", String::as_str)).is_some()
        })
        .collect();
    let period_cols = if numbered.is_empty() {
        others
    } else {
        numbered
    };
    if period_cols.is_empty() {
        return Err(IngestError::MissingColumn {
            shape: Shape::CohortWide,
            role: Role::Period,
            header: header.to_vec(),
        });
    }
    let name = |c: usize| header.get(c).map_or("", String::as_str);
    // Column headers that are calendar periods (`2024-01`, `2024-02`, …) rather than periods
    // since the start: each row then starts at its own cohort's column.
    let header_periods: Option<Vec<(Granularity, i64)>> = if period_cols
        .iter()
        .any(|&c| header::period_column_index(name(c)).is_some())
    {
        None
    } else {
        period_cols
            .iter()
            .map(|&c| calendar_of(name(c), options))
            .collect()
    };
    let mut stats = RowStats::default();
    let mut evidence = DateEvidence::default();
    let mut examples = Vec::new();
    let mut cohorts = Vec::new();
    for record in rows {
        if !stats.count_record(record) {
            continue;
        }
        let problem = |column: usize, text: &str, kind| RowProblem {
            place: Place::cell(record.pos, column + 1, name(column)),
            text: excerpt(text),
            kind,
        };
        let get = |column: usize| record.fields.get(column).map_or("", |s| s.trim());
        let result = (|| {
            let label = get(c_col);
            if label.is_empty() {
                return Err(problem(c_col, "", RowProblemKind::EmptyCell));
            }
            let size = match s_col.map(get) {
                Some(t) if !t.is_empty() => {
                    let p = parse_number(t, options.decimal)
                        .map_err(|e| problem(s_col.unwrap_or(0), t, RowProblemKind::Number(e)))?;
                    Some(
                        count_from(&p).ok_or_else(|| {
                            problem(s_col.unwrap_or(0), t, RowProblemKind::NotACount)
                        })?,
                    )
                }
                _ => None,
            };
            let cohort_start = match &header_periods {
                Some(_) => Some(
                    calendar_of(label, options)
                        .ok_or_else(|| problem(c_col, label, RowProblemKind::BadPeriod))?,
                ),
                None => None,
            };
            // Cells up to the last filled one; blanks before it are zero.
            let filled = period_cols
                .iter()
                .rposition(|&c| !get(c).is_empty())
                .map_or(0, |i| i + 1);
            // (k, column, value, is a share of the size)
            let mut values: Vec<(usize, usize, f64, bool)> = Vec::with_capacity(filled);
            for (i, &c) in period_cols.iter().enumerate().take(filled) {
                let t = get(c);
                let k = match (&header_periods, cohort_start) {
                    (Some(periods), Some((g, start))) => {
                        let Some(&(_, at)) = periods.get(i).filter(|p| p.0 == g) else {
                            return Err(problem(c, t, RowProblemKind::BadPeriod));
                        };
                        if at < start {
                            // Before the cohort existed: only blanks or zeros make sense.
                            if !t.is_empty()
                                && parse_number(t, options.decimal).map_or(true, |p| p.value != 0.0)
                            {
                                return Err(problem(c, t, RowProblemKind::BadPeriod));
                            }
                            continue;
                        }
                        match usize::try_from(at - start) {
                            Ok(k) if k < MAX_TABLE_PERIODS => k,
                            _ => return Err(problem(c, t, RowProblemKind::BadPeriod)),
                        }
                    }
                    _ => i,
                };
                if t.is_empty() {
                    values.push((k, c, 0.0, false));
                    continue;
                }
                let p = parse_number(t, options.decimal)
                    .map_err(|e| problem(c, t, RowProblemKind::Number(e)))?;
                if p.percent {
                    if !(0.0..=10.0).contains(&p.value) {
                        return Err(problem(c, t, RowProblemKind::NotACount));
                    }
                    values.push((k, c, p.value, true));
                } else {
                    let n =
                        count_from(&p).ok_or_else(|| problem(c, t, RowProblemKind::NotACount))?;
                    values.push((k, c, n as f64, false));
                }
            }
            let size = match size {
                Some(s) => Some(s),
                None => values.iter().find(|v| v.0 == 0 && !v.3).map(|v| v.2 as u64),
            };
            let mut cells = BTreeMap::new();
            for &(k, c, v, is_share) in &values {
                let active = if is_share {
                    let Some(s) = size else {
                        return Err(problem(c, get(c), RowProblemKind::PercentWithoutSize));
                    };
                    (v * s as f64).round() as u64
                } else {
                    v as u64
                };
                cells.insert(k, (active, None));
            }
            Ok((label.to_string(), size, cells))
        })();
        match result {
            Ok((label, size, cells)) => {
                stats.used += 1;
                let cal = calendar(&label, options.date_order, &mut evidence, &mut examples);
                cohorts.push(Pending {
                    label,
                    calendar: cal,
                    cells,
                    size,
                });
            }
            Err(p) => stats.skip(p),
        }
    }
    stats.usable(Shape::CohortWide)?;
    let order = order_for(&evidence, options, c_col, header, examples)?;
    let triangle = assemble(cohorts, order, options, false);
    Ok((triangle, mapping, stats))
}

#[cfg(test)]
mod tests {
    use crate::cohort::{TriangleSource, Unavailable};
    use crate::ingest::{read, Content, IngestError, ReadOptions, RowProblemKind, Shape};

    fn triangle(text: &str) -> crate::cohort::Triangle {
        let got = read(text, &ReadOptions::default()).unwrap();
        match got.content {
            Content::Cohorts(t) => t,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn wide_counts() {
        let text = "Cohort,Size,Month 0,Month 1,Month 2\n2024-01,100,100,60,45\n2024-02,80,80,50,\n2024-03,50,50,,\n";
        let got = read(text, &ReadOptions::default()).unwrap();
        assert_eq!(got.shape, Shape::CohortWide);
        let t = triangle(text);
        assert_eq!(t.source, TriangleSource::CountTable);
        assert_eq!(t.cohorts[0].active, vec![100, 60, 45]);
        assert_eq!(t.cohorts[1].active, vec![80, 50]);
        assert_eq!(t.cohorts[2].size, 50);
        // The newest diagonal: 45, 50 and 50.
        assert_eq!(t.cohorts[0].unfinished_from, Some(2));
        assert_eq!(t.cohorts[1].unfinished_from, Some(1));
        assert_eq!(t.cohorts[2].unfinished_from, Some(0));
        assert_eq!(
            t.unbounded_retention(),
            Err(Unavailable::NeedsPerCustomerData)
        );
    }

    #[test]
    fn wide_percentages_with_a_size_column() {
        let t = triangle("cohort;size;0;1;2\nJan;200;100%;45,5%;30%\nFeb;100;100%;50%\n");
        assert_eq!(t.cohorts[0].active, vec![200, 91, 60]);
        assert_eq!(t.cohorts[1].active, vec![100, 50]);
    }

    #[test]
    fn wide_percentages_with_a_count_in_period_zero() {
        let t = triangle("cohort,0,1,2\nJan,200,45.5%,30%\n");
        assert_eq!(t.cohorts[0].size, 200);
        assert_eq!(t.cohorts[0].active, vec![200, 91, 60]);
    }

    #[test]
    fn wide_percentages_without_size_are_refused_per_row() {
        let err = read("cohort,0,1\nJan,100%,40%\n", &ReadOptions::default()).unwrap_err();
        let IngestError::MostlyBroken { stats, .. } = err else {
            panic!("{err:?}")
        };
        assert_eq!(stats.problems[0].kind, RowProblemKind::PercentWithoutSize);
        assert_eq!(stats.problems[0].place.row, 2);
        assert_eq!(stats.problems[0].place.column, Some(2));
    }

    #[test]
    fn wide_with_calendar_columns_starts_each_row_at_its_cohort() {
        let text =
            "cohort,2024-01,2024-02,2024-03\n2024-01,100,60,45\n2024-02,,80,50\n2024-03,0,,50\n";
        let t = triangle(text);
        assert_eq!(t.cohorts[0].active, vec![100, 60, 45]);
        assert_eq!(t.cohorts[1].active, vec![80, 50]);
        assert_eq!(t.cohorts[2].active, vec![50]);
        assert_eq!(t.cohorts[1].unfinished_from, Some(1));
        let err = read(
            "cohort,2024-01,2024-02\n2024-02,5,3\n",
            &ReadOptions::default(),
        )
        .unwrap_err();
        let IngestError::MostlyBroken { stats, .. } = err else {
            panic!("{err:?}")
        };
        assert_eq!(stats.problems[0].kind, RowProblemKind::BadPeriod);
        assert_eq!(stats.problems[0].place.column, Some(2));
    }

    #[test]
    fn long_with_offsets_and_revenue() {
        let text =
            "cohort,period,active,revenue\n2024-01,0,10,100\n2024-01,1,6,80\n2024-02,0,5,50\n";
        let got = read(text, &ReadOptions::default()).unwrap();
        assert_eq!(got.shape, Shape::CohortLong);
        let t = triangle(text);
        assert_eq!(t.cohorts[0].active, vec![10, 6]);
        assert_eq!(t.cohorts[0].revenue, Some(vec![100.0, 80.0]));
        let nrr = t.nrr().unwrap();
        assert_eq!(nrr.per_cohort[0], vec![Some(1.0), Some(0.8)]);
        assert_eq!(t.grr(), Err(Unavailable::NeedsPerCustomerData));
    }

    #[test]
    fn long_with_calendar_periods_is_sorted() {
        let text = "cohort_month,activity_month,customers\n2024-02,2024-02,5\n2024-01,2024-01,10\n2024-01,2024-03,4\n2024-01,2024-02,6\n";
        let t = triangle(text);
        assert_eq!(t.cohorts[0].label, "2024-01");
        assert_eq!(t.cohorts[0].active, vec![10, 6, 4]);
        assert_eq!(t.cohorts[1].active, vec![5]);
        assert_eq!(t.cohorts[0].unfinished_from, Some(2));
        assert_eq!(t.cohorts[1].unfinished_from, None);
    }

    #[test]
    fn long_duplicates_and_bad_periods_are_listed() {
        let text = "cohort,period,active\na,0,10\na,0,11\na,1,5\na,x,5\nb,0,3\n";
        let got = read(text, &ReadOptions::default()).unwrap();
        assert_eq!(got.stats.skipped, 2);
        let kinds: Vec<_> = got
            .stats
            .problems
            .iter()
            .map(|p| (p.kind, p.place.row))
            .collect();
        assert!(kinds.contains(&(RowProblemKind::Duplicate, 3)));
        assert!(kinds.contains(&(RowProblemKind::BadPeriod, 5)));
    }

    #[test]
    fn long_with_ambiguous_date_cohorts_asks() {
        let text = "cohort,period,active\n01/02/2024,0,10\n01/03/2024,0,5\n";
        let err = read(text, &ReadOptions::default()).unwrap_err();
        assert!(matches!(err, IngestError::AmbiguousDates { .. }), "{err:?}");
        let options = ReadOptions {
            date_order: Some(crate::ingest::DayMonthOrder::DayFirst),
            ..ReadOptions::default()
        };
        let got = read(text, &options).unwrap();
        let t = got.triangle().unwrap();
        assert_eq!(t.cohorts.len(), 2);
    }
}
