"""Les exceptions du moteur de droit : `ErreurDroit` et sa variante pour une date hors barème."""

from __future__ import annotations

from datetime import date


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


class ErreurHorsBareme(ErreurDroit):
    """Une date hors de la série connue d'un barème : par exemple le SMIC de l'année suivante,
    pas encore publié. Le message s'adresse à qui tient les barèmes ; l'interface en tire le
    sien (``le``, ``premiere_date``, ``derniere_date``)."""

    def __init__(
        self,
        message: str,
        article: str,
        *,
        bareme: str,
        le: date,
        premiere_date: date,
        derniere_date: date,
    ) -> None:
        super().__init__(message, article)
        self.bareme = bareme
        self.le = le
        self.premiere_date = premiere_date
        self.derniere_date = derniere_date
