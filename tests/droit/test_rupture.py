"""Licenciement : ancienneté, salaire de référence, indemnité, préavis, délais de procédure."""

from datetime import date
from decimal import Decimal

import pytest

from rh_tpe.droit import (
    Absence,
    Duree,
    ErreurDroit,
    SalaireMensuel,
    anciennete,
    entretien_prealable_au_plus_tot,
    envoi_licenciement_au_plus_tot,
    indemnite_licenciement,
    preavis_licenciement,
    salaire_reference_licenciement,
)


def test_huit_mois_moins_un_jour_ne_donnent_pas_droit_a_l_indemnite() -> None:
    entree = date(2026, 1, 1)
    moins_un_jour = anciennete(entree=entree, sortie=date(2026, 8, 30))
    huit_mois = anciennete(entree=entree, sortie=date(2026, 8, 31))
    salaire = Decimal("1823.03")
    assert indemnite_licenciement(anciennete_annees=moins_un_jour, salaire_reference=salaire) == 0
    assert indemnite_licenciement(
        anciennete_annees=huit_mois, salaire_reference=salaire
    ) == Decimal("303.84")


def test_le_droit_s_apprecie_a_la_notification_et_le_montant_a_la_fin_du_preavis() -> None:
    montant = indemnite_licenciement(
        anciennete_annees=Decimal(9) / 12,
        salaire_reference=Decimal(2000),
        anciennete_requise_annees=Decimal(7) / 12,
    )
    assert montant == Decimal("0.00")


def test_inaptitude_professionnelle_double_sans_condition_d_anciennete() -> None:
    montant = indemnite_licenciement(
        anciennete_annees=Decimal(6) / 12,
        salaire_reference=Decimal(2000),
        inaptitude_professionnelle=True,
    )
    assert montant == Decimal("500.00")


@pytest.mark.parametrize(
    ("annees", "salaire", "attendu"),
    [
        (Decimal(8) / 12, "1000", "166.67"),
        ("10.91", "2000", "5606.67"),
        ("11.67", "2980", "9105.56"),
        (Decimal(140) / 12, "2980", "9105.56"),
        ("0.67", "1000", "166.67"),
        ("42", "2500", "32916.67"),
        ("5", "2500", "3125.00"),
        ("12.5", "3000", "10000.00"),
    ],
)
def test_vecteurs_cdtn_de_l_indemnite_legale(annees: object, salaire: str, attendu: str) -> None:
    montant = indemnite_licenciement(
        anciennete_annees=Decimal(str(annees)), salaire_reference=Decimal(salaire)
    )
    assert montant == Decimal(attendu)


def test_anciennete_retranche_la_maladie_et_la_moitie_du_conge_parental() -> None:
    entree, sortie = date(2020, 2, 20), date(2021, 2, 19)
    assert anciennete(entree=entree, sortie=sortie) == 1
    maladie = [Absence("maladie_non_professionnelle", Decimal(1))]
    assert anciennete(entree=entree, sortie=sortie, absences=maladie) == Decimal(11) / 12
    parental = [Absence("conge_parental_temps_plein", Decimal(1))]
    assert anciennete(entree=entree, sortie=sortie, absences=parental) == Decimal("11.5") / 12
    non_deduits = [
        Absence("accident_du_travail", Decimal(3)),
        Absence("conge_maternite", Decimal(4)),
    ]
    assert anciennete(entree=entree, sortie=sortie, absences=non_deduits) == 1


def test_anciennete_jamais_negative_et_motif_inconnu_refuse() -> None:
    absences = [Absence("greve", Decimal(5))]
    assert anciennete(entree=date(2021, 1, 20), sortie=date(2021, 2, 19), absences=absences) == 0
    with pytest.raises(ErreurDroit):
        anciennete(
            entree=date(2021, 1, 1), sortie=date(2021, 3, 1), absences=[Absence("x", Decimal(1))]
        )


def test_salaire_de_reference_prime_annuelle_proratisee_sur_trois_mois() -> None:
    salaires = [SalaireMensuel(brut=Decimal(5000), prime_annuelle=Decimal(3000))] + [
        SalaireMensuel(brut=Decimal(2000))
    ] * 11
    # 12 mois : 27 000 / 12 = 2 250 ; 3 mois : 3 000 / 12 + (9 000 − 3 000) / 3 = 2 250.
    assert salaire_reference_licenciement(salaires=salaires) == Decimal("2250.00")


def test_salaire_de_reference_avec_moins_de_douze_mois() -> None:
    salaires = [SalaireMensuel(brut=Decimal(1900)), SalaireMensuel(brut=Decimal(2100))]
    assert salaire_reference_licenciement(salaires=salaires) == Decimal("2000.00")


def test_salaire_de_reference_sans_mois_est_une_erreur() -> None:
    with pytest.raises(ErreurDroit):
        salaire_reference_licenciement(salaires=[])


@pytest.mark.parametrize(
    ("mois", "handicape", "attendu"),
    [
        (5, False, None),
        (6, False, Duree(1, "mois")),
        (23, False, Duree(1, "mois")),
        (24, False, Duree(2, "mois")),
        (6, True, Duree(2, "mois")),
        (24, True, Duree(3, "mois")),
        (5, True, None),
    ],
)
def test_preavis_legal(mois: int, handicape: bool, attendu: Duree | None) -> None:
    assert preavis_licenciement(anciennete_mois=mois, travailleur_handicape=handicape) == attendu


def test_entretien_prealable_cinq_jours_ouvrables_proroge_au_lundi() -> None:
    assert entretien_prealable_au_plus_tot(presentation_convocation=date(2026, 3, 4)) == date(
        2026, 3, 11
    )
    assert entretien_prealable_au_plus_tot(presentation_convocation=date(2026, 3, 2)) == date(
        2026, 3, 10
    )


def test_jour_ferie_dans_le_delai_d_entretien() -> None:
    # Présentation lundi 4 mai 2026 : 5, 6, 7, (8 férié), 9 samedi → 5e jour le lundi 11
    # (sam. 9 = 5e jour ? 5, 6, 7, 9, 11) : 5e jour ouvrable lundi 11 → entretien mardi 12.
    assert entretien_prealable_au_plus_tot(presentation_convocation=date(2026, 5, 4)) == date(
        2026, 5, 12
    )


def test_envoi_de_la_lettre_deux_jours_ouvrables_apres_l_entretien() -> None:
    assert envoi_licenciement_au_plus_tot(entretien=date(2026, 3, 16)) == date(2026, 3, 19)
    # Entretien jeudi 19 mars : vendredi, samedi → prorogé au lundi 23 → envoi mardi 24.
    assert envoi_licenciement_au_plus_tot(entretien=date(2026, 3, 19)) == date(2026, 3, 24)


def test_pas_d_indemnite_de_licenciement_pour_faute_grave_ni_hors_cdi() -> None:
    # L1234-9 : le salarié en CDI a droit à l'indemnité « sauf en cas de faute grave ».
    commun = {"anciennete_annees": Decimal(5), "salaire_reference": Decimal(2500)}
    assert indemnite_licenciement(**commun) == Decimal("3125.00")
    assert indemnite_licenciement(**commun, faute_grave=True) == Decimal("0.00")
    assert indemnite_licenciement(**commun, contrat="CDD") == Decimal("0.00")
    assert indemnite_licenciement(**commun, contrat="cdi") == Decimal("3125.00")
    with pytest.raises(ErreurDroit):
        indemnite_licenciement(**commun, contrat="stage")


def test_salaire_de_reference_ecarte_les_mois_d_arret_maladie() -> None:
    # Cass. soc. 23 mai 2017 : les mois d'arrêt maladie sont écartés ; on retient les mois qui
    # précèdent l'arrêt (ici 12 mois à 2 400 €, et non les 3 derniers mois à 1 200 €).
    arret = [SalaireMensuel(brut=Decimal(1200), arret_maladie=True)] * 3
    avant = [SalaireMensuel(brut=Decimal(2400))] * 12
    assert salaire_reference_licenciement(salaires=arret + avant) == Decimal("2400.00")
    with pytest.raises(ErreurDroit):
        salaire_reference_licenciement(salaires=arret)


def test_absences_comptees_en_totalite_pour_l_anciennete() -> None:
    # L1225-65 (présence parentale) ; L1234-11 (mandat d'élu local, L3142-88).
    entree, sortie = date(2020, 2, 20), date(2021, 2, 19)
    for motif in ("conge_presence_parentale", "mandat_electif_local"):
        assert anciennete(entree=entree, sortie=sortie, absences=[Absence(motif, Decimal(3))]) == 1
