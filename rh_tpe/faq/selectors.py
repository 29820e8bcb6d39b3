"""Lectures de la FAQ : recherche, articles populaires, articles à relire."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from rh_tpe import droit
from rh_tpe.droit import ErreurDroit
from rh_tpe.faq.models import FaqArticlePage, FaqThemePage
from rh_tpe.faq.recherche import Resultat, extrait, termes_recherche

# Une relecture juridique vaut un an : au-delà, l'article est signalé aux éditeurs.
MOIS_VALIDITE_RELECTURE = 12


def rechercher(question: str, *, limite: int = 10, decalage: int = 0) -> tuple[list[Resultat], int]:
    """Les articles publiés qui répondent le mieux à ``question`` et leur nombre total."""
    termes = termes_recherche(question)
    if not termes:
        return [], 0
    resultats = FaqArticlePage.objects.live().search(" ".join(termes), operator="or")
    total = resultats.count()
    pages = list(resultats[decalage : decalage + limite])
    themes = dict(
        FaqThemePage.objects.filter(
            path__in={p.path[: -FaqArticlePage.steplen] for p in pages}
        ).values_list("path", "title")
    )
    sortie = []
    for page in pages:
        html, texte = extrait(page.texte_brut(), termes)
        sortie.append(
            Resultat(
                titre=page.title,
                url=page.url,
                theme=themes.get(page.path[: -FaqArticlePage.steplen], ""),
                extrait=html,
                extrait_texte=texte,
                page_id=page.pk,
            )
        )
    return sortie, total


def articles_populaires(*, limite: int = 6) -> list[FaqArticlePage]:
    """Les articles publiés les plus consultés (les plus récents d'abord à égalité)."""
    return list(
        FaqArticlePage.objects.live()
        .order_by("-consultation__nombre", "-first_published_at")
        .only("title", "url_path", "en_bref")[:limite]
    )


def _il_y_a_un_an(aujourd_hui: date) -> date:
    try:
        return aujourd_hui.replace(year=aujourd_hui.year - 1)
    except ValueError:  # 29 février
        return aujourd_hui.replace(year=aujourd_hui.year - 1, day=28)


def relecture_perimee(article: FaqArticlePage, aujourd_hui: date | None = None) -> bool:
    aujourd_hui = aujourd_hui or timezone.localdate()
    return article.relu_le < _il_y_a_un_an(aujourd_hui)


def baremes_changes(article: FaqArticlePage, aujourd_hui: date | None = None) -> list[str]:
    """Les barèmes cités par l'article dont la valeur a changé depuis sa relecture."""
    aujourd_hui = aujourd_hui or timezone.localdate()
    changes = []
    for nom in sorted(article.baremes_cites()):
        serie = droit.bareme(nom)
        try:
            avant = serie.version(article.relu_le).identifiant
        except ErreurDroit:
            avant = "hors série"
        try:
            maintenant = serie.version(aujourd_hui).identifiant
        except ErreurDroit:
            maintenant = "hors série"
        if avant != maintenant:
            changes.append(serie.libelle)
    return changes


@dataclass(frozen=True)
class ArticleARelire:
    article: FaqArticlePage
    relecture_perimee: bool
    baremes_changes: list[str]


def articles_a_relire(aujourd_hui: date | None = None) -> list[ArticleARelire]:
    """Les articles (publiés ou non) dont la relecture a plus d'un an, ou qui citent un barème
    qui a changé depuis leur relecture ; les plus anciennes relectures d'abord."""
    aujourd_hui = aujourd_hui or timezone.localdate()
    a_relire = []
    for article in FaqArticlePage.objects.order_by("relu_le", "title"):
        perimee = relecture_perimee(article, aujourd_hui)
        changes = baremes_changes(article, aujourd_hui)
        if perimee or changes:
            a_relire.append(ArticleARelire(article, perimee, changes))
    return a_relire
