"""SMIC, minimum des jeunes travailleurs, minimum garanti, PMSS (L3231-2, D3231-3, L3231-12)."""

from datetime import date
from decimal import Decimal

import pytest

import rh_tpe.droit as droit
from rh_tpe.droit import (
    ErreurDroit,
    ErreurHorsBareme,
    minimum_garanti,
    plafond_mensuel_securite_sociale,
    salaire_minimum_horaire,
    smic_horaire,
    smic_mensuel,
    valeur_bareme,
)


def test_la_veille_et_le_jour_du_smic_de_janvier_2026() -> None:
    assert smic_horaire(date(2025, 12, 31)) == Decimal("11.88")
    assert smic_horaire(date(2026, 1, 1)) == Decimal("12.02")


def test_la_veille_et_le_jour_du_smic_de_juin_2026() -> None:
    assert smic_horaire(date(2026, 5, 31)) == Decimal("12.02")
    assert smic_horaire(date(2026, 6, 1)) == Decimal("12.31")


def test_le_smic_de_juin_2026_garde_sa_confiance_probable() -> None:
    version = valeur_bareme("smic_horaire", date(2026, 6, 1))
    assert version.confiance == "likely"
    assert "22/05/2026" in version.source


def test_une_date_hors_serie_est_une_erreur_claire() -> None:
    with pytest.raises(ErreurDroit, match="Aucune valeur connue") as erreur:
        smic_horaire(date(2023, 12, 31))
    assert erreur.value.article == "L3231-2"
    with pytest.raises(ErreurDroit):
        smic_horaire(date(2027, 1, 1))


def test_une_date_hors_serie_dit_laquelle_et_les_bornes_de_la_serie() -> None:
    # Le lendemain du dernier jour connu : l'interface en tire un message pour l'utilisateur.
    with pytest.raises(ErreurHorsBareme) as erreur:
        smic_horaire(date(2027, 1, 1))
    assert erreur.value.bareme == "smic_horaire"
    assert erreur.value.le == date(2027, 1, 1)
    assert erreur.value.premiere_date == date(2024, 1, 1)
    assert erreur.value.derniere_date == date(2026, 12, 31)
    assert isinstance(erreur.value, ErreurDroit)


def test_smic_mensuel_utilise_151_heures_deux_tiers_exactes() -> None:
    assert smic_mensuel(date(2026, 3, 1)) == Decimal("1823.03")
    assert smic_mensuel(date(2025, 3, 1)) == Decimal("1801.80")
    assert smic_mensuel(date(2024, 3, 1)) == Decimal("1766.92")


def test_smic_mensuel_temps_partiel_24_heures() -> None:
    assert smic_mensuel(date(2026, 2, 1), Decimal(24)) == Decimal("1250.08")


def test_jeune_de_16_ans_abattement_20_pour_cent_arrondi_au_centime_superieur() -> None:
    assert salaire_minimum_horaire(date(2025, 6, 1), age=16) == Decimal("9.51")
    assert salaire_minimum_horaire(date(2026, 2, 1), age=16) == Decimal("9.62")
    assert salaire_minimum_horaire(date(2026, 6, 1), age=16) == Decimal("9.85")


def test_jeune_de_17_ans_abattement_10_pour_cent() -> None:
    assert salaire_minimum_horaire(date(2026, 2, 1), age=17) == Decimal("10.82")
    assert salaire_minimum_horaire(date(2026, 6, 1), age=17) == Decimal("11.08")


def test_six_mois_de_pratique_dans_la_branche_suppriment_l_abattement() -> None:
    le = date(2026, 2, 1)
    assert salaire_minimum_horaire(le, age=16, mois_experience_branche=5) == Decimal("9.62")
    assert salaire_minimum_horaire(le, age=16, mois_experience_branche=6) == Decimal("12.02")


def test_adulte_au_smic() -> None:
    assert salaire_minimum_horaire(date(2026, 2, 1), age=18) == Decimal("12.02")


def test_moins_de_14_ans_est_une_erreur() -> None:
    with pytest.raises(ErreurDroit):
        salaire_minimum_horaire(date(2026, 2, 1), age=13)


def test_pmss_par_annee() -> None:
    assert plafond_mensuel_securite_sociale(date(2024, 12, 31)) == Decimal(3864)
    assert plafond_mensuel_securite_sociale(date(2025, 1, 1)) == Decimal(3925)
    assert plafond_mensuel_securite_sociale(date(2026, 1, 1)) == Decimal(4005)


def test_minimum_garanti_de_juin_2026_est_marque_incertain() -> None:
    assert minimum_garanti(date(2026, 1, 1)) == Decimal("4.25")
    assert valeur_bareme("minimum_garanti", date(2026, 6, 1)).confiance == "unsure"


def test_le_refus_d_un_salaire_ecrit_le_minimum_a_la_francaise() -> None:
    # Le message est affiché tel quel au chef d'entreprise : « 1 823,03 € », pas « 1823.03 € ».
    refus = droit.verifier_salaire_minimum(le=date(2026, 3, 2), salaire_mensuel_brut=Decimal(1500))
    assert not refus.valide
    minimum = droit.smic_mensuel(date(2026, 3, 2), 35)
    entier, centimes = f"{minimum:.2f}".split(".")
    attendu = f"{int(entier):,}".replace(",", "\u00a0") + f",{centimes}\u00a0€"
    assert attendu in refus.message
    assert f"{minimum} €" not in refus.message


def test_un_salaire_exactement_au_smic_ecrit_en_flottant_l_atteint() -> None:
    # 1823.03 lu d'un JSON est un flottant (1823,0299999… en binaire) : c'est pourtant le SMIC.
    le = date(2026, 3, 2)
    assert droit.verifier_salaire_minimum(le=le, salaire_mensuel_brut=1823.03).valide
    assert not droit.verifier_salaire_minimum(le=le, salaire_mensuel_brut=1823.02).valide


@pytest.mark.parametrize(
    ("age", "le", "heures", "minimum"),
    [
        # 12,02 × 0,8 × 151 2/3 = 1 458,426… → 1 458,43 (et non 9,62 × 151 2/3 → 1 459,04).
        (16, date(2026, 3, 2), 35, Decimal("1458.43")),
        # 12,02 × 0,9 × 151 2/3 = 1 640,73 exactement.
        (17, date(2026, 3, 2), 35, Decimal("1640.73")),
        # 11,88 × 0,8 × 104 = 988,416 → 988,42 (et non 9,51 × 104 = 989,04).
        (15, date(2025, 3, 3), 24, Decimal("988.42")),
        # 12,31 × 0,9 × 151 2/3 = 1 680,315 → 1 680,32 (et non 11,08 × 151 2/3 → 1 680,47).
        (17, date(2026, 6, 1), 35, Decimal("1680.32")),
    ],
)
def test_le_minimum_mensuel_d_un_jeune_arrondit_une_seule_fois(
    age: int, le: date, heures: int, minimum: Decimal
) -> None:
    # D3231-3 abat le SMIC ; le minimum mensuel est le SMIC abattu × les heures mensualisées,
    # arrondi au centime supérieur à la fin (pas le taux horaire arrondi, puis le produit).
    atteint = droit.verifier_salaire_minimum(
        le=le, salaire_mensuel_brut=minimum, heures_hebdomadaires=heures, age=age
    )
    assert atteint.valide
    assert atteint.limite == f"{minimum} €"
    manque = droit.verifier_salaire_minimum(
        le=le,
        salaire_mensuel_brut=minimum - Decimal("0.01"),
        heures_hebdomadaires=heures,
        age=age,
    )
    assert not manque.valide


def test_le_minimum_garanti_couvre_2024_comme_le_smic() -> None:
    # 4,15 € du 1er janvier au 31 octobre 2024, 4,22 € au 1er novembre 2024 (comme le SMIC).
    assert minimum_garanti(date(2024, 1, 1)) == Decimal("4.15")
    assert minimum_garanti(date(2024, 10, 31)) == Decimal("4.15")
    assert minimum_garanti(date(2024, 11, 1)) == Decimal("4.22")
    # Pénalité pour défaut de DPAE : 300 fois le MG (L1221-11).
    assert droit.penalite_dpae(date(2024, 6, 3)) == Decimal("1245.00")
    serie = droit.bareme("minimum_garanti")
    assert serie.versions[0].debut == droit.bareme("smic_horaire").versions[0].debut


def test_salaire_minimum_mensuel_selon_l_age_et_la_pratique() -> None:
    le = date(2026, 3, 2)
    assert droit.salaire_minimum_mensuel(le) == Decimal("1823.03")
    assert droit.salaire_minimum_mensuel(le, age=16) == Decimal("1458.43")
    assert droit.salaire_minimum_mensuel(le, age=16, mois_experience_branche=6) == Decimal(
        "1823.03"
    )
    assert droit.salaire_minimum_mensuel(le, heures_hebdomadaires=24, age=17) == Decimal("1125.08")
