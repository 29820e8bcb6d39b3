"""Les personnes du guichet : deux entreprises, un conseiller de chaque organisation, etc."""

from types import SimpleNamespace

import pytest
from django.db import connection

from tests.dossiers.factories import ConseillerDreetsFactory, DossierFactory, organisation
from tests.factories import (
    AdministrateurFactory,
    ChefEntrepriseFactory,
    ConseillerFactory,
    EditeurFactory,
)

# Les tests marqués `postgresql` ont besoin de vraies connexions simultanées (verrous de lignes,
# mise à jour conditionnelle concurrente) : SQLite n'en a qu'une qui écrive à la fois. Sur SQLite
# ils ne sont pas collectés, et la fin de la suite le dit ; ce n'est pas un « skip » pour passer
# au vert : la CI les fait tourner sur PostgreSQL, et la même règle est vérifiée sur toutes les
# bases par un test séquentiel (voir `test_services.py`).
_POSTGRESQL_SEULEMENT: list[str] = []


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "postgresql: test de concurrence réelle, collecté seulement sur PostgreSQL"
    )


def pytest_collection_modifyitems(config, items):
    if connection.vendor == "postgresql":
        return
    gardes, ecartes = [], []
    for item in items:
        (ecartes if item.get_closest_marker("postgresql") else gardes).append(item)
    if ecartes:
        _POSTGRESQL_SEULEMENT.extend(item.nodeid for item in ecartes)
        config.hook.pytest_deselected(items=ecartes)
        items[:] = gardes


def pytest_terminal_summary(terminalreporter):
    if _POSTGRESQL_SEULEMENT:
        terminalreporter.section("tests PostgreSQL seulement", sep="-")
        terminalreporter.write_line(
            f"{len(_POSTGRESQL_SEULEMENT)} test(s) de concurrence non collecté(s) sur "
            f"{connection.vendor} : ils tournent sur PostgreSQL (DATABASE_URL=postgres://…, "
            "comme la CI)."
        )
        for nodeid in _POSTGRESQL_SEULEMENT:
            terminalreporter.write_line(f"  {nodeid}")


@pytest.fixture
def gens(db):
    return SimpleNamespace(
        chef_a=ChefEntrepriseFactory(entreprise__raison_sociale="Boulangerie A"),
        chef_b=ChefEntrepriseFactory(entreprise__raison_sociale="Garage B"),
        cci=ConseillerFactory(first_name="Claire", last_name="Martin"),
        cci2=ConseillerFactory(first_name="Paul", last_name="Durand"),
        dreets=ConseillerDreetsFactory(first_name="Sophie", last_name="Bernard"),
        dreets2=ConseillerDreetsFactory(first_name="Marc", last_name="Lefebvre"),
        editeur=EditeurFactory(),
        admin=AdministrateurFactory(),
    )


@pytest.fixture
def dossier_dreets(gens):
    """Une question de l'entreprise A, dans la file de la DREETS, prise par Sophie."""
    return DossierFactory(
        auteur=gens.chef_a,
        organisation=organisation("dreets"),
        conseiller=gens.dreets,
        statut="en_cours",
    )


@pytest.fixture
def mails(django_capture_on_commit_callbacks, mailoutbox):
    """Les e-mails partent après la validation de la transaction : on exécute ces rappels."""
    return mailoutbox
