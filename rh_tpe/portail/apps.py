from django.apps import AppConfig


class PortailConfig(AppConfig):
    name = "rh_tpe.portail"
    label = "portail"
    verbose_name = "Portail"

    def ready(self) -> None:
        from rh_tpe.portail import checks  # noqa: F401 (enregistre les vérifications)
