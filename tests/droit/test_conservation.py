"""Durées de conservation : candidats (référentiel CNIL), registre du personnel (R1221-26)."""

from datetime import date

from rh_tpe.droit import conservation_candidat_jusqu_au, conservation_registre_jusqu_au, regle


def test_un_candidat_non_retenu_est_garde_deux_ans_apres_le_dernier_contact() -> None:
    assert conservation_candidat_jusqu_au(dernier_contact=date(2024, 3, 2)) == date(2026, 3, 2)
    assert conservation_candidat_jusqu_au(dernier_contact=date(2024, 2, 29)) == date(2026, 2, 28)


def test_la_duree_candidat_vient_du_referentiel_cnil_et_n_est_pas_certaine() -> None:
    duree = regle("conservation.candidat.non_retenu")
    assert "2019-160" in duree.article and "CNIL" in duree.source
    assert duree.confiance == "likely"


def test_le_registre_est_garde_cinq_ans_apres_le_depart() -> None:
    assert conservation_registre_jusqu_au(sortie=date(2026, 3, 15)) == date(2031, 3, 15)
    assert regle("conservation.registre.apres_depart").article == "R1221-26"
