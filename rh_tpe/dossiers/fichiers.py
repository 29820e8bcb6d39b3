"""Contrôle des pièces jointes par leur contenu, pas par leur nom (Python pur).

Formats acceptés : PDF, DOCX, ODT, JPEG, PNG. On lit la signature des premiers octets ; pour
DOCX et ODT (des archives ZIP), on vérifie aussi ce que l'archive contient, et on refuse celles
qui portent du contenu actif : des macros (un .docm renommé en .docx, un ODT avec du Basic) ou
un renvoi vers un fichier extérieur que Word irait chercher à l'ouverture (modèle .dotm
distant, objet OLE lié : l'attaque « Follina »). Un conseiller ouvre ces fichiers sur son poste.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from typing import IO

TAILLE_MAX_MO = 10
TAILLE_MAX = TAILLE_MAX_MO * 1024 * 1024  # par fichier


@dataclass(frozen=True)
class Format:
    extension: str
    type_mime: str
    libelle: str


PDF = Format(".pdf", "application/pdf", "PDF")
PNG = Format(".png", "image/png", "PNG")
JPEG = Format(".jpg", "image/jpeg", "JPEG")
DOCX = Format(
    ".docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "DOCX",
)
ODT = Format(".odt", "application/vnd.oasis.opendocument.text", "ODT")
FORMATS = (PDF, DOCX, ODT, JPEG, PNG)

# Un document de traitement de texte ordinaire compte quelques dizaines de parties ; au-delà,
# l'archive est refusée sans être parcourue (des centaines de milliers de parties vides
# coûteraient des secondes de calcul à chaque contrôle).
PARTIES_MAX = 2_000
LECTURE_MAX = 1_000_000  # octets lus au plus dans une partie de l'archive

_RELATION = re.compile(rb"<(?:[\w.-]+:)?Relationship\b[^>]*>", re.IGNORECASE)
_EXTERIEURE = re.compile(rb"""TargetMode\s*=\s*["']External["']""", re.IGNORECASE)
_LIEN_HYPERTEXTE = re.compile(rb"""Type\s*=\s*["'][^"']*/hyperlink["']""", re.IGNORECASE)


def _renvoi_exterieur(archive: zipfile.ZipFile, noms: set[str]) -> bool:
    """Une relation Office vers l'extérieur autre qu'un lien hypertexte : modèle attaché,
    objet OLE, cadre, sous-document, que Word charge à l'ouverture du document."""
    for nom in noms:
        if not nom.endswith(".rels"):
            continue
        with archive.open(nom) as relations:
            for relation in _RELATION.findall(relations.read(LECTURE_MAX)):
                if _EXTERIEURE.search(relation) and not _LIEN_HYPERTEXTE.search(relation):
                    return True
    return False


def _contenu_actif(archive: zipfile.ZipFile, noms: set[str]) -> bool:
    """Des macros dans un document Office (vbaProject.bin, type « macroEnabled ») ou
    OpenDocument (dossiers Basic/ et Scripts/), ou un renvoi vers un fichier extérieur."""
    if any(
        nom.endswith("vbaProject.bin") or nom.startswith(("Basic/", "Scripts/")) for nom in noms
    ):
        return True
    if "[Content_Types].xml" in noms:
        with archive.open("[Content_Types].xml") as types:
            if b"macroenabled" in types.read(LECTURE_MAX).lower():
                return True
    return _renvoi_exterieur(archive, noms)


def _noms(archive: zipfile.ZipFile) -> set[str] | None:
    """Les parties de l'archive, ou None s'il y en a trop pour un document."""
    noms = archive.namelist()
    return set(noms) if len(noms) <= PARTIES_MAX else None


def a_du_contenu_actif(fichier: IO[bytes]) -> bool:
    """Vrai pour une archive DOCX ou ODT qui contient des macros ou renvoie vers un fichier
    extérieur."""
    fichier.seek(0)
    try:
        if fichier.read(4) != b"PK\x03\x04":
            return False
        fichier.seek(0)
        with zipfile.ZipFile(fichier) as archive:
            noms = _noms(archive)
            return noms is not None and _contenu_actif(archive, noms)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False
    finally:
        fichier.seek(0)


def _zip(fichier: IO[bytes]) -> Format | None:
    try:
        with zipfile.ZipFile(fichier) as archive:
            noms = _noms(archive)
            if noms is None or _contenu_actif(archive, noms):
                return None
            if "mimetype" in noms:
                with archive.open("mimetype") as m:
                    if m.read(100).strip() == ODT.type_mime.encode():
                        return ODT
            if "[Content_Types].xml" in noms and "word/document.xml" in noms:
                return DOCX
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None
    return None


def format_reconnu(fichier: IO[bytes]) -> Format | None:
    """Le format du fichier d'après son contenu, ou None s'il n'est pas accepté."""
    fichier.seek(0)
    debut = fichier.read(16)
    fichier.seek(0)
    trouve: Format | None = None
    if debut.startswith(b"%PDF-"):
        trouve = PDF
    elif debut.startswith(b"\x89PNG\r\n\x1a\n"):
        trouve = PNG
    elif debut.startswith(b"\xff\xd8\xff"):
        trouve = JPEG
    elif debut.startswith(b"PK\x03\x04"):
        trouve = _zip(fichier)
    fichier.seek(0)
    return trouve
