"""Les exemples partagés (copiés dans ``exemples.jsonl``, source : cases/droit-exemples.jsonl du
26/11/2026) et les nôtres (``exemples_complementaires.jsonl``) rejoués contre l'API publique.
Chaque règle est traduite vers la fonction qui y répond ; une règle sans traduction fait échouer
le test."""

import json
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import rh_tpe.droit as droit
from rh_tpe.droit import Duree, SalaireMensuel, duree_legale_hebdomadaire
from rh_tpe.droit.outils import ajouter_mois


def _lire(nom: str) -> list[dict]:
    texte = (Path(__file__).parent / nom).read_text(encoding="utf-8")
    return [json.loads(ligne) for ligne in texte.splitlines() if ligne.strip()]


EXEMPLES = _lire("exemples.jsonl")
# Nos propres cas, calculés à la main depuis les articles cités : les variantes que les exemples
# partagés n'ont pas (autres catégories, 2e palier d'heures supplémentaires, accord sur la durée
# quotidienne, cas où l'indemnité ou la carence restent dues…), rejouées par la même traduction.
COMPLEMENTAIRES = _lire("exemples_complementaires.jsonl")
DEBUT = date(2026, 3, 2)
CATEGORIES = {"ouvrier_employe": "employe"}


def _d(texte: str) -> date:
    return date.fromisoformat(texte)


def _dec(valeur: Any) -> Decimal:
    return Decimal(str(valeur))


def essai_cdi(entree: dict, attendu: dict) -> None:
    categorie = CATEGORIES.get(entree["category"], entree["category"])
    renouvellement = bool(entree.get("renewal")) or "branch_agreement_allows_renewal" in entree
    if "requested_trial_months" in entree or "requested_total_months" in entree:
        mois = entree.get("requested_trial_months") or entree["requested_total_months"]
        resultat = droit.verifier_periode_essai(
            duree=Duree(mois, "mois"),
            contrat="CDI",
            categorie=categorie,
            renouvellement=renouvellement,
            accord_branche_renouvellement=entree.get("branch_agreement_allows_renewal", False),
            clause_renouvellement=entree.get("renewal_clause_in_contract", False),
        )
        assert resultat.valide is attendu["valid"]
        if "reason" in attendu:
            assert attendu["reason"] in resultat.message.lower()
        maximum = attendu.get("max_months", attendu.get("max_months_total"))
        assert resultat.limite == str(Duree(maximum, "mois"))
        return
    # Sans durée demandée : le maximum, renouvellement compris seulement si l'accord de branche
    # et le contrat le prévoient tous deux (L1221-21).
    renouvellement = bool(entree.get("renewal")) or bool(
        entree.get("branch_agreement_allows_renewal") and entree.get("renewal_clause_in_contract")
    )
    maximum = droit.periode_essai_max(
        contrat="CDI", categorie=categorie, renouvellement=renouvellement
    )
    assert maximum == Duree(attendu.get("max_months_total", attendu.get("max_months")), "mois")
    if "renewals_allowed" in attendu:
        permis = droit.regle("essai.cdi.nombre_renouvellements_max").entier
        assert attendu["renewals_allowed"] == (permis if renouvellement else 0)


def essai_cdd(entree: dict, attendu: dict) -> None:
    debut = _d(entree["start"]) if "start" in entree else DEBUT
    fin = (
        _d(entree["end"])
        if "end" in entree
        else debut + timedelta(days=entree["duration_days"] - 1)
    )
    assert (fin - debut).days + 1 == entree.get("duration_days", (fin - debut).days + 1)
    maximum = droit.periode_essai_max(contrat="CDD", debut=debut, fin=fin)
    if "max_months" in attendu:
        assert maximum == Duree(attendu["max_months"], "mois")
        return
    # Le plafond d'un mois est un mois calendaire depuis le début (référence §13) : en jours,
    # 31 à partir du 2 mars, 28 à partir du 1er février.
    jours = maximum.en_jours()
    if jours is None:
        jours = (ajouter_mois(debut, maximum.valeur) - debut).days
    assert jours == attendu["max_days"]


def prevenance(initiative: str) -> Callable[[dict, dict], None]:
    def verifier(entree: dict, attendu: dict) -> None:
        notification = DEBUT + timedelta(days=entree["presence_days"] - 1)
        essai = entree.get("trial_stipulated_days")
        delai = droit.delai_prevenance_essai(
            initiative=initiative,
            entree=DEBUT,
            notification=notification,
            contrat=entree.get("contract", "CDI"),
            essai_stipule=None if essai is None else Duree(essai, "jours"),
        )
        assert str(delai) == attendu["min_notice"]

    return verifier


def duree_max_cdd(entree: dict, attendu: dict) -> None:
    duree = droit.duree_maximale_cdd(
        motif=entree["motif"], terme_precis=entree.get("precise_term", True)
    )
    mois = attendu["max_total_months_including_renewals"]
    assert duree == (None if mois is None else Duree(mois, "mois"))


def objet_defini(entree: dict, attendu: dict) -> None:
    assert droit.duree_maximale_cdd(motif="objet_defini") == Duree(attendu["max_months"], "mois")
    assert droit.regle("cdd.duree_minimale.objet_defini").duree == Duree(
        attendu["min_months"], "mois"
    )
    motif = droit.motif_cdd("objet_defini")
    assert motif.renouvelable is attendu["renewable"]
    assert motif.terme_imprecis_possible is not attendu["precise_term"]


def renouvellements(entree: dict, attendu: dict) -> None:
    resultat = droit.verifier_renouvellements_cdd(
        motif=entree["motif"],
        duree_initiale=Duree(entree["initial_months"], "mois"),
        renouvellements=[Duree(m, "mois") for m in entree["renewals_months"]],
    )
    assert resultat.valide is attendu["valid"]
    if "total_months" in attendu:
        assert str(Duree(attendu["total_months"], "mois")) in resultat.message


def recours_interdit(entree: dict, attendu: dict) -> None:
    resultat = droit.verifier_recours_cdd(
        motif=entree["motif"],
        remplacement_salarie_en_greve=entree.get("replaced_employee_status") in ("grève", "greve"),
        mois_depuis_licenciement_economique=entree.get(
            "months_since_economic_dismissal_on_same_post"
        ),
        duree_mois=entree.get("duration_months"),
        renouvelable=entree.get("renewable", True),
    )
    assert resultat.valide is attendu["allowed"]


def forme_cdd(entree: dict, attendu: dict) -> None:
    resultat = droit.verifier_forme_cdd(ecrit=entree["written"], motif=entree["motif"])
    assert (not resultat.valide) is attendu["requalified_cdi"]


def transmission(entree: dict, attendu: dict) -> None:
    assert droit.cdd_transmis_au_plus_tard(embauche=_d(entree["hire_date"])) == _d(
        attendu["latest"]
    )


def carence(entree: dict, attendu: dict) -> None:
    jours = entree["previous_contract_total_days_incl_renewals"]
    assert droit.carence_cdd(duree_contrat_jours=jours) == attendu["carence_jours_ouverture"]


def exemption_carence(entree: dict, attendu: dict) -> None:
    fondement = droit.exemption_carence(situation=entree["situation"])
    assert (fondement is not None) is not attendu["carence_applicable"]
    if fondement is not None:
        assert fondement.article == attendu["ground"]


def exclusion_ifc(entree: dict, attendu: dict) -> None:
    montant = droit.indemnite_fin_cdd(
        remuneration_brute_totale=_dec(entree["total_gross_paid"]), situation=entree["situation"]
    )
    assert montant == _dec(attendu["ifc"])
    fondement = droit.exclusion_indemnite_fin_cdd(situation=entree["situation"])
    assert (fondement is None) is (montant > 0)
    if fondement is not None:
        assert fondement.article == attendu["ground"]


def maximum_quotidien(entree: dict, attendu: dict) -> None:
    accord = bool(entree.get("derogation"))
    resultat = droit.verifier_durees_travail(
        heures_jour=entree["hours_worked_day"], accord_collectif=accord
    )
    assert resultat.valide is attendu["compliant"]
    assert droit.durees_maximales(accord_collectif=accord).quotidienne == attendu["max"]


def heures_sup(entree: dict, attendu: dict) -> None:
    heures = _dec(entree["hours_worked_week"])
    assert droit.heures_supplementaires(heures_semaine=heures) == _dec(attendu["overtime_hours"])
    accord = entree.get("agreement")
    taux_accord = _dec(accord) if isinstance(accord, int | float | str) else None
    if "premium_rate" in attendu and taux_accord is None:
        # Taux de L3121-36 : 25 % de la 36e à la 43e heure, 50 % au-delà (seulement si atteint).
        regle = "temps_travail.heures_supplementaires.taux_{}_palier"
        taux = {droit.regle(regle.format("premier")).valeur}
        if (
            heures
            > duree_legale_hebdomadaire()
            + droit.regle("temps_travail.heures_supplementaires.heures_premier_palier").entier
        ):
            taux.add(droit.regle(regle.format("second")).valeur)
        attendus = attendu["premium_rate"]
        for valeur in attendus if isinstance(attendus, list) else [attendus]:
            assert _dec(valeur) in taux
    paie = droit.remuneration_heures_supplementaires(
        heures_semaine=heures, taux_horaire=_dec(entree["hourly_rate"]), taux_accord=taux_accord
    )
    assert paie == _dec(attendu["overtime_pay"])


def maximum_mineur(entree: dict, attendu: dict) -> None:
    resultat = droit.verifier_durees_travail(
        heures_jour=_dec(entree["hours_day"]),
        heures_semaine=entree["hours_week"],
        age=entree["age"],
    )
    assert resultat.valide is attendu["compliant"]
    maxima = droit.durees_maximales(age=entree["age"])
    assert (maxima.quotidienne, maxima.hebdomadaire) == (attendu["max_day"], attendu["max_week"])


def temps_partiel_minimum(entree: dict, attendu: dict) -> None:
    derogation = None
    if entree.get("employee_written_request"):
        derogation = "demande_ecrite_cumul_activites"
    if entree.get("student_under_26"):
        derogation = "etudiant_moins_26_ans"
    resultat = droit.verifier_duree_temps_partiel(
        heures_hebdomadaires=entree["weekly_hours"],
        contrat=entree["contract"],
        motif_cdd=entree.get("motif"),
        derogation=derogation,
        minimum_accord_branche=entree.get("branch_agreement_min"),
    )
    assert resultat.valide is attendu["valid"]
    if "min_weekly_hours" in attendu:
        assert droit.duree_minimale_temps_partiel() == attendu["min_weekly_hours"]


def heures_complementaires(entree: dict, attendu: dict) -> None:
    limite = droit.heures_complementaires_max(
        heures_contractuelles=entree["contract_weekly_hours"],
        accord_collectif=entree["agreement_one_third"],
    )
    assert limite.maximum == _dec(attendu["max_hc_hours_per_week"])
    assert limite.total_strictement_inferieur_a == attendu["total_must_stay_below"]


def mentions_temps_partiel(entree: dict, attendu: dict) -> None:
    assert list(droit.mentions_contrat_temps_partiel()) == attendu["required"]


def smic_temps_plein(entree: dict, attendu: dict) -> None:
    le = _d(entree["date"])
    assert droit.smic_mensuel(le, entree["weekly_hours"]) == _dec(attendu["smic_monthly"])
    resultat = droit.verifier_salaire_minimum(
        le=le,
        salaire_mensuel_brut=_dec(entree["monthly_gross_base"]),
        heures_hebdomadaires=entree["weekly_hours"],
    )
    assert resultat.valide is attendu["at_or_above_smic"]


def smic_horaire(entree: dict, attendu: dict) -> None:
    assert droit.smic_horaire(_d(entree["date"])) == _dec(attendu["smic_hourly"])


def smic_temps_partiel(entree: dict, attendu: dict) -> None:
    le = _d(entree["date"])
    # Le moteur garde les heures mensualisées exactes (28 h → 121,333…) ; l'exemple les écrit
    # au centième.
    heures = droit.heures_mensuelles(entree["weekly_hours"])
    assert heures.quantize(Decimal("0.01")) == _dec(attendu["monthly_hours"])
    assert droit.smic_mensuel(le, entree["weekly_hours"]) == _dec(attendu["smic_monthly_min"])


def smic_mineur(entree: dict, attendu: dict) -> None:
    taux = droit.salaire_minimum_horaire(
        _d(entree["date"]),
        age=entree["age"],
        mois_experience_branche=entree.get("months_experience_in_branch", 0),
    )
    assert taux == _dec(attendu["min_hourly"])


def pmss(entree: dict, attendu: dict) -> None:
    for mois in range(1, 13):
        le = date(entree["year"], mois, 1)
        assert droit.plafond_mensuel_securite_sociale(le) == attendu["pmss_monthly"]


def preavis(entree: dict, attendu: dict) -> None:
    duree = droit.preavis_licenciement(
        anciennete_mois=entree["seniority_months"], faute_grave=entree["faute_grave"]
    )
    if attendu["legal_notice_months"] is None:
        assert duree is None
    else:
        assert duree == Duree(attendu["legal_notice_months"], "mois")


def indemnite_licenciement(entree: dict, attendu: dict) -> None:
    if "seniority_years" in entree:
        annees = _dec(entree["seniority_years"])
    else:
        sortie = ajouter_mois(DEBUT, entree["seniority_months"]) - timedelta(days=1)
        annees = droit.anciennete(entree=DEBUT, sortie=sortie)
    montant = droit.indemnite_licenciement(
        anciennete_annees=annees,
        salaire_reference=_dec(entree["reference_salary"]),
        faute_grave=entree.get("faute_grave", False),
        contrat=entree.get("contract", "CDI"),
    )
    assert montant == _dec(attendu["indemnite"])


def salaire_reference(entree: dict, attendu: dict) -> None:
    salaires = [SalaireMensuel(brut=_dec(s)) for s in reversed(entree["monthly_gross_last_12"])]
    # Une prime annuelle versée pendant les trois derniers mois s'ajoute au dernier salaire et
    # n'entre qu'à due proportion dans la moyenne des trois mois (R1234-4).
    prime = _dec(entree.get("bonus_in_last3") or 0)
    salaires[0] = SalaireMensuel(brut=salaires[0].brut + prime, prime_annuelle=prime)
    assert droit.salaire_reference_licenciement(salaires=salaires) == _dec(
        attendu["reference_salary"]
    )


def conges_acquisition(entree: dict, attendu: dict) -> None:
    jours = droit.conges_acquis(
        mois_travail_effectif=entree["months_effective_work"],
        mois_maladie_non_professionnelle=entree.get("months_non_professional_sick_leave", 0),
    )
    assert jours == attendu["jours_ouvrables"]


def conges_indemnite(entree: dict, attendu: dict) -> None:
    montant = droit.indemnite_conges_payes(
        remuneration_brute_reference=_dec(entree["gross_paid_reference_period"]),
        jours_pris=entree["days_taken"],
        jours_acquis=entree["days_acquired"],
        maintien_de_salaire=_dec(entree["maintien_de_salaire"]),
    )
    assert montant == _dec(attendu["indemnity"])


def conges_periode(entree: dict, attendu: dict) -> None:
    debut = droit.debut_periode_reference_conges(
        annee=2026, caisse_conges=entree.get("caisse_conges", False)
    )
    assert attendu["start"] == {6: "1er juin", 4: "1er avril"}[debut.month]
    assert debut.day == 1


def certificat(entree: dict, attendu: dict) -> None:
    assert (
        list(droit.mentions_certificat_travail(couverture_collective=False)) == attendu["required"]
    )
    avec = droit.mentions_certificat_travail(couverture_collective=True)
    assert avec[-1] == attendu["also_required_if_collective_coverage"]


def entretien(entree: dict, attendu: dict) -> None:
    jour = droit.entretien_prealable_au_plus_tot(
        presentation_convocation=_d(entree["letter_presented"])
    )
    assert jour == _d(attendu["earliest_interview"])


def france_travail(entree: dict, attendu: dict) -> None:
    refus = _d(entree["cdi_offer_refused_date"])
    assert droit.information_france_travail_au_plus_tard(refus=refus) == _d(
        attendu["inform_france_travail_by"]
    )
    situation = "refus_cdi_emploi_similaire_remuneration_equivalente"
    assert (droit.exclusion_indemnite_fin_cdd(situation=situation) is None) is attendu["ifc_due"]


def penalite_dpae(entree: dict, attendu: dict) -> None:
    # L'exemple donne le minimum garanti, pas la date : on prend un jour où il vaut ce montant
    # (le premier de chaque mois de la série du barème).
    jours = [date(annee, mois, 1) for annee in (2024, 2025, 2026) for mois in range(1, 13)]
    le = next(j for j in jours if droit.minimum_garanti(j) == _dec(entree["minimum_garanti"]))
    assert droit.penalite_dpae(le) == _dec(attendu["penalty"])


def visite(entree: dict, attendu: dict) -> None:
    jour = droit.visite_information_au_plus_tard(
        embauche=_d(entree["start"]),
        age=entree.get("age"),
        travail_nuit=bool(entree.get("night_worker")),
        poste_a_risque=bool(entree.get("risky_post")),
    )
    assert jour == _d(attendu["deadline"])


def registre(entree: dict, attendu: dict) -> None:
    mentions = droit.mentions_registre_personnel(
        cdd=entree["contract"] == "CDD",
        temps_partiel=entree["part_time"],
        etranger=entree["foreign_worker"],
    )
    assert list(mentions) == attendu["required"]


def postes_cdi(entree: dict, attendu: dict) -> None:
    # Droit ouvert après six mois d'ancienneté (L1242-17, D1242-8) ; avant, pas de réponse due.
    seuil = droit.regle("mentions.delais.anciennete_demande_postes_cdi").entier
    if entree["cdd_seniority_months"] < seuil:
        assert attendu.get("answer_in_writing_by") is None
        return
    jour = droit.reponse_postes_cdi_au_plus_tard(demande=_d(entree["request_received"]))
    assert jour == _d(attendu["answer_in_writing_by"])


REGLES: dict[str, Callable[[dict, dict], None]] = {
    "cdi.trial.max_duration": essai_cdi,
    "cdi.trial.max_with_renewal": essai_cdi,
    "cdi.trial.renewal_without_branch_agreement": essai_cdi,
    "cdi.trial.too_long": essai_cdi,
    "cdd.trial.max": essai_cdd,
    "trial.notice.employer": prevenance("employeur"),
    "trial.notice.employee": prevenance("salarie"),
    "cdd.max_duration": duree_max_cdd,
    "cdd.objet_defini.duration": objet_defini,
    "cdd.renewals": renouvellements,
    "cdd.motif.forbidden": recours_interdit,
    "cdd.mentions.missing_motif": forme_cdd,
    "cdd.transmission_deadline": transmission,
    "cdd.carence.days": carence,
    "cdd.carence.exemption": exemption_carence,
    "cdd.ifc.exclusion": exclusion_ifc,
    "time.daily_max": maximum_quotidien,
    "time.overtime_pay": heures_sup,
    "time.minor_max": maximum_mineur,
    "parttime.min_hours": temps_partiel_minimum,
    "parttime.hc_limit": heures_complementaires,
    "parttime.mentions": mentions_temps_partiel,
    "pay.smic.check_full_time": smic_temps_plein,
    "pay.smic.hourly": smic_horaire,
    "pay.smic.part_time_monthly": smic_temps_partiel,
    "pay.smic.minor": smic_mineur,
    "pay.pmss": pmss,
    "dismissal.notice.legal": preavis,
    "dismissal.indemnite_legale": indemnite_licenciement,
    "dismissal.reference_salary": salaire_reference,
    "leave.acquisition": conges_acquisition,
    "leave.indemnity": conges_indemnite,
    "leave.reference_period_start": conges_periode,
    "end.certificat_travail.mentions": certificat,
    "end.convocation.earliest_interview": entretien,
    "end.cdd_refus_cdi_france_travail": france_travail,
    "hire.dpae.penalty": penalite_dpae,
    "hire.vip.deadline": visite,
    "hire.rup.mentions": registre,
    "cdd.info_cdi_vacancies": postes_cdi,
}


@pytest.mark.parametrize("exemple", EXEMPLES, ids=[e["id"] for e in EXEMPLES])
def test_exemple_partage(exemple: dict) -> None:
    verifier = REGLES[exemple["rule"]]
    verifier(exemple["input"], exemple["expected"])


@pytest.mark.parametrize("exemple", COMPLEMENTAIRES, ids=[e["id"] for e in COMPLEMENTAIRES])
def test_exemple_complementaire(exemple: dict) -> None:
    REGLES[exemple["rule"]](exemple["input"], exemple["expected"])


def test_les_66_exemples_sont_presents() -> None:
    assert len(EXEMPLES) == 66
