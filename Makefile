# The two commands a fresh machine needs: `make app` and `make test`.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
TIKTOKEN_DIR := $(abspath ../shared/tiktoken)
export TIKTOKEN_CACHE_DIR := $(if $(wildcard $(TIKTOKEN_DIR)/README.md),$(TIKTOKEN_DIR),$(TIKTOKEN_CACHE_DIR))

.PHONY: app test slow lint bench install dev

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

dev: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'

app: install
	$(BIN)/streamlit run app.py --browser.gatherUsageStats false

test: dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/afterword eval --backend offline --baseline evals/baselines/offline.json --out runs/ci
	$(BIN)/python -m pytest -q

# The hypothesis lane: 10,000 examples each over the offer reader, facts loader and checker.
slow: dev
	$(BIN)/python -m pytest -q -m slow

bench: dev
	$(BIN)/python benchmarks/bench_hostile.py
	$(BIN)/python benchmarks/bench_composer.py
	$(BIN)/python benchmarks/bench_checker.py
	$(BIN)/python benchmarks/bench_chain.py
	$(BIN)/python benchmarks/bench_offers.py
	$(BIN)/python benchmarks/bench_app.py
	$(BIN)/python benchmarks/bench_judge.py
