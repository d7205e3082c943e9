//! Component tests of the what-if and retention-model panels in headless Chromium
//! (wasm-bindgen-test): the app is mounted into a fresh element, driven through real DOM input
//! events and read back through the `data-value` contract. Expected values are worked by hand.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

mod common;
use common::{fire, mount};

wasm_bindgen_test_configure!(run_in_browser);

fn input(root: &Element, selector: &str) -> HtmlInputElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .dyn_into()
        .unwrap()
}

async fn fire_on(root: &Element, selector: &str, value: Option<&str>, event: &str) {
    let el = input(root, selector);
    if let Some(value) = value {
        el.set_value(value);
    }
    fire(&el, event).await;
}

async fn type_into(root: &Element, selector: &str, text: &str) {
    fire_on(root, selector, Some(text), "input").await;
}

async fn choose(root: &Element, selector: &str) {
    input(root, selector).set_checked(true);
    fire_on(root, selector, None, "change").await;
}

/// The `data-value` of the first `metric` element matching `extra` (e.g. `[data-period="2"]`).
fn value_of(root: &Element, metric: &str, extra: &str) -> Option<f64> {
    root.query_selector(&format!("[data-metric=\"{metric}\"]{extra}"))
        .unwrap()
        .and_then(|e| e.get_attribute("data-value"))
        .map(|v| v.parse().unwrap())
}

fn text_of(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

async fn small_business(root: &Element) {
    type_into(root, "input[name=retention]", "90").await;
    type_into(root, "input[name=customers]", "1000").await;
    type_into(root, "input[name=arpu]", "10").await;
    type_into(root, "input[name=horizon]", "3").await;
}

#[wasm_bindgen_test]
async fn typed_retention_drives_the_projection() {
    let root = mount().await;
    small_business(&root).await;
    // Typing a retention selects it as the source.
    assert!(input(&root, "input[name=retention_source][value=typed]").checked());
    assert_eq!(value_of(&root, "baseline_retention_rate", ""), Some(0.9));
    let improved = value_of(&root, "improved_retention_rate", "").unwrap();
    assert!((improved - 0.95).abs() < 1e-12, "{improved}");
    // 10 · (1000 + 900 + 810).
    assert_eq!(value_of(&root, "revenue_baseline", ""), Some(27_100.0));
    let lifetime = value_of(&root, "lifetime_improved", "").unwrap();
    assert!((lifetime - 20.0).abs() < 1e-9);
    assert_eq!(
        value_of(&root, "customers_baseline", "[data-period=\"2\"]"),
        Some(810.0)
    );
    choose(&root, "input[name=uplift_mode][value=relative]").await;
    let improved = value_of(&root, "improved_retention_rate", "").unwrap();
    assert!((improved - 0.945).abs() < 1e-12, "{improved}");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_gain_past_100_percent_is_capped_with_a_message() {
    let root = mount().await;
    small_business(&root).await;
    assert!(root.query_selector(".note.capped").unwrap().is_none());
    type_into(&root, "input[name=retention]", "95").await;
    type_into(&root, "input[name=uplift]", "20").await;
    assert_eq!(value_of(&root, "improved_retention_rate", ""), Some(0.9999));
    assert!(text_of(&root, ".note.capped").contains("99.99"));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_bad_field_blanks_the_results_and_says_why() {
    let root = mount().await;
    small_business(&root).await;
    type_into(&root, "input[name=margin]", "120").await;
    let margin = input(&root, "input[name=margin]");
    assert_eq!(
        margin.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert!(text_of(&root, "#wi-margin-message").contains("100"));
    assert_eq!(value_of(&root, "revenue_baseline", ""), None);
    assert_eq!(value_of(&root, "improved_retention_rate", ""), None);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_model_refits_as_survivors_are_typed() {
    let root = mount().await;
    // The default cohort is Fader & Hardie's "regular": α 0.704, β 1.182 published.
    let alpha = value_of(&root, "sbg_alpha", "").unwrap();
    assert!((alpha - 0.704).abs() < 0.001, "{alpha}");
    type_into(&root, "input[name=survivors]", "1000, 900").await;
    assert_eq!(value_of(&root, "sbg_alpha", ""), None);
    assert!(text_of(&root, "#panel-model .note.problems").contains("Only 2 counts"));
    let churn = value_of(&root, "constant_churn", "").unwrap();
    assert!((churn - 0.1).abs() < 1e-9, "{churn}");
    type_into(&root, "input[name=survivors]", "1000, x").await;
    assert!(text_of(&root, "#wi-survivors-message").contains("Count 2"));
    root.remove();
}

#[wasm_bindgen_test]
async fn the_what_if_can_run_on_the_fitted_curve() {
    let root = mount().await;
    small_business(&root).await;
    choose(&root, "input[name=retention_source][value=model]").await;
    // sBG r₁ = β / (α + β) ≈ 1.182 / 1.886; later periods retain more.
    let first = value_of(&root, "baseline_retention_rate", "").unwrap();
    assert!((first - 1.182 / 1.886).abs() < 1e-3, "{first}");
    let n1 = value_of(&root, "customers_baseline", "[data-period=\"1\"]").unwrap();
    let n2 = value_of(&root, "customers_baseline", "[data-period=\"2\"]").unwrap();
    assert!(
        n2 / n1 > n1 / 1000.0,
        "retention rises with tenure: {n1}, {n2}"
    );
    root.remove();
}
