"""Middlewares du portail : une requête plus lourde que ce que le portail accepte est refusée
avant d'être lue ; une adresse des administrations qui porte un caractère nul est refusée ; une
page vue en compte ne reste pas dans le cache du navigateur ; l'adresse de retour (« next ») de
l'administration Wagtail est une adresse ou n'est pas."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _


def _administration(request: HttpRequest) -> bool:
    """Les éditeurs téléversent dans Wagtail des documents sans limite du portail."""
    return request.path.startswith(("/admin/", "/django-admin/")) and bool(
        request.user.is_authenticated and request.user.has_perm("wagtailadmin.access_admin")
    )


# Au-delà, une adresse n'est pas celle d'une page du portail : une recherche de 100 000 caractères
# dans une liste de l'administration dépassait la longueur des motifs LIKE de SQLite (50 000
# octets, erreur 500). 16 Ko de paramètres font au plus 32 Ko de motif (« _ » échappé en « \_ »).
ADRESSE_MAX = 16 * 1024


class TailleDeRequeteLimitee:
    """Sans cette limite, Django recevait tout un envoi (même anonyme, même de 1 Go) dans un
    fichier temporaire avant que le formulaire ne compare chaque pièce à ses 10 Mo. Le serveur
    mandataire de production doit porter la même limite (README). Une adresse trop longue
    (paramètres de recherche, filtres) est refusée de même (414)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if len(request.META.get("QUERY_STRING", "")) > ADRESSE_MAX:
            return render(
                request,
                "portail/adresse_trop_longue.html",
                {"title": _("Adresse trop longue"), "ko": ADRESSE_MAX // 1024},
                status=414,
            )
        try:
            taille = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            taille = 0
        limite = settings.RH_TPE_TAILLE_REQUETE_MAX
        if taille > limite and not _administration(request):
            return render(
                request,
                "portail/requete_trop_lourde.html",
                {"title": _("Envoi trop lourd"), "mo": limite // (1024 * 1024)},
                status=413,
            )
        return self.get_response(request)


class AdresseSansCaractereNul:
    """Un caractère nul (« %00 ») n'a sa place dans aucun paramètre d'adresse des
    administrations. Leurs listes, filtres et fenêtres de choix passent leurs paramètres à la
    base : PostgreSQL refuse un caractère nul dans un texte (DataError), d'où des erreurs 500
    (filtre « ?tag= » du choix d'image, complétion des étiquettes « ?term= », recherche de page
    de l'API « ?html_path= »…). Refusé ici, une fois, avec la page 400 du portail. Les pages
    publiques (recherche de la FAQ) traitent elles-mêmes ce caractère."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(("/admin/", "/django-admin/")):
            return self.get_response(request)
        for cle, valeurs in request.GET.lists():
            if "\x00" in cle or any("\x00" in valeur for valeur in valeurs):
                return render(request, "400.html", status=400)
        return self.get_response(request)


class PagesDuCompteNonConservees:
    """Une page servie à un compte connecté (dossiers, embauches, documents) n'est pas gardée par
    le navigateur : après la déconnexion sur un poste partagé (atelier de la CCI, ordinateur de
    l'entreprise), le bouton « Précédent » ne la réaffiche pas. Une réponse qui règle elle-même
    son cache (téléchargements, administration) garde son réglage."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        reponse = self.get_response(request)
        utilisateur = getattr(request, "user", None)
        if (
            utilisateur is not None
            and utilisateur.is_authenticated
            and not reponse.has_header("Cache-Control")
        ):
            add_never_cache_headers(reponse)
        return reponse


def _adresse(valeur: str) -> bool:
    """Une adresse, comme l'administration en écrit : un chemin, ou une adresse complète."""
    return valeur.startswith(("/", "http://", "https://"))


class AdresseDeRetourLisible:
    """Après une suppression, une dépublication, un verrouillage…, Wagtail renvoie vers l'adresse
    « next » reçue. Il vérifie qu'elle reste sur le site, mais la passe à ``redirect()`` de Django,
    qui prend « abc » ou « 99999 » pour un nom de vue : NoReverseMatch, erreur 500 une fois
    l'action faite. Une valeur qui n'est pas une adresse est retirée de la requête, et Wagtail
    renvoie là où il renvoie sans « next » (la liste des pages, le plus souvent)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/admin/"):
            if not _adresse(request.GET.get("next", "/")):
                request.GET = request.GET.copy()
                del request.GET["next"]
            # Lu de toute façon par la vérification CSRF, qui passe avant.
            if request.method == "POST" and not _adresse(request.POST.get("next", "/")):
                envoi = request.POST.copy()
                del envoi["next"]
                request.POST = envoi
        return self.get_response(request)
