"""L'article de la FAQ qui explique la règle d'un refus : `articles_faq_pour_references`."""

from datetime import date

import pytest

from rh_tpe.faq.selectors import articles_faq_pour_references
from tests.faq.conftest import creer_article

pytestmark = pytest.mark.django_db


def cite(*numeros: str) -> list[dict]:
    return [
        {"type": "paragraphe", "value": "<p>Texte.</p>"},
        *(
            {
                "type": "article",
                "value": {
                    "numero": numero,
                    "legiarti": "",
                    "texte": "Texte de l'article.",
                    "version_du": date(2026, 3, 27),
                },
            }
            for numero in numeros
        ),
    ]


def test_un_article_publie_qui_cite_le_numero_est_trouve_avec_son_titre_et_son_url(theme):
    article = creer_article(theme, titre="Combien dure l'essai ?", corps=cite("L1221-19"))
    assert articles_faq_pour_references(["L1221-19"]) == {
        "L1221-19": ("Combien dure l'essai ?", article.url)
    }


def test_un_brouillon_ne_compte_pas(theme):
    creer_article(theme, titre="Brouillon sur l'essai", corps=cite("L1221-19"), publier=False)
    assert articles_faq_pour_references(["L1221-19"]) == {}


def test_un_numero_n_est_pas_le_debut_d_un_autre(theme):
    creer_article(theme, titre="L'essai", corps=cite("L1221-19"))
    assert articles_faq_pour_references(["L1221-1"]) == {}


def test_une_reference_a_plusieurs_numeros_essaie_chacun_dans_l_ordre(theme):
    creer_article(theme, titre="Le salaire des jeunes", corps=cite("D3231-3"))
    liens = articles_faq_pour_references(["L3231-2 ; D3231-3", "L3123-7 dernier alinéa"])
    assert liens["L3231-2 ; D3231-3"][0] == "Le salaire des jeunes"
    assert "L3123-7 dernier alinéa" not in liens


def test_le_premier_numero_qui_a_un_article_l_emporte(theme):
    creer_article(theme, titre="Le SMIC", corps=cite("L3231-2"))
    creer_article(theme, titre="Le salaire des jeunes", corps=cite("D3231-3"))
    assert articles_faq_pour_references(["L3231-2 ; D3231-3"])["L3231-2 ; D3231-3"][0] == (
        "Le SMIC"
    )


def test_un_numero_suivi_d_un_alinea_ou_ecrit_avec_un_point_est_reconnu(theme):
    creer_article(theme, titre="Le temps partiel", corps=cite("L. 3123-7"))
    liens = articles_faq_pour_references(["L3123-7 dernier alinéa"])
    assert liens["L3123-7 dernier alinéa"][0] == "Le temps partiel"


def test_l_article_le_plus_centre_sur_la_regle_est_prefere(theme, autre_theme):
    creer_article(theme, titre="A. Tout sur l'embauche", corps=cite("L1221-19", "L1242-12"))
    creer_article(autre_theme, titre="Z. La période d'essai", corps=cite("L1221-19"))
    liens = articles_faq_pour_references(["L1221-19"])
    assert liens["L1221-19"][0] == "Z. La période d'essai"


def test_a_egalite_le_premier_titre_l_emporte(theme):
    creer_article(theme, titre="B. L'essai du CDI", corps=cite("L1221-19"))
    creer_article(theme, titre="A. L'essai", corps=cite("L1221-19"))
    assert articles_faq_pour_references(["L1221-19"])["L1221-19"][0] == "A. L'essai"


def test_sans_numero_d_article_pas_de_requete(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert articles_faq_pour_references(["C. civ. 1116", ""]) == {}


def test_une_seule_requete_pour_plusieurs_references(theme, django_assert_max_num_queries):
    creer_article(theme, titre="L'essai", corps=cite("L1221-19"))
    creer_article(theme, titre="Le SMIC", corps=cite("L3231-2"))
    with django_assert_max_num_queries(3):  # les articles, et la racine du site pour les url
        liens = articles_faq_pour_references(["L1221-19", "L3231-2", "L3123-28"])
    assert set(liens) == {"L1221-19", "L3231-2"}
