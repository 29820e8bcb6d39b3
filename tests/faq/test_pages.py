"""Les pages publiques de la FAQ : accueil, thème, article, pour chaque rôle."""

import html
import json
import re

import pytest
from django.urls import NoReverseMatch, reverse

from rh_tpe.faq.models import FaqIndexPage
from tests.factories import (
    AdministrateurFactory,
    ChefEntrepriseFactory,
    ConseillerFactory,
    EditeurFactory,
)
from tests.faq.conftest import creer_article
from tests.outils import texte

ROLES = [None, ChefEntrepriseFactory, ConseillerFactory, EditeurFactory, AdministrateurFactory]


@pytest.fixture
def article(theme):
    return creer_article(
        theme,
        titre="Combien de temps peut durer la période d'essai d'un CDD ?",
        en_bref="Un jour par semaine de contrat.",
        corps=[
            {"type": "paragraphe", "value": "<p>Texte.</p>"},
            {"type": "a_retenir", "value": "Écrivez-la dans le contrat."},
            {"type": "etapes", "value": {"titre": "Étapes", "etapes": ["Un", "Deux"]}},
            {
                "type": "tableau",
                "value": {
                    "legende": "Durées",
                    "entetes": "Contrat | Essai",
                    "lignes": ["CDD court | [[regle:essai.cdd.plafond_contrat_court]]"],
                },
            },
            {
                "type": "article",
                "value": {
                    "numero": "L1242-10",
                    "legiarti": "LEGIARTI000006901204",
                    "texte": "Le contrat de travail à durée déterminée peut comporter…",
                    "version_du": "2026-03-27",
                },
            },
            {"type": "convention", "value": None},
            {"type": "document", "value": {"nom_url": "n_existe:pas", "libelle": "un contrat"}},
        ],
    )


@pytest.mark.parametrize("fabrique", ROLES)
def test_accueil_theme_et_article_sont_publics(client, article, theme, fabrique):
    if fabrique:
        client.force_login(fabrique())

    for url in ("/faq/", theme.url, article.url, "/faq/recherche?q=essai"):
        reponse = client.get(url)
        assert reponse.status_code == 200, url
        assert len(re.findall(r"<h1[ >]", reponse.content.decode())) == 1, url


def test_l_accueil_montre_les_themes_la_recherche_et_les_plus_consultes(client, article):
    client.get(article.url)

    page = texte(client.get("/faq/"))

    for theme in (
        "Embauche et contrat",
        "Durée du travail",
        "Salaire",
        "Congés",
        "Maladie et absences",
        "Rupture du contrat",
        "Aides et recrutement",
    ):
        assert theme in page
    assert 'role="search"' in page
    assert "Les questions les plus consultées" in page and article.title in page


def test_l_article_affiche_ses_blocs_son_fil_d_ariane_et_sa_relecture(client, article):
    reponse = client.get(article.url)
    page = texte(reponse)

    assert "En bref" in page and "À retenir" in page
    assert "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006901204" in page
    assert "Article L1242-10 du Code du travail" in page and "27 mars 2026" in page
    assert "Votre convention collective peut prévoir des règles plus favorables" in page
    assert "Dernière relecture juridique le 20 novembre 2026, par Sophie Bernard" in page
    assert 'class="fr-breadcrumb"' in page
    assert '<a class="fr-breadcrumb__link" href="/faq/embauche-et-contrat/">' in page
    # Le parcours guidé n'existe pas : pas de bouton « Générer ce document ».
    assert "Générer ce document" not in page
    assert "[[" not in page


def test_un_lien_vers_une_nouvelle_fenetre_reprend_son_intitule_dans_son_titre(client, article):
    """RGAA 6.1 et DSFR : le titre d'un lien qui ouvre une nouvelle fenêtre reprend l'intitulé
    visible du lien, puis le complète (« — nouvelle fenêtre »)."""
    liens = re.findall(
        r'<a [^>]*target="_blank"[^>]*title="([^"]*)"[^>]*>(.*?)</a>',
        texte(client.get(article.url)),
        re.DOTALL,
    )
    assert liens
    for titre, contenu in liens:
        titre = html.unescape(titre)
        intitule = " ".join(html.unescape(re.sub(r"<[^>]+>", "", contenu)).split())
        assert titre.startswith(intitule), (intitule, titre)
        assert titre.endswith("nouvelle fenêtre"), titre


def test_l_article_porte_les_donnees_schema_org_faqpage(client, article):
    page = client.get(article.url).content.decode()

    bloc = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    donnees = json.loads(bloc)
    assert donnees["@type"] == "FAQPage"
    assert donnees["mainEntity"][0]["name"] == article.title
    assert donnees["mainEntity"][0]["acceptedAnswer"]["text"] == article.en_bref


def test_poser_la_question_n_apparait_que_si_le_guichet_existe(client, article):
    try:
        attendu = f"{reverse('dossiers:nouveau')}?faq={article.pk}"
    except NoReverseMatch:
        attendu = None

    page = texte(client.get(article.url))

    if attendu:
        assert "Poser la question à un conseiller" in page and attendu in page
    else:
        assert "Poser la question à un conseiller" not in page


@pytest.mark.parametrize(
    "fabrique, propose",
    [(ChefEntrepriseFactory, True), (ConseillerFactory, False), (EditeurFactory, False)],
)
def test_seul_un_chef_d_entreprise_se_voit_proposer_un_dossier(client, article, fabrique, propose):
    client.force_login(fabrique())

    lien = client.get(article.url).context["lien_conseiller"]

    try:
        reverse("dossiers:nouveau")
    except NoReverseMatch:
        propose = False
    assert bool(lien) is propose


def test_le_texte_saisi_par_un_editeur_est_echappe(client, theme):
    article = creer_article(
        theme, titre="<b>Titre</b>", en_bref="<script>alert(1)</script> [[smic_horaire]]"
    )

    page = client.get(article.url).content.decode()

    assert "<script>alert(1)</script>" not in page and "<b>Titre</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_la_faq_est_dans_la_navigation(client, article):
    assert 'href="/faq/"' in client.get("/").content.decode()
    assert FaqIndexPage.objects.get().url == "/faq/"


def test_un_article_non_publie_n_est_pas_visible(client, theme):
    brouillon = creer_article(theme, titre="Brouillon", publier=False)

    assert client.get(f"/faq/embauche-et-contrat/{brouillon.slug}/").status_code == 404


def test_un_article_a_acces_restreint_n_apparait_dans_aucune_liste(client, theme):
    """Wagtail laisse un éditeur restreindre l'accès à une page (« Confidentialité » : mot de
    passe, connexion). L'article le demande alors, mais son titre et des extraits de son texte
    sortaient encore par la recherche, les suggestions, le thème et les plus consultés."""
    from wagtail.models import PageViewRestriction

    reserve = creer_article(
        theme, titre="Indemnité réservée aux conseillers", en_bref="Texte confidentiel du barème."
    )
    client.get(reserve.url)  # une consultation : il serait parmi les plus consultés
    PageViewRestriction.objects.create(
        page=reserve, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    assert "Texte confidentiel" not in texte(client.get(reserve.url))
    for url in (
        "/faq/recherche?q=indemnite+reservee",
        "/faq/suggestions?q=indemnite+reservee",
        theme.url,
        "/faq/",
    ):
        reponse = texte(client.get(url))
        assert "Indemnité réservée" not in reponse and "confidentiel" not in reponse, url


def test_generer_ce_document_apparait_quand_le_parcours_existe(client, theme):
    article = creer_article(
        theme,
        titre="Rédiger un contrat",
        corps=[{"type": "document", "value": {"nom_url": "faq:recherche", "libelle": "un CDD"}}],
    )

    page = texte(client.get(article.url))

    assert "Générer ce document : un CDD" in page
    assert f'href="{reverse("faq:recherche")}"' in page
