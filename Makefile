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
	$(BIN)/ruff check docdiff tools
	$(BIN)/ruff format --check docdiff tools
	$(BIN)/mypy docdiff tools
	$(BIN)/python tools/contract.py

SEED := seeds/az-cn-2025-04.ru.txt
REVISED := seeds/az-cn-2025-04-revised.ru.txt

demo: $(STAMP)
	mkdir -p out
	$(BIN)/docdiff parse $(SEED) --format text > out/outline.txt
	$(BIN)/docdiff parse $(SEED) --format json -o out/seed.json
	$(BIN)/docdiff parse $(SEED) --format akn -o out/seed.akn.xml
	$(BIN)/docdiff compare $(SEED) $(REVISED) --format html -o out/report.html
	$(BIN)/docdiff compare $(SEED) $(REVISED) --format md -o out/report.md
	$(BIN)/docdiff compare $(SEED) $(REVISED) --format json -o out/report.json
	$(BIN)/docdiff compare $(SEED) $(REVISED) --format text --color never | tee out/report.txt
	$(BIN)/docdiff formulas $(SEED) $(REVISED) -o out/formulas.txt
	@echo "wrote out/: outline.txt seed.json seed.akn.xml report.html report.md report.json report.txt formulas.txt"

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

golden: $(STAMP)
	$(BIN)/python -m pytest -q tests/render/test_golden.py --update-golden

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
