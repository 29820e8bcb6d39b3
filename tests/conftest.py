"""Réglages communs de la suite de tests."""

import os
import shutil

import pytest

from tests.outils import SOFFICE

# Le Chromium de Debian : Playwright ne peut pas télécharger son propre navigateur ici.
CHROMIUM = (
    os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
)
SOUS_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

# Marqueur → (programme trouvé ?, description, paquet Debian) des tests qui en dépendent.
PROGRAMMES = {
    "e2e": (CHROMIUM, "tests de navigateur", "Chromium", "chromium"),
    "libreoffice": (SOFFICE, "tests LibreOffice", "LibreOffice", "libreoffice-writer-nogui"),
}
_NON_LANCES: dict[str, list[str]] = {}

# Les tests marqués `postgresql` ont besoin de vraies connexions simultanées (verrous de lignes,
# mise à jour conditionnelle concurrente) : SQLite n'en a qu'une qui écrive à la fois. Sur SQLite
# ils ne sont pas collectés, et la fin de la suite le dit ; ce n'est pas un « skip » pour passer
# au vert : la CI les fait tourner sur PostgreSQL, et la même règle est vérifiée sur toutes les
# bases par un test séquentiel à côté de chacun.
_POSTGRESQL_SEULEMENT: list[str] = []


def _ecarter_hors_postgresql(config, items) -> None:
    from django.db import connection

    if connection.vendor == "postgresql":
        return
    gardes, ecartes = [], []
    for item in items:
        (ecartes if item.get_closest_marker("postgresql") else gardes).append(item)
    if ecartes:
        _POSTGRESQL_SEULEMENT.extend(item.nodeid for item in ecartes)
        config.hook.pytest_deselected(items=ecartes)
        items[:] = gardes


def pytest_collection_modifyitems(config, items):
    """Sans Chromium ou LibreOffice sur un poste de développement, les tests qui en ont besoin
    ne sont pas lancés (et on le dit en fin de suite) ; sous CI, un programme manquant est une
    erreur : ces tests échouent."""
    _ecarter_hors_postgresql(config, items)
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
    if _POSTGRESQL_SEULEMENT:
        from django.db import connection

        terminalreporter.section("tests PostgreSQL seulement", sep="-")
        terminalreporter.write_line(
            f"{len(_POSTGRESQL_SEULEMENT)} test(s) de concurrence non collecté(s) sur "
            f"{connection.vendor} : ils tournent sur PostgreSQL (DATABASE_URL=postgres://…, "
            "comme la CI)."
        )
        for nodeid in _POSTGRESQL_SEULEMENT:
            terminalreporter.write_line(f"  {nodeid}")
    for marqueur, noms in _NON_LANCES.items():
        _, description, programme, paquet = PROGRAMMES[marqueur]
        terminalreporter.section(f"{description} NON lancés", sep="!")
        terminalreporter.write_line(
            f"{len(noms)} {description} n'ont PAS tourné : {programme} est introuvable. "
            f"Installez-le avec `sudo make system-deps` (paquet Debian {paquet}) "
            "puis relancez `make test`."
        )


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """Sur SQLite, la base de test est un fichier, pas la mémoire.

    Une base SQLite en mémoire n'a qu'une connexion, que Django partage entre le test et les fils
    du serveur de test des tests de navigateur : deux requêtes simultanées s'y mélangent (la
    documentation de Django prévient que des tests peuvent alors échouer au hasard ; un e-mail
    de notification perdu, une fois). Avec un fichier, chaque fil a sa connexion.
    """
    from django.conf import settings

    base = settings.DATABASES["default"]
    if base["ENGINE"] == "django.db.backends.sqlite3":
        base.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("base") / "test.sqlite3")


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
