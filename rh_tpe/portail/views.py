from django.contrib import messages
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseServerError,
)
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.translation import gettext as _


def accueil_apres_deconnexion(request: HttpRequest) -> HttpResponse:
    """Après la déconnexion, retour à l'accueil avec un message qui le confirme."""
    messages.info(request, _("Vous êtes déconnecté. À bientôt !"))
    return redirect("/")


_PAGE_500_MINIMALE = (
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">'
    "<title>Erreur du serveur — RH TPE</title></head><body><main>"
    "<h1>Erreur du serveur</h1><p>Le portail a rencontré un problème. "
    'Réessayez dans quelques minutes.</p><p><a href="/">Retour à l\'accueil</a></p>'
    "</main></body></html>"
)


def erreur_serveur(request: HttpRequest) -> HttpResponse:
    """La page 500 dans le gabarit du portail (en-tête, navigation du compte). Si le gabarit
    lui-même échoue (base indisponible…), la page 500 minimale de Django prend le relais."""
    try:
        return render(request, "500.html", status=500)
    except Exception:  # une page d'erreur ne doit jamais en lever une autre
        return HttpResponseServerError(_PAGE_500_MINIMALE, content_type="text/html; charset=utf-8")


def echec_csrf(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Jeton CSRF absent ou périmé (session expirée, cookies refusés) : une page en français
    qui dit quoi faire, au lieu de la page anglaise de Django. La raison technique (``reason``)
    n'est pas montrée : elle n'aide pas la personne et renseignerait un attaquant."""
    return render(request, "403_csrf.html", status=403)


def favicon(request: HttpRequest) -> HttpResponse:
    """/favicon.ico, que les navigateurs demandent d'office (pages des administrations) :
    l'icône Marianne du DSFR, au lieu d'un 404 signalé dans la console."""
    return HttpResponsePermanentRedirect(static("dsfr/dist/favicon/favicon.ico"))
