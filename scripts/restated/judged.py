#!/usr/bin/env python3
"""Do restated-paragraph's findings on fact-sheet stories restate the source? Judged pairs.

  python3 scripts/restated/judged.py                      # tally the stored verdicts
  python3 scripts/restated/judged.py --pairs pairs.md      # the pairs as the annotators read them
  python3 scripts/restated/judged.py --make OUT --bin target/release/copydesk

`tests/corpus/restated-judged/` holds 124 paragraph pairs (A: a paragraph of a published
article; B: its best match in a draft of `tests/corpus/restated/`, from `copydesk debug
restated`), shuffled and shown without their origin, and the verdicts of two annotators who
never saw the code (`BRIEF.md`: restates / overlaps / different). The pairs are every
reported paragraph of the fact-sheet stories (`independent.md`), 30 unreported best matches
of those stories (similarity 0.30 or more) and 30 reported paragraphs of loose and summary
rewrites, for comparison; paragraphs under 12 words are left out. `key.json` says which is
which and where each paragraph is (the article's paragraphs are not copied into the repo:
`--pairs` rebuilds the annotators' `pairs.md` from the corpus). `--make` draws a new set the
same way (seed 13) into OUT, for a later version of the rule; the stored verdicts belong to
the stored pairs.
"""
import argparse, json, os, random, subprocess, sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from score import HELD, HELD2, MATERIAL as RESTATED, PUBLISHED, ROOT  # noqa: E402

JUDGED = os.path.join(ROOT, "tests", "corpus", "restated-judged")


def paragraph_at(path, line):
    lines = open(path, encoding="utf-8").read().split("\n")
    out, i = [], line - 1
    while i < len(lines) and lines[i].strip():
        out.append(lines[i].strip())
        i += 1
    return " ".join(out)


def make(out_dir, binary):
    items = []
    for folder in sorted(os.listdir(RESTATED)):
        source = os.path.join(PUBLISHED, folder + ".txt")
        for draft in ["independent", "rewrite-loose", "rewrite-summary"]:
            path = os.path.join(RESTATED, folder, draft + ".md")
            run = subprocess.run([binary, "debug", "restated", source, path],
                                 capture_output=True, text=True, check=True)
            for line in run.stdout.splitlines():
                match = json.loads(line)
                if match["path"] != path:
                    continue
                kind = ("fact" if draft == "independent" else "rewrite") + \
                    ("-reported" if match["reported"] else "-unreported")
                items.append({"folder": folder, "draft": draft + ".md", "kind": kind,
                              "similarity": match["similarity"], "source_line": match["source_line"],
                              "line": match["line"]})
    random.seed(13)
    unreported = [i for i in items if i["kind"] == "fact-unreported" and i["similarity"] >= 0.3]
    rewrites = [i for i in items if i["kind"] == "rewrite-reported"]
    chosen = [i for i in items if i["kind"] == "fact-reported"] + \
        random.sample(unreported, min(30, len(unreported))) + random.sample(rewrites, min(30, len(rewrites)))
    chosen = [i for i in chosen if len(texts(i)[1].split()) >= 12]
    random.shuffle(chosen)
    os.makedirs(out_dir, exist_ok=True)
    chosen = [{"id": n, **item} for n, item in enumerate(chosen)]
    json.dump(chosen, open(os.path.join(out_dir, "key.json"), "w"), indent=1)
    write_pairs(chosen, os.path.join(out_dir, "pairs.md"))
    print(f"{len(chosen)} pairs in {out_dir}")


def texts(item):
    """The pair's paragraphs: the article's (A) and the draft's (B)."""
    source = os.path.join(PUBLISHED, item["folder"] + ".txt")
    draft = os.path.join(RESTATED, item["folder"], item["draft"])
    return paragraph_at(source, item["source_line"]), paragraph_at(draft, item["line"])


def write_pairs(items, path):
    with open(path, "w") as pairs:
        for item in items:
            a, b = texts(item)
            pairs.write(f"## Pair {item['id']}\n\nA: {a}\n\nB: {b}\n\n")


def tally():
    key = {item["id"]: item for item in json.load(open(os.path.join(JUDGED, "key.json")))}
    first = {v["id"]: v["verdict"] for v in json.load(open(os.path.join(JUDGED, "verdicts-1.json")))}
    second = {v["id"]: v["verdict"] for v in json.load(open(os.path.join(JUDGED, "verdicts-2.json")))}
    print(f"annotators agree on {sum(first[i] == second[i] for i in key)} of {len(key)} pairs")
    counts = defaultdict(Counter)
    for i, item in key.items():
        verdict = first[i] if first[i] == second[i] else "split"
        counts[item["kind"]][verdict] += 1
        if item["kind"] == "fact-reported":
            split = "held" if item["folder"] in HELD else "held2" if item["folder"] in HELD2 else "tune"
            counts["fact-reported, " + split][verdict] += 1
    print(f"{'pairs':32} {'n':>4} {'restates':>9} {'overlaps':>9} {'different':>10} {'split':>6}")
    for kind in sorted(counts):
        c = counts[kind]
        n = sum(c.values())
        print(f"{kind:32} {n:4} {c['restates']:9} {c['overlaps']:9} {c['different']:10} {c['split']:6}"
              f"   restates {c['restates'] / n:.0%}")


ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument("--make", metavar="OUT")
ap.add_argument("--pairs", metavar="FILE")
ap.add_argument("--bin")
a = ap.parse_args()
if a.make:
    if not a.bin:
        ap.error("--make needs --bin")
    make(a.make, a.bin)
elif a.pairs:
    write_pairs(json.load(open(os.path.join(JUDGED, "key.json"))), a.pairs)
else:
    tally()
