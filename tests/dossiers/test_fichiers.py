"""Les pièces jointes sont reconnues par leur contenu, pas par leur nom."""

import io
import zipfile

import pytest

from rh_tpe.dossiers import fichiers


def docx() -> bytes:
    tampon = io.BytesIO()
    with zipfile.ZipFile(tampon, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return tampon.getvalue()


def odt() -> bytes:
    tampon = io.BytesIO()
    with zipfile.ZipFile(tampon, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return tampon.getvalue()


def docm_renomme() -> bytes:
    """Un document Word avec macros (.docm) renommé en .docx."""
    tampon = io.BytesIO()
    with zipfile.ZipFile(tampon, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
        )
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0")
    return tampon.getvalue()


def odt_avec_basic() -> bytes:
    tampon = io.BytesIO()
    with zipfile.ZipFile(tampon, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
        archive.writestr("Basic/Standard/Module1.xml", "<script:module/>")
    return tampon.getvalue()


def zip_quelconque() -> bytes:
    tampon = io.BytesIO()
    with zipfile.ZipFile(tampon, "w") as archive:
        archive.writestr("virus.exe", "MZ")
    return tampon.getvalue()


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
    [(docm_renomme(), True), (odt_avec_basic(), True), (docx(), False), (odt(), False)],
)
def test_les_macros_sont_reperees(contenu, attendu):
    assert fichiers.a_des_macros(io.BytesIO(contenu)) is attendu


def test_un_vrai_docx_du_portail_n_a_pas_de_macros():
    from rh_tpe.modeles.catalogue import type_document
    from rh_tpe.modeles.composition import composer
    from rh_tpe.modeles.docx import rendre_docx

    _nom, _mime, contenu = rendre_docx(composer("cdi", type_document("cdi").exemple).document)
    assert fichiers.a_des_macros(io.BytesIO(contenu)) is False
    assert fichiers.format_reconnu(io.BytesIO(contenu)) == fichiers.DOCX
