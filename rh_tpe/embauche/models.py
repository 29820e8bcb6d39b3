"""Le parcours d'embauche : le registre des salariés, les brouillons du parcours, les embauches.

Données personnelles (RGPD, référentiel « gestion du personnel » de la CNIL, délibération
2019-160) : on ne garde du salarié que ce que le contrat et le registre unique du personnel
demandent (identité, date de naissance, nationalité, adresse). Jamais de numéro de sécurité
sociale (NIR) : le portail n'en a pas besoin (décret 2019-341).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rh_tpe.comptes.models import Entreprise
from rh_tpe.modeles.models import DocumentGenere


class Salarie(models.Model):
    """Un salarié dans le registre de l'entreprise.

    Conservation : pendant l'emploi, puis 5 ans après le départ (R1221-26 pour le registre
    unique du personnel ; prescription civile, art. 2224 C. civ.). Le chef d'entreprise note la
    date de sortie sur chaque embauche ; `purger_donnees` supprime le salarié, ses embauches et
    ses contrats quand toutes ses embauches ont une date de sortie et que la plus récente a plus
    de 5 ans (`rh_tpe.droit.conservation_registre_jusqu_au`).
    """

    entreprise = models.ForeignKey(
        Entreprise, verbose_name=_("entreprise"), on_delete=models.PROTECT, related_name="salaries"
    )
    prenom = models.CharField(_("prénom"), max_length=150)
    nom = models.CharField(_("nom"), max_length=150)
    date_naissance = models.DateField(_("date de naissance"))
    nationalite = models.CharField(_("nationalité"), max_length=100)
    adresse = models.CharField(_("adresse"), max_length=255)
    cree_le = models.DateTimeField(_("créé le"), auto_now_add=True)
    modifie_le = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("salarié")
        verbose_name_plural = _("salariés")
        ordering = ["nom", "prenom"]

    def __str__(self) -> str:
        return f"{self.prenom} {self.nom}"


class BrouillonEmbauche(models.Model):
    """Un parcours d'embauche commencé et pas encore fini.

    Les réponses brutes de chaque étape sont gardées en base (et non dans la session) pour que
    le chef d'entreprise reprenne son brouillon depuis un autre appareil. Le brouillon
    appartient à l'entreprise ; il est supprimé quand le contrat est produit. Conservation :
    un brouillon abandonné contient des données d'un candidat ; il peut être supprimé depuis
    « Mon espace », et `manage.py purger_donnees` le supprime 2 ans après la dernière
    modification (durée du référentiel CNIL pour les candidats non retenus, portée par
    `rh_tpe.droit.conservation_candidat_jusqu_au`).
    """

    uuid = models.UUIDField(_("identifiant public"), default=uuid.uuid4, unique=True)
    entreprise = models.ForeignKey(
        Entreprise,
        verbose_name=_("entreprise"),
        on_delete=models.CASCADE,
        related_name="brouillons_embauche",
    )
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    donnees = models.JSONField(_("réponses du parcours"), default=dict, blank=True)
    # L'offre de contrat (promesse d'embauche) préparée au récapitulatif, avant le contrat :
    # supprimée avec le brouillon, sauf si elle passe à l'embauche.
    offre = models.ForeignKey(
        DocumentGenere,
        verbose_name=_("offre de contrat"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="brouillons_offre",
    )
    cree_le = models.DateTimeField(_("créé le"), auto_now_add=True)
    modifie_le = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("brouillon d'embauche")
        verbose_name_plural = _("brouillons d'embauche")
        ordering = ["-modifie_le"]

    def __str__(self) -> str:
        return str(_("Brouillon d'embauche n° %(pk)s") % {"pk": self.pk})

    @property
    def libelle(self) -> str:
        """« Marie Dupont — vendeuse » dès que l'étape salarié ou poste est remplie."""
        etapes = self.donnees.get("step_data", {})
        salarie = etapes.get("salarie", {})
        poste = etapes.get("poste", {})
        nom = " ".join(
            v[0] for v in (salarie.get("salarie-prenom"), salarie.get("salarie-nom")) if v and v[0]
        )
        intitule = (poste.get("poste-intitule") or [""])[0]
        morceaux = [m for m in (nom, intitule) if m]
        return " — ".join(morceaux) or str(_("Embauche sans nom pour l'instant"))

    @property
    def etape(self) -> str:
        return self.donnees.get("step") or "entreprise"


class Embauche(models.Model):
    """Une embauche terminée : le salarié, le contrat produit, les formalités cochées.

    `reponses` garde les réponses du parcours qui servent à la liste des formalités (mineur,
    travail de nuit, temps partiel, autorisation de travail). Conservation : comme le contrat,
    pendant l'emploi puis 5 ans après le départ (`date_sortie`).
    """

    class TypeContrat(models.TextChoices):
        CDI = "cdi", _("CDI")
        CDD = "cdd", _("CDD")

    uuid = models.UUIDField(_("identifiant public"), default=uuid.uuid4, unique=True)
    entreprise = models.ForeignKey(
        Entreprise, verbose_name=_("entreprise"), on_delete=models.PROTECT, related_name="embauches"
    )
    salarie = models.ForeignKey(
        Salarie, verbose_name=_("salarié"), on_delete=models.PROTECT, related_name="embauches"
    )
    type_contrat = models.CharField(_("type de contrat"), max_length=3, choices=TypeContrat)
    poste = models.CharField(_("poste"), max_length=200)
    date_debut = models.DateField(_("premier jour"))
    date_fin = models.DateField(_("dernier jour prévu"), null=True, blank=True)
    # Le jour où le salarié a quitté l'entreprise pour ce contrat (registre unique du personnel,
    # D1221-23) ; point de départ de la durée de conservation.
    date_sortie = models.DateField(_("date de sortie"), null=True, blank=True)
    temps_partiel = models.BooleanField(_("temps partiel"), default=False)
    reponses = models.JSONField(_("réponses utiles aux formalités"), default=dict, blank=True)
    document = models.ForeignKey(
        DocumentGenere,
        verbose_name=_("contrat"),
        on_delete=models.PROTECT,
        related_name="embauches",
    )
    offre = models.ForeignKey(
        DocumentGenere,
        verbose_name=_("offre de contrat"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="embauches_offre",
    )
    formalites_faites = models.JSONField(_("formalités faites"), default=list, blank=True)
    cree_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("créée par"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    cree_le = models.DateTimeField(_("créée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("embauche")
        verbose_name_plural = _("embauches")
        ordering = ["-cree_le"]

    def __str__(self) -> str:
        return f"{self.salarie} — {self.get_type_contrat_display()} — {self.poste}"
