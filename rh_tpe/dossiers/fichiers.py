"""Contrôle des pièces jointes par leur contenu, pas par leur nom (Python pur).

Formats acceptés : PDF, DOCX, ODT, JPEG, PNG. On lit la signature des premiers octets ; pour
DOCX et ODT (des archives ZIP), on vérifie aussi ce que l'archive contient, et on refuse celles
qui portent du contenu actif : des macros (un .docm renommé en .docx, un ODT avec du Basic) ou
un renvoi vers un fichier extérieur que Word irait chercher à l'ouverture (modèle .dotm
distant, objet OLE lié : l'attaque « Follina »), un objet OLE ou ActiveX incorporé, un morceau
de RTF ou de MHT fondu dans le texte, ou un champ qui lance une commande (DDE,
l'attaque sans macro) ou va chercher un fichier ou une adresse (INCLUDEPICTURE, image liée…). Un PDF
est lu par pypdf, qui refuse de même le code JavaScript, les fichiers incorporés, les actions
qui lancent ou ouvrent un autre fichier, et une adresse ouverte sans clic du lecteur. Un
conseiller ouvre ces fichiers sur son poste.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO
from xml.etree import ElementTree
from xml.sax import SAXException
from xml.sax.handler import ContentHandler

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as DefusedET
from defusedxml.expatreader import DefusedExpatParser
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, PdfObject

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
# Une partie décrite (relations, types de contenu) plus grande que cela n'est pas lue : elle est
# refusée, pour ne jamais laisser passer ce qui se trouverait au-delà de ce qui a été lu.
LECTURE_MAX = 1_000_000
# Toutes les parties décrites d'une archive ensemble : quelques dizaines de kilo-octets dans un
# document ordinaire. Au-delà, l'archive est refusée sans être lue plus loin : des centaines de
# parties d'un mégaoctet, qui tiennent compressées dans un petit fichier, coûteraient des minutes
# de calcul à chaque contrôle.
LECTURE_TOTALE_MAX = 2_000_000


class _PartieIlisible(Exception):
    pass


def _elements(racine: ElementTree.Element, nom_local: str) -> list[ElementTree.Element]:
    """Les éléments de ce nom, quel que soit leur espace de noms (même absent)."""
    return [
        e for e in racine.iter() if isinstance(e.tag, str) and e.tag.rsplit("}", 1)[-1] == nom_local
    ]


class _Lecteur:
    """Lit les parties de description d'une archive par un vrai analyseur XML (références de
    caractères, encodages UTF-16 compris), sans entité ni DTD (defusedxml), dans un budget :
    une partie trop grande, mal formée, ou qui dépasse ce qui reste à lire pour l'archive
    entière, est refusée."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.reste = LECTURE_TOTALE_MAX

    def xml(self, nom: str) -> ElementTree.Element:
        limite = min(LECTURE_MAX, self.reste)
        if self.archive.getinfo(nom).file_size > limite:
            raise _PartieIlisible(nom)
        with self.archive.open(nom) as partie:
            contenu = partie.read(limite + 1)
        if len(contenu) > limite:
            raise _PartieIlisible(nom)
        self.reste -= len(contenu)
        try:
            return DefusedET.fromstring(contenu)
        except (ElementTree.ParseError, DefusedXmlException, ValueError) as erreur:
            raise _PartieIlisible(nom) from erreur


# Les relations Office vers un contenu que Word exécute ou confie à un autre programme, même
# rangé dans l'archive : objet OLE incorporé (un « Package » lance un programme d'un double
# clic ; l'éditeur d'équations d'Office, CVE-2017-11882), contrôle ActiveX, morceau de
# document en RTF, MHT ou HTML fondu dans le texte (altChunk, que Word convertit à
# l'ouverture). Un classeur ou une image incorporés restent permis.
RELATIONS_OFFICE_REFUSEES = frozenset(
    {"oleobject", "control", "activexcontrol", "activexcontrolbinary", "afchunk"}
)


def _renvoi_exterieur(lecteur: _Lecteur, noms: set[str]) -> bool:
    """Une relation Office vers l'extérieur autre qu'un lien hypertexte (modèle attaché, objet
    OLE, cadre, sous-document, que Word charge à l'ouverture du document), ou vers un contenu
    de `RELATIONS_OFFICE_REFUSEES`. Les noms des parties se comparent sans la casse, comme le
    fait Office."""
    for nom in noms:
        if not nom.lower().endswith(".rels"):
            continue
        for relation in _elements(lecteur.xml(nom), "Relationship"):
            exterieure = (relation.get("TargetMode") or "").strip().lower() == "external"
            genre = (relation.get("Type") or "").strip().lower().rsplit("/", 1)[-1]
            if (exterieure and genre != "hyperlink") or genre in RELATIONS_OFFICE_REFUSEES:
                return True
    return False


def _macros_declarees(lecteur: _Lecteur, noms: set[str]) -> bool:
    """Un type de contenu « macroEnabled » (document .docm renommé) dans [Content_Types].xml."""
    types = next((nom for nom in noms if nom.lower() == "[content_types].xml"), None)
    if types is None:
        return False
    racine = lecteur.xml(types)
    return any(
        "macroenabled" in (element.get("ContentType") or "").lower()
        for element in _elements(racine, "Override") + _elements(racine, "Default")
    )


# Les champs Word qui lancent un programme (DDE, DDEAUTO : du code exécuté sans macro) ou vont
# chercher un fichier ou une adresse (un chemin réseau y fait fuir l'empreinte du mot de passe
# Windows du lecteur, comme un modèle distant). Les champs ordinaires (PAGE, TOC, HYPERLINK,
# MERGEFIELD, REF…) restent permis.
CHAMPS_WORD_REFUSES = frozenset(
    {"DDE", "DDEAUTO", "INCLUDEPICTURE", "INCLUDETEXT", "INCLUDE", "LINK", "IMPORT"}
)
# Leurs équivalents OpenDocument : liens DDE, sections et tableaux repris d'un autre fichier,
# événements qui lancent un script (à l'ouverture du document, au clic…).
# Et les objets OLE incorporés, applets Java et greffons, qu'OpenOffice confie à un autre
# programme.
ELEMENTS_ODT_REFUSES = frozenset(
    {
        "dde-connection-decl",
        "dde-source",
        "section-source",
        "table-source",
        "event-listener",
        "object-ole",
        "applet",
        "plugin",
    }
)
# Les parties XML du texte (corps, en-têtes, notes, styles…) sont lues en entier, sans
# construire d'arbre : moins d'un mégaoctet pour un contrat, quelques-uns pour un document de
# plusieurs centaines de pages. Au-delà, l'archive est refusée : ce budget tient dans les deux
# secondes de lecture, même pour une partie faite de millions d'éléments vides.
TEXTE_MAX = 10_000_000
_NOM_DE_CHAMP = re.compile(r"[^\s\\\"{}]*")
# Une cible hors de l'archive : une adresse (http:, file:, smb:, C:…), un chemin absolu ou
# réseau, ou qui remonte hors du document.
_CIBLE_EXTERIEURE = re.compile(r"^\s*(?:[a-z][a-z0-9+.\-]*:|[/\\]|\.\.[/\\])", re.IGNORECASE)


def _local(nom: str) -> str:
    """« w:fldChar » → « fldChar » : le préfixe, quel qu'il soit, est ignoré (comme `_elements`)."""
    return nom.rsplit(":", 1)[-1]


def _nom_de_champ(instruction: str) -> str:
    return _NOM_DE_CHAMP.match(instruction.lstrip()).group().upper()  # type: ignore[union-attr]


def _attribut(attributs, nom: str) -> str:
    return next((v for cle, v in attributs.items() if _local(cle) == nom), "")


class _ChampsWord(ContentHandler):
    """Relève le nom de chaque champ d'une partie de Word : simple (w:fldSimple) ou en plusieurs
    morceaux (w:fldChar begin, w:instrText…, separate, end), même coupé en plusieurs runs. Un
    champ dont le nom serait produit par un champ imbriqué (obfuscation du DDE par QUOTE) compte
    comme un nom vide, refusé lui aussi."""

    def __init__(self) -> None:
        super().__init__()
        self.noms: list[str] = []
        self._ouverts: list[str | None] = []  # l'instruction de chaque champ ouvert, puis None
        self._dans_instruction = False

    @property
    def actif(self) -> bool:
        return any(nom in CHAMPS_WORD_REFUSES or not nom for nom in self.noms)

    def startElement(self, name, attrs):  # noqa: N802 - nom imposé par SAX
        local = _local(name)
        if local == "fldSimple":
            self.noms.append(_nom_de_champ(_attribut(attrs, "instr")))
        elif local == "instrText":
            self._dans_instruction = True
        elif local == "fldChar":
            genre = _attribut(attrs, "fldCharType")
            if genre == "begin":
                if self._ouverts and self._ouverts[-1] == "":
                    self.noms.append("")
                self._ouverts.append("")
            elif genre in {"separate", "end"} and self._ouverts:
                if self._ouverts[-1] is not None:
                    self.noms.append(_nom_de_champ(self._ouverts[-1]))
                if genre == "end":
                    self._ouverts.pop()
                else:
                    self._ouverts[-1] = None

    def endElement(self, name):  # noqa: N802 - nom imposé par SAX
        if _local(name) == "instrText":
            self._dans_instruction = False

    def characters(self, content):
        if self._dans_instruction and self._ouverts and self._ouverts[-1] is not None:
            # Le début de l'instruction suffit : le nom du champ en est le premier mot.
            self._ouverts[-1] = (self._ouverts[-1] + content).lstrip()[:200]


class _RenvoisOdt(ContentHandler):
    """Un élément de `ELEMENTS_ODT_REFUSES`, une cible (xlink:href) hors de l'archive sur autre
    chose qu'un lien hypertexte (text:a, draw:a) : image ou objet distant, ou un lien
    hypertexte qui lance une macro au clic."""

    def __init__(self) -> None:
        super().__init__()
        self.actif = False

    def startElement(self, name, attrs):  # noqa: N802 - nom imposé par SAX
        local, cible = _local(name), _attribut(attrs, "href")
        if local in ELEMENTS_ODT_REFUSES:
            self.actif = True
        elif local == "a":
            if cible.strip().lower().startswith(("vnd.sun.star.script:", "macro:")):
                self.actif = True
        elif _CIBLE_EXTERIEURE.match(cible):
            self.actif = True


def _texte_actif(archive: zipfile.ZipFile, noms: set[str]) -> bool:
    """Un champ Word ou un renvoi OpenDocument refusé, selon le format que portera le fichier.
    Toutes les parties XML sont lues, pas seulement word/ : le document principal d'un DOCX
    peut être rangé ailleurs (désigné par _rels/.rels), derrière un word/document.xml leurre.
    Chaque partie est lue par un analyseur SAX sans DTD ni entité (defusedxml), dans le budget
    `TEXTE_MAX` pour toute l'archive."""
    reste = TEXTE_MAX
    opendocument = _format_archive(archive, noms) == ODT
    for nom in sorted(noms):
        minuscule = nom.lower()
        if not minuscule.endswith(".xml") or minuscule == "meta-inf/manifest.xml":
            continue
        analyse = _RenvoisOdt() if opendocument else _ChampsWord()
        analyseur = DefusedExpatParser(forbid_dtd=True)
        analyseur.setContentHandler(analyse)
        try:
            with archive.open(nom) as partie:
                while morceau := partie.read(65536):
                    reste -= len(morceau)
                    if reste < 0:
                        raise _PartieIlisible(nom)
                    analyseur.feed(morceau)
            analyseur.close()
        except (SAXException, DefusedXmlException, ValueError) as erreur:
            raise _PartieIlisible(nom) from erreur
        if analyse.actif:
            return True
    return False


def _contenu_actif(archive: zipfile.ZipFile, noms: set[str]) -> bool:
    """Des macros dans un document Office (vbaProject.bin, type « macroEnabled ») ou
    OpenDocument (dossiers Basic/ et Scripts/), un renvoi vers un fichier extérieur, un champ
    Word ou un élément OpenDocument qui lance un programme ou charge un fichier. Une partie
    illisible compte comme du contenu actif : on ne sait pas ce qu'elle cache."""
    minuscules = {nom.lower() for nom in noms}
    if any(
        nom.endswith("vbaproject.bin")
        or nom.startswith(("basic/", "scripts/"))
        or "activex" in PurePath(nom).parts[:-1]
        for nom in minuscules
    ):
        return True
    try:
        lecteur = _Lecteur(archive)
        return (
            _macros_declarees(lecteur, noms)
            or _renvoi_exterieur(lecteur, noms)
            or _texte_actif(archive, noms)
        )
    except _PartieIlisible:
        return True


def _format_archive(archive: zipfile.ZipFile, noms: set[str]) -> Format | None:
    """ODT si l'archive le déclare dans sa partie « mimetype », DOCX si elle en a les parties."""
    if "mimetype" in noms:
        with archive.open("mimetype") as m:
            if m.read(100).strip() == ODT.type_mime.encode():
                return ODT
    if "[Content_Types].xml" in noms and "word/document.xml" in noms:
        return DOCX
    return None


def _noms(archive: zipfile.ZipFile) -> set[str] | None:
    """Les parties de l'archive, ou None s'il y en a trop pour un document."""
    noms = archive.namelist()
    return set(noms) if len(noms) <= PARTIES_MAX else None


# Ce qu'un PDF peut faire de plus que s'afficher, et que le portail refuse. Les actions (clé /S)
# qui exécutent du code, lancent un programme, ouvrent un autre fichier (un chemin réseau y fait
# fuir l'empreinte du mot de passe Windows du lecteur) ou envoient des données ; les clés du code
# JavaScript, des fichiers incorporés (/EF, /EmbeddedFiles) et des formulaires XFA ; les
# annotations qui portent un fichier ou un contenu multimédia. Les liens hypertexte (/URI) et les
# renvois internes (/GoTo) restent permis, comme dans un DOCX.
ACTIONS_PDF_REFUSEES = frozenset(
    {
        "/JavaScript",
        "/Launch",
        "/GoToR",
        "/GoToE",
        "/ImportData",
        "/SubmitForm",
        "/RichMediaExecute",
        "/Rendition",
    }
)
CLES_PDF_REFUSEES = frozenset({"/JS", "/JavaScript", "/EF", "/EmbeddedFiles", "/XFA"})
ANNOTATIONS_PDF_REFUSEES = frozenset({"/FileAttachment", "/RichMedia", "/Screen", "/Movie"})
# Un document de quelques pages compte quelques centaines d'objets ; au-delà, le PDF n'est pas
# parcouru plus loin et compte comme illisible.
OBJETS_PDF_MAX = 100_000


@dataclass(frozen=True)
class Examen:
    """Ce que dit le contenu d'un fichier : son format accepté (None sinon) et pourquoi il est
    refusé, le cas échéant, avec un message qui le dit : contenu actif (macros, code, renvoi
    extérieur), PDF protégé par un mot de passe, PDF illisible."""

    format: Format | None
    contenu_actif: bool = False
    protege: bool = False
    illisible: bool = False

    @property
    def refus(self) -> str | None:
        """La raison du refus, None pour un fichier accepté : « pdf_protege », « pdf_illisible »,
        « pdf_actif » pour un PDF ; « macros » pour une archive à contenu actif ; « format »
        pour ce qui n'est pas d'un format accepté."""
        if self.format == PDF:
            if self.protege:
                return "pdf_protege"
            if self.illisible:
                return "pdf_illisible"
            return "pdf_actif" if self.contenu_actif else None
        if self.contenu_actif:
            return "macros"
        return "format" if self.format is None else None

    @property
    def accepte(self) -> bool:
        return self.refus is None


def _resolu(objet: object) -> object:
    return objet.get_object() if isinstance(objet, PdfObject) else objet


def _ouvre_une_adresse(action: object, profondeur: int = 0) -> bool:
    """Une action (ou la suite de ses /Next) qui ouvre une adresse (/URI)."""
    action = _resolu(action)
    if profondeur > 50:
        return True
    if isinstance(action, ArrayObject):
        return any(_ouvre_une_adresse(a, profondeur + 1) for a in list.__iter__(action))
    if not isinstance(action, DictionaryObject):
        return False
    return _resolu(dict.get(action, "/S")) == "/URI" or _ouvre_une_adresse(
        dict.get(action, "/Next"), profondeur + 1
    )


def _adresse_ouverte_sans_clic(objet: DictionaryObject) -> bool:
    """Une adresse ouverte d'elle-même, à l'ouverture du document (/OpenAction) ou d'une page,
    au survol d'une zone (/AA) : le lecteur signale à un tiers qu'il lit le fichier, ou est
    mené vers une page d'hameçonnage sans avoir rien choisi. Un lien cliqué reste permis."""
    if _ouvre_une_adresse(dict.get(objet, "/OpenAction")):
        return True
    declencheurs = _resolu(dict.get(objet, "/AA"))
    return isinstance(declencheurs, DictionaryObject) and any(
        _ouvre_une_adresse(action) for action in dict.values(declencheurs)
    )


def _pdf_actif(lecteur: PdfReader) -> bool:
    """Parcourt les objets du PDF depuis sa racine (le trailer) sans décoder le contenu des
    pages : ce qu'un lecteur de PDF peut atteindre, pypdf l'atteint aussi, y compris dans les
    flux d'objets compressés et derrière des noms écrits en hexadécimal (/J#61vaScript)."""
    vus: set[tuple[int, int]] = set()
    a_voir: list[object] = [lecteur.trailer]
    parcourus = 0
    while a_voir:
        objet = a_voir.pop()
        if isinstance(objet, IndirectObject):
            if (objet.idnum, objet.generation) in vus:
                continue
            vus.add((objet.idnum, objet.generation))
            objet = objet.get_object()
        parcourus += 1
        if parcourus > OBJETS_PDF_MAX:
            raise _PartieIlisible("trop d'objets")
        if isinstance(objet, DictionaryObject):
            if not CLES_PDF_REFUSEES.isdisjoint(objet.keys()):
                return True
            if _resolu(dict.get(objet, "/S")) in ACTIONS_PDF_REFUSEES:
                return True
            if _resolu(dict.get(objet, "/Subtype")) in ANNOTATIONS_PDF_REFUSEES:
                return True
            if _adresse_ouverte_sans_clic(objet):
                return True
            a_voir.extend(dict.values(objet))
        elif isinstance(objet, ArrayObject):
            a_voir.extend(list.__iter__(objet))
    return False


def _examiner_pdf(fichier: IO[bytes]) -> Examen:
    try:
        lecteur = PdfReader(fichier, strict=False)
        if lecteur.is_encrypted and not lecteur.decrypt(""):
            return Examen(PDF, protege=True)
        if _pdf_actif(lecteur):
            return Examen(PDF, contenu_actif=True)
    except _PartieIlisible:
        return Examen(PDF, contenu_actif=True)
    except (PyPdfError, ValueError, TypeError, KeyError, OSError, RecursionError):
        # Un PDF que pypdf ne sait pas lire (tronqué, endommagé) : on ne sait pas ce qu'il cache.
        return Examen(PDF, illisible=True)
    return Examen(PDF)


def _examiner_zip(fichier: IO[bytes]) -> Examen:
    try:
        with zipfile.ZipFile(fichier) as archive:
            noms = _noms(archive)
            if noms is None:
                return Examen(None)
            if _contenu_actif(archive, noms):
                return Examen(None, contenu_actif=True)
            return Examen(_format_archive(archive, noms))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        pass
    return Examen(None)


def examiner(fichier: IO[bytes]) -> Examen:
    """Lit le fichier une fois : signature des premiers octets, et pour une archive ZIP ce
    qu'elle contient. Le fichier est remis au début."""
    fichier.seek(0)
    debut = fichier.read(16)
    fichier.seek(0)
    try:
        if debut.startswith(b"%PDF-"):
            return _examiner_pdf(fichier)
        if debut.startswith(b"\x89PNG\r\n\x1a\n"):
            return Examen(PNG)
        if debut.startswith(b"\xff\xd8\xff"):
            return Examen(JPEG)
        if debut.startswith(b"PK\x03\x04"):
            return _examiner_zip(fichier)
        return Examen(None)
    finally:
        fichier.seek(0)


NOM_MAX = 200


def nom_sur(nom: str, extension: str) -> str:
    """Le nom donné au fichier, avec l'extension de son format reconnu à la place de la sienne :
    un PDF nommé « relevé.bat » par celui qui l'a joint s'enregistre et se télécharge en
    « relevé.pdf », jamais en un fichier qui s'exécuterait d'un double clic."""
    racine = PurePath(nom).stem or "fichier"
    return racine[-(NOM_MAX - len(extension)) :] + extension


def examen_de(fichier: IO[bytes]) -> Examen:
    """L'examen d'un fichier téléversé, fait une seule fois pour la requête : le formulaire qui
    le contrôle et le service qui l'enregistre lisent le même. Un PDF ou une archive piégés
    peuvent coûter jusqu'à deux secondes de lecture chacun."""
    examen = getattr(fichier, "_examen_rh_tpe", None)
    if not isinstance(examen, Examen):
        examen = examiner(fichier)
        fichier._examen_rh_tpe = examen  # type: ignore[attr-defined]
    return examen


def a_du_contenu_actif(fichier: IO[bytes]) -> bool:
    """Vrai pour une archive DOCX ou ODT qui contient des macros ou renvoie vers un fichier
    extérieur, pour un PDF qui porte du code, un fichier incorporé ou une action refusée."""
    return examiner(fichier).contenu_actif


def format_reconnu(fichier: IO[bytes]) -> Format | None:
    """Le format du fichier d'après son contenu, ou None s'il n'est pas accepté."""
    examen = examiner(fichier)
    return examen.format if examen.accepte else None
