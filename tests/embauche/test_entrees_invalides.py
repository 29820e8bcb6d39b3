"""Aucune saisie, même trafiquée, ne donne d'erreur serveur : un message en français à côté du
champ, ou 400/404 pour ce qu'un navigateur n'envoie jamais."""

import copy
import uuid

import pytest

pytestmark = pytest.mark.django_db

CDD_PRECIS = {
    "type_contrat": "cdd",
    "motif": "accroissement_temporaire",
    "motif_precisions": "les fêtes de fin d'année",
    "terme": "precis",
    "licenciement_economique": "non",
}
CDD_IMPRECIS = {
    "type_contrat": "cdd",
    "motif": "remplacement",
    "motif_precisions": "congé de maternité",
    "remplace_nom": "Sophie Lacoste",
    "remplace_qualification": "vendeuse",
    "terme": "imprecis",
    "duree_minimale_unite": "mois",
    "evenement_fin": "le retour de Sophie Lacoste",
}
PARTIEL = {
    "temps_de_travail": "partiel",
    "heures_hebdomadaires": "24",
    "heures_lundi": "8",
    "heures_mardi": "8",
    "heures_mercredi": "8",
    "cas_modification_repartition": "absence d'un collègue",
    "communication_horaires": "par planning écrit",
}


def test_un_brouillon_inconnu_repond_404(client_chef):
    assert client_chef.get(f"/embauche/brouillon/{uuid.uuid4()}/salarie/").status_code == 404
    assert client_chef.get("/embauche/brouillon/pas-un-uuid/salarie/").status_code == 404


def test_une_etape_inconnue_dans_l_adresse_renvoie_a_la_premiere(parcours):
    reponse = parcours.client.get(parcours.url("etape-inventee"))
    assert reponse.status_code == 302


@pytest.mark.parametrize("extra", [{}, {"wizard_goto_step": "poste"}, {"enregistrer_quitter": "1"}])
def test_une_etape_courante_trafiquee_repond_400(parcours, extra):
    cle = f"embauche_{parcours.brouillon.uuid}-current_step"
    reponse = parcours.client.post(parcours.url("salarie"), {cle: "etape-inventee", **extra})
    assert reponse.status_code == 400


def _message(reponse) -> str:
    (message,) = [str(m) for m in reponse.wsgi_request._messages]
    return message


def test_un_recapitulatif_envoye_avant_la_fin_du_parcours_renvoie_a_l_etape_a_completer(
    parcours, reponses
):
    """Une étape courante avancée au récapitulatif depuis la rémunération (formulaire rejoué) :
    le récapitulatif lisait le salaire pas encore saisi, erreur 500."""
    parcours.remplir(reponses, jusqu_a="remuneration")
    cle = f"embauche_{parcours.brouillon.uuid}-current_step"
    reponse = parcours.client.post(
        parcours.url("remuneration"), {cle: "recapitulatif", "recapitulatif-lieu_signature": ""}
    )
    assert reponse.status_code == 302
    assert reponse["Location"] == parcours.url("remuneration")
    message = _message(reponse)
    assert message == "L'étape « Rémunération » est à compléter avant le récapitulatif."


def test_un_recapitulatif_envoye_apres_qu_une_etape_est_devenue_invalide_garde_sa_saisie(
    parcours, reponses
):
    """Le récapitulatif resté ouvert dans un onglet, pendant que l'étape du salarié est revue
    dans un autre et laissée invalide (retour en arrière) : la saisie du récapitulatif est
    gardée, la personne est menée à l'étape à corriger."""
    parcours.remplir(reponses, jusqu_a="recapitulatif")
    parcours.poster(
        "salarie", {**reponses["salarie"], "date_naissance": ""}, wizard_goto_step="entreprise"
    )
    reponse = parcours.poster("recapitulatif", {"lieu_signature": "", "date_signature": "x"})
    assert reponse["Location"] == parcours.url("salarie")
    assert _message(reponse) == "L'étape « Salarié » est à compléter avant le récapitulatif."
    parcours.brouillon.refresh_from_db()
    recap = parcours.brouillon.donnees["step_data"]["recapitulatif"]
    assert recap["recapitulatif-date_signature"] == ["x"]


@pytest.mark.parametrize(
    ("etape", "champ", "autres"),
    [
        ("salarie", "date_naissance", {}),
        ("poste", "date_debut", {}),
        ("contrat", "date_fin", CDD_PRECIS),
        ("recapitulatif", "date_signature", {}),
    ],
)
@pytest.mark.parametrize("valeur", ["0001-01-01", "9999-12-31", "2026-13-01", "99999-01-01"])
def test_une_date_hors_du_calendrier_est_une_erreur_du_champ(
    parcours, reponses, etape, champ, autres, valeur
):
    reponses = copy.deepcopy(reponses)
    parcours.remplir(reponses, jusqu_a=etape)
    reponse = parcours.poster(etape, {**reponses[etape], **autres, champ: valeur})
    assert reponse.status_code == 200
    assert reponse.context["wizard"]["form"].errors[champ]


def test_un_cdd_qui_finirait_en_l_an_9999_est_refuse_en_francais(parcours, reponses):
    parcours.remplir(reponses, jusqu_a="contrat")
    reponse = parcours.poster("contrat", {**CDD_PRECIS, "date_fin": "9999-12-31"})
    assert reponse.status_code == 200
    erreurs = reponse.context["wizard"]["form"].errors["date_fin"]
    assert "Saisissez une date entre le 1er janvier 1900 et le 31 décembre 2100." in erreurs


def test_un_premier_jour_hors_des_baremes_connus_est_refuse_avec_son_article(parcours, reponses):
    parcours.remplir(reponses, jusqu_a="poste")
    reponse = parcours.poster("poste", {**reponses["poste"], "date_debut": "2100-01-04"})
    assert reponse.status_code == 200
    (erreur,) = reponse.context["wizard"]["form"].errors["date_debut"]
    assert "SMIC" in erreur and "(article" in erreur


@pytest.mark.parametrize(
    ("etape", "champ", "autres"),
    [
        ("contrat", "duree_minimale_valeur", CDD_IMPRECIS),
        ("temps", "heures_hebdomadaires", PARTIEL),
        ("temps", "heures_complementaires", PARTIEL),
        ("temps", "heures_lundi", PARTIEL),
        ("remuneration", "montant", {}),
        ("essai", "duree_valeur", {}),
    ],
)
@pytest.mark.parametrize("valeur", ["abc", "1e400", "-5", "99999999999", "NaN"])
def test_un_nombre_mal_forme_est_une_erreur_du_champ(
    parcours, reponses, etape, champ, autres, valeur
):
    reponses = copy.deepcopy(reponses)
    parcours.remplir(reponses, jusqu_a=etape)
    reponse = parcours.poster(etape, {**reponses[etape], **autres, champ: valeur})
    assert reponse.status_code == 200
    assert reponse.context["wizard"]["form"].errors


@pytest.mark.parametrize(
    ("unite", "message"),
    [
        ("", "Champ requis pour ce choix."),
        ("siecles", "Sélectionnez un choix valide. siecles n’en fait pas partie."),
    ],
)
def test_une_unite_de_duree_minimale_vide_ou_inventee_est_une_erreur_du_champ(
    parcours, reponses, unite, message
):
    """Un CDD sans terme précis dont l'unité de la durée minimale manque : c'était une 500."""
    parcours.remplir(reponses, jusqu_a="contrat")
    donnees = {**CDD_IMPRECIS, "duree_minimale_valeur": "2", "duree_minimale_unite": unite}
    reponse = parcours.poster("contrat", donnees)
    assert reponse.status_code == 200
    formulaire = reponse.context["wizard"]["form"]
    assert formulaire.errors["duree_minimale_unite"] == [message]
    assert formulaire["duree_minimale_valeur"].value() == "2"
    assert formulaire["evenement_fin"].value() == "le retour de Sophie Lacoste"


def test_une_experience_mal_formee_d_un_mineur_ne_casse_pas_la_page(parcours, reponses):
    reponses = copy.deepcopy(reponses)
    reponses["salarie"]["date_naissance"] = "2009-06-01"
    reponses["poste"]["vacances_scolaires"] = ""
    parcours.remplir(reponses, jusqu_a="remuneration")
    for valeur in ("abc", "1e400", "-3", "99999999999999999999"):
        donnees = {**reponses["remuneration"], "mois_experience_branche": valeur}
        assert parcours.poster("remuneration", donnees).status_code == 200


@pytest.mark.parametrize(
    ("etape", "champ"),
    [("salarie", "nom"), ("poste", "intitule"), ("poste", "lieu_travail")],
)
@pytest.mark.parametrize(
    "invisible", ["\x0b", "\x00", "\x1f", "\ufffe", "\u202e", "\u2028", "\x85"]
)
def test_un_caractere_invisible_colle_est_une_erreur_du_champ_qui_garde_la_saisie(
    parcours, reponses, etape, champ, invisible
):
    """Sans cette vérification, python-docx refusait le texte au récapitulatif : erreur 500."""
    reponses = copy.deepcopy(reponses)
    parcours.remplir(reponses, jusqu_a=etape)
    saisie = f"Vendeuse{invisible}qualifiée"
    reponse = parcours.poster(etape, {**reponses[etape], champ: saisie})
    assert reponse.status_code == 200
    formulaire = reponse.context["wizard"]["form"]
    # Le caractère nul a déjà son message, celui de Django.
    attendu = "caractère nul" if invisible == "\x00" else "caractère invisible"
    assert any(attendu in erreur for erreur in formulaire.errors[champ])
    assert formulaire[champ].value() == saisie
