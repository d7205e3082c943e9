//! Downloads made in the page: the triangle as CSV, the curves chart as SVG and as PNG. Each is a
//! `Blob` behind an object URL that an `<a download>` is clicked on; nothing leaves the browser.
//!
//! The PNG is drawn on a canvas from the same curve coordinates as the SVG, not by loading the
//! SVG into an `<img>`: a `blob:` image is refused under the strict policy the widget runs under
//! (`img-src` falls back to `default-src 'self'`), while canvas drawing needs no resource at all.

use js_sys::Array;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Blob, BlobPropertyBag, CanvasRenderingContext2d, HtmlAnchorElement, HtmlCanvasElement, Url,
};

use crate::csv_figures::{y_of, Curves, CHART_BOTTOM, CHART_H, CHART_LEFT, CHART_RIGHT, CHART_W};

/// Saves `blob` as `name` through a temporary link.
fn save_blob(blob: &Blob, name: &str) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(JsValue::NULL)?;
    let url = Url::create_object_url_with_blob(blob)?;
    let a: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // The click starts the download synchronously from the URL; it can be revoked at once…
    // except that some browsers read it a moment later, so revoke on the next turn.
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000);
    }
    Ok(())
}

/// Saves `text` as a file of the given MIME type. `false` when the browser refused.
pub fn download_text(text: &str, mime: &str, name: &str) -> bool {
    let parts = Array::of1(&JsValue::from_str(text));
    let bag = BlobPropertyBag::new();
    bag.set_type(mime);
    Blob::new_with_str_sequence_and_options(&parts, &bag)
        .and_then(|blob| save_blob(&blob, name))
        .is_ok()
}

/// The SVG element with the given id as a standalone file.
pub fn download_svg(element_id: &str, name: &str) -> bool {
    let Some(svg) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(element_id))
    else {
        return false;
    };
    let mut markup = svg.outer_html();
    // An SVG inside HTML needs no namespace declaration; a file on its own does.
    if !markup.contains("xmlns=") {
        markup = markup.replacen("<svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"", 1);
    }
    download_text(
        &format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{markup}"),
        "image/svg+xml",
        name,
    )
}

/// Pixels per chart unit in the PNG.
const SCALE: f64 = 2.0;

fn draw(ctx: &CanvasRenderingContext2d, curves: &Curves, x_labels: &[(f64, String)]) {
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, CHART_W, CHART_H);
    ctx.set_line_width(1.0);
    ctx.set_stroke_style_str("#d5dbe2");
    ctx.set_fill_style_str("#55606d");
    ctx.set_font("9px sans-serif");
    ctx.set_text_align("end");
    for t in [0.0, 0.25, 0.5, 0.75, 1.0] {
        let y = y_of(t);
        ctx.begin_path();
        ctx.move_to(CHART_LEFT, y);
        ctx.line_to(CHART_W - CHART_RIGHT, y);
        ctx.stroke();
        let _ = ctx.fill_text(
            &format!("{} %", (t * 100.0).round() as i64),
            CHART_LEFT - 4.0,
            y + 3.0,
        );
    }
    ctx.set_text_align("center");
    for (x, label) in x_labels {
        let _ = ctx.fill_text(label, *x, CHART_H - CHART_BOTTOM + 14.0);
    }
    let line = |points: &[(f64, f64)]| {
        ctx.begin_path();
        for (i, &(x, y)) in points.iter().enumerate() {
            if i == 0 {
                ctx.move_to(x, y);
            } else {
                ctx.line_to(x, y);
            }
        }
        ctx.stroke();
    };
    ctx.set_stroke_style_str("#0b5cad");
    ctx.set_global_alpha(0.25);
    for cohort in &curves.cohorts {
        line(cohort);
    }
    ctx.set_global_alpha(1.0);
    ctx.set_line_width(3.0);
    line(&curves.average);
}

/// Draws the curves on a canvas and saves it as PNG. `false` when the browser has no canvas.
pub fn download_png(curves: &Curves, x_labels: &[(f64, String)], name: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(canvas) = document
        .create_element("canvas")
        .ok()
        .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
    else {
        return false;
    };
    canvas.set_width((CHART_W * SCALE) as u32);
    canvas.set_height((CHART_H * SCALE) as u32);
    let Some(ctx) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
    else {
        return false;
    };
    let _ = ctx.scale(SCALE, SCALE);
    draw(&ctx, curves, x_labels);
    let name = name.to_owned();
    let done = Closure::once_into_js(move |blob: JsValue| {
        if let Ok(blob) = blob.dyn_into::<Blob>() {
            let _ = save_blob(&blob, &name);
        }
    });
    canvas.to_blob(done.unchecked_ref()).is_ok()
}
