from django.apps import AppConfig


class ComptesConfig(AppConfig):
    name = "rh_tpe.comptes"
    label = "comptes"
    verbose_name = "Comptes, rôles et entreprises"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_login_failed

        from rh_tpe.comptes.securite import compter_echec_de_connexion

        user_login_failed.connect(compter_echec_de_connexion, dispatch_uid="echecs_par_adresse")
