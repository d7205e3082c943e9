//! The retention calculator widget: the `App` component, which owns the one reducer state and
//! lays out the panels. Computation is in `retention-core`; components only render it.

pub mod components;
pub mod format;
pub mod i18n;
pub mod messages;
pub mod state;

use std::rc::Rc;

use retention_core::series::evaluate_rows;
use yew::prelude::*;

use components::line_chart::LineChart;
use components::period_panel::PeriodPanel;
use components::period_table::PeriodTable;
use components::span_results::SpanResults;
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
                <footer><p>{ t(Key::Privacy) }</p></footer>
            </main>
        </ContextProvider<Lang>>
    }
}
