//! Component tests in headless Chromium (wasm-bindgen-test): the app is mounted into a fresh
//! element, driven through real DOM input events and read back through the `data-value` contract.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

mod common;
use common::{fire, mount};

wasm_bindgen_test_configure!(run_in_browser);

async fn type_into(root: &Element, selector: &str, text: &str) {
    let input: HtmlInputElement = root
        .query_selector(selector)
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_value(text);
    fire(&input, "input").await;
}

fn value_of(root: &Element, metric: &str) -> Option<f64> {
    root.query_selector(&format!("[data-metric=\"{metric}\"]"))
        .unwrap()
        .and_then(|e| e.get_attribute("data-value"))
        .map(|v| v.parse().unwrap())
}

#[wasm_bindgen_test]
async fn typing_counts_updates_every_metric() {
    let root = mount().await;
    type_into(&root, "input[name=start]", "44").await;
    type_into(&root, "input[name=new]", "12").await;
    type_into(&root, "input[name=end]", "43").await;
    let retention = value_of(&root, "retention_rate").unwrap();
    assert!((retention - 31.0 / 44.0).abs() < 1e-12, "{retention}");
    assert_eq!(value_of(&root, "customers_lost"), Some(13.0));
    assert_eq!(value_of(&root, "customers_won"), Some(12.0));
    let text = root.text_content().unwrap();
    assert!(
        text.contains("70.45"),
        "percent shown with two decimals: {text}"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn impossible_end_is_flagged_and_rates_vanish() {
    let root = mount().await;
    type_into(&root, "input[name=start]", "10").await;
    type_into(&root, "input[name=new]", "2").await;
    type_into(&root, "input[name=end]", "13").await;
    let end = root.query_selector("input[name=end]").unwrap().unwrap();
    assert_eq!(end.get_attribute("aria-invalid").as_deref(), Some("true"));
    let message_id = end.get_attribute("aria-describedby").unwrap();
    let message = root
        .query_selector(&format!("#{message_id}"))
        .unwrap()
        .unwrap();
    assert!(message.text_content().unwrap().contains("12"));
    assert_eq!(value_of(&root, "retention_rate"), None);
    assert_eq!(value_of(&root, "customers_won"), Some(2.0));
    root.remove();
}

#[wasm_bindgen_test]
async fn starting_cohort_retention_appears_with_new_lost() {
    let root = mount().await;
    assert!(root
        .query_selector("[data-metric=cohort_retention]")
        .unwrap()
        .is_none());
    type_into(&root, "input[name=start]", "1000").await;
    type_into(&root, "input[name=new]", "500").await;
    type_into(&root, "input[name=end]", "1438").await;
    type_into(&root, "input[name=new_lost]", "12").await;
    let kept = value_of(&root, "cohort_retention").unwrap();
    assert!((kept - 0.95).abs() < 1e-12);
    root.remove();
}

#[wasm_bindgen_test]
async fn table_rows_can_be_added_and_removed() {
    let root = mount().await;
    let rows = |root: &Element| {
        root.query_selector_all("#panel-table tbody tr")
            .unwrap()
            .length()
    };
    let before = rows(&root);
    let add: web_sys::HtmlElement = root
        .query_selector("button.add")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    add.click();
    yew::scheduler::flush().await;
    assert_eq!(rows(&root), before + 1);
    type_into(&root, &format!("input[name=row{}_end]", before + 1), "1000").await;
    let churn = root
        .query_selector(&format!(
            "[data-metric=period_churn][data-period=\"{}\"]",
            before + 1
        ))
        .unwrap()
        .unwrap()
        .get_attribute("data-value");
    assert!(
        churn.is_some(),
        "new row with carried start has a churn rate"
    );
    root.remove();
}
