"""Fabriques de données de test (factory-boy)."""

import factory
from stdnum import luhn

from rh_tpe.comptes.models import Entreprise, Organisation, Utilisateur

MOT_DE_PASSE = "Un-mot-de-passe-solide-2026"


def siret_valide(numero: int) -> str:
    """Un SIRET fictif mais valide : SIREN avec sa clé, établissement 0001, clé du SIRET."""
    base = f"{70000000 + numero:08d}"
    siren = base + luhn.calc_check_digit(base)
    debut = f"{siren}0001"
    return debut + luhn.calc_check_digit(debut)


class EntrepriseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entreprise

    raison_sociale = factory.Sequence(lambda n: f"Entreprise {n}")
    siret = factory.Sequence(siret_valide)
    code_naf = "10.71C"
    idcc = "843"
    convention_collective = "Boulangerie-pâtisserie (entreprises artisanales)"
    effectif = 3
    adresse = "1 place Chapou"
    code_postal = "46000"
    commune = "Cahors"


class UtilisateurFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Utilisateur
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"personne{n}@exemple.test")
    first_name = "Camille"
    last_name = factory.Sequence(lambda n: f"Dupont{n}")
    password = factory.PostGenerationMethodCall("set_password", MOT_DE_PASSE)

    @factory.post_generation
    def _enregistrer(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class ChefEntrepriseFactory(UtilisateurFactory):
    role = Utilisateur.Role.CHEF_ENTREPRISE
    entreprise = factory.SubFactory(EntrepriseFactory)


class ConseillerFactory(UtilisateurFactory):
    role = Utilisateur.Role.CONSEILLER
    organisation = factory.LazyFunction(lambda: Organisation.objects.get(code="cci"))


class EditeurFactory(UtilisateurFactory):
    role = Utilisateur.Role.EDITEUR_FAQ


class AdministrateurFactory(UtilisateurFactory):
    role = Utilisateur.Role.ADMINISTRATEUR
    is_staff = True
    is_superuser = True
