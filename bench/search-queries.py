#!/usr/bin/env python3
"""Times queries on a built Gloss site's search page in headless Chromium
against a local server (bench/search): bytes transferred and milliseconds to
results for a rare and a common word, cold (a new browser, nothing cached)
and warm (the same query again in the same page).

Usage: bench/search-queries.py SITE_DIR"""
import base64
import json
import os
import re
import sys
import time
import urllib.parse
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
from sitebrowser import browser, serve  # noqa: E402


def shard_terms(root, limit=400):
    """Document counts of terms in up to `limit` shards, spread over the alphabet."""
    directory = os.path.join(root, "search", "index")
    names = sorted(n for n in os.listdir(directory) if "-" not in n)
    step = max(1, len(names) // limit)
    counts = {}
    for name in names[::step]:
        text = open(os.path.join(directory, name), encoding="utf-8").read()
        # The shard's string is packed: raw deflate in base64 (docs/search.md).
        packed = json.loads(text[text.index(",") + 1:text.rindex(")")])
        body = zlib.decompress(base64.b64decode(packed), wbits=-15).decode("utf-8")
        for line in body.split("\n"):
            if line.startswith("!"):
                # A term with its postings in parts: its head line counts its transcripts.
                fields = line[1:].split("\t")
                counts[fields[0]] = counts.get(fields[0], 0) + int(fields[2])
            elif line and not line.startswith("@"):
                term = line.split("\t", 1)[0]
                counts[term] = counts.get(term, 0) + 1
    return counts


def words(root):
    counts = shard_terms(root)
    # Terms a reader could type as they are: letters only, and no ending the stemmer would cut.
    plain = {t: c for t, c in counts.items() if re.fullmatch(r"[a-z]{5,}", t) and t[-1] not in "sedgy"}
    common = max(plain, key=lambda t: (plain[t], t))
    rare = min((t for t in plain if plain[t] <= 2), key=lambda t: (plain[t], t), default=min(plain, key=plain.get))
    # Two common words: the page loads parts of both until it is sure of the first ten transcripts.
    second = max((t for t in plain if t != common), key=lambda t: (plain[t], t))
    return [("rare", rare, plain[rare]), ("common", common, plain[common]),
            ("two words", common + " " + second, min(plain[common], plain[second]))]


MEASURE = """
var entries = performance.getEntriesByType('resource');
var index = 0, all = 0;
entries.forEach(function (e) {
  var size = e.transferSize || e.encodedBodySize || 0;
  all += size;
  if (e.name.indexOf('/search/') >= 0 && /\\.js$/.test(e.name)) index += size;
});
var nav = performance.getEntriesByType('navigation')[0];
all += nav ? (nav.transferSize || nav.encodedBodySize || 0) : 0;
return {index: index, all: all, files: entries.length};
"""


def wait_done(driver, previous=None, seconds=30):
    end = time.time() + seconds
    while time.time() < end:
        done = driver.execute_script("return document.getElementById('search').getAttribute('data-done')")
        if done and done != previous:
            return int(done)
        time.sleep(0.01)
    raise SystemExit("bench/search: no results within 30 s")


def main(argv):
    root = os.path.abspath(argv[0])
    server = serve(root)
    page = f"http://127.0.0.1:{server.server_address[1]}/search/index.html"
    print("| query | transcripts with it (at most, for two words) | cold: ms to results | cold: index KB | cold: all KB | warm: ms |")
    print("|---|---:|---:|---:|---:|---:|")
    try:
        for label, word, documents in words(root):
            driver = browser()
            try:
                driver.execute_cdp_cmd("Network.enable", {})
                driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": False})
                driver.get(page + "?q=" + urllib.parse.quote(word))
                done = wait_done(driver)
                sizes = driver.execute_script(MEASURE)
                status = driver.execute_script("return document.getElementById('search-status').textContent")
                # Warm: the same query again, its index files already loaded.
                warm = []
                for _ in range(5):
                    before = driver.execute_script("return document.getElementById('search').getAttribute('data-done')")
                    driver.execute_script(
                        "var i = document.getElementById('search-query'); i.value = arguments[0];"
                        "document.getElementById('search-form').requestSubmit();", word)
                    after = wait_done(driver, before)
                    started = int(driver.execute_script("return document.getElementById('search').getAttribute('data-started')"))
                    warm.append(after - started)
                warm.sort()
                print(f"| {label} `{word}` ({status}) | {documents} | {done} | {sizes['index'] / 1024:.0f} | "
                      f"{sizes['all'] / 1024:.0f} | {warm[len(warm) // 2]} |")
            finally:
                driver.quit()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1:])
