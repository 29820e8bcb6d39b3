"""Actions métier sur les comptes."""

from typing import Any

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
