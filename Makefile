# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: help install browser demo test check bench clean

help:
	@echo "make demo    install, then run the whole pipeline offline on the bundled sample sources"
	@echo "make test    install, then run the full test suite"
	@echo "make check   the quality benchmarks with their floors over ../shared/corpus (CORPUS=DIR to change); fails when one is missed"
	@echo "make bench   install the benchmark extras and run every benchmark (see BENCHMARKS.md)"

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

# The browser test renders the HTML digest in headless Chromium: Debian's chromium is
# installed when no Chromium is found (as root, or through sudo).
browser:
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || command -v google-chrome >/dev/null || { \
	  sudo=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$sudo apt-get update && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y chromium; }
	@# Urdu fonts, so that screenshots under data/screenshots/ show Urdu text, not boxes; the tests do not need them
	@fc-list 2>/dev/null | grep -q "Nastaliq" || { \
	  sudo=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y fonts-noto-core >/dev/null 2>&1 || echo "make browser: no Urdu fonts (fonts-noto-core); screenshots will show boxes for Urdu"; }

demo: install
	$(BIN)/monitor demo

test: install browser
	$(BIN)/python -m pytest

# The quality floors, over the shared labelled corpora (read in place, never copied); see
# BENCHMARKS.md for what each measures. .ci/run runs it after make test.
CORPUS ?= ../shared/corpus
check: install
	@test -d "$(CORPUS)" || { echo "make check: no corpus at $(CORPUS) (set CORPUS=DIR)"; exit 2; }
	$(BIN)/python bench/listing.py --page $(CORPUS)/pk-pages/dawn_homepage.html --check
	$(BIN)/python bench/extraction.py --corpus $(CORPUS)/extraction-dev --ours-only --check
	$(BIN)/python bench/analyze.py --corpus $(CORPUS) --check
	$(BIN)/python bench/phrasings.py --check
	$(BIN)/python bench/stories.py --check
	$(BIN)/python bench/dedup.py --corpus $(CORPUS)/near-dup-urdu --skip-scale --check
	$(BIN)/python bench/dedup_en.py --corpus $(CORPUS)/neardup-en-dev --articles $(CORPUS)/pk-news-dev --check

bench: install
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	for b in bench/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) data/demo .pytest_cache bench/out
