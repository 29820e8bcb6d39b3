from django.core.management.base import BaseCommand

from rh_tpe.faq.chargement import faq_charger


class Command(BaseCommand):
    help = "Crée ou met à jour les articles de la FAQ depuis rh_tpe/faq/contenu (sans doublon)."

    def handle(self, *args, **options):
        bilan = faq_charger()
        self.stdout.write(
            self.style.SUCCESS(
                f"FAQ : {bilan.total} articles ({len(bilan.crees)} créés, "
                f"{len(bilan.mis_a_jour)} mis à jour, {len(bilan.inchanges)} inchangés)."
            )
        )
