# Podyx Desktop developer tasks (GNU make).
#
#   make venv         create .venv and install the app with its test extras
#   make run          start the desktop app
#   make test         ruff, mypy, import-linter, then the pytest suite
#   make bench        run every bench/*.py
#   make translations update the .ts translation sources from the code, compile them
#   make screenshots  render the app's screens to $(SCREENSHOTS_DIR)
#   make bundle       the PyInstaller bundle dist/podyx/ and its .deb; checks the
#                     Windows installer script compiles (installer/README.md)
#   make smoke        run what make bundle built, as IT would (installs the .deb: root)
#   make clean        remove the virtualenv, caches and build output
#
# System tools the tests need (PostgreSQL server, poppler, Xvfb, Qt's libraries)
# are installed by scripts/ensure_postgres.sh, which .ci/run runs first.

PY ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

SCREENSHOTS_SCRIPT ?= scripts/screenshots.py
SCREENSHOTS_DIR ?= docs/screenshots

.DEFAULT_GOAL := test
.PHONY: venv run test bench screenshots bundle smoke clean translations

# The window's translations: .ts sources (committed), compiled .qm files (build output).
TS := $(wildcard podyx_desktop/resources/translations/*.ts)
QM := $(TS:.ts=.qm)

venv: $(STAMP) $(QM)

$(VPY):
	$(PY) -m venv $(VENV)

# Reinstall only when pyproject.toml is newer than the stamp. The interpreter is an
# order-only prerequisite: its timestamp is the system Python's, not the venv's.
$(STAMP): pyproject.toml | $(VPY)
	$(VPY) -m pip install -e '.[test]'
	touch $@

$(QM): %.qm: %.ts | $(STAMP)
	$(VPY) -m podyx_desktop.resources.translations_build

# new sentences from the code into the .ts files (then translate them, see docs/translations.md)
translations: venv
	$(VPY) scripts/translations.py update
	$(VPY) scripts/translations.py compile

run: venv
	$(VPY) main.py

test: venv
	QT_QPA_PLATFORM=offscreen $(VPY) -m ruff check .
	$(VPY) -m mypy
	$(VENV)/bin/lint-imports
	QT_QPA_PLATFORM=offscreen $(VPY) -m pytest -p no:cacheprovider -q

bench: venv
	@set -e; for f in $(sort $(filter-out bench/__init__.py bench/verdict.py \
			bench/performance_table.py bench/keyring_backend.py, $(wildcard bench/*.py))); do \
		echo "== $$f"; \
		QT_QPA_PLATFORM=offscreen $(VPY) "$$f"; \
	done

# Under Xvfb when available (real X11 rendering), else Qt's offscreen platform.
screenshots: venv
	@test -f $(SCREENSHOTS_SCRIPT) || { echo "no $(SCREENSHOTS_SCRIPT) yet" >&2; exit 1; }
	mkdir -p $(SCREENSHOTS_DIR)
	@if command -v xvfb-run >/dev/null 2>&1; then \
		echo "xvfb-run -a $(VPY) $(SCREENSHOTS_SCRIPT) $(SCREENSHOTS_DIR)"; \
		QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1200x24" \
			$(VPY) $(SCREENSHOTS_SCRIPT) $(SCREENSHOTS_DIR); \
	else \
		echo "QT_QPA_PLATFORM=offscreen $(VPY) $(SCREENSHOTS_SCRIPT) $(SCREENSHOTS_DIR)"; \
		QT_QPA_PLATFORM=offscreen $(VPY) $(SCREENSHOTS_SCRIPT) $(SCREENSHOTS_DIR); \
	fi

bundle:
	bash scripts/ensure_build_tools.sh
	bash installer/build-bundle.sh
	bash installer/build-deb.sh
	bash installer/check-windows-installer.sh

smoke:
	bash installer/smoke.sh

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache \
		.hypothesis .import_linter_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
