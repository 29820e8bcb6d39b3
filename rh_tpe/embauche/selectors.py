"""Lectures du parcours d'embauche : seulement ce que l'entreprise de la personne possède.

Brouillons, embauches et salariés ne sont visibles que du chef de leur entreprise : ni les
conseillers (ils voient le contrat seulement s'il est joint à un dossier, par
`rh_tpe.modeles.selectors.documents_visibles`), ni l'administrateur du portail par ces pages.
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch, QuerySet

from rh_tpe.comptes.models import Utilisateur
from rh_tpe.embauche.models import BrouillonEmbauche, Embauche, Salarie


def est_chef_actif(utilisateur: Utilisateur | AnonymousUser) -> bool:
    return bool(
        utilisateur.is_authenticated
        and utilisateur.is_active
        and utilisateur.est_chef_entreprise
        and utilisateur.entreprise_id is not None
    )


def brouillons_visibles(utilisateur: Utilisateur | AnonymousUser) -> QuerySet[BrouillonEmbauche]:
    if not est_chef_actif(utilisateur):
        return BrouillonEmbauche.objects.none()
    return BrouillonEmbauche.objects.filter(entreprise_id=utilisateur.entreprise_id)


def embauches_visibles(utilisateur: Utilisateur | AnonymousUser) -> QuerySet[Embauche]:
    if not est_chef_actif(utilisateur):
        return Embauche.objects.none()
    return Embauche.objects.filter(entreprise_id=utilisateur.entreprise_id).select_related(
        "salarie", "document"
    )


def salaries_visibles(utilisateur: Utilisateur | AnonymousUser) -> QuerySet[Salarie]:
    if not est_chef_actif(utilisateur):
        return Salarie.objects.none()
    return Salarie.objects.filter(entreprise_id=utilisateur.entreprise_id)


def registre_du_personnel(utilisateur: Utilisateur | AnonymousUser) -> QuerySet[Salarie]:
    """Les salariés de l'entreprise avec leurs embauches (et leurs contrats), de la plus ancienne
    à la plus récente : l'ordre d'un registre du personnel."""
    embauches = Embauche.objects.select_related("document").order_by("date_debut", "cree_le")
    return salaries_visibles(utilisateur).prefetch_related(
        Prefetch("embauches", queryset=embauches)
    )
