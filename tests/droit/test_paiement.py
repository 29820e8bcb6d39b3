"""Paiement du salaire en espèces : L3241-1 et décret n° 85-1073 (1 500 €)."""

from decimal import Decimal

from rh_tpe.droit import paiement_especes_possible, plafond_paiement_especes, regle


def test_plafond_et_confiance_honnete() -> None:
    assert plafond_paiement_especes() == Decimal(1500)
    # Le décret n'est pas dans la référence du projet : pas « certain ».
    assert regle("paiement.especes.plafond_mensuel").confiance == "likely"


def test_especes_jusqu_au_plafond_inclus() -> None:
    assert paiement_especes_possible(Decimal("1500.00"))
    assert not paiement_especes_possible(Decimal("1500.01"))
