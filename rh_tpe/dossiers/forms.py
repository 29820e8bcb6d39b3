"""Formulaires du guichet, rendus par le DSFR (erreurs reliées aux champs)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from rh_tpe.comptes.forms import FormulaireDsfr
from rh_tpe.dossiers import fichiers
from rh_tpe.dossiers.models import Dossier, Theme, TypeContrat
from rh_tpe.dossiers.services import donnees_personnelles, message_donnees_personnelles
from rh_tpe.modeles.models import DocumentGenere

LONGUEUR_MAX = 10_000
PIECES_MAX = 5

# Pourquoi une pièce jointe est refusée (fichiers.Examen.refus), et comment en joindre une copie
# acceptée.
REFUS = {
    "pdf_protege": _(
        "« %(nom)s » est protégé par un mot de passe : le conseiller ne pourrait pas l'ouvrir. "
        "Enregistrez-en une copie sans mot de passe puis joignez-la."
    ),
    "pdf_illisible": _(
        "« %(nom)s » est un PDF endommagé ou incomplet. Ouvrez-le, choisissez « Imprimer » puis "
        "« Enregistrer au format PDF », et joignez la copie obtenue."
    ),
    "pdf_actif": _(
        "« %(nom)s » contient du code (JavaScript), un fichier incorporé ou une action qui ouvre "
        "un autre fichier ou une adresse sans qu'on clique, refusés par sécurité. C'est souvent "
        "le cas d'un formulaire PDF à remplir (Cerfa) : ouvrez-le, choisissez « Imprimer » puis "
        "« Enregistrer au format PDF », et joignez la copie obtenue."
    ),
    "macros": _(
        "« %(nom)s » contient des macros ou renvoie vers un modèle ou un objet extérieur, refusés "
        "par sécurité, comme un objet incorporé qu'un autre programme ouvrirait (OLE, ActiveX) : "
        "enregistrez-le comme document simple (DOCX ou ODT sans macros, ou PDF) puis "
        "joignez-le à nouveau."
    ),
    "format": _(
        "« %(nom)s » n'est pas un PDF, un DOCX, un ODT, un JPEG ou un PNG (le contenu du fichier "
        "a été vérifié, pas seulement son nom)."
    ),
}


class _SelectionMultiple(forms.ClearableFileInput):
    """Le composant « ajout de fichier » du DSFR (django-dsfr laisse le champ sans classe, dans
    un groupe de saisie de texte) : à 320 px de large, le champ tient dans la page."""

    allow_multiple_selected = True
    group_class = "fr-upload-group"

    def __init__(self, attrs=None):
        super().__init__({"class": "fr-upload", **(attrs or {})})


class PiecesField(forms.FileField):
    """Plusieurs fichiers, chacun contrôlé par son contenu (pas par son nom) et sa taille."""

    widget = _SelectionMultiple

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Pièces jointes"))
        kwargs.setdefault(
            "help_text",
            _(
                "PDF, DOCX, ODT, JPEG ou PNG, sans macros ni mot de passe ; %(taille)s Mo au plus "
                "par fichier, %(nombre)s fichiers au plus. Ne joignez que ce qui est utile à la "
                "réponse."
            )
            % {"taille": fichiers.TAILLE_MAX_MO, "nombre": PIECES_MAX},
        )
        super().__init__(*args, **kwargs)
        self.widget.attrs.update({"accept": ".pdf,.docx,.odt,.jpg,.jpeg,.png", "multiple": True})

    def clean(self, data, initial=None):
        if not data:
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return []
        televerses = data if isinstance(data, list | tuple) else [data]
        if len(televerses) > PIECES_MAX:
            raise forms.ValidationError(
                _("Joignez %(nombre)s fichiers au plus.") % {"nombre": PIECES_MAX},
                code="trop_de_fichiers",
            )
        erreurs = []
        for fichier in televerses:
            fichier = super().clean(fichier, initial)
            if fichier.size > fichiers.TAILLE_MAX:
                erreurs.append(
                    forms.ValidationError(
                        _("« %(nom)s » dépasse %(taille)s Mo."),
                        params={"nom": fichier.name, "taille": fichiers.TAILLE_MAX_MO},
                        code="taille",
                    )
                )
                continue
            refus = fichiers.examen_de(fichier).refus  # lu une fois, repris à l'enregistrement
            if refus:
                erreurs.append(
                    forms.ValidationError(REFUS[refus], params={"nom": fichier.name}, code=refus)
                )
        if erreurs:
            raise forms.ValidationError(erreurs)
        return televerses


def _texte(label, aide="", requis=True, lignes=6) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=aide,
        required=requis,
        max_length=LONGUEUR_MAX,
        widget=forms.Textarea(attrs={"rows": lignes}),
    )


class DossierForm(FormulaireDsfr):
    theme = forms.ChoiceField(
        label=_("Thème"),
        choices=[("", _("Choisissez un thème"))] + list(Theme.choices),
    )
    question = _texte(
        _("Votre question"),
        _(
            "Décrivez la situation sans donner le nom du salarié ni son numéro de sécurité "
            "sociale : la convention collective et l'effectif de votre entreprise sont joints "
            "automatiquement."
        ),
        lignes=8,
    )
    type_contrat = forms.ChoiceField(
        label=_("Type de contrat du salarié concerné"),
        choices=[("", _("Sans objet ou non précisé"))] + list(TypeContrat.choices),
        required=False,
    )
    date_debut_contrat = forms.DateField(
        label=_("Début du contrat"),
        help_text=_("Format attendu : JJ/MM/AAAA"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_fin_contrat = forms.DateField(
        label=_("Fin du contrat (ou date envisagée)"),
        help_text=_("Format attendu : JJ/MM/AAAA"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    document = forms.ModelChoiceField(
        label=_("Un de vos documents générés est concerné"),
        queryset=DocumentGenere.objects.none(),
        required=False,
        empty_label=_("Aucun"),
    )
    pieces = PiecesField()

    def __init__(self, *args, documents=None, **kwargs):
        super().__init__(*args, **kwargs)
        if documents is not None and documents.exists():
            self.fields["document"].queryset = documents
        else:
            del self.fields["document"]
        self.fields["date_debut_contrat"].input_formats = ["%Y-%m-%d", "%d/%m/%Y"]
        self.fields["date_fin_contrat"].input_formats = ["%Y-%m-%d", "%d/%m/%Y"]

    def clean(self):
        donnees = super().clean()
        debut, fin = donnees.get("date_debut_contrat"), donnees.get("date_fin_contrat")
        if debut and fin and fin < debut:
            self.add_error(
                "date_fin_contrat", _("La fin du contrat précède son début : vérifiez les dates.")
            )
        return donnees


class MessageForm(FormulaireDsfr):
    texte = _texte(_("Votre message"))
    pieces = PiecesField()


class ReponseForm(FormulaireDsfr):
    texte = _texte(
        _("Réponse à l'entreprise"),
        _("Envoyée, une réponse ne se modifie plus : une correction est un nouveau message."),
        lignes=10,
    )
    pieces = PiecesField()


class NoteForm(FormulaireDsfr):
    texte = _texte(
        _("Note interne"),
        _("Lue par les conseillers de la CCI et de la DREETS, jamais par l'entreprise."),
        lignes=4,
    )


class DemandeForm(FormulaireDsfr):
    texte = _texte(
        _("Informations demandées à l'entreprise"),
        _("Le dossier attend la réponse de l'entreprise ; le délai de réponse est suspendu."),
        lignes=4,
    )


class TransfertForm(FormulaireDsfr):
    motif = _texte(
        _("Motif du transfert"),
        _("Lu par les conseillers des deux organisations."),
        lignes=3,
    )


class ClotureForm(FormulaireDsfr):
    resolution = _texte(
        _("Résolution"),
        _("Ce que l'entreprise retient ; elle la lit dans son dossier."),
        lignes=3,
    )


class PropositionFaqForm(FormulaireDsfr):
    """« Proposer pour la FAQ » : la question reformulée et la réponse, sans donnée personnelle.

    Le formulaire refuse, champ par champ, ce qui identifie l'entreprise ou son dirigeant ; le
    texte saisi reste dans le champ pour être corrigé."""

    question = forms.CharField(
        label=_("Question, reformulée pour la FAQ"),
        help_text=_(
            "Elle devient le titre de l'article (255 caractères au plus), posée comme un chef "
            "d'entreprise la pose. Retirez toute donnée personnelle : noms, entreprise, dates "
            "ou détails qui permettraient de reconnaître quelqu'un."
        ),
        max_length=255,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    reponse = _texte(
        _("Réponse"),
        _(
            "Reprise de la dernière réponse à l'entreprise. Retirez les noms, la raison sociale, "
            "le SIRET, les dates et tout détail qui identifie quelqu'un ; un éditeur relira "
            "l'article avant sa publication."
        ),
        lignes=10,
    )

    def __init__(self, *args, dossier: Dossier, **kwargs):
        super().__init__(*args, **kwargs)
        self.dossier = dossier

    def _sans_donnees_personnelles(self, nom: str) -> str:
        texte = self.cleaned_data[nom]
        trouvees = donnees_personnelles(dossier=self.dossier, texte=texte)
        if trouvees:
            raise forms.ValidationError(
                message_donnees_personnelles(trouvees), code="donnees_personnelles"
            )
        return texte

    def clean_question(self) -> str:
        return self._sans_donnees_personnelles("question")

    def clean_reponse(self) -> str:
        return self._sans_donnees_personnelles("reponse")


class PiecesForm(FormulaireDsfr):
    pieces = PiecesField(required=True, label=_("Ajouter des fichiers"))


class EvaluationForm(FormulaireDsfr):
    note = forms.TypedChoiceField(
        label=_("Votre note"),
        help_text=_("De 1 (pas du tout utile) à 5 (tout à fait utile)."),
        choices=[(str(n), str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
    )
    commentaire = _texte(_("Commentaire"), requis=False, lignes=3)


class FiltresForm(FormulaireDsfr):
    """Les filtres de la file ; une valeur inconnue est ignorée, jamais une erreur 500."""

    TRIS = {
        "activite": "-derniere_activite",
        "activite_asc": "derniere_activite",
        "creation": "-cree_le",
        "creation_asc": "cree_le",
        "echeance": "echeance",
    }

    vue = forms.ChoiceField(
        label=_("Dossiers"),
        required=False,
        choices=[
            ("", _("Dans la file de mon organisation")),
            ("transferes", _("Transférés par mon organisation à l'autre")),
        ],
    )
    q = forms.CharField(label=_("Rechercher dans les questions"), required=False, max_length=200)
    statut = forms.ChoiceField(
        label=_("Statut"),
        required=False,
        choices=[("", _("Tous les statuts"))] + list(Dossier.Statut.choices),
    )
    theme = forms.ChoiceField(
        label=_("Thème"), required=False, choices=[("", _("Tous les thèmes"))] + list(Theme.choices)
    )
    attribution = forms.ChoiceField(
        label=_("Attribution"),
        required=False,
        choices=[
            ("", _("Tous")),
            ("moi", _("Attribués à moi")),
            ("personne", _("Non attribués")),
        ],
    )
    en_retard = forms.BooleanField(label=_("En retard seulement"), required=False)
    tri = forms.ChoiceField(
        label=_("Trier par"),
        required=False,
        choices=[
            ("activite", _("Dernière activité, récente d'abord")),
            ("activite_asc", _("Dernière activité, ancienne d'abord")),
            ("creation", _("Date de la question, récente d'abord")),
            ("creation_asc", _("Date de la question, ancienne d'abord")),
            ("echeance", _("Échéance de première réponse")),
        ],
    )

    def valeurs(self) -> dict:
        """Les filtres valides seulement (les autres sont ignorés)."""
        self.is_valid()
        return {
            nom: self.cleaned_data[nom]
            for nom in self.fields
            if nom in getattr(self, "cleaned_data", {})
        }
