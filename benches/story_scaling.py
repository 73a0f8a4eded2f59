#!/usr/bin/env python3
"""Story-folder scaling: `copydesk check --story` on folders of 500 to 5,000 drafts.

    python3 benches/story_scaling.py [--bin target/release/copydesk] [--runs 3]
                                     [--drafts 500,1000,2000,5000]

Each folder is one story (the drafts of a folder compared with one another, as
duplicate-paragraph and restated-paragraph do). Drafts are generated deterministically:
12 paragraphs of news-like prose each (words from data/english-words-20.txt, invented
names, figures), and one draft in five is a rewrite of an earlier one (a third of its
words replaced, clauses reordered), so restated-paragraph has real work to do. For each
size the script times the whole check (median wall time of --runs) with every rule on,
and with restated-paragraph off, and prints the growth per doubling of the number of
drafts, (t(n2)/t(n1)) ** (1 / log2(n2/n1)). Bar (issue 13): a 5,000-draft folder within a
few seconds, growing close to linearly. The machine is shared and noisy: quote medians.

    python3 benches/story_scaling.py --against 100,500 [--runs 3]

times instead `copydesk check --against REFS DRAFTS`: STORIES one-draft stories (the default
`story = "file"`) against a folder of REFS reference drafts, one story in five a rewrite of
a reference, with every rule on.
"""
import argparse, math, os, random, statistics, subprocess, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
WORDS = [w for w in open(os.path.join(HERE, "..", "data", "english-words-20.txt")).read().split() if len(w) > 3]
SYLLABLES = ["ka", "lo", "vi", "tre", "mon", "sa", "ru", "del", "zan", "pe", "qui", "bor",
             "nu", "ha", "fel", "gri", "os", "tam", "we", "yil", "cho", "dra", "ix", "mer"]


def name(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(10, 18))]
    words.insert(rng.randrange(len(words)), name(rng))
    words.insert(rng.randrange(len(words)), f"{rng.randint(10, 99_999):,}")
    return " ".join(words).capitalize() + ", " + name(rng) + " said."


def draft(rng):
    return "\n\n".join(" ".join(sentence(rng) for _ in range(2)) for _ in range(12)) + "\n"


def rewrite(text, rng):
    paragraphs = []
    for paragraph in text.strip().split("\n\n"):
        sentences = paragraph.split(". ")
        rng.shuffle(sentences)
        words = ". ".join(sentences).split()
        words = [rng.choice(WORDS) if rng.random() < 0.33 and w.islower() else w for w in words]
        paragraphs.append(" ".join(words))
    return "\n\n".join(paragraphs) + "\n"


def make(folder, count, seed=13):
    rng = random.Random(seed)
    texts = []
    for index in range(count):
        if texts and rng.random() < 0.2:
            text = rewrite(rng.choice(texts), rng)
        else:
            text = draft(rng)
        texts.append(text)
        with open(os.path.join(folder, f"d{index:05}.md"), "w") as f:
            f.write(text)


def run(binary, folder, runs, off, only=None):
    if only:
        rules = subprocess.run([binary, "rules", "--json"], capture_output=True, text=True).stdout
        import json
        ids = [r["id"] for r in json.loads(rules)]
        with open(os.path.join(folder, "copydesk.toml"), "w") as f:
            f.write('story = "folder"\n[rules]\n')
            for rule in ids:
                f.write(f'{rule} = "{"warning" if rule == only else "off"}"\n')
    elif off:
        with open(os.path.join(folder, "copydesk.toml"), "w") as f:
            f.write('story = "folder"\n[rules]\nrestated-paragraph = "off"\n')
    else:
        with open(os.path.join(folder, "copydesk.toml"), "w") as f:
            f.write('story = "folder"\n')
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([binary, "check", "--format", "json", "--quiet", folder],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/copydesk")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--drafts", default="500,1000,2000,5000")
    ap.add_argument("--against", help="STORIES,REFS: time one-draft stories against a reference folder")
    a = ap.parse_args()
    if a.against:
        stories, count = (int(n) for n in a.against.split(","))
        rng = random.Random(7)
        with tempfile.TemporaryDirectory() as refs, tempfile.TemporaryDirectory() as drafts:
            texts = [draft(rng) for _ in range(count)]
            for index, text in enumerate(texts):
                with open(os.path.join(refs, f"r{index:05}.md"), "w") as f:
                    f.write(text)
            for index in range(stories):
                text = rewrite(texts[index % count], rng) if index % 5 == 0 else draft(rng)
                with open(os.path.join(drafts, f"d{index:05}.md"), "w") as f:
                    f.write(text)
            times = []
            for _ in range(a.runs):
                start = time.perf_counter()
                subprocess.run([a.bin, "check", "--format", "json", "--quiet", "--against", refs, drafts],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                times.append(time.perf_counter() - start)
            print(f"{stories} one-draft stories against {count} references: {statistics.median(times):.2f} s (median of {a.runs})")
        return
    sizes = [int(s) for s in a.drafts.split(",")]
    rows = []
    for count in sizes:
        with tempfile.TemporaryDirectory() as folder:
            make(folder, count)
            on = run(a.bin, folder, a.runs, False)
            off = run(a.bin, folder, a.runs, True)
            alone = run(a.bin, folder, a.runs, False, only="restated-paragraph")
            rows.append((count, on, off, alone))
    print(f"{'drafts':>7} {'all rules s':>12} {'without restated s':>19} {'restated alone s':>17} {'growth/doubling (all, alone)':>29}")
    for index, (count, on, off, alone) in enumerate(rows):
        growth = ""
        if index:
            previous_count, previous_on, _, previous_alone = rows[index - 1]
            doublings = math.log2(count / previous_count)
            growth = f"{(on / previous_on) ** (1 / doublings):.2f}, {(alone / previous_alone) ** (1 / doublings):.2f}"
        print(f"{count:>7} {on:>12.2f} {off:>19.2f} {alone:>17.2f} {growth:>29}")


if __name__ == "__main__":
    main()
