"""Les actions groupées de l'administration Wagtail (publier, déplacer, supprimer plusieurs pages,
images, documents ou comptes) face à un identifiant illisible.

La page de confirmation relit les objets cochés dans son adresse (``?id=4&id=7``) et les passe
tels quels à ``filter(pk__in=…)`` : « abc », une valeur vide ou « 4.2 » levaient ValueError,
soit une erreur 500. Pour « toutes les pages de la liste » (``?id=all&childOf=…``), la page
parente était lue sans précaution : illisible ou disparue, erreur 500 aussi.

Ici, seuls les identifiants lisibles sont gardés (aucun : page introuvable, comme Wagtail le fait
déjà pour des objets disparus) ; une page parente illisible ou disparue est une page
introuvable. Surtout pas « toutes les pages du site » à la place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import Http404
from django.shortcuts import get_list_or_404
from wagtail.admin.views.bulk_action.base_bulk_action import BulkAction
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction
from wagtail.models import Page

from rh_tpe.portail.choisisseurs import identifiant_lisible
from rh_tpe.portail.correctifs import poser


def _objets_coches(cls: type[BulkAction], model: Any, object_ids: Any) -> Any:
    if isinstance(object_ids, list):
        object_ids = [i for i in object_ids if identifiant_lisible(model, i)]
    return get_list_or_404(model, pk__in=object_ids)


def _parente_lue(lire: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    def get_all_objects_in_listing_query(self: PageBulkAction, parent_id: Any) -> Any:
        if parent_id is not None and not (
            identifiant_lisible(Page, parent_id) and Page.objects.filter(pk=parent_id).exists()
        ):
            raise Http404
        return lire(self, parent_id)

    return get_all_objects_in_listing_query


def installer() -> None:
    """Appelé une fois au démarrage (``PortailConfig.ready``) ; sans effet s'il est rappelé."""
    poser(BulkAction, "get_queryset", classmethod(_objets_coches))
    poser(
        PageBulkAction,
        "get_all_objects_in_listing_query",
        _parente_lue(PageBulkAction.get_all_objects_in_listing_query),
    )
