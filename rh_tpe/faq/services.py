"""Écritures de la FAQ : avis des lecteurs, consultations, installation de l'arbre des pages,
brouillons d'articles proposés par les conseillers du guichet."""

from __future__ import annotations

import hashlib
import re

from django.contrib.auth.models import Group, Permission
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import GroupPagePermission, Page, Site, Workflow, WorkflowPage

from rh_tpe.comptes.models import Utilisateur
from rh_tpe.faq.models import (
    AvisArticle,
    ConsultationArticle,
    FaqArticlePage,
    FaqIndexPage,
    FaqThemePage,
)

GROUPE_RELECTEURS = "Relecteurs juridiques"
WORKFLOW_RELECTURE = "Relecture juridique"
# Le thème d'un article proposé quand on ne sait pas où le ranger : l'éditeur le déplace.
THEME_PAR_DEFAUT = "embauche-et-contrat"
EN_BREF_MAX = 600


def visiteur_identifiant(request: HttpRequest, *, creer: bool) -> str | None:
    """Qui vote : le compte connecté, sinon une empreinte de la session (créée si ``creer``)."""
    utilisateur = getattr(request, "user", None)
    if utilisateur is not None and utilisateur.is_authenticated:
        return f"u{utilisateur.pk}"
    session = getattr(request, "session", None)
    if session is None:
        return None
    if not session.session_key:
        if not creer:
            return None
        session.save()
    empreinte = hashlib.sha256(session.session_key.encode()).hexdigest()[:40]
    return f"s{empreinte}"


def avis_enregistrer(
    *, article: FaqArticlePage, visiteur: str, utile: bool, commentaire: str = ""
) -> bool:
    """Enregistre l'avis ; ``False`` si ce visiteur a déjà donné le sien sur cet article."""
    try:
        with transaction.atomic():
            AvisArticle.objects.create(
                page=article, visiteur=visiteur, utile=utile, commentaire=commentaire.strip()
            )
    except IntegrityError:
        return False
    return True


def consultation_compter(*, page_id: int) -> None:
    mis_a_jour = ConsultationArticle.objects.filter(page_id=page_id).update(nombre=F("nombre") + 1)
    if not mis_a_jour:
        try:
            with transaction.atomic():
                ConsultationArticle.objects.create(page_id=page_id, nombre=1)
        except IntegrityError:  # créé entre-temps par une autre requête
            ConsultationArticle.objects.filter(page_id=page_id).update(nombre=F("nombre") + 1)


def _publier(page: Page) -> None:
    page.save_revision().publish()


@transaction.atomic
def faq_installer(*, themes: list[dict[str, str]]) -> FaqIndexPage:
    """Crée (ou complète) l'accueil de la FAQ sous l'accueil du site, ses thèmes, et y attache
    le workflow « Relecture juridique » et les droits des relecteurs. Sans doublon."""
    index = FaqIndexPage.objects.first()
    if index is None:
        # L'accueil du site (portail) : la FAQ ne dépend pas de l'application qui le définit.
        accueil = Site.objects.get(is_default_site=True).root_page
        index = FaqIndexPage(
            title="Foire aux questions RH",
            slug="faq",
            introduction=(
                "Les réponses aux questions que se posent le plus souvent les employeurs des "
                "très petites entreprises, relues par les juristes de la DREETS."
            ),
        )
        accueil.add_child(instance=index)
        _publier(index)
    for donnees in themes:
        theme = FaqThemePage.objects.child_of(index).filter(slug=donnees["slug"]).first()
        if theme is None:
            theme = FaqThemePage(
                title=donnees["titre"], slug=donnees["slug"], introduction=donnees["introduction"]
            )
            index.add_child(instance=theme)
            _publier(theme)
        elif (theme.title, theme.introduction) != (donnees["titre"], donnees["introduction"]):
            theme.title, theme.introduction = donnees["titre"], donnees["introduction"]
            _publier(theme)
    _attacher_relecture(index)
    return index


def _attacher_relecture(index: FaqIndexPage) -> None:
    workflow = Workflow.objects.filter(name=WORKFLOW_RELECTURE).first()
    if workflow is not None:
        WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    relecteurs = Group.objects.filter(name=GROUPE_RELECTEURS).first()
    if relecteurs is not None:
        for codename in ("change_page", "publish_page"):
            GroupPagePermission.objects.get_or_create(
                group=relecteurs,
                page=index,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )


# --- Articles proposés par les conseillers ------------------------------------------------------


def _paragraphes_html(texte: str) -> str:
    """Le texte d'un conseiller en paragraphes de texte riche : échappé, jamais pris pour du HTML.

    Une ligne vide sépare deux paragraphes ; un simple retour à la ligne devient ``<br/>``."""
    paragraphes = [p.strip() for p in re.split(r"\n\s*\n", texte.replace("\r\n", "\n"))]
    return "".join(
        "<p>" + "<br/>".join(escape(ligne) for ligne in p.split("\n")) + "</p>"
        for p in paragraphes
        if p
    )


def _premiere_phrase(texte: str) -> str:
    """« En bref » provisoire : la première phrase de la réponse, que l'éditeur réécrit."""
    texte = " ".join(texte.split())
    morceaux = re.split(r"(?<=[.!?])\s", texte, maxsplit=1)
    return Truncator(morceaux[0]).chars(EN_BREF_MAX)


def _slug_libre(theme: FaqThemePage, titre: str) -> str:
    """Un slug ASCII court, libre parmi les articles du thème (brouillons compris)."""
    base = slugify(titre)[:80].strip("-") or "article"
    pris = set(theme.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, numero = base, 1
    while slug in pris:
        numero += 1
        slug = f"{base}-{numero}"
    return slug


def _theme(theme_code_ou_page: FaqThemePage | str | None) -> FaqThemePage:
    if isinstance(theme_code_ou_page, FaqThemePage):
        return theme_code_ou_page
    themes = FaqThemePage.objects.all()
    theme = themes.filter(slug=theme_code_ou_page).first() if theme_code_ou_page else None
    return theme or themes.filter(slug=THEME_PAR_DEFAUT).first() or themes.order_by("path")[0]


@transaction.atomic
def article_proposer(
    *,
    theme_code_ou_page: FaqThemePage | str | None,
    question: str,
    reponse: str,
    propose_par: Utilisateur,
) -> FaqArticlePage:
    """Crée un article NON publié sous le thème (son slug, ou la page) : la question en titre,
    la réponse en paragraphe, une révision de brouillon au nom du conseiller. Un éditeur le
    reprend dans l'administration Wagtail et le soumet au workflow « Relecture juridique ».

    Personne n'a encore relu l'article : « relu par » le dit, et la date de relecture (le jour
    de la proposition, la base l'exige) est à remplacer par le relecteur. Un thème inconnu
    range l'article dans le thème par défaut. Le slug est rendu unique dans le thème par Wagtail.
    """
    theme = _theme(theme_code_ou_page)
    question = " ".join(question.split())
    article = FaqArticlePage(
        title=question,
        slug=_slug_libre(theme, question),
        live=False,
        owner=propose_par,
        en_bref=_premiere_phrase(reponse),
        relu_le=timezone.localdate(),
        relu_par=Truncator(_("À relire (proposé par %(nom)s)") % {"nom": propose_par}).chars(200),
    )
    article.corps = FaqArticlePage._meta.get_field("corps").stream_block.to_python(
        [{"type": "paragraphe", "value": _paragraphes_html(reponse)}]
    )
    theme.add_child(instance=article)
    article.save_revision(user=propose_par)
    log(instance=article, action="wagtail.create", user=propose_par)
    return article
