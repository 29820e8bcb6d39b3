"""Les documents générés : les réponses figées et les deux fichiers, gardés en lieu privé."""

import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils.translation import gettext_lazy as _

from rh_tpe.comptes.models import Entreprise


def stockage_prive():
    """Le stockage des fichiers privés : jamais servi directement, seulement par une vue qui
    vérifie les droits (voir `rh_tpe.modeles.views.telecharger`)."""
    return storages["prive"]


def chemin_fichier(document: "DocumentGenere", nom: str) -> str:
    return f"documents/{document.entreprise_id}/{document.uuid}/{nom}"


class DocumentGenere(models.Model):
    """Un document produit pour une entreprise, reproductible à l'identique.

    On fige ce qui l'a produit : la version du type de document, les réponses, les valeurs
    calculées par le moteur du droit et les versions des barèmes. Rendre à nouveau
    l'enregistrement redonne le même texte, et les mêmes octets puisque les dates inscrites
    dans les fichiers viennent de `cree_le`.
    """

    uuid = models.UUIDField(
        _("identifiant public"), default=uuid.uuid4, unique=True, editable=False
    )
    entreprise = models.ForeignKey(
        Entreprise, verbose_name=_("entreprise"), on_delete=models.PROTECT, related_name="documents"
    )
    type_code = models.CharField(_("type de document"), max_length=60)
    type_version = models.CharField(_("version du type"), max_length=20)
    titre = models.CharField(_("titre"), max_length=255)
    reponses = models.JSONField(_("réponses"), default=dict)
    valeurs_calculees = models.JSONField(
        _("valeurs calculées par le moteur du droit"), default=dict
    )
    versions = models.JSONField(_("versions des règles et des barèmes"), default=dict)
    fichier_pdf = models.FileField(
        _("fichier PDF"), storage=stockage_prive, upload_to=chemin_fichier, max_length=255
    )
    fichier_docx = models.FileField(
        _("fichier DOCX"), storage=stockage_prive, upload_to=chemin_fichier, max_length=255
    )
    sha256_pdf = models.CharField(_("empreinte SHA-256 du PDF"), max_length=64)
    sha256_docx = models.CharField(_("empreinte SHA-256 du DOCX"), max_length=64)
    cree_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("créé par"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="documents_generes",
    )
    cree_le = models.DateTimeField(_("créé le"))

    class Meta:
        verbose_name = _("document généré")
        verbose_name_plural = _("documents générés")
        ordering = ["-cree_le"]

    def __str__(self) -> str:
        return f"{self.titre} — {self.entreprise}"
