//! Tests across the importer: messy files as people export them, and properties that must hold
//! for any input (order of rows, chunking, arbitrary bytes).

use super::*;
use crate::calendar::Date;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

fn activity(text: &str) -> ActivityData {
    activity_with(text, ReadOptions::default())
}

fn activity_with(text: &str, options: ReadOptions) -> ActivityData {
    let got = read(text, &options).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(got.shape, Shape::RawActivity);
    match got.content {
        Content::Activity(a) => a,
        other => panic!("{other:?}"),
    }
}

/// (label, active) per cohort.
fn cells(a: &ActivityData) -> Vec<(String, Vec<u64>)> {
    a.triangle()
        .cohorts
        .into_iter()
        .map(|c| (c.label, c.active))
        .collect()
}

fn cohorts(v: &[(&str, &[u64])]) -> Vec<(String, Vec<u64>)> {
    v.iter().map(|(l, a)| (l.to_string(), a.to_vec())).collect()
}

const PLAIN: &str = "customer_id,date,amount\na,2024-01-05,10\nb,2024-01-20,5\na,2024-02-03,10\nc,2024-02-10,7\na,2024-03-01,10\nc,2024-03-09,7\n";

fn plain_cells() -> Vec<(String, Vec<u64>)> {
    cohorts(&[("2024-01", &[2, 1, 1]), ("2024-02", &[1, 1])])
}

#[test]
fn plain_activity_and_its_report() {
    let got = read(PLAIN, &ReadOptions::default()).unwrap();
    assert_eq!(got.shape, Shape::RawActivity);
    assert_eq!(got.columns, 3);
    assert_eq!(got.delimiter, b',');
    assert_eq!(got.stats.data_rows, 6);
    assert_eq!(got.stats.used, 6);
    assert_eq!(
        got.mapping,
        vec![(Role::Customer, 1), (Role::Date, 2), (Role::Amount, 3)]
    );
    let Content::Activity(a) = got.content else {
        panic!()
    };
    assert_eq!(cells(&a), plain_cells());
    assert_eq!(a.customers, 3);
}

#[test]
fn bom_and_crlf() {
    let text = format!("\u{feff}{}", PLAIN.replace('\n', "\r\n"));
    assert_eq!(cells(&activity(&text)), plain_cells());
}

#[test]
fn every_delimiter() {
    for d in [";", "\t", "|"] {
        let text = PLAIN.replace(',', d);
        let a = activity(&text);
        assert_eq!(a.delimiter, d.as_bytes()[0]);
        assert_eq!(cells(&a), plain_cells(), "delimiter {d:?}");
    }
}

#[test]
fn quotes_with_delimiters_quotes_and_line_breaks_inside() {
    let text = "customer_id,date,amount\n\"a, Inc.\",2024-01-05,\"1,000.50\"\n\"say \"\"b\"\"\",2024-01-06,2\n\"multi\nline\",\"2024-02-01\",3\n\"a, Inc.\",2024-02-01,1\n";
    let a = activity(text);
    assert_eq!(
        cells(&a),
        cohorts(&[("2024-01", &[2, 1]), ("2024-02", &[1])])
    );
    let t = a.triangle();
    assert_eq!(t.cohorts[0].revenue.as_deref(), Some(&[1002.5, 1.0][..]));
}

#[test]
fn blank_lines_and_trailing_delimiters() {
    let text = "customer_id,date,amount,\n\na,2024-01-05,10,\n,,,\nb,2024-01-20,5,\n\n\na,2024-02-03,10,\nc,2024-02-10,7,\na,2024-03-01,10,\nc,2024-03-09,7,\n\n";
    let got = read(text, &ReadOptions::default()).unwrap();
    assert_eq!(got.stats.data_rows, 6);
    // Empty lines between records and the `,,,` row; empty lines after the last record are
    // not rows of the data.
    assert_eq!(got.stats.blank, 4);
    assert_eq!(got.stats.skipped, 0);
    assert_eq!(got.triangle().map(|t| t.cohorts.len()), Some(2));
}

#[test]
fn header_synonyms_in_any_case_and_order() {
    let text = "  Amount (EUR) ;Event Date; User ID \n10;2024-01-05;a\n5;2024-01-20;b\n10;2024-02-03;a\n7;2024-02-10;c\n10;2024-03-01;a\n7;2024-03-09;c\n";
    let a = activity(text);
    assert_eq!(cells(&a), plain_cells());
    assert_eq!(a.columns.customer, 2);
    for header in [
        "user,timestamp,mrr",
        "account_id,created_at,value",
        "client,day,price",
        "ID,Time,Revenue",
    ] {
        let text = PLAIN.replacen("customer_id,date,amount", header, 1);
        assert_eq!(cells(&activity(&text)), plain_cells(), "{header}");
    }
}

#[test]
fn number_formats_in_amounts() {
    let text = "customer;date;amount\na;2024-01-05;1.234,56 €\nb;2024-01-05;(12,00)\nc;2024-01-05;USD 1 000,5\nd;2024-01-05;0,5\n";
    let t = activity(text).triangle();
    let revenue = t.cohorts[0].revenue.as_ref().unwrap()[0];
    assert!(
        (revenue - (1234.56 - 12.0 + 1000.5 + 0.5)).abs() < 1e-9,
        "{revenue}"
    );
}

#[test]
fn ambiguous_thousands_follow_the_column() {
    // `1,234` alone is a thousand and some; next to `2,50` it is one point two.
    let a = activity("customer;date;amount\na;2024-01-05;1,234\nb;2024-01-05;2,50\n");
    let r = a.triangle().cohorts[0].revenue.clone().unwrap()[0];
    assert!((r - 3.734).abs() < 1e-9, "{r}");
    let a = activity("customer,date,amount\na,2024-01-05,\"1,234\"\nb,2024-01-05,2.50\n");
    let r = a.triangle().cohorts[0].revenue.clone().unwrap()[0];
    assert!((r - 1236.5).abs() < 1e-9, "{r}");
}

#[test]
fn every_date_format() {
    for (date_a, date_b) in [
        ("2024-01-05", "2024-02-03"),
        ("2024-01", "2024-02"),
        ("2024/01/05", "2024/02/03"),
        ("2024-01-05T23:30:00+02:00", "2024-02-03T00:10:00Z"),
        ("2024-01-05 10:00:00", "2024-02-03 11:00:00"),
        ("05.01.2024", "03.02.2024"),
        ("25/01/2024", "03/02/2024"),
        ("01/25/2024", "02/03/2024"),
    ] {
        let text = format!("customer_id,date\na,{date_a}\na,{date_b}\n");
        let a = activity(&text);
        assert_eq!(cells(&a), cohorts(&[("2024-01", &[1, 1])]), "{date_a}");
    }
}

#[test]
fn timestamps_count_on_their_written_date() {
    // 23:30 at +02:00 on 31 January is 21:30 UTC the same day; 00:30 at -05:00 on 1 February
    // is already 05:30 UTC: both keep the date as written.
    let a = activity("id,timestamp\na,2024-01-31T23:30:00+02:00\nb,2024-02-01T00:30:00-05:00\n");
    assert_eq!(
        cells(&a),
        cohorts(&[("2024-01", &[1, 0]), ("2024-02", &[1])])
    );
}

#[test]
fn ambiguous_dates_ask_and_the_answer_is_used() {
    let text = "customer_id,date\na,05/01/2024\na,03/02/2024\n";
    let err = read(text, &ReadOptions::default()).unwrap_err();
    let IngestError::AmbiguousDates { column, examples } = &err else {
        panic!("{err:?}")
    };
    assert_eq!((column.column, column.name.as_str()), (2, "date"));
    assert_eq!(examples, &["05/01/2024", "03/02/2024"]);
    let day_first = ReadOptions {
        date_order: Some(DayMonthOrder::DayFirst),
        ..ReadOptions::default()
    };
    assert_eq!(
        cells(&activity_with(text, day_first)),
        cohorts(&[("2024-01", &[1, 1])])
    );
    // The streaming reader can be told after the fact, without reading the file again.
    let mut reader = ActivityReader::new(ReadOptions::default());
    reader.feed(text.as_bytes()).unwrap();
    assert!(matches!(
        reader.finish(),
        Err(IngestError::AmbiguousDates { .. })
    ));
    reader.set_date_order(DayMonthOrder::MonthFirst);
    let a = reader.finish().unwrap();
    // Read month first: 1 May and 2 March.
    assert_eq!(cells(&a), cohorts(&[("2024-03", &[1, 0, 1])]));
}

#[test]
fn one_clear_date_settles_the_column() {
    let text = "customer_id,date\na,05/01/2024\na,03/02/2024\nb,25/02/2024\n";
    let a = activity(text);
    assert_eq!(a.date_order, Some(DayMonthOrder::DayFirst));
    assert_eq!(
        cells(&a),
        cohorts(&[("2024-01", &[1, 1]), ("2024-02", &[1])])
    );
}

#[test]
fn mixed_day_month_order_is_refused() {
    let text = "customer_id,date\na,25/01/2024\nb,01/25/2024\n";
    let err = read(text, &ReadOptions::default()).unwrap_err();
    let IngestError::MixedDateOrder {
        day_first,
        month_first,
        ..
    } = err
    else {
        panic!("{err:?}")
    };
    assert_eq!((day_first.0.row, day_first.1.as_str()), (2, "25/01/2024"));
    assert_eq!(
        (month_first.0.row, month_first.1.as_str()),
        (3, "01/25/2024")
    );
}

#[test]
fn problems_carry_row_column_name_and_text() {
    let text = "customer_id,date,amount\na,2024-01-05,10\nb,yesterday,5\nc,2024-01-06,ten dollars\n,2024-01-07,1\nd\ne,2024-01-08,1\nf,2024-01-09,1\ng,2024-01-09,1\n";
    let got = read(text, &ReadOptions::default()).unwrap();
    assert_eq!(
        (got.stats.data_rows, got.stats.used, got.stats.skipped),
        (8, 4, 4)
    );
    let p = &got.stats.problems;
    assert_eq!(
        p[0].place,
        Place {
            row: 3,
            line: 3,
            column: Some(2),
            column_name: Some("date".into())
        }
    );
    assert_eq!(p[0].text, "yesterday");
    assert_eq!(p[0].kind, RowProblemKind::Date(date::DateError::NotADate));
    assert_eq!(
        (p[1].place.row, p[1].place.column, p[1].text.as_str()),
        (4, Some(3), "ten dollars")
    );
    assert!(matches!(p[1].kind, RowProblemKind::Number(_)));
    assert_eq!((p[2].place.row, p[2].kind), (5, RowProblemKind::EmptyCell));
    assert_eq!(
        (p[3].place.row, p[3].place.column, p[3].kind),
        (6, Some(2), RowProblemKind::MissingCell)
    );
}

#[test]
fn long_text_is_cut_in_problems() {
    let long = "x".repeat(100);
    let text = format!("customer_id,date\na,2024-01-01\nb,2024-01-01\nc,{long}\n");
    let got = read(&text, &ReadOptions::default()).unwrap();
    assert_eq!(
        got.stats.problems[0].text.chars().count(),
        problem::TEXT_LIMIT + 1
    );
}

#[test]
fn rows_after_quoted_line_breaks_keep_their_spreadsheet_row() {
    let text = "customer_id,date\n\"a\nb\",2024-01-01\nc,2024-01-02\nd,bad\n";
    let got = read(text, &ReadOptions::default()).unwrap();
    let p = &got.stats.problems[0];
    assert_eq!((p.place.row, p.place.line), (4, 5));
}

#[test]
fn mostly_broken_file_is_refused() {
    let text = "customer_id,date\na,2024-01-01\nb,nope\nc,nope\n";
    let err = read(text, &ReadOptions::default()).unwrap_err();
    let IngestError::MostlyBroken { shape, stats } = err else {
        panic!("{err:?}")
    };
    assert_eq!(shape, Shape::RawActivity);
    assert_eq!((stats.data_rows, stats.skipped), (3, 2));
    // Exactly half is still read.
    assert!(read(
        "customer_id,date\na,2024-01-01\nb,nope\n",
        &ReadOptions::default()
    )
    .is_ok());
}

#[test]
fn empty_and_header_only_files() {
    assert_eq!(read("", &ReadOptions::default()), Err(IngestError::Empty));
    assert_eq!(
        read("\n\r\n \n", &ReadOptions::default()),
        Err(IngestError::Empty)
    );
    assert_eq!(
        read("customer_id,date\n", &ReadOptions::default()),
        Err(IngestError::NoData)
    );
    assert!(matches!(
        read("foo,bar\n1,2\n", &ReadOptions::default()),
        Err(IngestError::UnknownShape { .. })
    ));
}

#[test]
fn files_without_a_header_are_read_by_content() {
    let text = "a,2024-01-05,10\nb,2024-01-20,5\na,2024-02-03,10\nc,2024-02-10,7\na,2024-03-01,10\nc,2024-03-09,7\n";
    let got = read(text, &ReadOptions::default()).unwrap();
    assert_eq!(got.shape, Shape::RawActivity);
    assert_eq!(got.stats.data_rows, 6);
    assert_eq!(got.header, vec!["column 1", "column 2", "column 3"]);
    let Content::Activity(a) = got.content else {
        panic!()
    };
    assert!(a.headerless);
    assert_eq!(cells(&a), plain_cells());
    assert_eq!(a.triangle().cohorts[0].revenue.as_ref().unwrap()[0], 15.0);
    // Date first, customer second.
    let a = activity("2024-01-05;a\n2024-02-05;a\n");
    assert_eq!(
        (a.columns.date, a.columns.customer, a.columns.amount),
        (0, 1, None)
    );
}

#[test]
fn shape_and_columns_can_be_chosen() {
    let text = "who,when,what\na,2024-01-05,x\na,2024-02-05,y\n";
    assert!(read(text, &ReadOptions::default()).is_err());
    let options = ReadOptions {
        shape: Some(Shape::RawActivity),
        columns: vec![(Role::Customer, 1), (Role::Date, 2)],
        ..ReadOptions::default()
    };
    assert_eq!(
        cells(&activity_with(text, options)),
        cohorts(&[("2024-01", &[1, 1])])
    );
    let bad = ReadOptions {
        columns: vec![(Role::Customer, 9)],
        ..ReadOptions::default()
    };
    assert!(matches!(
        read(PLAIN, &bad),
        Err(IngestError::NoSuchColumn { column: 9, .. })
    ));
}

#[test]
fn weeks_and_quarters() {
    let text = "customer_id,date\na,2024-02-26\na,2024-03-04\nb,2024-12-30\n";
    let week = ReadOptions {
        granularity: Granularity::Week,
        ..ReadOptions::default()
    };
    let a = activity_with(text, week);
    let t = a.triangle();
    assert_eq!(t.cohorts[0].label, "2024-W09");
    assert_eq!(t.cohorts[0].active[..2], [1, 1]);
    assert_eq!(t.cohorts[1].label, "2025-W01");
    let quarter = ReadOptions {
        granularity: Granularity::Quarter,
        ..ReadOptions::default()
    };
    let t = activity_with(text, quarter).triangle();
    assert_eq!(
        t.cohorts
            .iter()
            .map(|c| (c.label.as_str(), c.active.clone()))
            .collect::<Vec<_>>(),
        vec![("2024-Q1", vec![1, 0, 0, 0]), ("2024-Q4", vec![1])]
    );
}

#[test]
fn a_mistyped_year_is_named() {
    let text = "customer_id,date\na,2024-01-05\nb,2204-01-05\n";
    let err = read(text, &ReadOptions::default()).unwrap_err();
    assert!(
        matches!(err, IngestError::SpanTooLong { ref last, .. } if last == "2204-01"),
        "{err:?}"
    );
}

#[test]
fn unclosed_quote_is_refused() {
    let mut text = String::from("customer_id,date\n\"a,2024-01-01\n");
    text.push_str(&"b,2024-01-01\n".repeat(records::MAX_RECORD_BYTES / 10));
    let err = read(&text, &ReadOptions::default()).unwrap_err();
    assert!(
        matches!(err, IngestError::RecordTooLong { ref place, .. } if place.row == 2),
        "{err:?}"
    );
}

#[test]
fn bytes_that_are_not_utf8() {
    let mut reader = ActivityReader::new(ReadOptions::default());
    reader
        .feed(b"customer_id,date,amount\n\xe9l\xe8ve,2024-01-01,5\nb,2024-01-01,\x80 12\nc,2024-01-02,1\n")
        .unwrap();
    let a = reader.finish().unwrap();
    assert_eq!(a.customers, 2);
    assert_eq!(a.stats.problems[0].kind, RowProblemKind::NotUtf8);
    assert_eq!(a.stats.problems[0].place.row, 3);
}

#[test]
fn streaming_reports_progress_and_closes() {
    let mut reader = ActivityReader::new(ReadOptions::default());
    for chunk in PLAIN.as_bytes().chunks(7) {
        reader.feed(chunk).unwrap();
    }
    assert_eq!(reader.bytes_consumed(), PLAIN.len() as u64);
    let a = reader.finish().unwrap();
    assert_eq!(cells(&a), plain_cells());
    assert_eq!(reader.feed(b"x"), Err(IngestError::ReaderClosed));
    assert_eq!(reader.finish(), Err(IngestError::ReaderClosed));
}

#[test]
fn streaming_refuses_a_header_without_the_columns_early() {
    let mut reader = ActivityReader::new(ReadOptions::default());
    let mut text = String::from("foo,bar\n");
    text.push_str(&"1,2\n".repeat(20_000));
    let err = reader.feed(text.as_bytes()).unwrap_err();
    assert!(
        matches!(
            err,
            IngestError::MissingColumn {
                role: Role::Customer,
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn period_table_from_activity_keeps_the_flow_identity() {
    let a = activity(PLAIN);
    for p in a.calendar_periods() {
        assert_eq!(p.start + p.new - p.lost, p.end);
    }
    // a: Jan–Mar, b: Jan only, c: Feb–Mar.
    let rows: Vec<_> = a
        .period_rows()
        .into_iter()
        .map(|r| {
            (
                r.input.label,
                r.input.start,
                r.input.new,
                r.input.end,
                r.lost,
            )
        })
        .collect();
    let s = |x: &str| x.to_string();
    assert_eq!(
        rows,
        vec![
            (s("2024-01"), s("0"), s("2"), s("2"), Some(0)),
            (s("2024-02"), s("2"), s("1"), s("2"), Some(1)),
            (s("2024-03"), s("2"), s("0"), s("2"), Some(0)),
        ]
    );
    // From the second period on the rows are valid input for the series.
    let inputs: Vec<_> = a
        .period_rows()
        .into_iter()
        .skip(1)
        .map(|r| r.input)
        .collect();
    let report = crate::series::evaluate_rows(&inputs, crate::unit::PeriodUnit::Month);
    assert!(report.rows.iter().all(|r| r.problems.is_empty()));
    assert_eq!(report.rows[0].metrics.customers_lost, Some(1));
}

// ---------------------------------------------------------------------------------------------
// Properties

/// Per cohort: label, size, active, active or later, revenue.
type Summary = Vec<(String, u64, Vec<u64>, Vec<u64>, Vec<u64>)>;

/// An obviously correct triangle: sets of customers per (cohort, k).
fn reference(rows: &[(u8, Date, u32)]) -> Summary {
    let g = Granularity::Month;
    let mut per_customer: BTreeMap<u8, BTreeMap<i64, u64>> = BTreeMap::new();
    for &(c, d, amount) in rows {
        *per_customer
            .entry(c)
            .or_default()
            .entry(g.period_of(d))
            .or_default() += u64::from(amount);
    }
    let last = per_customer
        .values()
        .flat_map(|m| m.keys())
        .max()
        .copied()
        .unwrap_or(0);
    let mut sets: BTreeMap<i64, BTreeMap<i64, BTreeSet<u8>>> = BTreeMap::new();
    let mut later: BTreeMap<i64, BTreeMap<i64, BTreeSet<u8>>> = BTreeMap::new();
    let mut revenue: BTreeMap<(i64, i64), u64> = BTreeMap::new();
    for (&c, periods) in &per_customer {
        let cohort = *periods.keys().next().unwrap();
        let last_active = *periods.keys().next_back().unwrap();
        for (&p, &amount) in periods {
            sets.entry(cohort)
                .or_default()
                .entry(p - cohort)
                .or_default()
                .insert(c);
            *revenue.entry((cohort, p - cohort)).or_default() += amount;
        }
        for k in 0..=(last_active - cohort) {
            later
                .entry(cohort)
                .or_default()
                .entry(k)
                .or_default()
                .insert(c);
        }
    }
    sets.iter()
        .map(|(&cohort, by_k)| {
            let len = last - cohort + 1;
            let active = (0..len)
                .map(|k| by_k.get(&k).map_or(0, |s| s.len() as u64))
                .collect();
            let l = (0..len)
                .map(|k| later[&cohort].get(&k).map_or(0, |s| s.len() as u64))
                .collect();
            let r = (0..len)
                .map(|k| revenue.get(&(cohort, k)).copied().unwrap_or(0))
                .collect();
            (g.label(cohort), by_k[&0].len() as u64, active, l, r)
        })
        .collect()
}

fn summary(t: &crate::cohort::Triangle) -> Summary {
    t.cohorts
        .iter()
        .map(|c| {
            (
                c.label.clone(),
                c.size,
                c.active.clone(),
                c.active_or_later.clone().unwrap(),
                c.revenue
                    .as_ref()
                    .unwrap()
                    .iter()
                    .map(|&r| r as u64)
                    .collect(),
            )
        })
        .collect()
}

fn csv_of(rows: &[(u8, Date, u32)]) -> String {
    let mut text = String::from("customer_id,date,amount\n");
    for (c, d, a) in rows {
        text.push_str(&format!("cust{c},{d},{a}\n"));
    }
    text
}

fn activity_rows() -> impl Strategy<Value = Vec<(u8, Date, u32)>> {
    let start = Date::new(2023, 1, 1).unwrap().days_since_epoch();
    proptest::collection::vec(
        (0u8..30, 0i64..500, 0u32..1000)
            .prop_map(move |(c, d, a)| (c, Date::from_days(start + d).unwrap(), a)),
        1..120,
    )
}

fn triangle_of(text: &str) -> crate::cohort::Triangle {
    let mut reader = ActivityReader::new(ReadOptions::default());
    reader.feed(text.as_bytes()).unwrap();
    reader.finish().unwrap().triangle()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn triangle_equals_the_reference(rows in activity_rows()) {
        let t = triangle_of(&csv_of(&rows));
        prop_assert_eq!(summary(&t), reference(&rows));
    }

    #[test]
    fn row_order_never_changes_the_triangle(rows in activity_rows(), seed in any::<u64>()) {
        let mut shuffled = rows.clone();
        // A Fisher–Yates shuffle driven by a small LCG from the seed.
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            shuffled.swap(i, (state >> 33) as usize % (i + 1));
        }
        prop_assert_eq!(triangle_of(&csv_of(&rows)), triangle_of(&csv_of(&shuffled)));
    }

    #[test]
    fn any_chunking_gives_the_same_result(rows in activity_rows(), sizes in proptest::collection::vec(1usize..50, 1..20), ending in 0usize..3, bom: bool) {
        let mut text = csv_of(&rows);
        text = text.replace('\n', ["\n", "\r\n", "\r"][ending]);
        if bom { text.insert(0, '\u{feff}'); }
        let whole = {
            let mut r = ActivityReader::new(ReadOptions::default());
            r.feed(text.as_bytes()).unwrap();
            r.finish().unwrap()
        };
        let mut r = ActivityReader::new(ReadOptions::default());
        let mut rest = text.as_bytes();
        let mut i = 0;
        while !rest.is_empty() {
            let n = sizes[i % sizes.len()].min(rest.len());
            let (chunk, tail) = rest.split_at(n);
            r.feed(chunk).unwrap();
            rest = tail;
            i += 1;
        }
        let chunked = r.finish().unwrap();
        prop_assert_eq!(chunked.triangle(), whole.triangle());
        prop_assert_eq!(chunked.stats, whole.stats);
    }

    #[test]
    fn finishing_in_any_steps_gives_the_same_data(rows in activity_rows(), step in 1usize..40) {
        let text = csv_of(&rows);
        let mut whole = ActivityReader::new(ReadOptions::default());
        whole.feed(text.as_bytes()).unwrap();
        let whole = whole.finish().unwrap();
        let mut r = ActivityReader::new(ReadOptions::default());
        r.feed(text.as_bytes()).unwrap();
        let mut finishing = r.finish_in_steps().unwrap().with_step(step);
        let (mut steps, mut progress) = (0, 0.0);
        let stepped = loop {
            steps += 1;
            if let Some(result) = finishing.step() {
                break result.unwrap();
            }
            prop_assert!(finishing.progress() >= progress && finishing.progress() < 1.0);
            progress = finishing.progress();
        };
        prop_assert_eq!(finishing.progress(), 1.0);
        // Three stages over rows.len() events (and as many customers at most), `step` at a time.
        prop_assert!(steps >= 2 * rows.len().div_ceil(step));
        prop_assert_eq!(stepped, whole);
        prop_assert_eq!(finishing.step(), Some(Err(IngestError::ReaderClosed)));
    }

    #[test]
    fn read_never_panics_on_any_text(text in ".{0,400}") {
        let _ = read(&text, &ReadOptions::default());
    }

    #[test]
    fn every_shape_never_panics_on_csv_like_text(
        text in "[a-z0-9,;|\t\"\n\r .%/:-]{0,300}",
        shape in 0usize..4,
        order: bool,
    ) {
        let shapes = [Shape::PeriodTable, Shape::CohortLong, Shape::CohortWide, Shape::RawActivity];
        let options = ReadOptions {
            shape: Some(shapes[shape]),
            date_order: order.then_some(DayMonthOrder::MonthFirst),
            ..ReadOptions::default()
        };
        let _ = read(&text, &options);
        let header = format!("customer_id,date,amount\n{text}");
        let _ = read(&header, &ReadOptions::default());
        let header = format!("cohort,period,active,revenue\n{text}");
        let _ = read(&header, &ReadOptions::default());
        let header = format!("cohort,size,0,1,2\n{text}");
        let _ = read(&header, &ReadOptions::default());
        let header = format!("period,start,new,end,lost\n{text}");
        let _ = read(&header, &ReadOptions::default());
    }

    #[test]
    fn streaming_never_panics_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..600), cut in 0usize..600) {
        let mut r = ActivityReader::new(ReadOptions::default());
        let (a, b) = bytes.split_at(cut.min(bytes.len()));
        let _ = r.feed(a);
        let _ = r.feed(b);
        if let Ok(data) = r.finish() {
            let t = data.triangle();
            let _ = (t.average_curve(), t.nrr(), t.grr(), t.survival(), data.calendar_periods());
        }
    }
}
