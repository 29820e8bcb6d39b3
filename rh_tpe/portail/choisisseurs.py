"""Les sélecteurs de l'administration Wagtail (page, image, document, extrait) face à un
identifiant illisible.

Quand un formulaire de l'administration est renvoyé avec ses erreurs, le sélecteur relit l'objet
choisi à partir de la valeur envoyée. Wagtail prévoit un objet disparu, pas une valeur qui n'est
pas un identifiant : « abc » envoyé pour la page parente d'un déplacement, la page d'une
redirection ou la page racine d'un site levait ValueError pendant l'affichage, soit une erreur
500 au lieu du message « Sélectionnez un choix valide » sous le champ. Le correctif est posé ici,
une fois, sur la classe dont dérivent tous les sélecteurs.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from wagtail.admin.widgets.chooser import BaseChooser


def _sans_identifiant_illisible(lire: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    @functools.wraps(lire)
    def get_instance(self: BaseChooser, value: Any) -> Any:
        try:
            return lire(self, value)
        except (ValueError, TypeError, OverflowError, ValidationError):
            # Pas un identifiant : rien n'est choisi, le champ affiche déjà son erreur.
            return None

    get_instance.identifiant_illisible_accepte = True  # type: ignore[attr-defined]
    return get_instance


def installer() -> None:
    """Appelé une fois au démarrage (``PortailConfig.ready``) ; sans effet s'il est rappelé."""
    if not getattr(BaseChooser.get_instance, "identifiant_illisible_accepte", False):
        BaseChooser.get_instance = _sans_identifiant_illisible(BaseChooser.get_instance)
