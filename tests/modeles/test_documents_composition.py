"""Composition : clauses conditionnelles et refus des réponses contraires au Code du travail."""

from __future__ import annotations

import datetime

import pytest

from rh_tpe import droit
from rh_tpe.modeles.catalogue import analyser_gabarit, type_document
from rh_tpe.modeles.composition import (
    Composition,
    RefusJuridique,
    ReponsesInvalides,
    composer,
)

DATE_FIXE = datetime.datetime(2026, 12, 1, 9, 30, tzinfo=datetime.UTC)


def composer_exemple(code: str, **modifications: object) -> Composition:
    reponses = {**type_document(code).exemple, **modifications}
    return composer(code, reponses, cree_le=DATE_FIXE)


def texte(composition: Composition) -> str:
    return "\n".join(composition.document.paragraphes())


def titres(composition: Composition) -> list[str]:
    return [article.titre for article in composition.document.articles]


def test_la_clause_de_temps_partiel_n_apparait_qu_a_temps_partiel():
    partiel = composer_exemple("cdi", temps_de_travail="partiel")
    complet = composer_exemple("cdi", temps_de_travail="complet", salaire_brut_mensuel="1900")
    assert "Durée du travail à temps partiel" in titres(partiel)
    assert "Durée du travail à temps partiel" not in titres(complet)
    assert "heures complémentaires" in texte(partiel)
    assert "heures complémentaires" not in texte(complet)
    assert partiel.document.sous_titre == "à temps partiel"
    assert complet.document.sous_titre == "à temps complet"
    # Les réponses propres au temps partiel ne sont ni imprimées ni figées à temps complet.
    assert "heures_hebdomadaires" not in complet.reponses
    assert "repartition_detail" not in complet.reponses


def test_les_articles_sont_numerotes_a_la_suite_apres_les_conditions():
    sans_essai = composer_exemple("cdi", periode_essai="")
    numeros = [article.numero for article in sans_essai.document.articles]
    assert numeros == list(range(1, len(numeros) + 1))
    assert "Période d'essai" not in titres(sans_essai)


def test_la_personne_remplacee_n_apparait_que_pour_un_cdd_de_remplacement():
    remplacement = composer_exemple("cdd")
    accroissement = composer_exemple(
        "cdd", motif="accroissement_temporaire", terme="precis", date_fin="2027-03-12"
    )
    assert "Le salarié remplace Sophie Lacoste" in texte(remplacement)
    assert "Sophie Lacoste" not in texte(accroissement)
    assert "remplace_nom" not in accroissement.reponses


def test_un_cdd_de_remplacement_sans_nom_de_la_personne_remplacee_est_incomplet():
    with pytest.raises(ReponsesInvalides) as erreur:
        composer_exemple("cdd", remplace_nom="", remplace_qualification="")
    assert set(erreur.value.erreurs) == {"remplace_nom", "remplace_qualification"}


def test_une_reponse_mal_formee_est_signalee_par_son_nom():
    with pytest.raises(ReponsesInvalides) as erreur:
        composer_exemple("cdi", date_debut="07/12/2026", salaire_brut_mensuel="beaucoup")
    assert set(erreur.value.erreurs) == {"date_debut", "salaire_brut_mensuel"}
    assert "AAAA-MM-JJ" in erreur.value.erreurs["date_debut"]


@pytest.mark.parametrize("invisible", ["\x00", "\x0b", "\x1b", "\uffff"])
def test_un_texte_avec_un_caractere_de_controle_est_refuse_avant_d_ecrire_le_docx(invisible):
    """Le DOCX (XML 1.0) ne peut pas porter ces caractères : python-docx lèverait une erreur."""
    with pytest.raises(ReponsesInvalides) as erreur:
        composer_exemple("cdi", poste_intitule=f"Vendeuse{invisible}")
    assert "caractère de contrôle" in erreur.value.erreurs["poste_intitule"]
    # Tabulation et retours à la ligne restent des textes ordinaires.
    assert "Vendeuse\tqualifiée" in texte(
        composer_exemple("cdi", poste_intitule="Vendeuse\tqualifiée")
    )


def test_une_periode_d_essai_plus_longue_que_la_loi_est_refusee_avec_l_article():
    with pytest.raises(RefusJuridique) as erreur:
        composer_exemple("cdi", categorie="ouvrier_employe", periode_essai="3 mois")
    assert erreur.value.article == "L1221-19"
    assert erreur.value.champ == "periode_essai"
    assert "L1221-19" in str(erreur.value)


def test_l_essai_d_un_cdd_au_dela_d_un_jour_par_semaine_est_refuse():
    with pytest.raises(RefusJuridique) as erreur:
        composer_exemple("cdd", periode_essai="3 semaines")
    assert erreur.value.article == "L1242-10"


def test_un_renouvellement_d_essai_sans_accord_de_branche_est_refuse():
    with pytest.raises(RefusJuridique) as erreur:
        composer_exemple(
            "cdi",
            essai_renouvelable=True,
            accord_branche_renouvellement=False,
            periode_essai_renouvellement="1 mois",
        )
    assert erreur.value.article == "L1221-21"


# Un temps partiel de 10 heures, sous le minimum légal de 24 heures (L3123-27), au-dessus du SMIC.
DIX_HEURES = {
    "temps_de_travail": "partiel",
    "heures_hebdomadaires": 10,
    "salaire_brut_mensuel": "1000",
}


def test_un_temps_partiel_sous_le_minimum_sans_derogation_est_refuse():
    with pytest.raises(RefusJuridique) as erreur:
        composer_exemple("cdi", heures_hebdomadaires=10, salaire_brut_mensuel="1000")
    assert erreur.value.article == "L3123-27"
    assert erreur.value.champ == "heures_hebdomadaires"


def test_un_temps_partiel_sous_le_minimum_avec_une_derogation_l_imprime():
    composition = composer_exemple(
        "cdi",
        heures_hebdomadaires=10,
        salaire_brut_mensuel="1000",
        derogation_temps_partiel="etudiant_moins_26_ans",
        salarie_date_naissance="2004-03-01",  # 22 ans le 7 décembre 2026
    )
    assert "âgé de moins de 26 ans et poursuivant ses études" in texte(composition)
    assert "conformément à l'article L3123-7 du Code du travail" in texte(composition)
    assert "L3123-19" not in texte(composition)


@pytest.mark.parametrize("code", ["cdi", "cdd"])
def test_la_derogation_par_accord_de_branche_cite_l3123_19(code):
    composition = composer_exemple(
        code,
        **DIX_HEURES,
        derogation_temps_partiel="accord_branche",
    )
    assert "accord de branche étendu fixant une durée minimale inférieure" in texte(composition)
    assert "conformément à l'article L3123-19 du Code du travail" in texte(composition)
    assert "L3123-7" not in texte(composition)


@pytest.mark.parametrize("code", ["cdi", "cdd"])
def test_la_derogation_de_l_etudiant_est_refusee_a_26_ans_le_premier_jour(code):
    # Hors du parcours (manage.py generer_document), le contrat contrôle aussi l'âge : 26 ans
    # révolus le 7 décembre 2026, premier jour du contrat.
    with pytest.raises(RefusJuridique) as erreur:
        composer_exemple(
            code,
            **DIX_HEURES,
            derogation_temps_partiel="etudiant_moins_26_ans",
            salarie_date_naissance="2000-12-07",
            date_debut="2026-12-07",
        )
    assert erreur.value.article.startswith("L3123-7")
    assert erreur.value.champ == "derogation_temps_partiel"
    assert "26 ans" in erreur.value.message


@pytest.mark.parametrize("code", ["cdi", "cdd"])
def test_la_derogation_de_l_etudiant_vaut_la_veille_de_ses_26_ans(code):
    composition = composer_exemple(
        code,
        **DIX_HEURES,
        derogation_temps_partiel="etudiant_moins_26_ans",
        salarie_date_naissance="2000-12-08",
        date_debut="2026-12-07",
    )
    assert "poursuivant ses études" in texte(composition)


def test_un_cdd_de_remplacement_a_temps_partiel_court_n_a_pas_de_minimum():
    composition = composer_exemple(
        "cdd",
        temps_de_travail="partiel",
        heures_hebdomadaires=10,
        salaire_brut_mensuel="600",
        repartition="semaine",
        repartition_detail="lundi et mardi de 8 h à 13 h",
        cas_modification_repartition="absence d'un collègue",
        communication_horaires="par un planning écrit",
    )
    assert "10 heures" in texte(composition)


def test_un_salaire_sous_le_smic_est_refuse():
    with pytest.raises(RefusJuridique) as erreur:
        composer_exemple("cdi", temps_de_travail="complet", salaire_brut_mensuel="1200")
    assert erreur.value.article == "L3231-2"


def test_un_mineur_sans_pratique_peut_etre_paye_au_minimum_des_jeunes_travailleurs():
    debut = datetime.date.fromisoformat(type_document("cdi").exemple["date_debut"])
    naissance = debut.replace(year=debut.year - 16)
    minimum_adulte = droit.smic_mensuel(debut)
    minimum_mineur = droit.verifier_salaire_minimum(
        le=debut, salaire_mensuel_brut=minimum_adulte, age=16
    ).limite
    salaire = str(minimum_adulte - 100)

    composition = composer_exemple(
        "cdi",
        temps_de_travail="complet",
        salarie_date_naissance=naissance.isoformat(),
        salaire_brut_mensuel=salaire,
    )

    assert composition.reponses["salaire_brut_mensuel"] == salaire
    assert float(salaire) >= float(minimum_mineur.split()[0])
    # Avec six mois de pratique dans la branche, l'abattement tombe : le SMIC adulte s'applique.
    with pytest.raises(RefusJuridique) as erreur:
        composer_exemple(
            "cdi",
            temps_de_travail="complet",
            salarie_date_naissance=naissance.isoformat(),
            salarie_mois_experience_branche="6",
            salaire_brut_mensuel=salaire,
        )
    assert erreur.value.article == "L3231-2"


def test_un_mineur_paye_sous_le_minimum_des_jeunes_travailleurs_est_refuse():
    debut = datetime.date.fromisoformat(type_document("cdi").exemple["date_debut"])

    with pytest.raises(RefusJuridique) as erreur:
        composer_exemple(
            "cdi",
            temps_de_travail="complet",
            salarie_date_naissance=debut.replace(year=debut.year - 16).isoformat(),
            salaire_brut_mensuel="900",
        )
    assert erreur.value.article == "L3231-2 ; D3231-3"


def test_un_cdd_plus_long_que_le_maximum_legal_est_refuse():
    with pytest.raises(RefusJuridique) as erreur:
        composer_exemple(
            "cdd", motif="accroissement_temporaire", terme="precis", date_fin="2028-12-31"
        )
    assert erreur.value.article == "L1242-8-1"


def test_un_terme_imprecis_pour_un_accroissement_d_activite_est_refuse():
    with pytest.raises(RefusJuridique) as erreur:
        composer_exemple("cdd", motif="accroissement_temporaire", terme="imprecis")
    assert erreur.value.article == "L1242-7"


def test_une_offre_dont_le_delai_d_acceptation_depasse_l_entree_en_fonction_est_refusee():
    with pytest.raises(RefusJuridique) as erreur:
        composer_exemple("promesse_embauche", date_limite_acceptation="2026-12-22")
    assert erreur.value.champ == "date_limite_acceptation"


def test_la_composition_fige_reponses_valeurs_calculees_et_versions():
    composition = composer_exemple("cdd")
    assert composition.type_code == "cdd"
    assert composition.versions["type_document"] == f"cdd@{composition.type_version}"
    assert {"regles", "smic_horaire"} <= set(composition.versions)
    assert composition.reponses["date_debut"] == "2026-12-14"
    assert composition.reponses["duree_minimale"] == "3 mois"
    assert composition.valeurs_calculees["date_remise_contrat"] == "16 décembre 2026"
    assert composition.valeurs_calculees["periode_essai_maximale"]


def test_un_gabarit_ne_se_lit_qu_une_fois_et_refuse_les_accolades_orphelines():
    gabarit = analyser_gabarit("Le **{salarie_nom}** est engagé.")
    assert gabarit.variables == {"salarie_nom"}
    assert [m.gras for m in gabarit.morceaux] == [False, True, False]
    for mauvais in ("{salarie nom}", "**ouvert", "{{ x }}", "{% if %}"):
        with pytest.raises(ValueError):
            analyser_gabarit(mauvais)


def test_des_heures_complementaires_convenues_au_dela_du_dixieme_sont_refusees():
    # 28 heures par semaine : au plus 2,8 heures complémentaires (L3123-28).
    with pytest.raises(RefusJuridique) as erreur:
        composer_exemple("cdi", heures_complementaires_prevues="3")
    assert erreur.value.article == "L3123-28"
    assert erreur.value.champ == "heures_complementaires_prevues"


def test_des_heures_complementaires_convenues_a_la_limite_legale_sont_acceptees():
    composition = composer_exemple("cdi", heures_complementaires_prevues="2.8")
    assert "pas plus de 2,8 heures complémentaires par semaine" in texte(composition)


def test_les_heures_complementaires_convenues_ne_s_impriment_pas_a_temps_complet():
    composition = composer_exemple(
        "cdi",
        temps_de_travail="complet",
        salaire_brut_mensuel="1900",
        heures_complementaires_prevues="50",
    )
    assert "heures_complementaires_prevues" not in composition.reponses
    assert "pas plus de" not in texte(composition)


@pytest.mark.parametrize("date_fin", ["9999-12-31", "0001-01-01"])
def test_une_date_absurde_est_une_reponse_invalide_pas_une_erreur_du_moteur(date_fin):
    with pytest.raises(ReponsesInvalides) as erreur:
        composer_exemple("cdd", terme="precis", date_fin=date_fin)
    assert "date_fin" in erreur.value.erreurs


def _offre_de_cdd(**modifications: object) -> Composition:
    cdd: dict[str, object] = {
        "type_contrat": "cdd",
        "duree_cdd": "du 21 décembre 2026 au 30 avril 2027, motif : accroissement temporaire",
        "motif": "accroissement_temporaire",
        "terme": "precis",
        "date_fin": "2027-04-30",
    }
    return composer_exemple("promesse_embauche", **{**cdd, **modifications})


def test_l_essai_d_une_offre_de_cdd_est_controle_comme_celui_du_contrat():
    # Un CDD de 4 mois et 10 jours : un jour par semaine, au plus deux semaines (L1242-10).
    assert "période d'essai de 2 semaines" in texte(_offre_de_cdd(periode_essai="2 semaines"))
    with pytest.raises(RefusJuridique) as erreur:
        _offre_de_cdd(periode_essai="2 mois")
    assert erreur.value.article == "L1242-10"
    assert erreur.value.champ == "periode_essai"


def test_une_offre_de_cdd_sans_motif_ni_terme_est_incomplete():
    reponses = {**type_document("promesse_embauche").exemple, "type_contrat": "cdd"}
    del reponses["motif"], reponses["terme"]
    with pytest.raises(ReponsesInvalides) as erreur:
        composer("promesse_embauche", reponses, cree_le=DATE_FIXE)
    assert {"motif", "terme"} <= set(erreur.value.erreurs)


def test_le_temps_partiel_d_une_offre_de_cdd_de_remplacement_suit_l_exception_du_contrat():
    # Moins de 24 heures : refusé pour un accroissement d'activité, admis pour un remplacement
    # (L3123-30).
    partiel = {"temps_de_travail": "partiel", "heures_hebdomadaires": "20", "periode_essai": ""}
    with pytest.raises(RefusJuridique) as erreur:
        _offre_de_cdd(**partiel)
    assert erreur.value.article == "L3123-27"
    remplacement = {**partiel, "motif": "remplacement"}
    assert "20 heures par semaine" in texte(_offre_de_cdd(**remplacement))
