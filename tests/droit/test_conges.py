"""Congés payés (L3141-3, L3141-5-1, L3141-7, L3141-24, R3141-4)."""

from datetime import date
from decimal import Decimal

import pytest

from rh_tpe.droit import (
    ErreurDroit,
    conges_acquis,
    debut_periode_reference_conges,
    indemnite_conges_payes,
)


def test_deux_jours_et_demi_par_mois_arrondis_au_superieur_et_plafonnes() -> None:
    assert conges_acquis(mois_travail_effectif=1) == 3
    assert conges_acquis(mois_travail_effectif=5) == 13
    assert conges_acquis(mois_travail_effectif=12) == 30
    assert conges_acquis(mois_travail_effectif=14) == 30


def test_maladie_non_professionnelle_deux_jours_par_mois_plafonnee_a_24() -> None:
    assert conges_acquis(mois_travail_effectif=0, mois_maladie_non_professionnelle=12) == 24


def test_indemnite_maintien_de_salaire_plus_favorable() -> None:
    montant = indemnite_conges_payes(
        remuneration_brute_reference=Decimal(24000),
        jours_pris=12,
        jours_acquis=30,
        maintien_de_salaire=Decimal("1000.00"),
    )
    assert montant == Decimal("1000.00")  # dixième : 2 400 × 12 / 30 = 960


def test_plus_de_jours_pris_que_d_acquis_est_une_erreur() -> None:
    with pytest.raises(ErreurDroit):
        indemnite_conges_payes(
            remuneration_brute_reference=Decimal(1000),
            jours_pris=3,
            jours_acquis=2,
            maintien_de_salaire=Decimal(0),
        )


def test_periode_de_reference_au_1er_avril_avec_une_caisse_de_conges() -> None:
    # R3141-4 : 1er juin, ou 1er avril dans les professions affiliées à une caisse de congés.
    assert debut_periode_reference_conges(annee=2026) == date(2026, 6, 1)
    assert debut_periode_reference_conges(annee=2026, caisse_conges=True) == date(2026, 4, 1)


def test_dixieme_compte_les_arrets_maladie_a_80_pour_cent() -> None:
    # L3141-24 I 4° : les arrêts pour maladie non professionnelle entrent dans l'assiette du
    # dixième à 80 % de la rémunération associée : (20 000 + 0,8 × 5 000) / 10 = 2 400.
    montant = indemnite_conges_payes(
        remuneration_brute_reference=Decimal(20000),
        jours_pris=30,
        jours_acquis=30,
        maintien_de_salaire=Decimal(2000),
        remuneration_arrets_maladie=Decimal(5000),
    )
    assert montant == Decimal("2400.00")
