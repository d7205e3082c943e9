//! The rows the importer skipped, each with its row, column (number and header name), the
//! offending text and why. The text comes from the visitor's file and is always a text node.

use retention_core::ingest::RowStats;
use yew::prelude::*;

use crate::components::metric::MetricValue;
use crate::format::{plural, Plural, Style};
use crate::i18n::csv::{place, row_problem, text, Key};
use crate::i18n::{fill, Lang};

#[derive(Properties, PartialEq)]
pub struct CsvProblemsProps {
    pub stats: RowStats,
}

#[function_component(CsvProblems)]
pub fn csv_problems(props: &CsvProblemsProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = |k| text(lang, k);
    let s = &props.stats;
    if s.problems.is_empty() {
        return Html::default();
    }
    let listed = s.problems.len() as u64;
    let heading = if plural(lang.tag(), s.skipped as f64) == Plural::One {
        t(Key::ProblemsHeadingOne)
    } else {
        t(Key::ProblemsHeadingOther)
    };
    html! {
        <div class="csv-problems" id="csv-problems">
            <h3>
                <MetricValue name="problems_skipped" value={Some(s.skipped as f64)} style={Style::Count} />
                { " " }{ heading }
            </h3>
            <ul>
                { for s.problems.iter().map(|p| {
                    let place = place(lang, &p.place);
                    html! {
                        <li class="csv-problem" data-row={p.place.row.to_string()}
                            data-column={p.place.column.map(|c| c.to_string())}>
                            <span class="place">{ place }</span>{ ": " }
                            { row_problem(lang, &p.kind) }
                            if !p.text.is_empty() {
                                { " — " }<code class="offending">{ p.text.clone() }</code>
                            }
                        </li>
                    }
                }) }
            </ul>
            if s.skipped > listed {
                <p class="help">{ fill(t(Key::ProblemsMore), &[("n", &(s.skipped - listed).to_string())]) }</p>
            }
        </div>
    }
}
