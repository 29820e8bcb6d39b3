"""Les formulaires enfants de l'administration Wagtail (tâches d'un workflow, panneaux « inline »
des pages) face à un identifiant absent ou illisible.

Ces listes de sous-formulaires viennent de django-modelcluster. Pour chaque sous-formulaire
existant, il relit l'identifiant envoyé (« workflow_tasks-0-id ») sans se demander s'il est là
ni si c'est un nombre : un envoi incomplet ou trafiqué levait MultiValueDictKeyError ou
ValidationError hors de la validation, soit une erreur 500. Django, pour ses propres listes de
sous-formulaires, ignore un tel identifiant et laisse le champ caché le refuser (« Sélectionnez
un choix valide ») : c'est ce que fait la version ci-dessous, posée au démarrage.
"""

from __future__ import annotations

import contextlib
from typing import Any

from django.core.exceptions import ValidationError
from django.forms.models import BaseModelFormSet
from modelcluster.forms import BaseTransientModelFormSet


def _construire(self: BaseTransientModelFormSet, i: int, **kwargs: Any) -> Any:
    """``BaseTransientModelFormSet._construct_form`` de modelcluster, sans erreur 500."""
    existant = i < self.initial_form_count()
    if self.is_bound and existant:
        champ = self.model._meta.pk
        identifiant = self.data.get(f"{self.add_prefix(i)}-{champ.name}")
        if identifiant == "":
            kwargs["instance"] = self.model()
        elif identifiant is not None:
            # Illisible : le champ caché de l'identifiant le refuse à la validation.
            with contextlib.suppress(ValidationError):
                kwargs["instance"] = self._existing_object(self._get_to_python(champ)(identifiant))
    if existant and "instance" not in kwargs:
        try:
            kwargs["instance"] = self.get_queryset()[i]
        except IndexError:
            # Plus de sous-formulaires annoncés qu'il n'en existe (nombre trafiqué).
            kwargs["instance"] = self.model()
    if not existant and self.initial_extra:
        with contextlib.suppress(IndexError):
            kwargs["initial"] = self.initial_extra[i - self.initial_form_count()]
    return super(BaseModelFormSet, self)._construct_form(i, **kwargs)


_construire.identifiant_illisible_accepte = True  # type: ignore[attr-defined]


def installer() -> None:
    """Appelé une fois au démarrage (``PortailConfig.ready``) ; sans effet s'il est rappelé."""
    if not getattr(
        BaseTransientModelFormSet._construct_form, "identifiant_illisible_accepte", False
    ):
        BaseTransientModelFormSet._construct_form = _construire
