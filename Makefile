# claimwatch — every target creates .venv on first use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-install bench lint format clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	@echo "installing claimwatch and its dependencies into $(VENV) (log: $(VENV)/install.log)"
	@$(BIN)/python -m pip install --upgrade pip > $(VENV)/install.log 2>&1 \
		&& $(BIN)/python -m pip install -e '.[dev,bench]' >> $(VENV)/install.log 2>&1 \
		|| { tail -30 $(VENV)/install.log; exit 1; }
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/claimwatch demo

test: $(STAMP)
	$(BIN)/python -m pytest -q

# A fresh venv with the interpreter's own pip (no upgrade) installs the project and runs it.
test-install: $(STAMP)
	$(BIN)/python -m pytest -q -m install tests/test_install.py

# Each script prints its figures beside a baseline measured in the same run (synth.py is a module).
BENCHES := extract_speed extract_worst_case extraction_quality crawl change_detection \
	change_detection_unseen change_detection_pairs db_scale digest distributed startup stop

bench: $(STAMP)
	@for name in $(BENCHES); do echo "== bench/$$name.py"; $(BIN)/python bench/$$name.py || exit 1; done

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) claimwatch-demo.db
