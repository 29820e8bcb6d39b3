"""Le contenu de la FAQ : au moins 30 articles réels, chargés sans doublon, avec révisions."""

from collections import Counter

from rh_tpe.faq.chargement import faq_charger
from rh_tpe.faq.models import FaqArticlePage, FaqThemePage
from rh_tpe.faq.valeurs import jetons_invalides


def test_le_chargement_cree_les_articles_puis_ne_duplique_rien(db, client):
    premier = faq_charger()
    second = faq_charger()

    articles = FaqArticlePage.objects.live()
    assert len(premier.crees) == articles.count() >= 30
    assert second.crees == [] and second.mis_a_jour == []
    assert len(second.inchanges) == articles.count()
    themes = Counter(a.get_parent().slug for a in articles)
    assert set(themes) == set(FaqThemePage.objects.values_list("slug", flat=True))
    for article in articles:
        assert article.live_revision_id is not None, article.title
        assert article.relu_le and article.relu_par, article.title
        # Chaque article cite ses textes : un bloc « article du Code du travail », ou dans le
        # texte pour un autre code (la mutuelle relève du code de la sécurité sociale).
        assert article.articles_cites() or "article L" in article.texte_brut(), article.title
        assert all(not jetons_invalides(t) for t in article.textes_sources()), article.title
    # Le parcours du « Done when » : la question sans accents trouve la bonne réponse.
    resultats = client.get("/faq/recherche", {"q": "periode d essai cdd"}).context["resultats"]
    assert resultats[0].titre == "Combien de temps peut durer la période d'essai d'un CDD ?"


def test_un_article_modifie_dans_le_contenu_est_republie(db, monkeypatch):
    faq_charger()
    article = FaqArticlePage.objects.get(slug="montant-smic")
    revisions = article.revisions.count()

    from rh_tpe.faq import chargement

    lire = chargement._lire

    def lire_modifie(nom):
        donnees = lire(nom)
        for a in donnees.get("articles", []):
            if a["slug"] == "montant-smic":
                a["en_bref"] = "Le SMIC horaire brut est de [[smic_horaire]]."
        return donnees

    monkeypatch.setattr(chargement, "_lire", lire_modifie)
    bilan = faq_charger()

    article.refresh_from_db()
    assert bilan.mis_a_jour == [article.title]
    assert article.en_bref == "Le SMIC horaire brut est de [[smic_horaire]]."
    assert article.revisions.count() == revisions + 1
