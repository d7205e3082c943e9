//! The editable table of periods: label, start (blank = previous end), new, end, and each row's
//! retention and churn. Rows are added, removed and moved with buttons or Alt + ↑ / ↓.

use retention_core::period::{Field, Problem};
use retention_core::series::SeriesReport;
use retention_core::unit::PeriodUnit;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::metric::MetricValue;
use crate::format::Style;
use crate::i18n::{fill, text, Key, Lang};
use crate::messages;
use crate::state::{RowField, TableRow};

#[derive(Properties, PartialEq)]
pub struct PeriodTableProps {
    pub rows: Vec<TableRow>,
    pub report: std::rc::Rc<SeriesReport>,
    pub unit: PeriodUnit,
    pub on_edit: Callback<(u32, RowField, String)>,
    pub on_add: Callback<()>,
    pub on_remove: Callback<u32>,
    pub on_move: Callback<(u32, isize)>,
    pub on_unit: Callback<PeriodUnit>,
}

pub fn unit_key(unit: PeriodUnit) -> Key {
    match unit {
        PeriodUnit::Week => Key::UnitWeek,
        PeriodUnit::Month => Key::UnitMonth,
        PeriodUnit::Quarter => Key::UnitQuarter,
        PeriodUnit::Year => Key::UnitYear,
    }
}

#[function_component(PeriodTable)]
pub fn period_table(props: &PeriodTableProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = |k| text(lang, k);
    let on_unit = {
        let cb = props.on_unit.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(unit) = PeriodUnit::from_key(&select.value()) {
                cb.emit(unit);
            }
        })
    };
    let count = props.rows.len();
    html! {
        <div class="period-table">
            <div class="field inline">
                <label for="period-unit">{ t(Key::PeriodUnit) }</label>
                <select id="period-unit" name="unit" onchange={on_unit}>
                    { for PeriodUnit::ALL.iter().map(|&u| html! {
                        <option value={u.key()} selected={u == props.unit}>{ t(unit_key(u)) }</option>
                    }) }
                </select>
            </div>
            <p class="help" id="table-help">{ t(Key::TableHelp) }</p>
            <div class="table-scroll">
                <table aria-describedby="table-help">
                    <thead>
                        <tr>
                            <th scope="col">{ t(Key::ColPeriod) }</th>
                            <th scope="col">{ t(Key::ColStart) }</th>
                            <th scope="col">{ t(Key::ColNew) }</th>
                            <th scope="col">{ t(Key::ColEnd) }</th>
                            <th scope="col">{ t(Key::ColRetention) }</th>
                            <th scope="col">{ t(Key::ColChurn) }</th>
                            <th scope="col"><span class="visually-hidden">{ t(Key::ColActions) }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        { for props.rows.iter().enumerate().map(|(index, row)| row_view(props, lang, index, count, row)) }
                    </tbody>
                </table>
            </div>
            <button type="button" class="add" onclick={props.on_add.reform(|_| ())}>
                { format!("+ {}", t(Key::AddPeriod)) }
            </button>
        </div>
    }
}

fn row_view(
    props: &PeriodTableProps,
    lang: Lang,
    index: usize,
    count: usize,
    row: &TableRow,
) -> Html {
    let t = |k| text(lang, k);
    let id = row.id;
    let report = props.report.rows.get(index).cloned().unwrap_or_default();
    let number = index + 1;
    let row_name = if row.input.label.trim().is_empty() {
        fill(t(Key::RowLabel), &[("n", &number.to_string())])
    } else {
        row.input.label.clone()
    };
    let problem_of = |field: Field| -> Option<Problem> {
        report
            .problems
            .iter()
            .find(|p| p.field == field)
            .map(|p| p.problem)
    };
    let on_keydown = {
        let on_move = props.on_move.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.alt_key() {
                match e.key().as_str() {
                    "ArrowUp" => {
                        e.prevent_default();
                        on_move.emit((id, -1));
                    }
                    "ArrowDown" => {
                        e.prevent_default();
                        on_move.emit((id, 1));
                    }
                    _ => {}
                }
            }
        })
    };
    let cell = |field: RowField,
                core_field: Option<Field>,
                value: &str,
                col: Key,
                placeholder: Option<String>| {
        let on_edit = props.on_edit.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_edit.emit((id, field, input.value()));
        });
        let problem = core_field.and_then(problem_of);
        let field_name = match field {
            RowField::Label => "label",
            RowField::Start => "start",
            RowField::New => "new",
            RowField::End => "end",
        };
        let message_id = format!("row-{id}-{field_name}-message");
        let label = format!("{} – {}", row_name, t(col));
        html! {
            <td class={classes!(problem.is_some().then_some("invalid"))}>
                <input type="text" aria-label={label} value={value.to_owned()} {oninput}
                       inputmode={core_field.map(|_| "numeric")}
                       name={format!("row{number}_{field_name}")}
                       placeholder={placeholder}
                       aria-invalid={problem.map(|_| "true")}
                       aria-describedby={problem.map(|_| message_id.clone())} />
                if let Some(p) = problem {
                    <span class="message" id={message_id} role="alert">{ messages::problem(lang, p) }</span>
                }
            </td>
        }
    };
    let carried = report.start_carried.then(|| {
        let shown = report.start.map(|s| s.to_string()).unwrap_or_default();
        format!("{shown} ({})", t(Key::StartCarried))
    });
    let period = Some(number);
    html! {
        <tr key={id} onkeydown={on_keydown}>
            { cell(RowField::Label, None, &row.input.label, Key::ColPeriod, Some(row_name.clone())) }
            { cell(RowField::Start, Some(Field::Start), &row.input.start, Key::ColStart, carried) }
            { cell(RowField::New, Some(Field::New), &row.input.new, Key::ColNew, None) }
            { cell(RowField::End, Some(Field::End), &row.input.end, Key::ColEnd, None) }
            <td class="num"><MetricValue name="period_retention" value={report.metrics.retention_rate}
                                         style={Style::Percent} period={period} /></td>
            <td class="num"><MetricValue name="period_churn" value={report.metrics.churn_rate}
                                         style={Style::Percent} period={period} /></td>
            <td class="actions">
                <button type="button" aria-label={format!("{} – {}", t(Key::MoveUp), row_name)}
                        title={t(Key::MoveUp)} disabled={index == 0}
                        onclick={props.on_move.reform(move |_| (id, -1))}>{ "↑" }</button>
                <button type="button" aria-label={format!("{} – {}", t(Key::MoveDown), row_name)}
                        title={t(Key::MoveDown)} disabled={index + 1 == count}
                        onclick={props.on_move.reform(move |_| (id, 1))}>{ "↓" }</button>
                <button type="button" aria-label={format!("{} – {}", t(Key::Remove), row_name)}
                        title={t(Key::Remove)}
                        onclick={props.on_remove.reform(move |_| id)}>{ "×" }</button>
            </td>
        </tr>
    }
}
