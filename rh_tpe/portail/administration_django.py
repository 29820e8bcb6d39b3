"""L'administration Django (/django-admin/) face à un « _to_field » vide ou à une sélection
illisible.

La fiche d'un objet lit dans son adresse le champ par lequel une fenêtre surgissante désigne
l'objet (``?_to_field=id``). Django vérifie ce champ quand il est renseigné, mais un
« ?_to_field= » vide passe la vérification et arrive à ``_meta.get_field("")`` :
FieldDoesNotExist, erreur 500 à l'ouverture de la fiche ou de sa suppression, pour tous les
modèles de l'administration. Vide, il vaut désormais « pas de champ » : la clé primaire.

Une action de liste (« Supprimer les objets sélectionnés »…) passait les cases cochées
(``_selected_action``) telles quelles à ``filter(pk__in=…)`` : « abc », une valeur vide ou
« 4.2 » levaient ValueError, erreur 500. Seules les cases lisibles sont gardées ; sans aucune,
Django dit déjà « Des éléments doivent être sélectionnés afin d'appliquer les actions ».
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.admin import ModelAdmin, helpers

from rh_tpe.portail.choisisseurs import identifiant_lisible
from rh_tpe.portail.correctifs import poser


def _champ_vide_ignore(lire: Callable[..., Any]) -> Callable[..., Any]:
    def get_object(self: ModelAdmin, request: Any, object_id: Any, from_field: Any = None) -> Any:
        return lire(self, request, object_id, from_field or None)

    return get_object


def _cases_lisibles(agir: Callable[..., Any]) -> Callable[..., Any]:
    def response_action(self: ModelAdmin, request: Any, queryset: Any) -> Any:
        cases = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        lisibles = [case for case in cases if identifiant_lisible(self.model, case)]
        if lisibles != cases:
            envoi = request.POST.copy()
            envoi.setlist(helpers.ACTION_CHECKBOX_NAME, lisibles)
            request.POST = envoi
        return agir(self, request, queryset)

    return response_action


def installer() -> None:
    """Appelé une fois au démarrage (``PortailConfig.ready``) ; sans effet s'il est rappelé."""
    poser(ModelAdmin, "get_object", _champ_vide_ignore(ModelAdmin.get_object))
    poser(ModelAdmin, "response_action", _cases_lisibles(ModelAdmin.response_action))
