"""Les champs en blocs (StreamField) de l'administration Wagtail face à un envoi incomplet.

Le navigateur envoie un corps en blocs champ par champ : « corps-count », puis pour chaque bloc
« corps-0-type », « corps-0-order », « corps-0-deleted », « corps-0-value »… Wagtail relit ces
clés sans se demander si elles sont là ni si ce sont des nombres : un formulaire rejoué sans son
JavaScript (rétablir une révision, enregistrer depuis une page mal chargée), ou trafiqué
(« abc » pour un nombre de blocs), levait KeyError ou ValueError, soit une erreur 500. L'identifiant
d'un bloc (« corps-0-id », écrit par le JavaScript) n'est, lui, pas vérifié du tout : un caractère
nul y était enregistré tel quel, et PostgreSQL le refusait dans le JSON (DataError, erreur 500).

Ici, un envoi illisible devient un corps vide marqué comme tel ; la validation du champ le refuse
avec un message en français, au-dessus des blocs ; les autres champs gardent leur saisie. Posé
une fois, au démarrage, sur le champ et le widget dont dérivent tous les StreamField.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.blocks.base import BlockField, BlockWidget

from rh_tpe.portail.correctifs import poser

# Ce que lève la lecture d'un envoi incomplet (clé absente) ou trafiqué (nombre illisible).
_ILLISIBLE = (KeyError, ValueError, TypeError, OverflowError, IndexError)

MESSAGE = _(
    "Le contenu de ce champ n'a pas été reçu en entier. Rechargez la page pour retrouver le "
    "contenu enregistré, puis recommencez votre modification."
)


def _identifiant_de_bloc_illisible(data: Any, name: str) -> bool:
    return any(
        "\x00" in valeur
        for cle, valeur in data.items()
        if cle.startswith(f"{name}-") and cle.endswith("-id") and isinstance(valeur, str)
    )


def _lire_l_envoi(lire: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(lire)
    def value_from_datadict(self: BlockWidget, data: Any, files: Any, name: str) -> Any:
        try:
            if _identifiant_de_bloc_illisible(data, name):
                raise ValueError(name)
            return lire(self, data, files, name)
        except _ILLISIBLE:
            # Un corps vide, que le formulaire peut réafficher, marqué pour la validation.
            valeur = self.block_def.get_default()
            try:
                valeur.envoi_illisible = True
            except AttributeError:
                # Une valeur qui ne porte pas d'attribut (texte, nombre) : rien de mieux que None.
                return None
            return valeur

    return value_from_datadict


def _valider(clean: Any) -> Any:
    def valider(self: BlockField, value: Any) -> Any:
        if value is None or getattr(value, "envoi_illisible", False):
            raise ValidationError(MESSAGE, code="envoi_illisible")
        return clean(self, value)

    return valider


def installer() -> None:
    """Appelé une fois au démarrage (``PortailConfig.ready``) ; sans effet s'il est rappelé."""
    poser(BlockWidget, "value_from_datadict", _lire_l_envoi(BlockWidget.value_from_datadict))
    poser(BlockField, "clean", _valider(BlockField.clean))
