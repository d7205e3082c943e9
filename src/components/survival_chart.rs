//! Observed survival of the cohort against the chosen model's fitted and projected curve, with
//! its uncertainty band shaded, and the data table that is the chart's text equivalent (the
//! projected `sbg_survival` and `model_survival` values are metrics there, with `data-period`).

use retention_core::model::Band;
use yew::prelude::*;

use crate::components::chart::scale::indexed;

use crate::components::chart::xy_chart::{Series, Shade, XyChart};
use crate::components::metric::MetricValue;
use crate::format::Style;
use crate::i18n::whatif::{text, Key};
use crate::i18n::{fill, Lang};

#[derive(Properties, PartialEq)]
pub struct SurvivalChartProps {
    /// The cohort's counts at periods 0, 1, 2, …
    pub counts: Vec<u64>,
    /// The chosen model's name, for the legend.
    pub model_name: AttrValue,
    /// S(t), t = 0..=span, of the chosen model.
    pub chosen: Vec<f64>,
    #[prop_or_default]
    pub band: Option<Band>,
    /// S(t) of the sBG fit, when there is one.
    #[prop_or_default]
    pub sbg: Option<Vec<f64>>,
}

#[function_component(SurvivalChart)]
pub fn survival_chart(props: &SurvivalChartProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = |k| text(lang, k);
    let first = props.counts.first().copied().unwrap_or(0);
    let observed: Vec<f64> = props
        .counts
        .iter()
        .map(|&c| {
            if first > 0 {
                c as f64 / first as f64
            } else {
                f64::NAN
            }
        })
        .collect();
    let fitted_label = fill(t(Key::FittedCurve), &[("model", &props.model_name)]);
    let mut series = vec![Series {
        label: fitted_label.into(),
        class: "s-fitted",
        points: indexed(&props.chosen),
        line: true,
        marks: true,
    }];
    series.push(Series {
        label: t(Key::Observed).into(),
        class: "s-observed",
        points: indexed(&observed),
        line: false,
        marks: true,
    });
    let shades = props
        .band
        .iter()
        .map(|b| Shade {
            label: t(Key::BandLabel).into(),
            class: "s-band",
            upper: indexed(&b.upper),
            lower: indexed(&b.lower),
        })
        .collect::<Vec<_>>();
    let last_observed = props.counts.len().saturating_sub(1) as f64;
    let rows = props.chosen.len().max(observed.len());
    let percent = Style::Percent;
    let at = |v: Option<&Vec<f64>>, i: usize| v.and_then(|v| v.get(i).copied());
    html! {
        <div class="survival">
            <XyChart id="chart-survival" title={t(Key::ChartSurvivalTitle)} desc={t(Key::ChartSurvivalDesc)}
                     x_label={t(Key::AxisPeriod)} y_style={percent} y_range={Some((0.0, 1.0))}
                     series={series} shades={shades} marker_x={Some(last_observed)}
                     marker_label={AttrValue::from(t(Key::LastObserved))} />
            <details class="data-table">
                <summary>{ t(Key::DataTableSummary) }</summary>
                <div class="table-scroll">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{ t(Key::AxisPeriod) }</th>
                                <th scope="col" class="num">{ t(Key::Observed) }</th>
                                <th scope="col" class="num">{ t(Key::ColChosenCurve) }</th>
                                <th scope="col" class="num">{ t(Key::BandLower) }</th>
                                <th scope="col" class="num">{ t(Key::BandUpper) }</th>
                                if props.sbg.is_some() {
                                    <th scope="col" class="num">{ t(Key::ModelSbg) }</th>
                                }
                            </tr>
                        </thead>
                        <tbody>
                            { for (0..rows).map(|i| html! {
                                <tr key={i}>
                                    <th scope="row">{ i.to_string() }</th>
                                    <td class="num">
                                        if let Some(v) = observed.get(i) {
                                            <MetricValue name="observed_survival" value={Some(*v)} style={percent} period={Some(i)} />
                                        }
                                    </td>
                                    <td class="num"><MetricValue name="model_survival" value={props.chosen.get(i).copied()} style={percent} period={Some(i)} /></td>
                                    <td class="num"><MetricValue name="model_survival_lower" value={at(props.band.as_ref().map(|b| &b.lower), i)} style={percent} period={Some(i)} /></td>
                                    <td class="num"><MetricValue name="model_survival_upper" value={at(props.band.as_ref().map(|b| &b.upper), i)} style={percent} period={Some(i)} /></td>
                                    if props.sbg.is_some() {
                                        <td class="num"><MetricValue name="sbg_survival" value={at(props.sbg.as_ref(), i)} style={percent} period={Some(i)} /></td>
                                    }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </details>
        </div>
    }
}
