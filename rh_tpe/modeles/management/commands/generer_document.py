"""`manage.py generer_document <type> --exemple|--donnees <fichier.json> --sortie <dossier>`.

Produit le PDF et le DOCX d'un type de document, avec ses réponses d'exemple ou des réponses
données dans un fichier JSON, et affiche le chemin des deux fichiers. Sert aux juristes qui
modifient un type de document et veulent voir le résultat, et aux démonstrations.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from rh_tpe.modeles.catalogue import (
    TypeDocumentInconnu,
    TypeDocumentInvalide,
    type_document,
    types_documents,
)
from rh_tpe.modeles.composition import ErreurComposition, ReponsesInvalides, composer
from rh_tpe.modeles.docx import rendre_docx
from rh_tpe.modeles.pdf import rendre_pdf


class Command(BaseCommand):
    help = "Produit le PDF et le DOCX d'un type de document (réponses d'exemple ou fichier JSON)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("type", help="code du type de document (cdi, cdd, promesse_embauche…)")
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument(
            "--exemple", action="store_true", help="utiliser les réponses d'exemple du type"
        )
        source.add_argument("--donnees", type=Path, help="fichier JSON des réponses")
        parser.add_argument(
            "--sortie", type=Path, required=True, help="dossier où écrire le PDF et le DOCX"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        code = options["type"]
        try:
            type_doc = type_document(code)
        except TypeDocumentInconnu:
            connus = ", ".join(t.code for t in types_documents())
            raise CommandError(
                f"Type de document inconnu : « {code} ». Types disponibles : {connus}."
            ) from None
        except TypeDocumentInvalide as erreur:
            raise CommandError(f"Le type « {code} » est invalide : {erreur}") from None

        reponses = type_doc.exemple if options["exemple"] else self._lire(options["donnees"])
        try:
            composition = composer(type_doc, reponses)
        except ReponsesInvalides as erreur:
            details = "\n".join(f"  - {nom} : {message}" for nom, message in erreur.erreurs.items())
            raise CommandError(f"Réponses invalides :\n{details}") from None
        except ErreurComposition as erreur:
            raise CommandError(f"Document refusé : {erreur}") from None

        sortie: Path = options["sortie"]
        try:
            sortie.mkdir(parents=True, exist_ok=True)
            for rendre in (rendre_pdf, rendre_docx):
                nom, _mime, contenu = rendre(composition.document)
                chemin = sortie / nom
                chemin.write_bytes(contenu)
                self.stdout.write(str(chemin))
        except OSError as erreur:
            raise CommandError(f"Impossible d'écrire dans « {sortie} » : {erreur}") from None

    def _lire(self, chemin: Path) -> dict[str, Any]:
        try:
            donnees = json.loads(chemin.read_text(encoding="utf-8"))
        except OSError as erreur:
            raise CommandError(f"Impossible de lire « {chemin} » : {erreur.strerror}.") from None
        except (json.JSONDecodeError, UnicodeDecodeError) as erreur:
            raise CommandError(f"« {chemin} » n'est pas un JSON valide : {erreur}.") from None
        if not isinstance(donnees, dict):
            raise CommandError(f'« {chemin} » doit contenir un objet JSON {{"nom": valeur, …}}.')
        return donnees
