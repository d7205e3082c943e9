//! The retention calculator widget (placeholder until the app lands).
use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    html! { <main></main> }
}
