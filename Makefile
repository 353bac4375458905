# Sangam: build, serve, test and publish the digest. Every target sets up .venv on first use.
PYTHON ?= python3
VENV ?= .venv
PELICAN ?= $(VENV)/bin/pelican
PELICANOPTS ?=

BASEDIR = $(CURDIR)
INPUTDIR ?= $(BASEDIR)/content
OUTPUTDIR ?= $(BASEDIR)/output
CONFFILE ?= $(BASEDIR)/pelicanconf.py
PUBLISHCONF ?= $(BASEDIR)/publishconf.py
GITHUB_PAGES_BRANCH ?= gh-pages
PORT ?= 8000
SERVER ?= 127.0.0.1

STAMP = $(VENV)/.installed

.PHONY: help install html clean regenerate serve devserver publish github test browser bench

help:
	@echo 'make install     set up $(VENV) with the pinned dependencies (done by every target)'
	@echo 'make html        build content/ into output/ (INPUTDIR=... OUTPUTDIR=... to build another folder)'
	@echo 'make serve       serve output/ on http://$(SERVER):$(PORT)/'
	@echo 'make devserver   rebuild on every change and serve'
	@echo 'make test        run the tests (installs Debian chromium for the browser tests if missing)'
	@echo 'make publish     build with publishconf.py (absolute SITEURL)'
	@echo 'make github      publish output/ to the $(GITHUB_PAGES_BRANCH) branch with ghp-import'

$(STAMP): pyproject.toml
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Builds into a fresh folder and swaps it in: a failed build leaves the previous site in place.
html: $(STAMP)
	$(VENV)/bin/sangam build "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

clean:
	rm -rf "$(OUTPUTDIR)" cache

regenerate: $(STAMP)
	$(PELICAN) -r "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

serve: $(STAMP)
	$(PELICAN) -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" -b $(SERVER) -p $(PORT) $(PELICANOPTS)

devserver: $(STAMP)
	$(PELICAN) -lr "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" -b $(SERVER) -p $(PORT) $(PELICANOPTS)

publish: $(STAMP)
	$(VENV)/bin/sangam build "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(PUBLISHCONF)" $(PELICANOPTS)

github: publish
	$(VENV)/bin/ghp-import -m "Publish the digest" -b $(GITHUB_PAGES_BRANCH) "$(OUTPUTDIR)" --no-jekyll
	git push origin $(GITHUB_PAGES_BRANCH)

# Debian's Chromium drives the browser tests; Playwright's own browser download is never used.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

test: $(STAMP) browser
	$(VENV)/bin/python -m pytest -q $(PYTESTOPTS)

bench: $(STAMP)
	$(VENV)/bin/python bench/run.py
