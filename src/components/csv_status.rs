//! What became of the CSV: "Read as: raw activity, 1,923,692 rows, 3 columns" with the rows used
//! and skipped always in view, or why it was refused, or the one question the importer cannot
//! answer alone (which of 05/03 is the day).

use retention_core::ingest::{DayMonthOrder, IngestError};
use yew::prelude::*;

use crate::components::csv_problems::CsvProblems;
use crate::components::metric::MetricValue;
use crate::csv_load::{Failure, Outcome};
use crate::csv_state::CsvAction;
use crate::format::{plural, Plural, Style};
use crate::i18n::csv::{refusal, shape_key, text, Key};
use crate::i18n::{fill, Lang};

#[derive(Properties, PartialEq)]
pub struct CsvStatusProps {
    pub outcome: Outcome,
    pub on_action: Callback<CsvAction>,
}

fn counted(lang: Lang, n: u64, one: Key, other: Key) -> Html {
    let word = if plural(lang.tag(), n as f64) == Plural::One {
        text(lang, one)
    } else {
        text(lang, other)
    };
    html! { <>{ " " }{ word }</> }
}

fn delimiter_name(lang: Lang, d: u8) -> String {
    match d {
        b'\t' => text(lang, Key::DelimiterTab).to_owned(),
        other => format!("“{}”", char::from(other)),
    }
}

#[function_component(CsvStatus)]
pub fn csv_status(props: &CsvStatusProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = |k| text(lang, k);
    match &props.outcome {
        Outcome::Nothing => html! { <p class="help" id="csv-status">{ t(Key::NothingYet) }</p> },
        Outcome::Cancelled => {
            html! { <p class="note" id="csv-status" role="status">{ t(Key::Cancelled) }</p> }
        }
        Outcome::Loaded(l) => {
            let s = &l.stats;
            html! {
                <div class="csv-status" id="csv-status" role="status">
                    <p class="read-as">
                        { t(Key::ReadAs) }{ " " }
                        <strong data-shape={l.shape.key()}>{ t(shape_key(l.shape)) }</strong>{ ", " }
                        <MetricValue name="rows_parsed" value={Some(s.used as f64)} style={Style::Count} />
                        { counted(lang, s.used, Key::RowsUsedOne, Key::RowsUsedOther) }{ ", " }
                        <MetricValue name="rows_skipped" value={Some(s.skipped as f64)} style={Style::Count} />
                        { counted(lang, s.skipped, Key::RowsSkippedOne, Key::RowsSkippedOther) }{ ", " }
                        <MetricValue name="csv_columns" value={Some(l.columns as f64)} style={Style::Count} />
                        { counted(lang, l.columns as u64, Key::ColumnsOne, Key::ColumnsOther) }
                        { fill(t(Key::SeparatedBy), &[("d", &delimiter_name(lang, l.delimiter))]) }
                    </p>
                    <CsvProblems stats={s.clone()} />
                </div>
            }
        }
        Outcome::Failed(f) => match &**f {
            Failure::Refused {
                error: IngestError::AmbiguousDates { column, examples },
                ..
            } => {
                let choose = |order: DayMonthOrder| {
                    props
                        .on_action
                        .reform(move |_| CsvAction::SetDateOrder(Some(order)))
                };
                html! {
                    <div class="note csv-question" id="csv-status" role="status">
                        <p>{ fill(t(Key::AmbiguousDates), &[
                            ("column", &column.column.to_string()), ("name", &column.name),
                            ("examples", &examples.join(", ")),
                        ]) }</p>
                        <button type="button" id="csv-day-first" onclick={choose(DayMonthOrder::DayFirst)}>
                            { t(Key::DayFirst) }
                        </button>
                        { " " }
                        <button type="button" id="csv-month-first" onclick={choose(DayMonthOrder::MonthFirst)}>
                            { t(Key::MonthFirst) }
                        </button>
                    </div>
                }
            }
            Failure::Refused { error, .. } => {
                let stats = match error {
                    IngestError::MostlyBroken { stats, .. } => Some(stats.clone()),
                    _ => None,
                };
                html! {
                    <div class="csv-refusal" id="csv-status" role="alert">
                        <p class="message">{ refusal(lang, error) }</p>
                        if let Some(stats) = stats {
                            <p>
                                <MetricValue name="rows_parsed" value={Some(stats.used as f64)} style={Style::Count} />
                                { counted(lang, stats.used, Key::RowsUsedOne, Key::RowsUsedOther) }{ ", " }
                                <MetricValue name="rows_skipped" value={Some(stats.skipped as f64)} style={Style::Count} />
                                { counted(lang, stats.skipped, Key::RowsSkippedOne, Key::RowsSkippedOther) }
                            </p>
                            <CsvProblems {stats} />
                        }
                    </div>
                }
            }
            Failure::Unreadable => html! {
                <p class="message" id="csv-status" role="alert">{ t(Key::Unreadable) }</p>
            },
            Failure::TooLargeForTable => html! {
                <p class="message" id="csv-status" role="alert">{ t(Key::TooLargeForTable) }</p>
            },
        },
    }
}
