"""Measures `voices themes suggest` two ways; prints a Markdown report (docs/emerging-themes.md).

1. Leave-one-theme-out on the project's labelled SEND comments (surveys/coded-sample and
   Tests/VoicesTests/Fixtures/coding/heldout-*.csv, per audience): for each theme of the
   audience's default codebook, drop its row, code the comments with the rest (as suggest does)
   and group the comments left uncovered. The theme's comments are those labelled with it by
   hand. Score: F1 of the best-matching group against the theme's comments among those the
   reduced codebook left uncovered (what suggest can see), and, stricter, against all the
   theme's labelled comments.
2. i.AI's synthetic gambling consultation (../shared/external/coding-agreement/
   iai-gambling_XS-synthetic, two questions, 100 responses each, 13 gold themes each, most
   responses with 2): every response grouped (no codebook), the number of groups chosen by the
   tool; NMI against the gold themes beside scikit-learn NMF (TF-IDF, English stop words,
   NNDSVD init, random_state 0) with k = the gold theme count, and with k = the tool's count.
   Gold per response: its first listed theme ("first"), and its whole set of themes as one
   label ("set"); AMI too, which does not reward more groups by chance.
"""
import csv, json, os, statistics, subprocess, sys, tempfile
from sklearn.decomposition import NMF
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_mutual_info_score as ami, normalized_mutual_info_score as nmi

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
VOICES = os.environ.get("VOICES") or os.path.join(ROOT, ".build", "release", "voices")
GAMBLING = os.path.join(ROOT, "..", "shared", "external", "coding-agreement", "iai-gambling_XS-synthetic")
TMP = tempfile.mkdtemp(prefix="themes-eval-")


def suggest(rows, codebook=None):
    """Runs suggest on (id, text) rows; returns {id: group or None}."""
    path = os.path.join(TMP, "comments.csv")
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "text"])
        w.writerows(rows)
    args = [VOICES, "themes", "suggest", path, "--id-column", "id", "--text-column", "text", "--format", "csv"]
    if codebook:
        args += ["--codebook", codebook]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return {r["response_id"]: (r["group"] or None) for r in csv.DictReader(out.splitlines())}


def labelled(audience):
    rows = []
    for path in (f"surveys/coded-sample/{audience}.csv", f"Tests/VoicesTests/Fixtures/coding/heldout-{audience}.csv"):
        with open(os.path.join(ROOT, path), encoding="utf-8") as f:
            for r in csv.DictReader(f):
                rows.append((f"{os.path.basename(path)}:{r['response_id']}:{r['question']}", r["text"],
                             {t for t in r["themes"].split(";") if t}))
    return rows


def f1(group, target):
    tp = len(group & target)
    return 0.0 if tp == 0 else 2 * tp / (len(group) + len(target))


def leave_one_out():
    print("## Leave one theme out (SEND comments)\n")
    medians = {}
    for audience in ("parent-carers", "young-people"):
        rows = labelled(audience)
        with open(os.path.join(ROOT, "surveys", "codebooks", f"{audience}.csv"), encoding="utf-8", newline="") as f:
            book = list(csv.reader(f))
        header, body = book[0], book[1:]
        themes = [r[0] for r in body if r and not r[0].startswith("@")]
        print(f"### {audience.replace('-', ' ')} ({len(rows)} labelled comments)\n")
        print("| theme | labelled | left uncovered | considered | groups | best group size | F1 (uncovered) | F1 (all) |")
        print("|---|---|---|---|---|---|---|---|")
        scores, strict = [], []
        for theme in themes:
            reduced = os.path.join(TMP, "codebook.csv")
            with open(reduced, "w", newline="", encoding="utf-8") as f:
                csv.writer(f).writerows([header] + [r for r in body if r and r[0] != theme])
            groups = suggest([(i, t) for i, t, _ in rows], reduced)
            labelled_ids = {i for i, _, ts in rows if theme in ts}
            target = labelled_ids & set(groups)
            members = {}
            for i, g in groups.items():
                if g:
                    members.setdefault(g, set()).add(i)
            best = max(members.values(), key=lambda g: (f1(g, target), -len(g)), default=set())
            scores.append(f1(best, target))
            strict.append(f1(best, labelled_ids))
            print(f"| {theme} | {len(labelled_ids)} | {len(target)} | {len(groups)} | {len(members)} | {len(best)} "
                  f"| {scores[-1]:.2f} | {strict[-1]:.2f} |")
        medians[audience] = (statistics.median(scores), statistics.median(strict))
        print(f"\nMedian F1: **{medians[audience][0]:.3f}** against the uncovered comments of the theme, "
              f"{medians[audience][1]:.3f} against all its labelled comments.\n")
    both = [s for a in medians.values() for s in a[:1]]
    return medians


def gambling():
    print("## NMI on i.AI's gambling consultation\n")
    print("| question | tool's groups | NMI first (tool) | NMI first (NMF, k=gold) | NMI first (NMF, k=tool's) "
          "| NMI set (tool) | NMI set (NMF, k=gold) | AMI first (tool) | AMI first (NMF, k=gold) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for q in (1, 2):
        base = os.path.join(GAMBLING, "inputs", f"question_part_{q}")
        out = os.path.join(GAMBLING, "outputs", "mapping", "2025-07-22", f"question_part_{q}")
        responses = [json.loads(l) for l in open(os.path.join(base, "responses.jsonl"), encoding="utf-8")]
        gold = {str(json.loads(l)["response_id"]): json.loads(l)["labels"] for l in open(os.path.join(out, "mapping.jsonl"))}
        k_gold = len(json.load(open(os.path.join(out, "themes.json"))))
        ids = [str(r["response_id"]) for r in responses]
        texts = [r["response"] for r in responses]
        groups = suggest(list(zip(ids, texts)))
        tool = [groups.get(i) or "none" for i in ids]
        first = [gold[i][0] for i in ids]
        whole = ["+".join(sorted(gold[i])) for i in ids]
        x = TfidfVectorizer(stop_words="english").fit_transform(texts)

        def nmf(k):
            return NMF(n_components=k, init="nndsvd", random_state=0, max_iter=1000).fit_transform(x).argmax(axis=1)

        k_tool = len(set(tool))
        at_gold, at_tool = nmf(k_gold), nmf(k_tool)
        print(f"| {q} | {k_tool} | **{nmi(first, tool):.3f}** | {nmi(first, at_gold):.3f} | {nmi(first, at_tool):.3f} "
              f"| {nmi(whole, tool):.3f} | {nmi(whole, at_gold):.3f} | {ami(first, tool):.3f} | {ami(first, at_gold):.3f} |")
    print()


if __name__ == "__main__":
    leave_one_out()
    gambling()
