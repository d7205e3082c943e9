//! The retention-model panel: one cohort's survival counts (typed, or derived from the period
//! table when it is a single cohort), the three fitted models with the one chosen by BIC, every
//! data problem as a message next to the constant-churn fallback (never a silent garbage fit),
//! and the fitted and projected survival with its uncertainty band.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::model_table::{model_key, ModelTable};
use crate::components::number_field::NumberField;
use crate::components::survival_chart::SurvivalChart;
use crate::i18n::whatif::{text, Key};
use crate::i18n::{fill, Lang};
use crate::whatif_derive::{ModelOutcome, SurvivorsProblem};
use crate::whatif_messages;
use crate::whatif_state::{InputField, SurvivorsSource, WhatIfAction};

#[derive(Properties, PartialEq)]
pub struct ModelPanelProps {
    /// The `survivors` field as typed.
    pub survivors: AttrValue,
    pub source: SurvivorsSource,
    pub model: Rc<Result<ModelOutcome, SurvivorsProblem>>,
    pub on_action: Callback<WhatIfAction>,
}

#[function_component(ModelPanel)]
pub fn model_panel(props: &ModelPanelProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = |k| text(lang, k);
    let outcome = props.model.as_ref().as_ref().ok();
    let problem = props.model.as_ref().as_ref().err().copied();
    let typed_problem = problem
        .filter(|_| props.source == SurvivorsSource::Typed)
        .map(|p| AttrValue::from(whatif_messages::survivors_problem(lang, p)));
    let table_problem = problem
        .filter(|_| props.source == SurvivorsSource::Table)
        .map(|p| whatif_messages::survivors_problem(lang, p));
    let on_source = |src: SurvivorsSource| {
        props
            .on_action
            .reform(move |_: Event| WhatIfAction::SetSurvivorsSource(src))
    };
    let on_input = props
        .on_action
        .reform(|v| WhatIfAction::Set(InputField::Survivors, v));
    let report = outcome.map(|o| &o.report);
    let chosen = report.and_then(|r| r.chosen);
    html! {
        <div class="model">
            <fieldset class="group">
                <legend>{ t(Key::SurvivorsLegend) }</legend>
                <div class="radios">
                    <label class="radio">
                        <input type="radio" name="survivors_source" value="typed"
                               checked={props.source == SurvivorsSource::Typed}
                               onchange={on_source(SurvivorsSource::Typed)} />
                        { t(Key::SurvivorsTyped) }
                    </label>
                    <label class="radio">
                        <input type="radio" name="survivors_source" value="table"
                               checked={props.source == SurvivorsSource::Table}
                               onchange={on_source(SurvivorsSource::Table)} />
                        { t(Key::SurvivorsTable) }
                    </label>
                </div>
                <NumberField name="survivors" label={t(Key::SurvivorsLabel)} value={props.survivors.clone()}
                             help={AttrValue::from(t(Key::SurvivorsHelp))} problem={typed_problem}
                             inputmode="text" on_input={on_input} />
                if let Some(message) = table_problem {
                    <p class="note" role="status">{ message }</p>
                }
            </fieldset>
            <div class="results model-results" aria-live="polite">
                if let Some(r) = report {
                    if !r.problems.is_empty() {
                        <div class="note problems" role="status">
                            <ul>
                                { for r.problems.iter().map(|p| html! {
                                    <li>{ whatif_messages::data_problem(lang, *p) }</li>
                                }) }
                            </ul>
                            <p>{ t(Key::FallbackNote) }</p>
                        </div>
                    }
                }
                <p class="chosen-model">
                    { t(Key::ChosenModel) }{ " " }
                    <strong data-model={chosen.map(|k| match k {
                        retention_core::model::ModelKind::Constant => "constant",
                        retention_core::model::ModelKind::Sbg => "sbg",
                        retention_core::model::ModelKind::Bdw => "bdw",
                    })}>
                        { chosen.map(|k| t(model_key(k))).unwrap_or("—") }
                    </strong>
                </p>
                <ModelTable report={report.cloned()} />
                <p class="help">{ t(Key::BicHelp) }</p>
                if let Some(o) = outcome {
                    if let (Some(kind), Some(curve)) = (chosen, o.chosen_survival.clone()) {
                        <h3>{ fill(t(Key::ProjectionHeading), &[("model", t(model_key(kind)))]) }</h3>
                        if let Some(Err(p)) = &o.band {
                            <p class="note">{ whatif_messages::band_problem(lang, *p) }</p>
                        }
                        <SurvivalChart counts={o.counts.clone()} model_name={t(model_key(kind))}
                                       chosen={curve} band={o.band.clone().and_then(Result::ok)}
                                       sbg={o.sbg_survival.clone()} />
                        <p class="help">{ t(Key::BandHelp) }</p>
                    }
                }
            </div>
        </div>
    }
}
