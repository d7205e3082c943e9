//! A labelled text field for a customer count, with its problem shown next to it and announced
//! through `aria-invalid` / `aria-describedby`.

use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CountFieldProps {
    /// The `name` attribute; also the base of the element ids.
    pub name: &'static str,
    pub label: AttrValue,
    pub value: AttrValue,
    /// The problem with the current value, already in the visitor's language.
    #[prop_or_default]
    pub problem: Option<AttrValue>,
    /// A short suffix after the label, e.g. "optional".
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub on_input: Callback<String>,
}

#[function_component(CountField)]
pub fn count_field(props: &CountFieldProps) -> Html {
    let id = format!("field-{}", props.name);
    let message_id = format!("{id}-message");
    let oninput = {
        let on_input = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_input.emit(input.value());
        })
    };
    let invalid = props.problem.is_some();
    html! {
        <div class={classes!("field", invalid.then_some("invalid"))}>
            <label for={id.clone()}>
                { props.label.clone() }
                if let Some(hint) = &props.hint {
                    <span class="hint">{ format!(" ({hint})") }</span>
                }
            </label>
            // type="text": a number input hides what was typed when it is not a number, and
            // then nothing could tell the visitor what is wrong with it.
            <input id={id} name={props.name} type="text" inputmode="numeric" autocomplete="off"
                   value={props.value.clone()} {oninput}
                   aria-invalid={invalid.then_some("true")}
                   aria-describedby={invalid.then(|| message_id.clone())} />
            if let Some(problem) = &props.problem {
                <p class="message" id={message_id} role="alert">{ problem.clone() }</p>
            }
        </div>
    }
}
