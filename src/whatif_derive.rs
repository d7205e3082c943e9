//! From the what-if state's raw text to the core's inputs, and from survival counts to the model
//! results the two panels show. Pure functions (the locale look-up aside), tested natively; the
//! components call them during rendering, so nothing derived is ever stored.

use retention_core::count::{parse_count, CountError};
use retention_core::decimal::decimal_value;
use retention_core::model::{fit_models, Band, BandOptions, BandProblem, ModelReport};
use retention_core::period::evaluate;
use retention_core::series::SeriesReport;
use retention_core::unit::PeriodUnit;
use retention_core::whatif::{
    period_rate_from_yearly, Baseline, WhatIfError, WhatIfField, WhatIfInput, WhatIfProblem,
};

use crate::state::PeriodInputs;
use crate::whatif_state::{
    DiscountBasis, InputField, RetentionSource, SurvivorsSource, WhatIfState,
};

/// The longest horizon the panels draw: every period is a chart point and a table row, and 600
/// periods is 50 years of months. The core itself accepts up to 10 000.
pub const MAX_UI_HORIZON: usize = 600;
/// Horizon used for the model projection while the horizon field does not parse.
pub const FALLBACK_HORIZON: usize = 24;
/// Periods of the fitted retention curve handed to the what-if: after them the last rate holds.
/// Long enough that the CLV's tail barely depends on it (sBG retention flattens out).
pub const MODEL_CURVE_PERIODS: usize = 600;

/// Why a typed decimal number was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    Empty,
    NotANumber,
    /// A comma that is not a thousands separator: probably a decimal comma ("2,5").
    DecimalComma,
    Negative,
}

/// What is wrong with one input field.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum InputProblem {
    Number(NumberError),
    Count(CountError),
    /// The core refused the parsed value.
    Core(WhatIfProblem),
    /// A percent field above 100 %.
    AbovePercent,
    /// Horizon above [`MAX_UI_HORIZON`].
    HorizonTooLong,
    /// The chosen retention source has no value (e.g. the table has no valid row).
    SourceUnavailable,
}

/// A problem and the field it belongs to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FieldIssue {
    pub field: InputField,
    pub problem: InputProblem,
}

/// Parses a plain decimal number as people type it: spaces, `_` and thousands commas
/// (`1,250.5`) are accepted, a trailing `%` is ignored; exponents, `inf` and `NaN` are not.
pub fn parse_decimal(text: &str) -> Result<f64, NumberError> {
    parse_scaled(text, 0)
}

/// Parses a percent ("94.5", "94.5 %") into a fraction. The shift by two places is done by the
/// decimal parser (`"94.5e-2"`), so "94.55" gives exactly the double nearest to 0.9455.
pub fn parse_percent(text: &str) -> Result<f64, NumberError> {
    parse_scaled(text, -2)
}

fn parse_scaled(text: &str, exponent: i32) -> Result<f64, NumberError> {
    let trimmed = text.trim();
    let trimmed = trimmed.strip_suffix('%').unwrap_or(trimmed).trim_end();
    if trimmed.is_empty() {
        return Err(NumberError::Empty);
    }
    let (negative, body) = match trimmed.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, trimmed.strip_prefix('+').unwrap_or(trimmed)),
    };
    let cleaned: String = body
        .chars()
        .filter(|c| !matches!(c, '_' | ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let (whole, fraction) = match cleaned.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (cleaned.as_str(), None),
    };
    // Commas only as thousands separators: every group after the first has three digits.
    let mut groups = whole.split(',');
    let first_ok = groups.next().is_some_and(|g| !g.contains(','));
    let groups_ok = groups.all(|g| g.len() == 3);
    if !(first_ok && groups_ok) {
        return Err(NumberError::DecimalComma);
    }
    let digits: String = whole.chars().filter(|&c| c != ',').collect();
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let fraction = fraction.unwrap_or("");
    if !all_digits(&digits) || !all_digits(fraction) || (digits.is_empty() && fraction.is_empty()) {
        return Err(NumberError::NotANumber);
    }
    let value = decimal_value(&digits, fraction, exponent).ok_or(NumberError::NotANumber)?;
    if !value.is_finite() {
        return Err(NumberError::NotANumber);
    }
    if negative && value > 0.0 {
        return Err(NumberError::Negative);
    }
    Ok(value)
}

/// The figures of the user's data the what-if can start from.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DataContext {
    pub period_retention: Option<f64>,
    pub period_end: Option<u64>,
    /// 1 − Σ lost ÷ Σ start over the table.
    pub table_mean: Option<f64>,
    /// (Π r)^(1/n) over the table's n usable rows.
    pub table_compounded: Option<f64>,
    /// The end count of the table's last row that has one.
    pub table_latest_end: Option<u64>,
    /// r₁, r₂, … of the chosen fitted model.
    pub model_curve: Option<Vec<f64>>,
}

impl DataContext {
    pub fn new(period: &PeriodInputs, table: &SeriesReport, model_curve: Option<Vec<f64>>) -> Self {
        let one = evaluate(&period.start, &period.new, &period.end, &period.new_lost);
        let span = &table.span;
        let periods = span.periods_used as f64;
        DataContext {
            period_retention: one.metrics.retention_rate,
            period_end: parse_count(&period.end)
                .ok()
                .filter(|_| one.problems.is_empty()),
            table_mean: span.weighted_mean_churn.map(|c| 1.0 - c),
            table_compounded: span
                .compounded_retention
                .filter(|_| periods > 0.0)
                .map(|c| c.powf(1.0 / periods)),
            table_latest_end: table
                .rows
                .iter()
                .rev()
                .find_map(|r| r.counts.map(|c| c.end)),
            model_curve,
        }
    }

    /// The constant rate a source gives, or the model's first-period rate.
    pub fn rate(&self, source: RetentionSource) -> Option<f64> {
        match source {
            RetentionSource::Typed => None,
            RetentionSource::Period => self.period_retention,
            RetentionSource::TableMean => self.table_mean,
            RetentionSource::TableCompounded => self.table_compounded,
            RetentionSource::Model => self.model_curve.as_ref().and_then(|c| c.first().copied()),
        }
    }

    /// The latest count, the default of "starting customers": the one-period end when the
    /// retention comes from that period, otherwise the table's.
    pub fn latest_count(&self, source: RetentionSource) -> Option<u64> {
        match source {
            RetentionSource::Period => self.period_end.or(self.table_latest_end),
            _ => self.table_latest_end.or(self.period_end),
        }
    }
}

/// The what-if input read from the state, or every field problem found.
pub fn build_input(
    state: &WhatIfState,
    data: &DataContext,
    unit: PeriodUnit,
) -> Result<WhatIfInput, Vec<FieldIssue>> {
    let mut issues = Vec::new();
    let mut note =
        |field: InputField, problem: InputProblem| issues.push(FieldIssue { field, problem });
    let percent =
        |field: InputField, note: &mut dyn FnMut(InputField, InputProblem)| match parse_percent(
            state.get(field),
        ) {
            Ok(v) if v > 1.0 => {
                note(field, InputProblem::AbovePercent);
                None
            }
            Ok(v) => Some(v),
            Err(e) => {
                note(field, InputProblem::Number(e));
                None
            }
        };
    let baseline = match state.retention_source {
        RetentionSource::Typed => percent(InputField::Retention, &mut note).map(Baseline::Constant),
        RetentionSource::Model => match &data.model_curve {
            Some(curve) if !curve.is_empty() => Some(Baseline::Curve(curve.clone())),
            _ => {
                note(InputField::Retention, InputProblem::SourceUnavailable);
                None
            }
        },
        source => match data.rate(source) {
            Some(r) => Some(Baseline::Constant(r)),
            None => {
                note(InputField::Retention, InputProblem::SourceUnavailable);
                None
            }
        },
    };
    let customers = if state.customers.trim().is_empty() {
        match data.latest_count(state.retention_source) {
            Some(n) => Some(n as f64),
            None => {
                note(
                    InputField::Customers,
                    InputProblem::Count(CountError::Empty),
                );
                None
            }
        }
    } else {
        count(state, InputField::Customers, &mut note)
    };
    let acquired = count(state, InputField::Acquired, &mut note);
    let arpu = decimal(state, InputField::Arpu, &mut note);
    let margin = percent(InputField::Margin, &mut note);
    let discount =
        percent(InputField::Discount, &mut note).and_then(|d| match state.discount_basis {
            DiscountBasis::Period => Some(d),
            // A yearly rate is compounded down to the period; it cannot fail for d in [0, 1].
            DiscountBasis::Year => period_rate_from_yearly(d, unit.per_year()),
        });
    let growth = percent(InputField::MarginGrowth, &mut note);
    let horizon = match count(state, InputField::Horizon, &mut note) {
        Some(h) if h as usize > MAX_UI_HORIZON => {
            note(InputField::Horizon, InputProblem::HorizonTooLong);
            None
        }
        other => other.map(|h| h as usize),
    };
    let cac = if state.cac.trim().is_empty() {
        Some(None)
    } else {
        decimal(state, InputField::Cac, &mut note).map(Some)
    };
    let uplift = decimal(state, InputField::Uplift, &mut note);
    let (
        Some(baseline),
        Some(starting_customers),
        Some(new_per_period),
        Some(arpu),
        Some(gross_margin),
        Some(discount_rate),
        Some(margin_growth),
        Some(horizon),
        Some(cac),
        Some(uplift),
    ) = (
        baseline, customers, acquired, arpu, margin, discount, growth, horizon, cac, uplift,
    )
    else {
        return Err(issues);
    };
    let input = WhatIfInput {
        baseline,
        starting_customers,
        new_per_period,
        arpu,
        gross_margin,
        discount_rate,
        margin_growth,
        horizon,
        cac,
        uplift,
        mode: state.uplift_mode,
    };
    let core = retention_core::whatif::validate(&input);
    if core.is_empty() {
        Ok(input)
    } else {
        Err(core.iter().map(issue_of).collect())
    }
}

fn count(
    state: &WhatIfState,
    field: InputField,
    note: &mut dyn FnMut(InputField, InputProblem),
) -> Option<f64> {
    parse_count(state.get(field))
        .map_err(|e| note(field, InputProblem::Count(e)))
        .ok()
        .map(|n| n as f64)
}

fn decimal(
    state: &WhatIfState,
    field: InputField,
    note: &mut dyn FnMut(InputField, InputProblem),
) -> Option<f64> {
    parse_decimal(state.get(field))
        .map_err(|e| note(field, InputProblem::Number(e)))
        .ok()
}

/// The field of the panel a core validation error belongs to.
fn issue_of(error: &WhatIfError) -> FieldIssue {
    let field = match error.field {
        WhatIfField::Retention | WhatIfField::RetentionCurve { .. } => InputField::Retention,
        WhatIfField::StartingCustomers => InputField::Customers,
        WhatIfField::NewPerPeriod => InputField::Acquired,
        WhatIfField::Arpu => InputField::Arpu,
        WhatIfField::GrossMargin => InputField::Margin,
        WhatIfField::DiscountRate => InputField::Discount,
        WhatIfField::MarginGrowth => InputField::MarginGrowth,
        WhatIfField::Horizon => InputField::Horizon,
        WhatIfField::Cac => InputField::Cac,
        WhatIfField::Uplift => InputField::Uplift,
    };
    FieldIssue {
        field,
        problem: InputProblem::Core(error.problem),
    }
}

/// The horizon to project the model to: the typed one when valid, else [`FALLBACK_HORIZON`].
pub fn model_horizon(state: &WhatIfState) -> usize {
    match parse_count(&state.horizon) {
        // Compared as u64: on wasm32 `as usize` would wrap 2^32 + 24 to 24.
        Ok(h) if (1..=MAX_UI_HORIZON as u64).contains(&h) => h as usize,
        _ => FALLBACK_HORIZON,
    }
}

/// Why no survival counts could be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SurvivorsProblem {
    /// Nothing typed.
    Empty,
    /// Item `index` (from 0) is not a count.
    Item { index: usize, error: CountError },
    /// The period table has no rows with valid counts.
    TableEmpty,
    /// Table row `row` (from 1) does not parse.
    TableInvalidRow { row: usize },
    /// Table row `row` (from 1) has new customers: its end mixes two cohorts.
    TableNeedsCohort { row: usize },
}

/// Splits "1000, 631, 468" (commas, semicolons, spaces or new lines) and parses each item with
/// the core's count parser; thousands separators inside an item are therefore not possible.
pub fn parse_survivors(text: &str) -> Result<Vec<u64>, SurvivorsProblem> {
    let items: Vec<&str> = text
        .split([',', ';', ' ', '\n', '\t', '\r'])
        .filter(|s| !s.is_empty())
        .collect();
    if items.is_empty() {
        return Err(SurvivorsProblem::Empty);
    }
    items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            parse_count(item).map_err(|error| SurvivorsProblem::Item { index, error })
        })
        .collect()
}

/// One cohort's survival from the period table: row 1's start, then every row's end. Only
/// valid when no row adds customers: with new customers the end counts mix cohorts.
pub fn survivors_from_table(table: &SeriesReport) -> Result<Vec<u64>, SurvivorsProblem> {
    let mut counts = Vec::with_capacity(table.rows.len() + 1);
    for (i, row) in table.rows.iter().enumerate() {
        let Some(c) = row.counts else {
            return Err(SurvivorsProblem::TableInvalidRow { row: i + 1 });
        };
        if c.new > 0 {
            return Err(SurvivorsProblem::TableNeedsCohort { row: i + 1 });
        }
        if counts.is_empty() {
            counts.push(c.start);
        }
        counts.push(c.end);
    }
    if counts.is_empty() {
        Err(SurvivorsProblem::TableEmpty)
    } else {
        Ok(counts)
    }
}

/// The counts the model panel fits, from the chosen source.
pub fn survivors(state: &WhatIfState, table: &SeriesReport) -> Result<Vec<u64>, SurvivorsProblem> {
    match state.survivors_source {
        SurvivorsSource::Typed => parse_survivors(&state.survivors),
        SurvivorsSource::Table => survivors_from_table(table),
    }
}

/// Everything the model panel shows, computed once per (counts, horizon).
#[derive(Debug, Clone, PartialEq)]
pub struct ModelOutcome {
    pub counts: Vec<u64>,
    pub report: ModelReport,
    /// Periods drawn: the horizon, or the observed span when longer.
    pub span: usize,
    /// S(t), t = 0..=span, of the chosen model.
    pub chosen_survival: Option<Vec<f64>>,
    pub sbg_survival: Option<Vec<f64>>,
    pub band: Option<Result<Band, BandProblem>>,
    /// r₁ … r_[`MODEL_CURVE_PERIODS`] of the chosen model, the what-if's `Baseline::Curve`.
    pub retention_curve: Option<Vec<f64>>,
}

/// Fits the models to one cohort and projects the chosen one with its band.
pub fn compute_model(counts: &[u64], horizon: usize) -> ModelOutcome {
    let report = fit_models(&[counts.to_vec()]);
    let span = horizon.max(counts.len().saturating_sub(1));
    let chosen = report.chosen_fit();
    ModelOutcome {
        counts: counts.to_vec(),
        span,
        chosen_survival: chosen.map(|f| f.survival(span)),
        sbg_survival: report.sbg.as_ref().map(|f| f.survival(span)),
        band: chosen.map(|f| f.band(span, BandOptions::default())),
        retention_curve: chosen.map(|f| f.retention(MODEL_CURVE_PERIODS)),
        report,
    }
}

/// The currencies offered in the select, most used first.
pub const CURRENCIES: [&str; 16] = [
    "USD", "EUR", "GBP", "JPY", "CNY", "INR", "CAD", "AUD", "CHF", "BRL", "MXN", "SEK", "NOK",
    "DKK", "PLN", "KRW",
];

/// The currency of a BCP 47 locale's region ("de-CH" → CHF), for a few common regions; USD
/// otherwise. The euro area is matched by region, not language ("fr-CA" is CAD).
pub fn currency_for_locale(locale: &str) -> &'static str {
    let region = locale
        .split(['-', '_'])
        .skip(1)
        .find(|part| part.len() == 2 && part.bytes().all(|b| b.is_ascii_alphabetic()))
        .map(|r| r.to_ascii_uppercase());
    match region.as_deref() {
        Some("GB") => "GBP",
        Some("JP") => "JPY",
        Some("CN") => "CNY",
        Some("IN") => "INR",
        Some("CA") => "CAD",
        Some("AU") => "AUD",
        Some("CH") => "CHF",
        Some("BR") => "BRL",
        Some("MX") => "MXN",
        Some("SE") => "SEK",
        Some("NO") => "NOK",
        Some("DK") => "DKK",
        Some("PL") => "PLN",
        Some("KR") => "KRW",
        Some(
            "DE" | "FR" | "ES" | "IT" | "NL" | "BE" | "AT" | "IE" | "PT" | "FI" | "GR" | "LU"
            | "SK" | "SI" | "EE" | "LV" | "LT" | "HR" | "MT" | "CY",
        ) => "EUR",
        _ => "USD",
    }
}

/// The browser's `navigator.language`, read through `Reflect` so that no extra `web-sys`
/// feature is linked for one string; "en-US" where there is none.
pub fn browser_locale() -> String {
    use js_sys::Reflect;
    use wasm_bindgen::JsValue;
    let global = js_sys::global();
    Reflect::get(&global, &JsValue::from_str("navigator"))
        .ok()
        .filter(|n| n.is_object())
        .and_then(|n| Reflect::get(&n, &JsValue::from_str("language")).ok())
        .and_then(|l| l.as_string())
        .unwrap_or_else(|| "en-US".to_owned())
}

/// The ISO code to use: the chosen one, else the browser's region's.
pub fn currency_code(state: &WhatIfState) -> [u8; 3] {
    let code = if state.currency.is_empty() {
        currency_for_locale(&browser_locale()).to_owned()
    } else {
        state.currency.clone()
    };
    match code.as_bytes() {
        &[a, b, c] => [a, b, c],
        _ => *b"USD",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use retention_core::series::{evaluate_rows, RowInput};
    use retention_core::whatif::UpliftMode;

    #[test]
    fn decimals_as_people_type_them() {
        assert_eq!(parse_decimal("10"), Ok(10.0));
        assert_eq!(parse_decimal(" 1,250.5 "), Ok(1250.5));
        assert_eq!(parse_decimal("1 000"), Ok(1000.0));
        assert_eq!(parse_decimal(".5"), Ok(0.5));
        assert_eq!(parse_decimal("5."), Ok(5.0));
        assert_eq!(parse_decimal("-0"), Ok(0.0));
        assert_eq!(parse_decimal(""), Err(NumberError::Empty));
        assert_eq!(parse_decimal("%"), Err(NumberError::Empty));
        assert_eq!(parse_decimal("2,5"), Err(NumberError::DecimalComma));
        assert_eq!(parse_decimal("1,25,000"), Err(NumberError::DecimalComma));
        assert_eq!(parse_decimal("-3"), Err(NumberError::Negative));
        assert_eq!(parse_decimal("1e3"), Err(NumberError::NotANumber));
        assert_eq!(parse_decimal("inf"), Err(NumberError::NotANumber));
        assert_eq!(parse_decimal("NaN"), Err(NumberError::NotANumber));
        assert_eq!(parse_decimal("."), Err(NumberError::NotANumber));
        assert_eq!(parse_decimal("1.2.3"), Err(NumberError::NotANumber));
    }

    #[test]
    fn decimal_values_are_correctly_rounded() {
        assert_eq!(decimal_value("94", "55", -2), Some(0.9455));
        assert_eq!(decimal_value("0", "945", 2), Some(94.5));
        assert_eq!(decimal_value("", "1", 0), Some(0.1));
        assert_eq!(decimal_value("000", "000", 0), Some(0.0));
        assert_eq!(
            decimal_value("123456789012345", "", 0),
            Some(123_456_789_012_345.0)
        );
        assert_eq!(decimal_value("1", "", 22), Some(1e22));
        // Outside the fast path: within a few units in the last place.
        let tiny = decimal_value("7", "", -30).unwrap();
        assert!((tiny / 7e-30 - 1.0).abs() < 1e-15);
        // 25 significant digits: kept to 19, then scaled.
        let long = decimal_value("1234567890123456789012345", "", 0).unwrap();
        assert!((long / 1.234_567_890_123_456_8e24 - 1.0).abs() < 1e-15);
        assert_eq!(decimal_value("1", "", 400), None);
        assert_eq!(decimal_value("1x", "", 0), None);
    }

    #[test]
    fn percents_are_exact_fractions() {
        // The literal on the right is the double nearest to the decimal: no 1-ulp error from
        // multiplying or dividing by 100.
        assert_eq!(parse_percent("90"), Ok(0.9));
        assert_eq!(parse_percent("94.55"), Ok(0.9455));
        assert_eq!(parse_percent("7 %"), Ok(0.07));
        assert_eq!(parse_percent("0.1"), Ok(0.001));
        assert_eq!(parse_percent("x"), Err(NumberError::NotANumber));
    }

    fn rows(list: &[(&str, &str, &str)]) -> SeriesReport {
        let inputs: Vec<RowInput> = list
            .iter()
            .map(|&(start, new, end)| RowInput {
                label: String::new(),
                start: start.into(),
                new: new.into(),
                end: end.into(),
            })
            .collect();
        evaluate_rows(&inputs, PeriodUnit::Month)
    }

    fn typed(query: &str) -> WhatIfState {
        WhatIfState::from_query(&retention_core::share::decode_query(query))
    }

    #[test]
    fn url_example_builds_the_core_input() {
        let state = typed("?retention=0.9&customers=1000&arpu=10&horizon=3&uplift=5&uplift_mode=pp&margin=0.8&discount=0.01&cac=50");
        let input = build_input(&state, &DataContext::default(), PeriodUnit::Month).unwrap();
        assert_eq!(input.baseline, Baseline::Constant(0.9));
        assert_eq!(input.starting_customers, 1000.0);
        assert_eq!(input.new_per_period, 0.0);
        assert_eq!(input.arpu, 10.0);
        assert_eq!(input.gross_margin, 0.8);
        // Per period from the URL: not converted again.
        assert_eq!(input.discount_rate, 0.01);
        assert_eq!(input.horizon, 3);
        assert_eq!(input.cac, Some(50.0));
        assert_eq!(input.uplift, 5.0);
        assert_eq!(input.mode, UpliftMode::PercentagePoints);
    }

    #[test]
    fn yearly_discount_is_compounded_to_the_period() {
        let state = typed("?retention=0.9&customers=10");
        // Default: 10 % a year; a month is 1.1^(1/12) − 1 = 0.00797414042890376 (computed with
        // Python's decimal module to 30 digits).
        let input = build_input(&state, &DataContext::default(), PeriodUnit::Month).unwrap();
        assert!((input.discount_rate - 0.007_974_140_428_903_76).abs() < 1e-15);
        let input = build_input(&state, &DataContext::default(), PeriodUnit::Year).unwrap();
        assert!((input.discount_rate - 0.1).abs() < 1e-15);
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let mut state = typed("?retention=1.2&customers=x&arpu=2,5&horizon=601&uplift=-1");
        state.margin = String::new();
        let issues = build_input(&state, &DataContext::default(), PeriodUnit::Month).unwrap_err();
        let has = |field, problem| issues.contains(&FieldIssue { field, problem });
        assert!(has(InputField::Retention, InputProblem::AbovePercent));
        assert!(has(
            InputField::Customers,
            InputProblem::Count(CountError::NotANumber)
        ));
        assert!(has(
            InputField::Arpu,
            InputProblem::Number(NumberError::DecimalComma)
        ));
        assert!(has(
            InputField::Margin,
            InputProblem::Number(NumberError::Empty)
        ));
        assert!(has(InputField::Horizon, InputProblem::HorizonTooLong));
        assert!(has(
            InputField::Uplift,
            InputProblem::Number(NumberError::Negative)
        ));
        assert_eq!(issues.len(), 6);
        // Parsed but refused by the core: ARPU 0.
        let state = typed("?retention=0.9&customers=10&arpu=0");
        let issues = build_input(&state, &DataContext::default(), PeriodUnit::Month).unwrap_err();
        assert_eq!(
            issues,
            vec![FieldIssue {
                field: InputField::Arpu,
                problem: InputProblem::Core(WhatIfProblem::MustBePositive)
            }]
        );
    }

    #[test]
    fn sources_come_from_the_users_data() {
        // Two rows: 100 → 90 (r 0.9) and 90 + 10 → 80 (lost 20 of 90, r 70/90).
        let table = rows(&[("100", "0", "90"), ("", "10", "80")]);
        let period = PeriodInputs {
            start: "20".into(),
            new: "5".into(),
            end: "24".into(),
            new_lost: String::new(),
        };
        let data = DataContext::new(&period, &table, Some(vec![0.6, 0.7]));
        assert!((data.period_retention.unwrap() - 0.95).abs() < 1e-12);
        assert_eq!(data.period_end, Some(24));
        // 1 − (10 + 20)/(100 + 90).
        assert!((data.table_mean.unwrap() - 160.0 / 190.0).abs() < 1e-12);
        // √(0.9 · 70/90) = √0.7.
        assert!((data.table_compounded.unwrap() - 0.7f64.sqrt()).abs() < 1e-12);
        assert_eq!(data.table_latest_end, Some(80));
        assert_eq!(data.latest_count(RetentionSource::Period), Some(24));
        assert_eq!(data.latest_count(RetentionSource::TableMean), Some(80));
        assert_eq!(data.rate(RetentionSource::Model), Some(0.6));

        let mut state = WhatIfState {
            retention_source: RetentionSource::Model,
            ..WhatIfState::default()
        };
        let input = build_input(&state, &data, PeriodUnit::Month).unwrap();
        assert_eq!(input.baseline, Baseline::Curve(vec![0.6, 0.7]));
        assert_eq!(input.starting_customers, 80.0);
        state.retention_source = RetentionSource::Period;
        let input = build_input(&state, &data, PeriodUnit::Month).unwrap();
        assert_eq!(input.starting_customers, 24.0);

        let empty = DataContext::default();
        let issues = build_input(&state, &empty, PeriodUnit::Month).unwrap_err();
        assert!(issues.contains(&FieldIssue {
            field: InputField::Retention,
            problem: InputProblem::SourceUnavailable
        }));
        assert!(issues.contains(&FieldIssue {
            field: InputField::Customers,
            problem: InputProblem::Count(CountError::Empty)
        }));
    }

    #[test]
    fn model_horizon_falls_back_when_the_field_is_unusable() {
        let with = |h: &str| model_horizon(&typed(&format!("?horizon={h}")));
        assert_eq!(with("12"), 12);
        assert_eq!(with("600"), 600);
        assert_eq!(with("601"), FALLBACK_HORIZON);
        assert_eq!(with("0"), FALLBACK_HORIZON);
        assert_eq!(with("x"), FALLBACK_HORIZON);
        assert_eq!(with("4294967320"), FALLBACK_HORIZON);
    }

    #[test]
    fn survivors_parse_per_item() {
        assert_eq!(
            parse_survivors("1000, 631,468;382\n326"),
            Ok(vec![1000, 631, 468, 382, 326])
        );
        assert_eq!(parse_survivors(" , "), Err(SurvivorsProblem::Empty));
        assert_eq!(
            parse_survivors("1000, 631, x, 2.5"),
            Err(SurvivorsProblem::Item {
                index: 2,
                error: CountError::NotANumber
            })
        );
        assert_eq!(
            parse_survivors("10 -3"),
            Err(SurvivorsProblem::Item {
                index: 1,
                error: CountError::Negative
            })
        );
    }

    #[test]
    fn table_survival_needs_one_cohort() {
        let cohort = rows(&[("100", "0", "80"), ("", "0", "70"), ("", "0", "65")]);
        assert_eq!(survivors_from_table(&cohort), Ok(vec![100, 80, 70, 65]));
        let mixed = rows(&[("100", "0", "80"), ("", "5", "70")]);
        assert_eq!(
            survivors_from_table(&mixed),
            Err(SurvivorsProblem::TableNeedsCohort { row: 2 })
        );
        let broken = rows(&[("100", "0", "x")]);
        assert_eq!(
            survivors_from_table(&broken),
            Err(SurvivorsProblem::TableInvalidRow { row: 1 })
        );
        assert_eq!(
            survivors_from_table(&rows(&[])),
            Err(SurvivorsProblem::TableEmpty)
        );
    }

    #[test]
    fn model_outcome_on_the_published_cohort() {
        let out = compute_model(&[1000, 631, 468, 382, 326, 289, 262, 241], 24);
        assert!(out.report.problems.is_empty());
        assert_eq!(out.span, 24);
        assert_eq!(out.chosen_survival.as_ref().map(Vec::len), Some(25));
        assert_eq!(out.sbg_survival.as_ref().map(Vec::len), Some(25));
        let band = out.band.clone().unwrap().unwrap();
        assert_eq!(band.lower.len(), 25);
        assert_eq!(
            out.retention_curve.as_ref().map(Vec::len),
            Some(MODEL_CURVE_PERIODS)
        );
        // Observed span longer than the horizon: drawn to the last observation.
        assert_eq!(compute_model(&[100, 90, 80, 75], 2).span, 3);
        // Two counts: a problem and the constant-churn fallback, never an sBG fit.
        let few = compute_model(&[1000, 900], 3);
        assert!(!few.report.problems.is_empty());
        assert!(few.report.sbg.is_none());
        assert_eq!(
            few.report.chosen,
            Some(retention_core::model::ModelKind::Constant)
        );
        let r = few.retention_curve.unwrap();
        assert!((r[0] - 0.9).abs() < 1e-9);
    }

    #[test]
    fn currency_from_the_region() {
        assert_eq!(currency_for_locale("en-US"), "USD");
        assert_eq!(currency_for_locale("en-GB"), "GBP");
        assert_eq!(currency_for_locale("de-DE"), "EUR");
        assert_eq!(currency_for_locale("de-CH"), "CHF");
        assert_eq!(currency_for_locale("fr-CA"), "CAD");
        assert_eq!(currency_for_locale("zh-Hans-CN"), "CNY");
        assert_eq!(currency_for_locale("ja_JP"), "JPY");
        assert_eq!(currency_for_locale("fr"), "USD");
        assert_eq!(currency_for_locale(""), "USD");
    }
}
