from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "rh_tpe.dossiers"
    label = "dossiers"
    verbose_name = "Dossiers (questions des entreprises)"
