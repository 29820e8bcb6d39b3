"""La fiche d'un workflow dans l'administration Wagtail : la liste des pages qui le suivent.

Wagtail lit le numéro de page de cette liste (``?p=``) par ``int()`` puis ``Paginator.page()`` :
« abc », « 4.2 », un numéro vide, négatif ou au-delà de la dernière page levaient ValueError ou
EmptyPage, soit une erreur 500 à l'ouverture de la fiche. Ici, comme dans les autres listes de
Wagtail, un numéro illisible affiche la première page, un numéro trop grand la dernière.
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from wagtail.admin.views.workflows import Edit
from wagtail.models import Page

from rh_tpe.portail.correctifs import poser


def _pages_du_workflow(self: Edit) -> Any:
    pages = Page.objects.filter(workflowpage__workflow=self.get_object())
    pages.paginator = Paginator(pages, self.MAX_PAGES)
    return pages.paginator.get_page(self.request.GET.get("p"))


def installer() -> None:
    """Appelé une fois au démarrage (``PortailConfig.ready``) ; sans effet s'il est rappelé."""
    poser(Edit, "get_paginated_pages", _pages_du_workflow)
