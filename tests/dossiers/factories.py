"""Fabriques du guichet."""

import datetime

import factory
from django.utils import timezone

from rh_tpe.comptes.models import Organisation
from rh_tpe.dossiers.models import Dossier, Message, ReponseType, Theme
from tests.factories import ChefEntrepriseFactory, ConseillerFactory


def organisation(code: str) -> Organisation:
    return Organisation.objects.get(code=code)


class ConseillerDreetsFactory(ConseillerFactory):
    organisation = factory.LazyFunction(lambda: organisation("dreets"))


class DossierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dossier

    auteur = factory.SubFactory(ChefEntrepriseFactory)
    entreprise = factory.LazyAttribute(lambda o: o.auteur.entreprise)
    organisation = factory.LazyFunction(lambda: organisation("dreets"))
    theme = Theme.CONTRAT
    question = "Combien de temps peut durer la période d'essai d'un CDD de 6 mois ?"
    raison_sociale = factory.LazyAttribute(lambda o: o.entreprise.raison_sociale)
    siret = factory.LazyAttribute(lambda o: o.entreprise.siret)
    idcc = factory.LazyAttribute(lambda o: o.entreprise.idcc)
    effectif = factory.LazyAttribute(lambda o: o.entreprise.effectif)
    echeance = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=3))


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Message

    dossier = factory.SubFactory(DossierFactory)
    genre = Message.Genre.REPONSE
    texte = "Voici la réponse."


class ReponseTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReponseType

    organisation = factory.LazyFunction(lambda: organisation("cci"))
    titre = "Aides à l'embauche"
    texte = "Bonjour [nom], pour [entreprise] : voici les aides."
