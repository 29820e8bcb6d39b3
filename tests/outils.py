"""Petits outils partagés par les tests (et par le banc `bench/documents.py`)."""

import html
import shutil
import subprocess
from pathlib import Path

# LibreOffice : les tests vérifient que le DOCX s'ouvre et se convertit proprement, le banc
# mesure cette conversion.
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def texte(reponse) -> str:
    """Le HTML d'une réponse, entités décodées : on compare au texte que lit la personne."""
    return html.unescape(reponse.content.decode())


def convertir_avec_libreoffice(
    source: Path, profil: Path, *, timeout: int = 180
) -> subprocess.CompletedProcess[str]:
    """Convertit le DOCX `source` en PDF, à côté de lui, avec LibreOffice sans écran : un
    `soffice` par document, comme un outil d'assemblage de documents, dans le profil `profil`
    (créé au premier lancement, gardé ensuite). Le code de retour est à vérifier."""
    return subprocess.run(
        [
            SOFFICE or "soffice",
            f"-env:UserInstallation={profil.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(source.parent),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
