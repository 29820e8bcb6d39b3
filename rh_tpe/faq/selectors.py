"""Lectures de la FAQ : recherche, articles populaires, articles à relire."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.utils import timezone

from rh_tpe import droit
from rh_tpe.droit import ErreurDroit
from rh_tpe.faq.models import FaqArticlePage, FaqThemePage
from rh_tpe.faq.recherche import (
    Resultat,
    extrait,
    normaliser,
    requete_stricte,
    termes_recherche,
)

# Une relecture juridique vaut un an : au-delà, l'article est signalé aux éditeurs.
MOIS_VALIDITE_RELECTURE = 12
# Les N premiers résultats du moteur sont reclassés selon les mots trouvés dans le titre.
FENETRE_RECLASSEMENT = 20


def rechercher(
    question: str, *, limite: int = 10, decalage: int = 0
) -> tuple[list[Resultat], bool]:
    """Les articles publiés qui répondent le mieux à ``question``, et s'il y en a d'autres après.

    D'abord les articles qui contiennent tous les mots (ou leurs synonymes) ; s'il n'y en a
    aucun, ceux qui en contiennent au moins un, les plus pertinents en tête. On ne compte pas
    tous les résultats (coûteux sur une grande base) : on lit un article de plus que la page.
    """
    termes = termes_recherche(question)
    if not termes:
        return [], False
    articles = FaqArticlePage.objects.live().public()
    lus = max(FENETRE_RECLASSEMENT, decalage + limite + 1)
    pages: list[FaqArticlePage] = []
    stricte = requete_stricte(question)
    # Le corps (StreamField, volumineux) n'est lu que pour les articles affichés.
    if stricte is not None:
        pages = list(articles.defer_streamfields().search(stricte)[:lus])
    if not pages:
        pages = list(articles.defer_streamfields().search(" ".join(termes), operator="or")[:lus])
    # Les premiers résultats sont reclassés : une question dont le titre contient les mots
    # cherchés passe devant un article qui ne fait que les citer (le moteur de SQLite pèse
    # peu le titre). Tri stable : à égalité, l'ordre du moteur est gardé.
    cherches = set(termes)
    pages[:FENETRE_RECLASSEMENT] = sorted(
        pages[:FENETRE_RECLASSEMENT],
        key=lambda page: -len(cherches.intersection(normaliser(page.title))),
    )
    suite = len(pages) > decalage + limite
    pages = pages[decalage : decalage + limite]
    themes = dict(
        FaqThemePage.objects.filter(
            path__in={p.path[: -FaqArticlePage.steplen] for p in pages}
        ).values_list("path", "title")
    )
    sortie = []
    for page in pages:
        html, texte = _extrait_article(page, termes)
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
    return sortie, suite


def _extrait_article(page: FaqArticlePage, termes: list[str]):
    """L'extrait vient de « En bref » quand il contient un mot cherché (le cas courant) : le
    corps, plus long à lire, n'est chargé que sinon."""
    cherches = set(termes)
    en_bref = page.en_bref_du_jour()
    if cherches.intersection(normaliser(en_bref)):
        return extrait(en_bref, termes)
    return extrait(page.texte_brut(), termes)


def articles_populaires(*, limite: int = 6) -> list[FaqArticlePage]:
    """Les articles publiés les plus consultés (les plus récents d'abord à égalité)."""
    return list(
        FaqArticlePage.objects.live()
        .public()
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


def articles_faq_pour_references(references: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Pour chaque référence d'un refus (« L1221-19 », « L3231-2 ; D3231-3 », « L3123-7
    dernier alinéa »), l'article publié de la FAQ qui cite l'un de ses numéros, en essayant
    les numéros dans l'ordre : ``{référence: (titre, url)}``, sans les références sans article.

    Un seul article par référence, le plus centré sur la règle : celui qui cite le moins
    d'articles du Code, puis par titre. Une requête pour toutes les références ; le corps des
    articles n'est lu que pour ceux qui contiennent l'un des numéros.
    """

    def numeros(texte: str) -> list[str]:
        # « L. 1221-19 », « l1221-19 » et « L1221-19 » sont le même article.
        trouves = re.findall(r"\b([LRD])\s*\.?\s*(\d{3,4}(?:-\d+)+)\b", texte, re.IGNORECASE)
        return [f"{lettre.upper()}{numero}" for lettre, numero in trouves]

    voulus = {reference: numeros(reference) for reference in references}
    tous = {numero for liste in voulus.values() for numero in liste}
    if not tous:
        return {}
    # Préfiltre en base sur la partie chiffrée (le JSON du corps, sur SQLite et PostgreSQL),
    # vérification exacte ensuite sur les blocs « article ».
    filtre = Q()
    for numero in tous:
        filtre |= Q(corps__icontains=numero[1:])
    meilleur: dict[str, tuple[int, str, int, FaqArticlePage]] = {}
    for page in FaqArticlePage.objects.live().public().filter(filtre).order_by("title", "pk"):
        cites = {n for numero in page.articles_cites() for n in numeros(numero)}
        cle = (len(cites), page.title, page.pk)
        for numero in cites & tous:
            if numero not in meilleur or cle < meilleur[numero][:3]:
                meilleur[numero] = (*cle, page)
    liens: dict[str, tuple[str, str]] = {}
    for reference, liste in voulus.items():
        for numero in liste:
            if numero in meilleur:
                page = meilleur[numero][3]
                liens[reference] = (page.title, page.url)
                break
    return liens
