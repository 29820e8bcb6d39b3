"""Durées de conservation : candidats (référentiel CNIL), registre du personnel (R1221-26),
comptes du portail sans connexion (RGPD art. 5-1 e)."""

from datetime import date, timedelta

import pytest

from rh_tpe.droit import (
    conservation_candidat_jusqu_au,
    conservation_compte_jusqu_au,
    conservation_registre_jusqu_au,
    dernier_acces_compte_expire,
    dernier_contact_candidat_expire,
    derniere_sortie_expiree,
    regle,
)


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


@pytest.mark.parametrize(
    "aujourd_hui",
    [date(2031, 3, 16), date(2029, 3, 1), date(2028, 2, 29), date(2031, 2, 28), date(2030, 12, 31)],
)
def test_la_derniere_sortie_expiree_est_l_inverse_exact_de_la_conservation(aujourd_hui) -> None:
    derniere = derniere_sortie_expiree(aujourd_hui=aujourd_hui)
    # Ce jour-là, la conservation est finie ; le lendemain, elle court encore aujourd'hui.
    assert conservation_registre_jusqu_au(sortie=derniere) < aujourd_hui
    assert conservation_registre_jusqu_au(sortie=derniere + timedelta(days=1)) >= aujourd_hui


def test_sortie_le_15_mars_2026_gardee_jusqu_au_15_mars_2031_purgeable_le_16() -> None:
    assert derniere_sortie_expiree(aujourd_hui=date(2031, 3, 15)) == date(2026, 3, 14)
    assert derniere_sortie_expiree(aujourd_hui=date(2031, 3, 16)) == date(2026, 3, 15)


@pytest.mark.parametrize("aujourd_hui", [date(2026, 3, 3), date(2026, 3, 1), date(2028, 2, 29)])
def test_le_dernier_contact_expire_est_l_inverse_exact_de_la_conservation(aujourd_hui) -> None:
    dernier = dernier_contact_candidat_expire(aujourd_hui=aujourd_hui)
    assert conservation_candidat_jusqu_au(dernier_contact=dernier) < aujourd_hui
    suivant = dernier + timedelta(days=1)
    assert conservation_candidat_jusqu_au(dernier_contact=suivant) >= aujourd_hui


def test_un_compte_sans_connexion_est_garde_trois_ans() -> None:
    assert conservation_compte_jusqu_au(dernier_acces=date(2023, 11, 26)) == date(2026, 11, 26)
    assert conservation_compte_jusqu_au(dernier_acces=date(2024, 2, 29)) == date(2027, 2, 28)
    duree = regle("conservation.compte.inactif")
    assert "RGPD" in duree.article and duree.confiance == "likely"


@pytest.mark.parametrize(
    "aujourd_hui", [date(2026, 11, 27), date(2027, 3, 1), date(2028, 2, 29), date(2027, 1, 1)]
)
def test_le_dernier_acces_expire_est_l_inverse_exact_de_la_conservation(aujourd_hui) -> None:
    dernier = dernier_acces_compte_expire(aujourd_hui=aujourd_hui)
    assert conservation_compte_jusqu_au(dernier_acces=dernier) < aujourd_hui
    suivant = dernier + timedelta(days=1)
    assert conservation_compte_jusqu_au(dernier_acces=suivant) >= aujourd_hui


def test_connecte_le_26_novembre_2023_garde_jusqu_au_26_novembre_2026_supprime_le_27() -> None:
    assert dernier_acces_compte_expire(aujourd_hui=date(2026, 11, 26)) == date(2023, 11, 25)
    assert dernier_acces_compte_expire(aujourd_hui=date(2026, 11, 27)) == date(2023, 11, 26)
