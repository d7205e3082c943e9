//! Retention curves: every cohort as a faint line, the size-weighted average bold, drawn as SVG
//! without a chart library. Colours are presentation attributes, so the exported SVG file looks
//! the same outside the page; the stylesheet overrides them on the page for the dark theme. The
//! average's values are listed under the chart as its text equivalent.

use std::rc::Rc;

use retention_core::cohort::Triangle;
use yew::prelude::*;

use crate::components::chart::scale::coord;

use crate::components::metric::MetricValue;
use crate::csv_figures::{
    curves, points_attr, x_labels, y_of, CHART_BOTTOM, CHART_H, CHART_LEFT, CHART_RIGHT, CHART_W,
};
use crate::format::{format, Style};
use crate::i18n::csv::{text, Key};
use crate::i18n::Lang;

pub const CHART_ID: &str = "cohort-curves";

#[derive(Properties, PartialEq)]
pub struct CohortCurvesProps {
    pub triangle: Rc<Triangle>,
    pub unbounded: bool,
}

#[function_component(CohortCurves)]
pub fn cohort_curves(props: &CohortCurvesProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = |k| text(lang, k);
    let c = curves(&props.triangle, props.unbounded);
    let average = if props.unbounded {
        props.triangle.average_unbounded_curve().ok()
    } else {
        None
    }
    .unwrap_or_else(|| props.triangle.average_curve());
    let (title, desc) = if props.unbounded {
        (t(Key::CurvesTitleLater), t(Key::CurvesDesc))
    } else {
        (t(Key::CurvesTitle), t(Key::CurvesDesc))
    };
    let metric = if props.unbounded {
        "average_retention_unbounded"
    } else {
        "average_retention"
    };
    html! {
        <figure class="cohort-curves">
            <svg id={CHART_ID} class="chart curves" viewBox={format!("0 0 {} {}", coord(CHART_W), coord(CHART_H))}
                 xmlns="http://www.w3.org/2000/svg" role="img"
                 aria-labelledby="cohort-curves-title cohort-curves-desc">
                <title id="cohort-curves-title">{ title }</title>
                <desc id="cohort-curves-desc">{ desc }</desc>
                <rect class="backdrop" x="0" y="0" width={coord(CHART_W)} height={coord(CHART_H)}
                      fill="#ffffff" />
                { for [0.0, 0.25, 0.5, 0.75, 1.0].iter().map(|&v| html! {
                    <g class="tick">
                        <line x1={coord(CHART_LEFT)} x2={coord(CHART_W - CHART_RIGHT)}
                              y1={coord(y_of(v))} y2={coord(y_of(v))} stroke="#d5dbe2" />
                        <text x={coord(CHART_LEFT - 4.0)} y={coord(y_of(v) + 3.0)}
                              text-anchor="end" font-size="9" fill="#55606d">
                            { format(lang.tag(), Style::Percent, v) }
                        </text>
                    </g>
                }) }
                { for x_labels(c.periods).into_iter().map(|(x, label)| html! {
                    <text class="x-label" x={coord(x)} y={coord(CHART_H - CHART_BOTTOM + 14.0)}
                          text-anchor="middle" font-size="9" fill="#55606d">{ label }</text>
                }) }
                <g class="cohort-lines" fill="none" stroke="#0b5cad" stroke-opacity="0.25" stroke-width="1">
                    { for c.cohorts.iter().map(|line| html! { <polyline points={points_attr(line)} /> }) }
                </g>
                <polyline class="average" points={points_attr(&c.average)} fill="none"
                          stroke="#0b5cad" stroke-width="3" />
            </svg>
            <figcaption>
                <details class="curve-values">
                    <summary>{ t(Key::AverageValues) }</summary>
                    <ul class="curve-list">
                        { for average.iter().filter(|p| p.value.is_finite()).map(|p| html! {
                            <li>
                                <span class="k">{ format!("k = {}", p.k) }</span>{ " " }
                                <MetricValue name={metric} value={Some(p.value)} style={Style::Percent} period={p.k} />
                            </li>
                        }) }
                    </ul>
                </details>
            </figcaption>
        </figure>
    }
}
