//! A file being read: a progress bar with the percent read and a Cancel button.

use yew::prelude::*;

use crate::components::metric::MetricValue;
use crate::format::Style;
use crate::i18n::csv::{text, Key};
use crate::i18n::{fill, Lang};

#[derive(Properties, PartialEq)]
pub struct LoadProgressProps {
    pub name: AttrValue,
    pub done: f64,
    pub total: f64,
    pub on_cancel: Callback<()>,
}

#[function_component(LoadProgress)]
pub fn load_progress(props: &LoadProgressProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = |k| text(lang, k);
    let fraction = if props.total > 0.0 {
        (props.done / props.total).clamp(0.0, 1.0)
    } else {
        0.0
    };
    html! {
        <div class="csv-progress" id="csv-progress">
            <label for="csv-progress-bar">{ fill(t(Key::Reading), &[("name", &props.name)]) }</label>
            <div class="csv-progress-row">
                <progress id="csv-progress-bar" max="1" value={crate::format::raw(fraction)}></progress>
                <MetricValue name="load_progress" value={Some(fraction)} style={Style::Percent} />
                <button type="button" id="csv-cancel" onclick={props.on_cancel.reform(|_| ())}>
                    { t(Key::Cancel) }
                </button>
            </div>
        </div>
    }
}
