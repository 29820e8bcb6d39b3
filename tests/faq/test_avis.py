"""« Cette réponse vous a-t-elle aidé ? » : un avis par visiteur et par article, CSRF exigé."""

import pytest
from django.test import Client

from rh_tpe.faq.models import AvisArticle
from tests.factories import ChefEntrepriseFactory
from tests.faq.conftest import creer_article
from tests.outils import texte


@pytest.fixture
def article(theme):
    return creer_article(theme, titre="Faut-il une DPAE ?")


def test_un_visiteur_donne_son_avis_une_seule_fois(client, article):
    reponse = client.post(article.url, {"utile": "non", "commentaire": "Il manque un exemple."})
    assert reponse.status_code == 302
    reponse = client.post(article.url, {"utile": "oui"}, follow=True)

    avis = AvisArticle.objects.get()
    assert (avis.page_id, avis.utile, avis.commentaire) == (
        article.pk,
        False,
        "Il manque un exemple.",
    )
    assert "déjà donné votre avis" in texte(reponse)
    assert "Envoyer mon avis" not in texte(client.get(article.url))


def test_deux_visiteurs_donnent_chacun_leur_avis(article):
    Client().post(article.url, {"utile": "oui"})
    Client().post(article.url, {"utile": "non"})

    assert sorted(AvisArticle.objects.values_list("utile", flat=True)) == [False, True]


def test_un_compte_connecte_ne_vote_qu_une_fois_meme_depuis_deux_navigateurs(article):
    chef = ChefEntrepriseFactory()
    for _ in range(2):
        navigateur = Client()
        navigateur.force_login(chef)
        navigateur.post(article.url, {"utile": "oui"})

    assert AvisArticle.objects.filter(visiteur=f"u{chef.pk}").count() == 1


def test_l_avis_exige_le_jeton_csrf(article):
    navigateur = Client(enforce_csrf_checks=True)

    assert navigateur.post(article.url, {"utile": "oui"}).status_code == 403
    assert not AvisArticle.objects.exists()


def test_un_avis_incomplet_est_refuse_avec_un_message(client, article):
    reponse = client.post(article.url, {"commentaire": "x" * 2000})

    assert reponse.status_code == 400
    assert "Choisissez « Oui » ou « Non »." in texte(reponse)
    assert not AvisArticle.objects.exists()


def test_des_avis_en_serie_sans_cookie_depuis_une_adresse_ne_faussent_pas_les_comptes(
    article, monkeypatch
):
    from rh_tpe.faq import views

    monkeypatch.setattr(views, "AVIS_PAR_ADRESSE", 3)
    for _ in range(5):
        Client().post(
            article.url, {"utile": "non"}
        )  # un nouveau visiteur sans cookie à chaque fois
    reponse = Client().post(article.url, {"utile": "non"}, follow=True)

    assert AvisArticle.objects.count() == 3
    assert "le vôtre n'a pas été ajouté" in texte(reponse)
    # Un lecteur d'une autre connexion donne encore son avis.
    Client(REMOTE_ADDR="198.51.100.7").post(article.url, {"utile": "oui"})
    assert AvisArticle.objects.filter(utile=True).count() == 1
