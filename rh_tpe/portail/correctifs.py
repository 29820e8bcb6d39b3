"""Poser un correctif sur une classe de Wagtail, de Django ou de django-modelcluster (ou sur un
motif d'adresse de Wagtail, pour envelopper sa vue).

Les modules du portail qui en posent (``choisisseurs``, ``actions_groupees``,
``administration_django``, ``blocs``, ``explorateur``, ``formulaires_enfants``, ``mediatheque``,
``redirections``, ``workflows``)
corrigent chacun une erreur 500 sur une saisie illisible ou trafiquée, décrite dans sa docstring
et couverte par un test qui échoue sans lui. Ils sont installés au démarrage par
``PortailConfig.ready``. À chaque mise à jour de Wagtail : relancer ces tests, et retirer le
correctif que la nouvelle version rend inutile.
"""

from __future__ import annotations

from typing import Any


def poser(classe: Any, nom: str, nouvelle: Any) -> None:
    """``classe.nom = nouvelle``, une seule fois par processus : sans effet si un correctif y est
    déjà posé. ``nouvelle`` peut être une fonction, un ``classmethod`` ou un ``staticmethod``."""
    if getattr(getattr(classe, nom), "correctif_rh_tpe", False):
        return
    getattr(nouvelle, "__func__", nouvelle).correctif_rh_tpe = True
    setattr(classe, nom, nouvelle)
