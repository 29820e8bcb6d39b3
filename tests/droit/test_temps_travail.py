"""Durée du travail, temps partiel, travail de nuit (L3121-18 à -36, L3123-7 à -29, L3162-1,
L3163-1, L3163-2)."""

from decimal import Decimal

import pytest

import rh_tpe.droit as droit
from rh_tpe.droit import (
    ErreurDroit,
    PeriodeNuit,
    derogations_temps_partiel,
    duree_legale_hebdomadaire,
    durees_maximales,
    heures_complementaires_max,
    periode_travail_nuit,
    remuneration_heures_complementaires,
    remuneration_heures_supplementaires,
    verifier_duree_temps_partiel,
    verifier_durees_travail,
    verifier_heures_complementaires,
    verifier_travail_nuit,
)


def test_duree_legale_35_heures() -> None:
    assert duree_legale_hebdomadaire() == 35


def test_maxima_adultes() -> None:
    assert verifier_durees_travail(heures_jour=10, heures_semaine=48, moyenne_12_semaines=44)
    assert verifier_durees_travail(heures_semaine=49).article == "L3121-20"
    assert verifier_durees_travail(moyenne_12_semaines=45).article == "L3121-22"


def test_un_accord_collectif_porte_la_journee_d_un_adulte_a_douze_heures() -> None:
    # L3121-19 : jusqu'à 12 h par accord ; sans accord, 11 h dépasse les 10 h de L3121-18.
    assert not verifier_durees_travail(heures_jour=11)
    assert verifier_durees_travail(heures_jour=12, accord_collectif=True)
    refus = verifier_durees_travail(heures_jour=Decimal("12.5"), accord_collectif=True)
    assert (refus.valide, refus.article) == (False, "L3121-19")
    assert durees_maximales(accord_collectif=True).quotidienne == 12
    # Un accord ne change rien pour un jeune (L3162-1).
    assert not verifier_durees_travail(heures_jour=9, age=17, accord_collectif=True)


def test_maxima_mineurs() -> None:
    assert verifier_durees_travail(heures_jour=8, heures_semaine=35, age=17)
    assert not verifier_durees_travail(heures_semaine=36, age=17)


@pytest.mark.parametrize("age", [14, 15])
def test_mineur_de_moins_de_16_ans_sept_heures_par_jour(age: int) -> None:
    # D4153-3 : de 14 à moins de 16 ans (vacances scolaires), 7 h par jour et 35 h par semaine.
    assert verifier_durees_travail(heures_jour=7, heures_semaine=35, age=age)
    refus = verifier_durees_travail(heures_jour=Decimal("7.5"), age=age)
    assert not refus and refus.article == "D4153-3"
    assert durees_maximales(age=age).quotidienne == 7
    assert durees_maximales(age=age).hebdomadaire == 35
    assert durees_maximales(age=16).quotidienne == 8


def test_heures_supplementaires_au_dela_de_la_43e_heure_a_50_pour_cent() -> None:
    # 8 h à 125 % + 2 h à 150 % au taux de 10 € : 100 + 30 = 130 €.
    assert remuneration_heures_supplementaires(
        heures_semaine=45, taux_horaire=Decimal(10)
    ) == Decimal("130.00")


def test_taux_conventionnel_inferieur_a_10_pour_cent_refuse() -> None:
    with pytest.raises(ErreurDroit):
        remuneration_heures_supplementaires(
            heures_semaine=40, taux_horaire=Decimal(10), taux_accord=Decimal("0.05")
        )


def test_temps_partiel_de_20_heures_sans_derogation_refuse() -> None:
    resultat = verifier_duree_temps_partiel(heures_hebdomadaires=20)
    assert not resultat and resultat.article == "L3123-27"


@pytest.mark.parametrize("derogation", ["etudiant_moins_26_ans", "retraite_progressive"])
def test_derogations_nommees_acceptees(derogation: str) -> None:
    assert verifier_duree_temps_partiel(heures_hebdomadaires=10, derogation=derogation)
    assert derogation in {d.code for d in derogations_temps_partiel()}


def test_contrat_de_7_jours_au_plus_et_cdd_de_remplacement_exemptes() -> None:
    assert verifier_duree_temps_partiel(
        heures_hebdomadaires=10, contrat="CDD", duree_contrat_jours=7
    )
    assert not verifier_duree_temps_partiel(
        heures_hebdomadaires=10,
        contrat="CDD",
        duree_contrat_jours=8,
        motif_cdd="accroissement_temporaire",
    )
    assert verifier_duree_temps_partiel(
        heures_hebdomadaires=10, contrat="CDD", motif_cdd="attente_entree_cdi"
    )


def test_accord_de_branche_peut_abaisser_le_minimum() -> None:
    assert verifier_duree_temps_partiel(heures_hebdomadaires=17, minimum_accord_branche=16)


def test_un_tiers_avec_accord_et_total_sous_35_heures() -> None:
    assert heures_complementaires_max(heures_contractuelles=24, accord_collectif=True).maximum == 8
    assert not verifier_heures_complementaires(heures_contractuelles=24, heures_complementaires=3)
    assert verifier_heures_complementaires(
        heures_contractuelles=24, heures_complementaires=8, accord_collectif=True
    )
    resultat = verifier_heures_complementaires(
        heures_contractuelles=30, heures_complementaires=5, accord_collectif=True
    )
    assert not resultat and resultat.article == "L3123-9"


def test_majoration_des_heures_complementaires_10_puis_25_pour_cent() -> None:
    # 20 h au contrat, 4 h complémentaires à 10 € : 2 h à 110 % + 2 h à 125 % = 22 + 25 = 47 €.
    montant = remuneration_heures_complementaires(
        heures_contractuelles=20, heures_complementaires=4, taux_horaire=Decimal(10)
    )
    assert montant == Decimal("47.00")
    with pytest.raises(ErreurDroit):
        remuneration_heures_complementaires(
            heures_contractuelles=20, heures_complementaires=7, taux_horaire=Decimal(10)
        )


def test_la_derogation_etudiant_vaut_jusqu_a_la_veille_des_26_ans() -> None:
    etudiant = {"heures_hebdomadaires": 10, "derogation": "etudiant_moins_26_ans"}

    assert verifier_duree_temps_partiel(**etudiant, age=25)
    refus = verifier_duree_temps_partiel(**etudiant, age=26)
    assert not refus
    assert refus.article == "L3123-7 dernier alinéa"
    assert "moins de 26 ans" in refus.message
    # Les autres dérogations ne dépendent pas de l'âge.
    assert verifier_duree_temps_partiel(
        heures_hebdomadaires=10, derogation="demande_ecrite_cumul_activites", age=40
    )


def test_periode_de_nuit_selon_l_age() -> None:
    assert periode_travail_nuit(age=17) == PeriodeNuit(22, 6, "L3163-1 1°")
    assert periode_travail_nuit(age=15) == PeriodeNuit(20, 6, "L3163-1 2°")
    assert periode_travail_nuit(age=16).debut == 22
    assert periode_travail_nuit(age=30) == PeriodeNuit(21, 6, "L3122-20")
    assert periode_travail_nuit() == PeriodeNuit(21, 6, "L3122-20")


def test_le_travail_de_nuit_est_interdit_a_17_ans_permis_a_18() -> None:
    refus = verifier_travail_nuit(age=17, travail_nuit=True)

    assert not refus
    assert refus.article == "L3163-2"
    assert "22 h" in refus.message and "inspecteur du travail" in refus.message
    assert verifier_travail_nuit(age=18, travail_nuit=True)
    assert verifier_travail_nuit(age=17, travail_nuit=False)


def test_heures_complementaires_d_un_contrat_mensuel() -> None:
    # L3123-28 : limite d'un même mois pour une durée mensuelle ; L3123-9 : le total reste sous
    # la durée légale mensualisée (35 × 52 / 12 = 151 2/3 h), pas sous 35 h.
    limite = heures_complementaires_max(heures_contractuelles=104, periode="mois")
    assert limite.maximum == Decimal("10.4")
    assert limite.total_strictement_inferieur_a == Decimal(35) * 52 / 12
    assert verifier_heures_complementaires(
        heures_contractuelles=104, heures_complementaires=10, periode="mois"
    )
    assert not verifier_heures_complementaires(
        heures_contractuelles=140, heures_complementaires=12, periode="mois", accord_collectif=True
    )
    with pytest.raises(ErreurDroit):
        heures_complementaires_max(heures_contractuelles=104, periode="an")


def test_les_messages_ecrivent_les_heures_a_la_francaise() -> None:
    refus = droit.verifier_heures_complementaires(
        heures_contractuelles=Decimal(24), heures_complementaires=Decimal("2.5")
    )
    assert "2,5 h dépasse la limite de 2,4 h" in refus.message
    trop = droit.verifier_durees_travail(heures_jour=Decimal("10.5"))
    assert "10,5 h par jour dépasse la durée maximale de 10 h." in trop.message
    mensuel = droit.verifier_heures_complementaires(
        heures_contractuelles=Decimal(140), heures_complementaires=Decimal(12), periode="mois"
    )
    assert "151,67 h" in mensuel.message


def test_un_taux_horaire_en_flottant_est_pris_pour_le_decimal_qu_il_ecrit() -> None:
    # 1 h à 12,02 € majorée de 25 % = 15,025 € → 15,03 € (demi-centime vers le haut). Un flottant
    # 12.02 (un montant lu d'un JSON) vaut en binaire 12,0199999… : il donnait 15,02 €.
    paie = remuneration_heures_supplementaires(heures_semaine=36, taux_horaire=12.02)
    assert paie == Decimal("15.03")
    assert remuneration_heures_supplementaires(
        heures_semaine=43.5,
        taux_horaire=12.02,
    ) == Decimal("129.22")
