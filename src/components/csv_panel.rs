//! The CSV panel: a pasted or dropped CSV in any of the three shapes becomes the period table
//! (period-table input fills it), or a cohort triangle with curves, revenue retention and
//! downloads. The reducer holds only the small inputs; what was read lives here, behind an `Rc`,
//! so a 50 MB file's triangle is never cloned on a keystroke elsewhere in the widget.

use std::cell::RefCell;
use std::rc::Rc;

use retention_core::series::RowInput;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::cohort_curves::CohortCurves;
use crate::components::cohort_heatmap::CohortHeatmap;
use crate::components::csv_input::CsvInput;
use crate::components::csv_options::CsvOptions;
use crate::components::csv_status::CsvStatus;
use crate::components::load_progress::LoadProgress;
use crate::components::revenue_retention::RevenueRetention;
use crate::components::triangle_export::TriangleExport;
use crate::components::warehouse_help::WarehouseHelp;
use crate::csv_load::{read_blob, read_text, Data, Failure, Outcome};
use crate::csv_state::{Basis, CellView, CsvAction, CsvInputs};
use crate::i18n::csv::{text, Key};
use crate::i18n::{fill, Lang};

#[derive(Properties, PartialEq)]
pub struct CsvPanelProps {
    pub inputs: CsvInputs,
    pub on_action: Callback<CsvAction>,
    /// Rows of a period-table CSV, for the period table.
    pub on_load_rows: Callback<Vec<RowInput>>,
}

/// A chosen file. Two choices are different even for the same file: reading again is the point.
#[derive(Clone)]
struct Source {
    file: web_sys::File,
    serial: u32,
}

impl PartialEq for Source {
    fn eq(&self, other: &Self) -> bool {
        self.serial == other.serial
    }
}

#[function_component(CsvPanel)]
pub fn csv_panel(props: &CsvPanelProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = |k| text(lang, k);
    let source = use_state(|| None::<Source>);
    let serial = use_mut_ref(|| 0u32);
    let file_outcome = use_state(Outcome::default);
    let progress = use_state(|| None::<(f64, f64)>);
    // Bumped to abandon a read in flight (cancel, another file, other options, unmount).
    let generation: Rc<RefCell<u32>> = use_mut_ref(|| 0u32);
    let options = props.inputs.read_options();

    let pasted = use_memo(
        (props.inputs.text.clone(), options.clone()),
        |(text, options)| read_text(text, options),
    );

    {
        let file_outcome = file_outcome.clone();
        let progress = progress.clone();
        let generation = generation.clone();
        use_effect_with(
            ((*source).clone(), options.clone()),
            move |(source, options)| {
                let mine = {
                    let mut g = generation.borrow_mut();
                    *g = g.wrapping_add(1);
                    *g
                };
                if let Some(src) = source.clone() {
                    file_outcome.set(Outcome::Nothing);
                    progress.set(Some((0.0, src.file.size())));
                    let options = options.clone();
                    let generation = generation.clone();
                    spawn_local(async move {
                        let alive = || *generation.borrow() == mine;
                        let result = read_blob(
                            src.file.into(),
                            options,
                            |done, total| {
                                if alive() {
                                    progress.set(Some((done, total)));
                                }
                            },
                            || !alive(),
                        )
                        .await;
                        if let (true, Some(outcome)) = (alive(), result) {
                            progress.set(None);
                            file_outcome.set(outcome);
                        }
                    });
                }
                let generation = generation.clone();
                move || {
                    let mut g = generation.borrow_mut();
                    *g = g.wrapping_add(1);
                }
            },
        );
    }

    let outcome = if source.is_some() {
        (*file_outcome).clone()
    } else {
        (*pasted).clone()
    };

    // A period table fills the widget's period table as soon as it is read.
    {
        let on_load_rows = props.on_load_rows.clone();
        use_effect_with(outcome.clone(), move |outcome| {
            if let Outcome::Loaded(l) = outcome {
                if let Data::Periods(rows) = &l.content {
                    on_load_rows.emit(rows.iter().map(|r| r.input.clone()).collect());
                }
            }
        });
    }

    let on_text = {
        let on_action = props.on_action.clone();
        let source = source.clone();
        Callback::from(move |text: Rc<str>| {
            if source.is_some() {
                source.set(None);
            }
            on_action.emit(CsvAction::SetText(text));
        })
    };
    let on_file = {
        let on_action = props.on_action.clone();
        let source = source.clone();
        let serial = serial.clone();
        Callback::from(move |file: web_sys::File| {
            let next = {
                let mut s = serial.borrow_mut();
                *s = s.wrapping_add(1);
                *s
            };
            on_action.emit(CsvAction::SetText(Rc::from("")));
            source.set(Some(Source { file, serial: next }));
        })
    };
    let on_cancel = {
        let generation = generation.clone();
        let progress = progress.clone();
        let file_outcome = file_outcome.clone();
        Callback::from(move |()| {
            {
                let mut g = generation.borrow_mut();
                *g = g.wrapping_add(1);
            }
            progress.set(None);
            file_outcome.set(Outcome::Cancelled);
        })
    };

    let (header, shape, mapping) = match &outcome {
        Outcome::Loaded(l) => (l.header.clone(), Some(l.shape), l.mapping.clone()),
        Outcome::Failed(f) => match &**f {
            Failure::Refused { header, .. } => (header.clone(), None, Vec::new()),
            _ => (Vec::new(), None, Vec::new()),
        },
        _ => (Vec::new(), None, Vec::new()),
    };
    let file_name = source.as_ref().map(|s| AttrValue::from(s.file.name()));
    let loaded = match &outcome {
        Outcome::Loaded(l) => Some(l.clone()),
        _ => None,
    };
    let triangle = loaded.as_ref().and_then(|l| l.triangle());
    let period_rows = loaded.as_ref().and_then(|l| match &l.content {
        Data::Periods(rows) => Some(rows.len()),
        Data::Cohorts(_) => None,
    });
    let i = &props.inputs;

    html! {
        <>
            <p class="help">{ t(Key::Intro) }</p>
            <CsvInput text={i.text.clone()} file_name={file_name.clone()} {on_text} {on_file} />
            if i.is_big_paste() {
                <p class="note">{ t(Key::BigPaste) }</p>
            }
            if let Some((done, total)) = *progress {
                <LoadProgress name={file_name.clone().unwrap_or_default()} {done} {total} {on_cancel} />
            }
            <CsvStatus outcome={outcome.clone()} on_action={props.on_action.clone()} />
            <CsvOptions inputs={i.clone()} {header} {shape} {mapping} on_action={props.on_action.clone()} />
            if let Some(n) = period_rows {
                <p class="note" id="csv-filled-table" role="status">
                    { fill(t(Key::FilledTable), &[("n", &n.to_string())]) }{ " " }
                    <a href="#panel-table">{ t(Key::GoToTable) }</a>
                </p>
            }
            if let Some(triangle) = triangle {
                { triangle_view(lang, i, triangle, &props.on_action) }
            }
            <WarehouseHelp />
        </>
    }
}

fn triangle_view(
    lang: Lang,
    i: &CsvInputs,
    triangle: Rc<retention_core::cohort::Triangle>,
    on_action: &Callback<CsvAction>,
) -> Html {
    let t = |k| text(lang, k);
    let can_later = triangle.unbounded_retention().is_ok();
    let unbounded = can_later && i.basis == Basis::Unbounded;
    let radio = |id: &'static str,
                 name: &'static str,
                 checked: bool,
                 disabled: bool,
                 label: Key,
                 action: CsvAction| {
        let on_action = on_action.clone();
        let onchange = Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if input.checked() {
                on_action.emit(action.clone());
            }
        });
        html! {
            <label class="radio" for={id}>
                <input type="radio" {id} {name} {checked} {disabled} {onchange} />
                { " " }{ t(label) }
            </label>
        }
    };
    let percent = i.view == CellView::Percent;
    html! {
        <section class="cohorts" aria-labelledby="cohorts-heading">
            <h3 id="cohorts-heading">{ t(Key::TriangleHeading) }</h3>
            <div class="csv-toggles">
                <fieldset>
                    <legend>{ t(Key::CellsLegend) }</legend>
                    { radio("csv-view-percent", "csv_view", percent, false, Key::ViewPercent, CsvAction::SetView(CellView::Percent)) }
                    { radio("csv-view-absolute", "csv_view", !percent, false, Key::ViewAbsolute, CsvAction::SetView(CellView::Absolute)) }
                </fieldset>
                <fieldset aria-describedby={(!can_later).then_some("csv-later-unavailable")}>
                    <legend>{ t(Key::BasisLegend) }</legend>
                    { radio("csv-basis-exact", "csv_basis", !unbounded, false, Key::BasisExact, CsvAction::SetBasis(Basis::Exact)) }
                    { radio("csv-basis-unbounded", "csv_basis", unbounded, !can_later, Key::BasisUnbounded, CsvAction::SetBasis(Basis::Unbounded)) }
                    if !can_later {
                        <p class="help" id="csv-later-unavailable">{ t(Key::LaterUnavailable) }</p>
                    }
                </fieldset>
            </div>
            <CohortHeatmap triangle={triangle.clone()} view={i.view} {unbounded} />
            <CohortCurves triangle={triangle.clone()} {unbounded} />
            <TriangleExport triangle={triangle.clone()} view={i.view} {unbounded} />
            <RevenueRetention {triangle} />
        </section>
    }
}
