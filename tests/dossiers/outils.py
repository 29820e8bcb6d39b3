"""Fichiers de test."""

from django.core.files.uploadedfile import SimpleUploadedFile

PDF_MINIMAL = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def pdf(nom: str = "bulletin.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(nom, PDF_MINIMAL, content_type="application/pdf")


def faux_pdf(nom: str = "facture.pdf") -> SimpleUploadedFile:
    """Un script renommé en .pdf : refusé, le contenu ne trompe pas."""
    return SimpleUploadedFile(nom, b"#!/bin/sh\nrm -rf /\n", content_type="application/pdf")
