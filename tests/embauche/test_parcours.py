"""Le parcours complet au client de test : du premier écran au contrat et aux formalités."""

import datetime
import io

import docx
import pytest
from django.urls import reverse
from pypdf import PdfReader

from rh_tpe.embauche import services
from rh_tpe.embauche.models import BrouillonEmbauche, Embauche, Salarie
from tests.outils import texte

pytestmark = pytest.mark.django_db


def test_un_cdi_a_temps_complet_produit_le_contrat_et_l_embauche(parcours, reponses, chef):
    fin = parcours.remplir(reponses)
    embauche = Embauche.objects.get()
    assert fin["Location"] == f"/embauche/embauches/{embauche.uuid}/"
    assert embauche.type_contrat == "cdi"
    assert embauche.salarie.nom == "Martin"
    assert embauche.document.type_code == "cdi"
    assert not BrouillonEmbauche.objects.exists()
    page = parcours.client.get(fin["Location"])
    assert "Déclaration préalable à l'embauche" in texte(page)
    pdf = parcours.client.get(f"/documents-generes/{embauche.document.uuid}/pdf/")
    octets = b"".join(pdf.streaming_content)
    pdf.close()
    contenu = "".join(p.extract_text() for p in PdfReader(io.BytesIO(octets)).pages)
    assert "Lucas" in contenu and "boulanger" in contenu


def _cdd_temps_partiel(reponses):
    reponses["poste"].update(intitule="vendeuse", categorie="employe")
    reponses["salarie"].update(prenom="Inès", nom="Roux")
    reponses["contrat"] = {
        "type_contrat": "cdd",
        "motif": "remplacement",
        "motif_precisions": "congé de maternité de Sophie Lacoste",
        "remplace_nom": "Sophie Lacoste",
        "remplace_qualification": "vendeuse qualifiée",
        "terme": "imprecis",
        "duree_minimale_valeur": "3",
        "duree_minimale_unite": "mois",
        "evenement_fin": "le retour de Sophie Lacoste",
    }
    reponses["temps"] = {
        "temps_de_travail": "partiel",
        "heures_hebdomadaires": "20",
        "derogation_temps_partiel": "aucune",
        "heures_mardi": "5",
        "heures_mercredi": "5",
        "heures_vendredi": "5",
        "heures_samedi": "5",
        "cas_modification_repartition": "absence d'une collègue",
        "communication_horaires": "par planning écrit",
    }
    reponses["remuneration"] = {"base": "horaire", "montant": "12.50", "mode_paiement": "virement"}
    reponses["essai"] = {"duree_valeur": "10", "duree_unite": "jours"}
    return reponses


def test_un_cdd_de_remplacement_a_temps_partiel_sous_24_heures_est_accepte(parcours, reponses):
    parcours.remplir(_cdd_temps_partiel(reponses))
    embauche = Embauche.objects.get()
    assert (embauche.type_contrat, embauche.temps_partiel) == ("cdd", True)
    document = embauche.document
    assert document.reponses["remplace_nom"] == "Sophie Lacoste"
    assert document.reponses["repartition_detail"].startswith("mardi : 5 heures")
    with document.fichier_docx.open("rb") as fichier:
        lu = docx.Document(io.BytesIO(fichier.read()))
    texte_docx = "\n".join(p.text for p in lu.paragraphs)
    assert "Sophie Lacoste" in texte_docx and "20 heures" in texte_docx
    codes = [f.code for f in services.embauche_formalites(embauche)]
    assert "remise_cdd" in codes


def test_les_heures_complementaires_convenues_passent_au_contrat(parcours, reponses):
    donnees = _cdd_temps_partiel(reponses)
    donnees["temps"]["heures_complementaires"] = "1.5"
    parcours.remplir(donnees)
    document = Embauche.objects.get().document
    assert document.reponses["heures_complementaires_prevues"] == "1.5"
    with document.fichier_docx.open("rb") as fichier:
        lu = docx.Document(io.BytesIO(fichier.read()))
    texte_docx = "\n".join(p.text for p in lu.paragraphs)
    assert "pas plus de 1,5 heure complémentaire par semaine" in texte_docx


def test_le_recapitulatif_montre_les_groupes_et_les_regles_verifiees(parcours, reponses):
    del reponses["recapitulatif"]
    parcours.remplir(reponses)
    page = texte(parcours.client.get(parcours.url("recapitulatif")))
    for groupe in ("Entreprise", "Salarié", "Poste", "Contrat", "Rémunération"):
        assert groupe in page
    assert page.count(">Modifier<") >= 8 or page.count("Modifier") >= 8
    assert "L3231-2" in page and "L4153-1" in page


def test_le_recapitulatif_relit_chaque_duree_en_une_ligne(parcours, reponses):
    """« 2 mois », et pas le nombre et l'unité sur deux lignes ; l'unité d'un renouvellement
    non prévu, gardée par défaut, n'est pas affichée."""
    parcours.remplir(reponses, jusqu_a="recapitulatif")

    page = parcours.client.get(parcours.url("recapitulatif")).content.decode()

    assert "<dt>Durée de la période d&#x27;essai</dt><dd>2 mois</dd>" in page
    assert "Unité" not in page
    assert "(nombre)" not in page


def test_modifier_depuis_le_recapitulatif_y_revient(parcours, reponses):
    parcours.remplir(reponses, jusqu_a="recapitulatif")
    reponse = parcours.client.post(
        parcours.url("remuneration") + "?retour=recapitulatif",
        {
            f"embauche_{parcours.brouillon.uuid}-current_step": "remuneration",
            "remuneration-base": "mensuel",
            "remuneration-montant": "2200",
            "remuneration-mode_paiement": "virement",
        },
    )
    assert reponse["Location"] == parcours.url("recapitulatif")


def test_le_recapitulatif_renvoie_a_l_etape_incomplete(parcours, reponses):
    parcours.remplir(reponses, jusqu_a="temps")
    reponse = parcours.client.get(parcours.url("recapitulatif"))
    assert reponse["Location"] == parcours.url("temps")


def test_un_salarie_du_registre_est_repris_et_mis_a_jour(parcours, reponses, chef):
    salarie = Salarie.objects.create(
        entreprise=chef.entreprise,
        prenom="Lucas",
        nom="Martin",
        date_naissance="1995-03-14",
        nationalite="française",
        adresse="ancienne adresse",
    )
    reponses["salarie"] = {"salarie_existant": str(salarie.pk), "adresse": "nouvelle adresse"}
    parcours.remplir(reponses)
    salarie.refresh_from_db()
    assert salarie.adresse == "nouvelle adresse"
    assert Salarie.objects.count() == 1
    assert Embauche.objects.get().salarie == salarie


def test_les_corrections_de_l_entreprise_mettent_a_jour_son_profil(parcours, reponses, chef):
    reponses["entreprise"]["effectif"] = "4"
    parcours.remplir(reponses)
    chef.entreprise.refresh_from_db()
    assert chef.entreprise.effectif == 4


def test_le_brouillon_garde_chaque_etape_en_base(parcours, reponses):
    parcours.remplir(reponses, jusqu_a="poste")
    parcours.brouillon.refresh_from_db()
    assert parcours.brouillon.etape == "poste"
    assert parcours.brouillon.libelle == "Lucas Martin"
    assert parcours.brouillon.donnees["step_data"]["salarie"]["salarie-nom"] == ["Martin"]


def test_revenir_en_arriere_garde_la_saisie_incomplete(parcours, reponses):
    parcours.remplir(reponses, jusqu_a="poste")
    reponse = parcours.poster("poste", {"intitule": "pâtissier"}, wizard_goto_step="salarie")
    assert reponse["Location"] == parcours.url("salarie")
    page = texte(parcours.client.get(parcours.url("poste")))
    assert 'value="pâtissier"' in page


def test_enregistrer_et_quitter_renvoie_a_mon_espace_et_liste_le_brouillon(parcours, reponses):
    parcours.remplir(reponses, jusqu_a="poste")
    reponse = parcours.poster("poste", {"intitule": "pâtissier"}, enregistrer_quitter="1")
    assert reponse["Location"] == "/comptes/mon-espace/"
    page = texte(parcours.client.get("/comptes/mon-espace/"))
    assert "Lucas Martin — pâtissier" in page
    assert parcours.url("poste") in page


def test_un_refus_du_moteur_de_documents_s_affiche_au_recapitulatif(
    parcours, reponses, moteur_qui_refuse
):
    fin = parcours.remplir(reponses)
    assert fin["Location"] == parcours.url("recapitulatif")
    page = texte(parcours.client.get(fin["Location"]))
    assert "Salaire trop bas." in page and "L3231-2" in page
    assert parcours.url("remuneration") in page
    assert not Embauche.objects.exists()
    assert BrouillonEmbauche.objects.exists()


def test_enregistrer_et_quitter_des_l_arrivee_sur_une_etape_garde_sa_saisie(parcours, reponses):
    parcours.remplir(reponses, jusqu_a="poste")
    parcours.client.get(parcours.url("poste"))
    parcours.poster("poste", {"intitule": "tourier"}, enregistrer_quitter="1")
    parcours.brouillon.refresh_from_db()
    assert parcours.brouillon.libelle == "Lucas Martin — tourier"


def test_le_registre_du_personnel_liste_les_salaries_leurs_embauches_et_leurs_contrats(
    parcours, reponses
):
    parcours.remplir(reponses)
    embauche = Embauche.objects.get()

    page = parcours.client.get(reverse("embauche:registre")).content.decode()

    assert "Martin Lucas" in page and "boulanger" in page
    assert reverse("embauche:detail", kwargs={"uuid": embauche.uuid}) in page
    assert (
        reverse("modeles:telecharger", kwargs={"uuid": embauche.document.uuid, "format": "pdf"})
        in page
    )
    assert "sexe" in page  # les mentions du registre unique, rappelées (D1221-23)
    espace = parcours.client.get(reverse("comptes:mon_espace")).content.decode()
    assert reverse("embauche:registre") in espace


def test_la_remuneration_porte_les_minima_pour_le_script_et_le_charge(parcours, reponses):
    parcours.remplir(reponses, jusqu_a="remuneration")

    page = parcours.client.get(parcours.url("remuneration")).content.decode()

    assert 'data-horaire="' in page and 'data-mensuel="' in page
    assert "embauche/remuneration.js" in page
    assert "<script>" not in page  # pas de script en ligne


def test_l_embauche_d_un_jeune_de_15_ans_pendant_les_vacances_liste_la_demande_a_l_inspection(
    parcours, reponses
):
    debut = datetime.date.fromisoformat(reponses["poste"]["date_debut"])
    naissance = debut.replace(year=debut.year - 15)
    reponses["salarie"]["date_naissance"] = naissance.isoformat()
    reponses["poste"].update(intitule="vendeur saisonnier", categorie="employe")
    reponses["poste"]["vacances_scolaires"] = "on"
    reponses["contrat"] = {
        "type_contrat": "cdd",
        "motif": "accroissement_temporaire",
        "motif_precisions": "la saison d'été",
        "terme": "precis",
        "date_fin": (debut + datetime.timedelta(days=20)).isoformat(),
        "licenciement_economique": "non",
    }
    reponses["remuneration"] = {
        "base": "mensuel",
        "montant": "1700.00",
        "mode_paiement": "virement",
    }
    reponses["essai"] = {"duree_valeur": "2", "duree_unite": "jours"}
    fin = parcours.remplir(reponses)
    embauche = Embauche.objects.get()
    assert embauche.reponses["moins_de_16_ans"] is True
    codes = [f.code for f in services.embauche_formalites(embauche)]
    assert "demande_inspection_mineur" in codes
    assert "Demander à l'inspection du travail" in texte(parcours.client.get(fin["Location"]))


def test_un_recapitulatif_envoye_deux_fois_mene_a_l_embauche_deja_enregistree(parcours, reponses):
    """Double clic sur « Préparer le contrat », ou retour arrière du navigateur : la seconde
    demande trouve l'embauche déjà enregistrée au lieu d'une page introuvable, sans doublon."""
    premier = parcours.remplir(reponses)
    embauche = Embauche.objects.get()

    second = parcours.poster("recapitulatif", reponses["recapitulatif"])
    revenu = parcours.client.get(parcours.url("recapitulatif"))

    for reponse in (second, revenu):
        assert reponse.status_code == 302
        assert reponse["Location"] == premier["Location"] == f"/embauche/embauches/{embauche.uuid}/"
    page = texte(parcours.client.get(second["Location"]))
    assert "Cette embauche est déjà enregistrée" in page
    assert Embauche.objects.count() == 1


def test_l_adresse_d_un_brouillon_devenu_embauche_reste_introuvable_pour_une_autre_entreprise(
    parcours, reponses, client
):
    from tests.factories import ChefEntrepriseFactory

    parcours.remplir(reponses)
    client.force_login(ChefEntrepriseFactory())

    assert client.get(parcours.url("recapitulatif")).status_code == 404


def test_le_service_refuse_un_brouillon_deja_devenu_embauche(parcours, reponses, chef, brouillon):
    parcours.remplir(reponses)

    with pytest.raises(services.BrouillonDejaFinalise):
        services.embauche_finaliser(auteur=chef, brouillon=brouillon, etapes={})


# Marqué `postgresql` : non collecté sur SQLite, et dit en fin de suite (voir conftest.py).
@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_deux_recapitulatifs_envoyes_en_meme_temps_font_une_seule_embauche(
    parcours, reponses, chef, brouillon
):
    """Deux connexions, deux envois du récapitulatif au même instant : le verrou du brouillon
    fait attendre le second, qui trouve ensuite l'embauche du premier."""
    import threading

    from django.db import connection
    from django.test import Client

    from tests.embauche.conftest import Parcours

    parcours.remplir(reponses, jusqu_a="recapitulatif")
    depart = threading.Barrier(2)
    reponses_http = []

    def envoyer():
        try:
            client = Client()
            client.force_login(chef)
            depart.wait()
            reponses_http.append(
                Parcours(client, brouillon).poster("recapitulatif", reponses["recapitulatif"])
            )
        finally:
            connection.close()

    fils = [threading.Thread(target=envoyer) for _ in range(2)]
    for fil in fils:
        fil.start()
    for fil in fils:
        fil.join()

    embauche = Embauche.objects.get()
    assert [r.status_code for r in reponses_http] == [302, 302]
    assert {r["Location"] for r in reponses_http} == {f"/embauche/embauches/{embauche.uuid}/"}
