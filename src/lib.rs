//! The retention calculator widget: the `App` component, which owns the one reducer state, runs
//! the side effects (storage, theme, language, embedding) and lays out the panels. Computation is
//! in `retention-core`; components only render it.

pub mod browser;
pub mod components;
pub mod csv_export;
pub mod csv_figures;
pub mod csv_load;
pub mod csv_state;
pub mod embed;
pub mod format;
pub mod i18n;
pub mod messages;
pub mod settings;
pub mod startup;
pub mod state;
pub mod whatif_derive;
pub mod whatif_messages;
pub mod whatif_state;

use std::rc::Rc;

use retention_core::series::evaluate_rows;
use yew::prelude::*;

use components::csv_panel::CsvPanel;
use components::line_chart::LineChart;
use components::model_panel::ModelPanel;
use components::notices::Notices;
use components::period_panel::PeriodPanel;
use components::period_table::PeriodTable;
use components::span_results::SpanResults;
use components::toolbar::Toolbar;
use components::whatif_panel::WhatIfPanel;
use i18n::{text, Key, Lang};
use settings::Panel;
use startup::{initial_state, share_fragment};
use state::{Action, State};

/// A callback that turns its argument into an action and dispatches it.
fn dispatch<T: 'static>(
    state: &UseReducerHandle<State>,
    to_action: fn(T) -> Action,
) -> Callback<T> {
    let state = state.clone();
    Callback::from(move |v| state.dispatch(to_action(v)))
}

/// Keeps `state` in local storage, with the page query it was opened under.
fn save_state(state: &State) {
    browser::save(&startup::saved_text(state, &browser::query()));
}

#[function_component(App)]
pub fn app() -> Html {
    let opening = use_memo((), |_| {
        let saved = browser::load_saved();
        initial_state(&browser::query(), &browser::fragment(), saved.as_deref())
    });
    let state = use_reducer({
        let opening = opening.clone();
        move || opening.0.clone()
    });
    let origin = opening.1.clone();
    let browser_lang = use_memo((), |_| {
        let languages = browser::languages();
        Lang::negotiate(languages.iter().map(String::as_str))
    });
    let lang = state.settings.lang.unwrap_or(*browser_lang);
    let link = use_state(|| None::<(String, bool, bool)>);
    let embedding = use_memo((), |_| embed::Embedding::start());
    // The first render is the frame and the one-period panel; the other panels mount one task
    // later. The browser then paints the first result before it lays out the hundreds of
    // table cells the other panels hold (load → first result, docs/BENCHMARKS.md).
    let all_mounted = use_state(|| false);
    use_effect_with((), {
        let all_mounted = all_mounted.clone();
        move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                browser::next_task().await;
                all_mounted.set(true);
            });
        }
    });

    // Side effects, each keyed on exactly what it depends on.
    use_effect_with((), |_| browser::clear_fragment());
    use_effect_with((), {
        let state = state.clone();
        move |_| {
            let guard = browser::SaveOnHide::new(move || save_state(&state));
            move || drop(guard)
        }
    });
    use_effect_with(state.clone(), {
        let embedding = embedding.clone();
        move |state| {
            save_state(state);
            embedding.post_results();
        }
    });
    use_effect_with(
        (state.settings.theme, state.settings.accent.clone()),
        |(theme, accent)| browser::apply_theme(theme.key(), accent.as_deref()),
    );
    use_effect_with(lang, |lang| {
        browser::apply_language(lang.tag(), lang.is_rtl())
    });

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
    let on_lang = dispatch(&state, Action::SetLang);
    let on_copy_link = {
        let state = state.clone();
        let link = link.clone();
        Callback::from(move |()| {
            let shared = share_fragment(&state);
            let url = format!(
                "{}#{}",
                browser::address_without_fragment(),
                shared.fragment
            );
            browser::copy_to_clipboard(&url);
            link.set(Some((url, shared.table_left_out, shared.paste_left_out)));
        })
    };
    let on_reset = {
        let state = state.clone();
        let link = link.clone();
        Callback::from(move |()| {
            browser::forget_saved();
            link.set(None);
            state.dispatch(Action::Replace(Box::new(State::from_query(
                &browser::query(),
            ))));
        })
    };
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
    let on_csv = dispatch(&state, Action::Csv);
    let on_load_rows = dispatch(&state, Action::LoadRows);
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
    let shows = |panel| (panel == Panel::Period || *all_mounted) && state.settings.shows(panel);
    let class = classes!("widget", state.settings.compact.then_some("compact"));
    html! {
        <ContextProvider<Lang> context={lang}>
            <main {class} lang={lang.tag()} dir={if lang.is_rtl() { "rtl" } else { "ltr" }}>
                <header>
                    <h1>{ t(Key::Title) }</h1>
                    <p class="tagline">{ t(Key::Tagline) }</p>
                    <Toolbar {lang} link={(*link).clone()}
                             widget_address={browser::address_without_fragment()}
                             {on_lang} {on_copy_link} {on_reset} />
                    <Notices {lang} {origin} ignored={state.settings.ignored.clone()} />
                </header>
                if shows(Panel::Period) {
                    <PeriodPanel inputs={state.period.clone()} on_change={on_period} />
                }
                if shows(Panel::Table) {
                    <section class="panel" id="panel-table" aria-labelledby="table-heading">
                        <h2 id="table-heading">{ t(Key::ManyPeriods) }</h2>
                        <PeriodTable rows={state.rows.clone()} report={report.clone()} unit={state.unit}
                                     {on_edit} {on_add} {on_remove} {on_move} {on_unit} />
                        <SpanResults span={report.span.clone()} unit={state.unit} />
                        <LineChart id="retention-chart" title={t(Key::ChartRetentionTitle)}
                                   desc={t(Key::ChartRetentionDesc)} points={chart_points} />
                    </section>
                }
                if shows(Panel::Csv) {
                    <section class="panel" id="panel-csv" aria-labelledby="csv-heading">
                        <h2 id="csv-heading">{ i18n::csv::text(lang, i18n::csv::Key::Heading) }</h2>
                        <CsvPanel inputs={state.csv.clone()} on_action={on_csv} {on_load_rows} />
                    </section>
                }
                if shows(Panel::WhatIf) {
                    <section class="panel" id="panel-whatif" aria-labelledby="whatif-heading">
                        <h2 id="whatif-heading">{ wt(i18n::whatif::Key::WhatIfHeading) }</h2>
                        <p class="help">{ wt(i18n::whatif::Key::WhatIfIntro) }</p>
                        <WhatIfPanel inputs={state.whatif.clone()} period={state.period.clone()}
                                     table={report.clone()} unit={state.unit} model={model.clone()}
                                     on_action={on_whatif.clone()} />
                    </section>
                }
                if shows(Panel::Model) {
                    <section class="panel" id="panel-model" aria-labelledby="model-heading">
                        <h2 id="model-heading">{ wt(i18n::whatif::Key::ModelHeading) }</h2>
                        <p class="help">{ wt(i18n::whatif::Key::ModelIntro) }</p>
                        <ModelPanel survivors={state.whatif.survivors.clone()}
                                    source={state.whatif.survivors_source} model={model}
                                    on_action={on_whatif} />
                    </section>
                }
                <footer><p>{ t(Key::Privacy) }</p></footer>
            </main>
        </ContextProvider<Lang>>
    }
}
