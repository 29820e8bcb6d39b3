"""Ce que toutes les pages du portail affichent : le nom de l'opérateur, la navigation."""

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Les pages obligatoires d'un site public, créées par la migration initiale du portail.
PAGES_OBLIGATOIRES = [
    ("mentions-legales", gettext_lazy("Mentions légales")),
    ("donnees-personnelles", gettext_lazy("Données personnelles")),
    ("accessibilite", gettext_lazy("Accessibilité : non conforme")),
]


def _navigation(request: HttpRequest) -> list[dict[str, object]]:
    """Seules les rubriques qui fonctionnent apparaissent dans la navigation."""
    rubriques = [{"libelle": _("Accueil"), "url": "/"}, {"libelle": _("FAQ"), "url": "/faq/"}]
    # Une requête refusée avant l'authentification (nom de site hors de ALLOWED_HOSTS) n'a pas
    # d'utilisateur : la page 400 s'affiche quand même, au lieu d'une erreur 500.
    utilisateur = getattr(request, "user", None)
    if utilisateur is not None and utilisateur.is_authenticated:
        rubriques.append({"libelle": _("Mon espace"), "url": reverse("comptes:mon_espace")})
        if utilisateur.est_chef_entreprise:
            rubriques.append({"libelle": _("Embaucher"), "url": reverse("embauche:accueil")})
            rubriques.append({"libelle": _("Mes questions"), "url": reverse("dossiers:liste")})
        elif utilisateur.est_conseiller:
            rubriques.append({"libelle": _("Dossiers"), "url": reverse("dossiers:liste")})
    for rubrique in rubriques:
        url = str(rubrique["url"])
        rubrique["actif"] = request.path == url if url == "/" else request.path.startswith(url)
    return rubriques


def portail(request: HttpRequest) -> dict[str, object]:
    return {
        "OPERATEUR": settings.RH_TPE_OPERATEUR,
        "EMAIL_CONTACT": settings.RH_TPE_EMAIL_CONTACT,
        "NOM_SERVICE": settings.RH_TPE_NOM_SERVICE,
        "DEVISE_SERVICE": settings.RH_TPE_DEVISE_SERVICE,
        "NAVIGATION": _navigation(request),
        "PAGES_OBLIGATOIRES": [
            {"url": f"/{slug}/", "libelle": libelle} for slug, libelle in PAGES_OBLIGATOIRES
        ],
    }
