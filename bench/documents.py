"""Banc de mesure de la génération de documents (pas un test).

    python bench/documents.py

Affiche la médiane, sur au moins 20 rendus après un échauffement, du rendu PDF (WeasyPrint) et
du rendu DOCX (python-docx) de l'exemple du type `cdi`, puis, si LibreOffice est installé, la
médiane de sa conversion du même DOCX en PDF et le rapport entre les deux voies.

Objectifs sur la machine à 2 cœurs : PDF ≤ 100 ms, DOCX ≤ 25 ms, PDF ≥ 12 × plus rapide que la
conversion par LibreOffice.

Chaque ligne donne aussi le plus court et le plus long des rendus : sur une machine virtuelle
partagée, l'écart dit si la mesure a été faite au calme. Où part le temps du PDF (py-spy et
cProfile, novembre 2026) : mise en page WeasyPrint ~50 % (coupure des lignes par Pango ~18 %),
styles calculés ~13 %, dessin du texte ~20 %, écriture du PDF ~8 %. La double compression des
flux par pydyf (niveau 9, deux fois à cause de l'identifiant PDF/A) en coûtait 10 % de plus :
`pdf.py` les compresse désormais une fois (~120 → ~110 ms).

Essayé sans gain notable (moins de 2 % chacun, 26 novembre 2026, médiane 98 ms sur une machine
au calme) : sans PDF/A, sans la puce dessinée, sans orphelines ni veuves, sans crénage, une
police réduite à l'alphabet latin, le ramasse-miettes coupé ou gelé pendant le rendu ; puis
(même jour, machine plus rapide, médiane 78 ms, rapport 9,5 ×) : flux non compressés (−2 ms,
fichier 4 fois plus lourd), sans le pied de page « Page X / Y » (−3 ms, mention exigée), polices
entières au lieu de sous-ensembles (plus lent : 166 ms, 680 Ko). Le temps est dans WeasyPrint
(analyse 4 ms, mise en page 62 ms, écriture 30 ms, à 98 ms) pour un contrat de 109 éléments
HTML : le rapport de 12 × avec LibreOffice demande un WeasyPrint plus rapide.

Septième séance du 26 novembre 2026, machine plus lente (`python -m timeit "sum(i*i for i in
range(1000))"` : 34 à 37 µs, contre 28 µs la veille) : PDF 106,7 ms au calme, 122,8 à 130,3 ms
en fin de séance, rapport 7,8 à 10,0 ×. Ni la coupure des mots longs, ni les ligatures, ni
l'interligne, ni les sauts de page « avoid » ne pèsent (moins de 3 %) ; le tableau des
signatures coûte environ 11 % (mesuré sur une machine chargée), mais le remplacer par des
colonnes changerait l'ordre du texte extrait du PDF, qui doit rester celui du DOCX.

Neuvième séance (même machine, 34 µs au `timeit` ci-dessus), variantes mesurées en alternance
sur le même processus : la feuille HTML complète de WeasyPrint, comparée à chaque élément,
coûtait ~5 % (remplacée par `pdf-agent.css`, même PDF octet pour octet) ; l'élément `<section>`
autour de chaque article, ~5 % de plus (retiré) ; les règles des quinze boîtes de marge vides,
~2 %. PDF 105 → 97 ms, rapport ~10 ×. Sans effet : les `<div>` de l'en-tête et des parties, les
balises `<meta>`, la rangée vide des signatures, `text-rendering` ; une grille CSS au lieu du
tableau des signatures est plus lente. Puis le Python 3.11 de Debian au lieu de celui de pyenv
(voir le Makefile) : ~15 % de moins, PDF ~81 ms au calme, rapport 11,7 à 13,2 × selon la
conversion LibreOffice (950 à 1 070 ms) : l'objectif de 12 × est atteint à la limite, pas à
chaque mesure. Ce qui reste est dans Pango (coupure des lignes, ~15 %), le calcul paresseux des
styles et le dessin du texte glyphe par glyphe : du code de WeasyPrint.

Dixième séance (machine à 30 µs au `timeit`) : PDF 81 ms, LibreOffice 914 à 986 ms, rapport 11,2
et 12,1 ×. Mise en page 44 ms, dessin 20 ms, analyse et styles 8 ms, écriture 6 ms. La quatrième
page du contrat d'exemple, qui ne porte que le bloc des signatures (`break-inside: avoid` le
repousse), coûte à elle seule ~11 ms (14 %) : mise en page de la page et de ses marges ~4 ms, le
bloc mis en page deux fois (essayé en page 3, puis en page 4) et dessiné. Ni des flottants, ni
des blocs en ligne, ni des paragraphes empilés au lieu du tableau ne changent ce coût, ni
`overflow-wrap` retiré. Un contrat de trois pages tiendrait les 12 × ; resserrer la mise en page
du seul exemple pour y arriver changerait ce qu'on mesure, pas la vitesse : non fait. Le pied
de page de pleine largeur (`pdf.css`) retire ~1,6 ms. Cinq mesures en fin de séance : rapport
11,8 / 13,7 / 12,4 / 12,7 / 11,4 ×, PDF 77 à 89 ms, LibreOffice 952 à 1 126 ms : à la limite.

Onzième séance (27 novembre 2026), machine plus lente et très bruitée (`timeit` de 37 à 64 µs) :
PDF 137 ms, LibreOffice ~1 550 ms, rapport 10,9 et 11,6 ×. Le PDF prend alors la police du
DOCX, Liberation Serif (chasse de Times New Roman) à 10,5 pt, au lieu de DejaVu Serif à 10 pt,
bien plus large : le contrat imprimé a l'allure de celui qu'on modifie, et le CDI d'exemple
tient en 3 pages au lieu de 4, comme le DOCX ouvert dans LibreOffice. Mesuré en alternance
(processus séparés, même machine) : meilleur rendu 122 → 105 ms (−14 %), médiane 112 à 121 ms
au lieu de 140 à 189 ms. Bancs complets ensuite : rapport 13,4 et 12,4 ×, puis 8,1 × quand la
machine ralentissait (même rendu le plus court, 110 ms, mais médiane 169 ms). Sur cette machine,
le PDF ne descend pas sous 100 ms. En fin de séance (`timeit` 58 µs) : PDF 135, 137 et 210 ms,
LibreOffice 1 820 à 1 930 ms, rapport 13,7, 13,3 et 9,2 × : l'objectif de 12 × n'est pas tenu à
chaque mesure sur une machine aussi chargée.
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
CONVERSIONS_LIBREOFFICE = 6


def mesurer(fonction: Callable[[], object], fois: int, echauffement: int) -> list[float]:
    """Les durées, en secondes, de `fois` appels après `echauffement` appels non comptés."""
    for _ in range(echauffement):
        fonction()
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


def main() -> None:
    moment = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=datetime.UTC)
    document = composer("cdi", type_document("cdi").exemple, cree_le=moment).document
    durees_pdf = mesurer(lambda: rendre_pdf(document), RENDUS, ECHAUFFEMENT)
    durees_docx = mesurer(lambda: rendre_docx(document), RENDUS, ECHAUFFEMENT)
    pdf = statistics.median(durees_pdf)
    print(f"Exemple « cdi » : {len(document.articles)} articles")
    print(f"PDF  (WeasyPrint)  : {resume(durees_pdf)} rendus (objectif 100 ms)")
    print(f"DOCX (python-docx) : {resume(durees_docx)} rendus (objectif 25 ms)")

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

        durees_libreoffice = mesurer(convertir, CONVERSIONS_LIBREOFFICE, 1)
    libreoffice = statistics.median(durees_libreoffice)
    print(f"DOCX → PDF (LibreOffice) : {resume(durees_libreoffice)} conversions")
    print(f"Rapport LibreOffice / WeasyPrint : {libreoffice / pdf:.1f} × (objectif ≥ 12)")


if __name__ == "__main__":
    main()
