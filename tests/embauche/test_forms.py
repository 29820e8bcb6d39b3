"""Chaque étape qui porte une règle : le refus, son message et son article, à côté du champ."""

import datetime
from decimal import Decimal

import pytest

from rh_tpe import droit
from rh_tpe.droit.outils import ajouter_mois
from rh_tpe.embauche import forms
from tests.embauche.conftest import DEBUT

MAJEUR = datetime.date(1990, 5, 2)


def _erreur(form, champ):
    assert not form.is_valid()
    return " ".join(form.errors[champ])


def test_un_jeune_de_15_ans_hors_vacances_scolaires_est_refuse():
    naissance = DEBUT.replace(year=DEBUT.year - 15)
    form = forms.PosteForm(
        data={
            "intitule": "apprenti vendeur",
            "fonctions": "vente",
            "categorie": "employe",
            "classification": "niveau 1",
            "lieu_travail": "Cahors",
            "date_debut": DEBUT.isoformat(),
        },
        contexte={"date_naissance": naissance},
    )
    assert "L4153-1" in _erreur(form, "date_debut")


def test_une_date_de_debut_passee_est_refusee_avec_l_article_de_la_dpae():
    form = forms.PosteForm(data={"date_debut": "2020-01-06"}, contexte={"date_naissance": MAJEUR})
    assert "L1221-10" in _erreur(form, "date_debut")


CDD = {
    "type_contrat": "cdd",
    "motif": "remplacement",
    "motif_precisions": "congé maladie",
    "remplace_nom": "Sophie Lacoste",
    "remplace_qualification": "vendeuse",
    "terme": "precis",
}


def _contrat(**donnees):
    return forms.ContratForm(data={**CDD, **donnees}, contexte={"date_debut": DEBUT})


def test_remplacer_un_salarie_en_greve_est_refuse():
    form = _contrat(
        remplacement_greve="on", date_fin=(DEBUT + datetime.timedelta(days=30)).isoformat()
    )
    assert "L1242-6 1°" in _erreur(form, "remplacement_greve")


def test_les_travaux_dangereux_sont_refuses_en_cdd():
    form = _contrat(
        travaux_dangereux="on", date_fin=(DEBUT + datetime.timedelta(days=30)).isoformat()
    )
    assert "L1242-6 2°" in _erreur(form, "travaux_dangereux")


def test_un_cdd_de_plus_de_18_mois_est_refuse():
    fin = DEBUT + datetime.timedelta(days=600)
    form = _contrat(motif="accroissement_temporaire", date_fin=fin.isoformat())
    assert "L1242-8-1" in _erreur(form, "date_fin")


def test_un_accroissement_d_activite_a_terme_imprecis_est_refuse():
    form = _contrat(
        motif="accroissement_temporaire",
        terme="imprecis",
        duree_minimale_valeur="3",
        duree_minimale_unite="mois",
        evenement_fin="fin du surcroît",
    )
    assert "L1242-7" in _erreur(form, "terme")


def test_le_remplacement_exige_le_nom_de_la_personne_remplacee():
    form = _contrat(remplace_nom="", date_fin=(DEBUT + datetime.timedelta(days=30)).isoformat())
    assert _erreur(form, "remplace_nom")


def test_un_cdi_ignore_les_reponses_de_cdd():
    form = forms.ContratForm(data={"type_contrat": "cdi", "motif": "usage"}, contexte={})
    assert form.is_valid()
    assert form.cleaned_data == {"type_contrat": "cdi"}


PARTIEL = {
    "temps_de_travail": "partiel",
    "heures_hebdomadaires": "20",
    "derogation_temps_partiel": "aucune",
    "heures_lundi": "5",
    "heures_mardi": "5",
    "heures_mercredi": "5",
    "heures_jeudi": "5",
    "cas_modification_repartition": "absence",
    "communication_horaires": "planning",
}


def _temps(contexte=None, **donnees):
    contexte = {
        "date_naissance": MAJEUR,
        "date_debut": DEBUT,
        "type_contrat": "cdi",
        **(contexte or {}),
    }
    return forms.TempsForm(data={**PARTIEL, **donnees}, contexte=contexte)


def test_un_temps_partiel_de_20_heures_sans_derogation_est_refuse():
    assert "L3123-27" in _erreur(_temps(), "derogation_temps_partiel")


def test_un_temps_partiel_de_20_heures_a_la_demande_ecrite_du_salarie_est_accepte():
    assert _temps(derogation_temps_partiel="demande_ecrite_contraintes_personnelles").is_valid()


def test_un_cdd_de_remplacement_n_a_pas_de_duree_minimale():
    form = _temps(
        contexte={
            "type_contrat": "cdd",
            "motif": "remplacement",
            "terme": "precis",
            "date_fin": DEBUT + datetime.timedelta(days=60),
        }
    )
    assert form.is_valid(), form.errors


def test_les_heures_des_jours_doivent_faire_la_duree_de_la_semaine():
    form = _temps(derogation_temps_partiel="demande_ecrite_cumul_activites", heures_jeudi="4")
    assert "L3123-6" in _erreur(form, "heures_lundi")


def test_plus_de_10_heures_dans_une_journee_est_refuse():
    form = _temps(
        heures_hebdomadaires="24",
        heures_lundi="12",
        heures_mardi="4",
        heures_mercredi="4",
        heures_jeudi="4",
    )
    assert "L3121-18" in _erreur(form, "heures_lundi")


def test_un_mineur_ne_travaille_pas_plus_de_8_heures_par_jour():
    mineur = DEBUT.replace(year=DEBUT.year - 17)
    form = _temps(
        contexte={"date_naissance": mineur},
        heures_hebdomadaires="24",
        heures_lundi="9",
        heures_mardi="5",
        heures_mercredi="5",
        heures_jeudi="5",
    )
    assert "L3162-1" in _erreur(form, "heures_lundi")


def test_les_heures_complementaires_au_dela_du_dixieme_sont_refusees():
    form = _temps(
        heures_hebdomadaires="24",
        heures_lundi="6",
        heures_mardi="6",
        heures_mercredi="6",
        heures_jeudi="6",
        heures_complementaires="3",
    )
    assert "L3123-28" in _erreur(form, "heures_complementaires")


def test_temps_complet_les_jours_doivent_faire_la_duree_legale():
    form = _temps(
        temps_de_travail="complet",
        heures_lundi="7",
        heures_mardi="7",
        heures_mercredi="7",
        heures_jeudi="7",
    )
    assert "L3121-27" in _erreur(form, "heures_lundi")


def _remuneration(montant, base="mensuel", contexte=None, **donnees):
    contexte = {"date_naissance": MAJEUR, "date_debut": DEBUT, **(contexte or {})}
    return forms.RemunerationForm(
        data={"base": base, "montant": montant, "mode_paiement": "virement", **donnees},
        contexte=contexte,
    )


def test_le_minimum_est_calcule_avant_la_saisie():
    form = _remuneration("0")
    assert form.minimum_horaire == droit.smic_horaire(DEBUT)
    assert form.minimum_mensuel == droit.smic_mensuel(DEBUT)


def test_un_salaire_sous_le_smic_est_refuse():
    sous = droit.smic_mensuel(DEBUT) - Decimal("0.01")
    assert "L3231-2" in _erreur(_remuneration(str(sous)), "montant")


def test_le_smic_exact_est_accepte_au_mois_et_a_l_heure():
    assert _remuneration(str(droit.smic_mensuel(DEBUT))).is_valid()
    form = _remuneration(str(droit.smic_horaire(DEBUT)), base="horaire")
    assert form.is_valid()
    assert form.cleaned_data["salaire_brut_mensuel"] == droit.smic_mensuel(DEBUT)


def test_un_mineur_de_16_ans_a_le_minimum_des_jeunes():
    mineur = DEBUT.replace(year=DEBUT.year - 16)
    form = _remuneration("0", contexte={"date_naissance": mineur})
    assert form.minimum_horaire == droit.salaire_minimum_horaire(DEBUT, age=16)
    assert "mois_experience_branche" in form.fields
    taux = droit.salaire_minimum_horaire(DEBUT, age=16)
    assert _remuneration(str(taux), base="horaire", contexte={"date_naissance": mineur}).is_valid()
    sous = str(taux - Decimal("0.01"))
    assert "D3231-3" in _erreur(
        _remuneration(sous, base="horaire", contexte={"date_naissance": mineur}), "montant"
    )


def _essai(contexte, **donnees):
    return forms.EssaiForm(data=donnees, contexte={"date_debut": DEBUT, **contexte})


def test_l_essai_est_propose_au_maximum_de_la_categorie():
    form = forms.EssaiForm(contexte={"type_contrat": "cdi", "categorie": "cadre"})
    assert (form["duree_valeur"].initial, form["duree_unite"].initial) == (4, "mois")


def test_un_essai_plus_long_que_le_maximum_est_refuse():
    form = _essai(
        {"type_contrat": "cdi", "categorie": "employe"}, duree_valeur="3", duree_unite="mois"
    )
    assert "L1221-19" in _erreur(form, "duree_valeur")


def test_un_essai_raccourci_est_accepte():
    assert _essai(
        {"type_contrat": "cdi", "categorie": "employe"}, duree_valeur="1", duree_unite="mois"
    ).is_valid()


def test_le_renouvellement_sans_accord_de_branche_est_refuse():
    form = _essai(
        {"type_contrat": "cdi", "categorie": "employe"},
        duree_valeur="2",
        duree_unite="mois",
        essai_renouvelable="on",
        renouvellement_valeur="2",
        renouvellement_unite="mois",
    )
    assert "L1221-21" in _erreur(form, "accord_branche_renouvellement")


def test_le_renouvellement_avec_accord_dans_la_limite_est_accepte():
    form = _essai(
        {"type_contrat": "cdi", "categorie": "employe"},
        duree_valeur="2",
        duree_unite="mois",
        essai_renouvelable="on",
        accord_branche_renouvellement="on",
        renouvellement_valeur="2",
        renouvellement_unite="mois",
    )
    assert form.is_valid(), form.errors


def test_l_essai_d_un_cdd_suit_sa_duree_et_n_est_pas_renouvelable():
    contexte = {
        "type_contrat": "cdd",
        "terme": "precis",
        "date_fin": DEBUT + datetime.timedelta(days=27),
    }
    form = forms.EssaiForm(contexte={"date_debut": DEBUT, **contexte})
    assert form.maximum == droit.Duree(4, "jours")
    assert "essai_renouvelable" not in form.fields
    assert "L1242-10" in _erreur(
        _essai(contexte, duree_valeur="5", duree_unite="jours"), "duree_valeur"
    )


def test_une_non_concurrence_sans_contrepartie_est_refusee():
    form = forms.ClausesForm(
        data={
            "clause_non_concurrence": "on",
            "non_concurrence_activites": "vente de pain",
            "non_concurrence_duree": "1 an",
            "non_concurrence_zone": "Cahors",
        }
    )
    erreur = _erreur(form, "clause_non_concurrence")
    assert "contrepartie financière" in erreur and "00-45.135" in erreur


def test_une_mobilite_sans_zone_est_refusee():
    assert "04-45.846" in _erreur(
        forms.ClausesForm(data={"clause_mobilite": "on"}), "mobilite_zone"
    )


def test_l_exclusivite_est_refusee_a_temps_partiel_et_acceptee_a_temps_complet():
    partiel = forms.ClausesForm(
        data={"clause_exclusivite": "on"}, contexte={"temps_de_travail": "partiel"}
    )
    assert "98-40.143" in _erreur(partiel, "clause_exclusivite")
    complet = forms.ClausesForm(
        data={"clause_exclusivite": "on"}, contexte={"temps_de_travail": "complet"}
    )
    assert complet.is_valid()


@pytest.mark.django_db
def test_un_refus_est_montre_a_cote_du_champ_et_garde_la_saisie(parcours, reponses):
    parcours.remplir(reponses, jusqu_a="remuneration")
    reponse = parcours.poster(
        "remuneration", {"base": "mensuel", "montant": "900", "mode_paiement": "virement"}
    )
    assert reponse.status_code == 200
    html = reponse.content.decode()
    assert 'value="900"' in html
    assert "aria-describedby" in html and "L3231-2" in html
    parcours.brouillon.refresh_from_db()
    assert parcours.brouillon.donnees["step_data"]["remuneration"]["remuneration-montant"] == [
        "900"
    ]


# --- L1242-5 : pas d'accroissement d'activité dans les 6 mois d'un licenciement économique ------


def _accroissement(licenciement, jours=90, **donnees):
    return _contrat(
        motif="accroissement_temporaire",
        motif_precisions="commande de Noël",
        date_fin=(DEBUT + datetime.timedelta(days=jours)).isoformat(),
        licenciement_economique=licenciement,
        **donnees,
    )


def test_l_accroissement_d_activite_demande_s_il_y_a_eu_un_licenciement_economique():
    assert _erreur(_accroissement(""), "licenciement_economique")
    assert "6 derniers mois" in _contrat().fields["licenciement_economique"].label


def test_un_accroissement_apres_un_licenciement_economique_est_refuse_a_cote_de_la_question():
    erreur = _erreur(_accroissement("oui", jours=200), "licenciement_economique")
    assert "L1242-5" in erreur and "6 mois" in erreur


def test_sans_licenciement_economique_l_accroissement_est_accepte():
    assert _accroissement("non", jours=200).is_valid()


def test_apres_licenciement_un_contrat_non_renouvelable_de_3_mois_au_plus_est_accepte():
    # Trois mois pile : du premier jour à la veille du même quantième trois mois plus tard.
    fin = ajouter_mois(DEBUT, 3) - datetime.timedelta(days=1)
    assert _accroissement("oui", jours=(fin - DEBUT).days).is_valid()
    refus = _accroissement("oui", jours=(fin - DEBUT).days + 1)
    assert "L1242-5" in _erreur(refus, "licenciement_economique")
    renouvelable = _accroissement("oui", jours=30, clause_renouvellement="on")
    assert "L1242-5" in _erreur(renouvelable, "licenciement_economique")


def test_la_question_du_licenciement_ne_concerne_que_l_accroissement():
    form = _contrat(
        licenciement_economique="oui", date_fin=(DEBUT + datetime.timedelta(days=30)).isoformat()
    )
    assert form.is_valid(), form.errors


# --- L3163-2 : pas de travail de nuit avant 18 ans ----------------------------------------------


POSTE = {
    "intitule": "vendeuse",
    "fonctions": "vente",
    "categorie": "employe",
    "classification": "niveau 1",
    "lieu_travail": "Cahors",
    "date_debut": DEBUT.isoformat(),
}


def test_le_travail_de_nuit_d_un_mineur_est_refuse_a_cote_de_la_case():
    naissance = DEBUT.replace(year=DEBUT.year - 17)
    form = forms.PosteForm(
        data={**POSTE, "travail_nuit": "on"}, contexte={"date_naissance": naissance}
    )
    erreur = _erreur(form, "travail_nuit")
    assert "L3163-2" in erreur and "22 h" in erreur


def test_le_travail_de_nuit_d_un_adulte_est_accepte_et_le_libelle_donne_les_heures():
    form = forms.PosteForm(
        data={**POSTE, "travail_nuit": "on"}, contexte={"date_naissance": MAJEUR}
    )
    assert form.is_valid(), form.errors
    assert "21 h et 6 h" in form.fields["travail_nuit"].label


def test_le_jour_des_18_ans_le_travail_de_nuit_est_possible():
    naissance = DEBUT.replace(year=DEBUT.year - 18)
    veille = naissance + datetime.timedelta(days=1)
    donnees = {**POSTE, "travail_nuit": "on"}
    assert forms.PosteForm(data=donnees, contexte={"date_naissance": naissance}).is_valid()
    assert not forms.PosteForm(data=donnees, contexte={"date_naissance": veille}).is_valid()


# --- L3123-7, dernier alinéa : la durée réduite de l'étudiant, seulement avant 26 ans ------------


def test_la_derogation_etudiant_est_refusee_a_26_ans():
    naissance = DEBUT.replace(year=DEBUT.year - 26)
    form = _temps(
        contexte={"date_naissance": naissance}, derogation_temps_partiel="etudiant_moins_26_ans"
    )
    erreur = _erreur(form, "derogation_temps_partiel")
    assert "L3123-7" in erreur and "moins de 26 ans" in erreur


def test_la_derogation_etudiant_est_acceptee_a_25_ans():
    naissance = DEBUT.replace(year=DEBUT.year - 26) + datetime.timedelta(days=1)
    form = _temps(
        contexte={"date_naissance": naissance}, derogation_temps_partiel="etudiant_moins_26_ans"
    )
    assert form.is_valid(), form.errors


def test_le_minimum_mensuel_affiche_a_un_jeune_est_celui_que_le_controle_applique():
    # D3231-3 : SMIC abattu exact × 151 2/3 h, arrondi une fois au centime supérieur ; le taux
    # horaire déjà arrondi (9,62 € en 2026) × les heures donnait un minimum affiché trop haut.
    mineur = DEBUT.replace(year=DEBUT.year - 16)
    form = _remuneration("0", contexte={"date_naissance": mineur})
    exact = droit.smic_horaire(DEBUT) * Decimal("0.8") * droit.heures_mensuelles(35)
    attendu = exact.quantize(Decimal("0.01"), rounding="ROUND_UP")
    assert form.minimum_mensuel == attendu
    assert form.minimum_mensuel < form.minimum_horaire * droit.heures_mensuelles(35)
    assert _remuneration(str(attendu), contexte={"date_naissance": mineur}).is_valid()
    sous = str(attendu - Decimal("0.01"))
    assert "D3231-3" in _erreur(_remuneration(sous, contexte={"date_naissance": mineur}), "montant")
