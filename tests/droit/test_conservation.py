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


def test_sortie_le_15_mars_2026_gardee_jusqu_au_15_mars_2031_purgeable_le_16() -> None:
    assert derniere_sortie_expiree(aujourd_hui=date(2031, 3, 15)) == date(2026, 3, 14)
    assert derniere_sortie_expiree(aujourd_hui=date(2031, 3, 16)) == date(2026, 3, 15)


def test_un_compte_sans_connexion_est_garde_trois_ans() -> None:
    assert conservation_compte_jusqu_au(dernier_acces=date(2023, 11, 26)) == date(2026, 11, 26)
    assert conservation_compte_jusqu_au(dernier_acces=date(2024, 2, 29)) == date(2027, 2, 28)
    duree = regle("conservation.compte.inactif")
    assert "RGPD" in duree.article and duree.confiance == "likely"


def test_connecte_le_26_novembre_2023_garde_jusqu_au_26_novembre_2026_supprime_le_27() -> None:
    assert dernier_acces_compte_expire(aujourd_hui=date(2026, 11, 26)) == date(2023, 11, 25)
    assert dernier_acces_compte_expire(aujourd_hui=date(2026, 11, 27)) == date(2023, 11, 26)


# Chaque « dernier point de départ expiré » est l'inverse exact de sa durée de conservation :
# (durée, inverse, nom du point de départ, jours à essayer : fins de mois, 29 février).
INVERSES = [
    (
        conservation_registre_jusqu_au,
        derniere_sortie_expiree,
        "sortie",
        [
            date(2031, 3, 16),
            date(2029, 3, 1),
            date(2028, 2, 29),
            date(2031, 2, 28),
            date(2030, 12, 31),
        ],
    ),
    (
        conservation_candidat_jusqu_au,
        dernier_contact_candidat_expire,
        "dernier_contact",
        [date(2026, 3, 3), date(2026, 3, 1), date(2028, 2, 29)],
    ),
    (
        conservation_compte_jusqu_au,
        dernier_acces_compte_expire,
        "dernier_acces",
        [date(2026, 11, 27), date(2027, 3, 1), date(2028, 2, 29), date(2027, 1, 1)],
    ),
]


@pytest.mark.parametrize(
    ("jusqu_au", "expire", "depart", "aujourd_hui"),
    [(j, e, d, jour) for j, e, d, jours in INVERSES for jour in jours],
)
def test_le_dernier_depart_expire_est_l_inverse_exact_de_la_conservation(
    jusqu_au, expire, depart, aujourd_hui
) -> None:
    dernier = expire(aujourd_hui=aujourd_hui)
    # Ce jour-là, la conservation est finie ; le lendemain, elle court encore aujourd'hui.
    assert jusqu_au(**{depart: dernier}) < aujourd_hui
    assert jusqu_au(**{depart: dernier + timedelta(days=1)}) >= aujourd_hui
