#!/usr/bin/env python3
"""Adds articles that quote a generated corpus's transcripts, for timing the
quote check (docs/quotes.md):

    bench/generate-corpus.py --count 1000 --out .build/bench/1k
    bench/quote-articles.py --count 50 --site .build/bench/1k/gloss

Each article quotes five sentences of turns from random transcripts, each
credited to its speaker by surname: about half verbatim, the others with
one word changed. The same --count and --seed give the same files.
"""
import argparse
import os
import random
import re

LABEL = re.compile(r"^\*\*(?P<name>[^*]+)\*\* \[[0-9:]+\]: (?P<text>.*)$")


def turns(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = LABEL.match(line.rstrip("\n"))
            if m:
                yield m.group("name"), m.group("text")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--site", required=True, help="the Gloss site folder (holding Content/)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    content = os.path.join(args.site, "Content")
    files = sorted(
        os.path.join(root, name)
        for root, _, names in os.walk(content)
        for name in names
        if name.endswith(".md") and not name.startswith("article-")
    )
    out = os.path.join(content, "articles")
    os.makedirs(out, exist_ok=True)
    for index in range(args.count):
        paragraphs = []
        for _ in range(5):
            name, text = rng.choice(list(turns(rng.choice(files))))
            sentences = [s.strip() for s in re.split(r"(?<=[.?!])\s+", text.replace("*", "")) if len(s.split()) >= 8]
            if not sentences:
                continue
            words = rng.choice(sentences).rstrip(".?!").split()
            if rng.random() < 0.5:
                words[rng.randrange(1, len(words))] = rng.choice(["plainly", "never", "always", "quietly"])
            surname = name.split()[-1]
            paragraphs.append(f"“{' '.join(words)}”, {surname} said.")
        body = "\n\n".join(paragraphs)
        with open(os.path.join(out, f"article-{index:04d}.md"), "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: \"Article {index}\"\ndate: 2025-12-31\nkind: article\n---\n\n{body}\n")


if __name__ == "__main__":
    main()
