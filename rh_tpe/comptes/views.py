"""Pages des comptes : inscription, connexion, mot de passe, « Mon espace »."""

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from rh_tpe import droit
from rh_tpe.comptes import services, visibilite
from rh_tpe.comptes.forms import (
    ChangementMotDePasseForm,
    CompteForm,
    ConfirmationInscriptionForm,
    ConnexionForm,
    EntrepriseForm,
    NouveauLienConfirmationForm,
    NouveauMotDePasseForm,
    ReinitialisationForm,
    SuppressionCompteForm,
)
from rh_tpe.comptes.securite import adresse_du_client, limite_depassee

# Des créations d'espaces en série depuis une même adresse (robots, comptes jetables pour
# inonder le guichet) ; assez large pour un atelier de la CCI derrière une seule connexion.
INSCRIPTIONS_PAR_ADRESSE = 20
FENETRE_INSCRIPTIONS = datetime.timedelta(hours=1)
# L'adresse saisie, pour la rappeler sur la page « Consultez vos e-mails ».
SESSION_EMAIL_INSCRIPTION = "inscription_email"


@require_http_methods(["GET", "POST"])
def inscription(request: HttpRequest) -> HttpResponse:
    """Un chef d'entreprise crée son compte et le profil de son entreprise en une fois, puis
    confirme son adresse par le lien reçu par e-mail.

    La réponse est la même qu'un compte existe déjà avec l'adresse saisie ou non
    (`services.inscription_recevoir`) : la page ne permet pas de savoir qui a un compte.
    """
    if request.user.is_authenticated:
        return redirect("comptes:mon_espace")
    compte_form = CompteForm(request.POST if request.method == "POST" else None, prefix="compte")
    entreprise_form = EntrepriseForm(
        request.POST if request.method == "POST" else None, prefix="entreprise"
    )
    trop_d_inscriptions = False
    if request.method == "POST":
        compte_valide = compte_form.is_valid()
        entreprise_valide = entreprise_form.is_valid()
        if compte_valide and entreprise_valide:
            trop_d_inscriptions = limite_depassee(
                f"inscriptions:{adresse_du_client(request)}",
                limite=INSCRIPTIONS_PAR_ADRESSE,
                fenetre=FENETRE_INSCRIPTIONS,
            )
        if compte_valide and entreprise_valide and not trop_d_inscriptions:
            email = compte_form.cleaned_data["email"]
            services.inscription_recevoir(
                compte={
                    "email": email,
                    "password": compte_form.cleaned_data["password1"],
                    "first_name": compte_form.cleaned_data["first_name"],
                    "last_name": compte_form.cleaned_data["last_name"],
                },
                entreprise=entreprise_form.cleaned_data,
            )
            request.session[SESSION_EMAIL_INSCRIPTION] = email
            return redirect("comptes:inscription_envoyee")
    return render(
        request,
        "comptes/inscription.html",
        {
            "compte_form": compte_form,
            "entreprise_form": entreprise_form,
            "trop_d_inscriptions": trop_d_inscriptions,
            "fenetre_minutes": int(FENETRE_INSCRIPTIONS.total_seconds() // 60),
            "title": _("Créer l'espace de mon entreprise"),
        },
        status=429 if trop_d_inscriptions else 200,
    )


@require_http_methods(["GET"])
def inscription_envoyee(request: HttpRequest) -> HttpResponse:
    """« Consultez vos e-mails » : la même page après toute inscription ou demande de lien."""
    return render(
        request,
        "comptes/inscription_envoyee.html",
        {
            "email": request.session.get(SESSION_EMAIL_INSCRIPTION, ""),
            "validite_jours": services.VALIDITE_LIEN_CONFIRMATION.days,
            "title": _("Consultez vos e-mails"),
        },
    )


@require_http_methods(["GET", "POST"])
def inscription_confirmer(request: HttpRequest, jeton: str) -> HttpResponse:
    """Le lien reçu par e-mail. L'ouvrir affiche un formulaire ; c'est son envoi (POST) qui
    confirme l'adresse et ouvre la session : les logiciels de messagerie qui ouvrent les liens
    pour les analyser ne confirment rien et n'ouvrent de session pour personne. Le formulaire
    demande le mot de passe choisi à l'inscription (voir `ConfirmationInscriptionForm`)."""
    utilisateur = services.compte_du_jeton(jeton)
    if utilisateur is None:
        return render(
            request,
            "comptes/inscription_confirmer.html",
            {"lien_valable": False, "title": _("Ce lien n'est plus valable")},
            status=404,
        )
    if utilisateur.email_confirme_le is not None:
        messages.info(
            request,
            _(
                "Votre adresse e-mail est déjà confirmée : connectez-vous pour accéder à votre "
                "espace."
            ),
        )
        return redirect("comptes:connexion")
    form = ConfirmationInscriptionForm(
        request.POST if request.method == "POST" else None,
        request=request,
        utilisateur=utilisateur,
    )
    if request.method == "POST" and form.is_valid():
        services.email_confirmer(utilisateur=utilisateur)
        if request.user.is_authenticated:
            logout(request)
        login(request, utilisateur, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request,
            _("Bienvenue %(prenom)s : l'espace de %(entreprise)s est prêt.")
            % {"prenom": utilisateur.first_name, "entreprise": utilisateur.entreprise},
        )
        return redirect("comptes:mon_espace")
    return render(
        request,
        "comptes/inscription_confirmer.html",
        {
            "lien_valable": True,
            "form": form,
            # Par son SIRET, comme dans l'e-mail : la raison sociale est un texte libre, écrit
            # par qui a fait l'inscription, peut-être pas par qui ouvre le lien.
            "siret": utilisateur.entreprise.siret_lisible,
            "title": _("Activer l'espace de votre entreprise"),
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def inscription_nouveau_lien(request: HttpRequest) -> HttpResponse:
    """Un nouveau lien de confirmation ; la page suivante est la même, que l'adresse soit celle
    d'une inscription à confirmer ou non."""
    form = NouveauLienConfirmationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.lien_confirmation_redemander(email=form.cleaned_data["email"])
        request.session[SESSION_EMAIL_INSCRIPTION] = form.cleaned_data["email"]
        return redirect("comptes:inscription_envoyee")
    return render(
        request,
        "comptes/inscription_nouveau_lien.html",
        {"form": form, "title": _("Recevoir un nouveau lien de confirmation")},
    )


class Connexion(auth_views.LoginView):
    template_name = "comptes/connexion.html"
    authentication_form = ConnexionForm
    redirect_authenticated_user = True
    extra_context = {"title": _("Se connecter")}


def connexion_suspendue(
    request: HttpRequest, reponse_initiale: object = None, identifiants: object = None
) -> HttpResponse:
    """La page montrée par django-axes après trop d'échecs de connexion (code 429)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "comptes/connexion_suspendue.html",
        {
            "title": _("Connexion suspendue"),
            "minutes": minutes,
            "par_adresse": getattr(request, "suspension_par_adresse", False),
        },
        status=429,
    )


class Deconnexion(auth_views.LogoutView):
    pass


def _validite_du_lien() -> dict[str, int]:
    """La durée de validité d'un lien de réinitialisation, tirée du réglage qui la fixe."""
    return {"validite_heures": settings.PASSWORD_RESET_TIMEOUT // 3600}


class MotDePasseOublie(auth_views.PasswordResetView):
    template_name = "comptes/mot_de_passe_oublie.html"
    # L'e-mail est écrit par services.lien_reinitialisation_envoyer, dans une tâche de fond.
    form_class = ReinitialisationForm
    success_url = reverse_lazy("comptes:mot_de_passe_envoye")
    extra_context = {"title": _("Mot de passe oublié")}


class MotDePasseEnvoye(auth_views.PasswordResetDoneView):
    template_name = "comptes/mot_de_passe_envoye.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "title": _("Consultez vos e-mails"),
            **_validite_du_lien(),
        }


class NouveauMotDePasse(auth_views.PasswordResetConfirmView):
    template_name = "comptes/nouveau_mot_de_passe.html"
    form_class = NouveauMotDePasseForm
    success_url = reverse_lazy("comptes:mot_de_passe_change")

    def form_valid(self, form):
        # Le lien est arrivé dans cette boîte : l'adresse d'une inscription non confirmée
        # l'est désormais, et la personne peut se connecter avec son nouveau mot de passe.
        reponse = super().form_valid(form)
        services.email_confirmer(utilisateur=form.user)
        return reponse

    def get_context_data(self, **kwargs):
        contexte = super().get_context_data(**kwargs)
        return {**contexte, "title": _("Choisir un nouveau mot de passe"), **_validite_du_lien()}


class MotDePasseChange(auth_views.PasswordResetCompleteView):
    template_name = "comptes/mot_de_passe_change.html"
    extra_context = {"title": _("Mot de passe modifié")}


class ModifierMotDePasse(auth_views.PasswordChangeView):
    """Toute personne connectée change son mot de passe ; ses autres sessions sont fermées
    (Django change l'empreinte de session) et un e-mail l'en avertit."""

    template_name = "comptes/modifier_mot_de_passe.html"
    form_class = ChangementMotDePasseForm
    success_url = reverse_lazy("comptes:mon_espace")
    extra_context = {"title": _("Modifier mon mot de passe")}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def form_valid(self, form):
        from rh_tpe.comptes.tasks import envoyer_avis_mot_de_passe_modifie

        reponse = super().form_valid(form)
        envoyer_avis_mot_de_passe_modifie.enqueue(self.request.user.pk)
        messages.success(
            self.request,
            _(
                "Votre nouveau mot de passe est enregistré. Les sessions ouvertes sur vos "
                "autres appareils sont fermées."
            ),
        )
        return reponse


@login_required
def mon_espace(request: HttpRequest) -> HttpResponse:
    """Ce que la personne connectée peut faire, selon son rôle."""
    return render(
        request,
        "comptes/mon_espace.html",
        {
            "title": _("Mon espace"),
            "entreprise": request.user.entreprise if request.user.est_chef_entreprise else None,
            "acces_admin_wagtail": visibilite.peut_acceder_admin_wagtail(request.user),
            "compte_inactif": droit.regle("conservation.compte.inactif"),
            "preavis_jours": services.PREAVIS_SUPPRESSION.days,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def mon_entreprise(request: HttpRequest) -> HttpResponse:
    """Le chef d'entreprise corrige le profil de son entreprise."""
    entreprise = request.user.entreprise
    if entreprise is None or not visibilite.peut_modifier_entreprise(request.user, entreprise):
        raise PermissionDenied
    form = EntrepriseForm(request.POST if request.method == "POST" else None, instance=entreprise)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Le profil de l'entreprise est enregistré."))
        return redirect("comptes:mon_espace")
    return render(
        request,
        "comptes/mon_entreprise.html",
        {"form": form, "entreprise": entreprise, "title": _("Mon entreprise")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def supprimer_mon_compte(request: HttpRequest) -> HttpResponse:
    """Le chef d'entreprise supprime son compte (droit à l'effacement) ; le compte d'un
    conseiller ou d'un éditeur est géré par l'administrateur de son organisation."""
    utilisateur = request.user
    if not utilisateur.est_chef_entreprise or utilisateur.is_superuser:
        raise PermissionDenied
    form = SuppressionCompteForm(
        request.POST if request.method == "POST" else None, request=request
    )
    if request.method == "POST" and form.is_valid():
        services.compte_vider(compte=utilisateur)
        logout(request)
        messages.success(
            request,
            _(
                "Votre compte est supprimé : votre nom, votre adresse e-mail et votre mot de "
                "passe sont effacés."
            ),
        )
        return redirect("/")
    return render(
        request,
        "comptes/supprimer_mon_compte.html",
        {
            "form": form,
            "entreprise": utilisateur.entreprise,
            "regle_registre": droit.regle("conservation.registre.apres_depart"),
            "title": _("Supprimer mon compte"),
        },
        status=400 if form.errors else 200,
    )
