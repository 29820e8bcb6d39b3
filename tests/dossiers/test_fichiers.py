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
        (b"PK\x03\x04 archive tronquee", None),
        (b"<html><script>alert(1)</script></html>", None),
        (b"MZ\x90\x00", None),
        (b"", None),
    ],
)
def test_le_format_vient_du_contenu(contenu, attendu):
    assert fichiers.format_reconnu(io.BytesIO(contenu)) == attendu
