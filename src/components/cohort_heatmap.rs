//! The cohort triangle as a heatmap table: one row per cohort (label and size), one column per
//! period since its start. Each cell carries both the count (`cohort_active`) and the share
//! (`cohort_retention_k`), one shown and the other hidden, so the public contract holds in either
//! view. Colour comes from ten CSS classes by share (no inline style under the strict CSP); the
//! newest, unfinished period of each cohort is marked by a class and in words.

use std::rc::Rc;

use retention_core::cohort::Triangle;
use yew::prelude::*;

use crate::components::metric::MetricValue;
use crate::csv_figures::heat_bucket;
use crate::csv_state::CellView;
use crate::format::Style;
use crate::i18n::csv::{text, Key};
use crate::i18n::{fill, Lang};

/// The most cohorts and periods drawn; a bigger triangle (weekly cohorts over years) is cut, and
/// the CSV export still has all of it.
pub const MAX_ROWS: usize = 160;
pub const MAX_COLUMNS: usize = 160;

#[derive(Properties, PartialEq)]
pub struct CohortHeatmapProps {
    pub triangle: Rc<Triangle>,
    pub view: CellView,
    /// Show "active in k or later" (only passed when the triangle has it).
    pub unbounded: bool,
}

#[function_component(CohortHeatmap)]
pub fn cohort_heatmap(props: &CohortHeatmapProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = |k| text(lang, k);
    let tri = &props.triangle;
    let periods = tri.periods().min(MAX_COLUMNS);
    let exact = tri.retention();
    let later = if props.unbounded {
        tri.unbounded_retention().ok()
    } else {
        None
    };
    let percent = props.view == CellView::Percent;
    let cut = tri.cohorts.len() > MAX_ROWS || tri.periods() > MAX_COLUMNS;
    let unfinished = t(Key::Unfinished);
    let rows = tri
        .cohorts
        .iter()
        .zip(&exact)
        .enumerate()
        .take(MAX_ROWS)
        .map(|(i, (c, rates))| {
            let label = AttrValue::from(c.label.clone());
            let later_rates = later.as_ref().and_then(|l| l.get(i));
            let cells = (0..periods).map(|k| {
                let Some(&active) = c.active.get(k) else {
                    return html! { <td class="empty"></td> };
                };
                let rate = rates.get(k).copied().flatten();
                let later_rate = later_rates.and_then(|r| r.get(k)).copied().flatten();
                let later_count = c.active_or_later.as_ref().and_then(|a| a.get(k)).map(|&n| n as f64);
                let shown_rate = if later.is_some() { later_rate } else { rate };
                let open = k >= c.finished_len();
                let class = classes!(
                    "heat",
                    format!("h{}", heat_bucket(shown_rate.unwrap_or(0.0))),
                    open.then_some("unfinished")
                );
                let count = |name: &'static str, v: Option<f64>| html! {
                    <MetricValue {name} value={v} style={Style::Count} cohort={label.clone()} period={k} />
                };
                let share = |name: &'static str, v: Option<f64>| html! {
                    <MetricValue {name} value={v} style={Style::Percent} cohort={label.clone()} period={k} />
                };
                let (exact_shown, exact_hidden) = if percent {
                    (share("cohort_retention_k", rate), count("cohort_active", Some(active as f64)))
                } else {
                    (count("cohort_active", Some(active as f64)), share("cohort_retention_k", rate))
                };
                html! {
                    <td {class} title={open.then(|| unfinished.to_owned())}>
                        if later.is_some() {
                            if percent { { share("cohort_retention_unbounded_k", later_rate) } }
                            else { { count("cohort_active_or_later", later_count) } }
                            <span hidden=true>{ exact_shown }{ exact_hidden }</span>
                        } else {
                            { exact_shown }
                            <span hidden=true>{ exact_hidden }</span>
                        }
                        if open {
                            <span class="visually-hidden">{ format!(" ({unfinished})") }</span>
                        }
                    </td>
                }
            });
            html! {
                <tr key={i}>
                    <th scope="row">{ c.label.clone() }</th>
                    <td class="num size">
                        <MetricValue name="cohort_size" value={Some(c.size as f64)} style={Style::Count}
                                     cohort={label.clone()} />
                    </td>
                    { for cells }
                </tr>
            }
        });
    let caption = match (percent, props.unbounded) {
        (true, false) => t(Key::CaptionPercent),
        (true, true) => t(Key::CaptionPercentLater),
        (false, false) => t(Key::CaptionAbsolute),
        (false, true) => t(Key::CaptionAbsoluteLater),
    };
    html! {
        <div class="table-scroll heatmap-scroll">
            <table class="heatmap" id="cohort-heatmap">
                <caption>{ caption }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t(Key::ColCohort) }</th>
                        <th scope="col">{ t(Key::ColSize) }</th>
                        { for (0..periods).map(|k| html! { <th scope="col" class="num">{ k.to_string() }</th> }) }
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
            if cut {
                <p class="note">{ fill(t(Key::TriangleCut), &[
                    ("rows", &MAX_ROWS.min(tri.cohorts.len()).to_string()),
                    ("columns", &periods.to_string()),
                ]) }</p>
            }
            <p class="help"><span class="legend-unfinished"></span>{ t(Key::UnfinishedLegend) }</p>
        </div>
    }
}
