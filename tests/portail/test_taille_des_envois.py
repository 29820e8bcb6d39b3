"""Un envoi plus lourd que ce que le portail accepte est refusé avant d'être lu."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from rh_tpe.dossiers.fichiers import TAILLE_MAX
from rh_tpe.dossiers.forms import PIECES_MAX
from tests.factories import EditeurFactory
from tests.outils import texte

pytestmark = pytest.mark.django_db


def test_la_limite_laisse_passer_le_plus_lourd_envoi_permis(settings):
    assert settings.RH_TPE_TAILLE_REQUETE_MAX > PIECES_MAX * TAILLE_MAX


def _gros_fichier(octets: int) -> SimpleUploadedFile:
    return SimpleUploadedFile("gros.pdf", b"%PDF-1.7\n" + b"0" * octets)


def test_un_envoi_trop_lourd_est_refuse_avec_un_message_en_francais(client, settings):
    settings.RH_TPE_TAILLE_REQUETE_MAX = 1024 * 1024

    reponse = client.post(
        "/comptes/connexion/", {"username": "x@exemple.test", "piece": _gros_fichier(1_500_000)}
    )

    assert reponse.status_code == 413
    contenu = texte(reponse)
    assert "Envoi trop lourd" in contenu
    assert "Ce que vous avez envoyé dépasse 1 Mo" in contenu
    assert "Rien n'a été enregistré" in contenu
    # Une page du portail comme les autres : politique de contenu, jamais dans un cadre.
    assert "frame-ancestors 'none'" in reponse["Content-Security-Policy"]
    assert reponse["X-Frame-Options"] == "DENY"


def test_un_envoi_sous_la_limite_arrive_au_formulaire(client, settings):
    settings.RH_TPE_TAILLE_REQUETE_MAX = 100_000

    reponse = client.post(
        "/comptes/connexion/", {"username": "x@exemple.test", "piece": _gros_fichier(50_000)}
    )

    assert reponse.status_code == 200
    assert "Envoi trop lourd" not in texte(reponse)


def test_l_administration_garde_ses_televersements_pour_qui_y_a_acces(client, settings):
    settings.RH_TPE_TAILLE_REQUETE_MAX = 100_000
    editrice = EditeurFactory()
    editrice.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editrice)

    reponse = client.post("/admin/documents/multiple/add/", {"files[]": _gros_fichier(200_000)})

    assert reponse.status_code != 413
    # Un anonyme, lui, est arrêté même à l'adresse de l'administration.
    client.logout()
    assert client.post("/admin/login/", {"piece": _gros_fichier(200_000)}).status_code == 413


@pytest.mark.parametrize(
    "adresse",
    ["/faq/recherche", "/django-admin/comptes/entreprise/", "/admin/users/"],
)
def test_une_recherche_de_100_000_caracteres_est_refusee_en_francais(client, adresse):
    """Dans les listes de l'administration, SQLite refusait le motif LIKE (erreur 500)."""
    from tests.factories import AdministrateurFactory

    client.force_login(AdministrateurFactory())

    reponse = client.get(adresse, {"q": "x" * 100_000})

    assert reponse.status_code == 414
    contenu = texte(reponse)
    assert "Adresse trop longue" in contenu
    assert "L'adresse de la page dépasse 16 Ko" in contenu


def test_la_plus_longue_recherche_permise_reste_sous_la_limite_de_sqlite(client):
    """« _ » est échappé dans le motif LIKE : 16 000 caractères en font 32 000 octets."""
    from tests.factories import AdministrateurFactory

    client.force_login(AdministrateurFactory())

    reponse = client.get("/django-admin/comptes/entreprise/", {"q": "_" * 16_000})

    assert reponse.status_code == 200
