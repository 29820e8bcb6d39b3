from django.apps import AppConfig


class ComptesConfig(AppConfig):
    name = "rh_tpe.comptes"
    label = "comptes"
    verbose_name = "Comptes, rôles et entreprises"
