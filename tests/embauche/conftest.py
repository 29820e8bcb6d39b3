"""Un chef d'entreprise, un brouillon, et des réponses valides pour chaque étape."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from rh_tpe.embauche.models import BrouillonEmbauche
from tests.factories import ChefEntrepriseFactory


def lundi_dans(semaines: int) -> datetime.date:
    aujourd_hui = timezone.localdate()
    return aujourd_hui + datetime.timedelta(days=7 * semaines - aujourd_hui.weekday())


DEBUT = lundi_dans(5)


def reponses_valides(debut: datetime.date = DEBUT) -> dict[str, dict[str, str]]:
    """Un CDI à temps complet d'un boulanger majeur, sans clause."""
    return {
        "entreprise": {
            "raison_sociale": "Boulangerie du Pont",
            "siret": "",  # rempli par le test avec celui de l'entreprise
            "code_naf": "10.71C",
            "idcc": "843",
            "convention_collective": "Boulangerie-pâtisserie (entreprises artisanales)",
            "effectif": "3",
            "adresse": "1 place Chapou",
            "code_postal": "46000",
            "commune": "Cahors",
            "representant": "Julie Fournier",
            "representant_qualite": "gérante",
            "caisse_retraite": "Agirc-Arrco, 16-18 rue Jules César, 75012 Paris",
            "prevoyance": "",
            "complementaire_sante": "Mutuelle de la boulangerie",
            "organisme_dpae": "URSSAF Midi-Pyrénées",
        },
        "salarie": {
            "prenom": "Lucas",
            "nom": "Martin",
            "date_naissance": "1995-03-14",
            "nationalite": "française",
            "adresse": "3 rue Nationale, 46000 Cahors",
        },
        "poste": {
            "intitule": "boulanger",
            "fonctions": "fabrication du pain et des viennoiseries",
            "categorie": "ouvrier",
            "classification": "niveau 2, coefficient 170",
            "lieu_travail": "1 place Chapou, 46000 Cahors",
            "date_debut": debut.isoformat(),
        },
        "contrat": {"type_contrat": "cdi"},
        "temps": {"temps_de_travail": "complet", "derogation_temps_partiel": "aucune"},
        "remuneration": {"base": "mensuel", "montant": "2100.00", "mode_paiement": "virement"},
        "essai": {"duree_valeur": "2", "duree_unite": "mois"},
        "clauses": {},
        "recapitulatif": {
            "lieu_signature": "Cahors",
            "date_signature": timezone.localdate().isoformat(),
        },
    }


@pytest.fixture
def chef(db):
    return ChefEntrepriseFactory()


@pytest.fixture
def client_chef(client, chef):
    client.force_login(chef)
    return client


@pytest.fixture
def brouillon(chef):
    return BrouillonEmbauche.objects.create(entreprise=chef.entreprise, auteur=chef)


class Parcours:
    """Remplit le parcours étape par étape avec le client de test."""

    def __init__(self, client, brouillon):
        self.client = client
        self.brouillon = brouillon

    def url(self, etape: str) -> str:
        return reverse("embauche:etape", kwargs={"brouillon": self.brouillon.uuid, "step": etape})

    def poster(self, etape: str, donnees: dict[str, str], **extra):
        champs = {f"{etape}-{nom}": valeur for nom, valeur in donnees.items() if valeur is not None}
        champs[f"embauche_{self.brouillon.uuid}-current_step"] = etape
        champs.update(extra)
        return self.client.post(self.url(etape), champs)

    def remplir(self, reponses, jusqu_a: str | None = None):
        derniere = None
        for etape, donnees in reponses.items():
            if etape == jusqu_a:
                break
            derniere = self.poster(etape, donnees)
            assert derniere.status_code == 302, (etape, _erreurs(derniere))
        return derniere


def _erreurs(reponse):
    form = reponse.context["wizard"]["form"] if reponse.context else None
    return form.errors if form is not None else reponse


@pytest.fixture
def parcours(client_chef, brouillon, chef):
    return Parcours(client_chef, brouillon)


@pytest.fixture
def reponses(chef):
    donnees = reponses_valides()
    donnees["entreprise"]["siret"] = chef.entreprise.siret
    return donnees


@pytest.fixture
def moteur_qui_refuse(monkeypatch):
    """Le moteur de documents refuse au dernier moment (ses propres vérifications) : un refus
    du salaire (L3231-2), comme s'il venait de la composition du contrat."""
    from rh_tpe.embauche import services
    from rh_tpe.modeles.composition import RefusJuridique

    def refuser(**kwargs):
        raise RefusJuridique("Salaire trop bas.", "L3231-2", "salaire_brut_mensuel")

    monkeypatch.setattr(services, "document_generer", refuser)
