//! The what-if panel's inputs: where the baseline retention comes from, the business figures
//! (each with its unit and a one-line explanation) and the retention gain, with the resulting
//! retention printed next to the slider and the cap announced when it bites.

use retention_core::unit::PeriodUnit;
use retention_core::whatif::{UpliftMode, RETENTION_CAP};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::metric::MetricValue;
use crate::components::number_field::NumberField;
use crate::components::period_table::unit_key;
use crate::format::Style;
use crate::i18n::whatif::{text, Key};
use crate::i18n::{base, fill, Lang};
use crate::whatif_derive::{DataContext, FieldIssue, CURRENCIES};
use crate::whatif_messages;
use crate::whatif_state::{DiscountBasis, InputField, RetentionSource, WhatIfAction, WhatIfState};

#[derive(Properties, PartialEq)]
pub struct WhatIfInputsProps {
    pub state: WhatIfState,
    pub data: DataContext,
    pub issues: Vec<FieldIssue>,
    pub unit: PeriodUnit,
    /// The ISO code in use (chosen, or from the browser's locale).
    pub currency: [u8; 3],
    /// The baseline and improved rate of the first period, when the what-if could run.
    pub baseline_rate: Option<f64>,
    pub improved_rate: Option<f64>,
    pub capped: bool,
    pub on_action: Callback<WhatIfAction>,
}

/// The `data-metric` of each source's rate in its radio label.
fn source_metric(source: RetentionSource) -> &'static str {
    match source {
        RetentionSource::Typed => "retention_typed",
        RetentionSource::Period => "retention_from_period",
        RetentionSource::TableMean => "retention_from_table_mean",
        RetentionSource::TableCompounded => "retention_from_table_compounded",
        RetentionSource::Model => "retention_from_model",
    }
}

fn source_key(source: RetentionSource) -> Key {
    match source {
        RetentionSource::Typed => Key::SourceTyped,
        RetentionSource::Period => Key::SourcePeriod,
        RetentionSource::TableMean => Key::SourceTableMean,
        RetentionSource::TableCompounded => Key::SourceTableCompounded,
        RetentionSource::Model => Key::SourceModel,
    }
}

#[function_component(WhatIfInputs)]
pub fn whatif_inputs(props: &WhatIfInputsProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = |k| text(lang, k);
    let s = &props.state;
    let unit_name = base::text(lang, unit_key(props.unit));
    let units_name = text(lang, units_key(props.unit));
    let code = std::str::from_utf8(&props.currency)
        .unwrap_or("USD")
        .to_owned();
    let problem = |field: InputField| {
        props
            .issues
            .iter()
            .find(|i| i.field == field)
            .map(|i| AttrValue::from(whatif_messages::field_problem(lang, i.problem)))
    };
    let field = |f: InputField,
                 label: Key,
                 unit: String,
                 help: String,
                 placeholder: Option<String>| {
        let on_action = props.on_action.clone();
        html! {
            <NumberField name={f.name()} label={t(label)} value={s.get(f).to_owned()}
                unit={AttrValue::from(unit)} help={AttrValue::from(help)}
                placeholder={placeholder.map(AttrValue::from)} problem={problem(f)}
                inputmode={if matches!(f, InputField::Customers | InputField::Acquired | InputField::Horizon) { "numeric" } else { "decimal" }}
                on_input={Callback::from(move |v| on_action.emit(WhatIfAction::Set(f, v)))} />
        }
    };
    let per_unit = fill(t(Key::PerUnit), &[("unit", unit_name)]);
    let latest = props.data.latest_count(s.retention_source).map(|n| {
        fill(
            t(Key::LatestCountPlaceholder),
            &[(
                "n",
                &crate::format::format(lang.tag(), Style::Count, n as f64),
            )],
        )
    });
    let sources = RetentionSource::ALL
        .into_iter()
        // The fitted curve is a choice only when a fit exists.
        .filter(|&src| {
            src != RetentionSource::Model
                || props.data.model_curve.is_some()
                || s.retention_source == src
        });
    let on_source = |src: RetentionSource| {
        props
            .on_action
            .reform(move |_: Event| WhatIfAction::SetRetentionSource(src))
    };
    let on_currency = props.on_action.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        WhatIfAction::SetCurrency(select.value())
    });
    let on_basis = props.on_action.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        WhatIfAction::SetDiscountBasis(if select.value() == "period" {
            DiscountBasis::Period
        } else {
            DiscountBasis::Year
        })
    });
    let on_slider = props.on_action.reform(|e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        WhatIfAction::Set(InputField::Uplift, input.value())
    });
    let on_mode = |mode: UpliftMode| {
        props
            .on_action
            .reform(move |_: Event| WhatIfAction::SetUpliftMode(mode))
    };
    let mut currencies: Vec<String> = CURRENCIES.iter().map(|c| (*c).to_owned()).collect();
    if !currencies.contains(&code) {
        currencies.insert(0, code.clone());
    }
    // The slider shows the typed gain when it is within its range; the number field holds any.
    let slider_value = crate::whatif_derive::parse_decimal(&s.uplift)
        .ok()
        .filter(|v| (0.0..=20.0).contains(v))
        .map(crate::format::raw)
        .unwrap_or_else(|| "5".into());
    let uplift_unit = match s.uplift_mode {
        UpliftMode::PercentagePoints => t(Key::UnitPoints),
        UpliftMode::Relative => "%",
    };
    let curve = s.retention_source == RetentionSource::Model;
    html! {
        <div class="whatif-inputs">
            <fieldset class="group">
                <legend>{ t(Key::BaselineLegend) }</legend>
                <div class="radios">
                    { for sources.map(|src| html! {
                        <label class="radio">
                            <input type="radio" name="retention_source" value={src.key()}
                                   checked={s.retention_source == src} onchange={on_source(src)} />
                            { t(source_key(src)) }
                            if src != RetentionSource::Typed {
                                { ": " }
                                <MetricValue name={source_metric(src)} value={props.data.rate(src)}
                                             style={Style::Percent} />
                            }
                        </label>
                    }) }
                </div>
                { field(InputField::Retention, Key::RetentionLabel, format!("% {per_unit}"),
                        t(Key::RetentionHelp).to_owned(), None) }
            </fieldset>
            <fieldset class="group">
                <legend>{ t(Key::BusinessLegend) }</legend>
                <div class="fields">
                    { field(InputField::Customers, Key::CustomersLabel, t(Key::UnitCustomers).to_owned(),
                            t(Key::CustomersHelp).to_owned(), latest) }
                    { field(InputField::Acquired, Key::AcquiredLabel, per_unit.clone(),
                            t(Key::AcquiredHelp).to_owned(), None) }
                    { field(InputField::Arpu, Key::ArpuLabel, format!("{code} {per_unit}"),
                            t(Key::ArpuHelp).to_owned(), None) }
                    <div class="field">
                        <label for="wi-currency">{ t(Key::CurrencyLabel) }</label>
                        <select id="wi-currency" name="currency" onchange={on_currency}
                                aria-describedby="wi-currency-help">
                            { for currencies.iter().map(|c| html! {
                                <option value={c.clone()} selected={*c == code}>{ c.clone() }</option>
                            }) }
                        </select>
                        <p class="help field-help" id="wi-currency-help">{ t(Key::CurrencyHelp) }</p>
                    </div>
                    { field(InputField::Margin, Key::MarginLabel, "%".into(), t(Key::MarginHelp).to_owned(), None) }
                    <div class="field-pair">
                        { field(InputField::Discount, Key::DiscountLabel, "%".into(),
                                fill(t(Key::DiscountHelp), &[("unit", unit_name)]), None) }
                        <label class="visually-hidden" for="wi-discount-basis">{ t(Key::DiscountBasisLabel) }</label>
                        <select id="wi-discount-basis" name="discount_basis" onchange={on_basis}>
                            <option value="year" selected={s.discount_basis == DiscountBasis::Year}>{ t(Key::PerYear) }</option>
                            <option value="period" selected={s.discount_basis == DiscountBasis::Period}>{ per_unit.clone() }</option>
                        </select>
                    </div>
                    { field(InputField::MarginGrowth, Key::MarginGrowthLabel,
                            format!("% {}", fill(t(Key::PerUnitOfTenure), &[("unit", unit_name)])),
                            t(Key::MarginGrowthHelp).to_owned(), None) }
                    { field(InputField::Horizon, Key::HorizonLabel, units_name.to_owned(),
                            t(Key::HorizonHelp).to_owned(), None) }
                    { field(InputField::Cac, Key::CacLabel, code.clone(), t(Key::CacHelp).to_owned(),
                            Some(base::text(lang, base::Key::Optional).to_owned())) }
                </div>
            </fieldset>
            <fieldset class="group uplift">
                <legend>{ t(Key::UpliftLegend) }</legend>
                <div class="uplift-controls">
                    <input type="range" name="uplift_slider" min="0" max="20" step="0.5"
                           value={slider_value} oninput={on_slider}
                           aria-label={t(Key::UpliftSliderLabel)} aria-valuetext={format!("{} {uplift_unit}", s.uplift)} />
                    { field(InputField::Uplift, Key::UpliftLabel, uplift_unit.to_owned(),
                            t(Key::UpliftHelp).to_owned(), None) }
                </div>
                <div class="radios" role="radiogroup" aria-label={t(Key::UpliftModeLabel)}>
                    <label class="radio">
                        <input type="radio" name="uplift_mode" value="pp"
                               checked={s.uplift_mode == UpliftMode::PercentagePoints}
                               onchange={on_mode(UpliftMode::PercentagePoints)} />
                        { t(Key::ModePoints) }
                    </label>
                    <label class="radio">
                        <input type="radio" name="uplift_mode" value="relative"
                               checked={s.uplift_mode == UpliftMode::Relative}
                               onchange={on_mode(UpliftMode::Relative)} />
                        { t(Key::ModeRelative) }
                    </label>
                </div>
                <p class="resulting" aria-live="polite">
                    { t(Key::ResultingRetention) }{ " " }
                    <MetricValue name="baseline_retention_rate" value={props.baseline_rate} style={Style::Percent} />
                    // In a right-to-left line the baseline stands on the right: the arrow points left.
                    { if lang.is_rtl() { " ← " } else { " → " } }
                    <MetricValue name="improved_retention_rate" value={props.improved_rate} style={Style::Percent} />
                    { format!(" {per_unit}") }
                    if curve {
                        <span class="help">{ format!(" ({})", t(Key::CurveFirstPeriod)) }</span>
                    }
                </p>
                if props.capped {
                    <p class="note capped" role="status">
                        { fill(t(Key::CappedNote), &[("cap", &crate::format::format(lang.tag(), Style::Percent, RETENTION_CAP))]) }
                    </p>
                }
            </fieldset>
        </div>
    }
}

/// The plural name of a period unit ("months").
pub fn units_key(unit: PeriodUnit) -> Key {
    match unit {
        PeriodUnit::Week => Key::UnitsWeek,
        PeriodUnit::Month => Key::UnitsMonth,
        PeriodUnit::Quarter => Key::UnitsQuarter,
        PeriodUnit::Year => Key::UnitsYear,
    }
}
