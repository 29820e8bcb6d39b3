"""Changer son mot de passe depuis « Mon espace », pour tous les rôles."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import (
    MOT_DE_PASSE,
    AdministrateurFactory,
    ChefEntrepriseFactory,
    ConseillerFactory,
    EditeurFactory,
)
from tests.outils import texte

pytestmark = pytest.mark.django_db

URL = "comptes:modifier_mot_de_passe"
NOUVEAU = "Fournil-du-Lot-2027!"


def _mot_de_passe_est(utilisateur, mot_de_passe):
    utilisateur.refresh_from_db()
    return utilisateur.check_password(mot_de_passe)


def _changer(client, ancien, nouveau=NOUVEAU, confirmation=None):
    return client.post(
        reverse(URL),
        {
            "old_password": ancien,
            "new_password1": nouveau,
            "new_password2": nouveau if confirmation is None else confirmation,
        },
        REMOTE_ADDR="203.0.113.7",
    )


def test_un_anonyme_est_renvoye_vers_la_connexion(client):
    reponse = client.get(reverse(URL))

    assert reponse.status_code == 302
    assert reponse.url.startswith(reverse("comptes:connexion"))


@pytest.mark.parametrize("fabrique", [ChefEntrepriseFactory, ConseillerFactory, EditeurFactory])
def test_mon_espace_mene_au_changement_de_mot_de_passe(client, fabrique):
    client.force_login(fabrique())

    page = client.get(reverse("comptes:mon_espace")).content.decode()

    assert f'href="{reverse(URL)}"' in page


def test_le_nouveau_mot_de_passe_remplace_l_ancien_et_un_e_mail_le_dit(client, mailoutbox):
    chef = ChefEntrepriseFactory(email="chef@exemple.test")
    client.force_login(chef)

    reponse = _changer(client, MOT_DE_PASSE)

    assert reponse.status_code == 302
    assert reponse.url == reverse("comptes:mon_espace")
    suite = client.get(reponse.url)
    assert suite.status_code == 200  # toujours connecté sur cet appareil
    assert "Votre nouveau mot de passe est enregistré" in texte(suite)
    assert _mot_de_passe_est(chef, NOUVEAU)
    [avis] = mailoutbox
    assert avis.to == ["chef@exemple.test"]
    assert avis.subject == "RH TPE : votre mot de passe a été modifié"
    assert "http://testserver" not in avis.body
    assert reverse("comptes:mot_de_passe_oublie") in avis.body
    assert NOUVEAU not in avis.body


def test_les_sessions_des_autres_appareils_sont_fermees(client):
    chef = ChefEntrepriseFactory()
    autre_appareil = Client()
    autre_appareil.force_login(chef)
    client.force_login(chef)
    assert autre_appareil.get(reverse("comptes:mon_espace")).status_code == 200

    _changer(client, MOT_DE_PASSE)

    assert autre_appareil.get(reverse("comptes:mon_espace")).status_code == 302
    assert client.get(reverse("comptes:mon_espace")).status_code == 200


def test_un_ancien_mot_de_passe_faux_est_refuse_sans_rien_changer(client, mailoutbox):
    chef = ChefEntrepriseFactory()
    client.force_login(chef)

    reponse = _changer(client, "pas-le-bon")

    assert reponse.status_code == 200
    page = reponse.content.decode()
    assert "Ce n&#x27;est pas le mot de passe actuel de votre compte." in page
    # L'erreur est reliée au champ.
    assert 'aria-describedby="id_old_password-desc-error"' in page
    assert '<div id="id_old_password-desc-error">' in page
    assert _mot_de_passe_est(chef, MOT_DE_PASSE)
    assert mailoutbox == []


def test_un_nouveau_mot_de_passe_trop_faible_ou_mal_confirme_est_refuse(client):
    chef = ChefEntrepriseFactory()
    client.force_login(chef)

    faible = texte(_changer(client, MOT_DE_PASSE, nouveau="azerty"))
    mal_confirme = texte(_changer(client, MOT_DE_PASSE, confirmation="Autre-chose-2027!"))

    assert "Ce mot de passe est trop court" in faible
    assert "Les deux mots de passe ne correspondent pas" in mal_confirme
    assert _mot_de_passe_est(chef, MOT_DE_PASSE)


def test_les_essais_de_l_ancien_mot_de_passe_comptent_pour_la_suspension(client, settings):
    chef = ChefEntrepriseFactory()
    client.force_login(chef)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _changer(client, "pas-le-bon")

    # Même le bon mot de passe ne passe plus : la page de suspension répond.
    bloquee = _changer(client, MOT_DE_PASSE)

    assert bloquee.status_code == 429
    assert "Trop d'essais de mot de passe" in texte(bloquee)
    assert _mot_de_passe_est(chef, MOT_DE_PASSE)


def test_l_administration_wagtail_ne_change_plus_le_mot_de_passe(client):
    client.force_login(AdministrateurFactory())

    reponse = client.get(reverse("wagtailadmin_account"))

    assert reponse.status_code == 200
    assert "old_password" not in reponse.content.decode()
