from django.apps import AppConfig


class PortailConfig(AppConfig):
    name = "rh_tpe.portail"
    label = "portail"
    verbose_name = "Portail"
