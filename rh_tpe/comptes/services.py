"""Actions métier sur les comptes."""

import datetime
from typing import Any

from django.conf import settings
from django.db import transaction

from rh_tpe.comptes.models import Entreprise, Utilisateur


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
