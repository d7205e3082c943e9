//! A small SVG line chart of fractions (0–100 %) over periods, drawn without a chart library.
//! It carries a `<title>` and `<desc>`, and each point a tooltip; the numbers themselves are in
//! the table beside it, which is the chart's text equivalent.

use yew::prelude::*;

use crate::components::chart::scale::coord;
use crate::format::{format, Style};
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct LineChartProps {
    pub id: AttrValue,
    pub title: AttrValue,
    pub desc: AttrValue,
    /// (x label, y as a fraction); `None` leaves a gap.
    pub points: Vec<(String, Option<f64>)>,
}

const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 150.0;
const LEFT: f64 = 34.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 8.0;
const BOTTOM: f64 = 22.0;

#[function_component(LineChart)]
pub fn line_chart(props: &LineChartProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let n = props.points.len();
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let x = |i: usize| {
        if n <= 1 {
            LEFT + plot_w / 2.0
        } else {
            LEFT + plot_w * i as f64 / (n - 1) as f64
        }
    };
    let y = |v: f64| TOP + plot_h * (1.0 - v.clamp(0.0, 1.0));
    // Consecutive defined points form one segment; a gap starts a new one.
    let mut segments: Vec<String> = vec![String::new()];
    for (i, (_, v)) in props.points.iter().enumerate() {
        match v {
            Some(v) if v.is_finite() => {
                if let Some(seg) = segments.last_mut() {
                    seg.push_str(&format!("{},{} ", coord(x(i)), coord(y(*v))));
                }
            }
            _ => segments.push(String::new()),
        }
    }
    let label_every = n.div_ceil(8).max(1);
    let title_id = format!("{}-title", props.id);
    let desc_id = format!("{}-desc", props.id);
    html! {
        <svg class="chart" viewBox={format!("0 0 {} {}", coord(WIDTH), coord(HEIGHT))} role="img"
             aria-labelledby={format!("{title_id} {desc_id}")}>
            <title id={title_id}>{ props.title.clone() }</title>
            <desc id={desc_id}>{ props.desc.clone() }</desc>
            { for [0.0, 0.25, 0.5, 0.75, 1.0].iter().map(|&t| html! {
                <g class="tick">
                    <line x1={coord(LEFT)} x2={coord(WIDTH - RIGHT)}
                          y1={coord(y(t))} y2={coord(y(t))} />
                    <text x={coord(LEFT - 4.0)} y={coord(y(t) + 3.0)} text-anchor="end">
                        { format(lang.tag(), Style::Percent, t) }
                    </text>
                </g>
            }) }
            { for props.points.iter().enumerate().filter(|(i, _)| i % label_every == 0).map(|(i, (label, _))| html! {
                <text class="x-label" x={coord(x(i))} y={coord(HEIGHT - 6.0)} text-anchor="middle">
                    { label.clone() }
                </text>
            }) }
            { for segments.iter().filter(|s| !s.is_empty()).map(|s| html! {
                <polyline class="line" points={s.trim().to_owned()} />
            }) }
            { for props.points.iter().enumerate().filter_map(|(i, (label, v))| {
                let v = (*v).filter(|v| v.is_finite())?;
                Some(html! {
                    <circle class="point" cx={coord(x(i))} cy={coord(y(v))} r="3" tabindex="0">
                        <title>{ format!("{label}: {}", format(lang.tag(), Style::Percent, v)) }</title>
                    </circle>
                })
            }) }
        </svg>
    }
}
