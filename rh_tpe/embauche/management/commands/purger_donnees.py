"""Supprime les données personnelles du parcours d'embauche dont la durée de conservation est
passée. À lancer chaque jour (cron, tâche planifiée) ; relancée, elle ne supprime rien de plus.

Ce qu'elle supprime : les brouillons d'embauche non terminés, deux ans après leur dernière
modification (candidat non retenu, référentiel CNIL « gestion du personnel »). Les salariés et
leurs embauches se gardent cinq ans après le départ (R1221-26) : le portail ne connaît pas encore
la date de sortie, ils ne sont donc jamais supprimés ici.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.formats import date_format

from rh_tpe.embauche.services import brouillons_purger


class Command(BaseCommand):
    help = (
        "Supprime les brouillons d'embauche dont la durée de conservation (référentiel CNIL, "
        "rh_tpe/droit/regles/conservation.toml) est passée, et dit ce qui est supprimé."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--simulation",
            action="store_true",
            help="Dire ce qui serait supprimé, sans rien supprimer.",
        )

    def handle(self, *args, **options):
        simulation = options["simulation"]
        purges = brouillons_purger(aujourd_hui=timezone.localdate(), simulation=simulation)
        verbe = "à supprimer" if simulation else "supprimé"
        for purge in purges:
            self.stdout.write(
                f"Brouillon d'embauche n° {purge.pk} {verbe} : modifié le "
                f"{date_format(purge.modifie_le, 'j F Y')}, à garder jusqu'au "
                f"{date_format(purge.conserve_jusqu_au, 'j F Y')}."
            )
        bilan = f"{len(purges)} brouillon(s) d'embauche {verbe}(s)."
        self.stdout.write(self.style.SUCCESS(bilan) if not simulation else bilan)
