"""La FAQ dans un vrai navigateur : trouver la réponse sans accents, accessibilité des pages."""

import re

import pytest
from playwright.sync_api import expect

from rh_tpe import droit
from rh_tpe.faq.models import FaqArticlePage, FaqThemePage
from tests.e2e.conftest import violations_graves

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

QUESTION = "Combien de temps peut durer la période d'essai d'un CDD ?"


@pytest.fixture
def faq(db):
    """Trois articles réels suffisent au parcours (le chargement complet est testé ailleurs)."""
    from rh_tpe.faq import chargement

    lire = chargement._lire

    def lire_quelques_articles(nom):
        donnees = lire(nom)
        if "articles" in donnees:
            donnees["articles"] = [
                a
                for a in donnees["articles"]
                if a["slug"] in {"periode-essai-cdd", "duree-periode-essai-cdi", "montant-smic"}
            ]
        return donnees

    chargement._lire = lire_quelques_articles
    try:
        chargement.faq_charger()
    finally:
        chargement._lire = lire
    return FaqArticlePage.objects.get(slug="periode-essai-cdd")


def test_un_chef_d_entreprise_trouve_la_duree_d_essai_d_un_cdd_sans_accents(
    telephone, live_server, faq
):
    page = telephone
    page.goto(f"{live_server.url}/faq/")
    page.get_by_label("Rechercher dans la FAQ").fill("periode d essai cdd")
    page.get_by_role("button", name="Rechercher").click()

    expect(page).to_have_url(re.compile(r"/faq/recherche\?q=periode"))
    premier = page.locator(".faq-resultats > li").first
    expect(premier).to_contain_text(QUESTION)
    expect(premier).to_contain_text("Embauche et contrat")
    expect(premier.locator("mark").first).to_be_visible()
    premier.get_by_role("link", name=QUESTION).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(QUESTION)
    expect(page.get_by_text("En bref")).to_be_visible()
    plafond = droit.regle("essai.cdd.plafond_contrat_court")
    expect(page.locator(".fr-callout__text").first).to_contain_text(
        f"{plafond.entier}\u00a0{plafond.unite}"
    )

    # L'avis du lecteur.
    page.get_by_text("Non", exact=True).click()
    page.get_by_label("Commentaire").fill("Un exemple chiffré aiderait.")
    page.get_by_role("button", name="Envoyer mon avis").click()
    expect(page.get_by_text("Merci, votre avis aide les éditeurs")).to_be_visible()


@pytest.mark.parametrize(
    "chemin",
    [
        "/faq/",
        "/faq/embauche-et-contrat/",
        "/faq/embauche-et-contrat/periode-essai-cdd/",
        "/faq/recherche?q=periode+d+essai+cdd",
    ],
)
def test_pas_de_violation_grave_d_accessibilite_dans_la_faq(page, live_server, faq, chemin):
    assert FaqThemePage.objects.filter(slug="embauche-et-contrat").exists()
    page.goto(f"{live_server.url}{chemin}")

    assert violations_graves(page) == []


def test_sur_telephone_le_tableau_d_un_article_defile_au_clavier(telephone, live_server, faq):
    """Sur un écran étroit, le tableau déborde et défile dans son conteneur : le conteneur doit
    pouvoir prendre le focus (critère RGAA 12.13, règle axe scrollable-region-focusable), sinon
    une personne qui navigue au clavier ne voit jamais les colonnes de droite."""
    telephone.goto(f"{live_server.url}/faq/embauche-et-contrat/periode-essai-cdd/")
    conteneur = telephone.locator(".fr-table__container").first
    assert conteneur.evaluate("e => e.scrollWidth > e.clientWidth")

    assert violations_graves(telephone) == []
    legende = telephone.locator(".fr-table caption").first.text_content().strip()
    expect(telephone.get_by_role("region", name=legende, exact=True)).to_have_count(1)


def test_la_politique_de_securite_du_contenu_ne_bloque_rien_et_l_impression_marche(
    browser, live_server, faq, violations_csp
):
    """Les pages publiques portent l'en-tête Content-Security-Policy, et rien de ce qu'elles
    chargent n'est bloqué : Chromium signale toute violation dans sa console (écoutée pour
    tous les tests de navigateur par la fixture `violations_csp`)."""
    contexte = browser.new_context(locale="fr-FR")
    page = contexte.new_page()
    try:
        for chemin in ("/", "/faq/", faq.url, "/faq/recherche?q=essai", "/comptes/connexion/"):
            reponse = page.goto(f"{live_server.url}{chemin}")
            assert "script-src 'self'" in reponse.headers["content-security-policy"], chemin
            assert violations_graves(page) == [], chemin

        # Le bouton « Imprimer » passe par un script du portail, pas par un attribut onclick.
        page.goto(f"{live_server.url}{faq.url}")
        page.evaluate("window.print = () => { window.imprime = true; }")
        page.get_by_role("button", name="Imprimer cette page").click()
        assert page.evaluate("window.imprime === true")
        # Un script injecté dans la page (comme le ferait une faille XSS) est bloqué.
        page.evaluate(
            "const s = document.createElement('script'); s.textContent = 'window.injecte = 1';"
            "document.body.appendChild(s);"
        )
        assert page.evaluate("window.injecte === undefined")
    finally:
        contexte.close()
    assert len(violations_csp) == 1 and "inline script" in violations_csp[0], violations_csp
    violations_csp.clear()  # la seule attendue : le script injecté exprès
