#!/usr/bin/env python3
"""Simulate article extractors on the training pages' whole-page Markdown, for training.

  /tmp/venv/bin/python scripts/train-web-residue/simulate.py --scraped ../shared/corpus/scraped \
      --out /tmp/simulated

The scraped corpus has few lines of article-extractor output (boilerpipe and jusText keep
a few lines of furniture a page: captions, bylines, teasers, newsletter pitches) but every
page whole as html2text left it, every line labelled. This script turns each training
page's Markdown back into HTML, item by item (a paragraph, a list item, a heading, their
links and emphasis kept), runs two real article extractors on it (jusText, and boilerpy3's
ArticleExtractor, a port of boilerpipe's), and labels each line they keep with the label of
the item it came from (the majority of the item's labelled lines; a line that matches no
single item is left unlabelled). What they keep is what such extractors keep of a page: the
furniture that reads like copy.

Held-out pages (SHA-1 of the name 0, 1 or 2 mod 10) are skipped, so nothing of them reaches
the model. The output is a folder of `PAGE.sjustext.txt` and `PAGE.sboilerpipe.txt` with a
`labels.json` in the scraped corpus's format; train.py reads it with `--simulated`. It is
derived from the corpus and regenerated for each training, not kept in the repo.
"""
import argparse, hashlib, json, os, re, sys

import justext
import markdown
from boilerpy3 import extractors
from lxml import html as lxml_html

LIST_ITEM = re.compile(r"^\s*(?:[*+-]|\d+\.)\s+")
HEADING = re.compile(r"^\s*#{1,6}\s*")


def held_out(page):
    return int(hashlib.sha1(page.encode()).hexdigest(), 16) % 10 < 3


def normalise(text):
    return re.sub(r"\s+", " ", text).strip().lower()


def majority(ys):
    known = [y for y in ys if y is not None]
    return (1 if 2 * sum(known) >= len(known) else 0) if known else None


def items(lines, label):
    """The page's items as (tag, inner HTML, normalised text, label)."""
    body, furniture = set(label["body"]), set(label["furniture"])
    blocks, paragraph = [], []

    def close_paragraph():
        if paragraph:
            blocks.append(("p", list(paragraph)))
            paragraph.clear()

    for number, line in enumerate(lines, 1):
        if not line.strip():
            close_paragraph()
        elif LIST_ITEM.match(line):
            close_paragraph()
            blocks.append(("li", [(number, LIST_ITEM.sub("", line))]))
        elif HEADING.match(line):
            close_paragraph()
            blocks.append(("h2", [(number, HEADING.sub("", line))]))
        else:
            paragraph.append((number, line))
    close_paragraph()
    result = []
    for tag, block in blocks:
        y = majority([1 if n in furniture else 0 if n in body else None for n, _ in block])
        inner = markdown.markdown(" ".join(text.strip() for _, text in block)).strip()
        inner = re.sub(r"^<p>|</p>$", "", inner)
        text = lxml_html.fromstring("<div>" + inner + "</div>").text_content() if inner else ""
        result.append((tag, inner, normalise(text), y))
    return result


def page_html(page_items):
    parts, in_list = ["<html><head><title></title></head><body>"], False
    for tag, inner, _, _ in page_items:
        if (tag == "li") != in_list:
            parts.append("<ul>" if tag == "li" else "</ul>")
            in_list = tag == "li"
        parts.append(f"<{tag}>{inner}</{tag}>")
    parts.append("</ul></body></html>" if in_list else "</body></html>")
    return "\n".join(parts)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scraped", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    labels = json.load(open(os.path.join(a.scraped, "labels.json")))
    os.makedirs(a.out, exist_ok=True)
    stoplist = justext.get_stoplist("English")
    made = {}
    for name in sorted(labels):
        if not name.endswith(".html2text.md"):
            continue
        page = name[: -len(".html2text.md")]
        if held_out(page):
            continue
        text = open(os.path.join(a.scraped, name), encoding="utf-8").read()
        page_items = items(text.splitlines(), labels[name])
        document = page_html(page_items)
        by_text = {}
        for _, _, item_text, y in page_items:
            if item_text and y is not None:
                by_text.setdefault(item_text, []).append(y)
        outputs = {
            "sjustext": [p.text for p in justext.justext(document.encode("utf-8"), stoplist) if not p.is_boilerplate],
            "sboilerpipe": extractors.ArticleExtractor(raise_on_failure=False).get_content(document).split("\n"),
        }
        for extractor, kept in outputs.items():
            kept = [line.strip() for line in kept if line.strip()]
            if not kept:
                continue
            out_name = f"{page}.{extractor}.txt"
            with open(os.path.join(a.out, out_name), "w", encoding="utf-8") as f:
                f.write("\n".join(kept) + "\n")
            label = {"body": [], "furniture": [], "mixed": []}
            for number, line in enumerate(kept, 1):
                y = majority(by_text.get(normalise(line), []))
                if y is not None:
                    label["furniture" if y else "body"].append(number)
            made[out_name] = label
    with open(os.path.join(a.out, "labels.json"), "w") as f:
        json.dump(made, f)
    furniture = sum(len(v["furniture"]) for v in made.values())
    body = sum(len(v["body"]) for v in made.values())
    print(f"{len(made)} simulated outputs in {a.out}: {furniture} furniture lines, {body} body lines", file=sys.stderr)


if __name__ == "__main__":
    main()
