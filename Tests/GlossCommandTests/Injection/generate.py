#!/usr/bin/env python3
"""Writes the injection corpus: a site under site/ and importer inputs under
imports/, with script-injection vectors in every place text reaches a page.

    Tests/GlossCommandTests/Injection/generate.py [--check]

Every vector carries a marker GLOSSXSS-<place>-<n> so a scan of the built
HTML can tell where each one landed. The output depends only on this file;
--check exits 1 when the committed corpus differs from what it would write.
Run it after changing the vectors and commit the result.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# {m} is the marker. Each is meant to run script if it reached a page unescaped.
VECTORS = [
    "<script>alert('{m}')</script>",
    "<img src=x onerror=alert('{m}')>",
    "<svg onload=alert('{m}')>",
    "<svg><script>alert('{m}')</script></svg>",
    "<iframe src=\"javascript:alert('{m}')\"></iframe>",
    "<iframe srcdoc=\"<script>alert('{m}')</script>\"></iframe>",
    "\" onmouseover=\"alert('{m}')\" x=\"",
    "' onfocus='alert(`{m}`)' autofocus x='",
    "javascript:alert('{m}')",
    "vbscript:msgbox(\"{m}\")",
    "data:text/html,<script>alert('{m}')</script>",
    "&#106;avascript:alert('{m}')",
    "jav&#x09;ascript:alert('{m}')",
    "<a href=\"jav&#x0A;ascript:alert('{m}')\">click</a>",
    "</textarea><script>alert('{m}')</script>",
    "</title><script>alert('{m}')</script>",
    "<img src=\"x\" onerror=\"alert('{m}')\"",
    "<<script>alert('{m}');//<</script>",
    "{{{{ site.title }}}}{{{{{{ {m} }}}}}}{{{{& {m}}}}}<!-- {m} -->",
    "<object data=\"javascript:alert('{m}')\"></object>",
    "<embed src=\"data:text/html,<script>alert('{m}')</script>\">",
    "<details open ontoggle=alert('{m}')>",
    "<math><mtext></p><script>alert('{m}')</script>",
    "--><script>alert('{m}')</script>",
    "]]><script>alert('{m}')</script>",
    "<style>@import 'javascript:alert(\"{m}\")';</style>",
    "<base href=\"javascript:alert('{m}')//\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('{m}')\">",
    "<form action=\"javascript:alert('{m}')\"><button>{m}</button></form>",
    "<input autofocus onfocus=alert('{m}')>",
]

# Markdown's own ways to make a link or an image.
MARKDOWN_VECTORS = [
    "[click](javascript:alert('{m}'))",
    "[click](JaVaScRiPt:alert('{m}'))",
    "[click](jav&#x09;ascript:alert('{m}'))",
    "[click](&#106;avascript:alert('{m}'))",
    "[click](vbscript:msgbox('{m}'))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==?{m})",
    "![image](javascript:alert('{m}'))",
    "<javascript:alert('{m}')>",
    "[click](<javascript:alert('{m}')>)",
    "[click][{m}]\n\n[{m}]: javascript:alert('{m}')",
    "[click](https://example.org/\" onmouseover=\"alert('{m}'))",
    "`<script>alert('{m}')</script>`",
    "```\n</code><script>alert('{m}')</script>\n```",
]


def vectors(place, markdown=False):
    """Every vector for one place, each with its own marker."""
    items = VECTORS + (MARKDOWN_VECTORS if markdown else [])
    return [v.format(m=f"GLOSSXSS-{place}-{n}") for n, v in enumerate(items)]


def q(text):
    """A YAML double-quoted scalar (JSON is YAML)."""
    return json.dumps(text, ensure_ascii=False)


def files():
    out = {}
    out["site/Content/site.yaml"] = (
        "# Script-injection vectors in every site.yaml field that reaches a page.\n"
        f"title: {q('Injection corpus ' + vectors('site-title')[0])}\n"
        f"description: {q(' '.join(vectors('site-description')))}\n"
        f"author: {q(' '.join(vectors('site-author')))}\n"
        "language: en\n"
        "base_url: https://injection.example.org/\n"
    )
    speakers = []
    for n, v in enumerate(vectors("speaker-name")):
        role = vectors("speaker-role")[n]
        alias = vectors("speaker-alias")[n]
        speakers.append(
            f"s{n}:\n"
            f"  name: {q('Speaker ' + str(n) + ' ' + v)}\n"
            f"  role: {q(role)}\n"
            f"  aliases: [{q('ALIAS' + str(n) + ' ' + alias)}]\n"
            f"  links: [{q('https://example.org/s' + str(n) + '?' + vectors('speaker-link')[n].replace(' ', '+'))}]\n"
        )
    out["site/Content/speakers.yaml"] = "".join(speakers)
    ids = [f"s{n}" for n in range(len(VECTORS))]

    # One transcript per front matter field, so one field's vectors cannot hide another's.
    fields = ["title", "summary", "event", "place", "kind", "topics", "source-title", "source-publisher",
              "source-url", "media-url", "annotation-note", "annotation-source-title",
              "annotation-source-url", "annotation-author", "param"]
    for field in fields:
        vs = vectors(field)
        fm = [f"title: {q('About ' + field)}", "date: 2025-03-01", f"speakers: [{', '.join(ids)}]"]
        body_lines = []
        if field == "title":
            fm[0] = f"title: {q('Title ' + ' '.join(vs))}"
        elif field in ("summary", "event", "place", "kind"):
            fm.append(f"{field}: {q(' '.join(vs))}")
        elif field == "topics":
            fm.append("topics: [" + ", ".join(q(v) for v in vs) + "]")
        elif field == "source-title":
            fm.append(f"source:\n  title: {q(' '.join(vs))}\n  url: https://example.org/source")
        elif field == "source-publisher":
            fm.append(f"source:\n  title: A source\n  publisher: {q(' '.join(vs))}")
        elif field == "source-url":
            fm.append(f"source:\n  title: A source\n  url: {q('https://example.org/?' + ' '.join(vs).replace(' ', '+'))}")
        elif field == "media-url":
            # A URL with a space is refused (left out), so these vectors have none.
            fm.append(f"media:\n  audio: {q('media/a.mp3?' + vs[6].replace(' ', '') + vs[1].replace(' ', '/'))}")
        elif field.startswith("annotation") or field == "param":
            pass
        if field.startswith("annotation"):
            items = []
            for n, v in enumerate(vs):
                words = f"word{n} here"
                body_lines.append(f"S0: The quoted {words} are annotated.")
                note = v if field == "annotation-note" else "A note."
                source_title = v if field == "annotation-source-title" else "A source"
                source_url = ("https://example.org/?" + v.replace(" ", "+")) if field == "annotation-source-url" else "https://example.org/a"
                author = v if field == "annotation-author" else "An editor"
                items.append(
                    f"  - quote: {q(words)}\n    kind: context\n    note: {q(note)}\n"
                    f"    author: {q(author)}\n    sources:\n      - title: {q(source_title)}\n        url: {q(source_url)}\n"
                )
            fm.append("annotations:\n" + "".join(items).rstrip("\n"))
        if field == "param":
            fm.append("params_vector: " + q(" ".join(vs)))
        if not body_lines:
            body_lines = [f"S{n}: Words spoken by speaker {n}." for n in range(len(VECTORS))]
        text = "---\n" + "\n".join(fm) + "\n---\n\n" + "\n\n".join(body_lines) + "\n"
        out[f"site/Content/fields/{field}.md"] = text

    # Markdown bodies: raw HTML (left out with a warning), links, notes, code.
    body = []
    for v in vectors("body", markdown=True):
        body.append(f"S0: The speaker said {v} and went on.")
        body.append(v)
    notes = vectors("point-note")
    for n, v in enumerate(notes):
        body.append(f"S1: A claim with a note[^n{n}].")
        body.append(f"[^n{n}]: {v}")
    out["site/Content/body.md"] = (
        "---\ntitle: Vectors in the body\ndate: 2025-03-02\n"
        f"speakers: [{', '.join(ids)}]\n---\n\n" + "\n\n".join(body) + "\n"
    )

    # Importer inputs: gloss import turns them into transcripts before the build.
    html_vs = vectors("import-html")
    out["imports/page.html"] = (
        "<!doctype html>\n<html><head><title>Imported page " + html_vs[0].replace("</script>", "") + "</title>\n"
        "<script>alert('GLOSSXSS-import-html-head')</script></head>\n<body><article>\n"
        "<h1>Hostile article</h1>\n<p>Published 2025-03-03</p>\n"
        + "".join(f"<p>Paragraph {n}: {v}</p>\n" for n, v in enumerate(html_vs))
        + "<p><a href=\"javascript:alert('GLOSSXSS-import-html-link')\">a link</a> and "
        "<img src=x onerror=\"alert('GLOSSXSS-import-html-img')\"></p>\n"
        "<blockquote><p>&lt;script&gt;alert('GLOSSXSS-import-html-escaped')&lt;/script&gt;</p></blockquote>\n"
        "</article></body></html>\n"
    )
    rss_vs = vectors("import-rss")
    items = "".join(
        f"<item><title>{esc(v)}</title><link>https://example.org/{n}</link>"
        f"<pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate>"
        f"<description><![CDATA[<p>Item {n}: {v.replace(']]>', ']]&gt;')}</p><script>alert('GLOSSXSS-import-rss-cdata-{n}')</script>]]></description></item>\n"
        for n, v in enumerate(rss_vs[:8])
    )
    out["imports/feed.xml"] = (
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>"
        f"<title>{esc(rss_vs[8])}</title><link>https://example.org/</link><description>Feed</description>\n"
        + items + "</channel></rss>\n"
    )
    vtt_vs = vectors("import-vtt")
    cues = "".join(
        f"{n + 1}\n00:00:{n:02d}.000 --> 00:00:{n:02d}.900\n<v Speaker {n}>{v}\n\n" for n, v in enumerate(vtt_vs)
    )
    out["imports/captions.vtt"] = "WEBVTT\n\nNOTE <script>alert('GLOSSXSS-import-vtt-note')</script>\n\n" + cues
    return out


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def main():
    check = sys.argv[1:] == ["--check"]
    stale = []
    for path, text in sorted(files().items()):
        full = os.path.join(HERE, path)
        if check:
            try:
                with open(full, encoding="utf-8") as handle:
                    if handle.read() != text:
                        stale.append(path)
            except FileNotFoundError:
                stale.append(path)
            continue
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    if stale:
        sys.exit("injection corpus out of date (run generate.py): " + ", ".join(stale))


main()
