import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from rh_tpe.comptes.models import Entreprise, Utilisateur
from rh_tpe.embauche.models import BrouillonEmbauche, Embauche
from rh_tpe.portail.demo import MOT_DE_PASSE_DEMO

pytestmark = pytest.mark.django_db


def test_la_demo_cree_les_comptes_attendus_et_se_relance_sans_doublon(client):
    call_command("demo", stdout=None)
    call_command("demo", stdout=None)

    assert Utilisateur.objects.filter(role="conseiller", organisation__code="cci").count() == 2
    assert Utilisateur.objects.filter(role="conseiller", organisation__code="dreets").count() == 2
    assert Utilisateur.objects.filter(role="editeur_faq").count() == 1
    assert Utilisateur.objects.filter(role="administrateur", is_superuser=True).count() == 1
    boulangerie = Entreprise.objects.get(commune="Cahors")
    garage = Entreprise.objects.get(commune="Figeac")
    assert (boulangerie.idcc, garage.idcc) == ("843", "1090")
    assert boulangerie.membres.get().email == "boulangerie@tpe.test"
    assert garage.membres.get().email == "garage@tpe.test"
    # Par le vrai formulaire de connexion (protégé contre les essais en série).
    connexion = client.post(
        reverse("comptes:connexion"),
        {"username": "boulangerie@tpe.test", "password": MOT_DE_PASSE_DEMO},
    )
    assert connexion.status_code == 302 and "_auth_user_id" in client.session

    # Une embauche produite par le parcours, une seule malgré les deux chargements.
    embauche = Embauche.objects.get()
    assert embauche.entreprise == boulangerie and embauche.type_contrat == "cdi"
    assert embauche.date_debut > timezone.localdate()
    # L'offre de contrat remise avant, comme le parcours la prépare au récapitulatif.
    assert embauche.offre.type_code == "promesse_embauche"
    assert embauche.offre.reponses["salarie_nom"] == embauche.salarie.nom
    registre = client.get(reverse("embauche:registre")).content.decode()
    assert "Delpech Théo" in registre
    pdf = client.get(
        reverse("modeles:telecharger", kwargs={"uuid": embauche.document.uuid, "format": "pdf"})
    )
    texte_pdf = "".join(p.extract_text() for p in PdfReader(io.BytesIO(b"".join(pdf))).pages)
    assert "Théo Delpech" in texte_pdf and "vendeur en boulangerie" in texte_pdf


def test_sans_smic_pour_la_date_l_embauche_de_demo_est_sautee_et_dite(monkeypatch):
    """Passé le dernier barème connu (le SMIC de l'année suivante n'est publié qu'en décembre),
    la démo se charge quand même et dit pourquoi l'embauche manque."""
    from rh_tpe.embauche import demo as demo_embauche

    lointain = datetime.date(2100, 1, 4)
    monkeypatch.setattr(demo_embauche, "_lundi_dans", lambda semaines: lointain)
    sortie = io.StringIO()

    call_command("demo", stdout=sortie)

    assert "Embauche de démonstration sautée" in sortie.getvalue()
    assert not Embauche.objects.exists() and not BrouillonEmbauche.objects.exists()
    assert Utilisateur.objects.filter(email="boulangerie@tpe.test").exists()


def test_la_demo_refuse_de_tourner_en_production(settings):
    settings.PRODUCTION = True

    with pytest.raises(CommandError, match="jamais en production"):
        call_command("demo")
    assert not Utilisateur.objects.exists()
