# sitrep: `make run` and `make test` are the front door; both set up .venv when needed.
SHELL := /bin/bash
PY_BOOT ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export UV_NATIVE_TLS := 1
export DAGSTER_HOME := $(CURDIR)/.dagster_home
export SITREP_INBOX ?= $(CURDIR)/seeds
export SITREP_WAREHOUSE ?= $(CURDIR)/warehouse/sitrep.duckdb
export PATH := $(CURDIR)/$(BIN):$(PATH)

# The spaCy model is only on PyPI as a re-upload; this is the hash of the wheel we trust.
MODEL_HASH := sha256:e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779

.PHONY: setup run test ui lint eval holdout docs docs-serve lock bench clean

setup: $(STAMP) $(DAGSTER_HOME)/dagster.yaml

# Re-installs only when the lock, bootstrap or pyproject change.
$(STAMP): requirements.lock requirements-bootstrap.txt requirements-duckdb14.lock pyproject.toml
	test -x $(BIN)/python || $(PY_BOOT) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-bootstrap.txt
	$(BIN)/uv pip sync --quiet --python $(BIN)/python --require-hashes requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps --no-build-isolation -e .
	$(BIN)/uv pip install --quiet --python $(BIN)/python --require-hashes --target $(VENV)/duckdb14 \
		-r requirements-duckdb14.lock
	touch $@

$(DAGSTER_HOME)/dagster.yaml: orchestration/dagster.yaml
	mkdir -p $(DAGSTER_HOME) warehouse
	cp $< $@

run: setup
	$(BIN)/sitrep run

test: setup
	$(BIN)/python -m pytest -q

ui: setup
	$(BIN)/dagster dev -h 127.0.0.1 -p 3000

lint: setup
	$(BIN)/ruff check src orchestration tests bench
	cd dbt_project && ../$(BIN)/sqlfluff lint models

eval: setup
	$(BIN)/sitrep evaluate

# The 20 hand-annotated corpus articles nobody tuned on (bench/holdout/): rebuilt from ../shared/corpus.
HOLDOUT := warehouse/holdout
holdout: setup
	$(BIN)/python bench/holdout/holdout.py build $(HOLDOUT)
	$(BIN)/sitrep run --inbox $(HOLDOUT)/inbox --warehouse $(HOLDOUT)/wh/sitrep.duckdb
	$(BIN)/sitrep evaluate --warehouse $(HOLDOUT)/wh/sitrep.duckdb --gold $(HOLDOUT)/gold --skip-acled \
		--json $(HOLDOUT)/eval.json

docs: setup
	cd dbt_project && ../$(BIN)/dbt docs generate --profiles-dir . && echo "open dbt_project/target/index.html (or: make docs-serve)"

docs-serve: docs
	cd dbt_project && ../$(BIN)/dbt docs serve --profiles-dir . --host 127.0.0.1 --port 8080

bench: setup
	$(BIN)/python bench/extract_speed.py

# Regenerates the hash-pinned lock from pyproject.toml; keeps only the model wheel's known hash.
lock:
	$(BIN)/uv pip compile --quiet --python-version 3.11 --generate-hashes --extra dev \
		--no-header --annotation-style line pyproject.toml -o requirements.lock
	$(BIN)/python .ci/pin_model_hash.py requirements.lock $(MODEL_HASH)

clean:
	rm -rf $(VENV) dbt_project/target dbt_project/logs warehouse/*.duckdb*
