"""Vues publiques de la FAQ : recherche, suggestions (JSON), avis d'un lecteur."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from rh_tpe.comptes.securite import adresse_du_client, limite_depassee
from rh_tpe.faq.forms import AvisForm, RechercheForm
from rh_tpe.faq.models import FaqArticlePage, FaqIndexPage
from rh_tpe.faq.selectors import rechercher
from rh_tpe.faq.services import avis_enregistrer, visiteur_identifiant

RESULTATS_PAR_PAGE = 10
SUGGESTIONS_MAX = 5


@require_GET
def recherche(request: HttpRequest) -> HttpResponse:
    formulaire = RechercheForm(request.GET or None)
    question = formulaire.question() if request.GET else ""
    resultats, suite, numero = [], False, 1
    if question:
        numero = request.GET.get("page", "1")
        # Au plus 3 chiffres décimaux : « ² » ou 10 000 chiffres ne doivent pas lever d'erreur.
        numero = int(numero) if len(numero) <= 3 and numero.isdecimal() and int(numero) else 1
        resultats, suite = rechercher(
            question, limite=RESULTATS_PAR_PAGE, decalage=(numero - 1) * RESULTATS_PAR_PAGE
        )
    index = FaqIndexPage.objects.live().first()
    return TemplateResponse(
        request,
        "faq/recherche.html",
        {
            "formulaire": formulaire,
            "question": question,
            "resultats": resultats,
            "numero": numero,
            "precedente": numero - 1 if numero > 1 else None,
            "suivante": numero + 1 if suite else None,
            "premier": (numero - 1) * RESULTATS_PAR_PAGE + 1,
            "dernier": (numero - 1) * RESULTATS_PAR_PAGE + len(resultats),
            "index": index,
            "index_liste": [index] if index else [],
            "title": _("Rechercher dans la FAQ"),
        },
    )


@require_GET
def suggestions(request: HttpRequest) -> JsonResponse:
    """Les meilleurs articles pour un texte (le formulaire de dossier les propose)."""
    question = RechercheForm(request.GET).question()
    resultats, _suite = rechercher(question, limite=SUGGESTIONS_MAX) if question else ([], False)
    return JsonResponse(
        [
            {"titre": r.titre, "url": r.url, "theme": r.theme, "extrait": r.extrait_texte}
            for r in resultats
        ],
        safe=False,
    )


# Un avis par article et par session ; au-delà de ce nombre par adresse IP et par jour, des
# avis envoyés sans cookie (donc sans session) fausseraient les statistiques des éditeurs.
AVIS_PAR_ADRESSE = 50
AVIS_FENETRE = datetime.timedelta(days=1)


def avis_recevoir(request: HttpRequest, article: FaqArticlePage) -> HttpResponse:
    """Le POST du formulaire « Cette réponse vous a-t-elle aidé ? » (appelé par la page)."""
    formulaire = AvisForm(request.POST)
    if not formulaire.is_valid():
        contexte = article.get_context(request)
        contexte["avis_form"] = formulaire
        return TemplateResponse(request, article.get_template(request), contexte, status=400)
    if limite_depassee(
        f"avis:{adresse_du_client(request)}", limite=AVIS_PAR_ADRESSE, fenetre=AVIS_FENETRE
    ):
        messages.info(
            request,
            _(
                "Merci : beaucoup d'avis viennent d'être donnés depuis votre connexion Internet, "
                "le vôtre n'a pas été ajouté. Vous pourrez en donner d'autres demain."
            ),
        )
        return redirect(f"{article.url}#avis")
    enregistre = avis_enregistrer(
        article=article,
        visiteur=visiteur_identifiant(request, creer=True),
        utile=formulaire.cleaned_data["utile"],
        commentaire=formulaire.cleaned_data["commentaire"],
    )
    if enregistre:
        messages.success(request, _("Merci, votre avis aide les éditeurs à améliorer la réponse."))
    else:
        messages.info(request, _("Vous avez déjà donné votre avis sur cet article : merci."))
    return redirect(f"{article.url}#avis")
