"""Independent values for Voices' agreement statistics (Review/AgreementStatistics.swift).

Reads the coder files in Tests/VoicesTests/Fixtures/agreement/ (id,themes with themes joined by
";") and writes expected.json beside them, computed with scikit-learn (cohen_kappa_score,
precision_recall_fscore_support, f1_score) and the `krippendorff` package from PyPI.

Rules the Swift side must share:
  * pairwise (B against A as reference): ids present in both files; a theme's presence is 0/1;
  * values that are undefined (kappa when both coders are constant and equal; precision with
    nothing assigned; recall with nothing to find; F1 with neither) are written as null;
  * macro-F1 averages over themes that either coder used; micro-F1 pools every theme;
  * Krippendorff's alpha (nominal): units are the union of ids; a coder without a row for an
    id is a missing value; per theme on presence 0/1, and overall with every (id, theme) pair
    as a unit; null when undefined (a single value used by everyone).
"""
import csv, importlib.metadata, json, math, os, sys
import numpy as np
import krippendorff
import sklearn
from sklearn.metrics import cohen_kappa_score, precision_recall_fscore_support, f1_score

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "VoicesTests", "Fixtures", "agreement")
FILES = ["coder-a.csv", "coder-b.csv", "coder-c.csv"]
THEMES = ["access", "cost", "staff", "transport", "waiting"]  # "cost": nobody uses it


def read(name):
    with open(os.path.join(HERE, name), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return {r["id"]: set(t for t in r["themes"].split(";") if t) for r in rows}


def clean(x):
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


def pairwise(a, b):
    ids = sorted(set(a) & set(b))
    out = {"reference": None, "comments": len(ids), "themes": []}
    A = np.array([[int(t in a[i]) for t in THEMES] for i in ids])
    B = np.array([[int(t in b[i]) for t in THEMES] for i in ids])
    for j, t in enumerate(THEMES):
        ya, yb = A[:, j], B[:, j]
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            kappa = cohen_kappa_score(ya, yb)
            p, r, f, _ = precision_recall_fscore_support(ya, yb, average="binary", zero_division=np.nan)
        out["themes"].append({
            "theme": t, "kappa": clean(kappa), "prevalenceReference": float(ya.mean()),
            "prevalenceComparison": float(yb.mean()), "precision": clean(p), "recall": clean(r), "f1": clean(f),
        })
    used = [j for j in range(len(THEMES)) if A[:, j].any() or B[:, j].any()]
    out["microF1"] = float(f1_score(A, B, average="micro"))
    out["macroF1"] = float(f1_score(A[:, used], B[:, used], average="macro"))
    return out


def alpha(coders):
    ids = sorted(set().union(*coders))
    per_theme = []
    for t in THEMES:
        data = np.array([[(1.0 if t in c[i] else 0.0) if i in c else np.nan for i in ids] for c in coders])
        try:
            value = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
        except ValueError:   # only one value in the domain: undefined
            value = None
        per_theme.append({"theme": t, "alpha": clean(value)})
    data = np.array([[(1.0 if t in c[i] else 0.0) if i in c else np.nan for i in ids for t in THEMES] for c in coders])
    overall = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    return {"units": len(ids), "themes": per_theme, "overall": clean(overall)}


def main():
    coders = [read(f) for f in FILES]
    result = {
        "generator": f"scripts/agreement-oracle (scikit-learn {sklearn.__version__}, krippendorff {importlib.metadata.version('krippendorff')})",
        "files": FILES, "themes": THEMES,
        "pairwise": [],
        "alpha": alpha(coders),
    }
    for k in (1, 2):
        p = pairwise(coders[0], coders[k])
        p["reference"], p["comparison"] = FILES[0], FILES[k]
        result["pairwise"].append(p)
    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump(result, f, indent=2, sort_keys=True)
        f.write("\n")
    print(json.dumps(result, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
