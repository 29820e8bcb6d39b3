"""Vérification système : le catalogue `documents_types/` est cohérent avec le moteur.

Enregistrée dans `apps.py` (`register(verifier_types_documents)`) : `manage.py check` et le
démarrage signalent un modèle qui utilise une réponse non déclarée, un type sans modèle de
clauses, un calcul ou un contrôle inconnu du moteur.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.core.checks import CheckMessage, Error

from . import catalogue
from .composition import CALCULS, CONTROLES


def problemes_types_documents(racine: Path | None = None) -> list[CheckMessage]:
    erreurs = catalogue.verifier_catalogue(
        racine, calculs_connus=CALCULS, controles_connus=CONTROLES
    )
    return [
        Error(
            f"Type de document « {erreur.code} » invalide : {probleme}",
            hint="Corrigez le dossier documents_types/" + erreur.code,
            obj=erreur.code,
            id="modeles.E001",
        )
        for erreur in erreurs
        for probleme in erreur.problemes
    ]


def verifier_types_documents(
    app_configs: Iterable[Any] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    return problemes_types_documents()
