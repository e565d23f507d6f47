# Everything sets itself up: a fresh machine needs only Python >= 3.11 and pip.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: test lint demo bench clean golden

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,lint]'
	touch $(STAMP)

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check docdiff
	$(BIN)/ruff format --check docdiff
	$(BIN)/mypy docdiff

demo: $(STAMP)
	mkdir -p out
	$(BIN)/docdiff parse seeds/az-cn-2025-04.ru.txt --format text | tee out/outline.txt
	$(BIN)/docdiff parse seeds/az-cn-2025-04.ru.txt --format json > out/seed.json
	@echo "wrote out/outline.txt and out/seed.json"

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

golden: $(STAMP)
	$(BIN)/python -m pytest -q tests/test_golden.py --update-golden

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
