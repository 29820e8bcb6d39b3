"""Les formulaires enfants de l'administration Wagtail (tâches d'un workflow, panneaux « inline »
des pages) face à un identifiant absent ou illisible.

Ces listes de sous-formulaires viennent de django-modelcluster. Pour chaque sous-formulaire
existant, il relit l'identifiant envoyé (« workflow_tasks-0-id ») sans se demander s'il est là
ni si c'est un nombre : un envoi incomplet ou trafiqué levait MultiValueDictKeyError ou
ValidationError hors de la validation, soit une erreur 500 ; annoncer plus de sous-formulaires
qu'il n'en existe levait IndexError. Django, pour ses propres listes, prend alors l'objet de
même rang et laisse le champ caché de l'identifiant refuser la valeur (« Sélectionnez un choix
valide ») : c'est ce que fait l'enveloppe ci-dessous, posée au démarrage autour de la méthode de
modelcluster, qui reste seule à lire un envoi correct.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.forms.models import BaseModelFormSet
from modelcluster.forms import BaseTransientModelFormSet

from rh_tpe.portail.correctifs import poser


def _sans_erreur_500(construire: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(construire)
    def _construct_form(self: BaseTransientModelFormSet, i: int, **kwargs: Any) -> Any:
        try:
            return construire(self, i, **kwargs)
        except (KeyError, ValidationError, IndexError):
            try:
                instance = self.get_queryset()[i]
            except IndexError:
                # Plus de sous-formulaires annoncés qu'il n'en existe (nombre trafiqué).
                instance = self.model()
            # Ce que fait modelcluster après avoir choisi l'objet : le formulaire de Django,
            # sans la version de BaseModelFormSet.
            return super(BaseModelFormSet, self)._construct_form(i, instance=instance, **kwargs)

    return _construct_form


def installer() -> None:
    """Appelé une fois au démarrage (``PortailConfig.ready``) ; sans effet s'il est rappelé."""
    poser(
        BaseTransientModelFormSet,
        "_construct_form",
        _sans_erreur_500(BaseTransientModelFormSet._construct_form),
    )
