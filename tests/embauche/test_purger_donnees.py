"""La commande `purger_donnees` : les brouillons abandonnés, supprimés après deux ans."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from rh_tpe import droit
from rh_tpe.droit.outils import ajouter_mois
from rh_tpe.embauche.models import BrouillonEmbauche, Embauche

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


def test_les_embauches_terminees_ne_sont_jamais_purgees(parcours, reponses):
    parcours.remplir(reponses)
    Embauche.objects.update(
        cree_le=timezone.now() - datetime.timedelta(days=10 * 365),
        date_debut=timezone.localdate() - datetime.timedelta(days=10 * 365),
    )

    _purger()

    assert Embauche.objects.count() == 1
