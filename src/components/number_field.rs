//! The widget's one number field: a label (with an optional hint), the unit after the field, a
//! one-line explanation under it and its problem, announced through `aria-invalid` /
//! `aria-describedby`. Counts, money, percents and survivor lists all use it.

use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    /// The `name` attribute; also the base of the element ids.
    pub name: &'static str,
    pub label: AttrValue,
    /// A short suffix after the label, e.g. "optional".
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub value: AttrValue,
    /// The unit shown after the field ("%", "USD per month", "months").
    #[prop_or_default]
    pub unit: Option<AttrValue>,
    /// One line saying what the number is and where its default comes from.
    #[prop_or_default]
    pub help: Option<AttrValue>,
    /// Shown while the field is blank, e.g. the default a blank field stands for.
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// The problem with the current value, already in the visitor's language.
    #[prop_or_default]
    pub problem: Option<AttrValue>,
    /// `inputmode`: "decimal" unless told otherwise.
    #[prop_or(AttrValue::Static("decimal"))]
    pub inputmode: AttrValue,
    pub on_input: Callback<String>,
}

#[function_component(NumberField)]
pub fn number_field(props: &NumberFieldProps) -> Html {
    let id = format!("wi-{}", props.name);
    let help_id = format!("{id}-help");
    let message_id = format!("{id}-message");
    let oninput = {
        let on_input = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_input.emit(input.value());
        })
    };
    let invalid = props.problem.is_some();
    let described: Vec<&str> = [
        props.help.as_ref().map(|_| help_id.as_str()),
        invalid.then_some(message_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    html! {
        <div class={classes!("field", "number-field", invalid.then_some("invalid"))}>
            <label for={id.clone()}>
                { props.label.clone() }
                if let Some(hint) = &props.hint {
                    <span class="hint">{ format!(" ({hint})") }</span>
                }
            </label>
            <div class="with-unit">
                // type="text": a number input hides what was typed when it is not a number.
                <input id={id} name={props.name} type="text" inputmode={props.inputmode.clone()}
                       autocomplete="off" value={props.value.clone()} {oninput}
                       placeholder={props.placeholder.clone()}
                       aria-invalid={invalid.then_some("true")}
                       aria-describedby={(!described.is_empty()).then(|| described.join(" "))} />
                if let Some(unit) = &props.unit {
                    <span class="unit">{ unit.clone() }</span>
                }
            </div>
            if let Some(help) = &props.help {
                <p class="help field-help" id={help_id}>{ help.clone() }</p>
            }
            if let Some(problem) = &props.problem {
                <p class="message" id={message_id} role="alert">{ problem.clone() }</p>
            }
        </div>
    }
}
