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
import ipaddress

from axes.models import AccessAttempt
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
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
    visiteur = transmises[-mandataires]
    try:
        ipaddress.ip_address(visiteur)
    except ValueError:
        # Pas une adresse : un mandataire de moins que réglé, et le visiteur a écrit cette
        # valeur. Enregistrée par django-axes dans une colonne d'adresses IP, elle faisait
        # échouer l'écriture sur PostgreSQL ; l'adresse du mandataire la remplace.
        return adresse_directe
    return visiteur


def identifiant_du_client(request: HttpRequest, credentials: dict | None = None) -> str | None:
    """L'identifiant saisi, tel que django-axes le compte et l'enregistre (AXES_USERNAME_CALLABLE).

    Comme la lecture par défaut d'axes (les identifiants passés à ``authenticate``, sinon le
    formulaire), mais coupé à la longueur de la colonne : un identifiant de 300 caractères,
    envoyé exprès, faisait échouer l'écriture de l'échec sur PostgreSQL (DataError, erreur 500
    à la connexion du portail et de l'administration Django ; celle de Wagtail borne déjà le
    champ). axes coupe déjà ainsi le navigateur et le chemin.
    """
    source = credentials if credentials else getattr(request, "data", request.POST)
    identifiant = source.get(settings.AXES_USERNAME_FORM_FIELD)
    if isinstance(identifiant, str):
        return identifiant[: AccessAttempt._meta.get_field("username").max_length]
    return identifiant


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


def une_fois_par(cle: str, delai: datetime.timedelta) -> bool:
    """Vrai la première fois pour `cle` sur `delai` (qui commence alors), faux ensuite : un
    e-mail au plus par compte sur ce délai, quel que soit le nombre de demandes."""
    return cache.add(cle, True, timeout=int(delai.total_seconds()))


# Essais d'un même mot de passe sur beaucoup de comptes depuis une même adresse (« password
# spraying ») : django-axes ne compte les échecs que par compte et adresse. Au-delà de ce
# nombre d'échecs depuis une adresse, tous comptes confondus, les connexions depuis cette
# adresse sont suspendues pour la durée de suspension d'axes (la fenêtre commence au premier
# échec). Assez large pour un atelier de la CCI derrière une seule connexion, où chacun se
# trompe une ou deux fois.
ECHECS_PAR_ADRESSE = 30


def _cle_echecs(request: HttpRequest) -> str:
    return f"echecs-connexion:{adresse_du_client(request)}"


def compter_echec_de_connexion(
    sender: object, credentials: object = None, request: HttpRequest | None = None, **kwargs: object
) -> None:
    """Reçoit ``user_login_failed`` (portail, administrations Wagtail et Django)."""
    if request is not None:
        limite_depassee(
            _cle_echecs(request), limite=ECHECS_PAR_ADRESSE, fenetre=settings.AXES_COOLOFF_TIME
        )


class LimiteParAdresseBackend:
    """Premier des moteurs d'authentification : refuse tout essai depuis une adresse qui a
    dépassé ``ECHECS_PAR_ADRESSE``, même avec le bon mot de passe. Le drapeau
    ``axes_locked_out`` fait afficher par le middleware d'axes la page « Connexion suspendue »
    (code 429), comme une suspension par compte."""

    def authenticate(self, request: HttpRequest | None, **identifiants: object) -> None:
        if request is not None and cache.get(_cle_echecs(request), 0) >= ECHECS_PAR_ADRESSE:
            request.axes_locked_out = True  # type: ignore[attr-defined]
            request.suspension_par_adresse = True  # type: ignore[attr-defined]
            raise PermissionDenied
        return None

    # Pas de ``get_user`` : ce moteur n'ouvre jamais de session ; sans cette méthode, Django
    # (``force_login``, ``login``) ne le prend pas pour celui des sessions ouvertes.
