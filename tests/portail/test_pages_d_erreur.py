"""Les pages d'erreur parlent français, dans la charte de l'État, avec un titre et un h1.

Sans gabarit du projet, Django répond en anglais (« 403 Forbidden », `<html lang="en">`), sans
en-tête ni lien de retour : c'est ce que voyait un chef d'entreprise qui ouvrait une page de
conseiller, ou un envoi dont la session avait expiré.
"""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import SuspiciousOperation
from django.test import RequestFactory
from django.urls import reverse
from django.utils.module_loading import import_string
from django.views import defaults

from rh_tpe import urls
from tests.factories import AdministrateurFactory, ChefEntrepriseFactory
from tests.outils import texte

pytestmark = pytest.mark.django_db


def _page_du_portail_en_francais(page: str, titre: str) -> None:
    assert '<html lang="fr"' in page
    assert re.search(r"<title>[^<]*" + re.escape(titre), page), page[:400]
    assert len(re.findall(r"<h1[ >]", page)) == 1
    assert "fr-header" in page and "fr-footer" in page
    assert "Forbidden" not in page and "Not Found" not in page and "Server Error" not in page


def test_un_chef_d_entreprise_sur_une_page_de_conseiller_voit_un_403_en_francais(client):
    client.force_login(ChefEntrepriseFactory())

    reponse = client.get(reverse("dossiers:statistiques"))

    assert reponse.status_code == 403
    page = texte(reponse)
    _page_du_portail_en_francais(page, "Accès refusé")
    # La navigation du compte connecté reste là : on repart de « Mon espace ».
    assert reverse("comptes:mon_espace") in page


def test_une_page_introuvable_repond_un_404_en_francais(client, settings):
    settings.DEBUG = False

    reponse = client.get("/cette-page-n-existe-pas/")

    assert reponse.status_code == 404
    _page_du_portail_en_francais(texte(reponse), "Page introuvable")


def test_un_envoi_sans_jeton_csrf_explique_quoi_faire_en_francais():
    from django.test import Client

    client = Client(enforce_csrf_checks=True)

    reponse = client.post(reverse("comptes:connexion"), {"username": "a@b.test"})

    assert reponse.status_code == 403
    page = texte(reponse)
    assert '<html lang="fr"' in page
    assert "<h1" in page and "Forbidden" not in page
    assert "Rechargez la page" in page


def test_les_erreurs_400_et_500_ont_une_page_en_francais():
    requete = RequestFactory().get("/")

    requete.user = AnonymousUser()
    page_400 = defaults.bad_request(requete, SuspiciousOperation()).content.decode()
    requete.user = AnonymousUser()
    page_500 = import_string(urls.handler500)(requete).content.decode()

    for page, titre in ((page_400, "Requête invalide"), (page_500, "Erreur du serveur")):
        assert '<html lang="fr"' in page
        assert titre in page
        assert len(re.findall(r"<h1[ >]", page)) == 1
        assert "Bad Request" not in page and "Server Error" not in page


def test_l_icone_demandee_par_le_navigateur_existe(client):
    """Les navigateurs demandent /favicon.ico sur les pages qui n'en déclarent pas (connexion
    aux administrations) : un 404 y apparaissait en erreur dans la console."""
    reponse = client.get("/favicon.ico")

    assert reponse.status_code == 301
    assert reponse["Location"].endswith("dsfr/dist/favicon/favicon.ico")


def test_hors_production_les_medias_publics_sont_servis_sans_mode_debug(client, settings):
    # `make run` tourne sans mode debug : les médias de Wagtail (avatars, images) restent servis.
    assert settings.DEBUG is False
    dossier = Path(settings.MEDIA_ROOT)
    dossier.mkdir(parents=True, exist_ok=True)
    fichier = dossier / "essai-media-public.png"
    fichier.write_bytes(b"\x89PNG\r\n\x1a\n")
    try:
        reponse = client.get("/media/essai-media-public.png")
        assert reponse.status_code == 200
        assert b"".join(reponse.streaming_content).startswith(b"\x89PNG")
    finally:
        fichier.unlink()
    # Hors du dossier des médias : refusé (SuspiciousFileOperation), rien n'est lu.
    assert client.get("/media/../settings.py").status_code == 400


@pytest.mark.parametrize(
    ("adresse", "message"),
    [
        (
            "/admin/avis_faq/?page=99999999999999999999",
            "Sélectionnez un choix valide. Ce choix ne fait pas partie de ceux disponibles.",
        ),
        (
            "/admin/pages/?site=99999999999999999999",
            "Sélectionnez un choix valide. 99999999999999999999 n’en fait pas partie.",
        ),
    ],
)
def test_un_identifiant_de_vingt_chiffres_dans_un_filtre_est_un_choix_invalide(
    client, adresse, message
):
    """Sur SQLite, le pilote refusait l'entier (OverflowError) : erreur 500 dans les filtres des
    listes de l'administration. C'est un choix invalide, dit sous le filtre."""
    client.force_login(AdministrateurFactory())

    reponse = client.get(adresse)

    assert reponse.status_code == 200
    assert message in texte(reponse)
