"""Les formalités après l'embauche : dates du moteur du droit, cases à cocher, calendrier."""

import datetime

import pytest
from django.urls import reverse

from rh_tpe import droit
from rh_tpe.comptes.models import Organisation
from rh_tpe.dossiers.models import Dossier
from rh_tpe.embauche.formalites import SituationEmbauche, calendrier_ics, formalites_calculer
from rh_tpe.embauche.models import Embauche
from tests.outils import texte

LUNDI = datetime.date(2026, 3, 2)


def _par_code(situation):
    return {f.code: f for f in formalites_calculer(situation)}


def test_les_dates_viennent_du_moteur_du_droit():
    formalites = _par_code(SituationEmbauche(date_debut=LUNDI, cdd=True))
    assert formalites["dpae"].au_plus_tot == droit.dpae_au_plus_tot(embauche=LUNDI)
    assert formalites["dpae"].au_plus_tard == LUNDI
    assert formalites["remise_cdd"].au_plus_tard == datetime.date(2026, 3, 4)
    assert formalites["visite"].au_plus_tard == datetime.date(2026, 6, 2)
    assert formalites["information_ecrite"].au_plus_tard == datetime.date(2026, 3, 8)
    assert "contrat à durée déterminée" in " ".join(formalites["registre"].details).lower()


def test_pas_de_remise_du_cdd_pour_un_cdi():
    assert "remise_cdd" not in _par_code(SituationEmbauche(date_debut=LUNDI))


@pytest.mark.parametrize("situation", [{"mineur": True}, {"travail_nuit": True}])
def test_la_visite_d_un_mineur_ou_d_un_travailleur_de_nuit_precede_la_prise_de_poste(situation):
    visite = _par_code(SituationEmbauche(date_debut=LUNDI, **situation))["visite"]
    assert (visite.au_plus_tard, visite.article) == (LUNDI, "R4624-18")


def test_l_autorisation_de_travail_d_un_etranger_est_verifiee_deux_jours_ouvrables_avant():
    formalite = _par_code(SituationEmbauche(date_debut=LUNDI, etranger_hors_ue=True))[
        "autorisation_travail"
    ]
    # Vendredi 27 et samedi 28 février restent entiers avant l'embauche du lundi 2 mars.
    assert formalite.au_plus_tard == datetime.date(2026, 2, 26)


def test_un_jeune_de_moins_de_16_ans_demande_a_l_inspection_quinze_jours_avant():
    formalites = _par_code(SituationEmbauche(date_debut=LUNDI, mineur=True, moins_de_16_ans=True))
    demande = formalites["demande_inspection_mineur"]
    assert demande.au_plus_tard == droit.demande_emploi_mineur_au_plus_tard(embauche=LUNDI)
    assert demande.article == "L4153-3 ; D4153-2 ; D4153-5"
    assert "représentant légal" in demande.details[-1]
    assert "14 jours" in demande.explication and "15 jours" in demande.explication
    # Dans l'ordre des échéances : la demande passe avant la DPAE.
    assert list(formalites).index("demande_inspection_mineur") < list(formalites).index("dpae")


def test_pas_de_demande_a_l_inspection_pour_un_mineur_de_16_ans_ou_plus():
    assert "demande_inspection_mineur" not in _par_code(
        SituationEmbauche(date_debut=LUNDI, mineur=True)
    )


def test_le_calendrier_ics_est_conforme_a_la_rfc_5545():
    formalites = formalites_calculer(SituationEmbauche(date_debut=LUNDI, cdd=True))
    contenu = calendrier_ics(
        formalites=formalites,
        identifiant="abc",
        titre="Embauche de Inès Roux, vendeuse; CDD",
        maintenant=datetime.datetime(2026, 2, 1, 10, 0, tzinfo=datetime.UTC),
    ).decode()
    lignes = contenu.split("\r\n")
    assert lignes[0] == "BEGIN:VCALENDAR" and lignes[-2] == "END:VCALENDAR" and lignes[-1] == ""
    assert contenu.count("BEGIN:VEVENT") == len(formalites)
    assert "DTSTART;VALUE=DATE:20260304" in contenu
    assert "UID:abc-dpae@rh-tpe" in contenu
    assert "DTSTAMP:20260201T100000Z" in contenu
    assert "Inès Roux\\, vendeuse\\; CDD" in contenu.replace("\r\n ", "")
    assert all(len(ligne.encode()) <= 75 for ligne in lignes)
    assert "\n" not in contenu.replace("\r\n", "")


@pytest.mark.parametrize("saut", ["\r", "\n", "\r\n"])
def test_un_saut_de_ligne_dans_le_titre_n_ouvre_pas_d_evenement_dans_le_calendrier(saut):
    formalites = formalites_calculer(SituationEmbauche(date_debut=LUNDI, cdd=True))
    contenu = calendrier_ics(
        formalites=formalites,
        identifiant="abc",
        titre=f"Inès{saut}END:VEVENT{saut}BEGIN:VEVENT{saut}SUMMARY:piège",
        maintenant=datetime.datetime(2026, 2, 1, 10, 0, tzinfo=datetime.UTC),
    ).decode()
    lignes = contenu.split("\r\n")
    assert lignes.count("BEGIN:VEVENT") == lignes.count("END:VEVENT") == len(formalites)
    assert not any(ligne.startswith("SUMMARY:piège") for ligne in lignes)
    assert "\r" not in contenu.replace("\r\n", "") and "\n" not in contenu.replace("\r\n", "")


@pytest.mark.django_db
def test_une_formalite_se_coche_et_se_decoche(parcours, reponses):
    parcours.remplir(reponses)
    embauche = Embauche.objects.get()
    url = reverse("embauche:formalite", kwargs={"uuid": embauche.uuid, "code": "dpae"})
    parcours.client.post(url, {"faite": "1"})
    embauche.refresh_from_db()
    assert embauche.formalites_faites == ["dpae"]
    page = texte(parcours.client.get(reverse("embauche:detail", kwargs={"uuid": embauche.uuid})))
    assert "Marquer comme à faire" in page
    parcours.client.post(url, {"faite": "0"})
    embauche.refresh_from_db()
    assert embauche.formalites_faites == []
    inconnue = reverse("embauche:formalite", kwargs={"uuid": embauche.uuid, "code": "remise_cdd"})
    assert parcours.client.post(inconnue, {"faite": "1"}).status_code == 404


@pytest.mark.django_db
def test_le_calendrier_se_telecharge(parcours, reponses):
    parcours.remplir(reponses)
    embauche = Embauche.objects.get()
    reponse = parcours.client.get(reverse("embauche:calendrier", kwargs={"uuid": embauche.uuid}))
    assert reponse["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in reponse.content


@pytest.mark.django_db
def test_faire_relire_envoie_le_contrat_a_la_cci(parcours, reponses, mailoutbox):
    parcours.remplir(reponses)
    embauche = Embauche.objects.get()
    reponse = parcours.client.post(reverse("embauche:relecture", kwargs={"uuid": embauche.uuid}))
    dossier = Dossier.objects.get()
    assert reponse["Location"] == reverse("dossiers:detail", kwargs={"pk": dossier.pk})
    assert dossier.organisation.code == Organisation.Code.CCI
    assert dossier.document == embauche.document
    page = texte(parcours.client.get(reverse("embauche:detail", kwargs={"uuid": embauche.uuid})))
    assert f"dossier n° {dossier.pk}" in page


@pytest.mark.django_db
def test_la_question_de_relecture_arrive_au_guichet_et_un_second_envoi_mene_au_meme_dossier(
    parcours, reponses
):
    parcours.remplir(reponses)
    embauche = Embauche.objects.get()
    url = reverse("embauche:relecture", kwargs={"uuid": embauche.uuid})

    parcours.client.post(url, {"relecture-question": "La clause de mobilité est-elle valable ?"})
    reponse = parcours.client.post(url, {"relecture-question": "Encore moi"}, follow=True)

    dossier = Dossier.objects.get()
    assert dossier.question == "La clause de mobilité est-elle valable ?"
    assert reponse.redirect_chain[-1][0] == reverse("dossiers:detail", kwargs={"pk": dossier.pk})
    assert "Ce contrat est déjà au guichet" in texte(reponse)


@pytest.mark.django_db
def test_la_relecture_compte_dans_les_questions_permises(parcours, reponses, monkeypatch):
    from rh_tpe.dossiers import services as guichet

    monkeypatch.setattr(guichet, "QUESTIONS_MAX", 0)
    parcours.remplir(reponses)
    embauche = Embauche.objects.get()
    url = reverse("embauche:relecture", kwargs={"uuid": embauche.uuid})

    reponse = parcours.client.post(url, {"relecture-question": "Ma question gardée"})

    assert reponse.status_code == 200 and not Dossier.objects.exists()
    formulaire = reponse.context["relecture"]
    (erreur,) = formulaire.errors["question"]
    assert "Vous avez posé 0 questions en 24 heures, le maximum" in erreur
    assert formulaire["question"].value() == "Ma question gardée"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("Relisez\x0bsvp", "caractère invisible"),
        ("Relisez\x00svp", "caractère nul"),
        ("x" * 10_001, "10000 caractères"),
    ],
)
def test_une_question_de_relecture_refusee_revient_avec_son_message(
    parcours, reponses, question, message
):
    parcours.remplir(reponses)
    embauche = Embauche.objects.get()
    url = reverse("embauche:relecture", kwargs={"uuid": embauche.uuid})

    reponse = parcours.client.post(url, {"relecture-question": question})

    assert reponse.status_code == 200
    assert not Dossier.objects.exists()
    formulaire = reponse.context["relecture"]
    assert any(message in erreur for erreur in formulaire.errors["question"])
    assert formulaire["question"].value() == question
    # En haut de la longue page, un lien mène au champ en erreur.
    assert 'href="#id_relecture-question"' in reponse.content.decode()


@pytest.mark.django_db
def test_mon_espace_liste_les_embauches_et_leurs_documents(parcours, reponses):
    parcours.remplir(reponses)
    embauche = Embauche.objects.get()
    page = texte(parcours.client.get("/comptes/mon-espace/"))
    assert "Préparer une embauche" in page
    assert f"/documents-generes/{embauche.document.uuid}/pdf/" in page
    assert f"/documents-generes/{embauche.document.uuid}/docx/" in page
