//! A number as the page shows it: formatted for the locale, with the raw value in `data-value`
//! (the public contract: embedding hosts and tests read `data-metric` / `data-value`).

use yew::prelude::*;

use crate::format::{format, raw, Style};
use crate::i18n::{text, Key, Lang};

#[derive(Properties, PartialEq)]
pub struct MetricValueProps {
    /// The `data-metric` name, snake_case, documented in docs/metrics.md.
    pub name: &'static str,
    /// `None` when the metric cannot be computed from the input: no `data-value` is rendered.
    pub value: Option<f64>,
    pub style: Style,
    /// `data-period`, for per-period metrics (row index from 1, or t from 0).
    #[prop_or_default]
    pub period: Option<usize>,
    /// `data-unit`, for a rate expressed in a period unit.
    #[prop_or_default]
    pub unit: Option<&'static str>,
    /// `data-cohort`, for per-cohort metrics: the cohort's label (`2024-03`, `2024-W09`).
    #[prop_or_default]
    pub cohort: Option<AttrValue>,
}

#[function_component(MetricValue)]
pub fn metric_value(props: &MetricValueProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let period = props.period.map(|p| p.to_string());
    match props.value.filter(|v| v.is_finite()) {
        Some(v) => html! {
            <span class="value" data-metric={props.name} data-value={raw(v)}
                  data-period={period} data-unit={props.unit} data-cohort={props.cohort.clone()}>
                { format(lang.tag(), props.style, v) }
            </span>
        },
        None => html! {
            <span class="value missing" data-metric={props.name} data-period={period}
                  data-unit={props.unit} data-cohort={props.cohort.clone()}
                  title={text(lang, Key::NotComputable)}>
                { "—" }
            </span>
        },
    }
}

#[derive(Properties, PartialEq)]
pub struct MetricProps {
    pub label: AttrValue,
    pub name: &'static str,
    pub value: Option<f64>,
    pub style: Style,
    #[prop_or_default]
    pub unit: Option<&'static str>,
    /// Extra text after the value (e.g. the flows behind a ratio).
    #[prop_or_default]
    pub children: Html,
}

/// A labelled metric inside a `<dl>`.
#[function_component(Metric)]
pub fn metric(props: &MetricProps) -> Html {
    html! {
        <div class="metric">
            <dt>{ props.label.clone() }</dt>
            <dd>
                <MetricValue name={props.name} value={props.value} style={props.style}
                             unit={props.unit} />
                { props.children.clone() }
            </dd>
        </div>
    }
}
