//! Notes about how the page was opened: a link that could not be read, or URL settings that were
//! ignored. Shown on the page (the widget never relies on the console to tell anyone anything).

use yew::prelude::*;

use crate::i18n::tools::{text, Key};
use crate::i18n::{fill, Lang};
use crate::settings::{Ignored, IgnoredReason};
use crate::startup::Origin;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub lang: Lang,
    pub origin: Origin,
    pub ignored: Vec<Ignored>,
}

/// Longest value echoed back: a hostile URL must not fill the page.
const ECHO_LIMIT: usize = 40;

fn short(text: &str) -> String {
    let mut out: String = text.chars().take(ECHO_LIMIT).collect();
    if text.chars().count() > ECHO_LIMIT {
        out.push('…');
    }
    out
}

#[function_component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    let t = |k| text(props.lang, k);
    let broken = match &props.origin {
        Origin::BrokenLink(e) => Some(fill(t(Key::BrokenLink), &[("reason", &e.to_string())])),
        Origin::Link => Some(t(Key::Restored).to_owned()),
        _ => None,
    };
    html! {
        <>
            if let Some(message) = broken {
                <p class="note" id="link-status" role="status">{ message }</p>
            }
            if !props.ignored.is_empty() {
                <div class="note" id="ignored-params" role="status">
                    <p>{ t(Key::IgnoredHeading) }</p>
                    <ul>
                        { for props.ignored.iter().map(|i| {
                            let template = match i.reason {
                                IgnoredReason::Unknown => t(Key::IgnoredUnknown),
                                IgnoredReason::Malformed => t(Key::IgnoredMalformed),
                            };
                            html! { <li>{ fill(template, &[("name", &short(&i.name)), ("value", &short(&i.value))]) }</li> }
                        }) }
                    </ul>
                </div>
            }
        </>
    }
}
