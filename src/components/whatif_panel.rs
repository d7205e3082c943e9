//! The what-if panel: reads the inputs against the user's data (one period, the table, the
//! fitted model), runs the core's projection once per distinct input and lays out the inputs
//! and the results.

use std::rc::Rc;

use retention_core::series::SeriesReport;
use retention_core::unit::PeriodUnit;
use retention_core::whatif::project;
use yew::prelude::*;

use crate::components::whatif_inputs::WhatIfInputs;
use crate::components::whatif_results::WhatIfResults;
use crate::state::PeriodInputs;
use crate::whatif_derive::{
    build_input, currency_code, DataContext, ModelOutcome, SurvivorsProblem,
};
use crate::whatif_state::{WhatIfAction, WhatIfState};

#[derive(Properties, PartialEq)]
pub struct WhatIfPanelProps {
    pub inputs: WhatIfState,
    pub period: PeriodInputs,
    pub table: Rc<SeriesReport>,
    pub unit: PeriodUnit,
    pub model: Rc<Result<ModelOutcome, SurvivorsProblem>>,
    pub on_action: Callback<WhatIfAction>,
}

#[function_component(WhatIfPanel)]
pub fn whatif_panel(props: &WhatIfPanelProps) -> Html {
    let curve = props
        .model
        .as_ref()
        .as_ref()
        .ok()
        .and_then(|m| m.retention_curve.clone());
    let data = DataContext::new(&props.period, &props.table, curve);
    let input = build_input(&props.inputs, &data, props.unit);
    let issues = input.as_ref().err().cloned().unwrap_or_default();
    // `build_input` validated every field, so the projection itself does not fail here.
    let output = use_memo(input.ok(), |input| {
        input
            .as_ref()
            .and_then(|i| project(i).ok().map(|o| (i.horizon, Rc::new(o))))
    });
    let currency = currency_code(&props.inputs);
    let (horizon, output) = match output.as_ref() {
        Some((h, o)) => (*h, Some(o.clone())),
        None => (crate::whatif_derive::model_horizon(&props.inputs), None),
    };
    let first = |v: &[f64]| v.first().copied();
    html! {
        <div class="whatif">
            <WhatIfInputs state={props.inputs.clone()} data={data} issues={issues}
                unit={props.unit} currency={currency}
                baseline_rate={output.as_ref().and_then(|o| first(&o.baseline.retention))}
                improved_rate={output.as_ref().and_then(|o| first(&o.improved.retention))}
                capped={output.as_ref().is_some_and(|o| o.capped)}
                on_action={props.on_action.clone()} />
            <WhatIfResults output={output} unit={props.unit} currency={currency} horizon={horizon} />
        </div>
    }
}
