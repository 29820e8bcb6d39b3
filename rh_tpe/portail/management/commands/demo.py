from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from rh_tpe.comptes.models import Utilisateur
from rh_tpe.embauche.demo import DemoRefusee, embauche_demo_charger
from rh_tpe.faq.chargement import faq_charger
from rh_tpe.portail.demo import MOT_DE_PASSE_DEMO, demo_charger


class Command(BaseCommand):
    help = "Charge les données de démonstration (sans effet si elles existent déjà)."

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError(
                "Les données de démonstration ne se chargent jamais en production "
                "(DJANGO_ENV=production)."
            )
        utilisateurs = demo_charger()
        chef = Utilisateur.objects.get(email="boulangerie@tpe.test")
        try:
            embauche = embauche_demo_charger(chef)
        except DemoRefusee as raison:
            self.stdout.write(self.style.WARNING(f"Embauche de démonstration sautée : {raison}"))
        else:
            if embauche is not None:
                self.stdout.write(f"Embauche de démonstration : {embauche}.")
        bilan = faq_charger()
        self.stdout.write(
            f"FAQ : {bilan.total} articles ({len(bilan.crees)} créés, "
            f"{len(bilan.mis_a_jour)} mis à jour)."
        )
        self.stdout.write(self.style.SUCCESS("Données de démonstration prêtes."))
        self.stdout.write(f"Mot de passe de tous les comptes : {MOT_DE_PASSE_DEMO}")
        for utilisateur in utilisateurs:
            self.stdout.write(f"  {utilisateur.email:32} {utilisateur.libelle_role}")
