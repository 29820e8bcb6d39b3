"""Rupture conventionnelle : rétractation (L1237-13), homologation (L1237-14), R1231-1."""

from datetime import date

from rh_tpe.droit import (
    fin_retractation_rupture_conventionnelle,
    homologation_rupture_conventionnelle_acquise,
    regle,
    rupture_conventionnelle_au_plus_tot,
)


def test_quinze_jours_calendaires_jour_de_signature_exclu() -> None:
    assert fin_retractation_rupture_conventionnelle(signature=date(2026, 3, 2)) == date(2026, 3, 17)


def test_un_delai_expirant_un_samedi_est_proroge() -> None:
    assert fin_retractation_rupture_conventionnelle(signature=date(2026, 3, 6)) == date(2026, 3, 23)


def test_quinze_jours_ouvrables_d_instruction_puis_prorogation() -> None:
    # 15e jour ouvrable : samedi 4 avril 2026 ; lundi 6 avril (Pâques) férié → mardi 7 avril.
    assert homologation_rupture_conventionnelle_acquise(reception_demande=date(2026, 3, 18)) == (
        date(2026, 4, 7)
    )
    assert rupture_conventionnelle_au_plus_tot(signature=date(2026, 3, 2)) == date(2026, 4, 8)


def test_les_delais_sont_des_regles() -> None:
    assert str(regle("rupture.conventionnelle.retractation").unite) == "jours calendaires"
    assert regle("rupture.conventionnelle.homologation").article == "L1237-14"
