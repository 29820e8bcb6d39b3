"""Qui voit quoi : chaque URL du parcours, pour chaque rôle."""

import pytest
from django.test import Client
from django.urls import reverse

from rh_tpe.embauche.models import BrouillonEmbauche, Embauche
from tests.factories import (
    AdministrateurFactory,
    ChefEntrepriseFactory,
    ConseillerFactory,
    EditeurFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def embauche(parcours, reponses):
    parcours.remplir(reponses)
    return Embauche.objects.get()


def _urls(brouillon, embauche):
    return {
        ("get", reverse("embauche:accueil")),
        ("get", reverse("embauche:registre")),
        ("get", reverse("embauche:etape", kwargs={"brouillon": brouillon.uuid, "step": "poste"})),
        ("post", reverse("embauche:supprimer", kwargs={"brouillon": brouillon.uuid})),
        ("get", reverse("embauche:detail", kwargs={"uuid": embauche.uuid})),
        ("post", reverse("embauche:formalite", kwargs={"uuid": embauche.uuid, "code": "dpae"})),
        ("get", reverse("embauche:calendrier", kwargs={"uuid": embauche.uuid})),
        ("post", reverse("embauche:relecture", kwargs={"uuid": embauche.uuid})),
        ("post", reverse("embauche:sortie", kwargs={"uuid": embauche.uuid})),
    }


@pytest.fixture
def autre_brouillon(embauche):
    return BrouillonEmbauche.objects.create(entreprise=embauche.entreprise)


def test_une_personne_non_connectee_va_a_la_connexion(embauche, autre_brouillon):
    client = Client()
    for methode, url in _urls(autre_brouillon, embauche):
        reponse = getattr(client, methode)(url)
        assert reponse.status_code == 302, url
        assert reponse["Location"].startswith("/comptes/connexion/"), url


@pytest.mark.parametrize(
    "fabrique", [ConseillerFactory, EditeurFactory, AdministrateurFactory], ids=lambda f: f.__name__
)
def test_les_autres_roles_recoivent_403(embauche, autre_brouillon, fabrique):
    client = Client()
    client.force_login(fabrique())
    for methode, url in _urls(autre_brouillon, embauche):
        assert getattr(client, methode)(url).status_code == 403, url


def test_le_chef_d_une_autre_entreprise_recoit_404(embauche, autre_brouillon):
    client = Client()
    client.force_login(ChefEntrepriseFactory())
    for methode, url in _urls(autre_brouillon, embauche):
        if url in (reverse("embauche:accueil"), reverse("embauche:registre")):
            continue
        donnees = {"date_sortie": embauche.date_debut.isoformat()} if methode == "post" else {}
        assert getattr(client, methode)(url, donnees).status_code == 404, url
    assert BrouillonEmbauche.objects.filter(pk=autre_brouillon.pk).exists()
    assert Embauche.objects.get().formalites_faites == []
    assert Embauche.objects.get().date_sortie is None


def test_le_chef_voit_ses_pages(parcours, embauche, autre_brouillon):
    client = parcours.client
    assert client.get(reverse("embauche:accueil")).status_code == 200
    assert client.get(reverse("embauche:detail", kwargs={"uuid": embauche.uuid})).status_code == 200
    url = reverse(
        "embauche:etape", kwargs={"brouillon": autre_brouillon.uuid, "step": "entreprise"}
    )
    assert client.get(url).status_code == 200


def test_le_registre_ne_montre_que_les_salaries_de_l_entreprise(embauche):
    autre = Client()
    autre.force_login(ChefEntrepriseFactory())
    page = autre.get(reverse("embauche:registre"))
    assert page.status_code == 200
    assert "Martin" not in page.content.decode()
    assert "Aucun salarié pour l'instant" in page.content.decode()
