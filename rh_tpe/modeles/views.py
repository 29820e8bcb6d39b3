"""Téléchargement des documents générés, après vérification des droits."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from rh_tpe.modeles.selectors import documents_visibles

FORMATS = {
    "pdf": ("fichier_pdf", "application/pdf"),
    "docx": (
        "fichier_docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
}


@login_required
@require_GET
def telecharger(request: HttpRequest, uuid: str, format: str) -> FileResponse:
    """Un document d'une autre entreprise répond 404, comme un document qui n'existe pas :
    on ne dit pas qu'il existe."""
    if format not in FORMATS:
        raise Http404
    document = get_object_or_404(documents_visibles(request.user), uuid=uuid)
    champ, mime = FORMATS[format]
    fichier = getattr(document, champ)
    try:
        flux = fichier.open("rb")
    except FileNotFoundError as erreur:
        raise Http404 from erreur
    reponse = FileResponse(
        flux, as_attachment=True, filename=fichier.name.rsplit("/", 1)[-1], content_type=mime
    )
    reponse["Cache-Control"] = "private, no-store"
    reponse["X-Content-Type-Options"] = "nosniff"
    return reponse
