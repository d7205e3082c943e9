//! Download buttons: the triangle as CSV (cells as shown: counts, or shares as fractions; cohort
//! labels defused against spreadsheet formulas by the core), the curves chart as SVG and as PNG.

use std::rc::Rc;

use retention_core::cohort::Triangle;
use retention_core::export::{triangle_csv, Figure};
use yew::prelude::*;

use crate::components::cohort_curves::CHART_ID;
use crate::csv_export::{download_png, download_svg, download_text};
use crate::csv_figures::{curves, x_labels};
use crate::csv_state::CellView;
use crate::i18n::csv::{text, Key};
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct TriangleExportProps {
    pub triangle: Rc<Triangle>,
    pub view: CellView,
    pub unbounded: bool,
}

#[function_component(TriangleExport)]
pub fn triangle_export(props: &TriangleExportProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = |k| text(lang, k);
    let failed = use_state(|| false);
    let figure = match (props.view, props.unbounded) {
        (CellView::Absolute, _) => Figure::Active,
        (CellView::Percent, false) => Figure::Retention,
        (CellView::Percent, true) => Figure::UnboundedRetention,
    };
    let on_csv = {
        let triangle = props.triangle.clone();
        let failed = failed.clone();
        Callback::from(move |_: MouseEvent| {
            let csv = triangle_csv(&triangle, figure, true, &crate::format::raw);
            failed.set(!download_text(
                &csv,
                "text/csv;charset=utf-8",
                "cohort-triangle.csv",
            ));
        })
    };
    let on_svg = {
        let failed = failed.clone();
        Callback::from(move |_: MouseEvent| {
            failed.set(!download_svg(CHART_ID, "retention-curves.svg"));
        })
    };
    let on_png = {
        let triangle = props.triangle.clone();
        let unbounded = props.unbounded;
        let failed = failed.clone();
        Callback::from(move |_: MouseEvent| {
            let c = curves(&triangle, unbounded);
            failed.set(!download_png(
                &c,
                &x_labels(c.periods),
                "retention-curves.png",
            ));
        })
    };
    html! {
        <div class="csv-export">
            <button type="button" id="csv-export-csv" onclick={on_csv}>{ t(Key::ExportCsv) }</button>
            <button type="button" id="csv-export-svg" onclick={on_svg}>{ t(Key::ExportSvg) }</button>
            <button type="button" id="csv-export-png" onclick={on_png}>{ t(Key::ExportPng) }</button>
            if *failed {
                <p class="message" role="alert">{ t(Key::ExportFailed) }</p>
            }
        </div>
    }
}
