"""L'explorateur de pages de l'administration Wagtail : les adresses qu'appelle son JavaScript.

Trois de ces adresses lisaient un paramètre sans le vérifier, soit une erreur 500 quand il est
trafiqué, et la liste des pages ne savait pas chercher parmi les pages qui ont des sous-pages :

- ``/admin/pages/<page>/set_position/?position=…`` (glisser-déposer d'une page parmi ses
  sœurs) passait la position à ``int()`` puis à une requête : 20 chiffres débordaient l'entier de
  la base. Et la page racine, qui n'a pas de parente, levait AttributeError. Désormais, une
  position qui n'est pas un petit entier positif est une requête invalide (400), la racine une
  page introuvable (404). Le JavaScript de Wagtail n'envoie que des positions valables.
- ``/admin/editing-sessions/ping/<app>/<modèle>/<objet>/<session>/`` (qui signale qu'un autre
  éditeur a la page ouverte) lisait l'objet par un identifiant qui peut ne pas en être un
  (« abc » pour une page) : ValueError. C'est désormais une page introuvable.
- L'API de l'explorateur (``/admin/api/main/pages/?search=…&has_children=…``) filtrait par
  ``has_children`` après la recherche, dont le résultat ne se filtre plus : AttributeError.
  La recherche passe en dernier, comme dans l'API publique de Wagtail.
- La liste des sous-pages (``/admin/pages/<page>/?q=…&has_child_pages=…``, le filtre « A des
  pages enfants » avec une recherche) filtrait la recherche par ``numchild``, que le modèle
  ``Page`` ne déclare pas filtrable : FilterFieldError, erreur 500 au premier clic. Le champ est
  déclaré filtrable, comme le demande le message de Wagtail : la recherche filtrée répond, dans
  la liste comme dans l'API de l'explorateur. Le moteur de recherche en base (``database``)
  applique ce filtre en SQL : rien à réindexer.

Les deux vues sont enveloppées dans les motifs d'adresse de Wagtail : la vue d'origine traite
toute demande lisible.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.core.exceptions import BadRequest
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import URLPattern
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.admin.urls import editing_sessions, pages
from wagtail.api.v2.filters import SearchFilter
from wagtail.models import Page
from wagtail.search import index

from rh_tpe.portail.choisisseurs import identifiant_lisible
from rh_tpe.portail.correctifs import poser

# Un rang parmi les pages sœurs : au plus neuf chiffres, bien au-delà de toute arborescence.
_POSITION = re.compile(r"\d{1,9}")


def _position_lisible(vue: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @functools.wraps(vue)
    def set_page_position(request: HttpRequest, page_to_move_id: int) -> HttpResponse:
        page = get_object_or_404(Page, id=page_to_move_id)
        if page.is_root():
            raise Http404("La page racine n'a pas de pages sœurs.")
        position = request.GET.get("position")
        if position is not None and not _POSITION.fullmatch(position):
            raise BadRequest("Position illisible.")
        return vue(request, page_to_move_id)

    return set_page_position


def _objet_lisible(vue: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @functools.wraps(vue)
    def ping(
        request: HttpRequest, app_label: str, model_name: str, object_id: str, session_id: int
    ) -> HttpResponse:
        try:
            modele = apps.get_model(app_label, model_name)
        except (LookupError, ValueError) as erreur:
            raise Http404 from erreur
        if not identifiant_lisible(modele, unquote(object_id)):
            raise Http404("Identifiant illisible.")
        return vue(request, app_label, model_name, object_id, session_id)

    return ping


def _motif(motifs: list[Any], nom: str) -> URLPattern:
    return next(m for m in motifs if isinstance(m, URLPattern) and m.name == nom)


def installer() -> None:
    """Appelé une fois au démarrage (``PortailConfig.ready``) ; sans effet s'il est rappelé."""
    position = _motif(pages.urlpatterns, "set_page_position")
    poser(position, "callback", _position_lisible(position.callback))
    session = _motif(editing_sessions.urlpatterns, "ping")
    poser(session, "callback", _objet_lisible(session.callback))
    filtres = PagesAdminAPIViewSet.filter_backends
    if filtres[-1] is not SearchFilter:
        PagesAdminAPIViewSet.filter_backends = [f for f in filtres if f is not SearchFilter] + [
            SearchFilter
        ]
    if not any(
        isinstance(champ, index.FilterField) and champ.field_name == "numchild"
        for champ in Page.search_fields
    ):
        Page.search_fields = [*Page.search_fields, index.FilterField("numchild")]
