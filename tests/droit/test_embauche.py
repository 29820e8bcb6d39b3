"""Formalités d'embauche : DPAE (R1221-4, R1221-5), VIP (R4624-10, R4624-18), âge minimum
(L4153-1), information écrite (R1221-35), autorisation de travail (R5221-42)."""

from datetime import date

import pytest

from rh_tpe.droit import (
    age_le,
    autorisation_travail_verifiee_au_plus_tard,
    demande_emploi_mineur_au_plus_tard,
    dpae_au_plus_tot,
    dpae_papier_au_plus_tard,
    information_ecrite_au_plus_tard,
    jours_ouvrables_entre,
    regle,
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


# --- Information écrite (R1221-35) -------------------------------------------------------------


def test_information_essentielle_au_plus_tard_le_septieme_jour_jour_d_embauche_compris() -> None:
    delais = information_ecrite_au_plus_tard(embauche=date(2026, 3, 2))

    assert delais.essentielle == date(2026, 3, 8)
    assert (delais.essentielle - date(2026, 3, 2)).days + 1 == 7
    assert delais.article == "R1221-35"


def test_information_complete_au_plus_tard_un_mois_apres_l_embauche() -> None:
    assert information_ecrite_au_plus_tard(embauche=date(2026, 3, 2)).complete == date(2026, 4, 2)
    # Quantième absent : ramené au dernier jour du mois.
    assert information_ecrite_au_plus_tard(embauche=date(2026, 1, 31)).complete == date(2026, 2, 28)


def test_les_delais_d_information_viennent_des_donnees_avec_leur_article() -> None:
    essentielle = regle("embauche.information_ecrite.essentielle_jours")
    assert (essentielle.entier, essentielle.legiarti) == (7, "LEGIARTI000048288640")


# --- Autorisation de travail d'un étranger (L5221-8, R5221-41, R5221-42) ------------------------


def test_autorisation_de_travail_deux_jours_ouvrables_entiers_avant_l_embauche() -> None:
    limite = autorisation_travail_verifiee_au_plus_tard(embauche=date(2026, 3, 5))  # jeudi

    # Lecture prudente : ni le jour de la demande ni celui de l'embauche ne comptent ; mardi 3 et
    # mercredi 4 restent entiers pour le préfet.
    assert limite == date(2026, 3, 2)
    assert jours_ouvrables_entre(limite, date(2026, 3, 4)) == 2
    assert autorisation_travail_verifiee_au_plus_tard(embauche=date(2026, 3, 6)) == date(2026, 3, 3)


def test_autorisation_de_travail_le_samedi_est_ouvrable_le_dimanche_non() -> None:
    # Embauche lundi 9 mars : samedi 7 et vendredi 6 entiers, donc jeudi 5.
    assert autorisation_travail_verifiee_au_plus_tard(embauche=date(2026, 3, 9)) == date(2026, 3, 5)
    # Embauche mardi 10 mars : lundi 9 et samedi 7 entiers (le dimanche ne compte pas), vendredi 6.
    assert autorisation_travail_verifiee_au_plus_tard(embauche=date(2026, 3, 10)) == date(
        2026, 3, 6
    )


def test_autorisation_de_travail_un_jour_ferie_ne_compte_pas() -> None:
    # Embauche lundi 4 mai 2026 : samedi 2, vendredi 1er mai férié, jeudi 30 avril : mercredi 29.
    assert autorisation_travail_verifiee_au_plus_tard(embauche=date(2026, 5, 4)) == date(
        2026, 4, 29
    )
    # Embauche vendredi 15 mai : jeudi 14 (Ascension) férié, mercredi 13 et mardi 12 : lundi 11.
    assert autorisation_travail_verifiee_au_plus_tard(embauche=date(2026, 5, 15)) == date(
        2026, 5, 11
    )


def test_la_demande_d_emploi_d_un_jeune_de_moins_de_16_ans_part_quinze_jours_entiers_avant() -> (
    None
):
    # Embauche lundi 6 juillet 2026 : du 21 juin au 5 juillet, quinze jours entiers.
    limite = demande_emploi_mineur_au_plus_tard(embauche=date(2026, 7, 6))
    assert limite == date(2026, 6, 20)
    assert (date(2026, 7, 6) - limite).days - 1 == 15
    delai = regle("mineurs.vacances_scolaires.demande_inspection_jours_avant")
    assert (delai.entier, delai.article) == (15, "D4153-5")


def test_le_delai_de_l_autorisation_de_travail_cite_r5221_42() -> None:
    delai = regle("embauche.autorisation_travail.jours_ouvrables_avant")
    assert (delai.entier, delai.article, delai.legiarti) == (2, "R5221-42", "LEGIARTI000043320792")


@pytest.mark.parametrize(
    "options",
    [
        {"age": 17},
        {"mineur": True},
        {"age": 30, "travail_nuit": True},
        {"age": 30, "poste_a_risque": True},
    ],
)
def test_visite_avant_l_affectation_mineur_nuit_poste_a_risque(options: dict) -> None:
    # R4624-18 (mineur, travailleur de nuit) et R4624-24 (suivi renforcé) : la visite ou
    # l'examen d'aptitude a lieu avant l'affectation au poste, pas dans les trois mois.
    assert visite_information_au_plus_tard(embauche=date(2026, 3, 2), **options) == date(2026, 3, 2)


def test_visite_d_un_adulte_de_jour_dans_les_trois_mois() -> None:
    assert visite_information_au_plus_tard(embauche=date(2026, 3, 2), age=18) == date(2026, 6, 2)


def test_complementaire_sante_dispense_des_cdd_courts_et_portabilite_d_au_plus_douze_mois() -> None:
    """CSS D911-2 1° : couverture collective de moins de trois mois ; L911-8 1° : maintien
    gratuit « sans pouvoir excéder douze mois »."""
    dispense = regle("embauche.complementaire_sante.dispense_cdd_couverture_moins_de")
    portabilite = regle("embauche.complementaire_sante.portabilite_maximum")
    assert (dispense.entier, dispense.unite, dispense.article) == (3, "mois", "CSS D911-2 1°")
    assert (portabilite.entier, portabilite.unite) == (12, "mois")
    assert portabilite.article == "CSS L911-8 1°"


def test_la_duree_maximale_moyenne_se_calcule_sur_douze_semaines() -> None:
    periode = regle("temps_travail.maximum.periode_moyenne")
    assert (periode.entier, periode.unite, periode.article) == (12, "semaines", "L3121-22")
