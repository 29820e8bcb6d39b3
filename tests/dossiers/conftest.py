"""Les personnes du guichet : deux entreprises, un conseiller de chaque organisation, etc."""

from types import SimpleNamespace

import pytest

from tests.dossiers.factories import ConseillerDreetsFactory, DossierFactory, organisation
from tests.factories import (
    AdministrateurFactory,
    ChefEntrepriseFactory,
    ConseillerFactory,
    EditeurFactory,
)

# Les tests marqués `postgresql` (concurrence réelle) : voir tests/conftest.py.


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
