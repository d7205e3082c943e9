//! Maximum-likelihood search shared by the models: Nelder–Mead in a box of (log-)parameters,
//! restarted from the best point, then numeric derivatives to judge convergence and to give the
//! covariance the uncertainty band samples from.
//!
//! Vectors are fixed `[f64; 3]` with a runtime dimension ≤ 3 (unused entries stay 0): every model
//! here has at most three parameters, and fixed arrays keep the search allocation-light and every
//! index provably in range.

// The matrix code indexes by row and column as the formulas do; iterator chains over two fixed
// 3 × 3 arrays at once would hide the algebra without removing any risk.
#![allow(clippy::needless_range_loop)]

use super::FitStatus;

pub(crate) type Vector = [f64; 3];
pub(crate) type Matrix = [[f64; 3]; 3];

/// Largest dimension a vector carries.
const MAX_DIM: usize = 3;
/// Stop when the simplex is this small in every coordinate (log-parameters: 1e-8 relative).
const X_TOLERANCE: f64 = 1e-8;
/// ... and the log-likelihood spread over the simplex is this small relative to its size. Near
/// 1e-16 × |LL| lies rounding noise, so asking for less would only burn evaluations.
const F_TOLERANCE: f64 = 1e-12;
/// Evaluation budget per Nelder–Mead run; a 2-parameter fit needs a few hundred.
const MAX_EVALUATIONS: u32 = 4_000;
/// A parameter this close to its box edge is reported as sitting on the bound.
const BOUND_SLACK: f64 = 1e-4;
/// Step for numeric derivatives in log-parameter space.
const HESSIAN_STEP: f64 = 1e-4;
/// Converged means a Newton step from the found point would move it by less than this.
const NEWTON_STEP_TOLERANCE: f64 = 1e-3;

/// What the search found, in the model's internal coordinates.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Estimate {
    pub x: Vector,
    pub log_likelihood: f64,
    pub status: FitStatus,
    pub evaluations: u32,
    /// Inverse of the negative Hessian of the log-likelihood at `x`, when it is positive definite.
    pub covariance: Option<Matrix>,
}

/// The search space: dimension and the box each internal coordinate is kept in.
pub(crate) struct Space {
    pub dim: usize,
    pub lower: Vector,
    pub upper: Vector,
}

impl Space {
    fn dim(&self) -> usize {
        self.dim.min(MAX_DIM)
    }

    fn contains(&self, x: &Vector) -> bool {
        (0..self.dim()).all(|i| x[i] >= self.lower[i] && x[i] <= self.upper[i])
    }

    fn on_bound(&self, x: &Vector) -> bool {
        (0..self.dim())
            .any(|i| x[i] - self.lower[i] < BOUND_SLACK || self.upper[i] - x[i] < BOUND_SLACK)
    }
}

/// Counts evaluations and turns the log-likelihood into a cost to minimise; outside the box or
/// where the likelihood is not finite the cost is +∞, which Nelder–Mead simply never accepts.
struct Cost<'a> {
    space: &'a Space,
    log_likelihood: &'a dyn Fn(&Vector) -> f64,
    evaluations: u32,
}

impl Cost<'_> {
    fn at(&mut self, x: &Vector) -> f64 {
        self.evaluations = self.evaluations.saturating_add(1);
        if !self.space.contains(x) {
            return f64::INFINITY;
        }
        let ll = (self.log_likelihood)(x);
        if ll.is_finite() {
            -ll
        } else {
            f64::INFINITY
        }
    }
}

/// Maximises `log_likelihood` over `space`: Nelder–Mead from each start, the best result
/// restarted once (a collapsed simplex can stall short of the optimum; a fresh one cannot stall
/// at the same place), then a check of the gradient through a Newton step.
pub(crate) fn maximise(
    space: &Space,
    log_likelihood: &dyn Fn(&Vector) -> f64,
    starts: &[Vector],
) -> Estimate {
    let mut cost = Cost {
        space,
        log_likelihood,
        evaluations: 0,
    };
    let mut best: Option<(Vector, f64, bool)> = None;
    for start in starts {
        let run = nelder_mead(&mut cost, *start, 0.5);
        if best.is_none_or(|b| run.1 < b.1) {
            best = Some(run);
        }
    }
    let Some((x, _, _)) = best else {
        return Estimate {
            x: [0.0; 3],
            log_likelihood: f64::NEG_INFINITY,
            status: FitStatus::NotConverged,
            evaluations: cost.evaluations,
            covariance: None,
        };
    };
    let (x, value, converged) = nelder_mead(&mut cost, x, 0.05);
    let log_likelihood = -value;
    let evaluations = cost.evaluations;
    let hessian = neg_hessian(&mut cost, &x);
    let covariance = hessian.and_then(|h| invert_spd(&h, space.dim()));
    let status = if !log_likelihood.is_finite() {
        FitStatus::NotConverged
    } else if space.on_bound(&x) {
        FitStatus::AtBound
    } else if converged && newton_step_is_small(&mut cost, &x, covariance.as_ref()) {
        FitStatus::Converged
    } else {
        FitStatus::NotConverged
    };
    Estimate {
        x,
        log_likelihood,
        status,
        evaluations,
        covariance,
    }
}

/// Nelder–Mead with the standard coefficients (reflect 1, expand 2, contract ½, shrink ½).
/// Returns the best vertex, its cost and whether the tolerances were met within the budget.
fn nelder_mead(cost: &mut Cost<'_>, start: Vector, step: f64) -> (Vector, f64, bool) {
    let dim = cost.space.dim();
    let budget = cost.evaluations.saturating_add(MAX_EVALUATIONS);
    let mut simplex: Vec<(Vector, f64)> = Vec::with_capacity(dim + 1);
    let start_cost = cost.at(&start);
    simplex.push((start, start_cost));
    for i in 0..dim {
        let mut x = start;
        x[i] += step;
        let c = cost.at(&x);
        simplex.push((x, c));
    }
    loop {
        simplex.sort_by(|a, b| a.1.total_cmp(&b.1));
        let (Some(&(best_x, best_f)), Some(&(worst_x, worst_f))) =
            (simplex.first(), simplex.last())
        else {
            return (start, start_cost, false);
        };
        let second_worst_f = simplex.iter().rev().nth(1).map_or(best_f, |v| v.1);
        let size = simplex
            .iter()
            .flat_map(|(x, _)| (0..dim).map(move |i| (x[i] - best_x[i]).abs()))
            .fold(0.0, f64::max);
        let spread = worst_f - best_f;
        if size <= X_TOLERANCE
            || spread <= F_TOLERANCE * (1.0 + best_f.abs()) && size <= 1e3 * X_TOLERANCE
        {
            return (best_x, best_f, best_f.is_finite());
        }
        if cost.evaluations >= budget {
            return (best_x, best_f, false);
        }
        let mut centroid = [0.0; 3];
        for (x, _) in simplex.iter().take(dim) {
            for i in 0..dim {
                centroid[i] += x[i] / dim as f64;
            }
        }
        let towards = |t: f64| -> Vector {
            let mut p = [0.0; 3];
            for i in 0..dim {
                p[i] = centroid[i] + t * (worst_x[i] - centroid[i]);
            }
            p
        };
        let reflected = towards(-1.0);
        let fr = cost.at(&reflected);
        let replacement = if fr < best_f {
            let expanded = towards(-2.0);
            let fe = cost.at(&expanded);
            Some(if fe < fr {
                (expanded, fe)
            } else {
                (reflected, fr)
            })
        } else if fr < second_worst_f {
            Some((reflected, fr))
        } else {
            let (contracted, limit) = if fr < worst_f {
                (towards(-0.5), fr)
            } else {
                (towards(0.5), worst_f)
            };
            let fc = cost.at(&contracted);
            (fc < limit).then_some((contracted, fc))
        };
        match replacement {
            Some(vertex) => {
                if let Some(last) = simplex.last_mut() {
                    *last = vertex;
                }
            }
            None => {
                for vertex in simplex.iter_mut().skip(1) {
                    for i in 0..dim {
                        vertex.0[i] = best_x[i] + 0.5 * (vertex.0[i] - best_x[i]);
                    }
                    vertex.1 = cost.at(&vertex.0);
                }
            }
        }
    }
}

/// −∂²LL/∂xᵢ∂xⱼ by central differences; `None` if any evaluation left the box or was not finite.
fn neg_hessian(cost: &mut Cost<'_>, x: &Vector) -> Option<Matrix> {
    let dim = cost.space.dim();
    let h = HESSIAN_STEP;
    let at = |cost: &mut Cost<'_>, di: usize, si: f64, dj: usize, sj: f64| {
        let mut p = *x;
        p[di] += si * h;
        p[dj] += sj * h;
        cost.at(&p)
    };
    let centre = cost.at(x);
    let mut m = [[0.0; 3]; 3];
    for i in 0..dim {
        let plus = at(cost, i, 1.0, i, 0.0);
        let minus = at(cost, i, -1.0, i, 0.0);
        m[i][i] = (plus - 2.0 * centre + minus) / (h * h);
        for j in 0..i {
            let pp = at(cost, i, 1.0, j, 1.0);
            let pm = at(cost, i, 1.0, j, -1.0);
            let mp = at(cost, i, -1.0, j, 1.0);
            let mm = at(cost, i, -1.0, j, -1.0);
            let v = (pp - pm - mp + mm) / (4.0 * h * h);
            m[i][j] = v;
            m[j][i] = v;
        }
    }
    // The cost is −LL, so its Hessian is already the negative Hessian of the log-likelihood.
    m.iter().flatten().all(|v| v.is_finite()).then_some(m)
}

/// Is the Newton step −H⁻¹∇ (covariance × gradient of LL) shorter than the tolerance?
fn newton_step_is_small(cost: &mut Cost<'_>, x: &Vector, covariance: Option<&Matrix>) -> bool {
    let Some(cov) = covariance else {
        return false;
    };
    let dim = cost.space.dim();
    let h = 1e-5;
    let mut gradient = [0.0; 3];
    for i in 0..dim {
        let mut plus = *x;
        let mut minus = *x;
        plus[i] += h;
        minus[i] -= h;
        // Gradient of LL = −gradient of cost.
        gradient[i] = -(cost.at(&plus) - cost.at(&minus)) / (2.0 * h);
    }
    (0..dim).all(|i| {
        let step: f64 = (0..dim).map(|j| cov[i][j] * gradient[j]).sum();
        step.is_finite() && step.abs() < NEWTON_STEP_TOLERANCE
    })
}

/// Cholesky factor L (A = L Lᵀ) of the leading `dim` × `dim` block, if it is positive definite.
pub(crate) fn cholesky(a: &Matrix, dim: usize) -> Option<Matrix> {
    let dim = dim.min(MAX_DIM);
    let mut l = [[0.0; 3]; 3];
    for i in 0..dim {
        for j in 0..=i {
            let s: f64 = (0..j).map(|k| l[i][k] * l[j][k]).sum();
            if i == j {
                let d = a[i][i] - s;
                if !(d > 0.0 && d.is_finite()) {
                    return None;
                }
                l[i][i] = d.sqrt();
            } else {
                l[i][j] = (a[i][j] - s) / l[j][j];
            }
        }
    }
    Some(l)
}

/// Inverse of a symmetric positive-definite block, through its Cholesky factor.
pub(crate) fn invert_spd(a: &Matrix, dim: usize) -> Option<Matrix> {
    let dim = dim.min(MAX_DIM);
    let l = cholesky(a, dim)?;
    let mut inv = [[0.0; 3]; 3];
    for col in 0..dim {
        // Solve L y = e_col, then Lᵀ x = y.
        let mut y = [0.0; 3];
        for i in 0..dim {
            let e = if i == col { 1.0 } else { 0.0 };
            let s: f64 = (0..i).map(|k| l[i][k] * y[k]).sum();
            y[i] = (e - s) / l[i][i];
        }
        let mut x = [0.0; 3];
        for i in (0..dim).rev() {
            let s: f64 = (i + 1..dim).map(|k| l[k][i] * x[k]).sum();
            x[i] = (y[i] - s) / l[i][i];
        }
        for i in 0..dim {
            inv[i][col] = x[i];
        }
    }
    inv.iter().flatten().all(|v| v.is_finite()).then_some(inv)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_maximum_of_a_quadratic_and_its_covariance() {
        // LL = −½ (x − m)ᵀ A (x − m) with A = [[4, 1], [1, 2]]: covariance A⁻¹ = [[2, −1], [−1, 4]]/7.
        let m = [0.3, -1.2, 0.0];
        let ll = |x: &Vector| {
            let (u, v) = (x[0] - m[0], x[1] - m[1]);
            -0.5 * (4.0 * u * u + 2.0 * u * v + 2.0 * v * v)
        };
        let space = Space {
            dim: 2,
            lower: [-10.0; 3],
            upper: [10.0; 3],
        };
        let e = maximise(&space, &ll, &[[2.0, 2.0, 0.0]]);
        assert_eq!(e.status, FitStatus::Converged);
        assert!(
            (e.x[0] - m[0]).abs() < 1e-6 && (e.x[1] - m[1]).abs() < 1e-6,
            "{:?}",
            e.x
        );
        let cov = e.covariance.unwrap();
        assert!((cov[0][0] - 2.0 / 7.0).abs() < 1e-5);
        assert!((cov[0][1] + 1.0 / 7.0).abs() < 1e-5);
        assert!((cov[1][1] - 4.0 / 7.0).abs() < 1e-5);
    }

    #[test]
    fn reports_a_maximum_on_the_edge_of_the_box() {
        let ll = |x: &Vector| x[0] - x[1] * x[1];
        let space = Space {
            dim: 2,
            lower: [-1.0; 3],
            upper: [1.0; 3],
        };
        let e = maximise(&space, &ll, &[[0.0; 3]]);
        assert_eq!(e.status, FitStatus::AtBound);
        assert!((e.x[0] - 1.0).abs() < BOUND_SLACK);
    }

    #[test]
    fn a_likelihood_that_is_nowhere_finite_is_not_converged() {
        let ll = |_: &Vector| f64::NAN;
        let space = Space {
            dim: 2,
            lower: [-1.0; 3],
            upper: [1.0; 3],
        };
        let e = maximise(&space, &ll, &[[0.0; 3]]);
        assert_eq!(e.status, FitStatus::NotConverged);
        assert!(e.covariance.is_none());
    }

    #[test]
    fn inverse_of_a_3x3() {
        let a = [[4.0, 1.0, 0.5], [1.0, 3.0, 0.2], [0.5, 0.2, 2.0]];
        let inv = invert_spd(&a, 3).unwrap();
        for i in 0..3 {
            for j in 0..3 {
                let p: f64 = (0..3).map(|k| a[i][k] * inv[k][j]).sum();
                assert!((p - if i == j { 1.0 } else { 0.0 }).abs() < 1e-14);
            }
        }
        assert!(cholesky(&[[1.0, 2.0, 0.0], [2.0, 1.0, 0.0], [0.0; 3]], 2).is_none());
    }
}
