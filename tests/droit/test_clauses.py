"""Clauses particulières : non-concurrence, mobilité, exclusivité (L1121-1 et jurisprudence)."""

from rh_tpe.droit import (
    verifier_clause_exclusivite,
    verifier_clause_mobilite,
    verifier_clause_non_concurrence,
)

COMPLETE = {
    "contrepartie": "30 % du salaire mensuel moyen",
    "duree": "12 mois",
    "zone": "Lot",
    "activites": "boulangerie",
}


def test_une_non_concurrence_complete_est_valide_et_cite_l_arret_de_2002() -> None:
    verification = verifier_clause_non_concurrence(**COMPLETE)

    assert verification
    assert verification.article == "L1121-1 ; Cass. soc. 10 juillet 2002, n° 00-45.135"


def test_une_non_concurrence_sans_contrepartie_est_nulle_et_nomme_ce_qui_manque() -> None:
    verification = verifier_clause_non_concurrence(**{**COMPLETE, "contrepartie": "  "})

    assert not verification
    assert "contrepartie financière" in verification.message
    assert "zone" not in verification.message.split("est nulle")[0]


def test_une_non_concurrence_vide_nomme_les_quatre_elements() -> None:
    verification = verifier_clause_non_concurrence(contrepartie="", duree="", zone="", activites="")

    assert not verification
    for element in ("contrepartie financière", "durée", "zone géographique", "activités"):
        assert element in verification.message


def test_une_mobilite_sans_zone_est_nulle() -> None:
    assert not verifier_clause_mobilite(zone="")
    verification = verifier_clause_mobilite(zone="département du Lot")
    assert verification
    assert verification.article == "L1121-1 ; Cass. soc. 7 juin 2006, n° 04-45.846"


def test_l_exclusivite_est_interdite_a_temps_partiel() -> None:
    refus = verifier_clause_exclusivite(temps_partiel=True)

    assert not refus
    assert refus.article == "L1121-1 ; Cass. soc. 11 juillet 2000, n° 98-40.143"
    assert verifier_clause_exclusivite(temps_partiel=False)
