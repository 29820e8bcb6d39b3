"""Lectures qui appliquent la règle de visibilité des dossiers.

La règle (appelée aussi par `rh_tpe.comptes.visibilite`) :

* un chef d'entreprise voit les dossiers de SON entreprise, sans les notes internes ;
* un conseiller voit les dossiers de la file de son organisation et ceux que son organisation a
  transférés à l'autre (il en garde l'historique), notes internes comprises ;
* personne d'autre ne voit rien (ni éditeur, ni administrateur, ni anonyme).
"""

from __future__ import annotations

import datetime
import re
import statistics
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import Avg, Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from wagtail.models import Page

from rh_tpe.comptes.models import Organisation, Utilisateur
from rh_tpe.dossiers.models import Dossier, Message, PieceJointe, Transfert

Personne = Utilisateur | AnonymousUser


def _actif(utilisateur: Personne) -> bool:
    return bool(utilisateur.is_authenticated and utilisateur.is_active)


def est_conseiller_actif(utilisateur: Personne) -> bool:
    return (
        _actif(utilisateur)
        and utilisateur.est_conseiller
        and utilisateur.organisation_id is not None
    )


def est_chef_actif(utilisateur: Personne) -> bool:
    return (
        _actif(utilisateur)
        and utilisateur.est_chef_entreprise
        and utilisateur.entreprise_id is not None
    )


def condition_conseiller(organisation_id: int) -> Q:
    """Les dossiers d'une organisation : sa file, et ceux qu'elle a transférés."""
    return Q(organisation_id=organisation_id) | Q(
        Exists(
            Transfert.objects.filter(dossier_id=OuterRef("pk"), de_organisation_id=organisation_id)
        )
    )


def dossiers_visibles(utilisateur: Personne) -> QuerySet[Dossier]:
    if est_chef_actif(utilisateur):
        return Dossier.objects.filter(entreprise_id=utilisateur.entreprise_id)
    if est_conseiller_actif(utilisateur):
        return Dossier.objects.filter(condition_conseiller(utilisateur.organisation_id))
    return Dossier.objects.none()


def file_du_conseiller(utilisateur: Personne, *, transferes: bool = False) -> QuerySet[Dossier]:
    """La file : les dossiers actuellement dans l'organisation du conseiller ; ou, avec
    `transferes`, ceux qu'elle a passés à l'autre organisation (son historique).

    Deux requêtes simples plutôt que la condition « ou » de `dossiers_visibles` : la file
    s'appuie ainsi sur l'index (organisation, dernière activité), même à 100 000 dossiers.
    Les deux sont des sous-ensembles de `dossiers_visibles`.
    """
    if not est_conseiller_actif(utilisateur):
        return Dossier.objects.none()
    organisation_id = utilisateur.organisation_id
    if transferes:
        return Dossier.objects.filter(
            Exists(
                Transfert.objects.filter(
                    dossier_id=OuterRef("pk"), de_organisation_id=organisation_id
                )
            )
        ).exclude(organisation_id=organisation_id)
    return Dossier.objects.filter(organisation_id=organisation_id)


def dossier_visible(utilisateur: Personne, pk: int) -> Dossier:
    """Le dossier s'il est visible, sinon 404 (même réponse que s'il n'existait pas)."""
    dossier = (
        dossiers_visibles(utilisateur)
        .select_related("organisation", "conseiller", "auteur", "entreprise", "document")
        .filter(pk=pk)
        .first()
    )
    if dossier is None:
        raise Http404
    return dossier


def voit_les_notes_internes(utilisateur: Personne) -> bool:
    return est_conseiller_actif(utilisateur)


def messages_visibles(utilisateur: Personne, dossier: Dossier) -> QuerySet[Message]:
    messages = dossier.messages.select_related("auteur", "organisation").prefetch_related("pieces")
    if not voit_les_notes_internes(utilisateur):
        messages = messages.filter(interne=False)
    return messages


def pieces_visibles(utilisateur: Personne, dossier: Dossier) -> QuerySet[PieceJointe]:
    pieces = dossier.pieces.all()
    if not voit_les_notes_internes(utilisateur):
        # Une pièce jointe à une note interne reste entre conseillers.
        pieces = pieces.filter(Q(message__isnull=True) | Q(message__interne=False))
    return pieces


def derniere_reponse_publique(dossier: Dossier) -> Message | None:
    """La dernière réponse d'un conseiller à l'entreprise (pas une note, pas un événement)."""
    return (
        dossier.messages.filter(genre=Message.Genre.REPONSE, interne=False)
        .order_by("-cree_le", "-pk")
        .first()
    )


def entreprises_ids_du_conseiller(utilisateur: Personne) -> QuerySet[Dossier]:
    """Les entreprises (identifiants) qu'un conseiller voit à travers ses dossiers."""
    return dossiers_visibles(utilisateur).values("entreprise_id")


def dossiers_en_retard(dossiers: QuerySet[Dossier], aujourd_hui: datetime.date) -> QuerySet:
    return dossiers.filter(
        premiere_reponse_le__isnull=True,
        statut__in=[Dossier.Statut.NOUVEAU, Dossier.Statut.EN_COURS],
        echeance__lt=aujourd_hui,
    )


@dataclass(frozen=True)
class Statistiques:
    organisation: Organisation
    recus: int
    repondus: int
    delai_median_heures: float | None
    en_retard: int
    ouverts: int
    evaluations: int
    satisfaction: float | None


def statistiques_organisation(organisation: Organisation) -> Statistiques:
    """Les chiffres d'une organisation : dossiers passés par sa file (transférés compris)."""
    dossiers = Dossier.objects.filter(condition_conseiller(organisation.pk))
    comptes = dossiers.aggregate(
        recus=Count("pk"),
        ouverts=Count("pk", filter=~Q(statut=Dossier.Statut.CLOS)),
        evaluations=Count("pk", filter=Q(note__isnull=False)),
        satisfaction=Avg("note"),
    )
    delais = [
        (reponse - cree).total_seconds() / 3600
        for cree, reponse in dossiers.filter(premiere_reponse_le__isnull=False).values_list(
            "cree_le", "premiere_reponse_le"
        )
    ]
    return Statistiques(
        organisation=organisation,
        recus=comptes["recus"],
        repondus=len(delais),
        delai_median_heures=statistics.median(delais) if delais else None,
        en_retard=dossiers_en_retard(
            Dossier.objects.filter(organisation=organisation), timezone.localdate()
        ).count(),
        ouverts=comptes["ouverts"],
        evaluations=comptes["evaluations"],
        satisfaction=comptes["satisfaction"],
    )


@dataclass(frozen=True)
class ArticleFaq:
    titre: str
    url: str
    theme_faq: str


def article_faq_publie(identifiant: str | None, request=None) -> ArticleFaq | None:
    """L'article publié de la FAQ d'où part une question (``/dossiers/nouveau?faq=<id>``).

    Un identifiant invalide, inconnu, d'une autre page ou d'un article non publié ne donne
    rien. On lit la page par l'API de Wagtail (type de contenu « faq.faqarticlepage ») : le
    guichet n'importe la FAQ que pour le service « proposer pour la FAQ » (ARCHITECTURE.md).
    """
    if not identifiant or not re.fullmatch(r"[0-9]{1,12}", identifiant):
        return None
    page = (
        Page.objects.live()
        .public()
        .filter(
            pk=int(identifiant),
            content_type__app_label="faq",
            content_type__model="faqarticlepage",
        )
        .first()
    )
    if page is None:
        return None
    parent = page.get_parent()
    return ArticleFaq(
        titre=page.title,
        url=page.get_url(request=request) or "",
        theme_faq=parent.slug if parent is not None else "",
    )
