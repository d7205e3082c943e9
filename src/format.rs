//! Locale-aware number formatting through the browser's `Intl.NumberFormat` (via `js-sys`), so
//! the widget ships no locale data of its own. Formatters are cached per locale and style:
//! constructing one costs far more than formatting with it, and a table re-renders dozens per key.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Function, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

/// How a metric's value is shown. `data-value` always carries the raw number; this only shapes text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    /// A fraction shown as a percent with up to two decimals (0.70454 → "70.45 %").
    Percent,
    /// A whole count with grouping (1438 → "1,438").
    Count,
    /// A plain number with up to the given number of decimals.
    Decimal(u8),
    /// Money in the given ISO 4217 currency.
    Currency([u8; 3]),
}

thread_local! {
    static CACHE: RefCell<HashMap<(String, Style), Function>> = RefCell::new(HashMap::new());
}

fn options(style: Style) -> Object {
    let o = Object::new();
    let set = |k: &str, v: JsValue| {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&o, &JsValue::from_str(k), &v);
    };
    match style {
        Style::Percent => {
            set("style", "percent".into());
            set("maximumFractionDigits", 2.into());
        }
        Style::Count => set("maximumFractionDigits", 0.into()),
        Style::Decimal(d) => set("maximumFractionDigits", u32::from(d.min(20)).into()),
        Style::Currency(code) => {
            set("style", "currency".into());
            set(
                "currency",
                std::str::from_utf8(&code).unwrap_or("USD").into(),
            );
            set("maximumFractionDigits", 0.into());
        }
    }
    o
}

fn formatter(locale: &str, style: Style) -> Function {
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        cache
            .entry((locale.to_owned(), style))
            .or_insert_with(|| {
                let locales = Array::of1(&JsValue::from_str(locale));
                Intl::NumberFormat::new(&locales, &options(style)).format()
            })
            .clone()
    })
}

/// The raw value for `data-value`: JavaScript's shortest round-trip form of the number, which
/// `Number()` / `parseFloat` read back exactly. Done by the browser because Rust's own float
/// printing is about 12 KB of wasm that the widget otherwise does not need.
pub fn raw(value: f64) -> String {
    js_sys::Number::from(value)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

/// Formats `value` for `locale`. Non-finite values never reach the page: they come out as "—".
pub fn format(locale: &str, style: Style, value: f64) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    formatter(locale, style)
        .call1(&JsValue::NULL, &JsValue::from_f64(value))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| raw(value))
}

/// The CLDR plural category of `n` in `locale` (`Intl.PluralRules`), for catalog entries that
/// change with a count ("1 row" / "2 rows"; Croatian and Bulgarian have more forms than English).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plural {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

pub fn plural(locale: &str, n: f64) -> Plural {
    let locales = Array::of1(&JsValue::from_str(locale));
    let rules = Intl::PluralRules::new(&locales, &Object::new());
    match rules.select(n).as_string().as_deref() {
        Some("zero") => Plural::Zero,
        Some("one") => Plural::One,
        Some("two") => Plural::Two,
        Some("few") => Plural::Few,
        Some("many") => Plural::Many,
        _ => Plural::Other,
    }
}
