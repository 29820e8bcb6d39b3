"""Formalités d'embauche : DPAE (R1221-4, R1221-5), VIP (R4624-10), âge minimum (L4153-1)."""

from datetime import date

from rh_tpe.droit import (
    age_le,
    dpae_au_plus_tot,
    dpae_papier_au_plus_tard,
    verifier_age_embauche,
    visite_information_au_plus_tard,
)


def test_dpae_au_plus_tot_huit_jours_avant() -> None:
    assert dpae_au_plus_tot(embauche=date(2026, 3, 10)) == date(2026, 3, 2)


def test_dpae_papier_le_dernier_jour_ouvrable_avant_l_embauche() -> None:
    assert dpae_papier_au_plus_tard(embauche=date(2026, 3, 9)) == date(2026, 3, 7)
    assert dpae_papier_au_plus_tard(embauche=date(2026, 5, 2)) == date(2026, 4, 30)


def test_visite_dans_les_trois_mois_fin_de_mois_ramenee() -> None:
    assert visite_information_au_plus_tard(embauche=date(2026, 3, 2)) == date(2026, 6, 2)
    assert visite_information_au_plus_tard(embauche=date(2026, 11, 30)) == date(2027, 2, 28)


def test_age_minimum() -> None:
    assert verifier_age_embauche(age=16)
    assert not verifier_age_embauche(age=15)
    assert verifier_age_embauche(age=14, vacances_scolaires=True)
    assert not verifier_age_embauche(age=13, vacances_scolaires=True)


def test_l_age_se_compte_en_annees_revolues_la_veille_et_le_jour_de_l_anniversaire() -> None:
    naissance = date(2010, 3, 2)

    assert age_le(naissance=naissance, le=date(2026, 3, 1)) == 15
    assert age_le(naissance=naissance, le=date(2026, 3, 2)) == 16
