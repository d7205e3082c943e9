//! Component tests of the CSV panel in headless Chromium (wasm-bindgen-test): a small CSV of each
//! shape is pasted through a real `input` event and read back through the `data-value` contract.
//! The expected triangles are worked out by hand in the comments, not by the core.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlTextAreaElement};

mod common;
use common::{fire, mount};

wasm_bindgen_test_configure!(run_in_browser);

async fn paste(root: &Element, text: &str) {
    let area: HtmlTextAreaElement = root
        .query_selector("#csv-paste")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    area.set_value(text);
    fire(&area, "input").await;
    // The period-table fill is an effect that dispatches once more.
    yew::scheduler::flush().await;
}

fn value(root: &Element, selector: &str) -> Option<f64> {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element {selector}"))
        .get_attribute("data-value")
        .map(|v| v.parse().unwrap())
}

fn cell(root: &Element, metric: &str, cohort: &str, k: usize) -> Option<f64> {
    value(
        root,
        &format!("[data-metric={metric}][data-cohort=\"{cohort}\"][data-period=\"{k}\"]"),
    )
}

#[wasm_bindgen_test]
async fn activity_rows_become_a_triangle() {
    let root = mount().await;
    // Cohort 2024-01 = {a, b}: February only a. Cohort 2024-02 = {c}.
    paste(
        &root,
        "user_id,created_at\na,2024-01-03\nb,2024-01-30\na,2024-02-01\nc,2024-02-14\nbad,someday\n",
    )
    .await;
    assert_eq!(cell(&root, "cohort_active", "2024-01", 0), Some(2.0));
    assert_eq!(cell(&root, "cohort_active", "2024-01", 1), Some(1.0));
    assert_eq!(cell(&root, "cohort_retention_k", "2024-01", 1), Some(0.5));
    assert_eq!(cell(&root, "cohort_active", "2024-02", 0), Some(1.0));
    assert_eq!(
        value(&root, "[data-metric=cohort_size][data-cohort=\"2024-01\"]"),
        Some(2.0)
    );
    assert_eq!(value(&root, "[data-metric=rows_parsed]"), Some(4.0));
    assert_eq!(value(&root, "[data-metric=rows_skipped]"), Some(1.0));
    let problem = root.query_selector(".csv-problem").unwrap().unwrap();
    assert_eq!(problem.get_attribute("data-row").as_deref(), Some("6"));
    assert!(problem.text_content().unwrap().contains("someday"));
    // No amounts: no revenue section.
    assert!(root.query_selector("[data-metric=nrr]").unwrap().is_none());
    root.remove();
}

#[wasm_bindgen_test]
async fn a_long_table_with_revenue_gives_nrr() {
    let root = mount().await;
    // 2024-01: 10 then 7 customers, revenue 100 then 120 (expansion): NRR at k = 1 is 1.2.
    paste(
        &root,
        "cohort,period,active,revenue\n2024-01,0,10,100\n2024-01,1,7,120\n2024-02,0,5,50\n2024-02,1,1,10\n2024-03,0,4,40\n",
    )
    .await;
    assert_eq!(cell(&root, "cohort_active", "2024-01", 1), Some(7.0));
    assert_eq!(cell(&root, "cohort_retention_k", "2024-01", 1), Some(0.7));
    assert_eq!(cell(&root, "cohort_revenue", "2024-01", 1), Some(120.0));
    assert_eq!(
        value(&root, "[data-metric=nrr][data-cohort=\"2024-01\"]"),
        Some(1.2)
    );
    // Overall at k = 1 counts 2024-01 only: 2024-02's k = 1 is March, the unfinished period.
    assert_eq!(
        value(&root, "[data-metric=nrr]:not([data-cohort])"),
        Some(1.2)
    );
    // A table of counts cannot give GRR.
    assert_eq!(value(&root, "[data-metric=grr]:not([data-cohort])"), None);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_wide_table_of_counts() {
    let root = mount().await;
    paste(
        &root,
        "cohort\t0\t1\t2\n2024-Q1\t50\t30\t20\n2024-Q2\t40\t10\t\n",
    )
    .await;
    assert_eq!(cell(&root, "cohort_active", "2024-Q1", 2), Some(20.0));
    assert_eq!(cell(&root, "cohort_retention_k", "2024-Q1", 2), Some(0.4));
    assert_eq!(cell(&root, "cohort_retention_k", "2024-Q2", 1), Some(0.25));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_period_table_replaces_the_table_rows() {
    let root = mount().await;
    paste(&root, "label,start,new,end\nW1,200,20,210\nW2,,30,228\n").await;
    let rows = root.query_selector_all("#panel-table tbody tr").unwrap();
    assert_eq!(rows.length(), 2);
    // Row 2: start carried from row 1's end, 210: (228 − 30) / 210.
    let r = value(&root, "[data-metric=period_retention][data-period=\"2\"]").unwrap();
    assert!((r - 198.0 / 210.0).abs() < 1e-12, "{r}");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_mostly_broken_paste_is_refused() {
    let root = mount().await;
    paste(&root, "customer,date\na,2024-01-01\nb,x\nc,y\n").await;
    let status = root.query_selector("#csv-status").unwrap().unwrap();
    assert_eq!(status.get_attribute("role").as_deref(), Some("alert"));
    assert!(root.query_selector("#cohort-heatmap").unwrap().is_none());
    assert_eq!(value(&root, "[data-metric=rows_skipped]"), Some(2.0));
    root.remove();
}
