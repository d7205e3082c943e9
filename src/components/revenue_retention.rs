//! Revenue retention, when the data has amounts: NRR and GRR overall (read one year after the
//! cohorts' start, or at the oldest finished period before that) and per cohort (at its latest
//! complete period), and the revenue of every cohort and period. GRR needs to know each
//! customer's own first-period revenue: a table of counts cannot give it, and the panel says so.

use std::rc::Rc;

use retention_core::cohort::{Triangle, Unavailable};
use yew::prelude::*;

use crate::components::metric::{Metric, MetricValue};
use crate::csv_figures::{headline_point, latest_complete, year_in_periods};
use crate::format::Style;
use crate::i18n::csv::{text, Key};
use crate::i18n::{fill, Lang};

#[derive(Properties, PartialEq)]
pub struct RevenueRetentionProps {
    pub triangle: Rc<Triangle>,
}

#[function_component(RevenueRetention)]
pub fn revenue_retention(props: &RevenueRetentionProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = |k| text(lang, k);
    let tri = &props.triangle;
    let Ok(nrr) = tri.nrr() else {
        return Html::default();
    };
    let grr = tri.grr();
    let target = year_in_periods(tri.granularity);
    let nrr_head = headline_point(&nrr.overall, target);
    let grr_head = grr
        .as_ref()
        .ok()
        .and_then(|g| headline_point(&g.overall, target));
    let at = nrr_head.map(|p| p.k);
    let periods = tri.periods();
    html! {
        <section class="revenue" aria-labelledby="revenue-heading">
            <h3 id="revenue-heading">{ t(Key::RevenueHeading) }</h3>
            <dl class="metrics">
                <Metric label={t(Key::Nrr)} name="nrr" value={nrr_head.map(|p| p.value)} style={Style::Percent}>
                    { headline_period(lang, at) }
                </Metric>
                <Metric label={t(Key::Grr)} name="grr" value={grr_head.map(|p| p.value)} style={Style::Percent}>
                    { headline_period(lang, grr_head.map(|p| p.k)) }
                </Metric>
            </dl>
            <p class="help">{ fill(t(Key::RevenueExplain), &[("k", &target.to_string())]) }</p>
            if grr == Err(Unavailable::NeedsPerCustomerData) {
                <p class="note">{ t(Key::GrrNeedsActivity) }</p>
            }
            <div class="table-scroll">
                <table class="revenue-cohorts" id="revenue-cohorts">
                    <caption>{ t(Key::RevenueCohortsCaption) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ t(Key::ColCohort) }</th>
                            <th scope="col">{ t(Key::ColPeriodK) }</th>
                            <th scope="col">{ t(Key::Nrr) }</th>
                            <th scope="col">{ t(Key::Grr) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for tri.cohorts.iter().enumerate().map(|(i, c)| {
                            let k = latest_complete(c);
                            let label = AttrValue::from(c.label.clone());
                            let at_k = |rows: Option<&Vec<Vec<Option<f64>>>>| {
                                k.and_then(|k| rows.and_then(|r| r.get(i)).and_then(|r| r.get(k)).copied().flatten())
                            };
                            let grr_rows = grr.as_ref().ok().map(|g| &g.per_cohort);
                            html! {
                                <tr key={i}>
                                    <th scope="row">{ c.label.clone() }</th>
                                    <td class="num">{ k.map(|k| k.to_string()).unwrap_or_else(|| "—".into()) }</td>
                                    <td class="num"><MetricValue name="nrr" value={at_k(Some(&nrr.per_cohort))}
                                        style={Style::Percent} cohort={label.clone()} period={k} /></td>
                                    <td class="num"><MetricValue name="grr" value={at_k(grr_rows)}
                                        style={Style::Percent} cohort={label.clone()} period={k} /></td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            <details class="revenue-cells">
                <summary>{ t(Key::RevenueCellsSummary) }</summary>
                <div class="table-scroll">
                    <table id="revenue-triangle">
                        <thead>
                            <tr>
                                <th scope="col">{ t(Key::ColCohort) }</th>
                                { for (0..periods).map(|k| html! { <th scope="col" class="num">{ k.to_string() }</th> }) }
                            </tr>
                        </thead>
                        <tbody>
                            { for tri.cohorts.iter().enumerate().map(|(i, c)| {
                                let label = AttrValue::from(c.label.clone());
                                let revenue = c.revenue.as_deref().unwrap_or_default();
                                html! {
                                    <tr key={i}>
                                        <th scope="row">{ c.label.clone() }</th>
                                        { for (0..periods).map(|k| match revenue.get(k) {
                                            Some(&v) => html! {
                                                <td class="num"><MetricValue name="cohort_revenue" value={Some(v)}
                                                    style={Style::Decimal(2)} cohort={label.clone()} period={k} /></td>
                                            },
                                            None => html! { <td></td> },
                                        }) }
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
            </details>
        </section>
    }
}

/// "at k = 12" under a headline figure, so the reader knows which period it is.
fn headline_period(lang: Lang, k: Option<usize>) -> Html {
    match k {
        Some(k) => html! {
            <span class="flows headline-period" data-period={k.to_string()}>
                { fill(text(lang, Key::AtPeriod), &[("k", &k.to_string())]) }
            </span>
        },
        None => Html::default(),
    }
}
