#!/usr/bin/env python3
"""Train the web-residue model on real pages as real text extractors left them.

  python3 -m venv /tmp/venv && /tmp/venv/bin/pip install -r scripts/train-web-residue/requirements.txt
  cargo build --release
  /tmp/venv/bin/python scripts/train-web-residue/train.py --bin target/release/copydesk \
      --scraped ../shared/corpus/scraped [--out data/models/web-residue.json]

The features come from the binary itself (`copydesk debug residue`), so training and
inference cannot disagree about them. Labels: `labels.json` of the scraped corpus marks each
line body, furniture or mixed; a unit (a paragraph, list item, heading or line) takes the
majority label of its labelled lines. Pages are split by a fixed rule (a page is held out
when the SHA-1 of its name is 0, 1 or 2 mod 10): the model never sees the held-out pages,
which are scored afterwards line by line, the way `score-residue.py` scores. The thresholds
are chosen on the training pages only, on their real extractors' lines. The output records
the held-out pages and their scores.

`--simulated DIR` adds simulate.py's article-extractor output of the training pages to the
training rows (at `--simulated-weight`), never to the thresholds or the scores. It was tried
and not kept for the committed model (docs/accuracy.md, section 2).
"""
import argparse, hashlib, json, os, subprocess, sys
from collections import defaultdict

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

ap = argparse.ArgumentParser()
ap.add_argument("--bin", required=True)
ap.add_argument("--scraped", required=True)
ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "../../data/models/web-residue.json"))
ap.add_argument("--flag-precision", type=float, default=0.97,
                help="for Markdown, the flag threshold is the lowest whose out-of-fold precision on the training pages reaches this")
ap.add_argument("--plain-flag-precision", type=float, default=0.92,
                help="likewise for plain text, whose labels are noisier (crossheads, captions)")
ap.add_argument("--safe-precision", type=float, default=0.995,
                help="likewise for the threshold of safe deletion")
ap.add_argument("--hide-held-out", action="store_true", help="do not print the held-out scores (they are still recorded)")
ap.add_argument("--simulated", help="simulate.py's output folder: simulated article-extractor lines to train on")
ap.add_argument("--simulated-weight", type=float, default=0.5,
                help="the weight of a simulated unit against a real one (0.5 was best out of fold; see docs/accuracy.md)")
a = ap.parse_args()


def held_out(page):
    return int(hashlib.sha1(page.encode()).hexdigest(), 16) % 10 < 3


def load(folder, simulated):
    """Units of a labelled folder with their features (from the binary) and labels."""
    labels = json.load(open(os.path.join(folder, "labels.json")))
    out = subprocess.run([a.bin, "debug", "residue", folder], capture_output=True, text=True, check=True)
    for line in out.stdout.splitlines():
        u = json.loads(line)
        name = os.path.basename(u["path"])
        if name not in labels:
            continue
        lab = labels[name]
        # The first line of a real page is its headline, which scoring leaves out.
        body, furniture = set(lab["body"]), set(lab["furniture"]) - (set() if simulated else {1})
        lines = range(u["first_line"], u["last_line"] + 1)
        ys = [1 if n in furniture else 0 if n in body else None for n in lines]
        known = [y for y in ys if y is not None]
        page, extractor = name.rsplit(".", 2)[0], name.rsplit(".", 2)[1]
        if simulated and held_out(page):
            sys.exit(f"{name}: a held-out page in the simulated folder")
        yield {"page": page, "extractor": extractor, "name": name, "lines": list(lines), "ys": ys,
               "simulated": simulated, "y": (1 if 2 * sum(known) >= len(known) else 0) if known else None,
               "x": u["features"]}


rows = list(load(a.scraped, False)) + (list(load(a.simulated, True)) if a.simulated else [])
X = np.array([r["x"] for r in rows], dtype=np.float64)
train = np.array([not held_out(r["page"]) and r["y"] is not None for r in rows])
test = np.array([held_out(r["page"]) and not r["simulated"] for r in rows])
y = np.array([-1 if r["y"] is None else r["y"] for r in rows])
weights = np.sqrt(np.array([len(r["lines"]) for r in rows], dtype=np.float64))
weights *= np.array([a.simulated_weight if r["simulated"] else 1.0 for r in rows])
real = np.array([not r["simulated"] for r in rows])

PARAMETERS = dict(max_depth=4, max_iter=300, learning_rate=0.08, early_stopping=False,
                  class_weight={0: 3, 1: 1}, random_state=0)


def fit(mask):
    return HistGradientBoostingClassifier(**PARAMETERS).fit(X[mask], y[mask], sample_weight=weights[mask])


# Out-of-fold probabilities on the training pages (five folds by page) choose the
# thresholds; the final model is fitted on all training pages.
pages = sorted({r["page"] for i, r in enumerate(rows) if train[i]})
fold_of = {page: int(hashlib.sha1(("fold" + page).encode()).hexdigest(), 16) % 5 for page in pages}
p = np.zeros(len(rows))
for fold in range(5):
    inside = np.array([train[i] and fold_of[r["page"]] == fold for i, r in enumerate(rows)])
    p[inside] = fit(train & ~inside).predict_proba(X[inside])[:, 1]
model = fit(train)
p[~train] = model.predict_proba(X[~train])[:, 1]


markdown = np.array([r["name"].endswith((".md", ".markdown")) for r in rows])


def line_scores(mask, threshold):
    """Precision and recall per extractor, line by line as score-residue.py counts them."""
    counts = defaultdict(lambda: [0, 0, 0])
    for i, r in enumerate(rows):
        if not mask[i]:
            continue
        flagged = p[i] >= threshold
        # A finding starts on the unit's first line: the unit's other lines count as
        # missed when they are furniture (as score-residue.py counts them).
        for k, (n, yy) in enumerate(zip(r["lines"], r["ys"])):
            if yy is None:
                continue
            hit = flagged and k == 0
            c = counts[r["extractor"]]
            if hit and yy == 1: c[0] += 1
            elif hit and yy == 0: c[1] += 1
            elif not hit and yy == 1: c[2] += 1
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    result = {}
    for name, (tp, fp, fn) in list(counts.items()) + [("all", total)]:
        result[name] = {"precision": tp / max(1, tp + fp), "recall": tp / max(1, tp + fn), "tp": tp, "fp": fp, "fn": fn}
    return result


def lowest_threshold(mask, target):
    for threshold in np.arange(0.5, 0.999, 0.01):
        if line_scores(mask, threshold)["all"]["precision"] >= target:
            return float(round(threshold, 2))
    return 0.99


# Markdown (whole pages as html2text leaves them) and plain text (article extractors' lines)
# get thresholds of their own: the same probability is not equally sure in both.
thresholds = {}
for form, mask in (("markdown", markdown), ("plain", ~markdown)):
    flag = lowest_threshold(train & mask & real, a.flag_precision if form == "markdown" else a.plain_flag_precision)
    safe = max(lowest_threshold(train & mask & real, a.safe_precision), round(flag + 0.01, 2))
    thresholds[form] = (flag, safe)


def out_of_fold_scores():
    """Line scores of the model alone, out of fold, on the training pages' real lines."""
    result = {}
    for form, mask in (("markdown", markdown), ("plain", ~markdown)):
        result.update({k: v for k, v in line_scores(train & real & mask, thresholds[form][0]).items() if k != "all"})
    return result


def held_out_scores():
    """Line scores on the held-out pages with each form's flag threshold."""
    result = {}
    for form, mask in (("markdown", markdown), ("plain", ~markdown)):
        result.update({k: v for k, v in line_scores(test & mask, thresholds[form][0]).items() if k != "all"})
    return result

trees = []
for predictors in model._predictors:
    nodes = predictors[0].nodes
    trees.append([[int(n["feature_idx"]), float(n["num_threshold"]), int(n["left"]), int(n["right"]),
                   float(n["value"]), int(n["is_leaf"])] for n in nodes])
features = json.loads(subprocess.run([a.bin, "debug", "residue-features"], capture_output=True, text=True, check=True).stdout)
held = sorted({r["page"] for r in rows if held_out(r["page"])})
record = {
    "features": features,
    "baseline": float(np.ravel(model._baseline_prediction)[0]),
    "trees": trees,
    "flag_threshold": thresholds["plain"][0],
    "safe_threshold": thresholds["plain"][1],
    "markdown_flag_threshold": thresholds["markdown"][0],
    "markdown_safe_threshold": thresholds["markdown"][1],
    "training": {
        "script": "scripts/train-web-residue/train.py",
        "corpus": "shared/corpus/scraped (labels.json)",
        "simulated": ({"script": "scripts/train-web-residue/simulate.py", "weight": a.simulated_weight,
                       "units": int(sum(r["simulated"] for r in rows))} if a.simulated else None),
        "held_out_pages": held,
        "out_of_fold_scores": out_of_fold_scores(),
        "held_out_scores": held_out_scores(),
        "parameters": {k: (v if k != "class_weight" else {str(c): w for c, w in v.items()}) for k, v in PARAMETERS.items()},
    },
}
with open(a.out, "w") as f:
    json.dump(record, f, separators=(",", ":"))
    f.write("\n")
print(f"thresholds (flag, safe): {thresholds}; {len(trees)} trees -> {a.out}")
for name, s in record["training"]["out_of_fold_scores"].items():
    print(f"  out of fold {name:10} P={s['precision']:.3f} R={s['recall']:.3f} (tp {s['tp']} fp {s['fp']} fn {s['fn']})")
if a.hide_held_out:
    sys.exit(0)
for name, s in record["training"]["held_out_scores"].items():
    print(f"  held out {name:10} P={s['precision']:.3f} R={s['recall']:.3f} (tp {s['tp']} fp {s['fp']} fn {s['fn']})")
