//! How the CSV is read, when detection is not enough: the shape, which column plays which role
//! (menus built from the file's own header), the cohort period and the day/month order.

use retention_core::calendar::Granularity;
use retention_core::ingest::{DayMonthOrder, Role, Shape};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::csv_state::{roles_of, shape_from_key, CsvAction, CsvInputs, SHAPES};
use crate::i18n::csv::{granularity_key, role_key, shape_key, text, Key};
use crate::i18n::{fill, Lang};

#[derive(Properties, PartialEq)]
pub struct CsvOptionsProps {
    pub inputs: CsvInputs,
    /// The header of the data read (or refused) last; empty before anything was read.
    pub header: Vec<String>,
    /// The shape the data was read as, detected or chosen.
    pub shape: Option<Shape>,
    /// The column each role was read from (1-based), detected or chosen.
    pub mapping: Vec<(Role, usize)>,
    pub on_action: Callback<CsvAction>,
}

fn on_select(on_action: &Callback<CsvAction>, to: fn(&str) -> CsvAction) -> Callback<Event> {
    let on_action = on_action.clone();
    Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        on_action.emit(to(&select.value()));
    })
}

#[function_component(CsvOptions)]
pub fn csv_options(props: &CsvOptionsProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = |k| text(lang, k);
    let i = &props.inputs;
    let shape_change = on_select(&props.on_action, |v| CsvAction::SetShape(shape_from_key(v)));
    let granularity_change = on_select(&props.on_action, |v| {
        CsvAction::SetGranularity(Granularity::from_key(v).unwrap_or_default())
    });
    let order_change = on_select(&props.on_action, |v| {
        CsvAction::SetDateOrder(match v {
            "day" => Some(DayMonthOrder::DayFirst),
            "month" => Some(DayMonthOrder::MonthFirst),
            _ => None,
        })
    });
    let order = match i.date_order {
        Some(DayMonthOrder::DayFirst) => "day",
        Some(DayMonthOrder::MonthFirst) => "month",
        None => "auto",
    };
    let shape = i.shape.or(props.shape);
    let detected_name = props.shape.map(|s| t(shape_key(s))).unwrap_or_default();
    let column_menu = |role: Role| {
        let on_action = props.on_action.clone();
        let onchange = Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            on_action.emit(CsvAction::SetColumn(role, select.value().parse().ok()));
        });
        let chosen = i.column_for(role);
        let used = props
            .mapping
            .iter()
            .find(|(r, _)| *r == role)
            .map(|&(_, c)| c);
        let id = format!("csv-col-{}", role.key());
        let auto = match used.and_then(|c| props.header.get(c.wrapping_sub(1)).map(|h| (c, h))) {
            Some((c, h)) if chosen.is_none() => fill(
                t(Key::ColumnAutoFound),
                &[("n", &c.to_string()), ("name", h)],
            ),
            _ => t(Key::ColumnAuto).to_owned(),
        };
        html! {
            <div class="field">
                <label for={id.clone()}>{ t(role_key(role)) }</label>
                <select id={id} name={format!("csv_col_{}", role.key())} {onchange}>
                    <option value="" selected={chosen.is_none()}>{ auto }</option>
                    { for props.header.iter().enumerate().map(|(n, h)| {
                        let n = n + 1;
                        html! {
                            <option value={n.to_string()} selected={chosen == Some(n)}>
                                { fill(t(Key::ColumnOption), &[("n", &n.to_string()), ("name", h)]) }
                            </option>
                        }
                    }) }
                </select>
            </div>
        }
    };
    html! {
        <details class="csv-options" open={i.shape.is_some() || !i.columns.is_empty()}>
            <summary>{ t(Key::OptionsHeading) }</summary>
            <div class="fields">
                <div class="field">
                    <label for="csv-shape">{ t(Key::ShapeLabel) }</label>
                    <select id="csv-shape" name="csv_shape" onchange={shape_change}>
                        <option value="auto" selected={i.shape.is_none()}>
                            { if detected_name.is_empty() { t(Key::ShapeAuto).to_owned() }
                              else { fill(t(Key::ShapeAutoFound), &[("shape", detected_name)]) } }
                        </option>
                        { for SHAPES.iter().map(|&s| html! {
                            <option value={s.key()} selected={i.shape == Some(s)}>{ t(shape_key(s)) }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="csv-granularity">{ t(Key::GranularityLabel) }</label>
                    <select id="csv-granularity" name="csv_granularity" onchange={granularity_change}>
                        { for [Granularity::Month, Granularity::Week, Granularity::Quarter].iter().map(|&g| html! {
                            <option value={g.key()} selected={i.granularity == g}>{ t(granularity_key(g)) }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="csv-date-order">{ t(Key::DateOrderLabel) }</label>
                    <select id="csv-date-order" name="csv_date_order" onchange={order_change}>
                        <option value="auto" selected={order == "auto"}>{ t(Key::DateOrderAuto) }</option>
                        <option value="day" selected={order == "day"}>{ t(Key::DayFirst) }</option>
                        <option value="month" selected={order == "month"}>{ t(Key::MonthFirst) }</option>
                    </select>
                </div>
            </div>
            if let (Some(shape), false) = (shape, props.header.is_empty()) {
                <fieldset class="csv-columns">
                    <legend>{ t(Key::ColumnsLegend) }</legend>
                    <div class="fields">
                        { for roles_of(shape).iter().map(|&r| column_menu(r)) }
                    </div>
                </fieldset>
            }
        </details>
    }
}
