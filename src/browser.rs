//! The widget's only contact with the browser beyond rendering: local storage, the URL, the
//! visitor's languages, the clipboard and the `<html>` element's theme. Every call tolerates what
//! an embedding can take away: in a sandboxed cross-origin iframe `localStorage` throws, the
//! clipboard may be refused, and there may be no `window` at all (tests on the host).

use wasm_bindgen::JsCast;

/// Where the state is kept between visits.
const STORAGE_KEY: &str = "retention-widget:v1";

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// `location.search`, e.g. `?start=20`; empty where there is none.
pub fn query() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// `location.hash` without the `#`.
pub fn fragment() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_owned())
        .unwrap_or_default()
}

/// The page's address without its fragment, to build a shared link on.
pub fn address_without_fragment() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_owned())
        .unwrap_or_default()
}

/// `navigator.languages`, most preferred first.
pub fn languages() -> Vec<String> {
    window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Local storage, or `None` where it is unavailable or throws (sandboxed iframes, privacy modes).
fn storage() -> Option<web_sys::Storage> {
    window().and_then(|w| w.local_storage().ok().flatten())
}

pub fn load_saved() -> Option<String> {
    storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
}

/// Saves `value`; a full or refused storage only means no persistence, never an error shown.
pub fn save(value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(STORAGE_KEY, value);
    }
}

/// Runs `save` when the page is hidden or unloaded (`pagehide`, and `visibilitychange` to
/// hidden), for as long as the returned guard lives. The state effect saves after each render,
/// but Yew's scheduler yields to the browser after 16 ms of rendering, so a reload right after a
/// keystroke can come before that effect; the reducer state itself is already current then.
pub struct SaveOnHide {
    listener: wasm_bindgen::closure::Closure<dyn Fn()>,
}

impl SaveOnHide {
    pub fn new(save: impl Fn() + 'static) -> Self {
        // Saving on the way back to visible too is harmless: it writes the same text.
        let listener = wasm_bindgen::closure::Closure::<dyn Fn()>::new(save);
        if let Some(w) = window() {
            let f = listener.as_ref().unchecked_ref();
            let _ = w.add_event_listener_with_callback("pagehide", f);
            if let Some(d) = w.document() {
                let _ = d.add_event_listener_with_callback("visibilitychange", f);
            }
        }
        Self { listener }
    }
}

impl Drop for SaveOnHide {
    fn drop(&mut self) {
        if let Some(w) = window() {
            let f = self.listener.as_ref().unchecked_ref();
            let _ = w.remove_event_listener_with_callback("pagehide", f);
            if let Some(d) = w.document() {
                let _ = d.remove_event_listener_with_callback("visibilitychange", f);
            }
        }
    }
}

pub fn forget_saved() {
    if let Some(s) = storage() {
        let _ = s.remove_item(STORAGE_KEY);
    }
}

/// Removes the fragment from the address bar once its state is loaded, so a reload after editing
/// shows the edits (from storage) rather than the link's original state.
pub fn clear_fragment() {
    if let Some(w) = window() {
        if let (Ok(history), Ok(href)) = (w.history(), w.location().href()) {
            let clean = href.split('#').next().unwrap_or_default().to_owned();
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&clean));
        }
    }
}

/// Writes `text` to the clipboard; the promise's outcome is not awaited because the link is also
/// shown in a field the visitor can copy from by hand.
pub fn copy_to_clipboard(text: &str) {
    if let Some(w) = window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

/// Applies the theme and accent to `<html>`: `data-theme` for the stylesheet, and the accent as a
/// CSS custom property set through the CSSOM, which a strict `style-src 'self'` policy allows
/// (an inline `style` attribute would be refused).
pub fn apply_theme(theme: &str, accent: Option<&str>) {
    let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let _ = root.set_attribute("data-theme", theme);
    let style = root.style();
    match accent {
        Some(colour) => {
            let _ = style.set_property("--accent", colour);
        }
        None => {
            let _ = style.remove_property("--accent");
        }
    }
}

/// Sets `<html lang dir>` so screen readers, fonts and bidi follow the widget's language.
pub fn apply_language(tag: &str, rtl: bool) {
    if let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", tag);
        let _ = root.set_attribute("dir", if rtl { "rtl" } else { "ltr" });
    }
}

/// Gives the event loop a turn (a `setTimeout(0)`), so the browser can paint and handle input
/// before the caller goes on.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let scheduled = window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .ok()
        });
        if scheduled.is_none() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
