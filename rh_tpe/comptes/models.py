"""Utilisateurs, rôles, organisations de conseillers et entreprises (TPE)."""

from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rh_tpe.comptes.validators import valider_siret


class Organisation(models.Model):
    """Un guichet qui répond aux entreprises : la CCI du Lot ou la DREETS."""

    class Code(models.TextChoices):
        CCI = "cci", _("CCI du Lot")
        DREETS = "dreets", _("DREETS Occitanie — unité départementale du Lot")

    code = models.CharField(_("code"), max_length=10, choices=Code.choices, unique=True)
    nom = models.CharField(_("nom"), max_length=200)
    email_contact = models.EmailField(_("e-mail de contact"), blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["nom"]

    def __str__(self) -> str:
        return self.nom


class Entreprise(models.Model):
    """Le profil d'une TPE : ce que les parcours et les conseillers ont besoin de savoir."""

    raison_sociale = models.CharField(_("raison sociale"), max_length=200)
    siret = models.CharField(
        _("SIRET"),
        max_length=14,
        unique=True,
        validators=[valider_siret],
        help_text=_("14 chiffres, sans espace. Il figure sur votre extrait Kbis ou avis Insee."),
        error_messages={"unique": _("Une entreprise avec ce SIRET a déjà un espace.")},
    )
    code_naf = models.CharField(
        _("code NAF (APE)"),
        max_length=6,
        blank=True,
        validators=[
            RegexValidator(
                r"^\d{2}\.?\d{2}[A-Za-z]$",
                _("Le code NAF s'écrit avec 4 chiffres et une lettre, par exemple 10.71C."),
            )
        ],
        help_text=_("Par exemple 10.71C pour une boulangerie-pâtisserie."),
    )
    idcc = models.CharField(
        _("IDCC de la convention collective"),
        max_length=4,
        blank=True,
        validators=[
            RegexValidator(r"^\d{1,4}$", _("L'IDCC est un numéro de 1 à 4 chiffres, ex. 843."))
        ],
        help_text=_("Numéro à 4 chiffres indiqué sur les bulletins de paie, ex. 843."),
    )
    convention_collective = models.CharField(
        _("intitulé de la convention collective"), max_length=255, blank=True
    )
    effectif = models.PositiveSmallIntegerField(
        _("effectif salarié"),
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("Nombre de salariés, sans compter le chef d'entreprise."),
    )
    adresse = models.CharField(_("adresse"), max_length=255)
    code_postal = models.CharField(
        _("code postal"),
        max_length=5,
        validators=[RegexValidator(r"^\d{5}$", _("Le code postal comporte 5 chiffres."))],
    )
    commune = models.CharField(_("commune"), max_length=120)
    cree_le = models.DateTimeField(_("créée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("entreprise")
        verbose_name_plural = _("entreprises")
        ordering = ["raison_sociale"]

    def __str__(self) -> str:
        return self.raison_sociale

    @property
    def adresse_complete(self) -> str:
        return f"{self.adresse}, {self.code_postal} {self.commune}"

    @property
    def siret_lisible(self) -> str:
        """Le SIRET par groupes, comme sur l'avis de situation Insee : 130 025 265 00013."""
        s = self.siret
        return f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:]}"


class UtilisateurManager(BaseUserManager["Utilisateur"]):
    """On se connecte par e-mail : pas de nom d'utilisateur."""

    use_in_migrations = True

    def _creer(self, email: str, password: str | None, **champs: object) -> "Utilisateur":
        if not email:
            raise ValueError("L'adresse e-mail est obligatoire.")
        utilisateur = self.model(email=self.normalize_email(email).lower(), **champs)
        utilisateur.set_password(password)
        utilisateur.save(using=self._db)
        return utilisateur

    def create_user(
        self, email: str, password: str | None = None, **champs: object
    ) -> "Utilisateur":
        champs.setdefault("is_staff", False)
        champs.setdefault("is_superuser", False)
        return self._creer(email, password, **champs)

    def create_superuser(self, email: str, password: str | None = None, **champs: object):
        champs.setdefault("role", Utilisateur.Role.ADMINISTRATEUR)
        champs["is_staff"] = True
        champs["is_superuser"] = True
        return self._creer(email, password, **champs)

    def get_by_natural_key(self, username: str | None) -> "Utilisateur":
        return self.get(email__iexact=username or "")


#: Domaine des adresses des comptes supprimés faute de connexion (`.invalid`, réservé par la
#: RFC 2606 : aucune adresse réelle n'y aboutit).
DOMAINE_COMPTE_SUPPRIME = "compte-supprime.invalid"


class Utilisateur(AbstractUser):
    """Une personne qui se connecte au portail, avec un seul rôle."""

    class Role(models.TextChoices):
        CHEF_ENTREPRISE = "chef_entreprise", _("Chef d'entreprise")
        CONSEILLER = "conseiller", _("Conseiller")
        EDITEUR_FAQ = "editeur_faq", _("Éditeur de la FAQ")
        ADMINISTRATEUR = "administrateur", _("Administrateur")

    username = None
    first_name = models.CharField(_("prénom"), max_length=150)
    last_name = models.CharField(_("nom"), max_length=150)
    email = models.EmailField(
        _("adresse e-mail"),
        unique=True,
        error_messages={"unique": _("Un compte existe déjà avec cette adresse e-mail.")},
    )
    role = models.CharField(
        _("rôle"), max_length=20, choices=Role.choices, default=Role.CHEF_ENTREPRISE
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="conseillers",
        help_text=_("Obligatoire pour un conseiller, vide pour les autres rôles."),
    )
    entreprise = models.ForeignKey(
        Entreprise,
        verbose_name=_("entreprise"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="membres",
        help_text=_("L'entreprise dont la personne est le chef (rôle chef d'entreprise)."),
    )

    prevenu_suppression_le = models.DateTimeField(
        _("prévenu de la suppression le"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "Date du dernier e-mail annonçant la suppression du compte faute de connexion."
        ),
    )

    email_confirme_le = models.DateTimeField(
        _("adresse e-mail confirmée le"),
        null=True,
        blank=True,
        default=timezone.now,
        help_text=_(
            "Vide tant que la personne inscrite n'a pas ouvert le lien reçu par e-mail : elle ne "
            "peut pas encore se connecter. Un compte créé ici est tenu pour confirmé."
        ),
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    objects = UtilisateurManager()

    class Meta:
        verbose_name = _("utilisateur")
        verbose_name_plural = _("utilisateurs")
        ordering = ["last_name", "first_name"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(role="conseiller", organisation__isnull=False)
                    | (~models.Q(role="conseiller") & models.Q(organisation__isnull=True))
                ),
                name="conseiller_a_une_organisation",
            ),
            models.CheckConstraint(
                condition=models.Q(role="chef_entreprise") | models.Q(entreprise__isnull=True),
                name="seul_un_chef_a_une_entreprise",
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    @property
    def est_supprime(self) -> bool:
        """Compte vidé de ses données personnelles après trois ans sans connexion : la fiche
        reste, pour que les dossiers et les documents gardent un auteur."""
        return self.email.endswith(f"@{DOMAINE_COMPTE_SUPPRIME}")

    def get_full_name(self) -> str:
        if self.est_supprime:
            return str(_("Compte supprimé"))
        return super().get_full_name()

    def clean(self) -> None:
        super().clean()
        self.email = self.email.lower()
        if self.role == self.Role.CONSEILLER and self.organisation_id is None:
            raise ValidationError(
                {"organisation": _("Un conseiller appartient à une organisation.")}
            )
        if self.role != self.Role.CONSEILLER and self.organisation_id is not None:
            raise ValidationError(
                {"organisation": _("Seul un conseiller appartient à une organisation.")}
            )
        if self.role != self.Role.CHEF_ENTREPRISE and self.entreprise_id is not None:
            raise ValidationError(
                {"entreprise": _("Seul un chef d'entreprise est rattaché à une entreprise.")}
            )

    @property
    def est_chef_entreprise(self) -> bool:
        return self.role == self.Role.CHEF_ENTREPRISE

    @property
    def est_conseiller(self) -> bool:
        return self.role == self.Role.CONSEILLER

    @property
    def est_editeur_faq(self) -> bool:
        return self.role == self.Role.EDITEUR_FAQ

    @property
    def est_administrateur(self) -> bool:
        return self.role == self.Role.ADMINISTRATEUR or self.is_superuser

    @property
    def libelle_role(self) -> str:
        if self.est_conseiller and self.organisation is not None:
            return str(_("Conseiller — %(organisation)s") % {"organisation": self.organisation})
        return str(self.get_role_display())
