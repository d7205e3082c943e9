//! The toolbar: language menu, "Copy link" (with the link shown for copying by hand where the
//! clipboard is refused), "Reset", and the embed snippet.

use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::i18n::tools::{text, Key};
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub lang: Lang,
    /// The shared link after "Copy link", and whether the table and the pasted data were left
    /// out of it.
    pub link: Option<(String, bool, bool)>,
    /// The address the widget is served from, for the embed snippet.
    pub widget_address: AttrValue,
    pub on_lang: Callback<Lang>,
    pub on_copy_link: Callback<()>,
    pub on_reset: Callback<()>,
}

#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let t = |k| text(props.lang, k);
    let on_lang = {
        let cb = props.on_lang.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(lang) = Lang::from_tag(&select.value()) {
                cb.emit(lang);
            }
        })
    };
    let select_all = Callback::from(|e: FocusEvent| {
        let area: HtmlTextAreaElement = e.target_unchecked_into();
        area.select();
    });
    html! {
        <div class="toolbar">
            <div class="field inline">
                <label for="lang-select">{ t(Key::Language) }</label>
                <select id="lang-select" name="lang" onchange={on_lang}>
                    { for Lang::ALL.iter().map(|&l| html! {
                        <option value={l.tag()} lang={l.tag()} selected={l == props.lang}>
                            { l.native_name() }
                        </option>
                    }) }
                </select>
            </div>
            <button type="button" id="copy-link" onclick={props.on_copy_link.reform(|_| ())}>
                { t(Key::CopyLink) }
            </button>
            <button type="button" id="reset" onclick={props.on_reset.reform(|_| ())}>
                { t(Key::Reset) }
            </button>
            if let Some((link, table_left_out, paste_left_out)) = &props.link {
                <div class="share" role="status">
                    <p>{ t(Key::LinkCopied) }</p>
                    <label for="share-link">{ t(Key::LinkLabel) }</label>
                    <textarea id="share-link" readonly=true rows="2" onfocus={select_all.clone()}
                              value={link.clone()} />
                    if *table_left_out {
                        <p class="note">{ t(Key::LinkTableLeftOut) }</p>
                    }
                    if *paste_left_out {
                        <p class="note">{ t(Key::LinkPasteLeftOut) }</p>
                    }
                </div>
            }
            <details class="embed">
                <summary>{ t(Key::Embed) }</summary>
                <p class="help">{ t(Key::EmbedHelp) }</p>
                <label for="embed-code">{ t(Key::EmbedSnippet) }</label>
                <textarea id="embed-code" readonly=true rows="5" onfocus={select_all}
                          value={embed_snippet(&props.widget_address)} />
                <p class="help">{ t(Key::EmbedHostScript) }</p>
            </details>
        </div>
    }
}

/// The snippet a host pastes: a lazy, sandboxed iframe and the optional resize script.
/// `allow-scripts` runs the widget; `allow-downloads` lets exports save files.
pub fn embed_snippet(address: &str) -> String {
    let base = address.split(['?', '#']).next().unwrap_or_default();
    let base = base.strip_suffix("index.html").unwrap_or(base);
    format!(
        "<iframe src=\"{base}\" title=\"Customer retention calculator\" loading=\"lazy\" \
         sandbox=\"allow-scripts allow-downloads\" data-retention-widget \
         style=\"width:100%;height:900px;border:0\"></iframe>\n\
         <script src=\"{base}embed.js\" async></script>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_points_at_the_widget_folder() {
        let s = embed_snippet("https://example.org/tools/retention/index.html?start=1#v=1");
        assert!(s.contains("src=\"https://example.org/tools/retention/\""));
        assert!(s.contains("src=\"https://example.org/tools/retention/embed.js\""));
        assert!(s.contains("sandbox=\"allow-scripts allow-downloads\""));
        assert!(s.contains("loading=\"lazy\""));
        assert!(s.contains("title="));
    }
}
