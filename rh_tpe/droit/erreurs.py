"""L'unique exception du moteur de droit."""

from __future__ import annotations


class ErreurDroit(ValueError):
    """Erreur de domaine : un message en français et l'article du Code qui la fonde.

    Hérite de ``ValueError`` pour que le code appelant puisse la traiter comme une donnée invalide.
    """

    def __init__(self, message: str, article: str) -> None:
        super().__init__(message, article)
        self.message = message
        self.article = article

    def __str__(self) -> str:
        return f"{self.message} (art. {self.article})"
