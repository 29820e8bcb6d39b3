"""Les comptes sans connexion depuis trois ans sont vidés de leurs données personnelles par
`purger_donnees`, comme l'annonce la page « Données personnelles »."""

import datetime
import io

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from rh_tpe import droit
from rh_tpe.comptes.models import Entreprise, Utilisateur
from rh_tpe.comptes.services import comptes_inactifs_supprimer
from rh_tpe.droit.outils import ajouter_mois
from tests.dossiers.factories import DossierFactory
from tests.factories import (
    MOT_DE_PASSE,
    AdministrateurFactory,
    ChefEntrepriseFactory,
    ConseillerFactory,
)
from tests.outils import texte

pytestmark = pytest.mark.django_db


def _connecte_le(compte: Utilisateur, jour: datetime.date) -> Utilisateur:
    moment = timezone.make_aware(datetime.datetime.combine(jour, datetime.time(23, 30)))
    Utilisateur.objects.filter(pk=compte.pk).update(last_login=moment, date_joined=moment)
    compte.refresh_from_db()
    return compte


def _cree_le(compte: Utilisateur, jour: datetime.date) -> Utilisateur:
    moment = timezone.make_aware(datetime.datetime.combine(jour, datetime.time(8)))
    Utilisateur.objects.filter(pk=compte.pk).update(last_login=None, date_joined=moment)
    compte.refresh_from_db()
    return compte


def _se_connecter(client, email: str) -> int:
    reponse = client.post(
        reverse("comptes:connexion"), {"username": email, "password": MOT_DE_PASSE}
    )
    return reponse.status_code


def _purger(*options) -> str:
    sortie = io.StringIO()
    call_command("purger_donnees", *options, stdout=sortie)
    return sortie.getvalue()


@pytest.fixture
def il_y_a_trois_ans():
    jour = ajouter_mois(timezone.localdate(), -36)
    # Le jour même où la conservation finit aujourd'hui : encore gardé.
    assert droit.conservation_compte_jusqu_au(dernier_acces=jour) >= timezone.localdate()
    return jour


def test_un_compte_est_garde_trois_ans_apres_sa_derniere_connexion_puis_vide(il_y_a_trois_ans):
    veille = il_y_a_trois_ans - datetime.timedelta(days=1)
    garde = _connecte_le(ChefEntrepriseFactory(), il_y_a_trois_ans)
    expire = _connecte_le(
        ChefEntrepriseFactory(first_name="Julie", last_name="Fournier", email="julie@exemple.test"),
        veille,
    )
    jamais_connecte = _cree_le(ConseillerFactory(), veille)
    recent = ChefEntrepriseFactory()
    exploitant = _connecte_le(AdministrateurFactory(), veille - datetime.timedelta(days=400))

    sortie = _purger()

    supprimes = set(
        Utilisateur.objects.filter(email__endswith="@compte-supprime.invalid").values_list(
            "pk", flat=True
        )
    )
    assert supprimes == {expire.pk, jamais_connecte.pk}
    for compte in (garde, recent, exploitant):
        compte.refresh_from_db()
        assert compte.is_active and not compte.est_supprime
    assert f"Compte n° {expire.pk} (chef_entreprise) supprimé" in sortie
    assert "2 compte(s) inactif(s) supprimé(s)." in sortie
    # Pas de donnée personnelle dans ce que la commande écrit.
    assert "Julie" not in sortie and "julie@" not in sortie and "Fournier" not in sortie


def test_un_compte_vide_ne_garde_ni_nom_ni_adresse_ni_acces(client, il_y_a_trois_ans):
    chef = ChefEntrepriseFactory(
        first_name="Julie", last_name="Fournier", email="julie@exemple.test"
    )
    AccessAttempt.objects.create(
        username="julie@exemple.test",
        ip_address="203.0.113.7",
        user_agent="essai",
        failures_since_start=1,
    )
    _connecte_le(chef, il_y_a_trois_ans - datetime.timedelta(days=1))

    _purger()

    chef.refresh_from_db()
    assert (chef.first_name, chef.last_name) == ("", "")
    assert chef.email == f"compte-{chef.pk}@compte-supprime.invalid"
    assert not chef.is_active and not chef.has_usable_password()
    assert str(chef) == chef.get_full_name() == "Compte supprimé"
    assert not AccessAttempt.objects.filter(username="julie@exemple.test").exists()
    assert _se_connecter(client, "julie@exemple.test") == 200  # formulaire et message d'erreur
    # L'entreprise reste : ses salariés et ses contrats suivent leurs propres durées.
    assert Entreprise.objects.filter(pk=chef.entreprise_id).exists()


def test_l_adresse_d_un_compte_vide_redevient_libre(client, il_y_a_trois_ans):
    ancien = _connecte_le(
        ChefEntrepriseFactory(email="julie.fournier@exemple.test"),
        il_y_a_trois_ans - datetime.timedelta(days=1),
    )
    _purger()

    nouveau = Utilisateur.objects.create_user(
        email="julie.fournier@exemple.test", password=MOT_DE_PASSE, first_name="J", last_name="F"
    )

    assert nouveau.pk != ancien.pk
    assert _se_connecter(client, "julie.fournier@exemple.test") == 302


def test_les_dossiers_d_un_conseiller_vide_le_nomment_compte_supprime(il_y_a_trois_ans, client):
    conseiller = ConseillerFactory(first_name="Claire", last_name="Martin")
    dossier = DossierFactory(organisation=conseiller.organisation, conseiller=conseiller)
    _connecte_le(conseiller, il_y_a_trois_ans - datetime.timedelta(days=1))

    _purger()

    client.force_login(dossier.auteur)
    page = texte(client.get(reverse("dossiers:detail", args=[dossier.pk])))
    assert "Compte supprimé" in page
    assert "Claire" not in page and "Martin" not in page


def test_la_simulation_ne_vide_rien_et_la_purge_ne_revient_pas_deux_fois(il_y_a_trois_ans):
    chef = _connecte_le(ChefEntrepriseFactory(), il_y_a_trois_ans - datetime.timedelta(days=1))

    assert f"Compte n° {chef.pk} (chef_entreprise) à supprimer" in _purger("--simulation")
    chef.refresh_from_db()
    assert chef.is_active and not chef.est_supprime

    assert "1 compte(s) inactif(s) supprimé(s)." in _purger()
    assert "0 compte(s) inactif(s) supprimé(s)." in _purger()
    assert comptes_inactifs_supprimer(aujourd_hui=timezone.localdate()) == []
