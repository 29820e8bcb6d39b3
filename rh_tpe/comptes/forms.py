"""Formulaires des comptes : inscription d'un chef d'entreprise, connexion, profil d'entreprise."""

import datetime

from django import forms
from django.conf import settings
from django.contrib.auth import authenticate, password_validation
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)
from django.utils.translation import gettext_lazy as _
from dsfr.forms import DsfrBaseForm
from dsfr.utils import dsfr_input_class_attr
from wagtail.admin.forms.auth import LoginForm

from rh_tpe.comptes.models import Entreprise, Utilisateur
from rh_tpe.comptes.securite import une_fois_par
from rh_tpe.comptes.validators import (
    normaliser_siret,
    valider_siret,
    valider_texte_sans_caractere_invisible,
)


def _textes_sans_caractere_invisible(formulaire: forms.BaseForm) -> None:
    # Chaque formulaire a sa copie des champs : le validateur ne s'ajoute qu'une fois par champ.
    for champ in formulaire.fields.values():
        if isinstance(champ, forms.CharField):
            champ.validators.append(valider_texte_sans_caractere_invisible)


class FormulaireDsfr(DsfrBaseForm):
    """Base des formulaires simples : rendu DSFR, erreurs reliées aux champs.

    Les champs facultatifs sont marqués « (facultatif) », comme le recommande le DSFR ; on
    le dit ici plutôt que par le réglage transitoire de django-dsfr, qui émet un avertissement.
    Aucun texte saisi ne peut contenir de caractère de contrôle.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _textes_sans_caractere_invisible(self)

    def get_context(self):
        contexte = forms.Form.get_context(self)
        contexte["DSFR_MARK_OPTIONAL_FIELDS"] = True
        return contexte

    def _rafraichir_champs(self) -> None:
        """À appeler après avoir changé un libellé ou un widget dans `__init__` : django-dsfr a
        déjà créé (et mis en cache) les champs liés avec les anciens."""
        self._bound_fields_cache.clear()
        for visible in self.visible_fields():
            dsfr_input_class_attr(visible)


class ModelFormDsfr(forms.ModelForm):
    """Même rendu que FormulaireDsfr pour un formulaire lié à un modèle."""

    template_name = DsfrBaseForm.template_name
    bound_field_class = DsfrBaseForm.bound_field_class

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _textes_sans_caractere_invisible(self)
        for visible in self.visible_fields():
            dsfr_input_class_attr(visible)

    get_context = FormulaireDsfr.get_context


class CompteForm(FormulaireDsfr):
    """Le compte du chef d'entreprise (première moitié de l'inscription)."""

    # Le navigateur peut les remplir : ce sont les nom et prénom de la personne (WCAG 1.3.5).
    first_name = forms.CharField(
        label=_("Prénom"),
        max_length=150,
        strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Nom"),
        max_length=150,
        strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    email = forms.EmailField(
        label=_("Adresse e-mail"),
        help_text=_("Elle vous sert d'identifiant. Format attendu : nom@domaine.fr"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password1 = forms.CharField(
        label=_("Mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Au moins 12 caractères, pas uniquement des chiffres, pas trop courant."),
    )
    password2 = forms.CharField(
        label=_("Confirmation du mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_email(self) -> str:
        # Une adresse déjà inscrite n'est pas refusée ici : la page dirait à n'importe qui
        # qu'elle a un compte. La vue répond pareil dans tous les cas et prévient cette
        # adresse par e-mail (services.inscription_recevoir).
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        donnees = super().clean()
        mdp1, mdp2 = donnees.get("password1"), donnees.get("password2")
        if mdp1 and mdp2 and mdp1 != mdp2:
            self.add_error("password2", _("Les deux mots de passe ne sont pas identiques."))
        elif mdp1:
            utilisateur = Utilisateur(
                email=donnees.get("email", ""),
                first_name=donnees.get("first_name", ""),
                last_name=donnees.get("last_name", ""),
            )
            try:
                password_validation.validate_password(mdp1, utilisateur)
            except forms.ValidationError as erreur:
                self.add_error("password1", erreur)
        return donnees


class EntrepriseForm(ModelFormDsfr):
    """Le profil de l'entreprise, à l'inscription puis dans « Mon entreprise »."""

    # Plus long que les 14 chiffres : on accepte « 812 345 676 00017 », recopié d'un Kbis.
    siret = forms.CharField(
        label=_("SIRET"),
        max_length=20,
        validators=[valider_siret],
        help_text=Entreprise._meta.get_field("siret").help_text,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    class Meta:
        model = Entreprise
        fields = [
            "raison_sociale",
            "siret",
            "code_naf",
            "idcc",
            "convention_collective",
            "effectif",
            "adresse",
            "code_postal",
            "commune",
        ]
        widgets = {
            "code_postal": forms.TextInput(
                attrs={"inputmode": "numeric", "autocomplete": "postal-code"}
            ),
            "adresse": forms.TextInput(attrs={"autocomplete": "street-address"}),
            "commune": forms.TextInput(attrs={"autocomplete": "address-level2"}),
            "raison_sociale": forms.TextInput(attrs={"autocomplete": "organization"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Le champ est déclaré dans le formulaire : c'est son message qui remplace celui du
        # modèle. L'adresse de l'administrateur vient des réglages.
        self.fields["siret"].error_messages["unique"] = _(
            "Une entreprise avec ce SIRET a déjà un espace. Si c'est la vôtre : connectez-vous "
            "avec le compte qui l'a créé (ou demandez un nouveau mot de passe) ; sans ce compte, "
            "demandez à l'administrateur du portail (%(email)s) de vous y rattacher."
        ) % {"email": settings.RH_TPE_EMAIL_CONTACT}

    def clean_siret(self) -> str:
        return normaliser_siret(self.cleaned_data["siret"])

    def clean_code_naf(self) -> str:
        return self.cleaned_data["code_naf"].strip().upper()


class ConnexionForm(AuthenticationForm, FormulaireDsfr):
    """Connexion par adresse e-mail."""

    error_messages = {
        "invalid_login": _(
            "Adresse e-mail ou mot de passe incorrect. Vérifiez votre saisie : le mot de passe "
            "distingue majuscules et minuscules."
        ),
        "inactive": _("Ce compte est désactivé. Contactez l'administrateur du portail."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Adresse e-mail")
        self.fields["username"].widget = forms.EmailInput(
            attrs={"autocomplete": "email", "autofocus": True}
        )
        self.fields["password"].label = _("Mot de passe")
        self._rafraichir_champs()

    def confirm_login_allowed(self, user) -> None:
        super().confirm_login_allowed(user)
        refuser_adresse_non_confirmee(user)


def refuser_adresse_non_confirmee(user) -> None:
    """Pas de session pour une inscription dont l'adresse n'est pas confirmée, quelle que soit
    la page de connexion (portail, administration Wagtail) : sinon n'importe qui ouvrirait, avec
    l'adresse d'un autre, un espace jamais confirmé. Seule une personne qui connaît le mot de
    passe du compte lit ce message."""
    if user.email_confirme_le is None:
        raise forms.ValidationError(
            _(
                "Votre adresse e-mail n'est pas encore confirmée : ouvrez le lien reçu à "
                "l'inscription, ou demandez-en un nouveau avec le lien « Recevoir un "
                "nouveau lien de confirmation » ci-dessous."
            ),
            code="email_non_confirme",
        )


class ConnexionAdministrationForm(LoginForm):
    """La connexion de l'administration Wagtail (réglage WAGTAILADMIN_USER_LOGIN_FORM) : elle
    ouvre une session valable sur tout le portail, même pour un compte sans accès à
    l'administration ; elle refuse donc, comme celle du portail, une adresse non confirmée.
    (Celle de l'administration Django n'admet que les comptes du personnel.)"""

    def confirm_login_allowed(self, user) -> None:
        super().confirm_login_allowed(user)
        refuser_adresse_non_confirmee(user)


class NouveauLienConfirmationForm(FormulaireDsfr):
    """L'adresse d'une inscription dont le lien de confirmation est perdu ou périmé."""

    email = forms.EmailField(
        label=_("Adresse e-mail de votre inscription"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )


class ConfirmationInscriptionForm(FormulaireDsfr):
    """Le mot de passe choisi à l'inscription, pour activer l'espace par le lien reçu.

    Le lien prouve la boîte e-mail, pas que l'espace a été créé par qui la lit : un tiers peut
    inscrire l'adresse d'un autre avec un mot de passe à lui, puis attendre que le vrai
    titulaire, en s'inscrivant à son tour, reçoive et suive le lien de cet espace. Sans ce mot
    de passe, l'espace s'activerait avec celui du tiers, qui y entrerait ensuite. Qui ne le
    connaît pas choisit un nouveau mot de passe par « Mot de passe oublié », ce qui active
    aussi l'espace. Vérifié par `authenticate`, comme à la connexion : les essais manqués
    comptent pour la suspension (django-axes, et par adresse)."""

    password = forms.CharField(
        label=_("Le mot de passe choisi à l'inscription"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, request, utilisateur, **kwargs):
        self.request = request
        self.utilisateur = utilisateur
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        mot_de_passe = self.cleaned_data["password"]
        reconnu = authenticate(self.request, username=self.utilisateur.email, password=mot_de_passe)
        if reconnu is None or reconnu.pk != self.utilisateur.pk:
            raise forms.ValidationError(
                _(
                    "Ce n'est pas le mot de passe choisi à la création de cet espace. Si vous "
                    "l'avez oublié, ou si vous n'avez pas créé cet espace vous-même, choisissez "
                    "un nouveau mot de passe avec le lien « Mot de passe oublié » : l'espace "
                    "sera activé avec celui-ci."
                ),
                code="password_incorrect",
            )
        return mot_de_passe


class ReinitialisationForm(PasswordResetForm, FormulaireDsfr):
    # Un lien au plus par compte sur cette durée : des demandes répétées (par un tiers qui
    # connaît l'adresse) n'inondent pas la boîte du titulaire. La page « lien envoyé » est la
    # même dans tous les cas : elle ne dit pas si un compte existe.
    INTERVALLE_ENTRE_DEUX_LIENS = datetime.timedelta(minutes=10)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("Adresse e-mail de votre compte")
        self._rafraichir_champs()

    def get_users(self, email):
        for utilisateur in super().get_users(email):
            if une_fois_par(
                f"reinitialisation-envoyee:{utilisateur.pk}", self.INTERVALLE_ENTRE_DEUX_LIENS
            ):
                yield utilisateur

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        """Le lien part par une tâche de fond, comme les autres e-mails : avec la file en base
        (obligatoire en production, `check --deploy` le vérifie), la page répond dans le même
        temps qu'un compte existe ou non. La tâche reçoit l'identifiant du compte, jamais le
        lien, qu'elle calcule elle-même (la file des tâches n'en garde pas de trace)."""
        from rh_tpe.comptes.tasks import envoyer_lien_reinitialisation

        envoyer_lien_reinitialisation.enqueue(context["user"].pk)


class NouveauMotDePasseForm(SetPasswordForm, FormulaireDsfr):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("Nouveau mot de passe")
        self.fields["new_password2"].label = _("Confirmation du nouveau mot de passe")
        self._rafraichir_champs()


class ChangementMotDePasseForm(PasswordChangeForm, FormulaireDsfr):
    """L'ancien mot de passe, puis le nouveau deux fois. L'ancien est vérifié par
    `authenticate`, comme à la connexion : les essais manqués comptent pour la suspension
    (django-axes, et par adresse), même depuis une session ouverte."""

    field_order = ["old_password", "new_password1", "new_password2"]

    def __init__(self, user, *args, request, **kwargs):
        self.request = request
        super().__init__(user, *args, **kwargs)
        self.fields["old_password"].label = _("Mot de passe actuel")
        self.fields["new_password1"].label = _("Nouveau mot de passe")
        self.fields["new_password2"].label = _("Confirmation du nouveau mot de passe")
        self._rafraichir_champs()

    def clean_old_password(self) -> str:
        ancien = self.cleaned_data["old_password"]
        if authenticate(self.request, username=self.user.email, password=ancien) is None:
            raise forms.ValidationError(
                _("Ce n'est pas le mot de passe actuel de votre compte."),
                code="password_incorrect",
            )
        return ancien


class SuppressionCompteForm(FormulaireDsfr):
    """Le mot de passe, pour confirmer la suppression de son propre compte."""

    mot_de_passe = forms.CharField(
        label=_("Votre mot de passe, pour confirmer"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, request, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)

    def clean_mot_de_passe(self) -> str:
        # Par `authenticate`, comme à la connexion : django-axes compte les essais manqués et
        # suspend le compte après la limite, même depuis une session ouverte.
        mot_de_passe = self.cleaned_data["mot_de_passe"]
        utilisateur = self.request.user
        if authenticate(self.request, username=utilisateur.email, password=mot_de_passe) is None:
            raise forms.ValidationError(
                _("Ce n'est pas le mot de passe de votre compte : rien n'est supprimé."),
                code="mot_de_passe_faux",
            )
        return mot_de_passe
