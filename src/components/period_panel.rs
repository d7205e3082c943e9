//! The one-period panel: the four count fields, the results (announced politely as they change)
//! and the plain-language formulas with the worked examples.

use retention_core::period::{evaluate, Field, Note};
use yew::prelude::*;

use crate::components::metric::Metric;
use crate::components::number_field::NumberField;
use crate::format::Style;
use crate::i18n::{text, Key, Lang};
use crate::messages;
use crate::state::PeriodInputs;

#[derive(Properties, PartialEq)]
pub struct PeriodPanelProps {
    pub inputs: PeriodInputs,
    pub on_change: Callback<(Field, String)>,
}

#[function_component(PeriodPanel)]
pub fn period_panel(props: &PeriodPanelProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = |k| text(lang, k);
    let i = &props.inputs;
    let report = evaluate(&i.start, &i.new, &i.end, &i.new_lost);
    let m = report.metrics;
    let field = |field: Field, label: Key, hint: Option<&'static str>| {
        let on_change = props.on_change.clone();
        html! {
            <NumberField name={field.name()} label={t(label)} hint={hint.map(AttrValue::from)} inputmode="numeric"
                value={i.get(field).to_owned()}
                problem={report.problem_for(field).map(|p| AttrValue::from(messages::problem(lang, p)))}
                on_input={Callback::from(move |v| on_change.emit((field, v)))} />
        }
    };
    let as_f64 = |v: Option<u64>| v.map(|n| n as f64);
    html! {
        <section class="panel" id="panel-period" aria-labelledby="period-heading">
            <h2 id="period-heading">{ t(Key::OnePeriod) }</h2>
            <div class="fields">
                { field(Field::Start, Key::StartLabel, None) }
                { field(Field::New, Key::NewLabel, None) }
                { field(Field::End, Key::EndLabel, None) }
                { field(Field::NewLost, Key::NewLostLabel, Some(t(Key::Optional))) }
            </div>
            <div class="results" aria-live="polite">
                <h3 class="visually-hidden">{ t(Key::Results) }</h3>
                <dl class="metrics">
                    <Metric label={t(Key::RetentionRate)} name="retention_rate"
                            value={m.retention_rate} style={Style::Percent} />
                    <Metric label={t(Key::ChurnRate)} name="churn_rate"
                            value={m.churn_rate} style={Style::Percent} />
                    <Metric label={t(Key::CustomersLost)} name="customers_lost"
                            value={as_f64(m.customers_lost)} style={Style::Count} />
                    <Metric label={t(Key::CustomersWon)} name="customers_won"
                            value={as_f64(m.customers_won)} style={Style::Count} />
                    <Metric label={t(Key::NetGrowth)} name="net_growth_rate"
                            value={m.net_growth_rate} style={Style::Percent} />
                    <Metric label={t(Key::SimpleRatio)} name="simple_retention"
                            value={m.simple_retention} style={Style::Percent}>
                        if m.simple_retention.is_some() {
                            <span class="flows">
                                { flows(lang, m.customers_lost, m.customers_won) }
                            </span>
                        }
                    </Metric>
                    if !i.new_lost.trim().is_empty() {
                        <Metric label={t(Key::CohortRetention)} name="cohort_retention"
                                value={m.cohort_retention} style={Style::Percent} />
                    }
                </dl>
                { for report.notes.iter().map(|note| match note {
                    Note::NewCustomersAlsoChurned =>
                        html! { <p class="note" role="status">{ t(Key::NoteNewAlsoChurned) }</p> },
                }) }
            </div>
            <details class="explain">
                <summary>{ t(Key::HowComputed) }</summary>
                <ul>
                    <li>{ t(Key::ExplainRetention) }</li>
                    <li>{ t(Key::ExplainChurn) }</li>
                    <li>{ t(Key::ExplainLost) }</li>
                    <li>{ t(Key::ExplainGrowth) }</li>
                    <li>{ t(Key::ExplainSimple) }</li>
                    <li>{ t(Key::ExplainCohort) }</li>
                </ul>
                <h3>{ t(Key::ExamplesHeading) }</h3>
                <ul>
                    <li><a href="?start=20&new=5&end=24">{ t(Key::Example1) }</a></li>
                    <li><a href="?start=44&new=12&end=43">{ t(Key::Example2) }</a></li>
                    <li><a href="?start=100&new=0&end=99">{ t(Key::Example3) }</a></li>
                </ul>
            </details>
        </section>
    }
}

/// "behind it: 21 lost, 20 won". Plain text: the counts are already the metrics
/// `customers_lost` and `customers_won`, and a second `data-metric` of each would be ambiguous.
fn flows(lang: Lang, lost: Option<u64>, won: Option<u64>) -> Html {
    let (Some(lost), Some(won)) = (lost, won) else {
        return Html::default();
    };
    let n = |v: u64| crate::format::format(lang.tag(), Style::Count, v as f64);
    html! { { crate::i18n::fill(text(lang, Key::SimpleRatioFlows), &[("lost", &n(lost)), ("won", &n(won))]) } }
}
