"""scikit-learn baseline for `voices learn` on the NHS pxtextmining file (issue 5, item 5).

Reads v6framework_230831_dev70.csv, applies the SAME row rule and the SAME folds as Voices
(see Sources/Voices/Learning/CrossValidation.swift), and prints micro-F1 for
TfidfVectorizer(ngram_range=(1,2), sublinear_tf=True, min_df=2) +
OneVsRestClassifier(LogisticRegression(C, class_weight)) over a small grid, at threshold 0.5 and
with thresholds tuned on out-of-fold predictions ("cross-fitted": the thresholds used on fold k
are tuned on the out-of-fold predictions of the other folds, never on fold k's labels):
  * global: one threshold for every theme, from 0.05, 0.06, ... 0.95, maximising micro-F1
    (ties: the one nearest 0.5, then the lower);
  * per-theme: for a theme with at least 50 positives among the tuning rows, the cut that
    maximises that theme's F1 (midpoint between the chosen score and the next lower one; ties:
    the highest); other themes use the global threshold.

Row rule (shared with Voices):
  * rows whose text is blank after trimming whitespace are dropped;
  * the themes "Labelling not possible" and "Not assigned" are excluded (not learnable topics);
  * rows left with no theme are dropped (a row nobody coded is not a negative for every theme).
Fold rule (shared with Voices): fold = FNV-1a 64-bit hash of the UTF-8 bytes of "Comment ID",
modulo the number of folds (5).
"""
import csv, sys, time
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier

PATH = sys.argv[1] if len(sys.argv) > 1 else \
    "/work/shared/external/coding-agreement/nhs-fft-pxtextmining/v6framework_230831_dev70.csv"
FOLDS = 5
EXCLUDED = {"Labelling not possible", "Not assigned"}


def fnv1a64(text):
    h = 0xcbf29ce484222325
    for b in text.encode("utf-8"):
        h ^= b
        h = (h * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h


def load():
    rows = list(csv.reader(open(PATH, encoding="utf-8-sig", newline="")))
    header = rows[0]
    first, last = header.index("Not assigned"), header.index("Positive experience & gratitude")
    label_cols = [i for i in range(first, last + 1) if header[i] not in EXCLUDED]
    themes = [header[i] for i in label_cols]
    texts, ys, folds = [], [], []
    for r in rows[1:]:
        text = r[header.index("FFT answer")]
        if not text.strip():
            continue
        y = [1 if r[i].strip() not in ("", "0") else 0 for i in label_cols]
        if sum(y) == 0:
            continue
        texts.append(text)
        ys.append(y)
        folds.append(fnv1a64(r[header.index("Comment ID")]) % FOLDS)
    return themes, texts, np.array(ys), np.array(folds)


def best_threshold(p, y):
    """The cut maximising F1 (predict p >= t); ties -> highest t; none useful -> 0.5.

    Returned threshold is the midpoint between the chosen score and the next lower one."""
    order = np.argsort(-p, kind="stable")
    ps, ys = p[order], y[order]
    positives = ys.sum()
    best, best_t, tp, k = 0.0, 0.5, 0, 0
    n = len(ps)
    while k < n:
        v = ps[k]
        while k < n and ps[k] == v:
            tp += ys[k]
            k += 1
        f1 = 2 * tp / (k + positives) if (k + positives) else 0.0
        if f1 > best:
            best = f1
            best_t = (v + ps[k]) / 2 if k < n else v / 2
    return best_t


GRID = [(5 + i) / 100 for i in range(91)]
PER_THEME_MINIMUM = 50


def global_threshold(p, y):
    best, best_ts, positives = -1.0, [], int(y.sum())
    for t in GRID:
        pred = p >= t
        tp = int((pred & (y == 1)).sum())
        denominator = int(pred.sum()) + positives
        f = 2 * tp / denominator if denominator else 0.0
        if f > best:
            best, best_ts = f, [t]
        elif f == best:
            best_ts.append(t)
    return min(best_ts, key=lambda t: (abs(t - 0.5), t))


def micro_f1(pred, y):
    tp = int(((pred == 1) & (y == 1)).sum()); fp = int(((pred == 1) & (y == 0)).sum())
    fn = int(((pred == 0) & (y == 1)).sum())
    return 2 * tp / (2 * tp + fp + fn), tp, fp, fn


def run(texts, Y, folds, C, cw):
    oof = np.zeros(Y.shape)
    for k in range(FOLDS):
        tr, te = folds != k, folds == k
        vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)
        Xtr = vec.fit_transform([t for t, m in zip(texts, tr) if m])
        Xte = vec.transform([t for t, m in zip(texts, te) if m])
        p = np.zeros((te.sum(), Y.shape[1]))
        for j in range(Y.shape[1]):
            ytr = Y[tr, j]
            if ytr.min() == ytr.max():   # a theme absent from the training folds: never predicted
                p[:, j] = float(ytr.max())
                continue
            clf = LogisticRegression(C=C, class_weight=cw, max_iter=1000)
            clf.fit(Xtr, ytr)
            p[:, j] = clf.predict_proba(Xte)[:, 1]
        oof[te] = p
    at_half = (oof >= 0.5).astype(int)
    tuned_global = np.zeros(Y.shape, dtype=int)
    tuned_theme = np.zeros(Y.shape, dtype=int)
    for k in range(FOLDS):
        other, te = folds != k, folds == k
        g = global_threshold(oof[other], Y[other])
        tuned_global[te] = (oof[te] >= g).astype(int)
        for j in range(Y.shape[1]):
            t = best_threshold(oof[other, j], Y[other, j]) if Y[other, j].sum() >= PER_THEME_MINIMUM else g
            tuned_theme[te, j] = (oof[te, j] >= t).astype(int)
    return micro_f1(at_half, Y), micro_f1(tuned_global, Y), micro_f1(tuned_theme, Y)


def main():
    themes, texts, Y, folds = load()
    print(f"file: {PATH}")
    print(f"rows kept: {len(texts)}; themes: {len(themes)}; positives: {int(Y.sum())}; "
          f"fold sizes: {[int((folds == k).sum()) for k in range(FOLDS)]}")
    print("TfidfVectorizer(ngram_range=(1,2), sublinear_tf=True, min_df=2) + "
          "OneVsRestClassifier-equivalent per-theme LogisticRegression(lbfgs, max_iter=1000)")
    best = None
    for cw in (None, "balanced"):
        for C in (1.0, 4.0, 10.0, 30.0, 100.0):
            start = time.time()
            (f_half, *_), (f_global, *_), (f_theme, *_) = run(texts, Y, folds, C, cw)
            print(f"C={C:<6g} class_weight={str(cw):<9} micro-F1@0.5={f_half:.4f} "
                  f"@global-tuned={f_global:.4f} @per-theme-tuned={f_theme:.4f} "
                  f"({time.time() - start:.1f}s)")
            for name, f in (("0.5", f_half), ("global-tuned", f_global), ("per-theme-tuned", f_theme)):
                if best is None or f > best[0]:
                    best = (f, name, C, cw)
    print(f"best: micro-F1={best[0]:.4f} (threshold {best[1]}, C={best[2]:g}, class_weight={best[3]})")


if __name__ == "__main__":
    main()
