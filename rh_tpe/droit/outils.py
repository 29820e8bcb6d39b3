"""Outils de calcul : arrondis monétaires, arithmétique des mois et écriture des nombres à la
française (sans valeur légale)."""

from __future__ import annotations

import calendar
import unicodedata
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, ROUND_UP, Decimal

CENTIME = Decimal("0.01")
MOIS_PAR_AN = 12  # calendrier, pas une valeur légale
ESPACE_INSECABLE = "\u00a0"


def _groupes_de_milliers(entier: int) -> str:
    return f"{entier:,}".replace(",", ESPACE_INSECABLE)


def montant_en_francais(montant: Decimal) -> str:
    """1867.02 → « 1 867,02 € » (espaces insécables), arrondi au centime."""
    arrondi = en_decimal(montant).quantize(CENTIME, rounding=ROUND_HALF_UP)
    entier, centimes = divmod(int(arrondi * 100), 100)
    return f"{_groupes_de_milliers(entier)},{centimes:02d}{ESPACE_INSECABLE}€"


def nombre_en_francais(nombre: Decimal | int) -> str:
    """2.40 → « 2,4 » ; 1500 → « 1 500 » : virgule décimale, sans zéros inutiles."""
    texte = format(en_decimal(nombre).normalize(), "f")
    entier, _virgule, decimales = texte.partition(".")
    resultat = _groupes_de_milliers(int(entier))
    return f"{resultat},{decimales}" if decimales else resultat


def code_normalise(texte: str) -> str:
    """« Agent de maîtrise », « agent-de-maitrise » → « agent_de_maitrise » : la forme des codes
    que le moteur reçoit (catégories, motifs, situations), sans accents ni majuscules."""
    sans_accents = unicodedata.normalize("NFKD", texte).encode("ascii", "ignore").decode()
    code = sans_accents.strip().lower()
    for separateur in (" ", "-", "'", "’"):
        code = code.replace(separateur, "_")
    return code


def arrondir_euros(montant: Decimal) -> Decimal:
    """Arrondi au centime, demi vers le haut (à la fin d'un calcul)."""
    return montant.quantize(CENTIME, rounding=ROUND_HALF_UP)


def arrondir_centime_superieur(montant: Decimal) -> Decimal:
    """Arrondi au centime supérieur (minimum légal calculé avec un abattement)."""
    return montant.quantize(CENTIME, rounding=ROUND_UP)


def en_decimal(valeur: Decimal | int | str | float) -> Decimal:
    """Convertit sans passer par un flottant ; un flottant reçu (montant lu d'un JSON, 12.02)
    est pris pour le nombre décimal qu'il écrit (« 12.02 »), pas pour sa valeur binaire
    (12,0199999…) qui ferait tomber un salaire au SMIC sous le SMIC ou un demi-centime du
    mauvais côté de l'arrondi."""
    if isinstance(valeur, Decimal):
        return valeur
    if isinstance(valeur, float):
        return Decimal(repr(valeur))
    return Decimal(valeur)


def ajouter_mois(depart: date, mois: int) -> date:
    """Même quantième ``mois`` mois plus tard ; ramené au dernier jour du mois s'il n'existe pas
    (31 janvier + 1 mois = 28 ou 29 février)."""
    index = depart.month - 1 + mois
    annee, mois_final = depart.year + index // 12, index % 12 + 1
    jour = min(depart.day, calendar.monthrange(annee, mois_final)[1])
    return date(annee, mois_final, jour)


def mois_complets(debut: date, fin_exclue: date) -> int:
    """Nombre de mois calendaires complets entre ``debut`` (inclus) et ``fin_exclue``."""
    if fin_exclue <= debut:
        return 0
    mois = (fin_exclue.year - debut.year) * 12 + fin_exclue.month - debut.month
    while mois > 0 and ajouter_mois(debut, mois) > fin_exclue:
        mois -= 1
    return mois


def lendemain(jour: date) -> date:
    """Le jour suivant."""
    return jour + timedelta(days=1)
