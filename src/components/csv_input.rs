//! Where a CSV comes in: a paste area, a file picker (also the keyboard path to a file) and a
//! labelled drop zone around both that takes a file dragged onto it.

use std::rc::Rc;

use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::i18n::csv::{text, Key};
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct CsvInputProps {
    pub text: Rc<str>,
    /// The chosen file's name, while its data is shown.
    #[prop_or_default]
    pub file_name: Option<AttrValue>,
    pub on_text: Callback<Rc<str>>,
    pub on_file: Callback<web_sys::File>,
}

#[function_component(CsvInput)]
pub fn csv_input(props: &CsvInputProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = |k| text(lang, k);
    let dragging = use_state(|| false);
    let oninput = {
        let on_text = props.on_text.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            on_text.emit(Rc::from(area.value()));
        })
    };
    let onchange = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                on_file.emit(file);
            }
            // Choosing the same file again must read it again (e.g. after editing it).
            input.set_value("");
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            // Without this the browser would open the file instead of dropping it here.
            e.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let dragging = dragging.clone();
        let on_file = props.on_file.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                on_file.emit(file);
            }
        })
    };
    html! {
        <div class={classes!("csv-drop", dragging.then_some("dragging"))} role="group"
             aria-labelledby="csv-drop-label" {ondragover} {ondragleave} {ondrop}>
            <p id="csv-drop-label" class="csv-drop-label">{ t(Key::DropZone) }</p>
            <div class="field">
                <label for="csv-paste">{ t(Key::PasteLabel) }</label>
                <textarea id="csv-paste" name="csv" rows="6" spellcheck="false" autocomplete="off"
                          placeholder={t(Key::PastePlaceholder)} aria-describedby="csv-paste-help"
                          value={AttrValue::from(props.text.clone())} {oninput} />
                <p class="help" id="csv-paste-help">{ t(Key::PasteHelp) }</p>
            </div>
            <div class="field inline csv-file">
                <label for="csv-file">{ t(Key::FileLabel) }</label>
                <input id="csv-file" type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" {onchange} />
                if let Some(name) = &props.file_name {
                    <span class="csv-file-name">{ name.clone() }</span>
                }
            </div>
        </div>
    }
}
