#!/usr/bin/env python3
"""Precision on published copy, per rule and severity, from the judged verdicts, split into
the pages used for tuning and the pages held out from it.

  scripts/judging/precision.py --bin target/release/copydesk [--ap] [--rule RULE]
      [--show false|all] [--unjudged FILE]

A page is held out when the SHA-1 of its name is 0, 1 or 2 mod 10 (26 of the 86 articles;
the same split as web-residue's model and tests/published.rs). Tune on the other pages:
`--show false` lists their FALSE and UNJUDGED findings, never the held-out ones. A finding
matches a verdict as ../shared/tools/score-published.py matches it (file, rule, excerpt,
line within 2), so the figures agree with that script's. `--unjudged FILE` writes the
findings no verdict covers yet (both splits), for the annotators.
"""
import argparse, hashlib, json, os, shutil, subprocess, sys, tempfile
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
ap = argparse.ArgumentParser()
ap.add_argument("--bin", required=True)
ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus", "published"))
ap.add_argument("--verdicts", default=os.path.join(ROOT, "tests", "corpus", "published", "verdicts.json"))
ap.add_argument("--ap", action="store_true")
ap.add_argument("--rule")
ap.add_argument("--show", choices=["false", "all"])
ap.add_argument("--unjudged")
a = ap.parse_args()


def held_out(page):
    return int(hashlib.sha1(page.encode()).hexdigest(), 16) % 10 < 3


run = "ap" if a.ap else "default"
folder = tempfile.mkdtemp()
for name in os.listdir(a.corpus):
    if name.endswith(".txt"):
        shutil.copy(os.path.join(a.corpus, name), folder)
if a.ap:
    open(os.path.join(folder, "copydesk.toml"), "w").write('style = "ap"\n')
out = subprocess.run([a.bin, "check", "--format", "json", "--fail-on", "never", folder], capture_output=True, text=True)
findings = json.loads(out.stdout)
verdicts = json.load(open(a.verdicts)) if os.path.exists(a.verdicts) else []
index = defaultdict(list)
for v in verdicts:
    index[(v["file"], v["rule"], v["excerpt"].strip())].append(v)
words = {"tune": 0, "held": 0}
for name in os.listdir(folder):
    if name.endswith(".txt"):
        words["held" if held_out(name[:-4]) else "tune"] += len(open(os.path.join(folder, name), encoding="utf-8").read().split())
table = defaultdict(Counter)
unjudged = []
for f in findings:
    if a.rule and f["rule"] != a.rule:
        continue
    name = os.path.basename(f["path"])
    line = f["range"]["start"]["line"]
    candidates = [v for v in index.get((name, f["rule"], f["excerpt"].strip()), []) if abs(v["line"] - line) <= 2]
    preferred = [v for v in candidates if v["run"] == run] or candidates
    verdict = preferred[0]["verdict"] if preferred else "UNJUDGED"
    split = "held" if held_out(name[:-4]) else "tune"
    table[(f["rule"], f["severity"], split)][verdict] += 1
    if verdict == "UNJUDGED":
        unjudged.append({"run": run, "file": name, "line": line, "character": f["range"]["start"]["character"],
                         "rule": f["rule"], "excerpt": f["excerpt"], "message": f["message"], "severity": f["severity"]})
    if a.show and split == "tune" and (a.show == "all" or verdict in ("FALSE", "UNJUDGED")):
        print(f"  {verdict:9} {f['severity']:7} {f['rule']} {name}:{line} {f['excerpt'][:50]!r}  {f['message'][:90]}")
totals = defaultdict(Counter)
print(f"{'rule':24} {'severity':8} {'split':5}  TRUE FALSE DEBAT UNJUD  precision  false/1k")
for (rule, severity, split), c in sorted(table.items()):
    judged = c["TRUE"] + c["FALSE"]
    precision = f"{c['TRUE'] / judged:.2f}" if judged else "n/a"
    print(f"{rule:24} {severity:8} {split:5}  {c['TRUE']:4} {c['FALSE']:5} {c['DEBATABLE']:5} {c['UNJUDGED']:5}  {precision:>9}  {1000 * c['FALSE'] / words[split]:8.2f}")
    totals[(severity, split)].update(c)
for (severity, split), c in sorted(totals.items()):
    judged = c["TRUE"] + c["FALSE"]
    precision = f"{c['TRUE'] / judged:.2f}" if judged else "n/a"
    print(f"{'ALL':24} {severity:8} {split:5}  {c['TRUE']:4} {c['FALSE']:5} {c['DEBATABLE']:5} {c['UNJUDGED']:5}  {precision:>9}  {1000 * c['FALSE'] / words[split]:8.2f}")
if a.unjudged:
    json.dump(unjudged, open(a.unjudged, "w"), indent=1, ensure_ascii=False)
