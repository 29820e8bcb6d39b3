import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from rh_tpe.comptes.models import Entreprise, Utilisateur
from rh_tpe.portail.demo import MOT_DE_PASSE_DEMO

pytestmark = pytest.mark.django_db


def test_la_demo_cree_les_comptes_attendus_et_se_relance_sans_doublon(client):
    call_command("demo", stdout=None)
    call_command("demo", stdout=None)

    assert Utilisateur.objects.filter(role="conseiller", organisation__code="cci").count() == 2
    assert Utilisateur.objects.filter(role="conseiller", organisation__code="dreets").count() == 2
    assert Utilisateur.objects.filter(role="editeur_faq").count() == 1
    assert Utilisateur.objects.filter(role="administrateur", is_superuser=True).count() == 1
    boulangerie = Entreprise.objects.get(commune="Cahors")
    garage = Entreprise.objects.get(commune="Figeac")
    assert (boulangerie.idcc, garage.idcc) == ("843", "1090")
    assert boulangerie.membres.get().email == "boulangerie@tpe.test"
    assert garage.membres.get().email == "garage@tpe.test"
    # Par le vrai formulaire de connexion (protégé contre les essais en série).
    connexion = client.post(
        reverse("comptes:connexion"),
        {"username": "boulangerie@tpe.test", "password": MOT_DE_PASSE_DEMO},
    )
    assert connexion.status_code == 302 and "_auth_user_id" in client.session


def test_la_demo_refuse_de_tourner_en_production(settings):
    settings.PRODUCTION = True

    with pytest.raises(CommandError, match="jamais en production"):
        call_command("demo")
    assert not Utilisateur.objects.exists()
