"""Validateurs des identifiants d'entreprise et des textes saisis."""

import re

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


# Caractères de contrôle (sauf tabulation et retours à la ligne) et non-caractères U+FFFE/U+FFFF :
# invisibles à l'écran, interdits en XML 1.0, ils rendraient un DOCX impossible à écrire. S'y
# ajoutent les contrôles C1, les séparateurs de ligne et de paragraphe (U+2028, U+2029 : sans
# glyphe dans la police du PDF) et les forçages et isolats de sens d'écriture (U+202A à U+202E,
# U+2066 à U+2069), qui retourneraient à l'affichage le texte qui suit (un contrat, un message).
# Les lettres hébraïques ou arabes passent : leur sens d'écriture est celui du texte. Tous les
# formulaires du portail et le moteur de documents (modeles.catalogue) refusent les mêmes.
CARACTERES_INVISIBLES_INTERDITS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]"
)


def valider_texte_sans_caractere_invisible(valeur: object) -> None:
    """Refuse un texte qui contient un caractère de contrôle (collé depuis un autre logiciel)."""
    # Le caractère nul a déjà son message, celui de Django : il n'est pas signalé deux fois.
    if isinstance(valeur, str) and CARACTERES_INVISIBLES_INTERDITS.search(
        valeur.replace("\x00", "")
    ):
        raise ValidationError(
            _(
                "Ce texte contient un caractère invisible qui ne peut pas être enregistré "
                "(souvent collé depuis un autre logiciel). Retapez ou recollez le texte sans "
                "mise en forme."
            ),
            code="caractere_invisible",
        )
