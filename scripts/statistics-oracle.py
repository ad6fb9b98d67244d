#!/usr/bin/env python3
"""Expected values for the Swift statistics tests, computed by scipy and statsmodels.

Run through the `scripts/statistics-oracle` wrapper (it makes scripts/.venv with scipy and
statsmodels). Writes Tests/VoicesTests/Fixtures/statistics/oracle.json, which is committed; the
Swift tests read it and never need Python.

Every number here comes from a library call (scipy.special, scipy.stats, statsmodels) except
where a comment says "by hand": those few are textbook formulas written out in numpy so that
the Swift code is checked against a second, independent implementation.
"""
import json
import math
import pathlib
import sys

import numpy as np
import scipy
import scipy.optimize
import scipy.special as sp
import scipy.stats as st
import statsmodels
from statsmodels.stats.contingency_tables import Table
from statsmodels.stats.proportion import (
    confint_proportions_2indep,
    proportion_confint,
    proportions_ztest,
)

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests/VoicesTests/Fixtures/statistics/oracle.json"


def f(x):
    return float(x)


def special_functions():
    normal = [
        {"x": x, "cdf": f(st.norm.cdf(x)), "sf": f(st.norm.sf(x))}
        for x in [-38.0, -12.0, -8.5, -5.0, -3.0, -1.96, -1.0, -0.3, 0.0, 0.5, 1.0, 1.6448536269514722,
                  2.5, 4.0, 7.0]
    ]
    quantile = [
        {"p": p, "x": f(st.norm.ppf(p))}
        for p in [1e-300, 1e-20, 1e-10, 1e-5, 0.001, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.425, 0.5,
                  0.6, 0.8, 0.9, 0.95, 0.975, 0.99, 0.999, 0.99999, 1 - 1e-12]
    ]
    log_gamma = [{"x": x, "value": f(sp.gammaln(x))}
                 for x in [1e-8, 0.1, 0.5, 1.0, 1.5, 2.0, 3.7, 10.0, 25.5, 100.0, 1234.5, 1e6]]
    gamma = []
    for a in [0.5, 1.0, 2.5, 10.0, 50.0, 200.0]:
        for x in [0.01, 0.5, 1.0, 3.0, 10.0, 49.0, 60.0, 220.0]:
            gamma.append({"a": a, "x": x, "p": f(sp.gammainc(a, x)), "q": f(sp.gammaincc(a, x))})
    beta = []
    for a, b in [(0.5, 0.5), (1.0, 3.0), (2.5, 0.5), (5.0, 5.0), (15.0, 0.5), (50.0, 0.5), (0.5, 40.0)]:
        for x in [0.001, 0.05, 0.3, 0.5, 0.7, 0.95, 0.999]:
            beta.append({"a": a, "b": b, "x": x, "value": f(sp.betainc(a, b, x))})
    chi2 = []
    for df in [1, 2, 3, 5, 10, 30, 100]:
        for x in [0.001, 0.5, 1.0, 3.841458820694124, 7.0, 20.0, 60.0, 150.0]:
            chi2.append({"df": df, "x": x, "cdf": f(st.chi2.cdf(x, df)), "sf": f(st.chi2.sf(x, df))})
    t_cdf = []
    for df in [1, 2, 3, 5, 9, 29, 100, 1000]:
        for x in [-20.0, -4.0, -2.0, -1.0, -0.2, 0.0, 0.7, 1.5, 2.262, 3.0, 8.0]:
            t_cdf.append({"df": df, "x": x, "cdf": f(st.t.cdf(x, df))})
    t_ppf = []
    for df in [1, 2, 3, 5, 9, 22, 29, 100, 1000]:
        for p in [0.0005, 0.005, 0.025, 0.05, 0.1, 0.3, 0.5, 0.75, 0.9, 0.95, 0.975, 0.995, 0.9995]:
            t_ppf.append({"df": df, "p": p, "x": f(st.t.ppf(p, df))})
    return {"normal": normal, "normalQuantile": quantile, "logGamma": log_gamma,
            "regularizedGamma": gamma, "regularizedBeta": beta, "chiSquare": chi2,
            "studentT": t_cdf, "studentTQuantile": t_ppf}


WILSON_CASES = [(81, 263), (15, 148), (0, 20), (1, 29), (29, 29), (1, 1), (0, 1), (5, 10),
                (56, 70), (48, 80), (123, 1000), (999, 1000), (3, 7), (250, 400)]
CONFIDENCES = [0.95, 0.90, 0.99]


def wilson_cc_by_hand(k, n, conf):
    # Newcombe (1998) "Two-sided confidence intervals for the single proportion", method 4
    # (continuity-corrected score interval, Fleiss 1981), written out by hand: statsmodels has
    # no continuity-corrected Wilson interval.
    z = st.norm.ppf(1 - (1 - conf) / 2)
    p = k / n
    q = 1 - p
    denom = 2 * (n + z * z)
    if k == 0:
        lo = 0.0
    else:
        lo = (2 * n * p + z * z - 1 - z * math.sqrt(z * z - 2 - 1 / n + 4 * p * (n * q + 1))) / denom
    if k == n:
        hi = 1.0
    else:
        hi = (2 * n * p + z * z + 1 + z * math.sqrt(z * z + 2 - 1 / n + 4 * p * (n * q - 1))) / denom
    return max(0.0, lo), min(1.0, hi)


def wilson():
    out = []
    for k, n in WILSON_CASES:
        for conf in CONFIDENCES:
            lo, hi = proportion_confint(k, n, alpha=1 - conf, method="wilson")
            clo, chi = wilson_cc_by_hand(k, n, conf)
            out.append({"k": k, "n": n, "confidence": conf, "lower": f(lo), "upper": f(hi),
                        "ccLower": clo, "ccUpper": chi})
    return out


NEWCOMBE_CASES = [(56, 70, 48, 80), (9, 10, 3, 10), (6, 7, 2, 7), (5, 56, 0, 29), (0, 10, 0, 20),
                  (0, 10, 0, 10), (10, 10, 0, 20), (10, 10, 0, 10), (120, 300, 95, 310),
                  (33, 47, 41, 52), (410, 1000, 455, 1010), (2, 25, 9, 30)]


def differences():
    out = []
    for k1, n1, k2, n2 in NEWCOMBE_CASES:
        for conf in CONFIDENCES:
            lo, hi = confint_proportions_2indep(k1, n1, k2, n2, method="newcomb", compare="diff",
                                                alpha=1 - conf)
            row = {"k1": k1, "n1": n1, "k2": k2, "n2": n2, "confidence": conf,
                   "lower": f(lo), "upper": f(hi)}
            if 0 < k1 + k2 < n1 + n2:
                z, p = proportions_ztest([k1, k2], [n1, n2])
                row["z"] = f(z)
                row["p"] = f(p)
            out.append(row)
    return out


def newcombe_p(k1, n1, k2, n2):
    """The p-value of Newcombe's interval: the alpha at which statsmodels' interval has 0 on
    its bound, found with scipy's brentq on the critical value z (alpha = 2 sf(z))."""
    d = k1 / n1 - k2 / n2
    if d == 0:
        return 1.0

    def bound(z):
        lo, hi = confint_proportions_2indep(k1, n1, k2, n2, method="newcomb", compare="diff",
                                            alpha=2 * st.norm.sf(z))
        return lo if d > 0 else -hi

    high = 1.0
    while bound(high) > 0:
        high *= 2
    z = scipy.optimize.brentq(bound, 1e-12, high, xtol=1e-15, rtol=1e-15, maxiter=500)
    return f(2 * st.norm.sf(z))


def interval_p():
    out = []
    for k1, n1, k2, n2 in NEWCOMBE_CASES + [(15, 40, 7, 40), (25, 60, 14, 60), (50, 100, 50, 100),
                                             (1, 1, 0, 1), (3, 3, 0, 2), (400, 1000, 300, 1000)]:
        out.append({"k1": k1, "n1": n1, "k2": k2, "n2": n2, "p": newcombe_p(k1, n1, k2, n2)})
    return out


TREND_CASES = [
    # successes, bases, scores (None = 1..k)
    ([15, 20, 28, 35], [100, 100, 100, 100], None),
    ([15, 20, 28, 35], [100, 100, 100, 100], [2019, 2021, 2023, 2025]),
    ([40, 38, 45], [120, 95, 110], [2021, 2023, 2024]),
    ([5, 9, 3, 12, 20], [50, 61, 40, 66, 80], None),
    ([81, 70], [263, 240], None),
]


def trend():
    out = []
    for x, n, scores in TREND_CASES:
        x = np.array(x, float)
        n = np.array(n, float)
        t = np.arange(1, len(x) + 1, dtype=float) if scores is None else np.array(scores, float)
        # Cochran (1954) / Armitage (1955) chi-square for trend, by hand (as R's prop.trend.test).
        N = n.sum()
        pbar = x.sum() / N
        num = (np.sum(t * (x - n * pbar))) ** 2
        den = pbar * (1 - pbar) * (np.sum(n * t * t) - np.sum(n * t) ** 2 / N)
        stat = num / den
        # statsmodels' linear-by-linear association test on the same 2 x k table: its z^2 is
        # the Cochran-Armitage statistic times (N - 1) / N (Agresti 2002, 3.4.6).
        table = np.vstack([x, n - x]).T
        res = Table(table).test_ordinal_association(row_scores=t, col_scores=np.array([1.0, 0.0]))
        out.append({"successes": x.astype(int).tolist(), "bases": n.astype(int).tolist(),
                    "scores": None if scores is None else scores,
                    "statistic": f(stat), "p": f(st.chi2.sf(stat, 1)),
                    "linearByLinearZ": f(res.zscore)})
    return out


GOF_CASES = [
    ([30, 14, 34, 45, 57, 20], [0.2, 0.1, 0.2, 0.2, 0.2, 0.1]),
    ([120, 80, 40, 10], [0.4, 0.3, 0.2, 0.1]),
    ([18, 22, 20], [1 / 3, 1 / 3, 1 / 3]),
    ([5, 0, 12], [0.3, 0.3, 0.4]),
]


def goodness_of_fit():
    out = []
    for obs, props in GOF_CASES:
        obs_a = np.array(obs, float)
        exp = np.array(props) * obs_a.sum()
        res = st.chisquare(obs_a, exp)
        out.append({"observed": obs, "proportions": props, "statistic": f(res.statistic),
                    "df": len(obs) - 1, "p": f(res.pvalue),
                    # Pearson residuals (O - E) / sqrt(E), by hand
                    "residuals": [f(v) for v in (obs_a - exp) / np.sqrt(exp)],
                    # adjusted (standardised) residuals (O - E) / sqrt(E (1 - p)), by hand
                    "adjustedResiduals": [f(v) for v in (obs_a - exp) / np.sqrt(exp * (1 - np.array(props)))]})
    return out


def paired_samples():
    rng = np.random.default_rng(20240607)
    samples = [
        ("no ties, no zeros, n=8", [3.1, 4.2, 2.0, 5.5, 6.1, 1.2, 3.3, 7.9],
         [2.0, 4.5, 1.1, 3.0, 4.4, 1.5, 2.2, 5.0]),
        ("integer confidence 1-10, ties and zeros, n=12", [3, 4, 2, 5, 6, 4, 3, 7, 5, 5, 2, 6],
         [4, 6, 2, 7, 6, 5, 5, 8, 7, 5, 4, 6]),
        ("ties, no zeros, n=10", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [3, 4, 4, 5, 7, 8, 8, 9, 10, 12]),
        ("ties and zeros, n=23 (Takeover-sized)",
         [2, 3, 3, 4, 2, 5, 3, 4, 3, 2, 4, 5, 3, 3, 2, 4, 4, 3, 5, 2, 3, 4, 3],
         [4, 4, 3, 5, 4, 5, 4, 5, 4, 4, 4, 5, 5, 3, 3, 5, 4, 4, 5, 3, 4, 5, 4]),
        ("no ties, n=30", list(np.round(rng.normal(5, 2, 30), 6)), None),
        ("no ties, n=50", list(np.round(rng.normal(0.3, 1, 50), 6)), None),
        ("no ties, n=60 (normal approximation)", list(np.round(rng.normal(0.2, 1, 60), 6)), None),
        ("ties, n=70", list(rng.integers(1, 6, 70).astype(float)), list(rng.integers(1, 6, 70).astype(float))),
        ("all better, n=6", [1, 2, 3, 4, 5, 6], [2, 4, 6, 8, 10, 12]),
        ("one non-zero, n=5", [1, 1, 1, 1, 1], [1, 1, 1, 2, 1]),
    ]
    out = []
    for name, before, after in samples:
        if after is None:
            # a one-sample set: the numbers are the after-minus-before differences
            after = [b + d for b, d in zip([10.0] * len(before), before)]
            before = [10.0] * len(before)
        before = [float(v) for v in before]
        after = [float(v) for v in after]
        d = np.array(after) - np.array(before)
        w = st.wilcoxon(np.array(after), np.array(before))  # scipy defaults
        n = len(d)
        mean = d.mean()
        sd = d.std(ddof=1)
        tq = st.t.ppf(0.975, n - 1)
        tt = st.ttest_rel(np.array(after), np.array(before))
        out.append({"name": name, "before": before, "after": after,
                    "meanDifference": f(mean), "lower": f(mean - tq * sd / math.sqrt(n)),
                    "upper": f(mean + tq * sd / math.sqrt(n)), "t": f(tt.statistic), "tP": f(tt.pvalue),
                    "improved": int((d > 0).sum()), "same": int((d == 0).sum()), "worse": int((d < 0).sum()),
                    "wilcoxonStatistic": f(w.statistic), "wilcoxonP": f(w.pvalue)})
    return out


def weighting():
    cases = [[1.0, 1.0, 1.0, 1.0], [0.5, 1.5, 2.0, 1.0, 0.8, 1.2], [3.2, 0.4, 1.1, 0.9, 2.5, 0.7, 1.3]]
    out = []
    for w in cases:
        w_a = np.array(w)
        cv2 = w_a.var(ddof=0) / w_a.mean() ** 2  # population CV, by hand
        out.append({"weights": w, "designEffect": f(1 + cv2),
                    "effectiveBase": f(w_a.sum() ** 2 / (w_a ** 2).sum())})
    return out


def main():
    data = {
        "generator": "scripts/statistics-oracle.py",
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__,
                     "scipy": scipy.__version__, "statsmodels": statsmodels.__version__},
        "special": special_functions(),
        "wilson": wilson(),
        "difference": differences(),
        "intervalP": interval_p(),
        "trend": trend(),
        "goodnessOfFit": goodness_of_fit(),
        "paired": paired_samples(),
        "weighting": weighting(),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, indent=1, allow_nan=False) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
