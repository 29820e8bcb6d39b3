"""Rendu DOCX d'un `Document` avec python-docx.

Le DOCX est le document modifiable : de vrais styles Word (Titre, Titre 1 pour les articles,
Normal, Liste à puces), la pagination dans le pied de page (champs PAGE et NUMPAGES) et les
propriétés du fichier (titre, auteur, dates). Le texte est inséré comme texte brut : python-docx
l'échappe pour le XML, rien n'y est interprété.
"""

from __future__ import annotations

import datetime
import functools
import io
import zipfile

from docx import Document as nouveau_docx
from docx.document import Document as DocumentWord
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from .structure import Bloc, Document, Liste, Paragraphe

MIME_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# Police du DOCX : celle que Word et LibreOffice ont partout (LibreOffice la remplace par
# Liberation Serif, métriquement identique). Le PDF incorpore Liberation Serif (pdf.css) aux mêmes
# tailles : les deux fichiers ont la même allure.
POLICE = "Times New Roman"
# Attributs qui désignent une police du thème du document (Calibri Light pour les titres du
# modèle de python-docx) : Word et LibreOffice les préfèrent au nom de police donné.
_POLICES_DU_THEME = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _langue_francaise(element: object) -> None:
    rpr = element.get_or_add_rPr()  # type: ignore[attr-defined]
    langue = OxmlElement("w:lang")
    langue.set(qn("w:val"), "fr-FR")
    rpr.append(langue)


def _preparer_styles(word: DocumentWord) -> None:
    styles = word.styles
    normal = styles["Normal"]
    normal.font.name = POLICE
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(4)
    # Texte aligné à gauche, comme le PDF : sans césure, le texte justifié crée des blancs
    # irréguliers, moins lisibles (WCAG 1.4.8).
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    # Le nom de police doit aussi viser les écritures « est-asiatiques » pour que Word l'applique.
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), POLICE)
    _langue_francaise(normal.element)
    for nom, taille in (("Title", 16), ("Subtitle", 11.5), ("Heading 1", 11)):
        style = styles[nom]
        style.font.name = POLICE
        polices = style.element.rPr.rFonts
        for attribut in _POLICES_DU_THEME:
            polices.attrib.pop(qn(attribut), None)
        polices.set(qn("w:eastAsia"), POLICE)
        style.font.size = Pt(taille)
        style.font.color.rgb = None
        style.paragraph_format.alignment = (
            WD_ALIGN_PARAGRAPH.LEFT if nom == "Heading 1" else WD_ALIGN_PARAGRAPH.CENTER
        )
    styles["Heading 1"].paragraph_format.space_before = Pt(10)
    styles["Heading 1"].paragraph_format.keep_with_next = True
    styles["Title"].font.bold = True


def _mise_en_page(word: DocumentWord) -> None:
    section = word.sections[0]
    # Le modèle de python-docx est au format Letter : les contrats français sont en A4.
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(22), Mm(24)
    section.left_margin, section.right_margin = Mm(22), Mm(20)
    pied = section.footer.paragraphs[0]
    pied.alignment = WD_ALIGN_PARAGRAPH.CENTER
    pied.add_run("Page ")
    _champ(pied, "PAGE")
    pied.add_run(" / ")
    _champ(pied, "NUMPAGES")
    for run in pied.runs:
        run.font.size = Pt(8.5)


def _champ(paragraphe: Paragraph, instruction: str) -> None:
    """Un champ Word (PAGE, NUMPAGES) : Word et LibreOffice le recalculent à l'affichage."""
    for type_, texte in (("begin", None), (None, f" {instruction} "), ("separate", None)):
        run = paragraphe.add_run()
        if type_:
            caractere = OxmlElement("w:fldChar")
            caractere.set(qn("w:fldCharType"), type_)
            run._r.append(caractere)
        else:
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = texte
            run._r.append(code)
    paragraphe.add_run("1")
    fin = paragraphe.add_run()
    caractere = OxmlElement("w:fldChar")
    caractere.set(qn("w:fldCharType"), "end")
    fin._r.append(caractere)


def _paragraphe_style(word: DocumentWord, texte: str, style_id: str | None) -> Paragraph:
    """Ajoute un paragraphe en posant l'identifiant du style directement.

    `add_paragraph(style="List Bullet")` recherche le style par son nom à chaque appel, en
    parcourant tous les styles : c'était la moitié du temps de rendu.
    """
    paragraphe = word.add_paragraph(texte)
    if style_id:
        paragraphe._p.style = style_id
    return paragraphe


def _ajouter_paragraphe(
    word: DocumentWord, paragraphe: Paragraphe, style_id: str | None = None
) -> Paragraph:
    sortie = _paragraphe_style(word, "", style_id)
    for segment in paragraphe.segments:
        run = sortie.add_run(segment.texte)
        if segment.gras:
            run.bold = True
    return sortie


# Identifiants des styles du modèle de python-docx (noms affichés : List Bullet, Title…).
_LISTE, _TITRE, _SOUS_TITRE, _ARTICLE = "ListBullet", "Title", "Subtitle", "Heading1"


def _ajouter_blocs(word: DocumentWord, blocs: tuple[Bloc, ...]) -> None:
    for bloc in blocs:
        if isinstance(bloc, Liste):
            for element in bloc.elements:
                _ajouter_paragraphe(word, element, style_id=_LISTE)
        else:
            _ajouter_paragraphe(word, bloc)


def _texte(word: DocumentWord, texte: str, *, gras: bool = False, italique: bool = False) -> None:
    paragraphe = word.add_paragraph()
    run = paragraphe.add_run(texte)
    run.bold = gras or None
    run.italic = italique or None


def _proprietes(word: DocumentWord, document: Document) -> None:
    meta = document.metadonnees
    proprietes = word.core_properties
    proprietes.title = meta.titre
    proprietes.author = meta.auteur
    proprietes.last_modified_by = meta.auteur
    proprietes.subject = meta.sujet
    proprietes.language = "fr-FR"
    proprietes.created = _utc_naif(meta.cree_le)
    proprietes.modified = _utc_naif(meta.modifie_le)
    proprietes.last_printed = _utc_naif(meta.modifie_le)
    proprietes.revision = 1
    proprietes.comments = ""
    proprietes.keywords = ""
    proprietes.category = ""


def _utc_naif(moment: datetime.datetime) -> datetime.datetime:
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(datetime.UTC).replace(tzinfo=None)


class _EcrivainZipDate:
    """Écrit les parties du paquet dans un ZIP dont chaque entrée porte une date fixe.

    python-docx date les entrées de l'heure courante : deux rendus du même document n'auraient
    pas les mêmes octets. Écrire le paquet nous-mêmes évite aussi de recompresser l'archive.
    """

    def __init__(self, sortie: io.BytesIO, moment: datetime.datetime) -> None:
        date = _utc_naif(moment).timetuple()[:6]
        self._date = max(date, (1980, 1, 1, 0, 0, 0))  # le format ZIP ignore tout avant 1980
        self._zip = zipfile.ZipFile(sortie, "w", zipfile.ZIP_DEFLATED)

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        info = zipfile.ZipInfo(pack_uri.membername, date_time=self._date)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self._zip.writestr(info, blob)

    def close(self) -> None:
        self._zip.close()


def _octets_reproductibles(word: DocumentWord, moment: datetime.datetime) -> bytes:
    # Mêmes étapes que `OpcPackage.save`, avec notre écrivain (les méthodes de PackageWriter
    # sont statiques ; le test « mêmes octets » vérifie que cela tient avec python-docx).
    paquet = word.part.package
    parties = list(paquet.parts)
    for partie in parties:
        partie.before_marshal()
    sortie = io.BytesIO()
    ecrivain = _EcrivainZipDate(sortie, moment)
    PackageWriter._write_content_types_stream(ecrivain, parties)
    PackageWriter._write_pkg_rels(ecrivain, paquet.rels)
    PackageWriter._write_parts(ecrivain, parties)
    ecrivain.close()
    return sortie.getvalue()


# Parties du modèle de python-docx qu'un contrat n'utilise pas : la copie des styles pour
# Word 2010 (438 Ko de XML), la vignette (l'aperçu d'un autre document) et le XML personnalisé.
_RELATIONS_INUTILES = (
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    RT.CUSTOM_XML,
    RT.THUMBNAIL,
)
# Les seuls styles de tableau gardés : le style par défaut et la grille simple. Les 130 autres
# (ombrages, grilles colorées) faisaient 95 % de styles.xml ; Word les propose de toute façon.
_STYLES_DE_TABLEAU_GARDES = frozenset({"TableNormal", "TableGrid"})


def _alleger(word: DocumentWord) -> None:
    """Retire du modèle ce que chaque rendu relirait et recompresserait pour rien."""
    for source in (word.part, word.part.package):
        for identifiant, relation in list(source.rels.items()):
            if relation.reltype in _RELATIONS_INUTILES:
                del source.rels[identifiant]
    styles = word.styles.element
    for style in styles.findall(qn("w:style")):
        if (
            style.get(qn("w:type")) == "table"
            and style.get(qn("w:styleId")) not in _STYLES_DE_TABLEAU_GARDES
        ):
            styles.remove(style)


@functools.cache
def _modele_de_base() -> bytes:
    """Le modèle Word mis en forme une fois (styles, A4, pied de page), relu à chaque rendu."""
    word = nouveau_docx()
    _alleger(word)
    _preparer_styles(word)
    _mise_en_page(word)
    tampon = io.BytesIO()
    word.save(tampon)
    return tampon.getvalue()


def rendre_docx(document: Document) -> tuple[str, str, bytes]:
    """Rend le document en DOCX : (nom de fichier, type MIME, octets).

    Même document et mêmes dates de métadonnées → mêmes octets.
    """
    word = nouveau_docx(io.BytesIO(_modele_de_base()))
    for ligne in document.entete:
        _texte(word, ligne, gras=ligne == document.entete[0])
    _paragraphe_style(word, document.titre, _TITRE)
    if document.sous_titre:
        _paragraphe_style(word, document.sous_titre, _SOUS_TITRE)
    _texte(word, document.introduction, gras=True)
    for index, partie in enumerate(document.parties):
        if index:
            _texte(word, document.liaison_parties, gras=True)
        for ligne in partie.lignes:
            _ajouter_paragraphe(word, ligne).paragraph_format.left_indent = Mm(6)
        _texte(word, partie.denomination, italique=True)
    _ajouter_blocs(word, document.preambule)
    for article in document.articles:
        _paragraphe_style(word, article.intitule, _ARTICLE)
        _ajouter_blocs(word, article.blocs)
    signature = document.signature
    word.add_paragraph(signature.formule).paragraph_format.keep_with_next = True
    signataires = signature.signataires
    tableau = word.add_table(rows=4, cols=len(signataires))
    tableau.alignment = WD_TABLE_ALIGNMENT.CENTER
    for colonne, signataire in enumerate(signataires):
        cellules = [tableau.cell(ligne, colonne) for ligne in range(4)]
        for cellule, texte, gras, italique in (
            (cellules[0], signataire.role, True, False),
            (cellules[1], signataire.nom, False, False),
            (cellules[2], signataire.mention, False, True),
        ):
            run = cellule.paragraphs[0].add_run(texte)
            run.bold = gras or None
            run.italic = italique or None
            cellule.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT
        # L'espace pour signer à la main.
        cellules[3].paragraphs[0].paragraph_format.space_after = Mm(25)
    _proprietes(word, document)
    contenu = _octets_reproductibles(word, document.metadonnees.modifie_le)
    return f"{document.nom_fichier}.docx", MIME_DOCX, contenu
