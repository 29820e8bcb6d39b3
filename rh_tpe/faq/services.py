"""Écritures de la FAQ : avis des lecteurs, consultations, installation de l'arbre des pages."""

from __future__ import annotations

import hashlib

from django.contrib.auth.models import Group, Permission
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage

from rh_tpe.faq.models import (
    AvisArticle,
    ConsultationArticle,
    FaqArticlePage,
    FaqIndexPage,
    FaqThemePage,
)

GROUPE_RELECTEURS = "Relecteurs juridiques"
WORKFLOW_RELECTURE = "Relecture juridique"


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
    from rh_tpe.portail.models import PageAccueil

    index = FaqIndexPage.objects.first()
    if index is None:
        accueil = PageAccueil.objects.get()
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
