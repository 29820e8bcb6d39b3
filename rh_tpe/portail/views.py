from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _


def accueil_apres_deconnexion(request: HttpRequest) -> HttpResponse:
    """Après la déconnexion, retour à l'accueil avec un message qui le confirme."""
    messages.info(request, _("Vous êtes déconnecté. À bientôt !"))
    return redirect("/")
