"""Congés payés : acquisition et indemnité."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_CEILING, Decimal

from rh_tpe.droit.donnees import regle, valeur
from rh_tpe.droit.erreurs import ErreurDroit
from rh_tpe.droit.outils import arrondir_euros, en_decimal


def conges_acquis(*, mois_travail_effectif: int, mois_maladie_non_professionnelle: int = 0) -> int:
    """Congés acquis sur la période de référence, en jours ouvrables.

    2,5 jours par mois de travail effectif (L3141-3) ; 2 jours par mois d'arrêt pour maladie ou
    accident non professionnel, dans la limite de 24 jours (L3141-5 7°, L3141-5-1, loi 2024-364) ;
    total plafonné à 30 jours ; fraction arrondie au jour supérieur (L3141-7).
    Exemple : 9 mois de travail et 3 mois de maladie → 22,5 + 6 = 28,5 → 29 jours.
    Les périodes assimilées (congé maternité, accident du travail…) comptent comme du travail
    effectif : à inclure dans ``mois_travail_effectif``.
    """
    if mois_travail_effectif < 0 or mois_maladie_non_professionnelle < 0:
        raise ErreurDroit("Un nombre de mois ne peut être négatif.", "L3141-3")
    travail = Decimal(mois_travail_effectif) * valeur("conges.acquisition.jours_par_mois")
    maladie = min(
        Decimal(mois_maladie_non_professionnelle)
        * valeur("conges.acquisition.jours_par_mois_maladie_non_professionnelle"),
        valeur("conges.acquisition.plafond_maladie_non_professionnelle"),
    )
    total = (travail + maladie).to_integral_value(rounding=ROUND_CEILING)
    return min(int(total), regle("conges.acquisition.plafond").entier)


def indemnite_conges_payes(
    *,
    remuneration_brute_reference: Decimal,
    jours_pris: int,
    jours_acquis: int,
    maintien_de_salaire: Decimal,
    remuneration_arrets_maladie: Decimal = Decimal(0),
) -> Decimal:
    """Indemnité de congés payés pour ``jours_pris`` jours, selon la méthode la plus favorable
    (L3141-24) :

    * règle du dixième : 1/10 de la rémunération brute totale de la période de référence, au
      prorata des jours pris sur les jours acquis (L3141-24 I) ; les arrêts pour maladie ou
      accident non professionnel (L3141-5 7°) y entrent à 80 % de la rémunération qui leur est
      associée (``remuneration_arrets_maladie``, L3141-24 I 4°, loi n° 2024-364) ;
    * maintien de salaire : ce que le salarié aurait gagné en travaillant pendant ces jours
      (L3141-24 II), calculé par l'appelant.

    Arrondie au centime. 24 000 € bruts, 30 jours sur 30, maintien 2 250 € → 2 400 €.
    """
    reference = en_decimal(remuneration_brute_reference)
    maintien = en_decimal(maintien_de_salaire)
    arrets = en_decimal(remuneration_arrets_maladie)
    if reference < 0 or maintien < 0 or arrets < 0:
        raise ErreurDroit("Les montants ne peuvent être négatifs.", "L3141-24")
    if jours_acquis <= 0 or not 0 <= jours_pris <= jours_acquis:
        raise ErreurDroit(
            "Les jours pris doivent être compris entre zéro et les jours acquis (positifs).",
            "L3141-24",
        )
    assiette = reference + arrets * valeur("conges.indemnite.part_arrets_maladie")
    dixieme = assiette * valeur("conges.indemnite.fraction") * jours_pris / jours_acquis
    return arrondir_euros(max(dixieme, maintien))


def debut_periode_reference_conges(*, annee: int, caisse_conges: bool = False) -> date:
    """Début de la période de référence d'acquisition des congés, à défaut d'accord collectif
    (L3141-10) : le 1er juin, ou le 1er avril dans les professions où l'employeur est affilié à
    une caisse de congés (``caisse_conges``, L3141-32) (R3141-4)."""
    cle = "debut_periode_reference_caisse" if caisse_conges else "debut_periode_reference"
    return date(annee, regle(f"conges.acquisition.{cle}").entier, 1)
