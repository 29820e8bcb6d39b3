# Le vocabulaire de l'équipe. Les deux commandes du README : `make run` et `make test`.
SHELL := /bin/bash
# Le Python 3.11 de Debian d'abord : son exécutable est lié statiquement à l'interpréteur, quand
# celui de pyenv passe par libpython3.11.so et n'est pas compilé avec optimisation guidée. Même
# code, ~15 % plus rapide pour tout le portail (rendu PDF d'un contrat : bench/documents.py).
# Il lui faut le paquet python3.11-venv (scripts/system-deps.sh) ; sans lui, ou hors de Debian,
# le premier python3.11 du PATH.
PYTHON ?= $(shell /usr/bin/python3.11 -c "import ensurepip" 2>/dev/null \
  && echo /usr/bin/python3.11 || command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
UV_VERSION := 0.13.9
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: install run demo test test-e2e lint format mypy migrations-check check-deploy system-deps bench clean

## install : environnement Python local (.venv) conforme à uv.lock ; rapide s'il est déjà à jour.
install: $(VENV)/.installe

$(VENV)/.installe: pyproject.toml uv.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@test -x $(VENV)/bin/uv || $(PY) -m pip install --quiet "uv==$(UV_VERSION)"
	$(VENV)/bin/uv sync --frozen --quiet
	@touch $@

## run : installe, migre, charge la démo et sert le portail sur http://127.0.0.1:8000
## Sans mode debug par défaut : on voit les pages d'erreur du portail (404, 500 en français),
## comme en production ; `DJANGO_DEBUG=true make run` rend les pages de diagnostic de Django.
## Les fichiers statiques sont servis par WhiteNoise, comme en production.
run: install
	@bash scripts/verifier-paquets-systeme.sh || true
	$(PY) manage.py migrate --no-input
	$(PY) manage.py demo
	DJANGO_DEBUG=$${DJANGO_DEBUG:-false} $(PY) manage.py runserver 127.0.0.1:8000

demo: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py demo

## test : toute la suite (droit, pages, documents, navigateur Chromium quand il est installé)
test: install
	$(PY) -m pytest

test-e2e: install
	$(PY) -m pytest -m e2e

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint templates rh_tpe --lint
	$(VENV)/bin/lint-imports

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

mypy: install
	$(VENV)/bin/mypy --strict rh_tpe/droit

migrations-check: install
	$(PY) manage.py makemigrations --check --dry-run

## check-deploy : les réglages de production passent `check --deploy`, avec des valeurs jetables
check-deploy: install
	DJANGO_ENV=production \
	DJANGO_SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(64))')" \
	DJANGO_ALLOWED_HOSTS=rh-tpe.example.org \
	TASKS_BACKEND=database \
	RH_TPE_EMAIL_CONTACT=contact@rh-tpe.example.org \
	RH_TPE_URL_BASE=https://rh-tpe.example.org \
	RH_TPE_VAR_DIR="$$(mktemp -d)" \
	$(PY) manage.py check --deploy --fail-level WARNING

## system-deps : paquets Debian (WeasyPrint rapide, Chromium pour les tests de navigateur)
system-deps:
	bash scripts/system-deps.sh

bench: install
	@for b in bench/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache .mypy_cache
