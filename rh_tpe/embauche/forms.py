"""Les étapes du parcours d'embauche : un formulaire par étape, chacun vérifié par `rh_tpe.droit`.

Chaque formulaire reçoit `contexte`, les réponses déjà validées des étapes précédentes (date de
naissance, date de début, type de contrat…), parce qu'une règle dépend souvent d'une autre
étape : l'âge change les durées maximales et le salaire minimum, la durée du CDD change l'essai.

Un refus est une erreur du champ concerné qui nomme la règle et son article : le message et
l'article viennent du moteur du droit, jamais d'ici ; les chiffres légaux des libellés aussi.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from rh_tpe import droit
from rh_tpe.comptes.forms import EntrepriseForm, FormulaireDsfr
from rh_tpe.dossiers.forms import LONGUEUR_MAX as LONGUEUR_MAX_QUESTION
from rh_tpe.droit.outils import ajouter_mois, arrondir_euros
from rh_tpe.embauche.models import Salarie
from rh_tpe.modeles.catalogue import type_document

JOURS = (
    ("lundi", _("Lundi")),
    ("mardi", _("Mardi")),
    ("mercredi", _("Mercredi")),
    ("jeudi", _("Jeudi")),
    ("vendredi", _("Vendredi")),
    ("samedi", _("Samedi")),
    ("dimanche", _("Dimanche")),
)

CATEGORIES = (
    ("ouvrier", _("Ouvrier")),
    ("employe", _("Employé")),
    ("technicien", _("Technicien")),
    ("agent_de_maitrise", _("Agent de maîtrise")),
    ("cadre", _("Cadre")),
)
# Les catégories du parcours et leurs groupes dans le contrat (les mêmes que L1221-19).
CATEGORIE_CONTRAT = {
    "ouvrier": "ouvrier_employe",
    "employe": "ouvrier_employe",
    "technicien": "agent_de_maitrise_technicien",
    "agent_de_maitrise": "agent_de_maitrise_technicien",
    "cadre": "cadre",
}

UNITES = (("jours", _("jours")), ("semaines", _("semaines")), ("mois", _("mois")))


class MessageRefus(str):
    """Le texte d'un refus légal, qui garde son article : la vue du parcours y pose le lien vers
    l'article de la FAQ qui explique la règle (`lien_faq`), que `ErreursEtape` affiche."""

    article: str
    lien_faq: tuple[str, str] | None = None

    def __new__(cls, texte: str, article: str) -> MessageRefus:
        message = super().__new__(cls, texte)
        message.article = article
        return message


def refus(verification_ou_erreur: droit.Verification | droit.ErreurDroit) -> MessageRefus:
    """Le message d'un refus, avec son article."""
    article = verification_ou_erreur.article
    return MessageRefus(
        _("%(message)s (article %(article)s)")
        % {"message": verification_ou_erreur.message, "article": article},
        article,
    )


def smic_pas_encore_connu(erreur: droit.ErreurHorsBareme) -> MessageRefus:
    """Un premier jour de travail après le dernier SMIC connu : le chef d'entreprise n'y peut
    rien, on lui dit pourquoi et quoi faire (le message du moteur s'adresse à qui tient les
    barèmes)."""
    article = droit.regle("paiement.smic.revalorisation_annuelle").article
    return MessageRefus(
        _(
            "Le portail ne connaît pas encore le SMIC en vigueur le %(date)s : il est revalorisé "
            "chaque année par décret (article %(article)s), et celui de cette date n'est pas "
            "encore enregistré. Sans lui, le salaire du contrat ne peut pas être vérifié. "
            "Choisissez un premier jour de travail au plus tard le %(derniere)s, ou revenez "
            "quand le nouveau SMIC sera publié."
        )
        % {
            "date": date_format(erreur.le, "j F Y"),
            "article": article,
            "derniere": date_format(erreur.derniere_date, "j F Y"),
        },
        article,
    )


class ErreursEtape(ErrorList):
    """Les erreurs d'un champ, dans le conteneur relié au champ par `aria-describedby` : sous
    un refus légal, « En savoir plus : » et l'article de la FAQ sur cette règle, s'il existe."""

    template_name = template_name_ul = "embauche/_erreurs.html"

    def get_context(self) -> dict[str, Any]:
        contexte = super().get_context()
        erreurs = []
        for index, erreur in enumerate(self.data):
            message = erreur.message if isinstance(erreur, ValidationError) else erreur
            lien = getattr(message, "lien_faq", None)
            erreurs.append((self[index], {"titre": lien[0], "url": lien[1]} if lien else None))
        contexte["erreurs"] = erreurs
        return contexte


def age_le(naissance: datetime.date, jour: datetime.date) -> int:
    return droit.age_le(naissance=naissance, le=jour)


def choix_du_contrat(nom: str, code: str = "cdd") -> list[tuple[str, str]]:
    """Les choix déclarés par le type de document (ce que le contrat sait écrire)."""
    return list(type_document(code).questions[nom].choix.items())


def fin_pour_essai(contexte: dict[str, Any]) -> datetime.date | None:
    """Dernier jour prévu d'un CDD ; à terme imprécis, celui de sa durée minimale (L1242-10)."""
    if contexte.get("terme") == "precis":
        return contexte.get("date_fin")
    minimum = contexte.get("duree_minimale")
    debut = contexte.get("date_debut")
    if not minimum or not debut:
        return None
    duree = droit.Duree(*minimum)
    jours = duree.en_jours()
    if jours is not None:
        return debut + datetime.timedelta(days=jours - 1)
    return ajouter_mois(debut, duree.valeur) - datetime.timedelta(days=1)


def heures_semaine(contexte: dict[str, Any]) -> Decimal:
    if contexte.get("temps_de_travail") == "partiel" and contexte.get("heures_hebdomadaires"):
        return Decimal(contexte["heures_hebdomadaires"])
    return droit.duree_legale_hebdomadaire()


def _date(**attrs: Any) -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date", **attrs}, format="%Y-%m-%d")


class ChampDate(forms.DateField):
    """Une date du parcours, entre 1900 et 2100 : au-delà, ce n'est pas une embauche réelle, et
    les calculs du droit (fin d'un CDD renouvelé, délais) sortiraient du calendrier de Python
    (an 9999) : une erreur de saisie, pas une erreur serveur."""

    PREMIERE = datetime.date(1900, 1, 1)
    DERNIERE = datetime.date(2100, 12, 31)

    def validate(self, value: datetime.date | None) -> None:
        super().validate(value)
        if value is not None and not self.PREMIERE <= value <= self.DERNIERE:
            raise forms.ValidationError(
                _("Saisissez une date entre le 1er janvier 1900 et le 31 décembre 2100."),
                code="hors_limites",
            )


class EtapeForm(FormulaireDsfr):
    """Une étape : reçoit les réponses des étapes précédentes."""

    def __init__(self, *args: Any, contexte: dict[str, Any] | None = None, **kwargs: Any) -> None:
        self.contexte = contexte or {}
        kwargs.setdefault("error_class", ErreursEtape)
        super().__init__(*args, **kwargs)

    def refuser_si_invalide(self, champ: str, verification: droit.Verification) -> None:
        """Un refus du droit, affiché sous le champ avec son article."""
        if not verification:
            self.add_error(champ, refus(verification))

    @property
    def age(self) -> int | None:
        naissance, debut = self.contexte.get("date_naissance"), self.contexte.get("date_debut")
        if naissance and debut:
            return age_le(naissance, debut)
        return None

    @property
    def est_cdd(self) -> bool:
        return self.contexte.get("type_contrat") == "cdd"

    def exiger(self, donnees: dict[str, Any], *noms: str) -> None:
        for nom in noms:
            # Un champ déjà refusé (choix inventé, nombre mal formé) garde son seul message.
            if donnees.get(nom) in (None, "") and nom not in self.errors:
                self.add_error(nom, _("Champ requis pour ce choix."))


# --- 1. L'entreprise -----------------------------------------------------------------------------


class EntrepriseEtapeForm(EntrepriseForm):
    """Le profil de l'entreprise (corrigé ici, il est mis à jour à la fin du parcours) et ce que
    le contrat doit citer : signataire, caisses de retraite et de prévoyance, mutuelle, DPAE."""

    representant = forms.CharField(
        label=_("Nom de la personne qui signe pour l'entreprise"), max_length=150
    )
    representant_qualite = forms.CharField(
        label=_("Sa qualité dans l'entreprise"),
        max_length=100,
        help_text=_("Par exemple : gérante, président, cheffe d'entreprise."),
    )
    caisse_retraite = forms.CharField(
        label=_("Caisse de retraite complémentaire (nom et adresse)"),
        max_length=255,
        help_text=_("Elle figure sur vos bulletins de paie (Agirc-Arrco)."),
    )
    prevoyance = forms.CharField(
        label=_("Organisme de prévoyance (nom et adresse)"), max_length=255, required=False
    )
    complementaire_sante = forms.CharField(
        label=_("Organisme de la complémentaire santé d'entreprise (mutuelle)"), max_length=255
    )
    organisme_dpae = forms.CharField(
        label=_("Organisme qui reçoit la déclaration préalable à l'embauche"),
        max_length=255,
        help_text=_("En général l'URSSAF de votre région (la MSA pour le régime agricole)."),
    )

    def __init__(self, *args: Any, contexte: dict[str, Any] | None = None, **kwargs: Any) -> None:
        self.contexte = contexte or {}
        super().__init__(*args, **kwargs)
        self.fields["idcc"].required = True
        self.fields["convention_collective"].required = True


# --- 2. Le salarié -------------------------------------------------------------------------------


class SalarieForm(EtapeForm):
    salarie_existant = forms.ModelChoiceField(
        label=_("Reprendre un salarié de votre registre"),
        queryset=Salarie.objects.none(),
        required=False,
        empty_label=_("Non, c'est une nouvelle personne"),
        help_text=_(
            "Ses informations sont reprises ; ce que vous écrivez ci-dessous les remplace."
        ),
    )
    prenom = forms.CharField(label=_("Prénom"), max_length=150, required=False)
    nom = forms.CharField(label=_("Nom"), max_length=150, required=False)
    date_naissance = ChampDate(
        label=_("Date de naissance"),
        required=False,
        widget=_date(),
        help_text=_(
            "Pour un salarié mineur, le salaire minimum et les durées de travail changent."
        ),
    )
    nationalite = forms.CharField(
        label=_("Nationalité"),
        max_length=100,
        required=False,
        help_text=_("Par exemple : française."),
    )
    hors_ue = forms.BooleanField(
        label=_(
            "Le salarié n'est pas ressortissant de l'Union européenne, de l'Espace économique "
            "européen ou de la Suisse"
        ),
        required=False,
        help_text=_("Une autorisation de travail est alors à vérifier avant l'embauche."),
    )
    adresse = forms.CharField(
        label=_("Adresse du salarié"),
        max_length=255,
        required=False,
        help_text=_("Numéro, rue, code postal et commune."),
    )

    CHAMPS = ("prenom", "nom", "date_naissance", "nationalite", "adresse")

    def __init__(self, *args: Any, entreprise: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if entreprise is not None:
            self.fields["salarie_existant"].queryset = Salarie.objects.filter(entreprise=entreprise)
        if not self.fields["salarie_existant"].queryset.exists():
            del self.fields["salarie_existant"]
        self._rafraichir_champs()

    def clean(self) -> dict[str, Any]:
        donnees = super().clean()
        existant = donnees.get("salarie_existant")
        for nom in self.CHAMPS:
            if existant is not None and donnees.get(nom) in (None, ""):
                donnees[nom] = getattr(existant, nom)
        self.exiger(donnees, *self.CHAMPS)
        naissance = donnees.get("date_naissance")
        if naissance and naissance >= timezone.localdate():
            self.add_error("date_naissance", _("La date de naissance doit être passée."))
        return donnees


# --- 3. Le poste ---------------------------------------------------------------------------------


class PosteForm(EtapeForm):
    intitule = forms.CharField(
        label=_("Intitulé du poste"),
        max_length=200,
        help_text=_("Par exemple : vendeuse en boulangerie."),
    )
    fonctions = forms.CharField(
        label=_("Fonctions principales"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
    )
    categorie = forms.ChoiceField(
        label=_("Catégorie"),
        choices=CATEGORIES,
        widget=forms.RadioSelect,
        help_text=_("Elle fixe la durée maximale de la période d'essai d'un CDI."),
    )
    classification = forms.CharField(
        label=_("Classification dans la convention collective"),
        max_length=200,
        help_text=_("Niveau, échelon, coefficient : voir la grille de votre convention."),
    )
    lieu_travail = forms.CharField(label=_("Lieu de travail"), max_length=255)
    date_debut = ChampDate(label=_("Premier jour de travail"), widget=_date())
    travail_nuit = forms.BooleanField(label=_("Travail de nuit"), required=False)
    risques_particuliers = forms.BooleanField(
        label=_("Le poste figure sur votre liste des postes à risques particuliers (L4154-2)"),
        required=False,
    )
    vacances_scolaires = forms.BooleanField(
        label=_("Emploi pendant les vacances scolaires"), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["vacances_scolaires"].help_text = _(
            "Ne change la règle que pour un jeune de moins de %(age)s ans."
        ) % {"age": droit.regle("mineurs.age.minimum_embauche").entier}
        self.fields["travail_nuit"].label, self.fields["travail_nuit"].help_text = (
            self._libelles_nuit()
        )
        self._rafraichir_champs()

    def _libelles_nuit(self) -> tuple[str, str]:
        """Le travail de nuit tel que la loi le définit, avec ses heures (données du droit)."""
        adulte = droit.periode_travail_nuit()
        jeune = droit.periode_travail_nuit(age=droit.regle("mineurs.age.minimum_embauche").entier)
        label = _(
            "Le salarié sera travailleur de nuit : au moins %(fois)s fois par semaine, au moins "
            "%(heures)s heures de travail entre %(debut)s h et %(fin)s h"
        ) % {
            "fois": droit.regle("temps_travail.travail_nuit.travailleur_fois_par_semaine").entier,
            "heures": droit.regle("temps_travail.travail_nuit.travailleur_heures_par_jour").entier,
            "debut": adulte.debut,
            "fin": adulte.fin,
        }
        enfant = droit.periode_travail_nuit(age=droit.regle("mineurs.nuit.age_seuil").entier - 1)
        aide = _(
            "La visite médicale a alors lieu avant la prise de poste. Avant %(majorite)s ans, "
            "tout travail entre %(debut)s h et %(fin)s h (dès %(debut_enfant)s h avant "
            "%(seuil)s ans) est du travail de nuit, interdit."
        ) % {
            "majorite": droit.regle("mineurs.age.majorite").entier,
            "debut": jeune.debut,
            "fin": jeune.fin,
            "debut_enfant": enfant.debut,
            "seuil": droit.regle("mineurs.nuit.age_seuil").entier,
        }
        return str(label), str(aide)

    def clean_date_debut(self) -> datetime.date:
        debut = self.cleaned_data["date_debut"]
        if debut < timezone.localdate():
            raise forms.ValidationError(
                refus(
                    droit.Verification(
                        False,
                        str(
                            _(
                                "La déclaration préalable à l'embauche doit précéder la "
                                "première heure de travail : choisissez une date à venir."
                            )
                        ),
                        "L1221-10",
                    )
                )
            )
        try:
            droit.smic_horaire(debut)
        except droit.ErreurHorsBareme as erreur:
            raise forms.ValidationError(smic_pas_encore_connu(erreur)) from erreur
        except droit.ErreurDroit as erreur:
            raise forms.ValidationError(refus(erreur)) from erreur
        return debut

    def clean(self) -> dict[str, Any]:
        donnees = super().clean()
        naissance, debut = self.contexte.get("date_naissance"), donnees.get("date_debut")
        if naissance and debut:
            verification = droit.verifier_age_embauche(
                age=age_le(naissance, debut),
                vacances_scolaires=bool(donnees.get("vacances_scolaires")),
            )
            self.refuser_si_invalide("date_debut", verification)
            nuit = droit.verifier_travail_nuit(
                age=age_le(naissance, debut), travail_nuit=bool(donnees.get("travail_nuit"))
            )
            self.refuser_si_invalide("travail_nuit", nuit)
        return donnees


# --- 4. Le contrat -------------------------------------------------------------------------------


class ContratForm(EtapeForm):
    type_contrat = forms.ChoiceField(
        label=_("Type de contrat"),
        choices=(
            ("cdi", _("CDI — contrat à durée indéterminée (la règle)")),
            (
                "cdd",
                _("CDD — contrat à durée déterminée (seulement pour un motif prévu par la loi)"),
            ),
        ),
        widget=forms.RadioSelect,
    )
    motif = forms.ChoiceField(
        label=_("Motif du CDD"),
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Un CDD ne peut pas pourvoir durablement un emploi permanent (L1242-1)."),
    )
    motif_precisions = forms.CharField(
        label=_("La situation précise qui justifie le CDD"),
        required=False,
        max_length=500,
        help_text=_("Par exemple : absence pour congé de maternité de Sophie Lacoste."),
    )
    remplace_nom = forms.CharField(
        label=_("Nom et prénom de la personne remplacée"), required=False, max_length=200
    )
    remplace_qualification = forms.CharField(
        label=_("Qualification de la personne remplacée"), required=False, max_length=200
    )
    remplacement_greve = forms.BooleanField(
        label=_("La personne remplacée est absente parce qu'elle fait grève"), required=False
    )
    travaux_dangereux = forms.BooleanField(
        label=_("Le poste comporte des travaux de la liste des travaux dangereux (D4154-1)"),
        required=False,
    )
    licenciement_economique = forms.ChoiceField(
        label=_("Licenciement économique récent"),
        required=False,
        widget=forms.RadioSelect,
        choices=(("non", _("Non")), ("oui", _("Oui"))),
    )
    terme = forms.ChoiceField(
        label=_("Fin du contrat"),
        required=False,
        widget=forms.RadioSelect,
        choices=(
            ("precis", _("Terme précis : je connais la date de fin")),
            (
                "imprecis",
                _(
                    "Terme imprécis : le contrat finit avec un événement (retour de la "
                    "personne remplacée…)"
                ),
            ),
        ),
    )
    date_fin = ChampDate(label=_("Dernier jour du contrat"), required=False, widget=_date())
    clause_renouvellement = forms.BooleanField(
        label=_("Le contrat pourra être renouvelé"), required=False
    )
    duree_minimale_valeur = forms.IntegerField(
        label=_("Durée minimale (nombre)"), required=False, min_value=1, max_value=999
    )
    duree_minimale_unite = forms.ChoiceField(
        label=_("Durée minimale (unité)"), required=False, choices=UNITES, initial="mois"
    )
    evenement_fin = forms.CharField(
        label=_("Événement qui mettra fin au contrat"),
        required=False,
        max_length=300,
        help_text=_("Par exemple : le retour de Sophie Lacoste à son poste."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.motifs = [droit.motif_cdd(code) for code, _libelle in choix_du_contrat("motif")]
        self.fields["motif"].choices = [(m.code, m.libelle) for m in self.motifs]
        delai = droit.regle("cdd.licenciement_economique.delai_interdiction")
        self.fields["licenciement_economique"].label = _(
            "Pour un accroissement temporaire d'activité : l'entreprise a-t-elle licencié pour "
            "motif économique, dans les %(mois)s derniers mois, un salarié de cet établissement "
            "qui occupait ce type de poste ?"
        ) % {"mois": delai.entier}
        self.fields["licenciement_economique"].help_text = _(
            "Répondez seulement si vous choisissez ce motif (article %(article)s)."
        ) % {"article": delai.article}
        self._rafraichir_champs()

    def clean(self) -> dict[str, Any]:
        donnees = super().clean()
        if donnees.get("type_contrat") != "cdd":
            return {"type_contrat": donnees.get("type_contrat")}
        self.exiger(donnees, "motif", "motif_precisions", "terme")
        if not donnees.get("motif"):
            return donnees
        motif = droit.motif_cdd(donnees["motif"])
        accroissement = motif.code == "accroissement_temporaire"
        if accroissement:
            self.exiger(donnees, "licenciement_economique")
        else:
            donnees["licenciement_economique"] = ""
        debut = self.contexte.get("date_debut")
        recours = droit.verifier_recours_cdd(
            motif=motif.code,
            remplacement_salarie_en_greve=bool(donnees.get("remplacement_greve")),
            travaux_dangereux=bool(donnees.get("travaux_dangereux")),
            # L1242-5 : la question porte sur les mois d'interdiction ; « oui » = dans le délai.
            mois_depuis_licenciement_economique=(
                0 if accroissement and donnees.get("licenciement_economique") == "oui" else None
            ),
            renouvelable=bool(donnees.get("clause_renouvellement")),
            debut=debut if donnees.get("terme") == "precis" else None,
            fin=donnees.get("date_fin") if donnees.get("terme") == "precis" else None,
        )
        if not recours:
            if donnees.get("remplacement_greve"):
                champ = "remplacement_greve"
            elif donnees.get("travaux_dangereux"):
                champ = "travaux_dangereux"
            else:
                champ = "licenciement_economique"
            self.add_error(champ, refus(recours))
        if motif.nom_remplace_requis:
            self.exiger(donnees, "remplace_nom", "remplace_qualification")
        terme = donnees.get("terme")
        if terme == "imprecis":
            try:
                droit.duree_maximale_cdd(motif=motif.code, terme_precis=False)
            except droit.ErreurDroit as erreur:
                self.add_error("terme", refus(erreur))
            self.exiger(donnees, "duree_minimale_valeur", "duree_minimale_unite", "evenement_fin")
            # Une unité vide ou inventée est déjà une erreur du champ (et absente des données).
            if donnees.get("duree_minimale_valeur") and donnees.get("duree_minimale_unite"):
                donnees["duree_minimale"] = (
                    donnees["duree_minimale_valeur"],
                    donnees["duree_minimale_unite"],
                )
        elif terme == "precis":
            self.exiger(donnees, "date_fin")
            fin = donnees.get("date_fin")
            if fin and debut and fin < debut:
                self.add_error(
                    "date_fin", _("Le dernier jour du contrat ne peut précéder le premier.")
                )
            elif fin and debut:
                verification = droit.verifier_renouvellements_cdd(
                    motif=motif.code,
                    duree_initiale=droit.Duree((fin - debut).days + 1, "jours"),
                    debut=debut,
                )
                self.refuser_si_invalide("date_fin", verification)
            if donnees.get("clause_renouvellement") and not motif.renouvelable:
                self.add_error(
                    "clause_renouvellement",
                    refus(
                        droit.Verification(
                            False, str(_("Ce CDD ne peut pas être renouvelé.")), "L1243-13-1"
                        )
                    ),
                )
        return donnees


# --- 5. Le temps de travail ----------------------------------------------------------------------


class TempsForm(EtapeForm):
    temps_de_travail = forms.ChoiceField(
        label=_("Temps de travail"),
        widget=forms.RadioSelect,
        choices=(("complet", _("Temps complet")), ("partiel", _("Temps partiel"))),
    )
    heures_hebdomadaires = forms.DecimalField(
        label=_("Heures par semaine (temps partiel)"),
        required=False,
        min_value=Decimal("0.5"),
        max_digits=4,
        decimal_places=2,
    )
    derogation_temps_partiel = forms.ChoiceField(
        label=_("Sous la durée minimale d'un temps partiel, le motif prévu par la loi"),
        required=False,
        widget=forms.RadioSelect,
    )
    horaires = forms.CharField(
        label=_("Horaires (facultatif)"),
        required=False,
        max_length=300,
        help_text=_("Par exemple : selon l'horaire collectif affiché dans l'établissement."),
    )
    cas_modification_repartition = forms.CharField(
        label=_("Quand et comment la répartition des heures peut changer"),
        required=False,
        max_length=500,
        initial=_(
            "absence d'un autre salarié ou surcroît temporaire d'activité ; les heures pourront "
            "être déplacées d'un jour à l'autre de la semaine"
        ),
    )
    communication_horaires = forms.CharField(
        label=_("Comment les horaires de chaque journée sont communiqués par écrit"),
        required=False,
        max_length=300,
        initial=_("par un planning écrit remis au salarié chaque semaine pour la semaine suivante"),
    )
    heures_complementaires = forms.DecimalField(
        label=_("Heures complémentaires prévues au plus par semaine (facultatif)"),
        required=False,
        min_value=Decimal(0),
        max_digits=4,
        decimal_places=2,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code, libelle in JOURS:
            self.fields[f"heures_{code}"] = forms.DecimalField(
                label=libelle,
                required=False,
                min_value=Decimal(0),
                max_digits=4,
                decimal_places=2,
                widget=forms.NumberInput(attrs={"step": "0.25", "inputmode": "decimal"}),
            )
        self.fields["derogation_temps_partiel"].choices = choix_du_contrat(
            "derogation_temps_partiel"
        )
        self.fields["derogation_temps_partiel"].initial = "aucune"
        self.duree_legale = droit.duree_legale_hebdomadaire()
        self.duree_minimale = droit.duree_minimale_temps_partiel()
        self.maxima = droit.durees_maximales(age=self.age)
        self._rafraichir_champs()

    @property
    def champs_jours(self) -> list[Any]:
        return [self[f"heures_{code}"] for code, _libelle in JOURS]

    def clean(self) -> dict[str, Any]:
        donnees = super().clean()
        partiel = donnees.get("temps_de_travail") == "partiel"
        jours = {code: donnees.get(f"heures_{code}") or Decimal(0) for code, _l in JOURS}
        total_jours = sum(jours.values(), Decimal(0))
        for code, heures in jours.items():
            verification = droit.verifier_durees_travail(heures_jour=heures, age=self.age)
            if not verification:
                self.add_error(f"heures_{code}", refus(verification))
        if not partiel:
            if total_jours and total_jours != self.duree_legale:
                message = _(
                    "Les heures des jours font %(total)s h : à temps complet, elles doivent "
                    "faire %(legale)s h par semaine."
                ) % {"total": total_jours.normalize(), "legale": self.duree_legale.normalize()}
                self.add_error(
                    "heures_lundi", refus(droit.Verification(False, str(message), "L3121-27"))
                )
            donnees["heures_hebdomadaires"] = None
            return donnees
        self.exiger(
            donnees,
            "heures_hebdomadaires",
            "cas_modification_repartition",
            "communication_horaires",
        )
        heures = donnees.get("heures_hebdomadaires")
        if heures is None:
            return donnees
        if not total_jours:
            message = _(
                "Indiquez les heures de chaque jour travaillé : un contrat à temps partiel "
                "doit donner la répartition de la durée entre les jours."
            )
            self.add_error(
                "heures_lundi", refus(droit.Verification(False, str(message), "L3123-6"))
            )
        elif total_jours != heures:
            message = _(
                "Les heures des jours font %(total)s h, et non les %(heures)s h de la "
                "semaine : corrigez la répartition."
            ) % {"total": total_jours.normalize(), "heures": heures.normalize()}
            self.add_error(
                "heures_lundi", refus(droit.Verification(False, str(message), "L3123-6"))
            )
        verification = droit.verifier_durees_travail(heures_semaine=heures, age=self.age)
        if not verification:
            self.add_error("heures_hebdomadaires", refus(verification))
            return donnees
        derogation = donnees.get("derogation_temps_partiel") or "aucune"
        cdd = self.est_cdd
        fin = fin_pour_essai(self.contexte) if cdd else None
        debut = self.contexte.get("date_debut")
        try:
            verification = droit.verifier_duree_temps_partiel(
                heures_hebdomadaires=heures,
                contrat="CDD" if cdd else "CDI",
                motif_cdd=self.contexte.get("motif") if cdd else None,
                duree_contrat_jours=(fin - debut).days + 1 if fin and debut else None,
                derogation=None if derogation == "aucune" else derogation,
                age=self.age,
            )
        except droit.ErreurDroit as erreur:
            self.add_error("heures_hebdomadaires", refus(erreur))
            return donnees
        self.refuser_si_invalide("derogation_temps_partiel", verification)
        complementaires = donnees.get("heures_complementaires")
        if complementaires:
            verification = droit.verifier_heures_complementaires(
                heures_contractuelles=heures, heures_complementaires=complementaires
            )
            self.refuser_si_invalide("heures_complementaires", verification)
        return donnees


# --- 6. La rémunération --------------------------------------------------------------------------


class RemunerationForm(EtapeForm):
    base = forms.ChoiceField(
        label=_("Je fixe le salaire brut"),
        widget=forms.RadioSelect,
        choices=(("mensuel", _("par mois")), ("horaire", _("à l'heure"))),
        initial="mensuel",
    )
    montant = forms.DecimalField(
        label=_("Montant brut, en euros"),
        min_value=Decimal(0),
        max_digits=8,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
    )
    mois_experience_branche = forms.IntegerField(
        label=_("Mois de pratique professionnelle du jeune dans la branche"),
        required=False,
        min_value=0,
        max_value=600,
        initial=0,
    )
    elements_remuneration = forms.CharField(
        label=_("Autres éléments de rémunération : primes, avantages en nature (facultatif)"),
        required=False,
        max_length=500,
    )
    mode_paiement = forms.ChoiceField(
        label=_("Mode de paiement du salaire"),
        widget=forms.RadioSelect,
        initial="virement",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["mode_paiement"].choices = choix_du_contrat("mode_paiement")
        if self.age is None or self.age >= droit.regle("mineurs.age.majorite").entier:
            del self.fields["mois_experience_branche"]
        self.heures = heures_semaine(self.contexte)
        experience = 0
        if self.is_bound and "mois_experience_branche" in self.fields:
            try:
                experience = int(self.data.get(self.add_prefix("mois_experience_branche")) or 0)
            except ValueError:
                experience = 0
        self.minimum_horaire, self.minimum_mensuel = self.minima(experience)
        # Pour l'aide en JavaScript : les deux minima d'un jeune, avant et après les mois de
        # pratique qui suppriment l'abattement (D3231-3) ; le script ne calcule rien.
        self.seuil_experience: int | None = None
        self.minima_debutant: tuple[Decimal | None, Decimal | None] = (None, None)
        self.minima_experimente: tuple[Decimal | None, Decimal | None] = (None, None)
        if "mois_experience_branche" in self.fields:
            regle = droit.regle("mineurs.smic.experience_supprimant_abattement")
            self.seuil_experience = regle.entier
            self.minima_debutant = self.minima(0)
            self.minima_experimente = self.minima(regle.entier)
        self._rafraichir_champs()

    def minima(self, experience: int) -> tuple[Decimal | None, Decimal | None]:
        """Le minimum légal en vigueur le premier jour : SMIC, ou minimum des jeunes."""
        debut = self.contexte.get("date_debut")
        if debut is None:
            return None, None
        mineur = self.age is not None and self.age < droit.regle("mineurs.age.majorite").entier
        if not mineur:
            return droit.smic_horaire(debut), droit.smic_mensuel(debut, self.heures)
        horaire = droit.salaire_minimum_horaire(
            debut, age=self.age, mois_experience_branche=max(experience, 0)
        )
        # Le minimum mensuel du moteur (SMIC abattu exact, arrondi une fois), celui que le
        # contrôle du salaire applique : pas le taux horaire déjà arrondi × les heures.
        mensuel = droit.salaire_minimum_mensuel(
            debut,
            heures_hebdomadaires=self.heures,
            age=self.age,
            mois_experience_branche=max(experience, 0),
        )
        return horaire, mensuel

    def clean(self) -> dict[str, Any]:
        donnees = super().clean()
        montant, debut = donnees.get("montant"), self.contexte.get("date_debut")
        if montant is None or debut is None:
            return donnees
        experience = donnees.get("mois_experience_branche") or 0
        self.minimum_horaire, self.minimum_mensuel = self.minima(experience)
        mineur = "mois_experience_branche" in self.fields
        if donnees.get("base") == "horaire":
            mensuel = arrondir_euros(montant * droit.heures_mensuelles(self.heures))
            conforme = montant >= self.minimum_horaire
            if not conforme:
                self.add_error(
                    "montant",
                    refus(
                        droit.Verification(
                            False,
                            str(
                                _(
                                    "Le taux horaire est inférieur au minimum légal de "
                                    "%(minimum)s € brut de l'heure le premier jour de travail. "
                                    "La convention collective peut prévoir un minimum plus élevé."
                                )
                                % {"minimum": self.minimum_horaire}
                            ),
                            "L3231-2 ; D3231-3" if mineur else "L3231-2",
                        )
                    ),
                )
        else:
            mensuel = montant
            verification = droit.verifier_salaire_minimum(
                le=debut,
                salaire_mensuel_brut=montant,
                heures_hebdomadaires=self.heures,
                age=self.age if mineur else None,
                mois_experience_branche=experience,
            )
            self.refuser_si_invalide("montant", verification)
        donnees["salaire_brut_mensuel"] = mensuel
        return donnees


# --- 7. La période d'essai -----------------------------------------------------------------------


class EssaiForm(EtapeForm):
    sans_essai = forms.BooleanField(label=_("Pas de période d'essai"), required=False)
    duree_valeur = forms.IntegerField(
        label=_("Durée de la période d'essai (nombre)"), required=False, min_value=1, max_value=999
    )
    duree_unite = forms.ChoiceField(label=_("Unité"), required=False, choices=UNITES)
    essai_renouvelable = forms.BooleanField(
        label=_("La période d'essai pourra être renouvelée une fois"), required=False
    )
    accord_branche_renouvellement = forms.BooleanField(
        label=_(
            "Un accord de branche étendu de ma convention collective prévoit ce renouvellement"
        ),
        required=False,
    )
    renouvellement_valeur = forms.IntegerField(
        label=_("Durée du renouvellement (nombre)"), required=False, min_value=1, max_value=999
    )
    renouvellement_unite = forms.ChoiceField(
        label=_("Unité du renouvellement"), required=False, choices=UNITES
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.maximum: droit.Duree | None = None
        self.maximum_renouvellement: droit.Duree | None = None
        try:
            self.maximum = droit.periode_essai_max(**self.parametres())
            if not self.est_cdd:
                self.maximum_renouvellement = droit.periode_essai_max(
                    **self.parametres(), renouvellement=True
                )
        except droit.ErreurDroit:
            self.maximum = None
        if self.maximum is not None:
            self.fields["duree_valeur"].initial = self.maximum.valeur
            self.fields["duree_unite"].initial = self.maximum.unite
        if self.est_cdd:
            for nom in (
                "essai_renouvelable",
                "accord_branche_renouvellement",
                "renouvellement_valeur",
                "renouvellement_unite",
            ):
                del self.fields[nom]
        self._rafraichir_champs()

    def parametres(self) -> dict[str, Any]:
        if self.est_cdd:
            return {
                "contrat": "CDD",
                "debut": self.contexte.get("date_debut"),
                "fin": fin_pour_essai(self.contexte),
            }
        return {"contrat": "CDI", "categorie": self.contexte.get("categorie")}

    def clean(self) -> dict[str, Any]:
        donnees = super().clean()
        if donnees.get("sans_essai"):
            return {"sans_essai": True, "periode_essai": None}
        self.exiger(donnees, "duree_valeur", "duree_unite")
        if not donnees.get("duree_valeur") or not donnees.get("duree_unite"):
            return donnees
        duree = droit.Duree(donnees["duree_valeur"], donnees["duree_unite"])
        donnees["periode_essai"] = (duree.valeur, duree.unite)
        parametres = {**self.parametres(), "debut": self.contexte.get("date_debut")}
        try:
            verification = droit.verifier_periode_essai(duree=duree, **parametres)
        except droit.ErreurDroit as erreur:
            self.add_error("duree_valeur", refus(erreur))
            return donnees
        if not verification:
            self.add_error("duree_valeur", refus(verification))
            return donnees
        if self.est_cdd or not donnees.get("essai_renouvelable"):
            return donnees
        self.exiger(donnees, "renouvellement_valeur", "renouvellement_unite")
        if not donnees.get("renouvellement_valeur") or not donnees.get("renouvellement_unite"):
            return donnees
        if donnees["renouvellement_unite"] != duree.unite:
            self.add_error(
                "renouvellement_unite",
                _("Exprimez la période d'essai et son renouvellement dans la même unité."),
            )
            return donnees
        total = droit.Duree(duree.valeur + donnees["renouvellement_valeur"], duree.unite)
        verification = droit.verifier_periode_essai(
            duree=total,
            renouvellement=True,
            accord_branche_renouvellement=bool(donnees.get("accord_branche_renouvellement")),
            clause_renouvellement=True,
            **parametres,
        )
        if not verification:
            champ = (
                "accord_branche_renouvellement"
                if not donnees.get("accord_branche_renouvellement")
                else "renouvellement_valeur"
            )
            self.add_error(champ, refus(verification))
        donnees["periode_essai_renouvellement"] = (
            donnees["renouvellement_valeur"],
            donnees["renouvellement_unite"],
        )
        return donnees


# --- 8. Les clauses particulières ----------------------------------------------------------------


class ClausesForm(EtapeForm):
    clause_non_concurrence = forms.BooleanField(
        label=_("Clause de non-concurrence"),
        required=False,
        help_text=_(
            "Interdit au salarié de travailler pour un concurrent après son départ : seulement "
            "avec une contrepartie financière et des limites de durée, de lieu et d'activité."
        ),
    )
    non_concurrence_activites = forms.CharField(
        label=_("Activités interdites"), required=False, max_length=300
    )
    non_concurrence_duree = forms.CharField(
        label=_("Durée de l'interdiction après le départ"), required=False, max_length=100
    )
    non_concurrence_zone = forms.CharField(
        label=_("Zone géographique de l'interdiction"), required=False, max_length=200
    )
    non_concurrence_contrepartie = forms.CharField(
        label=_("Contrepartie financière versée au salarié"), required=False, max_length=300
    )
    clause_mobilite = forms.BooleanField(
        label=_("Clause de mobilité"),
        required=False,
        help_text=_(
            "Permet de changer le lieu de travail du salarié, dans une zone définie précisément "
            "dès la signature."
        ),
    )
    mobilite_zone = forms.CharField(label=_("Zone de mobilité"), required=False, max_length=300)
    clause_exclusivite = forms.BooleanField(
        label=_("Clause d'exclusivité"),
        required=False,
        help_text=_(
            "Interdit au salarié de travailler pour un autre employeur pendant le contrat : "
            "impossible pour un salarié à temps partiel."
        ),
    )

    def clean(self) -> dict[str, Any]:
        donnees = super().clean()
        if donnees.get("clause_non_concurrence"):
            verification = droit.verifier_clause_non_concurrence(
                contrepartie=donnees.get("non_concurrence_contrepartie", ""),
                duree=donnees.get("non_concurrence_duree", ""),
                zone=donnees.get("non_concurrence_zone", ""),
                activites=donnees.get("non_concurrence_activites", ""),
            )
            self.refuser_si_invalide("clause_non_concurrence", verification)
        if donnees.get("clause_mobilite"):
            verification = droit.verifier_clause_mobilite(zone=donnees.get("mobilite_zone", ""))
            self.refuser_si_invalide("mobilite_zone", verification)
        if donnees.get("clause_exclusivite"):
            verification = droit.verifier_clause_exclusivite(
                temps_partiel=self.contexte.get("temps_de_travail") == "partiel"
            )
            self.refuser_si_invalide("clause_exclusivite", verification)
        return donnees


# --- 9. Le récapitulatif -------------------------------------------------------------------------


class RecapitulatifForm(EtapeForm):
    lieu_signature = forms.CharField(label=_("Lieu de signature"), max_length=120)
    date_signature = ChampDate(label=_("Date de signature"), widget=_date())


class OffreForm(FormulaireDsfr):
    """L'offre de contrat préparée au récapitulatif, avant le contrat : où et quand elle est
    faite, et jusqu'à quand le candidat peut l'accepter. Un formulaire à part de celui du
    contrat : la touche Entrée dans ses champs prépare l'offre, jamais le contrat. Le moteur de
    documents vérifie que la date limite tombe entre la date de l'offre et l'entrée en
    fonction (C. civ. 1116)."""

    lieu = forms.CharField(label=_("Offre faite à"), max_length=120)
    date = ChampDate(label=_("Date de l'offre"), widget=_date())
    date_limite_acceptation = ChampDate(
        label=_("Date limite pour accepter l'offre"),
        help_text=_(
            "Le candidat répond au plus tard ce jour-là, avant son premier jour de travail. "
            "Format : jj/mm/aaaa."
        ),
        error_messages={"required": _("Indiquez jusqu'à quand le candidat peut accepter l'offre.")},
        widget=_date(),
    )


# --- Après l'embauche : la sortie du salarié -------------------------------------------------


class SortieForm(FormulaireDsfr):
    """La date de sortie d'une embauche (registre unique du personnel, D1221-23).

    Elle se note le jour du départ ou à l'avance (fin d'un CDD), au plus un an à l'avance : une
    date plus lointaine est une faute de frappe, et elle ferait partir trop tard le délai de
    conservation des données du salarié.
    """

    AVANCE_MAXIMALE = datetime.timedelta(days=366)

    date_sortie = ChampDate(
        label=_("Date de sortie"),
        help_text=_("Le dernier jour du contrat, préavis compris. Format : jj/mm/aaaa."),
        widget=_date(),
    )

    def __init__(self, *args: Any, embauche: Any, aujourd_hui: datetime.date, **kwargs: Any):
        self.embauche = embauche
        self.aujourd_hui = aujourd_hui
        super().__init__(*args, **kwargs)

    def clean_date_sortie(self) -> datetime.date:
        sortie: datetime.date = self.cleaned_data["date_sortie"]
        debut = self.embauche.date_debut
        if sortie < debut:
            raise forms.ValidationError(
                _("La date de sortie ne peut pas précéder le premier jour de travail (%(debut)s).")
                % {"debut": date_format(debut, "j F Y")},
                code="avant_debut",
            )
        if sortie > self.aujourd_hui + self.AVANCE_MAXIMALE:
            raise forms.ValidationError(
                _("Une date de sortie se note au plus un an à l'avance : vérifiez l'année."),
                code="trop_lointaine",
            )
        return sortie


class RelectureForm(FormulaireDsfr):
    """La question qui accompagne le contrat envoyé à la CCI pour relecture : un dossier du
    guichet, donc les mêmes limites que la question d'un dossier."""

    question = forms.CharField(
        label=_("Votre question (facultatif)"),
        help_text=_(
            "Le contrat est joint ; un conseiller de la CCI du Lot vous répond par écrit. "
            "Inutile de redonner le nom du salarié ou son numéro de sécurité sociale."
        ),
        required=False,
        max_length=LONGUEUR_MAX_QUESTION,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
