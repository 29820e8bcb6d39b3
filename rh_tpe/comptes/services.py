"""Actions métier sur les comptes."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models.functions import Coalesce
from django.utils import timezone

from rh_tpe import droit
from rh_tpe.comptes.models import DOMAINE_COMPTE_SUPPRIME, Entreprise, Utilisateur


@transaction.atomic
def chef_entreprise_inscrire(*, compte: dict[str, Any], entreprise: dict[str, Any]) -> Utilisateur:
    """Crée l'entreprise et le compte de son chef, ensemble ou pas du tout."""
    nouvelle_entreprise = Entreprise(**entreprise)
    nouvelle_entreprise.full_clean()
    nouvelle_entreprise.save()
    return Utilisateur.objects.create_user(
        email=compte["email"],
        password=compte["password"],
        first_name=compte["first_name"],
        last_name=compte["last_name"],
        role=Utilisateur.Role.CHEF_ENTREPRISE,
        entreprise=nouvelle_entreprise,
    )


def traces_de_connexion_purger(*, maintenant: datetime.datetime) -> int:
    """Supprime les échecs de connexion enregistrés par django-axes (compte visé, adresse IP)
    dont la suspension est terminée : ils ne servent plus à rien. Rend le nombre supprimé."""
    from axes.models import AccessAttempt

    seuil = maintenant - settings.AXES_COOLOFF_TIME
    supprimes, _detail = AccessAttempt.objects.filter(attempt_time__lt=seuil).delete()
    return supprimes


@dataclass(frozen=True)
class CompteSupprime:
    """Ce que dit la purge d'un compte : ni nom ni adresse, seulement son numéro et ses dates."""

    pk: int
    role: str
    dernier_acces: datetime.date
    conserve_jusqu_au: datetime.date


def comptes_inactifs_supprimer(
    *, aujourd_hui: datetime.date, simulation: bool = False
) -> list[CompteSupprime]:
    """Vide de leurs données personnelles les comptes sans connexion depuis trois ans (ou, jamais
    connectés, créés il y a trois ans), comme l'annonce la page « Données personnelles » ; la
    durée vient de `rh_tpe.droit`.

    Nom, prénom et adresse sont effacés, le mot de passe rendu inutilisable, le compte
    désactivé, ses échecs de connexion supprimés. La fiche reste, sous le nom « Compte
    supprimé », pour que les dossiers, les embauches et les documents de l'entreprise (gardés
    selon leurs propres durées) gardent un auteur ; l'adresse redevient libre pour une nouvelle
    inscription. Les superutilisateurs (l'exploitant du service) ne sont pas concernés.
    """
    from axes.models import AccessAttempt

    limite = droit.dernier_acces_compte_expire(aujourd_hui=aujourd_hui)
    comptes = (
        Utilisateur.objects.filter(is_superuser=False)
        .exclude(email__endswith=f"@{DOMAINE_COMPTE_SUPPRIME}")
        .annotate(dernier_acces=Coalesce("last_login", "date_joined"))
        .filter(dernier_acces__date__lte=limite)
        .order_by("pk")
    )
    supprimes = []
    for compte in comptes:
        dernier_acces = timezone.localdate(compte.dernier_acces)
        supprimes.append(
            CompteSupprime(
                pk=compte.pk,
                role=compte.role,
                dernier_acces=dernier_acces,
                conserve_jusqu_au=droit.conservation_compte_jusqu_au(dernier_acces=dernier_acces),
            )
        )
        if simulation:
            continue
        with transaction.atomic():
            AccessAttempt.objects.filter(username=compte.email).delete()
            compte.email = f"compte-{compte.pk}@{DOMAINE_COMPTE_SUPPRIME}"
            compte.first_name = ""
            compte.last_name = ""
            compte.is_active = False
            compte.set_unusable_password()
            compte.save(update_fields=["email", "first_name", "last_name", "is_active", "password"])
    return supprimes
