//! A generic SVG chart of lines, marks and shaded areas over a numeric x axis (periods), with
//! nice ticks, locale-formatted labels, a `<title>`/`<desc>`, focusable marks whose `<title>` is
//! the tooltip, and an HTML legend. Its text equivalent (the data table) belongs to the caller,
//! which knows which metrics the numbers are.

use yew::prelude::*;

use super::scale::{area, coord, escape, nice_ticks, polyline, thinned, Scale};
use crate::format::{format, Style};
use crate::i18n::Lang;

/// One line (or set of marks) of the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub label: AttrValue,
    /// CSS class giving its colour and dash (see `static/style.css`).
    pub class: &'static str,
    /// (x, y); non-finite points are left out.
    pub points: Vec<(f64, f64)>,
    pub line: bool,
    /// Focusable marks with tooltips (thinned to [`MOST_MARKS`] on long series).
    pub marks: bool,
}

/// A shaded area between two curves over the same x values.
#[derive(Debug, Clone, PartialEq)]
pub struct Shade {
    pub label: AttrValue,
    pub class: &'static str,
    pub upper: Vec<(f64, f64)>,
    pub lower: Vec<(f64, f64)>,
}

#[derive(Properties, PartialEq)]
pub struct XyChartProps {
    pub id: AttrValue,
    pub title: AttrValue,
    pub desc: AttrValue,
    /// The x axis name, e.g. "Period", also used in tooltips ("Period 3").
    pub x_label: AttrValue,
    pub y_style: Style,
    /// A fixed y domain (e.g. 0–1 for survival); otherwise from 0 (or the lowest value) to the
    /// highest value, rounded out to nice ticks.
    #[prop_or_default]
    pub y_range: Option<(f64, f64)>,
    pub series: Vec<Series>,
    #[prop_or_default]
    pub shades: Vec<Shade>,
    /// A dashed vertical line, e.g. where the observed data end and the projection begins.
    #[prop_or_default]
    pub marker_x: Option<f64>,
    #[prop_or_default]
    pub marker_label: Option<AttrValue>,
}

const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 184.0;
const RIGHT: f64 = 10.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 34.0;
/// Focusable marks per series at most: more would be a long trip for a keyboard user, and the
/// data table holds every value.
pub const MOST_MARKS: usize = 25;

fn finite(points: &[(f64, f64)]) -> impl Iterator<Item = &(f64, f64)> {
    points
        .iter()
        .filter(|(x, y)| x.is_finite() && y.is_finite())
}

#[function_component(XyChart)]
pub fn xy_chart(props: &XyChartProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let all = || {
        props.series.iter().flat_map(|s| finite(&s.points)).chain(
            props
                .shades
                .iter()
                .flat_map(|b| finite(&b.upper).chain(finite(&b.lower))),
        )
    };
    let (x_min, x_max) = all().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), (x, _)| {
        (lo.min(*x), hi.max(*x))
    });
    let (x_min, x_max) = if x_min <= x_max {
        (x_min, x_max)
    } else {
        (0.0, 1.0)
    };
    let y_ticks = match props.y_range {
        Some((lo, hi)) => nice_ticks(lo, hi, 4),
        None => {
            let (lo, hi) = all().fold((0.0f64, f64::NEG_INFINITY), |(lo, hi), (_, y)| {
                (lo.min(*y), hi.max(*y))
            });
            nice_ticks(lo, if hi.is_finite() { hi } else { 1.0 }, 4)
        }
    };
    let y_lo = y_ticks.first().copied().unwrap_or(0.0);
    let y_hi = y_ticks.last().copied().unwrap_or(1.0);
    let y_text: Vec<String> = y_ticks
        .iter()
        .map(|&v| format(lang.tag(), props.y_style, v))
        .collect();
    // Room for the longest y label (about 5 px a character at the 9 px font size).
    let left = (y_text.iter().map(|t| t.chars().count()).max().unwrap_or(3) as f64 * 5.0 + 8.0)
        .clamp(24.0, 90.0);
    let xs = Scale {
        domain: (x_min, x_max),
        range: (left, WIDTH - RIGHT),
    };
    let ys = Scale {
        domain: (y_lo, y_hi),
        range: (HEIGHT - BOTTOM, TOP),
    };
    let to_px = |points: &[(f64, f64)]| -> Vec<(f64, f64)> {
        finite(points).map(|&(x, y)| (xs.at(x), ys.at(y))).collect()
    };
    // Periods are whole numbers: only whole ticks on x.
    let x_ticks: Vec<f64> = nice_ticks(x_min, x_max, 6)
        .into_iter()
        .filter(|t| t.fract() == 0.0 && *t >= x_min && *t <= x_max)
        .collect();
    let value_text = |v: f64| format(lang.tag(), props.y_style, v);
    // The drawing is one markup string: built by hand it is a fraction of the code the same
    // elements cost through `html!` (bundle size), and it is replaced whole when data change.
    let mut svg = String::with_capacity(4096);
    for (&t, label) in y_ticks.iter().zip(&y_text) {
        let y = ys.at(t);
        svg.push_str(&format!(
            r#"<g class="tick"><line x1="{}" x2="{}" y1="{y}" y2="{y}"/><text x="{}" y="{}" text-anchor="end">{}</text></g>"#,
            coord(left),
            coord(WIDTH - RIGHT),
            coord(left - 4.0),
            coord(y + 3.0),
            escape(label),
            y = coord(y),
        ));
    }
    for &t in &x_ticks {
        svg.push_str(&format!(
            r#"<text class="x-label" x="{}" y="{}" text-anchor="middle">{}</text>"#,
            coord(xs.at(t)),
            coord(HEIGHT - BOTTOM + 12.0),
            escape(&format(lang.tag(), Style::Count, t))
        ));
    }
    svg.push_str(&format!(
        r#"<text class="axis-name" x="{}" y="{}" text-anchor="middle">{}</text>"#,
        coord((left + WIDTH - RIGHT) / 2.0),
        coord(HEIGHT - 6.0),
        escape(&props.x_label)
    ));
    for b in &props.shades {
        svg.push_str(&format!(
            r#"<polygon class="shade {}" points="{}"/>"#,
            b.class,
            area(&to_px(&b.upper), &to_px(&b.lower))
        ));
    }
    if let Some(mx) = props.marker_x.filter(|x| x.is_finite()) {
        let x = xs.at(mx);
        svg.push_str(&format!(
            r#"<line class="marker" x1="{x}" x2="{x}" y1="{}" y2="{}"/>"#,
            coord(TOP),
            coord(HEIGHT - BOTTOM),
            x = coord(x),
        ));
    }
    for s in props.series.iter().filter(|s| s.line) {
        svg.push_str(&format!(
            r#"<polyline class="line {}" points="{}"/>"#,
            s.class,
            polyline(&to_px(&s.points))
        ));
    }
    for s in props.series.iter().filter(|s| s.marks) {
        let points: Vec<&(f64, f64)> = finite(&s.points).collect();
        svg.push_str(&format!(r#"<g class="marks {}">"#, s.class));
        for &&(x, y) in thinned(points.len(), MOST_MARKS)
            .into_iter()
            .filter_map(|i| points.get(i))
        {
            let tip = format!(
                "{} – {} {}: {}",
                s.label,
                props.x_label,
                format(lang.tag(), Style::Count, x),
                value_text(y)
            );
            svg.push_str(&format!(
                r#"<circle class="point" cx="{}" cy="{}" r="2.6" tabindex="0"><title>{}</title></circle>"#,
                coord(xs.at(x)),
                coord(ys.at(y)),
                escape(&tip)
            ));
        }
        svg.push_str("</g>");
    }
    let title_id = format!("{}-title", props.id);
    let desc_id = format!("{}-desc", props.id);
    html! {
        <figure class="xy-chart">
            <svg class="chart" viewBox={format!("0 0 {} {}", coord(WIDTH), coord(HEIGHT))} role="img"
                 aria-labelledby={format!("{title_id} {desc_id}")} id={props.id.clone()}>
                <title id={title_id}>{ props.title.clone() }</title>
                <desc id={desc_id}>{ props.desc.clone() }</desc>
                { Html::from_html_unchecked(AttrValue::from(svg)) }
            </svg>
            <figcaption>
                <ul class="legend">
                    { for props.series.iter().map(|s| html! {
                        <li><span class={classes!("swatch", s.class, (!s.line).then_some("dot"))} aria-hidden="true"></span>{ s.label.clone() }</li>
                    }) }
                    { for props.shades.iter().map(|b| html! {
                        <li><span class={classes!("swatch", "area", b.class)} aria-hidden="true"></span>{ b.label.clone() }</li>
                    }) }
                    if let (Some(_), Some(label)) = (props.marker_x, &props.marker_label) {
                        <li><span class="swatch marker" aria-hidden="true"></span>{ label.clone() }</li>
                    }
                </ul>
            </figcaption>
        </figure>
    }
}
