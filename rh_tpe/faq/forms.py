"""Formulaires publics de la FAQ : la recherche et l'avis d'un lecteur."""

from django import forms
from django.utils.translation import gettext_lazy as _

from rh_tpe.comptes.forms import FormulaireDsfr
from rh_tpe.faq.recherche import LONGUEUR_MAX_QUESTION


class RechercheForm(FormulaireDsfr):
    q = forms.CharField(
        label=_("Votre question"),
        required=False,
        help_text=_("Par exemple : période d'essai CDD, heures supplémentaires, préavis."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )

    def question(self) -> str:
        if not self.is_valid():
            return ""
        return self.cleaned_data["q"][:LONGUEUR_MAX_QUESTION].strip()


class AvisForm(FormulaireDsfr):
    utile = forms.TypedChoiceField(
        label=_("Votre avis"),
        choices=[("oui", _("Oui")), ("non", _("Non"))],
        coerce=lambda valeur: valeur == "oui",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choisissez « Oui » ou « Non ».")},
    )
    commentaire = forms.CharField(
        label=_("Commentaire"),
        required=False,
        max_length=1000,
        help_text=_(
            "Ce qui manque ou ce qui n'est pas clair (1 000 caractères au plus). "
            "N'indiquez pas de données personnelles."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
