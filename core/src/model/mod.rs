//! Survival models fitted to cohort counts: constant churn, shifted-beta-geometric (sBG) and
//! beta-discrete-Weibull (BdW); the choice between them by BIC; projection and its uncertainty
//! band. Formulas: `../shared/domain.md`, "Projecting retention".
//!
//! Entry point: [`fit_models`]. Every outcome is a value: data problems come back as
//! [`DataProblem`]s next to a constant-churn fallback, a search that did not converge says so in
//! [`FitStatus`], and nothing here panics on any input.

mod band;
mod bdw;
mod constant;
mod data;
mod fit;
pub(crate) mod rng;
mod sbg;
mod select;
pub mod special;

#[cfg(test)]
mod tests;

pub use band::{band, Band, BandOptions, BandProblem, MAX_BAND_POINTS};
pub use data::{DataProblem, MAX_PERIODS};
pub use select::bic;

use fit::Matrix;

/// The longest projection a curve is computed for, in periods.
pub const MAX_HORIZON: usize = 10_000;

/// Which model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModelKind {
    Constant,
    Sbg,
    Bdw,
}

/// Fitted parameters. In [`ModelFit::std_errors`] the same shape carries standard errors.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Params {
    /// Churn probability per period, θ.
    Constant { churn: f64 },
    /// Beta(α, β) heterogeneity of churn probabilities.
    Sbg { alpha: f64, beta: f64 },
    /// Beta(α, β) plus duration dependence c (c = 1 is sBG).
    Bdw { alpha: f64, beta: f64, c: f64 },
}

/// Did the maximum-likelihood search succeed?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FitStatus {
    /// The search met its tolerances and a Newton step from the result is negligible.
    Converged,
    /// The maximum lies on the edge of the range searched (e.g. α, β → ∞: no heterogeneity, the
    /// data look like constant churn). The fit is usable; its band usually is not.
    AtBound,
    /// The search ran out of budget or the likelihood is flat: do not show this fit as a result.
    NotConverged,
}

/// One fitted model and what the UI shows about it.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelFit {
    pub params: Params,
    /// Standard errors of the parameters (delta method from the covariance in log coordinates);
    /// `None` when the likelihood has no usable curvature at the estimate.
    pub std_errors: Option<Params>,
    pub log_likelihood: f64,
    /// Number of parameters, k.
    pub parameters: usize,
    /// k ln n − 2 LL.
    pub bic: f64,
    pub status: FitStatus,
    /// Likelihood evaluations the search used (0 for the closed-form constant-churn fit).
    pub evaluations: u32,
    /// Inverse negative Hessian in the internal coordinates (logit θ; ln α, ln β, ln c).
    pub(crate) covariance: Option<Matrix>,
}

/// All models fitted to one data set, and the one chosen.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelReport {
    /// Everything wrong with the data. When not empty, sBG and BdW were not fitted and `chosen`
    /// is the constant-churn fallback; the UI shows the reasons next to it.
    pub problems: Vec<DataProblem>,
    /// `None` only when no cohort has two usable counts ([`DataProblem::NoData`]).
    pub constant: Option<ModelFit>,
    pub sbg: Option<ModelFit>,
    pub bdw: Option<ModelFit>,
    /// Lowest BIC among the fits that did not fail to converge.
    pub chosen: Option<ModelKind>,
}

impl ModelReport {
    pub fn fit(&self, kind: ModelKind) -> Option<&ModelFit> {
        match kind {
            ModelKind::Constant => self.constant.as_ref(),
            ModelKind::Sbg => self.sbg.as_ref(),
            ModelKind::Bdw => self.bdw.as_ref(),
        }
    }

    pub fn chosen_fit(&self) -> Option<&ModelFit> {
        self.chosen.and_then(|kind| self.fit(kind))
    }
}

/// Fits constant churn, sBG and BdW to survival counts and picks one by BIC.
///
/// `cohorts`: one vector per cohort, customers still active at periods 0, 1, 2, … (each cohort
/// its own length; their log-likelihoods are summed). A cohort with a single count has not been
/// observed yet and is ignored without complaint.
///
/// ```
/// use retention_core::model::{fit_models, ModelKind};
/// let report = fit_models(&[vec![1000, 631, 468, 382, 326, 289, 262, 241]]);
/// assert!(report.problems.is_empty());
/// let chosen = report.chosen_fit().unwrap();
/// let survival = chosen.survival(24); // S(0..=24), for the chart
/// assert_eq!(survival.len(), 25);
/// ```
pub fn fit_models(cohorts: &[Vec<u64>]) -> ModelReport {
    let (summary, problems) = data::summarise(cohorts);
    let Some(summary) = summary else {
        return ModelReport {
            problems,
            constant: None,
            sbg: None,
            bdw: None,
            chosen: None,
        };
    };
    let constant = constant::fit(&summary);
    let (sbg, bdw) = if problems.is_empty() {
        let sbg = sbg::fit(&summary);
        let bdw = bdw::fit(&summary, &sbg);
        (Some(sbg), Some(bdw))
    } else {
        (None, None)
    };
    let chosen = select::choose(
        [Some(&constant), sbg.as_ref(), bdw.as_ref()]
            .into_iter()
            .flatten(),
    );
    ModelReport {
        problems,
        constant: Some(constant),
        sbg,
        bdw,
        chosen,
    }
}

/// Fits constant churn alone. It needs only one usable transition, so it errs only with
/// [`DataProblem::NoData`]; other problems are ignored here (see [`fit_models`] for them).
pub fn fit_constant(cohorts: &[Vec<u64>]) -> Result<ModelFit, Vec<DataProblem>> {
    match data::summarise(cohorts) {
        (Some(summary), _) => Ok(constant::fit(&summary)),
        (None, problems) => Err(problems),
    }
}

/// Fits sBG alone; errs on any data problem.
pub fn fit_sbg(cohorts: &[Vec<u64>]) -> Result<ModelFit, Vec<DataProblem>> {
    match data::summarise(cohorts) {
        (Some(summary), problems) if problems.is_empty() => Ok(sbg::fit(&summary)),
        (_, problems) => Err(problems),
    }
}

/// Fits BdW alone (it starts from an sBG fit); errs on any data problem.
pub fn fit_bdw(cohorts: &[Vec<u64>]) -> Result<ModelFit, Vec<DataProblem>> {
    match data::summarise(cohorts) {
        (Some(summary), problems) if problems.is_empty() => {
            Ok(bdw::fit(&summary, &sbg::fit(&summary)))
        }
        (_, problems) => Err(problems),
    }
}

impl ModelFit {
    pub(crate) fn new(
        params: Params,
        log_likelihood: f64,
        status: FitStatus,
        evaluations: u32,
        covariance: Option<Matrix>,
        customers: f64,
    ) -> Self {
        let parameters = params.count();
        let std_errors = covariance.and_then(|cov| params.std_errors(&cov));
        ModelFit {
            params,
            std_errors,
            log_likelihood,
            parameters,
            bic: bic(parameters, customers, log_likelihood),
            status,
            evaluations,
            covariance,
        }
    }

    pub fn kind(&self) -> ModelKind {
        self.params.kind()
    }

    /// Projected survival S(t), t = 0..=horizon (S(0) = 1). Horizon capped at [`MAX_HORIZON`].
    pub fn survival(&self, horizon: usize) -> Vec<f64> {
        self.params.survival(horizon)
    }

    /// Per-period retention r_t = S(t)/S(t − 1), t = 1..=horizon: the curve the what-if takes.
    pub fn retention(&self, horizon: usize) -> Vec<f64> {
        self.params.retention(horizon)
    }

    /// The uncertainty band of [`ModelFit::survival`]; see [`band`].
    pub fn band(&self, horizon: usize, options: BandOptions) -> Result<Band, BandProblem> {
        band(self, horizon, options)
    }
}

impl Params {
    pub fn kind(&self) -> ModelKind {
        match self {
            Params::Constant { .. } => ModelKind::Constant,
            Params::Sbg { .. } => ModelKind::Sbg,
            Params::Bdw { .. } => ModelKind::Bdw,
        }
    }

    /// Number of free parameters, k.
    pub fn count(&self) -> usize {
        match self {
            Params::Constant { .. } => 1,
            Params::Sbg { .. } => 2,
            Params::Bdw { .. } => 3,
        }
    }

    /// ln S(t), t = 0..=horizon.
    fn ln_survival(&self, horizon: usize) -> Vec<f64> {
        let horizon = horizon.min(MAX_HORIZON);
        match *self {
            Params::Constant { churn } => constant::ln_survival(churn, horizon),
            Params::Sbg { alpha, beta } => sbg::ln_survival(alpha, beta, horizon),
            Params::Bdw { alpha, beta, c } => bdw::ln_survival(alpha, beta, c, horizon),
        }
    }

    /// S(t), t = 0..=horizon, each in [0, 1] (a non-finite value, impossible for valid
    /// parameters, would be shown as 0).
    pub fn survival(&self, horizon: usize) -> Vec<f64> {
        self.ln_survival(horizon)
            .into_iter()
            .map(|l| {
                let s = l.exp();
                if s.is_finite() {
                    s.clamp(0.0, 1.0)
                } else {
                    0.0
                }
            })
            .collect()
    }

    /// r_t = S(t)/S(t − 1), t = 1..=horizon, from the logs so that it stays exact where S itself
    /// underflows; 0 once S has reached 0 (nobody left to retain).
    pub fn retention(&self, horizon: usize) -> Vec<f64> {
        let ln_s = self.ln_survival(horizon);
        ln_s.windows(2)
            .map(|w| match w {
                [a, b] if a.is_finite() && b.is_finite() => (b - a).exp().clamp(0.0, 1.0),
                _ => 0.0,
            })
            .collect()
    }

    /// Coordinates of the fit: logit θ; ln α, ln β, ln c.
    pub(crate) fn internal(&self) -> fit::Vector {
        match *self {
            Params::Constant { churn } => [(churn / (1.0 - churn)).ln(), 0.0, 0.0],
            Params::Sbg { alpha, beta } => [alpha.ln(), beta.ln(), 0.0],
            Params::Bdw { alpha, beta, c } => [alpha.ln(), beta.ln(), c.ln()],
        }
    }

    pub(crate) fn from_internal(kind: ModelKind, x: &fit::Vector) -> Params {
        // Clamped so that a far-out draw of the band cannot overflow to ∞ or 0.
        let e = |v: f64| v.clamp(-30.0, 30.0).exp();
        match kind {
            ModelKind::Constant => Params::Constant {
                churn: 1.0 / (1.0 + (-x[0].clamp(-30.0, 30.0)).exp()),
            },
            ModelKind::Sbg => Params::Sbg {
                alpha: e(x[0]),
                beta: e(x[1]),
            },
            ModelKind::Bdw => Params::Bdw {
                alpha: e(x[0]),
                beta: e(x[1]),
                c: e(x[2]),
            },
        }
    }

    /// Delta method: d exp(u) = exp(u) du, d logistic(u) = θ(1 − θ) du.
    fn std_errors(&self, cov: &Matrix) -> Option<Params> {
        let sd = |i: usize| {
            let v = cov[i][i];
            (v >= 0.0 && v.is_finite()).then(|| v.sqrt())
        };
        Some(match *self {
            Params::Constant { churn } => Params::Constant {
                churn: churn * (1.0 - churn) * sd(0)?,
            },
            Params::Sbg { alpha, beta } => Params::Sbg {
                alpha: alpha * sd(0)?,
                beta: beta * sd(1)?,
            },
            Params::Bdw { alpha, beta, c } => Params::Bdw {
                alpha: alpha * sd(0)?,
                beta: beta * sd(1)?,
                c: c * sd(2)?,
            },
        })
    }
}
