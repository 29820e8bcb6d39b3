"""Produire un document : composer, rendre en PDF et en DOCX, figer le tout."""

import datetime
import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from rh_tpe.comptes.models import Entreprise, Utilisateur
from rh_tpe.modeles.catalogue import type_document
from rh_tpe.modeles.composition import Composition, composer
from rh_tpe.modeles.docx import rendre_docx
from rh_tpe.modeles.models import DocumentGenere
from rh_tpe.modeles.pdf import rendre_pdf


def _empreinte(contenu: bytes) -> str:
    return hashlib.sha256(contenu).hexdigest()


def document_composer(
    *, type_code: str, reponses: Mapping[str, Any], cree_le: datetime.datetime
) -> Composition:
    """La structure du document ; `RefusJuridique` ou `ReponsesInvalides` si la loi ou les
    réponses ne le permettent pas."""
    return composer(type_code, reponses, cree_le=cree_le, modifie_le=cree_le)


@transaction.atomic
def document_generer(
    *,
    entreprise: Entreprise,
    auteur: Utilisateur | None,
    type_code: str,
    reponses: Mapping[str, Any],
) -> DocumentGenere:
    """Compose, rend les deux fichiers et enregistre le document de l'entreprise."""
    cree_le = timezone.now().replace(microsecond=0)
    composition = document_composer(type_code=type_code, reponses=reponses, cree_le=cree_le)
    nom_pdf, _mime, pdf = rendre_pdf(composition.document)
    nom_docx, _mime, docx = rendre_docx(composition.document)
    document = DocumentGenere(
        entreprise=entreprise,
        type_code=composition.type_code,
        type_version=composition.type_version,
        titre=composition.document.titre,
        reponses=composition.reponses,
        valeurs_calculees=composition.valeurs_calculees,
        versions=composition.versions,
        sha256_pdf=_empreinte(pdf),
        sha256_docx=_empreinte(docx),
        cree_par=auteur,
        cree_le=cree_le,
    )
    document.fichier_pdf.save(nom_pdf, ContentFile(pdf), save=False)
    document.fichier_docx.save(nom_docx, ContentFile(docx), save=False)
    document.save()
    return document


class RenduNonReproductible(Exception):
    """Le document enregistré ne peut plus être rendu à l'identique : le modèle du type a
    changé de version, ou le moteur du droit calcule aujourd'hui d'autres valeurs (une règle ou
    un barème corrigé). Ses fichiers d'origine, vérifiés par leur empreinte, font foi."""


def document_rendre_a_nouveau(*, document: DocumentGenere) -> tuple[bytes, bytes]:
    """Rend de nouveau un document enregistré, depuis ses réponses figées (PDF, DOCX) : mêmes
    octets que les fichiers d'origine. `RenduNonReproductible` plutôt qu'un texte différent
    quand le modèle ou les valeurs légales ont changé depuis : les clauses d'une version
    ancienne ne sont pas gardées, seuls ses fichiers le sont."""
    actuelle = type_document(document.type_code).version
    if actuelle != document.type_version:
        raise RenduNonReproductible(
            f"Ce document a été produit avec la version {document.type_version} du modèle "
            f"« {document.type_code} », la version actuelle est la {actuelle} : ses fichiers "
            "d'origine, vérifiés par leur empreinte SHA-256, font foi."
        )
    composition = document_composer(
        type_code=document.type_code, reponses=document.reponses, cree_le=document.cree_le
    )
    if composition.valeurs_calculees != document.valeurs_calculees:
        changees = sorted(
            nom
            for nom in composition.valeurs_calculees.keys() | document.valeurs_calculees.keys()
            if composition.valeurs_calculees.get(nom) != document.valeurs_calculees.get(nom)
        )
        raise RenduNonReproductible(
            "Le moteur du droit ne calcule plus les mêmes valeurs pour ce document "
            f"({', '.join(changees)}) : ses fichiers d'origine, vérifiés par leur empreinte "
            "SHA-256, font foi."
        )
    return rendre_pdf(composition.document)[2], rendre_docx(composition.document)[2]


def documents_supprimer(*, documents: Iterable[DocumentGenere]) -> None:
    """Supprime des documents produits, fiches et fichiers. Les fichiers ne partent qu'une fois
    la suppression validée en base : une transaction annulée ne laisse pas de fiche sans
    fichier."""
    documents = list(documents)
    fichiers = [f for d in documents for f in (d.fichier_pdf, d.fichier_docx) if f]
    DocumentGenere.objects.filter(pk__in=[d.pk for d in documents]).delete()

    def effacer_fichiers() -> None:
        for fichier in fichiers:
            fichier.storage.delete(fichier.name)

    transaction.on_commit(effacer_fichiers)
