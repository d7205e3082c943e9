//! The figures over the whole period table: mean churn two ways, compounded retention, churn in
//! every unit by compounding, and the average lifetime.

use retention_core::series::SpanMetrics;
use retention_core::unit::{convert_churn, PeriodUnit};
use yew::prelude::*;

use crate::components::metric::Metric;
use crate::components::period_table::unit_key;
use crate::format::Style;
use crate::i18n::{fill, text, Key, Lang};

#[derive(Properties, PartialEq)]
pub struct SpanResultsProps {
    pub span: SpanMetrics,
    pub unit: PeriodUnit,
}

#[function_component(SpanResults)]
pub fn span_results(props: &SpanResultsProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = |k| text(lang, k);
    let s = &props.span;
    let unit_name = t(unit_key(props.unit));
    let other_units = PeriodUnit::ALL
        .into_iter()
        .filter(|&u| u != PeriodUnit::Year && u != props.unit);
    html! {
        <div class="results" aria-live="polite">
            <dl class="metrics">
                <Metric label={t(Key::MeanChurn)} name="mean_churn" value={s.mean_churn}
                        style={Style::Percent} unit={props.unit.key()} />
                <Metric label={t(Key::WeightedMeanChurn)} name="weighted_mean_churn"
                        value={s.weighted_mean_churn} style={Style::Percent} unit={props.unit.key()} />
                <Metric label={t(Key::CompoundedRetention)} name="compounded_retention"
                        value={s.compounded_retention} style={Style::Percent} />
                <Metric label={t(Key::AnnualizedChurn)} name="annualized_churn"
                        value={s.annualized_churn} style={Style::Percent} unit="year" />
                { for other_units.map(|u| html! {
                    <Metric label={fill(t(Key::ChurnPerUnit), &[("unit", t(unit_key(u)))])}
                            name="converted_churn" unit={u.key()}
                            value={s.weighted_mean_churn.map(|c| convert_churn(c, props.unit, u))}
                            style={Style::Percent} />
                }) }
                <Metric label={format!("{} ({unit_name})", t(Key::Lifetime))} name="lifetime_periods"
                        value={s.lifetime_periods} style={Style::Decimal(1)} unit={props.unit.key()} />
            </dl>
            if s.weighted_mean_churn == Some(0.0) {
                <p class="note">{ t(Key::LifetimeUnbounded) }</p>
            }
            <p class="help">{ t(Key::SpanExplain) }</p>
        </div>
    }
}
