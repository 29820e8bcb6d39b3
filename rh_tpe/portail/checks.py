"""Vérification de déploiement (`manage.py check --deploy`) propre au portail."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Tags, Warning, register

IMMEDIAT = "django_tasks.backends.immediate.ImmediateBackend"


@register(Tags.security, deploy=True)
def taches_en_file_en_production(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """En production, les tâches de fond passent par la file en base : exécutées pendant la
    requête, les e-mails la ralentiraient, et le temps de réponse de « mot de passe oublié »
    dirait si une adresse a un compte."""
    if settings.TASKS["default"]["BACKEND"] != IMMEDIAT:
        return []
    return [
        Warning(
            "Les tâches de fond s'exécutent pendant la requête (TASKS_BACKEND=immediate).",
            hint="En production : TASKS_BACKEND=database et `manage.py db_worker`.",
            id="rh_tpe.W001",
        )
    ]


@register(Tags.security, deploy=True)
def adresse_de_contact_en_production(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """L'adresse de l'administrateur, en pied de page, doit être une vraie adresse."""
    if not settings.RH_TPE_EMAIL_CONTACT.endswith(".localhost"):
        return []
    return [
        Warning(
            "L'adresse de contact du portail est celle du développement.",
            hint="Réglez RH_TPE_EMAIL_CONTACT (adresse de l'administrateur du portail).",
            id="rh_tpe.W002",
        )
    ]


@register(Tags.security, deploy=True)
def adresse_du_portail_en_production(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Les liens des e-mails (mot de passe oublié, dossiers) partent de RH_TPE_URL_BASE, jamais
    de l'en-tête Host : sans ce réglage, ils mèneraient à l'adresse de développement, et un
    lien en http ferait passer le jeton de réinitialisation en clair sur le réseau."""
    if settings.WAGTAILADMIN_BASE_URL.startswith("https://"):
        return []
    return [
        Warning(
            "L'adresse du portail dans les e-mails n'est pas une adresse https "
            f"({settings.WAGTAILADMIN_BASE_URL}).",
            hint="Réglez RH_TPE_URL_BASE sur l'adresse publique du site (https://…).",
            id="rh_tpe.W003",
        )
    ]
