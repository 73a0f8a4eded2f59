#!/usr/bin/env python3
"""Independent reporting of one event: does restated-paragraph stay quiet?

  python3 scripts/restated/event_score.py --bin target/release/copydesk [--verbose]

`tests/corpus/restated-event/NAME/` holds, for a published article NAME, an editor's
assignment sheet (`sheet.md`: the news in 8 to 12 shuffled notes of fact and at most two
short quotations, written from the article by an annotator) and two stories written from
that sheet alone by two other annotators who never saw the article, each other's story or
the code (`story-a.md`, `story-b.md`). Unlike the fact sheets of `tests/corpus/restated/`,
which follow the article paragraph by paragraph, a sheet gives the news, not the article.

Each pair (the article and story A, the article and story B, story A and story B) is
checked as a story of two drafts; every restated-paragraph or duplicate-paragraph finding
is false. Printed: findings per 100 paragraph pairs for each kind of pair (the bar of issue
13 is 1).
"""
import argparse, os, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from score import PUBLISHED, ROOT, paragraphs, run  # noqa: E402

MATERIAL = os.path.join(ROOT, "tests", "corpus", "restated-event")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", required=True)
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    counts = {}
    for name in sorted(os.listdir(MATERIAL)):
        folder = os.path.join(MATERIAL, name)
        stories = [os.path.join(folder, f) for f in ("story-a.md", "story-b.md")]
        if not os.path.isdir(folder) or not all(os.path.exists(s) for s in stories):
            continue
        source = open(os.path.join(PUBLISHED, name + ".txt"), encoding="utf-8").read()
        story_a, story_b = (open(s, encoding="utf-8").read() for s in stories)
        for kind, first, second, second_name in (
            ("article and a story", source, story_a, "story-a.md"),
            ("article and a story", source, story_b, "story-b.md"),
            ("two stories", story_a, story_b, "story-b.md"),
        ):
            findings = [f for f in run(a.bin, first, second, second_name, False) if f.get("severity") != "info"]
            c = counts.setdefault(kind, Counter())
            c["findings"] += len(findings)
            c["pairs"] += len(paragraphs(first)) * len(paragraphs(second))
            c["drafts"] += 1
            if a.verbose:
                for f in findings:
                    print(f"  {name}/{second_name} line {f['range']['start']['line'] + 1}: {f['message'][:100]}")
    if not counts:
        sys.exit(f"no material under {MATERIAL}")
    for kind, c in counts.items():
        print(f"{kind:22} {c['drafts']:2} pairs of drafts: {c['findings']} findings in {c['pairs']} paragraph pairs"
              f" = {100 * c['findings'] / c['pairs']:.2f} per 100")


if __name__ == "__main__":
    main()
