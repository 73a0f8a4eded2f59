#!/usr/bin/env python3
"""Append annotators' answers to the verdicts file; never change a verdict already there.

  scripts/judging/merge_verdicts.py --batches /tmp/batches \
      --verdicts tests/corpus/published/verdicts.json --annotator NAME

Reads `findings.json` and every `*.answers.json` under --batches (as filled in by the
annotators), and appends one verdict per answered finding, in the format
`../shared/tools/score-published.py` reads, plus who judged it and when. A finding that
already has a verdict for the same run, file, rule, excerpt and line is skipped.
"""
import argparse, datetime, glob, json, os

ap = argparse.ArgumentParser()
ap.add_argument("--batches", required=True)
ap.add_argument("--verdicts", required=True)
ap.add_argument("--annotator", default="annotator")
a = ap.parse_args()

findings = {f["id"]: f for f in json.load(open(os.path.join(a.batches, "findings.json")))}
verdicts = json.load(open(a.verdicts)) if os.path.exists(a.verdicts) else []
seen = {(v["run"], v["file"], v["rule"], v["excerpt"], v["line"]) for v in verdicts}
added, bad = 0, 0
today = datetime.date.today().isoformat()
for path in sorted(glob.glob(os.path.join(a.batches, "*.answers.json"))):
    for ans in json.load(open(path)):
        v = ans.get("verdict", "").strip().upper()
        if v not in ("TRUE", "FALSE", "DEBATABLE"):
            bad += 1
            continue
        f = findings[ans["id"]]
        key = (f["run"], f["file"], f["rule"], f["excerpt"], f["line"])
        if key in seen:
            continue
        seen.add(key)
        verdicts.append({
            "run": f["run"], "file": f["file"], "line": f["line"], "character": f["character"],
            "rule": f["rule"], "excerpt": f["excerpt"], "message": f["message"],
            "verdict": v, "why": ans.get("why", "").strip(),
            "annotator": a.annotator, "judged": today,
        })
        added += 1
json.dump(verdicts, open(a.verdicts, "w"), indent=1, ensure_ascii=False)
open(a.verdicts, "a").write("\n")
print(f"added {added} verdicts ({bad} answers without a verdict); {len(verdicts)} in all")
