"""Banc de mesure de la génération de documents (pas un test).

    python bench/documents.py

Affiche la médiane, sur au moins 20 rendus après un échauffement, du rendu PDF (WeasyPrint) et
du rendu DOCX (python-docx) de l'exemple du type `cdi`, puis, si LibreOffice est installé, la
médiane de sa conversion du même DOCX en PDF et le rapport entre les deux voies.

Objectifs sur la machine à 2 cœurs : PDF ≤ 100 ms, DOCX ≤ 25 ms, PDF ≥ 12 × plus rapide que la
conversion par LibreOffice.
"""

from __future__ import annotations

import datetime
import logging
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

RACINE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RACINE))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rh_tpe.settings")

import django  # noqa: E402

django.setup()
# WeasyPrint annonce chaque étape au niveau INFO : inutile et coûteux dans une mesure.
logging.getLogger("weasyprint").setLevel(logging.WARNING)

from rh_tpe.modeles.catalogue import type_document  # noqa: E402
from rh_tpe.modeles.composition import composer  # noqa: E402
from rh_tpe.modeles.docx import rendre_docx  # noqa: E402
from rh_tpe.modeles.pdf import rendre_pdf  # noqa: E402

RENDUS = 25
ECHAUFFEMENT = 3
CONVERSIONS_LIBREOFFICE = 4


def mediane(fonction: Callable[[], object], fois: int, echauffement: int) -> float:
    for _ in range(echauffement):
        fonction()
    durees = []
    for _ in range(fois):
        debut = time.perf_counter()
        fonction()
        durees.append(time.perf_counter() - debut)
    return statistics.median(durees)


def main() -> None:
    moment = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=datetime.UTC)
    document = composer("cdi", type_document("cdi").exemple, cree_le=moment).document
    pdf = mediane(lambda: rendre_pdf(document), RENDUS, ECHAUFFEMENT)
    docx = mediane(lambda: rendre_docx(document), RENDUS, ECHAUFFEMENT)
    print(f"Exemple « cdi » : {len(document.articles)} articles")
    print(f"PDF  (WeasyPrint)  : médiane {pdf * 1000:7.1f} ms sur {RENDUS} rendus (objectif 100)")
    print(f"DOCX (python-docx) : médiane {docx * 1000:7.1f} ms sur {RENDUS} rendus (objectif 25)")

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("LibreOffice absent : conversion DOCX → PDF non mesurée.")
        return
    with tempfile.TemporaryDirectory() as dossier:
        chemin = Path(dossier) / "cdi.docx"
        chemin.write_bytes(rendre_docx(document)[2])
        profil = Path(dossier) / "profil"

        def convertir() -> None:
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation={profil.as_uri()}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    dossier,
                    str(chemin),
                ],
                check=True,
                capture_output=True,
                timeout=120,
            )

        libreoffice = mediane(convertir, CONVERSIONS_LIBREOFFICE, 1)
    print(
        f"DOCX → PDF (LibreOffice) : médiane {libreoffice * 1000:7.1f} ms "
        f"sur {CONVERSIONS_LIBREOFFICE} conversions"
    )
    print(f"Rapport LibreOffice / WeasyPrint : {libreoffice / pdf:.1f} × (objectif ≥ 12)")


if __name__ == "__main__":
    main()
