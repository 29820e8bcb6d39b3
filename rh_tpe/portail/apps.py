import sqlite3

from django.apps import AppConfig

# Les bornes d'un entier de SQLite (64 bits signés).
_ENTIER_SQLITE = range(-(2**63), 2**63)


def _entier_pour_sqlite(valeur: int) -> int | str:
    """Un identifiant de 20 chiffres tapé dans une adresse (``?page=99999999999999999999`` dans
    les filtres des administrations) faisait lever OverflowError au pilote SQLite : erreur 500.
    Passé en texte, SQLite le compare comme un nombre qui ne désigne aucune ligne : le filtre le
    refuse comme un choix invalide. PostgreSQL, lui, compare sans erreur."""
    return valeur if valeur in _ENTIER_SQLITE else str(valeur)


class PortailConfig(AppConfig):
    name = "rh_tpe.portail"
    label = "portail"
    verbose_name = "Portail"

    def ready(self) -> None:
        from rh_tpe.portail import (
            actions_groupees,
            administration_django,
            blocs,
            checks,  # noqa: F401 (enregistre les vérifications)
            choisisseurs,
            explorateur,
            formulaires_enfants,
            mediatheque,
            redirections,
            workflows,
        )

        actions_groupees.installer()
        administration_django.installer()
        blocs.installer()
        choisisseurs.installer()
        explorateur.installer()
        formulaires_enfants.installer()
        mediatheque.installer()
        redirections.installer()
        workflows.installer()

        sqlite3.register_adapter(int, _entier_pour_sqlite)
