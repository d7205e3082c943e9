//! The triangle as CSV text for download: RFC 4180 quoting, and every text cell that a
//! spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) defused with a leading
//! `'` (OWASP's advice against CSV injection). Cohort labels come from the user's file, so they are
//! untrusted; numbers are written by us and are never escaped, so `-0.5` stays a number.

#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

use crate::cohort::Triangle;
use std::fmt::Write;

/// Which figure fills the cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    /// Distinct customers active in period k.
    Active,
    /// Active in k / cohort size, as a fraction.
    Retention,
    /// Active in k or later / size (per-customer data only; blank otherwise).
    UnboundedRetention,
    /// Revenue in period k (blank without revenue).
    Revenue,
}

/// A text cell made safe for a spreadsheet: formula triggers defused, quoted when needed.
pub fn text_cell(text: &str) -> String {
    let defused = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

/// The triangle as CSV: `cohort,size,0,1,…`, one row per cohort, CRLF line ends (RFC 4180).
/// With `mark_unfinished`, a last column names the first unfinished period of each cohort.
/// `number` writes a finite value in a form that reads back exactly (`f64`'s `Display` does; the
/// widget passes the browser's `Number#toString` to leave Rust's float printing, ~10 KB of wasm,
/// out of its bundle).
pub fn triangle_csv(
    triangle: &Triangle,
    figure: Figure,
    mark_unfinished: bool,
    number: &dyn Fn(f64) -> String,
) -> String {
    let mut out = String::new();
    out.push_str("cohort,size");
    for k in 0..triangle.periods() {
        let _ = write!(out, ",{k}");
    }
    if mark_unfinished {
        out.push_str(",unfinished_from");
    }
    out.push_str("\r\n");
    let unbounded = triangle.unbounded_retention().ok();
    let retention = triangle.retention();
    for (i, c) in triangle.cohorts.iter().enumerate() {
        out.push_str(&text_cell(&c.label));
        let _ = write!(out, ",{}", c.size);
        for k in 0..triangle.periods() {
            let value = match figure {
                Figure::Active => c.active.get(k).map(|&a| a as f64),
                Figure::Retention => retention.get(i).and_then(|r| r.get(k)).copied().flatten(),
                Figure::UnboundedRetention => unbounded
                    .as_ref()
                    .and_then(|u| u.get(i))
                    .and_then(|r| r.get(k))
                    .copied()
                    .flatten(),
                Figure::Revenue => c.revenue.as_ref().and_then(|r| r.get(k)).copied(),
            };
            out.push(',');
            if let Some(v) = value.filter(|v| v.is_finite()) {
                out.push_str(&number(v));
            }
        }
        if mark_unfinished {
            out.push(',');
            if let Some(u) = c.unfinished_from {
                let _ = write!(out, "{u}");
            }
        }
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cohort::{CohortRow, TriangleSource};
    use proptest::prelude::*;

    #[test]
    fn formula_triggers_are_defused() {
        assert_eq!(text_cell("=1+1"), "'=1+1");
        assert_eq!(text_cell("+33 1"), "'+33 1");
        assert_eq!(text_cell("-2"), "'-2");
        assert_eq!(text_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text_cell("\tx"), "'\tx");
        assert_eq!(text_cell("\rx"), "\"'\rx\"");
        assert_eq!(
            text_cell("=HYPERLINK(\"http://x\",\"a,b\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"a,b\"\")\""
        );
        assert_eq!(text_cell("2024-01"), "2024-01");
    }

    #[test]
    fn quoting_per_rfc_4180() {
        assert_eq!(text_cell("a,b"), "\"a,b\"");
        assert_eq!(text_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(text_cell("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn triangle_export() {
        let t = Triangle {
            granularity: None,
            source: TriangleSource::CountTable,
            cohorts: vec![
                CohortRow {
                    label: "=cmd".into(),
                    size: 4,
                    active: vec![4, 2],
                    unfinished_from: Some(1),
                    ..CohortRow::default()
                },
                CohortRow {
                    label: "b".into(),
                    size: 2,
                    active: vec![2],
                    unfinished_from: Some(0),
                    ..CohortRow::default()
                },
            ],
        };
        assert_eq!(
            triangle_csv(&t, Figure::Active, true, &|v: f64| v.to_string()),
            "cohort,size,0,1,unfinished_from\r\n'=cmd,4,4,2,1\r\nb,2,2,,0\r\n"
        );
        assert_eq!(
            triangle_csv(&t, Figure::Retention, false, &|v: f64| v.to_string()),
            "cohort,size,0,1\r\n'=cmd,4,1,0.5\r\nb,2,1,\r\n"
        );
        assert_eq!(
            triangle_csv(&t, Figure::Revenue, false, &|v: f64| v.to_string()),
            "cohort,size,0,1\r\n'=cmd,4,,\r\nb,2,,\r\n"
        );
    }

    proptest! {
        #[test]
        fn exported_labels_read_back_and_never_start_a_formula(label in ".*") {
            // csv-core, like spreadsheets, drops a byte-order mark at the very start.
            prop_assume!(!label.starts_with('\u{feff}'));
            let cell = text_cell(&label);
            let mut rdr = csv_core::Reader::new();
            let mut out = vec![0u8; cell.len() * 2 + 16];
            let mut ends = [0usize; 4];
            let (_, _, nout, _) = rdr.read_record(cell.as_bytes(), &mut out, &mut ends);
            let (_, _, nout2, _) = rdr.read_record(&[], &mut out[nout..], &mut ends);
            let back = String::from_utf8(out[..nout + nout2].to_vec()).unwrap();
            prop_assert!(!back.starts_with(['=', '+', '-', '@', '\t', '\r']));
            let expected = if label.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{label}") } else { label.clone() };
            prop_assert_eq!(back, expected);
        }
    }
}
