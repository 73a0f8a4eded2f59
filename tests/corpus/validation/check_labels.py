#!/usr/bin/env python3
"""Verify labels.json against the validation drafts in this folder.

Adapted from corpus/dev/check_labels.py (same label format, same rules) for the
val*.md validation set. Differences from the dev script:
  * drafts are val\d\d.md and must have 300-550 words of copy
  * the attribution cue list also knows "put the toll/number/cost at", "data from",
    "a survey by", "(source: ...)" and "testified"
  * a passive hedge with no agent ("is estimated at", "are thought to", "an estimated")
    is NOT an attribution cue, so "Unemployment is estimated at 7.9%." stays unattributed;
    with an agent ("had been estimated at ... by the auction house") it is
  * traps tagged attributed-figure must sit in a sentence that has a cue
  * near duplicates must have Jaccard >= 0.75 (the README's range), exact ones 1.0
  * prints the formats found (front matter, CRLF, hard wrap, code fences)
  * --audit lists every copy sentence with a digit or number word, no cue, and no
    label or trap on it, for a human to eyeball (informational, never fails)

Checks
  * every val*.md draft has an entry under "drafts" and "traps" (and no entry lacks a file)
  * each draft is 300-550 words
  * each label's text occurs on its (1-based) line
  * name-inconsistency: canonical differs from the variant, canonical outnumbers all of
    its labelled variants in the draft (prose only: front matter and fenced code are
    skipped), and every occurrence of a labelled variant is itself labelled
  * unattributed-figure: the sentence holding the figure has no attribution cue
  * duplicate-paragraph: both lines start a paragraph, of_line < line, word-level
    Jaccard >= 0.6 (printed), exact=true only for identical paragraphs
  * traps: text occurs on its line and no trap coincides with a defect label
Prints counts per kind and exits non-zero on any failure.

Usage: python3 check_labels.py [--audit] [corpus_dir]
"""
import json
import os
import re
import string
import sys
from collections import Counter, defaultdict

ARGS = [a for a in sys.argv[1:] if a != "--audit"]
AUDIT = "--audit" in sys.argv[1:]
HERE = ARGS[0] if ARGS else os.path.dirname(os.path.abspath(__file__))
KINDS = {"name-inconsistency", "unattributed-figure", "duplicate-paragraph"}
FIELDS = {"name-inconsistency": {"kind", "line", "text", "canonical"},
          "unattributed-figure": {"kind", "line", "text"},
          "duplicate-paragraph": {"kind", "line", "of_line", "exact"},
          "trap": {"kind", "line", "text", "note"}}
CUES = re.compile(r"\b(said|says|saying|told|according to|reported|estimated|estimates|"
                  r"showed|shows|heard|announced|wrote|testified|put the (?:number|toll|cost)|"
                  r"data from|survey by)\b|\(source:", re.I)
# a passive hedge without an agent is not a source; "... by the auction house" is
HEDGE = re.compile(r"\b(?:an|is|are|was|were|be|been|being)\s+(?:estimated|thought|believed|reported)\b"
                   r"(?![^.]*\bby (?:the|a|an|its|his|her|their)\b)", re.I)
NUMWORD = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"dozens?|scores|hundreds|thousands|millions|half|third|quarter|fifth|"
                     r"double[sd]?|tripled?|percent)\b", re.I)


def cue(sentence):
    return CUES.search(HEDGE.sub(" ", sentence))
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
    formats = Counter()
    audit = []
    labels = json.load(open(os.path.join(HERE, "labels.json"), encoding="utf-8"))
    drafts, traps = labels.get("drafts", {}), labels.get("traps", {})
    files = sorted(f for f in os.listdir(HERE) if re.fullmatch(r"val\d\d\.md", f))
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
        raw = open(os.path.join(HERE, f), encoding="utf-8", newline="").read()
        lines = open(os.path.join(HERE, f), encoding="utf-8").read().split("\n")
        mask = prose_mask(lines)
        fmt = []
        if "\r\n" in raw:
            fmt.append("crlf")
        if lines[0].strip() == "---":
            fmt.append("front-matter")
        if lines[0].startswith("# ") or any(l.startswith("# ") for l, m in zip(lines, mask) if m):
            fmt.append("h1")
        if any(l.lstrip().startswith("```") for l in lines):
            fmt.append("code-fence")
        body = [l for l, m in zip(lines, mask) if m and l.strip()]
        if max(len(l) for l in body) <= 76 and len(body) > 25:
            fmt.append("hard-wrapped")
        if any(l.startswith("> ") for l in body):
            fmt.append("blockquote")
        if any(l.startswith("- ") for l in body):
            fmt.append("bullets")
        if any(l.strip() in ("***", "___") for l in body):
            fmt.append("separators")
        if any(c in raw for c in "“”"):
            fmt.append("curly-quotes")
        for x in fmt:
            formats[x] += 1
        prose = [l for l, m in zip(lines, mask) if m]
        words = sum(len(l.split()) for l in prose)
        dl = drafts.get(f, [])
        tl = traps.get(f, [])
        per = Counter(d.get("kind") for d in dl)
        print(f"{f}: words={words} names={per['name-inconsistency']} "
              f"figures={per['unattributed-figure']} dups={per['duplicate-paragraph']} traps={len(tl)} "
              f"[{' '.join(fmt)}]")
        if not 300 <= words <= 550:
            err(f"{f}: {words} words, outside 300-550")
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
                    m = cue(s)
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
                if j < 0.75:
                    err(f"{f}:{b}: Jaccard {j:.3f} < 0.75")
                if not ident:
                    print(f"      only in earlier: {sorted(tokens(pa) - tokens(pb))} "
                          f"only in later: {sorted(tokens(pb) - tokens(pa))}")
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
            if t.get("note", "").startswith("attributed-figure") and t["text"] in lines[t["line"] - 1]:
                _, para = paragraph_at(lines, t["line"])
                sents = [s for s in sentences(para) if t["text"] in s]
                if not sents:
                    err(f"{f}:{t['line']}: could not locate sentence for trap {t['text']!r}")
                for s in sents:
                    if not cue(s):
                        err(f"{f}:{t['line']}: attributed-figure trap {t['text']!r} has no cue: {s}")

        if AUDIT:
            covered = defaultdict(list)
            for x in list(dl) + list(tl):
                if x.get("text"):
                    covered[x["line"]].append(x["text"])
            n = 1
            while n <= len(lines):
                if not mask[n - 1] or not lines[n - 1].strip() or (n > 1 and lines[n - 2].strip()):
                    n += 1
                    continue
                start, para = paragraph_at(lines, n)
                end = start
                while end < len(lines) and lines[end].strip():
                    end += 1
                texts = [t for k in range(start, end + 1) for t in covered.get(k, [])]
                for s in sentences(para):
                    if (re.search(r"\d", s) or NUMWORD.search(s)) and not cue(s) \
                            and not any(t in s for t in texts):
                        audit.append(f"{f}:{start}: {s}")
                n = end + 1

    print()
    print(f"drafts: {len(files)}")
    for k in sorted(KINDS):
        print(f"{k}: {kinds[k]}")
    print(f"  duplicates exact={exact_n} near={near_n}")
    print(f"clean drafts (no defects): {len(clean)} {clean}")
    print(f"traps: {trap_total}")
    print("formats: " + ", ".join(f"{k}={v}" for k, v in sorted(formats.items())))
    print("  by category: " + ", ".join(f"{c}={n}" for c, n in sorted(trap_cats.items())))
    if AUDIT:
        print(f"\naudit: {len(audit)} uncued sentence(s) with a number and no label or trap")
        for a in audit:
            print("  " + a)
    if errors:
        print(f"\nFAILED: {len(errors)} problem(s)")
        sys.exit(1)
    print("\nALL LABELS VERIFIED")


if __name__ == "__main__":
    main()
