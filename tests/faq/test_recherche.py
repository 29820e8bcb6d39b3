"""La recherche en français : accents, pluriels, synonymes, extraits, mauvaises saisies."""

import json

import pytest

from rh_tpe.faq.recherche import extrait, normaliser, termes_recherche
from tests.faq.conftest import creer_article
from tests.outils import texte


def test_la_normalisation_ignore_accents_pluriels_et_mots_vides():
    assert normaliser("Période d'essai") == ["periode", "essai"]
    assert normaliser("Les congés payés") == ["conge", "paye"]
    assert normaliser("periode d essai") == ["periode", "essai"]


def test_les_synonymes_enrichissent_la_question():
    assert {"contrat", "duree", "determinee"} <= set(termes_recherche("CDD"))
    assert "rupture" in termes_recherche("licenciement")
    assert "cdd" in termes_recherche("contrat à durée déterminée")


def test_l_extrait_surligne_les_mots_trouves_et_echappe_le_texte():
    html, brut = extrait("Un <b>contrat</b> : la période d'essai dure.", ["periode", "essai"])
    assert "<mark>période</mark>" in html and "<mark>essai</mark>" in html
    assert "&lt;b&gt;" in html
    assert "<mark>" not in brut


@pytest.fixture
def articles(theme, autre_theme):
    return {
        "essai_cdd": creer_article(
            theme,
            titre="Combien de temps peut durer la période d'essai d'un CDD ?",
            en_bref="Un jour par semaine de contrat, dans une certaine limite.",
        ),
        "conges": creer_article(
            autre_theme,
            titre="Combien de jours de congés payés ?",
            en_bref="Deux jours et demi ouvrables par mois de travail.",
        ),
        "licenciement": creer_article(
            theme, titre="Quel préavis en cas de licenciement ?", en_bref="Selon l'ancienneté."
        ),
        "brouillon": creer_article(
            theme, titre="Période d'essai : brouillon non publié", publier=False
        ),
    }


def _titres(client, question):
    reponse = client.get("/faq/recherche", {"q": question})
    assert reponse.status_code == 200
    return [r.titre for r in reponse.context["resultats"]], reponse


def test_periode_essai_sans_accent_trouve_la_periode_d_essai(client, articles):
    titres, reponse = _titres(client, "periode d essai cdd")

    assert titres[0] == articles["essai_cdd"].title
    assert articles["brouillon"].title not in titres
    resultat = reponse.context["resultats"][0]
    assert resultat.theme == "Embauche et contrat"
    assert "<mark>" in str(resultat.extrait)
    assert "Embauche et contrat" in texte(reponse)


def test_conge_au_singulier_sans_accent_trouve_les_conges_payes(client, articles):
    titres, _ = _titres(client, "conge")

    assert articles["conges"].title in titres


def test_un_synonyme_trouve_l_article(client, articles):
    titres, _ = _titres(client, "contrat à durée déterminée essai")
    assert titres[0] == articles["essai_cdd"].title

    titres, _ = _titres(client, "rupture du contrat")
    assert articles["licenciement"].title in titres


@pytest.mark.parametrize(
    "question",
    [
        "",
        "   ",
        "x" * 10_000,
        "'; DROP TABLE faq; --",
        "<script>alert(1)</script>",
        "\u0000",
        "le la",
    ],
)
def test_aucune_question_ne_provoque_d_erreur(client, articles, question):
    reponse = client.get("/faq/recherche", {"q": question, "page": "abc"})

    assert reponse.status_code == 200
    assert "<script>alert(1)</script>" not in reponse.content.decode()


@pytest.mark.parametrize("numero", ["99999", "0", "-1", "²", "9" * 5000, "2"])
def test_une_page_de_resultats_hors_limites_reste_une_page(client, articles, numero):
    assert client.get("/faq/recherche", {"q": "essai", "page": numero}).status_code == 200


def test_les_resultats_se_parcourent_page_par_page(client, theme):
    for numero in range(12):
        creer_article(theme, titre=f"Période d'essai, cas {numero}")

    premiere = client.get("/faq/recherche", {"q": "essai"})
    seconde = client.get("/faq/recherche", {"q": "essai", "page": "2"})

    assert len(premiere.context["resultats"]) == 10 and premiere.context["suivante"] == 2
    assert len(seconde.context["resultats"]) == 2 and seconde.context["suivante"] is None
    assert "Réponses 11 à 12 pour « essai »" in texte(seconde)
    titres = {r.titre for r in premiere.context["resultats"]}
    assert titres.isdisjoint({r.titre for r in seconde.context["resultats"]})


def test_les_suggestions_renvoient_au_plus_cinq_articles_en_json(client, theme, articles):
    for numero in range(7):
        creer_article(theme, titre=f"Période d'essai, cas {numero}")

    reponse = client.get("/faq/suggestions", {"q": "période d'essai"})

    assert reponse.status_code == 200
    donnees = json.loads(reponse.content)
    assert len(donnees) == 5
    assert set(donnees[0]) == {"titre", "url", "theme", "extrait"}
    assert client.get("/faq/suggestions", {"q": ""}).json() == []
    assert client.get("/faq/suggestions").json() == []
    assert client.post("/faq/suggestions", {"q": "essai"}).status_code == 405


def test_la_configuration_de_recherche_suit_la_base(settings, db):
    from django.db import connection

    backend = settings.WAGTAILSEARCH_BACKENDS["default"]
    if connection.vendor == "postgresql":
        assert backend["SEARCH_CONFIG"] == "rh_tpe_fr"
        with connection.cursor() as curseur:
            curseur.execute(
                "SELECT to_tsvector('rh_tpe_fr', 'Période d''essai, congés') "
                "= to_tsvector('rh_tpe_fr', 'periode d essai conges')"
            )
            assert curseur.fetchone()[0] is True
    else:
        # SQLite : pas de configuration linguistique, la normalisation de recherche.py suffit.
        assert "SEARCH_CONFIG" not in backend
