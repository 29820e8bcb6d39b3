"""Paiement du salaire : espèces, chèque ou virement (L3241-1)."""

from __future__ import annotations

from decimal import Decimal

from rh_tpe.droit.donnees import valeur
from rh_tpe.droit.erreurs import ErreurDroit
from rh_tpe.droit.outils import en_decimal


def plafond_paiement_especes() -> Decimal:
    """Montant mensuel au-delà duquel le salaire est payé par chèque barré ou virement, et en deçà
    duquel il est payé en espèces au salarié qui le demande : 1 500 € (L3241-1 ; décret
    n° 85-1073 du 7 octobre 1985, art. 1er — confiance « likely », texte hors référence)."""
    return valeur("paiement.especes.plafond_mensuel")


def paiement_especes_possible(montant_mensuel: Decimal | int | str) -> bool:
    """Le salaire du mois (montant versé) peut-il être payé en espèces (L3241-1) ? Oui jusqu'au
    plafond inclus (le texte n'impose le chèque ou le virement qu'« au-delà ») ; 1 500 € → oui,
    1 500,01 € → non."""
    montant = en_decimal(montant_mensuel)
    if montant < 0:
        raise ErreurDroit("Le montant du salaire ne peut être négatif.", "L3241-1")
    return montant <= plafond_paiement_especes()
