"""Reference fit of the sBG model with SciPy, for comparison with `core/examples/bench_fit.rs`.

Fits the same log-likelihood as `retention_core::model` (Fader & Hardie 2007, right-censored
survivors included) with scipy.optimize.minimize(method="Nelder-Mead") over (ln alpha, ln beta)
on the Fader & Hardie "regular" data, and prints alpha, beta, LL and the median
time per fit as `scipy_nm_fit_8 median_us=...` lines.

Labels as in bench_fit.rs: `_8` is the paper's fit on the first 8 counts (periods 0..7), `_12`
uses all 13 counts (periods 0..12).

Needs numpy and scipy (`pip install numpy scipy`). Run: `python3 bench/sbg_scipy.py`.
"""

import math
import statistics
import time

import numpy as np
from scipy.optimize import minimize

REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173]


def neg_log_likelihood(x, lost, survivors):
    """-LL at x = (ln alpha, ln beta); lost[t-1] = customers lost in period t."""
    alpha, beta = math.exp(x[0]), math.exp(x[1])
    ln_s = 0.0
    ll = 0.0
    for t0, n in enumerate(lost):
        ln_den = math.log(alpha + beta + t0)
        ll += n * (ln_s + math.log(alpha) - ln_den)
        ln_s += math.log(beta + t0) - ln_den
    ll += survivors * ln_s
    return -ll


def fit(counts):
    lost = [a - b for a, b in zip(counts, counts[1:])]
    return minimize(
        neg_log_likelihood,
        x0=np.array([0.0, 0.0]),
        args=(lost, counts[-1]),
        method="Nelder-Mead",
        options={"xatol": 1e-8, "fatol": 1e-10, "maxiter": 4000},
    )


def median_us(f, repetitions):
    for _ in range(repetitions // 10 + 1):
        f()
    times = []
    for _ in range(repetitions):
        start = time.perf_counter()
        f()
        times.append((time.perf_counter() - start) * 1e6)
    return statistics.median(times)


def main():
    for periods, counts in ((8, REGULAR[:8]), (12, REGULAR)):
        result = fit(counts)
        alpha, beta = np.exp(result.x)
        us = median_us(lambda: fit(counts), 300)
        print(
            f"scipy_nm_fit_{periods} median_us={us:.1f} alpha={alpha:.6f} beta={beta:.6f} "
            f"ll={-result.fun:.4f} evals={result.nfev} success={result.success}"
        )


if __name__ == "__main__":
    main()
