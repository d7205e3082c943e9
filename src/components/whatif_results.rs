//! The what-if outputs, baseline and improved side by side: revenue, gross profit, lifetime,
//! customer value, customers lost and their replacement cost; one plain sentence of conclusion,
//! the source of the "+5 % → +25–95 % profit" claim, and how everything is computed.

use retention_core::unit::PeriodUnit;
use retention_core::whatif::{Total, WhatIfOutput};
use yew::prelude::*;

use crate::components::metric::MetricValue;
use crate::components::period_table::unit_key;
use crate::components::projection_chart::ProjectionChart;
use crate::components::whatif_inputs::units_key;
use crate::format::{format, Style};
use crate::i18n::whatif::{text, Key};
use crate::i18n::{base, fill, Lang};

#[derive(Properties, PartialEq)]
pub struct WhatIfResultsProps {
    /// `None` while an input has a problem: every figure is then shown without a value.
    pub output: Option<std::rc::Rc<WhatIfOutput>>,
    pub unit: PeriodUnit,
    pub currency: [u8; 3],
    /// The horizon the output covers (for the sentences).
    pub horizon: usize,
}

/// One row of the side-by-side table.
struct Row {
    label: Key,
    style: Style,
    names: [&'static str; 3],
    values: [Option<f64>; 3],
    /// A second figure in the gain column (the gain in percent).
    gain_pct: Option<(&'static str, Option<f64>)>,
}

#[function_component(WhatIfResults)]
pub fn whatif_results(props: &WhatIfResultsProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = |k| text(lang, k);
    let money = Style::Currency(props.currency);
    let out = props.output.as_deref();
    let b = out.map(|o| &o.baseline);
    let i = out.map(|o| &o.improved);
    // The core's *_pct are percents; the contract's data-value is a fraction.
    let frac = |p: Option<f64>| p.map(|p| p / 100.0);
    let rows = [
        Row {
            label: Key::RowRevenue,
            style: money,
            names: ["revenue_baseline", "revenue_improved", "revenue_gain"],
            values: [
                b.map(|s| s.cumulative_revenue),
                i.map(|s| s.cumulative_revenue),
                out.map(|o| o.revenue_gain),
            ],
            gain_pct: Some((
                "revenue_gain_pct",
                out.and_then(|o| frac(o.revenue_gain_pct)),
            )),
        },
        Row {
            label: Key::RowProfit,
            style: money,
            names: ["profit_baseline", "profit_improved", "profit_gain"],
            values: [
                b.map(|s| s.gross_profit),
                i.map(|s| s.gross_profit),
                out.map(|o| o.gross_profit_gain),
            ],
            gain_pct: Some((
                "profit_gain_pct",
                out.and_then(|o| frac(o.gross_profit_gain_pct)),
            )),
        },
        Row {
            label: Key::RowLifetime,
            style: Style::Decimal(1),
            names: ["lifetime_baseline", "lifetime_improved", ""],
            values: [
                b.and_then(|s| s.expected_lifetime.finite()),
                i.and_then(|s| s.expected_lifetime.finite()),
                None,
            ],
            gain_pct: None,
        },
        Row {
            label: Key::RowClv,
            style: money,
            names: ["clv_baseline", "clv_improved", ""],
            values: [
                b.and_then(|s| s.clv.finite()),
                i.and_then(|s| s.clv.finite()),
                None,
            ],
            gain_pct: Some(("clv_gain_pct", out.and_then(|o| frac(o.clv_gain_pct)))),
        },
        Row {
            label: Key::RowLost,
            style: Style::Count,
            names: [
                "customers_lost_baseline",
                "customers_lost_improved",
                "customers_saved",
            ],
            values: [
                b.map(|s| s.customers_lost),
                i.map(|s| s.customers_lost),
                out.map(|o| o.customers_saved),
            ],
            gain_pct: None,
        },
        Row {
            label: Key::RowReplacement,
            style: money,
            names: [
                "replacement_cost",
                "replacement_cost_improved",
                "replacement_cost_saved",
            ],
            values: [
                b.and_then(|s| s.replacement_cost),
                i.and_then(|s| s.replacement_cost),
                out.and_then(|o| o.replacement_cost_saved),
            ],
            gain_pct: None,
        },
    ];
    let unbounded = out.is_some_and(|o| {
        [
            o.baseline.expected_lifetime,
            o.improved.expected_lifetime,
            o.baseline.clv,
            o.improved.clv,
        ]
        .contains(&Total::Unbounded)
    });
    let units = text(lang, units_key(props.unit));
    let horizon_text = format!(
        "{} {units}",
        format(lang.tag(), Style::Count, props.horizon as f64)
    );
    html! {
        <div class="whatif-results" aria-live="polite">
            <h3>{ fill(t(Key::ResultsHeading), &[("horizon", &horizon_text)]) }</h3>
            if out.is_none() {
                <p class="note" role="status">{ t(Key::FixInputs) }</p>
            }
            <div class="table-scroll">
                <table class="compare">
                    <thead>
                        <tr>
                            <th scope="col"><span class="visually-hidden">{ t(Key::ColFigure) }</span></th>
                            <th scope="col" class="num">{ t(Key::ColBaseline) }</th>
                            <th scope="col" class="num">{ t(Key::ColImproved) }</th>
                            <th scope="col" class="num">{ t(Key::ColGain) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().map(|r| html! {
                            <tr>
                                <th scope="row">{ t(r.label) }</th>
                                { for r.names.iter().zip(r.values).enumerate().map(|(col, (name, v))| html! {
                                    <td class="num">
                                        if !name.is_empty() {
                                            <MetricValue name={*name} value={v} style={r.style} />
                                        }
                                        if col == 2 {
                                            if let Some((pct_name, pct)) = r.gain_pct {
                                                <span class="pct">
                                                    <MetricValue name={pct_name} value={pct} style={Style::Percent} />
                                                </span>
                                            }
                                        }
                                    </td>
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            if unbounded {
                <p class="note">{ t(Key::UnboundedNote) }</p>
            }
            if let Some(o) = out {
                <p class="conclusion">{ conclusion(lang, o, props.unit, money, &horizon_text) }</p>
                <ProjectionChart baseline_customers={o.baseline.customers.clone()}
                                 improved_customers={o.improved.customers.clone()}
                                 baseline_revenue={o.baseline.revenue.clone()}
                                 improved_revenue={o.improved.revenue.clone()}
                                 currency={props.currency} />
            }
            <details class="explain">
                <summary>{ t(Key::ClaimSummary) }</summary>
                <p>{ t(Key::ClaimSource) }</p>
                <p>{ t(Key::ClaimDepends) }</p>
            </details>
            <details class="explain">
                <summary>{ base::text(lang, base::Key::HowComputed) }</summary>
                <ul>
                    <li>{ t(Key::ExplainPay) }</li>
                    <li>{ t(Key::ExplainRevenue) }</li>
                    <li>{ t(Key::ExplainLost) }</li>
                    <li>{ t(Key::ExplainLifetime) }</li>
                    <li>{ t(Key::ExplainClv) }</li>
                    <li>{ t(Key::ExplainDiscount) }</li>
                    <li>{ t(Key::ExplainUplift) }</li>
                    <li>{ t(Key::ExplainCurve) }</li>
                </ul>
            </details>
        </div>
    }
}

/// One sentence: what the gain does to revenue and profit over the horizon, and to the value of
/// a customer when that is finite. Plain text: each number is already a metric in the table.
fn conclusion(
    lang: Lang,
    o: &WhatIfOutput,
    unit: PeriodUnit,
    money: Style,
    horizon_text: &str,
) -> String {
    let t = |k| text(lang, k);
    let pct = |v: f64| format(lang.tag(), Style::Percent, v);
    let first = |s: &[f64]| s.first().copied().unwrap_or(0.0);
    let gain_pct = o
        .revenue_gain_pct
        .map(|p| format!(" ({})", pct(p / 100.0)))
        .unwrap_or_default();
    let mut sentence = fill(
        t(Key::Conclusion),
        &[
            ("from", &pct(first(&o.baseline.retention))),
            ("to", &pct(first(&o.improved.retention))),
            ("unit", base::text(lang, unit_key(unit))),
            ("revenue", &format(lang.tag(), money, o.revenue_gain)),
            ("revenue_pct", &gain_pct),
            ("profit", &format(lang.tag(), money, o.gross_profit_gain)),
            ("horizon", horizon_text),
        ],
    );
    if let Some(clv) = o.clv_gain_pct {
        sentence.push(' ');
        sentence.push_str(&fill(t(Key::ConclusionClv), &[("clv", &pct(clv / 100.0))]));
    }
    sentence
}
