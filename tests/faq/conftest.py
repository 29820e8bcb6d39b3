"""L'arbre de la FAQ (créé par la migration faq.0002) et une fabrique d'articles."""

from datetime import date

import pytest

from rh_tpe.faq.models import FaqArticlePage, FaqThemePage

CORPS_SIMPLE = [
    {"type": "paragraphe", "value": "<p>Le SMIC horaire brut est de [[smic_horaire]].</p>"},
    {"type": "convention", "value": None},
]


def creer_article(
    theme: FaqThemePage,
    *,
    titre: str,
    en_bref: str = "Une réponse courte.",
    corps: list | None = None,
    relu_le: date = date(2026, 11, 20),
    publier: bool = True,
    slug: str | None = None,
) -> FaqArticlePage:
    article = FaqArticlePage(
        title=titre,
        slug=slug or "",
        en_bref=en_bref,
        relu_le=relu_le,
        relu_par="Sophie Bernard, DREETS",
        live=publier,
    )
    article.corps = FaqArticlePage._meta.get_field("corps").stream_block.to_python(
        corps if corps is not None else CORPS_SIMPLE
    )
    theme.add_child(instance=article)
    revision = article.save_revision()
    if publier:
        revision.publish()
    return article


@pytest.fixture
def theme(db) -> FaqThemePage:
    return FaqThemePage.objects.get(slug="embauche-et-contrat")


@pytest.fixture
def autre_theme(db) -> FaqThemePage:
    return FaqThemePage.objects.get(slug="conges")
