"""Le DOCX s'ouvre et se convertit proprement dans LibreOffice.

Un patron qui modifie son contrat l'ouvrira souvent dans LibreOffice : on lui fait convertir le
DOCX en PDF, comme en ligne de commande, et on relit ce PDF. Les champs du pied de page (PAGE,
NUMPAGES) doivent y être recalculés et aucun paragraphe ne doit manquer ni changer d'ordre.
"""

from __future__ import annotations

import io
import re

import pypdf
import pytest
from docx import Document as lire_docx

from rh_tpe.modeles.docx import rendre_docx
from tests.modeles.test_documents_rendu import composer_exemple, normaliser
from tests.outils import convertir_avec_libreoffice

pytestmark = pytest.mark.libreoffice

# A4 en points PDF, à un point près (LibreOffice arrondit au dixième de millimètre).
A4 = (595.3, 841.9)


@pytest.fixture(scope="module")
def profil_libreoffice(tmp_path_factory):
    """Un profil LibreOffice à part, partagé par les conversions du module."""
    return tmp_path_factory.mktemp("profil-libreoffice")


def pdf_de_libreoffice(contenu: bytes, dossier, profil) -> bytes:
    source = dossier / "contrat.docx"
    source.write_bytes(contenu)
    resultat = convertir_avec_libreoffice(source, profil)
    assert resultat.returncode == 0, resultat.stderr
    return (dossier / "contrat.pdf").read_bytes()


@pytest.mark.parametrize("code", ["cdi", "cdd", "promesse_embauche"])
def test_libreoffice_convertit_le_docx_sans_rien_perdre(code, tmp_path, profil_libreoffice):
    _, _, docx = rendre_docx(composer_exemple(code).document)
    converti = pdf_de_libreoffice(docx, tmp_path, profil_libreoffice)
    pdf = pypdf.PdfReader(io.BytesIO(converti))

    nombre = len(pdf.pages)
    assert nombre >= 1
    texte = []
    for numero, page in enumerate(pdf.pages, start=1):
        largeur, hauteur = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(largeur - A4[0]) < 1 and abs(hauteur - A4[1]) < 1, (largeur, hauteur)
        lignes = [ligne.strip() for ligne in page.extract_text().splitlines() if ligne.strip()]
        # Les champs PAGE et NUMPAGES sont recalculés par LibreOffice, page par page.
        assert f"Page {numero} / {nombre}" in lignes, lignes[-3:]
        texte.append(" ".join(ligne for ligne in lignes if ligne != f"Page {numero} / {nombre}"))
    # LibreOffice peut aller à la ligne après un trait d'union (« L3121- » puis « 28 ») : c'est
    # de la mise en page, pas une perte ; on recolle ces coupures avant de comparer.
    texte_converti = re.sub(r"(?<=\w)- (?=\w)", "-", normaliser(" ".join(texte)))

    # Chaque paragraphe du corps se retrouve, dans l'ordre ; les cellules du tableau des
    # signatures aussi (LibreOffice peut les lire ligne par ligne ou colonne par colonne).
    document = lire_docx(io.BytesIO(docx))
    position = 0
    for paragraphe in document.paragraphs:
        attendu = normaliser(paragraphe.text)
        if not attendu:
            continue
        trouve = texte_converti.find(attendu, position)
        assert trouve >= 0, f"paragraphe perdu ou déplacé : {attendu!r}"
        position = trouve + len(attendu)
    for tableau in document.tables:
        for cellule in (c for ligne in tableau.rows for c in ligne.cells):
            assert normaliser(cellule.text) in texte_converti
    # Tout le texte dans la police du DOCX (Times New Roman, que LibreOffice remplace par
    # Liberation Serif) ; les puces des listes viennent de la police de symboles de LibreOffice.
    polices = {
        str(police.get_object()["/BaseFont"]).split("+")[-1]
        for page in pdf.pages
        for police in page["/Resources"]["/Font"].values()
    }
    assert polices - {"OpenSymbol"} <= {
        "LiberationSerif",
        "LiberationSerif-Bold",
        "LiberationSerif-Italic",
    }, f"{polices} : sans le paquet fonts-liberation2 (sudo make system-deps), LibreOffice "
    "remplace Times New Roman par une autre police"
