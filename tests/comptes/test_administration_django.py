"""L'administration Django des comptes, là où l'administrateur crée les comptes des conseillers."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests.factories import AdministrateurFactory, ConseillerFactory

pytestmark = pytest.mark.django_db


class _Formulaire(HTMLParser):
    """Les zones de saisie d'une page (sauf boutons et zones nommées par aria-label), et les
    cibles de ses <label for>."""

    def __init__(self):
        super().__init__()
        self.zones, self.libelles = [], set()

    def handle_starttag(self, balise, attributs):
        attributs = dict(attributs)
        if balise == "label" and attributs.get("for"):
            self.libelles.add(attributs["for"])
        elif (
            balise in ("input", "select", "textarea")
            and attributs.get("type") not in ("hidden", "submit")
            and not attributs.get("aria-label")
        ):
            self.zones.append(attributs.get("id") or attributs.get("name"))


def test_chaque_zone_de_saisie_du_compte_d_un_conseiller_a_son_libelle(client):
    # Les dates de connexion et d'inscription ne se corrigent pas : elles s'affichent. Saisies,
    # Django les coupait en deux zones « Date » et « Heure » sans libellé (RGAA 11.1).
    conseiller = ConseillerFactory()
    client.force_login(AdministrateurFactory())

    reponse = client.get(reverse("admin:comptes_utilisateur_change", args=[conseiller.pk]))

    assert reponse.status_code == 200
    formulaire = _Formulaire()
    formulaire.feed(reponse.content.decode())
    assert "id_email" in formulaire.zones
    assert [zone for zone in formulaire.zones if zone not in formulaire.libelles] == []
    assert "Date d’inscription" in reponse.content.decode()


def test_la_page_de_connexion_a_son_titre_de_niveau_1(client):
    contenu = client.get(reverse("admin:login")).content.decode()

    assert contenu.count("<h1") == 1
    assert "<h1>Connexion</h1>" in contenu
    assert 'name="username"' in contenu


def test_un_administrateur_confirme_l_adresse_d_une_inscription_dont_le_lien_n_arrive_pas(
    client,
):
    from tests.factories import ChefEntrepriseFactory

    en_attente = ChefEntrepriseFactory(email_confirme_le=None)
    confirme = ChefEntrepriseFactory()
    date_de_confirmation = confirme.email_confirme_le
    client.force_login(AdministrateurFactory())
    liste = reverse("admin:comptes_utilisateur_changelist")

    filtre = client.get(liste, {"email_confirme_le__isempty": "1"}).content.decode()
    assert en_attente.email in filtre and confirme.email not in filtre
    reponse = client.post(
        liste,
        {
            "action": "confirmer_les_adresses",
            "_selected_action": [en_attente.pk, confirme.pk],
        },
        follow=True,
    )

    assert "1 adresse(s) confirmée(s)" in reponse.content.decode()
    en_attente.refresh_from_db()
    confirme.refresh_from_db()
    assert en_attente.email_confirme_le is not None
    assert confirme.email_confirme_le == date_de_confirmation


def test_la_configuration_de_django_dsfr_que_le_portail_ne_lit_pas_n_est_pas_proposee(client):
    """Remplir la fiche de django-dsfr ne changerait rien au portail : elle n'est pas offerte."""
    client.force_login(AdministrateurFactory())

    accueil = client.get(reverse("admin:index"))

    assert accueil.status_code == 200
    assert "/django-admin/dsfr/" not in accueil.content.decode()
    assert client.get("/django-admin/dsfr/dsfrconfig/add/").status_code == 404
