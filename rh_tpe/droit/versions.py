"""Versions des règles et des barèmes, à enregistrer sur chaque document généré."""

from __future__ import annotations

from datetime import date, timedelta

from rh_tpe.droit.donnees import NOMS_BAREMES, VersionBareme, bareme
from rh_tpe.droit.erreurs import ErreurDroit

#: Version de l'ensemble des règles (date de la référence juridique compilée, 26/11/2026 ; textes
#: du Code du travail consolidé au 27/03/2026). À changer à chaque modification d'une règle.
#: « .2 » : information écrite, autorisation de travail, clauses, travail de nuit des mineurs,
#: étudiant de moins de 26 ans, exception de L1242-5 en dates, durées de conservation.
#: « .3 » : maintien de salaire en maladie (L1226-1, D1226-1 à D1226-4), congés pour événements
#: familiaux (L3142-4, L3142-1-1), rupture conventionnelle (L1237-13, L1237-14), plafond du
#: paiement en espèces (L3241-1).
#: « .4 » : durée de conservation d'un compte du portail sans connexion (RGPD art. 5-1 e).
#: « .5 » : minimum mensuel des jeunes travailleurs arrondi une seule fois (D3231-3).
#: « .6 » : journée de 12 h au plus par accord collectif (L3121-19).
#: « .7 » : conservation du double des bulletins de paie (L3243-4), ajustement de l'horaire
#: d'un temps partiel (L3123-13), prise des congés (L3141-16 à L3141-19-3, D3141-5, D3141-6).
VERSION_REGLES = "2026-11-26.7"


def valeur_bareme(nom: str, le: date) -> VersionBareme:
    """La version du barème ``nom`` en vigueur le jour ``le`` : valeur, période de validité,
    source (décret ou arrêté), article, confiance. Hors série : :class:`ErreurDroit`.

    Barèmes : ``smic_horaire``, ``minimum_garanti``, ``plafond_mensuel_securite_sociale``.
    """
    return bareme(nom).version(le)


def versions_baremes(le: date | None = None) -> dict[str, str]:
    """Identifiants des versions de barèmes utilisées (``"smic_horaire@2026-06-01"``).

    Avec ``le`` : la version en vigueur ce jour-là (``"hors série"`` si la date n'est pas
    couverte) ; sans date : la version la plus récente de chaque barème. La clé ``"regles"``
    donne :data:`VERSION_REGLES`.
    """
    versions: dict[str, str] = {"regles": VERSION_REGLES}
    for nom in NOMS_BAREMES:
        serie = bareme(nom)
        if le is None:
            versions[nom] = serie.versions[-1].identifiant
            continue
        try:
            versions[nom] = serie.version(le).identifiant
        except ErreurDroit:
            versions[nom] = "hors série"
    return versions


def baremes_a_prolonger(le: date, *, delai_jours: int) -> tuple[VersionBareme, ...]:
    """La dernière version de chaque barème dont la série s'arrête moins de ``delai_jours``
    jours après ``le`` (ou s'est déjà arrêtée) : la valeur suivante (le SMIC du 1er janvier,
    publié mi-décembre) est à ajouter avant cette date, sinon une date au-delà est refusée."""
    limite = le + timedelta(days=delai_jours)
    dernieres = (bareme(nom).versions[-1] for nom in NOMS_BAREMES)
    return tuple(version for version in dernieres if version.fin < limite)
