"""Le guichet des questions : dossiers, messages, pièces jointes, réponses types, réglages.

Un dossier est la question d'une entreprise ; il est dans la file d'UNE organisation à la fois
(CCI du Lot ou DREETS) et peut passer de l'une à l'autre (`Transfert`), chacune gardant
l'historique. Les messages sont immuables une fois envoyés : une réponse écrite de la DREETS
engage l'administration (L5143-1), son texte ne doit jamais changer ; une correction est un
nouveau message.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rh_tpe.comptes.models import Entreprise, Organisation


def _stockage_prive():
    from django.core.files.storage import storages

    return storages["prive"]


class Theme(models.TextChoices):
    EMBAUCHE = "embauche", _("Embauche")
    CONTRAT = "contrat", _("Contrat de travail")
    DUREE_TRAVAIL = "duree_travail", _("Durée du travail")
    REMUNERATION = "remuneration", _("Rémunération")
    CONGES = "conges", _("Congés")
    MALADIE = "maladie", _("Maladie")
    RUPTURE = "rupture", _("Rupture du contrat")
    AIDES_RECRUTEMENT = "aides_recrutement", _("Aides et recrutement")
    AUTRE = "autre", _("Autre")


# Aiguillage par thème : l'application du Code du travail et de la convention collective va à la
# DREETS (renseignement en droit du travail) ; l'aide pratique (recrutement, aides,
# organisation, tout le reste) à la CCI. Chacune peut transférer à l'autre.
ORGANISATION_PAR_THEME: dict[str, str] = {
    Theme.EMBAUCHE: Organisation.Code.DREETS,
    Theme.CONTRAT: Organisation.Code.DREETS,
    Theme.DUREE_TRAVAIL: Organisation.Code.DREETS,
    Theme.REMUNERATION: Organisation.Code.DREETS,
    Theme.CONGES: Organisation.Code.DREETS,
    Theme.MALADIE: Organisation.Code.DREETS,
    Theme.RUPTURE: Organisation.Code.DREETS,
    Theme.AIDES_RECRUTEMENT: Organisation.Code.CCI,
    Theme.AUTRE: Organisation.Code.CCI,
}


# Le thème de la FAQ (slug de sa page) qui correspond au thème d'un dossier, dans les deux sens :
# un dossier proposé pour la FAQ y est rangé ; une question posée depuis un article de la FAQ
# prend le thème de dossier correspondant. « Autre » n'a pas de thème FAQ : la FAQ range
# l'article dans son thème par défaut et l'éditeur le déplace.
THEME_FAQ_PAR_THEME: dict[str, str] = {
    Theme.EMBAUCHE: "embauche-et-contrat",
    Theme.CONTRAT: "embauche-et-contrat",
    Theme.DUREE_TRAVAIL: "duree-du-travail",
    Theme.REMUNERATION: "salaire",
    Theme.CONGES: "conges",
    Theme.MALADIE: "maladie-et-absences",
    Theme.RUPTURE: "rupture-du-contrat",
    Theme.AIDES_RECRUTEMENT: "aides-et-recrutement",
}
THEME_PAR_THEME_FAQ: dict[str, str] = {
    "embauche-et-contrat": Theme.CONTRAT,
    "duree-du-travail": Theme.DUREE_TRAVAIL,
    "salaire": Theme.REMUNERATION,
    "conges": Theme.CONGES,
    "maladie-et-absences": Theme.MALADIE,
    "rupture-du-contrat": Theme.RUPTURE,
    "aides-et-recrutement": Theme.AIDES_RECRUTEMENT,
}


class TypeContrat(models.TextChoices):
    CDI = "cdi", _("CDI")
    CDD = "cdd", _("CDD")
    APPRENTISSAGE = "apprentissage", _("Contrat d'apprentissage")
    PROFESSIONNALISATION = "professionnalisation", _("Contrat de professionnalisation")
    INTERIM = "interim", _("Intérim")
    AUTRE = "autre", _("Autre")


class ReglageGuichet(models.Model):
    """Les réglages d'une organisation : son délai de première réponse."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="reglage_guichet"
    )
    delai_premiere_reponse = models.PositiveSmallIntegerField(
        _("délai de première réponse (jours ouvrés)"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
    )

    class Meta:
        verbose_name = _("réglage du guichet")
        verbose_name_plural = _("réglages du guichet")

    def __str__(self) -> str:
        return str(self.organisation)


class Dossier(models.Model):
    class Statut(models.TextChoices):
        NOUVEAU = "nouveau", _("Nouveau")
        EN_COURS = "en_cours", _("En cours")
        ATTENTE = "attente", _("En attente de vos informations")
        CLOS = "clos", _("Clos")

    entreprise = models.ForeignKey(
        Entreprise, on_delete=models.PROTECT, related_name="dossiers", verbose_name=_("entreprise")
    )
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="dossiers_poses",
        verbose_name=_("auteur"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="dossiers",
        verbose_name=_("organisation qui traite"),
    )
    conseiller = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dossiers_suivis",
        verbose_name=_("conseiller"),
    )
    theme = models.CharField(_("thème"), max_length=20, choices=Theme.choices)
    question = models.TextField(_("question"))
    type_contrat = models.CharField(
        _("type de contrat du salarié"), max_length=20, choices=TypeContrat.choices, blank=True
    )
    date_debut_contrat = models.DateField(_("début du contrat"), null=True, blank=True)
    date_fin_contrat = models.DateField(_("fin du contrat"), null=True, blank=True)
    document = models.ForeignKey(
        "modeles.DocumentGenere",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dossiers",
        verbose_name=_("document généré concerné"),
    )
    # Le contexte de l'entreprise au jour de la question : une réponse écrite reste lisible
    # telle qu'elle a été donnée, même si le profil change ensuite.
    raison_sociale = models.CharField(_("raison sociale"), max_length=200)
    siret = models.CharField(_("SIRET"), max_length=14)
    idcc = models.CharField(_("IDCC"), max_length=4, blank=True)
    effectif = models.PositiveSmallIntegerField(_("effectif"), default=0)

    statut = models.CharField(
        _("statut"), max_length=10, choices=Statut.choices, default=Statut.NOUVEAU
    )
    cree_le = models.DateTimeField(_("créé le"), default=timezone.now)
    derniere_activite = models.DateTimeField(_("dernière activité"), default=timezone.now)
    echeance = models.DateField(_("première réponse due le"))
    attente_depuis = models.DateField(_("en attente depuis"), null=True, blank=True)
    premiere_reponse_le = models.DateTimeField(_("première réponse le"), null=True, blank=True)
    clos_le = models.DateTimeField(_("clos le"), null=True, blank=True)
    resolution = models.TextField(_("résolution"), blank=True)
    note = models.PositiveSmallIntegerField(
        _("note"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    commentaire_evaluation = models.TextField(_("commentaire"), blank=True)
    # « Proposer pour la FAQ » : une seule fois par dossier (la date le garde même si l'éditeur
    # supprime le brouillon) ; le lien mène au brouillon tant qu'il existe.
    propose_faq_le = models.DateTimeField(_("proposé pour la FAQ le"), null=True, blank=True)
    article_faq = models.ForeignKey(
        "faq.FaqArticlePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("article de la FAQ proposé"),
    )

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        ordering = ["-derniere_activite"]
        indexes = [
            models.Index(fields=["organisation", "-derniere_activite"], name="dossier_file"),
            models.Index(fields=["organisation", "statut", "echeance"], name="dossier_retard"),
            models.Index(fields=["conseiller", "-derniere_activite"], name="dossier_conseiller"),
            models.Index(fields=["entreprise", "-derniere_activite"], name="dossier_entreprise"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(note__isnull=True) | models.Q(note__gte=1, note__lte=5),
                name="dossier_note_de_1_a_5",
            ),
        ]

    def __str__(self) -> str:
        return _("Dossier n° %(numero)s") % {"numero": self.pk}

    @property
    def numero(self) -> int:
        return self.pk

    @property
    def est_clos(self) -> bool:
        return self.statut == self.Statut.CLOS

    def en_retard(self, aujourd_hui: datetime.date | None = None) -> bool:
        """La première réponse est attendue et l'échéance est passée (horloge non en pause)."""
        aujourd_hui = aujourd_hui or timezone.localdate()
        return (
            self.premiere_reponse_le is None
            and self.statut in (self.Statut.NOUVEAU, self.Statut.EN_COURS)
            and self.echeance < aujourd_hui
        )


class Message(models.Model):
    class Genre(models.TextChoices):
        ENTREPRISE = "entreprise", _("Message de l'entreprise")
        REPONSE = "reponse", _("Réponse")
        DEMANDE = "demande", _("Demande d'informations")
        NOTE = "note", _("Note interne")
        EVENEMENT = "evenement", _("Événement")

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="messages")
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    # L'organisation au nom de laquelle le conseiller écrit (vide pour l'entreprise).
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    genre = models.CharField(_("genre"), max_length=10, choices=Genre.choices)
    interne = models.BooleanField(_("interne aux conseillers"), default=False)
    texte = models.TextField(_("texte"))
    cree_le = models.DateTimeField(_("envoyé le"), default=timezone.now)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["cree_le", "pk"]
        indexes = [models.Index(fields=["dossier", "cree_le"], name="message_dossier")]

    def __str__(self) -> str:
        return f"{self.get_genre_display()} — {self.dossier_id}"

    def save(self, *args, **kwargs):
        # Un message envoyé ne se modifie jamais : une correction est un nouveau message.
        if not self._state.adding:
            raise ValueError("Un message envoyé ne peut pas être modifié.")
        super().save(*args, **kwargs)

    @property
    def est_reponse_ecrite(self) -> bool:
        """Une réponse de la DREETS à l'entreprise : téléchargeable en « Réponse écrite »."""
        return (
            self.genre == self.Genre.REPONSE
            and self.organisation is not None
            and self.organisation.code == Organisation.Code.DREETS
        )


def _chemin_piece(instance: PieceJointe, nom: str) -> str:
    # Le nom choisi par la personne n'entre jamais dans le chemin du fichier.
    return f"dossiers/{instance.dossier_id}/{instance.jeton}{instance.extension}"


class PieceJointe(models.Model):
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="pieces")
    message = models.ForeignKey(
        Message, on_delete=models.CASCADE, null=True, blank=True, related_name="pieces"
    )
    deposee_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    jeton = models.CharField(max_length=32, unique=True)
    extension = models.CharField(max_length=6)
    fichier = models.FileField(storage=_stockage_prive, upload_to=_chemin_piece, max_length=200)
    nom = models.CharField(_("nom du fichier"), max_length=200)
    type_mime = models.CharField(max_length=100)
    taille = models.PositiveIntegerField()
    cree_le = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("pièce jointe")
        verbose_name_plural = _("pièces jointes")
        ordering = ["cree_le", "pk"]

    def __str__(self) -> str:
        return self.nom


class Transfert(models.Model):
    """Le passage d'un dossier d'une organisation à l'autre : les deux gardent l'historique."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="transferts")
    de_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    vers_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    motif = models.TextField(_("motif"))
    cree_le = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("transfert")
        verbose_name_plural = _("transferts")
        indexes = [models.Index(fields=["de_organisation", "dossier"], name="transfert_origine")]

    def __str__(self) -> str:
        return f"{self.dossier_id} : {self.de_organisation} → {self.vers_organisation}"


class ReponseType(models.Model):
    """Une réponse préparée par une organisation ; [nom] et [entreprise] sont remplacés."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="reponses_types"
    )
    titre = models.CharField(_("titre"), max_length=120)
    texte = models.TextField(
        _("texte"),
        help_text=_("[nom] devient le nom du chef d'entreprise, [entreprise] sa raison sociale."),
    )

    class Meta:
        verbose_name = _("réponse type")
        verbose_name_plural = _("réponses types")
        ordering = ["organisation", "titre"]

    def __str__(self) -> str:
        return self.titre

    def remplir(self, dossier: Dossier) -> str:
        # Remplacement littéral (pas str.format) : le texte ne peut rien appeler d'autre.
        return self.texte.replace("[nom]", dossier.auteur.get_full_name()).replace(
            "[entreprise]", dossier.raison_sociale
        )
