"""Un article proposé par un conseiller : brouillon non publié, sous son thème, texte échappé."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Workflow

from rh_tpe.faq.models import FaqArticlePage, FaqThemePage
from rh_tpe.faq.services import article_proposer
from tests.factories import ConseillerFactory, EditeurFactory

SCRIPT = "<script>alert('x')</script>"


@pytest.fixture
def conseiller(db):
    return ConseillerFactory(first_name="Claire", last_name="Martin")


def _proposer(conseiller, theme="conges", question="Combien de jours de congés ?", reponse=None):
    return article_proposer(
        theme_code_ou_page=theme,
        question=question,
        reponse=reponse or "Deux jours et demi par mois. Le reste dépend de la convention.",
        propose_par=conseiller,
    )


def test_l_article_propose_est_un_brouillon_sous_son_theme(conseiller):
    article = _proposer(conseiller)

    article = FaqArticlePage.objects.get(pk=article.pk)
    assert not article.live and article.has_unpublished_changes
    assert article.get_parent().specific == FaqThemePage.objects.get(slug="conges")
    assert article.title == "Combien de jours de congés ?"
    revision = article.latest_revision
    assert revision is not None and revision.user == conseiller
    assert article.en_bref == "Deux jours et demi par mois."
    assert "Claire Martin" in article.relu_par and "relire" in article.relu_par
    assert not FaqArticlePage.objects.live().filter(pk=article.pk).exists()


def test_la_page_du_theme_passee_directement_est_utilisee(conseiller):
    theme = FaqThemePage.objects.get(slug="salaire")

    article = _proposer(conseiller, theme=theme)

    assert article.get_parent().pk == theme.pk


@pytest.mark.parametrize("theme", ["inconnu", "", None])
def test_un_theme_inconnu_range_l_article_dans_le_theme_par_defaut(conseiller, theme):
    article = _proposer(conseiller, theme=theme)

    assert article.get_parent().slug == "embauche-et-contrat"


def test_la_reponse_est_echappee_jamais_prise_pour_du_html(conseiller, client):
    article = _proposer(
        conseiller,
        question=f"Question {SCRIPT} ?",
        reponse=f"Premier paragraphe {SCRIPT}\nligne suivante.\n\n<b>Deuxième</b> paragraphe.",
    )

    (bloc,) = FaqArticlePage.objects.get(pk=article.pk).corps
    assert bloc.block_type == "paragraphe"
    assert bloc.value.source == (
        "<p>Premier paragraphe &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;<br/>"
        "ligne suivante.</p><p>&lt;b&gt;Deuxième&lt;/b&gt; paragraphe.</p>"
    )
    rendu = str(bloc.render())
    assert "<script" not in rendu and "<b>" not in rendu
    # L'aperçu de l'éditeur n'exécute rien non plus.
    editeur = EditeurFactory()
    editeur.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editeur)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert SCRIPT not in html


def test_le_slug_reste_unique_dans_le_theme(conseiller):
    premier = _proposer(conseiller)
    second = _proposer(conseiller)

    assert premier.slug == "combien-de-jours-de-conges"
    assert second.slug == "combien-de-jours-de-conges-2"
    assert {premier.slug, second.slug} <= set(
        FaqArticlePage.objects.child_of(premier.get_parent()).values_list("slug", flat=True)
    )


def test_l_en_bref_provisoire_est_limite_a_600_caracteres(conseiller):
    article = _proposer(conseiller, reponse="mot " * 400)

    assert len(article.en_bref) <= 600


def test_l_editeur_trouve_le_brouillon_et_la_relecture_juridique_s_applique(conseiller, client):
    article = _proposer(conseiller)
    editeur = EditeurFactory()
    editeur.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editeur)

    assert client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).status_code == 200
    explorateur = client.get(reverse("wagtailadmin_explore", args=[article.get_parent().pk]))
    assert "Combien de jours de congés ?" in explorateur.content.decode()
    assert article.get_workflow() == Workflow.objects.get(name="Relecture juridique")
