"""Les tests du droit n'ont besoin ni de Django ni de base de données.

Ils tournent avec ou sans le plugin pytest-django (``pytest -p no:django tests/droit``) :

* sans le plugin, l'option ``DJANGO_SETTINGS_MODULE`` de pyproject.toml serait inconnue, et les
  avertissements sont des erreurs : on la déclare ici, seulement si le plugin est absent ;
* le conftest racine déclare une fixture autouse ``_hachage_rapide`` qui dépend de la fixture
  ``settings`` de pytest-django : on la neutralise pour ce dossier.
"""

import pytest


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    if not pluginmanager.has_plugin("django"):
        parser.addini("DJANGO_SETTINGS_MODULE", "ignoré sans pytest-django (tests du droit)")


@pytest.fixture(autouse=True)
def _hachage_rapide() -> None:
    """Rien à régler pour des fonctions pures."""


@pytest.fixture(autouse=True)
def _fichiers_prives_temporaires() -> None:
    """Pas de fichier privé dans le droit."""


@pytest.fixture(autouse=True)
def _cache_vide() -> None:
    """Pas de cache dans le droit."""
