#!/usr/bin/env python3
"""Verify labels.json against the bl7 drafts in this folder (adapted from the dev corpus checker;
only the draft file pattern differs: bl7-NN.md / bl7-NN.txt).

Checks
  * every bl7-NN.md / bl7-NN.txt draft has an entry under "drafts" and "traps" (and no entry lacks a file)
  * each draft is 250-600 words
  * each label's text occurs on its (1-based) line
  * name-inconsistency: canonical differs from the variant, canonical outnumbers all of
    its labelled variants in the draft (prose only: front matter and fenced code are
    skipped), and every occurrence of a labelled variant is itself labelled
  * unattributed-figure: the sentence holding the figure has no attribution cue
  * duplicate-paragraph: both lines start a paragraph, of_line < line, word-level
    Jaccard >= 0.6 (printed), exact=true only for identical paragraphs
  * traps: text occurs on its line and no trap coincides with a defect label
Prints counts per kind and exits non-zero on any failure.

Usage: python3 check_labels.py [corpus_dir]
"""
import json
import os
import re
import string
import sys
from collections import Counter, defaultdict

HERE = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
KINDS = {"name-inconsistency", "unattributed-figure", "duplicate-paragraph"}
FIELDS = {"name-inconsistency": {"kind", "line", "text", "canonical"},
          "unattributed-figure": {"kind", "line", "text"},
          "duplicate-paragraph": {"kind", "line", "of_line", "exact"},
          "trap": {"kind", "line", "text", "note"}}
CUES = re.compile(r"\b(said|says|saying|told|according to|reported|estimated|estimates|"
                  r"showed|shows|heard|announced|wrote|put the number)\b", re.I)
ABBREV = {"Dr.", "Lt.", "Col.", "No.", "St.", "Mr.", "Mrs.", "Ms.", "Capt.", "Prof.", "Gen.",
          "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.", "U.S.", "B.", "K."}
PUNCT = string.punctuation + "“”‘’—–«»…"

errors = []


def err(msg):
    errors.append(msg)
    print("  ERROR " + msg)


def word_pat(text):
    return re.compile(r"(?<!\w)" + re.escape(text) + r"(?!\w)")


def prose_mask(lines):
    """True for lines that are prose (not YAML front matter, not inside a fenced block)."""
    mask = [True] * len(lines)
    i = 0
    if lines and lines[0].strip() == "---":
        mask[0] = False
        i = 1
        while i < len(lines) and lines[i].strip() != "---":
            mask[i] = False
            i += 1
        if i < len(lines):
            mask[i] = False
        i += 1
    fenced = False
    for j in range(i, len(lines)):
        if lines[j].lstrip().startswith("```"):
            mask[j] = False
            fenced = not fenced
        elif fenced:
            mask[j] = False
    return mask


def paragraph_at(lines, n):
    """(start, joined text) of the paragraph containing 1-based line n."""
    s = n
    while s > 1 and lines[s - 2].strip():
        s -= 1
    e = n
    while e < len(lines) and lines[e].strip():
        e += 1
    return s, " ".join(l.strip() for l in lines[s - 1:e])


def sentences(text):
    out, start = [], 0
    for m in re.finditer(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-ZÀ-ÖØ-ÞĀ-Ž0-9])", text):
        last = text[start:m.start() + 1].split()[-1].lstrip("\"“(")
        if last in ABBREV:
            continue
        out.append(text[start:m.end()].strip())
        start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


def tokens(text):
    return {w.strip(PUNCT).lower() for w in text.split() if w.strip(PUNCT)}


def jaccard(a, b):
    ta, tb = tokens(a), tokens(b)
    return len(ta & tb) / len(ta | tb)


def main():
    labels = json.load(open(os.path.join(HERE, "labels.json"), encoding="utf-8"))
    drafts, traps = labels.get("drafts", {}), labels.get("traps", {})
    files = sorted(f for f in os.listdir(HERE) if re.fullmatch(r"bl7-\d\d\.(md|txt)", f))
    for f in files:
        if f not in drafts:
            err(f"{f}: no entry under 'drafts'")
        if f not in traps:
            err(f"{f}: no entry under 'traps'")
    for f in set(drafts) | set(traps):
        if f not in files:
            err(f"{f}: labelled but file missing")

    kinds = Counter()
    exact_n = near_n = 0
    clean = []
    trap_total = 0
    trap_cats = Counter()
    for f in files:
        lines = open(os.path.join(HERE, f), encoding="utf-8").read().split("\n")
        mask = prose_mask(lines)
        prose = [l for l, m in zip(lines, mask) if m]
        words = sum(len(l.split()) for l in prose)
        dl = drafts.get(f, [])
        tl = traps.get(f, [])
        per = Counter(d.get("kind") for d in dl)
        print(f"{f}: words={words} names={per['name-inconsistency']} "
              f"figures={per['unattributed-figure']} dups={per['duplicate-paragraph']} traps={len(tl)}")
        if not 250 <= words <= 600:
            err(f"{f}: {words} words, outside 250-600")
        if not dl:
            clean.append(f)

        def line_ok(d, key="line"):
            n = d.get(key)
            if not isinstance(n, int) or not 1 <= n <= len(lines):
                err(f"{f}: bad {key} {n!r} in {d}")
                return False
            return True

        seen = set()
        variants = defaultdict(Counter)  # canonical -> Counter(variant -> labels)
        for d in dl:
            k = d.get("kind")
            if k not in KINDS:
                err(f"{f}: unknown kind {k!r}")
                continue
            kinds[k] += 1
            if set(d) != FIELDS[k]:
                err(f"{f}: {k} label must have exactly the fields {sorted(FIELDS[k])}: {d}")
            key = json.dumps(d, sort_keys=True)
            if key in seen:
                err(f"{f}: duplicate label {d}")
            seen.add(key)
            if not line_ok(d):
                continue
            n = d["line"]
            if not mask[n - 1]:
                err(f"{f}:{n}: label points into front matter or a code block")
            if k in ("name-inconsistency", "unattributed-figure"):
                if d.get("text", "") == "" or d["text"] not in lines[n - 1]:
                    err(f"{f}:{n}: text {d.get('text')!r} not on line")
                    continue
            if k == "name-inconsistency":
                c = d.get("canonical", "")
                if not c or c == d["text"]:
                    err(f"{f}:{n}: canonical missing or equal to variant")
                    continue
                variants[c][d["text"]] += 1
            elif k == "unattributed-figure":
                _, para = paragraph_at(lines, n)
                sents = [s for s in sentences(para) if d["text"] in s]
                if not sents:
                    err(f"{f}:{n}: could not locate sentence for {d['text']!r}")
                for s in sents:
                    m = CUES.search(s)
                    if m:
                        err(f"{f}:{n}: figure {d['text']!r} sentence has attribution cue {m.group(0)!r}: {s}")
            else:
                if not line_ok(d, "of_line"):
                    continue
                a, b = d["of_line"], d["line"]
                if not a < b:
                    err(f"{f}:{b}: of_line {a} must precede line {b}")
                for x in (a, b):
                    if not lines[x - 1].strip() or (x > 1 and lines[x - 2].strip()):
                        err(f"{f}:{x}: not the first line of a paragraph")
                pa, pb = paragraph_at(lines, a)[1], paragraph_at(lines, b)[1]
                j = jaccard(pa, pb)
                ident = pa == pb
                exact = d.get("exact")
                if not isinstance(exact, bool):
                    err(f"{f}:{b}: 'exact' must be true or false")
                sym = len(tokens(pa) ^ tokens(pb))
                print(f"    duplicate {b} of {a}: exact={exact} identical={ident} "
                      f"jaccard={j:.3f} differing_word_types={sym}")
                if j < 0.6:
                    err(f"{f}:{b}: Jaccard {j:.3f} < 0.6")
                if exact is True and not ident:
                    err(f"{f}:{b}: marked exact but paragraphs differ")
                if exact is False and ident:
                    err(f"{f}:{b}: marked near but paragraphs are identical")
                if exact is True:
                    exact_n += 1
                elif exact is False:
                    near_n += 1

        text = "\n".join(prose)
        for canon, vs in variants.items():
            cc = len(word_pat(canon).findall(text))
            vtotal = 0
            for v, nlab in vs.items():
                vc = len(word_pat(v).findall(text))
                vtotal += vc
                if vc != nlab:
                    err(f"{f}: variant {v!r} occurs {vc}x in prose but is labelled {nlab}x")
            ok = cc > vtotal
            print(f"    name {canon!r} x{cc} vs variants {dict(vs)} x{vtotal}: {'ok' if ok else 'FAIL'}")
            if not ok:
                err(f"{f}: canonical {canon!r} ({cc}) does not outnumber variants ({vtotal})")

        defect_spots = {(d.get("line"), d.get("text")) for d in dl}
        for t in tl:
            trap_total += 1
            if t.get("kind") != "trap" or not t.get("note") or set(t) != FIELDS["trap"]:
                err(f"{f}: malformed trap {t}")
            trap_cats[t.get("note", "").split(":")[0].split(" ")[0]] += 1
            if not line_ok(t):
                continue
            if not t.get("text") or t["text"] not in lines[t["line"] - 1]:
                err(f"{f}:{t['line']}: trap text {t.get('text')!r} not on line")
            if (t["line"], t["text"]) in defect_spots:
                err(f"{f}:{t['line']}: trap coincides with a defect label")

    print()
    print(f"drafts: {len(files)}")
    for k in sorted(KINDS):
        print(f"{k}: {kinds[k]}")
    print(f"  duplicates exact={exact_n} near={near_n}")
    print(f"clean drafts (no defects): {len(clean)} {clean}")
    print(f"traps: {trap_total}")
    print("  by category: " + ", ".join(f"{c}={n}" for c, n in sorted(trap_cats.items())))
    if errors:
        print(f"\nFAILED: {len(errors)} problem(s)")
        sys.exit(1)
    print("\nALL LABELS VERIFIED")


if __name__ == "__main__":
    main()
