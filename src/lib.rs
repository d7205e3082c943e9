//! The retention calculator widget: the `App` component, which owns the one reducer state and
//! lays out the panels. Computation is in `retention-core`; components only render it.

pub mod components;
pub mod format;
pub mod i18n;
pub mod messages;
pub mod state;
pub mod whatif_derive;
pub mod whatif_messages;
pub mod whatif_state;

use std::rc::Rc;

use retention_core::series::evaluate_rows;
use yew::prelude::*;

use components::line_chart::LineChart;
use components::model_panel::ModelPanel;
use components::period_panel::PeriodPanel;
use components::period_table::PeriodTable;
use components::span_results::SpanResults;
use components::whatif_panel::WhatIfPanel;
use i18n::{text, Key, Lang};
use state::{Action, State};

/// The query string the page was opened with; empty where there is no window (tests on the host).
fn page_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// A callback that turns its argument into an action and dispatches it.
fn dispatch<T: 'static>(
    state: &UseReducerHandle<State>,
    to_action: fn(T) -> Action,
) -> Callback<T> {
    let state = state.clone();
    Callback::from(move |v| state.dispatch(to_action(v)))
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| State::from_query(&page_query()));
    let lang = Lang::default();
    let t = |k| text(lang, k);
    let report = {
        let rows = state.row_inputs();
        let unit = state.unit;
        use_memo((rows, unit), |(rows, unit)| evaluate_rows(rows, *unit))
    };
    let report: Rc<_> = report;
    let on_period = dispatch(&state, |(field, value)| {
        Action::SetPeriodField(field, value)
    });
    let on_edit = dispatch(&state, |(id, field, value)| Action::SetRowField {
        id,
        field,
        value,
    });
    let on_add = dispatch(&state, |()| Action::AddRow);
    let on_remove = dispatch(&state, Action::RemoveRow);
    let on_move = dispatch(&state, |(id, by)| Action::MoveRow { id, by });
    let on_unit = dispatch(&state, Action::SetUnit);
    let on_whatif = dispatch(&state, Action::WhatIf);
    // The model is fitted once per distinct (counts, horizon): keystrokes in any other field
    // leave this memo alone and never refit. Both panels read the one result.
    let model = {
        let survivors = whatif_derive::survivors(&state.whatif, &report);
        let horizon = whatif_derive::model_horizon(&state.whatif);
        use_memo((survivors, horizon), |(survivors, horizon)| {
            survivors
                .as_ref()
                .map(|counts| whatif_derive::compute_model(counts, *horizon))
                .map_err(|p| *p)
        })
    };
    let wt = |k| i18n::whatif::text(lang, k);
    let chart_points: Vec<(String, Option<f64>)> = state
        .rows
        .iter()
        .zip(report.rows.iter())
        .enumerate()
        .map(|(i, (row, r))| {
            let label = if row.input.label.trim().is_empty() {
                (i + 1).to_string()
            } else {
                row.input.label.clone()
            };
            (label, r.metrics.retention_rate)
        })
        .collect();
    html! {
        <ContextProvider<Lang> context={lang}>
            <main class="widget" lang={lang.tag()} dir={if lang.is_rtl() { "rtl" } else { "ltr" }}>
                <header>
                    <h1>{ t(Key::Title) }</h1>
                    <p class="tagline">{ t(Key::Tagline) }</p>
                </header>
                <PeriodPanel inputs={state.period.clone()} on_change={on_period} />
                <section class="panel" id="panel-table" aria-labelledby="table-heading">
                    <h2 id="table-heading">{ t(Key::ManyPeriods) }</h2>
                    <PeriodTable rows={state.rows.clone()} report={report.clone()} unit={state.unit}
                                 {on_edit} {on_add} {on_remove} {on_move} {on_unit} />
                    <SpanResults span={report.span.clone()} unit={state.unit} />
                    <LineChart id="retention-chart" title={t(Key::ChartRetentionTitle)}
                               desc={t(Key::ChartRetentionDesc)} points={chart_points} />
                </section>
                <section class="panel" id="panel-whatif" aria-labelledby="whatif-heading">
                    <h2 id="whatif-heading">{ wt(i18n::whatif::Key::WhatIfHeading) }</h2>
                    <p class="help">{ wt(i18n::whatif::Key::WhatIfIntro) }</p>
                    <WhatIfPanel inputs={state.whatif.clone()} period={state.period.clone()}
                                 table={report.clone()} unit={state.unit} model={model.clone()}
                                 on_action={on_whatif.clone()} />
                </section>
                <section class="panel" id="panel-model" aria-labelledby="model-heading">
                    <h2 id="model-heading">{ wt(i18n::whatif::Key::ModelHeading) }</h2>
                    <p class="help">{ wt(i18n::whatif::Key::ModelIntro) }</p>
                    <ModelPanel survivors={state.whatif.survivors.clone()}
                                source={state.whatif.survivors_source} model={model}
                                on_action={on_whatif} />
                </section>
                <footer><p>{ t(Key::Privacy) }</p></footer>
            </main>
        </ContextProvider<Lang>>
    }
}
