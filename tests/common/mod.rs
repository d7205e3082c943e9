//! What every component-test file needs: mount the app on a fresh element with empty storage,
//! and fire the DOM events a person's typing fires. Each test file declares `mod common;`.
#![allow(dead_code)] // each test file uses its own subset

use retention_widget::App;
use web_sys::{Element, Event, EventInit};

/// Mounts the whole app into a new `<div>` and waits for the first render. Storage is cleared
/// first: each test starts from the defaults, not from what an earlier test left there.
pub async fn mount() -> Element {
    let window = web_sys::window().unwrap();
    if let Ok(Some(storage)) = window.local_storage() {
        storage.clear().unwrap();
    }
    let document = window.document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    // The panels after the first mount one task later (see `App`).
    retention_widget::browser::next_task().await;
    yew::scheduler::flush().await;
    root
}

/// Dispatches a bubbling `kind` event (`input`, `change`) on `target` and waits for rendering.
pub async fn fire(target: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    target
        .dispatch_event(&Event::new_with_event_init_dict(kind, &init).unwrap())
        .unwrap();
    yew::scheduler::flush().await;
}
