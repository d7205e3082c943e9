//! Reads any supported file with `ingest::read` (shape detected) and prints its cohort triangle
//! as the long table `cohort,period,active,revenue`, the layout `docs/warehouse.md`'s SQL makes,
//! so the two can be compared cell by cell (`bench/check_warehouse_sql.py`).
//!
//! Usage: `cargo run --release --example triangle_csv -- <file.csv>`

use retention_core::ingest::{read, ReadOptions};

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: triangle_csv <file.csv>");
    let text = std::fs::read_to_string(&path).expect("a UTF-8 file");
    let got = match read(&text, &ReadOptions::default()) {
        Ok(got) => got,
        Err(e) => {
            eprintln!("refused: {e}");
            std::process::exit(1);
        }
    };
    eprintln!(
        "shape={} rows={} used={} skipped={} columns={}",
        got.shape.key(),
        got.stats.data_rows,
        got.stats.used,
        got.stats.skipped,
        got.columns
    );
    let Some(triangle) = got.triangle() else {
        eprintln!("this shape has no triangle");
        std::process::exit(1);
    };
    println!("cohort,period,active,revenue");
    for c in &triangle.cohorts {
        for (k, active) in c.active.iter().enumerate() {
            let revenue = c
                .revenue
                .as_ref()
                .and_then(|r| r.get(k))
                .map(|r| format!("{r:.4}"))
                .unwrap_or_default();
            // Cells with nobody active are not rows of the SQL result either.
            if *active > 0 {
                println!("{},{k},{active},{revenue}", c.label);
            }
        }
    }
}
