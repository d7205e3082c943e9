//! The widget's side of the embedding protocol (the host's side is `static/embed.js`).
//!
//! On start the widget tells its parent `{type: "retention-widget:ready"}` (it carries nothing
//! else), since the host's first hello may arrive before the wasm is running. The host script
//! answers, and also says on the frame's load, `{type: "retention-widget:hello"}`. Only a message from
//! `window.parent` with exactly that shape is accepted, and its origin becomes the one origin the
//! widget ever posts to: `{type: "retention-widget:height", height}` whenever the page's height
//! changes, and `{type: "retention-widget:results", metrics: {name: value}}` after each change of
//! results. Without the handshake the widget posts nothing.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

pub const READY: &str = "retention-widget:ready";
pub const HELLO: &str = "retention-widget:hello";
pub const HEIGHT: &str = "retention-widget:height";
pub const RESULTS: &str = "retention-widget:results";

/// The host that said hello, and the listeners kept alive for the page's lifetime.
#[derive(Default)]
pub struct Embedding {
    host_origin: Rc<RefCell<Option<String>>>,
}

fn message(kind: &str, key: &str, value: &JsValue) -> JsValue {
    let o = Object::new();
    let _ = Reflect::set(&o, &"type".into(), &kind.into());
    let _ = Reflect::set(&o, &key.into(), value);
    o.into()
}

fn document_height() -> Option<f64> {
    let doc = web_sys::window()?.document()?;
    let root = doc.document_element()?;
    Some(f64::from(root.scroll_height()))
}

impl Embedding {
    /// Listens for the host's hello and watches the page's height. Call once.
    pub fn start() -> Embedding {
        let embedding = Embedding::default();
        let Some(window) = web_sys::window() else {
            return embedding;
        };
        let parent_is_self = window
            .parent()
            .ok()
            .flatten()
            .is_none_or(|p| JsValue::from(p) == JsValue::from(window.clone()));
        if parent_is_self {
            return embedding;
        }
        let origin = embedding.host_origin.clone();
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                let from_parent = match (
                    e.source(),
                    web_sys::window().and_then(|w| w.parent().ok().flatten()),
                ) {
                    (Some(source), Some(parent)) => JsValue::from(source) == JsValue::from(parent),
                    _ => false,
                };
                let data = e.data();
                let is_hello = data.is_object()
                    && Reflect::get(&data, &"type".into())
                        .ok()
                        .and_then(|t| t.as_string())
                        .as_deref()
                        == Some(HELLO);
                if from_parent && is_hello {
                    *origin.borrow_mut() = Some(e.origin());
                    post_height(&origin);
                }
            });
        let _ =
            window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
        on_message.forget();
        let origin = embedding.host_origin.clone();
        let on_resize = Closure::<dyn Fn()>::new(move || post_height(&origin));
        if let (Ok(observer), Some(root)) = (
            web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()),
            window.document().and_then(|d| d.document_element()),
        ) {
            observer.observe(&root);
        }
        on_resize.forget();
        post("*", &message(READY, "version", &1.into()));
        embedding
    }

    /// Posts every `[data-metric][data-value]` on the page to the host, if one said hello.
    pub fn post_results(&self) {
        let Some(target) = self.host_origin.borrow().clone() else {
            return;
        };
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let metrics = Object::new();
        if let Ok(list) = doc.query_selector_all("[data-metric][data-value]") {
            for i in 0..list.length() {
                let Some(el) = list
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                else {
                    continue;
                };
                let (Some(name), Some(value)) = (
                    el.get_attribute("data-metric"),
                    el.get_attribute("data-value"),
                ) else {
                    continue;
                };
                // Per-period metrics are keyed name@period so that rows do not overwrite each other.
                let key = match el.get_attribute("data-period") {
                    Some(p) => format!("{name}@{p}"),
                    None => name,
                };
                // Parsed by the browser (`parseFloat`): Rust's float parser is ~10 KB of wasm.
                let v = js_sys::Number::parse_float(&value);
                if !v.is_nan() {
                    let _ = Reflect::set(&metrics, &key.into(), &v.into());
                }
            }
        }
        post(&target, &message(RESULTS, "metrics", &metrics.into()));
    }
}

fn post(target_origin: &str, msg: &JsValue) {
    if let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) {
        // A host with an opaque origin (a sandboxed or file page) can only be reached with "*".
        let target = if target_origin == "null" {
            "*"
        } else {
            target_origin
        };
        let _ = parent.post_message(msg, target);
    }
}

fn post_height(origin: &Rc<RefCell<Option<String>>>) {
    let Some(target) = origin.borrow().clone() else {
        return;
    };
    if let Some(h) = document_height() {
        post(&target, &message(HEIGHT, "height", &h.into()));
    }
}
