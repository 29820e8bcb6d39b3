"""Maintien de salaire en cas d'arrêt maladie : L1226-1, D1226-1 à D1226-3."""

from decimal import Decimal

import pytest

from rh_tpe.droit import (
    ErreurDroit,
    indemnite_complementaire_maladie,
    maintien_salaire_maladie,
    regle,
)


def test_moins_d_un_an_d_anciennete_pas_de_complement_legal() -> None:
    resultat = maintien_salaire_maladie(anciennete_annees=Decimal(11) / 12)
    assert not resultat.du
    assert resultat.jours_premiere_periode == resultat.jours_seconde_periode == 0
    assert "L1226-1" in resultat.article


@pytest.mark.parametrize(
    ("anciennete", "jours"),
    [(1, 30), ("5.99", 30), (6, 40), (11, 50), (16, 60), ("30.9", 80), (31, 90), (45, 90)],
)
def test_les_durees_augmentent_de_dix_jours_par_tranche_de_cinq_ans(anciennete, jours) -> None:
    resultat = maintien_salaire_maladie(anciennete_annees=anciennete)
    assert resultat.du
    assert resultat.jours_premiere_periode == resultat.jours_seconde_periode == jours


def test_carence_de_sept_jours_sauf_origine_professionnelle() -> None:
    assert maintien_salaire_maladie(anciennete_annees=2).jours_carence == 7
    assert (
        maintien_salaire_maladie(anciennete_annees=2, origine_professionnelle=True).jours_carence
        == 0
    )


def test_taux_quatre_vingt_dix_pour_cent_puis_deux_tiers() -> None:
    resultat = maintien_salaire_maladie(anciennete_annees=3)
    assert resultat.taux_premiere_periode == Decimal("0.90")
    assert resultat.taux_seconde_periode * 3 == pytest.approx(Decimal(2))


def test_le_complement_deduit_les_indemnites_journalieres() -> None:
    assert indemnite_complementaire_maladie(
        remuneration_brute=3000, periode=1, allocations=1200
    ) == Decimal("1500.00")
    assert indemnite_complementaire_maladie(
        remuneration_brute=3000, periode=2, allocations=1200
    ) == Decimal("800.00")
    assert indemnite_complementaire_maladie(remuneration_brute=1000, periode=2) == Decimal("666.67")
    assert indemnite_complementaire_maladie(
        remuneration_brute=1000, periode=2, allocations=900
    ) == Decimal("0.00")


def test_periode_ou_montant_invalides() -> None:
    with pytest.raises(ErreurDroit):
        indemnite_complementaire_maladie(remuneration_brute=1000, periode=3)
    with pytest.raises(ErreurDroit):
        maintien_salaire_maladie(anciennete_annees=-1)


def test_les_regles_citent_leur_article() -> None:
    assert regle("maladie.indemnite_complementaire.carence").article == "D1226-3"
    assert regle("maladie.indemnite_complementaire.taux_premiere_periode").legiarti == (
        "LEGIARTI000018537770"
    )
