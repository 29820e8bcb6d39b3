"""CDD : motifs, interdictions, durée maximale, carence, indemnité de fin de contrat, remise."""

from datetime import date
from decimal import Decimal

import pytest

from rh_tpe.droit import (
    Duree,
    ErreurDroit,
    carence_cdd,
    cas_interdits_cdd,
    cdd_transmis_au_plus_tard,
    duree_maximale_cdd,
    exclusion_indemnite_fin_cdd,
    exclusions_indemnite_fin_cdd,
    exemption_carence,
    indemnite_conges_fin_cdd,
    indemnite_fin_cdd,
    motif_cdd,
    motifs_cdd,
    verifier_recours_cdd,
    verifier_renouvellements_cdd,
)


@pytest.mark.parametrize(
    ("motif", "mois"),
    [
        ("remplacement", 18),
        ("accroissement_temporaire", 18),
        ("saisonnier", 18),
        ("usage", 18),
        ("attente_entree_cdi", 9),
        ("travaux_urgents_securite", 9),
        ("remplacement_avant_suppression_poste", 24),
        ("commande_exceptionnelle_export", 24),
        ("objet_defini", 36),
    ],
)
def test_duree_maximale_par_motif(motif: str, mois: int) -> None:
    assert duree_maximale_cdd(motif=motif) == Duree(mois, "mois")


@pytest.mark.parametrize(
    ("motif", "mois"),
    [
        ("Accroissement temporaire d'activité", 18),
        ("attente_recrutement_cdi", 9),
        ("Commande-export", 24),
        ("contrat_usage", 18),
    ],
)
def test_un_motif_s_ecrit_de_plusieurs_facons(motif: str, mois: int) -> None:
    assert duree_maximale_cdd(motif=motif) == Duree(mois, "mois")


@pytest.mark.parametrize(
    ("situation", "indemnite", "carence"),
    [
        ("saisonnier", "L1243-10 1°", "L1244-4-1 3°"),
        ("CDD-usage", "L1243-10 1°", "L1244-4-1 3°"),
        ("motif_saisonnier", "L1243-10 1°", "L1244-4-1 3°"),
        ("Rupture anticipée initiative salarié", "L1243-10 4°", "L1244-4-1 6°"),
        ("refus_renouvellement", None, "L1244-4-1 7°"),
        ("fin_normale_du_contrat", None, None),
    ],
)
def test_une_situation_s_ecrit_de_plusieurs_facons(
    situation: str, indemnite: str | None, carence: str | None
) -> None:
    exclusion = exclusion_indemnite_fin_cdd(situation=situation)
    exemption = exemption_carence(situation=situation)
    assert (exclusion.article if exclusion else None) == indemnite
    assert (exemption.article if exemption else None) == carence


def test_pas_de_maximum_pour_la_reconversion_ni_le_terme_imprecis() -> None:
    assert duree_maximale_cdd(motif="reconversion") is None
    assert duree_maximale_cdd(motif="remplacement", terme_precis=False) is None


def test_accroissement_a_terme_imprecis_est_une_erreur() -> None:
    with pytest.raises(ErreurDroit) as erreur:
        duree_maximale_cdd(motif="accroissement_temporaire", terme_precis=False)
    assert erreur.value.article == "L1242-7"


def test_motif_inconnu_est_une_erreur_qui_cite_l_article() -> None:
    with pytest.raises(ErreurDroit) as erreur:
        duree_maximale_cdd(motif="confort")
    assert erreur.value.article == "L1242-2"


def test_les_motifs_de_remplacement_exigent_le_nom_du_remplace() -> None:
    exigent = {m.code for m in motifs_cdd() if m.nom_remplace_requis}
    assert {"remplacement", "attente_entree_cdi", "remplacement_chef_entreprise"} <= exigent
    assert "accroissement_temporaire" not in exigent
    assert all(m.explication and m.article for m in motifs_cdd())


def test_motif_saisonnier_sans_indemnite_de_fin_de_contrat() -> None:
    assert not motif_cdd("saisonnier").indemnite_fin_contrat
    assert motif_cdd("accroissement_temporaire").indemnite_fin_contrat


def test_cas_interdits_cites_avec_leur_article() -> None:
    articles = {cas.article for cas in cas_interdits_cdd()}
    assert {"L1242-6 1°", "L1242-6 2°", "L1242-5"} <= articles


def test_travaux_dangereux_interdits_sauf_derogation() -> None:
    assert not verifier_recours_cdd(motif="accroissement_temporaire", travaux_dangereux=True)
    assert verifier_recours_cdd(
        motif="accroissement_temporaire", travaux_dangereux=True, derogation_travaux_dangereux=True
    )


def test_accroissement_apres_licenciement_economique() -> None:
    refuse = verifier_recours_cdd(
        motif="accroissement_temporaire", mois_depuis_licenciement_economique=4, duree_mois=4
    )
    assert not refuse and refuse.article == "L1242-5"
    assert verifier_recours_cdd(
        motif="accroissement_temporaire", mois_depuis_licenciement_economique=6, duree_mois=12
    )


def test_objet_defini_ne_se_renouvelle_pas() -> None:
    resultat = verifier_renouvellements_cdd(
        motif="objet_defini", duree_initiale=Duree(18, "mois"), renouvellements=[Duree(6, "mois")]
    )
    assert not resultat and resultat.article == "L1242-8-2"


def test_trois_renouvellements_refuses() -> None:
    resultat = verifier_renouvellements_cdd(
        motif="accroissement_temporaire",
        duree_initiale=Duree(3, "mois"),
        renouvellements=[Duree(1, "mois")] * 3,
    )
    assert not resultat and resultat.article == "L1243-13-1"


def test_renouvellements_en_jours_cumules_en_dates() -> None:
    assert verifier_renouvellements_cdd(
        motif="attente_entree_cdi",
        duree_initiale=Duree(120, "jours"),
        renouvellements=[Duree(2, "mois")],
        debut=date(2026, 1, 5),
    )
    assert not verifier_renouvellements_cdd(
        motif="attente_entree_cdi",
        duree_initiale=Duree(200, "jours"),
        renouvellements=[Duree(3, "mois")],
        debut=date(2026, 1, 5),
    )


def test_carence_a_la_borne_de_14_jours() -> None:
    assert carence_cdd(duree_contrat_jours=13) == 7  # 6,5 arrondi au jour supérieur
    assert carence_cdd(duree_contrat_jours=14) == 5  # 14 / 3 = 4,67 → 5
    assert carence_cdd(duree_contrat_jours=10) == 5
    assert carence_cdd(duree_contrat_jours=60) == 20


def test_carence_d_un_contrat_vide_est_une_erreur() -> None:
    with pytest.raises(ErreurDroit):
        carence_cdd(duree_contrat_jours=0)


def test_indemnite_de_fin_de_contrat_10_pour_cent() -> None:
    assert indemnite_fin_cdd(remuneration_brute_totale=Decimal("12000")) == Decimal("1200.00")
    assert indemnite_fin_cdd(remuneration_brute_totale=Decimal("1234.56")) == Decimal("123.46")


def test_indemnite_reduite_a_6_pour_cent_par_accord() -> None:
    montant = indemnite_fin_cdd(remuneration_brute_totale=Decimal("12000"), taux_reduit_accord=True)
    assert montant == Decimal("720.00")


def test_rupture_pendant_l_essai_exclut_l_indemnite() -> None:
    montant = indemnite_fin_cdd(
        remuneration_brute_totale=Decimal("3000"), situation="rupture_periode_essai"
    )
    assert montant == Decimal("0.00")
    assert {c.code for c in exclusions_indemnite_fin_cdd()} >= {"force_majeure", "poursuite_en_cdi"}


def test_conges_payes_de_fin_de_cdd_sur_base_indemnite_comprise() -> None:
    assert indemnite_conges_fin_cdd(remuneration_brute_totale=Decimal("13200")) == Decimal(
        "1320.00"
    )


def test_cdd_remis_dans_les_deux_jours_ouvrables() -> None:
    assert cdd_transmis_au_plus_tard(embauche=date(2026, 3, 2)) == date(2026, 3, 4)
    # Vendredi → samedi (ouvrable) puis lundi : le dimanche ne compte pas.
    assert cdd_transmis_au_plus_tard(embauche=date(2026, 3, 6)) == date(2026, 3, 9)


def test_un_jour_ferie_dans_le_delai_de_remise_le_repousse() -> None:
    # Embauche jeudi 30 avril 2026 : 1er mai férié, samedi 2 mai, lundi 4 mai.
    assert cdd_transmis_au_plus_tard(embauche=date(2026, 4, 30)) == date(2026, 5, 4)


def test_remise_en_alsace_moselle_saute_le_vendredi_saint() -> None:
    # Jeudi 2 avril 2026 : vendredi saint (3) férié en Alsace-Moselle, samedi 4, lundi 6 férié.
    assert cdd_transmis_au_plus_tard(embauche=date(2026, 4, 2)) == date(2026, 4, 4)
    assert cdd_transmis_au_plus_tard(embauche=date(2026, 4, 2), alsace_moselle=True) == date(
        2026, 4, 7
    )


def test_l1242_5_exception_de_trois_mois_comptee_en_dates() -> None:
    apres_licenciement = {
        "motif": "accroissement_temporaire",
        "mois_depuis_licenciement_economique": 0,
        "renouvelable": False,
        "debut": date(2026, 3, 2),
    }

    # Du 2 mars au 1er juin : trois mois, pas plus ; jusqu'au 2 juin : plus de trois mois.
    assert verifier_recours_cdd(**apres_licenciement, fin=date(2026, 6, 1)).article == "L1242-5 1°"
    refus = verifier_recours_cdd(**apres_licenciement, fin=date(2026, 6, 2))
    assert not refus and refus.article == "L1242-5"
    # Renouvelable : jamais d'exception.
    assert not verifier_recours_cdd(
        **{**apres_licenciement, "renouvelable": True}, fin=date(2026, 4, 1)
    )
    # Autre motif : pas concerné.
    assert verifier_recours_cdd(
        **{**apres_licenciement, "motif": "remplacement"}, fin=date(2026, 12, 1)
    )


def test_objet_defini_dure_au_moins_18_mois() -> None:
    # L1242-8-2 : durée minimale de dix-huit mois, maximale de trente-six.
    trop_court = verifier_renouvellements_cdd(
        motif="objet_defini", duree_initiale=Duree(12, "mois")
    )
    assert not trop_court and trop_court.article == "L1242-8-2"
    assert verifier_renouvellements_cdd(motif="objet_defini", duree_initiale=Duree(18, "mois"))
    assert not verifier_renouvellements_cdd(
        motif="objet_defini",
        duree_initiale=Duree(547, "jours"),
        debut=date(2026, 3, 2),
    )
    # Du 2 mars 2026 au 1er septembre 2027 inclus : 18 mois exactement.
    assert verifier_renouvellements_cdd(
        motif="objet_defini", duree_initiale=Duree(549, "jours"), debut=date(2026, 3, 2)
    )


def test_commande_export_duree_initiale_d_au_moins_six_mois() -> None:
    # L1242-8-1 3° : la durée initiale du contrat ne peut être inférieure à six mois.
    refus = verifier_renouvellements_cdd(
        motif="commande_exceptionnelle_export",
        duree_initiale=Duree(4, "mois"),
        renouvellements=[Duree(4, "mois")],
    )
    assert not refus and refus.article == "L1242-8-1 3°"
    assert verifier_renouvellements_cdd(
        motif="commande_exceptionnelle_export",
        duree_initiale=Duree(6, "mois"),
        renouvellements=[Duree(6, "mois")],
    )


def test_periode_de_reconversion_au_moins_six_mois() -> None:
    # L1242-3 5° : CDD de période de reconversion « pour une durée d'au moins six mois ».
    refus = verifier_renouvellements_cdd(motif="reconversion", duree_initiale=Duree(5, "mois"))
    assert not refus and refus.article == "L1242-3 5°"
    assert verifier_renouvellements_cdd(motif="reconversion", duree_initiale=Duree(6, "mois"))
