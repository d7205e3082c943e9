//! Baseline and improved customers and revenue per period over the horizon: two charts of two
//! lines with the gap between them shaded, and one data table as their text equivalent (every
//! value a metric with `data-period` = t).

use yew::prelude::*;

use crate::components::chart::scale::indexed;

use crate::components::chart::xy_chart::{Series, Shade, XyChart};
use crate::components::metric::MetricValue;
use crate::format::Style;
use crate::i18n::whatif::{text, Key};
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct ProjectionChartProps {
    /// N_t, t = 0 … H − 1.
    pub baseline_customers: Vec<f64>,
    pub improved_customers: Vec<f64>,
    /// ARPU · N_t.
    pub baseline_revenue: Vec<f64>,
    pub improved_revenue: Vec<f64>,
    pub currency: [u8; 3],
}

#[function_component(ProjectionChart)]
pub fn projection_chart(props: &ProjectionChartProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = |k| text(lang, k);
    let chart = |id: &'static str,
                 title: Key,
                 desc: Key,
                 base: &[f64],
                 better: &[f64],
                 style: Style| {
        let base = indexed(base);
        let better = indexed(better);
        html! {
            <XyChart id={id} title={t(title)} desc={t(desc)} x_label={t(Key::AxisPeriod)}
                y_style={style}
                series={vec![
                    Series { label: t(Key::ColBaseline).into(), class: "s-baseline", points: base.clone(), line: true, marks: true },
                    Series { label: t(Key::ColImproved).into(), class: "s-improved", points: better.clone(), line: true, marks: true },
                ]}
                shades={vec![Shade { label: t(Key::GapLabel).into(), class: "s-gap", upper: better, lower: base }]} />
        }
    };
    let money = Style::Currency(props.currency);
    let rows = props.baseline_customers.len();
    let cell = |name: &'static str, values: &[f64], i: usize, style: Style| {
        html! {
            <td class="num"><MetricValue name={name} value={values.get(i).copied()} style={style} period={Some(i)} /></td>
        }
    };
    html! {
        <div class="projection">
            <div class="charts">
                { chart("chart-customers", Key::ChartCustomersTitle, Key::ChartCustomersDesc,
                        &props.baseline_customers, &props.improved_customers, Style::Count) }
                { chart("chart-revenue", Key::ChartRevenueTitle, Key::ChartRevenueDesc,
                        &props.baseline_revenue, &props.improved_revenue, money) }
            </div>
            <details class="data-table">
                <summary>{ t(Key::DataTableSummary) }</summary>
                <div class="table-scroll">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{ t(Key::AxisPeriod) }</th>
                                <th scope="col" class="num">{ t(Key::ColCustomersBaseline) }</th>
                                <th scope="col" class="num">{ t(Key::ColCustomersImproved) }</th>
                                <th scope="col" class="num">{ t(Key::ColRevenueBaseline) }</th>
                                <th scope="col" class="num">{ t(Key::ColRevenueImproved) }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for (0..rows).map(|i| html! {
                                <tr key={i}>
                                    <th scope="row">{ i.to_string() }</th>
                                    { cell("customers_baseline", &props.baseline_customers, i, Style::Count) }
                                    { cell("customers_improved", &props.improved_customers, i, Style::Count) }
                                    { cell("period_revenue_baseline", &props.baseline_revenue, i, money) }
                                    { cell("period_revenue_improved", &props.improved_revenue, i, money) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </details>
        </div>
    }
}
