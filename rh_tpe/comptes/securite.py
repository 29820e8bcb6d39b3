"""L'adresse IP du visiteur, pour la suspension des connexions après des essais en série.

Derrière N mandataires inverses qui ajoutent chacun l'adresse de leur interlocuteur à la fin de
X-Forwarded-For (nginx : ``proxy_add_x_forwarded_for``), l'adresse du visiteur est la N-ième en
partant de la fin ; ce qui précède a pu être écrit par le visiteur lui-même et n'est jamais lu.
(django-ipware compte autrement : les mandataires *cités* dans l'en-tête, un écart de un qui,
mal réglé, laisse choisir l'adresse au visiteur.)
"""

from __future__ import annotations

from django.conf import settings
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
