"""Propriétés (hypothesis) : l'argent n'est jamais négatif ; les délais comptés en jours
ouvrables ne tombent jamais un dimanche ni un jour férié."""

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from rh_tpe.droit import (
    SalaireMensuel,
    ajouter_jours_ouvrables,
    cdd_transmis_au_plus_tard,
    entretien_prealable_au_plus_tot,
    envoi_licenciement_au_plus_tot,
    est_jour_ouvrable,
    indemnite_conges_payes,
    indemnite_fin_cdd,
    indemnite_licenciement,
    salaire_reference_licenciement,
    smic_mensuel,
)

dates = st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 12, 1))
montants = st.decimals(min_value=0, max_value=1_000_000, places=2, allow_nan=False)
annees = st.decimals(min_value=0, max_value=50, places=4, allow_nan=False)


@given(annees=annees, salaire=montants, inaptitude=st.booleans())
def test_indemnite_de_licenciement_jamais_negative(
    annees: Decimal, salaire: Decimal, inaptitude: bool
) -> None:
    montant = indemnite_licenciement(
        anciennete_annees=annees, salaire_reference=salaire, inaptitude_professionnelle=inaptitude
    )
    assert montant >= 0 and montant == montant.quantize(Decimal("0.01"))


@given(montant=montants)
def test_indemnite_fin_de_cdd_jamais_negative(montant: Decimal) -> None:
    assert indemnite_fin_cdd(remuneration_brute_totale=montant) >= 0


@given(
    salaires=st.lists(
        st.tuples(montants, st.decimals(min_value=0, max_value=1, places=2)),
        min_size=1,
        max_size=14,
    )
)
def test_salaire_de_reference_jamais_negatif(salaires: list[tuple[Decimal, Decimal]]) -> None:
    mois = [
        SalaireMensuel(brut=b, prime_annuelle=(b * p).quantize(Decimal("0.01")))
        for b, p in salaires
    ]
    assert salaire_reference_licenciement(salaires=mois) >= 0


@given(
    reference=montants,
    acquis=st.integers(min_value=1, max_value=30),
    pris=st.integers(min_value=0, max_value=30),
    maintien=montants,
)
def test_indemnite_conges_jamais_negative(
    reference: Decimal, acquis: int, pris: int, maintien: Decimal
) -> None:
    pris = min(pris, acquis)
    assert (
        indemnite_conges_payes(
            remuneration_brute_reference=reference,
            jours_pris=pris,
            jours_acquis=acquis,
            maintien_de_salaire=maintien,
        )
        >= 0
    )


@given(le=dates, heures=st.integers(min_value=1, max_value=48))
def test_smic_mensuel_positif(le: date, heures: int) -> None:
    assert smic_mensuel(le, heures) > 0


@given(jour=dates, alsace=st.booleans())
def test_delais_en_jours_ouvrables_jamais_un_dimanche_ni_un_ferie(jour: date, alsace: bool) -> None:
    for echeance in (
        cdd_transmis_au_plus_tard(embauche=jour, alsace_moselle=alsace),
        entretien_prealable_au_plus_tot(presentation_convocation=jour, alsace_moselle=alsace),
        envoi_licenciement_au_plus_tot(entretien=jour, alsace_moselle=alsace),
    ):
        assert echeance > jour
        assert est_jour_ouvrable(echeance, alsace_moselle=alsace)


@given(jour=dates, nombre=st.integers(min_value=1, max_value=40))
def test_ajouter_des_jours_ouvrables_tombe_un_jour_ouvrable(jour: date, nombre: int) -> None:
    assert est_jour_ouvrable(ajouter_jours_ouvrables(jour, nombre))
