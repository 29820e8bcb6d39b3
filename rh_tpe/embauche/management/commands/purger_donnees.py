"""Supprime les données personnelles (parcours d'embauche, comptes) dont la durée de
conservation est passée. À lancer chaque jour (cron, tâche planifiée) ; relancée, elle ne
supprime rien de plus.

Ce qu'elle supprime :
- les brouillons d'embauche non terminés, deux ans après leur dernière modification (candidat
  non retenu, référentiel CNIL « gestion du personnel ») ;
- les salariés, leurs embauches et leurs contrats (fiches et fichiers), cinq ans après leur
  dernière sortie (R1221-26), quand toutes leurs embauches ont une date de sortie ;
- les données personnelles des comptes sans connexion depuis trois ans (nom, adresse, mot de
  passe ; la fiche reste sous le nom « Compte supprimé »), comme l'annonce la page « Données
  personnelles », après les avoir prévenus par e-mail un mois avant ;
- les espaces dont l'adresse e-mail n'a jamais été confirmée, sept jours après l'inscription
  (compte et entreprise : sans connexion possible, rien n'a pu y être créé) ;
- les échecs de connexion (compte visé, adresse IP) dont la suspension est terminée.
Les durées viennent de `rh_tpe.droit` (regles/conservation.toml).
"""

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.formats import date_format

from rh_tpe.comptes.services import (
    comptes_inactifs_prevenir,
    comptes_inactifs_supprimer,
    inscriptions_non_confirmees_supprimer,
    traces_de_connexion_purger,
)
from rh_tpe.embauche.services import brouillons_purger, salaries_purger


class Command(BaseCommand):
    help = (
        "Supprime les brouillons d'embauche, les salariés sortis et les comptes inactifs dont la "
        "durée de conservation (référentiel CNIL, R1221-26, RGPD, "
        "rh_tpe/droit/regles/conservation.toml) est passée, et dit ce qui est supprimé."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--simulation",
            action="store_true",
            help="Dire ce qui serait supprimé, sans rien supprimer.",
        )

    def _rapporter(self, lignes: list[str], bilan: str, *, simulation: bool) -> None:
        """Une ligne par élément (sans donnée personnelle), puis le bilan de la section."""
        for ligne in lignes:
            self.stdout.write(ligne)
        self.stdout.write(bilan if simulation else self.style.SUCCESS(bilan))

    def handle(self, *args, **options):
        simulation = options["simulation"]
        aujourd_hui = timezone.localdate()
        verbe = "à supprimer" if simulation else "supprimé"

        def jour(date) -> str:
            return date_format(date, "j F Y")

        purges = brouillons_purger(aujourd_hui=aujourd_hui, simulation=simulation)
        self._rapporter(
            [
                f"Brouillon d'embauche n° {purge.pk} {verbe} : modifié le "
                f"{jour(purge.modifie_le)}, à garder jusqu'au {jour(purge.conserve_jusqu_au)}."
                for purge in purges
            ],
            f"{len(purges)} brouillon(s) d'embauche {verbe}(s).",
            simulation=simulation,
        )

        salaries = salaries_purger(aujourd_hui=aujourd_hui, simulation=simulation)
        self._rapporter(
            [
                f"Salarié n° {purge.pk} (entreprise n° {purge.entreprise_id}) {verbe}, avec "
                f"{purge.embauches} embauche(s) et leurs contrats : sorti le "
                f"{jour(purge.derniere_sortie)}, à garder jusqu'au "
                f"{jour(purge.conserve_jusqu_au)}."
                for purge in salaries
            ],
            f"{len(salaries)} salarié(s) sorti(s) {verbe}(s).",
            simulation=simulation,
        )

        prevenus = comptes_inactifs_prevenir(aujourd_hui=aujourd_hui, simulation=simulation)
        self._rapporter(
            [
                f"Compte n° {compte.pk} ({compte.role}) "
                f"{'à prévenir' if simulation else 'prévenu'} par e-mail de sa suppression "
                f"prochaine : dernière connexion le {jour(compte.dernier_acces)}."
                for compte in prevenus
            ],
            f"{len(prevenus)} compte(s) inactif(s) {'à prévenir' if simulation else 'prévenu(s)'}.",
            simulation=simulation,
        )

        comptes = comptes_inactifs_supprimer(aujourd_hui=aujourd_hui, simulation=simulation)
        self._rapporter(
            [
                f"Compte n° {compte.pk} ({compte.role}) {verbe} : dernière connexion le "
                f"{jour(compte.dernier_acces)}, à garder jusqu'au "
                f"{jour(compte.conserve_jusqu_au)}."
                for compte in comptes
            ],
            f"{len(comptes)} compte(s) inactif(s) {verbe}(s).",
            simulation=simulation,
        )

        inscriptions = inscriptions_non_confirmees_supprimer(
            maintenant=timezone.now(), simulation=simulation
        )
        self._rapporter(
            [
                f"Compte n° {inscription.pk} {verbe}, avec son entreprise : inscrit le "
                f"{jour(inscription.inscrit_le)}, adresse e-mail jamais confirmée."
                for inscription in inscriptions
            ],
            f"{len(inscriptions)} inscription(s) non confirmée(s) {verbe}(s).",
            simulation=simulation,
        )

        if not simulation:
            traces = traces_de_connexion_purger(maintenant=timezone.now())
            self.stdout.write(f"{traces} échec(s) de connexion expiré(s) supprimé(s).")
