#!/usr/bin/env python3
"""Verify labels.json against the sixth corpus (sx01 ... sx12, .md and .txt).

Adapted from the dev corpus checker. Checks
  * exactly sx01..sx12 exist (.md or .txt), each with an entry under "drafts" and "traps"
  * each draft is 350-550 words of copy (front matter and fenced code excluded)
  * format promises: sx04.txt is CRLF throughout, sx06.txt is hard-wrapped at <= 72
    columns, sx03.md has YAML front matter, no other file has CR characters
  * each label's text occurs on its (1-based, raw-file) line, outside front matter/code
  * name-inconsistency: canonical differs from the variant, canonical outnumbers all of
    its labelled variants in the prose, and every occurrence of a labelled variant is
    itself labelled
  * unattributed-figure: the sentence holding the figure has no attribution cue
    (an agentless "is/are/was estimated", "an estimated", "is believed", "reportedly"
    is NOT a cue), the label text contains a digit or number word, and it is the first
    figure in its sentence; at most one label per sentence
  * coverage: every digit in a cue-less prose sentence without a figure label is covered
    by a trap on its line (so nothing numeric in unattributed copy is left undecided)
  * duplicate-paragraph: both lines start a paragraph, of_line < line, word-level
    Jaccard in [0.75, 1.0] (printed), exact=true only for identical paragraphs; and no
    unlabelled pair of prose paragraphs (>= 6 word types) reaches Jaccard 0.6
  * traps: text occurs on its line, note starts with "tag:", no trap coincides with a
    defect label; "attributed" traps sit in a sentence with a cue; "similar-opening"
    traps start a paragraph whose best Jaccard with any other paragraph is < 0.5
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
                  r"showed|shows|show|heard|announced|wrote|put the number|data from|"
                  r"figures from|figures released|survey by)\b", re.I)
AGENTLESS = re.compile(r"\b(is|are|was|were|be|been|being|an)\s+$", re.I)
NUMWORD = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
           r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
           r"fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|"
           r"half|third|quarter|double|doubled|tripled")
FIGURE = re.compile(r"\d|\b(" + NUMWORD + r")\b", re.I)
ABBREV = {"Dr.", "Lt.", "Col.", "No.", "St.", "Mr.", "Mrs.", "Ms.", "Capt.", "Prof.", "Gen.",
          "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.", "U.S.", "B.", "K.",
          "Co.", "Inc.", "Corp.", "Ltd.", "Jr.", "Sr.", "Sgt.", "Neb.", "Ave.", "a.m.",
          "p.m.", "R.", "J.", "T.", "L.", "A."}
PUNCT = string.punctuation + "“”‘’—–«»…"
EXPECT = [f"sx{i:02d}" for i in range(1, 13)]
CRLF_FILES = {"sx04.txt"}
WRAPPED = {"sx06.txt": 72}
FRONT_MATTER = {"sx03.md"}

errors = []


def err(msg):
    errors.append(msg)
    print("  ERROR " + msg)


def word_pat(text):
    return re.compile(r"(?<!\w)" + re.escape(text) + r"(?!\w)")


def cue_in(s):
    for m in CUES.finditer(s):
        if m.group(0).lower() == "estimated" and AGENTLESS.search(s[:m.start()]):
            continue
        return m
    return None


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


def paragraphs(lines, mask):
    """List of (start_line, [line numbers]) for prose paragraphs (runs of non-blank prose lines)."""
    out, cur = [], []
    for i, l in enumerate(lines, 1):
        if l.strip() and mask[i - 1]:
            cur.append(i)
        else:
            if cur:
                out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def para_text(lines, nums):
    """Joined text and a list of (offset, line number) for each line's start."""
    parts, offs, pos = [], [], 0
    for n in nums:
        t = lines[n - 1].strip()
        offs.append((pos, n, len(lines[n - 1]) - len(lines[n - 1].lstrip())))
        parts.append(t)
        pos += len(t) + 1
    return " ".join(parts), offs


SPLIT = re.compile(r"[.!?][\"”’')]?\s+(?=[\"“‘'(]?[A-ZÀ-ÖØ-ÞĀ-Ž0-9])")


def sentence_spans(text):
    out, start = [], 0
    for m in SPLIT.finditer(text):
        last = text[start:m.start() + 1].split()[-1].lstrip("\"“‘'(")
        if last in ABBREV:
            continue
        out.append((start, m.end()))
        start = m.end()
    out.append((start, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


def tokens(text):
    return {w.strip(PUNCT).lower() for w in text.split() if w.strip(PUNCT)}


def jaccard(a, b):
    ta, tb = tokens(a), tokens(b)
    return len(ta & tb) / len(ta | tb) if ta | tb else 1.0


def main():
    labels = json.load(open(os.path.join(HERE, "labels.json"), encoding="utf-8"))
    drafts, traps = labels.get("drafts", {}), labels.get("traps", {})
    files = sorted(f for f in os.listdir(HERE) if re.fullmatch(r"sx\d\d\.(md|txt)", f))
    stems = [f.split(".")[0] for f in files]
    if stems != EXPECT:
        err(f"expected exactly {EXPECT[0]}..{EXPECT[-1]}, found {stems}")
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
    clean, trap_total, trap_cats = [], 0, Counter()
    for f in files:
        raw = open(os.path.join(HERE, f), encoding="utf-8", newline="").read()
        crlf = raw.count("\r\n")
        nl = raw.count("\n")
        if f in CRLF_FILES:
            if crlf == 0 or crlf != nl or raw.replace("\r\n", "").count("\r"):
                err(f"{f}: expected CRLF on every line ({crlf} CRLF of {nl} newlines)")
        elif "\r" in raw:
            err(f"{f}: unexpected CR characters")
        lines = raw.replace("\r\n", "\n").split("\n")
        if lines and lines[-1] == "":
            lines = lines[:-1]
        mask = prose_mask(lines)
        has_fm = bool(lines) and lines[0].strip() == "---"
        if has_fm != (f in FRONT_MATTER):
            err(f"{f}: front matter present={has_fm}, expected {f in FRONT_MATTER}")
        if f in WRAPPED:
            w = WRAPPED[f]
            long = [i for i, l in enumerate(lines, 1) if len(l) > w]
            multi = sum(1 for p in paragraphs(lines, mask) if len(p) > 1)
            if long:
                err(f"{f}: lines longer than {w} columns: {long}")
            if multi < 10:
                err(f"{f}: only {multi} multi-line paragraphs; not hard-wrapped?")
        prose = [l for l, m in zip(lines, mask) if m]
        words = sum(len(l.split()) for l in prose)
        paras = paragraphs(lines, mask)
        pstart = {p[0]: p for p in paras}
        line_para = {n: p for p in paras for n in p}
        dl, tl = drafts.get(f, []), traps.get(f, [])
        per = Counter(d.get("kind") for d in dl)
        print(f"{f}: words={words} {'CRLF ' if crlf else ''}names={per['name-inconsistency']} "
              f"figures={per['unattributed-figure']} dups={per['duplicate-paragraph']} traps={len(tl)}")
        if not 350 <= words <= 550:
            err(f"{f}: {words} words, outside 350-550")
        if not dl:
            clean.append(f)

        def line_ok(d, key="line"):
            n = d.get(key)
            if not isinstance(n, int) or not 1 <= n <= len(lines):
                err(f"{f}: bad {key} {n!r} in {d}")
                return False
            return True

        def sentence_of(n, text):
            """Sentence (string) holding the first occurrence of text on line n."""
            p = line_para.get(n)
            if not p:
                return None
            joined, offs = para_text(lines, p)
            base = next(o for o, ln, ind in offs if ln == n)
            ind = next(ind for o, ln, ind in offs if ln == n)
            col = lines[n - 1].find(text)
            if col < 0:
                return None
            pos = base + col - ind
            for a, b in sentence_spans(joined):
                if a <= pos < b:
                    return joined[a:b], (a, b), p
            return None

        seen, sent_used = set(), set()
        variants = defaultdict(Counter)
        dup_pairs = set()
        covered = defaultdict(list)  # line -> [(start, end)] columns covered by labels/traps
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
                c0 = lines[n - 1].find(d["text"])
                covered[n].append((c0, c0 + len(d["text"])))
            if k == "name-inconsistency":
                c = d.get("canonical", "")
                if not c or c == d["text"]:
                    err(f"{f}:{n}: canonical missing or equal to variant")
                    continue
                variants[c][d["text"]] += 1
            elif k == "unattributed-figure":
                r = sentence_of(n, d["text"])
                if not r:
                    err(f"{f}:{n}: could not locate sentence for {d['text']!r}")
                    continue
                s, span, p = r
                if (p[0], span) in sent_used:
                    err(f"{f}:{n}: second figure label in one sentence")
                sent_used.add((p[0], span))
                m = cue_in(s)
                if m:
                    err(f"{f}:{n}: figure {d['text']!r} sentence has attribution cue {m.group(0)!r}: {s}")
                if not FIGURE.search(d["text"]):
                    err(f"{f}:{n}: label text {d['text']!r} holds no figure")
                first = FIGURE.search(s)
                i = s.find(d["text"])
                if first and not (i <= first.start() < i + len(d["text"])):
                    err(f"{f}:{n}: {d['text']!r} is not the first figure in: {s} "
                        f"(first is at {s[first.start():first.start() + 12]!r})")
            else:
                if not line_ok(d, "of_line"):
                    continue
                a, b = d["of_line"], d["line"]
                if not a < b:
                    err(f"{f}:{b}: of_line {a} must precede line {b}")
                for x in (a, b):
                    if x not in pstart:
                        err(f"{f}:{x}: not the first line of a prose paragraph")
                if a not in pstart or b not in pstart:
                    continue
                pa, pb = para_text(lines, pstart[a])[0], para_text(lines, pstart[b])[0]
                j = jaccard(pa, pb)
                ident = pa == pb
                exact = d.get("exact")
                if not isinstance(exact, bool):
                    err(f"{f}:{b}: 'exact' must be true or false")
                sym = len(tokens(pa) ^ tokens(pb))
                print(f"    duplicate {b} of {a}: exact={exact} identical={ident} "
                      f"jaccard={j:.3f} differing_word_types={sym}")
                if not 0.75 <= j <= 1.0:
                    err(f"{f}:{b}: Jaccard {j:.3f} outside 0.75-1.0")
                if exact is True and not ident:
                    err(f"{f}:{b}: marked exact but paragraphs differ")
                if exact is False and ident:
                    err(f"{f}:{b}: marked near but paragraphs are identical")
                if exact is True:
                    exact_n += 1
                elif exact is False:
                    near_n += 1
                dup_pairs.add((a, b))

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

        # unlabelled near-duplicates
        ptexts = [(p[0], para_text(lines, p)[0]) for p in paras]
        for i in range(len(ptexts)):
            for j2 in range(i + 1, len(ptexts)):
                (a, ta), (b, tb) = ptexts[i], ptexts[j2]
                if len(tokens(ta)) < 6 or len(tokens(tb)) < 6:
                    continue
                jj = jaccard(ta, tb)
                if jj >= 0.6 and (a, b) not in dup_pairs:
                    err(f"{f}: unlabelled similar paragraphs {a} and {b} (Jaccard {jj:.3f})")

        defect_spots = {(d.get("line"), d.get("text")) for d in dl}
        for t in tl:
            trap_total += 1
            note = t.get("note", "")
            tag = note.split(":")[0] if ":" in note else ""
            if t.get("kind") != "trap" or not note or set(t) != FIELDS["trap"] or not tag \
                    or " " in tag:
                err(f"{f}: malformed trap {t}")
            trap_cats[tag] += 1
            if not line_ok(t):
                continue
            n = t["line"]
            if not t.get("text") or t["text"] not in lines[n - 1]:
                err(f"{f}:{n}: trap text {t.get('text')!r} not on line")
                continue
            c0 = lines[n - 1].find(t["text"])
            covered[n].append((c0, c0 + len(t["text"])))
            if (n, t["text"]) in defect_spots:
                err(f"{f}:{n}: trap coincides with a defect label")
            if tag == "attributed":
                r = sentence_of(n, t["text"])
                if not r or not cue_in(r[0]):
                    err(f"{f}:{n}: 'attributed' trap {t['text']!r} has no cue in its sentence")
            if tag == "similar-opening":
                if n not in pstart:
                    err(f"{f}:{n}: similar-opening trap must be a paragraph's first line")
                else:
                    me = para_text(lines, pstart[n])[0]
                    best = max(jaccard(me, tx) for s0, tx in ptexts if s0 != n)
                    print(f"    similar-opening {n}: best Jaccard {best:.3f}")
                    if best >= 0.5:
                        err(f"{f}:{n}: similar-opening paragraph has Jaccard {best:.3f} >= 0.5")

        # coverage: every digit in a cue-less sentence must be under a label or trap
        for p in paras:
            joined, offs = para_text(lines, p)
            for a, b in sentence_spans(joined):
                s = joined[a:b]
                if cue_in(s) or (p[0], (a, b)) in sent_used:
                    continue  # attributed, or already carries its one figure label
                for m in re.finditer(r"\d+", s):
                    pos = a + m.start()
                    o, ln, ind = [x for x in offs if x[0] <= pos][-1]
                    col = pos - o + ind
                    if not any(x <= col < y for x, y in covered[ln]):
                        err(f"{f}:{ln}: uncovered digit {s[m.start():m.start() + 10]!r} in cue-less sentence: {s}")

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
