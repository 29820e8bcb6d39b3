from django.apps import AppConfig


class EmbaucheConfig(AppConfig):
    name = "rh_tpe.embauche"
    label = "embauche"
    verbose_name = "Parcours d'embauche"
