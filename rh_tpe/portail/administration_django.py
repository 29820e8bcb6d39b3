"""L'administration Django (/django-admin/) face à un « _to_field » vide.

La fiche d'un objet lit dans son adresse le champ par lequel une fenêtre surgissante désigne
l'objet (``?_to_field=id``). Django vérifie ce champ quand il est renseigné, mais un
« ?_to_field= » vide passe la vérification et arrive à ``_meta.get_field("")`` :
FieldDoesNotExist, erreur 500 à l'ouverture de la fiche ou de sa suppression, pour tous les
modèles de l'administration. Vide, il vaut désormais « pas de champ » : la clé primaire.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.admin import ModelAdmin


def _champ_vide_ignore(lire: Callable[..., Any]) -> Callable[..., Any]:
    def get_object(self: ModelAdmin, request: Any, object_id: Any, from_field: Any = None) -> Any:
        return lire(self, request, object_id, from_field or None)

    get_object.champ_vide_ignore = True  # type: ignore[attr-defined]
    return get_object


def installer() -> None:
    """Appelé une fois au démarrage (``PortailConfig.ready``) ; sans effet s'il est rappelé."""
    if not getattr(ModelAdmin.get_object, "champ_vide_ignore", False):
        ModelAdmin.get_object = _champ_vide_ignore(ModelAdmin.get_object)
