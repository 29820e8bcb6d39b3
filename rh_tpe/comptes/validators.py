"""Validateurs des identifiants d'entreprise."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum.exceptions import ValidationError as ErreurNumero
from stdnum.fr import siret


def normaliser_siret(valeur: str) -> str:
    """Retire espaces et points : « 123 456 789 00012 » devient « 12345678900012 »."""
    return siret.compact(valeur or "")


def valider_siret(valeur: str) -> None:
    """Vérifie la longueur et la clé de contrôle (algorithme de Luhn, cas de La Poste compris)."""
    try:
        siret.validate(valeur)
    except ErreurNumero as erreur:
        raise ValidationError(
            _(
                "Ce numéro SIRET n'est pas valide : il doit comporter 14 chiffres et sa clé de "
                "contrôle doit être juste. Vérifiez-le sur votre extrait Kbis ou avis Insee."
            ),
            code="siret_invalide",
        ) from erreur
