"""Documents de fin de contrat : reçu pour solde de tout compte (L1234-20, D1234-7)."""

from datetime import date

from rh_tpe.droit import denonciation_solde_tout_compte_au_plus_tard, regle


def test_solde_de_tout_compte_denoncable_six_mois_apres_sa_signature() -> None:
    assert denonciation_solde_tout_compte_au_plus_tard(signature=date(2026, 3, 2)) == date(
        2026, 9, 2
    )
    assert denonciation_solde_tout_compte_au_plus_tard(signature=date(2026, 8, 31)) == date(
        2027, 2, 28
    )


def test_solde_de_tout_compte_en_double_exemplaire() -> None:
    assert regle("mentions.solde_tout_compte.exemplaires").entier == 2
