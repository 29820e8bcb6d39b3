"""Valeurs du domaine : durées, absences, salaires mensuels, résultats de vérification."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from rh_tpe.droit.erreurs import ErreurDroit

UNITES = ("heures", "jours", "semaines", "mois")
_SINGULIERS = {"heures": "heure", "jours": "jour", "semaines": "semaine", "mois": "mois"}
_JOURS_PAR_SEMAINE = 7  # calendrier, pas une valeur légale


@dataclass(frozen=True, eq=False)
class Duree:
    """Une durée légale : ``Duree(2, "semaines")`` ; ``str()`` donne « 2 semaines ».

    Deux durées en jours et en semaines se comparent en jours (``Duree(14, "jours") ==
    Duree(2, "semaines")``) ; les heures et les mois ne se comparent qu'entre eux.
    """

    valeur: int
    unite: str

    def __post_init__(self) -> None:
        if self.unite not in UNITES:
            raise ErreurDroit(
                f"Unité de durée inconnue : « {self.unite} » (attendu : {', '.join(UNITES)}).",
                "—",
            )
        if isinstance(self.valeur, bool) or not isinstance(self.valeur, int) or self.valeur < 0:
            raise ErreurDroit("Une durée est un nombre entier positif ou nul.", "—")

    def _cle(self) -> tuple[str, int]:
        if self.unite == "semaines":
            return ("jours", self.valeur * _JOURS_PAR_SEMAINE)
        return (self.unite, self.valeur)

    def __eq__(self, autre: object) -> bool:
        if not isinstance(autre, Duree):
            return NotImplemented
        return self._cle() == autre._cle()

    def __hash__(self) -> int:
        return hash(self._cle())

    def en_jours(self) -> int | None:
        """Nombre de jours calendaires pour une durée en jours ou en semaines, sinon ``None``."""
        unite, valeur = self._cle()
        return valeur if unite == "jours" else None

    def __str__(self) -> str:
        unite = _SINGULIERS[self.unite] if self.valeur <= 1 else self.unite
        return f"{self.valeur} {unite}"


@dataclass(frozen=True)
class Absence:
    """Une absence pendant le contrat : son motif et sa durée en mois (ex. ``Decimal("1.5")``)."""

    motif: str
    duree_mois: Decimal


@dataclass(frozen=True)
class SalaireMensuel:
    """Un mois de salaire brut ; ``prime_annuelle`` est la part de ``brut`` qui est une prime
    annuelle ou exceptionnelle versée ce mois-là (R1234-4) ; ``arret_maladie`` : mois d'arrêt
    maladie, écarté du salaire de référence (Cass. soc. 23 mai 2017, n° 15-22.223)."""

    brut: Decimal
    prime_annuelle: Decimal = Decimal(0)
    arret_maladie: bool = False


@dataclass(frozen=True)
class Verification:
    """Résultat d'une vérification : valide ou non, message en français, article, limite."""

    valide: bool
    message: str
    article: str
    limite: str = ""
    details: tuple[str, ...] = field(default=())

    def __bool__(self) -> bool:
        return self.valide
