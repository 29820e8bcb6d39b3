"""La commande `purger_donnees` : les brouillons abandonnés, supprimés après deux ans ; les
salariés sortis, supprimés cinq ans après leur dernière sortie."""

import datetime
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from rh_tpe import droit
from rh_tpe.droit.outils import ajouter_mois
from rh_tpe.embauche.models import BrouillonEmbauche, Embauche, Salarie
from rh_tpe.modeles.models import DocumentGenere

pytestmark = pytest.mark.django_db


def _brouillon_modifie_le(chef, jour: datetime.date) -> BrouillonEmbauche:
    brouillon = BrouillonEmbauche.objects.create(entreprise=chef.entreprise, auteur=chef)
    moment = timezone.make_aware(datetime.datetime.combine(jour, datetime.time(12)))
    BrouillonEmbauche.objects.filter(pk=brouillon.pk).update(modifie_le=moment)
    return brouillon


def _purger(*options) -> str:
    sortie = io.StringIO()
    call_command("purger_donnees", *options, stdout=sortie)
    return sortie.getvalue()


def test_un_brouillon_est_garde_le_dernier_jour_et_supprime_le_lendemain(chef):
    aujourd_hui = timezone.localdate()
    # Dernier jour de conservation aujourd'hui : gardé. Dernier jour hier : supprimé.
    il_y_a_deux_ans = ajouter_mois(aujourd_hui, -24)
    veille = il_y_a_deux_ans - datetime.timedelta(days=1)
    assert droit.conservation_candidat_jusqu_au(dernier_contact=il_y_a_deux_ans) == aujourd_hui
    garde = _brouillon_modifie_le(chef, il_y_a_deux_ans)
    ancien = _brouillon_modifie_le(chef, veille)
    assert droit.conservation_candidat_jusqu_au(dernier_contact=veille) < aujourd_hui
    recent = _brouillon_modifie_le(chef, aujourd_hui - datetime.timedelta(days=30))

    sortie = _purger()

    assert set(BrouillonEmbauche.objects.values_list("pk", flat=True)) == {garde.pk, recent.pk}
    assert f"n° {ancien.pk} supprimé" in sortie
    assert "1 brouillon(s) d'embauche supprimé(s)." in sortie
    assert "Lucas" not in sortie  # pas de donnée personnelle dans la sortie


def test_la_commande_est_idempotente(chef):
    aujourd_hui = timezone.localdate()
    _brouillon_modifie_le(chef, aujourd_hui - datetime.timedelta(days=3 * 365))

    assert "1 brouillon(s)" in _purger()
    assert "0 brouillon(s) d'embauche supprimé(s)." in _purger()
    assert not BrouillonEmbauche.objects.exists()


def test_la_simulation_ne_supprime_rien(chef):
    aujourd_hui = timezone.localdate()
    brouillon = _brouillon_modifie_le(chef, aujourd_hui - datetime.timedelta(days=3 * 365))

    assert f"n° {brouillon.pk} à supprimer" in _purger("--simulation")
    assert BrouillonEmbauche.objects.filter(pk=brouillon.pk).exists()


def test_une_embauche_sans_date_de_sortie_n_est_jamais_purgee(parcours, reponses):
    parcours.remplir(reponses)
    Embauche.objects.update(
        cree_le=timezone.now() - datetime.timedelta(days=10 * 365),
        date_debut=timezone.localdate() - datetime.timedelta(days=10 * 365),
    )

    assert "0 salarié(s) sorti(s) supprimé(s)." in _purger()

    assert Embauche.objects.count() == 1


def _embauche_sortie_le(parcours, reponses, sortie: datetime.date) -> Embauche:
    parcours.remplir(reponses)
    embauche = Embauche.objects.get()
    Embauche.objects.filter(pk=embauche.pk).update(
        date_debut=sortie - datetime.timedelta(days=400), date_sortie=sortie
    )
    embauche.refresh_from_db()
    return embauche


def test_un_salarie_sorti_est_garde_le_dernier_jour_et_supprime_le_lendemain(
    parcours, reponses, django_capture_on_commit_callbacks
):
    aujourd_hui = timezone.localdate()
    il_y_a_cinq_ans = ajouter_mois(aujourd_hui, -60)
    assert droit.conservation_registre_jusqu_au(sortie=il_y_a_cinq_ans) == aujourd_hui
    embauche = _embauche_sortie_le(parcours, reponses, il_y_a_cinq_ans)
    document = embauche.document
    fichiers = [Path(document.fichier_pdf.path), Path(document.fichier_docx.path)]
    assert all(f.exists() for f in fichiers)

    # Dernier jour de conservation : rien ne part.
    assert "0 salarié(s) sorti(s) supprimé(s)." in _purger()
    assert Salarie.objects.count() == 1

    # Le lendemain de ce dernier jour : le salarié, son embauche, son contrat et ses fichiers.
    Embauche.objects.update(date_sortie=il_y_a_cinq_ans - datetime.timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        sortie = _purger()

    assert not Salarie.objects.exists()
    assert not Embauche.objects.exists()
    assert not DocumentGenere.objects.filter(pk=document.pk).exists()
    assert not any(f.exists() for f in fichiers)
    assert f"Salarié n° {embauche.salarie_id} " in sortie
    assert "1 salarié(s) sorti(s) supprimé(s)." in sortie
    assert "Lucas" not in sortie and "Martin" not in sortie  # pas de nom dans la sortie


def test_un_salarie_reembauche_est_garde(parcours, reponses, chef):
    ancienne = _embauche_sortie_le(parcours, reponses, datetime.date(2015, 6, 1))
    # Revenu dans l'entreprise : une seconde embauche, sans sortie.
    Embauche.objects.create(
        entreprise=chef.entreprise,
        salarie=ancienne.salarie,
        type_contrat="cdi",
        poste="boulanger",
        date_debut=timezone.localdate(),
        document=ancienne.document,
    )

    assert "0 salarié(s) sorti(s) supprimé(s)." in _purger()
    assert Embauche.objects.count() == 2


def test_un_dossier_qui_citait_le_contrat_le_perd_mais_reste(
    parcours, reponses, chef, django_capture_on_commit_callbacks
):
    from rh_tpe.dossiers.models import Dossier

    embauche = _embauche_sortie_le(parcours, reponses, datetime.date(2015, 6, 1))
    parcours.client.post(reverse("embauche:relecture", kwargs={"uuid": embauche.uuid}))
    dossier = Dossier.objects.get(document=embauche.document)

    with django_capture_on_commit_callbacks(execute=True):
        _purger()

    dossier.refresh_from_db()
    assert dossier.document is None


def test_la_simulation_ne_supprime_aucun_salarie(parcours, reponses):
    embauche = _embauche_sortie_le(parcours, reponses, datetime.date(2015, 6, 1))

    sortie = _purger("--simulation")

    assert f"Salarié n° {embauche.salarie_id} (entreprise n° " in sortie
    assert "à supprimer" in sortie
    assert Salarie.objects.count() == 1 and Embauche.objects.count() == 1
