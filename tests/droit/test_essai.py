"""Période d'essai (L1221-19, L1221-21, L1221-23, L1221-25, L1221-26, L1242-10)."""

from datetime import date

import pytest

from rh_tpe.droit import (
    Duree,
    ErreurDroit,
    delai_prevenance_essai,
    periode_essai_max,
    verifier_periode_essai,
)


@pytest.mark.parametrize(
    ("categorie", "initiale", "renouvelee"),
    [
        ("ouvrier", 2, 4),
        ("employe", 2, 4),
        ("agent_de_maitrise", 3, 6),
        ("technicien", 3, 6),
        ("cadre", 4, 8),
    ],
)
def test_essai_cdi_par_categorie(categorie: str, initiale: int, renouvelee: int) -> None:
    assert periode_essai_max(contrat="CDI", categorie=categorie) == Duree(initiale, "mois")
    assert periode_essai_max(contrat="CDI", categorie=categorie, renouvellement=True) == Duree(
        renouvelee, "mois"
    )


def test_cdd_de_3_mois_limite_l_essai_a_13_jours() -> None:
    assert periode_essai_max(contrat="CDD", debut=date(2026, 3, 2), fin=date(2026, 6, 1)) == Duree(
        13, "jours"
    )


def test_cdd_de_6_mois_exactement_plafonne_a_deux_semaines() -> None:
    duree = periode_essai_max(contrat="CDD", debut=date(2026, 3, 2), fin=date(2026, 9, 1))
    assert duree == Duree(14, "jours") == Duree(2, "semaines")


def test_cdd_d_un_jour_de_plus_que_6_mois_passe_au_jour_par_semaine() -> None:
    assert periode_essai_max(contrat="CDD", debut=date(2026, 3, 2), fin=date(2026, 9, 2)) == Duree(
        26, "jours"
    )


def test_cdd_de_8_mois_plafonne_a_un_mois() -> None:
    assert periode_essai_max(contrat="CDD", debut=date(2026, 3, 2), fin=date(2026, 11, 1)) == Duree(
        1, "mois"
    )


def test_le_plafond_d_un_mois_est_un_mois_calendaire() -> None:
    # 1er février 2026 + 1 mois = 28 jours ; 203 jours de contrat donnent 29 jours > 28.
    assert periode_essai_max(contrat="CDD", debut=date(2026, 2, 1), fin=date(2026, 8, 22)) == Duree(
        1, "mois"
    )


def test_cdd_de_14_jours_donne_2_jours_et_de_13_jours_1_jour() -> None:
    debut = date(2026, 3, 2)
    assert periode_essai_max(contrat="CDD", debut=debut, fin=date(2026, 3, 15)) == Duree(2, "jours")
    assert periode_essai_max(contrat="CDD", debut=debut, fin=date(2026, 3, 14)) == Duree(1, "jours")


def test_cdd_sans_dates_est_une_erreur() -> None:
    with pytest.raises(ErreurDroit) as erreur:
        periode_essai_max(contrat="CDD")
    assert erreur.value.article == "L1242-10"


@pytest.mark.parametrize(
    ("categorie", "initiale"),
    [
        ("Agent de maîtrise", 3),
        ("agent_maitrise_technicien", 3),
        ("technicien_agent_de_maitrise", 3),
        ("Ouvrier-employé", 2),
        ("ingénieur cadre", 4),
    ],
)
def test_une_categorie_s_ecrit_de_plusieurs_facons(categorie: str, initiale: int) -> None:
    assert periode_essai_max(contrat="CDI", categorie=categorie) == Duree(initiale, "mois")


@pytest.mark.parametrize("categorie", ["stagiaire", "non_cadre", "etam", "employe_ou_cadre"])
def test_categorie_inconnue_ou_ambigue_est_une_erreur(categorie: str) -> None:
    with pytest.raises(ErreurDroit):
        periode_essai_max(contrat="CDI", categorie=categorie)


def test_essai_trop_long_refuse() -> None:
    resultat = verifier_periode_essai(duree=Duree(5, "mois"), contrat="CDI", categorie="cadre")
    assert not resultat.valide
    assert resultat.limite == "4 mois"


def test_renouvellement_sans_clause_refuse() -> None:
    resultat = verifier_periode_essai(
        duree=Duree(8, "mois"),
        contrat="CDI",
        categorie="cadre",
        renouvellement=True,
        accord_branche_renouvellement=True,
        clause_renouvellement=False,
    )
    assert not resultat.valide
    assert resultat.article == "L1221-23"


def test_renouvellement_avec_accord_et_clause_accepte() -> None:
    assert verifier_periode_essai(
        duree=Duree(8, "mois"),
        contrat="CDI",
        categorie="cadre",
        renouvellement=True,
        accord_branche_renouvellement=True,
        clause_renouvellement=True,
    ).valide


def test_essai_cdd_en_semaines_compare_en_jours() -> None:
    debut, fin = date(2026, 3, 2), date(2026, 9, 1)
    assert verifier_periode_essai(duree=Duree(2, "semaines"), contrat="CDD", debut=debut, fin=fin)
    assert not verifier_periode_essai(duree=Duree(15, "jours"), contrat="CDD", debut=debut, fin=fin)


@pytest.mark.parametrize(
    ("notification", "attendu"),
    [
        (date(2026, 3, 8), "24 heures"),
        (date(2026, 3, 9), "48 heures"),
        (date(2026, 4, 1), "48 heures"),
        (date(2026, 4, 2), "2 semaines"),
        (date(2026, 6, 1), "2 semaines"),
        (date(2026, 6, 2), "1 mois"),
    ],
)
def test_delai_de_prevenance_employeur_aux_bornes(notification: date, attendu: str) -> None:
    delai = delai_prevenance_essai(
        initiative="employeur", entree=date(2026, 3, 2), notification=notification
    )
    assert str(delai) == attendu


def test_delai_de_prevenance_salarie() -> None:
    entree = date(2026, 3, 2)
    assert delai_prevenance_essai(
        initiative="salarie", entree=entree, notification=date(2026, 3, 8)
    ) == Duree(24, "heures")
    assert delai_prevenance_essai(
        initiative="salarie", entree=entree, notification=date(2026, 3, 9)
    ) == Duree(48, "heures")
    assert delai_prevenance_essai(
        initiative="salarie", entree=entree, notification=date(2026, 9, 9)
    ) == Duree(48, "heures")


def test_notification_avant_l_entree_est_une_erreur() -> None:
    with pytest.raises(ErreurDroit):
        delai_prevenance_essai(
            initiative="employeur", entree=date(2026, 3, 2), notification=date(2026, 3, 1)
        )


def test_duree_en_francais() -> None:
    assert str(Duree(2, "semaines")) == "2 semaines"
    assert str(Duree(1, "mois")) == "1 mois"
    assert str(Duree(48, "heures")) == "48 heures"
    assert str(Duree(1, "jours")) == "1 jour"
    with pytest.raises(ErreurDroit):
        Duree(1, "années")


@pytest.mark.parametrize(
    ("initiative", "contrat", "essai_stipule", "attendu"),
    [
        # L1221-25 : pour un CDD, le délai de prévenance n'est dû que si le contrat stipule une
        # période d'essai d'au moins une semaine.
        ("employeur", "CDD", Duree(6, "jours"), Duree(0, "heures")),
        ("employeur", "CDD", Duree(1, "semaines"), Duree(24, "heures")),
        # Le délai du salarié (L1221-26) ne dépend pas de la durée de l'essai.
        ("salarie", "CDD", Duree(6, "jours"), Duree(24, "heures")),
        # Un CDI reste soumis au délai quelle que soit la durée stipulée.
        ("employeur", "CDI", Duree(6, "jours"), Duree(24, "heures")),
    ],
)
def test_cdd_avec_essai_de_moins_d_une_semaine_sans_delai_employeur(
    initiative: str, contrat: str, essai_stipule: Duree, attendu: Duree
) -> None:
    assert (
        delai_prevenance_essai(
            initiative=initiative,
            entree=date(2026, 3, 2),
            notification=date(2026, 3, 4),
            contrat=contrat,
            essai_stipule=essai_stipule,
        )
        == attendu
    )
