"""Pages du guichet. Minces : lire par un sélecteur, agir par un service, rediriger."""

from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models.functions import Substr
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rh_tpe.comptes.models import Utilisateur
from rh_tpe.dossiers import fichiers, selectors, services
from rh_tpe.dossiers.forms import (
    ClotureForm,
    DemandeForm,
    DossierForm,
    EvaluationForm,
    FiltresForm,
    MessageForm,
    NoteForm,
    PiecesForm,
    PropositionFaqForm,
    ReponseForm,
    TransfertForm,
)
from rh_tpe.dossiers.models import THEME_PAR_THEME_FAQ, Dossier, ReponseType
from rh_tpe.dossiers.pdf import reponse_ecrite_pdf
from rh_tpe.dossiers.services import ActionRefusee
from rh_tpe.modeles.models import DocumentGenere

PAR_PAGE = 25
S = Dossier.Statut


def _url_suggestions_faq() -> str | None:
    """Les suggestions de la FAQ, si la FAQ les propose (sinon le formulaire s'en passe)."""
    try:
        return reverse("faq:suggestions")
    except NoReverseMatch:
        return None


# --- Liste et création ---------------------------------------------------------------------


@login_required
@require_GET
def liste(request: HttpRequest) -> HttpResponse:
    """La file de l'organisation pour un conseiller, « Mes questions » pour une entreprise."""
    utilisateur = request.user
    if selectors.est_chef_actif(utilisateur):
        dossiers = selectors.dossiers_visibles(utilisateur).select_related("organisation")
        page = Paginator(dossiers, PAR_PAGE).get_page(request.GET.get("page"))
        return render(
            request, "dossiers/mes_dossiers.html", {"page": page, "title": _("Mes questions")}
        )
    if not selectors.est_conseiller_actif(utilisateur):
        raise PermissionDenied
    filtres = FiltresForm(request.GET or None)
    valeurs = filtres.valeurs() if request.GET else {}
    dossiers = (
        selectors.file_du_conseiller(utilisateur, transferes=valeurs.get("vue") == "transferes")
        .select_related("organisation", "conseiller")
        .defer("question", "resolution", "commentaire_evaluation")
        .annotate(extrait=Substr("question", 1, 160))
    )
    statut = valeurs.get("statut")
    dossiers = dossiers.filter(statut=statut) if statut else dossiers.exclude(statut=S.CLOS)
    if valeurs.get("theme"):
        dossiers = dossiers.filter(theme=valeurs["theme"])
    if valeurs.get("attribution") == "moi":
        dossiers = dossiers.filter(conseiller=utilisateur)
    elif valeurs.get("attribution") == "personne":
        dossiers = dossiers.filter(conseiller__isnull=True)
    aujourd_hui = timezone.localdate()
    if valeurs.get("en_retard"):
        dossiers = selectors.dossiers_en_retard(dossiers, aujourd_hui)
    if valeurs.get("q"):
        dossiers = dossiers.filter(question__icontains=valeurs["q"])
    tri = FiltresForm.TRIS.get(valeurs.get("tri") or "activite", "-derniere_activite")
    dossiers = dossiers.order_by(tri, "-pk")
    page = Paginator(dossiers, PAR_PAGE).get_page(request.GET.get("page"))
    for dossier in page:
        dossier.retard = dossier.en_retard(aujourd_hui)
    parametres = request.GET.copy()
    parametres.pop("page", None)
    return render(
        request,
        "dossiers/file.html",
        {
            "page": page,
            "filtres": filtres,
            "parametres": parametres.urlencode(),
            "title": _("File des dossiers — %(organisation)s")
            % {"organisation": utilisateur.organisation},
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def nouveau(request: HttpRequest) -> HttpResponse:
    if not selectors.est_chef_actif(request.user):
        raise PermissionDenied
    # Venu d'un article de la FAQ (« Poser la question à un conseiller ») : le thème et le
    # début de la question sont préremplis ; un identifiant inconnu est ignoré.
    article = selectors.article_faq_publie(request.GET.get("faq"), request)
    initial = {}
    if article is not None:
        initial = {
            "theme": THEME_PAR_THEME_FAQ.get(article.theme_faq, ""),
            "question": _("À propos de l'article de la FAQ « %(titre)s » : ")
            % {"titre": article.titre},
        }
    form = DossierForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        initial=initial,
        documents=DocumentGenere.objects.filter(entreprise_id=request.user.entreprise_id).only(
            "pk", "titre", "cree_le"
        ),
    )
    trop_de_questions = False
    if request.method == "POST" and form.is_valid():
        trop_de_questions = services.question_de_trop(request.user)
    if request.method == "POST" and form.is_valid() and not trop_de_questions:
        donnees = form.cleaned_data
        dossier = services.dossier_creer(
            auteur=request.user,
            theme=donnees["theme"],
            question=donnees["question"],
            type_contrat=donnees["type_contrat"],
            date_debut_contrat=donnees["date_debut_contrat"],
            date_fin_contrat=donnees["date_fin_contrat"],
            document=donnees.get("document"),
            pieces=donnees["pieces"],
        )
        messages.success(
            request,
            _("Question enregistrée (dossier n° %(numero)s) : %(organisation)s y répondra.")
            % {"numero": dossier.pk, "organisation": dossier.organisation},
        )
        return redirect("dossiers:detail", pk=dossier.pk)
    return render(
        request,
        "dossiers/nouveau.html",
        {
            "form": form,
            "entreprise": request.user.entreprise,
            "url_suggestions": _url_suggestions_faq(),
            "article_faq": article,
            "trop_de_questions": trop_de_questions,
            "message_trop_de_questions": services.message_trop_de_questions(),
            "title": _("Poser une question"),
        },
        status=429 if trop_de_questions else 200,
    )


# --- Le dossier ----------------------------------------------------------------------------


def _formulaires(request: HttpRequest, dossier: Dossier) -> dict:
    """Les formulaires que la personne peut utiliser sur ce dossier, dans son état."""
    utilisateur = request.user
    ouvert = not dossier.est_clos
    forms: dict = {}
    if selectors.est_chef_actif(utilisateur):
        if ouvert:
            forms["message_form"] = MessageForm(prefix="message")
            forms["pieces_form"] = PiecesForm(prefix="pieces")
        elif dossier.note is None:
            forms["evaluation_form"] = EvaluationForm(prefix="evaluation")
        return forms
    forms["note_form"] = NoteForm(prefix="note")
    if dossier.propose_faq_le is None:
        reponse = selectors.derniere_reponse_publique(dossier)
        if reponse is not None:
            forms["faq_form"] = PropositionFaqForm(
                prefix="faq",
                dossier=dossier,
                initial={"question": dossier.question, "reponse": reponse.texte},
            )
    mien = dossier.conseiller_id == utilisateur.pk and dossier.organisation_id == (
        utilisateur.organisation_id
    )
    if mien and ouvert:
        initial = {}
        choisie = request.GET.get("reponse_type", "")
        # Des chiffres ASCII seulement : « ² » passe isdigit() mais pas int() (erreur 500).
        if re.fullmatch(r"[0-9]{1,12}", choisie):
            modele = ReponseType.objects.filter(
                pk=int(choisie), organisation_id=utilisateur.organisation_id
            ).first()
            if modele is not None:
                initial["texte"] = modele.remplir(dossier)
        forms["reponse_form"] = ReponseForm(prefix="reponse", initial=initial)
        if dossier.statut != S.ATTENTE:
            forms["demande_form"] = DemandeForm(prefix="demande")
        forms["transfert_form"] = TransfertForm(prefix="transfert")
        forms["cloture_form"] = ClotureForm(prefix="cloture")
    return forms


def _url_document(dossier: Dossier) -> str | None:
    """Le lien de téléchargement du document généré joint, si le module des modèles le sert."""
    if dossier.document is None:
        return None
    try:
        return reverse("modeles:telecharger", args=[dossier.document.uuid, "pdf"])
    except NoReverseMatch:
        return None


def _url_brouillon_faq(utilisateur: Utilisateur, article_pk: int | None) -> str | None:
    """Le brouillon proposé pour la FAQ, dans l'administration Wagtail : seulement pour qui peut
    l'ouvrir. Un conseiller sans accès à l'administration (CCI) n'y trouverait que l'écran de
    connexion."""
    if article_pk is None or not utilisateur.has_perm("wagtailadmin.access_admin"):
        return None
    return reverse("wagtailadmin_pages:edit", args=[article_pk])


def _page(request: HttpRequest, dossier: Dossier, statut: int = 200, **lies) -> HttpResponse:
    utilisateur = request.user
    conseiller = selectors.est_conseiller_actif(utilisateur)
    contexte = {
        "dossier": dossier,
        "fil": list(selectors.messages_visibles(utilisateur, dossier)),
        "pieces": [p for p in selectors.pieces_visibles(utilisateur, dossier) if not p.message_id],
        "est_conseiller": conseiller,
        "dans_ma_file": conseiller and dossier.organisation_id == utilisateur.organisation_id,
        "peut_rouvrir": services.peut_rouvrir(dossier),
        "en_retard": dossier.en_retard(),
        "url_document": _url_document(dossier),
        "url_article_faq": (
            _url_brouillon_faq(utilisateur, dossier.article_faq_id) if conseiller else None
        ),
        "title": _("Dossier n° %(numero)s") % {"numero": dossier.pk},
        **_formulaires(request, dossier),
        **lies,
    }
    if contexte.get("reponse_form") is not None:
        contexte["reponses_types"] = list(
            ReponseType.objects.filter(organisation_id=utilisateur.organisation_id).only(
                "pk", "titre"
            )
        )
    return render(request, "dossiers/detail.html", contexte, status=statut)


@login_required
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, selectors.dossier_visible(request.user, pk))


def _agir(request, pk, *, formulaire=None, prefixe="", nom_formulaire="", action, succes):
    """Le schéma commun des actions : formulaire valide → service → redirection ; sinon la page
    du dossier avec le formulaire rempli et ses erreurs (rien de ce qui est saisi n'est perdu)."""
    dossier = selectors.dossier_visible(request.user, pk)
    form = None
    if formulaire is not None:
        form = formulaire(request.POST, request.FILES, prefix=prefixe)
        if not form.is_valid():
            return _page(request, dossier, statut=400, **{nom_formulaire: form})
    try:
        action(dossier, form.cleaned_data if form is not None else {})
    except ActionRefusee as refus:
        messages.error(request, str(refus))
        if form is not None:
            return _page(request, dossier, statut=409, **{nom_formulaire: form})
        return redirect("dossiers:detail", pk=dossier.pk)
    if succes:
        messages.success(request, succes)
    return redirect("dossiers:detail", pk=dossier.pk)


@login_required
@require_POST
def prendre(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = selectors.dossier_visible(request.user, pk)
    if services.dossier_prendre(dossier=dossier, conseiller=request.user):
        messages.success(request, _("Vous avez pris le dossier."))
    else:
        messages.error(
            request,
            _("Le dossier a déjà été pris par %(nom)s.")
            % {"nom": dossier.conseiller or _("un autre conseiller")},
        )
    return redirect("dossiers:detail", pk=pk)


@login_required
@require_POST
def ecrire(request: HttpRequest, pk: int) -> HttpResponse:
    """Le chef d'entreprise écrit ; le conseiller qui suit le dossier répond."""
    u = request.user
    if selectors.est_chef_actif(u):
        return _agir(
            request,
            pk,
            formulaire=MessageForm,
            prefixe="message",
            nom_formulaire="message_form",
            action=lambda d, c: services.message_entreprise_envoyer(
                dossier=d, auteur=u, texte=c["texte"], pieces=c["pieces"]
            ),
            succes=_("Votre message est envoyé."),
        )
    return _agir(
        request,
        pk,
        formulaire=ReponseForm,
        prefixe="reponse",
        nom_formulaire="reponse_form",
        action=lambda d, c: services.reponse_envoyer(
            dossier=d, conseiller=u, texte=c["texte"], pieces=c["pieces"]
        ),
        succes=_("La réponse est envoyée à l'entreprise."),
    )


@login_required
@require_POST
def noter(request: HttpRequest, pk: int) -> HttpResponse:
    u = request.user
    return _agir(
        request,
        pk,
        formulaire=NoteForm,
        prefixe="note",
        nom_formulaire="note_form",
        action=lambda d, c: services.note_ecrire(dossier=d, conseiller=u, texte=c["texte"]),
        succes=_("La note interne est enregistrée."),
    )


@login_required
@require_POST
def demander(request: HttpRequest, pk: int) -> HttpResponse:
    u = request.user
    return _agir(
        request,
        pk,
        formulaire=DemandeForm,
        prefixe="demande",
        nom_formulaire="demande_form",
        action=lambda d, c: services.informations_demander(
            dossier=d, conseiller=u, texte=c["texte"]
        ),
        succes=_("La demande est envoyée ; le dossier attend la réponse de l'entreprise."),
    )


@login_required
@require_POST
def transferer(request: HttpRequest, pk: int) -> HttpResponse:
    u = request.user
    return _agir(
        request,
        pk,
        formulaire=TransfertForm,
        prefixe="transfert",
        nom_formulaire="transfert_form",
        action=lambda d, c: services.dossier_transferer(dossier=d, conseiller=u, motif=c["motif"]),
        succes=_("Le dossier est transféré ; il reste dans votre historique."),
    )


@login_required
@require_POST
def clore(request: HttpRequest, pk: int) -> HttpResponse:
    u = request.user
    if selectors.est_chef_actif(u):
        return _agir(
            request,
            pk,
            action=lambda d, c: services.dossier_clore_par_entreprise(dossier=d, auteur=u),
            succes=_("Votre dossier est clos. Vous pouvez le rouvrir pendant %(jours)s jours.")
            % {"jours": services.DELAI_REOUVERTURE.days},
        )
    return _agir(
        request,
        pk,
        formulaire=ClotureForm,
        prefixe="cloture",
        nom_formulaire="cloture_form",
        action=lambda d, c: services.dossier_clore(
            dossier=d, conseiller=u, resolution=c["resolution"]
        ),
        succes=_("Le dossier est clos."),
    )


@login_required
@require_POST
def rouvrir(request: HttpRequest, pk: int) -> HttpResponse:
    u = request.user
    return _agir(
        request,
        pk,
        action=lambda d, c: services.dossier_rouvrir(dossier=d, auteur=u),
        succes=_("Le dossier est rouvert."),
    )


@login_required
@require_POST
def evaluer(request: HttpRequest, pk: int) -> HttpResponse:
    u = request.user
    return _agir(
        request,
        pk,
        formulaire=EvaluationForm,
        prefixe="evaluation",
        nom_formulaire="evaluation_form",
        action=lambda d, c: services.dossier_evaluer(
            dossier=d, auteur=u, note=c["note"], commentaire=c["commentaire"]
        ),
        succes=_("Merci pour votre évaluation."),
    )


@login_required
@require_POST
def joindre(request: HttpRequest, pk: int) -> HttpResponse:
    u = request.user
    return _agir(
        request,
        pk,
        formulaire=PiecesForm,
        prefixe="pieces",
        nom_formulaire="pieces_form",
        action=lambda d, c: services.pieces_ajouter(dossier=d, par=u, pieces=c["pieces"]),
        succes=_("Les fichiers sont ajoutés au dossier."),
    )


@login_required
@require_POST
def proposer_faq(request: HttpRequest, pk: int) -> HttpResponse:
    """Un conseiller qui voit le dossier en fait un brouillon d'article de la FAQ."""
    dossier = selectors.dossier_visible(request.user, pk)
    if not selectors.est_conseiller_actif(request.user):
        raise PermissionDenied
    form = PropositionFaqForm(request.POST, prefix="faq", dossier=dossier)
    if not form.is_valid():
        return _page(request, dossier, statut=400, faq_form=form)
    try:
        article = services.dossier_proposer_pour_faq(
            dossier=dossier,
            conseiller=request.user,
            question_reformulee=form.cleaned_data["question"],
            reponse=form.cleaned_data["reponse"],
        )
    except ActionRefusee as refus:
        messages.error(request, str(refus))
        return redirect("dossiers:detail", pk=dossier.pk)
    url = _url_brouillon_faq(request.user, article.pk)
    if url:
        succes = format_html(
            _(
                "Le brouillon « {titre} » attend un éditeur de la FAQ, qui le relira avant "
                'publication : <a href="{url}">ouvrir le brouillon dans l\'administration</a>.'
            ),
            titre=article.title,
            url=url,
        )
    else:
        succes = format_html(
            _(
                "Le brouillon « {titre} » attend un éditeur de la FAQ, qui le relira avant "
                "publication."
            ),
            titre=article.title,
        )
    messages.success(request, succes)
    return redirect("dossiers:detail", pk=dossier.pk)


# --- Fichiers ------------------------------------------------------------------------------


@login_required
@require_GET
def piece(request: HttpRequest, pk: int, piece_pk: int) -> FileResponse:
    """Le seul chemin vers une pièce jointe : la même règle que la page du dossier."""
    dossier = selectors.dossier_visible(request.user, pk)
    piece = selectors.pieces_visibles(request.user, dossier).filter(pk=piece_pk).first()
    if piece is None:
        raise Http404
    reponse = FileResponse(
        piece.fichier.open("rb"),
        as_attachment=True,
        # Les pièces enregistrées avant que le nom ne prenne l'extension reconnue.
        filename=fichiers.nom_sur(piece.nom, piece.extension),
        content_type=piece.type_mime,
    )
    reponse["Cache-Control"] = "private, no-store"
    return reponse


@login_required
@require_GET
def reponse_ecrite(request: HttpRequest, pk: int, message_pk: int) -> HttpResponse:
    dossier = selectors.dossier_visible(request.user, pk)
    message = selectors.messages_visibles(request.user, dossier).filter(pk=message_pk).first()
    if message is None or not message.est_reponse_ecrite:
        raise Http404
    nom, mime, contenu = reponse_ecrite_pdf(dossier, message)
    reponse = HttpResponse(contenu, content_type=mime)
    reponse["Content-Disposition"] = f'attachment; filename="{nom}"'
    reponse["Cache-Control"] = "private, no-store"
    return reponse


# --- Statistiques --------------------------------------------------------------------------


@login_required
@require_GET
def statistiques(request: HttpRequest) -> HttpResponse:
    if not selectors.est_conseiller_actif(request.user):
        raise PermissionDenied
    stats = selectors.statistiques_organisation(request.user.organisation)
    return render(
        request,
        "dossiers/statistiques.html",
        {
            "stats": stats,
            "title": _("Statistiques — %(organisation)s")
            % {"organisation": request.user.organisation},
        },
    )
