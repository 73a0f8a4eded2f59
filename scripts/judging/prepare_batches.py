#!/usr/bin/env python3
"""Turn unjudged findings into batches an annotator can judge without seeing the code.

  scripts/judging/prepare_batches.py --unjudged /tmp/unjudged.json \
      --corpus ../shared/corpus/published --out /tmp/batches --size 45

`--unjudged` is what `../shared/tools/score-published.py --unjudged FILE` wrote: findings
no verdict covers yet. Each batch is a Markdown file listing findings (grouped by article,
so an annotator reads each story once) with the finding's paragraph, the paragraphs
around it, the rule's message and the rule page to read, plus a JSON skeleton of the
answers. The annotator fills in the verdicts; `merge_verdicts.py` appends them.
"""
import argparse, json, os, re
from collections import defaultdict

ap = argparse.ArgumentParser()
ap.add_argument("--unjudged", required=True)
ap.add_argument("--corpus", required=True)
ap.add_argument("--out", required=True)
ap.add_argument("--size", type=int, default=45)
ap.add_argument("--prefix", default="batch")
a = ap.parse_args()

findings = json.load(open(a.unjudged))
os.makedirs(a.out, exist_ok=True)


def paragraphs(text):
    """(first line, last line, text) of each blank-line-separated block, 0-based lines."""
    out, start, buf = [], None, []
    for n, line in enumerate(text.split("\n")):
        if line.strip():
            if start is None:
                start = n
            buf.append(line)
        elif start is not None:
            out.append((start, n - 1, "\n".join(buf)))
            start, buf = None, []
    if start is not None:
        out.append((start, start + len(buf) - 1, "\n".join(buf)))
    return out


by_file = defaultdict(list)
for i, f in enumerate(findings):
    f["id"] = i
    by_file[f["file"]].append(f)

batches, current = [], []
for name in sorted(by_file):
    group = by_file[name]
    if current and len(current) + len(group) > a.size:
        batches.append(current)
        current = []
    current.extend(group)
if current:
    batches.append(current)

for b, batch in enumerate(batches):
    lines = [f"# Judging batch {b + 1} of {len(batches)}", ""]
    for f in batch:
        path = os.path.join(a.corpus, f["file"])
        text = open(path, encoding="utf-8").read()
        paras = paragraphs(text)
        k = next((i for i, p in enumerate(paras) if p[0] <= f["line"] <= p[1]), None)
        lines.append(f"## Finding {f['id']}: `{f['rule']}` in {f['file']} line {f['line'] + 1}")
        lines.append("")
        lines.append(f"- Rule page: docs/rules/{f['rule']}.md")
        lines.append(f"- Preset: {f['run']}")
        lines.append(f"- Flagged text: `{f['excerpt']}`")
        lines.append(f"- Message: {f['message']}")
        lines.append(f"- Whole article: {path}")
        lines.append("")
        if k is not None:
            for i in range(max(0, k - 1), min(len(paras), k + 2)):
                body = paras[i][2]
                if i == k:
                    # Mark the flagged text on the finding's own line.
                    rel = f["line"] - paras[i][0]
                    parts = body.split("\n")
                    ch = f["character"]
                    ln = parts[rel]
                    # Column is in UTF-16 units; convert.
                    units, col = 0, 0
                    while col < len(ln) and units < ch:
                        units += 2 if ord(ln[col]) > 0xFFFF else 1
                        col += 1
                    ex = f["excerpt"].split("\n")[0]
                    if ln[col:col + len(ex)] == ex:
                        parts[rel] = ln[:col] + "⟦" + ex + "⟧" + ln[col + len(ex):]
                    body = "\n".join(parts)
                    lines.append("> **the paragraph** (flagged text in ⟦ ⟧):")
                else:
                    lines.append("> (previous paragraph)" if i < k else "> (next paragraph)")
                lines.append(">")
                for pl in body.split("\n"):
                    lines.append("> " + pl)
                lines.append("")
    skeleton = [{"id": f["id"], "verdict": "", "why": ""} for f in batch]
    base = os.path.join(a.out, f"{a.prefix}{b + 1:02d}")
    open(base + ".md", "w").write("\n".join(lines) + "\n")
    json.dump(skeleton, open(base + ".answers.json", "w"), indent=1)
json.dump(findings, open(os.path.join(a.out, "findings.json"), "w"), indent=1, ensure_ascii=False)
print(f"{len(findings)} findings in {len(batches)} batches under {a.out}")
