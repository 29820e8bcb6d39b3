"""Les listes d'images et de documents de l'administration Wagtail : chercher en filtrant par
nombre d'utilisations.

Le filtre « Nombre d'utilisations » (``usage_count_min`` / ``usage_count_max``) porte sur un
nombre calculé (``Coalesce`` d'une sous-requête de l'index des références) que la recherche
(``?q=…``) ne sait pas relire : une recherche avec ce filtre levait AttributeError, erreur 500.
Wagtail écarte déjà le tri par ce nombre pendant une recherche, et filtre par étiquette à
travers les identifiants des objets pour la même raison : le filtre par nombre d'utilisations
passe désormais, lui aussi, par les identifiants des objets qu'il retient.
"""

from __future__ import annotations

from typing import Any

import django_filters
from wagtail.documents.views.documents import DocumentsFilterSet
from wagtail.images.views.images import ImagesFilterSet


class NombreDUtilisations(django_filters.RangeFilter):
    """Le filtre de Wagtail, appliqué à travers les identifiants des objets retenus."""

    def filter(self, qs: Any, value: Any) -> Any:
        if not value or (value.start is None and value.stop is None):
            return qs
        return qs.filter(pk__in=super().filter(qs, value).values("pk"))


def installer() -> None:
    """Appelé une fois au démarrage (``PortailConfig.ready``) ; sans effet s'il est rappelé."""
    for filtres in (ImagesFilterSet, DocumentsFilterSet):
        actuel = filtres.base_filters["usage_count"]
        if not isinstance(actuel, NombreDUtilisations):
            filtres.base_filters["usage_count"] = NombreDUtilisations(
                field_name=actuel.field_name,
                lookup_expr=actuel.lookup_expr,
                label=actuel._label,
                **actuel.extra,
            )
