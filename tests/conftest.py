"""Réglages communs de la suite de tests."""

import os
import shutil

import pytest

# Le Chromium de Debian : Playwright ne peut pas télécharger son propre navigateur ici.
CHROMIUM = (
    os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
)
# LibreOffice : les tests vérifient que le DOCX s'ouvre et se convertit proprement.
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
SOUS_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

# Marqueur → (programme trouvé ?, description, paquet Debian) des tests qui en dépendent.
PROGRAMMES = {
    "e2e": (CHROMIUM, "tests de navigateur", "Chromium", "chromium"),
    "libreoffice": (SOFFICE, "tests LibreOffice", "LibreOffice", "libreoffice-writer-nogui"),
}
_NON_LANCES: dict[str, list[str]] = {}


def pytest_collection_modifyitems(config, items):
    """Sans Chromium ou LibreOffice sur un poste de développement, les tests qui en ont besoin
    ne sont pas lancés (et on le dit en fin de suite) ; sous CI, un programme manquant est une
    erreur : ces tests échouent."""
    if SOUS_CI:
        return
    manquants = {marqueur for marqueur, (trouve, *_) in PROGRAMMES.items() if not trouve}
    gardes, retires = [], []
    for item in items:
        marqueur = next((m for m in manquants if item.get_closest_marker(m)), None)
        if marqueur:
            _NON_LANCES.setdefault(marqueur, []).append(item.nodeid)
            retires.append(item)
        else:
            gardes.append(item)
    if retires:
        config.hook.pytest_deselected(items=retires)
        items[:] = gardes


def pytest_terminal_summary(terminalreporter):
    for marqueur, noms in _NON_LANCES.items():
        _, description, programme, paquet = PROGRAMMES[marqueur]
        terminalreporter.section(f"{description} NON lancés", sep="!")
        terminalreporter.write_line(
            f"{len(noms)} {description} n'ont PAS tourné : {programme} est introuvable. "
            f"Installez-le avec `sudo make system-deps` (paquet Debian {paquet}) "
            "puis relancez `make test`."
        )


@pytest.fixture(autouse=True)
def _cache_vide():
    """Chaque test part d'un cache vide (limites d'envoi, compteurs) : le cache local du
    processus survivrait sinon d'un test à l'autre."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _hachage_rapide(settings):
    """Un hachage de mot de passe rapide : la suite crée beaucoup de comptes."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fichiers_prives_temporaires(settings, tmp_path):
    """Les documents et pièces jointes des tests s'écrivent dans un dossier temporaire."""
    settings.PRIVATE_ROOT = tmp_path / "prive"
