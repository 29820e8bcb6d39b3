"""Contrôle des pièces jointes par leur contenu, pas par leur nom (Python pur).

Formats acceptés : PDF, DOCX, ODT, JPEG, PNG. On lit la signature des premiers octets ; pour
DOCX et ODT (des archives ZIP), on vérifie aussi ce que l'archive contient.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import IO

TAILLE_MAX = 10 * 1024 * 1024  # 10 Mo par fichier


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


def _zip(fichier: IO[bytes]) -> Format | None:
    try:
        with zipfile.ZipFile(fichier) as archive:
            noms = set(archive.namelist())
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
