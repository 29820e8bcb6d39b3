"""Les sélecteurs de l'administration Wagtail (page, image, document, extrait) face à un
identifiant illisible.

Quand un formulaire de l'administration est renvoyé avec ses erreurs, le sélecteur relit l'objet
choisi à partir de la valeur envoyée. Wagtail prévoit un objet disparu, pas une valeur qui n'est
pas un identifiant : « abc » envoyé pour la page parente d'un déplacement, la page d'une
redirection ou la page racine d'un site levait ValueError pendant l'affichage, soit une erreur
500 au lieu du message « Sélectionnez un choix valide » sous le champ. Le correctif est posé ici,
une fois, sur la classe dont dérivent tous les sélecteurs.

De même, la fenêtre de choix lit l'objet choisi dans son adresse (``/admin/images/chooser/chosen/
<identifiant>/``) : Wagtail prévoit un objet disparu (404), pas « abc » ni « 4.2 », qui levaient
ValueError. Une adresse illisible est désormais, elle aussi, une page introuvable. Le choix de
plusieurs objets (``chosen-multiple/?id=…``) et l'arborescence du choix de page
(``?target_pages[]=…``) ne gardent, eux, que les identifiants lisibles ; le choix de plusieurs
pages écarte aussi la page racine, qui ne se choisit pas et dont Wagtail lisait la parente
(AttributeError).

Le choix d'un lien externe (éditeur de texte riche) envoyé sans son adresse faisait lire
``None.startswith("/")`` : erreur 500 au lieu de « Champ requis ».

Enfin, la fenêtre de choix d'image filtrait par étiquette (``?tag=…``) sur ``tags__name``, que la
recherche ne sait pas relire : une recherche (``?q=…``) avec une étiquette levait
FilterFieldError. Le même filtre passe désormais par les identifiants des images.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.contrib.admin.utils import unquote
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404
from wagtail.admin.forms.choosers import URLOrAbsolutePathValidator
from wagtail.admin.views import chooser as choix_de_page
from wagtail.admin.views.generic.chooser import (
    BaseChooseView,
    ChosenMultipleViewMixin,
    ChosenViewMixin,
)
from wagtail.admin.widgets.chooser import BaseChooser
from wagtail.images.views.chooser import BaseImageChooseView
from wagtail.models import Page

from rh_tpe.portail.correctifs import poser

# Ce que lève la lecture d'un objet par un identifiant qui n'en est pas un.
_ILLISIBLE = (ValueError, TypeError, OverflowError, ValidationError)


def _sans_identifiant_illisible(lire: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    @functools.wraps(lire)
    def get_instance(self: BaseChooser, value: Any) -> Any:
        try:
            return lire(self, value)
        except _ILLISIBLE:
            # Pas un identifiant : rien n'est choisi, le champ affiche déjà son erreur.
            return None

    return get_instance


def _objet_choisi(self: ChosenViewMixin, request: Any, pk: Any) -> Any:
    """``ChosenViewMixin.get`` de Wagtail, qui ne rattrapait que l'objet disparu."""
    try:
        item = self.get_object(unquote(str(pk)))
    except (ObjectDoesNotExist, *_ILLISIBLE) as erreur:
        raise Http404 from erreur
    return self.get_chosen_response(item)


def identifiant_lisible(modele: Any, identifiant: str) -> bool:
    """Vrai si ``identifiant`` peut être celui d'un objet de ``modele``."""
    try:
        modele._meta.pk.to_python(identifiant)
    except _ILLISIBLE:
        return False
    return identifiant != ""


def _identifiants_lisibles(
    parametre: str,
    modele: Callable[[Any], Any],
    exclus: Callable[[], set[Any]] | None = None,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Retire de ``request.GET[parametre]`` ce qui n'est pas un identifiant de ``modele(vue)`` :
    Wagtail le passait tel quel à ``filter(pk__in=…)`` ou à ``int()``, d'où ValueError. Retire
    aussi les identifiants lisibles que donne ``exclus()`` (lue une fois par demande)."""

    def decorer(get: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(get)
        def lire(self: Any, request: Any, *args: Any, **kwargs: Any) -> Any:
            valeurs = request.GET.getlist(parametre)
            classe = modele(self)
            lisibles = [v for v in valeurs if identifiant_lisible(classe, v)]
            if exclus is not None and lisibles:
                interdits = exclus()
                lisibles = [v for v in lisibles if classe._meta.pk.to_python(v) not in interdits]
            if lisibles != valeurs:
                request.GET = request.GET.copy()
                request.GET.setlist(parametre, lisibles)
            return get(self, request, *args, **kwargs)

        return lire

    return decorer


def _pages_racines() -> set[Any]:
    """La racine ne se choisit pas ; Wagtail lisait sa page parente (AttributeError)."""
    return set(Page.objects.filter(depth=1).values_list("pk", flat=True))


def _chemin_absolu(value: Any) -> bool:
    """``URLOrAbsolutePathValidator.is_absolute_path`` de Wagtail, qui supposait un texte."""
    return isinstance(value, str) and value.startswith("/")


def _images_de_l_etiquette(self: BaseImageChooseView, objects: Any) -> Any:
    """``BaseImageChooseView.filter_object_list`` de Wagtail, le filtre par étiquette passant par
    les identifiants pour que la recherche puisse s'y ajouter."""
    etiquette = self.request.GET.get("tag")
    if etiquette:
        etiquetees = objects.model.objects.filter(tags__name=etiquette).values("pk")
        objects = objects.filter(pk__in=etiquetees)
    return BaseChooseView.filter_object_list(self, objects)


def installer() -> None:
    """Appelé une fois au démarrage (``PortailConfig.ready``) ; sans effet s'il est rappelé."""
    poser(BaseChooser, "get_instance", _sans_identifiant_illisible(BaseChooser.get_instance))
    poser(ChosenViewMixin, "get", _objet_choisi)
    for vue, parametre, modele, exclus in (
        (ChosenMultipleViewMixin, "id", lambda vue: vue.model_class, None),
        (choix_de_page.ChosenMultipleView, "id", lambda vue: Page, _pages_racines),
        (choix_de_page.BrowseView, "target_pages[]", lambda vue: Page, None),
    ):
        poser(vue, "get", _identifiants_lisibles(parametre, modele, exclus)(vue.get))
    poser(URLOrAbsolutePathValidator, "is_absolute_path", staticmethod(_chemin_absolu))
    poser(BaseImageChooseView, "filter_object_list", _images_de_l_etiquette)
