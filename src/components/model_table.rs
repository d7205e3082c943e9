//! The fitted models side by side: constant churn, sBG and BdW, each with its parameters,
//! log-likelihood, BIC and the state of its search, the one chosen by BIC marked.

use retention_core::model::{FitStatus, ModelFit, ModelKind, ModelReport, Params};
use yew::prelude::*;

use crate::components::metric::MetricValue;
use crate::format::Style;
use crate::i18n::whatif::{text, Key};
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct ModelTableProps {
    /// `None` when there are no counts to fit: every figure is shown without a value.
    pub report: Option<ModelReport>,
}

pub fn model_key(kind: ModelKind) -> Key {
    match kind {
        ModelKind::Constant => Key::ModelConstant,
        ModelKind::Sbg => Key::ModelSbg,
        ModelKind::Bdw => Key::ModelBdw,
    }
}

/// `data-metric` prefix of a model's figures.
fn prefix(kind: ModelKind) -> &'static str {
    match kind {
        ModelKind::Constant => "constant",
        ModelKind::Sbg => "sbg",
        ModelKind::Bdw => "bdw",
    }
}

/// (metric name, label, value, style) of each parameter of a model kind.
fn parameters(
    kind: ModelKind,
    fit: Option<&ModelFit>,
) -> Vec<(&'static str, &'static str, Option<f64>, Style)> {
    let p = fit.map(|f| f.params);
    let three = Style::Decimal(3);
    match kind {
        ModelKind::Constant => vec![(
            "constant_churn",
            "θ",
            match p {
                Some(Params::Constant { churn }) => Some(churn),
                _ => None,
            },
            Style::Percent,
        )],
        ModelKind::Sbg => {
            let (a, b) = match p {
                Some(Params::Sbg { alpha, beta }) => (Some(alpha), Some(beta)),
                _ => (None, None),
            };
            vec![("sbg_alpha", "α", a, three), ("sbg_beta", "β", b, three)]
        }
        ModelKind::Bdw => {
            let (a, b, c) = match p {
                Some(Params::Bdw { alpha, beta, c }) => (Some(alpha), Some(beta), Some(c)),
                _ => (None, None, None),
            };
            vec![
                ("bdw_alpha", "α", a, three),
                ("bdw_beta", "β", b, three),
                ("bdw_c", "c", c, three),
            ]
        }
    }
}

#[function_component(ModelTable)]
pub fn model_table(props: &ModelTableProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = |k| text(lang, k);
    let chosen = props.report.as_ref().and_then(|r| r.chosen);
    let row = |kind: ModelKind| {
        let fit = props.report.as_ref().and_then(|r| r.fit(kind));
        let status = match fit.map(|f| f.status) {
            Some(FitStatus::Converged) => t(Key::StatusConverged),
            Some(FitStatus::AtBound) => t(Key::StatusAtBound),
            Some(FitStatus::NotConverged) => t(Key::StatusNotConverged),
            None => t(Key::StatusNotFitted),
        };
        let is_chosen = chosen == Some(kind);
        let name = prefix(kind);
        let metric = |suffix: &str| -> &'static str {
            match (name, suffix) {
                ("constant", "ll") => "constant_log_likelihood",
                ("sbg", "ll") => "sbg_log_likelihood",
                ("bdw", "ll") => "bdw_log_likelihood",
                ("constant", _) => "constant_bic",
                ("sbg", _) => "sbg_bic",
                _ => "bdw_bic",
            }
        };
        html! {
            <tr class={classes!(is_chosen.then_some("chosen"))}>
                <th scope="row">
                    { t(model_key(kind)) }
                    if is_chosen {
                        <span class="badge">{ t(Key::ChosenBadge) }</span>
                    }
                </th>
                <td>
                    { for parameters(kind, fit).into_iter().map(|(metric, symbol, value, style)| html! {
                        <span class="param">{ format!("{symbol} = ") }<MetricValue name={metric} value={value} style={style} /></span>
                    }) }
                </td>
                <td class="num"><MetricValue name={metric("ll")} value={fit.map(|f| f.log_likelihood)} style={Style::Decimal(1)} /></td>
                <td class="num"><MetricValue name={metric("bic")} value={fit.map(|f| f.bic)} style={Style::Decimal(1)} /></td>
                <td>{ status }</td>
            </tr>
        }
    };
    html! {
        <div class="table-scroll">
            <table class="models">
                <caption>{ t(Key::ModelsCaption) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t(Key::ColModel) }</th>
                        <th scope="col">{ t(Key::ColParameters) }</th>
                        <th scope="col" class="num">{ t(Key::ColLogLikelihood) }</th>
                        <th scope="col" class="num">{ t(Key::ColBic) }</th>
                        <th scope="col">{ t(Key::ColStatus) }</th>
                    </tr>
                </thead>
                <tbody>
                    { row(ModelKind::Constant) }
                    { row(ModelKind::Sbg) }
                    { row(ModelKind::Bdw) }
                </tbody>
            </table>
        </div>
    }
}
