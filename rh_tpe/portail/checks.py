"""Vérification de déploiement (`manage.py check --deploy`) propre au portail."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Info, Tags, Warning, register
from django.utils import timezone

from rh_tpe import droit

IMMEDIAT = "django_tasks.backends.immediate.ImmediateBackend"
# Combien de jours avant la fin d'un barème le signaler : le SMIC du 1er janvier est publié
# mi-décembre ; l'annonce commence assez tôt pour qu'on guette le décret.
DELAI_BAREMES_JOURS = 45


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


@dataclass(frozen=True)
class BaremeAProlonger:
    """Ce qu'on annonce d'un barème qui s'arrête bientôt (vérification et accueil de
    l'administration)."""

    libelle: str
    fin: datetime.date
    jours: int  # négatif : la série est déjà finie
    fichier: str

    @property
    def inconnu_depuis(self) -> datetime.date:
        return self.fin + datetime.timedelta(days=1)


def baremes_a_annoncer() -> list[BaremeAProlonger]:
    """Les barèmes qui s'arrêtent dans moins de `DELAI_BAREMES_JOURS` jours, ou déjà finis."""
    aujourd_hui = timezone.localdate()
    return [
        BaremeAProlonger(
            libelle=droit.bareme(version.bareme).libelle,
            fin=version.fin,
            jours=(version.fin - aujourd_hui).days,
            fichier=f"rh_tpe/droit/baremes/{version.bareme}.toml",
        )
        for version in droit.baremes_a_prolonger(aujourd_hui, delai_jours=DELAI_BAREMES_JOURS)
    ]


def _echeance(jours: int) -> str:
    return f"dans {jours} jours" if jours >= 0 else f"depuis {-jours} jours"


@register(deploy=True)
def baremes_a_prolonger(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Un barème (SMIC, minimum garanti, PMSS) qui s'arrête bientôt : au-delà, les embauches
    sont refusées et la FAQ affiche « (valeur légale à vérifier) ». Une information, pas un
    avertissement : elle ne doit pas bloquer un déploiement tant que le décret n'est pas paru.
    Avec `check --deploy` seulement (pas à chaque commande de développement) ; l'accueil de
    l'administration Wagtail l'affiche chaque jour."""
    return [
        Info(
            f"Le barème « {bareme.libelle} » s'arrête le {bareme.fin:%d/%m/%Y} "
            f"({_echeance(bareme.jours)}).",
            hint=f"Ajoutez la valeur suivante dans {bareme.fichier}.",
            id="rh_tpe.I001",
        )
        for bareme in baremes_a_annoncer()
    ]
