"""Qui voit quoi : chaque page privée, pour chaque rôle."""

import pytest
from django.urls import reverse

from rh_tpe.comptes import visibilite
from rh_tpe.comptes.models import Organisation
from tests.factories import (
    AdministrateurFactory,
    ChefEntrepriseFactory,
    ConseillerFactory,
    EditeurFactory,
    EntrepriseFactory,
)
from tests.outils import texte

pytestmark = pytest.mark.django_db

PAGES_PRIVEES = [reverse("comptes:mon_espace"), reverse("comptes:mon_entreprise")]


@pytest.mark.parametrize("url", PAGES_PRIVEES)
def test_un_anonyme_est_renvoye_vers_la_connexion(client, url):
    reponse = client.get(url)

    assert reponse.status_code == 302
    assert reponse.url == f"{reverse('comptes:connexion')}?next={url}"


def test_mon_espace_montre_l_entreprise_au_chef(client):
    chef = ChefEntrepriseFactory(entreprise__raison_sociale="Garage du Célé")
    client.force_login(chef)

    contenu = texte(client.get(reverse("comptes:mon_espace")))

    assert "Garage du Célé" in contenu
    assert "Modifier le profil de l'entreprise" in contenu


def test_mon_espace_montre_l_organisation_au_conseiller(client):
    conseiller = ConseillerFactory(organisation=Organisation.objects.get(code="dreets"))
    client.force_login(conseiller)

    contenu = texte(client.get(reverse("comptes:mon_espace")))

    assert "Conseiller — DREETS Occitanie — unité départementale du Lot" in contenu
    assert "Modifier le profil" not in contenu
    assert "Ouvrir l'administration des contenus" not in contenu


def test_mon_espace_donne_a_l_editeur_l_acces_a_wagtail(client):
    client.force_login(EditeurFactory())

    contenu = texte(client.get(reverse("comptes:mon_espace")))

    assert "Ouvrir l'administration des contenus" in contenu
    assert "Gérer les comptes" not in contenu


def test_mon_espace_donne_a_l_administrateur_la_gestion_des_comptes(client):
    client.force_login(AdministrateurFactory())

    contenu = texte(client.get(reverse("comptes:mon_espace")))

    assert "Gérer les comptes" in contenu


def test_le_chef_modifie_son_entreprise(client):
    chef = ChefEntrepriseFactory()
    client.force_login(chef)
    donnees = {
        "raison_sociale": "Nouvelle raison",
        "siret": chef.entreprise.siret,
        "code_naf": "",
        "idcc": "843",
        "convention_collective": "Boulangerie",
        "effectif": "5",
        "adresse": "2 rue Nouvelle",
        "code_postal": "46100",
        "commune": "Figeac",
    }

    reponse = client.post(reverse("comptes:mon_entreprise"), donnees)

    assert reponse.status_code == 302
    chef.entreprise.refresh_from_db()
    assert chef.entreprise.raison_sociale == "Nouvelle raison"
    assert chef.entreprise.effectif == 5


def test_un_code_postal_faux_est_signale_sans_rien_perdre(client):
    chef = ChefEntrepriseFactory()
    client.force_login(chef)

    reponse = client.post(
        reverse("comptes:mon_entreprise"),
        {
            "raison_sociale": "Gardée",
            "siret": chef.entreprise.siret,
            "effectif": "1",
            "adresse": "2 rue",
            "code_postal": "460",
            "commune": "Cahors",
        },
    )

    contenu = texte(reponse)
    assert "Le code postal comporte 5 chiffres" in contenu
    assert 'value="Gardée"' in contenu


@pytest.mark.parametrize("fabrique", [ConseillerFactory, EditeurFactory, AdministrateurFactory])
def test_seul_un_chef_d_entreprise_modifie_un_profil_d_entreprise(client, fabrique):
    client.force_login(fabrique())

    assert client.get(reverse("comptes:mon_entreprise")).status_code == 403


def test_visibilite_des_entreprises_par_role():
    chef = ChefEntrepriseFactory()
    autre = EntrepriseFactory()

    assert list(visibilite.entreprises_visibles(chef)) == [chef.entreprise]
    assert not visibilite.peut_voir_entreprise(chef, autre)
    assert visibilite.peut_voir_entreprise(AdministrateurFactory(), autre)
    assert not visibilite.entreprises_visibles(EditeurFactory()).exists()
    # Un conseiller ne voit une entreprise qu'à travers les dossiers de son organisation :
    # sans dossier, aucune (les cas avec dossiers sont dans tests/dossiers/test_acces.py).
    assert not visibilite.entreprises_visibles(ConseillerFactory()).exists()


def test_un_compte_desactive_ne_voit_rien():
    chef = ChefEntrepriseFactory(is_active=False)

    assert not visibilite.entreprises_visibles(chef).exists()


def test_l_administration_wagtail_n_envoie_pas_son_propre_lien_de_reinitialisation(
    client, mailoutbox
):
    """Un seul « mot de passe oublié », celui du portail (file des tâches, un lien par
    intervalle) : celui de Wagtail est fermé, la connexion de l'administration y renvoie."""
    EditeurFactory(email="editrice@exemple.test")

    client.post("/admin/password_reset/", {"email": "editrice@exemple.test"})
    connexion = client.get("/admin/login/")

    assert mailoutbox == []
    assert reverse("comptes:mot_de_passe_oublie") in connexion.content.decode()


def test_l_adresse_e_mail_d_un_compte_ne_se_change_pas_depuis_wagtail(client):
    from django.contrib.auth.models import Group

    editrice = EditeurFactory(email="editrice@exemple.test")
    editrice.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editrice)
    assert client.get("/admin/account/").status_code == 200

    client.post(
        "/admin/account/",
        {
            "name_email-first_name": "Eve",
            "name_email-last_name": "Dupont",
            "name_email-email": "attaquant@exemple.test",
            "locale-preferred_language": "fr",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
        },
    )

    editrice.refresh_from_db()
    assert editrice.first_name == "Eve"  # le formulaire a bien été enregistré
    assert editrice.email == "editrice@exemple.test"
