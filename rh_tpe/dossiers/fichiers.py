"""Contrôle des pièces jointes par leur contenu, pas par leur nom (Python pur).

Formats acceptés : PDF, DOCX, ODT, JPEG, PNG. On lit la signature des premiers octets ; pour
DOCX et ODT (des archives ZIP), on vérifie aussi ce que l'archive contient, et on refuse celles
qui portent des macros (un .docm renommé en .docx, un ODT avec du Basic) : un conseiller ouvre
ces fichiers sur son poste.
"""

from __future__ import annotations

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


def _macros(archive: zipfile.ZipFile, noms: set[str]) -> bool:
    """Des macros dans un document Office (vbaProject.bin, type « macroEnabled ») ou
    OpenDocument (dossiers Basic/ et Scripts/)."""
    if any(
        nom.endswith("vbaProject.bin") or nom.startswith(("Basic/", "Scripts/")) for nom in noms
    ):
        return True
    if "[Content_Types].xml" in noms:
        with archive.open("[Content_Types].xml") as types:
            return b"macroenabled" in types.read(1_000_000).lower()
    return False


def a_des_macros(fichier: IO[bytes]) -> bool:
    """Vrai pour une archive DOCX ou ODT qui contient des macros."""
    fichier.seek(0)
    try:
        if fichier.read(4) != b"PK\x03\x04":
            return False
        fichier.seek(0)
        with zipfile.ZipFile(fichier) as archive:
            return _macros(archive, set(archive.namelist()))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False
    finally:
        fichier.seek(0)


def _zip(fichier: IO[bytes]) -> Format | None:
    try:
        with zipfile.ZipFile(fichier) as archive:
            noms = set(archive.namelist())
            if _macros(archive, noms):
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
