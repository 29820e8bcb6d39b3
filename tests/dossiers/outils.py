"""Fichiers de test."""

from django.core.files.uploadedfile import SimpleUploadedFile


def pdf_fait_main(*objets: bytes) -> bytes:
    """Un PDF dont les objets 1, 2, … sont `objets` (le 1 est la racine), avec une table des
    renvois exacte : ce que pypdf et les lecteurs de PDF lisent sans rien réparer."""
    morceaux = [b"%PDF-1.7\n"]
    positions = []
    for numero, corps in enumerate(objets, start=1):
        positions.append(sum(map(len, morceaux)))
        morceaux.append(b"%d 0 obj\n%s\nendobj\n" % (numero, corps))
    debut_table = sum(map(len, morceaux))
    morceaux.append(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objets) + 1))
    morceaux += [b"%010d 00000 n \n" % position for position in positions]
    morceaux.append(
        b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objets) + 1, debut_table)
    )
    return b"".join(morceaux)


def pdf_d_une_page(catalogue: bytes = b"", page: bytes = b"", *autres: bytes) -> bytes:
    """Un PDF d'une page blanche ; `catalogue` et `page` s'ajoutent à leurs dictionnaires, les
    objets `autres` sont numérotés à partir de 4."""
    return pdf_fait_main(
        b"<</Type/Catalog/Pages 2 0 R" + catalogue + b">>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]" + page + b">>",
        *autres,
    )


PDF_MINIMAL = pdf_d_une_page()


def pdf(nom: str = "bulletin.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(nom, PDF_MINIMAL, content_type="application/pdf")


def faux_pdf(nom: str = "facture.pdf") -> SimpleUploadedFile:
    """Un script renommé en .pdf : refusé, le contenu ne trompe pas."""
    return SimpleUploadedFile(nom, b"#!/bin/sh\nrm -rf /\n", content_type="application/pdf")


def lire_jusqu_au_bout(reponse):
    """Lit jusqu'au bout le fichier d'une pièce jointe servie : le client de test le referme
    alors sans fermer la connexion à la base (un `reponse.close()` explicite enverrait
    `request_finished`, qui ferme la connexion PostgreSQL au milieu du test)."""
    if reponse.streaming:
        b"".join(reponse.streaming_content)
    return reponse
