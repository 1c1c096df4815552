#!/usr/bin/env python3
"""Writes a deterministic benchmark corpus: the same transcripts as a Gloss site
and as a Hugo site, so both generators build equivalent input.

    bench/generate-corpus.py --count 1000 --out .build/bench/1k

Each transcript is about 10 KB of Markdown: YAML front matter with speakers,
topics and a source, then speaker turns with timestamps, emphasis, links to
other transcripts and the occasional block quote. The same --count and --seed
always give byte-identical files.
"""
import argparse
import os
import random

WORDS = """the of and to in a that is for we it be this our with as on are not
have will by people all their has they at from which but more was can been
nation government would its there must one so these who world peace time
state new those president congress year may security should war years than
other what our freedom american work only make country americans every
power history future great economic defense allies policy children today
help health jobs strong support nations hope trade rights law budget forces
together change america responsibility challenge democracy economy leaders
families military energy progress treaty agreement ukraine europe border
negotiation strength commitment effort partners americas promise""".split()

SPEAKERS = [
    ("hale", "Margaret Hale", "Secretary of State"),
    ("okafor", "Daniel Okafor", "Press Secretary"),
    ("lindqvist", "Eva Lindqvist", "Minister of Defence"),
    ("moreau", "Jean Moreau", "Ambassador"),
    ("tanaka", "Hiro Tanaka", "Senator"),
    ("q", "Reporter", "Press corps"),
]
TOPICS = ["nato", "ukraine", "trade", "energy", "budget", "health", "climate",
          "security", "elections", "immigration", "technology", "education"]
KINDS = ["speech", "press-conference", "interview", "hearing", "debate"]


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 22))]
    if rng.random() < 0.15:
        i = rng.randrange(len(words))
        words[i] = "*" + words[i] + "*"
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice([".", ".", ".", "?", "!"])


def paragraph(rng, count):
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 5))) if count else ""


def transcript(rng, index, total):
    year = 2000 + index % 25
    month = 1 + (index // 25) % 12
    day = 1 + (index // 300) % 28
    slug = f"t{index:06d}"
    speakers = rng.sample(SPEAKERS[:-1], 2) + [SPEAKERS[-1]]
    topics = rng.sample(TOPICS, 2)
    title = " ".join(rng.choice(WORDS) for _ in range(6)).title()
    front = [
        "---",
        f"title: \"{title}\"",
        f"date: {year:04d}-{month:02d}-{day:02d}",
        f"kind: {rng.choice(KINDS)}",
        f"event: \"{rng.choice(WORDS).title()} {rng.choice(WORDS).title()} Forum\"",
        "place: Washington, D.C.",
        "speakers: [" + ", ".join(s[0] for s in speakers) + "]",
        "topics: [" + ", ".join(topics) + "]",
        f"summary: \"{sentence(rng)}\"",
        "source:",
        f"  title: \"{title} (transcript)\"",
        "  publisher: Benchmark Press",
        f"  url: https://example.org/transcripts/{slug}",
        "---",
        "",
    ]
    body = [f"## Opening remarks", ""]
    seconds = 0
    size = 0
    while size < 9600:
        speaker = rng.choice(speakers)
        seconds += rng.randint(20, 140)
        stamp = f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
        text = paragraph(rng, 1)
        if rng.random() < 0.2:
            other = rng.randrange(total)
            text += f" As we said [in an earlier statement](../t{other:06d}/), {sentence(rng).lower()}"
        turn = f"**{speaker[1]}** [{stamp}]: {text}"
        body += [turn, ""]
        size += len(turn)
        if rng.random() < 0.3:
            cont = paragraph(rng, 1)
            body += [cont, ""]
            size += len(cont)
        if rng.random() < 0.08:
            quote = "> " + sentence(rng) + "\n>\n> — Benchmark Wire"
            body += [quote, ""]
            size += len(quote)
        if rng.random() < 0.05:
            body += ["## " + " ".join(rng.choice(WORDS) for _ in range(3)).title(), ""]
    return slug, "\n".join(front + body)


HUGO_LAYOUTS = {
    "_default/baseof.html": """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><header><a href="{{ "" | relURL }}">{{ .Site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "_default/single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time> · {{ .Params.kind }} · {{ .Params.event }}, {{ .Params.place }}</p>
<ul>{{ range .Params.speakers }}<li>{{ . }}</li>{{ end }}</ul>
{{ with .Params.source }}<p>Source: <a href="{{ .url }}">{{ .title }}</a>, {{ .publisher }}</p>{{ end }}
{{ .Content }}</article>{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
""",
    "index.html": """{{ define "main" }}<ol>{{ range .Site.RegularPages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2 January 2006" }}</time><p>{{ .Params.summary }}</p></li>{{ end }}</ol>{{ end }}
""",
}


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    gloss, hugo = os.path.join(args.out, "gloss"), os.path.join(args.out, "hugo")
    write(os.path.join(gloss, "Content/site.yaml"),
          "title: Benchmark Archive\nbase_url: https://example.org/\nlanguage: en\n")
    write(os.path.join(gloss, "Content/speakers.yaml"), "".join(
        f"{sid}:\n  name: {name}\n  role: {role}\n" for sid, name, role in SPEAKERS))
    write(os.path.join(hugo, "hugo.toml"),
          'baseURL = "https://example.org/"\ntitle = "Benchmark Archive"\nlanguageCode = "en"\n'
          'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]\n'
          '[markup.goldmark.renderer]\nunsafe = false\n[markup.goldmark.extensions]\ntypographer = false\n')
    for path, text in HUGO_LAYOUTS.items():
        write(os.path.join(hugo, "layouts", path), text)
    for index in range(args.count):
        slug, text = transcript(rng, index, args.count)
        folder = f"{index // 1000:03d}"
        write(os.path.join(gloss, "Content", folder, slug + ".md"), text)
        # Hugo derives the URL from the path; pin it to the same flat slug.
        write(os.path.join(hugo, "content", folder, slug + ".md"),
              text.replace("---\n", f"---\nurl: /{slug}/\n", 1))


if __name__ == "__main__":
    main()
