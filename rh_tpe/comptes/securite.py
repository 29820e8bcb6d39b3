"""Limites contre les envois en série : l'adresse IP du visiteur (suspension des connexions,
inscriptions, avis de la FAQ) et un compteur par fenêtre de temps.

Derrière N mandataires inverses qui ajoutent chacun l'adresse de leur interlocuteur à la fin de
X-Forwarded-For (nginx : ``proxy_add_x_forwarded_for``), l'adresse du visiteur est la N-ième en
partant de la fin ; ce qui précède a pu être écrit par le visiteur lui-même et n'est jamais lu.
(django-ipware compte autrement : les mandataires *cités* dans l'en-tête, un écart de un qui,
mal réglé, laisse choisir l'adresse au visiteur.)
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def adresse_du_client(request: HttpRequest) -> str | None:
    mandataires = settings.RH_TPE_MANDATAIRES
    adresse_directe = request.META.get("REMOTE_ADDR")
    if mandataires <= 0:
        return adresse_directe
    transmises = [
        adresse.strip()
        for adresse in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if adresse.strip()
    ]
    if len(transmises) < mandataires:
        return adresse_directe
    return transmises[-mandataires]


def limite_depassee(cle: str, *, limite: int, fenetre: datetime.timedelta) -> bool:
    """Compte une action de plus pour `cle` ; vrai quand la `limite` de la fenêtre (qui commence
    à la première action) est dépassée. Le compte vit dans le cache : en production, avec
    plusieurs processus, il faut un cache partagé (REDIS_URL)."""
    secondes = int(fenetre.total_seconds())
    cache.add(cle, 0, timeout=secondes)
    try:
        nombre = cache.incr(cle)
    except ValueError:  # la fenêtre a expiré entre les deux appels
        cache.add(cle, 1, timeout=secondes)
        nombre = 1
    return nombre > limite
