"""Banc de mesure de la génération de documents (pas un test).

    python bench/documents.py

Mesure, après un échauffement, le rendu PDF (WeasyPrint) et le rendu DOCX (python-docx) de
l'exemple du type `cdi`, puis, si LibreOffice est installé, sa conversion du même DOCX en PDF (la
voie des outils d'assemblage comme docassemble), et affiche les médianes et le rapport entre les
deux voies PDF.

Objectifs sur la machine à 2 cœurs : PDF ≤ 100 ms, DOCX ≤ 25 ms, PDF ≥ 12 × plus rapide que la
conversion par LibreOffice.

Les mesures sont entrelacées : chaque tour fait quelques rendus PDF, quelques rendus DOCX et une
conversion LibreOffice. Sur une machine virtuelle partagée, la vitesse change d'une seconde à
l'autre (jusqu'à 1,6 × pour le même rendu, même processus) : mesurées l'une après l'autre, les
deux voies l'étaient dans des conditions différentes, et le rapport disait surtout l'humeur de
la machine (8 à 16 × le même jour). Chaque ligne donne aussi le plus court et le plus long des
rendus : l'écart dit si la mesure a été faite au calme. Le rendu le plus long (~190 ms) est le
passage complet du ramasse-miettes, une fois toutes les ~35 rendus.

Où part le temps du PDF (cProfile, novembre 2026, ~70 ms au calme) : mise en page ~60 %, dont la
coupure des lignes par Pango ~20 % et la résolution des pourcentages de chaque boîte ~10 % ;
dessin du texte glyphe par glyphe ~25 % ; styles et écriture du fichier le reste. C'est le code
de WeasyPrint 70 (dernière version) ; il n'est pas modifié ici.

Ce qui a fait gagner (séances 4 à 11) :
- le Python 3.11 de Debian au lieu de celui de pyenv (~15 %, voir le Makefile) ;
- les flux compressés une fois au niveau 6 au lieu de deux au niveau 9 (~10 %, `pdf.py`) ;
- la feuille « agent utilisateur » réduite (`pdf-agent.css`, ~5 %) et pas d'élément autour de
  chaque article (~5 %) ;
- Liberation Serif à 10,5 pt, la police et la taille du DOCX, au lieu de DejaVu Serif : le
  contrat d'exemple tient en 3 pages au lieu de 4 (−14 %) ;
- le pied de page de pleine largeur (~2 %).

Essayé sans gain notable (moins de 3 % chacun) : sans PDF/A, sans la puce dessinée, sans
orphelines ni veuves, sans crénage ni ligatures, sans coupure des mots longs, un autre
interligne, une police réduite à l'alphabet latin, le ramasse-miettes coupé ou gelé pendant le
rendu, des flux non compressés (fichier 4 fois plus lourd), les `<div>` de l'en-tête et des
parties, les balises `<meta>`. Plus lent : les polices entières au lieu de sous-ensembles
(×2, 680 Ko), une grille CSS au lieu du tableau des signatures. Retirer le pied « Page X / Y »
(mention exigée) ou le tableau des signatures (l'ordre du texte extrait changerait) : non.

Mesures (médianes ; `python -m timeit "sum(i*i for i in range(1000))"` dit la vitesse du
moment) :
- dixième séance (26 novembre), `timeit` 30 µs, contrat de 4 pages, mesures non entrelacées :
  PDF 77 à 89 ms, LibreOffice ~1 000 ms, rapport 11,4 à 13,7 × ;
- onzième séance (27 novembre), `timeit` 37 à 64 µs, machine très chargée, non entrelacées :
  PDF 105 à 210 ms, rapport 8,1 à 13,7 × ;
- douzième séance (27 novembre), `timeit` 34 à 42 µs. Non entrelacées : PDF 69 à 113 ms selon
  les moments, DOCX 10 à 17 ms, LibreOffice 890 à 1 170 ms, rapport 9,0 à 16,0 ×. Entrelacées,
  dix bancs au long de la séance (dont trois sur un clone neuf, après la CI) : PDF 67,6 à
  71,8 ms, DOCX 9,3 à 10,0 ms, LibreOffice 897 à 934 ms, rapport 12,7 à 13,8 ×.
"""

from __future__ import annotations

import datetime
import logging
import os
import statistics
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
from tests.outils import SOFFICE, convertir_avec_libreoffice  # noqa: E402

TOURS = 6
RENDUS_PAR_TOUR = 5  # 30 rendus PDF et 30 rendus DOCX mesurés en tout
ECHAUFFEMENT = 3


def mesurer(fonction: Callable[[], object], fois: int) -> list[float]:
    """Les durées, en secondes, de `fois` appels."""
    durees = []
    for _ in range(fois):
        debut = time.perf_counter()
        fonction()
        durees.append(time.perf_counter() - debut)
    return durees


def resume(durees: list[float]) -> str:
    return (
        f"médiane {statistics.median(durees) * 1000:7.1f} ms "
        f"(de {min(durees) * 1000:.1f} à {max(durees) * 1000:.1f}) sur {len(durees)}"
    )


def convertisseur_libreoffice(dossier: Path, docx: bytes) -> Callable[[], None]:
    """Convertit le DOCX en PDF comme le ferait un outil d'assemblage : un `soffice` par
    document, avec un profil gardé d'une conversion à l'autre."""
    chemin = dossier / "cdi.docx"
    chemin.write_bytes(docx)
    profil = dossier / "profil"

    def convertir() -> None:
        convertir_avec_libreoffice(chemin, profil, timeout=120).check_returncode()

    return convertir


def main() -> None:
    moment = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=datetime.UTC)
    document = composer("cdi", type_document("cdi").exemple, cree_le=moment).document
    durees: dict[str, list[float]] = {"pdf": [], "docx": [], "libreoffice": []}
    with tempfile.TemporaryDirectory() as dossier:
        convertir = (
            convertisseur_libreoffice(Path(dossier), rendre_docx(document)[2]) if SOFFICE else None
        )
        mesurer(lambda: rendre_pdf(document), ECHAUFFEMENT)
        mesurer(lambda: rendre_docx(document), ECHAUFFEMENT)
        if convertir:
            convertir()
        for _ in range(TOURS):
            durees["pdf"] += mesurer(lambda: rendre_pdf(document), RENDUS_PAR_TOUR)
            durees["docx"] += mesurer(lambda: rendre_docx(document), RENDUS_PAR_TOUR)
            if convertir:
                durees["libreoffice"] += mesurer(convertir, 1)

    print(f"Exemple « cdi » : {len(document.articles)} articles")
    print(f"PDF  (WeasyPrint)  : {resume(durees['pdf'])} rendus (objectif 100 ms)")
    print(f"DOCX (python-docx) : {resume(durees['docx'])} rendus (objectif 25 ms)")
    if not convertir:
        print("LibreOffice absent : conversion DOCX → PDF non mesurée.")
        return
    rapport = statistics.median(durees["libreoffice"]) / statistics.median(durees["pdf"])
    print(f"DOCX → PDF (LibreOffice) : {resume(durees['libreoffice'])} conversions")
    print(f"Rapport LibreOffice / WeasyPrint : {rapport:.1f} × (objectif ≥ 12)")


if __name__ == "__main__":
    main()
