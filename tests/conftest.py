"""Réglages communs de la suite de tests."""

import os
import shutil

import pytest

# Le Chromium de Debian : Playwright ne peut pas télécharger son propre navigateur ici.
CHROMIUM = (
    os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
)
SOUS_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
_E2E_NON_LANCES: list[str] = []


def pytest_collection_modifyitems(config, items):
    """Sans Chromium sur un poste de développement, les tests de navigateur ne sont pas lancés
    (et on le dit en fin de suite) ; sous CI, un Chromium manquant est une erreur."""
    if CHROMIUM or SOUS_CI:
        return
    gardes = []
    for item in items:
        if item.get_closest_marker("e2e"):
            _E2E_NON_LANCES.append(item.nodeid)
        else:
            gardes.append(item)
    if _E2E_NON_LANCES:
        config.hook.pytest_deselected(items=[i for i in items if i not in gardes])
        items[:] = gardes


def pytest_terminal_summary(terminalreporter):
    if _E2E_NON_LANCES:
        terminalreporter.section("tests de navigateur NON lancés", sep="!")
        terminalreporter.write_line(
            f"{len(_E2E_NON_LANCES)} tests de navigateur n'ont PAS tourné : Chromium est "
            "introuvable. Installez-le avec `sudo make system-deps` (paquet Debian chromium) "
            "puis relancez `make test`."
        )


@pytest.fixture(autouse=True)
def _hachage_rapide(settings):
    """Un hachage de mot de passe rapide : la suite crée beaucoup de comptes."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fichiers_prives_temporaires(settings, tmp_path):
    """Les documents et pièces jointes des tests s'écrivent dans un dossier temporaire."""
    settings.PRIVATE_ROOT = tmp_path / "prive"
