"""La fiche d'un workflow dans l'administration Wagtail.

La liste des pages qui le suivent : Wagtail lit son numéro de page (``?p=``) par ``int()`` puis
``Paginator.page()`` : « abc », « 4.2 », un numéro vide, négatif ou au-delà de la dernière page
levaient ValueError ou EmptyPage, soit une erreur 500 à l'ouverture de la fiche. Ici, comme dans
les autres listes de Wagtail, un numéro illisible affiche la première page, un numéro trop grand
la dernière.

L'enregistrement : une tâche déjà dans le workflow, renvoyée comme nouvelle (identifiant ou
nombre de tâches existantes retiré de l'envoi), violait l'unicité (workflow, tâche) de la base :
IntegrityError, erreur 500. L'enregistrement, déjà dans une transaction, est annulé, et la fiche
est réaffichée avec ce qui a été saisi et un message.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.core.paginator import Paginator
from django.db import IntegrityError
from django.http import HttpResponse
from django.utils.translation import gettext as _
from wagtail.admin.views.workflows import Edit
from wagtail.models import Page

from rh_tpe.portail.correctifs import poser


def _pages_du_workflow(self: Edit) -> Any:
    pages = Page.objects.filter(workflowpage__workflow=self.get_object())
    pages.paginator = Paginator(pages, self.MAX_PAGES)
    return pages.paginator.get_page(self.request.GET.get("p"))


def _sans_tache_en_double(
    form_valid: Callable[[Edit, Any], HttpResponse],
) -> Callable[[Edit, Any], HttpResponse]:
    @functools.wraps(form_valid)
    def enregistrer(self: Edit, form: Any) -> HttpResponse:
        try:
            return form_valid(self, form)
        except IntegrityError:
            form.add_error(
                None,
                _("Une tâche ou une page figure deux fois dans ce workflow : retirez le doublon."),
            )
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)

    return enregistrer


def installer() -> None:
    """Appelé une fois au démarrage (``PortailConfig.ready``) ; sans effet s'il est rappelé."""
    poser(Edit, "get_paginated_pages", _pages_du_workflow)
    poser(Edit, "form_valid", _sans_tache_en_double(Edit.form_valid))
