"""L'administration Django (/django-admin/) : un « _to_field » vide n'est pas une erreur 500."""

import pytest

from rh_tpe.comptes.models import Organisation
from tests.factories import AdministrateurFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("vue", ["change", "delete"])
def test_la_fiche_d_un_objet_s_ouvre_avec_un_to_field_vide(client, vue):
    """« ?_to_field= » vide passait la vérification de Django et arrivait à get_field("") :
    FieldDoesNotExist, erreur 500."""
    organisation = Organisation.objects.get(code="cci")
    client.force_login(AdministrateurFactory())

    reponse = client.get(f"/django-admin/comptes/organisation/{organisation.pk}/{vue}/?_to_field=")

    assert reponse.status_code == 200
    assert organisation.nom in reponse.content.decode()


def test_la_fiche_s_enregistre_avec_un_to_field_vide(client):
    organisation = Organisation.objects.get(code="cci")
    client.force_login(AdministrateurFactory())

    reponse = client.post(
        f"/django-admin/comptes/organisation/{organisation.pk}/change/",
        {
            "nom": "CCI du Lot",
            "code": organisation.code,
            "email_contact": "contact@cci-lot.test",
            "_to_field": "",
        },
    )

    assert reponse.status_code == 302
    organisation.refresh_from_db()
    assert organisation.nom == "CCI du Lot"


def test_un_to_field_non_autorise_reste_refuse(client):
    organisation = Organisation.objects.get(code="cci")
    client.force_login(AdministrateurFactory())

    reponse = client.get(
        f"/django-admin/comptes/organisation/{organisation.pk}/change/?_to_field=nom"
    )

    assert reponse.status_code == 400


@pytest.mark.parametrize("case", ["abc", "", "4.2", "{}"])
def test_une_action_sur_une_selection_illisible_est_redemandee(client, case):
    """Les cases cochées allaient telles quelles à filter(pk__in=…) : erreur 500."""
    client.force_login(AdministrateurFactory())
    avant = Organisation.objects.count()

    reponse = client.post(
        "/django-admin/comptes/organisation/",
        {"action": "delete_selected", "_selected_action": case, "index": "0"},
        follow=True,
    )

    assert reponse.status_code == 200
    assert "Des éléments doivent être sélectionnés" in reponse.content.decode()
    assert Organisation.objects.count() == avant


def test_une_action_garde_les_cases_lisibles(client):
    organisation = Organisation.objects.get(code="cci")
    client.force_login(AdministrateurFactory())

    reponse = client.post(
        "/django-admin/comptes/organisation/",
        {
            "action": "delete_selected",
            "_selected_action": [str(organisation.pk), "abc"],
            "index": "0",
        },
    )

    # La page de confirmation de la suppression, pour l'organisation cochée seulement.
    assert reponse.status_code == 200
    assert organisation.nom in reponse.content.decode()
    assert Organisation.objects.filter(pk=organisation.pk).exists()
