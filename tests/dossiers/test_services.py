"""Les actions du guichet : aiguillage, délai, prise, transfert, clôture, évaluation."""

import datetime
import threading

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.utils import timezone

from rh_tpe.dossiers import services
from rh_tpe.dossiers.models import Dossier, Message, ReglageGuichet, Theme, Transfert
from rh_tpe.dossiers.selectors import dossiers_visibles
from rh_tpe.droit import ajouter_jours_ouvres, jours_ouvres_entre
from tests.dossiers.factories import DossierFactory, ReponseTypeFactory, organisation

pytestmark = pytest.mark.django_db
S = Dossier.Statut


@pytest.mark.parametrize(
    ("theme", "code"),
    [
        (Theme.EMBAUCHE, "dreets"),
        (Theme.CONTRAT, "dreets"),
        (Theme.DUREE_TRAVAIL, "dreets"),
        (Theme.REMUNERATION, "dreets"),
        (Theme.CONGES, "dreets"),
        (Theme.MALADIE, "dreets"),
        (Theme.RUPTURE, "dreets"),
        (Theme.AIDES_RECRUTEMENT, "cci"),
        (Theme.AUTRE, "cci"),
    ],
)
def test_la_question_va_au_guichet_de_son_theme(gens, theme, code):
    dossier = services.dossier_creer(auteur=gens.chef_a, theme=theme, question="Une question ?")

    assert dossier.organisation.code == code
    assert dossier.statut == S.NOUVEAU and dossier.conseiller is None


def test_l_idcc_et_l_effectif_sont_joints_automatiquement(gens):
    entreprise = gens.chef_a.entreprise
    dossier = services.dossier_creer(auteur=gens.chef_a, theme=Theme.CONGES, question="?")

    assert (dossier.idcc, dossier.effectif) == (entreprise.idcc, entreprise.effectif)
    assert dossier.siret == entreprise.siret and dossier.entreprise == entreprise


@pytest.mark.parametrize("personne", ["cci", "editeur", "admin"])
def test_seul_un_chef_d_entreprise_pose_une_question(gens, personne):
    with pytest.raises(PermissionDenied):
        services.dossier_creer(auteur=getattr(gens, personne), theme=Theme.AUTRE, question="?")


def test_le_delai_compte_les_jours_ouvres_sans_le_11_novembre(gens):
    # Mardi 10 novembre 2026 ; le mercredi 11 est férié (L3133-1) : jeudi 12, vendredi 13.
    echeance = services.echeance_premiere_reponse(
        organisation=organisation("dreets"), depuis=datetime.date(2026, 11, 10)
    )

    assert echeance == datetime.date(2026, 11, 13)


def test_le_delai_saute_le_week_end(gens):
    # Vendredi 4 décembre 2026 → lundi 7, mardi 8.
    assert services.echeance_premiere_reponse(
        organisation=organisation("cci"), depuis=datetime.date(2026, 12, 4)
    ) == datetime.date(2026, 12, 8)


def test_le_delai_se_regle_par_organisation(gens):
    ReglageGuichet.objects.create(organisation=organisation("cci"), delai_premiere_reponse=5)

    assert services.echeance_premiere_reponse(
        organisation=organisation("cci"), depuis=datetime.date(2026, 12, 4)
    ) == datetime.date(2026, 12, 11)
    assert services.echeance_premiere_reponse(
        organisation=organisation("dreets"), depuis=datetime.date(2026, 12, 4)
    ) == datetime.date(2026, 12, 8)


def test_un_dossier_sans_reponse_apres_l_echeance_est_en_retard(gens):
    hier = timezone.localdate() - datetime.timedelta(days=1)
    dossier = DossierFactory(auteur=gens.chef_a, echeance=hier)

    assert dossier.en_retard()
    dossier.statut = S.ATTENTE  # l'horloge est arrêtée pendant l'attente
    assert not dossier.en_retard()


def test_deux_conseillers_prennent_le_meme_dossier_un_seul_gagne(gens):
    """La règle de la prise, sur toutes les bases : la mise à jour est conditionnelle, la
    seconde prise (faite sur une copie périmée du dossier) voit « déjà pris » et le premier
    reste. La vraie course, à plusieurs connexions, est le test suivant (PostgreSQL)."""
    dossier = DossierFactory(auteur=gens.chef_a)
    vu_par_sophie = Dossier.objects.get(pk=dossier.pk)
    vu_par_marc = Dossier.objects.get(pk=dossier.pk)

    assert services.dossier_prendre(dossier=vu_par_sophie, conseiller=gens.dreets) is True
    assert services.dossier_prendre(dossier=vu_par_marc, conseiller=gens.dreets2) is False

    dossier.refresh_from_db()
    assert dossier.conseiller == gens.dreets and dossier.statut == S.EN_COURS


# Marqué `postgresql` : non collecté sur SQLite, et dit en fin de suite (voir conftest.py).
@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_prise_simultanee_dans_deux_connexions_un_seul_gagnant():
    from tests.dossiers.factories import ConseillerDreetsFactory

    dossier = DossierFactory()
    conseillers = [ConseillerDreetsFactory() for _ in range(4)]
    depart = threading.Barrier(len(conseillers))
    resultats = []

    def prendre(conseiller):
        try:
            copie = Dossier.objects.get(pk=dossier.pk)
            depart.wait()
            resultats.append(services.dossier_prendre(dossier=copie, conseiller=conseiller))
        finally:
            connection.close()

    fils = [threading.Thread(target=prendre, args=(c,)) for c in conseillers]
    for fil in fils:
        fil.start()
    for fil in fils:
        fil.join()

    assert sorted(resultats) == [False, False, False, True]


def test_un_conseiller_ne_prend_pas_un_dossier_d_une_autre_file(gens):
    dossier = DossierFactory(auteur=gens.chef_a)  # DREETS

    with pytest.raises(PermissionDenied):
        services.dossier_prendre(dossier=dossier, conseiller=gens.cci)


def test_il_faut_prendre_le_dossier_pour_repondre(gens):
    dossier = DossierFactory(auteur=gens.chef_a)

    with pytest.raises(services.ActionRefusee):
        services.reponse_envoyer(dossier=dossier, conseiller=gens.dreets, texte="Réponse")


def test_la_premiere_reponse_est_datee(gens, dossier_dreets):
    services.reponse_envoyer(dossier=dossier_dreets, conseiller=gens.dreets, texte="Voici.")

    dossier_dreets.refresh_from_db()
    assert dossier_dreets.premiere_reponse_le is not None
    assert not dossier_dreets.en_retard()


def test_une_reponse_envoyee_ne_se_modifie_pas(gens, dossier_dreets):
    message = services.reponse_envoyer(
        dossier=dossier_dreets, conseiller=gens.dreets, texte="Texte"
    )
    message.texte = "Autre texte"

    with pytest.raises(ValueError, match="ne peut pas être modifié"):
        message.save()
    assert Message.objects.get(pk=message.pk).texte == "Texte"


def test_la_demande_d_informations_suspend_le_delai(gens, dossier_dreets):
    services.informations_demander(
        dossier=dossier_dreets, conseiller=gens.dreets, texte="Date d'embauche ?"
    )
    dossier_dreets.refresh_from_db()
    assert dossier_dreets.statut == S.ATTENTE
    # L'attente a commencé il y a 10 jours ; la réponse de l'entreprise relance l'horloge.
    debut_attente = timezone.localdate() - datetime.timedelta(days=10)
    echeance = dossier_dreets.echeance
    Dossier.objects.filter(pk=dossier_dreets.pk).update(attente_depuis=debut_attente)
    dossier_dreets.refresh_from_db()

    services.message_entreprise_envoyer(
        dossier=dossier_dreets, auteur=gens.chef_a, texte="Le 2 mars."
    )

    dossier_dreets.refresh_from_db()
    pause = jours_ouvres_entre(debut_attente, timezone.localdate())
    assert dossier_dreets.statut == S.EN_COURS
    assert dossier_dreets.echeance == ajouter_jours_ouvres(echeance, pause)
    assert dossier_dreets.attente_depuis is None


def test_le_transfert_garde_l_historique_des_deux_cotes(gens, dossier_dreets):
    services.dossier_transferer(
        dossier=dossier_dreets, conseiller=gens.dreets, motif="Question d'aides"
    )

    dossier_dreets.refresh_from_db()
    assert dossier_dreets.organisation.code == "cci"
    assert dossier_dreets.conseiller is None and dossier_dreets.statut == S.NOUVEAU
    transfert = Transfert.objects.get(dossier=dossier_dreets)
    assert transfert.motif == "Question d'aides" and transfert.par == gens.dreets
    # La DREETS garde le dossier dans son historique ; la CCI l'a dans sa file.
    assert dossiers_visibles(gens.dreets2).filter(pk=dossier_dreets.pk).exists()
    assert dossiers_visibles(gens.cci).filter(pk=dossier_dreets.pk).exists()
    # Le motif est interne ; l'entreprise apprend seulement qui suit sa question.
    publics = dossier_dreets.messages.filter(interne=False).values_list("texte", flat=True)
    assert not any("Question d'aides" in texte for texte in publics)
    assert any("CCI du Lot" in texte for texte in publics)


def test_l_ancienne_organisation_ne_peut_plus_agir_apres_le_transfert(gens, dossier_dreets):
    services.dossier_transferer(dossier=dossier_dreets, conseiller=gens.dreets, motif="CCI")
    dossier_dreets.refresh_from_db()

    with pytest.raises(PermissionDenied):
        services.reponse_envoyer(dossier=dossier_dreets, conseiller=gens.dreets, texte="x")
    with pytest.raises(PermissionDenied):
        services.dossier_prendre(dossier=dossier_dreets, conseiller=gens.dreets)
    # Mais elle peut encore laisser une note interne.
    services.note_ecrire(dossier=dossier_dreets, conseiller=gens.dreets, texte="Pour info")


def test_cloture_reouverture_et_evaluation(gens, dossier_dreets):
    services.dossier_clore(dossier=dossier_dreets, conseiller=gens.dreets, resolution="Réglé")
    dossier_dreets.refresh_from_db()
    assert dossier_dreets.est_clos and dossier_dreets.resolution == "Réglé"

    services.dossier_rouvrir(dossier=dossier_dreets, auteur=gens.chef_a)
    dossier_dreets.refresh_from_db()
    assert dossier_dreets.statut == S.EN_COURS

    services.dossier_clore_par_entreprise(dossier=dossier_dreets, auteur=gens.chef_a)
    dossier_dreets.refresh_from_db()
    services.dossier_evaluer(dossier=dossier_dreets, auteur=gens.chef_a, note=4, commentaire="Bien")
    dossier_dreets.refresh_from_db()
    assert (dossier_dreets.note, dossier_dreets.commentaire_evaluation) == (4, "Bien")
    with pytest.raises(services.ActionRefusee):
        services.dossier_evaluer(dossier=dossier_dreets, auteur=gens.chef_a, note=5, commentaire="")


def test_on_ne_rouvre_plus_apres_30_jours(gens, dossier_dreets):
    services.dossier_clore(dossier=dossier_dreets, conseiller=gens.dreets, resolution="Réglé")
    Dossier.objects.filter(pk=dossier_dreets.pk).update(
        clos_le=timezone.now() - datetime.timedelta(days=30, minutes=1)
    )
    dossier_dreets.refresh_from_db()

    with pytest.raises(services.ActionRefusee, match="plus de 30 jours"):
        services.dossier_rouvrir(dossier=dossier_dreets, auteur=gens.chef_a)


def test_on_n_evalue_pas_un_dossier_ouvert_ni_celui_d_un_autre(gens, dossier_dreets):
    with pytest.raises(services.ActionRefusee):
        services.dossier_evaluer(dossier=dossier_dreets, auteur=gens.chef_a, note=5, commentaire="")
    with pytest.raises(PermissionDenied):
        services.dossier_evaluer(dossier=dossier_dreets, auteur=gens.chef_b, note=1, commentaire="")


def test_une_reponse_type_remplit_le_nom_et_l_entreprise(gens):
    dossier = DossierFactory(auteur=gens.chef_a)
    modele = ReponseTypeFactory(texte="Bonjour [nom], pour [entreprise] : {0.__class__}")

    texte = modele.remplir(dossier)

    assert texte == (f"Bonjour {gens.chef_a.get_full_name()}, pour Boulangerie A : {{0.__class__}}")
