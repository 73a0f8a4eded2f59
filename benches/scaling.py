#!/usr/bin/env python3
"""Scaling benchmark: `copydesk check` on adversarial drafts of 100 KB, 1 MB and 4 MB.

    python3 benches/scaling.py [--bin target/release/copydesk] [--runs 3]
                               [--sizes 100000,1000000,4000000] [--families a,b]
                               [--formats human,json,sarif,github] [--gen-only DIR]

Families (each one draft of the given size, generated deterministically):
  distinct-names    sentences naming many distinct capitalised names (a person cue each)
  name-variants     a few names written in many one- and two-letter variants
  near-duplicates   paragraphs repeated with one name or figure changed
  random-utf8       random code points from several scripts, spaces and line breaks
  repeated-words    "the the" over and over

For each family and size it runs the binary (median of --runs, wall time) under
/usr/bin/time -v for the peak resident memory and the CPU time, once per output format
(the engine runs its rules in parallel, so CPU time can exceed wall time), and prints a
table with the growth factor per doubling of input size between successive sizes
(t(n2)/t(n1)) ** (1 / log2(n2/n1)). Bars (issue 14): growth ≤ 2.3 per doubling, and at
4 MB ≤ 10 s and ≤ 500 MB for every family and format. Exits 1 when a bar is missed.
The machine is shared and noisy: quote medians.
"""
import argparse
import math
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time

SYLLABLES = ["ka", "lo", "vi", "tre", "mon", "sa", "ru", "del", "zan", "pe", "qui", "bor",
             "nu", "ha", "fel", "gri", "os", "tam", "we", "yil", "cho", "dra", "ix", "mer"]
CUES = ["said", "told reporters", "added", "wrote", "argued"]


def name(rng):
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
    return word.capitalize()


def distinct_names(size, rng):
    out, seen = [], set()
    total = 0
    while total < size:
        sentences = []
        for _ in range(4):
            n = name(rng)
            while n in seen:
                n = name(rng) + rng.choice(SYLLABLES)
            seen.add(n)
            m = name(rng)
            sentences.append(f"{m} {n} {rng.choice(CUES)} the council met on Tuesday.")
        paragraph = " ".join(sentences)
        out.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(out) + "\n"


def mutate(word, rng):
    letters = list(word)
    for _ in range(rng.randint(1, 2)):
        i = rng.randrange(1, len(letters))
        op = rng.randrange(3)
        c = rng.choice("aeioulnrst")
        if op == 0:
            letters[i] = c
        elif op == 1:
            letters.insert(i, c)
        elif len(letters) > 5:
            del letters[i]
    return "".join(letters)


def name_variants(size, rng):
    bases = ["Kovalevskyi", "Nwosubello", "Camilleri", "Levesqueau", "Prochazkova",
             "Zelenskyy", "Mohammed", "Bartholomew"]
    given = ["Anna", "Olek", "Chidi", "Marta", "Jean"]
    out, total = [], 0
    while total < size:
        sentences = []
        for _ in range(5):
            base = rng.choice(bases)
            variant = mutate(base, rng) if rng.random() < 0.7 else base
            sentences.append(f"{rng.choice(given)} {variant} {rng.choice(CUES)} on Monday.")
        paragraph = " ".join(sentences)
        out.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(out) + "\n"


def near_duplicates(size, rng):
    template = ("The council's finance chief, {a} {b}, said the budget of £{n} million would "
                "be cut by {p} per cent next year, and {c} {d} of the union said members "
                "would vote on strike action before the end of the month.")
    out, total = [], 0
    while total < size:
        paragraph = template.format(a=name(rng), b=name(rng), c=name(rng), d=name(rng),
                                    n=rng.randint(2, 90), p=rng.randint(2, 30))
        out.append(paragraph)
        if rng.random() < 0.5:
            out.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(out) + "\n"


RANGES = [(0x20, 0x7E), (0xA0, 0x24F), (0x370, 0x3FF), (0x400, 0x4FF), (0x590, 0x5FF),
          (0x600, 0x6FF), (0x900, 0x97F), (0x3040, 0x30FF), (0x4E00, 0x9FFF),
          (0xAC00, 0xD7A3), (0x1F300, 0x1F64F)]


def random_utf8(size, rng):
    chunks, total = [], 0
    while total < size:
        r = rng.random()
        if r < 0.15:
            ch = " "
        elif r < 0.17:
            ch = "\n"
        elif r < 0.175:
            ch = "\n\n"
        else:
            lo, hi = rng.choice(RANGES)
            ch = chr(rng.randint(lo, hi))
        chunks.append(ch)
        total += len(ch.encode("utf-8"))
    return "".join(chunks)


def repeated_words(size, rng):
    line = "the the " * 8 + "\n"
    return line * (size // len(line) + 1)


FAMILIES = {
    "distinct-names": distinct_names,
    "name-variants": name_variants,
    "near-duplicates": near_duplicates,
    "random-utf8": random_utf8,
    "repeated-words": repeated_words,
}


def generate(family, size, folder):
    rng = random.Random(f"{family}-{size}")
    text = FAMILIES[family](size, rng)
    data = text.encode("utf-8")[:size]
    data = data.decode("utf-8", errors="ignore").encode("utf-8")
    path = os.path.join(folder, f"{family}-{size}.md")
    with open(path, "wb") as f:
        f.write(data)
    return path


def run(binary, path, fmt):
    """Wall seconds, peak RSS (MB), output bytes and CPU seconds (user + system) of one run."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.run(
            ["/usr/bin/time", "-v", binary, "check", "--fail-on", "never", "--format", fmt, path],
            stdout=out, stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - start
        size = out.tell()
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    rss = int(match.group(1)) / 1024 if match else float("nan")
    cpu = sum(float(m) for m in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", proc.stderr))
    if proc.returncode not in (0,):
        tail = proc.stderr.strip().splitlines()[-25:]
        print(f"  {os.path.basename(path)} --format {fmt}: exit {proc.returncode}: "
              + " | ".join(tail[:3]), file=sys.stderr)
    return wall, rss, size, cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default="target/release/copydesk")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="100000,1000000,4000000")
    parser.add_argument("--families", default=",".join(FAMILIES))
    parser.add_argument("--formats", default="human,json,sarif,github")
    parser.add_argument("--gen-only")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    families = args.families.split(",")
    formats = args.formats.split(",")
    if args.gen_only:
        os.makedirs(args.gen_only, exist_ok=True)
        for family in families:
            for size in sizes:
                print(generate(family, size, args.gen_only))
        return 0
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        print(f"{'family':<16} {'format':<7} " + " ".join(f"{s // 1000:>7} KB" for s in sizes)
              + "   growth/doubling   peak MB (largest)  output MB (largest)   CPU (user+sys)")
        for family in families:
            paths = [generate(family, size, folder) for size in sizes]
            for fmt in formats:
                times, cpus, rss, out_size = [], [], 0.0, 0
                for path in paths:
                    runs = [run(args.bin, path, fmt) for _ in range(args.runs)]
                    times.append(statistics.median(r[0] for r in runs))
                    cpus.append(statistics.median(r[3] for r in runs))
                    rss = max(r[1] for r in runs)
                    out_size = runs[-1][2]
                growth = []
                for (n1, t1), (n2, t2) in zip(zip(sizes, times), zip(sizes[1:], times[1:])):
                    factor = (max(t2, 1e-3) / max(t1, 1e-3)) ** (1 / math.log2(n2 / n1))
                    growth.append(factor)
                row = f"{family:<16} {fmt:<7} " + " ".join(f"{t:>8.2f}s" for t in times)
                row += "   " + " ".join(f"{g:>5.2f}" for g in growth)
                row += f"   {rss:>10.0f}        {out_size / 1e6:>10.1f}"
                row += "   cpu " + " ".join(f"{c:.2f}s" for c in cpus)
                # Growth is only judged where the larger run takes long enough to measure.
                bad = [g for g, t in zip(growth, times[1:]) if g > 2.3 and t > 0.25]
                if bad or (sizes[-1] >= 4_000_000 and (times[-1] > 10 or rss > 500)):
                    row += "   MISSED"
                    failed = True
                print(row, flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
