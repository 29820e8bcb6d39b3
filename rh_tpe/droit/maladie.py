"""Maladie et accident : indemnité complémentaire légale de l'employeur (L1226-1, D1226-1 à
D1226-8), dite « maintien de salaire »."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from rh_tpe.droit.donnees import regle, valeur
from rh_tpe.droit.erreurs import ErreurDroit
from rh_tpe.droit.outils import arrondir_euros, en_decimal

_TIERS = 3  # dénominateur de l'unité « tiers », pas une valeur légale


@dataclass(frozen=True)
class MaintienSalaire:
    """Le complément légal dû pour un arrêt : jours de carence, durée de chaque période (en jours
    d'absence), taux garanti de chaque période (indemnités journalières comprises)."""

    du: bool
    jours_carence: int
    jours_premiere_periode: int
    jours_seconde_periode: int
    taux_premiere_periode: Decimal
    taux_seconde_periode: Decimal
    article: str
    motif: str = ""


def _taux_seconde_periode() -> Decimal:
    return valeur("maladie.indemnite_complementaire.tiers_seconde_periode") / _TIERS


def maintien_salaire_maladie(
    *, anciennete_annees: Decimal | int | str, origine_professionnelle: bool = False
) -> MaintienSalaire:
    """Indemnité complémentaire de l'employeur en cas d'arrêt pour maladie ou accident (L1226-1,
    D1226-1 à D1226-3, D1226-8).

    * Droit ouvert avec une année d'ancienneté, appréciée au premier jour de l'absence (L1226-1,
      D1226-8), si l'arrêt est justifié dans les 48 heures, pris en charge par la sécurité sociale
      et soigné en France ou dans l'UE/EEE ; exclus : travailleurs à domicile, saisonniers,
      intermittents, temporaires (non vérifié ici).
    * 90 % de la rémunération brute pendant 30 jours, puis deux tiers pendant 30 jours (D1226-1) ;
      chaque durée augmente de 10 jours par période entière de 5 ans d'ancienneté au-delà de la
      première année, sans dépasser 90 jours (D1226-2) : 6 ans → 40 + 40 jours ; 31 ans → 90 + 90.
    * Indemnisation au-delà de 7 jours d'absence, dès le premier jour pour un accident du travail
      ou une maladie professionnelle, hors accident de trajet (D1226-3).

    Sur 12 mois, la durée totale indemnisée ne dépasse pas ces durées (D1226-4) : à déduire par
    l'appelant des jours déjà indemnisés. La convention collective est souvent plus favorable.
    """
    anciennete = en_decimal(anciennete_annees)
    if anciennete < 0:
        raise ErreurDroit("L'ancienneté ne peut être négative.", "L1226-1")
    requise = regle("maladie.indemnite_complementaire.anciennete_requise")
    carence = regle("maladie.indemnite_complementaire.carence")
    base = regle("maladie.indemnite_complementaire.duree_periode").entier
    taux_1 = valeur("maladie.indemnite_complementaire.taux_premiere_periode")
    taux_2 = _taux_seconde_periode()
    jours_carence = 0 if origine_professionnelle else carence.entier
    article = "L1226-1 ; D1226-1 ; D1226-2 ; D1226-3"
    if anciennete < requise.valeur:
        return MaintienSalaire(
            du=False,
            jours_carence=jours_carence,
            jours_premiere_periode=0,
            jours_seconde_periode=0,
            taux_premiere_periode=taux_1,
            taux_seconde_periode=taux_2,
            article=requise.article,
            motif=(
                f"Il faut {requise.entier} an d'ancienneté au premier jour de l'absence "
                "(sauf convention collective plus favorable)."
            ),
        )
    tranche = regle("maladie.indemnite_complementaire.tranche_anciennete").entier
    majoration = regle("maladie.indemnite_complementaire.majoration_par_tranche").entier
    plafond = regle("maladie.indemnite_complementaire.duree_periode_maximale").entier
    tranches = int((anciennete - requise.valeur) // tranche)
    jours = min(base + tranches * majoration, plafond)
    return MaintienSalaire(
        du=True,
        jours_carence=jours_carence,
        jours_premiere_periode=jours,
        jours_seconde_periode=jours,
        taux_premiere_periode=taux_1,
        taux_seconde_periode=taux_2,
        article=article,
    )


def indemnite_complementaire_maladie(
    *,
    remuneration_brute: Decimal | int | str,
    periode: int,
    allocations: Decimal | int | str = 0,
) -> Decimal:
    """Complément dû par l'employeur pour une période de paie (D1226-1, D1226-5, D1226-7).

    ``remuneration_brute`` : ce que le salarié aurait perçu s'il avait travaillé, sur l'horaire
    pratiqué pendant l'absence (D1226-7) ; ``periode`` : 1 (90 %) ou 2 (deux tiers) ;
    ``allocations`` : indemnités journalières de la sécurité sociale et part patronale de la
    prévoyance, déduites (D1226-5), comptées pleines même si la caisse les a réduites (D1226-6).
    Arrondi au centime ; jamais négatif. 3 000 € en 1re période, 1 200 € d'IJ → 1 500,00 €.
    """
    remuneration = en_decimal(remuneration_brute)
    deduites = en_decimal(allocations)
    if remuneration < 0 or deduites < 0:
        raise ErreurDroit("Montants négatifs.", "D1226-1")
    if periode == 1:
        garanti = remuneration * valeur("maladie.indemnite_complementaire.taux_premiere_periode")
    elif periode == 2:  # numéro de période, pas une valeur légale
        tiers = valeur("maladie.indemnite_complementaire.tiers_seconde_periode")
        garanti = remuneration * tiers / _TIERS
    else:
        raise ErreurDroit("La période d'indemnisation est 1 ou 2.", "D1226-1")
    return arrondir_euros(max(garanti - deduites, Decimal(0)))
